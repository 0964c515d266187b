"""End to end: runtime JIT insight through a real LSP client (pytest-lsp), with the
VS Code and Neovim capability profiles. The server runs each file in a real worker
subprocess (server/jit_worker.py).

The acceptance program, tests/server/jit_insight/three_loops.lua, has three loops:
one compiles, one creates a closure per iteration, one calls string.gsub. What the
editor shows must be the verdicts real LuaJIT 2.1 printed for it with -jv
(three_loops.jv, written by tests/tools/gen_jit_insight_jv.py).
"""

import asyncio
import os
import re
import signal
import time

import pytest
from lsprotocol import types as T
from pygls.exceptions import JsonRpcRequestCancelled
from pytest_lsp import LanguageClient

from tests.server.e2e import (
    PROFILES, change, command, make_client, make_no_server_failures, open_file,
    wait_diagnostics,
)
from tests.server.test_jit_worker import PROGRAMS, expected_jv

RUN, CANCEL, SHOW = "moonlens.runJitAnalysis", "moonlens.cancelJitAnalysis", "moonlens.showTrace"
SOURCE = "moonlens-jit-run"
SETTINGS = {"diagnostics": {"disable": ["empty-block"]}, "jit": {"timeout": 20}}

pytestmark = pytest.mark.asyncio(loop_scope="module")

client = make_client(PROFILES, settings=SETTINGS, name="jitws")
no_server_failures = make_no_server_failures()


# -- Helpers -----------------------------------------------------------------------------

async def run_analysis(client, uri):
    result = await asyncio.wait_for(command(client, RUN, uri), 30)
    await wait_diagnostics(client, uri, lambda ds: any(d.source == SOURCE for d in ds)
                           or result["status"] != "ok")
    return result


async def jit_hints(client, uri):
    hints = await client.text_document_inlay_hint_async(T.InlayHintParams(
        text_document=T.TextDocumentIdentifier(uri),
        range=T.Range(T.Position(0, 0), T.Position(100, 0))))
    return [h for h in hints if h.label.startswith(("trace", "not compiled", "blacklisted"))
            or "trace exit" in h.label]


async def hover_text(client, uri, line, character=0):
    h = await client.text_document_hover_async(T.HoverParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(line, character)))
    return h.contents.value if h is not None else ""


def jit_diagnostics(client, uri):
    return [d for d in client.diagnostics.get(uri, []) if d.source == SOURCE]


# -- The acceptance case: three loops, LuaJIT's verdicts ---------------------------------------

_JV = re.compile(r"\[TRACE +(\d+|---) (?:\((\d+)/(\d+|stitch)\) )?\S+?:(\d+) (.*)\]$")


def jv_verdicts(jv):
    """-jv lines -> (root verdicts {start line: outcome}, aborts {(start, at line): reason},
    other traces [(start line, outcome)])."""
    roots, aborts, others = {}, {}, []
    for line in jv.splitlines():
        no, parent, _, start, rest = _JV.match(line).groups()
        start = int(start)
        if no == "---":
            reason, _, at = rest[3:].partition(" at ")
            aborts[(start, int(at.rpartition(":")[2]) if at else start)] = reason
        elif parent:
            others.append((start, rest))
        else:
            roots[start] = rest
    return roots, aborts, others


