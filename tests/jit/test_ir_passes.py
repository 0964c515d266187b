"""IR passes besides FOLD, as text IR in and text IR out (the -jdump format), with the
IR verifier run after every step (tests/jit/irtest.py): dead-code elimination
(opt_dce.py), load forwarding and dead-store elimination (opt_mem.py)."""

from moonlens.jit.ir import REF_BIAS
from moonlens.jit.irtext import parse_k
from moonlens.jit.opt_dce import opt_dce
from moonlens.jit.snap import SNAP, Snap
from moonlens.jit.trace import Trace
from tests.jit.irtest import dump, ins, state

MEM = {"fold", "cse", "fwd", "dse"}


def ref(n):
    return REF_BIAS + n


def with_snapshot(J, *slots_refs):
    """Give J a trace whose one snapshot holds (slot, ref) entries."""
    T = J.trace = Trace(1)
    snap = Snap()
    snap.mapofs, snap.nent = 0, len(slots_refs)
    T.snap = [snap]
    T.snapmap = [SNAP(slot, 0, ref(n)) for slot, n in slots_refs]
    return J


def dce(text, *snapshot):
    J = with_snapshot(state(text), *snapshot)
    opt_dce(J)
    return dump(J)


def test_dce_drops_what_nothing_needs():
    assert dce("""\
0001 >  int SLOAD  #1    T
0002    int ADD    0001  +1
0003    int MUL    0002  +2
0004 >  int LT     0001  +10
0005    num CONV   0001  num.int
""") == """\
0001 >  int SLOAD  #1    T
0004 >  int LT     0001  +10
"""


def test_dce_keeps_what_a_snapshot_needs_and_its_operands():
    assert dce("""\
0001 >  int SLOAD  #1    T
0002    int ADD    0001  +1
0003    int MUL    0002  +2
0004    num CONV   0001  num.int
""", (3, 3)) == """\
0001 >  int SLOAD  #1    T
0002    int ADD    0001  +1
0003    int MUL    0002  +2
"""


def test_dce_keeps_stores_and_their_operands():
    assert dce("""\
0001 >  tab SLOAD  #1    T
0002    p64 FLOAD  0001  tab.array
0003    p64 AREF   0002  +1
0004    num CONV   0003  num.int
0005    num ASTORE 0003  +1.5
""") == """\
0001 >  tab SLOAD  #1    T
0002    p64 FLOAD  0001  tab.array
0003    p64 AREF   0002  +1
0005    num ASTORE 0003  +1.5
"""


STORED = """\
0001 >  tab SLOAD  #1    T
0002    p64 FLOAD  0001  tab.array
0003    p64 AREF   0002  +1
0004    num ASTORE 0003  +1.5
"""


def test_a_load_after_a_store_to_the_same_slot_is_forwarded():
    J = state(STORED, flags=MEM)
    tr = ins(J, ">num ALOAD", ref(3))
    assert J.cur.kval[tr & 0xFFFF] == 1.5
    assert dump(J) == STORED            # no ALOAD emitted


def test_a_store_to_a_table_that_may_be_the_same_stops_forwarding():
    J = state(STORED + """\
0005 >  tab SLOAD  #2    T
0006    p64 FLOAD  0005  tab.array
0007    p64 AREF   0006  +1
0008    num ASTORE 0007  +2.5
""", flags=MEM)
    ins(J, ">num ALOAD", ref(3))
    assert dump(J).endswith("0009 >  num ALOAD  0003\n")


def test_forwarding_off_loads_again():
    J = state(STORED, flags={"fold", "cse"})
    ins(J, ">num ALOAD", ref(3))
    assert dump(J).endswith("0005 >  num ALOAD  0003\n")


def test_a_store_over_a_store_kills_the_first():
    J = state(STORED, flags=MEM)
    ins(J, "num ASTORE", ref(3), parse_k(J, "+2.5"))
    assert dump(J) == STORED.replace("0004    num ASTORE 0003  +1.5",
                                     "0005    num ASTORE 0003  +2.5")


def test_a_load_between_two_stores_keeps_the_first():
    J = state(STORED + "0005 >  tab SLOAD  #2    T\n0006    p64 FLOAD  0005  tab.array\n"
              "0007    p64 AREF   0006  +1\n0008 >  num ALOAD  0007\n", flags=MEM)
    ins(J, "num ASTORE", ref(3), parse_k(J, "+2.5"))
    out = dump(J)
    assert "0004    num ASTORE 0003  +1.5" in out and "num ASTORE 0003  +2.5" in out
