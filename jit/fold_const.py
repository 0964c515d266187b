"""FOLD rules: the constant folding of lj_opt_fold.c beyond the number and int32
arithmetic in fold.py -- C math calls of constants, 64-bit integers, strings and
string buffers, pointer arithmetic, conversions, equality of constants, and the
loads of constant memory (string lengths, XLOAD of a constant pointer).

String constants need the VM (J.vm): a KGC string's value is its TValue, its bytes
are J.vm.sbytes(tv), and a constant pointer (KPTR/KKPTR) is an arena address.
"""

import math
import struct

from ..vm.layout import GCSTR, PAYLOAD
from ..vm.lib.math import vm_ceil, vm_floor
from ..vm.lib.strformat import quote
from ..vm.numbers import fmt_number, scan_number
from .fold import (
    DROPFOLD, FAILFOLD, KINTFOLD, NEXTFOLD, RETRYFOLD, condfold, cse, emit, emitir,
    irt_isguard, kint64fold, phibarrier, rule, vm_trunc,
)
from .ir import IR, IRCONV_SEXT, IRCONV_SRCMASK, IRNAMES, IRT, IRT_ISPHI, IRT_TYPE, REF_BIAS
from .irbuf import IRTYPE, i32, num2int, num_bits
from .ircall import IRCALL_NAMES

IR_KINT, IR_KINT64, IR_KKPTR, IR_BUFPUT, IR_STRREF = (
    IR[n] for n in ("KINT", "KINT64", "KKPTR", "BUFPUT", "STRREF"))
IRT_STR = IRT["STR"]
IRTOSTR_INT, IRTOSTR_NUM, IRTOSTR_CHAR = range(3)
M64 = 0xFFFFFFFFFFFFFFFF
TOBIT_BIAS = 2.0 ** 52 + 2.0 ** 51


def kstr(J, b):
    """lj_ir_kstr: a string constant for bytes b."""
    return J.cur.kgc(J.vm.str(b), IRT_STR)


def kbytes(J, ref):
    """The bytes of the string constant at ref."""
    return J.vm.sbytes(J.cur.kval[ref])


def gcaddr(tv):
    """The address of a GC object from its TValue."""
    return tv & PAYLOAD


def s64(u):
    """A 64-bit pattern as a signed integer."""
    u &= M64
    return u - (1 << 64) if u >> 63 else u


# -- Math calls of constants (kfold_fpcall1/2): the C library's answers -----------------------

def _libm(f, overflow=math.inf):
    """A libm function that returns NaN for domain errors and inf on overflow."""
    def call(x):
        try:
            return f(x)
        except OverflowError:
            return overflow(x) if callable(overflow) else overflow
        except ValueError:
            return math.nan
    return call


def _log(f):
    """log, log10, log2: -inf at 0 (either sign), NaN below."""
    libm = _libm(f)
    return lambda x: -math.inf if x == 0 else libm(x)


FPCALL1 = {
    "log10": _log(math.log10), "exp": _libm(math.exp), "sin": _libm(math.sin),
    "cos": _libm(math.cos), "tan": _libm(math.tan), "asin": _libm(math.asin),
    "acos": _libm(math.acos), "atan": _libm(math.atan),
    "sinh": _libm(math.sinh, lambda x: math.copysign(math.inf, x)),
    "cosh": _libm(math.cosh), "tanh": _libm(math.tanh),
    "lj_vm_floor": vm_floor, "lj_vm_ceil": vm_ceil, "lj_vm_trunc": vm_trunc,
    "sqrt": _libm(math.sqrt), "log": _log(math.log), "lj_vm_log2": _log(math.log2),
}


@rule("CALLN KNUM any")
def kfold_fpcall1(J):
    f = FPCALL1.get(IRCALL_NAMES[J.fins.op2])
    if f is None:           # not a function of one number returning a number
        return NEXTFOLD
    return J.cur.knum(f(J.fleft.k))


@rule("CALLN CARG IRCALL_atan2")
def kfold_fpcall2(J):
    a, b = J.fleft.op1, J.fleft.op2
    if a < REF_BIAS and b < REF_BIAS:
        return J.cur.knum(math.atan2(J.cur.kval[a], J.cur.kval[b]))
    return NEXTFOLD


# -- 64-bit integers (only FFI code makes them; DIV/MOD/POW of KINT64 use lj_carith) ---------

INT64_ARITH = {
    "ADD": lambda a, b: a + b, "SUB": lambda a, b: a - b, "MUL": lambda a, b: a * b,
    "BAND": lambda a, b: a & b, "BOR": lambda a, b: a | b, "BXOR": lambda a, b: a ^ b,
}


