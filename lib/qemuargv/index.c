/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: the devices of a call, their QEMU ids (sorted, looked up by
 * binary search) and the controllers by index, each collected in one pass.
 */
#include <stdlib.h>
#include <string.h>

#include "index.h"

static int cmp_dev_id(const void *a, const void *b)
{
    const domxml__qa_dev *x = *(domxml__qa_dev *const *)a, *y = *(domxml__qa_dev *const *)b;
    int c = strcmp(x->id, y->id);
    return c ? c : (x < y ? -1 : x > y);
}

/* by_id over the devices that have an id; with `final`, two devices of
 * one id are an error. 0, or -1. */
static int index_ids(domxml__qa_ctx *ctx, bool final)
{
    domxml__qa_dev **v = ctx->by_id;
    size_t n = 0;

    for (size_t i = 0; i < ctx->ndevs; i++)
        if (ctx->devs[i].id)
            v[n++] = &ctx->devs[i];
    if (n > 1)
        qsort(v, n, sizeof(*v), cmp_dev_id);
    ctx->nids = n;
    for (size_t i = 1; final && i < n; i++)
        if (strcmp(v[i - 1]->id, v[i]->id) == 0) {
            ctx->cur = (size_t)(v[i] - ctx->devs);
            domxml__qa_fail(ctx, DOMXML_ERR_DUPLICATE, "qemuargv.id-duplicate",
                            "its QEMU id '%.64s' is also the id of another device",
                            v[i]->id);
            ctx->cur = DOMXML__QA_NONE;
            return -1;
        }
    return 0;
}

