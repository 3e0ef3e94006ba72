#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Real QEMU against `domxml argv`: every case starts qemu-system-x86_64
(-accel tcg -nodefaults -display none -S) with the generated arguments (plus
the controllers the case declares) and checks through QMP that each device
exists with the expected properties; devices that need hardware are started
alone and must fail for the missing hardware only. Both syntaxes.

Every QEMU found is a judge, one run each: the installed one ($DOMXML_QEMU
or qemu-system-x86_64 on $PATH: Debian 12's 7.2) and the bookworm-backports
one that tests/fetch-qemu-backports.sh unpacks ($DOMXML_QEMU_BACKPORTS or
.deps-extra/qemu-backports/qemu-system-x86_64 in the build or source tree).
Exit 77 (skip) when neither is there."""

import fcntl
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import threading
import time

BIN = os.path.join(os.environ.get("DOMXML_BUILDDIR", "."), "tools", "domxml")
TMP = None           # a fresh directory per run (sockets are bound by path)
PASS = 0
FAIL = 0
SKIPPED = []
QEMU = None          # the judge of the current run (main sets it)
QEMU_VERSION = None  # its (major, minor)
# domxml argv options for the arguments each QEMU judges, by version. The
# generator targets 7.2 by default; once `domxml argv --qemu-version` exists,
# the 10.0 run gets it here ((10, 0): ["--qemu-version", "10.0"]) and the
# checks skipped by spelled_for_72() run on 10.0 too.
TARGET_OPTS = {(10, 0): ["--qemu-version", "10.0"]}


def target_opts():
    return TARGET_OPTS.get(QEMU_VERSION, [])


def spelled_for_72(tag, what):
    """True (the caller skips its check) when this QEMU is newer than the
    7.2 spelling the generated arguments use for `what` and no target
    version was asked for: a 7.2 spelling newer QEMU refuses on purpose."""
    if QEMU_VERSION <= (7, 2) or "--qemu-version" in target_opts():
        return False
    SKIPPED.append("%s: %s is spelled for QEMU 7.2 (no --qemu-version %d.%d yet)"
                   % (tag, what, QEMU_VERSION[0], QEMU_VERSION[1]))
    return True


def ok(name, cond, detail=""):
    global PASS, FAIL
    if cond:
        PASS += 1
    else:
        FAIL += 1
        print("FAIL: %s%s" % (name, (": " + str(detail)) if detail else ""))


def domain(machine, devices, controllers=""):
    # shared memory (vhost-user needs it, libvirt 11.2) and a <graphics>
    # (display='on' needs one): validation's rules, no QEMU argument of
    # qemuargv's
    return ("<domain type='kvm'>\n  <name>t</name>\n  <memory unit='KiB'>262144</memory>\n"
            "  <memoryBacking>\n    <access mode='shared'/>\n  </memoryBacking>\n"
            "  <os>\n    <type arch='x86_64' machine='%s'>hvm</type>\n  </os>\n"
            "  <devices>\n%s%s    <graphics type='vnc'/>\n  </devices>\n</domain>\n"
            % (machine, controllers, devices))


def q35_ports(n):
    """XML controllers and the matching QEMU arguments: pcie-root-ports 1..n."""
    xml = "    <controller type='pci' index='0' model='pcie-root'/>\n"
    args = []
    for i in range(1, n + 1):
        xml += "    <controller type='pci' index='%d' model='pcie-root-port'/>\n" % i
        args += ["-device", "pcie-root-port,id=pci.%d,bus=pcie.0,addr=0x%x,chassis=%d" % (i, i, i)]
    return xml, args


def pciaddr(bus, slot=0):
    return ("      <address type='pci' domain='0x0000' bus='0x%02x' slot='0x%02x' "
            "function='0x0'/>\n" % (bus, slot))


def gen(xml, syntax, opts=(), hotplug=False):
    """Run domxml argv; returns (rc, argv list or QMP lines, stderr). The text
    output is split by the shell itself, which checks it is shell-safe."""
    path = os.path.join(TMP, "in.xml")
    with open(path, "w") as f:
        f.write(xml)
    cmd = [BIN, "argv", "--syntax=" + syntax] + target_opts() + list(opts) + [path]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        return p.returncode, None, p.stderr
    if hotplug:
        return 0, [json.loads(line) for line in p.stdout.splitlines()], p.stderr
    out = os.path.join(TMP, "out.sh")
    with open(out, "w") as f:
        f.write(p.stdout)
    s = subprocess.run(["sh", "-c", 'eval "set -- $(cat "$1")"; printf "%s\\0" "$@"', "sh", out],
                       capture_output=True)
    words = s.stdout.decode().split("\0")[:-1]
    return 0, words, p.stderr


class Qemu:
    def __init__(self, machine, args, pass_fds=()):
        self.sock = os.path.join(TMP, "qmp-%d.sock" % time.monotonic_ns())
        cmd = [QEMU, "-machine", machine, "-accel", "tcg", "-nodefaults", "-display", "none",
               "-S", "-qmp", "unix:%s,server=on,wait=off" % self.sock] + list(args)
        self.p = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, pass_fds=pass_fds, text=True)
        self.f = None
        self.events = []
        deadline = time.time() + 20
        while time.time() < deadline:
            if self.p.poll() is not None:
                break
            if os.path.exists(self.sock):
                try:
                    s = socket.socket(socket.AF_UNIX)
                    s.connect(self.sock)
                    s.settimeout(20)
                    self.s = s
                    self.f = s.makefile("rw")
                    self.f.readline()
                    self.cmd("qmp_capabilities")
                    break
                except OSError:
                    time.sleep(0.05)
                    continue
            time.sleep(0.05)

    @property
    def up(self):
        return self.f is not None

    def stderr(self):
        if self.p.poll() is None:
            return ""
        return self.p.stderr.read()

    def cmd(self, execute, arguments=None, raw=None, fds=None):
        msg = raw if raw is not None else {"execute": execute}
        if arguments is not None:
            msg["arguments"] = arguments
        if fds:  # SCM_RIGHTS with the command, as getfd/add-fd want
            self.f.flush()
            socket.send_fds(self.s, [(json.dumps(msg) + "\n").encode()], fds)
        else:
            self.f.write(json.dumps(msg) + "\n")
            self.f.flush()
        while True:
            r = json.loads(self.f.readline())
            if "event" not in r:
                return r
            self.events.append(r)

    def wait_event(self, want, timeout=10):
        """The event like `want` ({"event":..., "data":{...}}), or None."""
        def like(e):
            return e.get("event") == want["event"] and all(
                e.get("data", {}).get(k) == v for k, v in want.get("data", {}).items())
        deadline = time.time() + timeout
        while True:
            for e in self.events:
                if like(e):
                    self.events.remove(e)
                    return e
            if time.time() > deadline:
                return None
            self.s.settimeout(max(0.05, deadline - time.time()))
            try:
                line = self.f.readline()
            except OSError:
                line = ""
            finally:
                self.s.settimeout(None)
            if line:
                self.events.append(json.loads(line))

    def get(self, dev, prop):
        r = self.cmd("qom-get", {"path": "/machine/peripheral/" + dev, "property": prop})
        return r.get("return", r.get("error"))

    def peripherals(self):
        r = self.cmd("qom-list", {"path": "/machine/peripheral"})
        return {x["name"] for x in r.get("return", [])}

    def hmp(self, line):
        return self.cmd("human-monitor-command", {"command-line": line}).get("return", "")

    def close(self):
        try:
            if self.f:
                self.cmd("quit")
        except (OSError, ValueError):
            pass
        try:
            self.p.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.p.kill()
            self.p.wait()
        self.p.stdout.close()
        self.p.stderr.close()


def run_fail(machine, args):
    """Start QEMU expected to exit; returns its standard error."""
    cmd = [QEMU, "-machine", machine, "-accel", "tcg", "-nodefaults", "-display", "none", "-S"]
    try:
        p = subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=20,
                           stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return "(timed out: QEMU did not exit)"
    return p.stderr


BAD_PROPERTY = re.compile(r"Property '[^']*' not found|Parameter '[^']*' expects|Invalid parameter|"
                          r"doesn't take value|does not accept value|Parameter '[^']*' is missing|"
                          r"expects an identifier|is not a valid|Invalid parameter type")


# ----------------------------------------------------------------------------
# Teaming pairs on q35 root ports: QEMU starts, the primary is hidden, a
# second primary for the same standby is refused (proving the pairing).

def teaming_case(name, transient_xml, primary_id, expect_host, opts=()):
    ctl, ctl_args = q35_ports(3)
    devs = ("    <interface type='user'>\n      <mac address='52:54:00:6d:90:02'/>\n"
            "      <model type='virtio'/>\n      <teaming type='persistent'/>\n"
            "      <alias name='ua-standby'/>\n" + pciaddr(1) + "    </interface>\n" + transient_xml)
    xml = domain("q35", devs, ctl)
    for syntax in ("keyval", "json"):
        tag = "%s (%s)" % (name, syntax)
        rc, args, err = gen(xml, syntax, opts)
        ok(tag + ": generated", rc == 0, err)
        if rc:
            continue
        if syntax == "json":
            prim = json.loads(args[-1])
            ok(tag + ": primary typed", prim.get("failover_pair_id") == "ua-standby" and
               prim.get("host") == expect_host and prim.get("bus") == "pci.2" and
               prim.get("addr") == "0x0" and prim.get("id") == primary_id, prim)
        else:
            ok(tag + ": primary keys", args[-1] == "vfio-pci,host=%s,id=%s,bus=pci.2,addr=0x0,"
               "failover_pair_id=ua-standby" % (expect_host, primary_id), args[-1])
        q = Qemu("q35", ctl_args + args)
        ok(tag + ": QEMU starts", q.up, q.stderr())
        if q.up:
            ok(tag + ": standby failover=on", q.get("ua-standby", "failover") is True)
            ok(tag + ": standby mac", q.get("ua-standby", "mac") == "52:54:00:6d:90:02")
            per = q.peripherals()
            ok(tag + ": primary hidden", "ua-standby" in per and primary_id not in per, per)
            r = q.cmd("device_add", {"driver": "e1000e", "id": "probe",
                                     "failover_pair_id": "ua-standby", "bus": "pci.3"})
            want = ("Cannot attach more than one primary device to 'ua-standby': '%s' and 'probe'"
                    % primary_id)
            ok(tag + ": second primary refused", r.get("error", {}).get("desc") == want, r)
        q.close()
    # The hidden primary's properties are not checked at start-up: start it
    # alone (no standby), where it must fail on the missing VF only.
    for syntax in ("keyval", "json"):
        tag = "%s primary alone (%s)" % (name, syntax)
        rc, args, err = gen(xml, syntax, opts)
        if rc:
            ok(tag, False, err)
            continue
        msg = run_fail("q35", ctl_args + args[-2:])
        ok(tag + ": fails for the missing VF only",
           ("no such host device" in msg or "no iommu_group" in msg) and not BAD_PROPERTY.search(msg),
           msg.strip())


def test_teaming():
    teaming_case("teaming: user NIC + plain <hostdev>",
                 "    <hostdev mode='subsystem' type='pci' managed='no'>\n      <source>\n"
                 "        <address domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>\n"
                 "      </source>\n      <teaming type='transient' persistent='ua-standby'/>\n"
                 "      <alias name='ua-vf0'/>\n" + pciaddr(2) + "    </hostdev>\n",
                 "ua-vf0", "0000:81:10.2")
    teaming_case("teaming: user NIC + <interface type='hostdev'>",
                 "    <interface type='hostdev' managed='yes'>\n"
                 "      <mac address='52:54:00:6d:90:02'/>\n      <source>\n"
                 "        <address type='pci' domain='0x0000' bus='0x03' slot='0x07' function='0x1'/>\n"
                 "      </source>\n      <teaming type='transient' persistent='ua-standby'/>\n"
                 + pciaddr(2) + "    </interface>\n",
                 "hostdev0", "0000:03:07.1")
    teaming_case("teaming: user NIC + pool VF <interface type='network'>",
                 "    <interface type='network'>\n"
                 "      <mac address='52:54:00:6d:90:02'/>\n"
                 "      <source network='vf-pool'/>\n      <model type='virtio'/>\n"
                 "      <teaming type='transient' persistent='ua-standby'/>\n"
                 + pciaddr(2) + "    </interface>\n",
                 "hostdev0", "0001:02:03.4", ("--vf", "net1=0001:02:03.4"))


# ----------------------------------------------------------------------------
# NIC models and options (user backend): every property read back.

def test_nics():
    devs = ("    <interface type='user'>\n      <mac address='52:54:00:00:00:01'/>\n"
            "      <model type='virtio'/>\n"
            "      <driver txmode='iothread' ioeventfd='on' event_idx='off' queues='4' "
            "rx_queue_size='512' tx_queue_size='256' packed='on' page_per_vq='on'>\n"
            "        <host csum='off' gso='off' tso4='off' tso6='off' ecn='off' ufo='off' mrg_rxbuf='off'/>\n"
            "        <guest csum='off' tso4='off' tso6='off' ecn='off' ufo='off'/>\n"
            "      </driver>\n      <mtu size='9000'/>\n      <boot order='2'/>\n"
            "      <rom bar='off'/>\n      <acpi index='3'/>\n" + pciaddr(0, 3) + "    </interface>\n"
            "    <interface type='user'>\n      <mac address='52:54:00:00:00:02'/>\n"
            "      <model type='e1000e'/>\n      <rom enabled='no'/>\n" + pciaddr(0, 4) +
            "    </interface>\n"
            "    <interface type='user'>\n      <mac address='52:54:00:00:00:03'/>\n"
            "      <alias name='ua-rtl'/>\n    </interface>\n"
            "    <interface type='user'>\n      <mac address='52:54:00:00:00:04'/>\n"
            "      <model type='e1000'/>\n      <boot order='1'/>\n    </interface>\n"
            "    <interface type='user'>\n      <mac address='52:54:00:00:00:05'/>\n"
            "      <model type='virtio-transitional'/>\n    </interface>\n")
    xml = domain("pc", devs)
    expect = {
        "net0": {"mq": True, "vectors": 10, "rx_queue_size": 512, "tx_queue_size": 256,
                 "host_mtu": 9000, "bootindex": 2, "rombar": 0, "csum": False, "gso": False,
                 "host_tso4": False, "guest_csum": False, "guest_ufo": False, "mrg_rxbuf": False,
                 "ioeventfd": True, "event_idx": False, "tx": "bh", "packed": True,
                 "page-per-vq": True, "mac": "52:54:00:00:00:01", "addr": 0x18, "acpi-index": 3,
                 "netdev": "hostnet0"},
        "net1": {"romfile": "", "mac": "52:54:00:00:00:02", "addr": 0x20},
        "ua-rtl": {"mac": "52:54:00:00:00:03", "netdev": "hostua-rtl"},
        "net3": {"bootindex": 1},
        "net4": {"mac": "52:54:00:00:00:05"},
    }
    types = {"net0": "virtio-net-pci", "net1": "e1000e", "ua-rtl": "rtl8139", "net3": "e1000",
             "net4": "virtio-net-pci-transitional"}
    for syntax in ("keyval", "json"):
        tag = "NIC options (%s)" % syntax
        rc, args, err = gen(xml, syntax)
        ok(tag + ": generated", rc == 0, err)
        if rc:
            continue
        q = Qemu("pc", args)
        ok(tag + ": QEMU starts", q.up, q.stderr())
        if not q.up:
            q.close()
            continue
        r = q.cmd("qom-list", {"path": "/machine/peripheral"})
        kinds = {x["name"]: x["type"] for x in r["return"]}
        for dev, props in expect.items():
            ok(tag + ": %s is %s" % (dev, types[dev]), kinds.get(dev) == "child<%s>" % types[dev],
               kinds.get(dev))
            for prop, want in props.items():
                got = q.get(dev, prop)
                ok(tag + ": %s.%s" % (dev, prop), got == want, "%r != %r" % (got, want))
        net = q.hmp("info network")
        ok(tag + ": five user netdevs", net.count("type=user") == 5, net)
        q.close()


def test_nics_q35():
    """iommu_platform and ats need a modern-only device: a PCIe root port, or
    the non-transitional model anywhere."""
    ctl, ctl_args = q35_ports(1)
    devs = ("    <interface type='user'>\n      <mac address='52:54:00:00:06:01'/>\n"
            "      <model type='virtio'/>\n      <driver iommu='on' ats='on' packed='on'/>\n"
            + pciaddr(1) + "    </interface>\n"
            "    <interface type='user'>\n      <mac address='52:54:00:00:06:02'/>\n"
            "      <model type='virtio-non-transitional'/>\n      <driver iommu='on'/>\n"
            "    </interface>\n")
    xml = domain("q35", devs, ctl)
    for syntax in ("keyval", "json"):
        tag = "virtio iommu on q35 (%s)" % syntax
        rc, args, err = gen(xml, syntax)
        ok(tag + ": generated", rc == 0, err)
        if rc:
            continue
        q = Qemu("q35", ctl_args + args)
        ok(tag + ": QEMU starts", q.up, q.stderr())
        if q.up:
            ok(tag + ": root port NIC iommu_platform", q.get("net0", "iommu_platform") is True)
            ok(tag + ": root port NIC ats", q.get("net0", "ats") is True)
            ok(tag + ": root port NIC packed", q.get("net0", "packed") is True)
            ok(tag + ": non-transitional iommu_platform", q.get("net1", "iommu_platform") is True)
        q.close()
    # refused where QEMU would refuse it
    rc, args, err = gen(domain("q35", devs.replace(pciaddr(1), ""), ctl), "keyval")
    ok("virtio iommu on pcie.0: refused", rc == 1 and "modern-only" in err, err)


# ----------------------------------------------------------------------------
# Socket NICs: listen, connect (to the listener), mcast, udp.

def free_port(kind=socket.SOCK_STREAM):
    s = socket.socket(socket.AF_INET, kind)
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def test_sockets():
    tcp, u1, u2 = free_port(), free_port(socket.SOCK_DGRAM), free_port(socket.SOCK_DGRAM)
    mport = free_port(socket.SOCK_DGRAM)
    devs = ("    <interface type='server'>\n      <mac address='52:54:00:00:02:01'/>\n"
            "      <source address='127.0.0.1' port='%d'/>\n      <model type='e1000'/>\n"
            "    </interface>\n"
            "    <interface type='client'>\n      <mac address='52:54:00:00:02:02'/>\n"
            "      <source address='127.0.0.1' port='%d'/>\n      <model type='e1000'/>\n"
            "    </interface>\n"
            "    <interface type='mcast'>\n      <mac address='52:54:00:00:02:03'/>\n"
            "      <source address='230.0.0.1' port='%d'/>\n      <model type='rtl8139'/>\n"
            "    </interface>\n"
            "    <interface type='udp'>\n      <mac address='52:54:00:00:02:04'/>\n"
            "      <source address='127.0.0.1' port='%d'>\n"
            "        <local address='127.0.0.1' port='%d'/>\n      </source>\n"
            "      <model type='virtio'/>\n    </interface>\n" % (tcp, tcp, mport, u1, u2))
    xml = domain("pc", devs)
    for syntax in ("keyval", "json"):
        tag = "socket NICs (%s)" % syntax
        rc, args, err = gen(xml, syntax)
        ok(tag + ": generated", rc == 0, err)
        if rc:
            continue
        q = Qemu("pc", args)
        ok(tag + ": QEMU starts", q.up, q.stderr())
        if q.up:
            net = q.hmp("info network")
            for nd, what in (("hostnet0", "listen"), ("hostnet1", "connect"),
                             ("hostnet2", "mcast"), ("hostnet3", "udp")):
                ok(tag + ": %s (%s) exists" % (nd, what),
                   re.search(r"%s: index=\d+,type=socket" % nd, net) is not None, net)
            ok(tag + ": four NICs", {"net0", "net1", "net2", "net3"} <= q.peripherals())
            # the listener accepted the client of the same QEMU
            ok(tag + ": listener connected", "connection from 127.0.0.1" in net, net)
        q.close()


# ----------------------------------------------------------------------------
# Tap from fds the test opened itself, as a caller would.

TUNSETIFF = 0x400454ca
IFF_TAP, IFF_NO_PI, IFF_VNET_HDR, IFF_MULTI_QUEUE = 0x0002, 0x1000, 0x4000, 0x0100


def open_tap(name, multi):
    fd = os.open("/dev/net/tun", os.O_RDWR)
    flags = IFF_TAP | IFF_NO_PI | IFF_VNET_HDR | (IFF_MULTI_QUEUE if multi else 0)
    fcntl.ioctl(fd, TUNSETIFF, struct.pack("16sH", name.encode(), flags))
    return fd


def test_tap_ifname():
    try:
        os.close(os.open("/dev/net/tun", os.O_RDWR))
    except OSError as e:
        print("SKIP (tap ifname cases): /dev/net/tun: %s" % e)
        return
    devs = ("    <interface type='ethernet'>\n      <mac address='52:54:00:00:01:01'/>\n"
            "      <target dev='dxe%d' managed='no'/>\n      <model type='virtio'/>\n"
            "    </interface>\n"
            "    <interface type='bridge'>\n      <mac address='52:54:00:00:01:02'/>\n"
            "      <source bridge='br0'/>\n      <model type='e1000e'/>\n"
            "    </interface>\n"
            "    <interface type='direct'>\n      <mac address='52:54:00:00:01:03'/>\n"
            "      <source dev='eth0' mode='bridge'/>\n      <model type='virtio'/>\n"
            "      <driver queues='2'/>\n    </interface>\n" % (os.getpid() % 10000))
    xml = domain("pc", devs)
    pid = os.getpid() % 10000
    opts = ["--ifname", "net1=dxb%d" % pid, "--ifname", "#2=dxd%d" % pid]
    for syntax in ("keyval", "json"):
        tag = "tap by ifname (%s)" % syntax
        rc, args, err = gen(xml, syntax, opts)
        ok(tag + ": generated", rc == 0, err)
        if rc:
            continue
        q = Qemu("pc", args)
        ok(tag + ": QEMU starts", q.up, q.stderr())
        if q.up:
            net = q.hmp("info network")
            for nd, name in (("hostnet0", "dxe"), ("hostnet1", "dxb"), ("hostnet2", "dxd")):
                ok(tag + ": %s on tap %s%d" % (nd, name, pid),
                   re.search(r"%s: index=0,type=tap,ifname=%s%d,script=no,downscript=no" %
                             (nd, name, pid), net) is not None, net)
            ok(tag + ": two queues", "hostnet2: index=1,type=tap" in net, net)
        q.close()


def test_tap():
    devs = ("    <interface type='ethernet'>\n      <mac address='52:54:00:00:01:01'/>\n"
            "      <model type='virtio'/>\n    </interface>\n"
            "    <interface type='bridge'>\n      <mac address='52:54:00:00:01:02'/>\n"
            "      <source bridge='br0'/>\n      <model type='virtio'/>\n"
            "      <driver name='qemu' queues='2'/>\n      <alias name='ua-mq'/>\n"
            "    </interface>\n")
    xml = domain("pc", devs)
    for syntax in ("keyval", "json"):
        tag = "tap fds (%s)" % syntax
        # fresh taps per QEMU: a multiqueue fd keeps the queue state QEMU set
        try:
            fds = [open_tap("dxq%d" % (os.getpid() % 10000), False)]
            mq = [open_tap("dxm%d" % (os.getpid() % 10000), True)]
            mq.append(open_tap("dxm%d" % (os.getpid() % 10000), True))
        except OSError as e:
            print("SKIP (tap cases): cannot create a tap from /dev/net/tun: %s" % e)
            return
        try:
            for f in fds + mq:
                os.set_inheritable(f, True)
            opts = ["--fd", "net0=%d" % fds[0], "--fd", "ua-mq=%d" % mq[0], "--fd",
                    "ua-mq=%d" % mq[1]]
            rc, args, err = gen(xml, syntax, opts)
            ok(tag + ": generated", rc == 0, err)
            if rc:
                continue
            q = Qemu("pc", args, pass_fds=fds + mq)
            ok(tag + ": QEMU starts", q.up, q.stderr())
            if q.up:
                net = q.hmp("info network")
                ok(tag + ": single-queue tap on the fd",
                   re.search(r"hostnet0: index=0,type=tap,fd=%d" % fds[0], net) is not None, net)
                ok(tag + ": two queues of the multiqueue tap",
                   re.search(r"hostua-mq: index=0,type=tap,fd=%d" % mq[0], net) is not None and
                   re.search(r"hostua-mq: index=1,type=tap,fd=%d" % mq[1], net) is not None, net)
                ok(tag + ": mq=on vectors=6", q.get("ua-mq", "mq") is True and
                   q.get("ua-mq", "vectors") == 6)
            q.close()
        finally:
            for f in fds + mq:
                os.close(f)


# ----------------------------------------------------------------------------
# vhost-user against a stub backend run by the test.

VHOST_USER_GET_FEATURES, VHOST_USER_SET_FEATURES, VHOST_USER_SET_OWNER = 1, 2, 3
VHOST_USER_GET_PROTOCOL_FEATURES, VHOST_USER_SET_PROTOCOL_FEATURES = 15, 16
VHOST_USER_GET_QUEUE_NUM = 17


def vhost_stub(path, stop, seen):
    """Answers what vhost-user net asks at start-up: features (none of the
    optional ones but VHOST_USER_F_PROTOCOL_FEATURES), protocol features (MQ),
    queue count; accepts everything else."""
    srv = socket.socket(socket.AF_UNIX)
    srv.bind(path)
    srv.listen(4)
    srv.settimeout(0.2)
    conns = []
    while not stop.is_set():
        try:
            c, _ = srv.accept()
            seen.append("accept")
            c.settimeout(0.2)
            conns.append(c)
        except socket.timeout:
            pass
        for c in list(conns):
            try:
                hdr = c.recv(12)
            except socket.timeout:
                continue
            except OSError:
                conns.remove(c)
                continue
            if len(hdr) < 12:
                conns.remove(c)
                continue
            req, flags, size = struct.unpack("<III", hdr)
            seen.append(req)
            if size:
                c.recv(size)
            reply = None
            if req == VHOST_USER_GET_FEATURES:
                reply = (1 << 30) | (1 << 32)  # PROTOCOL_FEATURES, VERSION_1
            elif req == VHOST_USER_GET_PROTOCOL_FEATURES:
                reply = 1 << 0  # MQ
            elif req == VHOST_USER_GET_QUEUE_NUM:
                reply = 2
            elif flags & 0x8:  # NEED_REPLY
                reply = 0
            if reply is not None:
                c.sendall(struct.pack("<IIIQ", req, 0x1 | 0x4, 8, reply))
    for c in conns:
        c.close()
    srv.close()


def test_vhostuser():
    path = os.path.join(TMP, "vu,1.sock")  # a comma, to prove the escaping too
    stop = threading.Event()
    seen = []
    t = threading.Thread(target=vhost_stub, args=(path, stop, seen), daemon=True)
    t.start()
    time.sleep(0.2)
    devs = ("    <interface type='vhostuser'>\n      <mac address='52:54:00:00:03:01'/>\n"
            "      <source type='unix' path='%s' mode='client'/>\n"
            "      <model type='virtio'/>\n      <driver tx_queue_size='1024'/>\n"
            "    </interface>\n" % path)
    xml = domain("pc", devs)
    try:
        for syntax in ("keyval", "json"):
            tag = "vhost-user (%s)" % syntax
            rc, args, err = gen(xml, syntax)
            ok(tag + ": generated", rc == 0, err)
            if rc:
                continue
            ok(tag + ": chardev stays keyval", args[0] == "-chardev" and
               args[1] == "socket,id=charnet0,path=%s" % path.replace(",", ",,"), args[:2])
            q = Qemu("pc", args)
            ok(tag + ": QEMU starts", q.up, q.stderr())
            if q.up:
                net = q.hmp("info network")
                ok(tag + ": vhost-user netdev", "hostnet0: index=0,type=vhost-user" in net, net)
                ok(tag + ": tx_queue_size 1024 kept", q.get("net0", "tx_queue_size") == 1024)
                r = q.cmd("query-chardev")
                ok(tag + ": chardev charnet0 open",
                   any(c["label"] == "charnet0" and c["frontend-open"] for c in r["return"]), r)
                ok(tag + ": the backend on the comma path was asked for its features",
                   "accept" in seen and VHOST_USER_GET_FEATURES in seen, seen)
            del seen[:]
            q.close()
    finally:
        stop.set()
        t.join()


def serve_vhost(c, stop, seen):
    c.settimeout(0.2)
    while not stop.is_set():
        try:
            hdr = c.recv(12)
        except socket.timeout:
            continue
        except OSError:
            return
        if len(hdr) < 12:
            return
        req, flags, size = struct.unpack("<III", hdr)
        seen.append(req)
        if size:
            c.recv(size)
        reply = None
        if req == VHOST_USER_GET_FEATURES:
            reply = (1 << 30) | (1 << 32)
        elif req == VHOST_USER_GET_PROTOCOL_FEATURES:
            reply = 1 << 0
        elif req == VHOST_USER_GET_QUEUE_NUM:
            reply = 2
        elif flags & 0x8:
            reply = 0
        if reply is not None:
            c.sendall(struct.pack("<IIIQ", req, 0x1 | 0x4, 8, reply))


def test_vhostuser_server():
    """mode='server': QEMU listens and waits (no wait=off) until the backend
    connects; the stub connects as a client once the socket exists."""
    path = os.path.join(TMP, "vu-server.sock")
    devs = ("    <interface type='vhostuser'>\n      <mac address='52:54:00:00:03:02'/>\n"
            "      <source type='unix' path='%s' mode='server'/>\n"
            "      <model type='virtio'/>\n      <driver queues='2'/>\n"
            "    </interface>\n" % path)
    xml = domain("pc", devs)
    for syntax in ("keyval", "json"):
        tag = "vhost-user server (%s)" % syntax
        rc, args, err = gen(xml, syntax)
        ok(tag + ": generated", rc == 0, err)
        if rc:
            continue
        ok(tag + ": server=on without wait=off", args[1].endswith(",server=on"), args[1])
        stop, seen = threading.Event(), []

        def client():
            deadline = time.time() + 15
            while time.time() < deadline and not stop.is_set():
                try:
                    c = socket.socket(socket.AF_UNIX)
                    c.connect(path)
                except OSError:
                    time.sleep(0.05)
                    continue
                seen.append("connected")
                serve_vhost(c, stop, seen)
                c.close()
                return
        t = threading.Thread(target=client, daemon=True)
        t.start()
        q = Qemu("pc", args)
        ok(tag + ": QEMU starts once the backend connected", q.up and "connected" in seen,
           q.stderr())
        if q.up:
            net = q.hmp("info network")
            ok(tag + ": two vhost-user queues", "hostnet0: index=0,type=vhost-user" in net and
               "hostnet0: index=1,type=vhost-user" in net, net)
            ok(tag + ": mq", q.get("net0", "mq") is True)
        q.close()
        stop.set()
        t.join()
        if os.path.exists(path):
            os.unlink(path)


# ----------------------------------------------------------------------------
# Every hostdev kind started alone: it must fail for the missing hardware
# only (never for an unknown or malformed property); usb-host by vendor and
# product starts and waits.

def test_hostdevs():
    cases = [
        ("vfio-pci with rom/boot/multifunction", "pc", [],
         "    <hostdev mode='subsystem' type='pci' managed='yes'>\n      <source>\n"
         "        <address domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>\n      </source>\n"
         "      <boot order='1'/>\n      <rom bar='on' file='/nonexistent/rom,v2.bin'/>\n"
         "      <address type='pci' domain='0x0000' bus='0x00' slot='0x05' function='0x0' "
         "multifunction='on'/>\n    </hostdev>\n",
         ("no such host device", "no iommu_group")),
        ("vfio-pci with display and ramfb (vfio-pci-nohotplug)", "pc", [],
         "    <hostdev mode='subsystem' type='pci' managed='yes' display='on' ramfb='on'>\n"
         "      <source>\n        <address domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>\n"
         "      </source>\n" + pciaddr(0, 5) + "    </hostdev>\n",
         ("no such host device", "no iommu_group")),
        ("<interface type='hostdev'>", "q35", [],
         "    <interface type='hostdev' managed='yes'>\n      <mac address='52:54:00:00:00:09'/>\n"
         "      <source>\n        <address type='pci' domain='0x0000' bus='0x03' slot='0x07' "
         "function='0x1'/>\n      </source>\n      <boot order='3'/>\n    </interface>\n",
         ("no such host device", "no iommu_group")),
        ("usb-host by bus/device", "pc", ["-device", "qemu-xhci,id=usb"],
         "    <controller type='usb' index='0' model='qemu-xhci'/>\n"
         "    <hostdev mode='subsystem' type='usb' managed='no'>\n"
         "      <source guestReset='off'>\n        <address bus='14' device='6'/>\n      </source>\n"
         "      <boot order='2'/>\n      <address type='usb' bus='0' port='1'/>\n    </hostdev>\n",
         # 7.2 says the first two, 10.0 the third
         ("failed to find host usb device 14:6", "failed to open /dev/bus/usb/014/006",
          "Could not open '/dev/bus/usb/014/006'")),
        ("mdev vfio-pci display", "pc", [],
         "    <hostdev mode='subsystem' type='mdev' model='vfio-pci' display='off'>\n"
         "      <source>\n        <address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/>\n"
         "      </source>\n" + pciaddr(0, 6) + "    </hostdev>\n",
         ("no such host device",)),
        ("mdev vfio-pci ramfb", "pc", [],
         "    <hostdev mode='subsystem' type='mdev' model='vfio-pci' display='on' ramfb='on'>\n"
         "      <source>\n        <address uuid='53764d0e-85a0-42b4-af5c-2046b460b1dc'/>\n"
         "      </source>\n" + pciaddr(0, 6) + "    </hostdev>\n",
         ("no such host device",)),
    ]
    for name, machine, extra, devs, want in cases:
        ctl = ""
        if "controller" in devs:
            ctl, devs = devs.split("\n", 1)[0] + "\n", devs.split("\n", 1)[1]
        xml = domain(machine, devs, ctl)
        for syntax in ("keyval", "json"):
            tag = "hostdev %s (%s)" % (name, syntax)
            rc, args, err = gen(xml, syntax)
            ok(tag + ": generated", rc == 0, err)
            if rc:
                continue
            msg = run_fail(machine, extra + args).strip()
            ok(tag + ": fails for the missing hardware only",
               any(w in msg for w in want) and not BAD_PROPERTY.search(msg), msg)
    # Devices whose fd or file the caller gives: /dev/null stands in for the
    # device, so QEMU parses every property and fails in the ioctl.
    null = os.open("/dev/null", os.O_RDWR)
    try:
        os.set_inheritable(null, True)
        fd_cases = [
            ("vhost-scsi with the caller's fd", ["--vhostscsifd", "hostdev0=%d" % null], "",
             "    <hostdev mode='subsystem' type='scsi_host'>\n"
             "      <source protocol='vhost' wwpn='naa.5123456789abcde0'/>\n" + pciaddr(0, 7) +
             "    </hostdev>\n", [], ("vhost_set_owner failed", "vhost-scsi")),
            ("vdpa through -add-fd", ["--vdpafd", "net0=%d" % null], "",
             "    <interface type='vdpa'>\n      <mac address='52:54:00:00:03:03'/>\n"
             "      <source dev='/dev/vhost-vdpa-0'/>\n      <model type='virtio'/>\n"
             "      <driver queues='2'/>\n    </interface>\n", [],
             ("Fail to query features from vhost-vDPA device",)),
            ("SCSI on virtio-scsi (channel, lun)", ["--sg", "hostdev0=/dev/null"],
             "    <controller type='scsi' index='0' model='virtio-scsi'/>\n",
             "    <hostdev mode='subsystem' type='scsi'>\n      <source>\n"
             "        <adapter name='scsi_host0'/>\n        <address bus='0' target='0' unit='0'/>\n"
             "      </source>\n      <readonly/>\n"
             "      <address type='drive' controller='0' bus='0' target='4' unit='8'/>\n"
             "    </hostdev>\n", ["-device", "virtio-scsi-pci,id=scsi0"],
             ("cannot get SG_IO version number",)),
            ("SCSI on lsi (unit only)", ["--sg", "hostdev0=/dev/null"],
             "    <controller type='scsi' index='1'/>\n",
             "    <hostdev mode='subsystem' type='scsi'>\n      <source>\n"
             "        <adapter name='scsi_host0'/>\n        <address bus='0' target='0' unit='0'/>\n"
             "      </source>\n      <boot order='1'/>\n"
             "      <address type='drive' controller='1' bus='0' target='0' unit='3'/>\n"
             "    </hostdev>\n", ["-device", "lsi,id=scsi1"],
             ("cannot get SG_IO version number",)),
            ("iSCSI", [], "    <controller type='scsi' index='0' model='virtio-scsi'/>\n",
             "    <hostdev mode='subsystem' type='scsi'>\n"
             "      <source protocol='iscsi' name='iqn.1992-01.com.example/1'>\n"
             "        <host name='127.0.0.1' port='1'/>\n      </source>\n"
             "      <address type='drive' controller='0' bus='0' target='2' unit='5'/>\n"
             "    </hostdev>\n", ["-device", "virtio-scsi-pci,id=scsi0"],
             ("iSCSI: Failed to connect",)),
        ]
        for name, opts, ctl, devs, extra, want in fd_cases:
            xml = domain("pc", devs, ctl)
            for syntax in ("keyval", "json"):
                tag = "%s (%s)" % (name, syntax)
                rc, args, err = gen(xml, syntax, opts)
                ok(tag + ": generated", rc == 0, err)
                if rc:
                    continue
                try:
                    p = subprocess.run([QEMU, "-machine", "pc", "-accel", "tcg", "-nodefaults",
                                        "-display", "none", "-S"] + extra + args,
                                       capture_output=True, text=True, timeout=20,
                                       stdin=subprocess.DEVNULL, pass_fds=(null,))
                    msg = p.stderr.strip()
                except subprocess.TimeoutExpired:
                    msg = "(timed out)"
                ok(tag + ": fails in the device, not on a property",
                   any(w in msg for w in want) and not BAD_PROPERTY.search(msg), msg)
    finally:
        os.close(null)
    # vendor/product: QEMU starts and waits for the device
    xml = domain("pc", "    <hostdev mode='subsystem' type='usb' managed='no'>\n      <source>\n"
                 "        <vendor id='0x1234'/>\n        <product id='0xbeef'/>\n      </source>\n"
                 "      <alias name='ua-key'/>\n    </hostdev>\n",
                 "    <controller type='usb' index='0' model='qemu-xhci'/>\n")
    for syntax in ("keyval", "json"):
        tag = "hostdev usb-host by vendor/product (%s)" % syntax
        rc, args, err = gen(xml, syntax)
        ok(tag + ": generated", rc == 0, err)
        if rc:
            continue
        q = Qemu("pc", ["-device", "qemu-xhci,id=usb"] + args)
        ok(tag + ": QEMU starts", q.up, q.stderr())
        if q.up:
            ok(tag + ": vendorid", q.get("ua-key", "vendorid") == 0x1234)
            ok(tag + ": productid", q.get("ua-key", "productid") == 0xbeef)
        q.close()


# ----------------------------------------------------------------------------
# Hot-plug: the QMP commands sent to a running QEMU.

def test_hotplug():
    ctl, ctl_args = q35_ports(4)
    standby = ("    <interface type='user'>\n      <mac address='52:54:00:6d:90:02'/>\n"
               "      <model type='virtio'/>\n      <teaming type='persistent'/>\n"
               "      <link state='down'/>\n      <alias name='ua-standby'/>\n" + pciaddr(1) +
               "    </interface>\n")
    vf = ("<hostdev mode='subsystem' type='pci' managed='no'>\n  <source>\n"
          "    <address domain='0x0000' bus='0x81' slot='0x10' function='0x2'/>\n  </source>\n"
          "  <teaming type='transient' persistent='ua-standby'/>\n  <alias name='ua-vf0'/>\n"
          "  <address type='pci' domain='0x0000' bus='0x02' slot='0x00' function='0x0'/>\n"
          "</hostdev>\n")
    # The domain the standby comes from needs its partner; the VF comes
    # from a standalone document, as around a migration.
    dom_xml = domain("q35", standby + "    " + vf.replace("\n<", "\n    <").replace("\n  ", "\n      "),
                     ctl)
    q = Qemu("q35", ctl_args)
    ok("hotplug: QEMU starts", q.up, q.stderr())
    if not q.up:
        q.close()
        return
    rc, cmds, err = gen(dom_xml, "json", ["--hotplug", "--alias", "ua-standby"], hotplug=True)
    # the standby, then its primary (the primary is plugged below from its
    # own document, as around a migration)
    ok("hotplug standby: generated", rc == 0 and [c["execute"] for c in cmds] ==
       ["netdev_add", "device_add", "set_link", "device_add"] and
       cmds[3]["arguments"]["failover_pair_id"] == "ua-standby", (err, cmds))
    for c in (cmds or [])[:3]:
        r = q.cmd(None, raw=c)
        ok("hotplug standby: %s accepted" % c["execute"], "return" in r, r)
    ok("hotplug standby: exists with failover", q.get("ua-standby", "failover") is True)
    rc, cmds, err = gen(vf, "json", ["--hotplug", "--bus", "2=pci.2"], hotplug=True)
    ok("hotplug VF: generated", rc == 0 and [c["execute"] for c in cmds] == ["device_add"],
       (err, cmds))
    for c in cmds or []:
        r = q.cmd(None, raw=c)
        ok("hotplug VF: device_add accepted (primary hidden)", "return" in r, r)
    ok("hotplug VF: hidden", "ua-vf0" not in q.peripherals())
    r = q.cmd("device_add", {"driver": "e1000e", "id": "probe", "failover_pair_id": "ua-standby",
                             "bus": "pci.3"})
    ok("hotplug VF: paired (second primary refused)", r.get("error", {}).get("desc") ==
       "Cannot attach more than one primary device to 'ua-standby': 'ua-vf0' and 'probe'", r)
    # A tap NIC whose fd travels by name: getfd with the fd, then the netdev.
    try:
        tap = open_tap("dxh%d" % (os.getpid() % 10000), False)
    except OSError as e:
        tap = None
        print("SKIP (tap hot-plug): %s" % e)
    if tap is not None:
        nic = ("<interface type='bridge'>\n  <mac address='52:54:00:00:05:01'/>\n"
               "  <source bridge='br0'/>\n  <model type='virtio'/>\n  <alias name='ua-hot'/>\n"
               "  <address type='pci' domain='0x0000' bus='0x03' slot='0x00' function='0x0'/>\n"
               "</interface>\n")
        rc, cmds, err = gen(nic, "json", ["--hotplug", "--fd", "ua-hot=hotfd", "--machine", "q35",
                                          "--bus", "3=pci.3"], hotplug=True)
        ok("hotplug tap: generated", rc == 0 and [c["execute"] for c in cmds] ==
           ["getfd", "netdev_add", "device_add"], (err, cmds))
        for c in cmds or []:
            r = q.cmd(None, raw=c, fds=[tap] if c["execute"] == "getfd" else None)
            ok("hotplug tap: %s accepted" % c["execute"], "return" in r, r)
        os.close(tap)
        net = q.hmp("info network")
        ok("hotplug tap: netdev on the passed fd", "hostua-hot: index=0,type=tap,fd=" in net, net)
        ok("hotplug tap: NIC plugged", q.get("ua-hot", "netdev") == "hostua-hot")
        r = q.cmd("device_del", {"id": "ua-hot"})
        ok("hotplug tap: device_del accepted", "return" in r, r)
    # vhost-user: chardev-add first (the stub backend listens), then the netdev.
    path = os.path.join(TMP, "vu-hot.sock")
    stop, seen = threading.Event(), []
    t = threading.Thread(target=vhost_stub, args=(path, stop, seen), daemon=True)
    t.start()
    time.sleep(0.2)
    vu = ("<interface type='vhostuser'>\n  <mac address='52:54:00:00:05:02'/>\n"
          "  <source type='unix' path='%s' mode='client'/>\n  <model type='virtio'/>\n"
          "  <alias name='ua-vu'/>\n"
          "  <address type='pci' domain='0x0000' bus='0x04' slot='0x00' function='0x0'/>\n"
          "</interface>\n" % path)
    rc, cmds, err = gen(vu, "json", ["--hotplug", "--bus", "4=pci.4"], hotplug=True)
    ok("hotplug vhost-user: generated", rc == 0 and [c["execute"] for c in cmds] ==
       ["chardev-add", "netdev_add", "device_add"], (err, cmds))
    for c in cmds or []:
        r = q.cmd(None, raw=c)
        ok("hotplug vhost-user: %s accepted" % c["execute"], "return" in r, r)
    ok("hotplug vhost-user: backend asked for features", VHOST_USER_GET_FEATURES in seen, seen)
    ok("hotplug vhost-user: NIC plugged", q.get("ua-vu", "netdev") == "hostua-vu")
    stop.set()
    t.join()
    # vhost-user in server mode: chardev-add listens without waiting
    # ("wait":false); netdev_add waits for the backend, which connects.
    spath = os.path.join(TMP, "vu-hot-server.sock")
    stop2, seen2 = threading.Event(), []

    def late_client():
        deadline = time.time() + 15
        while time.time() < deadline and not stop2.is_set():
            try:
                c = socket.socket(socket.AF_UNIX)
                c.connect(spath)
            except OSError:
                time.sleep(0.05)
                continue
            seen2.append("connected")
            serve_vhost(c, stop2, seen2)
            c.close()
            return
    vus = ("<interface type='vhostuser'>\n  <mac address='52:54:00:00:05:03'/>\n"
           "  <source type='unix' path='%s' mode='server'/>\n  <model type='virtio'/>\n"
           "  <alias name='ua-vus'/>\n"
           "  <address type='pci' domain='0x0000' bus='0x02' slot='0x00' function='0x0'/>\n"
           "</interface>\n" % spath)
    rc, cmds, err = gen(vus, "json", ["--hotplug", "--bus", "2=pci.2"], hotplug=True)
    ok("hotplug vhost-user server: generated", rc == 0 and
       cmds[0]["arguments"]["backend"]["data"].get("wait") is False and
       cmds[0]["arguments"]["backend"]["data"].get("server") is True, (err, cmds))
    r = q.cmd(None, raw=cmds[0]) if rc == 0 else {}
    ok("hotplug vhost-user server: chardev-add accepted without a backend", "return" in r, r)
    t2 = threading.Thread(target=late_client, daemon=True)
    t2.start()
    for c in (cmds or [])[1:]:
        r = q.cmd(None, raw=c)
        ok("hotplug vhost-user server: %s accepted" % c["execute"], "return" in r, r)
    ok("hotplug vhost-user server: backend connected", "connected" in seen2, seen2)
    stop2.set()
    t2.join()
    # The pair's unplug: the primary first, each device_del followed by the
    # event to wait for, then the standby's netdev. Without a guest, PCIe
    # unplug never completes, and the primary is hidden until a guest
    # negotiates failover: only the standby's device_del is sent here.
    rc, cmds, err = gen(dom_xml, "json", ["--unplug", "--alias", "ua-standby"], hotplug=True)
    ok("unplug standby: generated", rc == 0 and cmds == [
        {"execute": "device_del", "arguments": {"id": "ua-vf0"}},
        {"event": "DEVICE_DELETED", "data": {"device": "ua-vf0"}},
        {"execute": "device_del", "arguments": {"id": "ua-standby"}},
        {"event": "DEVICE_DELETED", "data": {"device": "ua-standby"}},
        {"execute": "netdev_del", "arguments": {"id": "hostua-standby"}}], (err, cmds))
    r = q.cmd(None, raw=cmds[2]) if rc == 0 else {}
    ok("unplug standby: device_del accepted", "return" in r, r)
    q.close()


def tun_fds(pid):
    n = 0
    for fd in os.listdir("/proc/%d/fd" % pid):
        try:
            n += os.readlink("/proc/%d/fd/%s" % (pid, fd)) == "/dev/net/tun"
        except OSError:
            pass
    return n


def run_commands(q, name, cmds, fds=None):
    """Send each command; wait for each event line."""
    for c in cmds:
        if "event" in c:
            ok("%s: %s %s arrived" % (name, c["event"], c["data"]["device"]),
               q.wait_event(c) is not None)
            continue
        r = q.cmd(None, raw=c, fds=fds if c["execute"] == "getfd" else None)
        ok("%s: %s accepted" % (name, c["execute"]), "return" in r, r)


def test_unplug():
    """A whole unplug on a device QEMU removes without a guest (USB): the
    device, then its netdev, and the tap fd is closed."""
    try:
        tap = open_tap("dxu%d" % (os.getpid() % 10000), False)
    except OSError as e:
        print("SKIP (unplug): /dev/net/tun: %s" % e)
        return
    q = Qemu("q35", ["-device", "qemu-xhci,id=usb"])
    ok("unplug: QEMU starts", q.up, q.stderr())
    if not q.up:
        os.close(tap)
        q.close()
        return
    nic = ("<interface type='bridge'>\n  <mac address='52:54:00:00:06:01'/>\n"
           "  <source bridge='br0'/>\n  <model type='usb-net'/>\n  <alias name='ua-usb'/>\n"
           "</interface>\n")
    rc, cmds, err = gen(nic, "json", ["--hotplug", "--fd", "ua-usb=usbfd"], hotplug=True)
    ok("unplug: plug generated", rc == 0 and [c["execute"] for c in cmds] ==
       ["getfd", "netdev_add", "device_add"], (err, cmds))
    run_commands(q, "unplug: plug", cmds or [], fds=[tap])
    os.close(tap)
    ok("unplug: QEMU holds the tap", tun_fds(q.p.pid) == 1, tun_fds(q.p.pid))
    rc, cmds, err = gen(nic, "json", ["--unplug", "--alias", "ua-usb"], hotplug=True)
    ok("unplug: generated", rc == 0 and cmds == [
        {"execute": "device_del", "arguments": {"id": "ua-usb"}},
        {"event": "DEVICE_DELETED", "data": {"device": "ua-usb"}},
        {"execute": "netdev_del", "arguments": {"id": "hostua-usb"}}], (err, cmds))
    run_commands(q, "unplug", cmds or [])
    ok("unplug: device gone", "ua-usb" not in q.peripherals())
    net = q.hmp("info network")
    ok("unplug: netdev gone", "hostua-usb" not in net, net)
    ok("unplug: tap fd closed", tun_fds(q.p.pid) == 0, tun_fds(q.p.pid))
    q.close()


TESTS = (test_teaming, test_nics, test_nics_q35, test_sockets, test_tap, test_tap_ifname,
         test_vhostuser, test_vhostuser_server, test_hostdevs, test_hotplug, test_unplug)


def judges():
    """(what, path) of each QEMU to run against; path None when absent."""
    installed = os.environ.get("DOMXML_QEMU") or shutil.which("qemu-system-x86_64")
    backports = os.environ.get("DOMXML_QEMU_BACKPORTS")
    if not backports:
        for top in (os.environ.get("DOMXML_BUILDDIR", "."), os.environ.get("DOMXML_SRCDIR", ".")):
            backports = os.path.join(top, ".deps-extra", "qemu-backports", "qemu-system-x86_64")
            if os.access(backports, os.X_OK):
                break
    return [("installed QEMU (qemu-system-x86_64)", installed),
            ("bookworm-backports QEMU (tests/fetch-qemu-backports.sh)", backports)]


def qemu_version(path):
    p = subprocess.run([path, "--version"], capture_output=True, text=True, timeout=20,
                       stdin=subprocess.DEVNULL)
    m = re.search(r"version (\d+)\.(\d+)", p.stdout)
    return (int(m.group(1)), int(m.group(2))) if m else None


def main():
    global QEMU, QEMU_VERSION, PASS, FAIL, SKIPPED, TMP
    total_pass = total_fail = runs = 0
    for what, path in judges():
        if not path or not os.access(path, os.X_OK):
            print("SKIP: %s not found" % what)
            continue
        version = qemu_version(path)
        if not version:
            print("SKIP: %s (%s) does not say its version" % (what, path))
            continue
        QEMU, QEMU_VERSION, PASS, FAIL, SKIPPED = path, version, 0, 0, []
        TMP = tempfile.mkdtemp(prefix="domxml-qemu-")
        print("== QEMU %d.%d: %s, generated with [%s]"
              % (version + (path, " ".join(target_opts()))))
        for t in TESTS:
            before = PASS + FAIL
            t()
            print("%s: %d checks" % (t.__name__, PASS + FAIL - before))
        for s in SKIPPED:
            print("SKIP: " + s)
        print("QEMU %d.%d: %d passed, %d failed, %d skipped"
              % (version + (PASS, FAIL, len(SKIPPED))))
        total_pass, total_fail, runs = total_pass + PASS, total_fail + FAIL, runs + 1
        shutil.rmtree(TMP, ignore_errors=True)
    if not runs:
        print("SKIP: no QEMU (Debian: apt-get install qemu-system-x86; "
              "tests/fetch-qemu-backports.sh for the second one)")
        return 77
    print("%d passed, %d failed" % (total_pass, total_fail))
    return 1 if total_fail else 0


if __name__ == "__main__":
    sys.exit(main())
