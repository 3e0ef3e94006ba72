/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* hash.c: a keyed string hash for tables filled from untrusted input. */
#ifndef DOMXML_HASH_H
#define DOMXML_HASH_H

#include "common.h"

typedef struct domxml__hash_key {
    uint64_t k0, k1;
} domxml__hash_key;

/* A fresh key from the system's random source (a clock-and-address mix
 * when it has none), so that no input can be crafted to collide. */
DOMXML__INTERNAL void domxml__hash_key_new(domxml__hash_key *key, const void *salt);
/* SipHash-2-4 of the n bytes at s. */
DOMXML__INTERNAL uint64_t domxml__hash(const domxml__hash_key *key, const char *s, size_t n);

/* A fixed-size table of byte-string keys on the keyed hash: for lookups
 * over untrusted input that must stay linear. Keys are not copied. */
typedef struct domxml__strmap_slot {
    const char *key; /* NULL: empty */
    size_t len;
    const void *value;
} domxml__strmap_slot;

typedef struct domxml__strmap {
    domxml__strmap_slot *slots;
    size_t mask;
    domxml__hash_key key;
    const domxml_memory *mem;
} domxml__strmap;

/* Room for n entries (the table does not grow). false: out of memory. */
DOMXML__INTERNAL bool domxml__strmap_init(domxml__strmap *m, const domxml_memory *mem, size_t n);
DOMXML__INTERNAL void domxml__strmap_free(domxml__strmap *m);
/* The slot of key: its entry, or the empty slot where it goes. */
DOMXML__INTERNAL domxml__strmap_slot *domxml__strmap_slot_of(domxml__strmap *m, const char *key,
                                                            size_t len);

#endif /* DOMXML_HASH_H */
