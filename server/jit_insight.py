"""Runtime JIT insight: what a worker run (server/jit_worker.py) found, as the
editor shows it -- inlay hints at loop headers and exit lines, diagnostics where a
trace was aborted or stitched, hovers listing a loop's traces, code lenses, and the
text of a trace's bytecode and IR documents. Plain functions of a RunResult, an
Analysis and byte offsets; server/lsp_jit.py turns them into LSP types.

Lines in worker messages are the front end's 1-based lines of the text that ran;
results are only shown while the document still has that text (see lsp_jit.py).
"""

import os

from ..vm import ast as A
from ..vm.diagnostics import INFO, WARNING
from .diagnostics import Diag
from .jit_lint import LOOP_WORDS, LOOPS, _function_keyword, builtin_called, loop_header

SOURCE = "moonlens-jit-run"
SCHEME = "moonlens-trace"
VIEWS = {"bytecode": "bytecode", "ir": "IR", "mcode": "machine code"}

# Plain words for LuaJIT's trace errors (jit/traceerr.py names); the diagnostic
# also quotes LuaJIT's own text.
PLAIN = {
    "RECERR": "an error was raised (or a hook ran) while the trace was recorded",
    "TRACEUV": "the trace was too short",
    "TRACEOV": "the trace grew too long",
    "STACKOV": "calls were nested too deeply for one trace",
    "SNAPOV": "the trace needed too many snapshots",
    "LLEAVE": "the loop ended (or a break, return or goto left it) while its trace was "
              "recorded; a loop that runs only a few times is not compiled on its own",
    "LINNER": "an inner loop ran before the trace closed this loop",
    "LUNROLL": "an inner loop would have to be unrolled too often",
    "BADTYPE": "a builtin got an argument of a type the compiler does not handle",
    "CJITOFF": "the JIT is switched off for a called function",
    "CUNROLL": "recursion would have to be unrolled too often",
    "NYIFFU": "this use of a builtin is not compiled",
    "NYIRETL": "returning to a frame below the trace's start is not compiled",
    "STORENN": "a table store with a nil or NaN key",
    "NOMM": "a metamethod is missing",
    "IDXLOOP": "an __index chain loops",
    "NYITMIX": "a table constructor mixes array and hash items in a way not compiled",
    "GFAIL": "a guard would always fail",
    "PHIOV": "the loop carries too many values from one iteration to the next",
    "TYPEINS": "a value's type keeps changing between iterations",
}
BYTECODE_PLAIN = {
    "FNEW": "creating a closure (a function expression) is not compiled",
    "UCLO": "closing upvalues here is not compiled",
    "VARG": "this use of `...` is not compiled",
    "ITERN": "this `next`-style iteration is not compiled",
    "ISNEXT": "this `pairs` loop set-up is not compiled",
    "TNEW": "this table constructor is not compiled",
    "CAT": "this concatenation is not compiled",
}


# -- Collecting the worker's messages ----------------------------------------------------

class RunResult:
    """Everything one worker run reported."""

    def __init__(self, run_id=0, target=None):
        self.run_id = run_id
        self.target = target
        self.stops = []             # stop messages in order; "serial" is the index
        self.aborts = {}            # key -> abort message with "count"
        self.exits = {}             # (trace, exitno) -> [chunk, line, count]
        self.done = None            # the "done" message, if the worker got that far
        self.ending = None          # (status, message) decided by the server

    def add(self, msg):
        kind = msg.get("kind")
        if kind == "stop":
            msg["serial"] = len(self.stops)
            self.stops.append(msg)
        elif kind == "abort":
            self._add_abort(msg)
        elif kind == "exits":
            self.exits = {(tr, ex): [chunk, line, n]
                          for tr, ex, chunk, line, n in msg.get("counts") or []}
        elif kind == "flush":
            for stop in self.stops:
                stop["flushed"] = True
        elif kind == "done":
            self.done = msg

    def _add_abort(self, msg):
        key = (msg.get("chunk"), msg.get("line"), msg.get("start_chunk"),
               msg.get("start_line"), msg.get("parent") is not None, msg.get("text"))
        old = self.aborts.get(key)
        msg["count"] = (old["count"] if old else 0) + 1
        msg["blacklisted"] = bool(msg.get("blacklisted") or (old and old["blacklisted"]))
        self.aborts[key] = msg

    # -- Reading it ------------------------------------------------------------------

    @property
    def status(self):
        if self.ending is not None:
            return self.ending
        if self.done is not None:
            return self.done.get("status"), self.done.get("message")
        return "running", None

    def live_stops(self):
        return [s for s in self.stops if not s.get("flushed")]

    def stop(self, serial):
        return self.stops[serial] if 0 <= serial < len(self.stops) else None

    def paths(self):
        found = {s.get("chunk") for s in self.stops}
        found |= {a.get("chunk") for a in self.aborts.values()}
        found |= {a.get("start_chunk") for a in self.aborts.values()}
        return {os.path.realpath(p) for p in found if p}

    def root_of(self, stop):
        """The root trace a side or stitched trace grows from (by parent links)."""
        by_no = {s["trace"]: s for s in self.live_stops()}
        seen = set()
        while stop.get("parent") and stop["parent"] in by_no and stop["trace"] not in seen:
            seen.add(stop["trace"])
            stop = by_no[stop["parent"]]
        return stop

    def exits_of(self, traceno):
        return sorted((ex, line, n) for (tr, ex), (_, line, n) in self.exits.items()
                      if tr == traceno)


