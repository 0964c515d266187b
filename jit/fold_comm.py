"""FOLD rules: array bounds check elimination, commutativity and the compound
string comparison (lj_opt_fold.c).

Commutative instructions are put in one canonical order: the lower reference goes
to the right. That moves constants to the right (so "BOR any KINT" suffices), lets
CSE find a + b and b + a as one, and is what the backend wants.
"""

from .fold import (
    DROPFOLD, NEXTFOLD, RETRYFOLD, condfold, emit, emitir, irt_is64, irt_isnum, kint64fold,
    phibarrier, rule,
)
from .fold_const import gcaddr, kfold_xload
from .ir import (
    IR, IRT, IRT_GUARD, IRT_ISPHI, IRT_TYPE, IRXLOAD_READONLY, IRXLOAD_UNALIGNED, REF_BIAS,
)
from .irbuf import IRTG, IRTYPE, i32
from ..vm.layout import GCSTR

IR_ABC, IR_ADD, IR_LOOP, IR_EQ, IR_STRREF, IR_XLOAD, IR_BAND = (
    IR[n] for n in ("ABC", "ADD", "LOOP", "EQ", "STRREF", "XLOAD", "BAND"))
IRT_INT = IRT["INT"]


# -- Array bounds check elimination ----------------------------------------------------------

@rule("ABC any ADD")
def abc_fwd(J):
    """ABC(asize, (i+k)+(-k)) ==> ABC(asize, i), if that check exists already (the
    t[i-1] forwarding case; works across PHIs)."""
    if "abc" not in J.flags:
        return NEXTFOLD
    cur, fins, fright = J.cur, J.fins, J.fright
    k = fright.op2
    if k >= REF_BIAS:
        return NEXTFOLD
    add2 = fright.op1
    k2 = cur.op2[add2]
    if cur.o[add2] == IR_ADD and k2 < REF_BIAS and cur.kval[k] == i32(-cur.kval[k2]):
        i = cur.op1[add2]
        ref = cur.chain[IR_ABC]
        lim = max(i, fins.op1)
        while ref > lim:
            if cur.op1[ref] == fins.op1 and cur.op2[ref] == i:
                return DROPFOLD
            ref = cur.prev[ref]
    return NEXTFOLD


@rule("ABC any KINT")
def abc_k(J):
    """ABC(asize, k1), ABC(asize, k2) ==> ABC(asize, max(k1, k2)): drop the second
    check if k2 is lower, else raise the first one to k2."""
    if phibarrier(J.fleft):
        return NEXTFOLD
    if "abc" not in J.flags:
        return NEXTFOLD
    cur, fins = J.cur, J.fins
    asize = fins.op1
    ref = cur.chain[IR_ABC]
    while ref > asize:
        if cur.op1[ref] == asize and cur.op2[ref] < REF_BIAS:
            k = cur.kval[cur.op2[ref]] & 0xFFFFFFFF
            if J.fright.i & 0xFFFFFFFF > k:
                cur.op2[ref] = fins.op2
            return DROPFOLD
        ref = cur.prev[ref]
    return emit(J)          # the search above was the CSE


@rule("ABC any any")
def abc_invar(J):
    """An invariant ABC (typed P32 by the recorder) inside the loop: drop it when the
    size is invariant, too."""
    fins, cur = J.fins, J.cur
    if (fins.t & IRT_TYPE != IRT_INT and fins.op1 < cur.chain[IR_LOOP] and
            not cur.t[fins.op1] & IRT_ISPHI):
        return DROPFOLD
    return NEXTFOLD


# -- Commutativity ------------------------------------------------------------------------------

def comm_swap(J):
    fins = J.fins
    if fins.op1 < fins.op2:             # move the lower ref to the right
        fins.op1, fins.op2 = fins.op2, fins.op1
        return RETRYFOLD
    return NEXTFOLD


rule("ADD any any", "MUL any any", "ADDOV any any", "MULOV any any")(comm_swap)


