/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: one call's state. Devices, ids, resources and controllers are
 * collected in one pass each (sorted indexes, binary search), so a call is
 * linear in the devices apart from the sorts.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"

/* ------------------------------------------------------------------ */
/* Memory                                                               */

void *domxml__qa_grow(domxml__qa_ctx *ctx, void *array, size_t *cap, size_t n, size_t size)
{
    size_t bigger = *cap ? *cap * 2 : 16;
    void *p;

    if (n < *cap)
        return array;
    if (bigger > ((size_t)-1 / 2) / size) {
        domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "qemuargv.nomem", "out of memory");
        return NULL;
    }
    p = ctx->mem.realloc_fcn(array, bigger * size);
    if (!p) {
        domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "qemuargv.nomem", "out of memory");
        return NULL;
    }
    *cap = bigger;
    return p;
}

static void *alloc_array(domxml__qa_ctx *ctx, size_t n, size_t size)
{
    void *p = NULL;

    if (n <= ((size_t)-1 / 2) / size)
        p = ctx->mem.malloc_fcn(n ? n * size : 1);
    if (!p)
        domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "qemuargv.nomem", "out of memory");
    return p;
}

static char *arena_take(domxml__qa_ctx *ctx, size_t len)
{
    domxml__qa_chunk *c = ctx->chunks;

    if (!c || c->size - c->used < len) {
        size_t size = len > 4000 ? len : 4000;
        c = ctx->mem.malloc_fcn(sizeof(*c) + size);
        if (!c) {
            domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "qemuargv.nomem", "out of memory");
            return NULL;
        }
        c->used = 0;
        c->size = size;
        c->next = ctx->chunks;
        ctx->chunks = c;
    }
    c->used += len;
    return c->data + c->used - len;
}

const char *domxml__qa_printf(domxml__qa_ctx *ctx, const char *fmt, ...)
{
    char small[256];
    va_list ap;

    if (ctx->failed)
        return NULL;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof(small), fmt, ap);
    va_end(ap);
    if (n < 0)
        return NULL;
    char *s = arena_take(ctx, (size_t)n + 1);
    if (!s)
        return NULL;
    if ((size_t)n < sizeof(small)) {
        memcpy(s, small, (size_t)n + 1);
    } else {
        va_start(ap, fmt);
        vsnprintf(s, (size_t)n + 1, fmt, ap);
        va_end(ap);
    }
    return s;
}

void domxml__qa_ctx_clear(domxml__qa_ctx *ctx)
{
    void (*release)(void *) = ctx->mem.free_fcn;

    if (!release)
        return;
    while (ctx->chunks) {
        domxml__qa_chunk *next = ctx->chunks->next;
        release(ctx->chunks);
        ctx->chunks = next;
    }
    void *blocks[] = {ctx->devs, ctx->by_id, ctx->res_of, ctx->res_dev, ctx->pci.v, ctx->usb.v,
                      ctx->scsi.v, ctx->args, ctx->props};
    for (size_t i = 0; i < sizeof(blocks) / sizeof(blocks[0]); i++)
        if (blocks[i])
            release(blocks[i]);
    ctx->devs = NULL;
    ctx->by_id = NULL;
    ctx->res_of = ctx->res_dev = NULL;
    ctx->pci.v = ctx->usb.v = ctx->scsi.v = NULL;
    ctx->args = NULL;
    ctx->props = NULL;
    ctx->ndevs = ctx->nargs = ctx->nprops = 0;
}

/* ------------------------------------------------------------------ */
/* Reporting                                                            */

/* Text into a fixed field, cut (at a character boundary) when longer. */
static void copy_cut(char *dst, size_t size, const char *src)
{
    size_t n = strlen(src);

    if (n >= size) {
        n = size - 1;
        while (n && ((unsigned char)src[n] & 0xc0) == 0x80)
            n--;
    }
    memcpy(dst, src, n);
    dst[n] = '\0';
}

