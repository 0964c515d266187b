"""LOOP (jit/opt_loop.py, lj_opt_loop.c) as text IR in and text IR out, with snapshots
(the -jdump=is format) and the IR verifier run after every step (tests/jit/irtest.py).

* test_loop_pass: for every trace of tests/jit/opt_cases/loop_*.lua that has a LOOP,
  the pre-roll real LuaJIT printed (the lines before LOOP, PHI marks cleared; J.slot
  as its loop snapshot says) goes through opt_loop alone and must come out as LuaJIT
  printed the whole trace (tests/tools/gen_opt_cases.py; SINK off): invariant
  hoisting (loop_hoist), PHIs for loop-carried values with and without an SLOAD
  (loop_swap), an invariant guard left in the pre-roll (loop_guard), CSE and load
  forwarding across the copy (loop_forward), an int stored over a number slot
  converted in the copy with an extra PHI (loop_intnum), a pre-roll unrolled twice
  (loop_flip).
* test_loop_recorded: MoonLens records those programs to the same -jdump=is output;
  with -O-loop there is no LOOP (loop_off), and a loop whose types never settle is
  aborted with "persistent type instability" after instunroll retries (loop_unstable).
* The small cases below: the pieces of the pass one at a time.
"""

import pytest

from moonlens.jit.ir import IRT_ISPHI, IRT_MARK, REF_BIAS
from moonlens.jit.opt_loop import opt_loop
from moonlens.jit.snap import SNAP_NORESTORE
from moonlens.jit.traceerr import TraceError
from tests.jit.irtest import (
    case_flags, case_lines, case_names, case_traces, format_trace, ir_sections,
    moonlens_dump, preroll, trace_state,
)


@pytest.mark.parametrize("name, traceno", case_traces("loop_", looped=True))
def test_loop_pass(name, traceno):
    want = ir_sections(case_lines(name))[traceno]
    J, consts = trace_state(preroll(want), case_flags(name))
    assert opt_loop(J) == 0
    assert format_trace(J, consts) == want


@pytest.mark.parametrize("name", case_names("loop_"))
def test_loop_recorded(name):
    assert moonlens_dump(name) == case_lines(name)


def test_the_cases_cover_what_they_say():
    assert "------ LOOP" not in "\n".join(case_lines("loop_off"))
    assert case_lines("loop_unstable").count(
        "---- TRACE 1 abort loop_unstable.lua:3 -- persistent type instability") == 3


def loop(text, flags=None):
    """(opt_loop's result, the trace as text) for a pre-roll given as text."""
    J, consts = trace_state(text.strip("\n").splitlines(), flags)
    r = opt_loop(J)
    return r, "\n".join(format_trace(J, consts)) + "\n"


HOIST = """\
....        SNAP   #0   [ ---- ---- ]
0001    int SLOAD  #4    CI
0002 >  num SLOAD  #2    T
0003    num MUL    0002  +3.0
0004 >  num SLOAD  #3    T
0005    num ADD    0004  0003
0006    int ADD    0001  +1
....        SNAP   #1   [ ---- ---- ---- 0005 ]
0007 >  int LE     0006  +100
....        SNAP   #2   [ ---- ---- ---- 0005 0006 ---- ---- 0006 ]
"""


def test_invariants_stay_in_the_pre_roll_and_carried_values_get_phis():
    """x * 3 (slot 2 is never written) is not repeated; s and i are carried: their
    pre-roll values get the PHI mark, the PHIs come after the loop body."""
    assert loop(HOIST) == (0, """\
....        SNAP   #0   [ ---- ---- ]
0001    int SLOAD  #4    CI
0002 >  num SLOAD  #2    T
0003    num MUL    0002  +3
0004 >  num SLOAD  #3    T
0005  + num ADD    0004  0003
0006  + int ADD    0001  +1
....        SNAP   #1   [ ---- ---- ---- 0005 ]
0007 >  int LE     0006  +100
....        SNAP   #2   [ ---- ---- ---- 0005 0006 ---- ---- 0006 ]
0008 ------ LOOP ------------
0009  + num ADD    0005  0003
0010  + int ADD    0006  +1
....        SNAP   #3   [ ---- ---- ---- 0009 ]
0011 >  int LE     0010  +100
0012    int PHI    0006  0010
0013    num PHI    0005  0009
""")


