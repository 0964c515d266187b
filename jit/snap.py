"""Snapshots: what the interpreter's stack must look like at each exit (lj_snap.c).

A snapshot is taken before an instruction that may exit the trace (a guard). It
holds the modified slots of the recorder's slot map (SnapEntry: slot << 24 |
flags | ref) and the PC plus frame depth to resume at. The trace's snapshots are
Snap objects; their entries live in one list, trace.snapmap, as in LuaJIT.
"""

from ..vm.bytecode import (
    BC_CALLM, BC_CALLMT, BC_CALLT, BC_FORI, BC_FUNCV, BC_ISFC, BC_ISTC, BC_ITERC,
    BC_ITERL, BC_ITERN, BC_JFORL, BC_JITERL, BC_JLOOP, BC_KNIL, BC_RET, BC_RET0, BC_RET1,
    BC_RETM, BC_TSETM, BC_UCLO, BC_VARG, BCBIAS_J, MODE, MODE_A, MODE_B, MODE_CD,
    PROTO_CHILD,
)
from .ir import (
    IR, IRM_OPMODE, IRT, IRT_GUARD, REF_BIAS, REF_NIL, SLOAD, TREF_CONT, TREF_FRAME,
    TREF_KEYINDEX, irm_op1, irm_op2,
)
from .irbuf import IR_KNUM, IRTYPE, IRT_NIL
from .jstate import LJ_MAX_JSLOTS, LJ_STACK_EXTRA
from .opt_sink import IRCONV_NUM_INT, STORES, store_alloc
from .traceerr import TraceError

SNAP_FRAME = 0x010000
SNAP_CONT = 0x020000
SNAP_NORESTORE = 0x040000
SNAP_SOFTFPNUM = 0x080000
SNAP_KEYINDEX = 0x100000
SNAP_FLAGS = SNAP_FRAME | SNAP_CONT | SNAP_KEYINDEX   # the flags shared with TRefs
SNAPCOUNT_DONE = 255
FORL_EXT = 3

IR_SLOAD, IR_RETF, IR_NOP, IR_CONV = IR["SLOAD"], IR["RETF"], IR["NOP"], IR["CONV"]
IRT_NUM = IRT["NUM"]
IRM_REF = IRM_OPMODE["ref"]
M_VAR, M_DST, M_BASE, M_RBASE, M_JUMP, M_LIT, M_FUNC = (
    MODE[m] for m in ("var", "dst", "base", "rbase", "jump", "lit", "func"))
_RETS = (BC_RETM, BC_RET, BC_RET0, BC_RET1)
assert SNAP_FRAME == TREF_FRAME and SNAP_CONT == TREF_CONT and SNAP_KEYINDEX == TREF_KEYINDEX


def SNAP(slot, flags, ref):
    return (slot << 24) | flags | ref


def snap_slot(sn):
    return sn >> 24


def snap_ref(sn):
    return sn & 0xFFFF


class Snap:
    """SnapShot: one snapshot's header; its entries are trace.snapmap[mapofs:...]."""

    __slots__ = ("mapofs", "ref", "nslots", "topslot", "nent", "count", "pc", "pt",
                 "baseslot", "framedepth", "side", "frames")

    def __init__(self):
        self.mapofs = 0
        self.ref = 0
        self.nslots = 0
        self.topslot = 0
        self.nent = 0
        self.count = 0
        self.pc = 0             # the bytecode position to resume at
        self.pt = None          # ... of this prototype (PInfo)
        self.baseslot = 0       # slot of the innermost frame's base
        self.framedepth = 0
        self.side = 0           # the side trace this exit enters, once compiled
        self.frames = None      # its frame-link slots above the first (see frame_slots)

    def frame_slots(self, snapmap):
        """The slots of the frame links an exit here rebuilds frames from (computed once:
        a snapshot of a finished trace never changes)."""
        if self.frames is None:
            self.frames = [snap_slot(sn) for sn in snapmap[self.mapofs:self.mapofs + self.nent]
                           if sn & SNAP_FRAME and snap_slot(sn) >= 2]
        return self.frames


