/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: NIC backends. tap (the caller's fds or tap name), user,
 * socket, vhost-user (a unix socket chardev) and vhost-vdpa (a device path
 * or the caller's fd through -add-fd). One table per backend.
 */
#include <stdlib.h>
#include <string.h>

#include "netdev.h"
#include "passt.h"
#include "resources.h"

#define MAX_FDS 64

static const domxml__qa_row tap_rows[] = {
    DOMXML__QA_STR("type", 1, 1, type, DOMXML__QA_NAME),
    DOMXML__QA_TXT("fd", 2, 2, fd),
    DOMXML__QA_TXT("fds", 3, 3, fds),
    DOMXML__QA_TXT("ifname", 4, 4, ifname),
    DOMXML__QA_TXT("script", 5, 5, script),
    DOMXML__QA_TXT("downscript", 6, 6, downscript),
    DOMXML__QA_NUM("queues", 7, 7, queues),
    DOMXML__QA_IDS("id", 8, 12, netdev),
    DOMXML__QA_SW("vhost", 9, 8, vhost),
    DOMXML__QA_TXT("vhostfd", 10, 9, vhostfd),
    DOMXML__QA_TXT("vhostfds", 11, 10, vhostfds),
    DOMXML__QA_NUM("sndbuf", 12, 11, sndbuf),
};

static const domxml__qa_row user_rows[] = {
    DOMXML__QA_STR("type", 1, 1, type, DOMXML__QA_NAME),
    DOMXML__QA_TXT("net", 2, 2, net),
    DOMXML__QA_TXT("ipv6-prefix", 3, 3, ipv6_prefix),
    DOMXML__QA_NUM("ipv6-prefixlen", 4, 4, ipv6_prefixlen),
    DOMXML__QA_IDS("id", 5, 5, netdev),
};

static const domxml__qa_row socket_rows[] = {
    DOMXML__QA_STR("type", 1, 1, type, DOMXML__QA_NAME),
    DOMXML__QA_TXT("listen", 2, 2, listen),
    DOMXML__QA_TXT("connect", 3, 3, connect),
    DOMXML__QA_TXT("mcast", 4, 4, mcast),
    DOMXML__QA_TXT("udp", 5, 5, udp),
    DOMXML__QA_TXT("localaddr", 6, 6, localaddr),
    DOMXML__QA_IDS("id", 7, 7, netdev),
};

static const domxml__qa_row chardev_rows[] = {
    DOMXML__QA_STR("backend", 1, 1, backend, DOMXML__QA_NAME),
    DOMXML__QA_IDS("id", 2, 2, chardev),
    DOMXML__QA_TXT("path", 3, 3, path),
    DOMXML__QA_SW("server", 4, 4, server),
    /* QEMU 9.2 replaced seconds by milliseconds */
    DOMXML__QA_NUM_V("reconnect", 5, 5, reconnect, 0, 902),
    DOMXML__QA_NUM_V("reconnect-ms", 5, 5, reconnect_ms, 902, 0),
};

static const domxml__qa_row vhostuser_rows[] = {
    DOMXML__QA_STR("type", 1, 1, type, DOMXML__QA_NAME),
    DOMXML__QA_IDS("chardev", 2, 2, chardev),
    DOMXML__QA_NUM("queues", 3, 3, queues),
    DOMXML__QA_IDS("id", 4, 4, netdev),
};

static const domxml__qa_row addfd_rows[] = {
    DOMXML__QA_NUM("set", 1, 1, set),
    DOMXML__QA_NUM("fd", 2, 2, fdnum),
    DOMXML__QA_TXT("opaque", 3, 3, opaque),
};

static const domxml__qa_row vdpa_rows[] = {
    DOMXML__QA_STR("type", 1, 1, type, DOMXML__QA_NAME),
    DOMXML__QA_TXT("vhostdev", 2, 2, vhostdev),
    DOMXML__QA_NUM("queues", 3, 3, queues),
    DOMXML__QA_IDS("id", 4, 4, netdev),
};

/* Queues: a non-virtio model has one (libvirt ignores <driver queues>). */
static unsigned int queues_of(const domxml__qa_view *v)
{
    const domxml_interface *i = v->iface;
    return v->virtio && i->driver && i->driver->queues.set ? i->driver->queues.value : 1;
}

/* "a:b:c" of the values (checked by the context). */
static const char *joined(domxml__qa_view *v, const char **fds, size_t n)
{
    domxml__qa_buf b = {.mem = &v->ctx->mem};
    const char *s;

    for (size_t i = 0; i < n; i++) {
        if (i)
            domxml__qa_putc(&b, ':');
        domxml__qa_puts(&b, fds[i]);
    }
    if (b.oom) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_NOMEM, "qemuargv.nomem", "out of memory");
        s = NULL;
    } else {
        s = domxml__qa_cat(v->ctx, b.s ? b.s : "", NULL);
    }
    domxml__qa_buf_release(&b);
    return s;
}

