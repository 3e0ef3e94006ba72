/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The rule walk: visits a whole tree (parsed, edited or built by hand) in
 * document order, applying the checks of checks.c and each element's own
 * rules. In its first mode it stops at the first problem and fills a
 * domxml_error (domxml_domain_check(), and the formatter's explanation of
 * a refusal); in its second it collects every problem as a diagnostic
 * (domxml_domain_validate(), with the device rules of validate.c).
 */
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "checks.h"
#include "domain_rules.h"
#include "error.h"
#include "extra.h"
#include "rules.h"
#include "teaming.h"
#include "metadata.h"
#include "validate.h"

/* One step of the current path. Under a generic parent the index among
 * same-named siblings is counted only when a problem needs it (`first`). */
typedef struct domxml__step {
    const char *name;
    const domxml_meta *meta;   /* a modelled element's, else NULL */
    unsigned index;            /* 0: count from `first` to `node` */
    const domxml_node *first, *node;
    unsigned line, column;     /* the element's start tag, 0 if built by hand */
} domxml__step;

/* The diagnostics of one validation, in their own arena. */
struct domxml__diags {
    domxml_diagnostics pub; /* first */
    domxml__arena arena;
    domxml_diagnostic *items;
    size_t cap;
    bool nomem;
};

typedef struct domxml__walk {
    domxml__diag diag; /* first: the checks report through it */
    domxml__checker ck;
    domxml_error *err;          /* first-problem mode */
    struct domxml__diags *out;  /* collecting mode */
    domxml__step steps[DOMXML__MAX_DEPTH + 1];
    unsigned depth;
    bool failed;                /* first-problem mode: one was reported */
} domxml__walk;

static unsigned domxml__step_index(const domxml__step *s)
{
    unsigned index = 1;

    if (s->index || !s->first)
        return s->index ? s->index : 1;
    for (const domxml_node *n = s->first; n && n != s->node; n = n->next) {
        const char *name = domxml__node_tag(n);
        if (name && strcmp(name, s->name) == 0)
            index++;
    }
    return index;
}

/* ------------------------------------------------------------------ */
/* Diagnostics                                                          */

static char *domxml__dstrdup(struct domxml__diags *ds, const char *s)
{
    char *p = domxml__strndup(&ds->arena, s, strlen(s));

    ds->nomem |= !p;
    return p;
}

void domxml__diags_add(struct domxml__diags *ds, domxml_severity severity,
                       domxml_error_code kind, const char *id, unsigned long line,
                       unsigned long column, const char *path, const char *message)
{
    domxml_diagnostic *item;
    char clean[1600];

    if (ds->nomem)
        return;
    domxml__message_copy(clean, sizeof(clean), message, false); /* escaped, whoever wrote it */
    if (ds->pub.count == ds->cap) {
        size_t cap = ds->cap ? ds->cap * 2 : 16;
        domxml_diagnostic *bigger = ds->arena.mem.realloc_fcn(ds->items, cap * sizeof(*bigger));
        if (!bigger) {
            ds->nomem = true;
            return;
        }
        ds->items = bigger;
        ds->cap = cap;
    }
    item = &ds->items[ds->pub.count];
    item->code = domxml__dstrdup(ds, id);
    item->kind = kind;
    item->severity = severity;
    item->line = line;
    item->column = column;
    item->path = domxml__dstrdup(ds, path);
    item->message = domxml__dstrdup(ds, clean);
    if (ds->nomem)
        return;
    ds->pub.count++;
    if (severity == DOMXML_SEVERITY_ERROR)
        ds->pub.errors++;
    else
        ds->pub.warnings++;
}

void domxml__diags_nomem(struct domxml__diags *ds)
{
    ds->nomem = true;
}

/* Document order: by position, hand-built (position 0) first, otherwise as
 * found (the sort is stable: ties keep the walk's order). */
static int domxml__diag_cmp(const domxml_diagnostic *a, const domxml_diagnostic *b)
{
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->column != b->column)
        return a->column < b->column ? -1 : 1;
    return 0;
}

