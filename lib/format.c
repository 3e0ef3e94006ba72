/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Structs to bytes in libvirt's style: two-space indent, single quotes,
 * fixed attribute and child order (the descriptor tables' order), elements
 * with nothing to say left out. Generic nodes are written back as read;
 * only the white space between element children is re-indented.
 */
#include <string.h>
#include <strings.h>

#include "internal.h"

static void domxml__format_extra_attrs(domxml__buf *b, const domxml_extra *x, unsigned anchor)
{
    for (const domxml_attr *a = x->attrs; a; a = a->next) {
        if (a->anchor == anchor && a->name && a->value)
            domxml__buf_attr(b, a->name, a->value);
    }
}

static void domxml__format_extra_kids(domxml__buf *b, const domxml_extra *x, unsigned anchor,
                                      unsigned depth)
{
    for (const domxml_node *n = x->children; n; n = n->next) {
        if (n->anchor != anchor)
            continue;
        b->in_typed = true;
        domxml__format_node(b, n, depth);
        b->in_typed = false;
    }
}

/* "</name>" and the end of the line. */
static void domxml__close_tag(domxml__buf *b, const char *name)
{
    domxml__buf_add(b, "</", 2);
    domxml__buf_puts(b, name);
    domxml__buf_add(b, ">", 1);
    domxml__buf_newline(b);
}

/* Remember the first thing that cannot be written (hand-built input). */
static void domxml__bad_node(domxml__buf *b, const char *what)
{
    if (!b->bad_node)
        b->bad_node = what;
}

static void domxml__format_bad_enum(domxml__buf *b, const char *attr, const char *elem)
{
    if (!b->bad_attr) {
        b->bad_attr = attr;
        b->bad_elem = elem;
    }
}

/* " name='" */
static void domxml__attr_open(domxml__buf *b, const char *name)
{
    domxml__buf_add(b, " ", 1);
    domxml__buf_puts(b, name);
    domxml__buf_add(b, "='", 2);
}

static void domxml__format_attr(domxml__buf *b, const domxml__elem *d, const domxml__attr *a,
                                const void *obj)
{
    const void *field = (const char *)obj + a->off;
    const char *s;
    int v;

    if (!domxml__attr_is_set(a, obj))
        return;
    switch ((domxml__kind)a->kind) {
    case DOMXML__K_STR:
    case DOMXML__K_UUID:
        domxml__buf_attr(b, a->name, *(const char *const *)field);
        return;
    case DOMXML__K_ENUM:
        s = domxml__enum_name(a->etab, *(const int *)field);
        if (s)
            domxml__buf_attr(b, a->name, s);
        else
            domxml__format_bad_enum(b, a->name, d->name);
        return;
    case DOMXML__K_UINT:
        domxml__attr_open(b, a->name);
        domxml__buf_number(b, ((const domxml_uint *)field)->value, a->fmt);
        break;
    case DOMXML__K_ULLONG:
        domxml__attr_open(b, a->name);
        domxml__buf_number(b, ((const domxml_ullong *)field)->value, a->fmt);
        break;
    case DOMXML__K_INT:
        v = ((const domxml_int *)field)->value;
        domxml__attr_open(b, a->name);
        if (v < 0)
            domxml__buf_add(b, "-", 1);
        domxml__buf_number(b, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v,
                           DOMXML__F_DEC);
        break;
    case DOMXML__K_HOOK:
        a->format(b, obj);
        return;
    case DOMXML__K_NONE:
        return;
    }
    domxml__buf_add(b, "'", 1);
}

static void domxml__format_text_value(domxml__buf *b, const domxml__elem *d, const void *obj)
{
    const void *field = (const char *)obj + d->text_off;

    if (d->text_kind == DOMXML__K_STR)
        domxml__buf_escape_text(b, *(const char *const *)field);
    else if (d->text_kind == DOMXML__K_UINT)
        domxml__buf_number(b, ((const domxml_uint *)field)->value, DOMXML__F_DEC);
    else
        domxml__buf_number(b, ((const domxml_ullong *)field)->value, DOMXML__F_DEC);
}

static bool domxml__has_text(const domxml__elem *d, const void *obj)
{
    const void *field = (const char *)obj + d->text_off;

    switch (d->text_kind) {
    case DOMXML__K_STR:
        return *(const char *const *)field != NULL;
    case DOMXML__K_UINT:
        return ((const domxml_uint *)field)->set;
    case DOMXML__K_ULLONG:
        return ((const domxml_ullong *)field)->set;
    default:
        return false;
    }
}

/* An all-zero struct is an element absent from the input and never set:
 * skipping it early saves writing and rolling back its start tag. */
static bool domxml__is_zero(const void *obj, size_t size)
{
    static const unsigned char zeros[1024];

    if (size > sizeof(zeros))
        return false;
    return memcmp(obj, zeros, size) == 0;
}

static void domxml__format_kids(domxml__buf *b, const domxml__elem *d, const void *obj,
                                unsigned depth)
{
    const domxml_extra *x = DOMXML__CFIELD(obj, d->extra_off, domxml_extra);

    domxml__format_extra_kids(b, x, 0, depth);
    for (unsigned i = 0; i < d->n_kids; i++) {
        const domxml__child *row = &d->kids[i];

        if (!row->applies || row->applies(obj)) {
            if (row->how == DOMXML__C_EMBED) {
                const void *kid = (const char *)obj + row->off;
                if (!domxml__is_zero(kid, row->elem->size))
                    domxml__format_elem(b, row->elem, kid, obj, depth);
            } else {
                const void *item = *DOMXML__CFIELD(obj, row->off, void *);
                for (; item; item = *(const void *const *)item)
                    domxml__format_elem(b, row->elem, item, obj, depth);
            }
        }
        domxml__format_extra_kids(b, x, i + 1, depth);
    }
}

/*
 * Write one modelled element. The element is left out when it has no
 * attribute, text or child to write and was not present in the input;
 * `force` writes it regardless (a device node always stands).
 */
static void domxml__format_elem_full(domxml__buf *b, const domxml__elem *d, const void *obj,
                                     const void *parent, unsigned depth, bool force)
{
    const domxml_extra *x;
    size_t mark, after_name, after_attrs, body;
    bool keep;

    if (d->refine)
        d = d->refine(obj, parent);
    x = DOMXML__CFIELD(obj, d->extra_off, domxml_extra);
    keep = force || x->present || (d->presence_off && *DOMXML__CFIELD(obj, d->presence_off, bool));
    mark = b->len;
    domxml__buf_indent(b, depth);
    domxml__buf_add(b, "<", 1);
    domxml__buf_puts(b, d->name);
    after_name = b->len;
    domxml__format_extra_attrs(b, x, 0);
    for (unsigned i = 0; i < d->n_attrs; i++) {
        domxml__format_attr(b, d, &d->attrs[i], obj);
        domxml__format_extra_attrs(b, x, i + 1);
    }
    after_attrs = b->len;
    if (d->text_kind != DOMXML__K_NONE && (domxml__has_text(d, obj) || x->children)) {
        /* Text content on one line; comments kept inside it go after the
         * text, unindented, so that the text reads back unchanged. */
        bool pretty = b->pretty;

        domxml__buf_add(b, ">", 1);
        if (domxml__has_text(d, obj))
            domxml__format_text_value(b, d, obj);
        b->pretty = false;
        domxml__format_kids(b, d, obj, depth + 1);
        b->pretty = pretty;
        domxml__close_tag(b, d->name);
        return;
    }
    domxml__buf_add(b, ">", 1);
    domxml__buf_newline(b);
    body = b->len;
    domxml__format_kids(b, d, obj, depth + 1);
    if (b->oom)
        return;
    if (b->len != body) {
        domxml__buf_indent(b, depth);
        domxml__close_tag(b, d->name);
        return;
    }
    if (after_attrs == after_name && !keep) {
        b->len = mark;
        return;
    }
    b->len = after_attrs;
    domxml__buf_add(b, "/>", 2);
    domxml__buf_newline(b);
}

void domxml__format_elem(domxml__buf *b, const domxml__elem *d, const void *obj,
                         const void *parent, unsigned depth)
{
    domxml__format_elem_full(b, d, obj, parent, depth, false);
}

/* ------------------------------------------------------------------ */
/* Generic nodes                                                        */

typedef enum domxml__content {
    DOMXML__EMPTY,    /* no children */
    DOMXML__TEXT,     /* text only: written inline, verbatim */
    DOMXML__ELEMENTS, /* elements, comments, PIs and white space: re-indented */
    DOMXML__MIXED     /* text with elements: written verbatim, no indentation */
} domxml__content;

static domxml__content domxml__classify(const domxml_node *n)
{
    bool text = false, other = false, real_text = false;

    for (const domxml_node *c = n->children; c; c = c->next) {
        if (c->kind == DOMXML_NODE_TEXT) {
            text = true;
            if (c->text && !domxml__is_ws(c->text, strlen(c->text)))
                real_text = true;
        } else {
            other = true;
        }
    }
    if (!text && !other)
        return DOMXML__EMPTY;
    if (!other)
        return DOMXML__TEXT;
    return real_text ? DOMXML__MIXED : DOMXML__ELEMENTS;
}

static void domxml__format_generic(domxml__buf *b, const domxml_node *n, unsigned depth)
{
    /* Inside mixed content every child is written as read, white space
     * included. */
    domxml__content content = b->pretty ? domxml__classify(n)
                              : n->children ? DOMXML__MIXED : DOMXML__EMPTY;
    bool pretty = b->pretty;

    domxml__buf_indent(b, depth);
    domxml__buf_add(b, "<", 1);
    domxml__buf_puts(b, n->name);
    for (const domxml_attr *a = n->attrs; a; a = a->next) {
        if (a->name && a->value) /* a half-built attribute is not written */
            domxml__buf_attr(b, a->name, a->value);
    }
    if (content == DOMXML__EMPTY) {
        domxml__buf_add(b, "/>", 2);
        domxml__buf_newline(b);
        return;
    }
    domxml__buf_add(b, ">", 1);
    if (content == DOMXML__ELEMENTS) {
        domxml__buf_newline(b);
        for (const domxml_node *c = n->children; c; c = c->next) {
            if (c->kind != DOMXML_NODE_TEXT)
                domxml__format_node(b, c, depth + 1);
        }
        domxml__buf_indent(b, depth);
    } else {
        b->pretty = false;
        for (const domxml_node *c = n->children; c; c = c->next)
            domxml__format_node(b, c, depth + 1);
        b->pretty = pretty;
    }
    domxml__close_tag(b, n->name);
}

static void domxml__format_comment(domxml__buf *b, const domxml_node *n, unsigned depth)
{
    const char *t = n->text ? n->text : "";
    size_t len = strlen(t);

    if (strstr(t, "--") || (len && t[len - 1] == '-')) {
        domxml__bad_node(b, "a comment containing '--' or ending in '-'");
        return;
    }
    domxml__buf_indent(b, depth);
    domxml__buf_add(b, "<!--", 4);
    domxml__buf_add(b, t, len);
    domxml__buf_add(b, "-->", 3);
    domxml__buf_newline(b);
}

static void domxml__format_pi(domxml__buf *b, const domxml_node *n, unsigned depth)
{
    if (!n->name || !n->name[0] || strcasecmp(n->name, "xml") == 0 ||
        (n->text && strstr(n->text, "?>"))) {
        domxml__bad_node(b, "a processing instruction without a valid target or "
                            "containing '?>'");
        return;
    }
    domxml__buf_indent(b, depth);
    domxml__buf_add(b, "<?", 2);
    domxml__buf_puts(b, n->name);
    if (n->text && n->text[0]) {
        domxml__buf_add(b, " ", 1);
        domxml__buf_puts(b, n->text);
    }
    domxml__buf_add(b, "?>", 2);
    domxml__buf_newline(b);
}

void domxml__format_node(domxml__buf *b, const domxml_node *n, unsigned depth)
{
    if (depth >= DOMXML__MAX_DEPTH) {
        domxml__bad_node(b, "a tree nested deeper than 1024 levels");
        return;
    }
    switch (n->kind) {
    case DOMXML_NODE_ELEMENT:
        if (!n->name || !n->name[0])
            domxml__bad_node(b, "an element without a name");
        else
            domxml__format_generic(b, n, depth);
        return;
    case DOMXML_NODE_TEXT:
        /* Parsing never puts text among a modelled element's children,
         * where indentation would change it. */
        if (b->pretty && depth > 0 && b->in_typed)
            domxml__bad_node(b, "text inside a modelled element");
        else if (n->text)
            domxml__buf_escape_text(b, n->text);
        return;
    case DOMXML_NODE_COMMENT:
        domxml__format_comment(b, n, depth);
        return;
    case DOMXML_NODE_PI:
        domxml__format_pi(b, n, depth);
        return;
    case DOMXML_NODE_INTERFACE:
        if (!n->interface)
            domxml__bad_node(b, "an INTERFACE node without its struct");
        else
            domxml__format_elem_full(b, &domxml__interface_elem, n->interface, NULL, depth, true);
        return;
    case DOMXML_NODE_HOSTDEV:
        if (!n->hostdev)
            domxml__bad_node(b, "a HOSTDEV node without its struct");
        else
            domxml__format_elem_full(b, &domxml__hostdev_elem, n->hostdev, NULL, depth, true);
        return;
    case DOMXML_NODE_KIND_LAST:
        break;
    }
    domxml__bad_node(b, "a node of an unknown kind");
}
