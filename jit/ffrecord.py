"""Recording calls of builtins (lj_ffrecord.c).

Which builtins are compiled is decided by the one table in jit/builtins.py; this
module holds the handlers. A builtin without a handler here, or a variant its
handler does not compile, stitches the trace (or ends it with "return") exactly
where LuaJIT's recff_nyi would.

A handler reads J.base-relative slots of the builtin's frame (getslot / base: the
arguments are slots 0..), its runtime arguments through J.stack_tv, and sets the
results in slots 0.. ; it returns the number of results (or -1: trace stopped).
"""

from ..vm.bytecode import BC_CALL, BC_CALLM, BC_CALLMT, BC_RETM, BC_TSETM
from ..vm.layout import NUM_LIMIT, PAYLOAD, TAG_BITS
from ..vm.numbers import fmt_number as fmt_num
from ..vm.table import num_tv, tv_num
from .builtins import NEVER_STITCH, RECORDED
from .fold import emitir
from .ir import IR, IRCONV_SEXT, IRFL, IRFPM, IRT, REF_BASE
from .irbuf import IRTG, IRTYPE, TREF_NIL, TREF_PRI, num2int, tref_isk, tref_t
from .narrow import narrow_arith, narrow_tobit, narrow_toint, tonum, tref_isinteger
from .record import base, bc_a, record_ret, record_stop, setslot
from .jstate import POST_FFRETRY, POST_NONE
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
    if nres is PENDING:
        return      # the builtin calls a Lua function: recording goes on in its frame
    if J.postproc == POST_NONE:
        J.postproc = POST_FFRETRY
    record_ret(J, 0, nres)
    J.L_base = fslot
    J.L_base -= ra
    J.fn, J.pt, J.pc = caller_fn, caller_fn.p, caller_pc


NYI = -2      # a handler's "this variant is not compiled"
PENDING = -3  # a handler's "the builtin's call of a Lua function is recorded next"

_TAIL_STATE = ("baseslot", "framedepth", "maxslot", "tailcalled", "L_base", "fn", "pt", "pc")


def save_tail_state(J):
    """The recorder state before a tail call, to undo it when the builtin is not compiled."""
    return list(J.slot), [getattr(J, name) for name in _TAIL_STATE]


def record_ff_tail(J, f, argbase, rbase, saved):
    """A builtin reached by CALLT. The slot map already holds the moved frame (the
    arguments are slots 0..); the runtime arguments are still at argbase; the builtin
    returns through the link of the frame it replaced (base rbase)."""
    caller_fn, caller_pc = J.fn, J.pc
    J.ff_caller = _tail_caller(J, rbase, caller_fn, caller_pc)
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
    if J.postproc == POST_NONE:
        J.postproc = POST_FFRETRY
    record_ret(J, 0, nres)


def _tail_caller(J, rbase, caller_fn, caller_pc):
    """Where an abort inside a tail-called builtin is reported: the frame it replaced
    is gone, so LuaJIT names the instruction its link returns to (trace_abort)."""
    from ..vm.layout import FRAME_CONT, FRAME_TYPEP     # noqa: PLC0415
    Q = J.vm.Q
    link = Q[rbase - 1]
    if link & 3 == 0:
        pinfo, rpc = J.code_at(link)
        cbase = rbase - 2 - bc_a(pinfo.proto.code[rpc - 1])
    elif link & FRAME_TYPEP == FRAME_CONT:
        rpc = J.code_at(Q[rbase - 3])[1]
        cbase = rbase - (link >> 3)
    else:
        return caller_fn, caller_pc
    return J.vm.funcs[Q[cbase - 2]], rpc - 1


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
        J.fn = f            # LuaJIT stops while recording the builtin: -jv names it
        return
    record_stop(J, "return", 0)


# -- Handlers ----------------------------------------------------------------------------

def arg(J, i):
    return base(J, i)


def recff_assert(J, data, f):
    return J.maxslot


def recff_pcall(J, data, f):
    """pcall(f, ...): the call of f is recorded in a protected frame over pcall's (the
    arguments move up one slot for f's frame link, as the interpreter moves them)."""
    from .record import record_call     # noqa: PLC0415
    n = J.maxslot
    if n < 1 or getattr(J.vm.funcs.get(J.stack_tv(0)), "p", None) is None:
        return NYI      # no argument, or a builtin or callable object: not here
    b = J.baseslot
    J.slot[b + 1:b + 1 + n] = J.slot[b:b + n]
    record_call(J, 0, n - 1)
    J.needsnap = 1      # an error in the trace is caught by this pcall
    return PENDING


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


