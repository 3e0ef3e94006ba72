/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: the QMP commands that hot-plug and unplug a device. */
#ifndef DOMXML__QA_HOTPLUG_H
#define DOMXML__QA_HOTPLUG_H

#include "ctx.h"

/* Plug device `k` (and, for a standby, its primary after it) into `b`. */
int domxml__qa_plug(domxml__qa_ctx *ctx, size_t k, domxml__qa_buf *b);
/* Unplug device `k` (a standby's primary first) into `b`. */
int domxml__qa_unplug(domxml__qa_ctx *ctx, size_t k, domxml__qa_buf *b);

#endif
