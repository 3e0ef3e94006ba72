/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: a NIC's -device. The table lists its properties in both
 * orders; nic_values() fills them and refuses what QEMU cannot take.
 */
#include <stddef.h>

#include "buses.h"
#include "nic.h"

#define DRV(key, kv, js, field)                                                                    \
    {key, kv, js, domxml__qa_get_drv, offsetof(domxml_net_driver, field), DOMXML__QA_TEXT, 0, 0}
#define HOST(key, kv, js, field)                                                                   \
    {key, kv, js, domxml__qa_get_host, offsetof(domxml_net_driver_host, field), DOMXML__QA_TEXT, 0, 0}
#define GUEST(key, kv, js, field)                                                                  \
    {key, kv, js, domxml__qa_get_guest, offsetof(domxml_net_driver_guest, field), DOMXML__QA_TEXT, 0, 0}

static const domxml__qa_row nic_rows[] = {
    DOMXML__QA_STR("driver", 1, 1, driver, DOMXML__QA_NAME),
    DRV("iommu_platform", 37, 2, iommu),
    DRV("ats", 38, 3, ats),
    DRV("packed", 39, 4, packed),
    DRV("page-per-vq", 40, 5, page_per_vq),
    DOMXML__QA_TXT("tx", 2, 6, tx),
    DRV("ioeventfd", 3, 7, ioeventfd),
    DRV("event_idx", 4, 8, event_idx),
    HOST("csum", 5, 9, csum),
    HOST("gso", 6, 10, gso),
    HOST("host_tso4", 7, 11, tso4),
    HOST("host_tso6", 8, 12, tso6),
    HOST("host_ecn", 9, 13, ecn),
    HOST("host_ufo", 10, 14, ufo),
    HOST("mrg_rxbuf", 11, 15, mrg_rxbuf),
    GUEST("guest_csum", 12, 16, csum),
    GUEST("guest_tso4", 13, 17, tso4),
    GUEST("guest_tso6", 14, 18, tso6),
    GUEST("guest_ecn", 15, 19, ecn),
    GUEST("guest_ufo", 16, 20, ufo),
    DOMXML__QA_SW("mq", 17, 21, mq),
    DOMXML__QA_NUM("vectors", 18, 22, vectors),
    DOMXML__QA_NUM("rx_queue_size", 19, 23, rx_queue_size),
    DOMXML__QA_NUM("tx_queue_size", 20, 24, tx_queue_size),
    DRV("rss", 21, 25, rss),
    DRV("hash", 22, 26, rss_hash_report),
    DOMXML__QA_NUM("host_mtu", 23, 27, host_mtu),
    DOMXML__QA_SW("failover", 24, 28, failover),
    DOMXML__QA_IDS("netdev", 25, 29, netdev),
    DOMXML__QA_IDS("id", 26, 30, id),
    DOMXML__QA_TXT("mac", 27, 31, mac),
    DOMXML__QA_NUM("bootindex", 35, 32, bootindex),
    DOMXML__QA_TXT("loadparm", 36, 33, loadparm),
    DOMXML__QA_TXT("devno", 28, 34, devno),
    DOMXML__QA_PCI_ROWS(29, 35),
    DOMXML__QA_TXT("port", 31, 37, port), /* usb-net */
    DOMXML__QA_ROM_ROWS(33, 39),
};

