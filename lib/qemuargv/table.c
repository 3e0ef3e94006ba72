/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: the generic getters and the emitter of property tables. */
#include <string.h>

#include "table.h"

#define FIELD(v, r, type) (*(const type *)(const void *)((const char *)(v) + (r)->off))

bool domxml__qa_get_str(const domxml__qa_view *v, const domxml__qa_row *r, domxml__qa_val *out)
{
    const char *s = *(const char *const *)(const void *)((const char *)v + r->off);
    if (!s)
        return false;
    *out = (domxml__qa_val){.type = DOMXML__QA_STR, .cls = r->cls, .s = s};
    return true;
}

bool domxml__qa_get_num(const domxml__qa_view *v, const domxml__qa_row *r, domxml__qa_val *out)
{
    const domxml__qa_num *n = &FIELD(v, r, domxml__qa_num);
    if (!n->set)
        return false;
    *out = (domxml__qa_val){.type = DOMXML__QA_INT, .i = n->v};
    return true;
}

static bool sw(domxml_tristate_switch s, domxml__qa_val *out)
{
    if (s != DOMXML_TRISTATE_SWITCH_ON && s != DOMXML_TRISTATE_SWITCH_OFF)
        return false;
    *out = (domxml__qa_val){.type = DOMXML__QA_BOOL, .b = s == DOMXML_TRISTATE_SWITCH_ON};
    return true;
}

bool domxml__qa_get_sw(const domxml__qa_view *v, const domxml__qa_row *r, domxml__qa_val *out)
{
    return sw(FIELD(v, r, domxml_tristate_switch), out);
}

/* The NIC driver's switches: `off` is the offset in its struct. */
#define STRUCT_SW(p, r) (*(const domxml_tristate_switch *)(const void *)((const char *)(p) + (r)->off))

bool domxml__qa_get_drv(const domxml__qa_view *v, const domxml__qa_row *r, domxml__qa_val *out)
{
    const domxml_net_driver *d = v->iface ? v->iface->driver : NULL;
    return v->virtio && d && sw(STRUCT_SW(d, r), out);
}

bool domxml__qa_get_host(const domxml__qa_view *v, const domxml__qa_row *r, domxml__qa_val *out)
{
    const domxml_net_driver *d = v->iface ? v->iface->driver : NULL;
    return v->virtio && d && d->host && sw(STRUCT_SW(d->host, r), out);
}

bool domxml__qa_get_guest(const domxml__qa_view *v, const domxml__qa_row *r,
                          domxml__qa_val *out)
{
    const domxml_net_driver *d = v->iface ? v->iface->driver : NULL;
    return v->virtio && d && d->guest && sw(STRUCT_SW(d->guest, r), out);
}

void domxml__qa_view_init(domxml__qa_view *v, domxml__qa_ctx *ctx, size_t k)
{
    const domxml__qa_dev *dev = &ctx->devs[k];

    memset(v, 0, sizeof(*v));
    ctx->cur = k;
    v->ctx = ctx;
    v->dev = dev;
    v->id = dev->id;
    v->info = domxml_node_device_info(dev->node);
    if (dev->iface) {
        v->iface = dev->node->interface;
        v->virtio = v->iface->model && domxml_nic_model_is_virtio(v->iface->model);
    } else {
        v->hostdev = dev->node->hostdev;
    }
}

static bool checked(domxml__qa_ctx *ctx, const char *key, const domxml__qa_val *val)
{
    const char *why = val->type == DOMXML__QA_STR ? domxml__qa_check(val->s, val->cls) : NULL;
    static const char *const what[] = {"a value", "a QEMU id", "a QEMU name"};

    if (!why)
        return true;
    const char *text_why = domxml__qa_check(val->s, DOMXML__QA_TEXT);
    if (text_why)
        domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "qemuargv.value",
                        "the value of %s= cannot be written safely: %s", key, text_why);
    else
        domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "qemuargv.value",
                        "'%.64s' (for %s=) is not %s: %s (it must match %s)", val->s, key,
                        what[val->cls], why,
                        val->cls == DOMXML__QA_ID ? "^[A-Za-z][A-Za-z0-9._-]*$"
                                                  : "^[A-Za-z0-9][A-Za-z0-9._-]*$");
    return false;
}

void domxml__qa_emit(const domxml__qa_view *v, domxml__qa_arg_kind kind, bool head,
                     const domxml__qa_row *rows, size_t n)
{
    domxml__qa_ctx *ctx = v->ctx;
    domxml__qa_val val;

    if (ctx->failed)
        return;
    domxml__qa_arg *args = domxml__qa_grow(ctx, ctx->args, &ctx->cap, ctx->nargs, sizeof(*args));
    if (!args)
        return;
    ctx->args = args;
    domxml__qa_arg *a = &args[ctx->nargs++];
    /* QEMU 7.2 takes JSON for -device and -netdev only; -blockdev is JSON. */
    *a = (domxml__qa_arg){kind, head,
                          kind == DOMXML__QA_ARG_BLOCKDEV ||
                              (ctx->json && (kind == DOMXML__QA_ARG_NETDEV ||
                                             kind == DOMXML__QA_ARG_DEVICE)),
                          ctx->cur, ctx->nprops, 0};
    for (size_t r = 0; r < n; r++) {
        unsigned int pos = a->json ? rows[r].js : rows[r].kv;
        if (!pos || (rows[r].since && ctx->qemu < rows[r].since) ||
            (rows[r].until && ctx->qemu >= rows[r].until) || !rows[r].get(v, &rows[r], &val))
            continue;
        if (domxml__qa_add_prop(ctx, rows[r].key, &val, pos) < 0)
            return;
    }
}

int domxml__qa_add_prop(domxml__qa_ctx *ctx, const char *key, const domxml__qa_val *val,
                        unsigned int pos)
{
    domxml__qa_arg *a = &ctx->args[ctx->nargs - 1];

    if (ctx->failed || !key || !checked(ctx, key, val))
        return -1;
    domxml__qa_prop *props =
        domxml__qa_grow(ctx, ctx->props, &ctx->pcap, ctx->nprops, sizeof(*props));
    if (!props)
        return -1;
    ctx->props = props;
    /* insertion by place: arguments are short */
    size_t at = ctx->nprops++;
    while (at > a->first && props[at - 1].pos > pos) {
        props[at] = props[at - 1];
        at--;
    }
    props[at] = (domxml__qa_prop){key, *val, pos};
    a->n++;
    return 0;
}
