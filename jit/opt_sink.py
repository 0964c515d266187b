"""SINK: allocation and store sinking (lj_opt_sink.c).

A table the trace allocates (TNEW, TDUP) that only its own stores and the snapshots
use need not exist while the trace runs. Such an allocation, its stores and NEWREFs,
and the PHI of a sunk loop-carried allocation get cur.sink[ref] = 1 (LuaJIT keeps
RID_SINK in the instruction's prev field): the executor skips them, and an exit
whose snapshot holds the allocation builds the table from the sunk stores before
the exit (exec.py's unsink, as lj_snap_restore's snap_unsink).

Two steps, as in LuaJIT. Marking: one backward pass marks what cannot be sunk; the
roots are guards, remaining loads, stores with a non-constant key or into something
that is not a fresh table, stored values, PHIs that are not of two allocations and,
without a loop, the last snapshot (its state goes on to another trace). Across the
loop, an allocation carried by a PHI stays sinkable only if both sides get the same
number of PHI-valued stores and the other stored values are loop-invariant (an exit
in the next iteration rebuilds it from the pre-loop stores, whose PHI operands hold
the values of the iteration before). Sweeping: every unmarked allocation is sunk
(its guard dropped), with the stores and NEWREFs into it.
"""

from .ir import IR, IRFL, IRT, IRT_GUARD, IRT_ISPHI, REF_BIAS, REF_FIRST

NEEDED = frozenset(("sink", "fwd", "dce", "cse", "fold"))
IR_TNEW, IR_TDUP, IR_PHI, IR_NEWREF, IR_CONV, IR_FLOAD, IR_CALLS = (
    IR[n] for n in ("TNEW", "TDUP", "PHI", "NEWREF", "CONV", "FLOAD", "CALLS"))
ALLOCS = frozenset((IR_TNEW, IR_TDUP, IR["CNEW"]))
STORES = frozenset(IR[n] for n in ("ASTORE", "HSTORE", "FSTORE", "XSTORE"))
LOADS = frozenset(IR[n] for n in ("ALOAD", "HLOAD", "XLOAD", "TBAR", "ALEN"))
VALUE_STORES = frozenset((IR["USTORE"],))
KEY_REFS = frozenset(IR[n] for n in ("HREF", "NEWREF", "FREF", "ADD"))
FIELD_REFS = frozenset(IR[n] for n in ("AREF", "HREFK"))   # op1: an FLOAD of the table
IRFL_TAB_META = IRFL["TAB_META"]
IRCONV_NUM_INT = (IRT["NUM"] << 5) | IRT["INT"]
PHIDEP_WORK = 64        # how far a PHI dependency is searched before assuming one


def opt_sink(J):
    """lj_opt_sink: mark what cannot be sunk, then sink the rest. Needs FOLD, CSE,
    DCE and FWD too: without forwarding, loads would keep every table."""
    cur = J.cur
    if not NEEDED <= J.flags or not (cur.chain[IR_TNEW] or cur.chain[IR_TDUP]):
        return
    sink = _Sink(cur, J.loopref)
    if not J.loopref:
        sink.mark_snap(J.trace)
    sink.mark_ins()
    if J.loopref:
        sink.remark_phi()
    sink.sweep()


def store_alloc(o, op1, ref, nk=0):
    """The allocation a store's reference points into, or 0: the reference is an
    AREF/HREFK (over an FLOAD of the table) or an HREF/NEWREF/FREF of it
    (sink_checkalloc without the key check). o and op1 are indexed by ref - nk."""
    xref = op1[ref - nk]
    if o[xref - nk] in FIELD_REFS:
        xref = op1[xref - nk]
    elif o[xref - nk] not in KEY_REFS:
        return 0
    alloc = op1[xref - nk]
    return alloc if o[alloc - nk] in ALLOCS else 0


