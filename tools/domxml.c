/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domxml: command-line front end of libdomxml.
 *   domxml format [FILE|-]    print the canonical XML
 *   domxml validate [--strict] [--format=text|json] [FILE|-]...  (validate.c)
 * Errors of format: "FILE:LINE:COLUMN: error: MESSAGE" on stderr, exit 1;
 * usage errors exit 2.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static void usage(FILE *out)
{
    fprintf(out,
            "usage: domxml format [FILE|-]\n"
            "       domxml validate [--strict] [--format=text|json] [--libvirt-version X.Y[.Z]]\n"
            "                       [FILE|-]...\n"
            "       domxml argv [OPTIONS] FILE|-   QEMU device arguments (domxml argv --help)\n"
            "       domxml --version\n"
            "FILE defaults to standard input.\n");
}

/* Standard input, read up to one byte past the library's default size
 * limit so that the library reports an oversized input. */
static char *read_stream(FILE *fp, size_t *len)
{
    const size_t max = ((size_t)64 << 20) + 1;
    size_t cap = 65536, used = 0;
    char *buf = malloc(cap);

    while (buf) {
        size_t want = cap - used < max - used ? cap - used : max - used;
        size_t got = fread(buf + used, 1, want, fp);

        used += got;
        if (got < want || used >= max)
            break;
        char *bigger = realloc(buf, cap * 2);
        if (!bigger)
            free(buf);
        buf = bigger;
        cap *= 2;
    }
    if (buf && ferror(fp)) {
        free(buf);
        return NULL;
    }
    *len = used;
    return buf;
}

static void print_error(const domxml_error *err, const char *name)
{
    const char *source = err->source[0] ? err->source : name;

    if (err->line)
        fprintf(stderr, "%s:%lu:%lu: error: %s", source, err->line, err->column, err->message);
    else
        fprintf(stderr, "%s: error: %s", source, err->message);
    if (err->path[0])
        fprintf(stderr, " (at %s)", err->path);
    fputc('\n', stderr);
}

domxml_domain *domxml_cli_load(const char *path, unsigned flags, domxml_error *err)
{
    domxml_parse_options opts;
    domxml_domain *dom;
    size_t len = 0;
    char *buf;

    domxml_parse_options_init(&opts);
    opts.flags = flags;
    if (strcmp(path, "-") != 0)
        return domxml_parse_file(path, &opts, err);
    buf = read_stream(stdin, &len);
    if (!buf) {
        memset(err, 0, sizeof(*err));
        snprintf(err->message, sizeof(err->message), "cannot read standard input");
        err->code = DOMXML_ERR_IO;
        return NULL;
    }
    dom = domxml_parse_buffer(buf, len, "<stdin>", &opts, err);
    free(buf);
    return dom;
}

static int write_stdout(void *ctx, const char *data, size_t len)
{
    (void)ctx;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

static int cmd_format(const char *path)
{
    domxml_error err;
    domxml_domain *dom = domxml_cli_load(path, 0, &err);

    if (!dom) {
        print_error(&err, path);
        return 1;
    }
    /* Streamed: the output is never held whole beside the document. */
    if (domxml_format_to(dom, write_stdout, NULL, &err) < 0) {
        print_error(&err, path);
        domxml_domain_free(dom);
        return 1;
    }
    domxml_domain_free(dom);
    return fflush(stdout) == 0 ? 0 : 1;
}

int domxml_cli_argv(int argc, char **argv); /* tools/argv.c */

int main(int argc, char **argv)
{
    const char *path;

    if (argc >= 2 && strcmp(argv[1], "argv") == 0)
        return domxml_cli_argv(argc - 1, argv + 1);

    if (argc == 2 && strcmp(argv[1], "--version") == 0) {
        printf("domxml %s\n", domxml_version_string());
        return 0;
    }
    if (argc == 2 && (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)) {
        usage(stdout);
        return 0;
    }
    if (argc >= 2 && strcmp(argv[1], "validate") == 0)
        return domxml_cli_validate(argc - 2, argv + 2);
    if (argc < 2 || argc > 3) {
        usage(stderr);
        return 2;
    }
    path = argc == 3 ? argv[2] : "-";
    if (strcmp(argv[1], "format") == 0)
        return cmd_format(path);
    fprintf(stderr, "domxml: unknown command '%s'\n", argv[1]);
    usage(stderr);
    return 2;
}