def _is_tab(tr):
    return bool(tr) and tref_t(tr) == IRT["TAB"]


def _index(J, tab, key, keyv, val=0, valv=None):
    """lj_record_idx on table argument 0 with key TRef/value: a raw-able RecordIndex."""
    from .record import RecordIndex, record_idx
    ix = RecordIndex()
    ix.tab, ix.key, ix.val = tab, key, val
    ix.tabv = J.stack_tv(0)
    ix.keyv = keyv
    if valv is not None:
        ix.valv = valv
    return record_idx(J, ix)


def recff_ipairs_aux(J, data, f):
    """ipairs' iterator: key + 1 and the load of t[key + 1]; no results at a nil."""
    tab = arg(J, 0)
    if not _is_tab(tab):
        return 1                    # the interpreter will throw
    if J.stack_tv(1) >= NUM_LIMIT:
        raise TraceError("BADTYPE")     # no string coercion
    key = emitir(J, IRTYPE(IR["ADD"], IRT_INT), narrow_toint(J, arg(J, 1)), J.cur.kint(1))
    keyv = num_tv(float(int(tv_num(J.stack_tv(1))) + 1))
    setslot(J, 0, key)
    val = _index(J, tab, key, keyv)
    setslot(J, 1, val)
    return 0 if val == TREF_NIL else 2


def recff_xpairs(J, data, f):
    """pairs/ipairs: the iterator (a constant), the table and the start key."""
    tab = arg(J, 0)
    if not _is_tab(tab):
        return 1
    it = J.vm.builtins_by_ffid[6 if data else 4]
    setslot(J, 0, J.cur.kgc(it, IRT["FUNC"]))
    setslot(J, 1, tab)
    setslot(J, 2, J.cur.kint(0) if data else TREF_NIL)
    return 3


def select_mode(J, tr, tv):
    """lj_ffrecord_select_mode: 0 for select('#', ...) (the string is guarded), else the
    index k of select(k, ...); a zero index is BADTYPE."""
    from ..vm.numbers import scan_number
    if tref_t(tr) == IRT_STR and J.vm.sbytes(tv)[:1] == b"#":
        if len(J.vm.sbytes(tv)) == 1:
            emitir(J, IRTG(IR["EQ"], IRT_STR), tr, J.cur.kgc(tv, IRT_STR))
        else:
            ptr = emitir(J, IRTYPE(IR["STRREF"], IRT["P64"]), tr, J.cur.kint(0))
            ch = emitir(J, IRTYPE(IR["XLOAD"], IRT["U8"]), ptr, 1)
            emitir(J, IRTG(IR["EQ"], IRT["INT"]), ch, J.cur.kint(35))
        return 0
    n = tv_num(tv) if tv < NUM_LIMIT else scan_number(J.vm.sbytes(tv), tonumber=True) \
        if tref_t(tr) == IRT_STR else None
    if n is None:
        raise TraceError("BADTYPE")
    k = int(n)
    if k == 0:
        raise TraceError("BADTYPE")
    return k


def recff_select(J, data, f):
    """select('#', ...) is the argument count; select(k, ...) with a constant k moves
    the arguments down. Any other selector is not compiled."""
    tr = arg(J, 0)
    if not tr:
        return 1
    v = J.stack_tv(0)
    if v >= NUM_LIMIT:
        if tref_t(tr) != IRT_STR or J.vm.sbytes(v)[:1] != b"#":
            return 1                # the interpreter will throw
        setslot(J, 0, J.cur.kint(J.maxslot - 1))
        return 1
    if not tref_isk(tr):
        return NYI
    n = J.maxslot
    start = int(tv_num(v))
    if start < 0:
        start += n
    elif start > n:
        start = n
    if start < 1:
        return 1
    for i in range(n - start):
        setslot(J, i, base(J, start + i))
    return n - start


def recff_rawget(J, data, f):
    tab, key = arg(J, 0), arg(J, 1)
    if _is_tab(tab) and key:
        setslot(J, 0, _index(J, tab, key, J.stack_tv(1)))
    return 1


def recff_rawset(J, data, f):
    tab, key, val = arg(J, 0), arg(J, 1), arg(J, 2)
    if _is_tab(tab) and key and val:
        _index(J, tab, key, J.stack_tv(1), val, J.stack_tv(2))
    return 1                        # the table (slot 0) is the result