static bool tap_counts(domxml__qa_view *v, size_t ntap, size_t nvhost, const char *ifname)
{
    const domxml_interface *i = v->iface;
    unsigned int queues = queues_of(v);
    const char *why = NULL, *code = "qemuargv.resource-count";
    domxml_error_code kind = DOMXML_ERR_VALUE;

    if (ntap > MAX_FDS || nvhost > MAX_FDS)
        why = "more than 64 fds";
    else if (ntap && ifname)
        why = "both tap fds and an ifname were given";
    else if (!ntap && !ifname)
        kind = DOMXML_ERR_MISSING, code = "qemuargv.resource-missing",
        why = i->type == DOMXML_INTERFACE_TYPE_DIRECT
                  ? "it needs a tap (macvtap) fd or an ifname from the caller"
                  : "it needs a tap fd or an ifname from the caller";
    else if (i->driver && i->driver->name == DOMXML_NET_DRIVER_NAME_VHOST && !nvhost &&
             v->virtio)
        kind = DOMXML_ERR_MISSING, code = "qemuargv.resource-missing",
        why = "<driver name='vhost'> needs vhost-net fds from the caller";
    else if (i->driver && i->driver->name == DOMXML_NET_DRIVER_NAME_QEMU && nvhost)
        why = "vhost-net fds were given but <driver name='qemu'> asks for no vhost";
    else if (ntap && queues > 1 && ntap != queues)
        why = "the number of tap fds is not the number of queues";
    else if (ntap && nvhost && nvhost != ntap)
        why = "the numbers of tap fds and vhost-net fds differ";
    else if (!ntap && (nvhost > 1 || (nvhost && queues > 1)))
        why = "vhost-net fds with an ifname: QEMU takes vhostfds= only with fds=";
    if (why)
        domxml__qa_fail(v->ctx, kind, code, "%s (%zu tap fds, %zu vhost-net fds, %u queues)",
                        why, ntap, nvhost, queues);
    return !why;
}

static void netdev_tap(domxml__qa_view *v)
{
    const domxml_interface *i = v->iface;
    const char *tap[MAX_FDS], *vhost[MAX_FDS], *ifn[1];
    size_t ntap = domxml__qa_res(v->ctx, v->ctx->cur, DOMXML_QEMUARGV_RES_TAP_FD, tap, MAX_FDS);
    size_t nvhost =
        domxml__qa_res(v->ctx, v->ctx->cur, DOMXML_QEMUARGV_RES_VHOST_FD, vhost, MAX_FDS);
    size_t nifn = domxml__qa_res(v->ctx, v->ctx->cur, DOMXML_QEMUARGV_RES_IFNAME, ifn, 1);
    const char *ifname = nifn ? ifn[0] : NULL;

    if (nifn > 1) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_VALUE, "qemuargv.resource-count",
                        "more than one ifname given");
        return;
    }
    if (!ntap && !ifname && i->type == DOMXML_INTERFACE_TYPE_ETHERNET && i->target &&
        i->target->dev && i->target->managed == DOMXML_TRISTATE_BOOL_NO)
        ifname = i->target->dev;
    if (!v->virtio && i->driver && i->driver->name == DOMXML_NET_DRIVER_NAME_VHOST)
        domxml__qa_warn(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.vhost-not-virtio",
                        "<driver name='vhost'> is for virtio NICs: ignored, as libvirt does");
    if (!tap_counts(v, ntap, nvhost, ifname))
        return;
    v->type = "tap";
    if (ntap > 1)
        v->fds = joined(v, tap, ntap);
    else if (ntap)
        v->fd = tap[0];
    if (!ntap) {
        v->ifname = ifname;
        v->script = v->downscript = "no";
        if (queues_of(v) > 1)
            v->queues = (domxml__qa_num){queues_of(v), true};
    }
    if (nvhost) {
        v->vhost = DOMXML_TRISTATE_SWITCH_ON;
        if (nvhost > 1)
            v->vhostfds = joined(v, vhost, nvhost);
        else
            v->vhostfd = vhost[0];
    }
    if (i->more && i->more->tune && i->more->tune->sndbuf && i->more->tune->sndbuf->value.set)
        v->sndbuf = (domxml__qa_num){(long long)i->more->tune->sndbuf->value.value, true};
    domxml__qa_emit(v, DOMXML__QA_ARG_NETDEV, true, DOMXML__QA_ROWS(tap_rows));
}

