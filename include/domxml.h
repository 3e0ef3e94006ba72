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

#include <string.h>

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
    DOMXML_PARSE_NO_TEAMING_LINK = 1u << 0,
    /* Also validate (domxml_domain_validate()): a document with an error
     * does not parse; the error is the first diagnostic. Since 0.2. */
    DOMXML_PARSE_VALIDATE = 1u << 1,
    /* Keep the position of every attribute of the modelled elements, so
     * that diagnostics about an attribute point at it rather than at its
     * element (costs memory per attribute). Since 0.2. */
    DOMXML_PARSE_ATTR_POSITIONS = 1u << 2
};

/**
 * Parse options, allocated by the caller. Fill with
 * domxml_parse_options_init() (or zero it and set `size` to sizeof), then
 * set what you need; zero fields take the default shown. The library reads
 * only the fields that fit in `size`, so a program built against an older
 * header keeps working (docs/abi.md); size 0 is refused (DOMXML_ERR_VALUE).
 * A NULL pointer means all defaults. Since 0.1; `size` since 0.2.
 */
typedef struct domxml_parse_options {
    size_t size;                 /* sizeof(domxml_parse_options) of the caller */
    const domxml_memory *memory; /* NULL: malloc/realloc/free */
    unsigned int flags;          /* DOMXML_PARSE_* */
    unsigned int max_depth;      /* element nesting; default 256, at most 1024 */
    size_t max_size;             /* input bytes; default 64 MiB, at most 2 GiB - 1 */
    /* Memory one parse may allocate: the document and the parser's own
     * buffers, expat's input buffer included; default 512 MiB.
     * DOMXML_ERR_LIMIT past it. */
    size_t max_memory;
} domxml_parse_options;

/** Zero *options and set its size. Inline on purpose: `size` must be the
 * caller's sizeof, not the library's (docs/abi.md). Since 0.2. */
static inline void domxml_parse_options_init(domxml_parse_options *options)
{
    memset(options, 0, sizeof(*options));
    options->size = sizeof(*options);
}

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
 * Read and parse a file ("-" is not special here), streamed in pieces: the
 * file is never held whole in memory. The path is the name in error
 * messages. Returns a new domain or NULL with *error filled. Since 0.1.
 */
DOMXML_API domxml_domain *domxml_parse_file(const char *path,
                                            const domxml_parse_options *options,
                                            domxml_error *error);

/**
 * An empty document for building by hand; `memory` may be NULL. Set
 * dom->root to a node made with domxml_node_new() or
 * domxml_interface_node_new()/domxml_hostdev_node_new().
 * Returns NULL when out of memory. Since 0.1.
 */
DOMXML_API domxml_domain *domxml_domain_new(const domxml_memory *memory);

/** Free a domain and everything it owns. NULL is allowed. Since 0.1. */
DOMXML_API void domxml_domain_free(domxml_domain *dom);

/**
 * Check that a domain, parsed, edited or built by hand, would parse back to
 * the same tree: every per-element rule the parser applies, value ranges,
 * required attributes and elements, enum values, names and strings that XML
 * can carry. Returns 0, or -1 with *error filled with the error a parse of
 * the formatted document would give (line/column of the element when it
 * came from the input, 0 when built by hand; path always). Since 0.2.
 */
DOMXML_API int domxml_domain_check(const domxml_domain *dom, domxml_error *error);

/*
 * Validation: every rule on any tree (parsed, edited or built by hand), all
 * problems at once. Parsing is lenient (it accepts what some libvirt release
 * from 7.1 on defines, and links the teaming pairs it can); validation is
 * strict: the per-element rules, libvirt's conf-level rules across elements
 * and devices, and rules libvirt does not check but that break a guest
 * (teaming partners, MAC pairing, aliases, guest PCI addresses).
 * Since 0.2.
 */
typedef struct domxml_diagnostic {
    const char *code;          /* stable identifier, e.g. "teaming.partner-missing" */
    domxml_error_code kind;    /* the class of problem */
    domxml_severity severity;
    unsigned long line, column; /* of the element or attribute; 0 when built by hand */
    const char *path;          /* "/domain/devices/hostdev[2]/teaming" */
    const char *message;
} domxml_diagnostic;

typedef struct domxml_diagnostics {
    size_t count;              /* items, in document order */
    size_t errors, warnings;
    const domxml_diagnostic *items;
    struct domxml__diags *internal; /* private */
} domxml_diagnostics;

