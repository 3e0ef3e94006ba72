/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Failover pairs, resolved on the model (parsed or built): a transient
 * member (<interface type='hostdev'> or a PCI <hostdev>) names its
 * persistent virtio <interface> by alias; linking checks libvirt's rules and
 * sets the peer pointers both ways, with one keyed hash table (hash.c) so
 * the cost stays linear whatever the aliases. The <teaming> element is in devinfo.c.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "error.h"
#include "hash.h"
#include "diag.h"
#include "teaming.h"

/* ------------------------------------------------------------------ */
/* Linking                                                              */

typedef struct domxml__alias_slot {
    const char *alias;
    domxml_node *node;
    bool ambiguous;
    bool taken; /* a transient member names it already */
} domxml__alias_slot;

typedef struct domxml__linker {
    domxml_error *err;
    domxml__alias_slot *slots;
    size_t mask;
    bool standalone; /* the document's root is the device */
    bool apply;      /* set the peers (false: only check) */
    domxml__hash_key key;
} domxml__linker;

#define domxml__node_teaming(n) domxml_node_teaming(n)
#define domxml__node_alias(n) domxml_node_alias(n)

/* A modelled device node (the accessors say so by giving its info). */
#define domxml__is_device(n) (domxml_node_device_info(n) != NULL)

static domxml__alias_slot *domxml__alias_find(domxml__linker *l, const char *alias)
{
    size_t i = (size_t)domxml__hash(&l->key, alias, strlen(alias)) & l->mask;

    while (l->slots[i].alias && strcmp(l->slots[i].alias, alias) != 0)
        i = (i + 1) & l->mask;
    return &l->slots[i];
}

static int domxml__link_fail(domxml__linker *l, const domxml_node *n, unsigned index,
                             const char *fmt, ...) DOMXML__PRINTF(4, 5);

static int domxml__link_fail(domxml__linker *l, const domxml_node *n, unsigned index,
                             const char *fmt, ...)
{
    const domxml_teaming *t = domxml__node_teaming(n);
    const char *name = domxml__node_tag(n);
    va_list ap;

    va_start(ap, fmt);
    domxml__error_vset(l->err, DOMXML_ERR_TEAMING, fmt, ap);
    va_end(ap);
    l->err->line = t->meta.line ? t->meta.line : n->line;
    l->err->column = t->meta.line ? t->meta.column : n->column;
    char path[96];
    size_t len = 0;
    path[0] = '\0';
    if (!l->standalone) {
        domxml__path_step(path, sizeof(path), &len, "domain", 0);
        domxml__path_step(path, sizeof(path), &len, "devices", 0);
    }
    domxml__path_step(path, sizeof(path), &len, name, l->standalone ? 0 : index);
    domxml__path_step(path, sizeof(path), &len, "teaming", 0);
    domxml__error_path(l->err, path, len);
    return -1;
}

int domxml__teaming_own_rules(domxml__diag *d, const domxml_node *n)
{
    const domxml_teaming *t = domxml__node_teaming(n);
    const char *tag = domxml__node_tag(n);

    if (!t || t->type == DOMXML_TEAMING_TYPE_NONE)
        return 0;
    if ((unsigned)t->type >= DOMXML_TEAMING_TYPE_LAST)
        return domxml__rule_at(d, DOMXML_ERR_TEAMING, &t->meta, "teaming",
                               "<%s> teaming type is not a domxml_teaming_type", tag);
    if (n->kind == DOMXML_NODE_HOSTDEV) {
        const domxml_hostdev *h = n->hostdev;
        if (t->type != DOMXML_TEAMING_TYPE_TRANSIENT)
            return domxml__rule_at(d, DOMXML_ERR_TEAMING, &t->meta, "teaming",
                                   "[teaming.hostdev-not-transient] <%s> teaming must be "
                                   "type='transient'", tag);
        if (h->mode == DOMXML_HOSTDEV_MODE_CAPABILITIES || h->type != DOMXML_HOSTDEV_TYPE_PCI)
            return domxml__rule_at(d, DOMXML_ERR_TEAMING, &t->meta, "teaming",
                                   "[teaming.hostdev-not-pci] <%s> teaming is supported only "
                                   "for PCI host devices", tag);
    }
    if (t->type == DOMXML_TEAMING_TYPE_PERSISTENT && t->persistent)
        return domxml__rule_at(d, DOMXML_ERR_TEAMING, &t->meta, "teaming",
                               "[teaming.persistent-named] <%s> with teaming type='persistent' "
                               "must not have a 'persistent' attribute (found '%s')",
                               tag, t->persistent);
    if (t->type == DOMXML_TEAMING_TYPE_TRANSIENT && !t->persistent)
        return domxml__rule_at(d, DOMXML_ERR_TEAMING, &t->meta, "teaming",
                               "[teaming.partner-unnamed] <%s> with teaming type='transient' "
                               "needs the 'persistent' attribute naming its partner's alias",
                               tag);
    return 0;
}

