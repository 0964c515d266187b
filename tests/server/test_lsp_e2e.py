"""End to end: a real LSP client (pytest-lsp) drives `python -m moonlens lsp`.

One server per client profile for the whole module (starting one costs about
a second); every test opens its own document, so they do not interfere.
"""

import asyncio
import json

import pytest
from lsprotocol import types as T
from pygls.exceptions import JsonRpcRequestCancelled
from pytest_lsp import LanguageClient

from tests.server.e2e import (  # noqa: F401 -- PROFILES: tests import it from here
    PROFILES, at, change, codes, doc_id, encoding, make_client, make_no_server_failures,
    open_doc, position, wait_diagnostics,
)

pytestmark = pytest.mark.asyncio(loop_scope="module")


LUARC = {
    "diagnostics.globals": ["vim"],
    "diagnostics": {"severity": {"lowercase-global": "Warning"}},
}

client = make_client(files={".luarc.json": json.dumps(LUARC)},
                     settings={"diagnostics": {"disable": ["empty-block"]}})
no_server_failures = make_no_server_failures()


# -- Initialize ------------------------------------------------------------------------

async def test_initialize_capabilities(client: LanguageClient):
    caps = client.init_result.capabilities
    assert caps.text_document_sync.change == T.TextDocumentSyncKind.Incremental
    assert caps.hover_provider and caps.definition_provider and caps.references_provider
    assert set(caps.completion_provider.trigger_characters) >= {".", ":"}
    assert caps.semantic_tokens_provider.legend.token_types[0] == "namespace"
    assert caps.semantic_tokens_provider.full.delta is True
    assert caps.inlay_hint_provider and caps.folding_range_provider
    assert caps.document_symbol_provider and caps.selection_range_provider
    profile = client.capabilities.general
    offered = (profile.position_encodings or []) if profile else []
    # Neovim 0.11 offers utf-8 first; VS Code 1.65 offers nothing (utf-16 by default).
    assert encoding(client) == (offered[0] if offered else "utf-16")


# -- Diagnostics ---------------------------------------------------------------------------

async def test_open_publishes_diagnostics(client: LanguageClient):
    uri, source, _ = await open_doc(client, "local x = = 1\nprint(y, vim)\nz = 1\nif a then end\n")
    diags = client.diagnostics[uri]
    assert "syntax" in codes(diags)
    undefined = [d for d in diags if d.code == "undefined-global"]
    assert {d.message for d in undefined} == {"Undefined global `y`.", "Undefined global `a`."}
    lowercase = [d for d in diags if d.code == "lowercase-global"]
    assert lowercase[0].severity == T.DiagnosticSeverity.Warning       # .luarc severity
    assert "empty-block" not in codes(diags)                           # client settings


async def test_incremental_change_updates_diagnostics(client: LanguageClient):
    uri, source, marks = await open_doc(client, "local t = {}\nprint(undefinedname$$)\n")
    assert "undefined-global" in codes(client.diagnostics[uri])
    start = position(client, source, marks[""] - len("undefinedname"))
    end = position(client, source, marks[""])
    change(client, uri, 2, "t", T.Range(start, end))
    diags = await wait_diagnostics(client, uri, lambda ds: "undefined-global" not in codes(ds))
    assert codes(diags) == []


async def test_unused_is_tagged_unnecessary(client: LanguageClient):
    uri, _, _ = await open_doc(client, "local unused = 1\n")
    (d,) = client.diagnostics[uri]
    assert d.code == "unused-local"
    assert d.severity == T.DiagnosticSeverity.Hint
    assert list(d.tags) == [T.DiagnosticTag.Unnecessary]


# -- Hover, completion, signature help ---------------------------------------------------

async def test_hover(client: LanguageClient):
    uri, source, m = await open_doc(client, "local n = 5\nprint(n$a$)\nstring.for$b$mat('x')\n")
    h = await client.text_document_hover_async(T.HoverParams(**at(client, uri, source, m["a"])))
    assert "local n = 5" in h.contents.value
    h = await client.text_document_hover_async(T.HoverParams(**at(client, uri, source, m["b"])))
    assert "string.format(formatstring, ...)" in h.contents.value


