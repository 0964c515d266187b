"""Recording calls of builtins (lj_ffrecord.c).

Which builtins are compiled is decided by the one table in jit/builtins.py; this
module holds the handlers. A builtin without a handler here, or a variant its
handler does not compile, stitches the trace (or ends it with "return") exactly
where LuaJIT's recff_nyi would.

A handler reads J.base-relative slots of the builtin's frame (getslot / base: the
arguments are slots 0..), its runtime arguments through J.stack_tv, and sets the
results in slots 0.. ; it returns the number of results (or -1: trace stopped).
"""

from ..vm.bytecode import BC_CALLM, BC_CALLMT, BC_RETM, BC_TSETM
from ..vm.layout import NUM_LIMIT, TAG_BITS
from ..vm.table import tv_num
from .builtins import NEVER_STITCH, RECORDED
from .fold import emitir
from .ir import IR, IRFPM, IRT, REF_BASE
from .irbuf import IRTYPE, TREF_PRI
from .narrow import narrow_arith, narrow_tobit, tonum, tref_isinteger
from .record import base, record_ret, record_stop, setslot
from .traceerr import TraceError

IRT_NUM, IRT_INT, IRT_STR = IRT["NUM"], IRT["INT"], IRT["STR"]
IRCONV_NUM_INT = (IRT_NUM << 5) | IRT_INT


def record_ff(J, f, ra):
    """lj_ffrecord_func for builtin f called at slot ra of the current Lua frame.

    The recorder switches to the builtin's frame (its arguments are slots 0..),
    runs the handler and records the return to the caller."""
    caller_fn, caller_pc = J.fn, J.pc
    J.ff_caller = (caller_fn, caller_pc)
    vm = J.vm
    fslot = J.L_base + ra
    vm.Q[fslot + 1] = caller_fn.p.retbase + 4 * (caller_pc + 1)   # the frame link the call sets
    J.L_base = fslot + 2
    J.fn = f
    J.pt = None
    J.record_event()
    nargs = J.maxslot
    entry = RECORDED.get(f.name)
    handler = HANDLERS.get(entry[0]) if entry else None
    setslot(J, J.maxslot, 0)          # mark the end of the arguments
    nres = NYI if handler is None else handler(J, entry[1], f)
    if nres is NYI:
        _back_to_caller(J, ra, nargs, caller_fn, caller_pc)
        recff_nyi(J, f, caller_fn, caller_pc)
        return
    record_ret(J, 0, nres)
    J.L_base = fslot
    J.L_base -= ra
    J.fn, J.pt, J.pc = caller_fn, caller_fn.p, caller_pc


NYI = -2      # a handler's "this variant is not compiled"

_TAIL_STATE = ("baseslot", "framedepth", "maxslot", "tailcalled", "L_base", "fn", "pt", "pc")


def save_tail_state(J):
    """The recorder state before a tail call, to undo it when the builtin is not compiled."""
    return list(J.slot), [getattr(J, name) for name in _TAIL_STATE]


def record_ff_tail(J, f, argbase, rbase, saved):
    """A builtin reached by CALLT. The slot map already holds the moved frame (the
    arguments are slots 0..); the runtime arguments are still at argbase; the builtin
    returns through the link of the frame it replaced (base rbase)."""
    caller_fn, caller_pc = J.fn, J.pc
    J.ff_caller = (caller_fn, caller_pc)
    J.L_base = argbase
    J.fn = f
    J.pt = None
    J.record_event()
    entry = RECORDED.get(f.name)
    handler = HANDLERS.get(entry[0]) if entry else None
    setslot(J, J.maxslot, 0)
    nres = NYI if handler is None else handler(J, entry[1], f)
    if nres is NYI:
        J.slot[:] = saved[0]
        for name, value in zip(_TAIL_STATE, saved[1]):
            setattr(J, name, value)
        recff_nyi(J, f, caller_fn, caller_pc, J.vm.Q[rbase - 1])
        return
    J.L_base = rbase
    record_ret(J, 0, nres)


