/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libdomxml: read, check and write libvirt domain XML.
 *
 * A document parses into a domxml_domain: a tree of generic nodes (kept
 * verbatim) in which every <interface> and <hostdev> of <devices> is a
 * modelled struct (domxml/interface.h, domxml/hostdev.h). Formatting writes
 * libvirt's canonical style; what the library does not model is written back
 * unchanged, at its place.
 *
 * Ownership: everything reachable from a domxml_domain belongs to it and is
 * released by domxml_domain_free(). Strings returned by domxml_format() are
 * the caller's, freed with domxml_string_free(). No function takes ownership
 * of its arguments. Every *_free accepts NULL.
 *
 * Threads: no global mutable state; distinct domains may be used from
 * distinct threads at once.
 */
#ifndef DOMXML_H
#define DOMXML_H

#include <domxml/version.h>
#include <domxml/core.h>
#include <domxml/device.h>
#include <domxml/hostdev.h>
#include <domxml/interface.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Runtime version, DOMXML_VERSION_HEX of the library linked. Since 0.1. */
DOMXML_API unsigned long domxml_version(void);
/** Runtime version string, e.g. "0.1.0". Since 0.1. */
DOMXML_API const char *domxml_version_string(void);

/** A parsed or hand-built document. Create with domxml_parse_*() or
 * domxml_domain_new(); free with domxml_domain_free(). Since 0.1. */
typedef struct domxml_domain {
    /* The XML declaration as written in the input ("<?xml ...?>"), or NULL. */
    const char *xml_decl;
    struct domxml_node *prolog; /* comments/PIs before the root element */
    /* The root: a generic <domain> element, or for a standalone device
     * document an INTERFACE or HOSTDEV node. */
    struct domxml_node *root;
    struct domxml_node *epilog; /* comments/PIs after the root element */
    struct domxml__doc *internal; /* private: the document's allocator */
} domxml_domain;

/* Parse flags. */
enum {
    /* Skip resolving <teaming> pairs (peer pointers stay NULL). */
    DOMXML_PARSE_NO_TEAMING_LINK = 1u << 0
};

/**
 * Parse options; a NULL pointer means all defaults. Zero fields take the
 * default shown. Since 0.1.
 */
typedef struct domxml_parse_options {
    const domxml_memory *memory; /* NULL: malloc/realloc/free */
    unsigned int flags;          /* DOMXML_PARSE_* */
    unsigned int max_depth;      /* element nesting; default 256, at most 1024 */
    size_t max_size;             /* input bytes; default 64 MiB, at most 2 GiB - 1 */
    /* Memory for the parsed document (a modelled device takes a few KiB
     * however short its XML); default 512 MiB. DOMXML_ERR_LIMIT past it. */
    size_t max_memory;
} domxml_parse_options;

/**
 * Parse a document held in memory. `name` (may be NULL) is copied into
 * error->source for messages. Returns a new domain, or NULL with *error
 * filled (error may be NULL). Never returns a partial document.
 * Since 0.1.
 */
DOMXML_API domxml_domain *domxml_parse_buffer(const char *buf, size_t len,
                                              const char *name,
                                              const domxml_parse_options *options,
                                              domxml_error *error);

/**
 * Read and parse a file ("-" is not special here). The path is the name in
 * error messages. Returns a new domain or NULL with *error filled.
 * Since 0.1.
 */
DOMXML_API domxml_domain *domxml_parse_file(const char *path,
                                            const domxml_parse_options *options,
                                            domxml_error *error);

/**
 * An empty document for building by hand; `memory` may be NULL. Set
 * dom->root to a node made with domxml_node_new_element() etc.
 * Returns NULL when out of memory. Since 0.1.
 */
DOMXML_API domxml_domain *domxml_domain_new(const domxml_memory *memory);

/** Free a domain and everything it owns. NULL is allowed. Since 0.1. */
DOMXML_API void domxml_domain_free(domxml_domain *dom);

/**
 * Format a domain in libvirt's canonical style. Returns a NUL-terminated
 * string allocated with the domain's allocator (free it with
 * domxml_string_free()), its length in *len if len is not NULL; NULL with
 * *error filled on failure. Since 0.1.
 */
DOMXML_API char *domxml_format(const domxml_domain *dom, size_t *len,
                               domxml_error *error);

/** Free a string from domxml_format(). The string remembers its allocator:
 * `dom` is not used (it may be NULL or already freed). NULL str is allowed.
 * Since 0.1. */
DOMXML_API void domxml_string_free(const domxml_domain *dom, char *str);