/**
 * Validate a domain. Returns the diagnostics (count 0 when there is nothing
 * to say), owned by the caller and freed with domxml_diagnostics_free(); or
 * NULL with *error filled when out of memory or for a domain not made by
 * libdomxml. The domain is not changed.
 */
DOMXML_API domxml_diagnostics *domxml_domain_validate(const domxml_domain *dom,
                                                      domxml_error *error);
DOMXML_API void domxml_diagnostics_free(domxml_diagnostics *diagnostics);

/* ------------------------------------------------------------------ */
/* Validation for a chosen libvirt release                               */

/** A libvirt release as libvirt numbers it (virConnectGetLibVersion()):
 * major * 1000000 + minor * 1000 + micro. Since 0.2. */
#define DOMXML_LIBVIRT_VERSION(major, minor, micro)                            \
    ((unsigned long)(major) * 1000000UL + (unsigned long)(minor) * 1000UL + (unsigned long)(micro))

/**
 * Validation options, allocated by the caller and read as the parse
 * options are (only the fields within `size`; docs/abi.md). NULL means all
 * defaults. Since 0.2.
 */
typedef struct domxml_validate_options {
    size_t size; /* sizeof(domxml_validate_options) of the caller */
    /* The libvirt release the document is meant for
     * (DOMXML_LIBVIRT_VERSION()). Every element, attribute and value the
     * document uses that this release does not accept is an error (code
     * "since.*", from domxml_libvirt_since_table()), and a rule libvirt
     * enforces only from a later release is not checked. 0: the newest
     * libvirt libdomxml knows, all rules and no release check. */
    unsigned long libvirt_version;
} domxml_validate_options;

/** Zero *options and set its size (inline: the caller's sizeof). Since 0.2. */
static inline void domxml_validate_options_init(domxml_validate_options *options)
{
    memset(options, 0, sizeof(*options));
    options->size = sizeof(*options);
}

/** domxml_domain_validate() with options (NULL: the defaults); also NULL with
 * *error filled for options it cannot read (DOMXML_ERR_VALUE: size 0;
 * DOMXML_ERR_UNSUPPORTED: a field this library does not know is set).
 * Since 0.2. */
DOMXML_API domxml_diagnostics *domxml_domain_validate_with(
    const domxml_domain *dom, const domxml_validate_options *options, domxml_error *error);

/**
 * One entry of the table of libvirt releases libdomxml knows: syntax of
 * <interface>/<hostdev> newer than libvirt 7.1 (or dropped since), and the
 * validation rules with the release that started to enforce them. Static
 * data. Since 0.2.
 */
typedef struct domxml_libvirt_since {
    const char *code;    /* diagnostic code: "since.NAME" for syntax, else the rule's */
    const char *what;    /* the syntax or rule, in words */
    unsigned long since; /* first release that accepts it (rules: enforces it); 0: 7.1 or older */
    unsigned long until; /* first release that refuses it again; 0: none */
    const char *source;  /* where the release comes from: libvirt's NEWS, a live libvirt, ... */
    const char *fixture; /* a tests/data fixture that uses it, or NULL */
} domxml_libvirt_since;

/** The table, in one order (*count entries); never NULL. Since 0.2. */
DOMXML_API const domxml_libvirt_since *domxml_libvirt_since_table(size_t *count);

/**
 * Format a domain in libvirt's canonical style. Refuses (NULL, *error
 * filled as by domxml_domain_check()) a tree that would not parse back.
 * Returns a NUL-terminated string allocated with the domain's allocator
 * (free it with domxml_string_free()), its length in *len if len is not
 * NULL. Since 0.1.
 */
DOMXML_API char *domxml_format(const domxml_domain *dom, size_t *len, domxml_error *error);

/**
 * Format to a callback in pieces, for documents too big to hold twice:
 * `write` gets consecutive pieces of the output and returns 0, or non-zero
 * to stop (DOMXML_ERR_IO). The tree is checked before the first byte is
 * written. Returns 0 or -1 with *error filled. Since 0.2.
 */
DOMXML_API int domxml_format_to(const domxml_domain *dom,
                                int (*write)(void *ctx, const char *data, size_t len),
                                void *ctx, domxml_error *error);

