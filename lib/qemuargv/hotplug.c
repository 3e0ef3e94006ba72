/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: hot-plug and unplug as QMP command lines. Plug: getfd for fds
 * passed by name, add-fd, chardev-add, netdev_add, blockdev-add,
 * device_add, set_link. Unplug: device_del, a line naming the
 * DEVICE_DELETED event to wait for, then the backends the plug added.
 */
#include <string.h>

#include "build.h"
#include "failover.h"
#include "hotplug.h"
#include "resources.h"

static void cmd(domxml__qa_buf *b, const char *name)
{
    domxml__qa_puts(b, "{\"execute\":");
    domxml__qa_json_string(b, name);
    domxml__qa_puts(b, ",\"arguments\":{");
}

/* A command with one string argument. */
static void cmd1(domxml__qa_buf *b, const char *name, const char *key, const char *value)
{
    if (!value) /* its making ran out of memory: the call fails */
        return;
    cmd(b, name);
    domxml__qa_json_string(b, key);
    domxml__qa_putc(b, ':');
    domxml__qa_json_string(b, value);
    domxml__qa_puts(b, "}}\n");
}

static void chardev_add(domxml__qa_ctx *ctx, domxml__qa_buf *b, const domxml__qa_arg *a)
{
    const domxml__qa_prop *id = domxml__qa_find(a, ctx->props, "id");
    const domxml__qa_prop *path = domxml__qa_find(a, ctx->props, "path");
    const domxml__qa_prop *server = domxml__qa_find(a, ctx->props, "server");
    const domxml__qa_prop *rc = domxml__qa_find(a, ctx->props, "reconnect");
    const domxml__qa_prop *rcms = domxml__qa_find(a, ctx->props, "reconnect-ms");

    cmd(b, "chardev-add");
    domxml__qa_puts(b, "\"id\":");
    domxml__qa_json_string(b, id->v.s);
    domxml__qa_puts(b, ",\"backend\":{\"type\":\"socket\",\"data\":{\"addr\":{\"type\":\"unix\","
                       "\"data\":{\"path\":");
    domxml__qa_json_string(b, path->v.s);
    domxml__qa_puts(b, "}}");
    if (server && server->v.b) /* the monitor must not block waiting for the backend */
        domxml__qa_puts(b, ",\"server\":true,\"wait\":false");
    else
        domxml__qa_puts(b, ",\"server\":false");
    if (rc || rcms) { /* the spelling of the target QEMU, as on the command line */
        domxml__qa_puts(b, rc ? ",\"reconnect\":" : ",\"reconnect-ms\":");
        domxml__qa_putu(b, (unsigned long long)(rc ? rc : rcms)->v.i);
    }
    domxml__qa_puts(b, "}}}}\n");
}

static void add_fd(domxml__qa_ctx *ctx, domxml__qa_buf *b, const domxml__qa_arg *a)
{
    const domxml__qa_prop *set = domxml__qa_find(a, ctx->props, "set");
    const domxml__qa_prop *op = domxml__qa_find(a, ctx->props, "opaque");

    cmd(b, "add-fd"); /* the vdpa fd travels with this command (SCM_RIGHTS) */
    domxml__qa_puts(b, "\"fdset-id\":");
    domxml__qa_putu(b, (unsigned long long)set->v.i);
    domxml__qa_puts(b, ",\"opaque\":");
    domxml__qa_json_string(b, op->v.s);
    domxml__qa_puts(b, "}}\n");
}

static void getfds(domxml__qa_ctx *ctx, size_t k, domxml__qa_buf *b)
{
    const domxml__qa_dev *d = &ctx->devs[k];

    for (size_t i = 0; i < d->res_n; i++) {
        const domxml_qemuargv_resource *r = &ctx->opt.resources[ctx->res_of[d->res_first + i]];
        if ((r->kind == DOMXML_QEMUARGV_RES_TAP_FD || r->kind == DOMXML_QEMUARGV_RES_VHOST_FD ||
             r->kind == DOMXML_QEMUARGV_RES_VHOSTSCSI_FD) &&
            !domxml__qa_fd_number(r->value))
            cmd1(b, "getfd", "fdname", r->value);
    }
}