# -- Taking snapshots --------------------------------------------------------------------

def snapshot_slots(J, nslots):
    """The entries for all modified slots (snapshot_slots)."""
    cur = J.cur
    retf = cur.chain[IR_RETF]
    slot = J.slot
    out = []
    for s in range(nslots):
        tr = slot[s]
        ref = tr & 0xFFFF
        if s == 1:      # FR2: slot 1 is the frame link of the base frame
            if tr & TREF_FRAME:
                out.append(SNAP(1, SNAP_FRAME | SNAP_NORESTORE, REF_NIL))
            continue
        if tr & (TREF_FRAME | TREF_CONT) and not ref:
            tr = slot[s] = (tr & 0xFF0000) | J.cur.k64(IR_KNUM, J.frame_word(s))
            ref = tr & 0xFFFF
        if not ref:
            continue
        sn = (s << 24) | (tr & SNAP_FLAGS) | ref
        if cur.o[ref] == IR_SLOAD and cur.op1[ref] == s and ref > retf:
            mode = cur.op2[ref]
            if not mode & SLOAD["INHERIT"] and (
                    s == 0 or s + 1 == nslots or not slot[s + 1] & (TREF_CONT | TREF_FRAME)):
                continue
            if mode & (SLOAD["READONLY"] | SLOAD["PARENT"]) != SLOAD["PARENT"]:
                sn |= SNAP_NORESTORE
        out.append(sn)
    return out


def snapshot_stack(J, snap):
    nslots = J.baseslot + J.maxslot
    entries = snapshot_slots(J, nslots)
    T = J.trace
    snap.mapofs = len(T.snapmap)
    T.snapmap.extend(entries)
    snap.nent = len(entries)
    snap.ref = J.cur.nins
    snap.nslots = nslots
    snap.count = 0
    snap.pc = J.pc
    snap.pt = J.pt
    snap.baseslot = J.baseslot
    snap.framedepth = J.framedepth
    snap.topslot = J.topslot()


def snap_add(J):
    """lj_snap_add: add a snapshot, or merge with the previous one."""
    T = J.trace
    cur = J.cur
    nsnap = len(T.snap)
    if (nsnap > 0 and T.snap[-1].ref == cur.nins) or (
            J.mergesnap and not cur.guardemit & IRT_GUARD):
        if nsnap == 1:      # preserve snapshot #0's PC
            cur.emit_raw(IRTYPE(IR_NOP, IRT_NIL), 0, 0)
            _new_snap(J)
        else:
            snap = T.snap[-1]
            del T.snapmap[snap.mapofs:]
            J.mergesnap = 0
            cur.guardemit = 0
            snapshot_stack(J, snap)
        return
    _new_snap(J)


def _new_snap(J):
    T = J.trace
    if len(T.snap) + 1 > J.param["maxsnap"]:
        raise TraceError("SNAPOV")
    snap = Snap()
    T.snap.append(snap)
    J.mergesnap = 0
    J.cur.guardemit = 0
    snapshot_stack(J, snap)


# -- Use/def analysis: which slots are dead at a PC -----------------------------------------

