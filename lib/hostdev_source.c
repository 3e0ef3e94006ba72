/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Host-side <source> of host devices, shared by <hostdev> (one table per
 * subsystem/capabilities type) and <interface type='hostdev'> (whose
 * source address carries type='pci' or type='usb'); and <driver name=>.
 */
#include <string.h>

#include "internal.h"

typedef domxml_hostdev_source domxml__hsrc;
typedef domxml_hostdev_address domxml__haddr;

static const domxml__attr domxml__hostdev_driver_attrs[] = {
    DOMXML__ENUMA("name", domxml_hostdev_driver, name, domxml__hostdev_backend_enum, 0),
};
const domxml__elem domxml__hostdev_driver_elem = {
    .name = "driver", .size = sizeof(domxml_hostdev_driver),
    .extra_off = offsetof(domxml_hostdev_driver, extra),
    .attrs = domxml__hostdev_driver_attrs, .n_attrs = DOMXML__N(domxml__hostdev_driver_attrs),
};

/* <vendor id=/> and <product id=/>: USB ids, 0x%04x. */
#define DOMXML__USB_ID_ELEM(nm, attrs_)                                        \
    {                                                                          \
        .name = nm, .size = sizeof(domxml_usb_id),                             \
        .extra_off = offsetof(domxml_usb_id, extra), .attrs = attrs_,          \
        .n_attrs = DOMXML__N(attrs_),                                          \
    }
/* libvirt refuses vendor 0 but takes product 0. */
static const domxml__attr domxml__vendor_id_attrs[] = {
    DOMXML__UINT("id", domxml_usb_id, id, 0, DOMXML__F_HEX4, 0xffff,
                 DOMXML__A_REQUIRED | DOMXML__A_NONZERO),
};
static const domxml__attr domxml__product_id_attrs[] = {
    DOMXML__UINT("id", domxml_usb_id, id, 0, DOMXML__F_HEX4, 0xffff, DOMXML__A_REQUIRED),
};
static const domxml__elem domxml__vendor_elem = DOMXML__USB_ID_ELEM("vendor", domxml__vendor_id_attrs);
static const domxml__elem domxml__product_elem =
    DOMXML__USB_ID_ELEM("product", domxml__product_id_attrs);

/* ------------------------------------------------------------------ */
/* <address> inside <source>                                            */

#define DOMXML__HADDR_ELEM(attrs_)                                             \
    {                                                                          \
        .name = "address", .size = sizeof(domxml__haddr),                      \
        .extra_off = offsetof(domxml__haddr, extra), .attrs = attrs_,          \
        .n_attrs = DOMXML__N(attrs_),                                          \
    }
#define DOMXML__HADDR_PCI                                                      \
    DOMXML__UINT("domain", domxml__haddr, domain, 0, DOMXML__F_HEX4, 0, 0),       \
    DOMXML__UINT("bus", domxml__haddr, bus, 0, DOMXML__F_HEX2, 0xff, 0),          \
    DOMXML__UINT("slot", domxml__haddr, slot, 0, DOMXML__F_HEX2, 0x1f, 0),        \
    DOMXML__UINT("function", domxml__haddr, function, 0, DOMXML__F_HEXDEC, 7, 0)
#define DOMXML__HADDR_USB                                                      \
    DOMXML__UINT("bus", domxml__haddr, bus, 0, DOMXML__F_DEC, 0, DOMXML__A_REQUIRED), \
    DOMXML__UINT("device", domxml__haddr, device, 0, DOMXML__F_DEC, 0, DOMXML__A_REQUIRED)
#define DOMXML__HADDR_TYPE(fl) \
    DOMXML__ENUMA("type", domxml__haddr, type, domxml__address_type_enum, fl)

