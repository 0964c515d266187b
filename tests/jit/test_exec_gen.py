"""Traces run as generated Python functions (jit/exec_gen.py) do what the
interpreting executor does: the runtime corpus and the short JIT differential run
again with every trace generated before its first run (Jit.generate_after = 0),
and the generated code itself is checked on a few traces."""

import random
import re

import pytest

from moonlens.jit import exec_gen
from moonlens.jit.trace import Jit
from tests.fuzz.jit_diff import differs, run
from tests.fuzz.loopgen import loop_program
from tests.jit.test_corpus_jit_on import _ADDR, CORPUS, KNOWN, PROGRAMS


@pytest.fixture
def generate_at_once(monkeypatch):
    monkeypatch.setattr(Jit, "generate_after", 0)


@pytest.mark.parametrize("name", [n for n in PROGRAMS if n not in KNOWN])
def test_corpus_with_generated_traces(name, monkeypatch, generate_at_once):
    monkeypatch.chdir(CORPUS)
    source = (CORPUS / name).read_text()
    chunk = ("=" + name).encode()
    assert _ADDR.sub("ADDR", run(source, chunk, True)) == \
        _ADDR.sub("ADDR", run(source, chunk, False))


@pytest.mark.parametrize("seed", range(1, 11))
def test_generated_programs_with_generated_traces(seed, generate_at_once):
    source = loop_program(random.Random(seed))
    assert differs(source, "gen%d" % seed) is None


def _traces(source, monkeypatch):
    """What a program prints with the JIT on, and the functions its traces became
    (every trace generated before its first run)."""
    made = []
    original = exec_gen.generate

    def spy(T, ex, table):
        f = original(T, ex, table)
        made.append(f)
        return f
    monkeypatch.setattr(exec_gen, "generate", spy)
    monkeypatch.setattr(Jit, "generate_after", 0)
    out = run(source, b"=t", True)
    return out, made


def test_a_numeric_loop_is_inline_code(monkeypatch):
    out, made = _traces("local s = 0\nfor i = 1, 100 do s = s + i * 0.5 end\nprint(s)\n",
                        monkeypatch)
    assert out == "2525\n"
    (f,) = made
    assert "while True:" in f.source
    assert re.search(r"v\[\d+\] = v\[\d+\] \* v\[\d+\]", f.source)     # MUL inline
    assert re.search(r"v\[\d+\] = v\[\d+\] \+ v\[\d+\]", f.source)     # ADD inline
    assert not f.calls                  # nothing left to EXEC's functions


def test_array_loads_are_inline_code(monkeypatch):
    source = ("local t = {}\nfor i = 1, 50 do t[i] = i / 2 end\nlocal s = 0\n"
              "for i = 1, 50 do s = s + t[i] end\nprint(s)\n")
    out, made = _traces(source, monkeypatch)
    assert out == "637.5\n"
    reading = [f for f in made if "D[s]" in f.source and "I[" in f.source]
    assert reading                      # ABC's asize and the ALOAD, inline


def test_a_guard_exit_returns_its_snapshot(monkeypatch):
    # the loop's type guard on t[i] fails at the string: the exit restores the state
    source = ("local t = {}\nfor i = 1, 60 do t[i] = i end\nt[40] = 'x'\n"
              "local s = 0\nfor i = 1, 60 do local v = t[i]\n"
              "  if type(v) == 'number' then s = s + v end end\nprint(s)\n")
    out, made = _traces(source, monkeypatch)
    assert out == "%d\n" % (sum(range(1, 61)) - 40)
    assert made