def snap_usedef(J, udf, pc, maxslot):
    """snap_usedef: scan the bytecode from pc; udf[s] == 0 means slot s is used.

    Returns the lowest slot that is certainly dead from there on."""
    if maxslot == 0:
        return 0
    for s in range(maxslot):
        udf[s] = 1
    for s in J.open_upvalue_slots():
        if 0 <= s < len(udf):
            udf[s] = 0
    code = J.pt.proto.code

    def use(s):
        udf[s] &= ~1

    def define(s):
        udf[s] *= 3

    while True:
        ins = code[pc]
        pc += 1
        op = ins & 0xFF
        a = (ins >> 8) & 0xFF
        d = ins >> 16
        if MODE_B[op] == M_VAR:
            use(ins >> 24)
        mc = MODE_CD[op]
        if mc == M_VAR:
            use(d & 0xFF if MODE_B[op] else d)
        elif mc == M_RBASE:     # CAT
            b, c = ins >> 24, (ins >> 16) & 0xFF
            for s in range(b, c + 1):
                use(s)
            for s in range(c + 1, maxslot):
                define(s)
        elif mc == M_JUMP or (mc == M_LIT and op in (BC_JFORL, BC_JITERL, BC_JLOOP)):
            r = _usedef_jump(J, code, pc, op, a, d, maxslot, define)
            if r is None:
                pc += d - BCBIAS_J
                continue
            return r
        elif mc == M_LIT and op in _RETS:
            top = maxslot if op == BC_RETM else a + d - 1
            s = 0
            while s < a:
                define(s)
                s += 1
            while s < top:
                use(s)
                s += 1
            while s < maxslot:
                define(s)
                s += 1
            return 0
        elif mc == M_FUNC:
            return maxslot
        ma = MODE_A[op]
        if ma == M_VAR:
            use(a)
        elif ma == M_DST:
            if op not in (BC_ISTC, BC_ISFC):
                define(a)
        elif ma == M_BASE:
            r = _usedef_base(op, ins, a, d, maxslot, use, define)
            if r is not None:
                return r


def _usedef_jump(J, code, pc, op, a, d, maxslot, define):
    minslot = a
    if BC_FORI <= op <= BC_JFORL:
        minslot += FORL_EXT
    elif BC_ITERL <= op <= BC_JITERL:
        minslot += (code[pc - 2] >> 24) - 1
    elif op == BC_UCLO:
        if d - BCBIAS_J < 0:
            return maxslot      # prevent a loop
        return None             # follow the jump
    for s in range(minslot, maxslot):
        define(s)
    return minslot if minslot < maxslot else maxslot


def _usedef_base(op, ins, a, d, maxslot, use, define):
    if BC_CALLM <= op <= BC_ITERN:
        c = (ins >> 16) & 0xFF
        top = maxslot if op in (BC_CALLM, BC_CALLMT) or c == 0 else a + c + 1
        define(a + 1)
        s = a - (3 if op in (BC_ITERC, BC_ITERN) else 0)
        while s < top:
            use(s)
            s += 1
        while s < maxslot:
            define(s)
            s += 1
        if op in (BC_CALLT, BC_CALLMT):
            for s in range(0, a):
                define(s)
            return 0
    elif op == BC_VARG:
        return maxslot
    elif op == BC_KNIL:
        for s in range(a, d + 1):
            define(s)
    elif op == BC_TSETM:
        for s in range(a - 1, maxslot):
            use(s)
    return None


def snap_useuv(J, udf):
    """Slots captured as upvalues by child prototypes count as used."""
    proto = J.pt.proto
    if not proto.flags & PROTO_CHILD:
        return
    for child in proto.children():
        for uv in child.uv:
            if uv & 0x8000:             # PROTO_UV_LOCAL
                udf[uv & 0xFF] = 0


def snap_purge(J):
    """lj_snap_purge: forget dead slots before taking the next snapshot."""
    udf = [0] * (LJ_MAX_JSLOTS + LJ_STACK_EXTRA)
    maxslot = J.maxslot
    code = J.pt.proto.code
    if code[J.pc] & 0xFF == BC_FUNCV and maxslot > J.pt.proto.numparams:
        maxslot = J.pt.proto.numparams
    first = snap_usedef(J, udf, J.pc, maxslot)
    if first < maxslot:
        snap_useuv(J, udf)
        base = J.baseslot
        for s in range(first, maxslot):
            if udf[s] != 0:
                J.slot[base + s] = 0


def snap_shrink(J):
    """lj_snap_shrink: drop the slots of the last snapshot that are dead at its PC."""
    T = J.trace
    snap = T.snap[-1]
    udf = [0] * (LJ_MAX_JSLOTS + LJ_STACK_EXTRA)
    maxslot = J.maxslot
    baseslot = J.baseslot
    minslot = snap_usedef(J, udf, snap.pc, maxslot)
    if minslot < maxslot:
        snap_useuv(J, udf)
    maxslot += baseslot
    minslot += baseslot
    snap.nslots = maxslot
    entries = T.snapmap[snap.mapofs:snap.mapofs + snap.nent]
    kept = [sn for sn in entries if snap_slot(sn) < minslot or (
        snap_slot(sn) < maxslot and udf[snap_slot(sn) - baseslot] == 0)]
    del T.snapmap[snap.mapofs:]
    T.snapmap.extend(kept)
    snap.nent = len(kept)


