/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * The live judge: libvirt itself reads each valid fixture and writes it
 * back, and each <interface> and <hostdev> it writes must equal ours.
 *
 * For every tests/data/NAME.xml that has no NAME.err (a valid fixture) and
 * whose root is <domain>, and the same for libvirt's corpus when it is
 * there ($DOMXML_CORPUS_DIR, default ../shared/corpus/libvirt/tests beside
 * the source tree: qemuxml2argvdata, qemuxml2xmloutdata):
 *   1. parse it with libdomxml; set <domain type='test'>, name it
 *      "libdomxml-judge", and add <os><type>hvm</type></os>, <name>,
 *      <memory> when absent (what libvirt's in-process test driver needs),
 *      format it, and define that text in test:///default
 *      (virDomainDefineXML);
 *   2. read libvirt's inactive XML back (virDomainGetXMLDesc with
 *      VIR_DOMAIN_XML_INACTIVE), parse it with libdomxml, undefine;
 *   3. pair the interfaces of both documents in order, and the hostdevs;
 *      apply the filter rules below (edits on the models, through the
 *      public API) and compare the canonical text libdomxml writes for
 *      each pair, element line by element line;
 *   4. compare the <metadata> element libvirt wrote (its libxml2 output,
 *      as it came) with the one libdomxml wrote for it, byte for byte.
 * A fixture using syntax the installed libvirt lacks according to
 * libdomxml's table of releases (domxml_libvirt_since_table(): it is
 * validated for the running release, and a "since.*" error means so) is
 * counted as "not judged" (never as identical), as are the fixtures made
 * for unknown content (R6); it is still defined, to check the table: the
 * libvirt refuses it, or drops or changes the syntax, or keeps it (counted
 * apart: its test driver does not enforce what only the QEMU driver
 * refuses). Any refusal of another fixture fails, as does any difference:
 * so the table's claim that a release has some syntax is checked too.
 *
 * Prints per difference the fixture, device and first differing line, and
 *   live judge, fixtures (libvirt X.Y.Z): N/M devices identical, F not judged,
 *   K/L <metadata> identical
 *   (the same line for each corpus directory)
 *   table of releases (libvirt X.Y.Z): N fixtures with syntax it lacks:
 *   R refused, D dropped or changed, K kept
 *   filter rules applied: R1=n ... R12=n
 *   N passed, M failed
 * Exit 0 when every judged device is identical and no document failed,
 * 1 otherwise, 77 when libvirt's client library was not found by
 * configure or test:///default cannot be opened.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "domxml.h"

#ifndef DOMXML_HAVE_LIBVIRT
int main(void)
{
    puts("SKIP: libvirt's client library (libvirt-dev) was not found by configure");
    return 77;
}
#else
#include <libvirt/libvirt.h>
#include <libvirt/virterror.h>

#include "testutil.h"

/* What the table of libvirt releases says of the running libvirt, per
 * fixture that uses syntax it lacks: refused at define, accepted with the
 * syntax dropped (or changed), or kept unchanged (the test driver does not
 * enforce what only the QEMU driver refuses). */
static unsigned domxml__table_refused, domxml__table_dropped, domxml__table_kept;

/* Entries an older libvirt's test driver keeps all the same: only its QEMU
 * driver refused <vlan> on a bridge before 11.0.0, and currentAddress is
 * live XML (R11 hides it). A fixture kept unchanged for any other entry
 * contradicts the table and fails. */
static bool domxml__kept_as_expected(const char *codes)
{
    static const char *const known[] = {"since.vlan-bridge", "since.mac-current-address"};

    for (const char *c = codes; *c; c += strcspn(c, " "), c += *c == ' ') {
        size_t n = strcspn(c, " "), k = 0;

        while (k < sizeof(known) / sizeof(known[0]) &&
               !(strlen(known[k]) == n && strncmp(known[k], c, n) == 0))
            k++;
        if (k == sizeof(known) / sizeof(known[0]))
            return false;
    }
    return true;
}

