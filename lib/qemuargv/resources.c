/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: the caller's resources. Each names a device that takes its
 * kind and has a value of that kind, or the call fails naming it; then
 * they are grouped by device (a counting sort), read per device.
 */
#include <stdlib.h>
#include <string.h>

#include "index.h"
#include "passt.h"
#include "resources.h"

static const char *const res_names[] = {
    [DOMXML_QEMUARGV_RES_TAP_FD] = "tap fd",
    [DOMXML_QEMUARGV_RES_VHOST_FD] = "vhost-net fd",
    [DOMXML_QEMUARGV_RES_IFNAME] = "ifname",
    [DOMXML_QEMUARGV_RES_VDPA_FD] = "vdpa fd",
    [DOMXML_QEMUARGV_RES_VHOSTSCSI_FD] = "vhost-scsi fd",
    [DOMXML_QEMUARGV_RES_SCSI_GENERIC] = "SCSI generic device",
    [DOMXML_QEMUARGV_RES_POOL_VF] = "pool VF",
    [DOMXML_QEMUARGV_RES_PASST_SOCKET] = "passt socket",
};

/* The kinds of resource a device can use. */
static bool accepts(const domxml__qa_dev *d, domxml_qemuargv_resource_kind kind)
{
    if (d->iface) {
        domxml_interface_type t = d->node->interface->type;
        bool tap = (t == DOMXML_INTERFACE_TYPE_ETHERNET || t == DOMXML_INTERFACE_TYPE_BRIDGE ||
                    t == DOMXML_INTERFACE_TYPE_NETWORK || t == DOMXML_INTERFACE_TYPE_DIRECT) &&
                   !d->pool_vf;
        if (kind == DOMXML_QEMUARGV_RES_POOL_VF)
            return t == DOMXML_INTERFACE_TYPE_NETWORK;
        if (kind == DOMXML_QEMUARGV_RES_VDPA_FD)
            return t == DOMXML_INTERFACE_TYPE_VDPA;
        if (kind == DOMXML_QEMUARGV_RES_PASST_SOCKET)
            return domxml__qa_is_passt(d->node->interface);
        return tap && (kind == DOMXML_QEMUARGV_RES_TAP_FD ||
                       kind == DOMXML_QEMUARGV_RES_VHOST_FD || kind == DOMXML_QEMUARGV_RES_IFNAME);
    }
    const domxml_hostdev *h = d->node->hostdev;
    if (h->mode == DOMXML_HOSTDEV_MODE_CAPABILITIES)
        return false;
    if (kind == DOMXML_QEMUARGV_RES_VHOSTSCSI_FD)
        return h->type == DOMXML_HOSTDEV_TYPE_SCSI_HOST;
    if (kind == DOMXML_QEMUARGV_RES_SCSI_GENERIC)
        return h->type == DOMXML_HOSTDEV_TYPE_SCSI &&
               !(h->source && h->source->protocol == DOMXML_SCSI_PROTOCOL_ISCSI);
    return false;
}

static bool ifname_ok(const char *s)
{
    size_t len = strlen(s);
    return len && len <= 15 && !strchr(s, '/') && strcmp(s, ".") && strcmp(s, "..") &&
           !strpbrk(s, " \t\n\r\v\f:");
}

/* What is wrong with a resource's value, or NULL. */
static const char *value_problem(const domxml__qa_ctx *ctx, const domxml_qemuargv_resource *r)
{
    domxml_pci_addr pci;

    if (domxml__qa_check(r->value, DOMXML__QA_TEXT))
        return "holds a control character or invalid UTF-8";
    switch (r->kind) {
    case DOMXML_QEMUARGV_RES_TAP_FD:
    case DOMXML_QEMUARGV_RES_VHOST_FD:
    case DOMXML_QEMUARGV_RES_VHOSTSCSI_FD:
        if (domxml__qa_fd_number(r->value))
            return NULL;
        if (!ctx->hotplug)
            return "is not an fd number (a non-negative decimal the QEMU process inherits)";
        return domxml__qa_check(r->value, DOMXML__QA_ID)
                   ? "is neither an fd number nor an fd name for getfd (a QEMU id)"
                   : NULL;
    case DOMXML_QEMUARGV_RES_VDPA_FD:
        return domxml__qa_fd_number(r->value) && strtol(r->value, NULL, 10) > 2
                   ? NULL
                   : "is not an fd number above 2 (-add-fd takes numbers)";
    case DOMXML_QEMUARGV_RES_IFNAME:
        return ifname_ok(r->value) ? NULL
                                   : "is not a Linux interface name (1-15 bytes, no '/', ':' "
                                     "or white space, not '.' or '..')";
    case DOMXML_QEMUARGV_RES_PASST_SOCKET:
    case DOMXML_QEMUARGV_RES_SCSI_GENERIC:
        return r->value[0] == '/' ? NULL : "is not an absolute path";
    case DOMXML_QEMUARGV_RES_POOL_VF:
        return domxml_pci_addr_from_string(r->value, &pci) == 0
                   ? NULL
                   : "is not a PCI address DDDD:BB:SS.F";
    default:
        return "is of an unknown kind";
    }
}

