"""FOLD rules: algebraic shortcuts, FP and integer simplifications, bit operations
and reassociation, as lj_opt_fold.c has them.

FP arithmetic has few safe rewrites: x+0 is not x (for x = -0), 0-x is not -x (for
x = +0), x*0 is not 0 (for -0, inf, NaN). Integer arithmetic wraps, so most
identities hold there. A rewrite that would reference an operand's operand across
a PHI is held back by phibarrier() (lj_opt_fold.c's requirement #2).
"""

from .fold import (
    KINTFOLD, NEXTFOLD, RETRYFOLD, _intop, emitir, fold, irt_is64, irt_isnum, kint64fold,
    phibarrier, rule,
)
from .ir import IR, IRFPM, IRT, REF_BIAS
from .irbuf import IRTYPE, i32, num_bits

IR_ADD, IR_SUB, IR_MUL, IR_DIV, IR_NEG, IR_BAND, IR_BOR, IR_BNOT = (
    IR[n] for n in ("ADD", "SUB", "MUL", "DIV", "NEG", "BAND", "BOR", "BNOT"))
IR_ADDOV, IR_BSHL, IR_BSHR, IR_BSAR, IR_BROL, IR_BROR = (
    IR[n] for n in ("ADDOV", "BSHL", "BSHR", "BSAR", "BROL", "BROR"))
IR_KINT, IR_KINT64 = IR["KINT"], IR["KINT64"]
IRT_INT, IRT_NUM = IRT["INT"], IRT["NUM"]
IRFPM_TRUNC = IRFPM.index("trunc")
M64 = 0xFFFFFFFFFFFFFFFF


def intfold(J, k):
    """INTFOLD: the int constant k as the result."""
    J.fins.i = i32(k)
    return KINTFOLD


def zerofold(J):
    """0 of the instruction's type: INT64FOLD(0) for 64-bit types, else INTFOLD(0)."""
    return kint64fold(J, 0) if irt_is64(J.fins.t) else intfold(J, 0)


def kright(J):
    """The value of a KINT or KINT64 right operand, as a signed integer."""
    fright = J.fright
    if fright.o == IR_KINT:
        return fright.i
    return fright.k - (1 << 64) if fright.k >> 63 else fright.k


def kint_of(J, ref):
    """The value of the KINT at ref, or None when ref is not a KINT."""
    cur = J.cur
    return cur.kval[ref] if ref < REF_BIAS and cur.o[ref] == IR_KINT else None


def kint64_of(J, ref):
    cur = J.cur
    return cur.kval[ref] if ref < REF_BIAS and cur.o[ref] == IR_KINT64 else None


def set_op2_kint(J, k):
    J.fins.op2 = J.cur.kint(k) & 0xFFFF


# -- Algebraic shortcuts ----------------------------------------------------------------------

@rule("FPMATH FPMATH IRFPM_FLOOR", "FPMATH FPMATH IRFPM_CEIL", "FPMATH FPMATH IRFPM_TRUNC")
def shortcut_round(J):
    if J.fleft.op2 <= IRFPM_TRUNC:      # round(round_left(x)) = round_left(x)
        return J.fins.op1
    return NEXTFOLD


@rule("ABS ABS FLOAD")
def shortcut_left(J):
    return J.fins.op1                   # abs(abs(x)) ==> abs(x)


@rule("ABS NEG FLOAD")
def shortcut_dropleft(J):
    if phibarrier(J.fleft):
        return NEXTFOLD
    J.fins.op1 = J.fleft.op1            # abs(neg(x)) ==> abs(x)
    return RETRYFOLD


@rule("NEG NEG any", "BNOT BNOT", "BSWAP BSWAP")
def shortcut_leftleft(J):
    # No such shortcut for STRTO of TOSTR: "1e2" ==> +100 ==> "100".
    if phibarrier(J.fleft):
        return NEXTFOLD
    return J.fleft.op1                  # f(f(x)) ==> x


# -- FP algebraic simplifications -----------------------------------------------------------

@rule("ADD NEG any")
def simplify_numadd_negx(J):
    fins = J.fins
    if phibarrier(J.fleft):
        return NEXTFOLD
    fins.o = IR_SUB                     # (-a) + b ==> b - a
    fins.op1 = fins.op2
    fins.op2 = J.fleft.op1
    return RETRYFOLD


