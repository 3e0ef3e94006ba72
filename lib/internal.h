/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Internal interfaces of libdomxml. Every internal symbol is prefixed
 * domxml__ so the sources can be concatenated into one file.
 */
#ifndef DOMXML_INTERNAL_H
#define DOMXML_INTERNAL_H

#include <assert.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "domxml.h"

#define DOMXML__INTERNAL __attribute__((visibility("hidden")))

#if defined(__GNUC__)
#define DOMXML__PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DOMXML__PRINTF(a, b)
#endif

/* Limits shared by the parser and the formatter. The formatter recurses
 * once per level, so no document may be deeper than DOMXML__MAX_DEPTH. */
enum {
    DOMXML__DEFAULT_DEPTH = 256,
    DOMXML__MAX_DEPTH = 1024,
    DOMXML__INDENT_LEVELS = 32 /* deeper levels are indented like level 32 */
};
#define DOMXML__DEFAULT_MAX_SIZE ((size_t)64 << 20)
#define DOMXML__DEFAULT_MAX_MEMORY ((size_t)512 << 20)

/* ------------------------------------------------------------------ */
/* arena.c: every object of a document lives in its arena.            */

struct domxml__chunk;

typedef struct domxml__arena {
    domxml_memory mem;
    struct domxml__chunk *head;
    char *cur;
    size_t left;
    size_t next_size;
    size_t used;  /* bytes taken from the allocator */
    size_t limit; /* 0: none; past it allocations fail and `over` is set */
    bool over;
} domxml__arena;

struct domxml__doc {
    domxml_domain dom; /* first: a domxml_domain * is a domxml__doc * */
    domxml__arena arena;
};

DOMXML__INTERNAL void domxml__memory_default(domxml_memory *out, const domxml_memory *in);
DOMXML__INTERNAL void domxml__arena_init(domxml__arena *a, const domxml_memory *mem);
DOMXML__INTERNAL void domxml__arena_free(domxml__arena *a);
/* Zeroed, aligned for any object; NULL when out of memory. */
DOMXML__INTERNAL void *domxml__alloc(domxml__arena *a, size_t size);
DOMXML__INTERNAL char *domxml__strndup(domxml__arena *a, const char *s, size_t n);
DOMXML__INTERNAL domxml__arena *domxml__arena_of(domxml_domain *dom);

/* ------------------------------------------------------------------ */
/* buf.c: growable output buffer; OOM is sticky and checked at the end. */

typedef struct domxml__buf {
    const domxml_memory *mem;
    char *data;
    size_t len, cap;
    bool oom;
    bool pretty; /* false inside mixed content: no indentation or newlines */
    /* The first value that cannot be written (hand-built documents only):
     * an enum field outside its enum, or a comment/PI that would end early. */
    const char *bad_attr;
    const char *bad_elem;
    const char *bad_node;
    bool in_typed; /* writing a node kept among a modelled element's children */
} domxml__buf;

DOMXML__INTERNAL void domxml__buf_add_slow(domxml__buf *b, const char *s, size_t n);
/* The formatter's hot path: a bounds check and a copy, inlined. */
static inline void domxml__buf_add(domxml__buf *b, const char *s, size_t n)
{
    if (b->cap - b->len > n) {
        memcpy(b->data + b->len, s, n);
        b->len += n;
        b->data[b->len] = '\0';
        return;
    }
    domxml__buf_add_slow(b, s, n);
}
/* A number in one of the domxml__fmt styles (defined below). */
DOMXML__INTERNAL void domxml__buf_number(domxml__buf *b, unsigned long long v, unsigned fmt);
DOMXML__INTERNAL void domxml__buf_puts(domxml__buf *b, const char *s);
DOMXML__INTERNAL void domxml__buf_indent(domxml__buf *b, unsigned depth);
DOMXML__INTERNAL void domxml__buf_newline(domxml__buf *b);
/* Escape for an attribute value ('...') or text content. */
DOMXML__INTERNAL void domxml__buf_escape_attr(domxml__buf *b, const char *s);
DOMXML__INTERNAL void domxml__buf_escape_text(domxml__buf *b, const char *s);
/* Write " name='escaped value'". */
DOMXML__INTERNAL void domxml__buf_attr(domxml__buf *b, const char *name, const char *value);

