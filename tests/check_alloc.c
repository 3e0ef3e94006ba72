/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Fail-the-Nth-allocation tests (expat's alloc_tests, jansson's test_chaos):
 * a counting allocator given through domxml_memory fails allocation N, for
 * N = 0, 1, 2, ... until a run needs no more than N allocations. Every
 * failing run must end in a clean DOMXML_ERR_NOMEM (or, if the library
 * absorbs the failure, in the same result as an unconstrained run), and
 * every block must be freed afterwards.
 *
 * Two modes: fail only the Nth call, or the Nth and every later one (which
 * also exercises clean-up paths that must not allocate).
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

/* Allocator state: test-local, reset before every run. */
static unsigned long n_calls;  /* malloc and realloc calls so far */
static unsigned long fail_at;  /* the call to fail; ULONG_MAX: none */
static bool fail_later;        /* fail every call after fail_at too */
static long n_live;            /* blocks allocated and not yet freed */

static bool should_fail(void)
{
    unsigned long call = n_calls++;

    return call == fail_at || (fail_later && fail_at != ULONG_MAX && call > fail_at);
}

static void *t_malloc(size_t size)
{
    void *p;

    if (should_fail())
        return NULL;
    p = malloc(size ? size : 1);
    if (p)
        n_live++;
    return p;
}

static void *t_realloc(void *ptr, size_t size)
{
    void *p;

    if (should_fail())
        return NULL;
    p = realloc(ptr, size ? size : 1);
    if (p && !ptr)
        n_live++;
    return p;
}

static void t_free(void *ptr)
{
    if (ptr)
        n_live--;
    free(ptr);
}

static const domxml_memory counting = {t_malloc, t_realloc, t_free};

static void arm(unsigned long n, bool later)
{
    n_calls = 0;
    fail_at = n;
    fail_later = later;
}

static void disarm(void)
{
    fail_at = ULONG_MAX;
}

/* Enough for any fixture: a run needing more is a runaway. */
enum { MAX_RUNS = 20000 };

/* ------------------------------------------------------------------ */

typedef struct input {
    const char *name;
    char *data;
    size_t len;
    char *reference;             /* unconstrained format output, or NULL */
    domxml_error_code ref_code;  /* unconstrained parse error, or DOMXML_OK */
} input;

static const char *const fixture_names[] = {
    "core-devices-mix.xml",
    "core-generic-content.xml",
    "invalid/core-teaming-unknown-alias.xml",
    "hostdev-err-teaming-usb.xml",
};
#define N_FIXTURES (sizeof(fixture_names) / sizeof(fixture_names[0]))

/* Also a standalone device document, held inline. */
static const char standalone[] =
    "<hostdev mode='subsystem' type='pci' managed='yes'>\n"
    "  <source>\n"
    "    <address domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>\n"
    "  </source>\n"
    "  <alias name='ua-vf0'/>\n"
    "</hostdev>\n";

static void load(input *in, unsigned i)
{
    domxml_error err;
    domxml_domain *dom;

    if (i < N_FIXTURES) {
        char *path = tu_concat(tu_srcdir(), "/tests/data/", fixture_names[i]);
        in->name = fixture_names[i];
        in->data = tu_read_file(path, &in->len);
        ck_assert_msg(in->data, "cannot read %s", path);
        free(path);
    } else {
        in->name = "standalone hostdev";
        in->data = tu_concat(standalone, "", NULL);
        in->len = strlen(standalone);
    }
    disarm();
    n_live = 0;
    dom = domxml_parse_buffer(in->data, in->len, in->name, NULL, &err);
    in->ref_code = dom ? DOMXML_OK : err.code;
    in->reference = NULL;
    if (dom) {
        char *out = domxml_format(dom, NULL, &err);
        ck_assert_msg(out, "%s: format: %s", in->name, err.message);
        in->reference = tu_concat(out, "", NULL);
        domxml_string_free(out);
        domxml_domain_free(dom);
    }
}

static void unload(input *in)
{
    free(in->data);
    free(in->reference);
}

/* A parse result under allocation failure: NOMEM, or what an unconstrained
 * parse gives. Frees the domain. */
static void check_parse_result(const input *in, domxml_domain *dom, const domxml_error *err,
                               unsigned long n, bool later)
{
    const char *mode = later ? "from" : "only";

    if (!dom) {
        ck_assert_msg(err->code == DOMXML_ERR_NOMEM || err->code == in->ref_code,
                      "%s: failing allocation %lu (%s): error code %d (%s): %s", in->name, n,
                      mode, err->code, domxml_strerror(err->code), err->message);
        ck_assert_msg(err->code != DOMXML_ERR_NOMEM || strcmp(err->message, "out of memory") == 0,
                      "%s: failing allocation %lu (%s): NOMEM with message \"%s\"", in->name, n,
                      mode, err->message);
    } else {
        char *out;
        ck_assert_msg(in->ref_code == DOMXML_OK,
                      "%s: failing allocation %lu (%s): parsed, but it should fail with code %d",
                      in->name, n, mode, in->ref_code);
        disarm();
        out = domxml_format(dom, NULL, NULL);
        ck_assert_msg(out && strcmp(out, in->reference) == 0,
                      "%s: failing allocation %lu (%s): parsed, but formats differently",
                      in->name, n, mode);
        domxml_string_free(out);
        domxml_domain_free(dom);
    }
    ck_assert_msg(n_live == 0, "%s: failing allocation %lu (%s): %ld block(s) leaked", in->name,
                  n, mode, n_live);
}