static unsigned long domxml__libvirt_version;
static unsigned domxml__passed; /* identical devices and metadata, all directories */
/* How often each filter rule applied, by rule number (R1..R12). */
static unsigned domxml__applied[13];
#define DOMXML__APPLY(r) (domxml__applied[r]++)

static void domxml__quiet(void *opaque, virErrorPtr err)
{
    (void)opaque;
    (void)err;
}

/* ------------------------------------------------------------------ */
/* Filter rules. Each is written once, applies to one device pair (ours  */
/* `o`, libvirt's `l`), and says why the difference is not a failure.    */

static void domxml__drop(void **lslot, const void *ours, int rule)
{
    if (!ours && *lslot) {
        *lslot = NULL;
        DOMXML__APPLY(rule);
    }
}

/* R8 defaults: libvirt writes the value it defaults to where the input
 * leaves an attribute out; libdomxml keeps the absence. Each default is
 * libvirt's documented one. */
static void domxml__filter_iface_defaults(domxml_interface *o, domxml_interface *l)
{
    const domxml_interface_more *om = o->more, *lm = l->more;

    /* <interface> without type: user. */
    if (!o->type && l->type == DOMXML_INTERFACE_TYPE_USER) {
        l->type = DOMXML_INTERFACE_TYPE_NONE;
        DOMXML__APPLY(8);
    }
    /* direct source without mode: vepa. */
    if (o->type == DOMXML_INTERFACE_TYPE_DIRECT && o->source && l->source &&
        !o->source->u.direct.mode && l->source->u.direct.mode == DOMXML_DIRECT_MODE_VEPA) {
        l->source->u.direct.mode = DOMXML_DIRECT_MODE_NONE;
        DOMXML__APPLY(8);
    }
    /* <vlan> of several tags without trunk: trunk='yes'. */
    if (om && lm && om->vlan && lm->vlan && !om->vlan->trunk &&
        lm->vlan->trunk == DOMXML_TRISTATE_BOOL_YES) {
        lm->vlan->trunk = DOMXML_TRISTATE_BOOL_ABSENT;
        DOMXML__APPLY(8);
    }
    /* <ip> without family: the address's family. */
    for (domxml_ip *a = om ? om->ips : NULL, *b = lm ? lm->ips : NULL; a && b;
         a = a->next, b = b->next) {
        if (!a->family && b->family) {
            b->family = DOMXML_IP_FAMILY_NONE;
            DOMXML__APPLY(8);
        }
    }
}

/* R10 ignored: libvirt drops what means nothing to it; libdomxml keeps
 * it for the round trip. */
static void domxml__filter_iface_ignored(domxml_interface *o, domxml_interface *l)
{
    domxml_interface_more *om = o->more;
    const domxml_interface_more *lm = l->more;
    const domxml_coalesce *co = om ? om->coalesce : NULL;

    /* <coalesce> without a non-zero rx frames max: 0 is libvirt's unset. */
    if (co && !(lm && lm->coalesce) &&
        !(co->rx && co->rx->frames && co->rx->frames->max.set && co->rx->frames->max.value)) {
        om->coalesce = NULL;
        DOMXML__APPLY(10);
    }
    /* <filterref>: libvirt reads it for network, bridge and ethernet only. */
    if (om && om->filterref && !(lm && lm->filterref) &&
        o->type != DOMXML_INTERFACE_TYPE_NETWORK && o->type != DOMXML_INTERFACE_TYPE_BRIDGE &&
        o->type != DOMXML_INTERFACE_TYPE_ETHERNET) {
        om->filterref = NULL;
        DOMXML__APPLY(10);
    }
}

/* R12 <filterref> parameters: libvirt keeps them in a hash table and
 * writes them sorted by name (11.3.0); ours keep the input order. Both
 * lists are sorted by name (a stable insertion sort: few items). */