@rule("ADD any NEG")
def simplify_numadd_xneg(J):
    if phibarrier(J.fright):
        return NEXTFOLD
    J.fins.o = IR_SUB                   # a + (-b) ==> a - b
    J.fins.op2 = J.fright.op1
    return RETRYFOLD


@rule("SUB any KNUM")
def simplify_numsub_k(J):
    if num_bits(J.fright.k) == 0:       # x - (+0) ==> x (but not x - (-0))
        return J.fins.op1
    return NEXTFOLD


@rule("SUB NEG KNUM")
def simplify_numsub_negk(J):
    fins = J.fins
    if phibarrier(J.fleft):
        return NEXTFOLD
    fins.op2 = J.fleft.op1              # (-x) - k ==> (-k) - x
    fins.op1 = J.cur.knum(-J.fright.k) & 0xFFFF
    return RETRYFOLD


@rule("SUB any NEG")
def simplify_numsub_xneg(J):
    if phibarrier(J.fright):
        return NEXTFOLD
    J.fins.o = IR_ADD                   # a - (-b) ==> a + b
    J.fins.op2 = J.fright.op1
    return RETRYFOLD


@rule("MUL any KNUM", "DIV any KNUM")
def simplify_nummuldiv_k(J):
    fins = J.fins
    n = J.fright.k
    if n == 1.0:                        # x o 1 ==> x
        return fins.op1
    if n == -1.0:                       # x o -1 ==> -x
        op1, t = fins.op1, fins.t
        neg = J.ksimd_neg() & 0xFFFF    # emits the sign mask's FLOAD (clobbers fins)
        fins.o, fins.t, fins.op1, fins.op2 = IR_NEG, t, op1, neg
        return RETRYFOLD
    if fins.o == IR_MUL and n == 2.0:   # x * 2 ==> x + x
        fins.o = IR_ADD
        fins.op2 = fins.op1
        return RETRYFOLD
    if fins.o == IR_DIV:                # x / 2^k ==> x * 2^-k (the reciprocal is exact)
        u = num_bits(n)
        ex = (u >> 52) & 0x7FF
        if u & 0xFFFFFFFFFFFFF == 0 and 1 <= ex <= 0x7FD:
            u = (u & (1 << 63)) | ((0x7FE - ex) << 52)
            fins.o = IR_MUL
            fins.op2 = J.cur.k64(IR["KNUM"], u) & 0xFFFF
            return RETRYFOLD
    return NEXTFOLD


@rule("MUL NEG KNUM", "DIV NEG KNUM")
def simplify_nummuldiv_negk(J):
    if phibarrier(J.fleft):
        return NEXTFOLD
    J.fins.op1 = J.fleft.op1            # (-a) o k ==> a o (-k)
    J.fins.op2 = J.cur.knum(-J.fright.k) & 0xFFFF
    return RETRYFOLD


@rule("MUL NEG NEG", "DIV NEG NEG")
def simplify_nummuldiv_negneg(J):
    if phibarrier(J.fleft) or phibarrier(J.fright):
        return NEXTFOLD
    J.fins.op1 = J.fleft.op1            # (-a) o (-b) ==> a o b
    J.fins.op2 = J.fright.op1
    return RETRYFOLD


@rule("POW any KNUM")
def simplify_numpow_k(J):
    n = J.fright.k
    if n == 0.0:                        # x ^ 0 ==> 1 (a number, not an int)
        return J.cur.knum(1.0)
    if n == 1.0:                        # x ^ 1 ==> x
        return J.fins.op1
    if n == 2.0:                        # x ^ 2 ==> x * x
        x = J.fins.op1
        return emitir(J, IRTYPE(IR_MUL, IRT_NUM), x, x)
    return NEXTFOLD


# -- Integer algebraic simplifications --------------------------------------------------------

@rule("ADD any KINT", "ADDOV any KINT", "SUBOV any KINT")
def simplify_intadd_k(J):
    return J.fins.op1 if J.fright.i == 0 else NEXTFOLD     # i o 0 ==> i


