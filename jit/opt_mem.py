"""Memory access optimisations (lj_opt_mem.c): alias analysis, load forwarding (L2L
and S2L) and dead-store elimination for table, upvalue and field accesses.

Every load and store reaches FOLD; the rules in fold.py hand them to these
functions, which return a reference (forwarded), a fold code, or emit the
instruction. XLOAD/XSTORE (FFI) only get the conservative answer.
"""

from .fold import DROPFOLD, NEXTFOLD, cse, cselim, emit, rule
from .ir import IR, IRT, IRT_GUARD, REF_BASE, REF_BIAS
from .irbuf import TREF, TREF_PRI

ALIAS_NO, ALIAS_MAY, ALIAS_MUST = range(3)
IR_ASTORE, IR_HSTORE, IR_USTORE, IR_FSTORE = (
    IR[n] for n in ("ASTORE", "HSTORE", "USTORE", "FSTORE"))
IR_TNEW, IR_TDUP, IR_KSLOT, IR_HREFK, IR_AREF, IR_ADD, IR_NEWREF, IR_CALLS = (
    IR[n] for n in ("TNEW", "TDUP", "KSLOT", "HREFK", "AREF", "ADD", "NEWREF", "CALLS"))
IR_ULOAD, IR_ALEN, IR_LOOP, IR_NOP, IR_KINT, IR_FLOAD, IR_OBAR, IR_ALOAD = (
    IR[n] for n in ("ULOAD", "ALEN", "LOOP", "NOP", "KINT", "FLOAD", "OBAR", "ALOAD"))
IRDELTA_L2S = IR_ASTORE - IR_ALOAD
IRT_NIL, IRT_NUM, IRT_STR, IRT_TAB = IRT["NIL"], IRT["NUM"], IRT["STR"], IRT["TAB"]
IRFL_TAB_META, IRFL_TAB_NOMM = 5, 10
CALL_TAB_CLEAR = 34      # IRCALL_lj_tab_clear


def _nop(cur, ref):
    cur.o[ref] = IR_NOP
    cur.t[ref] = 0
    cur.op1[ref] = cur.op2[ref] = 0


# -- Alias analysis ----------------------------------------------------------------------

def aa_escape(cur, ref, stop):
    """Was the allocation at ref stored anywhere before stop?"""
    for r in range(ref + 1, stop):
        if cur.op2[r] == ref and cur.o[r] in (IR_ASTORE, IR_HSTORE, IR_USTORE, IR_FSTORE):
            return ALIAS_MAY
    return ALIAS_NO


def aa_table(cur, ta, tb):
    newa = cur.o[ta] in (IR_TNEW, IR_TDUP)
    newb = cur.o[tb] in (IR_TNEW, IR_TDUP)
    if newa and newb:
        return ALIAS_NO
    if newb:
        ta, tb = tb, ta
    elif not newa:
        return ALIAS_MAY
    return aa_escape(cur, ta, tb)


def fwd_aa_tab_clear(J, lim, ta):
    cur = J.cur
    ref = cur.chain[IR_CALLS]
    while ref > lim:
        if cur.op2[ref] == CALL_TAB_CLEAR and (
                ta == cur.op1[ref] or aa_table(cur, ta, cur.op1[ref]) != ALIAS_NO):
            return False
        ref = cur.prev[ref]
    return True


def fwd_tptr(J, lim):
    """lj_opt_fwd_tptr: no aliasing NEWREF/table.clear for fins.op1 above lim."""
    cur = J.cur
    ta = J.fins.op1
    ref = cur.chain[IR_NEWREF]
    while ref > lim:
        if ta == cur.op1[ref] or aa_table(cur, ta, cur.op1[ref]) != ALIAS_NO:
            return False
        ref = cur.prev[ref]
    return fwd_aa_tab_clear(J, lim, ta)


def _xref_table(cur, o, op1):
    return cur.op1[op1] if o in (IR_HREFK, IR_AREF) else op1


