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

/* One problem a rule found. */
typedef struct domxml__problem {
    domxml_severity severity;
    domxml_error_code kind;
    const char *id;        /* stable code ("teaming.partner-missing"), or NULL */
    const domxml_meta *at; /* a child of the current element, or NULL: the element */
    const char *rel;       /* that child's path below the current element */
    const char *attr;      /* the attribute at fault, or NULL */
    const char *message;
} domxml__problem;

typedef struct domxml__diag domxml__diag;
struct domxml__diag {
    void (*report)(domxml__diag *d, const domxml__problem *p);
};

/*
 * Report an error at the current element; returns -1 so rules can
 * `return`. A format that starts with "[id] " gives the problem its stable
 * code (the text in brackets is not part of the message).
 */
DOMXML__INTERNAL int domxml__rule(domxml__diag *d, domxml_error_code code, const char *fmt,
                                  ...) DOMXML__PRINTF(3, 4);
/* Report an error at a child of the current element. */
DOMXML__INTERNAL int domxml__rule_at(domxml__diag *d, domxml_error_code code,
                                     const domxml_meta *at, const char *rel, const char *fmt,
                                     ...) DOMXML__PRINTF(5, 6);
/* Report an error about attribute `attr` of the current element. */
DOMXML__INTERNAL int domxml__rule_attr(domxml__diag *d, domxml_error_code code,
                                       const char *attr, const char *fmt, ...)
    DOMXML__PRINTF(4, 5);
/* Report a warning (validation only: parsing and formatting ignore it);
 * returns 0. `at`/`rel`/`attr` as above, each may be NULL. */
DOMXML__INTERNAL int domxml__warn(domxml__diag *d, domxml_error_code code, const domxml_meta *at,
                                  const char *rel, const char *attr, const char *fmt, ...)
    DOMXML__PRINTF(6, 7);

/* The severity of a problem only validation reports as an error: what
 * libvirt refuses when it defines or starts a guest but parsing takes
 * (parse is lenient). The parser, the formatter and domxml_domain_check()
 * pass it by, as they pass warnings; domxml_domain_validate() reports it as
 * DOMXML_SEVERITY_ERROR. */
#define DOMXML__SEVERITY_STRICT ((domxml_severity)DOMXML_SEVERITY_LAST)

/* Report such an error; returns 0 (parsing goes on). `at`/`rel`/`attr` as
 * for domxml__warn. */
DOMXML__INTERNAL int domxml__strict(domxml__diag *d, domxml_error_code code,
                                    const domxml_meta *at, const char *rel, const char *attr,
                                    const char *fmt, ...) DOMXML__PRINTF(6, 7);

#endif /* DOMXML_DIAG_H */