@rule("MULOV any KINT")
def simplify_intmul_k(J):
    k = J.fright.i
    if k == 0:                          # i * 0 ==> 0
        return J.fins.op2
    if k == 1:                          # i * 1 ==> i
        return J.fins.op1
    if k == 2:                          # i * 2 ==> i + i
        J.fins.o = IR_ADDOV
        J.fins.op2 = J.fins.op1
        return RETRYFOLD
    return NEXTFOLD


@rule("SUB any KINT")
def simplify_intsub_k(J):
    k = J.fright.i
    if k == 0:                          # i - 0 ==> i
        return J.fins.op1
    J.fins.o = IR_ADD                   # i - k ==> i + (-k), wrapping for -2^31
    set_op2_kint(J, -k)
    return RETRYFOLD


@rule("SUB KINT any", "SUB KINT64 any")
def simplify_intsub_kleft(J):
    fleft = J.fleft
    if (fleft.i if fleft.o == IR_KINT else fleft.k) == 0:
        J.fins.o = IR_NEG               # 0 - i ==> -i
        J.fins.op1 = J.fins.op2
        return RETRYFOLD
    return NEXTFOLD


@rule("ADD any KINT64")
def simplify_intadd_k64(J):
    return J.fins.op1 if J.fright.k == 0 else NEXTFOLD     # i + 0 ==> i


@rule("SUB any KINT64")
def simplify_intsub_k64(J):
    k = J.fright.k
    if k == 0:                          # i - 0 ==> i
        return J.fins.op1
    J.fins.o = IR_ADD                   # i - k ==> i + (-k)
    J.fins.op2 = J.cur.kint64(-k) & 0xFFFF
    return RETRYFOLD


def intmul_k(J, k):
    """i * k for 0 <= k < 2^31: 0, i, or a shift for a power of two."""
    if k == 0:                          # i * 0 ==> 0
        return J.fins.op2
    if k == 1:                          # i * 1 ==> i
        return J.fins.op1
    if k & (k - 1) == 0:                # i * 2^n ==> i << n
        J.fins.o = IR_BSHL
        set_op2_kint(J, k.bit_length() - 1)
        return RETRYFOLD
    return NEXTFOLD


@rule("MUL any KINT")
def simplify_intmul_k32(J):
    k = J.fright.i
    return intmul_k(J, k) if k >= 0 else NEXTFOLD


@rule("MUL any KINT64")
def simplify_intmul_k64(J):
    k = J.fright.k
    return intmul_k(J, k) if k < 0x80000000 else NEXTFOLD


@rule("MOD any KINT")
def simplify_intmod_k(J):
    k = J.fright.i
    if k > 0 and k & (k - 1) == 0:      # i % 2^n ==> i & (2^n - 1)
        J.fins.o = IR_BAND
        set_op2_kint(J, k - 1)
        return RETRYFOLD
    return NEXTFOLD


@rule("MOD KINT any")
def simplify_intmod_kleft(J):
    return intfold(J, 0) if J.fleft.i == 0 else NEXTFOLD


@rule("SUB any any", "SUBOV any any")
def simplify_intsub(J):
    fins = J.fins
    if fins.op1 == fins.op2 and not irt_isnum(fins.t):     # i - i ==> 0
        return zerofold(J)
    return NEXTFOLD


@rule("SUB ADD any")
def simplify_intsubadd_leftcancel(J):
    fins, fleft = J.fins, J.fleft
    if not irt_isnum(fins.t):
        if phibarrier(fleft):
            return NEXTFOLD
        if fins.op2 == fleft.op1:       # (i + j) - i ==> j
            return fleft.op2
        if fins.op2 == fleft.op2:       # (i + j) - j ==> i
            return fleft.op1
    return NEXTFOLD


@rule("SUB SUB any")
def simplify_intsubsub_leftcancel(J):
    fins, fleft = J.fins, J.fleft
    if not irt_isnum(fins.t):
        if phibarrier(fleft):
            return NEXTFOLD
        if fins.op2 == fleft.op1:       # (i - j) - i ==> 0 - j
            fins.op1 = J.cur.kint(0) & 0xFFFF
            fins.op2 = fleft.op2
            return RETRYFOLD
    return NEXTFOLD