def recff_setmetatable(J, data, f):
    """A table and a table or nil: guard for no __metatable, store the metatable."""
    from .record import RecordIndex, mm_lookup
    tr, mt = arg(J, 0), arg(J, 1)
    if _is_tab(tr) and (_is_tab(mt) or (mt and tref_t(mt) == IRT["NIL"])):
        ix = RecordIndex()
        ix.tab = tr
        ix.tabv = J.stack_tv(0)
        mm_lookup(J, ix, "__metatable")
        fref = emitir(J, IRTYPE(IR["FREF"], IRT["P64"]), tr, IRFL["TAB_META"])
        mtref = J.cur.knull(IRT["TAB"]) if tref_t(mt) == IRT["NIL"] else mt
        emitir(J, IRTYPE(IR["FSTORE"], IRT["TAB"]), fref, mtref)
        if tref_t(mt) != IRT["NIL"]:
            emitir(J, IRTYPE(IR["TBAR"], IRT["NIL"]), tr, 0)
        setslot(J, 0, tr)
        J.needsnap = 1
    return 1


def recff_next(J, data, f):
    """next(t, k): one traversal step (lj_vm_next) from k's index: 0 for nil, the
    ITERN control variable as is, else lj_tab_keyindex of k."""
    from ..vm.layout import NIL
    from ..vm.table import keyindex
    from .record import RecordIndex, record_next
    from .ir import TREF_KEYINDEX
    tab = arg(J, 0)
    if not _is_tab(tab):
        return 1
    ix = RecordIndex()
    ix.tab = tab
    ix.tabv = J.stack_tv(0)
    key = arg(J, 1)
    keyv = J.stack_tv(1) if J.maxslot > 1 else NIL
    if not key or tref_t(key) == IRT["NIL"]:
        ix.key = J.cur.kint(0)
        keyv = NIL
    elif key & TREF_KEYINDEX:
        ix.key = key & ~TREF_KEYINDEX
    else:
        if tref_isinteger(key):
            key = emitir(J, IRTYPE(IR["CONV"], IRT_NUM), key, IRCONV_NUM_INT)
        tmp = emitir(J, IRTYPE(IR["TMPREF"], IRT["P64"]), key, 1)     # IRTMPREF_IN1
        ix.key = J.ir_call("lj_tab_keyindex", tab, tmp)
    idx = 0 if keyv == NIL else keyindex(J.vm, J.tabq(ix.tabv), keyv)
    ix.keyv = idx & 0xFFFFFFFF
    # Omit the value if the Lua caller wants at most one result.
    call = J.ff_caller[0].p.proto.code[J.ff_caller[1]]
    ix.idxchain = int(call & 0xFF == BC_CALL and 0 < (call >> 24) < 3)
    ix.mobj = 0
    nres = record_next(J, ix)
    setslot(J, 0, ix.key)
    setslot(J, 1, ix.val)
    return nres


def _tostr(J, tr):
    """lj_ir_tostr: a string operand (numbers convert, anything else is not compiled)."""
    t = tref_t(tr) if tr else IRT["NIL"]
    if t == IRT_STR:
        return tr
    if t not in (IRT_NUM, IRT_INT):
        raise TraceError("BADTYPE")
    return emitir(J, IRTYPE(IR["TOSTR"], IRT_STR), tr, 1 if t == IRT_NUM else 0)


def _bufhdr(J):
    """recff_bufhdr: the temporary buffer, reset."""
    return emitir(J, IRTYPE(IR["BUFHDR"], IRT["P64"]), J.cur.kptr(J.tmpbuf), 0)


def _argv2int(J, i):
    from ..vm.numbers import scan_number
    v = J.stack_tv(i)
    if v >= NUM_LIMIT:
        v = scan_number(J.vm.sbytes(v), tonumber=True) if tref_t(base(J, i)) == IRT_STR \
            else None
        if v is None:
            raise TraceError("BADTYPE")
        return num2int(v)
    return num2int(tv_num(v))


def _string_start(J, slen, start, tr, trlen, tr0):
    """recff_string_start: a 1-based start position as a 0-based offset (guarded)."""
    if start < 0:
        emitir(J, IRTG(IR["LT"], IRT_INT), tr, tr0)
        tr = emitir(J, IRTYPE(IR["ADD"], IRT_INT), trlen, tr)
        start += slen
        emitir(J, IRTG(IR["LT" if start < 0 else "GE"], IRT_INT), tr, tr0)
        if start < 0:
            tr, start = tr0, 0
    elif start == 0:
        emitir(J, IRTG(IR["EQ"], IRT_INT), tr, tr0)
        tr = tr0
    else:
        tr = emitir(J, IRTYPE(IR["ADD"], IRT_INT), tr, J.cur.kint(-1))
        emitir(J, IRTG(IR["GE"], IRT_INT), tr, tr0)
        start -= 1
    return start, tr


