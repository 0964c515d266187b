"""LOOP optimisation (lj_opt_loop.c): copy-substitution.

The recorded instructions (the pre-roll) are re-emitted once more through FOLD/CSE
with their operands substituted, after a LOOP marker: whatever is loop-invariant
folds back to the pre-roll instruction and is hoisted for free; what varies gets a
PHI at the end (left: the pre-roll value, right: the value from the loop body).
Snapshots are copy-substituted along. A failure with GFAIL/TYPEINS is undone and
recording continues (unrolling the loop once more), up to instunroll times.
"""

from .fold import emitir
from .ir import (
    IR, IRM_OPMODE, IRT, IRT_GUARD, IRT_ISPHI, IRT_MARK, REF_BASE, REF_BIAS, REF_DROP,
    REF_FIRST, irm_kind,
)
from .irbuf import IRTG, IRTYPE
from .snap import SNAP_NORESTORE, Snap, snap_ref, snap_slot
from .traceerr import TraceError

IR_LOOP, IR_PHI, IR_CONV, IR_ALEN, IR_CALLN, IR_CARG = (
    IR[n] for n in ("LOOP", "PHI", "CONV", "ALEN", "CALLN", "CARG"))
IRT_NIL, IRT_NUM, IRT_INT = IRT["NIL"], IRT["NUM"], IRT["INT"]
LJ_MAX_PHI = 64
IRCONV_NUM_INT = (IRT_NUM << 5) | IRT_INT
IRCONV_INT_NUM_CHECK = (IRT_INT << 5) | IRT_NUM | (3 << 12)
assert IRM_OPMODE


def _isinteger(t):
    return 15 <= (t & 0x1F) <= 20


def _ispri(t):
    return (t & 0x1F) <= IRT["TRUE"]


def loop_emit_phi(J, subst, phi, onsnap):
    cur = J.cur
    T = J.trace
    passx = False
    invar = cur.chain[IR_LOOP]
    kept = []
    for lref in phi:            # pass 1: drop invariants, mark the doubtful ones
        rref = subst[lref]
        if lref == rref or rref == REF_DROP:
            cur.t[lref] &= ~IRT_ISPHI
        else:
            kept.append(lref)
            if not (cur.op1[rref] == lref or cur.op2[rref] == lref):
                cur.t[lref] |= IRT_MARK
                passx = True
    phi = kept
    if passx:                   # pass 2: uses in the variant part make PHIs needed
        for i in range(cur.nins - 1, invar, -1):
            _clear_uses(cur, i, invar)
        for snap in T.snap[onsnap:]:
            for sn in T.snapmap[snap.mapofs:snap.mapofs + snap.nent]:
                ref = snap_ref(sn)
                if ref >= REF_BIAS:
                    cur.t[ref] &= ~IRT_MARK
    nslots = J.baseslot + J.maxslot     # pass 3: variant slots without an SLOAD
    for i in range(1, nslots):
        ref = J.slot[i] & 0xFFFF
        while ref >= REF_BIAS and ref != subst.get(ref, ref):
            cur.t[ref] &= ~IRT_MARK
            if cur.t[ref] & IRT_ISPHI or _ispri(cur.t[ref]):
                break
            cur.t[ref] |= IRT_ISPHI
            if len(phi) >= LJ_MAX_PHI:
                raise TraceError("PHIOV")
            phi.append(ref)
            ref = subst[ref]
            if ref > invar:
                break
    while passx:                # pass 4: propagate non-redundant PHIs
        passx = False
        for lref in phi:
            if not cur.t[lref] & IRT_MARK:
                r = subst[lref]
                if cur.t[r] & IRT_MARK:
                    cur.t[r] &= ~IRT_MARK
                    passx = True
    for lref in phi:            # pass 5: emit the PHIs
        if not cur.t[lref] & IRT_MARK:
            rref = subst[lref]
            if rref > invar:
                cur.t[rref] |= IRT_ISPHI
            cur.emit_raw(IRTYPE(IR_PHI, cur.t[lref] & 0x1F), lref, rref)
        else:
            cur.t[lref] &= ~(IRT_MARK | IRT_ISPHI)


def _clear_uses(cur, i, invar):
    if cur.op2[i] >= REF_BIAS:
        cur.t[cur.op2[i]] &= ~IRT_MARK
    op1 = cur.op1[i]
    if op1 >= REF_BIAS:
        cur.t[op1] &= ~IRT_MARK
        if op1 < invar and IR_CALLN <= cur.o[i] <= IR_CARG:
            r = op1
            while cur.o[r] == IR_CARG:
                if cur.op2[r] >= REF_BIAS:
                    cur.t[cur.op2[r]] &= ~IRT_MARK
                if cur.op1[r] < REF_BIAS:
                    break
                r = cur.op1[r]
                cur.t[r] &= ~IRT_MARK


