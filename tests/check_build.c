/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Documents built by hand in C, without XML: a failover (teaming) pair of a
 * persistent virtio <interface> and a transient PCI <hostdev>, every child
 * element from its domxml_TYPE_new() builder, linked with
 * domxml_domain_link_teaming() (or placed with domxml_device_append()) and
 * formatted; the output must equal tests/data/expected/build-teaming-pair.xml
 * and parse back to the same pair. DOMXML_TEST_REGENERATE=1 rewrites that
 * file instead.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testutil.h"

#define EXPECTED "tests/data/expected/build-teaming-pair.xml"

static domxml_node *element(domxml_domain *dom, const char *name)
{
    domxml_node *n = domxml_node_new(dom, DOMXML_NODE_ELEMENT);

    ck_assert_ptr_nonnull(n);
    n->name = domxml_strdup(dom, name);
    ck_assert_ptr_nonnull(n->name);
    return n;
}

static domxml_node *text(domxml_domain *dom, const char *s)
{
    domxml_node *n = domxml_node_new(dom, DOMXML_NODE_TEXT);

    ck_assert_ptr_nonnull(n);
    n->text = domxml_strdup(dom, s);
    return n;
}

static void set_uint(domxml_uint *u, unsigned value)
{
    u->value = value;
    u->set = true;
}

/* <interface type='network'>: mac, source network, model virtio, teaming
 * persistent, alias ua-net0. Every child element comes from its builder. */
static domxml_node *persistent_interface(domxml_domain *dom)
{
    static const unsigned char mac[6] = {0x52, 0x54, 0x00, 0xa1, 0xb2, 0xc3};
    domxml_node *n = domxml_interface_node_new(dom);
    domxml_interface *iface;

    ck_assert_ptr_nonnull(n);
    iface = n->interface;
    iface->type = DOMXML_INTERFACE_TYPE_NETWORK;
    ck_assert_ptr_nonnull(iface->mac = domxml_mac_new(dom));
    iface->mac->address.set = true;
    memcpy(iface->mac->address.bytes, mac, sizeof(mac));
    ck_assert_ptr_nonnull(iface->source = domxml_interface_source_new(dom));
    iface->source->u.network.network = domxml_strdup(dom, "default");
    ck_assert_ptr_nonnull(iface->model = domxml_model_new(dom));
    iface->model->type = DOMXML_NIC_MODEL_VIRTIO;
    ck_assert_ptr_nonnull(iface->teaming = domxml_teaming_new(dom));
    iface->teaming->type = DOMXML_TEAMING_TYPE_PERSISTENT;
    ck_assert_ptr_nonnull(iface->info.alias = domxml_alias_new(dom));
    iface->info.alias->name = "ua-net0"; /* a literal outlives the domain */
    return n;
}

/* <hostdev mode='subsystem' type='pci' managed='yes'>, source 0000:81:10.2,
 * <teaming type='transient' persistent='ua-net0'/>. */
static domxml_node *transient_hostdev(domxml_domain *dom)
{
    domxml_node *n = domxml_hostdev_node_new(dom);
    domxml_hostdev *h;
    domxml_pci_addr *host, *guest;

    ck_assert_ptr_nonnull(n);
    h = n->hostdev;
    h->mode = DOMXML_HOSTDEV_MODE_SUBSYSTEM;
    h->type = DOMXML_HOSTDEV_TYPE_PCI;
    h->managed = DOMXML_TRISTATE_BOOL_YES;
    ck_assert_ptr_nonnull(h->driver = domxml_hostdev_driver_new(dom));
    h->driver->name = DOMXML_HOSTDEV_BACKEND_VFIO;
    ck_assert_ptr_nonnull(h->source = domxml_hostdev_source_new(dom));
    ck_assert_ptr_nonnull(h->source->address = domxml_hostdev_address_new(dom));
    host = &h->source->address->u.pci;
    set_uint(&host->domain, 0x0000);
    set_uint(&host->bus, 0x81);
    set_uint(&host->slot, 0x10);
    set_uint(&host->function, 2);
    ck_assert_ptr_nonnull(h->teaming = domxml_teaming_new(dom));
    h->teaming->type = DOMXML_TEAMING_TYPE_TRANSIENT;
    h->teaming->persistent = domxml_strdup(dom, "ua-net0");
    ck_assert_ptr_nonnull(h->info.alias = domxml_alias_new(dom));
    h->info.alias->name = "ua-vf0";
    ck_assert_ptr_nonnull(h->info.address = domxml_address_new(dom));
    h->info.address->type = DOMXML_ADDRESS_TYPE_PCI;
    guest = &h->info.address->u.pci.addr;
    set_uint(&guest->domain, 0);
    set_uint(&guest->bus, 0x02);
    set_uint(&guest->slot, 0);
    set_uint(&guest->function, 0);
    return n;
}

