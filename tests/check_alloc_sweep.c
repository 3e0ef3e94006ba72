/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Allocation failure everywhere: for every fixture of tests/data (its
 * subdirectories too) and every entry point in `rows` below, fail the Nth
 * allocation for N = 0, 1, 2, ... until the call needs no more than N:
 * each failing call gives DOMXML_ERR_NOMEM ("out of memory") or, when the
 * library absorbed the failure, the result of a run without one; no block
 * stays allocated. The allocator is the fuzz harnesses' (fuzz/fuzz_util.c).
 *
 * A row is one entry point on a parsed document (or, for parse, on the
 * text); the argv/hot-plug entry points are rows too, qemuargv
 * allocates through the document's hooks ("qemuargv v2").
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_util.h"
#include "testutil.h"

/* What a call gave, as text to compare: "ok:..." or "err:CODE:message". */
typedef struct result {
    char *text;
    bool nomem;
} result;

static result res_err(const domxml_error *e)
{
    result r = {NULL, e->code == DOMXML_ERR_NOMEM};
    char buf[600];

    ck_assert_msg(e->code != DOMXML_ERR_NOMEM || strcmp(e->message, "out of memory") == 0,
                  "NOMEM with message \"%s\"", e->message);
    snprintf(buf, sizeof(buf), "err:%d:%s", (int)e->code, e->message);
    r.text = tu_concat(buf, "", NULL);
    return r;
}

static result res_ok(const char *what)
{
    result r = {tu_concat("ok:", what ? what : "", NULL), false};
    return r;
}

typedef struct doc {
    const char *name;
    const char *text;
    size_t len;
    domxml_domain *dom; /* parsed with the hooks, outside any failure */
} doc;

static result row_parse(const doc *d)
{
    domxml_parse_options o;
    domxml_error err;
    domxml_domain *dom;
    result r;
    char *out;

    domxml_parse_options_init(&o);
    o.memory = &fuzz_memory;
    dom = domxml_parse_buffer(d->text, d->len, d->name, &o, &err);
    if (!dom)
        return res_err(&err);
    fuzz_alloc_disarm(); /* the result of a parse is what it formats to */
    out = domxml_format(dom, NULL, &err);
    r = out ? res_ok(out) : res_err(&err);
    domxml_string_free(out);
    domxml_domain_free(dom);
    return r;
}

static result row_validate(const doc *d)
{
    domxml_error err;
    domxml_diagnostics *ds = domxml_domain_validate(d->dom, &err);
    char *text = tu_concat("", "", NULL), *more;
    result r;

    if (!ds) {
        free(text);
        return res_err(&err);
    }
    for (size_t i = 0; i < ds->count; i++) {
        more = tu_concat(text, ds->items[i].message, "\n");
        free(text);
        text = more;
    }
    domxml_diagnostics_free(ds);
    r = res_ok(text);
    free(text);
    return r;
}

static result row_format(const doc *d)
{
    domxml_error err;
    char *out = domxml_format(d->dom, NULL, &err);
    result r = out ? res_ok(out) : res_err(&err);

    domxml_string_free(out);
    return r;
}

static result row_check(const doc *d)
{
    domxml_error err;

    return domxml_domain_check(d->dom, &err) == 0 ? res_ok(NULL) : res_err(&err);
}

static int sink(void *ctx, const char *data, size_t len)
{
    (void)ctx;
    (void)data;
    (void)len;
    return 0;
}

static result row_format_to(const doc *d)
{
    domxml_error err;

    return domxml_format_to(d->dom, sink, NULL, &err) == 0 ? res_ok(NULL) : res_err(&err);
}

/* qemuargv: with no resources, a device that needs one is a clean error;
 * the domain's hooks (fuzz_memory) serve every allocation. */
static result qa_text(char *block, const domxml_error *err)
{
    result r = block ? res_ok(block) : res_err(err);

    domxml_qemuargv_free(block);
    return r;
}

static result row_argv(const doc *d, domxml_qemuargv_syntax syntax)
{
    domxml_qemuargv_options o;
    domxml_error err;
    char **argv, *text;

    domxml_qemuargv_options_init(&o);
    o.syntax = syntax;
    argv = domxml_qemuargv_build(d->dom, &o, NULL, &err);
    if (!argv)
        return res_err(&err);
    text = domxml_argv_to_shell(argv); /* malloc'ed by the test's side: not swept */
    domxml_qemuargv_free(argv);
    fuzz_alloc_disarm();
    result r = res_ok(text ? text : "");
    domxml_qemuargv_free(text);
    return r;
}

static result row_argv_keyval(const doc *d)
{
    return row_argv(d, DOMXML_QEMUARGV_SYNTAX_KEYVAL);
}

