/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Generated libvirt domains for the benchmark (bench/bench_parse) and the
 * memory test (tests/check_memory): one generator, so both read the same
 * bytes for the same device count.
 */
#ifndef DOMXML_GEN_DOMAIN_H
#define DOMXML_GEN_DOMAIN_H

#include <stddef.h>

/*
 * A <domain> whose <devices> holds an <emulator> and `devices` devices, in
 * a repeating cycle of GEN_DOMAIN_CYCLE:
 *   0, 4  <interface type='bridge'>, virtio, <teaming type='persistent'/>,
 *         alias ua-netN (N = the device's index)
 *   1, 5  PCI <hostdev> with <teaming type='transient' persistent='ua-netN'/>
 *         naming the interface just before it
 *   2     <interface type='network'>, e1000, <driver>, <link>
 *   3, 9  <disk> (not modelled: kept verbatim)
 *   6     <interface type='user'>
 *   7     <interface type='vhostuser'>, unix socket /tmp/vhost-N.sock
 *   8     <controller> (not modelled)
 * The output depends only on `devices`. Returns a malloc'ed, NUL-terminated
 * document with its length in *len, or NULL when out of memory.
 */
enum { GEN_DOMAIN_CYCLE = 10 };

char *gen_domain(unsigned devices, size_t *len);

#endif /* DOMXML_GEN_DOMAIN_H */
