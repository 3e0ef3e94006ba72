/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Bytes to structs: expat events drive a stack of frames. A frame is either
 * generic (the element becomes a domxml_node kept verbatim) or typed (the
 * element fills a struct, guided by its descriptor table). Unknown content
 * inside a typed element becomes generic nodes anchored after the last
 * known child, so the formatter can put it back at its place.
 */
#include <errno.h>
#include <expat.h>
#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "desc.h"
#include "error.h"
#include "extra.h"
#include "hash.h"
#include "parse.h"
#include "teaming.h"
#include "values.h"

enum {
    DOMXML__PATH_NAMES = 16, /* distinct child names counted per typed frame */
};


typedef struct domxml__frame {
    const char *name;
    const domxml__elem *desc; /* NULL: generic frame */
    void *obj;                /* typed: the struct being filled */
    const void *parent;       /* typed: the parent struct (refine, check) */
    domxml_node *node;        /* generic: the element; typed device: its node */
    domxml_node **tail;       /* where the next generic child is linked; typed: NULL
                                 until the element has unknown children */
    unsigned last_kid;        /* typed: anchor for the next unknown child */
    uint64_t seen;            /* typed: LIST rows met so far (their tail is valid) */
    const char *text;         /* typed: text content collected so far */
    unsigned long line, column;
    unsigned index;           /* under a typed parent: 1-based among same-named siblings */
    unsigned n_kid_names;
    bool devices;             /* generic <devices> of a <domain> root */
    bool ws_pending;          /* generic: canonical indentation before the next child */
    /* Not cleared by push: valid only where `seen` / n_kid_names say so. */
    void *list_tail[DOMXML__MAX_KIDS];
    const char *kid_name[DOMXML__PATH_NAMES]; /* typed: child names met, with counts */
    unsigned kid_count[DOMXML__PATH_NAMES];
} domxml__frame;

struct domxml__pctx {
    domxml__diag diag; /* first: rules report through it */
    XML_Parser xp;
    struct domxml__doc *doc;
    domxml__arena *arena;
    domxml_error *err;
    size_t fed;             /* bytes handed to expat so far */
    const char *mem;        /* the input when parsing from memory, else NULL */
    size_t mem_len;
    unsigned flags;         /* DOMXML_PARSE_* */
    bool here_valid;        /* here_line/col are the current event's */
    const char *starting;   /* the element of the current start tag, until its frame is pushed */
    char error_rel[80];     /* expat's error: the element it refused, below the frames */
    unsigned long here_line, here_col;
    domxml__frame *frames;
    unsigned depth, cap, max_depth;
    char *text;
    size_t text_len, text_cap;
    domxml_node **prolog_tail;
    domxml_node **epilog_tail;
    /* Element and attribute names, each copied once (a keyed hash set). */
    domxml__hash_key name_key;
    const char **names;
    size_t names_cap, names_n;
    const char *recent[64]; /* names last met, by a cheap key */
    bool seen_devices;
    bool in_cdata; /* a CDATA section inside <metadata>: kept as one text node */
    bool failed;
};

/* ------------------------------------------------------------------ */
/* Errors                                                               */

/* The 1-based position of frame i among its same-named siblings. Under a
 * generic parent it is counted in the parent's node list, only now that an
 * error needs it; typed parents count as they go (push). */
static unsigned domxml__sibling_index(const struct domxml__pctx *pc, unsigned i)
{
    const domxml__frame *f = &pc->frames[i], *parent = i ? &pc->frames[i - 1] : NULL;
    unsigned index = 1;

    if (!parent || parent->desc)
        return f->index;
    for (const domxml_node *n = parent->node ? parent->node->children : NULL; n && n != f->node;
         n = n->next) {
        if ((n->kind == DOMXML_NODE_ELEMENT || n->kind == DOMXML_NODE_INTERFACE ||
             n->kind == DOMXML_NODE_HOSTDEV) && n->name && strcmp(n->name, f->name) == 0)
            index++;
    }
    return index;
}

/* The error's path: the open elements, then `rel` (a step not yet a
 * frame) when not NULL. */
static void domxml__fill_path(struct domxml__pctx *pc, const char *rel)
{
    char path[DOMXML__PATH_WORK];
    size_t len = 0;

    path[0] = '\0';
    for (unsigned i = 0; i < pc->depth; i++)
        domxml__path_step(path, sizeof(path), &len, pc->frames[i].name,
                          domxml__sibling_index(pc, i));
    if (rel)
        domxml__path_step(path, sizeof(path), &len, rel, 0);
    domxml__error_path(pc->err, path, len);
}

/* Fill the error at the current element, or at its child `at` (whose
 * start tag position is in its meta and whose path is `rel` below). */
static void domxml__fail_msg(struct domxml__pctx *pc, domxml_error_code code,
                             const domxml_meta *at, const char *rel, const char *msg)
{
    if (pc->failed)
        return;
    pc->failed = true;
    domxml__error_set(pc->err, code, "%s", msg);
    if (at && at->line) {
        pc->err->line = at->line;
        pc->err->column = at->column;
    } else if (pc->depth > 0) {
        pc->err->line = pc->frames[pc->depth - 1].line;
        pc->err->column = pc->frames[pc->depth - 1].column;
    } else {
        pc->err->line = XML_GetCurrentLineNumber(pc->xp);
        pc->err->column = XML_GetCurrentColumnNumber(pc->xp) + 1;
    }
    pc->err->offset = (unsigned long long)XML_GetCurrentByteIndex(pc->xp);
    domxml__fill_path(pc, rel);
    XML_StopParser(pc->xp, XML_FALSE);
}

/* "name" or "name[N]": the path step of an element not yet in the tree,
 * counted among the same-named children its parent has so far. */
static const char *domxml__new_step(const struct domxml__pctx *pc, const char *name, char *buf,
                                    size_t size)
{
    const domxml__frame *parent = pc->depth ? &pc->frames[pc->depth - 1] : NULL;
    unsigned index = 1;

    if (parent && !parent->desc) {
        for (const domxml_node *n = parent->node ? parent->node->children : NULL; n; n = n->next) {
            const char *nm = n->kind == DOMXML_NODE_INTERFACE ? "interface"
                             : n->kind == DOMXML_NODE_HOSTDEV ? "hostdev" : n->name;
            bool self = pc->here_valid && n->line == pc->here_line && n->column == pc->here_col;
            index += !self && n->kind != DOMXML_NODE_TEXT && n->kind != DOMXML_NODE_COMMENT &&
                     n->kind != DOMXML_NODE_PI && nm && strcmp(nm, name) == 0;
        }
    }
    if (index > 1)
        snprintf(buf, size, "%s[%u]", name, index);
    else
        snprintf(buf, size, "%s", name);
    return buf;
}

/* Fail at the element whose start tag is the current event, before it has a
 * frame: its own position and path. */
static int domxml__fail_new(struct domxml__pctx *pc, domxml_error_code code, const char *name,
                            const char *fmt, ...) DOMXML__PRINTF(4, 5);

static void domxml__here(struct domxml__pctx *pc, unsigned long *line, unsigned long *col);

