/* SPDX-License-Identifier: LGPL-2.1-or-later */
/*
 * Argv oracle: parse, then generate the whole domain's QEMU arguments in
 * keyval and JSON syntax and the hot-plug/unplug commands of each device,
 * with made-up fds for every device that takes one, and hold the output to
 * QEMU's own rules (abort() on a violation):
 *  - a keyval value splits (',' separates, ',,' is a literal comma) into a
 *    driver/type and key=value pairs, no key twice, every key one the
 *    generator uses (argv_keys[] below);
 *  - a JSON value (and every QMP line) is valid JSON with no duplicate key
 *    and no raw control character;
 *  - ids and the names that refer to them (id, netdev, chardev, bus,
 *    failover_pair_id, node-name, drive) are QEMU ids: never starting with
 *    '-', only [A-Za-z0-9._-];
 *  - every fd passed appears exactly once in the arguments;
 *  - a failed call gives a clean error (code, message without control
 *    characters) and never DOMXML_ERR_NOMEM unless one was injected.
 *
 * Input: option byte, then the document (fuzz/README.md):
 *   bit 0  machine override (bit 1 picks "q35" or "pc")
 *   bit 2  tap devices get an ifname instead of fds
 *   bit 3  fds are given as names (QMP getfd) instead of numbers
 *   bit 4  also vhost fds for tap devices
 *   bit 5  parse with DOMXML_PARSE_NO_TEAMING_LINK
 *   bit 6  a bus list (standalone documents)
 *   bit 7  fail allocation N of the parse, N = the next byte
 * qemuargv does not allocate through the caller's hooks yet ("qemuargv v2"),
 * so injected failures reach the parse only; its calls are one more row.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <domxml.h>
#include <domxml/qemuargv.h>

#include "fuzz_util.h"

#define H "argv_fuzzer"

enum {
    OPT_MACHINE = 1u << 0,
    OPT_MACHINE_PC = 1u << 1,
    OPT_IFNAME = 1u << 2,
    OPT_FD_NAMES = 1u << 3,
    OPT_VHOST = 1u << 4,
    OPT_NO_LINK = 1u << 5,
    OPT_BUSES = 1u << 6,
    OPT_FAIL = 1u << 7,
};

/* Property names the generator writes (docs/qemuargv.md and the names in
 * lib/qemuargv/): anything else in a keyval or JSON object is a key taken
 * from the input. */
static const char *const argv_keys[] = {
    "acpi-index", "addr", "aio", "ats", "bootindex", "bus", "cache", "chardev", "connect",
    "csum", "devno", "discard", "display", "downscript", "driver", "event_idx", "failover",
    "failover_pair_id", "fd", "fds", "file", "filename", "format", "gso", "guest_csum",
    "guest_ecn", "guest_tso4", "guest_tso6", "guest_ufo", "hash", "host", "host_ecn",
    "host_mtu", "host_tso4", "host_tso6", "host_ufo", "hostaddr", "hostbus", "hostdevice",
    "hostport", "id", "if", "ifname", "ioeventfd", "iommu_platform", "ipv6", "ipv6-prefix",
    "ipv6-prefixlen", "lun", "listen", "loadparm", "localaddr", "mac", "mcast", "mq",
    "mrg_rxbuf", "multifunction", "net", "netdev", "node-name", "opaque", "packed",
    "page-per-vq", "path", "port", "productid", "queues", "ramfb", "read-only", "readonly",
    "reconnect", "romfile", "rombar", "rss", "rx_queue_size", "script", "scsi-id", "server",
    "set", "sndbuf", "sysfsdev", "tx", "tx_queue_size", "type", "udp", "uid", "fid", "user",
    "vectors", "vendorid", "vhost", "vhostdev", "vhostfd", "vhostfds", "vhostforce", "wait",
    "wwpn", "zpci", "channel", "scsi", "transport", "portal", "target", "initiator-name",
    "size", "auto-read-only", "telnet", "nodelay", "guest-reset", "guest-resets-all", "drive",
    "index", "slot", "backend", "node-name", "read-only", "lun"};

/* Keys whose values are ids or refer to one. */
static const char *const id_keys[] = {"id",   "netdev",    "chardev", "bus", "failover_pair_id",
                                      "node-name", "drive"};

