import pytest

from moonlens.server import navigation as N
from tests.server.helpers import analysis, line_of, text_of


def spans_text(a, spans):
    return [text_of(a, s) for s in spans]


def lines(a, spans):
    return [a.line(s[0]) for s in spans]


# -- Definition ------------------------------------------------------------------------

def test_definition_of_locals_upvalues_and_params():
    a, m = analysis("local $d$x = 1\nlocal function f($p$y)\n  return x$u$ + y$v$\nend\n"
                    "local x = 2\nprint(x$w$)\n")
    assert N.definition(a, m["u"]) == [(m["d"], m["d"] + 1)]          # upvalue
    assert N.definition(a, m["v"]) == [(m["p"], m["p"] + 1)]          # parameter
    assert lines(a, N.definition(a, m["w"])) == [5]                  # the shadowing local
    assert N.definition(a, m["d"]) == [(m["d"], m["d"] + 1)]          # a declaration itself


def test_definition_of_globals_is_every_assignment():
    a, m = analysis("G = 1\nif x then G = 2 end\nprint($$G)\n")
    assert lines(a, N.definition(a, m[""])) == [1, 2]
    assert N.definition(a, analysis("print($$nothing)")[1][""]) == []


def test_definition_of_fields_and_gotos():
    a, m = analysis("local M = {$k$size = 1}\nfunction M.$f$get() end\n"
                    "print(M.si$a$ze, M.g$b$et, M:g$c$et())\ngoto d$g$one\n::$l$done::\n")
    assert N.definition(a, m["a"]) == [(m["k"], m["k"] + 4)]
    assert N.definition(a, m["b"]) == [(m["f"], m["f"] + 3)]
    assert N.definition(a, m["c"]) == [(m["f"], m["f"] + 3)]
    assert N.definition(a, m["g"]) == [(m["l"], m["l"] + 4)]


def test_definition_of_self_is_the_method_name():
    a, m = analysis("local t = {}\nfunction t:$n$name() return se$s$lf end\n")
    assert N.definition(a, m["s"]) == [(m["n"], m["n"] + 4)]


def test_nothing_under_the_cursor():
    a, m = analysis("local x = 1 $$ + 2")
    assert N.definition(a, m[""]) == [] and N.references(a, m[""]) == []


# -- References and highlights -----------------------------------------------------------

def test_references_of_a_local_not_of_a_shadow():
    a, m = analysis("local $$x = 1\nx = x + 1\ndo local x = 3; print(x) end\nprint(x)\n")
    refs = N.references(a, m[""])
    assert lines(a, refs) == [1, 2, 2, 4]
    assert lines(a, N.references(a, m[""], include_declaration=False)) == [2, 2, 4]


def test_references_of_a_global():
    a, m = analysis("$$count = 0\nlocal function f() count = count + 1 end\n"
                    "do local count = 5 end\nreturn f, count")
    assert lines(a, N.references(a, m[""])) == [1, 2, 2, 4]


def test_highlights_know_reads_from_writes():
    a, m = analysis("local $$n = 0\nn = n + 1\nprint(n)\n")
    assert [w for _, _, w in N.highlights(a, m[""])] == [True, True, False, False]


# -- Rename -----------------------------------------------------------------------------

def test_rename_local():
    a, m = analysis("local x$$ = 1\nlocal function f() return x end\nreturn x")
    assert N.prepare_rename(a, m[""]) == (6, 7, "x")
    assert lines(a, N.rename(a, m[""], "y")) == [1, 2, 3]


def test_globals_are_renamed_across_files_not_here():
    a, m = analysis("total = 0\nlocal function add(n) tot$$al = total + n end\nreturn add")
    assert N.prepare_rename(a, m[""]) is None
    with pytest.raises(N.RenameError, match="no local variable"):
        N.rename(a, m[""], "sum")         # tests/server/test_names.py


@pytest.mark.parametrize("src, new, why", [
    ("local x$$ = 1", "end", "not a valid Lua name"),
    ("local x$$ = 1", "2x", "not a valid Lua name"),
    ("local x$$ = 1\ndo local y = 2; print(x) end", "y", "already a local"),
    ("local x$$ = 1\nprint(y, x)", "y", "would be captured"),
    ("local t = {}\nfunction t:m() return sel$$f end", "this", "implicit"),
])
def test_rename_refuses(src, new, why):
    a, m = analysis(src)
    with pytest.raises(N.RenameError, match=why):
        N.rename(a, m[""], new)


