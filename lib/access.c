/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Caller accessors: walking and editing the devices, lookups on generic
 * nodes, and value text (MAC, PCI address) shared with the element files.
 */
#include <stdio.h>
#include <string.h>

#include "error.h"
#include "teaming.h"
#include "values.h"

static bool domxml__is_device(const domxml_node *n)
{
    return n && ((n->kind == DOMXML_NODE_INTERFACE && n->interface) ||
                 (n->kind == DOMXML_NODE_HOSTDEV && n->hostdev));
}

domxml_node *domxml_domain_devices(const domxml_domain *dom)
{
    if (!dom || !dom->root || dom->root->kind != DOMXML_NODE_ELEMENT)
        return NULL;
    for (domxml_node *n = dom->root->children; n; n = n->next) {
        if (n->kind == DOMXML_NODE_ELEMENT && n->name && strcmp(n->name, "devices") == 0)
            return n;
    }
    return NULL;
}

domxml_node *domxml_device_next(const domxml_domain *dom, const domxml_node *prev)
{
    const domxml_node *devices = domxml_domain_devices(dom);
    domxml_node *n;

    if (!dom)
        return NULL;
    if (!devices) /* a standalone device document: its root, once */
        return !prev && domxml__is_device(dom->root) ? dom->root : NULL;
    for (n = prev ? prev->next : devices->children; n; n = n->next) {
        if (domxml__is_device(n))
            return n;
    }
    return NULL;
}

domxml_device_info *domxml_node_device_info(const domxml_node *n)
{
    if (!domxml__is_device(n))
        return NULL;
    return n->kind == DOMXML_NODE_INTERFACE ? &n->interface->info : &n->hostdev->info;
}

domxml_teaming *domxml_node_teaming(const domxml_node *n)
{
    if (!domxml__is_device(n))
        return NULL;
    return n->kind == DOMXML_NODE_INTERFACE ? n->interface->teaming : n->hostdev->teaming;
}

const char *domxml_node_alias(const domxml_node *n)
{
    const domxml_device_info *info = domxml_node_device_info(n);

    return info && info->alias ? info->alias->name : NULL;
}

domxml_hostdev_source *domxml_node_host_source(const domxml_node *n)
{
    if (!domxml__is_device(n))
        return NULL;
    if (n->kind == DOMXML_NODE_HOSTDEV)
        return n->hostdev->source;
    return n->interface->type == DOMXML_INTERFACE_TYPE_HOSTDEV ? n->interface->hostdev_source
                                                               : NULL;
}

/* ------------------------------------------------------------------ */
/* Editing                                                              */

int domxml_device_insert_before(domxml_domain *dom, domxml_node *device, domxml_node *before,
                                domxml_error *error)
{
    domxml_node *devices = domxml_domain_devices(dom);
    domxml_node **slot;

    domxml__error_clear(error, NULL);
    if (!dom || !dom->internal || !devices || !domxml__is_device(device) || device->next ||
        device == dom->root) {
        domxml__error_set(error, DOMXML_ERR_INVALID_ARG,
                          !devices ? "the document has no <devices>"
                                   : "not a device node, or one already in a tree");
        return -1;
    }
    for (const domxml_node *n = devices->children; n; n = n->next) {
        if (n == device) {
            domxml__error_set(error, DOMXML_ERR_INVALID_ARG, "the device is already in <devices>");
            return -1;
        }
    }
    for (slot = &devices->children; *slot && *slot != before; slot = &(*slot)->next)
        ;
    if (*slot != before) {
        domxml__error_set(error, DOMXML_ERR_INVALID_ARG, "`before` is not a child of <devices>");
        return -1;
    }
    device->next = before;
    *slot = device;
    if (domxml__teaming_link(dom, error) < 0) {
        *slot = before; /* undo; the links are as they were before the call */
        device->next = NULL;
        domxml__teaming_forget(device);
        (void)domxml__teaming_link(dom, NULL);
        return -1;
    }
    return 0;
}

int domxml_device_append(domxml_domain *dom, domxml_node *device, domxml_error *error)
{
    return domxml_device_insert_before(dom, device, NULL, error);
}

int domxml_device_unlink(domxml_domain *dom, domxml_node *device)
{
    domxml_node *devices = domxml_domain_devices(dom);

    if (!devices || !domxml__is_device(device))
        return -1;
    for (domxml_node **slot = &devices->children; *slot; slot = &(*slot)->next) {
        if (*slot == device) {
            *slot = device->next;
            device->next = NULL;
            domxml__teaming_forget(device);
            return 0;
        }
    }
    return -1;
}

