/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Host-side <source> of host devices, shared by <hostdev> (one table per
 * subsystem/capabilities type) and <interface type='hostdev'> (whose
 * source address carries type='pci' or type='usb'); and <driver name=>.
 */
#include <string.h>

#include "desc.h"

typedef domxml_hostdev_source domxml__hsrc;
typedef domxml_hostdev_address domxml__haddr;

static const domxml__attr domxml__hostdev_driver_attrs[] = {
    DOMXML__ENUMA("name", domxml_hostdev_driver, name, domxml__hostdev_backend_enum, 0),
    DOMXML__STR("model", domxml_hostdev_driver, model, 0), /* libvirt 10.0.0 */
};
const domxml__elem domxml__hostdev_driver_elem = DOMXML__ELEM("driver", domxml_hostdev_driver, DOMXML__ATTRS(domxml__hostdev_driver_attrs));

/* <vendor id=/> and <product id=/>: USB ids, 0x%04x. */
/* libvirt refuses vendor 0 but takes product 0. */
static const domxml__attr domxml__vendor_id_attrs[] = {
    DOMXML__UINT("id", domxml_usb_id, id, 0, DOMXML__F_HEX4, 0xffff,
                 DOMXML__A_REQUIRED | DOMXML__A_NONZERO),
};
static const domxml__attr domxml__product_id_attrs[] = {
    DOMXML__UINT("id", domxml_usb_id, id, 0, DOMXML__F_HEX4, 0xffff, DOMXML__A_REQUIRED),
};
static const domxml__elem domxml__vendor_elem =
    DOMXML__ELEM("vendor", domxml_usb_id, DOMXML__ATTRS(domxml__vendor_id_attrs));
static const domxml__elem domxml__product_elem =
    DOMXML__ELEM("product", domxml_usb_id, DOMXML__ATTRS(domxml__product_id_attrs));

/* ------------------------------------------------------------------ */
/* <address> inside <source>                                            */

#define DOMXML__HADDR_ELEM(attrs_, ...)                                        \
    DOMXML__ELEM("address", domxml__haddr, DOMXML__ATTRS(attrs_), __VA_ARGS__)
#define DOMXML__HADDR_PCI                                                      \
    DOMXML__UINT("domain", domxml__haddr, u.pci.domain, 0, DOMXML__F_HEX4, 0, 0), \
    DOMXML__UINT("bus", domxml__haddr, u.pci.bus, 0, DOMXML__F_HEX2, 0xff, 0),    \
    DOMXML__UINT("slot", domxml__haddr, u.pci.slot, 0, DOMXML__F_HEX2, 0x1f, 0),  \
    DOMXML__UINT("function", domxml__haddr, u.pci.function, 0, DOMXML__F_HEXDEC, 7, 0)
#define DOMXML__HADDR_USB                                                      \
    DOMXML__UINT("bus", domxml__haddr, u.usb.bus, 0, DOMXML__F_DEC, 0, DOMXML__A_REQUIRED), \
    DOMXML__UINT("device", domxml__haddr, u.usb.device, 0, DOMXML__F_DEC, 0, DOMXML__A_REQUIRED)
#define DOMXML__HADDR_TYPE(fl) \
    DOMXML__ENUMA("type", domxml__haddr, type, domxml__address_type_enum, fl)

static const domxml__attr domxml__haddr_pci_attrs[] = {DOMXML__HADDR_PCI};
static const domxml__attr domxml__haddr_usb_attrs[] = {DOMXML__HADDR_USB};
static const domxml__attr domxml__haddr_scsi_attrs[] = {
    DOMXML__UINT("bus", domxml__haddr, u.scsi.bus, 0, DOMXML__F_DEC, 0, DOMXML__A_REQUIRED),
    DOMXML__UINT("target", domxml__haddr, u.scsi.target, 0, DOMXML__F_DEC, 0, DOMXML__A_REQUIRED),
    DOMXML__ULLONG("unit", domxml__haddr, u.scsi.unit, 0, DOMXML__F_DEC, DOMXML__A_REQUIRED),
};
static const domxml__attr domxml__haddr_mdev_attrs[] = {
    DOMXML__UUIDA("uuid", domxml__haddr, u.mdev.uuid, DOMXML__A_REQUIRED),
};
/* A plain <hostdev> source address has no type attribute: one set by hand
 * would not be written. */
