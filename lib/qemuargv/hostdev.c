/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: host devices. vfio-pci (PCI, pool VFs, interface host devices,
 * mdevs), usb-host, vhost-scsi and scsi-generic over -drive or -blockdev.
 * One table per QEMU device.
 */
#include <stdlib.h>
#include <string.h>

#include "buses.h"
#include "hostdev.h"
#include "resources.h"

static const domxml__qa_row vfio_rows[] = {
    DOMXML__QA_STR("driver", 1, 1, driver, DOMXML__QA_NAME),
    DOMXML__QA_TXT("host", 2, 2, host),
    DOMXML__QA_IDS("id", 3, 3, id),
    DOMXML__QA_NUM("bootindex", 4, 4, bootindex),
    DOMXML__QA_IDS("failover_pair_id", 13, 5, pair),
    DOMXML__QA_TXT("display", 5, 6, display),
    DOMXML__QA_SW("ramfb", 6, 7, ramfb),
    DOMXML__QA_PCI_ROWS(7, 8),
    DOMXML__QA_ROM_ROWS(11, 12),
};

static const domxml__qa_row mdev_rows[] = {
    DOMXML__QA_STR("driver", 1, 1, driver, DOMXML__QA_NAME),
    DOMXML__QA_IDS("id", 2, 2, id),
    DOMXML__QA_TXT("sysfsdev", 3, 3, sysfsdev),
    DOMXML__QA_TXT("display", 4, 4, display),
    DOMXML__QA_NUM("bootindex", 5, 5, bootindex),
    DOMXML__QA_TXT("loadparm", 5, 5, loadparm), /* vfio-ccw, as CCW NICs */
    DOMXML__QA_TXT("devno", 6, 6, devno),
    DOMXML__QA_PCI_ROWS(7, 7),
    DOMXML__QA_ROM_ROWS(11, 11),
    DOMXML__QA_SW("ramfb", 13, 13, ramfb),
};

static const domxml__qa_row usb_rows[] = {
    DOMXML__QA_STR("driver", 1, 1, driver, DOMXML__QA_NAME),
    DOMXML__QA_TXT("hostdevice", 2, 2, hostdevice),
    DOMXML__QA_NUM("hostbus", 3, 3, hostbus),
    DOMXML__QA_NUM("hostaddr", 4, 4, hostaddr),
    DOMXML__QA_TXT("vendorid", 5, 0, vendorid_s),
    DOMXML__QA_NUM("vendorid", 0, 5, vendorid),
    DOMXML__QA_TXT("productid", 6, 0, productid_s),
    DOMXML__QA_NUM("productid", 0, 6, productid),
    DOMXML__QA_IDS("id", 7, 7, id),
    DOMXML__QA_NUM("bootindex", 8, 8, bootindex),
    DOMXML__QA_SW("guest-reset", 9, 9, guest_reset),
    DOMXML__QA_SW("guest-resets-all", 10, 10, guest_resets_all),
    DOMXML__QA_IDS("bus", 11, 11, bus),
    DOMXML__QA_TXT("port", 12, 12, port),
};

static const domxml__qa_row vhost_scsi_rows[] = {
    DOMXML__QA_STR("driver", 1, 1, driver, DOMXML__QA_NAME),
    DOMXML__QA_TXT("wwpn", 2, 2, wwpn),
    DOMXML__QA_TXT("vhostfd", 3, 3, vhostfd),
    DOMXML__QA_IDS("id", 4, 4, id),
    DOMXML__QA_NUM("bootindex", 5, 5, bootindex),
    DOMXML__QA_TXT("devno", 6, 6, devno),
    DOMXML__QA_PCI_ROWS(7, 7),
};

static const domxml__qa_row drive_rows[] = {
    DOMXML__QA_TXT("file", 1, 1, file),
    DOMXML__QA_TXT("if", 2, 2, if_),
    DOMXML__QA_TXT("format", 3, 3, format),
    DOMXML__QA_IDS("id", 4, 4, drive),
    DOMXML__QA_SW("readonly", 5, 5, readonly),
};

static const domxml__qa_row blockdev_rows[] = {
    DOMXML__QA_STR("driver", 1, 1, driver, DOMXML__QA_NAME),
    DOMXML__QA_TXT("transport", 2, 2, transport),
    DOMXML__QA_TXT("portal", 3, 3, portal),
    DOMXML__QA_TXT("target", 4, 4, iscsi_target),
    DOMXML__QA_NUM("lun", 5, 5, lun),
    DOMXML__QA_TXT("filename", 6, 6, filename),
    DOMXML__QA_IDS("node-name", 7, 7, node_name),
    DOMXML__QA_SW("read-only", 8, 8, readonly),
};

