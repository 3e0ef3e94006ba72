/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: buses and guest addresses. Controllers come from the context's
 * index (collected once); bus names follow libvirt: pci.N / pcie.0, a user
 * alias (ua-) as the bus id, usb.0 / usbN.0, scsiN.0.
 */
#include <string.h>

#include "buses.h"
#include "index.h"

static bool machine_q35(const char *m)
{
    return m && (strcmp(m, "q35") == 0 || strncmp(m, "pc-q35", 6) == 0);
}

bool domxml__qa_machine_pc(const char *m)
{
    return m && (strcmp(m, "pc") == 0 || strncmp(m, "pc-i440fx", 9) == 0 ||
                 (strncmp(m, "pc-", 3) == 0 && !machine_q35(m)));
}

static bool user_alias(const char *a)
{
    return a && strncmp(a, "ua-", 3) == 0;
}

static const char *bus_from_options(domxml__qa_ctx *ctx, unsigned int index,
                                    domxml__qa_bus_kind *kind)
{
    for (size_t i = 0; i < ctx->opt.n_buses; i++)
        if (ctx->opt.buses[i].index == index && ctx->opt.buses[i].name) {
            if (strncmp(ctx->opt.buses[i].name, "pcie.", 5) == 0)
                *kind = DOMXML__QA_BUS_PCIE;
            return ctx->opt.buses[i].name;
        }
    return NULL;
}

static const char *bus_from_controller(domxml__qa_ctx *ctx, const domxml__qa_ctrl *c,
                                       domxml__qa_bus_kind *kind)
{
    const char *m = c->model;

    if (!m && c->index == 0) {
        *kind = machine_q35(ctx->machine) ? DOMXML__QA_BUS_PCIE : DOMXML__QA_BUS_PCI;
        return machine_q35(ctx->machine) ? "pcie.0" : "pci.0";
    }
    if (m && (strcmp(m, "pcie-root-port") == 0 || strcmp(m, "pcie-switch-downstream-port") == 0))
        *kind = DOMXML__QA_BUS_PCIE_PORT;
    else if (m && strcmp(m, "pcie-root") == 0)
        *kind = DOMXML__QA_BUS_PCIE;
    else if (m)
        *kind = DOMXML__QA_BUS_PCI;
    if (m && strcmp(m, "pcie-root") == 0)
        return "pcie.0";
    if (m && strcmp(m, "pci-root") == 0)
        return "pci.0";
    if (user_alias(c->alias))
        return c->alias;
    return domxml__qa_printf(ctx, "pci.%lu", c->index);
}

/* The QEMU bus of PCI controller `index`, or NULL (omit bus=) when it
 * cannot be known; a failure when the domain lacks it. */
static const char *pci_bus(domxml__qa_ctx *ctx, unsigned int index, domxml__qa_bus_kind *kind)
{
    const char *b = bus_from_options(ctx, index, kind);
    const domxml__qa_ctrl *c;

    if (b)
        return b;
    if (!ctx->standalone && (c = domxml__qa_ctrl_find(&ctx->pci, index)))
        return bus_from_controller(ctx, c, kind);
    if (index == 0) {
        if (!ctx->machine)
            return NULL;
        if (machine_q35(ctx->machine)) {
            *kind = DOMXML__QA_BUS_PCIE;
            return "pcie.0";
        }
        *kind = domxml__qa_machine_pc(ctx->machine) ? DOMXML__QA_BUS_PCI : DOMXML__QA_BUS_UNKNOWN;
        return "pci.0";
    }
    if (ctx->standalone)
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "qemuargv.bus-unknown",
                        "PCI bus %u is not known: give its name (a bus option)", index);
    else
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "qemuargv.bus-unknown",
                        "its address is on PCI bus %u, but the domain has no PCI controller "
                        "with index %u",
                        index, index);
    return NULL;
}

void domxml__qa_pci_address(domxml__qa_view *v, domxml__qa_bus_kind *kind_out)
{
    domxml__qa_ctx *ctx = v->ctx;
    const domxml_address *ad = v->info->address;
    domxml__qa_bus_kind kind = DOMXML__QA_BUS_UNKNOWN;

    if (ad && ad->type == DOMXML_ADDRESS_TYPE_PCI) {
        const domxml_pci_addr *p = &ad->u.pci.addr;
        if (p->domain.set && p->domain.value != 0) {
            domxml__qa_fail(ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.pci-domain",
                            "guest PCI domain 0x%04x: QEMU places devices in domain 0 only",
                            p->domain.value);
            return;
        }
        v->bus = pci_bus(ctx, p->bus.set ? p->bus.value : 0, &kind);
        v->multifunction = ad->u.pci.multifunction;
        unsigned int slot = p->slot.set ? p->slot.value : 0;
        unsigned int fn = p->function.set ? p->function.value : 0;
        char hs[24], hf[24];
        v->addr = domxml__qa_cat(ctx, "0x", domxml__qa_utoa(hs, slot, 16), fn ? ".0x" : NULL,
                                 domxml__qa_utoa(hf, fn, 16), NULL);
    } else if (!ad && domxml__qa_machine_pc(ctx->machine)) {
        kind = DOMXML__QA_BUS_PCI;
    } else if (!ad && machine_q35(ctx->machine)) {
        kind = DOMXML__QA_BUS_PCIE; /* QEMU places it on pcie.0 */
    }
    if (v->info->acpi && v->info->acpi->index.set)
        v->acpi_index = (domxml__qa_num){v->info->acpi->index.value, true};
    if (kind_out)
        *kind_out = kind;
}

