"""SINK (jit/opt_sink.py): allocation and store sinking, checked against LuaJIT.

Every sink_cases/NAME.lua (the "-- opt:" line gives -O settings) has NAME.txt: what
real LuaJIT printed for `luajit -jdump=is NAME.lua` (the IR and snapshots of every
trace; `python -m tests.jit.test_sink [--luajit luajit]` writes them again, table
addresses as {ADDR}). "}" marks what LuaJIT sank. The side_* cases have side traces
starting at exits that hold sunk tables: they allocate them again (snap.py's
SunkReplay, lj_snap_replay) with values from the parent (PVAL).

* test_sink_pass: the pass alone, text IR in and out, for every trace. The input is
  the trace's IR with every "}" replaced by what LuaJIT prints without SINK (">" on
  an allocation, a guard until it sinks; blank elsewhere: main() checks that against
  `luajit -O-sink` for the first trace); after opt_sink and the IR verifier it
  prints the same IR again.
* test_sink_trace: MoonLens records NAME.lua into that very output (-jdump=is).
* test_jit_on_off: NAME.lua prints the same with the JIT off and on (its -O settings,
  hotloop=1, hotexit=1: every guard that fails once starts a side trace).
* The exit tests: guards fail while sunk tables are live; the executor rebuilds them
  (exec.py unsink) and the interpreter goes on with the same contents.
"""

import pathlib
import re
import subprocess

import pytest

from tests.inprocess import run_cli

from moonlens.jit.ir import IR, IRM_OPMODE, REF_BIAS, REF_FIRST, irm_op2
from moonlens.jit.irtext import format_ins, parse_ir
from moonlens.jit.irverify import verify
from moonlens.jit.jstate import JitState
from moonlens.jit.opt_sink import opt_sink
from moonlens.jit.snap import SNAP, Snap
from tests.fuzz.jit_diff import run
from tests.jit.irtest import GCNames
from tests.tools.gen_jdump_corpus import normalise

CASES = pathlib.Path(__file__).parent / "sink_cases"
NAMES = sorted(p.stem for p in CASES.glob("*.lua"))
_ALLOCS = ("TNEW", "TDUP")
_IR_LINE = re.compile(r"^(\d{4}) ([ >}])([ +]) (\w+) +(\w+) *(.*)$")
_SNAP_LINE = re.compile(r"^\.\.\.\.\s+SNAP\s+#\d+\s+\[ (.*)\]$")


def opt_settings(name):
    """The -O settings of a case ("-- opt: -loop" gives ["-O-loop"])."""
    first = (CASES / (name + ".lua")).read_text().splitlines()[0]
    return ["-O" + w for w in first.split()[2:]] if first.startswith("-- opt:") else []


def expected(name):
    lines = (CASES / (name + ".txt")).read_text().splitlines()
    return [line.rstrip() for line in lines if not line.startswith("#")]


def ir_sections(lines):
    """{trace number: the lines of its IR section} of a -jdump=is output."""
    out, current = {}, None
    for line in lines:
        if line.startswith("---- TRACE "):
            words = line.split()
            current = out.setdefault(int(words[2]), []) if words[3] == "IR" else None
        elif current is not None:
            current.append(line)
    return out


def case_traces():
    return [(name, n) for name in NAMES if (CASES / (name + ".txt")).exists()
            for n in sorted(ir_sections(expected(name)))]


# -- The pass alone ---------------------------------------------------------------------------

Consts = GCNames     # the case's GC constants (tests/jit/irtest.py)


def braced(line):
    """A function constant (escapes.lua:4, setmetatable) as {fn:name}, which parse_ir
    reads as a GC constant."""
    m = _IR_LINE.match(line)
    if not m or irm_op2(IR[m.group(5)]) != IRM_OPMODE["ref"]:
        return line
    return re.sub(r" ([A-Za-z_][\w.]*(?::\d+)?)$",
                  lambda k: k.group(0) if k.group(1) in ("nil", "true", "false", "NULL")
                  else " {fn:%s}" % k.group(1), line)


