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
/* Messages quote input: they are written as one line of valid UTF-8, with
 * control characters and bytes that are not UTF-8 escaped (\n, \t, \r,
 * \xNN, \uNNNN), and cut only between characters, "..." marking the cut.
 * copy: msg into out (size bytes, NUL-terminated); `cut`: msg is already
 * cut short. vformat: the same for a printf format. */
DOMXML__INTERNAL void domxml__message_copy(char *out, size_t size, const char *msg, bool cut);
DOMXML__INTERNAL void domxml__message_vformat(char *out, size_t size, const char *fmt,
                                              va_list ap) DOMXML__PRINTF(3, 0);

#endif /* DOMXML_ERROR_H */
