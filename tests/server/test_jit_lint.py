"""Static JIT-lint: closures and stitched builtins in loops."""

from moonlens.jit.builtins import RECORDED
from moonlens.server import jit_lint as J
from moonlens.server.config import Settings, build
from moonlens.server.diagnostics import compute
from tests.server.helpers import analysis, text_of


def lint(src, settings=None):
    a, _ = analysis(src)
    return a, [d for d in compute(a, settings or Settings()) if d.source == "moonlens-jit"]


def test_closure_in_loop_body_is_reported_with_the_loop_header():
    a, ds = lint("for i = 1, 10 do\n  local f = function(x) return x + i end\nend\n")
    uclo, fnew = ds         # `i` is captured too: the loop closes it (UCLO) each time
    assert (fnew.code, fnew.severity, text_of(a, (fnew.start, fnew.end))) == \
        ("jit-nyi", 3, "function(x)")
    assert "NYI: bytecode 51" in fnew.message and "FNEW" in fnew.message
    (rel,) = fnew.related
    assert text_of(a, rel[:2]) == "for i = 1, 10 do"
    assert (uclo.code, text_of(a, (uclo.start, uclo.end))) == ("jit-nyi", "i")
    assert "NYI: bytecode 50" in uclo.message and "UCLO" in uclo.message


def test_closed_upvalues_only_for_locals_of_the_loop_body():
    a, ds = lint("local keep\nfor i = 1, 9 do\n  local x = i\n"
                 "  if i == 1 then keep = function() return x end end\nend\n"
                 "local y = 0\nwhile true do keep = function() return y end break end\n")
    assert [(d.code, text_of(a, (d.start, d.end))) for d in ds] == \
        [("jit-nyi", "x"), ("jit-nyi", "function()")]
    assert "NYI: bytecode 50" in ds[0].message


def test_varargs_passed_on_in_a_loop():
    a, ds = lint("local function f(...)\n  for i = 1, 9 do\n    local t = {...}\n"
                 "    local n = select('#', ...)\n    local a, b = ...\n    g(...)\n"
                 "  end\nend\n")
    assert [(d.code, a.line(d.start)) for d in ds] == [("jit-nyi", 3), ("jit-nyi", 6)]
    assert all("NYI: bytecode 71" in d.message and "VARG" in d.message for d in ds)


def test_closures_in_branches_are_not_claimed():
    _, ds = lint("for i = 1, 9 do\n  if i > 5 then local f = function() end end\n"
                 "  local g = i > 2 and function() end\nend\n")
    assert ds == []


def test_closures_only_where_every_iteration_runs_them():
    _, ds = lint("for _, f in ipairs({function() end}) do end\n"
                 "local function g() end\nlocal h = function() for i = 1, 2 do end end\n")
    assert ds == []
    a, ds = lint("while (function() return false end)() do end\n"
                 "repeat local function k() end until true\n"
                 "for i = 1, 2 do local f = function() return function() end end end\n")
    assert [text_of(a, (d.start, d.end)) for d in ds] == [
        "function()", "local function k()", "function()"]
    assert [text_of(a, d.related[0][:2]) for d in ds][1] == "repeat"


def test_stitched_builtins_come_from_the_recorders_table():
    assert "string.gsub" in J.STITCHED and "print" in J.STITCHED and "table.sort" in J.STITCHED
    assert not J.STITCHED & set(RECORDED)
    assert "error" not in J.STITCHED                       # never stitched: not reported


def test_stitch_and_return_links():
    a, ds = lint("local gs = string.gsub\nfor i = 1, 3 do\n  local s = gs('a', 'a', 'b')\n"
                 "  print(string.match('a', 'a'))\n  local m = math.floor(i)\nend\n")
    found = [(text_of(a, (d.start, d.end)), "stitch " in d.message) for d in ds]
    assert found == [("gs", True), ("print", True), ("string.match", False)]
    assert 'trace link "return"' in ds[2].message


def test_no_claims_outside_loops_or_about_shadowed_names():
    _, ds = lint("print(string.gsub('a', 'a', 'b'))\nlocal string = {gsub = print}\n"
                 "for i = 1, 2 do string.gsub() end\n")
    assert ds == []


def test_jit_lint_settings_and_disable_comments():
    src = "for i = 1, 2 do print(i) end\n"
    assert len(lint(src)[1]) == 1
    assert lint(src, build({"jitLint.enable": False}))[1] == []
    assert lint(src, build({"diagnostics.disable": ["jit-stitch"]}))[1] == []
    assert lint("---@diagnostic disable-next-line: jit-stitch\n" + src)[1] == []
    assert lint(src, build({"diagnostics.severity": {"jit-stitch": "Hint"}}))[1][0].severity == 4


def test_the_lint_lives_in_the_jit_core_and_the_server_adapts_it():
    from moonlens.jit import lint as L
    from moonlens.server import stdlib_docs
    a, ds = lint("local t = {}\nfor i = 1, 3 do\n  table.sort(t, function(x, y) return x < y end)\n"
                 "end\n")
    found = J.jit_findings(a)
    assert J.jit_findings(a) is found                   # once per Analysis
    assert [(d.code, d.start, d.end, d.message, d.related) for d in ds] == sorted(
        [(f.code, f.cause[0], f.cause[1], f.explanation, [(f.loop[0], f.loop[1], f.loop_label)])
         for f in found], key=lambda x: x[1])
    assert [f.kind for f in found] == ["closure", "stitch"]
    assert found[0].rewrite is not None and found[1].rewrite is None
    # the builtins the jit core can see named are the documented library functions
    assert J.STITCHED is L.STITCHED
    assert L.STITCHED == {n for n in L.STITCHED if n in stdlib_docs.FUNCTIONS}
    assert {n for n in L.LIBRARY if n in stdlib_docs.FUNCTIONS} == L.LIBRARY


def test_jit_lint_on_the_analysis_tree_equals_a_fresh_parse():
    from moonlens.jit import lint as L
    src = ("local function f(...)\n  for i = 1, 9 do\n    g(...)\n    local h = function() end\n"
           "    print(#{...})\n  end\nend\n")
    a, _ = lint(src)
    assert J.jit_findings(a) == L.lint(L.parse(a.source))