/* The linker's sink for those rules: the message, with the linker's path. */
typedef struct domxml__link_diag {
    domxml__diag diag; /* first */
    domxml__linker *l;
    domxml_node *n;
    unsigned index;
} domxml__link_diag;

static void domxml__link_report(domxml__diag *d, const domxml__problem *p)
{
    domxml__link_diag *ld = (domxml__link_diag *)(void *)d;

    if (p->severity == DOMXML_SEVERITY_ERROR)
        domxml__link_fail(ld->l, ld->n, ld->index, "%s", p->message);
}

/* Rules for one member, then the link for a transient one: 0; -1 when it
 * cannot be linked (its partner is missing, ambiguous, not a persistent
 * interface, or taken: a problem across devices, for validation); -2 when
 * it breaks a rule of its own (libvirt refuses it when it defines the
 * domain): linking stops, nothing is linked. */
static int domxml__link_member(domxml__linker *l, domxml_node *n, unsigned index)
{
    domxml_teaming *t = domxml__node_teaming(n);
    domxml__link_diag own = {{domxml__link_report}, l, n, index};
    domxml__alias_slot *slot;
    domxml_teaming *pt;

    if (domxml__teaming_own_rules(&own.diag, n) < 0)
        return -2;
    if (t->type != DOMXML_TEAMING_TYPE_TRANSIENT)
        return 0;
    if (!l->slots)
        return 0; /* checking a member's own rules only */
    slot = domxml__alias_find(l, t->persistent);
    if (!slot->alias && l->standalone)
        return 0; /* a device to hot-plug: its partner is in the running domain */
    if (!slot->alias)
        return domxml__link_fail(l, n, index,
                                 "<%s> teaming names persistent device '%s', but no device "
                                 "has that alias", domxml__node_tag(n), t->persistent);
    if (slot->ambiguous)
        return domxml__link_fail(l, n, index,
                                 "<%s> teaming names alias '%s', which several devices use",
                                 domxml__node_tag(n), t->persistent);
    pt = domxml__node_teaming(slot->node);
    if (slot->node->kind != DOMXML_NODE_INTERFACE || !pt ||
        pt->type != DOMXML_TEAMING_TYPE_PERSISTENT)
        return domxml__link_fail(l, n, index,
                                 "<%s> teaming names '%s', which is not an <interface> with "
                                 "<teaming type='persistent'/>", domxml__node_tag(n), t->persistent);
    if (slot->taken)
        return domxml__link_fail(l, n, index,
                                 "<%s> teaming names '%s', which already has a transient member",
                                 domxml__node_tag(n), t->persistent);
    slot->taken = true;
    if (l->apply) {
        pt->peer = n;
        t->peer = slot->node;
    }
    return 0;
}

/* The devices to link: those of <devices>, or a standalone root device. */
static domxml_node *domxml__first_device(const domxml_domain *dom)
{
    const domxml_node *devices = domxml_domain_devices(dom);

    if (devices)
        return devices->children;
    if (dom->root && dom->root->kind != DOMXML_NODE_ELEMENT)
        return dom->root;
    return NULL;
}

/* The members met on the way, in order, with their index among the
 * devices of their kind (for paths). */
typedef struct domxml__member {
    domxml_node *node;
    unsigned index;
} domxml__member;

typedef struct domxml__members {
    domxml__member *at;
    size_t n, cap;
} domxml__members;

static bool domxml__members_add(const domxml_memory *mem, domxml__members *m, domxml_node *d,
                                unsigned index)
{
    if (m->n == m->cap) {
        size_t cap = m->cap ? 2 * m->cap : 16;
        domxml__member *at = mem->realloc_fcn(m->at, cap * sizeof(*at));
        if (!at)
            return false;
        m->at = at;
        m->cap = cap;
    }
    m->at[m->n++] = (domxml__member){d, index};
    return true;
}

