/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * qemuargv through the C API, on documents built by hand (no XML): the argv
 * block, resources by id and by position, ids and their check, teaming
 * refusals the parser cannot see (unlinked hand-built pairs), values that
 * cannot be written safely, warnings, the shell text, hot-plug/unplug.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domxml/qemuargv.h"
#include "testutil.h"

static void set_uint(domxml_uint *u, unsigned int v)
{
    u->value = v;
    u->set = true;
}

static domxml_domain *new_domain(const char *machine)
{
    domxml_domain *dom = tu_track_domain(domxml_domain_new(NULL));
    ck_assert_ptr_nonnull(dom);
    domxml_node *root = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
    domxml_node *os = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
    domxml_node *type = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
    domxml_node *devs = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
    ck_assert(root && os && type && devs);
    root->name = "domain";
    os->name = "os";
    type->name = "type";
    type->attrs = domxml_attr_new(dom, "machine", machine);
    devs->name = "devices";
    os->children = type;
    root->children = os;
    os->next = devs;
    dom->root = root;
    return dom;
}

static domxml_node *nic(domxml_domain *dom, domxml_interface_type t, domxml_nic_model model,
                        const char *alias, unsigned char last)
{
    domxml_node *n = domxml_interface_node_new(dom);
    ck_assert_ptr_nonnull(n);
    domxml_interface *i = n->interface;
    i->type = t;
    ck_assert_ptr_nonnull(i->mac = domxml_mac_new(dom));
    ck_assert_int_eq(domxml_mac_from_string("52:54:00:00:00:00", &i->mac->address), 0);
    i->mac->address.bytes[5] = last;
    if (model) {
        ck_assert_ptr_nonnull(i->model = domxml_model_new(dom));
        i->model->type = model;
    }
    if (t == DOMXML_INTERFACE_TYPE_BRIDGE) {
        ck_assert_ptr_nonnull(i->source = domxml_interface_source_new(dom));
        i->source->u.bridge.bridge = "br0";
    }
    if (alias) {
        ck_assert_ptr_nonnull(i->info.alias = domxml_alias_new(dom));
        i->info.alias->name = alias;
    }
    return n;
}

static domxml_node *vf(domxml_domain *dom, const char *pci, const char *persistent)
{
    domxml_node *n = domxml_hostdev_node_new(dom);
    ck_assert_ptr_nonnull(n);
    domxml_hostdev *h = n->hostdev;
    h->mode = DOMXML_HOSTDEV_MODE_SUBSYSTEM;
    h->type = DOMXML_HOSTDEV_TYPE_PCI;
    ck_assert_ptr_nonnull(h->source = domxml_hostdev_source_new(dom));
    ck_assert_ptr_nonnull(h->source->address = domxml_hostdev_address_new(dom));
    ck_assert_int_eq(domxml_pci_addr_from_string(pci, &h->source->address->u.pci), 0);
    if (persistent) {
        ck_assert_ptr_nonnull(h->teaming = domxml_teaming_new(dom));
        h->teaming->type = DOMXML_TEAMING_TYPE_TRANSIENT;
        h->teaming->persistent = persistent;
    }
    return n;
}

static void add(domxml_domain *dom, domxml_node *n)
{
    domxml_node *devs = domxml_domain_devices(dom);
    domxml_node **p = &devs->children;
    while (*p)
        p = &(*p)->next;
    *p = n;
}

static void pci_at(domxml_domain *dom, domxml_node *n, unsigned bus, unsigned slot, unsigned fn)
{
    domxml_device_info *info = domxml_node_device_info(n);
    ck_assert_ptr_nonnull(info->address = domxml_address_new(dom));
    info->address->type = DOMXML_ADDRESS_TYPE_PCI;
    set_uint(&info->address->u.pci.addr.domain, 0);
    set_uint(&info->address->u.pci.addr.bus, bus);
    set_uint(&info->address->u.pci.addr.slot, slot);
    set_uint(&info->address->u.pci.addr.function, fn);
}

