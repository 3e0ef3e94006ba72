/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * libvirt's rules on interfaces and host devices that read more than one
 * device, or the rest of the <domain>: validation only (libvirt refuses
 * such a guest when it defines or starts it; parsing takes it).
 *   - a vhost-user interface needs shared guest memory (libvirt 11.2.0);
 *   - an mdev with display='on' needs a <graphics> device;
 *   - one host device at most has ramfb='on' (QEMU has one ramfb);
 *   - a PCI host device is assigned once, across <hostdev> and
 *     <interface type='hostdev'>;
 *   - for a chosen libvirt release: no syntax that release does not take
 *     (since.c), and no rule it does not enforce yet.
 * Every device is visited once; the PCI sources are sorted, so the cost
 * stays O(n log n). Works on any tree: absent parts are simply absent.
 */
#include <stdio.h>
#include <stdlib.h>

#include "arena.h"
#include "domain_rules.h"
#include "since.h"
#include "validate.h"

/* A device as these rules report it: its path and position. */
typedef struct domxml__rdev {
    const domxml_node *node;
    char path[64]; /* "/domain/devices/hostdev[2]" */
} domxml__rdev;

/* A PCI host device a device assigns. */
typedef struct domxml__hostpci {
    unsigned key[4]; /* domain, bus, slot, function */
    const domxml_hostdev_address *at;
    size_t dev;      /* index in document order */
} domxml__hostpci;

typedef struct domxml__rctx {
    struct domxml__diags *ds;
    const domxml_domain *dom;
    domxml__rdev *devs;
    size_t n;
    domxml__hostpci *pcis;
    size_t n_pcis;
    const domxml__rdev *ramfb; /* the first device with ramfb='on' */
    unsigned long version;     /* the libvirt release, 0: the newest */
} domxml__rctx;

static void domxml__rdiag(domxml__rctx *r, domxml_error_code kind, const char *id,
                          const domxml_meta *at, const domxml__rdev *d, const char *rel,
                          const char *fmt, ...) DOMXML__PRINTF(7, 8);

/* An error at `at` (or at the device itself), path = device path + rel. */
static void domxml__rdiag(domxml__rctx *r, domxml_error_code kind, const char *id,
                          const domxml_meta *at, const domxml__rdev *d, const char *rel,
                          const char *fmt, ...)
{
    char msg[512], path[128];
    va_list ap;

    va_start(ap, fmt);
    vsnprintf(msg, sizeof(msg), fmt, ap);
    va_end(ap);
    snprintf(path, sizeof(path), "%s%s%s", d->path, rel ? "/" : "", rel ? rel : "");
    domxml__diags_add(r->ds, DOMXML_SEVERITY_ERROR, kind, id,
                      at && at->line ? at->line : d->node->line,
                      at && at->line ? at->column : d->node->column, path, msg);
}

/* ------------------------------------------------------------------ */
/* Shared memory (vhost-user)                                           */

static bool domxml__rattr_is(const domxml_node *n, const char *name, const char *value)
{
    const char *v = n ? domxml_node_attr(n, name) : NULL;

    return v && strcmp(v, value) == 0;
}

/* libvirt 11.2.0 (qemuValidateDomainDefVhostUserRequireSharedMemory):
 * without NUMA cells, <memoryBacking><access mode='shared'/>; with them,
 * every cell memAccess='shared', or unset with that <memoryBacking>. A
 * memfd <source> alone is not enough. NULL, or why it is not shared. */
static const char *domxml__memory_not_shared(const domxml_node *root)
{
    const domxml_node *mb = domxml_node_child(root, NULL, "memoryBacking");
    bool shared = domxml__rattr_is(mb ? domxml_node_child(mb, NULL, "access") : NULL, "mode",
                                  "shared");
    const domxml_node *cpu = domxml_node_child(root, NULL, "cpu");
    const domxml_node *numa = cpu ? domxml_node_child(cpu, NULL, "numa") : NULL;
    const domxml_node *cell = numa ? domxml_node_child(numa, NULL, "cell") : NULL;

    if (!cell)
        return shared ? NULL : "the domain has no <memoryBacking><access mode='shared'/>";
    for (; cell; cell = domxml_node_child(numa, cell, "cell")) {
        const char *access = domxml_node_attr(cell, "memAccess");
        if (access && strcmp(access, "private") == 0)
            return "a NUMA <cell> has memAccess='private'";
        if (!access && !shared)
            return "a NUMA <cell> has no memAccess='shared' and the domain no "
                   "<memoryBacking><access mode='shared'/>";
    }
    return NULL;
}

