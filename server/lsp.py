"""The MoonLens language server: protocol translation only.

Every handler turns LSP parameters into byte offsets of the document, calls a
feature function (server/navigation.py, hover.py, completion.py, ...), and
turns its result back into lsprotocol types. Positions are converted in one
place: the document's LineIndex (server/positions.py), in the encoding
negotiated at initialize (UTF-16 unless the client prefers UTF-8/UTF-32).

No handler may take the server down: each one is wrapped by `guarded`, which
logs a failure (to stderr and window/logMessage -- stdout is the wire in
stdio mode) and answers with an empty result.
"""

import asyncio
import functools
import gc
import logging
import os
import sys
from urllib.parse import unquote, urlparse

from lsprotocol import types as T
from pygls.exceptions import FeatureRequestError, JsonRpcException, JsonRpcMethodNotFound
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol, lsp_method

from .. import __version__
from . import completion, config, diagnostics, hover, inlay_hints, navigation
from . import semantic_tokens as sem
from . import names, workspace
from .analysis import Analysis, gc_paused
from .idle_gc import IdleCollector
from .documents import DocumentStore
from .positions import LineIndex

log = logging.getLogger("moonlens.server")

CONFIG_SECTIONS = ("Lua", "moonlens")
DEBOUNCE_SECONDS = 0.1
CONFIG_TIMEOUT_SECONDS = 5
LUARC_GLOBS = ("**/.luarc.json", "**/.luarc.jsonc")
LUA_GLOB = "**/*.lua"
REQUEST_FAILED = -32803


class RequestFailed(JsonRpcException):
    """An answer the user should see (e.g. why a rename is refused)."""
    CODE = REQUEST_FAILED


class NotOpen(LookupError):
    """A request about a document the client never opened (a client mistake)."""


class MoonLensProtocol(LanguageServerProtocol):
    """pygls's protocol, minus its own copy of open documents.

    The DocumentStore applies changes by LSP's line rules and clamps bad
    positions; pygls's copy would only cost time on every keystroke.
    """

    @lsp_method(T.TEXT_DOCUMENT_DID_OPEN)
    def lsp_text_document__did_open(self, params):
        yield from self._user(T.TEXT_DOCUMENT_DID_OPEN, params)

    @lsp_method(T.TEXT_DOCUMENT_DID_CHANGE)
    def lsp_text_document__did_change(self, params):
        yield from self._user(T.TEXT_DOCUMENT_DID_CHANGE, params)

    @lsp_method(T.TEXT_DOCUMENT_DID_CLOSE)
    def lsp_text_document__did_close(self, params):
        yield from self._user(T.TEXT_DOCUMENT_DID_CLOSE, params)

    # $/cancelRequest of workspace/executeCommand cancels pygls's wrapper around the
    # command, not the command's own task: a command that runs long says how to stop
    # it in server.command_cancellers.
    _commands_running = {}          # request id -> command (replaced, never mutated here)
    _request_id = None              # the request being dispatched

    def _handle_request(self, msg_id, method_name, params):
        if method_name == T.WORKSPACE_EXECUTE_COMMAND:
            running = self._commands_running = {
                i: c for i, c in self._commands_running.items()
                if i in self._request_futures}
            running[msg_id] = getattr(params, "command", None)
        self._request_id = msg_id
        try:
            super()._handle_request(msg_id, method_name, params)
        finally:
            self._request_id = None

    def _execute_handler(self, msg_id, handler, callback, args=None, kwargs=None):
        """pygls 2.1 files the future of every coroutine or generator handler under
        its id, but only a request's answer removes it: a notification's (a made-up
        id) and each step of a generator handler's stayed forever -- some 10 KB per
        opened document. Remove those when they are done."""
        super()._execute_handler(msg_id, handler, callback, args, kwargs)
        if msg_id != self._request_id:
            future = self._request_futures.get(msg_id)
            if future is not None:
                future.add_done_callback(lambda _, i=msg_id: self._request_futures.pop(i, None))

    def _handle_cancel_notification(self, msg_id):
        running = msg_id in self._request_futures
        command = self._commands_running.get(msg_id)
        super()._handle_cancel_notification(msg_id)
        stop = self._server.command_cancellers.get(command) if running else None
        if stop is not None:
            stop()

    def _user(self, method, params):
        handler = self.fm.features.get(method)
        if handler is not None:
            yield handler, (params,), None

    def structure_message(self, data):
        """pygls drops a request whose params do not fit the method's type without
        answering it, so the client would wait forever: answer it with an error."""
        try:
            return super().structure_message(data)
        except JsonRpcException as e:
            if not (isinstance(data, dict) and "id" in data and "method" in data):
                raise
            log.warning("malformed %s request: %s", data.get("method"), e.message)
            self._send_response(data["id"], error=T.ResponseError(
                code=e.code, message="%s: %s" % (e.message, data.get("method"))))
            return _ANSWERED


