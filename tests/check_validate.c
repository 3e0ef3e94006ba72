/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Validation over data files:
 *
 *   tests/data/invalid/NAME.xml + NAME.diag
 *       the document parses (parsing is lenient); domxml_domain_validate()
 *       gives exactly the lines of NAME.diag, in document order (at least
 *       one); a parse with DOMXML_PARSE_VALIDATE fails with the first error
 *       among them, if there is one.
 *   tests/data/NAME.xml (the valid fixtures: no NAME.err)
 *       validate with no error.
 *   the libvirt corpus (../shared/corpus/libvirt/tests, when present)
 *       every file that parses validates with no error, apart from the
 *       reviewed list in tests/validate-exceptions.txt.
 *
 * DOMXML_TEST_REGENERATE=1 rewrites the NAME.diag files instead.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

static char *data_dir, *invalid_dir;
static char **invalid, **valid;
static size_t n_invalid, n_valid;

/* All diagnostics of `dom` as lines; the caller frees. */
static char *diagnostics_text(const domxml_domain *dom, size_t *errors)
{
    domxml_error err;
    domxml_diagnostics *ds = domxml_domain_validate(dom, &err);
    size_t cap = 1024, len = 0;
    char *text = malloc(cap), line[1200];

    ck_assert_msg(ds != NULL, "domxml_domain_validate: %s", err.message);
    ck_assert_ptr_nonnull(text);
    text[0] = '\0';
    for (size_t i = 0; i < ds->count; i++) {
        size_t n;
        tu_format_diagnostic(&ds->items[i], line, sizeof(line));
        n = strlen(line);
        while (len + n + 1 > cap)
            ck_assert_ptr_nonnull(text = realloc(text, cap *= 2));
        memcpy(text + len, line, n + 1);
        len += n;
    }
    ck_assert_uint_eq(ds->errors + ds->warnings, ds->count);
    *errors = ds->errors;
    domxml_diagnostics_free(ds);
    return text;
}

static domxml_domain *parse_file(const char *path, unsigned flags, domxml_error *err)
{
    domxml_parse_options opts;

    domxml_parse_options_init(&opts);
    opts.flags = flags;
    return domxml_parse_file(path, &opts, err);
}

START_TEST(test_invalid)
{
    const char *file = invalid[_i];
    char *xml = tu_track(tu_concat(invalid_dir, "/", file));
    char *stem = tu_track(tu_concat(xml, "", NULL));
    char *diag;
    char line[1024], first[1024] = "", diff[2048];
    domxml_error err;
    domxml_domain *dom;
    size_t errors = 0, elen = 0;
    char *actual, *expected;

    stem[strlen(stem) - strlen(".xml")] = '\0';
    diag = tu_track(tu_concat(stem, ".diag", NULL));
    dom = tu_track_domain(parse_file(xml, DOMXML_PARSE_ATTR_POSITIONS, &err));
    if (!dom) {
        tu_format_error(&err, line, sizeof(line));
        ck_abort_msg("%s: parsing is lenient, but it failed: %s", file, line);
    }
    actual = tu_track(diagnostics_text(dom, &errors));
    if (tu_regenerate()) {
        ck_assert_int_eq(tu_write_file(diag, actual, strlen(actual)), 0);
        return;
    }
    expected = tu_track(tu_read_file(diag, &elen));
    ck_assert_msg(expected, "%s: cannot read %s: %s", file, diag, strerror(errno));
    ck_assert_msg(tu_compare(expected, elen, actual, strlen(actual), diff, sizeof(diff)),
                  "%s: diagnostics differ from NAME.diag: %s", file, diff);
    ck_assert_msg(actual[0], "%s: an invalid fixture without a diagnostic", file);
    if (errors == 0)
        return; /* warnings only: the document parses with DOMXML_PARSE_VALIDATE */
    /* One call: parse and validate, failing with the first error. */
    for (const char *p = actual; *p; p = strchr(p, '\n') + 1) {
        if (strstr(p, ": error: ") && strstr(p, ": error: ") < strchr(p, '\n')) {
            size_t n = (size_t)(strchr(p, '\n') - p);
            memcpy(first, p, n);
            first[n] = '\0';
            break;
        }
    }
    ck_assert_ptr_null(tu_track_domain(
        parse_file(xml, DOMXML_PARSE_VALIDATE | DOMXML_PARSE_ATTR_POSITIONS, &err)));
    snprintf(line, sizeof(line), "%lu:%lu: error: %s (at %s)", err.line, err.column,
             err.message, err.path);
    ck_assert_msg(strncmp(first, line, strlen(line)) == 0,
                  "%s: DOMXML_PARSE_VALIDATE failed with \"%s\", the first error is \"%s\"",
                  file, line, first);
}
END_TEST