static void domxml__check_shared_memory(domxml__rctx *r, const domxml__rdev *d,
                                        const char **why, bool *asked)
{
    if (!*asked) {
        *why = domxml__memory_not_shared(r->dom->root);
        *asked = true;
    }
    if (*why)
        domxml__rdiag(r, DOMXML_ERR_CONTENT, "interface.shared-memory", NULL, d, NULL,
                      "a vhost-user interface needs shared guest memory: %s (libvirt 11.2.0: "
                      "\"'interface' requires shared memory\")", *why);
}

/* ------------------------------------------------------------------ */
/* Host devices                                                         */

static void domxml__check_display(domxml__rctx *r, const domxml__rdev *d, const domxml_hostdev *h,
                                  bool has_graphics)
{
    if (h->type == DOMXML_HOSTDEV_TYPE_MDEV && h->display == DOMXML_TRISTATE_SWITCH_ON &&
        !has_graphics)
        domxml__rdiag(r, DOMXML_ERR_CONTENT, "hostdev.display-needs-graphics", &h->meta, d, NULL,
                      "display='on' needs a <graphics> device in the domain (libvirt: "
                      "\"graphics device is needed for attribute value 'display=on' in "
                      "<hostdev>\")");
    if (h->ramfb != DOMXML_TRISTATE_SWITCH_ON)
        return;
    if (r->ramfb)
        domxml__rdiag(r, DOMXML_ERR_DUPLICATE, "hostdev.ramfb-duplicate", &h->meta, d, NULL,
                      "ramfb='on' is already set on %s: one host device at most has it "
                      "(libvirt: \"Only one vgpu device can have 'ramfb' enabled\")",
                      r->ramfb->path);
    else
        r->ramfb = d;
}

/* The PCI address a device assigns, if it is a complete one. */
static void domxml__collect_hostpci(domxml__rctx *r, size_t k)
{
    const domxml_node *n = r->devs[k].node;
    const domxml_hostdev_source *src = domxml_node_host_source(n);
    const domxml_hostdev_address *a = src ? src->address : NULL;
    bool pci = n->kind == DOMXML_NODE_HOSTDEV
                   ? n->hostdev->type == DOMXML_HOSTDEV_TYPE_PCI
                   : a && a->type == DOMXML_ADDRESS_TYPE_PCI;
    const domxml_pci_addr *p = a ? &a->u.pci : NULL;

    if (!pci || !p || !p->domain.set || !p->bus.set || !p->slot.set || !p->function.set)
        return;
    r->pcis[r->n_pcis++] = (domxml__hostpci){
        {p->domain.value, p->bus.value, p->slot.value, p->function.value}, a, k};
}

static int domxml__hostpci_cmp(const void *a, const void *b)
{
    const domxml__hostpci *x = a, *y = b;

    for (int i = 0; i < 4; i++) {
        if (x->key[i] != y->key[i])
            return x->key[i] < y->key[i] ? -1 : 1;
    }
    return x->dev < y->dev ? -1 : x->dev > y->dev; /* document order among equals */
}

/* libvirt refuses the same host PCI device twice when it defines the
 * domain ("Hostdev already exists in the domain configuration"; libvirt
 * 9.0.0 and 11.3.0 do, checked live). */
static void domxml__check_hostpci(domxml__rctx *r)
{
    if (r->n_pcis > 1) /* qsort's base must not be NULL, even for 0 items */
        qsort(r->pcis, r->n_pcis, sizeof(*r->pcis), domxml__hostpci_cmp);
    for (size_t i = 1; i < r->n_pcis; i++) {
        const domxml__hostpci *p = &r->pcis[i];
        if (memcmp(p->key, r->pcis[i - 1].key, sizeof(p->key)) != 0)
            continue;
        domxml__rdiag(r, DOMXML_ERR_DUPLICATE, "hostdev.duplicate", &p->at->meta, &r->devs[p->dev], "source/address",
                      "host PCI device %04x:%02x:%02x.%x is also assigned by %s (libvirt: "
                      "\"Hostdev already exists in the domain configuration\")",
                      p->key[0], p->key[1], p->key[2], p->key[3],
                      r->devs[r->pcis[i - 1].dev].path);
    }
}

/* ------------------------------------------------------------------ */
/* A chosen libvirt release                                             */

