"""The front-end differential corpus (tests/corpus/{bytecode,syntax_errors,ffi_literals}).

The expected files were written by tests/tools/gen_bytecode_corpus.py from a real
LuaJIT 2.1 (its version is the first line of each file); the same module compares
MoonLens with them, so `gen_bytecode_corpus.py --check` and these tests agree.
Remaining differences are listed in docs/frontend-corpus.md.
"""

import re

import pytest

from moonlens.vm.bytecode import NAMES
from moonlens.vm.loader import LuaSyntaxError, analyze, load
from tests.conftest import ROOT
from tests.tools.gen_bytecode_corpus import (
    BYTECODE, FFI, SYNTAX, compare_error, compare_listing, error_chunkname,
    expected_path, lua_path, names, read_expected,
)

# Opcodes of the 97 that LuaJIT's parser never emits, and why.
NOT_FROM_PARSER = {
    # Only in the bytecode of LuaJIT's built-in library functions written in Lua.
    "ISTYPE": "library", "ISNUM": "library", "TGETR": "library", "TSETR": "library",
    # Variants the runtime patches in for hot loops and functions (I* = JIT off, J* = trace).
    "JFORI": "runtime", "IFORL": "runtime", "JFORL": "runtime", "IITERL": "runtime",
    "JITERL": "runtime", "ILOOP": "runtime", "JLOOP": "runtime", "IFUNCF": "runtime",
    "JFUNCF": "runtime", "IFUNCV": "runtime", "JFUNCV": "runtime",
    # Headers of C functions.
    "FUNCC": "C function", "FUNCCW": "C function",
}
# LuaJIT emits these, but not where `-bl` shows them or not in MoonLens.
HEADERS = ("FUNCF", "FUNCV")       # code[0]; -bl starts listing at pc 1
FFI_ONLY = ("KCDATA",)             # FFI number literals; MoonLens refuses them

_LISTING_OP = re.compile(r"^\d{4} (?:=> |   )([A-Z0-9]+)", re.M)
_FFI_REFUSED = re.compile(r"^(\w+)\.lua:\d+: FFI number literals are not supported near '(.+)'$")


def _listed_opcodes(directory):
    ops = set()
    for name in names(directory):
        text = read_expected(directory, name)[1].decode("latin-1")
        ops.update(_LISTING_OP.findall(text))
    return ops


# -- One test per corpus file --------------------------------------------------------------

@pytest.mark.parametrize("name", names(BYTECODE))
def test_listing_equals_luajit(name):
    diff = compare_listing(name)
    assert not diff, "\n" + diff


@pytest.mark.parametrize("name", names(SYNTAX))
def test_syntax_error_equals_loadstring(name):
    diff = compare_error(name)
    assert not diff, "\n" + diff


@pytest.mark.parametrize("name", names(FFI))
def test_ffi_literal_is_the_documented_refusal(name):
    """LuaJIT compiles FFI literals to KCDATA; MoonLens has no FFI and says so."""
    _, want = read_expected(FFI, name)
    assert b"KCDATA" in want
    source = lua_path(FFI, name).read_bytes()
    with pytest.raises(LuaSyntaxError) as info:
        load(source, error_chunkname(name))
    m = _FFI_REFUSED.match(info.value.message)
    assert m and m.group(1) == name, info.value.message
    assert m.group(2).encode() in source


# -- The corpus as a whole -----------------------------------------------------------------

def test_corpus_sizes():
    assert len(names(BYTECODE)) >= 150
    assert len(names(SYNTAX)) >= 60


@pytest.mark.parametrize("directory", (BYTECODE, SYNTAX, FFI), ids=lambda d: d.name)
def test_every_file_has_its_expected_file_from_luajit_2_1(directory):
    for name in names(directory):
        engine, _ = read_expected(directory, name)
        assert engine.startswith("LuaJIT 2.1"), (name, engine)
    stale = {p.stem for p in directory.iterdir() if p.suffix in (".bl", ".err")}
    assert stale == set(names(directory))
    assert all(expected_path(directory, n).exists() for n in names(directory))


def test_every_opcode_the_parser_emits_is_listed():
    emittable = set(NAMES) - set(NOT_FROM_PARSER) - set(HEADERS) - set(FFI_ONLY)
    assert len(emittable) == 77
    assert emittable <= _listed_opcodes(BYTECODE)
    assert set(FFI_ONLY) <= _listed_opcodes(FFI)


def test_excluded_opcodes_are_not_emitted_by_the_compiler():
    """If the compiler starts emitting one of them, the exclusion list is wrong."""
    source = (ROOT / "vm" / "compiler.py").read_text()
    for op in list(NOT_FROM_PARSER) + list(FFI_ONLY):
        assert "BC_" + op not in source, op


def test_function_headers_occur():
    """-bl does not show code[0]: the corpus must still compile both header kinds."""
    heads = set()
    for name in ("func_params_many", "varargs_positions"):
        proto = load(lua_path(BYTECODE, name).read_bytes(), "@" + name + ".lua")
        heads.update(NAMES[p.code[0] & 0xFF] for p in proto.walk())
    assert heads == set(HEADERS)


# -- Regressions ------------------------------------------------------------------------------

def _first_error(source):
    with pytest.raises(LuaSyntaxError) as info:
        load(source, "=t")
    return info.value.message


def test_compile_error_before_a_syntax_error_wins():
    # LuaJIT generates code while parsing: the register overflow on line 1 comes first.
    args = ", ".join(str(i) for i in range(260))
    assert _first_error("f(%s)\nx = = 1\n" % args) == (
        "t:1: function or expression too complex near '248'")
    # A syntax error before the overflow still wins.
    assert _first_error("x = = 1\nf(%s)\n" % args) == "t:1: unexpected symbol near '='"


def test_compile_error_before_a_scope_error_wins():
    args = ", ".join("a%d" % i for i in range(255))
    src = "goto nowhere\nlocal function f() return h(%s) end\n" % args
    assert _first_error(src) == "t:2: function or expression too complex near 'a248'"


def test_syntax_levels_keep_the_tree_and_one_diagnostic():
    # Nested calls run out of registers before the 200 syntax levels.
    assert _first_error("x = " + "f(" * 250 + ")" * 250) == (
        "t:1: function or expression too complex near '('")
    src = "local a = 1\nx = " + "{" * 250 + "}" * 250 + "\nlocal b = 2\n"
    assert _first_error(src) == "t:2: chunk has too many syntax levels"
    sf, _ = analyze(src, "=t")
    assert [d.message for d in sf.diagnostics] == ["chunk has too many syntax levels"]
    assert len(sf.chunk.body.stats) == 2     # `local a` and the truncated assignment


def test_hex_exponent_sign_after_a_leading_dot():
    # lex_number picks the exponent letter from the first digits ("0x" -> 'p'),
    # also when the number starts with '.'; the fuzzer found ".0xp-" cut at "-".
    assert _first_error(".0xp-") == "t:1: malformed number near '.0xp-'"
    assert _first_error("x = .0x1p+2") == "t:1: malformed number near '.0x1p+2'"
    assert _first_error("x = .0xe-1") == "t:1: malformed number near '.0xe'"