def aa_ahref(cur, a, b):
    """Alias analysis of two array/hash references given as (o, op1, op2) triples."""
    if a == b:
        return ALIAS_MUST
    ao, aop1, ka = a
    bo, bop1, kb = b
    if cur.o[ka] == IR_KSLOT:
        ka = cur.op1[ka]
    if cur.o[kb] == IR_KSLOT:
        kb = cur.op1[kb]
    ta = _xref_table(cur, ao, aop1)
    tb = _xref_table(cur, bo, bop1)
    if ka == kb:
        return ALIAS_MUST if ta == tb else aa_table(cur, ta, tb)
    if ka < REF_BIAS and kb < REF_BIAS:
        return ALIAS_NO
    if ao == IR_AREF:
        ofsa = ofsb = 0
        basea, baseb = ka, kb
        if cur.o[ka] == IR_ADD and cur.op2[ka] < REF_BIAS:
            basea = cur.op1[ka]
            ofsa = cur.kval[cur.op2[ka]]
            if basea == kb and ofsa != 0:
                return ALIAS_NO
        if cur.o[kb] == IR_ADD and cur.op2[kb] < REF_BIAS:
            baseb = cur.op1[kb]
            ofsb = cur.kval[cur.op2[kb]]
            if ka == baseb and ofsb != 0:
                return ALIAS_NO
        if basea == baseb and ofsa != ofsb:
            return ALIAS_NO
    elif (cur.t[ka] & 0x1F) != (cur.t[kb] & 0x1F):
        return ALIAS_NO
    return ALIAS_MAY if ta == tb else aa_table(cur, ta, tb)


def _ins(cur, ref):
    return (cur.o[ref], cur.op1[ref], cur.op2[ref]) if ref != -1 else None


def fwd_ahload(J, xref):
    cur = J.cur
    fins = J.fins
    xr = _ins(cur, xref)
    lim = xref
    ref = cur.chain[fins.o + IRDELTA_L2S]
    conflict = False
    while ref > xref:
        a = aa_ahref(cur, xr, _ins(cur, cur.op1[ref]))
        if a == ALIAS_MAY:
            lim = ref
            conflict = True
            break
        if a == ALIAS_MUST:
            return cur.op2[ref]
        ref = cur.prev[ref]
    if not conflict:
        r = _fwd_from_alloc(J, xref, xr, ref)
        if r is not None:
            return r
    ref = cur.chain[fins.o]
    while ref > lim:
        if cur.op1[ref] == xref:
            return ref
        ref = cur.prev[ref]
    return 0


def _fwd_from_alloc(J, xref, xr, ref):
    """No conflicting store yet: constant-fold loads from fresh allocations.
    Returns a ref, 0 (type instability), or None to go on with CSE."""
    cur = J.cur
    fins = J.fins
    holder = cur.op1[xref] if xr[0] in (IR_HREFK, IR_AREF) else xref
    tab = cur.op1[holder]
    o = cur.o[tab]
    if not (o == IR_TNEW or (o == IR_TDUP and cur.op2[xref] < REF_BIAS)):
        return None
    if not fwd_aa_tab_clear(J, tab, tab):
        return None
    if xr[0] == IR_AREF:
        r2 = cur.chain[IR_NEWREF]
        while r2 > tab:
            if cur.t[cur.op2[r2]] & 0x1F == IRT_NUM:
                return None
            r2 = cur.prev[r2]
    while ref > tab:
        a = aa_ahref(cur, xr, _ins(cur, cur.op1[ref]))
        if a == ALIAS_MAY:
            return None
        if a == ALIAS_MUST:
            return cur.op2[ref]
        ref = cur.prev[ref]
    t = fins.t & 0x1F
    if o == IR_TNEW and t != IRT_NIL:
        return 0
    if t <= IRT["TRUE"]:
        return TREF_PRI(t)
    if t in (IRT_NUM, IRT_STR):
        key = cur.op2[xref]
        if cur.o[key] == IR_KSLOT:
            key = cur.op1[key]
        v = J.template_get(cur.kval[cur.op1[tab]], J.kvalue_tv(key))
        return cur.k64(IR["KNUM"], v) if t == IRT_NUM else cur.kgc(v, IRT_STR)
    return None