class _Answered:
    """A message already answered: handle_message ignores other JSON-RPC versions."""
    jsonrpc = "answered"


_ANSWERED = _Answered()


class MoonLensServer(LanguageServer):
    def __init__(self):
        super().__init__("moonlens", __version__, protocol_cls=MoonLensProtocol,
                         text_document_sync_kind=T.TextDocumentSyncKind.Incremental)
        self.store = DocumentStore()
        self.index = workspace.WorkspaceIndex()
        self.indexed = None                 # asyncio.Task of the first scan
        self.root = None
        self.init_options = {}
        self.client_settings = {}
        self._luarc = (None, None, {})      # path, (mtime, size), settings
        self._timers = {}                   # uri -> pending debounced diagnostics
        # Diagnostics wait for the client's settings (asked for after initialize):
        # publishing before them would show findings the settings switch off.
        self.settings_ready = False
        self._semantic = {}                 # uri -> (result id, data)
        self.idle_gc = IdleCollector()
        self.command_cancellers = {}        # command -> how to stop it ($/cancelRequest)
        self._result_ids = 0

    # -- Failures ------------------------------------------------------------------------

    def report_server_error(self, error, source):
        """Errors outside any request (e.g. a message that is not JSON): log them
        rather than pop up a message."""
        if source is FeatureRequestError or isinstance(error, JsonRpcMethodNotFound):
            log.warning("%s", error)        # the request itself was answered with it
            return
        log.error("%s: %s", getattr(source, "__name__", source), error)
        try:
            self.window_log_message(T.LogMessageParams(
                T.MessageType.Error, "moonlens: %s" % error))
        except Exception:
            log.exception("window/logMessage failed")

    def log_failure(self, what):
        log.exception("%s failed", what)
        try:
            self.window_log_message(T.LogMessageParams(
                T.MessageType.Error, "moonlens: %s failed: %s" % (what, sys.exc_info()[1])))
        except Exception:                 # the client may be gone
            log.exception("window/logMessage failed")

    # -- Settings ----------------------------------------------------------------------------

    def settings(self):
        """Defaults < client settings < .luarc.json(c) at the workspace root."""
        return config.build(*[self.client_settings.get(s, {}) for s in CONFIG_SECTIONS],
                            self.init_options, self._project_settings())

    def _project_settings(self):
        path = config.find_luarc(self.root)
        if path is None:
            return {}
        try:
            st = os.stat(path)
        except OSError:
            return {}
        stamp = (st.st_mtime_ns, st.st_size)
        if self._luarc[:2] != (path, stamp):
            self._luarc = (path, stamp, config.read_luarc(path))
        return self._luarc[2]

    # -- Documents ---------------------------------------------------------------------------

    def document(self, uri):
        doc = self.store.get(uri)
        if doc is None:
            raise NotOpen(uri)
        return doc

    def track_open(self, doc, is_open=True):
        """Tell the workspace index about an open document (its text wins over the disk)."""
        path = path_of(doc.uri)
        if path is None:
            return
        if not is_open:
            self.index.set_open(os.path.abspath(path), None)
            return
        self.index.set_open(os.path.abspath(path), functools.partial(summary_of, doc))

    def module_summary(self, name):
        """The FileSummary of the file `require(name)` loads, or None."""
        return self.index.module(name, self.settings().runtime_path)

    def exports_of(self, name):
        summary = self.module_summary(name)
        return summary.exports if summary is not None else None

    def publish(self, doc):
        if not self.settings_ready:
            return                        # pull_configuration publishes every open doc
        # The collector stays off until the message is out: the young-generation
        # pass over a new analysis's objects then runs after the publish, not in it.
        with gc_paused:
            settings = self.settings()
            path = path_of(doc.uri)
            settings.defined_globals = self.index.assigned_globals(
                os.path.abspath(path) if path else None)
            found = diagnostics.compute(doc.analysis, settings)
            found += self.jit.diagnostics(doc)      # a JIT analysis run's findings
            self.text_document_publish_diagnostics(T.PublishDiagnosticsParams(
                uri=doc.uri, version=doc.version,
                diagnostics=[self._diagnostic(doc, d) for d in found]))

    def publish_soon(self, doc):
        """Publish after a short quiet time: typing fast re-checks once, not per key.

        Requests in between still see the latest text (analysis is per version).
        """
        timer = self._timers.pop(doc.uri, None)
        if timer is not None:
            timer.cancel()
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            self.publish(doc)
            return
        self._timers[doc.uri] = loop.call_later(DEBOUNCE_SECONDS, self._publish_later, doc.uri)

    def _publish_later(self, uri):
        self._timers.pop(uri, None)
        doc = self.store.get(uri)
        if doc is not None:
            try:
                self.publish(doc)
            except Exception:
                self.log_failure("diagnostics of %s" % uri)

    def library_folders(self):
        root = self.root or os.getcwd()
        return [os.path.normpath(os.path.join(root, os.path.expanduser(p)))
                for p in self.settings().library]

    def settings_changed(self):
        """Settings may have changed: index again if the library folders did, and
        re-check every open document."""
        if self.index.set_library(self.library_folders()):
            self.reindex()
        self.publish_all()

    def reindex(self):
        """Scan the workspace again (after the first scan has been started); open
        documents are re-checked when it is done."""
        if self.indexed is not None:
            self.indexed = asyncio.ensure_future(index_workspace(self))

    def publish_all(self):
        """Re-check every open document, after the debounce: a save that also
        arrives as a watched-file change, or a burst of them, checks each once."""
        for doc in list(self.store.docs.values()):
            self.publish_soon(doc)

    def _diagnostic(self, doc, d):
        caps = _capability(self, "text_document", "publish_diagnostics")
        tags = None
        if d.tag and caps is not None and caps.tag_support is not None \
                and DIAGNOSTIC_TAGS[d.tag] in (caps.tag_support.value_set or ()):
            tags = [DIAGNOSTIC_TAGS[d.tag]]
        related = None
        if d.related and caps is not None and caps.related_information:
            related = [T.DiagnosticRelatedInformation(
                T.Location(doc.uri, to_range(doc, s, e)), msg) for s, e, msg in d.related]
        return T.Diagnostic(range=to_range(doc, d.start, d.end), message=d.message,
                            severity=T.DiagnosticSeverity(d.severity), code=d.code,
                            source=d.source, tags=tags, related_information=related)

    def next_result_id(self):
        self._result_ids += 1
        return str(self._result_ids)


