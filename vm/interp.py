"""The interpreter: LuaJIT 2.1 bytecode run by one Python loop per C boundary.

Registers are TValues in the thread's stack in the arena, read through the
arena's Q (uint64) and D (float64) views. A non-number TValue reads as a NaN
through D, so arithmetic fast paths compute first and check `r == r`.

Calls between Lua functions do not recurse in Python: CALL pushes a record of
the caller onto the thread's `frames` list and switches the loop's state; RET
pops it. The same loop runs metamethods (in continuation frames, as LuaJIT's
lj_cont_*), pcall/xpcall (in protected frames) and iterators. Python recursion
happens only at real C boundaries -- a builtin calling back into Lua (sort's
comparator, gsub's function) -- and for coroutine resumes, which run the
coroutine's own loop.

The arena frames follow LuaJIT's FR2 layout, [base-2] function and [base-1]
link, so a stack walk over the arena sees what LuaJIT's would.

Frame records (tuples) in th.frames, innermost last; field 1-3 are the caller's
(base, pc, fn) to return to, pc being the index after the calling instruction:
  (FR_LUA,   base, pc, fn, dst, nres)                    results to dst
  (FR_PCALL, base, pc, fn, dst, nres, cfunc, handler, cs) pcall / xpcall
  (FR_CONT,  base, pc, fn, dst, kind, arg)                a metamethod's continuation
  (FR_C,     base, pc, fn, dst, nres, cfunc)              boundary: back to Python
`nres` is the number of results wanted, -1 for all of them (MULTRES).

The stack can move when it grows (LuaJIT's does too). Helpers that may grow it
rebase the records; the loop keeps `stk` (the stack's position) and rebases its
own locals whenever th.stack changed.
"""

import math
import os
import re

from . import meta
from . import table as tab
from .arena import ArenaFull
from .bytecode import (
    BC_ADDNV, BC_ADDVN, BC_ADDVV, BC_CALL, BC_CALLM, BC_CALLT, BC_CAT, BC_FNEW,
    BC_FORI, BC_FORL, BC_GGET, BC_GSET, BC_IFORL, BC_IITERL, BC_ILOOP, BC_ISEQP,
    BC_ISEQV, BC_ISF, BC_ISFC, BC_ISGE, BC_ISGT, BC_ISLE, BC_ISLT, BC_ISNEP, BC_ISNES, BC_ISNEV,
    BC_ISNEXT, BC_ISNUM, BC_IST, BC_ISTC, BC_ISTYPE, BC_ITERC, BC_ITERL, BC_ITERN,
    BC_JFORI, BC_JFORL, BC_JFUNCF, BC_JITERL, BC_JLOOP, BC_JMP, BC_KCDATA, BC_KNIL, BC_KNUM,  # noqa: F401 -- used by the JIT variants
    BC_KPRI, BC_KSHORT, BC_KSTR, BC_LEN, BC_LOOP, BC_MODNV, BC_MODVN, BC_MOV,
    BC_NOT, BC_POW, BC_RET, BC_RET0, BC_RET1, BC_RETM, BC_TDUP, BC_TGETB, BC_TGETR, BC_TGETS, BC_TGETV, BC_TNEW, BC_TSETB, BC_TSETM,
    BC_TSETR, BC_TSETS, BC_TSETV, BC_UCLO, BC_UGET, BC_UNM, BC_USETN, BC_USETP,
    BC_USETS, BC_USETV, BC_VARG, BC_MULVV, BC_MULVN, BC_SUBVN, BC_SUBVV,
    PROTO_UV_LOCAL, PROTO_VARARG,
)
from .errmsg import ERRMSG
from .errors import (
    ArgError, CallError, CompareError, LuaError, OpError, RuntimeErr,
    compare_message, funcname, location, optype_message, slotname,
)
from .layout import (
    CANON_NAN, FALSE, FRAME_CONT, FRAME_PCALL, FRAME_VARG, LJ_MAX_STR, NIL, NUM_LIMIT,
    PAYLOAD, TAB, TAG_BITS, TAG_FUNC, TAG_STR, TAG_TAB, TAG_UDATA, TRUE, typename,
)
from .numbers import ARITH, c_div, c_mod, c_pow, fmt_number, scan_number
from .state import CFunc, LFunc, LJ_STACK_EXTRA, STACK_CAP, StackOverflow, TailCall

FR_LUA, FR_PCALL, FR_CONT, FR_C = 0, 1, 2, 3
TABEND = TAB + (1 << 47)        # TAB <= v < TABEND: v is a table
CONT_STORE, CONT_DROP, CONT_COND, CONT_CONCAT = 0, 1, 2, 3

FF_next, FF_pcall, FF_xpcall = 4, 20, 21
KEYINDEX = 0xFFFE7FFF00000000

_copysign = math.copysign
_floor = math.floor
_INF = float("inf")
_nils = tab._nils


class YieldSignal(Exception):
    """coroutine.yield in flight. `to` says where the resume values go:
    ("call", dst, nres) for a CALL instruction, ("pcall", record) for pcall(yield)."""

    def __init__(self, values):
        super().__init__("yield")
        self.values = values
        self.caller = None      # (fn, base, pc) to resume in, when not the loop's own
        self.to = None


class ErrorInHandler(Exception):
    pass


def execute(vm, th, fn, base, pc, entry, resume=None):
    """Run thread th from (fn, base, pc) until the boundary record frames[entry] is
    reached by a return; returns the results (a list of TValues).

    resume: (values, to) when a coroutine continues after a yield.

    The loop exists in variants (see _variant): with or without debug hooks and
    with or without hot counting. When a builtin changes what is needed (say
    debug.sethook), the loop hands its state over to the right variant.
    """
    while True:
        loop = _LOOPS[vm.loop_mode] or _loop_for(vm.loop_mode)
        try:
            return loop(vm, th, fn, base, pc, entry, resume)
        except _SwitchLoop:
            fn, base, pc, fslot, b, r = th.switch
            if fslot is None:       # re-dispatch pc in the new variant (b: multres)
                resume = ("multres", b)
                continue
            if r.__class__ is TailCall:
                r = resolve_tailcall(vm, th, fslot, r)
            n = _write_results(vm, th, fslot, r)
            if b:
                multres = _fix_nres(vm, fslot, n, b - 1)
            else:
                multres = n
            resume = ("multres", multres)


class _SwitchLoop(Exception):
    """The loop variant must change; the state is in th.switch."""