def same_file(a, b):
    return bool(a and b) and os.path.realpath(a) == os.path.realpath(b)


# -- Where things go in a document -----------------------------------------------------------

class Anchors:
    """Loop and function headers of an Analysis by their first line."""

    def __init__(self, a):
        self.a = a
        self.headers = {}           # line -> (start, end, word)
        for cls in LOOPS:
            for loop in a.nodes(cls):
                self._add(*loop_header(a, loop), LOOP_WORDS[cls])
        for func in a.nodes(A.Function):
            self._add(*_function_keyword(a, func), "function")

    def _add(self, start, end, word):
        line = self.a.line(start)
        if line not in self.headers or start < self.headers[line][0]:
            self.headers[line] = (start, end, word)

    def header(self, line):
        """(start, end) of the header on a line, or the line's text."""
        found = self.headers.get(line)
        return found[:2] if found else self.line_span(line)

    def line_span(self, line):
        sf = self.a.sf
        start = sf.offset(line, 0)
        text = sf.line_text(line)
        indent = len(text) - len(text.lstrip())
        return start + indent, start + len(text.rstrip())


def functions_on(a, line):
    return [f for f in a.nodes(A.Function) if a.line(a.span(f)[0]) == line]


def calls_of(a, line, name):
    return [c for c in a.nodes(A.Call) if a.line(a.span(c)[0]) == line
            and builtin_called(a, c.func) == name]


# -- Inlay hints ----------------------------------------------------------------------

class Hint:
    __slots__ = ("offset", "label", "tooltip")

    def __init__(self, offset, label, tooltip):
        self.offset = offset
        self.label = label
        self.tooltip = tooltip

    def __repr__(self):
        return "Hint(%d %r)" % (self.offset, self.label)


def link_text(stop):
    """The outcome as -jv words it: loop, -> 2, stitch string.gsub, ..."""
    ltype, link = stop.get("linktype"), stop.get("link")
    if ltype == "interpreter":
        return "-> interpreter"
    if ltype == "stitch":
        return "stitch %s" % stop.get("stitch")
    if link in (stop.get("trace"), 0):
        return ltype
    if ltype == "root":
        return "-> %d" % link
    return "-> %d %s" % (link, ltype)


def root_starts(result, path):
    """{line: (root stops, root aborts)} of the loops and functions in `path`."""
    found = {}
    for stop in result.live_stops():
        if stop.get("parent") is None and same_file(stop.get("chunk"), path):
            found.setdefault(stop["line"], ([], []))[0].append(stop)
    for ab in result.aborts.values():
        if ab.get("parent") is None and same_file(ab.get("start_chunk"), path):
            found.setdefault(ab["start_line"], ([], []))[1].append(ab)
    return found


def children_of(result, stop):
    return [s for s in result.live_stops()
            if s is not stop and s.get("parent") and result.root_of(s) is stop]


def loop_hint_label(result, stops, aborts):
    if stops:
        stop = stops[-1]
        label = "trace %d: %s, %d IR" % (stop["trace"], link_text(stop), stop["ir"])
        more = sum(len(children_of(result, s)) for s in stops)
        return label + (", +%d side/stitched" % more if more else "")
    ab = max(aborts, key=lambda x: x["count"])
    if ab.get("blacklisted"):
        return "blacklisted after %d aborts: %s" % (ab["count"], ab["text"])
    times = " (%d aborts)" % ab["count"] if ab["count"] > 1 else ""
    return "not compiled: %s%s" % (ab["text"], times)


