/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Benchmark: one document cycle (parse, which links the <teaming> pairs, then
 * format, then free) of a fixture and of generated domains (bench/gen_domain.h)
 * against expat's own tokenizing of the same bytes with no-op handlers, in
 * the same process. Per document it prints:
 *   - the input bytes and the wall-clock time of a cycle, best and median of
 *     the repetitions, for domxml and for expat, and their ratios;
 *   - the time per device (read linearity off the 1,000 and 100,000 rows);
 *   - the instruction ratio domxml/expat from callgrind, for 1,000 and
 *     10,000 devices, when valgrind is given: this program runs itself under
 *     `valgrind --tool=callgrind` in --pass mode, collecting only inside
 *     bench_once_expat() or bench_once_domxml();
 *   - the peak heap during parse and the bytes kept after parse (until
 *     domxml_domain_free), as multiples of the input bytes, counted by a
 *     domxml_memory allocator given in the options (expat allocates
 *     through the same hooks, so its memory is included).
 * Then, for the largest generated domain written to a file, the peak RSS of
 * `domxml validate FILE` and `domxml format FILE >/dev/null` as multiples of
 * the file size, from getrusage(RUSAGE_CHILDREN) in a freshly executed
 * helper (this program in --rss-child mode) whose only child is the tool.
 *
 *   bench_parse [--fixture FILE] [--tool PATH] [--valgrind PATH] [DEVICES...]
 *       default DEVICES: 100 1000 10000 100000
 *   bench_parse --pass expat|domxml DEVICES    one cycle (for callgrind)
 *   bench_parse --rss-child PROG ARGS...       internal: prints "STATUS KIB"
 *
 * Output: whitespace-separated columns, "-" where a value is not measured,
 * "n/a" where it cannot be; then "KEY: VALUE" summary lines.
 */
#include <errno.h>
#include <expat.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "count_alloc.h"
#include "domxml.h"
#include "bench_argv.h"
#include "gen_domain.h"

/* Sizes whose instruction ratio callgrind measures. */
static const unsigned callgrind_sizes[] = {1000, 10000};

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ------------------------------------------------------------------ */
/* One cycle of each side. Not inlined: callgrind collects inside them. */

static void XMLCALL noop_start(void *ud, const XML_Char *n, const XML_Char **a)
{
    (void)ud;
    (void)n;
    (void)a;
}

static void XMLCALL noop_end(void *ud, const XML_Char *n)
{
    (void)ud;
    (void)n;
}

static void XMLCALL noop_text(void *ud, const XML_Char *s, int len)
{
    (void)ud;
    (void)s;
    (void)len;
}

void bench_once_expat(const char *buf, size_t len) __attribute__((noinline));
void bench_once_domxml(const char *buf, size_t len) __attribute__((noinline));

void bench_once_expat(const char *buf, size_t len)
{
    XML_Parser p = XML_ParserCreate(NULL);

    if (!p) {
        fprintf(stderr, "expat: out of memory\n");
        exit(1);
    }
    XML_SetElementHandler(p, noop_start, noop_end);
    XML_SetCharacterDataHandler(p, noop_text);
    if (XML_Parse(p, buf, (int)len, XML_TRUE) != XML_STATUS_OK) {
        fprintf(stderr, "expat: %s\n", XML_ErrorString(XML_GetErrorCode(p)));
        exit(1);
    }
    XML_ParserFree(p);
}

static void die_domxml(const char *what, const domxml_error *err)
{
    fprintf(stderr, "domxml %s: %lu:%lu: %s\n", what, err->line, err->column, err->message);
    exit(1);
}

void bench_once_domxml(const char *buf, size_t len)
{
    domxml_error err;
    domxml_domain *dom = domxml_parse_buffer(buf, len, "bench", NULL, &err);
    char *out;

    if (!dom)
        die_domxml("parse", &err);
    out = domxml_format(dom, NULL, &err);
    if (!out)
        die_domxml("format", &err);
    domxml_string_free(out);
    domxml_domain_free(dom);
}

/* ------------------------------------------------------------------ */
/* Measurements of one document.                                        */