static const domxml__qa_row scsi_generic_rows[] = {
    DOMXML__QA_STR("driver", 1, 1, driver, DOMXML__QA_NAME),
    DOMXML__QA_IDS("drive", 7, 2, drive),
    DOMXML__QA_IDS("id", 8, 3, id),
    DOMXML__QA_NUM("bootindex", 9, 4, bootindex),
    DOMXML__QA_IDS("bus", 2, 5, bus),
    DOMXML__QA_NUM("channel", 3, 6, channel),
    DOMXML__QA_NUM("scsi-id", 4, 7, scsi_id),
    DOMXML__QA_NUM("lun", 5, 8, lun),
};

const char *domxml__qa_failover_pair(const domxml_node *n)
{
    const domxml_teaming *t = domxml_node_teaming(n);
    if (t && t->type == DOMXML_TEAMING_TYPE_TRANSIENT && t->persistent && *t->persistent)
        return t->persistent;
    return NULL;
}

static domxml_tristate_switch sw_of(bool on)
{
    return on ? DOMXML_TRISTATE_SWITCH_ON : DOMXML_TRISTATE_SWITCH_OFF;
}

static const char *display_of(domxml_tristate_switch d)
{
    return d == DOMXML_TRISTATE_SWITCH_ABSENT ? NULL : d == DOMXML_TRISTATE_SWITCH_ON ? "on" : "off";
}

/* The host PCI address: the source's, or the caller's pool VF. */
static bool host_pci(domxml__qa_view *v, domxml_pci_addr *out)
{
    const domxml_node *n = v->dev->node;
    const domxml_hostdev_source *src = domxml_node_host_source(n);

    if (v->dev->pool_vf)
        return domxml_pci_addr_from_string(v->dev->pool_vf, out) == 0; /* checked before */
    if (!src || !src->address || !src->address->u.pci.bus.set || !src->address->u.pci.slot.set ||
        !src->address->u.pci.function.set) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.host-address",
                        "the host PCI address is missing or incomplete");
        return false;
    }
    if (n->kind == DOMXML_NODE_INTERFACE && src->address->type != DOMXML_ADDRESS_TYPE_PCI) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.host-address",
                        "an <interface type='hostdev'> needs a PCI source address");
        return false;
    }
    *out = src->address->u.pci;
    return true;
}

static void vfio_pci(domxml__qa_view *v)
{
    const domxml_node *n = v->dev->node;
    const domxml_hostdev_driver *drv = v->hostdev ? v->hostdev->driver : v->iface->hostdev_driver;
    domxml_pci_addr h;

    if (drv && drv->name != DOMXML_HOSTDEV_BACKEND_NONE && drv->name != DOMXML_HOSTDEV_BACKEND_VFIO) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.pci-backend",
                        "PCI assignment backend '%s': QEMU has only VFIO",
                        domxml_hostdev_backend_to_string(drv->name));
        return;
    }
    if (!host_pci(v, &h))
        return;
    if (v->info->address && v->info->address->type == DOMXML_ADDRESS_TYPE_UNASSIGNED)
        return; /* numbered, not given to QEMU (libvirt) */
    if (v->info->address && v->info->address->type != DOMXML_ADDRESS_TYPE_PCI) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.guest-address",
                        "a vfio-pci device needs a PCI guest address");
        return;
    }
    v->pair = domxml__qa_failover_pair(n);
    bool ramfb = v->hostdev && v->hostdev->ramfb == DOMXML_TRISTATE_SWITCH_ON;
    if (ramfb && v->pair) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_TEAMING, "qemuargv.failover-ramfb",
                        "a failover primary must be hot-pluggable, but ramfb needs "
                        "vfio-pci-nohotplug");
        return;
    }
    v->driver = ramfb ? "vfio-pci-nohotplug" : "vfio-pci";
    v->host = domxml__qa_printf(v->ctx, "%04x:%02x:%02x.%x", h.domain.set ? h.domain.value : 0,
                                h.bus.value, h.slot.value, h.function.value);
    domxml__qa_boot(v);
    v->display = v->hostdev ? display_of(v->hostdev->display) : NULL;
    v->ramfb = ramfb ? DOMXML_TRISTATE_SWITCH_ON : DOMXML_TRISTATE_SWITCH_ABSENT;
    domxml__qa_bus_kind kind;
    domxml__qa_pci_address(v, &kind);
    domxml__qa_rom(v);
    domxml__qa_zpci(v);
    domxml__qa_emit(v, DOMXML__QA_ARG_DEVICE, true, DOMXML__QA_ROWS(vfio_rows));
    if (v->pair && kind == DOMXML__QA_BUS_PCI)
        domxml__qa_warn(v->ctx, DOMXML_ERR_TEAMING, "qemuargv.failover-not-pcie",
                        "failover primary on a conventional PCI bus: QEMU starts, but the "
                        "primary must be on PCI Express (q35 with a pcie-root-port) to be used");
}

