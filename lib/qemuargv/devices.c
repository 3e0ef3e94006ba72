/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: devices to arguments. Ids, buses and order follow libvirt
 * (docs/qemuargv.md); keyval writes libvirt 7.x's property order, JSON
 * libvirt's current one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "qa.h"

#define FAILED(ctx) ((ctx)->failed)

/* ------------------------------------------------------------------ */
/* Device table, ids, paths                                             */

static bool is_iface(const domxml_node *n)
{
    return n->kind == DOMXML_NODE_INTERFACE;
}

static bool iface_is_hostdev(const domxml_node *n)
{
    return is_iface(n) && n->interface->type == DOMXML_INTERFACE_TYPE_HOSTDEV;
}

/* A host device: a <hostdev>, or an <interface type='hostdev'>. */
static bool is_hostlike(const domxml_node *n)
{
    return n->kind == DOMXML_NODE_HOSTDEV || iface_is_hostdev(n);
}

/* An interface written as a host device: type hostdev, or a network one
 * the caller gave a pool VF. */
static bool iface_hostlike(const domxml__qa_dev *d)
{
    return is_iface(d->node) && d->hostlike;
}

static bool numbered(const char *alias, const char *prefix, long *num)
{
    size_t l = strlen(prefix);
    if (!alias || strncmp(alias, prefix, l) != 0 || !alias[l])
        return false;
    char *end;
    long v = strtol(alias + l, &end, 10);
    if (*end || v < 0 || alias[l] == '+' || alias[l] == '-' || alias[l] == ' ')
        return false;
    *num = v;
    return true;
}

static void set_path(domxml__qa_ctx *ctx, domxml__qa_dev *d)
{
    const char *name = is_iface(d->node) ? "interface" : "hostdev";
    if (ctx->standalone) {
        snprintf(d->path, sizeof(d->path), "/%s", name);
        return;
    }
    /* [N] when same-named siblings come before it, as the library's paths */
    domxml_node *devs = domxml_domain_devices(ctx->dom);
    unsigned int k = 0;
    for (domxml_node *c = domxml_node_child(devs, NULL, name); c;
         c = domxml_node_child(devs, c, name)) {
        k++;
        if (c == d->node)
            break;
    }
    if (k > 1)
        snprintf(d->path, sizeof(d->path), "/domain/devices/%s[%u]", name, k);
    else
        snprintf(d->path, sizeof(d->path), "/domain/devices/%s", name);
}

int domxml__qa_prepare(domxml__qa_ctx *ctx, const domxml_domain *dom,
                       const domxml_qemuargv_options *opt, domxml_error *err)
{
    memset(ctx, 0, sizeof(*ctx));
    ctx->err = err;
    ctx->cur = -1;
    ctx->dom = dom;
    domxml_qemuargv_options_init(&ctx->opt);
    if (err)
        memset(err, 0, sizeof(*err));
    if (!dom || !dom->root) {
        domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "no domain");
        return -1;
    }
    if (opt) {
        if (opt->size == 0) {
            domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "options size is 0");
            return -1;
        }
        memcpy(&ctx->opt, opt, opt->size < sizeof(ctx->opt) ? opt->size : sizeof(ctx->opt));
        ctx->opt.size = sizeof(ctx->opt);
    }
    if (ctx->opt.syntax >= DOMXML_QEMUARGV_SYNTAX_LAST) {
        domxml__qa_fail(ctx, DOMXML_ERR_INVALID_ARG, "unknown syntax %d", (int)ctx->opt.syntax);
        return -1;
    }
    ctx->standalone = dom->root->kind == DOMXML_NODE_INTERFACE ||
                      dom->root->kind == DOMXML_NODE_HOSTDEV;
    ctx->machine = ctx->opt.machine;
    if (!ctx->machine && !ctx->standalone) {
        domxml_node *os = domxml_node_child(dom->root, NULL, "os");
        domxml_node *type = os ? domxml_node_child(os, NULL, "type") : NULL;
        ctx->machine = type ? domxml_node_attr(type, "machine") : NULL;
    }

    size_t n = 0;
    for (domxml_node *d = domxml_device_next(dom, NULL); d; d = domxml_device_next(dom, d))
        n++;
    ctx->devs = calloc(n ? n : 1, sizeof(*ctx->devs));
    if (!ctx->devs) {
        domxml__qa_fail(ctx, DOMXML_ERR_NOMEM, "out of memory");
        return -1;
    }
    size_t i = 0;
    for (domxml_node *d = domxml_device_next(dom, NULL); d; d = domxml_device_next(dom, d))
        ctx->devs[i++].node = d;
    ctx->ndevs = n;

    unsigned int pos = 0;
    for (i = 0; i < n; i++) {
        domxml__qa_dev *d = &ctx->devs[i];
        d->hostlike = is_hostlike(d->node);
        if (!is_iface(d->node))
            continue;
        if (d->node->interface->type == DOMXML_INTERFACE_TYPE_NETWORK) {
            const char *alias = domxml_node_alias(d->node);
            char hash[32], net[32];
            snprintf(hash, sizeof(hash), "#%zu", i);
            snprintf(net, sizeof(net), "net%u", pos);
            for (size_t r = 0; r < ctx->opt.n_resources; r++) {
                const domxml_qemuargv_resource *res = &ctx->opt.resources[r];
                if (res->kind != DOMXML_QEMUARGV_RES_POOL_VF || !res->device || !res->value)
                    continue;
                if ((alias && strcmp(res->device, alias) == 0) || strcmp(res->device, hash) == 0 ||
                    (!alias && strcmp(res->device, net) == 0)) {
                    d->pool_vf = res->value;
                    d->hostlike = true;
                }
            }
        }
        pos++;
    }

    /* Ids. Interfaces: their alias, else net<position among the
     * interfaces>; those of type hostdev are host devices. Host devices:
     * the interface ones first (libvirt lists them first), then the plain
     * ones; their alias, else hostdev<highest number in use + 1>. */
    long next_host = 0, v;
    for (i = 0; i < n; i++) {
        const char *a = domxml_node_alias(ctx->devs[i].node);
        if (ctx->devs[i].hostlike && numbered(a, "hostdev", &v) && v + 1 > next_host)
            next_host = v + 1;
    }
    unsigned int ifpos = 0;
    for (int pass = 0; pass < 2; pass++) {
        ifpos = 0;
        for (i = 0; i < n; i++) {
            domxml__qa_dev *d = &ctx->devs[i];
            const char *a = domxml_node_alias(d->node);
            bool iface = is_iface(d->node);
            if (pass == 0 && !iface)
                continue;
            if (pass == 1 && iface)
                continue;
            if (a)
                snprintf(d->id, sizeof(d->id), "%s", a);
            else if (iface && !d->hostlike)
                snprintf(d->id, sizeof(d->id), "net%u", ifpos);
            else
                snprintf(d->id, sizeof(d->id), "hostdev%ld", next_host++);
            if (a && strlen(a) >= sizeof(d->id))
                d->id[0] = '\0'; /* refused when written */
            if (iface)
                ifpos++;
            snprintf(d->label, sizeof(d->label), "%s '%s'", iface ? "interface" : "hostdev",
                     a ? a : d->id);
            set_path(ctx, d);
        }
    }
    return 0;
}

int domxml__qa_find_dev(domxml__qa_ctx *ctx, const char *alias)
{
    for (size_t i = 0; i < ctx->ndevs; i++)
        if (strcmp(ctx->devs[i].id, alias) == 0)
            return (int)i;
    return -1;
}

/* ------------------------------------------------------------------ */
/* Caller resources                                                     */

bool domxml__qa_res_matches(const domxml__qa_ctx *ctx, int dev, const char *name)
{
    if (!name)
        return false;
    if (name[0] == '#') {
        char *end;
        long v = strtol(name + 1, &end, 10);
        return name[1] >= '0' && name[1] <= '9' && !*end && v == dev;
    }
    return strcmp(name, ctx->devs[dev].id) == 0;
}

/* The values of one kind for a device, in the caller's order. */
static size_t res_get(const domxml__qa_ctx *ctx, int dev, domxml_qemuargv_resource_kind kind,
                      const char **out, size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < ctx->opt.n_resources; i++) {
        const domxml_qemuargv_resource *r = &ctx->opt.resources[i];
        if (r->kind == kind && r->value && domxml__qa_res_matches(ctx, dev, r->device)) {
            if (n < max)
                out[n] = r->value;
            n++;
        }
    }
    return n;
}

static bool fd_ok(const char *v)
{
    /* a number, or a getfd name (a QEMU id) */
    if (!*v)
        return false;
    bool digits = true;
    for (const char *p = v; *p; p++)
        if (*p < '0' || *p > '9')
            digits = false;
    return digits || domxml_qemuargv_id_valid(v);
}

static bool fd_number(const char *v)
{
    if (!*v)
        return false;
    for (const char *p = v; *p; p++)
        if (*p < '0' || *p > '9')
            return false;
    return true;
}

#define MAX_FDS 64

