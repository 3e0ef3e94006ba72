#!/bin/sh
# domxml argv against libvirt's qemuxml2argvdata (tests/argv_conformance.py):
# SKIP when python3 or the corpus is absent.
set -u
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 not found"
    exit 77
fi
exec python3 "${DOMXML_SRCDIR:-.}/tests/argv_conformance.py"
