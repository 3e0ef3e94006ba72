/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What every source file of libdomxml needs: the public header, the
 * visibility and printf attributes, shared limits. Every internal symbol is
 * prefixed domxml__ so the sources can be concatenated into one file.
 */
#ifndef DOMXML_COMMON_H
#define DOMXML_COMMON_H

#include <assert.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "domxml.h"

/* The single-header form (tools/amalgamate.sh) defines it empty and makes
 * internal symbols static instead. */
#ifndef DOMXML__INTERNAL
#define DOMXML__INTERNAL __attribute__((visibility("hidden")))
#endif
/* The storage class of an internal object's definition made by a macro
 * (which the single-header script cannot see): none here, static there. */
#ifndef DOMXML__INTERNAL_DEFINITION
#define DOMXML__INTERNAL_DEFINITION
#endif

#if defined(__GNUC__)
#define DOMXML__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DOMXML__PRINTF(a, b)
#endif

/* Limits shared by the parser and the formatter. The formatter recurses
 * once per level, so no document may be deeper than DOMXML__MAX_DEPTH. */
enum {
    DOMXML__DEFAULT_DEPTH = 256,
    DOMXML__MAX_DEPTH = 1024,
    DOMXML__INDENT_LEVELS = 32, /* deeper levels are indented like level 32 */
    DOMXML__CHUNK = 64 << 10    /* input is handed to expat in pieces this big */
};
#define DOMXML__DEFAULT_MAX_SIZE ((size_t)64 << 20)
#define DOMXML__DEFAULT_MAX_MEMORY ((size_t)512 << 20)

#define DOMXML__N(a) (sizeof(a) / sizeof((a)[0]))
#define DOMXML__FIELD(obj, off, type) ((type *)(void *)((char *)(obj) + (off)))
#define DOMXML__CFIELD(obj, off, type) ((const type *)(const void *)((const char *)(obj) + (off)))

/* Bit `v` of `mask`, false for values a hand-built tree set out of range. */
static inline bool domxml__bit(unsigned mask, unsigned v)
{
    return v < 32 && ((mask >> v) & 1u);
}

/* The tag of an element node, generic or modelled; NULL for text,
 * comments and PIs. */
static inline const char *domxml__node_tag(const domxml_node *n)
{
    switch (n->kind) {
    case DOMXML_NODE_ELEMENT:
        return n->name;
    case DOMXML_NODE_INTERFACE:
        return "interface";
    case DOMXML_NODE_HOSTDEV:
        return "hostdev";
    default:
        return NULL;
    }
}

#endif /* DOMXML_COMMON_H */