def inlay_hints(result, a, path, start, end):
    anchors = Anchors(a)
    hints = []
    for line, (stops, aborts) in root_starts(result, path).items():
        offset = anchors.header(line)[1]
        if start <= offset <= end:
            hints.append(Hint(offset, loop_hint_label(result, stops, aborts),
                              loop_markdown(result, stops, aborts)))
    for line, detail in exit_lines(result, path).items():
        offset = anchors.line_span(line)[1]
        if start <= offset <= end:
            total = sum(n for _, _, n in detail)
            hints.append(Hint(offset, "%d trace exit%s" % (total, "s" if total > 1 else ""),
                              "\n".join("trace %d exit #%d: %d" % d for d in detail)))
    hints.sort(key=lambda h: h.offset)
    return hints


def exit_lines(result, path):
    """{line: [(trace, exitno, count)]} of the guard exits resuming in `path`."""
    found = {}
    for (tr, ex), (chunk, line, n) in sorted(result.exits.items()):
        if same_file(chunk, path) and line:
            found.setdefault(line, []).append((tr, ex, n))
    return found


# -- Diagnostics --------------------------------------------------------------------

def abort_words(ab):
    """The abort in plain words, with LuaJIT's text."""
    name = ab.get("bytecode")
    if ab.get("error") == "NYIBC" and name:
        plain = BYTECODE_PLAIN.get(name, "bytecode %s is not compiled" % name)
        return "%s (NYI: bytecode %s; LuaJIT: \"%s\")" % (plain, name, ab["text"])
    plain = PLAIN.get(ab.get("error"))
    if plain is None:
        return "LuaJIT: \"%s\"" % ab["text"]
    return "%s (LuaJIT: \"%s\")" % (plain, ab["text"])


def abort_diagnostic(a, anchors, ab, same_doc_start):
    line = ab["line"]
    span = anchors.line_span(line)
    if ab.get("bytecode") == "FNEW":
        funcs = functions_on(a, line)
        span = _function_keyword(a, funcs[0]) if funcs else span
    what = "side trace" if ab.get("parent") is not None else "trace"
    msg = "A %s was aborted here: %s." % (what, abort_words(ab))
    if ab["count"] > 1:
        msg += " %d aborts." % ab["count"]
    if ab.get("blacklisted"):
        msg += " LuaJIT gave up: the loop is blacklisted and stays interpreted."
    related = []
    if same_doc_start:
        hs, he = anchors.header(ab["start_line"])
        related = [(hs, he, "the %s started here (line %d)" % (what, ab["start_line"]))]
    return Diag("jit-abort", msg, span[0], span[1], WARNING, related=related, source=SOURCE)


def stitch_diagnostic(a, anchors, stop):
    line = stop.get("end_line") or stop["line"]
    span = anchors.line_span(line)
    calls = calls_of(a, line, stop.get("stitch"))
    if calls:
        span = a.span(calls[0].func)
    msg = ("Trace %d ends at this call of `%s`: LuaJIT 2.1 does not compile it, so the "
           "interpreter runs it and a new trace starts after it (LuaJIT: \"stitch %s\")."
           % (stop["trace"], stop.get("stitch"), stop.get("stitch")))
    hs, he = anchors.header(stop["line"])
    related = [(hs, he, "trace %d started here (line %d)" % (stop["trace"], stop["line"]))]
    return Diag("jit-stitch", msg, span[0], span[1], INFO, related=related, source=SOURCE)


def diagnostics(result, a, path):
    anchors = Anchors(a)
    found = []
    for ab in result.aborts.values():
        if same_file(ab.get("chunk"), path) and ab.get("line"):
            found.append(abort_diagnostic(a, anchors, ab,
                                          same_file(ab.get("start_chunk"), path)))
    for stop in result.live_stops():
        if stop.get("linktype") == "stitch" and same_file(stop.get("chunk"), path):
            found.append(stitch_diagnostic(a, anchors, stop))
    found.sort(key=lambda d: (d.start, d.end))
    return found


# -- Hover -----------------------------------------------------------------------------

