/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The rule pass: walks a whole tree (parsed, edited or built by hand) and
 * applies what a parse of its formatted text would check, so that
 * domxml_format() never writes a document it cannot read back. Generic
 * nodes get the XML-level checks (names, text, comments, PIs, placement of
 * device nodes); modelled elements get the value checks of their
 * descriptor's attribute rows and their element's own check.
 */
#include <stdio.h>
#include <strings.h>

#include "arena.h"
#include "desc.h"
#include "error.h"
#include "extra.h"
#include "rules.h"
#include "values.h"

/* ------------------------------------------------------------------ */
/* Reporting                                                            */

static int domxml__vrule(domxml__diag *d, domxml_error_code code, const domxml_meta *at,
                         const char *rel, const char *fmt, va_list ap) DOMXML__PRINTF(5, 0);

static int domxml__vrule(domxml__diag *d, domxml_error_code code, const domxml_meta *at,
                         const char *rel, const char *fmt, va_list ap)
{
    char msg[sizeof(((domxml_error *)0)->message)];

    vsnprintf(msg, sizeof(msg), fmt, ap);
    d->report(d, code, at, rel, msg);
    return -1;
}

int domxml__rule(domxml__diag *d, domxml_error_code code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    domxml__vrule(d, code, NULL, NULL, fmt, ap);
    va_end(ap);
    return -1;
}

int domxml__rule_at(domxml__diag *d, domxml_error_code code, const domxml_meta *at,
                    const char *rel, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    domxml__vrule(d, code, at, rel, fmt, ap);
    va_end(ap);
    return -1;
}

/* ------------------------------------------------------------------ */
/* The walk                                                             */

/* One step of the current path. Under a generic parent the index among
 * same-named siblings is counted only when an error needs it (`first`). */
typedef struct domxml__step {
    const char *name;
    unsigned index;            /* 0: count from `first` to `node` */
    const domxml_node *first, *node;
    unsigned line, column;     /* the element's start tag, 0 if built by hand */
} domxml__step;

typedef struct domxml__walk {
    domxml__diag diag; /* first: rules report through it */
    const struct domxml__doc *doc;
    domxml_error *err;
    domxml__step steps[DOMXML__MAX_DEPTH + 1];
    unsigned depth;
    bool failed;
    /* Names already found valid, by address: parsed documents share one
     * copy per name, so each is looked at once. */
    const char *good_names[64];
} domxml__walk;

static bool domxml__name_ok(domxml__walk *w, const char *name)
{
    size_t slot = ((uintptr_t)name >> 3) % DOMXML__N(w->good_names);

    if (name && w->good_names[slot] == name)
        return true;
    if (!domxml__is_xml_name(name))
        return false;
    w->good_names[slot] = name;
    return true;
}

/* Same attribute name: shared copies compare by address first. */
static bool domxml__same_name(const char *a, const char *b)
{
    return a == b || (a[0] == b[0] && strcmp(a, b) == 0);
}

static const char *domxml__node_name(const domxml_node *n)
{
    switch (n->kind) {
    case DOMXML_NODE_ELEMENT:
        return n->name;
    case DOMXML_NODE_INTERFACE:
        return "interface";
    case DOMXML_NODE_HOSTDEV:
        return "hostdev";
    default:
        return NULL;
    }
}

static unsigned domxml__step_index(const domxml__step *s)
{
    unsigned index = 1;

    if (s->index || !s->first)
        return s->index ? s->index : 1;
    for (const domxml_node *n = s->first; n && n != s->node; n = n->next) {
        const char *name = domxml__node_name(n);
        if (name && strcmp(name, s->name) == 0)
            index++;
    }
    return index;
}

static void domxml__walk_report(domxml__diag *d, domxml_error_code code, const domxml_meta *at,
                                const char *rel, const char *message)
{
    domxml__walk *w = (domxml__walk *)(void *)d;
    char *p = w->err->path;
    size_t left = sizeof(w->err->path);

    if (w->failed)
        return;
    w->failed = true;
    domxml__error_set(w->err, code, "%s", message);
    if (at && at->line) {
        w->err->line = at->line;
        w->err->column = at->column;
    } else if (w->depth > 0 && !at) {
        w->err->line = w->steps[w->depth - 1].line;
        w->err->column = w->steps[w->depth - 1].column;
    }
    for (unsigned i = 0; i < w->depth && left > 1; i++) {
        const domxml__step *s = &w->steps[i];
        unsigned index = domxml__step_index(s);
        int n = index > 1 ? snprintf(p, left, "/%s[%u]", s->name, index)
                          : snprintf(p, left, "/%s", s->name);
        if (n < 0 || (size_t)n >= left)
            break;
        p += n;
        left -= (size_t)n;
    }
    if (rel && left > 1)
        snprintf(p, left, "/%s", rel);
}

