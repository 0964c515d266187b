"""End to end: a real LSP client (pytest-lsp) drives `python -m moonlens lsp`.

One server per client profile for the whole module (starting one costs about
a second); every test opens its own document, so they do not interfere.
"""

import asyncio
import json
import sys

import pytest
import pytest_lsp
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.server.helpers import marked

SERVER = [sys.executable, "-m", "moonlens", "lsp"]
PROFILES = ["visual_studio_code", "neovim@v0.11.0"]

pytestmark = pytest.mark.asyncio(loop_scope="module")


LUARC = {
    "diagnostics.globals": ["vim"],
    "diagnostics": {"severity": {"lowercase-global": "Warning"}},
}


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("ws")
    (root / ".luarc.json").write_text(json.dumps(LUARC))
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module",
                    params=PROFILES)
async def client(lsp_client: LanguageClient, request, workspace):
    lsp_client.registrations = []

    @lsp_client.feature(T.CLIENT_REGISTER_CAPABILITY)
    def register(ls, params: T.RegistrationParams):     # pygls passes the client as `ls`
        ls.registrations.extend(params.registrations)

    lsp_client.set_configuration({"diagnostics": {"disable": ["empty-block"]}},
                                 section="moonlens")
    result = await lsp_client.initialize_session(T.InitializeParams(
        capabilities=client_capabilities(request.param), root_uri=workspace.as_uri()))
    lsp_client.init_result = result
    lsp_client.workspace = workspace
    yield
    await lsp_client.shutdown_session()


@pytest.fixture(autouse=True)
def no_server_failures(client):
    """A handler that fails answers emptily and logs an error: no test may cause one."""
    before = len(client.log_messages)
    yield
    errors = [m.message for m in client.log_messages[before:]
              if m.type == T.MessageType.Error]
    assert not errors


# -- Helpers ----------------------------------------------------------------------------

_counter = [0]


def new_uri(client, name="doc"):
    _counter[0] += 1
    return (client.workspace / ("%s%d.lua" % (name, _counter[0]))).as_uri()


def encoding(client):
    return client.init_result.capabilities.position_encoding or "utf-16"


def position(client, source: bytes, offset):
    """LSP position of a byte offset, in the negotiated encoding."""
    before = source[:offset]
    line = before.count(b"\n")
    col_bytes = before[before.rfind(b"\n") + 1:]
    if encoding(client) == "utf-8":
        return T.Position(line, len(col_bytes))
    return T.Position(line, len(col_bytes.decode().encode("utf-16-le")) // 2)


async def wait_diagnostics(client, uri, check=lambda ds: True, timeout=10):
    """Wait until the diagnostics published for uri satisfy check."""
    async def loop():
        while uri not in client.diagnostics or not check(client.diagnostics[uri]):
            await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]
    return await asyncio.wait_for(loop(), timeout)


async def open_doc(client, text, name="doc"):
    """Open a marked source; returns (uri, source bytes, markers)."""
    source, marks = marked(text)
    uri = new_uri(client, name)
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        T.TextDocumentItem(uri=uri, language_id="lua", version=1, text=source.decode())))
    await wait_diagnostics(client, uri)
    return uri, source, marks


def doc_id(uri):
    return T.TextDocumentIdentifier(uri=uri)


def codes(diagnostics):
    return sorted(str(d.code) for d in diagnostics)


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
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangePartial(
            range=T.Range(start, end), text="t")]))
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
    h = await client.text_document_hover_async(T.HoverParams(
        text_document=doc_id(uri), position=position(client, source, m["a"])))
    assert "local n = 5" in h.contents.value
    h = await client.text_document_hover_async(T.HoverParams(
        text_document=doc_id(uri), position=position(client, source, m["b"])))
    assert "string.format(formatstring, ...)" in h.contents.value


async def test_hover_after_multibyte_text(client: LanguageClient):
    # Columns after "é😀" differ between UTF-16 and UTF-8: both must land on `s`.
    uri, source, m = await open_doc(client, 'local s = "é😀"; print(s$$)\n')
    h = await client.text_document_hover_async(T.HoverParams(
        text_document=doc_id(uri), position=position(client, source, m[""])))
    assert h is not None and "local s" in h.contents.value


async def test_completion(client: LanguageClient):
    uri, source, m = await open_doc(client, "local count = 1\nc$b$\nlocal r = string.$a$\n")
    result = await client.text_document_completion_async(T.CompletionParams(
        text_document=doc_id(uri), position=position(client, source, m["a"])))
    labels = {i.label for i in result.items}
    assert {"format", "rep", "gsub"} <= labels and "count" not in labels
    result = await client.text_document_completion_async(T.CompletionParams(
        text_document=doc_id(uri), position=position(client, source, m["b"])))
    labels = {i.label for i in result.items}
    assert {"count", "print", "string", "function"} <= labels


async def test_signature_help(client: LanguageClient):
    uri, source, m = await open_doc(client, "local function add(a, b) return a + b end\n"
                                            "add(1, $$)\n")
    sig = await client.text_document_signature_help_async(T.SignatureHelpParams(
        text_document=doc_id(uri), position=position(client, source, m[""])))
    assert sig.signatures[0].label == "add(a, b)"
    assert sig.active_parameter == 1


# -- Navigation ------------------------------------------------------------------------

NAV = "local $d$total = 0\nfor i = 1, 3 do\n  $u$total = total + i\nend\nprint(total)\n"


