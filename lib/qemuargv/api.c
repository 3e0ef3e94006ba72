/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv public entry points: the argv of a domain's devices, and the QMP
 * commands that hot-plug or unplug one device.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qa.h"

char **domxml_qemuargv_build(const domxml_domain *dom, const domxml_qemuargv_options *options,
                             size_t *argc, domxml_error *error)
{
    domxml__qa_ctx ctx;
    domxml__qa_buf *vals = NULL;
    char **argv = NULL;

    if (argc)
        *argc = 0;
    if (domxml__qa_prepare(&ctx, dom, options, error) < 0 ||
        domxml__qa_build_all(&ctx, -1, ctx.opt.syntax == DOMXML_QEMUARGV_SYNTAX_JSON) < 0)
        goto out;

    vals = calloc(ctx.nargs ? ctx.nargs : 1, sizeof(*vals));
    if (!vals)
        goto nomem;
    size_t bytes = (2 * ctx.nargs + 1) * sizeof(char *);
    for (size_t i = 0; i < ctx.nargs; i++) {
        domxml__qa_puts(&vals[i], "");
        domxml__qa_arg_value(&vals[i], &ctx.args[i]);
        if (vals[i].oom)
            goto nomem;
        bytes += strlen(domxml__qa_opt_name(ctx.args[i].kind)) + 1 + vals[i].len + 1;
    }
    argv = malloc(bytes);
    if (!argv)
        goto nomem;
    char *p = (char *)(argv + 2 * ctx.nargs + 1);
    for (size_t i = 0; i < ctx.nargs; i++) {
        const char *opt = domxml__qa_opt_name(ctx.args[i].kind);
        size_t l = strlen(opt) + 1;
        argv[2 * i] = memcpy(p, opt, l);
        p += l;
        argv[2 * i + 1] = memcpy(p, vals[i].s, vals[i].len + 1);
        p += vals[i].len + 1;
    }
    argv[2 * ctx.nargs] = NULL;
    if (argc)
        *argc = 2 * ctx.nargs;
    goto out;
nomem:
    domxml__qa_fail(&ctx, DOMXML_ERR_NOMEM, "out of memory");
    free(argv);
    argv = NULL;
out:
    for (size_t i = 0; vals && i < ctx.nargs; i++)
        free(vals[i].s);
    free(vals);
    domxml__qa_ctx_clear(&ctx);
    return argv;
}

/* The device named by `alias`, or the root of a standalone document. */
static int pick(domxml__qa_ctx *ctx, const char *alias)
{
    if (!alias) {
        if (ctx->standalone && ctx->ndevs == 1)
            return 0;
        domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG,
                        "name the device (an alias) of a <domain>; only a standalone device "
                        "document needs none");
        return -1;
    }
    int k = domxml__qa_find_dev(ctx, alias);
    if (k < 0)
        domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "no <interface> or <hostdev> has id '%s'",
                        alias);
    return k;
}

static bool digits(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static void line_start(domxml__qa_buf *b, const char *cmd)
{
    domxml__qa_puts(b, "{\"execute\":");
    domxml__qa_json_string(b, cmd);
    domxml__qa_puts(b, ",\"arguments\":{");
}

static void chardev_add(domxml__qa_buf *b, const domxml__qa_arg *a)
{
    const domxml__qa_prop *id = domxml__qa_find(a, "id");
    const domxml__qa_prop *path = domxml__qa_find(a, "path");
    const domxml__qa_prop *server = domxml__qa_find(a, "server");
    const domxml__qa_prop *rc = domxml__qa_find(a, "reconnect");
    char num[32];

    line_start(b, "chardev-add");
    domxml__qa_puts(b, "\"id\":");
    domxml__qa_json_string(b, id->s);
    domxml__qa_puts(b, ",\"backend\":{\"type\":\"socket\",\"data\":{\"addr\":{\"type\":\"unix\","
                       "\"data\":{\"path\":");
    domxml__qa_json_string(b, path->s);
    domxml__qa_puts(b, "}}");
    if (server && server->b)
        /* the monitor must not block waiting for the backend */
        domxml__qa_puts(b, ",\"server\":true,\"wait\":false");
    else
        domxml__qa_puts(b, ",\"server\":false");
    if (rc) {
        snprintf(num, sizeof(num), "%lld", rc->i);
        domxml__qa_puts(b, ",\"reconnect\":");
        domxml__qa_puts(b, num);
    }
    domxml__qa_puts(b, "}}}}\n");
}

/* The end of a command builder: the text when `ok` and it was all written,
 * else NULL with the error set; the context is cleared either way. */
static char *commands_done(domxml__qa_ctx *ctx, domxml__qa_buf *b, bool ok)
{
    if (ok && b->oom) {
        domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "out of memory");
        ok = false;
    }
    domxml__qa_ctx_clear(ctx);
    if (ok)
        return b->s;
    free(b->s);
    return NULL;
}

