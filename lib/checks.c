/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * One node or element at a time, what a parse of the formatted text would
 * refuse: names and text XML cannot carry, comments and PIs that would end
 * early, device nodes where the parser would not make them, values set by
 * hand outside their syntax or range, required attributes left out. The
 * per-element rules themselves are each descriptor's own check.
 */
#include <stdio.h>
#include <strings.h>

#include "arena.h"
#include "checks.h"
#include "error.h"
#include "hash.h"
#include "values.h"

/* ------------------------------------------------------------------ */
/* Reporting                                                            */

static void domxml__vreport(domxml__diag *d, domxml__problem *p, const char *fmt, va_list ap)
    DOMXML__PRINTF(3, 0);

/* Format the message; a leading "[id] " is the problem's code. */
static void domxml__vreport(domxml__diag *d, domxml__problem *p, const char *fmt, va_list ap)
{
    char msg[sizeof(((domxml_error *)0)->message)];
    char id[64];
    const char *end;

    domxml__message_vformat(msg, sizeof(msg), fmt, ap);
    p->message = msg;
    p->id = NULL;
    if (msg[0] == '[' && (end = strchr(msg, ']')) && end[1] == ' ' &&
        (size_t)(end - msg) < sizeof(id)) {
        memcpy(id, msg + 1, (size_t)(end - msg - 1));
        id[end - msg - 1] = '\0';
        p->id = id;
        p->message = end + 2;
    }
    d->report(d, p);
}

int domxml__rule(domxml__diag *d, domxml_error_code code, const char *fmt, ...)
{
    domxml__problem p = {DOMXML_SEVERITY_ERROR, code, NULL, NULL, NULL, NULL, NULL};
    va_list ap;

    va_start(ap, fmt);
    domxml__vreport(d, &p, fmt, ap);
    va_end(ap);
    return -1;
}

int domxml__rule_at(domxml__diag *d, domxml_error_code code, const domxml_meta *at,
                    const char *rel, const char *fmt, ...)
{
    domxml__problem p = {DOMXML_SEVERITY_ERROR, code, NULL, at, rel, NULL, NULL};
    va_list ap;

    va_start(ap, fmt);
    domxml__vreport(d, &p, fmt, ap);
    va_end(ap);
    return -1;
}

int domxml__rule_attr(domxml__diag *d, domxml_error_code code, const char *attr,
                      const char *fmt, ...)
{
    domxml__problem p = {DOMXML_SEVERITY_ERROR, code, NULL, NULL, NULL, attr, NULL};
    va_list ap;

    va_start(ap, fmt);
    domxml__vreport(d, &p, fmt, ap);
    va_end(ap);
    return -1;
}

int domxml__warn(domxml__diag *d, domxml_error_code code, const domxml_meta *at, const char *rel,
                 const char *attr, const char *fmt, ...)
{
    domxml__problem p = {DOMXML_SEVERITY_WARNING, code, NULL, at, rel, attr, NULL};
    va_list ap;

    va_start(ap, fmt);
    domxml__vreport(d, &p, fmt, ap);
    va_end(ap);
    return 0;
}

