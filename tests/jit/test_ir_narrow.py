"""Narrowing (jit/narrow.py, lj_opt_narrow.c) as text IR in and text IR out, with the IR
verifier run after every step (tests/jit/irtest.py).

* FOLD's narrow_convert: a CONV int.num (or TOBIT) of number arithmetic is pushed down
  into int arithmetic (back-propagation), an index's outermost overflow check left to
  the ABC; CONV int.num(CONV num.int x) is x; none of it with -O-narrow or after LOOP.
* The recorder's entry points on text IR: narrow_arith (ADDOV/SUBOV when both operands
  are ints and the result fits), narrow_index, narrow_mod, narrow_forl (the FORL index
  type from the runtime start, stop and step).
* With the recorder: tests/jit/opt_cases/narrow_*.lua, recorded by MoonLens and compared
  with real LuaJIT's -jdump=is (tests/tools/gen_opt_cases.py), and their pre-rolls put
  through LOOP alone as in test_ir_loop.py: int FORL indexes, a fractional step or a
  possible overflow keeping a number index, ADDOV/SUBOV, narrowed indexes and TOBIT,
  int MOD, and the same loops with -O-narrow.
"""

import pytest

from moonlens.jit import narrow
from moonlens.jit.ir import IR, IRT, REF_BIAS
from moonlens.jit.irbuf import TREF
from moonlens.jit.irtext import parse_k
from moonlens.jit.opt_loop import opt_loop
from tests.jit.irtest import (
    case_flags, case_lines, case_names, case_traces, dump, format_trace, ins, ir_sections,
    moonlens_dump, preroll, trace_state,
)
from tests.jit import irtest

ON = {"fold", "cse", "narrow", "abc"}
OFF = {"fold", "cse", "abc"}
IRT_INT, IRT_NUM = IRT["INT"], IRT["NUM"]


def ref(n):
    return REF_BIAS + n


def state(text="", flags=None):
    """irtest.state with the recorder's back-propagation cache set up (record_setup)."""
    J = irtest.state(text, flags)
    J.bpropcache, J.bpropslot = [], 0
    return J


def conv(J, spec, a, mode):
    """A CONV with its mode given as -jdump prints it."""
    from moonlens.jit.irtext import parse_lit
    return ins(J, spec, a, parse_lit("CONV", mode))


ADD1 = """\
0001    int SLOAD  #3    CI
0002    num CONV   0001  num.int
0003    num ADD    0002  +1.0
"""


def test_an_index_of_i_plus_1_is_an_int_add_without_overflow_check():
    """CONV int.num index(ADD(CONV num.int(i), +1)) ==> ADD(i, +1): the ABC on the
    index catches an overflow (wrap-around makes it negative)."""
    J = state(ADD1, flags=ON)
    conv(J, ">int CONV", ref(3), "int.num index")
    assert dump(J) == ADD1 + "0004    int ADD    0001  +1\n"


def test_a_checked_conversion_becomes_an_overflow_checked_add():
    J = state(ADD1, flags=ON)
    conv(J, ">int CONV", ref(3), "int.num check")
    assert dump(J) == ADD1 + "0004 >  int ADDOV  0001  +1\n"


def test_narrowing_off_keeps_the_conversion():
    J = state(ADD1, flags=OFF)
    conv(J, ">int CONV", ref(3), "int.num index")
    assert dump(J) == ADD1 + "0004 >  int CONV   0003  int.num index\n"


def test_no_narrowing_after_the_loop_marker():
    J = state(ADD1 + "0004 ------ LOOP ------------\n", flags=ON)
    conv(J, ">int CONV", ref(3), "int.num index")
    assert dump(J).endswith("0005 >  int CONV   0003  int.num index\n")


def test_the_back_propagation_is_cached():
    J = state(ADD1, flags=ON)
    a = conv(J, ">int CONV", ref(3), "int.num check")
    assert J.bpropcache and J.bpropcache[0][:2] == (ref(3), a & 0xFFFF)
    assert conv(J, ">int CONV", ref(3), "int.num check") == a
    assert dump(J) == ADD1 + "0004 >  int ADDOV  0001  +1\n"


NUMS = """\
0001 >  num SLOAD  #2    T
0002 >  num SLOAD  #3    T
0003    num ADD    0001  0002
0004    num ADD    0001  +1.5
"""


def test_two_conversions_are_one_too_many():
    """ADD(x, y) of two numbers would need two conversions instead of one: kept."""
    J = state(NUMS, flags=ON)
    conv(J, ">int CONV", ref(3), "int.num index")
    assert dump(J) == NUMS + "0005 >  int CONV   0003  int.num index\n"


def test_a_fractional_constant_stops_narrowing():
    J = state(NUMS, flags=ON)
    conv(J, ">int CONV", ref(4), "int.num index")
    assert dump(J) == NUMS + "0005 >  int CONV   0004  int.num index\n"


def test_one_number_operand_is_converted_and_the_add_narrowed():
    J = state(NUMS.replace("+1.5", "+2.0"), flags=ON)
    conv(J, ">int CONV", ref(4), "int.num index")
    assert dump(J).endswith("0005 >  int CONV   0001  int.num index\n"
                            "0006    int ADD    0005  +2\n")


def test_tobit_of_a_number_add_is_int_arithmetic():
    J = state(NUMS.replace("+1.5", "+5.0"), flags=ON)
    ins(J, "int TOBIT", ref(4), parse_k(J, "bias"))
    assert dump(J).endswith("0005    int TOBIT  0001  bias\n0006    int ADD    0005  +5\n")


