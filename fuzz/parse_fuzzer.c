/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Parse/format fuzzer for libdomxml, one harness for libFuzzer and for
 * AFL-style or standalone replay (build with -DDOMXML_FUZZ_STANDALONE for
 * a main() that runs every file named on the command line, or stdin).
 *
 * Input: an option byte, an allocation index when the option byte asks
 * for one, then the document (see fuzz/README.md for the layout).
 *
 * Invariants checked (abort() on violation):
 *  - a failed parse leaves a code in (DOMXML_OK, DOMXML_ERR_LAST), a
 *    non-empty, NUL-terminated message, NUL-terminated source and path;
 *  - a parsed document formats; the output parses again and formats to
 *    the same bytes (fixed point after one format);
 *  - teaming peers are symmetric, domxml_teaming_next_pair() visits every
 *    linked pair once, and the pairs survive the round trip;
 *  - with an injected allocation failure, every failure is a clean
 *    DOMXML_ERR_NOMEM, or the call absorbed the failure and gives the same
 *    result as a run without injection;
 *  - every block taken through the allocator hooks is given back.
 */
#include <limits.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <domxml.h>

/* Option byte (data[0]). */
enum {
    FUZZ_OPT_FAIL_ALLOC = 1u << 0,  /* fail allocation N, N = data[1] */
    FUZZ_OPT_FAIL_LATER = 1u << 1,  /* ... and every allocation after it */
    FUZZ_OPT_DEPTH_SHIFT = 2,       /* bits 2-4: index into fuzz_depths */
    FUZZ_OPT_DEPTH_MASK = 7u << 2,
    FUZZ_OPT_NO_LINK = 1u << 5,     /* DOMXML_PARSE_NO_TEAMING_LINK, then link by hand */
    FUZZ_OPT_NULL_ERROR = 1u << 6,  /* first parse gets error == NULL */
    /* bit 7: reserved, ignored */
};

/* 0 is the library default (256). */
static const unsigned fuzz_depths[8] = {0, 1, 2, 3, 4, 5, 6, 8};

/*
 * Counting allocator. The hooks carry no user data, so the state is
 * file-static; it is reset for every input.
 */
typedef struct fuzz_alloc {
    unsigned long calls;   /* malloc and realloc calls so far */
    unsigned long fail_at; /* the call to fail; ULONG_MAX: none */
    bool fail_later;       /* fail every call after fail_at too */
    bool injected;         /* a call has returned NULL on purpose */
    long live;             /* blocks allocated and not yet freed */
} fuzz_alloc;

static fuzz_alloc fuzz_state;

/* Standalone replay with DOMXML_FUZZ_VERBOSE set: say how each input ends. */
static bool fuzz_verbose;