/* "a:b:c" of checked fds, or a failure. */
static bool join_fds(domxml__qa_ctx *ctx, const char *what, const char **fds, size_t n, char *out,
                     size_t size)
{
    size_t len = 0;
    out[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        if (!fd_ok(fds[i])) {
            const char *show = fds[i];
            for (const char *p = show; *p; p++)
                if ((unsigned char)*p < 0x20 || *p == 0x7f)
                    show = "(control characters)";
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE,
                            "%s '%s' is neither an fd number nor an fd name (a QEMU id)", what,
                            show);
            return false;
        }
        int w = snprintf(out + len, size - len, "%s%s", i ? ":" : "", fds[i]);
        if (w < 0 || (size_t)w >= size - len) {
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "too many %ss", what);
            return false;
        }
        len += (size_t)w;
    }
    return true;
}

/* ------------------------------------------------------------------ */
/* Buses and addresses                                                  */

/* BUS_PCIE: the PCIe root bus (legacy-capable endpoints); BUS_PCIE_PORT: a
 * root or downstream port (modern-only devices). */
typedef enum { BUS_UNKNOWN, BUS_PCI, BUS_PCIE, BUS_PCIE_PORT } bus_kind;

static bool machine_is_q35(const char *m)
{
    return m && (strcmp(m, "q35") == 0 || strncmp(m, "pc-q35", 6) == 0);
}

static bool machine_is_pc(const char *m)
{
    return m && (strcmp(m, "pc") == 0 || strncmp(m, "pc-i440fx", 9) == 0 ||
                 (strncmp(m, "pc-", 3) == 0 && !machine_is_q35(m)));
}

/* The QEMU bus name of PCI controller `index` into buf, or NULL (omit
 * bus=) when it cannot be known; failure when the domain lacks it. */
static const char *pci_bus(domxml__qa_ctx *ctx, unsigned int index, char *buf, size_t size,
                           bus_kind *kind)
{
    *kind = BUS_UNKNOWN;
    for (size_t i = 0; i < ctx->opt.n_buses; i++)
        if (ctx->opt.buses[i].index == index && ctx->opt.buses[i].name) {
            snprintf(buf, size, "%s", ctx->opt.buses[i].name);
            if (strncmp(buf, "pcie.", 5) == 0)
                *kind = BUS_PCIE;
            return buf;
        }
    if (!ctx->standalone) {
        domxml_node *devs = domxml_domain_devices(ctx->dom);
        for (domxml_node *c = domxml_node_child(devs, NULL, "controller"); c;
             c = domxml_node_child(devs, c, "controller")) {
            const char *type = domxml_node_attr(c, "type");
            const char *idx = domxml_node_attr(c, "index");
            if (!type || strcmp(type, "pci") != 0 || !idx)
                continue;
            char *end;
            unsigned long v = strtoul(idx, &end, 10);
            if (*end || v != index)
                continue;
            const char *model = domxml_node_attr(c, "model");
            domxml_node *al = domxml_node_child(c, NULL, "alias");
            const char *alias = al ? domxml_node_attr(al, "name") : NULL;
            if (model && (strcmp(model, "pcie-root-port") == 0 ||
                          strcmp(model, "pcie-switch-downstream-port") == 0))
                *kind = BUS_PCIE_PORT;
            else if (model && strcmp(model, "pcie-root") == 0)
                *kind = BUS_PCIE;
            else if (model)
                *kind = BUS_PCI;
            if (model && strcmp(model, "pcie-root") == 0)
                snprintf(buf, size, "pcie.0");
            else if (model && strcmp(model, "pci-root") == 0)
                snprintf(buf, size, "pci.0");
            else if (alias && strncmp(alias, "ua-", 3) == 0)
                snprintf(buf, size, "%s", alias);
            else
                snprintf(buf, size, "pci.%u", index);
            if (!model && index == 0) {
                *kind = machine_is_q35(ctx->machine) ? BUS_PCIE : BUS_PCI;
                snprintf(buf, size, "%s", machine_is_q35(ctx->machine) ? "pcie.0" : "pci.0");
            }
            return buf;
        }
    }
    if (index == 0) {
        if (!ctx->machine)
            return NULL;
        if (machine_is_q35(ctx->machine)) {
            *kind = BUS_PCIE;
            snprintf(buf, size, "pcie.0");
        } else {
            *kind = machine_is_pc(ctx->machine) ? BUS_PCI : BUS_UNKNOWN;
            snprintf(buf, size, "pci.0");
        }
        return buf;
    }
    if (ctx->standalone)
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING,
                        "PCI bus %u is not known: give its name (a bus option)", index);
    else
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING,
                        "its address is on PCI bus %u, but the domain has no PCI controller "
                        "with index %u",
                        index, index);
    return NULL;
}

static const char *usb_bus(domxml__qa_ctx *ctx, unsigned int index, char *buf, size_t size)
{
    if (!ctx->standalone) {
        domxml_node *devs = domxml_domain_devices(ctx->dom);
        for (domxml_node *c = domxml_node_child(devs, NULL, "controller"); c;
             c = domxml_node_child(devs, c, "controller")) {
            const char *type = domxml_node_attr(c, "type");
            const char *idx = domxml_node_attr(c, "index");
            if (!type || strcmp(type, "usb") != 0 || !idx || strtoul(idx, NULL, 10) != index)
                continue;
            domxml_node *al = domxml_node_child(c, NULL, "alias");
            const char *alias = al ? domxml_node_attr(al, "name") : NULL;
            if (alias && strncmp(alias, "ua-", 3) == 0) {
                snprintf(buf, size, "%s.0", alias);
                return buf;
            }
        }
    }
    if (index == 0)
        snprintf(buf, size, "usb.0");
    else
        snprintf(buf, size, "usb%u.0", index);
    return buf;
}

/* The guest address group: bus, multifunction, addr, acpi-index. */
static void pci_address(domxml__qa_ctx *ctx, domxml__qa_arg *a, const domxml_device_info *info,
                        bus_kind *kind_out)
{
    const domxml_address *ad = info->address;
    bus_kind kind = BUS_UNKNOWN;
    if (ad && ad->type == DOMXML_ADDRESS_TYPE_PCI) {
        const domxml_pci_addr *p = &ad->u.pci.addr;
        char bus[128];
        if (p->domain.set && p->domain.value != 0) {
            domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED,
                            "guest PCI domain 0x%04x: QEMU places devices in domain 0 only",
                            p->domain.value);
            return;
        }
        const char *b = pci_bus(ctx, p->bus.set ? p->bus.value : 0, bus, sizeof(bus), &kind);
        if (FAILED(ctx))
            return;
        if (b)
            domxml__qa_id(ctx, a, "bus", b);
        domxml__qa_switch(ctx, a, "multifunction", ad->u.pci.multifunction);
        unsigned int slot = p->slot.set ? p->slot.value : 0;
        unsigned int fn = p->function.set ? p->function.value : 0;
        if (fn)
            domxml__qa_strf(ctx, a, "addr", "0x%x.0x%x", slot, fn);
        else
            domxml__qa_strf(ctx, a, "addr", "0x%x", slot);
    } else if (!ad && ctx->machine && machine_is_pc(ctx->machine)) {
        kind = BUS_PCI;
    } else if (!ad && machine_is_q35(ctx->machine)) {
        kind = BUS_PCIE; /* QEMU places it on pcie.0 */
    }
    if (info->acpi && info->acpi->index.set)
        domxml__qa_int(ctx, a, "acpi-index", info->acpi->index.value);
    if (kind_out)
        *kind_out = kind;
}

/* s390: a zPCI address is a companion device naming its target. */
static void zpci_device(domxml__qa_ctx *ctx, const domxml_device_info *info, const char *id,
                        bool json)
{
    const domxml_address *ad = info->address;
    if (!ad || ad->type != DOMXML_ADDRESS_TYPE_PCI || !ad->u.pci.zpci)
        return;
    const domxml_zpci *z = ad->u.pci.zpci;
    if (!z->uid.set || !z->fid.set) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "a <zpci> address needs uid and fid");
        return;
    }
    domxml__qa_arg *a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_DEVICE, true, json);
    domxml__qa_str(ctx, a, "driver", "zpci");
    domxml__qa_int(ctx, a, "uid", z->uid.value);
    domxml__qa_int(ctx, a, "fid", z->fid.value);
    domxml__qa_id(ctx, a, "target", id);
    domxml__qa_strf(ctx, a, "id", "zpci%u", z->uid.value);
}

static bool addr_is_pci_or_none(const domxml_device_info *info)
{
    return !info->address || info->address->type == DOMXML_ADDRESS_TYPE_PCI;
}

