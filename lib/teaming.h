/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* teaming.c: failover pairs resolved on the model, whatever built it. */
#ifndef DOMXML_TEAMING_H
#define DOMXML_TEAMING_H

#include "common.h"

/* Link every pair that resolves: 0; -1 with *err filled when some member
 * is left unlinked (a partner missing, ambiguous, not persistent, taken);
 * -2 with *err filled and nothing linked when a member breaks a rule of its
 * own <teaming> (or out of memory). */
DOMXML__INTERNAL int domxml__teaming_link(domxml_domain *dom, domxml_error *err);
/* What a parse would refuse (a member's own teaming rules, -1 with *err),
 * without touching the peers. */
DOMXML__INTERNAL int domxml__teaming_check(const domxml_domain *dom, domxml_error *err);
/* Clear the links that involve `device` (being taken out of the tree). */
DOMXML__INTERNAL void domxml__teaming_forget(domxml_node *device);

#endif /* DOMXML_TEAMING_H */
