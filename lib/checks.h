/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * checks.c: what a parse of the formatted text would refuse, as checks of
 * one node or element at a time. Two traversals use them: the reporting
 * walk (rules.c, with paths and positions) and the formatter (format.c,
 * which stops at the first failure and lets the walk say what it was).
 */
#ifndef DOMXML_CHECKS_H
#define DOMXML_CHECKS_H

#include "desc.h"

struct domxml__doc;

typedef struct domxml__checker {
    domxml__diag *diag;
    const struct domxml__doc *doc;
    bool failed; /* a check reported (set by domxml__rule through the checker) */
    bool nomem;  /* a check could not allocate (reported as DOMXML_ERR_NOMEM) */
    /* Names already found valid, by address: parsed documents share one
     * copy per name, so each is looked at once. */
    const char *good_names[64];
} domxml__checker;

/* Where a node stands, for the checks that depend on it. */
enum {
    DOMXML__IN_TYPED = 1u << 0,   /* unknown child of a modelled element */
    DOMXML__IN_DEVICES = 1u << 1, /* child of /domain/devices */
    DOMXML__AT_ROOT = 1u << 2,    /* the root, a prolog or an epilog node */
    DOMXML__IN_DOMAIN = 1u << 3   /* child of a <domain> root */
};

DOMXML__INTERNAL void domxml__checker_init(domxml__checker *ck, domxml__diag *diag,
                                           const struct domxml__doc *doc);

/* The node itself (name, text, placement), not its children. `parent` is
 * the parent's name, for messages. */
DOMXML__INTERNAL int domxml__check_node(domxml__checker *ck, const domxml_node *n,
                                        unsigned where, const char *parent);
/* A node the formatter is about to write at `depth`: nothing failed yet,
 * the depth is within DOMXML__MAX_DEPTH, and domxml__check_node passes. */
DOMXML__INTERNAL int domxml__check_visit(domxml__checker *ck, const domxml_node *n,
                                         unsigned depth, unsigned where, const char *parent);
/* A generic element's attributes, and one <devices> per <domain>. */
DOMXML__INTERNAL int domxml__check_generic(domxml__checker *ck, const domxml_node *n,
                                           bool domain_root);
/* A modelled element's own values: attribute rows, kept attributes, text. */
DOMXML__INTERNAL int domxml__check_elem(domxml__checker *ck, const domxml__elem *e,
                                        const void *obj, const domxml_extra *x);
/* A child set in a row that does not apply to obj (it would be lost). */
DOMXML__INTERNAL int domxml__check_row(domxml__checker *ck, const domxml__elem *e,
                                       const domxml__child *row);
/* The value checks the parser makes on the attribute rows, for values set
 * by hand: presence of required ones, enum and number ranges, syntaxes. */
DOMXML__INTERNAL int domxml__check_attrs(domxml__diag *d, const domxml__elem *e,
                                         const void *obj);
/* The document level: a root the parser would accept. 0, or -1 with *err
 * filled. */
DOMXML__INTERNAL int domxml__check_root(const domxml_domain *dom, domxml_error *err);

#endif /* DOMXML_CHECKS_H */