static domxml_domain *build_pair(domxml_node **iface, domxml_node **hostdev)
{
    domxml_domain *dom = domxml_domain_new(NULL);
    domxml_node *root, *name, *devices;

    ck_assert_ptr_nonnull(dom);
    root = element(dom, "domain");
    root->attrs = domxml_attr_new(dom, "type", "kvm");
    name = element(dom, "name");
    name->children = text(dom, "teaming-pair");
    devices = element(dom, "devices");
    *iface = persistent_interface(dom);
    *hostdev = transient_hostdev(dom);
    root->children = name;
    name->next = devices;
    devices->children = *iface;
    (*iface)->next = *hostdev;
    dom->root = root;
    return dom;
}

static void compare_expected(const char *out, size_t len)
{
    const char *path = tu_srcpath(EXPECTED);
    size_t elen = 0;
    char *expected;
    char diff[1024];
    bool same;

    if (tu_regenerate()) {
        ck_assert_msg(tu_write_file(path, out, len) == 0, "cannot write %s: %s", path,
                      strerror(errno));
        return;
    }
    expected = tu_read_file(path, &elen);
    ck_assert_msg(expected, "cannot read %s: %s", path, strerror(errno));
    same = tu_compare(expected, elen, out, len, diff, sizeof(diff));
    free(expected);
    ck_assert_msg(same, "output differs from %s: %s", EXPECTED, diff);
}

START_TEST(test_build_teaming_pair)
{
    domxml_node *iface, *hostdev;
    domxml_domain *dom = build_pair(&iface, &hostdev);
    domxml_error err;
    size_t len = 0;
    char *out;

    ck_assert_ptr_eq(domxml_domain_devices(dom), dom->root->children->next);
    /* Not linked yet. */
    ck_assert_ptr_null(iface->interface->teaming->peer);
    ck_assert_ptr_null(hostdev->hostdev->teaming->peer);
    ck_assert_msg(domxml_domain_link_teaming(dom, &err) == 0, "link: %s", err.message);
    ck_assert_ptr_eq(hostdev->hostdev->teaming->peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming->peer, hostdev);
    ck_assert_ptr_eq(domxml_teaming_next_pair(dom, NULL), iface);
    ck_assert_ptr_eq(domxml_teaming_peer(iface), hostdev);

    out = domxml_format(dom, &len, &err);
    ck_assert_msg(out, "format: %s", err.message);
    ck_assert_uint_eq(len, strlen(out));
    compare_expected(out, len);
    domxml_string_free(out);
    domxml_domain_free(dom);
}
END_TEST

/* The same pair placed with domxml_device_append(): linked as it goes, the
 * same text. */
