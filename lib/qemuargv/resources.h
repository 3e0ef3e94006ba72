/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: the caller's resources, checked and grouped by device. */
#ifndef DOMXML__QA_RESOURCES_H
#define DOMXML__QA_RESOURCES_H

#include "ctx.h"

/* Check every resource and group them by device. 0, or -1 naming it. */
int domxml__qa_index_resources(domxml__qa_ctx *ctx);
/* The values of resources of `kind` given for device `dev`, in the
 * caller's order, at most `max` (the count is returned). */
size_t domxml__qa_res(const domxml__qa_ctx *ctx, size_t dev, domxml_qemuargv_resource_kind kind,
                      const char **out, size_t max);

#endif