def fwd_aload_reassoc(J):
    cur = J.cur
    irx = J.fins.op1
    key = cur.op2[irx]
    if cur.o[key] == IR_ADD and cur.op2[key] < REF_BIAS:
        add2 = cur.op1[key]
        if cur.o[add2] == IR_ADD and cur.op2[add2] < REF_BIAS and \
                cur.kval[cur.op2[key]] == -cur.kval[cur.op2[add2]]:
            ref = cur.chain[IR_AREF]
            lim = max(cur.op1[add2], cur.op1[irx])
            while ref > lim:
                if cur.op1[ref] == cur.op1[irx] and cur.op2[ref] == cur.op1[add2]:
                    return fwd_ahload(J, ref)
                ref = cur.prev[ref]
    return 0


@rule("ALOAD any")
def fwd_aload(J):
    ref = fwd_ahload(J, J.fins.op1) or fwd_aload_reassoc(J)
    return ref if ref else emit(J)


@rule("HLOAD KKPTR")
def kfold_hload_kkptr(J):
    return TREF_PRI(IRT_NIL)


@rule("HLOAD any")
def fwd_hload(J):
    ref = fwd_ahload(J, J.fins.op1)
    return ref if ref else emit(J)


@rule("HREFK any any")
def fwd_hrefk(J):
    cur = J.cur
    tab = J.fleft.op1
    ref = cur.chain[IR_NEWREF]
    while ref > tab:
        if tab == cur.op1[ref]:
            if J.fright.op1 == cur.op2[ref] and fwd_aa_tab_clear(J, ref, tab):
                return ref
            return cse(J)
        if aa_table(cur, tab, cur.op1[ref]) != ALIAS_NO:
            return cse(J)
        ref = cur.prev[ref]
    if cur.o[tab] == IR_TDUP and fwd_aa_tab_clear(J, tab, tab):
        J.fins.t &= ~IRT_GUARD
    return cse(J)


def fwd_href_nokey(J):
    """lj_opt_fwd_href_nokey: HREF of a fresh table can fold to niltv."""
    cur = J.cur
    fins = J.fins
    lim = fins.op1
    if J.fright.t & 0x1F == IRT_NUM and cur.chain[IR_NEWREF] > lim:
        ref = cur.chain[IR_ASTORE]
        while ref > lim:
            if ref < cur.chain[IR_NEWREF]:
                return False
            ref = cur.prev[ref]
    ref = cur.chain[IR_HSTORE]
    me = (fins.o, fins.op1, fins.op2)
    while ref > lim:
        if aa_ahref(cur, me, _ins(cur, cur.op1[ref])) != ALIAS_NO:
            return False
        ref = cur.prev[ref]
    return True


@rule("HREF TNEW any")
def fwd_href_tnew(J):
    if fwd_href_nokey(J):
        return J.cur.kptr(J.niltv, IR["KKPTR"])
    return NEXTFOLD


@rule("HREF TDUP KPRI", "HREF TDUP KGC", "HREF TDUP KNUM")
def fwd_href_tdup(J):
    cur = J.cur
    tpl = cur.kval[J.fleft.op1]
    if J.template_get(tpl, J.kvalue_tv(J.fins.op2)) is None and fwd_href_nokey(J):
        return cur.kptr(J.niltv, IR["KKPTR"])
    return NEXTFOLD


def _dse(J, alias, extra_barrier=None):
    """The common store elimination: drop a same-value store, NOP a dead earlier one."""
    cur = J.cur
    fins = J.fins
    xref, val = fins.op1, fins.op2
    holder = None
    ref = cur.chain[fins.o]
    while ref > xref:
        a = alias(ref)
        if a == ALIAS_MAY:
            if cur.op2[ref] != val:
                break
        elif a == ALIAS_MUST:
            if cur.op2[ref] == val and (extra_barrier is None or extra_barrier(ref, True)):
                return DROPFOLD
            if ref > cur.chain[IR_LOOP] and not _blocked(cur, ref, extra_barrier):
                if holder is None:
                    cur.chain[fins.o] = cur.prev[ref]
                else:
                    cur.prev[holder] = cur.prev[ref]
                _after_nop(J, ref)
                _nop(cur, ref)
            break
        holder = ref
        ref = cur.prev[ref]
    return emit(J)


