/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: property lists and their serializers (key=value with commas
 * doubled, compact JSON through an encoder), value checks, errors and
 * warnings, the argv block and its shell text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qa.h"

static void vfill(domxml_error *e, const domxml__qa_ctx *ctx, int dev, domxml_error_code code,
                  const char *fmt, va_list ap) __attribute__((format(printf, 5, 0)));

static void vfill(domxml_error *e, const domxml__qa_ctx *ctx, int dev, domxml_error_code code,
                  const char *fmt, va_list ap)
{
    char msg[256];

    memset(e, 0, sizeof(*e));
    e->code = code;
    vsnprintf(msg, sizeof(msg), fmt, ap);
    if (dev >= 0 && (size_t)dev < ctx->ndevs) {
        const domxml__qa_dev *d = &ctx->devs[dev];
        snprintf(e->message, sizeof(e->message), "%.100s: %s", d->label, msg);
        snprintf(e->path, sizeof(e->path), "%s", d->path);
        e->path_len = strlen(e->path);
        e->line = d->node->line;
        e->column = d->node->column;
    } else {
        snprintf(e->message, sizeof(e->message), "%s", msg);
    }
}

void domxml__qa_fail(domxml__qa_ctx *ctx, domxml_error_code code, const char *fmt, ...)
{
    va_list ap;

    if (ctx->failed)
        return;
    ctx->failed = true;
    if (!ctx->err)
        return;
    va_start(ap, fmt);
    vfill(ctx->err, ctx, ctx->cur, code, fmt, ap);
    va_end(ap);
}

void domxml__qa_warn(domxml__qa_ctx *ctx, int dev, const char *code, domxml_error_code kind,
                     const char *fmt, ...)
{
    domxml_error w;
    va_list ap;

    if (!ctx->opt.warning || ctx->failed)
        return;
    va_start(ap, fmt);
    vfill(&w, ctx, dev, kind, fmt, ap);
    va_end(ap);
    domxml_diagnostic d = {code, kind, DOMXML_SEVERITY_WARNING, w.line, w.column, w.path,
                           w.message};
    ctx->opt.warning(ctx->opt.warning_ctx, &d);
}

/* `array` (of n elements, room for *cap) with room for one more: the same
 * pointer, or a bigger block (doubling from 16); NULL when out of memory,
 * with `array` left as it was. */
static void *with_room(domxml__qa_ctx *ctx, void *array, size_t *cap, size_t n, size_t size)
{
    size_t bigger = *cap ? *cap * 2 : 16;
    void *p;

    if (n < *cap)
        return array;
    p = realloc(array, bigger * size);
    if (!p) {
        domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "out of memory");
        return NULL;
    }
    *cap = bigger;
    return p;
}

domxml__qa_arg *domxml__qa_arg_new(domxml__qa_ctx *ctx, domxml__qa_arg_kind kind, bool head,
                                   bool json)
{
    if (ctx->failed)
        return NULL;
    domxml__qa_arg *args = with_room(ctx, ctx->args, &ctx->cap, ctx->nargs, sizeof(*args));
    if (!args)
        return NULL;
    ctx->args = args;
    domxml__qa_arg *a = &ctx->args[ctx->nargs++];
    memset(a, 0, sizeof(*a));
    a->kind = kind;
    a->head = head;
    /* QEMU 7.2 takes JSON for -device and -netdev only. */
    a->json = kind == DOMXML__QA_ARG_BLOCKDEV ||
              (json && (kind == DOMXML__QA_ARG_NETDEV || kind == DOMXML__QA_ARG_DEVICE));
    a->dev = ctx->cur;
    return a;
}

static domxml__qa_prop *prop_new(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key)
{
    if (!a || ctx->failed)
        return NULL;
    domxml__qa_prop *props = with_room(ctx, a->props, &a->cap, a->n, sizeof(*props));
    if (!props)
        return NULL;
    a->props = props;
    domxml__qa_prop *p = &a->props[a->n++];
    memset(p, 0, sizeof(*p));
    p->key = key;
    return p;
}

/* A string value every syntax carries unchanged: valid UTF-8 without
 * control characters (keyval has no escape for them, and a newline would
 * break the one-line layout of the shell text). */
