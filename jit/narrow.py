"""Narrowing of numbers to integers (lj_opt_narrow.c): arithmetic, array indexes,
bit operands, and the predictive narrowing of FORL induction variables.

Conversions are narrowed by back-propagation over ADD/SUB with a small cache of
results (J.bpropcache: key ref, value ref, conversion mode), as LuaJIT does.
"""

from .fold import NEXTFOLD, emit, emitir, foldarith
from .ir import (
    IR, IRCONV_ANY, IRCONV_CHECK, IRCONV_CONVMASK, IRCONV_DSH, IRCONV_DSTMASK, IRCONV_INDEX,
    IRCONV_INT_NUM, IRCONV_MODEMASK, IRCONV_NUM_INT, IRCONV_SEXT, IRCONV_SRCMASK,
    IRCONV_TOBIT, IRT, IRT_GUARD, REF_BIAS,
)
from .irbuf import IRTG, IRTYPE, TREF, i32, num2int, tref_ref, tref_t
from .traceerr import TraceError

IR_ADD, IR_SUB, IR_MUL, IR_ADDOV, IR_SUBOV, IR_MULOV = (
    IR[n] for n in ("ADD", "SUB", "MUL", "ADDOV", "SUBOV", "MULOV"))
IR_CONV, IR_KNUM, IR_TOBIT, IR_STRTO, IR_NE, IR_MOD, IR_DIV, IR_FPMATH, IR_NEG = (
    IR[n] for n in ("CONV", "KNUM", "TOBIT", "STRTO", "NE", "MOD", "DIV", "FPMATH", "NEG"))
IRT_INT, IRT_NUM, IRT_I64, IRT_STR = IRT["INT"], IRT["NUM"], IRT["I64"], IRT["STR"]
NARROW_MAX_BACKPROP = 100
NARROW_MAX_STACK = 256
BPROP_SLOTS = 16
NARROW_REF, NARROW_CONV, NARROW_SEXT, NARROW_INT = range(4)
IRFPM_FLOOR = 0
FORL_IDX, FORL_STOP, FORL_STEP = 0, 1, 2


def tref_isnum(tr):
    return tref_t(tr) == IRT_NUM


def tref_isinteger(tr):
    return 15 <= tref_t(tr) <= 20      # I8 .. U32


def tref_isnumber(tr):
    return tref_t(tr) == IRT_NUM or tref_isinteger(tr)


def tref_isstr(tr):
    return tref_t(tr) == IRT_STR


# -- The back-propagation cache ------------------------------------------------------------

def bpc_get(J, key, mode):
    for bkey, val, bmode in J.bpropcache:
        if bkey == key and bmode >= mode and not (bmode ^ mode) & IRCONV_MODEMASK:
            return val
    return None


def bpc_set(J, key, val, mode):
    """A 16-slot round-robin cache."""
    cache = J.bpropcache
    entry = (key, val, mode)
    if len(cache) < BPROP_SLOTS:
        cache.append(entry)
    else:
        cache[J.bpropslot] = entry
    J.bpropslot = (J.bpropslot + 1) & (BPROP_SLOTS - 1)


# -- Narrowing of explicit conversions (CONV/TOBIT of arithmetic) ---------------------------

class _Conv:
    __slots__ = ("J", "stack", "mode", "t")


def _stripov_backprop(nc, ref, depth):
    cur = nc.J.cur
    o = cur.o[ref]
    if o in (IR_ADDOV, IR_SUBOV) or (o == IR_MULOV and nc.mode & IRCONV_CONVMASK == IRCONV_ANY):
        val = bpc_get(nc.J, ref, IRCONV_TOBIT)
        if val is not None:
            ref = val
        else:
            depth += 1
            if depth < NARROW_MAX_BACKPROP and len(nc.stack) < NARROW_MAX_STACK - 4:
                save = len(nc.stack)
                _stripov_backprop(nc, cur.op1[ref], depth)
                if len(nc.stack) < NARROW_MAX_STACK - 4:
                    _stripov_backprop(nc, cur.op2[ref], depth)
                    if len(nc.stack) < NARROW_MAX_STACK - 4:
                        nc.stack.append((IRTYPE(o - IR_ADDOV + IR_ADD, IRT_INT), ref))
                        return
                del nc.stack[save:]
    nc.stack.append((NARROW_REF, ref))


