"""The trace recorder: bytecode -> SSA IR, one instruction at a time (lj_record.c).

The interpreter calls record_ins() before it executes each instruction while a
trace is being recorded; the recorder reads the live values on the VM stack to
specialise (types, table shapes, called functions) and emits guarded IR through
FOLD. The recorder's view of the stack is the slot map J.slot: TRefs for the
slots of all inlined frames, J.baseslot being the current frame's base. Slot
numbers are relative to J.baseslot as in LuaJIT (J->base[s]), so base[-2] is the
current function and base[-1] its frame link (GC64 frame layout).
"""

from ..vm.bytecode import (
    BC_CALL, BC_CALLM, BC_FORI, BC_FORL, BC_FUNCF, BC_ITERC, BC_ITERL, BC_ITERN,
    BC_JFORL, BC_JMP, BC_KNUM, BC_KSHORT, BC_LOOP, BC_RET, BC_RET0, BC_RET1, BC_RETM,
    BCBIAS_J, MODE, MODE_A,
)
from ..vm.layout import NUM_LIMIT, TAG_BITS
from ..vm.table import tv_num
from .fold import emit, emitir
from .ir import IR, IRT, IRT_GUARD, REF_BIAS, REF_FIRST, SLOAD, TREF_KEYINDEX
from .irbuf import IRTG, IRTYPE, TREF, TREF_NIL, TREF_PRI, tref_isk, tref_ref, tref_t
from .narrow import tref_isinteger, tref_isnum, tref_isnumber
from .snap import snap_add
from .traceerr import TraceError

FORL_IDX, FORL_STOP, FORL_STEP, FORL_EXT = range(4)
LOOPEV_LEAVE, LOOPEV_ENTERLO, LOOPEV_ENTER = range(3)

M_BASE, M_DST = MODE["base"], MODE["dst"]

IR_SLOAD, IR_CONV, IR_ADD, IR_LE, IR_GT, IR_GE, IR_LT, IR_ADDOV, IR_USE = (
    IR[n] for n in ("SLOAD", "CONV", "ADD", "LE", "GT", "GE", "LT", "ADDOV", "USE"))
IRT_NIL, IRT_NUM, IRT_INT, IRT_FUNC, IRT_STR, IRT_TAB = (
    IRT[n] for n in ("NIL", "NUM", "INT", "FUNC", "STR", "TAB"))
IRCONV_NUM_INT = (IRT_NUM << 5) | IRT_INT
IRCONV_INT_NUM = (IRT_INT << 5) | IRT_NUM


# -- Values on the VM stack ----------------------------------------------------------------

def itype2irt(v):
    """The IR type of a TValue: numbers are NUM, the rest their type number."""
    if v < NUM_LIMIT:
        return IRT_NUM
    return 0x1FFFF - (v >> TAG_BITS)


def irtype_ispri(t):
    return t <= IRT["TRUE"]


def bc_j(ins):
    return (ins >> 16) - BCBIAS_J


def bc_a(ins):
    return (ins >> 8) & 0xFF


def bc_b(ins):
    return ins >> 24


def bc_c(ins):
    return (ins >> 16) & 0xFF


def bc_d(ins):
    return ins >> 16


def bc_op(ins):
    return ins & 0xFF


def bc_isret(op):
    return op in (BC_RETM, BC_RET, BC_RET0, BC_RET1)


# -- Slots ------------------------------------------------------------------------------

def getslot(J, s):
    """J->base[s], loading and type-specialising the slot on first use."""
    tr = J.slot[J.baseslot + s]
    return tr if tr else sload(J, s)


def setslot(J, s, tr):
    J.slot[J.baseslot + s] = tr


def base(J, s):
    return J.slot[J.baseslot + s]


def sloadt(J, s, t, mode):
    """Specialise a slot to type t (the caller may put IRT_GUARD in t)."""
    J.fins.set(IRTYPE(IR_SLOAD, t), J.baseslot + s, mode)
    tr = emit(J)
    J.slot[J.baseslot + s] = tr
    return tr


def sload(J, s):
    """Specialise a slot to its runtime type."""
    t = itype2irt(J.stack_tv(s))
    J.fins.set(IRTG(IR_SLOAD, t), J.baseslot + s, SLOAD["TYPECHECK"])
    tr = emit(J)
    if irtype_ispri(t):
        tr = TREF_PRI(t)
    J.slot[J.baseslot + s] = tr
    return tr


def getcurrf(J):
    tr = base(J, -2)
    if tr:
        return tr
    return sloadt(J, -2, IRT_FUNC, SLOAD["READONLY"])


def constify(J, v):
    """lj_record_constify: a constant TRef for a TValue (0 for lightuserdata)."""
    if v < NUM_LIMIT:
        return J.cur.knumint(tv_num(v))
    t = itype2irt(v)
    if irtype_ispri(t):
        return TREF_PRI(t)
    if t == IRT["LIGHTUD"]:
        return 0
    return J.cur.kgc(v, t)


# -- Loops ---------------------------------------------------------------------------------

def canonicalize_slots(J):
    """Integers in slots become numbers when the trace ends (no dual-number mode)."""
    cur = J.cur
    for s in range(J.baseslot + J.maxslot - 1, 0, -1):
        tr = J.slot[s]
        if tref_isinteger(tr) and not tr & TREF_KEYINDEX:
            ref = tref_ref(tr)
            if not (cur.o[ref] == IR_SLOAD and cur.op2[ref] & SLOAD["READONLY"]):
                J.slot[s] = emitir(J, IRTYPE(IR_CONV, IRT_NUM), tr, IRCONV_NUM_INT)


def record_stop(J, linktype, lnk):
    """lj_record_stop: end recording with a link to trace lnk."""
    J.trace_end()
    T = J.trace
    T.linktype = linktype
    T.link = lnk
    if lnk == T.traceno and J.framedepth + J.retdepth == 0:
        if "loop" in J.flags:
            snap_add(J)         # do not canonicalise: that would lose the narrowing
            J.needsnap = 0
            J.mergesnap = 1
            return
        if T.root:
            T.link = T.root
    canonicalize_slots(J)
    snap_add(J)
    J.needsnap = 0
    J.mergesnap = 1


def find_kinit(J, endpc, slot, t):
    """A constant initialiser of a slot before endpc (FORI arguments), or 0."""
    code = J.pt.proto.code
    pc = endpc - 1
    while pc > 0:
        ins = code[pc]
        op = ins & 0xFF
        ma = MODE_A[op]
        if ma == M_BASE and bc_a(ins) <= slot:
            return 0
        if ma == M_DST and bc_a(ins) == slot:
            if op in (BC_KSHORT, BC_KNUM):
                kpc = pc
                while pc > 0:
                    if code[pc] & 0xFF == BC_JMP:
                        target = pc + bc_j(code[pc]) + 1
                        if kpc < target <= endpc:
                            return 0
                    pc -= 1
                return _kinit_value(J, ins, op, t)
            return 0
        pc -= 1
    return 0


def _kinit_value(J, ins, op, t):
    if op == BC_KSHORT:
        k = bc_d(ins)
        k = k - 0x10000 if k >= 0x8000 else k
        return J.cur.kint(k) if t == IRT_INT else J.cur.knum(float(k))
    n = J.pt.proto.kn[bc_d(ins)]
    if t == IRT_INT:
        k = int(n) if -2147483649.0 < n < 2147483648.0 else None
        return J.cur.kint(k) if k is not None and n == k else 0
    return J.cur.knum(n)


def fori_load(J, slot, t, mode):
    conv = SLOAD["CONVERT"] if t == IRT_INT else 0     # stack values are never ints
    guard = IRT_GUARD if (mode & SLOAD["TYPECHECK"]) or (conv and t == IRT_INT and
                                                         not mode >> 16) else 0
    return sloadt(J, slot, t | guard, (mode + conv) & 0xFFFF)


def fori_arg(J, fori, slot, t, mode):
    tr = base(J, slot)
    if not tr:
        tr = find_kinit(J, fori, slot, t)
        if not tr:
            tr = fori_load(J, slot, t, mode)
    return tr


def for_direction(J, ra):
    """The sign of the step as the interpreter tests it (the sign bit of the number)."""
    return not (J.stack_tv(ra + FORL_STEP) >> 63)


def for_iter(J, ra, isforl):
    """Simulate the FOR iterator: (comparison op, loop event)."""
    stopv = J.stack_num(ra + FORL_STOP)
    idxv = J.stack_num(ra + FORL_IDX)
    stepv = J.stack_num(ra + FORL_STEP)
    if isforl:
        idxv += stepv
    if for_direction(J, ra):
        if idxv <= stopv:
            return IR_LE, LOOPEV_ENTERLO if idxv + 2 * stepv > stopv else LOOPEV_ENTER
        return IR_GT, LOOPEV_LEAVE
    if stopv <= idxv:
        return IR_GE, LOOPEV_ENTERLO if idxv + 2 * stepv < stopv else LOOPEV_ENTER
    return IR_LT, LOOPEV_LEAVE


def for_check(J, t, up, stop, step, init):
    """Guards for the step direction and the overflow of a narrowed index."""
    cur = J.cur
    if not tref_isk(step):
        zero = cur.kint(0) if t == IRT_INT else cur.knum(0.0)
        emitir(J, IRTG(IR["GE"] if up else IR["LT"], t), step, zero)
        if init and t == IRT_INT:
            if tref_isk(stop):
                k = cur.kval[tref_ref(stop)]
                if up and k > 0:
                    emitir(J, IRTG(IR_LE, IRT_INT), step, cur.kint(0x7FFFFFFF - k))
                elif not up and k < 0:
                    emitir(J, IRTG(IR_GE, IRT_INT), step, cur.kint(-0x80000000 - k))
            else:
                tr = emitir(J, IRTG(IR_ADDOV, IRT_INT), step, stop)
                emitir(J, IRTYPE(IR_USE, IRT_INT), tr, 0)
    elif init and t == IRT_INT and not tref_isk(stop):
        k = cur.kval[tref_ref(step)]
        k = (0x7FFFFFFF if up else -0x80000000) - k
        emitir(J, IRTG(IR_LE if up else IR_GE, IRT_INT), stop, cur.kint(k))


class ScEv:
    """Scalar evolution of a FORL index (ScEvEntry)."""

    __slots__ = ("pc", "pt", "idx", "start", "stop", "step", "t", "dir")

    def __init__(self):
        self.pc = None
        self.pt = None
        self.idx = REF_BIAS - 1
        self.start = self.stop = self.step = 0
        self.t = 0
        self.dir = True


def for_loop(J, fori, scev, init):
    """rec_for_loop: the FORL of a loop whose FORI is at pc fori."""
    from .narrow import narrow_forl     # noqa: PLC0415 -- a cycle-free late import
    ra = bc_a(J.pt.proto.code[fori])
    idx = base(J, ra + FORL_IDX)
    if idx:
        t = tref_t(idx)
    elif init:
        t = narrow_forl(J, J.stack_num(ra), J.stack_num(ra + 1), J.stack_num(ra + 2))
    else:
        t = IRT_NUM
    # READONLY unless a DUALNUM build's slot type differs from t: x64 has no DUALNUM
    mode = SLOAD["INHERIT"] + SLOAD["READONLY"]
    stop = fori_arg(J, fori, ra + FORL_STOP, t, mode)
    step = fori_arg(J, fori, ra + FORL_STEP, t, mode)
    up = for_direction(J, ra)
    scev.t = t
    scev.dir = up
    scev.stop = tref_ref(stop)
    scev.step = tref_ref(step)
    for_check(J, t, up, stop, step, init)
    scev.start = tref_ref(find_kinit(J, fori, ra + FORL_IDX, IRT_INT))
    if not idx:
        idx = fori_load(J, ra + FORL_IDX, t, SLOAD["INHERIT"] + (J.scev.start << 16))
    if not init:
        idx = emitir(J, IRTYPE(IR_ADD, t), idx, step)
        setslot(J, ra + FORL_IDX, idx)
    setslot(J, ra + FORL_EXT, idx)
    scev.idx = tref_ref(idx)
    scev.pc = fori
    scev.pt = J.pt
    J.maxslot = ra + FORL_EXT + 1


