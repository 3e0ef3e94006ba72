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

/* <driver name= model=/> of a PCI hostdev (also of <interface type='hostdev'>).
 * `model` names a VFIO variant driver (e.g. "vfio_pci" or a vendor's);
 * since 0.2 (libvirt 10.0.0). */
typedef struct domxml_hostdev_driver {
    domxml_meta meta;
    domxml_hostdev_backend name;
    const char *model;
} domxml_hostdev_driver;

/*
 * The <address> inside a host-device <source>. The member of `u` that
 * applies follows the device: pci (also <interface type='hostdev'> with
 * type PCI), usb (bus/device, decimal), scsi (bus/target/unit, decimal),
 * mdev (uuid). `type` (pci or usb) is written only inside
 * <interface type='hostdev'>, where it is required and picks the member.
 * Since 0.2.
 */
typedef struct domxml_hostdev_address {
    domxml_meta meta;
    domxml_address_type type;
    union {
        domxml_pci_addr pci;
        struct {
            domxml_uint bus, device; /* both required */
        } usb;
        struct {
            domxml_uint bus, target; /* required */
            domxml_ullong unit;      /* required */
        } scsi;
        struct {
            const char *uuid; /* required, written lower-case dashed */
        } mdev;
    } u;
} domxml_hostdev_address;

/* <vendor id=/> and <product id=/> of a USB source (0x%04x). */
typedef struct domxml_usb_id {
    domxml_meta meta;
    domxml_uint id; /* required; vendor id != 0 */
} domxml_usb_id;

/* <adapter name=/> of a SCSI source. */
typedef struct domxml_scsi_adapter {
    domxml_meta meta;
    const char *name;
} domxml_scsi_adapter;

/* <host name= port=/> of an iSCSI source. */
typedef struct domxml_iscsi_host {
    domxml_meta meta;
    const char *name;
    domxml_uint port; /* 1..65535 */
} domxml_iscsi_host;

/* <secret type= usage=|uuid=/> inside <auth>. */
typedef struct domxml_secret {
    domxml_meta meta;
    const char *type;
    const char *usage;
    const char *uuid;
} domxml_secret;

/* <auth username=> <secret/> </auth> of an iSCSI source. */
typedef struct domxml_iscsi_auth {
    domxml_meta meta;
    const char *username;
    domxml_secret *secret; /* required */
} domxml_iscsi_auth;

/* <iqn name=/> inside <initiator>. */
typedef struct domxml_iqn {
    domxml_meta meta;
    const char *name;
} domxml_iqn;

typedef struct domxml_iscsi_initiator {
    domxml_meta meta;
    domxml_iqn *iqn;
} domxml_iscsi_initiator;

/* A text-only element such as <block>/dev/sdb</block>. */
typedef struct domxml_text_element {
    domxml_meta meta;
    const char *text;
} domxml_text_element;

/*
 * <source> of a host device. Attributes are per type as commented; the
 * child elements other than <address> sit in a union whose member follows
 * the device type (usb, scsi, or one of the capabilities types).
 * Reach it for either node kind with domxml_node_host_source().
 */
typedef struct domxml_hostdev_source {
    domxml_meta meta;
    /* scsi: adapter (default) or iscsi; scsi_host: vhost */
    domxml_scsi_protocol protocol;
    domxml_usb_startup_policy startup_policy; /* usb */
    domxml_tristate_bool auto_address;        /* usb, migratable XML */
    domxml_tristate_bool missing;             /* usb, live XML */
    domxml_usb_guest_reset guest_reset;       /* usb */
    domxml_tristate_bool write_filtering;     /* pci (Xen) */
    const char *name;                         /* scsi iscsi: target IQN/LUN */
    const char *wwpn;                         /* scsi_host */
    domxml_hostdev_address *address;          /* pci, usb, scsi, mdev */
    union {
        struct {
            domxml_usb_id *vendor, *product; /* both or neither */
        } usb;
        struct {
            domxml_scsi_adapter *adapter;       /* adapter protocol */
            domxml_iscsi_host *host;            /* iscsi */
            domxml_iscsi_auth *auth;            /* iscsi */
            domxml_iscsi_initiator *initiator;  /* iscsi */
        } scsi;
        domxml_text_element *block;     /* capabilities storage */
        domxml_text_element *char_dev;  /* capabilities misc: <char> */
        domxml_text_element *interface; /* capabilities net */
    } u;
} domxml_hostdev_source;

/* An element whose presence is its value, e.g. <readonly/>. */
typedef struct domxml_flag {
    domxml_meta meta;
} domxml_flag;

/* The children only some host devices have, behind one pointer (allocated
 * with the first of them; domxml_hostdev_more_new() for builders). Since 0.2. */
typedef struct domxml_hostdev_more {
    domxml_ip *ips;       /* capabilities net, after <source> */
    domxml_route *routes; /* capabilities net, after the <ip> list */
    domxml_flag *readonly;  /* scsi */
    domxml_flag *shareable; /* scsi */
} domxml_hostdev_more;

/* <hostdev>. Create with domxml_hostdev_node_new(). Since 0.1; children are
 * pointers since 0.2. */
typedef struct domxml_hostdev {
    domxml_meta meta;
    domxml_hostdev_mode mode;
    domxml_hostdev_type type; /* required */
    domxml_tristate_bool managed;
    domxml_hostdev_sgio sgio;
    domxml_tristate_bool rawio;
    domxml_hostdev_model model;
    domxml_tristate_switch display; /* mdev; pci since libvirt 11.x (0.3) */
    domxml_tristate_switch ramfb;   /* mdev; pci since libvirt 11.x (0.3) */
    domxml_hostdev_driver *driver;  /* pci only */
    domxml_hostdev_source *source;  /* required */
    domxml_teaming *teaming;
    domxml_hostdev_more *more;
    domxml_device_info info;
} domxml_hostdev;

#ifdef __cplusplus
}
#endif
#endif /* DOMXML_HOSTDEV_H */
