/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Regression tests of the fuzzing findings (issue "Fuzzing and fault
 * injection across every entry point") and hostile-input limits:
 *   - hand-set values a parse cannot give (enums out of range, required
 *     values left out, lower-case loadparm, IP text in another spelling,
 *     teaming on a USB host device) get the same verdict from check,
 *     format, format_to and validate, and never a crash;
 *   - quoted input in messages is escaped and cut between characters;
 *   - limits bound memory from the first byte, counted through the hooks
 *     (bench/count_alloc.c), and the attribute checks stay linear (their
 *     allocator calls do not grow with the attribute count).
 * Nothing here measures time.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "count_alloc.h"
#include "testutil.h"

static domxml_domain *parse_flags(const char *xml, unsigned flags)
{
    domxml_parse_options o;
    domxml_error err;
    domxml_domain *dom;

    domxml_parse_options_init(&o);
    o.flags = flags;
    dom = domxml_parse_buffer(xml, strlen(xml), "t.xml", &o, &err);
    ck_assert_msg(dom, "parse: %s", err.message);
    return dom;
}

static int sink(void *ctx, const char *data, size_t len)
{
    (void)ctx;
    (void)data;
    (void)len;
    return 0;
}

/* Every entry point refuses the tree with `code`, and validate reports an
 * error whose message contains `text`. */
static void all_refuse(const domxml_domain *dom, domxml_error_code code, const char *text)
{
    domxml_error err;
    domxml_diagnostics *ds;
    bool found = false;
    char *out;

    ck_assert_int_eq(domxml_domain_check(dom, &err), -1);
    ck_assert_int_eq(err.code, code);
    ck_assert_msg(strstr(err.message, text), "check: %s", err.message);
    out = domxml_format(dom, NULL, &err);
    ck_assert_ptr_null(out);
    ck_assert_int_eq(err.code, code);
    ck_assert_int_eq(domxml_format_to(dom, sink, NULL, &err), -1);
    ck_assert_int_eq(err.code, code);
    ds = domxml_domain_validate(dom, &err);
    ck_assert_msg(ds, "validate: %s", err.message);
    ck_assert_uint_ge(ds->errors, 1);
    for (size_t i = 0; i < ds->count; i++)
        found |= strstr(ds->items[i].message, text) != NULL;
    ck_assert_msg(found, "validate does not say '%s'", text);
    domxml_diagnostics_free(ds);
}

static const char nic_doc[] =
    "<domain type='kvm'><name>x</name><devices>"
    "<interface type='bridge'><source bridge='br0'/><model type='virtio'/>"
    "<boot order='1'/><alias name='ua-net0'/>"
    "<address type='pci' domain='0x0000' bus='0x00' slot='0x03' function='0x0'/></interface>"
    "<hostdev mode='subsystem' type='pci' managed='yes'><source>"
    "<address domain='0x0000' bus='0x04' slot='0x10' function='0x2'/></source>"
    "<teaming type='transient' persistent='ua-net0'/></hostdev>"
    "</devices></domain>";

/* Finding 1: an enum field out of range, in any field, by every entry point. */
START_TEST(test_enum_out_of_range)
{
    static const int values[] = {999, -1};
    domxml_domain *dom = parse_flags(nic_doc, 0);
    domxml_node *nic = domxml_device_next(dom, NULL);
    domxml_node *hd = domxml_device_next(dom, nic);
    int *fields[] = {
        (int *)&nic->interface->model->type, (int *)&nic->interface->type,
        (int *)&nic->interface->info.address->type, (int *)&hd->hostdev->type,
        (int *)&hd->hostdev->mode, (int *)&hd->hostdev->teaming->type,
        (int *)&nic->interface->managed,
    };
    int field = _i / 2;
    int saved = *fields[field];

    *fields[field] = values[_i % 2];
    all_refuse(dom, DOMXML_ERR_VALUE, "which is not a value of its enum");
    *fields[field] = saved;
    ck_assert_int_eq(domxml_domain_check(dom, NULL), 0);
    domxml_domain_free(dom);
}
END_TEST

/* Finding 2: a required value left out of a hand-built tree. */
START_TEST(test_scsi_host_without_wwpn)
{
    domxml_domain *dom = parse_flags(
        "<domain type='kvm'><name>x</name><devices><hostdev mode='subsystem' type='scsi_host'>"
        "<source protocol='vhost' wwpn='naa.5123456789abcde0'/></hostdev></devices></domain>", 0);
    domxml_node *hd = domxml_device_next(dom, NULL);

    hd->hostdev->source->wwpn = NULL;
    all_refuse(dom, DOMXML_ERR_MISSING, "missing required attribute 'wwpn'");
    domxml_domain_free(dom);
}
END_TEST

/* Finding 3: loadparm as the parser stores it (upper case); IP text too. */
START_TEST(test_stored_spelling)
{
    domxml_domain *dom = parse_flags(
        "<domain type='kvm'><name>x</name><devices><interface type='user'>"
        "<ip address='fd00::1' family='ipv6' prefix='64'/><boot order='1' loadparm='abc'/>"
        "</interface></devices></domain>", 0);
    domxml_node *nic = domxml_device_next(dom, NULL);
    domxml_boot *boot = nic->interface->info.boot;

    ck_assert_str_eq(boot->loadparm, "ABC"); /* the parser's spelling */
    ck_assert_int_eq(domxml_domain_check(dom, NULL), 0);
    boot->loadparm = "abc";
    all_refuse(dom, DOMXML_ERR_VALUE, "upper-case");
    boot->loadparm = "ABC";
    nic->interface->more->ips->address = "FD00:0::0001";
    all_refuse(dom, DOMXML_ERR_VALUE, "stored spelling 'fd00::1'");
    domxml_domain_free(dom);
}
END_TEST

/* Finding 4: validate of a domain without PCI addresses (qsort of none). */
START_TEST(test_validate_no_devices)
{
    domxml_domain *dom = parse_flags("<domain type=\"kvm\"><name>x</name><devices/></domain>", 0);
    domxml_diagnostics *ds = domxml_domain_validate(dom, NULL);

    ck_assert_ptr_nonnull(ds);
    ck_assert_uint_eq(ds->errors, 0);
    domxml_diagnostics_free(ds);
    domxml_domain_free(dom);
}
END_TEST

/* Finding 5: teaming on a USB host device, parsed without linking. */
START_TEST(test_teaming_usb_unlinked)
{
    domxml_domain *dom = parse_flags(
        "<domain type='kvm'><name>x</name><devices><hostdev mode='subsystem' type='usb'><source>"
        "<vendor id='0x1234'/><product id='0x5678'/></source>"
        "<teaming type='transient' persistent='ua-x'/></hostdev></devices></domain>",
        DOMXML_PARSE_NO_TEAMING_LINK);
    domxml_diagnostics *ds = domxml_domain_validate(dom, NULL);
    bool found = false;

    ck_assert_ptr_nonnull(ds);
    for (size_t i = 0; i < ds->count; i++)
        found |= strcmp(ds->items[i].code, "teaming.hostdev-not-pci") == 0 &&
                 strcmp(ds->items[i].path, "/domain/devices/hostdev/teaming") == 0;
    ck_assert_msg(found, "validate does not report teaming on a USB host device");
    domxml_diagnostics_free(ds);
    all_refuse(dom, DOMXML_ERR_TEAMING, "supported only for PCI host devices");
    domxml_domain_free(dom);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Finding 7: messages                                                  */

static bool valid_utf8_line(const char *s)
{
    const unsigned char *p = (const unsigned char *)s;

    while (*p) {
        int n = *p < 0x80 ? 0 : (*p & 0xe0) == 0xc0 ? 1 : (*p & 0xf0) == 0xe0 ? 2
                : (*p & 0xf8) == 0xf0 ? 3 : -1;
        if (n < 0 || (*p < 0x80 && (*p < 0x20 || *p == 0x7f)))
            return false;
        for (int k = 1; k <= n; k++) {
            if ((p[k] & 0xc0) != 0x80)
                return false;
        }
        p += n + 1;
    }
    return true;
}

START_TEST(test_message_escaped)
{
    const char *xml = "<domain type='kvm'><name>x</name><devices><interface type='user'>"
                      "<boot order='1' loadparm='A&#10;fake.xml:1:1: error: forged&#9;&#13;'/>"
                      "</interface></devices></domain>";
    domxml_error err;

    ck_assert_ptr_null(domxml_parse_buffer(xml, strlen(xml), "t.xml", NULL, &err));
    ck_assert_msg(valid_utf8_line(err.message), "raw control character: %s", err.message);
    ck_assert_msg(strstr(err.message, "'A\\nfake.xml:1:1: error: forged\\t\\r'"),
                  "not escaped as expected: %s", err.message);
}
END_TEST

/* A long value of two-byte characters: cut between characters, marked. */
START_TEST(test_message_cut)
{
    char *value = malloc(2 * 600 + 1);
    domxml_error err;
    domxml_domain *dom;
    domxml_node *nic;
    domxml_diagnostics *ds;
    size_t n;

    ck_assert_ptr_nonnull(value);
    for (int i = 0; i < 600; i++)
        memcpy(value + 2 * i, "\xc3\xa9", 2);
    value[1200] = '\0';
    dom = parse_flags("<domain type='kvm'><name>x</name><devices><interface type='user'>"
                      "<boot order='1'/></interface></devices></domain>", 0);
    nic = domxml_device_next(dom, NULL);
    nic->interface->info.boot->loadparm = value;
    ck_assert_int_eq(domxml_domain_check(dom, &err), -1);
    n = strlen(err.message);
    ck_assert_msg(valid_utf8_line(err.message), "not valid UTF-8: %s", err.message);
    ck_assert_msg(n >= 3 && strcmp(err.message + n - 3, "...") == 0, "no marker: %s",
                  err.message);
    ds = domxml_domain_validate(dom, NULL);
    ck_assert_ptr_nonnull(ds);
    ck_assert_uint_ge(ds->count, 1);
    ck_assert(valid_utf8_line(ds->items[0].message));
    domxml_diagnostics_free(ds);
    /* A hand-set newline is escaped in diagnostics too. */
    nic->interface->info.boot->loadparm = "A\nerror: forged";
    ds = domxml_domain_validate(dom, NULL);
    ck_assert_ptr_nonnull(ds);
    ck_assert_uint_ge(ds->count, 1);
    ck_assert_msg(!strchr(ds->items[0].message, '\n'), "%s", ds->items[0].message);
    domxml_diagnostics_free(ds);
    domxml_domain_free(dom);
    free(value);
}
END_TEST

/* ------------------------------------------------------------------ */
/* Limits, counted through the hooks                                    */

/* "<domain a='xxx...'" with `n` bytes of value, then the rest. */
static char *huge_attribute(size_t n, size_t *len)
{
    static const char head[] = "<domain type='kvm' a='", tail[] = "'><name>x</name></domain>";
    char *s = malloc(sizeof(head) + n + sizeof(tail));

    ck_assert_ptr_nonnull(s);
    memcpy(s, head, sizeof(head) - 1);
    memset(s + sizeof(head) - 1, 'x', n);
    memcpy(s + sizeof(head) - 1 + n, tail, sizeof(tail));
    *len = sizeof(head) - 1 + n + sizeof(tail) - 1;
    return s;
}

/* A parse under max_memory never holds much more (the slack: one
 * allocation may be refused only once it is asked for; expat's and our
 * fixed overheads). */
static void parse_bounded(const char *doc, size_t len, size_t max_memory, const char *what)
{
    domxml_parse_options o;
    domxml_error err;
    domxml_domain *dom;

    domxml_parse_options_init(&o);
    o.memory = &counting;
    o.max_memory = max_memory;
    memset(&heap, 0, sizeof(heap));
    dom = domxml_parse_buffer(doc, len, what, &o, &err);
    ck_assert_msg(!dom, "%s: parsed within %zu bytes", what, max_memory);
    ck_assert_msg(err.code == DOMXML_ERR_LIMIT, "%s: code %d: %s", what, err.code, err.message);
    ck_assert_msg(heap.peak <= max_memory + (max_memory / 4) + (256 << 10),
                  "%s: peak %zu bytes against max_memory %zu", what, heap.peak, max_memory);
    ck_assert_uint_eq(heap.blocks, 0);
}

START_TEST(test_limit_huge_root_attribute)
{
    size_t len;
    char *doc = huge_attribute(48u << 20, &len);

    parse_bounded(doc, len, 4u << 20, "48 MiB root attribute");
    free(doc);
}
END_TEST

START_TEST(test_limit_leading_comment)
{
    static const char tail[] = "--><domain type='kvm'><name>x</name></domain>";
    size_t n = 40u << 20, len = 4 + n + sizeof(tail) - 1;
    char *doc = malloc(len + 1);

    ck_assert_ptr_nonnull(doc);
    memcpy(doc, "<!--", 4);
    memset(doc + 4, 'c', n);
    memcpy(doc + 4 + n, tail, sizeof(tail));
    parse_bounded(doc, len, 4u << 20, "40 MiB leading comment");
    free(doc);
}
END_TEST

/* `n` attributes a0='' a1='' ... on <domain>, or on an <interface>. */
static char *many_attributes(unsigned n, bool on_interface, size_t *len)
{
    size_t cap = (size_t)n * 16 + 512, o = 0;
    char *s = malloc(cap);

    ck_assert_ptr_nonnull(s);
    o += (size_t)snprintf(s + o, cap - o, "<domain type='kvm'%s",
                          on_interface ? "><name>x</name><devices><interface type='user'" : "");
    for (unsigned i = 0; i < n; i++)
        o += (size_t)snprintf(s + o, cap - o, " a%u=''", i);
    o += (size_t)snprintf(s + o, cap - o, "%s",
                          on_interface ? "/></devices></domain>" : "><name>x</name></domain>");
    *len = o;
    return s;
}

START_TEST(test_limit_many_attributes)
{
    size_t len;
    char *doc = many_attributes(400000, false, &len);

    parse_bounded(doc, len, 8u << 20, "400,000 attributes on <domain>");
    free(doc);
}
END_TEST

/* Check, validate and format an element with n unknown attributes: the
 * allocator calls each makes (beyond the output buffer's doublings). */
static void attribute_calls(unsigned n, bool on_interface, size_t calls[3])
{
    domxml_parse_options o;
    domxml_error err;
    domxml_domain *dom;
    domxml_diagnostics *ds;
    size_t len;
    char *doc = many_attributes(n, on_interface, &len), *out;

    domxml_parse_options_init(&o);
    o.memory = &counting;
    dom = domxml_parse_buffer(doc, len, "attrs", &o, &err);
    ck_assert_msg(dom, "%u attributes: %s", n, err.message);
    heap.calls = 0;
    ck_assert_int_eq(domxml_domain_check(dom, &err), 0);
    calls[0] = heap.calls;
    heap.calls = 0;
    ds = domxml_domain_validate(dom, &err);
    ck_assert_ptr_nonnull(ds);
    domxml_diagnostics_free(ds);
    calls[1] = heap.calls;
    heap.calls = 0;
    out = domxml_format(dom, NULL, &err);
    ck_assert_ptr_nonnull(out);
    domxml_string_free(out);
    calls[2] = heap.calls;
    domxml_domain_free(dom);
    free(doc);
}

/* The duplicate-name scan takes its hashed path past a few attributes:
 * check and format make as many allocator calls (one set, the output's
 * doublings) for 200,000 attributes as for 20,000, give or take the
 * doublings; the pairwise scan was quadratic. Validate makes a diagnostic
 * per unknown attribute of a modelled element: linear in them. */
START_TEST(test_attributes_linear)
{
    size_t small[3], big[3];

    attribute_calls(20000, _i == 1, small);
    attribute_calls(200000, _i == 1, big);
    ck_assert_msg(big[0] >= 1, "check: no set allocated: the pairwise scan is in use");
    ck_assert_msg(big[0] <= small[0] + 2, "check: %zu calls for 200,000, %zu for 20,000",
                  big[0], small[0]);
    ck_assert_msg(big[2] <= small[2] + 8, "format: %zu calls for 200,000, %zu for 20,000",
                  big[2], small[2]);
    ck_assert_msg(big[1] <= 10 * small[1] + 64, "validate: %zu calls for 200,000, %zu for 20,000",
                  big[1], small[1]);
}
END_TEST

START_TEST(test_duplicate_attribute_hashed)
{
    domxml_domain *dom = parse_flags(nic_doc, 0);
    domxml_node *root = dom->root;
    domxml_attr *tail = root->attrs;
    domxml_error err;
    char name[16];

    while (tail->next)
        tail = tail->next;
    for (int i = 0; i < 40; i++) { /* past the pairwise scan */
        snprintf(name, sizeof(name), "b%d", i);
        tail = tail->next = domxml_attr_new(dom, name, "v");
        ck_assert_ptr_nonnull(tail);
    }
    ck_assert_int_eq(domxml_domain_check(dom, NULL), 0);
    tail->next = domxml_attr_new(dom, "b7", "again");
    ck_assert_int_eq(domxml_domain_check(dom, &err), -1);
    ck_assert_int_eq(err.code, DOMXML_ERR_DUPLICATE);
    ck_assert_str_eq(err.message, "duplicate attribute 'b7' in <domain>");
    domxml_domain_free(dom);
}
END_TEST

START_TEST(test_limit_deep_nesting)
{
    enum { DEPTH = 5000 };
    size_t len = 0, cap = DEPTH * 8 + 64;
    char *doc = malloc(cap);
    domxml_error err;

    ck_assert_ptr_nonnull(doc);
    len += (size_t)snprintf(doc, cap, "<domain type='kvm'>");
    for (int i = 0; i < DEPTH; i++)
        len += (size_t)snprintf(doc + len, cap - len, "<a>");
    memset(&heap, 0, sizeof(heap));
    ck_assert_ptr_null(domxml_parse_buffer(doc, len, "deep", NULL, &err));
    ck_assert_int_eq(err.code, DOMXML_ERR_LIMIT);
    free(doc);
}
END_TEST

int main(void)
{
    Suite *s = suite_create("hostile");
    TCase *tc = tcase_create("findings");
    TCase *lim = tcase_create("limits");

    tcase_add_loop_test(tc, test_enum_out_of_range, 0, 14);
    tcase_add_test(tc, test_scsi_host_without_wwpn);
    tcase_add_test(tc, test_stored_spelling);
    tcase_add_test(tc, test_validate_no_devices);
    tcase_add_test(tc, test_teaming_usb_unlinked);
    tcase_add_test(tc, test_message_escaped);
    tcase_add_test(tc, test_message_cut);
    tcase_add_test(tc, test_duplicate_attribute_hashed);
    suite_add_tcase(s, tc);
    tcase_set_timeout(lim, 120);
    tcase_add_test(lim, test_limit_huge_root_attribute);
    tcase_add_test(lim, test_limit_leading_comment);
    tcase_add_test(lim, test_limit_many_attributes);
    tcase_add_loop_test(lim, test_attributes_linear, 0, 2);
    tcase_add_test(lim, test_limit_deep_nesting);
    suite_add_tcase(s, lim);
    return tu_run_suite(s);
}
