import pytest

from moonlens.server.config import Settings, build
from moonlens.server.diagnostics import CHECKS, DEPRECATED, UNNECESSARY, compute
from tests.conftest import ROOT
from tests.server.helpers import analysis, text_of


def found(src, settings=None, code=None):
    """[(code, marked text)] of the diagnostics of a source."""
    a, _ = analysis(src)
    diags = compute(a, settings or Settings())
    return [(d.code, text_of(a, (d.start, d.end))) for d in diags
            if code is None or d.code == code]


def only(code, src, settings=None):
    return [text for c, text in found(src, settings, code)]


# -- Syntax -------------------------------------------------------------------------

def test_every_syntax_error_is_reported():
    diags = found("local = 1\nx = = 2\nprint('ok')\nif y then\n")
    syntax = [t for c, t in diags if c == "syntax"]
    assert len(syntax) == 3


def test_syntax_error_messages_are_luajits():
    a, _ = analysis("x = = 2")
    (d,) = [d for d in compute(a, Settings()) if d.code == "syntax"]
    assert d.message == "unexpected symbol near '='" and d.severity == 1


# -- Globals --------------------------------------------------------------------------

def test_undefined_global():
    src = "print(foo, bit.band, jit.os, arg)\nbar = 1\nprint(bar)\n"
    assert only("undefined-global", src) == ["foo"]
    assert only("undefined-global", src, build({"diagnostics.globals": ["foo"]})) == []
    elsewhere = build({})
    elsewhere.defined_globals = {"foo"}          # another workspace file assigns it
    assert only("undefined-global", src, elsewhere) == []


def test_lowercase_global():
    src = "x = 1\nfunction helper() end\nConfig = {}\nprint = print\nlocal y; y = 2\n"
    assert only("lowercase-global", src) == ["x", "helper"]


def test_undefined_field_on_library_tables():
    src = ("print(string.foo, string.format, math.pi, jit.opt.start, jit.opt.nope)\n"
           "function string.trim(s) end\nprint(string.trim)\nlocal string = {}\n"
           "print(string.bar)\n")
    assert only("undefined-field", src) == ["foo", "nope"]


def test_undefined_field_not_when_the_library_is_replaced():
    assert only("undefined-field", "string = {}\nprint(string.anything)") == []


# -- Unused ----------------------------------------------------------------------------

def test_unused_local_and_function():
    src = ("local used, unused = 1, 2\nprint(used)\nlocal _ignored = 3\n"
           "local written; written = 4\n"
           "local function rec(n) return rec(n - 1) end\n"
           "local anon = function() end\n"
           "for i, v in ipairs({}) do print(v) end\n"
           "local function live() end\nlive()\n")
    assert only("unused-local", src) == ["unused", "written", "i"]
    assert only("unused-function", src) == ["rec", "anon"]


def test_parameters_and_self_are_never_unused():
    assert found("local t = {}\nfunction t:m(a, b) end\nreturn t") == []


def test_unused_vararg():
    src = ("local function f(...) return function(...) return ... end end\n"
           "local function g(...) return select('#', ...) end\nreturn f, g, ...")
    assert only("unused-vararg", src) == ["..."]


def test_unused_is_unnecessary_and_a_hint():
    a, _ = analysis("local x = 1")
    (d,) = compute(a, Settings())
    assert d.tag == UNNECESSARY and d.severity == 4


RUNTIME_SRC = ("print(bit.band(1, 3), jit.os, rawlen, utf8, unpack({}), table.getn({}),\n"
               "      math.pow(2, 3), setfenv, warn)\n")


@pytest.mark.parametrize("version, undefined, removed", [
    ("LuaJIT", ["rawlen", "utf8", "warn"], []),
    ("Lua 5.1", ["bit", "jit", "rawlen", "utf8", "warn"], []),
    ("Lua 5.2", ["bit", "jit", "utf8", "warn"], ["unpack", "getn", "setfenv"]),
    ("Lua 5.4", ["bit", "jit"], ["unpack", "getn", "pow", "setfenv"]),
])
def test_runtime_version_decides_the_standard_names(version, undefined, removed):
    settings = build({"runtime": {"version": version}})
    assert settings.runtime_version == version
    assert only("undefined-global", RUNTIME_SRC, settings) == undefined
    assert only("deprecated", RUNTIME_SRC, settings) == removed


def test_removed_names_are_tagged_deprecated_with_the_version():
    a, _ = analysis("local t = table.getn({})\nfunction unpack() end\nunpack()")
    diags = [d for d in compute(a, build({"runtime.version": "Lua 5.3"}))
             if d.code == "deprecated"]
    assert [(d.tag, d.message) for d in diags] == [(DEPRECATED, (
        "Deprecated: `table.getn` was removed in Lua 5.2 (runtime.version is Lua 5.3)."))]


# -- Redefinition -------------------------------------------------------------------------

def test_redefined_local():
    src = ("local x = 1\nlocal x = 2\nlocal function f(x) return x end\n"
           "do local y = 1 end\ndo local y = 2 end\nlocal _ = 1\nlocal _ = 2\n"
           "for i = 1, 2 do for i = 1, 2 do end end\nreturn x, f\n")
    assert only("redefined-local", src) == ["x", "x", "i"]
    a, _ = analysis(src)
    (d, *_) = [d for d in compute(a, Settings()) if d.code == "redefined-local"]
    assert text_of(a, d.related[0][:2]) == "x" and d.related[0][0] == 6


# -- Control flow --------------------------------------------------------------------------