static void domxml__sort_params(domxml_filter_param **head)
{
    domxml_filter_param *sorted = NULL;

    while (*head) {
        domxml_filter_param *p = *head, **at = &sorted;

        *head = p->next;
        while (*at && strcmp((*at)->name, p->name) <= 0)
            at = &(*at)->next;
        p->next = *at;
        *at = p;
    }
    *head = sorted;
}

static void domxml__filter_params(domxml_interface *o, domxml_interface *l)
{
    domxml_filterref *of = o->more ? o->more->filterref : NULL;
    domxml_filterref *lf = l->more ? l->more->filterref : NULL;

    if (!of || !lf || !of->params || !of->params->next)
        return;
    domxml__sort_params(&of->params);
    domxml__sort_params(&lf->params);
    DOMXML__APPLY(12);
}

static void domxml__filter(domxml_node *o, domxml_node *l)
{
    domxml_device_info *oi = domxml_node_device_info(o);
    domxml_device_info *li = domxml_node_device_info(l);

    /* R1 alias: libvirt writes into inactive XML only user aliases
     * ("ua-" prefix); ours keeps any alias. Drop ours when libvirt did. */
    if (oi->alias && !li->alias && strncmp(oi->alias->name, "ua-", 3) != 0) {
        oi->alias = NULL;
        DOMXML__APPLY(1);
    }
    /* R2 guest address: libvirt may assign one where we have none. */
    domxml__drop((void **)&li->address, oi->address, 2);
    if (o->kind == DOMXML_NODE_INTERFACE) {
        domxml_interface *oif = o->interface, *lif = l->interface;

        /* R3 MAC: libvirt generates a random MAC where none is given. */
        domxml__drop((void **)&lif->mac, oif->mac, 3);
        /* R4 target: the test driver names the host side ("testnetN"),
         * and keeps it in inactive XML. */
        domxml__drop((void **)&lif->target, oif->target, 4);
        /* R4 too: names with the prefixes libvirt reserves for names it
         * generates (vnet, macvtap, macvlan) are dropped from inactive XML
         * and generated again. */
        if (oif->target && oif->target->dev && lif->target && lif->target->dev &&
            (strncmp(oif->target->dev, "vnet", 4) == 0 ||
             strncmp(oif->target->dev, "macvtap", 7) == 0 ||
             strncmp(oif->target->dev, "macvlan", 7) == 0)) {
            oif->target->dev = lif->target->dev = NULL;
            DOMXML__APPLY(4);
        }
        if (oif->target && !oif->target->dev && lif->target && lif->target->dev) {
            lif->target->dev = NULL; /* R4 too: a <target managed=> without dev */
            DOMXML__APPLY(4);
        }
        /* R5 model: libvirt may fill in a default model (vhostuser:
         * virtio since 11.1). */
        domxml__drop((void **)&lif->model, oif->model, 5);
        domxml__filter_iface_defaults(oif, lif);
        domxml__filter_iface_ignored(oif, lif);
        /* R11 <mac currentAddress=>: live XML only (libvirt 11.2.0). */
        if (oif->mac && lif->mac && oif->mac->current_address.set &&
            !lif->mac->current_address.set) {
            oif->mac->current_address.set = false;
            DOMXML__APPLY(11);
        }
        domxml__filter_params(oif, lif);
        /* R9 portid of a network source: libvirt writes it in live XML only. */
        if (oif->type == DOMXML_INTERFACE_TYPE_NETWORK && oif->source && lif->source &&
            oif->source->u.network.portid && !lif->source->u.network.portid) {
            oif->source->u.network.portid = NULL;
            DOMXML__APPLY(9);
        }
    } else {
        domxml_hostdev_source *os = o->hostdev->source, *ls = l->hostdev->source;

        /* R8 defaults of a host device: a subsystem device without
         * managed is managed='no'; an iSCSI target name without "/LUN"
         * is LUN 0. */
        if (o->hostdev->mode != DOMXML_HOSTDEV_MODE_CAPABILITIES && !o->hostdev->managed &&
            l->hostdev->managed == DOMXML_TRISTATE_BOOL_NO) {
            l->hostdev->managed = DOMXML_TRISTATE_BOOL_ABSENT;
            DOMXML__APPLY(8);
        }
        if (os && ls && os->protocol == DOMXML_SCSI_PROTOCOL_ISCSI && os->name && ls->name &&
            !strchr(os->name, '/') && strlen(ls->name) == strlen(os->name) + 2 &&
            strncmp(ls->name, os->name, strlen(os->name)) == 0 &&
            strcmp(ls->name + strlen(os->name), "/0") == 0) {
            ls->name = os->name;
            DOMXML__APPLY(8);
        }
        /* R7 autoAddress and missing (USB) belong to migratable and live
         * XML; libvirt leaves them out of inactive XML. */
        if (os && ls && !ls->auto_address && !ls->missing &&
            (os->auto_address || os->missing)) {
            os->auto_address = DOMXML_TRISTATE_BOOL_ABSENT;
            os->missing = DOMXML_TRISTATE_BOOL_ABSENT;
            DOMXML__APPLY(7);
        }
    }
}

