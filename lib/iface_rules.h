/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* iface_rules.c: libvirt's rules across an <interface>'s children. */
#ifndef DOMXML_IFACE_RULES_H
#define DOMXML_IFACE_RULES_H

#include "diag.h"

DOMXML__INTERNAL int domxml__interface_check(domxml__diag *d, const void *obj,
                                             const void *parent);

#endif /* DOMXML_IFACE_RULES_H */
