"""Regressions found by the front-end fuzzer (tests/fuzz/fuzz_frontend.py).

Expected messages and listings are what Debian's LuaJIT 2.1 answers; the tests
do not need luajit (one optional test compares with it when installed).
"""

import os
import subprocess

import pytest

from moonlens.vm.bclist import listing
from moonlens.vm.loader import LuaSyntaxError, analyze, load
from tests.fuzz.fuzz_frontend import check

LUAJIT = "/usr/bin/luajit"


def message(src):
    sf, _ = analyze(src, "=t")
    return sf.error_message()


def instructions(text):
    return [line for line in text.decode("latin-1").splitlines() if line[:4].isdigit()]


# -- Crash: RecursionError on long left-recursive chains ----------------------------
# scopes._Resolver.expr, compiler._Compiler.expr and compiler._Compiler.primary_target
# recursed once per link; LuaJIT loops over these chains.

CHAINS = [
    (b".b", "TGETS"), (b"()", "CALL"), (b"[1]", "TGETB"), (b" + a", "ADDVV"),
    (b":m()", "CALL"), (b" < a", "ISLT"),
]


@pytest.mark.parametrize("link,op", CHAINS, ids=[c[1] for c in CHAINS])
def test_long_left_chain_compiles(link, op):
    n = 25000 if link == b".b" else 12000
    out = check(b"x = a" + link * n)
    assert not out.violations, out.violations[0]
    assert out.status == "proto"
    ins = instructions(out.answer[1])
    assert sum(1 for line in ins if op in line) >= n


def test_long_dotted_function_name_compiles():
    n = 25000
    proto = load(b"function a" + b".b" * n + b"() end", "=t")
    ins = instructions(listing(proto))
    assert sum(1 for line in ins if "TGETS" in line) == n - 1
    assert sum(1 for line in ins if "TSETS" in line) == 1


def test_long_chain_resolves_names():
    sf, scopes = analyze(b"local a = {} x = a" + b".b" * 25000 + b" + a", "=t")
    assert not sf.diagnostics
    (var,) = [v for v in scopes.vars if v.name == "a"]
    assert len(var.refs) == 2


# -- LuaJIT mismatch: a NUL byte in messages ----------------------------------------
# lexer.near_text / lexer._near: token 0 gets no "near" part, and near text is a C
# string (it ends at the first NUL).

@pytest.mark.parametrize("src,expected", [
    (b"\x00", "t:1: unexpected symbol"),
    (b"x = 1 \x00", "t:1: unexpected symbol"),
    (b"(s\x00", "t:1: ')' expected"),
    (b"local\x00", "t:1: '<name>' expected"),
    (b"for k\x00", "t:1: '=' or 'in' expected"),
    (b"if o\x00", "t:1: 'then' expected"),
    (b"local 'a\\0b'", "t:1: '<name>' expected near ''a'"),
    (b"local 'a\x00b'", "t:1: '<name>' expected near ''a'"),
    (b"'\\0\r", "t:1: unfinished string near '''"),
    (b"x = '\x00abc\n", "t:1: unfinished string near '''"),
])
def test_nul_in_messages(src, expected):
    assert message(src) == expected


# -- LuaJIT mismatch: goto/break errors of a function without 'end' -----------------
# scopes._Resolver.function: LuaJIT reports the missing 'end' before settling the
# function's gotos; with the 'end' present, before scanning the token after it.

@pytest.mark.parametrize("src,expected", [
    (b"if function()break", "t:1: 'end' expected near '<eof>'"),
    (b"function x()while y do\ngoto conti",
     "t:2: 'end' expected (to close 'while' at line 1) near '<eof>'"),
    (b"function t()c[\"\"]=8 goto done1\nv.", "t:2: '<name>' expected near '<eof>'"),
    (b"function s()goto done1 for a in b do\nfunction b()end",
     "t:2: 'end' expected (to close 'for' at line 1) near '<eof>'"),
    (b"function f() if x then end", "t:1: 'end' expected near '<eof>'"),
    (b"f = function() goto x end \"abc", "t:1: undefined label 'x'"),
    (b"function f() break end ]", "t:1: no loop to break"),
    (b"function f() goto l\n::l:: end \"", "t:2: unfinished string near '<eof>'"),
])
def test_scope_errors_after_syntax_errors(src, expected):
    assert message(src) == expected


