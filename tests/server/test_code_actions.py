"""Quick fixes, applied to the text: the result must be what the title says."""

from moonlens.server.code_actions import code_actions, is_pure
from moonlens.server.config import Settings
from moonlens.server.diagnostics import compute
from tests.server.helpers import analysis


def fixes(src, code):
    a, _ = analysis(src)
    diags = [d for d in compute(a, Settings()) if d.code == code]
    return a, code_actions(a, diags)


def apply(source, action):
    out = source
    for start, end, text in sorted(action.edits, reverse=True):
        out = out[:start] + text.encode() + out[end:]
    return out.decode()


def test_declare_local_goes_before_the_statement_with_its_indentation():
    a, acts = fixes("for i = 1, 2 do\n    total = total + i\nend\n", "undefined-global")
    assert acts == [] or acts[0].title != "Declare `total` as a local"     # it is assigned
    a, acts = fixes("if x0 then\n    print(count)\nend\n", "undefined-global")
    (declare,) = [x for x in acts if x.title == "Declare `count` as a local"]
    assert apply(a.source, declare) == "if x0 then\n    local count\n    print(count)\nend\n"
    assert declare.preferred


def test_remove_unused_local_with_a_pure_value_removes_the_line():
    a, acts = fixes("local a = {1, 'x', n = false}\nprint(1)\n", "unused-local")
    assert apply(a.source, acts[0]) == "print(1)\n"


def test_remove_unused_local_keeps_a_call():
    a, acts = fixes("local r = io.write('x')\n", "unused-local")
    assert acts[0].title.endswith("(keep the call)")
    assert apply(a.source, acts[0]) == "io.write('x')\n"


def test_no_removal_when_it_could_change_behaviour():
    a, acts = fixes("local v = t.x + 1\n", "unused-local")
    assert [x.title for x in acts] == ["Disable `unused-local` for this line",
                                       "Disable `unused-local` in this file"]
    a, acts = fixes("local p, q = 1, 2\nprint(q)\n", "unused-local")
    assert not any(x.title.startswith("Remove") for x in acts)


def test_remove_unused_function():
    a, acts = fixes("local function f() end\nprint(2)\n", "unused-function")
    assert acts[0].title == "Remove unused function `f`"
    assert apply(a.source, acts[0]) == "print(2)\n"


def test_disable_comments_silence_the_diagnostic():
    src = "  print(nope)\n"
    a, acts = fixes(src, "undefined-global")
    line, whole = acts[-2], acts[-1]
    for action in (line, whole):
        fixed = apply(a.source, action)
        b, _ = analysis(fixed)
        assert not [d for d in compute(b, Settings()) if d.code == "undefined-global"]
    assert apply(a.source, line).startswith("  ---@diagnostic disable-next-line: undefined-global\n")


def test_disable_line_extends_an_existing_directive_and_keeps_a_shebang():
    src = "#!/usr/bin/lua\n---@diagnostic disable-next-line: unused-local\nlocal x = nope\n"
    a, acts = fixes(src, "undefined-global")
    line = [x for x in acts if x.title.endswith("for this line")][0]
    assert "disable-next-line: unused-local, undefined-global\n" in apply(a.source, line)
    whole = [x for x in acts if x.title.endswith("in this file")][0]
    assert apply(a.source, whole).startswith("#!/usr/bin/lua\n---@diagnostic disable: undef")


def test_purity():
    pure = analysis("local a = {x = 1, function() end, ...}")[0].chunk.body.stats[0].exprs[0]
    assert is_pure(pure)
    for src in ("local a = f()", "local a = t.x", "local a = x + 1", "local a = {f()}"):
        assert not is_pure(analysis(src)[0].chunk.body.stats[0].exprs[0])
