/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domxml argv: the QEMU arguments of a document's <interface> and <hostdev>
 * devices, as shell-safe text; or the QMP commands that hot-plug or unplug
 * one of them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "domxml/qemuargv.h"

int domxml_cli_argv(int argc, char **argv); /* dispatched from domxml.c */

static const char argv_usage[] =
    "usage: domxml argv [--syntax=keyval|json] [--fd ALIAS=N]... [--vhostfd ALIAS=N]...\n"
    "                   [--ifname ALIAS=NAME]... [--vdpafd ALIAS=N]... [--vhostscsifd ALIAS=N]...\n"
    "                   [--sg ALIAS=/dev/sgN]... [--vf ALIAS=DDDD:BB:SS.F]...\n"
    "                   [--passt-socket ALIAS=PATH]... [--qemu-version X.Y]\n"
    "                   [--machine TYPE] [--bus INDEX=NAME]...\n"
    "                   [--hotplug [--alias ALIAS] | --unplug --alias ALIAS |\n"
    "                    --passt [--alias ALIAS]] FILE|-\n";

/* As domxml validate prints a diagnostic (on stderr: stdout holds the
 * arguments): FILE:LINE:COLUMN: error|warning: MESSAGE (at PATH) [CODE]. */
static void print_diag(const char *file, const domxml_diagnostic *d)
{
    const char *sev = domxml_severity_to_string(d->severity);

    if (d->line)
        fprintf(stderr, "%s:%lu:%lu: %s: %s", file, d->line, d->column, sev, d->message);
    else
        fprintf(stderr, "%s: %s: %s", file, sev, d->message);
    if (d->path && d->path[0])
        fprintf(stderr, " (at %s)", d->path);
    fprintf(stderr, " [%s]\n", d->code);
}

static void print_error(const char *file, const char *prefix, const domxml_error *e)
{
    char code[64];
    domxml_diagnostic d = {code, e->code, DOMXML_SEVERITY_ERROR, e->line, e->column, e->path,
                           e->message};

    snprintf(code, sizeof(code), "%s.%s", prefix, domxml_error_code_to_string(e->code));
    print_diag(e->source[0] ? e->source : file, &d);
}

typedef struct {
    const char *file;
    unsigned long errors;
} diag_sink;

/* Every error and warning, as domxml validate prints them. */
static void on_diagnostic(void *ctx, const domxml_diagnostic *d)
{
    diag_sink *sink = ctx;
    print_diag(sink->file, d);
    if (d->severity == DOMXML_SEVERITY_ERROR)
        sink->errors++;
}

/* --opt VALUE or --opt=VALUE; advances *i. */
static const char *opt_value(int argc, char **argv, int *i, const char *name)
{
    size_t l = strlen(name);
    if (strncmp(argv[*i], name, l) != 0)
        return NULL;
    if (argv[*i][l] == '=')
        return argv[*i] + l + 1;
    if (argv[*i][l] == '\0' && *i + 1 < argc)
        return argv[++*i];
    return NULL;
}

