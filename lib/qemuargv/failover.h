/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: what QEMU needs of a failover pair beyond validation's teaming
 * rules (lib/validate.c holds those: partners, a virtio standby, MACs, a
 * primary alone in its PCI slot).
 */
#ifndef DOMXML__QA_FAILOVER_H
#define DOMXML__QA_FAILOVER_H

#include "ctx.h"

/* The QEMU-only rules for device `only`, or every device (DOMXML__QA_NONE):
 * a standby has a MAC; a transient <interface type='network'> was given
 * its pool VF. 0, or -1 with the error reported. */
int domxml__qa_failover_check(domxml__qa_ctx *ctx, size_t only);
/* The transient partner of persistent device `k`, or DOMXML__QA_NONE. */
size_t domxml__qa_failover_primary(const domxml__qa_ctx *ctx, size_t k);

#endif
