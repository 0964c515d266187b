"""Protocol glue for runtime JIT insight: the run and cancel commands, code lenses,
trace documents, and the results merged into diagnostics, inlay hints and hovers
(server/jit_insight.py computes them; server/jit_run.py runs the worker).

One worker runs at a time; a new run cancels the one before. A run's results hold
for the text that ran: when a document changes they are dropped from it (stale)
until the next run.
"""

import asyncio
import functools
import logging
import os

from lsprotocol import types as T

from . import jit_insight as insight
from .jit_run import WorkerRun, make_job, target_of
from .lsp import _capability, guarded, path_of, to_offset, to_position

log = logging.getLogger("moonlens.server")

RUN, CANCEL, SHOW = insight.RUN_COMMAND, "moonlens.cancelJitAnalysis", insight.SHOW_COMMAND
TRACE_DOCUMENT = "moonlens/traceDocument"
KEEP_RUNS = 8
PROGRESS_EVERY = 0.25           # seconds between progress reports


class JitInsight:
    """The server's runs and their results."""

    def __init__(self, ls):
        self.ls = ls
        self.runs = {}              # run id -> RunResult (the last KEEP_RUNS)
        self.by_path = {}           # real path -> run id of its latest results
        self.stale = set()          # real paths whose text changed since their run
        self.current = None         # the WorkerRun running now
        self.next_id = 1

    # -- Results for a document -------------------------------------------------------

    def result_for(self, doc):
        path = real_path(doc.uri)
        if path is None or path in self.stale:
            return None
        run_id = self.by_path.get(path)
        return self.runs.get(run_id) if run_id is not None else None

    def diagnostics(self, doc):
        result = self.result_for(doc)
        if result is None:
            return []
        return insight.diagnostics(result, doc.analysis, real_path(doc.uri))

    def inlay_hints(self, doc, rng):
        """The run's hints in an LSP range, as lsprotocol types."""
        result = self.result_for(doc)
        if result is None:
            return []
        hints = insight.inlay_hints(result, doc.analysis, real_path(doc.uri),
                                    to_offset(doc, rng.start), to_offset(doc, rng.end))
        return [T.InlayHint(position=to_position(doc, h.offset), label=h.label,
                            padding_left=True,
                            tooltip=T.MarkupContent(T.MarkupKind.Markdown, h.tooltip))
                for h in hints]

    def hover(self, doc, offset):
        result = self.result_for(doc)
        if result is None:
            return None
        return insight.hover(result, doc.analysis, real_path(doc.uri), offset)

    def lenses(self, doc):
        if not self.ls.settings().jit.code_lens or path_of(doc.uri) is None:
            return []
        found = insight.run_lenses(doc.analysis, doc.uri)
        result = self.result_for(doc)
        if result is not None:
            found += insight.trace_lenses(result, doc.analysis, real_path(doc.uri), doc.uri)
        return found

    def saved(self, doc):
        """moonlens.jit.analyzeOnSave: run again, in the background, after a save."""
        if self.ls.settings().jit.analyze_on_save and path_of(doc.uri) is not None:
            asyncio.ensure_future(self._run_quietly(doc.uri))

    async def _run_quietly(self, uri):
        try:
            await self.run(uri, interactive=False)
        except Exception:
            self.ls.log_failure("JIT analysis of %s" % uri)

    def changed(self, doc):
        path = real_path(doc.uri)
        if path is not None and path in self.by_path:
            self.stale.add(path)

    # -- Running ------------------------------------------------------------------------

    async def run(self, uri, interactive=True):
        """Run the file of uri (or the configured entry script); returns a summary."""
        path = path_of(uri)
        if path is None:
            return {"status": "refused", "message": "not a file: %s" % uri}
        settings = self.ls.settings().jit
        target = target_of(os.path.abspath(path), settings.entry, self.ls.root)
        self.cancel()
        run_id, self.next_id = self.next_id, self.next_id + 1
        result = insight.RunResult(run_id, target)
        versions = self._versions()
        job = make_job(target, self._open_text(target), settings)
        progress = Progress(self.ls, run_id, os.path.basename(target))
        await progress.begin(self.cancel)
        worker = self.current = WorkerRun(job, result, self._cwd(target), progress.message)
        try:
            await worker.run()
        finally:
            if self.current is worker:
                self.current = None
            progress.end(result)
        if not self._superseded(result):
            self._store(result, versions)
            self._tell(result, interactive)
        return summary(result)

    def cancel(self):
        if self.current is not None:
            self.current.cancel()

    def _open_text(self, target):
        """The editor's text when the target is open (unsaved edits run too)."""
        for doc in self.ls.store.docs.values():
            if real_path(doc.uri) == os.path.realpath(target):
                return doc.text.decode("utf-8", "surrogateescape")
        return None

    def _cwd(self, target):
        root = self.ls.root
        return root if root and os.path.isdir(root) else os.path.dirname(target)

    def _versions(self):
        return {real_path(d.uri): d.version for d in self.ls.store.docs.values()}

    def _superseded(self, result):
        """A run cancelled because a newer one started: its partial results are dropped."""
        return result.status[0] == "cancelled" and self.next_id - 1 > result.run_id

    def _store(self, result, versions):
        self.runs[result.run_id] = result
        for old in sorted(self.runs)[:-KEEP_RUNS]:
            del self.runs[old]
        now = self._versions()
        for path in result.paths() | {os.path.realpath(result.target)}:
            if self.by_path.get(path, 0) > result.run_id:
                continue                    # a newer run already reported on it
            self.by_path[path] = result.run_id
            if path in now and now[path] != versions.get(path):
                self.stale.add(path)        # edited while the worker ran
            else:
                self.stale.discard(path)
        self._refresh()

    def _refresh(self):
        for doc in list(self.ls.store.docs.values()):
            try:
                self.ls.publish(doc)
            except Exception:
                self.ls.log_failure("diagnostics of %s" % doc.uri)
        if _capability(self.ls, "workspace", "inlay_hint", "refresh_support"):
            self.ls.workspace_inlay_hint_refresh(None)
        if _capability(self.ls, "workspace", "code_lens", "refresh_support"):
            self.ls.workspace_code_lens_refresh(None)

    def _tell(self, result, interactive):
        status, message = result.status
        if status == "ok":
            return
        text = "MoonLens JIT analysis: %s" % describe(status, message)
        kind = T.MessageType.Error if status == "crashed" else T.MessageType.Warning
        if interactive or status == "crashed":
            self.ls.window_show_message(T.ShowMessageParams(kind, text))
        else:
            self.ls.window_log_message(T.LogMessageParams(kind, text))

    # -- Trace documents -------------------------------------------------------------------

    def trace_text(self, uri):
        parsed = insight.parse_trace_uri(uri or "")
        if parsed is None:
            return None
        run_id, serial, view = parsed
        result = self.runs.get(run_id)
        return insight.trace_document(result, serial, view) if result else None

    def shutdown(self):
        self.cancel()