static void plug_one(domxml__qa_ctx *ctx, size_t k, domxml__qa_buf *b)
{
    size_t from = ctx->nargs;
    static const char *const verbs[] = {
        [DOMXML__QA_ARG_NETDEV] = "netdev_add", [DOMXML__QA_ARG_DEVICE] = "device_add",
        [DOMXML__QA_ARG_BLOCKDEV] = "blockdev-add"};

    domxml__qa_build_one(ctx, k);
    if (ctx->failed)
        return;
    getfds(ctx, k, b);
    for (size_t i = from; i < ctx->nargs; i++) {
        const domxml__qa_arg *a = &ctx->args[i];
        if (a->kind == DOMXML__QA_ARG_ADDFD) {
            add_fd(ctx, b, a);
        } else if (a->kind == DOMXML__QA_ARG_CHARDEV) {
            chardev_add(ctx, b, a);
        } else if (a->kind != DOMXML__QA_ARG_DRIVE) { /* -drive: keyval only */
            cmd(b, verbs[a->kind]);
            domxml__qa_arg_members(b, a, ctx->props);
            domxml__qa_puts(b, "}}\n");
        }
    }
    const domxml__qa_dev *d = &ctx->devs[k];
    if (d->iface && !d->hostlike && d->node->interface->link &&
        d->node->interface->link->state == DOMXML_LINK_STATE_DOWN) {
        cmd(b, "set_link");
        domxml__qa_puts(b, "\"name\":");
        domxml__qa_json_string(b, d->id);
        domxml__qa_puts(b, ",\"up\":false}}\n");
    }
}

int domxml__qa_plug(domxml__qa_ctx *ctx, size_t k, domxml__qa_buf *b)
{
    size_t primary = domxml__qa_failover_primary(ctx, k);

    if (domxml__qa_failover_check(ctx, k) < 0 ||
        (primary != DOMXML__QA_NONE && domxml__qa_failover_check(ctx, primary) < 0))
        return -1;
    plug_one(ctx, k, b);
    if (primary != DOMXML__QA_NONE)
        plug_one(ctx, primary, b);
    return ctx->failed ? -1 : 0;
}

/* device_del, then the event to wait for. */
static void device_del(domxml__qa_buf *b, const char *id)
{
    cmd1(b, "device_del", "id", id);
    domxml__qa_puts(b, "{\"event\":\"DEVICE_DELETED\",\"data\":{\"device\":");
    domxml__qa_json_string(b, id);
    domxml__qa_puts(b, "}}\n");
}

static void unplug_one(domxml__qa_ctx *ctx, size_t k, domxml__qa_buf *b)
{
    const domxml__qa_dev *d = &ctx->devs[k];
    const domxml_device_info *info = domxml_node_device_info(d->node);
    const char *vdpa[1];
    const char *why;

    ctx->cur = k;
    if ((why = domxml__qa_check(d->id, DOMXML__QA_ID))) {
        domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "qemuargv.value",
                        "its id is not a QEMU id: %s (it must match ^[A-Za-z][A-Za-z0-9._-]*$)",
                        why);
        return;
    }
    device_del(b, d->id);
    if (info->address && info->address->type == DOMXML_ADDRESS_TYPE_PCI &&
        info->address->u.pci.zpci && info->address->u.pci.zpci->uid.set) {
        const char *z = domxml__qa_printf(ctx, "zpci%u", info->address->u.pci.zpci->uid.value);
        if (z)
            device_del(b, z);
    }
    if (d->iface && !d->hostlike) {
        domxml_interface_type t = d->node->interface->type;
        cmd1(b, "netdev_del", "id", domxml__qa_cat(ctx, "host", d->id, NULL));
        if (t == DOMXML_INTERFACE_TYPE_VHOSTUSER)
            cmd1(b, "chardev-remove", "id", domxml__qa_cat(ctx, "char", d->id, NULL));
        if (t == DOMXML_INTERFACE_TYPE_VDPA &&
            domxml__qa_res(ctx, k, DOMXML_QEMUARGV_RES_VDPA_FD, vdpa, 1)) {
            cmd(b, "remove-fd");
            domxml__qa_puts(b, "\"fdset-id\":");
            domxml__qa_putu(b, ctx->opt.fdset_base);
            domxml__qa_puts(b, "}}\n");
        }
    } else if (!d->iface && d->node->hostdev->type == DOMXML_HOSTDEV_TYPE_SCSI &&
               d->node->hostdev->mode != DOMXML_HOSTDEV_MODE_CAPABILITIES) {
        cmd1(b, "blockdev-del", "node-name",
             domxml__qa_cat(ctx, "libvirt-", d->id, "-backend", NULL));
    }
    ctx->cur = DOMXML__QA_NONE;
}

int domxml__qa_unplug(domxml__qa_ctx *ctx, size_t k, domxml__qa_buf *b)
{
    size_t primary = domxml__qa_failover_primary(ctx, k);

    if (primary != DOMXML__QA_NONE)
        unplug_one(ctx, primary, b);
    if (!ctx->failed)
        unplug_one(ctx, k, b);
    return ctx->failed ? -1 : 0;
}