async def test_three_loops_verdicts_are_luajits(client: LanguageClient):
    text = (PROGRAMS / "three_loops.lua").read_text()
    uri = await open_file(client, text, "three_loops")
    result = await run_analysis(client, uri)
    assert result["status"] == "ok" and result["traces"] == 3 and result["aborts"] == 3
    roots, aborts, others = jv_verdicts(expected_jv("three_loops.lua"))

    # The compiled loop (and the stitched one) get an inlay hint at their header.
    hints = await jit_hints(client, uri)
    by_line = {h.position.line + 1: h.label for h in hints}
    for line, outcome in roots.items():
        assert re.match(r"trace \d+: %s, \d+ IR" % re.escape(outcome), by_line[line])
    assert text.splitlines()[2][:hints[0].position.character].endswith("do")

    # The closure's line: LuaJIT's abort, in plain words and LuaJIT's text, related to
    # the loop header where the trace started.
    diags = jit_diagnostics(client, uri)
    (abort,) = [d for d in diags if d.code == "jit-abort"]
    ((start, at), reason), = aborts.items()
    assert abort.range.start.line + 1 == at
    assert "NYI: bytecode FNEW" in abort.message and '"%s"' % reason in abort.message
    assert "creating a closure" in abort.message and "3 aborts" in abort.message
    assert text.splitlines()[at - 1][abort.range.start.character:].startswith("function()")
    (related,) = abort.related_information
    assert related.location.uri == uri and related.location.range.start.line + 1 == start
    assert by_line[start].startswith("not compiled: %s" % reason)

    # The stitch finding on the gsub call.
    (stitch,) = [d for d in diags if d.code == "jit-stitch"]
    gsub_line = [n for n, t in enumerate(text.splitlines(), 1) if "string.gsub(" in t][0]
    assert stitch.range.start.line + 1 == gsub_line
    assert "stitch string.gsub" in stitch.message
    assert stitch.severity == T.DiagnosticSeverity.Information

    # The run showed its progress, and the client was asked to fetch hints and lenses again.
    (progress,) = [p for t, p in client.progress_reports.items()
                   if t == "moonlens-jit-%d" % result["run"]]
    assert progress[0].title == "JIT analysis" and progress[0].cancellable
    assert progress[-1].kind == "end" and progress[-1].message.endswith("3 traces")
    assert set(client.refreshes) & {"inlayHint", "codeLens"}
    can = client.capabilities.workspace         # only the refreshes the profile supports
    assert set(client.refreshes) == {kind for kind, caps in [
        ("inlayHint", can.inlay_hint), ("codeLens", can.code_lens)]
        if caps is not None and caps.refresh_support}

    # The stitched trace that continues after the call is listed on the loop's hover.
    (stitch_start,) = [n for n, o in roots.items() if o.startswith("stitch")]
    hover = await hover_text(client, uri, stitch_start - 1)
    for line, outcome in others:
        assert re.search(r"\| stitched after \d+ \| line %d \| %s \|" % (line, outcome), hover)
    assert "(stitch string.gsub)" not in hover and "| root |" in hover


async def test_static_lint_and_runtime_findings_are_separate(client: LanguageClient):
    uri = await open_file(client, (PROGRAMS / "three_loops.lua").read_text())
    await run_analysis(client, uri)
    sources = {(d.source, d.code) for d in client.diagnostics[uri]}
    assert {("moonlens-jit", "jit-nyi"), ("moonlens-jit", "jit-stitch"),
            (SOURCE, "jit-abort"), (SOURCE, "jit-stitch")} <= sources


# -- Hovers, lenses, trace documents --------------------------------------------------------

async def test_hover_lists_traces_and_exits(client: LanguageClient):
    uri = await open_file(client, "local t = 0\nfor i = 1, 300 do\n  if i > 250 then t = t + 1"
                                  " else t = t - 1 end\nend\nprint(t)\n")
    await command(client, RUN, uri)
    hover = await hover_text(client, uri, 1)
    assert "**JIT analysis**" in hover
    rows = [r for r in hover.splitlines() if re.match(r"\| \d+ \|", r)]
    assert rows[0].startswith("| 1 | root | line 2 | loop |")
    assert any("side of 1" in r for r in rows)              # the else branch's side trace
    hints = await jit_hints(client, uri)
    assert any(h.label.endswith("trace exits") or h.label.endswith("trace exit")
               for h in hints)


async def test_code_lenses_and_trace_documents(client: LanguageClient):
    uri = await open_file(client, "local function f(n)\n  local s = 0\n  for i = 1, n do s ="
                                  " s + i end\n  return s\nend\nprint(f(500))\n")
    lenses = await client.text_document_code_lens_async(T.CodeLensParams(
        T.TextDocumentIdentifier(uri)))
    assert sorted((lens.range.start.line, lens.command.title) for lens in lenses) == [
        (0, "Run with JIT analysis"), (2, "Run with JIT analysis")]
    run = lenses[0].command
    assert run.command == RUN and list(run.arguments) == [uri]
    await command(client, RUN, uri)
    lenses = await client.text_document_code_lens_async(T.CodeLensParams(
        T.TextDocumentIdentifier(uri)))
    ir = [lens.command for lens in lenses if lens.command.title == "trace 1 IR"][0]
    shown = await command(client, ir.command, *ir.arguments)
    assert shown["uri"].startswith("moonlens-trace:") and shown["uri"].endswith(".ir")
    assert "---- TRACE 1 IR" in shown["text"] and "SLOAD" in shown["text"]
    assert client.shown_documents[-1].uri == shown["uri"]
    fetched = await client.protocol.send_request_async("moonlens/traceDocument",
                                                       {"uri": shown["uri"]})
    assert fetched.text == shown["text"]         # (unknown methods answer namedtuples)
    bc = [lens.command for lens in lenses if lens.command.title == "trace 1 bytecode"][0]
    shown = await command(client, bc.command, *bc.arguments)
    assert "FORL" in shown["text"]


