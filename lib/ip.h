/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* ip.c: IP address text, shared by <ip>, <route> and <portForward>. */
#ifndef DOMXML_IP_H
#define DOMXML_IP_H

#include "common.h"
#include "diag.h"

struct domxml__pctx;

/* The family of a textual address, or NONE if it is not one. */
DOMXML__INTERNAL domxml_ip_family domxml__ip_family_of(const char *s);
/* Rewrite an address field in canonical text (parse-time normalisation);
 * a field that is not an address is left alone. 0, or -1 out of memory. */
DOMXML__INTERNAL int domxml__ip_canon(struct domxml__pctx *pc, const char **field);
/* A rule: an address given in another spelling than the canonical one the
 * parser stores (NULL and non-addresses pass: other rules judge them). */
DOMXML__INTERNAL int domxml__ip_check_canon(domxml__diag *d, const char *elem, const char *attr,
                                            const char *value);

#endif /* DOMXML_IP_H */
