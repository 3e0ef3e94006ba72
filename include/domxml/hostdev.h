/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * <hostdev>: host devices passed to the guest, and the host-device source
 * that <interface type='hostdev'> shares with it. Ownership: see device.h.
 */
#ifndef DOMXML_HOSTDEV_H
#define DOMXML_HOSTDEV_H

#include <domxml/device.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum domxml_hostdev_mode {
    DOMXML_HOSTDEV_MODE_NONE = 0, /* attribute absent (means subsystem) */
    DOMXML_HOSTDEV_MODE_SUBSYSTEM,
    DOMXML_HOSTDEV_MODE_CAPABILITIES,
    DOMXML_HOSTDEV_MODE_LAST
} domxml_hostdev_mode;

/* Subsystem types first, then capabilities types. */
typedef enum domxml_hostdev_type {
    DOMXML_HOSTDEV_TYPE_NONE = 0,
    DOMXML_HOSTDEV_TYPE_USB,
    DOMXML_HOSTDEV_TYPE_PCI,
    DOMXML_HOSTDEV_TYPE_SCSI,
    DOMXML_HOSTDEV_TYPE_SCSI_HOST,
    DOMXML_HOSTDEV_TYPE_MDEV,
    DOMXML_HOSTDEV_TYPE_STORAGE,
    DOMXML_HOSTDEV_TYPE_MISC,
    DOMXML_HOSTDEV_TYPE_NET,
    DOMXML_HOSTDEV_TYPE_LAST
} domxml_hostdev_type;

/* <driver name=...> of a PCI host device. */
typedef enum domxml_hostdev_backend {
    DOMXML_HOSTDEV_BACKEND_NONE = 0,
    DOMXML_HOSTDEV_BACKEND_KVM,
    DOMXML_HOSTDEV_BACKEND_VFIO,
    DOMXML_HOSTDEV_BACKEND_XEN,
    DOMXML_HOSTDEV_BACKEND_LAST
} domxml_hostdev_backend;

typedef enum domxml_hostdev_sgio {
    DOMXML_HOSTDEV_SGIO_NONE = 0,
    DOMXML_HOSTDEV_SGIO_FILTERED,
    DOMXML_HOSTDEV_SGIO_UNFILTERED,
    DOMXML_HOSTDEV_SGIO_LAST
} domxml_hostdev_sgio;

/* model= of scsi_host (virtio*) and mdev (vfio-*) host devices. */
typedef enum domxml_hostdev_model {
    DOMXML_HOSTDEV_MODEL_NONE = 0,
    DOMXML_HOSTDEV_MODEL_VIRTIO,
    DOMXML_HOSTDEV_MODEL_VIRTIO_TRANSITIONAL,
    DOMXML_HOSTDEV_MODEL_VIRTIO_NON_TRANSITIONAL,
    DOMXML_HOSTDEV_MODEL_VFIO_PCI,
    DOMXML_HOSTDEV_MODEL_VFIO_CCW,
    DOMXML_HOSTDEV_MODEL_VFIO_AP,
    DOMXML_HOSTDEV_MODEL_LAST
} domxml_hostdev_model;

typedef enum domxml_usb_startup_policy {
    DOMXML_USB_STARTUP_POLICY_NONE = 0,
    DOMXML_USB_STARTUP_POLICY_MANDATORY,
    DOMXML_USB_STARTUP_POLICY_REQUISITE,
    DOMXML_USB_STARTUP_POLICY_OPTIONAL,
    DOMXML_USB_STARTUP_POLICY_LAST
} domxml_usb_startup_policy;

typedef enum domxml_usb_guest_reset {
    DOMXML_USB_GUEST_RESET_NONE = 0,
    DOMXML_USB_GUEST_RESET_OFF,
    DOMXML_USB_GUEST_RESET_UNINITIALIZED,
    DOMXML_USB_GUEST_RESET_ON,
    DOMXML_USB_GUEST_RESET_LAST
} domxml_usb_guest_reset;

/* protocol= of a SCSI (adapter, iscsi) or scsi_host (vhost) source. */
typedef enum domxml_scsi_protocol {
    DOMXML_SCSI_PROTOCOL_NONE = 0,
    DOMXML_SCSI_PROTOCOL_ADAPTER,
    DOMXML_SCSI_PROTOCOL_ISCSI,
    DOMXML_SCSI_PROTOCOL_VHOST,
    DOMXML_SCSI_PROTOCOL_LAST
} domxml_scsi_protocol;

/* <driver name=.../> of a PCI hostdev (also of <interface type='hostdev'>). */
typedef struct domxml_hostdev_driver {
    domxml_extra extra;
    domxml_hostdev_backend name;
} domxml_hostdev_driver;

