"""FOLD rules: simplification of conversions, the CSE rule for CONV, and the hook
into narrowing (lj_opt_fold.c's "Simplify conversions").

A CONV's op2 holds the source type (IRCONV_SRCMASK), the destination type
(IRCONV_DSTMASK), IRCONV_SEXT and the check mode; the FOLD key sees only its low
10 bits, so one rule covers every check mode of a conversion.
"""

from . import narrow
from .fold import NEXTFOLD, RETRYFOLD, emit, irt_isguard, phibarrier, rule
from .ir import (
    IR, IRCONV_DSH, IRCONV_DSTMASK, IRCONV_MODEMASK, IRCONV_SEXT, IRCONV_SRCMASK, IRT,
    IRT_GUARD, IRT_TYPE, REF_BIAS,
)

IR_CONV, IR_XLOAD, IR_ADD, IR_KINT = IR["CONV"], IR["XLOAD"], IR["ADD"], IR["KINT"]
IRT_NUM, IRT_INT, IRT_U32, IRT_I64, IRT_FLOAT = (
    IRT[n] for n in ("NUM", "INT", "U32", "I64", "FLOAT"))
IRT_U8, IRT_U16 = IRT["U8"], IRT["U16"]


def conv_src(op2):
    return op2 & IRCONV_SRCMASK


def conv_dst(op2):
    return (op2 & IRCONV_DSTMASK) >> IRCONV_DSH


@rule("CONV CONV IRCONV_NUM_INT")
def shortcut_conv_num_int(J):
    fleft = J.fleft
    if phibarrier(fleft):
        return NEXTFOLD
    # Only safe when the inner conversion to int was checked.
    if conv_src(fleft.op2) == IRT_NUM and irt_isguard(fleft.t):
        return fleft.op1                # f(g(x)) ==> x
    return NEXTFOLD


@rule("CONV CONV IRCONV_INT_NUM", "CONV CONV IRCONV_U32_NUM")
def simplify_conv_int_num(J):
    # Folds even across a PHI: num->int conversions in a loop are expensive.
    if conv_src(J.fleft.op2) == conv_dst(J.fins.op2):
        return J.fleft.op1
    return NEXTFOLD


@rule("CONV CONV IRCONV_I64_NUM", "CONV CONV IRCONV_U64_NUM")
def simplify_conv_i64_num(J):
    fins, fleft = J.fins, J.fleft
    if phibarrier(fleft):
        return NEXTFOLD
    src = conv_src(fleft.op2)
    if src == IRT_INT:                  # reduce to a sign extension
        fins.op1 = fleft.op1
        fins.op2 = (IRT_I64 << IRCONV_DSH) | IRT_INT | IRCONV_SEXT
        return RETRYFOLD
    if src == IRT_U32:                  # x64: 32-bit values are zero-extended anyway
        return fleft.op1
    return NEXTFOLD


@rule("CONV CONV IRCONV_INT_I64", "CONV CONV IRCONV_INT_U64", "CONV CONV IRCONV_U32_I64",
      "CONV CONV IRCONV_U32_U64")
def simplify_conv_int_i64(J):
    fins, fleft = J.fins, J.fleft
    if phibarrier(fleft):
        return NEXTFOLD
    src = conv_src(fleft.op2)
    if src in (IRT_INT, IRT_U32):
        if src == conv_dst(fins.op2):
            return fleft.op1
        fins.op2 = (fins.op2 & IRCONV_DSTMASK) | src
        fins.op1 = fleft.op1
        return RETRYFOLD
    return NEXTFOLD


@rule("CONV CONV IRCONV_FLOAT_NUM")
def simplify_conv_flt_num(J):
    fleft = J.fleft
    if phibarrier(fleft):
        return NEXTFOLD
    return fleft.op1 if conv_src(fleft.op2) == IRT_FLOAT else NEXTFOLD