static void report(domxml__qa_ctx *ctx, domxml_severity sev, domxml_error_code kind,
                   const char *code, const char *fmt, va_list ap)
{
    char msg[300], text[400], path[128] = "";
    domxml_diagnostic d = {code, kind, sev, 0, 0, path, text};

    vsnprintf(msg, sizeof(msg), fmt, ap);
    if (ctx->cur != DOMXML__QA_NONE && ctx->cur < ctx->ndevs) {
        const domxml__qa_dev *dev = &ctx->devs[ctx->cur];
        const char *name = dev->iface ? "interface" : "hostdev";
        const char *alias = domxml_node_alias(dev->node);
        snprintf(text, sizeof(text), "%s '%.64s': %.300s", name, alias ? alias : dev->id, msg);
        if (ctx->standalone)
            snprintf(path, sizeof(path), "/%s", name);
        else if (dev->ordinal > 1)
            snprintf(path, sizeof(path), "/domain/devices/%s[%u]", name, dev->ordinal);
        else
            snprintf(path, sizeof(path), "/domain/devices/%s", name);
        d.line = dev->node->line;
        d.column = dev->node->column;
    } else {
        snprintf(text, sizeof(text), "%s", msg);
    }
    if (ctx->opt.diagnostic)
        ctx->opt.diagnostic(ctx->opt.diagnostic_ctx, &d);
    else if (sev == DOMXML_SEVERITY_WARNING && ctx->opt.warning)
        ctx->opt.warning(ctx->opt.warning_ctx, &d);
    if (sev == DOMXML_SEVERITY_ERROR && ctx->err) {
        domxml_error *e = ctx->err;
        memset(e, 0, sizeof(*e));
        e->code = kind;
        e->line = d.line;
        e->column = d.column;
        copy_cut(e->path, sizeof(e->path), path);
        copy_cut(e->message, sizeof(e->message), text);
    }
}

void domxml__qa_fail(domxml__qa_ctx *ctx, domxml_error_code kind, const char *code,
                     const char *fmt, ...)
{
    va_list ap;

    if (ctx->failed)
        return;
    ctx->failed = true;
    va_start(ap, fmt);
    report(ctx, DOMXML_SEVERITY_ERROR, kind, code, fmt, ap);
    va_end(ap);
}

void domxml__qa_warn(domxml__qa_ctx *ctx, domxml_error_code kind, const char *code,
                     const char *fmt, ...)
{
    va_list ap;

    if (ctx->failed || (!ctx->opt.diagnostic && !ctx->opt.warning))
        return;
    va_start(ap, fmt);
    report(ctx, DOMXML_SEVERITY_WARNING, kind, code, fmt, ap);
    va_end(ap);
}

/* Validation's errors, every one, refuse the call: generation runs the
 * library's rules rather than restating them. */