static void usb_host(domxml__qa_view *v)
{
    const domxml_hostdev_source *s = v->hostdev->source;
    bool addr = s && s->address && s->address->u.usb.bus.set && s->address->u.usb.device.set;
    bool ids = s && s->u.usb.vendor && s->u.usb.product;

    if (!addr && !ids) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.usb-source",
                        "a USB host device needs a bus/device address or vendor and product ids");
        return;
    }
    if (v->info->address && v->info->address->type != DOMXML_ADDRESS_TYPE_USB) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.guest-address",
                        "a USB host device needs a USB guest address");
        return;
    }
    v->driver = "usb-host";
    if (addr && v->ctx->json) {
        v->hostdevice = domxml__qa_printf(v->ctx, "/dev/bus/usb/%03u/%03u",
                                          s->address->u.usb.bus.value,
                                          s->address->u.usb.device.value);
    } else if (addr) {
        v->hostbus = (domxml__qa_num){s->address->u.usb.bus.value, true};
        v->hostaddr = (domxml__qa_num){s->address->u.usb.device.value, true};
    } else {
        /* libvirt resolves vendor/product on the host; qemuargv never looks
         * at the host, so QEMU matches them (uint32: numbers in JSON). */
        v->vendorid = (domxml__qa_num){s->u.usb.vendor->id.value, true};
        v->productid = (domxml__qa_num){s->u.usb.product->id.value, true};
        v->vendorid_s = domxml__qa_printf(v->ctx, "0x%04x", s->u.usb.vendor->id.value);
        v->productid_s = domxml__qa_printf(v->ctx, "0x%04x", s->u.usb.product->id.value);
    }
    domxml__qa_boot(v);
    if (s->guest_reset == DOMXML_USB_GUEST_RESET_OFF) {
        v->guest_reset = DOMXML_TRISTATE_SWITCH_OFF;
    } else if (s->guest_reset == DOMXML_USB_GUEST_RESET_UNINITIALIZED ||
               s->guest_reset == DOMXML_USB_GUEST_RESET_ON) {
        v->guest_reset = DOMXML_TRISTATE_SWITCH_ON;
        v->guest_resets_all = sw_of(s->guest_reset == DOMXML_USB_GUEST_RESET_ON);
    }
    if (v->info->address) {
        const domxml_address *ad = v->info->address;
        domxml__qa_usb_bus(v, ad->u.usb.bus.set ? ad->u.usb.bus.value : 0);
        v->port = ad->u.usb.port;
    }
    domxml__qa_emit(v, DOMXML__QA_ARG_DEVICE, true, DOMXML__QA_ROWS(usb_rows));
}

