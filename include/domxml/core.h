/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libdomxml core types: export macro, allocator hooks, error struct, optional
 * values, generic nodes for content the library does not model.
 * Everything declared in the domxml headers exists since 0.1 unless a
 * declaration says otherwise.
 */
#ifndef DOMXML_CORE_H
#define DOMXML_CORE_H

#include <stdbool.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(DOMXML_BUILDING) && defined(__GNUC__)
#define DOMXML_API __attribute__((visibility("default")))
#else
#define DOMXML_API
#endif

/**
 * Allocator hooks, the same shape as expat's XML_Memory_Handling_Suite so
 * they are forwarded to expat unchanged. Given per call (never global); a
 * document remembers the hooks it was created with and frees with them.
 * A NULL domxml_memory pointer means malloc/realloc/free.
 * Since 0.1.
 */
typedef struct domxml_memory {
    void *(*malloc_fcn)(size_t size);
    void *(*realloc_fcn)(void *ptr, size_t size);
    void (*free_fcn)(void *ptr);
} domxml_memory;

/**
 * Error codes. Values are only ever appended, never renumbered.
 * Since 0.1.
 */
typedef enum domxml_error_code {
    DOMXML_OK = 0,
    DOMXML_ERR_NOMEM,       /* an allocation failed */
    DOMXML_ERR_IO,          /* a file could not be read */
    DOMXML_ERR_XML,         /* not well-formed XML (expat's verdict) */
    DOMXML_ERR_FORBIDDEN,   /* DTD, entity declaration: refused on untrusted input */
    DOMXML_ERR_LIMIT,       /* input size, nesting depth or count limit exceeded */
    DOMXML_ERR_MISSING,     /* a required attribute or element is absent */
    DOMXML_ERR_VALUE,       /* a value has the wrong syntax or is not in its enum */
    DOMXML_ERR_RANGE,       /* a number is out of its range */
    DOMXML_ERR_DUPLICATE,   /* an element allowed once appears twice */
    DOMXML_ERR_CONTENT,     /* text or element where none is allowed */
    DOMXML_ERR_TEAMING,     /* a <teaming> pair does not resolve */
    DOMXML_ERR_INVALID_ARG, /* a NULL or inconsistent argument to an API call */
    DOMXML_ERR_UNSUPPORTED, /* valid XML that the called function cannot handle */
    DOMXML_ERR_LAST
} domxml_error_code;

/**
 * The first error of a call. Fixed-size, so filling it never allocates.
 * line/column are 1-based and point at the start tag of the element at
 * fault (for malformed XML: where expat stopped); 0 when the error has no
 * input position (e.g. NOMEM while formatting). column counts characters,
 * as expat does. offset is the byte offset where parsing stopped.
 * path reads like "/domain/devices/interface[2]/mac"; [N] appears when the
 * element has same-named siblings before it.
 * Since 0.1.
 */
typedef struct domxml_error {
    domxml_error_code code;
    unsigned long line;
    unsigned long column;
    unsigned long long offset; /* byte offset where parsing stopped, from 0 */
    char source[256];          /* file name given by the caller, or "" */
    char path[512];
    char message[384];
    /* The whole length of the source name and of the path. A value longer
     * than its array is kept shortened around an explicit "...": the
     * source keeps its end (the file's own name), the path its start and
     * end ("/domain/devices/.../mac"), the message its start; a cut never
     * splits a UTF-8 sequence. Since 0.2. */
    size_t source_len;
    size_t path_len;
} domxml_error;

/* How bad a diagnostic is: an error makes a document invalid, a warning
 * flags what is kept but is probably a mistake. Since 0.2. */
typedef enum domxml_severity {
    DOMXML_SEVERITY_ERROR = 0,
    DOMXML_SEVERITY_WARNING,
    DOMXML_SEVERITY_LAST
} domxml_severity;

/** Static English text for a code; never NULL. Since 0.1. */
DOMXML_API const char *domxml_strerror(domxml_error_code code);

/* yes/no attribute; ABSENT when the attribute is not there. Since 0.1. */
typedef enum domxml_tristate_bool {
    DOMXML_TRISTATE_BOOL_ABSENT = 0,
    DOMXML_TRISTATE_BOOL_YES,
    DOMXML_TRISTATE_BOOL_NO,
    DOMXML_TRISTATE_BOOL_LAST
} domxml_tristate_bool;

/* on/off attribute; ABSENT when the attribute is not there. Since 0.1. */
typedef enum domxml_tristate_switch {
    DOMXML_TRISTATE_SWITCH_ABSENT = 0,
    DOMXML_TRISTATE_SWITCH_ON,
    DOMXML_TRISTATE_SWITCH_OFF,
    DOMXML_TRISTATE_SWITCH_LAST
} domxml_tristate_switch;

