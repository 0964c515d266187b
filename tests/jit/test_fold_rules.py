"""The FOLD rules of lj_opt_fold.c, one case each, as text IR in and text IR out.

The cases live in tests/jit/fold_cases/*.txt. A case:

    == rule_name: what it shows
    opt -abc                            (optional: optimisation flags to switch off)
    0001 >  int SLOAD  #1    T          (the IR before, in -jdump format)
    fold    int SUB    0001  +5         (an instruction to fold; ">" marks a guard)
    => 0002                             (its result: a ref, a constant, DROP or FAIL)
    0002    int ADD    0001  -5         (the instructions the folding added)

Several fold/=> pairs may follow each other. Operands are written as -jdump shows
them, plus NULL (a KNULL of the instruction's type) and +5LL (a KINT64); results
print a KINT64 as +5LL. Every result whose instruction is not a guard must have the
instruction's type (lj_opt_fold.c's requirement #1), unless written with a "~".
Where a case was checked against a real LuaJIT, the .txt file gives the Lua code.
"""

import math
import pathlib
import re

import pytest

from moonlens.jit.fold import RULES, emitir
from moonlens.jit.ir import (
    IR, IRNAMES, IRT, IRT_DUMPNAME, IRT_GUARD, IRT_ISPHI, IRT_TYPE, REF_BIAS, REF_DROP, irm_op1,
    irm_op2,
)
from moonlens.jit.irbuf import IRTYPE, i32
from moonlens.jit.irtext import M_LIT, M_NONE, format_ins, format_k, parse_k, parse_lit
from moonlens.jit.irverify import verify
from moonlens.jit.trace import Jit
from moonlens.jit.traceerr import TraceError
from moonlens.vm.runtime import new_state

CASES_DIR = pathlib.Path(__file__).parent / "fold_cases"
VM = new_state(libs=False)
TYPES = {name.strip(): i for i, name in enumerate(IRT_DUMPNAME)}
LINE = re.compile(r"^(\d{4}|fold) ([ >])([ +]) (\w+) +(\w+) *(.*)$")


class Strings(dict):
    """"..." constants (with Python's backslash escapes): the VM's interned strings."""

    def __missing__(self, tok):
        return VM.str(tok[1:-1].encode("latin-1").decode("unicode_escape").encode("latin-1"))


def gcname(tv, t):
    """A string constant as "..." with backslash escapes (other GC objects: {gc})."""
    if t != IRT["STR"]:
        return "{gc}"
    text = "".join(chr(c) if 32 <= c < 127 and c not in b'"\\' else "\\x%02x" % c
                   for c in VM.sbytes(tv))
    return '"%s"' % text


# -- Reading cases -----------------------------------------------------------------------------

def load_cases():
    cases = []
    for path in sorted(CASES_DIR.glob("*.txt")):
        for block in re.split(r"^== ", path.read_text(), flags=re.M)[1:]:
            title, _, body = block.partition("\n")
            lines = [ln for ln in body.splitlines() if ln.strip() and not ln.startswith("#")]
            cases.append(pytest.param(lines, id="%s: %s" % (path.stem, title.strip())))
    return cases


def split_case(lines):
    """(flags off, input lines, [(fold line, result)], expected new lines)."""
    off, before, steps, after = set(), [], [], []
    for line in lines:
        if line.startswith("opt "):
            off |= {w.lstrip("-") for w in line.split()[1:]}
        elif line.startswith("fold"):
            steps.append([line, None])
        elif line.startswith("=> "):
            steps[-1][1] = line[3:].strip()
        elif steps:
            after.append(line.rstrip())
        else:
            before.append(line.rstrip())
    return off, before, steps, after


# -- Building IR -------------------------------------------------------------------------------

def parse_line(J, line):
    """(ot, op1, op2) of one IR line."""
    if "------ LOOP" in line:
        return IRTYPE(IR["LOOP"], IRT["NIL"]), 0, 0
    m = LINE.match(line)
    assert m, "bad IR line %r" % line
    _, guard, phi, tname, opname, rest = m.groups()
    o = IR[opname]
    t = TYPES[tname] | (IRT_GUARD if guard == ">" else 0) | (IRT_ISPHI if phi == "+" else 0)
    tokens = re.findall(r'"(?:[^"\\]|\\.)*"|\S+', rest)
    a = b = 0
    if irm_op1(o) != M_NONE:
        a = operand(J, tokens.pop(0), opname, t, first=True)
    if irm_op2(o) != M_NONE and tokens:
        if irm_op2(o) == M_LIT and not tokens[0].startswith("#"):
            b = parse_lit(opname, " ".join(tokens))
        else:
            b = operand(J, tokens[0], opname, t, first=False)
    return IRTYPE(o, t), a, b


