/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* values.c: attribute value syntaxes shared by parse, rules and the API. */
#ifndef DOMXML_VALUES_H
#define DOMXML_VALUES_H

#include "common.h"

DOMXML__INTERNAL bool domxml__parse_ullong(const char *s, unsigned base,
                                           unsigned long long *out);
DOMXML__INTERNAL bool domxml__parse_mac(const char *s, unsigned char mac[6]);
/* Canonical lower-case dashed form into out[37]; false if not a UUID. */
DOMXML__INTERNAL bool domxml__parse_uuid(const char *s, char out[37]);
DOMXML__INTERNAL bool domxml__is_ws(const char *s, size_t n);
/* Text XML can carry back unchanged: valid UTF-8 without the control
 * characters XML 1.0 forbids. */
DOMXML__INTERNAL bool domxml__is_xml_text(const char *s);
/* An XML name (as far as the formatter may write one). */
DOMXML__INTERNAL bool domxml__is_xml_name(const char *s);

#endif /* DOMXML_VALUES_H */