/** Free a string from domxml_format(); it remembers its allocator.
 * NULL is allowed. The same as domxml_free(). Since 0.2 (0.1 took the
 * domain as first argument). */
DOMXML_API void domxml_string_free(char *str);

/**
 * The one free for every block the library returns to the caller (strings
 * from domxml_format(), the argv and strings of domxml/qemuargv.h): each
 * remembers the free hook it was allocated with. NULL is allowed.
 * Since 0.2.
 */
DOMXML_API void domxml_free(void *block);

/**
 * A block of `size` bytes from `memory`'s hooks (NULL: malloc), released by
 * domxml_free(); aligned for any object. NULL when out of memory. For
 * modules built on the public API (lib/qemuargv/) that hand blocks to the
 * caller. Since 0.2.
 */
DOMXML_API void *domxml_alloc(const domxml_memory *memory, size_t size);

/** The allocator hooks `dom` was created with (malloc/realloc/free when it
 * was given none); NULL for a domain not made by libdomxml. Borrowed.
 * Since 0.2. */
DOMXML_API const domxml_memory *domxml_domain_memory(const domxml_domain *dom);

/**
 * Resolve <teaming> pairs: set teaming->peer on every member whose pair
 * resolves. Parsing does this already, and so do the device insert/append/
 * unlink calls below; call it after editing teaming or aliases by hand.
 * Returns 0 when every member is linked; -1 with *error filled (error may
 * be NULL) otherwise: DOMXML_ERR_TEAMING when a transient member names no
 * device, an ambiguous alias, something other than a persistent
 * <interface>, or one that has a transient member already (the pairs that
 * resolve are linked, the others not: validation reports them), or when a
 * member breaks its own <teaming> rules (then nothing is linked);
 * DOMXML_ERR_NOMEM; DOMXML_ERR_INVALID_ARG for a domain not made by
 * libdomxml. Since 0.1; links what it can since 0.2.
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

/* ------------------------------------------------------------------ */
/* Walking and editing the devices                                       */

/** The <devices> element of a <domain> root, or NULL. Since 0.1. */
DOMXML_API domxml_node *domxml_domain_devices(const domxml_domain *dom);

/**
 * The modelled devices (INTERFACE and HOSTDEV nodes) in document order:
 * the first after `prev` (NULL: start), or NULL at the end. For a
 * standalone device document, its root. Skips everything else under
 * <devices> (text, comments, other elements).
 *   for (d = domxml_device_next(dom, NULL); d; d = domxml_device_next(dom, d))
 * Since 0.2.
 */
DOMXML_API domxml_node *domxml_device_next(const domxml_domain *dom, const domxml_node *prev);

/** The device-info block (boot, alias, rom, acpi, address...) of an
 * INTERFACE or HOSTDEV node, or NULL for other nodes. Since 0.2. */
DOMXML_API domxml_device_info *domxml_node_device_info(const domxml_node *device);

/** The <teaming> of a device node, or NULL when it has none. Since 0.2. */
DOMXML_API domxml_teaming *domxml_node_teaming(const domxml_node *device);

/** The alias name of a device node (<alias name=...>), or NULL. Since 0.2. */
DOMXML_API const char *domxml_node_alias(const domxml_node *device);

/**
 * The host-device <source> of a device node: a HOSTDEV node's source, or
 * that of an <interface type='hostdev'>; NULL for anything else or when
 * the source is absent. Since 0.2.
 */
DOMXML_API domxml_hostdev_source *domxml_node_host_source(const domxml_node *device);

/**
 * Insert a device node (INTERFACE or HOSTDEV, not yet in a tree) into the
 * domain's <devices>: before `before` (a child of <devices>), or at the end
 * when `before` is NULL (append). Teaming pairs are linked again; if that
 * fails the insertion is undone. Returns 0, or -1 with *error filled:
 * DOMXML_ERR_INVALID_ARG (no <devices>, `before` not in it, a node that is
 * already linked), DOMXML_ERR_TEAMING, DOMXML_ERR_NOMEM. Since 0.2.
 */
DOMXML_API int domxml_device_insert_before(domxml_domain *dom, domxml_node *device,
                                           domxml_node *before, domxml_error *error);
DOMXML_API int domxml_device_append(domxml_domain *dom, domxml_node *device,
                                    domxml_error *error);