static int validate(domxml__qa_ctx *ctx)
{
    domxml_error e;
    domxml_diagnostics *ds = domxml_domain_validate(ctx->dom, &e);

    if (!ds) {
        ctx->failed = true;
        if (ctx->err)
            *ctx->err = e;
        return -1;
    }
    for (size_t i = 0; i < ds->count; i++) {
        const domxml_diagnostic *d = &ds->items[i];
        if (d->severity != DOMXML_SEVERITY_ERROR)
            continue;
        if (ctx->opt.diagnostic)
            ctx->opt.diagnostic(ctx->opt.diagnostic_ctx, d);
        if (!ctx->failed && ctx->err) {
            memset(ctx->err, 0, sizeof(*ctx->err));
            ctx->err->code = d->kind;
            ctx->err->line = d->line;
            ctx->err->column = d->column;
            copy_cut(ctx->err->path, sizeof(ctx->err->path), d->path ? d->path : "");
            copy_cut(ctx->err->message, sizeof(ctx->err->message), d->message);
        }
        ctx->failed = true;
    }
    domxml_diagnostics_free(ds);
    return ctx->failed ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Devices and ids                                                      */

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
static size_t resolve(const domxml__qa_ctx *ctx, const char *name)
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

static int collect_devices(domxml__qa_ctx *ctx, const domxml_node *devices);

/* Ids: an interface's alias, else net<position among the interfaces>;
 * host devices (those of interfaces first, as libvirt lists them) their
 * alias, else hostdev<highest number in use + 1>. A pool VF makes an
 * interface a host device, so the VFs are resolved first, against the
 * names an interface has before that. */
static int assign_ids(domxml__qa_ctx *ctx)
{
    unsigned long next_host = 0, v;
    unsigned int ifpos = 0;

    for (size_t i = 0; i < ctx->ndevs; i++) {
        domxml__qa_dev *d = &ctx->devs[i];
        d->id = domxml_node_alias(d->node);
        if (!d->id && d->iface)
            d->id = domxml__qa_printf(ctx, "net%u", ifpos);
        if (d->iface)
            ifpos++;
    }
    if (ctx->failed || index_ids(ctx, false) < 0)
        return -1;
    for (size_t r = 0; r < ctx->opt.n_resources; r++) {
        const domxml_qemuargv_resource *res = &ctx->opt.resources[r];
        if (res->kind != DOMXML_QEMUARGV_RES_POOL_VF || !res->device || !res->value)
            continue;
        size_t k = resolve(ctx, res->device);
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
            d->id = domxml__qa_printf(ctx, "hostdev%lu", next_host++);
        }
    if (ctx->failed)
        return -1;
    return index_ids(ctx, true);
}

static bool is_device(const domxml_node *n)
{
    return n->kind == DOMXML_NODE_INTERFACE || n->kind == DOMXML_NODE_HOSTDEV;
}

static int count_devices(const domxml_node *devices, const domxml_node *root, size_t *n)
{
    *n = 0;
    if (!devices)
        return is_device(root) ? (*n = 1, 0) : 0;
    for (const domxml_node *c = devices->children; c; c = c->next)
        if (is_device(c))
            (*n)++;
    return 0;
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
static int collect_devices(domxml__qa_ctx *ctx, const domxml_node *devices)
{
    unsigned int nif = 0, nhost = 0;
    size_t caps[3] = {0, 0, 0};

    if (!devices) {
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
    qsort(ctx->pci.v, ctx->pci.n, sizeof(*ctx->pci.v), cmp_ctrl);
    qsort(ctx->usb.v, ctx->usb.n, sizeof(*ctx->usb.v), cmp_ctrl);
    qsort(ctx->scsi.v, ctx->scsi.n, sizeof(*ctx->scsi.v), cmp_ctrl);
    return ctx->failed ? -1 : 0;
}

/* ------------------------------------------------------------------ */
/* Resources                                                            */

static const char *const res_names[] = {
    [DOMXML_QEMUARGV_RES_TAP_FD] = "tap fd",
    [DOMXML_QEMUARGV_RES_VHOST_FD] = "vhost-net fd",
    [DOMXML_QEMUARGV_RES_IFNAME] = "ifname",
    [DOMXML_QEMUARGV_RES_VDPA_FD] = "vdpa fd",
    [DOMXML_QEMUARGV_RES_VHOSTSCSI_FD] = "vhost-scsi fd",
    [DOMXML_QEMUARGV_RES_SCSI_GENERIC] = "SCSI generic device",
    [DOMXML_QEMUARGV_RES_POOL_VF] = "pool VF",
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
           !strpbrk(s, " \t\n\r\v\f:") && !domxml__qa_check(s, DOMXML__QA_TEXT);
}

/* What is wrong with a resource's value, or NULL. */
static const char *value_problem(const domxml__qa_ctx *ctx, const domxml_qemuargv_resource *r)
{
    domxml_pci_addr pci;

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
    case DOMXML_QEMUARGV_RES_SCSI_GENERIC:
        return r->value[0] == '/' && !domxml__qa_check(r->value, DOMXML__QA_TEXT)
                   ? NULL
                   : "is not an absolute path of printable UTF-8";
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
static int index_resources(domxml__qa_ctx *ctx)
{
    size_t n = ctx->opt.n_resources;
    size_t *dev_of = ctx->res_dev;

    ctx->res_of = alloc_array(ctx, n, sizeof(*ctx->res_of));
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
                  (dev_of[r] = resolve(ctx, res->device)) == DOMXML__QA_NONE) ||
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

/* ------------------------------------------------------------------ */

static int options(domxml__qa_ctx *ctx, const domxml_qemuargv_options *opt)
{
    domxml_qemuargv_options_init(&ctx->opt);
    if (!opt)
        return 0;
    if (opt->size == 0) {
        domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "qemuargv.options", "options size is 0");
        return -1;
    }
    memcpy(&ctx->opt, opt, opt->size < sizeof(ctx->opt) ? opt->size : sizeof(ctx->opt));
    for (size_t i = sizeof(ctx->opt); i < opt->size; i++)
        if (((const unsigned char *)opt)[i]) {
            domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.options",
                            "options this library does not have are set");
            return -1;
        }
    ctx->opt.size = sizeof(ctx->opt);
    if ((unsigned)ctx->opt.syntax >= DOMXML_QEMUARGV_SYNTAX_LAST) {
        domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "qemuargv.options", "unknown syntax %d",
                        (int)ctx->opt.syntax);
        return -1;
    }
    if (ctx->opt.n_resources && !ctx->opt.resources) {
        domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "qemuargv.options",
                        "n_resources is set but resources is NULL");
        return -1;
    }
    return 0;
}

