/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A counting domxml_memory allocator for the benchmark (bench/bench_parse)
 * and the memory test (tests/check_memory): one implementation, so both
 * count the same bytes. expat allocates through the same hooks.
 */
#ifndef DOMXML_COUNT_ALLOC_H
#define DOMXML_COUNT_ALLOC_H

#include <stddef.h>

#include "domxml.h"

/* What the allocator has counted; reset by zeroing it. A program-wide
 * counter: domxml_memory carries no user pointer. */
typedef struct count_heap {
    size_t live;   /* bytes requested and not yet freed */
    size_t peak;   /* highest `live` since the last reset */
    size_t blocks; /* blocks not yet freed */
    size_t calls;  /* malloc and realloc calls that succeeded */
} count_heap;

extern count_heap heap;

/* Keeps the requested size in a header before every block. */
extern const domxml_memory counting;

#endif /* DOMXML_COUNT_ALLOC_H */
