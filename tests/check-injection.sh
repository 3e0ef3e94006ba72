#!/bin/sh
# Injection tests of domxml argv (tests/argv_injection.py); SKIP without python3.
set -u
if ! command -v python3 >/dev/null 2>&1; then
    echo "SKIP: python3 not found"
    exit 77
fi
exec python3 "${DOMXML_SRCDIR:-.}/tests/argv_injection.py"
