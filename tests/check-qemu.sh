#!/bin/sh
# Real QEMU (qemu-system-x86_64, TCG, -S) against domxml argv: tests/qemu_argv.py,
# once per QEMU found: the installed one and the bookworm-backports one that
# tests/fetch-qemu-backports.sh unpacks in .deps-extra/.
# SKIP (77) when python3 or both QEMUs are absent.
set -u
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 not found"
    exit 77
fi
exec python3 "${DOMXML_SRCDIR:-.}/tests/qemu_argv.py"