def _blocked(cur, store, extra):
    for r in range(cur.nins - 1, store, -1):
        if cur.t[r] & IRT_GUARD or (extra is not None and extra(r, False)):
            return True
    return False


def _after_nop(J, ref):
    """USTORE: its OBAR goes, too."""
    cur = J.cur
    if cur.o[ref] == IR_USTORE and ref + 1 < cur.nins and cur.o[ref + 1] == IR_OBAR and \
            cur.op1[ref + 1] == J.fins.op1:
        r = cur.chain[IR_OBAR]
        holder = None
        while r and r > ref + 1:
            holder = r
            r = cur.prev[r]
        if r == ref + 1:
            if holder is None:
                cur.chain[IR_OBAR] = cur.prev[r]
            else:
                cur.prev[holder] = cur.prev[r]
            _nop(cur, r)


@rule("ASTORE any any", "HSTORE any any")
def dse_ahstore(J):
    cur = J.cur
    xr = _ins(cur, J.fins.op1)

    def alias(ref):
        return aa_ahref(cur, xr, _ins(cur, cur.op1[ref]))

    def alen(r, same_value):
        return same_value or cur.o[r] == IR_ALEN
    return _dse(J, alias, alen)


@rule("ALEN any any")
def fwd_alen(J):
    cur = J.cur
    fins = J.fins
    tab = fins.op1
    lim = tab
    ref = cur.chain[IR_HSTORE]
    while ref > lim:
        href = cur.op1[ref]
        key = cur.op2[href]
        kt = cur.t[cur.op1[key]] if cur.o[key] == IR_KSLOT else cur.t[key]
        if kt & 0x1F == IRT_NUM:
            lim = ref
            break
        ref = cur.prev[ref]
    ref = cur.chain[IR_ALEN]
    while ref > lim:
        if cur.op1[ref] == tab:
            if not fwd_aa_tab_clear(J, ref, tab):
                break
            sref = cur.chain[IR_ASTORE]
            while sref > ref:
                aref = cur.op1[sref]
                fref = cur.op1[aref]
                if tab == cur.op1[fref]:
                    idx = cur.op2[aref]
                    if cur.t[sref] & 0x1F != IRT_NIL and cur.o[idx] == IR_ADD and \
                            cur.op1[idx] == ref and cur.o[cur.op2[idx]] == IR_KINT and \
                            cur.kval[cur.op2[idx]] == 1:
                        fins.op2 = cur.op2[aref]
                    return emit(J)
                if aa_table(cur, tab, cur.op1[fref]) == ALIAS_NO:
                    return emit(J)
                sref = cur.prev[sref]
            return ref
        ref = cur.prev[ref]
    return emit(J)


def aa_uref(cur, a, b):
    if cur.o[a] != cur.o[b]:
        return ALIAS_NO
    if cur.op1[a] == cur.op1[b]:
        return ALIAS_MUST if cur.op2[a] == cur.op2[b] else ALIAS_NO
    if (cur.op2[a] ^ cur.op2[b]) & 0xFF:
        return ALIAS_NO
    return ALIAS_MAY


@rule("ULOAD any")
def fwd_uload(J):
    cur = J.cur
    uref = J.fins.op1
    lim = REF_BASE
    ref = cur.chain[IR_USTORE]
    while ref > lim:
        a = aa_uref(cur, uref, cur.op1[ref])
        if a == ALIAS_MAY:
            lim = ref
            break
        if a == ALIAS_MUST:
            return cur.op2[ref]
        ref = cur.prev[ref]
    ref = cur.chain[IR_ULOAD]
    while ref > lim:
        r1 = cur.op1[ref]
        if r1 == uref or (cur.op1[r1] == cur.op1[uref] and cur.op2[r1] == cur.op2[uref] and
                          cur.o[r1] == cur.o[uref]):
            return ref
        ref = cur.prev[ref]
    return emit(J)


@rule("USTORE any any")
def dse_ustore(J):
    cur = J.cur
    xref = J.fins.op1
    return _dse(J, lambda ref: aa_uref(cur, xref, cur.op1[ref]))