static bool in_list(const char *const *list, size_t n, const char *s, size_t len)
{
    for (size_t i = 0; i < n; i++) {
        if (strlen(list[i]) == len && memcmp(list[i], s, len) == 0)
            return true;
    }
    return false;
}
#define IN(list, s, len) in_list(list, sizeof(list) / sizeof(list[0]), s, len)

static bool id_ok(const char *s, size_t len)
{
    char buf[256];

    if (len == 0 || len >= sizeof(buf))
        return false;
    memcpy(buf, s, len);
    buf[len] = '\0';
    return domxml_qemuargv_id_valid(buf);
}

/* ------------------------------------------------------------------ */
/* The fds handed out, and how often each was seen                      */

enum { MAX_FDS = 256 };

typedef struct fd_seen {
    char text[32];
    unsigned seen;
} fd_seen;

typedef struct ctx {
    const char *where; /* the call being checked, for messages */
    fd_seen fds[MAX_FDS];
    unsigned n_fds;
} ctx;

/* One value of an fd key ("3", "3:4:5", a name): count each fd. */
static void count_fds(ctx *c, const char *v, size_t len)
{
    while (len) {
        const char *colon = memchr(v, ':', len);
        size_t n = colon ? (size_t)(colon - v) : len;
        for (unsigned i = 0; i < c->n_fds; i++) {
            if (strlen(c->fds[i].text) == n && memcmp(c->fds[i].text, v, n) == 0)
                c->fds[i].seen++;
        }
        if (!colon)
            break;
        len -= n + 1;
        v = colon + 1;
    }
}

static bool is_fd_key(const char *k, size_t len)
{
    static const char *const fd_keys[] = {"fd", "fds", "vhostfd", "vhostfds", "vhostdev",
                                          "filename", "file"};
    return IN(fd_keys, k, len);
}

/* ------------------------------------------------------------------ */
/* JSON                                                                 */

typedef struct json {
    const char *s, *end;
    ctx *c;
    unsigned depth;
} json;

static void json_ws(json *j)
{
    while (j->s < j->end && (*j->s == ' ' || *j->s == '\t' || *j->s == '\n' || *j->s == '\r'))
        j->s++;
}

static void json_die(json *j, const char *why)
{
    fuzz_fail(H, "%s: invalid JSON (%s) at '%.40s'", j->c->where, why, j->s);
}

/* A string: its raw bytes between the quotes (escapes kept) in out, len. */
static void json_string(json *j, const char **out, size_t *len)
{
    const char *start;

    if (j->s >= j->end || *j->s != '"')
        json_die(j, "expected a string");
    start = ++j->s;
    while (j->s < j->end && *j->s != '"') {
        unsigned char ch = (unsigned char)*j->s;
        if (ch < 0x20)
            json_die(j, "raw control character in a string");
        if (ch == '\\') {
            j->s++;
            if (j->s >= j->end || !strchr("\"\\/bfnrtu", *j->s))
                json_die(j, "bad escape");
            if (*j->s == 'u') {
                for (int k = 1; k <= 4; k++) {
                    if (j->s + k >= j->end || !strchr("0123456789abcdefABCDEF", j->s[k]))
                        json_die(j, "bad \\u escape");
                }
                j->s += 4;
            }
        }
        j->s++;
    }
    if (j->s >= j->end)
        json_die(j, "unterminated string");
    *out = start;
    *len = (size_t)(j->s - start);
    j->s++;
}

static void json_value(json *j, const char *key, size_t key_len);