def rec_for(J, fori, isforl):
    """Record FORL/JFORL (isforl) or FORI/JFORI; returns the loop event."""
    from .narrow import narrow_forl, tref_isstr     # noqa: PLC0415
    ra = bc_a(J.pt.proto.code[fori])
    if isforl:
        idx = base(J, ra + FORL_IDX)
        sc = J.scev
        if sc.pc == fori and sc.pt is J.pt and tref_ref(idx) == sc.idx:
            t = sc.t
            stop = TREF(sc.stop, J.cur.t[sc.stop])
            idx = emitir(J, IRTYPE(IR_ADD, t), idx, TREF(sc.step, J.cur.t[sc.step]))
            setslot(J, ra + FORL_EXT, idx)
            setslot(J, ra + FORL_IDX, idx)
        else:
            scev = ScEv()
            for_loop(J, fori, scev, False)
            t = scev.t
            stop = TREF(scev.stop, J.cur.t[scev.stop])
    else:
        J.meta_for(ra)
        t = IRT_NUM
        if tref_isinteger(base(J, ra + FORL_IDX)):
            t = narrow_forl(J, J.stack_num(ra), J.stack_num(ra + 1), J.stack_num(ra + 2))
        for i in (FORL_IDX, FORL_STOP, FORL_STEP):
            tr = base(J, ra + i) or sload(J, ra + i)
            if tref_isstr(tr):
                tr = emitir(J, IRTG(IR["STRTO"], IRT_NUM), tr, 0)
            if t == IRT_INT:
                if not tref_isinteger(tr):
                    tr = emitir(J, IRTG(IR_CONV, IRT_INT), tr, IRCONV_INT_NUM | (3 << 12))
            elif not tref_isnum(tr):
                tr = emitir(J, IRTYPE(IR_CONV, IRT_NUM), tr, IRCONV_NUM_INT)
            setslot(J, ra + i, tr)
        setslot(J, ra + FORL_EXT, base(J, ra + FORL_IDX))
        stop = base(J, ra + FORL_STOP)
        for_check(J, t, for_direction(J, ra), stop, base(J, ra + FORL_STEP), True)
    op, ev = for_iter(J, ra, isforl)
    exit_pc = fori + bc_j(J.pt.proto.code[fori]) + 1
    if ev == LOOPEV_LEAVE:
        J.maxslot = ra + FORL_EXT + 1
        J.pc = fori + 1
    else:
        J.maxslot = ra
        J.pc = exit_pc
    snap_add(J)
    emitir(J, IRTG(op, t), base(J, ra + FORL_IDX), stop)
    if ev == LOOPEV_LEAVE:
        J.maxslot = ra
        J.pc = exit_pc
    else:
        J.maxslot = ra + FORL_EXT + 1
        J.pc = fori + 1
    J.needsnap = 1
    return ev


def rec_iterl(J, iterins):
    ra = bc_a(iterins)
    if getslot(J, ra) != TREF_NIL:
        setslot(J, ra - 1, base(J, ra))
        J.maxslot = ra - 1 + bc_b(J.pt.proto.code[J.pc - 1])
        J.pc += bc_j(iterins) + 1
        return LOOPEV_ENTER
    J.maxslot = ra - 3
    J.pc += 1
    return LOOPEV_LEAVE


def rec_loop(J, ra, skip):
    if ra < J.maxslot:
        J.maxslot = ra
    J.pc += skip
    return LOOPEV_ENTER


def innerloopleft(J, pt, pc):
    """A loop that repeatedly failed to trace because it did not loop back."""
    entry = J.penalty_entry(pt, pc)
    return entry is not None and entry.reason in ("LLEAVE", "LINNER") and entry.val >= 144


def rec_loop_interp(J, pc, ev):
    """An interpreted loop instruction is hit while recording."""
    if J.parent == 0 and J.exitno == 0:
        if J.is_startpc(pc) and J.framedepth + J.retdepth == 0:
            if bc_op(J.trace.startins) == BC_ITERN:
                return
            if ev == LOOPEV_LEAVE:
                raise TraceError("LLEAVE")
            record_stop(J, "loop", J.trace.traceno)
        elif ev != LOOPEV_LEAVE:
            if bc_j(J.pt.proto.code[pc]) != -1 and not innerloopleft(J, J.pt, pc):
                raise TraceError("LINNER")
            J.loopunroll -= 1
            if (ev != LOOPEV_ENTERLO and J.loopref and J.cur.nins - J.loopref > 24) or \
                    J.loopunroll < 0:
                raise TraceError("LUNROLL")
            J.loopref = J.cur.nins
    elif ev != LOOPEV_LEAVE:
        J.loopref = J.cur.nins
        J.loopunroll -= 1
        if J.loopunroll < 0:
            raise TraceError("LUNROLL")


def rec_loop_jit(J, lnk, ev):
    """An already compiled loop instruction is hit while recording."""
    if J.parent == 0 and J.exitno == 0:
        raise TraceError("LINNER")
    if ev != LOOPEV_LEAVE:
        J.instunroll = 0
        if J.is_startpc(J.pc) and J.framedepth + J.retdepth == 0:
            record_stop(J, "loop", J.trace.traceno)
        else:
            record_stop(J, "root", lnk)


# -- Setting up a root trace -------------------------------------------------------------

def setup_root(J):
    """rec_setup_root: the next PC and the bytecode range of the loop."""
    code = J.pt.proto.code
    pc = J.pc
    ins = code[pc]
    ra = bc_a(ins)
    op = bc_op(ins)
    if op == BC_FORL:
        J.bc_extent = -bc_j(ins)
        pc += 1 + bc_j(ins)
        J.bc_min = pc
    elif op == BC_ITERL:
        J.maxslot = ra + bc_b(code[pc - 1]) - 1
        J.bc_extent = -bc_j(ins)
        pc += 1 + bc_j(ins)
        J.bc_min = pc
    elif op == BC_ITERN:
        J.maxslot = ra
        J.bc_extent = -bc_j(code[pc + 1])
        J.bc_min = pc + 2 + bc_j(code[pc + 1])
        J.state_record_1st()
    elif op == BC_LOOP:
        pcj = pc + bc_j(ins)
        ins2 = code[pcj]
        if bc_op(ins2) == BC_JMP and bc_j(ins2) < 0:
            J.bc_min = pcj + 1 + bc_j(ins2)
            J.bc_extent = -bc_j(ins2)
        J.maxslot = ra
        pc += 1
    elif bc_isret(op):
        J.maxslot = ra + bc_d(ins) - 1
    elif op == BC_FUNCF:
        J.maxslot = J.pt.proto.numparams
        pc += 1
    elif op in (BC_CALLM, BC_CALL, BC_ITERC):
        pc += 1
    return pc


def record_setup(J):
    """lj_record_setup: reset the recorder for a new trace."""
    J.slot = [0] * len(J.slot)
    J.bpropcache = []
    J.bpropslot = 0
    J.scev = ScEv()
    J.baseslot = 2
    J.maxslot = 0
    J.framedepth = 0
    J.retdepth = 0
    J.instunroll = J.param["instunroll"]
    J.loopunroll = J.param["loopunroll"]
    J.tailcalled = 0
    J.loopref = 0
    J.bc_min = None
    J.bc_extent = 1 << 30
    J.cur.reset(J.parent, J.exitno)
    J.startpc = (J.pt, J.pc)
    T = J.trace
    T.startpc = J.pc
    if J.parent:
        J.setup_side()
        return
    T.root = 0
    T.startins = J.pt.proto.code[J.pc]
    J.pc = setup_root(J)
    snap_add(J)
    op = bc_op(T.startins)
    if op == BC_FORL:
        for_loop(J, J.pc - 1, J.scev, True)
    elif op == BC_ITERC:
        J.startpc = None
    if 1 + J.pt.proto.framesize >= 250:
        raise TraceError("STACKOV")


def check_limits(J):
    """The IR instruction and constant limits (after every recorded instruction)."""
    cur = J.cur
    if cur.nins > REF_FIRST + J.param["maxrecord"] or cur.nk < REF_BIAS - J.param["maxirconst"]:
        raise TraceError("TRACEOV")


# -- Comparisons ---------------------------------------------------------------------------

def comp_prep(J):
    """rec_comp_prep: a snapshot before the guard (not merged into #0, whose PC is fixed)."""
    T = J.trace
    if len(T.snap) == 1 and T.snap[0].ref == J.cur.nins:
        J.cur.emit_raw(IRTYPE(IR["NOP"], IRT_NIL), 0, 0)
    snap_add(J)


def comp_fixup(J, pc, cond):
    """rec_comp_fixup: the snapshot resumes at the branch not taken while recording."""
    from .snap import snap_shrink     # noqa: PLC0415
    code = J.pt.proto.code
    jmpins = code[pc + 1]
    npc = pc + 2 + (bc_j(jmpins) if cond else 0)
    J.trace.snap[-1].pc = npc
    J.needsnap = 1
    if bc_a(jmpins) < J.maxslot:
        J.maxslot = bc_a(jmpins)
    snap_shrink(J)


def objcmp(J, a, b, av, bv):
    """lj_record_objcmp: 0 same object, 1 different but same type, 2 different types."""
    diff = not _obj_equal(av, bv)
    if not tref_isk2_(a, b):
        ta = IRT_INT if tref_isinteger(a) else tref_t(a)
        tb = IRT_INT if tref_isinteger(b) else tref_t(b)
        if ta != tb:
            if ta == IRT_INT and tb == IRT_NUM:
                a = emitir(J, IRTYPE(IR_CONV, IRT_NUM), a, IRCONV_NUM_INT)
                ta = IRT_NUM
            elif ta == IRT_NUM and tb == IRT_INT:
                b = emitir(J, IRTYPE(IR_CONV, IRT_NUM), b, IRCONV_NUM_INT)
            else:
                return 2
        emitir(J, IRTG(IR["NE"] if diff else IR["EQ"], ta), a, b)
    return 1 if diff else 0


def tref_isk2_(a, b):
    return (a & 0xFFFF) < REF_BIAS and (b & 0xFFFF) < REF_BIAS


def _obj_equal(a, b):
    """lj_obj_equal: raw equality of two TValues (numbers by value)."""
    if a < NUM_LIMIT and b < NUM_LIMIT:
        return tv_num(a) == tv_num(b)
    return a == b


def numcmp(a, b, o):
    from .fold import numcmp as _numcmp     # noqa: PLC0415
    return _numcmp(a, b, o)


# -- Indexed access ------------------------------------------------------------------------

class RecordIndex:
    """The operands of an indexed load/store or a metamethod lookup (RecordIndex)."""

    __slots__ = ("tab", "key", "val", "mobj", "mt", "tabv", "keyv", "valv", "mobjv",
                 "mtv", "oldv", "idxchain")

    def __init__(self):
        self.tab = self.key = self.val = self.mobj = self.mt = 0
        self.tabv = self.keyv = self.valv = self.mobjv = NIL_TV
        self.mtv = 0
        self.oldv = None
        self.idxchain = 0


