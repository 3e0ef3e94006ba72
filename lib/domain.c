/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Public entry points for whole documents: parse, check, format, free,
 * version. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "checks.h"
#include "error.h"
#include "format.h"
#include "parse.h"
#include "rules.h"
#include "teaming.h"

unsigned long domxml_version(void)
{
    return DOMXML_VERSION_HEX;
}

const char *domxml_version_string(void)
{
    return DOMXML_VERSION_STRING;
}

domxml_domain *domxml_domain_new(const domxml_memory *memory)
{
    domxml_memory mem;
    struct domxml__doc *doc;

    domxml__memory_default(&mem, memory);
    doc = mem.malloc_fcn(sizeof(*doc));
    if (!doc)
        return NULL;
    memset(doc, 0, sizeof(*doc));
    domxml__arena_init(&doc->arena, &mem);
    doc->dom.internal = doc;
    return &doc->dom;
}

void domxml_domain_free(domxml_domain *dom)
{
    struct domxml__doc *doc;
    void (*free_fcn)(void *);

    if (!dom || !dom->internal)
        return;
    doc = dom->internal;
    free_fcn = doc->arena.mem.free_fcn;
    domxml__arena_free(&doc->arena);
    free_fcn(doc);
}

/* The options struct as the caller sized it: refuse what cannot be read
 * safely (see docs/abi.md). */
static bool domxml__parse_options_ok(const domxml_parse_options *o, domxml_error *err)
{
    return domxml__options_ok(o, sizeof(*o), "parse options", "domxml_parse_options_init", err);
}

domxml_domain *domxml_parse_buffer(const char *buf, size_t len, const char *name,
                                   const domxml_parse_options *options, domxml_error *error)
{
    domxml_error local;
    domxml_error *err = error ? error : &local;
    domxml__input in = {buf, len, NULL};

    domxml__error_clear(err, name);
    if (!buf && len > 0) {
        domxml__error_set(err, DOMXML_ERR_INVALID_ARG, "NULL buffer");
        return NULL;
    }
    if (!domxml__parse_options_ok(options, err))
        return NULL;
    return domxml__parse(&in, options, err);
}

domxml_domain *domxml_parse_file(const char *path, const domxml_parse_options *options,
                                 domxml_error *error)
{
    domxml_error local;
    domxml_error *err = error ? error : &local;
    domxml__input in = {NULL, 0, NULL};
    domxml_domain *dom;
    char msg[128];

    domxml__error_clear(err, path);
    if (!path) {
        domxml__error_set(err, DOMXML_ERR_INVALID_ARG, "NULL path");
        return NULL;
    }
    if (!domxml__parse_options_ok(options, err))
        return NULL;
    in.fp = fopen(path, "rb");
    if (!in.fp) {
        domxml__error_set(err, DOMXML_ERR_IO, "cannot open: %s", domxml__errno_text(errno, msg));
        return NULL;
    }
    dom = domxml__parse(&in, options, err);
    fclose(in.fp);
    return dom;
}

int domxml_domain_check(const domxml_domain *dom, domxml_error *error)
{
    domxml__error_clear(error, NULL);
    if (!dom || !dom->internal) {
        domxml__error_set(error, DOMXML_ERR_INVALID_ARG, "not a document made by libdomxml");
        return -1;
    }
    return domxml__check_domain(dom, error);
}

/* A formatted string carries its free function in front of it, so
 * domxml_string_free() works whatever became of the domain. */
typedef union domxml__string_head {
    void (*free_fcn)(void *);
    max_align_t align;
} domxml__string_head;

/* The formatter refused the tree: the reporting walk says why. */
static void domxml__refused(const domxml_domain *dom, domxml_error *error)
{
    if (domxml__check_domain(dom, error) == 0)
        domxml__error_set(error, DOMXML_ERR_UNSUPPORTED,
                          "internal: the formatter refused a tree the rules accept");
}

/* One pass writes and checks; a tree the checks refuse is written no
 * further and the error comes from the reporting walk. */
char *domxml_format(const domxml_domain *dom, size_t *len, domxml_error *error)
{
    const domxml__string_head head = {0};
    domxml__buf b;
    bool ok;

    domxml__error_clear(error, NULL);
    if (!dom || !dom->internal) {
        domxml__error_set(error, DOMXML_ERR_INVALID_ARG, "not a document made by libdomxml");
        return NULL;
    }
    if (domxml__check_root(dom, error) < 0)
        return NULL;
    memset(&b, 0, sizeof(b));
    b.doc = dom->internal;
    b.mem = &dom->internal->arena.mem;
    b.pretty = true;
    domxml__buf_add(&b, (const char *)&head, sizeof(head));
    ok = domxml__format_domain(&b, dom);
    if (!ok || b.oom) {
        if (b.oom)
            domxml__error_set(error, DOMXML_ERR_NOMEM, "out of memory");
        else
            domxml__refused(dom, error);
        b.mem->free_fcn(b.data);
        return NULL;
    }
    ((domxml__string_head *)(void *)b.data)->free_fcn = b.mem->free_fcn;
    if (len)
        *len = b.len - sizeof(head);
    return b.data + sizeof(head);
}

int domxml_format_to(const domxml_domain *dom,
                     int (*write)(void *ctx, const char *data, size_t len), void *ctx,
                     domxml_error *error)
{
    domxml__buf b;
    int rc = 0;

    if (domxml_domain_check(dom, error) < 0)
        return -1;
    if (!write) {
        domxml__error_set(error, DOMXML_ERR_INVALID_ARG, "NULL write function");
        return -1;
    }
    memset(&b, 0, sizeof(b));
    b.doc = dom->internal;
    b.mem = &dom->internal->arena.mem;
    b.pretty = true;
    b.sink = write;
    b.sink_ctx = ctx;
    if (!domxml__format_domain(&b, dom) && !b.oom) {
        domxml__refused(dom, error); /* cannot happen after the check above */
        rc = -1;
    } else if (domxml__buf_flush(&b), b.oom) {
        domxml__error_set(error, DOMXML_ERR_NOMEM, "out of memory");
        rc = -1;
    } else if (b.sink_failed) {
        domxml__error_set(error, DOMXML_ERR_IO, "the write function failed");
        rc = -1;
    }
    b.mem->free_fcn(b.data);
    return rc;
}

void *domxml_alloc(const domxml_memory *memory, size_t size)
{
    domxml_memory mem;
    domxml__string_head *head;

    domxml__memory_default(&mem, memory);
    if (size > (size_t)-1 - sizeof(*head))
        return NULL;
    head = mem.malloc_fcn(sizeof(*head) + size);
    if (!head)
        return NULL;
    head->free_fcn = mem.free_fcn;
    return head + 1;
}

void domxml_free(void *block)
{
    domxml__string_head *head;

    if (!block)
        return;
    head = (domxml__string_head *)block - 1;
    head->free_fcn(head);
}

void domxml_string_free(char *str)
{
    domxml_free(str);
}

const domxml_memory *domxml_domain_memory(const domxml_domain *dom)
{
    return dom && dom->internal ? &dom->internal->arena.mem : NULL;
}

int domxml_domain_link_teaming(domxml_domain *dom, domxml_error *error)
{
    domxml__error_clear(error, NULL);
    if (!dom || !dom->internal) {
        domxml__error_set(error, DOMXML_ERR_INVALID_ARG, "not a document made by libdomxml");
        return -1;
    }
    return domxml__teaming_link(dom, error) < 0 ? -1 : 0;
}
