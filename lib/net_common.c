/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Network plumbing elements of an <interface>: <vlan>, <virtualport>,
 * <bandwidth>, <port>, <filterref>, <portForward>. */
#include <string.h>
#include <strings.h>

#include "desc.h"
#include "ip.h"
#include "parse.h"

/* ------------------------------------------------------------------ */
/* <vlan trunk=> <tag id= nativeMode=/>+                                */

static const domxml__attr domxml__tag_attrs[] = {
    DOMXML__UINT("id", domxml_vlan_tag, id, 10, DOMXML__F_DEC, 4095, DOMXML__A_REQUIRED),
    DOMXML__ENUMA("nativeMode", domxml_vlan_tag, native_mode, domxml__vlan_native_mode_enum, 0),
};
static const domxml__elem domxml__tag_elem = DOMXML__ELEM("tag", domxml_vlan_tag, DOMXML__ATTRS(domxml__tag_attrs));

static int domxml__vlan_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_vlan *v = obj;
    unsigned tags = 0, natives = 0;

    (void)parent;
    for (const domxml_vlan_tag *t = v->tags; t; t = t->next) {
        tags++;
        natives += t->native_mode != DOMXML_VLAN_NATIVE_MODE_NONE;
    }
    if (tags == 0)
        return domxml__rule(d, DOMXML_ERR_MISSING, "<vlan> needs at least one <tag>");
    if (natives > 1)
        return domxml__rule(d, DOMXML_ERR_VALUE, "only one <tag> of a <vlan> may have nativeMode");
    if (v->trunk == DOMXML_TRISTATE_BOOL_NO && (tags > 1 || natives))
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "<vlan trunk='no'> cannot have several tags or a nativeMode");
    return 0;
}

static const domxml__attr domxml__vlan_attrs[] = {
    DOMXML__ENUMA("trunk", domxml_vlan, trunk, domxml__trunk_enum, 0),
};
static const domxml__child domxml__vlan_kids[] = {
    DOMXML__LIST(domxml__tag_elem, domxml_vlan, tags),
};
const domxml__elem domxml__vlan_elem = DOMXML__ELEM("vlan", domxml_vlan, DOMXML__ATTRS(domxml__vlan_attrs), DOMXML__KIDS(domxml__vlan_kids), .check = domxml__vlan_check);

/* ------------------------------------------------------------------ */
/* <virtualport type=> <parameters .../>                                */

typedef domxml_virtualport_params domxml__vpp;

