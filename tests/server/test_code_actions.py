"""Quick fixes, applied to the text: the result must be what the title says."""

import sys

import pytest
import pytest_lsp
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from moonlens.server.code_actions import code_actions, is_pure
from moonlens.server.config import Settings
from moonlens.server.diagnostics import compute
from moonlens.server.positions import LineIndex
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


# -- JIT-lint rewrites -------------------------------------------------------------------

SORT_LOOP = ("local t = {3, 1, 2}\nfor i = 1, 3 do\n  table.sort(t, function(a, b)\n"
             "    return a > b\n  end)\nend\nprint(t[1])\n")
SORTED = ("local t = {3, 1, 2}\nlocal compare = function(a, b)\n  return a > b\nend\n"
          "for i = 1, 3 do\n  table.sort(t, compare)\nend\nprint(t[1])\n")


def test_jit_nyi_rewrite_is_offered_not_preferred():
    a, acts = fixes(SORT_LOOP, "jit-nyi")
    assert [x.title for x in acts] == [
        "Create the function once, before the loop (`local compare`)",
        "Disable `jit-nyi` for this line", "Disable `jit-nyi` in this file"]
    assert not acts[0].preferred
    assert apply(a.source, acts[0]) == SORTED
    b, _ = analysis(apply(a.source, acts[0]))
    assert not [d for d in compute(b, Settings()) if d.code == "jit-nyi"]


def test_no_jit_rewrite_without_a_safe_one():
    a, acts = fixes("local t = {}\nfor i = 1, 3 do t[i] = function() return i end end\n",
                    "jit-nyi")
    assert all(x.title.startswith("Disable") for x in acts)
    a, acts = fixes("for i = 1, 3 do print(string.gsub('a', 'a', 'b')) end\n", "jit-stitch")
    assert len(acts) == 4 and all(x.title.startswith("Disable `jit-stitch`") for x in acts)


def test_vararg_count_rewrite():
    src = "local function f(...)\n  local n = 0\n  while n < 9 do n = n + #{...} end\nend\n"
    a, acts = fixes(src, "jit-nyi")
    assert acts[0].title == "Count the varargs once, before the loop (`local nargs = #{...}`)"
    assert apply(a.source, acts[0]) == ("local function f(...)\n  local n = 0\n"
                                        "  local nargs = #{...}\n"
                                        "  while n < 9 do n = n + nargs end\nend\n")


# -- End to end: the rewrite through a real client ---------------------------------------

@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "moonlens",
                                                               "lsp"]))
async def lsp(lsp_client: LanguageClient, tmp_path):
    @lsp_client.feature(T.CLIENT_REGISTER_CAPABILITY)
    def register(ls, params: T.RegistrationParams):
        return None

    await lsp_client.initialize_session(T.InitializeParams(
        capabilities=client_capabilities("visual_studio_code"), root_uri=tmp_path.as_uri()))
    lsp_client.root = tmp_path
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_code_action_at_a_jit_nyi_finding_applies_the_rewrite(lsp):
    from tests.server.test_lsp_e2e import wait_diagnostics
    uri = (lsp.root / "sort.lua").as_uri()
    lsp.text_document_did_open(T.DidOpenTextDocumentParams(T.TextDocumentItem(
        uri=uri, language_id="lua", version=1, text=SORT_LOOP)))
    diags = await wait_diagnostics(lsp, uri, lambda ds: any(d.code == "jit-nyi" for d in ds))
    nyi = [d for d in diags if d.code == "jit-nyi"]
    assert nyi[0].source == "moonlens-jit"
    actions = await lsp.text_document_code_action_async(T.CodeActionParams(
        text_document=T.TextDocumentIdentifier(uri=uri), range=nyi[0].range,
        context=T.CodeActionContext(diagnostics=nyi)))
    (fix,) = [x for x in actions if x.title.startswith("Create the function once")]
    assert fix.kind == T.CodeActionKind.QuickFix and not fix.is_preferred
    assert list(fix.diagnostics) == nyi
    edits = fix.edit.changes[uri]
    index = LineIndex(SORT_LOOP.encode())
    out = SORT_LOOP.encode()
    spans = [(index.offset(e.range.start.line, e.range.start.character),
              index.offset(e.range.end.line, e.range.end.character), e.new_text)
             for e in edits]
    for start, end, new in sorted(spans, reverse=True):
        out = out[:start] + new.encode() + out[end:]
    assert out.decode() == SORTED
