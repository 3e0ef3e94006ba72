/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Rules across the devices of a domain, for validation only: parsing
 * accepts what breaks them, because libvirt defines such documents (or
 * because only a running guest shows the problem).
 *   - teaming: a transient member names an existing <interface> with
 *     <teaming type='persistent'/>, that interface has one transient member,
 *     a transient <interface> carries its partner's MAC (the guest pairs the
 *     two by MAC), and the persistent member's alias survives libvirt's
 *     inactive configuration (a user alias);
 *   - what QEMU needs of a pair: a virtio persistent member, a transient
 *     member that is a host device;
 *   - aliases are unique, and user aliases (ua-[A-Za-z0-9_-]*);
 *   - a <filterref> where libvirt reads it;
 *   - no guest PCI address is used twice, and a transient member is alone in
 *     its slot (QEMU: "primary device must be in its own PCI slot").
 * One pass over the devices fills a keyed alias table and a list of PCI
 * addresses, so the cost stays linear.
 */
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "error.h"
#include "hash.h"
#include "validate.h"
#include "values.h"

/* One device of the domain, as the rules see it. */
typedef struct domxml__vdev {
    const domxml_node *node;
    char path[96];               /* "/domain/devices/interface[2]" */
    const char *alias;
    unsigned alias_line, alias_col;
    const domxml_teaming *teaming; /* modelled devices only */
    int partner;                 /* index of the persistent member it names, or -1 */
    unsigned transients;         /* persistent member: transients naming it */
    bool has_pci;
    unsigned pci[4];             /* domain, bus, slot, function */
    bool multifunction;
    unsigned pci_line, pci_col;
} domxml__vdev;

typedef struct domxml__vctx {
    struct domxml__diags *ds;
    const domxml_memory *mem; /* the document's allocator */
    domxml__vdev *devs;
    size_t n;
    bool standalone;
    domxml__hash_key key;
    int *slots; /* alias table: device index + 1, 0 = empty */
    size_t mask;
} domxml__vctx;

static void domxml__vdiag(domxml__vctx *v, domxml_severity sev, domxml_error_code kind,
                            const char *id, unsigned line, unsigned col, const char *path,
                            const char *fmt, ...) DOMXML__PRINTF(8, 9);

static void domxml__vdiag(domxml__vctx *v, domxml_severity sev, domxml_error_code kind,
                            const char *id, unsigned line, unsigned col, const char *path,
                            const char *fmt, ...)
{
    char msg[384];
    va_list ap;

    va_start(ap, fmt);
    domxml__message_vformat(msg, sizeof(msg), fmt, ap); /* input quoted: escaped */
    va_end(ap);
    domxml__diags_add(v->ds, sev, kind, id, line, col, path, msg);
}

/* Zeroed memory from the document's allocator. */
static void *domxml__zalloc(domxml__vctx *v, size_t size)
{
    void *p = v->mem->malloc_fcn(size);

    if (p)
        memset(p, 0, size);
    return p;
}

/* ------------------------------------------------------------------ */
/* Collecting the devices                                               */

/* A number of a generic <address>: libvirt's auto base (0x hex, 0 octal). */
static bool domxml__addr_part(const domxml_node *addr, const char *name, unsigned *out)
{
    const char *s = domxml_node_attr(addr, name);
    unsigned long long v = 0;

    if (!s) {
        *out = 0;
        return true;
    }
    if (!domxml__parse_ullong(s, 0, &v) || v > 0xffffffffu)
        return false;
    *out = (unsigned)v;
    return true;
}

