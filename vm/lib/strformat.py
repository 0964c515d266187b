"""string.format's conversions, exactly as LuaJIT 2.1 writes them (lj_strfmt.c,
lj_strfmt_num.c).

LuaJIT parses the format itself (flags "-+ #0", at most two digits of width and
of precision) and formats numbers with its own exact decimal conversion, which
rounds exact ties half up (0.125 -> "%.2f" -> "0.13"; C's printf rounds them to
even). Python's formatting is correctly rounded with ties to even, so it is used
for the digits except when a value is an exact tie at the rounding position,
which is detected exactly from the float's binary fraction.

Everything here works on bytes and Python numbers; string.py reads the arguments.
"""

import math
import struct

# Flags (STRFMT_F_*).
F_LEFT, F_PLUS, F_ZERO, F_SPACE, F_ALT = 0x01, 0x02, 0x04, 0x08, 0x10
_FLAG = {0x2D: F_LEFT, 0x2B: F_PLUS, 0x30: F_ZERO, 0x20: F_SPACE, 0x23: F_ALT}

# Conversion letter -> kind.
K_INT, K_UINT, K_NUM, K_STR, K_QUOTE, K_CHAR, K_PTR = range(7)
CONVERSIONS = {
    ord("d"): K_INT, ord("i"): K_INT, ord("u"): K_UINT, ord("o"): K_UINT,
    ord("x"): K_UINT, ord("X"): K_UINT, ord("e"): K_NUM, ord("E"): K_NUM,
    ord("f"): K_NUM, ord("F"): K_NUM, ord("g"): K_NUM, ord("G"): K_NUM,
    ord("a"): K_NUM, ord("A"): K_NUM, ord("c"): K_CHAR, ord("s"): K_STR,
    ord("q"): K_QUOTE, ord("p"): K_PTR,
}


class Spec:
    """One conversion: its letter, kind, flags, width and precision (-1: none)."""
    __slots__ = ("conv", "kind", "flags", "width", "prec", "plain")

    def __init__(self, conv, flags, width, prec):
        self.conv = conv
        self.kind = CONVERSIONS[conv]
        self.flags = flags
        self.width = width
        self.prec = prec
        self.plain = not flags and not width and prec < 0      # e.g. "%d", "%s"


class FormatError(Exception):
    """An invalid conversion; .option is the text LuaJIT quotes in its message."""

    def __init__(self, option: bytes):
        super().__init__(option)
        self.option = option


def parse(fmt: bytes):
    """lj_strfmt_parse over the whole format: literal bytes and Specs, in order.

    An invalid conversion ends the list with a FormatError instance (raised by
    the caller when it gets there, after the arguments before it are used).
    """
    out = []
    n = len(fmt)
    lit = 0                     # start of the pending literal
    i = 0
    while i < n:
        if fmt[i] != 0x25:      # '%'
            i += 1
            continue
        if i + 1 < n and fmt[i + 1] == 0x25:
            out.append(fmt[lit:i + 1])
            i += 2
            lit = i
            continue
        if i > lit:
            out.append(fmt[lit:i])
        spec, i = _parse_spec(fmt, i)
        out.append(spec)
        if isinstance(spec, FormatError):
            return out
        lit = i
    if n > lit:
        out.append(fmt[lit:])
    return out


def _parse_spec(fmt, start):
    n = len(fmt)

    def at(k):
        return fmt[k] if k < n else 0  # the C string's NUL terminator

    i = start + 1
    flags = 0
    while 0x20 <= at(i) <= 0x30 and at(i) in _FLAG:
        flags |= _FLAG[at(i)]
        i += 1
    width = 0
    if 0x30 <= at(i) <= 0x39:
        width = at(i) - 0x30
        i += 1
        if 0x30 <= at(i) <= 0x39:
            width = width * 10 + at(i) - 0x30
            i += 1
    prec = -1
    if at(i) == 0x2E:           # '.'
        prec = 0
        i += 1
        if 0x30 <= at(i) <= 0x39:
            prec = at(i) - 0x30
            i += 1
            if 0x30 <= at(i) <= 0x39:
                prec = prec * 10 + at(i) - 0x30
                i += 1
    c = at(i)
    if c in CONVERSIONS:
        return Spec(c, flags, width, prec), i + 1
    if c >= 32:
        i += 1
    return FormatError(fmt[start:i]), n