static int domxml__haddr_untyped_check(domxml__diag *d, const void *obj, const void *parent)
{
    (void)parent;
    if (((const domxml__haddr *)obj)->type != DOMXML_ADDRESS_TYPE_NONE)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "the <address> of a <hostdev> source takes no 'type' (only that of "
                            "an <interface type='hostdev'> does)");
    return 0;
}

static const domxml__elem domxml__haddr_pci_elem =
    DOMXML__HADDR_ELEM(domxml__haddr_pci_attrs, .check = domxml__haddr_untyped_check);
static const domxml__elem domxml__haddr_usb_elem =
    DOMXML__HADDR_ELEM(domxml__haddr_usb_attrs, .check = domxml__haddr_untyped_check);
static const domxml__elem domxml__haddr_scsi_elem =
    DOMXML__HADDR_ELEM(domxml__haddr_scsi_attrs, .check = domxml__haddr_untyped_check);
static const domxml__elem domxml__haddr_mdev_elem =
    DOMXML__HADDR_ELEM(domxml__haddr_mdev_attrs, .check = domxml__haddr_untyped_check);

/* Inside <interface type='hostdev'> the address names its bus type. */
static const domxml__attr domxml__haddr_typed_attrs[] = {DOMXML__HADDR_TYPE(DOMXML__A_REQUIRED)};
static const domxml__attr domxml__haddr_typed_pci_attrs[] = {DOMXML__HADDR_TYPE(0),
                                                             DOMXML__HADDR_PCI};
static const domxml__attr domxml__haddr_typed_usb_attrs[] = {DOMXML__HADDR_TYPE(0),
                                                             DOMXML__HADDR_USB};
static int domxml__haddr_typed_check(domxml__diag *d, const void *obj, const void *parent);

/* The check sits on the variant that other types refine to: a refined
 * table replaces its base, checks included. */
static const domxml__elem domxml__haddr_typed_none_elem = DOMXML__ELEM("address", domxml__haddr, DOMXML__ATTRS(domxml__haddr_typed_attrs), .check = domxml__haddr_typed_check);
static const domxml__elem domxml__haddr_typed_pci_elem =
    DOMXML__HADDR_ELEM(domxml__haddr_typed_pci_attrs);
static const domxml__elem domxml__haddr_typed_usb_elem =
    DOMXML__HADDR_ELEM(domxml__haddr_typed_usb_attrs);

static int domxml__haddr_typed_check(domxml__diag *d, const void *obj, const void *parent)
{
    domxml_address_type t = ((const domxml__haddr *)obj)->type;

    (void)parent;
    if (t != DOMXML_ADDRESS_TYPE_PCI && t != DOMXML_ADDRESS_TYPE_USB)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'type' of <address>: "
                            "a host device source address is 'pci' or 'usb'",
                            domxml__enum_name(&domxml__address_type_enum, (int)t));
    return 0;
}

static const domxml__elem *domxml__haddr_typed_refine(const void *obj, const void *parent)
{
    (void)parent;
    switch (((const domxml__haddr *)obj)->type) {
    case DOMXML_ADDRESS_TYPE_PCI:
        return &domxml__haddr_typed_pci_elem;
    case DOMXML_ADDRESS_TYPE_USB:
        return &domxml__haddr_typed_usb_elem;
    default:
        return &domxml__haddr_typed_none_elem;
    }
}

static const domxml__elem domxml__haddr_typed_elem = DOMXML__ELEM("address", domxml__haddr, DOMXML__ATTRS(domxml__haddr_typed_attrs), .refine = domxml__haddr_typed_refine);

