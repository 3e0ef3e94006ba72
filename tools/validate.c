/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domxml validate [--strict] [--format=text|json|jsonl] [--] [FILE|-]...
 *
 * Every problem of every file, in document order. text (the default): one
 * line each on standard error, then a one-line summary there,
 *   FILE:LINE:COLUMN: error|warning: MESSAGE (at PATH) [CODE]
 *   N files: E errors, W warnings
 * json: one JSON document on standard output,
 *   {"files":[{"file":F,"errors":E,"warnings":W,"diagnostics":[D...]}...],
 *    "summary":{"files":N,"errors":E,"warnings":W}}
 * jsonl: one JSON object per line on standard output (a diagnostic D with
 * its "file", then the summary {"files":N,"errors":E,"warnings":W}).
 * A file that does not parse gives one error with the code parse.KIND.
 * Exit 0 when no file has an error (--strict: no warning either), 1
 * otherwise, 2 on a usage error.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

enum { OPT_STRICT, OPT_FORMAT, OPT_LIBVIRT };
enum { FMT_TEXT, FMT_JSON, FMT_JSONL };

typedef struct vopts {
    bool strict;
    int format;
    size_t files, errors, warnings;
    size_t file_errors, file_warnings, file_items; /* of the file being written */
    domxml_validate_options validate;
} vopts;

/* "X.Y" or "X.Y.Z" as libvirt numbers releases; 0 when malformed. */
static unsigned long libvirt_release(const char *s)
{
    unsigned a, b, c = 0;
    int end = 0;

    if ((sscanf(s, "%3u.%3u%n.%3u%n", &a, &b, &end, &c, &end) < 2) || s[end] || !a || b > 999 ||
        c > 999 || s[0] < '0' || s[0] > '9')
        return 0;
    return DOMXML_LIBVIRT_VERSION(a, b, c);
}

static void json_diag(const char *file, const domxml_diagnostic *d)
{
    fputs("{", stdout);
    if (file) {
        fputs("\"file\":", stdout);
        cli_put_json(stdout, file);
        fputs(",", stdout);
    }
    printf("\"line\":%lu,\"column\":%lu,\"severity\":\"%s\",\"code\":", d->line, d->column,
           domxml_severity_to_string(d->severity));
    cli_put_json(stdout, d->code);
    fputs(",\"path\":", stdout);
    cli_put_json(stdout, d->path ? d->path : "");
    fputs(",\"message\":", stdout);
    cli_put_json(stdout, d->message);
    fputs("}", stdout);
}

static void print_one(vopts *o, const char *file, const domxml_diagnostic *d)
{
    if (d->severity == DOMXML_SEVERITY_ERROR)
        o->errors++, o->file_errors++;
    else
        o->warnings++, o->file_warnings++;
    switch (o->format) {
    case FMT_TEXT:
        cli_print_diag(stderr, file, d);
        break;
    case FMT_JSONL:
        json_diag(file, d);
        fputs("\n", stdout);
        break;
    default:
        fputs(o->file_items++ ? ",\n    " : "\n    ", stdout);
        json_diag(NULL, d);
    }
}

/* Parse and validate; *ds NULL with *err set when either fails. */
static domxml_domain *load_and_validate(const vopts *o, const char *path, unsigned flags,
                                        domxml_diagnostics **ds, domxml_error *err, bool *parsed)
{
    domxml_domain *dom = domxml_cli_load(path, flags, err);

    *parsed = dom != NULL;
    *ds = dom ? domxml_domain_validate_with(dom, &o->validate, err) : NULL;
    return dom;
}

static void validate_file(vopts *o, const char *path)
{
    const char *name = cli_input_name(path);
    bool stdin_input = strcmp(path, "-") == 0, parsed;
    domxml_error err;
    domxml_diagnostics *ds;
    /* Diagnostics about an attribute point at the attribute: positions the
     * parser keeps only when asked. A file is read without them first (a
     * clean document, the common case, costs no more), and again with them
     * when there is something to report; standard input is read once. */
    domxml_domain *dom = load_and_validate(
        o, path, stdin_input ? DOMXML_PARSE_ATTR_POSITIONS : 0, &ds, &err, &parsed);
    char code[64];

    if (!stdin_input && ds && ds->count > 0) {
        domxml_diagnostics_free(ds);
        domxml_domain_free(dom);
        dom = load_and_validate(o, path, DOMXML_PARSE_ATTR_POSITIONS, &ds, &err, &parsed);
    }
    o->files++;
    o->file_errors = o->file_warnings = o->file_items = 0;
    if (o->format == FMT_JSON) {
        fputs(o->files > 1 ? ",\n  {\"file\":" : "\n  {\"file\":", stdout);
        cli_put_json(stdout, name);
        fputs(",\"diagnostics\":[", stdout);
    }
    if (!parsed) {
        domxml_diagnostic d = {code, err.code, DOMXML_SEVERITY_ERROR, err.line, err.column,
                               err.path, err.message};
        snprintf(code, sizeof(code), "parse.%s", domxml_error_code_to_string(err.code));
        print_one(o, name, &d);
    } else if (!ds) {
        domxml_diagnostic d = {"validate.nomem", err.code, DOMXML_SEVERITY_ERROR, 0, 0, "",
                               err.message};
        print_one(o, name, &d);
    } else {
        for (size_t i = 0; i < ds->count; i++)
            print_one(o, name, &ds->items[i]);
        domxml_diagnostics_free(ds);
    }
    domxml_domain_free(dom);
    if (o->format == FMT_JSON)
        printf("%s],\"errors\":%zu,\"warnings\":%zu}", o->file_items ? "\n  " : "",
               o->file_errors, o->file_warnings);
}

