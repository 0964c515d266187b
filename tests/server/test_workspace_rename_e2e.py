"""End to end, across files: references, definition, prepareRename and rename of
module fields and globals, through `python -m moonlens lsp` driven by pytest-lsp,
with the VS Code and Neovim client profiles. Files on disk stay closed; the edits
for them come back in the WorkspaceEdit."""

import asyncio
import json

import pytest
import pytest_asyncio
from lsprotocol import types as T

from tests.server.e2e import (
    doc_id, make_client, make_no_server_failures, open_doc, position, wait_diagnostics,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")

SHAPES = """local M = {}
function M.area(w, h) return w * h end
function M.perimeter(w, h) return 2 * (w + h) end
M.unit = M.area(1, 1)
return M
"""
MAIN = """local shapes = require("lib.shapes")
function report(w, h) print(shapes.area(w, h), shapes.unit) end
"""
USER = """local s = require "lib.shapes"
local a = s.ar$area$ea(2, 3) + s.perimeter(1, 1)
rep$report$ort(2, 3)
pri$print$nt(a, s.ar$again$ea)
print(nowhere)
"""


VENDOR = """JSON_NULL = {}
local json = {}
function json.encode(v) return tostring(v) end
return json
"""
LIBRARY_USER = """local json = require "json"
print(json.en$encode$code(1), JSON_NULL, not_defined)
"""


VENDOR_DIR = "../wsr_vendor"       # beside the workspace folder, not in it

client = make_client(name="wsr", folders=True, files={
    "lib/shapes.lua": SHAPES,
    "main.lua": MAIN,
    VENDOR_DIR + "/json.lua": VENDOR,
    ".luarc.json": json.dumps({"workspace": {"library": [VENDOR_DIR]},
                               "runtime.version": "Lua 5.4"}),
})
no_server_failures = make_no_server_failures()


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def user(client):
    """The open document (never saved) that uses the module and the global."""
    return await open_doc(client, USER, name="user")


def at(client, user, mark):
    uri, source, marks = user
    return dict(text_document=doc_id(uri), position=position(client, source, marks[mark]))


def files(client, user):
    """{uri: text} of every file a result may point into."""
    root = client.workspace
    return {(root / "lib" / "shapes.lua").as_uri(): SHAPES, (root / "main.lua").as_uri(): MAIN,
            user[0]: user[1].decode()}


def text_at(texts, uri, rng):
    lines = texts[uri].split("\n")
    assert rng.start.line == rng.end.line
    return lines[rng.start.line][rng.start.character:rng.end.character]


def apply(text, edits):
    """The text with an LSP TextEdit list applied (ASCII text: columns are bytes)."""
    lines = text.split("\n")
    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character),
                    reverse=True):
        line = lines[e.range.start.line]
        lines[e.range.start.line] = (line[:e.range.start.character] + e.new_text
                                     + line[e.range.end.character:])
    return "\n".join(lines)


async def test_references_of_a_module_field_reach_closed_files(client, user):
    found = await client.text_document_references_async(T.ReferenceParams(
        context=T.ReferenceContext(include_declaration=True), **at(client, user, "area")))
    texts = files(client, user)
    by_file = {}
    for loc in found:
        assert text_at(texts, loc.uri, loc.range) == "area"
        by_file.setdefault(loc.uri, []).append(loc.range.start.line)
    root = client.workspace
    assert by_file == {(root / "lib" / "shapes.lua").as_uri(): [1, 3],
                       (root / "main.lua").as_uri(): [1], user[0]: [1, 3]}
    without = await client.text_document_references_async(T.ReferenceParams(
        context=T.ReferenceContext(include_declaration=False), **at(client, user, "area")))
    assert len(without) == len(found) - 1       # `function M.area` is the declaration


async def test_definition_of_a_global_in_a_closed_file(client, user):
    found = await client.text_document_definition_async(
        T.DefinitionParams(**at(client, user, "report")))
    assert [(loc.uri, loc.range.start.line) for loc in found] == [
        ((client.workspace / "main.lua").as_uri(), 1)]
    refs = await client.text_document_references_async(T.ReferenceParams(
        context=T.ReferenceContext(include_declaration=True), **at(client, user, "report")))
    assert sorted(loc.uri for loc in refs) == sorted(
        [(client.workspace / "main.lua").as_uri(), user[0]])


async def test_rename_a_module_field_across_files(client, user):
    prep = await client.text_document_prepare_rename_async(
        T.PrepareRenameParams(**at(client, user, "again")))
    assert prep.placeholder == "area"
    assert text_at(files(client, user), user[0], prep.range) == "area"
    edit = await client.text_document_rename_async(
        T.RenameParams(new_name="surface", **at(client, user, "again")))
    texts = files(client, user)
    assert set(edit.changes) == set(texts)
    after = {uri: apply(texts[uri], edits) for uri, edits in edit.changes.items()}
    root = client.workspace
    assert after[(root / "lib" / "shapes.lua").as_uri()] == SHAPES.replace("area", "surface")
    assert after[(root / "main.lua").as_uri()] == MAIN.replace("area", "surface")
    assert after[user[0]] == user[1].decode().replace("area", "surface")


async def test_rename_a_global_function_across_files(client, user):
    edit = await client.text_document_rename_async(
        T.RenameParams(new_name="summary", **at(client, user, "report")))
    texts = files(client, user)
    after = {uri: apply(texts[uri], edits) for uri, edits in edit.changes.items()}
    assert after == {(client.workspace / "main.lua").as_uri(): MAIN.replace("report", "summary"),
                     user[0]: user[1].decode().replace("report", "summary")}