# -- Replaying a parent's snapshot to start a side trace -----------------------------------

def snap_replay_const(J, T, ref):
    """A parent's constant as a constant of the new trace."""
    from .irbuf import IR_KGC, IR_KINT, IR_KINT64, IR_KPRI, IR_KPTR, TREF_PRI
    ir = T.ir
    i = ref - ir.nk
    o = ir.o[i]
    t = ir.t[i] & 0x1F
    cur = J.cur
    if o == IR_KPRI:
        return TREF_PRI(t)
    if o == IR_KINT:
        return cur.kint(ir.kval[ref])
    if o == IR_KGC:
        return cur.kgc(ir.kval[ref], t)
    if o in (IR_KNUM, IR_KINT64):
        return cur.k64(o, ir.kbits[ref])
    if o == IR_KPTR:
        return cur.kptr(ir.kval[ref])
    if o == IR["KNULL"]:
        return cur.knull(t)
    raise AssertionError("bad IR constant op %d" % o)


def snap_replay(J, T):
    """lj_snap_replay: SLOADs (or constants) for the slots of the parent's exit snapshot;
    a table the parent sank is allocated again, with its sunk stores (SunkReplay)."""
    snap = T.snap[J.exitno]
    entries = T.snapmap[snap.mapofs:snap.mapofs + snap.nent]
    J.framedepth = 0
    seen = {}
    sunk = []
    ir = T.ir
    for sn in entries:
        s = snap_slot(sn)
        ref = snap_ref(sn)
        tr = seen.get(ref)
        if tr is None:
            if ref < REF_BIAS:
                if sn == SNAP(1, SNAP_FRAME | SNAP_NORESTORE, REF_NIL):
                    tr = 0
                else:
                    tr = snap_replay_const(J, T, ref)
            elif ir.sink[ref - ir.nk]:
                tr = 0                  # made below
                sunk.append(ref)
            else:
                i = ref - ir.nk
                t = ir.t[i] & 0x1F
                mode = SLOAD["INHERIT"] | SLOAD["PARENT"]
                if ir.o[i] == IR_SLOAD:
                    mode |= ir.op2[i] & SLOAD["READONLY"]
                if sn & SNAP_KEYINDEX:
                    mode |= SLOAD["KEYINDEX"]
                J.fins.set(IRTYPE(IR_SLOAD, t), s, mode)
                from .fold import emit
                tr = emit(J)
            seen[ref] = tr & ~SNAP_FLAGS
        J.slot[s] = tr | (sn & SNAP_FLAGS)
        if sn & (SNAP_CONT | SNAP_FRAME) and s != 1:
            J.framedepth += 1
        if sn & SNAP_FRAME:
            J.baseslot = s + 1
    if sunk:
        made = SunkReplay(J, T, snap.ref, seen).tables(sunk)
        for sn in entries:
            if snap_ref(sn) in made:
                J.slot[snap_slot(sn)] = made[snap_ref(sn)]
    J.maxslot = snap.nslots - J.baseslot
    snap_add(J)         # snapshot #0 of the side trace: the parent's exit state
    if sunk:            # the new tables are made before it: a GC step after it
        J.cur.emit_raw(IRTYPE(IR["GCSTEP"], IRT_NIL) | IRT_GUARD, 0, 0)


