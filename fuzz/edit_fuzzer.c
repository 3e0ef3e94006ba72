/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Edit/build oracle: parse, apply edits chosen by the input through the
 * public accessors and builders (remove a device, insert a built one,
 * change MAC, alias, teaming, loadparm, enum fields to any value including
 * out-of-range ones, drop required values), then hold every entry point to
 * one verdict (abort() on a violation):
 *  - domxml_domain_check(), domxml_format() and domxml_format_to() agree:
 *    all succeed, or all fail with a clean error (the same code);
 *  - formatted output parses back and formats to the same bytes;
 *  - domxml_domain_validate() runs on every such tree: diagnostics with a
 *    code, path and message without control characters, counts that add
 *    up, and at least one error when the check refuses the tree;
 *  - with an injected allocation failure (bit 0), each call fails with
 *    DOMXML_ERR_NOMEM or gives what an uninjected run gives; every block
 *    taken through the hooks is given back.
 *
 * Input: option byte; N when bit 0 is set (fail allocation N, counted from
 * the first call after the edits); the edit count E (0-15, low 4 bits),
 * then E edits of 3 bytes (operation, device index, value); the document.
 *   bit 0  inject an allocation failure into the checks
 *   bit 1  parse with DOMXML_PARSE_NO_TEAMING_LINK
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <domxml.h>

#include "fuzz_util.h"

#define H "edit_fuzzer"

enum { OPT_FAIL = 1u << 0, OPT_NO_LINK = 1u << 1 };

/* Names an edit may set: plain, another device's, empty, hostile. */
static const char *const names[] = {
    "ua-net0", "ua-team0", "ua-x", "", "-readconfig", "a,b", "x y", "ua-\n", "ua-\xc3\xa9",
    "net0",    "hostdev0", "ua-team0", "ABC", "abc", "a'b\"c<d>&", "\x01\x7f"};
#define N_NAMES (sizeof(names) / sizeof(names[0]))

/* An enum value: in range, just past it, or far out (negative too). */
static int enum_value(unsigned v)
{
    static const int far[] = {-1, 1000, INT_MAX, INT_MIN};
    return v < 0xf0 ? (int)(v % 24) : far[v & 3];
}

static domxml_node *nth_device(const domxml_domain *dom, unsigned k)
{
    domxml_node *n = domxml_device_next(dom, NULL);

    for (; n && k; k--)
        n = domxml_device_next(dom, n);
    return n;
}

/* Set an enum field of device n chosen by `which`. */
static void edit_enum(domxml_domain *dom, domxml_node *n, unsigned which, int v)
{
    domxml_device_info *info = domxml_node_device_info(n);

    if (n->kind == DOMXML_NODE_INTERFACE) {
        domxml_interface *i = n->interface;
        switch (which % 6) {
        case 0: /* the source's union follows the type (docs/api.md): cleared */
            i->type = (domxml_interface_type)v;
            if (i->source)
                memset(&i->source->u, 0, sizeof(i->source->u));
            break;
        case 1:
            if (!i->model)
                i->model = domxml_model_new(dom);
            if (i->model)
                i->model->type = (domxml_nic_model)v;
            break;
        case 2: i->managed = (domxml_tristate_bool)v; break;
        case 3:
            if (i->driver)
                i->driver->name = (domxml_net_driver_name)v;
            break;
        case 4:
            if (i->mac)
                i->mac->type = (domxml_mac_type)v;
            break;
        default: i->trust_guest_rx_filters = (domxml_tristate_bool)v; break;
        }
    } else if (n->kind == DOMXML_NODE_HOSTDEV) {
        domxml_hostdev *h = n->hostdev;
        switch (which % 6) {
        case 0:
            h->type = (domxml_hostdev_type)v;
            if (h->source) { /* so does the source address's */
                memset(&h->source->u, 0, sizeof(h->source->u));
                h->source->address = NULL;
            }
            break;
        case 1: h->mode = (domxml_hostdev_mode)v; break;
        case 2: h->model = (domxml_hostdev_model)v; break;
        case 3:
            if (h->source)
                h->source->protocol = (domxml_scsi_protocol)v;
            break;
        case 4:
            if (h->driver)
                h->driver->name = (domxml_hostdev_backend)v;
            break;
        default: h->sgio = (domxml_hostdev_sgio)v; break;
        }
    }
    if (info && info->address && which >= 6) {
        info->address->type = (domxml_address_type)v;
        memset(&info->address->u, 0, sizeof(info->address->u));
    }
}