/* ------------------------------------------------------------------ */

/* The text of each child element of <devices> in libdomxml's canonical
 * output: a child starts at a line indented by exactly four spaces that
 * opens an element (a comment there belongs to the element before).
 * Returns the number of chunks; chunk i is [start[i], end[i]). */
static size_t domxml__split(const char *xml, const char **start, const char **end, size_t max)
{
    const char *p = strstr(xml, "\n  <devices>\n"), *stop;
    size_t n = 0;

    if (!p || !(stop = strstr(p, "\n  </devices>")))
        return 0;
    p = strchr(p + 1, '\n') + 1;
    while (p < stop + 1) {
        const char *eol = strchr(p, '\n');
        bool opens = strncmp(p, "    <", 5) == 0 && p[5] != '/' && p[5] != '!';

        if (opens && n < max) {
            if (n)
                end[n - 1] = p;
            start[n++] = p;
        }
        p = eol + 1;
    }
    if (n)
        end[n - 1] = stop + 1;
    return n;
}

/* The device nodes of `kind` of a document, in order, with their chunks. */
typedef struct domxml__dev {
    domxml_node *node;
    char *text;
} domxml__dev;

enum { DOMXML__MAX_DEVS = 256 };

static size_t domxml__devices(domxml_domain *dom, domxml_node_kind kind, domxml__dev *out)
{
    size_t n = 0;

    for (domxml_node *d = domxml_device_next(dom, NULL); d && n < DOMXML__MAX_DEVS;
         d = domxml_device_next(dom, d)) {
        if (d->kind == kind)
            out[n++].node = d;
    }
    return n;
}

/* Format `dom` and give each device in `devs` its text, comments cut.
 * 0, or -1 with a message. */
static int domxml__texts(domxml_domain *dom, domxml__dev *devs, size_t ndev, const char *who)
{
    domxml_node *devices = domxml_domain_devices(dom);
    const char *start[1024], *end[1024];
    domxml_error err;
    char *xml = domxml_format(dom, NULL, &err);
    size_t nchunk, k = 0, c = 0;

    if (!xml) {
        printf("  %s: format failed: %s\n", who, err.message);
        return -1;
    }
    nchunk = domxml__split(xml, start, end, 1024);
    for (domxml_node *e = domxml_node_child(devices, NULL, NULL); e && c < nchunk;
         e = domxml_node_child(devices, e, NULL), c++) {
        if (k < ndev && e == devs[k].node) {
            size_t len = (size_t)(end[c] - start[c]);
            char *t = malloc(len + 1), *w = t;
            const char *line = t;

            /* Comments are not compared (R6): libvirt drops them, libdomxml
             * keeps them. Cut each, then the lines left blank. */
            for (const char *p = start[c]; p < end[c];) {
                if (strncmp(p, "<!--", 4) == 0 && strstr(p, "-->")) {
                    p = strstr(p, "-->") + 3;
                    DOMXML__APPLY(6);
                    continue;
                }
                *w++ = *p;
                if (*p++ == '\n') {
                    if (strspn(line, " \n") == (size_t)(w - line))
                        w = (char *)(uintptr_t)line;
                    line = w;
                }
            }
            *w = '\0';
            devs[k++].text = t;
        }
    }
    domxml_string_free(xml);
    if (k != ndev) {
        printf("  %s: %zu of %zu devices found in the output\n", who, k, ndev);
        return -1;
    }
    return 0;
}