def summary_of(doc):
    """The workspace summary of an open document, made once per version."""
    cached = getattr(doc, "_summary", None)
    if cached is None or cached[0] is not doc.text:   # not the analysis: see replace()
        cached = doc._summary = (doc.text, workspace.summarize(
            doc.analysis, doc.uri, path_of(doc.uri)))
    return cached[1]


def _capability(ls, *path):
    """A client capability by attribute path, or None."""
    obj = ls.client_capabilities
    for name in path:
        obj = getattr(obj, name, None)
        if obj is None:
            return None
    return obj


# -- Conversions ----------------------------------------------------------------------------

def to_offset(doc, position):
    return doc.lines.offset(position.line, position.character)


def to_position(doc, offset):
    return T.Position(*doc.lines.position(offset))


def to_range(doc, start, end):
    return T.Range(to_position(doc, start), to_position(doc, end))


def _location(doc, span):
    return T.Location(doc.uri, to_range(doc, *span))


def path_of(uri):
    if not uri:
        return None
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else None


# -- Guard ------------------------------------------------------------------------------

def guarded(default=None):
    """Log any failure of a handler and answer `default()` instead of crashing."""
    def wrap(fn):
        @functools.wraps(fn)
        def run(ls, params):
            try:
                return fn(ls, params)
            except JsonRpcException:
                raise
            except NotOpen as e:
                log.warning("%s: document not open: %s", fn.__name__, e)
                return default() if default is not None else None
            except Exception:
                ls.log_failure(fn.__name__)
                return default() if default is not None else None
        return run
    return wrap