def _loop(vm, th, fn, base, pc, entry, resume=None):
    """The interpreter loop (template of every variant; markers '# @...' are filled in)."""
    Q, D, I, B = vm.Q, vm.D, vm.I, vm.B
    A = vm.arena
    mode = MODE
    tabbase = TAB + vm.base     # (table TValue - tabbase) >> 3 == its qword index
    hot = vm.hotcount           # noqa: F841 -- used by the hot-counting variants
    vbase = vm.base
    funcs = vm.funcs
    frames = th.frames
    multres = 0
    p = fn.p
    code = p.code
    uvs = fn.uvs
    fnq = fn.q
    stk = th.stack
    if resume is not None:
        if resume[0] == "multres":
            multres = resume[1]
        else:
            r = _deliver_resume(vm, th, resume, fn, base, pc)
            if r.__class__ is list:
                return r            # a tail-called yield was the coroutine's last call
            base, pc, fn, multres = r
            p, code, uvs, fnq, stk = _state(vm, th, fn)
            # @resumed
    # @start
    while True:
        try:
            while True:
                op, a, b, c, d = code[pc]
                pc += 1
                # @instr
                if op >= BC_CALLM:
                    if op == BC_FORL:
                        # @hotloop
                        ra = base + a
                        st = D[ra + 2]
                        i = D[ra] + st
                        D[ra] = i
                        D[ra + 3] = i
                        if st > 0:
                            if i <= D[ra + 1]:
                                pc = c
                        elif st < 0 or _copysign(1.0, st) < 0:
                            if i >= D[ra + 1]:
                                pc = c
                        elif i <= D[ra + 1]:
                            pc = c
                    elif op == BC_CALL or op == BC_CALLM:
                        fslot = base + a
                        nargs = c - 1 if op == BC_CALL else c + multres
                        f = funcs.get(Q[fslot])
                        if f.__class__ is not LFunc:
                            if f is None:
                                f, nargs = _call_mm(vm, th, fslot, nargs, a)
                                if th.stack != stk:
                                    fslot += th.stack - stk
                                    base += th.stack - stk
                                    stk = th.stack
                        if f.__class__ is LFunc:
                            Q[fslot + 1] = p.retbase + 4 * pc
                            frames.append((FR_LUA, base, pc, fn, fslot, b - 1, None))
                            fn = f
                            p = f.p
                            if (not p.vararg and nargs == p.numparams and
                                    fslot + 4 + nargs + p.framesize < stk + th.size - LJ_STACK_EXTRA):
                                base = fslot + 2
                            else:
                                try:
                                    base = _enter_lua(vm, th, f, fslot, nargs)
                                except LuaError:
                                    # a stack overflow: raised by the caller, the
                                    # callee has no frame yet
                                    fn = frames.pop()[3]
                                    p = fn.p
                                    raise
                                stk = th.stack
                            code = p.code
                            uvs = f.uvs
                            fnq = f.q
                            pc = 1
                            # @enter
                            continue
                        Q[fslot + 1] = p.retbase + 4 * pc
                        th.base = base
                        th.pc = pc
                        th.fn = fn
                        # @pcall
                        if f.ffid == FF_pcall or f.ffid == FF_xpcall:
                            r = _pcall(vm, th, f, base, pc, fn, fslot, nargs, b - 1)
                            if r is not None:
                                base, pc, fn, multres = r
                                p, code, uvs, fnq, stk = _state(vm, th, fn)
                                # @enter-if
                                continue
                            multres = th.multres
                            if th.stack != stk:
                                base += th.stack - stk
                                stk = th.stack
                            continue
                        th.top = fslot + 2 + nargs
                        th.cfunc = f
                        # @ccall
                        try:
                            r = f.f(vm, fslot + 2, nargs)
                        except YieldSignal as y:
                            y.to = ("call", fslot - stk, b - 1)
                            raise
                        th.cfunc = None
                        if th.stack != stk:
                            d = th.stack - stk
                            base += d
                            fslot += d
                            stk = th.stack
                        # @cret
                        if vm.loop_mode != mode:
                            th.switch = (fn, base, pc, fslot, b, r)
                            raise _SwitchLoop()
                        if r.__class__ is float:
                            if r == r:
                                D[fslot] = r
                            else:
                                Q[fslot] = CANON_NAN
                            n = 1
                        elif r.__class__ is int:
                            Q[fslot] = r
                            n = 1
                        elif r is None:
                            n = 0
                        elif r.__class__ is TailCall:
                            base, pc, fn, multres = _ffh_tailcall(vm, th, base, pc, fn, fslot,
                                                                  r.nargs, b - 1, a)
                            p, code, uvs, fnq, stk = _state(vm, th, fn)
                            # @enter-if
                            continue
                        else:
                            n = _write_many(vm, th, fslot, r)
                            if th.stack != stk:
                                d = th.stack - stk
                                base += d
                                fslot += d
                                stk = th.stack
                        if b:
                            if n < b - 1:
                                Q[fslot + n:fslot + b - 1] = _nils(b - 1 - n)
                        else:
                            multres = n
                        if A.total >= vm.gc_threshold:
                            th.top = fslot + (n if b == 0 else b - 1)
                            vm.gc_check(th, base + p.proto.framesize)
                    elif op <= BC_RET1 and op >= BC_RETM:
                        rec = frames.pop()
                        if rec[0] == FR_LUA:
                            _, obase, pc, fn, dst, want, _ = rec
                            if op == BC_RET1 and want == 1:
                                Q[dst] = Q[base + a]
                            else:
                                if op == BC_RET1:
                                    nr = 1
                                elif op == BC_RET0:
                                    nr = 0
                                elif op == BC_RET:
                                    nr = c - 1
                                else:
                                    nr = c + multres
                                if want < 0:
                                    multres = want = nr
                                if nr:
                                    src = base + a
                                    n = nr if nr < want else want
                                    Q[dst:dst + n] = Q[src:src + n]
                                if nr < want:
                                    Q[dst + nr:dst + want] = _nils(want - nr)
                            base = obase
                            p = fn.p
                            code = p.code
                            uvs = fn.uvs
                            fnq = fn.q
                            continue
                        if op == BC_RET1:
                            nr = 1
                        elif op == BC_RET0:
                            nr = 0
                        elif op == BC_RET:
                            nr = c - 1
                        else:
                            nr = c + multres
                        src = base + a
                        if rec[0] == FR_C:
                            return list(Q[src:src + nr])
                        base, pc, fn = rec[1], rec[2], rec[3]   # errors are the caller's
                        base, pc, fn, multres = _return_special(vm, th, rec, src, nr)
                        p, code, uvs, fnq, stk = _state(vm, th, fn)
                        # @enter-mm
                    elif op == BC_JMP:
                        pc = c
                    elif op == BC_FORI or op == BC_JFORI:
                        ra = base + a
                        if Q[ra] >= NUM_LIMIT or Q[ra + 1] >= NUM_LIMIT or Q[ra + 2] >= NUM_LIMIT:
                            _for_coerce(vm, ra)
                        i = D[ra]
                        D[ra + 3] = i
                        if Q[ra + 2] >> 63:          # negative step (-0 included)
                            if not i >= D[ra + 1]:
                                pc = c
                        elif not D[ra + 1] >= i:
                            pc = c
                        elif op == BC_JFORI and not vm.loop_mode & 4:
                            # a compiled loop is entered at once (vm_fori): its trace is
                            # the JFORL's at the loop's end, starting at the body
                            th.multres = multres
                            base, pc, fn, multres = vm.jit.run_trace(th, fn, base, c - 1,
                                                                     code[c - 1][3])
                            p, code, uvs, fnq, stk = _state(vm, th, fn)
                            if vm.loop_mode != MODE:        # a side trace is recording
                                th.switch = (fn, base, pc, None, multres, None)
                                raise _SwitchLoop()
                    elif op == BC_LOOP or op == BC_ILOOP:
                        pass    # a loop header: hot counting only, D marks the loop's end
                        # @hotloop
                    elif op == BC_JLOOP or op == BC_JFORL or op == BC_JITERL:
                        # A compiled loop: the loop instruction's own step, then its
                        # trace (which starts at the loop body) runs to an exit.
                        if _jloop_continues(vm, base, op, a, D, Q):
                            th.multres = multres
                            base, pc, fn, multres = vm.jit.run_trace(th, fn, base, pc - 1, c)
                            p, code, uvs, fnq, stk = _state(vm, th, fn)
                            if vm.loop_mode != MODE:        # a side trace is recording
                                th.switch = (fn, base, pc, None, multres, None)
                                raise _SwitchLoop()
                    elif op == BC_ITERC:
                        ra = base + a
                        Q[ra] = Q[ra - 3]
                        Q[ra + 2] = Q[ra - 2]
                        Q[ra + 3] = Q[ra - 1]
                        f = funcs.get(Q[ra])
                        nargs = 2
                        if f is None:
                            f, nargs = _call_mm(vm, th, ra, 2, a)
                            if th.stack != stk:
                                ra += th.stack - stk
                                base += th.stack - stk
                                stk = th.stack
                        Q[ra + 1] = p.retbase + 4 * pc
                        if f.__class__ is LFunc:
                            frames.append((FR_LUA, base, pc, fn, ra, b - 1, None))
                            base = _enter_lua(vm, th, f, ra, nargs)
                            fn = f
                            p = f.p
                            code = p.code
                            uvs = f.uvs
                            fnq = f.q
                            stk = th.stack
                            pc = 1
                            # @enter
                            continue
                        th.base = base
                        th.pc = pc
                        th.fn = fn
                        th.top = ra + 2 + nargs
                        th.cfunc = f
                        # @ccall-iter
                        try:
                            r = f.f(vm, ra + 2, nargs)
                        except YieldSignal as y:
                            y.to = ("call", ra - stk, b - 1)
                            raise
                        th.cfunc = None
                        if th.stack != stk:
                            d = th.stack - stk
                            base += d
                            ra += d
                            stk = th.stack
                        if r.__class__ is TailCall:
                            r = resolve_tailcall(vm, th, ra, r)
                        n = _write_results(vm, th, ra, r)
                        if n < b - 1:
                            Q[ra + n:ra + b - 1] = _nils(b - 1 - n)
                        # @resumed
                    elif op == BC_ITERN:
                        # @hotloop
                        ra = base + a
                        t = ((Q[ra - 2] & PAYLOAD) - vbase) >> 3
                        r = tab.next_from(vm, t, Q[ra - 1] & 0xFFFFFFFF)
                        if r is None:
                            pc += 1
                        else:
                            Q[ra] = r[0]
                            Q[ra + 1] = r[1]
                            Q[ra - 1] = KEYINDEX | r[2]
                            pc = code[pc][3]
                    elif op == BC_ITERL or op == BC_IITERL:
                        # @hotloop
                        v = Q[base + a]
                        if v != NIL:
                            Q[base + a - 1] = v
                            pc = c
                    elif op == BC_IFORL:
                        ra = base + a
                        st = D[ra + 2]
                        i = D[ra] + st
                        D[ra] = i
                        D[ra + 3] = i
                        if st > 0:
                            if i <= D[ra + 1]:
                                pc = c
                        elif st < 0 or _copysign(1.0, st) < 0:
                            if i >= D[ra + 1]:
                                pc = c
                        elif i <= D[ra + 1]:
                            pc = c
                    elif op == BC_ISNEXT:
                        ra = base + a
                        fv = funcs.get(Q[ra - 3])
                        if (fv.__class__ is CFunc and fv.ffid == FF_next and
                                Q[ra - 2] >> TAG_BITS == TAG_TAB and Q[ra - 1] == NIL):
                            Q[ra - 1] = KEYINDEX
                        else:
                            _despecialize(vm, p, pc - 1, c)
                        pc = c
                    elif op == BC_CALLT or op == BC_CALLM + 2:
                        nargs = c - 1 if op == BC_CALLT else c + multres
                        th.base = base
                        th.pc = pc
                        th.fn = fn
                        r = _tailcall(vm, th, base, base + a, nargs, a)
                        if r.__class__ is tuple:
                            if len(r) == 4:     # pcall/xpcall in this loop
                                base, pc, fn, multres = r
                                p, code, uvs, fnq, stk = _state(vm, th, fn)
                                # @enter-if
                                continue
                            base, fn = r
                            p, code, uvs, fnq, stk = _state(vm, th, fn)
                            pc = 1
                            # @enter
                            continue
                        src, nr = th.tail_src, r
                        rec = frames.pop()
                        if rec[0] == FR_C:
                            return list(Q[src:src + nr])
                        if rec[0] == FR_LUA:
                            dst = rec[4]
                            want = rec[5]
                            if want < 0:
                                multres = want = nr
                            n = nr if nr < want else want
                            if n:
                                Q[dst:dst + n] = Q[src:src + n]
                            if nr < want:
                                Q[dst + nr:dst + want] = _nils(want - nr)
                            base, pc, fn = rec[1], rec[2], rec[3]
                        else:
                            base, pc, fn = rec[1], rec[2], rec[3]
                            base, pc, fn, multres = _return_special(vm, th, rec, src, nr)
                        p, code, uvs, fnq, stk = _state(vm, th, fn)
                        # @enter-mm
                    elif op == BC_VARG:
                        multres = _varg(vm, th, fn, base, a, b)
                        if th.stack != stk:
                            base += th.stack - stk
                            stk = th.stack
                    else:
                        raise RuntimeErr("bad bytecode %d" % op)
                elif op >= BC_CAT:
                    if op == BC_UGET:
                        Q[base + a] = Q[(Q[uvs[c] + 4] - vbase) >> 3]
                    elif op == BC_TGETV or op == BC_TGETB or op == BC_TGETR:
                        t = Q[base + b]
                        if op == BC_TGETB:
                            k = None
                            ik = c
                        else:
                            k = 0
                            kd = D[base + c]
                            ik = int(kd) if 0.0 <= kd < 2147483648.0 else -1
                            if ik != kd:
                                ik = -1
                        if TAB <= t < TABEND:
                            tq = (t - tabbase) >> 3
                            if 0 <= ik < I[(tq << 1) + 12]:
                                v = Q[((Q[tq + 2] - vbase) >> 3) + ik]
                            elif k is None:
                                v = tab.get_int(vm, tq, ik)
                            else:
                                k = Q[base + c]
                                v = tab.get(vm, tq, k)
                            if v != NIL or not Q[tq + 4] or op == BC_TGETR:
                                Q[base + a] = v
                                continue
                        if k is None:
                            k = vm.num(float(ik))
                        else:
                            k = Q[base + c]
                        v = meta.index(vm, t, k, b)
                        if v.__class__ is tuple:
                            base, pc, fn = _mmcall(vm, th, fn, base, pc, v, CONT_STORE, a)
                            p, code, uvs, fnq, stk = _state(vm, th, fn)
                            # @enter-mm
                            continue
                        Q[base + a] = v
                    elif op == BC_TGETS:
                        t = Q[base + b]
                        if TAB <= t < TABEND:
                            tq = (t - tabbase) >> 3
                            n = ((Q[tq + 5] - vbase) >> 3) + 3 * (d & I[(tq << 1) + 13])
                            while True:
                                if Q[n + 1] == c:
                                    v = Q[n]
                                    break
                                n = Q[n + 2]
                                if not n:
                                    v = NIL
                                    break
                                n = (n - vbase) >> 3
                            if v != NIL or not Q[tq + 4]:
                                Q[base + a] = v
                                continue
                            v = _index_str_chain(vm, Q[tq + 4], c, d)
                            if v is not None:
                                Q[base + a] = v
                                continue
                        v = meta.index(vm, t, c, b)
                        if v.__class__ is tuple:
                            base, pc, fn = _mmcall(vm, th, fn, base, pc, v, CONT_STORE, a)
                            p, code, uvs, fnq, stk = _state(vm, th, fn)
                            # @enter-mm
                            continue
                        Q[base + a] = v
                    elif op == BC_TSETV or op == BC_TSETS or op == BC_TSETB or op == BC_TSETR:
                        t = Q[base + b]
                        if t >> TAG_BITS == TAG_TAB:
                            tq = ((t & PAYLOAD) - vbase) >> 3
                            if op == BC_TSETB and c < I[(tq << 1) + 12] and not Q[tq + 4]:
                                Q[((Q[tq + 2] - vbase) >> 3) + c] = Q[base + a]
                                continue
                            if op == BC_TSETV:
                                # a non-number key reads as NaN and fails the range test
                                if not Q[tq + 4]:
                                    kd = D[base + c]
                                    if 0.0 <= kd < I[(tq << 1) + 12]:
                                        ik = int(kd)
                                        if ik == kd:
                                            Q[((Q[tq + 2] - vbase) >> 3) + ik] = Q[base + a]
                                            continue
                                k = Q[base + c]
                            elif op == BC_TSETS:
                                # An existing key is stored in place, as the VM's fast path does.
                                n = ((Q[tq + 5] - vbase) >> 3) + 3 * (d & I[(tq << 1) + 13])
                                while Q[n + 1] != c:
                                    n = Q[n + 2]
                                    if not n:
                                        break
                                    n = (n - vbase) >> 3
                                if n and (Q[n] != NIL or not Q[tq + 4]):
                                    B[(tq << 3) + 10] = 0
                                    Q[n] = Q[base + a]
                                    continue
                                k = c
                            elif op == BC_TSETB:
                                k = vm.num(float(c))
                            else:
                                k = Q[base + c]
                            if not Q[tq + 4] or op == BC_TSETR:
                                B[(tq << 3) + 10] = 0
                                try:
                                    Q[tab.slot(vm, tq, k)] = Q[base + a]
                                except tab.TableError as e:
                                    raise RuntimeErr(str(e)) from None
                                continue
                        elif op == BC_TSETS:
                            k = c
                        elif op == BC_TSETB:
                            k = vm.num(float(c))
                        else:
                            k = Q[base + c]
                        r = meta.newindex(vm, t, k, Q[base + a], b)
                        if r is not None:
                            base, pc, fn = _mmcall(vm, th, fn, base, pc, r, CONT_DROP, 0)
                            p, code, uvs, fnq, stk = _state(vm, th, fn)
                            # @enter-mm
                            continue
                    elif op == BC_KSHORT or op == BC_KNUM:
                        D[base + a] = c
                    elif op == BC_KSTR or op == BC_KPRI:
                        Q[base + a] = c
                    elif op == BC_GGET:
                        et = (Q[fnq + 2] - vbase) >> 3
                        n = ((Q[et + 5] - vbase) >> 3) + 3 * (d & I[(et << 1) + 13])
                        while True:
                            if Q[n + 1] == c:
                                v = Q[n]
                                break
                            n = Q[n + 2]
                            if not n:
                                v = NIL
                                break
                            n = (n - vbase) >> 3
                        if v == NIL and Q[et + 4]:
                            v = meta.index(vm, TAB | (vbase + (et << 3)), c)
                            if v.__class__ is tuple:
                                base, pc, fn = _mmcall(vm, th, fn, base, pc, v, CONT_STORE, a)
                                p, code, uvs, fnq, stk = _state(vm, th, fn)
                                # @enter-mm
                                continue
                        Q[base + a] = v
                    elif op == BC_CAT:
                        th.base = base
                        th.pc = pc
                        th.fn = fn
                        th.top = base + p.proto.framesize
                        r = _concat(vm, base, b, c)
                        if r is None:
                            # a __concat metamethod: lj_meta_cat from the right end
                            base, pc, fn = _concat_meta(vm, th, fn, base, pc, c)
                            p, code, uvs, fnq, stk = _state(vm, th, fn)
                            # @enter-mm
                            continue
                        if th.stack != stk:
                            base += th.stack - stk
                            stk = th.stack
                        Q[base + a] = r
                        if A.total >= vm.gc_threshold:
                            vm.gc_check(th, base + p.proto.framesize)
                    elif op == BC_GSET:
                        r = meta.newindex(vm, TAB | Q[fnq + 2], c, Q[base + a])
                        if r is not None:
                            base, pc, fn = _mmcall(vm, th, fn, base, pc, r, CONT_DROP, 0)
                            p, code, uvs, fnq, stk = _state(vm, th, fn)
                            # @enter-mm
                            continue
                    elif op == BC_TNEW:
                        asize = c & 0x7FF
                        tq = tab.new_table(vm, 0x801 if asize == 0x7FF else asize, c >> 11)
                        Q[base + a] = TAB | (vbase + (tq << 3))
                        if A.total >= vm.gc_threshold:
                            vm.gc_check(th, base + p.proto.framesize)
                    elif op == BC_TDUP:
                        tq = tab.dup(vm, ((c & PAYLOAD) - vbase) >> 3)
                        Q[base + a] = TAB | (vbase + (tq << 3))
                        if A.total >= vm.gc_threshold:
                            vm.gc_check(th, base + p.proto.framesize)
                    elif op == BC_TSETM:
                        tq = ((Q[base + a - 1] & PAYLOAD) - vbase) >> 3
                        B[(tq << 3) + 10] = 0
                        for i in range(multres):
                            Q[tab.slot_int(vm, tq, c + i)] = Q[base + a + i]
                    elif op == BC_KNIL:
                        Q[base + a:base + c + 1] = _nils(c - a + 1)
                    elif op == BC_USETV:
                        Q[(Q[uvs[a] + 4] - vbase) >> 3] = Q[base + c]
                    elif op == BC_USETS or op == BC_USETP:
                        Q[(Q[uvs[a] + 4] - vbase) >> 3] = c
                    elif op == BC_USETN:
                        D[(Q[uvs[a] + 4] - vbase) >> 3] = c
                    elif op == BC_UCLO:
                        if th.open_uv:
                            vm.close_upvals(th, base + a)
                        pc = c
                    elif op == BC_FNEW:
                        Q[base + a] = _closure(vm, th, fn, base, c, fnq)
                        if A.total >= vm.gc_threshold:
                            vm.gc_check(th, base + p.proto.framesize)
                    elif op == BC_KCDATA:
                        pass
                    else:
                        raise RuntimeErr("bad bytecode %d" % op)
                else:
                    if op == BC_MOV:
                        Q[base + a] = Q[base + c]
                    elif BC_ADDVN <= op <= BC_POW:
                        # the common + - * first; a non-number operand reads as NaN,
                        # so a NaN result sends it (and a real NaN) to _arith
                        if op == BC_ADDVV:
                            r = D[base + b] + D[base + c]
                        elif op == BC_MULVV:
                            r = D[base + b] * D[base + c]
                        elif op == BC_ADDVN:
                            r = D[base + b] + c
                        elif op == BC_SUBVN:
                            r = D[base + b] - c
                        elif op == BC_SUBVV:
                            r = D[base + b] - D[base + c]
                        elif op == BC_MULVN:
                            r = D[base + b] * c
                        else:
                            if op >= BC_ADDVV:
                                x = D[base + b]
                                y = D[base + c]
                                k = op - BC_ADDVV
                            elif op >= BC_ADDNV:
                                x = c
                                y = D[base + b]
                                k = op - BC_ADDNV
                            else:
                                x = D[base + b]
                                y = c
                                k = op - BC_ADDVN
                            if k == 4:
                                if y and x == x and y == y:
                                    q = x / y
                                    r = (x - (_floor(q) if q else q) * y if -_INF < q < _INF
                                         else c_mod(x, y))
                                else:
                                    r = c_mod(x, y)
                            elif k == 3:
                                r = x / y if y else c_div(x, y)
                            elif k == 0:
                                r = x + y
                            elif k == 1:
                                r = x - y
                            elif k == 2:
                                r = x * y
                            else:
                                # pow(NaN, 0) is 1: a non-number operand (read as NaN)
                                # must not get a result here, so NaN operands take the
                                # slow path
                                r = c_pow(x, y) if x == x and y == y else _INF - _INF
                        if r == r:
                            D[base + a] = r
                        else:
                            r = _arith(vm, op, base, b, c)
                            if r.__class__ is tuple:
                                base, pc, fn = _mmcall(vm, th, fn, base, pc, r, CONT_STORE, a)
                                p, code, uvs, fnq, stk = _state(vm, th, fn)
                                # @enter-mm
                                continue
                            _store_num(Q, D, base + a, r)
                    elif op <= BC_ISGT:
                        x = D[base + a]
                        y = D[base + c]
                        if x == x and y == y:
                            if op == BC_ISLT:
                                cond = x < y
                            elif op == BC_ISGE:
                                cond = not x < y
                            elif op == BC_ISLE:
                                cond = x <= y
                            else:
                                cond = not x <= y
                        else:
                            neg = op == BC_ISGE or op == BC_ISGT
                            r = meta.less(vm, Q[base + a], Q[base + c], op >= BC_ISLE)
                            if r.__class__ is tuple:
                                base, pc, fn = _mmcall(vm, th, fn, base, pc, r[:3], CONT_COND,
                                                       (code[pc][3], neg != r[3]))
                                p, code, uvs, fnq, stk = _state(vm, th, fn)
                                # @enter-mm
                                continue
                            cond = r != neg
                        if cond:
                            pc = code[pc][3]
                        else:
                            pc += 1
                    elif BC_ISEQV <= op <= BC_ISNEP:
                        va = Q[base + a]
                        if op <= BC_ISNEV:
                            vd = Q[base + c]
                            if va == vd:
                                cond = va >= NUM_LIMIT or D[base + a] == D[base + a]   # NaN ~= NaN
                            elif va < NUM_LIMIT and vd < NUM_LIMIT:
                                cond = D[base + a] == D[base + c]
                            elif va >> TAG_BITS == vd >> TAG_BITS and (
                                    va >> TAG_BITS == TAG_TAB or va >> TAG_BITS == TAG_UDATA):
                                r = meta.equal(vm, va, vd)
                                if r.__class__ is tuple:
                                    base, pc, fn = _mmcall(vm, th, fn, base, pc, r, CONT_COND,
                                                           (code[pc][3], op == BC_ISNEV))
                                    p, code, uvs, fnq, stk = _state(vm, th, fn)
                                    # @enter-mm
                                    continue
                                cond = r
                            else:
                                cond = False
                        elif op <= BC_ISNES or op >= BC_ISEQP:
                            cond = va == c
                        else:
                            cond = va < NUM_LIMIT and D[base + a] == c
                        if op & 1:
                            cond = not cond
                        if cond:
                            pc = code[pc][3]
                        else:
                            pc += 1
                    elif BC_ISTC <= op <= BC_ISF:
                        v = Q[base + c]
                        if (v != NIL and v != FALSE) == (op == BC_ISTC or op == BC_IST):
                            if op == BC_ISTC or op == BC_ISFC:
                                Q[base + a] = v
                            pc = code[pc][3]
                        else:
                            pc += 1
                    elif op == BC_UNM or op == BC_LEN:
                        r = _arith(vm, op, base, b, c)
                        if r.__class__ is tuple:
                            base, pc, fn = _mmcall(vm, th, fn, base, pc, r, CONT_STORE, a)
                            p, code, uvs, fnq, stk = _state(vm, th, fn)
                            # @enter-mm
                            continue
                        _store_num(Q, D, base + a, r)
                    elif op == BC_NOT:
                        v = Q[base + c]
                        Q[base + a] = TRUE if (v == NIL or v == FALSE) else FALSE
                    elif op == BC_ISTYPE or op == BC_ISNUM:
                        v = Q[base + a]
                        if op == BC_ISNUM:
                            if v >= NUM_LIMIT:
                                _check_arg(vm, th, base, a, 15)
                        elif v >> TAG_BITS != ISTYPE_TAG[c]:
                            _check_arg(vm, th, base, a, c)
                    else:
                        raise RuntimeErr("bad bytecode %d" % op)
        except Exception as e:
            if e.__class__ is _SwitchLoop:
                raise
            if e.__class__ is YieldSignal:
                if e.caller is not None:    # from a tail-called pcall: its caller goes on
                    fn, base, pc = e.caller
                    p = fn.p
                if entry == 0 and th is not vm.main:
                    th.resume_state = (fn, base - th.stack, pc)
                    raise
                # lj_err_caller: worded with the location of yield's Lua caller, none
                # when yield was tail-called (its caller's frame is gone)
                if e.to is not None and e.to[0] == "tail":
                    th.ctail = True
                e = RuntimeErr(ERRMSG["CYIELD"])
            if th.ctail:
                err = _convert_tail_error(vm, th, fn, pc, e)
            else:
                err = convert_error(vm, th, fn, pc, e)
            th.fn, th.pc, th.base = fn, pc, base    # the error point, for handlers
            if th.cfunc is None:
                # handlers run above the erroring Lua frame, never over its slots
                th.top = base + p.proto.framesize
            # (th.ctail stays set while handlers run: the builtin replaced fn's frame)
            r = _unwind(vm, th, entry, err)
            if r is None:
                if entry != 0 or th is vm.main:     # a dead coroutine keeps its state
                    th.cfunc = None
                    th.ctail = False
                raise err from None
            th.cfunc = None
            th.ctail = False
            base, pc, fn, multres = r
            p, code, uvs, fnq, stk = _state(vm, th, fn)