class SunkReplay:
    """The tables the parent sank, allocated again in the side trace with the stores the
    parent sank (lj_snap_replay's second and third passes; the side trace's SINK may
    sink them again). A stored value comes from the parent's snapshot slot (its SLOAD)
    or, if in none, from the parent's exit state (PVAL)."""

    def __init__(self, J, T, snapref, seen):
        self.J = J
        self.T = T
        self.ir = T.ir
        self.snapref = snapref
        self.seen = seen

    def ins(self, ref):
        """(ot, op1, op2) of a parent instruction."""
        ir = self.ir
        i = ref - ir.nk
        return IRTYPE(ir.o[i], ir.t[i]), ir.op1[i], ir.op2[i]

    def has_reg(self, ref):
        """regsp_used: the parent kept the value in a register or spill slot. Not so a
        sunk instruction, nor a number conversion that only sunk stores and snapshots
        use (the assembler leaves it to the exit, which converts the integer)."""
        ir = self.ir
        nk = ir.nk
        i = ref - nk
        if ir.sink[i]:
            return False
        if ir.o[i] != IR_CONV or ir.op2[i] != IRCONV_NUM_INT:
            return True
        return any((ir.op1[j] == ref or ir.op2[j] == ref) and not ir.sink[j]
                   for j in range(i + 1, ir.nins - nk))

    def pref(self, ref):
        """snap_pref: a parent value in the side trace (0: a conversion left to the exit)."""
        if ref < REF_BIAS:
            return snap_replay_const(self.J, self.T, ref)
        if not self.has_reg(ref):
            return 0
        if self.seen.get(ref):
            return self.seen[ref]
        from .fold import emitir
        return emitir(self.J, IRTYPE(IR["PVAL"], self.ir.t[ref - self.ir.nk] & 0x1F),
                      ref - REF_BIAS, 0)

    def stores(self, alloc):
        """The parent's sunk stores into alloc before the exit."""
        ir = self.ir
        nk = ir.nk
        return [ref for ref in range(alloc + 1, self.snapref)
                if ir.sink[ref - nk] and ir.o[ref - nk] in STORES
                and store_alloc(ir.o, ir.op1, ref, nk) == alloc]

    def tables(self, allocs):
        """{parent allocation: TRef of the new table}. The PVALs come first."""
        for alloc in allocs:
            ot, op1, op2 = self.ins(alloc)
            self.operands(ot >> 8, op1, op2)
            for ref in self.stores(alloc):
                value = self.ins(ref)[2]
                if self.pref(value) == 0:
                    self.pref(self.ins(value)[1])
        return {alloc: self.table(alloc) for alloc in allocs}

    def operands(self, o, op1, op2):
        if irm_op1(o) == IRM_REF:
            op1 = self.pref(op1)
        if irm_op2(o) == IRM_REF:
            op2 = self.pref(op2)
        return op1, op2

    def table(self, alloc):
        from .fold import emitir
        J = self.J
        ot, op1, op2 = self.ins(alloc)
        tr = emitir(J, ot, *self.operands(ot >> 8, op1, op2))
        for ref in self.stores(alloc):
            ot, xref, value = self.ins(ref)
            xref = self.reference(tr, xref)
            val = self.pref(value)
            if val == 0:
                val = emitir(J, IRTYPE(IR_CONV, IRT_NUM), self.pref(self.ins(value)[1]),
                             IRCONV_NUM_INT)
            emitir(J, ot, xref, val)
        return tr

    def reference(self, tr, xref):
        """The store's AREF/HREFK (with its FLOAD), NEWREF, HREF or FREF, for table tr;
        a NEWREF of the same key just made is used again."""
        from .fold import emitir
        J = self.J
        cur = J.cur
        xot, tab, key = self.ins(xref)
        o = xot >> 8
        ref = tr
        if o != IR["FREF"]:
            if o == IR["HREFK"]:
                _, k, slot = self.ins(key)
                key = cur.kslot(snap_replay_const(J, self.T, k), slot)
            else:
                key = snap_replay_const(J, self.T, key)
            if o in (IR["HREFK"], IR["AREF"]):
                fot, _, field = self.ins(tab)
                ref = emitir(J, fot, ref, field)
            elif o == IR["NEWREF"]:
                last = cur.chain[o]
                if last > tr & 0xFFFF and cur.op2[last] == key & 0xFFFF:
                    return last
        return emitir(J, xot, ref, key)
