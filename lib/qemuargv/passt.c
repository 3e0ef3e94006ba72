/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: passt. The caller starts passt (domxml_qemuargv_passt() gives
 * its command line, as libvirt builds it) and passes its socket; QEMU
 * connects with a stream netdev (user) or a vhost-user chardev
 * (vhostuser). From QEMU 10.1, without a socket, -netdev passt makes QEMU
 * start passt itself with the same options.
 */
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "index.h"
#include "netdev.h"
#include "passt.h"
#include "resources.h"

/* libvirt's passt socket reconnects after 5 s. */
#define PASST_RECONNECT 5

static const domxml__qa_row stream_rows[] = {
    DOMXML__QA_STR("type", 1, 1, type, DOMXML__QA_NAME),
    DOMXML__QA_TXT("addr.type", 2, 2, addr_type),
    DOMXML__QA_TXT("addr.path", 3, 3, addr_path),
    DOMXML__QA_SW("server", 4, 4, stream_server),
    DOMXML__QA_NUM_V("reconnect", 5, 5, reconnect, 800, 902),
    DOMXML__QA_NUM_V("reconnect-ms", 5, 5, reconnect_ms, 902, 0),
    DOMXML__QA_IDS("id", 6, 6, netdev),
};

/* QEMU 10.1's NetDevPasstOptions (qapi/net.json); the lists (tcp-ports,
 * udp-ports, param) follow as numbered members. */
static const domxml__qa_row native_rows[] = {
    DOMXML__QA_STR("type", 1, 1, type, DOMXML__QA_NAME),
    DOMXML__QA_SW("vhost-user", 2, 2, vhost_user),
    DOMXML__QA_NUM("mtu", 3, 3, mtu),
    DOMXML__QA_TXT("address", 4, 4, address),
    DOMXML__QA_TXT("netmask", 5, 5, netmask),
    DOMXML__QA_TXT("gateway", 6, 6, gateway),
    DOMXML__QA_TXT("interface", 7, 7, interface),
    DOMXML__QA_TXT("fqdn", 8, 8, fqdn),
    DOMXML__QA_IDS("id", 250, 250, netdev),
};

bool domxml__qa_is_passt(const domxml_interface *i)
{
    return i->more && i->more->backend && i->more->backend->type == DOMXML_NET_BACKEND_TYPE_PASST;
}

/* <portForward> as passt's port spec: [ADDRESS][%DEV]/ then ranges
 * ([~]START[-END][:TO[-TO_END]], comma-separated) or "all". */
static const char *ports_spec(domxml__qa_ctx *ctx, const domxml_port_forward *pf)
{
    domxml__qa_buf b = {.mem = &ctx->mem};
    char n1[24], n2[24];
    const char *out;

    if (pf->address)
        domxml__qa_puts(&b, pf->address);
    if (pf->dev) {
        domxml__qa_putc(&b, '%');
        domxml__qa_puts(&b, pf->dev);
    }
    if (pf->address || pf->dev)
        domxml__qa_putc(&b, '/');
    if (!pf->ranges)
        domxml__qa_puts(&b, "all");
    for (const domxml_port_forward_range *r = pf->ranges; r; r = r->next) {
        unsigned int start = r->start.value, end = r->end.set ? r->end.value : 0;
        domxml__qa_puts(&b, r == pf->ranges ? "" : ",");
        domxml__qa_puts(&b, r->exclude == DOMXML_TRISTATE_BOOL_YES ? "~" : "");
        domxml__qa_puts(&b, domxml__qa_utoa(n1, start, 10));
        if (end) {
            domxml__qa_putc(&b, '-');
            domxml__qa_puts(&b, domxml__qa_utoa(n2, end, 10));
        }
        if (r->to.set && r->to.value) {
            domxml__qa_putc(&b, ':');
            domxml__qa_puts(&b, domxml__qa_utoa(n1, r->to.value, 10));
            if (end) {
                domxml__qa_putc(&b, '-');
                domxml__qa_puts(&b, domxml__qa_utoa(n2, end + r->to.value - start, 10));
            }
        }
    }
    out = b.oom ? NULL : domxml__qa_cat(ctx, b.s ? b.s : "", NULL);
    if (b.oom)
        domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "qemuargv.nomem", "out of memory");
    domxml__qa_buf_release(&b);
    return out;
}

/* passt's options for the interface, in libvirt's order: flag and value
 * (NULL for a flag alone). */
typedef struct passt_opt {
    const char *flag, *value;
} passt_opt;

typedef struct passt_opts {
    passt_opt *v;
    size_t n, cap;
} passt_opts;

static void opt(domxml__qa_ctx *ctx, passt_opts *o, const char *flag, const char *value)
{
    passt_opt *v = domxml__qa_grow(ctx, o->v, &o->cap, o->n, sizeof(*v));
    if (!v)
        return;
    o->v = v;
    v[o->n++] = (passt_opt){flag, value};
}

