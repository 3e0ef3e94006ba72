/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * make bench, second table: domxml_qemuargv_build() on domains of 100 to
 * 100,000 devices (the caller's tap and vhost-net fds passed as resources),
 * per device, against parse+validate+format of the same bytes. Instructions
 * from callgrind (one cycle, toggled on bench_once_*), time as the best of
 * repeated runs.
 */
#include "bench_argv.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <domxml.h>
#include <domxml/qemuargv.h>

#define CYCLE 5

char *bench_argv_domain(unsigned devices, size_t *len)
{
    size_t cap = 512 + (size_t)devices * 420;
    char *b = malloc(cap);
    size_t n = 0;
    unsigned ports = devices / CYCLE < 255 ? devices / CYCLE : 255;

    if (!b)
        return NULL;
    n += (size_t)sprintf(b + n, "<domain type='kvm'>\n  <name>bench</name>\n"
                                "  <memory unit='KiB'>1048576</memory>\n  <os>\n"
                                "    <type arch='x86_64' machine='q35'>hvm</type>\n  </os>\n"
                                "  <devices>\n");
    for (unsigned p = 1; p <= ports; p++)
        n += (size_t)sprintf(b + n, "    <controller type='pci' index='%u' "
                                    "model='pcie-root-port'/>\n", p);
    for (unsigned i = 0; i < devices; i++) {
        unsigned m1 = (i >> 16) & 255, m2 = (i >> 8) & 255, m3 = i & 255, pair = i / CYCLE;
        switch (i % CYCLE) {
        case 0:
            n += (size_t)sprintf(b + n, "    <interface type='bridge'>\n"
                "      <mac address='52:54:00:%02x:%02x:%02x'/>\n      <source bridge='br0'/>\n"
                "      <model type='virtio'/>\n      <driver name='vhost'/>\n"
                "      <teaming type='persistent'/>\n      <alias name='ua-net%u'/>\n"
                "    </interface>\n", m1, m2, m3, i);
            break;
        case 1:
            n += (size_t)sprintf(b + n, "    <hostdev mode='subsystem' type='pci' managed='yes'>\n"
                "      <source>\n        <address domain='0x0000' bus='0x%02x' slot='0x%02x' "
                "function='0x%x'/>\n      </source>\n"
                "      <teaming type='transient' persistent='ua-net%u'/>\n", 1 + pair / 256 % 255,
                pair / 8 % 32, pair % 8, i - 1);
            if (pair < ports)
                n += (size_t)sprintf(b + n, "      <address type='pci' domain='0x0000' "
                                            "bus='0x%02x' slot='0x00' function='0x0'/>\n", pair + 1);
            n += (size_t)sprintf(b + n, "    </hostdev>\n");
            break;
        case 2:
        case 3:
            n += (size_t)sprintf(b + n, "    <interface type='network'>\n"
                "      <mac address='52:54:01:%02x:%02x:%02x'/>\n      <source network='default'/>\n"
                "      <model type='e1000'/>\n    </interface>\n", m1, m2, m3);
            break;
        default:
            n += (size_t)sprintf(b + n, "    <interface type='vhostuser'>\n"
                "      <mac address='52:54:03:%02x:%02x:%02x'/>\n"
                "      <source type='unix' path='/run/vhost-%u.sock' mode='client'/>\n"
                "      <model type='virtio'/>\n    </interface>\n", m1, m2, m3, i);
            break;
        }
    }
    n += (size_t)sprintf(b + n, "  </devices>\n</domain>\n");
    *len = n;
    return b;
}

/* The caller's fds: a tap fd for every bridge and network NIC, a vhost-net
 * fd for the bridge ones, named by position ("#N"). */
typedef struct fixture {
    domxml_domain *dom;
    domxml_qemuargv_resource *res;
    char (*names)[16];
    domxml_qemuargv_options opt;
} fixture;

static int fixture_make(fixture *f, unsigned devices)
{
    size_t len, k = 0;
    char *buf = bench_argv_domain(devices, &len);
    domxml_error err;

    memset(f, 0, sizeof(*f));
    f->dom = buf ? domxml_parse_buffer(buf, len, "bench", NULL, &err) : NULL;
    free(buf);
    f->res = calloc((size_t)devices * 2 + 1, sizeof(*f->res));
    f->names = calloc((size_t)devices + 1, sizeof(*f->names));
    if (!f->dom || !f->res || !f->names)
        return -1;
    for (unsigned i = 0; i < devices; i++) {
        unsigned c = i % CYCLE;
        if (c == 1 || c == 4)
            continue;
        snprintf(f->names[i], sizeof(f->names[i]), "#%u", i);
        f->res[k++] = (domxml_qemuargv_resource){f->names[i], DOMXML_QEMUARGV_RES_TAP_FD, "30"};
        if (c == 0)
            f->res[k++] =
                (domxml_qemuargv_resource){f->names[i], DOMXML_QEMUARGV_RES_VHOST_FD, "31"};
    }
    domxml_qemuargv_options_init(&f->opt);
    f->opt.resources = f->res;
    f->opt.n_resources = k;
    return 0;
}

static void fixture_free(fixture *f)
{
    domxml_domain_free(f->dom);
    free(f->res);
    free(f->names);
}

void bench_once_argv(const void *dom, const void *options)
{
    domxml_error err;
    char **argv = domxml_qemuargv_build(dom, options, NULL, &err);

    if (!argv) {
        fprintf(stderr, "bench argv: %lu:%lu: %s\n", err.line, err.column, err.message);
        exit(1);
    }
    domxml_qemuargv_free(argv);
}

void bench_once_pvf(const char *buf, size_t len)
{
    domxml_error err;
    domxml_domain *dom = domxml_parse_buffer(buf, len, "bench", NULL, &err);
    domxml_diagnostics *ds = dom ? domxml_domain_validate(dom, &err) : NULL;
    char *out = ds ? domxml_format(dom, NULL, &err) : NULL;

    if (!out) {
        fprintf(stderr, "bench pvf: %s\n", err.message);
        exit(1);
    }
    domxml_string_free(out);
    domxml_diagnostics_free(ds);
    domxml_domain_free(dom);
}

int bench_argv_pass(const char *side, unsigned devices)
{
    fixture f;
    size_t len;
    char *buf;

    if (strcmp(side, "argv") == 0) {
        if (fixture_make(&f, devices) < 0)
            return 1;
        bench_once_argv(f.dom, &f.opt);
        fixture_free(&f);
        return 0;
    }
    if (strcmp(side, "pvf") != 0 || !(buf = bench_argv_domain(devices, &len)))
        return 2;
    bench_once_pvf(buf, len);
    free(buf);
    return 0;
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

void bench_argv_table(const unsigned *sizes, int n,
                      unsigned long long (*pass)(const char *side, unsigned devices))
{
    printf("\nQEMU arguments: domxml_qemuargv_build() (validation included) vs parse+validate+"
           "format of the same domain, per device\n");
    printf("%-16s %7s %5s %12s %12s %9s %12s %12s\n", "document", "devices", "reps",
           "argv_ir/dev", "pvf_ir/dev", "argv/pvf", "argv_us/dev", "pvf_us/dev");
    for (int i = 0; i < n; i++) {
        fixture f;
        size_t len;
        char *buf = bench_argv_domain(sizes[i], &len);
        unsigned reps = sizes[i] >= 100000 ? 3 : sizes[i] >= 10000 ? 9 : 41;
        double best_a = 1e30, best_p = 1e30;

        if (!buf || fixture_make(&f, sizes[i]) < 0) {
            fprintf(stderr, "bench argv: cannot make %u devices\n", sizes[i]);
            exit(1);
        }
        for (unsigned r = 0; r < reps; r++) {
            double t0 = now();
            bench_once_argv(f.dom, &f.opt);
            double t1 = now();
            bench_once_pvf(buf, len);
            double t2 = now();
            if (t1 - t0 < best_a)
                best_a = t1 - t0;
            if (t2 - t1 < best_p)
                best_p = t2 - t1;
        }
        unsigned long long ia = pass ? pass("argv", sizes[i]) : 0;
        unsigned long long ip = ia ? pass("pvf", sizes[i]) : 0;
        char ira[24] = "n/a", irp[24] = "n/a", ratio[24] = "n/a";
        if (ia && ip) {
            snprintf(ira, sizeof(ira), "%.0f", (double)ia / sizes[i]);
            snprintf(irp, sizeof(irp), "%.0f", (double)ip / sizes[i]);
            snprintf(ratio, sizeof(ratio), "%.2f", (double)ia / (double)ip);
        }
        char name[32];
        snprintf(name, sizeof(name), "argv-%u", sizes[i]);
        printf("%-16s %7u %5u %12s %12s %9s %12.3f %12.3f\n", name, sizes[i], reps, ira, irp,
               ratio, best_a * 1e6 / sizes[i], best_p * 1e6 / sizes[i]);
        fflush(stdout);
        fixture_free(&f);
        free(buf);
    }
}
