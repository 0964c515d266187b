"""The -jdump printer: LuaJIT 2.1's jit/dump.lua text output, from the event stream.

    ---- TRACE 1 start loop.lua:1
    0006  ADDVV    0   0   4
    0007  FORL     1 => 0006
    ---- TRACE 1 IR
    0001    int SLOAD  #3    CI
    ...
    ---- TRACE 1 stop -> loop

Modes are dump.lua's letters: t (trace events), b (recorded bytecode), i (IR), s
(snapshots, interleaved with the IR when i is on), x/X (taken exits), a (abort
events also dump). The default is "tbim", "+x" adds to it, "-b" takes away.
What needs a machine-code backend prints nothing yet: m (mcode), r (registers);
X prints the exit line without register values; an aborted trace's IR is dropped
when the trace aborts, so a prints the abort line only. Colour modes (T, A, H)
are accepted; the output is always plain text.
"""

from ..vm.bclist import bcline
from ..vm.layout import PAYLOAD
from .events import guard_exit
from .ir import IR, IRT, REF_BIAS
from .irtext import format_ins, format_k, format_number
from .snap import SNAP_CONT, SNAP_FRAME, SNAP_NORESTORE, SNAP_SOFTFPNUM, snap_ref, snap_slot
from .verbose import format_error, funcloc

DEFAULT_MODE = "tbim"
# SNAP(1, SNAP_FRAME | SNAP_NORESTORE, REF_NIL): LJ_FR2's frame-link slot.
_FR2_LINK = (1 << 24) | SNAP_FRAME | SNAP_NORESTORE | 0x7FFF
_BIAS_CONST = 2.0 ** 52 + 2.0 ** 51
_NCOMPARE = 16          # ops below this are comparisons, followed by their JMP


def parse_mode(opt):
    """dumpon's mode letters: a set of the letters that are on."""
    opt = "".join(c for c in (opt or "") if c not in "TAH")
    if not opt:
        return set(DEFAULT_MODE)
    mode = set(DEFAULT_MODE) if opt[0] in "+-" else set()
    for c in opt:
        if opt[0] == "-":
            mode.discard(c)
        else:
            mode.add(c)
    return mode


class _Shifted:
    """A frozen IR list (indexed by ref - nk) read by reference."""

    __slots__ = ("items", "nk")

    def __init__(self, items, nk):
        self.items = items
        self.nk = nk

    def __getitem__(self, ref):
        return self.items[ref - self.nk]


class _IRView:
    """The attributes of an IR buffer format_ins reads, over a trace's IRCode."""

    def __init__(self, ir):
        self.o = _Shifted(ir.o, ir.nk)
        self.t = _Shifted(ir.t, ir.nk)
        self.op1 = _Shifted(ir.op1, ir.nk)
        self.op2 = _Shifted(ir.op2, ir.nk)
        self.sink = _Shifted(ir.sink, ir.nk)
        self.kval = ir.kval
        self.nins = ir.nins


