/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The domxml commands, one file each, and what they share (domxml.c). */
#ifndef DOMXML_CLI_H
#define DOMXML_CLI_H

#include "domxml.h"

/* Parse FILE, or standard input for "-", with DOMXML_PARSE_* flags. */
domxml_domain *domxml_cli_load(const char *path, unsigned flags, domxml_error *err);

/* domxml validate ARGS... (argv without the command name) */
int domxml_cli_validate(int argc, char **argv);

#endif /* DOMXML_CLI_H */
