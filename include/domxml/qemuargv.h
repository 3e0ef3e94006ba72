/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv: the QEMU arguments (-netdev, -device, -chardev, -add-fd) of the
 * <interface> and <hostdev> devices of a domain, and the QMP commands that
 * hot-plug and unplug one of them. Written against the public API only: it
 * reads the structs (parsed, edited or built by hand), never XML.
 *
 * No host side effects: nothing is opened, created or programmed. What a
 * device needs from the host (tap/macvtap fds or an ifname, vhost-net fds,
 * vhost-vdpa fds, a vhost-scsi fd) is given by the caller as resources; a
 * device that needs one and did not get it is an error that names it.
 *
 * Output: only the device arguments, for a manager to splice into its own
 * command line. docs/qemuargv.md describes the rules (ids, buses, order,
 * teaming, escaping) and their sources.
 *
 * Since 0.2.
 */
#ifndef DOMXML_QEMUARGV_H
#define DOMXML_QEMUARGV_H

#include <domxml.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Argument syntax, chosen per call. */
typedef enum domxml_qemuargv_syntax {
    /* key=value (QemuOpts) in libvirt 7.x order: runs on every QEMU with
     * failover (4.2 and later). */
    DOMXML_QEMUARGV_SYNTAX_KEYVAL = 0,
    /* JSON -device/-netdev in libvirt's current order (QEMU 6.2 and later);
     * -chardev and -add-fd stay key=value (QEMU refuses JSON -chardev). */
    DOMXML_QEMUARGV_SYNTAX_JSON,
    DOMXML_QEMUARGV_SYNTAX_LAST
} domxml_qemuargv_syntax;

/* What a caller prepared for a device. */
typedef enum domxml_qemuargv_resource_kind {
    DOMXML_QEMUARGV_RES_NONE = 0,
    /* A tap or macvtap fd: a decimal number the QEMU process inherits, or
     * the name of an fd passed with QMP getfd. Give one per queue. */
    DOMXML_QEMUARGV_RES_TAP_FD,
    /* A /dev/vhost-net fd (number or name); none, or one per tap fd. */
    DOMXML_QEMUARGV_RES_VHOST_FD,
    /* The name of a tap the caller created: -netdev tap,ifname=,script=no,
     * downscript=no (QEMU attaches to it). */
    DOMXML_QEMUARGV_RES_IFNAME,
    /* A vhost-vdpa fd number, passed to QEMU with -add-fd. */
    DOMXML_QEMUARGV_RES_VDPA_FD,
    /* A vhost-scsi fd (number or name) of a <hostdev type='scsi_host'>. */
    DOMXML_QEMUARGV_RES_VHOSTSCSI_FD,
    /* The /dev/sgN path of a <hostdev type='scsi'> adapter device (libvirt
     * finds it in sysfs; qemuargv does not look). */
    DOMXML_QEMUARGV_RES_SCSI_GENERIC,
    /* "DDDD:BB:SS.F": the VF the caller took from a hostdev network's pool
     * for an <interface type='network'> (libvirt picks it from the host's
     * network definition). The interface is then a vfio-pci host device,
     * numbered hostdevN; name it by alias, "#N" or its net<position>. */
    DOMXML_QEMUARGV_RES_POOL_VF,
    /* The unix socket of the passt the caller started for a passt
     * interface (<backend type='passt'/>): a stream netdev, or a
     * vhost-user chardev, connects to it. Without one, QEMU 10.1 and
     * later start passt themselves (-netdev passt). Since 0.2. */
    DOMXML_QEMUARGV_RES_PASST_SOCKET,
    DOMXML_QEMUARGV_RES_LAST
} domxml_qemuargv_resource_kind;

/*
 * One resource. `device` names the device by its QEMU id: its alias (e.g.
 * "ua-standby0"), or the id qemuargv numbers for a device without one
 * ("net0", "hostdev1"); "#N" names the Nth modelled device (0-based, in
 * domxml_device_next() order). `value` is copied into the output (checked
 * and escaped); it must outlive the call only.
 */
typedef struct domxml_qemuargv_resource {
    const char *device;
    domxml_qemuargv_resource_kind kind;
    const char *value;
} domxml_qemuargv_resource;

/* A bus name for a PCI controller index, for standalone device documents
 * (a <domain> takes them from its <controller> list). */
typedef struct domxml_qemuargv_bus {
    unsigned int index;
    const char *name; /* e.g. "pci.3", "pcie.0" */
} domxml_qemuargv_bus;

