/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Public API tests: version macros, enum tables, error texts, NULL
 * arguments, the error struct, refused and limited input, sized parse
 * options, standalone device documents, <teaming> links and their errors;
 * the model v2 accessors (device iterator, device-info/teaming/alias/host
 * source, insert/append/unlink, generic lookups, MAC/PCI/model text,
 * builders), streaming output, and the rule pass: hand-built trees are
 * refused with the error a parse of the same XML gives.
 */
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "testutil.h"

static domxml_domain *parse(const char *xml, const domxml_parse_options *opts,
                            domxml_error *err)
{
    return domxml_parse_buffer(xml, strlen(xml), "test.xml", opts, err);
}

/* Parse, expecting failure with `code`; the error is left in *err. */
static void parse_fails(const char *xml, const domxml_parse_options *opts,
                        domxml_error_code code, domxml_error *err)
{
    domxml_domain *dom = parse(xml, opts, err);
    char line[1024];

    if (dom) {
        domxml_domain_free(dom);
        ck_abort_msg("parsing succeeded, expected error code %d (%s)", code,
                     domxml_strerror(code));
    }
    tu_format_error(err, line, sizeof(line));
    ck_assert_msg(err->code == code, "expected code %d (%s), got %d: %s", code,
                  domxml_strerror(code), err->code, line);
}

/* Parse and format, expecting the input back. */
static void round_trips(const char *xml)
{
    domxml_error err;
    size_t len = 0;
    char *out = tu_round_trip(xml, strlen(xml), "test.xml", &err, &len);
    char msg[1024];
    bool same;

    if (!out) {
        tu_format_error(&err, msg, sizeof(msg));
        ck_abort_msg("round trip failed: %s", msg);
    }
    same = tu_compare(xml, strlen(xml), out, len, msg, sizeof(msg));
    free(out);
    ck_assert_msg(same, "round trip differs: %s", msg);
}

/* ------------------------------------------------------------------ */
/* Version, enums, error texts                                          */

START_TEST(test_version)
{
    char expect[32];

    ck_assert_uint_eq(domxml_version(), DOMXML_VERSION_HEX);
    ck_assert_str_eq(domxml_version_string(), DOMXML_VERSION_STRING);
    snprintf(expect, sizeof(expect), "%d.%d.%d", DOMXML_VERSION_MAJOR, DOMXML_VERSION_MINOR,
             DOMXML_VERSION_MICRO);
    ck_assert_str_eq(DOMXML_VERSION_STRING, expect);
    ck_assert_uint_eq(DOMXML_VERSION_HEX, (unsigned long)DOMXML_VERSION_MAJOR << 16 |
                                              (unsigned long)DOMXML_VERSION_MINOR << 8 |
                                              (unsigned long)DOMXML_VERSION_MICRO);
}
END_TEST

/* One row per exported enum; wrappers give every function one signature. */
typedef struct enum_api {
    const char *name;
    int last;
    const char *(*to_string)(int value);
    int (*from_string)(const char *str);
} enum_api;

#define ENUM_WRAP(type) \
    static const char *type##_to(int v) { return type##_to_string((type)v); }
ENUM_WRAP(domxml_interface_type)
ENUM_WRAP(domxml_hostdev_mode)
ENUM_WRAP(domxml_hostdev_type)
ENUM_WRAP(domxml_hostdev_backend)
ENUM_WRAP(domxml_address_type)
ENUM_WRAP(domxml_teaming_type)
ENUM_WRAP(domxml_nic_model)
ENUM_WRAP(domxml_net_driver_name)
ENUM_WRAP(domxml_virtualport_type)
ENUM_WRAP(domxml_tristate_bool)
ENUM_WRAP(domxml_tristate_switch)
ENUM_WRAP(domxml_mac_type)
ENUM_WRAP(domxml_direct_mode)
ENUM_WRAP(domxml_socket_mode)
ENUM_WRAP(domxml_socket_type)
ENUM_WRAP(domxml_vlan_native_mode)
ENUM_WRAP(domxml_net_txmode)
ENUM_WRAP(domxml_net_backend_type)
ENUM_WRAP(domxml_port_forward_proto)
ENUM_WRAP(domxml_link_state)
ENUM_WRAP(domxml_ip_family)
ENUM_WRAP(domxml_hostdev_sgio)
ENUM_WRAP(domxml_hostdev_model)
ENUM_WRAP(domxml_usb_startup_policy)
ENUM_WRAP(domxml_usb_guest_reset)
ENUM_WRAP(domxml_scsi_protocol)
ENUM_WRAP(domxml_node_kind)
ENUM_WRAP(domxml_error_code)

/* The 26 enums whose value 0 means "absent" (to_string(0) is NULL); the
 * other two public enums, domxml_node_kind and domxml_error_code, have a
 * real value 0 and their own table below. */
#define ENUM_ROW(type, last) {#type, last, type##_to, type##_from_string}
static const enum_api enums[] = {
    ENUM_ROW(domxml_interface_type, DOMXML_INTERFACE_TYPE_LAST),
    ENUM_ROW(domxml_hostdev_mode, DOMXML_HOSTDEV_MODE_LAST),
    ENUM_ROW(domxml_hostdev_type, DOMXML_HOSTDEV_TYPE_LAST),
    ENUM_ROW(domxml_hostdev_backend, DOMXML_HOSTDEV_BACKEND_LAST),
    ENUM_ROW(domxml_address_type, DOMXML_ADDRESS_TYPE_LAST),
    ENUM_ROW(domxml_teaming_type, DOMXML_TEAMING_TYPE_LAST),
    ENUM_ROW(domxml_nic_model, DOMXML_NIC_MODEL_LAST),
    ENUM_ROW(domxml_net_driver_name, DOMXML_NET_DRIVER_NAME_LAST),
    ENUM_ROW(domxml_virtualport_type, DOMXML_VIRTUALPORT_TYPE_LAST),
    ENUM_ROW(domxml_tristate_bool, DOMXML_TRISTATE_BOOL_LAST),
    ENUM_ROW(domxml_tristate_switch, DOMXML_TRISTATE_SWITCH_LAST),
    ENUM_ROW(domxml_mac_type, DOMXML_MAC_TYPE_LAST),
    ENUM_ROW(domxml_direct_mode, DOMXML_DIRECT_MODE_LAST),
    ENUM_ROW(domxml_socket_mode, DOMXML_SOCKET_MODE_LAST),
    ENUM_ROW(domxml_socket_type, DOMXML_SOCKET_TYPE_LAST),
    ENUM_ROW(domxml_vlan_native_mode, DOMXML_VLAN_NATIVE_MODE_LAST),
    ENUM_ROW(domxml_net_txmode, DOMXML_NET_TXMODE_LAST),
    ENUM_ROW(domxml_net_backend_type, DOMXML_NET_BACKEND_TYPE_LAST),
    ENUM_ROW(domxml_port_forward_proto, DOMXML_PORT_FORWARD_PROTO_LAST),
    ENUM_ROW(domxml_link_state, DOMXML_LINK_STATE_LAST),
    ENUM_ROW(domxml_ip_family, DOMXML_IP_FAMILY_LAST),
    ENUM_ROW(domxml_hostdev_sgio, DOMXML_HOSTDEV_SGIO_LAST),
    ENUM_ROW(domxml_hostdev_model, DOMXML_HOSTDEV_MODEL_LAST),
    ENUM_ROW(domxml_usb_startup_policy, DOMXML_USB_STARTUP_POLICY_LAST),
    ENUM_ROW(domxml_usb_guest_reset, DOMXML_USB_GUEST_RESET_LAST),
    ENUM_ROW(domxml_scsi_protocol, DOMXML_SCSI_PROTOCOL_LAST),
};
static const enum_api zero_based_enums[] = {
    ENUM_ROW(domxml_node_kind, DOMXML_NODE_KIND_LAST),
    ENUM_ROW(domxml_error_code, DOMXML_ERR_LAST),
};

START_TEST(test_enum_round_trip)
{
    const enum_api *e = &enums[_i];

    ck_assert_msg(e->last > 1, "%s: no values", e->name);
    for (int v = 1; v < e->last; v++) {
        const char *s = e->to_string(v);
        ck_assert_msg(s && *s, "%s_to_string(%d) is NULL or empty", e->name, v);
        ck_assert_msg(e->from_string(s) == v, "%s_from_string(\"%s\") is %d, expected %d",
                      e->name, s, e->from_string(s), v);
    }
    ck_assert_msg(e->to_string(0) == NULL, "%s_to_string(NONE) is not NULL", e->name);
    ck_assert_msg(e->to_string(e->last) == NULL, "%s_to_string(LAST) is not NULL", e->name);
    ck_assert_msg(e->to_string(-1) == NULL, "%s_to_string(-1) is not NULL", e->name);
    ck_assert_msg(e->from_string("no-such-value") == -1, "%s: unknown string accepted",
                  e->name);
    ck_assert_msg(e->from_string("") == -1, "%s: empty string accepted", e->name);
    ck_assert_msg(e->from_string(NULL) == -1, "%s: NULL accepted", e->name);
}
END_TEST

START_TEST(test_enum_zero_based)
{
    const enum_api *e = &zero_based_enums[_i];

    ck_assert_msg(e->last > 1, "%s: no values", e->name);
    for (int v = 0; v < e->last; v++) {
        const char *s = e->to_string(v);
        ck_assert_msg(s && *s, "%s_to_string(%d) is NULL or empty", e->name, v);
        ck_assert_msg(e->from_string(s) == v, "%s_from_string(\"%s\") is %d, expected %d",
                      e->name, s, e->from_string(s), v);
    }
    ck_assert_msg(e->to_string(e->last) == NULL, "%s_to_string(LAST) is not NULL", e->name);
    ck_assert_msg(e->to_string(-1) == NULL, "%s_to_string(-1) is not NULL", e->name);
    ck_assert_msg(e->from_string("no-such-value") == -1, "%s: unknown string accepted",
                  e->name);
    ck_assert_msg(e->from_string("") == -1, "%s: empty string accepted", e->name);
    ck_assert_msg(e->from_string(NULL) == -1, "%s: NULL accepted", e->name);
}
END_TEST

/* Within one enum no two values share a string (from_string would lose one). */
START_TEST(test_enum_distinct)
{
    const enum_api *e = _i < (int)(sizeof(enums) / sizeof(enums[0]))
                            ? &enums[_i]
                            : &zero_based_enums[_i - (int)(sizeof(enums) / sizeof(enums[0]))];
    int first = e->to_string(0) ? 0 : 1;

    for (int v = first; v < e->last; v++)
        for (int w = first; w < v; w++)
            ck_assert_msg(strcmp(e->to_string(v), e->to_string(w)) != 0,
                          "%s: values %d and %d are both \"%s\"", e->name, w, v, e->to_string(v));
}
END_TEST

/* The spellings themselves: libvirt's for the XML enums, the library's own
 * for node kinds and error codes. First and last values catch a table that
 * is shifted against its enum. */
START_TEST(test_enum_names)
{
    ck_assert_str_eq(domxml_interface_type_to_string(DOMXML_INTERFACE_TYPE_USER), "user");
    ck_assert_str_eq(domxml_interface_type_to_string(DOMXML_INTERFACE_TYPE_HOSTDEV), "hostdev");
    ck_assert_str_eq(domxml_interface_type_to_string(DOMXML_INTERFACE_TYPE_VDS), "vds");
    ck_assert_str_eq(domxml_hostdev_mode_to_string(DOMXML_HOSTDEV_MODE_SUBSYSTEM), "subsystem");
    ck_assert_str_eq(domxml_hostdev_mode_to_string(DOMXML_HOSTDEV_MODE_CAPABILITIES),
                     "capabilities");
    ck_assert_str_eq(domxml_hostdev_type_to_string(DOMXML_HOSTDEV_TYPE_USB), "usb");
    ck_assert_str_eq(domxml_hostdev_type_to_string(DOMXML_HOSTDEV_TYPE_SCSI_HOST), "scsi_host");
    ck_assert_str_eq(domxml_hostdev_type_to_string(DOMXML_HOSTDEV_TYPE_NET), "net");
    ck_assert_str_eq(domxml_hostdev_backend_to_string(DOMXML_HOSTDEV_BACKEND_KVM), "kvm");
    ck_assert_str_eq(domxml_hostdev_backend_to_string(DOMXML_HOSTDEV_BACKEND_XEN), "xen");
    ck_assert_str_eq(domxml_address_type_to_string(DOMXML_ADDRESS_TYPE_PCI), "pci");
    ck_assert_str_eq(domxml_address_type_to_string(DOMXML_ADDRESS_TYPE_VIRTIO_SERIAL),
                     "virtio-serial");
    ck_assert_str_eq(domxml_address_type_to_string(DOMXML_ADDRESS_TYPE_SPAPR_VIO), "spapr-vio");
    ck_assert_str_eq(domxml_address_type_to_string(DOMXML_ADDRESS_TYPE_UNASSIGNED), "unassigned");
    ck_assert_str_eq(domxml_teaming_type_to_string(DOMXML_TEAMING_TYPE_PERSISTENT), "persistent");
    ck_assert_str_eq(domxml_teaming_type_to_string(DOMXML_TEAMING_TYPE_TRANSIENT), "transient");
    ck_assert_str_eq(domxml_nic_model_to_string(DOMXML_NIC_MODEL_NETFRONT), "netfront");
    ck_assert_str_eq(domxml_nic_model_to_string(DOMXML_NIC_MODEL_SCM91C111), "scm91c111");
    ck_assert_str_eq(domxml_nic_model_to_string(DOMXML_NIC_MODEL_82543GC), "82543GC");
    ck_assert_str_eq(domxml_net_driver_name_to_string(DOMXML_NET_DRIVER_NAME_QEMU), "qemu");
    ck_assert_str_eq(domxml_net_driver_name_to_string(DOMXML_NET_DRIVER_NAME_VHOST), "vhost");
    ck_assert_str_eq(domxml_virtualport_type_to_string(DOMXML_VIRTUALPORT_TYPE_8021QBG),
                     "802.1Qbg");
    ck_assert_str_eq(domxml_virtualport_type_to_string(DOMXML_VIRTUALPORT_TYPE_MIDONET),
                     "midonet");
    ck_assert_str_eq(domxml_tristate_bool_to_string(DOMXML_TRISTATE_BOOL_YES), "yes");
    ck_assert_str_eq(domxml_tristate_bool_to_string(DOMXML_TRISTATE_BOOL_NO), "no");
    ck_assert_str_eq(domxml_tristate_switch_to_string(DOMXML_TRISTATE_SWITCH_ON), "on");
    ck_assert_str_eq(domxml_tristate_switch_to_string(DOMXML_TRISTATE_SWITCH_OFF), "off");
    ck_assert_str_eq(domxml_mac_type_to_string(DOMXML_MAC_TYPE_GENERATED), "generated");
    ck_assert_str_eq(domxml_mac_type_to_string(DOMXML_MAC_TYPE_STATIC), "static");
    ck_assert_str_eq(domxml_direct_mode_to_string(DOMXML_DIRECT_MODE_VEPA), "vepa");
    ck_assert_str_eq(domxml_direct_mode_to_string(DOMXML_DIRECT_MODE_PASSTHROUGH), "passthrough");
    ck_assert_str_eq(domxml_socket_mode_to_string(DOMXML_SOCKET_MODE_CLIENT), "client");
    ck_assert_str_eq(domxml_socket_mode_to_string(DOMXML_SOCKET_MODE_SERVER), "server");
    ck_assert_str_eq(domxml_socket_type_to_string(DOMXML_SOCKET_TYPE_UNIX), "unix");
    ck_assert_str_eq(domxml_vlan_native_mode_to_string(DOMXML_VLAN_NATIVE_MODE_TAGGED), "tagged");
    ck_assert_str_eq(domxml_vlan_native_mode_to_string(DOMXML_VLAN_NATIVE_MODE_UNTAGGED),
                     "untagged");
    ck_assert_str_eq(domxml_net_txmode_to_string(DOMXML_NET_TXMODE_IOTHREAD), "iothread");
    ck_assert_str_eq(domxml_net_txmode_to_string(DOMXML_NET_TXMODE_TIMER), "timer");
    ck_assert_str_eq(domxml_net_backend_type_to_string(DOMXML_NET_BACKEND_TYPE_DEFAULT),
                     "default");
    ck_assert_str_eq(domxml_net_backend_type_to_string(DOMXML_NET_BACKEND_TYPE_PASST), "passt");
    ck_assert_str_eq(domxml_port_forward_proto_to_string(DOMXML_PORT_FORWARD_PROTO_TCP), "tcp");
    ck_assert_str_eq(domxml_port_forward_proto_to_string(DOMXML_PORT_FORWARD_PROTO_UDP), "udp");
    ck_assert_str_eq(domxml_link_state_to_string(DOMXML_LINK_STATE_UP), "up");
    ck_assert_str_eq(domxml_link_state_to_string(DOMXML_LINK_STATE_DOWN), "down");
    ck_assert_str_eq(domxml_ip_family_to_string(DOMXML_IP_FAMILY_IPV4), "ipv4");
    ck_assert_str_eq(domxml_ip_family_to_string(DOMXML_IP_FAMILY_IPV6), "ipv6");
    ck_assert_str_eq(domxml_hostdev_sgio_to_string(DOMXML_HOSTDEV_SGIO_FILTERED), "filtered");
    ck_assert_str_eq(domxml_hostdev_sgio_to_string(DOMXML_HOSTDEV_SGIO_UNFILTERED), "unfiltered");
    ck_assert_str_eq(domxml_hostdev_model_to_string(DOMXML_HOSTDEV_MODEL_VIRTIO), "virtio");
    ck_assert_str_eq(domxml_hostdev_model_to_string(DOMXML_HOSTDEV_MODEL_VFIO_PCI), "vfio-pci");
    ck_assert_str_eq(domxml_hostdev_model_to_string(DOMXML_HOSTDEV_MODEL_VFIO_AP), "vfio-ap");
    ck_assert_str_eq(domxml_usb_startup_policy_to_string(DOMXML_USB_STARTUP_POLICY_MANDATORY),
                     "mandatory");
    ck_assert_str_eq(domxml_usb_startup_policy_to_string(DOMXML_USB_STARTUP_POLICY_OPTIONAL),
                     "optional");
    ck_assert_str_eq(domxml_usb_guest_reset_to_string(DOMXML_USB_GUEST_RESET_OFF), "off");
    ck_assert_str_eq(domxml_usb_guest_reset_to_string(DOMXML_USB_GUEST_RESET_UNINITIALIZED),
                     "uninitialized");
    ck_assert_str_eq(domxml_usb_guest_reset_to_string(DOMXML_USB_GUEST_RESET_ON), "on");
    ck_assert_str_eq(domxml_scsi_protocol_to_string(DOMXML_SCSI_PROTOCOL_ADAPTER), "adapter");
    ck_assert_str_eq(domxml_scsi_protocol_to_string(DOMXML_SCSI_PROTOCOL_VHOST), "vhost");
    ck_assert_str_eq(domxml_node_kind_to_string(DOMXML_NODE_ELEMENT), "element");
    ck_assert_str_eq(domxml_node_kind_to_string(DOMXML_NODE_PI), "pi");
    ck_assert_str_eq(domxml_node_kind_to_string(DOMXML_NODE_HOSTDEV), "hostdev");
    ck_assert_str_eq(domxml_error_code_to_string(DOMXML_OK), "ok");
    ck_assert_str_eq(domxml_error_code_to_string(DOMXML_ERR_NOMEM), "nomem");
    ck_assert_str_eq(domxml_error_code_to_string(DOMXML_ERR_INVALID_ARG), "invalid-arg");
    ck_assert_str_eq(domxml_error_code_to_string(DOMXML_ERR_UNSUPPORTED), "unsupported");
    /* Only NIC models match case-insensitively. */
    ck_assert_int_eq(domxml_tristate_bool_from_string("YES"), -1);
    ck_assert_int_eq(domxml_virtualport_type_from_string("802.1qbg"), -1);
    ck_assert_int_eq(domxml_node_kind_from_string("Element"), -1);
    ck_assert_int_eq(domxml_error_code_from_string("invalid-arg"), DOMXML_ERR_INVALID_ARG);
}
END_TEST

START_TEST(test_enum_case)
{
    /* NIC models match case-insensitively (libvirt does); others do not. */
    ck_assert_int_eq(domxml_nic_model_from_string("ViRtIo"), DOMXML_NIC_MODEL_VIRTIO);
    ck_assert_int_eq(domxml_nic_model_from_string("am79c973"), DOMXML_NIC_MODEL_AM79C973);
    ck_assert_str_eq(domxml_nic_model_to_string(DOMXML_NIC_MODEL_AM79C973), "Am79C973");
    ck_assert_int_eq(domxml_interface_type_from_string("Network"), -1);
    ck_assert_int_eq(domxml_interface_type_from_string("network"), DOMXML_INTERFACE_TYPE_NETWORK);
    ck_assert_str_eq(domxml_hostdev_type_to_string(DOMXML_HOSTDEV_TYPE_SCSI_HOST), "scsi_host");
    ck_assert_str_eq(domxml_address_type_to_string(DOMXML_ADDRESS_TYPE_SPAPR_VIO), "spapr-vio");
}
END_TEST