/* Loop index: input * 2 + mode. */
START_TEST(test_parse_nth)
{
    const bool later = _i % 2 == 1;
    domxml_parse_options opts = {.size = sizeof(domxml_parse_options), .memory = &counting};
    input in;
    unsigned long n;

    load(&in, (unsigned)_i / 2);
    for (n = 0; n < MAX_RUNS; n++) {
        domxml_error err;
        domxml_domain *dom;

        n_live = 0;
        arm(n, later);
        dom = domxml_parse_buffer(in.data, in.len, in.name, &opts, &err);
        if (n_calls <= n) {
            /* Nothing failed: every allocation has been tried. */
            ck_assert_msg(dom ? in.ref_code == DOMXML_OK : err.code == in.ref_code,
                          "%s: parse without a failed allocation: code %d: %s", in.name,
                          dom ? DOMXML_OK : err.code, dom ? "" : err.message);
            check_parse_result(&in, dom, &err, n, later);
            break;
        }
        check_parse_result(&in, dom, &err, n, later);
    }
    ck_assert_msg(n < MAX_RUNS, "%s: more than %d allocations", in.name, MAX_RUNS);
    ck_assert_msg(n > 0, "%s: the parse allocated nothing through the hooks", in.name);
    unload(&in);
}
END_TEST

START_TEST(test_parse_file_nth)
{
    const bool later = _i == 1;
    domxml_parse_options opts = {.size = sizeof(domxml_parse_options), .memory = &counting};
    char *path = tu_concat(tu_srcdir(), "/tests/data/", fixture_names[0]);
    input in;
    unsigned long n;

    load(&in, 0);
    for (n = 0; n < MAX_RUNS; n++) {
        domxml_error err;
        domxml_domain *dom;

        n_live = 0;
        arm(n, later);
        dom = domxml_parse_file(path, &opts, &err);
        check_parse_result(&in, dom, &err, n, later);
        if (n_calls <= n)
            break;
    }
    ck_assert_msg(n < MAX_RUNS, "%s: more than %d allocations", in.name, MAX_RUNS);
    free(path);
    unload(&in);
}
END_TEST

/* domxml_format of a parsed domain under allocation failure. */
START_TEST(test_format_nth)
{
    const bool later = _i % 2 == 1;
    domxml_parse_options opts = {.size = sizeof(domxml_parse_options), .memory = &counting};
    domxml_error err;
    domxml_domain *dom;
    input in;
    unsigned long n;
    long live_before;

    load(&in, (unsigned)_i / 2);
    if (in.ref_code != DOMXML_OK) {
        unload(&in);
        return; /* nothing to format */
    }
    n_live = 0;
    disarm();
    dom = domxml_parse_buffer(in.data, in.len, in.name, &opts, &err);
    ck_assert_msg(dom, "%s: %s", in.name, err.message);
    live_before = n_live;
    for (n = 0; n < MAX_RUNS; n++) {
        size_t len = 0;
        char *out;

        arm(n, later);
        out = domxml_format(dom, &len, &err);
        disarm();
        if (out) {
            ck_assert_msg(len == strlen(in.reference) && strcmp(out, in.reference) == 0,
                          "%s: failing allocation %lu: output differs", in.name, n);
            domxml_string_free(out);
        } else {
            ck_assert_msg(err.code == DOMXML_ERR_NOMEM, "%s: failing allocation %lu: code %d: %s",
                          in.name, n, err.code, err.message);
        }
        ck_assert_msg(n_live == live_before, "%s: failing allocation %lu: %ld block(s) leaked",
                      in.name, n, n_live - live_before);
        if (n_calls <= n) {
            ck_assert_msg(out != NULL, "%s: format failed without a failed allocation", in.name);
            break;
        }
    }
    ck_assert_msg(n < MAX_RUNS, "%s: more than %d allocations", in.name, MAX_RUNS);
    domxml_domain_free(dom);
    ck_assert_msg(n_live == 0, "%s: %ld block(s) leaked by the domain", in.name, n_live);
    unload(&in);
}
END_TEST

/* domxml_domain_validate of a parsed domain under allocation failure: NULL
 * with NOMEM, or the same diagnostics as without a failure. */
