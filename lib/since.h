/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* since.c: the table of libvirt releases (syntax and rules) and where a
 * device uses each piece of syntax. */
#ifndef DOMXML_SINCE_H
#define DOMXML_SINCE_H

#include "common.h"

/* The element of `device` that uses a piece of syntax (its path below the
 * device in *rel, NULL: the device itself), or NULL when it does not. */
typedef const domxml_meta *(*domxml__since_find)(const domxml_node *device, const char **rel);

/* Syntax entry i of the table with its finder, or NULL past the last one. */
DOMXML__INTERNAL const domxml_libvirt_since *domxml__since_syntax(size_t i,
                                                                  domxml__since_find *find);

/* The release from which the rule with this code applies (0: always). */
DOMXML__INTERNAL unsigned long domxml__since_of(const char *code);

#endif /* DOMXML_SINCE_H */