START_TEST(test_nic_model_is_virtio)
{
    domxml_model m = {0};

    ck_assert(!domxml_nic_model_is_virtio(NULL));
    ck_assert(!domxml_nic_model_is_virtio(&m));
    m.type = DOMXML_NIC_MODEL_VIRTIO;
    ck_assert(domxml_nic_model_is_virtio(&m));
    m.type = DOMXML_NIC_MODEL_VIRTIO_TRANSITIONAL;
    ck_assert(domxml_nic_model_is_virtio(&m));
    m.type = DOMXML_NIC_MODEL_VIRTIO_NON_TRANSITIONAL;
    ck_assert(domxml_nic_model_is_virtio(&m));
    m.type = DOMXML_NIC_MODEL_E1000;
    ck_assert(!domxml_nic_model_is_virtio(&m));
}
END_TEST

START_TEST(test_strerror)
{
    for (int c = 0; c < DOMXML_ERR_LAST; c++) {
        const char *s = domxml_strerror((domxml_error_code)c);
        ck_assert_msg(s && *s, "domxml_strerror(%d) is NULL or empty", c);
        for (int d = 0; d < c; d++)
            ck_assert_msg(strcmp(s, domxml_strerror((domxml_error_code)d)) != 0,
                          "codes %d and %d share the text \"%s\"", d, c, s);
    }
    ck_assert_ptr_nonnull(domxml_strerror(DOMXML_ERR_LAST));
    ck_assert_ptr_nonnull(domxml_strerror((domxml_error_code)-1));
    ck_assert_ptr_nonnull(domxml_strerror((domxml_error_code)1000));
}
END_TEST

/* ------------------------------------------------------------------ */
/* NULL and inconsistent arguments                                      */