NIL_TV = 0xFFFFFFFFFFFFFFFF
LJ_MAX_ASIZE = (1 << 27) + 1
LJ_MAX_IDXCHAIN = 100
IRFL = {n: i for i, n in enumerate((
    "STR_LEN", "FUNC_ENV", "FUNC_PC", "FUNC_FFID", "THREAD_ENV", "TAB_META", "TAB_ARRAY",
    "TAB_NODE", "TAB_ASIZE", "TAB_HMASK", "TAB_NOMM", "UDATA_META", "UDATA_UDTYPE",
    "UDATA_FILE"))}
IRT_PGC, IRT_U8, IRT_P32 = IRT["P64"], IRT["U8"], IRT["P32"]
IR_FLOAD, IR_EQ, IR_NE, IR_ULE, IR_ABC, IR_AREF, IR_HREFK, IR_HREF, IR_KKPTR = (
    IR[n] for n in ("FLOAD", "EQ", "NE", "ULE", "ABC", "AREF", "HREFK", "HREF", "KKPTR"))
IR_ALOAD, IR_HLOAD, IR_NEWREF, IR_TBAR, IR_FREF, IR_FSTORE = (
    IR[n] for n in ("ALOAD", "HLOAD", "NEWREF", "TBAR", "FREF", "FSTORE"))
IRDELTA_L2S = IR["ASTORE"] - IR["ALOAD"]


def tref_istab(tr):
    return tref_t(tr) == IRT_TAB


def tref_isudata(tr):
    return tref_t(tr) == IRT["UDATA"]


def tref_isfunc(tr):
    return tref_t(tr) == IRT_FUNC


def tref_isgcv(tr):
    return tref_t(tr) in (IRT_STR, IRT["THREAD"], IRT["PROTO"], IRT_FUNC, IRT["CDATA"],
                          IRT_TAB, IRT["UDATA"])


def idx_abc(J, asizeref, ikey, asize):
    """rec_idx_abc: a bounds check, hoisted for FORL-indexed loops when possible."""
    cur = J.cur
    if "loop" in J.flags and "abc" in J.flags:
        ref = tref_ref(ikey)
        ofs = 0
        ofsref = 0
        if cur.o[ref] == IR_ADD and cur.op2[ref] < REF_BIAS:
            ofsref = cur.op2[ref]
            ofs = cur.kval[ofsref]
            ref = cur.op1[ref]
        sc = J.scev
        if ref == sc.idx:
            stop = int(J.slot_num(cur.op1[ref] + FORL_STOP))
            if 0 <= stop + ofs < asize:
                stopref = TREF(sc.stop, cur.t[sc.stop])
                emitir(J, IRTG(IR_ABC, IRT_P32), asizeref, stopref if ofs == 0 else
                       emitir(J, IRTYPE(IR_ADD, IRT_INT), stopref, ofsref))
                if not (sc.dir and sc.start and cur.kval[sc.start] + ofs >= 0):
                    emitir(J, IRTG(IR_ABC, IRT_P32), asizeref, ikey)
                return
    emitir(J, IRTG(IR_ABC, IRT_INT), asizeref, ikey)


def idx_key(J, ix):
    """rec_idx_key: the reference to the slot for ix.key; returns (xref, rbref, rbguard)."""
    from .narrow import narrow_index     # noqa: PLC0415
    vm = J.vm
    t = J.tabq(ix.tabv)
    ix.oldv = J.tab_getslot(t, ix.keyv)
    rbref = 0
    rbguard = 0
    key = ix.key
    asize = vm.I[(t << 1) + 12]
    hmask = vm.I[(t << 1) + 13]
    cur = J.cur
    if tref_isnumber(key):
        n = tv_num(ix.keyv)
        k = int(n) if -2147483649.0 < n < 2147483648.0 else -0x80000000
        if n != k:
            k = LJ_MAX_ASIZE
        if 0 <= k < LJ_MAX_ASIZE:
            ikey = narrow_index(J, key)
            asizeref = emitir(J, IRTYPE(IR_FLOAD, IRT_INT), ix.tab, IRFL["TAB_ASIZE"])
            if k < asize:
                idx_abc(J, asizeref, ikey, asize)
                arrayref = emitir(J, IRTYPE(IR_FLOAD, IRT_PGC), ix.tab, IRFL["TAB_ARRAY"])
                return emitir(J, IRTYPE(IR_AREF, IRT_PGC), arrayref, ikey), 0, 0
            emitir(J, IRTG(IR_ULE, IRT_INT), asizeref, ikey)
            if k == 0 and tref_isk(key):
                key = cur.knum(0.0)
        elif not tref_isk(key):
            if asize == 0:
                tmp = emitir(J, IRTYPE(IR_FLOAD, IRT_INT), ix.tab, IRFL["TAB_ASIZE"])
                emitir(J, IRTG(IR_EQ, IRT_INT), tmp, cur.kint(0))
            else:
                raise TraceError("NYITMIX")
    if hmask == 0:
        tmp = emitir(J, IRTYPE(IR_FLOAD, IRT_INT), ix.tab, IRFL["TAB_HMASK"])
        emitir(J, IRTG(IR_EQ, IRT_INT), tmp, cur.kint(0))
        return cur.kptr(J.niltv, IR_KKPTR), 0, 0
    if tref_isinteger(key):
        key = emitir(J, IRTYPE(IR_CONV, IRT_NUM), key, IRCONV_NUM_INT)
    if tref_isk(key):
        kind, where = ix.oldv[:2]
        if kind == "node":
            hslot = where
            if hslot <= hmask and hslot <= 65535:
                rbref = cur.nins
                rbguard = cur.guardemit
                hm = emitir(J, IRTYPE(IR_FLOAD, IRT_INT), ix.tab, IRFL["TAB_HMASK"])
                emitir(J, IRTG(IR_EQ, IRT_INT), hm, cur.kint(hmask))
                node = emitir(J, IRTYPE(IR_FLOAD, IRT_PGC), ix.tab, IRFL["TAB_NODE"])
                kslot = cur.kslot(key, hslot)
                return emitir(J, IRTG(IR_HREFK, IRT_PGC), node, kslot), rbref, rbguard
    return emitir(J, IRTYPE(IR_HREF, IRT_PGC), ix.tab, key), 0, 0


def nommstr(J, key):
    """The key cannot be one of the fast metamethod names (__index .. __len)."""
    if tref_t(key) == IRT_STR:
        if tref_isk(key):
            return J.cur.kval[tref_ref(key)] not in J.fast_mmnames()
        return False
    return True


def record_idx(J, ix):
    """lj_record_idx: an indexed load (ix.val == 0) or store; returns the result TRef
    (0 when a metamethod call was set up or for stores)."""
    while not tref_istab(ix.tab):
        if not mm_lookup(J, ix, "__newindex" if ix.val else "__index"):
            raise TraceError("NOMM")
        r = _handle_mm(J, ix)
        if r is not None:
            return r
    while True:
        r = _record_idx_table(J, ix)
        if r is not _RETRY:
            return r
        r = _handle_mm(J, ix)
        if r is not None:
            return r
        while not tref_istab(ix.tab):
            if not mm_lookup(J, ix, "__newindex" if ix.val else "__index"):
                raise TraceError("NOMM")
            r = _handle_mm(J, ix)
            if r is not None:
                return r


_RETRY = object()


def _handle_mm(J, ix):
    """The handlemm label: call a function metamethod, or retry with the index table."""
    if tref_isfunc(ix.mobj):
        func = mm_prep(J, "nop" if ix.val else "ra")
        setslot(J, func, ix.mobj)
        setslot(J, func + 1, 0)
        J.set_stack(func, ix.mobjv)
        setslot(J, func + 2, ix.tab)
        setslot(J, func + 3, ix.key)
        J.set_stack(func + 2, ix.tabv)
        J.set_stack(func + 3, ix.keyv)
        if ix.val:
            setslot(J, func + 4, ix.val)
            J.set_stack(func + 4, ix.valv)
            record_call(J, func, 3)
        else:
            record_call(J, func, 2)
        return 0
    ix.tab = ix.mobj
    ix.tabv = ix.mobjv
    ix.idxchain -= 1
    if ix.idxchain == 0:
        raise TraceError("IDXLOOP")
    return None


def _record_idx_table(J, ix):
    cur = J.cur
    keyv = ix.keyv
    if keyv == NIL_TV or (keyv < NUM_LIMIT and tv_num(keyv) != tv_num(keyv)):
        if ix.val:
            raise TraceError("STORENN")
        if tref_isk(ix.key):
            if ix.idxchain and mm_lookup(J, ix, "__index"):
                return _RETRY
            return TREF_NIL
    xref, rbref, rbguard = idx_key(J, ix)
    xrefop = cur.o[tref_ref(xref)]
    loadop = IR_ALOAD if xrefop == IR_AREF else IR_HLOAD
    oldv = ("nil", None, 0) if xrefop == IR_KKPTR else ix.oldv
    oldval = J.slot_value(oldv)
    if not ix.val:
        t = itype2irt(oldval)
        if oldv[0] == "nil":
            emitir(J, IRTG(IR_EQ, IRT_PGC), xref, cur.kptr(J.niltv, IR_KKPTR))
            res = TREF_NIL
        else:
            res = emitir(J, IRTG(loadop, t), xref, 0)
        if tref_ref(res) < rbref:
            cur.rollback(rbref)
            cur.guardemit = rbguard
        if t == IRT_NIL and ix.idxchain and mm_lookup(J, ix, "__index"):
            return _RETRY
        if irtype_ispri(t):
            res = TREF_PRI(t)
        return res
    return _record_store(J, ix, xref, xrefop, loadop, oldv, oldval, rbref, rbguard)


def _record_store(J, ix, xref, xrefop, loadop, oldv, oldval, rbref, rbguard):
    from .opt_mem import fwd_wasnonnil     # noqa: PLC0415
    cur = J.cur
    mt = J.tab_metatable(ix.tabv)
    keybarrier = tref_isgcv(ix.key) and ix.val != TREF_NIL
    if tref_ref(xref) < rbref:
        cur.rollback(rbref)
        cur.guardemit = rbguard
    if oldval == NIL_TV:
        hasmm = bool(ix.idxchain and mt and J.mt_get(mt, "__newindex") != NIL_TV)
        if hasmm:
            emitir(J, IRTG(loadop, IRT_NIL), xref, 0)
        elif xrefop == IR_HREF:
            emitir(J, IRTG(IR_EQ if oldv[0] == "nil" else IR_NE, IRT_PGC), xref,
                   cur.kptr(J.niltv, IR_KKPTR))
        if ix.idxchain and mm_lookup(J, ix, "__newindex"):
            return _RETRY
        if oldv[0] == "nil":
            key = ix.key
            if tref_isinteger(key):
                key = emitir(J, IRTYPE(IR_CONV, IRT_NUM), key, IRCONV_NUM_INT)
            xref = emitir(J, IRTYPE(IR_NEWREF, IRT_PGC), ix.tab, key)
            keybarrier = False
    elif not fwd_wasnonnil(J, loadop, tref_ref(xref)):
        if xrefop == IR_HREF:
            emitir(J, IRTG(IR_NE, IRT_PGC), xref, cur.kptr(J.niltv, IR_KKPTR))
        if ix.idxchain:
            if not mt:
                mtref = emitir(J, IRTYPE(IR_FLOAD, IRT_TAB), ix.tab, IRFL["TAB_META"])
                emitir(J, IRTG(IR_EQ, IRT_TAB), mtref, cur.knull(IRT_TAB))
            else:
                emitir(J, IRTG(loadop, itype2irt(oldval)), xref, 0)
    else:
        keybarrier = False
    val = ix.val
    if tref_isinteger(val):
        val = emitir(J, IRTYPE(IR_CONV, IRT_NUM), val, IRCONV_NUM_INT)
    emitir(J, IRTYPE(loadop + IRDELTA_L2S, tref_t(val)), xref, val)
    if keybarrier or tref_isgcv(val):
        emitir(J, IRTYPE(IR_TBAR, IRT_NIL), ix.tab, 0)
    if not nommstr(J, ix.key):
        fref = emitir(J, IRTYPE(IR_FREF, IRT_PGC), ix.tab, IRFL["TAB_NOMM"])
        emitir(J, IRTYPE(IR_FSTORE, IRT_U8), fref, cur.kint(0))
    J.needsnap = 1
    return 0