/* ------------------------------------------------------------------ */
/* error.c */

DOMXML__INTERNAL void domxml__error_set(domxml_error *err, domxml_error_code code,
                                        const char *fmt, ...) DOMXML__PRINTF(3, 4);
DOMXML__INTERNAL void domxml__error_vset(domxml_error *err, domxml_error_code code,
                                         const char *fmt, va_list ap);
DOMXML__INTERNAL void domxml__error_clear(domxml_error *err, const char *source);

/* ------------------------------------------------------------------ */
/* enums.c: one string table per enum drives parse, format and the API. */

typedef struct domxml__enum {
    const char *const *names; /* names[0] is NULL: the "absent" value */
    unsigned count;           /* the enum's _LAST value */
    bool icase;               /* match names case-insensitively */
} domxml__enum;

#define DOMXML__ENUM_TABLE(ident, last, ...)                                   \
    static const char *const ident##_names[] = {NULL, __VA_ARGS__};           \
    static_assert(sizeof(ident##_names) / sizeof(ident##_names[0]) == (last),  \
                  #ident ": string table does not match its enum");            \
    const domxml__enum ident = {ident##_names, (last), false}

DOMXML__INTERNAL int domxml__enum_lookup(const domxml__enum *e, const char *s);
DOMXML__INTERNAL const char *domxml__enum_name(const domxml__enum *e, int v);
/* "a, b or c": the accepted values, for error messages. */
DOMXML__INTERNAL void domxml__enum_list(const domxml__enum *e, char *out, size_t size);

extern DOMXML__INTERNAL const domxml__enum domxml__tristate_bool_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__tristate_switch_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__trunk_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__interface_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__mac_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__direct_mode_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__socket_mode_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__socket_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__vlan_native_mode_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__virtualport_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__nic_model_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__net_driver_name_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__net_txmode_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__net_backend_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__port_forward_proto_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__link_state_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__ip_family_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__address_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__teaming_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__hostdev_mode_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__hostdev_type_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__hostdev_backend_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__hostdev_sgio_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__hostdev_model_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__usb_startup_policy_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__usb_guest_reset_enum;
extern DOMXML__INTERNAL const domxml__enum domxml__scsi_protocol_enum;

/* ------------------------------------------------------------------ */
/* Descriptor tables: one row per attribute or child,                    */
/* read by both the parser (parse.c) and the formatter (format.c).       */

struct domxml__pctx;

typedef enum domxml__kind {
    DOMXML__K_NONE = 0,
    DOMXML__K_STR,    /* const char * */
    DOMXML__K_ENUM,   /* int-sized enum, 0 = absent; table in .etab */
    DOMXML__K_UINT,   /* domxml_uint */
    DOMXML__K_ULLONG, /* domxml_ullong */
    DOMXML__K_INT,    /* domxml_int */
    DOMXML__K_UUID,   /* const char *, checked, written lower-case dashed */
    DOMXML__K_HOOK    /* .parse/.format below */
} domxml__kind;

/* Output formats of numbers. */
typedef enum domxml__fmt {
    DOMXML__F_DEC = 0, /* %u / %llu / %d */
    DOMXML__F_HEX,     /* 0x%x */
    DOMXML__F_HEX2,    /* 0x%02x */
    DOMXML__F_HEX4,    /* 0x%04x */
    DOMXML__F_HEX8,    /* 0x%08x */
    DOMXML__F_HEXDEC   /* 0x%d: libvirt's PCI function */
} domxml__fmt;

enum {
    DOMXML__A_REQUIRED = 1u << 0, /* missing -> DOMXML_ERR_MISSING */
    DOMXML__A_NONZERO = 1u << 1   /* 0 -> DOMXML_ERR_RANGE */
};

typedef struct domxml__attr {
    const char *name;
    uint16_t off;   /* offset of the field in the element's struct */
    uint8_t kind;   /* domxml__kind */
    uint8_t base;   /* numbers: 10, 16, or 0 = auto (0x hex, 0 octal) */
    uint8_t fmt;    /* domxml__fmt */
    uint8_t flags;  /* DOMXML__A_* */
    const domxml__enum *etab;
    long long min;  /* K_INT lower bound */
    unsigned long long max; /* numbers: upper bound, 0 = the type's */
    /* K_HOOK: parse sets the field from `value`; format writes
     * " name='...'" when set; is_set reports presence. */
    int (*parse)(struct domxml__pctx *pc, void *obj, const char *value);
    void (*format)(domxml__buf *b, const void *obj);
    bool (*is_set)(const void *obj);
} domxml__attr;

struct domxml__elem;

typedef enum domxml__how {
    DOMXML__C_EMBED = 0, /* a struct inside the parent, allowed once */
    DOMXML__C_LIST       /* a linked list head (struct's first field: next) */
} domxml__how;

typedef struct domxml__child {
    const struct domxml__elem *elem;
    uint16_t off; /* offset of the struct (EMBED) or list head (LIST) */
    uint8_t how;  /* domxml__how */
    /* NULL = always; else this row applies only when it returns true
     * (e.g. <driver> before <source> only for type='hostdev'). */
    bool (*applies)(const void *parent);
} domxml__child;

typedef struct domxml__elem {
    const char *name;
    size_t size;           /* struct size (list items are allocated) */
    uint16_t extra_off;  /* offset of the domxml_extra */
    uint16_t presence_off; /* bool set when the element appears; 0: none */
    uint8_t text_kind;     /* K_NONE, K_STR, K_UINT, K_ULLONG */
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
    /* Checks across fields once the element is complete; 0 or -1. */
    int (*check)(struct domxml__pctx *pc, void *obj, const void *parent);
} domxml__elem;

#define DOMXML__N(a) (sizeof(a) / sizeof((a)[0]))

/* Row constructors, so tables read as one line per attribute. */
#define DOMXML__STR(nm, type, field, fl)                                       \
    { .name = nm, .off = offsetof(type, field), .kind = DOMXML__K_STR, .flags = fl }
#define DOMXML__ENUMA(nm, type, field, table, fl)                              \
    { .name = nm, .off = offsetof(type, field), .kind = DOMXML__K_ENUM,          \
      .etab = &(table), .flags = fl }
#define DOMXML__UINT(nm, type, field, b, f, mx, fl)                           \
    { .name = nm, .off = offsetof(type, field), .kind = DOMXML__K_UINT,          \
      .base = b, .fmt = f, .max = mx, .flags = fl }
#define DOMXML__ULLONG(nm, type, field, b, f, fl)                              \
    { .name = nm, .off = offsetof(type, field), .kind = DOMXML__K_ULLONG,        \
      .base = b, .fmt = f, .flags = fl }
#define DOMXML__INT(nm, type, field, mn, mx, fl)                              \
    { .name = nm, .off = offsetof(type, field), .kind = DOMXML__K_INT,           \
      .base = 10, .min = mn, .max = mx, .flags = fl }
#define DOMXML__UUIDA(nm, type, field, fl)                                     \
    { .name = nm, .off = offsetof(type, field), .kind = DOMXML__K_UUID, .flags = fl }
#define DOMXML__EMBED(desc, type, field)                                      \
    { .elem = &(desc), .off = offsetof(type, field), .how = DOMXML__C_EMBED }
#define DOMXML__EMBED_IF(desc, type, field, cond)                             \
    { .elem = &(desc), .off = offsetof(type, field), .how = DOMXML__C_EMBED,     \
      .applies = cond }
#define DOMXML__LIST(desc, type, field)                                       \
    { .elem = &(desc), .off = offsetof(type, field), .how = DOMXML__C_LIST }

/* Element descriptors of the device families. */
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
extern DOMXML__INTERNAL const domxml__elem domxml__net_driver_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__backend_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__filterref_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__tune_elem;
extern DOMXML__INTERNAL const domxml__elem domxml__coalesce_elem;

/* The device-info rows (boot, alias, rom, acpi, address) for a struct
 * whose domxml_device_info sits at `info_off`. */
#define DOMXML__DEVICE_INFO_KIDS(type, info)                                   \
    DOMXML__EMBED(domxml__boot_elem, type, info.boot),                         \
    DOMXML__EMBED(domxml__alias_elem, type, info.alias),                       \
    DOMXML__EMBED(domxml__master_elem, type, info.master),                     \
    DOMXML__EMBED(domxml__rom_elem, type, info.rom),                           \
    DOMXML__EMBED(domxml__acpi_elem, type, info.acpi),                         \
    DOMXML__EMBED(domxml__address_elem, type, info.address)

/* ------------------------------------------------------------------ */
/* values.c: attribute value syntaxes.                                   */

DOMXML__INTERNAL bool domxml__parse_ullong(const char *s, unsigned base,
                                           unsigned long long *out);
DOMXML__INTERNAL bool domxml__parse_mac(const char *s, unsigned char mac[6]);
/* Canonical lower-case dashed form into out[37]; false if not a UUID. */
DOMXML__INTERNAL bool domxml__parse_uuid(const char *s, char out[37]);
DOMXML__INTERNAL bool domxml__is_ws(const char *s, size_t n);
DOMXML__INTERNAL bool domxml__attr_is_set(const domxml__attr *a, const void *obj);

/* ------------------------------------------------------------------ */
/* parse.c helpers available to element hooks.                           */

/* Fail the parse at the current element: fills the error (first wins),
 * stops expat, returns -1. */
DOMXML__INTERNAL int domxml__fail(struct domxml__pctx *pc, domxml_error_code code,
                                  const char *fmt, ...) DOMXML__PRINTF(3, 4);
/* The same, positioned at a child element of the current one: `at` is the
 * child's extra (its start tag), `rel` its path below the current element. */
DOMXML__INTERNAL int domxml__fail_at(struct domxml__pctx *pc, domxml_error_code code,
                                     const domxml_extra *at, const char *rel,
                                     const char *fmt, ...) DOMXML__PRINTF(5, 6);
DOMXML__INTERNAL char *domxml__pstrdup(struct domxml__pctx *pc, const char *s);

/* ------------------------------------------------------------------ */
/* format.c */

DOMXML__INTERNAL void domxml__format_node(domxml__buf *b, const domxml_node *n,
                                          unsigned depth);
DOMXML__INTERNAL void domxml__format_elem(domxml__buf *b, const domxml__elem *d,
                                          const void *obj, const void *parent,
                                          unsigned depth);

/* iface_rules.c: rules across an <interface>'s children. */
DOMXML__INTERNAL int domxml__interface_check(struct domxml__pctx *pc, void *obj,
                                             const void *parent);

/* ip.c: check an IP address field, rewrite it in canonical text. */
DOMXML__INTERNAL domxml_ip_family domxml__ip_canon(struct domxml__pctx *pc, const char **field);

/* teaming.c */
DOMXML__INTERNAL int domxml__teaming_link(domxml_domain *dom, domxml_error *err);

#define DOMXML__FIELD(obj, off, type) ((type *)((char *)(obj) + (off)))
#define DOMXML__CFIELD(obj, off, type) ((const type *)((const char *)(obj) + (off)))

#endif /* DOMXML_INTERNAL_H */