def _index_str_chain(vm, mt, key, sid):
    """t.key missed in a table with metatable address mt: follow __index while it is a
    table (the class pattern). Returns the value, or None for the generic path."""
    Q, I, B = vm.Q, vm.I, vm.B
    vbase = vm.base
    idxname = vm.mmname[0]
    idxsid = vm.mmsid0
    for _ in range(100):
        mq = (mt - vbase) >> 3
        if B[(mq << 3) + 10] & 1:            # nomm: no __index
            return NIL
        n = ((Q[mq + 5] - vbase) >> 3) + 3 * (idxsid & I[(mq << 1) + 13])
        while True:
            if Q[n + 1] == idxname:
                h = Q[n]
                break
            n = Q[n + 2]
            if not n:
                h = NIL
                break
            n = (n - vbase) >> 3
        if h == NIL:
            return None                      # let meta.index update the nomm cache
        if not TAB <= h < TABEND:
            return None
        tq = ((h & PAYLOAD) - vbase) >> 3
        n = ((Q[tq + 5] - vbase) >> 3) + 3 * (sid & I[(tq << 1) + 13])
        while True:
            if Q[n + 1] == key:
                v = Q[n]
                break
            n = Q[n + 2]
            if not n:
                v = NIL
                break
            n = (n - vbase) >> 3
        mt = Q[tq + 4]
        if v != NIL or not mt:
            return v
    return None