static int domxml__fail_new(struct domxml__pctx *pc, domxml_error_code code, const char *name,
                            const char *fmt, ...)
{
    char msg[sizeof(pc->err->message)], rel[160];
    unsigned long line, col;
    domxml_meta at;
    va_list ap;

    va_start(ap, fmt);
    domxml__message_vformat(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    domxml__here(pc, &line, &col);
    at.line = (unsigned)line;
    at.column = (unsigned)col;
    domxml__fail_msg(pc, code, &at, domxml__new_step(pc, name, rel, sizeof(rel)), msg);
    return -1;
}

/* Rules report through the parse context's diag: the parse fails there. */
static void domxml__parse_report(domxml__diag *d, const domxml__problem *p)
{
    if (p->severity == DOMXML_SEVERITY_ERROR)
        domxml__fail_msg((struct domxml__pctx *)(void *)d, p->kind, p->at, p->rel, p->message);
}

int domxml__fail(struct domxml__pctx *pc, domxml_error_code code, const char *fmt, ...)
{
    char msg[sizeof(pc->err->message)];
    va_list ap;

    va_start(ap, fmt);
    domxml__message_vformat(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    domxml__fail_msg(pc, code, NULL, NULL, msg);
    return -1;
}

/* Out of memory (or over max_memory): at the element being started when
 * its start tag is the current event, so the error names the device that
 * crossed the limit rather than <devices>. */
static int domxml__nomem(struct domxml__pctx *pc)
{
    const char *name = pc->starting;

    if (name && pc->arena->over)
        return domxml__fail_new(pc, DOMXML_ERR_LIMIT, name,
                                "the document needs more than %zu bytes of memory (max_memory)",
                                pc->arena->limit);
    if (pc->arena->over)
        return domxml__fail(pc, DOMXML_ERR_LIMIT,
                            "the document needs more than %zu bytes of memory (max_memory)",
                            pc->arena->limit);
    return domxml__fail(pc, DOMXML_ERR_NOMEM, "out of memory");
}

/* The meta of a modelled element's struct. */
static domxml_meta *domxml__meta(const domxml__elem *d, void *obj)
{
    return DOMXML__FIELD(obj, d->meta_off, domxml_meta);
}

/* Unknown content needs the out-of-line block: made on first use. */
static domxml_extra *domxml__extra(struct domxml__pctx *pc, domxml_meta *m)
{
    domxml_extra *x = domxml__extra_get(pc->doc, m);

    if (!x && (!(x = domxml__alloc(pc->arena, sizeof(*x))) ||
               domxml__extra_put(pc->doc, m, x) < 0)) {
        domxml__nomem(pc);
        return NULL;
    }
    return x;
}

char *domxml__pstrdup(struct domxml__pctx *pc, const char *s)
{
    char *p = domxml__strndup(pc->arena, s, strlen(s));

    if (!p)
        domxml__nomem(pc);
    return p;
}

enum { DOMXML__NAMES_MAX = 4096 }; /* distinct names shared; more are copied */

/* A name in the arena, shared with every earlier use of the same name: a
 * domain repeats a few hundred names many thousand times. */
static const char *domxml__intern(struct domxml__pctx *pc, const char *name)
{
    size_t len = strlen(name), i;
    unsigned slot = ((unsigned char)name[0] * 31u + (unsigned)len * 7u +
                     (unsigned char)name[len ? len - 1 : 0]) % DOMXML__N(pc->recent);
    const char *copy;

    /* A few hundred names repeat all through a domain: most are found
     * here without hashing. A miss only costs the table lookup below. */
    if (pc->recent[slot] && strcmp(pc->recent[slot], name) == 0)
        return pc->recent[slot];

    if (pc->names_n * 2 >= pc->names_cap) {
        size_t cap = pc->names_cap ? pc->names_cap * 2 : 64;
        const char **t;

        if (pc->names_n >= DOMXML__NAMES_MAX)
            return domxml__pstrdup(pc, name);
        t = pc->arena->mem.malloc_fcn(cap * sizeof(*t));
        if (!t) {
            domxml__nomem(pc);
            return NULL;
        }
        memset(t, 0, cap * sizeof(*t));
        for (size_t k = 0; k < pc->names_cap; k++) {
            const char *s = pc->names[k];
            if (!s)
                continue;
            for (i = (size_t)domxml__hash(&pc->name_key, s, strlen(s)) & (cap - 1); t[i];
                 i = (i + 1) & (cap - 1))
                ;
            t[i] = s;
        }
        pc->arena->mem.free_fcn(pc->names);
        pc->names = t;
        pc->names_cap = cap;
    }
    for (i = (size_t)domxml__hash(&pc->name_key, name, len) & (pc->names_cap - 1); pc->names[i];
         i = (i + 1) & (pc->names_cap - 1)) {
        if (strcmp(pc->names[i], name) == 0)
            return pc->recent[slot] = pc->names[i];
    }
    copy = domxml__strndup(pc->arena, name, len);
    if (!copy) {
        domxml__nomem(pc);
        return NULL;
    }
    pc->names[i] = copy;
    pc->names_n++;
    return pc->recent[slot] = copy;
}

/* ------------------------------------------------------------------ */
/* Attribute values                                                     */

static int domxml__bad_value(struct domxml__pctx *pc, const domxml__elem *d,
                             const domxml__attr *a, const char *value, const char *rule)
{
    return domxml__fail(pc, DOMXML_ERR_VALUE,
                        "invalid value '%s' for attribute '%s' of <%s>: %s",
                        value, a->name, d->name, rule);
}

static int domxml__parse_number(struct domxml__pctx *pc, const domxml__elem *d,
                                const domxml__attr *a, const char *value,
                                unsigned long long max, unsigned long long *out)
{
    const char *syntax = a->base == 16 ? "expected a hexadecimal number"
                         : a->base == 0 ? "expected a decimal, 0x-hexadecimal or 0-octal number"
                                        : "expected a decimal number";

    if (!domxml__parse_ullong(value, a->base, out)) {
        if (domxml__is_number_syntax(value, a->base))
            return domxml__fail(pc, DOMXML_ERR_RANGE,
                                "value '%.64s%s' of attribute '%s' of <%s> is out of range "
                                "(maximum %llu)", value, strlen(value) > 64 ? "..." : "",
                                a->name, d->name, max);
        return domxml__bad_value(pc, d, a, value, syntax);
    }
    if (*out > max)
        return domxml__fail(pc, DOMXML_ERR_RANGE,
                            "value '%s' of attribute '%s' of <%s> is out of range (maximum %llu)",
                            value, a->name, d->name, max);
    if ((a->flags & DOMXML__A_NONZERO) && *out == 0)
        return domxml__fail(pc, DOMXML_ERR_RANGE,
                            "value '%s' of attribute '%s' of <%s> must not be zero",
                            value, a->name, d->name);
    return 0;
}

static int domxml__parse_int(struct domxml__pctx *pc, const domxml__elem *d,
                             const domxml__attr *a, const char *value, domxml_int *out)
{
    bool neg = value[0] == '-';
    unsigned long long mag;
    long long v;

    long long max = a->max ? (long long)a->max : INT_MAX;

    if (!domxml__parse_ullong(value + neg, 10, &mag) || mag > (1ULL << 40)) {
        if (domxml__is_number_syntax(value + neg, 10))
            return domxml__fail(pc, DOMXML_ERR_RANGE,
                                "value '%.64s%s' of attribute '%s' of <%s> is out of range "
                                "(%lld to %lld)", value, strlen(value) > 64 ? "..." : "",
                                a->name, d->name, a->min, max);
        return domxml__bad_value(pc, d, a, value, "expected an integer");
    }
    v = neg ? -(long long)mag : (long long)mag;
    if (v < a->min || v > max)
        return domxml__fail(pc, DOMXML_ERR_RANGE,
                            "value '%s' of attribute '%s' of <%s> is out of range (%lld to %lld)",
                            value, a->name, d->name, a->min, max);
    out->value = (int)v;
    out->set = true;
    return 0;
}

static int domxml__parse_attr(struct domxml__pctx *pc, const domxml__elem *d,
                              const domxml__attr *a, void *obj, const char *value)
{
    void *field = (char *)obj + a->off;
    unsigned long long n;
    char uuid[37];
    char list[256];
    int v;

    switch ((domxml__kind)a->kind) {
    case DOMXML__K_STR:
        *(const char **)field = domxml__pstrdup(pc, value);
        return *(const char **)field ? 0 : -1;
    case DOMXML__K_ENUM:
        v = domxml__enum_lookup(a->etab, value);
        if (v < 0) {
            domxml__enum_list(a->etab, list, sizeof(list));
            return domxml__fail(pc, DOMXML_ERR_VALUE,
                                "invalid value '%s' for attribute '%s' of <%s>: expected %s",
                                value, a->name, d->name, list);
        }
        *(int *)field = v;
        return 0;
    case DOMXML__K_UINT:
        if (domxml__parse_number(pc, d, a, value, a->max ? a->max : 0xffffffffu, &n) < 0)
            return -1;
        ((domxml_uint *)field)->value = (unsigned)n;
        ((domxml_uint *)field)->set = true;
        return 0;
    case DOMXML__K_ULLONG:
        if (domxml__parse_number(pc, d, a, value, a->max ? a->max : ~0ULL, &n) < 0)
            return -1;
        ((domxml_ullong *)field)->value = n;
        ((domxml_ullong *)field)->set = true;
        return 0;
    case DOMXML__K_INT:
        return domxml__parse_int(pc, d, a, value, field);
    case DOMXML__K_UUID:
        if (!domxml__parse_uuid(value, uuid))
            return domxml__bad_value(pc, d, a, value, "expected a UUID");
        *(const char **)field = domxml__pstrdup(pc, uuid);
        return *(const char **)field ? 0 : -1;
    case DOMXML__K_HOOK:
        return a->parse(pc, obj, value);
    case DOMXML__K_NONE:
        break;
    }
    return domxml__fail(pc, DOMXML_ERR_UNSUPPORTED, "internal: bad attribute kind");
}

static int domxml__find_attr(const domxml__elem *d, const char *name)
{
    for (unsigned i = 0; i < d->n_attrs; i++) {
        if (d->attrs[i].name[0] == name[0] && strcmp(d->attrs[i].name, name) == 0)
            return (int)i;
    }
    return -1;
}

/*
 * expat takes U+00AA, U+00B5 and U+00BA as name characters in ISO-8859-1
 * and UTF-16 input but not in UTF-8, which is what we write: a name using
 * them could not be read back, so it is refused here (UTF-8 input cannot
 * have them: expat refuses them there already).
 */
static int domxml__check_name(struct domxml__pctx *pc, const char *name)
{
    if (!domxml__is_utf8_name_safe(name))
        return domxml__fail(pc, DOMXML_ERR_XML,
                            "name '%s' uses a character that expat accepts in names only in "
                            "ISO-8859-1 or UTF-16 input; the UTF-8 output could not be read "
                            "back", name);
    return 0;
}

/* An input attribute's name and value copied for a generic element or an
 * unknown attribute of a modelled one; false on error (already reported). */
static bool domxml__copy_name_value(struct domxml__pctx *pc, const char *name, const char *value,
                                    const char **name_out, const char **value_out)
{
    if (domxml__check_name(pc, name) < 0)
        return false;
    return (*name_out = domxml__intern(pc, name)) && (*value_out = domxml__pstrdup(pc, value));
}

static domxml_attr *domxml__copy_attr(struct domxml__pctx *pc, const char *name,
                                      const char *value)
{
    domxml_attr *at = domxml__alloc(pc->arena, sizeof(*at));

    if (!at) {
        domxml__nomem(pc);
        return NULL;
    }
    return domxml__copy_name_value(pc, name, value, &at->name, &at->value) ? at : NULL;
}

static int domxml__add_unknown_attr(struct domxml__pctx *pc, domxml_meta *m,
                                    domxml_extra_attr ***tail, const char *name,
                                    const char *value, unsigned anchor)
{
    domxml_extra *x = domxml__extra(pc, m);
    domxml_extra_attr *at = x ? domxml__alloc(pc->arena, sizeof(*at)) : NULL;

    if (!at)
        return x ? domxml__nomem(pc) : -1;
    if (!domxml__copy_name_value(pc, name, value, &at->name, &at->value))
        return -1;
    at->anchor = anchor;
    if (!*tail)
        *tail = &x->attrs;
    **tail = at;
    *tail = &at->next;
    return 0;
}

static const char *domxml__event_bytes(struct domxml__pctx *pc);
static const char *domxml__intern(struct domxml__pctx *pc, const char *name);

/* Advance a line/column over one input byte of UTF-8 text ("\r\n" is one
 * line end, as for expat). */
static void domxml__step_pos(const char *p, unsigned *line, unsigned *col)
{
    if (*p == '\n' || (*p == '\r' && p[1] != '\n')) {
        (*line)++;
        *col = 1;
    } else if (*p != '\r') {
        *col += (*p & 0xc0) != 0x80;
    }
}

/* DOMXML_PARSE_ATTR_POSITIONS: where each attribute of the current start
 * tag stands, read off its bytes (expat gives the attributes in document
 * order). Only for ASCII-compatible input; 0, or -1 out of memory. */
static int domxml__keep_attr_positions(struct domxml__pctx *pc, domxml_meta *m,
                                       const XML_Char **atts)
{
    const char *p = domxml__event_bytes(pc);
    int len = XML_GetCurrentByteCount(pc->xp);
    unsigned n = 0, k = 0, line = m->line, col = m->column, i = 1;
    domxml__attr_positions *pos;

    for (const XML_Char **a = atts; *a; a += 2)
        n++;
    if (!p || len < 2 || p[0] != '<' || p[1] == '\0')
        return 0;
    pos = domxml__alloc(pc->arena, sizeof(*pos) + n * sizeof(pos->at[0]));
    if (!pos || domxml__map_put(pc->doc, &pc->doc->positions, m, pos) < 0)
        return domxml__nomem(pc);
    col++; /* past '<' */
    while ((int)i < len && !strchr(" \t\r\n/>", p[i])) /* the element name */
        domxml__step_pos(&p[i++], &line, &col);
    while ((int)i < len && k < n) {
        char q;
        while ((int)i < len && strchr(" \t\r\n", p[i]))
            domxml__step_pos(&p[i++], &line, &col);
        if ((int)i >= len || p[i] == '/' || p[i] == '>')
            break;
        pos->at[k].name = domxml__intern(pc, atts[2 * k]); /* expat's copy goes away */
        if (!pos->at[k].name)
            return -1;
        pos->at[k].line = line;
        pos->at[k].column = col;
        while ((int)i < len && p[i] != '\'' && p[i] != '"')
            domxml__step_pos(&p[i++], &line, &col);
        if ((int)i >= len)
            break;
        q = p[i];
        domxml__step_pos(&p[i++], &line, &col);
        while ((int)i < len && p[i] != q)
            domxml__step_pos(&p[i++], &line, &col);
        if ((int)i < len)
            domxml__step_pos(&p[i++], &line, &col);
        k++;
    }
    pos->count = k;
    return 0;
}

/* An unknown attribute of the element that looks like a typo of `name`. */
static const char *domxml__typo_of(struct domxml__pctx *pc, const domxml_meta *m, const char *name)
{
    const domxml_extra *x = domxml__extra_get(pc->doc, m);

    for (const domxml_extra_attr *a = x ? x->attrs : NULL; a; a = a->next) {
        if (domxml__nearest_name(a->name, &name, 1, sizeof(name)))
            return a->name;
    }
    return NULL;
}

/*
 * Fill obj from the start tag's attributes. With a refining descriptor the
 * discriminating attributes are read first, then the refined table takes
 * over; returns the descriptor that describes obj, or NULL on error.
 */
static const domxml__elem *domxml__typed_attrs(struct domxml__pctx *pc, const domxml__elem *d,
                                               void *obj, const void *parent,
                                               const XML_Char **atts)
{
    const domxml__elem *full = d;
    domxml_meta *m = domxml__meta(d, obj);
    domxml_extra_attr **tail = NULL;
    unsigned anchor = 0;

    if (d->refine) {
        for (const XML_Char **at = atts; *at; at += 2) {
            int i = domxml__find_attr(d, at[0]);
            if (i >= 0 && domxml__parse_attr(pc, d, &d->attrs[i], obj, at[1]) < 0)
                return NULL;
        }
        full = d->refine(obj, parent);
    }
    for (const XML_Char **at = atts; *at; at += 2) {
        int i = domxml__find_attr(full, at[0]);

        if (i < 0) {
            if (domxml__add_unknown_attr(pc, m, &tail, at[0], at[1], anchor) < 0)
                return NULL;
            continue;
        }
        anchor = (unsigned)i + 1;
        if (full != d && domxml__find_attr(d, at[0]) >= 0)
            continue; /* a discriminator, read above */
        if (domxml__parse_attr(pc, full, &full->attrs[i], obj, at[1]) < 0)
            return NULL;
    }
    for (unsigned i = 0; i < full->n_attrs; i++) {
        const domxml__attr *a = &full->attrs[i];
        if (!(a->flags & DOMXML__A_REQUIRED))
            continue;
        if (!domxml__attr_is_set(a, obj)) {
            const char *typo = domxml__typo_of(pc, m, a->name);
            if (typo)
                domxml__fail(pc, DOMXML_ERR_MISSING,
                             "missing required attribute '%s' of <%s> (is the unknown "
                             "attribute '%s' a typo?)", a->name, full->name, typo);
            else
                domxml__fail(pc, DOMXML_ERR_MISSING, "missing required attribute '%s' of <%s>",
                             a->name, full->name);
            return NULL;
        }
        if (a->kind == DOMXML__K_STR && **DOMXML__FIELD(obj, a->off, const char *) == '\0') {
            domxml__fail(pc, DOMXML_ERR_VALUE, "attribute '%s' of <%s> must not be empty",
                         a->name, full->name);
            return NULL;
        }
    }
    m->line = (unsigned)pc->frames[pc->depth - 1].line;
    m->column = (unsigned)pc->frames[pc->depth - 1].column;
    if ((pc->flags & DOMXML_PARSE_ATTR_POSITIONS) && atts[0] &&
        domxml__keep_attr_positions(pc, m, atts) < 0)
        return NULL;
    return full;
}

/* ------------------------------------------------------------------ */
/* Frames                                                               */

/* The input bytes of the current event, while expat still has them. */
static const char *domxml__event_bytes(struct domxml__pctx *pc)
{
    int offset = 0, size = 0;
    const char *ctx = XML_GetInputContext(pc->xp, &offset, &size);

    return ctx && offset < size ? ctx + offset : NULL;
}

/*
 * Line and column (1-based, characters) of the current event. Input goes to
 * expat in pieces, and expat counts lines over every piece it is given in
 * any case: asking it here costs only the bytes since the previous event.
 */
static void domxml__here(struct domxml__pctx *pc, unsigned long *line, unsigned long *col)
{
    if (!pc->here_valid) { /* once per event: a node and its frame share it */
        pc->here_line = XML_GetCurrentLineNumber(pc->xp);
        pc->here_col = XML_GetCurrentColumnNumber(pc->xp) + 1;
        pc->here_valid = true;
    }
    *line = pc->here_line;
    *col = pc->here_col;
}

static domxml__frame *domxml__push(struct domxml__pctx *pc, const char *name)
{
    domxml__frame *f;

    if (pc->depth >= pc->max_depth) {
        domxml__fail_new(pc, DOMXML_ERR_LIMIT, name, "element <%s> nested deeper than %u levels",
                         name, pc->max_depth);
        return NULL;
    }
    if (pc->depth == pc->cap) {
        domxml_memory *mem = &pc->arena->mem;
        unsigned cap = pc->cap ? pc->cap * 2 : 16;
        domxml__frame *nf;

        if (cap > pc->max_depth)
            cap = pc->max_depth;
        nf = mem->realloc_fcn(pc->frames, cap * sizeof(*nf));
        if (!nf) {
            domxml__nomem(pc);
            return NULL;
        }
        pc->frames = nf;
        pc->cap = cap;
    }
    /* Under a typed parent, count same-named siblings (names there are
     * static or arena strings that outlive the frame). */
    unsigned index = 1;
    if (pc->depth > 0 && pc->frames[pc->depth - 1].desc) {
        domxml__frame *parent = &pc->frames[pc->depth - 1];
        unsigned i;

        for (i = 0; i < parent->n_kid_names && parent->kid_name[i] != name &&
                    strcmp(parent->kid_name[i], name) != 0;
             i++)
            ;
        if (i < parent->n_kid_names) {
            index = ++parent->kid_count[i];
        } else if (i < DOMXML__PATH_NAMES) {
            parent->kid_name[i] = name;
            parent->kid_count[i] = 1;
            parent->n_kid_names++;
        } else {
            index = 0; /* more distinct names than counted: no index */
        }
    }
    f = &pc->frames[pc->depth++];
    pc->starting = NULL; /* from here on, errors are at the element's frame */
    memset(f, 0, offsetof(domxml__frame, list_tail));
    f->name = name;
    f->index = index;
    domxml__here(pc, &f->line, &f->column);
    return f;
}

static domxml_node *domxml__new_node(struct domxml__pctx *pc, domxml_node_kind kind)
{
    domxml_node *n = domxml__alloc(pc->arena, sizeof(*n));

    if (!n) {
        domxml__nomem(pc);
        return NULL;
    }
    unsigned long line, column;

    n->kind = kind;
    domxml__here(pc, &line, &column);
    n->line = (unsigned)line;
    n->column = (unsigned)column;
    return n;
}

static int domxml__link(struct domxml__pctx *pc, domxml_node *n, unsigned anchor)
{
    domxml_node **slot;

    if (pc->depth == 0) {
        slot = pc->doc->dom.root ? pc->epilog_tail : pc->prolog_tail;
        *slot = n;
        if (pc->doc->dom.root)
            pc->epilog_tail = &n->next;
        else
            pc->prolog_tail = &n->next;
        return 0;
    }
    domxml__frame *f = &pc->frames[pc->depth - 1];
    n->anchor = anchor;
    if (!f->tail) { /* a typed frame's first unknown child */
        domxml_extra *x = domxml__extra(pc, domxml__meta(f->desc, f->obj));
        if (!x)
            return -1;
        f->tail = &x->children;
    }
    if (f->ws_pending) {
        n->layout |= DOMXML_LAYOUT_WS_BEFORE;
        f->ws_pending = false;
    }
    slot = f->tail;
    *slot = n;
    f->tail = &n->next;
    return 0;
}

/* The current frame's anchor for a new unknown child (typed frames). */
static unsigned domxml__anchor(struct domxml__pctx *pc)
{
    return pc->depth ? pc->frames[pc->depth - 1].last_kid : 0;
}

/* Typed frames keep unknown children in their struct's extra, made when
 * the first one comes (domxml__link). */
static void domxml__typed_frame_init(domxml__frame *f, const domxml__elem *d, void *obj,
                                     const void *parent)
{
    f->desc = d;
    f->obj = obj;
    f->parent = parent;
    f->tail = NULL;
}

/* ------------------------------------------------------------------ */
/* Text                                                                 */

static void XMLCALL domxml__on_text(void *ud, const XML_Char *s, int len)
{
    struct domxml__pctx *pc = ud;
    pc->here_valid = false;
    pc->starting = NULL;

    /* expat may still deliver the current event after XML_StopParser. */
    if (pc->failed)
        return;
    /* Indentation between a modelled element's children is dropped anyway:
     * skip copying it. */
    if (pc->text_len == 0 && pc->depth > 0 && pc->frames[pc->depth - 1].desc &&
        pc->frames[pc->depth - 1].desc->text_kind == DOMXML__K_NONE &&
        domxml__is_ws(s, (size_t)len))
        return;
    if (pc->text_len + (size_t)len + 1 > pc->text_cap) {
        size_t cap = pc->text_cap ? pc->text_cap : 256;
        char *p;

        while (cap < pc->text_len + (size_t)len + 1)
            cap *= 2;
        p = pc->arena->mem.realloc_fcn(pc->text, cap);
        if (!p) {
            domxml__nomem(pc);
            return;
        }
        pc->text = p;
        pc->text_cap = cap;
    }
    memcpy(pc->text + pc->text_len, s, (size_t)len);
    pc->text_len += (size_t)len;
}

/* "\n" and two spaces per level (capped as the formatter caps them). */
static bool domxml__is_indent(const char *s, size_t n, unsigned depth)
{
    size_t spaces = 2 * (size_t)(depth < DOMXML__INDENT_LEVELS ? depth : DOMXML__INDENT_LEVELS);

    if (n != spaces + 1 || s[0] != '\n')
        return false;
    for (size_t i = 1; i < n; i++) {
        if (s[i] != ' ')
            return false;
    }
    return true;
}

/*
 * Hand text collected since the last event to the current element. A typed
 * element with text content keeps collecting until its end tag (`closing`),
 * so text split by comments is joined once, not copied piece by piece.
 */
static int domxml__flush_text(struct domxml__pctx *pc, bool closing)
{
    domxml__frame *f;
    size_t n = pc->text_len;

    if (n == 0)
        return 0;
    if (pc->depth == 0) {
        pc->text_len = 0;
        return 0; /* white space between top-level nodes */
    }
    f = &pc->frames[pc->depth - 1];
    if (f->desc && f->desc->text_kind != DOMXML__K_NONE) {
        if (!closing)
            return 0;
        pc->text_len = 0;
        f->text = domxml__strndup(pc->arena, pc->text, n);
        return f->text ? 0 : domxml__nomem(pc);
    }
    pc->text_len = 0;
    if (f->desc) /* on_text drops white space here: this text has more */
        return domxml__fail(pc, DOMXML_ERR_CONTENT, "text is not allowed in <%s>",
                            f->desc->name);
    /* The formatter's own indentation becomes a flag, not a node: before
     * the next child, or (closing) before this element's end tag. */
    if (domxml__is_indent(pc->text, n, closing ? pc->depth - 1 : pc->depth)) {
        if (closing)
            f->node->layout |= DOMXML_LAYOUT_WS_BEFORE_END;
        else
            f->ws_pending = true;
        return 0;
    }
    domxml_node *node = domxml__new_node(pc, DOMXML_NODE_TEXT);
    if (!node || !(node->text = domxml__strndup(pc->arena, pc->text, n)))
        return node ? domxml__nomem(pc) : -1;
    return domxml__link(pc, node, 0);
}

/* libvirt keeps a <domain>'s <metadata> as read, CDATA sections included:
 * there a section becomes a text node of its own, flagged. */
static bool domxml__in_metadata(const struct domxml__pctx *pc)
{
    return pc->depth >= 2 && !pc->frames[0].desc && !pc->frames[1].desc &&
           !pc->frames[pc->depth - 1].desc && strcmp(pc->frames[0].name, "domain") == 0 &&
           strcmp(pc->frames[1].name, "metadata") == 0;
}

static void XMLCALL domxml__on_cdata_start(void *ud)
{
    struct domxml__pctx *pc = ud;

    if (pc->failed || !domxml__in_metadata(pc) || domxml__flush_text(pc, false) < 0)
        return;
    pc->in_cdata = true;
}

static void XMLCALL domxml__on_cdata_end(void *ud)
{
    struct domxml__pctx *pc = ud;
    domxml_node *node;

    if (pc->failed || !pc->in_cdata)
        return;
    pc->in_cdata = false;
    node = domxml__new_node(pc, DOMXML_NODE_TEXT);
    if (!node)
        return;
    node->layout |= DOMXML_LAYOUT_CDATA;
    node->text = domxml__strndup(pc->arena, pc->text ? pc->text : "", pc->text_len);
    pc->text_len = 0;
    if (!node->text) {
        domxml__nomem(pc);
        return;
    }
    (void)domxml__link(pc, node, 0);
}

static int domxml__typed_text(struct domxml__pctx *pc, domxml__frame *f)
{
    const domxml__elem *d = f->desc;
    void *field;
    unsigned long long n;

    if (d->text_kind == DOMXML__K_NONE || !f->text)
        return 0;
    field = (char *)f->obj + d->text_off;
    if (d->text_kind == DOMXML__K_STR) {
        *(const char **)field = f->text;
        return 0;
    }
    if (!domxml__parse_ullong(f->text, 10, &n) ||
        (d->text_kind == DOMXML__K_UINT && n > 0xffffffffu)) {
        if (domxml__is_number_syntax(f->text, 10))
            return domxml__fail(pc, DOMXML_ERR_RANGE,
                                "content '%.64s%s' of <%s> is out of range (maximum %llu)",
                                f->text, strlen(f->text) > 64 ? "..." : "", d->name,
                                d->text_kind == DOMXML__K_UINT ? 0xffffffffull : ~0ULL);
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "invalid content '%s' of <%s>: expected a decimal number",
                            f->text, d->name);
    }
    if (d->text_kind == DOMXML__K_UINT) {
        ((domxml_uint *)field)->value = (unsigned)n;
        ((domxml_uint *)field)->set = true;
    } else {
        ((domxml_ullong *)field)->value = n;
        ((domxml_ullong *)field)->set = true;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Elements                                                             */

static int domxml__generic_start(struct domxml__pctx *pc, const XML_Char *name,
                                 const XML_Char **atts)
{
    unsigned anchor = domxml__anchor(pc);
    domxml_node *n = domxml__new_node(pc, DOMXML_NODE_ELEMENT);
    domxml_attr **tail;
    domxml__frame *f;

    if (domxml__check_name(pc, name) < 0 || !n || !(n->name = domxml__intern(pc, name)))
        return -1;
    tail = &n->attrs;
    for (; *atts; atts += 2) {
        domxml_attr *a = domxml__copy_attr(pc, atts[0], atts[1]);
        if (!a)
            return -1;
        *tail = a;
        tail = &a->next;
    }
    if (pc->depth == 0)
        pc->doc->dom.root = n;
    else if (domxml__link(pc, n, anchor) < 0)
        return -1;
    f = domxml__push(pc, n->name);
    if (!f)
        return -1;
    f->node = n;
    f->tail = &n->children;
    /* <devices> directly under a <domain> root holds modelled devices; a
     * domain has one (teaming pairs are resolved within it). */
    f->devices = pc->depth == 2 && strcmp(name, "devices") == 0 &&
                 strcmp(pc->frames[0].name, "domain") == 0;
    if (f->devices && pc->seen_devices)
        return domxml__fail(pc, DOMXML_ERR_DUPLICATE,
                            "element <devices> may appear only once in <domain>");
    pc->seen_devices |= f->devices;
    return 0;
}

/* A modelled device: <interface> or <hostdev>, in <devices> or as root. */
static int domxml__device_start(struct domxml__pctx *pc, const XML_Char **atts, bool iface)
{
    domxml_node *n = domxml__new_node(pc, iface ? DOMXML_NODE_INTERFACE : DOMXML_NODE_HOSTDEV);
    const domxml__elem *d = iface ? &domxml__interface_elem : &domxml__hostdev_elem;
    domxml__frame *f;
    void *obj;

    if (!n)
        return -1;
    obj = domxml__alloc(pc->arena, d->size);
    if (!obj)
        return domxml__nomem(pc);
    n->name = d->name;
    if (iface)
        n->interface = obj;
    else
        n->hostdev = obj;
    if (pc->depth == 0)
        pc->doc->dom.root = n;
    else if (domxml__link(pc, n, 0) < 0)
        return -1;
    f = domxml__push(pc, d->name);
    if (!f)
        return -1;
    f->node = n;
    domxml__typed_frame_init(f, d, obj, NULL);
    f->desc = domxml__typed_attrs(pc, d, obj, NULL, atts);
    return f->desc ? 0 : -1;
}

static int domxml__typed_child_start(struct domxml__pctx *pc, domxml__frame *pf,
                                     const XML_Char *name, const XML_Char **atts)
{
    const domxml__elem *pd = pf->desc;
    const domxml__child *row = NULL;
    unsigned i;
    void *obj;
    domxml__frame *f;

    /* Text elements (<sndbuf>, <block>, ...) hold text only: their text is
     * collected whole until the end tag. */
    if (pd->text_kind != DOMXML__K_NONE)
        return domxml__fail(pc, DOMXML_ERR_CONTENT, "element <%s> is not allowed in <%s>",
                            name, pd->name);
    for (i = 0; i < pd->n_kids; i++) {
        row = &pd->kids[i];
        if (row->elem->name[0] == name[0] && strcmp(row->elem->name, name) == 0 &&
            (!row->applies || row->applies(pf->obj)))
            break;
    }
    if (i == pd->n_kids)
        return domxml__generic_start(pc, name, atts);
    void **slot = domxml__kid_slot(row, pf->obj);
    if (!slot) { /* the row's group comes with its first child */
        void **group = DOMXML__FIELD(pf->obj, row->group->off, void *);
        if (!(*group = domxml__alloc(pc->arena, row->group->size)))
            return domxml__nomem(pc);
        slot = domxml__kid_slot(row, pf->obj);
    }
    if (row->how == DOMXML__C_PTR) {
        if (*slot) {
            if (!domxml__push(pc, row->elem->name))
                return -1;
            return domxml__fail(pc, DOMXML_ERR_DUPLICATE,
                                "element <%s> may appear only once in <%s>", name, pd->name);
        }
        if (!(obj = *slot = domxml__alloc(pc->arena, row->elem->size)))
            return domxml__nomem(pc);
    } else {
        obj = domxml__alloc(pc->arena, row->elem->size);
        if (!obj)
            return domxml__nomem(pc);
        if (pf->seen & (1ULL << i))
            *(void **)pf->list_tail[i] = obj; /* `next` is the first field */
        else
            *slot = obj;
        pf->seen |= 1ULL << i;
        pf->list_tail[i] = obj;
    }
    pf->last_kid = i + 1;
    f = domxml__push(pc, row->elem->name);
    if (!f)
        return -1;
    /* pf may have moved if the frame stack grew. */
    domxml__typed_frame_init(f, row->elem, obj, pc->frames[pc->depth - 2].obj);
    f->desc = domxml__typed_attrs(pc, row->elem, obj, f->parent, atts);
    return f->desc ? 0 : -1;
}

static void XMLCALL domxml__on_start(void *ud, const XML_Char *name, const XML_Char **atts)
{
    struct domxml__pctx *pc = ud;
    pc->here_valid = false;
    domxml__frame *top;

    /* expat may still deliver the current event after XML_StopParser. */
    if (pc->failed)
        return;
    if (domxml__flush_text(pc, false) < 0)
        return;
    pc->starting = name;
    if (pc->depth == 0) {
        if (strcmp(name, "interface") == 0 || strcmp(name, "hostdev") == 0) {
            domxml__device_start(pc, atts, name[0] == 'i');
            return;
        }
        if (strcmp(name, "domain") != 0) {
            domxml__fail(pc, DOMXML_ERR_UNSUPPORTED,
                         "root element <%s> is not <domain>, <interface> or <hostdev>", name);
            return;
        }
        domxml__generic_start(pc, name, atts);
        return;
    }
    top = &pc->frames[pc->depth - 1];
    if (top->desc) {
        domxml__typed_child_start(pc, top, name, atts);
    } else if (top->devices && strcmp(name, "interface") == 0) {
        domxml__device_start(pc, atts, true);
    } else if (top->devices && strcmp(name, "hostdev") == 0) {
        domxml__device_start(pc, atts, false);
    } else {
        domxml__generic_start(pc, name, atts);
    }
}

static void XMLCALL domxml__on_end(void *ud, const XML_Char *name)
{
    struct domxml__pctx *pc = ud;
    pc->here_valid = false;
    pc->starting = NULL;
    domxml__frame *f;

    /* expat may still deliver the current event after XML_StopParser. */
    if (pc->failed)
        return;

    (void)name;
    if (domxml__flush_text(pc, true) < 0)
        return;
    f = &pc->frames[pc->depth - 1];
    if (f->desc) {
        if (domxml__typed_text(pc, f) < 0)
            return;
        if (f->desc->normalize && f->desc->normalize(pc, f->obj) < 0)
            return;
        if (f->desc->check && f->desc->check(&pc->diag, f->obj, f->parent) < 0)
            return;
    }
    pc->depth--;
}

/* A comment or processing instruction, kept where it stands. */
static void domxml__add_leaf(struct domxml__pctx *pc, domxml_node_kind kind, const char *name,
                             const char *text)
{
    domxml_node *n;

    pc->here_valid = false;
    pc->starting = NULL;
    /* expat may still deliver the current event after XML_StopParser. */
    if (pc->failed || domxml__flush_text(pc, false) < 0)
        return;
    if (name && domxml__check_name(pc, name) < 0)
        return;
    n = domxml__new_node(pc, kind);
    if (!n || (name && !(n->name = domxml__pstrdup(pc, name))) ||
        !(n->text = domxml__pstrdup(pc, text)))
        return;
    (void)domxml__link(pc, n, domxml__anchor(pc));
}

static void XMLCALL domxml__on_comment(void *ud, const XML_Char *data)
{
    domxml__add_leaf(ud, DOMXML_NODE_COMMENT, NULL, data);
}

static void XMLCALL domxml__on_pi(void *ud, const XML_Char *target, const XML_Char *data)
{
    domxml__add_leaf(ud, DOMXML_NODE_PI, target, data);
}

/*
 * The XML declaration. Output is always UTF-8: a declaration that says so
 * (or names no encoding) in an ASCII-compatible input is kept as written;
 * any other is rebuilt to name UTF-8, keeping version and standalone.
 */
static void XMLCALL domxml__on_xmldecl(void *ud, const XML_Char *version,
                                       const XML_Char *encoding, int standalone)
{
    struct domxml__pctx *pc = ud;
    XML_Index at = XML_GetCurrentByteIndex(pc->xp);
    int len = XML_GetCurrentByteCount(pc->xp);
    const char *sa = standalone == 1 ? " standalone='yes'" : standalone == 0 ? " standalone='no'" : "";
    size_t n;
    char *decl;

    if (pc->failed || version == NULL)
        return; /* NULL version: a text declaration, impossible without external entities */
    const char *text = at >= 0 ? domxml__event_bytes(pc) : NULL;
    if ((!encoding || strcasecmp(encoding, "UTF-8") == 0) && text && len > 5 &&
        memcmp(text, "<?xml", 5) == 0) {
        pc->doc->dom.xml_decl = domxml__strndup(pc->arena, text, (size_t)len);
        if (!pc->doc->dom.xml_decl)
            domxml__nomem(pc);
        return;
    }
    n = strlen(version) + strlen(sa) + 48;
    decl = domxml__alloc(pc->arena, n);
    if (!decl) {
        domxml__nomem(pc);
        return;
    }
    snprintf(decl, n, "<?xml version='%s' encoding='UTF-8'%s?>", version, sa);
    pc->doc->dom.xml_decl = decl;
}

static void XMLCALL domxml__on_doctype(void *ud, const XML_Char *name, const XML_Char *sysid,
                                       const XML_Char *pubid, int has_internal_subset)
{
    (void)sysid;
    (void)pubid;
    (void)has_internal_subset;
    domxml__fail(ud, DOMXML_ERR_FORBIDDEN,
                 "document type declaration <!DOCTYPE %s> is not allowed", name);
}

static void XMLCALL domxml__on_entity_decl(void *ud, const XML_Char *name, int is_param,
                                           const XML_Char *value, int value_length,
                                           const XML_Char *base, const XML_Char *system_id,
                                           const XML_Char *public_id,
                                           const XML_Char *notation_name)
{
    (void)is_param; (void)value; (void)value_length; (void)base;
    (void)system_id; (void)public_id; (void)notation_name;
    domxml__fail(ud, DOMXML_ERR_FORBIDDEN, "entity declaration '%s' is not allowed", name);
}

/* ------------------------------------------------------------------ */
/* Driver                                                               */

/* The input bytes around expat's error: *p at the error, `before` and
 * `after` bytes at hand on each side. false when none are. */
static bool domxml__error_bytes(struct domxml__pctx *pc, const char **p, size_t *before,
                                size_t *after)
{
    XML_Index at = XML_GetCurrentByteIndex(pc->xp);
    int offset = 0, size = 0;
    const char *ctx;

    if (at < 0)
        return false;
    if (pc->mem) {
        if ((size_t)at > pc->mem_len)
            return false;
        *p = pc->mem + at;
        *before = (size_t)at;
        *after = pc->mem_len - (size_t)at;
        return true;
    }
    ctx = XML_GetInputContext(pc->xp, &offset, &size);
    if (!ctx || offset > size)
        return false;
    *p = ctx + offset;
    *before = (size_t)offset;
    *after = (size_t)(size - offset);
    return true;
}

/* An XML name starting at s (at most n bytes, up to 63 copied). */
static const char *domxml__name_at(const char *s, size_t n, char out[64])
{
    size_t k = 0;

    while (k < n && k < 63 && s[k] && !strchr(" \t\r\n/>=;'\"<&", s[k]))
        k++;
    memcpy(out, s, k);
    out[k] = '\0';
    return out;
}

/* expat stopped at, or just after, an '&' that starts no reference ("a & b",
 * "a&b<"). */
static bool domxml__bare_amp(const char *p, size_t before, size_t after)
{
    size_t k = 0;

    if (after > 0 && p[0] == '&')
        return true;
    while (k < before && k < 64 && !strchr(" \t\r\n<>&;'\"", p[-(ptrdiff_t)k - 1]))
        k++;
    return k < before && p[-(ptrdiff_t)k - 1] == '&';
}

/* expat's verdict, said more precisely where the input shows what went
 * wrong: which tag is not closed, which attribute is repeated, a bare '&'. */
static void domxml__expat_message(struct domxml__pctx *pc, enum XML_Error code)
{
    const char *p = NULL;
    size_t before = 0, after = 0;
    char a[64], b[64];
    bool bytes = domxml__error_bytes(pc, &p, &before, &after);
    const domxml__frame *top = pc->depth ? &pc->frames[pc->depth - 1] : NULL;

    if (code == XML_ERROR_TAG_MISMATCH && top && bytes) {
        /* expat stops at the name of the end tag, or at its '<'. */
        const char *name = after > 2 && p[0] == '<' && p[1] == '/' ? p + 2
                           : before >= 2 && p[-1] == '/' && p[-2] == '<' ? p : NULL;
        if (name) {
            domxml__error_set(pc->err, DOMXML_ERR_XML,
                              "mismatched tag: </%s> does not close <%s>, opened at %lu:%lu",
                              domxml__name_at(name, after - (size_t)(name - p), a), top->name,
                              top->line, top->column);
            return;
        }
    }
    if (code == XML_ERROR_DUPLICATE_ATTRIBUTE && bytes) {
        const char *lt = p;
        while (lt > p - before && *lt != '<')
            lt--;
        if (*lt == '<') {
            domxml__error_set(pc->err, DOMXML_ERR_XML, "duplicate attribute '%s' in <%s>",
                              domxml__name_at(p, after, a),
                              domxml__name_at(lt + 1, (size_t)(p - lt - 1), b));
            domxml__new_step(pc, b, pc->error_rel, sizeof(pc->error_rel));
            return;
        }
    }
    if (code == XML_ERROR_INVALID_TOKEN && bytes && domxml__bare_amp(p, before, after)) {
        domxml__error_set(pc->err, DOMXML_ERR_XML,
                          "unescaped '&': write it as &amp; (or use a character reference)");
        return;
    }
    if (code == XML_ERROR_UNDEFINED_ENTITY && bytes && after > 1 && p[0] == '&') {
        domxml__error_set(pc->err, DOMXML_ERR_XML,
                          "undefined entity '&%s;' (only &amp; &lt; &gt; &apos; &quot; and "
                          "character references are defined; an unescaped '&' is written &amp;)",
                          domxml__name_at(p + 1, after - 1, a));
        return;
    }
    domxml__error_set(pc->err, DOMXML_ERR_XML, "%s", XML_ErrorString(code));
}

static void domxml__expat_error(struct domxml__pctx *pc)
{
    enum XML_Error code = XML_GetErrorCode(pc->xp);

    if (code == XML_ERROR_NO_MEMORY && pc->arena->over)
        domxml__error_set(pc->err, DOMXML_ERR_LIMIT,
                          "the document needs more than %zu bytes of memory (max_memory)",
                          pc->arena->limit);
    else if (code == XML_ERROR_NO_MEMORY)
        domxml__error_set(pc->err, DOMXML_ERR_NOMEM, "out of memory");
    else
        domxml__expat_message(pc, code);
    pc->err->line = XML_GetCurrentLineNumber(pc->xp);
    pc->err->column = XML_GetCurrentColumnNumber(pc->xp) + 1;
    pc->err->offset = (unsigned long long)XML_GetCurrentByteIndex(pc->xp);
    /* error_rel: the element expat refused, not yet a frame */
    domxml__fill_path(pc, pc->error_rel[0] ? pc->error_rel : NULL);
}

/*
 * expat allocates through these, each block counted against max_memory as
 * it is taken, so a parse is bounded from its first byte (a huge attribute
 * or comment before any event included). expat's hooks carry no context:
 * the arena of the parse running on this thread is reached through a
 * thread-local pointer, set (and restored) around every expat call.
 */
static _Thread_local domxml__arena *domxml__expat_arena;

typedef union domxml__xhead {
    size_t size; /* bytes the caller asked for */
    max_align_t align;
} domxml__xhead;

static void *domxml__xmalloc(size_t n)
{
    domxml__arena *a = domxml__expat_arena;
    domxml__xhead *h;

    if (n > SIZE_MAX - sizeof(*h) || !domxml__arena_take(a, n))
        return NULL;
    if (!(h = a->mem.malloc_fcn(sizeof(*h) + n))) {
        a->expat_used -= n;
        return NULL;
    }
    h->size = n;
    return h + 1;
}

static void *domxml__xrealloc(void *p, size_t n)
{
    domxml__arena *a = domxml__expat_arena;
    domxml__xhead *h, *bigger;
    size_t old;

    if (!p)
        return domxml__xmalloc(n);
    h = (domxml__xhead *)p - 1;
    old = h->size;
    if (n > SIZE_MAX - sizeof(*h) || (n > old && !domxml__arena_take(a, n - old)))
        return NULL;
    if (!(bigger = a->mem.realloc_fcn(h, sizeof(*h) + n))) {
        if (n > old)
            a->expat_used -= n - old;
        return NULL;
    }
    if (n < old)
        a->expat_used -= old - n;
    bigger->size = n;
    return bigger + 1;
}

static void domxml__xfree(void *p)
{
    domxml__arena *a = domxml__expat_arena;
    domxml__xhead *h;

    if (!p)
        return;
    h = (domxml__xhead *)p - 1;
    a->expat_used -= h->size;
    a->mem.free_fcn(h);
}

/* Around each expat call: its allocations count in pc's arena. */
static domxml__arena *domxml__expat_enter(struct domxml__pctx *pc)
{
    domxml__arena *outer = domxml__expat_arena;

    domxml__expat_arena = pc->arena;
    return outer;
}

static void domxml__expat_leave(domxml__arena *outer)
{
    domxml__expat_arena = outer;
}

static XML_Parser domxml__expat_new(struct domxml__pctx *pc)
{
    XML_Memory_Handling_Suite suite = {domxml__xmalloc, domxml__xrealloc, domxml__xfree};
    domxml__arena *outer = domxml__expat_enter(pc);
    XML_Parser xp = XML_ParserCreate_MM(NULL, &suite, NULL);

    domxml__expat_leave(outer);
    if (!xp)
        return NULL;
    XML_SetUserData(xp, pc);
    XML_SetElementHandler(xp, domxml__on_start, domxml__on_end);
    XML_SetCharacterDataHandler(xp, domxml__on_text);
    XML_SetCommentHandler(xp, domxml__on_comment);
    XML_SetCdataSectionHandler(xp, domxml__on_cdata_start, domxml__on_cdata_end);
    XML_SetProcessingInstructionHandler(xp, domxml__on_pi);
    XML_SetXmlDeclHandler(xp, domxml__on_xmldecl);
    XML_SetStartDoctypeDeclHandler(xp, domxml__on_doctype);
    XML_SetEntityDeclHandler(xp, domxml__on_entity_decl);
    XML_SetParamEntityParsing(xp, XML_PARAM_ENTITY_PARSING_NEVER);
    return xp;
}

/* DOMXML_PARSE_VALIDATE: the first error diagnostic fails the parse. */
static bool domxml__parse_validate(const domxml_domain *dom, domxml_error *err)
{
    domxml_error verr;
    domxml_diagnostics *ds = domxml_domain_validate(dom, &verr);
    const domxml_diagnostic *first = NULL;

    if (!ds) {
        domxml__error_set(err, verr.code, "%s", verr.message);
        return false;
    }
    for (size_t i = 0; i < ds->count && !first; i++) {
        if (ds->items[i].severity == DOMXML_SEVERITY_ERROR)
            first = &ds->items[i];
    }
    if (first) {
        domxml__error_set(err, first->kind, "%s", first->message);
        err->line = first->line;
        err->column = first->column;
        domxml__error_path(err, first->path, strlen(first->path));
    }
    domxml_diagnostics_free(ds);
    return first == NULL;
}

/* The options a caller gave (domain.c has refused size 0), completed with
 * defaults. */
static void domxml__options(const domxml_parse_options *in, domxml_parse_options *out)
{
    size_t size = in ? in->size : 0;

    memset(out, 0, sizeof(*out));
    /* A field is read only when it lies wholly within the caller's size. */
#define DOMXML__OPT(f)                                                         \
    if (offsetof(domxml_parse_options, f) + sizeof(in->f) <= size)             \
        out->f = in->f
    DOMXML__OPT(memory);
    DOMXML__OPT(flags);
    DOMXML__OPT(max_depth);
    DOMXML__OPT(max_size);
    DOMXML__OPT(max_memory);
#undef DOMXML__OPT
    out->size = sizeof(*out);
    if (!out->max_size)
        out->max_size = DOMXML__DEFAULT_MAX_SIZE;
    /* expat takes an int length: 2 GiB - 1 is a hard ceiling. */
    if (out->max_size > (size_t)INT32_MAX)
        out->max_size = (size_t)INT32_MAX;
    if (!out->max_depth)
        out->max_depth = DOMXML__DEFAULT_DEPTH;
    if (out->max_depth > DOMXML__MAX_DEPTH)
        out->max_depth = DOMXML__MAX_DEPTH;
    if (!out->max_memory)
        out->max_memory = DOMXML__DEFAULT_MAX_MEMORY;
}

/*
 * expat's buffer holds what it has not parsed yet plus some context; it
 * grows by doubling. Count it (and our frame and text buffers) against
 * max_memory between pieces, so one parse stays within the budget.
 */
static bool domxml__budget_ok(struct domxml__pctx *pc)
{
    size_t held = pc->text_cap + (size_t)pc->cap * sizeof(domxml__frame) +
                  pc->names_cap * sizeof(*pc->names);

    if (domxml__arena_admit(pc->arena, held))
        return true;
    domxml__nomem(pc);
    return false;
}

/* Hand the input to expat in pieces: from memory, or read from a stream
 * into expat's own buffer (no second copy). */
static bool domxml__feed(struct domxml__pctx *pc, const domxml__input *in, size_t max_size)
{
    if (!in->fp) {
        size_t off = 0;
        do {
            size_t n = in->len - off < DOMXML__CHUNK ? in->len - off : DOMXML__CHUNK;
            bool last = off + n == in->len;
            pc->fed += n;
            if (XML_Parse(pc->xp, in->buf ? in->buf + off : "", (int)n, last) != XML_STATUS_OK)
                return false;
            off += n;
            if (!last && !domxml__budget_ok(pc))
                return false;
        } while (off < in->len);
        return true;
    }
    for (;;) {
        void *dst = XML_GetBuffer(pc->xp, DOMXML__CHUNK);
        size_t n;

        if (!dst) {
            domxml__nomem(pc);
            return false;
        }
        n = fread(dst, 1, DOMXML__CHUNK, in->fp);
        if (n < DOMXML__CHUNK && ferror(in->fp)) {
            char text[128];
            domxml__error_set(pc->err, DOMXML_ERR_IO, "cannot read: %s",
                              domxml__errno_text(errno, text));
            pc->failed = true;
            return false;
        }
        pc->fed += n;
        if (pc->fed > max_size) {
            domxml__error_set(pc->err, DOMXML_ERR_LIMIT, "input exceeds the limit of %zu bytes",
                              max_size);
            pc->failed = true;
            return false;
        }
        if (XML_ParseBuffer(pc->xp, (int)n, n == 0) != XML_STATUS_OK)
            return false;
        if (n == 0)
            return true;
        if (!domxml__budget_ok(pc))
            return false;
    }
}

domxml_domain *domxml__parse(const domxml__input *in, const domxml_parse_options *options,
                             domxml_error *err)
{
    domxml_parse_options opts;
    struct domxml__pctx pc;
    domxml_domain *dom;
    domxml__arena *outer;
    bool ok;

    domxml__options(options, &opts);
    if (!in->fp && in->len > opts.max_size) {
        domxml__error_set(err, DOMXML_ERR_LIMIT, "input of %zu bytes exceeds the limit of %zu",
                          in->len, opts.max_size);
        return NULL;
    }
    dom = domxml_domain_new(opts.memory);
    if (!dom) {
        domxml__error_set(err, DOMXML_ERR_NOMEM, "out of memory");
        return NULL;
    }
    memset(&pc, 0, sizeof(pc));
    pc.diag.report = domxml__parse_report;
    pc.doc = dom->internal;
    pc.arena = &pc.doc->arena;
    pc.err = err;
    pc.max_depth = opts.max_depth;
    pc.arena->limit = opts.max_memory;
    pc.flags = opts.flags;
    pc.mem = in->fp ? NULL : in->buf;
    pc.mem_len = in->fp ? 0 : in->len;
    domxml__hash_key_new(&pc.name_key, &pc);
    pc.prolog_tail = &dom->prolog;
    pc.epilog_tail = &dom->epilog;
    pc.xp = domxml__expat_new(&pc);
    if (!pc.xp) {
        domxml__error_set(err, DOMXML_ERR_NOMEM, "out of memory");
        domxml_domain_free(dom);
        return NULL;
    }
    outer = domxml__expat_enter(&pc);
    ok = domxml__feed(&pc, in, opts.max_size);
    if (!ok && !pc.failed)
        domxml__expat_error(&pc);
    XML_ParserFree(pc.xp);
    domxml__expat_leave(outer);
    pc.arena->mem.free_fcn(pc.frames);
    pc.arena->mem.free_fcn(pc.text);
    pc.arena->mem.free_fcn(pc.names);
    pc.arena->extern_used = 0;
    /* Pairs that resolve are linked; a partner that is missing, ambiguous
     * or taken is a problem across devices, for validation (libvirt defines
     * such documents). A member that breaks its own rules is a parse error. */
    if (ok && !(opts.flags & DOMXML_PARSE_NO_TEAMING_LINK)) {
        domxml_error link_err;
        domxml__error_clear(&link_err, NULL);
        if (domxml__teaming_link(dom, &link_err) == -2) {
            domxml__error_set(err, link_err.code, "%s", link_err.message);
            err->line = link_err.line;
            err->column = link_err.column;
            memcpy(err->path, link_err.path, sizeof(err->path));
            err->path_len = link_err.path_len;
            ok = false;
        }
    }
    if (ok && (opts.flags & DOMXML_PARSE_VALIDATE))
        ok = domxml__parse_validate(dom, err);
    if (!ok) {
        domxml_domain_free(dom);
        return NULL;
    }
    return dom;
}
