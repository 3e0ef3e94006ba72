/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* error.c: filling the public error struct (first error wins). */
#ifndef DOMXML_ERROR_H
#define DOMXML_ERROR_H

#include "common.h"

DOMXML__INTERNAL void domxml__error_set(domxml_error *err, domxml_error_code code,
                                        const char *fmt, ...) DOMXML__PRINTF(3, 4);
DOMXML__INTERNAL void domxml__error_vset(domxml_error *err, domxml_error_code code,
                                         const char *fmt, va_list ap) DOMXML__PRINTF(3, 0);
DOMXML__INTERNAL void domxml__error_clear(domxml_error *err, const char *source);

/* A caller-allocated options struct (docs/abi.md): `size` is its first
 * field, `known` the library's sizeof; refuse size 0 and set bytes past
 * `known`. `what` names it ("parse options") and its init function. */
DOMXML__INTERNAL bool domxml__options_ok(const void *options, size_t known, const char *what,
                                         const char *init, domxml_error *err);

#endif /* DOMXML_ERROR_H */
