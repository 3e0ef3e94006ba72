/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The device-info elements: <teaming> (the same table in <interface> and
 * <hostdev>), and those every device ends with: <boot>, <alias>, <master>,
 * <rom>, <acpi> and the guest-side <address> (one table per address type).
 */
#include <string.h>

#include "desc.h"
#include "parse.h"

/* <teaming persistent='x'/> without type is "unknown teaming type" for
 * libvirt; an empty <teaming/> means no teaming and is kept as written. */
static int domxml__teaming_elem_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_teaming *t = obj;

    (void)parent;
    if (t->type == DOMXML_TEAMING_TYPE_NONE && t->persistent)
        return domxml__rule(d, DOMXML_ERR_MISSING,
                            "missing required attribute 'type' of <teaming>");
    return 0;
}

static const domxml__attr domxml__teaming_attrs[] = {
    DOMXML__ENUMA("type", domxml_teaming, type, domxml__teaming_type_enum, 0),
    DOMXML__STR("persistent", domxml_teaming, persistent, 0),
};
const domxml__elem domxml__teaming_elem = DOMXML__ELEM("teaming", domxml_teaming, DOMXML__ATTRS(domxml__teaming_attrs), .check = domxml__teaming_elem_check);

/* <boot order= loadparm=/>: loadparm is 1-8 of [A-Za-z0-9. ] (s390). */
static int domxml__boot_check(domxml__diag *d, const void *obj, const void *parent)
{
    const char *lp = ((const domxml_boot *)obj)->loadparm;
    size_t n = lp ? strlen(lp) : 0;

    (void)parent;
    if (!lp)
        return 0;
    if (n == 0 || n > 8 ||
        strspn(lp, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789. ") != n)
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'loadparm' of <boot>: "
                            "expected 1 to 8 characters of A-Z, a-z, 0-9, '.' or ' '", lp);
    /* The parser upper-cases it (below, before this check): a tree holds
     * the stored spelling, so what is written reads back the same. */
    if (strpbrk(lp, "abcdefghijklmnopqrstuvwxyz"))
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "invalid value '%s' for attribute 'loadparm' of <boot>: "
                            "a tree holds it upper-case, as the parser stores it", lp);
    return 0;
}

/* libvirt stores loadparm upper-cased (s390 firmware reads it so). */
static int domxml__boot_normalize(struct domxml__pctx *pc, void *obj)
{
    domxml_boot *boot = obj;
    const char *lp = boot->loadparm;
    char upper[9];
    size_t n = lp ? strlen(lp) : 0;

    if (n == 0 || n > 8)
        return 0; /* the check refuses it */
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
const domxml__elem domxml__boot_elem = DOMXML__ELEM("boot", domxml_boot, DOMXML__ATTRS(domxml__boot_attrs), .normalize = domxml__boot_normalize, .check = domxml__boot_check);

static const domxml__attr domxml__alias_attrs[] = {
    DOMXML__STR("name", domxml_alias, name, DOMXML__A_REQUIRED),
};
const domxml__elem domxml__alias_elem = DOMXML__ELEM("alias", domxml_alias, DOMXML__ATTRS(domxml__alias_attrs));

static const domxml__attr domxml__master_attrs[] = {
    DOMXML__UINT("startport", domxml_master, startport, 10, DOMXML__F_DEC, 0, 0),
};
const domxml__elem domxml__master_elem = DOMXML__ELEM("master", domxml_master, DOMXML__ATTRS(domxml__master_attrs));

/* libvirt: a disabled ROM cannot have a BAR setting or a file. */
static int domxml__rom_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_rom *rom = obj;

    (void)parent;
    if (rom->enabled == DOMXML_TRISTATE_BOOL_NO &&
        (rom->bar != DOMXML_TRISTATE_SWITCH_ABSENT || rom->file))
        return domxml__rule(d, DOMXML_ERR_VALUE,
                            "<rom enabled='no'> cannot be combined with 'bar' or 'file'");
    return 0;
}