/*
 * Options. Fill with domxml_qemuargv_options_init(); NULL means all
 * defaults (keyval, no resources, machine from the domain).
 */
typedef struct domxml_qemuargv_options {
    size_t size; /* sizeof(domxml_qemuargv_options) of the caller */
    domxml_qemuargv_syntax syntax;
    /* Machine type ("pc", "q35", "pc-q35-7.2", ...): overrides
     * <os><type machine=...>; gives the root bus (pci.0 or pcie.0) of a
     * standalone device document. NULL: the domain's. */
    const char *machine;
    const domxml_qemuargv_resource *resources;
    size_t n_resources;
    const domxml_qemuargv_bus *buses; /* standalone documents */
    size_t n_buses;
    /* Called for each warning: what QEMU accepts at start-up but cannot use.
     * A diagnostic of severity WARNING (valid during the call only), with
     * line/column/path naming the device and a stable code:
     *   qemuargv.failover-not-pcie  a failover primary on conventional PCI
     *   qemuargv.tx-queue-clamped   tx_queue_size > 256 QEMU clamps to 256
     *   qemuargv.link-state         <link state='down'>: only QMP sets it
     *   qemuargv.mcast-not-group    an mcast address that is not a group
     * May be NULL. */
    void (*warning)(void *ctx, const domxml_diagnostic *warning);
    void *warning_ctx;
    /* Allocator hooks for everything the call allocates, the returned
     * block included; NULL: the domain's (domxml_domain_memory()).
     * Since 0.2. */
    const domxml_memory *memory;
    /* Called for every diagnostic, errors and warnings (then `warning` is
     * not called): each error validation finds in the domain (generation
     * refuses a domain domxml_domain_validate() finds an error in, with the
     * same codes and messages), or generation's own first error, code
     * "qemuargv.NAME" (docs/qemuargv.md lists them). Valid during the call
     * only. May be NULL. Since 0.2. */
    void (*diagnostic)(void *ctx, const domxml_diagnostic *diagnostic);
    void *diagnostic_ctx;
    /* The first fd set id -add-fd and QMP add-fd use (a vdpa fd); a
     * manager that hot-plugs picks one its QEMU does not use yet, and
     * passes the same one to the unplug. Default 0. Since 0.2. */
    unsigned int fdset_base;
    /* The QEMU the arguments are for, as major * 1000000 + minor * 1000 +
     * micro (QEMU's and libvirt's encoding): 7002000 for 7.2, 10001000
     * for 10.1. 0: 7.2, Debian 12's and the oldest current libvirt
     * supports. Spellings that changed follow it (docs/qemuargv.md,
     * "Versions"); a feature the target lacks is an error naming the
     * version that has it. Since 0.2. */
    unsigned long qemu_version;
    /* The libvirt release whose rules the domain is validated with
     * (domxml_validate_options.libvirt_version): 0, the newest; an older
     * release skips the rules it did not enforce yet (vhost-user's shared
     * memory before 11.2) and refuses syntax it lacks. Since 0.2. */
    unsigned long libvirt_version;
} domxml_qemuargv_options;

#define DOMXML_QEMUARGV_VERSION(major, minor) ((unsigned long)(major) * 1000000UL + (minor) * 1000UL)

static inline void domxml_qemuargv_options_init(domxml_qemuargv_options *options)
{
    memset(options, 0, sizeof(*options));
    options->size = sizeof(*options);
}

/*
 * The device arguments of `dom` (a <domain>, or a standalone <interface> or
 * <hostdev> document; SCSI host devices add -drive, or -blockdev in JSON,
 * before their -device): NIC -chardev/-add-fd/-netdev/-device groups in
 * interface order, then the host devices (those of <interface
 * type='hostdev'> first, as libvirt lists them), so every failover primary
 * follows its standby.
 *
 * The domain must validate: every error domxml_domain_validate() finds
 * refuses it (all reported through options->diagnostic, the first in
 * *error). Every resource must name a device (alias, numbered id or "#N")
 * that takes its kind, with a value of that kind: a tap, vhost-net or
 * vhost-scsi fd is a non-negative decimal number here (QEMU inherits it).
 *
 * Returns a NULL-terminated argv ("-netdev", "tap,fd=3,id=hostnet0", ...),
 * one block the caller frees with domxml_qemuargv_free(); its length in
 * *argc when argc is not NULL. NULL with *error filled (the device named,
 * its line, column and path): DOMXML_ERR_VALUE (a value that cannot be
 * written safely, a bad id or resource value), DOMXML_ERR_MISSING (a
 * resource the device needs), DOMXML_ERR_TEAMING (a pair QEMU cannot run),
 * DOMXML_ERR_UNSUPPORTED (a device QEMU or qemuargv cannot express),
 * DOMXML_ERR_NOMEM, DOMXML_ERR_INVALID_ARG (a resource naming no device, or
 * one that takes no such resource), or a validation error's class.
 */
