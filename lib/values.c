/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Syntaxes of attribute values: numbers, MAC addresses, UUIDs. */
#include <ctype.h>
#include <string.h>

#include "internal.h"

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

/* Whether an attribute field holds a value: the one presence rule that
 * both the required-attribute check and the formatter use. */
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
