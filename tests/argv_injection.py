#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Injection: every string that reaches an argument (ROM files, socket and
vdpa paths, ifnames from the XML and from the caller, fd names, bus names,
NIC models as the -device driver, controller aliases as bus=)
carries commas, '=', quotes, spaces, backslashes, braces and newlines.
The output of `domxml argv` is split back by the shell, then into keys by
QemuOpts' rules (',,' is a literal comma; a bare ',' starts a key) or by
json.loads, and must hold exactly the keys of a harmless value, with the
value intact; control characters must be refused. Both syntaxes."""

import json
import os
import shutil
import subprocess
import sys
import tempfile

BIN = os.path.join(os.environ.get("DOMXML_BUILDDIR", "."), "tools", "domxml")
QEMU = os.environ.get("DOMXML_QEMU") or shutil.which("qemu-system-x86_64")
TMP = tempfile.mkdtemp(prefix="domxml-inj-")
PASS = FAIL = 0

EVIL = ["a,b", "a,,b", ",", ",,,", "x,driver=rtl8139", "x,id=evil,", "k=v", "it's", 'dq"x',
        "sp ace", "back\\slash", "{\"driver\":\"x\"}", "\u00fc-utf8", "$(id)`id`", "-netdev"]
CONTROL = ["new\nline", "tab\tx", "cr\rx", "esc\x1bx"]


def ok(name, cond, detail=""):
    global PASS, FAIL
    if cond:
        PASS += 1
    else:
        FAIL += 1
        print("FAIL: %s%s" % (name, (": " + repr(detail)) if detail else ""))


def xml_attr(s):
    out = s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out = out.replace("'", "&apos;").replace('"', "&quot;")
    for c in "\n\t\r":
        out = out.replace(c, "&#%d;" % ord(c))
    return out


def split_keyval(s, head):
    """QemuOpts: [implied head,]key=value,... with ',,' a literal comma."""
    def value(i):
        out = ""
        while i < len(s):
            if s[i] == ",":
                if s[i + 1:i + 2] == ",":
                    out += ","
                    i += 2
                    continue
                return out, i + 1
            out += s[i]
            i += 1
        return out, i
    items, i, first = [], 0, True
    while i < len(s):
        j = i
        while j < len(s) and s[j] not in "=,":
            j += 1
        if first and head and (j == len(s) or s[j] == ","):
            v, i = value(i)
            items.append((None, v))
        elif j < len(s) and s[j] == "=":
            k = s[i:j]
            v, i = value(j + 1)
            items.append((k, v))
        else:
            items.append((s[i:j], None))
            i = j + 1
        first = False
    return items


def run(xml, syntax, opts):
    path = os.path.join(TMP, "in.xml")
    with open(path, "w") as f:
        f.write(xml)
    p = subprocess.run([BIN, "argv", "--syntax=" + syntax] + opts + [path], capture_output=True)
    if p.returncode:
        return p.returncode, None, p.stderr.decode("utf-8", "replace")
    out = os.path.join(TMP, "out.sh")
    with open(out, "wb") as f:
        f.write(p.stdout)
    lines = p.stdout.decode().split(" \\\n")
    s = subprocess.run(["sh", "-c", 'eval "set -- $(cat "$1")"; printf "%s\\0" "$@"', "sh", out],
                       capture_output=True)
    words = s.stdout.decode().split("\0")[:-1]
    return 0, (words, lines), ""


def domain(devs, machine="q35"):
    return ("<domain type='kvm'><name>t</name><memory>262144</memory>"
            "<memoryBacking><access mode='shared'/></memoryBacking><os>"
            "<type arch='x86_64' machine='%s'>hvm</type></os><devices>%s</devices></domain>"
            % (machine, devs))


# (name, xml template with {v} (XML-escaped), caller options template with
#  {c} (raw), option, key, value as written for the argument)
CASES = [
    ("interface <rom file>", domain("<interface type='user'><mac address='52:54:00:00:00:01'/>"
                                    "<model type='e1000'/><rom file='{v}'/></interface>"),
     [], "-device", "romfile", lambda v: v),
    ("hostdev <rom file>", domain("<hostdev mode='subsystem' type='pci'><source><address "
                                  "domain='0' bus='1' slot='2' function='3'/></source>"
                                  "<rom file='{v}'/></hostdev>"),
     [], "-device", "romfile", lambda v: v),
    ("vhost-user socket path", domain("<interface type='vhostuser'><mac address='52:54:00:00:00:01'/>"
                                      "<source type='unix' path='{v}' mode='server'/>"
                                      "<model type='virtio'/></interface>"),
     [], "-chardev", "path", lambda v: v),
    ("vdpa device path", domain("<interface type='vdpa'><mac address='52:54:00:00:00:01'/>"
                                "<source dev='{v}'/><model type='virtio'/></interface>"),
     [], "-netdev", "vhostdev", lambda v: v),
    ("vdpa path as -add-fd opaque", domain("<interface type='vdpa'><mac address='52:54:00:00:00:01'/>"
                                           "<source dev='{v}'/><model type='virtio'/></interface>"),
     ["--vdpafd", "net0=5", "--syntax=keyval"], "-add-fd", "opaque", lambda v: v),
    ("ethernet <target dev> as ifname", domain("<interface type='ethernet'><mac address='52:54:00:00:00:01'/>"
                                                "<target dev='{v}' managed='no'/><model type='virtio'/>"
                                                "</interface>"),
     [], "-netdev", "ifname", lambda v: v),
    ("caller ifname", domain("<interface type='bridge'><mac address='52:54:00:00:00:01'/>"
                             "<source bridge='br0'/><model type='virtio'/></interface>"),
     ["--ifname", "net0={c}"], "-netdev", "ifname", lambda v: v),
    ("caller fd name", domain("<interface type='bridge'><mac address='52:54:00:00:00:01'/>"
                              "<source bridge='br0'/><model type='virtio'/></interface>"),
     ["--fd", "net0={c}"], "-netdev", "fd", lambda v: v),
    ("caller vhost fd name", domain("<interface type='bridge'><mac address='52:54:00:00:00:01'/>"
                                    "<source bridge='br0'/><model type='virtio'/></interface>"),
     ["--fd", "net0=3", "--vhostfd", "net0={c}"], "-netdev", "vhostfd", lambda v: v),
    ("socket address", domain("<interface type='client'><mac address='52:54:00:00:00:01'/>"
                              "<source address='{v}' port='5558'/></interface>"),
     [], "-netdev", "connect", lambda v: ("[%s]:5558" if ":" in v else "%s:5558") % v),
    ("mcast address", domain("<interface type='mcast'><mac address='52:54:00:00:00:01'/>"
                             "<source address='{v}' port='5558'/></interface>"),
     [], "-netdev", "mcast", lambda v: ("[%s]:5558" if ":" in v else "%s:5558") % v),
    ("udp local address", domain("<interface type='udp'><mac address='52:54:00:00:00:01'/>"
                                 "<source address='127.0.0.1' port='5558'><local address='{v}' "
                                 "port='5559'/></source></interface>"),
     [], "-netdev", "localaddr", lambda v: ("[%s]:5559" if ":" in v else "%s:5559") % v),
    ("caller /dev/sgN path", domain("<controller type='scsi' index='0' model='virtio-scsi'/>"
                                    "<hostdev mode='subsystem' type='scsi'><source><adapter "
                                    "name='scsi_host0'/><address bus='0' target='0' unit='0'/>"
                                    "</source><address type='drive' controller='0' bus='0' "
                                    "target='0' unit='1'/></hostdev>"),
     ["--sg", "hostdev0=/dev/{c}", "--syntax=keyval"], "-drive", "file", lambda v: "/dev/" + v),
    ("caller /dev/sgN path (JSON -blockdev)",
     domain("<controller type='scsi' index='0' model='virtio-scsi'/>"
            "<hostdev mode='subsystem' type='scsi'><source><adapter name='scsi_host0'/>"
            "<address bus='0' target='0' unit='0'/></source><address type='drive' "
            "controller='0' bus='0' target='0' unit='1'/></hostdev>"),
     ["--sg", "hostdev0=/dev/{c}", "--syntax=json"], "-blockdev", "filename",
     lambda v: "/dev/" + v),
    ("iSCSI host and name", domain("<controller type='scsi' index='0' model='virtio-scsi'/>"
                                   "<hostdev mode='subsystem' type='scsi'><source protocol='iscsi' "
                                   "name='{v}/2'><host name='{v}' port='3260'/></source>"
                                   "<address type='drive' controller='0' bus='0' target='0' "
                                   "unit='1'/></hostdev>"),
     ["--syntax=keyval"], "-drive", "file", lambda v: "iscsi://%s:3260/%s/2" % (v, v)),
    ("caller pool VF", domain("<interface type='network'><mac address='52:54:00:00:00:01'/>"
                              "<source network='pool'/><model type='virtio'/></interface>"),
     ["--vf", "net0={c}"], "-device", "host", lambda v: v),
    ("NIC model as -device driver", domain("<interface type='user'><mac address='52:54:00:00:00:01'/>"
                                           "<model type='{v}'/></interface>"),
     [], "-device", "driver", lambda v: v),
    ("PCI controller alias as bus", domain("<controller type='pci' index='1' model='pcie-root-port'>"
                                           "<alias name='ua-{v}'/></controller>"
                                           "<interface type='user'><mac address='52:54:00:00:00:01'/>"
                                           "<model type='e1000'/><address type='pci' domain='0' "
                                           "bus='1' slot='0' function='0'/></interface>"),
     [], "-device", "bus", lambda v: "ua-" + v),
    ("USB controller alias as bus", domain("<controller type='usb' index='0' model='qemu-xhci'>"
                                           "<alias name='ua-{v}'/></controller>"
                                           "<hostdev mode='subsystem' type='usb'><source><vendor "
                                           "id='0x1234'/><product id='0xbeef'/></source><address "
                                           "type='usb' bus='0' port='1'/></hostdev>"),
     [], "-device", "bus", lambda v: "ua-%s.0" % v),
    ("SCSI controller alias as bus", domain("<controller type='scsi' index='0' model='virtio-scsi'>"
                                            "<alias name='ua-{v}'/></controller>"
                                            "<hostdev mode='subsystem' type='scsi'><source "
                                            "protocol='iscsi' name='iqn.x:t/1'><host name='h' "
                                            "port='3260'/></source><address type='drive' "
                                            "controller='0' bus='0' target='0' unit='1'/></hostdev>"),
     [], "-device", "bus", lambda v: "ua-%s.0" % v),
    ("caller bus name", "<hostdev mode='subsystem' type='pci'><source><address domain='0' bus='1' "
                        "slot='2' function='3'/></source><address type='pci' domain='0' bus='4' "
                        "slot='0' function='0'/></hostdev>",
     ["--bus", "4={c}"], "-device", "bus", lambda v: v),
]

HARMLESS = "plain"
HARMLESS_FOR = {"caller pool VF": "0000:01:02.3", "caller fd name": "3",
                "caller vhost fd name": "4"}
# Values a slot may refuse by its own rule (besides control characters).
MAY_REFUSE = {
    "ethernet <target dev> as ifname": "not a Linux interface name",
    "caller ifname": "not a Linux interface name",
    "caller fd name": "is not an fd number",
    "caller vhost fd name": "is not an fd number",
    "NIC model as -device driver": ("is not a QEMU name", "a model name uses only"),
    # validation's alias.invalid first (libvirt's schema), qemuargv's id check behind it
    "PCI controller alias as bus": ("is not a QEMU id", "has a character outside"),
    "USB controller alias as bus": ("is not a QEMU id", "has a character outside"),
    "SCSI controller alias as bus": ("is not a QEMU id", "has a character outside"),
    "caller bus name": "is not a QEMU id",
    "caller pool VF": "is not a PCI address",
}


def refused_by_rule(name, err):
    rules = MAY_REFUSE.get(name, ())
    return any(r in err for r in ((rules,) if isinstance(rules, str) else rules))


def arguments(words, opt):
    return [words[i + 1] for i in range(0, len(words) - 1) if words[i] == opt]


def keys_of(arg, syntax, opt):
    if opt == "-blockdev" or (syntax == "json" and opt in ("-device", "-netdev")):
        d = json.loads(arg)
        return [(k, v) for k, v in d.items()]
    return split_keyval(arg, head=opt not in ("-add-fd", "-drive"))


def main():
    for name, tmpl, opts, opt, key, expect in CASES:
        forced = [o for o in opts if o.startswith("--syntax")]
        syntaxes = [forced[0].split("=")[1]] if forced else ["keyval", "json"]
        copts = [o for o in opts if not o.startswith("--syntax")]
        for syntax in syntaxes:
            def gen(v):
                return run(tmpl.replace("{v}", xml_attr(v)), syntax,
                           [o.replace("{c}", v) for o in copts])
            rc, base, err = gen(HARMLESS_FOR.get(name, HARMLESS))
            ok("%s (%s): harmless value accepted" % (name, syntax), rc == 0, err)
            if rc:
                continue
            base_words = base[0]
            base_args = arguments(base_words, opt)
            base_keys = [k for k, _ in keys_of(base_args[0], syntax, opt)]
            for v in EVIL + CONTROL:
                tag = "%s (%s) %r" % (name, syntax, v)
                rc, got, err = gen(v)
                if v in CONTROL:
                    # XML itself has no ESC (the parser refuses the document)
                    ok(tag + ": refused", rc == 1 and ("control character" in err or
                                                       "not well-formed" in err or
                                                       refused_by_rule(name, err)), err)
                    continue
                if rc:
                    ok(tag + ": refused only by its own rule", refused_by_rule(name, err), err)
                    continue
                words, lines = got
                ok(tag + ": same number of words", len(words) == len(base_words),
                   (words, base_words))
                ok(tag + ": one line per option", len(lines) == len(base[1]), lines)
                args = arguments(words, opt)
                if not args:
                    ok(tag + ": argument present", False, words)
                    continue
                items = keys_of(args[0], syntax, opt)
                ok(tag + ": same keys", [k for k, _ in items] == base_keys, (items, base_keys))
                ok(tag + ": value intact", dict((k, x) for k, x in items if k).get(key) == expect(v),
                   items)
                # the head (driver/type/backend) is unchanged
                if syntax == "keyval" and opt not in ("-add-fd", "-drive"):
                    ok(tag + ": head unchanged",
                       items[0] == keys_of(base_args[0], syntax, opt)[0], items[0])
    # A real QEMU reads the escaped values back intact: the ROM file of an
    # e1000 whose name tries to make it an rtl8139.
    if QEMU:
        for syntax in ("keyval", "json"):
            v = "/nonexistent/x,driver=rtl8139,id=evil"
            rc, got, err = run(CASES[0][1].replace("{v}", xml_attr(v)), syntax, [])
            if rc:
                ok("QEMU romfile (%s)" % syntax, False, err)
                continue
            p = subprocess.run([QEMU, "-machine", "q35", "-accel", "tcg", "-nodefaults", "-display",
                                "none", "-S"] + got[0], capture_output=True, text=True, timeout=20,
                               stdin=subprocess.DEVNULL)
            ok("QEMU romfile (%s): the whole value is the ROM file of the e1000" % syntax,
               p.returncode != 0 and ('failed to find romfile "%s"' % v) in p.stderr and
               "e1000" in p.stderr, p.stderr)
    shutil.rmtree(TMP, ignore_errors=True)
    print("%d passed, %d failed" % (PASS, FAIL))
    return 1 if FAIL else 0


if __name__ == "__main__":
    sys.exit(main())