static void json_object(json *j)
{
    enum { MAX_KEYS = 128 };
    const char *keys[MAX_KEYS];
    size_t lens[MAX_KEYS];
    unsigned n = 0;

    j->s++; /* '{' */
    json_ws(j);
    if (j->s < j->end && *j->s == '}') {
        j->s++;
        return;
    }
    for (;;) {
        const char *k;
        size_t klen;
        json_ws(j);
        json_string(j, &k, &klen);
        for (unsigned i = 0; i < n; i++) {
            if (lens[i] == klen && memcmp(keys[i], k, klen) == 0)
                fuzz_fail(H, "%s: duplicate JSON key '%.*s'", j->c->where, (int)klen, k);
        }
        if (n == MAX_KEYS)
            json_die(j, "more keys than the harness tracks");
        keys[n] = k;
        lens[n++] = klen;
        json_ws(j);
        if (j->s >= j->end || *j->s != ':')
            json_die(j, "expected ':'");
        j->s++;
        json_value(j, k, klen);
        json_ws(j);
        if (j->s < j->end && *j->s == ',') {
            j->s++;
            continue;
        }
        if (j->s < j->end && *j->s == '}') {
            j->s++;
            return;
        }
        json_die(j, "expected ',' or '}'");
    }
}

static void json_value(json *j, const char *key, size_t key_len)
{
    const char *v;
    size_t len;

    json_ws(j);
    if (j->s >= j->end)
        json_die(j, "expected a value");
    if (++j->depth > 32)
        json_die(j, "nested too deep");
    if (*j->s == '{') {
        json_object(j);
    } else if (*j->s == '[') {
        j->s++;
        json_ws(j);
        if (j->s < j->end && *j->s == ']') {
            j->s++;
        } else {
            for (;;) {
                json_value(j, key, key_len);
                json_ws(j);
                if (j->s < j->end && *j->s == ',') {
                    j->s++;
                    continue;
                }
                if (j->s < j->end && *j->s == ']') {
                    j->s++;
                    break;
                }
                json_die(j, "expected ',' or ']'");
            }
        }
    } else if (*j->s == '"') {
        json_string(j, &v, &len);
        if (key && IN(id_keys, key, key_len) && !id_ok(v, len))
            fuzz_fail(H, "%s: '%.*s' is not a QEMU id, in key '%.*s'", j->c->where, (int)len, v,
                      (int)key_len, key);
        if (key && is_fd_key(key, key_len))
            count_fds(j->c, v, len);
    } else if (!strncmp(j->s, "true", 4) || !strncmp(j->s, "null", 4)) {
        j->s += 4;
    } else if (!strncmp(j->s, "false", 5)) {
        j->s += 5;
    } else if (*j->s == '-' || (*j->s >= '0' && *j->s <= '9')) {
        const char *start = j->s;
        j->s++;
        while (j->s < j->end && strchr("0123456789.eE+-", *j->s))
            j->s++;
        if (key && is_fd_key(key, key_len))
            count_fds(j->c, start, (size_t)(j->s - start));
    } else {
        json_die(j, "unexpected character");
    }
    j->depth--;
}

/* A whole JSON text (one object). */
static void check_json(ctx *c, const char *s, size_t len)
{
    json j = {s, s + len, c, 0};

    json_ws(&j);
    if (j.s >= j.end || *j.s != '{')
        json_die(&j, "not an object");
    json_value(&j, NULL, 0);
    json_ws(&j);
    if (j.s != j.end)
        json_die(&j, "trailing bytes");
}

/* ------------------------------------------------------------------ */
/* keyval                                                               */

/* "driver,key=value,..." with ",," a literal comma. The first item of
 * -netdev/-device/-chardev/-drive-less options is the driver or type. */
