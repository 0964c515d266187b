"""The reference executor: runs a trace's IR in Python against the real arena.

It is the oracle the machine-code backends are checked against, so its contract is
backend-neutral: run(jit, trace, thread, base) executes the trace from the
interpreter state at its start and returns how the interpreter continues
(the exit's snapshot restored onto the VM stack and the frame records).

Values of instructions: numbers are floats, integers Python ints (int32), pointers
(P64/P32 refs) arena byte addresses, and every other type its TValue.
"""

import math
import struct

from ..vm import table as vtab
from ..vm.layout import CANON_NAN, GCSTR, NIL, NUM_LIMIT, PAYLOAD, STR, TAB, TAG_BITS
from ..vm.table import num_tv, tv_num
from .fold import foldarith, foldfpm
from . import exec_gen
from .ir import (GGFL_BASEMT, GGFL_BASEMT_END, IR, IRFL, IRM_OPMODE, IRM_S, IRNAMES, IRT,
                 IRT_GCOBJ, IRT_GUARD, IRT_TYPE, REF_BIAS, REF_FIRST, irm_kind, irm_op1,
                 irm_op2)
from .irbuf import i32, num2int
from .opt_sink import IRCONV_NUM_INT, STORES, store_alloc
from .snap import SNAP_KEYINDEX, SNAP_NORESTORE, snap_ref, snap_slot


class IRCode:
    """A frozen copy of a trace's IR: lists indexed by ref - nk."""

    def __init__(self, cur):
        lo, hi = cur.nk, cur.nins
        self.nk = lo
        self.nins = hi
        self.o = cur.o[lo:hi]
        self.t = cur.t[lo:hi]
        self.op1 = cur.op1[lo:hi]
        self.op2 = cur.op2[lo:hi]
        self.sink = cur.sink[lo:hi]
        self.kval = dict(cur.kval)
        self.kbits = dict(cur.kbits)
        self.chain = list(cur.chain)
        self.xo = exec_ops(self)


def exec_ops(ir):
    """The opcodes the executor runs: NOP for a sunk instruction and for one that needs
    the value of a skipped one (the FLOAD and AREF/HREFK under a sunk store), which
    LuaJIT's assembler does not emit either (sunk, or unused). A guard or store among
    the latter would be a SINK error."""
    if not any(ir.sink):
        return ir.o
    nk = ir.nk
    ops = list(ir.o)
    skipped = set()
    for ref in range(REF_FIRST, ir.nins):
        i = ref - nk
        o = ops[i]
        refs = [r for r, m in ((ir.op1[i], irm_op1(o)), (ir.op2[i], irm_op2(o))) if m == M_REF]
        if ir.sink[i] or skipped.intersection(refs):
            if not ir.sink[i] and (ir.t[i] & IRT_GUARD or irm_kind(o) == IRM_S):
                raise AssertionError("%04d %s uses a sunk value" % (ref - REF_BIAS, IRNAMES[o]))
            skipped.add(ref)
            ops[i] = IR_NOP
    return ops


def freeze(J, T):
    """'Assemble' the trace: keep its IR for the executor and the dumps."""
    cur = J.cur
    T.ir = IRCode(cur)
    T.nins = cur.nins
    T.nk = cur.nk
    T.topslot = max((s.topslot for s in T.snap), default=0)


class TraceExit(Exception):
    """A guard failed at instruction ref."""

    def __init__(self, ref):
        super().__init__(ref)
        self.ref = ref


IRT_NUM, IRT_INT, IRT_NIL, IRT_FALSE, IRT_TRUE = (
    IRT[n] for n in ("NUM", "INT", "NIL", "FALSE", "TRUE"))
IRT_P64, IRT_P32, IRT_STR, IRT_TAB, IRT_FUNC = IRT["P64"], IRT["P32"], IRT["STR"], \
    IRT["TAB"], IRT["FUNC"]
PRI_TV = {IRT_NIL: NIL, IRT_FALSE: 0xFFFF7FFFFFFFFFFF, IRT_TRUE: 0xFFFEFFFFFFFFFFFF}


def irt_of_tv(v):
    return IRT_NUM if v < NUM_LIMIT else 0x1FFFF - (v >> TAG_BITS)


def to_tv(vm, value, t):
    """The TValue of an instruction's value of IR type t."""
    if t == IRT_NUM:
        return num_tv(value)
    if 15 <= t <= 20:           # integers are stored as numbers
        return num_tv(float(value))
    if t in PRI_TV:
        return PRI_TV[t]
    return value


# how restore() writes a slot (Executor.restore_plan)
R_NUM, R_RAW, R_CONST, R_INT, R_SUNK, R_KEYINDEX = range(6)


def initial_values(ir):
    """The values a run of the trace starts with: its constants (by ref - nk)."""
    v = [None] * (ir.nins - ir.nk)
    for ref, k in ir.kval.items():
        if ref >= ir.nk and isinstance(k, (int, float)):
            v[ref - ir.nk] = k
    for i in range(3):      # KPRI nil/false/true
        v[REF_BIAS - 1 - i - ir.nk] = PRI_TV[i]
    return v


