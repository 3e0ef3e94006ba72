/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rules.c: the rule pass over a whole tree. It walks generic nodes and, for
 * modelled devices, the same descriptor tables the parser and formatter
 * use, applying the checks a parse would apply.
 */
#ifndef DOMXML_RULES_H
#define DOMXML_RULES_H

#include "desc.h"

/* 0, or -1 with *err filled: the first problem, in document order, with
 * the path of the element and its input position when it has one. */
DOMXML__INTERNAL int domxml__check_domain(const domxml_domain *dom, domxml_error *err);

/* The value checks the parser makes on one attribute, for a hand-built
 * value: presence of required ones, enum and number ranges, syntaxes. */
DOMXML__INTERNAL int domxml__check_attrs(domxml__diag *d, const domxml__elem *e, const void *obj);

#endif /* DOMXML_RULES_H */