/**
 * Take a device node out of <devices>; it stays owned by the domain and may
 * be inserted again. Its teaming partner loses its link (its peer becomes
 * NULL). Returns 0, or -1 when `device` is not a device of `dom`.
 * Since 0.2.
 */
DOMXML_API int domxml_device_unlink(domxml_domain *dom, domxml_node *device);

/* ------------------------------------------------------------------ */
/* Unknown content of modelled elements                                  */

/** The unknown attributes and children kept for the modelled element whose
 * meta is `meta` (e.g. &iface->mac->meta), or NULL when it has none.
 * Borrowed. Since 0.2. */
DOMXML_API domxml_extra *domxml_meta_extra(const domxml_domain *dom, const domxml_meta *meta);

/** Give that element unknown content (from domxml_extra_new(), filled with
 * domxml_extra_attr_new() and nodes), replacing what it had; NULL removes
 * it. Returns 0, or -1 when out of memory or an argument is NULL.
 * Since 0.2. */
DOMXML_API int domxml_meta_set_extra(domxml_domain *dom, const domxml_meta *meta,
                                     domxml_extra *extra);

/* ------------------------------------------------------------------ */
/* Generic nodes: lookups for what the library keeps verbatim            */

/** The value of attribute `name` of a generic ELEMENT node, or NULL.
 * Since 0.2. */
DOMXML_API const char *domxml_node_attr(const domxml_node *element, const char *name);

/**
 * The next child element of `parent` named `name` (any name when NULL)
 * after `prev` (NULL: the first); modelled device nodes count as elements
 * named "interface"/"hostdev". Example: the <controller> list is
 *   for (c = domxml_node_child(devs, NULL, "controller"); c;
 *        c = domxml_node_child(devs, c, "controller"))
 * Since 0.2.
 */
DOMXML_API domxml_node *domxml_node_child(const domxml_node *parent, const domxml_node *prev,
                                          const char *name);

/** The text of an element whose only children are text nodes (one), e.g.
 * <name>vm1</name>; NULL otherwise. Since 0.2. */
DOMXML_API const char *domxml_node_text(const domxml_node *element);

/* ------------------------------------------------------------------ */
/* Values to and from text                                               */

/** Buffer sizes for the text forms below, NUL included. Since 0.2. */
#define DOMXML_MAC_STRLEN 18      /* "52:54:00:a1:b2:c3" */
#define DOMXML_PCI_ADDR_STRLEN 17 /* "0000:81:10.2", domains up to ffffffff */

/** "52:54:00:A1:b2:c3" -> bytes (set=true). Returns 0, or -1 (out unchanged)
 * when the text is not six hex octets separated by ':'. Since 0.2. */
DOMXML_API int domxml_mac_from_string(const char *text, domxml_mac_addr *out);

/** Lower-case text of a set address into buf; NULL when not set. Since 0.2. */
DOMXML_API const char *domxml_mac_to_string(const domxml_mac_addr *mac,
                                            char buf[DOMXML_MAC_STRLEN]);

/** "DDDD:BB:SS.F" or "BB:SS.F" (hex, domain 0 when omitted; up to 8 domain
 * digits) -> the four parts, all set. Returns 0, or -1 (out unchanged) when malformed or out of
 * range. Since 0.2. */
DOMXML_API int domxml_pci_addr_from_string(const char *text, domxml_pci_addr *out);

/** "DDDD:BB:SS.F" of an address whose bus, slot and function are set (an
 * unset domain reads as 0); NULL otherwise. Since 0.2. */
DOMXML_API const char *domxml_pci_addr_to_string(const domxml_pci_addr *addr,
                                                 char buf[DOMXML_PCI_ADDR_STRLEN]);

/** The NIC model's name as written: the known model's canonical name or the
 * free-form one; NULL when there is none. Since 0.2. */
DOMXML_API const char *domxml_model_name(const domxml_model *model);

/** True for virtio, virtio-transitional and virtio-non-transitional. */
DOMXML_API bool domxml_nic_model_is_virtio(const domxml_model *model);

/* ------------------------------------------------------------------ */
/* Builders                                                              */

/*
 * Each returns a zeroed object owned by `dom`, or NULL when out of memory
 * or when an argument is NULL or invalid (domxml_node_new() makes generic
 * kinds only: INTERFACE and HOSTDEV nodes come with their struct from
 * domxml_interface_node_new()/domxml_hostdev_node_new()). Link the object
 * into the tree yourself (a pointer field, node->next, parent->children) or
 * with domxml_device_append().
 * Since 0.1.
 */