size_t domxml__qa_find_dev(const domxml__qa_ctx *ctx, const char *id)
{
    size_t lo = 0, hi = ctx->nids;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (strcmp(ctx->by_id[mid]->id, id) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (lo < ctx->nids && strcmp(ctx->by_id[lo]->id, id) == 0)
        return (size_t)(ctx->by_id[lo] - ctx->devs);
    return DOMXML__QA_NONE;
}

/* "#N" names the Nth device; anything else an id. */
size_t domxml__qa_resolve(const domxml__qa_ctx *ctx, const char *name)
{
    if (name[0] != '#')
        return domxml__qa_find_dev(ctx, name);
    size_t v = 0;
    const char *p = name + 1;
    if (!*p)
        return DOMXML__QA_NONE;
    for (; *p; p++) {
        if (*p < '0' || *p > '9' || v > ctx->ndevs)
            return DOMXML__QA_NONE;
        v = v * 10 + (size_t)(*p - '0');
    }
    return v < ctx->ndevs ? v : DOMXML__QA_NONE;
}

static bool numbered(const char *alias, const char *prefix, unsigned long *num)
{
    size_t l = strlen(prefix);
    if (!alias || strncmp(alias, prefix, l) != 0 || alias[l] < '0' || alias[l] > '9')
        return false;
    char *end;
    unsigned long v = strtoul(alias + l, &end, 10);
    if (*end)
        return false;
    *num = v;
    return true;
}

/* Ids: an interface's alias, else net<position among the interfaces>;
 * host devices (those of interfaces first, as libvirt lists them) their
 * alias, else hostdev<highest number in use + 1>. A pool VF makes an
 * interface a host device, so the VFs are resolved first, against the
 * names an interface has before that. */
int domxml__qa_assign_ids(domxml__qa_ctx *ctx)
{
    unsigned long next_host = 0, v;
    unsigned int ifpos = 0;
    char num[24];

    for (size_t i = 0; i < ctx->ndevs; i++) {
        domxml__qa_dev *d = &ctx->devs[i];
        d->id = domxml_node_alias(d->node);
        if (!d->id && d->iface)
            d->id = domxml__qa_cat(ctx, "net", domxml__qa_utoa(num, ifpos, 10), NULL);
        if (d->iface)
            ifpos++;
    }
    if (ctx->failed || index_ids(ctx, false) < 0)
        return -1;
    for (size_t r = 0; r < ctx->opt.n_resources; r++) {
        const domxml_qemuargv_resource *res = &ctx->opt.resources[r];
        if (res->kind != DOMXML_QEMUARGV_RES_POOL_VF || !res->device || !res->value)
            continue;
        size_t k = domxml__qa_resolve(ctx, res->device);
        ctx->res_dev[r] = k; /* its name may be the one it loses now */
        if (k != DOMXML__QA_NONE && ctx->devs[k].iface &&
            ctx->devs[k].node->interface->type == DOMXML_INTERFACE_TYPE_NETWORK) {
            ctx->devs[k].pool_vf = res->value;
            ctx->devs[k].hostlike = true;
        }
    }
    for (size_t i = 0; i < ctx->ndevs; i++) {
        const char *a = domxml_node_alias(ctx->devs[i].node);
        if (ctx->devs[i].hostlike && numbered(a, "hostdev", &v) && v + 1 > next_host)
            next_host = v + 1;
    }
    for (int pass = 0; pass < 2; pass++)
        for (size_t i = 0; i < ctx->ndevs; i++) {
            domxml__qa_dev *d = &ctx->devs[i];
            if (d->iface != (pass == 0) || !d->hostlike || domxml_node_alias(d->node))
                continue;
            d->id = domxml__qa_cat(ctx, "hostdev", domxml__qa_utoa(num, next_host++, 10), NULL);
        }
    if (ctx->failed)
        return -1;
    return index_ids(ctx, true);
}

bool domxml__qa_is_device(const domxml_node *n)
{
    return n->kind == DOMXML_NODE_INTERFACE || n->kind == DOMXML_NODE_HOSTDEV;
}

static size_t count_devices(const domxml_node *devices, const domxml_node *root)
{
    size_t n = 0;

    if (!devices)
        return domxml__qa_is_device(root) ? 1 : 0;
    for (const domxml_node *c = devices->children; c; c = c->next)
        if (domxml__qa_is_device(c))
            n++;
    return n;
}

static void add_device(domxml__qa_ctx *ctx, const domxml_node *n, unsigned int ordinal)
{
    domxml__qa_dev *d = &ctx->devs[ctx->ndevs++];
    memset(d, 0, sizeof(*d));
    d->node = n;
    d->ordinal = ordinal;
    d->iface = n->kind == DOMXML_NODE_INTERFACE;
    d->hostlike = n->kind == DOMXML_NODE_HOSTDEV ||
                  (d->iface && n->interface->type == DOMXML_INTERFACE_TYPE_HOSTDEV);
}

/* ------------------------------------------------------------------ */
/* Controllers                                                          */

static int cmp_ctrl(const void *a, const void *b)
{
    const domxml__qa_ctrl *x = a, *y = b;
    if (x->index != y->index)
        return x->index < y->index ? -1 : 1;
    return x < y ? -1 : x > y; /* the first of equal indexes wins */
}

const domxml__qa_ctrl *domxml__qa_ctrl_find(const domxml__qa_ctrls *c, unsigned long index)
{
    size_t lo = 0, hi = c->n;

    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (c->v[mid].index < index)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < c->n && c->v[lo].index == index ? &c->v[lo] : NULL;
}

static void add_controller(domxml__qa_ctx *ctx, const domxml_node *c, size_t *caps)
{
    const char *type = domxml_node_attr(c, "type");
    const char *idx = domxml_node_attr(c, "index");
    domxml__qa_ctrls *set = NULL;
    size_t *cap = NULL;
    char *end;

    if (!type || !idx || idx[0] < '0' || idx[0] > '9')
        return;
    if (strcmp(type, "pci") == 0)
        set = &ctx->pci, cap = &caps[0];
    else if (strcmp(type, "usb") == 0)
        set = &ctx->usb, cap = &caps[1];
    else if (strcmp(type, "scsi") == 0)
        set = &ctx->scsi, cap = &caps[2];
    else
        return;
    unsigned long index = strtoul(idx, &end, 10);
    if (*end)
        return;
    domxml__qa_ctrl *v = domxml__qa_grow(ctx, set->v, cap, set->n, sizeof(*v));
    if (!v)
        return;
    set->v = v;
    domxml_node *al = domxml_node_child(c, NULL, "alias");
    v[set->n++] = (domxml__qa_ctrl){index, domxml_node_attr(c, "model"),
                                    al ? domxml_node_attr(al, "name") : NULL};
}

/* Devices and controllers of <devices> in one pass. */
int domxml__qa_collect(domxml__qa_ctx *ctx, const domxml_node *devices)
{
    unsigned int nif = 0, nhost = 0;
    size_t caps[3] = {0, 0, 0};
    size_t n = count_devices(devices, ctx->dom->root);

    ctx->devs = domxml__qa_alloc(ctx, n, sizeof(*ctx->devs));
    ctx->by_id = domxml__qa_alloc(ctx, n, sizeof(*ctx->by_id));
    if (ctx->failed)
        return -1;
    if (!devices) { /* a standalone device, or a <domain> without <devices> */
        if (domxml__qa_is_device(ctx->dom->root))
            add_device(ctx, ctx->dom->root, 1);
        return 0;
    }
    for (const domxml_node *c = devices->children; c && !ctx->failed; c = c->next) {
        if (c->kind == DOMXML_NODE_INTERFACE)
            add_device(ctx, c, ++nif);
        else if (c->kind == DOMXML_NODE_HOSTDEV)
            add_device(ctx, c, ++nhost);
        else if (c->kind == DOMXML_NODE_ELEMENT && c->name && strcmp(c->name, "controller") == 0)
            add_controller(ctx, c, caps);
    }
    domxml__qa_ctrls *sets[] = {&ctx->pci, &ctx->usb, &ctx->scsi};
    for (size_t k = 0; k < 3; k++)
        if (sets[k]->n > 1) /* qsort's base must not be NULL, even for 0 items */
            qsort(sets[k]->v, sets[k]->n, sizeof(*sets[k]->v), cmp_ctrl);
    return ctx->failed ? -1 : 0;
}