static void address_opts(domxml__qa_ctx *ctx, const domxml_interface_more *m, passt_opts *o)
{
    char num[24];

    for (const domxml_ip *ip = m ? m->ips : NULL; ip; ip = ip->next) {
        if (!ip->address)
            continue;
        opt(ctx, o, "--address", ip->address);
        if (ip->prefix.set && !strchr(ip->address, ':')) /* passt: IPv4 only */
            opt(ctx, o, "--netmask",
                domxml__qa_cat(ctx, domxml__qa_utoa(num, ip->prefix.value, 10), NULL));
    }
    for (const domxml_route *r = m ? m->routes : NULL; r; r = r->next)
        if (!r->address && r->gateway) /* a default route */
            opt(ctx, o, "--gateway", r->gateway);
}

static int passt_options(domxml__qa_ctx *ctx, const domxml_interface *i, passt_opts *o)
{
    const domxml_interface_more *m = i->more;
    const char *dev = i->source ? (i->type == DOMXML_INTERFACE_TYPE_VHOSTUSER
                                       ? i->source->u.vhostuser.dev
                                       : i->source->u.dev.dev)
                                : NULL;
    char num[24];

    if (m && m->mtu && m->mtu->size.set)
        opt(ctx, o, "--mtu", domxml__qa_cat(ctx, domxml__qa_utoa(num, m->mtu->size.value, 10), NULL));
    if (dev)
        opt(ctx, o, "--interface", dev);
    if (m && m->backend && m->backend->log_file)
        opt(ctx, o, "--log-file", m->backend->log_file);
    if (m && m->backend && m->backend->hostname) /* libvirt 11.8 */
        opt(ctx, o, "--hostname", m->backend->hostname);
    if (m && m->backend && m->backend->fqdn)
        opt(ctx, o, "--fqdn", m->backend->fqdn);
    address_opts(ctx, m, o);
    for (const domxml_port_forward *pf = m ? m->port_forwards : NULL; pf; pf = pf->next)
        opt(ctx, o, pf->proto == DOMXML_PORT_FORWARD_PROTO_UDP ? "--udp-ports" : "--tcp-ports",
            ports_spec(ctx, pf));
    return ctx->failed ? -1 : 0;
}

/* The options QEMU names go to the view (and leave the list); the rest
 * follow the native rows as its tcp-ports, udp-ports and param lists. */
static void native_scalars(domxml__qa_view *v, passt_opts *o)
{
    for (size_t k = 0; k < o->n; k++) {
        const char *f = o->v[k].flag, *val = o->v[k].value;
        const char **slot = strcmp(f, "--interface") == 0 ? &v->interface
                            : strcmp(f, "--address") == 0 ? &v->address
                            : strcmp(f, "--netmask") == 0 ? &v->netmask
                            : strcmp(f, "--gateway") == 0 ? &v->gateway
                            : strcmp(f, "--fqdn") == 0    ? &v->fqdn
                                                          : NULL;
        if (strcmp(f, "--mtu") == 0 && !v->mtu.set) {
            v->mtu = (domxml__qa_num){strtoll(val, NULL, 10), true};
            o->v[k].flag = NULL;
        } else if (slot && !*slot) {
            *slot = val;
            o->v[k].flag = NULL;
        }
    }
}

static void native_lists(domxml__qa_view *v, const passt_opts *o)
{
    /* each list's members together, as JSON needs them */
    unsigned int tcp = 0, udp = 0, param = 0, pos_param = 20, pos_tcp = 100, pos_udp = 160;
    domxml__qa_ctx *ctx = v->ctx;
    char num[24];

    for (size_t k = 0; k < o->n && !ctx->failed; k++) {
        const char *f = o->v[k].flag;
        domxml__qa_val val = {.type = DOMXML__QA_STR, .cls = DOMXML__QA_TEXT, .s = o->v[k].value};
        domxml__qa_val flag = {.type = DOMXML__QA_STR, .cls = DOMXML__QA_TEXT, .s = f};
        if (!f)
            continue;
        if (strcmp(f, "--tcp-ports") == 0 || strcmp(f, "--udp-ports") == 0) {
            bool t = f[2] == 't';
            const char *key = domxml__qa_cat(ctx, t ? "tcp-ports." : "udp-ports.",
                                             domxml__qa_utoa(num, t ? tcp++ : udp++, 10), ".str",
                                             NULL);
            domxml__qa_add_prop(ctx, key, &val, t ? pos_tcp++ : pos_udp++);
            continue;
        }
        domxml__qa_add_prop(ctx, domxml__qa_cat(ctx, "param.", domxml__qa_utoa(num, param++, 10),
                                                ".str", NULL),
                            &flag, pos_param++);
        if (val.s)
            domxml__qa_add_prop(ctx, domxml__qa_cat(ctx, "param.",
                                                    domxml__qa_utoa(num, param++, 10), ".str", NULL),
                                &val, pos_param++);
    }
}

