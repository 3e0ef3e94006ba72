/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The writers of the domxml commands: text and JSON that any input value
 * passes through safely, and the diagnostic line (cli.h). */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

/* The length of the well-formed UTF-8 sequence at p (RFC 3629: no overlong
 * forms, surrogates or values past U+10FFFF), 0 if there is none. */
static size_t utf8_len(const unsigned char *p)
{
    size_t n;
    unsigned min, cp;

    if (p[0] < 0x80)
        return 1;
    if (p[0] >= 0xc2 && p[0] <= 0xdf)
        n = 2, min = 0x80, cp = p[0] & 0x1f;
    else if (p[0] >= 0xe0 && p[0] <= 0xef)
        n = 3, min = 0x800, cp = p[0] & 0x0f;
    else if (p[0] >= 0xf0 && p[0] <= 0xf4)
        n = 4, min = 0x10000, cp = p[0] & 0x07;
    else
        return 0;
    for (size_t k = 1; k < n; k++) {
        if ((p[k] & 0xc0) != 0x80) /* also stops at the terminating NUL */
            return 0;
        cp = cp << 6 | (p[k] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
        return 0;
    return n;
}

void cli_put_text(FILE *out, const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = utf8_len(p);

        if (n == 1 && *p >= 0x20 && *p != 0x7f)
            fputc(*p, out);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (n <= 1)
            fprintf(out, "\\x%02x", *p);
        else if (n == 2 && p[0] == 0xc2 && p[1] < 0xa0) /* C1 controls: 8-bit CSI... */
            fprintf(out, "\\x%02x\\x%02x", p[0], p[1]);
        else
            fwrite(p, 1, n, out);
        p += n ? n : 1;
    }
}

void cli_put_json(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = utf8_len(p);

        if (*p == '"' || *p == '\\')
            fprintf(out, "\\%c", *p);
        else if (*p == '\n')
            fputs("\\n", out);
        else if (*p == '\t')
            fputs("\\t", out);
        else if (*p < 0x20 || *p == 0x7f)
            fprintf(out, "\\u%04x", *p);
        else if (n == 0)
            fputs("\\ufffd", out);
        else
            fwrite(p, 1, n, out);
        p += n ? n : 1;
    }
    fputc('"', out);
}

void cli_print_diag(FILE *out, const char *file, const domxml_diagnostic *d)
{
    cli_put_text(out, file);
    if (d->line)
        fprintf(out, ":%lu:%lu", d->line, d->column);
    fprintf(out, ": %s: ", domxml_severity_to_string(d->severity));
    cli_put_text(out, d->message);
    if (d->path && d->path[0]) {
        fputs(" (at ", out);
        cli_put_text(out, d->path);
        fputc(')', out);
    }
    if (d->code && d->code[0]) {
        fputs(" [", out);
        cli_put_text(out, d->code);
        fputc(']', out);
    }
    fputc('\n', out);
}

void cli_print_error(FILE *out, const char *file, const char *prefix, const domxml_error *e)
{
    char code[64] = "";
    domxml_diagnostic d;

    if (prefix)
        snprintf(code, sizeof(code), "%s.%s", prefix, domxml_error_code_to_string(e->code));
    memset(&d, 0, sizeof(d));
    d.code = code;
    d.kind = e->code;
    d.severity = DOMXML_SEVERITY_ERROR;
    d.line = e->line;
    d.column = e->column;
    d.path = e->path;
    d.message = e->message;
    cli_print_diag(out, file, &d);
}

int cli_close_stdout(const cli_command *cmd)
{
    if (ferror(stdout) || fflush(stdout) != 0) {
        int e = errno;
        fprintf(stderr, "domxml%s%s: cannot write: %s\n", cmd ? " " : "", cmd ? cmd->name : "",
                strerror(e ? e : EIO));
        return 1;
    }
    return 0;
}