def _state(vm, th, fn):
    """The loop's per-function locals for fn."""
    p = fn.p
    return p, p.code, fn.uvs, fn.q, th.stack


# -- Entering functions ----------------------------------------------------------------

def _enter_lua(vm, th, f, fslot, nargs):
    """Set up the frame of Lua function f called at fslot with nargs args; returns its base."""
    Q = vm.Q
    proto = f.p.proto
    need = fslot + 4 + nargs + proto.framesize + LJ_STACK_EXTRA
    if need >= th.stack + th.size:
        fslot += grow(vm, th, need - (th.stack + th.size) + 1)
    nb = fslot + 2
    np = proto.numparams
    if proto.flags & PROTO_VARARG:
        newb = nb + nargs + 2
        Q[newb - 2] = Q[fslot]
        Q[newb - 1] = ((nargs + 2) << 3) | FRAME_VARG
        n = nargs if nargs < np else np
        if n:
            Q[newb:newb + n] = Q[nb:nb + n]
            Q[nb:nb + n] = _nils(n)
        if nargs < np:
            Q[newb + nargs:newb + np] = _nils(np - nargs)
        return newb
    if nargs < np:
        Q[nb + nargs:nb + np] = _nils(np - nargs)
    return nb


def grow(vm, th, need):
    """Grow th's stack by at least `need` slots; rebase the frame records.

    Returns the slot delta by which everything on the stack moved.
    """
    try:
        delta = vm.grow_stack(th, need)
    except StackOverflow as e:
        if e.in_handler:
            err = LuaError(vm.str(ERRMSG["ERRERR"].encode()))
            err.overflow_in_handler = True
            raise err from None
        # LuaJIT raises it at the callee's entry, which has no pc yet: no location
        raise LuaError(vm.str(ERRMSG["STKOV"].encode())) from None
    if delta:
        th.frames[:] = [_rebase(r, delta) for r in th.frames]
        th.top += delta
        th.base += delta
    return delta


def _rebase(rec, delta):
    rec = list(rec)
    rec[1] += delta
    kind = rec[0]
    if kind != FR_CONT or rec[5] == CONT_STORE:
        rec[4] += delta
    if kind == FR_PCALL:
        rec[8] += delta
    return tuple(rec)


def _call_mm(vm, th, fslot, nargs, a):
    """CALL of a non-function: call its __call with the object as first argument."""
    Q = vm.Q
    obj = Q[fslot]
    mo = meta.call_mm(vm, obj)
    f = vm.funcs.get(mo)
    if f is None:
        raise CallError(obj, a)
    if fslot + 4 + nargs + LJ_STACK_EXTRA >= th.stack + th.size:
        fslot += grow(vm, th, nargs + 4 + LJ_STACK_EXTRA)
    Q[fslot + 3:fslot + 3 + nargs] = Q[fslot + 2:fslot + 2 + nargs]
    Q[fslot + 2] = obj
    Q[fslot] = mo
    return f, nargs + 1


def _write_results(vm, th, dst, r):
    """Store a builtin's results at dst: None, a float, a TValue int or a sequence."""
    if r is None:
        return 0
    if r.__class__ is float:
        _store_num(vm.Q, vm.D, dst, r)
        return 1
    if r.__class__ is int:
        vm.Q[dst] = r
        return 1
    return _write_many(vm, th, dst, r)


def _write_many(vm, th, dst, values):
    n = len(values)
    if dst + n + LJ_STACK_EXTRA >= th.stack + th.size:
        dst += grow(vm, th, n + LJ_STACK_EXTRA)
    Q, D = vm.Q, vm.D
    for v in values:
        if v.__class__ is float:
            if v == v:
                D[dst] = v
            else:
                Q[dst] = CANON_NAN
        else:
            Q[dst] = v
        dst += 1
    return n


def _store_num(Q, D, slot, r):
    """Store an arithmetic result: floats (NaN canonical) or a TValue."""
    if r.__class__ is float:
        if r == r:
            D[slot] = r
        else:
            Q[slot] = CANON_NAN
    else:
        Q[slot] = r


def _fix_nres(vm, dst, n, want):
    """Pad results at dst to `want` with nils; returns the result count (MULTRES)."""
    if want < 0:
        return n
    if n < want:
        vm.Q[dst + n:dst + want] = _nils(want - n)
    return want


# -- pcall, metamethods, tail calls -------------------------------------------------------

def _pcall(vm, th, f, base, pc, fn, fslot, nargs, nres):
    """pcall(f, ...) / xpcall(f, handler): run f in a protected frame of this loop.

    Returns (base, pc, fn, multres) to continue with, or None when the call
    completed already; then th.multres holds the result count.
    """
    Q = vm.Q
    if nargs < 1:
        raise ArgError(1, ERRMSG["NOVAL"])
    handler = None
    cs = fslot + 2              # the called function's slot; its link goes to cs + 1
    if f.ffid == FF_xpcall:
        if nargs < 2:
            raise ArgError(2, ERRMSG["NOVAL"])
        handler = Q[fslot + 3]
        if handler >> TAG_BITS != TAG_FUNC:
            raise ArgError(2, ERRMSG["BADTYPE"] % ("function", typename(handler)))
        # LuaJIT 2.1 passes xpcall's extra arguments on; they already sit where f's
        # arguments go (the handler's slot becomes f's frame link)
        nargs -= 2
    else:
        nargs -= 1
        if nargs:
            # pcall's arguments after f move up one slot to make room for f's link
            if cs + 3 + nargs + LJ_STACK_EXTRA >= th.stack + th.size:
                d = grow(vm, th, nargs + 3 + LJ_STACK_EXTRA)
                cs += d
                fslot += d
                base += d
            Q[cs + 2:cs + 2 + nargs] = Q[cs + 1:cs + 1 + nargs]
    th.top = cs + 2 + nargs     # a handler run for a failed call goes above the arguments
    stk = th.stack
    while True:
        r = _pcall_enter(vm, th, base, pc, fn, fslot, cs, nargs, nres, f, handler)
        if r.__class__ is not TailCall:
            return r
        nargs = r.nargs     # the builtin left a function to call in its place at cs
        if th.stack != stk:
            d = th.stack - stk
            base, fslot, cs, stk = base + d, fslot + d, cs + d, th.stack