@pytest.mark.parametrize("mark, new_name, why", [
    ("area", "perimeter", "already has a field `perimeter`"),
    ("area", "not", "not a valid Lua name"),
    ("report", "print", "already a global"),
    ("print", "show", "belongs to the standard library"),
])
async def test_rename_refusals_say_why(client, user, mark, new_name, why):
    with pytest.raises(Exception, match=why):
        await client.text_document_rename_async(
            T.RenameParams(new_name=new_name, **at(client, user, mark)))


async def test_prepare_rename_refuses_the_standard_library(client, user):
    assert await client.text_document_prepare_rename_async(
        T.PrepareRenameParams(**at(client, user, "print"))) is None


async def test_highlight_of_a_module_field_in_its_file(client, user):
    found = await client.text_document_document_highlight_async(
        T.DocumentHighlightParams(**at(client, user, "area")))
    assert [h.range.start.line for h in found] == [1, 3]


async def test_globals_assigned_in_other_files_are_not_undefined(client, user):
    def settled(ds):        # the first publish may come before the first scan
        return [d.message for d in ds if d.code == "undefined-global"] == [
            "Undefined global `nowhere`."]
    found = await wait_diagnostics(client, user[0], settled)
    undefined = sorted(d.message for d in found if d.code == "undefined-global")
    assert undefined == ["Undefined global `nowhere`."]      # not `report` (main.lua)


async def test_workspace_library_folders(client):
    """.luarc.json's workspace.library: require resolves into the folder, its globals
    are defined, and a rename that would edit it is refused."""
    uri, source, marks = await open_doc(client, LIBRARY_USER, name="libuser")
    def undefined(ds):
        return sorted(d.message for d in ds if d.code == "undefined-global")
    # The first publish may come before the first scan: wait for the one after it.
    found = await wait_diagnostics(client, uri, lambda ds: len(undefined(ds)) == 1)
    assert sorted(d.message for d in found if d.code == "undefined-global") == [
        "Undefined global `not_defined`."]                # JSON_NULL: the library's
    where = dict(text_document=doc_id(uri), position=position(client, source, marks["encode"]))
    defs = await client.text_document_definition_async(T.DefinitionParams(**where))
    vendor = (client.workspace / VENDOR_DIR).resolve()
    assert [(d.uri, d.range.start.line) for d in defs] == [((vendor / "json.lua").as_uri(), 2)]
    with pytest.raises(Exception, match="library code"):
        await client.text_document_rename_async(T.RenameParams(new_name="dump", **where))


async def test_runtime_version_in_luarc(client):
    """runtime.version "Lua 5.4": `bit` is undefined, `unpack` is deprecated (tagged)."""
    uri, _, _ = await open_doc(client, "local x = unpack({1})\nprint(x, bit)\n", name="ver")
    found = await wait_diagnostics(client, uri, lambda ds: any(
        d.code == "deprecated" for d in ds))
    assert [(d.code, d.range.start.line) for d in found] == [
        ("deprecated", 0), ("undefined-global", 1)]
    caps = client.capabilities.text_document.publish_diagnostics
    assert caps.tag_support                      # both profiles support tags
    assert list(found[0].tags) == [T.DiagnosticTag.Deprecated]


async def test_completion_offers_globals_of_closed_files(client):
    uri, source, marks = await open_doc(client, "local n = 1\nrep$$", name="compl")
    found = await client.text_document_completion_async(T.CompletionParams(
        text_document=doc_id(uri), position=position(client, source, marks[""])))
    items = {i.label: i.detail for i in found.items}
    assert items["report"] == "global report (another file)"       # main.lua, never opened


async def test_hover_of_a_global_assigned_in_a_closed_file(client, user):
    found = await client.text_document_hover_async(
        T.HoverParams(**at(client, user, "report")))
    assert found.contents.value.startswith("```lua\nfunction report(w, h)")
    assert "Defined in main.lua, line 2." in found.contents.value


async def test_workspace_folders_added_and_removed(client):
    extra = client.workspace.parent / (client.workspace.name + "_extra")
    extra.mkdir(exist_ok=True)
    (extra / "extra.lua").write_text("function far_away_function() end\n")
    folder = T.WorkspaceFolder(uri=extra.as_uri(), name="extra")

    async def symbols_after(event):
        client.workspace_did_change_workspace_folders(
            T.DidChangeWorkspaceFoldersParams(event=event))
        for _ in range(100):
            found = await client.workspace_symbol_async(
                T.WorkspaceSymbolParams(query="far_away_function"))
            if bool(found) == bool(event.added):
                return found
            await asyncio.sleep(0.05)
        return found
    found = await symbols_after(T.WorkspaceFoldersChangeEvent(added=[folder], removed=[]))
    assert [s.location.uri for s in found] == [(extra / "extra.lua").as_uri()]
    found = await symbols_after(T.WorkspaceFoldersChangeEvent(added=[], removed=[folder]))
    assert found == []


async def test_signature_help_of_a_required_module_function(client):
    uri, source, marks = await open_doc(
        client, 'local s = require "lib.shapes"\nprint(s.area(2, $$))\n', name="sig")
    sig = await client.text_document_signature_help_async(T.SignatureHelpParams(
        text_document=doc_id(uri), position=position(client, source, marks[""])))
    assert sig.signatures[0].label == "s.area(w, h)" and sig.active_parameter == 1


async def test_signature_help_of_a_global_function_in_a_closed_file(client):
    uri, source, marks = await open_doc(client, "report(1, $$)\n", name="sig")
    sig = await client.text_document_signature_help_async(T.SignatureHelpParams(
        text_document=doc_id(uri), position=position(client, source, marks[""])))
    assert sig.signatures[0].label == "report(w, h)" and sig.active_parameter == 1
