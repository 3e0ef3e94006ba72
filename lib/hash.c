/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * SipHash-2-4 (Aumasson and Bernstein): with a random key per table, the
 * alias and name tables cannot be driven into collisions by crafted input,
 * so their cost stays linear.
 */
#include <string.h>
#include <sys/random.h>
#include <time.h>

#include "hash.h"

void domxml__hash_key_new(domxml__hash_key *key, const void *salt)
{
    uint64_t k[2];
    struct timespec ts;

    if (getrandom(k, sizeof(k), GRND_NONBLOCK) == (ssize_t)sizeof(k)) {
        key->k0 = k[0];
        key->k1 = k[1];
        return;
    }
    clock_gettime(CLOCK_MONOTONIC, &ts);
    key->k0 = (uint64_t)(uintptr_t)salt ^ ((uint64_t)ts.tv_nsec << 20);
    key->k1 = (uint64_t)ts.tv_sec * 0x9e3779b97f4a7c15ull ^ (uint64_t)(uintptr_t)&ts;
}

#define DOMXML__ROTL(x, b) (((x) << (b)) | ((x) >> (64 - (b))))
#define DOMXML__SIPROUND                                                       \
    do {                                                                       \
        v0 += v1; v1 = DOMXML__ROTL(v1, 13); v1 ^= v0; v0 = DOMXML__ROTL(v0, 32); \
        v2 += v3; v3 = DOMXML__ROTL(v3, 16); v3 ^= v2;                         \
        v0 += v3; v3 = DOMXML__ROTL(v3, 21); v3 ^= v0;                         \
        v2 += v1; v1 = DOMXML__ROTL(v1, 17); v1 ^= v2; v2 = DOMXML__ROTL(v2, 32); \
    } while (0)

uint64_t domxml__hash(const domxml__hash_key *key, const char *s, size_t n)
{
    uint64_t v0 = 0x736f6d6570736575ull ^ key->k0, v1 = 0x646f72616e646f6dull ^ key->k1;
    uint64_t v2 = 0x6c7967656e657261ull ^ key->k0, v3 = 0x7465646279746573ull ^ key->k1;
    const unsigned char *p = (const unsigned char *)s;
    uint64_t m, last = (uint64_t)n << 56;
    size_t i;

    for (i = 0; i + 8 <= n; i += 8) {
        m = 0;
        for (int j = 7; j >= 0; j--)
            m = m << 8 | p[i + (size_t)j];
        v3 ^= m;
        DOMXML__SIPROUND;
        DOMXML__SIPROUND;
        v0 ^= m;
    }
    for (size_t j = 0; i + j < n; j++)
        last |= (uint64_t)p[i + j] << (8 * j);
    v3 ^= last;
    DOMXML__SIPROUND;
    DOMXML__SIPROUND;
    v0 ^= last;
    v2 ^= 0xff;
    DOMXML__SIPROUND;
    DOMXML__SIPROUND;
    DOMXML__SIPROUND;
    DOMXML__SIPROUND;
    return v0 ^ v1 ^ v2 ^ v3;
}

bool domxml__strmap_init(domxml__strmap *m, const domxml_memory *mem, size_t n)
{
    size_t cap = 8;

    while (cap < 2 * n)
        cap *= 2;
    m->mem = mem;
    m->mask = cap - 1;
    m->slots = mem->malloc_fcn(cap * sizeof(*m->slots));
    if (!m->slots)
        return false;
    memset(m->slots, 0, cap * sizeof(*m->slots));
    domxml__hash_key_new(&m->key, m->slots);
    return true;
}

void domxml__strmap_free(domxml__strmap *m)
{
    if (m->slots)
        m->mem->free_fcn(m->slots);
    m->slots = NULL;
}

domxml__strmap_slot *domxml__strmap_slot_of(domxml__strmap *m, const char *key, size_t len)
{
    size_t i = (size_t)domxml__hash(&m->key, key, len) & m->mask;

    while (m->slots[i].key &&
           (m->slots[i].len != len || memcmp(m->slots[i].key, key, len) != 0))
        i = (i + 1) & m->mask;
    return &m->slots[i];
}
