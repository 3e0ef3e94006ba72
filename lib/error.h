/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* error.c: filling the public error struct (first error wins). */
#ifndef DOMXML_ERROR_H
#define DOMXML_ERROR_H

#include "common.h"

DOMXML__INTERNAL void domxml__error_set(domxml_error *err, domxml_error_code code,
                                        const char *fmt, ...) DOMXML__PRINTF(3, 4);
DOMXML__INTERNAL void domxml__error_vset(domxml_error *err, domxml_error_code code,
                                         const char *fmt, va_list ap) DOMXML__PRINTF(3, 0);
/* The text of an errno value (strerror_r into buf): "Is a directory". */
DOMXML__INTERNAL const char *domxml__errno_text(int errnum, char buf[128]);
DOMXML__INTERNAL void domxml__error_clear(domxml_error *err, const char *source);

#endif /* DOMXML_ERROR_H */
