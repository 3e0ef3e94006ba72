/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* Back-end tuning of an <interface>: <driver> (with <host>/<guest>
 * offloads), <backend>, <tune><sndbuf>, <coalesce><rx><frames>. */
#include "desc.h"

#define DOMXML__SW(nm, type, field) \
    DOMXML__ENUMA(nm, type, field, domxml__tristate_switch_enum, 0)

static const domxml__attr domxml__driver_host_attrs[] = {
    DOMXML__SW("csum", domxml_net_driver_host, csum),
    DOMXML__SW("gso", domxml_net_driver_host, gso),
    DOMXML__SW("tso4", domxml_net_driver_host, tso4),
    DOMXML__SW("tso6", domxml_net_driver_host, tso6),
    DOMXML__SW("ecn", domxml_net_driver_host, ecn),
    DOMXML__SW("ufo", domxml_net_driver_host, ufo),
    DOMXML__SW("mrg_rxbuf", domxml_net_driver_host, mrg_rxbuf),
};
static const domxml__elem domxml__driver_host_elem = DOMXML__ELEM("host", domxml_net_driver_host, DOMXML__ATTRS(domxml__driver_host_attrs));

static const domxml__attr domxml__driver_guest_attrs[] = {
    DOMXML__SW("csum", domxml_net_driver_guest, csum),
    DOMXML__SW("tso4", domxml_net_driver_guest, tso4),
    DOMXML__SW("tso6", domxml_net_driver_guest, tso6),
    DOMXML__SW("ecn", domxml_net_driver_guest, ecn),
    DOMXML__SW("ufo", domxml_net_driver_guest, ufo),
};
static const domxml__elem domxml__driver_guest_elem = DOMXML__ELEM("guest", domxml_net_driver_guest, DOMXML__ATTRS(domxml__driver_guest_attrs));

typedef domxml_net_driver domxml__drv;
static const domxml__attr domxml__net_driver_attrs[] = {
    DOMXML__ENUMA("name", domxml__drv, name, domxml__net_driver_name_enum, 0),
    DOMXML__ENUMA("txmode", domxml__drv, txmode, domxml__net_txmode_enum, 0),
    DOMXML__SW("ioeventfd", domxml__drv, ioeventfd),
    DOMXML__SW("event_idx", domxml__drv, event_idx),
    DOMXML__UINT("queues", domxml__drv, queues, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__UINT("rx_queue_size", domxml__drv, rx_queue_size, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__UINT("tx_queue_size", domxml__drv, tx_queue_size, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__SW("rss", domxml__drv, rss),
    DOMXML__SW("rss_hash_report", domxml__drv, rss_hash_report),
    DOMXML__SW("iommu", domxml__drv, iommu),
    DOMXML__SW("ats", domxml__drv, ats),
    DOMXML__SW("packed", domxml__drv, packed),
    DOMXML__SW("page_per_vq", domxml__drv, page_per_vq),
};
static const domxml__child domxml__net_driver_kids[] = {
    DOMXML__PTR(domxml__driver_host_elem, domxml__drv, host),
    DOMXML__PTR(domxml__driver_guest_elem, domxml__drv, guest),
};
/* libvirt's QEMU driver refuses a virtio queue size that is not a power
 * of two (rx since 2.3.0, tx since 3.7.0; 0 means unset). Validation only. */
static void domxml__queue_size_rule(domxml__diag *d, const domxml_uint *size, const char *attr)
{
    if (size->set && size->value && (size->value & (size->value - 1)))
        domxml__strict(d, DOMXML_ERR_VALUE, NULL, NULL, attr,
                       "[driver.queue-size] %s='%u' is not a power of two (libvirt: "
                       "\"%s has to be a power of two\")", attr, size->value, attr);
}

static int domxml__net_driver_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml__drv *drv = obj;
    const domxml_interface *iface = parent;

    if (iface && domxml_nic_model_is_virtio(iface->model)) {
        domxml__queue_size_rule(d, &drv->rx_queue_size, "rx_queue_size");
        domxml__queue_size_rule(d, &drv->tx_queue_size, "tx_queue_size");
    }
    return 0;
}

const domxml__elem domxml__net_driver_elem = DOMXML__ELEM("driver", domxml__drv, DOMXML__ATTRS(domxml__net_driver_attrs), DOMXML__KIDS(domxml__net_driver_kids), .check = domxml__net_driver_check);

static const domxml__attr domxml__backend_attrs[] = {
    DOMXML__ENUMA("type", domxml_net_backend, type, domxml__net_backend_type_enum, 0),
    DOMXML__STR("tap", domxml_net_backend, tap, 0),
    DOMXML__STR("vhost", domxml_net_backend, vhost, 0),
    DOMXML__STR("logFile", domxml_net_backend, log_file, 0),
    DOMXML__STR("hostname", domxml_net_backend, hostname, 0),
    DOMXML__STR("fqdn", domxml_net_backend, fqdn, 0),
};
const domxml__elem domxml__backend_elem = DOMXML__ELEM("backend", domxml_net_backend, DOMXML__ATTRS(domxml__backend_attrs));

static const domxml__elem domxml__sndbuf_elem = DOMXML__ELEM("sndbuf", domxml_sndbuf, .text_kind = DOMXML__K_ULLONG, .text_off = offsetof(domxml_sndbuf, value));
static const domxml__child domxml__tune_kids[] = {
    DOMXML__PTR(domxml__sndbuf_elem, domxml_tune, sndbuf),
};
const domxml__elem domxml__tune_elem = DOMXML__ELEM("tune", domxml_tune, DOMXML__KIDS(domxml__tune_kids));

static const domxml__attr domxml__frames_attrs[] = {
    DOMXML__UINT("max", domxml_coalesce_frames, max, 10, DOMXML__F_DEC, 0, 0),
};
static const domxml__elem domxml__frames_elem = DOMXML__ELEM("frames", domxml_coalesce_frames, DOMXML__ATTRS(domxml__frames_attrs));
static const domxml__child domxml__rx_kids[] = {
    DOMXML__PTR(domxml__frames_elem, domxml_coalesce_rx, frames),
};
static const domxml__elem domxml__rx_elem = DOMXML__ELEM("rx", domxml_coalesce_rx, DOMXML__KIDS(domxml__rx_kids));
static const domxml__child domxml__coalesce_kids[] = {
    DOMXML__PTR(domxml__rx_elem, domxml_coalesce, rx),
};
const domxml__elem domxml__coalesce_elem = DOMXML__ELEM("coalesce", domxml_coalesce, DOMXML__KIDS(domxml__coalesce_kids));