def _back_to_caller(J, ra, nargs, caller_fn, caller_pc):
    """Undo the builtin's frame: the trace ends before the call, which the interpreter
    then makes (the snapshot resumes at the CALL with the function and arguments)."""
    J.framedepth -= 1
    J.baseslot -= ra + 2
    J.L_base -= ra + 2
    J.fn, J.pt, J.pc = caller_fn, caller_fn.p, caller_pc
    setslot(J, ra + 1, 0)
    J.maxslot = ra + 2 + nargs


def recff_nyi(J, f, caller_fn, caller_pc, tail_link=None):
    """Stitch across the builtin, or stop the trace and return to the interpreter.

    LuaJIT looks at the builtin's frame: it must be called from Lua (for a tail call:
    the replaced frame's link is a Lua return address) and the instruction at the
    return address must not use a variable number of values."""
    if J.cur.nins < J.param["minstitch"] + REF_BASE:
        raise TraceError("TRACEUV")
    if tail_link is None:
        depth = J.framedepth + 1
        nxt = caller_fn.p.proto.code[caller_pc + 1] & 0xFF
    else:
        depth = J.framedepth if tail_link & 3 == 0 else 0
        if depth:
            p, rpc = J.code_at(tail_link)
            nxt = p.proto.code[rpc] & 0xFF
    if depth and nxt not in (BC_CALLM, BC_CALLMT, BC_RETM, BC_TSETM) and \
            f.name not in NEVER_STITCH:
        J.stitch_from = (caller_fn, caller_pc)
        record_stop(J, "stitch", 0)
        return
    record_stop(J, "return", 0)


# -- Handlers ----------------------------------------------------------------------------

def arg(J, i):
    return base(J, i)


def recff_assert(J, data, f):
    return J.maxslot


def recff_type(J, data, f):
    v = J.stack_tv(0)
    name = "number" if v < NUM_LIMIT else _TYPENAMES[0x1FFFF - (v >> TAG_BITS)]
    setslot(J, 0, J.cur.kgc(J.vm.str(name.encode()), IRT_STR))
    return 1


_TYPENAMES = ("nil", "boolean", "boolean", "userdata", "string", "upval", "thread", "proto",
              "function", "trace", "cdata", "table", "userdata")


def recff_math_abs(J, data, f):
    tr = tonum(J, arg(J, 0))
    setslot(J, 0, emitir(J, IRTYPE(IR["ABS"], IRT_NUM), tr, J.ksimd_abs()))
    return 1


def recff_math_round(J, data, f):
    tr = arg(J, 0)
    if not tref_isinteger(tr):
        tr = emitir(J, IRTYPE(IR["FPMATH"], IRT_NUM), tonum(J, tr), IRFPM.index(data))
        setslot(J, 0, tr)
    return 1


def recff_math_unary(J, data, f):
    setslot(J, 0, emitir(J, IRTYPE(IR["FPMATH"], IRT_NUM), tonum(J, arg(J, 0)),
                         IRFPM.index(data)))
    return 1


def recff_math_log(J, data, f):
    tr = tonum(J, arg(J, 0))
    if arg(J, 1):
        trb = tonum(J, arg(J, 1))
        log2 = IRFPM.index("log2")
        tr = emitir(J, IRTYPE(IR["FPMATH"], IRT_NUM), tr, log2)
        trb = emitir(J, IRTYPE(IR["FPMATH"], IRT_NUM), trb, log2)
        trb = emitir(J, IRTYPE(IR["DIV"], IRT_NUM), J.cur.knum(1.0), trb)
        tr = emitir(J, IRTYPE(IR["MUL"], IRT_NUM), tr, trb)
    else:
        tr = emitir(J, IRTYPE(IR["FPMATH"], IRT_NUM), tr, IRFPM.index("log"))
    setslot(J, 0, tr)
    return 1


def recff_math_call(J, data, f):
    from .ircall import IRCALL
    setslot(J, 0, emitir(J, IRTYPE(IR["CALLN"], IRT_NUM), tonum(J, arg(J, 0)), IRCALL[data]))
    return 1


def recff_math_atan2(J, data, f):
    tr = tonum(J, arg(J, 0))
    tr2 = tonum(J, arg(J, 1))
    setslot(J, 0, J.ir_call("atan2", tr, tr2))
    return 1


