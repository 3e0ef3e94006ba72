/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domxml: command-line front end of libdomxml.
 *   domxml format [FILE|-]                 the canonical XML (here)
 *   domxml validate [OPTIONS] [FILE|-]...  every problem (validate.c)
 *   domxml argv [OPTIONS] FILE|-           QEMU arguments (argv.c)
 *   domxml help [COMMAND], domxml --version
 * Option syntax, help and output rules are shared (cli.h, opt.c).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const cli_command *const commands[] = {&domxml_cli_format, &domxml_cli_validate,
                                              &domxml_cli_argv};

static void usage(FILE *out)
{
    fprintf(out, "usage: domxml COMMAND [OPTIONS] [FILE|-]...\n"
                 "       domxml help [COMMAND] | --help | --version\n\nCommands:\n");
    for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
        fprintf(out, "  %-10s %s\n", commands[k]->name, commands[k]->summary);
    fprintf(out, "  %-10s %s\n", "help", "print the help of a command");
    fprintf(out, "\nFILE is a path, or - (the default where FILE is optional) for standard "
                 "input.\n'domxml help COMMAND' or 'domxml COMMAND --help' describes a command.\n");
}

static const cli_command *find_command(const char *name)
{
    for (size_t k = 0; k < sizeof(commands) / sizeof(commands[0]); k++)
        if (strcmp(commands[k]->name, name) == 0)
            return commands[k];
    return NULL;
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

const char *cli_input_name(const char *path)
{
    return strcmp(path, "-") == 0 ? "<stdin>" : path;
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
    errno = 0;
    buf = read_stream(stdin, &len);
    if (!buf) {
        int e = errno;
        memset(err, 0, sizeof(*err));
        snprintf(err->message, sizeof(err->message), "cannot read standard input: %s",
                 strerror(e ? e : EIO));
        err->code = e == ENOMEM ? DOMXML_ERR_NOMEM : DOMXML_ERR_IO;
        return NULL;
    }
    dom = domxml_parse_buffer(buf, len, "<stdin>", &opts, err);
    free(buf);
    return dom;
}

/* ------------------------------------------------------------------ */
/* domxml format                                                        */

static int write_stdout(void *ctx, const char *data, size_t len)
{
    (void)ctx;
    return fwrite(data, 1, len, stdout) == len ? 0 : -1;
}

static int run_format(const cli_command *cmd, int argc, char **argv)
{
    const char *path = NULL;
    cli_args a;
    int r;

    cli_args_init(&a, cmd, argc, argv);
    while ((r = cli_next(&a)) != CLI_END) {
        if (r == CLI_USAGE)
            return 2;
        if (r == CLI_HELP)
            return cli_help(cmd, stdout), cli_close_stdout(cmd);
        if (r == CLI_VERSION)
            return cli_version(), cli_close_stdout(cmd);
        if (path)
            return cli_usage_error(cmd, "too many arguments: '%s' after '%s'", a.value, path);
        path = a.value;
    }
    if (!path)
        path = "-";

    domxml_error err;
    domxml_domain *dom = domxml_cli_load(path, 0, &err);
    if (!dom) {
        cli_print_error(stderr, cli_input_name(path), NULL, &err);
        return 1;
    }
    /* Streamed: the output is never held whole beside the document. */
    r = domxml_format_to(dom, write_stdout, NULL, &err);
    domxml_domain_free(dom);
    if (r < 0 && !ferror(stdout)) {
        cli_print_error(stderr, cli_input_name(path), NULL, &err);
        return 1;
    }
    return cli_close_stdout(cmd);
}

const cli_command domxml_cli_format = {
    "format", "[--] [FILE|-]", "print the canonical XML of a document",
    "Prints the document in libvirt's canonical form on standard output; what the\n"
    "library does not model is kept. An error is printed on standard error as\n"
    "FILE:LINE:COLUMN: error: MESSAGE (at PATH), and nothing on standard output.\n"
    "Exit status: 0 success, 1 error, 2 usage error.\n",
    NULL, 0, run_format};

/* ------------------------------------------------------------------ */

int main(int argc, char **argv)
{
    const cli_command *cmd;

    if (argc < 2) {
        fprintf(stderr, "domxml: missing command\n");
        usage(stderr);
        return 2;
    }
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        usage(stdout);
        return cli_close_stdout(NULL);
    }
    if (strcmp(argv[1], "--version") == 0)
        return cli_version(), cli_close_stdout(NULL);
    if (strcmp(argv[1], "help") == 0) {
        if (argc > 3) {
            fprintf(stderr, "domxml help: too many arguments\nusage: domxml help [COMMAND]\n");
            return 2;
        }
        if (argc == 2 || strcmp(argv[2], "help") == 0) {
            usage(stdout);
            return cli_close_stdout(NULL);
        }
        if (!(cmd = find_command(argv[2]))) {
            fprintf(stderr, "domxml help: unknown command '%s'\n", argv[2]);
            usage(stderr);
            return 2;
        }
        cli_help(cmd, stdout);
        return cli_close_stdout(cmd);
    }
    if (!(cmd = find_command(argv[1]))) {
        fprintf(stderr, "domxml: unknown %s '%s'\n", argv[1][0] == '-' ? "option" : "command",
                argv[1]);
        usage(stderr);
        return 2;
    }
    return cmd->run(cmd, argc - 1, argv + 1);
}