class _Sink:
    """The marks of one run (LuaJIT's IRT_MARK bits) and the PHI value counts of the
    allocations (LuaJIT counts them in prev)."""

    def __init__(self, cur, loopref):
        self.cur = cur
        self.loopref = loopref
        self.marked = set()
        self.phivals = {}

    def mark(self, ref):
        if REF_FIRST <= ref < self.cur.nins:      # constants never matter
            self.marked.add(ref)

    def alloc_of(self, ref):
        """sink_checkalloc: the allocation a store goes to, if its key is constant."""
        cur = self.cur
        if cur.op2[cur.op1[ref]] >= REF_BIAS:
            return 0                            # non-constant key
        return store_alloc(cur.o, cur.op1, ref)

    def mark_snap(self, T):
        """sink_mark_snap: everything the last snapshot refers to."""
        snap = T.snap[-1]
        for sn in T.snapmap[snap.mapofs:snap.mapofs + snap.nent]:
            self.mark(sn & 0xFFFF)

    def mark_ins(self):
        """sink_mark_ins: one backward pass propagating marks to operands."""
        cur = self.cur
        o, t, op1, op2 = cur.o, cur.t, cur.op1, cur.op2
        marked = self.marked
        for ref in range(cur.nins - 1, REF_BIAS, -1):
            op = o[ref]
            if op in LOADS:
                self.mark(op1[ref])
            elif op == IR_FLOAD:
                if ref in marked or op2[ref] == IRFL_TAB_META:
                    self.mark(op1[ref])
            elif op in STORES:
                alloc = self.alloc_of(ref)
                if not alloc or (t[alloc] & IRT_ISPHI and not self.check_phi(alloc, op2[ref])):
                    self.mark(op1[ref])
                self.mark(op2[ref])
            elif op in VALUE_STORES:
                self.mark(op2[ref])
            elif op == IR_CALLS:
                self.mark(op1[ref])             # it may store its arguments anywhere
            elif op == IR_PHI:
                self.mark_phi(op1[ref], op2[ref])
            elif ref in marked or t[ref] & IRT_GUARD:
                self.mark(op1[ref])
                self.mark(op2[ref])

    def mark_phi(self, left, right):
        """PHIs come first in the backward pass: reset the counts of their operands; a
        PHI of two allocations of the same kind may sink, any other keeps both sides."""
        o = self.cur.o
        self.phivals[left] = self.phivals[right] = 0
        if o[left] == o[right] and o[left] in ALLOCS:
            return
        self.mark(left)
        self.mark(right)

    def check_phi(self, alloc, ref):
        """sink_checkphi: may a value be stored into a PHI allocation? A PHI value (or
        its number conversion) is counted; anything else must be loop-invariant."""
        cur = self.cur
        if ref < REF_FIRST:
            return True                         # a constant
        if cur.t[ref] & IRT_ISPHI or (cur.o[ref] == IR_CONV and cur.op2[ref] == IRCONV_NUM_INT
                                      and cur.t[cur.op1[ref]] & IRT_ISPHI):
            self.phivals[alloc] = self.phivals.get(alloc, 0) + 1
            return True
        if ref < self.loopref:
            return not self.depends_on_phi(ref, [PHIDEP_WORK])
        return False                            # loop-variant

    def depends_on_phi(self, ref, work):
        """sink_phidep, giving up (yes) after a bounded number of steps."""
        if not work[0]:
            return True
        work[0] -= 1
        cur = self.cur
        if cur.t[ref] & IRT_ISPHI:
            return True
        return any(REF_FIRST <= r < cur.nins and self.depends_on_phi(r, work)
                   for r in (cur.op1[ref], cur.op2[ref]))

    def remark_phi(self):
        """sink_remark_phi: a PHI whose sides differ in mark or PHI value count keeps
        both; repeat while that marks something new."""
        cur = self.cur
        marked = self.marked
        again = True
        while again:
            again = False
            ref = cur.nins - 1
            while cur.o[ref] == IR_PHI:
                left, right = cur.op1[ref], cur.op2[ref]
                ref -= 1
                ml, mr = left in marked, right in marked
                if ml == mr and self.phivals.get(left, 0) == self.phivals.get(right, 0):
                    continue
                again = again or not (ml and mr)
                self.mark(left)
                self.mark(right)

    def sweep(self):
        """sink_sweep_ins: flag the unmarked allocations, their stores and NEWREFs and
        the PHIs of sunk allocations; a sunk allocation is no guard any more."""
        cur = self.cur
        o, op1, op2, sink = cur.o, cur.op1, cur.op2, cur.sink
        marked = self.marked
        for ref in range(cur.nins - 1, REF_BIAS, -1):
            op = o[ref]
            if op in STORES:
                alloc = self.alloc_of(ref)
                sink[ref] = int(bool(alloc) and alloc not in marked)
            elif op == IR_NEWREF:
                # (a constant table counts as marked: LuaJIT never sees one here)
                sink[ref] = int(op1[ref] >= REF_FIRST and op1[ref] not in marked)
            elif op in ALLOCS:
                sink[ref] = int(ref not in marked)
                if sink[ref]:
                    cur.t[ref] &= ~IRT_GUARD
            elif op == IR_PHI:
                sink[ref] = int(o[op2[ref]] in ALLOCS and op2[ref] not in marked)
