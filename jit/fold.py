"""FOLD: constant folding, algebraic simplification and reassociation, with CSE
(lj_opt_fold.c). Every instruction the recorder emits goes through fold().

A rule is registered for one or more keys "OP LEFT RIGHT", where LEFT and RIGHT
are the opcodes of the operand instructions, "any", or (RIGHT only) a literal
value. fold() tries the exact key first, then LEFT=any, then RIGHT=any, then both,
as LuaJIT's semi-perfect hash lookup does; a rule returns a reference (the result),
one of the codes below, or NEXTFOLD to let the less specific rules try.

Rules read J.fins (the instruction), J.fleft and J.fright (copies of the operand
instructions; .k holds a constant's value) and may rewrite J.fins and RETRYFOLD.
"""

import math

from .ir import IR, IRNAMES, IRT, IRT_GUARD, IRT_ISPHI, IRT_TYPE, IRM_L, IRM_S, REF_BIAS
from .ir import IRFL, IRFPM, REF_DROP, irm_kind
from .ircall import IRCALL
from ..vm.lib.math import vm_ceil, vm_floor
from ..vm.numbers import c_pow
from .irbuf import TREF, bits_num, i32, num2int, num_bits
from .traceerr import TraceError

NEXTFOLD, RETRYFOLD, KINTFOLD, FAILFOLD, DROPFOLD, MAX_FOLD = range(6)

ANY_LEFT = 0x7F << 10
ANY_RIGHT = 0x3FF
_SEARCH = (0, ANY_LEFT, ANY_RIGHT, ANY_LEFT | ANY_RIGHT)

RULES = {}          # key -> rule function


def fold_key(o, left, right):
    return (o << 17) | (left << 10) | right


def rule(*specs):
    """Register a fold rule for "OP LEFT RIGHT" keys (LEFT/RIGHT may be "any")."""
    def register(f):
        for spec in specs:
            parts = spec.split()
            o = IR[parts[0]]
            left = ANY_LEFT >> 10 if len(parts) < 2 or parts[1] == "any" else IR[parts[1]]
            if len(parts) < 3 or parts[2] == "any":
                right = ANY_RIGHT
            elif parts[2] in IR:
                right = IR[parts[2]]
            else:
                right = _literal(parts[2]) & ANY_RIGHT
            key = fold_key(o, left, right)
            assert key not in RULES, "duplicate fold rule " + spec
            RULES[key] = f
        return f
    return register


def _literal(name):
    """A literal right operand in a rule key: a number, a name from LITERALS, or a
    named literal of lj_ir.h: IRCONV_<DST>_<SRC>, IRFPM_<OP>, IRFL_<FIELD>,
    IRCALL_<function>."""
    if name.isdigit():
        return int(name)
    if name in LITERALS:
        return LITERALS[name]
    kind, _, rest = name.partition("_")
    return _LITERAL_KINDS[kind](rest)


def _irconv(rest):
    dst, src = rest.split("_")
    return (IRT[dst] << 5) | IRT[src]


LITERALS = {}       # extra names usable as literal right keys
_LITERAL_KINDS = {
    "IRCONV": _irconv,
    "IRFPM": lambda rest: IRFPM.index(rest.lower()),
    "IRFL": lambda rest: IRFL[rest],
    "IRCALL": lambda rest: IRCALL[rest],
}


def fold(J):
    """lj_opt_fold: fold, CSE or emit J.fins; returns a TRef (or REF_DROP)."""
    fins = J.fins
    flags = J.flags
    if not _FOLD_GATES <= flags:
        r = _unfolded(J, flags)
        if r is not None:
            return r
    cur = J.cur
    while True:
        key = fins.o << 17
        if fins.op1 >= cur.nk:
            key += cur.o[fins.op1] << 10
            _load(cur, fins.op1, J.fleft)
        if fins.op2 >= cur.nk:
            key += cur.o[fins.op2]
            _load(cur, fins.op2, J.fright)
        else:
            key += fins.op2 & ANY_RIGHT
        ref = NEXTFOLD
        for anymask in _SEARCH:
            f = RULES.get(key | anymask)
            if f is not None:
                ref = f(J) & 0xFFFF
                if ref != NEXTFOLD:
                    break
        if ref == NEXTFOLD:
            return cse(J)
        if ref >= MAX_FOLD:
            return TREF(ref, cur.t[ref])
        if ref == RETRYFOLD:
            continue
        if ref == KINTFOLD:
            return cur.kint(fins.i)
        if ref == FAILFOLD:
            raise TraceError("GFAIL")
        return REF_DROP


