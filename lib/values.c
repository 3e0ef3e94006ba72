/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Syntaxes of attribute values: numbers, MAC addresses, UUIDs. */
#include <ctype.h>
#include <string.h>

#include "desc.h"
#include "values.h"

static int domxml__digit(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return 99;
}

/*
 * Unsigned number in base 10, 16 (optional 0x) or 0 (0x = hex, leading
 * 0 = octal, else decimal), as libvirt reads them. Stricter than strtoull:
 * no sign, no white space, no trailing bytes, overflow rejected.
 */
bool domxml__parse_ullong(const char *s, unsigned base, unsigned long long *out)
{
    unsigned long long v = 0;

    if (base == 0) {
        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
            base = 16;
            s += 2;
        } else if (s[0] == '0' && s[1] != '\0') {
            base = 8;
            s += 1;
        } else {
            base = 10;
        }
    } else if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s += 2;
    }
    if (*s == '\0')
        return false;
    for (; *s; s++) {
        int d = domxml__digit(*s);
        if (d >= (int)base)
            return false;
        if (v > (~0ULL - (unsigned)d) / base)
            return false;
        v = v * base + (unsigned)d;
    }
    *out = v;
    return true;
}

/* The syntax of a number (digits of the base, as domxml__parse_ullong reads
 * it), whatever its size: a value too large is out of range, not malformed. */
bool domxml__is_number_syntax(const char *s, unsigned base)
{
    if (base == 0) {
        if (s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
            base = 16;
            s += 2;
        } else {
            base = s[0] == '0' && s[1] ? 8 : 10;
        }
    } else if (base == 16 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        s += 2;
    }
    if (!*s)
        return false;
    for (; *s; s++) {
        if (domxml__digit(*s) >= (int)base)
            return false;
    }
    return true;
}

/* 6 groups of 1-2 hex digits separated by ':' (libvirt also accepts one
 * digit per group and either case). */
bool domxml__parse_mac(const char *s, unsigned char mac[6])
{
    for (int i = 0; i < 6; i++) {
        int hi = domxml__digit(s[0]);
        unsigned v;

        if (hi > 15)
            return false;
        v = (unsigned)hi;
        s++;
        if (domxml__digit(*s) <= 15) {
            v = v * 16 + (unsigned)domxml__digit(*s);
            s++;
        }
        mac[i] = (unsigned char)v;
        if (i < 5) {
            if (*s != ':')
                return false;
            s++;
        }
    }
    return *s == '\0';
}

/* 32 hex digits, with or without the 8-4-4-4-12 dashes. */
bool domxml__parse_uuid(const char *s, char out[37])
{
    static const char hex[] = "0123456789abcdef";
    int n = 0;

    for (; *s && n < 32; s++) {
        int d;

        if (*s == '-' && (n == 8 || n == 12 || n == 16 || n == 20))
            continue;
        d = domxml__digit(*s);
        if (d > 15)
            return false;
        if (n == 8 || n == 12 || n == 16 || n == 20)
            *out++ = '-';
        *out++ = hex[d];
        n++;
    }
    *out = '\0';
    return n == 32 && *s == '\0';
}

bool domxml__is_ws(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++) {
        if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
            return false;
    }
    return true;
}

unsigned domxml__utf8_decode(const unsigned char *s, unsigned *cp)
{
    unsigned c = s[0], n;

    if (c >= 0xc2 && c <= 0xdf) {
        n = 1;
        *cp = c & 0x1f;
    } else if (c >= 0xe0 && c <= 0xef) {
        n = 2;
        *cp = c & 0x0f;
    } else if (c >= 0xf0 && c <= 0xf4) {
        n = 3;
        *cp = c & 0x07;
    } else {
        return 0;
    }
    for (unsigned i = 1; i <= n; i++) {
        if ((s[i] & 0xc0) != 0x80)
            return 0;
        *cp = *cp << 6 | (s[i] & 0x3f);
    }
    if ((n == 2 && (*cp < 0x800 || (*cp >= 0xd800 && *cp <= 0xdfff))) ||
        (n == 3 && (*cp < 0x10000 || *cp > 0x10ffff)))
        return 0;
    return n + 1;
}

/* Valid UTF-8 (no overlongs, surrogates or values past U+10FFFF) whose
 * characters XML 1.0 allows: TAB, LF, CR and U+0020 up, but not U+FFFE/F. */
bool domxml__is_xml_text(const char *str)
{
    const unsigned char *s = (const unsigned char *)str;

    while (*s) {
        unsigned c, n, cp;

        /* The common case: printable ASCII, one comparison pair a byte. */
        while (*s >= 0x20 && *s < 0x80)
            s++;
        if (!*s)
            break;
        c = *s;
        if (c < 0x80) {
            if (c < 0x20 && c != '\t' && c != '\n' && c != '\r')
                return false;
            s++;
            continue;
        }
        n = domxml__utf8_decode(s, &cp);
        if (!n || cp == 0xfffe || cp == 0xffff)
            return false;
        s += n;
    }
    return true;
}