class Executor:
    """One run of a trace."""

    def __init__(self, jit, T, th, base, parent=None):
        self.jit = jit
        self.vm = jit.vm
        self.T = T
        self.th = th
        self.base = base            # qword index of the start frame's base (BASE)
        ir = T.ir
        self.ir = ir
        template = T.vtemplate
        if template is None:
            template = T.vtemplate = initial_values(ir)
        self.v = template[:]
        self.v[REF_BIAS - ir.nk] = jit.vm.base + 8 * base      # BASE
        self.bufs = {}
        self.phis = None
        # a side trace is entered from its parent's exit: PVAL reads the parent's values
        self.parent = parent

    def val(self, ref):
        return self.v[ref - self.ir.nk]

    def gc_values(self):
        """The values of GC type computed so far (GC roots while the trace runs)."""
        t = self.ir.t
        for i, v in enumerate(self.v):
            if v is not None and t[i] & IRT_TYPE in IRT_GCOBJ:
                yield v

    def run(self):
        """Execute until a guard fails or the trace ends; returns the exit snapshot number
        (whose state restore() writes back). A trace that has run GENERATE_AFTER times
        runs as a generated function (jit/exec_gen.py) from then on."""
        T = self.T
        fast = T.exec
        if fast is None:
            T.nrun += 1
            if T.nrun > self.jit.generate_after and exec_gen.can_generate(T):
                fast = T.exec = exec_gen.generate(T, self, EXEC)
        if fast is not None:
            return fast(self, self.v, self.jit.budget)
        return self.interpret()

    def interpret(self):
        """run() an instruction at a time through EXEC."""
        ir = self.ir
        nk = ir.nk
        o, t, op1, op2 = ir.xo, ir.t, ir.op1, ir.op2
        T = self.T
        loops = T.loops()
        start = REF_FIRST
        loop_at = None
        while True:
            v = self.v
            for ref in range(start, ir.nins):
                i = ref - nk
                op = o[i]
                if op == IR_LOOP:
                    loop_at = ref
                    continue
                try:
                    v[i] = EXEC[op](self, ref, t[i], op1[i], op2[i])
                except TraceExit:
                    return self.exit_for(ref)
            if self.jit.budget is not None:
                self.jit.budget(T.nbc)
            if not loops:
                return len(T.snap) - 1
            if loop_at is not None:
                self.loop_back()
                start = loop_at + 1
            else:
                # No LOOP section: write the loop state back and run the trace again.
                self.restore(len(T.snap) - 1)
                self.reset_values()
                start = REF_FIRST

    def reset_values(self):
        ir = self.ir
        keep = ir.nins - REF_FIRST
        self.v[len(self.v) - keep:] = [None] * keep

    def loop_back(self):
        """The PHIs take their values from the loop's end (all at once)."""
        ir = self.ir
        nk = ir.nk
        v = self.v
        phis = self.phis
        if phis is None:
            phis = self.phis = [(ir.op1[i] - nk, ir.op2[i] - nk)
                                for i in range(len(ir.o)) if ir.xo[i] == IR_PHI]
        vals = [v[r] for _, r in phis]
        for (lref, _), x in zip(phis, vals):
            v[lref] = x

    def cur_base(self):
        return self.base

    def exit_for(self, ref):
        """The snapshot in effect at instruction ref."""
        snaps = self.T.snap
        n = 0
        for i, s in enumerate(snaps):
            if s.ref <= ref:
                n = i
            else:
                break
        return n

    # -- Restoring the interpreter state (lj_snap_restore) ------------------------------

    def restore(self, snapno):
        """Write the snapshot's slots to the stack; returns (base, pc, pinfo)."""
        T = self.T
        snap = T.snap[snapno]
        plans = T.restore_plans
        if plans is None:
            plans = T.restore_plans = {}
        plan = plans.get(snapno)
        if plan is None:
            plan = plans[snapno] = self.restore_plan(snap)
        frame = self.base - 2
        Q = self.vm.Q
        D = self.vm.D
        v = self.v
        unsunk = {}
        for s, how, x in plan:
            if how == R_NUM:
                n = v[x]
                if n == n:
                    D[frame + s] = n
                else:
                    Q[frame + s] = CANON_NAN
            elif how == R_RAW:
                Q[frame + s] = v[x]
            elif how == R_CONST:
                Q[frame + s] = x
            elif how == R_INT:
                Q[frame + s] = num_tv(float(v[x]))
            elif how == R_SUNK:
                # a sunk table: built once per exit, however many slots hold it
                if x not in unsunk:
                    unsunk[x] = self.unsink(x, snap.ref)
                Q[frame + s] = unsunk[x]
            else:                       # R_KEYINDEX
                Q[frame + s] = 0xFFFE7FFF00000000 | (num2int(tv_num(self.tv_of(x)))
                                                     & 0xFFFFFFFF)
        return frame + snap.baseslot, snap.pc, snap.pt

    def restore_plan(self, snap):
        """How restore() writes each slot of a snapshot: (slot, how, what), what being
        a constant's TValue or an instruction's index in v (a sunk or key-index
        slot: its ref). Constants and the TValue form of each type are known once."""
        ir = self.ir
        nk = ir.nk
        plan = []
        for sn in self.T.snapmap[snap.mapofs:snap.mapofs + snap.nent]:
            if sn & SNAP_NORESTORE:
                continue
            ref = snap_ref(sn)
            s = snap_slot(sn)
            if ref >= REF_BIAS and ir.sink[ref - nk]:
                plan.append((s, R_SUNK, ref))
            elif sn & SNAP_KEYINDEX:
                plan.append((s, R_KEYINDEX, ref))
            elif ref < REF_BIAS:
                plan.append((s, R_CONST, self.tv_of(ref)))
            else:
                t = ir.t[ref - nk] & IRT_TYPE
                if t in PRI_TV:
                    plan.append((s, R_CONST, PRI_TV[t]))
                else:
                    how = R_NUM if t == IRT_NUM else R_INT if 15 <= t <= 20 else R_RAW
                    plan.append((s, how, ref - nk))
        return plan

    def unsink(self, ref, snapref):
        """snap_unsink: the table of a sunk allocation, as the trace would have built it
        by the snapshot: a new one (TNEW) or a copy of the template (TDUP), then the
        sunk stores into it before the snapshot, with the values they store."""
        ir = self.ir
        nk = ir.nk
        vm = self.vm
        i = ref - nk
        if ir.o[i] == IR_TNEW:
            t = vtab.new_table(vm, ir.op1[i], ir.op2[i])
        else:
            t = vtab.dup(vm, ((self.val(ir.op1[i]) & PAYLOAD) - vm.base) >> 3)
        for sref in range(ref + 1, snapref):
            j = sref - nk
            if ir.sink[j] and ir.o[j] in STORES and store_alloc(ir.o, ir.op1, sref, nk) == ref:
                self.unsink_store(t, ir.op1[j], ir.op2[j])
        return TAB | (vm.base + (t << 3))

    def unsink_store(self, t, xref, value):
        """Replay one sunk store into table t (qword index): a metatable (tab.nomm needs
        nothing: setting keys clears it) or a constant key."""
        ir = self.ir
        nk = ir.nk
        vm = self.vm
        x = xref - nk
        if ir.o[x] == IR_FREF:
            if ir.op2[x] == IRFL["TAB_META"]:
                vm.Q[t + vtab.T_META] = self.sunk_tv(value) & PAYLOAD   # KNULL: no metatable
            return
        key = ir.op2[x]
        if ir.o[key - nk] == IR_KSLOT:
            key = ir.op1[key - nk]
        vtab.set(vm, t, self.tv_of(key), self.sunk_tv(value))

    def sunk_tv(self, ref):
        """The TValue a sunk store stores. A number conversion of an integer is redone
        from the integer, as LuaJIT's restore does for a conversion without register:
        in the loop, the pre-loop stores of a PHI allocation store the PHI operands,
        whose values are the current ones; a conversion computed before the loop is not."""
        ir = self.ir
        while ref > REF_BIAS and ir.o[ref - ir.nk] == IR_CONV and \
                ir.op2[ref - ir.nk] == IRCONV_NUM_INT:
            ref = ir.op1[ref - ir.nk]
        if ref > REF_BIAS and self.v[ref - ir.nk] is None:
            raise AssertionError("sunk store of %04d, which has no value" % (ref - REF_BIAS))
        return self.tv_of(ref)

    def tv_of(self, ref):
        """The TValue an instruction's (or constant's) value is stored as."""
        ir = self.ir
        if ref < REF_BIAS and ir.o[ref - ir.nk] == IR_KNUM:
            return ir.kbits[ref]            # exact bits (frame links are kept this way)
        i = ref - ir.nk
        return to_tv(self.vm, self.v[i], ir.t[i] & IRT_TYPE)

    # -- Guards and helpers ---------------------------------------------------------

    def guard(self, t, ok):
        if t & IRT_GUARD and not ok:
            raise TraceExit(0)

    def read_tv(self, addr, t):
        """Load a TValue from an arena byte address as a value of type t (type-checked)."""
        vm = self.vm
        q = vm.Q[(addr - vm.base) >> 3]
        return self.check_type(q, t)

    def check_type(self, q, t):
        tt = t & IRT_TYPE
        if tt == IRT_NUM:
            if q >= NUM_LIMIT:
                raise TraceExit(0)
            return tv_num(q)
        if irt_of_tv(q) != tt:
            if t & IRT_GUARD:
                raise TraceExit(0)
        return q


