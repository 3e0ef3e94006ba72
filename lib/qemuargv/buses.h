/* SPDX-License-Identifier: LGPL-2.1-or-later */
/* qemuargv: buses and guest addresses of a device, into its view. */
#ifndef DOMXML__QA_BUSES_H
#define DOMXML__QA_BUSES_H

#include "table.h"

/* PCIE: the PCIe root bus (legacy-capable endpoints); PCIE_PORT: a root or
 * downstream port (modern-only devices). */
typedef enum {
    DOMXML__QA_BUS_UNKNOWN,
    DOMXML__QA_BUS_PCI,
    DOMXML__QA_BUS_PCIE,
    DOMXML__QA_BUS_PCIE_PORT
} domxml__qa_bus_kind;

/* bus, multifunction, addr and acpi-index of a PCI (or absent) address;
 * the kind of bus it lands on. */
void domxml__qa_pci_address(domxml__qa_view *v, domxml__qa_bus_kind *kind);
/* rombar/romfile (PCI devices only). */
void domxml__qa_rom(domxml__qa_view *v);
/* bootindex. */
void domxml__qa_boot(domxml__qa_view *v);
/* devno of a CCW address; true when the device has one. */
bool domxml__qa_ccw(domxml__qa_view *v);
/* The USB bus of controller `index` into v->bus. */
void domxml__qa_usb_bus(domxml__qa_view *v, unsigned int index);
/* The QEMU id of SCSI controller `index`, and whether it is an lsilogic. */
const char *domxml__qa_scsi_ctrl(domxml__qa_view *v, unsigned int index, bool *lsi);
/* s390: the zpci companion device of a device with a <zpci> address. */
void domxml__qa_zpci(const domxml__qa_view *v);
bool domxml__qa_machine_pc(const char *machine);

#endif
