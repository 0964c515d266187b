"""The garbage collector: non-moving mark and sweep at interpreter safepoints.

A collection runs as one atomic cycle, only where every live value is in the
arena: at the allocating instructions (TNEW, TDUP, FNEW, CAT), after builtin
calls, and in collectgarbage(). So no write barriers are needed.

Roots: the registry, the main thread's globals, the base metatables, the
metamethod names, every thread that is running or has resumed another one,
and values pinned by Python code (vm.pinned: debugger, language server).
Each thread's stack is marked up to its top; the slots above are cleared, as
LuaJIT's atomic phase does.

Weak tables (__mode with 'k' and/or 'v') lose entries whose key or value died;
strings are values and never weak. Userdata with __gc are finalised newest
first, each once, after the sweep; a finaliser's error propagates from the
safepoint (or collectgarbage call) where the collector ran, as in LuaJIT 2.1,
and the other pending finalisers run at the next collection. lua_close
(vm.close_state) finalises everything left.

Pacing follows LuaJIT's parameters: after a cycle the threshold is
live * pause / 100 (pause 200 by default).
"""

from . import table as tab
from .layout import (
    MM_gc, MM_mode, NIL, NUM_LIMIT, PAYLOAD, TAG_BITS, TAG_FUNC, TAG_PROTO, TAG_STR,
    TAG_TAB, TAG_THREAD, TAG_UDATA, TAG_UPVAL,
)
from .state import LFunc

GC_PAUSE = 200
GC_STEPMUL = 200
GC_STEPSIZE = 1024
MIN_THRESHOLD = 1 << 20
FR_PCALL = 1                # interp.FR_PCALL (interp imports this module's users)


