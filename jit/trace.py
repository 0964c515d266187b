"""The trace compiler's life cycle (lj_trace.c): hot counters start recording, the
state machine records, optimises and "assembles" a trace, patches the start
bytecode, and every decision is an event on the one stream (jit/events.py).

Jit is the JitState of one VM plus the glue between the recorder and the VM: the
stack values, frames, tables and prototypes the recorder reads live.
"""

import bisect

from ..vm.bytecode import (
    BC_CALL, BC_CALLM, BC_FORI, BC_FORL, BC_FUNCF, BC_ILOOP, BC_ITERC, BC_ITERL, BC_ITERN,
    BC_CALLMT, BC_IFORL, BC_IFUNCF, BC_IITERL, BC_JFORI, BC_JLOOP, BC_JMP, BC_LOOP, BC_RET,
    BC_RET0, BC_RET1, BC_RETM, BC_TSETM, PROTO_ILOOP, PROTO_NOJIT,
)
from ..vm.errors import LuaError
from ..vm.interp import FR_LUA, FR_PCALL, cont_record, grow
from ..vm.layout import (
    FRAME_CONT, FRAME_PCALL, FRAME_TYPE, FRAME_TYPEP, FRAME_VARG, NIL, NUM_LIMIT, PAYLOAD,
    PROTO, SIZEOF_GCPROTO, TAB, TAG_BITS,
)
from ..vm.state import LJ_STACK_EXTRA
from ..vm.table import tv_num
from . import record as rec
from .events import Event, EventStream
from .exec import Executor
from .jitlib import JitLib
from .ir import IR, IRT, IRT_GCOBJ, IRT_TYPE, REF_BIAS
from .jstate import (
    JitState, POST_NONE, TRACE_ASM, TRACE_END, TRACE_ERR, TRACE_IDLE, TRACE_RECORD,
    TRACE_RECORD_1ST, TRACE_START,
)
from .traceerr import TRERR, TraceError

PENALTY_SLOTS = 64
PENALTY_MIN = 36 * 2
PENALTY_MAX = 60000
PENALTY_RNDBITS = 4
HOTCOUNT_LOOP = 2
# continuation words of metamethod frames (vm.interp.CONT_RA ...) by the recorder's names
_CONT_NAMES = {1: "ra", 2: "nop", 3: "cat", 4: "condt", 5: "condf"}


class Penalty:
    __slots__ = ("pt", "pc", "val", "reason")

    def __init__(self, pt, pc, val, reason):
        self.pt = pt
        self.pc = pc
        self.val = val
        self.reason = reason


# lj_ir_ksimd: the sign masks ABS and NEG use are FLOADs of J->ksimd[] at its offset in
# GG_State (>>2). The offset is the build's; these are those of the reference engine
# (LuaJIT 2.1.0-beta3 x64, whose -jdump prints them), ABS first as in lj_jit.h.
KSIMD_ABS = 272
KSIMD_NEG = 276


class Trace:
    """GCtrace: a finished (or the current) trace."""

    def __init__(self, traceno):
        self.traceno = traceno
        self.snap = []
        self.snapmap = []
        self.startpt = None     # PInfo
        self.startpc = 0
        self.startins = 0
        self.link = 0
        self.linktype = "none"
        self.root = 0
        self.nchild = 0
        self.nextroot = 0
        self.nextside = 0
        self.parent = 0
        self.exitno = 0
        self.ir = None          # the finished IR (jit/exec.py IRCode)
        self.nins = 0
        self.nk = 0
        self.topslot = 0
        self.exec = None        # the executor's generated function (jit/exec_gen.py)
        self.nrun = 0           # runs so far (interpreted until it is generated)
        self.vtemplate = None   # the executor's initial values (constants, BASE slot)
        self.restore_plans = None   # snapshot number -> Executor.restore_plan
        self.nbc = 0            # bytecodes recorded: what one pass through it stands for

    def loops(self):
        """The trace jumps back to its own start (a loop or a tail-recursion: both went
        through the LOOP optimisation, so the last snapshot is not the trace's end)."""
        return self.link == self.traceno and self.linktype in ("loop", "tail-recursion")


def gc_constants(ir, first):
    """The TValues of the GC constants (KGC of a GC type) of an IR whose type list
    starts at ref `first` (a finished trace's IRCode: nk; the recording IRBuf: 0)."""
    t = ir.t
    for ref, k in ir.kval.items():
        if t[ref - first] & IRT_TYPE in IRT_GCOBJ:
            yield k


SELF_OR_ROOT_LINKS = ("root", "up-recursion", "down-recursion")