# -- Metamethods ---------------------------------------------------------------------------

def mm_prep(J, cont):
    """rec_mm_prep: a continuation frame above the current frame; returns the call slot."""
    top = J.maxslot if cont == "cat" else J.pt.proto.framesize
    setslot(J, top, J.cur.k64(IR["KNUM"], J.cont_word(cont)))
    from .ir import TREF_CONT     # noqa: PLC0415
    setslot(J, top + 1, TREF_CONT)
    J.framedepth += 1
    for s in range(J.maxslot, top):
        setslot(J, s, 0)
    return top + 2


def mm_lookup(J, ix, mmname):
    """lj_record_mm_lookup: find metamethod mmname of ix.tab; sets ix.mobj(v), ix.mt."""
    cur = J.cur
    tabv = ix.tabv
    if tref_istab(ix.tab):
        mt = J.tab_metatable(tabv)
        mixtab = emitir(J, IRTYPE(IR_FLOAD, IRT_TAB), ix.tab, IRFL["TAB_META"])
    elif tref_isudata(ix.tab):
        udtype = J.udata_type(tabv)
        mt = J.udata_metatable(tabv)
        if udtype != 0:
            tr = emitir(J, IRTYPE(IR_FLOAD, IRT_U8), ix.tab, IRFL["UDATA_UDTYPE"])
            emitir(J, IRTG(IR_EQ, IRT_INT), tr, cur.kint(udtype))
            mo = J.mt_get(mt, mmname) if mt else NIL_TV
            if mo == NIL_TV:
                return False
            if itype2irt(mo) not in (IRT_FUNC, IRT_TAB):
                raise TraceError("BADTYPE")
            ix.mobjv = mo
            ix.mobj = cur.kgc(mo, itype2irt(mo))
            ix.mtv = mt
            ix.mt = TREF_NIL
            return True
        mixtab = emitir(J, IRTYPE(IR_FLOAD, IRT_TAB), ix.tab, IRFL["UDATA_META"])
    else:
        mt = J.base_metatable(tabv)
        if not mt:
            ix.mt = TREF_NIL
            return False
        ix.mt = mixtab = J.basemt_ref(tabv)
        return _mm_from(J, ix, mt, mixtab, mmname)
    ix.mt = mixtab if mt else TREF_NIL
    emitir(J, IRTG(IR_NE if mt else IR_EQ, IRT_TAB), mixtab, cur.knull(IRT_TAB))
    if mt:
        return _mm_from(J, ix, mt, mixtab, mmname)
    return False


def _mm_from(J, ix, mt, mixtab, mmname):
    mo = J.mt_get(mt, mmname)
    if mo != NIL_TV:
        ix.mobjv = mo
    ix.mtv = mt
    mix = RecordIndex()
    mix.tabv = J.tab_tv(mt)
    mix.tab = mixtab
    mix.keyv = J.vm.str(mmname.encode())
    mix.key = J.cur.kgc(mix.keyv, IRT_STR)
    mix.val = 0
    mix.idxchain = 0
    ix.mobj = record_idx(J, mix)
    return ix.mobj != TREF_NIL


def mm_arith(J, ix, mmname):
    """rec_mm_arith: call an arithmetic (or __concat/__unm) metamethod."""
    func = mm_prep(J, "cat" if mmname == "__concat" else "ra")
    setslot(J, func + 2, ix.tab)
    setslot(J, func + 3, ix.key)
    J.set_stack(func + 2, ix.tabv)
    J.set_stack(func + 3, ix.keyv)
    if not mm_lookup(J, ix, mmname):
        ok = False
        if mmname != "__unm":
            ix.tab = ix.key
            ix.tabv = ix.keyv
            ok = mm_lookup(J, ix, mmname)
        if not ok:
            raise TraceError("NOMM")
    setslot(J, func, ix.mobj)
    setslot(J, func + 1, 0)
    J.set_stack(func, ix.mobjv)
    record_call(J, func, 2)
    return 0


def mm_len(J, tr, tv):
    ix = RecordIndex()
    ix.tab = tr
    ix.tabv = tv
    if mm_lookup(J, ix, "__len"):
        func = mm_prep(J, "ra")
        setslot(J, func, ix.mobj)
        J.set_stack(func, ix.mobjv)
        setslot(J, func + 2, tr)
        J.set_stack(func + 2, tv)
        setslot(J, func + 3, TREF_NIL)
        J.set_stack(func + 3, NIL_TV)
        record_call(J, func, 2)
    else:
        raise TraceError("NOMM")
    return 0


def mm_callcomp(J, ix, op):
    func = mm_prep(J, "condf" if op & 1 else "condt")
    setslot(J, func, ix.mobj)
    setslot(J, func + 2, ix.val)
    setslot(J, func + 3, ix.key)
    J.set_stack(func, ix.mobjv)
    J.set_stack(func + 2, ix.valv)
    J.set_stack(func + 3, ix.keyv)
    record_call(J, func, 2)


def _same_mt_guard(J, ix, bv):
    """When the second operand has the same metatable: guard it and skip the 2nd lookup."""
    if itype2irt(bv) == IRT_TAB and J.tab_metatable(bv) == ix.mtv:
        mt2 = emitir(J, IRTYPE(IR_FLOAD, IRT_TAB), ix.key, IRFL["TAB_META"])
    elif itype2irt(bv) == IRT["UDATA"] and J.udata_metatable(bv) == ix.mtv:
        mt2 = emitir(J, IRTYPE(IR_FLOAD, IRT_TAB), ix.key, IRFL["UDATA_META"])
    else:
        return False
    emitir(J, IRTG(IR_EQ, IRT_TAB), mt2, ix.mt)
    return True


def mm_equal(J, ix, op):
    ix.tab = ix.val
    ix.tabv = ix.valv
    if mm_lookup(J, ix, "__eq"):
        mo1, mo1v = ix.mobj, ix.mobjv
        if not _same_mt_guard(J, ix, ix.keyv):
            ix.tab = ix.key
            ix.tabv = ix.keyv
            if not mm_lookup(J, ix, "__eq") or objcmp(J, mo1, ix.mobj, mo1v, ix.mobjv):
                return
        mm_callcomp(J, ix, op)


def mm_comp(J, ix, op):
    ix.tab = ix.val
    ix.tabv = ix.valv
    while True:
        mm = "__le" if op & 2 else "__lt"
        if mm_lookup(J, ix, mm):
            mo1, mo1v = ix.mobj, ix.mobjv
            matched = True
            if not _same_mt_guard(J, ix, ix.keyv):
                ix.tab = ix.key
                ix.tabv = ix.keyv
                if not mm_lookup(J, ix, mm) or objcmp(J, mo1, ix.mobj, mo1v, ix.mobjv):
                    matched = False
            if matched:
                mm_callcomp(J, ix, op)
                return
        if not op & 2:
            return
        ix.tab, ix.key, ix.val = ix.key, ix.val, ix.key
        ix.tabv, ix.keyv, ix.valv = ix.keyv, ix.valv, ix.keyv
        op ^= 3


# -- Upvalues ------------------------------------------------------------------------------

IR_UREFO, IR_UREFC, IR_ULOAD, IR_USTORE, IR_OBAR, IR_UGT, IR_SUB = (
    IR[n] for n in ("UREFO", "UREFC", "ULOAD", "USTORE", "OBAR", "UGT", "SUB"))
PROTO_CLC_POLY = 3 * 0x20
HASH_BIAS = -0x04C11DB7


def upvalue_constify(J, u):
    """An immutable upvalue holding something that is not a table, udata or thread."""
    if J.vm.B[(u << 3) + 11]:
        v = J.upval_value(u)
        if itype2irt(v) not in (IRT_TAB, IRT["UDATA"], IRT["THREAD"]):
            return True
    return False


def rec_upvalue(J, uv, val):
    """rec_upvalue: load (val == 0) or store upvalue number uv of the current function."""
    from ..vm.table import hashrot     # noqa: PLC0415
    cur = J.cur
    u = J.fn.uvs[uv]
    fn = getcurrf(J)
    if upvalue_constify(J, u) and not val:
        if not tref_isk(fn):
            if J.proto_flags() >= PROTO_CLC_POLY:
                return _upvalue_access(J, uv, u, fn, val, hashrot)
            kfunc = cur.kgc(J.fn.tv, IRT_FUNC)
            emitir(J, IRTG(IR_EQ, IRT_FUNC), fn, kfunc)
            setslot(J, -2, kfunc)
            fn = kfunc
        tr = constify(J, J.upval_value(u))
        if tr:
            return tr
    return _upvalue_access(J, uv, u, fn, val, hashrot)


def _upvalue_access(J, uv, u, fn, val, hashrot):
    vm = J.vm
    cur = J.cur
    dhash = vm.I[((u << 3) + 40) >> 2]
    uvlit = (uv << 8) | (hashrot(dhash, (dhash + HASH_BIAS) & 0xFFFFFFFF) & 0xFF)
    needbarrier = False
    if not vm.B[(u << 3) + 10]:           # open
        uref = tref_ref(emitir(J, IRTG(IR_UREFO, IRT_PGC), fn, uvlit))
        slotq = (vm.Q[u + 4] - vm.base) >> 3
        th = J.th
        if th.stack <= slotq < th.stack + th.size:
            slot = slotq - (J.L_base - J.baseslot)
            if slot >= 0:
                addr = emitir(J, IRTYPE(IR_ADD, IRT_PGC), uref, cur.kint((slot - 2) * -8))
                emitir(J, IRTG(IR_EQ, IRT_PGC), REF_BASE_TREF, addr)
                slot -= J.baseslot
                if not val:
                    return getslot(J, slot)
                setslot(J, slot, val)
                if slot >= J.maxslot:
                    J.maxslot = slot + 1
                return 0
        diff = emitir(J, IRTYPE(IR_SUB, IRT_PGC), uref, REF_BASE_TREF)
        emitir(J, IRTG(IR_UGT, IRT_PGC), diff, cur.kint((J.baseslot + J.maxslot) * 8))
    else:
        needbarrier = True
        uref = tref_ref(emitir(J, IRTG(IR_UREFC, IRT_PGC), fn, uvlit))
    if not val:
        t = itype2irt(J.upval_value(u))
        res = emitir(J, IRTG(IR_ULOAD, t), uref, 0)
        return TREF_PRI(t) if irtype_ispri(t) else res
    if tref_isinteger(val):
        val = emitir(J, IRTYPE(IR_CONV, IRT_NUM), val, IRCONV_NUM_INT)
    emitir(J, IRTYPE(IR_USTORE, tref_t(val)), uref, val)
    if needbarrier and tref_isgcv(val):
        emitir(J, IRTYPE(IR_OBAR, IRT_NIL), uref, val)
    J.needsnap = 1
    return 0


REF_BASE_TREF = REF_BIAS      # the BASE instruction as an operand


# -- Calls and returns ---------------------------------------------------------------------

FF_coroutine_wrap_aux, FF_string_gmatch_aux = 36, 86


