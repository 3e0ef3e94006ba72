/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Descriptor tables: one row per attribute or child of a modelled element,
 * read by the parser (parse.c), the formatter (format.c) and the rule walk
 * (rules.c), so the three cannot disagree on names, order or syntax.
 */
#ifndef DOMXML_DESC_H
#define DOMXML_DESC_H

#include "buf.h"
#include "diag.h"
#include "enums.h"

struct domxml__pctx;

typedef enum domxml__kind {
    DOMXML__K_NONE = 0,
    DOMXML__K_STR,    /* const char * */
    DOMXML__K_ENUM,   /* int-sized enum, 0 = absent; table in .etab */
    DOMXML__K_UINT,   /* domxml_uint */
    DOMXML__K_ULLONG, /* domxml_ullong */
    DOMXML__K_INT,    /* domxml_int */
    DOMXML__K_UUID,   /* const char *, checked, written lower-case dashed */
    DOMXML__K_HOOK    /* .parse/.format/.is_set below */
} domxml__kind;

enum {
    DOMXML__A_REQUIRED = 1u << 0, /* missing -> DOMXML_ERR_MISSING */
    DOMXML__A_NONZERO = 1u << 1   /* 0 -> DOMXML_ERR_RANGE */
};

typedef struct domxml__attr {
    const char *name;
    const char *lead; /* " name='", written before the value */
    uint8_t lead_len;
    uint16_t off;   /* offset of the field in the element's struct */
    uint8_t kind;   /* domxml__kind */
    uint8_t base;   /* numbers: 10, 16, or 0 = auto (0x hex, 0 octal) */
    uint8_t fmt;    /* domxml__fmt */
    uint8_t flags;  /* DOMXML__A_* */
    const domxml__enum *etab;
    long long min;  /* K_INT lower bound */
    unsigned long long max; /* numbers: upper bound, 0 = the type's */
    /* K_HOOK: parse sets the field from `value`; format writes
     * " name='...'" when set; is_set reports presence. Rules on the value
     * itself live in the element's check, so they run on any tree. */
    int (*parse)(struct domxml__pctx *pc, void *obj, const char *value);
    void (*format)(domxml__buf *b, const void *obj);
    bool (*is_set)(const void *obj);
} domxml__attr;

struct domxml__elem;

typedef enum domxml__how {
    DOMXML__C_PTR = 0, /* a pointer to the child's struct, NULL when absent; once */
    DOMXML__C_LIST     /* a linked list head (the struct's first field: next) */
} domxml__how;

/* A group of rare children behind one pointer of the parent (e.g.
 * domxml_interface_more), allocated with the first of them. */
typedef struct domxml__group {
    uint16_t off; /* offset of the group pointer in the parent */
    uint16_t size;
} domxml__group;

typedef struct domxml__child {
    const struct domxml__elem *elem;
    uint16_t off; /* offset of the pointer (PTR) or list head (LIST), in the
                     parent or, with `group`, in the group */
    uint8_t how;  /* domxml__how */
    const domxml__group *group; /* NULL: the slot is in the parent itself */
    /* NULL = always; else this row applies only when it returns true
     * (e.g. <driver> before <source> only for type='hostdev'). */
    bool (*applies)(const void *parent);
} domxml__child;

typedef struct domxml__elem {
    const char *name;
    const char *open, *close; /* "<name" and "</name>" */
    uint8_t open_len, close_len;
    size_t size;       /* struct size, allocated when the element appears */
    uint16_t meta_off; /* offset of the domxml_meta */
    uint8_t text_kind; /* K_NONE, K_STR, K_UINT, K_ULLONG */
    uint16_t text_off;
    const domxml__attr *attrs;
    unsigned n_attrs;
    const domxml__child *kids;
    unsigned n_kids;
    /* Variant choice: the descriptor that fully describes obj, chosen by
     * its discriminating attribute (parsed with this table first) or by
     * the parent. The refined table replaces this one entirely: its
     * attributes, children and check apply, not these. NULL: this table
     * is complete. */
    const struct domxml__elem *(*refine)(const void *obj, const void *parent);
    /* Parse only, once the element is complete: rewrite values to their
     * canonical spelling (IP text, upper-case loadparm). 0 or -1. */
    int (*normalize)(struct domxml__pctx *pc, void *obj);
    /* Rules across fields, on any tree (parsing runs them at the end tag,
     * domxml_domain_check() on every element): 0, or -1 after reporting. */
    int (*check)(domxml__diag *d, const void *obj, const void *parent);
} domxml__elem;

/* Child rows one descriptor may have: the parser tracks them in a bit set. */
enum { DOMXML__MAX_KIDS = 48 };

/* One element-descriptor constructor: the name and struct, then any of
 * DOMXML__ATTRS(), DOMXML__KIDS(), .refine, .normalize, .check, .text_*. */
#define DOMXML__ELEM(nm, type, ...)                                            \
    { .name = nm, .open = "<" nm, .close = "</" nm ">", .open_len = sizeof("<" nm) - 1,      \
      .close_len = sizeof("</" nm ">") - 1, .size = sizeof(type),                  \
      .meta_off = offsetof(type, meta), __VA_ARGS__ }