_FOLD_GATES = frozenset(("fold", "cse", "fwd", "dse"))


def _unfolded(J, flags):
    """The non-default flag combinations: pass some instructions around FOLD."""
    kind = irm_kind(J.fins.o)
    if "fold" not in flags and kind == 0:
        return cse(J)
    if not {"fold", "fwd", "cse"} <= flags and kind == IRM_L and J.fins.o != IR["SLOAD"]:
        return emit(J)
    if not {"fold", "dse"} <= flags and kind == IRM_S:
        return emit(J)
    return None


def _load(cur, ref, ins):
    ins.o = cur.o[ref]
    ins.t = cur.t[ref]
    ins.op1 = cur.op1[ref]
    ins.op2 = cur.op2[ref]
    ins.k = cur.kval.get(ref) if ref < REF_BIAS else None
    ins.i = ins.k if ins.o == IR_KINT else 0


def emit(J):
    """lj_ir_emit of J.fins."""
    f = J.fins
    return J.cur.emit_raw((f.o << 8) | f.t, f.op1, f.op2)


def emitir(J, ot, a, b):
    """Set J.fins and fold it (the recorder's emitir)."""
    J.fins.set(ot, a & 0xFFFF, b & 0xFFFF)
    return fold(J)


def cse(J):
    """lj_opt_cse: an earlier instruction with the same op and operands, else emit."""
    f = J.fins
    cur = J.cur
    if "cse" in J.flags:
        ref = cur.chain[f.o]
        lim = f.op1 if f.op1 > f.op2 else f.op2
        op1, op2 = cur.op1, cur.op2
        while ref > lim:
            if op1[ref] == f.op1 and op2[ref] == f.op2:
                return TREF(ref, cur.t[ref])
            ref = cur.prev[ref]
    return cur.emit_raw((f.o << 8) | f.t, f.op1, f.op2)


def cselim(J, lim):
    """lj_opt_cselim: CSE down to a limit; returns a ref."""
    f = J.fins
    cur = J.cur
    ref = cur.chain[f.o]
    while ref > lim:
        if cur.op1[ref] == f.op1 and cur.op2[ref] == f.op2:
            return ref
        ref = cur.prev[ref]
    return emit(J) & 0xFFFF


def phibarrier(ins):
    """PHIBARRIER: do not fold across a PHI operand."""
    return ins.t & IRT_ISPHI


def condfold(cond):
    return DROPFOLD if cond else FAILFOLD


# The types irt_is64 holds for (GC64: every GC object reference is 64 bits wide).
IRT_IS64 = frozenset(IRT[n] for n in (
    "NUM", "I64", "U64", "P64", "LIGHTUD", "STR", "THREAD", "PROTO", "FUNC", "CDATA",
    "TAB", "UDATA", "NIL"))


def irt_is64(t):
    return (t & IRT_TYPE) in IRT_IS64


def irt_isnum(t):
    return (t & IRT_TYPE) == IRT_NUM


def irt_isguard(t):
    return bool(t & IRT_GUARD)


def kint64fold(J, u):
    """INT64FOLD: a 64-bit integer constant (wrapped to 64 bits)."""
    return J.cur.kint64(u)


# -- The arithmetic the folder evaluates (lj_vm_foldarith, lj_vm_foldfpm) ---------------

IR_ADD = IR["ADD"]
IR_KINT = IR["KINT"]
IR_KNUM = IR["KNUM"]
IRT_NUM = IRT["NUM"]


def foldarith(x, y, op):
    """lj_vm_foldarith: ADD SUB MUL DIV MOD POW NEG ABS LDEXP MIN MAX on doubles."""
    k = op - IR_ADD
    if k == 0:
        return x + y
    if k == 1:
        return x - y
    if k == 2:
        return x * y
    if k == 3:
        return _div(x, y)
    if k == 4:
        return x - _floor(_div(x, y)) * y
    if k == 5:
        return _pow(x, y)
    if k == 6:
        return -x
    if k == 7:
        return abs(x)
    if k == 8:
        return _ldexp(x, y)
    if k == 9:
        return x if x < y else y
    if k == 10:
        return x if x > y else y
    raise AssertionError("bad arith op %d" % op)