def int64op(a, b, o):
    """kfold_int64arith's operations on 64-bit patterns."""
    return INT64_ARITH[IRNAMES[o]](a, b) & M64


@rule(*("%s KINT64 KINT64" % op for op in INT64_ARITH))
def kfold_int64arith(J):
    return kint64fold(J, int64op(J.fleft.k, J.fright.k, J.fins.o))


def _rol64(x, n):
    return ((x << n) | (x >> (64 - n))) & M64 if n else x


INT64_SHIFT = {
    "BSHL": lambda x, n: (x << n) & M64,
    "BSHR": lambda x, n: x >> n,
    "BSAR": lambda x, n: s64(x) >> n,
    "BROL": _rol64,
    "BROR": lambda x, n: _rol64(x, (64 - n) & 63),
}


@rule(*("%s KINT64 KINT" % op for op in INT64_SHIFT))
def kfold_int64shift(J):
    sh = J.fright.i & 63
    return kint64fold(J, INT64_SHIFT[IRNAMES[J.fins.o]](J.fleft.k, sh))


@rule("BNOT KINT64")
def kfold_bnot64(J):
    return kint64fold(J, ~J.fleft.k)


@rule("BSWAP KINT64")
def kfold_bswap64(J):
    return kint64fold(J, int.from_bytes(J.fleft.k.to_bytes(8, "little"), "big"))


INT64_COMP = {
    "LT": lambda a, b: s64(a) < s64(b), "GE": lambda a, b: s64(a) >= s64(b),
    "LE": lambda a, b: s64(a) <= s64(b), "GT": lambda a, b: s64(a) > s64(b),
    "ULT": lambda a, b: a < b, "UGE": lambda a, b: a >= b,
    "ULE": lambda a, b: a <= b, "UGT": lambda a, b: a > b,
}


@rule(*("%s KINT64 KINT64" % op for op in INT64_COMP))
def kfold_int64comp(J):
    return condfold(INT64_COMP[IRNAMES[J.fins.o]](J.fleft.k, J.fright.k))


@rule("UGE any KINT64")
def kfold_int64comp0(J):
    return DROPFOLD if J.fright.k == 0 else NEXTFOLD


# -- Strings ----------------------------------------------------------------------------------

@rule("SNEW KKPTR KINT")
def kfold_snew_kptr(J):
    start = J.fleft.k - J.vm.base
    return kstr(J, bytes(J.vm.B[start:start + J.fright.i]))


@rule("SNEW any KINT", "XSNEW any KINT")
def kfold_snew_empty(J):
    return kstr(J, b"") if J.fright.i == 0 else NEXTFOLD


@rule("STRREF KGC KINT")
def kfold_strref(J):
    data = gcaddr(J.fleft.k) + GCSTR["data"]
    return J.cur.kptr(data + J.fright.i, IR_KKPTR)


@rule("STRREF SNEW any")
def kfold_strref_snew(J):
    fins, fleft = J.fins, J.fleft
    if phibarrier(fleft):
        return NEXTFOLD
    if fins.op2 < REF_BIAS and J.fright.i == 0:
        return fleft.op1                # strref(snew(ptr, len), 0) ==> ptr
    cur = J.cur
    inner = fleft.op1
    if cur.o[inner] == IR_STRREF:
        # strref(snew(strref(str, a), len), b) ==> strref(str, a+b)
        if cur.t[inner] & IRT_ISPHI:
            return NEXTFOLD
        s, a, b = cur.op1[inner], cur.op2[inner], fins.op2
        ofs = emitir(J, IRTYPE(IR["ADD"], IRT["INT"]), a, b) & 0xFFFF    # clobbers fins
        fins.o, fins.t = IR_STRREF, IRT["PGC"]
        fins.op1, fins.op2 = s, ofs
        return RETRYFOLD
    return NEXTFOLD


def str_cmp(a, b):
    """lj_str_cmp: -1 or 1 at the first differing byte, else the length difference."""
    for x, y in zip(a, b):
        if x != y:
            return -1 if x < y else 1
    return i32(len(a) - len(b))


@rule("CALLN CARG IRCALL_lj_str_cmp")
def kfold_strcmp(J):
    a, b = J.fleft.op1, J.fleft.op2
    if a < REF_BIAS and b < REF_BIAS:
        J.fins.i = str_cmp(kbytes(J, a), kbytes(J, b))
        return KINTFOLD
    return NEXTFOLD


# -- String buffer calls of constants: one BUFPUT of the result ----------------------------------

BUFPUT_OPS = {
    "lj_buf_putstr_reverse": lambda s: s[::-1],
    "lj_buf_putstr_upper": bytes.upper,         # ASCII only, as LuaJIT's
    "lj_buf_putstr_lower": bytes.lower,
    "lj_strfmt_putquoted": quote,
}


