#!/usr/bin/env python3
# SPDX-License-Identifier: LGPL-2.1-or-later
"""Write schemas/numbers.rng: the number and address syntaxes of libdomxml's
parser as XML Schema regular expressions (exact lexical forms, ranges
included), for the hand-written schemas to reference.

    python3 schemas/gen-numbers.py > schemas/numbers.rng

The parser's number syntaxes (lib/values.c, domxml__parse_ullong):
  dec   decimal digits only, leading zeros allowed
  hex   optional 0x/0X, then hexadecimal digits
  auto  0x/0X + hexadecimal, or 0 + octal digits, or plain decimal
No sign, no white space; a value above the field's maximum is refused.
"""

DIGITS = "0123456789abcdef"


def cls(base, lo, hi):
    """A character class for the digits lo..hi of base (hex: either case)."""
    if lo > hi:
        return None
    chars = []
    for d in range(lo, hi + 1):
        c = DIGITS[d]
        chars.append(c)
        if c.isalpha():
            chars.append(c.upper())
    if len(chars) == 1:
        return chars[0]
    # compress runs
    s = "".join(chars)
    for a, b in (("0", "9"), ("a", "f"), ("A", "F")):
        run = "".join(x for x in s if a <= x <= b)
        if len(run) > 2 and run == "".join(chr(o) for o in range(ord(run[0]), ord(run[-1]) + 1)):
            s = s.replace(run, run[0] + "-" + run[-1])
    return "[" + s + "]"


def to_digits(n, base):
    out = []
    while n:
        out.append(n % base)
        n //= base
    return out[::-1] or [0]


def rep(c, n):
    if n == 0:
        return ""
    return c if n == 1 else "%s{%d}" % (c, n)


def positive_upto(n, base):
    """Numbers 1..n in base, without leading zeros."""
    d = to_digits(n, base)
    k = len(d)
    any_d = cls(base, 0, base - 1)
    alts = []
    # shorter numbers
    if k >= 2:
        first = cls(base, 1, base - 1)
        if k == 2:
            alts.append(first)
        else:
            alts.append(first + ("%s{0,%d}" % (any_d, k - 2) if k > 2 else ""))
    # k-digit numbers <= n
    for i in range(k):
        lo = 1 if i == 0 else 0
        hi = d[i] - 1
        c = cls(base, lo, hi)
        if c is not None:
            alts.append("".join(cls(base, x, x) for x in d[:i]) + c + rep(any_d, k - i - 1))
    alts.append("".join(cls(base, x, x) for x in d))
    return "|".join(alts)


def dec(n):
    return "0*(%s|0)" % positive_upto(n, 10)


def hexnum(n):
    return "(0[xX])?0*(%s|0)" % positive_upto(n, 16)


def auto(n):
    return "0[xX]0*(%s|0)|00*(%s|0)|%s|0" % (positive_upto(n, 16), positive_upto(n, 8),
                                            positive_upto(n, 10))


def ipv4():
    o = "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])"
    return "%s(\\.%s){3}" % (o, o)


def ipv6():
    h = "[0-9a-fA-F]{1,4}"
    ls32 = "(%s:%s|%s)" % (h, h, ipv4())
    forms = [
        "(%s:){6}%s" % (h, ls32),
        "::(%s:){5}%s" % (h, ls32),
        "(%s)?::(%s:){4}%s" % (h, h, ls32),
        "((%s:){0,1}%s)?::(%s:){3}%s" % (h, h, h, ls32),
        "((%s:){0,2}%s)?::(%s:){2}%s" % (h, h, h, ls32),
        "((%s:){0,3}%s)?::%s:%s" % (h, h, h, ls32),
        "((%s:){0,4}%s)?::%s" % (h, h, ls32),
        "((%s:){0,5}%s)?::%s" % (h, h, h),
        "((%s:){0,6}%s)?::" % (h, h),
    ]
    return "|".join("(%s)" % f for f in forms)