static void check_keyval(ctx *c, const char *opt, const char *v)
{
    enum { MAX_PAIRS = 256 };
    const char *keys[MAX_PAIRS];
    size_t lens[MAX_PAIRS];
    unsigned n = 0;
    bool first = true;
    bool bare_first = strcmp(opt, "-netdev") == 0 || strcmp(opt, "-device") == 0 ||
                      strcmp(opt, "-chardev") == 0 || strcmp(opt, "-object") == 0;
    char value[1024];

    while (*v) {
        /* one item: up to a single ',' */
        const char *start = v, *eq = NULL;
        size_t vlen = 0;
        while (*v && !(v[0] == ',' && v[1] != ',')) {
            if (v[0] == ',' && v[1] == ',') {
                if (eq && vlen < sizeof(value))
                    value[vlen++] = ',';
                v += 2;
                continue;
            }
            if (*v == '=' && !eq) {
                eq = v;
            } else if (eq && vlen < sizeof(value)) {
                value[vlen++] = *v;
            }
            if ((unsigned char)*v < 0x20)
                fuzz_fail(H, "%s: control character in %s %s", c->where, opt, start);
            v++;
        }
        if (first && bare_first && !eq) {
            size_t len = (size_t)(v - start);
            if (!len || start[0] == '-' || strspn(start, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-") < len)
                fuzz_fail(H, "%s: driver/type '%.*s' of %s is not a name", c->where, (int)len,
                          start, opt);
        } else {
            size_t klen;
            if (!eq)
                fuzz_fail(H, "%s: item '%.*s' of %s is not key=value", c->where,
                          (int)(v - start), start, opt);
            klen = (size_t)(eq - start);
            if (!IN(argv_keys, start, klen))
                fuzz_fail(H, "%s: key '%.*s' in %s is not one the generator writes", c->where,
                          (int)klen, start, opt);
            for (unsigned i = 0; i < n; i++) {
                if (lens[i] == klen && memcmp(keys[i], start, klen) == 0)
                    fuzz_fail(H, "%s: key '%.*s' twice in %s %s", c->where, (int)klen, start,
                              opt, start);
            }
            if (n == MAX_PAIRS)
                fuzz_fail(H, "%s: more pairs than the harness tracks", c->where);
            keys[n] = start;
            lens[n++] = klen;
            if (IN(id_keys, start, klen) && !id_ok(value, vlen))
                fuzz_fail(H, "%s: '%.*s' is not a QEMU id, in key '%.*s' of %s", c->where,
                          (int)vlen, value, (int)klen, start, opt);
            if (is_fd_key(start, klen))
                count_fds(c, value, vlen);
        }
        first = false;
        if (*v == ',')
            v++;
    }
}

static void check_argv(ctx *c, char **argv, size_t argc)
{
    for (size_t i = 0; i < argc; i++) {
        const char *opt = argv[i];
        if (!opt)
            fuzz_fail(H, "%s: NULL inside argv", c->where);
        if (opt[0] != '-')
            fuzz_fail(H, "%s: '%s' where an option was expected", c->where, opt);
        if (i + 1 >= argc)
            fuzz_fail(H, "%s: option %s without a value", c->where, opt);
        const char *v = argv[++i];
        if (v[0] == '{')
            check_json(c, v, strlen(v));
        else
            check_keyval(c, opt, v);
    }
    if (argv[argc])
        fuzz_fail(H, "%s: argv not NULL-terminated", c->where);
}

/* Each line of QMP output: one JSON object. */
static void check_qmp(ctx *c, const char *text)
{
    const char *line = text;

    if (!*text)
        fuzz_fail(H, "%s: empty QMP output", c->where);
    while (*line) {
        const char *nl = strchr(line, '\n');
        if (!nl)
            fuzz_fail(H, "%s: QMP output not ending with a newline", c->where);
        check_json(c, line, (size_t)(nl - line));
        line = nl + 1;
    }
}

/* ------------------------------------------------------------------ */
/* Resources                                                            */

typedef struct res_set {
    domxml_qemuargv_resource r[MAX_FDS];
    char device[MAX_FDS][16];
    size_t n;
} res_set;

static void add_res(ctx *c, res_set *rs, unsigned dev, domxml_qemuargv_resource_kind kind,
                    const char *value, bool is_fd)
{
    if (rs->n == MAX_FDS || c->n_fds == MAX_FDS)
        return;
    snprintf(rs->device[rs->n], sizeof(rs->device[0]), "#%u", dev);
    rs->r[rs->n].device = rs->device[rs->n];
    rs->r[rs->n].kind = kind;
    rs->r[rs->n].value = value;
    rs->n++;
    (void)is_fd;
}

/* Made-up fds for every device that takes one; the texts live in c->fds. */
static void make_resources(ctx *c, res_set *rs, const domxml_domain *dom, unsigned opt)
{
    unsigned dev = 0;

    for (const domxml_node *n = domxml_device_next(dom, NULL); n; n = domxml_device_next(dom, n), dev++) {
        unsigned queues = 1, k;
        domxml_qemuargv_resource_kind kind = DOMXML_QEMUARGV_RES_NONE;
        bool tap = false;

        if (n->kind == DOMXML_NODE_INTERFACE) {
            const domxml_interface *i = n->interface;
            switch (i->type) {
            case DOMXML_INTERFACE_TYPE_NETWORK:
            case DOMXML_INTERFACE_TYPE_BRIDGE:
            case DOMXML_INTERFACE_TYPE_ETHERNET:
            case DOMXML_INTERFACE_TYPE_DIRECT:
                tap = true;
                kind = DOMXML_QEMUARGV_RES_TAP_FD;
                break;
            case DOMXML_INTERFACE_TYPE_VDPA:
                kind = DOMXML_QEMUARGV_RES_VDPA_FD;
                break;
            default:
                break;
            }
            if (i->driver && i->driver->queues.set && i->driver->queues.value > 1)
                queues = i->driver->queues.value > 8 ? 8 : i->driver->queues.value;
        } else if (n->kind == DOMXML_NODE_HOSTDEV) {
            if (n->hostdev->type == DOMXML_HOSTDEV_TYPE_SCSI_HOST)
                kind = DOMXML_QEMUARGV_RES_VHOSTSCSI_FD;
            else if (n->hostdev->type == DOMXML_HOSTDEV_TYPE_SCSI && n->hostdev->source &&
                     n->hostdev->source->protocol != DOMXML_SCSI_PROTOCOL_ISCSI)
                kind = DOMXML_QEMUARGV_RES_SCSI_GENERIC;
        }
        if (kind == DOMXML_QEMUARGV_RES_NONE)
            continue;
        if (tap && (opt & OPT_IFNAME) && n->interface->type != DOMXML_INTERFACE_TYPE_DIRECT) {
            add_res(c, rs, dev, DOMXML_QEMUARGV_RES_IFNAME, "vnet-fuzz", false);
            continue;
        }
        if (kind != DOMXML_QEMUARGV_RES_TAP_FD)
            queues = 1;
        for (unsigned v = 0; v < ((tap && (opt & OPT_VHOST)) ? 2u : 1u); v++) {
            for (k = 0; k < queues && c->n_fds < MAX_FDS; k++) {
                fd_seen *f = &c->fds[c->n_fds];
                bool names = (opt & OPT_FD_NAMES) && kind != DOMXML_QEMUARGV_RES_VDPA_FD &&
                             kind != DOMXML_QEMUARGV_RES_SCSI_GENERIC;
                if (kind == DOMXML_QEMUARGV_RES_SCSI_GENERIC)
                    snprintf(f->text, sizeof(f->text), "/dev/sg%u", 100 + c->n_fds);
                else if (names)
                    snprintf(f->text, sizeof(f->text), "fdname%u", 100 + c->n_fds);
                else
                    snprintf(f->text, sizeof(f->text), "%u", 100 + c->n_fds);
                f->seen = 0;
                c->n_fds++;
                add_res(c, rs, dev, v ? DOMXML_QEMUARGV_RES_VHOST_FD : kind, f->text, true);
            }
        }
    }
}

static void reset_seen(ctx *c)
{
    for (unsigned i = 0; i < c->n_fds; i++)
        c->fds[i].seen = 0;
}

static void check_fds_once(ctx *c)
{
    for (unsigned i = 0; i < c->n_fds; i++) {
        if (c->fds[i].seen != 1)
            fuzz_fail(H, "%s: fd '%s' appears %u times in the arguments", c->where,
                      c->fds[i].text, c->fds[i].seen);
    }
}

/* A failed generator call: a clean error, NOMEM never (nothing injected). */
static void check_failed(ctx *c, const domxml_error *e)
{
    fuzz_check_error(H, c->where, e);
    if (e->code == DOMXML_ERR_NOMEM)
        fuzz_fail(H, "%s: out of memory without an injected failure", c->where);
}

/* ------------------------------------------------------------------ */

static void run_argv(const domxml_domain *dom, unsigned opt)
{
    static const domxml_qemuargv_bus buses[] = {{0, "pcie.0"}, {1, "pci.1"}, {3, "pci.3"}};
    ctx *c = calloc(1, sizeof(*c));
    res_set *rs = calloc(1, sizeof(*rs));
    domxml_qemuargv_options o;
    domxml_error err;
    char where[64];

    if (!c || !rs)
        abort();
    make_resources(c, rs, dom, opt);
    domxml_qemuargv_options_init(&o);
    o.resources = rs->r;
    o.n_resources = rs->n;
    if (opt & OPT_MACHINE)
        o.machine = (opt & OPT_MACHINE_PC) ? "pc" : "q35";
    if (opt & OPT_BUSES) {
        o.buses = buses;
        o.n_buses = sizeof(buses) / sizeof(buses[0]);
    }
    for (int syntax = 0; syntax < DOMXML_QEMUARGV_SYNTAX_LAST; syntax++) {
        size_t argc = 0;
        char **argv;

        o.syntax = (domxml_qemuargv_syntax)syntax;
        snprintf(where, sizeof(where), "build (%s)", syntax ? "json" : "keyval");
        c->where = where;
        reset_seen(c);
        fuzz_junk_error(&err);
        argv = domxml_qemuargv_build(dom, &o, &argc, &err);
        if (!argv) {
            check_failed(c, &err);
            continue;
        }
        check_argv(c, argv, argc);
        /* Names are sent with getfd by the hot-plug commands, not in argv. */
        if (!(opt & OPT_FD_NAMES))
            check_fds_once(c);
        domxml_qemuargv_free(argv);
    }
    /* Hot-plug and unplug of each modelled device, by its alias; a
     * standalone document's root by NULL. */
    o.syntax = DOMXML_QEMUARGV_SYNTAX_JSON;
    {
        const bool standalone = domxml_domain_devices(dom) == NULL;
        const domxml_node *n = standalone ? NULL : domxml_device_next(dom, NULL);
        for (int k = 0; k < 64 && (standalone ? k == 0 : n != NULL); k++) {
            const char *alias = standalone ? NULL : domxml_node_alias(n);
            char *out;
            if (standalone || alias) {
                snprintf(where, sizeof(where), "hotplug %.40s", alias ? alias : "(root)");
                c->where = where;
                reset_seen(c);
                fuzz_junk_error(&err);
                out = domxml_qemuargv_hotplug(dom, alias, &o, &err);
                if (out) {
                    check_qmp(c, out);
                    domxml_qemuargv_free(out);
                } else {
                    check_failed(c, &err);
                }
                if (alias) {
                    snprintf(where, sizeof(where), "unplug %.40s", alias);
                    fuzz_junk_error(&err);
                    out = domxml_qemuargv_unplug(dom, alias, &o, &err);
                    if (out) {
                        check_qmp(c, out);
                        if (!strstr(out, "device_del"))
                            fuzz_fail(H, "%s: no device_del in %s", where, out);
                        domxml_qemuargv_free(out);
                    } else {
                        check_failed(c, &err);
                    }
                }
            }
            if (!standalone)
                n = domxml_device_next(dom, n);
        }
    }
    free(rs);
    free(c);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    domxml_parse_options po;
    domxml_domain *dom;
    domxml_error err;
    unsigned opt;
    size_t skip = 1;

    if (size < 1)
        return 0;
    opt = data[0];
    fuzz_alloc_reset(ULONG_MAX);
    if (opt & OPT_FAIL) {
        if (size < 2)
            return 0;
        fuzz_alloc_reset(data[1]);
        skip = 2;
    }
    domxml_parse_options_init(&po);
    po.memory = &fuzz_memory;
    po.flags = (opt & OPT_NO_LINK) ? DOMXML_PARSE_NO_TEAMING_LINK : 0;
    fuzz_junk_error(&err);
    dom = domxml_parse_buffer((const char *)data + skip, size - skip, "fuzz", &po, &err);
    if (!dom) {
        fuzz_check_error(H, "parse", &err);
        if (err.code == DOMXML_ERR_NOMEM && !fuzz_alloc.injected)
            fuzz_fail(H, "parse: out of memory without an injected failure");
    } else {
        fuzz_alloc_disarm();
        run_argv(dom, opt);
        domxml_domain_free(dom);
    }
    if (fuzz_alloc.live != 0)
        fuzz_fail(H, "%ld block(s) from the allocator hooks not freed", fuzz_alloc.live);
    return 0;
}
