/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Benchmark: parse + link teaming + format of generated domains, against
 * expat's own tokenizing of the same bytes (no-op handlers) in the same
 * process. Prints the ratio and the time per device for growing sizes, so
 * both the 25% target and linearity can be read off one run.
 *   bench_parse [DEVICES...]   default: 100 1000 10000
 */
#include <expat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "domxml.h"

static double now(void)
{
    struct timespec ts;

    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* A domain with `n` devices: teaming pairs, other NICs, hostdevs, disks. */
static char *make_domain(unsigned n, size_t *len)
{
    size_t cap = 4096 + (size_t)n * 600, used = 0;
    char *buf = malloc(cap);

    if (!buf)
        return NULL;
#define OUT(...) used += (size_t)snprintf(buf + used, cap - used, __VA_ARGS__)
    OUT("<domain type='kvm'>\n  <name>bench</name>\n  <memory unit='KiB'>1048576</memory>\n"
        "  <devices>\n    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n");
    for (unsigned i = 0; i < n; i++) {
        unsigned bus = (i / 32) % 256, slot = i % 32;
        switch (i % 4) {
        case 0:
            OUT("    <interface type='bridge'>\n      <mac address='52:54:00:%02x:%02x:%02x'/>\n"
                "      <source bridge='br0'/>\n      <model type='virtio'/>\n"
                "      <teaming type='persistent'/>\n      <alias name='ua-net%u'/>\n"
                "      <address type='pci' domain='0x0000' bus='0x%02x' slot='0x%02x' function='0x0'/>\n"
                "    </interface>\n", (i >> 16) & 255, (i >> 8) & 255, i & 255, i, bus, slot);
            break;
        case 1:
            OUT("    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n"
                "        <address domain='0x0000' bus='0x%02x' slot='0x%02x' function='0x1'/>\n"
                "      </source>\n      <teaming type='transient' persistent='ua-net%u'/>\n"
                "    </hostdev>\n", bus, slot, i - 1);
            break;
        case 2:
            OUT("    <interface type='network'>\n      <mac address='52:54:01:%02x:%02x:%02x'/>\n"
                "      <source network='default'/>\n      <model type='e1000'/>\n"
                "      <driver txmode='iothread' queues='4'/>\n      <link state='up'/>\n"
                "    </interface>\n", (i >> 16) & 255, (i >> 8) & 255, i & 255);
            break;
        default:
            OUT("    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n"
                "      <source file='/var/lib/images/d%u.qcow2'/>\n      <target dev='vd%u' bus='virtio'/>\n"
                "    </disk>\n", i, i);
            break;
        }
    }
    OUT("  </devices>\n</domain>\n");
#undef OUT
    *len = used;
    return buf;
}

static void XMLCALL noop_start(void *ud, const XML_Char *n, const XML_Char **a)
{
    (void)ud; (void)n; (void)a;
}
static void XMLCALL noop_end(void *ud, const XML_Char *n)
{
    (void)ud; (void)n;
}
static void XMLCALL noop_text(void *ud, const XML_Char *s, int len)
{
    (void)ud; (void)s; (void)len;
}

static double run_expat(const char *buf, size_t len, unsigned reps)
{
    double t0 = now();

    for (unsigned r = 0; r < reps; r++) {
        XML_Parser p = XML_ParserCreate(NULL);
        XML_SetElementHandler(p, noop_start, noop_end);
        XML_SetCharacterDataHandler(p, noop_text);
        if (XML_Parse(p, buf, (int)len, XML_TRUE) != XML_STATUS_OK) {
            fprintf(stderr, "expat: %s\n", XML_ErrorString(XML_GetErrorCode(p)));
            exit(1);
        }
        XML_ParserFree(p);
    }
    return (now() - t0) / reps;
}

static double run_domxml(const char *buf, size_t len, unsigned reps)
{
    double t0 = now();

    for (unsigned r = 0; r < reps; r++) {
        domxml_error err;
        domxml_domain *dom = domxml_parse_buffer(buf, len, "bench", NULL, &err);
        if (!dom) {
            fprintf(stderr, "domxml: %lu:%lu: %s\n", err.line, err.column, err.message);
            exit(1);
        }
        char *out = domxml_format(dom, NULL, &err);
        if (!out) {
            fprintf(stderr, "format: %s\n", err.message);
            exit(1);
        }
        domxml_string_free(dom, out);
        domxml_domain_free(dom);
    }
    return (now() - t0) / reps;
}

int main(int argc, char **argv)
{
    unsigned sizes[16] = {100, 1000, 10000};
    int n = 3;

    if (argc > 1) {
        n = argc - 1 < 16 ? argc - 1 : 16;
        for (int i = 0; i < n; i++)
            sizes[i] = (unsigned)strtoul(argv[i + 1], NULL, 10);
    }
    printf("%8s %10s %12s %12s %8s %12s\n", "devices", "bytes", "expat(ms)", "domxml(ms)",
           "ratio", "us/device");
    for (int i = 0; i < n; i++) {
        size_t len;
        char *buf = make_domain(sizes[i], &len);
        unsigned reps = sizes[i] >= 10000 ? 5 : sizes[i] >= 1000 ? 50 : 500;

        if (!buf)
            return 1;
        run_expat(buf, len, 1); /* warm up */
        run_domxml(buf, len, 1);
        double te = run_expat(buf, len, reps);
        double td = run_domxml(buf, len, reps);
        printf("%8u %10zu %12.3f %12.3f %8.2f %12.3f\n", sizes[i], len, te * 1e3, td * 1e3,
               td / te, td * 1e6 / sizes[i]);
        free(buf);
    }
    return 0;
}