async def test_unknown_traces_have_no_document(client: LanguageClient):
    uri = await open_file(client, "local s = 0\nfor i = 1, 500 do s = s + i end\n")
    await command(client, RUN, uri)
    lenses = await client.text_document_code_lens_async(T.CodeLensParams(
        T.TextDocumentIdentifier(uri)))
    (ir,) = [lens.command for lens in lenses if lens.command.title == "trace 1 IR"]
    _, run, serial, _ = ir.arguments
    shown = await command(client, ir.command, *ir.arguments)
    fetch = client.protocol.send_request_async
    assert (await fetch("moonlens/traceDocument", {"uri": shown["uri"]})).text == shown["text"]
    prefix = shown["uri"].rpartition("/run")[0]
    for missing in ("%s/run%d/%d/trace1.ir" % (prefix, run, serial + 99),
                    "%s/run%d/%d/trace1.ir" % (prefix, run + 99, serial),
                    "%s/nonsense" % prefix, uri, None):
        assert await fetch("moonlens/traceDocument", {"uri": missing}) is None
    assert await command(client, SHOW, uri, run, serial + 99, "ir") is None
    assert await command(client, SHOW, uri, run, serial, "no-such-view") is None
    assert await command(client, SHOW, uri, str(run), serial, "ir") is None


# -- Staleness, saving, budget, cancelling, crashes ----------------------------------------

async def test_results_are_dropped_when_the_text_changes(client: LanguageClient):
    text = (PROGRAMS / "three_loops.lua").read_text()
    uri = await open_file(client, text)
    await run_analysis(client, uri)
    assert await jit_hints(client, uri)
    change(client, uri, 2, "-- edited\n" + text)
    await wait_diagnostics(client, uri, lambda ds: not any(d.source == SOURCE for d in ds))
    assert await jit_hints(client, uri) == []
    assert "JIT analysis" not in await hover_text(client, uri, 3)


async def test_analyze_on_save(client: LanguageClient):
    uri = await open_file(client, (PROGRAMS / "three_loops.lua").read_text())
    client.set_configuration(dict(SETTINGS, jit={"analyzeOnSave": True, "timeout": 20}),
                             section="moonlens")
    client.workspace_did_change_configuration(T.DidChangeConfigurationParams(settings=None))
    try:
        await asyncio.sleep(0.2)
        client.text_document_did_save(T.DidSaveTextDocumentParams(
            T.TextDocumentIdentifier(uri)))
        diags = await wait_diagnostics(client, uri,
                                       lambda ds: any(d.source == SOURCE for d in ds))
        assert {d.code for d in diags if d.source == SOURCE} == {"jit-abort", "jit-stitch"}
    finally:
        client.set_configuration(SETTINGS, section="moonlens")
        client.workspace_did_change_configuration(T.DidChangeConfigurationParams(None))


LONG = "local n = 0\njit.off()\nwhile true do n = n + 1 end\n"


async def test_server_answers_while_a_worker_runs_and_cancel_kills_it(client: LanguageClient):
    uri = await open_file(client, "local count = 1\n" + LONG)
    running = asyncio.ensure_future(command(client, RUN, uri))
    await asyncio.sleep(0.5)
    assert not running.done()
    started = time.monotonic()
    hover = await hover_text(client, uri, 0, 7)
    items = await client.text_document_completion_async(T.CompletionParams(
        text_document=T.TextDocumentIdentifier(uri), position=T.Position(1, 0)))
    assert "local count" in hover and any(i.label == "count" for i in items.items)
    assert time.monotonic() - started < 2
    assert (await command(client, CANCEL)) == {"cancelled": True}
    result = await asyncio.wait_for(running, 5)
    assert result["status"] == "cancelled"
    assert not worker_pids(client.workspace)