static void native_passt(domxml__qa_view *v)
{
    domxml__qa_ctx *ctx = v->ctx;
    passt_opts o = {0};

    if (passt_options(ctx, v->iface, &o) == 0) {
        native_scalars(v, &o);
        v->type = "passt";
        if (v->iface->type == DOMXML_INTERFACE_TYPE_VHOSTUSER)
            v->vhost_user = DOMXML_TRISTATE_SWITCH_ON;
        domxml__qa_emit(v, DOMXML__QA_ARG_NETDEV, true, DOMXML__QA_ROWS(native_rows));
        native_lists(v, &o);
    }
    if (o.v)
        ctx->mem.free_fcn(o.v);
}

void domxml__qa_netdev_passt(domxml__qa_view *v)
{
    domxml__qa_ctx *ctx = v->ctx;
    const char *sock[2];
    size_t n = domxml__qa_res(ctx, ctx->cur, DOMXML_QEMUARGV_RES_PASST_SOCKET, sock, 2);

    if (n > 1) {
        domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "qemuargv.resource-count",
                        "more than one passt socket given");
    } else if (n == 1 && v->iface->type == DOMXML_INTERFACE_TYPE_VHOSTUSER) {
        domxml__qa_vhostuser(v, sock[0], false, PASST_RECONNECT);
    } else if (n == 1) {
        v->type = "stream";
        v->addr_type = "unix";
        v->addr_path = sock[0];
        v->stream_server = DOMXML_TRISTATE_SWITCH_OFF;
        v->reconnect = (domxml__qa_num){PASST_RECONNECT, true};
        v->reconnect_ms = (domxml__qa_num){PASST_RECONNECT * 1000, true};
        domxml__qa_emit(v, DOMXML__QA_ARG_NETDEV, true, DOMXML__QA_ROWS(stream_rows));
    } else if (ctx->qemu < 1001) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "qemuargv.resource-missing",
                        "a passt interface needs the socket of the passt the caller started (a "
                        "passt socket resource): QEMU %u.%u has no -netdev passt, 10.1 has",
                        ctx->qemu / 100, ctx->qemu % 100);
    } else {
        native_passt(v);
    }
}

/* ------------------------------------------------------------------ */
/* passt's command line                                                 */

static char **words_block(domxml__qa_ctx *ctx, const char **w, size_t n, size_t *argc)
{
    size_t bytes = (n + 1) * sizeof(char *);
    for (size_t i = 0; i < n; i++)
        bytes += strlen(w[i]) + 1;
    char **argv = domxml_alloc(&ctx->mem, bytes);
    if (!argv) {
        domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "qemuargv.nomem", "out of memory");
        return NULL;
    }
    char *p = (char *)(argv + n + 1);
    for (size_t i = 0; i < n; i++) {
        size_t l = strlen(w[i]) + 1;
        argv[i] = memcpy(p, w[i], l);
        p += l;
    }
    argv[n] = NULL;
    if (argc)
        *argc = n;
    return argv;
}

char **domxml__qa_passt_argv(domxml__qa_ctx *ctx, size_t k, size_t *argc)
{
    const domxml__qa_dev *d = &ctx->devs[k];
    const char *sock[2], **w = NULL;
    passt_opts o = {0};
    char **argv = NULL;

    ctx->cur = k;
    if (!d->iface || !domxml__qa_is_passt(d->node->interface)) {
        domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "qemuargv.passt",
                        "it has no <backend type='passt'/>");
        return NULL;
    }
    if (domxml__qa_res(ctx, k, DOMXML_QEMUARGV_RES_PASST_SOCKET, sock, 2) != 1) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "qemuargv.resource-missing",
                        "passt needs exactly one socket path (a passt socket resource)");
        return NULL;
    }
    if (passt_options(ctx, d->node->interface, &o) == 0 &&
        (w = domxml__qa_alloc(ctx, 5 + 2 * o.n, sizeof(*w)))) {
        size_t n = 0;
        w[n++] = "passt";
        w[n++] = "--one-off";
        w[n++] = "--socket";
        w[n++] = sock[0];
        if (d->node->interface->type == DOMXML_INTERFACE_TYPE_VHOSTUSER)
            w[n++] = "--vhost-user";
        for (size_t i = 0; i < o.n; i++) {
            w[n++] = o.v[i].flag;
            if (o.v[i].value)
                w[n++] = o.v[i].value;
        }
        argv = words_block(ctx, w, n, argc);
    }
    if (w)
        ctx->mem.free_fcn((void *)w);
    if (o.v)
        ctx->mem.free_fcn(o.v);
    return argv;
}
