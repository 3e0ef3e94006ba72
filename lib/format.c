/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Structs to bytes in libvirt's style: two-space indent, single quotes,
 * fixed attribute and child order (the descriptor tables' order); a modelled
 * element is written when its pointer is set. Generic nodes are written back
 * as read; only the white space between element children is re-indented.
 * The tree has passed the rule walk (rules.c): every value is writable.
 */
#include <string.h>
#include <strings.h>

#include "desc.h"
#include "checks.h"
#include "extra.h"
#include "format.h"
#include "metadata.h"
#include "teaming.h"
#include "values.h"

static void domxml__format_node(domxml__buf *b, const domxml_node *n, unsigned depth,
                                unsigned where, const char *parent);
static void domxml__format_elem(domxml__buf *b, const domxml__elem *d, const void *obj,
                                const void *parent, unsigned depth);

static void domxml__format_extra_attrs(domxml__buf *b, const domxml_extra *x, unsigned anchor)
{
    for (const domxml_extra_attr *a = x ? x->attrs : NULL; a; a = a->next) {
        if (a->anchor == anchor)
            domxml__buf_attr(b, a->name, a->value);
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

static void domxml__format_attr(domxml__buf *b, const domxml__attr *a, const void *obj)
{
    const void *field = (const char *)obj + a->off;
    int v;

    if (!domxml__attr_is_set(a, obj))
        return;
    if (a->kind == DOMXML__K_HOOK) {
        a->format(b, obj);
        return;
    }
    domxml__buf_add(b, a->lead, a->lead_len); /* " name='" */
    switch ((domxml__kind)a->kind) {
    case DOMXML__K_STR:
    case DOMXML__K_UUID:
        domxml__buf_escape_attr(b, *(const char *const *)field);
        break;
    case DOMXML__K_ENUM:
        domxml__buf_puts(b, domxml__enum_name(a->etab, *(const int *)field));
        break;
    case DOMXML__K_UINT:
        domxml__buf_number(b, ((const domxml_uint *)field)->value, a->fmt);
        break;
    case DOMXML__K_ULLONG:
        domxml__buf_number(b, ((const domxml_ullong *)field)->value, a->fmt);
        break;
    case DOMXML__K_INT:
        v = ((const domxml_int *)field)->value;
        if (v < 0)
            domxml__buf_add(b, "-", 1);
        domxml__buf_number(b, v < 0 ? 0ULL - (unsigned long long)v : (unsigned long long)v,
                           DOMXML__F_DEC);
        break;
    case DOMXML__K_HOOK:
    case DOMXML__K_NONE:
        break;
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

/* The start tag's ">" and the line end, written with the first child. */
static void domxml__open_body(domxml__buf *b, bool *open)
{
    if (*open)
        return;
    domxml__buf_add(b, ">", 1);
    domxml__buf_newline(b);
    *open = true;
}

static void domxml__format_extra_kids(domxml__buf *b, const domxml__elem *d,
                                      const domxml_extra *x, unsigned anchor, unsigned depth,
                                      bool *open)
{
    for (const domxml_node *n = x->children; n; n = n->next) {
        if (n->anchor == anchor) {
            domxml__open_body(b, open);
            domxml__format_node(b, n, depth, DOMXML__IN_TYPED, d->name);
        }
    }
}

/* The children in table order, kept unknown ones at their anchors. */
static void domxml__format_kids(domxml__buf *b, const domxml__elem *d, const void *obj,
                                const domxml_extra *x, unsigned depth, bool *open)
{
    if (x && x->children)
        domxml__format_extra_kids(b, d, x, 0, depth, open);
    for (unsigned i = 0; i < d->n_kids; i++) {
        const domxml__child *row = &d->kids[i];
        const void *item = domxml__kid(row, obj);

        if (item && row->applies && !row->applies(obj)) {
            domxml__check_row(b->ck, d, row); /* it would be lost */
            return;
        }
        if (item) {
            domxml__open_body(b, open);
            if (row->how == DOMXML__C_PTR)
                domxml__format_elem(b, row->elem, item, obj, depth);
            else
                for (; item; item = *(const void *const *)item)
                    domxml__format_elem(b, row->elem, item, obj, depth);
        }
        if (x && x->children)
            domxml__format_extra_kids(b, d, x, i + 1, depth, open);
    }
}

/* Write one modelled element (present: its pointer is set). */
static void domxml__format_elem(domxml__buf *b, const domxml__elem *d, const void *obj,
                                const void *parent, unsigned depth)
{
    const domxml_extra *x;
    bool open = false;

    if (b->ck->failed)
        return;
    if (d->refine)
        d = d->refine(obj, parent);
    x = domxml__extra_get(b->doc, DOMXML__CFIELD(obj, d->meta_off, domxml_meta));
    if (depth >= DOMXML__MAX_DEPTH) {
        domxml__rule(b->ck->diag, DOMXML_ERR_LIMIT, "too deep");
        return;
    }
    /* The element's rule before any of it is written: attribute hooks and
     * children rely on it (a hand-set enum out of range has no name). */
    if (domxml__check_elem(b->ck, d, obj, x) < 0 ||
        (d->check && d->check(b->ck->diag, obj, parent) < 0))
        return;
    domxml__buf_indent(b, depth);
    domxml__buf_add(b, d->open, d->open_len);
    for (unsigned i = 0; i < d->n_attrs; i++) {
        if (x && x->attrs)
            domxml__format_extra_attrs(b, x, i);
        domxml__format_attr(b, &d->attrs[i], obj);
    }
    if (x && x->attrs)
        domxml__format_extra_attrs(b, x, d->n_attrs);
    if (d->text_kind != DOMXML__K_NONE && (domxml__text_is_set(d, obj) || (x && x->children))) {
        /* Text content on one line; comments kept inside it go after the
         * text, unindented, so that the text reads back unchanged. */
        bool pretty = b->pretty;

        domxml__buf_add(b, ">", 1);
        if (domxml__text_is_set(d, obj))
            domxml__format_text_value(b, d, obj);
        b->pretty = false;
        open = true;
        domxml__format_kids(b, d, obj, x, depth + 1, &open);
        b->pretty = pretty;
        domxml__buf_add(b, d->close, d->close_len);
        domxml__buf_newline(b);
        return;
    }
    domxml__format_kids(b, d, obj, x, depth + 1, &open);
    if (b->ck->failed)
        return;
    if (!open) {
        domxml__buf_add(b, "/>", 2);
        domxml__buf_newline(b);
        return;
    }
    domxml__buf_indent(b, depth);
    domxml__buf_add(b, d->close, d->close_len);
    domxml__buf_newline(b);
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
        return n->layout & DOMXML_LAYOUT_WS_BEFORE_END ? DOMXML__TEXT : DOMXML__EMPTY;
    if (!other)
        return DOMXML__TEXT;
    return real_text ? DOMXML__MIXED : DOMXML__ELEMENTS;
}

/* Indentation the parser kept as a layout flag, written back verbatim
 * inside content whose white space matters. */
static void domxml__raw_indent(domxml__buf *b, unsigned depth)
{
    bool pretty = b->pretty;

    b->pretty = true;
    domxml__buf_add(b, "\n", 1);
    domxml__buf_indent(b, depth);
    b->pretty = pretty;
}

static void domxml__format_generic(domxml__buf *b, const domxml_node *n, unsigned depth,
                                   unsigned where)
{
    bool domain_root = where & DOMXML__AT_ROOT;
    unsigned kids = domain_root ? DOMXML__IN_DOMAIN
                    : (where & DOMXML__IN_DOMAIN) && strcmp(n->name, "devices") == 0
                        ? DOMXML__IN_DEVICES
                        : 0;

    if (domxml__check_generic(b->ck, n, domain_root) < 0)
        return;
    /* Inside mixed content every child is written as read, white space
     * included. */
    domxml__content content =
        b->pretty ? domxml__classify(n)
        : n->children || (n->layout & DOMXML_LAYOUT_WS_BEFORE_END) ? DOMXML__MIXED
                                                                    : DOMXML__EMPTY;
    bool pretty = b->pretty;

    domxml__buf_indent(b, depth);
    if (b->pretty && (where & DOMXML__IN_DOMAIN) && domxml__is_metadata(n)) {
        domxml__format_metadata(b, n, depth); /* libxml2's style, as libvirt writes it */
        domxml__buf_newline(b);
        return;
    }
    domxml__buf_add(b, "<", 1);
    domxml__buf_puts(b, n->name);
    for (const domxml_attr *a = n->attrs; a; a = a->next)
        domxml__buf_attr(b, a->name, a->value);
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
                domxml__format_node(b, c, depth + 1, kids, n->name);
            else if (domxml__check_node(b->ck, c, kids, n->name) < 0)
                return;
        }
        domxml__buf_indent(b, depth);
    } else {
        b->pretty = false;
        for (const domxml_node *c = n->children; c; c = c->next) {
            if (c->layout & DOMXML_LAYOUT_WS_BEFORE)
                domxml__raw_indent(b, depth + 1);
            domxml__format_node(b, c, depth + 1, kids, n->name);
        }
        if (n->layout & DOMXML_LAYOUT_WS_BEFORE_END)
            domxml__raw_indent(b, depth);
        b->pretty = pretty;
    }
    domxml__close_tag(b, n->name);
}

static void domxml__format_node(domxml__buf *b, const domxml_node *n, unsigned depth,
                                unsigned where, const char *parent)
{
    if (domxml__check_visit(b->ck, n, depth, where, parent) < 0)
        return;
    switch (n->kind) {
    case DOMXML_NODE_ELEMENT:
        domxml__format_generic(b, n, depth, where);
        return;
    case DOMXML_NODE_TEXT:
        domxml__buf_escape_text(b, n->text);
        return;
    case DOMXML_NODE_COMMENT:
    case DOMXML_NODE_PI:
        domxml__buf_indent(b, depth);
        if (n->kind == DOMXML_NODE_COMMENT)
            domxml__buf_comment(b, n->text);
        else
            domxml__buf_pi(b, n->name, n->text);
        domxml__buf_newline(b);
        return;
    case DOMXML_NODE_INTERFACE:
    case DOMXML_NODE_HOSTDEV:
        if (domxml__teaming_own_rules(b->ck->diag, n) < 0)
            return;
        if (n->kind == DOMXML_NODE_INTERFACE)
            domxml__format_elem(b, &domxml__interface_elem, n->interface, NULL, depth);
        else
            domxml__format_elem(b, &domxml__hostdev_elem, n->hostdev, NULL, depth);
        return;
    case DOMXML_NODE_KIND_LAST:
        break;
    }
}

/* Nothing is reported from here: a failed check stops the output, and the
 * reporting walk (rules.c) then says what and where. */
typedef struct domxml__quiet {
    domxml__diag diag; /* first */
    domxml__checker *ck;
} domxml__quiet;

static void domxml__quiet_report(domxml__diag *d, const domxml__problem *p)
{
    if (p->severity == DOMXML_SEVERITY_ERROR)
        ((domxml__quiet *)(void *)d)->ck->failed = true;
}

bool domxml__format_domain(domxml__buf *b, const domxml_domain *dom)
{
    domxml__checker ck;
    domxml__quiet quiet = {{domxml__quiet_report}, &ck};

    domxml__checker_init(&ck, &quiet.diag, dom->internal);
    b->ck = &ck;
    if (dom->xml_decl) {
        domxml__buf_puts(b, dom->xml_decl);
        domxml__buf_newline(b);
    }
    for (const domxml_node *n = dom->prolog; n; n = n->next)
        domxml__format_node(b, n, 0, DOMXML__AT_ROOT, NULL);
    domxml__format_node(b, dom->root, 0, DOMXML__AT_ROOT, NULL);
    for (const domxml_node *n = dom->epilog; n; n = n->next)
        domxml__format_node(b, n, 0, DOMXML__AT_ROOT, NULL);
    b->ck = NULL;
    if (ck.nomem)
        b->oom = true; /* the caller says out of memory, not why it refused */
    return !ck.failed;
}
