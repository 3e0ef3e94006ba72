/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * <metadata> as libvirt writes it. libvirt keeps the element as a libxml2
 * tree, read with blank text nodes dropped, and writes it with libxml2's own
 * serialiser (format on, one level per element) instead of its formatter.
 * So inside it: double quotes, namespace declarations before the other
 * attributes, text with only < > & and CR escaped, CDATA sections kept,
 * re-indentation only of elements without text children, and indentation
 * that stops growing at 60 spaces. docs/metadata.md lists the rules, with
 * the two places where we write what libxml2 would not (to stay parseable).
 */
#include <stdio.h>

#include "arena.h"
#include "checks.h"
#include "hash.h"
#include "metadata.h"
#include "validate.h"
#include "values.h"

/* libxml2 indents by two spaces per level up to this many levels. */
#define DOMXML__MD_INDENT_LEVELS 30

bool domxml__is_metadata(const domxml_node *n)
{
    return n->kind == DOMXML_NODE_ELEMENT && strcmp(n->name, "metadata") == 0;
}

static void domxml__md_spaces(domxml__buf *b, unsigned level, unsigned cap)
{
    static const char spaces[2 * DOMXML__INDENT_LEVELS + 1] =
        "                                                                ";

    domxml__buf_add(b, spaces, 2 * (size_t)(level < cap ? level : cap));
}

/* libxml2's indentation of a line at `level`. */
static void domxml__md_indent(domxml__buf *b, unsigned level)
{
    domxml__md_spaces(b, level, DOMXML__MD_INDENT_LEVELS);
}

/* ------------------------------------------------------------------ */
/* Which children libxml2's reader keeps                                */

/*
 * The children of an element as libxml2 read them: our nodes, plus the
 * blank text the parser kept as layout flags (a canonical indentation).
 * Blank text is dropped as libxml2's reader drops it without a DTD: unless
 * xml:space='preserve' is in force, it goes when markup follows it, unless
 * it is the element's only content, or the last or the first kept child is
 * text. CDATA sections are not text for that rule.
 */
typedef enum { DOMXML__MD_END, DOMXML__MD_BLANK, DOMXML__MD_NODE } domxml__md_kind;

typedef struct domxml__md_item {
    domxml__md_kind kind;
    const domxml_node *node; /* NODE: the node; BLANK: the node it precedes, NULL at the end */
} domxml__md_item;

typedef struct domxml__md_kids {
    const domxml_node *parent;
    const domxml_node *cur;     /* the next node */
    bool blank_done;            /* cur's layout blank was given */
    bool end_done;              /* the end tag's layout blank was given */
    bool preserve;              /* xml:space='preserve' in force */
    bool any, first_text, last_text; /* what was kept so far */
} domxml__md_kids;

static bool domxml__md_plain_text(const domxml_node *n)
{
    return n->kind == DOMXML_NODE_TEXT && !(n->layout & DOMXML_LAYOUT_CDATA);
}

static bool domxml__md_blank(const domxml_node *n)
{
    return domxml__md_plain_text(n) && n->text && domxml__is_ws(n->text, strlen(n->text));
}

/* The next item, without taking it. */
static domxml__md_item domxml__md_peek(const domxml__md_kids *k)
{
    if (k->cur && !k->blank_done && (k->cur->layout & DOMXML_LAYOUT_WS_BEFORE))
        return (domxml__md_item){DOMXML__MD_BLANK, k->cur};
    if (k->cur)
        return (domxml__md_item){DOMXML__MD_NODE, k->cur};
    if (!k->end_done && (k->parent->layout & DOMXML_LAYOUT_WS_BEFORE_END))
        return (domxml__md_item){DOMXML__MD_BLANK, NULL};
    return (domxml__md_item){DOMXML__MD_END, NULL};
}

static void domxml__md_take(domxml__md_kids *k, const domxml__md_item *it)
{
    if (it->kind == DOMXML__MD_BLANK && it->node)
        k->blank_done = true;
    else if (it->kind == DOMXML__MD_BLANK)
        k->end_done = true;
    else if (it->kind == DOMXML__MD_NODE) {
        k->cur = k->cur->next;
        k->blank_done = false;
    }
}