typedef enum { IR_NONE, IR_OK, IR_NA } ir_state;

typedef struct row {
    char name[48];
    unsigned devices;
    size_t bytes;
    unsigned reps;
    double expat_best, expat_med, dom_best, dom_med; /* seconds */
    ir_state ir;
    double ir_ratio;
    double heap_x, kept_x;
} row;

static int cmp_double(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;

    return (x > y) - (x < y);
}

static double median(double *v, unsigned n)
{
    qsort(v, n, sizeof(*v), cmp_double);
    return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Alternate the two sides, one warm-up cycle each, `reps` timed cycles. */
static void time_cycles(const char *buf, size_t len, row *r)
{
    double *te = malloc(r->reps * sizeof(*te)), *td = malloc(r->reps * sizeof(*td));

    if (!te || !td) {
        fprintf(stderr, "bench: out of memory\n");
        exit(1);
    }
    bench_once_expat(buf, len);
    bench_once_domxml(buf, len);
    for (unsigned i = 0; i < r->reps; i++) {
        double t0 = now();
        bench_once_expat(buf, len);
        double t1 = now();
        bench_once_domxml(buf, len);
        double t2 = now();
        te[i] = t1 - t0;
        td[i] = t2 - t1;
    }
    r->expat_med = median(te, r->reps); /* sorts: [0] is the best */
    r->dom_med = median(td, r->reps);
    r->expat_best = te[0];
    r->dom_best = td[0];
    free(te);
    free(td);
}

/* Peak heap during parse and bytes kept after it, through `counting`. */
static void measure_heap(const char *buf, size_t len, row *r)
{
    domxml_parse_options opts;
    domxml_error err;
    domxml_domain *dom;
    size_t kept, peak;
    char *out;

    domxml_parse_options_init(&opts);
    opts.memory = &counting;
    memset(&heap, 0, sizeof(heap));
    dom = domxml_parse_buffer(buf, len, "bench", &opts, &err);
    if (!dom)
        die_domxml("parse (counting allocator)", &err);
    peak = heap.peak;
    kept = heap.live;
    out = domxml_format(dom, NULL, &err);
    if (!out)
        die_domxml("format (counting allocator)", &err);
    domxml_string_free(out);
    domxml_domain_free(dom);
    if (heap.live || heap.blocks)
        printf("warning: %s: %zu blocks (%zu bytes) live after free\n", r->name, heap.blocks,
               heap.live);
    r->heap_x = (double)peak / (double)len;
    r->kept_x = (double)kept / (double)len;
}

/* ------------------------------------------------------------------ */
/* Child processes.                                                     */

static char self_path[PATH_MAX];
static char tmp_dir[PATH_MAX];

/* Run argv with stdout to `out_fd` (-1: /dev/null) and stderr to `err_path`
 * (NULL: /dev/null); the exit status, or -1 when it did not exit. */
static int run(char *const argv[], int out_fd, const char *err_path)
{
    pid_t pid = fork();
    int status;

    if (pid < 0)
        return -1;
    if (pid == 0) {
        int null = open("/dev/null", O_RDWR);
        int efd = err_path ? open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600) : null;

        if (null < 0 || efd < 0)
            _exit(127);
        dup2(null, 0);
        dup2(out_fd >= 0 ? out_fd : null, 1);
        dup2(efd, 2);
        execv(argv[0], argv);
        _exit(127);
    }
    while (waitpid(pid, &status, 0) < 0)
        if (errno != EINTR)
            return -1;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* --rss-child PROG ARGS...: run PROG (stdout, stderr: /dev/null), print its
 * exit status and peak RSS in KiB. This process is freshly executed, so its
 * only child is PROG and its own small image bounds what fork copies. */
static int rss_child(char **argv)
{
    struct rusage ru;
    int status = run(argv, -1, NULL);

    if (getrusage(RUSAGE_CHILDREN, &ru) != 0)
        return 1;
    printf("%d %ld\n", status, ru.ru_maxrss);
    return 0;
}

/* Peak RSS (KiB) of `tool cmd file`, its exit status in *status. */
static long peak_rss(const char *tool, const char *cmd, const char *file, int *status)
{
    char *argv[] = {self_path, "--rss-child", (char *)tool, (char *)cmd, (char *)file, NULL};
    char line[64] = "";
    long kib = -1;
    int fds[2];
    FILE *fp;

    *status = -1;
    if (pipe(fds) != 0)
        return -1;
    if (run(argv, fds[1], NULL) != 0) {
        close(fds[0]);
        close(fds[1]);
        return -1;
    }
    close(fds[1]);
    fp = fdopen(fds[0], "r");
    if (!fp || !fgets(line, sizeof(line), fp) || sscanf(line, "%d %ld", status, &kib) != 2)
        kib = -1;
    if (fp)
        fclose(fp);
    else
        close(fds[0]);
    return kib;
}

/* Instructions collected in callgrind's output file: "summary:" (or
 * "totals:"); 0 when absent. */
static unsigned long long callgrind_total(const char *path)
{
    unsigned long long total = 0, v;
    char line[512];
    FILE *fp = fopen(path, "r");

    if (!fp)
        return 0;
    while (fgets(line, sizeof(line), fp)) {
        if (sscanf(line, "summary: %llu", &v) == 1)
            total = v;
        else if (!total && sscanf(line, "totals: %llu", &v) == 1)
            total = v;
    }
    fclose(fp);
    return total;
}

/* One --pass cycle of `side` under callgrind: its instruction count, 0 on
 * failure (the reason in *why). */
static unsigned long long callgrind_pass(const char *valgrind, const char *side,
                                         unsigned devices, const char **why)
{
    char out[PATH_MAX + 64], log[PATH_MAX + 64], opt_out[PATH_MAX + 96], opt_fn[64], n[16];
    char *argv[] = {(char *)valgrind, "--tool=callgrind", "--collect-atstart=no", opt_fn,
                    opt_out, self_path, "--pass", (char *)side, n, NULL};
    unsigned long long total;
    int status;

    snprintf(out, sizeof(out), "%s/callgrind.%s.%u", tmp_dir, side, devices);
    snprintf(log, sizeof(log), "%s/callgrind.%s.%u.log", tmp_dir, side, devices);
    snprintf(opt_out, sizeof(opt_out), "--callgrind-out-file=%s", out);
    /* '*': also a compiler's clone of the function (name.constprop.0 etc.). */
    snprintf(opt_fn, sizeof(opt_fn), "--toggle-collect=bench_once_%s*", side);
    snprintf(n, sizeof(n), "%u", devices);
    status = run(argv, -1, log);
    total = status == 0 ? callgrind_total(out) : 0;
    if (status != 0)
        *why = "valgrind failed";
    else if (!total)
        *why = "no instructions collected";
    unlink(out);
    unlink(log);
    return total;
}

/* The argv table's callgrind runs (bench/bench_argv.c). */
static const char *argv_valgrind;

static unsigned long long argv_pass(const char *side, unsigned devices)
{
    const char *why = NULL;
    unsigned long long n = callgrind_pass(argv_valgrind, side, devices, &why);
    if (!n)
        fprintf(stderr, "bench: callgrind %s %u: %s\n", side, devices, why ? why : "failed");
    return n;
}

/* ------------------------------------------------------------------ */

static char *read_whole(const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    char *buf = NULL;
    long size;

    if (!fp)
        return NULL;
    if (fseek(fp, 0, SEEK_END) == 0 && (size = ftell(fp)) >= 0 && fseek(fp, 0, SEEK_SET) == 0 &&
        (buf = malloc((size_t)size + 1)) && fread(buf, 1, (size_t)size, fp) == (size_t)size) {
        buf[size] = '\0';
        *len = (size_t)size;
    } else {
        free(buf);
        buf = NULL;
    }
    fclose(fp);
    return buf;
}

/* Devices of a document: children of <devices> other than <emulator>. */
typedef struct dev_count {
    int depth, devices_depth;
    unsigned n;
} dev_count;

static void XMLCALL count_start(void *ud, const XML_Char *name, const XML_Char **a)
{
    dev_count *c = ud;

    (void)a;
    c->depth++;
    if (c->devices_depth && c->depth == c->devices_depth + 1 && strcmp(name, "emulator") != 0)
        c->n++;
    else if (!c->devices_depth && c->depth == 2 && strcmp(name, "devices") == 0)
        c->devices_depth = c->depth;
}

static void XMLCALL count_end(void *ud, const XML_Char *name)
{
    dev_count *c = ud;

    (void)name;
    if (c->depth == c->devices_depth)
        c->devices_depth = 0;
    c->depth--;
}

static unsigned count_devices(const char *buf, size_t len)
{
    dev_count c = {0, 0, 0};
    XML_Parser p = XML_ParserCreate(NULL);

    if (!p)
        return 0;
    XML_SetUserData(p, &c);
    XML_SetElementHandler(p, count_start, count_end);
    if (XML_Parse(p, buf, (int)len, XML_TRUE) != XML_STATUS_OK)
        c.n = 0;
    XML_ParserFree(p);
    return c.n;
}

static unsigned reps_for(size_t bytes)
{
    return bytes < 16 << 10 ? 2001 : bytes < 128 << 10 ? 301 : bytes < 1 << 20 ? 101
         : bytes < 8 << 20 ? 21 : 7;
}

static void print_header(void)
{
    printf("%-22s %7s %9s %5s %11s %11s %11s %11s %6s %6s %7s %6s %6s %6s\n", "document",
           "devices", "bytes", "reps", "expat_best", "expat_med", "domxml_best", "domxml_med",
           "x_best", "x_med", "us/dev", "x_ir", "heap_x", "kept_x");
}

static void print_row(const row *r)
{
    char ir[16];

    if (r->ir == IR_OK)
        snprintf(ir, sizeof(ir), "%.2f", r->ir_ratio);
    else
        snprintf(ir, sizeof(ir), "%s", r->ir == IR_NA ? "n/a" : "-");
    printf("%-22s %7u %9zu %5u %11.1f %11.1f %11.1f %11.1f %6.2f %6.2f %7.3f %6s %6.2f %6.2f\n",
           r->name, r->devices, r->bytes, r->reps, r->expat_best * 1e6, r->expat_med * 1e6,
           r->dom_best * 1e6, r->dom_med * 1e6, r->dom_best / r->expat_best,
           r->dom_med / r->expat_med, r->devices ? r->dom_best * 1e6 / r->devices : 0.0, ir,
           r->heap_x, r->kept_x);
    fflush(stdout);
}

static bool wants_callgrind(unsigned devices)
{
    for (size_t i = 0; i < sizeof(callgrind_sizes) / sizeof(callgrind_sizes[0]); i++)
        if (callgrind_sizes[i] == devices)
            return true;
    return false;
}

static void measure(row *r, const char *buf, size_t len, const char *valgrind, bool generated,
                    const char **ir_note)
{
    r->bytes = len;
    r->reps = reps_for(len);
    time_cycles(buf, len, r);
    measure_heap(buf, len, r);
    r->ir = IR_NONE;
    if (generated && wants_callgrind(r->devices)) {
        if (!valgrind) {
            r->ir = IR_NA;
        } else {
            const char *why = NULL;
            unsigned long long e = callgrind_pass(valgrind, "expat", r->devices, &why);
            unsigned long long d = e ? callgrind_pass(valgrind, "domxml", r->devices, &why) : 0;

            r->ir = d ? IR_OK : IR_NA;
            if (d)
                r->ir_ratio = (double)d / (double)e;
            else
                *ir_note = why;
        }
    }
    print_row(r);
}

static int pass_mode(const char *side, const char *n)
{
    size_t len;
    char *buf = gen_domain((unsigned)strtoul(n, NULL, 10), &len);

    if (!buf)
        return 1;
    if (strcmp(side, "argv") == 0 || strcmp(side, "pvf") == 0) {
        free(buf);
        return bench_argv_pass(side, (unsigned)strtoul(n, NULL, 10));
    }
    if (strcmp(side, "expat") == 0)
        bench_once_expat(buf, len);
    else if (strcmp(side, "domxml") == 0)
        bench_once_domxml(buf, len);
    else
        return 2;
    free(buf);
    return 0;
}

static void usage(void)
{
    fprintf(stderr, "usage: bench_parse [--fixture FILE] [--tool PATH] [--valgrind PATH] "
                    "[DEVICES...]\n"
                    "       bench_parse --pass expat|domxml DEVICES\n");
    exit(2);
}

/* Peak RSS of `tool cmd file` as a table line; its multiple in *x (<0: none). */
static void rss_line(const char *tool, const char *cmd, const char *file, size_t size,
                     double *x)
{
    int status;
    long kib = tool && access(tool, X_OK) == 0 ? peak_rss(tool, cmd, file, &status) : -1;

    *x = -1;
    printf("%-8s ", cmd);
    if (!tool)
        printf("%9s %8s  (no tool given)\n", "n/a", "n/a");
    else if (access(tool, X_OK) != 0)
        printf("%9s %8s  (%s: %s)\n", "n/a", "n/a", tool, strerror(errno));
    else if (kib < 0)
        printf("%9s %8s  (could not run %s)\n", "n/a", "n/a", tool);
    else if (status == 2)
        printf("%9s %8s  (usage error: command not available)\n", "n/a", "n/a");
    else if (status != 0)
        printf("%9s %8s  (exit status %d)\n", "n/a", "n/a", status);
    else {
        *x = (double)kib * 1024.0 / (double)size;
        printf("%9ld %8.2f\n", kib, *x);
    }
}

int main(int argc, char **argv)
{
    unsigned sizes[16] = {100, 1000, 10000, 100000};
    int n_sizes = 4, n_args = 0;
    const char *fixture = NULL, *tool = NULL, *valgrind = NULL, *ir_note = NULL;
    row rows[17];
    int n_rows = 0;
    ssize_t sl;

    if (argc >= 3 && strcmp(argv[1], "--rss-child") == 0)
        return rss_child(argv + 2);
    if (argc == 4 && strcmp(argv[1], "--pass") == 0)
        return pass_mode(argv[2], argv[3]);
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--fixture") == 0 && i + 1 < argc)
            fixture = argv[++i];
        else if (strcmp(argv[i], "--tool") == 0 && i + 1 < argc)
            tool = argv[++i];
        else if (strcmp(argv[i], "--valgrind") == 0 && i + 1 < argc)
            valgrind = argv[++i];
        else if (argv[i][0] >= '0' && argv[i][0] <= '9' && n_args < 16)
            sizes[n_args++] = (unsigned)strtoul(argv[i], NULL, 10);
        else
            usage();
    }
    if (n_args)
        n_sizes = n_args;
    if (valgrind && !*valgrind)
        valgrind = NULL;
    sl = readlink("/proc/self/exe", self_path, sizeof(self_path) - 1);
    if (sl <= 0) {
        fprintf(stderr, "bench: cannot read /proc/self/exe\n");
        return 1;
    }
    self_path[sl] = '\0';
    snprintf(tmp_dir, sizeof(tmp_dir), "%s/domxml-bench.XXXXXX",
             getenv("TMPDIR") && *getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
    if (!mkdtemp(tmp_dir)) {
        fprintf(stderr, "bench: cannot create %s: %s\n", tmp_dir, strerror(errno));
        return 1;
    }

    printf("libdomxml %s, expat %s\n", domxml_version_string(), XML_ExpatVersion());
    printf("cycle: parse (teaming pairs linked) + format + free; expat: tokenizing with no-op "
           "handlers\n");
    printf("times in us (wall clock, best and median of reps); x_best, x_med: domxml/expat; "
           "us/dev: domxml_best/devices\n");
    printf("x_ir: callgrind instructions domxml/expat (%s); heap_x: peak heap during parse, "
           "kept_x: bytes live after parse, both / input bytes\n\n",
           valgrind ? "one cycle each, 1000 and 10000 devices" : "n/a: no valgrind");
    print_header();

    if (fixture) {
        row *r = &rows[n_rows++];
        size_t len;
        char *buf = read_whole(fixture, &len);
        const char *base = strrchr(fixture, '/');

        if (!buf) {
            fprintf(stderr, "bench: cannot read %s\n", fixture);
            return 1;
        }
        memset(r, 0, sizeof(*r));
        snprintf(r->name, sizeof(r->name), "%s", base ? base + 1 : fixture);
        r->devices = count_devices(buf, len);
        measure(r, buf, len, valgrind, false, &ir_note);
        free(buf);
    }
    for (int i = 0; i < n_sizes; i++) {
        row *r = &rows[n_rows++];
        size_t len;
        char *buf = gen_domain(sizes[i], &len);

        if (!buf) {
            fprintf(stderr, "bench: out of memory generating %u devices\n", sizes[i]);
            return 1;
        }
        memset(r, 0, sizeof(*r));
        snprintf(r->name, sizeof(r->name), "generated-%u", sizes[i]);
        r->devices = sizes[i];
        measure(r, buf, len, valgrind, true, &ir_note);
        free(buf);
    }

    argv_valgrind = valgrind;
    bench_argv_table(sizes, n_sizes, valgrind ? argv_pass : NULL);

    /* Peak RSS of the command-line tool on the largest generated domain. */
    unsigned big = 0;
    for (int i = 0; i < n_sizes; i++)
        if (sizes[i] > big)
            big = sizes[i];
    char file[PATH_MAX + 32];
    size_t flen = 0;
    double x_validate = -1, x_format = -1;
    char *buf = gen_domain(big, &flen);
    FILE *fp;

    snprintf(file, sizeof(file), "%s/generated-%u.xml", tmp_dir, big);
    fp = fopen(file, "wb");
    if (!buf || !fp || fwrite(buf, 1, flen, fp) != flen || fclose(fp) != 0) {
        fprintf(stderr, "bench: cannot write %s\n", file);
        return 1;
    }
    free(buf);
    printf("\npeak RSS of %s on generated-%u.xml (%zu bytes), getrusage(RUSAGE_CHILDREN):\n",
           tool ? tool : "domxml", big, flen);
    printf("%-8s %9s %8s\n", "command", "rss_kib", "rss_x");
    rss_line(tool, "validate", file, flen, &x_validate);
    rss_line(tool, "format", file, flen, &x_format);
    unlink(file);
    rmdir(tmp_dir);

    /* Summary: KEY: VALUE. */
    printf("\n");
    const row *r1k = NULL, *r10k = NULL, *r100k = NULL;
    for (int i = 0; i < n_rows; i++) {
        if (!fixture || i > 0) {
            if (rows[i].devices == 1000)
                r1k = &rows[i];
            if (rows[i].devices == 10000)
                r10k = &rows[i];
            if (rows[i].devices == 100000)
                r100k = &rows[i];
        }
    }
    if (r1k && r100k)
        printf("linearity us/dev 100000 vs 1000: %.2fx (median %.2fx)\n",
               (r100k->dom_best / r100k->devices) / (r1k->dom_best / r1k->devices),
               (r100k->dom_med / r100k->devices) / (r1k->dom_med / r1k->devices));
    const row *summarized[] = {r10k, r100k};
    for (int i = 0; i < 2; i++) {
        const row *r = summarized[i];

        if (!r)
            continue;
        printf("time ratio %u: %.2fx (median %.2fx)\n", r->devices, r->dom_best / r->expat_best,
               r->dom_med / r->expat_med);
        if (r->ir == IR_OK)
            printf("instruction ratio %u: %.2fx\n", r->devices, r->ir_ratio);
        else if (r->ir == IR_NA)
            printf("instruction ratio %u: n/a (%s)\n", r->devices,
                   valgrind ? (ir_note ? ir_note : "failed") : "valgrind not found");
        printf("peak heap %u: %.2fx\n", r->devices, r->heap_x);
        printf("kept %u: %.2fx\n", r->devices, r->kept_x);
    }
    if (x_validate >= 0)
        printf("peak rss validate %u: %.2fx\n", big, x_validate);
    else
        printf("peak rss validate %u: n/a\n", big);
    if (x_format >= 0)
        printf("peak rss format %u: %.2fx\n", big, x_format);
    else
        printf("peak rss format %u: n/a\n", big);
    return 0;
}