/* ------------------------------------------------------------------ */
/* iSCSI pieces                                                         */

static const domxml__attr domxml__iscsi_host_attrs[] = {
    DOMXML__STR("name", domxml_iscsi_host, name, DOMXML__A_REQUIRED),
    DOMXML__UINT("port", domxml_iscsi_host, port, 10, DOMXML__F_DEC, 65535, DOMXML__A_NONZERO),
};
static const domxml__elem domxml__iscsi_host_elem = DOMXML__ELEM("host", domxml_iscsi_host, DOMXML__ATTRS(domxml__iscsi_host_attrs));

static const domxml__attr domxml__secret_attrs[] = {
    DOMXML__STR("type", domxml_secret, type, DOMXML__A_REQUIRED),
    DOMXML__STR("usage", domxml_secret, usage, 0),
    DOMXML__UUIDA("uuid", domxml_secret, uuid, 0),
};
static int domxml__secret_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_secret *s = obj;

    (void)parent;
    if (strcmp(s->type, "iscsi") != 0)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'type' of <secret>: expected 'iscsi'",
                            s->type);
    if (!s->usage == !s->uuid)
        return domxml__rule(d, DOMXML_ERR_MISSING,
                            "<secret> needs exactly one of 'usage' and 'uuid'");
    return 0;
}
static const domxml__elem domxml__secret_elem = DOMXML__ELEM("secret", domxml_secret, DOMXML__ATTRS(domxml__secret_attrs), .check = domxml__secret_check);

static const domxml__attr domxml__auth_attrs[] = {
    DOMXML__STR("username", domxml_iscsi_auth, username, DOMXML__A_REQUIRED),
};
static const domxml__child domxml__auth_kids[] = {
    DOMXML__PTR(domxml__secret_elem, domxml_iscsi_auth, secret),
};
static int domxml__auth_check(domxml__diag *d, const void *obj, const void *parent)
{
    (void)parent;
    if (!((const domxml_iscsi_auth *)obj)->secret)
        return domxml__rule(d, DOMXML_ERR_MISSING, "<auth> needs a <secret>");
    return 0;
}

static const domxml__elem domxml__auth_elem = DOMXML__ELEM("auth", domxml_iscsi_auth, DOMXML__ATTRS(domxml__auth_attrs), DOMXML__KIDS(domxml__auth_kids), .check = domxml__auth_check);

static const domxml__attr domxml__iqn_attrs[] = {
    DOMXML__STR("name", domxml_iqn, name, DOMXML__A_REQUIRED),
};
static const domxml__elem domxml__iqn_elem = DOMXML__ELEM("iqn", domxml_iqn, DOMXML__ATTRS(domxml__iqn_attrs));
static const domxml__child domxml__initiator_kids[] = {
    DOMXML__PTR(domxml__iqn_elem, domxml_iscsi_initiator, iqn),
};
static const domxml__elem domxml__initiator_elem = DOMXML__ELEM("initiator", domxml_iscsi_initiator, DOMXML__KIDS(domxml__initiator_kids));

static const domxml__attr domxml__adapter_attrs[] = {
    DOMXML__STR("name", domxml_scsi_adapter, name, DOMXML__A_REQUIRED),
};
static const domxml__elem domxml__adapter_elem = DOMXML__ELEM("adapter", domxml_scsi_adapter, DOMXML__ATTRS(domxml__adapter_attrs));

/* Text elements of capabilities sources. */
#define DOMXML__TEXT_ELEM(nm)                                                  \
    DOMXML__ELEM(nm, domxml_text_element, .text_kind = DOMXML__K_STR,          \
                 .text_off = offsetof(domxml_text_element, text))
static const domxml__elem domxml__block_elem = DOMXML__TEXT_ELEM("block");
static const domxml__elem domxml__char_elem = DOMXML__TEXT_ELEM("char");
static const domxml__elem domxml__netif_elem = DOMXML__TEXT_ELEM("interface");