def _given(J, i):
    tr = base(J, i)
    return bool(tr) and tref_t(tr) != IRT["NIL"]


def recff_string_range(J, data, f):
    """string.sub (data 1) and string.byte (data 0): guarded positions, then SNEW of a
    STRREF, or XLOADs of the bytes."""
    trstr = _tostr(J, arg(J, 0))
    trlen = emitir(J, IRTYPE(IR["FLOAD"], IRT_INT), trstr, IRFL["STR_LEN"])
    tr0 = J.cur.kint(0)
    sv = J.stack_tv(0)
    slen = len(J.vm.sbytes(sv)) if sv >= NUM_LIMIT else len(fmt_num(tv_num(sv)))
    if data:
        start, trstart = _argv2int(J, 1), narrow_toint(J, arg(J, 1))
        if _given(J, 2):
            end, trend = _argv2int(J, 2), narrow_toint(J, arg(J, 2))
        else:
            end, trend = -1, J.cur.kint(-1)
    else:
        if _given(J, 1):
            start, trstart = _argv2int(J, 1), narrow_toint(J, arg(J, 1))
        else:
            start, trstart = 1, J.cur.kint(1)
        if base(J, 1) and _given(J, 2):
            end, trend = _argv2int(J, 2), narrow_toint(J, arg(J, 2))
        else:
            end, trend = start, trstart
    if end < 0:
        emitir(J, IRTG(IR["LT"], IRT_INT), trend, tr0)
        trend = emitir(J, IRTYPE(IR["ADD"], IRT_INT),
                       emitir(J, IRTYPE(IR["ADD"], IRT_INT), trlen, trend), J.cur.kint(1))
        end += slen + 1
    elif end <= slen:
        emitir(J, IRTG(IR["ULE"], IRT_INT), trend, trlen)
    else:
        emitir(J, IRTG(IR["UGT"], IRT_INT), trend, trlen)
        end, trend = slen, trlen
    start, trstart = _string_start(J, slen, start, trstart, trlen, tr0)
    if data:
        if end - start >= 0:
            trslen = emitir(J, IRTYPE(IR["SUB"], IRT_INT), trend, trstart)
            emitir(J, IRTG(IR["GE"], IRT_INT), trslen, tr0)
            trptr = emitir(J, IRTYPE(IR["STRREF"], IRT["P64"]), trstr, trstart)
            setslot(J, 0, emitir(J, IRTYPE(IR["SNEW"], IRT_STR), trptr, trslen))
        else:
            emitir(J, IRTG(IR["LT"], IRT_INT), trend, trstart)
            setslot(J, 0, J.cur.kgc(J.vm.str(b""), IRT_STR))
        return 1
    n = end - start
    if n <= 0:
        emitir(J, IRTG(IR["LE"], IRT_INT), trend, trstart)
        return 0
    trslen = emitir(J, IRTYPE(IR["SUB"], IRT_INT), trend, trstart)
    emitir(J, IRTG(IR["EQ"], IRT_INT), trslen, J.cur.kint(n))
    if J.baseslot + n > 250:
        raise TraceError("STACKOV")
    for i in range(n):
        tmp = emitir(J, IRTYPE(IR["ADD"], IRT_INT), trstart, J.cur.kint(i))
        tmp = emitir(J, IRTYPE(IR["STRREF"], IRT["P64"]), trstr, tmp)
        setslot(J, i, emitir(J, IRTYPE(IR["XLOAD"], IRT["U8"]), tmp, 1))   # READONLY
    return n


_PATTERN_SPECIALS = frozenset(b"^$*+?.([%-")