DOMXML_API char **domxml_qemuargv_build(const domxml_domain *dom,
                                        const domxml_qemuargv_options *options,
                                        size_t *argc, domxml_error *error);

/* Free anything qemuargv returns (an argv, command or shell text): it
 * remembers its allocator. The same as domxml_free(). NULL is allowed.
 * Since 0.2. */
DOMXML_API void domxml_qemuargv_free(void *block);

/* The same as domxml_qemuargv_free(), kept until the next ABI break. */
DOMXML_API void domxml_argv_free(char **argv);

/*
 * argv as shell-safe text in the layout of libvirt's .args files: each
 * option and its value on one line, lines joined with " \" and a newline,
 * a final newline. A word with characters the shell would read is put in
 * single quotes (control characters as $'\NNN'), so a value is never
 * broken across lines. Returns a block freed with domxml_qemuargv_free(),
 * NULL when out of memory.
 */
DOMXML_API char *domxml_argv_to_shell(char *const *argv);

/*
 * The QMP commands that hot-plug one device: the device whose id is
 * `alias` (its alias or numbered id), or for a standalone document its
 * root when `alias` is NULL; for a failover standby, its primary follows
 * it. The domain must validate, as for domxml_qemuargv_build(). One
 * command object per line ({"execute":...,"arguments":{...}}, typed
 * values), in order: getfd for every fd given by name (a QEMU id: the
 * caller sends the fd with that command, SCM_RIGHTS; a number names an fd
 * QEMU already holds), add-fd for a vdpa fd (sent with it; set id
 * options->fdset_base), chardev-add (vhost-user), netdev_add,
 * blockdev-add, device_add, and set_link when the link is down.
 * Returns a block freed with domxml_qemuargv_free(), or NULL with *error
 * filled, as domxml_qemuargv_build().
 */
DOMXML_API char *domxml_qemuargv_hotplug(const domxml_domain *dom, const char *alias,
                                         const domxml_qemuargv_options *options,
                                         domxml_error *error);

/*
 * The QMP commands that unplug that device (a standby's primary first),
 * one object per line: device_del; then a line that is not a command but
 * the event to wait for, {"event":"DEVICE_DELETED","data":{"device":ID}}
 * (QEMU removes the device when the guest lets it go); after that event,
 * what the plug added: device_del of a zpci companion (and its event),
 * netdev_del, chardev-remove (vhost-user), blockdev-del (SCSI), remove-fd
 * (a vdpa fd: pass the vdpa resource and fdset_base the plug had). fds
 * passed by getfd name are consumed by QEMU when used and need no closefd.
 * The domain is not validated (unplugging must work on what runs).
 * Returns a block freed with domxml_qemuargv_free(), or NULL with *error
 * filled.
 */
DOMXML_API char *domxml_qemuargv_unplug(const domxml_domain *dom, const char *alias,
                                        const domxml_qemuargv_options *options,
                                        domxml_error *error);

/*
 * passt's own command line for the passt interface whose id is `alias`
 * (NULL: a standalone document's root), as libvirt builds it when it
 * starts passt: "passt", "--one-off", "--socket", PATH (the
 * DOMXML_QEMUARGV_RES_PASST_SOCKET resource, required), "--vhost-user"
 * for a vhost-user interface, then what the XML asks for: --mtu,
 * --interface (<source dev>), --log-file, --address/--netmask (<ip>),
 * --gateway (<route>), --hostname/--fqdn, --tcp-ports/--udp-ports
 * (<portForward>). The caller runs it (the library never spawns
 * anything), then passes the same socket to domxml_qemuargv_build().
 * A NULL-terminated argv in one block freed with domxml_qemuargv_free(),
 * its length in *argc; NULL with *error filled. Since 0.2.
 */
DOMXML_API char **domxml_qemuargv_passt(const domxml_domain *dom, const char *alias,
                                        const domxml_qemuargv_options *options, size_t *argc,
                                        domxml_error *error);

/* True when `id` is a QEMU identifier: ^[A-Za-z][A-Za-z0-9._-]*$. */
DOMXML_API bool domxml_qemuargv_id_valid(const char *id);

#ifdef __cplusplus
}
#endif
#endif /* DOMXML_QEMUARGV_H */