IR_LOOP = IR["LOOP"]
IR_PHI = IR["PHI"]
IR_KNUM = IR["KNUM"]
IR_NOP, IR_TNEW, IR_FREF, IR_KSLOT, IR_CONV = (
    IR[n] for n in ("NOP", "TNEW", "FREF", "KSLOT", "CONV"))
M_REF = IRM_OPMODE["ref"]


def _binop(f):
    def op(ex, ref, t, a, b):
        return f(ex.val(a), ex.val(b), t)
    return op


_IRT_I8, _IRT_U32 = IRT["I8"], IRT["U32"]


def x_sload(ex, ref, t, slot, mode):
    vm = ex.vm
    q = vm.Q[ex.base - 2 + slot]
    tt = t & IRT_TYPE
    if mode & 0x02:             # FRAME: the frame link word
        return q & 0xFFFFFFFF
    if mode & 0x40:             # KEYINDEX: an ITERN control variable (or a number)
        return q & 0xFFFFFFFF if q >> 32 == 0xFFFE7FFF else num2int(tv_num(q))
    if tt == IRT_INT or _IRT_I8 <= tt <= _IRT_U32:
        # every integer type (a parent's u8 XLOAD inherited by a side trace, too)
        # lives in the slot as a number
        if q >= NUM_LIMIT:
            raise TraceExit(0)
        n = tv_num(q)
        k = num2int(n)
        if t & IRT_GUARD and n != k:
            raise TraceExit(0)
        return k
    if tt == IRT_NUM:
        if q >= NUM_LIMIT:
            raise TraceExit(0)
        return tv_num(q)
    if t & IRT_GUARD and irt_of_tv(q) != tt:
        raise TraceExit(0)
    return q


