#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Conformance with current libvirt (11/12): every test of
../shared/corpus/libvirt-current (libvirt's tests/qemuxmlconfdata, network
and host devices): NAME.xml with NAME.ARCH-latest.args or an .err.

For an .args test: libvirt's guest addresses (the bus/addr, port, devno of
its -device lines) are written into the input where it lacks them (libvirt
assigns addresses, libdomxml does not; where the input has another address
than the .args, an older copy of the test, the .args one is used and a note
says so); the resources the .args shows (tap and vhost fds, vdpa fds, vhost-scsi
fds, /dev/sg paths, the pool VF of a transient network NIC; passt sockets,
IOMMUFD and VFIO cdev fds once `domxml argv --help` lists their options) become
`domxml argv` options; `domxml argv --syntax=json` runs (with `--qemu-version
TARGET` once --help lists it: libvirt's `latest` files are written for the
newest QEMU). Then every libvirt line of an <interface>/<hostdev>
(-netdev, -device, -chardev, -blockdev, -object, -add-fd) is compared with
ours, JSON as parsed values and keyval as key/value pairs, property by
property, grouped by the domain device they belong to.

An .err test must be refused (exit 1). Every device (or whole test) that
differs must be listed in tests/argv-conformance-current.txt with a one-line
reason; an unlisted difference fails, and so does a listed one that no longer
differs. Exit 77 when the corpus is absent."""

import glob
import json
import os
import re
import sys
import tempfile

sys.dont_write_bytecode = True  # nothing written beside the sources
from argv_fixture import (address_xml, apply_edits, fixture_args, generation_order,  # noqa: E402
                          help_text, ident, kv, read_exceptions, run)

SRC = os.environ.get("DOMXML_SRCDIR", ".")
CORPUS = os.environ.get("DOMXML_CORPUS_CURRENT_DIR") or os.path.join(
    SRC, "..", "shared", "corpus", "libvirt-current", "tests", "qemuxmlconfdata")
LIST = os.path.join(SRC, "tests", "argv-conformance-current.txt")
# libvirt's x86_64-latest capabilities are those of the newest QEMU release
# (10.1 when these files were written: reconnect-ms, typed QMP arguments).
TARGET = "10.1"
TMP = tempfile.mkdtemp(prefix="domxml-conf-current-")
HELP = help_text()


def has_option(name):
    return re.search(r"(^|[\s\[|])%s\b" % re.escape(name), HELP) is not None


def parse(opt, value):
    """(id, properties) as values: JSON parsed; keyval as pairs, its head
    (a chardev's backend) under "backend"."""
    i, d = ident(opt, value)
    if not value.startswith("{") and opt == "-chardev":
        d = dict(kv(value), backend=value.split(",", 1)[0])
    return i, d


def fdset_of(props):
    m = re.match(r"/dev/fdset/(\d+)$", str(props.get("vhostdev", "")))
    return m and m.group(1)


def resources(fix, xml):
    """domxml argv options for the host resources the .args shows."""
    opts = []
    lines = [(o, v) + parse(o, v) for o, v in fix]
    addfd = {d.get("set"): d.get("fd") for o, _, _, d in lines if o == "-add-fd"}
    nodes = {i: d for o, _, i, d in lines if o == "-blockdev"}
    for o, v, i, d in lines:
        i = i or ""
        dev = i[4:] if i.startswith("host") else i
        if o == "-netdev" and d.get("type") == "tap":
            for key, flag in (("fd", "--fd"), ("fds", "--fd"),
                              ("vhostfd", "--vhostfd"), ("vhostfds", "--vhostfd")):
                for f in str(d.get(key, "")).split(":"):
                    if f:
                        opts += [flag, "%s=%s" % (dev, f)]
        elif o == "-netdev" and d.get("type") == "vhost-vdpa" and addfd.get(fdset_of(d)):
            opts += ["--vdpafd", "%s=%s" % (dev, addfd[fdset_of(d)])]
        elif (o == "-netdev" and d.get("type") == "stream" and "/passt/" in json.dumps(d)
              and has_option("--passt-socket")):
            opts += ["--passt-socket", "%s=%s" % (dev, d["addr"]["path"])]
        elif (o == "-chardev" and i.startswith("char") and "/passt/" in d.get("path", "")
              and has_option("--passt-socket")):
            opts += ["--passt-socket", "%s=%s" % (i[4:], d["path"])]
        elif o == "-object" and d.get("qom-type") == "iommufd" and "fd" in d \
                and has_option("--iommufd-fd"):
            opts += ["--iommufd-fd", str(d["fd"])]
        elif o == "-device" and str(d.get("driver", "")).startswith("vfio-pci") and "fd" in d \
                and has_option("--vfio-fd"):
            opts += ["--vfio-fd", "%s=%s" % (i, d["fd"])]
        elif o == "-device" and str(d.get("driver", "")).startswith("vhost-scsi") and "vhostfd" in d:
            opts += ["--vhostscsifd", "%s=%s" % (i, d["vhostfd"])]
        elif o == "-device" and d.get("driver") == "scsi-generic":
            node = nodes.get(d.get("drive"), {})
            if str(node.get("filename", "")).startswith("/dev/sg"):
                opts += ["--sg", "%s=%s" % (i, node["filename"])]
    # a transient <interface type='network'> on a VF pool: the VF libvirt
    # picked (the vfio-pci line naming its partner)
    for pos, (kind, _, _, text) in enumerate(generation_order(xml)):
        m = re.search(r"<teaming type='transient' persistent='([^']+)'/>", text)
        if kind != "interface" or "type='network'" not in text.split(">")[0] or not m:
            continue
        for o, v, i, d in lines:
            if o == "-device" and d.get("failover_pair_id") == m.group(1) and d.get("host"):
                opts += ["--vf", "#%d=%s" % (pos, d["host"])]
    return opts


def with_addresses(xml, ours, fix):
    """The input with libvirt's guest addresses where it lacks them or has
    others; (xml, ids whose address was replaced)."""
    theirs = {}
    for o, v in fix:
        i, d = parse(o, v)
        if o == "-device":
            theirs.setdefault(i, d)
    ours_by_id = {}
    for o, v in ours:
        i, d = parse(o, v)
        if o == "-device":
            ours_by_id.setdefault(i, d)
    ids = [parse(o, v)[0] for o, v in ours if o == "-device" and
           parse(o, v)[1].get("driver") != "zpci"]
    order = generation_order(xml)
    edits, replaced = [], []
    if len(order) != len(ids):
        return xml, replaced
    for (kind, start, end, text), did in zip(order, ids):
        f = theirs.get(did)
        if not f:
            continue
        guest = re.sub(r"<source.*?</source>", "", text, flags=re.S)
        if "<address" in guest:
            mine = ours_by_id.get(did, {})
            if all(mine.get(k) == f.get(k) for k in ("bus", "addr", "devno", "port")):
                continue
            m = re.search(r"<address type=[^>]*/>\s*(?=</(interface|hostdev)>)", text)
            if not m:
                continue
            replaced.append(did)
            edits.append((start + m.start(), start + m.end(), None))
        a = address_xml(f, str(f.get("bus", "")).startswith("usb"))
        if a:
            close = text.rfind("</")
            edits.append((start + close, start + close, a))
    xml = apply_edits(xml, edits)
    return with_controllers(xml, fix), replaced


def with_controllers(xml, fix):
    """A PCI controller for each bus pci.N an address names that the input
    lacks: libvirt adds them (root ports, bridges) and writes them in the
    .args as -device id=pci.N."""
    models = {}
    for o, v in fix:
        i, d = parse(o, v)
        m = re.match(r"pci\.(\d+)$", i or "")
        if o == "-device" and m:
            models[int(m.group(1))] = d.get("driver")
    need = {int(b, 16) for b in re.findall(r"<address type='pci' [^>]*bus='0x([0-9a-f]+)'", xml)}
    add = ""
    for b in sorted(need - {0}):
        if re.search(r"<controller type='pci' index='%d'" % b, xml) or b not in models:
            continue
        add += "    <controller type='pci' index='%d' model='%s'/>\n" % (b, models[b])
    return xml.replace("</devices>", add + "  </devices>", 1) if add else xml


def owners(lines, device_ids):
    """{(option, id): the domain device (QEMU id) each line belongs to} for
    the lines of <interface>/<hostdev> devices; other lines are left out."""
    parsed = [(o, v) + parse(o, v) for o, v in lines]
    own = {}
    for o, v, i, d in parsed:
        drv = str(d.get("driver", ""))
        if o == "-device" and drv == "zpci":
            continue
        if o == "-device" and ("netdev" in d or i in device_ids or
                               re.match(r"(net|hostdev)\d+$", i or "") or
                               re.match(r"(vfio-|usb-host|scsi-generic|vhost-scsi)", drv)):
            own[(o, i)] = i
        elif o == "-netdev":
            own[(o, i)] = i[4:] if i.startswith("host") else i
    devs = set(own.values())
    for o, v, i, d in parsed:
        if o == "-device" and d.get("driver") == "zpci" and d.get("target") in devs:
            own[(o, i)] = d["target"]
        elif o == "-chardev" and i and i.startswith("char") and i[4:] in devs:
            own[(o, i)] = i[4:]
        elif o == "-add-fd":
            for o2, _, i2, d2 in parsed:
                if o2 == "-netdev" and fdset_of(d2) == d.get("set"):
                    own[(o, i)] = own[(o2, i2)]
        elif o == "-object" and d.get("qom-type") == "iommufd":
            own[(o, i)] = "iommufd " + i
    # block nodes: the drive of a device above, then the nodes they name
    for _ in range(3):
        for o, v, i, d in parsed:
            if (o, i) in own:
                continue
            for o2, _, i2, d2 in parsed:
                if (o2, i2) in own and o2 in ("-device", "-blockdev") and \
                        i in (d2.get("drive"), d2.get("file")) and o == "-blockdev":
                    own[(o, i)] = own[(o2, i2)]
                elif (o2, i2) in own and o2 == "-blockdev" and o == "-object" and \
                        i in (d2.get("password-secret"), d2.get("key-secret")):
                    own[(o, i)] = own[(o2, i2)]
    return own


def canonical_names(lines, device_ids):
    """The lines with block node names and secret ids replaced by what refers
    to them ("<drive of hostdev0>", "<file of ...>", "<password-secret of
    ...>"): they are the manager's own names (libvirt counts its nodes over
    the whole domain), equal when they link the same things."""
    parsed = [(o, parse(o, v)) for o, v in lines]
    names = {}
    for o, (i, d) in parsed:
        if o == "-device" and i in device_ids and isinstance(d.get("drive"), str):
            names[d["drive"]] = "<drive of %s>" % i
    for _ in range(3):
        for o, (i, d) in parsed:
            if o == "-blockdev" and i in names:
                for key in ("file", "password-secret", "key-secret"):
                    if isinstance(d.get(key), str) and d[key] not in names:
                        names[d[key]] = "<%s of %s>" % (key, names[i])
    out = []
    for o, v in lines:
        if not v.startswith("{") or not names:
            out.append((o, v))
            continue
        d = json.loads(v)
        for key in ("drive", "file", "node-name", "password-secret", "key-secret", "id"):
            if isinstance(d.get(key), str) and d[key] in names and \
                    (key != "id" or o == "-object"):
                d[key] = names[d[key]]
        out.append((o, json.dumps(d)))
    return out


def compare(fix, ours, device_ids):
    """{domain device: [differences]} of every device in libvirt's lines
    or ours (an empty list: equal)."""
    fix = canonical_names(fix, device_ids)
    ours = canonical_names(ours, device_ids)
    theirs_own = owners(fix, device_ids)
    ours_own = owners(ours, device_ids)
    theirs = {k: parse(k[0], v)[1] for k, v in ((( o, parse(o, v)[0]), v) for o, v in fix)
              if k in theirs_own}
    mine = {(o, parse(o, v)[0]): parse(o, v)[1] for o, v in ours}
    result = {}
    for k, t in theirs.items():
        diffs = result.setdefault(theirs_own[k], [])
        m = mine.get(k)
        if m is None:
            diffs.append("%s %s: libvirt writes it, we do not: %s" % (k + (json.dumps(t),)))
            continue
        for p in sorted(set(t) | set(m)):
            if p not in m:
                diffs.append("%s %s: %s=%s missing" % (k + (p, json.dumps(t[p]))))
            elif p not in t:
                diffs.append("%s %s: %s=%s extra" % (k + (p, json.dumps(m[p]))))
            elif t[p] != m[p]:
                diffs.append("%s %s: %s: libvirt %s, ours %s"
                             % (k + (p, json.dumps(t[p]), json.dumps(m[p]))))
    for k, m in mine.items():
        if k not in theirs:
            dev = ours_own.get(k, k[1])
            result.setdefault(dev, []).append("%s %s: we write it, libvirt does not: %s"
                                              % (k + (json.dumps(m),)))
    return result


def expectation(stem):
    """(kind, path): ("args"|"err", the file), or (None, None)."""
    for kind in ("args", "err"):
        found = sorted(glob.glob(os.path.join(CORPUS, stem + ".*-latest." + kind)))
        if not found and os.path.exists(os.path.join(CORPUS, stem + "." + kind)):
            found = [os.path.join(CORPUS, stem + "." + kind)]
        if found:
            return kind, found[0]
    return None, None


def main():
    if not os.path.isdir(CORPUS):
        print("SKIP: current libvirt corpus not found at %s" % CORPUS)
        return 77
    expected = read_exceptions(LIST)
    seen, problems, notes = set(), [], []
    n = {"tests": 0, "args": 0, "err": 0, "refused_err": 0, "refused_args": 0,
         "devices": 0, "equal": 0, "listed": 0}
    target = ["--qemu-version", TARGET] if has_option("--qemu-version") else []

    def differs(key, what, detail):
        """A difference: listed (counted, printed) or a problem."""
        seen.add(key)
        label = key.replace("\t", " ")
        if key in expected:
            print("listed: %s: %s%s" % (label, expected[key],
                                        "".join("\n  " + d for d in detail)))
            return True
        problems.append("%s: %s (not in tests/argv-conformance-current.txt)%s"
                        % (label, what, "".join("\n  " + d for d in detail)))
        return False

    for xml_path in sorted(glob.glob(os.path.join(CORPUS, "*.xml"))):
        stem = os.path.basename(xml_path)[:-len(".xml")]
        kind, exp = expectation(stem)
        if not kind:
            continue
        n["tests"] += 1
        n[kind] += 1
        xml = open(xml_path).read()
        if kind == "err":
            ours, err, rc = run(xml_path, "json", target)
            why = open(exp).read().strip()
            if rc == 1:
                n["refused_err"] += 1
            elif rc == 0:
                differs(stem + "\t*", "accepted, libvirt refuses it",
                        ["libvirt: " + why])
            else:
                problems.append("%s: exit %d (a crash?): %s" % (stem, rc, err))
            continue
        fix = fixture_args(exp)
        opts = target + resources(fix, xml)
        ours, err, rc = run(xml_path, "json", opts)
        if ours is not None:
            xml2, replaced = with_addresses(xml, ours, fix)
            if xml2 != xml:
                path = os.path.join(TMP, stem + ".xml")
                with open(path, "w") as f:
                    f.write(xml2)
                ours, err, rc = run(path, "json", opts)
                if replaced:
                    notes.append("%s: %s: the input's address differs from the .args "
                                 "(an older copy of the test): the .args one was used"
                                 % (stem, ", ".join(replaced)))
        if ours is None:
            if rc != 1:
                problems.append("%s: exit %d (a crash?): %s" % (stem, rc, err))
                continue
            n["refused_args"] += 1
            differs(stem + "\t*", "refused", ["ours: " + err.splitlines()[0] if err else "ours: ?"])
            continue
        device_ids = {parse(o, v)[0] for o, v in ours if o == "-device"}
        for dev, diffs in sorted(compare(fix, ours, device_ids).items()):
            n["devices"] += 1
            if not diffs:
                n["equal"] += 1
                key = "%s\t%s" % (stem, dev)
                if key in expected:
                    seen.add(key)
                    problems.append("%s %s: listed but equal now (drop its line from "
                                    "tests/argv-conformance-current.txt)" % (stem, dev))
                continue
            if differs("%s\t%s" % (stem, dev), "differs", diffs):
                n["listed"] += 1
    for key in sorted(set(expected) - seen):
        problems.append("listed but not seen (update tests/argv-conformance-current.txt): %s"
                        % key.replace("\t", " "))
    for note in notes:
        print("note: " + note)
    print("conformance (libvirt 11/12, %s): %d tests (%d .args, %d .err); "
          "%d .err refused; %d .args tests refused whole; %d devices: %d equal, "
          "%d differ (listed)"
          % ("--qemu-version " + TARGET if target else "no --qemu-version in this domxml",
             n["tests"], n["args"], n["err"], n["refused_err"], n["refused_args"],
             n["devices"], n["equal"], n["listed"]))
    for p in problems:
        print("FAIL: " + p)
    print("%d passed, %d failed" % (1 if not problems else 0, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
