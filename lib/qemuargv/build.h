/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: the arguments of every device, or of one, in libvirt's order. */
#ifndef DOMXML__QA_BUILD_H
#define DOMXML__QA_BUILD_H

#include "ctx.h"

/* The arguments of device `k`. */
void domxml__qa_build_one(domxml__qa_ctx *ctx, size_t k);
/* NICs in interface order, then the interface host devices, then the
 * plain ones: every failover primary after its standby. 0 or -1. */
int domxml__qa_build_all(domxml__qa_ctx *ctx);

#endif
