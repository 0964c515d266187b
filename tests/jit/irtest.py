"""Helpers for text-IR tests: parse IR, run something, print IR, verify in between."""

from moonlens.jit.fold import emitir
from moonlens.jit.ir import IR, IRT, IRT_GUARD
from moonlens.jit.irbuf import IRTYPE
from moonlens.jit.irtext import format_ir, parse_ir
from moonlens.jit.irverify import verify
from moonlens.jit.jstate import JitState


def state(text="", flags=None):
    """A JitState whose buffer holds the parsed IR (verified)."""
    J = JitState()
    if flags is not None:
        J.flags = set(flags)
    parse_ir(J, text)
    verify(J.cur)
    return J


def ins(J, spec, a, b=0):
    """Fold one instruction given as "type OP" (">" prefix for a guard)."""
    guard = spec.startswith(">")
    tname, opname = spec.lstrip(">").split()
    ot = IRTYPE(IR[opname], IRT[tname.upper()] | (IRT_GUARD if guard else 0))
    tr = emitir(J, ot, a, b)
    verify(J.cur)
    return tr


def dump(J):
    verify(J.cur)
    return format_ir(J.cur, exact=True)


# -- Traces with snapshots: the LOOP, ABC and narrowing tests (tests/jit/opt_cases) -------------

import pathlib  # noqa: E402
import re  # noqa: E402

from moonlens.jit.ir import IRNAMES, REF_BIAS, REF_FIRST  # noqa: E402
from moonlens.jit.irbuf import TREF  # noqa: E402
from moonlens.jit.irtext import format_ins, format_k, parse_k  # noqa: E402
from moonlens.jit.snap import SNAP, SNAP_FRAME, Snap, snap_ref, snap_slot  # noqa: E402
from moonlens.jit.trace import Trace  # noqa: E402
from tests.inprocess import run_cli  # noqa: E402

OPT_CASES = pathlib.Path(__file__).parent / "opt_cases"
SNAP_LINE = re.compile(r"^\.\.\.\.\s+SNAP\s+#\d+\s+\[ (.*)\]$")
IR_LINE = re.compile(r"^(\d{4}) ([ >}])([ +]) (\w+) +(\w+) *(.*)$")
BASESLOT = 2                # a root trace's base slot (GC64: function, frame link)


def case_names(prefix):
    return sorted(p.stem for p in OPT_CASES.glob(prefix + "*.lua"))


def case_settings(name):
    """The -O settings of a case ("-- opt: -loop" gives ["-O-loop"])."""
    first = (OPT_CASES / (name + ".lua")).read_text().splitlines()[0]
    return ["-O" + w for w in first.split()[2:]] if first.startswith("-- opt:") else []


def case_flags(name):
    """The optimisation flags of a case (SINK is off for all of them)."""
    from moonlens.jit.params import OPT_DEFAULT
    off = {w[3:] for w in case_settings(name) if w.startswith("-O-")}
    return set(OPT_DEFAULT) - off - {"sink"}


def case_lines(name):
    """What real LuaJIT printed (tests/tools/gen_opt_cases.py), header dropped."""
    from tests.tools.gen_jdump_corpus import normalise
    text = (OPT_CASES / (name + ".txt")).read_text()
    return [normalise(line).rstrip() for line in text.splitlines() if not line.startswith("# ")]


def ir_sections(lines):
    """{trace number: the lines of its IR section} of a -jdump=is output."""
    out, current = {}, None
    for line in lines:
        if line.startswith("---- TRACE "):
            words = line.split()
            current = out.setdefault(int(words[2]), []) if words[3] == "IR" else None
        elif current is not None and line:
            current.append(line)
    return out


def case_traces(prefix, looped=None):
    """(name, trace number) of the cases; looped: only traces with (True) or without
    (False) a LOOP."""
    out = []
    for name in case_names(prefix):
        for n, lines in sorted(ir_sections(case_lines(name)).items()):
            has_loop = any("------ LOOP" in line for line in lines)
            if looped is None or looped == has_loop:
                out.append((name, n))
    return out


def preroll(lines):
    """The IR (and snapshots) LOOP starts from: the lines before the LOOP marker, PHI
    marks cleared."""
    out = []
    for line in lines:
        if "------ LOOP" in line:
            break
        m = IR_LINE.match(line)
        out.append(line[:6] + " " + line[7:] if m and m.group(3) == "+" else line)
    return out


class GCNames(dict):
    """Token -> TValue for the GC constants of a text trace ("str", {fn:name}, {ADDR});
    name() maps back for printing."""

    vm = None

    def __missing__(self, tok):
        if tok.startswith('"'):
            if GCNames.vm is None:
                from moonlens.vm.runtime import new_state
                GCNames.vm = new_state(libs=False)
            tv = GCNames.vm.str(tok[1:-1].encode())
        else:
            tv = 0xFFF9000000000000 + len(self)
        self[tok] = tv
        return tv

    def name(self, tv, t):
        tok = next(tok for tok, v in self.items() if v == tv)
        return tok[4:-1] if tok.startswith("{fn:") else tok


