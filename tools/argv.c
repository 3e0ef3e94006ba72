/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * domxml argv: the QEMU arguments of a document's <interface> and <hostdev>
 * devices, as shell-safe text; or the QMP commands that hot-plug or unplug
 * one of them.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "domxml/qemuargv.h"

static int domxml_cli_argv_run(const cli_command *cmd, int argc, char **argv);

/* What a row of argv_options does; `arg` of the row is its parameter. */
enum {
    ARGV_RESOURCE, /* ALIAS=VALUE, a resource of kind `arg` */
    ARGV_STRING,   /* a string field of the options, at offset `arg` */
    ARGV_BOOL,     /* a flag setting a bool field of the options, at offset `arg` */
    ARGV_SYNTAX,
    ARGV_BUS,
    ARGV_ALIAS,
    ARGV_HOTPLUG,
    ARGV_UNPLUG,
    ARGV_PASST,
    ARGV_QEMU_VERSION,
    ARGV_LIBVIRT_VERSION,
};

/* One row per flag: parsing, --help and (checked by a test) domxml(1). */
static const cli_option argv_options[] = {
    {"--syntax", 0, "keyval|json", ARGV_SYNTAX, 0,
     "key=value (libvirt 7.x order, default) or JSON -device/-netdev"},
    {"--fd", 0, "ALIAS=N", ARGV_RESOURCE, DOMXML_QEMUARGV_RES_TAP_FD,
     "tap/macvtap fd of a NIC (once per queue)"},
    {"--vhostfd", 0, "ALIAS=N", ARGV_RESOURCE, DOMXML_QEMUARGV_RES_VHOST_FD,
     "vhost-net fd (once per queue)"},
    {"--ifname", 0, "ALIAS=NAME", ARGV_RESOURCE, DOMXML_QEMUARGV_RES_IFNAME,
     "tap device name instead of an fd"},
    {"--vdpafd", 0, "ALIAS=N", ARGV_RESOURCE, DOMXML_QEMUARGV_RES_VDPA_FD, "vhost-vdpa fd"},
    {"--vhostscsifd", 0, "ALIAS=N", ARGV_RESOURCE, DOMXML_QEMUARGV_RES_VHOSTSCSI_FD,
     "vhost-scsi fd of a scsi_host hostdev"},
    {"--sg", 0, "ALIAS=/dev/sgN", ARGV_RESOURCE, DOMXML_QEMUARGV_RES_SCSI_GENERIC,
     "the /dev/sgN of a SCSI hostdev"},
    {"--vf", 0, "ALIAS=DDDD:BB:SS.F", ARGV_RESOURCE, DOMXML_QEMUARGV_RES_POOL_VF,
     "the VF a hostdev network gave an <interface type='network'>"},
    {"--passt-socket", 0, "ALIAS=PATH", ARGV_RESOURCE, DOMXML_QEMUARGV_RES_PASST_SOCKET,
     "the socket of the passt started for a passt interface"},
    {"--qemu-version", 0, "X.Y", ARGV_QEMU_VERSION, 0,
     "the QEMU the arguments are for (default 7.2)"},
    {"--libvirt-version", 0, "X.Y[.Z]", ARGV_LIBVIRT_VERSION, 0,
     "validate the domain with that libvirt release's rules (default: the newest)"},
    {"--machine", 0, "TYPE", ARGV_STRING, offsetof(domxml_qemuargv_options, machine),
     "machine type (overrides <os><type machine>)"},
    {"--bus", 0, "INDEX=NAME", ARGV_BUS, 0, "bus name of a PCI controller index"},
    {"--hotplug", 0, NULL, ARGV_HOTPLUG, 0, "print the QMP commands that hot-plug a device"},
    {"--unplug", 0, NULL, ARGV_UNPLUG, 0,
     "print the QMP commands that unplug a device (with the events to wait for)"},
    {"--passt", 0, NULL, ARGV_PASST, 0, "print passt's command line for a passt interface"},
    {"--alias", 0, "ALIAS", ARGV_ALIAS, 0, "the device to hot-plug, unplug or start passt for"},
};