class Dump:
    """Attach to a Jit's events and write -jdump sections to out (a text stream)."""

    def __init__(self, jit, out, opt=None):
        self.jit = jit
        self.vm = jit.vm
        self.out = out
        self.mode = parse_mode(opt)
        self.prefix = ""
        self.depth = 0
        jit.events.attach(self.on_event)

    def on_event(self, ev):
        handler = getattr(self, "on_" + ev.kind, None)
        if handler is not None:
            handler(ev)
            self.out.flush()

    # -- Trace events ---------------------------------------------------------------------

    def on_start(self, ev):
        if not self.mode & set("tbism"):
            return
        parent = ev.info.get("parent")
        head = "---- TRACE %d start" % ev.traceno
        if parent is not None:
            ex = ev.info["exitno"]
            head += " %d/%s" % (parent, "stitch" if ex == -1 else ex)
        self.out.write("%s %s\n" % (head, funcloc(ev.fn, ev.pc)))

    def on_stop(self, ev):
        if not self.mode & set("tbism"):
            return
        T = self.jit.traces[ev.traceno]
        if "i" in self.mode:
            self.dump_ir(T, "s" in self.mode)
        elif "s" in self.mode:
            self.dump_snaps(T)
        link, ltype = T.link, T.linktype
        if link == T.traceno or link == 0:
            tail = "-> %s" % ltype
        elif ltype == "root":
            tail = "-> %d" % link
        else:
            tail = "-> %d %s" % (link, ltype)
        self.out.write("---- TRACE %d stop %s\n\n" % (ev.traceno, tail))

    def on_abort(self, ev):
        if not self.mode & set("tbism"):
            return
        err = format_error(ev.info["error"], ev.info.get("info"))
        self.out.write("---- TRACE %d abort %s -- %s\n\n"
                       % (ev.traceno, funcloc(ev.fn, ev.pc), err))

    def on_flush(self, ev):
        if self.mode & set("tbism"):
            self.out.write("---- TRACE flush\n\n")

    def on_exit(self, ev):
        # the end of a trace that does not loop is no exit (LuaJIT jumps to the
        # interpreter or the linked trace without one)
        if self.mode & set("xX") and guard_exit(self.jit.traces.get(ev.traceno),
                                                 ev.info["exitno"]):
            self.out.write("---- TRACE %d exit %d\n" % (ev.traceno, ev.info["exitno"]))

    # -- Recorded bytecode ---------------------------------------------------------------

    def on_record(self, ev):
        if "b" not in self.mode:
            return
        depth = ev.info["depth"]
        if depth != self.depth:
            self.depth = depth
            self.prefix = " ." * depth
        pc = ev.pc
        if pc < 0:
            line = "0000 %s FUNCC      \n" % self.prefix
        else:
            line = self.bc_line(ev.fn, pc)
        if pc <= 0:
            line = "%s         ; %s\n" % (line[:-1], funcloc(ev.fn, 0))
        self.out.write(line)
        if pc >= 0 and ev.fn.p.proto.code[pc] & 0xFF < _NCOMPARE:
            self.out.write(self.bc_line(ev.fn, pc + 1))

    def bc_line(self, fn, pc):
        # bcline's default prefix is two spaces; the recorder's is " ." per frame depth.
        line = bcline(fn.p.proto, pc)
        return line[:5] + self.prefix + line[7:]

    # -- IR and snapshots ----------------------------------------------------------------

    def dump_ir(self, T, with_snaps):
        w = self.out.write
        w("---- TRACE %d IR\n" % T.traceno)
        view = _IRView(T.ir)
        snaps = list(T.snap) if with_snaps else []
        for ref in range(REF_BIAS + 1, T.ir.nins):
            while snaps and ref >= snaps[0].ref:
                self._snap_line(T, len(T.snap) - len(snaps), snaps.pop(0))
            line = format_ins(view, ref, gcname=self.gc_name, pad=True)
            if line is not None:
                w(line + "\n")
        for snap in snaps:
            self._snap_line(T, len(T.snap) - len(snaps), snap)
            break

    def _snap_line(self, T, snapno, snap):
        self.out.write("....        SNAP   #%-3d [ " % snapno)
        self.print_snap(T, snap)

    def dump_snaps(self, T):
        self.out.write("---- TRACE %d snapshots\n" % T.traceno)
        for snapno, snap in enumerate(T.snap):
            self.out.write("#%-3d %04d [ " % (snapno, snap.ref - REF_BIAS))
            self.print_snap(T, snap)

    def print_snap(self, T, snap):
        entries = T.snapmap[snap.mapofs:snap.mapofs + snap.nent]
        by_slot = {snap_slot(sn): sn for sn in entries}
        view = _IRView(T.ir)
        out = []
        for s in range(snap.nslots):
            sn = by_slot.get(s)
            if sn is None:
                out.append("---- ")
            elif sn == _FR2_LINK:
                out.append("----|")
            else:
                out.append(self.snap_entry(view, sn) + ("|" if sn & SNAP_FRAME else " "))
        self.out.write("".join(out) + "]\n")

    def snap_entry(self, view, sn):
        ref = snap_ref(sn)
        if ref >= REF_BIAS:
            n = ref - REF_BIAS
            return "%04d/%04d" % (n, n + 1) if sn & SNAP_SOFTFPNUM else "%04d" % n
        if sn & (SNAP_FRAME | SNAP_CONT) and view.o[ref] != IR["KGC"]:
            return "contpc" if sn & SNAP_CONT else "ftsz"
        if view.o[ref] == IR["KNUM"]:
            x = view.kval[ref]
            return "bias" if x == _BIAS_CONST else "%-4s" % format_number(x)
        return "%-4s" % format_k(view, ref, gcname=self.gc_name)

    def gc_name(self, tv, irt):
        """formatk for a GC constant: strings quoted, functions by location."""
        vm = self.vm
        if irt == IRT["STR"]:
            s = vm.sbytes(tv)
            text = "".join(_ctlsub(c) for c in s[:20].decode("utf-8", "surrogateescape"))
            return '"%s"~' % text if len(s) > 20 else '"%s"' % text
        if irt == IRT["FUNC"]:
            fn = vm.funcs.get(tv)
            return funcloc(fn, 0) if fn is not None else "(?)"
        if irt == IRT["UDATA"]:
            return "userdata:0x%x" % (tv & PAYLOAD)
        if irt == IRT["TAB"]:
            return "{0x%x}" % (tv & PAYLOAD)
        # the other objects as tostring shows them (dump.lua: "For primitives.")
        return "%s: 0x%x" % ("proto" if irt == IRT["PROTO"] else "thread", tv & PAYLOAD)


def _ctlsub(c):
    """dump.lua's ctlsub for the control characters (%c) of a string constant."""
    if c == "\n":
        return "\\n"
    if c == "\r":
        return "\\r"
    if c == "\t":
        return "\\t"
    return "\\%03d" % ord(c) if ord(c) < 32 or ord(c) == 127 else c