def unsunk(line):
    """What LuaJIT prints without SINK: ">" on an allocation, blank elsewhere."""
    m = _IR_LINE.match(line)
    if not m or m.group(2) != "}":
        return line
    return line[:5] + (">" if m.group(5) in _ALLOCS else " ") + line[6:]


def load_case(name, traceno=1):
    """(JitState holding a trace's IR without sink marks, [(ref, SNAP line)], Consts)."""
    J = JitState()
    J.flags -= {w[3:] for w in opt_settings(name) if w.startswith("-O-")}
    consts = Consts()
    ir_lines, snap_lines = [], []
    for line in ir_sections(expected(name))[traceno]:
        if _SNAP_LINE.match(line):
            snap_lines.append((len(ir_lines), line))
            continue
        while int(line[:4]) > len(ir_lines) + 1:          # a NOP (DCE's) is not printed
            ir_lines.append("%04d    nil NOP" % (len(ir_lines) + 1))
        ir_lines.append(braced(unsunk(line)))
    refs = parse_ir(J, "\n".join(ir_lines), consts)
    order = [refs[int(line[:4])] for line in ir_lines]
    placed = [(order[i] if i < len(order) else J.cur.nins, line) for i, line in snap_lines]
    J.trace = _Trace(placed)
    J.loopref = J.cur.chain[IR["LOOP"]]
    return J, placed, consts


class _Trace:
    """The snapshots of a case (only their refs matter to SINK)."""

    def __init__(self, placed):
        self.snap, self.snapmap = [], []
        for ref, line in placed:
            entries = re.split(r"[ |]+", _SNAP_LINE.match(line).group(1).strip())
            snap = Snap()
            snap.ref = ref
            snap.mapofs = len(self.snapmap)
            self.snapmap += [SNAP(s, 0, int(e) + REF_BIAS)
                             for s, e in enumerate(entries) if re.fullmatch(r"\d{4}", e)]
            snap.nent = len(self.snapmap) - snap.mapofs
            self.snap.append(snap)


def printed(J, placed, consts):
    out = []
    for ref in range(REF_FIRST, J.cur.nins + 1):
        out += [line for r, line in placed if r == ref]
        if ref < J.cur.nins:
            line = format_ins(J.cur, ref, gcname=consts.name)
            if line is not None:
                out.append(line)
    return out


@pytest.mark.parametrize("name, traceno", case_traces())
def test_sink_pass(name, traceno):
    J, placed, consts = load_case(name, traceno)
    verify(J.cur)
    assert not any(J.cur.sink[REF_FIRST:J.cur.nins])
    opt_sink(J)
    verify(J.cur)
    assert printed(J, placed, consts) == ir_sections(expected(name))[traceno]


def test_sink_needs_its_flags():
    J, placed, consts = load_case("loop_alloc")
    J.flags.discard("sink")
    opt_sink(J)
    assert "}" not in "\n".join(printed(J, placed, consts))
    J.flags = {"sink", "dce", "cse", "fold"}            # no forwarding: no sinking
    opt_sink(J)
    assert not any(J.cur.sink[REF_FIRST:J.cur.nins])


def test_the_input_has_no_sink_marks():
    """The input as LuaJIT prints it with -O-sink (main() checks that for every case)."""
    J, placed, consts = load_case("loop_alloc")
    text = "\n".join(printed(J, placed, consts))
    assert "0002 >  tab TNEW   #3    #0" in text and "0006    num ASTORE 0004  0005" in text
    assert "}" not in text


# -- Recording the same IR ----------------------------------------------------------------------

def moonlens_dump(name):
    status, text, err = run_cli(["run"] + opt_settings(name) + ["-jdump=is", name + ".lua"],
                                CASES)
    assert status == 0, text + err
    return text