static const domxml__attr domxml__haddr_pci_attrs[] = {DOMXML__HADDR_PCI};
static const domxml__attr domxml__haddr_usb_attrs[] = {DOMXML__HADDR_USB};
static const domxml__attr domxml__haddr_scsi_attrs[] = {
    DOMXML__UINT("bus", domxml__haddr, bus, 0, DOMXML__F_DEC, 0, DOMXML__A_REQUIRED),
    DOMXML__UINT("target", domxml__haddr, target, 0, DOMXML__F_DEC, 0, DOMXML__A_REQUIRED),
    DOMXML__ULLONG("unit", domxml__haddr, unit, 0, DOMXML__F_DEC, DOMXML__A_REQUIRED),
};
static const domxml__attr domxml__haddr_mdev_attrs[] = {
    DOMXML__UUIDA("uuid", domxml__haddr, uuid, DOMXML__A_REQUIRED),
};
static const domxml__elem domxml__haddr_pci_elem = DOMXML__HADDR_ELEM(domxml__haddr_pci_attrs);
static const domxml__elem domxml__haddr_usb_elem = DOMXML__HADDR_ELEM(domxml__haddr_usb_attrs);
static const domxml__elem domxml__haddr_scsi_elem = DOMXML__HADDR_ELEM(domxml__haddr_scsi_attrs);
static const domxml__elem domxml__haddr_mdev_elem = DOMXML__HADDR_ELEM(domxml__haddr_mdev_attrs);

/* Inside <interface type='hostdev'> the address names its bus type. */
static const domxml__attr domxml__haddr_typed_attrs[] = {DOMXML__HADDR_TYPE(DOMXML__A_REQUIRED)};
static const domxml__attr domxml__haddr_typed_pci_attrs[] = {DOMXML__HADDR_TYPE(0),
                                                             DOMXML__HADDR_PCI};
static const domxml__attr domxml__haddr_typed_usb_attrs[] = {DOMXML__HADDR_TYPE(0),
                                                             DOMXML__HADDR_USB};
static int domxml__haddr_typed_check(struct domxml__pctx *pc, void *obj, const void *parent);

/* The check sits on the variant that other types refine to: a refined
 * table replaces its base, checks included. */
static const domxml__elem domxml__haddr_typed_none_elem = {
    .name = "address", .size = sizeof(domxml__haddr),
    .extra_off = offsetof(domxml__haddr, extra),
    .attrs = domxml__haddr_typed_attrs, .n_attrs = DOMXML__N(domxml__haddr_typed_attrs),
    .check = domxml__haddr_typed_check,
};
static const domxml__elem domxml__haddr_typed_pci_elem =
    DOMXML__HADDR_ELEM(domxml__haddr_typed_pci_attrs);
static const domxml__elem domxml__haddr_typed_usb_elem =
    DOMXML__HADDR_ELEM(domxml__haddr_typed_usb_attrs);

static int domxml__haddr_typed_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    domxml_address_type t = ((const domxml__haddr *)obj)->type;

    (void)parent;
    if (t != DOMXML_ADDRESS_TYPE_PCI && t != DOMXML_ADDRESS_TYPE_USB)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
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

static const domxml__elem domxml__haddr_typed_elem = {
    .name = "address", .size = sizeof(domxml__haddr),
    .extra_off = offsetof(domxml__haddr, extra),
    .attrs = domxml__haddr_typed_attrs, .n_attrs = DOMXML__N(domxml__haddr_typed_attrs),
    .refine = domxml__haddr_typed_refine,
};

/* ------------------------------------------------------------------ */
/* iSCSI pieces                                                         */

static const domxml__attr domxml__iscsi_host_attrs[] = {
    DOMXML__STR("name", domxml_iscsi_host, name, DOMXML__A_REQUIRED),
    DOMXML__UINT("port", domxml_iscsi_host, port, 10, DOMXML__F_DEC, 65535, DOMXML__A_NONZERO),
};
static const domxml__elem domxml__iscsi_host_elem = {
    .name = "host", .size = sizeof(domxml_iscsi_host),
    .extra_off = offsetof(domxml_iscsi_host, extra),
    .attrs = domxml__iscsi_host_attrs, .n_attrs = DOMXML__N(domxml__iscsi_host_attrs),
};

static const domxml__attr domxml__secret_attrs[] = {
    DOMXML__STR("type", domxml_secret, type, DOMXML__A_REQUIRED),
    DOMXML__STR("usage", domxml_secret, usage, 0),
    DOMXML__UUIDA("uuid", domxml_secret, uuid, 0),
};
static int domxml__secret_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml_secret *s = obj;

    (void)parent;
    if (strcmp(s->type, "iscsi") != 0)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'type' of <secret>: expected 'iscsi'",
                            s->type);
    if (!s->usage == !s->uuid)
        return domxml__fail(pc, DOMXML_ERR_MISSING,
                            "<secret> needs exactly one of 'usage' and 'uuid'");
    return 0;
}
static const domxml__elem domxml__secret_elem = {
    .name = "secret", .size = sizeof(domxml_secret), .extra_off = offsetof(domxml_secret, extra),
    .attrs = domxml__secret_attrs, .n_attrs = DOMXML__N(domxml__secret_attrs),
    .check = domxml__secret_check,
};

