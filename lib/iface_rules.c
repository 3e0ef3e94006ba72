/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libvirt's rules that tie an <interface>'s children to its type, checked
 * when the </interface> end tag is read (children may come in any order).
 * Each error points at the child that breaks the rule.
 */
#include "desc.h"
#include "iface_rules.h"

typedef domxml_interface domxml__if;

/* The rare children, as an empty group when the interface has none. */
static const domxml_interface_more *domxml__more_of(const domxml__if *i)
{
    static const domxml_interface_more none;

    return i->more ? i->more : &none;
}

static bool domxml__if_type_in(const domxml__if *i, unsigned mask)
{
    return domxml__bit(mask, (unsigned)i->type);
}

#define DOMXML__T(t) (1u << DOMXML_INTERFACE_TYPE_##t)

/* Types whose <source> libvirt requires. */
static const unsigned domxml__needs_source =
    DOMXML__T(NETWORK) | DOMXML__T(BRIDGE) | DOMXML__T(DIRECT) | DOMXML__T(VHOSTUSER) |
    DOMXML__T(SERVER) | DOMXML__T(CLIENT) | DOMXML__T(MCAST) | DOMXML__T(UDP) |
    DOMXML__T(INTERNAL) | DOMXML__T(HOSTDEV) | DOMXML__T(VDPA) | DOMXML__T(VDS);
/* Types that take a <virtualport>; the last three insist on a complete one. */
static const unsigned domxml__takes_vport =
    DOMXML__T(NETWORK) | DOMXML__T(BRIDGE) | DOMXML__T(DIRECT) | DOMXML__T(HOSTDEV);
static const unsigned domxml__strict_vport =
    DOMXML__T(BRIDGE) | DOMXML__T(DIRECT) | DOMXML__T(HOSTDEV);

static const char *domxml__if_type_name(const domxml__if *i)
{
    const char *name = domxml__enum_name(&domxml__interface_type_enum, (int)i->type);

    return name ? name : "user";
}

/* <backend type='passt'/>: a vhostuser interface then needs no <source>
 * and no socket type, path or mode (libvirt 11.1.0). */
static bool domxml__if_is_passt(const domxml__if *i)
{
    const domxml_net_backend *be = domxml__more_of(i)->backend;

    return be && be->type == DOMXML_NET_BACKEND_TYPE_PASST;
}

static int domxml__if_check_vhostuser(domxml__diag *d, const domxml__if *i)
{
    const domxml_interface_source *s = i->source;
    const char *missing;

    if (i->type != DOMXML_INTERFACE_TYPE_VHOSTUSER || !s || domxml__if_is_passt(i))
        return 0;
    missing = !s->u.vhostuser.type ? "type" : !s->u.vhostuser.path ? "path"
              : !s->u.vhostuser.mode ? "mode" : NULL;
    if (missing)
        return domxml__rule_at(d, DOMXML_ERR_MISSING, &s->meta, "source",
                               "missing required attribute '%s' of <source>", missing);
    return 0;
}

static int domxml__if_check_source(domxml__diag *d, const domxml__if *i)
{
    bool has = i->type == DOMXML_INTERFACE_TYPE_HOSTDEV ? i->hostdev_source != NULL
                                                         : i->source != NULL;

    if (!has && i->type == DOMXML_INTERFACE_TYPE_VHOSTUSER && domxml__if_is_passt(i))
        return 0;
    if (domxml__if_check_vhostuser(d, i) < 0)
        return -1;
    if (!has && domxml__if_type_in(i, domxml__needs_source))
        return domxml__rule(d, DOMXML_ERR_MISSING, "<interface type='%s'> needs a <source> element",
                            domxml__if_type_name(i));
    if (i->source && (i->source->ips || i->source->routes) &&
        i->type != DOMXML_INTERFACE_TYPE_ETHERNET)
        return domxml__rule_at(d, DOMXML_ERR_CONTENT, &i->source->meta, "source",
                               "<ip> and <route> inside <source> are allowed only for type='ethernet'");
    return 0;
}

/* Parameters each virtualport type takes, and those it cannot do without. */
typedef struct domxml__vport_rule {
    bool manager_id, type_id, type_id_version, instance_id, interface_id, profile_id;
} domxml__vport_rule;

