/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Shared pieces of the argv and edit harnesses (fuzz_util.h). */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"

fuzz_alloc_state fuzz_alloc = {0, ULONG_MAX, false, 0};

static bool fuzz_should_fail(void)
{
    unsigned long call = fuzz_alloc.calls++;

    if (fuzz_alloc.fail_at != ULONG_MAX && call == fuzz_alloc.fail_at) {
        fuzz_alloc.injected = true;
        return true;
    }
    return false;
}

static void *fuzz_malloc(size_t size)
{
    void *p;

    if (fuzz_should_fail())
        return NULL;
    p = malloc(size ? size : 1);
    if (p)
        fuzz_alloc.live++;
    return p;
}

static void *fuzz_realloc(void *ptr, size_t size)
{
    void *p;

    if (fuzz_should_fail())
        return NULL;
    p = realloc(ptr, size ? size : 1);
    if (p && !ptr)
        fuzz_alloc.live++;
    return p;
}

static void fuzz_free(void *ptr)
{
    if (ptr)
        fuzz_alloc.live--;
    free(ptr);
}

const domxml_memory fuzz_memory = {fuzz_malloc, fuzz_realloc, fuzz_free};

void fuzz_alloc_reset(unsigned long fail_at)
{
    fuzz_alloc.calls = 0;
    fuzz_alloc.fail_at = fail_at;
    fuzz_alloc.injected = false;
    fuzz_alloc.live = 0;
}

unsigned long fuzz_alloc_disarm(void)
{
    unsigned long at = fuzz_alloc.fail_at;

    fuzz_alloc.fail_at = ULONG_MAX;
    return at;
}

void fuzz_fail(const char *harness, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "%s: ", harness);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fputc('\n', stderr);
    abort();
}

void fuzz_junk_error(domxml_error *e)
{
    memset(e, 'J', sizeof(*e));
    e->code = (domxml_error_code)-7;
}

void fuzz_check_error(const char *harness, const char *what, const domxml_error *e)
{
    if (e->code <= DOMXML_OK || e->code >= DOMXML_ERR_LAST)
        fuzz_fail(harness, "%s: error code %d outside (OK, LAST)", what, (int)e->code);
    if (!memchr(e->message, '\0', sizeof(e->message)) || !memchr(e->path, '\0', sizeof(e->path)) ||
        !memchr(e->source, '\0', sizeof(e->source)))
        fuzz_fail(harness, "%s: an error field is not NUL-terminated", what);
    if (!e->message[0])
        fuzz_fail(harness, "%s: empty error message", what);
    for (const unsigned char *s = (const unsigned char *)e->message; *s; s++) {
        if (*s < 0x20 || *s == 0x7f)
            fuzz_fail(harness, "%s: raw control character 0x%02x in the message: %s", what, *s,
                      e->message);
    }
}
