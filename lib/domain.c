/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Public entry points: documents, formatting, builders, version. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

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

/* strerror() is not reentrant: the XSI strerror_r into the caller's buffer. */
static const char *domxml__errno_text(int errnum, char buf[128])
{
    if (strerror_r(errnum, buf, 128) != 0)
        snprintf(buf, 128, "error %d", errnum);
    return buf;
}

static char *domxml__read_file(const char *path, size_t max, const domxml_memory *mem,
                               size_t *len, domxml_error *err)
{
    char msg[128];
    FILE *fp = fopen(path, "rb");
    size_t cap = 65536, used = 0;
    char *data;

    if (!fp) {
        domxml__error_set(err, DOMXML_ERR_IO, "cannot open: %s", domxml__errno_text(errno, msg));
        return NULL;
    }
    data = mem->malloc_fcn(cap);
    while (data) {
        size_t n = fread(data + used, 1, cap - used, fp);
        used += n;
        if (used < cap)
            break;
        if (cap > max) {
            domxml__error_set(err, DOMXML_ERR_LIMIT, "input exceeds the limit of %zu bytes", max);
            mem->free_fcn(data);
            fclose(fp);
            return NULL;
        }
        char *bigger = mem->realloc_fcn(data, cap * 2);
        if (!bigger)
            mem->free_fcn(data);
        data = bigger;
        cap *= 2;
    }
    if (!data) {
        domxml__error_set(err, DOMXML_ERR_NOMEM, "out of memory");
        fclose(fp);
        return NULL;
    }
    if (ferror(fp)) {
        domxml__error_set(err, DOMXML_ERR_IO, "read error: %s", domxml__errno_text(errno, msg));
        mem->free_fcn(data);
        fclose(fp);
        return NULL;
    }
    fclose(fp);
    *len = used;
    return data;
}

domxml_domain *domxml_parse_file(const char *path, const domxml_parse_options *options,
                                 domxml_error *error)
{
    domxml_memory mem;
    domxml_domain *dom;
    size_t len = 0;
    char *data;

    domxml__error_clear(error, path);
    if (!path) {
        domxml__error_set(error, DOMXML_ERR_INVALID_ARG, "NULL path");
        return NULL;
    }
    domxml__memory_default(&mem, options ? options->memory : NULL);
    data = domxml__read_file(path, options && options->max_size ? options->max_size
                                                                : DOMXML__DEFAULT_MAX_SIZE,
                             &mem, &len, error);
    if (!data)
        return NULL;
    dom = domxml_parse_buffer(data, len, path, options, error);
    mem.free_fcn(data);
    return dom;
}

/* A formatted string carries its free function in front of it, so
 * domxml_string_free() works whatever became of the domain. */
typedef union domxml__string_head {
    void (*free_fcn)(void *);
    max_align_t align;
} domxml__string_head;

static void domxml__format_error(const domxml__buf *b, domxml_error *error)
{
    if (b->oom)
        domxml__error_set(error, DOMXML_ERR_NOMEM, "out of memory");
    else if (b->bad_attr)
        domxml__error_set(error, DOMXML_ERR_VALUE,
                          "attribute '%s' of <%s> holds a value outside its enum", b->bad_attr,
                          b->bad_elem);
    else
        domxml__error_set(error, DOMXML_ERR_VALUE, "cannot write %s", b->bad_node);
}

char *domxml_format(const domxml_domain *dom, size_t *len, domxml_error *error)
{
    const domxml__string_head head = {0};
    domxml__buf b;

    domxml__error_clear(error, NULL);
    if (!dom || !dom->internal || !dom->root) {
        domxml__error_set(error, DOMXML_ERR_INVALID_ARG,
                          dom && dom->internal ? "document has no root element"
                                               : "not a document made by libdomxml");
        return NULL;
    }
    memset(&b, 0, sizeof(b));
    b.mem = &dom->internal->arena.mem;
    b.pretty = true;
    domxml__buf_add(&b, (const char *)&head, sizeof(head));
    if (dom->xml_decl) {
        domxml__buf_puts(&b, dom->xml_decl);
        domxml__buf_newline(&b);
    }
    for (const domxml_node *n = dom->prolog; n; n = n->next)
        domxml__format_node(&b, n, 0);
    domxml__format_node(&b, dom->root, 0);
    for (const domxml_node *n = dom->epilog; n; n = n->next)
        domxml__format_node(&b, n, 0);
    if (b.oom || b.bad_attr || b.bad_node) {
        domxml__format_error(&b, error);
        b.mem->free_fcn(b.data);
        return NULL;
    }
    ((domxml__string_head *)(void *)b.data)->free_fcn = b.mem->free_fcn;
    if (len)
        *len = b.len - sizeof(head);
    return b.data + sizeof(head);
}