/* ------------------------------------------------------------------ */
/* <source> variants                                                    */

static const domxml__attr domxml__hsrc_pci_attrs[] = {
    DOMXML__ENUMA("startupPolicy", domxml__hsrc, startup_policy,
                  domxml__usb_startup_policy_enum, 0),
    DOMXML__ENUMA("writeFiltering", domxml__hsrc, write_filtering, domxml__tristate_bool_enum, 0),
};
static const domxml__child domxml__hsrc_pci_kids[] = {
    DOMXML__PTR(domxml__haddr_pci_elem, domxml__hsrc, address),
};
static const domxml__attr domxml__hsrc_usb_attrs[] = {
    DOMXML__ENUMA("startupPolicy", domxml__hsrc, startup_policy,
                  domxml__usb_startup_policy_enum, 0),
    DOMXML__ENUMA("autoAddress", domxml__hsrc, auto_address, domxml__tristate_bool_enum, 0),
    DOMXML__ENUMA("missing", domxml__hsrc, missing, domxml__tristate_bool_enum, 0),
    DOMXML__ENUMA("guestReset", domxml__hsrc, guest_reset, domxml__usb_guest_reset_enum, 0),
};
static const domxml__child domxml__hsrc_usb_kids[] = {
    DOMXML__PTR(domxml__vendor_elem, domxml__hsrc, u.usb.vendor),
    DOMXML__PTR(domxml__product_elem, domxml__hsrc, u.usb.product),
    DOMXML__PTR(domxml__haddr_usb_elem, domxml__hsrc, address),
};
static const domxml__attr domxml__hsrc_scsi_attrs[] = {
    DOMXML__ENUMA("protocol", domxml__hsrc, protocol, domxml__scsi_protocol_enum, 0),
    DOMXML__STR("name", domxml__hsrc, name, 0),
};
static const domxml__child domxml__hsrc_scsi_kids[] = {
    DOMXML__PTR(domxml__adapter_elem, domxml__hsrc, u.scsi.adapter),
    DOMXML__PTR(domxml__haddr_scsi_elem, domxml__hsrc, address),
    DOMXML__PTR(domxml__iscsi_host_elem, domxml__hsrc, u.scsi.host),
    DOMXML__PTR(domxml__auth_elem, domxml__hsrc, u.scsi.auth),
    DOMXML__PTR(domxml__initiator_elem, domxml__hsrc, u.scsi.initiator),
};
static const domxml__attr domxml__hsrc_scsi_host_attrs[] = {
    DOMXML__ENUMA("protocol", domxml__hsrc, protocol, domxml__scsi_protocol_enum,
                  DOMXML__A_REQUIRED),
    DOMXML__STR("wwpn", domxml__hsrc, wwpn, DOMXML__A_REQUIRED),
};
static const domxml__child domxml__hsrc_mdev_kids[] = {
    DOMXML__PTR(domxml__haddr_mdev_elem, domxml__hsrc, address),
};
static const domxml__child domxml__hsrc_storage_kids[] = {
    DOMXML__PTR(domxml__block_elem, domxml__hsrc, u.block),
};
static const domxml__child domxml__hsrc_misc_kids[] = {
    DOMXML__PTR(domxml__char_elem, domxml__hsrc, u.char_dev),
};
static const domxml__child domxml__hsrc_net_kids[] = {
    DOMXML__PTR(domxml__netif_elem, domxml__hsrc, u.interface),
};

/* Source elements a type cannot do without. */
static int domxml__hsrc_need(domxml__diag *d, bool present, const char *what)
{
    if (!present)
        return domxml__rule(d, DOMXML_ERR_MISSING, "%s", what);
    return 0;
}

/* libvirt's parser takes startupPolicy on USB sources only. */
static int domxml__hsrc_pci_check(domxml__diag *d, const void *obj, const void *parent)
{
    (void)parent;
    if (((const domxml__hsrc *)obj)->startup_policy)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "attribute 'startupPolicy' of <source> is allowed only for type='usb'");
    return 0;
}

