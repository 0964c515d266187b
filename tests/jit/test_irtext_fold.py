"""Text IR round trips, the verifier, and the first FOLD/CSE rules."""

import pytest

from tests.jit.irtest import dump, ins, state
from moonlens.jit.fold import FAILFOLD, RULES
from moonlens.jit.ir import REF_DROP
from moonlens.jit.irtext import parse_k
from moonlens.jit.irverify import IRError, verify
from moonlens.jit.traceerr import TraceError

LOOP_IR = """\
0001 >  int SLOAD  #1    T
0002 >  tab SLOAD  #2    T
0003    int FLOAD  0002  tab.asize
0004 >  int ABC    0003  0001
0005    p64 FLOAD  0002  tab.array
0006    p64 AREF   0005  0001
0007 >  num ALOAD  0006
0008    num ADD    0007  +1.5
0009    num CONV   0001  num.int
0010 ------ LOOP ------------
0011    num MUL    0008  0009
"""


def test_round_trip_of_jdump_text():
    J = state(LOOP_IR)
    assert dump(J) == LOOP_IR


def test_constants_are_interned():
    J = state()
    assert parse_k(J, "+1.5") == parse_k(J, "+1.5")
    assert parse_k(J, "+3") != parse_k(J, "+3.0")
    assert J.cur.nconst() == 3 + 2 + 1 + 2      # KPRIs, one KNUM (2 slots), KINT, KNUM


def test_constant_folding_numbers_and_ints():
    J = state()
    k = lambda s: parse_k(J, s)      # noqa: E731
    assert J.cur.kval[ins(J, "num ADD", k("+1.5"), k("+2.0")) & 0xFFFF] == 3.5
    assert J.cur.kval[ins(J, "num DIV", k("+1.0"), k("+0.0")) & 0xFFFF] == float("inf")
    assert J.cur.kval[ins(J, "int MUL", k("+65536"), k("+65536")) & 0xFFFF] == 0
    assert J.cur.kval[ins(J, "int MOD", k("-7"), k("+3")) & 0xFFFF] == 2
    assert J.cur.kval[ins(J, "int BSHR", k("-1"), k("+28")) & 0xFFFF] == 15
    assert ins(J, ">int LT", k("+1"), k("+2")) == REF_DROP
    with pytest.raises(TraceError) as e:
        ins(J, ">num GT", k("+1.0"), k("+2.0"))
    assert e.value.code == 24 and FAILFOLD == 3       # GFAIL: guard would always fail
    assert dump(J) == ""


def test_overflow_checked_constants():
    J = state()
    k = lambda s: parse_k(J, s)      # noqa: E731
    assert J.cur.kval[ins(J, ">int ADDOV", k("+2"), k("+3")) & 0xFFFF] == 5
    with pytest.raises(TraceError):
        ins(J, ">int ADDOV", k("+2147483647"), k("+1"))


def test_cse_returns_the_earlier_instruction():
    J = state("0001 >  num SLOAD  #1    T\n")
    one = parse_k(J, "+1.0")
    a = ins(J, "num ADD", 0x8001, one)
    b = ins(J, "num ADD", 0x8001, one)
    assert a == b
    assert dump(J) == "0001 >  num SLOAD  #1    T\n0002    num ADD    0001  +1.0\n"


def test_cse_off_emits_again():
    J = state("0001 >  num SLOAD  #1    T\n", flags={"fold", "fwd", "dse"})
    one = parse_k(J, "+1.0")
    assert ins(J, "num ADD", 0x8001, one) != ins(J, "num ADD", 0x8001, one)


def test_verifier_catches_a_forward_reference():
    J = state(LOOP_IR)
    J.cur.op1[0x8003] = 0x8005
    with pytest.raises(IRError, match="forward ref"):
        verify(J.cur)


def test_rules_are_registered_once_per_key():
    assert len(RULES) >= 40
