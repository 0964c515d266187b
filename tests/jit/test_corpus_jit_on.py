"""The runtime corpus with the JIT on: every program in tests/corpus/programs prints
the same with the JIT off and on (hotloop=1, hotexit=1: every loop records at once,
every failing guard starts a side trace; traces run in the reference executor).
Addresses are normalised. Programs marked "-- luajit-options: -joff" are about
behaviour the JIT changes and are left out; KNOWN lists today's differences
(strict xfail, so a fix shows up)."""

import pathlib
import re

import pytest

from tests.fuzz.jit_diff import run

CORPUS = pathlib.Path(__file__).resolve().parent.parent / "corpus" / "programs"
PROGRAMS = sorted(p.name for p in CORPUS.glob("*.lua")
                  if not p.read_text().startswith("-- luajit-options: -joff"))
KNOWN = {}
_ADDR = re.compile(r"0x[0-9a-f]+")


@pytest.mark.parametrize("name", [
    pytest.param(n, marks=[pytest.mark.xfail(strict=True, reason=KNOWN[n])] if n in KNOWN else [])
    for n in PROGRAMS])
def test_jit_on_prints_what_jit_off_prints(name, monkeypatch):
    monkeypatch.chdir(CORPUS)
    source = (CORPUS / name).read_text()
    chunk = ("=" + name).encode()
    off = _ADDR.sub("ADDR", run(source, chunk, False))
    on = _ADDR.sub("ADDR", run(source, chunk, True))
    assert on == off


def test_known_names_exist():
    assert set(KNOWN) <= set(PROGRAMS)