/* The guest PCI address of a device, modelled or generic. */
static void domxml__dev_pci(domxml__vdev *d)
{
    const domxml_device_info *info = domxml_node_device_info(d->node);
    const domxml_address *a = info ? info->address : NULL;
    const domxml_node *ga;

    if (a && a->type == DOMXML_ADDRESS_TYPE_PCI) {
        const domxml_pci_addr *p = &a->u.pci.addr;
        d->pci[0] = p->domain.value;
        d->pci[1] = p->bus.value;
        d->pci[2] = p->slot.value;
        d->pci[3] = p->function.value;
        d->multifunction = a->u.pci.multifunction == DOMXML_TRISTATE_SWITCH_ON;
        d->pci_line = a->meta.line;
        d->pci_col = a->meta.column;
        d->has_pci = true;
    } else if (d->node->kind == DOMXML_NODE_ELEMENT &&
               (ga = domxml_node_child(d->node, NULL, "address")) &&
               domxml_node_attr(ga, "type") && strcmp(domxml_node_attr(ga, "type"), "pci") == 0) {
        const char *mf = domxml_node_attr(ga, "multifunction");
        d->has_pci = domxml__addr_part(ga, "domain", &d->pci[0]) &&
                     domxml__addr_part(ga, "bus", &d->pci[1]) &&
                     domxml__addr_part(ga, "slot", &d->pci[2]) &&
                     domxml__addr_part(ga, "function", &d->pci[3]);
        d->multifunction = mf && strcmp(mf, "on") == 0;
        d->pci_line = ga->line;
        d->pci_col = ga->column;
    }
    /* libvirt reads domain, bus and slot all 0 as "assign one for me". */
    if (d->has_pci && !d->pci[0] && !d->pci[1] && !d->pci[2])
        d->has_pci = false;
}

/* A generic device's <alias name=...>. */
static void domxml__dev_alias(domxml__vdev *d)
{
    const domxml_device_info *info = domxml_node_device_info(d->node);
    const domxml_node *ga;

    if (info) {
        if (info->alias && info->alias->name) {
            d->alias = info->alias->name;
            d->alias_line = info->alias->meta.line;
            d->alias_col = info->alias->meta.column;
        }
    } else if ((ga = domxml_node_child(d->node, NULL, "alias")) && domxml_node_attr(ga, "name")) {
        d->alias = domxml_node_attr(ga, "name");
        d->alias_line = ga->line;
        d->alias_col = ga->column;
    }
}

/* Per-name counters for the [N] of each device's path. */
typedef struct domxml__namecount {
    const char *name;
    unsigned count;
} domxml__namecount;

static unsigned domxml__count_name(domxml__namecount *c, size_t *n, size_t cap, const char *name)
{
    for (size_t i = 0; i < *n; i++) {
        if (c[i].name == name || strcmp(c[i].name, name) == 0)
            return ++c[i].count;
    }
    if (*n == cap)
        return 0; /* more distinct names than counted: no index */
    c[*n] = (domxml__namecount){name, 1};
    return c[(*n)++].count;
}