def _pcall_enter(vm, th, base, pc, fn, fslot, cs, nargs, nres, f, handler):
    """Call the function at cs in pcall's protected frame: see _pcall."""
    Q = vm.Q
    target = Q[cs]
    g = vm.funcs.get(target)
    rec = (FR_PCALL, base, pc, fn, fslot, nres, f, handler, cs)
    if g is None:
        mo = meta.call_mm(vm, target)
        g = vm.funcs.get(mo)
        if g is None:
            msg = vm.str((ERRMSG["BADCALL"] % typename(target)).encode())
            return _pcall_fail(vm, th, rec, msg, unwound=True)
        if cs + 4 + nargs + LJ_STACK_EXTRA >= th.stack + th.size:
            d = grow(vm, th, nargs + 4 + LJ_STACK_EXTRA)
            cs += d
            fslot += d
            base += d
            rec = (FR_PCALL, base, pc, fn, fslot, nres, f, handler, cs)
        Q[cs + 3:cs + 3 + nargs] = Q[cs + 2:cs + 2 + nargs]
        Q[cs + 2] = target
        Q[cs] = mo
        nargs += 1
    # f's frame links to pcall's own frame, two slots down (LuaJIT's ff_pcall)
    Q[cs + 1] = (2 << 3) | FRAME_PCALL
    if g.__class__ is LFunc:
        th.frames.append(rec)
        nb = _enter_lua(vm, th, g, cs, nargs)
        return nb, 1, g, 0
    if (g.ffid == FF_pcall or g.ffid == FF_xpcall) and _pcall_args_ok(vm, g, cs, nargs) \
            and not vm.loop_mode & 4:
        # pcall(pcall, f, ...): the inner pcall runs in this loop too (a yield in f
        # comes back to it), its results return through rec via the trampoline
        th.frames.append(rec)
        return _pcall_via_trampoline(vm, th, g, cs, nargs)
    th.top = cs + 2 + nargs
    th.cfunc = g
    th.fn = None        # g's caller is pcall, a C function: no Lua frame in between
    th.frames.append(rec)
    stk = th.stack
    try:
        r = g.f(vm, cs + 2, nargs)
    except YieldSignal as y:
        th.fn = fn
        y.to = ("pcall", len(th.frames) - 1)
        raise
    except Exception as e:
        th.cfunc = None
        th.fn = fn
        err = convert_error(vm, th, fn, pc, e, inner=g)
        rec = th.frames.pop()
        return _pcall_fail(vm, th, rec, err.value, unwound=True)
    th.cfunc = None
    th.fn = fn
    rec = th.frames.pop()
    if r.__class__ is TailCall:
        return r
    d = th.stack - stk
    cs, fslot = cs + d, fslot + d
    n = _write_results(vm, th, cs + 2, r)
    cs, fslot = rec[8], rec[4]
    Q[fslot] = TRUE
    if n:
        Q[fslot + 1:fslot + 1 + n] = Q[cs + 2:cs + 2 + n]
    th.multres = _fix_nres(vm, fslot, n + 1, nres)
    return None


def _pcall_fail(vm, th, rec, errval, unwound=False):
    """Deliver false and the error (or xpcall's handler results) to a pcall's destination.

    Returns the state (base, pc, fn, multres) of the pcall's caller.
    """
    _, base, pc, fn, dst, nres, cfunc, handler, cs = rec
    vm.close_upvals(th, cs)
    vals = [FALSE, errval]
    if handler is not None:
        stk = th.stack
        vals = [FALSE] + _run_handler(vm, th, handler, errval)
        # the handler may have grown the stack; rec, off the frame list, was not rebased
        base += th.stack - stk
        dst += th.stack - stk
    Q, D = vm.Q, vm.D
    for i, v in enumerate(vals):
        if v.__class__ is float:
            D[dst + i] = v
        else:
            Q[dst + i] = v
    multres = _fix_nres(vm, dst, len(vals), nres)
    th.multres = multres
    if th.size > STACK_CAP:
        vm.relimit_stack(th, max(dst + len(vals), base + fn.p.proto.framesize))
    if vm.arena.total >= vm.gc_threshold:
        # what the failed call built is garbage now (a memory error leaves a full heap):
        # the stack above the caller's frame is dead
        th.base = base
        th.top = max(dst + len(vals), base + fn.p.proto.framesize)
        vm.gc_check(th, th.top)
    if unwound:
        return None
    return base, pc, fn, multres


def _run_handler(vm, th, handler, errval):
    """xpcall's handler, called with the error value; its error is "error in error handling"."""
    if th.in_errfunc:
        return [vm.str(ERRMSG["ERRERR"].encode())]
    th.in_errfunc = True
    try:
        return _call_handler(vm, handler, errval)
    finally:
        th.in_errfunc = False


def _call_handler(vm, handler, errval):
    """The handler's one result (lj_err_run calls it for exactly one)."""
    try:
        r = vm.call(handler, [errval])
        return [r[0] if r else NIL]
    except LuaError as e:
        if getattr(e, "overflow_in_handler", False):
            # LuaJIT throws LUA_ERRERR from lj_state_growstack without a message of its
            # own: the caller gets the error being handled (the first "stack overflow")
            return [errval]
        return [vm.str(ERRMSG["ERRERR"].encode())]
    except RecursionError:
        return [vm.str(ERRMSG["ERRERR"].encode())]


def _mmcall(vm, th, fn, base, pc, call, kind, arg):
    """Run a metamethod `call` = (function, x, y[, z]) for the current instruction.

    A Lua metamethod gets a continuation frame above the current frame (the
    result is stored or tested when it returns); a builtin one runs at once.
    Returns the state (base, pc, fn) to continue with.
    """
    Q = vm.Q
    if call[0] >> TAG_BITS != TAG_FUNC:
        # a callable metamethod (a table or userdata with __call): called with itself first
        cm = meta.call_mm(vm, call[0])
        if cm >> TAG_BITS != TAG_FUNC:
            raise CallError(call[0])
        call = (cm,) + tuple(call)
    # the frame goes above the caller's frame; __concat's over the operands it consumes
    top = base + (arg if kind == CONT_CONCAT else fn.p.proto.framesize)
    nargs = len(call) - 1
    if top + nargs + 6 + LJ_STACK_EXTRA >= th.stack + th.size:
        d = grow(vm, th, nargs + 6 + LJ_STACK_EXTRA)
        base += d
        top += d
    # LuaJIT's FR2 continuation frame: [cont][pc][metamethod][link] args...
    mo = call[0]
    Q[top] = cont_word(kind, arg)
    Q[top + 1] = fn.p.retbase + 4 * pc
    Q[top + 2] = mo
    Q[top + 3] = ((top + 4 - base) << 3) | FRAME_CONT
    for i in range(nargs):
        Q[top + 4 + i] = call[1 + i]
    dst = base + arg if kind == CONT_STORE else 0
    rec = (FR_CONT, base, pc, fn, dst, kind, arg)
    f = vm.funcs[mo]
    if f.__class__ is LFunc:
        th.frames.append(rec)
        nb = _enter_lua(vm, th, f, top + 2, nargs)
        if vm.loop_mode & 1:
            nb += _hook_call(vm, th, f, nb)
        # the loop runs the callee's FUNCF part (hot count, JFUNCF, recording) next
        th.mm_enter = f if vm.loop_mode & 6 else None
        return nb, 1, f
    th.base, th.pc, th.fn = base, pc, fn
    th.top = top + 4 + nargs
    th.cfunc = f
    if vm.loop_mode & 1:
        d = _hook_ccall(vm, th, f)
        if d:
            top += d
            rec = _rebase(rec, d)
    stk = th.stack
    r = f.f(vm, top + 4, nargs)
    th.cfunc = None
    if r.__class__ is TailCall:
        r = resolve_tailcall(vm, th, top + 2, r)
    d = th.stack - stk
    n = _write_results(vm, th, top + 4 + d, r)
    rec = _rebase(rec, d) if d else rec
    nb, npc, nfn, _ = _return_special(vm, th, rec, top + 4 + d, n)
    return nb, npc, nfn


# The continuation word of a metamethod frame (LuaJIT stores lj_cont_* there): what to
# do with the result when the metamethod returns. The trace compiler reads it too.
CONT_RA, CONT_NOP, CONT_CAT, CONT_CONDT, CONT_CONDF = 1, 2, 3, 4, 5


def cont_word(kind, arg):
    if kind == CONT_STORE:
        return CONT_RA
    if kind == CONT_DROP:
        return CONT_NOP
    if kind == CONT_CONCAT:
        return CONT_CAT
    return CONT_CONDF if arg[1] else CONT_CONDT


def cont_record(vm, word, caller_base, caller_fn, pc, slot):
    """The FR_CONT record of a continuation frame rebuilt from its stack words (a trace
    exit restores metamethod frames the trace had inlined); its words start at `slot`
    of the caller's frame."""
    ins = caller_fn.p.code[pc - 1]
    if word == CONT_CAT:
        return (FR_CONT, caller_base, pc, caller_fn, 0, CONT_CONCAT, slot)
    if word == CONT_RA:
        a = ins[1]
        return (FR_CONT, caller_base, pc, caller_fn, caller_base + a, CONT_STORE, a)
    if word == CONT_NOP:
        return (FR_CONT, caller_base, pc, caller_fn, 0, CONT_DROP, 0)
    if word in (CONT_CONDT, CONT_CONDF):
        target = caller_fn.p.code[pc][3]
        return (FR_CONT, caller_base, pc, caller_fn, 0, CONT_COND,
                (target, word == CONT_CONDF))
    raise RuntimeErr("bad continuation %d" % word)


def _return_special(vm, th, rec, src, nr):
    """A return into a pcall or continuation record: (base, pc, fn, multres) of its caller."""
    Q = vm.Q
    if rec[0] == FR_PCALL:
        dst, nres = rec[4], rec[5]
        if nr:
            Q[dst + 1:dst + 1 + nr] = Q[src:src + nr]
        Q[dst] = TRUE
        return rec[1], rec[2], rec[3], _fix_nres(vm, dst, nr + 1, nres)
    v = Q[src] if nr else NIL
    kind = rec[5]
    pc = rec[2]
    if kind == CONT_STORE:
        Q[rec[4]] = v
    elif kind == CONT_COND:
        target, negate = rec[6]
        if (v != NIL and v != FALSE) != negate:
            pc = target
        else:
            pc += 1
    elif kind == CONT_CONCAT:
        # lj_cont_cat: the result replaces the operands it consumed; go on to the left
        base, fn, slot = rec[1], rec[3], rec[6]
        Q[base + slot] = v
        base, pc, fn = _concat_meta(vm, th, fn, base, pc, slot)
        return base, pc, fn, 0
    return rec[1], pc, rec[3], 0


def _tailcall(vm, th, base, fslot, nargs, a):
    """CALLT: replace the current frame by the callee's.

    Returns (base, fn) for a Lua callee. A builtin callee runs at once: returns
    its result count, the results are at th.tail_src.
    """
    Q = vm.Q
    f = vm.funcs.get(Q[fslot])
    if f is None:
        stk = th.stack
        f, nargs = _call_mm(vm, th, fslot, nargs, a)
        d = th.stack - stk
        base += d
        fslot += d
    # The callee replaces the frame: leave a vararg part first, then move the function
    # and its arguments down, keeping the frame link (LuaJIT's CALLT, for builtins too).
    link = Q[base - 1]
    if link & 3 == FRAME_VARG:
        base -= link >> 3
        link = Q[base - 1]
    Q[base - 2:base + nargs] = Q[fslot:fslot + 2 + nargs]
    Q[base - 1] = link
    fslot = base - 2
    if f.__class__ is LFunc:
        return (_enter_lua(vm, th, f, fslot, nargs), f)
    if (f.ffid == FF_pcall or f.ffid == FF_xpcall) and _pcall_in_loop(vm, th, f, fslot, nargs):
        rec = th.frames[-1]
        if rec[0] == FR_LUA and rec[4] == fslot:
            return _tail_pcall(vm, th, f, fslot, nargs)
        return _tail_pcall_trampolined(vm, th, f, fslot, nargs)
    return _tail_builtin(vm, th, f, fslot, nargs, vm.loop_mode & 1)


def _pcall_args_ok(vm, f, fslot, nargs):
    """pcall/xpcall at fslot has what it needs (otherwise the builtin raises the
    error, worded as for the way it was reached)."""
    if f.ffid == FF_pcall:
        return nargs >= 1
    return nargs >= 2 and vm.Q[fslot + 3] >> TAG_BITS == TAG_FUNC