void domxml__qa_rom(domxml__qa_view *v)
{
    const domxml_rom *r = v->info->rom;

    if (!r)
        return;
    if (v->info->address && v->info->address->type != DOMXML_ADDRESS_TYPE_PCI) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_UNSUPPORTED, "qemuargv.rom-not-pci",
                        "ROM tuning is only supported for PCI devices");
        return;
    }
    if (r->enabled == DOMXML_TRISTATE_BOOL_NO) {
        v->romfile = "";
        return;
    }
    if (r->bar != DOMXML_TRISTATE_SWITCH_ABSENT)
        v->rombar = (domxml__qa_num){r->bar == DOMXML_TRISTATE_SWITCH_ON, true};
    if (r->file && !r->file[0]) {
        domxml__qa_fail(v->ctx, DOMXML_ERR_VALUE, "qemuargv.rom-empty",
                        "the ROM file name is empty");
        return;
    }
    v->romfile = r->file;
}

void domxml__qa_boot(domxml__qa_view *v)
{
    if (v->info->boot && v->info->boot->order.set)
        v->bootindex = (domxml__qa_num){v->info->boot->order.value, true};
}

bool domxml__qa_ccw(domxml__qa_view *v)
{
    const domxml_address *ad = v->info->address;

    if (!ad || ad->type != DOMXML_ADDRESS_TYPE_CCW)
        return false;
    v->devno = domxml__qa_printf(v->ctx, "%x.%x.%04x", ad->u.ccw.cssid.value,
                                 ad->u.ccw.ssid.value, ad->u.ccw.devno.value);
    return true;
}

void domxml__qa_usb_bus(domxml__qa_view *v, unsigned int index)
{
    domxml__qa_ctx *ctx = v->ctx;
    const domxml__qa_ctrl *c = ctx->standalone ? NULL : domxml__qa_ctrl_find(&ctx->usb, index);

    if (c && user_alias(c->alias))
        v->bus = domxml__qa_cat(ctx, c->alias, ".0", NULL);
    else if (index == 0)
        v->bus = "usb.0";
    else
        v->bus = domxml__qa_printf(ctx, "usb%u.0", index);
}

const char *domxml__qa_scsi_ctrl(domxml__qa_view *v, unsigned int index, bool *lsi)
{
    domxml__qa_ctx *ctx = v->ctx;
    const domxml__qa_ctrl *c;

    *lsi = false;
    if (ctx->standalone)
        return domxml__qa_printf(ctx, "scsi%u", index);
    if (!(c = domxml__qa_ctrl_find(&ctx->scsi, index))) {
        domxml__qa_fail(ctx, DOMXML_ERR_MISSING, "qemuargv.bus-unknown",
                        "the domain has no SCSI controller with index %u", index);
        return NULL;
    }
    *lsi = !c->model || strcmp(c->model, "lsilogic") == 0;
    return user_alias(c->alias) ? c->alias : domxml__qa_printf(ctx, "scsi%u", index);
}

static const domxml__qa_row zpci_rows[] = {
    DOMXML__QA_STR("driver", 1, 1, driver, DOMXML__QA_NAME),
    DOMXML__QA_NUM("uid", 2, 2, uid),
    DOMXML__QA_NUM("fid", 3, 3, fid),
    DOMXML__QA_IDS("target", 4, 4, target),
    DOMXML__QA_IDS("id", 5, 5, id),
};

void domxml__qa_zpci(const domxml__qa_view *dv)
{
    const domxml_address *ad = dv->info->address;
    domxml__qa_view v;

    if (!ad || ad->type != DOMXML_ADDRESS_TYPE_PCI || !ad->u.pci.zpci)
        return;
    const domxml_zpci *z = ad->u.pci.zpci;
    if (!z->uid.set || !z->fid.set) {
        domxml__qa_fail(dv->ctx, DOMXML_ERR_MISSING, "qemuargv.zpci",
                        "a <zpci> address needs uid and fid");
        return;
    }
    memset(&v, 0, sizeof(v));
    v.ctx = dv->ctx;
    v.driver = "zpci";
    v.uid = (domxml__qa_num){z->uid.value, true};
    v.fid = (domxml__qa_num){z->fid.value, true};
    v.target = dv->id;
    v.id = domxml__qa_printf(dv->ctx, "zpci%u", z->uid.value);
    domxml__qa_emit(&v, DOMXML__QA_ARG_DEVICE, true, DOMXML__QA_ROWS(zpci_rows));
}