/* Put <NAME>TEXT</NAME> first under the root. */
static int domxml__prepend(domxml_domain *dom, const char *name, const char *value)
{
    domxml_node *e = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
    domxml_node *t = domxml_node_new(dom, DOMXML_NODE_TEXT);

    if (!e || !t)
        return -1;
    e->name = name;
    t->text = value;
    e->children = t;
    e->next = dom->root->children;
    dom->root->children = e;
    return 0;
}

/* The libvirt-ready text of a fixture: type='test', an <os> if missing. */
static char *domxml__for_libvirt(domxml_domain *dom)
{
    domxml_node *root = dom->root;
    domxml_error err;
    bool has_os = false;

    bool has_type = false;

    for (domxml_attr *a = root->attrs; a; a = a->next) {
        if (strcmp(a->name, "type") == 0) {
            a->value = "test";
            has_type = true;
        }
    }
    if (!has_type) {
        domxml_attr *a = domxml_attr_new(dom, "type", "test");

        if (!a)
            return NULL;
        a->next = root->attrs;
        root->attrs = a;
    }
    /* Fixtures about other things may lack what libvirt requires. */
    if (!domxml_node_child(root, NULL, "memory") && domxml__prepend(dom, "memory", "262144") < 0)
        return NULL;
    if (!domxml_node_child(root, NULL, "name") && domxml__prepend(dom, "name", "judge") < 0)
        return NULL;
    /* One name for all: the test driver's own domain is called "test". */
    for (domxml_node *t = domxml_node_child(root, NULL, "name")->children; t; t = t->next) {
        if (t->kind == DOMXML_NODE_TEXT)
            t->text = "libdomxml-judge";
    }
    has_os = domxml_node_child(root, NULL, "os") != NULL;
    if (!has_os) {
        domxml_node *os = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
        domxml_node *type = domxml_node_new(dom, DOMXML_NODE_ELEMENT);
        domxml_node *text = domxml_node_new(dom, DOMXML_NODE_TEXT);

        if (!os || !type || !text)
            return NULL;
        os->name = "os";
        type->name = "type";
        text->text = "hvm";
        type->children = text;
        os->children = type;
        os->next = root->children;
        root->children = os;
    }
    return domxml_format(dom, NULL, &err);
}

/* Why the installed libvirt cannot judge `name`, or NULL when it can. */
static const char *domxml__not_judged(const char *name, char *why, size_t size)
{
    /* R6 unknown content: libvirt drops attributes and elements it does
     * not know; libdomxml keeps them by design. The fixtures made for
     * that are not judged (their known parts are in other fixtures). */
    if (strstr(name, "-unknown-") || strcmp(name, "core-generic-content.xml") == 0) {
        snprintf(why, size, "unknown content, kept by design, dropped by libvirt (R6)");
        DOMXML__APPLY(6);
        return why;
    }
    /* A parser regression input no libvirt takes (libxml2 knows XML 1.0
     * only): what it tests is libdomxml's own reading of the declaration. */
    if (strcmp(name, "fuzz-008.xml") == 0) {
        snprintf(why, size, "XML declaration version='0.0', refused by libxml2");
        return why;
    }
    return NULL;
}

/* The codes of the syntax `dom` uses that libvirt `version` lacks by the
 * table, space-separated in why ("" when none). */
