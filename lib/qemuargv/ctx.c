/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: one call's state: options, the caller's memory, reporting, and
 * setting up (validation, then index.c and resources.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ctx.h"
#include "index.h"
#include "resources.h"
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

void *domxml__qa_alloc(domxml__qa_ctx *ctx, size_t n, size_t size)
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

const char *domxml__qa_cat(domxml__qa_ctx *ctx, ...)
{
    const char *parts[8], *p;
    size_t lens[8], n = 0, total = 0;
    va_list ap;

    va_start(ap, ctx);
    while (n < 8 && (p = va_arg(ap, const char *))) {
        lens[n] = strlen(p);
        total += lens[n];
        parts[n++] = p;
    }
    va_end(ap);
    char *s = ctx->failed ? NULL : arena_take(ctx, total + 1);
    if (!s)
        return NULL;
    for (size_t i = 0, at = 0; i < n; at += lens[i], i++)
        memcpy(s + at, parts[i], lens[i]);
    s[total] = '\0';
    return s;
}

const char *domxml__qa_utoa(char buf[24], unsigned long long v, unsigned int base)
{
    static const char digits[] = "0123456789abcdef";
    char *p = buf + 23;

    *p = '\0';
    do {
        *--p = digits[v % base];
        v /= base;
    } while (v);
    return p;
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

/* The first error of the call, as the caller's domxml_error. */
static void error_from(domxml_error *e, const domxml_diagnostic *d)
{
    memset(e, 0, sizeof(*e));
    e->code = d->kind;
    e->line = d->line;
    e->column = d->column;
    copy_cut(e->path, sizeof(e->path), d->path ? d->path : "");
    e->path_len = d->path ? strlen(d->path) : 0;
    copy_cut(e->message, sizeof(e->message), d->message);
}

static void report(domxml__qa_ctx *ctx, domxml_severity sev, domxml_error_code kind,
                   const char *code, const char *fmt, va_list ap)
    __attribute__((format(printf, 5, 0)));

static void report(domxml__qa_ctx *ctx, domxml_severity sev, domxml_error_code kind,
                   const char *code, const char *fmt, va_list ap)
{
    char msg[300], text[400], path[128] = "";
    domxml_diagnostic d = {code, kind, sev, 0, 0, path, text};

    vsnprintf(msg, sizeof(msg), fmt, ap);
    if (kind != DOMXML_ERR_NOMEM && ctx->cur != DOMXML__QA_NONE && ctx->cur < ctx->ndevs) {
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
    if (sev == DOMXML_SEVERITY_ERROR && ctx->err)
        error_from(ctx->err, &d);
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
    domxml_validate_options vo;
    domxml_error e;

    domxml_validate_options_init(&vo);
    vo.libvirt_version = ctx->opt.libvirt_version;
    domxml_diagnostics *ds = domxml_domain_validate_with(ctx->dom, &vo, &e);

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
        if (!ctx->failed && ctx->err)
            error_from(ctx->err, d);
        ctx->failed = true;
    }
    domxml_diagnostics_free(ds);
    return ctx->failed ? -1 : 0;
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
    unsigned long v = ctx->opt.qemu_version ? ctx->opt.qemu_version : 7002000;
    if (v < 4002000 || v >= 100000000) {
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.qemu-version",
                        "QEMU %lu.%lu: qemuargv writes arguments for QEMU 4.2 (failover) and "
                        "later",
                        v / 1000000, v / 1000 % 1000);
        return -1;
    }
    ctx->qemu = (unsigned int)(v / 1000000 * 100 + v / 1000 % 1000 % 100);
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
    ctx->standalone = domxml__qa_is_device(dom->root);
    if (check && validate(ctx) < 0)
        return -1;
    const domxml_node *devices = ctx->standalone ? NULL : domxml_domain_devices(dom);
    ctx->machine = ctx->opt.machine;
    if (!ctx->machine && !ctx->standalone) {
        domxml_node *os = domxml_node_child(dom->root, NULL, "os");
        domxml_node *type = os ? domxml_node_child(os, NULL, "type") : NULL;
        ctx->machine = type ? domxml_node_attr(type, "machine") : NULL;
        const char *arch = type ? domxml_node_attr(type, "arch") : NULL;
        ctx->arm_virt = arch && strcmp(arch, "aarch64") == 0 && ctx->machine &&
                        (strcmp(ctx->machine, "virt") == 0 || strncmp(ctx->machine, "virt-", 5) == 0);
    }
    ctx->res_dev = domxml__qa_alloc(ctx, ctx->opt.n_resources, sizeof(*ctx->res_dev));
    if (ctx->failed || domxml__qa_collect(ctx, devices) < 0 || domxml__qa_assign_ids(ctx) < 0 ||
        domxml__qa_index_resources(ctx) < 0)
        return -1;
    return 0;
}