static void domxml__diags_sort(struct domxml__diags *ds)
{
    domxml_diagnostic *v = ds->items;

    for (size_t i = 1; i < ds->pub.count; i++) { /* insertion sort: few, mostly in order */
        domxml_diagnostic x = v[i];
        size_t j = i;
        while (j > 0 && domxml__diag_cmp(&v[j - 1], &x) > 0) {
            v[j] = v[j - 1];
            j--;
        }
        v[j] = x;
    }
}

/* ------------------------------------------------------------------ */
/* The walk                                                             */

/* The path of the current element, then `rel`; returns its whole length
 * (what did not fit in p is counted, not written). */
static size_t domxml__walk_path(const domxml__walk *w, const char *rel, char *p, size_t size)
{
    size_t len = 0;

    *p = '\0';
    for (unsigned i = 0; i < w->depth; i++)
        domxml__path_step(p, size, &len, w->steps[i].name, domxml__step_index(&w->steps[i]));
    if (rel)
        domxml__path_step(p, size, &len, rel, 0);
    return len;
}

/* A code for a problem whose rule names none: its class and element. */
static const char *domxml__default_id(const domxml__walk *w, const domxml__problem *p, char *buf,
                                      size_t size)
{
    const char *elem = w->depth ? w->steps[w->depth - 1].name : "document";
    const char *slash = p->rel ? strrchr(p->rel, '/') : NULL;

    if (p->rel)
        elem = slash ? slash + 1 : p->rel;
    snprintf(buf, size, "%s.%s", domxml_error_code_to_string(p->kind), elem);
    return buf;
}

/* A problem about an attribute points at it, when the parse kept where the
 * attributes stand (DOMXML_PARSE_ATTR_POSITIONS). */
static void domxml__attr_position(const domxml__walk *w, const char *attr, unsigned long *line,
                                  unsigned long *column)
{
    const domxml_meta *m = w->steps[w->depth - 1].meta;
    const domxml__attr_positions *pos = m ? domxml__map_get(&w->ck.doc->positions, m) : NULL;

    for (unsigned i = 0; pos && i < pos->count; i++) {
        if (strcmp(pos->at[i].name, attr) == 0) {
            *line = pos->at[i].line;
            *column = pos->at[i].column;
            return;
        }
    }
}

static void domxml__walk_report(domxml__diag *d, const domxml__problem *p)
{
    domxml__walk *w = (domxml__walk *)(void *)d;
    unsigned long line = 0, column = 0;
    char path[sizeof(w->err->path)], id[96];

    if (p->at && p->at->line) {
        line = p->at->line;
        column = p->at->column;
    } else if (w->depth > 0 && !p->at) {
        line = w->steps[w->depth - 1].line;
        column = w->steps[w->depth - 1].column;
        if (p->attr)
            domxml__attr_position(w, p->attr, &line, &column);
    }
    if (w->out && p->kind == DOMXML_ERR_NOMEM) {
        w->out->nomem = true; /* a check could not allocate: the call fails */
        return;
    }
    if (w->out) {
        domxml__walk_path(w, p->rel, path, sizeof(path));
        domxml__diags_add(w->out,
                          p->severity == DOMXML__SEVERITY_STRICT ? DOMXML_SEVERITY_ERROR
                                                                 : p->severity,
                          p->kind,
                          p->id ? p->id : domxml__default_id(w, p, id, sizeof(id)), line, column,
                          path, p->message);
        return;
    }
    if (w->failed || p->severity != DOMXML_SEVERITY_ERROR)
        return;
    w->failed = true;
    domxml__error_set(w->err, p->kind, "%s", p->message);
    w->err->line = line;
    w->err->column = column;
    char full[DOMXML__PATH_WORK];
    size_t len = domxml__walk_path(w, p->rel, full, sizeof(full));
    domxml__error_path(w->err, full, len);
}

/* Stop walking: the first problem is found, or diagnostics ran out of memory. */
static bool domxml__stop(const domxml__walk *w)
{
    return w->out ? w->out->nomem : w->failed;
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
    w->steps[w->depth++] = (domxml__step){name, NULL, index, first, node, line, column};
    return true;
}

