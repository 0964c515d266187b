from moonlens.server.analysis import Analysis
from tests.server.helpers import analysis


def test_token_at_prefers_the_name_the_cursor_touches():
    a, m = analysis("foo$a$(bar$b$)$c$")
    assert a.tokens.text(a.token_at(m["a"])) == b"foo"      # just after foo, before (
    assert a.tokens.text(a.token_at(m["b"])) == b"bar"
    assert a.tokens.text(a.token_at(m["c"], names_first=False)) == b")"
    assert a.token_at(m["c"] + 5) == -1


def test_visible_vars_reach_the_end_of_their_block():
    a, m = analysis("local a = 1\nlocal function f(p)\n  local b = 2\n  $in$\nend\n$out$\n"
                    "for i = 1, 2 do $loop$ end\n")
    assert [v.name for v in a.visible_vars(m["in"])] == ["a", "f", "p", "b"]
    assert [v.name for v in a.visible_vars(m["out"])] == ["a", "f"]
    assert [v.name for v in a.visible_vars(m["loop"])] == ["a", "f", "i"]


def test_visible_vars_one_per_name_innermost():
    a, m = analysis("local x = 1\ndo\n  local x = 2\n  $$\nend")
    (x,) = a.visible_vars(m[""])
    assert a.line(a.span(x.decl)[0]) == 3


def test_comment_and_string_detection():
    a, m = analysis("local s = 'a$s$b' -- c$c$\n--[[ x$l$ ]] y$y$ = 1")
    assert a.in_comment_or_string(m["s"]) and a.in_comment_or_string(m["c"])
    assert a.in_comment_or_string(m["l"]) and not a.in_comment_or_string(m["y"])


def test_fields_are_recorded_per_table():
    a, _ = analysis("local M = {a = 1, [\"b\"] = 2, 3}\nM.c = 4\nfunction M:d() end\n"
                    "G = {e = 5}\nG.f = 6\nlocal N = {}\nN = {}\nN.g = 1\n")
    m_var = next(v for v in a.scopes.vars if v.name == "M")
    assert set(a.fields[m_var]) == {"a", "b", "c", "d"} and a.fields[m_var]["d"].is_method
    assert set(a.fields["G"]) == {"e", "f"}
    n = a.chunk.body.stats[-1].targets[0].obj          # the N of `N.g = 1`
    assert a.known_fields(n) == {}          # N is reassigned: its fields are not known


def test_callee_resolution():
    a, _ = analysis("local function f(a, b) end\nlocal g = function(...) end\n"
                    "local t = {}\nfunction t:m(x) end\nfunction t.s(x, y) end\n"
                    "function G(z) end\n"
                    "f(1)\ng(1)\nt:m(1)\nt.m(t, 1)\nt.s(1)\nt:s(1)\nG(1)\nprint(1)\n"
                    "string.rep('x', 2)\nunknown(1)\n")
    got = {}
    for call, callee in a.known_calls():
        got[a.source[slice(*a.span(call))].split(b"(")[0].decode()] = (
            callee.params, callee.is_vararg)
    assert got == {"f": (["a", "b"], False), "g": ([], True), "t:m": (["x"], False),
                   "t.m": (["self", "x"], False), "t.s": (["x", "y"], False),
                   "t:s": (["y"], False), "G": (["z"], False), "print": ([], True),
                   "string.rep": (["s", "n", "sep"], False)}


def test_reassigned_local_function_is_not_known():
    a, _ = analysis("local function f(a) end\nf = print\nf(1, 2)")
    assert list(a.known_calls()) == []


def test_analysis_of_bytes_with_invalid_utf8():
    a = Analysis(b"local s = '\xff\xfe'\nprint(s)\n--\xff")
    assert [c.body for c in a.comments] == ["\ufffd"]