def call_specialize(J, fnv, tr):
    """rec_call_specialize: guard the called function (or its prototype)."""
    cur = J.cur
    f = J.vm.funcs[fnv]
    if f.__class__.__name__ == "LFunc":
        if J.proto_flags(f.p) >= PROTO_CLC_POLY:
            trpt = emitir(J, IRTYPE(IR_FLOAD, IRT_PGC), tr, IRFL["FUNC_PC"])
            emitir(J, IRTG(IR_EQ, IRT_PGC), trpt, cur.kptr(f.p.retbase))
            cur.kgc(f.p.addr | (IRT["PROTO"] and 0) | J.proto_tv(f.p), IRT["PROTO"])
            return tr
    elif f.ffid in (FF_coroutine_wrap_aux, FF_string_gmatch_aux):
        trid = emitir(J, IRTYPE(IR_FLOAD, IRT_U8), tr, IRFL["FUNC_FFID"])
        emitir(J, IRTG(IR_EQ, IRT_INT), trid, cur.kint(f.ffid))
        return tr
    kfunc = cur.kgc(fnv, IRT_FUNC)
    emitir(J, IRTG(IR_EQ, IRT_FUNC), tr, kfunc)
    return kfunc


def call_setup(J, func, nargs):
    """rec_call_setup: references for the function and arguments, __call resolved."""
    from ..vm.layout import TAG_FUNC     # noqa: PLC0415
    from .ir import TREF_FRAME     # noqa: PLC0415
    functv = J.stack_tv(func)
    getslot(J, func)
    for i in range(1, nargs + 1):
        getslot(J, func + 1 + i)
    if not tref_isfunc(base(J, func)):
        ix = RecordIndex()
        ix.tab = base(J, func)
        ix.tabv = functv
        if not mm_lookup(J, ix, "__call") or not tref_isfunc(ix.mobj):
            raise TraceError("NOMM")
        nargs += 1
        for i in range(nargs, 1, -1):
            setslot(J, func + i + 1, base(J, func + i))
        setslot(J, func + 2, base(J, func))
        setslot(J, func, ix.mobj)
        functv = ix.mobjv
    assert functv >> TAG_BITS == TAG_FUNC
    setslot(J, func, call_specialize(J, functv, base(J, func)))
    setslot(J, func + 1, TREF_FRAME)
    J.maxslot = nargs
    return functv


def record_call(J, func, nargs):
    """lj_record_call: set up the callee's frame on the slot map."""
    functv = call_setup(J, func, nargs)
    J.framedepth += 1
    J.baseslot += func + 2
    J.push_frame(func, functv)
    if J.baseslot + J.maxslot >= 250:
        raise TraceError("STACKOV")


def record_tailcall(J, func, nargs):
    from .ir import TREF_FRAME     # noqa: PLC0415
    functv = call_setup(J, func, nargs)
    if J.frame_isvarg():
        cbase = J.frame_delta()
        J.framedepth -= 1
        if J.framedepth < 0:
            raise TraceError("NYIRETL")
        J.baseslot -= cbase
        J.pop_varg_frame(cbase)
        func += cbase
    if J.baseslot == 2:
        setslot(J, func + 1, TREF_FRAME)
    b = J.baseslot
    n = J.maxslot + 2
    J.slot[b - 2:b - 2 + n] = J.slot[b + func:b + func + n]
    J.tailcall_frame(func, functv)
    J.tailcalled += 1
    if J.tailcalled > J.loopunroll:
        raise TraceError("LUNROLL")


def check_call_unroll(J, lnk):
    """Limit pseudo-recursion; form tail- or up-recursion at the start PC."""
    count = J.count_same_proto_frames()
    if J.is_startpc(J.pc):
        if count + J.tailcalled > J.param["recunroll"]:
            J.pc += 1
            if J.framedepth + J.retdepth == 0:
                record_stop(J, "tail-recursion", J.trace.traceno)
            else:
                record_stop(J, "up-recursion", J.trace.traceno)
    elif count > J.param["callunroll"]:
        if lnk:
            J.flush_trace(lnk)
            J.set_hotcount(J.pt, J.pc + 1, J.prng() & 15)
        raise TraceError("CUNROLL")


def func_setup(J):
    proto = J.pt.proto
    if J.proto_flags() & 0x08:      # PROTO_NOJIT
        raise TraceError("CJITOFF")
    if J.baseslot + proto.framesize >= 250:
        raise TraceError("STACKOV")
    for s in range(J.maxslot, proto.numparams):
        setslot(J, s, TREF_NIL)
    J.maxslot = proto.numparams


def func_vararg(J):
    from .ir import TREF_FRAME     # noqa: PLC0415
    proto = J.pt.proto
    vframe = J.maxslot + 2
    if J.baseslot + vframe + proto.framesize >= 250:
        raise TraceError("STACKOV")
    setslot(J, vframe - 2, base(J, -2))
    setslot(J, vframe - 1, TREF_FRAME)
    fixargs = min(proto.numparams, J.maxslot)
    for s in range(fixargs):
        setslot(J, vframe + s, base(J, s))
        setslot(J, s, TREF_NIL)
    J.maxslot = fixargs
    J.framedepth += 1
    J.baseslot += vframe
    J.push_varg_frame(vframe)


def func_lua(J):
    func_setup(J)
    check_call_unroll(J, 0)


def func_jit(J, lnk):
    func_setup(J)
    T = J.traces[lnk]
    if T.linktype == "return":
        check_call_unroll(J, lnk)
        J.unpatch_for_recording(T)
        return
    J.instunroll = 0
    if J.is_startpc(J.pc) and J.framedepth + J.retdepth == 0:
        record_stop(J, "tail-recursion", J.trace.traceno)
    else:
        record_stop(J, "root", lnk)


def check_downrec_unroll(J, ptv):
    """Down-recursion: count RETF guards for this prototype."""
    cur = J.cur
    ref = cur.chain[IR["KGC"]]
    while ref:
        if cur.kval[ref] == ptv:
            count = 0
            r = cur.chain[IR["RETF"]]
            while r:
                if cur.op1[r] == ref:
                    count += 1
                r = cur.prev[r]
            if count:
                if J.is_startpc(J.pc):
                    if count + J.tailcalled > J.param["recunroll"]:
                        return True
                else:
                    raise TraceError("DOWNREC")
        ref = cur.prev[ref]
    return False


def record_ret(J, rbase, gotresults):
    """lj_record_ret: return gotresults values from slot rbase of the current frame."""
    from ..vm.layout import FRAME_CONT, FRAME_PCALL, FRAME_TYPE, FRAME_TYPEP, FRAME_VARG  # noqa
    from .snap import snap_purge     # noqa: PLC0415
    for i in range(gotresults):
        getslot(J, rbase + i)
    frame = J.L_base - 1
    link = J.vm.Q[frame]
    while link & FRAME_TYPEP in (FRAME_PCALL, FRAME_PCALL + 1):
        cbase = link >> 3
        J.framedepth -= 1
        if J.framedepth <= 0:
            raise TraceError("NYIRETL")
        gotresults += 1
        rbase += cbase
        J.baseslot -= cbase
        rbase -= 1
        setslot(J, rbase, TREF_TRUE_)
        frame -= cbase
        link = J.vm.Q[frame]
        J.needsnap = 1
    islua = link & FRAME_TYPE == 0
    if J.framedepth == 0 and J.pt is not None and bc_isret(bc_op(J.pt.proto.code[J.pc])) and (
            not islua or (J.parent == 0 and J.exitno == 0 and
                          not bc_isret(bc_op(J.trace.startins)))):
        for i in range(rbase):
            setslot(J, i, 0)
        J.maxslot = rbase + gotresults
        record_stop(J, "return", 0)
        return
    if link & FRAME_TYPEP == FRAME_VARG:
        cbase = link >> 3
        J.framedepth -= 1
        if J.framedepth < 0:
            raise TraceError("NYIRETL")
        rbase += cbase
        J.baseslot -= cbase
        frame -= cbase
        link = J.vm.Q[frame]
        islua = link & FRAME_TYPE == 0
    if islua:
        _ret_to_lua(J, frame, link, rbase, gotresults, snap_purge)
    elif link & FRAME_TYPEP == FRAME_CONT:
        _ret_to_cont(J, frame, link, rbase, gotresults)
    else:
        raise TraceError("NYIRETL")


TREF_TRUE_ = TREF(REF_BIAS - 3, IRT["TRUE"])


def _ret_to_lua(J, frame, link, rbase, gotresults, snap_purge):
    cur = J.cur
    pinfo, rpc = J.code_at(link)
    callins = pinfo.proto.code[rpc - 1]
    nresults = bc_b(callins) - 1 if bc_b(callins) else gotresults
    cbase = bc_a(callins)
    if J.proto_flags(pinfo) & 0x08:
        raise TraceError("CJITOFF")
    if J.framedepth == 0 and J.pt is not None and frame == J.L_base - 1:
        if check_downrec_unroll(J, J.proto_tv(pinfo)):
            J.maxslot = rbase + gotresults
            snap_purge(J)
            record_stop(J, "down-recursion", J.trace.traceno)
            return
        snap_add(J)
    for i in range(nresults):
        setslot(J, i - 2, base(J, rbase + i) if i < gotresults else TREF_NIL)
    J.maxslot = cbase + nresults
    if J.framedepth > 0:
        J.framedepth -= 1
        J.baseslot -= cbase + 2
    elif J.parent == 0 and J.exitno == 0 and not bc_isret(bc_op(J.trace.startins)):
        raise TraceError("LLEAVE")
    elif J.needsnap:
        raise TraceError("NYIRETL")
    else:
        trpt = cur.kgc(J.proto_tv(pinfo), IRT["PROTO"])
        trpc = cur.kptr(link)
        emitir(J, IRTG(IR["RETF"], IRT_PGC), trpt, trpc)
        J.retdepth += 1
        J.needsnap = 1
        b = J.baseslot
        results = J.slot[b - 2:b - 2 + nresults]
        for i in range(cbase + 2):
            J.slot[b - 2 + i] = 0
        J.slot[b + cbase:b + cbase + nresults] = results


def _ret_to_cont(J, frame, link, rbase, gotresults):
    cbase = link >> 3
    J.framedepth -= 2
    if J.framedepth < 0:
        raise TraceError("NYIRETL")
    J.baseslot -= cbase
    J.maxslot = cbase - 4
    cont, contpt, contpc = J.cont_of(frame)
    if cont == "ra":
        dst = bc_a(contpt.proto.code[contpc - 1])
        setslot(J, dst, base(J, cbase + rbase) if gotresults else TREF_NIL)
        if dst >= J.maxslot:
            J.maxslot = dst + 1
    elif cont == "nop":
        pass
    elif cont == "cat":
        _ret_to_cat(J, frame, cbase, rbase, gotresults, contpt.proto.code[contpc - 1])
    # condt/condf: the result type is already specialised.


def _ret_to_cat(J, frame, cbase, rbase, gotresults, ins):
    """The __concat continuation: the result replaces the operands it consumed; the
    rest of the CAT is recorded as if run now (over a simulated live stack)."""
    tr = base(J, cbase + rbase) if gotresults else TREF_NIL
    bslot = bc_b(ins)
    if bslot != J.maxslot:
        from .jstate import POST_NONE     # noqa: PLC0415
        if J.postproc != POST_NONE:
            raise TraceError("NYIRETL")     # __concat + CALLT of a builtin: not here
        setslot(J, J.maxslot, tr)
        Q = J.vm.Q
        mbase = frame + 1
        saved, saved_base = Q[mbase - 4], J.L_base
        Q[mbase - 4] = Q[mbase + rbase] if gotresults else NIL_TV
        J.L_base = mbase - cbase
        try:
            tr = rec_cat(J, bslot, cbase - 4)
        finally:
            J.L_base = saved_base
            Q[mbase - 4] = saved
    if tr:
        dst = bc_a(ins)
        setslot(J, dst, tr)
        if dst >= J.maxslot:
            J.maxslot = dst + 1


