from moonlens.server.completion import complete, signature_help
from tests.server.helpers import analysis


def labels(src, **kw):
    a, m = analysis(src)
    return {i.label: i for i in complete(a, m[""], **kw)}


def test_locals_in_scope_globals_stdlib_keywords_snippets():
    items = labels("local outer = 1\nlocal function f(param)\n  local inner = 2\n  $$\nend\n"
                   "local later = 3\nmyglobal = 1\n")
    assert {"outer", "param", "inner", "f", "myglobal", "print", "string", "while",
            "for pairs"} <= set(items)
    assert "later" not in items
    assert items["outer"].detail == "local outer = 1"
    assert items["f"].kind == "function" and items["f"].detail == "local function f(param)"
    assert items["string"].kind == "module" and items["for pairs"].snippet


def test_no_snippets_without_client_support():
    assert not any(i.snippet for i in labels("$$", snippets=False).values())


def test_partial_name_is_not_offered_as_a_global():
    assert "pri" not in labels("pri$$")


def test_library_members():
    items = labels("local s = string.$$")
    assert {"format", "rep", "sub", "gsub"} <= set(items) and "print" not in items
    assert items["format"].detail == "string.format(formatstring, ...)"
    assert set(labels("jit.opt.$$")) == {"start"}
    assert "pi" in labels("x = math.p$$")


def test_fields_of_local_and_global_tables():
    src = ("local M = {size = 1, go = function() end}\nfunction M.run() end\n"
           "function M:stop() end\nM.extra = true\n")
    assert set(labels(src + "M.$$")) == {"size", "go", "run", "stop", "extra"}
    assert set(labels(src + "M:$$")) == {"go", "run", "stop"}
    assert set(labels("Config = {debug = true}\nConfig.$$")) == {"debug"}


def test_shadowed_library_table_is_not_the_library():
    assert set(labels("local string = {mine = 1}\nstring.$$")) == {"mine"}


def test_nothing_in_strings_and_plain_comments():
    assert labels("local s = 'str.$$'") == {}
    assert labels("-- comment string.$$") == {}


def test_after_local_only_function():
    assert set(labels("local $$")) == {"function"}


def test_luadoc_tags_and_diagnostic_codes():
    assert {"param", "return", "diagnostic"} <= set(labels("---@$$"))
    assert "unused-local" in labels("---@diagnostic disable-next-line: $$")
    assert "disable-next-line" in labels("---@diagnostic $$")


# -- Signature help ------------------------------------------------------------------------

def sig(src):
    a, m = analysis(src)
    return signature_help(a, m[""])


def test_signature_of_local_function_with_active_parameter():
    s = sig("---Adds.\n---@param a number\nlocal function add(a, b) return a + b end\n"
            "add(1, {x, y}, $$")
    assert (s.label, s.params, s.active) == ("add(a: number, b)", ["a: number", "b"], 2)
    assert "Adds." in s.doc


def test_signature_shows_luadoc_types_returns_and_parameter_docs():
    s = sig("---Scales.\n---@param v number the value\n---@param k? number factor\n"
            "---@return number scaled\nlocal function scale(v, k) end\nscale(1, $$")
    assert s.label == "scale(v: number, k?: number): number"
    assert s.params == ["v: number", "k?: number"] and s.active == 1
    assert s.param_docs == ["the value", "factor"]
    assert all(p in s.label for p in s.params)
    assert "@return `number` scaled" in s.doc


def test_signature_of_library_function():
    s = sig("print(string.format('%d', f(1, 2), $$")
    assert s.label == "string.format(formatstring, ...)" and s.active == 1
    s = sig("string.format('%d', 1, 2, 3$$)")
    assert s.active == 1                                  # stays on the vararg


def test_signature_of_methods():
    s = sig("local t = {}\nfunction t:m(a, b) end\nt:m($$")
    assert (s.label, s.active) == ("t:m(a, b)", 0)
    s = sig("local t = {}\nfunction t.f(self, a) end\nt:f($$")
    assert s.params == ["a"]


def test_no_signature_outside_calls():
    assert sig("local x = $$") is None
    assert sig("print(function() local x = $$ end)") is None
    assert sig("unknown($$") is None
    s = sig("xpcall(function() end, $$")
    assert (s.label, s.active) == ("xpcall(f, err [, ...])", 1)


def test_signature_help_of_module_functions_and_methods():
    from moonlens.server import workspace
    mod, _ = analysis("local M = {}\n--- Adds.\nfunction M.add(a, b) end\n"
                      "function M:scale(k) end\nreturn M\n")
    exports = workspace.module_exports(mod)
    modules = {"m": exports}.get
    for text, label, active in [
            ('local m = require "m"\nm.add(1, $$)', "m.add(a, b)", 1),
            ('local m = require "m"\nm:add($$)', "m:add(b)", 0),
            ('local m = require "m"\nm:scale($$)', "m:scale(k)", 0),
            ('local m = require "m"\nm.scale(m, $$)', "m.scale(self, k)", 1)]:
        a, marks = analysis(text)
        sig = signature_help(a, marks[""], modules)
        assert (sig.label, sig.active) == (label, active), text
    assert signature_help(a, marks[""]) is None                 # no workspace: unknown
    a, marks = analysis('local m = require "m"\nm.nope($$)')
    assert signature_help(a, marks[""], modules) is None