/* ROM group: rombar, romfile. */
static void rom_group(domxml__qa_ctx *ctx, domxml__qa_arg *a, const domxml_device_info *info)
{
    const domxml_rom *r = info->rom;
    if (!r)
        return;
    if (!addr_is_pci_or_none(info)) {
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "ROM tuning is only supported for PCI devices");
        return;
    }
    if (r->enabled == DOMXML_TRISTATE_BOOL_NO) {
        domxml__qa_str(ctx, a, "romfile", "");
        return;
    }
    if (r->bar != DOMXML_TRISTATE_SWITCH_ABSENT)
        domxml__qa_int(ctx, a, "rombar", r->bar == DOMXML_TRISTATE_SWITCH_ON ? 1 : 0);
    if (r->file) {
        if (!r->file[0]) {
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "the ROM file name is empty");
            return;
        }
        domxml__qa_str(ctx, a, "romfile", r->file);
    }
}

static void bootindex(domxml__qa_ctx *ctx, domxml__qa_arg *a, const domxml_device_info *info)
{
    if (info->boot && info->boot->order.set)
        domxml__qa_int(ctx, a, "bootindex", info->boot->order.value);
}

/* ------------------------------------------------------------------ */
/* NICs                                                                  */

static bool safe_driver(const char *s)
{
    if (!s || !*s)
        return false;
    for (const char *p = s; *p; p++)
        if (!((*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
              *p == '-' || *p == '_' || *p == '.'))
            return false;
    return true;
}

static bool iface_virtio(const domxml_interface *i)
{
    return i->model && domxml_nic_model_is_virtio(i->model);
}

static const char *nic_driver(domxml__qa_ctx *ctx, const domxml_interface *i, char *buf,
                              size_t size)
{
    if (!i->model || !domxml_model_name(i->model))
        return "rtl8139"; /* libvirt's default model on x86 */
    if (!iface_virtio(i)) {
        const char *m = domxml_model_name(i->model);
        if (!safe_driver(m)) {
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE,
                            "NIC model '%s' is not a QEMU device name ([A-Za-z0-9._-])", m);
            return NULL;
        }
        return m;
    }
    domxml_address_type at = i->info.address ? i->info.address->type : DOMXML_ADDRESS_TYPE_NONE;
    const char *suffix = "pci";
    if (at == DOMXML_ADDRESS_TYPE_CCW)
        suffix = "ccw";
    else if (at == DOMXML_ADDRESS_TYPE_VIRTIO_MMIO)
        suffix = "device";
    else if (at != DOMXML_ADDRESS_TYPE_PCI && at != DOMXML_ADDRESS_TYPE_NONE) {
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "a virtio NIC cannot have a %s address",
                        domxml_address_type_to_string(at));
        return NULL;
    }
    const char *var = "";
    if (i->model->type == DOMXML_NIC_MODEL_VIRTIO_TRANSITIONAL)
        var = "-transitional";
    else if (i->model->type == DOMXML_NIC_MODEL_VIRTIO_NON_TRANSITIONAL)
        var = "-non-transitional";
    if (*var && strcmp(suffix, "pci") != 0) {
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED,
                        "model %s needs a PCI address", domxml_model_name(i->model));
        return NULL;
    }
    snprintf(buf, size, "virtio-net-%s%s", suffix, var);
    return buf;
}

static void virtio_common(domxml__qa_ctx *ctx, domxml__qa_arg *a, const domxml_net_driver *d)
{
    if (!d)
        return;
    domxml__qa_switch(ctx, a, "iommu_platform", d->iommu);
    domxml__qa_switch(ctx, a, "ats", d->ats);
    domxml__qa_switch(ctx, a, "packed", d->packed);
    domxml__qa_switch(ctx, a, "page-per-vq", d->page_per_vq);
}

static bool backend_is_vhostuser_or_vdpa(const domxml_interface *i)
{
    return i->type == DOMXML_INTERFACE_TYPE_VHOSTUSER || i->type == DOMXML_INTERFACE_TYPE_VDPA;
}

static bool pow2_in(unsigned int v, unsigned int lo, unsigned int hi)
{
    return v >= lo && v <= hi && (v & (v - 1)) == 0;
}

static void nic_device(domxml__qa_ctx *ctx, const domxml__qa_dev *dev, const char *netdev_id,
                       bool json)
{
    const domxml_interface *i = dev->node->interface;
    const domxml_net_driver *d = i->driver;
    char drvbuf[64];
    const char *driver = nic_driver(ctx, i, drvbuf, sizeof(drvbuf));
    bool virtio = iface_virtio(i);
    bool ccw = i->info.address && i->info.address->type == DOMXML_ADDRESS_TYPE_CCW;

    if (!driver)
        return;
    if (!virtio) {
        const char *what = NULL;
        if (d && (d->queues.set && d->queues.value > 1))
            what = "multiqueue (<driver queues>)";
        else if (d && (d->rx_queue_size.set || d->tx_queue_size.set))
            what = "queue sizes";
        else if (i->more && i->more->mtu)
            what = "<mtu>";
        if (what) {
            domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "%s needs a virtio model, not %s", what,
                            driver);
            return;
        }
    }
    if (d && d->rx_queue_size.set && !pow2_in(d->rx_queue_size.value, 256, 1024)) {
        domxml__qa_fail(ctx, DOMXML_ERR_RANGE,
                        "rx_queue_size %u: QEMU takes a power of 2 from 256 to 1024",
                        d->rx_queue_size.value);
        return;
    }
    if (d && d->tx_queue_size.set && !pow2_in(d->tx_queue_size.value, 256, 1024)) {
        domxml__qa_fail(ctx, DOMXML_ERR_RANGE,
                        "tx_queue_size %u: QEMU takes a power of 2 from 256 to 1024",
                        d->tx_queue_size.value);
        return;
    }
    if (d && d->tx_queue_size.set && d->tx_queue_size.value > 256 &&
        !backend_is_vhostuser_or_vdpa(i))
        domxml__qa_warn(ctx, ctx->cur, "qemuargv.tx-queue-clamped", DOMXML_ERR_RANGE,
                        "tx_queue_size %u: QEMU clamps it to 256 unless the backend is "
                        "vhost-user or vhost-vdpa",
                        d->tx_queue_size.value);
    if (i->more && i->more->mtu && i->more->mtu->size.set && i->more->mtu->size.value > 65535) {
        domxml__qa_fail(ctx, DOMXML_ERR_RANGE, "mtu %u: QEMU takes at most 65535",
                        i->more->mtu->size.value);
        return;
    }

    zpci_device(ctx, &i->info, dev->id, json);
    domxml__qa_arg *a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_DEVICE, true, json);
    domxml__qa_str(ctx, a, "driver", driver);
    if (virtio && json)
        virtio_common(ctx, a, d);
    if (virtio && d) {
        if (d->txmode == DOMXML_NET_TXMODE_IOTHREAD)
            domxml__qa_str(ctx, a, "tx", "bh");
        else if (d->txmode == DOMXML_NET_TXMODE_TIMER)
            domxml__qa_str(ctx, a, "tx", "timer");
        domxml__qa_switch(ctx, a, "ioeventfd", d->ioeventfd);
        domxml__qa_switch(ctx, a, "event_idx", d->event_idx);
        if (d->host) {
            domxml__qa_switch(ctx, a, "csum", d->host->csum);
            domxml__qa_switch(ctx, a, "gso", d->host->gso);
            domxml__qa_switch(ctx, a, "host_tso4", d->host->tso4);
            domxml__qa_switch(ctx, a, "host_tso6", d->host->tso6);
            domxml__qa_switch(ctx, a, "host_ecn", d->host->ecn);
            domxml__qa_switch(ctx, a, "host_ufo", d->host->ufo);
            domxml__qa_switch(ctx, a, "mrg_rxbuf", d->host->mrg_rxbuf);
        }
        if (d->guest) {
            domxml__qa_switch(ctx, a, "guest_csum", d->guest->csum);
            domxml__qa_switch(ctx, a, "guest_tso4", d->guest->tso4);
            domxml__qa_switch(ctx, a, "guest_tso6", d->guest->tso6);
            domxml__qa_switch(ctx, a, "guest_ecn", d->guest->ecn);
            domxml__qa_switch(ctx, a, "guest_ufo", d->guest->ufo);
        }
        if (d->queues.set && d->queues.value > 1) {
            domxml__qa_bool(ctx, a, "mq", true);
            if (addr_is_pci_or_none(&i->info)) /* MSI-X; libvirt: guest ABI, never to change */
                domxml__qa_int(ctx, a, "vectors", 2LL * d->queues.value + 2);
        }
        if (d->rx_queue_size.set)
            domxml__qa_int(ctx, a, "rx_queue_size", d->rx_queue_size.value);
        if (d->tx_queue_size.set)
            domxml__qa_int(ctx, a, "tx_queue_size", d->tx_queue_size.value);
        domxml__qa_switch(ctx, a, "rss", d->rss);
        domxml__qa_switch(ctx, a, "hash", d->rss_hash_report);
    }
    if (virtio && i->more && i->more->mtu && i->more->mtu->size.set)
        domxml__qa_int(ctx, a, "host_mtu", i->more->mtu->size.value);
    if (i->teaming && i->teaming->type == DOMXML_TEAMING_TYPE_PERSISTENT)
        domxml__qa_bool(ctx, a, "failover", true);
    domxml__qa_id(ctx, a, "netdev", netdev_id);
    domxml__qa_id(ctx, a, "id", dev->id);
    if (i->mac && i->mac->address.set) {
        char mac[DOMXML_MAC_STRLEN];
        domxml__qa_str(ctx, a, "mac", domxml_mac_to_string(&i->mac->address, mac));
    }
    if (i->info.boot && i->info.boot->loadparm && !ccw) {
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "boot loadparm is for s390 CCW devices only");
        return;
    }
    if (json) {
        bootindex(ctx, a, &i->info);
        if (i->info.boot && i->info.boot->loadparm)
            domxml__qa_str(ctx, a, "loadparm", i->info.boot->loadparm);
    }
    if (ccw) {
        const domxml_address *ad = i->info.address;
        domxml__qa_strf(ctx, a, "devno", "%x.%x.%04x", ad->u.ccw.cssid.value, ad->u.ccw.ssid.value,
                        ad->u.ccw.devno.value);
    } else if (addr_is_pci_or_none(&i->info)) {
        bus_kind kind;
        pci_address(ctx, a, &i->info, &kind);
        /* QEMU: "VIRTIO_F_IOMMU_PLATFORM was supported by neither legacy nor
         * transitional device" */
        if (virtio && d && d->iommu == DOMXML_TRISTATE_SWITCH_ON &&
            i->model->type != DOMXML_NIC_MODEL_VIRTIO_NON_TRANSITIONAL &&
            (kind == BUS_PCI || kind == BUS_PCIE)) {
            domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED,
                            "iommu='on' needs a modern-only virtio device: put it on a PCIe "
                            "root port or use model virtio-non-transitional (QEMU refuses it on "
                            "a %s bus)",
                            kind == BUS_PCI ? "conventional PCI" : "PCIe root");
            return;
        }
    }
    rom_group(ctx, a, &i->info);
    if (!json) {
        bootindex(ctx, a, &i->info);
        if (i->info.boot && i->info.boot->loadparm)
            domxml__qa_str(ctx, a, "loadparm", i->info.boot->loadparm);
    }
    if (virtio && !json)
        virtio_common(ctx, a, d);
}

