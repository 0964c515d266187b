from moonlens.server.comments import (
    Suppressions, directives, doc_comments_above, parse_doc, scan_comments,
)
from moonlens.vm.parser import parse


def comments(src):
    return scan_comments(parse(src.encode()))


def test_comments_are_found_between_tokens_only():
    found = comments('#!/usr/bin/lua -- not a comment\nlocal s = "-- not"  -- real\n'
                     '--[==[ long\n]] still ]==] x = 1 --[[ tail')
    assert [c.body for c in found] == [" real", " long\n]] still ", " tail"]
    assert [c.is_long for c in found] == [False, True, True]
    assert [(c.line, c.end_line) for c in found] == [(2, 2), (3, 4), (4, 4)]


def test_doc_block_above_a_line():
    found = comments("-- plain\n---Doc one.\n---@param a number\nlocal function f(a) end")
    run = doc_comments_above(found, 4)
    assert [c.body for c in run] == ["-Doc one.", "-@param a number"]
    assert doc_comments_above(found, 3)[0].body == "-Doc one."
    assert doc_comments_above(comments("---x\n\nlocal y"), 3) == []


def test_parse_doc():
    doc = parse_doc(comments(
        "---Adds numbers.\n---@param a number the first\n---@param b? number\n"
        "---@param c string|nil # the third\n---@return number sum the total\n---@nodiscard\n"))
    assert doc.description == ["Adds numbers."]
    assert doc.params == {"a": ("number", "the first", False), "b": ("number", "", True),
                          "c": ("string|nil", "the third", True)}
    assert doc.returns == [("number", "sum", "the total")]
    assert doc.tags == ["@nodiscard"]


def test_directives_and_suppressions():
    src = ("---@diagnostic disable-next-line: a, b\nx()\n"
           "y() ---@diagnostic disable-line\n"
           "---@diagnostic disable: c\nz()\n---@diagnostic enable: c\nw()\n"
           "-- @diagnostic disable-line: d (not LuaDoc)\n")
    found = directives(comments(src))
    assert [(d.action, d.codes, d.line) for d in found] == [
        ("disable-next-line", ["a", "b"], 1), ("disable-line", [], 3),
        ("disable", ["c"], 4), ("enable", ["c"], 6)]
    quiet = Suppressions(found)
    off = src.encode().index
    assert quiet.suppressed("a", 2, off(b"x()"))
    assert not quiet.suppressed("c", 2, off(b"x()"))
    assert quiet.suppressed("anything", 3, off(b"y()"))
    assert quiet.suppressed("c", 5, off(b"z()"))
    assert not quiet.suppressed("c", 7, off(b"w()"))
    assert not quiet.suppressed("d", 8, len(src) - 1)
