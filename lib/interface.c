/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * <interface>: its attributes, its children in libvirt's output order, and
 * the small elements of its own (<mac>, <model>, <target>, <guest>,
 * <script>, <downscript>, <backenddomain>, <link>, <mtu>).
 */
#include <string.h>

#include "desc.h"
#include "parse.h"
#include "iface_rules.h"
#include "values.h"

/* A MAC attribute of <mac>: parsed to bytes, written lower-case two
 * digits per octet. address= is required and unicast (the check);
 * currentAddress= (live XML, libvirt 11.2.0) is any MAC the guest set. */
static int domxml__mac_addr_parse(struct domxml__pctx *pc, domxml_mac_addr *a, const char *attr,
                                  const char *value)
{
    if (!domxml__parse_mac(value, a->bytes))
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute '%s' of <mac>: "
                            "expected six hexadecimal octets separated by ':'", value, attr);
    a->set = true;
    return 0;
}

static void domxml__mac_addr_format(domxml__buf *b, const char *attr, const domxml_mac_addr *a)
{
    char text[DOMXML_MAC_STRLEN];

    domxml__buf_attr(b, attr, domxml_mac_to_string(a, text));
}

static int domxml__mac_parse(struct domxml__pctx *pc, void *obj, const char *value)
{
    return domxml__mac_addr_parse(pc, &((domxml_mac *)obj)->address, "address", value);
}

static void domxml__mac_format(domxml__buf *b, const void *obj)
{
    domxml__mac_addr_format(b, "address", &((const domxml_mac *)obj)->address);
}

static bool domxml__mac_is_set(const void *obj)
{
    return ((const domxml_mac *)obj)->address.set;
}

static int domxml__mac_current_parse(struct domxml__pctx *pc, void *obj, const char *value)
{
    return domxml__mac_addr_parse(pc, &((domxml_mac *)obj)->current_address, "currentAddress",
                                  value);
}

static void domxml__mac_current_format(domxml__buf *b, const void *obj)
{
    domxml__mac_addr_format(b, "currentAddress", &((const domxml_mac *)obj)->current_address);
}

static bool domxml__mac_current_is_set(const void *obj)
{
    return ((const domxml_mac *)obj)->current_address.set;
}

/* Multicast addresses are refused as libvirt does. */
static int domxml__mac_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_mac_addr *a = &((const domxml_mac *)obj)->address;
    char text[DOMXML_MAC_STRLEN];

    (void)parent;
    if (a->bytes[0] & 1)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'address' of <mac>: "
                            "expected a unicast address", domxml_mac_to_string(a, text));
    return 0;
}

static const domxml__attr domxml__mac_attrs[] = {
    {.name = "address", .kind = DOMXML__K_HOOK, .flags = DOMXML__A_REQUIRED,
     .parse = domxml__mac_parse, .format = domxml__mac_format, .is_set = domxml__mac_is_set},
    DOMXML__ENUMA("type", domxml_mac, type, domxml__mac_type_enum, 0),
    DOMXML__ENUMA("check", domxml_mac, check, domxml__tristate_bool_enum, 0),
    {.name = "currentAddress", .kind = DOMXML__K_HOOK, .parse = domxml__mac_current_parse,
     .format = domxml__mac_current_format, .is_set = domxml__mac_current_is_set},
};
static const domxml__elem domxml__mac_elem =
    DOMXML__ELEM("mac", domxml_mac, DOMXML__ATTRS(domxml__mac_attrs), .check = domxml__mac_check);

/* <model type=>: a known name (any case) or a free-form [A-Za-z0-9_-]+. */
static bool domxml__model_name_ok(const char *s)
{
    size_t n = strlen(s);

    return n > 0 &&
           strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == n;
}

static const char domxml__model_syntax[] =
    "invalid value '%s' for attribute 'type' of <model>: "
    "a model name uses only A-Z, a-z, 0-9, '_' and '-'";

static int domxml__model_parse(struct domxml__pctx *pc, void *obj, const char *value)
{
    domxml_model *m = obj;
    int v = domxml__enum_lookup(&domxml__nic_model_enum, value);

    if (v > 0) {
        m->type = (domxml_nic_model)v;
        return 0;
    }
    if (!domxml__model_name_ok(value))
        return domxml__fail(pc, DOMXML_ERR_VALUE, domxml__model_syntax, value);
    m->custom = domxml__pstrdup(pc, value);
    return m->custom ? 0 : -1;
}

static void domxml__model_format(domxml__buf *b, const void *obj)
{
    domxml__buf_attr(b, "type", domxml_model_name(obj));
}

static bool domxml__model_is_set(const void *obj)
{
    return domxml_model_name(obj) != NULL || ((const domxml_model *)obj)->type;
}

/* A hand-built model: a known type, or a custom name of the same syntax. */
static int domxml__model_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_model *m = obj;

    (void)parent;
    if (m->type && m->custom)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "<model> holds both a known type and the custom name '%s': "
                            "one of them would be lost", m->custom);
    if (m->type && !domxml__enum_name(&domxml__nic_model_enum, (int)m->type))
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "attribute 'type' of <model> holds %d, which is not a value of its enum",
                            (int)m->type);
    if (!m->type && m->custom && !domxml__model_name_ok(m->custom))
        return domxml__rule(d, DOMXML_ERR_VALUE, domxml__model_syntax, m->custom);
    return 0;
}