def _pcall_in_loop(vm, th, f, fslot, nargs):
    """Can a tail-called pcall/xpcall run in this loop?"""
    if not _pcall_args_ok(vm, f, fslot, nargs) or not th.frames:
        return False
    rec = th.frames[-1]
    # otherwise (a C boundary: a coroutine's main function, a function the host
    # called; a pcall or a metamethod frame) the trampoline takes the results
    # back; not while a trace is being recorded
    return (rec[0] == FR_LUA and rec[4] == fslot) or not vm.loop_mode & 4


def _tail_pcall_trampolined(vm, th, f, fslot, nargs):
    """CALLT of pcall/xpcall from a frame whose caller is not a plain Lua call (C, a
    pcall, a metamethod): the protected call runs in this loop with a continuation
    in `return ...`'s RETM (vm_return_trampoline), which returns the results
    through the caller's record when it completes. The trampoline is no frame of
    its own for debug.getinfo, tracebacks or hooks."""
    if vm.loop_mode & 1:
        tramp = vm_return_trampoline(vm)
        # pcall's caller is gone (the frame it replaced): the hook sees no name
        th.base, th.pc, th.fn = fslot, len(tramp.p.code) - 1, tramp
        fslot += _hook_pcall(vm, th, f, fslot, nargs)
    return _pcall_via_trampoline(vm, th, f, fslot, nargs)


def _pcall_via_trampoline(vm, th, f, fslot, nargs):
    """Run pcall/xpcall f at fslot with the trampoline's RETM as its continuation;
    returns the state (base, pc, fn, multres) to go on with."""
    tramp = vm_return_trampoline(vm)
    pc = len(tramp.p.code) - 1          # its RETM
    th.base, th.pc, th.fn = fslot, pc, tramp
    stk = th.stack
    try:
        r = _pcall(vm, th, f, fslot, pc, tramp, fslot, nargs, -1)
    except YieldSignal as y:
        if y.caller is None:
            y.caller = (tramp, fslot + th.stack - stk, pc)
        raise
    if r is None:
        r = (fslot + th.stack - stk, pc, tramp, th.multres)
    return r


def vm_return_trampoline(vm):
    """The function `return ...`, made once per VM and kept alive: its last
    instruction, RETM, returns whatever multiple results sit at its base."""
    tramp = vm.return_trampoline
    if tramp is None:
        from .loader import load as compile_source
        tv = vm.new_lfunc(vm.load_proto(compile_source(b"return ...", "=[C]")), [], vm.globals)
        vm.pinned[tv] = vm.pinned.get(tv, 0) + 1
        tramp = vm.return_trampoline = vm.funcs[tv]
    return tramp


def _tail_pcall(vm, th, f, fslot, nargs):
    """CALLT of pcall/xpcall: the protected call runs in this loop, as if the caller
    had called pcall where it called this frame (LuaJIT's ff_pcall replaces the
    frame), so the protected function may yield. Returns (base, pc, fn, multres)."""
    _, base, pc, fn, _, nres, _ = th.frames.pop()
    th.base, th.pc, th.fn = base, pc, fn
    if vm.loop_mode & 1:
        d = _hook_pcall(vm, th, f, fslot, nargs)
        fslot += d
        base += d
    stk = th.stack
    try:
        r = _pcall(vm, th, f, base, pc, fn, fslot, nargs, nres)
    except YieldSignal as y:    # pcall(coroutine.yield, ...): resumed in the caller
        y.caller = (fn, base + th.stack - stk, pc)
        raise
    if r is None:       # completed at once: results at fslot, count in th.multres
        r = (base + th.stack - stk, pc, fn, th.multres)
    return r


def _tail_builtin(vm, th, f, fslot, nargs, hook):
    """Run builtin f that replaced the Lua frame at fslot (CALLT); returns its result
    count (results at th.tail_src), or the state of a Lua function it tail-called."""
    th.top = fslot + 2 + nargs
    th.cfunc = f
    th.ctail = True         # the builtin replaced the Lua frame (see debuginfo.frames)
    if hook:
        fslot += _hook_ccall(vm, th, f)
    stk = th.stack
    try:
        r = f.f(vm, fslot + 2, nargs)
    except YieldSignal as y:
        th.ctail = False
        y.to = ("tail", fslot - th.stack)
        raise
    th.ctail = False
    th.cfunc = None
    fslot += th.stack - stk
    if r.__class__ is TailCall:
        return _tailcall_again(vm, th, fslot, r.nargs)
    n = _write_results(vm, th, fslot, r)
    th.tail_src = fslot
    return n


def _tailcall_again(vm, th, fslot, nargs):
    """A builtin reached by CALLT answered TailCall: the function it left at fslot
    replaces it (see _tailcall)."""
    g = vm.funcs.get(vm.Q[fslot])
    if g is None:
        stk = th.stack
        try:
            g, nargs = _call_mm(vm, th, fslot, nargs, None)
        except CallError as e:
            raise _tail_call_error(vm, th, e.value) from None
        fslot += th.stack - stk
    if g.__class__ is LFunc:
        return (_enter_lua(vm, th, g, fslot, nargs), g)
    return _tail_builtin(vm, th, g, fslot, nargs, False)


def _tail_call_error(vm, th, value):
    """Calling a non-function in place of a replaced frame: LuaJIT words it from the
    caller's CALL instruction (its location and its name for the callee), or without
    either when the caller is C."""
    rec = th.frames[-1] if th.frames else None
    if rec is not None and rec[0] == FR_LUA and rec[3] is not None:
        caller, pc = rec[3], rec[2]
        slot = (caller.p.proto.code[pc - 1] >> 8) & 0xFF
        return convert_error(vm, th, caller, pc, CallError(value, slot))
    return LuaError(vm.str((ERRMSG["BADCALL"] % typename(value)).encode()))


def resolve_tailcall(vm, th, fslot, r):
    """A builtin's TailCall where no frame can be replaced: call the function it left at
    fslot from here (a C boundary) and return its results."""
    Q = vm.Q
    return vm.call(Q[fslot], list(Q[fslot + 2:fslot + 2 + r.nargs]))


def _ffh_tailcall(vm, th, base, pc, fn, fslot, nargs, nres, a):
    """CALL of a builtin that answered TailCall: call the function it left at fslot in
    its place, as if the CALL instruction had called it. Returns the loop's state."""
    Q = vm.Q
    while True:
        g = vm.funcs.get(Q[fslot])
        if g is None:
            stk = th.stack
            g, nargs = _call_mm(vm, th, fslot, nargs, a)
            d = th.stack - stk
            base += d
            fslot += d
        if g.__class__ is LFunc:
            th.frames.append((FR_LUA, base, pc, fn, fslot, nres, None))
            return _enter_lua(vm, th, g, fslot, nargs), 1, g, 0
        th.top = fslot + 2 + nargs
        th.cfunc = g
        stk = th.stack
        try:
            r = g.f(vm, fslot + 2, nargs)
        except YieldSignal as y:
            y.to = ("call", fslot - th.stack, nres)
            raise
        th.cfunc = None
        d = th.stack - stk
        base += d
        fslot += d
        if r.__class__ is not TailCall:
            break
        nargs = r.nargs
    n = _write_results(vm, th, fslot, r)
    return base, pc, fn, _fix_nres(vm, fslot, n, nres)


# -- Slow paths ------------------------------------------------------------------------------

def _arith(vm, op, base, b, c):
    """Arithmetic not inlined in the loop: VN/NV/VV forms, POW, UNM, LEN."""
    Q, D = vm.Q, vm.D
    if op == BC_UNM:
        x = D[base + c]
        if x == x:
            return -x
        return meta.unm(vm, Q[base + c], c)
    if op == BC_LEN:
        v = Q[base + c]
        if v >> TAG_BITS == TAG_STR:
            return float(len(vm.str_by_tv[v]))
        if v >> TAG_BITS == TAG_TAB:
            return float(tab.length(vm, ((v & PAYLOAD) - vm.base) >> 3))
        return meta.length(vm, v, c)
    if op == BC_POW:
        x, y = D[base + b], D[base + c]
        if x == x and y == y:
            return c_pow(x, y)
        return meta.arith(vm, 5, Q[base + b], Q[base + c], b, c)
    if op <= BC_MODVN:
        opr = op - BC_ADDVN
        x, y = D[base + b], c
    elif op <= BC_MODNV:
        opr = op - BC_ADDNV
        x, y = c, D[base + b]
    else:
        opr = op - BC_ADDVV
        x, y = D[base + b], D[base + c]
    if x == x and y == y:
        return ARITH[opr](x, y)
    if op <= BC_MODVN:
        return meta.arith(vm, opr, Q[base + b], vm.num(c), b, None)
    if op <= BC_MODNV:
        return meta.arith(vm, opr, vm.num(c), Q[base + b], None, b)
    return meta.arith(vm, opr, Q[base + b], Q[base + c], b, c)


def _for_coerce(vm, ra):
    """lj_meta_for: numeric strings become numbers; anything else is an error."""
    Q, D = vm.Q, vm.D
    for i, em in ((0, "FORINIT"), (1, "FORLIM"), (2, "FORSTEP")):
        v = Q[ra + i]
        if v >= NUM_LIMIT:
            n = None
            if v >> TAG_BITS == TAG_STR:
                n = scan_number(vm.str_by_tv[v], tonumber=True)
            if n is None:
                raise RuntimeErr(ERRMSG[em])
            D[ra + i] = n


def _concat(vm, base, b, c):
    """CAT B..C of strings and numbers; None when some operand is neither."""
    Q = vm.Q
    str_by_tv = vm.str_by_tv
    parts = []
    for v in Q[base + b:base + c + 1]:
        s = str_by_tv.get(v)
        if s is None:
            if v < NUM_LIMIT:
                s = fmt_number(vm.D[base + b + len(parts)]).encode()
            else:
                return None
        parts.append(s)
    if sum(map(len, parts)) >= LJ_MAX_STR:
        raise RuntimeErr(ERRMSG["STROV"])
    return vm.str(b"".join(parts))


def _concat_meta(vm, th, fn, base, pc, top):
    """lj_meta_cat: concatenate slots B..top of the CAT before pc from the right, as
    many strings and numbers at a time as possible; the partial result stays in the
    leftmost slot it covers. A __concat metamethod gets a continuation frame over
    slots top-1.. (LuaJIT's layout, which the recorder mirrors); CONT_CONCAT resumes
    here when it returns. Returns the state (base, pc, fn) to continue with."""
    Q = vm.Q
    _, a, b, _, _ = fn.p.code[pc - 1]
    th.base, th.pc, th.fn = base, pc, fn
    th.top = base + fn.p.proto.framesize
    while top > b:
        x, y = Q[base + top - 1], Q[base + top]
        if meta.tostr_coerce(vm, x) is None or meta.tostr_coerce(vm, y) is None:
            # errors name the operand by its slot, as lj_err_optype does
            call = meta.concat_pair(vm, x, y, top - 1, top)
            return _mmcall(vm, th, fn, base, pc, call, CONT_CONCAT, top - 1)
        o = top - 1
        while o > b and meta.tostr_coerce(vm, Q[base + o - 1]) is not None:
            o -= 1
        parts = [meta.tostr_coerce(vm, v) for v in Q[base + o:base + top + 1]]
        if sum(map(len, parts)) >= LJ_MAX_STR:
            raise RuntimeErr(ERRMSG["STROV"])
        Q[base + o] = vm.str(b"".join(parts))
        top = o
    Q[base + a] = Q[base + b]
    return base, pc, fn


