"""Dead-code elimination (lj_opt_dce.c): instructions no snapshot, guard or side
effect needs become NOPs and leave their chains. Runs before the LOOP pass."""

from .ir import IR, IRMODE, IRT_MARK, REF_FIRST
from .snap import snap_ref

IR_NOP = IR["NOP"]


def ir_sideeff(cur, ref):
    """A store/call, or a non-weak guard (ir_sideeff)."""
    return ((cur.t[ref] | ~0x80) & IRMODE[cur.o[ref]]) >= 0x60


def dce_marksnap(J):
    T = J.trace
    cur = J.cur
    for snap in T.snap:
        for sn in T.snapmap[snap.mapofs:snap.mapofs + snap.nent]:
            ref = snap_ref(sn)
            if ref >= REF_FIRST:
                cur.t[ref] |= IRT_MARK


def dce_propagate(J):
    """Backwards: keep marked and side-effect instructions (marking their operands);
    the rest become NOPs, rerouting the chains around them."""
    cur = J.cur
    pchain = {}         # op -> the ref whose prev field is the chain link (None: head)
    for ref in range(cur.nins - 1, REF_FIRST - 1, -1):
        o = cur.o[ref]
        if cur.t[ref] & IRT_MARK:
            cur.t[ref] &= ~IRT_MARK
            pchain[o] = ref
        elif not ir_sideeff(cur, ref):
            holder = pchain.get(o)
            if holder is None:
                J.cur.chain[o] = cur.prev[ref]
            else:
                cur.prev[holder] = cur.prev[ref]
            cur.o[ref] = IR_NOP
            cur.t[ref] = 0
            cur.op1[ref] = cur.op2[ref] = cur.prev[ref] = 0
            continue
        else:
            pchain[o] = ref
        if cur.op1[ref] >= REF_FIRST:
            cur.t[cur.op1[ref]] |= IRT_MARK
        if cur.op2[ref] >= REF_FIRST:
            cur.t[cur.op2[ref]] |= IRT_MARK


def opt_dce(J):
    if "dce" in J.flags:
        dce_marksnap(J)
        dce_propagate(J)
        J.bpropcache = []