/* The QEMU device of the NIC model; NULL after a failure. */
static const char *nic_driver(domxml__qa_view *v)
{
    const domxml_interface *i = v->iface;

    if (!i->model || !domxml_model_name(i->model)) {
        /* libvirt's default: virtio where nothing else can work (vhost-user,
         * vdpa) and on aarch64's virt machine, else rtl8139 (x86) */
        v->virtio = i->type == DOMXML_INTERFACE_TYPE_VHOSTUSER ||
                    i->type == DOMXML_INTERFACE_TYPE_VDPA || v->ctx->arm_virt;
        if (!v->virtio)
            return "rtl8139";
    } else if (!v->virtio) {
        return domxml_model_name(i->model); /* checked as a QEMU name */
    }
    domxml_address_type at = i->info.address ? i->info.address->type : DOMXML_ADDRESS_TYPE_NONE;
    const char *suffix = at == DOMXML_ADDRESS_TYPE_CCW            ? "ccw"
                         : at == DOMXML_ADDRESS_TYPE_VIRTIO_MMIO ? "device"
                                                                  : "pci";
    if (at != DOMXML_ADDRESS_TYPE_PCI && at != DOMXML_ADDRESS_TYPE_NONE && suffix[0] == 'p') {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.nic-address",
                        "a virtio NIC cannot have a %s address",
                        domxml_address_type_to_string(at));
        return NULL;
    }
    domxml_nic_model model = i->model ? i->model->type : DOMXML_NIC_MODEL_VIRTIO;
    const char *var = model == DOMXML_NIC_MODEL_VIRTIO_TRANSITIONAL ? "-transitional"
                      : model == DOMXML_NIC_MODEL_VIRTIO_NON_TRANSITIONAL
                          ? "-non-transitional"
                          : "";
    if (*var && suffix[0] != 'p') {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.nic-address",
                        "model %s needs a PCI address", domxml_model_name(i->model));
        return NULL;
    }
    return domxml__qa_cat(v->ctx, "virtio-net-", suffix, var, NULL);
}

static bool pow2_in(unsigned int x, unsigned int lo, unsigned int hi)
{
    return x >= lo && x <= hi && (x & (x - 1)) == 0;
}

/* What a non-virtio model cannot do, and QEMU's ranges. */
static bool nic_limits(domxml__qa_view *v)
{
    const domxml_interface *i = v->iface;
    const domxml_net_driver *d = i->driver;
    const domxml_mtu *mtu = i->more ? i->more->mtu : NULL;
    const char *what = NULL;

    if (!v->virtio && d && d->queues.set && d->queues.value > 1)
        domxml__qa_warn(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.queues-not-virtio",
                        "<driver queues='%u'> is for virtio NICs: one queue, as libvirt does",
                        d->queues.value);
    if (!v->virtio && d && (d->rx_queue_size.set || d->tx_queue_size.set))
        what = "queue sizes";
    else if (!v->virtio && mtu)
        what = "<mtu>";
    if (what) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.nic-not-virtio",
                        "%s needs a virtio model, not %s", what, v->driver);
        return false;
    }
    const domxml_uint *q[2] = {d ? &d->rx_queue_size : NULL, d ? &d->tx_queue_size : NULL};
    for (int k = 0; k < 2; k++)
        if (q[k] && q[k]->set && !pow2_in(q[k]->value, 256, 1024)) {
            domxml__qa_fail(v->ctx, DOMXML_ERR_RANGE, "qemuargv.queue-size",
                            "%s %u: QEMU takes a power of 2 from 256 to 1024",
                            k ? "tx_queue_size" : "rx_queue_size", q[k]->value);
            return false;
        }
    if (d && d->tx_queue_size.set && d->tx_queue_size.value > 256 &&
        i->type != DOMXML_INTERFACE_TYPE_VHOSTUSER && i->type != DOMXML_INTERFACE_TYPE_VDPA)
        domxml__qa_warn(v->ctx, DOMXML_ERR_RANGE, "qemuargv.tx-queue-clamped",
                        "tx_queue_size %u: QEMU clamps it to 256 unless the backend is "
                        "vhost-user or vhost-vdpa",
                        d->tx_queue_size.value);
    if (mtu && mtu->size.set && mtu->size.value > 65535) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_RANGE, "qemuargv.mtu",
                        "mtu %u: QEMU takes at most 65535", mtu->size.value);
        return false;
    }
    return true;
}

