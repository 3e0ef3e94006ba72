/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* teaming.c: failover pairs resolved on the model, whatever built it. */
#ifndef DOMXML_TEAMING_H
#define DOMXML_TEAMING_H

#include "common.h"

/* Link every pair of the document, or none: 0, or -1 with *err filled. */
DOMXML__INTERNAL int domxml__teaming_link(domxml_domain *dom, domxml_error *err);
/* What linking would refuse, without touching the peers. */
DOMXML__INTERNAL int domxml__teaming_check(const domxml_domain *dom, domxml_error *err);
/* Clear the links that involve `device` (being taken out of the tree). */
DOMXML__INTERNAL void domxml__teaming_forget(domxml_node *device);

#endif /* DOMXML_TEAMING_H */