def operand(J, tok, opname, t, first):
    cur = J.cur
    if tok.startswith("#"):
        n = int(tok[1:])
        return n << 8 if opname in ("UREFO", "UREFC") and not first else n
    if re.fullmatch(r"\d{4}", tok):
        return int(tok) + REF_BIAS
    if tok == "NULL":
        return cur.knull(t & IRT_TYPE) & 0xFFFF
    if tok.endswith("LL"):
        return cur.kint64(int(tok[:-2])) & 0xFFFF
    return parse_k(J, tok, Strings()) & 0xFFFF


def new_jit(off):
    J = Jit(VM)
    J.flags -= off
    J.cur.reset()
    return J


def build(J, before):
    for line in before:
        assert int(line[:4]) == J.cur.nins - REF_BIAS, "IR line %s out of order" % line[:4]
        J.cur.emit_raw(*parse_line(J, line))
    verify(J.cur)


# -- Folding and printing ------------------------------------------------------------------------

def fold_line(J, line):
    """Fold one instruction; its result as text (and the instruction's ot)."""
    ot, a, b = parse_line(J, line)
    try:
        tr = emitir(J, ot, a, b)
    except TraceError as e:
        assert e.code == 24, e          # GFAIL
        return "FAIL", None
    if tr == REF_DROP:
        return "DROP", None
    ref = tr & 0xFFFF
    assert (tr >> 24) & IRT_TYPE == J.cur.t[ref] & IRT_TYPE, "TRef type differs from IR"
    return result_text(J, ref), ot


def result_text(J, ref):
    cur = J.cur
    if ref >= REF_BIAS:
        return "%04d" % (ref - REF_BIAS)
    if cur.o[ref] == IR["KINT64"]:
        k = cur.kval[ref]
        return "%+dLL" % (k - (1 << 64) if k >> 63 else k)
    return format_k(cur, ref, exact=True, gcname=gcname)


def dump_from(J, start):
    lines = (format_ins(J.cur, ref, exact=True, gcname=gcname) for ref in range(start, J.cur.nins))
    return [line for line in lines if line is not None]


def check_type(J, ot, result, expected):
    """Requirement #1: a folded value keeps the instruction's type."""
    o, t = ot >> 8, ot & IRT_TYPE
    if o <= IR["ABC"] or expected.endswith("~") or result in ("DROP", "FAIL"):
        return
    ref = int(result) + REF_BIAS if re.fullmatch(r"\d{4}", result) else None
    if ref is not None:
        assert J.cur.t[ref] & IRT_TYPE == t, "result type of %s changed" % IRNAMES[o]


@pytest.mark.parametrize("lines", load_cases())
def test_fold_case(lines):
    off, before, steps, after = split_case(lines)
    J = new_jit(off)
    build(J, before)
    start = J.cur.nins
    for line, expected in steps:
        result, ot = fold_line(J, line)
        assert result == expected.rstrip("~"), "%s\n  gave %s" % (line, result)
        if ot is not None:
            check_type(J, ot, result, expected)
        verify(J.cur)
    assert dump_from(J, start) == after


def test_there_are_enough_cases():
    assert len(load_cases()) >= 150


def test_every_rule_key_is_registered_once():
    # 378 LJFOLD keys in lj_opt_fold.c; MoonLens leaves out the cdata ones.
    assert len(RULES) >= 340


# -- Cases that need values the text form cannot show --------------------------------------------

def fold_k(J, spec, a, b=0):
    tname, opname = spec.split()
    return emitir(J, IRTYPE(IR[opname], TYPES[tname]), a, b) & 0xFFFF


def kstr(J, s):
    return J.cur.kgc(VM.str(s), IRT["STR"]) & 0xFFFF


def strdata(s):
    return (VM.str(s) & ((1 << 47) - 1)) + 24


def test_strref_of_a_constant_string_is_a_constant_pointer_and_snew_of_it_a_string():
    J = new_jit(set())
    p = fold_k(J, "p64 STRREF", kstr(J, b"hello"), J.cur.kint(1) & 0xFFFF)
    assert J.cur.o[p] == IR["KKPTR"] and J.cur.kval[p] == strdata(b"hello") + 1
    s = fold_k(J, "str SNEW", p, J.cur.kint(3) & 0xFFFF)
    assert J.cur.kval[s] == VM.str(b"ell")


