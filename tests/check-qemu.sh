#!/bin/sh
# Real QEMU (qemu-system-x86_64, TCG, -S) against domxml argv: tests/qemu_argv.py.
# SKIP (77) when QEMU or python3 is absent.
set -u
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 not found"
    exit 77
fi
exec python3 "${DOMXML_SRCDIR:-.}/tests/qemu_argv.py"
