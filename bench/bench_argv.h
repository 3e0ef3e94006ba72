/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* make bench: QEMU argument generation against parse+validate+format. */
#ifndef BENCH_ARGV_H
#define BENCH_ARGV_H

#include <stddef.h>

/* A domain QEMU can take: failover pairs (a bridge virtio standby with
 * vhost-net, a vfio-pci primary, the first 255 on PCIe root ports), network
 * NICs, vhost-user NICs; malloc'ed, its length in *len. */
char *bench_argv_domain(unsigned devices, size_t *len);
/* One measured cycle each (callgrind toggles on these names). */
void bench_once_argv(const void *dom, const void *options);
void bench_once_pvf(const char *buf, size_t len);
/* --pass argv|pvf N: one cycle of that side on a generated domain. */
int bench_argv_pass(const char *side, unsigned devices);
/* The table: per-device instructions and time of argv and of pvf. */
void bench_argv_table(const unsigned *sizes, int n, unsigned long long (*pass)(const char *side,
                                                                               unsigned devices));

#endif