# -- Varargs, concatenation, allocations ---------------------------------------------------

def rec_varg(J, dst, nresults):
    from ..vm.layout import FRAME_VARG     # noqa: PLC0415
    numparams = J.pt.proto.numparams
    link = J.vm.Q[J.L_base - 1]
    nvararg = (link >> 3) - numparams - 2
    if dst > J.maxslot:
        setslot(J, dst - 1, 0)
    if J.framedepth > 0:
        if nvararg < 0:
            nvararg = 0
        if nresults == -1:
            nresults = nvararg
            J.maxslot = dst + nvararg
        elif dst + nresults > J.maxslot:
            J.maxslot = dst + nresults
        for i in range(nresults):
            setslot(J, dst + i, getslot(J, i - nvararg - 2) if i < nvararg else TREF_NIL)
    else:
        _varg_unknown(J, dst, nresults, numparams, nvararg, link, FRAME_VARG)
    if J.baseslot + J.maxslot >= 250:
        raise TraceError("STACKOV")


def _varg_unknown(J, dst, nresults, numparams, nvararg, link, frame_varg):
    cur = J.cur
    # the frame link first, then select's guard, as rec_varg emits them
    fr = emitir(J, IRTYPE(IR_SLOAD, IRT_INT), 1, SLOAD["READONLY"] | SLOAD["FRAME"])
    frofs = 8 * (2 + numparams) + frame_varg
    if nresults < 0:
        if not _select_detect(J):
            J.errinfo = 71      # BC_VARG: only select(x, ...) takes all of them
            raise TraceError("NYIBC", 71)
        _varg_select(J, dst, fr, numparams, nvararg, frofs)
        return
    if nvararg > 0:
        nload = min(nvararg, nresults)
        if nvararg >= nresults:
            emitir(J, IRTG(IR["GE"], IRT_INT), fr, cur.kint(frofs + 8 * nresults))
        else:
            emitir(J, IRTG(IR_EQ, IRT_INT), fr, cur.kint(link & 0xFFFFFFFF))
        vbase = _varg_base(J, fr, frofs)
        for i in range(nload):
            t = itype2irt(J.stack_tv(i - 2 - nvararg))
            tr = emitir(J, IRTG(IR["VLOAD"], t), vbase, i)
            setslot(J, dst + i, TREF_PRI(t) if irtype_ispri(t) else tr)
    else:
        emitir(J, IRTG(IR_LE, IRT_INT), fr, cur.kint(frofs))
        nvararg = 0
    for i in range(max(nvararg, 0), nresults):
        setslot(J, dst + i, TREF_NIL)
    if dst + nresults > J.maxslot:
        J.maxslot = dst + nresults


def _varg_base(J, fr, frofs):
    """The address of the first vararg: BASE - frame size + frofs - 16 (LuaJIT 2.1's
    FR2 offset; 2.1.0-beta3 subtracted 8 and read one slot off)."""
    vbase = emitir(J, IRTYPE(IR_SUB, IRT["I64"]), REF_BASE_TREF, fr)
    return emitir(J, IRTYPE(IR_ADD, IRT_PGC), vbase, J.cur.kint(frofs - 16))


def _select_detect(J):
    """select_detect: the VARG feeds select(x, ...) (CALLM with one fixed argument and
    one result); the function is guarded to be select."""
    from ..vm.bytecode import BC_CALLM     # noqa: PLC0415
    ins = J.pt.proto.code[J.pc + 1]
    if bc_op(ins) != BC_CALLM or bc_b(ins) != 2 or bc_c(ins) != 1:
        return False
    from ..vm.lib.ffid import FFID     # noqa: PLC0415
    fv = J.stack_tv(bc_a(ins))
    f = J.vm.funcs.get(fv)
    if f is None or getattr(f, "ffid", None) != FFID["select"]:
        return False
    emitir(J, IRTG(IR_EQ, IRT["FUNC"]), getslot(J, bc_a(ins)), J.cur.kgc(fv, IRT["FUNC"]))
    return True


def _varg_select(J, dst, fr, numparams, nvararg, frofs):
    """y = select(x, ...) over the trace's unknown varargs: the count or one vararg
    straight from the frame; the CALLM and select are not recorded (bcskip)."""
    from .ffrecord import select_mode     # noqa: PLC0415
    from .ir import IRCONV_INDEX     # noqa: PLC0415
    cur = J.cur
    tridx = getslot(J, dst - 1)
    tr = TREF_NIL
    idx = select_mode(J, tridx, J.stack_tv(dst - 1))
    if idx < 0:
        J.errinfo = 71
        raise TraceError("NYIBC", 71)
    if idx != 0 and not tref_isinteger(tridx):
        if tref_t(tridx) == IRT["STR"]:
            tridx = emitir(J, IRTG(IR["STRTO"], IRT["NUM"]), tridx, 0)
        tridx = emitir(J, IRTG(IR["CONV"], IRT["INT"]), tridx, IRCONV_INT_NUM | IRCONV_INDEX)
    if idx != 0 and tref_isk(tridx):
        emitir(J, IRTG(IR["GE"] if idx <= nvararg else IR["LT"], IRT["INT"]), fr,
               cur.kint(frofs + 8 * idx))
        frofs -= 8      # bias for the 1-based index
    elif idx <= nvararg:        # the count from the frame size
        tmp = emitir(J, IRTYPE(IR["ADD"], IRT["INT"]), fr, cur.kint(-frofs))
        if numparams:
            emitir(J, IRTG(IR["GE"], IRT["INT"]), tmp, cur.kint(0))
        tr = emitir(J, IRTYPE(IR["BSHR"], IRT["INT"]), tmp, cur.kint(3))
        if idx != 0:
            tridx = emitir(J, IRTYPE(IR["ADD"], IRT["INT"]), tridx, cur.kint(-1))
            idx_abc(J, tr, tridx, nvararg)
    else:
        tmp = cur.kint(frofs)
        if idx != 0:
            tmp2 = emitir(J, IRTYPE(IR["BSHL"], IRT["INT"]), tridx, cur.kint(3))
            tmp = emitir(J, IRTYPE(IR["ADD"], IRT["INT"]), tmp2, tmp)
        else:
            tr = cur.kint(0)
        emitir(J, IRTG(IR["LT"], IRT["INT"]), fr, tmp)
    if idx != 0 and idx <= nvararg:
        t = itype2irt(J.stack_tv(idx - 3 - nvararg))
        aref = emitir(J, IRTYPE(IR["AREF"], IRT_PGC), _varg_base(J, fr, frofs), tridx)
        tr = emitir(J, IRTG(IR["VLOAD"], t), aref, 0)
        if irtype_ispri(t):
            tr = TREF_PRI(t)
    setslot(J, dst - 3, tr)
    J.maxslot = dst - 2
    J.bcskip = 1        # the CALLM (select itself is recorded with it here)


def _skipped_builtin_event(J):
    """A skipped call of a builtin (select over varargs, rec_varg): LuaJIT skips the
    CALLM and the builtin's FUNCC (bcskip 2), but the interpreter still dispatches
    the FUNCC in recording mode, so jit.attach and -jdump see its record event."""
    if J.pt is None:
        return
    ins = J.pt.proto.code[J.pc]
    if ins & 0xFF not in (BC_CALL, BC_CALLM):
        return
    f = J.vm.funcs.get(J.stack_tv(bc_a(ins)))
    if getattr(f, "ffid", None) is None:
        return
    fn, pt = J.fn, J.pt
    J.fn, J.pt = f, None
    try:
        J.record_event()
    finally:
        J.fn, J.pt = fn, pt


def rec_tnew(J, ah):
    asize = ah & 0x7FF
    hbits = ah >> 11
    if asize == 0x7FF:
        asize = 0x801
    return emitir(J, IRTG(IR["TNEW"], IRT_TAB), asize, hbits)


def rec_cat(J, baseslot, topslot):
    """rec_cat: string concatenation through the temporary buffer."""
    from .narrow import tref_isstr     # noqa: PLC0415
    cur = J.cur
    for s in range(baseslot, topslot + 1):
        getslot(J, s)
    top = topslot

    def numstr(tr):
        return tref_isnumber(tr) or tref_isstr(tr)

    if numstr(base(J, top)) and numstr(base(J, top - 1)):
        s = top
        while s >= baseslot:
            tr = base(J, s)
            if tref_isnumber(tr):
                setslot(J, s, emitir(J, IRTYPE(IR["TOSTR"], IRT_STR), tr,
                                     1 if tref_isnum(tr) else 0))
            elif not tref_isstr(tr):
                break
            s -= 1
        xbase = s + 1
        hdr = tr = emitir(J, IRTYPE(IR["BUFHDR"], IRT_PGC), cur.kptr(J.tmpbuf), 0)
        for s in range(xbase, top + 1):
            tr = emitir(J, IRTG(IR["BUFPUT"], IRT_PGC), tr, base(J, s))
        tr = emitir(J, IRTG(IR["BUFSTR"], IRT_STR), tr, hdr)
        J.maxslot = xbase
        if xbase == baseslot:
            return tr
        # a partial result: __concat for the slot left of it and an (empty) string
        topslot = xbase
        J.maxslot = xbase - 1
        setslot(J, xbase, tr)
        keyv = J.vm.str(b"")
    else:
        J.maxslot = topslot - 1
        keyv = J.stack_tv(topslot)
    ix = RecordIndex()
    ix.tabv = J.stack_tv(topslot - 1)
    ix.keyv = keyv
    ix.tab = base(J, topslot - 1)
    ix.key = base(J, topslot)
    # mm_arith writes the call into the live stack over the operands: keep them
    Q = J.vm.Q
    at = J.L_base + topslot - 1
    saved = Q[at:at + 6].tolist()
    try:
        mm_arith(J, ix, "__concat")
    finally:
        for i, v in enumerate(saved):
            Q[at + i] = v
    return 0


def rec_tsetm(J, ra, rn, i):
    ix = RecordIndex()
    ix.tabv = J.stack_tv(ra - 1)
    ix.tab = getslot(J, ra - 1)
    ix.idxchain = 0
    while ra < rn:
        ix.keyv = J.vm.num(float(i))
        ix.key = J.cur.kint(i)
        ix.valv = J.stack_tv(ra)
        ix.val = getslot(J, ra)
        record_idx(J, ix)
        i += 1
        ra += 1


def rec_isnext(J, ra):
    from ..vm.layout import NIL     # noqa: PLC0415
    f = J.vm.funcs.get(J.stack_tv(ra - 3))
    if f is not None and getattr(f, "ffid", 0) == 4 and \
            itype2irt(J.stack_tv(ra - 2)) == IRT_TAB and J.stack_tv(ra - 1) == NIL:
        func = getslot(J, ra - 3)
        trid = emitir(J, IRTYPE(IR_FLOAD, IRT_U8), func, IRFL["FUNC_FFID"])
        emitir(J, IRTG(IR_EQ, IRT_INT), trid, J.cur.kint(4))
        getslot(J, ra - 2)
        getslot(J, ra - 1)
        setslot(J, ra - 1, J.cur.kint(0) | TREF_KEYINDEX)
        J.maxslot = ra
    else:
        raise TraceError("RECERR")


