/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: devices, ids and controllers of a call. */
#ifndef DOMXML__QA_INDEX_H
#define DOMXML__QA_INDEX_H

#include "ctx.h"

/* An INTERFACE or HOSTDEV node. */
bool domxml__qa_is_device(const domxml_node *n);
/* The devices and controllers of <devices> (NULL: a standalone document's
 * root). 0 or -1. */
int domxml__qa_collect(domxml__qa_ctx *ctx, const domxml_node *devices);
/* Every device's QEMU id (pool VFs resolved first). 0 or -1. */
int domxml__qa_assign_ids(domxml__qa_ctx *ctx);
/* The device whose id is `id`, or DOMXML__QA_NONE. */
size_t domxml__qa_find_dev(const domxml__qa_ctx *ctx, const char *id);
/* A resource's device: "#N" (the Nth device) or an id. */
size_t domxml__qa_resolve(const domxml__qa_ctx *ctx, const char *name);
/* The controller of that index, or NULL. */
const domxml__qa_ctrl *domxml__qa_ctrl_find(const domxml__qa_ctrls *c, unsigned long index);

#endif
