/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* <ip> and <route>: guest-side lists of <interface>, host-side lists of
 * an ethernet <source>, and guest lists of a capabilities net <hostdev>. */
#include <arpa/inet.h>
#include <string.h>

#include "desc.h"
#include "ip.h"
#include "parse.h"

domxml_ip_family domxml__ip_family_of(const char *s)
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

/*
 * Rewrite an address field in the canonical text libvirt prints (IPv6
 * compressed and lower-case, as inet_ntop writes it): the same value, one
 * spelling. Text that is not an address is left for the check to refuse.
 */
/* The canonical spelling of address `s` into text, when it is an address
 * spelt otherwise. */
static bool domxml__ip_respelt(const char *s, char text[INET6_ADDRSTRLEN])
{
    unsigned char bin[16];
    domxml_ip_family fam = domxml__ip_family_of(s);
    int af = fam == DOMXML_IP_FAMILY_IPV4 ? AF_INET : AF_INET6;

    return fam != DOMXML_IP_FAMILY_NONE && inet_pton(af, s, bin) == 1 &&
           inet_ntop(af, bin, text, INET6_ADDRSTRLEN) && strcmp(text, s) != 0;
}

int domxml__ip_canon(struct domxml__pctx *pc, const char **field)
{
    char text[INET6_ADDRSTRLEN];

    if (!domxml__ip_respelt(*field, text))
        return 0;
    *field = domxml__pstrdup(pc, text);
    return *field ? 0 : -1;
}

/* The parser stores the canonical spelling (before its check runs), so a
 * hand-set other spelling would not read back as written. */
int domxml__ip_check_canon(domxml__diag *d, const char *elem, const char *attr,
                           const char *value)
{
    char text[INET6_ADDRSTRLEN];

    if (!domxml__ip_respelt(value, text))
        return 0;
    return domxml__rule(d, DOMXML_ERR_VALUE,
                        "value '%s' of attribute '%s' of <%s> is not in the stored spelling '%s'",
                        value, attr, elem, text);
}

/* Host bits of `addr` beyond `prefix` are all zero. */
static bool domxml__ip_is_network(const char *addr, domxml_ip_family fam, unsigned prefix)
{
    unsigned char bin[16];
    unsigned bytes = fam == DOMXML_IP_FAMILY_IPV4 ? 4 : 16;

    if (inet_pton(fam == DOMXML_IP_FAMILY_IPV4 ? AF_INET : AF_INET6, addr, bin) != 1)
        return false;
    for (unsigned bit = prefix; bit < bytes * 8; bit++) {
        if (bin[bit / 8] & (0x80 >> (bit % 8)))
            return false;
    }
    return true;
}

/* The prefix length of a dotted IPv4 netmask, or -1 if not contiguous. */
static int domxml__netmask_prefix(const char *mask)
{
    unsigned char bin[4];
    int prefix = 0;
    bool ended = false;

    if (inet_pton(AF_INET, mask, bin) != 1)
        return -1;
    for (int bit = 0; bit < 32; bit++) {
        bool set = bin[bit / 8] & (0x80 >> (bit % 8));
        if (set && ended)
            return -1;
        if (set)
            prefix++;
        else
            ended = true;
    }
    return prefix;
}

static int domxml__ip_bad(domxml__diag *d, const char *elem, const char *attr,
                          const char *value)
{
    return domxml__rule(d, DOMXML_ERR_VALUE,
                        "invalid value '%s' for attribute '%s' of <%s>: expected an IPv4 or IPv6 address",
                        value, attr, elem);
}

static int domxml__check_prefix(domxml__diag *d, const char *elem, domxml_ip_family fam,
                                const domxml_uint *prefix)
{
    unsigned max = fam == DOMXML_IP_FAMILY_IPV4 ? 32 : 128;

    if (prefix->set && prefix->value > max)
        return domxml__rule(d, DOMXML_ERR_RANGE,
                            "value '%u' of attribute 'prefix' of <%s> is out of range (maximum %u)",
                            prefix->value, elem, max);
    return 0;
}

