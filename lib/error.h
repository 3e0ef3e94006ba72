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
/* Element paths: domxml__path_step() appends "/name" or "/name[index]"
 * (index > 1) to a path built in buf, *len counting every byte even those
 * that did not fit; domxml__error_path() sets err->path from it (shortened
 * around "..." when too long) and err->path_len. */
DOMXML__INTERNAL void domxml__path_step(char *buf, size_t size, size_t *len, const char *name,
                                        unsigned index);
DOMXML__INTERNAL void domxml__error_path(domxml_error *err, const char *path, size_t len);
/* A path too long for this is cut at its end (err->path_len stays exact). */
enum { DOMXML__PATH_WORK = 4096 };

/* A caller-allocated options struct (docs/abi.md): `size` is its first
 * field, `known` the library's sizeof; refuse size 0 and set bytes past
 * `known`. `what` names it ("parse options") and its init function. */
DOMXML__INTERNAL bool domxml__options_ok(const void *options, size_t known, const char *what,
                                         const char *init, domxml_error *err);

/* Messages quote input: they are written as one line of valid UTF-8, with
 * control characters and bytes that are not UTF-8 escaped (\n, \t, \r,
 * \xNN, \uNNNN), and cut only between characters, "..." marking the cut.
 * copy: msg into out (size bytes, NUL-terminated); `cut`: msg is already
 * cut short. vformat: the same for a printf format. */
DOMXML__INTERNAL void domxml__message_copy(char *out, size_t size, const char *msg, bool cut);
DOMXML__INTERNAL void domxml__message_vformat(char *out, size_t size, const char *fmt,
                                              va_list ap) DOMXML__PRINTF(3, 0);

#endif /* DOMXML_ERROR_H */
