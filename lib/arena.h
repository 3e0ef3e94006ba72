/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* arena.c: every object of a document lives in its arena. */
#ifndef DOMXML_ARENA_H
#define DOMXML_ARENA_H

#include "common.h"

struct domxml__chunk;

typedef struct domxml__arena {
    domxml_memory mem;
    struct domxml__chunk *head;
    char *cur;
    size_t left;
    size_t next_size;
    size_t used;  /* bytes taken from the allocator */
    size_t limit; /* 0: none; past it allocations fail and `over` is set */
    size_t extern_used; /* bytes held by the parser's own buffers outside the arena */
    size_t expat_used;  /* bytes expat holds, counted as it allocates (parse.c) */
    bool over;
} domxml__arena;

/* Unknown content of modelled elements, by the address of their meta: an
 * open-addressing table in the arena (extra.c). */
typedef struct domxml__extra_map {
    const domxml_meta **keys;
    void **values;
    size_t cap, n;
} domxml__extra_map;

/* Attribute positions of one modelled element (DOMXML_PARSE_ATTR_POSITIONS). */
typedef struct domxml__attr_pos {
    const char *name;
    unsigned line, column;
} domxml__attr_pos;

typedef struct domxml__attr_positions {
    unsigned count;
    domxml__attr_pos at[];
} domxml__attr_positions;

struct domxml__doc {
    domxml_domain dom; /* first: a domxml_domain * is a domxml__doc * */
    domxml__arena arena;
    domxml__extra_map extras;
    /* By meta address, like extras; empty unless asked for. */
    domxml__extra_map positions;
};

DOMXML__INTERNAL void domxml__memory_default(domxml_memory *out, const domxml_memory *in);
DOMXML__INTERNAL void domxml__arena_init(domxml__arena *a, const domxml_memory *mem);
DOMXML__INTERNAL void domxml__arena_free(domxml__arena *a);
/* Zeroed, aligned for any object of the model; NULL when out of memory. */
DOMXML__INTERNAL void *domxml__alloc(domxml__arena *a, size_t size);
DOMXML__INTERNAL char *domxml__strndup(domxml__arena *a, const char *s, size_t n);
DOMXML__INTERNAL domxml__arena *domxml__arena_of(domxml_domain *dom);
/* Would `more` bytes outside the arena stay within the limit? Sets `over`. */
DOMXML__INTERNAL bool domxml__arena_admit(domxml__arena *a, size_t more);
/* Count n more bytes of expat's against the limit: false (and `over` set)
 * when they would cross it. */
DOMXML__INTERNAL bool domxml__arena_take(domxml__arena *a, size_t n);

#endif /* DOMXML_ARENA_H */