/* Clear a value that may be required. */
static void edit_drop(domxml_node *n, unsigned which)
{
    domxml_device_info *info = domxml_node_device_info(n);
    domxml_hostdev_source *src = domxml_node_host_source(n);

    switch (which % 6) {
    case 0:
        if (src)
            src->wwpn = NULL;
        break;
    case 1:
        if (src)
            src->name = NULL;
        break;
    case 2:
        if (src)
            src->address = NULL;
        break;
    case 3:
        if (info && info->alias)
            info->alias->name = NULL;
        break;
    case 4:
        if (n->kind == DOMXML_NODE_HOSTDEV)
            n->hostdev->source = NULL;
        else if (n->kind == DOMXML_NODE_INTERFACE)
            n->interface->source = NULL;
        break;
    default:
        if (info && info->boot)
            info->boot->order.set = false;
        break;
    }
}

static void apply_edit(domxml_domain *dom, unsigned op, unsigned idx, unsigned val)
{
    domxml_node *n = nth_device(dom, idx % 8);
    domxml_device_info *info = n ? domxml_node_device_info(n) : NULL;
    domxml_teaming *t;

    switch (op % 10) {
    case 0:
        /* A standalone document's root is not in a <devices>: refused. */
        if (n && domxml_device_unlink(dom, n) < 0 && domxml_domain_devices(dom))
            fuzz_fail(H, "unlink of a device of the document failed");
        return;
    case 1:
    case 2: {
        domxml_node *d = op % 10 == 1 ? domxml_interface_node_new(dom) : domxml_hostdev_node_new(dom);
        if (!d)
            return;
        if (d->kind == DOMXML_NODE_INTERFACE)
            d->interface->type = (domxml_interface_type)enum_value(val);
        else
            d->hostdev->type = (domxml_hostdev_type)enum_value(val);
        if (n)
            (void)domxml_device_insert_before(dom, d, n, NULL);
        else
            (void)domxml_device_append(dom, d, NULL);
        return;
    }
    case 3:
        if (n && n->kind == DOMXML_NODE_INTERFACE) {
            domxml_mac *m = n->interface->mac ? n->interface->mac : domxml_mac_new(dom);
            if (!m)
                return;
            n->interface->mac = m;
            for (int k = 0; k < 6; k++)
                m->address.bytes[k] = (unsigned char)(val * (k + 1));
            m->address.set = val != 0xff;
        }
        return;
    case 4:
        if (!info)
            return;
        if (!info->alias && !(info->alias = domxml_alias_new(dom)))
            return;
        info->alias->name = domxml_strdup(dom, names[val % N_NAMES]);
        return;
    case 5:
        if (!n || !(info = domxml_node_device_info(n)))
            return;
        t = domxml_node_teaming(n);
        if (!t) {
            if (!(t = domxml_teaming_new(dom)))
                return;
            if (n->kind == DOMXML_NODE_INTERFACE)
                n->interface->teaming = t;
            else
                n->hostdev->teaming = t;
        }
        t->type = (domxml_teaming_type)(val & 0x80 ? enum_value(val) : (int)(val % 3));
        t->persistent = (val & 0x40) ? domxml_strdup(dom, names[val % N_NAMES]) : NULL;
        return;
    case 6:
        if (n)
            edit_enum(dom, n, val >> 5, enum_value(val));
        return;
    case 7:
        if (!info)
            return;
        if (!info->boot && !(info->boot = domxml_boot_new(dom)))
            return;
        info->boot->order.value = val % 4;
        info->boot->order.set = true;
        info->boot->loadparm = domxml_strdup(dom, names[val % N_NAMES]);
        return;
    case 8:
        if (n)
            edit_drop(n, val);
        return;
    default:
        if (n && n->kind == DOMXML_NODE_INTERFACE && n->interface->model) {
            n->interface->model->custom = domxml_strdup(dom, names[val % N_NAMES]);
            if (val & 1)
                n->interface->model->type = DOMXML_NIC_MODEL_NONE;
        }
        return;
    }
}