static bool value_ok(const char *s, const char **why)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        if (*p < 0x20 || *p == 0x7f) {
            *why = "a control character";
            return false;
        }
        if (*p < 0x80) {
            p++;
            continue;
        }
        int n = (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 : (*p & 0xf8) == 0xf0 ? 3 : -1;
        if (n < 0 || (n == 1 && *p < 0xc2) || (*p >= 0xf5)) {
            *why = "invalid UTF-8";
            return false;
        }
        for (int k = 1; k <= n; k++)
            if ((p[k] & 0xc0) != 0x80) {
                *why = "invalid UTF-8";
                return false;
            }
        if ((n == 2 && *p == 0xe0 && p[1] < 0xa0) || (n == 3 && *p == 0xf0 && p[1] < 0x90) ||
            (n == 3 && *p == 0xf4 && p[1] > 0x8f) || (n == 2 && *p == 0xed && p[1] > 0x9f)) {
            *why = "invalid UTF-8";
            return false;
        }
        p += n + 1;
    }
    return true;
}

void domxml__qa_str(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key, const char *value)
{
    const char *why = NULL;

    if (!a || ctx->failed)
        return;
    if (!value_ok(value, &why)) {
        domxml__qa_fail(ctx, DOMXML_ERR_VALUE,
                        "the value of '%s' contains %s and cannot be written safely", key, why);
        return;
    }
    domxml__qa_prop *p = prop_new(ctx, a, key);
    if (!p)
        return;
    p->type = DOMXML__QA_STR;
    p->s = strdup(value);
    if (!p->s) {
        a->n--;
        domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "out of memory");
    }
}

void domxml__qa_strf(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key, const char *fmt,
                     ...)
{
    char buf[4096];
    va_list ap;

    va_start(ap, fmt);
    int n = vsnprintf(buf, sizeof(buf), fmt, ap);
    va_end(ap);
    if (n < 0 || (size_t)n >= sizeof(buf)) {
        domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "the value of '%s' is too long", key);
        return;
    }
    domxml__qa_str(ctx, a, key, buf);
}

bool domxml_qemuargv_id_valid(const char *id)
{
    if (!id || !((id[0] >= 'A' && id[0] <= 'Z') || (id[0] >= 'a' && id[0] <= 'z')))
        return false;
    for (const char *p = id + 1; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '.' || *p == '_' || *p == '-'))
            return false;
    return true;
}

void domxml__qa_id(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key, const char *id)
{
    if (!a || ctx->failed)
        return;
    if (!domxml_qemuargv_id_valid(id)) {
        const char *why = NULL;
        if (value_ok(id, &why))
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE,
                            "'%s' (for %s=) is not a QEMU id: it must match "
                            "^[A-Za-z][A-Za-z0-9._-]*$",
                            id, key);
        else
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE,
                            "the id for %s= contains %s: it must match ^[A-Za-z][A-Za-z0-9._-]*$",
                            key, why);
        return;
    }
    domxml__qa_str(ctx, a, key, id);
}

void domxml__qa_int(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key, long long v)
{
    domxml__qa_prop *p = prop_new(ctx, a, key);
    if (p) {
        p->type = DOMXML__QA_INT;
        p->i = v;
    }
}

void domxml__qa_bool(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key, bool v)
{
    domxml__qa_prop *p = prop_new(ctx, a, key);
    if (p) {
        p->type = DOMXML__QA_BOOL;
        p->b = v;
    }
}

void domxml__qa_switch(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key,
                       domxml_tristate_switch v)
{
    if (v == DOMXML_TRISTATE_SWITCH_ON || v == DOMXML_TRISTATE_SWITCH_OFF)
        domxml__qa_bool(ctx, a, key, v == DOMXML_TRISTATE_SWITCH_ON);
}

const domxml__qa_prop *domxml__qa_find(const domxml__qa_arg *a, const char *key)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(a->props[i].key, key) == 0)
            return &a->props[i];
    return NULL;
}

void domxml__qa_ctx_clear(domxml__qa_ctx *ctx)
{
    for (size_t i = 0; i < ctx->nargs; i++) {
        for (size_t k = 0; k < ctx->args[i].n; k++)
            free(ctx->args[i].props[k].s);
        free(ctx->args[i].props);
    }
    free(ctx->args);
    free(ctx->devs);
    ctx->args = NULL;
    ctx->devs = NULL;
    ctx->nargs = ctx->cap = ctx->ndevs = 0;
}

/* ------------------------------------------------------------------ */

void domxml__qa_put(domxml__qa_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *ns = realloc(b->s, cap);
        if (!ns) {
            b->oom = true;
            return;
        }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void domxml__qa_puts(domxml__qa_buf *b, const char *s)
{
    domxml__qa_put(b, s, strlen(s));
}

void domxml__qa_putc(domxml__qa_buf *b, char c)
{
    domxml__qa_put(b, &c, 1);
}

void domxml__qa_json_string(domxml__qa_buf *b, const char *s)
{
    domxml__qa_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\') {
            domxml__qa_putc(b, '\\');
            domxml__qa_putc(b, (char)*p);
        } else if (*p < 0x20 || *p == 0x7f) {
            char esc[8];
            snprintf(esc, sizeof(esc), "\\u%04x", *p);
            domxml__qa_puts(b, esc);
        } else {
            domxml__qa_putc(b, (char)*p);
        }
    }
    domxml__qa_putc(b, '"');
}