static void domxml__codes_lacking(const domxml_domain *dom, unsigned long version, char *why,
                                  size_t size)
{
    domxml_validate_options o;
    domxml_error err;
    domxml_diagnostics *ds;
    size_t used = strlen(why);

    domxml_validate_options_init(&o);
    o.libvirt_version = version;
    if (!(ds = domxml_domain_validate_with(dom, &o, &err)))
        return;
    for (size_t i = 0; i < ds->count && used < size; i++) {
        const char *code = ds->items[i].code;
        if (strncmp(code, "since.", 6) == 0 && !strstr(why, code))
            used += (size_t)snprintf(why + used, size - used, "%s%s", used ? " " : "", code);
    }
    domxml_diagnostics_free(ds);
}

/* The table's syntax entries the running libvirt lacks for `dom`, or NULL. */
static const char *domxml__lacking(const domxml_domain *dom, char *why, size_t size)
{
    unsigned long v = domxml__libvirt_version;

    why[0] = '\0';
    domxml__codes_lacking(dom, v, why, size);
    /* Debian 12's 9.0.0 build refuses <backend type='passt'> ("Invalid
     * value for attribute 'type'"; libvirt issue 462), though 9.0.0's NEWS
     * has it: judged as a release before 9.0.0 for that entry. */
    if (v >= 9000000 && v < 9001000) {
        char before[256] = "";
        domxml__codes_lacking(dom, 8999999, before, sizeof(before));
        if (strstr(before, "since.passt") && !strstr(why, "since.passt"))
            snprintf(why + strlen(why), size - strlen(why), "%ssince.passt", why[0] ? " " : "");
    }
    return why[0] ? why : NULL;
}

/* The line(s) of the <metadata> child of the root in a document written
 * in libvirt's style, or NULL. */
static const char *domxml__metadata(const char *xml, size_t *len)
{
    const char *p = strstr(xml, "\n  <metadata"), *eol, *end;

    if (!p || !strchr(" >/", p[12]) || !(eol = strchr(++p, '\n')))
        return NULL;
    if (eol[-1] == '>' && eol[-2] == '/') {
        end = eol + 1; /* <metadata/> */
    } else {
        const char *close = strstr(p, "\n  </metadata>\n");
        if (!close)
            return NULL;
        end = close + strlen("\n  </metadata>\n");
    }
    *len = (size_t)(end - p);
    return p;
}

/* Step 4: 1 identical, 0 none to compare, -1 different (printed). */
static int domxml__judge_metadata(const char *name, const char *ours, const char *lv)
{
    size_t olen = 0, llen = 0;
    const char *o = domxml__metadata(ours, &olen), *l = domxml__metadata(lv, &llen);
    char where[512];

    if (!o && !l)
        return 0;
    if (o && l && tu_compare(l, llen, o, olen, where, sizeof(where)))
        return 1;
    if (!o || !l)
        snprintf(where, sizeof(where), "<metadata> only in %s", o ? "ours" : "libvirt's");
    printf("FAIL %s: <metadata>: (expected = libvirt, actual = ours) %s\n", name, where);
    return -1;
}

/* Judge one fixture: adds to *same and *total; returns 0 (judged or
 * excused), -1 (a failure of the whole fixture: refused, unparsable,
 * device counts differ). */