static bool domxml__collect(domxml__vctx *v, const domxml_domain *dom)
{
    const domxml_node *devices = domxml_domain_devices(dom);
    const domxml_node *first = devices ? devices->children : dom->root;
    domxml__namecount names[64];
    size_t n_names = 0, cap = 0;

    v->standalone = !devices;
    for (const domxml_node *c = first; c; c = devices ? c->next : NULL)
        cap += domxml__node_tag(c) != NULL;
    v->devs = cap ? domxml__zalloc(v, cap * sizeof(*v->devs)) : NULL;
    if (cap && !v->devs)
        return false;
    for (const domxml_node *c = first; c; c = devices ? c->next : NULL) {
        const char *name = domxml__node_tag(c);
        domxml__vdev *d;
        unsigned index;

        if (!name)
            continue;
        d = &v->devs[v->n++];
        d->node = c;
        d->partner = -1;
        index = domxml__count_name(names, &n_names, DOMXML__N(names), name);
        if (!devices)
            snprintf(d->path, sizeof(d->path), "/%s", name);
        else if (index > 1)
            snprintf(d->path, sizeof(d->path), "/domain/devices/%s[%u]", name, index);
        else
            snprintf(d->path, sizeof(d->path), "/domain/devices/%s", name);
        d->teaming = domxml_node_teaming(c);
        domxml__dev_alias(d);
        domxml__dev_pci(d);
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Aliases                                                              */

static bool domxml__user_alias(const char *a)
{
    size_t n = strlen(a);

    return n > 3 && strncmp(a, "ua-", 3) == 0 &&
           strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == n;
}

/* The device with alias `a` (its first holder), or -1. */
static int domxml__find_alias(const domxml__vctx *v, const char *a)
{
    size_t i = (size_t)domxml__hash(&v->key, a, strlen(a)) & v->mask;

    for (; v->slots[i]; i = (i + 1) & v->mask) {
        if (strcmp(v->devs[v->slots[i] - 1].alias, a) == 0)
            return v->slots[i] - 1;
    }
    return -1;
}

static bool domxml__check_aliases(domxml__vctx *v)
{
    size_t cap = 16;

    while (cap < 2 * v->n)
        cap *= 2;
    v->slots = domxml__zalloc(v, cap * sizeof(*v->slots));
    if (!v->slots)
        return false;
    v->mask = cap - 1;
    domxml__hash_key_new(&v->key, v->slots);
    for (size_t k = 0; k < v->n; k++) {
        domxml__vdev *d = &v->devs[k];
        char path[128];
        int other;
        size_t i;

        if (!d->alias)
            continue;
        snprintf(path, sizeof(path), "%s/alias", d->path);
        other = domxml__find_alias(v, d->alias);
        if (other >= 0) {
            domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_DUPLICATE, "alias.duplicate",
                            d->alias_line, d->alias_col, path,
                            "alias '%s' is also the alias of %s: aliases are unique in a domain",
                            d->alias, v->devs[other].path);
            continue;
        }
        for (i = (size_t)domxml__hash(&v->key, d->alias, strlen(d->alias)) & v->mask;
             v->slots[i]; i = (i + 1) & v->mask)
            ;
        v->slots[i] = (int)k + 1;
        /* libvirt's schema: an alias is [a-zA-Z0-9_.-]+ (its parser takes any). */
        if (!*d->alias || strspn(d->alias, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
                                           "0123456789_-.") != strlen(d->alias))
            domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_VALUE, "alias.invalid",
                            d->alias_line, d->alias_col, path,
                            "alias '%s' has a character outside A-Z, a-z, 0-9, '_', '-' and '.' "
                            "(libvirt's schema refuses it)", d->alias);
        else if (!domxml__user_alias(d->alias))
            domxml__vdiag(v, DOMXML_SEVERITY_WARNING, DOMXML_ERR_VALUE, "alias.not-user",
                            d->alias_line, d->alias_col, path,
                            "alias '%s' is not a user alias ('ua-' and then A-Z, a-z, 0-9, '_' "
                            "or '-'): libvirt drops it from the inactive configuration",
                            d->alias);
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Teaming                                                              */

static const domxml_mac *domxml__dev_mac(const domxml__vdev *d)
{
    return d->node->kind == DOMXML_NODE_INTERFACE ? d->node->interface->mac : NULL;
}

static void domxml__check_transient(domxml__vctx *v, size_t k)
{
    domxml__vdev *d = &v->devs[k];
    const domxml_teaming *t = d->teaming;
    const domxml_mac *mine, *theirs;
    char path[128], a[DOMXML_MAC_STRLEN], b[DOMXML_MAC_STRLEN];
    domxml__vdev *p;
    int other;

    snprintf(path, sizeof(path), "%s/teaming", d->path);
    other = domxml__find_alias(v, t->persistent);
    if (other < 0) {
        if (!v->standalone) /* a device to hot-plug: its partner is in the running domain */
            domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_TEAMING,
                            "teaming.partner-missing", t->meta.line, t->meta.column, path,
                            "<teaming persistent='%s'> names no device: no device has that alias",
                            t->persistent);
        return;
    }
    p = &v->devs[other];
    if (p->node->kind != DOMXML_NODE_INTERFACE || !p->teaming ||
        p->teaming->type != DOMXML_TEAMING_TYPE_PERSISTENT) {
        domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_TEAMING,
                        "teaming.partner-not-persistent", t->meta.line, t->meta.column, path,
                        "<teaming persistent='%s'> names %s, which is not an <interface> with "
                        "<teaming type='persistent'/>", t->persistent, p->path);
        return;
    }
    if (++p->transients > 1) {
        domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_TEAMING, "teaming.partner-shared",
                        t->meta.line, t->meta.column, path,
                        "<teaming persistent='%s'>: that interface has a transient member "
                        "already; a persistent member has one", t->persistent);
        return;
    }
    d->partner = other;
    snprintf(path, sizeof(path), "%s/alias", p->path);
    if (!domxml__user_alias(p->alias))
        domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_TEAMING, "teaming.alias-not-user",
                        p->alias_line, p->alias_col, path,
                        "the persistent member's alias '%s' is not a user alias: libvirt drops "
                        "it from the inactive configuration, and the pair with %s breaks",
                        p->alias, d->path);
    /* The guest pairs the two by MAC; a plain <hostdev> has none in XML
     * (the manager sets the VF's MAC). */
    if (d->node->kind != DOMXML_NODE_INTERFACE)
        return;
    mine = domxml__dev_mac(d);
    theirs = domxml__dev_mac(p);
    if (!mine || !theirs || !mine->address.set || !theirs->address.set)
        domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_TEAMING, "teaming.mac-missing",
                        d->node->line, d->node->column, d->path,
                        "a transient member and its persistent partner %s need the same "
                        "<mac address=...>: without one libvirt picks a random MAC for each, "
                        "and the guest cannot pair them", p->path);
    else if (memcmp(mine->address.bytes, theirs->address.bytes, 6) != 0 &&
             snprintf(path, sizeof(path), "%s/mac", d->path) > 0)
        domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_TEAMING, "teaming.mac-mismatch",
                        mine->meta.line, mine->meta.column, path,
                        "MAC %s of this transient member differs from MAC %s of its persistent "
                        "partner %s: the guest pairs them by MAC, so failover would not work",
                        domxml_mac_to_string(&mine->address, a),
                        domxml_mac_to_string(&theirs->address, b), p->path);
}