static void mdev(domxml__qa_view *v)
{
    const domxml_hostdev *h = v->hostdev;
    bool ramfb = h->ramfb == DOMXML_TRISTATE_SWITCH_ON;

    if (!h->source || !h->source->address || !h->source->address->u.mdev.uuid) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.mdev", "an mdev needs its UUID");
        return;
    }
    if (h->model == DOMXML_HOSTDEV_MODEL_VFIO_PCI)
        v->driver = ramfb ? "vfio-pci-nohotplug" : "vfio-pci";
    else if (h->model == DOMXML_HOSTDEV_MODEL_VFIO_CCW)
        v->driver = "vfio-ccw";
    else if (h->model == DOMXML_HOSTDEV_MODEL_VFIO_AP)
        v->driver = "vfio-ap";
    else {
        domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.mdev",
                        "an mdev needs model vfio-pci, vfio-ccw or vfio-ap");
        return;
    }
    if (h->model != DOMXML_HOSTDEV_MODEL_VFIO_PCI &&
        (h->display != DOMXML_TRISTATE_SWITCH_ABSENT || ramfb)) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.mdev",
                        "display and ramfb are for vfio-pci mdevs");
        return;
    }
    v->sysfsdev =
        domxml__qa_printf(v->ctx, "/sys/bus/mdev/devices/%s", h->source->address->u.mdev.uuid);
    v->display = display_of(h->display);
    if (!v->display && v->ctx->json && h->model == DOMXML_HOSTDEV_MODEL_VFIO_PCI)
        v->display = "off"; /* current libvirt writes its default */
    domxml__qa_boot(v);
    if (h->model == DOMXML_HOSTDEV_MODEL_VFIO_CCW) {
        domxml__qa_ccw(v);
        v->loadparm = v->info->boot ? v->info->boot->loadparm : NULL;
    } else if (h->model == DOMXML_HOSTDEV_MODEL_VFIO_PCI) {
        domxml__qa_pci_address(v, NULL);
        domxml__qa_rom(v);
    }
    v->ramfb = ramfb ? DOMXML_TRISTATE_SWITCH_ON : DOMXML_TRISTATE_SWITCH_ABSENT;
    domxml__qa_emit(v, DOMXML__QA_ARG_DEVICE, true, DOMXML__QA_ROWS(mdev_rows));
}

static void vhost_scsi(domxml__qa_view *v)
{
    const domxml_hostdev *h = v->hostdev;
    const char *fd[2];
    size_t n = domxml__qa_res(v->ctx, v->ctx->cur, DOMXML_QEMUARGV_RES_VHOSTSCSI_FD, fd, 2);

    if (!h->source || !h->source->wwpn || !*h->source->wwpn) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.vhost-scsi",
                        "vhost-scsi needs a wwpn");
        return;
    }
    if (n != 1) {
        domxml__qa_fail(v->ctx, n ? DOMXML_ERR_VALUE : DOMXML_ERR_MISSING,
                        n ? "qemuargv.resource-count" : "qemuargv.resource-missing",
                        "vhost-scsi needs exactly one vhost-scsi fd from the caller");
        return;
    }
    v->driver = h->model == DOMXML_HOSTDEV_MODEL_VIRTIO_TRANSITIONAL ? "vhost-scsi-pci-transitional"
                : h->model == DOMXML_HOSTDEV_MODEL_VIRTIO_NON_TRANSITIONAL
                    ? "vhost-scsi-pci-non-transitional"
                    : "vhost-scsi-pci";
    if (domxml__qa_ccw(v))
        v->driver = "vhost-scsi-ccw";
    else
        domxml__qa_pci_address(v, NULL);
    v->wwpn = h->source->wwpn;
    v->vhostfd = fd[0];
    domxml__qa_boot(v);
    domxml__qa_emit(v, DOMXML__QA_ARG_DEVICE, true, DOMXML__QA_ROWS(vhost_scsi_rows));
}

/* iscsi://host[:port]/target/lun as a -blockdev of driver iscsi. */
static void iscsi_blockdev(domxml__qa_view *v, const domxml_hostdev_source *s)
{
    const domxml_iscsi_host *host = s->u.scsi.host;
    const char *slash = strrchr(s->name, '/');

    v->driver = "iscsi";
    v->transport = "tcp";
    v->portal = host->port.set ? domxml__qa_printf(v->ctx, "%s:%u", host->name, host->port.value)
                               : host->name;
    v->iscsi_target = slash ? domxml__qa_printf(v->ctx, "%.*s", (int)(slash - s->name), s->name)
                            : s->name;
    v->lun = (domxml__qa_num){slash ? strtol(slash + 1, NULL, 10) : 0, true};
}

