/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: values, checked for their position and escaped for their syntax;
 * the arguments that hold them; the growable text they are written to. Every
 * allocation goes through the caller's hooks.
 */
#ifndef DOMXML__QA_PROPS_H
#define DOMXML__QA_PROPS_H

#include <stdbool.h>
#include <stddef.h>

#include <domxml.h>

typedef enum { DOMXML__QA_STR, DOMXML__QA_INT, DOMXML__QA_BOOL } domxml__qa_type;

/* Where a string goes, which decides what it may hold. */
typedef enum {
    DOMXML__QA_TEXT, /* a value: UTF-8 without control characters */
    DOMXML__QA_ID,   /* an id or a bus: ^[A-Za-z][A-Za-z0-9._-]*$ */
    DOMXML__QA_NAME  /* a driver, type or backend: [A-Za-z0-9._-], alphanumeric first */
} domxml__qa_class;

typedef struct domxml__qa_val {
    domxml__qa_type type;
    domxml__qa_class cls;
    const char *s;
    long long i;
    bool b;
} domxml__qa_val;

typedef struct domxml__qa_prop {
    const char *key;
    domxml__qa_val v;
    unsigned int pos; /* order in the chosen syntax */
} domxml__qa_prop;

typedef enum {
    DOMXML__QA_ARG_NETDEV,
    DOMXML__QA_ARG_DEVICE,
    DOMXML__QA_ARG_CHARDEV,
    DOMXML__QA_ARG_ADDFD,
    DOMXML__QA_ARG_DRIVE,   /* keyval only */
    DOMXML__QA_ARG_BLOCKDEV /* JSON only */
} domxml__qa_arg_kind;

/* One option and its value: props[first .. first+n) of the context's
 * property array; the head (driver/type/backend) is the first when `head`. */
typedef struct domxml__qa_arg {
    domxml__qa_arg_kind kind;
    bool head;
    bool json;
    size_t dev; /* index of its device */
    size_t first, n;
} domxml__qa_arg;

/* Growable NUL-terminated text; `oom` once an allocation failed. */
typedef struct domxml__qa_buf {
    const domxml_memory *mem;
    char *s;
    size_t len, cap;
    bool oom;
} domxml__qa_buf;

void domxml__qa_put(domxml__qa_buf *b, const char *s, size_t n);
void domxml__qa_puts(domxml__qa_buf *b, const char *s);
void domxml__qa_putc(domxml__qa_buf *b, char c);
void domxml__qa_putu(domxml__qa_buf *b, unsigned long long v);
void domxml__qa_json_string(domxml__qa_buf *b, const char *s);
/* The text as a block the caller frees with domxml_free(); NULL when out of
 * memory. The buffer is released either way. */
char *domxml__qa_buf_finish(domxml__qa_buf *b);
void domxml__qa_buf_release(domxml__qa_buf *b);

/* NULL when `s` may stand where `cls` says, else why not. */
const char *domxml__qa_check(const char *s, domxml__qa_class cls);
/* Non-empty, decimal digits only, below 2^31: an fd number. */
bool domxml__qa_fd_number(const char *s);

/* An argument's value in its syntax; its members as JSON (no braces). */
void domxml__qa_arg_value(domxml__qa_buf *b, const domxml__qa_arg *a, const domxml__qa_prop *props);
void domxml__qa_arg_members(domxml__qa_buf *b, const domxml__qa_arg *a,
                            const domxml__qa_prop *props);
const char *domxml__qa_opt_name(domxml__qa_arg_kind kind);
/* The property `key` of an argument, or NULL. */
const domxml__qa_prop *domxml__qa_find(const domxml__qa_arg *a, const domxml__qa_prop *props,
                                       const char *key);

#endif
