/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * <interface>: its attributes, its children in libvirt's output order, and
 * the small elements of its own (<mac>, <model>, <target>, <guest>,
 * <script>, <downscript>, <backenddomain>, <link>, <mtu>).
 */
#include <string.h>

#include "internal.h"

/* <mac address=>: parsed to bytes, written lower-case two digits per
 * octet; multicast addresses are refused as libvirt does. */
static int domxml__mac_parse(struct domxml__pctx *pc, void *obj, const char *value)
{
    domxml_mac *mac = obj;

    if (!domxml__parse_mac(value, mac->address))
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'address' of <mac>: "
                            "expected six hexadecimal octets separated by ':'", value);
    if (mac->address[0] & 1)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'address' of <mac>: "
                            "expected a unicast address", value);
    mac->has_address = true;
    return 0;
}

static void domxml__mac_format(domxml__buf *b, const void *obj)
{
    const domxml_mac *mac = obj;
    const unsigned char *a = mac->address;

    static const char hex[] = "0123456789abcdef";
    char out[] = " address='00:00:00:00:00:00'";

    if (!mac->has_address)
        return;
    for (int i = 0; i < 6; i++) {
        out[10 + 3 * i] = hex[a[i] >> 4];
        out[11 + 3 * i] = hex[a[i] & 15];
    }
    domxml__buf_add(b, out, sizeof(out) - 1);
}

static bool domxml__mac_is_set(const void *obj)
{
    return ((const domxml_mac *)obj)->has_address;
}

static const domxml__attr domxml__mac_attrs[] = {
    {.name = "address", .kind = DOMXML__K_HOOK, .flags = DOMXML__A_REQUIRED,
     .parse = domxml__mac_parse, .format = domxml__mac_format, .is_set = domxml__mac_is_set},
    DOMXML__ENUMA("type", domxml_mac, type, domxml__mac_type_enum, 0),
    DOMXML__ENUMA("check", domxml_mac, check, domxml__tristate_bool_enum, 0),
};
static const domxml__elem domxml__mac_elem = {
    .name = "mac", .size = sizeof(domxml_mac), .extra_off = offsetof(domxml_mac, extra),
    .attrs = domxml__mac_attrs, .n_attrs = DOMXML__N(domxml__mac_attrs),
};

/* <model type=>: a known name (any case) or a free-form [A-Za-z0-9_-]+. */
static int domxml__model_parse(struct domxml__pctx *pc, void *obj, const char *value)
{
    domxml_model *m = obj;
    int v = domxml__enum_lookup(&domxml__nic_model_enum, value);
    size_t n = strlen(value);

    if (v > 0) {
        m->type = (domxml_nic_model)v;
        return 0;
    }
    if (n == 0 ||
        strspn(value, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") != n)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'type' of <model>: "
                            "a model name uses only A-Z, a-z, 0-9, '_' and '-'", value);
    m->custom = domxml__pstrdup(pc, value);
    return m->custom ? 0 : -1;
}

static void domxml__model_format(domxml__buf *b, const void *obj)
{
    const domxml_model *m = obj;
    const char *name = m->type ? domxml__enum_name(&domxml__nic_model_enum, (int)m->type)
                               : m->custom;

    if (name)
        domxml__buf_attr(b, "type", name);
    else if (m->type && !b->bad_attr) {
        b->bad_attr = "type";
        b->bad_elem = "model";
    }
}

static bool domxml__model_is_set(const void *obj)
{
    const domxml_model *m = obj;

    return m->type != DOMXML_NIC_MODEL_NONE || m->custom;
}

bool domxml_nic_model_is_virtio(const domxml_model *m)
{
    return m && (m->type == DOMXML_NIC_MODEL_VIRTIO ||
                 m->type == DOMXML_NIC_MODEL_VIRTIO_TRANSITIONAL ||
                 m->type == DOMXML_NIC_MODEL_VIRTIO_NON_TRANSITIONAL);
}

static const domxml__attr domxml__model_attrs[] = {
    {.name = "type", .kind = DOMXML__K_HOOK, .flags = DOMXML__A_REQUIRED,
     .parse = domxml__model_parse, .format = domxml__model_format,
     .is_set = domxml__model_is_set},
};
static const domxml__elem domxml__model_elem = {
    .name = "model", .size = sizeof(domxml_model), .extra_off = offsetof(domxml_model, extra),
    .attrs = domxml__model_attrs, .n_attrs = DOMXML__N(domxml__model_attrs),
};

/* <target managed='no'> is legal only for ethernet (libvirt conf rule). */
static int domxml__target_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml_target *t = obj;
    const domxml_interface *iface = parent;

    if (t->managed == DOMXML_TRISTATE_BOOL_NO && iface->type != DOMXML_INTERFACE_TYPE_ETHERNET)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "<target managed='no'> is allowed only for type='ethernet'");
    return 0;
}

static const domxml__attr domxml__target_attrs[] = {
    DOMXML__STR("dev", domxml_target, dev, 0),
    DOMXML__ENUMA("managed", domxml_target, managed, domxml__tristate_bool_enum, 0),
};
static const domxml__elem domxml__target_elem = {
    .name = "target", .size = sizeof(domxml_target), .extra_off = offsetof(domxml_target, extra),
    .attrs = domxml__target_attrs, .n_attrs = DOMXML__N(domxml__target_attrs),
    .check = domxml__target_check,
};

static const domxml__attr domxml__guest_attrs[] = {
    DOMXML__STR("dev", domxml_guest, dev, 0),
    DOMXML__STR("actual", domxml_guest, actual, 0),
};
static const domxml__elem domxml__guest_elem = {
    .name = "guest", .size = sizeof(domxml_guest), .extra_off = offsetof(domxml_guest, extra),
    .attrs = domxml__guest_attrs, .n_attrs = DOMXML__N(domxml__guest_attrs),
};