async def test_hover_after_multibyte_text(client: LanguageClient):
    # Columns after "é😀" differ between UTF-16 and UTF-8: both must land on `s`.
    uri, source, m = await open_doc(client, 'local s = "é😀"; print(s$$)\n')
    h = await client.text_document_hover_async(T.HoverParams(**at(client, uri, source, m[""])))
    assert h is not None and "local s" in h.contents.value


async def test_completion(client: LanguageClient):
    uri, source, m = await open_doc(client, "local count = 1\nc$b$\nlocal r = string.$a$\n")
    result = await client.text_document_completion_async(T.CompletionParams(
        **at(client, uri, source, m["a"])))
    labels = {i.label for i in result.items}
    assert {"format", "rep", "gsub"} <= labels and "count" not in labels
    result = await client.text_document_completion_async(T.CompletionParams(
        **at(client, uri, source, m["b"])))
    labels = {i.label for i in result.items}
    assert {"count", "print", "string", "function"} <= labels


async def test_signature_help(client: LanguageClient):
    uri, source, m = await open_doc(client, "local function add(a, b) return a + b end\n"
                                            "add(1, $$)\n")
    sig = await client.text_document_signature_help_async(T.SignatureHelpParams(
        **at(client, uri, source, m[""])))
    assert sig.signatures[0].label == "add(a, b)"
    assert sig.active_parameter == 1


# -- Navigation ------------------------------------------------------------------------

NAV = "local $d$total = 0\nfor i = 1, 3 do\n  $u$total = total + i\nend\nprint(total)\n"


async def test_definition_and_references(client: LanguageClient):
    uri, source, m = await open_doc(client, NAV)
    locs = await client.text_document_definition_async(T.DefinitionParams(
        **at(client, uri, source, m["u"])))
    assert [loc.range.start for loc in locs] == [position(client, source, m["d"])]
    refs = await client.text_document_references_async(T.ReferenceParams(
        **at(client, uri, source, m["d"]),
        context=T.ReferenceContext(include_declaration=True)))
    assert len(refs) == 4
    marks = await client.text_document_document_highlight_async(T.DocumentHighlightParams(
        **at(client, uri, source, m["u"])))
    kinds = sorted(h.kind for h in marks)
    assert kinds.count(T.DocumentHighlightKind.Write) == 2


async def test_declaration(client: LanguageClient):
    uri, source, m = await open_doc(client, "local function $d$step(n) return n + 1 end\n"
                                            "local $v$x = st$u$ep(1)\nprint($x$x)\n")
    for use, decl in (("u", "d"), ("x", "v")):
        (loc,) = await client.text_document_declaration_async(T.DeclarationParams(
            **at(client, uri, source, m[use])))
        assert loc.uri == uri and loc.range.start == position(client, source, m[decl])
    none = await client.text_document_declaration_async(T.DeclarationParams(
        text_document=doc_id(uri), position=T.Position(3, 0)))
    assert not none


async def test_ranges_after_multibyte_text_use_the_negotiated_encoding(client: LanguageClient):
    # Ranges the server sends (diagnostics, references, highlights, rename edits) count
    # columns in the negotiated encoding: after "é😀", 23 UTF-16 units are 26 UTF-8 bytes.
    uri, source, m = await open_doc(client, 'local $d$s = "é😀"; print($u$s, $g$nope)\n')
    column = {"utf-16": 23, "utf-8": 26, "utf-32": 22}[encoding(client)]
    assert position(client, source, m["u"]) == T.Position(0, column)
    (undefined,) = [d for d in client.diagnostics[uri] if d.code == "undefined-global"]
    assert undefined.range == T.Range(T.Position(0, column + 3), T.Position(0, column + 7))
    refs = await client.text_document_references_async(T.ReferenceParams(
        **at(client, uri, source, m["u"]), context=T.ReferenceContext(include_declaration=True)))
    assert sorted((r.range.start.character, r.range.end.character) for r in refs) == [
        (6, 7), (column, column + 1)]
    marks = await client.text_document_document_highlight_async(T.DocumentHighlightParams(
        **at(client, uri, source, m["d"])))
    assert {h.range.start.character for h in marks} == {6, column}
    edit = await client.text_document_rename_async(T.RenameParams(
        **at(client, uri, source, m["u"]), new_name="str"))
    assert sorted(e.range.start.character for e in edit.changes[uri]) == [6, column]