def _closure(vm, th, fn, base, child, fnq):
    """FNEW: a closure of prototype `child` (a PInfo) in the current frame."""
    uvs = []
    parent_uvs = fn.uvs
    for desc in child.proto.uv:
        if desc & PROTO_UV_LOCAL:
            u = vm.new_upval_open(th, base + (desc & 0xFF))
            # lj_func_newL_gc: immutability and the disambiguation hash the JIT's alias
            # analysis uses (the parent's bytecode address and the descriptor).
            vm.B[(u << 3) + 11] = (desc >> 14) & 1
            vm.I[((u << 3) + 40) >> 2] = (fn.p.retbase ^ (desc << 24)) & 0xFFFFFFFF
            uvs.append(u)
        else:
            uvs.append(parent_uvs[desc])
    return vm.new_lfunc(child, uvs, TAB | vm.Q[fnq + 2])


def _varg(vm, th, fn, base, a, b):
    """VARG: the varargs of the current frame to A.. ; returns their count (MULTRES)."""
    Q = vm.Q
    delta = Q[base - 1] >> 3
    np = fn.p.proto.numparams
    nvar = delta - 2 - np
    if nvar < 0:
        nvar = 0
    want = b - 1
    if want < 0:
        if base + a + nvar + LJ_STACK_EXTRA >= th.stack + th.size:
            base += grow(vm, th, nvar + LJ_STACK_EXTRA)
        src = base - delta + np
        dst = base + a
        if nvar:
            Q[dst:dst + nvar] = Q[src:src + nvar]
        return nvar
    src = base - delta + np
    dst = base + a
    n = nvar if nvar < want else want
    if n:
        Q[dst:dst + n] = Q[src:src + n]
    if n < want:
        Q[dst + n:dst + want] = _nils(want - n)
    return 0


def _despecialize(vm, p, pc, target):
    """ISNEXT found no next()/table/nil: turn it into JMP and its ITERN into ITERC."""
    _, a, _, c, _ = p.code[pc]
    p.code[pc] = (BC_JMP, a, 0, c, 0)
    _, ia, ib, ic, _ = p.code[target]
    p.code[target] = (BC_ITERC, ia, ib, ic, 0)
    vm.patch_op(p, pc, BC_JMP)
    vm.patch_op(p, target, BC_ITERC)


# -- Coroutine resume delivery --------------------------------------------------------------

def _deliver_resume(vm, th, resume, fn, base, pc):
    """Put the values passed to resume where the yield's caller expects them.

    Returns (base, pc, fn, multres) to continue with, or a list: the coroutine's
    results when the yield was tail-called by its main function.
    """
    values, to = resume
    stk = th.stack
    if to[0] == "call":
        dst = th.stack + to[1]
        multres = _store_results(vm, th, dst, values, to[2])
        return base + th.stack - stk, pc, fn, multres
    if to[0] == "tail":
        # the yield replaced a Lua frame (return coroutine.yield(...)): its values
        # are that frame's results
        src = th.stack + to[1]
        nr = _write_many(vm, th, src, values)
        src += th.stack - stk
        return _return_from_tail(vm, th, src, nr)
    rec = th.frames[to[1]]
    del th.frames[to[1]:]
    dst, nres = rec[4], rec[5]
    multres = _store_results(vm, th, dst, [TRUE] + list(values), nres)
    return base + th.stack - stk, pc, fn, multres


def _return_from_tail(vm, th, src, nr):
    """Return nr values at src from the frame on top of th.frames (see BC_CALLT)."""
    Q = vm.Q
    rec = th.frames.pop()
    if rec[0] == FR_C:
        return list(Q[src:src + nr])
    if rec[0] == FR_LUA:
        dst, want = rec[4], rec[5]
        multres = 0
        if want < 0:
            multres = want = nr
        n = nr if nr < want else want
        if n:
            Q[dst:dst + n] = Q[src:src + n]
        if nr < want:
            Q[dst + nr:dst + want] = _nils(want - nr)
        return rec[1], rec[2], rec[3], multres
    return _return_special(vm, th, rec, src, nr)


def _store_results(vm, th, dst, values, nres):
    n = _write_many(vm, th, dst, values)
    return _fix_nres(vm, dst, n, nres)


# -- Errors ------------------------------------------------------------------------------------

ISTYPE_TAG = {5: TAG_STR, 9: TAG_FUNC, 12: TAG_TAB}
ISTYPE_NAME = {5: "string", 9: "function", 12: "table", 15: "number"}


def _check_arg(vm, th, base, a, tp):
    """lj_meta_istype: an argument check of a bytecode builtin failed its fast test.

    Numeric strings and numbers are converted in place where LuaJIT's checknum and
    checkstr do; anything else is "bad argument #n to 'name'", named and located
    by the builtin's caller.
    """
    slot = base + a
    v = vm.Q[slot]
    if tp == 15 and v >> TAG_BITS == TAG_STR:
        x = scan_number(vm.str_by_tv[v], tonumber=True)
        if x is not None:
            vm.D[slot] = x
            return
    elif tp == 5 and v < NUM_LIMIT:
        vm.Q[slot] = vm.str(fmt_number(vm.D[slot]).encode())
        return
    err = ArgError(a + 1, ERRMSG["BADTYPE"] % (ISTYPE_NAME[tp], typename(v)))
    rec = th.frames[-1]
    if rec[0] == FR_LUA:
        caller, pc = rec[3], rec[2]
        msg = location(caller.p.proto, pc) + " " + _argerror_msg(caller.p.proto, pc, err)
    else:
        msg = _argerror_msg(None, 0, err, inner=True)
    raise LuaError(vm.str(msg.encode("utf-8", "surrogateescape")))


def _jloop_continues(vm, base, op, a, D, Q):
    """JFORL/JITERL do what FORL/ITERL do; True when the loop goes on (into the trace)."""
    if op == BC_JFORL:
        ra = base + a
        st = D[ra + 2]
        i = D[ra] + st
        D[ra] = i
        D[ra + 3] = i
        if st > 0 or not (st < 0 or _copysign(1.0, st) < 0):
            return i <= D[ra + 1]
        return i >= D[ra + 1]
    if op == BC_JITERL:
        v = Q[base + a]
        if v == NIL:
            return False
        Q[base + a - 1] = v
    return True


def convert_error(vm, th, fn, pc, e, inner=None):
    """Turn an exception raised while running (fn, pc) into a LuaError with LuaJIT's words."""
    if isinstance(e, LuaError):
        return e
    proto = fn.p.proto if fn is not None else None
    # lj_debug_addloc: a builtin called from C (here: by pcall) has no Lua location
    where = location(proto, pc) if inner is None and proto is not None else ""
    if isinstance(e, RuntimeErr):
        msg = e.msg
    elif isinstance(e, (OpError, CallError)):
        kind = name = None
        if e.slot is not None and proto is not None:
            kind, name = slotname(proto, pc - 1, e.slot)
        opname = e.op if isinstance(e, OpError) else "OPCALL"
        msg = optype_message(opname, typename(e.value), kind, name)
    elif isinstance(e, CompareError):
        msg = compare_message(typename(e.v1), typename(e.v2))
    elif isinstance(e, ArgError):
        msg = _argerror_msg(proto, pc, e, inner)
    elif isinstance(e, ArenaFull):
        msg, where = ERRMSG["ERRMEM"], ""
        vm.gc_threshold = 0         # collect at the next chance
    elif isinstance(e, RecursionError):
        msg = ERRMSG["STKOV"]
    elif isinstance(e, tab.TableError):
        msg = str(e)
    else:
        msg = "internal error: %s: %s" % (type(e).__name__, e)
        if os.environ.get("MOONLENS_DEBUG"):
            import traceback
            traceback.print_exception(e)
    if where:
        msg = where + " " + msg
    return LuaError(vm.str(msg.encode("utf-8", "surrogateescape")))


def _convert_tail_error(vm, th, fn, pc, e):
    """An error of a builtin reached by CALLT: fn's frame is gone, so the builtin's
    name and location come from fn's caller (none when that is C, e.g. pcall)."""
    if not isinstance(e, (ArgError, RuntimeErr)):
        return convert_error(vm, th, fn, pc, e)
    rec = th.frames[-1] if th.frames else None
    if rec is not None and rec[0] == FR_LUA and rec[3] is not None:
        return convert_error(vm, th, rec[3], rec[2], e)
    return convert_error(vm, th, fn, pc, e, inner=True)


def _argerror_msg(proto, pc, e, inner=None):
    """err_argmsg: "bad argument #n to 'name' (msg)" with the name the caller used."""
    if inner is not None:
        return ERRMSG["BADARG"] % (e.narg, "?", e.msg)
    kind, name = funcname(proto, pc)
    narg = e.narg
    if kind is None:
        name = "?"
    elif kind == "method":
        narg -= 1
        if narg == 0:
            return ERRMSG["BADSELF"] % (name, e.msg)
    return ERRMSG["BADARG"] % (narg, name, e.msg)


def _unwind(vm, th, entry, err):
    """Deliver an error to the innermost pcall record above this loop's boundary.

    Returns the state to continue with, or None when the error leaves the loop
    (the records down to and including the boundary are gone then).
    """
    frames = th.frames
    for i in range(len(frames) - 1, entry, -1):
        rec = frames[i]
        if rec[0] == FR_PCALL:
            if rec[7] is not None:
                # xpcall: the handler sees the stack as it was at the error
                vals = err.handler_values if getattr(err, "handled", False) else \
                    _run_handler(vm, th, rec[7], err.value)
                rec = frames[i]     # rebased if the handler grew (moved) the stack
                del frames[i:]
                vm.close_upvals(th, rec[8])
                return _pcall_fail_vals(vm, th, rec, vals)
            del frames[i:]
            return _pcall_fail(vm, th, rec, err.value)
    run_outer_handler(vm, th, entry, err)
    if entry == 0 and th is not vm.main:
        return None     # the coroutine dies: its stack stays as it was (debug.traceback)
    del frames[entry:]
    return None


def run_outer_handler(vm, th, entry, err):
    """An error leaves the loop (or C call) whose boundary record is frames[entry]: the
    error function of the protected call that will catch it runs now, while the
    stack is intact, as LuaJIT runs L->errfunc before unwinding. The result travels
    with the error (err.handled)."""
    if getattr(err, "handled", False):
        return
    frames = th.frames
    for i in range(entry, -1, -1):
        rec = frames[i]
        if rec[0] == FR_PCALL:
            if rec[7] is not None:
                err.handler_values = _run_handler(vm, th, rec[7], err.value)
            err.handled = True
            return
        if rec[0] == FR_C and len(rec) > 7 and rec[7] is not None:
            err.handled = True
            if th.in_errfunc:       # an error inside an error function (lj_err_run)
                err.value = vm.str(ERRMSG["ERRERR"].encode())
                return
            th.in_errfunc = True
            try:
                err.value = rec[7](err.value)   # lua_pcall's error function
            finally:
                th.in_errfunc = False
            return


