/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The error struct: first error wins, filling it never allocates. */
#include <stdio.h>
#include <string.h>

#include "error.h"

static const char *const domxml__error_texts[] = {
    [DOMXML_OK] = "success",
    [DOMXML_ERR_NOMEM] = "out of memory",
    [DOMXML_ERR_IO] = "input/output error",
    [DOMXML_ERR_XML] = "malformed XML",
    [DOMXML_ERR_FORBIDDEN] = "forbidden XML construct",
    [DOMXML_ERR_LIMIT] = "limit exceeded",
    [DOMXML_ERR_MISSING] = "required attribute or element missing",
    [DOMXML_ERR_VALUE] = "invalid value",
    [DOMXML_ERR_RANGE] = "value out of range",
    [DOMXML_ERR_DUPLICATE] = "duplicate element",
    [DOMXML_ERR_CONTENT] = "unexpected content",
    [DOMXML_ERR_TEAMING] = "invalid teaming configuration",
    [DOMXML_ERR_INVALID_ARG] = "invalid argument",
    [DOMXML_ERR_UNSUPPORTED] = "unsupported",
};
static_assert(DOMXML__N(domxml__error_texts) == DOMXML_ERR_LAST,
              "every error code needs a text");

const char *domxml_strerror(domxml_error_code code)
{
    if ((unsigned)code >= DOMXML_ERR_LAST)
        return "unknown error";
    return domxml__error_texts[code];
}

void domxml__error_clear(domxml_error *err, const char *source)
{
    if (!err)
        return;
    memset(err, 0, sizeof(*err));
    if (source)
        snprintf(err->source, sizeof(err->source), "%s", source);
}

void domxml__error_vset(domxml_error *err, domxml_error_code code,
                        const char *fmt, va_list ap)
{
    if (!err || err->code != DOMXML_OK)
        return;
    err->code = code;
    vsnprintf(err->message, sizeof(err->message), fmt, ap);
}

void domxml__error_set(domxml_error *err, domxml_error_code code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    domxml__error_vset(err, code, fmt, ap);
    va_end(ap);
}

bool domxml__options_ok(const void *options, size_t known, const char *what, const char *init,
                        domxml_error *err)
{
    size_t size;

    if (!options)
        return true;
    memcpy(&size, options, sizeof(size));
    if (size == 0) {
        domxml__error_set(err, DOMXML_ERR_VALUE, "%s without a size: fill them with %s()", what,
                          init);
        return false;
    }
    for (size_t i = known; i < size; i++) {
        if (((const unsigned char *)options)[i] != 0) {
            domxml__error_set(err, DOMXML_ERR_UNSUPPORTED,
                              "%s set a field this library does not know", what);
            return false;
        }
    }
    return true;
}