async def test_cancelling_the_progress_kills_the_worker(client: LanguageClient):
    uri = await open_file(client, LONG)
    running = asyncio.ensure_future(command(client, RUN, uri))
    await wait_for_worker(client.workspace)
    (token,) = [t for t, reports in client.progress_reports.items()
                if reports and reports[-1].kind != "end"]
    client.window_work_done_progress_cancel(T.WorkDoneProgressCancelParams(token))
    result = await asyncio.wait_for(running, 5)
    assert result["status"] == "cancelled" and not worker_pids(client.workspace)


async def test_budget_is_reported(client: LanguageClient):
    client.set_configuration(dict(SETTINGS, jit={"timeout": 20, "maxInstructions": 20000}),
                             section="moonlens")
    client.workspace_did_change_configuration(T.DidChangeConfigurationParams(None))
    try:
        await asyncio.sleep(0.2)
        uri = await open_file(client, LONG)
        result = await asyncio.wait_for(command(client, RUN, uri), 20)
        assert (result["status"], result["message"]) == ("budget", "instructions")
        assert "used up its budget (instructions)" in client.messages[-1].message
        assert client.messages[-1].type == T.MessageType.Warning
    finally:
        client.set_configuration(SETTINGS, section="moonlens")
        client.workspace_did_change_configuration(T.DidChangeConfigurationParams(None))


async def test_crashing_worker_is_reported_not_fatal(client: LanguageClient):
    uri = await open_file(client, LONG)
    running = asyncio.ensure_future(command(client, RUN, uri))
    pids = await wait_for_worker(client.workspace)
    for pid in pids:
        os.kill(pid, signal.SIGSEGV)
    result = await asyncio.wait_for(running, 10)
    assert result["status"] == "crashed" and "-11" in result["message"]
    shown = client.messages[-1]
    assert shown.type == T.MessageType.Error and "worker crashed" in shown.message
    assert "local n" in await hover_text(client, uri, 0, 7)         # still serving


async def send_run(client, uri, msg_id):
    """Start a run as a request with a known id (to cancel it with $/cancelRequest)."""
    return asyncio.ensure_future(client.protocol.send_request_async(
        T.WORKSPACE_EXECUTE_COMMAND, T.ExecuteCommandParams(command=RUN, arguments=[uri]),
        msg_id=msg_id))


async def test_cancel_request_answers_a_running_command(client: LanguageClient):
    uri = await open_file(client, "local count = 1\n" + LONG)
    msg_id = "run-%d" % time.monotonic_ns()
    running = await send_run(client, uri, msg_id)
    try:
        await wait_for_worker(client.workspace)
        client.protocol.notify(T.CANCEL_REQUEST, T.CancelParams(id=msg_id))
        with pytest.raises(JsonRpcRequestCancelled):
            await asyncio.wait_for(running, 5)
        assert "local count" in await hover_text(client, uri, 0, 7)     # still serving
    finally:
        await command(client, CANCEL)


async def test_cancel_request_kills_the_worker_and_ends_the_progress(client: LanguageClient):
    uri = await open_file(client, LONG)
    msg_id = "run-%d" % time.monotonic_ns()
    running = await send_run(client, uri, msg_id)
    try:
        await wait_for_worker(client.workspace)
        (token,) = [t for t, reports in client.progress_reports.items()
                    if reports and reports[-1].kind != "end"]
        client.protocol.notify(T.CANCEL_REQUEST, T.CancelParams(id=msg_id))
        with pytest.raises(JsonRpcRequestCancelled):
            await asyncio.wait_for(running, 5)
        deadline = time.monotonic() + 5

        def ended():
            return client.progress_reports[token][-1].kind == "end"
        while (worker_pids(client.workspace) or not ended()) and time.monotonic() < deadline:
            await asyncio.sleep(0.05)
        assert not worker_pids(client.workspace)
        assert ended()
    finally:
        await command(client, CANCEL)


def worker_pids(workspace):
    """The JIT workers this test's server started (they run in its workspace)."""
    pids = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % entry, "rb") as f:
                cmd = f.read()
            cwd = os.readlink("/proc/%s/cwd" % entry)
        except OSError:
            continue
        if b"moonlens.server.jit_worker" in cmd and cwd == str(workspace):
            pids.append(int(entry))
    return pids


async def wait_for_worker(workspace, timeout=5):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        pids = worker_pids(workspace)
        if pids:
            await asyncio.sleep(0.3)        # let it get into the script
            return pids
        await asyncio.sleep(0.05)
    raise AssertionError("no worker started")

