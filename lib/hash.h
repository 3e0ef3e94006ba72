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

#endif /* DOMXML_HASH_H */