def _cmp(name):
    def op(ex, ref, t, a, b):
        x, y = ex.val(a), ex.val(b)
        tt = t & IRT_TYPE
        if tt == IRT_INT and name[0] == "U":
            x &= 0xFFFFFFFF
            y &= 0xFFFFFFFF
            ok = {"ULT": x < y, "UGE": x >= y, "ULE": x <= y, "UGT": x > y}[name]
        elif name[0] == "U":
            ok = {"ULT": not x >= y, "UGE": not x < y, "ULE": not x > y,
                  "UGT": not x <= y}[name]
        else:
            ok = {"LT": x < y, "GE": x >= y, "LE": x <= y, "GT": x > y}[name]
        if not ok:
            raise TraceExit(0)
        return None
    return op


def x_eq(ex, ref, t, a, b):
    if not _same(ex.val(a), ex.val(b)):
        raise TraceExit(0)


def x_ne(ex, ref, t, a, b):
    if _same(ex.val(a), ex.val(b)):
        raise TraceExit(0)


def _same(x, y):
    if isinstance(x, float) or isinstance(y, float):
        return x == y
    return x == y


def x_abc(ex, ref, t, a, b):
    if not (ex.val(b) & 0xFFFFFFFF) < (ex.val(a) & 0xFFFFFFFF):
        raise TraceExit(0)


def _arith(name):
    op = IR[name]

    def f(ex, ref, t, a, b):
        x, y = ex.val(a), ex.val(b)
        tt = t & IRT_TYPE
        if tt == IRT_NUM:
            return foldarith(x, y, op)
        if tt in (IRT_P64, IRT["I64"], IRT["U64"]):    # 64-bit (pointer) arithmetic wraps
            return (x + y if name == "ADD" else x - y) & 0xFFFFFFFFFFFFFFFF
        if name == "ADD":
            return i32(x + y)
        if name == "SUB":
            return i32(x - y)
        if name == "MUL":
            return i32(x * y)
        if name == "MOD":
            from .fold import _modi
            return _modi(x, y)
        if name == "NEG":
            return i32(-x)
        if name == "MIN":
            return min(x, y)
        if name == "MAX":
            return max(x, y)
        raise NotImplementedError(name)
    return f


def _ov(name):
    def f(ex, ref, t, a, b):
        x, y = ex.val(a), ex.val(b)
        r = x + y if name == "ADDOV" else x - y if name == "SUBOV" else x * y
        if not -0x80000000 <= r <= 0x7FFFFFFF:
            raise TraceExit(0)
        return r
    return f


def x_fpmath(ex, ref, t, a, b):
    return foldfpm(ex.val(a), b)


def x_conv(ex, ref, t, a, b):
    x = ex.val(a)
    src = b & 0x1F
    dst = (b >> 5) & 0x1F
    if dst == IRT_NUM:
        return float(x)
    if dst == IRT_INT and src == IRT_NUM:
        k = num2int(x)
        if b >> 12 >= 2 and k != x:         # INDEX / CHECK
            raise TraceExit(0)
        return k
    return x


def x_tobit(ex, ref, t, a, b):
    x = ex.val(a)
    return i32(int(x)) if -2.0 ** 63 < x < 2.0 ** 63 else 0