def recff_string_find(J, data, f):
    """A plain search (4th argument true, or a pattern without specials, specialised
    to the pattern string) through lj_str_find; pattern matching is not compiled."""
    trstr = _tostr(J, arg(J, 0))
    trpat = _tostr(J, arg(J, 1))
    trlen = emitir(J, IRTYPE(IR["FLOAD"], IRT_INT), trstr, IRFL["STR_LEN"])
    tr0 = J.cur.kint(0)
    sv, pv = J.stack_tv(0), J.stack_tv(1)
    sb = J.vm.sbytes(sv) if sv >= NUM_LIMIT else fmt_num(tv_num(sv)).encode()
    pb = J.vm.sbytes(pv) if pv >= NUM_LIMIT else fmt_num(tv_num(pv)).encode()
    J.needsnap = 1
    if not _given(J, 2):
        trstart, start = J.cur.kint(1), 1
    else:
        trstart, start = narrow_toint(J, arg(J, 2)), _argv2int(J, 2)
    start, trstart = _string_start(J, len(sb), start, trstart, trlen, tr0)
    if start <= len(sb):
        emitir(J, IRTG(IR["ULE"], IRT_INT), trstart, trlen)
    else:
        emitir(J, IRTG(IR["UGT"], IRT_INT), trstart, trlen)
        trstart, start = trlen, len(sb)
    plain = base(J, 2) and base(J, 3) and tref_t(base(J, 3)) == IRT["TRUE"]
    if not plain:
        emitir(J, IRTG(IR["EQ"], IRT_STR), trpat, J.cur.kgc(J.vm.str(pb), IRT_STR))
        if any(c in _PATTERN_SPECIALS for c in pb):
            return NYI
    trsptr = emitir(J, IRTYPE(IR["STRREF"], IRT["P64"]), trstr, trstart)
    trpptr = emitir(J, IRTYPE(IR["STRREF"], IRT["P64"]), trpat, tr0)
    trslen = emitir(J, IRTYPE(IR["SUB"], IRT_INT), trlen, trstart)
    trplen = emitir(J, IRTYPE(IR["FLOAD"], IRT_INT), trpat, IRFL["STR_LEN"])
    tr = J.ir_call("lj_str_find", trsptr, trpptr, trslen, trplen)
    trp0 = J.cur.kptr(0, IR["KKPTR"])
    if sb.find(pb, start) >= 0:
        emitir(J, IRTG(IR["NE"], IRT["P64"]), tr, trp0)
        pos = emitir(J, IRTYPE(IR["ADD"], IRT_INT),
                     emitir(J, IRTYPE(IR["SUB"], IRT_INT), tr, trsptr), trstart)
        setslot(J, 0, emitir(J, IRTYPE(IR["ADD"], IRT_INT), pos, J.cur.kint(1)))
        setslot(J, 1, emitir(J, IRTYPE(IR["ADD"], IRT_INT), pos, trplen))
        return 2
    emitir(J, IRTG(IR["EQ"], IRT["P64"]), tr, trp0)
    setslot(J, 0, TREF_NIL)
    return 1


# SFormat (lj_strfmt.h): type | subtype | flags | width << 16 | (prec + 1) << 24.
STRFMT_INT, STRFMT_UINT, STRFMT_NUM, STRFMT_STR, STRFMT_CHAR, STRFMT_PTR = range(3, 9)
_SF_CONV = {
    b"d": STRFMT_INT, b"i": STRFMT_INT, b"u": STRFMT_UINT, b"x": STRFMT_UINT | 0x10,
    b"X": STRFMT_UINT | 0x10 | 0x2000, b"o": STRFMT_UINT | 0x20,
    b"a": STRFMT_NUM, b"A": STRFMT_NUM | 0x2000, b"e": STRFMT_NUM | 0x10,
    b"E": STRFMT_NUM | 0x10 | 0x2000, b"f": STRFMT_NUM | 0x20, b"F": STRFMT_NUM | 0x20 | 0x2000,
    b"g": STRFMT_NUM | 0x30, b"G": STRFMT_NUM | 0x30 | 0x2000, b"c": STRFMT_CHAR,
    b"s": STRFMT_STR, b"q": STRFMT_STR | 0x10, b"p": STRFMT_PTR,
}


def sformat(spec):
    """The SFormat word of a parsed conversion (vm/lib/strformat.Spec)."""
    sf = _SF_CONV[bytes([spec.conv])] | (spec.flags << 8) | (spec.width << 16)
    return sf | ((spec.prec + 1) << 24 if spec.prec >= 0 else 0)