/* host:port, IPv6 hosts in brackets. */
static void hostport(domxml__qa_ctx *ctx, domxml__qa_arg *a, const char *key, const char *host,
                     int port)
{
    if (host && strchr(host, ':'))
        domxml__qa_strf(ctx, a, key, "[%s]:%d", host, port);
    else
        domxml__qa_strf(ctx, a, key, "%s:%d", host ? host : "", port);
}

static void netdev_tap(domxml__qa_ctx *ctx, const domxml__qa_dev *dev, const char *netdev_id,
                       bool json)
{
    const domxml_interface *i = dev->node->interface;
    const char *tap[MAX_FDS], *vhost[MAX_FDS], *ifn[2];
    size_t ntap = res_get(ctx, ctx->cur, DOMXML_QEMUARGV_RES_TAP_FD, tap, MAX_FDS);
    size_t nvhost = res_get(ctx, ctx->cur, DOMXML_QEMUARGV_RES_VHOST_FD, vhost, MAX_FDS);
    size_t nifn = res_get(ctx, ctx->cur, DOMXML_QEMUARGV_RES_IFNAME, ifn, 2);
    unsigned int queues = i->driver && i->driver->queues.set ? i->driver->queues.value : 1;
    const char *ifname = nifn ? ifn[0] : NULL;
    char fds[1024], vfds[1024];

    if (ntap > MAX_FDS || nvhost > MAX_FDS) {
        domxml__qa_fail(ctx, DOMXML_ERR_LIMIT, "more than %d fds", MAX_FDS);
        return;
    }
    if (nifn > 1) {
        domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "more than one ifname given");
        return;
    }
    if (!ntap && !ifname && i->type == DOMXML_INTERFACE_TYPE_ETHERNET && i->target &&
        i->target->dev && i->target->managed == DOMXML_TRISTATE_BOOL_NO)
        ifname = i->target->dev;
    if (ntap && ifname) {
        domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "both tap fds and an ifname were given");
        return;
    }
    if (!ntap && !ifname) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING,
                        "a %s interface needs a tap%s fd or an ifname from the caller",
                        domxml_interface_type_to_string(i->type),
                        i->type == DOMXML_INTERFACE_TYPE_DIRECT ? " (macvtap)" : "");
        return;
    }
    if (i->driver && i->driver->name == DOMXML_NET_DRIVER_NAME_VHOST && !nvhost) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING,
                        "<driver name='vhost'> needs vhost-net fds from the caller");
        return;
    }
    if (i->driver && i->driver->name == DOMXML_NET_DRIVER_NAME_QEMU && nvhost) {
        domxml__qa_fail(ctx, DOMXML_ERR_VALUE,
                        "vhost-net fds were given but <driver name='qemu'> asks for no vhost");
        return;
    }
    if (ntap) {
        if (queues > 1 && ntap != queues) {
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "%u queues need %u tap fds, %zu given", queues,
                            queues, ntap);
            return;
        }
        if (nvhost && nvhost != ntap) {
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "%zu tap fds but %zu vhost-net fds", ntap,
                            nvhost);
            return;
        }
        if (!join_fds(ctx, "tap fd", tap, ntap, fds, sizeof(fds)) ||
            !join_fds(ctx, "vhost-net fd", vhost, nvhost, vfds, sizeof(vfds)))
            return;
    } else {
        size_t len = strlen(ifname);
        if (!len || len > 15 || strchr(ifname, '/') || strcmp(ifname, ".") == 0 ||
            strcmp(ifname, "..") == 0 || strpbrk(ifname, " \t\n\r\v\f")) {
            const char *why = NULL;
            (void)why;
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE,
                            "ifname is not a Linux interface name (1-15 bytes, no '/', no white "
                            "space, not '.' or '..')");
            return;
        }
        if (nvhost > 1 || (nvhost && queues > 1)) {
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE,
                            "vhost-net fds with an ifname: QEMU takes vhostfds= only with fds=");
            return;
        }
        if (!join_fds(ctx, "vhost-net fd", vhost, nvhost, vfds, sizeof(vfds)))
            return;
    }

    domxml__qa_arg *a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_NETDEV, true, json);
    domxml__qa_str(ctx, a, "type", "tap");
    if (ntap) {
        domxml__qa_str(ctx, a, ntap > 1 ? "fds" : "fd", fds);
    } else {
        domxml__qa_str(ctx, a, "ifname", ifname);
        domxml__qa_str(ctx, a, "script", "no");
        domxml__qa_str(ctx, a, "downscript", "no");
        if (queues > 1)
            domxml__qa_int(ctx, a, "queues", queues);
    }
    if (!json)
        domxml__qa_id(ctx, a, "id", netdev_id);
    if (nvhost) {
        domxml__qa_bool(ctx, a, "vhost", true);
        domxml__qa_str(ctx, a, nvhost > 1 ? "vhostfds" : "vhostfd", vfds);
    }
    if (i->more && i->more->tune && i->more->tune->sndbuf && i->more->tune->sndbuf->value.set)
        domxml__qa_int(ctx, a, "sndbuf", (long long)i->more->tune->sndbuf->value.value);
    if (json)
        domxml__qa_id(ctx, a, "id", netdev_id);
}