# -- Padding ---------------------------------------------------------------------------------

def pad(spec, body: bytes) -> bytes:
    """Width with spaces (left or right); no zero padding."""
    w = spec.width - len(body)
    if w <= 0:
        return body
    return body + b" " * w if spec.flags & F_LEFT else b" " * w + body


def _pad_num(flags, width, prefix: bytes, body: bytes) -> bytes:
    """A number: spaces, or zeros after the sign/prefix, or trailing spaces."""
    w = width - len(prefix) - len(body)
    if w <= 0:
        return prefix + body
    if flags & F_LEFT:
        return prefix + body + b" " * w
    if flags & F_ZERO:
        return prefix + b"0" * w + body
    return b" " * w + prefix + body


# -- Strings ---------------------------------------------------------------------------------

def fmt_str(spec, s: bytes) -> bytes:
    if spec.prec >= 0:
        s = s[:spec.prec]
    return pad(spec, s)


def fmt_char(spec, c: int) -> bytes:
    return pad(spec, bytes((c & 0xFF,)))


def quote(s: bytes) -> bytes:
    """%q: quotes, backslash escapes for " \\ newline, decimal escapes for controls."""
    out = bytearray(b'"')
    n = len(s)
    for i, c in enumerate(s):
        if c == 0x22 or c == 0x5C or c == 0x0A:
            out += b"\\"
            out.append(c)
        elif c < 32 or c == 127:
            nxt = s[i + 1] if i + 1 < n else 0
            if c >= 100 or 48 <= nxt <= 57:
                out += b"\\%03d" % c
            else:
                out += b"\\%d" % c
        else:
            out.append(c)
    out += b'"'
    return bytes(out)


def fmt_ptr(addr: int) -> bytes:
    """lj_strfmt_wptr: NULL, or 0x and 8 (or more, for high addresses) hex digits."""
    if addr == 0:
        return b"NULL"
    ndig = 8
    hi = addr >> 32
    if hi:
        ndig += 2 + 2 * ((hi.bit_length() - 1) >> 3)
    return b"0x" + (b"%0*x" % (ndig, addr))[-ndig:]


# -- Integers --------------------------------------------------------------------------------

_U64 = (1 << 64) - 1
_I64_MIN = 1 << 63


def _trunc64(x: float) -> int:
    """cvttsd2si to int64: truncation; NaN and out of range give INT64_MIN."""
    if x == x and -9223372036854775808.0 <= x < 9223372036854775808.0:
        return int(x)
    return -_I64_MIN


def fmt_plain_d(x: float) -> bytes:
    """%d without flags, width or precision."""
    return b"%d" % _trunc64(x)


def int_bits(x: float) -> int:
    """%d %i: the number as a signed 64-bit integer, as its uint64 bits."""
    return _trunc64(x) & _U64


def uint_bits(x: float) -> int:
    """%u %o %x %X: lj_strfmt_putfnum_uint."""
    if x >= 9223372036854775808.0:
        return _trunc64(x - 18446744073709551616.0) & _U64
    return _trunc64(x) & _U64


