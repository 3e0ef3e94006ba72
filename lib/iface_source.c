/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * <source> of <interface>: one table per interface type, chosen by the
 * parent's type, so each type reads and writes only its own attributes
 * (others are kept as unknown). Type hostdev uses the host-device source.
 */
#include "desc.h"

typedef domxml_interface_source domxml__src;

static const domxml__attr domxml__reconnect_attrs[] = {
    DOMXML__ENUMA("enabled", domxml_reconnect, enabled, domxml__tristate_bool_enum, 0),
    DOMXML__UINT("timeout", domxml_reconnect, timeout, 10, DOMXML__F_DEC, 0, 0),
};
static const domxml__elem domxml__reconnect_elem =
    DOMXML__ELEM("reconnect", domxml_reconnect, DOMXML__ATTRS(domxml__reconnect_attrs));

static const domxml__attr domxml__local_attrs[] = {
    DOMXML__STR("address", domxml_socket_local, address, DOMXML__A_REQUIRED),
    DOMXML__INT("port", domxml_socket_local, port, 0, 65535, DOMXML__A_REQUIRED),
};
static const domxml__elem domxml__local_elem =
    DOMXML__ELEM("local", domxml_socket_local, DOMXML__ATTRS(domxml__local_attrs));

#define DOMXML__SRC_IPS                                                        \
    DOMXML__LIST(domxml__ip_elem, domxml__src, ips),                           \
    DOMXML__LIST(domxml__route_elem, domxml__src, routes)

static const domxml__child domxml__src_ip_kids[] = {DOMXML__SRC_IPS};
static const domxml__child domxml__src_vhostuser_kids[] = {
    DOMXML__PTR(domxml__reconnect_elem, domxml__src, u.vhostuser.reconnect), DOMXML__SRC_IPS};
static const domxml__child domxml__src_udp_kids[] = {
    DOMXML__PTR(domxml__local_elem, domxml__src, u.socket.local), DOMXML__SRC_IPS};

static const domxml__attr domxml__src_network_attrs[] = {
    DOMXML__STR("network", domxml__src, u.network.network, DOMXML__A_REQUIRED),
    DOMXML__STR("portgroup", domxml__src, u.network.portgroup, 0),
    DOMXML__UUIDA("portid", domxml__src, u.network.portid, 0),
};
static const domxml__attr domxml__src_bridge_attrs[] = {
    DOMXML__STR("bridge", domxml__src, u.bridge.bridge, DOMXML__A_REQUIRED),
};
static const domxml__attr domxml__src_direct_attrs[] = {
    DOMXML__STR("dev", domxml__src, u.direct.dev, DOMXML__A_REQUIRED),
    DOMXML__ENUMA("mode", domxml__src, u.direct.mode, domxml__direct_mode_enum, 0),
};
static const domxml__attr domxml__src_dev_attrs[] = {
    DOMXML__STR("dev", domxml__src, u.dev.dev, DOMXML__A_REQUIRED),
};
static const domxml__attr domxml__src_user_attrs[] = {
    DOMXML__STR("dev", domxml__src, u.dev.dev, 0),
};
/* type, path and mode are required unless the back end is passt: that
 * needs the whole interface, so the rule is in iface_rules.c. */
static const domxml__attr domxml__src_vhostuser_attrs[] = {
    DOMXML__ENUMA("type", domxml__src, u.vhostuser.type, domxml__socket_type_enum, 0),
    DOMXML__STR("path", domxml__src, u.vhostuser.path, 0),
    DOMXML__ENUMA("mode", domxml__src, u.vhostuser.mode, domxml__socket_mode_enum, 0),
    DOMXML__STR("dev", domxml__src, u.vhostuser.dev, 0), /* passt, libvirt 11.1.0 */
};
static const domxml__attr domxml__src_server_attrs[] = {
    DOMXML__STR("address", domxml__src, u.socket.address, 0),
    DOMXML__INT("port", domxml__src, u.socket.port, 0, 65535, DOMXML__A_REQUIRED),
};
static const domxml__attr domxml__src_socket_attrs[] = {
    DOMXML__STR("address", domxml__src, u.socket.address, DOMXML__A_REQUIRED),
    DOMXML__INT("port", domxml__src, u.socket.port, 0, 65535, DOMXML__A_REQUIRED),
};
static const domxml__attr domxml__src_internal_attrs[] = {
    DOMXML__STR("name", domxml__src, u.internal.name, DOMXML__A_REQUIRED),
};
static const domxml__attr domxml__src_vds_attrs[] = {
    DOMXML__UUIDA("switchid", domxml__src, u.vds.switchid, DOMXML__A_REQUIRED),
    DOMXML__ULLONG("portid", domxml__src, u.vds.portid, 10, DOMXML__F_DEC, DOMXML__A_REQUIRED),
    DOMXML__STR("portgroupid", domxml__src, u.vds.portgroupid, DOMXML__A_REQUIRED),
    DOMXML__ULLONG("connectionid", domxml__src, u.vds.connectionid, 10, DOMXML__F_DEC,
                   DOMXML__A_REQUIRED),
};

