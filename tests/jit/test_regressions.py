"""JIT regressions: programs that once printed something else with the JIT on.

Each tests/jit/regressions/NAME.lua must print the same with the JIT off and on
(hotloop=1, hotexit=1: every loop records at once, every failing guard starts a
side trace), and the JIT-on run must have compiled at least one trace, so the
comparison is not vacuous. They also run with the JIT on under GC stress (a full
collection at every safepoint), which finds values only a trace holds.
"""

import pathlib

import pytest

from tests.fuzz.jit_diff import run

HERE = pathlib.Path(__file__).resolve().parent / "regressions"
PROGRAMS = sorted(p.name for p in HERE.glob("*.lua"))


@pytest.mark.parametrize("name", PROGRAMS)
def test_jit_on_prints_what_jit_off_prints(name):
    source = (HERE / name).read_text()
    chunk = ("=" + name).encode()
    off = run(source, chunk, False)
    traces = []
    on = run(source, chunk, True, on_event=traces.append)
    assert any(ev.kind == "stop" for ev in traces), "no trace compiled"
    assert on == off


@pytest.mark.parametrize("name", PROGRAMS)
def test_jit_on_under_gc_stress(name):
    source = (HERE / name).read_text()
    chunk = ("=" + name).encode()
    assert run(source, chunk, True, gc_stress=True) == run(source, chunk, False)