def _put_result(J, buf, b):
    """Turn the call into BUFPUT buf, "b" and fold that again."""
    fins = J.fins
    fins.o = IR_BUFPUT
    fins.op1 = buf
    fins.op2 = kstr(J, b) & 0xFFFF
    return RETRYFOLD


@rule(*("CALLL CARG IRCALL_" + name for name in BUFPUT_OPS))
def bufput_kfold_op(J):
    fleft = J.fleft
    if fleft.op2 < REF_BIAS:
        f = BUFPUT_OPS[IRCALL_NAMES[J.fins.op2]]
        return _put_result(J, fleft.op1, f(kbytes(J, fleft.op2)))
    return emit(J)


@rule("CALLL CARG IRCALL_lj_buf_putstr_rep")
def bufput_kfold_rep(J):
    cur = J.cur
    fleft = J.fleft
    if fleft.op2 < REF_BIAS:
        carg = fleft.op1                # CARG buffer, string
        s = cur.op2[carg]
        if s < REF_BIAS:
            n = cur.kval[fleft.op2]
            return _put_result(J, cur.op1[carg], kbytes(J, s) * max(n, 0))
    return emit(J)


# -- Pointer arithmetic -----------------------------------------------------------------------

def _offset(J):
    """The right operand of ADD as a byte offset (KINT or KINT64)."""
    fright = J.fright
    return fright.i if fright.o == IR_KINT else s64(fright.k)


@rule("ADD KGC KINT", "ADD KGC KINT64")
def kfold_add_kgc(J):
    # (cdata objects would give KKPTR for some types; there are none without FFI)
    return J.cur.kptr(gcaddr(J.fleft.k) + _offset(J))


@rule("ADD KPTR KINT", "ADD KPTR KINT64", "ADD KKPTR KINT", "ADD KKPTR KINT64")
def kfold_add_kptr(J):
    return J.cur.kptr(J.fleft.k + _offset(J), J.fleft.o)


@rule("ADD any KGC", "ADD any KPTR", "ADD any KKPTR")
def kfold_add_kright(J):
    if J.fleft.o in (IR_KINT, IR_KINT64):
        fins = J.fins
        fins.op1, fins.op2 = fins.op2, fins.op1
        return RETRYFOLD
    return NEXTFOLD


# -- Conversions ------------------------------------------------------------------------------

def num2bit(n):
    """lj_num2bit: the low word of n + 2^52 + 2^51 (wraps like a 2^32 modulus)."""
    return i32(num_bits(n + TOBIT_BIAS))


def cvttsd2si64(n):
    """C's (int64_t)n on x86-64: truncation, INT64_MIN for NaN and out of range."""
    if n != n or not -2.0 ** 63 <= n < 2.0 ** 63:
        return -(1 << 63)
    return int(n)


def num2u64(n):
    """C's (uint64_t)n on x86-64 (gcc): values from 2^63 up go through n - 2^63."""
    if n == n and n >= 2.0 ** 63:
        return (cvttsd2si64(n - 2.0 ** 63) ^ (1 << 63)) & M64
    return cvttsd2si64(n) & M64


@rule("TOBIT KNUM KNUM")
def kfold_tobit(J):
    J.fins.i = num2bit(J.fleft.k)
    return KINTFOLD


@rule("CONV KINT IRCONV_NUM_INT")
def kfold_conv_kint_num(J):
    return J.cur.knum(float(J.fleft.i))


@rule("CONV KINT IRCONV_NUM_U32")
def kfold_conv_kintu32_num(J):
    return J.cur.knum(float(J.fleft.i & 0xFFFFFFFF))


def _ext(k, bits, signed):
    k &= (1 << bits) - 1
    return k - (1 << bits) if signed and k >> (bits - 1) else k


INT_EXT = {IRT["I8"]: (8, True), IRT["U8"]: (8, False), IRT["I16"]: (16, True),
           IRT["U16"]: (16, False)}


@rule("CONV KINT IRCONV_INT_I8", "CONV KINT IRCONV_INT_U8", "CONV KINT IRCONV_INT_I16",
      "CONV KINT IRCONV_INT_U16")
def kfold_conv_kint_ext(J):
    J.fins.i = _ext(J.fleft.i, *INT_EXT[J.fins.op2 & IRCONV_SRCMASK])
    return KINTFOLD


@rule("CONV KINT IRCONV_I64_INT", "CONV KINT IRCONV_U64_INT", "CONV KINT IRCONV_I64_U32",
      "CONV KINT IRCONV_U64_U32")