def real_path(uri):
    path = path_of(uri)
    return os.path.realpath(path) if path else None


def describe(status, message):
    words = {"error": "the script stopped with an error: %s",
             "budget": "the run used up its budget (%s); results so far are shown",
             "crashed": "the worker crashed (%s); results so far are shown",
             "exit": "%s", "cancelled": "cancelled%s", "refused": "%s"}
    first = (message or "").partition("\n")[0]      # not a Lua error's traceback
    return words.get(status, status + ": %s") % first


def summary(result):
    status, message = result.status
    stops = result.live_stops()
    return {"run": result.run_id, "status": status, "message": message,
            "traces": len(stops), "aborts": sum(a["count"] for a in result.aborts.values()),
            "target": result.target}


class Progress:
    """Work-done progress of a run, when the client shows it; cancelling it kills the
    worker."""

    def __init__(self, ls, run_id, name):
        self.ls = ls
        self.token = "moonlens-jit-%d" % run_id
        self.name = name
        self.on = False
        self.last = 0.0
        self.counts = {"stop": 0, "abort": 0}

    async def begin(self, cancel):
        if not _capability(self.ls, "window", "work_done_progress"):
            return
        try:
            await asyncio.wait_for(self.ls.work_done_progress.create_async(self.token), 5)
        except Exception as e:
            log.warning("no progress for the JIT analysis: %s", e)
            return
        self.on = True
        self.ls.work_done_progress.begin(self.token, T.WorkDoneProgressBegin(
            title="JIT analysis", message=self.name, cancellable=True))
        future = self.ls.work_done_progress.tokens.get(self.token)
        if future is not None:
            future.add_done_callback(lambda f: f.cancelled() and cancel())

    def message(self, msg):
        kind = msg.get("kind")
        if kind in self.counts:
            self.counts[kind] += 1
        loop = asyncio.get_running_loop()
        if self.on and loop.time() - self.last > PROGRESS_EVERY:
            self.last = loop.time()
            self.ls.work_done_progress.report(self.token, T.WorkDoneProgressReport(
                message="%s: %d traces, %d aborts" % (self.name, self.counts["stop"],
                                                      self.counts["abort"])))

    def end(self, result):
        if not self.on:
            return
        status, message = result.status
        self.ls.work_done_progress.end(self.token, T.WorkDoneProgressEnd(
            message="%s: %s" % (self.name, describe(status, message) if status != "ok"
                                else "%d traces" % len(result.live_stops()))))
        self.ls.work_done_progress.tokens.pop(self.token, None)