static int domxml__hsrc_usb_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml__hsrc *s = obj;

    (void)parent;
    if (!s->u.usb.vendor != !s->u.usb.product)
        return domxml__rule(d, DOMXML_ERR_MISSING,
                            "a USB <source> needs both <vendor> and <product>, or neither");
    return 0;
}

static int domxml__hsrc_mdev_check(domxml__diag *d, const void *obj, const void *parent)
{
    (void)parent;
    return domxml__hsrc_need(d, ((const domxml__hsrc *)obj)->address != NULL,
                             "an mdev <source> needs an <address>");
}

static int domxml__hsrc_storage_check(domxml__diag *d, const void *obj, const void *parent)
{
    (void)parent;
    return domxml__hsrc_need(d, ((const domxml__hsrc *)obj)->u.block != NULL,
                             "a storage <source> needs a <block>");
}

static int domxml__hsrc_misc_check(domxml__diag *d, const void *obj, const void *parent)
{
    (void)parent;
    return domxml__hsrc_need(d, ((const domxml__hsrc *)obj)->u.char_dev != NULL,
                             "a misc <source> needs a <char>");
}

static int domxml__hsrc_net_check(domxml__diag *d, const void *obj, const void *parent)
{
    (void)parent;
    return domxml__hsrc_need(d, ((const domxml__hsrc *)obj)->u.interface != NULL,
                             "a net <source> needs an <interface>");
}

/* scsi: an adapter source (default protocol) or an iSCSI one. */
static int domxml__hsrc_scsi_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml__hsrc *s = obj;

    (void)parent;
    if (s->protocol == DOMXML_SCSI_PROTOCOL_ISCSI) {
        if (!s->name)
            return domxml__rule(d, DOMXML_ERR_MISSING,
                                "missing required attribute 'name' of an iSCSI <source>");
        if (!s->u.scsi.host)
            return domxml__rule(d, DOMXML_ERR_MISSING, "an iSCSI <source> needs a <host>");
        return 0;
    }
    if (s->protocol == DOMXML_SCSI_PROTOCOL_VHOST)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "invalid value 'vhost' for attribute 'protocol' of <source>: "
                            "expected 'adapter' or 'iscsi'");
    if (!s->u.scsi.adapter || !s->address)
        return domxml__rule(d, DOMXML_ERR_MISSING,
                            "a SCSI adapter <source> needs <adapter> and <address>");
    return 0;
}

static int domxml__hsrc_scsi_host_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml__hsrc *s = obj;
    size_t n = strlen(s->wwpn);

    (void)parent;
    if (s->protocol != DOMXML_SCSI_PROTOCOL_VHOST)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "invalid value for attribute 'protocol' of <source>: expected 'vhost'");
    if (n != 20 || strncmp(s->wwpn, "naa.", 4) != 0 ||
        strspn(s->wwpn + 4, "0123456789abcdefABCDEF") != 16)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'wwpn' of <source>: "
                            "expected 'naa.' and 16 hexadecimal digits", s->wwpn);
    return 0;
}

#define DOMXML__HSRC_ELEM(...) DOMXML__ELEM("source", domxml__hsrc, __VA_ARGS__)

