/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The option parser and --help of every domxml command (cli.h). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

void cli_args_init(cli_args *a, const cli_command *cmd, int argc, char **argv)
{
    memset(a, 0, sizeof(*a));
    a->cmd = cmd;
    a->argc = argc;
    a->argv = argv;
    a->i = 1;
}

/* The row whose name is the first `len` bytes of `arg`. */
static const cli_option *find_long(const cli_command *cmd, const char *arg, size_t len)
{
    for (size_t k = 0; k < cmd->n_options; k++) {
        const char *name = cmd->options[k].name;
        if (strlen(name) == len && strncmp(name, arg, len) == 0)
            return &cmd->options[k];
    }
    return NULL;
}

static const cli_option *find_short(const cli_command *cmd, char c)
{
    for (size_t k = 0; k < cmd->n_options; k++)
        if (cmd->options[k].short_name == c)
            return &cmd->options[k];
    return NULL;
}

int cli_next(cli_args *a)
{
    const char *arg, *eq;
    const cli_option *o;

    a->opt = NULL;
    a->value = NULL;
    /* -h/--help anywhere before "--" wins over any usage error. */
    if (a->i == 1) {
        for (int k = 1; k < a->argc && strcmp(a->argv[k], "--") != 0; k++)
            if (strcmp(a->argv[k], "-h") == 0 || strcmp(a->argv[k], "--help") == 0)
                return CLI_HELP;
    }
    while (a->i < a->argc) {
        arg = a->argv[a->i++];
        if (a->operands_only || arg[0] != '-' || strcmp(arg, "-") == 0) {
            a->value = arg;
            return CLI_OPERAND;
        }
        if (strcmp(arg, "--") == 0) {
            a->operands_only = true;
            continue;
        }
        if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0)
            return CLI_HELP;
        if (strcmp(arg, "--version") == 0)
            return CLI_VERSION;
        if (arg[1] == '-') {
            eq = strchr(arg, '=');
            if (eq && ((eq - arg == 6 && strncmp(arg, "--help", 6) == 0) ||
                       (eq - arg == 9 && strncmp(arg, "--version", 9) == 0)))
                return cli_usage_error(a->cmd, "option '%.*s' takes no value", (int)(eq - arg),
                                       arg),
                       CLI_USAGE;
            o = find_long(a->cmd, arg, eq ? (size_t)(eq - arg) : strlen(arg));
            if (!o)
                return cli_usage_error(a->cmd, "unknown option '%.*s'",
                                       eq ? (int)(eq - arg) : (int)strlen(arg), arg),
                       CLI_USAGE;
            if (!o->value && eq)
                return cli_usage_error(a->cmd, "option '%s' takes no value", o->name), CLI_USAGE;
            if (o->value && eq)
                a->value = eq + 1;
        } else {
            o = arg[2] == '\0' ? find_short(a->cmd, arg[1]) : NULL;
            if (!o)
                return cli_usage_error(a->cmd, "unknown option '%s'", arg), CLI_USAGE;
        }
        a->opt = o;
        if (o->value && !a->value) {
            if (a->i >= a->argc)
                return cli_usage_error(a->cmd, "option '%s' needs a value (%s)", o->name,
                                       o->value),
                       CLI_USAGE;
            a->value = a->argv[a->i++];
        }
        return o->id;
    }
    return CLI_END;
}

int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
{
    va_list ap;

    fprintf(stderr, "domxml %s: ", cmd->name);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nusage: domxml %s %s\nTry 'domxml %s --help' for more information.\n",
            cmd->name, cmd->synopsis, cmd->name);
    return 2;
}

static void help_row(FILE *out, char short_name, const char *name, const char *value,
                     const char *help)
{
    char left[64];

    snprintf(left, sizeof(left), "%c%c%s%s%s%s", short_name ? '-' : ' ',
             short_name ? short_name : ' ', short_name ? ", " : "  ", name, value ? " " : "",
             value ? value : "");
    fprintf(out, "  %-30s %s\n", left, help);
}

void cli_help(const cli_command *cmd, FILE *out)
{
    fprintf(out, "usage: domxml %s %s\n%s\n\nOptions:\n", cmd->name, cmd->synopsis, cmd->summary);
    for (size_t k = 0; k < cmd->n_options; k++) {
        const cli_option *o = &cmd->options[k];
        help_row(out, o->short_name, o->name, o->value, o->help);
    }
    help_row(out, 'h', "--help", NULL, "print this help and exit");
    help_row(out, 0, "--version", NULL, "print the version and exit");
    fprintf(out, "  %-30s %s\n", "--", "end of options: what follows is a FILE");
    if (cmd->description)
        fprintf(out, "\n%s", cmd->description);
}

int cli_version(void)
{
    printf("domxml %s\n", domxml_version_string());
    return 0;
}
