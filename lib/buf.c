/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Output buffer and XML escaping for the formatter. */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "common.h"

void domxml__buf_flush(domxml__buf *b)
{
    if (!b->sink || b->len == 0 || b->oom)
        return;
    if (!b->sink_failed && b->sink(b->sink_ctx, b->data, b->len) != 0)
        b->sink_failed = true;
    b->len = 0;
}

static bool domxml__buf_reserve(domxml__buf *b, size_t extra)
{
    size_t need, cap;
    char *p;

    if (b->oom)
        return false;
    /* Streaming: empty the buffer before growing it. */
    if (b->sink && b->len + extra + 1 > b->cap && b->len > 0)
        domxml__buf_flush(b);
    if (extra > SIZE_MAX - b->len - 1) {
        b->oom = true;
        return false;
    }
    need = b->len + extra + 1;
    if (need <= b->cap)
        return true;
    cap = b->cap ? b->cap : 4096;
    while (cap < need)
        cap = cap > SIZE_MAX / 2 ? need : cap * 2;
    p = b->mem->realloc_fcn(b->data, cap);
    if (!p) {
        b->oom = true;
        return false;
    }
    b->data = p;
    b->cap = cap;
    return true;
}

void domxml__buf_add_slow(domxml__buf *b, const char *s, size_t n)
{
    if (!domxml__buf_reserve(b, n))
        return;
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void domxml__buf_puts(domxml__buf *b, const char *s)
{
    domxml__buf_add(b, s, strlen(s));
}

/* Numbers without printf: the formatter writes many of them. The digits
 * end at `end`; returns where they start. */
static char *domxml__number_digits(char *end, unsigned long long v, unsigned fmt)
{
    static const char hex[] = "0123456789abcdef";
    static const unsigned width[] = {
        [DOMXML__F_DEC] = 1, [DOMXML__F_HEX] = 1, [DOMXML__F_HEX2] = 2,
        [DOMXML__F_HEX4] = 4, [DOMXML__F_HEX8] = 8, [DOMXML__F_HEXDEC] = 1,
    };
    char *p = end;
    unsigned base = fmt == DOMXML__F_DEC || fmt == DOMXML__F_HEXDEC ? 10 : 16;
    unsigned digits = 0;

    do {
        *--p = hex[v % base];
        v /= base;
        digits++;
    } while (v);
    while (digits < width[fmt]) {
        *--p = '0';
        digits++;
    }
    if (fmt != DOMXML__F_DEC) {
        *--p = 'x';
        *--p = '0';
    }
    return p;
}

void domxml__buf_number(domxml__buf *b, unsigned long long v, unsigned fmt)
{
    char tmp[24];
    char *p = domxml__number_digits(tmp + sizeof(tmp), v, fmt);

    domxml__buf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

char *domxml__number_text(char out[24], unsigned long long v, unsigned fmt)
{
    char tmp[24];
    char *p = domxml__number_digits(tmp + sizeof(tmp), v, fmt);
    size_t n = (size_t)(tmp + sizeof(tmp) - p);

    memcpy(out, p, n);
    out[n] = '\0';
    return out;
}

void domxml__buf_indent(domxml__buf *b, unsigned depth)
{
    static const char spaces[] = "                                ";
    size_t n;

    if (!b->pretty)
        return;
    /* Past a depth no libvirt document reaches, indentation stops growing:
     * the output stays within a constant factor of the input. */
    if (depth > DOMXML__INDENT_LEVELS)
        depth = DOMXML__INDENT_LEVELS;
    n = (size_t)depth * 2;
    while (n > 0) {
        size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
        domxml__buf_add(b, spaces, k);
        n -= k;
    }
}

void domxml__buf_newline(domxml__buf *b)
{
    if (b->pretty)
        domxml__buf_add(b, "\n", 1);
}

void domxml__buf_escape_set(domxml__buf *b, const char *s, const char *special,
                            const char *(*rep)(char))
{
    for (;;) {
        size_t n = strcspn(s, special);

        domxml__buf_add(b, s, n);
        s += n;
        if (!*s)
            return;
        domxml__buf_puts(b, rep(*s));
        s++;
    }
}

const char *domxml__buf_escape_rep(char c)
{
    switch (c) {
    case '<': return "&lt;";
    case '>': return "&gt;";
    case '&': return "&amp;";
    case '\'': return "&apos;";
    case '"': return "&quot;";
    case '\r': return "&#13;";
    case '\n': return "&#10;";
    default: return "&#9;";
    }
}

/* Escape s; in_attr also protects white space that attribute-value
 * normalisation would otherwise turn into spaces on the next parse. */
static void domxml__buf_escape(domxml__buf *b, const char *s, bool in_attr)
{
    domxml__buf_escape_set(b, s, in_attr ? "<>&'\"\r\n\t" : "<>&'\"\r", domxml__buf_escape_rep);
}

void domxml__buf_escape_attr(domxml__buf *b, const char *s)
{
    domxml__buf_escape(b, s, true);
}

void domxml__buf_escape_text(domxml__buf *b, const char *s)
{
    domxml__buf_escape(b, s, false);
}

void domxml__buf_comment(domxml__buf *b, const char *text)
{
    domxml__buf_add(b, "<!--", 4);
    domxml__buf_puts(b, text);
    domxml__buf_add(b, "-->", 3);
}

void domxml__buf_pi(domxml__buf *b, const char *target, const char *data)
{
    domxml__buf_add(b, "<?", 2);
    domxml__buf_puts(b, target);
    if (data && data[0]) {
        domxml__buf_add(b, " ", 1);
        domxml__buf_puts(b, data);
    }
    domxml__buf_add(b, "?>", 2);
}

void domxml__buf_attr(domxml__buf *b, const char *name, const char *value)
{
    domxml__buf_add(b, " ", 1);
    domxml__buf_puts(b, name);
    domxml__buf_add(b, "='", 2);
    domxml__buf_escape_attr(b, value);
    domxml__buf_add(b, "'", 1);
}