static bool domxml__push_step(domxml__walk *w, const char *name, unsigned index,
                              const domxml_node *first, const domxml_node *node, unsigned line,
                              unsigned column)
{
    if (w->depth >= DOMXML__MAX_DEPTH) {
        domxml__rule(&w->diag, DOMXML_ERR_LIMIT, "the tree is nested deeper than %u levels",
                     (unsigned)DOMXML__MAX_DEPTH);
        return false;
    }
    w->steps[w->depth++] = (domxml__step){name, index, first, node, line, column};
    return true;
}

static int domxml__walk_node(domxml__walk *w, const domxml_node *n, const domxml_node *first,
                             bool in_typed, bool in_devices);
static int domxml__walk_elem(domxml__walk *w, const domxml__elem *d, const void *obj,
                             const void *parent, unsigned index, const domxml_node *first,
                             const domxml_node *node);

/* ------------------------------------------------------------------ */
/* Values of modelled elements                                          */

static int domxml__check_number(domxml__diag *d, const domxml__elem *e, const domxml__attr *a,
                                bool set, unsigned long long v, unsigned long long max)
{
    char text[24];

    if (!set) {
        if (v != 0)
            return domxml__rule(d, DOMXML_ERR_VALUE,
                                "attribute '%s' of <%s> holds a value but is not set", a->name,
                                e->name);
        return 0;
    }
    domxml__number_text(text, v, a->fmt);
    if (v > max)
        return domxml__rule(d, DOMXML_ERR_RANGE,
                            "value '%s' of attribute '%s' of <%s> is out of range (maximum %llu)",
                            text, a->name, e->name, max);
    if ((a->flags & DOMXML__A_NONZERO) && v == 0)
        return domxml__rule(d, DOMXML_ERR_RANGE,
                            "value '%s' of attribute '%s' of <%s> must not be zero", text,
                            a->name, e->name);
    return 0;
}

static int domxml__check_attr(domxml__diag *d, const domxml__elem *e, const domxml__attr *a,
                              const void *obj)
{
    const void *field = (const char *)obj + a->off;
    const domxml_int *i;
    const char *s;
    char uuid[37];
    int v;

    switch ((domxml__kind)a->kind) {
    case DOMXML__K_STR:
    case DOMXML__K_UUID:
        s = *(const char *const *)field;
        if (!s)
            return 0;
        if (!domxml__is_xml_text(s))
            return domxml__rule(d, DOMXML_ERR_VALUE,
                                "attribute '%s' of <%s> holds bytes that are not XML text "
                                "(invalid UTF-8 or a control character)", a->name, e->name);
        if ((a->flags & DOMXML__A_REQUIRED) && !*s)
            return domxml__rule(d, DOMXML_ERR_VALUE, "attribute '%s' of <%s> must not be empty",
                                a->name, e->name);
        if (a->kind == DOMXML__K_UUID && !domxml__parse_uuid(s, uuid))
            return domxml__rule(d, DOMXML_ERR_VALUE,
                                "invalid value '%s' for attribute '%s' of <%s>: expected a UUID",
                                s, a->name, e->name);
        return 0;
    case DOMXML__K_ENUM:
        v = *(const int *)field;
        if (v < 0 || (unsigned)v >= a->etab->count)
            return domxml__rule(d, DOMXML_ERR_VALUE,
                                "attribute '%s' of <%s> holds %d, which is not a value of its enum",
                                a->name, e->name, v);
        return 0;
    case DOMXML__K_UINT:
        return domxml__check_number(d, e, a, ((const domxml_uint *)field)->set,
                                    ((const domxml_uint *)field)->value,
                                    a->max ? a->max : 0xffffffffu);
    case DOMXML__K_ULLONG:
        return domxml__check_number(d, e, a, ((const domxml_ullong *)field)->set,
                                    ((const domxml_ullong *)field)->value,
                                    a->max ? a->max : ~0ULL);
    case DOMXML__K_INT:
        i = field;
        if (!i->set)
            return i->value ? domxml__rule(d, DOMXML_ERR_VALUE,
                                           "attribute '%s' of <%s> holds a value but is not set",
                                           a->name, e->name)
                            : 0;
        if (i->value < a->min || i->value > (a->max ? (long long)a->max : INT32_MAX))
            return domxml__rule(d, DOMXML_ERR_RANGE,
                                "value '%d' of attribute '%s' of <%s> is out of range "
                                "(%lld to %lld)", i->value, a->name, e->name, a->min,
                                a->max ? (long long)a->max : (long long)INT32_MAX);
        return 0;
    case DOMXML__K_HOOK:
    case DOMXML__K_NONE:
        return 0;
    }
    return 0;
}

