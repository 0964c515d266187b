"""A short run of the front-end fuzzer (tests/fuzz/fuzz_frontend.py) in the test suite.

About 1,500 inputs with a fixed seed: generated valid programs, mutations of the
repository's Lua files, random bytes and limit stress. No luajit needed.
"""

from hypothesis import HealthCheck, given, settings

from tests.fuzz import luagen
from tests.fuzz.fuzz_frontend import check, fuzz

SEED = 20240611


def _describe(violations):
    lines = []
    for sig, lst in sorted(violations.items()):
        kind, src, detail = lst[0]
        lines.append("%s [%s] %r\n  %s" % (sig, kind, src[:400], detail.strip()[-600:]))
    return "\n".join(lines)


def test_fuzz_front_end_short():
    total = fuzz(1500, SEED, jobs=1, diff=False, system_seeds=False)
    assert total["n"] == 1500
    assert total["kinds"]["gen"] > 400 and total["kinds"]["mut"] > 400
    assert not total["violations"], _describe(total["violations"])


@settings(max_examples=60, deadline=None, database=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(luagen.programs())
def test_generated_programs_are_valid(program):
    out = check(program, expect_valid=True)
    assert not out.violations, out.violations
    assert out.status == "proto"