def _text_line(line):
    """A -jdump IR line as parse_ir reads it exactly: a number-typed instruction's
    integral constants are numbers (+1 -> +1.0), a function constant is {fn:name}, a
    normalised hash slot @N is @0."""
    m = IR_LINE.match(line)
    if not m:
        return line
    line = line.replace("@N", "@0")
    head, tname, rest = line[:m.start(6)], m.group(4), line[m.start(6):]
    if tname in ("num", "flt") and m.group(5) not in ("CONV", "SLOAD", "FLOAD", "FPMATH"):
        rest = re.sub(r"(?<![\w.@#\"])([+-]\d+)(?![\d.e])", r"\1.0", rest)
    if m.group(5) in ("EQ", "NE") and tname == "fun":
        rest = re.sub(r" ([A-Za-z_][\w.]*(?::\d+)?)$", r" {fn:\1}", rest)
    return head + rest


def trace_state(lines, flags=None):
    """A JitState holding a -jdump=is IR section (IR and SNAP lines) as the recorder
    leaves it: J.trace with the snapshots, J.slot as the last snapshot and the SLOADs
    say, J.baseslot/maxslot for a root trace. Returns (J, GCNames)."""
    J = JitState()
    if flags is not None:
        J.flags = set(flags)
    consts = GCNames()
    ir_lines, snap_lines = [], []
    for line in lines:
        if SNAP_LINE.match(line):
            snap_lines.append((len(ir_lines), line))
            continue
        n = int(line[:4])
        while n > len(ir_lines) + 1:                # DCE's NOPs are not printed
            ir_lines.append("%04d    nil NOP" % (len(ir_lines) + 1))
        ir_lines.append(_text_line(line))
    refs = parse_ir(J, "\n".join(ir_lines), consts)
    order = [refs[int(line[:4])] for line in ir_lines]
    T = J.trace = Trace(1)
    T.snap, T.snapmap = [], []
    cur = J.cur
    for i, line in snap_lines:
        snap = Snap()
        snap.ref = order[i] if i < len(order) else cur.nins
        snap.mapofs = len(T.snapmap)
        tokens = SNAP_LINE.match(line).group(1).split()
        snap.nslots = snap.topslot = len(tokens)
        for s, tok in enumerate(tokens):
            frame = SNAP_FRAME if tok.endswith("|") else 0
            tok = tok.rstrip("|")
            if tok == "----":
                continue
            if re.fullmatch(r"\d{4}", tok):
                ref = refs[int(tok)]
            else:
                ref = parse_k(J, tok + (".0" if re.fullmatch(r"[+-]\d+", tok) else ""),
                              consts) & 0xFFFF
            T.snapmap.append(SNAP(s, frame, ref))
        snap.nent = len(T.snapmap) - snap.mapofs
        T.snap.append(snap)
    cur.guardemit = 0
    for ref in range(REF_FIRST, cur.nins):          # unmodified slots: their SLOAD
        if IRNAMES[cur.o[ref]] == "SLOAD" and not J.slot[cur.op1[ref]]:
            J.slot[cur.op1[ref]] = TREF(ref, cur.t[ref])
    if T.snap:
        last = T.snap[-1]
        for sn in T.snapmap[last.mapofs:last.mapofs + last.nent]:
            ref = snap_ref(sn)
            J.slot[snap_slot(sn)] = TREF(ref, cur.t[ref]) | (sn & SNAP_FRAME)
        J.maxslot = last.nslots - BASESLOT
    J.baseslot = BASESLOT
    J.instunroll = J.param["instunroll"]
    verify(cur)
    return J, consts


def format_trace(J, consts=None):
    """The IR with its snapshots interleaved, as -jdump=is prints them (unpadded)."""
    cur, T = J.cur, J.trace
    verify(cur)
    gcname = consts.name if consts is not None else None
    out = []
    snaps = list(enumerate(T.snap))
    for ref in range(REF_FIRST, cur.nins):
        while snaps and ref >= snaps[0][1].ref:
            out.append(_snap_line(J, *snaps.pop(0), gcname))
        line = format_ins(cur, ref, gcname=gcname)
        if line is not None:
            out.append(line)
    if snaps:
        out.append(_snap_line(J, *snaps[0], gcname))
    from tests.tools.gen_jdump_corpus import normalise
    return [normalise(line) for line in out]


def _snap_line(J, snapno, snap, gcname):
    T, cur = J.trace, J.cur
    by_slot = {snap_slot(sn): sn for sn in T.snapmap[snap.mapofs:snap.mapofs + snap.nent]}
    parts = []
    for s in range(snap.nslots):
        sn = by_slot.get(s)
        if sn is None:
            parts.append("---- ")
            continue
        ref = snap_ref(sn)
        text = "%04d" % (ref - REF_BIAS) if ref >= REF_BIAS else \
            "%-4s" % format_k(cur, ref, gcname=gcname)
        parts.append(text + ("|" if sn & SNAP_FRAME else " "))
    return "....        SNAP   #%-3d [ %s]" % (snapno, "".join(parts))


def moonlens_dump(name):
    """MoonLens's -jdump=is output for opt_cases/NAME.lua (SINK off, the case's -O)."""
    from tests.tools.gen_jdump_corpus import normalise
    status, text, err = run_cli(["run", "-O-sink"] + case_settings(name) +
                                ["-jdump=is", name + ".lua"], OPT_CASES)
    assert status == 0, text + err
    return [normalise(line).rstrip() for line in text.splitlines()]