def fmt_int(spec, k: int) -> bytes:
    """lj_strfmt_putfxint: k is a uint64 bit pattern."""
    flags = spec.flags
    conv = spec.conv
    prefix = b""
    if spec.kind == K_INT:
        if k >= _I64_MIN:
            k = (1 << 64) - k
            prefix = b"-"
        elif flags & F_PLUS:
            prefix = b"+"
        elif flags & F_SPACE:
            prefix = b" "
    prec = spec.prec
    if prec >= 0:
        flags &= ~F_ZERO
    if k == 0:
        alt_oct = conv == 0x6F and flags & F_ALT
        digits = b"0" if prec != 0 or alt_oct else b""
    elif conv == 0x78:          # x
        digits = b"%x" % k
        if flags & F_ALT:
            prefix = b"0x"
    elif conv == 0x58:          # X
        digits = b"%X" % k
        if flags & F_ALT:
            prefix = b"0X"
    elif conv == 0x6F:          # o
        digits = b"%o" % k
        if flags & F_ALT:
            digits = b"0" + digits
    else:
        digits = b"%d" % k
    if prec > len(digits):
        digits = b"0" * (prec - len(digits)) + digits
    return _pad_num(flags, spec.width, prefix, digits)


# -- Floating point --------------------------------------------------------------------------

_pack_d = struct.Struct("<d").pack
_unpack_q = struct.Struct("<Q").unpack


def _bits(x: float) -> int:
    return _unpack_q(_pack_d(x))[0]


def _sign_prefix(flags, negative) -> bytes:
    if negative:
        return b"-"
    if flags & F_PLUS:
        return b"+"
    if flags & F_SPACE:
        return b" "
    return b""


def fmt_float(spec, x: float) -> bytes:
    conv = spec.conv
    upper = conv < 0x60
    bits = _bits(x)
    if x != x or x in (math.inf, -math.inf):
        return _fmt_nonfinite(spec, x, bits, upper)
    low = conv | 0x20
    if low == 0x61:             # a
        return _fmt_hex(spec, bits, upper)
    negative = bool(bits >> 63)
    prefix = _sign_prefix(spec.flags, negative)
    x = abs(x)
    prec = 6 if spec.prec < 0 else spec.prec
    alt = spec.flags & F_ALT
    if low == 0x66:             # f
        body = _fixed(x, prec, alt)
    elif low == 0x65:           # e
        digits, exp = _sci_digits(x, prec)
        body = _sci(digits, exp, alt, upper, strip=False)
    else:
        body = _general(x, prec, alt, upper)
    return _pad_num(spec.flags, spec.width, prefix, body)


def _fmt_nonfinite(spec, x, bits, upper):
    """inf, -inf and nan (never "-nan"): only spaces pad them."""
    flags = spec.flags
    if x != x:
        body = b"nan"
        prefix = b" " if flags & F_SPACE else b""
    else:
        body = b"inf"
        prefix = _sign_prefix(flags, bool(bits >> 63))
    if upper:
        body = body.upper()
    return pad(spec, prefix + body)


def _round_half_up(a: int, b: int, q: int) -> int:
    """round(a/b * 10^q) with ties away from zero, exactly."""
    if q >= 0:
        return (2 * a * 10 ** q + b) // (2 * b)
    d = b * 10 ** -q
    return (2 * a + d) // (2 * d)


def _fixed(x: float, prec: int, alt) -> bytes:
    """%f of a non-negative finite x."""
    a, b = x.as_integer_ratio()
    if b == 1 << (prec + 1):    # an exact tie: round half up
        digits = b"%d" % _round_half_up(a, b, prec)
        if prec:
            digits = digits.rjust(prec + 1, b"0")
            body = digits[:-prec] + b"." + digits[-prec:]
        else:
            body = digits
    else:
        body = b"%.*f" % (prec, x)
    if alt and not prec:
        body += b"."
    return body


def _sci_digits(x: float, prec: int):
    """The prec+1 significant digits of x (rounded half up) and its decimal exponent."""
    if x == 0:
        return b"0" * (prec + 1), 0
    s = b"%.*e" % (prec, x)
    mant, _, e = s.partition(b"e")
    exp = int(e)
    a, b = x.as_integer_ratio()
    if _is_tie(a, b, prec - exp):
        exp = _exponent(a, b)
        n = _round_half_up(a, b, prec - exp)
        if n >= 10 ** (prec + 1):
            exp += 1
            n = 10 ** prec
        return b"%d" % n, exp
    return mant.replace(b".", b""), exp