@pytest.mark.parametrize("name", NAMES)
def test_sink_trace(name):
    want = [normalise(line) for line in expected(name)]
    assert [normalise(line).rstrip() for line in moonlens_dump(name).splitlines()] == want


@pytest.mark.parametrize("name", NAMES)
def test_jit_on_off(name, monkeypatch):
    from moonlens.jit import jstate
    off = {w[3:] for w in opt_settings(name) if w.startswith("-O-")}
    monkeypatch.setattr(jstate, "OPT_DEFAULT", jstate.OPT_DEFAULT - off)
    src = (CASES / (name + ".lua")).read_text()
    assert run(src, b"=" + name.encode(), True) == run(src, b"=" + name.encode(), False)


# -- Exits with live sunk tables ----------------------------------------------------------------

@pytest.fixture
def unsinks(monkeypatch):
    """Counts the tables the executor rebuilds at exits."""
    from moonlens.jit.exec import Executor
    made = []
    real = Executor.unsink

    def unsink(self, ref, snapref):
        made.append(ref)
        return real(self, ref, snapref)
    monkeypatch.setattr(Executor, "unsink", unsink)
    return made


EXITS = {
    # array and hash part, kept by the interpreter after the exit
    "kept": ("""
local keep = {}
local s = 0
for i = 1, 100 do
  local t = {i, i + 1, x = i * 2}
  if i % 37 == 0 then keep[#keep + 1] = t end
  s = s + t[1] + t.x
end
print(s, #keep, keep[1][1], keep[1][2], keep[1].x, keep[2][1], keep[2][2], keep[2].x)
""", "15150\t2\t37\t38\t74\t74\t75\t148\n"),
    # new string and number keys (NEWREF), the table iterated after the exit
    "newkeys": ("""
local out = {}
for i = 1, 100 do
  local h = {}
  h.a = i
  h[2.5] = i * 3
  h.b = "s" .. i
  if i == 90 then
    local ks = {}
    for k, v in pairs(h) do ks[#ks + 1] = tostring(k) .. "=" .. tostring(v) end
    table.sort(ks)
    out[#out + 1] = table.concat(ks, " ")
  end
end
print(out[1])
""", "2.5=270 a=90 b=s90\n"),
    # a metatable stored into the sunk table, used after the exit
    "metatable": ("""
local mt = {__index = function(t, k) return k .. "!" end}
local saved
for i = 1, 80 do
  local o = setmetatable({v = i}, mt)
  if i == 70 then saved = o end
end
print(saved.v, saved.w, getmetatable(saved) == mt)
""", "70\tw!\ttrue\n"),
    # one table in two slots: rebuilt once, both slots hold the same table
    "two_slots": ("""
local a, b
local n = 0
for i = 1, 100 do
  local t = {i}
  local u = t
  if i == 80 then a, b = t, u end
  n = n + t[1] + u[1]
end
print(n, a == b, a[1])
""", "10100\ttrue\t80\n"),
    # a PHI table: exits before the new table (rebuilt from the pre-loop store and the
    # PHI value of the iteration before) and after it
    "phi": ("""
local t = {0, 5}
local s = 0
for i = 1, 100 do
  if i == 77 then s = s + t[1] + t[2] end
  t = {t[1] + i, 5}
  if i == 88 then s = s + t[1] + t[2] end
end
print(s, t[1], t[2])
""", "6852\t5050\t5\n"),
}


@pytest.mark.parametrize("name", sorted(EXITS))
@pytest.mark.parametrize("hot", [(56, 10), (1, 1)], ids=["defaults", "hotloop1"])
def test_exit_rebuilds_sunk_tables(name, hot, unsinks, monkeypatch):
    from tests.fuzz import jit_diff
    src, want = EXITS[name]
    assert run(src, b"=" + name.encode(), False) == want
    monkeypatch.setitem(jit_diff.JIT_PARAMS, "hotloop", hot[0])
    monkeypatch.setitem(jit_diff.JIT_PARAMS, "hotexit", hot[1])
    assert run(src, b"=" + name.encode(), True) == want
    assert unsinks, "no exit rebuilt a sunk table"