static bool domxml__release_lacks(unsigned long version, const domxml_libvirt_since *e)
{
    return version && ((e->since && version < e->since) || (e->until && version >= e->until));
}

#define DOMXML__V3(v) (v) / 1000000, (v) / 1000 % 1000, (v) % 1000

static void domxml__check_release(domxml__rctx *r, const domxml__rdev *d)
{
    const domxml_libvirt_since *e;
    domxml__since_find find;

    for (size_t i = 0; (e = domxml__since_syntax(i, &find)); i++) {
        const char *rel = NULL;
        const domxml_meta *at = domxml__release_lacks(r->version, e) ? find(d->node, &rel) : NULL;

        if (!at)
            continue;
        if (e->since && r->version < e->since)
            domxml__rdiag(r, DOMXML_ERR_UNSUPPORTED, e->code, at, d, rel,
                          "%s needs libvirt %lu.%lu.%lu or newer; the document is for "
                          "libvirt %lu.%lu.%lu", e->what, DOMXML__V3(e->since),
                          DOMXML__V3(r->version));
        else
            domxml__rdiag(r, DOMXML_ERR_UNSUPPORTED, e->code, at, d, rel,
                          "%s is refused from libvirt %lu.%lu.%lu on; the document is for "
                          "libvirt %lu.%lu.%lu", e->what, DOMXML__V3(e->until),
                          DOMXML__V3(r->version));
    }
}

/* Does the chosen release enforce the rule with this code? */
static bool domxml__rule_applies(const domxml__rctx *r, const char *code)
{
    return !r->version || r->version >= domxml__since_of(code);
}

/* ------------------------------------------------------------------ */

static bool domxml__collect_devices(domxml__rctx *r, const domxml_node *devices)
{
    const domxml_memory *mem = &r->dom->internal->arena.mem;
    unsigned n_if = 0, n_hd = 0;
    size_t cap = 0;

    for (const domxml_node *c = domxml_device_next(r->dom, NULL); c;
         c = domxml_device_next(r->dom, c))
        cap++;
    if (!cap)
        return true;
    r->devs = mem->malloc_fcn(cap * sizeof(*r->devs));
    r->pcis = mem->malloc_fcn(cap * sizeof(*r->pcis));
    if (!r->devs || !r->pcis)
        return false;
    for (const domxml_node *c = domxml_device_next(r->dom, NULL); c && r->n < cap;
         c = domxml_device_next(r->dom, c)) {
        domxml__rdev *d = &r->devs[r->n++];
        bool iface = c->kind == DOMXML_NODE_INTERFACE;
        unsigned index = iface ? ++n_if : ++n_hd;
        const char *tag = iface ? "interface" : "hostdev";

        d->node = c;
        if (!devices)
            snprintf(d->path, sizeof(d->path), "/%s", tag);
        else if (index > 1)
            snprintf(d->path, sizeof(d->path), "/domain/devices/%s[%u]", tag, index);
        else
            snprintf(d->path, sizeof(d->path), "/domain/devices/%s", tag);
    }
    return true;
}

void domxml__validate_domain_rules(const domxml_domain *dom, unsigned long libvirt_version,
                                   struct domxml__diags *ds)
{
    const domxml_memory *mem = &dom->internal->arena.mem;
    const domxml_node *devices = domxml_domain_devices(dom);
    domxml__rctx r = {.ds = ds, .dom = dom, .version = libvirt_version};
    bool has_graphics = devices && domxml_node_child(devices, NULL, "graphics");
    bool asked = false;
    const char *why = NULL;

    if (!domxml__collect_devices(&r, devices)) {
        domxml__diags_nomem(ds);
    } else {
        for (size_t k = 0; k < r.n; k++) {
            const domxml_node *n = r.devs[k].node;
            domxml__check_release(&r, &r.devs[k]);
            if (n->kind == DOMXML_NODE_INTERFACE && devices &&
                n->interface->type == DOMXML_INTERFACE_TYPE_VHOSTUSER &&
                domxml__rule_applies(&r, "interface.shared-memory"))
                domxml__check_shared_memory(&r, &r.devs[k], &why, &asked);
            if (n->kind == DOMXML_NODE_HOSTDEV)
                domxml__check_display(&r, &r.devs[k], n->hostdev, has_graphics || !devices);
            domxml__collect_hostpci(&r, k);
        }
        domxml__check_hostpci(&r);
    }
    mem->free_fcn(r.pcis);
    mem->free_fcn(r.devs);
}
