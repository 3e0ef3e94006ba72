/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Arena allocation: a document's objects are carved from a few large chunks
 * and released together, so parsing costs few allocator calls per element
 * and freeing a document cannot leak a field.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct domxml__chunk {
    struct domxml__chunk *next;
    max_align_t data[];
};

/* Chunks stay below glibc's mmap threshold (128 KiB): mmap'd chunks would be
 * faulted in afresh by every parse. */
enum { DOMXML__CHUNK_FIRST = 8192, DOMXML__CHUNK_MAX = 64 << 10 };

void domxml__memory_default(domxml_memory *out, const domxml_memory *in)
{
    if (in && in->malloc_fcn && in->realloc_fcn && in->free_fcn) {
        *out = *in;
    } else {
        out->malloc_fcn = malloc;
        out->realloc_fcn = realloc;
        out->free_fcn = free;
    }
}

void domxml__arena_init(domxml__arena *a, const domxml_memory *mem)
{
    memset(a, 0, sizeof(*a));
    domxml__memory_default(&a->mem, mem);
    a->next_size = DOMXML__CHUNK_FIRST;
}

void domxml__arena_free(domxml__arena *a)
{
    struct domxml__chunk *c = a->head;

    while (c) {
        struct domxml__chunk *next = c->next;
        a->mem.free_fcn(c);
        c = next;
    }
    a->head = NULL;
    a->cur = NULL;
    a->left = 0;
}

/* Would `more` bytes fit beside what is counted already? */
static bool domxml__arena_fits(domxml__arena *a, size_t held, size_t more)
{
    if (a->limit && (more > a->limit || held > a->limit - more)) {
        a->over = true;
        return false;
    }
    return true;
}

bool domxml__arena_admit(domxml__arena *a, size_t more)
{
    a->extern_used = more;
    return domxml__arena_fits(a, a->used + a->expat_used, more);
}

bool domxml__arena_take(domxml__arena *a, size_t n)
{
    if (!domxml__arena_fits(a, a->used + a->extern_used + a->expat_used, n))
        return false;
    a->expat_used += n;
    return true;
}

/* A chunk from the allocator, within the arena's memory budget (which also
 * counts what the parser holds outside the arena: extern_used). */
static struct domxml__chunk *domxml__chunk_new(domxml__arena *a, size_t size)
{
    size_t total = sizeof(struct domxml__chunk) + size;
    struct domxml__chunk *c;

    if (!domxml__arena_fits(a, a->used + a->extern_used + a->expat_used, size))
        return NULL;
    c = a->mem.malloc_fcn(total);
    if (c)
        a->used += size;
    return c;
}

/* A chunk of its own for a big object, linked behind the current chunk so
 * the space left there stays in use. */
static void *domxml__alloc_big(domxml__arena *a, size_t size)
{
    struct domxml__chunk *c;

    if (size > SIZE_MAX - sizeof(*c))
        return NULL;
    c = domxml__chunk_new(a, size);
    if (!c)
        return NULL;
    if (a->head) {
        c->next = a->head->next;
        a->head->next = c;
    } else {
        c->next = NULL;
        a->head = c;
    }
    memset(c->data, 0, size);
    return c->data;
}

static bool domxml__arena_grow(domxml__arena *a)
{
    struct domxml__chunk *c = domxml__chunk_new(a, a->next_size);

    if (!c)
        return false;
    c->next = a->head;
    a->head = c;
    a->cur = (char *)c->data;
    a->left = a->next_size;
    if (a->next_size < DOMXML__CHUNK_MAX)
        a->next_size *= 2;
    return true;
}

/* The model holds pointers, ints and long longs: 8-byte alignment covers
 * them and wastes less than max_align_t's 16. */
enum { DOMXML__ALIGN = _Alignof(long long) > _Alignof(void *) ? _Alignof(long long)
                                                                : _Alignof(void *) };

void *domxml__alloc(domxml__arena *a, size_t size)
{
    const size_t align = DOMXML__ALIGN;
    size_t rounded;
    void *p;

    if (size == 0)
        size = 1;
    if (size > SIZE_MAX - align)
        return NULL;
    rounded = (size + align - 1) & ~(align - 1);
    if (rounded > a->left) {
        if (rounded > a->next_size / 4)
            return domxml__alloc_big(a, size);
        if (!domxml__arena_grow(a))
            return NULL;
    }
    p = a->cur;
    a->cur += rounded;
    a->left -= rounded;
    memset(p, 0, size);
    return p;
}

char *domxml__strndup(domxml__arena *a, const char *s, size_t n)
{
    char *p;

    if (n == SIZE_MAX)
        return NULL;
    /* Strings need no alignment: take bytes from the end of the chunk. */
    if (n + 1 <= a->left) {
        a->left -= n + 1;
        p = a->cur + a->left;
    } else {
        p = domxml__alloc(a, n + 1);
        if (!p)
            return NULL;
    }
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

domxml__arena *domxml__arena_of(domxml_domain *dom)
{
    return &dom->internal->arena;
}
