/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Every enum's strings, in one place. Parsing, formatting and the public
 * to_string and from_string functions all read these tables; the
 * static_assert in DOMXML__ENUM_TABLE keeps each table in step with its enum.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "enums.h"

DOMXML__ENUM_TABLE(domxml__tristate_bool_enum, DOMXML_TRISTATE_BOOL_LAST, "yes", "no");
DOMXML__ENUM_TABLE(domxml__tristate_switch_enum, DOMXML_TRISTATE_SWITCH_LAST, "on", "off");
/* <vlan trunk=>: yes/no read case-insensitively as libvirt does. */
static const char *const domxml__trunk_names[] = {NULL, "yes", "no"};
static_assert(DOMXML__N(domxml__trunk_names) == DOMXML_TRISTATE_BOOL_LAST,
              "domxml__trunk_enum: string table does not match its enum");
const domxml__enum domxml__trunk_enum = {domxml__trunk_names, DOMXML_TRISTATE_BOOL_LAST, true};
DOMXML__ENUM_TABLE(domxml__interface_type_enum, DOMXML_INTERFACE_TYPE_LAST,
                   "user", "ethernet", "vhostuser", "server", "client", "mcast",
                   "network", "bridge", "internal", "direct", "hostdev", "udp",
                   "vdpa", "null", "vds");
DOMXML__ENUM_TABLE(domxml__mac_type_enum, DOMXML_MAC_TYPE_LAST, "generated", "static");
DOMXML__ENUM_TABLE(domxml__direct_mode_enum, DOMXML_DIRECT_MODE_LAST,
                   "vepa", "private", "bridge", "passthrough");
DOMXML__ENUM_TABLE(domxml__socket_mode_enum, DOMXML_SOCKET_MODE_LAST, "client", "server");
DOMXML__ENUM_TABLE(domxml__socket_type_enum, DOMXML_SOCKET_TYPE_LAST, "unix");
DOMXML__ENUM_TABLE(domxml__vlan_native_mode_enum, DOMXML_VLAN_NATIVE_MODE_LAST,
                   "tagged", "untagged");
DOMXML__ENUM_TABLE(domxml__virtualport_type_enum, DOMXML_VIRTUALPORT_TYPE_LAST,
                   "802.1Qbg", "802.1Qbh", "openvswitch", "midonet");
DOMXML__ENUM_TABLE(domxml__net_driver_name_enum, DOMXML_NET_DRIVER_NAME_LAST,
                   "qemu", "vhost");
DOMXML__ENUM_TABLE(domxml__net_txmode_enum, DOMXML_NET_TXMODE_LAST, "iothread", "timer");
DOMXML__ENUM_TABLE(domxml__net_backend_type_enum, DOMXML_NET_BACKEND_TYPE_LAST,
                   "default", "passt");
DOMXML__ENUM_TABLE(domxml__port_forward_proto_enum, DOMXML_PORT_FORWARD_PROTO_LAST,
                   "tcp", "udp");
DOMXML__ENUM_TABLE(domxml__link_state_enum, DOMXML_LINK_STATE_LAST, "up", "down");
DOMXML__ENUM_TABLE(domxml__ip_family_enum, DOMXML_IP_FAMILY_LAST, "ipv4", "ipv6");
DOMXML__ENUM_TABLE(domxml__address_type_enum, DOMXML_ADDRESS_TYPE_LAST,
                   "pci", "drive", "virtio-serial", "ccid", "usb", "spapr-vio",
                   "ccw", "virtio-mmio", "isa", "dimm", "unassigned");
DOMXML__ENUM_TABLE(domxml__teaming_type_enum, DOMXML_TEAMING_TYPE_LAST,
                   "persistent", "transient");
DOMXML__ENUM_TABLE(domxml__hostdev_mode_enum, DOMXML_HOSTDEV_MODE_LAST,
                   "subsystem", "capabilities");
DOMXML__ENUM_TABLE(domxml__hostdev_type_enum, DOMXML_HOSTDEV_TYPE_LAST,
                   "usb", "pci", "scsi", "scsi_host", "mdev", "storage", "misc", "net");
DOMXML__ENUM_TABLE(domxml__hostdev_backend_enum, DOMXML_HOSTDEV_BACKEND_LAST,
                   "kvm", "vfio", "xen");
DOMXML__ENUM_TABLE(domxml__hostdev_sgio_enum, DOMXML_HOSTDEV_SGIO_LAST,
                   "filtered", "unfiltered");
DOMXML__ENUM_TABLE(domxml__hostdev_model_enum, DOMXML_HOSTDEV_MODEL_LAST,
                   "virtio", "virtio-transitional", "virtio-non-transitional",
                   "vfio-pci", "vfio-ccw", "vfio-ap");