static int domxml__ip_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_ip *ip = obj;
    domxml_ip_family fam = domxml__ip_family_of(ip->address);

    (void)parent;
    if (fam == DOMXML_IP_FAMILY_NONE)
        return domxml__ip_bad(d, "ip", "address", ip->address);
    if (ip->family != DOMXML_IP_FAMILY_NONE && ip->family != fam)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "address '%s' of <ip> does not match family '%s'", ip->address,
                            domxml__enum_name(&domxml__ip_family_enum, (int)ip->family));
    if (ip->peer && domxml__ip_family_of(ip->peer) == DOMXML_IP_FAMILY_NONE)
        return domxml__ip_bad(d, "ip", "peer", ip->peer);
    if (domxml__ip_check_canon(d, "ip", "address", ip->address) < 0 ||
        domxml__ip_check_canon(d, "ip", "peer", ip->peer) < 0)
        return -1;
    return domxml__check_prefix(d, "ip", fam, &ip->prefix);
}

static int domxml__ip_normalize(struct domxml__pctx *pc, void *obj)
{
    domxml_ip *ip = obj;

    return domxml__ip_canon(pc, &ip->address) < 0 || domxml__ip_canon(pc, &ip->peer) < 0 ? -1 : 0;
}

static const domxml__attr domxml__ip_attrs[] = {
    DOMXML__STR("address", domxml_ip, address, DOMXML__A_REQUIRED),
    DOMXML__ENUMA("family", domxml_ip, family, domxml__ip_family_enum, 0),
    DOMXML__UINT("prefix", domxml_ip, prefix, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__STR("peer", domxml_ip, peer, 0),
};
const domxml__elem domxml__ip_elem = DOMXML__ELEM("ip", domxml_ip, DOMXML__ATTRS(domxml__ip_attrs), .normalize = domxml__ip_normalize, .check = domxml__ip_check);

static int domxml__route_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_route *r = obj;
    /* No address: a default route (libvirt 11.x); the gateway's family. */
    domxml_ip_family fam = domxml__ip_family_of(r->address ? r->address : r->gateway);
    int prefix = -1;

    (void)parent;
    if (r->address && fam == DOMXML_IP_FAMILY_NONE)
        return domxml__ip_bad(d, "route", "address", r->address);
    if (domxml__ip_family_of(r->gateway) == DOMXML_IP_FAMILY_NONE)
        return domxml__ip_bad(d, "route", "gateway", r->gateway);
    if (domxml__ip_check_canon(d, "route", "address", r->address) < 0 ||
        domxml__ip_check_canon(d, "route", "gateway", r->gateway) < 0)
        return -1;
    if (!r->address)
        return domxml__check_prefix(d, "route", fam, &r->prefix);
    if (r->netmask) {
        prefix = fam == DOMXML_IP_FAMILY_IPV4 ? domxml__netmask_prefix(r->netmask) : -1;
        if (prefix < 0)
            return domxml__rule(d, DOMXML_ERR_VALUE,
                                "invalid value '%s' for attribute 'netmask' of <route>: "
                                "expected a contiguous IPv4 netmask for an IPv4 route",
                                r->netmask);
        if (r->prefix.set)
            return domxml__rule(d, DOMXML_ERR_VALUE,
                                "<route> cannot have both 'netmask' and 'prefix'");
    }
    if (domxml__check_prefix(d, "route", fam, &r->prefix) < 0)
        return -1;
    if (r->prefix.set)
        prefix = (int)r->prefix.value;
    if (prefix >= 0 && !domxml__ip_is_network(r->address, fam, (unsigned)prefix))
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'address' of <route>: "
                            "host bits are set for prefix %d", r->address, prefix);
    return 0;
}

static int domxml__route_normalize(struct domxml__pctx *pc, void *obj)
{
    domxml_route *r = obj;

    return domxml__ip_canon(pc, &r->address) < 0 || domxml__ip_canon(pc, &r->gateway) < 0 ? -1 : 0;
}

static const domxml__attr domxml__route_attrs[] = {
    DOMXML__ENUMA("family", domxml_route, family, domxml__ip_family_enum, 0),
    DOMXML__STR("address", domxml_route, address, 0), /* optional: libvirt 11.x */
    DOMXML__STR("netmask", domxml_route, netmask, 0),
    DOMXML__UINT("prefix", domxml_route, prefix, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__STR("gateway", domxml_route, gateway, DOMXML__A_REQUIRED),
    DOMXML__UINT("metric", domxml_route, metric, 10, DOMXML__F_DEC, 0, DOMXML__A_NONZERO),
};
const domxml__elem domxml__route_elem = DOMXML__ELEM("route", domxml_route, DOMXML__ATTRS(domxml__route_attrs), .normalize = domxml__route_normalize, .check = domxml__route_check);