@rule("SUB any SUB")
def simplify_intsubsub_rightcancel(J):
    fins, fright = J.fins, J.fright
    if not irt_isnum(fins.t):
        if phibarrier(fright):
            return NEXTFOLD
        if fins.op1 == fright.op1:      # i - (i - j) ==> j
            return fright.op2
    return NEXTFOLD


@rule("SUB any ADD")
def simplify_intsubadd_rightcancel(J):
    fins, fright = J.fins, J.fright
    if not irt_isnum(fins.t):
        if phibarrier(fright):
            return NEXTFOLD
        if fins.op1 in (fright.op1, fright.op2):
            # i - (i + j) ==> 0 - j; i - (j + i) ==> 0 - j
            j = fright.op2 if fins.op1 == fright.op1 else fright.op1
            fins.op2 = j
            fins.op1 = J.cur.kint(0) & 0xFFFF
            return RETRYFOLD
    return NEXTFOLD


@rule("SUB ADD ADD")
def simplify_intsubaddadd_cancel(J):
    fins, fleft, fright = J.fins, J.fleft, J.fright
    if not irt_isnum(fins.t):
        if phibarrier(fleft) or phibarrier(fright):
            return NEXTFOLD
        # (i + j1) - (i + j2), (i + j1) - (j2 + i), (j1 + i) - (i + j2),
        # (j1 + i) - (j2 + i) ==> j1 - j2, tried in this order.
        for a, j1 in ((fleft.op1, fleft.op2), (fleft.op2, fleft.op1)):
            for b, j2 in ((fright.op1, fright.op2), (fright.op2, fright.op1)):
                if a == b:
                    fins.op1, fins.op2 = j1, j2
                    return RETRYFOLD
    return NEXTFOLD


# -- Bit operations -------------------------------------------------------------------------

@rule("BAND any KINT", "BAND any KINT64")
def simplify_band_k(J):
    k = kright(J)
    if k == 0:                          # i & 0 ==> 0
        return J.fins.op2
    if k == -1:                         # i & -1 ==> i
        return J.fins.op1
    return NEXTFOLD


@rule("BOR any KINT", "BOR any KINT64")
def simplify_bor_k(J):
    k = kright(J)
    if k == 0:                          # i | 0 ==> i
        return J.fins.op1
    if k == -1:                         # i | -1 ==> -1
        return J.fins.op2
    return NEXTFOLD


@rule("BXOR any KINT", "BXOR any KINT64")
def simplify_bxor_k(J):
    k = kright(J)
    if k == 0:                          # i xor 0 ==> i
        return J.fins.op1
    if k == -1:                         # i xor -1 ==> ~i
        J.fins.o = IR_BNOT
        J.fins.op2 = 0
        return RETRYFOLD
    return NEXTFOLD


def shift_mask(J):
    return 63 if irt_is64(J.fins.t) else 31


@rule("BSHL any KINT", "BSHR any KINT", "BSAR any KINT", "BROL any KINT", "BROR any KINT")
def simplify_shift_ik(J):
    fins = J.fins
    mask = shift_mask(J)
    k = J.fright.i & mask
    if k == 0:                          # i o 0 ==> i
        return fins.op1
    if k == 1 and fins.o == IR_BSHL:    # i << 1 ==> i + i
        fins.o = IR_ADD
        fins.op2 = fins.op1
        return RETRYFOLD
    if k != J.fright.i:                 # i o k ==> i o (k & mask)
        set_op2_kint(J, k)
        return RETRYFOLD
    if fins.o == IR_BROR:               # x64 has only BROL: bror(i, k) ==> brol(i, -k & mask)
        fins.o = IR_BROL
        set_op2_kint(J, -k & mask)
        return RETRYFOLD
    return NEXTFOLD


@rule("BSHL any BAND", "BSHR any BAND", "BSAR any BAND", "BROL any BAND", "BROR any BAND")
def simplify_shift_andk(J):
    # x86 masks shift and rotate counts itself: i o (j & mask) ==> i o j.
    if phibarrier(J.fright):
        return NEXTFOLD
    k = kint_of(J, J.fright.op2)
    if k is not None:
        mask = shift_mask(J)
        if k & mask == mask:
            J.fins.op2 = J.fright.op1
            return RETRYFOLD
    return NEXTFOLD


