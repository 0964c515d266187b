"""End to end, across files: workspace index, require, code actions, call hierarchy,
JIT-lint, through `python -m moonlens lsp` driven by pytest-lsp."""

import json
import sys

import pytest
import pytest_lsp
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.server.test_lsp_e2e import doc_id, open_doc, position, wait_diagnostics

SERVER = [sys.executable, "-m", "moonlens", "lsp"]

pytestmark = pytest.mark.asyncio(loop_scope="module")

UTIL = """local M = {}
--- Adds two numbers.
function M.add(a, b) return a + b end
function M.twice(a) return M.add(a, a) end
return M
"""
HELPERS = "function shout(s) return s .. '!' end\n"
APP = """local util = require("lib.util")
function main() return util.add(1, 2), shout("hi") end
"""


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("wsx")
    (root / ".luarc.json").write_text(json.dumps({"runtime.path": ["?.lua", "src/?.lua"]}))
    (root / "lib").mkdir()
    (root / "lib" / "util.lua").write_text(UTIL)
    (root / "src").mkdir()
    (root / "src" / "helpers.lua").write_text(HELPERS)
    (root / "app.lua").write_text(APP)
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def client(lsp_client: LanguageClient, workspace):
    @lsp_client.feature(T.CLIENT_REGISTER_CAPABILITY)
    def register(ls, params: T.RegistrationParams):
        return None

    result = await lsp_client.initialize_session(T.InitializeParams(
        capabilities=client_capabilities("visual_studio_code"),
        workspace_folders=[T.WorkspaceFolder(uri=workspace.as_uri(), name="ws")]))
    lsp_client.init_result = result
    lsp_client.workspace = workspace
    yield
    await lsp_client.shutdown_session()


@pytest.fixture(autouse=True)
def no_server_failures(client):
    before = len(client.log_messages)
    yield
    errors = [m.message for m in client.log_messages[before:]
              if m.type == T.MessageType.Error]
    assert not errors


_n = [0]


async def open_in(client, text, name="t"):
    """Open a marked document inside the workspace folder."""
    _n[0] += 1
    uri, source, marks = await open_doc(client, text, name="%s_%d_" % (name, _n[0]))
    return uri, source, marks


def at(client, uri, source, offset):
    return dict(text_document=doc_id(uri), position=position(client, source, offset))


# -- Workspace index and require ------------------------------------------------------

async def test_capabilities(client):
    caps = client.init_result.capabilities
    assert caps.workspace_symbol_provider and caps.call_hierarchy_provider
    assert caps.document_link_provider is not None and caps.code_action_provider


async def test_workspace_symbols_include_unopened_files(client):
    found = await client.workspace_symbol_async(T.WorkspaceSymbolParams(query="add"))
    assert any(s.name == "M.add" and s.location.uri.endswith("lib/util.lua") for s in found)
    found = await client.workspace_symbol_async(T.WorkspaceSymbolParams(query="shout"))
    assert [s.location.range.start.line for s in found if s.name == "shout"] == [0]


async def test_document_links_for_requires(client):
    uri, source, _ = await open_in(client, 'local u = require("lib.util")\n'
                                           'local h = require "helpers"\n'
                                           'local x = require("missing.mod")\n')
    links = await client.text_document_document_link_async(
        T.DocumentLinkParams(text_document=doc_id(uri)))
    targets = sorted(link.target.rsplit("/", 2)[-2:][1] for link in links)
    assert targets == ["helpers.lua", "util.lua"]           # via .luarc runtime.path
    first = min(links, key=lambda link: link.range.start.line)
    assert (first.range.start.character, first.range.end.character) == (19, 27)


async def test_definition_and_hover_across_files(client):
    uri, source, m = await open_in(client, 'local u = require("lib.u$r$til")\n'
                                           'print(u.a$$dd(1, 2))\n')
    (loc,) = await client.text_document_definition_async(
        T.DefinitionParams(**at(client, uri, source, m[""])))
    assert loc.uri.endswith("lib/util.lua")
    assert (loc.range.start.line, loc.range.start.character) == (2, 11)
    (loc,) = await client.text_document_definition_async(
        T.DefinitionParams(**at(client, uri, source, m["r"])))
    assert loc.uri.endswith("lib/util.lua") and loc.range.start.line == 0
    h = await client.text_document_hover_async(T.HoverParams(**at(client, uri, source, m[""])))
    assert "function add(a, b)" in h.contents.value and "Adds two numbers." in h.contents.value


async def test_completion_of_required_module_fields(client):
    uri, source, m = await open_in(client, 'local u = require("lib.util")\nu.$$\n')
    result = await client.text_document_completion_async(
        T.CompletionParams(**at(client, uri, source, m[""])))
    assert {i.label for i in result.items} == {"add", "twice"}


# -- Code actions ---------------------------------------------------------------------

async def actions_for(client, uri, diags):
    return await client.text_document_code_action_async(T.CodeActionParams(
        text_document=doc_id(uri), range=diags[0].range,
        context=T.CodeActionContext(diagnostics=diags)))


