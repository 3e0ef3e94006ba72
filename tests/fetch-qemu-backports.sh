#!/bin/sh
# SPDX-License-Identifier: LGPL-2.1-or-later
# A second real QEMU for tests/qemu_argv.py: Debian 12's bookworm-backports
# qemu-system-x86 (10.0), unpacked beside the installed 7.2 without
# installing or upgrading anything. Run as root on Debian 12 (.ci/run does).
#
#   tests/fetch-qemu-backports.sh [DEST]     (default: .deps-extra/qemu-backports)
#
# DEST/usr/...            the packages, unpacked with dpkg -x
# DEST/qemu-system-x86_64 a wrapper: LD_LIBRARY_PATH and the packages' own
#                         firmware (-L), then exec (same pid, fds kept)
# Idempotent: a DEST whose wrapper answers --version is kept. Never fails:
# when anything is missing it says why and exits 0 (the test then skips).
set -u
here=$(cd "$(dirname "$0")/.." && pwd)
dest=${1:-$here/.deps-extra/qemu-backports}
suite=bookworm-backports
list=/etc/apt/sources.list.d/$suite.sources

skip() {
    echo "fetch-qemu-backports: SKIP: $*" >&2
    exit 0
}

if [ -x "$dest/qemu-system-x86_64" ] && "$dest/qemu-system-x86_64" --version >/dev/null 2>&1; then
    echo "fetch-qemu-backports: $("$dest/qemu-system-x86_64" --version | head -n 1) in $dest"
    exit 0
fi
command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1 || skip "not a Debian system"
grep -qs '^VERSION_CODENAME=bookworm' /etc/os-release || skip "not Debian 12 (bookworm)"

# The suite, in a list file of its own. Backports are NotAutomatic: nothing
# installed is upgraded from it unless asked by name.
if ! grep -qrs "$suite" /etc/apt/sources.list /etc/apt/sources.list.d/; then
    [ "$(id -u)" -eq 0 ] || skip "$suite is not in the apt sources and this is not root"
    cat >"$list" <<EOF || skip "cannot write $list"
Types: deb
URIs: http://deb.debian.org/debian
Suites: $suite
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
    apt-get update -qq >/dev/null 2>&1 || skip "apt-get update failed"
elif ! apt-cache policy qemu-system-x86 2>/dev/null | grep -q "$suite"; then
    apt-get update -qq >/dev/null 2>&1 || skip "apt-get update failed"
fi
apt-cache policy qemu-system-x86 2>/dev/null | grep -q "$suite" || skip "no qemu-system-x86 in $suite"

work=$(mktemp -d) || skip "mktemp failed"
trap 'rm -rf "$work"' EXIT
# The emulator, its data (keymaps, option ROMs), the SeaBIOS it wants
# (bookworm's 1.16.2 is older than its 'seabios (>> 1.16.3-1~)') and its
# loadable modules (usb-host in -common, iscsi in -block-extra: QEMU loads
# only modules of its own build).
pkgs="qemu-system-x86/$suite qemu-system-data/$suite seabios/$suite"
pkgs="$pkgs qemu-system-common/$suite qemu-block-extra/$suite"
# Its shared libraries that this machine lacks (bookworm's versions satisfy
# the rest: the installed QEMU 7.2 needs most of them too), and those of the
# two modules the tests load.
deps=$(apt-cache show "qemu-system-x86/$suite" 2>/dev/null | sed -n 's/^Depends: //p' | head -n 1 |
       tr ',' '\n' | sed 's/^ *//; s/[ (].*//' | grep '^lib')
deps="$deps libusb-1.0-0 libiscsi7"
for d in $deps; do
    dpkg -s "$d" 2>/dev/null | grep -q '^Status: install ok installed' || pkgs="$pkgs $d"
done
(cd "$work" && apt-get download -o APT::Sandbox::User=root $pkgs >/dev/null 2>&1) ||
    skip "apt-get download failed: $pkgs"
mkdir -p "$work/root"
for deb in "$work"/*.deb; do
    dpkg -x "$deb" "$work/root" || skip "dpkg -x $deb failed"
done
rm -rf "$work/root/usr/share/doc" "$work/root/usr/share/man"
cat >"$work/root/qemu-system-x86_64" <<'EOF'
#!/bin/sh
# Written by tests/fetch-qemu-backports.sh: the unpacked QEMU with its own
# libraries and firmware, ahead of the system's.
d=$(cd "$(dirname "$0")" && pwd)
LD_LIBRARY_PATH=$d/usr/lib/x86_64-linux-gnu:$d/lib/x86_64-linux-gnu${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
QEMU_MODULE_DIR=$d/usr/lib/x86_64-linux-gnu/qemu
export LD_LIBRARY_PATH QEMU_MODULE_DIR
exec "$d/usr/bin/qemu-system-x86_64" -L "$d/usr/share/qemu" -L "$d/usr/share/seabios" "$@"
EOF
chmod +x "$work/root/qemu-system-x86_64"
"$work/root/qemu-system-x86_64" --version >/dev/null 2>&1 ||
    skip "the unpacked QEMU does not run: $("$work/root/qemu-system-x86_64" --version 2>&1 | head -n 1)"
rm -rf "$dest"
mkdir -p "$(dirname "$dest")" && mv "$work/root" "$dest" || skip "cannot move it to $dest"
echo "fetch-qemu-backports: $("$dest/qemu-system-x86_64" --version | head -n 1) in $dest"
