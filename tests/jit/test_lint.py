"""The static JIT-lint in the JIT core (moonlens.jit.lint): structured findings, and
the rewrites it suggests. Every rewrite is proven on a program: the edits applied,
the result parses, `moonlens run -joff` prints the same before and after, and the
lint no longer reports the finding at that loop."""


import pytest

from tests.inprocess import run_cli

from moonlens.jit import lint as L
from moonlens.jit.builtins import RECORDED, record_kind
from moonlens.vm.loader import load


def findings(src):
    source = src.encode()
    return source, L.lint(L.parse(source, "=test"))


def text(source, span):
    return source[span[0]:span[1]].decode()


def run(source: bytes, tmp_path, tag):
    """`moonlens run -joff prog.lua` in-process, in its own folder: (status, out, err)."""
    folder = tmp_path / tag
    folder.mkdir()
    (folder / "prog.lua").write_bytes(source)
    return run_cli(["run", "-joff", "prog.lua"], folder)


def key(source, f):
    return f.code, f.kind, text(source, f.loop), text(source, f.cause)


def prove(src, tmp_path, cause, kind="closure", title=None):
    """Apply the rewrite of the finding whose cause text is `cause`; check it.
    Returns the rewritten source text."""
    source, found = findings(src)
    (f,) = [f for f in found if f.kind == kind and text(source, f.cause) == cause]
    assert f.rewrite is not None, f
    if title is not None:
        assert f.rewrite.title == title
    new = f.rewrite.apply(source)
    load(new, "=rewritten")                         # parses and compiles
    before, after = run(source, tmp_path, "before"), run(new, tmp_path, "after")
    assert before == after
    assert before[0] == 0 and before[1] and not before[2]
    old_keys = [key(source, g) for g in found]
    new_keys = [key(new, g) for g in L.lint(L.parse(new, "=test"))]
    assert new_keys.count(key(source, f)) == old_keys.count(key(source, f)) - 1
    return new.decode()


def no_rewrite(src, cause, kind="closure"):
    source, found = findings(src)
    (f,) = [f for f in found if f.kind == kind and text(source, f.cause) == cause]
    assert f.rewrite is None
    return f


# -- Findings ------------------------------------------------------------------------------

def test_findings_are_structured():
    source, found = findings("for i = 1, 10 do\n  local f = function(x) return x + i end\n"
                             "  print(string.match('a', 'a'))\nend\n")
    closure, upvalue, stitch, ret = found
    assert (closure.code, closure.kind, text(source, closure.cause), closure.reason) == \
        ("jit-nyi", "closure", "function(x)", "NYI: bytecode 51")
    assert text(source, closure.loop) == "for i = 1, 10 do" and closure.loop_word == "for"
    assert closure.loop_label == "the `for` loop"
    assert "FNEW" in closure.explanation and "NYI: bytecode 51" in closure.explanation
    assert closure.rewrite is None                     # it captures the loop variable
    assert (upvalue.kind, text(source, upvalue.cause), upvalue.reason) == \
        ("upvalue", "i", "NYI: bytecode 50")
    assert (stitch.code, stitch.kind, text(source, stitch.cause)) == \
        ("jit-stitch", "stitch", "print")
    assert (stitch.reason, ret.kind, text(source, ret.cause), ret.reason) == \
        ("stitch print", "return", "string.match", "return")
    assert 'trace link "return"' in ret.explanation


def test_reasons_come_from_the_trace_error_table():
    assert (L.NYI_FNEW, L.NYI_UCLO, L.NYI_VARG) == \
        ("NYI: bytecode 51", "NYI: bytecode 50", "NYI: bytecode 71")


def test_stitched_builtins_are_the_recorders():
    assert {"string.gsub", "string.gmatch", "table.sort", "print", "unpack"} <= L.STITCHED
    assert all(record_kind(n) == "stitch" for n in L.STITCHED)
    assert not L.STITCHED & set(RECORDED)
    assert "error" not in L.STITCHED and "string.gmatch_aux" not in L.STITCHED
    assert not any(n.startswith("ffi.") or ".method." in n for n in L.STITCHED)


def test_varargs_and_conditions_as_before():
    source, found = findings("local function f(...)\n  for i = 1, 9 do\n    local t = {...}\n"
                             "    local n = select('#', ...)\n    local a, b = ...\n"
                             "    if a then g(...) end\n    h(...)\n  end\nend\n")
    assert [(f.kind, source[:f.cause[0]].count(b"\n") + 1) for f in found] == \
        [("vararg", 3), ("vararg", 7)]
    assert all(f.rewrite is None for f in found)