async def test_quick_fix_declares_an_undefined_global(client):
    uri, source, _ = await open_in(client, "if ok then\n  print(counter)\nend\n")
    diags = [d for d in client.diagnostics[uri] if d.code == "undefined-global"
             and d.message.endswith("`counter`.")]
    actions = await actions_for(client, uri, diags)
    titles = [a.title for a in actions]
    assert titles == ["Declare `counter` as a local", "Disable `undefined-global` for this line",
                      "Disable `undefined-global` in this file"]
    (edit,) = actions[0].edit.changes[uri]
    assert edit.new_text == "  local counter\n" and edit.range.start == T.Position(1, 0)
    assert actions[0].kind == T.CodeActionKind.QuickFix and actions[0].is_preferred


async def test_quick_fixes_remove_unused_and_disable_comments_work(client):
    uri, source, _ = await open_in(client, "local unused = 1\nprint(nope)\n")
    diags = client.diagnostics[uri]
    unused = [d for d in diags if d.code == "unused-local"]
    actions = await actions_for(client, uri, unused)
    assert actions[0].title == "Remove unused local `unused`"
    (edit,) = actions[0].edit.changes[uri]
    assert (edit.range.start, edit.range.end, edit.new_text) == (
        T.Position(0, 0), T.Position(1, 0), "")
    # Apply "disable for this line" to the undefined global: the warning goes away.
    undefined = [d for d in diags if d.code == "undefined-global"]
    actions = await actions_for(client, uri, undefined)
    (line_fix,) = [a for a in actions if a.title.endswith("for this line")]
    (edit,) = line_fix.edit.changes[uri]
    assert edit.new_text == "---@diagnostic disable-next-line: undefined-global\n"
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangePartial(range=edit.range,
                                                            text=edit.new_text)]))
    await wait_diagnostics(client, uri, lambda ds: all(d.code != "undefined-global" for d in ds))


# -- Call hierarchy ---------------------------------------------------------------------

async def test_call_hierarchy_within_and_across_files(client):
    src = ("local util = require('lib.util')\nlocal function helper() return shout('x') end\n"
           "local function run()\n  helper()\n  return util.tw$t$ice(2)\nend\n"
           "run()\nprint(hel$$per())\n")
    uri, source, m = await open_in(client, src)
    (item,) = await client.text_document_prepare_call_hierarchy_async(
        T.CallHierarchyPrepareParams(**at(client, uri, source, m[""])))
    assert item.name == "helper" and item.selection_range.start.line == 1
    incoming = await client.call_hierarchy_incoming_calls_async(
        T.CallHierarchyIncomingCallsParams(item=item))
    callers = sorted((c.from_.name, len(c.from_ranges)) for c in incoming)
    assert callers[0] == ("run", 1) and callers[1][1] == 1             # run and the chunk
    outgoing = await client.call_hierarchy_outgoing_calls_async(
        T.CallHierarchyOutgoingCallsParams(item=item))
    (shout,) = outgoing
    assert shout.to.name == "shout" and shout.to.uri.endswith("src/helpers.lua")
    # util.twice lives in another file; its callers there and here are both found.
    (twice,) = await client.text_document_prepare_call_hierarchy_async(
        T.CallHierarchyPrepareParams(**at(client, uri, source, m["t"])))
    assert twice.name == "M.twice" and twice.uri.endswith("lib/util.lua")
    incoming = await client.call_hierarchy_incoming_calls_async(
        T.CallHierarchyIncomingCallsParams(item=twice))
    assert [(c.from_.name, c.from_.uri == uri) for c in incoming] == [("run", True)]
    outgoing = await client.call_hierarchy_outgoing_calls_async(
        T.CallHierarchyOutgoingCallsParams(item=twice))
    assert [c.to.name for c in outgoing] == ["M.add"]


async def test_incoming_calls_of_a_global_function_from_other_files(client):
    path = client.workspace / "src" / "helpers.lua"
    item_params = T.CallHierarchyPrepareParams(
        text_document=doc_id(path.as_uri()), position=T.Position(0, 10))
    client.text_document_did_open(T.DidOpenTextDocumentParams(T.TextDocumentItem(
        uri=path.as_uri(), language_id="lua", version=1, text=HELPERS)))
    await wait_diagnostics(client, path.as_uri())
    (item,) = await client.text_document_prepare_call_hierarchy_async(item_params)
    incoming = await client.call_hierarchy_incoming_calls_async(
        T.CallHierarchyIncomingCallsParams(item=item))
    assert ("main", True) in [(c.from_.name, c.from_.uri.endswith("app.lua")) for c in incoming]


# -- JIT-lint -------------------------------------------------------------------------

async def test_jit_lint_diagnostics(client):
    uri, source, _ = await open_in(client, "local t = {}\nfor i = 1, 100 do\n"
                                           "  t[i] = function() return 1 end\n"
                                           "  t[i] = string.gsub('a', 'a', 'b')\nend\n")
    jit = sorted((d for d in client.diagnostics[uri] if d.source == "moonlens-jit"),
                 key=lambda d: d.range.start.line)
    assert [d.code for d in jit] == ["jit-nyi", "jit-stitch"]
    assert all(d.severity == T.DiagnosticSeverity.Information for d in jit)
    assert "NYI: bytecode 51" in jit[0].message
    assert 'stitch string.gsub' in jit[1].message
    (related,) = jit[0].related_information
    assert related.location.range.start == T.Position(1, 0) and related.location.uri == uri
