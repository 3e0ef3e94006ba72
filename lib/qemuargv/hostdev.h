/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: host devices (a <hostdev>, an <interface type='hostdev'>, or
 * an <interface type='network'> given its pool VF). */
#ifndef DOMXML__QA_HOSTDEV_H
#define DOMXML__QA_HOSTDEV_H

#include "table.h"

void domxml__qa_hostdev(domxml__qa_view *v);
/* The failover_pair_id of a transient teaming member, or NULL. */
const char *domxml__qa_failover_pair(const domxml_node *n);

#endif