static void netdev_iface(domxml__qa_ctx *ctx, const domxml__qa_dev *dev, const char *netdev_id,
                         bool json)
{
    const domxml_interface *i = dev->node->interface;
    const domxml_interface_source *s = i->source;
    domxml__qa_arg *a;
    char chr[80];
    unsigned int queues = i->driver && i->driver->queues.set ? i->driver->queues.value : 1;

    switch (i->type) {
    case DOMXML_INTERFACE_TYPE_NONE:
    case DOMXML_INTERFACE_TYPE_USER:
    case DOMXML_INTERFACE_TYPE_INTERNAL:
        if ((i->more && i->more->backend && i->more->backend->type == DOMXML_NET_BACKEND_TYPE_PASST) ||
            (i->type != DOMXML_INTERFACE_TYPE_INTERNAL && s && s->u.dev.dev)) {
            domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED,
                            "the passt backend is not supported (a stream netdev QEMU 7.2 lacks)");
            return;
        }
        a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_NETDEV, true, json);
        domxml__qa_str(ctx, a, "type", "user");
        for (const domxml_ip *ip = i->more ? i->more->ips : NULL; ip; ip = ip->next) {
            bool v6 = ip->family == DOMXML_IP_FAMILY_IPV6 ||
                      (ip->family == DOMXML_IP_FAMILY_NONE && strchr(ip->address, ':'));
            if (!v6) {
                if (ip->prefix.set)
                    domxml__qa_strf(ctx, a, "net", "%s/%u", ip->address, ip->prefix.value);
                else
                    domxml__qa_str(ctx, a, "net", ip->address);
            } else {
                domxml__qa_str(ctx, a, "ipv6-prefix", ip->address);
                if (ip->prefix.set)
                    domxml__qa_int(ctx, a, "ipv6-prefixlen", ip->prefix.value);
            }
        }
        domxml__qa_id(ctx, a, "id", netdev_id);
        return;
    case DOMXML_INTERFACE_TYPE_ETHERNET:
    case DOMXML_INTERFACE_TYPE_BRIDGE:
    case DOMXML_INTERFACE_TYPE_NETWORK:
    case DOMXML_INTERFACE_TYPE_DIRECT:
        netdev_tap(ctx, dev, netdev_id, json);
        return;
    case DOMXML_INTERFACE_TYPE_SERVER:
    case DOMXML_INTERFACE_TYPE_CLIENT:
    case DOMXML_INTERFACE_TYPE_MCAST:
    case DOMXML_INTERFACE_TYPE_UDP: {
        if (!s || !s->u.socket.port.set) {
            domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "a socket interface needs a source port");
            return;
        }
        const char *addr = s->u.socket.address;
        if (i->type != DOMXML_INTERFACE_TYPE_SERVER && (!addr || !*addr)) {
            domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "a %s socket needs a source address",
                            domxml_interface_type_to_string(i->type));
            return;
        }
        a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_NETDEV, true, json);
        domxml__qa_str(ctx, a, "type", "socket");
        if (i->type == DOMXML_INTERFACE_TYPE_SERVER)
            hostport(ctx, a, "listen", addr, s->u.socket.port.value);
        else if (i->type == DOMXML_INTERFACE_TYPE_CLIENT)
            hostport(ctx, a, "connect", addr, s->u.socket.port.value);
        else if (i->type == DOMXML_INTERFACE_TYPE_MCAST) {
            unsigned int o1 = 0;
            if (sscanf(addr, "%u.", &o1) == 1 && !strchr(addr, ':') && (o1 < 224 || o1 > 239))
                domxml__qa_warn(ctx, ctx->cur, "qemuargv.mcast-not-group", DOMXML_ERR_VALUE,
                                "mcast address %s is not a multicast group: QEMU refuses it "
                                "when the netdev starts",
                                addr);
            hostport(ctx, a, "mcast", addr, s->u.socket.port.value);
        } else {
            const domxml_socket_local *l = s->u.socket.local;
            if (!l || !l->port.set) {
                domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "a udp socket needs <local port=>");
                return;
            }
            hostport(ctx, a, "udp", addr, s->u.socket.port.value);
            hostport(ctx, a, "localaddr", l->address ? l->address : "", l->port.value);
        }
        domxml__qa_id(ctx, a, "id", netdev_id);
        return;
    }
    case DOMXML_INTERFACE_TYPE_VHOSTUSER: {
        if (!s || !s->u.vhostuser.path || s->u.vhostuser.type != DOMXML_SOCKET_TYPE_UNIX) {
            domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "vhost-user needs a unix socket path");
            return;
        }
        if (!s->u.vhostuser.path[0]) {
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "the vhost-user socket path is empty");
            return;
        }
        snprintf(chr, sizeof(chr), "char%s", dev->id);
        a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_CHARDEV, true, false);
        domxml__qa_str(ctx, a, "backend", "socket");
        domxml__qa_id(ctx, a, "id", chr);
        domxml__qa_str(ctx, a, "path", s->u.vhostuser.path);
        if (s->u.vhostuser.mode == DOMXML_SOCKET_MODE_SERVER)
            domxml__qa_bool(ctx, a, "server", true);
        const domxml_reconnect *r = s->u.vhostuser.reconnect;
        if (r && r->enabled == DOMXML_TRISTATE_BOOL_YES &&
            s->u.vhostuser.mode == DOMXML_SOCKET_MODE_SERVER) {
            domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED,
                            "<reconnect> is for client mode: QEMU refuses it on a listening socket");
            return;
        }
        if (r && r->enabled == DOMXML_TRISTATE_BOOL_YES && r->timeout.set)
            domxml__qa_int(ctx, a, "reconnect", r->timeout.value);
        else if (r && r->enabled == DOMXML_TRISTATE_BOOL_NO)
            domxml__qa_int(ctx, a, "reconnect", 0);
        a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_NETDEV, true, json);
        domxml__qa_str(ctx, a, "type", "vhost-user");
        domxml__qa_id(ctx, a, "chardev", chr);
        if (queues > 1)
            domxml__qa_int(ctx, a, "queues", queues);
        domxml__qa_id(ctx, a, "id", netdev_id);
        return;
    }
    case DOMXML_INTERFACE_TYPE_VDPA: {
        const char *v[2];
        size_t nv = res_get(ctx, ctx->cur, DOMXML_QEMUARGV_RES_VDPA_FD, v, 2);
        const char *path = s ? s->u.dev.dev : NULL;
        if (nv > 1) {
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "more than one vdpa fd given");
            return;
        }
        if (!nv && (!path || !*path)) {
            domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "vdpa needs a device path or a vdpa fd");
            return;
        }
        char vhostdev[64];
        if (nv) {
            if (!fd_number(v[0]) || strtol(v[0], NULL, 10) < 3) {
                domxml__qa_fail(ctx, DOMXML_ERR_VALUE,
                                "vdpa fd '%s' is not an fd number above 2 (-add-fd takes numbers)",
                                fd_number(v[0]) ? v[0] : "(not a number)");
                return;
            }
            unsigned int set = ctx->fdset++;
            a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_ADDFD, false, false);
            domxml__qa_int(ctx, a, "set", set);
            domxml__qa_int(ctx, a, "fd", strtol(v[0], NULL, 10));
            if (json)
                domxml__qa_strf(ctx, a, "opaque", "%s-vdpa", dev->id);
            else
                domxml__qa_str(ctx, a, "opaque", path && *path ? path : "vdpa");
            snprintf(vhostdev, sizeof(vhostdev), "/dev/fdset/%u", set);
            path = vhostdev;
        }
        a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_NETDEV, true, json);
        domxml__qa_str(ctx, a, "type", "vhost-vdpa");
        domxml__qa_str(ctx, a, "vhostdev", path);
        if (queues > 1)
            domxml__qa_int(ctx, a, "queues", queues);
        domxml__qa_id(ctx, a, "id", netdev_id);
        return;
    }
    default:
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "interface type '%s' has no QEMU backend",
                        domxml_interface_type_to_string(i->type));
        return;
    }
}

/* ------------------------------------------------------------------ */
/* Host devices                                                          */

static bool value_printable(const char *s, const char **why)
{
    for (const unsigned char *p = (const unsigned char *)s; *p; p++)
        if (*p < 0x20 || *p == 0x7f) {
            *why = "control";
            return false;
        }
    return true;
}

static const char *failover_pair(const domxml_node *n)
{
    const domxml_teaming *t = domxml_node_teaming(n);
    if (t && t->type == DOMXML_TEAMING_TYPE_TRANSIENT && t->persistent && *t->persistent)
        return t->persistent;
    return NULL;
}

