/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Helpers shared by the Check programs in tests/: locating the source tree,
 * reading and writing whole files, the one-line error format of the .err
 * files, locating the first differing line of two outputs, and running a
 * suite so that it prints Check's summary line.
 */
#ifndef DOMXML_TESTUTIL_H
#define DOMXML_TESTUTIL_H

#include <stdbool.h>
#include <stddef.h>

#include <check.h>

#include "domxml.h"

/* Top of the source tree: $DOMXML_SRCDIR, else the configure-time path. */
const char *tu_srcdir(void);

/* "<srcdir>/<rel>" in a static buffer reused by every call. */
const char *tu_srcpath(const char *rel);

/* True when DOMXML_TEST_REGENERATE=1: rewrite expectations, do not compare. */
bool tu_regenerate(void);

/* "LINE:COLUMN: SEVERITY: MESSAGE (at PATH) [CODE]\n" of a diagnostic, the
 * form of tests/data/invalid/NAME.diag and of `domxml validate` without its
 * FILE: prefix. */
void tu_format_diagnostic(const domxml_diagnostic *d, char *out, size_t size);

/* A malloc'ed copy of `a` + `b` (+ `c` when not NULL); aborts on OOM. */
char *tu_concat(const char *a, const char *b, const char *c);

/* The whole file, NUL-terminated (malloc'ed), its size in *len; NULL with
 * errno set when it cannot be read. */
char *tu_read_file(const char *path, size_t *len);
/* Write (replace) a file; 0 or -1 with errno set. */
int tu_write_file(const char *path, const char *data, size_t len);
bool tu_file_exists(const char *path);
bool tu_has_suffix(const char *s, const char *suffix);

/* A sorted, NULL-terminated list of the names in `dir` ending in `suffix`
 * (regular files only), malloc'ed; free with tu_free_list(). With
 * `recursive`, names are paths relative to `dir` ("sub/name.xml").
 * NULL when the directory cannot be opened. */
char **tu_list_dir(const char *dir, const char *suffix, bool recursive, size_t *count);
void tu_free_list(char **list);

/* "LINE:COLUMN: MESSAGE (at PATH)\n" (no " (at ...)" when path is empty),
 * the format of every .err file. */
void tu_format_error(const domxml_error *err, char *out, size_t size);

/*
 * When `expected` and `actual` differ, describe where, e.g.
 *   "line 12 differs:\n  expected: <a/>\n  actual:   <b/>"
 * into `out` and return false; return true when they are equal.
 */
bool tu_compare(const char *expected, size_t elen, const char *actual, size_t alen,
                char *out, size_t size);

/* parse(buf) then format: the output (malloc'ed, *len set) or NULL with
 * *err filled. */
char *tu_round_trip(const char *buf, size_t len, const char *name, domxml_error *err,
                    size_t *out_len);

/*
 * Test-scoped ownership, so a failing assertion (which leaves the test
 * function at once) leaks nothing under CK_FORK=no and valgrind stays
 * quiet: tu_track() registers a malloc'ed pointer, tu_track_domain() a
 * domain; tu_release(), installed as a checked teardown by tu_tcase(),
 * frees them all after each test. Both return their argument.
 */
void *tu_track(void *ptr);
domxml_domain *tu_track_domain(domxml_domain *dom);
/* A block the library returned, freed with domxml_free(). */
void *tu_track_block(void *block);
void tu_release(void);
/* A test case whose tests may use tu_track(). */
TCase *tu_tcase(const char *name);

/* Run a suite with Check's CK_ENV verbosity (CK_FORK from the environment)
 * and return the process exit status: 0 when every test passed. */
int tu_run_suite(Suite *s);

#endif /* DOMXML_TESTUTIL_H */