static const domxml__attr domxml__auth_attrs[] = {
    DOMXML__STR("username", domxml_iscsi_auth, username, DOMXML__A_REQUIRED),
};
static const domxml__child domxml__auth_kids[] = {
    DOMXML__EMBED(domxml__secret_elem, domxml_iscsi_auth, secret),
};
static int domxml__auth_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    (void)parent;
    if (!((const domxml_iscsi_auth *)obj)->secret.extra.present)
        return domxml__fail(pc, DOMXML_ERR_MISSING, "<auth> needs a <secret>");
    return 0;
}

static const domxml__elem domxml__auth_elem = {
    .name = "auth", .size = sizeof(domxml_iscsi_auth),
    .extra_off = offsetof(domxml_iscsi_auth, extra),
    .attrs = domxml__auth_attrs, .n_attrs = DOMXML__N(domxml__auth_attrs),
    .kids = domxml__auth_kids, .n_kids = DOMXML__N(domxml__auth_kids),
    .check = domxml__auth_check,
};

static const domxml__attr domxml__iqn_attrs[] = {
    DOMXML__STR("name", domxml_iqn, name, DOMXML__A_REQUIRED),
};
static const domxml__elem domxml__iqn_elem = {
    .name = "iqn", .size = sizeof(domxml_iqn), .extra_off = offsetof(domxml_iqn, extra),
    .attrs = domxml__iqn_attrs, .n_attrs = DOMXML__N(domxml__iqn_attrs),
};
static const domxml__child domxml__initiator_kids[] = {
    DOMXML__EMBED(domxml__iqn_elem, domxml_iscsi_initiator, iqn),
};
static const domxml__elem domxml__initiator_elem = {
    .name = "initiator", .size = sizeof(domxml_iscsi_initiator),
    .extra_off = offsetof(domxml_iscsi_initiator, extra),
    .kids = domxml__initiator_kids, .n_kids = DOMXML__N(domxml__initiator_kids),
};

static const domxml__attr domxml__adapter_attrs[] = {
    DOMXML__STR("name", domxml_scsi_adapter, name, DOMXML__A_REQUIRED),
};
static const domxml__elem domxml__adapter_elem = {
    .name = "adapter", .size = sizeof(domxml_scsi_adapter),
    .extra_off = offsetof(domxml_scsi_adapter, extra),
    .attrs = domxml__adapter_attrs, .n_attrs = DOMXML__N(domxml__adapter_attrs),
};

/* Text elements of capabilities sources. */
#define DOMXML__TEXT_ELEM(nm)                                                  \
    {                                                                          \
        .name = nm, .size = sizeof(domxml_text_element),                       \
        .extra_off = offsetof(domxml_text_element, extra),                     \
        .text_kind = DOMXML__K_STR, .text_off = offsetof(domxml_text_element, text), \
    }
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
    DOMXML__EMBED(domxml__haddr_pci_elem, domxml__hsrc, address),
};
static const domxml__attr domxml__hsrc_usb_attrs[] = {
    DOMXML__ENUMA("startupPolicy", domxml__hsrc, startup_policy,
                  domxml__usb_startup_policy_enum, 0),
    DOMXML__ENUMA("autoAddress", domxml__hsrc, auto_address, domxml__tristate_bool_enum, 0),
    DOMXML__ENUMA("missing", domxml__hsrc, missing, domxml__tristate_bool_enum, 0),
    DOMXML__ENUMA("guestReset", domxml__hsrc, guest_reset, domxml__usb_guest_reset_enum, 0),
};
static const domxml__child domxml__hsrc_usb_kids[] = {
    DOMXML__EMBED(domxml__vendor_elem, domxml__hsrc, vendor),
    DOMXML__EMBED(domxml__product_elem, domxml__hsrc, product),
    DOMXML__EMBED(domxml__haddr_usb_elem, domxml__hsrc, address),
};
static const domxml__attr domxml__hsrc_scsi_attrs[] = {
    DOMXML__ENUMA("protocol", domxml__hsrc, protocol, domxml__scsi_protocol_enum, 0),
    DOMXML__STR("name", domxml__hsrc, name, 0),
};
static const domxml__child domxml__hsrc_scsi_kids[] = {
    DOMXML__EMBED(domxml__adapter_elem, domxml__hsrc, adapter),
    DOMXML__EMBED(domxml__haddr_scsi_elem, domxml__hsrc, address),
    DOMXML__EMBED(domxml__iscsi_host_elem, domxml__hsrc, host),
    DOMXML__EMBED(domxml__auth_elem, domxml__hsrc, auth),
    DOMXML__EMBED(domxml__initiator_elem, domxml__hsrc, initiator),
};
static const domxml__attr domxml__hsrc_scsi_host_attrs[] = {
    DOMXML__ENUMA("protocol", domxml__hsrc, protocol, domxml__scsi_protocol_enum,
                  DOMXML__A_REQUIRED),
    DOMXML__STR("wwpn", domxml__hsrc, wwpn, DOMXML__A_REQUIRED),
};
static const domxml__child domxml__hsrc_mdev_kids[] = {
    DOMXML__EMBED(domxml__haddr_mdev_elem, domxml__hsrc, address),
};
static const domxml__child domxml__hsrc_storage_kids[] = {
    DOMXML__EMBED(domxml__block_elem, domxml__hsrc, block),
};
static const domxml__child domxml__hsrc_misc_kids[] = {
    DOMXML__EMBED(domxml__char_elem, domxml__hsrc, char_dev),
};
static const domxml__child domxml__hsrc_net_kids[] = {
    DOMXML__EMBED(domxml__netif_elem, domxml__hsrc, interface),
};