def _bit(name):
    def f(ex, ref, t, a, b):
        x = ex.val(a)
        y = ex.val(b) if b else 0
        from .fold import _intop
        return _intop(x, y, IR[name])
    return f


# Table and object fields.
def x_fload(ex, ref, t, a, field):
    vm = ex.vm
    if GGFL_BASEMT <= field < GGFL_BASEMT_END:     # a base metatable (lj_ir_ggfload)
        irt = field - GGFL_BASEMT
        return vm.basemt.get("number" if irt == IRT_NUM else 0x1FFFF - irt, 0)
    obj = ex.val(a) if a else 0
    name = FIELDS[field] if field < len(FIELDS) else None
    if name is None:
        return 0
    off = (obj & PAYLOAD) - vm.base
    q = off >> 3
    if name == "tab.asize":
        return vm.I[(off + 48) >> 2]
    if name == "tab.hmask":
        return vm.I[(off + 52) >> 2]
    if name == "tab.array":
        return vm.Q[q + 2]
    if name == "tab.node":
        return vm.Q[q + 5]
    if name == "tab.meta":
        mt = vm.Q[q + 4]
        return TAB | mt if mt else 0
    if name == "tab.nomm":
        return vm.B[off + 10]
    if name == "func.env":
        return TAB | vm.Q[q + 2]
    if name == "func.pc":
        return vm.Q[q + 4]
    if name == "func.ffid":
        return vm.B[off + 10]
    if name == "str.len":
        return vm.I[(off + 20) >> 2]
    if name == "udata.meta":
        mt = vm.Q[q + 4]
        return TAB | mt if mt else 0
    if name == "udata.udtype":
        return vm.B[off + 10]
    raise NotImplementedError(name)


def x_knull(ex, ref, t, a, b):
    return 0


def x_aref(ex, ref, t, a, b):
    return ex.val(a) + 8 * ex.val(b)


def x_hrefk(ex, ref, t, a, b):
    ir = ex.ir
    kslot = b - ir.nk
    key = ir.op1[kslot]
    slot = ir.op2[kslot]
    node = ex.val(a) + 24 * slot
    vm = ex.vm
    keytv = ex.tv_of(key)
    if vm.Q[((node - vm.base) >> 3) + 1] != keytv:
        raise TraceExit(0)
    return node


def x_href(ex, ref, t, a, b):
    vm = ex.vm
    tq = ((ex.val(a) & PAYLOAD) - vm.base) >> 3
    key = ex.tv_of(b)
    n = vtab.find_node(vm, tq, key)
    if n < 0:
        return ex.jit.niltv
    return vm.base + (n << 3)


def x_newref(ex, ref, t, a, b):
    vm = ex.vm
    tq = ((ex.val(a) & PAYLOAD) - vm.base) >> 3
    return vm.base + (vtab.slot(vm, tq, ex.tv_of(b)) << 3)


def x_load(ex, ref, t, a, b):
    return ex.read_tv(ex.val(a), t)


def x_store(ex, ref, t, a, b):
    vm = ex.vm
    vm.Q[(ex.val(a) - vm.base) >> 3] = ex.tv_of(b)


def x_fref(ex, ref, t, a, field):
    name = FIELDS[field]
    off = {"tab.meta": 32, "tab.nomm": 10}[name]
    return (ex.val(a) & PAYLOAD) + off


def x_fstore(ex, ref, t, a, b):
    vm = ex.vm
    addr = ex.val(a)
    value = ex.val(b)
    if t & IRT_TYPE == IRT["U8"]:
        vm.B[addr - vm.base] = value & 0xFF
    else:
        vm.Q[(addr - vm.base) >> 3] = value & PAYLOAD


def x_nop(ex, ref, t, a, b):
    return None


def x_tnew(ex, ref, t, a, b):
    vm = ex.vm
    return TAB | (vm.base + (vtab.new_table(vm, a, b) << 3))


def x_tdup(ex, ref, t, a, b):
    vm = ex.vm
    src = ex.val(a)
    return TAB | (vm.base + (vtab.dup(vm, ((src & PAYLOAD) - vm.base) >> 3) << 3))


def x_alen(ex, ref, t, a, b):
    vm = ex.vm
    return vtab.length(vm, ((ex.val(a) & PAYLOAD) - vm.base) >> 3)


def _uref(closed):
    def f(ex, ref, t, a, b):
        vm = ex.vm
        fq = ((ex.val(a) & PAYLOAD) - vm.base) >> 3
        u = (vm.Q[fq + 5 + (b >> 8)] - vm.base) >> 3
        if bool(vm.B[(u << 3) + 10]) != closed:
            raise TraceExit(0)
        return vm.Q[u + 4]
    return f


