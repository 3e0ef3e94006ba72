/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Public API tests: version macros, enum tables, error texts, NULL
 * arguments, the error struct, refused and limited input, standalone device
 * documents, and <teaming> links and their errors.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    domxml_string_free(NULL, NULL);
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
    domxml_string_free(dom, NULL);
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
    domxml_string_free(dom, out);
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
    ck_assert_str_eq(err.message, "mismatched tag");
    ck_assert_uint_eq(err.line, 2);
    ck_assert_uint_eq(err.column, 12); /* 1-based: the name in "</nam>" */
    ck_assert_uint_eq(err.offset, 20);
    ck_assert_str_eq(err.source, "test.xml");
    ck_assert_str_eq(err.path, "/domain/name");
    tu_format_error(&err, line, sizeof(line));
    ck_assert_str_eq(line, "2:12: mismatched tag (at /domain/name)\n");

    parse_fails("", NULL, DOMXML_ERR_XML, &err);
    ck_assert_str_eq(err.message, "no element found");
    ck_assert_str_eq(err.path, "");
    tu_format_error(&err, line, sizeof(line));
    ck_assert_str_eq(line, "1:1: no element found\n");

    parse_fails("<domain>&undefined;</domain>", NULL, DOMXML_ERR_XML, &err);
    ck_assert_str_eq(err.message, "undefined entity");
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
    domxml_parse_options opts = {.max_depth = 3};
    domxml_error err;
    domxml_domain *dom;
    char *xml;

    parse_fails("<domain><a><b><c/></b></a></domain>", &opts, DOMXML_ERR_LIMIT, &err);
    ck_assert_str_eq(err.message, "element <c> nested deeper than 3 levels");
    ck_assert_str_eq(err.path, "/domain/a/b");
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
    domxml_parse_options opts = {.max_size = sizeof(xml) - 2};
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

