/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The one table of libvirt releases: for each piece of <interface>/<hostdev>
 * syntax newer than libvirt 7.1 (or dropped since), the release that
 * accepts it (or refuses it again), and for each validation rule of
 * libvirt's, the release that enforces it. Beside each syntax entry, the
 * function that finds it in a device. docs/libvirt-syntax.md carries the
 * same table (tests/check_validate compares them); tests/check_libvirt
 * checks the releases against live libvirt where it can.
 */
#include "since.h"

#define V DOMXML_LIBVIRT_VERSION

static const domxml_libvirt_since domxml__since[] = {
    /* syntax, oldest first */
    {"since.passt", "<backend type='passt'> (user-mode networking by passt)", V(9, 0, 0), 0,
     "NEWS 9.0.0 (Debian 12's 9.0.0 build refuses it: libvirt issue 462)",
     "iface-type-user-passt.xml"},
    {"since.port-forward-dev", "<portForward> with dev= and no address=", V(9, 5, 0), 0,
     "NEWS 9.5.0", NULL},
    {"since.hostdev-driver-model", "<driver model=> of a PCI host device (VFIO variant driver)",
     V(10, 0, 0), 0, "NEWS 10.0.0; live: 9.0.0 drops it", "hostdev-pci-driver-model.xml"},
    {"since.vlan-bridge", "<vlan> on an <interface type='bridge'> (Linux host bridge)",
     V(11, 0, 0), 0, "NEWS 11.0.0", "iface-bridge-vlan.xml"},
    {"since.hostdev-pci-display", "display= and ramfb= on a PCI host device (vGPU as a VF)",
     V(11, 0, 0), 0, "NEWS 11.0.0 (mdev <-> SR-IOV VF vGPU migration; assumed); live: 9.0.0 "
     "drops them, 11.3.0 keeps them", "hostdev-pci-display-ramfb.xml"},
    {"since.route-default", "<route> with gateway= only (a default route)", V(11, 4, 0), 0,
     "not in NEWS; live: 9.0.0 and 11.3.0 refuse it, libvirt's current test "
     "net-vhostuser-passt has one: 11.4.0 is a lower bound", "iface-route-default.xml"},
    {"since.vhostuser-passt", "<interface type='vhostuser'> with <backend type='passt'> "
     "(no socket <source>, <source dev=>)", V(11, 1, 0), 0, "NEWS 11.1.0",
     "iface-vhostuser-passt.xml"},
    {"since.mac-current-address", "<mac currentAddress=> (live XML)", V(11, 2, 0), 0,
     "NEWS 11.2.0", "iface-mac-current-address.xml"},
    {"since.acpi-nodeset", "<acpi nodeset=> of a host device (NUMA affinity)", V(11, 8, 0), 0,
     "NEWS 11.8.0", "hostdev-acpi-nodeset.xml"},
    {"since.passt-hostname", "hostname= and fqdn= of <backend type='passt'>", V(11, 8, 0), 0,
     "NEWS 11.8.0", "iface-passt-hostname.xml"},
    {"since.sgio-unfiltered", "sgio='unfiltered' on a SCSI host device", 0, V(9, 0, 0),
     "live: 9.0.0 refuses it (the first release that does is not confirmed)",
     "hostdev-scsi-adapter.xml"},
    /* rules */
    {"interface.shared-memory", "a vhost-user interface needs shared guest memory", V(11, 2, 0),
     0, "NEWS 11.2.0 (before: a warning when the guest starts)", NULL},
    {"driver.queue-size", "rx_queue_size/tx_queue_size of a virtio NIC is a power of two", 0, 0,
     "QEMU driver, rx since 2.3.0, tx since 3.7.0", NULL},
    {"interface.tap-path", "<backend tap=> only for type ethernet, network, bridge", 0, 0,
     "QEMU driver; libvirt's tests net-vhostuser-fail, net-hostdev-fail (9.x and 11.x)", NULL},
    {"hostdev.boot-unsupported", "no <boot> on vhost-scsi or mdev vfio-pci/vfio-ap", 0, 0,
     "QEMU driver (qemu_validate.c)", NULL},
    {"hostdev.display-needs-graphics", "an mdev with display='on' needs a <graphics>", 0, 0,
     "QEMU driver since mdev display (4.6.0)", NULL},
    {"hostdev.ramfb-duplicate", "one host device at most with ramfb='on'", 0, 0,
     "QEMU driver; libvirt's test hostdev-mdev-display-ramfb-multiple", NULL},
    {"hostdev.duplicate", "a host PCI device is assigned once", 0, 0,
     "all drivers; live: 9.0.0 and 11.3.0 refuse it", NULL},
    {"alias.invalid", "an alias is [a-zA-Z0-9_.-]+", 0, 0, "libvirt's schema (aliasName)", NULL},
};

#undef V

const domxml_libvirt_since *domxml_libvirt_since_table(size_t *count)
{
    if (count)
        *count = DOMXML__N(domxml__since);
    return domxml__since;
}

unsigned long domxml__since_of(const char *code)
{
    for (size_t i = 0; i < DOMXML__N(domxml__since); i++) {
        if (strcmp(domxml__since[i].code, code) == 0)
            return domxml__since[i].since;
    }
    return 0;
}

/* ------------------------------------------------------------------ */
/* Where a device uses each piece of syntax                             */