#define DOMXML__ONE_ATTR_ELEM(nm, type, attrs_)                                 \
    {                                                                          \
        .name = nm, .size = sizeof(type), .extra_off = offsetof(type, extra),  \
        .attrs = attrs_, .n_attrs = DOMXML__N(attrs_),                          \
    }
static const domxml__attr domxml__path_attrs[] = {
    DOMXML__STR("path", domxml_path_element, path, DOMXML__A_REQUIRED),
};
static const domxml__attr domxml__name_attrs[] = {
    DOMXML__STR("name", domxml_name_element, name, DOMXML__A_REQUIRED),
};
static const domxml__attr domxml__link_attrs[] = {
    DOMXML__ENUMA("state", domxml_link, state, domxml__link_state_enum, DOMXML__A_REQUIRED),
};
static const domxml__attr domxml__mtu_attrs[] = {
    DOMXML__UINT("size", domxml_mtu, size, 10, DOMXML__F_DEC, 0, DOMXML__A_REQUIRED),
};
static const domxml__elem domxml__script_elem =
    DOMXML__ONE_ATTR_ELEM("script", domxml_path_element, domxml__path_attrs);
static const domxml__elem domxml__downscript_elem =
    DOMXML__ONE_ATTR_ELEM("downscript", domxml_path_element, domxml__path_attrs);
static const domxml__elem domxml__backenddomain_elem =
    DOMXML__ONE_ATTR_ELEM("backenddomain", domxml_name_element, domxml__name_attrs);
static const domxml__elem domxml__link_elem =
    DOMXML__ONE_ATTR_ELEM("link", domxml_link, domxml__link_attrs);
static const domxml__elem domxml__mtu_elem =
    DOMXML__ONE_ATTR_ELEM("mtu", domxml_mtu, domxml__mtu_attrs);

/* ------------------------------------------------------------------ */
/* <interface> itself                                                   */

static bool domxml__iface_is_hostdev(const void *obj)
{
    return ((const domxml_interface *)obj)->type == DOMXML_INTERFACE_TYPE_HOSTDEV;
}

static bool domxml__iface_not_hostdev(const void *obj)
{
    return !domxml__iface_is_hostdev(obj);
}

static const domxml__attr domxml__interface_attrs[] = {
    DOMXML__ENUMA("type", domxml_interface, type, domxml__interface_type_enum, 0),
    DOMXML__ENUMA("managed", domxml_interface, managed, domxml__tristate_bool_enum, 0),
    DOMXML__ENUMA("trustGuestRxFilters", domxml_interface, trust_guest_rx_filters,
                  domxml__tristate_bool_enum, 0),
};

typedef domxml_interface domxml__if;
static const domxml__child domxml__interface_kids[] = {
    DOMXML__EMBED(domxml__mac_elem, domxml__if, mac),
    DOMXML__EMBED_IF(domxml__hostdev_driver_elem, domxml__if, hostdev_driver,
                     domxml__iface_is_hostdev),
    DOMXML__EMBED_IF(domxml__iface_hostdev_source_elem, domxml__if, hostdev_source,
                     domxml__iface_is_hostdev),
    DOMXML__EMBED_IF(domxml__iface_source_elem, domxml__if, source, domxml__iface_not_hostdev),
    DOMXML__EMBED(domxml__vlan_elem, domxml__if, vlan),
    DOMXML__EMBED(domxml__virtualport_elem, domxml__if, virtualport),
    DOMXML__EMBED(domxml__bandwidth_elem, domxml__if, bandwidth),
    DOMXML__EMBED(domxml__port_elem, domxml__if, port),
    DOMXML__LIST(domxml__ip_elem, domxml__if, ips),
    DOMXML__LIST(domxml__route_elem, domxml__if, routes),
    DOMXML__LIST(domxml__port_forward_elem, domxml__if, port_forwards),
    DOMXML__EMBED(domxml__script_elem, domxml__if, script),
    DOMXML__EMBED(domxml__downscript_elem, domxml__if, downscript),
    DOMXML__EMBED(domxml__backenddomain_elem, domxml__if, backenddomain),
    DOMXML__EMBED(domxml__target_elem, domxml__if, target),
    DOMXML__EMBED(domxml__guest_elem, domxml__if, guest),
    DOMXML__EMBED(domxml__model_elem, domxml__if, model),
    DOMXML__EMBED_IF(domxml__net_driver_elem, domxml__if, driver, domxml__iface_not_hostdev),
    DOMXML__EMBED(domxml__backend_elem, domxml__if, backend),
    DOMXML__EMBED(domxml__filterref_elem, domxml__if, filterref),
    DOMXML__EMBED(domxml__tune_elem, domxml__if, tune),
    DOMXML__EMBED(domxml__teaming_elem, domxml__if, teaming),
    DOMXML__EMBED(domxml__link_elem, domxml__if, link),
    DOMXML__EMBED(domxml__mtu_elem, domxml__if, mtu),
    DOMXML__EMBED(domxml__coalesce_elem, domxml__if, coalesce),
    DOMXML__DEVICE_INFO_KIDS(domxml__if, info),
};
static_assert(DOMXML__N(domxml__interface_kids) <= 48, "parse.c frames track 48 child rows");

const domxml__elem domxml__interface_elem = {
    .name = "interface", .size = sizeof(domxml_interface),
    .extra_off = offsetof(domxml_interface, extra),
    .attrs = domxml__interface_attrs, .n_attrs = DOMXML__N(domxml__interface_attrs),
    .kids = domxml__interface_kids, .n_kids = DOMXML__N(domxml__interface_kids),
    .check = domxml__interface_check,
};
