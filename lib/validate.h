/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* validate.c: rules across devices, and where validation collects problems. */
#ifndef DOMXML_VALIDATE_H
#define DOMXML_VALIDATE_H

#include "common.h"

struct domxml__diags;

/* Add one diagnostic (rules.c). Out of memory is remembered there. */
DOMXML__INTERNAL void domxml__diags_add(struct domxml__diags *ds, domxml_severity severity,
                                        domxml_error_code kind, const char *id,
                                        unsigned long line, unsigned long column,
                                        const char *path, const char *message);

/* Validation ran out of memory. */
DOMXML__INTERNAL void domxml__diags_nomem(struct domxml__diags *ds);

/* The rules that span devices: teaming partners and MACs, aliases, guest
 * PCI addresses. Each problem goes to ds. */
DOMXML__INTERNAL void domxml__validate_devices(const domxml_domain *dom,
                                               struct domxml__diags *ds);

#endif /* DOMXML_VALIDATE_H */