def test_prepare_rename_refuses_self_and_library():
    a, m = analysis("function t:m() return sel$s$f end\npri$p$nt(1)")
    assert N.prepare_rename(a, m["s"]) is None and N.prepare_rename(a, m["p"]) is None


def test_rename_may_shadow_an_outer_name_that_is_not_used_after():
    a, m = analysis("local y = 0\nprint(y)\nlocal x$$ = 1\nprint(x)")
    assert lines(a, N.rename(a, m[""], "y")) == [3, 4]
    a, m = analysis("local y = 0\nlocal x$$ = 1\nprint(x)\nreturn y")
    with pytest.raises(N.RenameError, match="captured"):
        N.rename(a, m[""], "y")


# -- Symbols --------------------------------------------------------------------------------

SYMBOLS = """local M = {}
local VERSION = "1.0"
local cfg = {debug = true, inner = {depth = 1}, run = function() end}
function M.new(x)
  local function helper() end
  local plain = 1
  return helper
end
function M:get() end
M.count = 0
GLOBAL_FN = function(a, ...) end
if cfg then
  local function nested() end
end
return M
"""


def test_document_symbols_are_hierarchical():
    a, _ = analysis(SYMBOLS)
    symbols = N.document_symbols(a)
    assert [(s.name, s.kind) for s in symbols] == [
        ("M", "object"), ("VERSION", "constant"), ("cfg", "object"), ("M.new", "function"),
        ("M:get", "method"), ("M.count", "field"), ("GLOBAL_FN", "function"),
        ("nested", "function")]
    cfg, new = symbols[2], symbols[3]
    assert [(c.name, c.kind) for c in cfg.children] == [
        ("debug", "field"), ("inner", "field"), ("run", "method")]
    assert [c.name for c in cfg.children[1].children] == ["depth"]
    assert [c.name for c in new.children] == ["helper"]
    assert new.detail == "function(x)" and symbols[6].detail == "function(a, ...)"
    assert symbols[1].detail == '"1.0"'


def test_symbol_ranges_contain_their_selection():
    a, _ = analysis(SYMBOLS)

    def check(symbols):
        for s in symbols:
            assert s.start <= s.sel_start <= s.sel_end <= s.end
            check(s.children)
    check(N.document_symbols(a))
    assert text_of(a, (N.document_symbols(a)[3].sel_start,
                       N.document_symbols(a)[3].sel_end)) == "M.new"


# -- Folding ---------------------------------------------------------------------------------

def test_folding_ranges():
    src = ("--[[ long\ncomment ]]\n"       # 0-1
           "-- run\n-- of comments\n"        # 2-3
           "local function f()\n"            # 4
           "  if x then\n    a()\n"          # 5-6
           "  elseif y then\n    b()\n"      # 7-8
           "  else\n    c()\n  end\n"        # 9-11
           "end\n"                           # 12
           "local t = {\n  1,\n}\n"          # 13-15
           "--#region setup\nlocal s = [[\nx\n]]\n--#endregion\n")   # 16-20
    a, _ = analysis(src)
    folds = {(f.start_line, f.end_line, f.kind) for f in N.folding_ranges(a, line_of(a))}
    assert folds == {(0, 1, "comment"), (2, 3, "comment"), (4, 11, None), (5, 6, None),
                     (7, 8, None), (9, 10, None), (13, 14, None), (16, 20, "region"),
                     (17, 19, "region")}


def test_single_line_constructs_do_not_fold():
    a, _ = analysis("local function f() return 1 end\nlocal t = {1, 2}\n")
    assert N.folding_ranges(a, line_of(a)) == []


# -- Selection ranges ------------------------------------------------------------------------

def test_selection_range_grows_outward():
    a, m = analysis("local function f(a)\n  return a + b$$c * 2\nend\n")
    chain = spans_text(a, N.selection_range(a, m[""]))
    assert chain[0] == "bc"
    assert "bc * 2" in chain and "a + bc * 2" in chain and "return a + bc * 2" in chain
    assert chain[-1] == a.source.decode()
    spans = N.selection_range(a, m[""])
    for inner, outer in zip(spans, spans[1:]):
        assert outer[0] <= inner[0] and inner[1] <= outer[1] and inner != outer
