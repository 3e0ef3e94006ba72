/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv public entry points: the argv of a domain's devices, the QMP
 * commands that hot-plug or unplug one device, the shell text of an argv.
 * Every block returned is the caller's, freed with domxml_qemuargv_free().
 */
#include <stdlib.h>
#include <string.h>

#include "build.h"
#include "hotplug.h"
#include "passt.h"
#include "index.h"

/* The argv block: the pointers, then the option names and values. */
static char **argv_block(domxml__qa_ctx *ctx, size_t *argc)
{
    domxml__qa_buf vals = {.mem = &ctx->mem};
    size_t *ends = ctx->nargs ? ctx->mem.malloc_fcn(ctx->nargs * sizeof(*ends)) : NULL;
    char **argv = NULL;

    if (ctx->nargs && !ends) {
        domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "qemuargv.nomem", "out of memory");
        return NULL;
    }
    size_t bytes = (2 * ctx->nargs + 1) * sizeof(char *);
    for (size_t i = 0; i < ctx->nargs; i++) {
        domxml__qa_arg_value(&vals, &ctx->args[i], ctx->props);
        domxml__qa_putc(&vals, '\0');
        ends[i] = vals.len;
        bytes += strlen(domxml__qa_opt_name(ctx->args[i].kind)) + 1;
    }
    bytes += vals.len;
    if (!vals.oom)
        argv = domxml_alloc(&ctx->mem, bytes);
    if (argv) {
        char *p = (char *)(argv + 2 * ctx->nargs + 1);
        for (size_t i = 0; i < ctx->nargs; i++) {
            const char *opt = domxml__qa_opt_name(ctx->args[i].kind);
            size_t l = strlen(opt) + 1, start = i ? ends[i - 1] : 0;
            argv[2 * i] = memcpy(p, opt, l);
            p += l;
            argv[2 * i + 1] = memcpy(p, vals.s + start, ends[i] - start);
            p += ends[i] - start;
        }
        argv[2 * ctx->nargs] = NULL;
        if (argc)
            *argc = 2 * ctx->nargs;
    } else {
        domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "qemuargv.nomem", "out of memory");
    }
    if (ends)
        ctx->mem.free_fcn(ends);
    domxml__qa_buf_release(&vals);
    return argv;
}

char **domxml_qemuargv_build(const domxml_domain *dom, const domxml_qemuargv_options *options,
                             size_t *argc, domxml_error *error)
{
    domxml__qa_ctx ctx;
    char **argv = NULL;

    if (argc)
        *argc = 0;
    ctx.hotplug = false;
    if (domxml__qa_prepare(&ctx, dom, options, error, true) == 0 &&
        domxml__qa_build_all(&ctx) == 0)
        argv = argv_block(&ctx, argc);
    domxml__qa_ctx_clear(&ctx);
    return argv;
}

/* The device named by `alias`, or the root of a standalone document. */
static size_t pick(domxml__qa_ctx *ctx, const char *alias)
{
    size_t k;

    if (!alias) {
        if (ctx->standalone && ctx->ndevs == 1)
            return 0;
        domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "qemuargv.alias",
                        "name the device (an alias) of a <domain>; only a standalone device "
                        "document needs none");
        return DOMXML__QA_NONE;
    }
    k = domxml__qa_find_dev(ctx, alias);
    if (k == DOMXML__QA_NONE)
        domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "qemuargv.alias",
                        "no <interface> or <hostdev> has id '%.64s'",
                        domxml__qa_check(alias, DOMXML__QA_TEXT) ? "(unprintable)" : alias);
    return k;
}

