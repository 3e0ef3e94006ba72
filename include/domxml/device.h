/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Pieces shared by <interface> and <hostdev>: guest-side <address>, the
 * device-info elements (<boot>, <alias>, <rom>, <acpi>), <teaming>, and the
 * guest-side <ip>/<route> lists.
 *
 * Ownership, for every struct of the model: strings, element structs and
 * linked nodes hang off a domxml_domain and are released all at once by
 * domxml_domain_free(); no field is ever freed on its own. A caller who edits
 * a struct may point a string field at memory that outlives the domain (a
 * literal, or a copy from domxml_strdup()); element structs and list items
 * come from domxml_<element>_new() of the same domain (domxml.h).
 *
 * Presence, one rule everywhere: an element is present when its pointer is
 * not NULL; a string attribute when it is not NULL; an enum attribute when it
 * is not 0 (..._NONE, ..._ABSENT); a number when its `set` is true.
 */
#ifndef DOMXML_DEVICE_H
#define DOMXML_DEVICE_H

#include <domxml/core.h>

#ifdef __cplusplus
extern "C" {
#endif

/* <address type=...>: the guest-side address. Since 0.1. */
typedef enum domxml_address_type {
    DOMXML_ADDRESS_TYPE_NONE = 0, /* no <address> */
    DOMXML_ADDRESS_TYPE_PCI,
    DOMXML_ADDRESS_TYPE_DRIVE,
    DOMXML_ADDRESS_TYPE_VIRTIO_SERIAL,
    DOMXML_ADDRESS_TYPE_CCID,
    DOMXML_ADDRESS_TYPE_USB,
    DOMXML_ADDRESS_TYPE_SPAPR_VIO,
    DOMXML_ADDRESS_TYPE_CCW,
    DOMXML_ADDRESS_TYPE_VIRTIO_MMIO,
    DOMXML_ADDRESS_TYPE_ISA,
    DOMXML_ADDRESS_TYPE_DIMM,
    DOMXML_ADDRESS_TYPE_UNASSIGNED,
    DOMXML_ADDRESS_TYPE_LAST
} domxml_address_type;

/* <zpci uid= fid=/> inside a PCI address (s390). */
typedef struct domxml_zpci {
    domxml_meta meta;
    domxml_uint uid; /* printed 0x%04x */
    domxml_uint fid; /* printed 0x%08x */
} domxml_zpci;

/*
 * The four parts of a PCI address, host or guest side: domain (printed
 * 0x%04x; libvirt takes domains past 0xffff, so does the parser), bus <= 0xff
 * (0x%02x), slot <= 0x1f (0x%02x), function <= 7 (0x%d). Since 0.2.
 */
typedef struct domxml_pci_addr {
    domxml_uint domain, bus, slot, function;
} domxml_pci_addr;

/*
 * Guest address. Only the member of the union named by `type` is meaningful.
 * Numbers keep presence: an attribute absent in the input stays absent.
 */
typedef struct domxml_address {
    domxml_meta meta;
    domxml_address_type type;
    union {
        struct {
            domxml_pci_addr addr;
            domxml_tristate_switch multifunction;
            domxml_zpci *zpci;
        } pci;
        struct {
            domxml_uint controller, bus, target, unit;
        } drive;
        struct {
            domxml_uint controller, bus, port;
        } virtio_serial;
        struct {
            domxml_uint controller, slot;
        } ccid;
        struct {
            domxml_uint bus;
            const char *port; /* dotted decimals "1.2.3", up to 4 levels */
        } usb;
        struct {
            domxml_ullong reg; /* 0x%08llx */
        } spapr_vio;
        struct {
            domxml_uint cssid; /* 0x%x, <= 0xfe */
            domxml_uint ssid;  /* 0x%x, <= 3 */
            domxml_uint devno; /* 0x%04x, <= 0xffff */
        } ccw;
        struct {
            domxml_uint iobase, irq; /* 0x%x */
        } isa;
        struct {
            domxml_uint slot;
            domxml_ullong base; /* 0x%llx */
        } dimm;
    } u;
} domxml_address;

/* <boot order= loadparm=/> */
typedef struct domxml_boot {
    domxml_meta meta;
    domxml_uint order; /* required, >= 1 */
    const char *loadparm;
} domxml_boot;

/* <alias name=/> */
typedef struct domxml_alias {
    domxml_meta meta;
    const char *name; /* required */
} domxml_alias;

/* <master startport=/> (USB companion controllers; any device may carry it) */
typedef struct domxml_master {
    domxml_meta meta;
    domxml_uint startport;
} domxml_master;

/* <rom enabled= bar= file=/> */
typedef struct domxml_rom {
    domxml_meta meta;
    domxml_tristate_bool enabled;
    domxml_tristate_switch bar;
    const char *file;
} domxml_rom;

/* <acpi index= nodeset=/>. `nodeset` (libvirt 11.8.0; since 0.2): the guest
 * NUMA nodes a PCI host device is close to, in libvirt's set syntax
 * ("0-3,^2,5"), kept as written. */
typedef struct domxml_acpi {
    domxml_meta meta;
    domxml_uint index;
    const char *nodeset;
} domxml_acpi;

/*
 * The trailing elements every device shares, in output order; NULL where
 * the element is absent. Reach it with domxml_node_device_info().
 */
typedef struct domxml_device_info {
    domxml_boot *boot;
    domxml_alias *alias;
    domxml_master *master;
    domxml_rom *rom;
    domxml_acpi *acpi;
    domxml_address *address;
} domxml_device_info;

/* <teaming type=...>. Since 0.1. */
typedef enum domxml_teaming_type {
    DOMXML_TEAMING_TYPE_NONE = 0, /* no teaming */
    DOMXML_TEAMING_TYPE_PERSISTENT,
    DOMXML_TEAMING_TYPE_TRANSIENT,
    DOMXML_TEAMING_TYPE_LAST
} domxml_teaming_type;

/*
 * <teaming type='persistent'/> or <teaming type='transient' persistent='ALIAS'/>.
 * `peer` is the resolved link, set by parsing (and by
 * domxml_domain_link_teaming() for hand-built documents):
 *  - on a transient member: the persistent <interface> node it names;
 *  - on a persistent member: its transient member (an INTERFACE or HOSTDEV
 *    node), or NULL when no device names it.
 * `peer` is borrowed: it points into the same domain.
 */
typedef struct domxml_teaming {
    domxml_meta meta;
    domxml_teaming_type type;
    const char *persistent;
    struct domxml_node *peer;
} domxml_teaming;

/* Address family of <ip>/<route>. */
typedef enum domxml_ip_family {
    DOMXML_IP_FAMILY_NONE = 0,
    DOMXML_IP_FAMILY_IPV4,
    DOMXML_IP_FAMILY_IPV6,
    DOMXML_IP_FAMILY_LAST
} domxml_ip_family;

/* <ip address= family= prefix= peer=/>; a list linked by `next`. */
typedef struct domxml_ip {
    struct domxml_ip *next;
    domxml_meta meta;
    const char *address; /* required; checked as an IPv4/IPv6 address */
    domxml_ip_family family;
    domxml_uint prefix;  /* <= 32 for IPv4, <= 128 for IPv6 */
    const char *peer;
} domxml_ip;

/* <route family= address= netmask= prefix= gateway= metric=/>. `gateway` is
 * required; without `address` the route is a default route (libvirt 11.x;
 * optional since 0.2). */
typedef struct domxml_route {
    struct domxml_route *next;
    domxml_meta meta;
    domxml_ip_family family;
    const char *address;
    const char *netmask;
    domxml_uint prefix;
    const char *gateway;
    domxml_uint metric;
} domxml_route;

#ifdef __cplusplus
}
#endif
#endif /* DOMXML_DEVICE_H */