def hover(result, a, path, offset):
    """Markdown about the traces of the loop or function whose header line holds
    offset, or None."""
    line = a.line(offset)
    stops, aborts = root_starts(result, path).get(line, ([], []))
    if not stops and not aborts:
        return None
    return loop_markdown(result, stops, aborts)


def loop_markdown(result, stops, aborts):
    status, message = result.status
    parts = ["**JIT analysis** (run %d: %s%s)" % (result.run_id, status,
                                                   ", " + message if message else "")]
    rows = []
    for stop in stops:
        rows.append(trace_row(result, stop, "root"))
        rows.extend(trace_row(result, s, kind_of(s)) for s in children_of(result, stop))
    if rows:
        parts.append("| trace | kind | start | link | IR | snapshots | exits |\n"
                     "|---|---|---|---|---|---|---|\n" + "\n".join(rows))
    for ab in aborts:
        parts.append("Aborted %d× at line %s: %s%s" % (
            ab["count"], ab["line"], abort_words(ab),
            " — blacklisted" if ab.get("blacklisted") else ""))
    return "\n\n".join(parts)


def kind_of(stop):
    if stop.get("exitno") == -1:
        return "stitched after %d" % stop["parent"]
    return "side of %d, exit %d" % (stop["parent"], stop["exitno"])


def trace_row(result, stop, kind):
    exits = ", ".join("#%d: %d" % (ex, n) for ex, _, n in result.exits_of(stop["trace"]))
    return "| %d | %s | line %s | %s | %d | %d | %s |" % (
        stop["trace"], kind, stop["line"], link_text(stop), stop["ir"], stop["snapshots"],
        exits or "-")


# -- Code lenses ---------------------------------------------------------------------------

class Lens:
    __slots__ = ("offset", "title", "command", "arguments")

    def __init__(self, offset, title, command, arguments):
        self.offset = offset
        self.title = title
        self.command = command
        self.arguments = arguments


RUN_COMMAND = "moonlens.runJitAnalysis"
MAX_LENSED_TRACES = 4           # per root trace; the hover lists them all
SHOW_COMMAND = "moonlens.showTrace"


def run_lenses(a, uri):
    """"Run with JIT analysis" above every loop and named function."""
    lenses = []
    for cls in LOOPS:
        lenses.extend(a.span(n)[0] for n in a.nodes(cls))
    for cls in (A.LocalFunction, A.FunctionStat):
        lenses.extend(a.span(n)[0] for n in a.nodes(cls))
    return [Lens(o, "Run with JIT analysis", RUN_COMMAND, [uri]) for o in sorted(set(lenses))]


def trace_lenses(result, a, path, uri):
    """Bytecode and IR of each trace, above the loop it grows from."""
    anchors = Anchors(a)
    lenses = []
    for line, (stops, _) in sorted(root_starts(result, path).items()):
        offset = anchors.header(line)[0]
        for stop in stops:
            for s in ([stop] + children_of(result, stop))[:MAX_LENSED_TRACES]:
                for view in ("bytecode", "ir"):
                    lenses.append(Lens(offset, "trace %d %s" % (s["trace"], VIEWS[view]),
                                       SHOW_COMMAND, [uri, result.run_id, s["serial"], view]))
    return lenses


# -- Trace documents --------------------------------------------------------------------------

def trace_uri(run_id, serial, traceno, view):
    return "%s:/run%d/%d/trace%d.%s" % (SCHEME, run_id, serial, traceno, view)


def parse_trace_uri(uri):
    """(run id, serial, view) of a trace document URI, or None."""
    prefix = SCHEME + ":/run"
    if not uri.startswith(prefix):
        return None
    try:
        run, serial, name = uri[len(prefix):].split("/")
        view = name.rpartition(".")[2]
        return int(run), int(serial), view
    except ValueError:
        return None


def trace_document(result, serial, view):
    """The read-only text of a trace's bytecode, IR or machine code."""
    stop = result.stop(serial)
    if stop is None or view not in VIEWS:
        return None
    head = "-- trace %d of %s (run %d), %s\n" % (
        stop["trace"], os.path.basename(stop.get("chunk") or "?"), result.run_id, VIEWS[view])
    if view == "bytecode":
        return head + (stop.get("bytecode") or "")
    if view == "ir":
        return head + (stop.get("irtext") or "")
    return head + "-- no machine code yet: MoonLens has no machine-code backend so far.\n"