def _is_tie(a: int, b: int, q: int) -> bool:
    """Is a/b * 10^q an integer plus exactly one half?"""
    if q >= 0:
        num, den = 2 * a * 10 ** q, b
    else:
        num, den = 2 * a, b * 10 ** -q
    return num % den == 0 and (num // den) & 1 == 1


def _exponent(a: int, b: int) -> int:
    """floor(log10(a/b)) for a/b > 0, exactly."""
    e = len(str(a // b)) - 1 if a >= b else -len(str(b // a))
    # correct the estimate: 10^e <= a/b < 10^(e+1)
    while _cmp_pow10(a, b, e) < 0:
        e -= 1
    while _cmp_pow10(a, b, e + 1) >= 0:
        e += 1
    return e


def _cmp_pow10(a, b, e):
    """Sign of a/b - 10^e."""
    lhs, rhs = (a, b * 10 ** e) if e >= 0 else (a * 10 ** -e, b)
    return (lhs > rhs) - (lhs < rhs)


def _sci(digits: bytes, exp: int, alt, upper, strip) -> bytes:
    frac = digits[1:]
    if strip and not alt:
        frac = frac.rstrip(b"0")
    body = digits[:1]
    if frac or alt:
        body += b"." + frac
    e = b"E" if upper else b"e"
    return body + e + (b"-" if exp < 0 else b"+") + b"%02d" % abs(exp)


def _general(x: float, prec: int, alt, upper) -> bytes:
    """%g: %e or %f style by the exponent, trailing zeros stripped unless '#'."""
    p = prec if prec else 1
    digits, exp = _sci_digits(x, p - 1)
    if p > exp >= -4:
        if exp >= 0:
            ipart, frac = digits[:exp + 1], digits[exp + 1:]
        else:
            ipart, frac = b"0", b"0" * (-exp - 1) + digits
        if not alt:
            frac = frac.rstrip(b"0")
        return ipart + (b"." + frac if frac or alt else b"")
    return _sci(digits, exp, alt, upper, strip=True)


def _fmt_hex(spec, bits: int, upper) -> bytes:
    """%a as LuaJIT writes it (normalised denormals, its own rounding)."""
    flags = spec.flags
    prefix = _sign_prefix(flags, bool(bits >> 63))
    e = (bits >> 52) & 0x7FF
    m = bits & ((1 << 52) - 1)
    if e:
        m |= 1 << 52
        e -= 1023
    elif m:                     # a denormal: normalise it
        shift = 53 - m.bit_length()
        e = -1022 - shift
        m <<= shift
    prec = spec.prec
    if prec < 0:                # the shortest exact precision
        lo = m & 0xFFFFFFFF
        hi = (m >> 32) | 0x100000
        prec = 13 - _ffs(lo) // 4 if lo else 5 - _ffs(hi) // 4
    elif prec < 13:
        m += 1 << (51 - prec * 4)
    hexdig = b"0123456789ABCDEF" if upper else b"0123456789abcdef"
    body = bytes((48 + (m >> 52),))
    if prec or flags & F_ALT:
        if prec < 13:
            frac = m >> (52 - prec * 4)
            nib = prec
        else:
            frac = m
            nib = 13
        digs = bytes(hexdig[(frac >> (4 * (nib - 1 - k))) & 15] for k in range(nib))
        body += b"." + digs + b"0" * (prec - nib)
    body += b"P" if upper else b"p"
    body += (b"-" if e < 0 else b"+") + b"%d" % abs(e)
    x = b"0X" if upper else b"0x"
    return _pad_num(flags, spec.width, prefix + x, body)


def _ffs(v: int) -> int:
    """Index of the lowest set bit."""
    return (v & -v).bit_length() - 1