def test_unreachable_code():
    src = ("local function f(c)\n  do return end\n  print(1)\n  print(2)\nend\n"
           "local function g()\n  error('x')\n  print(3)\nend\n"
           "local function h()\n  while true do end\n  print(4)\nend\n"
           "local function k(c)\n  if c then return 1 else error('no') end\n  print(5)\nend\n"
           "local function m()\n  goto done\n  print(6)\n  ::done::\n  print(7)\nend\n"
           "local function n()\n  while true do if x then break end end\n  print(8)\nend\n"
           "local function p(c)\n  if c then return 1 else print(0) end\n  print(9)\nend\n"
           "return f, g, h, k, m, n, p\n")
    assert only("unreachable-code", src) == [
        "print(1)\n  print(2)", "print(3)", "print(4)", "print(5)", "print(6)"]


def test_error_is_no_return_only_when_it_is_the_library_one():
    src = "local function error() end\nerror('x')\nprint(1)\n"
    assert only("unreachable-code", src) == []


def test_code_after_break():
    src = "for i = 1, 3 do\n  do break end\n  print(i)\nend\n"
    assert only("code-after-break", src) == ["print(i)"]
    assert only("unreachable-code", src) == []


def test_empty_block():
    src = ("do end\nwhile x do end\nfor i = 1, 2 do end\nif x then end\n"
           "if x then else print(1) end\ndo -- intentionally empty\nend\n"
           "local function f() end\nreturn f\n")
    assert only("empty-block", src) == ["do end", "while x do end", "for i = 1, 2 do end",
                                        "if x then end"]


def test_count_down_loop():
    src = ("for i = 10, 1 do end\nfor i = 1, 10, -1 do end\nfor i = 10, 1, -1 do end\n"
           "for i = 1, n do end\nfor i = -1, -5 do end\n")
    assert only("count-down-loop", src) == ["10, 1", "1, 10, -1", "-1, -5"]
    a, _ = analysis("for i = 10, 1 do end")
    (d,) = [d for d in compute(a, Settings()) if d.code == "count-down-loop"]
    assert "`10, 1, -1`" in d.message


# -- Calls --------------------------------------------------------------------------------

CALLS = """
---@param a number
---@param b? number
local function f(a, b) return a end
local function g(x, ...) return x end
local t = {}
function t.dot(a) return a end
function t:meth(a) return a end
f(1, 2, 3)
f()
f(1)
f(g())
g(1, 2, 3, 4)
t.dot(1, 2)
t:meth(1, 2)
t.meth(t, 1)
t:dot()
tostring(1, 2)
print(1, 2, 3)
"""


def test_redundant_parameter():
    assert only("redundant-parameter", CALLS) == ["3", "2", "2", "2"]


def test_missing_parameter_uses_the_luadoc():
    assert only("missing-parameter", CALLS) == ["()"]
    assert only("missing-parameter", "local function f(a, b) end\nf()") == []


def test_newline_call():
    src = "local f = print\nlocal x = f\n{1}\nlocal y = f\n'str'\nlocal z = f{2}\n"
    assert only("newline-call", src) == ["{1}", "'str'"]


def test_duplicate_index():
    src = "local t = {a = 1, b = 2, ['a'] = 3, [1] = 4, [1.0] = 5, 6, [true] = 7}\n"
    assert only("duplicate-index", src) == ["a", "'a'", "1", "1.0"]


# -- Settings and suppression -------------------------------------------------------------

def test_disable_and_severity_settings():
    src = "x = 1\nprint(y)\n"
    settings = build({"diagnostics": {"disable": ["lowercase-global"],
                                      "severity": {"undefined-global": "Error"}}})
    a, _ = analysis(src)
    diags = compute(a, settings)
    assert [(d.code, d.severity) for d in diags] == [("undefined-global", 1)]
    assert compute(a, build({"diagnostics.enable": False})) == []


def test_suppression_comments():
    src = ("---@diagnostic disable-next-line: undefined-global\nprint(a)\n"
           "print(b) ---@diagnostic disable-line\n"
           "---@diagnostic disable: undefined-global\nprint(c)\n"
           "---@diagnostic enable: undefined-global\nprint(d)\n"
           "---@diagnostic disable-next-line: unused-local\nprint(e)\n")
    assert only("undefined-global", src) == ["d", "e"]


def test_unknown_diagnostic_code():
    src = "---@diagnostic disable-next-line: unused-local, no-such-code, missing-fields\nx()"
    assert only("unknown-diag-code", src) == ["no-such-code"]


def test_syntax_errors_cannot_be_suppressed():
    assert only("syntax", "---@diagnostic disable-next-line\nx = = 1") != []


# -- Whole programs -----------------------------------------------------------------------

def test_a_clean_program_has_no_findings():
    src = """
local M = {}

---Sum of a list.
---@param list number[]
---@return number
function M.sum(list)
  local total = 0
  for _, v in ipairs(list) do
    total = total + v
  end
  return total
end

function M:describe()
  return string.format("%d items", #self)
end

local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

M.fib = fib
return M
"""
    assert found(src) == []


def test_checks_never_fail_on_the_frontend_sample():
    a, _ = analysis((ROOT / "tests" / "frontend" / "sample_program.lua").read_text())
    compute(a, Settings())


@pytest.mark.parametrize("code", sorted(CHECKS))
def test_each_check_survives_broken_code(code):
    a, _ = analysis("local function f(a, ...) x = = ; for i = 1 do if then {[} end "
                    "f(1,2,3 string.\nlocal t = {a=1, a=")
    list(CHECKS[code][2](a, Settings()))