def _div(x, y):
    try:
        return x / y
    except ZeroDivisionError:
        if x != x or x == 0:
            return math.nan
        neg = (num_bits(x) ^ num_bits(y)) >> 63
        return -math.inf if neg else math.inf


def _pow(x, y):
    return c_pow(x, y)


def _floor(x):
    """lj_vm_floor: the SSE rounding of vm_x64.dasc (keeps -0, passes NaN and inf)."""
    return vm_floor(x)


def vm_trunc(x):
    """lj_vm_trunc: floor of |x| with the sign merged back (trunc(-0.5) is -0)."""
    return math.copysign(vm_floor(abs(x)), x)


def _ldexp(x, y):
    try:
        return math.ldexp(x, int(y))
    except OverflowError:
        return math.copysign(math.inf, x)


FPM = ("floor", "ceil", "trunc", "sqrt", "log", "log2", "other")


def foldfpm(x, fpm):
    """lj_vm_foldfpm: FPMATH on a constant."""
    name = FPM[fpm]
    if name == "floor":
        return vm_floor(x)
    if name == "ceil":
        return vm_ceil(x)
    if name == "trunc":
        return vm_trunc(x)
    if name == "sqrt":
        return math.sqrt(x) if x >= 0 else (x if x != x else math.nan)
    if name in ("log", "log2"):
        if x > 0:
            return (math.log if name == "log" else math.log2)(x)
        return -math.inf if x == 0 else math.nan
    raise AssertionError("bad fpm %d" % fpm)


def numcmp(a, b, o):
    """lj_ir_numcmp."""
    name = IRNAMES[o]
    if name == "EQ":
        return a == b
    if name == "NE":
        return a != b
    if name == "LT":
        return a < b
    if name == "GE":
        return a >= b
    if name == "LE":
        return a <= b
    if name == "GT":
        return a > b
    if name == "ULT":
        return not a >= b
    if name == "UGE":
        return not a < b
    if name == "ULE":
        return not a > b
    if name == "UGT":
        return not a <= b
    raise AssertionError("bad comparison %d" % o)


# -- Constant folding for numbers ---------------------------------------------------------

@rule("ADD KNUM KNUM", "SUB KNUM KNUM", "MUL KNUM KNUM", "DIV KNUM KNUM", "LDEXP KNUM KNUM",
      "MIN KNUM KNUM", "MAX KNUM KNUM")
def kfold_numarith(J):
    return J.cur.knum(foldarith(J.fleft.k, J.fright.k, J.fins.o))


@rule("NEG KNUM FLOAD", "ABS KNUM FLOAD")
def kfold_numabsneg(J):
    a = J.fleft.k
    return J.cur.knum(foldarith(a, a, J.fins.o))


@rule("LDEXP KNUM KINT")
def kfold_ldexp(J):
    return NEXTFOLD         # x86-64 keeps LDEXP with an int exponent


@rule("FPMATH KNUM any")
def kfold_fpmath(J):
    return J.cur.knum(foldfpm(J.fleft.k, J.fins.op2))


@rule("POW KNUM KNUM")
def kfold_numpow(J):
    return J.cur.knum(foldarith(J.fleft.k, J.fright.k, IR["POW"]))


@rule(*("%s KNUM KNUM" % op for op in
        ("EQ", "NE", "LT", "GE", "LE", "GT", "ULT", "UGE", "ULE", "UGT")))
def kfold_numcomp(J):
    return condfold(numcmp(J.fleft.k, J.fright.k, J.fins.o))


# -- Constant folding for 32-bit integers -------------------------------------------------