def recff_string_format(J, data, f):
    """recff_format: specialised to the format string; literals and %d/%s/%c without
    options go to the buffer directly, the others through lj_strfmt_put*."""
    from ..vm.lib import strformat
    trfmt = _tostr(J, arg(J, 0))
    fv = J.stack_tv(0)
    fmt = J.vm.sbytes(fv) if fv >= NUM_LIMIT else fmt_num(tv_num(fv)).encode()
    emitir(J, IRTG(IR["EQ"], IRT_STR), trfmt, J.cur.kgc(J.vm.str(fmt), IRT_STR))
    hdr = tr = _bufhdr(J)
    n = 0
    items = strformat.parse(fmt)
    if len(items) > 100:
        raise TraceError("TRACEOV")
    for item in items:
        if isinstance(item, bytes):
            tr = emitir(J, IRTG(IR["BUFPUT"], IRT["P64"]), tr, J.cur.kgc(J.vm.str(item), IRT_STR))
            continue
        if isinstance(item, strformat.FormatError):
            return NYI
        n += 1
        tr = _format_arg(J, tr, sformat(item), base(J, n))
        if tr is None:
            return NYI
    setslot(J, 0, emitir(J, IRTG(IR["BUFSTR"], IRT_STR), tr, hdr))
    return 1


def _format_arg(J, tr, sf, tra):
    """One conversion of recff_format; None: not compiled (the builtin stitches)."""
    typ = sf & 15
    trsf = J.cur.kint(sf - (1 << 32) if sf >= 1 << 31 else sf)
    if typ in (STRFMT_INT, STRFMT_UINT):
        if tref_isinteger(tra):
            if sf != STRFMT_INT:    # an FFI build formats the sign-extended int64
                tra = emitir(J, IRTYPE(IR["CONV"], IRT["U64"]), tra,
                             IRT_INT | (IRT["U64"] << 5) | IRCONV_SEXT)
                return J.ir_call("lj_strfmt_putfxint", tr, trsf, tra)
            s = emitir(J, IRTYPE(IR["TOSTR"], IRT_STR), tra, 0)
            return emitir(J, IRTG(IR["BUFPUT"], IRT["P64"]), tr, s)
        name = "lj_strfmt_putfnum_int" if typ == STRFMT_INT else "lj_strfmt_putfnum_uint"
        return J.ir_call(name, tr, trsf, tonum(J, tra))
    if typ == STRFMT_NUM:
        return J.ir_call("lj_strfmt_putfnum", tr, trsf, tonum(J, tra))
    if typ == STRFMT_STR:
        if not tra or tref_t(tra) != IRT_STR:
            return None             # __tostring and non-strings are not compiled
        if sf == STRFMT_STR:
            return emitir(J, IRTG(IR["BUFPUT"], IRT["P64"]), tr, tra)
        if sf & 0x10:
            return J.ir_call("lj_strfmt_putquoted", tr, tra)
        return J.ir_call("lj_strfmt_putfstr", tr, trsf, tra)
    if typ == STRFMT_CHAR:
        tra = narrow_toint(J, tra)
        if sf == STRFMT_CHAR:
            s = emitir(J, IRTYPE(IR["TOSTR"], IRT_STR), tra, 2)
            return emitir(J, IRTG(IR["BUFPUT"], IRT["P64"]), tr, s)
        return J.ir_call("lj_strfmt_putfchar", tr, trsf, tra)
    return None


def recff_string_char(J, data, f):
    """Each argument 0..255 becomes a one-char string; more than one are joined."""
    n = 0
    while base(J, n):
        tr = narrow_toint(J, base(J, n))
        emitir(J, IRTG(IR["ULE"], IRT_INT), tr, J.cur.kint(255))
        setslot(J, n, emitir(J, IRTYPE(IR["TOSTR"], IRT_STR), tr, 2))    # IRTOSTR_CHAR
        n += 1
    if n > 1:
        hdr = tr = _bufhdr(J)
        for i in range(n):
            tr = emitir(J, IRTG(IR["BUFPUT"], IRT["P64"]), tr, base(J, i))
        setslot(J, 0, emitir(J, IRTG(IR["BUFSTR"], IRT_STR), tr, hdr))
    elif n == 0:
        setslot(J, 0, J.cur.kgc(J.vm.str(b""), IRT_STR))
    return 1