def _conv_backprop(nc, ref, depth):
    """Returns the number of conversions the narrowed expression needs."""
    J = nc.J
    cur = J.cur
    if len(nc.stack) >= NARROW_MAX_STACK - 4:
        return 10
    o = cur.o[ref]
    if o == IR_CONV and cur.op2[ref] & IRCONV_SRCMASK == IRT_INT:
        if nc.mode & IRCONV_CONVMASK <= IRCONV_ANY:
            _stripov_backprop(nc, cur.op1[ref], depth + 1)
        else:
            nc.stack.append((NARROW_REF, cur.op1[ref]))
        if nc.t == IRT_I64:
            nc.stack.append((NARROW_SEXT, 0))
        return 0
    if o == IR_KNUM:
        return _conv_knum(nc, cur.kval[ref])
    fins = J.fins
    cref = cur.chain[fins.o]
    while cref > ref:
        if cur.op1[cref] == ref and (fins.o == IR_TOBIT or (
                cur.op2[cref] & IRCONV_MODEMASK == nc.mode & IRCONV_MODEMASK and
                (cur.t[cref] & IRT_GUARD) >= (fins.t & IRT_GUARD))):
            nc.stack.append((NARROW_REF, cref))
            return 0
        cref = cur.prev[cref]
    if o in (IR_ADD, IR_SUB):
        mode = nc.mode
        if mode & IRCONV_CONVMASK == IRCONV_INDEX and depth > 0:
            mode += IRCONV_CHECK - IRCONV_INDEX
        val = bpc_get(J, ref, mode)
        if val is not None:
            nc.stack.append((NARROW_REF, val))
            return 0
        depth += 1
        if depth < NARROW_MAX_BACKPROP and len(nc.stack) < NARROW_MAX_STACK - 4:
            save = len(nc.stack)
            count = _conv_backprop(nc, cur.op1[ref], depth)
            count += _conv_backprop(nc, cur.op2[ref], depth)
            if count <= 1:
                nc.stack.append((IRTYPE(o, nc.t), ref))
                return count
            del nc.stack[save:]
    nc.stack.append((NARROW_CONV, ref))
    return 1


def _conv_knum(nc, n):
    if nc.mode & IRCONV_CONVMASK == IRCONV_TOBIT:
        if n == n and -2.0 ** 63 <= n < 2.0 ** 63 and n == int(n):
            nc.stack.append((NARROW_INT, i32(int(n))))
            return 0
    else:
        k = num2int(n)
        if -32768 <= k <= 32767 and n == k:
            nc.stack.append((NARROW_INT, k))
            return 0
    return 10


def _conv_emit(J, nc):
    fins = J.fins
    guardot = IRTG(IR_ADDOV - IR_ADD, 0) if fins.t & IRT_GUARD else 0
    convot = fins.ot
    convop2 = fins.op2
    sp = []
    items = nc.stack
    last = len(items)
    for i, (op, ref) in enumerate(items):
        if op == NARROW_REF:
            sp.append(ref)
        elif op == NARROW_CONV:
            J.fins.set(convot, ref, convop2)
            sp.append(emit(J) & 0xFFFF)
        elif op == NARROW_SEXT:
            sp[-1] = emitir(J, IRTYPE(IR_CONV, IRT_I64), sp[-1],
                            (IRT_I64 << 5) | IRT_INT | IRCONV_SEXT) & 0xFFFF
        elif op == NARROW_INT:
            sp.append((J.cur.kint64(ref) if nc.t == IRT_I64 else J.cur.kint(ref)) & 0xFFFF)
        else:
            mode = nc.mode
            right = sp.pop()
            if mode & IRCONV_CONVMASK == IRCONV_INDEX:
                if i + 1 == last and right < REF_BIAS and \
                        (J.cur.kval.get(right, 0) + 0x40000000) & 0xFFFFFFFF < 0x80000000:
                    guardot = 0
                else:
                    mode += IRCONV_CHECK - IRCONV_INDEX
            sp[-1] = emitir(J, op + guardot, sp[-1], right) & 0xFFFF
            if ref:
                bpc_set(J, ref, sp[-1], mode)
    return sp[0]