def test_xload_of_a_constant_pointer_reads_the_bytes():
    J = new_jit(set())
    p = fold_k(J, "p64 STRREF", kstr(J, b"\x81\x82\x83\x84\x85"), J.cur.kint(0) & 0xFFFF)
    cur = J.cur
    for tname, value in (("i8", -127), ("u8", 0x81), ("i16", i32(0xFFFF8281)), ("u16", 0x8281),
                         ("int", i32(0x84838281))):
        ref = emitir(J, IRTYPE(IR["XLOAD"], TYPES[tname]), p, 1) & 0xFFFF
        assert cur.o[ref] == IR["KINT"] and cur.kval[ref] == value, tname
    ref = emitir(J, IRTYPE(IR["XLOAD"], TYPES["u64"]), p, 1) & 0xFFFF
    assert cur.kval[ref] == int.from_bytes(b"\x81\x82\x83\x84\x85\x00\x00\x00", "little")
    assert cur.nins == REF_BIAS + 1         # nothing emitted


def test_pointer_arithmetic_on_constants():
    J = new_jit(set())
    cur = J.cur
    s = kstr(J, b"abc")
    base = VM.str(b"abc") & ((1 << 47) - 1)
    p = fold_k(J, "p64 ADD", s, cur.kint(8) & 0xFFFF)
    assert cur.o[p] == IR["KPTR"] and cur.kval[p] == base + 8
    q = fold_k(J, "p64 ADD", p, cur.kint64(-8) & 0xFFFF)
    assert cur.o[q] == IR["KPTR"] and cur.kval[q] == base
    r = fold_k(J, "p64 ADD", cur.kint(16) & 0xFFFF, s)      # the constant goes right
    assert cur.kval[r] == base + 16
    kk = fold_k(J, "p64 STRREF", s, cur.kint(1) & 0xFFFF)
    k2 = fold_k(J, "p64 ADD", kk, cur.kint(1) & 0xFFFF)
    assert cur.o[k2] == IR["KKPTR"] and cur.kval[k2] == strdata(b"abc") + 2


def test_abc_k_raises_the_earlier_check_to_the_larger_constant():
    J = new_jit(set())
    build(J, ["0001 >  tab SLOAD  #1    T", "0002    int FLOAD  0001  tab.asize",
              "0003 >  int ABC    0002  +3"])
    assert fold_line(J, "fold >  int ABC    0002  +5")[0] == "DROP"
    assert fold_line(J, "fold >  int ABC    0002  +4")[0] == "DROP"
    assert dump_from(J, REF_BIAS + 3) == ["0003 >  int ABC    0002  +5"]


def test_conv_sext_of_a_non_negative_induction_variable_is_dropped():
    J = new_jit(set())
    build(J, ["0001    int SLOAD  #1    CI", "0002 >  int SLOAD  #2    T"])

    class ScEv:
        idx, start, stop, dir = REF_BIAS + 1, J.cur.kint(1) & 0xFFFF, REF_BIAS + 2, True
    J.scev = ScEv()
    assert fold_line(J, "fold    i64 CONV   0001  i64.int sext")[0] == "0001~"[:4]
    assert fold_line(J, "fold    i64 CONV   0002  i64.int sext")[0] == "0003"
    ScEv.start = J.cur.kint(-1) & 0xFFFF
    assert fold_line(J, "fold    i64 CONV   0001  i64.int sext")[0] == "0004"


def test_calls_of_constants_give_the_c_library_values():
    J = new_jit(set())
    cur = J.cur
    for name, x, y in (("sin", 0.5, math.sin(0.5)), ("exp", 1000.0, math.inf),
                       ("log10", 0.0, -math.inf), ("asin", 2.0, math.nan),
                       ("sinh", -1000.0, -math.inf), ("lj_vm_trunc", -0.5, -0.0),
                       ("lj_vm_ceil", -0.5, -0.0), ("sqrt", -1.0, math.nan)):
        from moonlens.jit.ircall import IRCALL
        ref = fold_k(J, "num CALLN", cur.knum(x) & 0xFFFF, IRCALL[name])
        v = cur.kval[ref]
        assert (v != v and y != y) or (v == y and math.copysign(1, v) == math.copysign(1, y)), name