/* libvirt takes the first address of each family. */
static void netdev_user(domxml__qa_view *v)
{
    const domxml_interface *i = v->iface;

    if (domxml__qa_is_passt(i)) {
        domxml__qa_netdev_passt(v);
        return;
    }
    v->type = "user";
    for (const domxml_ip *ip = i->more ? i->more->ips : NULL; ip; ip = ip->next) {
        bool v6 = ip->family == DOMXML_IP_FAMILY_IPV6 ||
                  (ip->family == DOMXML_IP_FAMILY_NONE && ip->address && strchr(ip->address, ':'));
        if (!ip->address)
            continue;
        if (!v6 && !v->net)
            v->net = ip->prefix.set ? domxml__qa_printf(v->ctx, "%s/%u", ip->address,
                                                        ip->prefix.value)
                                    : ip->address;
        else if (v6 && !v->ipv6_prefix) {
            v->ipv6_prefix = ip->address;
            if (ip->prefix.set)
                v->ipv6_prefixlen = (domxml__qa_num){ip->prefix.value, true};
        }
    }
    domxml__qa_emit(v, DOMXML__QA_ARG_NETDEV, true, DOMXML__QA_ROWS(user_rows));
}

/* host:port, IPv6 hosts in brackets. */
static const char *hostport(domxml__qa_view *v, const char *host, unsigned int port)
{
    if (host && strchr(host, ':'))
        return domxml__qa_printf(v->ctx, "[%s]:%u", host, port);
    return domxml__qa_printf(v->ctx, "%s:%u", host ? host : "", port);
}

static void mcast_group_check(domxml__qa_view *v, const char *addr)
{
    char *end;
    unsigned long o1 = strtoul(addr, &end, 10);

    if (end != addr && *end == '.' && !strchr(addr, ':') && (o1 < 224 || o1 > 239))
        domxml__qa_warn(v->ctx, DOMXML_ERR_VALUE, "qemuargv.mcast-not-group",
                        "mcast address %s is not a multicast group: QEMU refuses it when the "
                        "netdev starts",
                        addr);
}

static void netdev_socket(domxml__qa_view *v)
{
    const domxml_interface *i = v->iface;
    const domxml_interface_source *s = i->source;

    if (!s || !s->u.socket.port.set) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.socket",
                        "a socket interface needs a source port");
        return;
    }
    const char *addr = s->u.socket.address;
    unsigned int port = s->u.socket.port.value;
    if (i->type != DOMXML_INTERFACE_TYPE_SERVER && (!addr || !*addr)) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.socket",
                        "a %s socket needs a source address",
                        domxml_interface_type_to_string(i->type));
        return;
    }
    v->type = "socket";
    if (i->type == DOMXML_INTERFACE_TYPE_SERVER) {
        v->listen = hostport(v, addr, port);
    } else if (i->type == DOMXML_INTERFACE_TYPE_CLIENT) {
        v->connect = hostport(v, addr, port);
    } else if (i->type == DOMXML_INTERFACE_TYPE_MCAST) {
        mcast_group_check(v, addr);
        v->mcast = hostport(v, addr, port);
    } else {
        const domxml_socket_local *l = s->u.socket.local;
        if (!l || !l->port.set) {
            domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.socket",
                            "a udp socket needs <local port=>");
            return;
        }
        v->udp = hostport(v, addr, port);
        v->localaddr = hostport(v, l->address ? l->address : "", l->port.value);
    }
    domxml__qa_emit(v, DOMXML__QA_ARG_NETDEV, true, DOMXML__QA_ROWS(socket_rows));
}

void domxml__qa_vhostuser(domxml__qa_view *v, const char *path, bool server, long long reconnect)
{
    v->backend = "socket";
    v->chardev = domxml__qa_cat(v->ctx, "char", v->id, NULL);
    v->path = path;
    v->server = server ? DOMXML_TRISTATE_SWITCH_ON : DOMXML_TRISTATE_SWITCH_ABSENT;
    if (reconnect >= 0) {
        v->reconnect = (domxml__qa_num){reconnect, true};
        v->reconnect_ms = (domxml__qa_num){reconnect * 1000, true};
    }
    domxml__qa_emit(v, DOMXML__QA_ARG_CHARDEV, true, DOMXML__QA_ROWS(chardev_rows));
    v->type = "vhost-user";
    if (queues_of(v) > 1)
        v->queues = (domxml__qa_num){queues_of(v), true};
    domxml__qa_emit(v, DOMXML__QA_ARG_NETDEV, true, DOMXML__QA_ROWS(vhostuser_rows));
}