const char *domxml_model_name(const domxml_model *m)
{
    if (!m)
        return NULL;
    return m->type ? domxml__enum_name(&domxml__nic_model_enum, (int)m->type) : m->custom;
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
static const domxml__elem domxml__model_elem = DOMXML__ELEM(
    "model", domxml_model, DOMXML__ATTRS(domxml__model_attrs), .check = domxml__model_check);

/* <target managed='no'> is legal only for ethernet (libvirt conf rule). */
static int domxml__target_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_target *t = obj;
    const domxml_interface *iface = parent;

    if (t->managed == DOMXML_TRISTATE_BOOL_NO && iface->type != DOMXML_INTERFACE_TYPE_ETHERNET)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "<target managed='no'> is allowed only for type='ethernet'");
    return 0;
}

static const domxml__attr domxml__target_attrs[] = {
    DOMXML__STR("dev", domxml_target, dev, 0),
    DOMXML__ENUMA("managed", domxml_target, managed, domxml__tristate_bool_enum, 0),
};
static const domxml__elem domxml__target_elem = DOMXML__ELEM(
    "target", domxml_target, DOMXML__ATTRS(domxml__target_attrs), .check = domxml__target_check);

static const domxml__attr domxml__guest_attrs[] = {
    DOMXML__STR("dev", domxml_guest, dev, 0),
    DOMXML__STR("actual", domxml_guest, actual, 0),
};
static const domxml__elem domxml__guest_elem =
    DOMXML__ELEM("guest", domxml_guest, DOMXML__ATTRS(domxml__guest_attrs));

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
    DOMXML__ELEM("script", domxml_path_element, DOMXML__ATTRS(domxml__path_attrs));
static const domxml__elem domxml__downscript_elem =
    DOMXML__ELEM("downscript", domxml_path_element, DOMXML__ATTRS(domxml__path_attrs));
static const domxml__elem domxml__backenddomain_elem =
    DOMXML__ELEM("backenddomain", domxml_name_element, DOMXML__ATTRS(domxml__name_attrs));
static const domxml__elem domxml__link_elem =
    DOMXML__ELEM("link", domxml_link, DOMXML__ATTRS(domxml__link_attrs));
static const domxml__elem domxml__mtu_elem =
    DOMXML__ELEM("mtu", domxml_mtu, DOMXML__ATTRS(domxml__mtu_attrs));

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
typedef domxml_interface_more domxml__ifm;
static const domxml__group domxml__more = {offsetof(domxml__if, more), sizeof(domxml__ifm)};
static const domxml__child domxml__interface_kids[] = {
    DOMXML__PTR(domxml__mac_elem, domxml__if, mac),
    DOMXML__PTR_IF(domxml__hostdev_driver_elem, domxml__if, hostdev_driver,
                   domxml__iface_is_hostdev),
    DOMXML__PTR_IF(domxml__iface_hostdev_source_elem, domxml__if, hostdev_source,
                   domxml__iface_is_hostdev),
    DOMXML__PTR_IF(domxml__iface_source_elem, domxml__if, source, domxml__iface_not_hostdev),
    DOMXML__PTR_IN(domxml__vlan_elem, domxml__more, domxml__ifm, vlan),
    DOMXML__PTR_IN(domxml__virtualport_elem, domxml__more, domxml__ifm, virtualport),
    DOMXML__PTR_IN(domxml__bandwidth_elem, domxml__more, domxml__ifm, bandwidth),
    DOMXML__PTR_IN(domxml__port_elem, domxml__more, domxml__ifm, port),
    DOMXML__LIST_IN(domxml__ip_elem, domxml__more, domxml__ifm, ips),
    DOMXML__LIST_IN(domxml__route_elem, domxml__more, domxml__ifm, routes),
    DOMXML__LIST_IN(domxml__port_forward_elem, domxml__more, domxml__ifm, port_forwards),
    DOMXML__PTR_IN(domxml__script_elem, domxml__more, domxml__ifm, script),
    DOMXML__PTR_IN(domxml__downscript_elem, domxml__more, domxml__ifm, downscript),
    DOMXML__PTR_IN(domxml__backenddomain_elem, domxml__more, domxml__ifm, backenddomain),
    DOMXML__PTR(domxml__target_elem, domxml__if, target),
    DOMXML__PTR_IN(domxml__guest_elem, domxml__more, domxml__ifm, guest),
    DOMXML__PTR(domxml__model_elem, domxml__if, model),
    DOMXML__PTR_IF(domxml__net_driver_elem, domxml__if, driver, domxml__iface_not_hostdev),
    DOMXML__PTR_IN(domxml__backend_elem, domxml__more, domxml__ifm, backend),
    DOMXML__PTR_IN(domxml__filterref_elem, domxml__more, domxml__ifm, filterref),
    DOMXML__PTR_IN(domxml__tune_elem, domxml__more, domxml__ifm, tune),
    DOMXML__PTR(domxml__teaming_elem, domxml__if, teaming),
    DOMXML__PTR(domxml__link_elem, domxml__if, link),
    DOMXML__PTR_IN(domxml__mtu_elem, domxml__more, domxml__ifm, mtu),
    DOMXML__PTR_IN(domxml__coalesce_elem, domxml__more, domxml__ifm, coalesce),
    DOMXML__DEVICE_INFO_KIDS(domxml__if, info),
};

const domxml__elem domxml__interface_elem =
    DOMXML__ELEM("interface", domxml_interface, DOMXML__ATTRS(domxml__interface_attrs),
                 DOMXML__KIDS(domxml__interface_kids), .check = domxml__interface_check);