def narrow_convert(J):
    """lj_opt_narrow_convert: the fold rule for CONV/TOBIT of arithmetic."""
    if "narrow" in J.flags:
        nc = _Conv()
        nc.J = J
        nc.stack = []
        nc.t = J.fins.t & 0x1F
        nc.mode = IRCONV_TOBIT if J.fins.o == IR_TOBIT else J.fins.op2
        if _conv_backprop(nc, J.fins.op1, 0) <= 1:
            return _conv_emit(J, nc)
    return NEXTFOLD


# -- Narrowing of implicit conversions ----------------------------------------------------

def _stripov(J, tr, lastop, mode):
    cur = J.cur
    ref = tref_ref(tr)
    o = cur.o[ref]
    if IR_ADDOV <= o <= lastop:
        val = bpc_get(J, ref, mode)
        if val is not None:
            return TREF(val, cur.t[val])
        op1, op2 = cur.op1[ref], cur.op2[ref]
        op1 = _stripov(J, op1, lastop, mode)
        op2 = _stripov(J, op2, lastop, mode)
        tr = emitir(J, IRTYPE(o - IR_ADDOV + IR_ADD, (mode & IRCONV_DSTMASK) >> IRCONV_DSH),
                    op1, op2)
        bpc_set(J, ref, tref_ref(tr), mode)
    elif mode & IRCONV_SEXT and tref_t(TREF(ref, cur.t[ref])) not in (IRT_I64, IRT["U64"]):
        tr = emitir(J, IRTYPE(IR_CONV, IRT["INTP"]), tr, mode)
    return tr


def narrow_index(J, tr):
    """lj_opt_narrow_index: an array index as an int."""
    if tref_isnum(tr):
        return emitir(J, IRTG(IR_CONV, IRT_INT), tr, IRCONV_INT_NUM | IRCONV_INDEX)
    cur = J.cur
    ref = tref_ref(tr)
    o = cur.o[ref]
    if o in (IR_ADDOV, IR_SUBOV) and cur.op2[ref] < REF_BIAS and \
            (cur.kval.get(cur.op2[ref], 0) + 0x40000000) & 0xFFFFFFFF < 0x80000000:
        return emitir(J, IRTYPE(o - IR_ADDOV + IR_ADD, IRT_INT), cur.op1[ref], cur.op2[ref])
    return tr


def narrow_toint(J, tr):
    """lj_opt_narrow_toint: an int operand with undefined overflow."""
    if tref_isstr(tr):
        tr = emitir(J, IRTG(IR_STRTO, IRT_NUM), tr, 0)
    if tref_isnum(tr):
        return emitir(J, IRTYPE(IR_CONV, IRT_INT), tr, IRCONV_INT_NUM | IRCONV_ANY)
    if not tref_isinteger(tr):
        raise TraceError("BADTYPE")
    return _stripov(J, tr, IR_MULOV, (IRT_INT << 5) | IRT_INT | IRCONV_TOBIT)


def narrow_tobit(J, tr):
    """lj_opt_narrow_tobit: a bit operation's operand (wrapped overflow)."""
    if tref_isstr(tr):
        tr = emitir(J, IRTG(IR_STRTO, IRT_NUM), tr, 0)
    if tref_isnum(tr):
        return emitir(J, IRTYPE(IR_TOBIT, IRT_INT), tr, J.cur.knum(2.0 ** 52 + 2.0 ** 51))
    if not tref_isinteger(tr):
        raise TraceError("BADTYPE")
    return _stripov(J, tr, IR_SUBOV, (IRT_INT << 5) | IRT_INT | IRCONV_TOBIT)