def next_types(J, t, idx):
    """rec_next_types: (key type, value type) of the next entry from position idx."""
    vm = J.vm
    asize = vm.I[(t << 1) + 12]
    arr = (vm.Q[t + 2] - vm.base) >> 3
    while idx < asize:
        v = vm.Q[arr + idx]
        if v != NIL_TV:
            return IRT_NUM, itype2irt(v)
        idx += 1
    idx -= asize
    hmask = vm.I[(t << 1) + 13]
    node = (vm.Q[t + 5] - vm.base) >> 3
    while idx <= hmask:
        n = node + 3 * idx
        if vm.Q[n] != NIL_TV:
            return itype2irt(vm.Q[n + 1]), itype2irt(vm.Q[n])
        idx += 1
    return IRT_NIL, IRT_NIL


def record_next(J, ix):
    """lj_record_next: one traversal step; returns how many values it produces."""
    cur = J.cur
    tkey, tval = next_types(J, J.tabq(ix.tabv), ix.keyv & 0xFFFFFFFF)
    trvk = J.ir_call("lj_vm_next", ix.tab, ix.key)
    if ix.mobj or tkey == IRT_NIL:
        idx = emitir(J, IRTYPE(IR["HIOP"], IRT_INT), trvk, trvk)
        if not ix.mobj:
            emitir(J, IRTG(IR_NE, IRT_INT), idx, cur.kint(-1))
        ix.mobj = idx
    ix.key = _vload(J, trvk, 1, tkey)
    if tkey == IRT_NIL or ix.idxchain:
        ix.val = TREF_NIL
        return 1
    ix.val = _vload(J, trvk, 0, tval)
    return 2


def _vload(J, ref, idx, t):
    tr = emitir(J, IRTG(IR["VLOAD"], t), ref, idx)
    return TREF_PRI(t) if irtype_ispri(t) else tr


def rec_itern(J, ra, rb):
    if J.is_startpc(J.pc) and (J.cur.nins > REF_FIRST + 1 or (
            J.cur.nins == REF_FIRST + 1 and J.cur.o[REF_FIRST] != IR["PROF"])) and \
            J.framedepth + J.retdepth == 0 and J.parent == 0 and J.exitno == 0:
        J.instunroll = 0
        record_stop(J, "loop", J.trace.traceno)
        return LOOPEV_ENTER
    J.maxslot = ra
    snap_add(J)
    ix = RecordIndex()
    ix.tab = getslot(J, ra - 2)
    ix.key = base(J, ra - 1) or sloadt(J, ra - 1, IRT_INT, SLOAD["KEYINDEX"])
    ix.tabv = J.stack_tv(ra - 2)
    ix.keyv = J.stack_tv(ra - 1)
    ix.idxchain = 1 if rb < 3 else 0
    ix.mobj = 1
    J.maxslot = ra + record_next(J, ix)
    J.needsnap = 1
    if ix.key != TREF_NIL:
        setslot(J, ra - 1, ix.mobj | TREF_KEYINDEX)
        setslot(J, ra, ix.key)
        setslot(J, ra + 1, ix.val)
        J.pc += bc_j(J.pt.proto.code[J.pc + 1]) + 2
        return LOOPEV_ENTER
    J.maxslot = ra - 3
    J.pc += 2
    return LOOPEV_LEAVE


# -- The instruction dispatch (lj_record_ins) ----------------------------------------------

def postprocess(J):
    """The pending action after the interpreter ran the last recorded instruction."""
    from .jstate import POST_FIXBOOL, POST_FIXCONST, POST_FIXGUARD, POST_FIXGUARDSNAP  # noqa
    from .jstate import POST_FFRETRY, POST_NONE     # noqa: PLC0415
    from .fold import fold     # noqa: PLC0415
    pp = J.postproc
    truth = J.postproc_truth()
    if pp in (POST_FIXGUARD, POST_FIXGUARDSNAP):
        if not truth:
            J.fins.o ^= 1
            if pp == POST_FIXGUARDSNAP:
                snap = J.trace.snap[-1]
                J.trace.snapmap[snap.mapofs + snap.nent - 1] -= 1
        fold(J)
    if pp in (POST_FIXGUARD, POST_FIXGUARDSNAP, POST_FIXBOOL) and not truth:
        from ..vm.layout import FALSE     # noqa: PLC0415
        for s in range(J.maxslot):
            if base(J, s) == TREF_PRI(IRT["TRUE"]) and J.stack_tv(s) == FALSE:
                setslot(J, s, TREF_PRI(IRT["FALSE"]))
                break
    elif pp == POST_FIXCONST:
        for s in range(J.maxslot):
            if base(J, s) == TREF_NIL and J.stack_tv(s) != NIL_TV:
                setslot(J, s, constify(J, J.stack_tv(s)))
    elif pp == POST_FFRETRY:
        pass
    J.postproc = POST_NONE


def record_ins(J):
    """lj_record_ins: record the instruction at J.pc (before it executes)."""
    from .snap import snap_purge     # noqa: PLC0415
    if J.postproc:
        postprocess(J)
    if J.needsnap:
        J.needsnap = 0
        if J.pt is not None:
            snap_purge(J)
        snap_add(J)
        J.mergesnap = 1
    if J.bcskip > 0:
        J.bcskip -= 1
        _skipped_builtin_event(J)
        return
    pc = J.pc
    if J.framedepth == 0 and J.bc_min is not None and not 0 <= pc - J.bc_min < J.bc_extent:
        raise TraceError("LLEAVE")
    ins = J.pt.proto.code[pc]
    op = ins & 0xFF
    handler = DISPATCH[op]
    rc = handler(J, ins, op, pc)
    if MODE_A[op] == M_DST and rc:
        ra = bc_a(ins)
        setslot(J, ra, rc)
        if ra >= J.maxslot:
            if ra > J.maxslot:
                setslot(J, ra - 1, 0)
            J.maxslot = ra + 1
    check_limits(J)


class Operands:
    """The decoded operands of one instruction: TRefs and their runtime values."""

    __slots__ = ("ra", "rb", "rc", "rav", "rbv", "rcv")


def operands(J, ins, op):
    """The operand decoding at the top of lj_record_ins."""
    from ..vm.bytecode import MODE_B, MODE_CD     # noqa: PLC0415
    o = Operands()
    o.ra = bc_a(ins)
    o.rav = o.rbv = o.rcv = NIL_TV
    if MODE_A[op] == MODE["var"]:
        o.rav = J.stack_tv(o.ra)
        o.ra = getslot(J, o.ra)
    mb = MODE_B[op]
    if mb == 0:
        o.rb = 0
        o.rc = bc_d(ins)
    else:
        o.rb = bc_b(ins)
        o.rc = bc_c(ins)
        if mb == MODE["var"]:
            o.rbv = J.stack_tv(o.rb)
            o.rb = getslot(J, o.rb)
    mc = MODE_CD[op]
    cur = J.cur
    if mc == MODE["var"]:
        o.rcv = J.stack_tv(o.rc)
        o.rc = getslot(J, o.rc)
    elif mc == MODE["pri"]:
        o.rcv = J.pri_tv(o.rc)
        o.rc = TREF_PRI(o.rc)
    elif mc == MODE["num"]:
        n = J.pt.proto.kn[o.rc]
        o.rcv = J.vm.num(n)
        o.rc = cur.knumint(n)
    elif mc == MODE["str"]:
        o.rcv = J.kgc(o.rc)
        o.rc = cur.kgc(o.rcv, IRT_STR)
    return o


def numv(v):
    return tv_num(v) if v < NUM_LIMIT else None


def rec_comparison(J, ins, op, pc):
    o = operands(J, ins, op)
    ra, rc = o.ra, o.rc
    from .narrow import tref_isstr     # noqa: PLC0415
    numstr = (tref_isnumber(ra) or tref_isstr(ra)) and (tref_isnumber(rc) or tref_isstr(rc))
    if tref_isk2_(ra, rc) and numstr:
        return 0
    ta = IRT_INT if tref_isinteger(ra) else tref_t(ra)
    tc = IRT_INT if tref_isinteger(rc) else tref_t(rc)
    if ta != tc:
        if ta == IRT_INT and tc == IRT_NUM:
            ra = emitir(J, IRTYPE(IR_CONV, IRT_NUM), ra, IRCONV_NUM_INT)
            ta = IRT_NUM
        elif ta == IRT_NUM and tc == IRT_INT:
            rc = emitir(J, IRTYPE(IR_CONV, IRT_NUM), rc, IRCONV_NUM_INT)
        elif not (ta in (IRT["FALSE"], IRT["TRUE"]) and tc in (IRT["FALSE"], IRT["TRUE"])):
            return 0
    comp_prep(J)
    irop = op - BC_ISLT + IR_LT
    if ta == IRT_NUM:
        if irop & 1:
            irop ^= 4
        if not numcmp(tv_num(o.rav), tv_num(o.rcv), irop):
            irop ^= 5
    elif ta == IRT_INT:
        if not numcmp(tv_num(o.rav), tv_num(o.rcv), irop):
            irop ^= 1
    elif ta == IRT_STR:
        if not J.strcmp(o.rav, o.rcv, irop):
            irop ^= 1
        ra = J.ir_call("lj_str_cmp", ra, rc)
        rc = J.cur.kint(0)
        ta = IRT_INT
    else:
        ix = RecordIndex()
        ix.val, ix.valv, ix.key, ix.keyv = o.ra, o.rav, o.rc, o.rcv
        mm_comp(J, ix, op)
        return 0
    emitir(J, IRTG(irop, ta), ra, rc)
    comp_fixup(J, pc, (op ^ irop) & 1)
    return 0


def rec_equality(J, ins, op, pc):
    o = operands(J, ins, op)
    ra, rc = o.ra, o.rc
    if tref_isk2_(ra, rc) and not (tref_istab(ra) or tref_isudata(ra)):
        return 0
    comp_prep(J)
    diff = objcmp(J, ra, rc, o.rav, o.rcv)
    if diff == 2 or not (tref_istab(ra) or tref_isudata(ra)):
        comp_fixup(J, pc, (op & 1) == (not diff))
    elif diff == 1:
        ix = RecordIndex()
        ix.val, ix.valv, ix.key, ix.keyv = o.ra, o.rav, o.rc, o.rcv
        mm_equal(J, ix, op)
    return 0


def rec_test(J, ins, op, pc):
    o = operands(J, ins, op)
    nxt = J.pt.proto.code[pc + 1]
    if bc_a(nxt) < J.maxslot:
        J.maxslot = bc_a(nxt)
    if op in (BC_ISTC, BC_ISFC):
        truthy = tref_t(o.rc) > IRT["FALSE"]
        if (op & 1) == truthy:
            return 0
        return o.rc
    return 0


def rec_istype(J, ins, op, pc):
    from .narrow import tonum     # noqa: PLC0415
    o = operands(J, ins, op)
    ra = o.ra
    if o.rc == 15:
        ra = tonum(J, ra)
    elif o.rc == 5:
        ra = J.tostr(ra)
    setslot(J, bc_a(ins), ra)
    return 0


def rec_not(J, ins, op, pc):
    o = operands(J, ins, op)
    t = tref_t(o.rc)
    return TREF_PRI(IRT["FALSE"]) if t > IRT["FALSE"] else TREF_PRI(IRT["TRUE"])


def rec_len(J, ins, op, pc):
    from .narrow import tref_isstr     # noqa: PLC0415
    o = operands(J, ins, op)
    if tref_isstr(o.rc):
        return emitir(J, IRTYPE(IR_FLOAD, IRT_INT), o.rc, IRFL["STR_LEN"])
    if tref_istab(o.rc):
        return emitir(J, IRTYPE(IR["ALEN"], IRT_INT), o.rc, TREF_NIL)
    return mm_len(J, o.rc, o.rcv)


def _numstr(tr):
    from .narrow import tref_isstr     # noqa: PLC0415
    return tref_isnumber(tr) or tref_isstr(tr)