/* Source elements a type cannot do without. */
static int domxml__hsrc_need(struct domxml__pctx *pc, bool present, const char *what)
{
    if (!present)
        return domxml__fail(pc, DOMXML_ERR_MISSING, "%s", what);
    return 0;
}

/* libvirt's parser takes startupPolicy on USB sources only. */
static int domxml__hsrc_pci_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    (void)parent;
    if (((const domxml__hsrc *)obj)->startup_policy)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "attribute 'startupPolicy' of <source> is allowed only for type='usb'");
    return 0;
}

static int domxml__hsrc_usb_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml__hsrc *s = obj;

    (void)parent;
    if (s->vendor.extra.present != s->product.extra.present)
        return domxml__fail(pc, DOMXML_ERR_MISSING,
                            "a USB <source> needs both <vendor> and <product>, or neither");
    return 0;
}

static int domxml__hsrc_mdev_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    (void)parent;
    return domxml__hsrc_need(pc, ((const domxml__hsrc *)obj)->address.extra.present,
                             "an mdev <source> needs an <address>");
}

static int domxml__hsrc_storage_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    (void)parent;
    return domxml__hsrc_need(pc, ((const domxml__hsrc *)obj)->block.text != NULL,
                             "a storage <source> needs a <block>");
}

static int domxml__hsrc_misc_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    (void)parent;
    return domxml__hsrc_need(pc, ((const domxml__hsrc *)obj)->char_dev.text != NULL,
                             "a misc <source> needs a <char>");
}

static int domxml__hsrc_net_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    (void)parent;
    return domxml__hsrc_need(pc, ((const domxml__hsrc *)obj)->interface.text != NULL,
                             "a net <source> needs an <interface>");
}

/* scsi: an adapter source (default protocol) or an iSCSI one. */
static int domxml__hsrc_scsi_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml__hsrc *s = obj;

    (void)parent;
    if (s->protocol == DOMXML_SCSI_PROTOCOL_ISCSI) {
        if (!s->name)
            return domxml__fail(pc, DOMXML_ERR_MISSING,
                                "missing required attribute 'name' of an iSCSI <source>");
        if (!s->host.extra.present)
            return domxml__fail(pc, DOMXML_ERR_MISSING, "an iSCSI <source> needs a <host>");
        return 0;
    }
    if (s->protocol == DOMXML_SCSI_PROTOCOL_VHOST)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "invalid value 'vhost' for attribute 'protocol' of <source>: "
                            "expected 'adapter' or 'iscsi'");
    if (!s->adapter.extra.present || !s->address.extra.present)
        return domxml__fail(pc, DOMXML_ERR_MISSING,
                            "a SCSI adapter <source> needs <adapter> and <address>");
    return 0;
}

