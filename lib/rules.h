/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * rules.c: the reporting rule walk over a whole tree. It visits generic
 * nodes and, for modelled devices, the same descriptor tables the parser
 * and formatter use, applying the checks a parse would apply.
 */
#ifndef DOMXML_RULES_H
#define DOMXML_RULES_H

#include "common.h"

/* 0, or -1 with *err filled: the first problem, in document order, with
 * the path of the element and its input position when it has one. */
DOMXML__INTERNAL int domxml__check_domain(const domxml_domain *dom, domxml_error *err);

#endif /* DOMXML_RULES_H */