/* The argv joined with '\n', for comparing. */
static char *joined(char **argv)
{
    size_t len = 1;
    for (size_t i = 0; argv[i]; i++)
        len += strlen(argv[i]) + 1;
    char *s = tu_track(calloc(1, len));
    for (size_t i = 0; argv[i]; i++) {
        strcat(s, argv[i]);
        strcat(s, "\n");
    }
    return s;
}

static domxml_domain *pair(void)
{
    domxml_domain *dom = new_domain("q35");
    domxml_node *p = nic(dom, DOMXML_INTERFACE_TYPE_BRIDGE, DOMXML_NIC_MODEL_VIRTIO, "ua-p", 1);
    ck_assert_ptr_nonnull(p->interface->teaming = domxml_teaming_new(dom));
    p->interface->teaming->type = DOMXML_TEAMING_TYPE_PERSISTENT;
    add(dom, p);
    add(dom, vf(dom, "0000:81:10.2", "ua-p"));
    return dom;
}

START_TEST(hand_built_pair)
{
    /* not linked: qemuargv pairs by name, not by teaming->peer */
    domxml_domain *dom = pair();
    domxml_qemuargv_resource res[] = {
        {"ua-p", DOMXML_QEMUARGV_RES_TAP_FD, "30"},
        {"#0", DOMXML_QEMUARGV_RES_VHOST_FD, "31"},
    };
    domxml_qemuargv_options opt;
    domxml_error err;
    size_t argc = 99;

    domxml_qemuargv_options_init(&opt);
    opt.resources = res;
    opt.n_resources = 2;
    char **argv = domxml_qemuargv_build(dom, &opt, &argc, &err);
    ck_assert_msg(argv != NULL, "%s", err.message);
    ck_assert_uint_eq(argc, 6);
    ck_assert_ptr_null(argv[6]);
    ck_assert_str_eq(joined(argv),
                     "-netdev\ntap,fd=30,id=hostua-p,vhost=on,vhostfd=31\n"
                     "-device\nvirtio-net-pci,failover=on,netdev=hostua-p,id=ua-p,"
                     "mac=52:54:00:00:00:01\n"
                     "-device\nvfio-pci,host=0000:81:10.2,id=hostdev0,failover_pair_id=ua-p\n");
    domxml_argv_free(argv);

    opt.syntax = DOMXML_QEMUARGV_SYNTAX_JSON;
    argv = domxml_qemuargv_build(dom, &opt, NULL, &err);
    ck_assert_msg(argv != NULL, "%s", err.message);
    ck_assert_str_eq(argv[1], "{\"type\":\"tap\",\"fd\":\"30\",\"vhost\":true,\"vhostfd\":\"31\","
                              "\"id\":\"hostua-p\"}");
    ck_assert_str_eq(argv[5], "{\"driver\":\"vfio-pci\",\"host\":\"0000:81:10.2\","
                              "\"id\":\"hostdev0\",\"failover_pair_id\":\"ua-p\"}");
    char *text = tu_track_block(domxml_argv_to_shell(argv));
    ck_assert_str_eq(text,
                     "-netdev '{\"type\":\"tap\",\"fd\":\"30\",\"vhost\":true,\"vhostfd\":\"31\","
                     "\"id\":\"hostua-p\"}' \\\n"
                     "-device '{\"driver\":\"virtio-net-pci\",\"failover\":true,\"netdev\":"
                     "\"hostua-p\",\"id\":\"ua-p\",\"mac\":\"52:54:00:00:00:01\"}' \\\n"
                     "-device '{\"driver\":\"vfio-pci\",\"host\":\"0000:81:10.2\",\"id\":"
                     "\"hostdev0\",\"failover_pair_id\":\"ua-p\"}'\n");
    domxml_argv_free(argv);
    domxml_argv_free(NULL);
}
END_TEST

