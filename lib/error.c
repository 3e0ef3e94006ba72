/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The error struct: first error wins, filling it never allocates. */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "values.h"

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

/* One character of a message as written: itself, or an escape when it is
 * a control character (C0, DEL, C1, U+2028/9: a forged line for whoever
 * reads the text line by line) or a byte that is not UTF-8. The length;
 * *s moves past what was read. */
static size_t domxml__message_piece(const unsigned char **s, char out[8])
{
    const unsigned char *p = *s;
    unsigned cp = 0, n;

    if (*p >= 0x20 && *p < 0x7f) {
        out[0] = (char)*p;
        *s = p + 1;
        return 1;
    }
    if (*p == '\n' || *p == '\t' || *p == '\r') {
        out[0] = '\\';
        out[1] = *p == '\n' ? 'n' : *p == '\t' ? 't' : 'r';
        *s = p + 1;
        return 2;
    }
    n = *p >= 0x80 ? domxml__utf8_decode(p, &cp) : 0;
    if (!n) {
        *s = p + 1;
        return (size_t)snprintf(out, 8, "\\x%02X", (unsigned)*p);
    }
    *s = p + n;
    if ((cp >= 0x80 && cp <= 0x9f) || cp == 0x2028 || cp == 0x2029)
        return (size_t)snprintf(out, 8, "\\u%04X", cp);
    memcpy(out, p, n);
    return n;
}

void domxml__message_copy(char *out, size_t size, const char *msg, bool cut)
{
    static const char marker[] = "...";
    const size_t mlen = sizeof(marker) - 1;
    const unsigned char *s = (const unsigned char *)msg;
    size_t o = 0, mark_at = 0;

    if (!size)
        return;
    while (*s) {
        char piece[8];
        size_t n = domxml__message_piece(&s, piece);
        if (o + mlen < size)
            mark_at = o; /* the marker still fits after what is written so far */
        if (o + n >= size) {
            cut = true;
            break;
        }
        memcpy(out + o, piece, n);
        o += n;
    }
    if (cut) {
        if (o + mlen >= size)
            o = mark_at;
        if (o + mlen < size) {
            memcpy(out + o, marker, mlen);
            o += mlen;
        }
    }
    out[o] = '\0';
}

void domxml__message_vformat(char *out, size_t size, const char *fmt, va_list ap)
{
    char text[2048];
    int n = vsnprintf(text, sizeof(text), fmt, ap);

    domxml__message_copy(out, size, n < 0 ? "" : text, n >= (int)sizeof(text));
}

void domxml__error_vset(domxml_error *err, domxml_error_code code,
                        const char *fmt, va_list ap)
{
    if (!err || err->code != DOMXML_OK)
        return;
    err->code = code;
    domxml__message_vformat(err->message, sizeof(err->message), fmt, ap);
}

void domxml__error_set(domxml_error *err, domxml_error_code code, const char *fmt, ...)
{
    va_list ap;

    va_start(ap, fmt);
    domxml__error_vset(err, code, fmt, ap);
    va_end(ap);
}