async def test_rename(client: LanguageClient):
    uri, source, m = await open_doc(client, NAV)
    prep = await client.text_document_prepare_rename_async(T.PrepareRenameParams(
        **at(client, uri, source, m["u"])))
    assert prep.placeholder == "total"
    edit = await client.text_document_rename_async(T.RenameParams(
        **at(client, uri, source, m["u"]), new_name="sum"))
    assert len(edit.changes[uri]) == 4
    with pytest.raises(Exception, match="not a valid Lua name"):
        await client.text_document_rename_async(T.RenameParams(
            **at(client, uri, source, m["u"]), new_name="end"))


async def test_document_symbols(client: LanguageClient):
    uri, _, _ = await open_doc(client, "local M = {}\nfunction M.new(x)\n  local function "
                                       "helper() end\nend\nfunction M:get() end\nreturn M\n")
    symbols = await client.text_document_document_symbol_async(
        T.DocumentSymbolParams(doc_id(uri)))
    names = [s.name for s in symbols]
    assert names == ["M", "M.new", "M:get"]
    assert symbols[1].children[0].name == "helper"
    assert symbols[2].kind == T.SymbolKind.Method


async def test_folding_and_selection(client: LanguageClient):
    uri, source, m = await open_doc(client, "local function f()\n  if x then\n    "
                                            "return $$1\n  end\nend\n")
    folds = await client.text_document_folding_range_async(T.FoldingRangeParams(doc_id(uri)))
    assert {(f.start_line, f.end_line) for f in folds} == {(0, 3), (1, 2)}
    (sel,) = await client.text_document_selection_range_async(T.SelectionRangeParams(
        text_document=doc_id(uri), positions=[position(client, source, m[""])]))
    depth = 0
    while sel is not None:
        depth += 1
        sel = sel.parent
    assert depth >= 5


# -- Semantic tokens and inlay hints --------------------------------------------------------

async def test_semantic_tokens_full_and_delta(client: LanguageClient):
    uri, source, _ = await open_doc(client, "local function f(a) return a end\nprint(f(1))\n")
    full = await client.text_document_semantic_tokens_full_async(
        T.SemanticTokensParams(doc_id(uri)))
    legend = client.init_result.capabilities.semantic_tokens_provider.legend
    types = [legend.token_types[full.data[i + 3]] for i in range(0, len(full.data), 5)]
    assert types == ["function", "parameter", "parameter", "function", "function"]
    change(client, uri, 2, "print(f)\n", T.Range(T.Position(2, 0), T.Position(2, 0)))
    await wait_diagnostics(client, uri)
    delta = await client.text_document_semantic_tokens_full_delta_async(
        T.SemanticTokensDeltaParams(text_document=doc_id(uri),
                                    previous_result_id=full.result_id))
    assert isinstance(delta, T.SemanticTokensDelta)
    data = list(full.data)
    for edit in delta.edits:
        data[edit.start:edit.start + edit.delete_count] = edit.data or []
    assert len(data) == len(full.data) + 10


async def test_semantic_tokens_delta_from_an_unknown_result_is_full(client: LanguageClient):
    uri, _, _ = await open_doc(client, "local function g(b) return b end\n")
    full = await client.text_document_semantic_tokens_full_async(
        T.SemanticTokensParams(doc_id(uri)))
    again = await client.text_document_semantic_tokens_full_delta_async(
        T.SemanticTokensDeltaParams(text_document=doc_id(uri), previous_result_id="stale"))
    assert isinstance(again, T.SemanticTokens)
    assert list(again.data) == list(full.data) and again.result_id != full.result_id
    same = await client.text_document_semantic_tokens_full_delta_async(
        T.SemanticTokensDeltaParams(text_document=doc_id(uri),
                                    previous_result_id=again.result_id))
    assert isinstance(same, T.SemanticTokensDelta) and not same.edits