START_TEST(missing_resource_names_device)
{
    domxml_domain *dom = pair();
    domxml_error err;
    ck_assert_ptr_null(domxml_qemuargv_build(dom, NULL, NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_MISSING);
    ck_assert_str_eq(err.message,
                     "interface 'ua-p': it needs a tap fd or an ifname from the caller (0 tap fds, "
                     "0 vhost-net fds, 1 queues)");
    ck_assert_str_eq(err.path, "/domain/devices/interface");
}
END_TEST

START_TEST(second_partner_refused)
{
    domxml_domain *dom = pair();
    add(dom, vf(dom, "0000:81:10.3", "ua-p"));
    domxml_qemuargv_resource res[] = {{"ua-p", DOMXML_QEMUARGV_RES_TAP_FD, "3"}};
    domxml_qemuargv_options opt;
    domxml_error err;
    domxml_qemuargv_options_init(&opt);
    opt.resources = res;
    opt.n_resources = 1;
    ck_assert_ptr_null(domxml_qemuargv_build(dom, &opt, NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_TEAMING);
    /* validation's rule, with its message and the member's path */
    ck_assert_str_eq(err.message, "<teaming persistent='ua-p'>: that interface has a transient "
                                  "member already; a persistent member has one");
    ck_assert_str_eq(err.path, "/domain/devices/hostdev[2]/teaming");
}
END_TEST

START_TEST(transient_not_pci_refused)
{
    domxml_domain *dom = pair();
    domxml_node *h = domxml_device_next(dom, domxml_device_next(dom, NULL));
    h->hostdev->type = DOMXML_HOSTDEV_TYPE_USB;
    domxml_qemuargv_resource res[] = {{"ua-p", DOMXML_QEMUARGV_RES_TAP_FD, "3"}};
    domxml_qemuargv_options opt;
    domxml_error err;
    domxml_qemuargv_options_init(&opt);
    opt.resources = res;
    opt.n_resources = 1;
    ck_assert_ptr_null(domxml_qemuargv_build(dom, &opt, NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_TEAMING);
    /* validation's teaming rule (teaming.hostdev-not-pci), linked or not */
    ck_assert_msg(strstr(err.message, "PCI") != NULL, "%s", err.message);
}
END_TEST

START_TEST(ids_checked)
{
    static const char *bad[] = {"ua-a,b", "1abc", "ua a", "", "ua-\xc3\xbc", "ua-x\"y"};
    for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
        domxml_domain *dom = new_domain("pc");
        add(dom, nic(dom, DOMXML_INTERFACE_TYPE_USER, DOMXML_NIC_MODEL_E1000, bad[k], 1));
        domxml_qemuargv_options opt;
        domxml_error err;
        domxml_qemuargv_options_init(&opt);
        opt.syntax = DOMXML_QEMUARGV_SYNTAX_JSON; /* QEMU does not check JSON ids */
        ck_assert_msg(domxml_qemuargv_build(dom, &opt, NULL, &err) == NULL, "%s", bad[k]);
        ck_assert_int_eq(err.code, DOMXML_ERR_VALUE);
        /* validation's alias rules first (libvirt's schema), else qemuargv's id check */
        ck_assert_msg(*bad[k] == 0 || strstr(err.message, "^[A-Za-z][A-Za-z0-9._-]*$") != NULL ||
                          strstr(err.message, "has a character outside") != NULL,
                      "%s", err.message);
        /* no validation on unplug: the id check itself refuses it */
        ck_assert_ptr_null(domxml_qemuargv_unplug(dom, bad[k], NULL, &err));
    }
    ck_assert(domxml_qemuargv_id_valid("ua-backup0"));
    ck_assert(domxml_qemuargv_id_valid("a.b_c-d"));
    ck_assert(!domxml_qemuargv_id_valid("-a"));
    ck_assert(!domxml_qemuargv_id_valid(NULL));
}
END_TEST

START_TEST(numbering)
{
    /* nets by position among interfaces (a hostdev interface leaves a gap);
     * hostdevs after the highest hostdevN in use, interface ones first */
    domxml_domain *dom = new_domain("pc");
    domxml_node *hi = nic(dom, DOMXML_INTERFACE_TYPE_HOSTDEV, 0, NULL, 9);
    ck_assert_ptr_nonnull(hi->interface->hostdev_source = domxml_hostdev_source_new(dom));
    ck_assert_ptr_nonnull(hi->interface->hostdev_source->address = domxml_hostdev_address_new(dom));
    hi->interface->hostdev_source->address->type = DOMXML_ADDRESS_TYPE_PCI;
    domxml_pci_addr_from_string("01:02.3", &hi->interface->hostdev_source->address->u.pci);
    domxml_node *h1 = vf(dom, "0000:05:00.0", NULL);
    domxml_node *h2 = vf(dom, "0000:05:00.1", NULL);
    ck_assert_ptr_nonnull(h2->hostdev->info.alias = domxml_alias_new(dom));
    h2->hostdev->info.alias->name = "hostdev5";
    add(dom, h1);
    add(dom, hi);
    add(dom, nic(dom, DOMXML_INTERFACE_TYPE_USER, DOMXML_NIC_MODEL_RTL8139, NULL, 1));
    add(dom, h2);
    char **argv = domxml_qemuargv_build(dom, NULL, NULL, NULL);
    ck_assert_ptr_nonnull(argv);
    ck_assert_str_eq(joined(argv), "-netdev\nuser,id=hostnet1\n"
                                   "-device\nrtl8139,netdev=hostnet1,id=net1,mac=52:54:00:00:00:01\n"
                                   "-device\nvfio-pci,host=0000:01:02.3,id=hostdev6\n"
                                   "-device\nvfio-pci,host=0000:05:00.0,id=hostdev7\n"
                                   "-device\nvfio-pci,host=0000:05:00.1,id=hostdev5\n");
    domxml_argv_free(argv);
}
END_TEST

START_TEST(unsafe_values_refused)
{
    /* built by hand, so characters XML could not carry reach qemuargv */
    static const char *bad[] = {"/rom\x1b", "/rom\n", "/rom\x7f", "/rom\xff", "/rom\xc0\xaf"};
    for (size_t k = 0; k < sizeof(bad) / sizeof(bad[0]); k++) {
        domxml_domain *dom = new_domain("pc");
        domxml_node *n = nic(dom, DOMXML_INTERFACE_TYPE_USER, DOMXML_NIC_MODEL_E1000, NULL, 1);
        ck_assert_ptr_nonnull(n->interface->info.rom = domxml_rom_new(dom));
        n->interface->info.rom->file = bad[k];
        add(dom, n);
        domxml_error err;
        for (int s = 0; s < 2; s++) {
            domxml_qemuargv_options opt;
            domxml_qemuargv_options_init(&opt);
            opt.syntax = s ? DOMXML_QEMUARGV_SYNTAX_JSON : DOMXML_QEMUARGV_SYNTAX_KEYVAL;
            ck_assert_ptr_null(domxml_qemuargv_build(dom, &opt, NULL, &err));
            ck_assert_int_eq(err.code, DOMXML_ERR_VALUE);
            /* validation refuses them first: text XML cannot carry */
            ck_assert_msg(strstr(err.message, "not XML text") || strstr(err.message, "romfile="), "%s", err.message);
        }
    }
    /* an empty host address is refused, an empty ROM file too */
    domxml_domain *dom = new_domain("pc");
    domxml_node *h = vf(dom, "0000:05:00.0", NULL);
    h->hostdev->source->address->u.pci.slot.set = false;
    add(dom, h);
    domxml_error err;
    ck_assert_ptr_null(domxml_qemuargv_build(dom, NULL, NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_MISSING);
}
END_TEST

static int warnings;
static char last_warning[512];

static void on_warning(void *ctx, const domxml_diagnostic *w)
{
    (void)ctx;
    warnings++;
    snprintf(last_warning, sizeof(last_warning), "%s [%s] %s", w->message, w->code, w->path);
    ck_assert_int_eq(w->severity, DOMXML_SEVERITY_WARNING);
}

START_TEST(warnings_reported)
{
    domxml_domain *dom = new_domain("pc");
    domxml_node *p = nic(dom, DOMXML_INTERFACE_TYPE_USER, DOMXML_NIC_MODEL_VIRTIO, "ua-p", 1);
    ck_assert_ptr_nonnull(p->interface->teaming = domxml_teaming_new(dom));
    p->interface->teaming->type = DOMXML_TEAMING_TYPE_PERSISTENT;
    add(dom, p);
    domxml_node *h = vf(dom, "0000:81:10.2", "ua-p");
    pci_at(dom, h, 0, 5, 0);
    add(dom, h);
    domxml_qemuargv_options opt;
    domxml_qemuargv_options_init(&opt);
    opt.warning = on_warning;
    warnings = 0;
    char **argv = domxml_qemuargv_build(dom, &opt, NULL, NULL);
    ck_assert_ptr_nonnull(argv);
    domxml_argv_free(argv);
    ck_assert_int_eq(warnings, 1);
    ck_assert_ptr_nonnull(strstr(last_warning, "PCI Express"));
    ck_assert_ptr_nonnull(strstr(last_warning, "[qemuargv.failover-not-pcie] /domain/devices/hostdev"));
    /* the same on q35 root port: no warning */
    opt.machine = "q35";
    domxml_qemuargv_bus buses[] = {{0, "pcie.0"}};
    opt.buses = buses;
    opt.n_buses = 1;
    warnings = 0;
    argv = domxml_qemuargv_build(dom, &opt, NULL, NULL);
    ck_assert_ptr_nonnull(argv);
    ck_assert_int_eq(warnings, 0);
    domxml_argv_free(argv);
}
END_TEST

START_TEST(shell_text)
{
    char *argv[] = {"-device", "e1000,romfile=/a b", "-netdev", "it's", "-x", "a\nb", NULL};
    char *t = tu_track_block(domxml_argv_to_shell(argv));
    ck_assert_str_eq(t, "-device 'e1000,romfile=/a b' \\\n-netdev 'it'\\''s' \\\n-x $'a\\012b'\n");
    char *none[] = {NULL};
    char *e = tu_track_block(domxml_argv_to_shell(none));
    ck_assert_str_eq(e, "");
}
END_TEST

START_TEST(hotplug_unplug)
{
    domxml_domain *dom = pair();
    domxml_qemuargv_resource res[] = {{"ua-p", DOMXML_QEMUARGV_RES_TAP_FD, "tapfd"}};
    domxml_qemuargv_options opt;
    domxml_error err;
    domxml_qemuargv_options_init(&opt);
    opt.resources = res;
    opt.n_resources = 1;
    opt.syntax = DOMXML_QEMUARGV_SYNTAX_KEYVAL; /* QMP is JSON whatever the syntax */
    /* the standby, then its primary */
    char *s = domxml_qemuargv_hotplug(dom, "ua-p", &opt, &err);
    ck_assert_msg(s != NULL, "%s", err.message);
    ck_assert_str_eq(s, "{\"execute\":\"getfd\",\"arguments\":{\"fdname\":\"tapfd\"}}\n"
                        "{\"execute\":\"netdev_add\",\"arguments\":{\"type\":\"tap\",\"fd\":"
                        "\"tapfd\",\"id\":\"hostua-p\"}}\n"
                        "{\"execute\":\"device_add\",\"arguments\":{\"driver\":\"virtio-net-pci\","
                        "\"failover\":true,\"netdev\":\"hostua-p\",\"id\":\"ua-p\",\"mac\":"
                        "\"52:54:00:00:00:01\"}}\n"
                        "{\"execute\":\"device_add\",\"arguments\":{\"driver\":\"vfio-pci\","
                        "\"host\":\"0000:81:10.2\",\"id\":\"hostdev0\",\"failover_pair_id\":"
                        "\"ua-p\"}}\n");
    domxml_string_free(s); /* one free for every returned block */
    /* the primary alone (after a migration) */
    s = tu_track_block(domxml_qemuargv_hotplug(dom, "hostdev0", &opt, &err));
    ck_assert_str_eq(s, "{\"execute\":\"device_add\",\"arguments\":{\"driver\":\"vfio-pci\","
                        "\"host\":\"0000:81:10.2\",\"id\":\"hostdev0\",\"failover_pair_id\":"
                        "\"ua-p\"}}\n");
    /* unplug: the primary first; each device_del waits for its event */
    s = tu_track_block(domxml_qemuargv_unplug(dom, "ua-p", NULL, &err));
    ck_assert_str_eq(s, "{\"execute\":\"device_del\",\"arguments\":{\"id\":\"hostdev0\"}}\n"
                        "{\"event\":\"DEVICE_DELETED\",\"data\":{\"device\":\"hostdev0\"}}\n"
                        "{\"execute\":\"device_del\",\"arguments\":{\"id\":\"ua-p\"}}\n"
                        "{\"event\":\"DEVICE_DELETED\",\"data\":{\"device\":\"ua-p\"}}\n"
                        "{\"execute\":\"netdev_del\",\"arguments\":{\"id\":\"hostua-p\"}}\n");
    s = tu_track_block(domxml_qemuargv_unplug(dom, "hostdev0", NULL, &err));
    ck_assert_str_eq(s, "{\"execute\":\"device_del\",\"arguments\":{\"id\":\"hostdev0\"}}\n"
                        "{\"event\":\"DEVICE_DELETED\",\"data\":{\"device\":\"hostdev0\"}}\n");
    ck_assert_ptr_null(domxml_qemuargv_hotplug(dom, NULL, NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    ck_assert_ptr_null(domxml_qemuargv_unplug(dom, "nosuch", NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
}
END_TEST

START_TEST(resources_strict)
{
    domxml_domain *dom = pair();
    static const struct {
        domxml_qemuargv_resource res;
        domxml_error_code code;
        const char *message;
    } cases[] = {
        {{"ua-p", DOMXML_QEMUARGV_RES_TAP_FD, "abc"}, DOMXML_ERR_VALUE,
         "the tap fd 'abc' given for 'ua-p' is not an fd number (a non-negative decimal the QEMU "
         "process inherits)"},
        {{"ua-p", DOMXML_QEMUARGV_RES_TAP_FD, "-3"}, DOMXML_ERR_VALUE,
         "the tap fd '-3' given for 'ua-p' is not an fd number (a non-negative decimal the QEMU "
         "process inherits)"},
        {{"ua-typo", DOMXML_QEMUARGV_RES_TAP_FD, "3"}, DOMXML_ERR_INVALID_ARG,
         "the tap fd given for 'ua-typo': no device has that id"},
        {{"#7", DOMXML_QEMUARGV_RES_TAP_FD, "3"}, DOMXML_ERR_INVALID_ARG,
         "the tap fd given for '#7': no device has that id"},
        {{"hostdev0", DOMXML_QEMUARGV_RES_TAP_FD, "3"}, DOMXML_ERR_INVALID_ARG,
         "the tap fd given for 'hostdev0': that device takes none"},
        {{"ua-p", DOMXML_QEMUARGV_RES_SCSI_GENERIC, "/dev/sg0"}, DOMXML_ERR_INVALID_ARG,
         "the SCSI generic device given for 'ua-p': that device takes none"},
        {{"ua-p", DOMXML_QEMUARGV_RES_IFNAME, "a/b"}, DOMXML_ERR_VALUE,
         "the ifname 'a/b' given for 'ua-p' is not a Linux interface name (1-15 bytes, no '/', "
         "':' or white space, not '.' or '..')"},
    };
    for (size_t k = 0; k < sizeof(cases) / sizeof(cases[0]); k++) {
        domxml_qemuargv_options opt;
        domxml_error err;
        domxml_qemuargv_options_init(&opt);
        opt.resources = &cases[k].res;
        opt.n_resources = 1;
        ck_assert_ptr_null(domxml_qemuargv_build(dom, &opt, NULL, &err));
        ck_assert_int_eq(err.code, cases[k].code);
        ck_assert_str_eq(err.message, cases[k].message);
    }
}
END_TEST

/* Every allocation of a call goes through the caller's hooks: fail the
 * Nth for N = 0, 1, ... until the call succeeds; each failure is a clean
 * out-of-memory error and nothing leaks. */
static long budget, live;
static void *count_malloc(size_t n)
{
    if (budget-- == 0)
        return NULL;
    void *p = malloc(n);
    if (p)
        live++;
    return p;
}
static void *count_realloc(void *p, size_t n)
{
    if (budget-- == 0)
        return NULL;
    void *q = realloc(p, n);
    if (q && !p)
        live++;
    return q;
}
static void count_free(void *p)
{
    if (p)
        live--;
    free(p);
}

START_TEST(allocation_failures)
{
    static const domxml_memory hooks = {count_malloc, count_realloc, count_free};
    domxml_domain *dom = pair();
    domxml_qemuargv_resource res[] = {{"ua-p", DOMXML_QEMUARGV_RES_TAP_FD, "3"}};
    for (int call = 0; call < 3; call++) {
        long n;
        for (n = 0;; n++) {
            domxml_qemuargv_options opt;
            domxml_error err;
            domxml_qemuargv_options_init(&opt);
            opt.memory = &hooks;
            opt.resources = res;
            opt.n_resources = 1;
            budget = n;
            live = 0;
            void *out = call == 0   ? (void *)domxml_qemuargv_build(dom, &opt, NULL, &err)
                        : call == 1 ? (void *)domxml_qemuargv_hotplug(dom, "ua-p", &opt, &err)
                                    : (void *)domxml_qemuargv_unplug(dom, "ua-p", &opt, &err);
            if (out) {
                ck_assert_int_eq(live, 1); /* the returned block */
                domxml_qemuargv_free(out);
                ck_assert_int_eq(live, 0);
                break;
            }
            ck_assert_int_eq(err.code, DOMXML_ERR_NOMEM);
            ck_assert_int_eq(live, 0);
        }
        ck_assert_int_gt(n, 2);
    }
}
END_TEST

START_TEST(bad_arguments)
{
    domxml_error err;
    ck_assert_ptr_null(domxml_qemuargv_build(NULL, NULL, NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
    domxml_domain *dom = pair();
    domxml_qemuargv_options opt = {0};
    ck_assert_ptr_null(domxml_qemuargv_build(dom, &opt, NULL, &err)); /* size 0 */
    ck_assert_int_eq(err.code, DOMXML_ERR_INVALID_ARG);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("qemuargv");
    TCase *tc = tu_tcase("api");
    tcase_add_test(tc, hand_built_pair);
    tcase_add_test(tc, missing_resource_names_device);
    tcase_add_test(tc, second_partner_refused);
    tcase_add_test(tc, transient_not_pci_refused);
    tcase_add_test(tc, ids_checked);
    tcase_add_test(tc, numbering);
    tcase_add_test(tc, unsafe_values_refused);
    tcase_add_test(tc, warnings_reported);
    tcase_add_test(tc, shell_text);
    tcase_add_test(tc, hotplug_unplug);
    tcase_add_test(tc, bad_arguments);
    tcase_add_test(tc, resources_strict);
    tcase_add_test(tc, allocation_failures);
    suite_add_tcase(s, tc);
    return tu_run_suite(s);
}
