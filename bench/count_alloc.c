/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The counting allocator of count_alloc.h. */
#include <stdlib.h>
#include <string.h>

#include "count_alloc.h"

count_heap heap;

#define HDR sizeof(max_align_t)

static void heap_add(size_t size)
{
    heap.calls++;
    heap.live += size;
    if (heap.live > heap.peak)
        heap.peak = heap.live;
}

static void *c_malloc(size_t size)
{
    char *p = malloc(HDR + size);

    if (!p)
        return NULL;
    memcpy(p, &size, sizeof(size));
    heap.blocks++;
    heap_add(size);
    return p + HDR;
}

static void *c_realloc(void *ptr, size_t size)
{
    size_t old;
    char *p;

    if (!ptr)
        return c_malloc(size);
    memcpy(&old, (char *)ptr - HDR, sizeof(old));
    p = realloc((char *)ptr - HDR, HDR + size);
    if (!p)
        return NULL;
    memcpy(p, &size, sizeof(size));
    heap.live -= old;
    heap_add(size);
    return p + HDR;
}

static void c_free(void *ptr)
{
    size_t old;

    if (!ptr)
        return;
    memcpy(&old, (char *)ptr - HDR, sizeof(old));
    heap.live -= old;
    heap.blocks--;
    free((char *)ptr - HDR);
}

const domxml_memory counting = {c_malloc, c_realloc, c_free};