async def test_inlay_hints(client: LanguageClient):
    uri, source, m = await open_doc(client, "local function area(width, height) return "
                                            "width * height end\nprint(area($a$3, $b$4))\n")
    hints = await client.text_document_inlay_hint_async(T.InlayHintParams(
        text_document=doc_id(uri), range=T.Range(T.Position(0, 0), T.Position(5, 0))))
    assert [(h.label, h.position) for h in hints] == [
        ("width:", position(client, source, m["a"])),
        ("height:", position(client, source, m["b"]))]


# -- Settings -------------------------------------------------------------------------------

async def test_configuration_is_pulled_again_on_change(client: LanguageClient):
    uri, _, _ = await open_doc(client, "local unused2 = 1\n")
    assert codes(client.diagnostics[uri]) == ["unused-local"]
    client.set_configuration({"diagnostics": {"disable": ["unused-local"]}},
                             section="moonlens")
    client.workspace_did_change_configuration(T.DidChangeConfigurationParams(settings=None))
    await wait_diagnostics(client, uri, lambda ds: not ds)
    client.set_configuration({"diagnostics": {"disable": ["empty-block"]}},
                             section="moonlens")
    client.workspace_did_change_configuration(T.DidChangeConfigurationParams(settings=None))
    await wait_diagnostics(client, uri, lambda ds: bool(ds))


async def test_configuration_pushed_with_the_notification(client: LanguageClient):
    uri, _, _ = await open_doc(client, "local unused3 = 1\n")
    assert codes(client.diagnostics[uri]) == ["unused-local"]
    client.workspace_did_change_configuration(T.DidChangeConfigurationParams(
        settings={"moonlens": {"diagnostics": {"disable": ["unused-local"]}}}))
    await wait_diagnostics(client, uri, lambda ds: not ds)
    # A notification without our sections makes the server pull them again.
    client.workspace_did_change_configuration(T.DidChangeConfigurationParams(
        settings={"other": {}}))
    await wait_diagnostics(client, uri, lambda ds: codes(ds) == ["unused-local"])


async def test_luarc_changes_are_watched(client: LanguageClient):
    dynamic = client.capabilities.workspace.did_change_watched_files
    if dynamic is not None and dynamic.dynamic_registration:
        (reg,) = [r for r in client.registrations
                  if r.method == T.WORKSPACE_DID_CHANGE_WATCHED_FILES]
        # register_options arrive as plain JSON (its type depends on the method)
        globs = {w["globPattern"] for w in reg.register_options["watchers"]}
        assert globs == {"**/.luarc.json", "**/.luarc.jsonc", "**/*.lua"}
    else:                   # Neovim 0.11: no dynamic registration, none is asked for
        assert client.registrations == []
    uri, _, _ = await open_doc(client, "print(newglobal)\n")
    assert codes(client.diagnostics[uri]) == ["undefined-global"]
    luarc = client.workspace / ".luarc.json"
    luarc.write_text(json.dumps(dict(LUARC, **{"diagnostics.globals": ["vim", "newglobal"]})))
    try:
        client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
            changes=[T.FileEvent(uri=luarc.as_uri(), type=T.FileChangeType.Changed)]))
        await wait_diagnostics(client, uri, lambda ds: not ds)
    finally:
        luarc.write_text(json.dumps(LUARC))
        client.workspace_did_change_watched_files(T.DidChangeWatchedFilesParams(
            changes=[T.FileEvent(uri=luarc.as_uri(), type=T.FileChangeType.Changed)]))
    await wait_diagnostics(client, uri, lambda ds: bool(ds))


# -- Closing and cancelling ---------------------------------------------------------------

