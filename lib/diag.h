/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Where rules report: a rule is a function of the model and a diag sink,
 * so the same rule runs while parsing (the sink fails the parse at the
 * current element) and on any tree (the sink records the error with the
 * path and position of the element the walk is at).
 */
#ifndef DOMXML_DIAG_H
#define DOMXML_DIAG_H

#include "common.h"

typedef struct domxml__diag domxml__diag;
struct domxml__diag {
    /* One problem: `at` is the meta of a child of the current element (its
     * start tag), or NULL for the current element itself; `rel` is that
     * child's path below the current element. */
    void (*report)(domxml__diag *d, domxml_error_code code, const domxml_meta *at,
                   const char *rel, const char *message);
};

/* Report at the current element; returns -1 so rules can `return`. */
DOMXML__INTERNAL int domxml__rule(domxml__diag *d, domxml_error_code code, const char *fmt,
                                  ...) DOMXML__PRINTF(3, 4);
/* Report at a child of the current element. */
DOMXML__INTERNAL int domxml__rule_at(domxml__diag *d, domxml_error_code code,
                                     const domxml_meta *at, const char *rel, const char *fmt,
                                     ...) DOMXML__PRINTF(5, 6);

#endif /* DOMXML_DIAG_H */