static const domxml__attr domxml__rom_attrs[] = {
    DOMXML__ENUMA("enabled", domxml_rom, enabled, domxml__tristate_bool_enum, 0),
    DOMXML__ENUMA("bar", domxml_rom, bar, domxml__tristate_switch_enum, 0),
    DOMXML__STR("file", domxml_rom, file, 0),
};
const domxml__elem domxml__rom_elem = DOMXML__ELEM("rom", domxml_rom, DOMXML__ATTRS(domxml__rom_attrs), .check = domxml__rom_check);

/* nodeset= in libvirt's set syntax: items N, N-M or ^N, comma-separated.
 * libvirt before 11.8.0 ignores the attribute, so a bad set is an error
 * of validation only. */
static bool domxml__nodeset_ok(const char *s)
{
    for (;;) {
        bool exclude = *s == '^';
        size_t n;

        s += exclude;
        if (!(n = strspn(s, "0123456789")) || n > 5)
            return false;
        s += n;
        if (*s == '-' && !exclude) {
            if (!(n = strspn(++s, "0123456789")) || n > 5)
                return false;
            s += n;
        }
        if (*s == '\0')
            return true;
        if (*s++ != ',')
            return false;
    }
}

static int domxml__acpi_check(domxml__diag *d, const void *obj, const void *parent)
{
    const char *set = ((const domxml_acpi *)obj)->nodeset;

    (void)parent;
    if (set && !domxml__nodeset_ok(set))
        domxml__strict(d, DOMXML_ERR_VALUE, NULL, NULL, "nodeset",
                       "[acpi.nodeset] invalid value '%s' for attribute 'nodeset' of <acpi>: "
                       "expected NUMA node numbers, ranges N-M and exclusions ^N, separated "
                       "by ','", set);
    return 0;
}

static const domxml__attr domxml__acpi_attrs[] = {
    DOMXML__UINT("index", domxml_acpi, index, 10, DOMXML__F_DEC, 0, DOMXML__A_NONZERO),
    DOMXML__STR("nodeset", domxml_acpi, nodeset, 0),
};
const domxml__elem domxml__acpi_elem = DOMXML__ELEM("acpi", domxml_acpi, DOMXML__ATTRS(domxml__acpi_attrs), .check = domxml__acpi_check);

/* ------------------------------------------------------------------ */
/* <address type=...>                                                   */

#define DOMXML__ADDR_TYPE(fl) \
    DOMXML__ENUMA("type", domxml_address, type, domxml__address_type_enum, fl)
#define DOMXML__ADDR_ELEM(attrs_, ...) \
    DOMXML__ELEM("address", domxml_address, DOMXML__ATTRS(attrs_), __VA_ARGS__)

static const domxml__attr domxml__zpci_attrs[] = {
    DOMXML__UINT("uid", domxml_zpci, uid, 0, DOMXML__F_HEX4, 0xffff, 0),
    DOMXML__UINT("fid", domxml_zpci, fid, 0, DOMXML__F_HEX8, 0, 0),
};
static const domxml__elem domxml__zpci_elem = DOMXML__ELEM("zpci", domxml_zpci, DOMXML__ATTRS(domxml__zpci_attrs));

