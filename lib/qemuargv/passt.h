/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: passt, the user-mode backend libvirt runs beside QEMU. */
#ifndef DOMXML__QA_PASST_H
#define DOMXML__QA_PASST_H

#include "table.h"

/* An interface with <backend type='passt'/>. */
bool domxml__qa_is_passt(const domxml_interface *i);
/* Its netdev: a stream netdev (user) or vhost-user chardev (vhostuser) on
 * the caller's passt socket; without one, -netdev passt (QEMU 10.1+). */
void domxml__qa_netdev_passt(domxml__qa_view *v);
/* passt's command line for device `k` (domxml_qemuargv_passt()). */
char **domxml__qa_passt_argv(domxml__qa_ctx *ctx, size_t k, size_t *argc);

#endif
