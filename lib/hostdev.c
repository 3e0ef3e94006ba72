/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* <hostdev>: attributes, children in libvirt's output order, and the
 * checks that tie mode, type and attributes together. */
#include "desc.h"

static bool domxml__hostdev_is_pci(const void *obj)
{
    return ((const domxml_hostdev *)obj)->type == DOMXML_HOSTDEV_TYPE_PCI;
}

static const domxml__elem domxml__readonly_elem = DOMXML__ELEM("readonly", domxml_flag, );
static const domxml__elem domxml__shareable_elem = DOMXML__ELEM("shareable", domxml_flag, );

static const domxml__attr domxml__hostdev_attrs[] = {
    DOMXML__ENUMA("mode", domxml_hostdev, mode, domxml__hostdev_mode_enum, 0),
    DOMXML__ENUMA("type", domxml_hostdev, type, domxml__hostdev_type_enum, DOMXML__A_REQUIRED),
    DOMXML__ENUMA("managed", domxml_hostdev, managed, domxml__tristate_bool_enum, 0),
    DOMXML__ENUMA("sgio", domxml_hostdev, sgio, domxml__hostdev_sgio_enum, 0),
    DOMXML__ENUMA("rawio", domxml_hostdev, rawio, domxml__tristate_bool_enum, 0),
    DOMXML__ENUMA("model", domxml_hostdev, model, domxml__hostdev_model_enum, 0),
    DOMXML__ENUMA("display", domxml_hostdev, display, domxml__tristate_switch_enum, 0),
    DOMXML__ENUMA("ramfb", domxml_hostdev, ramfb, domxml__tristate_switch_enum, 0),
};

static const domxml__group domxml__hmore = {offsetof(domxml_hostdev, more),
                                            sizeof(domxml_hostdev_more)};
static const domxml__child domxml__hostdev_kids[] = {
    DOMXML__PTR_IF(domxml__hostdev_driver_elem, domxml_hostdev, driver, domxml__hostdev_is_pci),
    DOMXML__PTR(domxml__hostdev_source_elem, domxml_hostdev, source),
    DOMXML__LIST_IN(domxml__ip_elem, domxml__hmore, domxml_hostdev_more, ips),
    DOMXML__LIST_IN(domxml__route_elem, domxml__hmore, domxml_hostdev_more, routes),
    DOMXML__PTR(domxml__teaming_elem, domxml_hostdev, teaming),
    DOMXML__PTR_IN(domxml__readonly_elem, domxml__hmore, domxml_hostdev_more, readonly),
    DOMXML__PTR_IN(domxml__shareable_elem, domxml__hmore, domxml_hostdev_more, shareable),
    DOMXML__DEVICE_INFO_KIDS(domxml_hostdev, info),
};

static int domxml__hostdev_attr_rule(domxml__diag *d, const char *attr, const char *allowed)
{
    return domxml__rule(d, DOMXML_ERR_VALUE, "attribute '%s' of <hostdev> is allowed only for %s",
                        attr, allowed);
}

/* Which attributes go with which type (libvirt's parser rules). */
static int domxml__hostdev_check_attrs(domxml__diag *d, const domxml_hostdev *h)
{
    bool scsi_host = h->type == DOMXML_HOSTDEV_TYPE_SCSI_HOST;
    bool mdev = h->type == DOMXML_HOSTDEV_TYPE_MDEV;

    if ((h->sgio || h->rawio) && h->type != DOMXML_HOSTDEV_TYPE_SCSI)
        return domxml__hostdev_attr_rule(d, h->sgio ? "sgio" : "rawio", "type='scsi'");
    if (h->model && !scsi_host && !mdev)
        return domxml__hostdev_attr_rule(d, "model", "type='scsi_host' or type='mdev'");
    if (scsi_host && h->model > DOMXML_HOSTDEV_MODEL_VIRTIO_NON_TRANSITIONAL)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "model of a scsi_host <hostdev> must be virtio, "
                            "virtio-transitional or virtio-non-transitional");
    if (mdev && h->model < DOMXML_HOSTDEV_MODEL_VFIO_PCI)
        return domxml__rule(d, h->model ? DOMXML_ERR_VALUE : DOMXML_ERR_MISSING,
                            "an mdev <hostdev> needs model 'vfio-pci', 'vfio-ccw' or 'vfio-ap'");
    /* mdev since libvirt 4.6/5.10; PCI (vfio-pci display) in current libvirt. */
    if ((h->display || h->ramfb) && !mdev && h->type != DOMXML_HOSTDEV_TYPE_PCI)
        return domxml__hostdev_attr_rule(d, h->display ? "display" : "ramfb",
                                         "type='mdev' and type='pci'");
    return 0;
}