# -- Narrowing of arithmetic --------------------------------------------------------------

def numisint(n):
    """n fits an int32 (-0 is ok, too)."""
    return n == num2int(n)


def conv_str_tonum(J, tr, value):
    """A string operand becomes STRTO; returns (tref, its number value)."""
    if tref_isstr(tr):
        tr = emitir(J, IRTG(IR_STRTO, IRT_NUM), tr, 0)
        if value is None:
            raise TraceError("BADTYPE")
    return tr


def narrow_arith(J, rb, rc, vb, vc, op):
    """lj_opt_narrow_arith: vb/vc are the operands' number values (None: not numeric)."""
    rb = conv_str_tonum(J, rb, vb)
    rc = conv_str_tonum(J, rc, vc)
    if IR_ADD <= op <= IR_SUB and tref_isinteger(rb) and tref_isinteger(rc) and \
            numisint(foldarith(vb, vc, op)):
        return emitir(J, IRTG(op - IR_ADD + IR_ADDOV, IRT_INT), rb, rc)
    if not tref_isnum(rb):
        rb = emitir(J, IRTYPE(IR_CONV, IRT_NUM), rb, IRCONV_NUM_INT)
    if not tref_isnum(rc):
        rc = emitir(J, IRTYPE(IR_CONV, IRT_NUM), rc, IRCONV_NUM_INT)
    return emitir(J, IRTYPE(op, IRT_NUM), rb, rc)


def narrow_unm(J, rc, vc):
    rc = conv_str_tonum(J, rc, vc)
    if tref_isinteger(rc):
        k = num2int(vc) & 0xFFFFFFFF
        if k != 0 and k != 0x80000000:
            zero = J.cur.kint(0)
            emitir(J, IRTG(IR_NE, IRT_INT), rc, zero)
            return emitir(J, IRTG(IR_SUBOV, IRT_INT), zero, rc)
        rc = emitir(J, IRTYPE(IR_CONV, IRT_NUM), rc, IRCONV_NUM_INT)
    return emitir(J, IRTYPE(IR_NEG, IRT_NUM), rc, J.ksimd_neg())


def narrow_mod(J, rb, rc, vb, vc):
    rb = conv_str_tonum(J, rb, vb)
    rc = conv_str_tonum(J, rc, vc)
    if "narrow" in J.flags and tref_isinteger(rb) and tref_isinteger(rc) and vc != 0:
        emitir(J, IRTG(IR_NE, IRT_INT), rc, J.cur.kint(0))
        return emitir(J, IRTYPE(IR_MOD, IRT_INT), rb, rc)
    rb = tonum(J, rb)
    rc = tonum(J, rc)
    tmp = emitir(J, IRTYPE(IR_DIV, IRT_NUM), rb, rc)
    tmp = emitir(J, IRTYPE(IR_FPMATH, IRT_NUM), tmp, IRFPM_FLOOR)
    tmp = emitir(J, IRTYPE(IR_MUL, IRT_NUM), tmp, rc)
    return emitir(J, IRTYPE(IR_SUB, IRT_NUM), rb, tmp)


def tonum(J, tr):
    """lj_ir_tonum: an int or string operand as a number."""
    if not tref_isnum(tr):
        if tref_isinteger(tr):
            tr = emitir(J, IRTYPE(IR_CONV, IRT_NUM), tr, IRCONV_NUM_INT)
        elif tref_isstr(tr):
            tr = emitir(J, IRTG(IR_STRTO, IRT_NUM), tr, 0)
        else:
            raise TraceError("BADTYPE")
    return tr


def narrow_forl(J, idx, stop, step):
    """lj_opt_narrow_forl: IRT_INT if start, stop and step are ints that cannot overflow."""
    if "narrow" in J.flags and numisint(idx) and numisint(stop) and numisint(step):
        s = stop + step
        if (s <= 2147483647.0) if step >= 0 else (s >= -2147483648.0):
            return IRT_INT
    return IRT_NUM