def _numval(J, v):
    if v < NUM_LIMIT:
        return tv_num(v)
    return J.str_tonum(v)


def rec_unm(J, ins, op, pc):
    from .narrow import narrow_unm     # noqa: PLC0415
    o = operands(J, ins, op)
    if _numstr(o.rc):
        return narrow_unm(J, o.rc, _numval(J, o.rcv))
    ix = RecordIndex()
    ix.tab, ix.tabv, ix.key, ix.keyv = o.rc, o.rcv, o.rc, o.rcv
    return mm_arith(J, ix, "__unm")


ARITH_MM = ("__add", "__sub", "__mul", "__div", "__mod", "__pow")


def rec_arith(J, ins, op, pc):
    from .narrow import narrow_arith, narrow_mod     # noqa: PLC0415
    o = operands(J, ins, op)
    rb, rc, rbv, rcv = o.rb, o.rc, o.rbv, o.rcv
    if BC_ADDNV <= op <= BC_MODNV:
        rb, rc, rbv, rcv = rc, rb, rcv, rbv
    if op == BC_POW:
        k = 5
    else:
        k = (op - BC_ADDVN) % 5
    if _numstr(rb) and _numstr(rc):
        vb, vc = _numval(J, rbv), _numval(J, rcv)
        if k == 4:
            return narrow_mod(J, rb, rc, vb, vc)
        return narrow_arith(J, rb, rc, vb, vc, IR_ADD + k)
    ix = RecordIndex()
    ix.tab, ix.tabv, ix.key, ix.keyv = rb, rbv, rc, rcv
    return mm_arith(J, ix, ARITH_MM[k])


def rec_cat_op(J, ins, op, pc):
    return rec_cat(J, bc_b(ins), bc_c(ins))


def rec_mov(J, ins, op, pc):
    o = operands(J, ins, op)
    if o.ra > J.maxslot:
        for s in range(J.maxslot, o.ra):
            setslot(J, s, 0)
    return o.rc


def rec_const(J, ins, op, pc):
    o = operands(J, ins, op)
    if op == BC_KSTR:
        return J.cur.kgc(J.kgc(bc_d(ins)), IRT_STR)
    if op == BC_KNUM:
        return o.rc
    if op == BC_KPRI:
        return TREF_PRI(bc_d(ins))
    k = bc_d(ins)
    return J.cur.kint(k - 0x10000 if k >= 0x8000 else k)


def rec_knil(J, ins, op, pc):
    ra, rd = bc_a(ins), bc_d(ins)
    if ra > J.maxslot:
        setslot(J, ra - 1, 0)
    for s in range(ra, rd + 1):
        setslot(J, s, TREF_NIL)
    if rd >= J.maxslot:
        J.maxslot = rd + 1
    return 0


def rec_uget(J, ins, op, pc):
    return rec_upvalue(J, bc_d(ins), 0)


def rec_uset(J, ins, op, pc):
    ra, rd = bc_a(ins), bc_d(ins)
    if op == BC_USETV:
        val = getslot(J, rd)
    elif op == BC_USETS:
        val = J.cur.kgc(J.kgc(rd), IRT_STR)
    elif op == BC_USETN:
        val = J.cur.knumint(J.pt.proto.kn[rd])
    else:
        val = TREF_PRI(rd)
    rec_upvalue(J, ra, val)
    return 0


def rec_gtab(J, ins, op, pc):
    o = operands(J, ins, op)
    ix = RecordIndex()
    ix.tabv = J.fn_env_tv()
    ix.tab = emitir(J, IRTYPE(IR_FLOAD, IRT_TAB), getcurrf(J), IRFL["FUNC_ENV"])
    ix.key, ix.keyv = o.rc, o.rcv
    if op == BC_GSET:
        ix.val, ix.valv = o.ra, o.rav
    ix.idxchain = LJ_MAX_IDXCHAIN
    return record_idx(J, ix)


def rec_tab(J, ins, op, pc):
    o = operands(J, ins, op)
    ix = RecordIndex()
    ix.tab, ix.tabv = o.rb, o.rbv
    if op in (BC_TGETB, BC_TSETB):
        ix.keyv = J.vm.num(float(o.rc))
        ix.key = J.cur.kint(o.rc)
    else:
        ix.key, ix.keyv = o.rc, o.rcv
    if op in (BC_TSETV, BC_TSETS, BC_TSETB, BC_TSETR):
        ix.val, ix.valv = o.ra, o.rav
    ix.idxchain = 0 if op in (BC_TGETR, BC_TSETR) else LJ_MAX_IDXCHAIN
    return record_idx(J, ix)


def rec_tsetm_op(J, ins, op, pc):
    ra = bc_a(ins)
    rec_tsetm(J, ra, J.multres_top(ra), int(J.pt.proto.kn[bc_d(ins)] - 2.0 ** 52))
    return 0


def rec_tnew_op(J, ins, op, pc):
    return rec_tnew(J, bc_d(ins))


def rec_tdup(J, ins, op, pc):
    return emitir(J, IRTG(IR["TDUP"], IRT_TAB), J.cur.kgc(J.kgc(bc_d(ins)), IRT_TAB), 0)


def rec_call_op(J, ins, op, pc):
    ra = bc_a(ins)
    if op == BC_ITERC:
        setslot(J, ra, getslot(J, ra - 3))
        setslot(J, ra + 2, getslot(J, ra - 2))
        setslot(J, ra + 3, getslot(J, ra - 1))
        J.copy_iterc_values(ra)
        nargs = bc_c(ins) - 1
    elif op == BC_CALLM:
        nargs = J.multres_top(ra) - ra - 1 - 1
    else:
        nargs = bc_c(ins) - 1
    record_call(J, ra, nargs)
    J.after_call(ra)
    return 0


def rec_callt_op(J, ins, op, pc):
    ra = bc_a(ins)
    if op == BC_CALLMT:
        nargs = J.multres_top(ra) - ra - 1 - 1
    else:
        nargs = bc_c(ins) - 1
    f = J.builtin_at(ra)
    if f is None:
        record_tailcall(J, ra, nargs)
        return 0
    from .ffrecord import record_ff_tail, save_tail_state     # noqa: PLC0415
    saved = save_tail_state(J)
    rbase = J.replaced_base()
    argbase = J.L_base + ra + 2
    record_tailcall(J, ra, nargs)
    record_ff_tail(J, f, argbase, rbase, saved)
    return 0


def rec_varg_op(J, ins, op, pc):
    rec_varg(J, bc_a(ins), bc_b(ins) - 1)
    return 0


def rec_ret_op(J, ins, op, pc):
    ra = bc_a(ins)
    if op == BC_RETM:
        rc = J.multres_top(ra) - ra + 1
    else:
        rc = bc_d(ins)
    record_ret(J, ra, rc - 1)
    return 0


def rec_fori(J, ins, op, pc):
    if op == BC_FORI:
        if rec_for(J, pc, False) != LOOPEV_LEAVE:
            J.loopref = J.cur.nins
    else:
        forl = J.pt.proto.code[pc + bc_j(ins)]
        if rec_for(J, pc, False) != LOOPEV_LEAVE:
            record_stop(J, "root", bc_d(forl))
    return 0


def rec_loops(J, ins, op, pc):
    ra = bc_a(ins)
    code = J.pt.proto.code
    if op == BC_FORL:
        rec_loop_interp(J, pc, rec_for(J, pc + bc_j(ins), True))
    elif op == BC_ITERL:
        rec_loop_interp(J, pc, rec_iterl(J, ins))
    elif op == BC_ITERN:
        rec_loop_interp(J, pc, rec_itern(J, ra, bc_b(ins)))
    elif op == BC_LOOP:
        rec_loop_interp(J, pc, rec_loop(J, ra, 1))
    elif op == BC_JFORL:
        lnk = bc_d(ins)
        rec_loop_jit(J, lnk, rec_for(J, pc + bc_j(J.traces[lnk].startins), True))
    elif op == BC_JITERL:
        lnk = bc_d(ins)
        rec_loop_jit(J, lnk, rec_iterl(J, J.traces[lnk].startins))
    elif op == BC_JLOOP:
        lnk = bc_d(ins)
        startop = bc_op(J.traces[lnk].startins)
        rec_loop_jit(J, lnk, rec_loop(J, ra, 0 if bc_isret(startop) or startop == BC_ITERN
                                      else 1))
    del code
    return 0


def rec_blacklisted(J, ins, op, pc):
    raise TraceError("BLACKL")


def rec_jmp(J, ins, op, pc):
    ra = bc_a(ins)
    if ra < J.maxslot:
        J.maxslot = ra
    return 0


def rec_isnext_op(J, ins, op, pc):
    rec_isnext(J, bc_a(ins))
    return 0


def rec_funcf(J, ins, op, pc):
    if op == BC_FUNCF:
        func_lua(J)
    elif op == BC_JFUNCF:
        func_jit(J, bc_d(ins))
    elif op == BC_FUNCV:
        func_vararg(J)
        func_lua(J)
    return 0


def rec_nyi(J, ins, op, pc):
    J.errinfo = op
    raise TraceError("NYIBC", op)


def _build_dispatch():
    from ..vm import bytecode as B     # noqa: PLC0415
    table = [rec_nyi] * len(B.BCDEF)

    def on(names, handler):
        for name in names.split():
            table[getattr(B, "BC_" + name)] = handler

    on("ISLT ISGE ISLE ISGT", rec_comparison)
    on("ISEQV ISNEV ISEQS ISNES ISEQN ISNEN ISEQP ISNEP", rec_equality)
    on("ISTC ISFC IST ISF", rec_test)
    on("ISTYPE ISNUM", rec_istype)
    on("NOT", rec_not)
    on("LEN", rec_len)
    on("UNM", rec_unm)
    on("ADDVN SUBVN MULVN DIVVN MODVN ADDNV SUBNV MULNV DIVNV MODNV ADDVV SUBVV MULVV DIVVV "
       "MODVV POW", rec_arith)
    on("CAT", rec_cat_op)
    on("MOV", rec_mov)
    on("KSTR KNUM KPRI KSHORT", rec_const)
    on("KNIL", rec_knil)
    on("UGET", rec_uget)
    on("USETV USETS USETN USETP", rec_uset)
    on("GGET GSET", rec_gtab)
    on("TGETV TGETS TGETB TGETR TSETV TSETS TSETB TSETR", rec_tab)
    on("TSETM", rec_tsetm_op)
    on("TNEW", rec_tnew_op)
    on("TDUP", rec_tdup)
    on("ITERC CALL CALLM", rec_call_op)
    on("CALLT CALLMT", rec_callt_op)
    on("VARG", rec_varg_op)
    on("RETM RET RET0 RET1", rec_ret_op)
    on("FORI JFORI", rec_fori)
    on("FORL ITERL ITERN LOOP JFORL JITERL JLOOP", rec_loops)
    on("IFORL IITERL ILOOP IFUNCF IFUNCV", rec_blacklisted)
    on("JMP", rec_jmp)
    on("ISNEXT", rec_isnext_op)
    on("FUNCF JFUNCF FUNCV", rec_funcf)
    return table


from ..vm.bytecode import (  # noqa: E402 -- names used by the handlers above
    BC_ADDNV, BC_ADDVN, BC_GSET, BC_ISFC, BC_ISLT, BC_ISTC, BC_KPRI, BC_KSTR, BC_MODNV,
    BC_POW, BC_TGETB, BC_TGETR, BC_TSETB, BC_TSETR, BC_TSETS, BC_TSETV, BC_USETN, BC_USETS,
    BC_USETV, BC_CALLMT, BC_FUNCV, BC_JFUNCF, BC_JITERL, BC_JLOOP,
)

DISPATCH = _build_dispatch()
