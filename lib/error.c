/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The error struct: first error wins, filling it never allocates. */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "values.h"

/* strerror() is not reentrant: strerror_r into the caller's buffer. Which
 * strerror_r depends on the feature macros of the file including us (the
 * single header): XSI returns 0 and fills buf, GNU returns the text. */
static const char *domxml__xsi_text(int rc, int errnum, char *buf)
{
    if (rc != 0)
        snprintf(buf, 128, "error %d", errnum);
    return buf;
}

static const char *domxml__gnu_text(const char *text, int errnum, char *buf)
{
    (void)errnum;
    return text ? text : buf;
}

const char *domxml__errno_text(int errnum, char buf[128])
{
    buf[0] = '\0';
    return _Generic(strerror_r(errnum, buf, 128), int: domxml__xsi_text,
                    default: domxml__gnu_text)(strerror_r(errnum, buf, 128), errnum, buf);
}

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

/* Where a cut at or before `at` bytes of s leaves whole UTF-8 sequences:
 * back over continuation bytes to a sequence's first byte. */
static size_t domxml__utf8_floor(const char *s, size_t at)
{
    while (at > 0 && ((unsigned char)s[at] & 0xc0) == 0x80)
        at--;
    return at;
}

/* The length of the longest start of s[0..n) that ends with a whole UTF-8
 * sequence (s was cut at n, perhaps inside one). */
static size_t domxml__utf8_whole(const char *s, size_t n)
{
    size_t start = n;

    while (start > 0 && ((unsigned char)s[start - 1] & 0xc0) == 0x80)
        start--;
    if (start == 0)
        return n;
    unsigned char lead = (unsigned char)s[start - 1];
    size_t need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : lead >= 0xc0 ? 2 : 1;
    return n - (start - 1) >= need ? n : start - 1;
}

/* The same, forward: the first sequence start at or after `at`. */
static size_t domxml__utf8_ceil(const char *s, size_t at)
{
    while (s[at] && ((unsigned char)s[at] & 0xc0) == 0x80)
        at++;
    return at;
}

void domxml__error_clear(domxml_error *err, const char *source)
{
    if (!err)
        return;
    memset(err, 0, sizeof(*err));
    if (!source)
        return;
    /* A long name keeps its end, the file's own name: "...dir/guest.xml". */
    err->source_len = strlen(source);
    if (err->source_len < sizeof(err->source)) {
        memcpy(err->source, source, err->source_len + 1);
        return;
    }
    size_t from = domxml__utf8_ceil(source, err->source_len - (sizeof(err->source) - 4));
    snprintf(err->source, sizeof(err->source), "...%s", source + from);
}

void domxml__path_step(char *buf, size_t size, size_t *len, const char *name, unsigned index)
{
    size_t used = *len < size ? *len : size - 1;
    int n = index > 1 ? snprintf(buf + used, size - used, "/%s[%u]", name, index)
                      : snprintf(buf + used, size - used, "/%s", name);

    if (n > 0)
        *len += (size_t)n;
    if (*len >= size) /* keep whole sequences only in what did fit */
        buf[domxml__utf8_whole(buf, size - 1)] = '\0';
}

void domxml__error_path(domxml_error *err, const char *path, size_t len)
{
    const size_t room = sizeof(err->path) - 1, have = strlen(path);
    size_t head, tail;

    err->path_len = len;
    if (len <= room && have == len) {
        memcpy(err->path, path, len + 1);
        return;
    }
    /* Start and end, each at a step boundary when there is one:
     * "/domain/devices/.../interface[2]/mac". Without the end (the path
     * was longer than the caller's buffer) the start alone, then "...". */
    head = domxml__utf8_floor(path, (room - 3) / 2);
    for (size_t k = head; k > 1; k--)
        if (path[k] == '/') {
            head = k;
            break;
        }
    if (have < len) {
        head = domxml__utf8_floor(path, room - 3 < have ? room - 3 : have);
        snprintf(err->path, sizeof(err->path), "%.*s...", (int)head, path);
        return;
    }
    tail = domxml__utf8_ceil(path, have - (room - 4 - head));
    for (size_t k = tail; k < have; k++)
        if (path[k] == '/') {
            tail = k;
            break;
        }
    snprintf(err->path, sizeof(err->path), "%.*s/...%s", (int)head, path, path + tail);
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
