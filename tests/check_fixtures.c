/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Data-driven tests over tests/data/ (one Check test per fixture).
 *
 *   NAME.xml + NAME.err      parsing must fail; "LINE:COLUMN: MESSAGE (at
 *                            PATH)\n" must equal NAME.err byte for byte
 *   NAME.xml [+ NAME.out.xml] format(parse(NAME.xml)) must equal NAME.out.xml,
 *                            or NAME.xml itself when there is no .out.xml;
 *                            then parse(output) formats to the same bytes
 *
 * A .out.xml or .err without its NAME.xml fails the suite (orphan).
 * DOMXML_TEST_REGENERATE=1 writes the actual result into NAME.out.xml (only
 * when it differs from the input) or NAME.err instead of comparing, and
 * removes expectation files that no longer apply; review with git diff.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

static char *data_dir;   /* <srcdir>/tests/data */
static char **fixtures;  /* NAME.xml, sorted */
static size_t n_fixtures;

/* Expectation files of one fixture. */
typedef struct fixture {
    const char *file; /* NAME.xml */
    char *base;       /* <data_dir>/NAME */
    char *xml, *out, *err;
} fixture;

/* Strings are freed by tu_release() after the test. */
static void fixture_init(fixture *f, const char *file)
{
    size_t n = strlen(file) - strlen(".xml");
    char *stem = tu_track(tu_concat(file, "", NULL));

    stem[n] = '\0';
    f->file = file;
    f->base = tu_track(tu_concat(data_dir, "/", stem));
    f->xml = tu_track(tu_concat(f->base, ".xml", NULL));
    f->out = tu_track(tu_concat(f->base, ".out.xml", NULL));
    f->err = tu_track(tu_concat(f->base, ".err", NULL));
}

/* Regeneration: write `path` when its content differs, or remove it
 * (data == NULL) when it exists. */
static void regenerate(const char *path, const char *data, size_t len)
{
    size_t old_len = 0;
    char *old = tu_track(tu_read_file(path, &old_len));
    bool same = data ? old && old_len == len && memcmp(old, data, len) == 0 : !old;

    if (same)
        return;
    if (data) {
        ck_assert_msg(tu_write_file(path, data, len) == 0, "cannot write %s: %s", path,
                      strerror(errno));
        fprintf(stderr, "regenerated %s\n", path);
    } else {
        ck_assert_msg(unlink(path) == 0, "cannot remove %s: %s", path, strerror(errno));
        fprintf(stderr, "removed %s\n", path);
    }
}

/* Compare `actual` with the content of file `path`. */
static void expect_file(const fixture *f, const char *path, const char *what,
                        const char *actual, size_t alen)
{
    size_t elen = 0;
    char *expected = tu_track(tu_read_file(path, &elen));
    char diff[1024];

    ck_assert_msg(expected, "%s: cannot read %s: %s", f->file, path, strerror(errno));
    ck_assert_msg(tu_compare(expected, elen, actual, alen, diff, sizeof(diff)), "%s: %s does not match %s: %s", f->file, what,
                  path + strlen(data_dir) + 1, diff);
}

/* Parsing must fail with the error in NAME.err. */
static void run_error_fixture(const fixture *f, const char *input, size_t len)
{
    domxml_error err;
    domxml_domain *dom = tu_track_domain(domxml_parse_buffer(input, len, f->file, NULL, &err));
    char line[1024];

    if (dom) {
        ck_abort_msg("%s: parsing succeeded, but %s.err expects a failure", f->file,
                     f->base + strlen(data_dir) + 1);
    }
    ck_assert_msg(err.code != DOMXML_OK, "%s: parse failed with code DOMXML_OK", f->file);
    ck_assert_msg(err.message[0] != '\0', "%s: parse failed without a message", f->file);
    tu_format_error(&err, line, sizeof(line));
    expect_file(f, f->err, "the parse error", line, strlen(line));
}

/* parse(text) formats back to text. */
static void check_fixed_point(const fixture *f, const char *text, size_t len)
{
    domxml_error err;
    size_t again_len = 0;
    char *again = tu_track(tu_round_trip(text, len, f->file, &err, &again_len));
    char diff[1024], line[1024];

    if (!again) {
        tu_format_error(&err, line, sizeof(line));
        ck_abort_msg("%s: the formatted output does not parse again: %s", f->file, line);
    }
    ck_assert_msg(tu_compare(text, len, again, again_len, diff, sizeof(diff)), "%s: formatting is not a fixed point (parse and format the output "
                  "again): %s", f->file, diff);
}

static void run_output_fixture(const fixture *f, const char *input, size_t len, bool has_out)
{
    domxml_error err;
    size_t out_len = 0;
    char *out = tu_track(tu_round_trip(input, len, f->file, &err, &out_len));
    char line[1024];

    if (!out) {
        tu_format_error(&err, line, sizeof(line));
        ck_abort_msg("%s: unexpected failure: %s", f->file, line);
    }
    if (has_out)
        expect_file(f, f->out, "the formatted output", out, out_len);
    else
        expect_file(f, f->xml, "the formatted output (no .out.xml: the input itself)", out,
                    out_len);
    check_fixed_point(f, out, out_len);
}

