/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * <interface>: every network interface type libvirt knows. Field order
 * follows libvirt's output order. Ownership: see device.h.
 */
#ifndef DOMXML_INTERFACE_H
#define DOMXML_INTERFACE_H

#include <domxml/hostdev.h>

#ifdef __cplusplus
extern "C" {
#endif

/* <interface type=...>, in libvirt's enum order. Since 0.1. */
typedef enum domxml_interface_type {
    DOMXML_INTERFACE_TYPE_NONE = 0, /* attribute absent (libvirt reads: user) */
    DOMXML_INTERFACE_TYPE_USER,
    DOMXML_INTERFACE_TYPE_ETHERNET,
    DOMXML_INTERFACE_TYPE_VHOSTUSER,
    DOMXML_INTERFACE_TYPE_SERVER,
    DOMXML_INTERFACE_TYPE_CLIENT,
    DOMXML_INTERFACE_TYPE_MCAST,
    DOMXML_INTERFACE_TYPE_NETWORK,
    DOMXML_INTERFACE_TYPE_BRIDGE,
    DOMXML_INTERFACE_TYPE_INTERNAL,
    DOMXML_INTERFACE_TYPE_DIRECT,
    DOMXML_INTERFACE_TYPE_HOSTDEV,
    DOMXML_INTERFACE_TYPE_UDP,
    DOMXML_INTERFACE_TYPE_VDPA,
    DOMXML_INTERFACE_TYPE_NULL,
    DOMXML_INTERFACE_TYPE_VDS,
    DOMXML_INTERFACE_TYPE_LAST
} domxml_interface_type;

typedef enum domxml_mac_type {
    DOMXML_MAC_TYPE_NONE = 0,
    DOMXML_MAC_TYPE_GENERATED,
    DOMXML_MAC_TYPE_STATIC,
    DOMXML_MAC_TYPE_LAST
} domxml_mac_type;

/* A MAC address as 6 bytes; `set` tells presence. Since 0.2. */
typedef struct domxml_mac_addr {
    unsigned char bytes[6];
    bool set;
} domxml_mac_addr;

/* <mac address= type= check= currentAddress=/>. The address is required and
 * unicast; it is written lower-case with two digits per octet.
 * `current_address` is the MAC the guest set, in live XML (libvirt 11.2.0;
 * since 0.2). */
typedef struct domxml_mac {
    domxml_meta meta;
    domxml_mac_addr address;
    domxml_mac_type type;
    domxml_tristate_bool check;
    domxml_mac_addr current_address;
} domxml_mac;

/* mode= of a direct (macvtap) source. */
typedef enum domxml_direct_mode {
    DOMXML_DIRECT_MODE_NONE = 0,
    DOMXML_DIRECT_MODE_VEPA,
    DOMXML_DIRECT_MODE_PRIVATE,
    DOMXML_DIRECT_MODE_BRIDGE,
    DOMXML_DIRECT_MODE_PASSTHROUGH,
    DOMXML_DIRECT_MODE_LAST
} domxml_direct_mode;

/* mode= of a vhostuser socket. */
typedef enum domxml_socket_mode {
    DOMXML_SOCKET_MODE_NONE = 0,
    DOMXML_SOCKET_MODE_CLIENT,
    DOMXML_SOCKET_MODE_SERVER,
    DOMXML_SOCKET_MODE_LAST
} domxml_socket_mode;

/* type= of a vhostuser source: only 'unix'. */
typedef enum domxml_socket_type {
    DOMXML_SOCKET_TYPE_NONE = 0,
    DOMXML_SOCKET_TYPE_UNIX,
    DOMXML_SOCKET_TYPE_LAST
} domxml_socket_type;

/* <reconnect enabled= timeout=/> of a vhostuser source. */
typedef struct domxml_reconnect {
    domxml_meta meta;
    domxml_tristate_bool enabled;
    domxml_uint timeout;
} domxml_reconnect;

/* <local address= port=/> of a udp source. */
typedef struct domxml_socket_local {
    domxml_meta meta;
    const char *address;
    domxml_int port;
} domxml_socket_local;

/*
 * <source> of a non-hostdev interface. The member of `u` that applies is
 * chosen by the interface type; attributes of other types are kept as
 * unknown content. Since 0.2.
 */
typedef struct domxml_interface_source {
    domxml_meta meta;
    union {
        struct { /* network */
            const char *network; /* required */
            const char *portgroup;
            const char *portid;  /* UUID */
        } network;
        struct { /* bridge */
            const char *bridge; /* required */
        } bridge;
        struct { /* direct (macvtap) */
            const char *dev; /* required */
            domxml_direct_mode mode;
        } direct;
        struct { /* vdpa (dev required), user (dev optional: passt) */
            const char *dev;
        } dev;
        struct { /* vhostuser */
            /* type, path and mode are required unless the interface has
             * <backend type='passt'/> (libvirt 11.1.0), where all three are
             * optional and `dev` may name the host interface (since 0.2) */
            domxml_socket_type type;
            const char *path;
            domxml_socket_mode mode;
            const char *dev;
            domxml_reconnect *reconnect;
        } vhostuser;
        struct { /* server (address optional), client, mcast, udp */
            const char *address;
            domxml_int port; /* required, 0..65535 */
            domxml_socket_local *local; /* udp: required */
        } socket;
        struct { /* internal */
            const char *name; /* required */
        } internal;
        struct { /* vds: all required */
            const char *switchid; /* UUID */
            domxml_ullong portid;
            const char *portgroupid;
            domxml_ullong connectionid;
        } vds;
    } u;
    domxml_ip *ips;       /* ethernet only: host side */
    domxml_route *routes; /* ethernet only: host side */
} domxml_interface_source;

/* <vlan trunk=> with <tag id= nativeMode=/> children. */
typedef enum domxml_vlan_native_mode {
    DOMXML_VLAN_NATIVE_MODE_NONE = 0,
    DOMXML_VLAN_NATIVE_MODE_TAGGED,
    DOMXML_VLAN_NATIVE_MODE_UNTAGGED,
    DOMXML_VLAN_NATIVE_MODE_LAST
} domxml_vlan_native_mode;

typedef struct domxml_vlan_tag {
    struct domxml_vlan_tag *next;
    domxml_meta meta;
    domxml_uint id; /* 0..4095 */
    domxml_vlan_native_mode native_mode;
} domxml_vlan_tag;

typedef struct domxml_vlan {
    domxml_meta meta;
    domxml_tristate_bool trunk;
    domxml_vlan_tag *tags;
} domxml_vlan;

typedef enum domxml_virtualport_type {
    DOMXML_VIRTUALPORT_TYPE_NONE = 0,
    DOMXML_VIRTUALPORT_TYPE_8021QBG,
    DOMXML_VIRTUALPORT_TYPE_8021QBH,
    DOMXML_VIRTUALPORT_TYPE_OPENVSWITCH,
    DOMXML_VIRTUALPORT_TYPE_MIDONET,
    DOMXML_VIRTUALPORT_TYPE_LAST
} domxml_virtualport_type;

/* <parameters .../> of a <virtualport>. */
typedef struct domxml_virtualport_params {
    domxml_meta meta;
    domxml_uint manager_id;     /* 0..255 */
    domxml_uint type_id;       /* 0..0xffffff */
    domxml_uint type_id_version; /* 0..255 */
    const char *instance_id;   /* UUID */
    const char *interface_id;  /* UUID */
    const char *profile_id;    /* up to 39 characters */
} domxml_virtualport_params;

typedef struct domxml_virtualport {
    domxml_meta meta;
    domxml_virtualport_type type;
    domxml_virtualport_params *parameters;
} domxml_virtualport;

/* <inbound>/<outbound average= peak= floor= burst=/>. */
typedef struct domxml_bandwidth_rate {
    domxml_meta meta;
    domxml_ullong average, peak, floor, burst;
} domxml_bandwidth_rate;

typedef struct domxml_bandwidth {
    domxml_meta meta;
    domxml_bandwidth_rate *inbound;
    domxml_bandwidth_rate *outbound; /* no floor */
} domxml_bandwidth;

/* <port isolated=/> */
typedef struct domxml_port {
    domxml_meta meta;
    domxml_tristate_bool isolated;
} domxml_port;

/* One-attribute elements: <script path=/>, <downscript path=/>,
 * <backenddomain name=/>. */
typedef struct domxml_path_element {
    domxml_meta meta;
    const char *path;
} domxml_path_element;

typedef struct domxml_name_element {
    domxml_meta meta;
    const char *name;
} domxml_name_element;

/* <target dev= managed=/> */
typedef struct domxml_target {
    domxml_meta meta;
    const char *dev;
    domxml_tristate_bool managed;
} domxml_target;

/* <guest dev= actual=/> (LXC) */
typedef struct domxml_guest {
    domxml_meta meta;
    const char *dev;
    const char *actual;
} domxml_guest;

/* NIC models libvirt knows by name (matched case-insensitively). */
typedef enum domxml_nic_model {
    DOMXML_NIC_MODEL_NONE = 0, /* no model, or a free-form one in `custom` */
    DOMXML_NIC_MODEL_NETFRONT,
    DOMXML_NIC_MODEL_RTL8139,
    DOMXML_NIC_MODEL_VIRTIO,
    DOMXML_NIC_MODEL_E1000,
    DOMXML_NIC_MODEL_E1000E,
    DOMXML_NIC_MODEL_IGB,
    DOMXML_NIC_MODEL_VIRTIO_TRANSITIONAL,
    DOMXML_NIC_MODEL_VIRTIO_NON_TRANSITIONAL,
    DOMXML_NIC_MODEL_USB_NET,
    DOMXML_NIC_MODEL_SPAPR_VLAN,
    DOMXML_NIC_MODEL_LAN9118,
    DOMXML_NIC_MODEL_SCM91C111,
    DOMXML_NIC_MODEL_VLANCE,
    DOMXML_NIC_MODEL_VMXNET,
    DOMXML_NIC_MODEL_VMXNET2,
    DOMXML_NIC_MODEL_VMXNET3,
    DOMXML_NIC_MODEL_AM79C970A,
    DOMXML_NIC_MODEL_AM79C973,
    DOMXML_NIC_MODEL_82540EM,
    DOMXML_NIC_MODEL_82545EM,
    DOMXML_NIC_MODEL_82543GC,
    DOMXML_NIC_MODEL_LAST
} domxml_nic_model;

/* <model type=/>: a known model, or `custom` ([A-Za-z0-9_-]+) verbatim. */
typedef struct domxml_model {
    domxml_meta meta;
    domxml_nic_model type;
    const char *custom;
} domxml_model;

typedef enum domxml_net_driver_name {
    DOMXML_NET_DRIVER_NAME_NONE = 0,
    DOMXML_NET_DRIVER_NAME_QEMU,
    DOMXML_NET_DRIVER_NAME_VHOST,
    DOMXML_NET_DRIVER_NAME_LAST
} domxml_net_driver_name;

typedef enum domxml_net_txmode {
    DOMXML_NET_TXMODE_NONE = 0,
    DOMXML_NET_TXMODE_IOTHREAD,
    DOMXML_NET_TXMODE_TIMER,
    DOMXML_NET_TXMODE_LAST
} domxml_net_txmode;

/* <host .../> offloads inside <driver>. */
typedef struct domxml_net_driver_host {
    domxml_meta meta;
    domxml_tristate_switch csum, gso, tso4, tso6, ecn, ufo, mrg_rxbuf;
} domxml_net_driver_host;

/* <guest .../> offloads inside <driver>. */
typedef struct domxml_net_driver_guest {
    domxml_meta meta;
    domxml_tristate_switch csum, tso4, tso6, ecn, ufo;
} domxml_net_driver_guest;

/* <driver> of a non-hostdev interface (virtio settings). */
typedef struct domxml_net_driver {
    domxml_meta meta;
    domxml_net_driver_name name;
    domxml_net_txmode txmode;
    domxml_tristate_switch ioeventfd;
    domxml_tristate_switch event_idx;
    domxml_uint queues;
    domxml_uint rx_queue_size;
    domxml_uint tx_queue_size;
    domxml_tristate_switch rss;
    domxml_tristate_switch rss_hash_report;
    domxml_tristate_switch iommu;
    domxml_tristate_switch ats;
    domxml_tristate_switch packed;
    domxml_tristate_switch page_per_vq;
    domxml_net_driver_host *host;
    domxml_net_driver_guest *guest;
} domxml_net_driver;

typedef enum domxml_net_backend_type {
    DOMXML_NET_BACKEND_TYPE_NONE = 0,
    DOMXML_NET_BACKEND_TYPE_DEFAULT,
    DOMXML_NET_BACKEND_TYPE_PASST,
    DOMXML_NET_BACKEND_TYPE_LAST
} domxml_net_backend_type;

/* <backend type= tap= vhost= logFile= hostname= fqdn=/>. `hostname` and
 * `fqdn` are what passt hands the guest (libvirt 11.8.0; since 0.2). */
typedef struct domxml_net_backend {
    domxml_meta meta;
    domxml_net_backend_type type;
    const char *tap;
    const char *vhost;
    const char *log_file;
    const char *hostname;
    const char *fqdn;
} domxml_net_backend;

typedef enum domxml_port_forward_proto {
    DOMXML_PORT_FORWARD_PROTO_NONE = 0,
    DOMXML_PORT_FORWARD_PROTO_TCP,
    DOMXML_PORT_FORWARD_PROTO_UDP,
    DOMXML_PORT_FORWARD_PROTO_LAST
} domxml_port_forward_proto;

/* <range start= end= to= exclude=/> inside <portForward>. */
typedef struct domxml_port_forward_range {
    struct domxml_port_forward_range *next;
    domxml_meta meta;
    domxml_uint start, end, to;
    domxml_tristate_bool exclude;
} domxml_port_forward_range;

/* <portForward proto= address= dev=> (passt backend); a list. */
typedef struct domxml_port_forward {
    struct domxml_port_forward *next;
    domxml_meta meta;
    domxml_port_forward_proto proto;
    const char *address;
    const char *dev;
    domxml_port_forward_range *ranges;
} domxml_port_forward;

/* <parameter name= value=/> inside <filterref>. */
typedef struct domxml_filter_param {
    struct domxml_filter_param *next;
    domxml_meta meta;
    const char *name;
    const char *value;
} domxml_filter_param;

typedef struct domxml_filterref {
    domxml_meta meta;
    const char *filter; /* required */
    domxml_filter_param *params;
} domxml_filterref;

/* <tune><sndbuf>N</sndbuf></tune> */
typedef struct domxml_sndbuf {
    domxml_meta meta;
    domxml_ullong value;
} domxml_sndbuf;

typedef struct domxml_tune {
    domxml_meta meta;
    domxml_sndbuf *sndbuf;
} domxml_tune;

typedef enum domxml_link_state {
    DOMXML_LINK_STATE_NONE = 0,
    DOMXML_LINK_STATE_UP,
    DOMXML_LINK_STATE_DOWN,
    DOMXML_LINK_STATE_LAST
} domxml_link_state;

typedef struct domxml_link {
    domxml_meta meta;
    domxml_link_state state;
} domxml_link;

typedef struct domxml_mtu {
    domxml_meta meta;
    domxml_uint size;
} domxml_mtu;

/* <coalesce><rx><frames max=/></rx></coalesce> */
typedef struct domxml_coalesce_frames {
    domxml_meta meta;
    domxml_uint max;
} domxml_coalesce_frames;

typedef struct domxml_coalesce_rx {
    domxml_meta meta;
    domxml_coalesce_frames *frames;
} domxml_coalesce_rx;

typedef struct domxml_coalesce {
    domxml_meta meta;
    domxml_coalesce_rx *rx;
} domxml_coalesce;

/*
 * The children most interfaces lack, grouped behind one pointer so that an
 * interface without any of them pays 8 bytes for all (the parser allocates
 * the group with the first of them; builders use domxml_interface_more_new()).
 * Each is NULL when absent. In libvirt's output order, which interleaves them
 * with the children of domxml_interface as the descriptor tables say.
 * Since 0.2.
 */
typedef struct domxml_interface_more {
    domxml_vlan *vlan;
    domxml_virtualport *virtualport;
    domxml_bandwidth *bandwidth;
    domxml_port *port;
    domxml_ip *ips;       /* guest side */
    domxml_route *routes; /* guest side */
    domxml_port_forward *port_forwards;
    domxml_path_element *script;
    domxml_path_element *downscript;
    domxml_name_element *backenddomain;
    domxml_guest *guest;
    domxml_net_backend *backend;
    domxml_filterref *filterref;
    domxml_tune *tune;
    domxml_mtu *mtu;
    domxml_coalesce *coalesce;
} domxml_interface_more;

/*
 * <interface>. Create with domxml_interface_node_new(). Every child element
 * is a pointer, NULL when absent; the rarer ones are in `more`. For type
 * hostdev the host side lives in `hostdev_driver` and `hostdev_source` (the
 * same model as a plain <hostdev>) and `source`/`driver` stay NULL;
 * `managed` applies to that type only. Since 0.1; children are pointers
 * since 0.2.
 */
typedef struct domxml_interface {
    domxml_meta meta;
    domxml_interface_type type;
    domxml_tristate_bool managed;
    domxml_tristate_bool trust_guest_rx_filters;
    domxml_mac *mac;
    domxml_hostdev_driver *hostdev_driver; /* type hostdev, before <source> */
    domxml_hostdev_source *hostdev_source; /* type hostdev */
    domxml_interface_source *source;       /* every other type */
    domxml_target *target;
    domxml_model *model;
    domxml_net_driver *driver; /* not for type hostdev */
    domxml_teaming *teaming;
    domxml_link *link;
    domxml_interface_more *more;
    domxml_device_info info;
} domxml_interface;

#ifdef __cplusplus
}
#endif
#endif /* DOMXML_INTERFACE_H */