/*
 * The <address> inside <source>. Which fields apply depends on the device:
 *   pci:  domain/bus/slot/function (0x%04x/0x%02x/0x%02x/0x%d)
 *   usb:  bus/device (decimal)
 *   scsi: bus/target/unit (decimal)
 *   mdev: uuid
 * `type` (pci or usb) is written only inside <interface type='hostdev'>.
 */
typedef struct domxml_hostdev_address {
    domxml_extra extra;
    domxml_address_type type;
    domxml_uint domain, bus, slot, function;
    domxml_uint device;
    domxml_uint target;
    domxml_ullong unit;
    const char *uuid;
} domxml_hostdev_address;

/* <vendor id=/> and <product id=/> of a USB source (0x%04x). */
typedef struct domxml_usb_id {
    domxml_extra extra;
    domxml_uint id;
} domxml_usb_id;

/* <adapter name=/> of a SCSI source. */
typedef struct domxml_scsi_adapter {
    domxml_extra extra;
    const char *name;
} domxml_scsi_adapter;

/* <host name= port=/> of an iSCSI source. */
typedef struct domxml_iscsi_host {
    domxml_extra extra;
    const char *name;
    domxml_uint port; /* 1..65535 */
} domxml_iscsi_host;

/* <secret type= usage=|uuid=/> inside <auth>. */
typedef struct domxml_secret {
    domxml_extra extra;
    const char *type;
    const char *usage;
    const char *uuid;
} domxml_secret;

/* <auth username=> <secret/> </auth> of an iSCSI source. */
typedef struct domxml_iscsi_auth {
    domxml_extra extra;
    const char *username;
    domxml_secret secret;
} domxml_iscsi_auth;

/* <iqn name=/> inside <initiator>. */
typedef struct domxml_iqn {
    domxml_extra extra;
    const char *name;
} domxml_iqn;

typedef struct domxml_iscsi_initiator {
    domxml_extra extra;
    domxml_iqn iqn;
} domxml_iscsi_initiator;

/* A text-only element such as <block>/dev/sdb</block>. */
typedef struct domxml_text_element {
    domxml_extra extra;
    const char *text;
} domxml_text_element;

/* <source> of a host device; fields per type as commented. */
typedef struct domxml_hostdev_source {
    domxml_extra extra;
    /* scsi: adapter (default) or iscsi; scsi_host: vhost */
    domxml_scsi_protocol protocol;
    const char *name;                         /* scsi iscsi: target IQN/LUN */
    const char *wwpn;                         /* scsi_host */
    domxml_usb_startup_policy startup_policy; /* usb */
    domxml_tristate_bool auto_address;        /* usb, migratable XML */
    domxml_tristate_bool missing;             /* usb, live XML */
    domxml_usb_guest_reset guest_reset;       /* usb */
    domxml_tristate_bool write_filtering;     /* pci (Xen) */
    domxml_usb_id vendor, product;            /* usb */
    domxml_scsi_adapter adapter;              /* scsi adapter */
    domxml_iscsi_host host;                   /* scsi iscsi */
    domxml_iscsi_auth auth;                   /* scsi iscsi */
    domxml_iscsi_initiator initiator;         /* scsi iscsi */
    domxml_hostdev_address address;           /* pci, usb, scsi, mdev */
    domxml_text_element block;                /* capabilities storage */
    domxml_text_element char_dev;             /* capabilities misc: <char> */
    domxml_text_element interface;            /* capabilities net */
} domxml_hostdev_source;

/* An element whose presence is its value, e.g. <readonly/>. */
typedef struct domxml_flag {
    domxml_extra extra;
    bool present;
} domxml_flag;

/* <hostdev>. Create with domxml_hostdev_node_new(). Since 0.1. */
typedef struct domxml_hostdev {
    domxml_extra extra;
    domxml_hostdev_mode mode;
    domxml_hostdev_type type;
    domxml_tristate_bool managed;
    domxml_hostdev_sgio sgio;
    domxml_tristate_bool rawio;
    domxml_hostdev_model model;
    domxml_tristate_switch display;
    domxml_tristate_switch ramfb;
    domxml_hostdev_driver driver;
    domxml_hostdev_source source;
    domxml_ip *ips;       /* capabilities net, after <source> */
    domxml_route *routes; /* capabilities net, after the <ip> list */
    domxml_teaming teaming;
    domxml_flag readonly;
    domxml_flag shareable;
    domxml_device_info info;
} domxml_hostdev;

#ifdef __cplusplus
}
#endif
#endif /* DOMXML_HOSTDEV_H */
