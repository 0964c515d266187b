"""End to end, across files: workspace index, require, code actions, call hierarchy,
JIT-lint, through `python -m moonlens lsp` driven by pytest-lsp, with the VS Code and
Neovim client profiles."""

import json
import warnings

import pytest
from lsprotocol import types as T
from pytest_lsp import LspSpecificationWarning

from tests.server.e2e import (
    at, change, did_open, doc_id, make_client, make_no_server_failures, open_doc,
    wait_diagnostics,
)

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


client = make_client(files={".luarc.json": json.dumps({"runtime.path": ["?.lua", "src/?.lua"]}),
                            "lib/util.lua": UTIL, "src/helpers.lua": HELPERS, "app.lua": APP},
                     folders=True, name="wsx")
no_server_failures = make_no_server_failures()


async def open_in(client, text):
    """Open a marked document inside the workspace folder. (Its name sorts after
    "run": the call hierarchy test orders callers by name.)"""
    return await open_doc(client, text, name="t")


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


async def test_document_links_follow_the_tooltip_capability(client):
    # Neovim 0.11 declares no documentLink capability: no tooltips for it.
    link_caps = client.capabilities.text_document.document_link
    tooltips = link_caps is not None and bool(link_caps.tooltip_support)
    uri, _, _ = await open_in(client, 'local u = require("lib.util")\n')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        (link,) = await client.text_document_document_link_async(
            T.DocumentLinkParams(text_document=doc_id(uri)))
    assert link.target.endswith("lib/util.lua")
    if tooltips:
        assert link.tooltip.endswith("util.lua")
    else:
        assert link.tooltip is None
    assert not [w for w in caught if issubclass(w.category, LspSpecificationWarning)]


async def test_watched_lua_files_update_the_index(client):
    path = client.workspace / "lib" / "late.lua"
    path.write_text("local L = {}\nfunction L.arrived_late() end\nreturn L\n")
    query = T.WorkspaceSymbolParams(query="arrived_late")
    try:
        client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
            changes=[T.FileEvent(uri=path.as_uri(), type=T.FileChangeType.Created)]))
        found = await client.workspace_symbol_async(query)
        assert [(s.name, s.location.uri) for s in found] == [("L.arrived_late", path.as_uri())]
        uri, source, m = await open_in(client, 'local late = require("lib.late")\n'
                                               'late.arrived$$_late()\n')
        (loc,) = await client.text_document_definition_async(
            T.DefinitionParams(**at(client, uri, source, m[""])))
        assert loc.uri == path.as_uri() and loc.range.start.line == 1
    finally:
        path.unlink()
        client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
            changes=[T.FileEvent(uri=path.as_uri(), type=T.FileChangeType.Deleted)]))
    assert list(await client.workspace_symbol_async(query)) == []


async def test_declaration_across_files(client):
    # (Not M.twice: the call hierarchy test counts the open documents that call it.)
    uri, source, m = await open_in(client, 'local u = require("lib.u$r$til")\n'
                                           'print(u.a$a$dd(1, 2), sh$s$out("x"))\n')
    declared = {"a": ("lib/util.lua", T.Position(2, 11)),       # a module's field
                "s": ("src/helpers.lua", T.Position(0, 9)),     # a global function
                "r": ("lib/util.lua", T.Position(0, 0))}        # the required file
    for mark, (path, start) in declared.items():
        (loc,) = await client.text_document_declaration_async(
            T.DeclarationParams(**at(client, uri, source, m[mark])))
        assert (loc.uri, loc.range.start) == ((client.workspace / path).as_uri(), start)


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
    change(client, uri, 2, edit.new_text, edit.range)
    await wait_diagnostics(client, uri, lambda ds: all(d.code != "undefined-global" for d in ds))


async def test_code_actions_only_for_other_kinds_are_empty(client):
    uri, source, _ = await open_in(client, "local unused = 1\n")
    diags = client.diagnostics[uri]
    assert await actions_for(client, uri, diags)
    for only in ([T.CodeActionKind.Refactor], [T.CodeActionKind.Source]):
        actions = await client.text_document_code_action_async(T.CodeActionParams(
            text_document=doc_id(uri), range=diags[0].range,
            context=T.CodeActionContext(diagnostics=diags, only=only)))
        assert list(actions) == []
    # Findings of other tools get no actions.
    foreign = [T.Diagnostic(range=d.range, message=d.message, code=d.code, source="other")
               for d in diags]
    assert list(await actions_for(client, uri, foreign)) == []


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
    did_open(client, path.as_uri(), HELPERS)
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