@rule("EQ any any", "NE any any")
def comm_equal(J):
    fins = J.fins
    # Not for numbers (NaN): x == x ==> drop; x ~= x ==> fail.
    if fins.op1 == fins.op2 and not irt_isnum(fins.t):
        return condfold(fins.o == IR_EQ)
    return comm_swap(J)


@rule("LT any any", "GE any any", "LE any any", "GT any any", "ULT any any", "UGE any any",
      "ULE any any", "UGT any any")
def comm_comp(J):
    fins = J.fins
    # Not for numbers (NaN): x <= x, x >= x ==> drop; x < x, x > x ==> fail.
    if fins.op1 == fins.op2 and not irt_isnum(fins.t):
        return condfold((fins.o ^ (fins.o >> 1)) & 1)
    if fins.op1 < fins.op2:             # move the lower ref to the right
        fins.op1, fins.op2 = fins.op2, fins.op1
        fins.o ^= 3                     # LT <-> GT, GE <-> LE (signedness stays)
        return RETRYFOLD
    return NEXTFOLD


@rule("BAND any any", "BOR any any")
def comm_dup(J):
    fins = J.fins
    if fins.op1 == fins.op2:            # x o x ==> x
        return fins.op1
    return comm_swap(J)


@rule("MIN any any", "MAX any any")
def comm_dup_minmax(J):
    fins = J.fins
    # No swap: MIN/MAX of numbers pick an operand by position (NaN, -0).
    return fins.op1 if fins.op1 == fins.op2 else NEXTFOLD


@rule("BXOR any any")
def comm_bxor(J):
    fins = J.fins
    if fins.op1 == fins.op2:            # i xor i ==> 0
        if irt_is64(fins.t):
            return kint64fold(J, 0)
        return J.cur.kint(0)
    return comm_swap(J)


# -- Compound expressions ---------------------------------------------------------------------

SNEW_MAX_LEN = 4        # x64 loads unaligned: lengths 0 to 4 (a string has a NUL after it)
XLOAD_TYPE = {1: IRT["I8"], 2: IRT["U16"], 3: IRT_INT, 4: IRT_INT}


@rule("EQ SNEW KGC", "NE SNEW KGC")
def merge_eqne_snew_kgc(J):
    """string.sub(s, a, b) == "k" ==> compare the length and load the bytes instead."""
    cur, fins, fleft = J.cur, J.fins, J.fleft
    ks = J.fright.k
    n = len(J.vm.sbytes(ks))
    if phibarrier(fleft) or n > SNEW_MAX_LEN:
        return NEXTFOLD
    op, strref, length = fins.o, fleft.op1, fleft.op2
    if cur.o[strref] != IR_STRREF:
        return NEXTFOLD
    if op == IR_EQ:
        emitir(J, IRTG(IR_EQ, IRT_INT), length, cur.kint(n))     # clobbers fins
    elif length >= REF_BIAS:
        return NEXTFOLD     # NE would need an OR of two conditions: constant lengths only
    elif cur.kval[length] != n:
        return DROPFOLD
    if n == 0:
        return DROPFOLD
    mode = IRXLOAD_READONLY | (IRXLOAD_UNALIGNED if n > 1 else 0)
    tmp = emitir(J, IRTYPE(IR_XLOAD, XLOAD_TYPE[n]), strref, mode) & 0xFFFF
    val = kfold_xload(J, cur.t[tmp], gcaddr(ks) + GCSTR["data"]) & 0xFFFF
    if n == 3:              # a 4-byte load: mask the NUL away
        tmp = emitir(J, IRTYPE(IR_BAND, IRT_INT), tmp, cur.kint(0x00FFFFFF)) & 0xFFFF
    fins = J.fins
    fins.o, fins.t = op, IRT_INT | IRT_GUARD
    fins.op1, fins.op2 = tmp, val
    return RETRYFOLD