static int domxml__judge(virConnectPtr conn, const char *dir, const char *name,
                         unsigned *same, unsigned *total, unsigned *excused, unsigned *md_same,
                         unsigned *md_total)
{
    static domxml__dev od[DOMXML__MAX_DEVS], ld[DOMXML__MAX_DEVS];
    char *path = tu_concat(dir, "/", name);
    domxml_error err;
    domxml_domain *ours = domxml_parse_file(path, NULL, &err);
    domxml_domain *lv = NULL, *mine = NULL;
    char *in = NULL, *echo = NULL;
    virDomainPtr vd = NULL;
    int rc = -1;
    char why[256];
    /* A fixture with syntax the running libvirt lacks (the table says so):
     * defined only to see what libvirt does with it, nothing printed. */
    bool probe;
    unsigned p_same = 0, p_total = 0, *real_same = NULL, *real_total = NULL;

    if (!ours) {
        printf("FAIL %s: libdomxml refuses it: %s\n", name, err.message);
        goto out;
    }
    if (ours->root->kind != DOMXML_NODE_ELEMENT) {
        rc = 0; /* standalone device documents: nothing libvirt defines */
        goto out;
    }
    if (domxml__not_judged(name, why, sizeof(why))) {
        printf("not judged %s: %s\n", name, why);
        (*excused)++;
        rc = 0;
        goto out;
    }
    if ((probe = domxml__lacking(ours, why, sizeof(why)) != NULL)) {
        printf("table %s: libvirt %lu.%lu.%lu lacks %s", name,
               domxml__libvirt_version / 1000000, domxml__libvirt_version / 1000 % 1000,
               domxml__libvirt_version % 1000, why);
        (*excused)++;
        real_same = same;
        real_total = total;
        same = &p_same;
        total = &p_total;
    }
    mine = domxml_parse_file(path, NULL, &err);
    if (!mine || !(in = domxml__for_libvirt(mine)))
        goto out;
    vd = virDomainDefineXML(conn, in);
    if (!vd && probe) {
        printf(": refused, not judged\n");
        domxml__table_refused++;
        rc = 0;
        goto out;
    }
    if (!vd) {
        virErrorPtr e = virGetLastError();

        printf("FAIL %s: libvirt refuses it: %s\n", name,
               e && e->message ? e->message : "(no message)");
        goto out;
    }
    echo = virDomainGetXMLDesc(vd, VIR_DOMAIN_XML_INACTIVE);
    virDomainUndefine(vd);
    if (!echo || !(lv = domxml_parse_buffer(echo, strlen(echo), "libvirt", NULL, &err))) {
        printf("FAIL %s: libvirt's echo does not parse: %s\n", name,
               echo ? err.message : "no XML");
        goto out;
    }
    rc = 0;
    int md = probe ? 0 : domxml__judge_metadata(name, in, echo);
    *md_total += md != 0;
    *md_same += md > 0;
    for (int k = 0; k < 2; k++) {
        domxml_node_kind kind = k ? DOMXML_NODE_HOSTDEV : DOMXML_NODE_INTERFACE;
        const char *tag = k ? "hostdev" : "interface";
        size_t no = domxml__devices(ours, kind, od), nl = domxml__devices(lv, kind, ld);

        *total += (unsigned)no;
        if (no != nl) {
            if (!probe)
                printf("FAIL %s: %zu <%s> in ours, %zu in libvirt's\n", name, no, tag, nl);
            rc = probe ? 0 : -1;
            continue;
        }
        for (size_t i = 0; i < no; i++)
            domxml__filter(od[i].node, ld[i].node);
        if (domxml__texts(ours, od, no, "ours") < 0 || domxml__texts(lv, ld, nl, "libvirt") < 0) {
            rc = -1;
            continue;
        }
        for (size_t i = 0; i < no; i++) {
            char where[512];

            if (tu_compare(ld[i].text, strlen(ld[i].text), od[i].text, strlen(od[i].text),
                           where, sizeof(where))) {
                (*same)++;
            } else if (!probe) {
                printf("FAIL %s: <%s> #%zu: (expected = libvirt, actual = ours) %s\n", name,
                       tag, i + 1, where);
            }
            free(od[i].text);
            free(ld[i].text);
            od[i].text = ld[i].text = NULL;
        }
    }
    if (probe) {
        bool kept = p_same == p_total && rc == 0;

        if (kept && !domxml__kept_as_expected(why)) {
            printf(": FAIL: kept unchanged, the table says libvirt %lu.%lu.%lu lacks %s\n",
                   domxml__libvirt_version / 1000000, domxml__libvirt_version / 1000 % 1000,
                   domxml__libvirt_version % 1000, why);
            rc = -1;
            goto out;
        }
        printf(": %s\n", kept ? "kept unchanged (its test driver does not refuse it), judged"
                                : "dropped or changed, not judged");
        if (kept) { /* a judgement all the same: every device identical */
            domxml__table_kept++;
            *real_same += p_same;
            *real_total += p_total;
            (*excused)--;
        } else {
            domxml__table_dropped++;
        }
        rc = 0;
    }
out:
    if (vd)
        virDomainFree(vd);
    free(echo);
    domxml_string_free(in);
    domxml_domain_free(lv);
    domxml_domain_free(mine);
    domxml_domain_free(ours);
    free(path);
    return rc;
}