/* The next kept item: false at the end. */
static bool domxml__md_next(domxml__md_kids *k, domxml__md_item *out)
{
    for (;;) {
        domxml__md_item it = domxml__md_peek(k);
        bool blank, keep = true, text;

        if (it.kind == DOMXML__MD_END)
            return false;
        domxml__md_take(k, &it);
        blank = it.kind == DOMXML__MD_BLANK || domxml__md_blank(it.node);
        if (blank && !k->preserve) {
            domxml__md_item next = domxml__md_peek(k);
            bool markup = next.kind == DOMXML__MD_END ||
                          (next.kind == DOMXML__MD_NODE && !domxml__md_plain_text(next.node));
            keep = !markup || (next.kind == DOMXML__MD_END && !k->any) || k->last_text ||
                   k->first_text;
        }
        if (!keep)
            continue;
        text = blank || domxml__md_plain_text(it.node);
        if (!k->any)
            k->first_text = text;
        k->last_text = text;
        k->any = true;
        *out = it;
        return true;
    }
}

static void domxml__md_kids_init(domxml__md_kids *k, const domxml_node *parent, bool preserve)
{
    *k = (domxml__md_kids){.parent = parent, .cur = parent->children, .preserve = preserve};
}

/* xml:space on this element, else what the parent had. */
static bool domxml__md_preserve(const domxml_node *n, bool inherited)
{
    for (const domxml_attr *a = n->attrs; a; a = a->next) {
        if (strcmp(a->name, "xml:space") == 0)
            return strcmp(a->value, "preserve") == 0;
    }
    return inherited;
}

/* ------------------------------------------------------------------ */
/* Writing                                                              */

static bool domxml__md_is_xmlns(const char *name)
{
    return strncmp(name, "xmlns", 5) == 0 && (name[5] == '\0' || name[5] == ':');
}

/* A namespace URI: libxml2 keeps '&' as "&#38;" and writes the rest raw,
 * in single quotes when it holds a double one. Raw '<' and white space
 * would not read back as written, so they are escaped here. */
static const char *domxml__md_ns_rep(char c)
{
    return c == '&' ? "&#38;" : domxml__buf_escape_rep(c);
}

static void domxml__md_ns_decl(domxml__buf *b, const domxml_attr *a)
{
    bool dq = strchr(a->value, '"') != NULL, sq = strchr(a->value, '\'') != NULL;
    const char *quote = dq && !sq ? "'" : "\"";

    domxml__buf_add(b, " ", 1);
    domxml__buf_puts(b, a->name);
    domxml__buf_add(b, "=", 1);
    domxml__buf_puts(b, quote);
    domxml__buf_escape_set(b, a->value, dq && sq ? "&<\"\t\n\r" : "&<\t\n\r", domxml__md_ns_rep);
    domxml__buf_puts(b, quote);
}

/* An attribute value as libxml2 writes one of a node without a document
 * encoding: markup, '"' and white space escaped, non-ASCII as "&#xHEX;". */
static void domxml__md_attr(domxml__buf *b, const domxml_attr *a)
{
    const unsigned char *s = (const unsigned char *)a->value;

    domxml__buf_add(b, " ", 1);
    domxml__buf_puts(b, a->name);
    domxml__buf_add(b, "=\"", 2);
    while (*s) {
        size_t n = 0;
        while (s[n] >= 0x20 && s[n] < 0x80 && !strchr("<>&\"", s[n]))
            n++;
        domxml__buf_add(b, (const char *)s, n);
        s += n;
        if (!*s)
            break;
        if (*s < 0x80) {
            domxml__buf_puts(b, domxml__buf_escape_rep((char)*s));
            s++;
            continue;
        }
        /* UTF-8 was checked on the way in (parser or checks.c). */
        unsigned cp, len = domxml__utf8_decode(s, &cp);
        char ref[16];
        if (!len) {
            domxml__buf_add(b, (const char *)s++, 1);
            continue;
        }
        s += len;
        snprintf(ref, sizeof(ref), "&#x%X;", cp);
        domxml__buf_puts(b, ref);
    }
    domxml__buf_add(b, "\"", 1);
}

/* "]]>" cannot stand in a section: libxml2 ends the section after "]]"
 * and opens another for the ">". */
static void domxml__md_cdata(domxml__buf *b, const char *s)
{
    const char *end;

    while ((end = strstr(s, "]]>")) != NULL) {
        domxml__buf_add(b, "<![CDATA[", 9);
        domxml__buf_add(b, s, (size_t)(end + 2 - s));
        domxml__buf_add(b, "]]>", 3);
        s = end + 2;
    }
    domxml__buf_add(b, "<![CDATA[", 9);
    domxml__buf_puts(b, s);
    domxml__buf_add(b, "]]>", 3);
}