# -- LuaJIT mismatch: duplicate label without its closing '::' ----------------------
# parser._Parser.parse_label, scopes._Resolver.s_Label: LuaJIT checks for a
# duplicate before the closing '::'.

@pytest.mark.parametrize("src,expected", [
    (b"::top1::::top1", "t:1: duplicate label 'top1'"),
    (b"::a:: ::a x = 1", "t:1: duplicate label 'a'"),
    (b"::a:: ::a \"s", "t:1: unfinished string near '<eof>'"),
    (b"::a\nx=1", "t:2: '::' expected near 'x'"),
    (b"goto a ::a", "t:1: '::' expected near '<eof>'"),
])
def test_duplicate_label_before_missing_closer(src, expected):
    assert message(src) == expected


# -- LuaJIT mismatch: when "jumps into the scope" is reported -------------------------
# scopes._Resolver.resolve_gotos / block_stats: LuaJIT resolves gotos to a label
# after parsing its closing '::' and the labels right after it, last label first.

@pytest.mark.parametrize("src,expected", [
    (b"goto done1\nlocal x::done1:", "t:2: '::' expected near ':'"),
    (b"goto l local x ::l x", "t:1: '::' expected near 'x'"),
    (b"goto l local x ::l:: ::m x", "t:1: '::' expected near 'x'"),
    (b"goto l local x ::l:: \"unf", "t:1: unfinished string near '<eof>'"),
    (b"goto l local x ::l:: ::m:: \x00", "t:1: <goto l> jumps into the scope of local 'x'"),
    (b"goto l goto m local x ::l:: ::m:: y()", "t:1: <goto m> jumps into the scope of local 'x'"),
    (b"goto l goto m local x ::l:: ; ::m:: y()",
     "t:1: <goto l> jumps into the scope of local 'x'"),
    (b"goto l local x ::l:: ::l:: y()", "t:1: duplicate label 'l'"),
])
def test_goto_into_scope_order(src, expected):
    assert message(src) == expected


# -- LuaJIT mismatch: no "ambiguous syntax" after a looked-ahead name ---------------
# parser._Parser.parse_args: after `goto` at a statement start or a name starting a
# table item, LuaJIT has scanned the next token, so '(' on the next line is a call.

LOOKAHEAD_SRC = b"local goto = print\ngoto\n(1)\nt = { f\n(x), goto\n(2) }\n"
LOOKAHEAD_LISTING = b"""\
-- BYTECODE -- la.lua:0-7
0001    GGET     0   0      ; "print"
0002    MOV      1   0
0003    KSHORT   3   1
0004    CALL     1   1   2
0005    TNEW     1   3
0006    GGET     2   1      ; "f"
0007    GGET     4   2      ; "x"
0008    CALL     2   2   2
0009    TSETB    2   1   1
0010    MOV      2   0
0011    KSHORT   4   2
0012    CALL     2   0   2
0013    TSETM    2   0      ; 2
0014    GSET     1   3      ; "t"
0015    RET0     0   1

"""


def test_call_after_lookahead_is_not_ambiguous():
    assert listing(load(LOOKAHEAD_SRC, "@la.lua")) == LOOKAHEAD_LISTING
    assert message(b"f\n(x)") == "t:2: ambiguous syntax (function call x new statement) near '('"
    assert message(b"t = { f.a\n(x) }") == \
        "t:2: ambiguous syntax (function call x new statement) near '('"
    with pytest.raises(LuaSyntaxError):
        load(b"t = { [1] = f\n(x) }")


@pytest.mark.skipif(not os.access(LUAJIT, os.X_OK), reason="luajit is not installed")
def test_lookahead_listing_matches_luajit(tmp_path):
    path = tmp_path / "la.lua"
    path.write_bytes(LOOKAHEAD_SRC)
    out = subprocess.run([LUAJIT, "-bl", str(path)], capture_output=True, check=True).stdout
    assert out == LOOKAHEAD_LISTING