/* Judge every valid document of `dir`; prints the figure for `label`.
 * Adds its failures (devices and whole fixtures) to *failures. */
static void domxml__judge_dir(virConnectPtr conn, const char *dir, const char *label,
                              unsigned *failures)
{
    unsigned same = 0, total = 0, excused = 0, failed = 0, md_same = 0, md_total = 0;
    size_t count;
    char **names = tu_list_dir(dir, ".xml", false, &count);

    for (size_t i = 0; names && i < count; i++) {
        char *stem, *err;

        if (tu_has_suffix(names[i], ".out.xml"))
            continue;
        stem = strndup(names[i], strlen(names[i]) - 4);
        err = tu_concat(dir, "/", stem);
        free(stem);
        stem = tu_concat(err, ".err", NULL);
        if (!tu_file_exists(stem) && domxml__judge(conn, dir, names[i], &same, &total,
                                                   &excused, &md_same, &md_total) < 0)
            failed++;
        free(stem);
        free(err);
    }
    tu_free_list(names);
    printf("live judge, %s (libvirt %lu.%lu.%lu): %u/%u devices identical, %u not judged, "
           "%u/%u <metadata> identical\n",
           label, domxml__libvirt_version / 1000000, domxml__libvirt_version / 1000 % 1000,
           domxml__libvirt_version % 1000, same, total, excused, md_same, md_total);
    *failures += total - same + md_total - md_same + failed;
    domxml__passed += same + md_same;
}

int main(void)
{
    const char *env = getenv("DOMXML_CORPUS_DIR");
    char *corpus = env && *env ? strdup(env)
                               : tu_concat(tu_srcdir(), "/../shared/corpus/libvirt/tests", NULL);
    char *fixtures = strdup(tu_srcpath("tests/data"));
    virConnectPtr conn;
    unsigned failures = 0;

    virSetErrorFunc(NULL, domxml__quiet);
    conn = virConnectOpen("test:///default");
    if (!conn) {
        puts("SKIP: cannot open libvirt's test:///default driver");
        free(fixtures);
        free(corpus);
        return 77;
    }
    virConnectGetLibVersion(conn, &domxml__libvirt_version);
    domxml__judge_dir(conn, fixtures, "fixtures", &failures);
    /* libvirt's own documents too, when the corpus is there (as for
     * check_corpus): inputs and canonical outputs. */
    for (int k = 0; k < 2; k++) {
        char *dir = tu_concat(corpus, k ? "/qemuxml2xmloutdata" : "/qemuxml2argvdata", NULL);

        if (tu_file_exists(dir))
            domxml__judge_dir(conn, dir, k ? "corpus qemuxml2xmloutdata"
                                           : "corpus qemuxml2argvdata", &failures);
        free(dir);
    }
    virConnectClose(conn);
    printf("table of releases (libvirt %lu.%lu.%lu): %u fixtures with syntax it lacks: %u "
           "refused, %u dropped or changed, %u kept\n",
           domxml__libvirt_version / 1000000, domxml__libvirt_version / 1000 % 1000,
           domxml__libvirt_version % 1000,
           domxml__table_refused + domxml__table_dropped + domxml__table_kept,
           domxml__table_refused, domxml__table_dropped, domxml__table_kept);
    printf("filter rules applied:");
    for (int r = 1; r < 13; r++)
        printf(" R%d=%u", r, domxml__applied[r]);
    printf("\n%u passed, %u failed\n", domxml__passed, failures);
    free(fixtures);
    free(corpus);
    return failures ? 1 : 0;
}
#endif
