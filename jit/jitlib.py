"""The parts of LuaJIT's jit library that read the trace compiler (lib_jit.c).

vm/lib/jit.py owns the library table, keeps jit.attach's handlers in the registry
and sends the parser's "bc" event; everything that needs traces it asks of
vm.jit.lib, the JitLib of the attached trace compiler:

* the bridge from the event stream to the handlers, with LuaJIT's arguments:
  "trace" (what, tr, func, pc, otr, oex) for start/stop/abort/flush, "record"
  (tr, func, pc, depth) before each recorded instruction, "texit" (tr, exitno,
  ngpr, nfpr) when a guard sends a trace back to the interpreter -- no registers
  here, so ngpr = nfpr = 0 and no register values follow;
* jit.util.traceinfo, traceir, tracek, tracesnap in LuaJIT's encoding, so that
  jit/dump.lua's logic reads our traces as it reads LuaJIT's;
* jit.on/off/flush of one prototype (setptmode).
"""

from ..vm.errors import LuaError
from ..vm.layout import FALSE, NIL, TRUE
from .events import guard_exit
from .ir import IR, IRMODE, IRT_TYPE, REF_BIAS, irm_op1, irm_op2
from .irbuf import bits_num
from .opt_sink import STORES, store_alloc
from .snap import SNAP
from .traceerr import TraceError

IR_NOP = IR["NOP"]
IR_KPRI, IR_KINT, IR_KGC, IR_KPTR, IR_KKPTR, IR_KNULL, IR_KNUM, IR_KINT64, IR_KSLOT = (
    IR[n] for n in ("KPRI", "KINT", "KGC", "KPTR", "KKPTR", "KNULL", "KNUM", "KINT64",
                    "KSLOT"))
IRM_REF = 0                 # an operand mode: a reference (traceir unbiases it)
RID_SINK = 0xFE             # lj_target.h: a sunk instruction's register id
REGSP_INIT = 0xFF           # no register and no spill slot (there is no backend)
_PRI = (NIL, FALSE, TRUE)


class _TextOut:
    """The text stream Verbose and Dump write, over one of the VM's byte streams (so
    the report and print's output keep their order) or a file."""

    def __init__(self, binary, owned):
        self.binary = binary
        self.owned = owned

    def write(self, text):
        self.binary.write(text.encode("utf-8", "surrogateescape"))

    def flush(self):
        self.binary.flush()

    def close(self):
        if self.owned:
            self.binary.close()
        else:
            self.binary.flush()


def int32(x):
    x &= 0xFFFFFFFF
    return x - (1 << 32) if x & 0x80000000 else x


def _arg(vm, x):
    """An event detail as a Lua value: numbers, strings, functions, nil."""
    if x is None:
        return NIL
    if isinstance(x, bool):
        return TRUE if x else FALSE
    if isinstance(x, (int, float)):
        return float(x)
    if isinstance(x, str):
        x = x.encode()
    if isinstance(x, bytes):
        return vm.str(x)
    tv = getattr(x, "tv", None)         # LFunc / CFunc
    return NIL if tv is None else tv


class _IRView:
    """One trace's IR by reference: the frozen copy of a finished trace, or the IR
    buffer of the trace being recorded (whose prev fields are still the chains).

    LuaJIT's assembler puts a NOP after the last instruction of every trace it
    assembles (for its HIOP checks), and traceinfo and traceir count it: so does
    the view of a finished trace."""

    def __init__(self, ir, base, frozen):
        self.ir = ir
        self.base = base            # list index of a reference: ref - base
        self.frozen = frozen
        self.nk = ir.nk
        self.nins = ir.nins + 1 if frozen else ir.nins

    def ins(self, ref):
        ir = self.ir
        if ref == ir.nins:
            return IR_NOP, 0, 0, 0      # the assembler's NOP
        i = ref - self.base
        return ir.o[i], ir.t[i], ir.op1[i], ir.op2[i]

    def prev(self, ref):
        """LuaJIT's prev after SINK and assembly: the register/spill slot (none here),
        RID_SINK for a sunk instruction with a store's distance to its allocation."""
        ir = self.ir
        if not self.frozen:
            return ir.prev[ref]
        if ref == ir.nins:
            return 0
        i = ref - self.base
        if not ir.sink[i]:
            return REGSP_INIT
        delta = 0
        if ir.o[i] in STORES:
            delta = min(ref - store_alloc(ir.o, ir.op1, ref, self.base), 255)
        return RID_SINK | (delta << 8)


