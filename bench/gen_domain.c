/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* The generated domains of bench/gen_domain.h. */
#include "gen_domain.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct gen_buf {
    char *data;
    size_t used, cap;
    bool failed;
} gen_buf;

/* Append printf output, growing the buffer as needed. */
static void out(gen_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void out(gen_buf *b, const char *fmt, ...)
{
    va_list ap;
    int n;

    if (b->failed)
        return;
    va_start(ap, fmt);
    n = vsnprintf(b->data + b->used, b->cap - b->used, fmt, ap);
    va_end(ap);
    if (n < 0) {
        b->failed = true;
        return;
    }
    if ((size_t)n >= b->cap - b->used) {
        size_t cap = b->cap * 2 + (size_t)n;
        char *bigger = realloc(b->data, cap);

        if (!bigger) {
            b->failed = true;
            return;
        }
        b->data = bigger;
        b->cap = cap;
        va_start(ap, fmt);
        vsnprintf(b->data + b->used, b->cap - b->used, fmt, ap);
        va_end(ap);
    }
    b->used += (size_t)n;
}

char *gen_domain(unsigned devices, size_t *len)
{
    gen_buf b = {NULL, 0, 4096 + (size_t)devices * 320, false};

    b.data = malloc(b.cap);
    if (!b.data)
        return NULL;
    out(&b, "<domain type='kvm'>\n  <name>bench</name>\n  <memory unit='KiB'>1048576</memory>\n"
            "  <devices>\n    <emulator>/usr/bin/qemu-system-x86_64</emulator>\n");
    for (unsigned i = 0; i < devices; i++) {
        /* Guest PCI addresses are unique, as validation wants: the NICs take
         * one slot each on buses 1.., the controllers slots of bus 0. */
        unsigned nic = i / GEN_DOMAIN_CYCLE * 2 + (i % GEN_DOMAIN_CYCLE >= 4);
        unsigned dom = nic / (255 * 32), bus = 1 + nic / 32 % 255, slot = nic % 32;
        unsigned m1 = (i >> 16) & 255, m2 = (i >> 8) & 255, m3 = i & 255;

        switch (i % GEN_DOMAIN_CYCLE) {
        case 0:
        case 4:
            out(&b, "    <interface type='bridge'>\n      <mac address='52:54:00:%02x:%02x:%02x'/>\n"
                    "      <source bridge='br0'/>\n      <model type='virtio'/>\n"
                    "      <teaming type='persistent'/>\n      <alias name='ua-net%u'/>\n"
                    "      <address type='pci' domain='0x%04x' bus='0x%02x' slot='0x%02x' function='0x0'/>\n"
                    "    </interface>\n", m1, m2, m3, i, dom, bus, slot);
            break;
        case 1:
        case 5:
            out(&b, "    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n"
                    "        <address domain='0x0000' bus='0x%02x' slot='0x%02x' function='0x1'/>\n"
                    "      </source>\n      <teaming type='transient' persistent='ua-net%u'/>\n"
                    "    </hostdev>\n", bus, slot, i - 1);
            break;
        case 2:
            out(&b, "    <interface type='network'>\n      <mac address='52:54:01:%02x:%02x:%02x'/>\n"
                    "      <source network='default'/>\n      <model type='e1000'/>\n"
                    "      <driver txmode='iothread' queues='4'/>\n      <link state='up'/>\n"
                    "    </interface>\n", m1, m2, m3);
            break;
        case 6:
            out(&b, "    <interface type='user'>\n      <mac address='52:54:02:%02x:%02x:%02x'/>\n"
                    "      <model type='virtio'/>\n"
                    "    </interface>\n", m1, m2, m3);
            break;
        case 7:
            out(&b, "    <interface type='vhostuser'>\n      <mac address='52:54:03:%02x:%02x:%02x'/>\n"
                    "      <source type='unix' path='/tmp/vhost-%u.sock' mode='client'/>\n"
                    "      <model type='virtio'/>\n"
                    "    </interface>\n", m1, m2, m3, i);
            break;
        case 8:
            out(&b, "    <controller type='pci' index='%u' model='pcie-root-port'>\n"
                    "      <model name='pcie-root-port'/>\n"
                    "      <target chassis='%u' port='0x%x'/>\n"
                    "      <address type='pci' domain='0x%04x' bus='0x00' slot='0x%02x' function='0x0'/>\n"
                    "    </controller>\n", i / GEN_DOMAIN_CYCLE + 1, i / GEN_DOMAIN_CYCLE + 1,
                i % 256, i / GEN_DOMAIN_CYCLE / 31, 1 + i / GEN_DOMAIN_CYCLE % 31);
            break;
        default:
            out(&b, "    <disk type='file' device='disk'>\n      <driver name='qemu' type='qcow2'/>\n"
                    "      <source file='/var/lib/images/d%u.qcow2'/>\n      <target dev='vd%u' bus='virtio'/>\n"
                    "    </disk>\n", i, i);
            break;
        }
    }
    out(&b, "  </devices>\n</domain>\n");
    if (b.failed) {
        free(b.data);
        return NULL;
    }
    *len = b.used;
    return b.data;
}