class Jit(JitState):
    """The trace compiler attached to one VM (vm.attach_jit)."""

    # runs of a trace interpreted by the executor before it runs as a generated
    # Python function (jit/exec_gen.py); tests set 0 to generate every trace at once
    generate_after = 2

    def __init__(self, vm):
        super().__init__()
        self.vm = vm
        self.traces = {}
        self.maxtraceno = 0
        self.penalty = []
        self.penaltyslot = 0
        self.prngstate = 0x2545F491
        self.events = EventStream()
        self.trace = None
        self.th = None
        self.fn = None
        self.pt = None
        self.pc = 0
        self.L_base = 0
        self.multres = 0
        self.bpropslot = 0
        self.bc_min = None
        self.bc_extent = 0
        self.startpc = None
        self.niltv = vm.nilnode         # the address of the global nil TValue
        self.tmpbuf = vm.base           # stands for G->tmpbuf (only its identity matters)
        self._code_index = ([], [])
        self.skip = None
        self.patchpc = None             # (pt, pc) of an unpatched start instruction
        self.patchins = 0               # the JLOOP/JFUNC* that goes back there
        self.stepping = 0               # ins() calls left while stepping an instruction
        self.step_then = None           # what to do after it (_step)
        self.ff_caller = None
        self.stitch_from = None
        self.running = []               # executors of the traces running now (nested)
        # called with a trace's nbc after each whole pass through it: compiled loops
        # count against an instruction budget as the interpreter's would (the worker)
        self.budget = None
        self.stitch_pending = {}        # thread -> (trace, fn, base, pc) of a stitched call
        self.stitch_start = None        # (fn, base, pc) of the call it returned to
        vm.gc_roots.append(self.gc_values)
        self.lib = JitLib(self)         # jit.attach's events, jit.util's trace functions
        vm.attach_jit(self)

    def gc_values(self):
        """What traces keep alive (gc_traverse_trace): the GC constants of every trace and
        of the one being recorded, and the GC values of running traces, which are in no
        stack slot until an exit writes them back."""
        for T in self.traces.values():
            if T.ir is not None:        # (None while it is being recorded)
                yield from gc_constants(T.ir, T.ir.nk)
        if self.trace is not None and self.cur is not None:
            yield from gc_constants(self.cur, 0)
        for ex in self.running:
            yield from ex.gc_values()

    # -- Hot counting and entry points (called by the interpreter) ------------------------

    def hot_loop(self, th, fn, base, pc):
        """lj_trace_hot: a loop or function counter ran out (the VM reset it)."""
        if pc == 0 and fn.p.proto.code[0] & 0xFF != BC_FUNCF:
            return      # IFUNCF (compilation disabled) does not count in LuaJIT
        if self.state == TRACE_IDLE and self.on and not th.in_hook:
            self.parent = 0
            self.exitno = 0
            self.state = TRACE_START
            self.ins(th, fn, base, pc)
            # The interpreter dispatches the hot instruction again in recording mode:
            # it was handled here (a root trace records from the next one on). No
            # recording (PROTO_NOJIT, no free trace): no re-dispatch to skip.
            if pc and self.state != TRACE_IDLE:
                self.skip = (fn.p, pc)

    def hot_call(self, th, fn, base):
        self.hot_loop(th, fn, base, 0)

    def ins(self, th, fn, base, pc, multres=0):
        """lj_trace_ins: the instruction at pc is about to execute."""
        if self.stepping and self._step_done(fn, base, pc):
            return
        if self.stitch_start is not None and self._stitch_started(th, fn, base, pc):
            return
        if self.skip is not None:
            skip, self.skip = self.skip, None
            if skip[0] is fn.p and skip[1] == pc:
                return
        while True:
            self.th = th
            self.fn = fn
            self.pt = fn.p if fn.__class__.__name__ == "LFunc" else None
            self.pc = pc
            self.L_base = base
            self.multres = multres
            try:
                self._state_machine()
            except TraceError as e:
                self._abort(e)
                if self.state == TRACE_RECORD:
                    continue    # restarted (down-recursion): record this instruction now
            break
        self.vm.set_recording(self.state in (TRACE_RECORD, TRACE_RECORD_1ST))

    def _state_machine(self):
        while True:
            st = self.state
            if st == TRACE_START:
                self.state = TRACE_RECORD
                self._start()       # RECORD_1ST records now; a stop in the setup: END
            elif st in (TRACE_RECORD, TRACE_RECORD_1ST):
                self.state = TRACE_RECORD
                self._record()
            elif st == TRACE_END:
                self._end()
            elif st == TRACE_ASM:
                self._assemble()
                self._stop()
                self.state = TRACE_IDLE
                return
            else:
                return
            if self.state <= TRACE_RECORD:
                return

    def _record(self):
        self.pendpatch(False)
        self.record_event()
        self.trace.nbc += 1
        rec.record_ins(self)

    def pendpatch(self, force):
        """trace_pendpatch: put back a start instruction that was unpatched for recording
        (after the instruction was recorded, unless bcskip keeps it one step longer)."""
        if self.patchpc is None:
            return
        if force or self.bcskip == 0:
            pt, pc = self.patchpc
            self.patchpc = None
            self.patch_ins(pt, pc, self.patchins)
        else:
            self.bcskip = 0

    def unpatch(self, pt, pc, ins):
        """Put ins (a trace's start instruction) at pc until pendpatch restores it."""
        self.patchins = pt.proto.code[pc]
        self.patchpc = (pt, pc)
        self.patch_ins(pt, pc, ins)

    def _exit_to_original(self, fn, pc):
        """lj_trace_exit (LuaJIT of 2022): an exit to the JLOOP of a trace that starts at
        ITERN or a return. A side trace starting here records the original instruction
        (unpatched until then, bcskip 1). Otherwise a return runs the original RET (the
        interpreter steps it once in recording mode and the next ins() puts the JLOOP
        back); an ITERN is not helped: the JLOOP enters the trace again, which exits
        again until the exit is hot (LuaJIT fixed that in 2023)."""
        pt = getattr(fn, "p", None)
        if pt is None or self.patchpc is not None:
            return
        ins = pt.proto.code[pc]
        if ins & 0xFF != BC_JLOOP:
            return
        startins = self.traces[ins >> 16].startins
        isret = rec.bc_isret(startins & 0xFF)
        if self.state == TRACE_RECORD and (isret or startins & 0xFF == BC_ITERN):
            self.unpatch(pt, pc, startins)
            self.bcskip = 1
        elif isret:
            self.unpatch(pt, pc, startins)
            self._step(self._step_unpatched)

    def _step(self, then):
        """Let the interpreter run the instruction it continues with in recording mode
        (no hot counting for it), then call then(fn, base, pc) at the next instruction."""
        self.stepping = 2
        self.step_then = then
        self.vm.set_recording(True)

    def _step_done(self, fn, base, pc):
        """ins() while stepping: the first call is the stepped instruction's own; the
        next one ends the step. True: ins() has nothing else to do."""
        self.stepping -= 1
        if self.stepping:
            return True
        then, self.step_then = self.step_then, None
        self.vm.set_recording(False)
        done = then(fn, base, pc)
        self.vm.set_recording(self.state in (TRACE_RECORD, TRACE_RECORD_1ST))
        return done

    def _step_unpatched(self, fn, base, pc):
        self.pendpatch(True)        # the original RET ran: the JLOOP goes back
        return self.state == TRACE_IDLE

    def _exit_to_stitch(self, th, T, fn, base, pc):
        """The end of a stitched trace: the interpreter calls the builtin at pc. When it
        returns there (the interpreter's builtin-return path calls stitch_return),
        LuaJIT's stitch continuation (cont_stitch) records a new trace from the next
        instruction (lj_trace_stitch), unless the trace already has one or is
        blacklisted (link = itself). The builtin may run Lua code meanwhile; an error
        or a yield out of it leaves no return there, so no stitch. The continuation of
        an already stitched trace runs in the interpreter."""
        if T.link or self.state != TRACE_IDLE:
            return
        self.stitch_pending[th] = (T, fn, base, pc)

    def _stitch_started(self, th, fn, base, pc):
        """The first instruction after a stitched builtin returned: the continuation
        trace starts at the call (the results are in place now), then pc is recorded.
        True: nothing else to do for pc."""
        sfn, sbase, spc = self.stitch_start
        self.stitch_start = None
        if self.state != TRACE_START:
            return False
        if sfn is fn and sbase == base and spc + 1 == pc:
            self.ins(th, fn, base, spc)
        else:
            self.state = TRACE_IDLE
            self.vm.set_recording(False)
        return self.state == TRACE_IDLE

    def start_ins(self, traceno):
        """The instruction trace traceno's JFORL/JITERL/JLOOP/JFUNCF replaced."""
        return self.traces[traceno].startins

    def stitch_return(self, th, fn, base, pc):
        """A builtin called at pc of (fn, base) in thread th returned: start the stitch
        continuation if it is the pending one of th (each stack has its own, as LuaJIT's
        continuation frames are on the stack). The interpreter switches to recording and
        the trace starts at the instruction after the call, once the results are in
        place."""
        pending = self.stitch_pending.pop(th, None)
        if pending is None:
            return
        T, sfn, sbase, spc = pending
        if sfn is fn and sbase == base and spc == pc and \
                self.traces.get(T.traceno) is T and not T.link and \
                self.state == TRACE_IDLE and self.on:
            self.parent = 0             # treated like a root trace
            self.exitno = T.traceno     # ... whose parent is the stitched trace
            self.state = TRACE_START
            self.stitch_start = (fn, base, pc)
            self.vm.set_recording(True)

    def record_event(self):
        """The 'record' event (jit.attach's: trace, function, pc or -1 for a builtin,
        frame depth), sent before each instruction or builtin is recorded."""
        if self.events.listeners:
            self.emit("record", self.trace.traceno, self.fn, self.pc if self.pt else -1,
                      depth=self.framedepth)

    # -- Running traces ---------------------------------------------------------------

    def run_trace(self, th, fn, base, pc, traceno):
        """Run trace traceno from the interpreter state (fn, base); returns the state the
        interpreter continues with: (base, pc, fn, multres). Exits with a compiled side
        trace and links to other root traces continue in those traces."""
        parent = None           # the executor whose exit entered a side trace
        while True:
            T = self.traces[traceno]
            room = self._stack_room(th, T, base)
            base += room or 0
            ex = Executor(self, T, th, base, parent)
            self.running.append(ex)
            try:
                # no room: the entry guard fails and the interpreter goes on (and overflows)
                snapno = ex.run() if room is not None else 0
            finally:
                self.running.pop()
            newbase, npc, pt = ex.restore(snapno)
            snap = T.snap[snapno]
            last = snapno == len(T.snap) - 1
            if snap.side and snap.side in self.traces:
                base = ex.base              # the parent's BASE at the exit (RETF moves it)
                traceno = snap.side
                parent = ex
                continue
            parent = None
            if last and T.link in self.traces and T.linktype in SELF_OR_ROOT_LINKS:
                # the trace's end jumps to the linked root trace, or to its own start
                # (up- and down-recursion) as LuaJIT's machine code does
                self._rebuild_frames(th, T, snap, ex.base)
                base = newbase
                traceno = T.link
                continue
            break
        self._rebuild_frames(th, T, snap, ex.base)
        nfn = self.vm.funcs[self.vm.Q[newbase - 2]]
        self.emit("exit", traceno, nfn, npc, exitno=snapno)
        if not last or T.loops():
            self._hot_exit(th, T, snapno, nfn, newbase, npc)
        self._exit_to_original(nfn, npc)
        if last and T.linktype == "stitch":
            self._exit_to_stitch(th, T, nfn, newbase, npc)
        return newbase, npc, nfn, self._exit_multres(nfn, npc, snap, th.multres)

    def _stack_room(self, th, T, base):
        """The stack check at a trace's entry: room for its highest slot. The stack grows
        as the interpreter's would (returns the slot delta); None when it cannot."""
        over = base - 2 + T.topslot + LJ_STACK_EXTRA - (th.stack + th.size)
        if over < 0:
            return 0
        try:
            return grow(self.vm, th, over + 1)
        except LuaError:
            return None

    @staticmethod
    def _exit_multres(fn, pc, snap, multres):
        """lj_trace_exit's MULTRES: an exit to an instruction that takes a variable number
        of values finds them up to the snapshot's top (the interpreter's count: without
        LuaJIT's +1)."""
        ins = fn.p.proto.code[pc]
        op = ins & 0xFF
        top = snap.nslots - snap.baseslot       # stack top relative to the new base
        if op in (BC_CALLM, BC_CALLMT):
            return top - ((ins >> 8) & 0xFF) - ((ins >> 16) & 0xFF) - 2
        if op == BC_RETM:
            return top - ((ins >> 8) & 0xFF) - (ins >> 16)
        if op == BC_TSETM:
            return top - ((ins >> 8) & 0xFF)
        return multres

    def _hot_exit(self, th, T, snapno, fn, base, pc):
        """trace_hotside: count the exit; start a side trace when it is hot."""
        snap = T.snap[snapno]
        if snap.count == 255 or self.state != TRACE_IDLE or not self.on or th.in_hook:
            return
        if getattr(fn, "p", None) is None:
            return
        snap.count += 1
        if snap.count >= self.param["hotexit"]:
            self.parent = T.traceno
            self.exitno = snapno
            self.state = TRACE_START
            self.ins(th, fn, base, pc)

    def setup_side(self):
        """The side-trace part of lj_record_setup."""
        from .snap import snap_replay
        T = self.trace
        parent = self.traces[self.parent]
        root = parent.root or self.parent
        T.root = root
        T.startins = BC_JMP
        if self.exitno == 0 and parent.snap[0].nent == 0:
            if self._side_forl(root):
                # We can narrow a FORL for some side traces, too.
                rec.snap_add(self)
                rec.for_loop(self, self.pc - 1, self.scev, True)
            else:
                snap_replay(self, parent)
        else:
            self.startpc = None         # prevent forming an extra loop
            snap_replay(self, parent)
        if self.traces[root].nchild >= self.param["maxside"] or \
                parent.snap[self.exitno].count >= self.param["hotexit"] + self.param["tryside"]:
            ins = self.pt.proto.code[self.pc]
            if ins & 0xFF == BC_JLOOP:
                startins = self.traces[ins >> 16].startins
                if startins & 0xFF == BC_ITERN:
                    rec.rec_itern(self, rec.bc_a(startins), rec.bc_b(startins))
            rec.record_stop(self, "interpreter", 0)

    def _side_forl(self, root):
        """A side trace starting at the body of a JFORI loop whose JFORL runs the root."""
        code = self.pt.proto.code
        pc = self.pc
        if pc == 0 or code[pc - 1] & 0xFF != BC_JFORI:
            return False
        return code[pc + rec.bc_j(code[pc - 1]) - 1] >> 16 == root

    def _rebuild_frames(self, th, T, snap, base):
        """Interpreter frame records for the frames the trace had inlined at the exit."""
        slots = snap.frame_slots(T.snapmap)
        if not slots:
            return
        vm = self.vm
        Q = vm.Q
        caller_base = base
        caller_fn = self.vm.funcs[Q[base - 2]]
        for s in slots:
            at = base - 2 + s
            link = Q[at]
            if link & 3 == FRAME_VARG:
                caller_base = at + 1        # the vararg part of the frame above
                continue
            if link & FRAME_TYPEP >= FRAME_PCALL:
                # pcall's frame (recorded just before) protects the function called here
                kind, cbase, rpc, cfn, fslot, nres, _ = th.frames.pop()
                th.frames.append((FR_PCALL, cbase, rpc, cfn, fslot, nres, caller_fn, None,
                                  at - 1))
                caller_base = at + 1
                caller_fn = vm.funcs[Q[at - 1]]
                continue
            if link & 3 == FRAME_CONT:
                rpc = self.code_at(Q[at - 2])[1]
                th.frames.append(cont_record(vm, Q[at - 3], caller_base, caller_fn, rpc,
                                                at - 3 - caller_base))
                caller_base = at + 1
                caller_fn = vm.funcs[Q[at - 1]]
                continue
            p, rpc = self.code_at(link)
            call = p.proto.code[rpc - 1]
            fslot = caller_base + ((call >> 8) & 0xFF)
            th.frames.append((FR_LUA, caller_base, rpc, caller_fn, fslot, (call >> 24) - 1,
                              None))
            caller_base = fslot + 2
            caller_fn = vm.funcs[Q[fslot]]

    # -- Start, stop, abort --------------------------------------------------------------

    def _findfree(self):
        for n in range(1, self.param["maxtrace"]):
            if n not in self.traces:
                return n
        return 0

    def _start(self):
        pt = self.pt
        if self.proto_flags(pt) & PROTO_NOJIT:
            if self.parent == 0 and self.exitno == 0:
                op = pt.proto.code[self.pc] & 0xFF
                if op != BC_ITERN:
                    self.patch(pt, self.pc, op + BC_ILOOP - BC_LOOP)
                    self.set_proto_flags(pt, self.proto_flags(pt) | PROTO_ILOOP)
            self.state = TRACE_IDLE
            return
        traceno = self._findfree()
        if not traceno:
            self.flush_all()
            self.state = TRACE_IDLE
            return
        T = self.trace = Trace(traceno)
        self.traces[traceno] = T
        T.startpt = pt
        T.startfn = self.fn
        T.parent = self.parent
        T.exitno = self.exitno
        self.mergesnap = 0
        self.needsnap = 0
        self.bcskip = 0
        self.postproc = POST_NONE
        self.cur.guardemit = 0
        info = {}
        if self.parent:
            info = {"parent": self.parent, "exitno": self.exitno}
        elif pt.proto.code[self.pc] & 0xFF in (BC_CALLM, BC_CALL, BC_ITERC):
            info = {"parent": self.exitno, "exitno": -1}
        self.emit("start", traceno, self.fn, self.pc, **info)
        rec.record_setup(self)

    def trace_end(self):
        """lj_trace_end: recording is done; optimise and assemble next."""
        self.state = TRACE_END

    def _end(self):
        from .opt_dce import opt_dce
        from .opt_loop import opt_loop
        from .opt_sink import opt_sink
        self.pendpatch(True)
        T = self.trace
        self.loopref = 0
        if "loop" in self.flags and T.link == T.traceno and \
                self.framedepth + self.retdepth == 0:
            opt_dce(self)
            if opt_loop(self):
                T.link = 0
                T.linktype = "none"
                self.loopref = self.cur.nins
                self.state = TRACE_RECORD
                return
            self.loopref = self.cur.chain[IR["LOOP"]]
        opt_sink(self)
        if not self.loopref:
            T.snap[-1].count = 255
        self.state = TRACE_ASM

    def _assemble(self):
        """The reference executor's 'assembly': freeze the IR of the trace."""
        from .exec import freeze
        T = self.trace
        freeze(self, T)

    def _stop(self):
        T = self.trace
        pt = T.startpt
        op = T.startins & 0xFF
        pc = T.startpc
        if op in (BC_FORL, BC_LOOP, BC_ITERL, BC_FUNCF):
            if op == BC_FORL:
                fori = pc + rec.bc_j(T.startins)
                self.patch(pt, fori, BC_JFORI)
            self.patch_ins(pt, pc, (T.startins & 0xFF00) | (op + BC_JLOOP - BC_LOOP) |
                           (T.traceno << 16))
            self._add_root(T, pt)
        elif op in (BC_ITERN, BC_RET, BC_RET0, BC_RET1):
            self.patch_ins(pt, pc, BC_JLOOP | (T.snap[0].nslots << 8) | (T.traceno << 16))
            self._add_root(T, pt)
        elif op == BC_JMP:
            parent = self.traces[self.parent]
            snap = parent.snap[self.exitno]
            snap.count = 255
            snap.side = T.traceno
            if T.topslot > snap.topslot:
                snap.topslot = T.topslot
            root = self.traces[T.root]
            root.nchild += 1
            T.nextside = root.nextside
            root.nextside = T.traceno
        elif op in (BC_CALLM, BC_CALL, BC_ITERC):
            self.traces[self.exitno].link = T.traceno
        self.postproc = POST_NONE
        self.emit("stop", T.traceno, self.fn, self.pc)

    def _add_root(self, T, pt):
        T.nextroot = getattr(pt, "trace", 0)
        pt.trace = T.traceno

    def _abort(self, err):
        """trace_abort: penalise the start PC and drop the trace."""
        self.pendpatch(True)
        self.postproc = POST_NONE
        T = self.trace
        e = err.code
        name = err.args[0]
        blacklisted = False
        if T is not None and self.parent == 0 and not rec.bc_isret(T.startins & 0xFF):
            if self.exitno == 0:
                if name == "RETRY":
                    self.set_hotcount(T.startpt, T.startpc + 1, 1)
                else:
                    blacklisted = self._penalty(T.startpt, T.startpc, name)
            else:
                self.traces[self.exitno].link = self.exitno
        if T is not None:
            T.link = 0
            T.linktype = "none"
            fn, pc = self._abort_position()
            self.emit("abort", T.traceno, fn, pc, error=e, info=err.info)
            if blacklisted:
                self.emit("blacklist", T.traceno, T.startfn, T.startpc, error=e)
            del self.traces[T.traceno]
            self.trace = None
        self.state = TRACE_IDLE
        if name == "DOWNREC":
            self._downrec()

    def _abort_position(self):
        """The Lua function and pc the abort is reported at (skipping builtins)."""
        if self.pt is not None:
            return self.fn, self.pc
        return self.ff_caller

    def _downrec(self):
        op = self.pt.proto.code[self.pc] & 0xFF
        if op == BC_RETM:
            return
        self.parent = 0
        self.exitno = 0
        self.state = TRACE_RECORD
        self._start()

    def _penalty(self, pt, pc, reason):
        for entry in self.penalty:
            if entry.pt is pt and entry.pc == pc:
                val = (entry.val << 1) + (self.prng() & ((1 << PENALTY_RNDBITS) - 1))
                if val > PENALTY_MAX:
                    self.blacklist(pt, pc)
                    return True
                entry.val = val
                entry.reason = reason
                self.set_hotcount(pt, pc + 1, val)
                return False
        entry = Penalty(pt, pc, PENALTY_MIN, reason)
        if len(self.penalty) < PENALTY_SLOTS:
            self.penalty.append(entry)
        else:
            self.penalty[self.penaltyslot] = entry
        self.penaltyslot = (self.penaltyslot + 1) & (PENALTY_SLOTS - 1)
        self.set_hotcount(pt, pc + 1, PENALTY_MIN)

    def penalty_entry(self, pt, pc):
        for entry in self.penalty:
            if entry.pt is pt and entry.pc == pc:
                return entry
        return None

    def blacklist(self, pt, pc):
        """blacklist_pc: the I-variant of the start bytecode; ITERN is despecialised."""
        code = pt.proto.code
        op = code[pc] & 0xFF
        if op == BC_ITERN:
            self.patch(pt, pc, BC_ITERC)
            self.patch(pt, pc + 1 + rec.bc_j(code[pc + 1]), BC_JMP)
        else:
            self.patch(pt, pc, op + BC_ILOOP - BC_LOOP)
            self.set_proto_flags(pt, self.proto_flags(pt) | PROTO_ILOOP)

    def flush_all(self):
        """lj_trace_flushall: drop every trace and restore the start bytecodes."""
        for T in sorted(self.traces.values(), key=lambda t: -t.traceno):
            self._unpatch(T)
        self.traces.clear()
        self.penalty = []
        self.penaltyslot = 0
        self.emit("flush", 0, None, 0)

    # -- The jit library: jit.on/off/flush (lib_jit.c, luaJIT_setmode) ------------------

    def switch(self, on, target=None, scope=None):
        """jit.on/jit.off: the whole engine (target None: existing traces still run,
        nothing new is compiled) or a Lua function's prototype (scope "func"), it and
        its nested prototypes ("all") or only the nested ones ("children")."""
        if target is None:
            self.on = on
            return
        for pt in self._scope_protos(target, scope):
            self._set_proto_mode(pt, on, flush=False)

    def flush(self, target=None, scope=None):
        """jit.flush(): every trace; jit.flush(n): root trace n; jit.flush(f): the traces
        of f's prototypes (compilation stays enabled)."""
        if target is None or target == NIL:
            self.flush_all()
        elif target < NUM_LIMIT:
            T = self.traces.get(int(tv_num(target)))
            if T is not None and not T.root:
                self._flush_root(T)
        else:
            for pt in self._scope_protos(target, scope):
                self._set_proto_mode(pt, False, flush=True)

    def _scope_protos(self, target, scope):
        """The prototypes jit.on/off/flush(f, recursive) act on (setptmode_all)."""
        pt = getattr(self.vm.funcs.get(target), "p", None)
        if pt is None:
            return []
        out = [] if scope == "children" else [pt]
        if scope in ("all", "children"):
            todo = [pt]
            while todo:
                for k in todo.pop().kgc:
                    child = self.vm.protos.get(k & PAYLOAD) if k >> TAG_BITS == \
                        PROTO >> TAG_BITS else None
                    if child is not None:
                        out.append(child)
                        todo.append(child)
        return out

    def apply_opt(self, setting):
        """One jit.opt.start / -O setting; False when it is unknown or malformed."""
        from .params import OptionError, apply_opt
        try:
            apply_opt(self.flags, self.param, setting)
        except OptionError:
            return False
        if setting.startswith("hotloop="):
            self.vm.set_hotloop(self.param["hotloop"])
        return True

    def status_flags(self):
        """jit.status()'s flags after the first value: CPU features, then the
        optimisations that are on (LuaJIT's order)."""
        from .params import OPT_FLAGS
        return ["SSE3", "SSE4.1", "BMI2"] + [f for f in OPT_FLAGS if f in self.flags]

    def _set_proto_mode(self, pt, on, flush):
        """setptmode: (re-)enable a prototype (undo its I-variants), or flush its traces
        and (unless flushing only) disable compilation for it."""
        if on:
            self.set_proto_flags(pt, self.proto_flags(pt) & ~PROTO_NOJIT)
            self._reenable_proto(pt)
            return
        if not flush:
            self.set_proto_flags(pt, self.proto_flags(pt) | PROTO_NOJIT)
        for T in [T for T in self.traces.values() if T.startpt is pt and not T.root]:
            self._flush_root(T)

    def _reenable_proto(self, pt):
        """lj_trace_reenableproto: IFUNCF/IFORL/IITERL/ILOOP back to the hot-counting ops."""
        flags = self.proto_flags(pt)
        if not flags & PROTO_ILOOP:
            return
        self.set_proto_flags(pt, flags & ~PROTO_ILOOP)
        code = pt.proto.code
        if code[0] & 0xFF == BC_IFUNCF:
            self.patch(pt, 0, BC_FUNCF)
        for pc in range(1, len(code)):
            op = code[pc] & 0xFF
            if op in (BC_IFORL, BC_IITERL, BC_ILOOP):
                self.patch(pt, pc, op + BC_LOOP - BC_ILOOP)

    def _flush_root(self, T):
        """trace_flushroot: unpatch a root trace and unlink it from its prototype's
        chain. As in LuaJIT the trace keeps its number (only a full flush frees
        numbers), and traces linked to it still enter it."""
        self._unpatch(T)
        pt = T.startpt
        if getattr(pt, "trace", 0) == T.traceno:
            pt.trace = T.nextroot
            return
        n = getattr(pt, "trace", 0)
        while n:
            R = self.traces[n]
            if R.nextroot == T.traceno:
                R.nextroot = T.nextroot
                return
            n = R.nextroot

    def flush_trace(self, traceno):
        """lj_trace_flush: flush a root trace (side traces are left alone)."""
        T = self.traces.get(traceno)
        if T is not None and not T.root:
            self._flush_root(T)

    def _unpatch(self, T):
        """Restore a root trace's start instruction (and FORI) if still patched."""
        pt = T.startpt
        if pt is None or T.root:
            return
        pc = T.startpc
        if pt.proto.code[pc] >> 16 == T.traceno:
            self.patch_ins(pt, pc, T.startins)
            if T.startins & 0xFF == BC_FORL:
                self.patch(pt, pc + rec.bc_j(T.startins), BC_FORI)

    # -- Events -------------------------------------------------------------------------

    def emit(self, kind, traceno, fn, pc, **info):
        self.events.send(Event(kind, traceno, fn, pc, info))

    # -- Bytecode patching and prototype state ------------------------------------------

    def patch(self, p, pc, op):
        """Change the opcode of an instruction (arena, Proto and the decoded form)."""
        ins = p.proto.code[pc]
        self.patch_ins(p, pc, (ins & ~0xFF) | op)

    def patch_ins(self, p, pc, ins):
        from ..vm.state import decode
        p.proto.code[pc] = ins
        vm = self.vm
        off = p.addr - vm.base + SIZEOF_GCPROTO + 4 * pc
        vm.B[off:off + 4] = ins.to_bytes(4, "little")
        p.code[pc] = decode(vm, p.proto, pc, ins, p.kgc)

    def proto_flags(self, p=None):
        p = p or self.pt
        return self.vm.B[p.addr - self.vm.base + 61]

    def set_proto_flags(self, p, flags):
        self.vm.B[p.addr - self.vm.base + 61] = flags & 0xFF

    def proto_tv(self, p):
        from ..vm.layout import PROTO
        return PROTO | p.addr

    def set_hotcount(self, pt, pc, val):
        """hotcount_set for the instruction before pc (counters are hashed by PC)."""
        self.vm.hotcount[(pt.hotbase + pc - 1) & 63] = val

    def prng(self):
        """A deterministic stand-in for LuaJIT's PRNG (only the retry timing uses it)."""
        self.prngstate = (self.prngstate * 1103515245 + 12345) & 0xFFFFFFFF
        return self.prngstate >> 16

    def is_startpc(self, pc):
        s = self.startpc
        return s is not None and s[0] is self.pt and s[1] == pc

    def state_record_1st(self):
        self.state = TRACE_RECORD_1ST

    # -- The VM's values, as the recorder reads them -----------------------------------

    def stack_tv(self, s):
        return self.vm.Q[self.L_base + s]

    def stack_num(self, s):
        return self.vm.D[self.L_base + s]

    def set_stack(self, s, v):
        self.vm.Q[self.L_base + s] = v

    def slot_num(self, slot):
        """The number in absolute recorder slot `slot` (relative to the base frame)."""
        return self.vm.D[self.L_base - self.baseslot + slot]

    def pri_tv(self, k):
        return (NIL, 0xFFFF7FFFFFFFFFFF, 0xFFFEFFFFFFFFFFFF)[k]

    def kgc(self, d):
        """A GC constant (TValue) of the current prototype by its D operand."""
        return self.pt.kgc[d]

    def tabq(self, tv):
        return ((tv & PAYLOAD) - self.vm.base) >> 3

    def tab_getslot(self, t, key):
        """lj_tab_get as a location: ("array", index) / ("node", n) / ("nil", None)."""
        from ..vm import table as vtab
        vm = self.vm
        if key < NUM_LIMIT:
            n = tv_num(key)
            k = int(n) if -2147483649.0 < n < 2147483648.0 else None
            if k is not None and k == n and 0 <= k < vm.I[(t << 1) + 12]:
                return ("array", k, t)
        if key == NIL:
            return ("nil", None, t)
        nq = vtab.find_node(vm, t, key)
        if nq < 0:
            return ("nil", None, t)
        nodebase = (vm.Q[t + 5] - vm.base) >> 3
        return ("node", (nq - nodebase) // 3, t)

    def slot_value(self, where):
        """The TValue at a location from tab_getslot."""
        vm = self.vm
        kind = where[0]
        if kind == "nil":
            return NIL
        t = where[2]
        if kind == "array":
            return vm.Q[((vm.Q[t + 2] - vm.base) >> 3) + where[1]]
        return vm.Q[((vm.Q[t + 5] - vm.base) >> 3) + 3 * where[1]]

    def tab_metatable(self, tv):
        mt = self.vm.Q[self.tabq(tv) + 4]
        return mt

    def mt_get(self, mt_addr, name):
        from ..vm import table as vtab
        if not mt_addr:
            return NIL
        return vtab.get_str(self.vm, (mt_addr - self.vm.base) >> 3, self.vm.str(name.encode()))

    def tab_tv(self, addr):
        return TAB | addr

    def fast_mmnames(self):
        return [self.vm.str(n.encode()) for n in ("__index", "__newindex", "__gc", "__mode",
                                                   "__eq", "__len")]

    def fn_env_tv(self):
        return TAB | self.vm.Q[self.fn.q + 2]

    def upval_value(self, u):
        vm = self.vm
        return vm.Q[(vm.Q[u + 4] - vm.base) >> 3]

    def open_upvalue_slots(self):
        """Stack slots (relative to the current base) captured by open upvalues."""
        return [s - self.L_base for s in self.th.open_uv if s >= self.L_base]

    def topslot(self):
        return self.baseslot + self.maxslot

    def frame_word(self, s):
        return self.vm.Q[self.L_base - self.baseslot + s]

    def code_at(self, addr):
        """The (PInfo, pc) of a bytecode address (a Lua frame's return link)."""
        vm = self.vm
        keys, vals = self._code_index
        if len(keys) != len(vm.protos):
            items = sorted((p.retbase, p) for p in vm.protos.values())
            keys = [k for k, _ in items]
            vals = [p for _, p in items]
            self._code_index = (keys, vals)
        i = bisect.bisect_right(keys, addr) - 1
        p = vals[i]
        return p, (addr - p.retbase) >> 2

    def meta_for(self, ra):
        """lj_meta_for: FORI's coercion of string arguments (the VM does it too)."""

    def multres_top(self, ra):
        """The slot above the last of a multiple-results sequence (CALLM, RETM, TSETM).
        The recorder's maxslot says it, as in LuaJIT: the instruction that produced the
        results (a call's return, VARG) set it."""
        return self.maxslot

    def copy_iterc_values(self, ra):
        vm = self.vm
        b = self.L_base + ra
        vm.Q[b] = vm.Q[b - 3]
        vm.Q[b + 2] = vm.Q[b - 2]
        vm.Q[b + 3] = vm.Q[b - 1]

    def builtin_at(self, ra):
        """The builtin in slot ra of the current frame, or None."""
        f = self.vm.funcs.get(self.vm.Q[self.L_base + ra])
        return f if f is not None and f.__class__.__name__ == "CFunc" else None

    def replaced_base(self):
        """The base of the frame a tail call replaces (below a vararg part, if any)."""
        link = self.vm.Q[self.L_base - 1]
        return self.L_base - (link >> 3) if link & 7 == 3 else self.L_base

    def after_call(self, ra):
        """A call was recorded: record the builtin now (a Lua callee is recorded at its
        FUNCF, which the interpreter reports on entry)."""
        from .ffrecord import record_ff
        if ra is None:
            return
        fv = self.vm.Q[self.L_base + ra]
        f = self.vm.funcs.get(fv)
        if f is not None and f.__class__.__name__ == "CFunc":
            record_ff(self, f, ra)

    def count_same_proto_frames(self):
        """check_call_unroll's count: frames below with the current prototype."""
        vm = self.vm
        Q = vm.Q
        frame = self.L_base - 1
        depth = self.framedepth
        if self.proto_flags() & 0x02:
            depth -= 1
        count = 0
        pc = self.pt.retbase
        while depth > 0:
            link = Q[frame]
            if link & 3 == 2:       # FRAME_CONT
                depth -= 1
            frame = self._frame_prev(frame)
            fv = Q[frame - 1]
            f = vm.funcs.get(fv)
            if f is not None and getattr(f, "p", None) is not None and f.p.retbase == pc:
                count += 1
            depth -= 1
        return count

    def _frame_prev(self, frame):
        link = self.vm.Q[frame]
        if link & FRAME_TYPE == 0:
            p, rpc = self.code_at(link)
            a = (p.proto.code[rpc - 1] >> 8) & 0xFF
            return frame - (a + 2)
        return frame - (link >> 3)

    def frame_isvarg(self):
        return self.vm.Q[self.L_base - 1] & 7 == 3

    def frame_delta(self):
        return self.vm.Q[self.L_base - 1] >> 3

    def push_frame(self, func, functv):
        pass

    def push_varg_frame(self, vframe):
        pass

    def pop_varg_frame(self, cbase):
        pass

    def tailcall_frame(self, func, functv):
        pass

    def unpatch_for_recording(self, T):
        """rec_func_jit: a function whose trace returns to the interpreter is recorded
        across: its JFUNCF is the original FUNCF until the next instruction."""
        self.unpatch(self.pt, self.pc, T.startins)

    def cont_word(self, cont):
        return {"ra": 1, "nop": 2, "cat": 3, "condt": 4, "condf": 5}[cont]

    def cont_of(self, frame):
        """(continuation name, prototype, pc) of the metamethod frame whose link is at
        `frame`: the pc is the continuation's return address in that prototype."""
        Q = self.vm.Q
        name = _CONT_NAMES.get(Q[frame - 3])
        if name is None:
            raise TraceError("NYIRETL")
        return (name,) + tuple(self.code_at(Q[frame - 2]))

    def postproc_truth(self):
        return True

    def udata_type(self, tv):
        return self.vm.B[(tv & PAYLOAD) - self.vm.base + 10]

    def udata_metatable(self, tv):
        return self.vm.Q[self.tabq(tv) + 4]

    def base_metatable(self, tv):
        mt = self.vm.basemt.get("number" if tv < NUM_LIMIT else tv >> TAG_BITS)
        return mt & PAYLOAD if mt else 0

    def basemt_ref(self, tv):
        """The base metatable of tv's type as a global-state load (specialised: the trace
        assumes it stays, as LuaJIT does)."""
        from .fold import emitir
        from .ir import GGFL_BASEMT, IRT, REF_NIL
        from .irbuf import IRTYPE
        irt = IRT["NUM"] if tv < NUM_LIMIT else 0x1FFFF - (tv >> TAG_BITS)
        return emitir(self, IRTYPE(IR["FLOAD"], IRT["TAB"]), REF_NIL, GGFL_BASEMT + irt)

    def str_tonum(self, tv):
        from ..vm.numbers import scan_number
        return scan_number(self.vm.str_by_tv[tv], tonumber=True)

    def strcmp(self, a, b, irop):
        sa, sb = self.vm.sbytes(a), self.vm.sbytes(b)
        name = ("LT", "GE", "LE", "GT")[irop - IR["LT"]]
        return {"LT": sa < sb, "GE": sa >= sb, "LE": sa <= sb, "GT": sa > sb}[name]

    def tostr(self, tr):
        """lj_ir_tostr: a string as it is, a number converted, anything else BADTYPE."""
        from .fold import emitir
        from .irbuf import IRTYPE
        from .narrow import tref_isnum, tref_isnumber, tref_isstr
        if tref_isstr(tr):
            return tr
        if not tref_isnumber(tr):
            raise TraceError("BADTYPE")
        return emitir(self, IRTYPE(IR["TOSTR"], IRT["STR"]), tr, 1 if tref_isnum(tr) else 0)

    def ir_call(self, name, *args):
        from .fold import emitir
        from .irbuf import IRTYPE
        from .ircall import IRCALL, IRCALLDEF
        from .ir import IRT, IRT_GUARD
        cid = IRCALL[name]
        tr = args[0] if args else 0
        for a in args[1:]:
            tr = emitir(self, IRTYPE(IR["CARG"], IRT["NIL"]), tr, a)
        rtype = IRCALLDEF[cid][3]
        t = IRT["INT"] if rtype == "INT" else IRT["P64"] if rtype in ("PGC", "PTR") else \
            IRT.get(rtype, IRT["NIL"])
        if "CCI_T" in IRCALLDEF[cid][4]:
            t |= IRT_GUARD              # it may throw: a guard, never eliminated
        kind = IRCALLDEF[cid][2].lstrip("F")
        op = {"N": "CALLN", "L": "CALLL", "S": "CALLS", "A": "CALLA"}[kind]
        if op == "CALLS":
            self.needsnap = 1       # a snapshot after a call with side effects
        return emitir(self, IRTYPE(IR[op], t), tr, cid)

    def kvalue_tv(self, ref):
        """lj_ir_kvalue: the TValue of a constant."""
        from ..vm.table import num_tv
        from .irbuf import IR_KGC, IR_KINT, IR_KNUM, IR_KPRI
        cur = self.cur
        o = cur.o[ref]
        if o == IR_KPRI:
            return self.pri_tv(cur.t[ref] & 0x1F)
        if o == IR_KINT:
            return num_tv(float(cur.kval[ref]))
        if o == IR_KNUM:
            return cur.kbits[ref]
        if o == IR_KGC:
            return cur.kval[ref]
        return num_tv(float(cur.kval.get(ref, 0)))

    def template_get(self, tpl_tv, key):
        """The value of key in a template table (None when absent or nil)."""
        from ..vm import table as vtab
        v = vtab.get(self.vm, self.tabq(tpl_tv), key)
        return None if v == NIL else v

    def template_asize(self, tpl_tv):
        return self.vm.I[(self.tabq(tpl_tv) << 1) + 12]

    def template_hmask(self, tpl_tv):
        return self.vm.I[(self.tabq(tpl_tv) << 1) + 13]

    def upvalue_of(self, func_tv, idx):
        """The upvalue object (qword index) idx of a Lua closure."""
        f = self.vm.funcs[func_tv]
        return f.uvs[idx] if idx < len(f.uvs) else None

    def ksimd_abs(self):
        from .fold import emitir
        from .irbuf import IRTYPE
        from .ir import IRT, REF_NIL
        return emitir(self, IRTYPE(IR["FLOAD"], IRT["NUM"]), REF_NIL, KSIMD_ABS)

    def ksimd_neg(self):
        from .fold import emitir
        from .irbuf import IRTYPE
        from .ir import IRT, REF_NIL
        return emitir(self, IRTYPE(IR["FLOAD"], IRT["NUM"]), REF_NIL, KSIMD_NEG)


assert REF_BIAS == 0x8000 and TRERR["NYIBC"] == 7 and TRACE_ERR and TRACE_RECORD
