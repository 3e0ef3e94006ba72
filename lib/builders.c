/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Builders: zeroed objects from a domain's arena, for callers who build or
 * edit a tree by hand. */
#include <string.h>

#include "arena.h"


char *domxml_strdup(domxml_domain *dom, const char *str)
{
    if (!dom || !dom->internal || !str)
        return NULL;
    return domxml__strndup(domxml__arena_of(dom), str, strlen(str));
}

static void *domxml__new(domxml_domain *dom, size_t size)
{
    return dom && dom->internal ? domxml__alloc(domxml__arena_of(dom), size) : NULL;
}

domxml_node *domxml_node_new(domxml_domain *dom, domxml_node_kind kind)
{
    domxml_node *n;

    /* Modelled nodes come with their struct: domxml_*_node_new(). */
    if ((unsigned)kind >= DOMXML_NODE_KIND_LAST || kind == DOMXML_NODE_INTERFACE ||
        kind == DOMXML_NODE_HOSTDEV)
        return NULL;
    n = domxml__new(dom, sizeof(*n));
    if (n)
        n->kind = kind;
    return n;
}

domxml_attr *domxml_attr_new(domxml_domain *dom, const char *name, const char *value)
{
    domxml_attr *a;

    if (!name || !value)
        return NULL;
    a = domxml__new(dom, sizeof(*a));
    if (!a || !(a->name = domxml_strdup(dom, name)) || !(a->value = domxml_strdup(dom, value)))
        return NULL;
    return a;
}

domxml_extra_attr *domxml_extra_attr_new(domxml_domain *dom, const char *name, const char *value)
{
    domxml_extra_attr *a;

    if (!name || !value)
        return NULL;
    a = domxml__new(dom, sizeof(*a));
    if (!a || !(a->name = domxml_strdup(dom, name)) || !(a->value = domxml_strdup(dom, value)))
        return NULL;
    return a;
}

int domxml_node_append_child(domxml_node *parent, domxml_node *child)
{
    domxml_node *last = NULL;

    /* Devices join <devices> through domxml_device_append() (teaming
     * links); a node already in a chain, or already this parent's last
     * child, is refused (either would make a cycle). */
    if (!parent || !child || parent->kind != DOMXML_NODE_ELEMENT || child->next ||
        child == parent || child->kind == DOMXML_NODE_INTERFACE ||
        child->kind == DOMXML_NODE_HOSTDEV)
        return -1;
    for (domxml_node *n = parent->children; n; n = n->next) {
        if (n == child)
            return -1;
        last = n;
    }
    if (last)
        last->next = child;
    else
        parent->children = child;
    return 0;
}

domxml_node *domxml_element_append(domxml_domain *dom, domxml_node *parent, const char *name,
                                   const char *text)
{
    domxml_node *e, *t = NULL;

    if (!dom || !name || !name[0] || (parent ? parent->kind != DOMXML_NODE_ELEMENT : !!dom->root))
        return NULL;
    e = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
    if (!e || !(e->name = domxml_strdup(dom, name)))
        return NULL;
    if (text) {
        t = domxml_node_new(dom, DOMXML_NODE_TEXT);
        if (!t || !(t->text = domxml_strdup(dom, text)))
            return NULL;
        e->children = t;
    }
    if (parent)
        domxml_node_append_child(parent, e);
    else
        dom->root = e;
    return e;
}

int domxml_element_set_attr(domxml_domain *dom, domxml_node *element, const char *name,
                            const char *value)
{
    domxml_attr *a, *last = NULL;

    if (!dom || !element || element->kind != DOMXML_NODE_ELEMENT || !name || !name[0] || !value)
        return -1;
    for (a = element->attrs; a; last = a, a = a->next) {
        if (strcmp(a->name, name) == 0) {
            const char *copy = domxml_strdup(dom, value);
            if (!copy)
                return -1;
            a->value = copy;
            return 0;
        }
    }
    if (!(a = domxml_attr_new(dom, name, value)))
        return -1;
    if (last)
        last->next = a;
    else
        element->attrs = a;
    return 0;
}

domxml_node *domxml_interface_node_new(domxml_domain *dom)
{
    domxml_node *n = domxml__new(dom, sizeof(*n));

    if (!n || !(n->interface = domxml__new(dom, sizeof(domxml_interface))))
        return NULL;
    n->kind = DOMXML_NODE_INTERFACE;
    n->name = "interface";
    return n;
}

domxml_node *domxml_hostdev_node_new(domxml_domain *dom)
{
    domxml_node *n = domxml__new(dom, sizeof(*n));

    if (!n || !(n->hostdev = domxml__new(dom, sizeof(domxml_hostdev))))
        return NULL;
    n->kind = DOMXML_NODE_HOSTDEV;
    n->name = "hostdev";
    return n;
}

/* The one constructor of every element struct. */
#define DOMXML__BUILDER(type)                                                  \
    domxml_##type *domxml_##type##_new(domxml_domain *dom)                     \
    {                                                                          \
        return domxml__new(dom, sizeof(domxml_##type));                        \
    }

DOMXML__BUILDER(extra)
DOMXML__BUILDER(address)
DOMXML__BUILDER(zpci)
DOMXML__BUILDER(boot)
DOMXML__BUILDER(alias)
DOMXML__BUILDER(master)
DOMXML__BUILDER(rom)
DOMXML__BUILDER(acpi)
DOMXML__BUILDER(teaming)
DOMXML__BUILDER(ip)
DOMXML__BUILDER(route)
DOMXML__BUILDER(hostdev_driver)
DOMXML__BUILDER(hostdev_source)
DOMXML__BUILDER(hostdev_more)
DOMXML__BUILDER(hostdev_address)
DOMXML__BUILDER(usb_id)
DOMXML__BUILDER(scsi_adapter)
DOMXML__BUILDER(iscsi_host)
DOMXML__BUILDER(secret)
DOMXML__BUILDER(iscsi_auth)
DOMXML__BUILDER(iqn)
DOMXML__BUILDER(iscsi_initiator)
DOMXML__BUILDER(text_element)
DOMXML__BUILDER(flag)
DOMXML__BUILDER(mac)
DOMXML__BUILDER(reconnect)
DOMXML__BUILDER(socket_local)
DOMXML__BUILDER(interface_source)
DOMXML__BUILDER(interface_more)
DOMXML__BUILDER(vlan)
DOMXML__BUILDER(vlan_tag)
DOMXML__BUILDER(virtualport)
DOMXML__BUILDER(virtualport_params)
DOMXML__BUILDER(bandwidth)
DOMXML__BUILDER(bandwidth_rate)
DOMXML__BUILDER(port)
DOMXML__BUILDER(path_element)
DOMXML__BUILDER(name_element)
DOMXML__BUILDER(target)
DOMXML__BUILDER(guest)
DOMXML__BUILDER(model)
DOMXML__BUILDER(net_driver)
DOMXML__BUILDER(net_driver_host)
DOMXML__BUILDER(net_driver_guest)
DOMXML__BUILDER(net_backend)
DOMXML__BUILDER(port_forward)
DOMXML__BUILDER(port_forward_range)
DOMXML__BUILDER(filterref)
DOMXML__BUILDER(filter_param)
DOMXML__BUILDER(tune)
DOMXML__BUILDER(sndbuf)
DOMXML__BUILDER(link)
DOMXML__BUILDER(mtu)
DOMXML__BUILDER(coalesce)
DOMXML__BUILDER(coalesce_rx)
DOMXML__BUILDER(coalesce_frames)