DOMXML__ENUM_TABLE(domxml__usb_startup_policy_enum, DOMXML_USB_STARTUP_POLICY_LAST,
                   "mandatory", "requisite", "optional");
DOMXML__ENUM_TABLE(domxml__usb_guest_reset_enum, DOMXML_USB_GUEST_RESET_LAST,
                   "off", "uninitialized", "on");
DOMXML__ENUM_TABLE(domxml__scsi_protocol_enum, DOMXML_SCSI_PROTOCOL_LAST,
                   "adapter", "iscsi", "vhost");

/* libvirt matches NIC model names case-insensitively; output uses these
 * spellings ("scm91c111" is libvirt's own spelling). */
static const char *const domxml__nic_model_names[] = {
    NULL, "netfront", "rtl8139", "virtio", "e1000", "e1000e", "igb",
    "virtio-transitional", "virtio-non-transitional", "usb-net", "spapr-vlan",
    "lan9118", "scm91c111", "vlance", "vmxnet", "vmxnet2", "vmxnet3",
    "Am79C970A", "Am79C973", "82540EM", "82545EM", "82543GC",
};
static_assert(DOMXML__N(domxml__nic_model_names) == DOMXML_NIC_MODEL_LAST,
              "domxml__nic_model_enum: string table does not match its enum");
const domxml__enum domxml__nic_model_enum = {domxml__nic_model_names,
                                             DOMXML_NIC_MODEL_LAST, true};

/* Enum fields are read and written through int pointers by the tables. */
static_assert(sizeof(domxml_tristate_bool) == sizeof(int) &&
                  sizeof(domxml_tristate_switch) == sizeof(int) &&
                  sizeof(domxml_interface_type) == sizeof(int) &&
                  sizeof(domxml_mac_type) == sizeof(int) &&
                  sizeof(domxml_direct_mode) == sizeof(int) &&
                  sizeof(domxml_socket_mode) == sizeof(int) &&
                  sizeof(domxml_socket_type) == sizeof(int) &&
                  sizeof(domxml_vlan_native_mode) == sizeof(int) &&
                  sizeof(domxml_virtualport_type) == sizeof(int) &&
                  sizeof(domxml_nic_model) == sizeof(int) &&
                  sizeof(domxml_net_driver_name) == sizeof(int) &&
                  sizeof(domxml_net_txmode) == sizeof(int) &&
                  sizeof(domxml_net_backend_type) == sizeof(int) &&
                  sizeof(domxml_port_forward_proto) == sizeof(int) &&
                  sizeof(domxml_link_state) == sizeof(int) &&
                  sizeof(domxml_ip_family) == sizeof(int) &&
                  sizeof(domxml_address_type) == sizeof(int) &&
                  sizeof(domxml_teaming_type) == sizeof(int) &&
                  sizeof(domxml_hostdev_mode) == sizeof(int) &&
                  sizeof(domxml_hostdev_type) == sizeof(int) &&
                  sizeof(domxml_hostdev_backend) == sizeof(int) &&
                  sizeof(domxml_hostdev_sgio) == sizeof(int) &&
                  sizeof(domxml_hostdev_model) == sizeof(int) &&
                  sizeof(domxml_usb_startup_policy) == sizeof(int) &&
                  sizeof(domxml_usb_guest_reset) == sizeof(int) &&
                  sizeof(domxml_scsi_protocol) == sizeof(int),
              "every enum field is int-sized");

int domxml__enum_lookup(const domxml__enum *e, const char *s)
{
    for (unsigned i = 1; i < e->count; i++) {
        if (e->icase ? strcasecmp(e->names[i], s) == 0 : strcmp(e->names[i], s) == 0)
            return (int)i;
    }
    return -1;
}

const char *domxml__enum_name(const domxml__enum *e, int v)
{
    if (v <= 0 || (unsigned)v >= e->count)
        return NULL;
    return e->names[v];
}

void domxml__enum_list(const domxml__enum *e, char *out, size_t size)
{
    size_t used = 0;

    if (size == 0)
        return;
    out[0] = '\0';
    for (unsigned i = 1; i < e->count && used < size; i++) {
        const char *sep = i == 1 ? "" : (i + 1 == e->count ? " or " : ", ");
        int n = snprintf(out + used, size - used, "%s'%s'", sep, e->names[i]);
        if (n < 0)
            break;
        used += (size_t)n;
    }
}

#define DOMXML__ENUM_FUNCS(type, table)                                        \
    const char *type##_to_string(type value)                                   \
    {                                                                          \
        return domxml__enum_name(&(table), (int)value);                        \
    }                                                                          \
    int type##_from_string(const char *str)                                    \
    {                                                                          \
        return str ? domxml__enum_lookup(&(table), str) : -1;                  \
    }

