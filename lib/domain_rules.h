/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* domain_rules.c: libvirt's rules on interfaces and host devices that read
 * other devices or the rest of the domain (validation only). */
#ifndef DOMXML_DOMAIN_RULES_H
#define DOMXML_DOMAIN_RULES_H

#include "common.h"

struct domxml__diags;

/* vhost-user and shared memory, mdev display and <graphics>, one ramfb,
 * each host PCI device once; for libvirt_version (0: the newest), the
 * syntax that release lacks. Each problem goes to ds. */
DOMXML__INTERNAL void domxml__validate_domain_rules(const domxml_domain *dom,
                                                    unsigned long libvirt_version,
                                                    struct domxml__diags *ds);

#endif /* DOMXML_DOMAIN_RULES_H */
