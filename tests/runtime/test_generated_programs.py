"""Generated programs run without any Python exception escaping (short run; the long
one is tests/fuzz/run_programs.py)."""

from hypothesis import HealthCheck, given, settings

from tests.fuzz.luagen import programs
from tests.fuzz.run_programs import run_one


@settings(max_examples=400, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(programs())
def test_generated_program_runs_or_fails_with_a_lua_error(src):
    kind, _ = run_one(src)
    assert kind in ("ok", "lua-error")


@settings(max_examples=100, deadline=None, database=None, derandomize=True,
          suppress_health_check=list(HealthCheck))
@given(programs())
def test_generated_program_under_gc_stress(src):
    kind, _ = run_one(src, gc_stress=True, budget=4000)
    assert kind in ("ok", "lua-error")