/* udp needs its <local> element (libvirt rejects a udp source without). */
static int domxml__src_udp_check(domxml__diag *d, const void *obj, const void *parent)
{
    (void)parent;
    if (!((const domxml__src *)obj)->u.socket.local)
        return domxml__rule(d, DOMXML_ERR_MISSING,
                            "<source> of a udp interface needs a <local> element");
    return 0;
}

#define DOMXML__SRC_ELEM(attrs_, kids_, ...)                                   \
    DOMXML__ELEM("source", domxml__src, DOMXML__ATTRS(attrs_), DOMXML__KIDS(kids_), __VA_ARGS__)
#define DOMXML__SRC_BARE DOMXML__ELEM("source", domxml__src, DOMXML__KIDS(domxml__src_ip_kids))

static const domxml__elem domxml__iface_source_variants[DOMXML_INTERFACE_TYPE_LAST] = {
    [DOMXML_INTERFACE_TYPE_NONE] = DOMXML__SRC_ELEM(domxml__src_user_attrs, domxml__src_ip_kids),
    [DOMXML_INTERFACE_TYPE_USER] = DOMXML__SRC_ELEM(domxml__src_user_attrs, domxml__src_ip_kids),
    [DOMXML_INTERFACE_TYPE_ETHERNET] = DOMXML__SRC_BARE,
    [DOMXML_INTERFACE_TYPE_VHOSTUSER] =
        DOMXML__SRC_ELEM(domxml__src_vhostuser_attrs, domxml__src_vhostuser_kids),
    [DOMXML_INTERFACE_TYPE_SERVER] =
        DOMXML__SRC_ELEM(domxml__src_server_attrs, domxml__src_ip_kids),
    [DOMXML_INTERFACE_TYPE_CLIENT] =
        DOMXML__SRC_ELEM(domxml__src_socket_attrs, domxml__src_ip_kids),
    [DOMXML_INTERFACE_TYPE_MCAST] =
        DOMXML__SRC_ELEM(domxml__src_socket_attrs, domxml__src_ip_kids),
    [DOMXML_INTERFACE_TYPE_NETWORK] =
        DOMXML__SRC_ELEM(domxml__src_network_attrs, domxml__src_ip_kids),
    [DOMXML_INTERFACE_TYPE_BRIDGE] =
        DOMXML__SRC_ELEM(domxml__src_bridge_attrs, domxml__src_ip_kids),
    [DOMXML_INTERFACE_TYPE_INTERNAL] =
        DOMXML__SRC_ELEM(domxml__src_internal_attrs, domxml__src_ip_kids),
    [DOMXML_INTERFACE_TYPE_DIRECT] =
        DOMXML__SRC_ELEM(domxml__src_direct_attrs, domxml__src_ip_kids),
    [DOMXML_INTERFACE_TYPE_HOSTDEV] = DOMXML__SRC_BARE, /* not used: see interface.c */
    [DOMXML_INTERFACE_TYPE_UDP] =
        DOMXML__SRC_ELEM(domxml__src_socket_attrs, domxml__src_udp_kids, .check = domxml__src_udp_check),
    [DOMXML_INTERFACE_TYPE_VDPA] = DOMXML__SRC_ELEM(domxml__src_dev_attrs, domxml__src_ip_kids),
    [DOMXML_INTERFACE_TYPE_NULL] = DOMXML__SRC_BARE,
    [DOMXML_INTERFACE_TYPE_VDS] = DOMXML__SRC_ELEM(domxml__src_vds_attrs, domxml__src_ip_kids),
};

static const domxml__elem *domxml__iface_source_refine(const void *obj, const void *parent)
{
    unsigned t = (unsigned)((const domxml_interface *)parent)->type;

    (void)obj;
    return &domxml__iface_source_variants[t < DOMXML_INTERFACE_TYPE_LAST ? t : 0];
}

const domxml__elem domxml__iface_source_elem =
    DOMXML__ELEM("source", domxml__src, .refine = domxml__iface_source_refine);