static result row_argv_json(const doc *d)
{
    return row_argv(d, DOMXML_QEMUARGV_SYNTAX_JSON);
}

/* The first device: a standalone root by NULL, else its alias (a device
 * without one is skipped: its id is qemuargv's numbering). */
static bool first_device(const doc *d, const char **alias)
{
    const domxml_node *n = domxml_device_next(d->dom, NULL);

    *alias = n && domxml_domain_devices(d->dom) ? domxml_node_alias(n) : NULL;
    return n && (*alias || !domxml_domain_devices(d->dom));
}

static result row_hotplug(const doc *d)
{
    const char *alias;
    domxml_error err;

    if (!first_device(d, &alias))
        return res_ok(NULL);
    return qa_text(domxml_qemuargv_hotplug(d->dom, alias, NULL, &err), &err);
}

static result row_unplug(const doc *d)
{
    const char *alias;
    domxml_error err;

    if (!first_device(d, &alias) || !alias)
        return res_ok(NULL);
    return qa_text(domxml_qemuargv_unplug(d->dom, alias, NULL, &err), &err);
}

static const struct row {
    const char *name;
    result (*run)(const doc *d);
    bool needs_dom;
} rows[] = {
    {"parse", row_parse, false},
    {"validate", row_validate, true},
    {"format", row_format, true},
    {"format_to", row_format_to, true},
    {"check", row_check, true},
    {"argv keyval", row_argv_keyval, true},
    {"argv json", row_argv_json, true},
    {"hotplug", row_hotplug, true},
    {"unplug", row_unplug, true},
};

enum { MAX_RUNS = 100000 };

static char **fixtures;
static size_t n_fixtures;

static void sweep(const doc *d, const struct row *row)
{
    result ref, got;
    long base;
    unsigned long n;

    fuzz_alloc_reset(ULONG_MAX);
    base = fuzz_alloc.live = 0;
    ref = row->run(d);
    ck_assert_msg(!ref.nomem, "%s %s: NOMEM without a failure", d->name, row->name);
    for (n = 0; n < MAX_RUNS; n++) {
        fuzz_alloc_reset(n);
        fuzz_alloc.live = base;
        got = row->run(d);
        fuzz_alloc_disarm();
        ck_assert_msg(got.nomem || strcmp(got.text, ref.text) == 0,
                      "%s %s: failing allocation %lu gives \"%.200s\", not \"%.200s\"", d->name,
                      row->name, n, got.text, ref.text);
        ck_assert_msg(!got.nomem || fuzz_alloc.injected, "%s %s: NOMEM, nothing failed",
                      d->name, row->name);
        ck_assert_msg(fuzz_alloc.live == base, "%s %s: failing allocation %lu: %ld block(s) leaked",
                      d->name, row->name, n, fuzz_alloc.live - base);
        free(got.text);
        if (!fuzz_alloc.injected)
            break;
    }
    ck_assert_msg(n < MAX_RUNS, "%s %s: more than %d allocations", d->name, row->name, MAX_RUNS);
    free(ref.text);
}

START_TEST(test_sweep)
{
    doc d;
    domxml_parse_options o;
    char *text;

    char *path = tu_concat(tu_srcdir(), "/tests/data/", fixtures[_i]);

    d.name = fixtures[_i];
    text = tu_read_file(path, &d.len);
    ck_assert_msg(text, "cannot read %s", path);
    free(path);
    d.text = text;
    fuzz_alloc_reset(ULONG_MAX);
    domxml_parse_options_init(&o);
    o.memory = &fuzz_memory;
    d.dom = domxml_parse_buffer(d.text, d.len, d.name, &o, NULL);
    for (size_t r = 0; r < sizeof(rows) / sizeof(rows[0]); r++) {
        if (rows[r].needs_dom && !d.dom)
            continue;
        sweep(&d, &rows[r]);
    }
    domxml_domain_free(d.dom);
    free(text);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("alloc_sweep");
    TCase *tc = tcase_create("every fixture, every entry point");
    char *dir = tu_concat(tu_srcdir(), "/tests/data", NULL);
    int rc;

    fixtures = tu_list_dir(dir, ".xml", true, &n_fixtures);
    free(dir);
    if (!fixtures || n_fixtures == 0) {
        fprintf(stderr, "no fixtures under tests/data\n");
        return 99;
    }
    printf("allocation sweep: %zu fixtures x %zu entry points\n", n_fixtures,
           sizeof(rows) / sizeof(rows[0]));
    tcase_set_timeout(tc, 600);
    tcase_add_loop_test(tc, test_sweep, 0, (int)n_fixtures);
    suite_add_tcase(s, tc);
    rc = tu_run_suite(s);
    tu_free_list(fixtures);
    return rc;
}
