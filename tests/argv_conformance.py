#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Conformance with libvirt: for every fixture of qemuxml2argvdata with an
.args file, the -netdev/-device/-chardev/-add-fd lines of its <interface>
and <hostdev> devices, as `domxml argv` writes them, against the fixture's
lines: keyval where the fixture writes keyval (libvirt 7.x .args), JSON
where it writes JSON (*-latest.args). The fds the fixture shows are passed
as caller resources. Where libvirt assigned an address the XML lacks, the
matching qemuxml2xmloutdata file is used; when that has none either, the
address is taken from the fixture's own line and written into the XML (so
every other key is still compared).

Every difference must be listed, with its reason, in
tests/argv-conformance.txt; a difference not listed, or a listed one that
no longer occurs, fails. Exit 77 when the corpus is absent."""

import os
import re
import sys
import tempfile

sys.dont_write_bytecode = True  # nothing written beside the sources
from argv_fixture import (address_xml, apply_edits, devices_in_xml, fixture_args,  # noqa: E402
                          generation_order, ident, kv, read_exceptions)
import argv_fixture  # noqa: E402

SRC = os.environ.get("DOMXML_SRCDIR", ".")
# $DOMXML_CORPUS_DIR is libvirt's tests/ directory, as for check_corpus.
CORPUS = os.environ.get("DOMXML_CORPUS_DIR") or os.path.join(SRC, "..", "shared", "corpus",
                                                             "libvirt", "tests")
ARGV = os.path.join(CORPUS, "qemuxml2argvdata")
OUT = os.path.join(CORPUS, "qemuxml2xmloutdata")
TMP = tempfile.mkdtemp(prefix="domxml-conf-")
OPTS = ("-netdev", "-device", "-chardev", "-add-fd", "-drive", "-blockdev")


def run(xml_path, syntax, opts):
    # libvirt 7.x's tests: validated with that release's rules (vhost-user
    # needs shared memory only from libvirt 11.2)
    ours, err, _ = argv_fixture.run(xml_path, syntax, opts + ["--libvirt-version", "7.1"])
    return ours, err


def main():
    if not os.path.isdir(ARGV):
        print("SKIP: libvirt corpus not found at %s" % ARGV)
        return 77
    expected = read_exceptions(os.path.join(SRC, "tests", "argv-conformance.txt"))
    seen = set()
    total = equal = files = covered = with_devices = 0
    problems = []
    notes = []
    for name in sorted(os.listdir(ARGV)):
        if not name.endswith(".args"):
            continue
        base = name[:-len(".args")]
        latest = base.endswith(".x86_64-latest")
        stem = base[:-len(".x86_64-latest")] if latest else base
        xml_path = os.path.join(ARGV, stem + ".xml")
        if not os.path.exists(xml_path):
            continue
        files += 1
        fix = fixture_args(os.path.join(ARGV, name), OPTS)
        xml = open(xml_path).read()
        if "<interface" not in xml and "<hostdev" not in xml:
            continue
        with_devices += 1
        # syntax as the fixture writes devices
        syntax = "json" if any(o in ("-device", "-netdev") and v.startswith("{") and
                               ('"netdev"' in v or '"type"' in v or "hostdev" in v or "net" in v)
                               for o, v in fix) else "keyval"
        # caller resources from the fixture
        opts = []
        for opt, value in fix:
            fid, d = ident(opt, value)
            if opt == "-netdev" and d.get("type", value.split(",")[0]) == "tap" and fid:
                dev = fid[4:] if fid.startswith("host") else fid
                for f in (d.get("fds") or d.get("fd") or "").split(":"):
                    if f:
                        opts += ["--fd", "%s=%s" % (dev, f)]
                for f in (d.get("vhostfds") or d.get("vhostfd") or "").split(":"):
                    if f:
                        opts += ["--vhostfd", "%s=%s" % (dev, f)]
            if opt == "-drive" and fid and fid.startswith("drive-") and \
                    d.get("file", "").startswith("/dev/sg"):
                opts += ["--sg", "%s=%s" % (fid[6:], d["file"])]
            if opt == "-device" and (d.get("driver") or value.split(",")[0]).startswith("vhost-scsi"):
                opts += ["--vhostscsifd", "%s=%s" % (fid, d.get("vhostfd"))]
        # vdpa fds: -add-fd before the netdev that names its set
        for i, (opt, value) in enumerate(fix):
            if opt == "-add-fd":
                d = kv(value)
                for opt2, value2 in fix[i + 1:]:
                    fid, d2 = ident(opt2, value2)
                    if opt2 == "-netdev" and "/dev/fdset/%s" % d["set"] in value2:
                        opts += ["--vdpafd", "%s=%s" % (fid[4:], d["fd"])]
                        break
        # a transient <interface type='network'> on a VF pool: the VF libvirt
        # picked from the pool (the vfio-pci line naming its partner)
        xml_devs = devices_in_xml(xml)
        for pos, (kind, _, _, text) in enumerate(xml_devs):
            m = re.search(r"<teaming type='transient' persistent='([^']+)'/>", text)
            if kind != "interface" or "type='network'" not in text.split(">")[0] or not m:
                continue
            for opt, value in fix:
                fid, d = ident(opt, value)
                if opt == "-device" and d.get("failover_pair_id") == m.group(1) and d.get("host"):
                    opts += ["--vf", "#%d=%s" % (pos, d["host"])]
        # the XML: outdata when it exists, else the argv input
        src = xml_path
        for cand in ([stem + ".x86_64-latest.xml"] if latest else []) + [stem + ".xml"]:
            if os.path.exists(os.path.join(OUT, cand)):
                src = os.path.join(OUT, cand)
                break
        xml = open(src).read()
        ours, err = run(src, syntax, opts)
        key0 = "%s\t*" % name
        if ours is None:
            seen.add(key0)
            if key0 not in expected:
                problems.append("%s: not covered and not listed: %s" % (name, err))
            else:
                print("not covered: %s: %s" % (name, expected[key0]))
            continue
        # fill in addresses libvirt assigned
        fix_by_id = {}
        for opt, value in fix:
            fid, d = ident(opt, value)
            fix_by_id.setdefault((opt, fid), (value, d))
        our_devices = [ident(o, v)[0] for o, v in ours if o == "-device"]
        order = generation_order(xml)
        edits = []
        replaced = []
        ours_by_id = {ident(o, v)[0]: ident(o, v)[1] for o, v in ours if o == "-device"}
        if len(order) == len(our_devices):
            for (kind, start, end, text), did in zip(order, our_devices):
                f = fix_by_id.get(("-device", did))
                if not f:
                    continue
                guest = re.sub(r"<source.*?</source>", "", text, flags=re.S)
                if "<address" in guest:
                    mine_d = ours_by_id.get(did, {})
                    if all(mine_d.get(k) == f[1].get(k) for k in ("bus", "addr", "devno", "port")):
                        continue
                    # The outdata file comes from another libvirt commit than
                    # this .args: take the address the .args shows.
                    m = re.search(r"<address type=[^>]*/>\s*(?=</(interface|hostdev)>)", text)
                    if not m:
                        continue
                    replaced.append(did)
                    edits.append((start + m.start(), start + m.end(), None))
                usb = kind == "hostdev" and "type='usb'" in text.split(">")[0]
                a = address_xml(f[1], usb)
                if a:
                    close = text.rfind("</")
                    edits.append((start + close, start + close, a))
        if edits:
            xml = apply_edits(xml, edits)
            if replaced:
                # the other PCI addresses of that outdata file come from the
                # other libvirt commit too: drop those outside the devices
                spans = [(st, en) for _, st, en, _ in devices_in_xml(xml)]
                out, last = [], 0
                for m in re.finditer(r"<address type='pci'[^>]*/>", xml):
                    if any(st <= m.start() < en for st, en in spans):
                        continue
                    out.append(xml[last:m.start()])
                    last = m.end()
                out.append(xml[last:])
                xml = "".join(out)
            path = os.path.join(TMP, stem + ".xml")
            with open(path, "w") as f:
                f.write(xml)
            ours, err = run(path, syntax, opts)
            if ours is None:
                problems.append("%s: fails after address injection: %s" % (name, err))
                continue
        if replaced:
            notes.append("%s: %s: the address in %s differs from the .args (another libvirt "
                         "commit); the .args address was used" % (name, ", ".join(replaced),
                                                                  os.path.relpath(src, CORPUS)))
        covered += 1
        our_ids = {(o, ident(o, v)[0]) for o, v in ours}
        our_dev_ids = {i for o, i in our_ids if o == "-device"}

        def belongs(o, v):
            """A fixture line of an <interface>/<hostdev>: every -netdev and
            -add-fd, the char<alias> chardevs, the devices with our ids, a
            netdev= or a net/hostdev id."""
            i, d = ident(o, v)
            i = i or ""
            if o in ("-netdev", "-add-fd") or (o, i) in our_ids:
                return True
            if o == "-drive":
                return i.startswith("drive-") and (i[6:] in our_dev_ids or
                                                   re.match(r"hostdev\d+$", i[6:]) is not None)
            if o == "-blockdev":
                return re.match(r"libvirt-hostdev\d+-backend$", i) is not None
            if o == "-chardev":
                return i[4:] in our_dev_ids or re.match(r"charnet\d+$", i) is not None
            return o == "-device" and ("netdev" in d or d.get("target") in our_dev_ids or
                                       re.match(r"(net|hostdev)\d+$", i))
        theirs = [(o, v) for o, v in fix if belongs(o, v)]
        # pair by (option, id)
        mine = {(o, ident(o, v)[0]): v for o, v in ours}
        for o, v in theirs:
            total += 1
            k = (o, ident(o, v)[0])
            got = mine.get(k)
            key = "%s\t%s %s" % (name, o, k[1])
            if got == v:
                equal += 1
                continue
            seen.add(key)
            if key not in expected:
                problems.append("%s: unlisted difference\n  libvirt: %s %s\n  ours:    %s %s"
                                % (key.replace("\t", " "), o, v, o, got))
            else:
                print("differs: %s: %s\n  libvirt: %s\n  ours:    %s" % (key.replace("\t", " "),
                                                                       expected[key], v, got))
        extra = [(o, v) for o, v in ours if (o, ident(o, v)[0]) not in
                 {(a, ident(a, b)[0]) for a, b in theirs}]
        for o, v in extra:
            key = "%s\t%s %s (extra)" % (name, o, ident(o, v)[0])
            seen.add(key)
            if key not in expected:
                problems.append("%s: line libvirt does not write: %s %s" % (name, o, v))
    for key in sorted(set(expected) - seen):
        problems.append("listed but not seen (update tests/argv-conformance.txt): %s"
                        % key.replace("\t", " "))
    for n in notes:
        print("note: " + n)
    print("conformance: %d .args fixtures, %d with <interface>/<hostdev>, %d covered; "
          "%d of %d device lines equal" % (files, with_devices, covered, equal, total))
    for p in problems:
        print("FAIL: " + p)
    print("%d passed, %d failed" % (1 if not problems else 0, len(problems)))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