/* ------------------------------------------------------------------ */
/* Generic nodes                                                        */

const char *domxml_node_attr(const domxml_node *n, const char *name)
{
    if (!n || n->kind != DOMXML_NODE_ELEMENT || !name)
        return NULL;
    for (const domxml_attr *a = n->attrs; a; a = a->next) {
        if (a->name && strcmp(a->name, name) == 0)
            return a->value;
    }
    return NULL;
}

domxml_node *domxml_node_child(const domxml_node *parent, const domxml_node *prev,
                               const char *name)
{
    domxml_node *n;

    if (!parent || parent->kind != DOMXML_NODE_ELEMENT)
        return NULL;
    for (n = prev ? prev->next : parent->children; n; n = n->next) {
        const char *nm = domxml__node_tag(n);
        if (nm && (!name || strcmp(nm, name) == 0))
            return n;
    }
    return NULL;
}

const char *domxml_node_text(const domxml_node *n)
{
    const domxml_node *c = n && n->kind == DOMXML_NODE_ELEMENT ? n->children : NULL;

    return c && c->kind == DOMXML_NODE_TEXT && !c->next ? c->text : NULL;
}

/* ------------------------------------------------------------------ */
/* Values to and from text                                              */

int domxml_mac_from_string(const char *text, domxml_mac_addr *out)
{
    unsigned char bytes[6];

    if (!text || !out || !domxml__parse_mac(text, bytes))
        return -1;
    memcpy(out->bytes, bytes, sizeof(bytes));
    out->set = true;
    return 0;
}

const char *domxml_mac_to_string(const domxml_mac_addr *mac, char buf[DOMXML_MAC_STRLEN])
{
    static const char hex[] = "0123456789abcdef";

    if (!mac || !mac->set || !buf)
        return NULL;
    for (int i = 0; i < 6; i++) {
        buf[3 * i] = hex[mac->bytes[i] >> 4];
        buf[3 * i + 1] = hex[mac->bytes[i] & 15];
        buf[3 * i + 2] = i < 5 ? ':' : '\0';
    }
    return buf;
}

/* Hex digits of s up to `stop`, at most `max`; the end in *end. */
static bool domxml__hex_field(const char *s, char stop, unsigned long max, unsigned long *out,
                              const char **end)
{
    unsigned long v = 0;
    const char *p = s;

    for (; *p && *p != stop; p++) {
        int d = *p >= '0' && *p <= '9' ? *p - '0'
                : *p >= 'a' && *p <= 'f' ? *p - 'a' + 10
                : *p >= 'A' && *p <= 'F' ? *p - 'A' + 10 : -1;
        if (d < 0 || p - s >= 8)
            return false;
        v = v * 16 + (unsigned long)d;
    }
    if (p == s || *p != stop || v > max)
        return false;
    *out = v;
    *end = p;
    return true;
}

int domxml_pci_addr_from_string(const char *text, domxml_pci_addr *out)
{
    unsigned long f[4] = {0};
    const char *p = text;
    int colons = 0;

    if (!text || !out)
        return -1;
    for (const char *c = text; *c; c++)
        colons += *c == ':';
    if (colons < 1 || colons > 2)
        return -1;
    if (colons == 2 && !domxml__hex_field(p, ':', 0xffffffffUL, &f[0], &p))
        return -1;
    if (colons == 2)
        p++;
    if (!domxml__hex_field(p, ':', 0xff, &f[1], &p) || !domxml__hex_field(p + 1, '.', 0x1f, &f[2], &p) ||
        !domxml__hex_field(p + 1, '\0', 7, &f[3], &p))
        return -1;
    out->domain = (domxml_uint){(unsigned)f[0], true};
    out->bus = (domxml_uint){(unsigned)f[1], true};
    out->slot = (domxml_uint){(unsigned)f[2], true};
    out->function = (domxml_uint){(unsigned)f[3], true};
    return 0;
}

const char *domxml_pci_addr_to_string(const domxml_pci_addr *a, char buf[DOMXML_PCI_ADDR_STRLEN])
{
    if (!a || !buf || !a->bus.set || !a->slot.set || !a->function.set ||
        a->bus.value > 0xff ||
        a->slot.value > 0x1f || a->function.value > 7)
        return NULL;
    snprintf(buf, DOMXML_PCI_ADDR_STRLEN, "%04x:%02x:%02x.%x",
             a->domain.set ? a->domain.value : 0u, a->bus.value, a->slot.value,
             a->function.value);
    return buf;
}