/* key=value: a ',' inside a value is written ',,' (QemuOpts reads it as
 * one literal comma); nothing else needs escaping there. */
static void keyval_escaped(domxml__qa_buf *b, const char *s)
{
    for (const char *p = s; *p; p++) {
        domxml__qa_putc(b, *p);
        if (*p == ',')
            domxml__qa_putc(b, ',');
    }
}

static void prop_json(domxml__qa_buf *b, const domxml__qa_prop *p)
{
    char num[32];

    domxml__qa_json_string(b, p->key);
    domxml__qa_putc(b, ':');
    switch (p->type) {
    case DOMXML__QA_STR:
        domxml__qa_json_string(b, p->s);
        break;
    case DOMXML__QA_INT:
        snprintf(num, sizeof(num), "%lld", p->i);
        domxml__qa_puts(b, num);
        break;
    case DOMXML__QA_BOOL:
        domxml__qa_puts(b, p->b ? "true" : "false");
        break;
    }
}

void domxml__qa_arg_members(domxml__qa_buf *b, const domxml__qa_arg *a, const char *skip)
{
    bool first = true;

    for (size_t i = 0; i < a->n; i++) {
        if (skip && strcmp(a->props[i].key, skip) == 0)
            continue;
        if (!first)
            domxml__qa_putc(b, ',');
        first = false;
        prop_json(b, &a->props[i]);
    }
}

void domxml__qa_arg_value(domxml__qa_buf *b, const domxml__qa_arg *a)
{
    char num[32];

    if (a->json) {
        domxml__qa_putc(b, '{');
        domxml__qa_arg_members(b, a, NULL);
        domxml__qa_putc(b, '}');
        return;
    }
    for (size_t i = 0; i < a->n; i++) {
        const domxml__qa_prop *p = &a->props[i];
        if (i > 0)
            domxml__qa_putc(b, ',');
        if (!(i == 0 && a->head)) {
            domxml__qa_puts(b, p->key);
            domxml__qa_putc(b, '=');
        }
        switch (p->type) {
        case DOMXML__QA_STR:
            keyval_escaped(b, p->s);
            break;
        case DOMXML__QA_INT:
            snprintf(num, sizeof(num), "%lld", p->i);
            domxml__qa_puts(b, num);
            break;
        case DOMXML__QA_BOOL:
            domxml__qa_puts(b, p->b ? "on" : "off");
            break;
        }
    }
}

const char *domxml__qa_opt_name(domxml__qa_arg_kind kind)
{
    switch (kind) {
    case DOMXML__QA_ARG_NETDEV:
        return "-netdev";
    case DOMXML__QA_ARG_DEVICE:
        return "-device";
    case DOMXML__QA_ARG_CHARDEV:
        return "-chardev";
    case DOMXML__QA_ARG_ADDFD:
        return "-add-fd";
    case DOMXML__QA_ARG_DRIVE:
        return "-drive";
    case DOMXML__QA_ARG_BLOCKDEV:
        return "-blockdev";
    }
    return "-device";
}

/* ------------------------------------------------------------------ */
/* Public: argv and shell text                                          */

void domxml_argv_free(char **argv)
{
    free(argv); /* one block: the pointers, then the strings */
}

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
    if (shell_plain(s)) {
        domxml__qa_puts(b, s);
        return;
    }
    bool ctl = false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f)
            ctl = true;
    if (!ctl) {
        domxml__qa_putc(b, '\'');
        for (const char *p = s; *p; p++) {
            if (*p == '\'')
                domxml__qa_puts(b, "'\\''");
            else
                domxml__qa_putc(b, *p);
        }
        domxml__qa_putc(b, '\'');
        return;
    }
    /* ANSI-C quoting keeps a control character on the line. */
    domxml__qa_puts(b, "$'");
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p < 0x20 || *p == 0x7f || *p == '\'' || *p == '\\') {
            char esc[8];
            snprintf(esc, sizeof(esc), "\\%03o", *p);
            domxml__qa_puts(b, esc);
        } else {
            domxml__qa_putc(b, (char)*p);
        }
    }
    domxml__qa_putc(b, '\'');
}

char *domxml_argv_to_shell(char *const *argv)
{
    domxml__qa_buf b = {0};

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
    if (b.oom) {
        free(b.s);
        return NULL;
    }
    return b.s;
}