static void virtio_values(domxml__qa_view *v)
{
    const domxml_net_driver *d = v->iface->driver;
    const domxml_mtu *mtu = v->iface->more ? v->iface->more->mtu : NULL;

    if (v->virtio && mtu && mtu->size.set)
        v->host_mtu = (domxml__qa_num){mtu->size.value, true};
    if (!v->virtio || !d)
        return;
    if (d->txmode == DOMXML_NET_TXMODE_IOTHREAD)
        v->tx = "bh";
    else if (d->txmode == DOMXML_NET_TXMODE_TIMER)
        v->tx = "timer";
    if (d->queues.set && d->queues.value > 1) {
        v->mq = DOMXML_TRISTATE_SWITCH_ON;
        /* MSI-X; libvirt: guest ABI, never to change */
        if (!v->info->address || v->info->address->type == DOMXML_ADDRESS_TYPE_PCI)
            v->vectors = (domxml__qa_num){2LL * d->queues.value + 2, true};
    }
    if (d->rx_queue_size.set)
        v->rx_queue_size = (domxml__qa_num){d->rx_queue_size.value, true};
    if (d->tx_queue_size.set)
        v->tx_queue_size = (domxml__qa_num){d->tx_queue_size.value, true};
}

/* QEMU: "VIRTIO_F_IOMMU_PLATFORM was supported by neither legacy nor
 * transitional device". */
static bool iommu_ok(domxml__qa_view *v, domxml__qa_bus_kind kind)
{
    const domxml_net_driver *d = v->iface->driver;

    if (!v->virtio || !d || d->iommu != DOMXML_TRISTATE_SWITCH_ON ||
        (v->iface->model && v->iface->model->type == DOMXML_NIC_MODEL_VIRTIO_NON_TRANSITIONAL) ||
        (kind != DOMXML__QA_BUS_PCI && kind != DOMXML__QA_BUS_PCIE))
        return true;
    domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.iommu-legacy",
                    "iommu='on' needs a modern-only virtio device: put it on a PCIe root port "
                    "or use model virtio-non-transitional (QEMU refuses it on a %s bus)",
                    kind == DOMXML__QA_BUS_PCI ? "conventional PCI" : "PCIe root");
    return false;
}

void domxml__qa_nic(domxml__qa_view *v)
{
    const domxml_interface *i = v->iface;
    char mac[DOMXML_MAC_STRLEN];

    if (!(v->driver = nic_driver(v)) || !nic_limits(v))
        return;
    virtio_values(v);
    if (i->teaming && i->teaming->type == DOMXML_TEAMING_TYPE_PERSISTENT)
        v->failover = DOMXML_TRISTATE_SWITCH_ON;
    if (i->mac && i->mac->address.set)
        v->mac = domxml__qa_cat(v->ctx, domxml_mac_to_string(&i->mac->address, mac), NULL);
    bool ccw = domxml__qa_ccw(v);
    if (i->info.boot && i->info.boot->loadparm && !ccw) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.loadparm",
                        "boot loadparm is for s390 CCW devices only");
        return;
    }
    domxml__qa_boot(v);
    v->loadparm = i->info.boot ? i->info.boot->loadparm : NULL;
    const domxml_address *ad = i->info.address;
    if (ad && ad->type == DOMXML_ADDRESS_TYPE_USB) { /* usb-net keeps its port */
        domxml__qa_usb_bus(v, ad->u.usb.bus.set ? ad->u.usb.bus.value : 0);
        v->port = ad->u.usb.port;
    } else if (!ccw && (!ad || ad->type == DOMXML_ADDRESS_TYPE_PCI)) {
        domxml__qa_bus_kind kind;
        domxml__qa_pci_address(v, &kind);
        if (v->ctx->failed || !iommu_ok(v, kind))
            return;
    }
    domxml__qa_rom(v);
    domxml__qa_zpci(v);
    domxml__qa_emit(v, DOMXML__QA_ARG_DEVICE, true, DOMXML__QA_ROWS(nic_rows));
}
