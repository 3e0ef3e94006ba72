/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv internals: argument property lists, their two serializers, and
 * the device walk. Public API only (domxml.h, domxml/qemuargv.h).
 */
#ifndef DOMXML__QA_H
#define DOMXML__QA_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>

#include <domxml.h>
#include <domxml/qemuargv.h>

typedef enum { DOMXML__QA_STR, DOMXML__QA_INT, DOMXML__QA_BOOL } domxml__qa_type;

typedef struct domxml__qa_prop {
    const char *key;
    domxml__qa_type type;
    char *s;
    long long i;
    bool b;
} domxml__qa_prop;

typedef enum {
    DOMXML__QA_ARG_NETDEV,
    DOMXML__QA_ARG_DEVICE,
    DOMXML__QA_ARG_CHARDEV,
    DOMXML__QA_ARG_ADDFD,
    DOMXML__QA_ARG_DRIVE,   /* keyval only */
    DOMXML__QA_ARG_BLOCKDEV /* JSON only */
} domxml__qa_arg_kind;

/* One option and its value: the head (driver=/type=/backend) is props[0]
 * when `head` is set. */
typedef struct domxml__qa_arg {
    domxml__qa_arg_kind kind;
    bool head;
    bool json;
    int dev; /* index in ctx->devs */
    domxml__qa_prop *props;
    size_t n, cap;
} domxml__qa_arg;

typedef struct domxml__qa_dev {
    domxml_node *node;
    char id[64];     /* QEMU id: alias, or numbered */
    char label[96];  /* "interface 'net0'" */
    char path[128];  /* element path */
    bool hostlike;   /* a <hostdev>, an <interface type='hostdev'>, or a pool VF */
    const char *pool_vf; /* <interface type='network'>: the caller's VF address */
} domxml__qa_dev;

typedef struct domxml__qa_ctx {
    const domxml_domain *dom;
    domxml_qemuargv_options opt;
    domxml_error *err;
    bool failed;
    bool standalone;
    const char *machine;
    domxml__qa_dev *devs;
    size_t ndevs;
    int cur; /* device being built, -1 none */
    domxml__qa_arg *args;
    size_t nargs, cap;
    unsigned int fdset;
} domxml__qa_ctx;

/* args.c */
void domxml__qa_fail(domxml__qa_ctx *ctx, domxml_error_code code, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* A warning with its stable code ("qemuargv.NAME") and class. */
void domxml__qa_warn(domxml__qa_ctx *ctx, int dev, const char *code, domxml_error_code kind,
                     const char *fmt, ...) __attribute__((format(printf, 5, 6)));
domxml__qa_arg *domxml__qa_arg_new(domxml__qa_ctx *ctx, domxml__qa_arg_kind kind, bool head,
                                   bool json);
void domxml__qa_str(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key, const char *value);
void domxml__qa_strf(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key, const char *fmt,
                     ...) __attribute__((format(printf, 4, 5)));
void domxml__qa_id(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key, const char *id);
void domxml__qa_int(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key, long long v);
void domxml__qa_bool(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key, bool v);
void domxml__qa_switch(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key,
                       domxml_tristate_switch v);
const domxml__qa_prop *domxml__qa_find(const domxml__qa_arg *a, const char *key);
void domxml__qa_ctx_clear(domxml__qa_ctx *ctx);

/* A growable malloc'ed string. */
typedef struct domxml__qa_buf {
    char *s;
    size_t len, cap;
    bool oom;
} domxml__qa_buf;
void domxml__qa_put(domxml__qa_buf *b, const char *s, size_t n);
void domxml__qa_puts(domxml__qa_buf *b, const char *s);
void domxml__qa_putc(domxml__qa_buf *b, char c);
void domxml__qa_json_string(domxml__qa_buf *b, const char *s);
/* The value of an argument in its syntax. */
void domxml__qa_arg_value(domxml__qa_buf *b, const domxml__qa_arg *a);
/* The members of an argument as JSON members (no braces), skipping `skip`. */
void domxml__qa_arg_members(domxml__qa_buf *b, const domxml__qa_arg *a, const char *skip);
const char *domxml__qa_opt_name(domxml__qa_arg_kind kind);

/* devices.c */
int domxml__qa_prepare(domxml__qa_ctx *ctx, const domxml_domain *dom,
                       const domxml_qemuargv_options *opt, domxml_error *err);
/* Build the arguments of every device (only == -1) or of one. */
int domxml__qa_build_all(domxml__qa_ctx *ctx, int only, bool json);
int domxml__qa_find_dev(domxml__qa_ctx *ctx, const char *alias);
/* A resource's device name (id or "#N") names device `dev`. */
bool domxml__qa_res_matches(const domxml__qa_ctx *ctx, int dev, const char *name);

#endif