/* What QEMU needs of each member (libvirt checks it only when it starts
 * the guest): a virtio persistent NIC, a transient interface that is a
 * host device (or a network, which may hand out one). */
static void domxml__check_member_qemu(domxml__vctx *v, const domxml__vdev *d)
{
    const domxml_interface *i = d->node->kind == DOMXML_NODE_INTERFACE ? d->node->interface : NULL;
    char path[128];

    if (!i)
        return;
    snprintf(path, sizeof(path), "%s/teaming", d->path);
    if (d->teaming->type == DOMXML_TEAMING_TYPE_PERSISTENT && !domxml_nic_model_is_virtio(i->model))
        domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_TEAMING, "teaming.persistent-not-virtio",
                      d->teaming->meta.line, d->teaming->meta.column, path,
                      "a persistent teaming member needs <model type='virtio'/> (QEMU's failover "
                      "is a virtio-net feature)");
    if (d->teaming->type == DOMXML_TEAMING_TYPE_TRANSIENT &&
        i->type != DOMXML_INTERFACE_TYPE_HOSTDEV && i->type != DOMXML_INTERFACE_TYPE_NETWORK)
        domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_TEAMING,
                      "teaming.transient-not-hostdev", d->teaming->meta.line,
                      d->teaming->meta.column, path,
                      "a transient teaming member is an <interface type='hostdev'> (or a "
                      "network that hands out host devices), or a PCI <hostdev>");
}

static void domxml__check_teaming(domxml__vctx *v)
{
    for (size_t k = 0; k < v->n; k++) {
        const domxml_teaming *t = v->devs[k].teaming;
        if (t && t->type != DOMXML_TEAMING_TYPE_NONE)
            domxml__check_member_qemu(v, &v->devs[k]);
        if (t && t->type == DOMXML_TEAMING_TYPE_TRANSIENT && t->persistent)
            domxml__check_transient(v, k);
    }
}

/* libvirt reads <filterref> only for network, bridge and ethernet
 * interfaces: elsewhere it is dropped without a word. */
static void domxml__check_filterref(domxml__vctx *v)
{
    for (size_t k = 0; k < v->n; k++) {
        const domxml__vdev *d = &v->devs[k];
        const domxml_interface *i =
            d->node->kind == DOMXML_NODE_INTERFACE ? d->node->interface : NULL;
        const domxml_filterref *f = i && i->more ? i->more->filterref : NULL;
        char path[128];

        if (!f || i->type == DOMXML_INTERFACE_TYPE_NETWORK ||
            i->type == DOMXML_INTERFACE_TYPE_BRIDGE || i->type == DOMXML_INTERFACE_TYPE_ETHERNET)
            continue;
        snprintf(path, sizeof(path), "%s/filterref", d->path);
        domxml__vdiag(v, DOMXML_SEVERITY_WARNING, DOMXML_ERR_CONTENT, "filterref.ignored",
                      f->meta.line, f->meta.column, path,
                      "libvirt ignores <filterref> on a type='%s' interface (only network, "
                      "bridge and ethernet use it)",
                      i->type ? domxml_interface_type_to_string(i->type) : "user");
    }
}