def recff_math_ldexp(J, data, f):
    tr = tonum(J, arg(J, 0))
    tr2 = tonum(J, arg(J, 1))
    setslot(J, 0, emitir(J, IRTYPE(IR["LDEXP"], IRT_NUM), tr, tr2))
    return 1


def recff_math_pow(J, data, f):
    vb = tv_num(J.stack_tv(0)) if J.stack_tv(0) < NUM_LIMIT else J.str_tonum(J.stack_tv(0))
    vc = tv_num(J.stack_tv(1)) if J.stack_tv(1) < NUM_LIMIT else J.str_tonum(J.stack_tv(1))
    setslot(J, 0, narrow_arith(J, arg(J, 0), arg(J, 1), vb, vc, IR["POW"]))
    return 1


def recff_math_minmax(J, data, f):
    op = IR[data]
    tr = _tonumber(J, arg(J, 0))
    i = 1
    while arg(J, i):
        tr2 = _tonumber(J, arg(J, i))
        t = IRT_INT
        if not (tref_isinteger(tr) and tref_isinteger(tr2)):
            if tref_isinteger(tr):
                tr = emitir(J, IRTYPE(IR["CONV"], IRT_NUM), tr, IRCONV_NUM_INT)
            if tref_isinteger(tr2):
                tr2 = emitir(J, IRTYPE(IR["CONV"], IRT_NUM), tr2, IRCONV_NUM_INT)
            t = IRT_NUM
        tr = emitir(J, IRTYPE(op, t), tr, tr2)
        i += 1
    setslot(J, 0, tr)
    return 1


def _tonumber(J, tr):
    """lj_ir_tonumber: strings become numbers, numbers stay as they are."""
    from .narrow import tref_isnumber, tref_isstr
    if not tref_isnumber(tr):
        if tref_isstr(tr):
            return emitir(J, IRTYPE(IR["STRTO"], IRT_NUM) | 0x80, tr, 0)
        raise TraceError("BADTYPE")
    return tr


def recff_bit_tobit(J, data, f):
    setslot(J, 0, narrow_tobit(J, arg(J, 0)))
    return 1


def recff_bit_unary(J, data, f):
    setslot(J, 0, emitir(J, IRTYPE(IR[data], IRT_INT), narrow_tobit(J, arg(J, 0)), 0))
    return 1


def recff_bit_nary(J, data, f):
    tr = narrow_tobit(J, arg(J, 0))
    i = 1
    while arg(J, i):
        tr = emitir(J, IRTYPE(IR[data], IRT_INT), tr, narrow_tobit(J, arg(J, i)))
        i += 1
    setslot(J, 0, tr)
    return 1


def recff_bit_shift(J, data, f):
    tr = narrow_tobit(J, arg(J, 0))
    tsh = narrow_tobit(J, arg(J, 1))
    setslot(J, 0, emitir(J, IRTYPE(IR[data], IRT_INT), tr, tsh))    # x86 masks shifts
    return 1


def recff_rawequal(J, data, f):
    from .record import objcmp
    tra, trb = arg(J, 0), arg(J, 1)
    if tra and trb:
        diff = objcmp(J, tra, trb, J.stack_tv(0), J.stack_tv(1))
        setslot(J, 0, TREF_PRI(IRT["FALSE"] if diff else IRT["TRUE"]))
    return 1


HANDLERS = {
    "assert": recff_assert,
    "type": recff_type,
    "math_abs": recff_math_abs,
    "math_round": recff_math_round,
    "math_unary": recff_math_unary,
    "math_log": recff_math_log,
    "math_call": recff_math_call,
    "math_atan2": recff_math_atan2,
    "math_ldexp": recff_math_ldexp,
    "math_pow": recff_math_pow,
    "math_minmax": recff_math_minmax,
    "bit_tobit": recff_bit_tobit,
    "bit_unary": recff_bit_unary,
    "bit_nary": recff_bit_nary,
    "bit_shift": recff_bit_shift,
    "rawequal": recff_rawequal,
}
