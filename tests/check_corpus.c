/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Round trip of the libvirt test corpus: every *.xml under the corpus
 * directory must format byte for byte as written, and formatting must be a
 * fixed point (parse the output, format again: same bytes).
 *
 * Corpus: $DOMXML_CORPUS_DIR, default $DOMXML_SRCDIR/../shared/corpus/libvirt/tests.
 * Absent: say why and exit 77 (automake's SKIP).
 *
 * Known differences are listed in tests/corpus-exceptions.txt (format in its
 * header). For a `diff` entry the expected `diff -u --label input --label
 * output INPUT OUTPUT` is kept in tests/corpus-exceptions/NAME.diff, for an
 * `error` entry the expected "LINE:COLUMN: MESSAGE (at PATH)" line in
 * tests/corpus-exceptions/NAME.err (NAME: the corpus path without ".xml").
 * A listed file that now formats identically, or parses, fails (stale
 * exception), as does a listed file missing from the corpus.
 * DOMXML_TEST_REGENERATE=1 rewrites the .diff/.err files of listed entries.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#include "testutil.h"

#define LIST_FILE "tests/corpus-exceptions.txt"
#define EXPECT_DIR "tests/corpus-exceptions"

typedef enum { KIND_DIFF, KIND_ERROR } exception_kind;

typedef struct exception {
    char *path; /* relative to the corpus directory */
    exception_kind kind;
    char *reason;
    unsigned line;
} exception;

/* Per-file outcome, in memory shared with Check's forked children. */
enum { RESULT_NONE = 0, RESULT_IDENTICAL, RESULT_EXCEPTION, RESULT_FAILED };

static char *corpus_dir;
static char **files;
static size_t n_files;
static exception *exceptions;
static size_t n_exceptions;
static char list_errors[2048]; /* syntax errors of the list, for a test */
static unsigned n_list_errors;
static int *results;
static size_t results_size;

/* ------------------------------------------------------------------ */
/* The exceptions list                                                  */

static void list_error(unsigned line, const char *what)
{
    size_t used = strlen(list_errors);

    n_list_errors++;
    snprintf(list_errors + used, sizeof(list_errors) - used, "\n  %s:%u: %s", LIST_FILE, line,
             what);
}

static void add_exception(char *line, unsigned line_no)
{
    char *tab1 = strchr(line, '\t');
    char *tab2 = tab1 ? strchr(tab1 + 1, '\t') : NULL;
    exception *e;

    if (!tab2) {
        list_error(line_no, "expected PATH<TAB>error|diff<TAB>REASON");
        return;
    }
    *tab1 = *tab2 = '\0';
    if (!tu_has_suffix(line, ".xml") || line[0] == '/') {
        list_error(line_no, "the path must be relative to the corpus and end in .xml");
        return;
    }
    if (strcmp(tab1 + 1, "diff") != 0 && strcmp(tab1 + 1, "error") != 0) {
        list_error(line_no, "the second field must be 'error' or 'diff'");
        return;
    }
    if (tab2[1] == '\0') {
        list_error(line_no, "the reason is empty");
        return;
    }
    for (size_t i = 0; i < n_exceptions; i++) {
        if (strcmp(exceptions[i].path, line) == 0) {
            list_error(line_no, "the path is listed twice");
            return;
        }
    }
    exceptions = realloc(exceptions, (n_exceptions + 1) * sizeof(*exceptions));
    if (!exceptions)
        abort();
    e = &exceptions[n_exceptions++];
    e->path = tu_concat(line, "", NULL);
    e->kind = strcmp(tab1 + 1, "diff") == 0 ? KIND_DIFF : KIND_ERROR;
    e->reason = tu_concat(tab2 + 1, "", NULL);
    e->line = line_no;
}

/* Returns -1 when the list cannot be read. */
static int load_exceptions(void)
{
    size_t len = 0;
    char *text = tu_read_file(tu_srcpath(LIST_FILE), &len);
    unsigned line_no = 0;

    if (!text)
        return -1;
    for (char *line = text; line < text + len;) {
        char *nl = strchr(line, '\n');
        char *next = nl ? nl + 1 : text + len;

        if (nl)
            *nl = '\0';
        line_no++;
        if (line[0] != '#' && line[strspn(line, " \t\r")] != '\0')
            add_exception(line, line_no);
        line = next;
    }
    free(text);
    return 0;
}

static const exception *find_exception(const char *path)
{
    for (size_t i = 0; i < n_exceptions; i++) {
        if (strcmp(exceptions[i].path, path) == 0)
            return &exceptions[i];
    }
    return NULL;
}

/* tests/corpus-exceptions/NAME.diff or .err, malloc'ed. */
static char *expectation_path(const exception *e)
{
    size_t n = strlen(e->path) - strlen(".xml");
    char *stem = tu_concat(e->path, "", NULL);
    char *path;

    stem[n] = '\0';
    path = tu_concat(tu_srcpath(EXPECT_DIR "/"), stem, e->kind == KIND_DIFF ? ".diff" : ".err");
    free(stem);
    return path;
}

/* ------------------------------------------------------------------ */
/* Running diff(1)                                                      */

/* `diff -u --label input --label output INPUT OUTPUT`, its stdout
 * (tracked: freed after the test); aborts the test when diff cannot run. */
static char *run_diff(const char *input_path, const char *output, size_t out_len, size_t *len)
{
    char tmp[] = "/tmp/domxml-corpus-XXXXXX";
    int fd = mkstemp(tmp);
    int pipefd[2];
    char *text = NULL;
    size_t used = 0, cap = 0;
    int status;
    pid_t pid;

    ck_assert_msg(fd >= 0, "mkstemp: %s", strerror(errno));
    ck_assert_msg(write(fd, output, out_len) == (ssize_t)out_len, "write %s: %s", tmp,
                  strerror(errno));
    close(fd);
    ck_assert_msg(pipe(pipefd) == 0, "pipe: %s", strerror(errno));
    pid = fork();
    ck_assert_msg(pid >= 0, "fork: %s", strerror(errno));
    if (pid == 0) {
        dup2(pipefd[1], STDOUT_FILENO);
        close(pipefd[0]);
        close(pipefd[1]);
        execlp("diff", "diff", "-u", "--label", "input", "--label", "output", input_path, tmp,
               (char *)NULL);
        _exit(127);
    }
    close(pipefd[1]);
    for (;;) {
        ssize_t n;
        if (cap - used < 4096) {
            cap = cap ? cap * 2 : 65536;
            text = realloc(text, cap);
            if (!text)
                abort();
        }
        n = read(pipefd[0], text + used, cap - used - 1);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            break;
        used += (size_t)n;
    }
    close(pipefd[0]);
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    unlink(tmp);
    text[used] = '\0';
    tu_track(text);
    if (!WIFEXITED(status) || WEXITSTATUS(status) > 1) {
        ck_abort_msg("diff failed (exit status %d) on %s", WIFEXITED(status) ? WEXITSTATUS(status)
                                                                             : -1, input_path);
    }
    *len = used;
    return text;
}

/* ------------------------------------------------------------------ */
/* Tests                                                                */

static void mkdir_parents(const char *path)
{
    char *p = tu_concat(path, "", NULL);

    for (char *s = strchr(p + 1, '/'); s; s = strchr(s + 1, '/')) {
        *s = '\0';
        mkdir(p, 0777);
        *s = '/';
    }
    free(p);
}

/* Compare `actual` with the listed expectation file, or rewrite it. */
static void expect(const char *rel, const exception *e, const char *actual, size_t alen)
{
    char *path = tu_track(expectation_path(e));
    size_t elen = 0;
    char *expected = tu_track(tu_read_file(path, &elen));
    char diff[1024];

    if (tu_regenerate()) {
        if (!expected || elen != alen || memcmp(expected, actual, alen) != 0) {
            mkdir_parents(path);
            ck_assert_msg(tu_write_file(path, actual, alen) == 0, "cannot write %s: %s", path,
                          strerror(errno));
            fprintf(stderr, "regenerated %s\n", path);
        }
        return;
    }
    ck_assert_msg(expected, "%s: listed as '%s' in %s, but %s cannot be read: %s "
                  "(DOMXML_TEST_REGENERATE=1 writes it)", rel,
                  e->kind == KIND_DIFF ? "diff" : "error", LIST_FILE, path, strerror(errno));
    ck_assert_msg(tu_compare(expected, elen, actual, alen, diff, sizeof(diff)),
                  "%s: the %s is not the one recorded in %s: %s", rel,
                  e->kind == KIND_DIFF ? "difference" : "error", path, diff);
}

/* parse(format(...)) of the output gives the output again. */
static void check_fixed_point(const char *rel, const char *out, size_t out_len)
{
    domxml_error err;
    size_t again_len = 0;
    char *again = tu_track(tu_round_trip(out, out_len, rel, &err, &again_len));
    char msg[1024];

    if (!again) {
        tu_format_error(&err, msg, sizeof(msg));
        ck_abort_msg("%s: the formatted output does not parse again: %s", rel, msg);
    }
    ck_assert_msg(tu_compare(out, out_len, again, again_len, msg, sizeof(msg)),
                  "%s: formatting is not a fixed point: %s", rel, msg);
}

static void check_parse_error(const char *rel, const exception *e, const domxml_error *err)
{
    char line[1024];

    tu_format_error(err, line, sizeof(line));
    ck_assert_msg(e, "%s: parse failed: %s", rel, line);
    ck_assert_msg(e->kind == KIND_ERROR, "%s: listed as 'diff' (%s line %u), but parsing fails: %s",
                  rel, LIST_FILE, e->line, line);
    expect(rel, e, line, strlen(line));
}

/* Returns true when the output is identical to the input. */
static bool check_output(const char *rel, const char *path, const exception *e,
                         const char *input, size_t len, const char *out, size_t out_len)
{
    char msg[1024];
    char *diff;
    size_t diff_len = 0;

    ck_assert_msg(!e || e->kind != KIND_ERROR,
                  "%s: stale exception: listed as 'error' (%s line %u), but it parses now",
                  rel, LIST_FILE, e ? e->line : 0);
    check_fixed_point(rel, out, out_len);
    if (tu_compare(input, len, out, out_len, msg, sizeof(msg))) {
        ck_assert_msg(!e, "%s: stale exception: listed as 'diff' (%s line %u), but it formats "
                      "identically now; remove it from the list", rel, LIST_FILE,
                      e ? e->line : 0);
        return true;
    }
    ck_assert_msg(e, "%s: the formatted output differs from the input (not listed in %s): %s",
                  rel, LIST_FILE, msg);
    diff = run_diff(path, out, out_len, &diff_len);
    expect(rel, e, diff, diff_len);
    return false;
}

/* Corpus files a libvirt release refuses, with the codes of the errors
 * validation gives them (sorted): libvirt's own negative tests, and files
 * libvirt 9.x defined that a later release refuses. Validated for the
 * release before the newest of their rules, such a file has no error. */
static const struct {
    const char *path, *codes;
} refused[] = {
    {"qemuxml2argvdata/net-hostdev-fail.xml", "interface.tap-path"},
    {"qemuxml2argvdata/net-vhostuser-fail.xml", "interface.shared-memory interface.tap-path"},
    {"qemuxml2argvdata/net-vhostuser-multiq.xml", "interface.shared-memory"},
    {"qemuxml2argvdata/net-vhostuser.xml", "interface.shared-memory"},
    {"qemuxml2xmloutdata/net-vhostuser.xml", "interface.shared-memory"},
};

/* The release from which the rule `code` applies (0: every release). */
static unsigned long rule_since(const char *code)
{
    size_t n;
    const domxml_libvirt_since *t = domxml_libvirt_since_table(&n);

    for (size_t i = 0; i < n; i++) {
        if (strcmp(t[i].code, code) == 0)
            return t[i].since;
    }
    return 0;
}

/* The error codes of `rel` validated for `version` (0: the newest), sorted
 * and space-separated, in buf; the first error line in line. */
static void error_codes(const char *rel, const char *input, size_t len, unsigned long version,
                        char *buf, size_t size, char *line, size_t line_size)
{
    domxml_error err;
    domxml_domain *dom = tu_track_domain(domxml_parse_buffer(input, len, rel, NULL, &err));
    domxml_validate_options o;
    domxml_diagnostics *ds;
    const char *codes[64];
    size_t n = 0, used = 0;

    domxml_validate_options_init(&o);
    o.libvirt_version = version;
    ds = dom ? domxml_domain_validate_with(dom, &o, &err) : NULL;
    ck_assert_msg(ds, "%s: validate: %s", rel, err.message);
    buf[0] = line[0] = '\0';
    for (size_t i = 0; i < ds->count; i++) {
        const domxml_diagnostic *d = &ds->items[i];
        size_t k = 0;

        if (d->severity != DOMXML_SEVERITY_ERROR)
            continue;
        if (!line[0])
            tu_format_diagnostic(d, line, line_size);
        while (k < n && strcmp(codes[k], d->code) < 0)
            k++;
        if ((k < n && strcmp(codes[k], d->code) == 0) || n == 64)
            continue;
        memmove(&codes[k + 1], &codes[k], (n++ - k) * sizeof(*codes));
        codes[k] = d->code;
    }
    for (size_t k = 0; k < n && used < size; k++)
        used += (size_t)snprintf(buf + used, size - used, "%s%s", k ? " " : "", codes[k]);
    domxml_diagnostics_free(ds);
}

/* A file libvirt defines (it parses) validates with no error; one a
 * release refuses gives the listed errors, and none for the release before. */
static void check_valid(const char *rel, const char *input, size_t len)
{
    const char *want = "";
    unsigned long before = 0;
    char codes[512], line[1200];

    for (size_t i = 0; i < sizeof(refused) / sizeof(refused[0]); i++) {
        if (strcmp(refused[i].path, rel) == 0)
            want = refused[i].codes;
    }
    error_codes(rel, input, len, 0, codes, sizeof(codes), line, sizeof(line));
    ck_assert_msg(!want[0] || strcmp(codes, want) == 0,
                  "%s: libvirt refuses it with errors [%s]; validation gives [%s]", rel, want,
                  codes);
    ck_assert_msg(want[0] || !line[0], "%s: a file libvirt defines does not validate: %s", rel,
                  line);
    for (const char *c = want; *c; c += strcspn(c, " "), c += *c == ' ') {
        char code[64];
        unsigned long since;

        snprintf(code, sizeof(code), "%.*s", (int)strcspn(c, " "), c);
        if (!(since = rule_since(code))) {
            before = 0;
            break;
        }
        before = before > since || !before ? since : before;
    }
    if (before) {
        error_codes(rel, input, len, before - 1, codes, sizeof(codes), line, sizeof(line));
        ck_assert_msg(!line[0], "%s: the libvirt release before %lu defines it, validation "
                      "for it gives: %s", rel, before, line);
    }
}

START_TEST(test_corpus_file)
{
    const char *rel = files[_i];
    const exception *e = find_exception(rel);
    char *path = tu_track(tu_concat(corpus_dir, "/", rel));
    size_t len = 0, out_len = 0;
    char *input = tu_track(tu_read_file(path, &len));
    domxml_error err;
    char *out;
    int result = RESULT_EXCEPTION;

    results[_i] = RESULT_FAILED;
    ck_assert_msg(input, "cannot read %s: %s", path, strerror(errno));
    out = tu_track(tu_round_trip(input, len, rel, &err, &out_len));
    if (!out)
        check_parse_error(rel, e, &err);
    else if (check_output(rel, path, e, input, len, out, out_len))
        result = RESULT_IDENTICAL;
    if (out)
        check_valid(rel, input, len);
    results[_i] = result;
}
END_TEST

static int cmp_str(const void *key, const void *item)
{
    return strcmp(key, *(char *const *)item);
}

/* The list parses, and every entry names a corpus file. */
START_TEST(test_exceptions_list)
{
    char missing[2048] = "";
    size_t used = 0, n_missing = 0;

    for (size_t i = 0; i < n_exceptions; i++) {
        if (!bsearch(exceptions[i].path, files, n_files, sizeof(*files), cmp_str)) {
            n_missing++;
            if (used < sizeof(missing))
                used += (size_t)snprintf(missing + used, sizeof(missing) - used,
                                         "\n  line %u: %s", exceptions[i].line,
                                         exceptions[i].path);
        }
    }
    ck_assert_msg(n_list_errors == 0 && n_missing == 0,
                  "%s: %u syntax error(s), %zu listed file(s) not in the corpus %s:%s%s",
                  LIST_FILE, n_list_errors, n_missing, corpus_dir, list_errors, missing);
}
END_TEST

/* Every file under tests/corpus-exceptions/ belongs to a listed entry. */
START_TEST(test_no_orphan_expectations)
{
    char **have = tu_list_dir(tu_srcpath(EXPECT_DIR), "", true, NULL);
    char *prefix = tu_track(tu_concat(tu_srcpath(EXPECT_DIR "/"), "", NULL));
    char orphans[2048] = "";
    size_t used = 0, n_orphans = 0;

    if (!have)
        return; /* no directory: no orphans */
    for (char **p = have; *p; p++) {
        bool known = false;
        for (size_t i = 0; i < n_exceptions && !known; i++) {
            char *want = expectation_path(&exceptions[i]);
            known = strcmp(want + strlen(prefix), *p) == 0;
            free(want);
        }
        if (!known) {
            n_orphans++;
            if (used < sizeof(orphans))
                used += (size_t)snprintf(orphans + used, sizeof(orphans) - used, " %s", *p);
        }
    }
    tu_free_list(have);
    ck_assert_msg(n_orphans == 0, "%zu file(s) in %s/ belong to no entry of %s (or to an "
                  "entry of the other kind):%s", n_orphans, EXPECT_DIR, LIST_FILE, orphans);
}
END_TEST

/* ------------------------------------------------------------------ */

/* Results live in a shared mapping of a temporary file, so the counts
 * survive Check's forked children (and work unchanged with CK_FORK=no). */
static int map_results(void)
{
    char tmp[] = "/tmp/domxml-results-XXXXXX";
    int fd = mkstemp(tmp);
    void *p;

    if (fd < 0)
        return -1;
    unlink(tmp);
    results_size = (n_files + 1) * sizeof(*results);
    if (ftruncate(fd, (off_t)results_size) < 0) {
        close(fd);
        return -1;
    }
    p = mmap(NULL, results_size, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
    close(fd);
    if (p == MAP_FAILED)
        return -1;
    results = p;
    return 0;
}

static void free_all(void)
{
    for (size_t i = 0; i < n_exceptions; i++) {
        free(exceptions[i].path);
        free(exceptions[i].reason);
    }
    free(exceptions);
    tu_free_list(files);
    free(corpus_dir);
    if (results)
        munmap(results, results_size);
}

int main(void)
{
    const char *env = getenv("DOMXML_CORPUS_DIR");
    Suite *s;
    TCase *tc;
    size_t identical = 0;
    int rc;

    corpus_dir = env && *env ? tu_concat(env, "", NULL)
                             : tu_concat(tu_srcdir(), "/../shared/corpus/libvirt/tests", NULL);
    files = tu_list_dir(corpus_dir, ".xml", true, &n_files);
    if (!files) {
        printf("SKIP: corpus directory %s: %s (set DOMXML_CORPUS_DIR to a libvirt tests/ "
               "directory)\n", corpus_dir, strerror(errno));
        free(corpus_dir);
        return 77;
    }
    if (load_exceptions() < 0) {
        fprintf(stderr, "cannot read %s: %s\n", tu_srcpath(LIST_FILE), strerror(errno));
        free_all();
        return EXIT_FAILURE;
    }
    if (map_results() < 0) {
        fprintf(stderr, "cannot map a temporary file: %s\n", strerror(errno));
        free_all();
        return EXIT_FAILURE;
    }
    printf("corpus: %zu files in %s\n", n_files, corpus_dir);
    fflush(stdout);

    s = suite_create("corpus");
    tc = tu_tcase("corpus");
    tcase_set_timeout(tc, 60);
    tcase_add_test(tc, test_exceptions_list);
    tcase_add_test(tc, test_no_orphan_expectations);
    tcase_add_loop_test(tc, test_corpus_file, 0, (int)n_files);
    suite_add_tcase(s, tc);
    rc = tu_run_suite(s);

    for (size_t i = 0; i < n_files; i++)
        identical += results[i] == RESULT_IDENTICAL;
    printf("corpus round trip: %zu/%zu identical, %zu listed exceptions\n", identical, n_files,
           n_exceptions);
    free_all();
    return rc;
}
