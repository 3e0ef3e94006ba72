/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * parse.c: bytes to the model. One entry point for domain.c, and the few
 * calls attribute and normalize hooks of the element files use.
 */
#ifndef DOMXML_PARSE_H
#define DOMXML_PARSE_H

#include <stdio.h>

#include "common.h"

struct domxml__pctx;

/* The input: a buffer in memory, or a stream read in pieces. */
typedef struct domxml__input {
    const char *buf;
    size_t len;
    FILE *fp; /* when not NULL: read from here, buf/len unused */
} domxml__input;

/* Parse, link teaming pairs (unless the options say not to), return the
 * domain or NULL with *err filled. */
DOMXML__INTERNAL domxml_domain *domxml__parse(const domxml__input *in,
                                              const domxml_parse_options *options,
                                              domxml_error *err);

/* Fail the parse at the current element: fills the error (first wins),
 * stops expat, returns -1. */
DOMXML__INTERNAL int domxml__fail(struct domxml__pctx *pc, domxml_error_code code,
                                  const char *fmt, ...) DOMXML__PRINTF(3, 4);
/* A copy in the document's arena; NULL (error reported) when out of memory. */
DOMXML__INTERNAL char *domxml__pstrdup(struct domxml__pctx *pc, const char *s);

#endif /* DOMXML_PARSE_H */