const cli_command domxml_cli_argv = {
    "argv",
    "[OPTIONS] [--hotplug [--alias ALIAS] | --unplug --alias ALIAS | --passt [--alias ALIAS]] "
    "[--] FILE|-",
    "print the QEMU arguments of the devices (docs/qemuargv.md)",
    "Prints the -netdev/-device/-chardev/-add-fd arguments of the document's\n"
    "interfaces and host devices on standard output, as shell-safe text, one option\n"
    "and its value per line; with --hotplug/--unplug the QMP commands instead, one\n"
    "per line (an unplug's {\"event\":...} lines say where to wait for QEMU's event);\n"
    "with --passt the command line of the passt the caller starts for the interface.\n"
    "Devices are named by alias, by numbered id (net0, hostdev1) or #N.\n"
    "Nothing on the host is touched: fds and tap names come from the options.\n"
    "Errors and warnings go to standard error as FILE:LINE:COLUMN: error|warning:\n"
    "MESSAGE (at PATH) [CODE].\n"
    "Exit status: 0 success, 1 error, 2 usage error.\n",
    argv_options, sizeof(argv_options) / sizeof(argv_options[0]), domxml_cli_argv_run};

typedef struct {
    const char *file;
    unsigned long errors;
} diag_sink;

/* Every error and warning, as domxml validate prints them. */
static void on_diagnostic(void *ctx, const domxml_diagnostic *d)
{
    diag_sink *sink = ctx;
    cli_print_diag(stderr, sink->file, d);
    if (d->severity == DOMXML_SEVERITY_ERROR)
        sink->errors++;
}

/* MAJOR.MINOR[.MICRO] as QEMU encodes it; 0 when malformed. */
static unsigned long qemu_version(const char *v)
{
    unsigned long part[3] = {0, 0, 0};
    const char *p = v;
    char *end;

    for (int k = 0; k < 3; k++) {
        if (*p < '0' || *p > '9')
            return 0;
        part[k] = strtoul(p, &end, 10);
        if (k > 0 && part[k] > 999)
            return 0;
        if (!*end)
            return k >= 1 && part[0] <= 99 ? part[0] * 1000000 + part[1] * 1000 + part[2] : 0;
        if (*end != '.')
            return 0;
        p = end + 1;
    }
    return 0;
}

/* VALUE split in place at its '=' into NAME and VALUE; NULL when there is
 * no '=' or either side is empty. */
static char *split_pair(const char *v)
{
    char *eq = strchr(v, '=');

    if (!eq || eq == v || !eq[1])
        return NULL;
    *eq = '\0';
    return eq + 1;
}