/* A short tag can cost kilobytes once modelled: max_memory bounds that. */
START_TEST(test_memory_limit)
{
    domxml_parse_options opts = {.max_memory = 64 << 10};
    size_t n = 200, len = 0;
    char *xml = malloc(64 + n * 12);
    domxml_error err;
    domxml_domain *dom;

    ck_assert_ptr_nonnull(xml);
    len += (size_t)sprintf(xml, "<domain><devices>");
    for (size_t i = 0; i < n; i++)
        len += (size_t)sprintf(xml + len, "<interface/>");
    sprintf(xml + len, "</devices></domain>");
    parse_fails(xml, &opts, DOMXML_ERR_LIMIT, &err);
    ck_assert_str_eq(err.message, "the document needs more than 65536 bytes of memory (max_memory)");
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
    domxml_parse_options opts = {.max_depth = 1000000};
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
    ck_assert(iface->mac.has_address);
    ck_assert_mem_eq(iface->mac.address, mac, 6);
    ck_assert_str_eq(iface->source.bridge, "br0");
    ck_assert_int_eq(iface->model.type, DOMXML_NIC_MODEL_VIRTIO);
    ck_assert_uint_eq(dom->root->line, 1);
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
    ck_assert_int_eq(h->driver.name, DOMXML_HOSTDEV_BACKEND_VFIO);
    ck_assert(h->source.address.bus.set);
    ck_assert_uint_eq(h->source.address.bus.value, 0x81);
    ck_assert_uint_eq(h->source.address.slot.value, 0x10);
    ck_assert_uint_eq(h->source.address.function.value, 2);
    ck_assert_str_eq(h->info.alias.name, "ua-vf0");
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

/* Hand-built trees that cannot be written are refused with the reason. */
static void expect_format_error(domxml_domain *dom, const char *message)
{
    domxml_error err;
    size_t len = 0;

    ck_assert_ptr_null(domxml_format(dom, &len, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_VALUE);
    ck_assert_str_eq(err.message, message);
}

START_TEST(test_format_hand_built_errors)
{
    domxml_error err;
    domxml_domain *dom = parse("<domain><devices><interface type='user'/></devices></domain>",
                               NULL, &err);
    domxml_node *devices, *iface, *n, *deep;

    ck_assert_msg(dom != NULL, "%s", err.message);
    devices = domxml_domain_devices(dom);
    iface = devices->children;

    n = domxml_node_new(dom, DOMXML_NODE_COMMENT);
    n->text = "a -- b";
    devices->children = n;
    n->next = iface;
    expect_format_error(dom, "cannot write a comment containing '--' or ending in '-'");
    n->text = "fine";

    n = domxml_node_new(dom, DOMXML_NODE_TEXT);
    n->text = "loose";
    iface->interface->extra.children = n;
    expect_format_error(dom, "cannot write text inside a modelled element");
    iface->interface->extra.children = NULL;

    iface->interface = NULL;
    expect_format_error(dom, "cannot write an INTERFACE node without its struct");
    ck_assert_ptr_null(domxml_node_new(dom, DOMXML_NODE_INTERFACE));

    /* 1100 nested generic elements: deeper than any parse allows. */
    devices->children = NULL;
    deep = devices;
    for (int i = 0; i < 1100; i++) {
        n = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
        n->name = "e";
        deep->children = n;
        deep = n;
    }
    expect_format_error(dom, "cannot write a tree nested deeper than 1024 levels");
    domxml_domain_free(dom);
}
END_TEST

START_TEST(test_format_invalid_enum)
{
    domxml_error err;
    domxml_domain *dom = parse("<interface type='user'/>", NULL, &err);
    size_t len = 0;

    ck_assert_msg(dom != NULL, "%s", err.message);
    dom->root->interface->type = (domxml_interface_type)99;
    ck_assert_ptr_null(domxml_format(dom, &len, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_VALUE);
    ck_assert_str_eq(err.message, "attribute 'type' of <interface> holds a value outside its enum");
    domxml_domain_free(dom);
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
    domxml_parse_options opts = {.flags = DOMXML_PARSE_NO_TEAMING_LINK};
    domxml_error err;
    domxml_domain *dom = parse(xml, NULL, &err);
    domxml_node *iface, *hostdev;

    ck_assert_msg(dom != NULL, "%s", err.message);
    iface = nth_device(dom, 0);
    hostdev = nth_device(dom, 1);
    ck_assert_int_eq(iface->kind, DOMXML_NODE_INTERFACE);
    ck_assert_int_eq(hostdev->kind, DOMXML_NODE_HOSTDEV);
    ck_assert_int_eq(iface->interface->teaming.type, DOMXML_TEAMING_TYPE_PERSISTENT);
    ck_assert_int_eq(hostdev->hostdev->teaming.type, DOMXML_TEAMING_TYPE_TRANSIENT);
    ck_assert_str_eq(hostdev->hostdev->teaming.persistent, "ua-p");
    ck_assert_ptr_eq(hostdev->hostdev->teaming.peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming.peer, hostdev);
    ck_assert_ptr_eq(domxml_teaming_peer(iface), hostdev);
    ck_assert_ptr_eq(domxml_teaming_peer(hostdev), iface);
    ck_assert_ptr_eq(domxml_teaming_next_pair(dom, NULL), iface);
    ck_assert_ptr_null(domxml_teaming_next_pair(dom, iface));
    /* Linking again gives the same result. */
    ck_assert_int_eq(domxml_domain_link_teaming(dom, &err), 0);
    ck_assert_ptr_eq(hostdev->hostdev->teaming.peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming.peer, hostdev);
    domxml_domain_free(dom);
    round_trips(xml);

    /* DOMXML_PARSE_NO_TEAMING_LINK leaves the peers NULL until linked. */
    dom = parse(xml, &opts, &err);
    ck_assert_msg(dom != NULL, "%s", err.message);
    iface = nth_device(dom, 0);
    hostdev = nth_device(dom, 1);
    ck_assert_ptr_null(iface->interface->teaming.peer);
    ck_assert_ptr_null(hostdev->hostdev->teaming.peer);
    ck_assert_ptr_null(domxml_teaming_next_pair(dom, NULL));
    ck_assert_int_eq(domxml_domain_link_teaming(dom, &err), 0);
    ck_assert_ptr_eq(hostdev->hostdev->teaming.peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming.peer, hostdev);
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
    ck_assert_ptr_eq(nth_device(dom, 0)->interface->teaming.peer, nth_device(dom, 1));
    ck_assert_ptr_eq(nth_device(dom, 1)->interface->teaming.peer, nth_device(dom, 0));
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
    ck_assert_int_eq(dom->root->hostdev->teaming.type, DOMXML_TEAMING_TYPE_TRANSIENT);
    ck_assert_ptr_null(dom->root->hostdev->teaming.peer);
    ck_assert_ptr_null(domxml_teaming_peer(dom->root));
    ck_assert_ptr_null(domxml_teaming_next_pair(dom, NULL));
    domxml_domain_free(dom);
    round_trips(xml);
}
END_TEST

typedef struct teaming_error {
    const char *what;
    const char *xml;
    const char *message;
    const char *path;
} teaming_error;

static const teaming_error teaming_errors[] = {
    {"unknown alias",
     DOMAIN(PERSISTENT("ua-p") TRANSIENT_PCI("<teaming type='transient' persistent='ua-x'/>")),
     "<hostdev> teaming names persistent device 'ua-x', but no device has that alias",
     "/domain/devices/hostdev/teaming"},
    {"transient without persistent attribute",
     DOMAIN(PERSISTENT("ua-p") TRANSIENT_PCI("<teaming type='transient'/>")),
     "<hostdev> with teaming type='transient' needs the 'persistent' attribute naming its "
     "partner's alias",
     "/domain/devices/hostdev/teaming"},
    {"transient naming a device without persistent teaming",
     DOMAIN("    <interface type='network'>\n"
            "      <source network='default'/>\n"
            "      <model type='virtio'/>\n"
            "      <alias name='ua-p'/>\n"
            "    </interface>\n"
            TRANSIENT_PCI("<teaming type='transient' persistent='ua-p'/>")),
     "<hostdev> teaming names 'ua-p', which is not an <interface> with "
     "<teaming type='persistent'/>",
     "/domain/devices/hostdev/teaming"},
    {"two transients naming the same persistent",
     DOMAIN(PERSISTENT("ua-p")
            TRANSIENT_PCI("<teaming type='transient' persistent='ua-p'/>")
            TRANSIENT_PCI("<teaming type='transient' persistent='ua-p'/>")),
     "<hostdev> teaming names 'ua-p', which already has a transient member",
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
     "/domain/devices/hostdev/teaming"},
    {"persistent hostdev",
     DOMAIN(TRANSIENT_PCI("<teaming type='persistent'/>")),
     "<hostdev> teaming must be type='transient'",
     "/domain/devices/hostdev/teaming"},
    {"persistent with a persistent attribute",
     DOMAIN("    <interface type='network'>\n"
            "      <source network='default'/>\n"
            "      <model type='virtio'/>\n"
            "      <teaming type='persistent' persistent='x'/>\n"
            "    </interface>\n"),
     "<interface> with teaming type='persistent' must not have a 'persistent' attribute "
     "(found 'x')",
     "/domain/devices/interface/teaming"},
    {"alias used twice",
     DOMAIN(PERSISTENT("ua-p") PERSISTENT("ua-p")
            TRANSIENT_PCI("<teaming type='transient' persistent='ua-p'/>")),
     "<hostdev> teaming names alias 'ua-p', which several devices use",
     "/domain/devices/hostdev/teaming"},
    {"standalone usb hostdev with teaming",
     "<hostdev mode='subsystem' type='usb'>\n"
     "  <source>\n"
     "    <vendor id='0x1234'/>\n"
     "    <product id='0xbeef'/>\n"
     "  </source>\n"
     "  <teaming type='transient' persistent='ua-p'/>\n"
     "</hostdev>\n",
     "<hostdev> teaming is supported only for PCI host devices",
     "/hostdev/teaming"},
};

START_TEST(test_teaming_errors)
{
    const teaming_error *t = &teaming_errors[_i];
    domxml_parse_options opts = {.flags = DOMXML_PARSE_NO_TEAMING_LINK};
    domxml_error err;
    domxml_domain *dom = parse(t->xml, NULL, &err);

    if (dom) {
        domxml_domain_free(dom);
        ck_abort_msg("%s: parsing succeeded", t->what);
    }
    ck_assert_msg(err.code == DOMXML_ERR_TEAMING, "%s: code %d: %s", t->what, err.code,
                  err.message);
    ck_assert_msg(strcmp(err.message, t->message) == 0, "%s: message \"%s\"", t->what,
                  err.message);
    ck_assert_msg(strcmp(err.path, t->path) == 0, "%s: path \"%s\"", t->what, err.path);
    ck_assert_msg(err.line > 0 && err.column > 0, "%s: no position", t->what);
    ck_assert_str_eq(err.source, "test.xml");

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

int main(void)
{
    Suite *s = suite_create("api");
    TCase *basics = tcase_create("basics");
    TCase *errors = tcase_create("errors");
    TCase *documents = tcase_create("documents");
    TCase *teaming = tcase_create("teaming");

    tcase_add_test(basics, test_version);
    tcase_add_loop_test(basics, test_enum_round_trip, 0, (int)(sizeof(enums) / sizeof(enums[0])));
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

    return tu_run_suite(s);
}