int domxml__check_attrs(domxml__diag *d, const domxml__elem *e, const void *obj)
{
    for (unsigned i = 0; i < e->n_attrs; i++) {
        const domxml__attr *a = &e->attrs[i];

        if ((a->flags & DOMXML__A_REQUIRED) && !domxml__attr_is_set(a, obj))
            return domxml__rule(d, DOMXML_ERR_MISSING, "missing required attribute '%s' of <%s>",
                                a->name, e->name);
        if (domxml__check_attr(d, e, a, obj) < 0)
            return -1;
    }
    return 0;
}

/* The text of a text element: a number kept with presence, or XML text. */
static int domxml__check_text(domxml__diag *d, const domxml__elem *e, const void *obj)
{
    const void *field = (const char *)obj + e->text_off;

    switch (e->text_kind) {
    case DOMXML__K_STR: {
        const char *s = *(const char *const *)field;
        if (s && !domxml__is_xml_text(s))
            return domxml__rule(d, DOMXML_ERR_VALUE,
                                "the text of <%s> holds bytes that are not XML text", e->name);
        return 0;
    }
    case DOMXML__K_UINT:
        if (!((const domxml_uint *)field)->set && ((const domxml_uint *)field)->value)
            return domxml__rule(d, DOMXML_ERR_VALUE, "the number in <%s> is not set", e->name);
        return 0;
    case DOMXML__K_ULLONG:
        if (!((const domxml_ullong *)field)->set && ((const domxml_ullong *)field)->value)
            return domxml__rule(d, DOMXML_ERR_VALUE, "the number in <%s> is not set", e->name);
        return 0;
    default:
        return 0;
    }
}

/* Unknown attributes kept on a modelled element: names XML can carry, not
 * the name of a known attribute (it would be read back as that one). */
static int domxml__check_extra_attrs(domxml__walk *w, const domxml__elem *e, const domxml_extra *x)
{
    for (const domxml_extra_attr *a = x ? x->attrs : NULL; a; a = a->next) {
        if (!domxml__name_ok(w, a->name) || !a->value || !domxml__is_xml_text(a->value))
            return domxml__rule(&w->diag, DOMXML_ERR_VALUE,
                                "a kept attribute of <%s> has a name or value XML cannot carry",
                                e->name);
        for (const domxml_extra_attr *b = x->attrs; b != a; b = b->next) {
            if (domxml__same_name(a->name, b->name))
                return domxml__rule(&w->diag, DOMXML_ERR_DUPLICATE,
                                    "duplicate attribute '%s' in <%s>", a->name, e->name);
        }
        for (unsigned i = 0; i < e->n_attrs; i++) {
            if (strcmp(e->attrs[i].name, a->name) == 0)
                return domxml__rule(&w->diag, DOMXML_ERR_DUPLICATE,
                                    "duplicate attribute '%s' in <%s>", a->name, e->name);
        }
    }
    return 0;
}

static int domxml__walk_kids(domxml__walk *w, const domxml__elem *d, const void *obj)
{
    for (unsigned i = 0; i < d->n_kids; i++) {
        const domxml__child *row = &d->kids[i];
        const void *item = domxml__kid(row, obj);
        unsigned index = 0;

        if (!item)
            continue;
        if (row->applies && !row->applies(obj))
            return domxml__rule(&w->diag, DOMXML_ERR_CONTENT,
                                "<%s> holds a <%s> that does not apply to it here "
                                "and would not be written", d->name, row->elem->name);
        if (row->how == DOMXML__C_PTR)
            index = 1;
        for (; item; item = row->how == DOMXML__C_LIST ? *(const void *const *)item : NULL) {
            if (row->how == DOMXML__C_LIST)
                index++;
            if (domxml__walk_elem(w, row->elem, item, obj, index, NULL, NULL) < 0)
                return -1;
        }
    }
    return 0;
}