static int domxml_cli_argv_run(const cli_command *cmd, int argc, char **argv)
{
    domxml_qemuargv_options opt;
    domxml_qemuargv_resource *res = calloc((size_t)argc + 1, sizeof(*res));
    domxml_qemuargv_bus *buses = calloc((size_t)argc + 1, sizeof(*buses));
    const char *file = NULL, *alias = NULL;
    bool hotplug = false, unplug = false, passt = false;
    int rc = 2, r;
    cli_args a;
    char *value, *end;
    unsigned long idx;

    domxml_qemuargv_options_init(&opt);
    if (!res || !buses) {
        fprintf(stderr, "domxml argv: out of memory\n");
        rc = 1;
        goto out;
    }
    opt.resources = res;
    opt.buses = buses;
    cli_args_init(&a, cmd, argc, argv);
    while ((r = cli_next(&a)) != CLI_END) {
        switch (r) {
        case CLI_USAGE:
            goto out;
        case CLI_HELP:
            cli_help(cmd, stdout);
            rc = cli_close_stdout(cmd);
            goto out;
        case CLI_VERSION:
            cli_version();
            rc = cli_close_stdout(cmd);
            goto out;
        case CLI_OPERAND:
            if (file) {
                rc = cli_usage_error(cmd, "too many arguments: '%s' after FILE '%s'", a.value,
                                     file);
                goto out;
            }
            file = a.value;
            break;
        case ARGV_RESOURCE:
            if (!(value = split_pair(a.value))) {
                rc = cli_usage_error(cmd, "%s takes ALIAS=VALUE, not '%s'", a.opt->name, a.value);
                goto out;
            }
            res[opt.n_resources].device = a.value;
            res[opt.n_resources].kind = (domxml_qemuargv_resource_kind)a.opt->arg;
            res[opt.n_resources].value = value;
            opt.n_resources++;
            break;
        case ARGV_STRING:
            *(const char **)(void *)((char *)&opt + a.opt->arg) = a.value;
            break;
        case ARGV_BOOL:
            *(bool *)(void *)((char *)&opt + a.opt->arg) = true;
            break;
        case ARGV_SYNTAX:
            if (strcmp(a.value, "keyval") == 0)
                opt.syntax = DOMXML_QEMUARGV_SYNTAX_KEYVAL;
            else if (strcmp(a.value, "json") == 0)
                opt.syntax = DOMXML_QEMUARGV_SYNTAX_JSON;
            else {
                rc = cli_usage_error(cmd, "--syntax is keyval or json, not '%s'", a.value);
                goto out;
            }
            break;
        case ARGV_BUS:
            idx = strtoul(a.value, &end, 0);
            if (*end != '=' || end == a.value || !end[1] || idx > 0xffffffffUL) {
                rc = cli_usage_error(cmd, "--bus takes INDEX=NAME, not '%s'", a.value);
                goto out;
            }
            buses[opt.n_buses].index = (unsigned int)idx;
            buses[opt.n_buses].name = end + 1;
            opt.n_buses++;
            break;
        case ARGV_ALIAS:
            alias = a.value;
            break;
        case ARGV_HOTPLUG:
            hotplug = true;
            break;
        case ARGV_UNPLUG:
            unplug = true;
            break;
        case ARGV_PASST:
            passt = true;
            break;
        case ARGV_LIBVIRT_VERSION:
            opt.libvirt_version = qemu_version(a.value); /* the same encoding */
            if (!opt.libvirt_version) {
                rc = cli_usage_error(cmd, "--libvirt-version takes X.Y[.Z], not '%s'", a.value);
                goto out;
            }
            break;
        case ARGV_QEMU_VERSION:
            if (!(opt.qemu_version = qemu_version(a.value))) {
                rc = cli_usage_error(cmd, "--qemu-version takes MAJOR.MINOR[.MICRO], not '%s'",
                                     a.value);
                goto out;
            }
            break;
        }
    }
    if (!file)
        rc = cli_usage_error(cmd, "missing FILE (- reads standard input)");
    else if (hotplug + unplug + passt > 1)
        rc = cli_usage_error(cmd, "--hotplug, --unplug and --passt exclude each other");
    else if (unplug && !alias)
        rc = cli_usage_error(cmd, "--unplug needs --alias");
    else if (alias && !hotplug && !unplug && !passt)
        rc = cli_usage_error(cmd, "--alias needs --hotplug, --unplug or --passt");
    else
        rc = -1;
    if (rc != -1)
        goto out;

    domxml_error err;
    const char *name = cli_input_name(file);
    domxml_domain *dom = domxml_cli_load(file, 0, &err);
    if (!dom) {
        cli_print_error(stderr, name, "parse", &err);
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
            cli_print_error(stderr, name, "qemuargv", &err);
        rc = 1;
    } else {
        fputs(text, stdout);
        rc = cli_close_stdout(cmd);
    }
    domxml_qemuargv_free(text);
    domxml_domain_free(dom);
out:
    free(res);
    free(buses);
    return rc;
}
