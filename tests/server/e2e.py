"""Shared end-to-end machinery: a real LSP client (pytest-lsp) drives
`python -m moonlens lsp`.

A test module makes its client with `make_client` (one server per client profile for
the whole module; starting one costs about a second) and its log check with
`make_no_server_failures`:

    client = make_client(files={".luarc.json": "{}"}, settings={...})
    no_server_failures = make_no_server_failures()

    async def test_hover(client: LanguageClient):
        uri, source, m = await open_doc(client, "local n = 5\\nprint(n$$)\\n")
        h = await client.text_document_hover_async(T.HoverParams(**at(client, uri, source,
                                                                     m[""])))

Every test opens its own documents (new names), so tests do not interfere.
"""

import asyncio
import sys

import pytest
import pytest_lsp
from lsprotocol import types as T
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

from tests.server.helpers import marked

SERVER = [sys.executable, "-m", "moonlens", "lsp"]
PROFILES = ["visual_studio_code", "neovim@v0.11.0"]


# -- The client fixture --------------------------------------------------------------------

def make_client(profiles=PROFILES, files=None, settings=None, folders=False, name="ws"):
    """A module-scoped pytest-lsp fixture: a client connected to a fresh server, once
    per client capability profile in `profiles`.

    files: {relative path: text} written into a new workspace directory (one per
        profile, so the servers never share files).
    settings: the client's `moonlens` section for workspace/configuration; None leaves
        the client without settings (it answers null).
    folders: announce the workspace as a workspace folder, else as the root URI.

    The client gets these attributes: `profile`, `init_result` (the InitializeResult),
    `workspace` (the directory, a Path), `registrations` (client/registerCapability
    registrations received) and `refreshes` ("inlayHint" / "codeLens" refresh requests).
    """

    @pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module",
                        params=profiles)
    async def client(lsp_client: LanguageClient, request, tmp_path_factory):
        root = tmp_path_factory.mktemp(name)
        for path, text in (files or {}).items():
            (root / path).parent.mkdir(parents=True, exist_ok=True)
            (root / path).write_text(text)
        lsp_client.registrations = []
        lsp_client.refreshes = []

        @lsp_client.feature(T.CLIENT_REGISTER_CAPABILITY)
        def register(ls, params: T.RegistrationParams):     # pygls passes the client as `ls`
            ls.registrations.extend(params.registrations)

        @lsp_client.feature(T.WORKSPACE_INLAY_HINT_REFRESH)
        def hint_refresh(ls, params):
            ls.refreshes.append("inlayHint")

        @lsp_client.feature(T.WORKSPACE_CODE_LENS_REFRESH)
        def lens_refresh(ls, params):
            ls.refreshes.append("codeLens")

        if settings is not None:
            lsp_client.set_configuration(settings, section="moonlens")
        where = (dict(workspace_folders=[T.WorkspaceFolder(uri=root.as_uri(), name=name)])
                 if folders else dict(root_uri=root.as_uri()))
        lsp_client.profile = request.param
        lsp_client.init_result = await lsp_client.initialize_session(T.InitializeParams(
            capabilities=client_capabilities(request.param), **where))
        lsp_client.workspace = root
        yield
        await lsp_client.shutdown_session()

    return client


def make_no_server_failures():
    """An autouse fixture: a handler that fails answers emptily and logs an error, so no
    test may leave an Error log message from the server behind."""

    @pytest.fixture(autouse=True)
    def no_server_failures(client):
        before = len(client.log_messages)
        yield
        errors = [m.message for m in client.log_messages[before:]
                  if m.type == T.MessageType.Error]
        assert not errors

    return no_server_failures


# -- Documents ------------------------------------------------------------------------------

_counter = [0]


def new_path(client, name="doc"):
    """A new file name in the client's workspace (a Path)."""
    _counter[0] += 1
    return client.workspace / ("%s%d.lua" % (name, _counter[0]))


def new_uri(client, name="doc"):
    return new_path(client, name).as_uri()


def did_open(client, uri, text):
    client.text_document_did_open(T.DidOpenTextDocumentParams(
        T.TextDocumentItem(uri=uri, language_id="lua", version=1, text=text)))


async def open_doc(client, text, name="doc"):
    """Open a marked source (not written to disk) and wait for its diagnostics;
    returns (uri, source bytes, markers)."""
    source, marks = marked(text)
    uri = new_uri(client, name)
    did_open(client, uri, source.decode())
    await wait_diagnostics(client, uri)
    return uri, source, marks


async def open_file(client, text, name="doc"):
    """Write text (no markers) to a new workspace file, open it and wait for its
    diagnostics; returns its URI."""
    path = new_path(client, name)
    path.write_text(text)
    uri = path.as_uri()
    did_open(client, uri, text)
    await wait_diagnostics(client, uri)
    return uri


def change(client, uri, version, text, range=None):
    """Send didChange: replace range (an LSP Range) with text, or the whole document."""
    content = (T.TextDocumentContentChangeWholeDocument(text=text) if range is None
               else T.TextDocumentContentChangePartial(range=range, text=text))
    client.text_document_did_change(T.DidChangeTextDocumentParams(
        text_document=T.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[content]))


async def wait_diagnostics(client, uri, check=lambda ds: True, timeout=15):
    """Wait until the diagnostics published for uri satisfy check."""
    async def loop():
        while uri not in client.diagnostics or not check(client.diagnostics[uri]):
            await client.wait_for_notification(T.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]
    return await asyncio.wait_for(loop(), timeout)


# -- Positions ------------------------------------------------------------------------------

def encoding(client):
    """The position encoding negotiated at initialize."""
    return client.init_result.capabilities.position_encoding or "utf-16"


def position(client, source: bytes, offset):
    """LSP position of a byte offset, in the negotiated encoding."""
    before = source[:offset]
    line = before.count(b"\n")
    col_bytes = before[before.rfind(b"\n") + 1:]
    if encoding(client) == "utf-8":
        return T.Position(line, len(col_bytes))
    if encoding(client) == "utf-32":
        return T.Position(line, len(col_bytes.decode()))
    return T.Position(line, len(col_bytes.decode().encode("utf-16-le")) // 2)


def doc_id(uri):
    return T.TextDocumentIdentifier(uri=uri)


def at(client, uri, source, offset):
    """text_document and position keywords for a request at a byte offset."""
    return dict(text_document=doc_id(uri), position=position(client, source, offset))


def codes(diagnostics):
    return sorted(str(d.code) for d in diagnostics)


# -- Commands -------------------------------------------------------------------------------

async def command(client, name, *args):
    """workspace/executeCommand."""
    return await client.workspace_execute_command_async(T.ExecuteCommandParams(
        command=name, arguments=list(args)))