static const domxml__attr domxml__addr_none_attrs[] = {DOMXML__ADDR_TYPE(DOMXML__A_REQUIRED)};
static const domxml__attr domxml__addr_pci_attrs[] = {
    DOMXML__ADDR_TYPE(0),
    DOMXML__UINT("domain", domxml_address, u.pci.addr.domain, 0, DOMXML__F_HEX4, 0, 0),
    DOMXML__UINT("bus", domxml_address, u.pci.addr.bus, 0, DOMXML__F_HEX2, 0xff, 0),
    DOMXML__UINT("slot", domxml_address, u.pci.addr.slot, 0, DOMXML__F_HEX2, 0x1f, 0),
    DOMXML__UINT("function", domxml_address, u.pci.addr.function, 0, DOMXML__F_HEXDEC, 7, 0),
    DOMXML__ENUMA("multifunction", domxml_address, u.pci.multifunction,
                  domxml__tristate_switch_enum, 0),
};
static const domxml__child domxml__addr_pci_kids[] = {
    DOMXML__PTR(domxml__zpci_elem, domxml_address, u.pci.zpci),
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
static int domxml__addr_usb_check(domxml__diag *d, const void *obj, const void *parent)
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
    return domxml__rule(d, DOMXML_ERR_VALUE,
                        "invalid value '%s' for attribute 'port' of <address type='usb'>: "
                        "expected 1 to 4 dot-separated decimal numbers", p);
}

/* libvirt: a CCW address gives all of cssid, ssid and devno, or none. */
static int domxml__addr_ccw_check(domxml__diag *d, const void *obj, const void *parent)
{
    const domxml_address *a = obj;
    int n = a->u.ccw.cssid.set + a->u.ccw.ssid.set + a->u.ccw.devno.set;

    (void)parent;
    if (n != 0 && n != 3)
        return domxml__rule(d, DOMXML_ERR_MISSING,
                            "<address type='ccw'> needs all of 'cssid', 'ssid' and 'devno', or none");
    return 0;
}

static const domxml__elem domxml__address_variants[DOMXML_ADDRESS_TYPE_LAST] = {
    [DOMXML_ADDRESS_TYPE_NONE] = DOMXML__ADDR_ELEM(domxml__addr_none_attrs, ),
    [DOMXML_ADDRESS_TYPE_PCI] = DOMXML__ADDR_ELEM(domxml__addr_pci_attrs,
                                                  DOMXML__KIDS(domxml__addr_pci_kids)),
    [DOMXML_ADDRESS_TYPE_DRIVE] = DOMXML__ADDR_ELEM(domxml__addr_drive_attrs, ),
    [DOMXML_ADDRESS_TYPE_VIRTIO_SERIAL] =
        DOMXML__ADDR_ELEM(domxml__addr_vserial_attrs, ),
    [DOMXML_ADDRESS_TYPE_CCID] = DOMXML__ADDR_ELEM(domxml__addr_ccid_attrs, ),
    [DOMXML_ADDRESS_TYPE_USB] =
        DOMXML__ADDR_ELEM(domxml__addr_usb_attrs, .check = domxml__addr_usb_check),
    [DOMXML_ADDRESS_TYPE_SPAPR_VIO] = DOMXML__ADDR_ELEM(domxml__addr_spapr_attrs, ),
    [DOMXML_ADDRESS_TYPE_CCW] =
        DOMXML__ADDR_ELEM(domxml__addr_ccw_attrs, .check = domxml__addr_ccw_check),
    [DOMXML_ADDRESS_TYPE_VIRTIO_MMIO] = DOMXML__ADDR_ELEM(domxml__addr_bare_attrs, ),
    [DOMXML_ADDRESS_TYPE_ISA] = DOMXML__ADDR_ELEM(domxml__addr_isa_attrs, ),
    [DOMXML_ADDRESS_TYPE_DIMM] = DOMXML__ADDR_ELEM(domxml__addr_dimm_attrs, ),
    [DOMXML_ADDRESS_TYPE_UNASSIGNED] = DOMXML__ADDR_ELEM(domxml__addr_bare_attrs, ),
};

static const domxml__elem *domxml__address_refine(const void *obj, const void *parent)
{
    unsigned t = (unsigned)((const domxml_address *)obj)->type;

    (void)parent;
    return &domxml__address_variants[t < DOMXML_ADDRESS_TYPE_LAST ? t : 0];
}

const domxml__elem domxml__address_elem = DOMXML__ELEM("address", domxml_address, DOMXML__ATTRS(domxml__addr_bare_attrs), .refine = domxml__address_refine);
