"""Array bounds-check elimination as text IR in and text IR out, with the IR verifier
run after every step (tests/jit/irtest.py).

ABC lives in two places: the FOLD rules abc_fwd, abc_k and abc_invar (jit/fold_comm.py,
lj_opt_fold.c), tested here instruction by instruction; and the recorder's rec_idx_abc
(jit/record.py idx_abc), which with -O+loop+abc turns the check of a FORL-indexed
t[i+k] into invariant (p32) checks on the loop's stop (and start) when the stop is
inside the array at recording time, so LOOP drops the copy (abc_invar). That part
needs the recorder's context: the tests/jit/opt_cases/abc_*.lua programs, recorded by
MoonLens and compared with real LuaJIT's -jdump=is (tests/tools/gen_opt_cases.py), and
their pre-rolls put through LOOP alone as in test_ir_loop.py.

The rules are LuaJIT 2.1.0-beta3's (the Debian engine of the expected outputs): a
later LuaJIT (2024, "Fix IR_ABC hoisting") types the invariant check of a constant
size u32 and keeps a p32 one whose size is a constant; 2.1.0-beta3 drops both.
"""

import pytest

from moonlens.jit.ir import IRT_ISPHI, REF_BIAS, REF_DROP
from moonlens.jit.irtext import parse_k
from moonlens.jit.opt_loop import opt_loop
from tests.jit.irtest import (
    case_flags, case_lines, case_names, case_traces, dump, format_trace, ins, ir_sections,
    moonlens_dump, preroll, state, trace_state,
)

ABC_ON = {"fold", "cse", "abc"}
ABC_OFF = {"fold", "cse"}


def ref(n):
    return REF_BIAS + n


CONST = """\
0001 >  tab SLOAD  #1    T
0002    int FLOAD  0001  tab.asize
0003 >  int ABC    0002  +2
"""


def test_a_lower_constant_check_is_dropped():
    J = state(CONST, flags=ABC_ON)
    assert ins(J, ">int ABC", ref(2), parse_k(J, "+1")) == REF_DROP
    assert dump(J) == CONST


def test_a_higher_constant_check_raises_the_first():
    J = state(CONST, flags=ABC_ON)
    assert ins(J, ">int ABC", ref(2), parse_k(J, "+4")) == REF_DROP
    assert dump(J) == CONST.replace("+2", "+4")


def test_constant_checks_stay_with_abc_off():
    J = state(CONST, flags=ABC_OFF)
    ins(J, ">int ABC", ref(2), parse_k(J, "+4"))
    assert dump(J) == CONST + "0004 >  int ABC    0002  +4\n"
    assert ins(J, ">int ABC", ref(2), parse_k(J, "+2")) & 0xFFFF == ref(3)    # plain CSE


def test_constant_checks_of_another_size_are_separate():
    J = state(CONST + "0004 >  tab SLOAD  #2    T\n0005    int FLOAD  0004  tab.asize\n",
              flags=ABC_ON)
    ins(J, ">int ABC", ref(5), parse_k(J, "+1"))
    assert dump(J).endswith("0006 >  int ABC    0005  +1\n")


def test_a_constant_check_does_not_merge_across_a_phi_of_the_size():
    J = state(CONST, flags=ABC_ON)
    J.cur.t[ref(2)] |= IRT_ISPHI
    ins(J, ">int ABC", ref(2), parse_k(J, "+4"))
    assert dump(J).endswith("0004 >  int ABC    0002  +4\n")


MINUS = """\
0001    int SLOAD  #3    CI
0002 >  tab SLOAD  #2    T
0003    int FLOAD  0002  tab.asize
0004 >  int ABC    0003  0001
0005    int ADD    0001  +1
0006    int ADD    0005  -1
"""


def test_the_check_of_i_plus_k_minus_k_is_the_check_of_i():
    """abc_fwd: ABC(asize, (i+1)+(-1)) is dropped when ABC(asize, i) exists (the
    t[i-1] case across the loop: i is the previous iteration's i+1)."""
    J = state(MINUS, flags=ABC_ON)
    assert ins(J, ">int ABC", ref(3), ref(6)) == REF_DROP
    assert dump(J) == MINUS