DOMXML_API char *domxml_strdup(domxml_domain *dom, const char *str);
DOMXML_API domxml_node *domxml_node_new(domxml_domain *dom, domxml_node_kind kind);
DOMXML_API domxml_attr *domxml_attr_new(domxml_domain *dom, const char *name,
                                        const char *value);
/* An unknown attribute for a modelled element's extra (anchor 0). */
DOMXML_API domxml_extra_attr *domxml_extra_attr_new(domxml_domain *dom, const char *name,
                                                    const char *value);
/* New INTERFACE / HOSTDEV nodes with their struct attached. */
DOMXML_API domxml_node *domxml_interface_node_new(domxml_domain *dom);
DOMXML_API domxml_node *domxml_hostdev_node_new(domxml_domain *dom);

/*
 * Generic elements, for the parts of a domain the library keeps verbatim
 * (<name>, <os>, <controller>...). Every string is copied into `dom`.
 *
 * domxml_element_append(): a new element <name> appended as the last child
 * of the generic element `parent`, or made the document's root when
 * `parent` is NULL (the domain must have none yet); with one text child
 * holding `text` unless `text` is NULL. Returns the element, owned by `dom`,
 * or NULL: out of memory, NULL or empty name, `parent` not an ELEMENT, a
 * root already set.
 *
 * domxml_element_set_attr(): set attribute `name` of the generic element
 * to `value`, replacing its value if it has one, else appended last.
 * Returns 0, or -1 (out of memory, NULL argument, not an ELEMENT).
 *
 * domxml_node_append_child(): link `child` (a generic node of `parent`'s
 * domain, in no tree yet: next is NULL and no element holds it) as the last
 * child of the generic element `parent`. INTERFACE and HOSTDEV nodes are refused: they
 * go into <devices> with domxml_device_append(), which links teaming pairs.
 * Returns 0 or -1.
 *
 * A <domain> skeleton, then a device (docs/api.md, "Building a domain"):
 *     domxml_node *root = domxml_element_append(dom, NULL, "domain", NULL);
 *     domxml_element_set_attr(dom, root, "type", "kvm");
 *     domxml_element_append(dom, root, "name", "guest");
 *     domxml_node *os = domxml_element_append(dom, root, "os", NULL);
 *     domxml_element_set_attr(dom, domxml_element_append(dom, os, "type", "hvm"),
 *                             "machine", "q35");
 *     domxml_element_append(dom, root, "devices", NULL);
 *     domxml_device_append(dom, nic, &err);
 * Since 0.2.
 */
DOMXML_API domxml_node *domxml_element_append(domxml_domain *dom, domxml_node *parent,
                                              const char *name, const char *text);
DOMXML_API int domxml_element_set_attr(domxml_domain *dom, domxml_node *element,
                                       const char *name, const char *value);
DOMXML_API int domxml_node_append_child(domxml_node *parent, domxml_node *child);

/* One zeroed struct of each modelled element: `domxml_TYPE *domxml_TYPE_new(dom)`.
 * Since 0.1 for ip, route, vlan_tag, filter_param, port_forward(_range);
 * the others since 0.2. */