def kleft(J):
    """The value of a KINT or KINT64 left operand, as a signed integer."""
    fleft = J.fleft
    if fleft.o == IR_KINT:
        return fleft.i
    return fleft.k - (1 << 64) if fleft.k >> 63 else fleft.k


@rule("BSHL KINT any", "BSHR KINT any", "BSHL KINT64 any", "BSHR KINT64 any")
def simplify_shift1_ki(J):
    return J.fins.op1 if kleft(J) == 0 else NEXTFOLD       # 0 o i ==> 0


@rule("BSAR KINT any", "BROL KINT any", "BROR KINT any", "BSAR KINT64 any",
      "BROL KINT64 any", "BROR KINT64 any")
def simplify_shift2_ki(J):
    return J.fins.op1 if kleft(J) in (0, -1) else NEXTFOLD     # 0 o i ==> 0; -1 o i ==> -1


def int64arith(k1, k2, o):
    """kfold_int64arith on 64-bit patterns, shifts included as LuaJIT computes them:
    BSHR and the rotations work on the low 32 bits and sign-extend, BSAR shifts
    logically (only reached by (i & k64) o k)."""
    n = k2 & 63
    if o == IR_BSHL:
        return (k1 << n) & M64
    if o == IR_BSAR:
        return k1 >> n
    if o in (IR_BSHR, IR_BROL, IR_BROR):
        return _intop(i32(k1), n & 31, o) & M64
    return _intop64(k1, k2, o)


def _intop64(k1, k2, o):
    if o == IR_ADD:
        return (k1 + k2) & M64
    if o == IR_MUL:
        return (k1 * k2) & M64
    if o == IR_BAND:
        return k1 & k2
    if o == IR_BOR:
        return k1 | k2
    return k1 ^ k2                      # BXOR


@rule("BSHL BAND KINT", "BSHR BAND KINT", "BROL BAND KINT", "BROR BAND KINT")
def simplify_shiftk_andk(J):
    fins, fleft = J.fins, J.fleft
    if phibarrier(fleft):
        return NEXTFOLD
    k1 = kint_of(J, fleft.op2)
    k64 = kint64_of(J, fleft.op2)
    if k1 is None and k64 is None:
        return NEXTFOLD
    # (i & k1) o k2 ==> (i o k2) & (k1 o k2)
    k2, o, band_ot = J.fright.i, fins.o, fleft.o << 8 | fleft.t
    fins.op1 = fleft.op1
    shifted = fold(J) & 0xFFFF          # may rewrite fins, which is then reused
    fins = J.fins
    fins.op1 = shifted
    if k1 is not None:
        set_op2_kint(J, _intop(k1, k2, o))
        fins.o, fins.t = IR_BAND, IRT_INT
    else:
        fins.op2 = J.cur.kint64(int64arith(k64, k2, o)) & 0xFFFF
        fins.o, fins.t = band_ot >> 8, band_ot & 0xFF
    return RETRYFOLD


@rule("BAND BSHL KINT", "BAND BSHR KINT")
def simplify_andk_shiftk(J):
    k = kint_of(J, J.fleft.op2)
    if k is not None and _intop(-1, k, J.fleft.o) == J.fright.i:
        return J.fins.op1               # (i o k1) & k2 ==> i, if (-1 o k1) == k2
    return NEXTFOLD


@rule("BAND BOR KINT", "BOR BAND KINT")
def simplify_andor_k(J):
    fins, fleft = J.fins, J.fleft
    if phibarrier(fleft):
        return NEXTFOLD
    k1 = kint_of(J, fleft.op2)
    if k1 is not None:
        # (i | k1) & k2 ==> i & k2, if (k1 & k2) == 0;
        # (i & k1) | k2 ==> i | k2, if (k1 | k2) == -1.
        if _intop(k1, J.fright.i, fins.o) == (0 if fins.o == IR_BAND else -1):
            fins.op1 = fleft.op1
            return RETRYFOLD
    return NEXTFOLD


@rule("BAND BOR KINT64", "BOR BAND KINT64")
def simplify_andor_k64(J):
    fins, fleft = J.fins, J.fleft
    if phibarrier(fleft):
        return NEXTFOLD
    k1 = kint64_of(J, fleft.op2)
    if k1 is not None:
        if _intop64(k1, J.fright.k, fins.o) == (0 if fins.o == IR_BAND else M64):
            fins.op1 = fleft.op1
            return RETRYFOLD
    return NEXTFOLD