static const domxml__vport_rule domxml__vport_allowed[DOMXML_VIRTUALPORT_TYPE_LAST] = {
    [DOMXML_VIRTUALPORT_TYPE_NONE] = {true, true, true, true, true, true},
    [DOMXML_VIRTUALPORT_TYPE_8021QBG] = {true, true, true, true, false, false},
    [DOMXML_VIRTUALPORT_TYPE_8021QBH] = {false, false, false, false, false, true},
    [DOMXML_VIRTUALPORT_TYPE_OPENVSWITCH] = {false, false, false, false, true, true},
    [DOMXML_VIRTUALPORT_TYPE_MIDONET] = {false, false, false, false, true, false},
};
static const domxml__vport_rule domxml__vport_required[DOMXML_VIRTUALPORT_TYPE_LAST] = {
    [DOMXML_VIRTUALPORT_TYPE_8021QBG] = {true, true, true, false, false, false},
    [DOMXML_VIRTUALPORT_TYPE_8021QBH] = {false, false, false, false, false, true},
    [DOMXML_VIRTUALPORT_TYPE_MIDONET] = {false, false, false, false, true, false},
};

static int domxml__if_check_vport_params(domxml__diag *d, const domxml__if *i, bool strict)
{
    static const domxml_virtualport_params none;
    const domxml_virtualport *vp = domxml__more_of(i)->virtualport;
    const domxml_virtualport_params *p = vp->parameters ? vp->parameters : &none;
    unsigned t = (unsigned)vp->type < DOMXML_VIRTUALPORT_TYPE_LAST ? (unsigned)vp->type : 0;
    const domxml__vport_rule *ok = &domxml__vport_allowed[t];
    const domxml__vport_rule *need = &domxml__vport_required[t];
    const char *tname = domxml__enum_name(&domxml__virtualport_type_enum, (int)vp->type);
    const struct {
        const char *name;
        bool set, allowed, required;
    } params[] = {
        {"managerid", p->manager_id.set, ok->manager_id, need->manager_id},
        {"typeid", p->type_id.set, ok->type_id, need->type_id},
        {"typeidversion", p->type_id_version.set, ok->type_id_version, need->type_id_version},
        {"instanceid", p->instance_id != NULL, ok->instance_id, need->instance_id},
        {"interfaceid", p->interface_id != NULL, ok->interface_id, need->interface_id},
        {"profileid", p->profile_id != NULL, ok->profile_id, need->profile_id},
    };

    for (size_t k = 0; k < DOMXML__N(params); k++) {
        if (params[k].set && !params[k].allowed)
            return domxml__rule_at(d, DOMXML_ERR_VALUE, &vp->meta, "virtualport",
                                   "<virtualport type='%s'> does not take '%s'", tname,
                                   params[k].name);
        if (strict && params[k].required && !params[k].set)
            return domxml__rule_at(d, DOMXML_ERR_MISSING, &vp->meta, "virtualport",
                                   "<virtualport type='%s'> needs '%s' in <parameters>", tname,
                                   params[k].name);
    }
    return 0;
}

static int domxml__if_check_vport(domxml__diag *d, const domxml__if *i)
{
    const domxml_virtualport *vp = domxml__more_of(i)->virtualport;
    bool strict = domxml__if_type_in(i, domxml__strict_vport);

    if (!vp)
        return 0;
    if (!domxml__if_type_in(i, domxml__takes_vport))
        return domxml__rule_at(d, DOMXML_ERR_CONTENT, &vp->meta, "virtualport",
                               "<virtualport> is allowed only for type='network', 'bridge', "
                               "'direct' and 'hostdev'");
    if (strict && vp->type == DOMXML_VIRTUALPORT_TYPE_NONE)
        return domxml__rule_at(d, DOMXML_ERR_MISSING, &vp->meta, "virtualport",
                               "<virtualport> of a type='%s' interface needs a 'type'",
                               domxml__if_type_name(i));
    return domxml__if_check_vport_params(d, i, strict);
}

static int domxml__if_check_port(domxml__diag *d, const domxml__if *i)
{
    const domxml_port *port = domxml__more_of(i)->port;
    const domxml_virtualport *vp = domxml__more_of(i)->virtualport;

    if (!port || port->isolated != DOMXML_TRISTATE_BOOL_YES)
        return 0;
    if (!domxml__if_type_in(i, DOMXML__T(NETWORK) | DOMXML__T(BRIDGE)))
        return domxml__rule_at(d, DOMXML_ERR_VALUE, &port->meta, "port",
                               "<port isolated='yes'> is allowed only for type='network' and "
                               "type='bridge'");
    if (vp && vp->type != DOMXML_VIRTUALPORT_TYPE_NONE)
        return domxml__rule_at(d, DOMXML_ERR_VALUE, &port->meta, "port",
                               "<port isolated='yes'> cannot be combined with a typed <virtualport>");
    return 0;
}