void domxml_string_free(const domxml_domain *dom, char *str)
{
    domxml__string_head *head;

    (void)dom;
    if (!str)
        return;
    head = (domxml__string_head *)(void *)(str - sizeof(*head));
    head->free_fcn(head);
}

domxml_node *domxml_domain_devices(const domxml_domain *dom)
{
    if (!dom || !dom->root || dom->root->kind != DOMXML_NODE_ELEMENT)
        return NULL;
    for (domxml_node *n = dom->root->children; n; n = n->next) {
        if (n->kind == DOMXML_NODE_ELEMENT && n->name && strcmp(n->name, "devices") == 0)
            return n;
    }
    return NULL;
}

int domxml_domain_link_teaming(domxml_domain *dom, domxml_error *error)
{
    domxml__error_clear(error, NULL);
    if (!dom || !dom->internal) {
        domxml__error_set(error, DOMXML_ERR_INVALID_ARG, "not a document made by libdomxml");
        return -1;
    }
    return domxml__teaming_link(dom, error);
}

/* ------------------------------------------------------------------ */
/* Builders                                                             */

char *domxml_strdup(domxml_domain *dom, const char *str)
{
    if (!dom || !dom->internal || !str)
        return NULL;
    return domxml__strndup(domxml__arena_of(dom), str, strlen(str));
}

domxml_node *domxml_node_new(domxml_domain *dom, domxml_node_kind kind)
{
    domxml_node *n;

    /* Modelled nodes come with their struct: domxml_*_node_new(). */
    if (!dom || !dom->internal || (unsigned)kind >= DOMXML_NODE_KIND_LAST ||
        kind == DOMXML_NODE_INTERFACE || kind == DOMXML_NODE_HOSTDEV)
        return NULL;
    n = domxml__alloc(domxml__arena_of(dom), sizeof(*n));
    if (n)
        n->kind = kind;
    return n;
}

domxml_attr *domxml_attr_new(domxml_domain *dom, const char *name, const char *value)
{
    domxml_attr *a;

    if (!dom || !dom->internal || !name || !value)
        return NULL;
    a = domxml__alloc(domxml__arena_of(dom), sizeof(*a));
    if (!a || !(a->name = domxml_strdup(dom, name)) || !(a->value = domxml_strdup(dom, value)))
        return NULL;
    return a;
}

domxml_node *domxml_interface_node_new(domxml_domain *dom)
{
    domxml_node *n = domxml_node_new(dom, DOMXML_NODE_TEXT);

    if (!n || !(n->interface = domxml__alloc(domxml__arena_of(dom), sizeof(domxml_interface))))
        return NULL;
    n->kind = DOMXML_NODE_INTERFACE;
    n->name = "interface";
    return n;
}

domxml_node *domxml_hostdev_node_new(domxml_domain *dom)
{
    domxml_node *n = domxml_node_new(dom, DOMXML_NODE_TEXT);

    if (!n || !(n->hostdev = domxml__alloc(domxml__arena_of(dom), sizeof(domxml_hostdev))))
        return NULL;
    n->kind = DOMXML_NODE_HOSTDEV;
    n->name = "hostdev";
    return n;
}

#define DOMXML__BUILDER(type, fn)                                              \
    type *fn(domxml_domain *dom)                                               \
    {                                                                          \
        return dom && dom->internal ? domxml__alloc(domxml__arena_of(dom), sizeof(type)) \
                                    : NULL;                                    \
    }

DOMXML__BUILDER(domxml_ip, domxml_ip_new)
DOMXML__BUILDER(domxml_route, domxml_route_new)
DOMXML__BUILDER(domxml_vlan_tag, domxml_vlan_tag_new)
DOMXML__BUILDER(domxml_filter_param, domxml_filter_param_new)
DOMXML__BUILDER(domxml_port_forward, domxml_port_forward_new)
DOMXML__BUILDER(domxml_port_forward_range, domxml_port_forward_range_new)