/* A modelled element; `first`/`node` give a device's place among its
 * siblings (its index is counted only for an error). */
static int domxml__walk_elem(domxml__walk *w, const domxml__elem *d, const void *obj,
                             const void *parent, unsigned index, const domxml_node *first,
                             const domxml_node *node)
{
    const domxml_meta *m;
    const domxml_extra *x;

    if (d->refine)
        d = d->refine(obj, parent);
    m = DOMXML__CFIELD(obj, d->meta_off, domxml_meta);
    x = domxml__extra_get(w->doc, m);
    if (!domxml__push_step(w, d->name, index, first, node, m->line, m->column))
        return -1;
    if (domxml__check_attrs(&w->diag, d, obj) < 0 || domxml__check_extra_attrs(w, d, x) < 0 ||
        domxml__check_text(&w->diag, d, obj) < 0)
        return -1;
    for (const domxml_node *n = x ? x->children : NULL; n; n = n->next) {
        if (domxml__walk_node(w, n, x->children, true, false) < 0)
            return -1;
    }
    if (domxml__walk_kids(w, d, obj) < 0)
        return -1;
    if (d->check && d->check(&w->diag, obj, parent) < 0)
        return -1;
    w->depth--;
    return 0;
}

/* ------------------------------------------------------------------ */
/* Generic nodes                                                        */

static int domxml__walk_generic(domxml__walk *w, const domxml_node *n, bool devices)
{
    const domxml_node *c;
    bool seen_devices = false;

    for (const domxml_attr *a = n->attrs; a; a = a->next) {
        if (!domxml__name_ok(w, a->name) || !a->value || !domxml__is_xml_text(a->value))
            return domxml__rule(&w->diag, DOMXML_ERR_VALUE,
                                "an attribute of <%s> has a name or value XML cannot carry",
                                n->name);
        for (const domxml_attr *b = n->attrs; b != a; b = b->next) {
            if (domxml__same_name(a->name, b->name))
                return domxml__rule(&w->diag, DOMXML_ERR_DUPLICATE,
                                    "duplicate attribute '%s' in <%s>", a->name, n->name);
        }
    }
    for (c = n->children; c; c = c->next) {
        bool is_devices = w->depth == 1 && strcmp(w->steps[0].name, "domain") == 0 &&
                          c->kind == DOMXML_NODE_ELEMENT && c->name &&
                          strcmp(c->name, "devices") == 0;
        if (is_devices && seen_devices)
            return domxml__rule(&w->diag, DOMXML_ERR_DUPLICATE,
                                "element <devices> may appear only once in <domain>");
        seen_devices |= is_devices;
        if (domxml__walk_node(w, c, n->children, false, devices) < 0)
            return -1;
    }
    return 0;
}

