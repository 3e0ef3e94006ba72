/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* format.c: the model to bytes, in libvirt's style. */
#ifndef DOMXML_FORMAT_H
#define DOMXML_FORMAT_H

#include "buf.h"

/* Write the document (declaration, prolog, root, epilog) into b, checking
 * every node and element on the way (checks.c). false: a check failed and
 * the output is incomplete; domxml__check_domain() tells why. */
DOMXML__INTERNAL bool domxml__format_domain(domxml__buf *b, const domxml_domain *dom);

#endif /* DOMXML_FORMAT_H */