def keep_error(value):
    """The error function of a lua_pcall without one: the error stays as it is (and no
    outer error function runs for it)."""
    return value


def run_error_handler(vm, handler, value):
    """xpcall's handler (a Lua value) on an error value: its results. This is the
    error function of a boundary record, which run_outer_handler calls with the
    thread already marked as running one."""
    return _call_handler(vm, handler, value)


def _pcall_fail_vals(vm, th, rec, vals):
    _, base, pc, fn, dst, nres = rec[:6]
    multres = _store_results(vm, th, dst, [FALSE] + vals, nres)
    if th.size > STACK_CAP:
        vm.relimit_stack(th, max(dst + len(vals) + 1, base + fn.p.proto.framesize))
    return base, pc, fn, multres


# -- Loop variants ---------------------------------------------------------------------------

_LITERAL_NAMES = ("NIL", "FALSE", "TRUE", "NUM_LIMIT", "PAYLOAD", "TAG_BITS", "TAG_TAB", "TAB",
                  "TABEND",
                  "TAG_STR", "TAG_UDATA", "TAG_FUNC", "CANON_NAN", "KEYINDEX", "FR_LUA",
                  "FR_PCALL", "FR_CONT", "FR_C", "CONT_STORE", "CONT_DROP", "CONT_COND",
                  "FF_next", "FF_pcall", "FF_xpcall", "PROTO_VARARG")
# loop_mode bit 0: debug hooks; bit 1: hot counting (an attached trace compiler);
# bit 2: recording a trace (every instruction goes to the recorder first).

# A hook is Lua code run on this thread's stack: it may grow (move) the stack, so
# every hook snippet rebases the loop's slot locals after it (_REBASE).
# (hd, not d: d is the instruction's operand, still to be used)
_REBASE = ["if th.stack != stk:",
           "    hd = th.stack - stk",
           "    base += hd",
           "    stk = th.stack"]
_SNIPPETS = {
    (1, "@instr"): ["_hook_instr(vm, th, fn, base, pc, op, multres)"] + _REBASE,
    (1, "@enter"): ["_hook_call(vm, th, fn, base)"] + _REBASE,
    (1, "@ccall"): ["_hook_ccall(vm, th, f)"] + _REBASE + ["    fslot += hd"],
    (1, "@ccall-iter"): ["_hook_ccall(vm, th, f)"] + _REBASE + ["    ra += hd"],
    (1, "@pcall"): ["if f.ffid == FF_pcall or f.ffid == FF_xpcall:",
                    "    _hook_pcall(vm, th, f, fslot, nargs)"] + _REBASE + ["    fslot += hd"],
    (2, "@enter"): ["if code[0][0] == BC_JFUNCF:",
                    "    th.multres = multres",
                    "    base, pc, fn, multres = vm.jit.run_trace(th, fn, base, 0, code[0][3])",
                    "    p, code, uvs, fnq, stk = _state(vm, th, fn)",
                    "    if vm.loop_mode != MODE:",
                    "        th.switch = (fn, base, pc, None, multres, None)",
                    "        raise _SwitchLoop()",
                    "    continue",
                    "if not p.proto.flags & PROTO_VARARG:",
                    "    hi = p.hotbase & 63",
                    "    hot[hi] -= 1",
                    "    if hot[hi] < 0:",
                    "        vm.hot_call(th, fn, base)",
                    "        if vm.loop_mode != MODE:",
                    "            th.switch = (fn, base, pc, None, multres, None)",
                    "            raise _SwitchLoop()"],
    # a Lua function called from a builtin (vm.call) or a coroutine's start: its FUNCF
    # a Lua function called from C (a coroutine's start, sort's comparator, a
    # metamethod run by a builtin) starts here: its call hook
    (1, "@start"): ["if resume is None and pc == 1:",
                    "    _hook_call(vm, th, fn, base)"] + ["    " + x for x in _REBASE],
    (2, "@start"): ["if resume is None and pc == 1:",
                    "    if code[0][0] == BC_JFUNCF:",
                    "        th.multres = multres",
                    "        base, pc, fn, multres = vm.jit.run_trace(th, fn, base, 0, code[0][3])",
                    "        p, code, uvs, fnq, stk = _state(vm, th, fn)",
                    "    elif not p.proto.flags & PROTO_VARARG:",
                    "        hi = p.hotbase & 63",
                    "        hot[hi] -= 1",
                    "        if hot[hi] < 0:",
                    "            vm.hot_call(th, fn, base)",
                    "    if vm.loop_mode != MODE:",
                    "        th.switch = (fn, base, pc, None, multres, None)",
                    "        raise _SwitchLoop()"],
    # a builtin returned: the stitch continuation of a trace that ended at its call
    (2, "@cret"): ["if vm.jit.stitch_pending:",
                   "    vm.jit.stitch_return(th, fn, base, pc - 1)"],
    # a coroutine resumed after a yield (the yield call "returned"), or an iterator
    # builtin returned to its ITERC, results in place: a stitch continuation starts
    (2, "@resumed"): ["if vm.jit.stitch_pending:",
                      "    vm.jit.stitch_return(th, fn, base, pc - 1)",
                      "    if vm.loop_mode != MODE:",
                      "        th.switch = (fn, base, pc, None, multres, None)",
                      "        raise _SwitchLoop()"],
    (2, "@hotloop"): ["hi = (p.hotbase + pc - 1) & 63",
                      "hot[hi] -= 2",
                      "if hot[hi] < 0:",
                      "    vm.hot_loop(th, fn, base, pc - 1)",
                      "    if vm.loop_mode != MODE:",
                      "        th.hook_skip = MODE & 1",
                      "        th.switch = (fn, base, pc - 1, None, multres, None)",
                      "        raise _SwitchLoop()"],
    (4, "@instr"): ["vm.jit.ins(th, fn, base, pc - 1, multres)",
                    "if vm.loop_mode != MODE:",
                    "    th.hook_skip = MODE & 1",
                    "    th.switch = (fn, base, pc - 1, None, multres, None)",
                    "    raise _SwitchLoop()",
                    "op, a, b, c, d = code[pc - 1]"],
    # recording ended at this function's entry: the entry is dispatched again, as
    # LuaJIT re-reads the instruction, so a trace just patched in (JFUNCF) runs now
    (4, "@enter"): ["vm.jit.ins(th, fn, base, 0, multres)",
                    "if vm.loop_mode != MODE:",
                    "    if code[0][0] == BC_JFUNCF and not vm.loop_mode & 4:",
                    "        th.multres = multres",
                    "        base, pc, fn, multres = vm.jit.run_trace(th, fn, base, 0,",
                    "                                                 code[0][3])",
                    "    th.switch = (fn, base, pc, None, multres, None)",
                    "    raise _SwitchLoop()"],
}


def _loop_source():
    """The text of `_loop`: from its def to the next top-level line. (inspect.getsource
    tokenizes the whole module, a third of the start-up time of `moonlens run`.)"""
    with open(__file__, encoding="utf-8") as f:
        lines = f.read().splitlines()
    first = _loop.__code__.co_firstlineno - 1
    end = first + 1
    while end < len(lines) and (not lines[end] or lines[end][0] in " #"):
        end += 1
    return lines[first:end]


def _variant(mode):
    """The loop's source with the markers of `mode` filled in, compiled."""
    out = []
    for line in _loop_source():
        stripped = line.strip()
        if stripped.startswith("# @"):
            marker = stripped[2:]
            indent = line[:len(line) - len(line.lstrip())]
            conditional = marker.endswith("-if")
            if conditional:
                marker = marker[:-3]
            from_mm = marker == "@enter-mm"
            if from_mm:
                # a metamethod call entered a Lua function: _mmcall already ran the
                # call hook; the JIT's part of @enter runs here
                marker = "@enter"
            body = []
            for bit in (2, 4) if from_mm else (1, 2, 4):
                if mode & bit:
                    body += _SNIPPETS.get((bit, marker), [])
            if body and conditional:
                out.append(indent + "if pc == 1:")
                indent += "    "
            elif body and from_mm:
                out += [indent + "if th.mm_enter is fn:", indent + "    th.mm_enter = None"]
                indent += "    "
            out.extend(indent + b for b in body)
            continue
        out.append(line)
    code = "\n".join(out).replace("def _loop(", "def _loop_%d(" % mode, 1)
    code = _LITERAL.sub(lambda m: str(_CONSTANTS[m.group(0)]), code)
    namespace = dict(globals())
    namespace["MODE"] = mode
    exec(compile(code, "<interp variant %d>" % mode, "exec"), namespace)
    return namespace["_loop_%d" % mode]


def _hook_instr(vm, th, fn, base, pc, op, multres):
    if th.hook_skip:
        # the instruction is re-dispatched after a change of loop variant: its hooks
        # ran before the change (LuaJIT re-dispatches past lj_dispatch_ins)
        th.hook_skip = 0
        return
    hook = vm.hook
    if hook is not None and not th.in_hook and fn is not vm.return_trampoline:
        th.fn, th.pc, th.base = fn, pc, base
        # the hook runs above the frame's slots and any multiple results (cur_topslot)
        th.top = base + fn.p.proto.framesize + multres
        hook.instr(vm, th, fn, pc - 1, op)


def _hook_ccall(vm, th, f):
    """A builtin is about to run (th.cfunc, called from th.fn): LuaJIT's call hook
    for C functions. Returns how far the hook moved the stack (it may grow it)."""
    hook = vm.hook
    if hook is None or th.in_hook:
        return 0
    stk = th.stack
    hook.ccall(vm, th, f)
    return th.stack - stk


def _hook_pcall(vm, th, f, fslot, nargs):
    """pcall/xpcall at fslot, about to run in the loop: its C call hook. Returns
    how far the stack moved."""
    th.top = fslot + 2 + nargs
    th.cfunc = f
    d = _hook_ccall(vm, th, f)
    th.cfunc = None
    return d


def _hook_call(vm, th, fn, base):
    """A Lua function was entered: its call hook. Returns how far the stack moved."""
    hook = vm.hook
    if hook is None or th.in_hook:
        return 0
    th.fn, th.pc, th.base = fn, 1, base
    th.top = base + fn.p.proto.framesize
    stk = th.stack
    hook.call(vm, th, fn)
    return th.stack - stk


# Opcode and tag names become literals in the generated variants: LOAD_CONST beats
# LOAD_GLOBAL in the hottest loop of the program.
_CONSTANTS = {name: value for name, value in globals().items()
              if (name.startswith("BC_") or name in _LITERAL_NAMES) and isinstance(value, int)}
_LITERAL = re.compile(r"\b(?:%s)\b" % "|".join(sorted(_CONSTANTS, key=len, reverse=True)))

MODE = 0
_LOOPS = [_variant(0)] + [None] * 7


def _loop_for(mode):
    loop = _LOOPS[mode]
    if loop is None:
        loop = _LOOPS[mode] = _variant(mode)
    return loop