static const domxml_interface *domxml__iface(const domxml_node *n)
{
    return n->kind == DOMXML_NODE_INTERFACE ? n->interface : NULL;
}

static const domxml_net_backend *domxml__backend(const domxml_node *n)
{
    const domxml_interface *i = domxml__iface(n);

    return i && i->more ? i->more->backend : NULL;
}

static const domxml_meta *domxml__find_passt(const domxml_node *n, const char **rel)
{
    const domxml_net_backend *b = domxml__backend(n);

    *rel = "backend";
    return b && b->type == DOMXML_NET_BACKEND_TYPE_PASST ? &b->meta : NULL;
}

static const domxml_meta *domxml__find_port_forward_dev(const domxml_node *n, const char **rel)
{
    const domxml_interface *i = domxml__iface(n);

    *rel = "portForward";
    for (const domxml_port_forward *p = i && i->more ? i->more->port_forwards : NULL; p;
         p = p->next) {
        if (!p->address && p->dev)
            return &p->meta;
    }
    return NULL;
}

static const domxml_meta *domxml__find_driver_model(const domxml_node *n, const char **rel)
{
    const domxml_hostdev_driver *d = n->kind == DOMXML_NODE_HOSTDEV ? n->hostdev->driver
                                     : domxml__iface(n) ? n->interface->hostdev_driver
                                                        : NULL;

    *rel = "driver";
    return d && d->model ? &d->meta : NULL;
}

static const domxml_meta *domxml__find_vlan_bridge(const domxml_node *n, const char **rel)
{
    const domxml_interface *i = domxml__iface(n);

    *rel = "vlan";
    return i && i->type == DOMXML_INTERFACE_TYPE_BRIDGE && i->more && i->more->vlan
               ? &i->more->vlan->meta
               : NULL;
}

static const domxml_meta *domxml__find_pci_display(const domxml_node *n, const char **rel)
{
    const domxml_hostdev *h = n->kind == DOMXML_NODE_HOSTDEV ? n->hostdev : NULL;

    *rel = NULL;
    return h && h->type == DOMXML_HOSTDEV_TYPE_PCI && (h->display || h->ramfb) ? &h->meta
                                                                               : NULL;
}

static const domxml_meta *domxml__first_default_route(const domxml_route *r)
{
    for (; r; r = r->next) {
        if (!r->address && r->gateway)
            return &r->meta;
    }
    return NULL;
}

static const domxml_meta *domxml__find_route_default(const domxml_node *n, const char **rel)
{
    const domxml_interface *i = domxml__iface(n);
    const domxml_meta *m = NULL;

    *rel = "route";
    if (i && i->more)
        m = domxml__first_default_route(i->more->routes);
    if (!m && i && i->source && (m = domxml__first_default_route(i->source->routes)))
        *rel = "source/route";
    if (!m && n->kind == DOMXML_NODE_HOSTDEV && n->hostdev->more)
        m = domxml__first_default_route(n->hostdev->more->routes);
    return m;
}

static const domxml_meta *domxml__find_vhostuser_passt(const domxml_node *n, const char **rel)
{
    const domxml_interface *i = domxml__iface(n);

    return i && i->type == DOMXML_INTERFACE_TYPE_VHOSTUSER ? domxml__find_passt(n, rel) : NULL;
}

static const domxml_meta *domxml__find_current_mac(const domxml_node *n, const char **rel)
{
    const domxml_interface *i = domxml__iface(n);

    *rel = "mac";
    return i && i->mac && i->mac->current_address.set ? &i->mac->meta : NULL;
}

static const domxml_meta *domxml__find_acpi_nodeset(const domxml_node *n, const char **rel)
{
    const domxml_device_info *info = domxml_node_device_info(n);

    *rel = "acpi";
    return info && info->acpi && info->acpi->nodeset ? &info->acpi->meta : NULL;
}

static const domxml_meta *domxml__find_passt_hostname(const domxml_node *n, const char **rel)
{
    const domxml_net_backend *b = domxml__backend(n);

    *rel = "backend";
    return b && (b->hostname || b->fqdn) ? &b->meta : NULL;
}

static const domxml_meta *domxml__find_sgio_unfiltered(const domxml_node *n, const char **rel)
{
    const domxml_hostdev *h = n->kind == DOMXML_NODE_HOSTDEV ? n->hostdev : NULL;

    *rel = NULL;
    return h && h->sgio == DOMXML_HOSTDEV_SGIO_UNFILTERED ? &h->meta : NULL;
}

/* In the order of the syntax entries of the table (its first entries). */
static const domxml__since_find domxml__finders[] = {
    domxml__find_passt,          domxml__find_port_forward_dev, domxml__find_driver_model,
    domxml__find_vlan_bridge,    domxml__find_pci_display,      domxml__find_route_default,
    domxml__find_vhostuser_passt, domxml__find_current_mac,     domxml__find_acpi_nodeset,
    domxml__find_passt_hostname, domxml__find_sgio_unfiltered,
};

/* One finder per syntax entry: the "since.*" codes come first in the table. */
static_assert(DOMXML__N(domxml__finders) < DOMXML__N(domxml__since), "a finder per entry");

const domxml_libvirt_since *domxml__since_syntax(size_t i, domxml__since_find *find)
{
    if (i >= DOMXML__N(domxml__finders))
        return NULL;
    assert(strncmp(domxml__since[i].code, "since.", 6) == 0);
    *find = domxml__finders[i];
    return &domxml__since[i];
}