/* A name or value quoted in a message: printable, or a placeholder. */
static const char *shown(const char *s)
{
    return domxml__qa_check(s, DOMXML__QA_TEXT) ? "(unprintable)" : s;
}

/* Every resource names a device that takes it, with a value of its kind;
 * grouped by device. */
int domxml__qa_index_resources(domxml__qa_ctx *ctx)
{
    size_t n = ctx->opt.n_resources;
    size_t *dev_of = ctx->res_dev;

    ctx->res_of = domxml__qa_alloc(ctx, n, sizeof(*ctx->res_of));
    if (ctx->failed)
        return -1;
    for (size_t r = 0; r < n && !ctx->failed; r++) {
        const domxml_qemuargv_resource *res = &ctx->opt.resources[r];
        const char *what = (unsigned)res->kind < DOMXML_QEMUARGV_RES_LAST && res->kind &&
                                   res_names[res->kind]
                               ? res_names[res->kind]
                               : NULL;
        const char *why;
        if (!what)
            domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "qemuargv.resource-kind",
                            "resource %zu has an unknown kind %d", r, (int)res->kind);
        else if (!res->device || !res->value)
            domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "qemuargv.resource-null",
                            "the %s resource %zu has no device or no value", what, r);
        else if ((res->kind != DOMXML_QEMUARGV_RES_POOL_VF &&
                  (dev_of[r] = domxml__qa_resolve(ctx, res->device)) == DOMXML__QA_NONE) ||
                 dev_of[r] == DOMXML__QA_NONE)
            domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "qemuargv.resource-device",
                            "the %s given for '%.64s': no device has that id", what,
                            shown(res->device));
        else if (!accepts(&ctx->devs[dev_of[r]], res->kind))
            domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "qemuargv.resource-unused",
                            "the %s given for '%.64s': that device takes none", what,
                            shown(res->device));
        else if ((why = value_problem(ctx, res)))
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "qemuargv.resource-value",
                            "the %s '%.64s' given for '%.64s' %s", what, shown(res->value),
                            shown(res->device), why);
    }
    if (!ctx->failed) { /* counting sort by device, stable */
        for (size_t r = 0; r < n; r++)
            ctx->devs[dev_of[r]].res_n++;
        size_t at = 0;
        for (size_t i = 0; i < ctx->ndevs; i++) {
            ctx->devs[i].res_first = at;
            at += ctx->devs[i].res_n;
            ctx->devs[i].res_n = 0;
        }
        for (size_t r = 0; r < n; r++) {
            domxml__qa_dev *d = &ctx->devs[dev_of[r]];
            ctx->res_of[d->res_first + d->res_n++] = r;
        }
    }
    return ctx->failed ? -1 : 0;
}

size_t domxml__qa_res(const domxml__qa_ctx *ctx, size_t dev, domxml_qemuargv_resource_kind kind,
                      const char **out, size_t max)
{
    const domxml__qa_dev *d = &ctx->devs[dev];
    size_t n = 0;

    for (size_t i = 0; i < d->res_n; i++) {
        const domxml_qemuargv_resource *r = &ctx->opt.resources[ctx->res_of[d->res_first + i]];
        if (r->kind == kind) {
            if (n < max)
                out[n] = r->value;
            n++;
        }
    }
    return n;
}
