/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Helpers shared by the Check programs: see testutil.h. */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "testutil.h"

#ifndef DOMXML_TEST_SRCDIR
#define DOMXML_TEST_SRCDIR "."
#endif

const char *tu_srcdir(void)
{
    const char *dir = getenv("DOMXML_SRCDIR");

    return dir && *dir ? dir : DOMXML_TEST_SRCDIR;
}

const char *tu_srcpath(const char *rel)
{
    static char path[4096];

    snprintf(path, sizeof(path), "%s/%s", tu_srcdir(), rel);
    return path;
}

bool tu_regenerate(void)
{
    const char *v = getenv("DOMXML_TEST_REGENERATE");

    return v && strcmp(v, "1") == 0;
}

char *tu_concat(const char *a, const char *b, const char *c)
{
    size_t la = strlen(a), lb = strlen(b), lc = c ? strlen(c) : 0;
    char *s = malloc(la + lb + lc + 1);

    if (!s) {
        fprintf(stderr, "out of memory\n");
        abort();
    }
    memcpy(s, a, la);
    memcpy(s + la, b, lb);
    if (c)
        memcpy(s + la + lb, c, lc);
    s[la + lb + lc] = '\0';
    return s;
}

char *tu_read_file(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    size_t cap = 8192, used = 0;
    char *data;

    if (!fp)
        return NULL;
    data = malloc(cap);
    while (data) {
        used += fread(data + used, 1, cap - used - 1, fp);
        if (used < cap - 1)
            break;
        char *bigger = realloc(data, cap * 2);
        if (!bigger)
            free(data);
        data = bigger;
        cap *= 2;
    }
    if (!data || ferror(fp)) {
        int saved = data ? EIO : ENOMEM;
        free(data);
        fclose(fp);
        errno = saved;
        return NULL;
    }
    fclose(fp);
    data[used] = '\0';
    *len = used;
    return data;
}

int tu_write_file(const char *path, const char *data, size_t len)
{
    FILE *fp = fopen(path, "wb");

    if (!fp)
        return -1;
    if (fwrite(data, 1, len, fp) != len) {
        fclose(fp);
        return -1;
    }
    return fclose(fp) == 0 ? 0 : -1;
}

bool tu_file_exists(const char *path)
{
    struct stat st;

    return stat(path, &st) == 0;
}

bool tu_has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);

    return n >= m && strcmp(s + n - m, suffix) == 0;
}

typedef struct tu_list {
    char **items;
    size_t n, cap;
} tu_list;

static void tu_list_add(tu_list *l, char *item)
{
    if (l->n + 1 >= l->cap) {
        size_t cap = l->cap ? l->cap * 2 : 64;
        char **p = realloc(l->items, cap * sizeof(*p));
        if (!p) {
            fprintf(stderr, "out of memory\n");
            abort();
        }
        l->items = p;
        l->cap = cap;
    }
    l->items[l->n++] = item;
    l->items[l->n] = NULL;
}