def netmasks():
    masks = []
    for p in range(33):
        v = (0xffffffff << (32 - p)) & 0xffffffff
        masks.append(".".join(str((v >> s) & 0xff) for s in (24, 16, 8, 0)))
    return masks


U32 = 0xffffffff
U64 = 0xffffffffffffffff
DEFS = [
    ("dec-uint", "decimal, 0 to 4294967295", dec(U32)),
    ("dec-ullong", "decimal, 0 to 18446744073709551615", dec(U64)),
    ("dec-uint-nonzero", "decimal, 1 to 4294967295", "0*(%s)" % positive_upto(U32, 10)),
    ("dec-ushort-nonzero", "decimal, 1 to 65535", "0*(%s)" % positive_upto(65535, 10)),
    ("dec-vlan-id", "decimal, 0 to 4095", dec(4095)),
    ("dec-prefix4", "decimal, 0 to 32", dec(32)),
    ("dec-prefix6", "decimal, 0 to 128", dec(128)),
    ("int-port", "an integer 0 to 65535 (the parser takes a '-' sign: -0 is 0)",
     "-0+|" + dec(65535)),
    ("hex-uint", "hexadecimal (0x optional), 0 to 0xffffffff", hexnum(U32)),
    ("hex-ullong", "hexadecimal (0x optional), 0 to 0xffffffffffffffff", hexnum(U64)),
    ("auto-uint", "0x-hex, 0-octal or decimal, 0 to 0xffffffff", auto(U32)),
    ("auto-ullong", "0x-hex, 0-octal or decimal, 0 to 0xffffffffffffffff", auto(U64)),
    ("auto-uint8", "0x-hex, 0-octal or decimal, 0 to 0xff", auto(0xff)),
    ("auto-uint16", "0x-hex, 0-octal or decimal, 0 to 0xffff", auto(0xffff)),
    ("auto-uint16-nonzero", "0x-hex, 0-octal or decimal, 1 to 0xffff",
     "0[xX]0*(%s)|00*(%s)|%s" % (positive_upto(0xffff, 16), positive_upto(0xffff, 8),
                                 positive_upto(0xffff, 10))),
    ("auto-uint24", "0x-hex, 0-octal or decimal, 0 to 0xffffff", auto(0xffffff)),
    ("auto-pci-slot", "0x-hex, 0-octal or decimal, 0 to 0x1f", auto(0x1f)),
    ("auto-pci-function", "0x-hex, 0-octal or decimal, 0 to 7", auto(7)),
    ("auto-ccw-cssid", "0x-hex, 0-octal or decimal, 0 to 0xfe", auto(0xfe)),
    ("auto-ccw-ssid", "0x-hex, 0-octal or decimal, 0 to 3", auto(3)),
    ("ipv4-addr", "an IPv4 address as inet_pton() reads it", ipv4()),
    ("ipv6-addr", "an IPv6 address as inet_pton() reads it", ipv6()),
]


def main():
    print('<?xml version="1.0" encoding="UTF-8"?>')
    print("<!-- SPDX-License-Identifier: LGPL-2.1-or-later -->")
    print("<!-- GENERATED by schemas/gen-numbers.py: do not edit; run")
    print("     python3 schemas/gen-numbers.py > schemas/numbers.rng")
    print("     Number and address syntaxes of libdomxml's parser, exact: the")
    print("     lexical form (no sign, no white space) and the range. -->")
    print('<grammar xmlns="http://relaxng.org/ns/structure/1.0"')
    print('         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">')
    for name, what, rx in DEFS:
        print()
        print("  <!-- %s -->" % what)
        print('  <define name="%s">' % name)
        print('    <data type="string">')
        print('      <param name="pattern">%s</param>' % rx)
        print("    </data>")
        print("  </define>")
    print()
    print("  <!-- a contiguous IPv4 netmask, /0 to /32 -->")
    print('  <define name="ipv4-netmask">')
    print("    <choice>")
    for m in netmasks():
        print('      <value type="string">%s</value>' % m)
    print("    </choice>")
    print("  </define>")
    print("</grammar>")


if __name__ == "__main__":
    main()