static void vfio_pci(domxml__qa_ctx *ctx, const domxml__qa_dev *dev, bool json)
{
    const domxml_node *n = dev->node;
    const domxml_hostdev_source *src = domxml_node_host_source(n);
    domxml_hostdev_address pool = {0};
    domxml_hostdev_source pool_src = {0};
    if (dev->pool_vf) {
        if (domxml_pci_addr_from_string(dev->pool_vf, &pool.u.pci) < 0) {
            const char *why = NULL;
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "pool VF '%s' is not a PCI address DDDD:BB:SS.F",
                            value_printable(dev->pool_vf, &why) ? dev->pool_vf : "(unprintable)");
            return;
        }
        pool.type = DOMXML_ADDRESS_TYPE_PCI;
        pool_src.address = &pool;
        src = &pool_src;
    }
    const domxml_hostdev_driver *drv = n->kind == DOMXML_NODE_HOSTDEV ? n->hostdev->driver
                                                                      : n->interface->hostdev_driver;
    const domxml_device_info *info = domxml_node_device_info(n);
    const char *pair = failover_pair(n);

    if (drv && drv->name != DOMXML_HOSTDEV_BACKEND_NONE && drv->name != DOMXML_HOSTDEV_BACKEND_VFIO) {
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED,
                        "PCI assignment backend '%s': QEMU has only VFIO",
                        domxml_hostdev_backend_to_string(drv->name));
        return;
    }
    if (!src || !src->address || !src->address->u.pci.bus.set || !src->address->u.pci.slot.set ||
        !src->address->u.pci.function.set) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "the host PCI address is missing or incomplete");
        return;
    }
    if (n->kind == DOMXML_NODE_INTERFACE && src->address->type != DOMXML_ADDRESS_TYPE_PCI) {
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED,
                        "an <interface type='hostdev'> needs a PCI source address");
        return;
    }
    if (info->address && info->address->type == DOMXML_ADDRESS_TYPE_UNASSIGNED)
        return; /* numbered, not given to QEMU (libvirt) */
    if (info->address && info->address->type != DOMXML_ADDRESS_TYPE_PCI) {
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "a vfio-pci device needs a PCI guest address");
        return;
    }
    const domxml_pci_addr *h = &src->address->u.pci;
    /* libvirt 11: a display (and ramfb) on a PCI host device */
    domxml_tristate_switch display = n->kind == DOMXML_NODE_HOSTDEV ? n->hostdev->display
                                                                   : DOMXML_TRISTATE_SWITCH_ABSENT;
    bool ramfb = n->kind == DOMXML_NODE_HOSTDEV && n->hostdev->ramfb == DOMXML_TRISTATE_SWITCH_ON;
    if (ramfb && pair) {
        domxml__qa_fail(ctx, DOMXML_ERR_TEAMING,
                        "a failover primary must be hot-pluggable, but ramfb needs "
                        "vfio-pci-nohotplug");
        return;
    }
    zpci_device(ctx, info, dev->id, json);
    domxml__qa_arg *a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_DEVICE, true, json);
    domxml__qa_str(ctx, a, "driver", ramfb ? "vfio-pci-nohotplug" : "vfio-pci");
    domxml__qa_strf(ctx, a, "host", "%04x:%02x:%02x.%x", h->domain.set ? h->domain.value : 0,
                    h->bus.value, h->slot.value, h->function.value);
    domxml__qa_id(ctx, a, "id", dev->id);
    bootindex(ctx, a, info);
    if (pair && json)
        domxml__qa_id(ctx, a, "failover_pair_id", pair);
    if (display != DOMXML_TRISTATE_SWITCH_ABSENT)
        domxml__qa_str(ctx, a, "display", display == DOMXML_TRISTATE_SWITCH_ON ? "on" : "off");
    if (ramfb)
        domxml__qa_bool(ctx, a, "ramfb", true);
    bus_kind kind;
    pci_address(ctx, a, info, &kind);
    rom_group(ctx, a, info);
    if (pair && !json)
        domxml__qa_id(ctx, a, "failover_pair_id", pair);
    if (pair && kind == BUS_PCI)
        domxml__qa_warn(ctx, ctx->cur, "qemuargv.failover-not-pcie", DOMXML_ERR_TEAMING,
                        "failover primary on a conventional PCI bus: QEMU starts, but the "
                        "primary must be on PCI Express (q35 with a pcie-root-port) to be used");
}

static void usb_host(domxml__qa_ctx *ctx, const domxml__qa_dev *dev, bool json)
{
    const domxml_hostdev *h = dev->node->hostdev;
    const domxml_hostdev_source *s = h->source;
    const domxml_device_info *info = &h->info;
    bool addr = s && s->address && s->address->u.usb.bus.set && s->address->u.usb.device.set;
    bool ids = s && s->u.usb.vendor && s->u.usb.product;

    if (!addr && !ids) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "a USB host device needs a bus/device address or "
                                                 "vendor and product ids");
        return;
    }
    if (info->address && info->address->type != DOMXML_ADDRESS_TYPE_USB) {
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "a USB host device needs a USB guest address");
        return;
    }
    domxml__qa_arg *a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_DEVICE, true, json);
    domxml__qa_str(ctx, a, "driver", "usb-host");
    if (addr && json) {
        domxml__qa_strf(ctx, a, "hostdevice", "/dev/bus/usb/%03u/%03u", s->address->u.usb.bus.value,
                        s->address->u.usb.device.value);
    } else if (addr) {
        domxml__qa_int(ctx, a, "hostbus", s->address->u.usb.bus.value);
        domxml__qa_int(ctx, a, "hostaddr", s->address->u.usb.device.value);
    } else {
        /* libvirt resolves vendor/product on the host; qemuargv never
         * looks at the host, so QEMU matches them (and waits for them). */
        if (json) { /* uint32 properties: numbers in JSON */
            domxml__qa_int(ctx, a, "vendorid", s->u.usb.vendor->id.value);
            domxml__qa_int(ctx, a, "productid", s->u.usb.product->id.value);
        } else {
            domxml__qa_strf(ctx, a, "vendorid", "0x%04x", s->u.usb.vendor->id.value);
            domxml__qa_strf(ctx, a, "productid", "0x%04x", s->u.usb.product->id.value);
        }
    }
    domxml__qa_id(ctx, a, "id", dev->id);
    bootindex(ctx, a, info);
    if (s->guest_reset == DOMXML_USB_GUEST_RESET_OFF)
        domxml__qa_bool(ctx, a, "guest-reset", false);
    else if (s->guest_reset == DOMXML_USB_GUEST_RESET_UNINITIALIZED) {
        domxml__qa_bool(ctx, a, "guest-reset", true);
        domxml__qa_bool(ctx, a, "guest-resets-all", false);
    } else if (s->guest_reset == DOMXML_USB_GUEST_RESET_ON) {
        domxml__qa_bool(ctx, a, "guest-reset", true);
        domxml__qa_bool(ctx, a, "guest-resets-all", true);
    }
    if (info->address) {
        char bus[128];
        const domxml_address *ad = info->address;
        domxml__qa_id(ctx, a, "bus",
                      usb_bus(ctx, ad->u.usb.bus.set ? ad->u.usb.bus.value : 0, bus, sizeof(bus)));
        if (ad->u.usb.port)
            domxml__qa_str(ctx, a, "port", ad->u.usb.port);
    }
}

static void mdev(domxml__qa_ctx *ctx, const domxml__qa_dev *dev, bool json)
{
    const domxml_hostdev *h = dev->node->hostdev;
    const domxml_device_info *info = &h->info;
    const char *driver;

    if (!h->source || !h->source->address || !h->source->address->u.mdev.uuid) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "an mdev needs its UUID");
        return;
    }
    bool ramfb = h->ramfb == DOMXML_TRISTATE_SWITCH_ON;
    switch (h->model) {
    case DOMXML_HOSTDEV_MODEL_VFIO_PCI:
        driver = ramfb ? "vfio-pci-nohotplug" : "vfio-pci";
        break;
    case DOMXML_HOSTDEV_MODEL_VFIO_CCW:
        driver = "vfio-ccw";
        break;
    case DOMXML_HOSTDEV_MODEL_VFIO_AP:
        driver = "vfio-ap";
        break;
    default:
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "an mdev needs model vfio-pci, vfio-ccw or vfio-ap");
        return;
    }
    if (h->model != DOMXML_HOSTDEV_MODEL_VFIO_PCI &&
        (h->display != DOMXML_TRISTATE_SWITCH_ABSENT || ramfb)) {
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "display and ramfb are for vfio-pci mdevs");
        return;
    }
    domxml__qa_arg *a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_DEVICE, true, json);
    domxml__qa_str(ctx, a, "driver", driver);
    domxml__qa_id(ctx, a, "id", dev->id);
    domxml__qa_strf(ctx, a, "sysfsdev", "/sys/bus/mdev/devices/%s", h->source->address->u.mdev.uuid);
    if (h->display != DOMXML_TRISTATE_SWITCH_ABSENT)
        domxml__qa_str(ctx, a, "display", h->display == DOMXML_TRISTATE_SWITCH_ON ? "on" : "off");
    bootindex(ctx, a, info);
    if (h->model == DOMXML_HOSTDEV_MODEL_VFIO_CCW) {
        const domxml_address *ad = info->address;
        if (ad && ad->type == DOMXML_ADDRESS_TYPE_CCW)
            domxml__qa_strf(ctx, a, "devno", "%x.%x.%04x", ad->u.ccw.cssid.value,
                            ad->u.ccw.ssid.value, ad->u.ccw.devno.value);
    } else if (h->model == DOMXML_HOSTDEV_MODEL_VFIO_PCI) {
        pci_address(ctx, a, info, NULL);
        rom_group(ctx, a, info);
    }
    if (ramfb)
        domxml__qa_bool(ctx, a, "ramfb", true);
}

