/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The elements every device ends with: <boot>, <alias>, <master>, <rom>,
 * <acpi> and the guest-side <address> (one table per address type).
 */
#include <string.h>

#include "internal.h"

/* <boot order= loadparm=/>: loadparm is 1-8 of [A-Za-z0-9. ] (s390). */
/* libvirt stores loadparm upper-cased (s390 firmware reads it so). */
static int domxml__boot_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    domxml_boot *boot = obj;
    const char *lp = boot->loadparm;
    char upper[9];

    (void)parent;
    if (!lp)
        return 0;
    size_t n = strlen(lp);
    if (n == 0 || n > 8 || strspn(lp, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789. ") != n)
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'loadparm' of <boot>: "
                            "expected 1 to 8 characters of A-Z, a-z, 0-9, '.' or ' '", lp);
    for (size_t i = 0; i <= n; i++)
        upper[i] = (char)(lp[i] >= 'a' && lp[i] <= 'z' ? lp[i] - 'a' + 'A' : lp[i]);
    if (strcmp(upper, lp) != 0 && !(boot->loadparm = domxml__pstrdup(pc, upper)))
        return -1;
    return 0;
}

static const domxml__attr domxml__boot_attrs[] = {
    DOMXML__UINT("order", domxml_boot, order, 10, DOMXML__F_DEC, 0,
                 DOMXML__A_REQUIRED | DOMXML__A_NONZERO),
    DOMXML__STR("loadparm", domxml_boot, loadparm, 0),
};
const domxml__elem domxml__boot_elem = {
    .name = "boot", .size = sizeof(domxml_boot), .extra_off = offsetof(domxml_boot, extra),
    .attrs = domxml__boot_attrs, .n_attrs = DOMXML__N(domxml__boot_attrs),
    .check = domxml__boot_check,
};

static const domxml__attr domxml__alias_attrs[] = {
    DOMXML__STR("name", domxml_alias, name, DOMXML__A_REQUIRED),
};
const domxml__elem domxml__alias_elem = {
    .name = "alias", .size = sizeof(domxml_alias), .extra_off = offsetof(domxml_alias, extra),
    .attrs = domxml__alias_attrs, .n_attrs = DOMXML__N(domxml__alias_attrs),
};

static const domxml__attr domxml__master_attrs[] = {
    DOMXML__UINT("startport", domxml_master, startport, 10, DOMXML__F_DEC, 0, 0),
};
const domxml__elem domxml__master_elem = {
    .name = "master", .size = sizeof(domxml_master), .extra_off = offsetof(domxml_master, extra),
    .attrs = domxml__master_attrs, .n_attrs = DOMXML__N(domxml__master_attrs),
};

/* libvirt: a disabled ROM cannot have a BAR setting or a file. */
static int domxml__rom_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml_rom *rom = obj;

    (void)parent;
    if (rom->enabled == DOMXML_TRISTATE_BOOL_NO &&
        (rom->bar != DOMXML_TRISTATE_SWITCH_ABSENT || rom->file))
        return domxml__fail(pc, DOMXML_ERR_VALUE,
                            "<rom enabled='no'> cannot be combined with 'bar' or 'file'");
    return 0;
}

static const domxml__attr domxml__rom_attrs[] = {
    DOMXML__ENUMA("enabled", domxml_rom, enabled, domxml__tristate_bool_enum, 0),
    DOMXML__ENUMA("bar", domxml_rom, bar, domxml__tristate_switch_enum, 0),
    DOMXML__STR("file", domxml_rom, file, 0),
};
const domxml__elem domxml__rom_elem = {
    .name = "rom", .size = sizeof(domxml_rom), .extra_off = offsetof(domxml_rom, extra),
    .attrs = domxml__rom_attrs, .n_attrs = DOMXML__N(domxml__rom_attrs),
    .check = domxml__rom_check,
};

static const domxml__attr domxml__acpi_attrs[] = {
    DOMXML__UINT("index", domxml_acpi, index, 10, DOMXML__F_DEC, 0, DOMXML__A_NONZERO),
};
const domxml__elem domxml__acpi_elem = {
    .name = "acpi", .size = sizeof(domxml_acpi), .extra_off = offsetof(domxml_acpi, extra),
    .attrs = domxml__acpi_attrs, .n_attrs = DOMXML__N(domxml__acpi_attrs),
};

/* ------------------------------------------------------------------ */
/* <address type=...>                                                   */

#define DOMXML__ADDR_TYPE(fl) \
    DOMXML__ENUMA("type", domxml_address, type, domxml__address_type_enum, fl)