def test_parse_of_broken_source_does_not_raise():
    source, found = findings("for i = 1, 2 do local f = function( end\n")
    assert isinstance(found, list)


# -- Rewrites: hoisting a function ----------------------------------------------------------

SORT = """\
local desc = true
local t = {5, 3, 8, 1}
local out = {}
for round = 1, 3 do
  table.sort(t, function(a, b)
    if desc then return a > b end
    return a < b
  end)
  out[#out + 1] = table.concat(t, ",")
  desc = not desc
end
print(table.concat(out, " "))
"""


def test_hoist_a_sort_comparator(tmp_path):
    new = prove(SORT, tmp_path, "function(a, b)",
                title="Create the function once, before the loop (`local compare`)")
    assert new.startswith("local desc = true\nlocal t = {5, 3, 8, 1}\nlocal out = {}\n"
                          "local compare = function(a, b)\n"
                          "  if desc then return a > b end\n  return a < b\nend\n"
                          "for round = 1, 3 do\n  table.sort(t, compare)\n")


def test_hoist_a_local_only_called(tmp_path):
    src = ("local total = 0\nfor i = 1, 4 do\n  for j = 1, 3 do\n"
           "    local scale = function(x) return x * i end\n"
           "    total = total + scale(j)\n  end\nend\nprint(total)\n")
    new = prove(src, tmp_path, "function(x)")
    # it needs the outer loop's `i`: created once per outer iteration, before the inner loop
    assert "  local scale_fn = function(x) return x * i end\n  for j = 1, 3 do\n" in new
    assert "    local scale = scale_fn\n" in new


def test_hoist_out_of_every_loop_it_does_not_need(tmp_path):
    src = ("local k = 2\nlocal s = 0\nfor i = 1, 3 do\n  for j = 1, 3 do\n"
           "    local twice = function(x) return x * k end\n"
           "    s = s + twice(i + j)\n  end\nend\nprint(s)\n")
    new = prove(src, tmp_path, "function(x)")
    assert new.startswith("local k = 2\nlocal s = 0\n"
                          "local twice_fn = function(x) return x * k end\nfor i = 1, 3 do\n")
    assert not L.lint(L.parse(new.encode()))


def test_hoist_a_local_function(tmp_path):
    src = ("local acc = {}\nlocal n = 0\nwhile n < 5 do\n  n = n + 1\n"
           "  local function square(v) return v * v end\n"
           "  acc[#acc + 1] = square(n)\nend\nprint(table.concat(acc, \" \"))\n")
    new = prove(src, tmp_path, "local function square(v)")
    assert "local square_fn = function(v) return v * v end\nwhile n < 5 do\n" in new
    assert "  local square = square_fn\n" in new


def test_hoist_an_immediately_called_function_in_a_condition(tmp_path):
    src = "local k = 0\nrepeat\n  k = k + 1\nuntil (function() return k >= 4 end)()\nprint(k)\n"
    new = prove(src, tmp_path, "function()")
    assert new == ("local k = 0\nlocal fn = function() return k >= 4 end\nrepeat\n"
                   "  k = k + 1\nuntil fn()\nprint(k)\n")


def test_hoist_pcall_xpcall_and_gsub_callbacks(tmp_path):
    src = """\
local state = {n = 0}
local count = 0
for i = 1, 5 do
  local ok, msg = pcall(function()
    state.n = state.n + 1
    if state.n % 2 == 0 then error("even " .. state.n, 0) end
    return state.n
  end)
  print(ok, msg, xpcall(function(x) return nil + state.n end, function(e) return "caught" end))
  print(string.gsub("a-b-c", "%-", function(m) count = count + 1; return "+" .. count end))
end
"""
    for cause, name in (("function()", "protected"), ("function(x)", "protected2"),
                        ("function(e)", "handler"), ("function(m)", "replace")):
        folder = tmp_path / name / cause[9:-1]
        folder.mkdir(parents=True)
        new = prove(src, folder, cause)
        assert "local %s = %s" % (name, cause) in new


def test_hoist_keeps_a_declaration_on_the_loops_line(tmp_path):
    src = "local up = 7 for i = 1, 2 do local g = function() return up end print(g()) end\n"
    new = prove(src, tmp_path, "function()")
    assert new == ("local up = 7 local g_fn = function() return up end; for i = 1, 2 do "
                   "local g = g_fn print(g()) end\n")