static void vhost_scsi(domxml__qa_ctx *ctx, const domxml__qa_dev *dev, bool json)
{
    const domxml_hostdev *h = dev->node->hostdev;
    const char *fd[2];
    size_t n = res_get(ctx, ctx->cur, DOMXML_QEMUARGV_RES_VHOSTSCSI_FD, fd, 2);
    const char *driver = "vhost-scsi-pci";

    if (!h->source || !h->source->wwpn || !*h->source->wwpn) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "vhost-scsi needs a wwpn");
        return;
    }
    if (n != 1) {
        domxml__qa_fail(ctx, n ? DOMXML_ERR_VALUE : DOMXML_ERR_MISSING,
                        "vhost-scsi needs exactly one vhost-scsi fd from the caller");
        return;
    }
    if (!fd_ok(fd[0])) {
        domxml__qa_fail(ctx, DOMXML_ERR_VALUE, "the vhost-scsi fd is neither a number nor a name");
        return;
    }
    if (h->model == DOMXML_HOSTDEV_MODEL_VIRTIO_TRANSITIONAL)
        driver = "vhost-scsi-pci-transitional";
    else if (h->model == DOMXML_HOSTDEV_MODEL_VIRTIO_NON_TRANSITIONAL)
        driver = "vhost-scsi-pci-non-transitional";
    const domxml_device_info *info = &h->info;
    if (info->address && info->address->type == DOMXML_ADDRESS_TYPE_CCW)
        driver = "vhost-scsi-ccw";
    domxml__qa_arg *a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_DEVICE, true, json);
    domxml__qa_str(ctx, a, "driver", driver);
    domxml__qa_str(ctx, a, "wwpn", h->source->wwpn);
    domxml__qa_str(ctx, a, "vhostfd", fd[0]);
    domxml__qa_id(ctx, a, "id", dev->id);
    bootindex(ctx, a, info);
    if (info->address && info->address->type == DOMXML_ADDRESS_TYPE_CCW)
        domxml__qa_strf(ctx, a, "devno", "%x.%x.%04x", info->address->u.ccw.cssid.value,
                        info->address->u.ccw.ssid.value, info->address->u.ccw.devno.value);
    else
        pci_address(ctx, a, info, NULL);
}


/* The SCSI controller `index`: its QEMU id, and whether it is an lsilogic
 * (libvirt's default on x86), which addresses devices by unit only. */
static const char *scsi_ctrl(domxml__qa_ctx *ctx, unsigned int index, char *buf, size_t size,
                             bool *lsi)
{
    *lsi = false;
    snprintf(buf, size, "scsi%u", index);
    if (ctx->standalone)
        return buf;
    domxml_node *devs = domxml_domain_devices(ctx->dom);
    for (domxml_node *c = domxml_node_child(devs, NULL, "controller"); c;
         c = domxml_node_child(devs, c, "controller")) {
        const char *type = domxml_node_attr(c, "type");
        const char *idx = domxml_node_attr(c, "index");
        if (!type || strcmp(type, "scsi") != 0 || !idx || strtoul(idx, NULL, 10) != index)
            continue;
        const char *model = domxml_node_attr(c, "model");
        *lsi = !model || strcmp(model, "lsilogic") == 0;
        domxml_node *al = domxml_node_child(c, NULL, "alias");
        const char *alias = al ? domxml_node_attr(al, "name") : NULL;
        if (alias && strncmp(alias, "ua-", 3) == 0)
            snprintf(buf, size, "%s", alias);
        return buf;
    }
    domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "the domain has no SCSI controller with index %u",
                    index);
    return NULL;
}

static void scsi_generic(domxml__qa_ctx *ctx, const domxml__qa_dev *dev, bool json)
{
    const domxml_hostdev *h = dev->node->hostdev;
    const domxml_hostdev_source *s = h->source;
    const domxml_device_info *info = &h->info;
    const domxml_address *ad = info->address;
    bool readonly = h->more && h->more->readonly;
    char file[1024], ctrl[128], drive[96];
    bool lsi;

    if (!ad || ad->type != DOMXML_ADDRESS_TYPE_DRIVE) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING,
                        "a SCSI host device needs a drive address (controller, bus, target, unit)");
        return;
    }
    if (!s) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "a SCSI host device needs a source");
        return;
    }
    bool iscsi = s->protocol == DOMXML_SCSI_PROTOCOL_ISCSI;
    if (iscsi) {
        const domxml_iscsi_host *host = s->u.scsi.host;
        if (s->u.scsi.auth) {
            domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED,
                            "iSCSI authentication needs a secret object, not supported yet");
            return;
        }
        if (!host || !host->name || !*host->name || !s->name || !*s->name) {
            domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "an iSCSI source needs a host and a name");
            return;
        }
        const char *lun = strchr(s->name, '/') ? "" : "/0";
        if (host->port.set)
            snprintf(file, sizeof(file), "iscsi://%s:%u/%s%s", host->name, host->port.value,
                     s->name, lun);
        else
            snprintf(file, sizeof(file), "iscsi://%s/%s%s", host->name, s->name, lun);
    } else {
        const char *sg[2];
        size_t n = res_get(ctx, ctx->cur, DOMXML_QEMUARGV_RES_SCSI_GENERIC, sg, 2);
        if (n != 1 || !*sg[0]) {
            domxml__qa_fail(ctx, n > 1 ? DOMXML_ERR_VALUE : DOMXML_ERR_MISSING,
                            "a SCSI host device needs one /dev/sgN path from the caller "
                            "(libvirt finds it in sysfs)");
            return;
        }
        snprintf(file, sizeof(file), "%s", sg[0]);
    }
    const char *c = scsi_ctrl(ctx, ad->u.drive.controller.value, ctrl, sizeof(ctrl), &lsi);
    if (!c)
        return;
    if (json) {
        snprintf(drive, sizeof(drive), "libvirt-%s-backend", dev->id);
        domxml__qa_arg *b = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_BLOCKDEV, true, true);
        if (iscsi) {
            /* iscsi://host[:port]/target/lun */
            const char *host = s->u.scsi.host->name;
            char target[512];
            const char *slash = strrchr(s->name, '/');
            long lunv = slash ? strtol(slash + 1, NULL, 10) : 0;
            snprintf(target, sizeof(target), "%.*s", slash ? (int)(slash - s->name) : (int)strlen(s->name),
                     s->name);
            domxml__qa_str(ctx, b, "driver", "iscsi");
            domxml__qa_str(ctx, b, "transport", "tcp");
            if (s->u.scsi.host->port.set)
                domxml__qa_strf(ctx, b, "portal", "%s:%u", host, s->u.scsi.host->port.value);
            else
                domxml__qa_str(ctx, b, "portal", host);
            domxml__qa_str(ctx, b, "target", target);
            domxml__qa_int(ctx, b, "lun", lunv);
        } else {
            domxml__qa_str(ctx, b, "driver", "host_device");
            domxml__qa_str(ctx, b, "filename", file);
        }
        domxml__qa_id(ctx, b, "node-name", drive);
        domxml__qa_bool(ctx, b, "read-only", readonly);
    } else {
        snprintf(drive, sizeof(drive), "drive-%s", dev->id);
        domxml__qa_arg *d = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_DRIVE, false, false);
        domxml__qa_str(ctx, d, "file", file);
        domxml__qa_str(ctx, d, "if", "none");
        domxml__qa_str(ctx, d, "format", "raw");
        domxml__qa_id(ctx, d, "id", drive);
        if (readonly)
            domxml__qa_bool(ctx, d, "readonly", true);
    }
    domxml__qa_arg *a = domxml__qa_arg_new(ctx, DOMXML__QA_ARG_DEVICE, true, json);
    domxml__qa_str(ctx, a, "driver", "scsi-generic");
    if (json) {
        domxml__qa_id(ctx, a, "drive", drive);
        domxml__qa_id(ctx, a, "id", dev->id);
        bootindex(ctx, a, info);
    }
    domxml__qa_strf(ctx, a, "bus", "%s.0", c);
    if (lsi) {
        domxml__qa_int(ctx, a, "scsi-id", ad->u.drive.unit.value);
    } else {
        domxml__qa_int(ctx, a, "channel", ad->u.drive.bus.value);
        domxml__qa_int(ctx, a, "scsi-id", ad->u.drive.target.value);
        domxml__qa_int(ctx, a, "lun", ad->u.drive.unit.value);
    }
    if (!json) {
        domxml__qa_id(ctx, a, "drive", drive);
        domxml__qa_id(ctx, a, "id", dev->id);
        bootindex(ctx, a, info);
    }
}

static void hostdev_device(domxml__qa_ctx *ctx, const domxml__qa_dev *dev, bool json)
{
    const domxml_node *n = dev->node;
    if (n->kind == DOMXML_NODE_INTERFACE) { /* type hostdev, or a pool VF */
        vfio_pci(ctx, dev, json);
        return;
    }
    const domxml_hostdev *h = n->hostdev;
    if (h->mode == DOMXML_HOSTDEV_MODE_CAPABILITIES) {
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED,
                        "capabilities host devices are for containers, not QEMU");
        return;
    }
    switch (h->type) {
    case DOMXML_HOSTDEV_TYPE_PCI:
        vfio_pci(ctx, dev, json);
        return;
    case DOMXML_HOSTDEV_TYPE_USB:
        usb_host(ctx, dev, json);
        return;
    case DOMXML_HOSTDEV_TYPE_MDEV:
        mdev(ctx, dev, json);
        return;
    case DOMXML_HOSTDEV_TYPE_SCSI_HOST:
        vhost_scsi(ctx, dev, json);
        return;
    case DOMXML_HOSTDEV_TYPE_SCSI:
        scsi_generic(ctx, dev, json);
        return;
    default:
        domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "host device type '%s' has no QEMU device",
                        domxml_hostdev_type_to_string(h->type));
        return;
    }
}

/* ------------------------------------------------------------------ */
/* Teaming rules (what QEMU cannot run)                                  */