/* A conservative XML name: a letter, '_' or ':' (or any non-ASCII
 * character) first, then those, digits, '-' and '.'. */
bool domxml__is_utf8_name_safe(const char *s)
{
    for (const char *p = strchr(s, '\xc2'); p; p = strchr(p + 1, '\xc2')) {
        if (p[1] == '\xaa' || p[1] == '\xb5' || p[1] == '\xba')
            return false;
    }
    return true;
}

bool domxml__is_xml_name(const char *s)
{
    bool ascii = true;

    if (!s || !*s)
        return false;
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        unsigned c = *p, l = c | 0x20;
        bool start = (l >= 'a' && l <= 'z') || c == '_' || c == ':' || c >= 0x80;
        bool more = (c >= '0' && c <= '9') || c == '-' || c == '.';

        ascii &= c < 0x80;
        if (!start && (p == (const unsigned char *)s || !more))
            return false;
    }
    return ascii || (domxml__is_xml_text(s) && domxml__is_utf8_name_safe(s));
}

/* Whether an attribute field holds a value: the one presence rule that
 * the parser, the rule walk and the formatter use. */
bool domxml__attr_is_set(const domxml__attr *a, const void *obj)
{
    const void *field = (const char *)obj + a->off;

    switch ((domxml__kind)a->kind) {
    case DOMXML__K_STR:
    case DOMXML__K_UUID:
        return *(const char *const *)field != NULL;
    case DOMXML__K_ENUM:
        return *(const int *)field != 0;
    case DOMXML__K_UINT:
        return ((const domxml_uint *)field)->set;
    case DOMXML__K_ULLONG:
        return ((const domxml_ullong *)field)->set;
    case DOMXML__K_INT:
        return ((const domxml_int *)field)->set;
    case DOMXML__K_HOOK:
        return a->is_set(obj);
    case DOMXML__K_NONE:
        break;
    }
    return false;
}

bool domxml__text_is_set(const domxml__elem *d, const void *obj)
{
    const void *field = (const char *)obj + d->text_off;

    switch (d->text_kind) {
    case DOMXML__K_STR:
        return *(const char *const *)field != NULL;
    case DOMXML__K_UINT:
        return ((const domxml_uint *)field)->set;
    case DOMXML__K_ULLONG:
        return ((const domxml_ullong *)field)->set;
    default:
        return false;
    }
}

/* Edit distance of two short names (insertions, deletions, substitutions
 * and swaps of neighbours, ASCII case folded), or max + 1 when it exceeds
 * max or a name is too long to be a typo of the other. */
static int domxml__fold(int c)
{
    return c >= 'A' && c <= 'Z' ? c | 0x20 : c;
}

unsigned domxml__name_distance(const char *a, const char *b, unsigned max)
{
    enum { N = 40 };
    unsigned rows[3][N + 1], *prev2 = rows[0], *prev = rows[1], *cur = rows[2];
    size_t la = strlen(a), lb = strlen(b);

    if (la > N || lb > N || (la > lb ? la - lb : lb - la) > max)
        return max + 1;
    for (size_t j = 0; j <= lb; j++)
        prev[j] = (unsigned)j;
    for (size_t i = 1; i <= la; i++) {
        unsigned *t;
        cur[0] = (unsigned)i;
        for (size_t j = 1; j <= lb; j++) {
            int ca = domxml__fold(a[i - 1]), cb = domxml__fold(b[j - 1]);
            unsigned v = prev[j - 1] + (ca != cb);
            if (prev[j] + 1 < v)
                v = prev[j] + 1;
            if (cur[j - 1] + 1 < v)
                v = cur[j - 1] + 1;
            if (i > 1 && j > 1 && ca == domxml__fold(b[j - 2]) && domxml__fold(a[i - 2]) == cb &&
                prev2[j - 2] + 1 < v)
                v = prev2[j - 2] + 1;
            cur[j] = v;
        }
        t = prev2;
        prev2 = prev;
        prev = cur;
        cur = t;
    }
    return prev[lb] <= max ? prev[lb] : max + 1;
}

/* The closest of `count` names (stride bytes apart, a const char * at the
 * start of each) to `name`: a likely typo, or NULL. */
const char *domxml__nearest_name(const char *name, const void *names, size_t count, size_t stride)
{
    const char *best = NULL;
    unsigned best_d = 3, len = (unsigned)strlen(name);
    /* One edit for short names, two from six characters on. */
    unsigned max = len >= 6 ? 2 : 1;

    for (size_t i = 0; i < count; i++) {
        const char *cand = *(const char *const *)(const void *)((const char *)names + i * stride);
        unsigned d = domxml__name_distance(name, cand, max);
        if (d <= max && d < best_d && strcmp(cand, name) != 0) {
            best = cand;
            best_d = d;
        }
    }
    return best;
}