#define DOMXML__ADDR_ELEM(attrs_, kids_, nkids_, check_)                           \
    {                                                                            \
        .name = "address", .size = sizeof(domxml_address),                       \
        .extra_off = offsetof(domxml_address, extra), .attrs = attrs_,           \
        .n_attrs = DOMXML__N(attrs_), .kids = kids_, .n_kids = nkids_,            \
        .check = check_,                                                         \
    }

static const domxml__attr domxml__zpci_attrs[] = {
    DOMXML__UINT("uid", domxml_zpci, uid, 0, DOMXML__F_HEX4, 0xffff, 0),
    DOMXML__UINT("fid", domxml_zpci, fid, 0, DOMXML__F_HEX8, 0, 0),
};
static const domxml__elem domxml__zpci_elem = {
    .name = "zpci", .size = sizeof(domxml_zpci), .extra_off = offsetof(domxml_zpci, extra),
    .attrs = domxml__zpci_attrs, .n_attrs = DOMXML__N(domxml__zpci_attrs),
};

static const domxml__attr domxml__addr_none_attrs[] = {DOMXML__ADDR_TYPE(DOMXML__A_REQUIRED)};
static const domxml__attr domxml__addr_pci_attrs[] = {
    DOMXML__ADDR_TYPE(0),
    DOMXML__UINT("domain", domxml_address, u.pci.domain, 0, DOMXML__F_HEX4, 0, 0),
    DOMXML__UINT("bus", domxml_address, u.pci.bus, 0, DOMXML__F_HEX2, 0xff, 0),
    DOMXML__UINT("slot", domxml_address, u.pci.slot, 0, DOMXML__F_HEX2, 0x1f, 0),
    DOMXML__UINT("function", domxml_address, u.pci.function, 0, DOMXML__F_HEXDEC, 7, 0),
    DOMXML__ENUMA("multifunction", domxml_address, u.pci.multifunction,
                  domxml__tristate_switch_enum, 0),
};
static const domxml__child domxml__addr_pci_kids[] = {
    DOMXML__EMBED(domxml__zpci_elem, domxml_address, u.pci.zpci),
};
static const domxml__attr domxml__addr_drive_attrs[] = {
    DOMXML__ADDR_TYPE(0),
    DOMXML__UINT("controller", domxml_address, u.drive.controller, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__UINT("bus", domxml_address, u.drive.bus, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__UINT("target", domxml_address, u.drive.target, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__UINT("unit", domxml_address, u.drive.unit, 10, DOMXML__F_DEC, 0, 0),
};
static const domxml__attr domxml__addr_vserial_attrs[] = {
    DOMXML__ADDR_TYPE(0),
    DOMXML__UINT("controller", domxml_address, u.virtio_serial.controller, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__UINT("bus", domxml_address, u.virtio_serial.bus, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__UINT("port", domxml_address, u.virtio_serial.port, 10, DOMXML__F_DEC, 0, 0),
};
static const domxml__attr domxml__addr_ccid_attrs[] = {
    DOMXML__ADDR_TYPE(0),
    DOMXML__UINT("controller", domxml_address, u.ccid.controller, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__UINT("slot", domxml_address, u.ccid.slot, 10, DOMXML__F_DEC, 0, 0),
};
static const domxml__attr domxml__addr_usb_attrs[] = {
    DOMXML__ADDR_TYPE(0),
    DOMXML__UINT("bus", domxml_address, u.usb.bus, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__STR("port", domxml_address, u.usb.port, 0),
};
static const domxml__attr domxml__addr_spapr_attrs[] = {
    DOMXML__ADDR_TYPE(0),
    DOMXML__ULLONG("reg", domxml_address, u.spapr_vio.reg, 16, DOMXML__F_HEX8, 0),
};
static const domxml__attr domxml__addr_ccw_attrs[] = {
    DOMXML__ADDR_TYPE(0),
    DOMXML__UINT("cssid", domxml_address, u.ccw.cssid, 0, DOMXML__F_HEX, 0xfe, 0),
    DOMXML__UINT("ssid", domxml_address, u.ccw.ssid, 0, DOMXML__F_HEX, 3, 0),
    DOMXML__UINT("devno", domxml_address, u.ccw.devno, 0, DOMXML__F_HEX4, 0xffff, 0),
};
static const domxml__attr domxml__addr_isa_attrs[] = {
    DOMXML__ADDR_TYPE(0),
    DOMXML__UINT("iobase", domxml_address, u.isa.iobase, 16, DOMXML__F_HEX, 0, 0),
    DOMXML__UINT("irq", domxml_address, u.isa.irq, 16, DOMXML__F_HEX, 0, 0),
};
static const domxml__attr domxml__addr_dimm_attrs[] = {
    DOMXML__ADDR_TYPE(0),
    DOMXML__UINT("slot", domxml_address, u.dimm.slot, 10, DOMXML__F_DEC, 0, 0),
    DOMXML__ULLONG("base", domxml_address, u.dimm.base, 16, DOMXML__F_HEX, 0),
};
static const domxml__attr domxml__addr_bare_attrs[] = {DOMXML__ADDR_TYPE(0)};

/* USB port: 1 to 4 dot-separated decimal levels, e.g. "1.2.3". */
static int domxml__addr_usb_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const char *p = ((const domxml_address *)obj)->u.usb.port;
    unsigned levels = 0;

    (void)parent;
    if (!p)
        return 0;
    for (const char *s = p;; s++) {
        size_t n = strspn(s, "0123456789");
        if (n == 0 || n > 3 || ++levels > 4)
            break;
        s += n;
        if (*s == '\0')
            return 0;
        if (*s != '.')
            break;
    }
    return domxml__fail(pc, DOMXML_ERR_VALUE,
                        "invalid value '%s' for attribute 'port' of <address type='usb'>: "
                        "expected 1 to 4 dot-separated decimal numbers", p);
}

/* libvirt: a CCW address gives all of cssid, ssid and devno, or none. */
static int domxml__addr_ccw_check(struct domxml__pctx *pc, void *obj, const void *parent)
{
    const domxml_address *a = obj;
    int n = a->u.ccw.cssid.set + a->u.ccw.ssid.set + a->u.ccw.devno.set;

    (void)parent;
    if (n != 0 && n != 3)
        return domxml__fail(pc, DOMXML_ERR_MISSING,
                            "<address type='ccw'> needs all of 'cssid', 'ssid' and 'devno', or none");
    return 0;
}

static const domxml__elem domxml__address_variants[DOMXML_ADDRESS_TYPE_LAST] = {
    [DOMXML_ADDRESS_TYPE_NONE] = DOMXML__ADDR_ELEM(domxml__addr_none_attrs, NULL, 0, NULL),
    [DOMXML_ADDRESS_TYPE_PCI] = DOMXML__ADDR_ELEM(domxml__addr_pci_attrs, domxml__addr_pci_kids,
                                                  DOMXML__N(domxml__addr_pci_kids), NULL),
    [DOMXML_ADDRESS_TYPE_DRIVE] = DOMXML__ADDR_ELEM(domxml__addr_drive_attrs, NULL, 0, NULL),
    [DOMXML_ADDRESS_TYPE_VIRTIO_SERIAL] =
        DOMXML__ADDR_ELEM(domxml__addr_vserial_attrs, NULL, 0, NULL),
    [DOMXML_ADDRESS_TYPE_CCID] = DOMXML__ADDR_ELEM(domxml__addr_ccid_attrs, NULL, 0, NULL),
    [DOMXML_ADDRESS_TYPE_USB] =
        DOMXML__ADDR_ELEM(domxml__addr_usb_attrs, NULL, 0, domxml__addr_usb_check),
    [DOMXML_ADDRESS_TYPE_SPAPR_VIO] = DOMXML__ADDR_ELEM(domxml__addr_spapr_attrs, NULL, 0, NULL),
    [DOMXML_ADDRESS_TYPE_CCW] =
        DOMXML__ADDR_ELEM(domxml__addr_ccw_attrs, NULL, 0, domxml__addr_ccw_check),
    [DOMXML_ADDRESS_TYPE_VIRTIO_MMIO] = DOMXML__ADDR_ELEM(domxml__addr_bare_attrs, NULL, 0, NULL),
    [DOMXML_ADDRESS_TYPE_ISA] = DOMXML__ADDR_ELEM(domxml__addr_isa_attrs, NULL, 0, NULL),
    [DOMXML_ADDRESS_TYPE_DIMM] = DOMXML__ADDR_ELEM(domxml__addr_dimm_attrs, NULL, 0, NULL),
    [DOMXML_ADDRESS_TYPE_UNASSIGNED] = DOMXML__ADDR_ELEM(domxml__addr_bare_attrs, NULL, 0, NULL),
};

static const domxml__elem *domxml__address_refine(const void *obj, const void *parent)
{
    unsigned t = (unsigned)((const domxml_address *)obj)->type;

    (void)parent;
    return &domxml__address_variants[t < DOMXML_ADDRESS_TYPE_LAST ? t : 0];
}

const domxml__elem domxml__address_elem = {
    .name = "address", .size = sizeof(domxml_address),
    .extra_off = offsetof(domxml_address, extra),
    .attrs = domxml__addr_bare_attrs, .n_attrs = DOMXML__N(domxml__addr_bare_attrs),
    .refine = domxml__address_refine,
};