class Collector:
    def __init__(self, vm):
        self.vm = vm
        self.pause = GC_PAUSE
        self.stepmul = GC_STEPMUL
        self.running = True
        self.cycles = 0
        self.finalizing = False
        self.pending = []           # separated userdata whose finaliser has not run
        self.step_work = 0          # progress of collectgarbage("step")'s cycle model
        vm.gc_threshold = max(MIN_THRESHOLD, 4 * vm.arena.total)

    # -- Public -------------------------------------------------------------------------

    def collect(self):
        """One full cycle: mark, clear weak tables, sweep, then run finalisers."""
        vm = self.vm
        marked = self.mark()
        pending = self.separate_udata(marked)
        self.clear_weak(marked)
        self.sweep(marked)
        self.cycles += 1
        live = vm.arena.total
        vm.gc_threshold = max(MIN_THRESHOLD, live * self.pause // 100) if self.running \
            else 1 << 62
        self.finalize(pending)

    def control(self, opt, data):
        """lua_gc: the options of collectgarbage()."""
        vm = self.vm
        if opt == 0:                       # stop
            self.running = False
            vm.gc_threshold = 1 << 62
            return 0.0
        if opt == 1:                       # restart
            self.running = True
            vm.gc_threshold = vm.arena.total
            return 0.0
        if opt == 2:                       # collect
            self.collect()
            return 0.0
        if opt == 3:                       # count
            return vm.arena.total / 1024.0
        if opt == 5:                       # step
            return self.step(data)
        if opt == 6:                       # setpause
            old, self.pause = self.pause, data
            return float(old)
        if opt == 7:                       # setstepmul
            old, self.stepmul = self.stepmul, data
            return float(old)
        if opt == 9:                       # isrunning
            return self.running
        return 0.0

    def step(self, data):
        """lua_gc(LUA_GCSTEP, data). Collection is atomic here, so a step advances a
        model of LuaJIT's incremental cycle instead: each call runs data + 1 of
        lj_gc_step's units (GCSTEPSIZE * stepmul / 100 bytes of work each), a cycle
        costs about the size of the heap, and the real collection runs when the model
        finishes its cycle. So a caller sees LuaJIT's answer: true when a cycle ended,
        after more calls for small steps than for big ones."""
        self.step_work += (max(data, 0) + 1) * GC_STEPSIZE * self.stepmul // 100
        if self.step_work < self.vm.arena.total:
            return False
        self.step_work = 0
        self.collect()
        return True

    # -- Mark -------------------------------------------------------------------------------

    def mark(self):
        vm = self.vm
        marked = set()
        gray = []
        self._marked, self._gray = marked, gray
        self.weak = []
        for v in (vm.registry, vm.globals):
            self.mark_tv(v)
        for v in vm.basemt.values():
            self.mark_tv(v)
        for v in vm.mmname:
            self.mark_tv(v)
        for v in vm.pinned:
            self.mark_tv(v)
        for source in vm.gc_roots:
            for v in source():
                self.mark_tv(v)
        for v in vm.builtins_by_ffid.values():     # fast functions live forever
            self.mark_tv(v)
        for th in vm.threads.values():
            if th is vm.main or th.status in ("running", "normal"):
                self.mark_tv(th.tv)
        self.propagate()
        return marked

    def mark_tv(self, v):
        """Mark a TValue (numbers and primitives are no objects)."""
        if v < NUM_LIMIT:
            return
        tag = v >> TAG_BITS
        if tag < TAG_UDATA or tag > TAG_STR:
            return
        q = ((v & PAYLOAD) - self.vm.base) >> 3
        if q in self._marked:
            return
        self._marked.add(q)
        if tag != TAG_STR:
            self._gray.append((tag, q, v))

    def mark_addr(self, tag, addr):
        if addr:
            self.mark_tv((tag << TAG_BITS) | addr)

    def propagate(self):
        gray = self._gray
        while gray:
            tag, q, v = gray.pop()
            if tag == TAG_TAB:
                self.traverse_table(q, v)
            elif tag == TAG_FUNC:
                self.traverse_func(q, v)
            elif tag == TAG_THREAD:
                self.traverse_thread(v)
            elif tag == TAG_PROTO:
                self.traverse_proto(v)
            elif tag == TAG_UPVAL:
                self.mark_tv(self.vm.Q[(self.vm.Q[q + 4] - self.vm.base) >> 3])
            elif tag == TAG_UDATA:
                Q = self.vm.Q
                self.mark_addr(TAG_TAB, Q[q + 4])
                self.mark_addr(TAG_TAB, Q[q + 2])

    def traverse_table(self, t, v):
        vm = self.vm
        Q = vm.Q
        mt = Q[t + 4]
        weakk = weakv = False
        if mt:
            self.mark_addr(TAG_TAB, mt)
            mode = tab.get_str(vm, (mt - vm.base) >> 3, vm.mmname[MM_mode])
            if mode >> TAG_BITS == TAG_STR:
                m = vm.sbytes(mode)
                weakk = b"k" in m
                weakv = b"v" in m
        if weakk or weakv:
            self.weak.append((t, weakk, weakv))
        asize = tab.asize_of(vm, t)
        if asize and not weakv:
            ai = tab.array_index(vm, t)
            for x in Q[ai:ai + asize]:
                if x >= NUM_LIMIT:
                    self.mark_tv(x)
        hmask = tab.hmask_of(vm, t)
        if Q[t + 5] == vm.nilnode:
            return
        n0 = tab.node_index(vm, t)
        for i in range(hmask + 1):
            n = n0 + 3 * i
            val = Q[n]
            if val == NIL:
                continue
            if not weakv:
                self.mark_tv(val)
            if not weakk:
                self.mark_tv(Q[n + 1])
            elif Q[n + 1] >> TAG_BITS == TAG_STR:
                self.mark_tv(Q[n + 1])

    def traverse_func(self, q, v):
        vm = self.vm
        Q = vm.Q
        self.mark_addr(TAG_TAB, Q[q + 2])
        f = vm.funcs.get(v)
        if f.__class__ is LFunc:
            self.mark_addr(TAG_PROTO, f.p.addr)
            for u in f.uvs:
                self.mark_addr(TAG_UPVAL, vm.base + (u << 3))
        else:
            for i in range(vm.B[(q << 3) + 11]):
                self.mark_tv(Q[q + 6 + i])

    def traverse_proto(self, v):
        vm = self.vm
        p = vm.protos.get(v & PAYLOAD)
        if p is None:
            return
        for k in p.kgc:
            self.mark_tv(k)
        self.mark_tv(vm.str(p.proto.chunkname))

    def traverse_thread(self, v):
        vm = self.vm
        th = vm.threads.get(v)
        if th is None:
            return
        Q = vm.Q
        top = self.thread_top(th)
        for x in Q[th.stack + 1:top]:
            if x >= NUM_LIMIT:
                self.mark_tv(x)
        end = th.stack + th.size
        if top < end:
            Q[top:end] = tab._nils(end - top)
        if th.start_func is not None:
            self.mark_tv(th.start_func)
        self.mark_tv(th.env) if th.env is not None else None
        for u in th.open_uv.values():
            self.mark_addr(TAG_UPVAL, vm.base + (u << 3))
        for rec in th.frames:
            fn = rec[3]
            if fn is not None:
                self.mark_tv(fn.tv)
            if rec[0] == FR_PCALL and rec[7] is not None:
                # FR_PCALL: xpcall's handler lives in the record (its stack slot holds
                # the called function's frame link)
                self.mark_tv(rec[7])
        if th.fn is not None:
            self.mark_tv(th.fn.tv)
        if th.cfunc is not None and th.cfunc.tv:
            self.mark_tv(th.cfunc.tv)

    def thread_top(self, th):
        """The first stack slot above everything live in th."""
        top = max(th.top, th.base)
        if th is self.vm.current and getattr(self, "current_top", None):
            top = max(top, self.current_top)
        return min(top, th.stack + th.size)

    # -- Weak tables and finalisers ----------------------------------------------------------

    def separate_udata(self, marked):
        """Dead userdata with __gc: resurrect them (and what they reach) for finalisation."""
        vm = self.vm
        from . import meta
        pending = []
        for v in reversed(list(vm.udata)):
            q = ((v & PAYLOAD) - vm.base) >> 3
            if q in marked or q in vm.finalized:
                continue
            mo = meta.mm_fast(vm, vm.Q[q + 4], MM_gc)
            vm.finalized.add(q)
            if mo != NIL:
                pending.append((mo, v))
        for mo, v in pending:
            self.mark_tv(v)
            self.mark_tv(mo)
        self.propagate()
        return pending

    def clear_weak(self, marked):
        vm = self.vm
        Q = vm.Q
        base = vm.base

        def dead(x):
            if x < NUM_LIMIT:
                return False
            tag = x >> TAG_BITS
            if tag < TAG_UDATA or tag > TAG_STR or tag == TAG_STR:
                return False
            return (((x & PAYLOAD) - base) >> 3) not in marked

        finalized = vm.finalized

        def dead_value(x):
            # gc_mayclear: a finalised userdata is dropped from weak values (only)
            return dead(x) or (x >> TAG_BITS == TAG_UDATA and x >= NUM_LIMIT and
                               (((x & PAYLOAD) - base) >> 3) in finalized)

        for t, weakk, weakv in self.weak:
            if weakv:
                asize = tab.asize_of(vm, t)
                ai = tab.array_index(vm, t)
                for i in range(asize):
                    if dead_value(Q[ai + i]):
                        Q[ai + i] = NIL
            if Q[t + 5] == vm.nilnode:
                continue
            n0 = tab.node_index(vm, t)
            for i in range(tab.hmask_of(vm, t) + 1):
                n = n0 + 3 * i
                if Q[n] != NIL and ((weakv and dead_value(Q[n])) or
                                    (weakk and dead(Q[n + 1]))):
                    Q[n] = NIL

    def finalize(self, pending):
        """Run the finalisers of separated userdata, oldest separation first. As in
        LuaJIT 2.1 (gc_finalize), a finaliser's error propagates from the point where
        the collector ran; the finalisers still pending run at the next collection."""
        vm = self.vm
        for _mo, v in pending:
            vm.pinned[v] = vm.pinned.get(v, 0) + 1
        self.pending.extend(pending)
        if self.finalizing:
            return
        self.finalizing = True
        saved = vm.gc_threshold
        vm.gc_threshold = 1 << 62
        try:
            while self.pending:
                mo, v = self.pending.pop(0)
                try:
                    vm.call(mo, [v])
                finally:
                    n = vm.pinned.get(v, 1) - 1
                    if n:
                        vm.pinned[v] = n
                    else:
                        vm.pinned.pop(v, None)
        finally:
            self.finalizing = False
            vm.gc_threshold = saved

    def finalize_all(self):
        """lua_close: every userdata with a __gc not run yet is finalised, newest first.
        An error ends a round (LuaJIT runs each round under lj_vm_cpcall and ignores
        its error); at most 10 rounds, as lua_close."""
        from . import meta
        vm = self.vm
        for _ in range(10):
            pending = []
            for v in reversed(list(vm.udata)):
                q = vm.tq(v)
                if q in vm.finalized:
                    continue
                vm.finalized.add(q)
                mo = meta.mm_fast(vm, vm.Q[q + 4], MM_gc)
                if mo != NIL:
                    pending.append((mo, v))
            if not pending and not self.pending:
                return
            try:
                self.finalize(pending)
            except Exception:           # noqa: BLE001 -- lua_close drops the error
                continue

    # -- Sweep ---------------------------------------------------------------------------------

    def sweep(self, marked):
        vm = self.vm
        A = vm.arena
        Q = vm.Q
        base = vm.base
        for t in [t for t in vm.gc_tab_list if t not in marked]:
            vm.gc_tab_list.discard(t)
            self.free_table(t)
        dead = [q for q in vm.gc_objs if q not in marked]
        for q in dead:
            kind, size = vm.gc_objs.pop(q)
            addr = base + (q << 3)
            if kind == "str":
                tv = (TAG_STR << TAG_BITS) | addr
                b = vm.str_by_tv.pop(tv, None)
                if b is not None:
                    vm.str_by_bytes.pop(b, None)
            elif kind == "func":
                vm.funcs.pop((TAG_FUNC << TAG_BITS) | addr, None)
            elif kind == "proto":
                vm.protos.pop(addr, None)
            elif kind == "thread":
                th = vm.threads.pop((TAG_THREAD << TAG_BITS) | addr, None)
                if th is not None:
                    A.free(th.stack << 3, 8 * th.capacity)
            elif kind == "udata":
                tv = (TAG_UDATA << TAG_BITS) | addr
                payload = vm.udata.pop(tv, None)
                vm.finalized.discard(q)
                close = getattr(payload, "gc_close", None)
                if close is not None:
                    close()
            A.free(q << 3, size)
        for mt in [m for m in vm.proxy_metatables
                   if (((m & PAYLOAD) - base) >> 3) not in marked]:
            vm.proxy_metatables.discard(mt)
        del Q

    def free_table(self, t):
        vm = self.vm
        A = vm.arena
        Q = vm.Q
        asize = tab.asize_of(vm, t)
        colo = vm.B[(t << 3) + 11]
        if asize and (colo == 0 or colo >= 0x80):
            A.free(Q[t + 2] - vm.base, 8 * asize)
        if Q[t + 5] != vm.nilnode:
            A.free(Q[t + 5] - vm.base, 24 * (tab.hmask_of(vm, t) + 1))
        size = 64 + (8 * (colo & 0x7F) if colo else 0)
        A.free(t << 3, size)