#define DOMXML_BUILDER_API(type) DOMXML_API domxml_##type *domxml_##type##_new(domxml_domain *dom)
DOMXML_BUILDER_API(extra);
DOMXML_BUILDER_API(address);
DOMXML_BUILDER_API(zpci);
DOMXML_BUILDER_API(boot);
DOMXML_BUILDER_API(alias);
DOMXML_BUILDER_API(master);
DOMXML_BUILDER_API(rom);
DOMXML_BUILDER_API(acpi);
DOMXML_BUILDER_API(teaming);
DOMXML_BUILDER_API(ip);
DOMXML_BUILDER_API(route);
DOMXML_BUILDER_API(hostdev_driver);
DOMXML_BUILDER_API(hostdev_source);
DOMXML_BUILDER_API(hostdev_more);
DOMXML_BUILDER_API(hostdev_address);
DOMXML_BUILDER_API(usb_id);
DOMXML_BUILDER_API(scsi_adapter);
DOMXML_BUILDER_API(iscsi_host);
DOMXML_BUILDER_API(secret);
DOMXML_BUILDER_API(iscsi_auth);
DOMXML_BUILDER_API(iqn);
DOMXML_BUILDER_API(iscsi_initiator);
DOMXML_BUILDER_API(text_element);
DOMXML_BUILDER_API(flag);
DOMXML_BUILDER_API(mac);
DOMXML_BUILDER_API(reconnect);
DOMXML_BUILDER_API(socket_local);
DOMXML_BUILDER_API(interface_source);
DOMXML_BUILDER_API(interface_more);
DOMXML_BUILDER_API(vlan);
DOMXML_BUILDER_API(vlan_tag);
DOMXML_BUILDER_API(virtualport);
DOMXML_BUILDER_API(virtualport_params);
DOMXML_BUILDER_API(bandwidth);
DOMXML_BUILDER_API(bandwidth_rate);
DOMXML_BUILDER_API(port);
DOMXML_BUILDER_API(path_element);
DOMXML_BUILDER_API(name_element);
DOMXML_BUILDER_API(target);
DOMXML_BUILDER_API(guest);
DOMXML_BUILDER_API(model);
DOMXML_BUILDER_API(net_driver);
DOMXML_BUILDER_API(net_driver_host);
DOMXML_BUILDER_API(net_driver_guest);
DOMXML_BUILDER_API(net_backend);
DOMXML_BUILDER_API(port_forward);
DOMXML_BUILDER_API(port_forward_range);
DOMXML_BUILDER_API(filterref);
DOMXML_BUILDER_API(filter_param);
DOMXML_BUILDER_API(tune);
DOMXML_BUILDER_API(sndbuf);
DOMXML_BUILDER_API(link);
DOMXML_BUILDER_API(mtu);
DOMXML_BUILDER_API(coalesce);
DOMXML_BUILDER_API(coalesce_rx);
DOMXML_BUILDER_API(coalesce_frames);

/*
 * Enum <-> string for every public enum, driven by the same tables as
 * parsing and formatting. to_string returns NULL for NONE/ABSENT and
 * out-of-range values; from_string returns -1 for an unknown string (NIC
 * models match case-insensitively, as libvirt does). Since 0.1 for the
 * first nine, 0.2 for the rest.
 */
#define DOMXML_ENUM_API(type)                                          \
    DOMXML_API const char *type##_to_string(type value);               \
    DOMXML_API int type##_from_string(const char *str)

DOMXML_ENUM_API(domxml_interface_type);
DOMXML_ENUM_API(domxml_hostdev_mode);
DOMXML_ENUM_API(domxml_hostdev_type);
DOMXML_ENUM_API(domxml_hostdev_backend);
DOMXML_ENUM_API(domxml_address_type);
DOMXML_ENUM_API(domxml_teaming_type);
DOMXML_ENUM_API(domxml_nic_model);
DOMXML_ENUM_API(domxml_net_driver_name);
DOMXML_ENUM_API(domxml_virtualport_type);
DOMXML_ENUM_API(domxml_tristate_bool);
DOMXML_ENUM_API(domxml_tristate_switch);
DOMXML_ENUM_API(domxml_mac_type);
DOMXML_ENUM_API(domxml_direct_mode);
DOMXML_ENUM_API(domxml_socket_mode);
DOMXML_ENUM_API(domxml_socket_type);
DOMXML_ENUM_API(domxml_vlan_native_mode);
DOMXML_ENUM_API(domxml_net_txmode);
DOMXML_ENUM_API(domxml_net_backend_type);
DOMXML_ENUM_API(domxml_port_forward_proto);
DOMXML_ENUM_API(domxml_link_state);
DOMXML_ENUM_API(domxml_ip_family);
DOMXML_ENUM_API(domxml_hostdev_sgio);
DOMXML_ENUM_API(domxml_hostdev_model);
DOMXML_ENUM_API(domxml_usb_startup_policy);
DOMXML_ENUM_API(domxml_usb_guest_reset);
DOMXML_ENUM_API(domxml_scsi_protocol);
DOMXML_ENUM_API(domxml_node_kind);
DOMXML_ENUM_API(domxml_error_code);
DOMXML_ENUM_API(domxml_severity);

#ifdef __cplusplus
}
#endif

/* The QEMU arguments module comes with the library (since 0.2); including
 * <domxml/qemuargv.h> alone works as well. */
#include <domxml/qemuargv.h>

#endif /* DOMXML_H */