static void domxml__md_node(domxml__buf *b, const domxml_node *n, unsigned level, bool format,
                            bool preserve, const char *parent);

/* The layout blank before `before` (NULL: before the end tag of the
 * element at `level`), as the parser found it. */
static void domxml__md_layout_blank(domxml__buf *b, const domxml_node *before, unsigned level)
{
    unsigned depth = before ? level + 1 : level;

    domxml__buf_add(b, "\n", 1);
    domxml__md_spaces(b, depth, DOMXML__INDENT_LEVELS); /* as parse.c recognised it */
}

static void domxml__md_element(domxml__buf *b, const domxml_node *n, unsigned level, bool format,
                               bool preserve)
{
    domxml__md_kids k;
    domxml__md_item it;
    bool kids = false, text = false;

    if (domxml__check_generic(b->ck, n, false) < 0)
        return;
    preserve = domxml__md_preserve(n, preserve);
    domxml__md_kids_init(&k, n, preserve);
    while (domxml__md_next(&k, &it)) {
        kids = true;
        text |= it.kind == DOMXML__MD_BLANK || it.node->kind == DOMXML_NODE_TEXT;
    }
    domxml__buf_add(b, "<", 1);
    domxml__buf_puts(b, n->name);
    for (const domxml_attr *a = n->attrs; a; a = a->next) {
        if (domxml__md_is_xmlns(a->name))
            domxml__md_ns_decl(b, a);
    }
    for (const domxml_attr *a = n->attrs; a; a = a->next) {
        if (!domxml__md_is_xmlns(a->name))
            domxml__md_attr(b, a);
    }
    if (!kids) {
        domxml__buf_add(b, "/>", 2);
        return;
    }
    domxml__buf_add(b, ">", 1);
    format = format && !text; /* text among the children: the subtree as read */
    if (format)
        domxml__buf_add(b, "\n", 1);
    domxml__md_kids_init(&k, n, preserve);
    while (domxml__md_next(&k, &it) && !b->ck->failed) {
        if (format)
            domxml__md_indent(b, level + 1);
        if (it.kind == DOMXML__MD_BLANK)
            domxml__md_layout_blank(b, it.node, level);
        else
            domxml__md_node(b, it.node, level + 1, format, preserve, n->name);
        if (format)
            domxml__buf_add(b, "\n", 1);
    }
    if (format)
        domxml__md_indent(b, level);
    domxml__buf_add(b, "</", 2);
    domxml__buf_puts(b, n->name);
    domxml__buf_add(b, ">", 1);
}

static void domxml__md_node(domxml__buf *b, const domxml_node *n, unsigned level, bool format,
                            bool preserve, const char *parent)
{
    if (domxml__check_visit(b->ck, n, level, 0, parent) < 0)
        return;
    switch (n->kind) {
    case DOMXML_NODE_ELEMENT:
        domxml__md_element(b, n, level, format, preserve);
        return;
    case DOMXML_NODE_TEXT:
        if (n->layout & DOMXML_LAYOUT_CDATA)
            domxml__md_cdata(b, n->text);
        else
            domxml__buf_escape_set(b, n->text, "<>&\r", domxml__buf_escape_rep);
        return;
    case DOMXML_NODE_COMMENT:
        domxml__buf_comment(b, n->text);
        return;
    case DOMXML_NODE_PI:
        domxml__buf_pi(b, n->name, n->text);
        return;
    default: /* refused by domxml__check_node: no modelled device here */
        return;
    }
}

void domxml__format_metadata(domxml__buf *b, const domxml_node *n, unsigned depth)
{
    domxml__md_element(b, n, depth, true, false);
}

/* ------------------------------------------------------------------ */
/* What libvirt drops                                                   */

/* The prefix an xmlns attribute declares ("" for the default namespace)
 * in *prefix, or false when `name` is no namespace declaration. */
static bool domxml__md_declares(const char *name, const char **prefix)
{
    if (!domxml__md_is_xmlns(name))
        return false;
    *prefix = name[5] ? name + 6 : "";
    return true;
}

/* The namespace URI of element n: its prefix's declaration on n itself,
 * else in `outer` (those of <metadata> over those of the <domain> root);
 * "" when it has none. */
