#!/bin/sh
# The live judge (tests/check_libvirt) against libvirt 11.3.0 from
# bookworm-backports, which tests/fetch-libvirt.sh unpacks into the build
# tree: its libvirt.so.0 is loaded with LD_LIBRARY_PATH. SKIP when it is
# absent (a machine without the network, or `make distcheck`).
set -u
build="${DOMXML_BUILDDIR:-.}"
lib=$(find "$build/libvirt-11.3/root/usr/lib" -name libvirt.so.0 2>/dev/null | head -n 1)
if [ -z "$lib" ]; then
    echo "SKIP: libvirt 11.3 not in the build tree (run tests/fetch-libvirt.sh)"
    exit 77
fi
LD_LIBRARY_PATH="${lib%/*}${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
export LD_LIBRARY_PATH
out=$("$build/tests/check_libvirt")
rc=$?
printf '%s\n' "$out"
# The judge must have run against 11.3, not the system's libvirt.
if [ $rc = 0 ] && ! printf '%s\n' "$out" | grep -q '^live judge, fixtures (libvirt 11\.3\.'; then
    echo "FAIL: the judge did not load libvirt 11.3 from $lib"
    exit 1
fi
exit $rc
