"""-jdump fidelity: simple numeric traces compiled into the same IR as LuaJIT's.

Every jdump_corpus/NAME.lua has NAME.jdump, what real LuaJIT printed for
`luajit -jdump=tbis NAME.lua` (tests/tools/gen_jdump_corpus.py; engine in the file).
MoonLens runs the program in-process with the same option and the same
normalisation. Two checks:

* test_jdump: the whole text (trace events, recorded bytecode, IR, snapshots) is
  identical; the programs in KNOWN differ today (strict xfail with the reason).
* test_ir_op_sequences: per trace, the sequence of IR opcodes (with types and guard
  marks, numbering ignored) is LuaJIT's for at least half of the programs.
"""

import re

import pytest

from tests.inprocess import run_cli

from tests.tools.gen_jdump_corpus import CORPUS, MODE, normalise, parse_expected

PROGRAMS = sorted(p.name for p in CORPUS.glob("*.lua"))
# program -> why its dump differs from LuaJIT's today
KNOWN = {}
_IR_LINE = re.compile(r"^\d{4} ([ >])([ +]) (\w+) +(\w+)")


def run_moonlens(name):
    status, text, err = run_cli(["run", "-jdump=" + MODE, name], CORPUS)
    assert status == 0, text + err
    return normalise(text)


def expected(name):
    return parse_expected(CORPUS / (name[:-4] + ".jdump"))


def op_sequences(text):
    """{trace number: [(guard, phi, type, op), ...]} from the IR sections of a dump."""
    seqs, current = {}, None
    for line in text.splitlines():
        if line.startswith("---- TRACE "):
            words = line.split()
            current = seqs.setdefault(words[2], []) if words[3] == "IR" else None
        elif current is not None:
            m = _IR_LINE.match(line)
            if m:
                current.append(m.groups())
            elif "LOOP" in line and not line.startswith("...."):
                current.append(("LOOP",))
    return seqs


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=[pytest.mark.xfail(strict=True, reason=KNOWN[n])] if n in KNOWN else [])
    for n in PROGRAMS])
def test_jdump(name):
    assert run_moonlens(name) == expected(name)


def test_ir_op_sequences():
    assert len(PROGRAMS) >= 20
    same = [n for n in PROGRAMS
            if op_sequences(run_moonlens(n)) == op_sequences(expected(n))]
    assert len(same) * 2 >= len(PROGRAMS), "IR op sequences match for %d of %d: %s" % (
        len(same), len(PROGRAMS), sorted(set(PROGRAMS) - set(same)))


def test_op_sequences_reads_ir():
    """The comparison above compares something: a dump's IR lines are found."""
    seqs = op_sequences(expected("sum_int.lua"))
    assert seqs["1"][0] == (" ", " ", "int", "SLOAD")
    assert ("LOOP",) in seqs["1"]
