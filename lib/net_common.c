/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Network plumbing elements of an <interface>: <vlan>, <virtualport>,
 * <bandwidth>, <port>, <filterref>, <portForward>. */
#include <string.h>
#include <strings.h>

#include "internal.h"

/* ------------------------------------------------------------------ */
/* <vlan trunk=> <tag id= nativeMode=/>+                                */

static const domxml__attr domxml__tag_attrs[] = {
    DOMXML__UINT("id", domxml_vlan_tag, id, 10, DOMXML__F_DEC, 4095, DOMXML__A_REQUIRED),
    DOMXML__ENUMA("nativeMode", domxml_vlan_tag, native_mode, domxml__vlan_native_mode_enum, 0),
};
static const domxml__elem domxml__tag_elem = {
    .name = "tag", .size = sizeof(domxml_vlan_tag), .extra_off = offsetof(domxml_vlan_tag, extra),
    .attrs = domxml__tag_attrs, .n_attrs = DOMXML__N(domxml__tag_attrs),
};

static int domxml__vlan_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml_vlan *v = obj;
    unsigned tags = 0, natives = 0;

    (void)parent;
    for (const domxml_vlan_tag *t = v->tags; t; t = t->next) {
        tags++;
        natives += t->native_mode != DOMXML_VLAN_NATIVE_MODE_NONE;
    }
    if (tags == 0)
        return domxml__fail(pc, DOMXML_ERR_MISSING, "<vlan> needs at least one <tag>");
    if (natives > 1)
        return domxml__fail(pc, DOMXML_ERR_VALUE, "only one <tag> of a <vlan> may have nativeMode");
    if (v->trunk == DOMXML_TRISTATE_BOOL_NO && (tags > 1 || natives))
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "<vlan trunk='no'> cannot have several tags or a nativeMode");
    return 0;
}

static const domxml__attr domxml__vlan_attrs[] = {
    DOMXML__ENUMA("trunk", domxml_vlan, trunk, domxml__trunk_enum, 0),
};
static const domxml__child domxml__vlan_kids[] = {
    DOMXML__LIST(domxml__tag_elem, domxml_vlan, tags),
};
const domxml__elem domxml__vlan_elem = {
    .name = "vlan", .size = sizeof(domxml_vlan), .extra_off = offsetof(domxml_vlan, extra),
    .attrs = domxml__vlan_attrs, .n_attrs = DOMXML__N(domxml__vlan_attrs),
    .kids = domxml__vlan_kids, .n_kids = DOMXML__N(domxml__vlan_kids),
    .check = domxml__vlan_check,
};

/* ------------------------------------------------------------------ */
/* <virtualport type=> <parameters .../>                                */

typedef domxml_virtualport_params domxml__vpp;

static int domxml__vpp_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml__vpp *p = obj;

    (void)parent;
    if (p->profile_id && strlen(p->profile_id) > 39)
        return domxml__fail(pc, DOMXML_ERR_RANGE,
                            "attribute 'profileid' of <parameters> is longer than 39 characters");
    return 0;
}

static const domxml__attr domxml__vpp_attrs[] = {
    DOMXML__UINT("managerid", domxml__vpp, manager_id, 0, DOMXML__F_DEC, 0xff, 0),
    DOMXML__UINT("typeid", domxml__vpp, type_id, 0, DOMXML__F_DEC, 0xffffff, 0),
    DOMXML__UINT("typeidversion", domxml__vpp, type_id_version, 0, DOMXML__F_DEC, 0xff, 0),
    DOMXML__UUIDA("instanceid", domxml__vpp, instance_id, 0),
    DOMXML__UUIDA("interfaceid", domxml__vpp, interface_id, 0),
    DOMXML__STR("profileid", domxml__vpp, profile_id, 0),
};
static const domxml__elem domxml__vpp_elem = {
    .name = "parameters", .size = sizeof(domxml__vpp), .extra_off = offsetof(domxml__vpp, extra),
    .attrs = domxml__vpp_attrs, .n_attrs = DOMXML__N(domxml__vpp_attrs),
    .check = domxml__vpp_check,
};

static const domxml__attr domxml__virtualport_attrs[] = {
    DOMXML__ENUMA("type", domxml_virtualport, type, domxml__virtualport_type_enum, 0),
};
static const domxml__child domxml__virtualport_kids[] = {
    DOMXML__EMBED(domxml__vpp_elem, domxml_virtualport, parameters),
};
const domxml__elem domxml__virtualport_elem = {
    .name = "virtualport", .size = sizeof(domxml_virtualport),
    .extra_off = offsetof(domxml_virtualport, extra),
    .attrs = domxml__virtualport_attrs, .n_attrs = DOMXML__N(domxml__virtualport_attrs),
    .kids = domxml__virtualport_kids, .n_kids = DOMXML__N(domxml__virtualport_kids),
};

/* ------------------------------------------------------------------ */
/* <bandwidth> <inbound/> <outbound/>                                   */

typedef domxml_bandwidth_rate domxml__rate;

/* A rate needs average (or, inbound, floor); peak and burst refine average. */
static int domxml__rate_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml__rate *r = obj;

    (void)parent;
    if (!r->average.set && !r->floor.set)
        return domxml__fail(pc, DOMXML_ERR_MISSING,
                            "a bandwidth rate needs 'average' (or 'floor' for <inbound>)");
    if ((r->peak.set || r->burst.set) && !r->average.set)
        return domxml__fail(pc, DOMXML_ERR_MISSING,
                            "'peak' and 'burst' of a bandwidth rate need 'average'");
    return 0;
}