static char *commands(const domxml_domain *dom, const char *alias,
                      const domxml_qemuargv_options *options, domxml_error *error, bool plug)
{
    domxml__qa_ctx ctx;
    domxml__qa_buf b = {0};
    char *out = NULL;
    size_t k;

    ctx.hotplug = true;
    if (domxml__qa_prepare(&ctx, dom, options, error, plug) == 0 &&
        (k = pick(&ctx, alias)) != DOMXML__QA_NONE) {
        b.mem = &ctx.mem;
        ctx.json = true; /* QMP */
        if ((plug ? domxml__qa_plug(&ctx, k, &b) : domxml__qa_unplug(&ctx, k, &b)) == 0) {
            out = domxml__qa_buf_finish(&b);
            if (!out)
                domxml__qa_fail(&ctx, DOMXML_ERR_NOMEM, "qemuargv.nomem", "out of memory");
        }
    }
    if (b.mem)
        domxml__qa_buf_release(&b);
    domxml__qa_ctx_clear(&ctx);
    return out;
}

char *domxml_qemuargv_hotplug(const domxml_domain *dom, const char *alias,
                              const domxml_qemuargv_options *options, domxml_error *error)
{
    return commands(dom, alias, options, error, true);
}

char *domxml_qemuargv_unplug(const domxml_domain *dom, const char *alias,
                             const domxml_qemuargv_options *options, domxml_error *error)
{
    return commands(dom, alias, options, error, false);
}

char **domxml_qemuargv_passt(const domxml_domain *dom, const char *alias,
                             const domxml_qemuargv_options *options, size_t *argc,
                             domxml_error *error)
{
    domxml__qa_ctx ctx;
    char **argv = NULL;
    size_t k;

    if (argc)
        *argc = 0;
    ctx.hotplug = false;
    if (domxml__qa_prepare(&ctx, dom, options, error, true) == 0 &&
        (k = pick(&ctx, alias)) != DOMXML__QA_NONE)
        argv = domxml__qa_passt_argv(&ctx, k, argc);
    domxml__qa_ctx_clear(&ctx);
    return argv;
}

bool domxml_qemuargv_id_valid(const char *id)
{
    return id && !domxml__qa_check(id, DOMXML__QA_ID);
}

void domxml_qemuargv_free(void *block)
{
    domxml_free(block);
}

void domxml_argv_free(char **argv)
{
    domxml_free(argv);
}

/* ------------------------------------------------------------------ */
/* Shell text                                                           */

static bool shell_plain(const char *s)
{
    if (!*s)
        return false;
    for (const char *p = s; *p; p++) {
        char c = *p;
        if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
              strchr(",._+:@%/=-", c)))
            return false;
    }
    return true;
}

static void shell_word(domxml__qa_buf *b, const char *s)
{
    static const char oct[] = "01234567";

    if (shell_plain(s)) {
        domxml__qa_puts(b, s);
        return;
    }
    bool ctl = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            ctl = true;
    domxml__qa_puts(b, ctl ? "$'" : "'");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (!ctl && *p == '\'') {
            domxml__qa_puts(b, "'\\''");
        } else if (ctl && (*p < 0x20 || *p == 0x7f || *p == '\'' || *p == '\\')) {
            /* ANSI-C quoting keeps a control character on the line */
            char esc[4] = {'\\', oct[*p >> 6], oct[(*p >> 3) & 7], oct[*p & 7]};
            domxml__qa_put(b, esc, 4);
        } else {
            domxml__qa_putc(b, (char)*p);
        }
    }
    domxml__qa_putc(b, '\'');
}

char *domxml_argv_to_shell(char *const *argv)
{
    const domxml_memory mem = {malloc, realloc, free};
    domxml__qa_buf b = {.mem = &mem};

    domxml__qa_puts(&b, "");
    for (size_t i = 0; argv && argv[i]; i++) {
        bool option = argv[i][0] == '-' && argv[i + 1] && argv[i + 1][0] != '-';
        shell_word(&b, argv[i]);
        if (option) {
            domxml__qa_putc(&b, ' ');
            shell_word(&b, argv[++i]);
        }
        domxml__qa_puts(&b, argv[i + 1] ? " \\\n" : "\n");
    }
    return domxml__qa_buf_finish(&b);
}
