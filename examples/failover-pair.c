/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * A virtio failover (teaming) pair added by hand: read a domain (or build a
 * q35 skeleton with a PCIe root port when no file is given), add a
 * persistent virtio NIC on bridge br0 and the plain PCI <hostdev> (an
 * SR-IOV VF) that is its transient partner, validate, then print the XML
 * and the QEMU arguments of the devices (the NIC's tap fd is 30).
 *
 *   failover-pair [FILE]
 *
 * Public API only (<domxml.h>, which includes <domxml/qemuargv.h>); docs/failover.md
 * explains the pair. Built by `make check` (tests/check-example.sh), from
 * the single header (tests/check-amalgamation.sh, C and C++) and through
 * pkg-config against the installed library (make installcheck).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <domxml.h>

/* <domain type='kvm'> named `name`, q35, with a pcie-root-port (bus 1). */
static domxml_domain *skeleton(const char *name)
{
    domxml_domain *dom = domxml_domain_new(NULL);
    domxml_node *root, *os, *devices, *ctl;

    if (!dom)
        return NULL;
    root = domxml_element_append(dom, NULL, "domain", NULL);
    domxml_element_set_attr(dom, root, "type", "kvm");
    domxml_element_append(dom, root, "name", name);
    domxml_element_append(dom, root, "memory", "1048576");
    os = domxml_element_append(dom, root, "os", NULL);
    domxml_element_set_attr(dom, domxml_element_append(dom, os, "type", "hvm"), "machine", "q35");
    devices = domxml_element_append(dom, root, "devices", NULL);
    ctl = domxml_element_append(dom, devices, "controller", NULL);
    if (domxml_element_set_attr(dom, ctl, "type", "pci") < 0 ||
        domxml_element_set_attr(dom, ctl, "index", "1") < 0 ||
        domxml_element_set_attr(dom, ctl, "model", "pcie-root-port") < 0) {
        domxml_domain_free(dom);
        return NULL;
    }
    return dom;
}

static void set_uint(domxml_uint *u, unsigned value)
{
    u->value = value;
    u->set = true;
}

/* <interface type='bridge'>: MAC, br0, virtio, teaming persistent. */
static domxml_node *standby_nic(domxml_domain *dom)
{
    static const unsigned char mac[6] = {0x52, 0x54, 0x00, 0x6d, 0x90, 0x02};
    domxml_node *n = domxml_interface_node_new(dom);
    domxml_interface *iface = n ? n->interface : NULL;

    if (!iface || !(iface->mac = domxml_mac_new(dom)) ||
        !(iface->source = domxml_interface_source_new(dom)) ||
        !(iface->model = domxml_model_new(dom)) || !(iface->teaming = domxml_teaming_new(dom)) ||
        !(iface->info.alias = domxml_alias_new(dom)))
        return NULL;
    iface->type = DOMXML_INTERFACE_TYPE_BRIDGE;
    iface->mac->address.set = true;
    memcpy(iface->mac->address.bytes, mac, sizeof(mac));
    iface->source->u.bridge.bridge = "br0"; /* a literal outlives the domain */
    iface->model->type = DOMXML_NIC_MODEL_VIRTIO;
    iface->teaming->type = DOMXML_TEAMING_TYPE_PERSISTENT;
    iface->info.alias->name = "ua-standby0";
    return n;
}

/* <hostdev mode='subsystem' type='pci' managed='yes'>: the VF 0000:81:10.2,
 * teaming transient, on the root port's bus (failover wants PCI Express). */
static domxml_node *primary_vf(domxml_domain *dom)
{
    domxml_node *n = domxml_hostdev_node_new(dom);
    domxml_hostdev *h = n ? n->hostdev : NULL;

    if (!h || !(h->source = domxml_hostdev_source_new(dom)) ||
        !(h->source->address = domxml_hostdev_address_new(dom)) ||
        !(h->teaming = domxml_teaming_new(dom)) || !(h->info.alias = domxml_alias_new(dom)) ||
        !(h->info.address = domxml_address_new(dom)))
        return NULL;
    h->mode = DOMXML_HOSTDEV_MODE_SUBSYSTEM;
    h->type = DOMXML_HOSTDEV_TYPE_PCI;
    h->managed = DOMXML_TRISTATE_BOOL_YES;
    set_uint(&h->source->address->u.pci.domain, 0x0000);
    set_uint(&h->source->address->u.pci.bus, 0x81);
    set_uint(&h->source->address->u.pci.slot, 0x10);
    set_uint(&h->source->address->u.pci.function, 2);
    h->teaming->type = DOMXML_TEAMING_TYPE_TRANSIENT;
    h->teaming->persistent = "ua-standby0";
    h->info.alias->name = "ua-vf0";
    h->info.address->type = DOMXML_ADDRESS_TYPE_PCI;
    set_uint(&h->info.address->u.pci.addr.domain, 0);
    set_uint(&h->info.address->u.pci.addr.bus, 1);
    set_uint(&h->info.address->u.pci.addr.slot, 0);
    set_uint(&h->info.address->u.pci.addr.function, 0);
    return n;
}

static void print_error(const char *what, const domxml_error *err)
{
    fprintf(stderr, "failover-pair: %s: %s", what, err->message);
    if (err->path[0])
        fprintf(stderr, " (at %s)", err->path);
    fputc('\n', stderr);
}

/* Every diagnostic on stderr; true when none is an error. */
static bool valid(const domxml_domain *dom)
{
    domxml_error err;
    domxml_diagnostics *ds = domxml_domain_validate(dom, &err);
    size_t errors = 0;

    if (!ds) {
        print_error("validate", &err);
        return false;
    }
    for (size_t i = 0; i < ds->count; i++) {
        const domxml_diagnostic *d = &ds->items[i];
        fprintf(stderr, "%s: %s (at %s) [%s]\n", domxml_severity_to_string(d->severity),
                d->message, d->path, d->code);
        errors += d->severity == DOMXML_SEVERITY_ERROR;
    }
    domxml_diagnostics_free(ds);
    return errors == 0;
}

/* The QEMU arguments as shell text; the NIC is a bridge NIC, so QEMU gets
 * the tap fd its manager opened (here 30). */
static bool print_qemu_args(const domxml_domain *dom)
{
    domxml_qemuargv_resource fd = {"ua-standby0", DOMXML_QEMUARGV_RES_TAP_FD, "30"};
    domxml_qemuargv_options opt;
    domxml_error err;
    char **args;
    char *text;

    domxml_qemuargv_options_init(&opt);
    opt.resources = &fd;
    opt.n_resources = 1;
    if (!(args = domxml_qemuargv_build(dom, &opt, NULL, &err))) {
        print_error("QEMU arguments", &err);
        return false;
    }
    text = domxml_argv_to_shell(args);
    domxml_qemuargv_free(args);
    if (!text) {
        fprintf(stderr, "failover-pair: out of memory\n");
        return false;
    }
    fputs(text, stdout);
    domxml_qemuargv_free(text);
    return true;
}

int main(int argc, char **argv)
{
    domxml_error err;
    domxml_domain *dom = argc > 1 ? domxml_parse_file(argv[1], NULL, &err) : skeleton("guest");
    domxml_node *nic, *vf;
    char *xml = NULL;
    bool ok = false;

    if (!dom) {
        if (argc > 1)
            print_error(argv[1], &err);
        else
            fprintf(stderr, "failover-pair: out of memory\n");
        return 1;
    }
    if (!(nic = standby_nic(dom)) || !(vf = primary_vf(dom)))
        fprintf(stderr, "failover-pair: out of memory\n");
    /* The standby first: a transient member names its persistent partner. */
    else if (domxml_device_append(dom, nic, &err) < 0 || domxml_device_append(dom, vf, &err) < 0)
        print_error("adding the pair", &err);
    else if (valid(dom) && !(xml = domxml_format(dom, NULL, &err)))
        print_error("format", &err);
    else if (xml) {
        fputs(xml, stdout);
        ok = print_qemu_args(dom);
    }
    domxml_string_free(xml);
    domxml_domain_free(dom);
    return ok && fflush(stdout) == 0 ? 0 : 1;
}