/* Guest address types each host device can have (libvirt's conf rules). */
static int domxml__hostdev_check_address(domxml__diag *d, const domxml_hostdev *h)
{
    const domxml_address *a = h->info.address;
    unsigned ok;

#define DOMXML__A_T(t) (1u << DOMXML_ADDRESS_TYPE_##t)
    switch (h->type) {
    case DOMXML_HOSTDEV_TYPE_PCI:
        ok = DOMXML__A_T(PCI) | DOMXML__A_T(UNASSIGNED);
        break;
    case DOMXML_HOSTDEV_TYPE_USB:
        ok = DOMXML__A_T(USB);
        break;
    case DOMXML_HOSTDEV_TYPE_SCSI:
        ok = DOMXML__A_T(DRIVE);
        break;
    case DOMXML_HOSTDEV_TYPE_SCSI_HOST:
        ok = DOMXML__A_T(PCI) | DOMXML__A_T(CCW);
        break;
    case DOMXML_HOSTDEV_TYPE_MDEV:
        ok = h->model == DOMXML_HOSTDEV_MODEL_VFIO_CCW ? DOMXML__A_T(CCW)
             : h->model == DOMXML_HOSTDEV_MODEL_VFIO_PCI ? DOMXML__A_T(PCI)
                                                          : 0;
        break;
    default:
        return 0;
    }
#undef DOMXML__A_T
    if (!a || a->type == DOMXML_ADDRESS_TYPE_NONE || domxml__bit(ok, (unsigned)a->type))
        return 0;
    return domxml__rule_at(d, DOMXML_ERR_VALUE, &a->meta, "address",
                           "<hostdev type='%s'%s%s%s> cannot have a guest address of type '%s'",
                           domxml__enum_name(&domxml__hostdev_type_enum, (int)h->type),
                           h->model ? " model='" : "",
                           h->model ? domxml__enum_name(&domxml__hostdev_model_enum, (int)h->model) : "",
                           h->model ? "'" : "",
                           domxml__enum_name(&domxml__address_type_enum, (int)a->type));
}

/* libvirt's QEMU driver: vhost-scsi and mediated vfio-pci/vfio-ap devices
 * cannot boot ("booting from assigned devices is not supported by ...").
 * Validation only. */
static void domxml__hostdev_check_boot(domxml__diag *d, const domxml_hostdev *h)
{
    const domxml_boot *boot = h->info.boot;
    const char *what = h->type == DOMXML_HOSTDEV_TYPE_SCSI_HOST ? "vhost SCSI devices"
                       : h->type != DOMXML_HOSTDEV_TYPE_MDEV ? NULL
                       : h->model == DOMXML_HOSTDEV_MODEL_VFIO_PCI
                           ? "mediated devices of model vfio-pci"
                       : h->model == DOMXML_HOSTDEV_MODEL_VFIO_AP
                           ? "mediated devices of model vfio-ap"
                           : NULL;

    if (boot && what)
        domxml__strict(d, DOMXML_ERR_VALUE, &boot->meta, "boot", NULL,
                       "[hostdev.boot-unsupported] a boot order is not supported by %s "
                       "(libvirt: \"booting from assigned devices is not supported by %s\")",
                       what, what);
}

static int domxml__hostdev_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_hostdev *h = obj;
    bool caps_type = h->type >= DOMXML_HOSTDEV_TYPE_STORAGE;
    bool caps_mode = h->mode == DOMXML_HOSTDEV_MODE_CAPABILITIES;

    (void)parent;
    domxml__hostdev_check_boot(d, h);
    if (caps_type != caps_mode)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "type '%s' of <hostdev> does not belong to mode '%s'",
                            domxml__enum_name(&domxml__hostdev_type_enum, (int)h->type),
                            caps_mode ? "capabilities" : "subsystem");
    if (caps_mode && (h->sgio || h->rawio || h->model))
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "<hostdev mode='capabilities'> takes no sgio, rawio or model");
    if (!h->source)
        return domxml__rule(d, DOMXML_ERR_MISSING, "<hostdev> needs a <source> element");
    if (h->more && (h->more->ips || h->more->routes) && h->type != DOMXML_HOSTDEV_TYPE_NET)
        return domxml__rule(d, DOMXML_ERR_CONTENT,
                            "<ip> and <route> are allowed only in a capabilities net <hostdev>");
    if (domxml__hostdev_check_attrs(d, h) < 0)
        return -1;
    return domxml__hostdev_check_address(d, h);
}

const domxml__elem domxml__hostdev_elem = DOMXML__ELEM("hostdev", domxml_hostdev, DOMXML__ATTRS(domxml__hostdev_attrs), DOMXML__KIDS(domxml__hostdev_kids), .check = domxml__hostdev_check);