char *domxml_qemuargv_hotplug(const domxml_domain *dom, const char *alias,
                              const domxml_qemuargv_options *options, domxml_error *error)
{
    domxml__qa_ctx ctx;
    domxml__qa_buf b = {0};
    int k;

    if (domxml__qa_prepare(&ctx, dom, options, error) < 0 || (k = pick(&ctx, alias)) < 0 ||
        domxml__qa_build_all(&ctx, k, true) < 0)
        goto fail;
    domxml__qa_puts(&b, "");
    /* fds passed by name: the caller sends each with its getfd */
    for (size_t i = 0; i < ctx.opt.n_resources; i++) {
        const domxml_qemuargv_resource *r = &ctx.opt.resources[i];
        if ((r->kind != DOMXML_QEMUARGV_RES_TAP_FD && r->kind != DOMXML_QEMUARGV_RES_VHOST_FD &&
             r->kind != DOMXML_QEMUARGV_RES_VHOSTSCSI_FD) ||
            !r->value || digits(r->value) || !domxml__qa_res_matches(&ctx, k, r->device))
            continue;
        line_start(&b, "getfd");
        domxml__qa_puts(&b, "\"fdname\":");
        domxml__qa_json_string(&b, r->value);
        domxml__qa_puts(&b, "}}\n");
    }
    for (size_t i = 0; i < ctx.nargs; i++) {
        const domxml__qa_arg *a = &ctx.args[i];
        switch (a->kind) {
        case DOMXML__QA_ARG_ADDFD: {
            const domxml__qa_prop *set = domxml__qa_find(a, "set");
            const domxml__qa_prop *op = domxml__qa_find(a, "opaque");
            char num[32];
            snprintf(num, sizeof(num), "%lld", set->i);
            /* the vdpa fd travels with this command (SCM_RIGHTS) */
            line_start(&b, "add-fd");
            domxml__qa_puts(&b, "\"fdset-id\":");
            domxml__qa_puts(&b, num);
            domxml__qa_puts(&b, ",\"opaque\":");
            domxml__qa_json_string(&b, op->s);
            domxml__qa_puts(&b, "}}\n");
            break;
        }
        case DOMXML__QA_ARG_CHARDEV:
            chardev_add(&b, a);
            break;
        case DOMXML__QA_ARG_NETDEV:
            line_start(&b, "netdev_add");
            domxml__qa_arg_members(&b, a, NULL);
            domxml__qa_puts(&b, "}}\n");
            break;
        case DOMXML__QA_ARG_BLOCKDEV:
            line_start(&b, "blockdev-add");
            domxml__qa_arg_members(&b, a, NULL);
            domxml__qa_puts(&b, "}}\n");
            break;
        case DOMXML__QA_ARG_DRIVE: /* not in JSON mode */
            break;
        case DOMXML__QA_ARG_DEVICE:
            line_start(&b, "device_add");
            domxml__qa_arg_members(&b, a, NULL);
            domxml__qa_puts(&b, "}}\n");
            break;
        }
    }
    const domxml_node *n = ctx.devs[k].node;
    if (n->kind == DOMXML_NODE_INTERFACE && n->interface->link &&
        n->interface->link->state == DOMXML_LINK_STATE_DOWN &&
        !ctx.devs[k].hostlike) {
        line_start(&b, "set_link");
        domxml__qa_puts(&b, "\"name\":");
        domxml__qa_json_string(&b, ctx.devs[k].id);
        domxml__qa_puts(&b, ",\"up\":false}}\n");
    }
    return commands_done(&ctx, &b, true);
fail:
    return commands_done(&ctx, &b, false);
}

char *domxml_qemuargv_unplug(const domxml_domain *dom, const char *alias,
                             const domxml_qemuargv_options *options, domxml_error *error)
{
    domxml__qa_ctx ctx;
    domxml__qa_buf b = {0};
    int k;

    if (domxml__qa_prepare(&ctx, dom, options, error) < 0 || (k = pick(&ctx, alias)) < 0)
        goto fail;
    ctx.cur = k;
    if (!domxml_qemuargv_id_valid(ctx.devs[k].id)) {
        domxml__qa_fail(&ctx, DOMXML_ERR_VALUE,
                        "its alias is not a QEMU id: it must match ^[A-Za-z][A-Za-z0-9._-]*$");
        goto fail;
    }
    line_start(&b, "device_del");
    domxml__qa_puts(&b, "\"id\":");
    domxml__qa_json_string(&b, ctx.devs[k].id);
    domxml__qa_puts(&b, "}}\n");
    return commands_done(&ctx, &b, true);
fail:
    return commands_done(&ctx, &b, false);
}