static int domxml__hsrc_scsi_host_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml__hsrc *s = obj;
    size_t n = strlen(s->wwpn);

    (void)parent;
    if (s->protocol != DOMXML_SCSI_PROTOCOL_VHOST)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "invalid value for attribute 'protocol' of <source>: expected 'vhost'");
    if (n != 20 || strncmp(s->wwpn, "naa.", 4) != 0 ||
        strspn(s->wwpn + 4, "0123456789abcdefABCDEF") != 16)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'wwpn' of <source>: "
                            "expected 'naa.' and 16 hexadecimal digits", s->wwpn);
    return 0;
}

#define DOMXML__HSRC_ELEM(...) DOMXML__HSRC_ELEM_(__VA_ARGS__)
#define DOMXML__HSRC_ELEM_(attrs_, nattrs_, kids_, nkids_, check_)                 \
    {                                                                          \
        .name = "source", .size = sizeof(domxml__hsrc),                        \
        .extra_off = offsetof(domxml__hsrc, extra), .attrs = attrs_,           \
        .n_attrs = nattrs_, .kids = kids_, .n_kids = nkids_, .check = check_,      \
    }
#define DOMXML__A(x) x, DOMXML__N(x)

static const domxml__elem domxml__hsrc_variants[DOMXML_HOSTDEV_TYPE_LAST] = {
    [DOMXML_HOSTDEV_TYPE_NONE] = DOMXML__HSRC_ELEM(NULL, 0, NULL, 0, NULL),
    [DOMXML_HOSTDEV_TYPE_USB] = DOMXML__HSRC_ELEM(DOMXML__A(domxml__hsrc_usb_attrs),
                                                  DOMXML__A(domxml__hsrc_usb_kids), domxml__hsrc_usb_check),
    [DOMXML_HOSTDEV_TYPE_PCI] = DOMXML__HSRC_ELEM(DOMXML__A(domxml__hsrc_pci_attrs),
                                                  DOMXML__A(domxml__hsrc_pci_kids), domxml__hsrc_pci_check),
    [DOMXML_HOSTDEV_TYPE_SCSI] =
        DOMXML__HSRC_ELEM(DOMXML__A(domxml__hsrc_scsi_attrs), DOMXML__A(domxml__hsrc_scsi_kids),
                          domxml__hsrc_scsi_check),
    [DOMXML_HOSTDEV_TYPE_SCSI_HOST] = DOMXML__HSRC_ELEM(DOMXML__A(domxml__hsrc_scsi_host_attrs),
                                                        NULL, 0, domxml__hsrc_scsi_host_check),
    [DOMXML_HOSTDEV_TYPE_MDEV] =
        DOMXML__HSRC_ELEM(NULL, 0, DOMXML__A(domxml__hsrc_mdev_kids), domxml__hsrc_mdev_check),
    [DOMXML_HOSTDEV_TYPE_STORAGE] =
        DOMXML__HSRC_ELEM(NULL, 0, DOMXML__A(domxml__hsrc_storage_kids),
                          domxml__hsrc_storage_check),
    [DOMXML_HOSTDEV_TYPE_MISC] =
        DOMXML__HSRC_ELEM(NULL, 0, DOMXML__A(domxml__hsrc_misc_kids), domxml__hsrc_misc_check),
    [DOMXML_HOSTDEV_TYPE_NET] =
        DOMXML__HSRC_ELEM(NULL, 0, DOMXML__A(domxml__hsrc_net_kids), domxml__hsrc_net_check),
};

static const domxml__elem *domxml__hsrc_refine(const void *obj, const void *parent)
{
    unsigned t = (unsigned)((const domxml_hostdev *)parent)->type;

    (void)obj;
    return &domxml__hsrc_variants[t < DOMXML_HOSTDEV_TYPE_LAST ? t : 0];
}

const domxml__elem domxml__hostdev_source_elem = {
    .name = "source", .size = sizeof(domxml__hsrc), .extra_off = offsetof(domxml__hsrc, extra),
    .refine = domxml__hsrc_refine,
};

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
    DOMXML__EMBED(domxml__vendor_elem, domxml__hsrc, vendor),
    DOMXML__EMBED(domxml__product_elem, domxml__hsrc, product),
    DOMXML__EMBED(domxml__haddr_typed_elem, domxml__hsrc, address),
};
const domxml__elem domxml__iface_hostdev_source_elem =
    DOMXML__HSRC_ELEM(DOMXML__A(domxml__iface_hsrc_attrs), DOMXML__A(domxml__iface_hsrc_kids), NULL);