def guarded_async(fn):
    @functools.wraps(fn)
    async def run(ls, params):
        try:
            return await fn(ls, params)
        except JsonRpcException:
            raise
        except NotOpen as e:
            log.warning("%s: document not open: %s", fn.__name__, e)
            return None
        except Exception:
            ls.log_failure(fn.__name__)
            return None
    return run


# -- The server and its features ------------------------------------------------------------

SEMANTIC_LEGEND = T.SemanticTokensLegend(token_types=list(sem.TOKEN_TYPES),
                                         token_modifiers=list(sem.TOKEN_MODIFIERS))

DIAGNOSTIC_TAGS = {diagnostics.UNNECESSARY: T.DiagnosticTag.Unnecessary,
                   diagnostics.DEPRECATED: T.DiagnosticTag.Deprecated}

COMPLETION_KINDS = {
    "variable": T.CompletionItemKind.Variable, "function": T.CompletionItemKind.Function,
    "method": T.CompletionItemKind.Method, "field": T.CompletionItemKind.Field,
    "module": T.CompletionItemKind.Module, "keyword": T.CompletionItemKind.Keyword,
    "snippet": T.CompletionItemKind.Snippet, "constant": T.CompletionItemKind.Constant,
}

SYMBOL_KINDS = {
    "function": T.SymbolKind.Function, "method": T.SymbolKind.Method,
    "variable": T.SymbolKind.Variable, "constant": T.SymbolKind.Constant,
    "field": T.SymbolKind.Field, "object": T.SymbolKind.Object,
    "module": T.SymbolKind.Module,
}

FOLD_KINDS = {"comment": T.FoldingRangeKind.Comment, "region": T.FoldingRangeKind.Region}


def create_server() -> MoonLensServer:
    ls = MoonLensServer()
    _lifecycle(ls)
    _sync(ls)
    _navigation(ls)
    _assistance(ls)
    _presentation(ls)
    from . import lsp_jit, lsp_workspace     # noqa: PLC0415 -- they build on this module
    lsp_workspace.register(ls)
    lsp_jit.register(ls)
    return ls