def recff_string_rep(J, data, f):
    """string.rep(s, n [, sep]) through lj_buf_putstr_rep."""
    s = _tostr(J, arg(J, 0))
    rep = narrow_toint(J, arg(J, 1))
    s2 = 0
    sep = base(J, 2)
    if sep and tref_t(sep) != IRT["NIL"]:
        sep = _tostr(J, sep)
        vrep = int(tv_num(J.stack_tv(1)))
        emitir(J, IRTG(IR["GT" if vrep > 1 else "LE"], IRT_INT), rep, J.cur.kint(1))
        if vrep > 1:
            hdr2 = _bufhdr(J)
            tr2 = emitir(J, IRTG(IR["BUFPUT"], IRT["P64"]), hdr2, sep)
            tr2 = emitir(J, IRTG(IR["BUFPUT"], IRT["P64"]), tr2, s)
            s2 = emitir(J, IRTG(IR["BUFSTR"], IRT_STR), tr2, hdr2)
    tr = hdr = _bufhdr(J)
    if s2:
        tr = emitir(J, IRTG(IR["BUFPUT"], IRT["P64"]), tr, s)
        s = s2
        rep = emitir(J, IRTYPE(IR["ADD"], IRT_INT), rep, J.cur.kint(-1))
    tr = J.ir_call("lj_buf_putstr_rep", tr, s, rep)
    setslot(J, 0, emitir(J, IRTG(IR["BUFSTR"], IRT_STR), tr, hdr))
    return 1


def recff_string_op(J, data, f):
    """string.upper/lower/reverse through lj_buf_putstr_<op>."""
    s = _tostr(J, arg(J, 0))
    hdr = _bufhdr(J)
    tr = J.ir_call("lj_buf_putstr_" + data, hdr, s)
    setslot(J, 0, emitir(J, IRTG(IR["BUFSTR"], IRT_STR), tr, hdr))
    return 1


def recff_table_concat(J, data, f):
    """table.concat(t [, sep [, i [, j]]]) through lj_buf_puttab (NULL: a value that is
    neither string nor number, guarded)."""
    tab = arg(J, 0)
    if not _is_tab(tab):
        return 1

    def given(i):
        return all(base(J, k) for k in range(1, i)) and base(J, i) and \
            tref_t(base(J, i)) != IRT["NIL"]
    sep = _tostr(J, base(J, 1)) if given(1) else J.cur.knull(IRT_STR)
    tri = narrow_toint(J, base(J, 2)) if given(2) else J.cur.kint(1)
    tre = narrow_toint(J, base(J, 3)) if given(3) else \
        emitir(J, IRTYPE(IR["ALEN"], IRT_INT), tab, TREF_NIL)
    hdr = _bufhdr(J)
    tr = J.ir_call("lj_buf_puttab", hdr, tab, sep, tri, tre)
    emitir(J, IRTG(IR["NE"], IRT["P64"]), tr, J.cur.kptr(0))
    setslot(J, 0, emitir(J, IRTG(IR["BUFSTR"], IRT_STR), tr, hdr))
    return 1


def recff_math_random(J, data, f):
    """lj_prng_u64d on the PRNG state (the builtin's userdata upvalue) minus 1, scaled
    and floored as math.random(m [, n]) does."""
    vm = J.vm
    ud = vm.Q[vm.cfunc_upvalue(f.tv, 0)]
    J.cur.kgc(ud, IRT["UDATA"])                     # prevent collection
    tr = J.ir_call("lj_prng_u64d", J.cur.kptr((ud & PAYLOAD) + 48))
    one = J.cur.knum(1.0)
    tr = emitir(J, IRTYPE(IR["SUB"], IRT_NUM), tr, one)
    if arg(J, 0):
        tr1 = tonum(J, arg(J, 0))
        if arg(J, 1):
            tr2 = tonum(J, arg(J, 1))
            tr2 = emitir(J, IRTYPE(IR["SUB"], IRT_NUM), tr2, tr1)
            tr2 = emitir(J, IRTYPE(IR["ADD"], IRT_NUM), tr2, one)
            tr = emitir(J, IRTYPE(IR["MUL"], IRT_NUM), tr, tr2)
            tr = emitir(J, IRTYPE(IR["FPMATH"], IRT_NUM), tr, IRFPM.index("floor"))
            tr = emitir(J, IRTYPE(IR["ADD"], IRT_NUM), tr, tr1)
        else:
            tr = emitir(J, IRTYPE(IR["MUL"], IRT_NUM), tr, tr1)
            tr = emitir(J, IRTYPE(IR["FPMATH"], IRT_NUM), tr, IRFPM.index("floor"))
            tr = emitir(J, IRTYPE(IR["ADD"], IRT_NUM), tr, one)
    setslot(J, 0, tr)
    return 1


def recff_getmetatable(J, data, f):
    """The __metatable field if there is one, else the metatable (guarded)."""
    from .record import RecordIndex, mm_lookup
    tr = arg(J, 0)
    if tr:
        ix = RecordIndex()
        ix.tab = tr
        ix.tabv = J.stack_tv(0)
        setslot(J, 0, ix.mobj if mm_lookup(J, ix, "__metatable") else ix.mt)
    return 1