def x_retf(ex, ref, t, a, b):
    """Return to a lower frame: guard the frame's return address, then BASE moves down
    to the caller's frame (by the CALL's base slot + 2) and its frame record goes."""
    vm = ex.vm
    link = ex.val(b)
    if vm.Q[ex.base - 1] != link:
        raise TraceExit(0)
    pinfo, rpc = ex.jit.code_at(link)
    ex.base -= ((pinfo.proto.code[rpc - 1] >> 8) & 0xFF) + 2
    ex.v[REF_BIAS - ex.ir.nk] = vm.base + 8 * ex.base
    ex.th.frames.pop()
    return None


def x_pval(ex, ref, t, a, b):
    """PVAL: a value of the parent trace at the exit this side trace started from."""
    parent = ex.parent
    assert parent is not None and parent.T.traceno == ex.T.parent, "PVAL without its parent"
    return parent.val(a + REF_BIAS)


def x_base(ex, ref, t, a, b):
    return ex.vm.base + 8 * ex.base


def x_strto(ex, ref, t, a, b):
    from ..vm.numbers import scan_number
    x = scan_number(ex.vm.str_by_tv[ex.val(a)], tonumber=True)
    if x is None:
        raise TraceExit(0)
    return x


def x_tostr(ex, ref, t, a, b):
    from ..vm.numbers import fmt_number
    x = ex.val(a)
    if b == 2:
        return ex.vm.str(bytes([x & 0xFF]))
    return ex.vm.str(fmt_number(float(x)).encode())


def x_bufhdr(ex, ref, t, a, b):
    """A buffer is its address: RESET empties it, APPEND (op1: a put chain) keeps what
    the buffer holds -- the string built last, which the FOLD rule made sure of."""
    buf = ex.val(a)
    if b != 1 or buf not in ex.bufs:
        ex.bufs[buf] = b""
    return buf


def x_bufput(ex, ref, t, a, b):
    buf = ex.val(a)
    v = ex.val(b)
    ex.bufs[buf] = ex.bufs.get(buf, b"") + ex.vm.sbytes(v)
    return buf


def x_bufstr(ex, ref, t, a, b):
    return ex.vm.str(ex.bufs[ex.val(a)])


def x_calln(ex, ref, t, a, b):
    from .ircall import IRCALL_NAMES
    args = ex.call_args(a)
    name = IRCALL_NAMES[b]
    fn = CALLS.get(name)
    if fn is None:
        raise NotImplementedError("IR call " + name)
    return fn(ex, *args)


def _vm_next(ex, tab, idx):
    """lj_vm_next: the pair (value, key) of the next entry from traversal index idx, as
    the TValues its result pointer addresses (VLOAD #0, #1), and the next index (HIOP).
    At the end the key is nil and the index is the table's size (asize + hmask + 1)."""
    vm = ex.vm
    t = ((tab & PAYLOAD) - vm.base) >> 3
    idx &= 0xFFFFFFFF
    r = vtab.next_from(vm, t, idx)
    if r is None:       # an invalid key's index (-1) stays what it was
        return (NIL, NIL, i32(max(idx, vm.I[(t << 1) + 12] + vm.I[(t << 1) + 13] + 1)))
    return (r[1], r[0], r[2])


def x_tmpref(ex, ref, t, a, b):
    """TMPREF: a reference to a temporary TValue holding a value (here: the TValue)."""
    ir = ex.ir
    return ex.tv_of(a) if a < REF_BIAS else to_tv(ex.vm, ex.val(a), ir.t[a - ir.nk] & IRT_TYPE)


def _tab_keyindex(ex, tab, key):
    """lj_tab_keyindex: the traversal index after key (-1: invalid key to next)."""
    vm = ex.vm
    return i32(vtab.keyindex(vm, ((tab & PAYLOAD) - vm.base) >> 3, key))


def _buf_append(ex, buf, data):
    ex.bufs[buf] = ex.bufs.get(buf, b"") + data
    return buf


def _ascii_case(data, upper):
    """lj_buf_putstr_upper/lower: ASCII letters only (bytes.upper() does just that)."""
    return data.upper() if upper else data.lower()


def _buf_puttab(ex, buf, tab, sep, i, e):
    """lj_buf_puttab: t[i..e] joined by sep; 0 (NULL) at a value that is neither a
    string nor a number (the trace exits, the interpreter raises the error)."""
    from ..vm.numbers import fmt_number
    vm = ex.vm
    t = ((tab & PAYLOAD) - vm.base) >> 3
    sepb = b"" if not sep else vm.sbytes(sep)
    out = []
    for k in range(i, e + 1):
        v = vtab.get_int(vm, t, k)
        if v < NUM_LIMIT:
            out.append(fmt_number(tv_num(v)).encode())
        elif v >> TAG_BITS == STR >> TAG_BITS:
            out.append(vm.sbytes(v))
        else:
            return 0
    return _buf_append(ex, buf, sepb.join(out))


def x_strref(ex, ref, t, a, b):
    """STRREF: the arena address of byte b of string a (what the FOLD rule of a
    constant string computes too)."""
    return (ex.val(a) & PAYLOAD) + GCSTR["data"] + ex.val(b)