static bool slot_of(const domxml_node *n, unsigned int *bus, unsigned int *slot)
{
    const domxml_device_info *info = domxml_node_device_info(n);
    if (!info || !info->address || info->address->type != DOMXML_ADDRESS_TYPE_PCI)
        return false;
    *bus = info->address->u.pci.addr.bus.set ? info->address->u.pci.addr.bus.value : 0;
    *slot = info->address->u.pci.addr.slot.set ? info->address->u.pci.addr.slot.value : 0;
    return true;
}

static void check_teaming(domxml__qa_ctx *ctx, int only)
{
    for (size_t k = 0; k < ctx->ndevs && !FAILED(ctx); k++) {
        if (only >= 0 && (int)k != only)
            continue;
        const domxml_node *n = ctx->devs[k].node;
        const domxml_teaming *t = domxml_node_teaming(n);
        ctx->cur = (int)k;
        if (!t || t->type == DOMXML_TEAMING_TYPE_NONE)
            continue;
        if (t->type == DOMXML_TEAMING_TYPE_PERSISTENT) {
            if (n->kind != DOMXML_NODE_INTERFACE || ctx->devs[k].hostlike) {
                domxml__qa_fail(ctx, DOMXML_ERR_TEAMING,
                                "a persistent teaming member must be a virtio <interface>");
                return;
            }
            if (!iface_virtio(n->interface)) {
                domxml__qa_fail(ctx, DOMXML_ERR_TEAMING,
                                "the persistent teaming member must have a virtio model (QEMU "
                                "sets failover=on on virtio-net only), not %s",
                                n->interface->model && domxml_model_name(n->interface->model)
                                    ? domxml_model_name(n->interface->model)
                                    : "the default model");
                return;
            }
            if (ctx->standalone)
                continue;
            int partners = 0;
            for (size_t j = 0; j < ctx->ndevs; j++) {
                const char *p = failover_pair(ctx->devs[j].node);
                if (p && strcmp(p, ctx->devs[k].id) == 0)
                    partners++;
            }
            if (partners == 0) {
                domxml__qa_fail(ctx, DOMXML_ERR_TEAMING,
                                "persistent teaming member without a transient partner naming "
                                "'%s'",
                                ctx->devs[k].id);
                return;
            }
            if (partners > 1) {
                domxml__qa_fail(ctx, DOMXML_ERR_TEAMING,
                                "%d transient members name '%s': QEMU takes one primary per "
                                "standby",
                                partners, ctx->devs[k].id);
                return;
            }
            continue;
        }
        /* transient */
        bool pci = (n->kind == DOMXML_NODE_HOSTDEV && n->hostdev->type == DOMXML_HOSTDEV_TYPE_PCI &&
                    n->hostdev->mode != DOMXML_HOSTDEV_MODE_CAPABILITIES) ||
                   ctx->devs[k].pool_vf ||
                   (iface_is_hostdev(n) && n->interface->hostdev_source &&
                    n->interface->hostdev_source->address &&
                    n->interface->hostdev_source->address->type == DOMXML_ADDRESS_TYPE_PCI);
        if (!pci) {
            domxml__qa_fail(ctx, DOMXML_ERR_TEAMING,
                            "a transient teaming member must be a PCI host device (<interface "
                            "type='hostdev'>, <hostdev type='pci'>, or an <interface "
                            "type='network'> given its pool VF)");
            return;
        }
        if (!t->persistent || !*t->persistent) {
            domxml__qa_fail(ctx, DOMXML_ERR_TEAMING, "transient teaming member without persistent=");
            return;
        }
        if (!ctx->standalone) {
            int p = domxml__qa_find_dev(ctx, t->persistent);
            const domxml_teaming *pt = p >= 0 ? domxml_node_teaming(ctx->devs[p].node) : NULL;
            if (!pt || pt->type != DOMXML_TEAMING_TYPE_PERSISTENT) {
                domxml__qa_fail(ctx, DOMXML_ERR_TEAMING,
                                "its persistent partner '%s' is not a persistent teaming "
                                "<interface> of this domain",
                                t->persistent);
                return;
            }
        }
        const domxml_device_info *info = domxml_node_device_info(n);
        const domxml_address *ad = info->address;
        if (ad && ad->type == DOMXML_ADDRESS_TYPE_PCI &&
            ((ad->u.pci.addr.function.set && ad->u.pci.addr.function.value != 0) ||
             ad->u.pci.multifunction == DOMXML_TRISTATE_SWITCH_ON)) {
            domxml__qa_fail(ctx, DOMXML_ERR_TEAMING,
                            "a failover primary must be alone in its PCI slot (function 0, not "
                            "multifunction)");
            return;
        }
        unsigned int b, s, b2, s2;
        if (slot_of(n, &b, &s) && !ctx->standalone) {
            /* the other elements of <devices> (disks, controllers, ...) */
            domxml_node *devs = domxml_domain_devices(ctx->dom);
            for (domxml_node *c = domxml_node_child(devs, NULL, NULL); c;
                 c = domxml_node_child(devs, c, NULL)) {
                if (c->kind != DOMXML_NODE_ELEMENT)
                    continue;
                domxml_node *ga = domxml_node_child(c, NULL, "address");
                const char *type = ga ? domxml_node_attr(ga, "type") : NULL;
                const char *bus = ga ? domxml_node_attr(ga, "bus") : NULL;
                const char *slot = ga ? domxml_node_attr(ga, "slot") : NULL;
                if (!type || strcmp(type, "pci") != 0 || !bus || !slot)
                    continue;
                if (strtoul(bus, NULL, 0) == b && strtoul(slot, NULL, 0) == s) {
                    domxml__qa_fail(ctx, DOMXML_ERR_TEAMING,
                                    "a failover primary must be alone in its PCI slot, but a <%s> "
                                    "shares bus %u slot %u",
                                    c->name, b, s);
                    return;
                }
            }
        }
        if (slot_of(n, &b, &s)) {
            for (size_t j = 0; j < ctx->ndevs; j++) {
                if (j == k || !slot_of(ctx->devs[j].node, &b2, &s2))
                    continue;
                if (b == b2 && s == s2) {
                    domxml__qa_fail(ctx, DOMXML_ERR_TEAMING,
                                    "a failover primary must be alone in its PCI slot, but %s "
                                    "shares bus %u slot %u",
                                    ctx->devs[j].label, b, s);
                    return;
                }
            }
        }
    }
    ctx->cur = -1;
}

/* ------------------------------------------------------------------ */

static void build_one(domxml__qa_ctx *ctx, int k, bool json)
{
    const domxml__qa_dev *dev = &ctx->devs[k];
    ctx->cur = k;
    if (dev->hostlike) {
        hostdev_device(ctx, dev, json);
    } else {
        char netdev[80];
        const domxml_interface *i = dev->node->interface;
        snprintf(netdev, sizeof(netdev), "host%s", dev->id);
        if (!i->mac || !i->mac->address.set) {
            if (i->teaming && i->teaming->type == DOMXML_TEAMING_TYPE_PERSISTENT) {
                domxml__qa_fail(ctx, DOMXML_ERR_MISSING,
                                "a failover standby needs a MAC address (the guest pairs the "
                                "members by MAC)");
                return;
            }
        }
        if (i->link && i->link->state == DOMXML_LINK_STATE_DOWN)
            domxml__qa_warn(ctx, k, "qemuargv.link-state", DOMXML_ERR_UNSUPPORTED,
                            "<link state='down'> has no QEMU start-up property: send QMP "
                            "set_link {\"name\":\"%s\",\"up\":false} after start",
                            dev->id);
        netdev_iface(ctx, dev, netdev, json);
        nic_device(ctx, dev, netdev, json);
    }
    ctx->cur = -1;
}

int domxml__qa_build_all(domxml__qa_ctx *ctx, int only, bool json)
{
    for (size_t k = 0; k < ctx->ndevs; k++) {
        if (!domxml_qemuargv_id_valid(ctx->devs[k].id)) {
            ctx->cur = (int)k;
            domxml__qa_fail(ctx, DOMXML_ERR_VALUE,
                            "its alias is not a QEMU id: it must match ^[A-Za-z][A-Za-z0-9._-]*$");
            return -1;
        }
    }
    check_teaming(ctx, only);
    if (FAILED(ctx))
        return -1;
    /* NICs in interface order, then the interface host devices, then the
     * plain ones: every failover primary after its standby. */
    for (int pass = 0; pass < 3 && !FAILED(ctx); pass++) {
        for (size_t k = 0; k < ctx->ndevs && !FAILED(ctx); k++) {
            const domxml_node *n = ctx->devs[k].node;
            bool want = pass == 0 ? is_iface(n) && !ctx->devs[k].hostlike
                      : pass == 1 ? iface_hostlike(&ctx->devs[k])
                                  : n->kind == DOMXML_NODE_HOSTDEV;
            if (want && (only < 0 || only == (int)k))
                build_one(ctx, (int)k, json);
        }
    }
    return FAILED(ctx) ? -1 : 0;
}
