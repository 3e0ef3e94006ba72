/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* buf.c: growable output buffer; OOM is sticky and checked at the end. */
#ifndef DOMXML_BUF_H
#define DOMXML_BUF_H

#include "common.h"

struct domxml__doc;
struct domxml__checker;

typedef struct domxml__buf {
    const struct domxml__doc *doc; /* the document being written */
    struct domxml__checker *ck;    /* the checks run while writing */
    const domxml_memory *mem;
    char *data;
    size_t len, cap;
    bool oom;
    bool pretty; /* false inside mixed content: no indentation or newlines */
    /* Streaming: when set, full buffers are handed to `sink` and reused. */
    int (*sink)(void *ctx, const char *data, size_t len);
    void *sink_ctx;
    bool sink_failed;
} domxml__buf;

DOMXML__INTERNAL void domxml__buf_add_slow(domxml__buf *b, const char *s, size_t n);
/* The formatter's hot path: a bounds check and a copy, inlined. */
static inline void domxml__buf_add(domxml__buf *b, const char *s, size_t n)
{
    if (b->cap - b->len > n) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
        return;
    }
    domxml__buf_add_slow(b, s, n);
}
/* Output formats of numbers. */
typedef enum domxml__fmt {
    DOMXML__F_DEC = 0, /* %u / %llu / %d */
    DOMXML__F_HEX,     /* 0x%x */
    DOMXML__F_HEX2,    /* 0x%02x */
    DOMXML__F_HEX4,    /* 0x%04x */
    DOMXML__F_HEX8,    /* 0x%08x */
    DOMXML__F_HEXDEC   /* 0x%d: libvirt's PCI function */
} domxml__fmt;
/* A number in one of the domxml__fmt styles. */
DOMXML__INTERNAL void domxml__buf_number(domxml__buf *b, unsigned long long v, unsigned fmt);
/* The same into out[24], NUL-terminated; returns out. */
DOMXML__INTERNAL char *domxml__number_text(char out[24], unsigned long long v, unsigned fmt);
DOMXML__INTERNAL void domxml__buf_puts(domxml__buf *b, const char *s);
DOMXML__INTERNAL void domxml__buf_indent(domxml__buf *b, unsigned depth);
DOMXML__INTERNAL void domxml__buf_newline(domxml__buf *b);
/* Escape for an attribute value ('...') or text content. */
DOMXML__INTERNAL void domxml__buf_escape_attr(domxml__buf *b, const char *s);
DOMXML__INTERNAL void domxml__buf_escape_text(domxml__buf *b, const char *s);
/* Write s with each byte of `special` replaced by rep(byte). */
DOMXML__INTERNAL void domxml__buf_escape_set(domxml__buf *b, const char *s, const char *special,
                                             const char *(*rep)(char));
/* The reference for one of < > & ' " CR LF TAB, as the formatter writes it. */
DOMXML__INTERNAL const char *domxml__buf_escape_rep(char c);
/* "<!--text-->"; "<?target data?>" ("<?target?>" without data). */
DOMXML__INTERNAL void domxml__buf_comment(domxml__buf *b, const char *text);
DOMXML__INTERNAL void domxml__buf_pi(domxml__buf *b, const char *target, const char *data);
/* Write " name='escaped value'". */
DOMXML__INTERNAL void domxml__buf_attr(domxml__buf *b, const char *name, const char *value);
/* Streaming: hand what is buffered to the sink (no-op without one). */
DOMXML__INTERNAL void domxml__buf_flush(domxml__buf *b);

#endif /* DOMXML_BUF_H */