/**
 * Resolve <teaming> pairs: set teaming.peer on every member. Parsing does
 * this already; call it after building or editing a document by hand.
 * Returns 0, or -1 with *error filled (error may be NULL) and no peer set:
 * DOMXML_ERR_TEAMING when a transient member names no persistent
 * <interface>, two transient members name the same one, or a member breaks
 * libvirt's teaming rules; DOMXML_ERR_NOMEM; DOMXML_ERR_INVALID_ARG for a
 * domain not made by libdomxml. Since 0.1.
 */
DOMXML_API int domxml_domain_link_teaming(domxml_domain *dom, domxml_error *error);

/**
 * The partner of a teaming member: for a persistent <interface> node, its
 * transient member (an INTERFACE or HOSTDEV node) or NULL; for a transient
 * member, its persistent INTERFACE node. NULL for a node without teaming
 * or before the pairs are linked. Borrowed pointer. Since 0.1.
 */
DOMXML_API domxml_node *domxml_teaming_peer(const domxml_node *member);

/**
 * Walk the linked teaming pairs in device order: returns the persistent
 * INTERFACE node of the first pair after `prev` (NULL: start), or NULL at
 * the end; its transient member is domxml_teaming_peer() of it.
 *   for (p = domxml_teaming_next_pair(dom, NULL); p; p = domxml_teaming_next_pair(dom, p))
 * Since 0.1.
 */
DOMXML_API domxml_node *domxml_teaming_next_pair(const domxml_domain *dom,
                                                 const domxml_node *prev);

/** The <devices> element of a <domain> root, or NULL. Since 0.1. */
DOMXML_API domxml_node *domxml_domain_devices(const domxml_domain *dom);

/*
 * Builders. Each returns a zeroed object owned by `dom`, or NULL when out of
 * memory or when an argument is NULL or invalid (domxml_node_new() makes
 * generic kinds only: INTERFACE and HOSTDEV nodes come with their struct
 * from domxml_interface_node_new()/domxml_hostdev_node_new()). Link the
 * object into the tree yourself (node->next, parent->children).
 * Since 0.1.
 */
DOMXML_API char *domxml_strdup(domxml_domain *dom, const char *str);
DOMXML_API domxml_node *domxml_node_new(domxml_domain *dom, domxml_node_kind kind);
DOMXML_API domxml_attr *domxml_attr_new(domxml_domain *dom, const char *name,
                                        const char *value);
/* New INTERFACE / HOSTDEV nodes with their struct attached. */
DOMXML_API domxml_node *domxml_interface_node_new(domxml_domain *dom);
DOMXML_API domxml_node *domxml_hostdev_node_new(domxml_domain *dom);
DOMXML_API domxml_ip *domxml_ip_new(domxml_domain *dom);
DOMXML_API domxml_route *domxml_route_new(domxml_domain *dom);
DOMXML_API domxml_vlan_tag *domxml_vlan_tag_new(domxml_domain *dom);
DOMXML_API domxml_filter_param *domxml_filter_param_new(domxml_domain *dom);
DOMXML_API domxml_port_forward *domxml_port_forward_new(domxml_domain *dom);
DOMXML_API domxml_port_forward_range *domxml_port_forward_range_new(domxml_domain *dom);

/*
 * Enum <-> string, driven by the same tables as parsing and formatting.
 * to_string returns NULL for NONE and out-of-range values; from_string
 * returns -1 for an unknown string. Since 0.1.
 */
#define DOMXML_ENUM_API(type, prefix)                                  \
    DOMXML_API const char *prefix##_to_string(type value);             \
    DOMXML_API int prefix##_from_string(const char *str)

DOMXML_ENUM_API(domxml_interface_type, domxml_interface_type);
DOMXML_ENUM_API(domxml_hostdev_mode, domxml_hostdev_mode);
DOMXML_ENUM_API(domxml_hostdev_type, domxml_hostdev_type);
DOMXML_ENUM_API(domxml_hostdev_backend, domxml_hostdev_backend);
DOMXML_ENUM_API(domxml_address_type, domxml_address_type);
DOMXML_ENUM_API(domxml_teaming_type, domxml_teaming_type);
DOMXML_ENUM_API(domxml_nic_model, domxml_nic_model);
DOMXML_ENUM_API(domxml_net_driver_name, domxml_net_driver_name);
DOMXML_ENUM_API(domxml_virtualport_type, domxml_virtualport_type);

/** True for virtio, virtio-transitional and virtio-non-transitional. */
DOMXML_API bool domxml_nic_model_is_virtio(const domxml_model *model);

#ifdef __cplusplus
}
#endif
#endif /* DOMXML_H */
