/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* teaming.c: failover pairs resolved on the model, whatever built it. */
#ifndef DOMXML_TEAMING_H
#define DOMXML_TEAMING_H

#include "common.h"
#include "diag.h"

/* Link every pair that resolves: 0; -1 with *err filled when some member
 * is left unlinked (a partner missing, ambiguous, not persistent, taken);
 * -2 with *err filled and nothing linked when a member breaks a rule of its
 * own <teaming> (or out of memory). */
DOMXML__INTERNAL int domxml__teaming_link(domxml_domain *dom, domxml_error *err);
/* The rules of a device's own <teaming> (type, and the kind of device it is
 * on), the one place for them: the linker, the rule walk (check, validate)
 * and the formatter apply them. 0, or -1 after reporting. */
DOMXML__INTERNAL int domxml__teaming_own_rules(domxml__diag *d, const domxml_node *n);
/* Clear the links that involve `device` (being taken out of the tree). */
DOMXML__INTERNAL void domxml__teaming_forget(domxml_node *device);

#endif /* DOMXML_TEAMING_H */