int domxml__strict(domxml__diag *d, domxml_error_code code, const domxml_meta *at,
                   const char *rel, const char *attr, const char *fmt, ...)
{
    domxml__problem p = {DOMXML__SEVERITY_STRICT, code, NULL, at, rel, attr, NULL};
    va_list ap;

    va_start(ap, fmt);
    domxml__vreport(d, &p, fmt, ap);
    va_end(ap);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Names                                                                */

void domxml__checker_init(domxml__checker *ck, domxml__diag *diag, const struct domxml__doc *doc)
{
    ck->diag = diag;
    ck->doc = doc;
    ck->failed = false;
    ck->nomem = false;
    memset(ck->good_names, 0, sizeof(ck->good_names));
}

static bool domxml__name_ok(domxml__checker *ck, const char *name)
{
    size_t slot = ((uintptr_t)name >> 3) % DOMXML__N(ck->good_names);

    if (name && ck->good_names[slot] == name)
        return true;
    if (!domxml__is_xml_name(name))
        return false;
    ck->good_names[slot] = name;
    return true;
}

/* Same attribute name: shared copies compare by address first. */
static bool domxml__same_name(const char *a, const char *b)
{
    return a == b || (a[0] == b[0] && strcmp(a, b) == 0);
}

/* An attribute list: domxml_attr or domxml_extra_attr, read through these. */
typedef struct domxml__attr_list {
    const void *first;
    const void *(*next)(const void *item);
    const char *(*name)(const void *item);
} domxml__attr_list;

static const void *domxml__attr_next(const void *a) { return ((const domxml_attr *)a)->next; }
static const char *domxml__attr_name(const void *a) { return ((const domxml_attr *)a)->name; }
static const void *domxml__xattr_next(const void *a)
{
    return ((const domxml_extra_attr *)a)->next;
}
static const char *domxml__xattr_name(const void *a)
{
    return ((const domxml_extra_attr *)a)->name;
}

/* Few attributes are compared pairwise; more go through a keyed hash set,
 * so an element with a million attributes costs a million steps. */
enum { DOMXML__PAIRWISE_MAX = 16 };

/* The first name of the list that repeats an earlier one, or NULL; sets
 * ck->nomem (and returns NULL) when the set cannot be allocated. Names
 * are valid (checked before). */
static const char *domxml__repeated_name(domxml__checker *ck, const domxml__attr_list *l)
{
    const domxml_memory *mem = &ck->doc->arena.mem;
    const char *found = NULL;
    domxml__strmap set;
    size_t n = 0;

    for (const void *a = l->first; a; a = l->next(a))
        n++;
    if (n <= DOMXML__PAIRWISE_MAX) {
        for (const void *a = l->first; a && !found; a = l->next(a)) {
            for (const void *b = l->first; b != a; b = l->next(b)) {
                if (domxml__same_name(l->name(a), l->name(b))) {
                    found = l->name(a);
                    break;
                }
            }
        }
        return found;
    }
    if (!domxml__strmap_init(&set, mem, n)) {
        ck->nomem = true;
        return NULL;
    }
    for (const void *a = l->first; a && !found; a = l->next(a)) {
        const char *name = l->name(a);
        domxml__strmap_slot *slot = domxml__strmap_slot_of(&set, name, strlen(name));
        if (slot->key)
            found = name;
        slot->key = name;
        slot->len = strlen(name);
    }
    domxml__strmap_free(&set);
    return found;
}

/* The duplicate-name rule of one list: 0, or -1 after reporting. */
static int domxml__check_repeats(domxml__checker *ck, const domxml__attr_list *l,
                                 const char *elem)
{
    const char *dup = domxml__repeated_name(ck, l);

    if (ck->nomem)
        return domxml__rule(ck->diag, DOMXML_ERR_NOMEM, "out of memory");
    if (dup)
        return domxml__rule(ck->diag, DOMXML_ERR_DUPLICATE, "duplicate attribute '%s' in <%s>",
                            dup, elem);
    return 0;
}

/* ------------------------------------------------------------------ */
/* Values of modelled elements                                          */

static int domxml__check_number(domxml__diag *d, const domxml__elem *e, const domxml__attr *a,
                                bool set, unsigned long long v, unsigned long long max)
{
    char text[24];

    if (!set) {
        if (v != 0)
            return domxml__rule_attr(d, DOMXML_ERR_VALUE, a->name,
                                "attribute '%s' of <%s> holds a value but is not set", a->name,
                                e->name);
        return 0;
    }
    domxml__number_text(text, v, a->fmt);
    if (v > max)
        return domxml__rule_attr(d, DOMXML_ERR_RANGE, a->name,
                            "value '%s' of attribute '%s' of <%s> is out of range (maximum %llu)",
                            text, a->name, e->name, max);
    if ((a->flags & DOMXML__A_NONZERO) && v == 0)
        return domxml__rule_attr(d, DOMXML_ERR_RANGE, a->name,
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
            return domxml__rule_attr(d, DOMXML_ERR_VALUE, a->name,
                                "attribute '%s' of <%s> holds bytes that are not XML text "
                                "(invalid UTF-8 or a control character)", a->name, e->name);
        if ((a->flags & DOMXML__A_REQUIRED) && !*s)
            return domxml__rule_attr(d, DOMXML_ERR_VALUE, a->name, "attribute '%s' of <%s> must not be empty",
                                a->name, e->name);
        if (a->kind == DOMXML__K_UUID && !domxml__parse_uuid(s, uuid))
            return domxml__rule_attr(d, DOMXML_ERR_VALUE, a->name,
                                "invalid value '%s' for attribute '%s' of <%s>: expected a UUID",
                                s, a->name, e->name);
        return 0;
    case DOMXML__K_ENUM:
        v = *(const int *)field;
        if (v < 0 || (unsigned)v >= a->etab->count)
            return domxml__rule_attr(d, DOMXML_ERR_VALUE, a->name,
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
            return domxml__rule_attr(d, DOMXML_ERR_RANGE, a->name,
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
            return domxml__rule_attr(d, DOMXML_ERR_MISSING, a->name, "missing required attribute '%s' of <%s>",
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

/* Kept, but probably a mistake: an unknown attribute of a modelled element
 * (validation warns; parsing and formatting ignore warnings). */
static void domxml__warn_unknown_attr(domxml__checker *ck, const domxml__elem *e, const char *name)
{
    const char *near = domxml__nearest_name(name, e->attrs, e->n_attrs, sizeof(*e->attrs));

    if (strchr(name, ':'))
        return; /* a namespaced attribute: someone else's extension */
    if (near)
        domxml__warn(ck->diag, DOMXML_ERR_CONTENT, NULL, NULL, name,
                     "[unknown.attribute] unknown attribute '%s' of <%s>; did you mean '%s'?",
                     name, e->name, near);
    else
        domxml__warn(ck->diag, DOMXML_ERR_CONTENT, NULL, NULL, name,
                     "[unknown.attribute] unknown attribute '%s' of <%s> is kept but not "
                     "understood", name, e->name);
}

/* The same for an unknown child element (the nearest known child row). */
static void domxml__warn_unknown_kid(domxml__checker *ck, const domxml__elem *e, const void *obj,
                                     const domxml_node *n)
{
    const domxml_meta at = {n->line, n->column};
    const char *near = NULL;
    unsigned best = 3;

    if (strchr(n->name, ':'))
        return;
    for (unsigned i = 0; i < e->n_kids; i++) {
        const domxml__child *row = &e->kids[i];
        unsigned d = domxml__name_distance(n->name, row->elem->name, 2);
        if (d < best && (!row->applies || row->applies(obj)) &&
            (d <= 1 || strlen(n->name) >= 6)) {
            near = row->elem->name;
            best = d;
        }
    }
    if (near)
        domxml__warn(ck->diag, DOMXML_ERR_CONTENT, &at, n->name, NULL,
                     "[unknown.element] unknown element <%s> in <%s>; did you mean <%s>?%s",
                     n->name, e->name, near,
                     best == 0 ? " (names are case-sensitive)" : "");
    else
        domxml__warn(ck->diag, DOMXML_ERR_CONTENT, &at, n->name, NULL,
                     "[unknown.element] unknown element <%s> in <%s> is kept but not understood",
                     n->name, e->name);
}

/* Unknown attributes kept on a modelled element: names XML can carry, not
 * the name of a known attribute (it would be read back as that one). */
static int domxml__check_extra_attrs(domxml__checker *ck, const domxml__elem *e,
                                     const domxml_extra *x)
{
    for (const domxml_extra_attr *a = x ? x->attrs : NULL; a; a = a->next) {
        if (!domxml__name_ok(ck, a->name) || !a->value || !domxml__is_xml_text(a->value))
            return domxml__rule(ck->diag, DOMXML_ERR_VALUE,
                                "a kept attribute of <%s> has a name or value XML cannot carry",
                                e->name);
        for (unsigned i = 0; i < e->n_attrs; i++) {
            if (strcmp(e->attrs[i].name, a->name) == 0)
                return domxml__rule(ck->diag, DOMXML_ERR_DUPLICATE,
                                    "duplicate attribute '%s' in <%s>", a->name, e->name);
        }
        domxml__warn_unknown_attr(ck, e, a->name);
    }
    if (x && x->attrs) {
        const domxml__attr_list l = {x->attrs, domxml__xattr_next, domxml__xattr_name};
        return domxml__check_repeats(ck, &l, e->name);
    }
    return 0;
}

/* Kept children of a modelled element: an element named like a known child
 * would be read back as that child, and a text element holds no element. */
static int domxml__check_extra_kids(domxml__checker *ck, const domxml__elem *e, const void *obj,
                                    const domxml_extra *x)
{
    for (const domxml_node *n = x->children; n; n = n->next) {
        const char *name = n->kind == DOMXML_NODE_ELEMENT ? n->name
                           : n->kind == DOMXML_NODE_INTERFACE ? "interface"
                           : n->kind == DOMXML_NODE_HOSTDEV ? "hostdev" : NULL;
        if (!name)
            continue;
        if (e->text_kind != DOMXML__K_NONE)
            return domxml__rule(ck->diag, DOMXML_ERR_CONTENT,
                                "element <%s> is not allowed in <%s>", name, e->name);
        for (unsigned i = 0; i < e->n_kids; i++) {
            const domxml__child *row = &e->kids[i];
            if (strcmp(row->elem->name, name) == 0 && (!row->applies || row->applies(obj)))
                return domxml__rule(ck->diag, DOMXML_ERR_DUPLICATE,
                                    "a kept child <%s> of <%s> would be read back as the "
                                    "modelled <%s>", name, e->name, name);
        }
        if (n->kind == DOMXML_NODE_ELEMENT)
            domxml__warn_unknown_kid(ck, e, obj, n);
    }
    return 0;
}

int domxml__check_elem(domxml__checker *ck, const domxml__elem *e, const void *obj,
                       const domxml_extra *x)
{
    if (domxml__check_attrs(ck->diag, e, obj) < 0 || domxml__check_text(ck->diag, e, obj) < 0)
        return -1;
    return x ? (domxml__check_extra_attrs(ck, e, x) < 0 || domxml__check_extra_kids(ck, e, obj, x) < 0
                    ? -1 : 0)
             : 0;
}

int domxml__check_row(domxml__checker *ck, const domxml__elem *e, const domxml__child *row)
{
    return domxml__rule(ck->diag, DOMXML_ERR_CONTENT,
                        "<%s> holds a <%s> that does not apply to it here and would not be "
                        "written", e->name, row->elem->name);
}

/* ------------------------------------------------------------------ */
/* Generic nodes                                                        */

int domxml__check_generic(domxml__checker *ck, const domxml_node *n, bool domain_root)
{
    bool seen_devices = false;

    for (const domxml_attr *a = n->attrs; a; a = a->next) {
        if (!domxml__name_ok(ck, a->name) || !a->value || !domxml__is_xml_text(a->value))
            return domxml__rule(ck->diag, DOMXML_ERR_VALUE,
                                "an attribute of <%s> has a name or value XML cannot carry",
                                n->name);
    }
    if (n->attrs) {
        const domxml__attr_list l = {n->attrs, domxml__attr_next, domxml__attr_name};
        if (domxml__check_repeats(ck, &l, n->name) < 0)
            return -1;
    }
    for (const domxml_node *c = domain_root ? n->children : NULL; c; c = c->next) {
        bool devices = c->kind == DOMXML_NODE_ELEMENT && c->name && strcmp(c->name, "devices") == 0;
        if (devices && seen_devices)
            return domxml__rule(ck->diag, DOMXML_ERR_DUPLICATE,
                                "element <devices> may appear only once in <domain>");
        seen_devices |= devices;
    }
    return 0;
}

int domxml__check_visit(domxml__checker *ck, const domxml_node *n, unsigned depth,
                        unsigned where, const char *parent)
{
    if (ck->failed)
        return -1;
    if (depth >= DOMXML__MAX_DEPTH)
        return domxml__rule(ck->diag, DOMXML_ERR_LIMIT, "too deep");
    return domxml__check_node(ck, n, where, parent);
}

int domxml__check_node(domxml__checker *ck, const domxml_node *n, unsigned where,
                       const char *parent)
{
    const char *t = n->text;
    size_t len;

    switch (n->kind) {
    case DOMXML_NODE_ELEMENT:
        if (!domxml__name_ok(ck, n->name))
            return domxml__rule(ck->diag, DOMXML_ERR_VALUE,
                                "an element has no name or one XML cannot carry");
        if ((where & DOMXML__IN_DEVICES) &&
            (strcmp(n->name, "interface") == 0 || strcmp(n->name, "hostdev") == 0))
            return domxml__rule(ck->diag, DOMXML_ERR_CONTENT,
                                "a generic <%s> element in <devices> would be read back as a "
                                "modelled device: use domxml_%s_node_new()", n->name, n->name);
        if ((where & DOMXML__IN_DEVICES) &&
            (strcasecmp(n->name, "interface") == 0 || strcasecmp(n->name, "hostdev") == 0))
            domxml__warn(ck->diag, DOMXML_ERR_CONTENT, &(domxml_meta){n->line, n->column}, n->name,
                         NULL,
                         "[unknown.element-case] element <%s> differs from <%s> only in case: "
                         "XML names are case-sensitive, so it is kept as an unknown element",
                         n->name, n->name[0] == 'I' || n->name[0] == 'i' ? "interface" : "hostdev");
        return 0;
    case DOMXML_NODE_TEXT:
        if (where & DOMXML__IN_TYPED)
            return domxml__rule(ck->diag, DOMXML_ERR_CONTENT, "text is not allowed in <%s>",
                                parent);
        if (!t || !domxml__is_xml_text(t))
            return domxml__rule(ck->diag, DOMXML_ERR_VALUE,
                                "a text node holds no text or bytes that are not XML text");
        return 0;
    case DOMXML_NODE_COMMENT:
        len = t ? strlen(t) : 0;
        if (!t || strstr(t, "--") || (len && t[len - 1] == '-') || !domxml__is_xml_text(t))
            return domxml__rule(ck->diag, DOMXML_ERR_VALUE,
                                "a comment that is missing, contains '--', ends in '-' or holds "
                                "bytes that are not XML text");
        return 0;
    case DOMXML_NODE_PI:
        if (!domxml__is_xml_name(n->name) || strcasecmp(n->name, "xml") == 0 ||
            (t && (strstr(t, "?>") || !domxml__is_xml_text(t))))
            return domxml__rule(ck->diag, DOMXML_ERR_VALUE,
                                "a processing instruction without a valid target or "
                                "containing '?>'");
        return 0;
    case DOMXML_NODE_INTERFACE:
    case DOMXML_NODE_HOSTDEV:
        if (!(where & (DOMXML__IN_DEVICES | DOMXML__AT_ROOT)))
            return domxml__rule(ck->diag, DOMXML_ERR_CONTENT,
                                "a modelled <%s> outside <devices> would be read back as a "
                                "generic element",
                                domxml__node_tag(n));
        if (n->kind == DOMXML_NODE_INTERFACE ? !n->interface : !n->hostdev)
            return domxml__rule(ck->diag, DOMXML_ERR_INVALID_ARG,
                                "a device node without its struct");
        return 0;
    case DOMXML_NODE_KIND_LAST:
        break;
    }
    return domxml__rule(ck->diag, DOMXML_ERR_INVALID_ARG, "a node of an unknown kind");
}

/* "S? = S?" of an XML declaration; returns the text after it, or NULL. */
static const char *domxml__decl_eq(const char *p)
{
    p += strspn(p, " \t\r\n");
    if (*p != '=')
        return NULL;
    return p + 1 + strspn(p + 1, " \t\r\n");
}

/* One pseudo-attribute of an XML declaration: S name Eq quoted value whose
 * characters are in `allowed`; the value in *val, *len (without quotes). */
static const char *domxml__decl_attr(const char *p, const char *name, const char *allowed,
                                     const char **val, size_t *len)
{
    size_t ws = strspn(p, " \t\r\n"), n = strlen(name);
    char q;

    if (ws == 0 || strncmp(p + ws, name, n) != 0 || !(p = domxml__decl_eq(p + ws + n)))
        return NULL;
    q = *p;
    if (q != '\'' && q != '"')
        return NULL;
    *val = p + 1;
    *len = strspn(p + 1, allowed);
    if (p[1 + *len] != q)
        return NULL;
    return p + 2 + *len;
}

/* The declaration is written as it is held: it must be one, and must not
 * name an encoding other than the UTF-8 the output is in. */
static bool domxml__xml_decl_ok(const char *d)
{
    /* expat takes any version of these characters (XML 1.0's first
     * edition VersionNum, less ':'), even an empty one. */
    static const char version_chars[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-";
    static const char enc_chars[] =
        "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789._-";
    const char *p, *next, *val;
    size_t len;

    if (strncmp(d, "<?xml", 5) != 0 ||
        !(p = domxml__decl_attr(d + 5, "version", version_chars, &val, &len)))
        return false;
    if ((next = domxml__decl_attr(p, "encoding", enc_chars, &val, &len))) {
        if (len != 5 || strncasecmp(val, "UTF-8", 5) != 0)
            return false;
        p = next;
    }
    if ((next = domxml__decl_attr(p, "standalone", "yesno", &val, &len))) {
        if (!(len == 3 && strncmp(val, "yes", 3) == 0) && !(len == 2 && strncmp(val, "no", 2) == 0))
            return false;
        p = next;
    }
    p += strspn(p, " \t\r\n");
    return strcmp(p, "?>") == 0;
}

int domxml__check_root(const domxml_domain *dom, domxml_error *err)
{
    const domxml_node *root = dom->root;

    if (dom->xml_decl && !domxml__xml_decl_ok(dom->xml_decl)) {
        domxml__error_set(err, DOMXML_ERR_VALUE,
                          "xml_decl is not an XML declaration of UTF-8 text: "
                          "<?xml version='V' [encoding='UTF-8'] [standalone='yes|no']?>");
        return -1;
    }

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
    for (int side = 0; side < 2; side++) {
        for (const domxml_node *n = side ? dom->epilog : dom->prolog; n; n = n->next) {
            if (n->kind != DOMXML_NODE_COMMENT && n->kind != DOMXML_NODE_PI) {
                domxml__error_set(err, DOMXML_ERR_CONTENT,
                                  "only comments and processing instructions may stand "
                                  "outside the root element");
                return -1;
            }
        }
    }
    return 0;
}
