import pytest

from moonlens.vm import ast as A
from moonlens.vm.loader import analyze


def resolved(src):
    sf, scopes = analyze(src.encode(), "=t")
    assert not sf.diagnostics, sf.diagnostics
    return sf, scopes


def names(sf):
    return [n for n in sf.chunk.walk() if isinstance(n, A.Name)]


def binding(sf, name, nth=0):
    """The Var (or None) that the nth use of `name` resolves to."""
    return [n for n in names(sf) if n.name == name][nth].var


def test_local_is_visible_after_its_statement():
    sf, _ = resolved("local x = 1\nlocal x = x + 1\nprint(x)")
    first = binding(sf, "x", 0)
    second = binding(sf, "x", 1)
    assert first.decl.first < second.decl.first
    assert binding(sf, "x", 0) is not binding(sf, "x", 1)


def test_local_function_sees_itself_but_local_assignment_does_not():
    sf, _ = resolved("local function f() return f end\nlocal g = function() return g end")
    assert binding(sf, "f").name == "f"
    assert binding(sf, "g") is None


def test_for_variables_scope():
    sf, scopes = resolved("for i = i, 10 do print(i) end\nfor k, v in pairs(k) do print(k, v) end")
    assert binding(sf, "i", 0) is None           # the start expression sees the outer i
    assert binding(sf, "i", 1).kind == "for"
    assert binding(sf, "k", 0) is None
    assert binding(sf, "k", 1).kind == "for"


def test_repeat_condition_sees_body_locals():
    sf, _ = resolved("repeat local done = true until done")
    assert binding(sf, "done").kind == "local"


def test_upvalues_in_luajit_order():
    sf, scopes = resolved(
        "local a, b, c = 1, 2, 3\n"
        "local function f()\n"
        "  local function g() return c, a end\n"
        "  return b\n"
        "end")
    f_info, g_info = scopes.funcs[1], scopes.funcs[2]
    assert [v.name for v in g_info.upvalues] == ["c", "a"]
    assert [v.name for v in f_info.upvalues] == ["c", "a", "b"]
    assert all(v.captured for v in f_info.upvalues)


def test_globals_and_assignments():
    sf, scopes = resolved("local t = {}\nx = 1\nt = x\nprint(y)")
    assert sorted(scopes.globals) == ["print", "x", "y"]
    t = binding(sf, "t")
    assert t.assigned and len(t.refs) == 1


def test_live_ranges():
    sf, scopes = resolved("do local a = 1 f(a) end local b = 2")
    a, b = scopes.vars
    toks = sf.tokens
    assert toks.text(a.start - 1) == b"1" and toks.text(a.end) == b")"
    assert b.end == len(toks) - 1
    assert scopes.var_at("a", a.start) is a and scopes.var_at("a", b.start) is None


def test_method_self():
    sf, _ = resolved("function t:m() return self end")
    assert binding(sf, "self").kind == "self"


@pytest.mark.parametrize("src,msg", [
    ("goto foo", ":1: undefined label 'foo'"),
    ("do goto x end", ":1: undefined label 'x'"),
    ("goto x; local a; ::x:: print(a)", ":1: <goto x> jumps into the scope of local 'a'"),
    ("::a:: ::a::", ":1: duplicate label 'a'"),
    ("break", ":1: no loop to break"),
    ("local x\nif x then\n  break\nend", ":3: no loop to break"),
    ("repeat local x; goto c; local y ::c:: until x",
     ":1: <goto c> jumps into the scope of local 'y'"),
])
def test_goto_errors(src, msg):
    sf, _ = analyze(src.encode(), "=t")
    assert sf.error_message() == "t" + msg


@pytest.mark.parametrize("src", [
    "do goto x end ::x::",
    "goto x; local a; ::x::",
    "for i = 1, 3 do if i == 2 then goto continue end local k = i ::continue:: end",
    "::top:: local n = 1 if n < 1 then goto top end",
    "while true do break end",
])
def test_goto_ok(src):
    sf, _ = analyze(src.encode(), "=t")
    assert sf.error_message() is None


def test_goto_targets():
    sf, _ = resolved("do goto done end ::done::")
    goto = next(n for n in sf.chunk.walk() if isinstance(n, A.Goto))
    assert isinstance(goto.target, A.Label) and goto.target.name == "done"


def test_local_limit():
    src = "local " + ", ".join("v%d" % i for i in range(201)) + " = 1"
    sf, _ = analyze(src.encode(), "=t")
    assert sf.error_message() == "t:1: main function has more than 200 local variables"


def test_upvalue_limit():
    decl = "".join("local u%d = %d\n" % (i, i) for i in range(61))
    body = "local function f() return " + ", ".join("u%d" % i for i in range(61)) + " end"
    sf, _ = analyze((decl + body).encode(), "=t")
    assert sf.error_message() == "t:62: function at line 62 has more than 60 upvalues"