/* DOMXML_TEST_REGENERATE=1: record what the library does now. */
static void regenerate_fixture(const fixture *f, const char *input, size_t len)
{
    domxml_error err;
    size_t out_len = 0;
    char *out = tu_track(tu_round_trip(input, len, f->file, &err, &out_len));
    char line[1024];

    if (!out) {
        tu_format_error(&err, line, sizeof(line));
        regenerate(f->err, line, strlen(line));
        regenerate(f->out, NULL, 0);
        return;
    }
    regenerate(f->err, NULL, 0);
    if (out_len == len && memcmp(out, input, len) == 0)
        regenerate(f->out, NULL, 0);
    else
        regenerate(f->out, out, out_len);
    check_fixed_point(f, out, out_len);
}

START_TEST(test_fixture)
{
    fixture f;
    size_t len = 0;
    char *input;
    bool has_err, has_out;

    fixture_init(&f, fixtures[_i]);
    input = tu_track(tu_read_file(f.xml, &len));
    ck_assert_msg(input, "%s: cannot read %s: %s", f.file, f.xml, strerror(errno));
    has_err = tu_file_exists(f.err);
    has_out = tu_file_exists(f.out);
    if (tu_regenerate()) {
        regenerate_fixture(&f, input, len);
    } else {
        ck_assert_msg(!(has_err && has_out),
                      "%s: both .err and .out.xml exist; a fixture either fails or formats",
                      f.file);
        if (has_err)
            run_error_fixture(&f, input, len);
        else
            run_output_fixture(&f, input, len, has_out);
    }
}
END_TEST

/* Every NAME.out.xml and NAME.err belongs to a NAME.xml. */
START_TEST(test_no_orphans)
{
    static const char *const suffixes[] = {".out.xml", ".err"};
    char orphans[2048] = "";
    size_t used = 0, n_orphans = 0;

    for (size_t s = 0; s < sizeof(suffixes) / sizeof(suffixes[0]); s++) {
        char **files = tu_list_dir(data_dir, suffixes[s], false, NULL);

        ck_assert_msg(files, "cannot list %s: %s", data_dir, strerror(errno));
        for (char **p = files; *p; p++) {
            size_t n = strlen(*p) - strlen(suffixes[s]);
            char *stem = tu_concat(data_dir, "/", *p);
            char *xml;

            stem[strlen(data_dir) + 1 + n] = '\0';
            xml = tu_concat(stem, ".xml", NULL);
            if (!tu_file_exists(xml)) {
                n_orphans++;
                if (used < sizeof(orphans))
                    used += (size_t)snprintf(orphans + used, sizeof(orphans) - used, " %s", *p);
            }
            free(stem);
            free(xml);
        }
        tu_free_list(files);
    }
    ck_assert_msg(n_orphans == 0, "%zu expectation file(s) in tests/data without their "
                  "NAME.xml:%s", n_orphans, orphans);
}
END_TEST

START_TEST(test_have_fixtures)
{
    ck_assert_msg(n_fixtures > 0, "no fixtures (*.xml) found in %s", data_dir);
}
END_TEST

static bool is_fixture(const char *name)
{
    return !tu_has_suffix(name, ".out.xml");
}

int main(void)
{
    Suite *s = suite_create("fixtures");
    TCase *tc = tu_tcase("fixtures");
    char **all;
    size_t n_all = 0;
    int rc;

    data_dir = tu_concat(tu_srcdir(), "/tests/data", NULL);
    all = tu_list_dir(data_dir, ".xml", false, &n_all);
    if (!all) {
        fprintf(stderr, "cannot list %s: %s\n", data_dir, strerror(errno));
        free(data_dir);
        return EXIT_FAILURE;
    }
    /* Keep NAME.xml, drop NAME.out.xml (in place: the list stays sorted). */
    fixtures = all;
    for (size_t i = 0; i < n_all; i++) {
        if (is_fixture(all[i]))
            fixtures[n_fixtures++] = all[i];
        else
            free(all[i]);
    }
    fixtures[n_fixtures] = NULL;
    printf("fixtures: %zu in %s%s\n", n_fixtures, data_dir,
           tu_regenerate() ? " (DOMXML_TEST_REGENERATE=1: rewriting expectations)" : "");
    fflush(stdout);

    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_have_fixtures);
    tcase_add_test(tc, test_no_orphans);
    tcase_add_loop_test(tc, test_fixture, 0, (int)n_fixtures);
    suite_add_tcase(s, tc);
    rc = tu_run_suite(s);
    tu_free_list(fixtures);
    free(data_dir);
    return rc;
}