async def test_close_clears_diagnostics_and_forgets_the_document(client: LanguageClient):
    uri, source, m = await open_doc(client, "print(gone$$)\n")
    assert codes(client.diagnostics[uri]) == ["undefined-global"]
    client.text_document_did_close(T.DidCloseTextDocumentParams(doc_id(uri)))
    await wait_diagnostics(client, uri, lambda ds: not ds)
    h = await client.text_document_hover_async(T.HoverParams(**at(client, uri, source, m[""])))
    assert h is None
    assert await client.text_document_document_symbol_async(
        T.DocumentSymbolParams(doc_id(uri))) == []


async def test_cancel_request_of_answered_and_unknown_requests_is_harmless(client):
    uri, source, m = await open_doc(client, "local kept = 1\nprint(kept$$)\n")
    params = T.HoverParams(**at(client, uri, source, m[""]))
    msg_id = "hover-%s" % uri
    h = await client.protocol.send_request_async(T.TEXT_DOCUMENT_HOVER, params, msg_id=msg_id)
    assert "local kept = 1" in h.contents.value
    client.protocol.notify(T.CANCEL_REQUEST, T.CancelParams(id=msg_id))
    client.protocol.notify(T.CANCEL_REQUEST, T.CancelParams(id="never-sent"))
    # Cancelled right after it is sent: answered with the result or RequestCancelled.
    racing = asyncio.ensure_future(client.protocol.send_request_async(
        T.WORKSPACE_SYMBOL, T.WorkspaceSymbolParams(query="kept"), msg_id=msg_id + "-2"))
    client.protocol.notify(T.CANCEL_REQUEST, T.CancelParams(id=msg_id + "-2"))
    try:
        assert isinstance(await asyncio.wait_for(racing, 5), list)
    except JsonRpcRequestCancelled:
        pass
    h = await client.text_document_hover_async(params)
    assert "local kept = 1" in h.contents.value           # still alive and answering


# -- Robustness -------------------------------------------------------------------------------

async def test_garbage_document(client: LanguageClient):
    junk = "\x00\x01 ]]==[[ end end ( { ' \" \\ \ufffd 😀 local function ( :: goto 0x.p9\n" * 20
    uri, source, _ = await open_doc(client, junk)
    for line in range(0, 20, 7):
        for char in (0, 5, 17, 40, 500):
            p = dict(text_document=doc_id(uri), position=T.Position(line, char))
            await client.text_document_hover_async(T.HoverParams(**p))
            await client.text_document_completion_async(T.CompletionParams(**p))
            await client.text_document_signature_help_async(T.SignatureHelpParams(**p))
            await client.text_document_definition_async(T.DefinitionParams(**p))
    await client.text_document_semantic_tokens_full_async(T.SemanticTokensParams(doc_id(uri)))
    await client.text_document_folding_range_async(T.FoldingRangeParams(doc_id(uri)))
    await client.text_document_document_symbol_async(T.DocumentSymbolParams(doc_id(uri)))
    assert "syntax" in codes(client.diagnostics[uri])


async def test_huge_line(client: LanguageClient):
    text = "local t = {" + ", ".join("x%d = %d" % (i, i) for i in range(20000)) + "}\n"
    uri, source, _ = await open_doc(client, text)
    p = T.Position(0, len(text) - 5)
    await client.text_document_hover_async(T.HoverParams(text_document=doc_id(uri), position=p))
    tokens = await client.text_document_semantic_tokens_full_async(
        T.SemanticTokensParams(doc_id(uri)))
    assert len(tokens.data) == 5 * 20001


async def test_edits_at_invalid_positions_and_unknown_documents(client: LanguageClient):
    uri, source, _ = await open_doc(client, "local a = 1\nprint(a)\n")
    change(client, uri, 2, "x = ", T.Range(T.Position(999, 999), T.Position(5, 9999)))
    await wait_diagnostics(client, uri)
    change(client, "file:///not/open.lua", 2, "x")
    missing = await client.text_document_hover_async(T.HoverParams(
        text_document=doc_id("file:///not/open.lua"), position=T.Position(0, 0)))
    assert missing is None
    h = await client.text_document_hover_async(T.HoverParams(
        text_document=doc_id(uri), position=T.Position(1, 7)))
    assert "local a = 1" in h.contents.value           # still alive and answering