static const domxml__attr domxml__rate_attrs[] = {
    DOMXML__ULLONG("average", domxml__rate, average, 10, DOMXML__F_DEC, 0),
    DOMXML__ULLONG("peak", domxml__rate, peak, 10, DOMXML__F_DEC, 0),
    DOMXML__ULLONG("floor", domxml__rate, floor, 10, DOMXML__F_DEC, 0),
    DOMXML__ULLONG("burst", domxml__rate, burst, 10, DOMXML__F_DEC, 0),
};
/* floor is read in both so that iface_rules.c can refuse it in <outbound>. */
static const domxml__elem domxml__inbound_elem = {
    .name = "inbound", .size = sizeof(domxml__rate), .extra_off = offsetof(domxml__rate, extra),
    .attrs = domxml__rate_attrs, .n_attrs = DOMXML__N(domxml__rate_attrs),
    .check = domxml__rate_check,
};
static const domxml__elem domxml__outbound_elem = {
    .name = "outbound", .size = sizeof(domxml__rate), .extra_off = offsetof(domxml__rate, extra),
    .attrs = domxml__rate_attrs, .n_attrs = DOMXML__N(domxml__rate_attrs),
    .check = domxml__rate_check,
};
static const domxml__child domxml__bandwidth_kids[] = {
    DOMXML__EMBED(domxml__inbound_elem, domxml_bandwidth, inbound),
    DOMXML__EMBED(domxml__outbound_elem, domxml_bandwidth, outbound),
};
const domxml__elem domxml__bandwidth_elem = {
    .name = "bandwidth", .size = sizeof(domxml_bandwidth),
    .extra_off = offsetof(domxml_bandwidth, extra),
    .kids = domxml__bandwidth_kids, .n_kids = DOMXML__N(domxml__bandwidth_kids),
};

/* ------------------------------------------------------------------ */
/* <port isolated=/>, <filterref>, <portForward>                       */

static const domxml__attr domxml__port_attrs[] = {
    DOMXML__ENUMA("isolated", domxml_port, isolated, domxml__tristate_bool_enum, 0),
};
const domxml__elem domxml__port_elem = {
    .name = "port", .size = sizeof(domxml_port), .extra_off = offsetof(domxml_port, extra),
    .attrs = domxml__port_attrs, .n_attrs = DOMXML__N(domxml__port_attrs),
};

static const domxml__attr domxml__filter_param_attrs[] = {
    DOMXML__STR("name", domxml_filter_param, name, DOMXML__A_REQUIRED),
    DOMXML__STR("value", domxml_filter_param, value, DOMXML__A_REQUIRED),
};
static const domxml__elem domxml__filter_param_elem = {
    .name = "parameter", .size = sizeof(domxml_filter_param),
    .extra_off = offsetof(domxml_filter_param, extra),
    .attrs = domxml__filter_param_attrs, .n_attrs = DOMXML__N(domxml__filter_param_attrs),
};
static const domxml__attr domxml__filterref_attrs[] = {
    DOMXML__STR("filter", domxml_filterref, filter, DOMXML__A_REQUIRED),
};
static const domxml__child domxml__filterref_kids[] = {
    DOMXML__LIST(domxml__filter_param_elem, domxml_filterref, params),
};
const domxml__elem domxml__filterref_elem = {
    .name = "filterref", .size = sizeof(domxml_filterref),
    .extra_off = offsetof(domxml_filterref, extra),
    .attrs = domxml__filterref_attrs, .n_attrs = DOMXML__N(domxml__filterref_attrs),
    .kids = domxml__filterref_kids, .n_kids = DOMXML__N(domxml__filterref_kids),
};

typedef domxml_port_forward_range domxml__range;
static const domxml__attr domxml__range_attrs[] = {
    DOMXML__UINT("start", domxml__range, start, 10, DOMXML__F_DEC, 65535,
                 DOMXML__A_REQUIRED | DOMXML__A_NONZERO),
    DOMXML__UINT("end", domxml__range, end, 10, DOMXML__F_DEC, 65535, DOMXML__A_NONZERO),
    DOMXML__UINT("to", domxml__range, to, 10, DOMXML__F_DEC, 65535, DOMXML__A_NONZERO),
    DOMXML__ENUMA("exclude", domxml__range, exclude, domxml__tristate_bool_enum, 0),
};
static const domxml__elem domxml__range_elem = {
    .name = "range", .size = sizeof(domxml__range), .extra_off = offsetof(domxml__range, extra),
    .attrs = domxml__range_attrs, .n_attrs = DOMXML__N(domxml__range_attrs),
};
static const domxml__attr domxml__port_forward_attrs[] = {
    DOMXML__ENUMA("proto", domxml_port_forward, proto, domxml__port_forward_proto_enum,
                  DOMXML__A_REQUIRED),
    DOMXML__STR("address", domxml_port_forward, address, 0),
    DOMXML__STR("dev", domxml_port_forward, dev, 0),
};
static int domxml__port_forward_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    domxml_port_forward *pf = obj;

    (void)parent;
    if (pf->address && domxml__ip_canon(pc, &pf->address) == DOMXML_IP_FAMILY_NONE)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'address' of <portForward>: "
                            "expected an IPv4 or IPv6 address", pf->address);
    return 0;
}

static const domxml__child domxml__port_forward_kids[] = {
    DOMXML__LIST(domxml__range_elem, domxml_port_forward, ranges),
};
const domxml__elem domxml__port_forward_elem = {
    .name = "portForward", .size = sizeof(domxml_port_forward),
    .extra_off = offsetof(domxml_port_forward, extra),
    .attrs = domxml__port_forward_attrs, .n_attrs = DOMXML__N(domxml__port_forward_attrs),
    .kids = domxml__port_forward_kids, .n_kids = DOMXML__N(domxml__port_forward_kids),
    .check = domxml__port_forward_check,
};