DOMXML__ENUM_FUNCS(domxml_interface_type, domxml__interface_type_enum)
DOMXML__ENUM_FUNCS(domxml_hostdev_mode, domxml__hostdev_mode_enum)
DOMXML__ENUM_FUNCS(domxml_hostdev_type, domxml__hostdev_type_enum)
DOMXML__ENUM_FUNCS(domxml_hostdev_backend, domxml__hostdev_backend_enum)
DOMXML__ENUM_FUNCS(domxml_address_type, domxml__address_type_enum)
DOMXML__ENUM_FUNCS(domxml_teaming_type, domxml__teaming_type_enum)
DOMXML__ENUM_FUNCS(domxml_nic_model, domxml__nic_model_enum)
DOMXML__ENUM_FUNCS(domxml_net_driver_name, domxml__net_driver_name_enum)
DOMXML__ENUM_FUNCS(domxml_virtualport_type, domxml__virtualport_type_enum)
DOMXML__ENUM_FUNCS(domxml_tristate_bool, domxml__tristate_bool_enum)
DOMXML__ENUM_FUNCS(domxml_tristate_switch, domxml__tristate_switch_enum)
DOMXML__ENUM_FUNCS(domxml_mac_type, domxml__mac_type_enum)
DOMXML__ENUM_FUNCS(domxml_direct_mode, domxml__direct_mode_enum)
DOMXML__ENUM_FUNCS(domxml_socket_mode, domxml__socket_mode_enum)
DOMXML__ENUM_FUNCS(domxml_socket_type, domxml__socket_type_enum)
DOMXML__ENUM_FUNCS(domxml_vlan_native_mode, domxml__vlan_native_mode_enum)
DOMXML__ENUM_FUNCS(domxml_net_txmode, domxml__net_txmode_enum)
DOMXML__ENUM_FUNCS(domxml_net_backend_type, domxml__net_backend_type_enum)
DOMXML__ENUM_FUNCS(domxml_port_forward_proto, domxml__port_forward_proto_enum)
DOMXML__ENUM_FUNCS(domxml_link_state, domxml__link_state_enum)
DOMXML__ENUM_FUNCS(domxml_ip_family, domxml__ip_family_enum)
DOMXML__ENUM_FUNCS(domxml_hostdev_sgio, domxml__hostdev_sgio_enum)
DOMXML__ENUM_FUNCS(domxml_hostdev_model, domxml__hostdev_model_enum)
DOMXML__ENUM_FUNCS(domxml_usb_startup_policy, domxml__usb_startup_policy_enum)
DOMXML__ENUM_FUNCS(domxml_usb_guest_reset, domxml__usb_guest_reset_enum)
DOMXML__ENUM_FUNCS(domxml_scsi_protocol, domxml__scsi_protocol_enum)

const char *domxml_severity_to_string(domxml_severity value)
{
    return value == DOMXML_SEVERITY_ERROR ? "error"
           : value == DOMXML_SEVERITY_WARNING ? "warning" : NULL;
}

int domxml_severity_from_string(const char *str)
{
    return !str ? -1 : strcmp(str, "error") == 0 ? DOMXML_SEVERITY_ERROR
                     : strcmp(str, "warning") == 0 ? DOMXML_SEVERITY_WARNING : -1;
}

/* Two enums whose value 0 is a value, not "absent": their own tables. */
static const char *const domxml__node_kind_names[] = {"element", "text",      "comment",
                                                      "pi",      "interface", "hostdev"};
static_assert(DOMXML__N(domxml__node_kind_names) == DOMXML_NODE_KIND_LAST,
              "node kind names do not match the enum");
static const char *const domxml__error_code_names[] = {
    "ok",      "nomem", "io",        "xml",     "forbidden", "limit",       "missing",
    "value",   "range", "duplicate", "content", "teaming",   "invalid-arg", "unsupported"};
static_assert(DOMXML__N(domxml__error_code_names) == DOMXML_ERR_LAST,
              "error code names do not match the enum");

static int domxml__name_index(const char *const *names, unsigned n, const char *s)
{
    for (unsigned i = 0; s && i < n; i++) {
        if (strcmp(names[i], s) == 0)
            return (int)i;
    }
    return -1;
}

const char *domxml_node_kind_to_string(domxml_node_kind value)
{
    return (unsigned)value < DOMXML_NODE_KIND_LAST ? domxml__node_kind_names[value] : NULL;
}

int domxml_node_kind_from_string(const char *str)
{
    return domxml__name_index(domxml__node_kind_names, DOMXML_NODE_KIND_LAST, str);
}

const char *domxml_error_code_to_string(domxml_error_code value)
{
    return (unsigned)value < DOMXML_ERR_LAST ? domxml__error_code_names[value] : NULL;
}

int domxml_error_code_from_string(const char *str)
{
    return domxml__name_index(domxml__error_code_names, DOMXML_ERR_LAST, str);
}
