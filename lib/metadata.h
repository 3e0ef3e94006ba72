/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* metadata.c: a <domain>'s <metadata> written the way libvirt writes it. */
#ifndef DOMXML_METADATA_H
#define DOMXML_METADATA_H

#include "buf.h"

/* Whether n, a child of a <domain> root, is its <metadata>. */
DOMXML__INTERNAL bool domxml__is_metadata(const domxml_node *n);

/* Write the <metadata> element n, found at `depth`, in the style of
 * libxml2's serialiser (which libvirt uses for it), its start tag already
 * indented by the caller. Every node is checked on the way (checks.c);
 * a failed check stops the output. */
DOMXML__INTERNAL void domxml__format_metadata(domxml__buf *b, const domxml_node *n,
                                              unsigned depth);

struct domxml__diags;

/* Warn about what libvirt drops from a <domain>'s <metadata> (we keep it):
 * top-level content that is not an element in a namespace, and every
 * element after the first of each namespace. */
DOMXML__INTERNAL void domxml__validate_metadata(const domxml_domain *dom,
                                                struct domxml__diags *ds);

#endif /* DOMXML_METADATA_H */