def _intop(k1, k2, o):
    name = IRNAMES[o]
    if name == "ADD":
        return i32(k1 + k2)
    if name == "SUB":
        return i32(k1 - k2)
    if name == "MUL":
        return i32(k1 * k2)
    if name == "MOD":
        return _modi(k1, k2)
    if name == "NEG":
        return i32(-k1)
    if name == "BAND":
        return i32(k1 & k2)
    if name == "BOR":
        return i32(k1 | k2)
    if name == "BXOR":
        return i32(k1 ^ k2)
    if name == "BSHL":
        return i32(k1 << (k2 & 31))
    if name == "BSHR":
        return i32((k1 & 0xFFFFFFFF) >> (k2 & 31))
    if name == "BSAR":
        return i32(k1 >> (k2 & 31))
    if name == "BROL":
        n = k2 & 31
        u = k1 & 0xFFFFFFFF
        return i32((u << n) | (u >> (32 - n))) if n else k1
    if name == "BROR":
        n = k2 & 31
        u = k1 & 0xFFFFFFFF
        return i32((u >> n) | (u << (32 - n))) if n else k1
    if name == "MIN":
        return min(k1, k2)
    if name == "MAX":
        return max(k1, k2)
    # Not in kfold_intop (they have their own rules), but the executor evaluates them here.
    if name == "BNOT":
        return i32(~k1)
    if name == "BSWAP":
        return i32(int.from_bytes((k1 & 0xFFFFFFFF).to_bytes(4, "little"), "big"))
    raise AssertionError("bad int op %d" % o)


def _modi(a, b):
    """lj_vm_modi: the remainder with the sign of the divisor, in 32-bit arithmetic."""
    ua = (-a if a < 0 else a) & 0xFFFFFFFF
    ub = (-b if b < 0 else b) & 0xFFFFFFFF
    y = ua % ub
    if y and (a ^ b) < 0:
        y = (y - ub) & 0xFFFFFFFF
    if (i32(y) ^ b) < 0:
        y = (-i32(y)) & 0xFFFFFFFF
    return i32(y)


@rule(*("%s KINT KINT" % op for op in
        ("ADD", "SUB", "MUL", "MOD", "NEG", "BAND", "BOR", "BXOR", "BSHL", "BSHR", "BSAR",
         "BROL", "BROR", "MIN", "MAX")))
def kfold_intarith(J):
    J.fins.i = _intop(J.fleft.i, J.fright.i, J.fins.o)
    return KINTFOLD


@rule("ADDOV KINT KINT", "SUBOV KINT KINT", "MULOV KINT KINT")
def kfold_intovarith(J):
    n = foldarith(float(J.fleft.i), float(J.fright.i), J.fins.o - IR["ADDOV"] + IR_ADD)
    k = num2int(n)
    if n != k:
        return FAILFOLD
    J.fins.i = k
    return KINTFOLD


@rule("BNOT KINT", "BSWAP KINT")
def kfold_bnot_bswap(J):
    J.fins.i = _intop(J.fleft.i, 0, J.fins.o)
    return KINTFOLD


@rule(*("%s KINT KINT" % op for op in
        ("LT", "GE", "LE", "GT", "ULT", "UGE", "ULE", "UGT", "ABC")))
def kfold_intcomp(J):
    a, b = J.fleft.i, J.fright.i
    name = IRNAMES[J.fins.o]
    ua, ub = a & 0xFFFFFFFF, b & 0xFFFFFFFF
    result = {"LT": a < b, "GE": a >= b, "LE": a <= b, "GT": a > b, "ULT": ua < ub,
              "UGE": ua >= ub, "ULE": ua <= ub, "UGT": ua > ub, "ABC": ua > ub}[name]
    return condfold(result)


@rule("UGE any KINT")
def kfold_intcomp0(J):
    return DROPFOLD if J.fright.i == 0 else NEXTFOLD


assert IRT_TYPE == 0x1F and IRT["NUM"] == 14 and bits_num(num_bits(1.5)) == 1.5

# The other rule families register themselves on import (in lj_opt_fold.c's order).
from . import fold_const  # noqa: E402,F401 -- constant folding beyond numbers and ints
from . import fold_simplify  # noqa: E402,F401 -- algebraic simplification, reassociation
from . import fold_conv  # noqa: E402,F401 -- conversions and narrowing
from . import fold_comm  # noqa: E402,F401 -- ABC elimination, commutativity, compounds
from . import opt_mem  # noqa: E402,F401 -- registers the load/store rules
