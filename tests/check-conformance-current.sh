#!/bin/sh
# domxml argv against current libvirt's qemuxmlconfdata (tests/argv_conformance_current.py):
# SKIP when python3 or the corpus (../shared/corpus/libvirt-current) is absent.
set -u
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 not found"
    exit 77
fi
exec python3 "${DOMXML_SRCDIR:-.}/tests/argv_conformance_current.py"