def aa_fref(cur, a, b):
    """a, b: (op1, op2) of two field references."""
    if a[1] != b[1]:
        return ALIAS_NO
    if a[0] == b[0]:
        return ALIAS_MUST
    if IRFL_TAB_META <= a[1] <= IRFL_TAB_NOMM:
        return aa_table(cur, a[0], b[0])
    return ALIAS_MAY


@rule("FLOAD any any")
def fwd_fload(J):
    cur = J.cur
    fins = J.fins
    oref, fid = fins.op1, fins.op2
    lim = oref
    ref = cur.chain[IR_FSTORE]
    conflict = False
    while ref > oref:
        fr = cur.op1[ref]
        a = aa_fref(cur, (oref, fid), (cur.op1[fr], cur.op2[fr]))
        if a == ALIAS_MAY:
            lim = ref
            conflict = True
            break
        if a == ALIAS_MUST:
            return cur.op2[ref]
        ref = cur.prev[ref]
    if not conflict and fid == IRFL_TAB_META and cur.o[oref] in (IR_TNEW, IR_TDUP):
        return cur.knull(IRT_TAB)
    return cselim(J, lim)


@rule("FSTORE any any")
def dse_fstore(J):
    cur = J.cur
    fr = J.fins.op1
    key = (cur.op1[fr], cur.op2[fr])

    def alias(ref):
        f2 = cur.op1[ref]
        return aa_fref(cur, key, (cur.op1[f2], cur.op2[f2]))

    def fload(r, same_value):
        return same_value or (cur.o[r] == IR_FLOAD and cur.op2[r] == key[1])
    return _dse(J, alias, fload)


def fwd_wasnonnil(J, loadop, xref):
    """lj_opt_fwd_wasnonnil: 1 when the previous value at xref cannot be nil."""
    cur = J.cur
    ref = cur.chain[loadop + IRDELTA_L2S]
    while ref > xref:
        if cur.op1[ref] == xref:
            return (cur.t[ref] & 0x1F) != IRT_NIL
        if cur.t[ref] & 0x1F == IRT_NIL:
            skref = cur.op2[cur.op1[ref]]
            xkref = cur.op2[xref]
            if loadop == IR_ALOAD or (cur.t[skref] & 0x1F) == (cur.t[xkref] & 0x1F):
                if skref == xkref or skref >= REF_BIAS or xkref >= REF_BIAS:
                    return False
        ref = cur.prev[ref]
    ref = cur.chain[loadop]
    while ref > xref:
        if cur.op1[ref] == xref:
            return (cur.t[ref] & 0x1F) != IRT_NIL
        ref = cur.prev[ref]
    return False


assert TREF


# -- The other load, reference and store rules of lj_opt_fold.c --------------------------

def _lit(name):
    return {"TAB_ARRAY": 6, "TAB_NODE": 7, "TAB_ASIZE": 8, "TAB_HMASK": 9, "STR_LEN": 0,
            "FUNC_ENV": 1, "THREAD_ENV": 4, "FUNC_FFID": 3}[name]


def _fload_rules():
    from . import fold as F
    F.LITERALS.update({"IRFL_" + n: _lit(n) for n in (
        "TAB_ARRAY", "TAB_NODE", "TAB_ASIZE", "TAB_HMASK", "STR_LEN", "FUNC_ENV",
        "THREAD_ENV", "FUNC_FFID")})


_fload_rules()


@rule("FLOAD TNEW IRFL_TAB_ASIZE")
def fload_tab_tnew_asize(J):
    if "fold" in J.flags and fwd_tptr(J, J.fins.op1):
        J.fins.i = J.fleft.op1
        return 2    # KINTFOLD
    return NEXTFOLD


@rule("FLOAD TNEW IRFL_TAB_HMASK")
def fload_tab_tnew_hmask(J):
    if "fold" in J.flags and fwd_tptr(J, J.fins.op1):
        J.fins.i = (1 << J.fleft.op2) - 1
        return 2
    return NEXTFOLD


@rule("FLOAD TDUP IRFL_TAB_ASIZE")
def fload_tab_tdup_asize(J):
    if "fold" in J.flags and fwd_tptr(J, J.fins.op1):
        J.fins.i = J.template_asize(J.cur.kval[J.fleft.op1])
        return 2
    return NEXTFOLD