/* ------------------------------------------------------------------ */
/* Guest PCI addresses                                                  */

static int domxml__pci_cmp(const void *a, const void *b)
{
    const domxml__vdev *x = *(const domxml__vdev *const *)a, *y = *(const domxml__vdev *const *)b;

    for (int i = 0; i < 4; i++) {
        if (x->pci[i] != y->pci[i])
            return x->pci[i] < y->pci[i] ? -1 : 1;
    }
    return x < y ? -1 : x > y; /* document order among equals */
}

static bool domxml__same_slot(const domxml__vdev *x, const domxml__vdev *y)
{
    return x->pci[0] == y->pci[0] && x->pci[1] == y->pci[1] && x->pci[2] == y->pci[2];
}

static void domxml__report_primary(domxml__vctx *v, const domxml__vdev *d, const char *why)
{
    char path[128];

    snprintf(path, sizeof(path), "%s/address", d->path);
    domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_TEAMING, "teaming.primary-not-alone",
                    d->pci_line, d->pci_col, path,
                    "a transient teaming member must be alone in its PCI slot (QEMU: \"primary "
                    "device must be in its own PCI slot\"): %s", why);
}

static bool domxml__check_pci(domxml__vctx *v)
{
    const domxml__vdev **sorted = v->n ? domxml__zalloc(v, v->n * sizeof(*sorted)) : NULL;
    size_t m = 0;

    if (v->n && !sorted)
        return false;
    for (size_t k = 0; k < v->n; k++) {
        if (v->devs[k].has_pci)
            sorted[m++] = &v->devs[k];
    }
    if (m > 1) /* qsort's base must not be NULL, even for 0 items */
        qsort(sorted, m, sizeof(*sorted), domxml__pci_cmp);
    for (size_t i = 0; i < m; i++) {
        const domxml__vdev *d = sorted[i];
        bool transient = d->teaming && d->teaming->type == DOMXML_TEAMING_TYPE_TRANSIENT;
        char path[128];

        if (i > 0 && memcmp(sorted[i - 1]->pci, d->pci, sizeof(d->pci)) == 0) {
            snprintf(path, sizeof(path), "%s/address", d->path);
            domxml__vdiag(v, DOMXML_SEVERITY_ERROR, DOMXML_ERR_DUPLICATE, "address.pci-duplicate",
                            d->pci_line, d->pci_col, path,
                            "guest PCI address %04x:%02x:%02x.%x is also the address of %s",
                            d->pci[0], d->pci[1], d->pci[2], d->pci[3], sorted[i - 1]->path);
        }
        if (!transient)
            continue;
        if (d->pci[3] != 0 || d->multifunction)
            domxml__report_primary(v, d, d->pci[3] ? "it is not function 0"
                                                   : "its slot is multifunction");
        else if ((i > 0 && domxml__same_slot(sorted[i - 1], d)) ||
                 (i + 1 < m && domxml__same_slot(sorted[i + 1], d)))
            domxml__report_primary(v, d, "another device uses the same slot");
    }
    v->mem->free_fcn(sorted);
    return true;
}

void domxml__validate_devices(const domxml_domain *dom, struct domxml__diags *ds)
{
    domxml__vctx v = {.ds = ds, .mem = &dom->internal->arena.mem};
    bool ok = domxml__collect(&v, dom) && domxml__check_aliases(&v);

    if (ok) {
        domxml__check_teaming(&v);
        domxml__check_filterref(&v);
        ok = domxml__check_pci(&v);
    }
    if (!ok)
        domxml__diags_nomem(ds);
    v.mem->free_fcn(v.slots);
    v.mem->free_fcn(v.devs);
}
