"""Numbers <-> text, with LuaJIT 2.1's rules (lj_strscan.c, lj_strfmt_num.c).

scan_number() is the one string-to-number converter: the lexer uses it for
literals and the runtime for tonumber() and arithmetic coercion.
fmt_number() is the one number-to-string converter (tostring, print, `..`).
"""

import decimal
import math
import re

MAXEXP = 1 << 20          # STRSCAN_MAXEXP: larger exponents are malformed
_SPACE = b" \t\n\v\f\r"

# Mantissa and exponent forms, per base. Group 'e' is the exponent digits.
_DEC = re.compile(rb"(?:\d+\.?\d*|\.\d+)(?:[eE](?P<e>[+-]?\d+))?\Z")
_HEX = re.compile(rb"0[xX](?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP](?P<e>[+-]?\d+))?\Z")
_BIN = re.compile(rb"0[bB][01]{1,64}\Z")
# What LuaJIT's FFI would read as a 64-bit integer or imaginary literal.
_FFI_INT = re.compile(rb"(?:0[xX][0-9a-fA-F]+|0[bB][01]+|\d+)(?:[uU]?[lL][lL]|[lL][lL][uU])\Z")

INF = math.inf
NAN = math.nan


def scan_number(text: bytes, tonumber: bool = False):
    """Convert `text` as lj_strscan_scan with STRSCAN_OPT_TONUM does.

    With tonumber=True, leading/trailing whitespace, a sign and the words
    inf/infinity/nan are accepted too (tonumber() and string coercion).
    Returns a float, or None when the text is not a number.
    """
    neg = False
    if tonumber:
        text = text.strip(_SPACE)
        if text[:1] in (b"+", b"-"):
            neg = text[:1] == b"-"
            text = text[1:]
        low = text.lower()
        if low in (b"inf", b"infinity"):
            return -INF if neg else INF
        if low == b"nan":
            return NAN
    n = _scan_unsigned(text)
    if n is None:
        return None
    return -n if neg else n


def _scan_unsigned(text: bytes):
    if text[:2] in (b"0x", b"0X"):
        m = _HEX.match(text)
        if m is None or not _exp_ok(m.group("e")):
            return None
        try:
            return float.fromhex(text.decode())
        except OverflowError:
            return INF
    if text[:2] in (b"0b", b"0B"):
        if _BIN.match(text) is None:
            return None
        return float(int(text[2:], 2))
    m = _DEC.match(text)
    if m is None or not _exp_ok(m.group("e")):
        return None
    return float(text)


def _exp_ok(exp) -> bool:
    return exp is None or abs(int(exp)) < MAXEXP


def is_ffi_literal(text: bytes) -> bool:
    """True if LuaJIT with FFI would read `text` as an int64/uint64/complex literal."""
    if _FFI_INT.match(text):
        return True
    return text[-1:] in (b"i", b"I") and _scan_unsigned(text[:-1]) is not None


def fmt_number(n: float) -> str:
    """tostring() of a number: "%.14g", with "inf", "-inf" and "nan"."""
    if n != n:
        return "nan"
    if n == INF:
        return "inf"
    if n == -INF:
        return "-inf"
    if n.is_integer() and -1e14 < n < 1e14:  # exactly what %.14g prints
        if n == 0 and math.copysign(1.0, n) < 0:
            return "-0"
        return "%d" % n
    r = repr(n)
    if r[-1] == "5" or r.endswith("5.0") or "5e" in r:
        if _is_tie(r):
            return "%.14g" % float(_HALF_UP_14.plus(decimal.Decimal(n)))
    return "%.14g" % n


# LuaJIT 2.1 before 2025-12 (Debian's build) rounds exact ties at the 14th digit
# up, where C's printf rounds them to even: 100000000000005 -> 1.0000000000001e+14.
# A tie needs a 15-digit exact decimal value ending in 5; its shortest repr shows it.
_HALF_UP_14 = decimal.Context(prec=14, rounding=decimal.ROUND_HALF_UP)


def _is_tie(r: str) -> bool:
    mant = r.split("e")[0].lstrip("-")
    if mant.endswith(".0"):
        mant = mant[:-2]
    digits = mant.replace(".", "").lstrip("0")
    return len(digits) == 15 and digits.endswith("5")


# -- Arithmetic with C/IEEE semantics (Python's float ops raise where C doesn't) --

def c_div(a: float, b: float) -> float:
    try:
        return a / b
    except ZeroDivisionError:
        if a != a or a == 0:
            return NAN
        return math.copysign(INF, a) * math.copysign(1.0, b)


def c_floor(x: float) -> float:
    if x != x or x in (INF, -INF) or x == 0:
        return x            # floor(-0) is -0 (so (-0) % n is +0, as in LuaJIT)
    return float(math.floor(x))


def c_mod(a: float, b: float) -> float:
    """Lua 5.1 / LuaJIT modulo: a - floor(a/b)*b, in IEEE arithmetic."""
    return a - c_floor(c_div(a, b)) * b


def _odd_integer(y: float) -> bool:
    return y == y and abs(y) < INF and y.is_integer() and int(y) % 2 == 1


def c_pow(x: float, y: float) -> float:
    """C99 pow(): special values as Annex F, no exceptions."""
    try:
        return math.pow(x, y)
    except OverflowError:
        return -INF if x < 0 and _odd_integer(y) else INF
    except ValueError:
        if x == 0:  # 0 ^ negative
            return math.copysign(INF, x) if _odd_integer(y) else INF
        return NAN


# lj_vm_foldarith: ADD, SUB, MUL, DIV, MOD, POW (the order of the OPR_* operators).
ARITH = (
    lambda a, b: a + b,
    lambda a, b: a - b,
    lambda a, b: a * b,
    c_div,
    c_mod,
    c_pow,
)