static const domxml__elem domxml__hsrc_variants[DOMXML_HOSTDEV_TYPE_LAST] = {
    [DOMXML_HOSTDEV_TYPE_NONE] = DOMXML__HSRC_ELEM(),
    [DOMXML_HOSTDEV_TYPE_USB] =
        DOMXML__HSRC_ELEM(DOMXML__ATTRS(domxml__hsrc_usb_attrs), DOMXML__KIDS(domxml__hsrc_usb_kids),
                          .check = domxml__hsrc_usb_check),
    [DOMXML_HOSTDEV_TYPE_PCI] =
        DOMXML__HSRC_ELEM(DOMXML__ATTRS(domxml__hsrc_pci_attrs), DOMXML__KIDS(domxml__hsrc_pci_kids),
                          .check = domxml__hsrc_pci_check),
    [DOMXML_HOSTDEV_TYPE_SCSI] =
        DOMXML__HSRC_ELEM(DOMXML__ATTRS(domxml__hsrc_scsi_attrs),
                          DOMXML__KIDS(domxml__hsrc_scsi_kids), .check = domxml__hsrc_scsi_check),
    [DOMXML_HOSTDEV_TYPE_SCSI_HOST] = DOMXML__HSRC_ELEM(DOMXML__ATTRS(domxml__hsrc_scsi_host_attrs),
                                                        .check = domxml__hsrc_scsi_host_check),
    [DOMXML_HOSTDEV_TYPE_MDEV] =
        DOMXML__HSRC_ELEM(DOMXML__KIDS(domxml__hsrc_mdev_kids), .check = domxml__hsrc_mdev_check),
    [DOMXML_HOSTDEV_TYPE_STORAGE] = DOMXML__HSRC_ELEM(DOMXML__KIDS(domxml__hsrc_storage_kids),
                                                      .check = domxml__hsrc_storage_check),
    [DOMXML_HOSTDEV_TYPE_MISC] =
        DOMXML__HSRC_ELEM(DOMXML__KIDS(domxml__hsrc_misc_kids), .check = domxml__hsrc_misc_check),
    [DOMXML_HOSTDEV_TYPE_NET] =
        DOMXML__HSRC_ELEM(DOMXML__KIDS(domxml__hsrc_net_kids), .check = domxml__hsrc_net_check),
};

static const domxml__elem *domxml__hsrc_refine(const void *obj, const void *parent)
{
    unsigned t = (unsigned)((const domxml_hostdev *)parent)->type;

    (void)obj;
    return &domxml__hsrc_variants[t < DOMXML_HOSTDEV_TYPE_LAST ? t : 0];
}

const domxml__elem domxml__hostdev_source_elem = DOMXML__ELEM("source", domxml__hsrc, .refine = domxml__hsrc_refine);

/* <interface type='hostdev'>: PCI or USB, the address carrying its type. */
static const domxml__attr domxml__iface_hsrc_attrs[] = {
    DOMXML__ENUMA("startupPolicy", domxml__hsrc, startup_policy,
                  domxml__usb_startup_policy_enum, 0),
    DOMXML__ENUMA("autoAddress", domxml__hsrc, auto_address, domxml__tristate_bool_enum, 0),
    DOMXML__ENUMA("missing", domxml__hsrc, missing, domxml__tristate_bool_enum, 0),
    DOMXML__ENUMA("guestReset", domxml__hsrc, guest_reset, domxml__usb_guest_reset_enum, 0),
    DOMXML__ENUMA("writeFiltering", domxml__hsrc, write_filtering, domxml__tristate_bool_enum, 0),
};
static const domxml__child domxml__iface_hsrc_kids[] = {
    DOMXML__PTR(domxml__vendor_elem, domxml__hsrc, u.usb.vendor),
    DOMXML__PTR(domxml__product_elem, domxml__hsrc, u.usb.product),
    DOMXML__PTR(domxml__haddr_typed_elem, domxml__hsrc, address),
};
/* The same rules as a <hostdev> source of the type its address names. */
static int domxml__iface_hsrc_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml__hsrc *s = obj;
    bool usb = (s->address && s->address->type == DOMXML_ADDRESS_TYPE_USB) || s->u.usb.vendor ||
               s->u.usb.product;

    return usb ? domxml__hsrc_usb_check(d, obj, parent) : domxml__hsrc_pci_check(d, obj, parent);
}

const domxml__elem domxml__iface_hostdev_source_elem =
    DOMXML__HSRC_ELEM(DOMXML__ATTRS(domxml__iface_hsrc_attrs), DOMXML__KIDS(domxml__iface_hsrc_kids),
                      .check = domxml__iface_hsrc_check);