class JitLib:
    def __init__(self, jit):
        self.jit = jit
        self.vm = jit.vm
        self.listening = False
        self.pending_abort = False
        self.reports = {}       # "v" / "dump": (Verbose or Dump, its _TextOut)
        self.sync_events()

    # -- jit.v and jit.dump ------------------------------------------------------------

    def report_on(self, kind, opt, outfile):
        """jit/v.lua and jit/dump.lua's on(): -jv or -jdump output from now on, to
        outfile ("-": stdout; none: stderr for jit.v, stdout for jit.dump)."""
        from .dump import Dump
        from .verbose import Verbose
        self.report_off(kind)
        vm = self.vm
        if outfile is None or outfile == b"-":
            default = vm.stderr if kind == "v" and outfile is None else vm.stdout
            out = _TextOut(default, owned=False)
        else:
            try:
                out = _TextOut(open(outfile, "wb"), owned=True)
            except OSError as e:
                # assert(io.open(outfile, "w")): io.open's message, no position
                msg = b"%s: %s" % (outfile, (e.strerror or str(e)).encode())
                raise LuaError(vm.str(msg)) from None
        report = Verbose(self.jit, out) if kind == "v" else Dump(self.jit, out, opt)
        self.reports[kind] = (report, out)

    def report_off(self, kind):
        report = self.reports.pop(kind, None)
        if report is not None:
            self.jit.events.detach(report[0].on_event)
            report[1].close()

    # -- jit.attach: the bridge -------------------------------------------------------

    def sync_events(self):
        """Listen to the event stream only while a trace, record or texit handler is
        attached, so recording costs nothing extra otherwise."""
        ev = getattr(self.vm, "vmevents", None)
        want = ev is not None and ev.has_jit_handlers()
        if want and not self.listening:
            # first: an abort requested by a failed handler must come before anyone
            # else sees the instruction (LuaJIT aborts before its record event)
            self.jit.events.attach(self.on_event, first=True)
        elif not want and self.listening:
            self.jit.events.detach(self.on_event)
        self.listening = want

    def on_event(self, ev):
        """A handler's error while a trace is being recorded aborts that trace at the
        next instruction (LuaJIT's error unwinding aborts recording asynchronously);
        the abort's error is 0, "error thrown or hook called during recording"."""
        kind = ev.kind
        if kind == "record" and self.pending_abort:
            self.pending_abort = False
            raise TraceError("RECERR")
        if kind in ("stop", "abort", "flush"):
            self.pending_abort = False
        sent = self._send(ev)
        if sent is False and kind in ("start", "record"):
            self.pending_abort = True

    def _send(self, ev):
        vm = self.vm
        kind, tr, info = ev.kind, float(ev.traceno), ev.info
        fn = _arg(vm, ev.fn)
        if kind == "start":
            args = [vm.str(b"start"), tr, fn, float(ev.pc)]
            if "parent" in info:
                args += [float(info["parent"]), float(info["exitno"])]
        elif kind == "stop":
            args = [vm.str(b"stop"), tr, fn]
        elif kind == "abort":
            args = [vm.str(b"abort"), tr, fn, float(ev.pc), float(info["error"]),
                    _arg(vm, info.get("info"))]
        elif kind == "flush":
            args = [vm.str(b"flush")]
        elif kind == "record":
            return vm.vmevents.send("record", [tr, fn, float(ev.pc),
                                               float(info["depth"])])
        elif kind == "exit" and guard_exit(self.jit.traces.get(ev.traceno),
                                           info["exitno"]):
            return vm.vmevents.send("texit", [tr, float(info["exitno"]), 0.0, 0.0])
        else:
            return None
        return vm.vmevents.send("trace", args)

    # -- jit.util: traces ---------------------------------------------------------------

    def _trace(self, traceno):
        """(Trace, _IRView) of a trace number, or (None, None): finished traces and the
        one being recorded (LuaJIT's J->cur, which the handlers may read)."""
        jit = self.jit
        T = jit.traces.get(traceno)
        if T is None:
            return None, None
        if T.ir is not None:
            return T, _IRView(T.ir, T.ir.nk, True)
        if T is jit.trace:
            return T, _IRView(jit.cur, 0, False)
        return None, None

    def traceinfo(self, traceno):
        T, ir = self._trace(traceno)
        if T is None:
            return None
        vm = self.vm
        t = vm.new_table(0, 8)
        for name, value in ((b"nins", ir.nins - REF_BIAS - 1), (b"nk", REF_BIAS - ir.nk),
                            (b"link", T.link), (b"nexit", len(T.snap))):
            vm.rawsets(t, name, float(value))
        vm.rawsets(t, b"linktype", vm.str(T.linktype.encode()))
        return t

    def traceir(self, traceno, idx):
        """m, ot, op1, op2, prev of instruction idx (0 is BASE); reference operands
        are unbiased (constants are negative)."""
        T, ir = self._trace(traceno)
        ref = idx + REF_BIAS
        if T is None or not REF_BIAS <= ref < ir.nins:
            return None
        o, t, op1, op2 = ir.ins(ref)
        if irm_op1(o) == IRM_REF:
            op1 -= REF_BIAS
        if irm_op2(o) == IRM_REF:
            op2 -= REF_BIAS
        return [float(IRMODE[o]), float((o << 8) | t), float(op1), float(op2),
                float(ir.prev(ref))]

    def tracek(self, traceno, idx):
        """k, t[, slot] of constant idx (negative); a KSLOT gives its key's value and
        type plus the slot."""
        T, ir = self._trace(traceno)
        ref = idx + REF_BIAS
        if T is None or not ir.nk <= ref < REF_BIAS:
            return None
        o, t, op1, op2 = ir.ins(ref)
        slot = None
        if o == IR_KSLOT:
            slot = op2
            ref = op1
            o, t, _, _ = ir.ins(ref)
        k = self._kvalue(ir, ref, o, t)
        if k is None:
            return None
        out = [k, float(t & IRT_TYPE)]
        return out if slot is None else out + [float(slot)]

    def _kvalue(self, ir, ref, o, t):
        """lj_ir_kvalue. Pointers are numbers (their arena address), as on GC64; without
        an FFI a 64-bit integer is a number too."""
        kval = ir.ir.kval
        if o == IR_KPRI:
            return _PRI[t & IRT_TYPE] if t & IRT_TYPE < 3 else NIL
        if o == IR_KNUM:
            return bits_num(ir.ir.kbits[ref])
        if o == IR_KGC:
            return kval[ref]
        if o in (IR_KINT, IR_KPTR, IR_KKPTR, IR_KINT64):
            return float(kval.get(ref, 0))
        if o == IR_KNULL:
            return 0.0
        return None

    def tracesnap(self, traceno, sn):
        """{[0] = ref, nslots, entries..., sentinel} of snapshot sn: entries are
        LuaJIT's SnapEntry words (slot << 24 | flags | biased ref) as int32."""
        T, _ = self._trace(traceno)
        if T is None or not 0 <= sn < len(T.snap):
            return None
        vm = self.vm
        snap = T.snap[sn]
        entries = T.snapmap[snap.mapofs:snap.mapofs + snap.nent]
        t = vm.new_table(len(entries) + 2, 0)
        words = [snap.ref - REF_BIAS, snap.nslots] + entries + [SNAP(255, 0, 0)]
        for i, w in enumerate(words):
            vm.rawset(t, float(i), float(int32(w)))
        return t

    # -- jit.on/off/flush of a prototype --------------------------------------------------

    def set_proto_mode(self, p, on, flush):
        """setptmode for one prototype (its nested ones are the library's business)."""
        self.jit._set_proto_mode(p, on, flush)