START_TEST(test_valid)
{
    const char *file = valid[_i];
    char *xml = tu_track(tu_concat(data_dir, "/", file));
    domxml_error err;
    domxml_domain *dom = tu_track_domain(parse_file(xml, 0, &err));
    size_t errors = 0;
    char *text;

    ck_assert_msg(dom != NULL, "%s: %s", file, err.message);
    text = tu_track(diagnostics_text(dom, &errors));
    ck_assert_msg(errors == 0, "%s: a valid fixture has errors:\n%s", file, text);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The table of libvirt releases (domxml_libvirt_since_table())         */

/* Does `file` of tests/data, validated for `version`, report `code`? */
static bool reports(const char *file, unsigned long version, const char *code)
{
    char *xml = tu_track(tu_concat(data_dir, "/", file));
    domxml_error err;
    domxml_domain *dom = tu_track_domain(parse_file(xml, 0, &err));
    domxml_validate_options o;
    domxml_diagnostics *ds;
    bool found = false;

    ck_assert_msg(dom != NULL, "%s: %s", file, err.message);
    domxml_validate_options_init(&o);
    o.libvirt_version = version;
    ds = domxml_domain_validate_with(dom, &o, &err);
    ck_assert_msg(ds != NULL, "%s: %s", file, err.message);
    for (size_t i = 0; i < ds->count; i++)
        found |= strcmp(ds->items[i].code, code) == 0 &&
                 ds->items[i].severity == DOMXML_SEVERITY_ERROR;
    domxml_diagnostics_free(ds);
    return found;
}

/* Each syntax entry's fixture is an error for the release before `since`
 * (or from `until` on) and clean for the releases that take it. */
START_TEST(test_since_fixtures)
{
    size_t n;
    const domxml_libvirt_since *t = domxml_libvirt_since_table(&n);
    const domxml_libvirt_since *e = &t[_i];

    ck_assert_uint_lt((size_t)_i, n);
    /* The syntax entries come first (lib/since.c pairs them with finders). */
    ck_assert_msg(_i == 0 || strncmp(e->code, "since.", 6) != 0 ||
                      strncmp(t[_i - 1].code, "since.", 6) == 0,
                  "%s: a syntax entry after a rule", e->code);
    if (!e->fixture)
        return;
    ck_assert_msg(strncmp(e->code, "since.", 6) == 0, "%s: a rule names a fixture", e->code);
    ck_assert_msg(!reports(e->fixture, 0, e->code), "%s: %s is an error for the newest "
                  "libvirt", e->code, e->fixture);
    if (e->since) {
        ck_assert_msg(reports(e->fixture, e->since - 1, e->code),
                      "%s: %s is no error for the release before %lu", e->code, e->fixture,
                      e->since);
        ck_assert_msg(!reports(e->fixture, e->since, e->code), "%s: %s is an error for %lu",
                      e->code, e->fixture, e->since);
    }
    if (e->until) {
        ck_assert_msg(reports(e->fixture, e->until, e->code), "%s: %s is no error for %lu",
                      e->code, e->fixture, e->until);
        ck_assert_msg(!reports(e->fixture, e->until - 1, e->code),
                      "%s: %s is an error for the release before %lu", e->code, e->fixture,
                      e->until);
    }
}
END_TEST

/* A release as the docs write it: "11.8.0", or "—" for 0. */
static const char *release_text(unsigned long v, char buf[32])
{
    if (!v)
        return "—";
    snprintf(buf, 32, "%lu.%lu.%lu", v / 1000000, v / 1000 % 1000, v % 1000);
    return buf;
}

/* Markdown text: '<' and '>' as entities, so tags show as written. */
static void md_text(char *out, size_t size, const char *s)
{
    size_t used = 0;

    for (; *s && used + 5 < size; s++) {
        const char *ent = *s == '<' ? "&lt;" : *s == '>' ? "&gt;" : NULL;
        if (ent) {
            memcpy(out + used, ent, 4);
            used += 4;
        } else {
            out[used++] = *s;
        }
    }
    out[used] = '\0';
}

#define TABLE_BEGIN "<!-- since-table: generated from domxml_libvirt_since_table() -->\n"
#define TABLE_END "<!-- end of since-table -->\n"

/* docs/libvirt-syntax.md holds the table as the library has it;
 * DOMXML_TEST_REGENERATE=1 writes it there. */
START_TEST(test_since_docs)
{
    const char *path = tu_srcpath("docs/libvirt-syntax.md");
    size_t n, len = 0, used = 0;
    const domxml_libvirt_since *t = domxml_libvirt_since_table(&n);
    char *doc = tu_track(tu_read_file(path, &len)), *begin, *end, *out;
    char table[16384], what[512], since[32], until[32], diff[2048];

    ck_assert_msg(doc, "cannot read %s", path);
    used += (size_t)snprintf(table + used, sizeof(table) - used,
                             "| code | what | since | until | source | fixture |\n"
                             "|---|---|---|---|---|---|\n");
    for (size_t i = 0; i < n && used < sizeof(table); i++) {
        md_text(what, sizeof(what), t[i].what);
        used += (size_t)snprintf(table + used, sizeof(table) - used,
                                 "| `%s` | %s | %s | %s | %s | %s%s%s |\n", t[i].code, what,
                                 release_text(t[i].since, since), release_text(t[i].until, until),
                                 t[i].source, t[i].fixture ? "`" : "",
                                 t[i].fixture ? t[i].fixture : "—", t[i].fixture ? "`" : "");
    }
    ck_assert_uint_lt(used, sizeof(table));
    begin = strstr(doc, TABLE_BEGIN);
    end = begin ? strstr(begin, TABLE_END) : NULL;
    ck_assert_msg(begin && end, "%s: no since-table markers", path);
    begin += strlen(TABLE_BEGIN);
    if (tu_regenerate()) {
        char *tail = tu_track(tu_concat(end, "", NULL));

        *begin = '\0';
        out = tu_track(tu_concat(doc, table, tail));
        ck_assert_int_eq(tu_write_file(path, out, strlen(out)), 0);
        return;
    }
    ck_assert_msg(tu_compare(table, used, begin, (size_t)(end - begin), diff, sizeof(diff)),
                  "%s: the since-table differs from the library's "
                  "(DOMXML_TEST_REGENERATE=1 rewrites it): %s", path, diff);
}
END_TEST

/* NAME.xml of tests/data that parse (no NAME.err), or of invalid/. */
static char **list_fixtures(const char *dir, bool want_valid, size_t *n)
{
    size_t all_n = 0, k = 0;
    char **all = tu_list_dir(dir, ".xml", false, &all_n);

    if (!all)
        return NULL;
    for (size_t i = 0; i < all_n; i++) {
        char *err = tu_concat(dir, "/", all[i]);
        bool keep = !tu_has_suffix(all[i], ".out.xml");

        strcpy(err + strlen(err) - strlen(".xml"), ".err");
        if (want_valid && tu_file_exists(err))
            keep = false;
        free(err);
        if (keep)
            all[k++] = all[i];
        else
            free(all[i]);
    }
    all[k] = NULL;
    *n = k;
    return all;
}

int main(void)
{
    Suite *s = suite_create("validate");
    size_t n_since;
    TCase *tc = tu_tcase("validate");
    int rc;

    data_dir = tu_concat(tu_srcdir(), "/tests/data", NULL);
    invalid_dir = tu_concat(data_dir, "/invalid", NULL);
    invalid = list_fixtures(invalid_dir, false, &n_invalid);
    valid = list_fixtures(data_dir, true, &n_valid);
    if (!invalid || !valid) {
        fprintf(stderr, "cannot list %s: %s\n", data_dir, strerror(errno));
        return EXIT_FAILURE;
    }
    printf("validate: %zu invalid fixtures, %zu valid ones\n", n_invalid, n_valid);
    fflush(stdout);
    tcase_set_timeout(tc, 60);
    tcase_add_loop_test(tc, test_invalid, 0, (int)n_invalid);
    tcase_add_loop_test(tc, test_valid, 0, (int)n_valid);
    domxml_libvirt_since_table(&n_since);
    tcase_add_loop_test(tc, test_since_fixtures, 0, (int)n_since);
    tcase_add_test(tc, test_since_docs);
    suite_add_tcase(s, tc);
    rc = tu_run_suite(s);
    tu_free_list(invalid);
    tu_free_list(valid);
    free(invalid_dir);
    free(data_dir);
    return rc;
}