def loop_subst_snap(J, osnap, loopmap, subst):
    """Copy-substitute snapshot osnap (a new one, or over the last if no guard since)."""
    T = J.trace
    cur = J.cur
    if cur.guardemit & IRT_GUARD:
        snap = Snap()
        T.snap.append(snap)
    else:
        snap = T.snap[-1]
        del T.snapmap[snap.mapofs:]
    cur.guardemit = 0
    omap = T.snapmap[osnap.mapofs:osnap.mapofs + osnap.nent]
    nslots = osnap.nslots
    snap.mapofs = len(T.snapmap)
    snap.ref = cur.nins
    snap.nslots = nslots
    snap.topslot = osnap.topslot
    snap.count = 0
    snap.pc, snap.pt = osnap.pc, osnap.pt
    snap.baseslot, snap.framedepth = osnap.baseslot, osnap.framedepth
    out = []
    on = ln = 0
    while on < len(omap):
        osn = omap[on]
        lsn = loopmap[ln] if ln < len(loopmap) else (255 << 24)
        if snap_slot(lsn) < snap_slot(osn):
            out.append(lsn)
            ln += 1
        else:
            if snap_slot(lsn) == snap_slot(osn):
                ln += 1
            ref = snap_ref(osn)
            if ref >= REF_BIAS:     # snap_setref: a substituted slot must be restored
                osn = (osn & 0xFFFF0000 & ~SNAP_NORESTORE) | subst[ref]
            out.append(osn)
            on += 1
    while ln < len(loopmap) and snap_slot(loopmap[ln]) < nslots:
        out.append(loopmap[ln])
        ln += 1
    T.snapmap.extend(out)
    snap.nent = len(out)


def loop_unroll(J):
    cur = J.cur
    T = J.trace
    phi = []
    invar = cur.nins
    subst = {REF_BASE: REF_BASE}
    cur.emit_raw(IRTG(IR_LOOP, IRT_NIL), 0, 0)
    onsnap = len(T.snap)
    loopsnap = T.snap[onsnap - 1]
    loopmap = T.snapmap[loopsnap.mapofs:loopsnap.mapofs + loopsnap.nent]
    si = 1
    for ins in range(REF_FIRST, invar):
        if si < onsnap and ins >= T.snap[si].ref:
            loop_subst_snap(J, T.snap[si], loopmap, subst)
            si += 1
        o = cur.o[ins]
        op1, op2 = cur.op1[ins], cur.op2[ins]
        s1 = subst[op1] if op1 >= REF_BIAS else op1
        s2 = subst[op2] if op2 >= REF_BIAS else op2
        if irm_kind(o) == 0 and s1 == op1 and s2 == op2:
            subst[ins] = ins
            continue
        t = cur.t[ins]
        ref = emitir(J, ((o << 8) | t) & ~IRT_ISPHI, s1, s2) & 0xFFFF
        subst[ins] = ref
        if ref == ins:
            continue
        _carried(J, cur, subst, phi, ins, ref, t, invar)
    if not cur.guardemit & IRT_GUARD:
        snap = T.snap.pop()
        del T.snapmap[snap.mapofs:]
    loop_emit_phi(J, subst, phi, onsnap)


def _carried(J, cur, subst, phi, ins, ref, t, invar):
    """Loop-carried dependencies: PHI candidates and type stability."""
    if ref < invar:
        if ref >= REF_BIAS and not cur.t[ref] & IRT_ISPHI and not _ispri(cur.t[ref]):
            _add_phi(cur, phi, ref)
        rt = cur.t[ref]
        if (t & 0x1F) != (rt & 0x1F):
            if _isinteger(t) and _isinteger(rt):
                return
            if (t & 0x1F) == IRT_NUM and _isinteger(rt):
                ref = emitir(J, IRTYPE(IR_CONV, IRT_NUM), ref, IRCONV_NUM_INT) & 0xFFFF
            elif (rt & 0x1F) == IRT_NUM and _isinteger(t):
                ref = emitir(J, IRTG(IR_CONV, IRT_INT), ref, IRCONV_INT_NUM_CHECK) & 0xFFFF
            else:
                raise TraceError("TYPEINS")
            subst[ins] = ref
            _phiconv(cur, phi, ref, invar)
    elif ref != REF_DROP and ref > invar and (
            (cur.o[ref] == IR_CONV and cur.op1[ref] < invar) or
            (cur.o[ref] == IR_ALEN and cur.op2[ref] < invar and cur.op2[ref] != REF_BIAS - 1)):
        _phiconv(cur, phi, cur.op1[ref] if cur.o[ref] == IR_CONV else cur.op2[ref], invar)


def _phiconv(cur, phi, ref, invar):
    if REF_BIAS <= ref < invar and not cur.t[ref] & IRT_ISPHI:
        _add_phi(cur, phi, ref)


def _add_phi(cur, phi, ref):
    cur.t[ref] |= IRT_ISPHI
    if len(phi) >= LJ_MAX_PHI:
        raise TraceError("PHIOV")
    phi.append(ref)


def loop_undo(J, ins, nsnap, nsnapmap):
    T = J.trace
    cur = J.cur
    del T.snap[nsnap:]
    del T.snapmap[nsnapmap:]
    cur.guardemit = 0
    cur.rollback(ins)
    # Invalidate (not remove) the backprop entries made since: the round-robin slots of
    # the others stay where they are, as in lj_opt_loop.c's loop_undo.
    J.bpropcache = [(0, val, mode) if val >= ins else (key, val, mode)
                    for key, val, mode in J.bpropcache]
    for r in range(ins - 1, REF_FIRST - 1, -1):
        cur.t[r] &= ~(IRT_ISPHI | IRT_MARK)


def opt_loop(J):
    """lj_opt_loop: 0 when done; 1 when it failed and recording should go on."""
    cur = J.cur
    T = J.trace
    nins, nsnap, nsnapmap = cur.nins, len(T.snap), len(T.snapmap)
    try:
        loop_unroll(J)
    except TraceError as e:
        if e.args[0] in ("TYPEINS", "GFAIL"):
            J.instunroll -= 1
            if J.instunroll >= 0:
                loop_undo(J, nins, nsnap, nsnapmap)
                return 1
        raise
    return 0
