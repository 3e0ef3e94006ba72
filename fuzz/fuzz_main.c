/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * main() for a harness built without libFuzzer (-DDOMXML_FUZZ_STANDALONE):
 * runs each file named on the command line, or stdin, through
 * LLVMFuzzerTestOneInput(). A broken invariant abort()s.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Replay: run each file (or stdin when none is given) through the harness. */
static int fuzz_replay(FILE *fp, const char *name)
{
    size_t cap = 1 << 16, len = 0, n;
    uint8_t *buf = malloc(cap);

    if (!buf)
        return -1;
    while ((n = fread(buf + len, 1, cap - len, fp)) > 0) {
        len += n;
        if (len == cap) {
            uint8_t *bigger = realloc(buf, cap * 2);
            if (!bigger) {
                free(buf);
                return -1;
            }
            buf = bigger;
            cap *= 2;
        }
    }
    if (ferror(fp)) {
        fprintf(stderr, "%s: read error\n", name);
        free(buf);
        return -1;
    }
    fprintf(stderr, "Running: %s (%zu bytes)\n", name, len);
    LLVMFuzzerTestOneInput(buf, len);
    free(buf);
    return 0;
}

int main(int argc, char **argv)
{
    int rc = 0;

    if (argc < 2)
        return fuzz_replay(stdin, "<stdin>") < 0;
    for (int i = 1; i < argc; i++) {
        FILE *fp = fopen(argv[i], "rb");
        if (!fp) {
            perror(argv[i]);
            rc = 1;
            continue;
        }
        if (fuzz_replay(fp, argv[i]) < 0)
            rc = 1;
        fclose(fp);
    }
    return rc;
}