static int run_validate(const cli_command *cmd, int argc, char **argv)
{
    vopts o;
    char **files = calloc((size_t)argc + 1, sizeof(*files));
    size_t nfiles = 0;
    cli_args a;
    int r;

    memset(&o, 0, sizeof(o));
    domxml_validate_options_init(&o.validate);
    if (!files) {
        fprintf(stderr, "domxml validate: out of memory\n");
        return 1;
    }
    cli_args_init(&a, cmd, argc, argv);
    while ((r = cli_next(&a)) != CLI_END) {
        switch (r) {
        case CLI_USAGE:
            free(files);
            return 2;
        case CLI_HELP:
            free(files);
            cli_help(cmd, stdout);
            return cli_close_stdout(cmd);
        case CLI_VERSION:
            free(files);
            cli_version();
            return cli_close_stdout(cmd);
        case CLI_OPERAND:
            files[nfiles++] = (char *)a.value;
            break;
        case OPT_STRICT:
            o.strict = true;
            break;
        case OPT_LIBVIRT:
            if (!(o.validate.libvirt_version = libvirt_release(a.value))) {
                free(files);
                return cli_usage_error(cmd, "--libvirt-version takes a release X.Y or X.Y.Z "
                                            "(e.g. 9.0), not '%s'",
                                       a.value);
            }
            break;
        case OPT_FORMAT:
            if (strcmp(a.value, "text") == 0)
                o.format = FMT_TEXT;
            else if (strcmp(a.value, "json") == 0)
                o.format = FMT_JSON;
            else if (strcmp(a.value, "jsonl") == 0)
                o.format = FMT_JSONL;
            else {
                free(files);
                return cli_usage_error(cmd, "--format is text, json or jsonl, not '%s'",
                                       a.value);
            }
            break;
        }
    }
    if (nfiles == 0)
        files[nfiles++] = "-";
    if (o.format == FMT_JSON)
        fputs("{\"files\":[", stdout);
    for (size_t i = 0; i < nfiles; i++)
        validate_file(&o, files[i]);
    free(files);
    if (o.format == FMT_JSON)
        printf("\n],\n\"summary\":{\"files\":%zu,\"errors\":%zu,\"warnings\":%zu}}\n", o.files,
               o.errors, o.warnings);
    else if (o.format == FMT_JSONL)
        printf("{\"files\":%zu,\"errors\":%zu,\"warnings\":%zu}\n", o.files, o.errors,
               o.warnings);
    else
        fprintf(stderr, "%zu file%s: %zu error%s, %zu warning%s\n", o.files,
                o.files == 1 ? "" : "s", o.errors, o.errors == 1 ? "" : "s", o.warnings,
                o.warnings == 1 ? "" : "s");
    if (cli_close_stdout(cmd) != 0)
        return 1;
    return o.errors || (o.strict && o.warnings) ? 1 : 0;
}

static const cli_option validate_options[] = {
    {"--strict", 0, NULL, OPT_STRICT, 0, "a warning fails too (exit 1)"},
    {"--format", 0, "text|json|jsonl", OPT_FORMAT, 0,
     "text on stderr (default), one JSON document, or JSON Lines"},
    {"--libvirt-version", 0, "X.Y[.Z]", OPT_LIBVIRT, 0,
     "validate for that libvirt release: syntax it lacks is an error"},
};

const cli_command domxml_cli_validate = {
    "validate", "[--strict] [--format=text|json|jsonl] [--libvirt-version X.Y[.Z]] [--] [FILE|-]...",
    "check documents against libvirt's and QEMU's rules (docs/validation.md)",
    "Reads each FILE (standard input when none is given) and reports every problem.\n"
    "text: one line per problem on standard error, FILE:LINE:COLUMN: error|warning:\n"
    "MESSAGE (at PATH) [CODE], then a summary line there; standard output stays empty.\n"
    "json: one JSON document on standard output, {\"files\":[{\"file\",\"diagnostics\",\n"
    "\"errors\",\"warnings\"}...],\"summary\":{\"files\",\"errors\",\"warnings\"}}.\n"
    "jsonl: one JSON object per diagnostic per line (with \"file\"), then the summary.\n"
    "A file that does not parse is one error with the code parse.KIND.\n"
    "Exit status: 0 no error (--strict: no warning either), 1 otherwise, 2 usage error.\n",
    validate_options, sizeof(validate_options) / sizeof(validate_options[0]), run_validate};