def test_an_invariant_guard_is_not_repeated():
    r, out = loop("""\
....        SNAP   #0   [ ---- ---- ]
0001    int SLOAD  #4    CI
0002 >  num SLOAD  #2    T
0003 >  num GT     0002  +1.0
0004    int ADD    0001  +1
....        SNAP   #1   [ ---- ---- ---- ---- 0004 ---- ---- 0004 ]
0005 >  int LE     0004  +100
....        SNAP   #2   [ ---- ---- ---- ---- 0004 ---- ---- 0004 ]
""")
    body = out.split("------ LOOP ------------\n")[1]
    assert r == 0 and "GT" not in body and "SLOAD" not in body
    assert body.startswith("0007  + int ADD    0004  +1\n")


def test_without_a_guard_between_them_the_copied_snapshot_replaces_the_last():
    """No guard between two substituted snapshots: the second overwrites the first (as
    lj_opt_loop's loop_subst_snap does); the snapshot after the last guard of the copy
    is dropped when no guard follows it."""
    r, out = loop(HOIST)
    assert out.count("SNAP") == 4          # #0, #1, the loop snapshot, one copy (#3)


def test_substituted_snapshot_entries_are_restored():
    """An SLOAD kept as is has SNAP_NORESTORE; its substitute must be written back."""
    J, consts = trace_state(HOIST.splitlines())
    T = J.trace
    first = T.snap[1]
    T.snapmap[first.mapofs] |= SNAP_NORESTORE
    assert opt_loop(J) == 0
    copy = T.snap[3]
    entry = T.snapmap[copy.mapofs]
    assert entry & 0xFFFF == 0x8009 - 0x8000 + REF_BIAS and not entry & SNAP_NORESTORE


FLIP = """\
....        SNAP   #0   [ ---- ---- ]
0001    int SLOAD  #4    CI
0002 >  tru SLOAD  #2    T
0003 >  num SLOAD  #3    T
0004    num ADD    0003  +1.0
....        SNAP   #1   [ ---- ---- false 0004 ]
0005    int ADD    0001  +1
....        SNAP   #2   [ ---- ---- false 0004 0005 ---- ---- 0005 ]
0006 >  int LE     0005  +100
....        SNAP   #3   [ ---- ---- false 0004 0005 ---- ---- 0005 ]
"""


def test_a_type_instability_undoes_the_copy_and_recording_goes_on():
    """b = not b: the copy's `tru SLOAD #2` is false: TYPEINS. opt_loop returns 1 (record
    one more iteration) and leaves the IR and snapshots as they were."""
    J, consts = trace_state(FLIP.splitlines())
    before = format_trace(J, consts)
    nsnapmap = len(J.trace.snapmap)
    J.bpropcache = [(REF_BIAS + 5, REF_BIAS + 5, 0), (REF_BIAS + 9, REF_BIAS + 9, 0)]
    assert opt_loop(J) == 1
    assert format_trace(J, consts) == before
    assert len(J.trace.snapmap) == nsnapmap
    assert J.instunroll == J.param["instunroll"] - 1
    assert not any(J.cur.t[r] & (IRT_ISPHI | IRT_MARK) for r in range(REF_BIAS + 1, J.cur.nins))
    # narrowing results made by the copy leave the cache; the slots keep their places
    assert J.bpropcache == [(REF_BIAS + 5, REF_BIAS + 5, 0), (0, REF_BIAS + 9, 0)]


def test_when_instunroll_is_used_up_the_instability_aborts_the_trace():
    J, _ = trace_state(FLIP.splitlines())
    J.instunroll = 0
    with pytest.raises(TraceError) as e:
        opt_loop(J)
    assert e.value.args[0] == "TYPEINS"