static int domxml__walk_node(domxml__walk *w, const domxml_node *n, const domxml_node *first,
                             unsigned where);

/* A device's own teaming rules, unless its <teaming> type is out of its
 * enum (the element's check says so). */
static bool domxml__teaming_rules_apply(const domxml_node *device)
{
    const domxml_teaming *t = domxml_node_teaming(device);

    return t && (unsigned)t->type < DOMXML_TEAMING_TYPE_LAST;
}

/* A modelled element; `first`/`node` give a device's place among its
 * siblings (its index is counted only for a problem). Returns -1 to stop
 * the walk, 0 to go on. */
static int domxml__walk_elem(domxml__walk *w, const domxml__elem *d, const void *obj,
                             const void *parent, unsigned index, const domxml_node *first,
                             const domxml_node *node)
{
    const domxml_meta *m;
    const domxml_extra *x;
    bool own_ok;

    if (d->refine)
        d = d->refine(obj, parent);
    m = DOMXML__CFIELD(obj, d->meta_off, domxml_meta);
    x = domxml__extra_get(w->ck.doc, m);
    if (!domxml__push_step(w, d->name, index, first, node, m->line, m->column))
        return domxml__stop(w) ? -1 : 0;
    w->steps[w->depth - 1].meta = m;
    own_ok = domxml__check_elem(&w->ck, d, obj, x) == 0;
    if (!own_ok && domxml__stop(w))
        return -1;
    for (const domxml_node *n = x ? x->children : NULL; n; n = n->next) {
        if (domxml__walk_node(w, n, x->children, DOMXML__IN_TYPED) < 0)
            return -1;
    }
    for (unsigned i = 0; i < d->n_kids; i++) {
        const domxml__child *row = &d->kids[i];
        const void *item = domxml__kid(row, obj);
        unsigned k = 0;

        if (item && row->applies && !row->applies(obj)) {
            if (domxml__check_row(&w->ck, d, row) < 0 && domxml__stop(w))
                return -1;
            continue;
        }
        for (; item; item = row->how == DOMXML__C_LIST ? *(const void *const *)item : NULL) {
            k += row->how == DOMXML__C_LIST;
            if (domxml__walk_elem(w, row->elem, item, obj, k ? k : 1, NULL, NULL) < 0)
                return -1;
        }
    }
    /* The element's rule reads its values as the parser leaves them (required
     * ones present, enums in range): not run when those are already wrong. */
    if (own_ok && d->check && d->check(&w->diag, obj, parent) < 0 && domxml__stop(w))
        return -1;
    if (own_ok && node && domxml__teaming_rules_apply(node) &&
        domxml__teaming_own_rules(&w->diag, node) < 0 && domxml__stop(w))
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
        return domxml__stop(w) ? -1 : 0; /* a node that is wrong itself: not entered */
    switch (n->kind) {
    case DOMXML_NODE_ELEMENT:
        if ((where & DOMXML__IN_DOMAIN) && strcmp(n->name, "devices") == 0)
            kids_where = DOMXML__IN_DEVICES;
        if (!domxml__push_step(w, n->name, 0, first, n, n->line, n->column))
            return domxml__stop(w) ? -1 : 0;
        if (domxml__check_generic(&w->ck, n, domain_root) < 0 && domxml__stop(w))
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

static int domxml__walk_domain(domxml__walk *w, const domxml_domain *dom)
{
    for (const domxml_node *n = dom->prolog; n; n = n->next) {
        if (domxml__walk_node(w, n, NULL, DOMXML__AT_ROOT) < 0)
            return -1;
    }
    if (domxml__walk_node(w, dom->root, NULL, DOMXML__AT_ROOT) < 0)
        return -1;
    for (const domxml_node *n = dom->epilog; n; n = n->next) {
        if (domxml__walk_node(w, n, NULL, DOMXML__AT_ROOT) < 0)
            return -1;
    }
    return domxml__stop(w) ? -1 : 0;
}

/* The walk's state is big (the path stack): on the heap. */
static domxml__walk *domxml__walk_new(const domxml_domain *dom, domxml_error *err,
                                      struct domxml__diags *out)
{
    domxml__walk *w = dom->internal->arena.mem.malloc_fcn(sizeof(*w));

    if (!w)
        return NULL;
    w->diag.report = domxml__walk_report;
    domxml__checker_init(&w->ck, &w->diag, dom->internal);
    w->err = err;
    w->out = out;
    w->depth = 0;
    w->failed = false;
    return w;
}

int domxml__check_domain(const domxml_domain *dom, domxml_error *err)
{
    domxml_error local;
    domxml__walk *w;
    int rc;

    if (!err)
        err = &local;
    if (domxml__check_root(dom, err) < 0)
        return -1;
    if (!(w = domxml__walk_new(dom, err, NULL))) {
        domxml__error_set(err, DOMXML_ERR_NOMEM, "out of memory");
        return -1;
    }
    rc = domxml__walk_domain(w, dom);
    dom->internal->arena.mem.free_fcn(w);
    return rc;
}

/* ------------------------------------------------------------------ */
/* Validation                                                           */

domxml_diagnostics *domxml_domain_validate(const domxml_domain *dom, domxml_error *error)
{
    return domxml_domain_validate_with(dom, NULL, error);
}

/* The release the options ask for: the field when the caller's struct has it. */
static unsigned long domxml__libvirt_version(const domxml_validate_options *o)
{
    size_t end = offsetof(domxml_validate_options, libvirt_version) + sizeof(o->libvirt_version);

    return o && o->size >= end ? o->libvirt_version : 0;
}

domxml_diagnostics *domxml_domain_validate_with(const domxml_domain *dom,
                                                const domxml_validate_options *options,
                                                domxml_error *error)
{
    struct domxml__diags *ds;
    domxml_error root_err;
    domxml__walk *w;

    domxml__error_clear(error, NULL);
    if (!dom || !dom->internal) {
        domxml__error_set(error, DOMXML_ERR_INVALID_ARG, "not a document made by libdomxml");
        return NULL;
    }
    if (!domxml__options_ok(options, sizeof(*options), "validate options",
                            "domxml_validate_options_init", error))
        return NULL;
    ds = dom->internal->arena.mem.malloc_fcn(sizeof(*ds));
    if (!ds) {
        domxml__error_set(error, DOMXML_ERR_NOMEM, "out of memory");
        return NULL;
    }
    memset(ds, 0, sizeof(*ds));
    domxml__arena_init(&ds->arena, &dom->internal->arena.mem);
    ds->pub.internal = ds;
    domxml__error_clear(&root_err, NULL);
    if (domxml__check_root(dom, &root_err) < 0) {
        domxml__diags_add(ds, DOMXML_SEVERITY_ERROR, root_err.code, "content.document", 0, 0, "",
                          root_err.message);
    } else if ((w = domxml__walk_new(dom, NULL, ds))) {
        domxml__walk_domain(w, dom);
        dom->internal->arena.mem.free_fcn(w);
        domxml__validate_devices(dom, ds);
        domxml__validate_domain_rules(dom, domxml__libvirt_version(options), ds);
        domxml__validate_metadata(dom, ds);
    } else {
        ds->nomem = true;
    }
    if (ds->nomem) {
        domxml__error_set(error, DOMXML_ERR_NOMEM, "out of memory");
        domxml_diagnostics_free(&ds->pub);
        return NULL;
    }
    domxml__diags_sort(ds);
    ds->pub.items = ds->items;
    return &ds->pub;
}

void domxml_diagnostics_free(domxml_diagnostics *diagnostics)
{
    struct domxml__diags *ds;
    void (*free_fcn)(void *);

    if (!diagnostics || !diagnostics->internal)
        return;
    ds = diagnostics->internal;
    free_fcn = ds->arena.mem.free_fcn;
    free_fcn(ds->items);
    domxml__arena_free(&ds->arena);
    free_fcn(ds);
}
