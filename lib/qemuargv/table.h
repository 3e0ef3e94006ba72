/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: property tables. Each argument (a NIC's -device, a tap
 * -netdev, ...) is one table of rows: the property's name, its place in
 * keyval order (libvirt 7.x) and in JSON order (libvirt's current one), the
 * view field it comes from and what kind of string it is. A builder fills a
 * view with the device's values (and refuses what QEMU cannot take), then
 * emits the table: the same rows drive both syntaxes and both orders, so a
 * new property is one row.
 */
#ifndef DOMXML__QA_TABLE_H
#define DOMXML__QA_TABLE_H

#include <stddef.h>

#include "ctx.h"

/* A number that may be absent. */
typedef struct domxml__qa_num {
    long long v;
    bool set;
} domxml__qa_num;

/* What one device's arguments are made of. */
typedef struct domxml__qa_view {
    domxml__qa_ctx *ctx;
    const domxml__qa_dev *dev;
    const domxml_interface *iface;     /* NICs and interface host devices */
    const domxml_hostdev *hostdev;     /* plain host devices */
    const domxml_device_info *info;
    bool virtio;
    /* heads and ids */
    const char *driver, *type, *backend, *id, *netdev, *chardev, *pair, *target, *node_name,
        *drive;
    /* guest address (buses.c) */
    const char *bus, *addr, *devno, *romfile, *loadparm, *port;
    domxml_tristate_switch multifunction;
    domxml__qa_num acpi_index, rombar, bootindex;
    /* NIC */
    const char *mac, *tx;
    domxml_tristate_switch mq, failover;
    domxml__qa_num vectors, rx_queue_size, tx_queue_size, host_mtu;
    /* netdevs and chardevs */
    const char *fd, *fds, *ifname, *script, *downscript, *vhostfd, *vhostfds, *net, *ipv6_prefix,
        *listen, *connect, *mcast, *udp, *localaddr, *vhostdev, *path, *opaque;
    domxml_tristate_switch vhost, server;
    domxml__qa_num queues, sndbuf, ipv6_prefixlen, reconnect, reconnect_ms, set, fdnum;
    /* stream and native passt netdevs */
    const char *addr_type, *addr_path, *address, *netmask, *gateway, *interface, *fqdn;
    domxml_tristate_switch stream_server, vhost_user;
    domxml__qa_num mtu;
    /* host devices */
    const char *host, *display, *sysfsdev, *wwpn, *hostdevice, *vendorid_s, *productid_s,
        *file, *if_, *format, *filename, *transport, *portal, *iscsi_target;
    domxml_tristate_switch ramfb, guest_reset, guest_resets_all, readonly;
    domxml__qa_num hostbus, hostaddr, vendorid, productid, uid, fid, scsi_id, channel, lun;
} domxml__qa_view;

struct domxml__qa_row;
typedef bool (*domxml__qa_get)(const domxml__qa_view *v, const struct domxml__qa_row *row,
                               domxml__qa_val *out);

typedef struct domxml__qa_row {
    const char *key;
    unsigned char kv, js; /* place in keyval / JSON order; 0: not in that syntax */
    domxml__qa_get get;
    unsigned short off;   /* of the field the getter reads */
    domxml__qa_class cls; /* of a string value */
    /* QEMU versions (major * 100 + minor) the row is for: from `since`,
     * before `until`; 0: no bound. A spelling that changed is two rows. */
    unsigned short since, until;
} domxml__qa_row;

/* The generic getters: a string, a number, an on/off field of the view;
 * an on/off field of the NIC's <driver>, <host> or <guest> (virtio only). */
bool domxml__qa_get_str(const domxml__qa_view *v, const domxml__qa_row *r, domxml__qa_val *out);
bool domxml__qa_get_num(const domxml__qa_view *v, const domxml__qa_row *r, domxml__qa_val *out);
bool domxml__qa_get_sw(const domxml__qa_view *v, const domxml__qa_row *r, domxml__qa_val *out);
bool domxml__qa_get_drv(const domxml__qa_view *v, const domxml__qa_row *r, domxml__qa_val *out);
bool domxml__qa_get_host(const domxml__qa_view *v, const domxml__qa_row *r, domxml__qa_val *out);
bool domxml__qa_get_guest(const domxml__qa_view *v, const domxml__qa_row *r,
                          domxml__qa_val *out);

#define DOMXML__QA_STR(key, kv, js, field, cls)                                                    \
    {key, kv, js, domxml__qa_get_str, offsetof(domxml__qa_view, field), cls, 0, 0}
#define DOMXML__QA_TXT(key, kv, js, field) DOMXML__QA_STR(key, kv, js, field, DOMXML__QA_TEXT)
#define DOMXML__QA_IDS(key, kv, js, field) DOMXML__QA_STR(key, kv, js, field, DOMXML__QA_ID)
#define DOMXML__QA_NUM(key, kv, js, field) DOMXML__QA_NUM_V(key, kv, js, field, 0, 0)
#define DOMXML__QA_SW(key, kv, js, field) DOMXML__QA_SW_V(key, kv, js, field, 0, 0)
/* Rows for QEMU versions [since, until) only (major * 100 + minor). */
#define DOMXML__QA_NUM_V(key, kv, js, field, since, until)                                         \
    {key, kv, js, domxml__qa_get_num, offsetof(domxml__qa_view, field), DOMXML__QA_TEXT, since,    \
     until}
#define DOMXML__QA_TXT_V(key, kv, js, field, since, until)                                         \
    {key, kv, js, domxml__qa_get_str, offsetof(domxml__qa_view, field), DOMXML__QA_TEXT, since,    \
     until}
#define DOMXML__QA_SW_V(key, kv, js, field, since, until)                                          \
    {key, kv, js, domxml__qa_get_sw, offsetof(domxml__qa_view, field), DOMXML__QA_TEXT, since,     \
     until}

/* The guest PCI address group: bus, multifunction, addr, acpi-index. */
#define DOMXML__QA_PCI_ROWS(kv, js)                                                                \
    DOMXML__QA_IDS("bus", kv, js, bus), DOMXML__QA_SW("multifunction", kv + 1, js + 1, multifunction), \
        DOMXML__QA_TXT("addr", kv + 2, js + 2, addr),                                              \
        DOMXML__QA_NUM("acpi-index", kv + 3, js + 3, acpi_index)
/* The ROM group: rombar, romfile. */
#define DOMXML__QA_ROM_ROWS(kv, js)                                                                \
    DOMXML__QA_NUM("rombar", kv, js, rombar), DOMXML__QA_TXT("romfile", kv + 1, js + 1, romfile)

#define DOMXML__QA_ROWS(t) t, sizeof(t) / sizeof((t)[0])

/* One argument of `kind` from the view by `rows`: each present value,
 * checked for its class, in the order of the argument's syntax. */
void domxml__qa_emit(const domxml__qa_view *v, domxml__qa_arg_kind kind, bool head,
                     const domxml__qa_row *rows, size_t n);
/* One more property of the argument emitted last (a key made at run
 * time, e.g. a list member "tcp-ports.0.str"), checked, at place `pos`.
 * 0, or -1 after a failure. */
int domxml__qa_add_prop(domxml__qa_ctx *ctx, const char *key, const domxml__qa_val *val,
                        unsigned int pos);
/* A view for device `k` (the context's current device from now on). */
void domxml__qa_view_init(domxml__qa_view *v, domxml__qa_ctx *ctx, size_t k);

#endif