def test_hoist_picks_a_fresh_name(tmp_path):
    src = SORT.replace("local out = {}", "local out, compare = {}, 0")
    new = prove(src, tmp_path, "function(a, b)")
    assert "local compare2 = function(a, b)" in new


def test_hoist_keeps_multi_line_strings_verbatim(tmp_path):
    src = ("for i = 1, 2 do\n  local banner = function()\n    return [[\n  x\n    y]]\n"
           "  end\n  print(banner())\nend\n")
    new = prove(src, tmp_path, "function()")
    assert "local banner_fn = function()\n    return [[\n  x\n    y]]\n  end\n" in new


def test_no_hoist_where_the_closure_could_be_told_apart():
    no_rewrite("local t = {}\nfor i = 1, 3 do t[i] = function() return 1 end end\n",
               "function()")
    no_rewrite("local l = {}\nfor i = 1, 3 do local f = function() end l[i] = f end\n",
               "function()")
    no_rewrite("for i = 1, 3 do local f = function() end f = nil end\n", "function()")
    no_rewrite("for i = 1, 3 do print(function() end) end\n", "function()")
    no_rewrite("local t = {}\nfor i = 1, 3 do table.insert(t, function() end) end\n",
               "function()")
    no_rewrite("for i = 1, 3 do local o = {}\n  o.f = function() end end\n", "function()")


def test_no_hoist_of_what_needs_the_loop():
    no_rewrite("for i = 1, 3 do local f = function() return i end print(f()) end\n",
               "function()")
    no_rewrite("while true do local x = 1\n  local f = function() return x end f() break end\n",
               "function()")
    no_rewrite("for i = 1, 3 do local function r(n) return n > 0 and r(n - 1) end r(2) end\n",
               "local function r(n)")


def test_no_hoist_when_the_file_is_not_plain():
    no_rewrite("setfenv(1, {})\nfor i = 1, 3 do (function() end)() end\n", "function()")
    no_rewrite("local d = debug\nfor i = 1, 3 do (function() end)() end\n", "function()")
    no_rewrite("local d = require('debug')\nfor i = 1, 3 do (function() end)() end\n",
               "function()")
    no_rewrite("local f = _G['setfenv']\nfor i = 1, 3 do (function() end)() end\n",
               "function()")
    no_rewrite("table.sort = print\nlocal t = {}\n"
               "for i = 1, 3 do table.sort(t, function() end) end\n", "function()")
    no_rewrite("do goto skip end\nfor i = 1, 3 do (function() end)() end\n::skip::\nprint(1)\n",
               "function()")


# -- Rewrites: varargs ----------------------------------------------------------------------

def test_hoist_the_vararg_count(tmp_path):
    src = """\
local function count(...)
  local s, i = 0, 0
  while i < 3 do
    i = i + 1
    s = s + #{...} * i
  end
  return s
end
print(count(1, nil, 3), count(), count("a"), count(nil, nil))
"""
    new = prove(src, tmp_path, "...", kind="vararg",
                title="Count the varargs once, before the loop (`local nargs = #{...}`)")
    assert "  local nargs = #{...}\n  while i < 3 do\n" in new
    assert "s = s + nargs * i" in new


def test_no_rewrite_for_other_vararg_uses():
    no_rewrite("local function f(...) for i = 1, 2 do g(...) end end\n", "...", "vararg")
    no_rewrite("local function f(...) for i = 1, 2 do local t = {...} end end\n", "...",
               "vararg")
    no_rewrite("local function f(...) for i = 1, 2 do print(#{..., ...}) end end\n", "...",
               "vararg")


# -- Stitches: explained, never rewritten ---------------------------------------------------

@pytest.mark.parametrize("call", ["string.gsub(s, 'a', 'b')", "string.gmatch(s, '.')",
                                  "string.match(s, 'a')", "table.sort(t)", "unpack(t)"])
def test_stitches_carry_an_explanation_and_no_rewrite(call):
    source, found = findings("local s, t = 'a', {}\nfor i = 1, 3 do local r = %s end\n" % call)
    (f,) = [f for f in found if f.code == "jit-stitch"]
    assert f.rewrite is None and "LuaJIT 2.1 does not compile" in f.explanation
    assert f.reason == "stitch " + call.split("(")[0]