def tables_program(r):
    """A generated loop full of short-lived tables: constructors of every shape, constant-
    key stores and loads, escapes (kept in a list, a global, a metatable set) behind
    conditions that fail now and then, a table carried around the loop."""
    lines = ["local s, keep = 0, {}", "local mt = {__index = function(t, k) return 2 end}",
             "local c = {0, 1, x = 2}", "for i = 1, %d do" % r.choice([20, 60, 120])]
    names = []
    for _ in range(r.randint(3, 8)):
        t = "t%d" % r.randint(0, 3)
        val = r.choice(["i", "s", "(i * 2)", "1.5", "(i - 3)"])
        key = r.choice(["1", "2", '"a"', '"x"'])
        choices = ["%s[%s] = %s" % (t, key, val), "s = s + (tonumber(%s[%s]) or 0)" % (t, key),
                   "if i %% %d == 0 then keep[#keep + 1] = %s end" % (r.randint(2, 9), t),
                   "if i > %d then G = %s end" % (r.randint(3, 30), t),
                   "%s = setmetatable(%s, mt)" % (t, t), "s = s + (%s.y or 1)" % t]
        if t not in names:
            names.append(t)
            shape = r.choice(["{}", "{%s}" % val, "{%s, %s}" % (val, val), "{a = %s}" % val,
                              "{%s, x = 1}" % val])
            lines.append("  local %s = %s" % (t, shape))
        lines.append("  " + r.choice(choices))
    lines += ["  c = {c[1] + 1, c[2], x = i}", "end",
              "local out = {s, #keep, c[1], c.x}",
              "for k = 1, #keep do local t = keep[k]",
              "  out[#out + 1] = tostring(t[1]) .. tostring(t.a) .. tostring(t.x) .. "
              "tostring(getmetatable(t) == mt) end",
              "print(table.concat(out, ' '), G and G[1], G and G.a)"]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("seed", range(1, 13))
def test_generated_tables_same_with_jit(seed, monkeypatch):
    import random
    from tests.fuzz import jit_diff
    src = tables_program(random.Random(seed))
    want = run(src, b"=gen", False)
    for hot in ((1, 1), (3, 2)):
        monkeypatch.setitem(jit_diff.JIT_PARAMS, "hotloop", hot[0])
        monkeypatch.setitem(jit_diff.JIT_PARAMS, "hotexit", hot[1])
        assert run(src, b"=gen", True) == want, src


# -- Regenerating the expected IR -------------------------------------------------------------

def _luajit_dump(luajit, name, more=()):
    r = subprocess.run([luajit] + opt_settings(name) + list(more) + ["-jdump=is", name + ".lua"],
                       cwd=CASES, capture_output=True, text=True, timeout=60, check=True)
    return [re.sub(r"\{0x[0-9a-f]+\}", "{ADDR}", line).rstrip() for line in r.stdout.splitlines()]


def main(argv=None):
    import argparse
    from tests.tools.gen_jv_corpus import engine_version
    ap = argparse.ArgumentParser(description="write sink_cases/*.txt from a real LuaJIT")
    ap.add_argument("--luajit", default="luajit")
    args = ap.parse_args(argv)
    version = engine_version(args.luajit)
    for name in NAMES:
        head = "# %s -jdump=is %s.lua (%s)" % (
            " ".join(["luajit"] + opt_settings(name)), name, version)
        lines = _luajit_dump(args.luajit, name)
        # the pass's input is derived from the IR: it must be LuaJIT's without SINK
        first = ir_sections(lines)[1]
        plain = ir_sections(_luajit_dump(args.luajit, name, ["-O-sink"]))[1]
        assert [normalise(unsunk(line)) for line in first] == [normalise(x) for x in plain], name
        (CASES / (name + ".txt")).write_text("\n".join([head] + lines) + "\n")
        print(name)


if __name__ == "__main__":
    main()