/* The name of an attribute row and the text written before its value. */
#define DOMXML__NAME(nm) .name = nm, .lead = " " nm "='", .lead_len = sizeof(" " nm "='") - 1
#define DOMXML__ATTRS(a) .attrs = (a), .n_attrs = DOMXML__N(a)
/* The row count is checked against DOMXML__MAX_KIDS at compile time. */
#define DOMXML__KIDS(k)                                                        \
    .kids = (k),                                                               \
    .n_kids = DOMXML__N(k) + 0 * sizeof(char[DOMXML__N(k) <= DOMXML__MAX_KIDS ? 1 : -1])

/* Row constructors, so tables read as one line per attribute. */
#define DOMXML__STR(nm, type, field, fl)                                       \
    { DOMXML__NAME(nm), .off = offsetof(type, field), .kind = DOMXML__K_STR, .flags = fl }
#define DOMXML__ENUMA(nm, type, field, table, fl)                              \
    { DOMXML__NAME(nm), .off = offsetof(type, field), .kind = DOMXML__K_ENUM,          \
      .etab = &(table), .flags = fl }
#define DOMXML__UINT(nm, type, field, b, f, mx, fl)                           \
    { DOMXML__NAME(nm), .off = offsetof(type, field), .kind = DOMXML__K_UINT,          \
      .base = b, .fmt = f, .max = mx, .flags = fl }
#define DOMXML__ULLONG(nm, type, field, b, f, fl)                              \
    { DOMXML__NAME(nm), .off = offsetof(type, field), .kind = DOMXML__K_ULLONG,        \
      .base = b, .fmt = f, .flags = fl }
#define DOMXML__INT(nm, type, field, mn, mx, fl)                              \
    { DOMXML__NAME(nm), .off = offsetof(type, field), .kind = DOMXML__K_INT,           \
      .base = 10, .min = mn, .max = mx, .flags = fl }
#define DOMXML__UUIDA(nm, type, field, fl)                                     \
    { DOMXML__NAME(nm), .off = offsetof(type, field), .kind = DOMXML__K_UUID, .flags = fl }
#define DOMXML__PTR(desc, type, field)                                        \
    { .elem = &(desc), .off = offsetof(type, field), .how = DOMXML__C_PTR }
#define DOMXML__PTR_IF(desc, type, field, cond)                               \
    { .elem = &(desc), .off = offsetof(type, field), .how = DOMXML__C_PTR,       \
      .applies = cond }
#define DOMXML__LIST(desc, type, field)                                       \
    { .elem = &(desc), .off = offsetof(type, field), .how = DOMXML__C_LIST }
/* The same for a slot in a group (gtype) described by `grp`. */
#define DOMXML__PTR_IN(desc, grp, gtype, field)                                \
    { .elem = &(desc), .off = offsetof(gtype, field), .how = DOMXML__C_PTR, .group = &(grp) }
#define DOMXML__LIST_IN(desc, grp, gtype, field)                               \
    { .elem = &(desc), .off = offsetof(gtype, field), .how = DOMXML__C_LIST, .group = &(grp) }

/* Where row's pointer or list head lives in obj; NULL when it is in a
 * group that obj has not allocated (the child is absent). */
static inline void **domxml__kid_slot(const domxml__child *row, const void *obj)
{
    char *base = (char *)(uintptr_t)obj;

    if (row->group && !(base = *(char **)(void *)(base + row->group->off)))
        return NULL;
    return (void **)(void *)(base + row->off);
}

/* The child (PTR) or first list item (LIST) of row in obj, or NULL. */
static inline const void *domxml__kid(const domxml__child *row, const void *obj)
{
    void **slot = domxml__kid_slot(row, obj);

    return slot ? *slot : NULL;
}

/* Element descriptors shared across families. */
extern DOMXML__INTERNAL const domxml__elem domxml__interface_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__hostdev_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__address_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__boot_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__alias_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__master_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__rom_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__acpi_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__teaming_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__ip_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__route_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__hostdev_driver_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__hostdev_source_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__iface_hostdev_source_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__iface_source_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__vlan_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__virtualport_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__bandwidth_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__port_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__port_forward_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__filterref_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__net_driver_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__backend_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__tune_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__coalesce_elem;

/* The device-info rows (boot, alias, master, rom, acpi, address) for a
 * struct whose domxml_device_info is the field `info`. */
#define DOMXML__DEVICE_INFO_KIDS(type, info)                                   \
    DOMXML__PTR(domxml__boot_elem, type, info.boot),                           \
    DOMXML__PTR(domxml__alias_elem, type, info.alias),                         \
    DOMXML__PTR(domxml__master_elem, type, info.master),                       \
    DOMXML__PTR(domxml__rom_elem, type, info.rom),                             \
    DOMXML__PTR(domxml__acpi_elem, type, info.acpi),                           \
    DOMXML__PTR(domxml__address_elem, type, info.address)

/* Is attribute row `a` set in obj? (presence, one rule per kind) */
DOMXML__INTERNAL bool domxml__attr_is_set(const domxml__attr *a, const void *obj);
/* Does a text element hold its text? */
DOMXML__INTERNAL bool domxml__text_is_set(const domxml__elem *d, const void *obj);

#endif /* DOMXML_DESC_H */