static void netdev_vhostuser(domxml__qa_view *v)
{
    const domxml_interface_source *s = v->iface->source;

    if (!s || !s->u.vhostuser.path || s->u.vhostuser.type != DOMXML_SOCKET_TYPE_UNIX) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.vhostuser",
                        "vhost-user needs a unix socket path");
        return;
    }
    if (!s->u.vhostuser.path[0]) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_VALUE, "qemuargv.vhostuser",
                        "the vhost-user socket path is empty");
        return;
    }
    const domxml_reconnect *r = s->u.vhostuser.reconnect;
    bool server = s->u.vhostuser.mode == DOMXML_SOCKET_MODE_SERVER;
    if (r && r->enabled == DOMXML_TRISTATE_BOOL_YES && server) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.vhostuser",
                        "<reconnect> is for client mode: QEMU refuses it on a listening socket");
        return;
    }
    long long reconnect = -1;
    if (r && r->enabled == DOMXML_TRISTATE_BOOL_YES && r->timeout.set)
        reconnect = r->timeout.value;
    else if (r && r->enabled == DOMXML_TRISTATE_BOOL_NO)
        reconnect = 0;
    domxml__qa_vhostuser(v, s->u.vhostuser.path, server, reconnect);
}

static void netdev_vdpa(domxml__qa_view *v)
{
    const char *fd[2];
    size_t nv = domxml__qa_res(v->ctx, v->ctx->cur, DOMXML_QEMUARGV_RES_VDPA_FD, fd, 2);
    const char *path = v->iface->source ? v->iface->source->u.dev.dev : NULL;

    if (nv > 1) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_VALUE, "qemuargv.resource-count",
                        "more than one vdpa fd given");
        return;
    }
    if (!nv && (!path || !*path)) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.resource-missing",
                        "vdpa needs a device path or a vdpa fd");
        return;
    }
    if (nv) {
        unsigned int set = v->ctx->opt.fdset_base + v->ctx->fdset++;
        v->set = (domxml__qa_num){set, true};
        v->fdnum = (domxml__qa_num){strtol(fd[0], NULL, 10), true};
        if (v->ctx->json)
            v->opaque = domxml__qa_cat(v->ctx, v->id, "-vdpa", NULL);
        else
            v->opaque = path && *path ? path : "vdpa";
        domxml__qa_emit(v, DOMXML__QA_ARG_ADDFD, false, DOMXML__QA_ROWS(addfd_rows));
        path = domxml__qa_printf(v->ctx, "/dev/fdset/%u", set);
    }
    v->type = "vhost-vdpa";
    v->vhostdev = path;
    if (queues_of(v) > 1)
        v->queues = (domxml__qa_num){queues_of(v), true};
    domxml__qa_emit(v, DOMXML__QA_ARG_NETDEV, true, DOMXML__QA_ROWS(vdpa_rows));
}

void domxml__qa_netdev(domxml__qa_view *v)
{
    switch (v->iface->type) {
    case DOMXML_INTERFACE_TYPE_NONE:
    case DOMXML_INTERFACE_TYPE_USER:
    case DOMXML_INTERFACE_TYPE_INTERNAL:
        netdev_user(v);
        return;
    case DOMXML_INTERFACE_TYPE_ETHERNET:
    case DOMXML_INTERFACE_TYPE_BRIDGE:
    case DOMXML_INTERFACE_TYPE_NETWORK:
    case DOMXML_INTERFACE_TYPE_DIRECT:
        netdev_tap(v);
        return;
    case DOMXML_INTERFACE_TYPE_SERVER:
    case DOMXML_INTERFACE_TYPE_CLIENT:
    case DOMXML_INTERFACE_TYPE_MCAST:
    case DOMXML_INTERFACE_TYPE_UDP:
        netdev_socket(v);
        return;
    case DOMXML_INTERFACE_TYPE_VHOSTUSER:
        if (domxml__qa_is_passt(v->iface))
            domxml__qa_netdev_passt(v);
        else
            netdev_vhostuser(v);
        return;
    case DOMXML_INTERFACE_TYPE_VDPA:
        netdev_vdpa(v);
        return;
    default:
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.backend",
                        "interface type '%s' has no QEMU backend",
                        domxml_interface_type_to_string(v->iface->type));
        return;
    }
}