@rule("FLOAD TDUP IRFL_TAB_HMASK")
def fload_tab_tdup_hmask(J):
    if "fold" in J.flags and fwd_tptr(J, J.fins.op1):
        J.fins.i = J.template_hmask(J.cur.kval[J.fleft.op1])
        return 2
    return NEXTFOLD


@rule("HREF any any", "FLOAD any IRFL_TAB_ARRAY", "FLOAD any IRFL_TAB_NODE",
      "FLOAD any IRFL_TAB_ASIZE", "FLOAD any IRFL_TAB_HMASK")
def fload_tab_ah(J):
    tr = cse(J)
    return tr if fwd_tptr(J, tr & 0xFFFF) else emit(J)


@rule("FLOAD KGC IRFL_STR_LEN")
def fload_str_len_kgc(J):
    if "fold" in J.flags:
        J.fins.i = len(J.vm.sbytes(J.fleft.k))
        return 2
    return NEXTFOLD


@rule("FLOAD KGC IRFL_FUNC_FFID")
def fload_func_ffid_kgc(J):
    if "fold" in J.flags:
        J.fins.i = J.vm.funcs[J.fleft.k].ffid if hasattr(J.vm.funcs[J.fleft.k], "ffid") \
            else 0
        return 2
    return NEXTFOLD


@rule("FLOAD any IRFL_STR_LEN", "FLOAD any IRFL_FUNC_ENV", "FLOAD any IRFL_THREAD_ENV",
      "VLOAD any any")
def fload_immutable(J):
    return cse(J)


@rule("SLOAD any any")
def fwd_sload(J):
    """For LOOP only: the slot's current value (recording handles SLOADs itself)."""
    fins = J.fins
    if fins.op2 & 0x02:         # FRAME
        tr = cse(J)
        return emit(J) if (tr & 0xFFFF) < J.cur.chain[IR["RETF"]] else tr
    return J.slot[fins.op1]


@rule("UREFO KGC any", "UREFC KGC any")
def cse_uref(J):
    cur = J.cur
    fins = J.fins
    if "cse" in J.flags:
        uv = J.upvalue_of(cur.kval[fins.op1], fins.op2 >> 8)
        ref = cur.chain[fins.o]
        while ref > 0:
            if cur.op1[ref] < REF_BIAS and \
                    J.upvalue_of(cur.kval[cur.op1[ref]], cur.op2[ref] >> 8) == uv:
                if fins.o == IR["UREFO"] and gcstep_barrier(J, ref):
                    break
                return ref
            ref = cur.prev[ref]
    return emit(J)


def gcstep_barrier(J, ref):
    chain = J.cur.chain
    return ref < chain[IR_LOOP] and any(chain[IR[n]] for n in (
        "SNEW", "XSNEW", "TNEW", "TDUP", "CNEW", "CNEWI", "BUFSTR", "TOSTR", "CALLA"))


@rule("SUB any BASE", "SUB BASE any", "EQ any BASE")
def fold_base(J):
    return cselim(J, J.cur.chain[IR["RETF"]])


@rule("TBAR any", "OBAR any any", "UREFO any any")
def barrier_tab(J):
    tr = cse(J)
    if gcstep_barrier(J, tr & 0xFFFF):
        return emit(J)
    return tr


@rule("TBAR TNEW", "TBAR TDUP")
def barrier_tnew_tdup(J):
    if J.fins.op1 < J.cur.chain[IR_LOOP]:
        return NEXTFOLD
    return DROPFOLD


@rule("PROF any any")
def prof(J):
    ref = J.cur.chain[IR["PROF"]]
    if ref + 1 == J.cur.nins:
        return ref
    return emit(J)


@rule("NEWREF any any", "TMPREF any any", "CALLA any any", "CALLL any any",
      "CALLS any any", "CALLXS any any", "XBAR", "RETF any any", "TNEW any any",
      "TDUP any", "CNEW any any", "XSNEW any any", "XLOAD any any", "XSTORE any any")
def emit_raw(J):
    return emit(J)


from . import fold_buf  # noqa: E402,F401 -- registers the string buffer rules
