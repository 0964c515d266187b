import math

import pytest

from moonlens.vm.lexer import lex, near_text
from moonlens.vm.tokens import (
    TK_concat, TK_dots, TK_eof, TK_eq, TK_label, TK_local, TK_name, TK_number,
    TK_string, token2str,
)


def kinds(src):
    toks, diags = lex(src)
    assert not diags, diags
    return [token2str(k) for k in toks.kind]


def values(src):
    toks, diags = lex(src)
    assert not diags, diags
    return toks.value[:-1]


def errors(src):
    _, diags = lex(src)
    return [(d.line, d.message) for d in diags]


def test_token_kinds():
    assert kinds(b"local x = a..b ... == ~= <= >= :: # ~ @") == [
        "local", "<name>", "=", "<name>", "..", "<name>", "...", "==", "~=", "<=", ">=",
        "::", "#", "~", "@", "<eof>"]


def test_single_byte_tokens_keep_their_byte():
    toks, _ = lex(b"$\x01")
    assert toks.kind[:2] == [ord("$"), 1]
    assert near_text(toks, 1) == "char(1)"


def test_names_and_keywords():
    toks, _ = lex(b"goto gotox _a1 \xc3\xa9t\xc3\xa9")
    assert token2str(toks.kind[0]) == "goto"
    assert toks.kind[1] == TK_name and toks.value[1] == "gotox"
    assert toks.value[3] == "été"   # bytes >= 0x80 are identifier characters in LuaJIT


@pytest.mark.parametrize("text,value", [
    (b"0", 0.0), (b"42", 42.0), (b"3.25", 3.25), (b".5", 0.5), (b"5.", 5.0),
    (b"1e3", 1000.0), (b"1E-2", 0.01), (b"1.e2", 100.0), (b"0x10", 16.0), (b"0XfF", 255.0),
    (b"0x1p4", 16.0), (b"0x.8", 0.5), (b"0x1.8p1", 3.0), (b"0b101", 5.0),
    (b"1e309", math.inf), (b"0xffffffffffffffff", 18446744073709551615.0),
])
def test_numbers(text, value):
    assert values(text) == [value]


def test_number_does_not_swallow_operator_after_hex_e():
    # 'e' is a hex digit in 0x1e, so "+5" is an operator and a number.
    assert kinds(b"0x1e+5") == ["<number>", "+", "<number>", "<eof>"]
    assert kinds(b"1e+5") == ["<number>", "<eof>"]
    assert kinds(b"a.5") == ["<name>", "<number>", "<eof>"]
    assert kinds(b"a..5") == ["<name>", "..", "<number>", "<eof>"]


@pytest.mark.parametrize("src,msg", [
    (b"x = 1e", "malformed number near '1e'"),
    (b"x = 0x", "malformed number near '0x'"),
    (b"x = 3.4.5", "malformed number near '3.4.5'"),
    (b"x = 1..2", "malformed number near '1..2'"),
    (b"x = 0b102", "malformed number near '0b102'"),
    (b"x = 1e1048576", "malformed number near '1e1048576'"),
])
def test_malformed_numbers(src, msg):
    assert errors(src) == [(1, msg)]


@pytest.mark.parametrize("src", [b"x = 12LL", b"x = 0x10ULL", b"x = 3i", b"x = 1.5i", b"x = 7ull"])
def test_ffi_literals_are_rejected_clearly(src):
    (line, msg), = errors(src)
    assert msg.startswith("FFI number literals are not supported near '")


def test_escapes():
    src = rb'"\a\b\f\n\r\t\v\\\"\'\65\0658\x41\u{48}\u{e9}\u{10FFFF}\z   ' + b'\n   x"'
    assert values(src) == [b"\a\b\f\n\r\t\v\\\"'A" + b"A8" + b"AH\xc3\xa9\xf4\x8f\xbf\xbfx"]


def test_backslash_newline_in_string():
    toks, diags = lex(b'x = "a\\\r\nb"\ny')
    assert not diags
    assert toks.value[2] == b"a\nb"
    assert toks.line[2] == 1 and toks.eline[2] == 2
    assert toks.line[3] == 3


@pytest.mark.parametrize("src,line,msg", [
    (b'x = "abc', 1, "unfinished string near '<eof>'"),
    (b'x = "abc\ny', 1, "unfinished string near '\"abc'"),
    (b'x = "ab\\q"', 1, "invalid escape sequence near '\"ab'"),
    (b'x = "\\x4g"', 1, "invalid escape sequence near '\"'"),
    (b'x = "\\999"', 1, "invalid escape sequence near '\"'"),
    (b'x = "\\u{110000}"', 1, "invalid escape sequence near '\"'"),
    (b'x = "\\u{d800}"', 1, "invalid escape sequence near '\"'"),
    (b'x = "\\u{}"', 1, "invalid escape sequence near '\"'"),
    (b"x = [==x", 1, "invalid long string delimiter near '[=='"),
    (b"--[[ abc\n\n", 3, "unfinished long comment near '<eof>'"),
    (b"x = [[ abc\n\n", 3, "unfinished long string near '<eof>'"),
])
def test_lexer_errors(src, line, msg):
    assert errors(src)[0] == (line, msg)


def test_long_strings():
    src = b"a = [==[\nx]]\r\n]=]y]==] b = [[\r\n\r\nz]]"
    toks, diags = lex(src)
    assert not diags
    assert toks.value[2] == b"x]]\n]=]y"
    assert toks.value[5] == b"\nz"
    assert near_text(toks, 2) == "[==[x]]\n]=]y]==]"


def test_comments_are_skipped():
    assert kinds(b"a --[==[ x\n]] ]==] b -- c\n--[[d]] c --[ e\n f") == [
        "<name>", "<name>", "<name>", "<name>", "<eof>"]


def test_line_ends_count_like_luajit():
    toks, _ = lex(b"a\r\nb\n\rc\rd\n\ne")
    assert toks.line[:5] == [1, 2, 3, 4, 6]
    assert toks.eline[-1] == 6


def test_shebang_and_bom():
    toks, diags = lex(b"\xef\xbb\xbf#!/usr/bin/env luajit\nlocal x")
    assert not diags
    assert toks.kind[0] == TK_local and toks.line[0] == 2


def test_positions():
    toks, _ = lex(b"  local  xy = 'z'\n  ..")
    assert (toks.start[1], toks.end[1]) == (9, 11)
    assert toks.text(3) == b"'z'"
    assert toks.kind[4] == TK_concat and toks.line[4] == 2
    assert toks.kind[-1] == TK_eof and toks.start[-1] == len(b"  local  xy = 'z'\n  ..")


def test_operator_kinds():
    toks, _ = lex(b"== ... ::")
    assert toks.kind[:3] == [TK_eq, TK_dots, TK_label]


def test_strings_and_numbers_kinds():
    toks, _ = lex(b"'a' 1")
    assert toks.kind[:2] == [TK_string, TK_number]