static const char *domxml__md_namespace(const domxml_node *n, domxml__strmap *outer)
{
    const char *colon = strchr(n->name, ':'), *prefix;
    size_t plen = colon ? (size_t)(colon - n->name) : 0;
    const domxml__strmap_slot *slot;

    for (const domxml_attr *a = n->attrs; a; a = a->next) {
        if (domxml__md_declares(a->name, &prefix) && strlen(prefix) == plen &&
            strncmp(prefix, n->name, plen) == 0)
            return a->value;
    }
    slot = domxml__strmap_slot_of(outer, n->name, plen);
    return slot->key ? slot->value : "";
}

/* The declarations of the <domain> root, then of <metadata>, which win. */
static bool domxml__md_outer(domxml__strmap *outer, const domxml_memory *mem,
                             const domxml_node *root, const domxml_node *md)
{
    const domxml_node *scope[2] = {root, md};
    const char *prefix;
    size_t n = 0;

    for (int i = 0; i < 2; i++) {
        for (const domxml_attr *a = scope[i]->attrs; a; a = a->next)
            n += domxml__md_declares(a->name, &prefix);
    }
    if (!domxml__strmap_init(outer, mem, n))
        return false;
    for (int i = 0; i < 2; i++) {
        for (const domxml_attr *a = scope[i]->attrs; a; a = a->next) {
            if (!domxml__md_declares(a->name, &prefix))
                continue;
            domxml__strmap_slot *slot = domxml__strmap_slot_of(outer, prefix, strlen(prefix));
            *slot = (domxml__strmap_slot){prefix, strlen(prefix), a->value};
        }
    }
    return true;
}

static void domxml__md_dropped(struct domxml__diags *ds, const domxml_node *n, const char *path,
                               const char *what, const char *why)
{
    char msg[384];

    snprintf(msg, sizeof(msg), "libvirt drops %s from <metadata>%s%s; libdomxml keeps it", what,
             why ? ": " : "", why ? why : "");
    domxml__diags_add(ds, DOMXML_SEVERITY_WARNING, DOMXML_ERR_CONTENT, "metadata.dropped",
                      n->line, n->column, path, msg);
}

void domxml__validate_metadata(const domxml_domain *dom, struct domxml__diags *ds)
{
    const domxml_memory *mem = &dom->internal->arena.mem;
    const domxml_node *root = dom->root, *md = NULL;
    domxml__strmap outer = {0}, seen = {0}; /* prefixes declared around; URIs met */
    size_t elements = 0;

    if (!root || root->kind != DOMXML_NODE_ELEMENT || strcmp(root->name, "domain") != 0)
        return;
    for (const domxml_node *c = root->children; c && !md; c = c->next) {
        if (domxml__is_metadata(c))
            md = c;
    }
    if (!md)
        return;
    for (const domxml_node *c = md->children; c; c = c->next)
        elements += c->kind == DOMXML_NODE_ELEMENT;
    if (!domxml__md_outer(&outer, mem, root, md) || !domxml__strmap_init(&seen, mem, elements)) {
        domxml__diags_nomem(ds);
        goto out;
    }
    for (const domxml_node *c = md->children; c; c = c->next) {
        char path[160], what[160], why[160];
        domxml__strmap_slot *slot;
        const char *uri;

        if (c->kind == DOMXML_NODE_TEXT) {
            if (!domxml__md_blank(c))
                domxml__md_dropped(ds, c, "/domain/metadata", "this text", NULL);
            continue;
        }
        if (c->kind != DOMXML_NODE_ELEMENT) {
            domxml__md_dropped(ds, c, "/domain/metadata",
                               c->kind == DOMXML_NODE_COMMENT ? "this comment"
                                                              : "this processing instruction",
                               NULL);
            continue;
        }
        snprintf(path, sizeof(path), "/domain/metadata/%s", c->name);
        snprintf(what, sizeof(what), "<%.128s>", c->name);
        uri = domxml__md_namespace(c, &outer);
        if (!*uri) {
            domxml__md_dropped(ds, c, path, what, "it is in no namespace");
            continue;
        }
        slot = domxml__strmap_slot_of(&seen, uri, strlen(uri));
        if (!slot->key) {
            *slot = (domxml__strmap_slot){uri, strlen(uri), c};
            continue;
        }
        snprintf(why, sizeof(why), "it keeps only the first element of namespace '%.96s'", uri);
        domxml__md_dropped(ds, c, path, what, why);
    }
out:
    domxml__strmap_free(&outer);
    domxml__strmap_free(&seen);
}
