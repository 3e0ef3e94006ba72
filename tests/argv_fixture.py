# SPDX-License-Identifier: LGPL-2.1-or-later
"""What the two conformance tests (tests/argv_conformance.py for libvirt 7.x's
qemuxml2argvdata, tests/argv_conformance_current.py for current libvirt's
qemuxmlconfdata) share: reading libvirt's .args files, running `domxml argv`,
finding the devices of a document and writing libvirt's guest addresses into
it, reading an exceptions file."""

import json
import os
import re
import shlex
import subprocess

BIN = os.path.join(os.environ.get("DOMXML_BUILDDIR", "."), "tools", "domxml")
OPTS = ("-netdev", "-device", "-chardev", "-add-fd", "-drive", "-blockdev", "-object")


def fixture_args(path, opts=OPTS):
    """(option, value) of each option of `opts` in a libvirt .args file."""
    # " \" ends an option line; a bare "\" breaks a long value after a comma
    text = open(path).read().replace(" \\\n", " ").replace("\\\n", "")
    words = shlex.split(text)
    return [(words[i], words[i + 1]) for i in range(len(words) - 1) if words[i] in opts]


def kv(value):
    """key=value pairs of a keyval argument (for reading ids and fds)."""
    out = {}
    for part in re.split(r"(?<!,),(?!,)", value):
        if "=" in part:
            k, v = part.split("=", 1)
            out[k] = v.replace(",,", ",")
    return out


def ident(opt, value):
    """(id, properties) of an option's value, JSON or keyval."""
    if value.startswith("{"):
        d = json.loads(value)
        return d.get("id") or d.get("node-name"), d
    d = kv(value)
    if opt == "-add-fd":
        return "fdset" + d.get("set", "?"), d
    return d.get("id"), d


def run(xml_path, syntax, opts):
    """domxml argv: ([(option, value)], stderr), or (None, stderr, exit code)
    when it fails."""
    p = subprocess.run([BIN, "argv", "--syntax=" + syntax] + opts + [xml_path],
                       capture_output=True, text=True)
    if p.returncode:
        return None, p.stderr.strip(), p.returncode
    words = shlex.split(p.stdout.replace("\\\n", " "))
    return [(words[i], words[i + 1]) for i in range(0, len(words) - 1, 2)], p.stderr, 0


def help_text():
    """`domxml argv --help`, to pass only the options this binary has."""
    p = subprocess.run([BIN, "argv", "--help"], capture_output=True, text=True)
    return p.stdout + p.stderr


def devices_in_xml(xml):
    """(kind, start, end, text) of each top-level <interface>/<hostdev> element."""
    out = []
    for m in re.finditer(r"<(interface|hostdev)\b[^>]*?(/>|>.*?</\1>)", xml, re.S):
        out.append((m.group(1), m.start(), m.end(), m.group(0)))
    return out


def head(text):
    """The start tag of an element's text."""
    return text.split(">")[0]


def generation_order(xml):
    """The document's devices in the order domxml argv writes their -device
    lines: the NICs, then the host devices (those of <interface type='hostdev'>
    first), without the unassigned ones."""
    devs = devices_in_xml(xml)
    nics = [d for d in devs if d[0] == "interface" and "type='hostdev'" not in head(d[3])]
    hosts = ([d for d in devs if d[0] == "interface" and "type='hostdev'" in head(d[3])]
             + [d for d in devs if d[0] == "hostdev"])
    return nics + [h for h in hosts if "type='unassigned'" not in h[3]]


def address_xml(props, is_usb):
    """The <address> element of libvirt's bus/addr/devno/port properties."""
    bus = props.get("bus")
    if props.get("devno"):
        c, ss, d = props["devno"].split(".")
        return "<address type='ccw' cssid='0x%s' ssid='0x%s' devno='0x%s'/>" % (c, ss, d)
    if is_usb:
        if not bus:
            return None
        return "<address type='usb' bus='0' port='%s'/>" % props.get("port", "1")
    addr = props.get("addr")
    if not addr:
        return None
    m = re.match(r"0x([0-9a-f]+)(?:\.0x([0-9a-f]+))?$", addr)
    b = 0
    if bus and bus.startswith("pci.") and bus[4:].isdigit():
        b = int(bus[4:])
    mf = props.get("multifunction")
    mfa = " multifunction='%s'" % ("on" if mf in ("on", True) else "off") if mf is not None else ""
    return ("<address type='pci' domain='0x0000' bus='0x%02x' slot='0x%02x' function='0x%x'%s/>"
            % (b, int(m.group(1), 16), int(m.group(2) or "0", 16), mfa))


def apply_edits(xml, edits):
    """edits: (start, end, text or None): replace xml[start:end], last first
    (a removal before an insertion at one place)."""
    for pos, endpos, a in sorted(edits, key=lambda e: (e[0], e[2] is not None), reverse=True):
        xml = xml[:pos] + (a or "") + xml[endpos:]
    return xml


def read_exceptions(path):
    """{"fixture\\twhat": reason} of a tab-separated exceptions file."""
    expected = {}
    for line in open(path):
        line = line.rstrip("\n")
        if not line or line.startswith("#"):
            continue
        fixture, what, reason = line.split("\t", 2)
        expected[fixture + "\t" + what] = reason
    return expected
