/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The reporting rule walk: visits a whole tree (parsed, edited or built by
 * hand) in document order, applying the checks of checks.c and each
 * element's own rules, and reports the first problem with the path of the
 * element at fault and its input position when it has one.
 */
#include <stdio.h>

#include "arena.h"
#include "checks.h"
#include "error.h"
#include "extra.h"
#include "rules.h"
#include "teaming.h"

/* One step of the current path. Under a generic parent the index among
 * same-named siblings is counted only when an error needs it (`first`). */
typedef struct domxml__step {
    const char *name;
    unsigned index;            /* 0: count from `first` to `node` */
    const domxml_node *first, *node;
    unsigned line, column;     /* the element's start tag, 0 if built by hand */
} domxml__step;

typedef struct domxml__walk {
    domxml__diag diag; /* first: the checks report through it */
    domxml__checker ck;
    domxml_error *err;
    domxml__step steps[DOMXML__MAX_DEPTH + 1];
    unsigned depth;
    bool failed;
} domxml__walk;

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
                             unsigned where);

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
    x = domxml__extra_get(w->ck.doc, m);
    if (!domxml__push_step(w, d->name, index, first, node, m->line, m->column) ||
        domxml__check_elem(&w->ck, d, obj, x) < 0)
        return -1;
    for (const domxml_node *n = x ? x->children : NULL; n; n = n->next) {
        if (domxml__walk_node(w, n, x->children, DOMXML__IN_TYPED) < 0)
            return -1;
    }
    for (unsigned i = 0; i < d->n_kids; i++) {
        const domxml__child *row = &d->kids[i];
        const void *item = domxml__kid(row, obj);
        unsigned k = 0;

        if (item && row->applies && !row->applies(obj))
            return domxml__check_row(&w->ck, d, row);
        for (; item; item = row->how == DOMXML__C_LIST ? *(const void *const *)item : NULL) {
            k += row->how == DOMXML__C_LIST;
            if (domxml__walk_elem(w, row->elem, item, obj, k ? k : 1, NULL, NULL) < 0)
                return -1;
        }
    }
    if (d->check && d->check(&w->diag, obj, parent) < 0)
        return -1;
    w->depth--;
    return 0;
}

static int domxml__walk_node(domxml__walk *w, const domxml_node *n, const domxml_node *first,
                             unsigned where)
{
    const char *parent = w->depth ? w->steps[w->depth - 1].name : NULL;
    bool domain_root = (where & DOMXML__AT_ROOT) && n->kind == DOMXML_NODE_ELEMENT;
    unsigned kids_where = domain_root ? DOMXML__IN_DOMAIN : 0;

    if (domxml__check_node(&w->ck, n, where, parent) < 0)
        return -1;
    switch (n->kind) {
    case DOMXML_NODE_ELEMENT:
        if ((where & DOMXML__IN_DOMAIN) && strcmp(n->name, "devices") == 0)
            kids_where = DOMXML__IN_DEVICES;
        if (!domxml__push_step(w, n->name, 0, first, n, n->line, n->column) ||
            domxml__check_generic(&w->ck, n, domain_root) < 0)
            return -1;
        for (const domxml_node *c = n->children; c; c = c->next) {
            if (domxml__walk_node(w, c, n->children, kids_where) < 0)
                return -1;
        }
        w->depth--;
        return 0;
    case DOMXML_NODE_INTERFACE:
        return domxml__walk_elem(w, &domxml__interface_elem, n->interface, NULL, 0, first, n);
    case DOMXML_NODE_HOSTDEV:
        return domxml__walk_elem(w, &domxml__hostdev_elem, n->hostdev, NULL, 0, first, n);
    default:
        return 0;
    }
}

int domxml__check_domain(const domxml_domain *dom, domxml_error *err)
{
    const domxml_memory *mem = &dom->internal->arena.mem;
    domxml_error local;
    domxml__walk *w;
    int rc = 0;

    if (!err)
        err = &local;
    if (domxml__check_root(dom, err) < 0)
        return -1;
    /* The path stack is big: on the heap, not the caller's stack. */
    w = mem->malloc_fcn(sizeof(*w));
    if (!w) {
        domxml__error_set(err, DOMXML_ERR_NOMEM, "out of memory");
        return -1;
    }
    w->diag.report = domxml__walk_report;
    domxml__checker_init(&w->ck, &w->diag, dom->internal);
    w->err = err;
    w->depth = 0;
    w->failed = false;
    for (const domxml_node *n = dom->prolog; n && rc == 0; n = n->next)
        rc = domxml__walk_node(w, n, NULL, DOMXML__AT_ROOT);
    if (rc == 0)
        rc = domxml__walk_node(w, dom->root, NULL, DOMXML__AT_ROOT);
    for (const domxml_node *n = dom->epilog; n && rc == 0; n = n->next)
        rc = domxml__walk_node(w, n, NULL, DOMXML__AT_ROOT);
    mem->free_fcn(w);
    /* Last, what a parse does after the tree: link the teaming pairs. */
    return rc < 0 ? rc : domxml__teaming_check(dom, err);
}