/* The backend of a SCSI host device: -blockdev (JSON) or -drive. */
static bool scsi_backend(domxml__qa_view *v, const domxml_hostdev_source *s, bool readonly)
{
    bool iscsi = s->protocol == DOMXML_SCSI_PROTOCOL_ISCSI;
    const char *sg[2], *file;

    if (iscsi) {
        const domxml_iscsi_host *host = s->u.scsi.host;
        if (s->u.scsi.auth) {
            domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.iscsi-auth",
                            "iSCSI authentication needs a secret object, not supported yet");
            return false;
        }
        if (!host || !host->name || !*host->name || !s->name || !*s->name) {
            domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.iscsi",
                            "an iSCSI source needs a host and a name");
            return false;
        }
        const char *lun = strchr(s->name, '/') ? "" : "/0";
        file = host->port.set ? domxml__qa_printf(v->ctx, "iscsi://%s:%u/%s%s", host->name,
                                                  host->port.value, s->name, lun)
                              : domxml__qa_printf(v->ctx, "iscsi://%s/%s%s", host->name,
                                                  s->name, lun);
    } else {
        size_t n = domxml__qa_res(v->ctx, v->ctx->cur, DOMXML_QEMUARGV_RES_SCSI_GENERIC, sg, 2);
        if (n != 1) {
            domxml__qa_fail(v->ctx, n > 1 ? DOMXML_ERR_VALUE : DOMXML_ERR_MISSING,
                            n > 1 ? "qemuargv.resource-count" : "qemuargv.resource-missing",
                            "a SCSI host device needs one /dev/sgN path from the caller "
                            "(libvirt finds it in sysfs)");
            return false;
        }
        file = sg[0];
    }
    v->readonly = readonly ? DOMXML_TRISTATE_SWITCH_ON : DOMXML_TRISTATE_SWITCH_ABSENT;
    if (v->ctx->json) {
        v->drive = v->node_name = domxml__qa_cat(v->ctx, "libvirt-", v->id, "-backend", NULL);
        v->readonly = sw_of(readonly);
        if (iscsi)
            iscsi_blockdev(v, s);
        else
            v->driver = "host_device", v->filename = file;
        domxml__qa_emit(v, DOMXML__QA_ARG_BLOCKDEV, true, DOMXML__QA_ROWS(blockdev_rows));
    } else {
        v->drive = domxml__qa_cat(v->ctx, "drive-", v->id, NULL);
        v->file = file;
        v->if_ = "none";
        v->format = "raw";
        domxml__qa_emit(v, DOMXML__QA_ARG_DRIVE, false, DOMXML__QA_ROWS(drive_rows));
    }
    return !v->ctx->failed;
}

static void scsi_generic(domxml__qa_view *v)
{
    const domxml_hostdev *h = v->hostdev;
    const domxml_address *ad = v->info->address;
    bool lsi;

    if (!ad || ad->type != DOMXML_ADDRESS_TYPE_DRIVE) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.scsi-address",
                        "a SCSI host device needs a drive address (controller, bus, target, "
                        "unit)");
        return;
    }
    if (!h->source) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_MISSING, "qemuargv.scsi-source",
                        "a SCSI host device needs a source");
        return;
    }
    const char *ctrl = domxml__qa_scsi_ctrl(v, ad->u.drive.controller.value, &lsi);
    if (!ctrl || !scsi_backend(v, h->source, h->more && h->more->readonly))
        return;
    domxml__qa_view d = *v; /* the device: a fresh set of values */
    memset(&d.driver, 0, sizeof(d) - offsetof(domxml__qa_view, driver));
    d.id = v->id;
    d.drive = v->drive;
    d.driver = "scsi-generic";
    d.bus = domxml__qa_cat(v->ctx, ctrl, ".0", NULL);
    if (!lsi) {
        d.channel = (domxml__qa_num){ad->u.drive.bus.value, true};
        d.lun = (domxml__qa_num){ad->u.drive.unit.value, true};
    }
    d.scsi_id = (domxml__qa_num){lsi ? ad->u.drive.unit.value : ad->u.drive.target.value, true};
    domxml__qa_boot(&d);
    domxml__qa_emit(&d, DOMXML__QA_ARG_DEVICE, true, DOMXML__QA_ROWS(scsi_generic_rows));
}

void domxml__qa_hostdev(domxml__qa_view *v)
{
    if (!v->hostdev) { /* type hostdev, or a pool VF */
        vfio_pci(v);
        return;
    }
    if (v->hostdev->mode == DOMXML_HOSTDEV_MODE_CAPABILITIES) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.capabilities",
                        "capabilities host devices are for containers, not QEMU");
        return;
    }
    switch (v->hostdev->type) {
    case DOMXML_HOSTDEV_TYPE_PCI:
        vfio_pci(v);
        return;
    case DOMXML_HOSTDEV_TYPE_USB:
        usb_host(v);
        return;
    case DOMXML_HOSTDEV_TYPE_MDEV:
        mdev(v);
        return;
    case DOMXML_HOSTDEV_TYPE_SCSI_HOST:
        vhost_scsi(v);
        return;
    case DOMXML_HOSTDEV_TYPE_SCSI:
        scsi_generic(v);
        return;
    default:
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.hostdev-type",
                        "host device type '%s' has no QEMU device",
                        domxml_hostdev_type_to_string(v->hostdev->type));
        return;
    }
}