START_TEST(test_build_with_append)
{
    domxml_domain *dom = domxml_domain_new(NULL);
    domxml_node *root, *name, *devices, *iface, *hostdev;
    domxml_error err;
    size_t len = 0;
    char *out;

    ck_assert_ptr_nonnull(dom);
    root = element(dom, "domain");
    root->attrs = domxml_attr_new(dom, "type", "kvm");
    name = element(dom, "name");
    name->children = text(dom, "teaming-pair");
    devices = element(dom, "devices");
    root->children = name;
    name->next = devices;
    dom->root = root;
    iface = persistent_interface(dom);
    hostdev = transient_hostdev(dom);
    /* The transient member first: it names no device yet, refused. */
    ck_assert_int_eq(domxml_device_append(dom, hostdev, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_TEAMING);
    ck_assert_str_eq(err.message, "<hostdev> teaming names persistent device 'ua-net0', but no "
                                  "device has that alias");
    ck_assert_ptr_null(devices->children);
    ck_assert_msg(domxml_device_append(dom, iface, &err) == 0, "append: %s", err.message);
    ck_assert_ptr_null(iface->interface->teaming->peer);
    ck_assert_msg(domxml_device_append(dom, hostdev, &err) == 0, "append: %s", err.message);
    ck_assert_ptr_eq(devices->children, iface);
    ck_assert_ptr_eq(iface->next, hostdev);
    ck_assert_ptr_eq(hostdev->hostdev->teaming->peer, iface);
    ck_assert_ptr_eq(iface->interface->teaming->peer, hostdev);
    ck_assert_int_eq(domxml_domain_check(dom, &err), 0);

    out = domxml_format(dom, &len, &err);
    ck_assert_msg(out, "format: %s", err.message);
    if (!tu_regenerate())
        compare_expected(out, len);
    domxml_string_free(out);
    domxml_domain_free(dom);
}
END_TEST

/* The expected file parses into the same pair and formats to itself. */
START_TEST(test_expected_parses_back)
{
    domxml_error err;
    domxml_domain *dom = domxml_parse_file(tu_srcpath(EXPECTED), NULL, &err);
    domxml_node *iface, *hostdev;
    size_t len = 0, elen = 0;
    char *out, *expected;

    ck_assert_msg(dom, "%s: %s", EXPECTED, err.message);
    iface = domxml_teaming_next_pair(dom, NULL);
    ck_assert_ptr_nonnull(iface);
    hostdev = domxml_teaming_peer(iface);
    ck_assert_ptr_nonnull(hostdev);
    ck_assert_int_eq(hostdev->kind, DOMXML_NODE_HOSTDEV);
    ck_assert_ptr_eq(hostdev->hostdev->teaming->peer, iface);
    ck_assert_str_eq(iface->interface->info.alias->name, "ua-net0");
    ck_assert_str_eq(hostdev->hostdev->teaming->persistent, "ua-net0");
    ck_assert_uint_eq(hostdev->hostdev->source->address->u.pci.bus.value, 0x81);
    ck_assert_uint_eq(hostdev->hostdev->source->address->u.pci.slot.value, 0x10);
    ck_assert_uint_eq(hostdev->hostdev->source->address->u.pci.function.value, 2);

    out = domxml_format(dom, &len, &err);
    ck_assert_msg(out, "format: %s", err.message);
    expected = tu_read_file(tu_srcpath(EXPECTED), &elen);
    ck_assert_ptr_nonnull(expected);
    ck_assert_msg(len == elen && memcmp(out, expected, len) == 0,
                  "%s does not format to itself", EXPECTED);
    free(expected);
    domxml_string_free(out);
    domxml_domain_free(dom);
}
END_TEST

/* Linking a hand-built pair checks the same rules as parsing. */
START_TEST(test_build_teaming_errors)
{
    domxml_node *iface, *hostdev;
    domxml_domain *dom = build_pair(&iface, &hostdev);
    domxml_error err;

    hostdev->hostdev->teaming->persistent = "ua-other";
    ck_assert_int_eq(domxml_domain_link_teaming(dom, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_TEAMING);
    ck_assert_str_eq(err.message,
                     "<hostdev> teaming names persistent device 'ua-other', but no device has "
                     "that alias");
    ck_assert_str_eq(err.path, "/domain/devices/hostdev/teaming");
    ck_assert_uint_eq(err.line, 0); /* built by hand: no input position */

    hostdev->hostdev->teaming->persistent = "ua-net0";
    hostdev->hostdev->type = DOMXML_HOSTDEV_TYPE_USB;
    ck_assert_int_eq(domxml_domain_link_teaming(dom, &err), -1);
    ck_assert_str_eq(err.message, "<hostdev> teaming is supported only for PCI host devices");

    /* Fixed again: linking succeeds and resets the stale peers. */
    hostdev->hostdev->type = DOMXML_HOSTDEV_TYPE_PCI;
    ck_assert_int_eq(domxml_domain_link_teaming(dom, &err), 0);
    ck_assert_ptr_eq(hostdev->hostdev->teaming->peer, iface);
    domxml_domain_free(dom);
}
END_TEST

/* List builders: <ip>, <route>, <vlan><tag>, <filterref><parameter>. */
START_TEST(test_build_lists)
{
    static const char expected[] =
        "<interface type='ethernet'>\n"
        "  <vlan>\n"
        "    <tag id='42'/>\n"
        "    <tag id='47' nativeMode='untagged'/>\n"
        "  </vlan>\n"
        "  <ip address='192.168.122.5' prefix='24'/>\n"
        "  <route family='ipv4' address='192.168.222.0' prefix='24' gateway='192.168.122.1'/>\n"
        "  <model type='virtio'/>\n"
        "  <filterref filter='clean-traffic'>\n"
        "    <parameter name='IP' value='192.168.122.5'/>\n"
        "  </filterref>\n"
        "</interface>\n";
    domxml_domain *dom = domxml_domain_new(NULL);
    domxml_node *n = domxml_interface_node_new(dom);
    domxml_interface *iface = n->interface;
    domxml_interface_more *more = domxml_interface_more_new(dom);
    domxml_vlan_tag *t1 = domxml_vlan_tag_new(dom), *t2 = domxml_vlan_tag_new(dom);
    domxml_ip *ip = domxml_ip_new(dom);
    domxml_route *route = domxml_route_new(dom);
    domxml_filter_param *param = domxml_filter_param_new(dom);
    domxml_error err;
    size_t len = 0;
    char *out;

    ck_assert_ptr_nonnull(more);
    iface->type = DOMXML_INTERFACE_TYPE_ETHERNET;
    iface->more = more; /* the group of the rarer children */
    set_uint(&t1->id, 42);
    set_uint(&t2->id, 47);
    t2->native_mode = DOMXML_VLAN_NATIVE_MODE_UNTAGGED;
    t1->next = t2;
    ck_assert_ptr_nonnull(more->vlan = domxml_vlan_new(dom));
    more->vlan->tags = t1;
    ip->address = "192.168.122.5";
    set_uint(&ip->prefix, 24);
    more->ips = ip;
    route->family = DOMXML_IP_FAMILY_IPV4;
    route->address = "192.168.222.0";
    set_uint(&route->prefix, 24);
    route->gateway = "192.168.122.1";
    more->routes = route;
    ck_assert_ptr_nonnull(iface->model = domxml_model_new(dom));
    iface->model->type = DOMXML_NIC_MODEL_VIRTIO;
    ck_assert_ptr_nonnull(more->filterref = domxml_filterref_new(dom));
    more->filterref->filter = "clean-traffic";
    param->name = "IP";
    param->value = "192.168.122.5";
    more->filterref->params = param;
    dom->root = n;

    out = domxml_format(dom, &len, &err);
    ck_assert_msg(out, "format: %s", err.message);
    ck_assert_str_eq(out, expected);
    domxml_string_free(out);
    domxml_domain_free(dom);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("build");
    TCase *tc = tcase_create("build");

    tcase_add_test(tc, test_build_teaming_pair);
    tcase_add_test(tc, test_build_with_append);
    tcase_add_test(tc, test_expected_parses_back);
    tcase_add_test(tc, test_build_teaming_errors);
    tcase_add_test(tc, test_build_lists);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
