"""The runtime differential corpus: every program in tests/corpus/programs runs in-process
(as `moonlens run NAME.lua` from that directory) and must print exactly what LuaJIT 2.1
printed (stdout, stderr, exit status; addresses normalised), as recorded by
tests/tools/gen_program_corpus.py.

A second parametrisation runs a fixed sample of the programs with the collector in
stress mode (a collection at every safepoint); the full stress run is
`python tests/tools/gen_program_corpus.py --check-stress`.

Programs listed in known_failures.json are expected to fail (strict xfail), so a fix
shows up as a failure until its entry is removed.
"""

import pytest

from tests.tools.gen_program_corpus import (
    STRESS_PREFIX,
    compare,
    expected_path,
    load_known_failures,
    program_names,
    read_expected,
)

NAMES = program_names()
KNOWN = load_known_failures()
STRESS_SAMPLE_SIZE = 64
# Programs that take minutes under stress (a full collection at every safepoint of
# tens of thousands of frames or allocations); the full stress run covers them.
STRESS_TOO_SLOW = {"stack_deep_nontail", "tbl_large_growth"}


def stress_sample(names, size=STRESS_SAMPLE_SIZE):
    """Every k-th program in name order: deterministic and spread over all topics."""
    names = [n for n in names if n not in STRESS_TOO_SLOW]
    step = max(1, len(names) // size)
    return names[::step][:size]


def params(names, gc_stress):
    out = []
    for name in names:
        reason = KNOWN.get(name)
        if reason is None and gc_stress:
            reason = KNOWN.get(STRESS_PREFIX + name)
        marks = [pytest.mark.xfail(strict=True, reason=reason)] if reason else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out


def check(name, gc_stress):
    diffs = compare(name, gc_stress)
    assert not diffs, "%s.lua differs from LuaJIT:\n%s" % (name, "\n".join(diffs))


@pytest.mark.timeout(120)
@pytest.mark.parametrize("name", params(NAMES, False))
def test_program(name):
    check(name, False)


@pytest.mark.timeout(300)
@pytest.mark.parametrize("name", params(stress_sample(NAMES), True))
def test_program_gc_stress(name):
    check(name, True)


def test_corpus_size_and_files():
    assert len(NAMES) >= 250
    for name in NAMES:
        assert expected_path(name).exists(), "no expected output for %s.lua" % name
        engine = read_expected(name)["engine"]
        assert engine.startswith("LuaJIT 2.1"), (name, engine)


def test_known_failures_name_programs():
    for key, reason in KNOWN.items():
        name = key[len(STRESS_PREFIX):] if key.startswith(STRESS_PREFIX) else key
        assert name in NAMES, "known_failures.json lists a missing program: %s" % key
        assert len(reason) >= 20, "give a precise reason for %s" % key


def test_stress_sample_is_large_enough():
    assert len(stress_sample(NAMES)) >= 60