int domxml_cli_argv(int argc, char **argv)
{
    static const struct {
        const char *flag;
        domxml_qemuargv_resource_kind kind;
    } res_flags[] = {
        {"--fd", DOMXML_QEMUARGV_RES_TAP_FD},
        {"--vhostfd", DOMXML_QEMUARGV_RES_VHOST_FD},
        {"--ifname", DOMXML_QEMUARGV_RES_IFNAME},
        {"--vdpafd", DOMXML_QEMUARGV_RES_VDPA_FD},
        {"--vhostscsifd", DOMXML_QEMUARGV_RES_VHOSTSCSI_FD},
        {"--sg", DOMXML_QEMUARGV_RES_SCSI_GENERIC},
        {"--vf", DOMXML_QEMUARGV_RES_POOL_VF},
        {"--passt-socket", DOMXML_QEMUARGV_RES_PASST_SOCKET},
    };
    domxml_qemuargv_options opt;
    domxml_qemuargv_resource *res = calloc((size_t)argc + 1, sizeof(*res));
    domxml_qemuargv_bus *buses = calloc((size_t)argc + 1, sizeof(*buses));
    const char *file = NULL, *alias = NULL, *v;
    bool hotplug = false, unplug = false, passt = false;
    int rc = 2;

    domxml_qemuargv_options_init(&opt);
    if (!res || !buses) {
        fprintf(stderr, "domxml argv: out of memory\n");
        rc = 1;
        goto out;
    }
    opt.resources = res;
    opt.buses = buses;
    for (int i = 1; i < argc; i++) {
        bool done = false;
        for (size_t f = 0; f < sizeof(res_flags) / sizeof(res_flags[0]) && !done; f++) {
            if ((v = opt_value(argc, argv, &i, res_flags[f].flag))) {
                const char *eq = strchr(v, '=');
                if (!eq || eq == v) {
                    fprintf(stderr, "domxml argv: %s takes ALIAS=VALUE\n", res_flags[f].flag);
                    goto usage;
                }
                /* split in place: ALIAS\0VALUE */
                char *copy = (char *)v;
                copy[eq - v] = '\0';
                res[opt.n_resources].device = copy;
                res[opt.n_resources].kind = res_flags[f].kind;
                res[opt.n_resources].value = copy + (eq - v) + 1;
                opt.n_resources++;
                done = true;
            }
        }
        if (done)
            continue;
        if ((v = opt_value(argc, argv, &i, "--syntax"))) {
            if (strcmp(v, "keyval") == 0)
                opt.syntax = DOMXML_QEMUARGV_SYNTAX_KEYVAL;
            else if (strcmp(v, "json") == 0)
                opt.syntax = DOMXML_QEMUARGV_SYNTAX_JSON;
            else {
                fprintf(stderr, "domxml argv: --syntax is keyval or json\n");
                goto usage;
            }
        } else if ((v = opt_value(argc, argv, &i, "--qemu-version"))) {
            unsigned long major, minor, micro = 0;
            char *end;
            major = strtoul(v, &end, 10);
            if (end == v || *end != '.' || end[1] < '0' || end[1] > '9') {
                fprintf(stderr, "domxml argv: --qemu-version takes MAJOR.MINOR[.MICRO]\n");
                goto usage;
            }
            minor = strtoul(end + 1, &end, 10);
            if (*end == '.')
                micro = strtoul(end + 1, &end, 10);
            if (*end || major > 99 || minor > 999 || micro > 999) {
                fprintf(stderr, "domxml argv: --qemu-version takes MAJOR.MINOR[.MICRO]\n");
                goto usage;
            }
            opt.qemu_version = major * 1000000 + minor * 1000 + micro;
        } else if (strcmp(argv[i], "--passt") == 0) {
            passt = true;
        } else if ((v = opt_value(argc, argv, &i, "--machine"))) {
            opt.machine = v;
        } else if ((v = opt_value(argc, argv, &i, "--bus"))) {
            char *end;
            unsigned long idx = strtoul(v, &end, 0);
            if (*end != '=' || end == v || !end[1]) {
                fprintf(stderr, "domxml argv: --bus takes INDEX=NAME\n");
                goto usage;
            }
            buses[opt.n_buses].index = (unsigned int)idx;
            buses[opt.n_buses].name = end + 1;
            opt.n_buses++;
        } else if ((v = opt_value(argc, argv, &i, "--alias"))) {
            alias = v;
        } else if (strcmp(argv[i], "--hotplug") == 0) {
            hotplug = true;
        } else if (strcmp(argv[i], "--unplug") == 0) {
            unplug = true;
        } else if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
            fputs(argv_usage, stdout);
            rc = 0;
            goto out;
        } else if ((argv[i][0] == '-' && argv[i][1]) || file) {
            fprintf(stderr, "domxml argv: unexpected argument '%s'\n", argv[i]);
            goto usage;
        } else {
            file = argv[i];
        }
    }
    if (!file || hotplug + unplug + passt > 1 || (unplug && !alias) ||
        (alias && !hotplug && !unplug && !passt))
        goto usage;

    domxml_error err;
    const char *name = strcmp(file, "-") == 0 ? "<stdin>" : file;
    domxml_domain *dom = domxml_cli_load(file, 0, &err);
    if (!dom) {
        print_error(name, "parse", &err);
        rc = 1;
        goto out;
    }
    diag_sink sink = {name, 0};
    opt.diagnostic = on_diagnostic;
    opt.diagnostic_ctx = &sink;
    char *text = NULL;
    if (hotplug) {
        text = domxml_qemuargv_hotplug(dom, alias, &opt, &err);
    } else if (unplug) {
        text = domxml_qemuargv_unplug(dom, alias, &opt, &err);
    } else if (passt) {
        char **words = domxml_qemuargv_passt(dom, alias, &opt, NULL, &err);
        if (words && !(text = domxml_argv_to_shell(words))) {
            memset(&err, 0, sizeof(err));
            snprintf(err.message, sizeof(err.message), "out of memory");
        }
        domxml_qemuargv_free(words);
    } else {
        char **args = domxml_qemuargv_build(dom, &opt, NULL, &err);
        if (args) {
            text = domxml_argv_to_shell(args);
            if (!text) {
                memset(&err, 0, sizeof(err));
                snprintf(err.message, sizeof(err.message), "out of memory");
            }
        }
        domxml_qemuargv_free(args);
    }
    if (!text) {
        if (!sink.errors) /* reported without a diagnostic: out of memory */
            print_error(name, "qemuargv", &err);
        rc = 1;
    } else {
        fputs(text, stdout);
        rc = fflush(stdout) == 0 ? 0 : 1;
    }
    domxml_qemuargv_free(text);
    domxml_domain_free(dom);
    goto out;
usage:
    fputs(argv_usage, stderr);
    rc = 2;
out:
    free(res);
    free(buses);
    return rc;
}