static int tu_cmp_str(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collect into l the names under dir/prefix (prefix "" or "sub/"). */
static int tu_scan(const char *dir, const char *prefix, const char *suffix, bool recursive,
                   tu_list *l)
{
    char *here = tu_concat(dir, "/", prefix);
    DIR *d = opendir(here);
    struct dirent *e;

    if (!d) {
        free(here);
        return -1;
    }
    while ((e = readdir(d)) != NULL) {
        struct stat st;
        char *full;

        if (e->d_name[0] == '.')
            continue;
        full = tu_concat(here, e->d_name, NULL);
        if (stat(full, &st) == 0) {
            char *rel = tu_concat(prefix, e->d_name, NULL);
            if (S_ISDIR(st.st_mode) && recursive) {
                char *sub = tu_concat(rel, "/", NULL);
                tu_scan(dir, sub, suffix, recursive, l);
                free(sub);
                free(rel);
            } else if (S_ISREG(st.st_mode) && tu_has_suffix(e->d_name, suffix)) {
                tu_list_add(l, rel);
            } else {
                free(rel);
            }
        }
        free(full);
    }
    closedir(d);
    free(here);
    return 0;
}

char **tu_list_dir(const char *dir, const char *suffix, bool recursive, size_t *count)
{
    tu_list l = {0};

    if (tu_scan(dir, "", suffix, recursive, &l) < 0) {
        free(l.items);
        return NULL;
    }
    if (!l.items) {
        l.items = calloc(1, sizeof(*l.items));
        if (!l.items)
            abort();
    }
    qsort(l.items, l.n, sizeof(*l.items), tu_cmp_str);
    if (count)
        *count = l.n;
    return l.items;
}

void tu_free_list(char **list)
{
    if (!list)
        return;
    for (char **p = list; *p; p++)
        free(*p);
    free(list);
}

void tu_format_diagnostic(const domxml_diagnostic *d, char *out, size_t size)
{
    snprintf(out, size, "%lu:%lu: %s: %s (at %s) [%s]\n", d->line, d->column,
             domxml_severity_to_string(d->severity), d->message, d->path, d->code);
}

void tu_format_error(const domxml_error *err, char *out, size_t size)
{
    if (err->path[0])
        snprintf(out, size, "%lu:%lu: %s (at %s)\n", err->line, err->column, err->message,
                 err->path);
    else
        snprintf(out, size, "%lu:%lu: %s\n", err->line, err->column, err->message);
}

/* Copy the line starting at `s` (without its newline) into out, cut to
 * fit, control characters shown as '?'; "<end of file>" past the end. */
static void tu_show_line(const char *s, const char *end, char *out, size_t size)
{
    size_t i = 0;

    if (s >= end) {
        snprintf(out, size, "<end of file>");
        return;
    }
    while (s < end && *s != '\n' && i + 4 < size) {
        unsigned char c = (unsigned char)*s++;
        out[i++] = (c < 0x20 && c != '\t') ? '?' : (char)c;
    }
    if (s < end && *s != '\n') {
        memcpy(out + i, "...", 3);
        i += 3;
    }
    out[i] = '\0';
    if (s >= end)
        snprintf(out + i, size - i, " <no newline at end of file>");
}

bool tu_compare(const char *expected, size_t elen, const char *actual, size_t alen,
                char *out, size_t size)
{
    const char *e = expected, *a = actual;
    const char *eend = expected + elen, *aend = actual + alen;
    unsigned long line = 1;
    char el[200], al[200];

    if (elen == alen && memcmp(expected, actual, elen) == 0)
        return true;
    /* Advance line by line while the lines are equal. */
    for (;;) {
        const char *en = memchr(e, '\n', (size_t)(eend - e));
        const char *an = memchr(a, '\n', (size_t)(aend - a));
        size_t el_len = en ? (size_t)(en - e) + 1 : (size_t)(eend - e);
        size_t al_len = an ? (size_t)(an - a) + 1 : (size_t)(aend - a);

        if (el_len != al_len || memcmp(e, a, el_len) != 0 || el_len == 0)
            break;
        e += el_len;
        a += al_len;
        line++;
    }
    tu_show_line(e, eend, el, sizeof(el));
    tu_show_line(a, aend, al, sizeof(al));
    snprintf(out, size, "line %lu differs:\n  expected: %s\n  actual:   %s", line, el, al);
    return false;
}

char *tu_round_trip(const char *buf, size_t len, const char *name, domxml_error *err,
                    size_t *out_len)
{
    domxml_domain *dom = domxml_parse_buffer(buf, len, name, NULL, err);
    char *text, *copy;

    if (!dom)
        return NULL;
    text = domxml_format(dom, out_len, err);
    if (!text) {
        domxml_domain_free(dom);
        return NULL;
    }
    copy = malloc(*out_len + 1);
    if (!copy)
        abort();
    memcpy(copy, text, *out_len + 1);
    domxml_string_free(text);
    domxml_domain_free(dom);
    return copy;
}

typedef struct tu_owned {
    void *ptr;
    int domain; /* 0: free(), 1: a domain, 2: domxml_free() */
} tu_owned;

static tu_owned *owned;
static size_t n_owned, owned_cap;

static void *tu_own(void *ptr, int domain)
{
    if (!ptr)
        return NULL;
    if (n_owned == owned_cap) {
        size_t cap = owned_cap ? owned_cap * 2 : 32;
        tu_owned *p = realloc(owned, cap * sizeof(*p));
        if (!p)
            abort();
        owned = p;
        owned_cap = cap;
    }
    owned[n_owned].ptr = ptr;
    owned[n_owned].domain = domain;
    n_owned++;
    return ptr;
}

void *tu_track(void *ptr)
{
    return tu_own(ptr, 0);
}

domxml_domain *tu_track_domain(domxml_domain *dom)
{
    return tu_own(dom, 1);
}

void *tu_track_block(void *block)
{
    return tu_own(block, 2);
}

void tu_release(void)
{
    while (n_owned > 0) {
        tu_owned *o = &owned[--n_owned];
        if (o->domain == 1)
            domxml_domain_free(o->ptr);
        else if (o->domain == 2)
            domxml_free(o->ptr);
        else
            free(o->ptr);
    }
    free(owned);
    owned = NULL;
    owned_cap = 0;
}

TCase *tu_tcase(const char *name)
{
    TCase *tc = tcase_create(name);

    tcase_add_checked_fixture(tc, NULL, tu_release);
    return tc;
}

int tu_run_suite(Suite *s)
{
    SRunner *sr = srunner_create(s);
    int failed;

    srunner_run_all(sr, CK_ENV);
    failed = srunner_ntests_failed(sr);
    srunner_free(sr);
    return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