/* ------------------------------------------------------------------ */
/* The verdicts                                                         */

typedef struct verdict {
    domxml_error_code check, format, format_to;
    char *out; /* domxml_format's output (malloc'ed copy) */
    size_t len;
    size_t errors, count;
} verdict;

typedef struct sink {
    char *data;
    size_t len, cap;
} sink;

static int sink_write(void *ctx, const char *data, size_t len)
{
    sink *s = ctx;

    if (s->len + len > s->cap) {
        size_t cap = (s->len + len) * 2;
        char *p = realloc(s->data, cap);
        if (!p)
            return -1;
        s->data = p;
        s->cap = cap;
    }
    memcpy(s->data + s->len, data, len);
    s->len += len;
    return 0;
}

static void check_diagnostics(const domxml_diagnostics *ds)
{
    size_t e = 0, w = 0;

    for (size_t i = 0; i < ds->count; i++) {
        const domxml_diagnostic *d = &ds->items[i];
        if (!d->code || !d->code[0] || !d->path || !d->message || !d->message[0])
            fuzz_fail(H, "validate: a diagnostic without code, path or message");
        for (const unsigned char *p = (const unsigned char *)d->message; *p; p++) {
            if (*p < 0x20 || *p == 0x7f)
                fuzz_fail(H, "validate: raw control character in '%s'", d->message);
        }
        if (d->severity == DOMXML_SEVERITY_ERROR)
            e++;
        else
            w++;
    }
    if (e != ds->errors || w != ds->warnings)
        fuzz_fail(H, "validate: counts do not add up");
}

/* Every entry point on the tree. Returns false when out of memory was the
 * answer of one of them (then only with an injected failure). */
static bool judge(const domxml_domain *dom, verdict *v)
{
    domxml_error err;
    domxml_diagnostics *ds;
    sink s = {NULL, 0, 0};
    char *out;
    bool nomem = false;

    memset(v, 0, sizeof(*v));
    fuzz_junk_error(&err);
    v->check = domxml_domain_check(dom, &err) == 0 ? DOMXML_OK : err.code;
    if (v->check != DOMXML_OK)
        fuzz_check_error(H, "check", &err);
    nomem |= v->check == DOMXML_ERR_NOMEM;

    fuzz_junk_error(&err);
    out = domxml_format(dom, &v->len, &err);
    v->format = out ? DOMXML_OK : err.code;
    if (out) {
        v->out = malloc(v->len + 1);
        if (!v->out)
            abort();
        memcpy(v->out, out, v->len + 1);
        domxml_string_free(out);
    } else {
        fuzz_check_error(H, "format", &err);
    }
    nomem |= v->format == DOMXML_ERR_NOMEM;

    fuzz_junk_error(&err);
    v->format_to = domxml_format_to(dom, sink_write, &s, &err) == 0 ? DOMXML_OK : err.code;
    if (v->format_to != DOMXML_OK)
        fuzz_check_error(H, "format_to", &err);
    else if (v->out && (s.len != v->len || memcmp(s.data, v->out, s.len) != 0))
        fuzz_fail(H, "format_to wrote other bytes than format");
    nomem |= v->format_to == DOMXML_ERR_NOMEM;
    free(s.data);

    fuzz_junk_error(&err);
    ds = domxml_domain_validate(dom, &err);
    if (ds) {
        check_diagnostics(ds);
        v->errors = ds->errors;
        v->count = ds->count;
        domxml_diagnostics_free(ds);
    } else {
        fuzz_check_error(H, "validate", &err);
        if (err.code != DOMXML_ERR_NOMEM)
            fuzz_fail(H, "validate failed with code %d: %s", err.code, err.message);
        nomem = true;
    }
    return !nomem;
}