def _lifecycle(ls):
    @ls.feature(T.INITIALIZE)
    @guarded()
    def initialize(ls, params: T.InitializeParams):
        encoding = ls.workspace.position_encoding or "utf-16"
        ls.store.set_encoding(getattr(encoding, "value", encoding))
        folders = params.workspace_folders or []
        ls.root = (path_of(params.root_uri) or params.root_path
                   or (path_of(folders[0].uri) if folders else None))
        roots = [path_of(f.uri) for f in folders] or [ls.root]
        ls.index.set_roots([r for r in roots if r])
        if isinstance(params.initialization_options, dict):
            ls.init_options = params.initialization_options
        log.info("initialize: root %s, position encoding %s", ls.root, ls.store.encoding)

    @ls.feature(T.WORKSPACE_DID_CHANGE_WORKSPACE_FOLDERS)
    @guarded()
    def did_change_workspace_folders(ls, params: T.DidChangeWorkspaceFoldersParams):
        def paths(folders):
            return [os.path.abspath(p) for p in (path_of(f.uri) for f in folders or ()) if p]
        removed = set(paths(params.event.removed))
        roots = [r for r in ls.index.roots if r not in removed]
        ls.index.set_roots(roots + [p for p in paths(params.event.added) if p not in roots])
        ls.reindex()

    @ls.feature(T.INITIALIZED)
    @guarded_async
    async def initialized(ls, params):
        start_indexing(ls)
        await pull_configuration(ls)
        await watch_project_files(ls)

    @ls.feature(T.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    @guarded()
    def did_change_watched_files(ls, params: T.DidChangeWatchedFilesParams):
        for change in params.changes:
            path = path_of(change.uri)
            if path is not None and path.endswith(".lua"):
                ls.index.refresh(os.path.abspath(path))     # drops a deleted file
        # A .luarc.json(c) changed (settings are re-read), or a file may now assign
        # or stop assigning a global that open files use (undefined-global).
        ls.settings_changed()

    @ls.feature(T.WORKSPACE_DID_CHANGE_CONFIGURATION)
    @guarded_async
    async def did_change_configuration(ls, params: T.DidChangeConfigurationParams):
        settings = params.settings
        if isinstance(settings, dict) and any(s in settings for s in CONFIG_SECTIONS):
            ls.client_settings = {s: settings.get(s) or {} for s in CONFIG_SECTIONS}
            ls.settings_changed()
        else:
            await pull_configuration(ls)


async def pull_configuration(ls):
    """Ask the client for our sections (workspace/configuration), then re-check
    every open document. A client that does not answer in time gets defaults."""
    try:
        if _capability(ls, "workspace", "configuration"):
            items = [T.ConfigurationItem(section=s) for s in CONFIG_SECTIONS]
            values = await asyncio.wait_for(ls.workspace_configuration_async(
                T.ConfigurationParams(items=items)), CONFIG_TIMEOUT_SECONDS)
            ls.client_settings = {s: v if isinstance(v, dict) else {}
                                  for s, v in zip(CONFIG_SECTIONS, values or [])}
    finally:
        ls.settings_ready = True
        ls.settings_changed()


async def index_workspace(ls):
    """Index the workspace folders in a worker thread (the server keeps answering)."""
    try:
        started = asyncio.get_running_loop().time()
        ls.index.set_library(ls.library_folders())
        count = await asyncio.to_thread(ls.index.scan, ls.idle_gc.count)
        log.info("indexed %d Lua files in %.2f s", count,
                 asyncio.get_running_loop().time() - started)
        ls.publish_all()          # globals other files assign are known now
    except Exception:
        ls.log_failure("indexing the workspace")


def start_indexing(ls):
    if ls.indexed is None:
        ls.indexed = asyncio.ensure_future(index_workspace(ls))


async def wait_indexed(ls):
    """Let the first scan finish before answering about the whole workspace (a
    request may come before `initialized` has started it)."""
    start_indexing(ls)
    await asyncio.shield(ls.indexed)


async def watch_project_files(ls):
    """Ask the client to tell us when .luarc.json(c) changes (if it can)."""
    if not _capability(ls, "workspace", "did_change_watched_files", "dynamic_registration"):
        return
    options = T.DidChangeWatchedFilesRegistrationOptions(
        watchers=[T.FileSystemWatcher(glob_pattern=g) for g in LUARC_GLOBS + (LUA_GLOB,)])
    params = T.RegistrationParams(registrations=[T.Registration(
        id="moonlens-luarc", method=T.WORKSPACE_DID_CHANGE_WATCHED_FILES,
        register_options=options)])
    try:
        await asyncio.wait_for(ls.client_register_capability_async(params), 5)
    except Exception as e:            # optional: settings are still re-read on save
        log.warning("could not watch .luarc files: %s", e)


def _sync(ls):
    @ls.feature(T.TEXT_DOCUMENT_DID_OPEN)
    @guarded()
    def did_open(ls, params: T.DidOpenTextDocumentParams):
        item = params.text_document
        doc = ls.store.open(item.uri, item.text, item.version)
        ls.track_open(doc)
        ls.publish(doc)
        ls.idle_gc.changed()

    @ls.feature(T.TEXT_DOCUMENT_DID_CHANGE)
    @guarded()
    def did_change(ls, params: T.DidChangeTextDocumentParams):
        doc = ls.store.change(params.text_document.uri, params.content_changes,
                              params.text_document.version)
        if doc is not None:
            ls.jit.changed(doc)             # a JIT analysis of the old text is stale
            ls.publish_soon(doc)
            ls.idle_gc.changed()

    @ls.feature(T.TEXT_DOCUMENT_DID_CLOSE)
    @guarded()
    def did_close(ls, params: T.DidCloseTextDocumentParams):
        uri = params.text_document.uri
        doc = ls.store.get(uri)
        if doc is not None:
            ls.track_open(doc, False)
            ls.jit.changed(doc)     # the file may change on disk while it is closed
        ls.store.close(uri)
        ls._semantic.pop(uri, None)
        timer = ls._timers.pop(uri, None)
        if timer is not None:
            timer.cancel()
        ls.text_document_publish_diagnostics(T.PublishDiagnosticsParams(uri=uri, diagnostics=[]))

    @ls.feature(T.TEXT_DOCUMENT_DID_SAVE)
    @guarded()
    def did_save(ls, params: T.DidSaveTextDocumentParams):
        doc = ls.store.get(params.text_document.uri)
        if doc is not None:
            # .luarc.json may have changed, or the globals this file assigns
            ls.publish_all()
            ls.jit.saved(doc)    # moonlens.jit.analyzeOnSave


def _navigation(ls):
    # Definition, references and rename reach across files: server/lsp_workspace.py.
    @ls.feature(T.TEXT_DOCUMENT_DOCUMENT_HIGHLIGHT)
    @guarded(list)
    def document_highlight(ls, params: T.DocumentHighlightParams):
        doc = ls.document(params.text_document.uri)
        offset = to_offset(doc, params.position)
        found = navigation.highlights(doc.analysis, offset)
        if not found:
            hit = names.ref_at(doc.analysis, offset)
            found = [(r.start, r.end, r.write) for r in names.name_refs(doc.analysis)[
                hit[0][0]]] if hit is not None else []
        return [T.DocumentHighlight(to_range(doc, s, e), T.DocumentHighlightKind.Write
                                    if write else T.DocumentHighlightKind.Read)
                for s, e, write in found]

    @ls.feature(T.TEXT_DOCUMENT_DOCUMENT_SYMBOL)
    @guarded(list)
    def document_symbol(ls, params: T.DocumentSymbolParams):
        doc = ls.document(params.text_document.uri)
        symbols = navigation.document_symbols(doc.analysis)
        if _capability(ls, "text_document", "document_symbol",
                       "hierarchical_document_symbol_support"):
            return [_document_symbol(doc, s) for s in symbols]
        return _flat_symbols(doc, symbols, None)

    @ls.feature(T.TEXT_DOCUMENT_FOLDING_RANGE)
    @guarded(list)
    def folding_range(ls, params: T.FoldingRangeParams):
        doc = ls.document(params.text_document.uri)
        folds = navigation.folding_ranges(doc.analysis, lambda o: doc.lines.position(o)[0])
        return [T.FoldingRange(start_line=f.start_line, end_line=f.end_line,
                               kind=FOLD_KINDS.get(f.kind)) for f in folds]

    @ls.feature(T.TEXT_DOCUMENT_SELECTION_RANGE)
    @guarded(list)
    def selection_range(ls, params: T.SelectionRangeParams):
        doc = ls.document(params.text_document.uri)
        result = []
        for position in params.positions:
            chain = navigation.selection_range(doc.analysis, to_offset(doc, position))
            parent = None
            for start, end in reversed(chain):
                parent = T.SelectionRange(range=to_range(doc, start, end), parent=parent)
            result.append(parent)
        return result


def summary_location(ls, summary, start, end):
    """A Location in a workspace file, converting offsets with the file's text."""
    lines = LineIndex(summary.text, ls.store.encoding)
    return T.Location(summary.uri, T.Range(T.Position(*lines.position(start)),
                                           T.Position(*lines.position(end))))


def _document_symbol(doc, s):
    return T.DocumentSymbol(
        name=s.name or "?", kind=SYMBOL_KINDS[s.kind], range=to_range(doc, s.start, s.end),
        selection_range=to_range(doc, s.sel_start, s.sel_end), detail=s.detail,
        children=[_document_symbol(doc, c) for c in s.children])


def _flat_symbols(doc, symbols, container):
    flat = []
    for s in symbols:
        flat.append(T.SymbolInformation(name=s.name or "?", kind=SYMBOL_KINDS[s.kind],
                                        location=_location(doc, (s.start, s.end)),
                                        container_name=container))
        flat.extend(_flat_symbols(doc, s.children, s.name))
    return flat


def _assistance(ls):
    @ls.feature(T.TEXT_DOCUMENT_HOVER)
    @guarded()
    def hover_(ls, params: T.HoverParams):
        doc = ls.document(params.text_document.uri)
        offset = to_offset(doc, params.position)
        found = (_global_elsewhere_hover(ls, doc, offset) or hover.hover(doc.analysis, offset)
                 or _module_field_hover(ls, doc, offset))
        jit = ls.jit.hover(doc, offset)         # the traces of a loop header's line
        if found is None:
            return None if jit is None else T.Hover(
                contents=T.MarkupContent(T.MarkupKind.Markdown, jit))
        text = found.markdown if jit is None else found.markdown + "\n\n---\n\n" + jit
        return T.Hover(contents=T.MarkupContent(T.MarkupKind.Markdown, text),
                       range=to_range(doc, found.start, found.end))

    @ls.feature(T.TEXT_DOCUMENT_COMPLETION,
                T.CompletionOptions(trigger_characters=[".", ":", "@"]))
    @guarded(list)
    def completion_(ls, params: T.CompletionParams):
        doc = ls.document(params.text_document.uri)
        snippets = bool(_capability(ls, "text_document", "completion", "completion_item",
                                    "snippet_support"))
        items = completion.complete(doc.analysis, to_offset(doc, params.position), snippets,
                                    ls.exports_of, _elsewhere(ls, doc))
        return T.CompletionList(is_incomplete=False,
                                items=[_completion_item(i, snippets) for i in items])

    @ls.feature(T.TEXT_DOCUMENT_SIGNATURE_HELP,
                T.SignatureHelpOptions(trigger_characters=["(", ","],
                                       retrigger_characters=[","]))
    @guarded()
    def signature_help(ls, params: T.SignatureHelpParams):
        doc = ls.document(params.text_document.uri)
        sig = completion.signature_help(doc.analysis, to_offset(doc, params.position),
                                        ls.exports_of, _elsewhere(ls, doc))
        if sig is None:
            return None
        info = T.SignatureInformation(
            label=sig.label, parameters=[T.ParameterInformation(
                label=p, documentation=T.MarkupContent(T.MarkupKind.Markdown, d) if d else None)
                for p, d in zip(sig.params, sig.param_docs)],
            documentation=T.MarkupContent(T.MarkupKind.Markdown, sig.doc) if sig.doc else None)
        active = sig.active if sig.active < max(len(sig.params), 1) else None
        return T.SignatureHelp(signatures=[info], active_signature=0, active_parameter=active)


def _elsewhere(ls, doc):
    """What other workspace files define (names.Elsewhere), their analyses from
    the editor's text when open."""
    def analysis_of(summary):
        other = ls.store.get(summary.uri)
        return other.analysis if other is not None else \
            Analysis(summary.text, "@" + (summary.path or summary.uri))
    return names.Elsewhere(ls.index, path_of(doc.uri), analysis_of)


def _global_elsewhere_hover(ls, doc, offset):
    """A global this file uses and another workspace file assigns: its hover there."""
    a = doc.analysis
    occ = a.occurrence_at(offset)
    if occ is None or occ.var is not None or occ.name in a.global_defs \
            or a.is_library_global(occ.name):
        return None
    found = names.definitions(ls.index, summary_of(doc), a, offset,
                              names.Resolver(ls.index, ls.settings().runtime_path))
    if not found:
        return None
    summary, ref = found[0]
    other = _elsewhere(ls, doc).analysis_of(summary)
    where = "Defined in %s, line %d." % (os.path.basename(summary.path or summary.uri),
                                         other.line(ref.start))
    text = hover.global_definition_hover(other, occ.name,
                                         other.occurrence_at(ref.start).node, where)
    return hover.Hover(text, *a.token_span(occ.tok))


def _module_field_hover(ls, doc, offset):
    found = workspace.module_field_at(doc.analysis, offset)
    if found is None:
        return None
    target = ls.module_summary(found[0])
    export = target.exports.get(found[1]) if target is not None else None
    if export is None:
        return None
    _, _, key = navigation.field_at(doc.analysis, offset)
    start, end = doc.analysis.span(key)
    return hover.Hover(workspace.export_hover(export, found[0]), start, end)


def _completion_item(item, snippets):
    doc = T.MarkupContent(T.MarkupKind.Markdown, item.doc) if item.doc else None
    snippet = item.snippet and snippets
    return T.CompletionItem(
        label=item.label, kind=COMPLETION_KINDS.get(item.kind), detail=item.detail,
        documentation=doc, sort_text=item.sort + item.label,
        insert_text=item.insert if snippet else None,
        insert_text_format=T.InsertTextFormat.Snippet if snippet else None)


def _presentation(ls):
    @ls.feature(T.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL, SEMANTIC_LEGEND)
    @guarded(lambda: T.SemanticTokens(data=[]))
    def semantic_full(ls, params: T.SemanticTokensParams):
        doc = ls.document(params.text_document.uri)
        data = _semantic_data(ls, doc)
        result_id = ls.next_result_id()
        ls._semantic[doc.uri] = (result_id, data)
        return T.SemanticTokens(data=data, result_id=result_id)

    @ls.feature(T.TEXT_DOCUMENT_SEMANTIC_TOKENS_FULL_DELTA, SEMANTIC_LEGEND)
    @guarded(lambda: T.SemanticTokens(data=[]))
    def semantic_delta(ls, params: T.SemanticTokensDeltaParams):
        doc = ls.document(params.text_document.uri)
        data = _semantic_data(ls, doc)
        previous = ls._semantic.get(doc.uri)
        result_id = ls.next_result_id()
        ls._semantic[doc.uri] = (result_id, data)
        if previous is None or previous[0] != params.previous_result_id:
            return T.SemanticTokens(data=data, result_id=result_id)
        edit = sem.delta(previous[1], data)
        edits = [] if edit is None else [T.SemanticTokensEdit(*edit)]
        return T.SemanticTokensDelta(edits=edits, result_id=result_id)

    @ls.feature(T.TEXT_DOCUMENT_INLAY_HINT)
    @guarded(list)
    def inlay_hint(ls, params: T.InlayHintParams):
        doc = ls.document(params.text_document.uri)
        settings = ls.settings()
        if not settings.hint_enable:
            return []
        hints = inlay_hints.inlay_hints(doc.analysis, to_offset(doc, params.range.start),
                                        to_offset(doc, params.range.end),
                                        settings.hint_param_name)
        return [T.InlayHint(position=to_position(doc, h.offset), label=h.label,
                            kind=T.InlayHintKind.Parameter, padding_right=True)
                for h in hints] + ls.jit.inlay_hints(doc, params.range)


def _semantic_data(ls, doc):
    if not ls.settings().semantic_enable:
        return []
    return sem.encode(sem.semantic_tokens(doc.analysis), doc.lines)


# -- Running ---------------------------------------------------------------------------------

def _not_an_answer(record):
    """pygls logs every error a handler raises with its traceback; a RequestFailed
    is an answer for the user (a refused rename), logged once as a warning
    (report_server_error), not a failure."""
    exc = record.exc_info[1] if record.exc_info else None
    return not isinstance(exc, RequestFailed)


def serve(tcp=None) -> int:
    """Run the server on stdio, or on TCP when tcp is "HOST:PORT"."""
    logging.basicConfig(stream=sys.stderr, level=os.environ.get("MOONLENS_LOG", "WARNING"),
                        format="moonlens %(levelname)s %(name)s: %(message)s")
    logging.getLogger("pygls.protocol.json_rpc").addFilter(_not_an_answer)
    ls = create_server()
    # What is loaded by now lives as long as the process: keep it out of the
    # collector's full passes, which then only scan documents' analyses.
    gc.collect()
    gc.freeze()
    ls.idle_gc.start()
    if tcp:
        host, _, port = tcp.rpartition(":")
        ls.start_tcp(host or "127.0.0.1", int(port))
    else:
        ls.start_io()
    return 0
