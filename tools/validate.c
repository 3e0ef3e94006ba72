/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domxml validate [--strict] [--format=text|json] [--libvirt-version X.Y[.Z]] [FILE|-]...
 *
 * Every problem of every file on standard output, one line each, in
 * document order, then a one-line summary:
 *   FILE:LINE:COLUMN: error|warning: MESSAGE (at PATH) [CODE]
 *   N files: E errors, W warnings
 * --format=json prints one JSON object per line instead (one per
 * diagnostic, then the summary). A file that does not parse gives one error
 * with the code parse.KIND. Exit 0 when no file has an error (--strict: no
 * warning either), 1 otherwise, 2 on a usage error. --libvirt-version:
 * validate for that libvirt release (domxml_validate_options).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "domxml.h"

typedef struct vopts {
    bool strict, json;
    size_t files, errors, warnings;
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

/* A JSON string: quotes, backslashes and control characters escaped. */
static void json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p < 0x20)
            fprintf(out, "\\u%04x", *p);
        else
            fputc(*p, out);
    }
    fputc('"', out);
}

static void print_one(vopts *o, const char *file, const domxml_diagnostic *d)
{
    const char *sev = domxml_severity_to_string(d->severity);

    if (d->severity == DOMXML_SEVERITY_ERROR)
        o->errors++;
    else
        o->warnings++;
    if (!o->json) {
        if (d->line)
            printf("%s:%lu:%lu: %s: %s", file, d->line, d->column, sev, d->message);
        else
            printf("%s: %s: %s", file, sev, d->message);
        if (d->path[0])
            printf(" (at %s)", d->path);
        printf(" [%s]\n", d->code);
        return;
    }
    printf("{\"file\":");
    json_string(stdout, file);
    printf(",\"line\":%lu,\"column\":%lu,\"severity\":\"%s\",\"code\":", d->line, d->column, sev);
    json_string(stdout, d->code);
    printf(",\"path\":");
    json_string(stdout, d->path);
    printf(",\"message\":");
    json_string(stdout, d->message);
    printf("}\n");
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
    const char *name = strcmp(path, "-") == 0 ? "<stdin>" : path;
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
    if (!parsed) {
        domxml_diagnostic d = {code, err.code, DOMXML_SEVERITY_ERROR, err.line, err.column,
                               err.path, err.message};
        snprintf(code, sizeof(code), "parse.%s", domxml_error_code_to_string(err.code));
        print_one(o, err.source[0] ? err.source : name, &d);
        return;
    }
    if (!ds) {
        domxml_diagnostic d = {"validate.nomem", err.code, DOMXML_SEVERITY_ERROR, 0, 0, "",
                               err.message};
        print_one(o, name, &d);
    } else {
        for (size_t i = 0; i < ds->count; i++)
            print_one(o, name, &ds->items[i]);
        domxml_diagnostics_free(ds);
    }
    domxml_domain_free(dom);
}

int domxml_cli_validate(int argc, char **argv)
{
    vopts o = {false, false, 0, 0, 0, {0, 0}};
    int first = argc;

    domxml_validate_options_init(&o.validate);
    for (int i = 0; i < argc; i++) {
        const char *rel = strncmp(argv[i], "--libvirt-version=", 18) == 0 ? argv[i] + 18
                          : strcmp(argv[i], "--libvirt-version") == 0 && i + 1 < argc ? argv[++i]
                                                                                      : NULL;
        if (rel || strcmp(argv[i], "--libvirt-version") == 0) {
            if (!rel || !(o.validate.libvirt_version = libvirt_release(rel))) {
                fprintf(stderr, "domxml validate: --libvirt-version takes a release X.Y or "
                                "X.Y.Z, e.g. 9.0\n");
                return 2;
            }
        } else if (strcmp(argv[i], "--strict") == 0) {
            o.strict = true;
        } else if (strcmp(argv[i], "--format=json") == 0) {
            o.json = true;
        } else if (strcmp(argv[i], "--format=text") == 0) {
            o.json = false;
        } else if (strcmp(argv[i], "--") == 0) {
            first = i + 1;
            break;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            fprintf(stderr, "domxml validate: unknown option '%s'\n", argv[i]);
            return 2;
        } else {
            first = i;
            break;
        }
    }
    if (first >= argc) {
        validate_file(&o, "-");
    } else {
        for (int i = first; i < argc; i++)
            validate_file(&o, argv[i]);
    }
    if (o.json)
        printf("{\"files\":%zu,\"errors\":%zu,\"warnings\":%zu}\n", o.files, o.errors,
               o.warnings);
    else
        printf("%zu file%s: %zu error%s, %zu warning%s\n", o.files, o.files == 1 ? "" : "s",
               o.errors, o.errors == 1 ? "" : "s", o.warnings, o.warnings == 1 ? "" : "s");
    if (fflush(stdout) != 0)
        return 1;
    return o.errors || (o.strict && o.warnings) ? 1 : 0;
}