# -- Registration ------------------------------------------------------------------------------

def register(ls):
    ls.jit = JitInsight(ls)
    _commands(ls)
    _lenses_and_documents(ls)


def guarded_command(fn):
    """Like lsp.guarded_async, for a command: pygls passes its arguments one by one."""
    @functools.wraps(fn)
    async def run(ls, *args):
        try:
            return await fn(ls, *args)
        except Exception:
            ls.log_failure(fn.__name__)
            return None
    return run


def _commands(ls):
    ls.command_cancellers[RUN] = lambda: ls.jit.cancel()

    @ls.command(RUN)
    @guarded_command
    async def run_jit_analysis(ls, *args):
        uri = args[0] if args and isinstance(args[0], str) else None
        if uri is None:
            return {"status": "refused", "message": "usage: %s(uri)" % RUN}
        return await ls.jit.run(uri)

    @ls.command(CANCEL)
    @guarded_command
    async def cancel_jit_analysis(ls, *args):
        running = ls.jit.current is not None
        ls.jit.cancel()
        return {"cancelled": running}

    @ls.command(SHOW)
    @guarded_command
    async def show_trace(ls, *args):
        _, run_id, serial, view = (list(args) + [None] * 4)[:4]
        if not (isinstance(run_id, int) and isinstance(serial, int)):
            return None
        result = ls.jit.runs.get(run_id)
        stop = result.stop(serial) if result is not None else None
        if stop is None or view not in insight.VIEWS:
            return None
        uri = insight.trace_uri(run_id, serial, stop["trace"], view)
        text = ls.jit.trace_text(uri)
        if _capability(ls, "window", "show_document", "support"):
            ls.window_show_document(T.ShowDocumentParams(uri=uri, take_focus=True))
        return {"uri": uri, "text": text}


def _lenses_and_documents(ls):
    @ls.feature(T.TEXT_DOCUMENT_CODE_LENS, T.CodeLensOptions(resolve_provider=False))
    @guarded(list)
    def code_lens(ls, params: T.CodeLensParams):
        doc = ls.document(params.text_document.uri)
        lenses = []
        for lens in ls.jit.lenses(doc):
            start = to_position(doc, lens.offset)
            lenses.append(T.CodeLens(range=T.Range(start, start), command=T.Command(
                title=lens.title, command=lens.command, arguments=lens.arguments)))
        return lenses

    @ls.feature(TRACE_DOCUMENT)
    @guarded()
    def trace_document(ls, params):
        uri = params.get("uri") if isinstance(params, dict) else getattr(params, "uri", None)
        text = ls.jit.trace_text(uri)
        return None if text is None else {"uri": uri, "text": text, "languageId": "text"}

    @ls.feature(T.SHUTDOWN)
    def shutdown(ls, *args):
        ls.jit.shutdown()