/* Room for one more alias: the table stays at most half full. */
static bool domxml__alias_room(const domxml_memory *mem, domxml__linker *l, size_t *n)
{
    size_t cap = l->slots ? l->mask + 1 : 0, bigger = cap ? 2 * cap : 64;
    domxml__alias_slot *old = l->slots;

    if (old && 2 * (*n + 1) <= cap)
        return true;
    l->slots = mem->malloc_fcn(bigger * sizeof(*l->slots));
    if (!l->slots) {
        l->slots = old;
        return false;
    }
    memset(l->slots, 0, bigger * sizeof(*l->slots));
    l->mask = bigger - 1;
    if (!old)
        domxml__hash_key_new(&l->key, l->slots);
    for (size_t i = 0; i < cap; i++) {
        if (old[i].alias)
            *domxml__alias_find(l, old[i].alias) = old[i];
    }
    mem->free_fcn(old);
    return true;
}

/* Resolve every pair: with `apply`, set the peers of those that link. The
 * first problem goes to *error; 0, -1 (some members unlinked) or -2 (a
 * member breaks a rule of its own: with `apply`, nothing is linked). One
 * pass over the devices collects the aliases and the members; the rest
 * looks at the members only (a large document is visited once). */
static int domxml__teaming_resolve(const domxml_domain *dom, domxml_error *error, bool apply)
{
    domxml_error local;
    domxml_error *err = error ? error : &local;

    if (!error)
        domxml__error_clear(&local, NULL);
    const domxml_memory *mem = &dom->internal->arena.mem;
    domxml__linker l = {.err = err, .standalone = domxml_domain_devices(dom) == NULL,
                        .apply = apply};
    domxml__members m = {0};
    size_t n_alias = 0;
    unsigned n_iface = 0, n_hostdev = 0;
    int rc = 0;
    bool ok = true;

    for (domxml_node *d = domxml__first_device(dom); d && ok; d = d->next) {
        domxml_teaming *t;
        const char *alias;

        if (!domxml__is_device(d))
            continue;
        unsigned index = d->kind == DOMXML_NODE_INTERFACE ? ++n_iface : ++n_hostdev;
        if ((t = domxml__node_teaming(d)) != NULL) {
            if (apply)
                t->peer = NULL;
            ok = domxml__members_add(mem, &m, d, index);
        }
        /* Only a parse links: what a check refuses needs no partner. */
        if (!apply || !ok || !(alias = domxml__node_alias(d)))
            continue;
        if (!(ok = domxml__alias_room(mem, &l, &n_alias)))
            break;
        domxml__alias_slot *slot = domxml__alias_find(&l, alias);
        if (slot->alias) {
            slot->ambiguous = true;
        } else {
            slot->alias = alias;
            slot->node = d;
            n_alias++;
        }
    }
    if (ok && apply && m.n && !l.slots) /* members but no alias: an empty table */
        ok = domxml__alias_room(mem, &l, &n_alias);
    if (!ok) {
        domxml__error_set(err, DOMXML_ERR_NOMEM, "out of memory");
        rc = -2;
    }
    for (size_t i = 0; i < m.n && rc > -2; i++) {
        int one = domxml__link_member(&l, m.at[i].node, m.at[i].index);
        if (one < rc)
            rc = one;
    }
    if (rc == -2 && apply) {
        for (size_t i = 0; i < m.n; i++)
            domxml__node_teaming(m.at[i].node)->peer = NULL;
    }
    if (l.slots)
        mem->free_fcn(l.slots);
    if (m.at)
        mem->free_fcn(m.at);
    return rc;
}

int domxml__teaming_link(domxml_domain *dom, domxml_error *err)
{
    return domxml__teaming_resolve(dom, err, true);
}

void domxml__teaming_forget(domxml_node *device)
{
    domxml_teaming *t = domxml__node_teaming(device);
    domxml_teaming *pt = t && t->peer ? domxml__node_teaming(t->peer) : NULL;

    if (pt && pt->peer == device)
        pt->peer = NULL;
    if (t)
        t->peer = NULL;
}

domxml_node *domxml_teaming_peer(const domxml_node *member)
{
    const domxml_teaming *t = domxml__node_teaming(member);

    return t && t->type != DOMXML_TEAMING_TYPE_NONE ? t->peer : NULL;
}

domxml_node *domxml_teaming_next_pair(const domxml_domain *dom, const domxml_node *prev)
{
    domxml_node *n;

    if (!dom)
        return NULL;
    n = prev ? prev->next : domxml__first_device(dom);
    for (; n; n = n->next) {
        const domxml_teaming *t = domxml__node_teaming(n);
        if (t && t->type == DOMXML_TEAMING_TYPE_PERSISTENT && t->peer)
            return n;
    }
    return NULL;
}