START_TEST(test_null_arguments)
{
    domxml_error err;
    domxml_domain *dom;
    size_t len = 12345;

    ck_assert_ptr_null(domxml_parse_buffer(NULL, 10, "x", NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_str_eq(err.source, "x");
    ck_assert_ptr_null(domxml_parse_buffer(NULL, 10, NULL, NULL, NULL));
    ck_assert_ptr_null(domxml_parse_file(NULL, NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);

    ck_assert_ptr_null(domxml_format(NULL, &len, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_uint_eq(len, 12345); /* untouched on failure */
    ck_assert_ptr_null(domxml_format(NULL, NULL, NULL));

    ck_assert_int_eq(domxml_domain_link_teaming(NULL, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_int_eq(domxml_domain_link_teaming(NULL, NULL), -1);

    domxml_domain_free(NULL);
    domxml_string_free(NULL);
    ck_assert_ptr_null(domxml_domain_devices(NULL));
    ck_assert_ptr_null(domxml_teaming_peer(NULL));
    ck_assert_ptr_null(domxml_teaming_next_pair(NULL, NULL));

    ck_assert_ptr_null(domxml_strdup(NULL, "x"));
    ck_assert_ptr_null(domxml_node_new(NULL, DOMXML_NODE_ELEMENT));
    ck_assert_ptr_null(domxml_attr_new(NULL, "a", "b"));
    ck_assert_ptr_null(domxml_interface_node_new(NULL));
    ck_assert_ptr_null(domxml_hostdev_node_new(NULL));
    ck_assert_ptr_null(domxml_ip_new(NULL));
    ck_assert_ptr_null(domxml_route_new(NULL));
    ck_assert_ptr_null(domxml_vlan_tag_new(NULL));
    ck_assert_ptr_null(domxml_filter_param_new(NULL));
    ck_assert_ptr_null(domxml_port_forward_new(NULL));
    ck_assert_ptr_null(domxml_port_forward_range_new(NULL));

    ck_assert_int_eq(domxml_domain_check(NULL, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_str_eq(err.message, "not a document made by libdomxml");
    ck_assert_int_eq(domxml_domain_check(NULL, NULL), -1);
    {
        /* A domain struct the library did not make. */
        domxml_domain fake;

        memset(&fake, 0, sizeof(fake));
        ck_assert_int_eq(domxml_domain_check(&fake, &err), -1);
        ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
        ck_assert_ptr_null(domxml_format(&fake, &len, &err));
        ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
        ck_assert_int_eq(domxml_domain_link_teaming(&fake, &err), -1);
        ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
        ck_assert_ptr_null(domxml_strdup(&fake, "x"));
        ck_assert_ptr_null(domxml_mac_new(&fake));
    }
    ck_assert_ptr_null(domxml_device_next(NULL, NULL));
    ck_assert_ptr_null(domxml_node_child(NULL, NULL, NULL));
    ck_assert_ptr_null(domxml_model_name(NULL));
    ck_assert(!domxml_nic_model_is_virtio(NULL));

    dom = domxml_domain_new(NULL);
    ck_assert_ptr_nonnull(dom);
    ck_assert_ptr_null(domxml_strdup(dom, NULL));
    ck_assert_ptr_null(domxml_attr_new(dom, NULL, "b"));
    ck_assert_ptr_null(domxml_attr_new(dom, "a", NULL));
    ck_assert_ptr_null(domxml_node_new(dom, DOMXML_NODE_KIND_LAST));
    ck_assert_ptr_null(domxml_domain_devices(dom));
    /* A document without a root cannot be formatted. */
    ck_assert_ptr_null(domxml_format(dom, &len, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_int_eq(domxml_domain_link_teaming(dom, &err), 0);
    domxml_string_free(NULL);
    domxml_domain_free(dom);
}
END_TEST

START_TEST(test_error_pointer_optional)
{
    domxml_domain *dom = domxml_parse_buffer("<domain>", 8, NULL, NULL, NULL);
    char *out;

    ck_assert_ptr_null(dom);
    dom = domxml_parse_buffer("<domain/>", 9, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(dom);
    out = domxml_format(dom, NULL, NULL);
    ck_assert_str_eq(out, "<domain/>\n");
    domxml_string_free(out);
    domxml_domain_free(dom);
}
END_TEST

/* ------------------------------------------------------------------ */
/* The error struct                                                     */

START_TEST(test_error_malformed)
{
    domxml_error err;
    char line[1024];

    parse_fails("<domain>\n  <name>x</nam>\n</domain>\n", NULL, DOMXML_ERR_XML, &err);
    ck_assert_str_eq(err.message, "mismatched tag: </nam> does not close <name>, opened at 2:3");
    ck_assert_uint_eq(err.line, 2);
    ck_assert_uint_eq(err.column, 12); /* 1-based: the name in "</nam>" */
    ck_assert_uint_eq(err.offset, 20);
    ck_assert_str_eq(err.source, "test.xml");
    ck_assert_str_eq(err.path, "/domain/name");
    tu_format_error(&err, line, sizeof(line));
    ck_assert_str_eq(line, "2:12: mismatched tag: </nam> does not close <name>, opened at 2:3 (at /domain/name)\n");

    parse_fails("", NULL, DOMXML_ERR_XML, &err);
    ck_assert_str_eq(err.message, "no element found");
    ck_assert_str_eq(err.path, "");
    tu_format_error(&err, line, sizeof(line));
    ck_assert_str_eq(line, "1:1: no element found\n");

    parse_fails("<domain>&undefined;</domain>", NULL, DOMXML_ERR_XML, &err);
    ck_assert_str_eq(err.message, "undefined entity '&undefined;' (only &amp; &lt; &gt; &apos; &quot; and character references are defined; an unescaped '&' is written &amp;)");
    ck_assert_uint_eq(err.line, 1);
    ck_assert_uint_eq(err.column, 9);
}
END_TEST

START_TEST(test_error_value_path)
{
    domxml_error err;
    static const char xml[] =
        "<domain type='kvm'>\n"
        "  <devices>\n"
        "    <interface type='network'>\n"
        "      <source network='default'/>\n"
        "    </interface>\n"
        "    <interface type='network'>\n"
        "      <mac address='zz'/>\n"
        "    </interface>\n"
        "  </devices>\n"
        "</domain>\n";

    parse_fails(xml, NULL, DOMXML_ERR_VALUE, &err);
    ck_assert_str_eq(err.message, "invalid value 'zz' for attribute 'address' of <mac>: "
                                  "expected six hexadecimal octets separated by ':'");
    ck_assert_str_eq(err.path, "/domain/devices/interface[2]/mac");
    ck_assert_uint_eq(err.line, 7);
    ck_assert_uint_eq(err.column, 7);
    ck_assert_uint_eq(err.offset, (unsigned long long)(strstr(xml, "<mac") - xml));
}
END_TEST

START_TEST(test_error_root)
{
    domxml_error err;

    parse_fails("<foo>\n</foo>\n", NULL, DOMXML_ERR_UNSUPPORTED, &err);
    ck_assert_str_eq(err.message, "root element <foo> is not <domain>, <interface> or <hostdev>");
    ck_assert_uint_eq(err.line, 1);
    ck_assert_uint_eq(err.column, 1);
}
END_TEST

/* True when s holds only whole UTF-8 sequences. */
static bool whole_utf8(const char *s)
{
    for (const unsigned char *p = (const unsigned char *)s; *p;) {
        size_t n = *p < 0x80 ? 1 : *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : *p >= 0xc0 ? 2 : 0;
        if (n == 0)
            return false;
        for (size_t k = 1; k < n; k++)
            if ((p[k] & 0xc0) != 0x80)
                return false;
        p += n;
    }
    return true;
}

/* Names and paths longer than the error's arrays: cut around an explicit
 * "...", never inside a UTF-8 sequence, the whole length reported. */
START_TEST(test_error_long_names)
{
    const char *bad = "<domain><devices><interface type='nope'/></devices></domain>";
    char name[400], xml[8192];
    domxml_error err;
    size_t len = 0;

    /* 300 bytes of directories, then guest.xml: the end is kept. */
    memset(name, 'd', 300);
    strcpy(name + 300, "/guest.xml");
    ck_assert_ptr_null(domxml_parse_buffer(bad, strlen(bad), name, NULL, &err));
    ck_assert_uint_eq(err.source_len, 310);
    ck_assert_uint_lt(strlen(err.source), sizeof(err.source));
    ck_assert_msg(strncmp(err.source, "...", 3) == 0, "source %s", err.source);
    ck_assert_str_eq(err.source + strlen(err.source) - 10, "/guest.xml");

    /* Two-byte characters: the cut falls between them. */
    name[0] = 'a'; /* characters start at odd offsets: the plain cut would split one */
    for (int i = 0; i < 150; i++)
        memcpy(name + 1 + 2 * i, "\xc3\xa9", 2);
    strcpy(name + 301, "x.xml");
    ck_assert_ptr_null(domxml_parse_buffer(bad, strlen(bad), name, NULL, &err));
    ck_assert_uint_eq(err.source_len, strlen(name));
    ck_assert_msg(whole_utf8(err.source), "source cut inside a character");
    ck_assert_str_eq(err.source + strlen(err.source) - 5, "x.xml");
    /* Short names stay whole. */
    ck_assert_ptr_null(domxml_parse_buffer(bad, strlen(bad), "g.xml", NULL, &err));
    ck_assert_str_eq(err.source, "g.xml");
    ck_assert_uint_eq(err.source_len, 5);
    ck_assert_str_eq(err.path, "/domain/devices/interface");
    ck_assert_uint_eq(err.path_len, strlen(err.path));

    /* A malformed element 200 levels deep: the path keeps its start and
     * its end, whole steps each, and says how long it was. */
    len += (size_t)sprintf(xml + len, "<domain>");
    for (int i = 0; i < 200; i++)
        len += (size_t)sprintf(xml + len, "<e%d>", i % 10);
    len += (size_t)sprintf(xml + len, "</nope>");
    ck_assert_ptr_null(domxml_parse_buffer(xml, len, "deep.xml", NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_XML);
    ck_assert_uint_eq(err.path_len, strlen("/domain") + 200 * strlen("/eN"));
    ck_assert_uint_lt(strlen(err.path), sizeof(err.path));
    ck_assert_msg(strncmp(err.path, "/domain/e0/e1/", 14) == 0, "path %s", err.path);
    ck_assert_msg(strstr(err.path, "/.../") != NULL, "path %s", err.path);
    ck_assert_msg(strcmp(err.path + strlen(err.path) - 6, "/e8/e9") == 0, "path %s", err.path);
}
END_TEST

START_TEST(test_parse_file)
{
    domxml_error err;
    domxml_domain *dom;
    char *path = tu_concat(tu_srcdir(), "/tests/data/core-does-not-exist.xml", NULL);

    ck_assert_ptr_null(domxml_parse_file(path, NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_IO);
    ck_assert_str_eq(err.source, path);
    ck_assert_msg(strstr(err.message, "cannot open") != NULL, "message: %s", err.message);
    free(path);

    path = tu_concat(tu_srcdir(), "/tests/data/core-devices-mix.xml", NULL);
    dom = domxml_parse_file(path, NULL, &err);
    ck_assert_msg(dom != NULL, "%s: %s", path, err.message);
    ck_assert_ptr_nonnull(domxml_domain_devices(dom));
    domxml_domain_free(dom);
    free(path);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Refused and limited input                                            */

START_TEST(test_forbidden_doctype)
{
    domxml_error err;
    static const char laughs[] =
        "<?xml version='1.0'?>\n"
        "<!DOCTYPE lolz [\n"
        " <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol1 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol2 \"&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        " <!ENTITY lol4 \"&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;\">\n"
        "]>\n"
        "<domain><name>&lol4;</name></domain>\n";

    parse_fails(laughs, NULL, DOMXML_ERR_FORBIDDEN, &err);
    ck_assert_str_eq(err.message, "document type declaration <!DOCTYPE lolz> is not allowed");
    ck_assert_uint_eq(err.line, 2);

    parse_fails("<!DOCTYPE domain SYSTEM \"file:///etc/passwd\">\n<domain/>\n", NULL,
                DOMXML_ERR_FORBIDDEN, &err);
    ck_assert_str_eq(err.message, "document type declaration <!DOCTYPE domain> is not allowed");
}
END_TEST

/* <domain> with `depth` nested elements in total. */
static char *nested(unsigned depth)
{
    size_t cap = (size_t)depth * 8 + 64, used = 0;
    char *s = malloc(cap);

    ck_assert_ptr_nonnull(s);
    used += (size_t)snprintf(s, cap, "<domain>");
    for (unsigned i = 1; i < depth; i++)
        used += (size_t)snprintf(s + used, cap - used, "<e>");
    for (unsigned i = 1; i < depth; i++)
        used += (size_t)snprintf(s + used, cap - used, "</e>");
    snprintf(s + used, cap - used, "</domain>");
    return s;
}

START_TEST(test_depth_limit)
{
    domxml_parse_options opts = {.size = sizeof(domxml_parse_options), .max_depth = 3};
    domxml_error err;
    domxml_domain *dom;
    char *xml;

    parse_fails("<domain><a><b><c/></b></a></domain>", &opts, DOMXML_ERR_LIMIT, &err);
    ck_assert_str_eq(err.message, "element <c> nested deeper than 3 levels");
    /* At the element that is too deep, not at its parent. */
    ck_assert_str_eq(err.path, "/domain/a/b/c");
    ck_assert_uint_eq(err.line, 1);
    ck_assert_uint_eq(err.column, 15);
    dom = parse("<domain><a><b/></a></domain>", &opts, &err);
    ck_assert_msg(dom != NULL, "3 levels refused: %s", err.message);
    domxml_domain_free(dom);

    /* The default is 256 levels. */
    xml = nested(256);
    dom = parse(xml, NULL, &err);
    ck_assert_msg(dom != NULL, "256 levels refused: %s", err.message);
    domxml_domain_free(dom);
    free(xml);
    xml = nested(257);
    parse_fails(xml, NULL, DOMXML_ERR_LIMIT, &err);
    ck_assert_str_eq(err.message, "element <e> nested deeper than 256 levels");
    free(xml);
}
END_TEST

START_TEST(test_size_limit)
{
    static const char xml[] = "<domain><name>x</name></domain>";
    domxml_parse_options opts = {.size = sizeof(domxml_parse_options), .max_size = sizeof(xml) - 2};
    domxml_error err;
    domxml_domain *dom;
    char *path;

    parse_fails(xml, &opts, DOMXML_ERR_LIMIT, &err);
    ck_assert_str_eq(err.message, "input of 31 bytes exceeds the limit of 30");
    opts.max_size = sizeof(xml) - 1;
    dom = parse(xml, &opts, &err);
    ck_assert_msg(dom != NULL, "input of exactly max_size refused: %s", err.message);
    domxml_domain_free(dom);

    opts.max_size = 100;
    path = tu_concat(tu_srcdir(), "/tests/data/core-devices-mix.xml", NULL);
    ck_assert_ptr_null(domxml_parse_file(path, &opts, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_LIMIT);
    free(path);
}
END_TEST

/* A short tag costs more once modelled than its bytes: max_memory bounds
 * that, for an input of less than a fifth of the limit. */
START_TEST(test_memory_limit)
{
    domxml_parse_options opts = {.size = sizeof(domxml_parse_options), .max_memory = 64 << 10};
    size_t n = 1000, len = 0;
    char *xml = malloc(64 + n * 12);
    domxml_error err;
    domxml_domain *dom;

    ck_assert_ptr_nonnull(xml);
    len += (size_t)sprintf(xml, "<domain><devices>");
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(xml + len, "<interface/>");
    len += (size_t)sprintf(xml + len, "</devices></domain>");
    ck_assert_uint_lt(len, (64 << 10) / 5);
    parse_fails(xml, &opts, DOMXML_ERR_LIMIT, &err);
    ck_assert_str_eq(err.message, "the document needs more than 65536 bytes of memory (max_memory)");
    /* At the device that crossed the limit, not at <devices>. */
    ck_assert_msg(strncmp(err.path, "/domain/devices/interface[", 26) == 0, "path %s", err.path);
    ck_assert_uint_eq(err.line, 1);
    ck_assert_uint_gt(err.column, 18);
    opts.max_memory = 0; /* the default, 512 MiB */
    dom = parse(xml, &opts, &err);
    ck_assert_msg(dom != NULL, "refused under the default memory limit: %s", err.message);
    domxml_domain_free(dom);
    free(xml);
}
END_TEST

/* Depth is capped at 1024 whatever max_depth asks. */
START_TEST(test_depth_ceiling)
{
    domxml_parse_options opts = {.size = sizeof(domxml_parse_options), .max_depth = 1000000};
    domxml_error err;
    char *xml = nested(1025);

    parse_fails(xml, &opts, DOMXML_ERR_LIMIT, &err);
    ck_assert_str_eq(err.message, "element <e> nested deeper than 1024 levels");
    free(xml);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Standalone device documents                                          */

START_TEST(test_standalone_interface)
{
    static const char xml[] =
        "<interface type='bridge'>\n"
        "  <mac address='52:54:00:00:00:01'/>\n"
        "  <source bridge='br0'/>\n"
        "  <model type='virtio'/>\n"
        "</interface>\n";
    static const unsigned char mac[6] = {0x52, 0x54, 0x00, 0x00, 0x00, 0x01};
    domxml_error err;
    domxml_domain *dom = parse(xml, NULL, &err);
    const domxml_interface *iface;

    ck_assert_msg(dom != NULL, "%s", err.message);
    ck_assert_int_eq(dom->root->kind, DOMXML_NODE_INTERFACE);
    ck_assert_ptr_null(domxml_domain_devices(dom));
    iface = dom->root->interface;
    ck_assert_ptr_nonnull(iface);
    ck_assert_int_eq(iface->type, DOMXML_INTERFACE_TYPE_BRIDGE);
    ck_assert_ptr_nonnull(iface->mac);
    ck_assert(iface->mac->address.set);
    ck_assert_mem_eq(iface->mac->address.bytes, mac, 6);
    ck_assert_int_eq(iface->mac->type, DOMXML_MAC_TYPE_NONE);
    ck_assert_ptr_null(domxml_meta_extra(dom, &iface->mac->meta));
    ck_assert_uint_eq(iface->mac->meta.line, 2);
    ck_assert_uint_eq(iface->mac->meta.column, 3);
    ck_assert_ptr_nonnull(iface->source);
    ck_assert_str_eq(iface->source->u.bridge.bridge, "br0");
    ck_assert_ptr_null(iface->source->ips);
    ck_assert_ptr_nonnull(iface->model);
    ck_assert_int_eq(iface->model->type, DOMXML_NIC_MODEL_VIRTIO);
    ck_assert_ptr_null(iface->model->custom);
    /* Absent elements are NULL pointers. */
    ck_assert_ptr_null(iface->hostdev_source);
    ck_assert_ptr_null(iface->more); /* none of the rarer children */
    ck_assert_ptr_null(iface->teaming);
    ck_assert_ptr_null(iface->driver);
    ck_assert_ptr_null(iface->info.alias);
    ck_assert_ptr_null(iface->info.address);
    ck_assert_ptr_null(domxml_meta_extra(dom, &iface->meta));
    ck_assert_uint_eq(dom->root->line, 1);
    ck_assert_uint_eq(iface->meta.line, 1);
    domxml_domain_free(dom);
    round_trips(xml);
}
END_TEST

START_TEST(test_standalone_hostdev)
{
    static const char xml[] =
        "<hostdev mode='subsystem' type='pci' managed='yes'>\n"
        "  <driver name='vfio'/>\n"
        "  <source>\n"
        "    <address domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>\n"
        "  </source>\n"
        "  <alias name='ua-vf0'/>\n"
        "</hostdev>\n";
    domxml_error err;
    domxml_domain *dom = parse(xml, NULL, &err);
    const domxml_hostdev *h;

    ck_assert_msg(dom != NULL, "%s", err.message);
    ck_assert_int_eq(dom->root->kind, DOMXML_NODE_HOSTDEV);
    h = dom->root->hostdev;
    ck_assert_ptr_nonnull(h);
    ck_assert_int_eq(h->mode, DOMXML_HOSTDEV_MODE_SUBSYSTEM);
    ck_assert_int_eq(h->type, DOMXML_HOSTDEV_TYPE_PCI);
    ck_assert_int_eq(h->managed, DOMXML_TRISTATE_BOOL_YES);
    ck_assert_ptr_nonnull(h->driver);
    ck_assert_int_eq(h->driver->name, DOMXML_HOSTDEV_BACKEND_VFIO);
    ck_assert_ptr_nonnull(h->source);
    ck_assert_ptr_nonnull(h->source->address);
    ck_assert_int_eq(h->source->address->type, DOMXML_ADDRESS_TYPE_NONE);
    ck_assert(h->source->address->u.pci.domain.set);
    ck_assert_uint_eq(h->source->address->u.pci.domain.value, 0);
    ck_assert(h->source->address->u.pci.bus.set);
    ck_assert_uint_eq(h->source->address->u.pci.bus.value, 0x81);
    ck_assert_uint_eq(h->source->address->u.pci.slot.value, 0x10);
    ck_assert_uint_eq(h->source->address->u.pci.function.value, 2);
    ck_assert_ptr_nonnull(h->info.alias);
    ck_assert_str_eq(h->info.alias->name, "ua-vf0");
    ck_assert_ptr_null(h->info.address);
    ck_assert_ptr_null(h->teaming);
    domxml_domain_free(dom);
    round_trips(xml);
}
END_TEST

START_TEST(test_encoding_declaration)
{
    /* A non-UTF-8 declaration is rewritten: the output is always UTF-8. */
    static const char latin1[] = "<?xml version='1.0' encoding='ISO-8859-1'?>\n"
                                 "<domain>\n  <name>caf\xe9</name>\n</domain>\n";
    domxml_error err;
    size_t len = 0;
    char *out = tu_round_trip(latin1, strlen(latin1), "latin1.xml", &err, &len);

    ck_assert_msg(out != NULL, "%s", err.message);
    ck_assert_str_eq(out, "<?xml version='1.0' encoding='UTF-8'?>\n"
                          "<domain>\n  <name>caf\xc3\xa9</name>\n</domain>\n");
    free(out);
    round_trips("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<domain/>\n");
}
END_TEST

/* Hand-built trees that cannot be written are refused with the reason, the
 * same from domxml_domain_check() and domxml_format(). */
static void expect_format_error(domxml_domain *dom, domxml_error_code code, const char *message,
                                const char *path)
{
    domxml_error err, check;
    size_t len = 4321;

    ck_assert_ptr_null(domxml_format(dom, &len, &err));
    ck_assert_uint_eq(len, 4321);
    ck_assert_msg(err.code == code, "code %d (%s), expected %d: %s", err.code,
                  domxml_error_code_to_string(err.code), code, err.message);
    ck_assert_str_eq(err.message, message);
    if (path)
        ck_assert_str_eq(err.path, path);
    ck_assert_int_eq(domxml_domain_check(dom, &check), -1);
    ck_assert_int_eq(check.code, err.code);
    ck_assert_str_eq(check.message, err.message);
    ck_assert_str_eq(check.path, err.path);
    ck_assert_uint_eq(check.line, err.line);
    ck_assert_uint_eq(check.column, err.column);
}

START_TEST(test_format_hand_built_errors)
{
    domxml_error err;
    domxml_domain *dom = parse("<domain><devices><interface type='user'><foo/></interface>"
                               "</devices></domain>",
                               NULL, &err);
    domxml_node *devices, *iface, *n, *deep, *foo;
    domxml_interface *model;
    domxml_extra *extra;
    char *out;

    ck_assert_msg(dom != NULL, "%s", err.message);
    tu_track_domain(dom);
    devices = domxml_domain_devices(dom);
    iface = devices->children;
    ck_assert_int_eq(iface->kind, DOMXML_NODE_INTERFACE);
    ck_assert_int_eq(domxml_domain_check(dom, &err), 0);
    ck_assert_int_eq(err.code, DOMXML_OK);

    /* A comment that XML cannot carry; its error is at its parent element. */
    n = domxml_node_new(dom, DOMXML_NODE_COMMENT);
    n->text = "a -- b";
    devices->children = n;
    n->next = iface;
    expect_format_error(dom, DOMXML_ERR_VALUE,
                        "a comment that is missing, contains '--', ends in '-' or holds bytes "
                        "that are not XML text",
                        "/domain/devices");
    ck_assert_int_eq(domxml_domain_check(dom, &err), -1);
    ck_assert_uint_eq(err.line, 1); /* <devices> came from the input */
    ck_assert_uint_eq(err.column, 9);
    n->text = "ends-";
    expect_format_error(dom, DOMXML_ERR_VALUE,
                        "a comment that is missing, contains '--', ends in '-' or holds bytes "
                        "that are not XML text",
                        "/domain/devices");
    n->text = "fine";
    out = domxml_format(dom, NULL, &err);
    ck_assert_msg(out != NULL, "%s", err.message);
    ck_assert_str_eq(out, "<domain>\n"
                          "  <devices>\n"
                          "    <!--fine-->\n"
                          "    <interface type='user'>\n"
                          "      <foo/>\n"
                          "    </interface>\n"
                          "  </devices>\n"
                          "</domain>\n");
    domxml_string_free(out);

    /* Text among a modelled element's unknown children. */
    extra = domxml_meta_extra(dom, &iface->interface->meta);
    ck_assert_ptr_nonnull(extra);
    ck_assert_ptr_null(extra->attrs);
    foo = extra->children;
    ck_assert_ptr_nonnull(foo);
    ck_assert_str_eq(foo->name, "foo");
    n = domxml_node_new(dom, DOMXML_NODE_TEXT);
    n->text = "loose";
    n->next = foo;
    extra->children = n;
    expect_format_error(dom, DOMXML_ERR_CONTENT, "text is not allowed in <interface>",
                        "/domain/devices/interface");
    extra->children = foo;

    /* A device node without its struct. */
    model = iface->interface;
    iface->interface = NULL;
    expect_format_error(dom, DOMXML_ERR_INVALID_ARG, "a device node without its struct",
                        "/domain/devices");
    iface->interface = model;
    ck_assert_ptr_null(domxml_node_new(dom, DOMXML_NODE_INTERFACE));
    ck_assert_ptr_null(domxml_node_new(dom, DOMXML_NODE_HOSTDEV));
    ck_assert_int_eq(domxml_domain_check(dom, &err), 0);

    /* 1024 levels (<domain>, <devices>, 1022 <e>) are written and read
     * back; one more is deeper than any parse allows, and so are 1100. */
    devices->children = NULL;
    deep = devices;
    for (int i = 0; i < 1022; i++) {
        n = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
        n->name = "e";
        deep->children = n;
        deep = n;
    }
    out = domxml_format(dom, NULL, &err);
    ck_assert_msg(out != NULL, "1024 levels refused: %s", err.message);
    {
        domxml_parse_options opts;
        domxml_domain *back;

        domxml_parse_options_init(&opts);
        opts.max_depth = 1024;
        back = domxml_parse_buffer(out, strlen(out), "deep.xml", &opts, &err);
        ck_assert_msg(back != NULL, "1024 levels do not parse back: %s", err.message);
        domxml_domain_free(back);
    }
    domxml_string_free(out);
    for (int i = 1022; i < 1100; i++) {
        n = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
        n->name = "e";
        deep->children = n;
        deep = n;
        if (i == 1022)
            expect_format_error(dom, DOMXML_ERR_LIMIT,
                                "the tree is nested deeper than 1024 levels", NULL);
    }
    expect_format_error(dom, DOMXML_ERR_LIMIT, "the tree is nested deeper than 1024 levels", NULL);
    ck_assert_int_eq(domxml_domain_check(dom, &err), -1);
    ck_assert_msg(strncmp(err.path, "/domain/devices/e/e/e/", 22) == 0, "path %s", err.path);
}
END_TEST

START_TEST(test_format_invalid_enum)
{
    char msg[128];
    domxml_error err;
    domxml_domain *dom = parse("<interface type='user'/>", NULL, &err);

    ck_assert_msg(dom != NULL, "%s", err.message);
    tu_track_domain(dom);
    dom->root->interface->type = (domxml_interface_type)99;
    expect_format_error(dom, DOMXML_ERR_VALUE,
                        "attribute 'type' of <interface> holds 99, which is not a value of its "
                        "enum",
                        "/interface");
    ck_assert_int_eq(domxml_domain_check(dom, &err), -1);
    ck_assert_uint_eq(err.line, 1); /* the element came from the input */
    ck_assert_uint_eq(err.column, 1);
    dom->root->interface->type = (domxml_interface_type)-1;
    expect_format_error(dom, DOMXML_ERR_VALUE,
                        "attribute 'type' of <interface> holds -1, which is not a value of its "
                        "enum",
                        "/interface");
    dom->root->interface->type = DOMXML_INTERFACE_TYPE_LAST;
    snprintf(msg, sizeof(msg),
             "attribute 'type' of <interface> holds %d, which is not a value of its enum",
             (int)DOMXML_INTERFACE_TYPE_LAST);
    expect_format_error(dom, DOMXML_ERR_VALUE, msg, "/interface");
    dom->root->interface->type = DOMXML_INTERFACE_TYPE_HOSTDEV; /* no <source>: another rule */
    expect_format_error(dom, DOMXML_ERR_MISSING,
                        "<interface type='hostdev'> needs a <source> element", "/interface");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Teaming                                                              */

#define DOMAIN(devices)                                                        \
    "<domain type='kvm'>\n"                                                    \
    "  <name>teaming</name>\n"                                                 \
    "  <devices>\n" devices "  </devices>\n"                                   \
    "</domain>\n"
#define PERSISTENT(alias)                                                      \
    "    <interface type='network'>\n"                                         \
    "      <mac address='52:54:00:00:00:01'/>\n"                               \
    "      <source network='default'/>\n"                                      \
    "      <model type='virtio'/>\n"                                           \
    "      <teaming type='persistent'/>\n"                                     \
    "      <alias name='" alias "'/>\n"                                        \
    "    </interface>\n"
#define TRANSIENT_PCI(teaming)                                                 \
    "    <hostdev mode='subsystem' type='pci' managed='yes'>\n"                \
    "      <source>\n"                                                         \
    "        <address domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>\n" \
    "      </source>\n"                                                        \
    "      " teaming "\n"                                                      \
    "    </hostdev>\n"

/* The <devices> children that are INTERFACE or HOSTDEV nodes, in order. */
static domxml_node *nth_device(domxml_domain *dom, unsigned n)
{
    domxml_node *devices = domxml_domain_devices(dom);

    ck_assert_ptr_nonnull(devices);
    for (domxml_node *c = devices->children; c; c = c->next) {
        if ((c->kind == DOMXML_NODE_INTERFACE || c->kind == DOMXML_NODE_HOSTDEV) && n-- == 0)
            return c;
    }
    ck_abort_msg("no device %u", n);
    return NULL;
}

START_TEST(test_teaming_link)
{
    static const char xml[] =
        DOMAIN(PERSISTENT("ua-p")
               TRANSIENT_PCI("<teaming type='transient' persistent='ua-p'/>"));
    domxml_parse_options opts = {.size = sizeof(domxml_parse_options), .flags = DOMXML_PARSE_NO_TEAMING_LINK};
    domxml_error err;
    domxml_domain *dom = parse(xml, NULL, &err);
    domxml_node *iface, *hostdev;

    ck_assert_msg(dom != NULL, "%s", err.message);
    iface = nth_device(dom, 0);
    hostdev = nth_device(dom, 1);
    ck_assert_int_eq(iface->kind, DOMXML_NODE_INTERFACE);
    ck_assert_int_eq(hostdev->kind, DOMXML_NODE_HOSTDEV);
    ck_assert_int_eq(iface->interface->teaming->type, DOMXML_TEAMING_TYPE_PERSISTENT);
    ck_assert_int_eq(hostdev->hostdev->teaming->type, DOMXML_TEAMING_TYPE_TRANSIENT);
    ck_assert_str_eq(hostdev->hostdev->teaming->persistent, "ua-p");
    ck_assert_ptr_eq(hostdev->hostdev->teaming->peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming->peer, hostdev);
    ck_assert_ptr_eq(domxml_teaming_peer(iface), hostdev);
    ck_assert_ptr_eq(domxml_teaming_peer(hostdev), iface);
    ck_assert_ptr_eq(domxml_teaming_next_pair(dom, NULL), iface);
    ck_assert_ptr_null(domxml_teaming_next_pair(dom, iface));
    /* Linking again gives the same result. */
    ck_assert_int_eq(domxml_domain_link_teaming(dom, &err), 0);
    ck_assert_ptr_eq(hostdev->hostdev->teaming->peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming->peer, hostdev);
    domxml_domain_free(dom);
    round_trips(xml);

    /* DOMXML_PARSE_NO_TEAMING_LINK leaves the peers NULL until linked. */
    dom = parse(xml, &opts, &err);
    ck_assert_msg(dom != NULL, "%s", err.message);
    iface = nth_device(dom, 0);
    hostdev = nth_device(dom, 1);
    ck_assert_ptr_null(iface->interface->teaming->peer);
    ck_assert_ptr_null(hostdev->hostdev->teaming->peer);
    ck_assert_ptr_null(domxml_teaming_next_pair(dom, NULL));
    ck_assert_int_eq(domxml_domain_link_teaming(dom, &err), 0);
    ck_assert_ptr_eq(hostdev->hostdev->teaming->peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming->peer, hostdev);
    domxml_domain_free(dom);
}
END_TEST

START_TEST(test_teaming_interface_transient)
{
    /* The transient member may be an <interface type='hostdev'>. */
    static const char xml[] = DOMAIN(
        PERSISTENT("ua-p")
        "    <interface type='hostdev' managed='yes'>\n"
        "      <mac address='52:54:00:00:00:02'/>\n"
        "      <source>\n"
        "        <address type='pci' domain='0x0000' bus='0x81' slot='0x10' function='0x3'/>\n"
        "      </source>\n"
        "      <teaming type='transient' persistent='ua-p'/>\n"
        "    </interface>\n");
    domxml_error err;
    domxml_domain *dom = parse(xml, NULL, &err);

    ck_assert_msg(dom != NULL, "%s", err.message);
    ck_assert_ptr_eq(nth_device(dom, 0)->interface->teaming->peer, nth_device(dom, 1));
    ck_assert_ptr_eq(nth_device(dom, 1)->interface->teaming->peer, nth_device(dom, 0));
    domxml_domain_free(dom);
    round_trips(xml);
}
END_TEST

START_TEST(test_teaming_standalone)
{
    /* A standalone transient member (a hot-plug document) names a device
     * outside the document: accepted, with no peer. */
    static const char xml[] =
        "<hostdev mode='subsystem' type='pci' managed='yes'>\n"
        "  <source>\n"
        "    <address domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>\n"
        "  </source>\n"
        "  <teaming type='transient' persistent='ua-p'/>\n"
        "</hostdev>\n";
    domxml_error err;
    domxml_domain *dom = parse(xml, NULL, &err);

    ck_assert_msg(dom != NULL, "%s", err.message);
    ck_assert_int_eq(dom->root->hostdev->teaming->type, DOMXML_TEAMING_TYPE_TRANSIENT);
    ck_assert_ptr_null(dom->root->hostdev->teaming->peer);
    ck_assert_ptr_null(domxml_teaming_peer(dom->root));
    ck_assert_ptr_null(domxml_teaming_next_pair(dom, NULL));
    domxml_domain_free(dom);
    round_trips(xml);
}
END_TEST

/* A teaming problem: `message`/`path` are what domxml_domain_link_teaming()
 * says. A member that breaks its own rules does not parse (diag NULL); a
 * problem across devices parses (lenient) and validation reports `diag` at
 * `diag_path`. */
typedef struct teaming_error {
    const char *what;
    const char *xml;
    const char *message;
    const char *path;
    const char *diag;
    const char *diag_path;
} teaming_error;

static const teaming_error teaming_errors[] = {
    {"unknown alias",
     DOMAIN(PERSISTENT("ua-p") TRANSIENT_PCI("<teaming type='transient' persistent='ua-x'/>")),
     "<hostdev> teaming names persistent device 'ua-x', but no device has that alias",
     "/domain/devices/hostdev/teaming", "teaming.partner-missing",
     "/domain/devices/hostdev/teaming"},
    {"transient without persistent attribute",
     DOMAIN(PERSISTENT("ua-p") TRANSIENT_PCI("<teaming type='transient'/>")),
     "<hostdev> with teaming type='transient' needs the 'persistent' attribute naming its "
     "partner's alias",
     "/domain/devices/hostdev/teaming", NULL, NULL},
    {"transient naming a device without persistent teaming",
     DOMAIN("    <interface type='network'>\n"
            "      <source network='default'/>\n"
            "      <model type='virtio'/>\n"
            "      <alias name='ua-p'/>\n"
            "    </interface>\n"
            TRANSIENT_PCI("<teaming type='transient' persistent='ua-p'/>")),
     "<hostdev> teaming names 'ua-p', which is not an <interface> with "
     "<teaming type='persistent'/>",
     "/domain/devices/hostdev/teaming", "teaming.partner-not-persistent",
     "/domain/devices/hostdev/teaming"},
    {"two transients naming the same persistent",
     DOMAIN(PERSISTENT("ua-p")
            TRANSIENT_PCI("<teaming type='transient' persistent='ua-p'/>")
            TRANSIENT_PCI("<teaming type='transient' persistent='ua-p'/>")),
     "<hostdev> teaming names 'ua-p', which already has a transient member",
     "/domain/devices/hostdev[2]/teaming", "teaming.partner-shared",
     "/domain/devices/hostdev[2]/teaming"},
    {"teaming on a usb hostdev",
     DOMAIN(PERSISTENT("ua-p")
            "    <hostdev mode='subsystem' type='usb'>\n"
            "      <source>\n"
            "        <vendor id='0x1234'/>\n"
            "        <product id='0xbeef'/>\n"
            "      </source>\n"
            "      <teaming type='transient' persistent='ua-p'/>\n"
            "    </hostdev>\n"),
     "<hostdev> teaming is supported only for PCI host devices",
     "/domain/devices/hostdev/teaming", NULL, NULL},
    {"persistent hostdev",
     DOMAIN(TRANSIENT_PCI("<teaming type='persistent'/>")),
     "<hostdev> teaming must be type='transient'",
     "/domain/devices/hostdev/teaming", NULL, NULL},
    {"persistent with a persistent attribute",
     DOMAIN("    <interface type='network'>\n"
            "      <source network='default'/>\n"
            "      <model type='virtio'/>\n"
            "      <teaming type='persistent' persistent='x'/>\n"
            "    </interface>\n"),
     "<interface> with teaming type='persistent' must not have a 'persistent' attribute "
     "(found 'x')",
     "/domain/devices/interface/teaming", NULL, NULL},
    {"alias used twice",
     DOMAIN(PERSISTENT("ua-p") PERSISTENT("ua-p")
            TRANSIENT_PCI("<teaming type='transient' persistent='ua-p'/>")),
     "<hostdev> teaming names alias 'ua-p', which several devices use",
     "/domain/devices/hostdev/teaming", "alias.duplicate",
     "/domain/devices/interface[2]/alias"},
    {"standalone usb hostdev with teaming",
     "<hostdev mode='subsystem' type='usb'>\n"
     "  <source>\n"
     "    <vendor id='0x1234'/>\n"
     "    <product id='0xbeef'/>\n"
     "  </source>\n"
     "  <teaming type='transient' persistent='ua-p'/>\n"
     "</hostdev>\n",
     "<hostdev> teaming is supported only for PCI host devices",
     "/hostdev/teaming", NULL, NULL},
};

START_TEST(test_teaming_errors)
{
    const teaming_error *t = &teaming_errors[_i];
    domxml_parse_options opts = {.size = sizeof(domxml_parse_options), .flags = DOMXML_PARSE_NO_TEAMING_LINK};
    domxml_error err;
    domxml_domain *dom = parse(t->xml, NULL, &err);

    if (t->diag) {
        /* Lenient parse; validation names the problem. */
        domxml_diagnostics *ds;
        bool found = false;

        ck_assert_msg(dom != NULL, "%s: parsing failed: %s", t->what, err.message);
        ds = domxml_domain_validate(dom, &err);
        ck_assert_ptr_nonnull(ds);
        for (size_t i = 0; i < ds->count; i++)
            found |= strcmp(ds->items[i].code, t->diag) == 0 &&
                     strcmp(ds->items[i].path, t->diag_path) == 0 &&
                     ds->items[i].severity == DOMXML_SEVERITY_ERROR && ds->items[i].line > 0;
        ck_assert_msg(found, "%s: no error %s at %s among %zu diagnostics", t->what, t->diag,
                      t->diag_path, ds->count);
        domxml_diagnostics_free(ds);
        domxml_domain_free(dom);
        dom = NULL;
    }
    if (dom) {
        domxml_domain_free(dom);
        ck_abort_msg("%s: parsing succeeded", t->what);
    } else if (t->diag) {
        goto link;
    }
    ck_assert_msg(err.code == DOMXML_ERR_TEAMING, "%s: code %d: %s", t->what, err.code,
                  err.message);
    ck_assert_msg(strcmp(err.message, t->message) == 0, "%s: message \"%s\"", t->what,
                  err.message);
    ck_assert_msg(strcmp(err.path, t->path) == 0, "%s: path \"%s\"", t->what, err.path);
    ck_assert_msg(err.line > 0 && err.column > 0, "%s: no position", t->what);
    ck_assert_str_eq(err.source, "test.xml");

link:
    /* The same verdict from domxml_domain_link_teaming() after an unlinked parse. */
    dom = parse(t->xml, &opts, &err);
    ck_assert_msg(dom != NULL, "%s: unlinked parse failed: %s", t->what, err.message);
    ck_assert_int_eq(domxml_domain_link_teaming(dom, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_TEAMING);
    ck_assert_str_eq(err.message, t->message);
    ck_assert_str_eq(err.path, t->path);
    domxml_domain_free(dom);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Helpers for the v2 API tests                                          */

static domxml_uint uset(unsigned v)
{
    return (domxml_uint){v, true};
}

/* The group of an interface's rarer children, made on first use. */
static domxml_interface_more *more_of(domxml_domain *dom, domxml_interface *i)
{
    if (!i->more)
        i->more = domxml_interface_more_new(dom);
    ck_assert_ptr_nonnull(i->more);
    return i->more;
}

/* Parse or fail the test; the domain is freed after the test. */
static domxml_domain *parse_ok(const char *xml)
{
    domxml_error err;
    domxml_domain *dom = parse(xml, NULL, &err);
    char line[1024];

    if (!dom) {
        tu_format_error(&err, line, sizeof(line));
        ck_abort_msg("parse failed: %s", line);
    }
    return tu_track_domain(dom);
}

/* Format or fail; a malloc'ed copy, freed after the test. */
static char *format_ok(const domxml_domain *dom)
{
    domxml_error err;
    size_t len = 0;
    char *out = domxml_format(dom, &len, &err);
    char *copy;

    ck_assert_msg(out != NULL, "format failed: %s (at %s)", err.message, err.path);
    ck_assert_uint_eq(len, strlen(out));
    copy = tu_track(malloc(len + 1));
    ck_assert_ptr_nonnull(copy);
    memcpy(copy, out, len + 1);
    domxml_string_free(out);
    return copy;
}

static void assert_same_text(const char *expected, const char *actual)
{
    char diff[1024];

    ck_assert_msg(tu_compare(expected, strlen(expected), actual, strlen(actual), diff,
                             sizeof(diff)),
                  "output differs: %s", diff);
}

/* An empty <domain><devices/></domain> built by hand. */
static domxml_domain *new_domain(domxml_node **devices)
{
    domxml_domain *dom = tu_track_domain(domxml_domain_new(NULL));
    domxml_node *root;

    ck_assert_ptr_nonnull(dom);
    root = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
    *devices = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
    ck_assert_ptr_nonnull(root);
    ck_assert_ptr_nonnull(*devices);
    root->name = "domain";
    (*devices)->name = "devices";
    root->children = *devices;
    dom->root = root;
    return dom;
}

/* Link a node at the end of parent's children, by hand (no teaming link). */
static domxml_node *add_child(domxml_node *parent, domxml_node *n)
{
    domxml_node **slot = &parent->children;

    ck_assert_ptr_nonnull(n);
    while (*slot)
        slot = &(*slot)->next;
    *slot = n;
    return n;
}

static unsigned count_children(const domxml_node *parent)
{
    unsigned n = 0;

    for (const domxml_node *c = parent->children; c && n < 10000; c = c->next)
        n++;
    return n;
}

/* Every element builder: a zeroed struct from the domain, NULL without one. */
#define CHECK_BUILDER(type)                                                    \
    do {                                                                       \
        domxml_##type *p_ = domxml_##type##_new(dom);                          \
        static const domxml_##type zero_;                                      \
        ck_assert_msg(p_ != NULL, "domxml_" #type "_new() is NULL");           \
        ck_assert_msg(memcmp(p_, &zero_, sizeof(zero_)) == 0,                  \
                      "domxml_" #type "_new() is not zeroed");                 \
        ck_assert_msg(domxml_##type##_new(dom) != p_, "domxml_" #type "_new() twice"); \
        ck_assert_ptr_null(domxml_##type##_new(NULL));                         \
        count++;                                                               \
    } while (0)

/* The generic-element helpers: a skeleton, attributes replaced in place,
 * and every refusal their declaration lists. */
START_TEST(test_element_helpers)
{
    domxml_domain *dom = domxml_domain_new(NULL);
    domxml_node *root, *os, *type, *devices, *text, *nic;
    domxml_error err;
    char *xml;

    ck_assert_ptr_nonnull(dom);
    ck_assert_ptr_null(domxml_element_append(NULL, NULL, "domain", NULL));
    ck_assert_ptr_null(domxml_element_append(dom, NULL, "", NULL));
    ck_assert_ptr_nonnull(root = domxml_element_append(dom, NULL, "domain", NULL));
    ck_assert_ptr_eq(dom->root, root);
    ck_assert_ptr_null(domxml_element_append(dom, NULL, "domain", NULL)); /* root set */
    ck_assert_int_eq(domxml_element_set_attr(dom, root, "type", "qemu"), 0);
    ck_assert_int_eq(domxml_element_set_attr(dom, root, "type", "kvm"), 0); /* replaced */
    ck_assert_ptr_null(root->attrs->next);
    ck_assert_str_eq(domxml_node_attr(root, "type"), "kvm");
    ck_assert_ptr_nonnull(domxml_element_append(dom, root, "name", "g"));
    ck_assert_ptr_nonnull(os = domxml_element_append(dom, root, "os", NULL));
    ck_assert_ptr_nonnull(type = domxml_element_append(dom, os, "type", "hvm"));
    ck_assert_int_eq(domxml_element_set_attr(dom, type, "arch", "x86_64"), 0);
    ck_assert_int_eq(domxml_element_set_attr(dom, type, "machine", "q35"), 0);
    ck_assert_ptr_nonnull(devices = domxml_element_append(dom, root, "devices", NULL));
    /* A text node is not a parent; attributes need an element, a name and a value. */
    text = type->children;
    ck_assert_ptr_null(domxml_element_append(dom, text, "x", NULL));
    ck_assert_int_eq(domxml_element_set_attr(dom, text, "a", "b"), -1);
    ck_assert_int_eq(domxml_element_set_attr(dom, type, "", "b"), -1);
    ck_assert_int_eq(domxml_element_set_attr(dom, type, "a", NULL), -1);
    /* append_child: a comment goes in; devices, linked nodes and non-elements do not. */
    domxml_node *c = domxml_node_new(dom, DOMXML_NODE_COMMENT);
    ck_assert_ptr_nonnull(c);
    c->text = " ports ";
    ck_assert_int_eq(domxml_node_append_child(devices, c), 0);
    ck_assert_int_eq(domxml_node_append_child(devices, c), -1); /* already its child */
    nic = domxml_interface_node_new(dom);
    ck_assert_int_eq(domxml_node_append_child(devices, nic), -1);
    ck_assert_int_eq(domxml_node_append_child(text, c), -1);
    ck_assert_int_eq(domxml_node_append_child(devices, devices), -1);
    nic->interface->type = DOMXML_INTERFACE_TYPE_USER;
    ck_assert_int_eq(domxml_device_append(dom, nic, &err), 0);

    xml = domxml_format(dom, NULL, &err);
    ck_assert_msg(xml != NULL, "format: %s (at %s)", err.message, err.path);
    ck_assert_str_eq(xml, "<domain type='kvm'>\n"
                          "  <name>g</name>\n"
                          "  <os>\n"
                          "    <type arch='x86_64' machine='q35'>hvm</type>\n"
                          "  </os>\n"
                          "  <devices>\n"
                          "    <!-- ports -->\n"
                          "    <interface type='user'/>\n"
                          "  </devices>\n"
                          "</domain>\n");
    domxml_string_free(xml);
    domxml_domain_free(dom);
}
END_TEST

START_TEST(test_builders)
{
    domxml_domain *dom = tu_track_domain(domxml_domain_new(NULL));
    domxml_node *n;
    unsigned count = 0;

    ck_assert_ptr_nonnull(dom);
    CHECK_BUILDER(address);
    CHECK_BUILDER(zpci);
    CHECK_BUILDER(boot);
    CHECK_BUILDER(alias);
    CHECK_BUILDER(master);
    CHECK_BUILDER(rom);
    CHECK_BUILDER(acpi);
    CHECK_BUILDER(teaming);
    CHECK_BUILDER(ip);
    CHECK_BUILDER(route);
    CHECK_BUILDER(hostdev_driver);
    CHECK_BUILDER(hostdev_source);
    CHECK_BUILDER(hostdev_address);
    CHECK_BUILDER(usb_id);
    CHECK_BUILDER(scsi_adapter);
    CHECK_BUILDER(iscsi_host);
    CHECK_BUILDER(secret);
    CHECK_BUILDER(iscsi_auth);
    CHECK_BUILDER(iqn);
    CHECK_BUILDER(iscsi_initiator);
    CHECK_BUILDER(text_element);
    CHECK_BUILDER(flag);
    CHECK_BUILDER(mac);
    CHECK_BUILDER(reconnect);
    CHECK_BUILDER(socket_local);
    CHECK_BUILDER(interface_source);
    CHECK_BUILDER(vlan);
    CHECK_BUILDER(vlan_tag);
    CHECK_BUILDER(virtualport);
    CHECK_BUILDER(virtualport_params);
    CHECK_BUILDER(bandwidth);
    CHECK_BUILDER(bandwidth_rate);
    CHECK_BUILDER(port);
    CHECK_BUILDER(path_element);
    CHECK_BUILDER(name_element);
    CHECK_BUILDER(target);
    CHECK_BUILDER(guest);
    CHECK_BUILDER(model);
    CHECK_BUILDER(net_driver);
    CHECK_BUILDER(net_driver_host);
    CHECK_BUILDER(net_driver_guest);
    CHECK_BUILDER(net_backend);
    CHECK_BUILDER(port_forward);
    CHECK_BUILDER(port_forward_range);
    CHECK_BUILDER(filterref);
    CHECK_BUILDER(filter_param);
    CHECK_BUILDER(tune);
    CHECK_BUILDER(sndbuf);
    CHECK_BUILDER(link);
    CHECK_BUILDER(mtu);
    CHECK_BUILDER(coalesce);
    CHECK_BUILDER(coalesce_rx);
    CHECK_BUILDER(coalesce_frames);
    CHECK_BUILDER(extra);
    CHECK_BUILDER(hostdev_more);
    CHECK_BUILDER(interface_more);
    ck_assert_uint_eq(count, 56);

    /* Device nodes come with their zeroed struct; generic nodes are zeroed
     * but for their kind. */
    n = domxml_interface_node_new(dom);
    ck_assert_ptr_nonnull(n);
    ck_assert_int_eq(n->kind, DOMXML_NODE_INTERFACE);
    ck_assert_ptr_nonnull(n->interface);
    ck_assert_ptr_null(n->next);
    ck_assert_int_eq(n->interface->type, DOMXML_INTERFACE_TYPE_NONE);
    ck_assert_ptr_null(n->interface->mac);
    ck_assert_ptr_null(n->interface->info.address);
    n = domxml_hostdev_node_new(dom);
    ck_assert_ptr_nonnull(n);
    ck_assert_int_eq(n->kind, DOMXML_NODE_HOSTDEV);
    ck_assert_ptr_nonnull(n->hostdev);
    ck_assert_ptr_null(n->hostdev->source);
    ck_assert_ptr_null(n->hostdev->more);
    n = domxml_node_new(dom, DOMXML_NODE_PI);
    ck_assert_ptr_nonnull(n);
    ck_assert_int_eq(n->kind, DOMXML_NODE_PI);
    ck_assert_ptr_null(n->name);
    ck_assert_uint_eq(n->line, 0);
}
END_TEST

/* Unknown content of a modelled element, built by hand: kept out of line,
 * keyed by the element's meta, written at its anchors, read back. */
START_TEST(test_extra_content)
{
    static const char expect[] =
        "<interface x-first='a' type='user' x-custom='1 &amp; 2'>\n"
        "  <foo bar='baz'/>\n"
        "  <model type='virtio'/>\n"
        "</interface>\n";
    domxml_domain *dom = tu_track_domain(domxml_domain_new(NULL));
    domxml_node *n = domxml_interface_node_new(dom), *foo;
    domxml_interface *i = n->interface;
    domxml_extra *x = domxml_extra_new(dom), *got;
    domxml_extra_attr *first = domxml_extra_attr_new(dom, "x-first", "a");
    domxml_extra_attr *custom = domxml_extra_attr_new(dom, "x-custom", "1 & 2");
    domxml_extra_attr *dup;
    domxml_domain *back;

    ck_assert_ptr_nonnull(x);
    ck_assert_ptr_nonnull(first);
    ck_assert_ptr_nonnull(custom);
    ck_assert_uint_eq(first->anchor, 0);
    ck_assert_ptr_null(domxml_extra_attr_new(dom, NULL, "a"));
    ck_assert_ptr_null(domxml_extra_attr_new(dom, "a", NULL));
    ck_assert_ptr_null(domxml_extra_attr_new(NULL, "a", "b"));
    dom->root = n;
    i->type = DOMXML_INTERFACE_TYPE_USER;
    i->model = domxml_model_new(dom);
    i->model->type = DOMXML_NIC_MODEL_VIRTIO;
    custom->anchor = 1; /* after type= */
    first->next = custom;
    x->attrs = first;
    foo = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
    foo->name = "foo";
    foo->attrs = domxml_attr_new(dom, "bar", "baz");
    foo->anchor = 0; /* before every known child */
    x->children = foo;

    ck_assert_ptr_null(domxml_meta_extra(dom, &i->meta));
    ck_assert_int_eq(domxml_meta_set_extra(dom, &i->meta, x), 0);
    ck_assert_ptr_eq(domxml_meta_extra(dom, &i->meta), x);
    ck_assert_ptr_null(domxml_meta_extra(dom, &i->model->meta));
    assert_same_text(expect, format_ok(dom));

    /* Read back: the same content at the same anchors. */
    back = parse_ok(expect);
    got = domxml_meta_extra(back, &back->root->interface->meta);
    ck_assert_ptr_nonnull(got);
    ck_assert_ptr_nonnull(got->attrs);
    ck_assert_str_eq(got->attrs->name, "x-first");
    ck_assert_uint_eq(got->attrs->anchor, 0);
    ck_assert_ptr_nonnull(got->attrs->next);
    ck_assert_str_eq(got->attrs->next->name, "x-custom");
    ck_assert_str_eq(got->attrs->next->value, "1 & 2");
    ck_assert_uint_eq(got->attrs->next->anchor, 1);
    ck_assert_ptr_null(got->attrs->next->next);
    ck_assert_ptr_nonnull(got->children);
    ck_assert_str_eq(got->children->name, "foo");
    ck_assert_uint_eq(got->children->anchor, 0);
    ck_assert_ptr_null(domxml_meta_extra(back, &back->root->interface->model->meta));
    assert_same_text(expect, format_ok(back));

    /* A kept attribute named like a known one, or twice: refused. */
    dup = domxml_extra_attr_new(dom, "managed", "yes");
    custom->next = dup;
    expect_format_error(dom, DOMXML_ERR_DUPLICATE, "duplicate attribute 'managed' in <interface>",
                        "/interface");
    dup->name = "x-first";
    expect_format_error(dom, DOMXML_ERR_DUPLICATE, "duplicate attribute 'x-first' in <interface>",
                        "/interface");
    dup->name = "1bad";
    expect_format_error(dom, DOMXML_ERR_VALUE,
                        "a kept attribute of <interface> has a name or value XML cannot carry",
                        "/interface");
    custom->next = NULL;

    /* Removed: the element is written without it. */
    ck_assert_int_eq(domxml_meta_set_extra(dom, &i->meta, NULL), 0);
    ck_assert_ptr_null(domxml_meta_extra(dom, &i->meta));
    assert_same_text("<interface type='user'>\n  <model type='virtio'/>\n</interface>\n",
                     format_ok(dom));
    ck_assert_int_eq(domxml_meta_set_extra(dom, &i->meta, x), 0); /* and again */
    assert_same_text(expect, format_ok(dom));
    ck_assert_int_eq(domxml_meta_set_extra(dom, NULL, x), -1);
    ck_assert_int_eq(domxml_meta_set_extra(NULL, &i->meta, x), -1);
    ck_assert_ptr_null(domxml_meta_extra(NULL, &i->meta));
    ck_assert_ptr_null(domxml_meta_extra(dom, NULL));
}
END_TEST

/* ------------------------------------------------------------------ */
/* Walking the devices                                                   */

static const char iter_xml[] =
    "<domain type='kvm'>\n"
    "  <name>iter</name>\n"
    "  <devices>\n"
    "    <!-- first -->\n"
    "    <interface type='user'>\n"
    "      <alias name='ua-a'/>\n"
    "    </interface>\n"
    "    loose text\n"
    "    <disk type='file' device='disk'/>\n"
    "    <hostdev mode='subsystem' type='pci'>\n"
    "      <source>\n"
    "        <address domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>\n"
    "      </source>\n"
    "      <alias name='ua-b'/>\n"
    "    </hostdev>\n"
    "    <?pi data?>\n"
    "    <interface type='user'>\n"
    "      <alias name='ua-c'/>\n"
    "    </interface>\n"
    "    <!-- last -->\n"
    "  </devices>\n"
    "</domain>\n";

START_TEST(test_device_next)
{
    static const char *const aliases[] = {"ua-a", "ua-b", "ua-c"};
    static const domxml_node_kind kinds[] = {DOMXML_NODE_INTERFACE, DOMXML_NODE_HOSTDEV,
                                             DOMXML_NODE_INTERFACE};
    domxml_domain *dom = parse_ok(iter_xml);
    domxml_node *devices = domxml_domain_devices(dom);
    domxml_node *d, *disk = NULL;
    unsigned n = 0;

    ck_assert_ptr_nonnull(devices);
    for (d = domxml_device_next(dom, NULL); d; d = domxml_device_next(dom, d)) {
        ck_assert_uint_lt(n, 3);
        ck_assert_int_eq(d->kind, kinds[n]);
        ck_assert_str_eq(domxml_node_alias(d), aliases[n]);
        n++;
    }
    ck_assert_uint_eq(n, 3);

    /* Starting after a node that is not a device. */
    for (domxml_node *c = devices->children; c; c = c->next) {
        if (c->kind == DOMXML_NODE_ELEMENT && strcmp(c->name, "disk") == 0)
            disk = c;
    }
    ck_assert_ptr_nonnull(disk);
    d = domxml_device_next(dom, disk);
    ck_assert_ptr_nonnull(d);
    ck_assert_str_eq(domxml_node_alias(d), "ua-b");

    ck_assert_ptr_null(domxml_device_next(NULL, NULL));

    /* No <devices>, or an empty one: nothing. */
    dom = parse_ok("<domain><name>x</name></domain>");
    ck_assert_ptr_null(domxml_device_next(dom, NULL));
    dom = parse_ok("<domain><devices>\n  <!-- none -->\n</devices></domain>");
    ck_assert_ptr_null(domxml_device_next(dom, NULL));

    /* A standalone device document: its root, once. */
    dom = parse_ok("<hostdev mode='subsystem' type='usb'><source/></hostdev>");
    d = domxml_device_next(dom, NULL);
    ck_assert_ptr_eq(d, dom->root);
    ck_assert_int_eq(d->kind, DOMXML_NODE_HOSTDEV);
    ck_assert_ptr_null(domxml_device_next(dom, d));
    dom = parse_ok("<interface type='user'/>");
    ck_assert_ptr_eq(domxml_device_next(dom, NULL), dom->root);
    ck_assert_ptr_null(domxml_device_next(dom, dom->root));
}
END_TEST

/* Accessors for either kind of device node. */
START_TEST(test_device_accessors)
{
    static const char xml[] = DOMAIN(
        "    <interface type='network'>\n"
        "      <source network='default'/>\n"
        "      <model type='virtio'/>\n"
        "      <teaming type='persistent'/>\n"
        "      <alias name='ua-p'/>\n"
        "    </interface>\n"
        "    <interface type='hostdev' managed='yes'>\n"
        "      <mac address='52:54:00:00:00:02'/>\n"
        "      <source>\n"
        "        <address type='pci' domain='0x0000' bus='0x81' slot='0x10' function='0x3'/>\n"
        "      </source>\n"
        "      <teaming type='transient' persistent='ua-p'/>\n"
        "      <alias name='ua-t'/>\n"
        "      <address type='pci' domain='0x0000' bus='0x07' slot='0x00' function='0x0'/>\n"
        "    </interface>\n"
        "    <hostdev mode='subsystem' type='usb'>\n"
        "      <source startupPolicy='optional'>\n"
        "        <vendor id='0x1234'/>\n"
        "        <product id='0xbeef'/>\n"
        "      </source>\n"
        "      <boot order='2'/>\n"
        "    </hostdev>\n");
    domxml_domain *dom = parse_ok(xml);
    domxml_node *net = nth_device(dom, 0), *hif = nth_device(dom, 1), *usb = nth_device(dom, 2);
    domxml_node *devices = domxml_domain_devices(dom), *bare, *n, *name;
    domxml_device_info *info;
    domxml_teaming *t;
    domxml_hostdev_source *src;

    /* <interface type='network'>: no host source. */
    ck_assert_ptr_eq(domxml_node_device_info(net), &net->interface->info);
    t = domxml_node_teaming(net);
    ck_assert_ptr_eq(t, net->interface->teaming);
    ck_assert_int_eq(t->type, DOMXML_TEAMING_TYPE_PERSISTENT);
    ck_assert_ptr_eq(t->peer, hif);
    ck_assert_str_eq(domxml_node_alias(net), "ua-p");
    ck_assert_ptr_null(domxml_node_host_source(net));

    /* <interface type='hostdev'>: the host source is the interface's. */
    info = domxml_node_device_info(hif);
    ck_assert_ptr_eq(info, &hif->interface->info);
    ck_assert_ptr_nonnull(info->address);
    ck_assert_int_eq(info->address->type, DOMXML_ADDRESS_TYPE_PCI);
    ck_assert_uint_eq(info->address->u.pci.addr.bus.value, 7);
    ck_assert_ptr_null(info->boot);
    t = domxml_node_teaming(hif);
    ck_assert_ptr_eq(t, hif->interface->teaming);
    ck_assert_int_eq(t->type, DOMXML_TEAMING_TYPE_TRANSIENT);
    ck_assert_str_eq(t->persistent, "ua-p");
    ck_assert_ptr_eq(t->peer, net);
    ck_assert_str_eq(domxml_node_alias(hif), "ua-t");
    src = domxml_node_host_source(hif);
    ck_assert_ptr_nonnull(src);
    ck_assert_ptr_eq(src, hif->interface->hostdev_source);
    ck_assert_ptr_null(hif->interface->source);
    ck_assert_ptr_nonnull(src->address);
    ck_assert_int_eq(src->address->type, DOMXML_ADDRESS_TYPE_PCI);
    ck_assert_uint_eq(src->address->u.pci.bus.value, 0x81);
    ck_assert_uint_eq(src->address->u.pci.function.value, 3);

    /* A plain USB <hostdev>. */
    info = domxml_node_device_info(usb);
    ck_assert_ptr_eq(info, &usb->hostdev->info);
    ck_assert_ptr_nonnull(info->boot);
    ck_assert(info->boot->order.set);
    ck_assert_uint_eq(info->boot->order.value, 2);
    ck_assert_ptr_null(info->alias);
    ck_assert_ptr_null(domxml_node_alias(usb));
    ck_assert_ptr_null(domxml_node_teaming(usb));
    src = domxml_node_host_source(usb);
    ck_assert_ptr_eq(src, usb->hostdev->source);
    ck_assert_int_eq(src->startup_policy, DOMXML_USB_STARTUP_POLICY_OPTIONAL);
    ck_assert_ptr_null(src->address);
    ck_assert_ptr_nonnull(src->u.usb.vendor);
    ck_assert_uint_eq(src->u.usb.vendor->id.value, 0x1234);
    ck_assert_ptr_nonnull(src->u.usb.product);
    ck_assert_uint_eq(src->u.usb.product->id.value, 0xbeef);

    /* Generic nodes, and NULL: nothing. */
    ck_assert_ptr_null(domxml_node_device_info(devices));
    ck_assert_ptr_null(domxml_node_teaming(devices));
    ck_assert_ptr_null(domxml_node_alias(devices));
    ck_assert_ptr_null(domxml_node_host_source(devices));
    name = domxml_node_child(dom->root, NULL, "name");
    ck_assert_ptr_nonnull(name);
    ck_assert_ptr_null(domxml_node_device_info(name));
    ck_assert_ptr_null(domxml_node_device_info(name->children)); /* text */
    ck_assert_ptr_null(domxml_node_alias(name));
    ck_assert_ptr_null(domxml_node_device_info(NULL));
    ck_assert_ptr_null(domxml_node_teaming(NULL));
    ck_assert_ptr_null(domxml_node_alias(NULL));
    ck_assert_ptr_null(domxml_node_host_source(NULL));

    /* A host source put on an interface of another type is not its host
     * source; an INTERFACE node without its struct has nothing. */
    n = domxml_interface_node_new(dom);
    n->interface->type = DOMXML_INTERFACE_TYPE_NETWORK;
    n->interface->hostdev_source = domxml_hostdev_source_new(dom);
    ck_assert_ptr_null(domxml_node_host_source(n));
    n->interface->type = DOMXML_INTERFACE_TYPE_HOSTDEV;
    ck_assert_ptr_eq(domxml_node_host_source(n), n->interface->hostdev_source);
    ck_assert_ptr_null(domxml_node_teaming(n));
    ck_assert_ptr_null(domxml_node_alias(n));
    bare = domxml_interface_node_new(dom);
    bare->interface = NULL;
    ck_assert_ptr_null(domxml_node_device_info(bare));
    ck_assert_ptr_null(domxml_node_teaming(bare));
    ck_assert_ptr_null(domxml_node_alias(bare));
    ck_assert_ptr_null(domxml_node_host_source(bare));
}
END_TEST

/* ------------------------------------------------------------------ */
/* Editing the devices                                                   */

#define EDIT_HEAD                                                              \
    "<domain type='kvm'>\n"                                                    \
    "  <name>teaming</name>\n"                                                 \
    "  <devices>\n"
#define EDIT_PERSISTENT                                                        \
    "    <interface type='network'>\n"                                         \
    "      <mac address='52:54:00:00:00:01'/>\n"                               \
    "      <source network='default'/>\n"                                      \
    "      <model type='virtio'/>\n"                                           \
    "      <teaming type='persistent'/>\n"                                     \
    "      <alias name='ua-p'/>\n"                                             \
    "    </interface>\n"
#define EDIT_DISK                                                              \
    "    <!-- storage -->\n"                                                   \
    "    <disk type='file' device='disk'/>\n"
#define EDIT_TAIL                                                              \
    "  </devices>\n"                                                           \
    "</domain>\n"
#define EDIT_VF0                                                               \
    "    <hostdev mode='subsystem' type='pci' managed='yes'>\n"                \
    "      <source>\n"                                                         \
    "        <address domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>\n" \
    "      </source>\n"                                                        \
    "      <teaming type='transient' persistent='ua-p'/>\n"                    \
    "      <alias name='ua-vf0'/>\n"                                           \
    "    </hostdev>\n"

/* A transient PCI <hostdev> built by hand, host address from its text. */
static domxml_node *transient_pci(domxml_domain *dom, const char *pci, const char *persistent,
                                  const char *alias)
{
    domxml_node *n = domxml_hostdev_node_new(dom);
    domxml_hostdev *h;

    ck_assert_ptr_nonnull(n);
    h = n->hostdev;
    h->mode = DOMXML_HOSTDEV_MODE_SUBSYSTEM;
    h->type = DOMXML_HOSTDEV_TYPE_PCI;
    h->managed = DOMXML_TRISTATE_BOOL_YES;
    ck_assert_ptr_nonnull(h->source = domxml_hostdev_source_new(dom));
    ck_assert_ptr_nonnull(h->source->address = domxml_hostdev_address_new(dom));
    ck_assert_int_eq(domxml_pci_addr_from_string(pci, &h->source->address->u.pci), 0);
    ck_assert_ptr_nonnull(h->teaming = domxml_teaming_new(dom));
    h->teaming->type = DOMXML_TEAMING_TYPE_TRANSIENT;
    h->teaming->persistent = persistent;
    ck_assert_ptr_nonnull(h->info.alias = domxml_alias_new(dom));
    h->info.alias->name = alias;
    return n;
}

START_TEST(test_device_edit)
{
    static const char base[] = EDIT_HEAD EDIT_PERSISTENT EDIT_DISK EDIT_TAIL;
    static const char appended[] = EDIT_HEAD EDIT_PERSISTENT EDIT_DISK EDIT_VF0 EDIT_TAIL;
    static const char inserted[] = EDIT_HEAD EDIT_VF0 EDIT_PERSISTENT EDIT_DISK EDIT_TAIL;
    domxml_domain *dom = parse_ok(base);
    domxml_node *devices = domxml_domain_devices(dom);
    domxml_node *iface = nth_device(dom, 0);
    domxml_node *name = domxml_node_child(dom->root, NULL, "name");
    domxml_node *vf0 = transient_pci(dom, "0000:81:10.2", "ua-p", "ua-vf0");
    domxml_node *vf1 = transient_pci(dom, "0000:81:10.3", "ua-p", "ua-vf1");
    domxml_error err;
    unsigned n_children = count_children(devices);

    ck_assert_str_eq(name->name, "name");
    assert_same_text(base, format_ok(dom));
    ck_assert_ptr_null(iface->interface->teaming->peer);

    /* Append: linked both ways at once. */
    ck_assert_msg(domxml_device_append(dom, vf0, &err) == 0, "append: %s", err.message);
    ck_assert_uint_eq(count_children(devices), n_children + 1);
    ck_assert_ptr_eq(vf0->hostdev->teaming->peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming->peer, vf0);
    ck_assert_ptr_eq(domxml_teaming_next_pair(dom, NULL), iface);
    ck_assert_ptr_eq(nth_device(dom, 1), vf0);
    assert_same_text(appended, format_ok(dom));

    /* Unlink: both peers forget; the output is the original again. */
    ck_assert_int_eq(domxml_device_unlink(dom, vf0), 0);
    ck_assert_uint_eq(count_children(devices), n_children);
    ck_assert_ptr_null(vf0->next);
    ck_assert_ptr_null(vf0->hostdev->teaming->peer);
    ck_assert_ptr_null(iface->interface->teaming->peer);
    ck_assert_ptr_null(domxml_teaming_next_pair(dom, NULL));
    ck_assert_int_eq(domxml_device_unlink(dom, vf0), -1); /* not in the tree any more */
    ck_assert_int_eq(domxml_device_unlink(dom, NULL), -1);
    ck_assert_int_eq(domxml_device_unlink(dom, name), -1);
    ck_assert_int_eq(domxml_device_unlink(NULL, iface), -1);
    assert_same_text(base, format_ok(dom));

    /* Insert before the persistent interface: linked again. */
    ck_assert_msg(domxml_device_insert_before(dom, vf0, iface, &err) == 0, "insert: %s",
                  err.message);
    ck_assert_ptr_eq(vf0->next, iface);
    ck_assert_ptr_eq(vf0->hostdev->teaming->peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming->peer, vf0);
    assert_same_text(inserted, format_ok(dom));

    /* A second transient naming the same persistent: refused, undone. */
    ck_assert_int_eq(domxml_device_append(dom, vf1, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_TEAMING);
    ck_assert_str_eq(err.message, "<hostdev> teaming names 'ua-p', which already has a transient "
                                  "member");
    ck_assert_str_eq(err.path, "/domain/devices/hostdev[2]/teaming");
    ck_assert_uint_eq(err.line, 0);
    ck_assert_uint_eq(count_children(devices), n_children + 1);
    ck_assert_ptr_null(vf1->next);
    ck_assert_ptr_null(vf1->hostdev->teaming->peer);
    ck_assert_ptr_eq(vf0->hostdev->teaming->peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming->peer, vf0);
    assert_same_text(inserted, format_ok(dom));
    /* Before the first one it would take the pair: the first one fails. */
    ck_assert_int_eq(domxml_device_insert_before(dom, vf1, vf0, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_TEAMING);
    ck_assert_str_eq(err.path, "/domain/devices/hostdev[2]/teaming");
    ck_assert_ptr_eq(nth_device(dom, 0), vf0);
    ck_assert_ptr_eq(nth_device(dom, 1), iface);
    ck_assert_ptr_null(vf1->next);
    ck_assert_ptr_null(vf1->hostdev->teaming->peer);
    ck_assert_ptr_eq(vf0->hostdev->teaming->peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming->peer, vf0);
    assert_same_text(inserted, format_ok(dom));

    /* `before` outside <devices>, a device already in the tree, a generic
     * node, NULL: refused, nothing changes. */
    ck_assert_int_eq(domxml_device_insert_before(dom, vf1, name, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_str_eq(err.message, "`before` is not a child of <devices>");
    ck_assert_int_eq(domxml_device_insert_before(dom, vf0, NULL, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_int_eq(domxml_device_insert_before(dom, iface, vf0, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_int_eq(domxml_device_append(dom, name, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_int_eq(domxml_device_append(dom, NULL, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_int_eq(domxml_device_append(NULL, vf1, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_uint_eq(count_children(devices), n_children + 1);
    ck_assert_ptr_null(vf1->next);
    assert_same_text(inserted, format_ok(dom));

    /* The refused one fits once the pair is free again. */
    ck_assert_int_eq(domxml_device_unlink(dom, vf0), 0);
    ck_assert_int_eq(domxml_device_append(dom, vf1, &err), 0);
    ck_assert_ptr_eq(vf1->hostdev->teaming->peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming->peer, vf1);
    ck_assert_ptr_null(vf0->hostdev->teaming->peer);

    /* A standalone document has no <devices>. */
    dom = parse_ok("<interface type='user'/>");
    ck_assert_int_eq(domxml_device_append(dom, domxml_hostdev_node_new(dom), &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_str_eq(err.message, "the document has no <devices>");
    ck_assert_int_eq(domxml_device_unlink(dom, dom->root), -1);
}
END_TEST

/* Moving the last device before an earlier one: the device is already in
 * <devices>, so the call must refuse it (and not make the list a cycle,
 * which would hang the next walk). Run in a child process with a deadline
 * so that a hang fails the test instead of stalling the suite. */
START_TEST(test_device_insert_already_linked)
{
    static const char xml[] = EDIT_HEAD EDIT_PERSISTENT EDIT_DISK EDIT_VF0 EDIT_TAIL;
    domxml_domain *dom = parse_ok(xml);
    domxml_node *devices = domxml_domain_devices(dom);
    domxml_node *iface = nth_device(dom, 0), *vf0 = nth_device(dom, 1);
    struct timespec tick = {0, 10 * 1000 * 1000};
    int status = 0, waited = 0;
    pid_t pid, done = 0;

    /* It is the last node of <devices> (were a text node after it, drop it). */
    vf0->next = NULL;
    fflush(NULL);
    pid = fork();
    ck_assert_int_ne(pid, -1);
    if (pid == 0) {
        domxml_error err;
        int rc = domxml_device_insert_before(dom, vf0, iface, &err);
        unsigned n = count_children(devices);

        if (rc != -1)
            _exit(10);
        if (err.code != DOMXML_ERR_INVALID_ARG ||
            strcmp(err.message, "the device is already in <devices>") != 0)
            _exit(11);
        if (n >= 10000)
            _exit(12);
        if (domxml_device_next(dom, NULL) != iface || domxml_device_next(dom, iface) != vf0 ||
            vf0->next != NULL || vf0->hostdev->teaming->peer != iface)
            _exit(13);
        _exit(0);
    }
    while (waited < 300 && (done = waitpid(pid, &status, WNOHANG)) == 0) {
        nanosleep(&tick, NULL);
        waited++;
    }
    if (done == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        ck_abort_msg("domxml_device_insert_before(dom, <last device>, <an earlier device>) "
                     "did not return within 3 s: the device list became a cycle");
    }
    ck_assert_msg(WIFEXITED(status), "child died with signal %d", WTERMSIG(status));
    ck_assert_msg(WEXITSTATUS(status) != 10, "moving a device already in <devices> succeeded");
    ck_assert_msg(WEXITSTATUS(status) != 11, "wrong error code or message");
    ck_assert_msg(WEXITSTATUS(status) != 12, "<devices> children became a cycle");
    ck_assert_msg(WEXITSTATUS(status) != 13, "the refused call changed the tree or the links");
    ck_assert_int_eq(WEXITSTATUS(status), 0);
}
END_TEST

/* Unlinking the persistent member leaves the transient one naming an alias
 * that no device has. Parsing is lenient there (libvirt defines such a
 * domain), so domxml_format() writes it and the text parses back; it is
 * validation that names the problem, at the parsed <teaming>. */
START_TEST(test_format_dangling_teaming)
{
    static const char xml[] = EDIT_HEAD EDIT_PERSISTENT EDIT_DISK EDIT_VF0 EDIT_TAIL;
    static const char dangling[] = EDIT_HEAD EDIT_DISK EDIT_VF0 EDIT_TAIL;
    static const char moved[] = EDIT_HEAD EDIT_DISK EDIT_VF0 EDIT_PERSISTENT EDIT_TAIL;
    domxml_domain *dom = parse_ok(xml);
    domxml_node *iface = nth_device(dom, 0), *vf0 = nth_device(dom, 1);
    domxml_diagnostics *ds;
    domxml_error err;

    ck_assert_int_eq(domxml_device_unlink(dom, iface), 0);
    ck_assert_ptr_null(vf0->hostdev->teaming->peer);
    assert_same_text(dangling, format_ok(dom));
    ck_assert_int_eq(domxml_domain_check(dom, &err), 0);
    ds = domxml_domain_validate(dom, &err);
    ck_assert_ptr_nonnull(ds);
    ck_assert_uint_eq(ds->errors, 1);
    ck_assert_str_eq(ds->items[0].code, "teaming.partner-missing");
    ck_assert_str_eq(ds->items[0].path, "/domain/devices/hostdev/teaming");
    ck_assert_str_eq(ds->items[0].message,
                     "<teaming persistent='ua-p'> names no device: no device has that alias");
    ck_assert_uint_eq(ds->items[0].line, 17); /* the parsed <teaming> */
    ck_assert_uint_eq(ds->items[0].column, 7);
    domxml_diagnostics_free(ds);
    ck_assert_ptr_null(vf0->hostdev->teaming->peer);
    ck_assert_ptr_null(iface->interface->teaming->peer);

    /* Back in <devices>, after its transient member: linked, written. */
    ck_assert_msg(domxml_device_append(dom, iface, &err) == 0, "append: %s", err.message);
    ck_assert_ptr_eq(vf0->hostdev->teaming->peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming->peer, vf0);
    assert_same_text(moved, format_ok(dom));
}
END_TEST

/* A kept (unknown) child named like a known child of its element would be
 * read back as the known one: like a kept attribute with a known name, it
 * is refused. */
START_TEST(test_format_extra_child_known_name)
{
    domxml_domain *dom = parse_ok("<interface type='user'><foo/></interface>");
    domxml_node *kept = domxml_meta_extra(dom, &dom->root->interface->meta)->children;

    ck_assert_str_eq(kept->name, "foo");
    assert_same_text("<interface type='user'>\n  <foo/>\n</interface>\n", format_ok(dom));
    kept->name = "mac";
    expect_format_error(dom, DOMXML_ERR_DUPLICATE,
                        "a kept child <mac> of <interface> would be read back as the modelled "
                        "<mac>",
                        "/interface");
    kept->name = "alias"; /* a device-info child counts too */
    expect_format_error(dom, DOMXML_ERR_DUPLICATE,
                        "a kept child <alias> of <interface> would be read back as the modelled "
                        "<alias>",
                        "/interface");
    kept->name = "macs";
    assert_same_text("<interface type='user'>\n  <macs/>\n</interface>\n", format_ok(dom));
}
END_TEST

/* dom->xml_decl is written as it is: a declaration that is not one, or
 * that names an encoding the UTF-8 output is not in, is refused. */
/* <metadata> is written as libvirt writes it (libxml2's style); a CDATA
 * section is kept there, and elsewhere flattened into escaped text. */
START_TEST(test_format_metadata)
{
    static const char in[] =
        "<domain>\n"
        "  <description><![CDATA[a<b]]></description>\n"
        "  <metadata><app:x xmlns:app='urn:a' k='\xc3\xa9'><![CDATA[<raw>]]></app:x></metadata>\n"
        "</domain>\n";
    static const char want[] =
        "<domain>\n"
        "  <description>a&lt;b</description>\n"
        "  <metadata>\n"
        "    <app:x xmlns:app=\"urn:a\" k=\"&#xE9;\"><![CDATA[<raw>]]></app:x>\n"
        "  </metadata>\n"
        "</domain>\n";
    domxml_error err;
    domxml_domain *dom = parse(in, NULL, &err);
    domxml_node *x, *cdata;
    char *out;

    ck_assert_msg(dom, "%s", err.message);
    out = domxml_format(dom, NULL, &err);
    ck_assert_ptr_nonnull(out);
    ck_assert_str_eq(out, want);
    domxml_string_free(out);
    x = domxml_node_child(domxml_node_child(dom->root, NULL, "metadata"), NULL, "app:x");
    ck_assert_ptr_nonnull(x);
    cdata = x->children;
    ck_assert_int_eq(cdata->kind, DOMXML_NODE_TEXT);
    ck_assert_uint_eq(cdata->layout & DOMXML_LAYOUT_CDATA, DOMXML_LAYOUT_CDATA);
    ck_assert_str_eq(cdata->text, "<raw>");
    /* Set by hand, "]]>" cannot stand in one section: libxml2 splits it. */
    cdata->text = "a]]>b";
    out = domxml_format(dom, NULL, &err);
    ck_assert_ptr_nonnull(out);
    ck_assert_ptr_nonnull(strstr(out, "<![CDATA[a]]]]><![CDATA[>b]]></app:x>"));
    domxml_string_free(out);
    /* Without the flag: escaped text. */
    cdata->layout = 0;
    out = domxml_format(dom, NULL, &err);
    ck_assert_ptr_nonnull(out);
    ck_assert_ptr_nonnull(strstr(out, ">a]]&gt;b</app:x>"));
    domxml_string_free(out);
    domxml_domain_free(dom);
}
END_TEST

START_TEST(test_format_xml_decl)
{
    static const char *const bad[] = {
        "not a declaration",
        "<?xml version='1.0' encoding='ISO-8859-1'?>",
        "<?xml version='1.0'?><!-- more -->",
    };
    static const char message[] = "xml_decl is not an XML declaration of UTF-8 text: <?xml "
                                  "version='V' [encoding='UTF-8'] [standalone='yes|no']?>";
    domxml_domain *dom = parse_ok("<domain><name>caf\xc3\xa9</name></domain>");
    domxml_domain *back;

    ck_assert_ptr_null(dom->xml_decl);
    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        dom->xml_decl = bad[i];
        expect_format_error(dom, DOMXML_ERR_VALUE, message, "");
    }
    dom->xml_decl = "<?xml version='1.0' encoding='UTF-8'?>";
    back = parse_ok(format_ok(dom));
    ck_assert_str_eq(back->xml_decl, "<?xml version='1.0' encoding='UTF-8'?>");
    ck_assert_str_eq(domxml_node_text(domxml_node_child(back->root, NULL, "name")),
                     "caf\xc3\xa9");
    /* What a parse keeps is written back. */
    round_trips("<?xml version='1.0'?>\n<domain/>\n");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Generic lookups                                                       */

START_TEST(test_generic_lookups)
{
    static const char xml[] =
        "<domain type='kvm'>\n"
        "  <name>vm1</name>\n"
        "  <title></title>\n"
        "  <os>\n"
        "    <type arch='x86_64' machine='q35'>hvm</type>\n"
        "    <boot dev='hd'/>\n"
        "  </os>\n"
        "  <devices>\n"
        "    <controller type='usb' index='0'/>\n"
        "    <interface type='user'/>\n"
        "    <controller type='pci' index='0' model='pcie-root'/>\n"
        "    <!-- <controller type='ide'/> -->\n"
        "    <disk type='file'/>\n"
        "    <controller type='sata' index='0'/>\n"
        "  </devices>\n"
        "</domain>\n";
    static const char *const types[] = {"usb", "pci", "sata"};
    static const char *const all[] = {"controller", "interface", "controller", "disk",
                                      "controller"};
    domxml_domain *dom = parse_ok(xml);
    domxml_node *root = dom->root, *os, *type, *devs, *c, *name;
    unsigned n = 0;

    name = domxml_node_child(root, NULL, "name");
    ck_assert_ptr_nonnull(name);
    ck_assert_str_eq(domxml_node_text(name), "vm1");
    ck_assert_ptr_null(domxml_node_text(domxml_node_child(root, NULL, "title"))); /* empty */
    os = domxml_node_child(root, NULL, "os");
    ck_assert_ptr_nonnull(os);
    ck_assert_ptr_null(domxml_node_text(os)); /* elements, not text */
    ck_assert_ptr_null(domxml_node_child(root, os, "os"));
    type = domxml_node_child(os, NULL, "type");
    ck_assert_ptr_nonnull(type);
    ck_assert_str_eq(domxml_node_attr(type, "arch"), "x86_64");
    ck_assert_str_eq(domxml_node_attr(type, "machine"), "q35");
    ck_assert_ptr_null(domxml_node_attr(type, "Arch"));
    ck_assert_ptr_null(domxml_node_attr(type, "hvm"));
    ck_assert_ptr_null(domxml_node_attr(type, NULL));
    ck_assert_ptr_null(domxml_node_attr(NULL, "arch"));
    ck_assert_str_eq(domxml_node_text(type), "hvm");
    ck_assert_ptr_null(domxml_node_text(type->children)); /* a text node is not an element */
    ck_assert_ptr_null(domxml_node_text(NULL));
    ck_assert_str_eq(domxml_node_attr(domxml_node_child(os, type, NULL), "dev"), "hd");
    ck_assert_ptr_null(domxml_node_child(os, type, "type"));

    devs = domxml_node_child(root, NULL, "devices");
    ck_assert_ptr_eq(devs, domxml_domain_devices(dom));
    for (c = domxml_node_child(devs, NULL, "controller"); c;
         c = domxml_node_child(devs, c, "controller")) {
        ck_assert_uint_lt(n, 3);
        ck_assert_str_eq(c->name, "controller");
        ck_assert_str_eq(domxml_node_attr(c, "type"), types[n]);
        ck_assert_str_eq(domxml_node_attr(c, "index"), "0");
        n++;
    }
    ck_assert_uint_eq(n, 3); /* not the commented-out one */
    ck_assert_str_eq(domxml_node_attr(domxml_node_child(devs, domxml_node_child(devs, NULL,
                                                                                 "controller"),
                                                        "controller"),
                                      "model"),
                     "pcie-root");

    /* Any element, modelled devices included under their tag name. */
    n = 0;
    for (c = domxml_node_child(devs, NULL, NULL); c; c = domxml_node_child(devs, c, NULL)) {
        ck_assert_uint_lt(n, 5);
        ck_assert_str_eq(c->kind == DOMXML_NODE_INTERFACE ? "interface" : c->name, all[n]);
        n++;
    }
    ck_assert_uint_eq(n, 5);
    c = domxml_node_child(devs, NULL, "interface");
    ck_assert_ptr_nonnull(c);
    ck_assert_int_eq(c->kind, DOMXML_NODE_INTERFACE);
    ck_assert_ptr_null(domxml_node_attr(c, "type")); /* modelled: read the struct */
    ck_assert_ptr_null(domxml_node_child(c, NULL, NULL));
    ck_assert_ptr_null(domxml_node_child(NULL, NULL, "controller"));
    ck_assert_ptr_null(domxml_node_child(devs, NULL, "hostdev"));
}
END_TEST

/* ------------------------------------------------------------------ */
/* MAC, PCI address and model text                                       */

START_TEST(test_mac_text)
{
    static const unsigned char expect[6] = {0x52, 0x54, 0x00, 0xa1, 0xb2, 0xc3};
    static const char *const bad[] = {
        "52:54:00:a1:b2", "52:54:00:a1:b2:c3:", "52:54:00:a1:b2:c3:d4", "52-54-00-a1-b2-c3",
        "52:54:00:a1:b2:c3d", "52:54:00:a1:b2:g3", "525400a1b2c3", "", ":54:00:a1:b2:c3",
        "52:54::a1:b2:c3", " 52:54:00:a1:b2:c3", "152:54:00:a1:b2:c3",
    };
    domxml_mac_addr mac = {{0}, false}, keep;
    char buf[DOMXML_MAC_STRLEN];

    ck_assert_int_eq(domxml_mac_from_string("52:54:00:A1:b2:c3", &mac), 0);
    ck_assert(mac.set);
    ck_assert_mem_eq(mac.bytes, expect, 6);
    ck_assert_str_eq(domxml_mac_to_string(&mac, buf), "52:54:00:a1:b2:c3");
    ck_assert_ptr_eq(domxml_mac_to_string(&mac, buf), buf);
    /* One digit per octet, as libvirt reads it; written with two. */
    ck_assert_int_eq(domxml_mac_from_string("2:4:0:a:B:c", &mac), 0);
    ck_assert_str_eq(domxml_mac_to_string(&mac, buf), "02:04:00:0a:0b:0c");
    ck_assert_int_eq(domxml_mac_from_string("ff:FF:ff:ff:ff:ff", &mac), 0);
    ck_assert_str_eq(domxml_mac_to_string(&mac, buf), "ff:ff:ff:ff:ff:ff");

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        keep = mac;
        ck_assert_msg(domxml_mac_from_string(bad[i], &mac) == -1, "\"%s\" accepted", bad[i]);
        ck_assert_msg(memcmp(&keep, &mac, sizeof(mac)) == 0, "\"%s\" changed the output",
                      bad[i]);
    }
    ck_assert_int_eq(domxml_mac_from_string(NULL, &mac), -1);
    ck_assert_int_eq(domxml_mac_from_string("52:54:00:a1:b2:c3", NULL), -1);

    mac.set = false;
    ck_assert_ptr_null(domxml_mac_to_string(&mac, buf));
    ck_assert_ptr_null(domxml_mac_to_string(NULL, buf));
}
END_TEST

START_TEST(test_pci_addr_text)
{
    static const char *const bad[] = {
        "0000:81:20.0", "0000:81:10.8", "0000:100:10.0", "123456789:81:10.2", "0000:81:10",
        "0000:81.10.2", "81.10.2", "0000:81:10.2x", ":81:10.2", "0000::10.2", "0000:81:.2",
        "0000:81:10.", "", "10.2", "0:0:0:0.0", "0000:81:10.-1", "0000:g1:10.2",
    };
    domxml_pci_addr a, keep, empty = {{0, false}, {0, false}, {0, false}, {0, false}};
    char buf[DOMXML_PCI_ADDR_STRLEN];

    memset(&a, 0, sizeof(a));
    ck_assert_int_eq(domxml_pci_addr_from_string("0000:81:10.2", &a), 0);
    ck_assert(a.domain.set && a.bus.set && a.slot.set && a.function.set);
    ck_assert_uint_eq(a.domain.value, 0);
    ck_assert_uint_eq(a.bus.value, 0x81);
    ck_assert_uint_eq(a.slot.value, 0x10);
    ck_assert_uint_eq(a.function.value, 2);
    ck_assert_str_eq(domxml_pci_addr_to_string(&a, buf), "0000:81:10.2");
    ck_assert_ptr_eq(domxml_pci_addr_to_string(&a, buf), buf);

    /* No domain: domain 0, set. */
    memset(&a, 0xff, sizeof(a));
    ck_assert_int_eq(domxml_pci_addr_from_string("81:10.2", &a), 0);
    ck_assert(a.domain.set);
    ck_assert_uint_eq(a.domain.value, 0);
    ck_assert_uint_eq(a.bus.value, 0x81);
    ck_assert_str_eq(domxml_pci_addr_to_string(&a, buf), "0000:81:10.2");

    /* The largest of each part; upper-case hex. */
    ck_assert_int_eq(domxml_pci_addr_from_string("FFFFFFFF:FF:1F.7", &a), 0);
    ck_assert_uint_eq(a.domain.value, 0xffffffffu);
    ck_assert_str_eq(domxml_pci_addr_to_string(&a, buf), "ffffffff:ff:1f.7");
    ck_assert_int_eq(domxml_pci_addr_from_string("1:2:3.4", &a), 0);
    ck_assert_str_eq(domxml_pci_addr_to_string(&a, buf), "0001:02:03.4");

    for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
        keep = a;
        ck_assert_msg(domxml_pci_addr_from_string(bad[i], &a) == -1, "\"%s\" accepted", bad[i]);
        ck_assert_msg(memcmp(&keep, &a, sizeof(a)) == 0, "\"%s\" changed the output", bad[i]);
    }
    ck_assert_int_eq(domxml_pci_addr_from_string(NULL, &a), -1);
    ck_assert_int_eq(domxml_pci_addr_from_string("0000:81:10.2", NULL), -1);

    /* to_string needs bus, slot and function; an unset domain reads as 0. */
    ck_assert_ptr_null(domxml_pci_addr_to_string(&empty, buf));
    ck_assert_ptr_null(domxml_pci_addr_to_string(NULL, buf));
    a = empty;
    a.bus = uset(0x81);
    a.slot = uset(0x10);
    ck_assert_ptr_null(domxml_pci_addr_to_string(&a, buf));
    a.function = uset(2);
    ck_assert_str_eq(domxml_pci_addr_to_string(&a, buf), "0000:81:10.2");
    a.slot = uset(0x20); /* out of range */
    ck_assert_ptr_null(domxml_pci_addr_to_string(&a, buf));
}
END_TEST

START_TEST(test_model_name)
{
    domxml_domain *dom = parse_ok(
        "<domain><devices>\n"
        "<interface type='user'><model type='E1000E'/></interface>\n"
        "<interface type='user'><model type='my_nic-2'/></interface>\n"
        "<interface type='user'/>\n"
        "</devices></domain>");
    domxml_model m;
    const domxml_model *known = nth_device(dom, 0)->interface->model;
    const domxml_model *custom = nth_device(dom, 1)->interface->model;

    memset(&m, 0, sizeof(m));
    /* A known model is written in its canonical spelling. */
    ck_assert_ptr_nonnull(known);
    ck_assert_int_eq(known->type, DOMXML_NIC_MODEL_E1000E);
    ck_assert_ptr_null(known->custom);
    ck_assert_str_eq(domxml_model_name(known), "e1000e");
    /* A custom one verbatim. */
    ck_assert_ptr_nonnull(custom);
    ck_assert_int_eq(custom->type, DOMXML_NIC_MODEL_NONE);
    ck_assert_str_eq(custom->custom, "my_nic-2");
    ck_assert_str_eq(domxml_model_name(custom), "my_nic-2");
    ck_assert(!domxml_nic_model_is_virtio(custom));
    /* None. */
    ck_assert_ptr_null(nth_device(dom, 2)->interface->model);
    ck_assert_ptr_null(domxml_model_name(NULL));
    ck_assert_ptr_null(domxml_model_name(&m));
    m.type = DOMXML_NIC_MODEL_AM79C970A;
    ck_assert_str_eq(domxml_model_name(&m), "Am79C970A");
    m.type = DOMXML_NIC_MODEL_NONE;
    m.custom = "x";
    ck_assert_str_eq(domxml_model_name(&m), "x");
}
END_TEST

/* ------------------------------------------------------------------ */
/* Parse options as the caller sized them                                */

START_TEST(test_options_size)
{
    static const char xml[] = "<domain><name>x</name></domain>";
    struct {
        domxml_parse_options o;
        unsigned char tail[32];
    } big;
    domxml_parse_options opts;
    domxml_error err;
    domxml_domain *dom;
    char *path;

    /* size 0 is refused, by both entry points. */
    memset(&opts, 0, sizeof(opts));
    parse_fails(xml, &opts, DOMXML_ERR_VALUE, &err);
    ck_assert_str_eq(err.message,
                     "parse options without a size: fill them with domxml_parse_options_init()");
    ck_assert_str_eq(err.source, "test.xml");
    path = tu_track(tu_concat(tu_srcdir(), "/tests/data/core-devices-mix.xml", NULL));
    ck_assert_ptr_null(domxml_parse_file(path, &opts, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_VALUE);

    /* init: the caller's sizeof. */
    opts.max_depth = 7;
    domxml_parse_options_init(&opts);
    ck_assert_uint_eq(opts.size, sizeof(domxml_parse_options));
    ck_assert_uint_eq(opts.max_depth, 0);
    dom = parse(xml, &opts, &err);
    ck_assert_msg(dom != NULL, "%s", err.message);
    domxml_domain_free(dom);

    /* A bigger struct from a newer header: zero bytes past the library's
     * sizeof are fine, a non-zero one is a field this library cannot honour. */
    memset(&big, 0, sizeof(big));
    big.o.size = sizeof(big);
    big.o.max_depth = 8;
    dom = parse(xml, &big.o, &err);
    ck_assert_msg(dom != NULL, "zero tail refused: %s", err.message);
    domxml_domain_free(dom);
    big.tail[sizeof(big.tail) - 1] = 1;
    parse_fails(xml, &big.o, DOMXML_ERR_UNSUPPORTED, &err);
    ck_assert_str_eq(err.message, "parse options set a field this library does not know");
    big.tail[sizeof(big.tail) - 1] = 0;
    big.tail[0] = 0x80;
    parse_fails(xml, &big.o, DOMXML_ERR_UNSUPPORTED, &err);
    ck_assert_ptr_null(domxml_parse_file(path, &big.o, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_UNSUPPORTED);
    /* A non-zero byte past the caller's size is not read. */
    big.o.size = sizeof(domxml_parse_options);
    dom = parse(xml, &big.o, &err);
    ck_assert_msg(dom != NULL, "byte past size read: %s", err.message);
    domxml_domain_free(dom);

    /* A smaller struct from an older header: fields past its size are not
     * read (here max_depth, which would refuse the document). */
    domxml_parse_options_init(&opts);
    opts.max_depth = 1;
    parse_fails(xml, &opts, DOMXML_ERR_LIMIT, &err);
    opts.size = offsetof(domxml_parse_options, max_depth);
    dom = parse(xml, &opts, &err);
    ck_assert_msg(dom != NULL, "max_depth past size was read: %s", err.message);
    domxml_domain_free(dom);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Streaming output                                                      */

typedef struct sink {
    char *data;
    size_t len, cap;
    unsigned calls;
    unsigned fail_at; /* 1-based call that fails, 0: never */
} sink;

static int sink_write(void *ctx, const char *data, size_t len)
{
    sink *s = ctx;

    s->calls++;
    ck_assert_uint_gt(len, 0);
    if (s->fail_at && s->calls >= s->fail_at)
        return -1;
    if (s->len + len + 1 > s->cap) {
        s->cap = (s->len + len + 1) * 2;
        s->data = realloc(s->data, s->cap);
        ck_assert_ptr_nonnull(s->data);
    }
    memcpy(s->data + s->len, data, len);
    s->len += len;
    s->data[s->len] = '\0';
    return 0;
}

/* Format with domxml_format_to(); the text must be domxml_format()'s. */
static unsigned format_to_matches(const domxml_domain *dom)
{
    sink s = {NULL, 0, 0, 0, 0};
    domxml_error err;
    char *want = format_ok(dom);
    int rc = domxml_format_to(dom, sink_write, &s, &err);
    unsigned calls = s.calls;

    tu_track(s.data);
    ck_assert_msg(rc == 0, "format_to: %s", err.message);
    ck_assert_uint_eq(s.len, strlen(want));
    ck_assert_msg(memcmp(s.data, want, s.len) == 0, "format_to differs from format");
    return calls;
}

START_TEST(test_format_to)
{
    const char *path = tu_srcpath("tests/data/core-devices-mix.xml");
    domxml_error err;
    domxml_domain *dom = tu_track_domain(domxml_parse_file(path, NULL, &err));
    domxml_domain *big;
    domxml_node *last;
    sink s = {NULL, 0, 0, 0, 0};
    char *xml;
    size_t used = 0, cap = 200 * 512 + 64;

    ck_assert_msg(dom != NULL, "%s: %s", path, err.message);
    ck_assert_uint_ge(format_to_matches(dom), 1);

    /* Bigger than one buffer: several pieces, consecutive. */
    xml = tu_track(malloc(cap));
    ck_assert_ptr_nonnull(xml);
    used += (size_t)snprintf(xml, cap, "<domain>\n  <devices>\n");
    for (int i = 0; i < 200; i++)
        used += (size_t)snprintf(xml + used, cap - used,
                                 "    <interface type='network'>\n"
                                 "      <mac address='52:54:00:00:%02x:%02x'/>\n"
                                 "      <source network='net%d'/>\n"
                                 "      <model type='virtio'/>\n"
                                 "    </interface>\n",
                                 i >> 8, i & 0xff, i);
    snprintf(xml + used, cap - used, "  </devices>\n</domain>\n");
    big = parse_ok(xml);
    ck_assert_uint_gt(format_to_matches(big), 1);

    /* The write function stops it: DOMXML_ERR_IO, not called again. */
    s.fail_at = 1;
    ck_assert_int_eq(domxml_format_to(big, sink_write, &s, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_IO);
    ck_assert_str_eq(err.message, "the write function failed");
    ck_assert_uint_eq(s.calls, 1);
    s.calls = 0;
    s.fail_at = 2;
    ck_assert_int_eq(domxml_format_to(big, sink_write, &s, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_IO);
    ck_assert_uint_eq(s.calls, 2);
    /* ... also when only the last piece fails. */
    s.calls = 0;
    s.fail_at = format_to_matches(big);
    ck_assert_int_eq(domxml_format_to(big, sink_write, &s, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_IO);
    ck_assert_uint_eq(s.calls, s.fail_at);
    free(s.data);
    s = (sink){NULL, 0, 0, 0, 0};

    /* No write function; a tree that fails its check writes nothing. */
    ck_assert_int_eq(domxml_format_to(dom, NULL, NULL, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_int_eq(domxml_format_to(NULL, sink_write, &s, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    /* The last device is broken: checked before the first byte is written. */
    last = nth_device(big, 199);
    last->interface->mac->address.bytes[0] = 0x01; /* multicast */
    ck_assert_int_eq(domxml_format_to(big, sink_write, &s, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_VALUE);
    ck_assert_str_eq(err.message, "invalid value '01:54:00:00:00:c7' for attribute 'address' of "
                                  "<mac>: expected a unicast address");
    ck_assert_str_eq(err.path, "/domain/devices/interface[200]/mac");
    ck_assert_uint_eq(err.line, 4 + 5 * 199);
    ck_assert_uint_eq(s.calls, 0);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Rules on hand-built trees: the error a parse of the same XML gives     */

static domxml_interface *rule_iface(domxml_domain *dom, domxml_node *devices,
                                    domxml_interface_type type)
{
    domxml_node *n = add_child(devices, domxml_interface_node_new(dom));

    n->interface->type = type;
    return n->interface;
}

static domxml_hostdev *rule_hostdev(domxml_domain *dom, domxml_node *devices,
                                    domxml_hostdev_type type)
{
    domxml_node *n = add_child(devices, domxml_hostdev_node_new(dom));

    n->hostdev->mode = DOMXML_HOSTDEV_MODE_SUBSYSTEM;
    n->hostdev->type = type;
    return n->hostdev;
}

/* A PCI host source 0000:81:10.2. */
static domxml_hostdev_source *pci_source(domxml_domain *dom)
{
    domxml_hostdev_source *src = domxml_hostdev_source_new(dom);

    ck_assert_ptr_nonnull(src);
    src->address = domxml_hostdev_address_new(dom);
    ck_assert_int_eq(domxml_pci_addr_from_string("0000:81:10.2", &src->address->u.pci), 0);
    return src;
}

static void build_bridge_no_bridge(domxml_domain *dom, domxml_node *devices)
{
    rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_BRIDGE)->source =
        domxml_interface_source_new(dom);
}

static void build_boot_order_zero(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);

    i->info.boot = domxml_boot_new(dom);
    i->info.boot->order = uset(0);
}

static void build_rom_disabled_file(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);

    i->info.rom = domxml_rom_new(dom);
    i->info.rom->enabled = DOMXML_TRISTATE_BOOL_NO;
    i->info.rom->file = "x";
}

static void build_mac_unset(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);

    i->mac = domxml_mac_new(dom);
    i->mac->type = DOMXML_MAC_TYPE_STATIC;
    memcpy(i->mac->address.bytes, "\x52\x54\x00\x00\x00\x01", 6); /* bytes, but not set */
}

static void build_mac_multicast(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);

    i->mac = domxml_mac_new(dom);
    ck_assert_int_eq(domxml_mac_from_string("01:00:5e:00:00:01", &i->mac->address), 0);
}

static void build_number_not_set(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);

    i->info.acpi = domxml_acpi_new(dom);
    i->info.acpi->index.value = 5; /* .set forgotten */
}

static void build_enum_out_of_range(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);

    i->link = domxml_link_new(dom);
    i->link->state = (domxml_link_state)7;
}

static void build_hostdev_no_source(domxml_domain *dom, domxml_node *devices)
{
    rule_hostdev(dom, devices, DOMXML_HOSTDEV_TYPE_PCI);
}

static void build_vlan_no_tags(domxml_domain *dom, domxml_node *devices)
{
    more_of(dom, rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER))->vlan =
        domxml_vlan_new(dom);
}

static void build_usb_vendor_only(domxml_domain *dom, domxml_node *devices)
{
    domxml_hostdev *h = rule_hostdev(dom, devices, DOMXML_HOSTDEV_TYPE_USB);

    h->source = domxml_hostdev_source_new(dom);
    h->source->u.usb.vendor = domxml_usb_id_new(dom);
    h->source->u.usb.vendor->id = uset(0x1234);
}

static void build_iface_usb_vendor_only(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_HOSTDEV);

    i->hostdev_source = domxml_hostdev_source_new(dom);
    i->hostdev_source->u.usb.vendor = domxml_usb_id_new(dom);
    i->hostdev_source->u.usb.vendor->id = uset(0x1234);
}

static void build_host_source_on_network(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_NETWORK);

    i->source = domxml_interface_source_new(dom);
    i->source->u.network.network = "default";
    i->hostdev_source = pci_source(dom);
}

static void build_model_space(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);

    i->model = domxml_model_new(dom);
    i->model->custom = "my nic";
}

static void build_model_both(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);

    i->model = domxml_model_new(dom);
    i->model->type = DOMXML_NIC_MODEL_VIRTIO;
    i->model->custom = "my-nic";
}

static void build_host_address_typed(domxml_domain *dom, domxml_node *devices)
{
    domxml_hostdev *h = rule_hostdev(dom, devices, DOMXML_HOSTDEV_TYPE_PCI);

    h->source = pci_source(dom);
    h->source->address->type = DOMXML_ADDRESS_TYPE_USB;
}

static void build_teaming_no_type(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);

    i->teaming = domxml_teaming_new(dom);
    i->teaming->persistent = "ua-p";
}

static void build_vlan_tag_range(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);

    more_of(dom, i)->vlan = domxml_vlan_new(dom);
    i->more->vlan->tags = domxml_vlan_tag_new(dom);
    i->more->vlan->tags->id = uset(5000);
}

static void build_guest_pci_slot(domxml_domain *dom, domxml_node *devices)
{
    domxml_hostdev *h = rule_hostdev(dom, devices, DOMXML_HOSTDEV_TYPE_PCI);

    h->source = pci_source(dom);
    h->info.address = domxml_address_new(dom);
    h->info.address->type = DOMXML_ADDRESS_TYPE_PCI;
    h->info.address->u.pci.addr.bus = uset(1);
    h->info.address->u.pci.addr.slot = uset(0x20);
}

static void build_host_pci_function(domxml_domain *dom, domxml_node *devices)
{
    domxml_hostdev *h = rule_hostdev(dom, devices, DOMXML_HOSTDEV_TYPE_PCI);

    h->source = pci_source(dom);
    h->source->address->u.pci.function = uset(8);
}

static void build_udp_no_local(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_UDP);

    i->source = domxml_interface_source_new(dom);
    i->source->u.socket.address = "127.0.0.1";
    i->source->u.socket.port = (domxml_int){5555, true};
}

static void build_network_no_source(domxml_domain *dom, domxml_node *devices)
{
    rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_NETWORK);
}

static void build_ip_in_bridge_source(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_BRIDGE);

    i->source = domxml_interface_source_new(dom);
    i->source->u.bridge.bridge = "br0";
    i->source->ips = domxml_ip_new(dom);
    i->source->ips->address = "192.168.1.1";
}

static void build_outbound_floor(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_NETWORK);

    i->source = domxml_interface_source_new(dom);
    i->source->u.network.network = "default";
    more_of(dom, i)->bandwidth = domxml_bandwidth_new(dom);
    i->more->bandwidth->outbound = domxml_bandwidth_rate_new(dom);
    i->more->bandwidth->outbound->average = (domxml_ullong){1000, true};
    i->more->bandwidth->outbound->floor = (domxml_ullong){100, true};
}

static void build_second_iface(domxml_domain *dom, domxml_node *devices)
{
    rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);
    add_child(devices, domxml_node_new(dom, DOMXML_NODE_ELEMENT))->name = "disk";
    build_vlan_no_tags(dom, devices);
}

static void build_mdev_no_model(domxml_domain *dom, domxml_node *devices)
{
    domxml_hostdev *h = rule_hostdev(dom, devices, DOMXML_HOSTDEV_TYPE_MDEV);

    h->source = domxml_hostdev_source_new(dom);
    h->source->address = domxml_hostdev_address_new(dom);
    h->source->address->u.mdev.uuid = "c2177883-f1bb-47f0-914d-32a22e3a8804";
}

static void build_mtu_unset(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);

    more_of(dom, i)->mtu = domxml_mtu_new(dom);
}

static void build_bad_portid(domxml_domain *dom, domxml_node *devices)
{
    domxml_interface *i = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_NETWORK);

    i->source = domxml_interface_source_new(dom);
    i->source->u.network.network = "default";
    i->source->u.network.portid = "not-a-uuid";
}

static void build_generic_interface(domxml_domain *dom, domxml_node *devices)
{
    add_child(devices, domxml_node_new(dom, DOMXML_NODE_ELEMENT))->name = "interface";
}

typedef struct rule_case {
    const char *what;
    void (*build)(domxml_domain *dom, domxml_node *devices);
    /* The <devices> content that breaks the same rule; NULL when no XML
     * can (the model holds what the text cannot say). */
    const char *xml;
    domxml_error_code code;
    const char *message;
    const char *path;
} rule_case;

static const rule_case rule_cases[] = {
    {"bridge source without bridge", build_bridge_no_bridge,
     "<interface type='bridge'><source/></interface>", DOMXML_ERR_MISSING,
     "missing required attribute 'bridge' of <source>", "/domain/devices/interface/source"},
    {"boot order 0", build_boot_order_zero,
     "<interface type='user'><boot order='0'/></interface>", DOMXML_ERR_RANGE,
     "value '0' of attribute 'order' of <boot> must not be zero",
     "/domain/devices/interface/boot"},
    {"disabled rom with a file", build_rom_disabled_file,
     "<interface type='user'><rom enabled='no' file='x'/></interface>", DOMXML_ERR_VALUE,
     "<rom enabled='no'> cannot be combined with 'bar' or 'file'",
     "/domain/devices/interface/rom"},
    {"mac without address", build_mac_unset,
     "<interface type='user'><mac type='static'/></interface>", DOMXML_ERR_MISSING,
     "missing required attribute 'address' of <mac>", "/domain/devices/interface/mac"},
    {"multicast mac", build_mac_multicast,
     "<interface type='user'><mac address='01:00:5e:00:00:01'/></interface>", DOMXML_ERR_VALUE,
     "invalid value '01:00:5e:00:00:01' for attribute 'address' of <mac>: expected a unicast "
     "address",
     "/domain/devices/interface/mac"},
    {"number with a value but not set", build_number_not_set, NULL, DOMXML_ERR_VALUE,
     "attribute 'index' of <acpi> holds a value but is not set",
     "/domain/devices/interface/acpi"},
    {"enum out of range", build_enum_out_of_range, NULL, DOMXML_ERR_VALUE,
     "attribute 'state' of <link> holds 7, which is not a value of its enum",
     "/domain/devices/interface/link"},
    {"hostdev without source", build_hostdev_no_source,
     "<hostdev mode='subsystem' type='pci'/>", DOMXML_ERR_MISSING,
     "<hostdev> needs a <source> element", "/domain/devices/hostdev"},
    {"vlan without tags", build_vlan_no_tags, "<interface type='user'><vlan/></interface>",
     DOMXML_ERR_MISSING, "<vlan> needs at least one <tag>", "/domain/devices/interface/vlan"},
    {"usb hostdev source with vendor only", build_usb_vendor_only,
     "<hostdev mode='subsystem' type='usb'><source><vendor id='0x1234'/></source></hostdev>",
     DOMXML_ERR_MISSING, "a USB <source> needs both <vendor> and <product>, or neither",
     "/domain/devices/hostdev/source"},
    {"hostdev interface source with vendor only", build_iface_usb_vendor_only,
     "<interface type='hostdev'><source><vendor id='0x1234'/></source></interface>",
     DOMXML_ERR_MISSING, "a USB <source> needs both <vendor> and <product>, or neither",
     "/domain/devices/interface/source"},
    {"host source on a network interface", build_host_source_on_network, NULL,
     DOMXML_ERR_CONTENT,
     "<interface> holds a <source> that does not apply to it here and would not be written",
     "/domain/devices/interface"},
    {"custom model name with a space", build_model_space,
     "<interface type='user'><model type='my nic'/></interface>", DOMXML_ERR_VALUE,
     "invalid value 'my nic' for attribute 'type' of <model>: a model name uses only A-Z, a-z, "
     "0-9, '_' and '-'",
     "/domain/devices/interface/model"},
    {"teaming without type", build_teaming_no_type,
     "<interface type='user'><teaming persistent='ua-p'/></interface>", DOMXML_ERR_MISSING,
     "missing required attribute 'type' of <teaming>", "/domain/devices/interface/teaming"},
    {"vlan tag out of range", build_vlan_tag_range,
     "<interface type='user'><vlan><tag id='5000'/></vlan></interface>", DOMXML_ERR_RANGE,
     "value '5000' of attribute 'id' of <tag> is out of range (maximum 4095)",
     "/domain/devices/interface/vlan/tag"},
    {"guest pci slot out of range", build_guest_pci_slot,
     "<hostdev mode='subsystem' type='pci'><source><address domain='0x0000' bus='0x81' "
     "slot='0x10' function='0x2'/></source><address type='pci' bus='0x01' slot='0x20'/>"
     "</hostdev>",
     DOMXML_ERR_RANGE, "value '0x20' of attribute 'slot' of <address> is out of range (maximum 31)",
     "/domain/devices/hostdev/address"},
    {"host pci function out of range", build_host_pci_function,
     "<hostdev mode='subsystem' type='pci'><source><address domain='0x0000' bus='0x81' "
     "slot='0x10' function='0x8'/></source></hostdev>",
     DOMXML_ERR_RANGE, "value '0x8' of attribute 'function' of <address> is out of range (maximum 7)",
     "/domain/devices/hostdev/source/address"},
    {"udp source without local", build_udp_no_local,
     "<interface type='udp'><source address='127.0.0.1' port='5555'/></interface>",
     DOMXML_ERR_MISSING, "<source> of a udp interface needs a <local> element",
     "/domain/devices/interface/source"},
    {"network interface without source", build_network_no_source,
     "<interface type='network'/>", DOMXML_ERR_MISSING,
     "<interface type='network'> needs a <source> element", "/domain/devices/interface"},
    {"ip inside a bridge source", build_ip_in_bridge_source,
     "<interface type='bridge'><source bridge='br0'><ip address='192.168.1.1'/></source>"
     "</interface>",
     DOMXML_ERR_CONTENT, "<ip> and <route> inside <source> are allowed only for type='ethernet'",
     "/domain/devices/interface/source"},
    {"floor in outbound", build_outbound_floor,
     "<interface type='network'><source network='default'/><bandwidth>"
     "<outbound average='1000' floor='100'/></bandwidth></interface>",
     DOMXML_ERR_VALUE, "attribute 'floor' is allowed only in <inbound>",
     "/domain/devices/interface/bandwidth/outbound"},
    {"second interface: its index in the path", build_second_iface,
     "<interface type='user'/><disk/><interface type='user'><vlan/></interface>",
     DOMXML_ERR_MISSING, "<vlan> needs at least one <tag>", "/domain/devices/interface[2]/vlan"},
    {"mdev without model", build_mdev_no_model,
     "<hostdev mode='subsystem' type='mdev'><source><address "
     "uuid='c2177883-f1bb-47f0-914d-32a22e3a8804'/></source></hostdev>",
     DOMXML_ERR_MISSING, "an mdev <hostdev> needs model 'vfio-pci', 'vfio-ccw' or 'vfio-ap'",
     "/domain/devices/hostdev"},
    {"mtu without size", build_mtu_unset, "<interface type='user'><mtu/></interface>",
     DOMXML_ERR_MISSING, "missing required attribute 'size' of <mtu>",
     "/domain/devices/interface/mtu"},
    {"portid not a uuid", build_bad_portid,
     "<interface type='network'><source network='default' portid='not-a-uuid'/></interface>",
     DOMXML_ERR_VALUE, "invalid value 'not-a-uuid' for attribute 'portid' of <source>: expected a "
     "UUID",
     "/domain/devices/interface/source"},
    {"model with a known type and a custom name", build_model_both, NULL, DOMXML_ERR_VALUE,
     "<model> holds both a known type and the custom name 'my-nic': one of them would be lost",
     "/domain/devices/interface/model"},
    {"typed address in a hostdev source", build_host_address_typed, NULL, DOMXML_ERR_VALUE,
     "the <address> of a <hostdev> source takes no 'type' (only that of an <interface "
     "type='hostdev'> does)",
     "/domain/devices/hostdev/source/address"},
    {"generic interface element in devices", build_generic_interface, NULL, DOMXML_ERR_CONTENT,
     "a generic <interface> element in <devices> would be read back as a modelled device: use "
     "domxml_interface_node_new()",
     "/domain/devices"},
};

START_TEST(test_rules_hand_built)
{
    const rule_case *t = &rule_cases[_i];
    domxml_node *devices;
    domxml_domain *dom = new_domain(&devices);
    domxml_error ferr, cerr, perr;
    char xml[1024];

    t->build(dom, devices);
    ck_assert_msg(domxml_format(dom, NULL, &ferr) == NULL, "%s: formatted", t->what);
    ck_assert_msg(ferr.code == t->code, "%s: code %s, expected %s: %s", t->what,
                  domxml_error_code_to_string(ferr.code), domxml_error_code_to_string(t->code),
                  ferr.message);
    ck_assert_msg(strcmp(ferr.message, t->message) == 0, "%s: message \"%s\"", t->what,
                  ferr.message);
    ck_assert_msg(strcmp(ferr.path, t->path) == 0, "%s: path \"%s\"", t->what, ferr.path);
    ck_assert_msg(ferr.line == 0 && ferr.column == 0, "%s: position %lu:%lu for a hand-built "
                  "tree", t->what, ferr.line, ferr.column);
    ck_assert_int_eq(domxml_domain_check(dom, &cerr), -1);
    ck_assert_int_eq(cerr.code, ferr.code);
    ck_assert_str_eq(cerr.message, ferr.message);
    ck_assert_str_eq(cerr.path, ferr.path);
    /* Validation reports it too, with the path and no position. */
    {
        domxml_diagnostics *ds = domxml_domain_validate(dom, &cerr);
        bool found = false;

        ck_assert_ptr_nonnull(ds);
        for (size_t i = 0; i < ds->count; i++)
            found |= ds->items[i].severity == DOMXML_SEVERITY_ERROR &&
                     ds->items[i].kind == ferr.code && ds->items[i].line == 0 &&
                     strcmp(ds->items[i].message, ferr.message) == 0 &&
                     strcmp(ds->items[i].path, ferr.path) == 0;
        domxml_diagnostics_free(ds);
        ck_assert_msg(found, "%s: validation does not report \"%s\" at %s", t->what,
                      ferr.message, ferr.path);
    }

    if (!t->xml)
        return;
    snprintf(xml, sizeof(xml), "<domain>\n  <devices>\n    %s\n  </devices>\n</domain>\n", t->xml);
    parse_fails(xml, NULL, t->code, &perr);
    ck_assert_msg(strcmp(perr.message, ferr.message) == 0,
                  "%s: parse says \"%s\", format says \"%s\"", t->what, perr.message,
                  ferr.message);
    ck_assert_msg(strcmp(perr.path, t->path) == 0, "%s: parse path \"%s\"", t->what, perr.path);
    ck_assert_msg(perr.line == 3, "%s: parse error on line %lu", t->what, perr.line);
}
END_TEST

/* An edited parsed tree: the error has the element's input position. */
/* The device rules of validation, on a tree built by hand: codes, paths,
 * no positions, document order. */
static domxml_interface *dev_iface(domxml_domain *dom, domxml_node *devices,
                                   domxml_interface_type type, const char *alias,
                                   const char *mac)
{
    domxml_interface *i = rule_iface(dom, devices, type);

    i->info.alias = domxml_alias_new(dom);
    i->info.alias->name = alias;
    if (mac) {
        i->mac = domxml_mac_new(dom);
        ck_assert_int_eq(domxml_mac_from_string(mac, &i->mac->address), 0);
    }
    return i;
}

START_TEST(test_validate_hand_built)
{
    static const struct {
        const char *code, *path;
        domxml_severity severity;
    } want[] = {
        {"alias.not-user", "/domain/devices/interface[2]/alias", DOMXML_SEVERITY_WARNING},
        {"alias.duplicate", "/domain/devices/interface[3]/alias", DOMXML_SEVERITY_ERROR},
        {"teaming.mac-mismatch", "/domain/devices/interface[4]/mac", DOMXML_SEVERITY_ERROR},
        {"teaming.partner-missing", "/domain/devices/hostdev/teaming", DOMXML_SEVERITY_ERROR},
        {"address.pci-duplicate", "/domain/devices/interface[3]/address", DOMXML_SEVERITY_ERROR},
        {"hostdev.duplicate", "/domain/devices/hostdev/source/address", DOMXML_SEVERITY_ERROR},
    };
    domxml_node *devices;
    domxml_domain *dom = new_domain(&devices);
    domxml_interface *sb, *net0, *dup, *vf;
    domxml_hostdev *h;
    domxml_diagnostics *ds;
    domxml_error err;

    sb = dev_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER, "ua-sb", "52:54:00:00:00:01");
    sb->model = domxml_model_new(dom);
    sb->model->type = DOMXML_NIC_MODEL_VIRTIO;
    sb->teaming = domxml_teaming_new(dom);
    sb->teaming->type = DOMXML_TEAMING_TYPE_PERSISTENT;
    net0 = dev_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER, "net0", NULL);
    dup = dev_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER, "net0", NULL);
    net0->info.address = domxml_address_new(dom);
    net0->info.address->type = DOMXML_ADDRESS_TYPE_PCI;
    net0->info.address->u.pci.addr.bus = uset(1);
    net0->info.address->u.pci.addr.slot = uset(0);
    net0->info.address->u.pci.addr.function = uset(0);
    dup->info.address = domxml_address_new(dom);
    *dup->info.address = *net0->info.address;
    vf = dev_iface(dom, devices, DOMXML_INTERFACE_TYPE_HOSTDEV, "ua-vf", "52:54:00:00:00:02");
    vf->hostdev_source = pci_source(dom);
    vf->hostdev_source->address->type = DOMXML_ADDRESS_TYPE_PCI;
    vf->teaming = domxml_teaming_new(dom);
    vf->teaming->type = DOMXML_TEAMING_TYPE_TRANSIENT;
    vf->teaming->persistent = "ua-sb";
    h = rule_hostdev(dom, devices, DOMXML_HOSTDEV_TYPE_PCI);
    h->source = pci_source(dom);
    h->teaming = domxml_teaming_new(dom);
    h->teaming->type = DOMXML_TEAMING_TYPE_TRANSIENT;
    h->teaming->persistent = "ua-gone";

    ds = domxml_domain_validate(dom, &err);
    ck_assert_ptr_nonnull(ds);
    ck_assert_uint_eq(ds->count, sizeof(want) / sizeof(want[0]));
    ck_assert_uint_eq(ds->errors, 5);
    ck_assert_uint_eq(ds->warnings, 1);
    for (size_t i = 0; i < ds->count; i++) {
        ck_assert_msg(strcmp(ds->items[i].code, want[i].code) == 0 &&
                          strcmp(ds->items[i].path, want[i].path) == 0 &&
                          ds->items[i].severity == want[i].severity,
                      "diagnostic %zu: %s at %s (%s), expected %s at %s", i, ds->items[i].code,
                      ds->items[i].path, ds->items[i].message, want[i].code, want[i].path);
        ck_assert_uint_eq(ds->items[i].line, 0);
    }
    domxml_diagnostics_free(ds);
    /* It formats (parsing is lenient there), and the text parses back. */
    {
        char *out = domxml_format(dom, NULL, &err);
        domxml_domain *back;
        ck_assert_msg(out != NULL, "format: %s", err.message);
        back = domxml_parse_buffer(out, strlen(out), "back", NULL, &err);
        ck_assert_msg(back != NULL, "parse back: %s", err.message);
        domxml_domain_free(back);
        domxml_string_free(out);
    }
}
END_TEST

/* The codes of the errors of `dom` validated for `version`, space-separated
 * in document (here: walk) order. */
static void error_codes(const domxml_domain *dom, unsigned long version, char *buf, size_t size)
{
    domxml_validate_options o;
    domxml_diagnostics *ds;
    domxml_error err;
    size_t used = 0;

    domxml_validate_options_init(&o);
    o.libvirt_version = version;
    ds = domxml_domain_validate_with(dom, &o, &err);
    ck_assert_msg(ds != NULL, "validate: %s", err.message);
    buf[0] = '\0';
    for (size_t i = 0; i < ds->count && used < size; i++) {
        ck_assert_uint_eq(ds->items[i].line, 0);
        if (ds->items[i].severity == DOMXML_SEVERITY_ERROR)
            used += (size_t)snprintf(buf + used, size - used, "%s%s", used ? " " : "",
                                     ds->items[i].code);
    }
    domxml_diagnostics_free(ds);
}

/* libvirt's rules on a tree built by hand with the optional parts left out
 * (no source, no model, no <memoryBacking>, no <graphics>): no crash, the
 * same codes as for parsed documents, and the release gate. */
START_TEST(test_validate_libvirt_rules_hand_built)
{
    domxml_node *devices;
    domxml_domain *dom = new_domain(&devices);
    domxml_interface *vu, *virtio, *vf;
    domxml_hostdev *m1, *m2, *h, *vs;
    domxml_error err;
    char codes[1024];

    vu = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_VHOSTUSER); /* no source, no more */
    more_of(dom, vu)->backend = domxml_net_backend_new(dom);
    vu->more->backend->type = DOMXML_NET_BACKEND_TYPE_PASST;
    vu->more->backend->tap = "/dev/tap9";
    vu->more->backend->hostname = "g1";
    virtio = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_USER);
    virtio->model = domxml_model_new(dom);
    virtio->model->type = DOMXML_NIC_MODEL_VIRTIO;
    virtio->driver = domxml_net_driver_new(dom);
    virtio->driver->rx_queue_size = uset(300);
    virtio->driver->tx_queue_size = uset(0); /* 0: unset for libvirt */
    vf = rule_iface(dom, devices, DOMXML_INTERFACE_TYPE_HOSTDEV); /* no host source */
    vf->info.acpi = domxml_acpi_new(dom);
    vf->info.acpi->nodeset = "1,";
    m1 = rule_hostdev(dom, devices, DOMXML_HOSTDEV_TYPE_MDEV); /* no source */
    m1->model = DOMXML_HOSTDEV_MODEL_VFIO_PCI;
    m1->display = DOMXML_TRISTATE_SWITCH_ON;
    m1->ramfb = DOMXML_TRISTATE_SWITCH_ON;
    m2 = rule_hostdev(dom, devices, DOMXML_HOSTDEV_TYPE_MDEV);
    m2->model = DOMXML_HOSTDEV_MODEL_VFIO_PCI;
    m2->ramfb = DOMXML_TRISTATE_SWITCH_ON;
    m2->info.boot = domxml_boot_new(dom);
    m2->info.boot->order = uset(2);
    h = rule_hostdev(dom, devices, DOMXML_HOSTDEV_TYPE_PCI);
    h->source = pci_source(dom);
    h->source->address->u.pci.function = (domxml_uint){0}; /* incomplete: not compared */
    vs = rule_hostdev(dom, devices, DOMXML_HOSTDEV_TYPE_PCI);
    vs->source = pci_source(dom);
    vf->hostdev_source = pci_source(dom); /* the same host device as vs */
    vf->hostdev_source->address->type = DOMXML_ADDRESS_TYPE_PCI;

    error_codes(dom, 0, codes, sizeof(codes));
    /* The walk's rules first (document order), then the domain's. */
    ck_assert_str_eq(codes, "interface.tap-path driver.queue-size acpi.nodeset "
                            "missing.hostdev hostdev.boot-unsupported missing.hostdev "
                            "interface.shared-memory hostdev.display-needs-graphics "
                            "hostdev.ramfb-duplicate hostdev.duplicate");
    /* For libvirt 11.1: no shared-memory rule; what 11.1 lacks is an error. */
    error_codes(dom, DOMXML_LIBVIRT_VERSION(11, 1, 0), codes, sizeof(codes));
    ck_assert_ptr_null(strstr(codes, "interface.shared-memory"));
    ck_assert_ptr_nonnull(strstr(codes, "since.passt-hostname"));
    ck_assert_ptr_nonnull(strstr(codes, "since.acpi-nodeset"));
    ck_assert_ptr_null(strstr(codes, "since.vhostuser-passt"));
    error_codes(dom, DOMXML_LIBVIRT_VERSION(9, 0, 0), codes, sizeof(codes));
    ck_assert_ptr_nonnull(strstr(codes, "since.vhostuser-passt"));
    /* The checks of domxml_domain_check() ignore validation-only errors. */
    memset(&err, 0, sizeof(err));
    (void)domxml_domain_check(dom, &err);
    ck_assert_ptr_null(strstr(err.message, "power of two"));
    /* Options: size 0 refused, unknown trailing bytes refused. */
    {
        struct {
            domxml_validate_options o;
            unsigned long extra;
        } big;
        domxml_validate_options zero = {0, 0};

        ck_assert_ptr_null(domxml_domain_validate_with(dom, &zero, &err));
        ck_assert_int_eq(err.code, DOMXML_ERR_VALUE);
        memset(&big, 0, sizeof(big));
        big.o.size = sizeof(big);
        big.extra = 1;
        ck_assert_ptr_null(domxml_domain_validate_with(dom, &big.o, &err));
        ck_assert_int_eq(err.code, DOMXML_ERR_UNSUPPORTED);
    }
}
END_TEST

/* With DOMXML_PARSE_ATTR_POSITIONS, a problem about an attribute points at
 * the attribute, not at its element. */
START_TEST(test_validate_attr_position)
{
    static const char xml[] = "<interface type='user'>\n"
                              "  <address type='pci' domain='0x0000' bus='0x01' slot='0x02'\n"
                              "           function='0x0'/>\n"
                              "</interface>\n";
    domxml_parse_options opts;
    domxml_diagnostics *ds;
    domxml_error err;
    domxml_domain *dom;

    domxml_parse_options_init(&opts);
    opts.flags = DOMXML_PARSE_ATTR_POSITIONS;
    dom = domxml_parse_buffer(xml, strlen(xml), "t.xml", &opts, &err);
    ck_assert_msg(dom != NULL, "%s", err.message);
    dom->root->interface->info.address->u.pci.addr.slot.set = false; /* a value, not set */
    ds = domxml_domain_validate(dom, &err);
    ck_assert_ptr_nonnull(ds);
    ck_assert_uint_eq(ds->errors, 1);
    ck_assert_str_eq(ds->items[0].message,
                     "attribute 'slot' of <address> holds a value but is not set");
    ck_assert_str_eq(ds->items[0].path, "/interface/address");
    ck_assert_uint_eq(ds->items[0].line, 2);
    ck_assert_uint_eq(ds->items[0].column, 50); /* slot=, not <address> at column 3 */
    dom->root->interface->info.address->u.pci.addr.slot.set = true;
    dom->root->interface->info.address->u.pci.addr.function.value = 9; /* out of range */
    domxml_diagnostics_free(ds);
    ds = domxml_domain_validate(dom, &err);
    ck_assert_ptr_nonnull(ds);
    ck_assert_uint_eq(ds->errors, 1);
    ck_assert_uint_eq(ds->items[0].line, 3); /* function= on the next line */
    ck_assert_uint_eq(ds->items[0].column, 12);
    domxml_diagnostics_free(ds);
    domxml_domain_free(dom);
}
END_TEST

START_TEST(test_rules_parsed_position)
{
    static const char xml[] =
        "<domain>\n"
        "  <devices>\n"
        "    <interface type='user'>\n"
        "      <boot order='1'/>\n"
        "    </interface>\n"
        "  </devices>\n"
        "</domain>\n";
    domxml_domain *dom = parse_ok(xml);
    domxml_interface *i = nth_device(dom, 0)->interface;
    domxml_error err;

    ck_assert_ptr_nonnull(i->info.boot);
    ck_assert_uint_eq(i->info.boot->meta.line, 4);
    i->info.boot->order.value = 0;
    ck_assert_ptr_null(domxml_format(dom, NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_RANGE);
    ck_assert_str_eq(err.message, "value '0' of attribute 'order' of <boot> must not be zero");
    ck_assert_str_eq(err.path, "/domain/devices/interface/boot");
    ck_assert_uint_eq(err.line, 4);
    ck_assert_uint_eq(err.column, 7);

    /* A hand-built child of a parsed element has no position. */
    i->info.boot->order.value = 1;
    ck_assert_ptr_null(i->more);
    more_of(dom, i)->vlan = domxml_vlan_new(dom);
    ck_assert_ptr_null(domxml_format(dom, NULL, &err));
    ck_assert_str_eq(err.message, "<vlan> needs at least one <tag>");
    ck_assert_str_eq(err.path, "/domain/devices/interface/vlan");
    ck_assert_uint_eq(err.line, 0);
    i->more->vlan = NULL; /* an empty group writes nothing */
    /* A rule of the parsed element itself: its position. */
    i->type = DOMXML_INTERFACE_TYPE_BRIDGE;
    ck_assert_ptr_null(domxml_format(dom, NULL, &err));
    ck_assert_str_eq(err.message, "<interface type='bridge'> needs a <source> element");
    ck_assert_str_eq(err.path, "/domain/devices/interface");
    ck_assert_uint_eq(err.line, 3);
    ck_assert_uint_eq(err.column, 5);
    i->type = DOMXML_INTERFACE_TYPE_USER;
    ck_assert_int_eq(domxml_domain_check(dom, &err), 0);
    assert_same_text(xml, format_ok(dom));
    /* A rule of the parsed element about a hand-built child: the child's
     * position, none. */
    i->more->bandwidth = domxml_bandwidth_new(dom);
    i->more->bandwidth->outbound = domxml_bandwidth_rate_new(dom);
    i->more->bandwidth->outbound->average = (domxml_ullong){1000, true};
    i->more->bandwidth->outbound->floor = (domxml_ullong){100, true};
    ck_assert_ptr_null(domxml_format(dom, NULL, &err));
    ck_assert_str_eq(err.message, "attribute 'floor' is allowed only in <inbound>");
    ck_assert_str_eq(err.path, "/domain/devices/interface/bandwidth/outbound");
    ck_assert_uint_eq(err.line, 0);
    ck_assert_uint_eq(err.column, 0);
}
END_TEST

/* The same rule about a parsed child: that child's input position. */
START_TEST(test_rules_parsed_child_position)
{
    static const char xml[] =
        "<domain>\n"
        "  <devices>\n"
        "    <interface type='network'>\n"
        "      <source network='default'/>\n"
        "      <bandwidth>\n"
        "        <inbound average='1000' floor='200'/>\n"
        "      </bandwidth>\n"
        "    </interface>\n"
        "  </devices>\n"
        "</domain>\n";
    domxml_domain *dom = parse_ok(xml);
    domxml_interface *i = nth_device(dom, 0)->interface;
    domxml_error err;

    i->type = DOMXML_INTERFACE_TYPE_BRIDGE; /* the source's first field reads as its bridge */
    ck_assert_str_eq(i->source->u.bridge.bridge, "default");
    ck_assert_ptr_null(domxml_format(dom, NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_VALUE);
    ck_assert_str_eq(err.message, "attribute 'floor' of <inbound> is allowed only for "
                                  "type='network'");
    ck_assert_str_eq(err.path, "/domain/devices/interface/bandwidth/inbound");
    ck_assert_uint_eq(err.line, 6);
    ck_assert_uint_eq(err.column, 9);
    i->type = DOMXML_INTERFACE_TYPE_NETWORK;
    assert_same_text(xml, format_ok(dom));
}
END_TEST

int main(void)
{
    Suite *s = suite_create("api");
    TCase *basics = tcase_create("basics");
    TCase *errors = tcase_create("errors");
    TCase *documents = tu_tcase("documents");
    TCase *teaming = tcase_create("teaming");
    TCase *devices = tu_tcase("devices");
    TCase *values = tu_tcase("values");
    TCase *output = tu_tcase("output");
    TCase *rules = tu_tcase("rules");
    int n_enums = (int)(sizeof(enums) / sizeof(enums[0]));
    int n_zero = (int)(sizeof(zero_based_enums) / sizeof(zero_based_enums[0]));

    tcase_add_test(basics, test_version);
    tcase_add_loop_test(basics, test_enum_round_trip, 0, n_enums);
    tcase_add_loop_test(basics, test_enum_zero_based, 0, n_zero);
    tcase_add_loop_test(basics, test_enum_distinct, 0, n_enums + n_zero);
    tcase_add_test(basics, test_enum_names);
    tcase_add_test(basics, test_enum_case);
    tcase_add_test(basics, test_nic_model_is_virtio);
    tcase_add_test(basics, test_strerror);
    tcase_add_test(basics, test_null_arguments);
    tcase_add_test(basics, test_error_pointer_optional);
    suite_add_tcase(s, basics);

    tcase_add_test(errors, test_error_malformed);
    tcase_add_test(errors, test_error_value_path);
    tcase_add_test(errors, test_error_root);
    tcase_add_test(errors, test_parse_file);
    tcase_add_test(errors, test_error_long_names);
    tcase_add_test(basics, test_element_helpers);
    tcase_add_test(errors, test_forbidden_doctype);
    tcase_add_test(errors, test_depth_limit);
    tcase_add_test(errors, test_size_limit);
    tcase_add_test(errors, test_memory_limit);
    tcase_add_test(errors, test_depth_ceiling);
    suite_add_tcase(s, errors);

    tcase_add_test(documents, test_standalone_interface);
    tcase_add_test(documents, test_standalone_hostdev);
    tcase_add_test(documents, test_encoding_declaration);
    tcase_add_test(documents, test_format_invalid_enum);
    tcase_add_test(documents, test_format_hand_built_errors);
    suite_add_tcase(s, documents);

    tcase_add_test(teaming, test_teaming_link);
    tcase_add_test(teaming, test_teaming_interface_transient);
    tcase_add_test(teaming, test_teaming_standalone);
    tcase_add_loop_test(teaming, test_teaming_errors, 0,
                        (int)(sizeof(teaming_errors) / sizeof(teaming_errors[0])));
    suite_add_tcase(s, teaming);

    tcase_add_test(devices, test_builders);
    tcase_add_test(devices, test_extra_content);
    tcase_add_test(devices, test_device_next);
    tcase_add_test(devices, test_device_accessors);
    tcase_add_test(devices, test_device_edit);
    tcase_add_test(devices, test_device_insert_already_linked);
    tcase_add_test(devices, test_generic_lookups);
    suite_add_tcase(s, devices);

    tcase_add_test(values, test_mac_text);
    tcase_add_test(values, test_pci_addr_text);
    tcase_add_test(values, test_model_name);
    tcase_add_test(values, test_options_size);
    suite_add_tcase(s, values);

    tcase_add_test(output, test_format_to);
    tcase_add_test(output, test_format_dangling_teaming);
    tcase_add_test(output, test_format_extra_child_known_name);
    tcase_add_test(output, test_format_xml_decl);
    tcase_add_test(output, test_format_metadata);
    suite_add_tcase(s, output);

    tcase_add_test(rules, test_validate_hand_built);
    tcase_add_test(rules, test_validate_libvirt_rules_hand_built);
    tcase_add_test(rules, test_validate_attr_position);
    tcase_add_loop_test(rules, test_rules_hand_built, 0,
                        (int)(sizeof(rule_cases) / sizeof(rule_cases[0])));
    tcase_add_test(rules, test_rules_parsed_position);
    tcase_add_test(rules, test_rules_parsed_child_position);
    suite_add_tcase(s, rules);

    return tu_run_suite(s);
}