static bool fuzz_should_fail(void)
{
    fuzz_alloc *s = &fuzz_state;
    unsigned long call = s->calls++;

    if (s->fail_at == ULONG_MAX)
        return false;
    if (call == s->fail_at || (s->fail_later && call > s->fail_at)) {
        s->injected = true;
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
        fuzz_state.live++;
    return p;
}

static void *fuzz_realloc(void *ptr, size_t size)
{
    void *p;

    if (fuzz_should_fail())
        return NULL;
    p = realloc(ptr, size ? size : 1);
    if (p && !ptr)
        fuzz_state.live++;
    return p;
}

static void fuzz_free(void *ptr)
{
    if (ptr)
        fuzz_state.live--;
    free(ptr);
}

static const domxml_memory fuzz_memory = {fuzz_malloc, fuzz_realloc, fuzz_free};

/* Stop injecting (reference runs, checks that must not fail). */
static unsigned long fuzz_disarm(void)
{
    unsigned long at = fuzz_state.fail_at;

    fuzz_state.fail_at = ULONG_MAX;
    return at;
}

static void fuzz_rearm(unsigned long at)
{
    fuzz_state.fail_at = at;
}

/* ------------------------------------------------------------------ */
/* Reporting                                                            */

static void fuzz_show(const char *what, const char *s, size_t len)
{
    if (!s)
        return;
    fprintf(stderr, "---- %s (%zu bytes) ----\n%.*s\n---- end of %s ----\n", what, len,
            len > 4096 ? 4096 : (int)len, s, what);
}

static void fuzz_show_error(const char *what, const domxml_error *e)
{
    fprintf(stderr, "%s: code %d (%s) at %lu:%lu, path '%.*s': %.*s\n", what, (int)e->code,
            domxml_strerror(e->code), e->line, e->column, (int)sizeof(e->path), e->path,
            (int)sizeof(e->message), e->message);
}

static void fuzz_die(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
static void fuzz_die(const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "parse_fuzzer: ");
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\n");
    abort();
}

/* An error struct the library filled: sane code, strings terminated. */
static void fuzz_check_error(const char *what, const domxml_error *e)
{
    if (e->code <= DOMXML_OK || e->code >= DOMXML_ERR_LAST) {
        fuzz_show_error(what, e);
        fuzz_die("%s: error code out of range", what);
    }
    if (!memchr(e->message, '\0', sizeof(e->message)) ||
        !memchr(e->path, '\0', sizeof(e->path)) || !memchr(e->source, '\0', sizeof(e->source)))
        fuzz_die("%s: error string not NUL-terminated", what);
    if (e->message[0] == '\0') {
        fuzz_show_error(what, e);
        fuzz_die("%s: error without a message", what);
    }
    if (strcmp(domxml_strerror(e->code), "unknown error") == 0)
        fuzz_die("%s: domxml_strerror() does not know the code", what);
}

/* Junk in the error struct, so an unfilled field cannot pass by luck. */
static void fuzz_error_junk(domxml_error *e)
{
    memset(e, 0xa5, sizeof(*e));
}

/* ------------------------------------------------------------------ */
/* Teaming                                                              */

/* The device list that linking looks at: <devices> children, or a
 * standalone device root. */
static domxml_node *fuzz_devices(const domxml_domain *dom)
{
    domxml_node *devices = domxml_domain_devices(dom);

    if (devices)
        return devices->children;
    if (dom->root && dom->root->kind != DOMXML_NODE_ELEMENT)
        return dom->root;
    return NULL;
}

static const domxml_teaming *fuzz_teaming(const domxml_node *n)
{
    return domxml_node_teaming(n);
}

/* Peers are symmetric; the pair walk visits each linked persistent member
 * exactly once, in device order. Returns the number of pairs. */
static size_t fuzz_check_teaming(const domxml_domain *dom, const char *what)
{
    size_t n_persistent_linked = 0, n_walked = 0, n_devices = 0;
    const domxml_node *expect;

    for (const domxml_node *d = fuzz_devices(dom); d; d = d->next) {
        const domxml_teaming *t = fuzz_teaming(d);
        const domxml_node *peer = domxml_teaming_peer(d);

        n_devices++;
        if (!t) {
            if (peer)
                fuzz_die("%s: a node without teaming has a teaming peer", what);
            continue;
        }
        if (!peer)
            continue;
        if (peer == d)
            fuzz_die("%s: a teaming member is its own peer", what);
        if (domxml_teaming_peer(peer) != d)
            fuzz_die("%s: teaming peers are not symmetric", what);
        if (t->type == DOMXML_TEAMING_TYPE_PERSISTENT) {
            const domxml_teaming *pt = fuzz_teaming(peer);
            if (d->kind != DOMXML_NODE_INTERFACE || !pt ||
                pt->type != DOMXML_TEAMING_TYPE_TRANSIENT)
                fuzz_die("%s: a persistent member is linked to a non-transient one", what);
            n_persistent_linked++;
        } else if (t->type != DOMXML_TEAMING_TYPE_TRANSIENT) {
            fuzz_die("%s: a member of unknown teaming type has a peer", what);
        }
    }
    expect = fuzz_devices(dom);
    for (const domxml_node *p = domxml_teaming_next_pair(dom, NULL); p;
         p = domxml_teaming_next_pair(dom, p)) {
        const domxml_teaming *t = fuzz_teaming(p);

        if (++n_walked > n_devices)
            fuzz_die("%s: domxml_teaming_next_pair() does not terminate", what);
        if (!t || t->type != DOMXML_TEAMING_TYPE_PERSISTENT || !domxml_teaming_peer(p))
            fuzz_die("%s: domxml_teaming_next_pair() returned a node that is no linked "
                     "persistent member", what);
        /* Device order: p must come after the previous pair. */
        while (expect && expect != p)
            expect = expect->next;
        if (!expect)
            fuzz_die("%s: domxml_teaming_next_pair() out of device order", what);
        expect = expect->next;
    }
    if (n_walked != n_persistent_linked)
        fuzz_die("%s: domxml_teaming_next_pair() misses linked pairs", what);
    return n_walked;
}

/* ------------------------------------------------------------------ */
/* The round trip                                                       */

typedef struct fuzz_run {
    domxml_parse_options opts;
    bool no_link;
    bool null_error;
} fuzz_run;

/* Parse; link by hand under FUZZ_OPT_NO_LINK. A link failure keeps the
 * document (as a caller would); *link is DOMXML_OK or the link's error. */
static domxml_domain *fuzz_parse(const fuzz_run *r, const char *buf, size_t len,
                                 domxml_error *err, bool null_error, domxml_error_code *link)
{
    domxml_domain *dom;

    fuzz_error_junk(err);
    dom = domxml_parse_buffer(buf, len, "fuzz", &r->opts, null_error ? NULL : err);
    *link = DOMXML_OK;
    if (!dom || !r->no_link)
        return dom;
    /* Unlinked: no peers yet. */
    for (const domxml_node *d = fuzz_devices(dom); d; d = d->next) {
        if (domxml_teaming_peer(d))
            fuzz_die("%s", "DOMXML_PARSE_NO_TEAMING_LINK left a teaming peer set");
    }
    fuzz_error_junk(err);
    if (domxml_domain_link_teaming(dom, err) < 0) {
        fuzz_check_error("domxml_domain_link_teaming", err);
        if (err->code != DOMXML_ERR_TEAMING && err->code != DOMXML_ERR_NOMEM) {
            fuzz_show_error("domxml_domain_link_teaming", err);
            fuzz_die("%s", "domxml_domain_link_teaming failed with an unexpected code");
        }
        if (err->code == DOMXML_ERR_NOMEM && !fuzz_state.injected)
            fuzz_die("%s", "domxml_domain_link_teaming: NOMEM without an injected failure");
        *link = err->code;
    }
    return dom;
}

/* Linking by hand failed: true when the formatter refuses the tree for its
 * teaming (and domxml_domain_check() agrees), false when it writes it. */
static bool fuzz_refused_for_teaming(const domxml_domain *dom)
{
    domxml_error err, check;
    char *out;

    fuzz_error_junk(&err);
    out = domxml_format(dom, NULL, &err);
    if (out) {
        domxml_string_free(out);
        return false;
    }
    fuzz_check_error("format (teaming)", &err);
    if (err.code == DOMXML_ERR_NOMEM && fuzz_state.injected)
        return true;
    if (err.code != DOMXML_ERR_TEAMING) {
        fuzz_show_error("format (teaming)", &err);
        fuzz_die("%s", "the formatter refused a tree whose teaming did not link, not for teaming");
    }
    fuzz_error_junk(&check);
    if (domxml_domain_check(dom, &check) == 0)
        fuzz_die("%s", "domxml_domain_check() accepts a tree the formatter refuses");
    return true;
}

/* Format, or NULL: only NOMEM after an injected failure is acceptable. */
static char *fuzz_format(const domxml_domain *dom, size_t *len, const char *what)
{
    domxml_error err;
    char *out;

    fuzz_error_junk(&err);
    out = domxml_format(dom, len, &err);
    if (out) {
        if (strlen(out) != *len)
            fuzz_die("%s: formatted length disagrees with strlen()", what);
        /* The check agrees with the formatter. */
        fuzz_error_junk(&err);
        if (domxml_domain_check(dom, &err) < 0 &&
            !(err.code == DOMXML_ERR_NOMEM && fuzz_state.injected)) {
            fuzz_show_error(what, &err);
            fuzz_die("%s: domxml_domain_check() refuses a tree the formatter wrote", what);
        }
        return out;
    }
    fuzz_check_error(what, &err);
    if (err.code == DOMXML_ERR_NOMEM && fuzz_state.injected)
        return NULL;
    fuzz_show_error(what, &err);
    fuzz_die("%s failed", what);
    return NULL;
}

/* A parse failed under injection with a code other than NOMEM: the library
 * must then have absorbed the failure, so a clean run fails the same way. */
static void fuzz_check_absorbed_failure(const fuzz_run *r, const char *buf, size_t len,
                                        const domxml_error *err)
{
    unsigned long at = fuzz_disarm();
    domxml_error ref;
    domxml_error_code link;
    domxml_domain *dom = fuzz_parse(r, buf, len, &ref, false, &link);

    fuzz_rearm(at);
    if (dom || ref.code != err->code) {
        fuzz_show_error("parse with an injected allocation failure", err);
        if (!dom)
            fuzz_show_error("parse without injection", &ref);
        domxml_domain_free(dom);
        fuzz_die("%s", "an injected allocation failure gave a non-NOMEM error that a clean "
                       "run does not give");
    }
}

/* A parse succeeded although an allocation failed: the result must be
 * the same as without injection. */
static void fuzz_check_absorbed_success(const fuzz_run *r, const char *buf, size_t len,
                                        const char *out, size_t out_len)
{
    unsigned long at = fuzz_disarm();
    domxml_error ref;
    domxml_error_code link;
    domxml_domain *dom = fuzz_parse(r, buf, len, &ref, false, &link);
    size_t ref_len = 0;
    char *ref_out = dom ? fuzz_format(dom, &ref_len, "format (reference)") : NULL;

    fuzz_rearm(at);
    if (!dom) {
        fuzz_show_error("parse without injection", &ref);
        fuzz_die("%s", "a parse succeeded under an injected allocation failure but fails "
                       "without it");
    }
    if (ref_len != out_len || memcmp(ref_out, out, out_len) != 0) {
        fuzz_show("output with injection", out, out_len);
        fuzz_show("output without injection", ref_out, ref_len);
        fuzz_die("%s", "an injected allocation failure was absorbed silently: the "
                       "document differs from a clean parse");
    }
    domxml_string_free(ref_out);
    domxml_domain_free(dom);
}

/* Parse the first output again and format it: the same bytes. */
static void fuzz_second_trip(const fuzz_run *r, const char *out1, size_t len1,
                             size_t pairs1, domxml_error_code link1)
{
    domxml_error err;
    domxml_error_code link2;
    domxml_domain *dom2 = fuzz_parse(r, out1, len1, &err, false, &link2);
    size_t len2 = 0, pairs2;
    char *out2;

    if (!dom2) {
        fuzz_check_error("re-parse", &err);
        if (err.code == DOMXML_ERR_NOMEM && fuzz_state.injected)
            return;
        fuzz_show("first output", out1, len1);
        fuzz_show_error("re-parse", &err);
        fuzz_die("%s", "the formatter produced a document the parser refuses");
    }
    pairs2 = fuzz_check_teaming(dom2, "re-parse");
    /* Linking (by hand, FUZZ_OPT_NO_LINK) ends the same way and the pairs
     * survive the trip; a NOMEM on either side is an injection. */
    if (link1 != DOMXML_ERR_NOMEM && link2 != DOMXML_ERR_NOMEM &&
        (link1 != link2 || pairs1 != pairs2)) {
        fuzz_show("first output", out1, len1);
        fuzz_die("%s", "teaming links differ after a round trip");
    }
    out2 = fuzz_format(dom2, &len2, "second format");
    if (out2 && (len2 != len1 || memcmp(out1, out2, len1) != 0)) {
        fuzz_show("first output", out1, len1);
        fuzz_show("second output", out2, len2);
        fuzz_die("%s", "formatting is not a fixed point");
    }
    domxml_string_free(out2);
    domxml_domain_free(dom2);
}

/* Linking again (the public call) is idempotent on a linked document. */
static void fuzz_relink(domxml_domain *dom, size_t pairs)
{
    unsigned long at = fuzz_disarm();
    domxml_error err;

    fuzz_error_junk(&err);
    /* A member left unlinked (its partner missing, ambiguous or taken) is
     * reported again; the pairs that linked stay the same. */
    if (domxml_domain_link_teaming(dom, &err) < 0 && err.code != DOMXML_ERR_TEAMING) {
        fuzz_show_error("domxml_domain_link_teaming (again)", &err);
        fuzz_die("%s", "linking a linked document again fails");
    }
    if (fuzz_check_teaming(dom, "link again") != pairs)
        fuzz_die("%s", "linking a linked document again changes its pairs");
    fuzz_rearm(at);
}

/* Validation of any parsed document: a list whose every item has a code,
 * a path and a message, counts that add up; NOMEM only when injected. */
static void fuzz_validate(const domxml_domain *dom)
{
    domxml_error err;
    domxml_diagnostics *ds;
    size_t errors = 0, warnings = 0;

    fuzz_error_junk(&err);
    ds = domxml_domain_validate(dom, &err);
    if (!ds) {
        fuzz_check_error("validate", &err);
        if (err.code != DOMXML_ERR_NOMEM || !fuzz_state.injected)
            fuzz_die("validate failed: %s", err.message);
        return;
    }
    for (size_t i = 0; i < ds->count; i++) {
        const domxml_diagnostic *d = &ds->items[i];
        if (!d->code || !d->code[0] || !d->path || !d->message || !d->message[0])
            fuzz_die("diagnostic %zu lacks a code, path or message", i);
        errors += d->severity == DOMXML_SEVERITY_ERROR;
        warnings += d->severity == DOMXML_SEVERITY_WARNING;
    }
    if (errors != ds->errors || warnings != ds->warnings || errors + warnings != ds->count)
        fuzz_die("%s", "diagnostic counts do not add up");
    domxml_diagnostics_free(ds);
}

static void fuzz_one(const fuzz_run *r, const char *buf, size_t len)
{
    domxml_error err;
    domxml_error_code link;
    domxml_domain *dom = fuzz_parse(r, buf, len, &err, r->null_error, &link);
    bool injected_in_parse = fuzz_state.injected;
    size_t len1 = 0, pairs;
    char *out1;

    if (fuzz_verbose) {
        fprintf(stderr, "  parse: %s, %lu allocation call(s), failure %s\n",
                dom ? "ok" : "failed", fuzz_state.calls,
                fuzz_state.injected ? "injected" : "not injected");
        if (!dom && !r->null_error)
            fuzz_show_error("  parse error", &err);
    }
    if (!dom) {
        if (r->null_error)
            return;
        fuzz_check_error("parse", &err);
        if (err.code == DOMXML_ERR_NOMEM) {
            if (!fuzz_state.injected)
                fuzz_die("%s", "parse: NOMEM without an injected failure");
            return;
        }
        if (injected_in_parse)
            fuzz_check_absorbed_failure(r, buf, len, &err);
        return;
    }
    pairs = fuzz_check_teaming(dom, "parse");
    fuzz_validate(dom);
    if (link == DOMXML_ERR_TEAMING && fuzz_refused_for_teaming(dom)) {
        /* A member breaks its own teaming rules: a parse of the text would
         * fail, so the formatter refuses it too. */
        domxml_domain_free(dom);
        return;
    }
    out1 = fuzz_format(dom, &len1, "format");
    if (out1) {
        /* The output does not depend on the links: compare it even when
         * linking by hand failed. */
        if (injected_in_parse)
            fuzz_check_absorbed_success(r, buf, len, out1, len1);
        fuzz_relink(dom, pairs);
        fuzz_second_trip(r, out1, len1, pairs, link);
    }
    domxml_string_free(out1);
    domxml_domain_free(dom);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    fuzz_run r;
    unsigned opt;
    size_t skip = 1;

    if (size < 1)
        return 0;
    opt = data[0];
    memset(&r, 0, sizeof(r));
    memset(&fuzz_state, 0, sizeof(fuzz_state));
    fuzz_state.fail_at = ULONG_MAX;
    if (opt & FUZZ_OPT_FAIL_ALLOC) {
        if (size < 2)
            return 0;
        fuzz_state.fail_at = data[1];
        fuzz_state.fail_later = (opt & FUZZ_OPT_FAIL_LATER) != 0;
        skip = 2;
    }
    domxml_parse_options_init(&r.opts);
    r.opts.memory = &fuzz_memory;
    r.opts.max_depth = fuzz_depths[(opt & FUZZ_OPT_DEPTH_MASK) >> FUZZ_OPT_DEPTH_SHIFT];
    r.no_link = (opt & FUZZ_OPT_NO_LINK) != 0;
    r.opts.flags = r.no_link ? DOMXML_PARSE_NO_TEAMING_LINK : 0;
    r.null_error = (opt & FUZZ_OPT_NULL_ERROR) != 0;

    fuzz_one(&r, (const char *)data + skip, size - skip);

    if (fuzz_state.live != 0) {
        fprintf(stderr, "parse_fuzzer: %ld block(s) from the allocator hooks not freed\n",
                fuzz_state.live);
        abort();
    }
    return 0;
}

#ifdef DOMXML_FUZZ_STANDALONE
/* Replay: run each file (or stdin when none is given) through the harness. */
static int fuzz_replay(FILE *fp, const char *name)
{
    size_t cap = 1 << 16, len = 0, n;
    uint8_t *buf = malloc(cap);

    if (!buf)
        return -1;
    while ((n = fread(buf + len, 1, cap - len, fp)) > 0) {
        len += n;
        if (len == cap) {
            uint8_t *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                return -1;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    if (ferror(fp)) {
        fprintf(stderr, "%s: read error\n", name);
        free(buf);
        return -1;
    }
    fprintf(stderr, "Running: %s (%zu bytes)\n", name, len);
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 0;

    fuzz_verbose = getenv("DOMXML_FUZZ_VERBOSE") != NULL;
    if (argc < 2)
        return fuzz_replay(stdin, "<stdin>") < 0;
    for (int i = 1; i < argc; i++) {
        FILE *fp = fopen(argv[i], "rb");
        if (!fp) {
            perror(argv[i]);
            rc = 1;
            continue;
        }
        if (fuzz_replay(fp, argv[i]) < 0)
            rc = 1;
        fclose(fp);
    }
    return rc;
}
#endif