def test_i_plus_k_minus_k_is_checked_with_abc_off_or_without_the_check_of_i():
    J = state(MINUS, flags=ABC_OFF)
    ins(J, ">int ABC", ref(3), ref(6))
    assert dump(J).endswith("0007 >  int ABC    0003  0006\n")
    J = state(MINUS.replace("0004 >  int ABC    0003  0001\n", "0004 >  int BAND   0001  +3\n"),
              flags=ABC_ON)
    ins(J, ">int ABC", ref(3), ref(6))
    assert dump(J).endswith("0007 >  int ABC    0003  0006\n")


HOISTED = """\
0001    int SLOAD  #3    CI
0002 >  tab SLOAD  #2    T
0003    int FLOAD  0002  tab.asize
0004 >  p32 ABC    0003  +100
0005    int ADD    0001  +1
0006 ------ LOOP ------------
"""


def test_an_invariant_check_is_dropped_in_the_loop():
    """abc_invar: the recorder's p32 check of an index, copied by LOOP with the size
    still invariant, is not repeated (the p32 check of the stop in the pre-roll covers
    it)."""
    J = state(HOISTED, flags=ABC_ON)
    assert ins(J, ">p32 ABC", ref(3), ref(5)) == REF_DROP
    assert dump(J) == HOISTED


def test_a_regular_check_or_a_varying_size_is_kept_in_the_loop():
    J = state(HOISTED, flags=ABC_ON)
    ins(J, ">int ABC", ref(3), ref(5))
    assert dump(J).endswith("0007 >  int ABC    0003  0005\n")
    J = state(HOISTED, flags=ABC_ON)
    J.cur.t[ref(3)] |= IRT_ISPHI                      # the size changes in the loop
    ins(J, ">p32 ABC", ref(3), ref(5))
    assert dump(J).endswith("0007 >  p32 ABC    0003  0005\n")


def test_an_invariant_check_before_the_loop_is_emitted():
    J = state(HOISTED.replace("0006 ------ LOOP ------------\n", ""), flags=ABC_ON)
    ins(J, ">p32 ABC", ref(3), ref(5))
    assert dump(J).endswith("0006 >  p32 ABC    0003  0005\n")


# -- With the recorder and LOOP: checked against LuaJIT ----------------------------------------

@pytest.mark.parametrize("name, traceno", case_traces("abc_", looped=True))
def test_abc_loop_pass(name, traceno):
    """The pre-roll through LOOP alone: invariant checks are not copied."""
    want = ir_sections(case_lines(name))[traceno]
    J, consts = trace_state(preroll(want), case_flags(name))
    assert opt_loop(J) == 0
    assert format_trace(J, consts) == want


@pytest.mark.parametrize("name", case_names("abc_"))
def test_abc_recorded(name):
    assert moonlens_dump(name) == case_lines(name)


def abc_lines(name, traceno):
    lines = ir_sections(case_lines(name))[traceno]
    loop = next((i for i, line in enumerate(lines) if "------ LOOP" in line), len(lines))
    pre = [line[5:].split() for line in lines[:loop] if " ABC " in line]
    body = [line[5:].split() for line in lines[loop:] if " ABC " in line]
    return pre, body


def test_what_the_cases_show():
    """The expected outputs say what this file claims about LuaJIT."""
    # -O+abc: one invariant check of the stop, before the loop only
    assert abc_lines("abc_hoist", 2) == ([[">", "p32", "ABC", "0003", "+100"]], [])
    # -O-abc: the regular check, in the loop too
    assert abc_lines("abc_off", 2) == ([[">", "int", "ABC", "0003", "0001"]],
                                       [[">", "int", "ABC", "0003", "0010"]])
    # -O-loop: no invariant checks without LOOP
    assert abc_lines("abc_noloop", 2) == ([[">", "int", "ABC", "0003", "0001"]], [])
    # a start that is not a constant: its index is checked, invariant too
    assert abc_lines("abc_varstart", 2)[1] == []
    assert [w[1] for w in abc_lines("abc_varstart", 2)[0]] == ["p32", "p32"]
    # t[i+1] and t[i-1]: the check of stop+1 covers stop-1 (abc_k)
    assert abc_lines("abc_offset", 2) == ([[">", "p32", "ABC", "0005", "+101"]], [])
    # constant indexes 2, 4, 3: one check of 4
    assert abc_lines("abc_const", 1) == ([[">", "int", "ABC", "0003", "+4"]], [])
    # the stop beyond the array when recorded: a regular check in every iteration
    assert abc_lines("abc_grow", 1)[1] == [[">", "int", "ABC", "0006", "0017"]]
