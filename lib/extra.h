/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* extra.c: unknown content of modelled elements, kept out of line. */
#ifndef DOMXML_EXTRA_H
#define DOMXML_EXTRA_H

#include "arena.h"

/* A table of the document keyed by meta address (extras, positions). */
DOMXML__INTERNAL void *domxml__map_get(const domxml__extra_map *map, const domxml_meta *m);
DOMXML__INTERNAL int domxml__map_put(struct domxml__doc *doc, domxml__extra_map *map,
                                     const domxml_meta *m, void *value);

/* The extra of the element whose meta is m, or NULL. */
DOMXML__INTERNAL domxml_extra *domxml__extra_get(const struct domxml__doc *doc,
                                                 const domxml_meta *m);
/* Set (or with x NULL, clear) it; 0, or -1 out of memory. */
DOMXML__INTERNAL int domxml__extra_put(struct domxml__doc *doc, const domxml_meta *m,
                                       domxml_extra *x);

#endif /* DOMXML_EXTRA_H */
