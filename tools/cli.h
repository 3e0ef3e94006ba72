/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * What the domxml commands share: the command and option tables (opt.c),
 * the output writers (output.c) and input loading (domxml.c).
 *
 * Conventions, the same for every command (docs/domxml.1):
 *   --opt=VALUE and --opt VALUE; -h/--help and --version everywhere; "--"
 *   ends the options; a usage error names its reason and exits 2.
 *   stdout carries only what the command produces (the XML, the arguments,
 *   the JSON report); errors, warnings and text diagnostics go to stderr.
 */
#ifndef DOMXML_CLI_H
#define DOMXML_CLI_H

#include <stdio.h>

#include "domxml.h"

/* One option row: its parsing, its --help line and its man page entry (a
 * test compares the two) come from here. */
typedef struct cli_option {
    const char *name;  /* "--syntax" */
    char short_name;   /* 'x' for -x, or 0 */
    const char *value; /* the value's name in --help ("keyval|json"), NULL: a flag */
    int id;            /* for the command's own switch */
    long arg;          /* for the command's own use (an offset, a kind) */
    const char *help;  /* one line */
} cli_option;

typedef struct cli_command {
    const char *name;        /* "argv" */
    const char *synopsis;    /* after "domxml NAME " */
    const char *summary;     /* one line, for domxml help */
    const char *description; /* the end of --help: operands, output, exit status */
    const cli_option *options;
    size_t n_options;
    int (*run)(const struct cli_command *cmd, int argc, char **argv);
} cli_command;

/* The commands, in help order (domxml.c). */
extern const cli_command domxml_cli_format, domxml_cli_validate, domxml_cli_argv;

/* cli_next() results besides an option's id (ids are >= 0). */
enum { CLI_END = -1, CLI_OPERAND = -2, CLI_USAGE = -3, CLI_HELP = -4, CLI_VERSION = -5 };

typedef struct cli_args {
    const cli_command *cmd;
    int argc;
    char **argv; /* argv[0] is the command name */
    int i;
    bool operands_only; /* after "--" */
    const cli_option *opt; /* the option matched */
    const char *value;     /* its value, or the operand */
} cli_args;

void cli_args_init(cli_args *a, const cli_command *cmd, int argc, char **argv);
/* The next option (its id, a->opt, a->value), operand (CLI_OPERAND,
 * a->value), CLI_HELP, CLI_VERSION or CLI_END; CLI_USAGE once the usage
 * error is printed. */
int cli_next(cli_args *a);

/* "domxml CMD: REASON", the usage line and a pointer to --help on stderr;
 * returns 2. */
int cli_usage_error(const cli_command *cmd, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
/* --help: usage, summary, the option table, the description. */
void cli_help(const cli_command *cmd, FILE *out);
/* --version */
int cli_version(void);

/* Output (output.c). Text for people: control characters and bytes that
 * are not UTF-8 are written as \n, \t, \xNN (C1 controls too), so a value
 * from the input can neither break a line nor reach the terminal as an
 * escape sequence. */
void cli_put_text(FILE *out, const char *s);
/* A JSON string: quotes, backslashes and control characters escaped;
 * invalid or truncated UTF-8 becomes U+FFFD. */
void cli_put_json(FILE *out, const char *s);
/* FILE:LINE:COLUMN: error|warning: MESSAGE (at PATH) [CODE] on one line;
 * no [CODE] when code is NULL or empty. */
void cli_print_diag(FILE *out, const char *file, const domxml_diagnostic *d);
/* An error struct as a diagnostic whose code is PREFIX.KIND (PREFIX NULL:
 * no code); the CLI's own name of the input, never the struct's copy. */
void cli_print_error(FILE *out, const char *file, const char *prefix, const domxml_error *e);
/* Flush stdout; on failure "domxml CMD: cannot write: REASON" and 1. */
int cli_close_stdout(const cli_command *cmd);

/* Parse FILE, or standard input for "-", with DOMXML_PARSE_* flags. */
domxml_domain *domxml_cli_load(const char *path, unsigned flags, domxml_error *err);
/* The name diagnostics use for FILE: "<stdin>" for "-". */
const char *cli_input_name(const char *path);

#endif /* DOMXML_CLI_H */