def test_conv_int_num_of_conv_num_int_is_the_int():
    J = state(ADD1, flags=ON)
    assert conv(J, ">int CONV", ref(2), "int.num index") & 0xFFFF == ref(1)
    assert dump(J) == ADD1


# -- The recorder's entry points ------------------------------------------------------------

INTS = """\
0001    int SLOAD  #3    CI
0002 >  num SLOAD  #2    T
"""


def test_int_plus_int_is_an_overflow_checked_add_when_the_result_fits():
    J = state(INTS, flags=ON)
    i = TREF(ref(1), IRT_INT)
    k = TREF(parse_k(J, "+3"), IRT_INT)
    narrow.narrow_arith(J, i, k, 10.0, 3.0, IR["ADD"])
    narrow.narrow_arith(J, i, k, 10.0, 3.0, IR["SUB"])
    assert dump(J) == INTS + "0003 >  int ADDOV  0001  +3\n0004 >  int SUBOV  0001  +3\n"


def test_an_int_result_that_would_overflow_is_number_arithmetic():
    J = state(INTS, flags=ON)
    i = TREF(ref(1), IRT_INT)
    k = TREF(parse_k(J, "+2147483647"), IRT_INT)
    narrow.narrow_arith(J, i, k, 10.0, 2147483647.0, IR["ADD"])
    assert dump(J) == INTS + ("0003    num CONV   0001  num.int\n"
                              "0004    num ADD    0003  +2147483647.0\n")


def test_mul_is_never_narrowed():
    """It would lose -0 (LuaJIT narrows MUL only in the dual-number mode)."""
    J = state(INTS, flags=ON)
    i = TREF(ref(1), IRT_INT)
    narrow.narrow_arith(J, i, TREF(parse_k(J, "+3"), IRT_INT), 10.0, 3.0, IR["MUL"])
    assert "MULOV" not in dump(J) and dump(J).endswith("num MUL    0003  +3.0\n")


def test_an_index_drops_the_overflow_check_of_its_outer_add():
    J = state(INTS + "0003 >  int ADDOV  0001  +1\n0004 >  int ADDOV  0001  0001\n", flags=ON)
    narrow.narrow_index(J, TREF(ref(3), IRT_INT))
    assert dump(J).endswith("0005    int ADD    0001  +1\n")
    assert narrow.narrow_index(J, TREF(ref(4), IRT_INT)) & 0xFFFF == ref(4)   # not a constant
    narrow.narrow_index(J, TREF(ref(2), IRT_NUM))
    assert dump(J).endswith("0006 >  int CONV   0002  int.num index\n")


def test_mod_of_ints_is_an_int_mod_unless_narrowing_is_off():
    J = state(INTS, flags=ON)
    i, k = TREF(ref(1), IRT_INT), TREF(parse_k(J, "+7"), IRT_INT)
    narrow.narrow_mod(J, i, k, 10.0, 7.0)
    assert dump(J) == INTS + "0003    int MOD    0001  +7\n"     # the NE guard of +7 folds
    J = state(INTS, flags=OFF)
    narrow.narrow_mod(J, i, TREF(parse_k(J, "+7"), IRT_INT), 10.0, 7.0)
    assert dump(J) == INTS + ("0003    num CONV   0001  num.int\n"
                              "0004    num DIV    0003  +7.0\n"
                              "0005    num FPMATH 0004  floor\n"
                              "0006    num MUL    0005  +7.0\n"
                              "0007    num SUB    0003  0006\n")


@pytest.mark.parametrize("start, stop, step, flags, want", [
    (1.0, 100.0, 1.0, ON, IRT_INT),
    (100.0, 1.0, -1.0, ON, IRT_INT),
    (1.0, 50.0, 0.5, ON, IRT_NUM),                      # a fractional step
    (1.5, 50.0, 1.0, ON, IRT_NUM),                      # a fractional start
    (2147483547.0, 2147483647.0, 1.0, ON, IRT_NUM),     # stop + step overflows
    (-2147483548.0, -2147483648.0, -1.0, ON, IRT_NUM),
    (-2147483548.0, -2147483647.0, -1.0, ON, IRT_INT),
    (1.0, 100.0, 1.0, OFF, IRT_NUM),                    # -O-narrow
])
def test_the_forl_index_type(start, stop, step, flags, want):
    J = state(flags=flags)
    assert narrow.narrow_forl(J, start, stop, step) == want


# -- With the recorder and LOOP: checked against LuaJIT ----------------------------------------

@pytest.mark.parametrize("name, traceno", case_traces("narrow_", looped=True))
def test_narrow_loop_pass(name, traceno):
    want = ir_sections(case_lines(name))[traceno]
    J, consts = trace_state(preroll(want), case_flags(name))
    assert opt_loop(J) == 0
    assert format_trace(J, consts) == want


@pytest.mark.parametrize("name", case_names("narrow_"))
def test_narrow_recorded(name):
    assert moonlens_dump(name) == case_lines(name)


def first_ir(name, traceno=1):
    return [line[5:].split()[:4] for line in ir_sections(case_lines(name))[traceno]
            if not line.startswith("....")]


def test_what_the_cases_show():
    assert first_ir("narrow_forl")[0] == ["int", "SLOAD", "#3", "CI"]
    for name in ("narrow_off", "narrow_forl_num", "narrow_forl_overflow"):
        assert first_ir(name)[0] == ["num", "SLOAD", "#3", "I"]
    assert ["int", "MOD", "0001", "+7"] in first_ir("narrow_mod")
    assert not any(w[1] == "MOD" for w in first_ir("narrow_mod_off"))
    assert [">", "int", "ADDOV", "0001"] in first_ir("narrow_addov")
    assert [">", "int", "SUBOV", "0001"] in first_ir("narrow_addov")
