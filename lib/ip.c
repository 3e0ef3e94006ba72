/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* <ip> and <route>: guest-side lists of <interface>, host-side lists of
 * an ethernet <source>, and guest lists of a capabilities net <hostdev>. */
#include <arpa/inet.h>
#include <string.h>

#include "internal.h"

/* The family of a textual address, or NONE if it is not one. */
static domxml_ip_family domxml__ip_family_of(const char *s)
{
    unsigned char buf[16];

    if (!s)
        return DOMXML_IP_FAMILY_NONE;
    if (inet_pton(AF_INET, s, buf) == 1)
        return DOMXML_IP_FAMILY_IPV4;
    if (inet_pton(AF_INET6, s, buf) == 1)
        return DOMXML_IP_FAMILY_IPV6;
    return DOMXML_IP_FAMILY_NONE;
}

static int domxml__ip_bad(struct domxml__pctx *pc, const char *elem, const char *attr,
                          const char *value)
{
    return domxml__fail(pc, DOMXML_ERR_VALUE,
                        "invalid value '%s' for attribute '%s' of <%s>: expected an IPv4 or IPv6 address",
                        value, attr, elem);
}

static int domxml__check_prefix(struct domxml__pctx *pc, const char *elem, domxml_ip_family fam,
                                const domxml_uint *prefix)
{
    unsigned max = fam == DOMXML_IP_FAMILY_IPV4 ? 32 : 128;

    if (prefix->set && prefix->value > max)
        return domxml__fail(pc, DOMXML_ERR_RANGE,
                            "value '%u' of attribute 'prefix' of <%s> is out of range (maximum %u)",
                            prefix->value, elem, max);
    return 0;
}

static int domxml__ip_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml_ip *ip = obj;
    domxml_ip_family fam = domxml__ip_family_of(ip->address);

    (void)parent;
    if (fam == DOMXML_IP_FAMILY_NONE)
        return domxml__ip_bad(pc, "ip", "address", ip->address);
    if (ip->family != DOMXML_IP_FAMILY_NONE && ip->family != fam)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "address '%s' of <ip> does not match family '%s'", ip->address,
                            domxml__enum_name(&domxml__ip_family_enum, (int)ip->family));
    if (ip->peer && domxml__ip_family_of(ip->peer) == DOMXML_IP_FAMILY_NONE)
        return domxml__ip_bad(pc, "ip", "peer", ip->peer);
    return domxml__check_prefix(pc, "ip", fam, &ip->prefix);
}

static const domxml__attr domxml__ip_attrs[] = {
    DOMXML__STR("address", domxml_ip, address, DOMXML__A_REQUIRED),
    DOMXML__ENUMA("family", domxml_ip, family, domxml__ip_family_enum, 0),
    DOMXML__UINT("prefix", domxml_ip, prefix, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__STR("peer", domxml_ip, peer, 0),
};
const domxml__elem domxml__ip_elem = {
    .name = "ip", .size = sizeof(domxml_ip), .extra_off = offsetof(domxml_ip, extra),
    .attrs = domxml__ip_attrs, .n_attrs = DOMXML__N(domxml__ip_attrs),
    .check = domxml__ip_check,
};

static int domxml__route_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml_route *r = obj;
    domxml_ip_family fam = domxml__ip_family_of(r->address);

    (void)parent;
    if (fam == DOMXML_IP_FAMILY_NONE)
        return domxml__ip_bad(pc, "route", "address", r->address);
    if (domxml__ip_family_of(r->gateway) == DOMXML_IP_FAMILY_NONE)
        return domxml__ip_bad(pc, "route", "gateway", r->gateway);
    if (r->netmask) {
        if (domxml__ip_family_of(r->netmask) != DOMXML_IP_FAMILY_IPV4)
            return domxml__fail(pc, DOMXML_ERR_VALUE,
                                "invalid value '%s' for attribute 'netmask' of <route>: "
                                "expected an IPv4 netmask", r->netmask);
        if (r->prefix.set)
            return domxml__fail(pc, DOMXML_ERR_VALUE,
                                "<route> cannot have both 'netmask' and 'prefix'");
    }
    return domxml__check_prefix(pc, "route", fam, &r->prefix);
}

static const domxml__attr domxml__route_attrs[] = {
    DOMXML__ENUMA("family", domxml_route, family, domxml__ip_family_enum, 0),
    DOMXML__STR("address", domxml_route, address, DOMXML__A_REQUIRED),
    DOMXML__STR("netmask", domxml_route, netmask, 0),
    DOMXML__UINT("prefix", domxml_route, prefix, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__STR("gateway", domxml_route, gateway, DOMXML__A_REQUIRED),
    DOMXML__UINT("metric", domxml_route, metric, 10, DOMXML__F_DEC, 0, DOMXML__A_NONZERO),
};
const domxml__elem domxml__route_elem = {
    .name = "route", .size = sizeof(domxml_route), .extra_off = offsetof(domxml_route, extra),
    .attrs = domxml__route_attrs, .n_attrs = DOMXML__N(domxml__route_attrs),
    .check = domxml__route_check,
};