def kfold_conv_kint_i64(J):
    k = J.fleft.i
    return kint64fold(J, k if J.fins.op2 & IRCONV_SEXT else k & 0xFFFFFFFF)


@rule("CONV KINT64 IRCONV_NUM_I64")
def kfold_conv_kint64_num_i64(J):
    return J.cur.knum(float(s64(J.fleft.k)))


@rule("CONV KINT64 IRCONV_NUM_U64")
def kfold_conv_kint64_num_u64(J):
    return J.cur.knum(float(J.fleft.k))


@rule("CONV KINT64 IRCONV_INT_I64", "CONV KINT64 IRCONV_U32_I64")
def kfold_conv_kint64_int_i64(J):
    J.fins.i = i32(J.fleft.k)
    return KINTFOLD


@rule("CONV KNUM IRCONV_INT_NUM")
def kfold_conv_knum_int_num(J):
    n = J.fleft.k
    k = num2int(n)
    if irt_isguard(J.fins.t) and n != k:
        return FAILFOLD     # a checked conversion that always fails (LICM can make one)
    J.fins.i = k
    return KINTFOLD


@rule("CONV KNUM IRCONV_U32_NUM")
def kfold_conv_knum_u32_num(J):
    J.fins.i = i32(cvttsd2si64(J.fleft.k))
    return KINTFOLD


@rule("CONV KNUM IRCONV_I64_NUM")
def kfold_conv_knum_i64_num(J):
    return kint64fold(J, cvttsd2si64(J.fleft.k))


@rule("CONV KNUM IRCONV_U64_NUM")
def kfold_conv_knum_u64_num(J):
    return kint64fold(J, num2u64(J.fleft.k))


@rule("TOSTR KNUM any")
def kfold_tostr_knum(J):
    return kstr(J, fmt_number(J.fleft.k).encode())


@rule("TOSTR KINT any")
def kfold_tostr_kint(J):
    k = J.fleft.i
    return kstr(J, b"%d" % k if J.fins.op2 == IRTOSTR_INT else bytes((k & 0xFF,)))


@rule("STRTO KGC")
def kfold_strto(J):
    n = scan_number(J.vm.sbytes(J.fleft.k), tonumber=True)
    return FAILFOLD if n is None else J.cur.knum(n)


# -- Equality of constants ------------------------------------------------------------------

@rule("EQ FLOAD KNULL", "NE FLOAD KNULL")
def cse_fload_knull(J):
    return cse(J)       # a field may become NULL: keep the check


@rule("EQ any KNULL", "NE any KNULL", "EQ KNULL any", "NE KNULL any", "EQ KINT KINT",
      "NE KINT KINT", "EQ KINT64 KINT64", "NE KINT64 KINT64", "EQ KGC KGC", "NE KGC KGC")
def kfold_kref(J):
    # Constants are interned: the same ref is the same value (only KNULL equals KNULL).
    fins = J.fins
    return condfold((fins.op1 == fins.op2) ^ (fins.o == IR["NE"]))


# -- Loads of constant memory ----------------------------------------------------------------

@rule("FLOAD SNEW IRFL_STR_LEN")
def fload_str_len_snew(J):
    if "fold" in J.flags:
        if phibarrier(J.fleft):
            return NEXTFOLD
        return J.fleft.op2
    return NEXTFOLD


@rule("FLOAD TOSTR IRFL_STR_LEN")
def fload_str_len_tostr(J):
    if "fold" in J.flags and J.fleft.op2 == IRTOSTR_CHAR:
        J.fins.i = 1
        return KINTFOLD
    return NEXTFOLD


XLOAD_INT = {IRT["I8"]: "<b", IRT["U8"]: "<B", IRT["I16"]: "<h", IRT["U16"]: "<H",
             IRT["INT"]: "<i", IRT["U32"]: "<i"}


def kfold_xload(J, t, addr):
    """The constant an XLOAD of type t reads at addr, or 0 for other types."""
    t &= IRT_TYPE
    B = J.vm.B
    at = addr - J.vm.base
    if t == IRT["NUM"]:
        return J.cur.k64(IR["KNUM"], struct.unpack_from("<Q", B, at)[0])
    if t in (IRT["I64"], IRT["U64"]):
        return J.cur.kint64(struct.unpack_from("<Q", B, at)[0])
    fmt = XLOAD_INT.get(t)
    if fmt is None:
        return 0
    return J.cur.kint(struct.unpack_from(fmt, B, at)[0])


@rule("XLOAD KKPTR any")
def xload_kptr(J):
    tr = kfold_xload(J, J.fins.t, J.fleft.k)
    return tr if tr else NEXTFOLD