/* Virtio options of <driver> need a virtio model (when a model is given). */
static int domxml__if_check_driver(domxml__diag *d, const domxml__if *i)
{
    const domxml_net_driver *drv = i->driver;
    const char *opt = !drv ? NULL : drv->iommu ? "iommu" : drv->ats ? "ats"
                      : drv->packed ? "packed" : drv->page_per_vq ? "page_per_vq" : NULL;

    if (opt && domxml_model_name(i->model) && !domxml_nic_model_is_virtio(i->model))
        return domxml__rule_at(d, DOMXML_ERR_VALUE, &drv->meta, "driver",
                               "attribute '%s' of <driver> is allowed only for virtio models", opt);
    return 0;
}

static int domxml__if_check_info(domxml__diag *d, const domxml__if *i)
{
    const domxml_bandwidth *bw = domxml__more_of(i)->bandwidth;
    const domxml_bandwidth_rate *in = bw ? bw->inbound : NULL;
    const domxml_bandwidth_rate *out = bw ? bw->outbound : NULL;

    if (out && out->floor.set)
        return domxml__rule_at(d, DOMXML_ERR_VALUE, &out->meta, "bandwidth/outbound",
                               "attribute 'floor' is allowed only in <inbound>");
    if (in && in->floor.set && i->type != DOMXML_INTERFACE_TYPE_NETWORK)
        return domxml__rule_at(d, DOMXML_ERR_VALUE, &in->meta, "bandwidth/inbound",
                               "attribute 'floor' of <inbound> is allowed only for type='network'");
    if (i->info.address && i->info.address->type == DOMXML_ADDRESS_TYPE_UNASSIGNED)
        return domxml__rule_at(d, DOMXML_ERR_VALUE, &i->info.address->meta, "address",
                               "invalid value 'unassigned' for attribute 'type' of <address>: "
                               "'unassigned' is allowed only in a <hostdev>");
    return 0;
}

/* passt: a user-mode back end; port forwarding exists only with it. */
static int domxml__if_check_backend(domxml__diag *d, const domxml__if *i)
{
    const domxml_interface_more *m = domxml__more_of(i);
    bool passt = m->backend && m->backend->type == DOMXML_NET_BACKEND_TYPE_PASST;
    bool vhostuser = i->type == DOMXML_INTERFACE_TYPE_VHOSTUSER && i->source;
    const domxml_reconnect *rc = vhostuser ? i->source->u.vhostuser.reconnect : NULL;

    if (passt && !domxml__if_type_in(i, DOMXML__T(USER) | DOMXML__T(NONE) | DOMXML__T(VHOSTUSER)))
        return domxml__rule_at(d, DOMXML_ERR_VALUE, &m->backend->meta, "backend",
                               "<backend type='passt'> is allowed only for type='user' and "
                               "type='vhostuser'");
    if (m->port_forwards && !passt)
        return domxml__rule_at(d, DOMXML_ERR_CONTENT, &m->port_forwards->meta, "portForward",
                               "<portForward> needs <backend type='passt'/>");
    if (rc && i->source->u.vhostuser.mode == DOMXML_SOCKET_MODE_SERVER &&
        rc->enabled == DOMXML_TRISTATE_BOOL_YES)
        return domxml__rule_at(d, DOMXML_ERR_VALUE, &rc->meta, "source/reconnect",
                               "<reconnect enabled='yes'> is not supported with mode='server'");
    return 0;
}

/* libvirt's QEMU driver opens a custom tap device (<backend tap=>) only
 * for the tap types: "custom tap device path is not supported for network
 * interfaces of type ..." (tests net-vhostuser-fail, net-hostdev-fail).
 * Validation only. */
static void domxml__if_check_tap_path(domxml__diag *d, const domxml__if *i)
{
    const domxml_net_backend *be = domxml__more_of(i)->backend;

    if (be && be->tap &&
        !domxml__if_type_in(i, DOMXML__T(ETHERNET) | DOMXML__T(NETWORK) | DOMXML__T(BRIDGE)))
        domxml__strict(d, DOMXML_ERR_VALUE, &be->meta, "backend", "tap",
                       "[interface.tap-path] <backend tap='%s'>: a custom tap device is "
                       "supported only for type='ethernet', 'network' and 'bridge', not "
                       "type='%s'", be->tap, domxml__if_type_name(i));
}

int domxml__interface_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml__if *i = obj;

    (void)parent;
    domxml__if_check_tap_path(d, i);
    if (domxml__if_check_source(d, i) < 0 || domxml__if_check_vport(d, i) < 0 ||
        domxml__if_check_port(d, i) < 0 || domxml__if_check_driver(d, i) < 0 ||
        domxml__if_check_backend(d, i) < 0)
        return -1;
    return domxml__if_check_info(d, i);
}
