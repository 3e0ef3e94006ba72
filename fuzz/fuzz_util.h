/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What the argv and edit harnesses share: a counting allocator with an
 * injectable failure, the libFuzzer entry/standalone main glue, and the
 * checks every failed call must pass.
 */
#ifndef DOMXML_FUZZ_UTIL_H
#define DOMXML_FUZZ_UTIL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <domxml.h>

/* The hooks count malloc/realloc calls and live blocks; `fail_at` (ULONG_MAX:
 * none) is the call that returns NULL. The hooks carry no user data, so the
 * state is file-static in fuzz_util.c, reset by fuzz_alloc_reset(). */
typedef struct fuzz_alloc_state {
    unsigned long calls;
    unsigned long fail_at;
    bool injected;
    long live;
} fuzz_alloc_state;

extern fuzz_alloc_state fuzz_alloc;
extern const domxml_memory fuzz_memory;

void fuzz_alloc_reset(unsigned long fail_at);
/* Stop injecting; returns the call that was to fail. */
unsigned long fuzz_alloc_disarm(void);

/* abort() with a message: the harness found a broken invariant. */
void fuzz_fail(const char *harness, const char *fmt, ...) __attribute__((format(printf, 2, 3)))
    __attribute__((noreturn));

/* A failed call's error: code in (OK, LAST), a non-empty message with no
 * control character, NUL-terminated fields. `what` names the call. */
void fuzz_check_error(const char *harness, const char *what, const domxml_error *e);
/* Fill an error struct with junk, so an unfilled field cannot pass by luck. */
void fuzz_junk_error(domxml_error *e);

#endif /* DOMXML_FUZZ_UTIL_H */