def recff_table_insert(J, data, f):
    """table.insert(t, v): t[#t + 1] = v. The 3-argument form is not compiled."""
    from ..vm.table import length
    tab, val = arg(J, 0), arg(J, 1)
    if not (_is_tab(tab) and val):
        return 0
    if base(J, 2):
        return NYI
    trlen = emitir(J, IRTYPE(IR["ALEN"], IRT_INT), tab, TREF_NIL)
    key = emitir(J, IRTYPE(IR["ADD"], IRT_INT), trlen, J.cur.kint(1))
    keyv = num_tv(float(length(J.vm, J.tabq(J.stack_tv(0))) + 1))
    _index(J, tab, key, keyv, val, J.stack_tv(1))
    return 0


def recff_metacall(J, mmname):
    """A builtin that calls the argument's metamethod (tostring's __tostring): the
    builtin's frame becomes a tail call of the metamethod with the object, recorded
    over the live stack as the interpreter will set it up. False: no metamethod."""
    from .record import RecordIndex, mm_lookup, record_tailcall     # noqa: PLC0415
    ix = RecordIndex()
    ix.tab = base(J, 0)
    ix.tabv = J.stack_tv(0)
    if not mm_lookup(J, ix, mmname):
        return False
    Q = J.vm.Q
    at = J.L_base
    saved = (Q[at], Q[at + 2])
    setslot(J, 2, base(J, 0))
    setslot(J, 0, ix.mobj)
    Q[at + 2], Q[at] = Q[at], ix.mobjv
    try:
        record_tailcall(J, 0, 1)
    finally:
        Q[at], Q[at + 2] = saved
    return True


def recff_tostring(J, data, f):
    """Strings pass; a __tostring metamethod is tail-called; numbers convert (TOSTR),
    nil/false/true are constants; anything else is not compiled."""
    tr = arg(J, 0)
    if not tr or tref_t(tr) == IRT_STR:
        return 1
    if recff_metacall(J, "__tostring"):
        return PENDING
    t = tref_t(tr)
    if t in (IRT_NUM, IRT_INT):
        setslot(J, 0, emitir(J, IRTYPE(IR["TOSTR"], IRT_STR), tr, 1 if t == IRT_NUM else 0))
    elif t in (IRT["NIL"], IRT["FALSE"], IRT["TRUE"]):
        text = {IRT["NIL"]: b"nil", IRT["FALSE"]: b"false", IRT["TRUE"]: b"true"}[t]
        setslot(J, 0, J.cur.kgc(J.vm.str(text), IRT_STR))
    else:
        return NYI
    return 1


def recff_tonumber(J, data, f):
    """Numbers pass, numeric strings convert (STRTO), no base or base 10 only."""
    from ..vm.numbers import scan_number
    tr, bs = arg(J, 0), arg(J, 1)
    if tr and bs and tref_t(bs) != IRT["NIL"]:
        bs = narrow_toint(J, bs)
        if not tref_isk(bs) or J.cur.kval.get(bs & 0xFFFF) != 10:
            return NYI
    t = tref_t(tr) if tr else IRT["NIL"]
    if t == IRT_STR:
        if scan_number(J.vm.sbytes(J.stack_tv(0)), tonumber=True) is None:
            return NYI          # would need an inverted STRTO
        tr = emitir(J, IRTG(IR["STRTO"], IRT_NUM), tr, 0)
    elif t not in (IRT_NUM, IRT_INT):
        tr = TREF_NIL
    setslot(J, 0, tr)
    return 1


HANDLERS = {
    "ipairs_aux": recff_ipairs_aux,
    "xpairs": recff_xpairs,
    "select": recff_select,
    "rawget": recff_rawget,
    "rawset": recff_rawset,
    "setmetatable": recff_setmetatable,
    "tostring": recff_tostring,
    "getmetatable": recff_getmetatable,
    "next": recff_next,
    "string_char": recff_string_char,
    "string_format": recff_string_format,
    "string_find": recff_string_find,
    "math_random": recff_math_random,
    "string_range": recff_string_range,
    "string_rep": recff_string_rep,
    "string_op": recff_string_op,
    "table_concat": recff_table_concat,
    "table_insert": recff_table_insert,
    "tonumber": recff_tonumber,
    "assert": recff_assert,
    "type": recff_type,
    "pcall": recff_pcall,
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
