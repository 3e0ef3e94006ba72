#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Seed inputs for the fuzz harnesses: every document of tests/data (and
examples/, and the libvirt corpus when its directory exists) with the
option bytes of each harness (fuzz/README.md has the layouts).

    fuzz/make-seeds.py SRCDIR CORPUSDIR OUTDIR   -> OUTDIR/{parse,argv,edit}/
Prints the number of documents."""
import glob
import os
import sys


def main():
    src, corpus, out = sys.argv[1:4]
    docs = []
    for pat in ("tests/data/*.xml", "tests/data/invalid/*.xml", "tests/data/argv/*.xml",
                "examples/*.xml"):
        docs += sorted(glob.glob(os.path.join(src, pat)))
    if os.path.isdir(corpus):
        docs += sorted(glob.glob(os.path.join(corpus, "**", "*.xml"), recursive=True))
    for h in ("parse", "argv", "edit"):
        os.makedirs(os.path.join(out, h), exist_ok=True)

    def put(h, name, data):
        with open(os.path.join(out, h, name), "wb") as f:
            f.write(data)

    for n, path in enumerate(docs):
        doc = open(path, "rb").read()
        put("parse", "%d" % n, b"\0" + doc)
        # argv: plain; q35 with ifnames and vhost fds; fd names; a bus list, no linking
        for opt in (0, 21, 8, 96):
            put("argv", "%d.%d" % (n, opt), bytes([opt]) + doc)
        # edit: none; each kind of edit on the first devices with values in
        # range, out of range and hostile; an injected allocation failure
        put("edit", "%d.none" % n, b"\0\0" + doc)
        for op in range(10):
            put("edit", "%d.op%d" % (n, op),
                bytes([0, 3, op, 0, 3, op, 1, 0xf1, op, 2, 0xc5]) + doc)
        put("edit", "%d.alloc" % n, bytes([1, n % 97, 2, 6, 0, 0xf1, 5, 1, 0xc5]) + doc)
    print(len(docs))


if __name__ == "__main__":
    main()
