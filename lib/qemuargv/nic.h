/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: the guest side of a NIC, its -device. */
#ifndef DOMXML__QA_NIC_H
#define DOMXML__QA_NIC_H

#include "table.h"

/* The NIC's -device (and zpci companion); v->netdev names its backend. */
void domxml__qa_nic(domxml__qa_view *v);

#endif