def _bytes_at(ex, addr, n):
    off = addr - ex.vm.base
    return bytes(ex.vm.B[off:off + n])


# XLOAD's width and signedness by IR type (string.byte's U8 loads, FOLD's string
# comparisons with short constants as one U16/INT load, unaligned)
_XLOAD_FMT = {IRT["I8"]: "<b", IRT["U8"]: "<B", IRT["I16"]: "<h", IRT["U16"]: "<H",
              IRT["INT"]: "<i", IRT["U32"]: "<I", IRT["I64"]: "<q", IRT["U64"]: "<Q",
              IRT["NUM"]: "<d"}


def x_xload(ex, ref, t, a, b):
    """XLOAD: a plain load of the IR type's width at an address."""
    fmt = _XLOAD_FMT[t & IRT_TYPE]
    return struct.unpack_from(fmt, ex.vm.B, ex.val(a) - ex.vm.base)[0]


def x_snew(ex, ref, t, a, b):
    """SNEW: the string of len bytes at an address."""
    return ex.vm.str(_bytes_at(ex, ex.val(a), ex.val(b)))


def _prng_u64d(ex, ptr):
    """lj_prng_u64d: the PRNG state (four qwords at ptr) moves on; a double in [1, 2)."""
    from ..vm.lib.math import prng_double
    Q = ex.vm.Q
    q = (ptr - ex.vm.base) >> 3
    u = list(Q[q:q + 4])
    d = prng_double(u) + 1.0
    for i in range(4):
        Q[q + i] = u[i]
    return d


def _str_find(ex, sptr, pptr, slen, plen):
    """lj_str_find: the address of the first occurrence of the pattern's bytes, or 0."""
    i = _bytes_at(ex, sptr, slen).find(_bytes_at(ex, pptr, plen))
    return 0 if i < 0 else sptr + i


_SF_LETTERS = {}       # (type | subtype | upper) -> conversion letter


def _spec_of(sf):
    """A vm/lib/strformat.Spec for an SFormat word (jit/ffrecord.sformat's inverse)."""
    from ..vm.lib import strformat
    from .ffrecord import _SF_CONV
    if not _SF_LETTERS:
        _SF_LETTERS.update((v, k[0]) for k, v in reversed(list(_SF_CONV.items())))
    sf &= 0xFFFFFFFF
    conv = _SF_LETTERS[sf & 0x203F]
    prec = ((sf >> 24) & 255) - 1
    return strformat.Spec(conv, (sf >> 8) & 0x1F, (sf >> 16) & 255, prec)


def _strfmt(kind):
    """lj_strfmt_putfnum_int/_uint, putfnum, putfstr, putfchar, putquoted: append the
    conversion of a value to the buffer, as string.format does."""
    from ..vm.lib import strformat

    def put(ex, buf, sf, x=None):
        if kind == "quoted":
            return _buf_append(ex, buf, strformat.quote(ex.vm.sbytes(sf)))
        spec = _spec_of(sf)
        if kind == "int":
            out = strformat.fmt_plain_d(x) if spec.plain else \
                strformat.fmt_int(spec, strformat.int_bits(x))
        elif kind == "xint":
            out = strformat.fmt_int(spec, x & 0xFFFFFFFFFFFFFFFF)
        elif kind == "uint":
            out = strformat.fmt_int(spec, strformat.uint_bits(x))
        elif kind == "num":
            out = strformat.fmt_float(spec, x)
        elif kind == "str":
            out = strformat.fmt_str(spec, ex.vm.sbytes(x))
        else:
            out = strformat.fmt_char(spec, x)
        return _buf_append(ex, buf, out)
    return put


def x_vload(ex, ref, t, a, b):
    """VLOAD: vararg b at the address a (rec_varg), or value b of an IR call's result
    (lj_vm_next's pair); type-checked."""
    v = ex.val(a)
    if v.__class__ is int:
        return ex.read_tv(v + 8 * b, t)
    return ex.check_type(v[b], t)


def x_hiop(ex, ref, t, a, b):
    """HIOP of a call: its second result (lj_vm_next's next index)."""
    return ex.val(a)[2]


def x_carg(ex, ref, t, a, b):
    return None


def x_use(ex, ref, t, a, b):
    return None


def _math1(f):
    def call(ex, x):
        try:
            return f(x)
        except (ValueError, OverflowError):
            return math.nan
    return call


CALLS = {name: _math1(getattr(math, name)) for name in
         ("log10", "exp", "sin", "cos", "tan", "asin", "acos", "atan", "sinh", "cosh", "tanh")}
CALLS["atan2"] = lambda ex, y, x: math.atan2(y, x)
CALLS["pow"] = lambda ex, x, y: foldarith(x, y, IR["POW"])
CALLS["lj_vm_next"] = _vm_next
CALLS["lj_tab_keyindex"] = _tab_keyindex
CALLS["lj_buf_putstr_rep"] = lambda ex, buf, s, n: _buf_append(ex, buf, ex.vm.sbytes(s) * n)
CALLS["lj_buf_putstr_upper"] = lambda ex, buf, s: _buf_append(
    ex, buf, _ascii_case(ex.vm.sbytes(s), True))
