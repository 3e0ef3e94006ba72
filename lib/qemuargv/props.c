/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: value checks, the two serializers (key=value with commas
 * doubled; compact JSON) and the growable text they write to.
 */
#include <string.h>

#include "props.h"

void domxml__qa_put(domxml__qa_buf *b, const char *s, size_t n)
{
    if (b->oom)
        return;
    if (b->len + n + 1 > b->cap) {
        size_t cap = b->cap ? b->cap : 256;
        while (cap < b->len + n + 1)
            cap *= 2;
        char *ns = b->mem->realloc_fcn(b->s, cap);
        if (!ns) {
            b->oom = true;
            return;
        }
        b->s = ns;
        b->cap = cap;
    }
    memcpy(b->s + b->len, s, n);
    b->len += n;
    b->s[b->len] = '\0';
}

void domxml__qa_puts(domxml__qa_buf *b, const char *s)
{
    domxml__qa_put(b, s, strlen(s));
}

void domxml__qa_putc(domxml__qa_buf *b, char c)
{
    domxml__qa_put(b, &c, 1);
}

void domxml__qa_putu(domxml__qa_buf *b, unsigned long long v)
{
    char num[24];
    size_t k = sizeof(num);

    do {
        num[--k] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    domxml__qa_put(b, num + k, sizeof(num) - k);
}

static void json_string_n(domxml__qa_buf *b, const char *s, size_t n);

static void putll(domxml__qa_buf *b, long long v)
{
    if (v < 0) {
        domxml__qa_putc(b, '-');
        domxml__qa_putu(b, 0ULL - (unsigned long long)v);
    } else {
        domxml__qa_putu(b, (unsigned long long)v);
    }
}

void domxml__qa_json_string(domxml__qa_buf *b, const char *s)
{
    json_string_n(b, s, strlen(s));
}

static void json_string_n(domxml__qa_buf *b, const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const char *run = s, *end = s + n;

    domxml__qa_putc(b, '"');
    for (const unsigned char *p = (const unsigned char *)s;; p++) {
        if ((const char *)p < end && *p != '"' && *p != '\\' && *p >= 0x20 && *p != 0x7f)
            continue;
        domxml__qa_put(b, run, (size_t)((const char *)p - run));
        if ((const char *)p >= end)
            break;
        if (*p == '"' || *p == '\\') {
            char esc[2] = {'\\', (char)*p};
            domxml__qa_put(b, esc, 2);
        } else {
            char esc[6] = {'\\', 'u', '0', '0', hex[*p >> 4], hex[*p & 15]};
            domxml__qa_put(b, esc, 6);
        }
        run = (const char *)p + 1;
    }
    domxml__qa_putc(b, '"');
}

char *domxml__qa_buf_finish(domxml__qa_buf *b)
{
    char *out = NULL;

    if (!b->oom) {
        out = domxml_alloc(b->mem, b->len + 1);
        if (out) {
            if (b->len)
                memcpy(out, b->s, b->len);
            out[b->len] = '\0';
        }
    }
    domxml__qa_buf_release(b);
    return out;
}

void domxml__qa_buf_release(domxml__qa_buf *b)
{
    if (b->s)
        b->mem->free_fcn(b->s);
    b->s = NULL;
    b->len = b->cap = 0;
}

/* ------------------------------------------------------------------ */

static bool alnum(unsigned char c)
{
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

/* Valid UTF-8 without control characters; NULL or why not. */
static const char *text_ok(const unsigned char *p)
{
    while (*p) {
        if (*p < 0x20 || *p == 0x7f)
            return "a control character";
        if (*p < 0x80) {
            p++;
            continue;
        }
        int n = (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2 : (*p & 0xf8) == 0xf0 ? 3 : -1;
        if (n < 0 || (n == 1 && *p < 0xc2) || *p >= 0xf5)
            return "invalid UTF-8";
        for (int k = 1; k <= n; k++)
            if ((p[k] & 0xc0) != 0x80)
                return "invalid UTF-8";
        if ((n == 2 && *p == 0xe0 && p[1] < 0xa0) || (n == 3 && *p == 0xf0 && p[1] < 0x90) ||
            (n == 3 && *p == 0xf4 && p[1] > 0x8f) || (n == 2 && *p == 0xed && p[1] > 0x9f))
            return "invalid UTF-8";
        p += n + 1;
    }
    return NULL;
}

const char *domxml__qa_check(const char *s, domxml__qa_class cls)
{
    const unsigned char *p = (const unsigned char *)s;

    if (cls == DOMXML__QA_TEXT)
        return text_ok(p);
    if (!*p)
        return "it is empty";
    if (cls == DOMXML__QA_ID ? !((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z'))
                             : !alnum(*p))
        return cls == DOMXML__QA_ID ? "it does not start with a letter"
                                    : "it does not start with a letter or digit";
    for (p++; *p; p++)
        if (!alnum(*p) && *p != '.' && *p != '_' && *p != '-')
            return "it holds a character other than [A-Za-z0-9._-]";
    return NULL;
}

bool domxml__qa_fd_number(const char *s)
{
    size_t n = 0;

    for (; s[n]; n++)
        if (s[n] < '0' || s[n] > '9' || n >= 10)
            return false;
    if (n == 0 || (n == 10 && strcmp(s, "2147483647") > 0))
        return false;
    return true;
}

/* ------------------------------------------------------------------ */

/* key=value: a ',' inside a value is written ',,' (QemuOpts reads it as
 * one literal comma); nothing else needs escaping there. */
static void keyval_escaped(domxml__qa_buf *b, const char *s)
{
    const char *comma;

    while ((comma = strchr(s, ','))) {
        domxml__qa_put(b, s, (size_t)(comma - s) + 1);
        domxml__qa_putc(b, ',');
        s = comma + 1;
    }
    domxml__qa_puts(b, s);
}

static void json_value(domxml__qa_buf *b, const domxml__qa_prop *p)
{
    if (p->v.type == DOMXML__QA_STR)
        domxml__qa_json_string(b, p->v.s);
    else if (p->v.type == DOMXML__QA_INT)
        putll(b, p->v.i);
    else
        domxml__qa_puts(b, p->v.b ? "true" : "false");
}

/* props[from, to), whose keys share their first `skip` characters, as the
 * members of one object, or the elements of an array: a dotted key is a
 * nested member ("addr.type"), a number in it an array index
 * ("tcp-ports.0.str"), as QEMU's keyval reads them. */
static void json_group(domxml__qa_buf *b, const domxml__qa_prop *props, size_t from, size_t to,
                       size_t skip, bool array)
{
    for (size_t i = from; i < to;) {
        const char *k = props[i].key + skip;
        const char *dot = strchr(k, '.');
        if (i > from)
            domxml__qa_putc(b, ',');
        if (!array || !dot) {
            if (!array)
                json_string_n(b, k, dot ? (size_t)(dot - k) : strlen(k));
            if (!array)
                domxml__qa_putc(b, ':');
        }
        if (!dot) {
            json_value(b, &props[i++]);
            continue;
        }
        size_t len = (size_t)(dot - k) + 1, j = i + 1;
        while (j < to && strncmp(props[j].key + skip, k, len) == 0)
            j++;
        bool arr = dot[1] >= '0' && dot[1] <= '9';
        domxml__qa_putc(b, arr ? '[' : '{');
        json_group(b, props, i, j, skip + len, arr);
        domxml__qa_putc(b, arr ? ']' : '}');
        i = j;
    }
}

void domxml__qa_arg_members(domxml__qa_buf *b, const domxml__qa_arg *a,
                            const domxml__qa_prop *props)
{
    json_group(b, props, a->first, a->first + a->n, 0, false);
}

void domxml__qa_arg_value(domxml__qa_buf *b, const domxml__qa_arg *a, const domxml__qa_prop *props)
{
    if (a->json) {
        domxml__qa_putc(b, '{');
        domxml__qa_arg_members(b, a, props);
        domxml__qa_putc(b, '}');
        return;
    }
    for (size_t i = 0; i < a->n; i++) {
        const domxml__qa_prop *p = &props[a->first + i];
        if (i > 0)
            domxml__qa_putc(b, ',');
        if (!(i == 0 && a->head)) {
            domxml__qa_puts(b, p->key);
            domxml__qa_putc(b, '=');
        }
        if (p->v.type == DOMXML__QA_STR)
            keyval_escaped(b, p->v.s);
        else if (p->v.type == DOMXML__QA_INT)
            putll(b, p->v.i);
        else
            domxml__qa_puts(b, p->v.b ? "on" : "off");
    }
}

const char *domxml__qa_opt_name(domxml__qa_arg_kind kind)
{
    static const char *const names[] = {"-netdev", "-device",  "-chardev",
                                        "-add-fd", "-drive",   "-blockdev"};
    return names[kind];
}

const domxml__qa_prop *domxml__qa_find(const domxml__qa_arg *a, const domxml__qa_prop *props,
                                       const char *key)
{
    for (size_t i = 0; i < a->n; i++)
        if (strcmp(props[a->first + i].key, key) == 0)
            return &props[a->first + i];
    return NULL;
}