static void agree(const domxml_domain *dom, const verdict *v)
{
    domxml_parse_options po;
    domxml_domain *again;
    domxml_error err;
    char *out2;
    size_t len2;

    if ((v->check == DOMXML_OK) != (v->format == DOMXML_OK) ||
        (v->check == DOMXML_OK) != (v->format_to == DOMXML_OK))
        fuzz_fail(H, "check (%d), format (%d) and format_to (%d) disagree", v->check, v->format,
                  v->format_to);
    if (v->check != DOMXML_OK && (v->check != v->format || v->check != v->format_to))
        fuzz_fail(H, "check, format and format_to fail differently (%d, %d, %d)", v->check,
                  v->format, v->format_to);
    if (v->check != DOMXML_OK && v->errors == 0)
        fuzz_fail(H, "the check refuses the tree (code %d) but validate reports no error",
                  v->check);
    if (!v->out)
        return;
    domxml_parse_options_init(&po);
    po.memory = &fuzz_memory;
    po.flags = DOMXML_PARSE_NO_TEAMING_LINK;
    fuzz_junk_error(&err);
    again = domxml_parse_buffer(v->out, v->len, "formatted", &po, &err);
    if (!again)
        fuzz_fail(H, "the formatter produced a document the parser refuses: %s\n%s", err.message,
                  v->out);
    out2 = domxml_format(again, &len2, &err);
    if (!out2)
        fuzz_fail(H, "a re-parsed document does not format: %s\n%s", err.message, v->out);
    if (len2 != v->len || memcmp(out2, v->out, len2) != 0)
        fuzz_fail(H, "format(parse(format(tree))) differs from format(tree):\n%s\n----\n%s",
                  v->out, out2);
    domxml_string_free(out2);
    domxml_domain_free(again);
    (void)dom;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    domxml_parse_options po;
    domxml_domain *dom;
    domxml_error err;
    unsigned opt, n_edits;
    unsigned long fail_at = ULONG_MAX;
    const uint8_t *edits;
    size_t skip = 1;
    verdict ref, injected;

    if (size < 2)
        return 0;
    opt = data[0];
    if (opt & OPT_FAIL) {
        fail_at = data[1];
        skip = 2;
    }
    if (size < skip + 1)
        return 0;
    n_edits = data[skip] & 15;
    skip++;
    if (size < skip + 3 * n_edits)
        return 0;
    edits = data + skip;
    skip += 3 * n_edits;

    fuzz_alloc_reset(ULONG_MAX);
    domxml_parse_options_init(&po);
    po.memory = &fuzz_memory;
    po.flags = (opt & OPT_NO_LINK) ? DOMXML_PARSE_NO_TEAMING_LINK : 0;
    fuzz_junk_error(&err);
    dom = domxml_parse_buffer((const char *)data + skip, size - skip, "fuzz", &po, &err);
    if (!dom) {
        fuzz_check_error(H, "parse", &err);
        if (err.code == DOMXML_ERR_NOMEM)
            fuzz_fail(H, "parse: out of memory without an injected failure");
    } else {
        for (unsigned i = 0; i < n_edits; i++)
            apply_edit(dom, edits[3 * i], edits[3 * i + 1], edits[3 * i + 2]);
        if (!judge(dom, &ref))
            fuzz_fail(H, "out of memory without an injected failure");
        agree(dom, &ref);
        if (fail_at != ULONG_MAX) {
            long live = fuzz_alloc.live;
            fuzz_alloc.calls = 0;
            fuzz_alloc.fail_at = fail_at;
            fuzz_alloc.injected = false;
            bool clean = judge(dom, &injected);
            fuzz_alloc_disarm();
            if (!clean && !fuzz_alloc.injected)
                fuzz_fail(H, "out of memory without an injected failure");
            if (clean && fuzz_alloc.injected &&
                (injected.check != ref.check || injected.format != ref.format ||
                 injected.count != ref.count ||
                 (ref.out && (!injected.out || strcmp(ref.out, injected.out) != 0))))
                fuzz_fail(H, "an injected allocation failure changed a result without NOMEM");
            if (fuzz_alloc.live != live)
                fuzz_fail(H, "%ld block(s) leaked under an injected failure",
                          fuzz_alloc.live - live);
            free(injected.out);
        }
        free(ref.out);
        domxml_domain_free(dom);
    }
    if (fuzz_alloc.live != 0)
        fuzz_fail(H, "%ld block(s) from the allocator hooks not freed", fuzz_alloc.live);
    return 0;
}
