"""The bit library (lib_bit.c), as LuaJIT 2.1 with the FFI builds it.

Every argument is a number (or a string that converts to one) normalised to 32
bits as lj_num2bit does: add 2^52 + 2^51 in round-to-nearest-even and keep the
low 32 bits of the double, so 2^32 + 5 is 5, 2.5 is 2 and NaN or +-inf is 0.
Results are signed 32-bit integers, as doubles. Shift counts are taken mod 32,
as the x86 shift instructions take them.
"""

import struct

from .aux import check_num, new_lib

_pack_d = struct.Struct("<d").pack
_unpack_q = struct.Struct("<Q").unpack

TOBIT_MAGIC = 6755399441055744.0        # 2^52 + 2^51


def tobit(x: float) -> int:
    """lj_num2bit: the low 32 bits of x + 2^52 + 2^51, as a signed int."""
    return signed32(_unpack_q(_pack_d(x + TOBIT_MAGIC))[0])


def signed32(n: int) -> int:
    n &= 0xFFFFFFFF
    return n - 0x100000000 if n & 0x80000000 else n


def _bit(vm, base, nargs, n):
    """lj_carith_check64 for a number argument: number expected, normalised."""
    return tobit(check_num(vm, base, nargs, n))


# -- Unary --------------------------------------------------------------------------------

def b_tobit(vm, base, nargs):
    return float(_bit(vm, base, nargs, 1))


def b_bnot(vm, base, nargs):
    return float(~_bit(vm, base, nargs, 1))


def b_bswap(vm, base, nargs):
    x = _bit(vm, base, nargs, 1) & 0xFFFFFFFF
    return float(signed32(int.from_bytes(x.to_bytes(4, "little"), "big")))


# -- Shifts and rotations -------------------------------------------------------------------

def _shift(op):
    def builtin(vm, base, nargs):
        x = _bit(vm, base, nargs, 1)
        n = _bit(vm, base, nargs, 2) & 31
        return float(signed32(op(x & 0xFFFFFFFF, n)))
    return builtin


def _rol(x, n):
    return (x << n) | (x >> (32 - n))


def _ror(x, n):
    return (x >> n) | (x << (32 - n))


def _arshift(x, n):
    return signed32(x) >> n


# -- N-ary ----------------------------------------------------------------------------------

def _nary(op):
    def builtin(vm, base, nargs):
        acc = _bit(vm, base, nargs, 1)
        for i in range(2, nargs + 1):
            acc = op(acc, _bit(vm, base, nargs, i))
        return float(signed32(acc))
    return builtin


# -- tohex ------------------------------------------------------------------------------------

def b_tohex(vm, base, nargs):
    b = _bit(vm, base, nargs, 1) & 0xFFFFFFFF
    n = 8 if nargs < 2 else _bit(vm, base, nargs, 2)
    return vm.str(tohex(b, n).encode())


def tohex(b: int, n: int) -> str:
    """bit.tohex with n digits (n < 0: upper case), as the FFI build formats it:
    the precision is (n + 1) & 255 - 1 (-1: none), and n < 16 masks b to n digits."""
    upper = n < 0
    if upper:
        n = signed32(-n)                # -(-2^31) stays -2^31
    prec = ((n + 1) & 255) - 1
    if n < 16:
        b &= (1 << ((4 * n) & 63)) - 1  # 4 * -2^31 wraps to a shift by 0
    if b == 0:
        digits = "" if prec == 0 else "0"
    else:
        digits = "%X" % b if upper else "%x" % b
    return digits.rjust(prec, "0") if prec > len(digits) else digits


FUNCTIONS = {
    "tobit": b_tobit, "bnot": b_bnot, "bswap": b_bswap,
    "lshift": _shift(lambda x, n: x << n), "rshift": _shift(lambda x, n: x >> n),
    "arshift": _shift(_arshift), "rol": _shift(_rol), "ror": _shift(_ror),
    "band": _nary(lambda a, b: a & b), "bor": _nary(lambda a, b: a | b),
    "bxor": _nary(lambda a, b: a ^ b), "tohex": b_tohex,
}


def open_bit(vm):
    return new_lib(vm, "bit", FUNCTIONS)