CALLS["lj_buf_putstr_lower"] = lambda ex, buf, s: _buf_append(
    ex, buf, _ascii_case(ex.vm.sbytes(s), False))
CALLS["lj_buf_putstr_reverse"] = lambda ex, buf, s: _buf_append(ex, buf, ex.vm.sbytes(s)[::-1])
CALLS["lj_buf_puttab"] = _buf_puttab
CALLS["lj_prng_u64d"] = _prng_u64d
CALLS["lj_str_find"] = _str_find
CALLS["lj_strfmt_putfnum_int"] = _strfmt("int")
CALLS["lj_strfmt_putfnum_uint"] = _strfmt("uint")
CALLS["lj_strfmt_putfnum"] = _strfmt("num")
CALLS["lj_strfmt_putfxint"] = _strfmt("xint")
CALLS["lj_strfmt_putfstr"] = _strfmt("str")
CALLS["lj_strfmt_putfchar"] = _strfmt("char")
CALLS["lj_strfmt_putquoted"] = _strfmt("quoted")
CALLS["lj_str_cmp"] = lambda ex, a, b: (lambda x, y: (x > y) - (x < y))(
    ex.vm.sbytes(a), ex.vm.sbytes(b))


def _call_args(ex, ref):
    ir = ex.ir
    out = []
    while ref >= REF_BIAS and ir.o[ref - ir.nk] == IR["CARG"]:
        out.append(ex.val(ir.op2[ref - ir.nk]))
        ref = ir.op1[ref - ir.nk]
    out.append(ex.val(ref))
    return list(reversed(out))


Executor.call_args = _call_args

FIELDS = ("str.len", "func.env", "func.pc", "func.ffid", "thread.env",
          "tab.meta", "tab.array", "tab.node", "tab.asize", "tab.hmask", "tab.nomm",
          "udata.meta", "udata.udtype", "udata.file")

EXEC = [None] * len(IRNAMES)


def _install():
    def on(names, f):
        for name in names.split():
            EXEC[IR[name]] = f
    for name in ("LT", "GE", "LE", "GT", "ULT", "UGE", "ULE", "UGT"):
        EXEC[IR[name]] = _cmp(name)
    on("EQ", x_eq)
    on("NE", x_ne)
    on("ABC", x_abc)
    on("SLOAD", x_sload)
    for name in ("ADD", "SUB", "MUL", "DIV", "MOD", "POW", "NEG", "ABS", "MIN", "MAX",
                 "LDEXP"):
        EXEC[IR[name]] = _arith(name)
    for name in ("ADDOV", "SUBOV", "MULOV"):
        EXEC[IR[name]] = _ov(name)
    for name in ("BNOT", "BSWAP", "BAND", "BOR", "BXOR", "BSHL", "BSHR", "BSAR", "BROL",
                 "BROR"):
        EXEC[IR[name]] = _bit(name)
    on("FPMATH", x_fpmath)
    on("CONV", x_conv)
    on("TOBIT", x_tobit)
    on("FLOAD", x_fload)
    on("KNULL", x_knull)
    on("AREF", x_aref)
    on("HREFK", x_hrefk)
    on("HREF", x_href)
    on("NEWREF", x_newref)
    on("ALOAD HLOAD ULOAD", x_load)
    on("ASTORE HSTORE USTORE", x_store)
    on("FREF", x_fref)
    on("FSTORE", x_fstore)
    on("NOP TBAR OBAR USE PROF GCSTEP PHI", x_nop)
    on("TNEW", x_tnew)
    on("TDUP", x_tdup)
    on("ALEN", x_alen)
    EXEC[IR["UREFO"]] = _uref(False)
    EXEC[IR["UREFC"]] = _uref(True)
    on("BASE", x_base)
    on("PVAL", x_pval)
    on("RETF", x_retf)
    on("STRTO", x_strto)
    on("TOSTR", x_tostr)
    on("BUFHDR", x_bufhdr)
    on("BUFPUT", x_bufput)
    on("BUFSTR", x_bufstr)
    on("CALLN CALLL CALLS CALLA", x_calln)
    on("CARG", x_carg)
    on("VLOAD", x_vload)
    on("TMPREF", x_tmpref)
    on("STRREF", x_strref)
    on("XLOAD", x_xload)
    on("SNEW", x_snew)
    on("HIOP", x_hiop)

    for i, f in enumerate(EXEC):
        if f is None:
            EXEC[i] = _not_executable(IRNAMES[i])


def _not_executable(name):
    def x(ex, ref, t, a, b):
        raise NotImplementedError("the reference executor cannot run IR %s" % name)
    return x


_install()
assert STR and NIL