async def test_definition_and_references(client: LanguageClient):
    uri, source, m = await open_doc(client, NAV)
    locs = await client.text_document_definition_async(T.DefinitionParams(
        text_document=doc_id(uri), position=position(client, source, m["u"])))
    assert [loc.range.start for loc in locs] == [position(client, source, m["d"])]
    refs = await client.text_document_references_async(T.ReferenceParams(
        text_document=doc_id(uri), position=position(client, source, m["d"]),
        context=T.ReferenceContext(include_declaration=True)))
    assert len(refs) == 4
    marks = await client.text_document_document_highlight_async(T.DocumentHighlightParams(
        text_document=doc_id(uri), position=position(client, source, m["u"])))
    kinds = sorted(h.kind for h in marks)
    assert kinds.count(T.DocumentHighlightKind.Write) == 2


async def test_rename(client: LanguageClient):
    uri, source, m = await open_doc(client, NAV)
    prep = await client.text_document_prepare_rename_async(T.PrepareRenameParams(
        text_document=doc_id(uri), position=position(client, source, m["u"])))
    assert prep.placeholder == "total"
    edit = await client.text_document_rename_async(T.RenameParams(
            text_document=doc_id(uri), position=position(client, source, m["u"]),
            new_name="sum"))
    assert len(edit.changes[uri]) == 4
    with pytest.raises(Exception, match="not a valid Lua name"):
        await client.text_document_rename_async(T.RenameParams(
            text_document=doc_id(uri), position=position(client, source, m["u"]),
            new_name="end"))


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
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangePartial(
            range=T.Range(T.Position(2, 0), T.Position(2, 0)), text="print(f)\n")]))
    await wait_diagnostics(client, uri)
    delta = await client.text_document_semantic_tokens_full_delta_async(
        T.SemanticTokensDeltaParams(text_document=doc_id(uri),
                                    previous_result_id=full.result_id))
    assert isinstance(delta, T.SemanticTokensDelta)
    data = list(full.data)
    for edit in delta.edits:
        data[edit.start:edit.start + edit.delete_count] = edit.data or []
    assert len(data) == len(full.data) + 10


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


async def test_luarc_changes_are_watched(client: LanguageClient):
    dynamic = client.capabilities.workspace.did_change_watched_files
    if dynamic is not None and dynamic.dynamic_registration:
        (reg,) = [r for r in client.registrations
                  if r.method == T.WORKSPACE_DID_CHANGE_WATCHED_FILES]
        # register_options arrive as plain JSON (its type depends on the method)
        globs = {w["globPattern"] for w in reg.register_options["watchers"]}
        assert globs == {"**/.luarc.json", "**/.luarc.jsonc", "**/*.lua"}
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


# -- Robustness -------------------------------------------------------------------------------

async def test_garbage_document(client: LanguageClient):
    junk = "\x00\x01 ]]==[[ end end ( { ' \" \\ \ufffd 😀 local function ( :: goto 0x.p9\n" * 20
    uri, source, _ = await open_doc(client, junk)
    for line in range(0, 20, 7):
        for char in (0, 5, 17, 40, 500):
            p = T.Position(line, char)
            await client.text_document_hover_async(T.HoverParams(
        text_document=doc_id(uri), position=p))
            await client.text_document_completion_async(T.CompletionParams(
        text_document=doc_id(uri), position=p))
            await client.text_document_signature_help_async(T.SignatureHelpParams(
        text_document=doc_id(uri), position=p))
            await client.text_document_definition_async(T.DefinitionParams(
        text_document=doc_id(uri), position=p))
    await client.text_document_semantic_tokens_full_async(T.SemanticTokensParams(doc_id(uri)))
    await client.text_document_folding_range_async(T.FoldingRangeParams(doc_id(uri)))
    await client.text_document_document_symbol_async(T.DocumentSymbolParams(doc_id(uri)))
    assert "syntax" in codes(client.diagnostics[uri])


async def test_huge_line(client: LanguageClient):
    text = "local t = {" + ", ".join("x%d = %d" % (i, i) for i in range(20000)) + "}\n"
    uri, source, _ = await open_doc(client, text)
    p = T.Position(0, len(text) - 5)
    await client.text_document_hover_async(T.HoverParams(
        text_document=doc_id(uri), position=p))
    tokens = await client.text_document_semantic_tokens_full_async(
        T.SemanticTokensParams(doc_id(uri)))
    assert len(tokens.data) == 5 * 20001


async def test_edits_at_invalid_positions_and_unknown_documents(client: LanguageClient):
    uri, source, _ = await open_doc(client, "local a = 1\nprint(a)\n")
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=2),
        content_changes=[T.TextDocumentContentChangePartial(
            range=T.Range(T.Position(999, 999), T.Position(5, 9999)), text="x = ")]))
    await wait_diagnostics(client, uri)
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri="file:///not/open.lua", version=2),
        content_changes=[T.TextDocumentContentChangeWholeDocument(text="x")]))
    missing = await client.text_document_hover_async(T.HoverParams(
        text_document=doc_id("file:///not/open.lua"), position=T.Position(0, 0)))
    assert missing is None
    h = await client.text_document_hover_async(T.HoverParams(
        text_document=doc_id(uri), position=T.Position(1, 7)))
    assert "local a = 1" in h.contents.value           # still alive and answering