START_TEST(test_validate_nth)
{
    const bool later = _i % 2 == 1;
    domxml_parse_options opts = {.size = sizeof(domxml_parse_options), .memory = &counting};
    domxml_diagnostics *ref, *ds;
    domxml_error err;
    domxml_domain *dom;
    input in;
    unsigned long n;
    long live_before;

    load(&in, (unsigned)_i / 2);
    if (in.ref_code != DOMXML_OK) {
        unload(&in);
        return;
    }
    n_live = 0;
    disarm();
    dom = domxml_parse_buffer(in.data, in.len, in.name, &opts, &err);
    ck_assert_msg(dom, "%s: %s", in.name, err.message);
    live_before = n_live;
    ref = domxml_domain_validate(dom, &err);
    ck_assert_msg(ref, "%s: validate: %s", in.name, err.message);
    for (n = 0; n < MAX_RUNS; n++) {
        arm(n, later);
        ds = domxml_domain_validate(dom, &err);
        disarm();
        if (ds) {
            ck_assert_msg(ds->count == ref->count && ds->errors == ref->errors,
                          "%s: failing allocation %lu: %zu diagnostics, not %zu", in.name, n,
                          ds->count, ref->count);
            for (size_t i = 0; i < ds->count; i++)
                ck_assert_str_eq(ds->items[i].message, ref->items[i].message);
            domxml_diagnostics_free(ds);
        } else {
            ck_assert_msg(err.code == DOMXML_ERR_NOMEM, "%s: failing allocation %lu: code %d: %s",
                          in.name, n, err.code, err.message);
        }
        if (n_calls <= n) {
            ck_assert_msg(ds != NULL, "%s: validate failed without a failed allocation", in.name);
            break;
        }
    }
    domxml_diagnostics_free(ref);
    ck_assert_msg(n_live == live_before, "%s: %ld block(s) leaked by validation", in.name,
                  n_live - live_before);
    ck_assert_msg(n < MAX_RUNS, "%s: more than %d allocations", in.name, MAX_RUNS);
    domxml_domain_free(dom);
    unload(&in);
}
END_TEST

/* domxml_domain_link_teaming under allocation failure. */
START_TEST(test_link_nth)
{
    domxml_parse_options opts = {.size = sizeof(domxml_parse_options), .memory = &counting, .flags = DOMXML_PARSE_NO_TEAMING_LINK};
    domxml_error err;
    domxml_domain *dom;
    input in;
    unsigned long n;
    long live_before;

    load(&in, 0);
    n_live = 0;
    disarm();
    dom = domxml_parse_buffer(in.data, in.len, in.name, &opts, &err);
    ck_assert_msg(dom, "%s: %s", in.name, err.message);
    live_before = n_live;
    for (n = 0; n < MAX_RUNS; n++) {
        int rc;

        arm(n, _i == 1);
        rc = domxml_domain_link_teaming(dom, &err);
        disarm();
        ck_assert_msg(rc == 0 || err.code == DOMXML_ERR_NOMEM,
                      "failing allocation %lu: code %d: %s", n, err.code, err.message);
        ck_assert_msg(n_live == live_before, "failing allocation %lu: %ld block(s) leaked", n,
                      n_live - live_before);
        if (n_calls <= n) {
            ck_assert_int_eq(rc, 0);
            ck_assert_ptr_nonnull(domxml_teaming_next_pair(dom, NULL));
            break;
        }
    }
    domxml_domain_free(dom);
    ck_assert_int_eq(n_live, 0);
    unload(&in);
}
END_TEST

/* domxml_domain_new and the builders under allocation failure. */
START_TEST(test_build_nth)
{
    unsigned long n;

    for (n = 0; n < MAX_RUNS; n++) {
        domxml_domain *dom;
        domxml_node *root = NULL;

        n_live = 0;
        arm(n, true);
        dom = domxml_domain_new(&counting);
        if (dom) {
            root = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
            if (root) {
                root->name = domxml_strdup(dom, "domain");
                root->attrs = domxml_attr_new(dom, "type", "kvm");
                root->children = domxml_interface_node_new(dom);
            }
        }
        disarm();
        domxml_domain_free(dom);
        ck_assert_msg(n_live == 0, "failing allocation %lu: %ld block(s) leaked", n, n_live);
        if (n_calls <= n) {
            ck_assert_ptr_nonnull(root);
            break;
        }
    }
}
END_TEST

int main(void)
{
    Suite *s = suite_create("alloc");
    TCase *tc = tcase_create("alloc");
    const int n_inputs = (int)N_FIXTURES + 1;

    disarm();
    tcase_set_timeout(tc, 120);
    tcase_add_loop_test(tc, test_parse_nth, 0, 2 * n_inputs);
    tcase_add_loop_test(tc, test_parse_file_nth, 0, 2);
    tcase_add_loop_test(tc, test_format_nth, 0, 2 * n_inputs);
    tcase_add_loop_test(tc, test_validate_nth, 0, 2 * n_inputs);
    tcase_add_loop_test(tc, test_link_nth, 0, 2);
    tcase_add_test(tc, test_build_nth);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
