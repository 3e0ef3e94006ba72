#!/bin/sh
# Put libvirt 11.3.0 (Debian bookworm-backports: libvirt0 and libvirt-common)
# into DIR (default ./libvirt-11.3, in the build tree) for the second live
# judge (tests/check-libvirt-11.sh) and its schema (tests/check-schemas.sh).
# Nothing is installed: apt-get runs with a private configuration (its own
# source list, package lists and cache under DIR/apt), `apt-get download`
# fetches the two packages and `dpkg -x` unpacks them into DIR/root. The
# system's libvirt and apt state stay as they are. Needs the network;
# exits non-zero (and leaves no DIR/root) when the packages cannot be had.
set -eu
dir="${1:-libvirt-11.3}"
want="11.3."
mkdir -p "$dir" && dir=$(cd "$dir" && pwd)
rm -rf "$dir/root" "$dir/debs"
mkdir -p "$dir/apt/lists/partial" "$dir/apt/cache/archives/partial" "$dir/debs"
echo "deb http://deb.debian.org/debian bookworm-backports main" >"$dir/apt/sources.list"
set -- -o "Dir::Etc::SourceList=$dir/apt/sources.list" -o "Dir::Etc::SourceParts=/dev/null" \
    -o "Dir::State::Lists=$dir/apt/lists" -o "Dir::Cache=$dir/apt/cache" \
    -o "APT::Sandbox::User=$(id -un)" -o "Debug::NoLocking=1"
apt-get "$@" -qq update
version=$(apt-cache "$@" show libvirt0 2>/dev/null | awk '/^Version: /{ print $2 }' |
    grep "^$want" | sort -V | tail -n 1)
if [ -z "$version" ]; then
    echo "fetch-libvirt: no libvirt0 $want* in bookworm-backports" >&2
    exit 1
fi
(cd "$dir/debs" && apt-get "$@" -qq download "libvirt0=$version" "libvirt-common=$version")
for deb in "$dir"/debs/*.deb; do
    dpkg -x "$deb" "$dir/root.new"
done
mv "$dir/root.new" "$dir/root"
echo "fetch-libvirt: libvirt0 $version in $dir/root"