@rule("TOBIT CONV KNUM")
def simplify_tobit_conv(J):
    # TOBIT of an int (or u32) converted to a number; folds even across a PHI.
    fins, fleft = J.fins, J.fleft
    src = conv_src(fleft.op2)
    if src == IRT_INT:
        return fleft.op1
    if src == IRT_U32:
        fins.o = IR_CONV
        fins.op1 = fleft.op1
        fins.op2 = (IRT_INT << IRCONV_DSH) | IRT_U32
        return RETRYFOLD
    return NEXTFOLD


@rule("FPMATH CONV IRFPM_FLOOR", "FPMATH CONV IRFPM_CEIL", "FPMATH CONV IRFPM_TRUNC")
def simplify_floor_conv(J):
    # Rounding a number converted from an integer changes nothing.
    if conv_src(J.fleft.op2) in (IRT_INT, IRT_U32):
        return J.fins.op1
    return NEXTFOLD


@rule("CONV any IRCONV_I64_INT", "CONV any IRCONV_U64_INT")
def simplify_conv_sext(J):
    """Strength reduction of widening: drop the sign extension of a value that cannot
    be negative (x64: 32-bit ops zero-extend)."""
    fins, fleft = J.fins, J.fleft
    if not fins.op2 & IRCONV_SEXT:
        return NEXTFOLD
    if phibarrier(fleft):
        return NEXTFOLD
    if fleft.o == IR_XLOAD and fleft.t & IRT_TYPE in (IRT_U8, IRT_U16):
        return fins.op1
    ref, ofs = fins.op1, 0
    if fleft.o == IR_ADD and fleft.op2 < REF_BIAS:
        ofs = J.cur.kval[fleft.op2]
        ref = fleft.op1
    if scev_nonneg(J, ref, ofs):
        return fins.op1
    return NEXTFOLD


def scev_nonneg(J, ref, ofs):
    """ref is the loop's induction variable and its lowest value plus ofs is >= 0
    (scalar evolution analysis)."""
    sc = J.scev
    if sc is None or ref != sc.idx:
        return False
    lo = sc.start if sc.dir else sc.stop
    return bool(lo) and J.cur.o[lo] == IR_KINT and J.cur.kval[lo] + ofs >= 0


@rule(*("CONV %s IRCONV_%s" % (op, conv) for conv in ("INT_I64", "INT_U64", "U32_I64",
                                                       "U32_U64")
        for op in ("ADD", "SUB", "MUL")))
def simplify_conv_narrow(J):
    return NEXTFOLD         # 64-bit targets keep the wide arithmetic


@rule("CONV any any")
def cse_conv(J):
    """CONV has its own CSE: an earlier conversion of the same value with the same
    mode serves, if it checks at least as much (a guard serves a non-guard)."""
    fins = J.fins
    if "cse" in J.flags:
        cur = J.cur
        op1, op2 = fins.op1, fins.op2 & IRCONV_MODEMASK
        guard = fins.t & IRT_GUARD
        ref = cur.chain[IR_CONV]
        while ref > op1:
            if (cur.op1[ref] == op1 and cur.op2[ref] & IRCONV_MODEMASK == op2 and
                    cur.t[ref] & IRT_GUARD >= guard):
                return ref
            ref = cur.prev[ref]
    return emit(J)          # no fallthrough to the regular CSE


@rule("TOBIT ADD KNUM", "TOBIT SUB KNUM", "CONV ADD IRCONV_INT_NUM", "CONV SUB IRCONV_INT_NUM",
      "CONV ADD IRCONV_I64_NUM", "CONV SUB IRCONV_I64_NUM")
def narrow_convert(J):
    if phibarrier(J.fleft):
        return NEXTFOLD
    # Narrowing ignores PHIs, and repeating it inside the loop does not pay.
    if J.cur.chain[IR["LOOP"]]:
        return NEXTFOLD
    return narrow.narrow_convert(J)