/*
 * Optional numbers: `set` tells presence, so 0 stays distinct from absent
 * and a round trip neither drops nor invents a value. Since 0.1.
 */
typedef struct domxml_uint {
    unsigned int value;
    bool set;
} domxml_uint;

typedef struct domxml_ullong {
    unsigned long long value;
    bool set;
} domxml_ullong;

typedef struct domxml_int {
    int value;
    bool set;
} domxml_int;

/*
 * Generic XML kept verbatim: everything outside the modelled devices, and
 * unknown attributes/children inside them. Names and values are UTF-8,
 * unescaped.
 */
typedef struct domxml_attr {
    struct domxml_attr *next;
    const char *name;
    const char *value;
} domxml_attr;

/* An unknown attribute of a modelled element, kept with its place: written
 * after the known attribute numbered `anchor` (1-based in the element's
 * output order; 0 = before all). Since 0.2. */
typedef struct domxml_extra_attr {
    struct domxml_extra_attr *next;
    const char *name;
    const char *value;
    unsigned int anchor;
} domxml_extra_attr;

typedef enum domxml_node_kind {
    DOMXML_NODE_ELEMENT = 0, /* generic element: name, attrs, children */
    DOMXML_NODE_TEXT,        /* character data; see DOMXML_LAYOUT_CDATA */
    DOMXML_NODE_COMMENT,     /* text is the comment body */
    DOMXML_NODE_PI,          /* name is the target, text the data */
    DOMXML_NODE_INTERFACE,   /* a modelled <interface>: see `interface` */
    DOMXML_NODE_HOSTDEV,     /* a modelled <hostdev>: see `hostdev` */
    DOMXML_NODE_KIND_LAST
} domxml_node_kind;

struct domxml_interface;
struct domxml_hostdev;

/*
 * A node of the document tree. Generic kinds carry name/text/attrs/children;
 * a modelled device carries its struct. Nodes belong to their domain.
 * Since 0.1; line/column are unsigned int since 0.2.
 */
typedef struct domxml_node {
    struct domxml_node *next;       /* next sibling, NULL at the end */
    domxml_node_kind kind;
    /* Unknown child of a modelled element: the known-child slot after
     * which it is written (0 = first). Unused elsewhere. */
    unsigned short anchor;
    /* Layout the parser kept as flags instead of white-space text nodes:
     * DOMXML_LAYOUT_*; 0 for hand-built nodes. Since 0.2. */
    unsigned short layout;
    const char *name;               /* ELEMENT tag name, PI target */
    const char *text;               /* TEXT, COMMENT, PI data */
    struct domxml_attr *attrs;      /* ELEMENT attributes in input order */
    struct domxml_node *children;   /* ELEMENT children in input order */
    union { /* the struct of a modelled device, by kind */
        struct domxml_interface *interface; /* INTERFACE only */
        struct domxml_hostdev *hostdev;     /* HOSTDEV only */
    };
    unsigned int line, column;      /* start in the input; 0 if built by hand */
} domxml_node;

/*
 * Indentation exactly as the formatter writes it ("\n" and two spaces per
 * level) is not kept as text nodes: these flags say where it stood, so that
 * content whose white space matters (mixed or text-only) is written back
 * unchanged. Since 0.2.
 */
enum {
    DOMXML_LAYOUT_WS_BEFORE = 1u << 0,     /* indentation of this node precedes it */
    DOMXML_LAYOUT_WS_BEFORE_END = 1u << 1, /* the end tag's indentation precedes it */
    /* A TEXT node inside a <domain>'s <metadata> that was a CDATA section,
     * and is written as one there (libvirt keeps metadata as read);
     * elsewhere text is written escaped, as libvirt writes it. Since 0.2. */
    DOMXML_LAYOUT_CDATA = 1u << 2
};

/*
 * Unknown attributes and children of a modelled element, kept for output,
 * each at its anchor. Allocated only for elements that have some.
 * Since 0.2.
 */
typedef struct domxml_extra {
    struct domxml_extra_attr *attrs;
    struct domxml_node *children;
} domxml_extra;

/*
 * The head of every modelled element struct. A modelled element is present
 * when the pointer to its struct is not NULL; the struct itself only says
 * what the element holds. Unknown content kept for the element lives out of
 * line, keyed by the address of this meta: domxml_meta_extra() reads it,
 * domxml_meta_set_extra() sets it (so a copied struct does not take it
 * along). Since 0.2.
 */
typedef struct domxml_meta {
    unsigned int line, column; /* start tag in the input; 0 if built by hand */
} domxml_meta;

#ifdef __cplusplus
}
#endif
#endif /* DOMXML_CORE_H */