int domxml__qa_prepare(domxml__qa_ctx *ctx, const domxml_domain *dom,
                       const domxml_qemuargv_options *opt, domxml_error *err, bool check)
{
    bool hotplug = ctx->hotplug;
    size_t n;

    memset(ctx, 0, sizeof(*ctx));
    ctx->hotplug = hotplug;
    ctx->err = err;
    ctx->cur = DOMXML__QA_NONE;
    ctx->dom = dom;
    ctx->mem = (domxml_memory){malloc, realloc, free};
    if (err)
        memset(err, 0, sizeof(*err));
    if (options(ctx, opt) < 0)
        return -1;
    const domxml_memory *m = ctx->opt.memory ? ctx->opt.memory : domxml_domain_memory(dom);
    if (m && m->malloc_fcn && m->realloc_fcn && m->free_fcn)
        ctx->mem = *m;
    if (!dom || !dom->root || !dom->internal) {
        domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "qemuargv.domain",
                        "no domain made by libdomxml");
        return -1;
    }
    ctx->json = ctx->opt.syntax == DOMXML_QEMUARGV_SYNTAX_JSON;
    ctx->standalone = is_device(dom->root);
    if (check && validate(ctx) < 0)
        return -1;
    const domxml_node *devices = ctx->standalone ? NULL : domxml_domain_devices(dom);
    ctx->machine = ctx->opt.machine;
    if (!ctx->machine && !ctx->standalone) {
        domxml_node *os = domxml_node_child(dom->root, NULL, "os");
        domxml_node *type = os ? domxml_node_child(os, NULL, "type") : NULL;
        ctx->machine = type ? domxml_node_attr(type, "machine") : NULL;
    }
    count_devices(devices, dom->root, &n);
    ctx->devs = alloc_array(ctx, n, sizeof(*ctx->devs));
    ctx->by_id = alloc_array(ctx, n, sizeof(*ctx->by_id));
    ctx->res_dev = alloc_array(ctx, ctx->opt.n_resources, sizeof(*ctx->res_dev));
    if (ctx->failed || collect_devices(ctx, devices) < 0 || assign_ids(ctx) < 0 ||
        index_resources(ctx) < 0)
        return -1;
    return 0;
}