static int domxml__walk_node(domxml__walk *w, const domxml_node *n, const domxml_node *first,
                             bool in_typed, bool in_devices)
{
    const char *parent = w->depth ? w->steps[w->depth - 1].name : NULL;
    const char *t = n->text;
    size_t len;
    bool devices;

    switch (n->kind) {
    case DOMXML_NODE_ELEMENT:
        if (!domxml__name_ok(w, n->name))
            return domxml__rule(&w->diag, DOMXML_ERR_VALUE,
                                "an element has no name or one XML cannot carry");
        if (in_devices && (strcmp(n->name, "interface") == 0 || strcmp(n->name, "hostdev") == 0))
            return domxml__rule(&w->diag, DOMXML_ERR_CONTENT,
                                "a generic <%s> element in <devices> would be read back as a "
                                "modelled device: use domxml_%s_node_new()", n->name, n->name);
        devices = w->depth == 1 && strcmp(w->steps[0].name, "domain") == 0 &&
                  strcmp(n->name, "devices") == 0;
        if (!domxml__push_step(w, n->name, 0, first, n, n->line, n->column) ||
            domxml__walk_generic(w, n, devices) < 0)
            return -1;
        w->depth--;
        return 0;
    case DOMXML_NODE_TEXT:
        if (in_typed)
            return domxml__rule(&w->diag, DOMXML_ERR_CONTENT, "text is not allowed in <%s>",
                                parent);
        if (!t || !domxml__is_xml_text(t))
            return domxml__rule(&w->diag, DOMXML_ERR_VALUE,
                                "a text node holds no text or bytes that are not XML text");
        return 0;
    case DOMXML_NODE_COMMENT:
        len = t ? strlen(t) : 0;
        if (!t || strstr(t, "--") || (len && t[len - 1] == '-') || !domxml__is_xml_text(t))
            return domxml__rule(&w->diag, DOMXML_ERR_VALUE,
                                "a comment that is missing, contains '--', ends in '-' or holds "
                                "bytes that are not XML text");
        return 0;
    case DOMXML_NODE_PI:
        if (!domxml__is_xml_name(n->name) || strcasecmp(n->name, "xml") == 0 ||
            (t && (strstr(t, "?>") || !domxml__is_xml_text(t))))
            return domxml__rule(&w->diag, DOMXML_ERR_VALUE,
                                "a processing instruction without a valid target or "
                                "containing '?>'");
        return 0;
    case DOMXML_NODE_INTERFACE:
    case DOMXML_NODE_HOSTDEV:
        if (!in_devices && w->depth > 0)
            return domxml__rule(&w->diag, DOMXML_ERR_CONTENT,
                                "a modelled <%s> outside <devices> would be read back as a "
                                "generic element", domxml__node_name(n));
        if (n->kind == DOMXML_NODE_INTERFACE ? !n->interface : !n->hostdev)
            return domxml__rule(&w->diag, DOMXML_ERR_INVALID_ARG,
                                "a device node without its struct");
        return n->kind == DOMXML_NODE_INTERFACE
                   ? domxml__walk_elem(w, &domxml__interface_elem, n->interface, NULL, 0, first, n)
                   : domxml__walk_elem(w, &domxml__hostdev_elem, n->hostdev, NULL, 0, first, n);
    case DOMXML_NODE_KIND_LAST:
        break;
    }
    return domxml__rule(&w->diag, DOMXML_ERR_INVALID_ARG, "a node of an unknown kind");
}

/* Before and after the root: comments and PIs only. */
static int domxml__walk_misc(domxml__walk *w, const domxml_node *list)
{
    for (const domxml_node *n = list; n; n = n->next) {
        if (n->kind != DOMXML_NODE_COMMENT && n->kind != DOMXML_NODE_PI)
            return domxml__rule(&w->diag, DOMXML_ERR_CONTENT,
                                "only comments and processing instructions may stand outside "
                                "the root element");
        if (domxml__walk_node(w, n, NULL, false, false) < 0)
            return -1;
    }
    return 0;
}

int domxml__check_domain(const domxml_domain *dom, domxml_error *err)
{
    domxml__walk *w;
    domxml_error local;
    const domxml_memory *mem = &dom->internal->arena.mem;
    const domxml_node *root = dom->root;
    int rc = -1;

    if (!err)
        err = &local;
    if (!root) {
        domxml__error_set(err, DOMXML_ERR_INVALID_ARG, "document has no root element");
        return -1;
    }
    if (root->kind == DOMXML_NODE_ELEMENT ? !root->name || strcmp(root->name, "domain") != 0
                                          : root->kind != DOMXML_NODE_INTERFACE &&
                                                root->kind != DOMXML_NODE_HOSTDEV) {
        domxml__error_set(err, DOMXML_ERR_UNSUPPORTED,
                          "the root is not a <domain> element or a device node");
        return -1;
    }
    /* The path stack is big: on the heap, not the caller's stack. */
    w = mem->malloc_fcn(sizeof(*w));
    if (!w) {
        domxml__error_set(err, DOMXML_ERR_NOMEM, "out of memory");
        return -1;
    }
    w->diag.report = domxml__walk_report;
    w->doc = dom->internal;
    w->err = err;
    w->depth = 0;
    w->failed = false;
    memset(w->good_names, 0, sizeof(w->good_names));
    if (domxml__walk_misc(w, dom->prolog) == 0 && domxml__walk_node(w, root, NULL, false, false) == 0 &&
        domxml__walk_misc(w, dom->epilog) == 0)
        rc = 0;
    mem->free_fcn(w);
    return rc;
}
