/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Unknown attributes and children of modelled elements are rare, so they
 * are not a field of every element: a table in the document maps an
 * element's meta address to its domxml_extra. Documents without unknown
 * content pay nothing; lookups are one probe on average.
 */
#include "error.h"
#include "extra.h"

/* Addresses come from the arena, not from the input: a multiplicative hash
 * spreads them well. */
static size_t domxml__slot(const domxml__extra_map *map, const domxml_meta *m)
{
    uint64_t h = ((uint64_t)(uintptr_t)m >> 3) * 0x9e3779b97f4a7c15ull;

    return (size_t)(h >> 20) & (map->cap - 1);
}

static size_t domxml__find(const domxml__extra_map *map, const domxml_meta *m)
{
    size_t i = domxml__slot(map, m);

    while (map->keys[i] && map->keys[i] != m)
        i = (i + 1) & (map->cap - 1);
    return i;
}

void *domxml__map_get(const domxml__extra_map *map, const domxml_meta *m)
{
    if (map->n == 0 || !m)
        return NULL;
    return map->values[domxml__find(map, m)];
}

domxml_extra *domxml__extra_get(const struct domxml__doc *doc, const domxml_meta *m)
{
    return domxml__map_get(&doc->extras, m);
}

/* Double the table (in the arena: the old one stays as garbage, at most the
 * size of the final table in all). */
static int domxml__grow(struct domxml__doc *doc, domxml__extra_map *map)
{
    domxml__extra_map bigger = {0};

    bigger.cap = map->cap ? map->cap * 2 : 64;
    bigger.keys = domxml__alloc(&doc->arena, bigger.cap * sizeof(*bigger.keys));
    bigger.values = domxml__alloc(&doc->arena, bigger.cap * sizeof(*bigger.values));
    if (!bigger.keys || !bigger.values)
        return -1;
    for (size_t i = 0; i < map->cap; i++) {
        if (map->keys[i] && map->values[i]) {
            size_t j = domxml__find(&bigger, map->keys[i]);
            bigger.keys[j] = map->keys[i];
            bigger.values[j] = map->values[i];
            bigger.n++;
        }
    }
    *map = bigger;
    return 0;
}

int domxml__map_put(struct domxml__doc *doc, domxml__extra_map *map, const domxml_meta *m,
                    void *x)
{
    size_t i;

    if (map->cap == 0 || (map->n + 1) * 2 > map->cap) {
        if (!x && map->n == 0)
            return 0;
        if (domxml__grow(doc, map) < 0)
            return -1;
    }
    i = domxml__find(map, m);
    if (!map->keys[i]) {
        if (!x)
            return 0;
        map->keys[i] = m;
        map->n++;
    }
    /* A removed entry keeps its key with no value: probes still pass it. */
    map->values[i] = x;
    return 0;
}

int domxml__extra_put(struct domxml__doc *doc, const domxml_meta *m, domxml_extra *x)
{
    return domxml__map_put(doc, &doc->extras, m, x);
}

domxml_extra *domxml_meta_extra(const domxml_domain *dom, const domxml_meta *meta)
{
    return dom && dom->internal ? domxml__extra_get(dom->internal, meta) : NULL;
}

int domxml_meta_set_extra(domxml_domain *dom, const domxml_meta *meta, domxml_extra *extra)
{
    if (!dom || !dom->internal || !meta)
        return -1;
    return domxml__extra_put(dom->internal, meta, extra);
}
