"""A short JIT differential run (tests/fuzz/jit_diff.py) in the test suite.

Twenty generated loop-heavy programs (tests/fuzz/loopgen.py, fixed seeds) run with
the JIT off and on (hotloop=1, hotexit=1: every loop is recorded at once, every
failing guard starts a side trace). The output must be the same: the JIT never
changes what a program does. Plus the reduced programs of bugs found that way.
"""

import random

import pytest

from tests.fuzz.jit_diff import differs
from tests.fuzz.loopgen import loop_program

SEEDS = range(1, 21)

# Reduced from generated programs that once differed (seed 2: a multiple-results call
# after a stitched trace read a stale MULTRES; side traces started without their
# snapshot #0 and reloaded inherited slots).
REGRESSIONS = {
    "stitch_multres": """
local c, d = 0, 2
local t = {1, 2, 3, 4, 5, 6, 7, 8}
local mt = {}
mt.__add = function(p, q) return setmetatable({v = (p.v + q) % 1000}, mt) end
local V = setmetatable({v = 1}, mt)
local function f4(n, ...) local r = n for k = 1, select('#', ...) do r = r + (select(k, ...)) end return r end
for k2, i1 in ipairs(t) do
  d = f4(c, #t, i1)
  V = V + c
end
print(c, d, V.v)
""",
    "side_trace_replay": """
local t = {1, 2, 3, 4, 5, 6, 7, 8}
local h = {x = 1, y = 9.5, z = 3}
for k8, i7 in pairs(h) do
  if 5 <= i7 then
  else
    t[#t + 1] = i7
  end
end
print(#t, t[9], t[10])
""",
}


@pytest.mark.timeout(60)
def test_generated_programs_same_with_jit():
    bad = []
    for seed in SEEDS:
        d = differs(loop_program(random.Random(seed)), str(seed), seconds=20)
        if d is not None:
            bad.append("seed %d: off %r, on %r" % (seed, d[0][-200:], d[1][-200:]))
    assert not bad, "\n".join(bad)


@pytest.mark.parametrize("name", sorted(REGRESSIONS))
def test_regression_same_with_jit(name):
    assert differs(REGRESSIONS[name], name, seconds=20) is None