# -- Reassociation ------------------------------------------------------------------------------

@rule("ADD ADD KINT", "MUL MUL KINT", "BAND BAND KINT", "BOR BOR KINT", "BXOR BXOR KINT")
def reassoc_intarith_k(J):
    fins, fleft = J.fins, J.fleft
    k1 = kint_of(J, fleft.op2)
    if k1 is None:
        return NEXTFOLD
    k = _intop(k1, J.fright.i, fins.o)
    if k == k1:                         # (i o k1) o k2 ==> i o k1, if (k1 o k2) == k1
        return fins.op1
    if phibarrier(fleft):
        return NEXTFOLD
    fins.op1 = fleft.op1                # (i o k1) o k2 ==> i o (k1 o k2)
    set_op2_kint(J, k)
    return RETRYFOLD


@rule("ADD ADD KINT64", "MUL MUL KINT64", "BAND BAND KINT64", "BOR BOR KINT64",
      "BXOR BXOR KINT64")
def reassoc_intarith_k64(J):
    fins, fleft = J.fins, J.fleft
    k1 = kint64_of(J, fleft.op2)
    if k1 is None:
        return NEXTFOLD
    k = _intop64(k1, J.fright.k, fins.o)
    if phibarrier(fleft):
        return NEXTFOLD
    fins.op1 = fleft.op1                # (i o k1) o k2 ==> i o (k1 o k2)
    fins.op2 = J.cur.kint64(k) & 0xFFFF
    return RETRYFOLD


@rule("BAND BAND any", "BOR BOR any")
def reassoc_dup(J):
    if J.fins.op2 in (J.fleft.op1, J.fleft.op2):
        return J.fins.op1               # (a o b) o a ==> a o b; (a o b) o b ==> a o b
    return NEXTFOLD


@rule("MIN MIN any", "MAX MAX any")
def reassoc_dup_minmax(J):
    if J.fins.op2 == J.fleft.op2:
        return J.fins.op1               # (a o b) o b ==> a o b
    return NEXTFOLD


@rule("BXOR BXOR any")
def reassoc_bxor(J):
    fins, fleft = J.fins, J.fleft
    if phibarrier(fleft):
        return NEXTFOLD
    if fins.op2 == fleft.op1:           # (a xor b) xor a ==> b
        return fleft.op2
    if fins.op2 == fleft.op2:           # (a xor b) xor b ==> a
        return fleft.op1
    return NEXTFOLD


@rule("BSHL BSHL KINT", "BSHR BSHR KINT", "BSAR BSAR KINT", "BROL BROL KINT",
      "BROR BROR KINT")
def reassoc_shift(J):
    fins, fleft = J.fins, J.fleft
    if phibarrier(fleft):               # (shift any KINT) covers k2 == 0 and more
        return NEXTFOLD
    k1 = kint_of(J, fleft.op2)
    if k1 is None:
        return NEXTFOLD
    mask = shift_mask(J)
    k = (k1 & mask) + (J.fright.i & mask)   # (i o k1) o k2 ==> i o (k1 + k2)
    if k > mask:                        # the combined shift is too wide
        if fins.o in (IR_BSHL, IR_BSHR):
            return zerofold(J)
        k = mask if fins.o == IR_BSAR else k & mask
    fins.op1 = fleft.op1
    set_op2_kint(J, k)
    return RETRYFOLD


@rule("MIN MIN KINT", "MAX MAX KINT")
def reassoc_minmax_k(J):
    fins, fleft = J.fins, J.fleft
    k1 = kint_of(J, fleft.op2)
    if k1 is None:
        return NEXTFOLD
    k = _intop(k1, J.fright.i, fins.o)
    if k == k1:                         # (x o k1) o k2 ==> x o k1, if (k1 o k2) == k1
        return fins.op1
    if phibarrier(fleft):
        return NEXTFOLD
    fins.op1 = fleft.op1                # (x o k1) o k2 ==> x o (k1 o k2)
    set_op2_kint(J, k)
    return RETRYFOLD
