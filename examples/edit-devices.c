/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A caller of libdomxml, using only its public accessors: list the devices
 * of a domain, edit a MAC address and a host PCI address, replace the
 * transient member of a teaming pair (remove a <hostdev>, insert an
 * <interface type='hostdev'> built by hand), and format the result.
 *
 *   edit-devices FILE     (e.g. examples/teaming-hostdev.xml)
 *
 * `make check` runs it on the teaming example and compares its output with
 * examples/edit-devices.expected.
 */
#include <stdio.h>
#include <stdlib.h>

#include <domxml.h>

static void list_devices(const domxml_domain *dom)
{
    for (domxml_node *d = domxml_device_next(dom, NULL); d; d = domxml_device_next(dom, d)) {
        const domxml_teaming *t = domxml_node_teaming(d);
        const domxml_hostdev_source *src = domxml_node_host_source(d);
        const domxml_node *peer = domxml_teaming_peer(d);
        char mac[DOMXML_MAC_STRLEN], pci[DOMXML_PCI_ADDR_STRLEN];

        printf("  %s %s", domxml_node_kind_to_string(d->kind),
               domxml_node_alias(d) ? domxml_node_alias(d) : "(no alias)");
        if (d->kind == DOMXML_NODE_INTERFACE) {
            const domxml_interface *iface = d->interface;
            printf(" type=%s", domxml_interface_type_to_string(iface->type));
            if (iface->model)
                printf(" model=%s", domxml_model_name(iface->model));
            if (iface->mac && domxml_mac_to_string(&iface->mac->address, mac))
                printf(" mac=%s", mac);
        }
        /* The source address is PCI for a PCI hostdev, and for a hostdev
         * interface whose address says type='pci'. */
        if (src && src->address &&
            (d->kind == DOMXML_NODE_HOSTDEV ? d->hostdev->type == DOMXML_HOSTDEV_TYPE_PCI
                                            : src->address->type == DOMXML_ADDRESS_TYPE_PCI) &&
            domxml_pci_addr_to_string(&src->address->u.pci, pci))
            printf(" host=%s", pci);
        if (t)
            printf(" teaming=%s peer=%s", domxml_teaming_type_to_string(t->type),
                   peer && domxml_node_alias(peer) ? domxml_node_alias(peer) : "-");
        printf("\n");
    }
}

/* The first device of a kind. */
static domxml_node *find_device(const domxml_domain *dom, domxml_node_kind kind)
{
    domxml_node *d = domxml_device_next(dom, NULL);

    while (d && d->kind != kind)
        d = domxml_device_next(dom, d);
    return d;
}

/* <interface type='hostdev'> with the persistent NIC's MAC, a VF at
 * `host`, and <teaming type='transient' persistent=PARTNER/>. */
static domxml_node *transient_vf(domxml_domain *dom, const domxml_mac_addr *mac,
                                 const char *host, const char *partner, const char *alias)
{
    domxml_node *n = domxml_interface_node_new(dom);
    domxml_interface *iface = n ? n->interface : NULL;

    if (!iface || !(iface->mac = domxml_mac_new(dom)) ||
        !(iface->hostdev_source = domxml_hostdev_source_new(dom)) ||
        !(iface->hostdev_source->address = domxml_hostdev_address_new(dom)) ||
        !(iface->teaming = domxml_teaming_new(dom)) || !(iface->info.alias = domxml_alias_new(dom)))
        return NULL;
    iface->type = DOMXML_INTERFACE_TYPE_HOSTDEV;
    iface->managed = DOMXML_TRISTATE_BOOL_YES;
    iface->mac->address = *mac;
    iface->hostdev_source->address->type = DOMXML_ADDRESS_TYPE_PCI;
    if (domxml_pci_addr_from_string(host, &iface->hostdev_source->address->u.pci) < 0)
        return NULL;
    iface->teaming->type = DOMXML_TEAMING_TYPE_TRANSIENT;
    iface->teaming->persistent = partner; /* literals outlive the domain */
    iface->info.alias->name = alias;
    return n;
}

int main(int argc, char **argv)
{
    domxml_error err;
    domxml_domain *dom;
    domxml_node *nic, *vf, *replacement;
    char *out;

    if (argc != 2) {
        fprintf(stderr, "usage: edit-devices FILE\n");
        return 2;
    }
    dom = domxml_parse_file(argv[1], NULL, &err);
    if (!dom) {
        fprintf(stderr, "%s:%lu:%lu: %s\n", argv[1], err.line, err.column, err.message);
        return 1;
    }
    printf("devices as parsed:\n");
    list_devices(dom);

    /* Edit in place: a new MAC for the NIC, another VF for the hostdev. */
    nic = find_device(dom, DOMXML_NODE_INTERFACE);
    vf = find_device(dom, DOMXML_NODE_HOSTDEV);
    if (!nic || !nic->interface->mac || !vf || !domxml_node_host_source(vf)->address ||
        domxml_mac_from_string("52:54:00:6D:90:99", &nic->interface->mac->address) < 0 ||
        domxml_pci_addr_from_string("0000:82:00.3", &domxml_node_host_source(vf)->address->u.pci) < 0) {
        fprintf(stderr, "unexpected document\n");
        return 1;
    }
    printf("after editing the MAC and the host address:\n");
    list_devices(dom);

    /* Replace the transient member: out goes the plain <hostdev>... */
    domxml_device_unlink(dom, vf);
    printf("after removing %s:\n", domxml_node_alias(vf));
    list_devices(dom);

    /* ...in comes an <interface type='hostdev'>, before the NIC. */
    replacement = transient_vf(dom, &nic->interface->mac->address, "0000:03:00.1",
                               domxml_node_alias(nic), "ua-vf1");
    if (!replacement || domxml_device_insert_before(dom, replacement, nic, &err) < 0) {
        fprintf(stderr, "insert: %s\n", replacement ? err.message : "out of memory");
        return 1;
    }
    printf("after inserting ua-vf1:\n");
    list_devices(dom);

    /* A second transient member for the same NIC is refused, and undone. */
    if (domxml_device_append(dom, vf, &err) == 0) {
        fprintf(stderr, "a second transient member was accepted\n");
        return 1;
    }
    printf("appending %s again: %s (%s)\n", domxml_node_alias(vf), err.message,
           domxml_error_code_to_string(err.code));

    out = domxml_format(dom, NULL, &err);
    if (!out) {
        fprintf(stderr, "format: %s (at %s)\n", err.message, err.path);
        return 1;
    }
    printf("formatted:\n%s", out);
    domxml_string_free(out);
    domxml_domain_free(dom);
    return 0;
}