static int domxml__vpp_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml__vpp *p = obj;

    (void)parent;
    if (p->profile_id && strlen(p->profile_id) > 39)
        return domxml__rule(d, DOMXML_ERR_RANGE,
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
static const domxml__elem domxml__vpp_elem = DOMXML__ELEM("parameters", domxml__vpp, DOMXML__ATTRS(domxml__vpp_attrs), .check = domxml__vpp_check);

static const domxml__attr domxml__virtualport_attrs[] = {
    DOMXML__ENUMA("type", domxml_virtualport, type, domxml__virtualport_type_enum, 0),
};
static const domxml__child domxml__virtualport_kids[] = {
    DOMXML__PTR(domxml__vpp_elem, domxml_virtualport, parameters),
};
const domxml__elem domxml__virtualport_elem = DOMXML__ELEM("virtualport", domxml_virtualport, DOMXML__ATTRS(domxml__virtualport_attrs), DOMXML__KIDS(domxml__virtualport_kids));

/* ------------------------------------------------------------------ */
/* <bandwidth> <inbound/> <outbound/>                                   */

typedef domxml_bandwidth_rate domxml__rate;

/* A rate needs average (or, inbound, floor); peak and burst refine average. */
static int domxml__rate_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml__rate *r = obj;

    (void)parent;
    if (!r->average.set && !r->floor.set)
        return domxml__rule(d, DOMXML_ERR_MISSING,
                            "a bandwidth rate needs 'average' (or 'floor' for <inbound>)");
    if ((r->peak.set || r->burst.set) && !r->average.set)
        return domxml__rule(d, DOMXML_ERR_MISSING,
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
static const domxml__elem domxml__inbound_elem = DOMXML__ELEM("inbound", domxml__rate, DOMXML__ATTRS(domxml__rate_attrs), .check = domxml__rate_check);
static const domxml__elem domxml__outbound_elem = DOMXML__ELEM("outbound", domxml__rate, DOMXML__ATTRS(domxml__rate_attrs), .check = domxml__rate_check);
static const domxml__child domxml__bandwidth_kids[] = {
    DOMXML__PTR(domxml__inbound_elem, domxml_bandwidth, inbound),
    DOMXML__PTR(domxml__outbound_elem, domxml_bandwidth, outbound),
};
const domxml__elem domxml__bandwidth_elem = DOMXML__ELEM("bandwidth", domxml_bandwidth, DOMXML__KIDS(domxml__bandwidth_kids));

/* ------------------------------------------------------------------ */
/* <port isolated=/>, <filterref>, <portForward>                       */

static const domxml__attr domxml__port_attrs[] = {
    DOMXML__ENUMA("isolated", domxml_port, isolated, domxml__tristate_bool_enum, 0),
};
const domxml__elem domxml__port_elem = DOMXML__ELEM("port", domxml_port, DOMXML__ATTRS(domxml__port_attrs));

static const domxml__attr domxml__filter_param_attrs[] = {
    DOMXML__STR("name", domxml_filter_param, name, DOMXML__A_REQUIRED),
    DOMXML__STR("value", domxml_filter_param, value, DOMXML__A_REQUIRED),
};
static const domxml__elem domxml__filter_param_elem = DOMXML__ELEM("parameter", domxml_filter_param, DOMXML__ATTRS(domxml__filter_param_attrs));
static const domxml__attr domxml__filterref_attrs[] = {
    DOMXML__STR("filter", domxml_filterref, filter, DOMXML__A_REQUIRED),
};
static const domxml__child domxml__filterref_kids[] = {
    DOMXML__LIST(domxml__filter_param_elem, domxml_filterref, params),
};
const domxml__elem domxml__filterref_elem = DOMXML__ELEM("filterref", domxml_filterref, DOMXML__ATTRS(domxml__filterref_attrs), DOMXML__KIDS(domxml__filterref_kids));

typedef domxml_port_forward_range domxml__range;
static const domxml__attr domxml__range_attrs[] = {
    DOMXML__UINT("start", domxml__range, start, 10, DOMXML__F_DEC, 65535,
                 DOMXML__A_REQUIRED | DOMXML__A_NONZERO),
    DOMXML__UINT("end", domxml__range, end, 10, DOMXML__F_DEC, 65535, DOMXML__A_NONZERO),
    DOMXML__UINT("to", domxml__range, to, 10, DOMXML__F_DEC, 65535, DOMXML__A_NONZERO),
    DOMXML__ENUMA("exclude", domxml__range, exclude, domxml__tristate_bool_enum, 0),
};
static const domxml__elem domxml__range_elem = DOMXML__ELEM("range", domxml__range, DOMXML__ATTRS(domxml__range_attrs));
static const domxml__attr domxml__port_forward_attrs[] = {
    DOMXML__ENUMA("proto", domxml_port_forward, proto, domxml__port_forward_proto_enum,
                  DOMXML__A_REQUIRED),
    DOMXML__STR("address", domxml_port_forward, address, 0),
    DOMXML__STR("dev", domxml_port_forward, dev, 0),
};
static int domxml__port_forward_normalize(struct domxml__pctx *pc, void *obj)
{
    return domxml__ip_canon(pc, &((domxml_port_forward *)obj)->address);
}

static int domxml__port_forward_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_port_forward *pf = obj;

    (void)parent;
    if (pf->address && domxml__ip_family_of(pf->address) == DOMXML_IP_FAMILY_NONE)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'address' of <portForward>: "
                            "expected an IPv4 or IPv6 address", pf->address);
    return domxml__ip_check_canon(d, "portForward", "address", pf->address);
}

static const domxml__child domxml__port_forward_kids[] = {
    DOMXML__LIST(domxml__range_elem, domxml_port_forward, ranges),
};
const domxml__elem domxml__port_forward_elem = DOMXML__ELEM("portForward", domxml_port_forward, DOMXML__ATTRS(domxml__port_forward_attrs), DOMXML__KIDS(domxml__port_forward_kids), .normalize = domxml__port_forward_normalize, .check = domxml__port_forward_check);
