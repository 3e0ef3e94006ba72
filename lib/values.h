/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* values.c: attribute value syntaxes shared by parse, rules and the API. */
#ifndef DOMXML_VALUES_H
#define DOMXML_VALUES_H

#include "common.h"

DOMXML__INTERNAL bool domxml__parse_ullong(const char *s, unsigned base,
                                           unsigned long long *out);
/* Digits of the base (0: libvirt's auto base), however many. */
DOMXML__INTERNAL bool domxml__is_number_syntax(const char *s, unsigned base);
DOMXML__INTERNAL bool domxml__parse_mac(const char *s, unsigned char mac[6]);
/* Canonical lower-case dashed form into out[37]; false if not a UUID. */
DOMXML__INTERNAL bool domxml__parse_uuid(const char *s, char out[37]);
DOMXML__INTERNAL bool domxml__is_ws(const char *s, size_t n);
/* Text XML can carry back unchanged: valid UTF-8 without the control
 * characters XML 1.0 forbids. */
DOMXML__INTERNAL bool domxml__is_xml_text(const char *s);
/* The code point of the UTF-8 sequence at s (a lead byte of 0x80 or up) in
 * *cp, and its length; 0 when it is not well-formed (overlong, surrogate,
 * past U+10FFFF, cut short). */
DOMXML__INTERNAL unsigned domxml__utf8_decode(const unsigned char *s, unsigned *cp);
/* No U+00AA, U+00B5 or U+00BA: name characters for expat in ISO-8859-1
 * and UTF-16 input, but not in the UTF-8 we write. */
DOMXML__INTERNAL bool domxml__is_utf8_name_safe(const char *s);
/* An XML name (as far as the formatter may write one). */
DOMXML__INTERNAL bool domxml__is_xml_name(const char *s);

/* Typos: the edit distance of two names (ASCII case folded), max + 1 past
 * max; the nearest of a table of names (a const char * at the start of each
 * of `count` items `stride` bytes apart), or NULL when none is close. */
DOMXML__INTERNAL unsigned domxml__name_distance(const char *a, const char *b, unsigned max);
DOMXML__INTERNAL const char *domxml__nearest_name(const char *name, const void *names,
                                                  size_t count, size_t stride);

#endif /* DOMXML_VALUES_H */
