#!/usr/bin/env python
"""Language server latency, through a real `moonlens lsp` process over stdio.

    python bench/lsp_bench.py [--lines 10000] [--files 500] [--requests 200] [--json out]

Measures:
  open      didOpen of a generated --lines program -> its publishDiagnostics (the
            first one in a fresh server, and a second file of the same size)
  edit      one-character didChange -> the new publishDiagnostics (debounce included)
  completion, hover   p50/p95/max of --requests requests at random names of that file
  index     a workspace of --files generated files: initialized -> the first
            workspace/symbol answer (which waits for the scan), and the scan alone
            in this process (WorkspaceIndex.scan)
  stages    what one analysis of the --lines file costs in this process, best of
            3: lex, parse (with lex), scopes, the whole Analysis (parse, scopes,
            comments, indexes) and diagnostics.compute with default settings, each
            with the cyclic GC paused as the server's Analysis pauses it
Programs come from bench/gen_lua.py. Timings never fail anything.
"""

import argparse
import json
import os
import pathlib
import queue
import random
import re
import subprocess
import sys
import tempfile
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.gen_lua import generate  # noqa: E402


class Client:
    """A minimal LSP client: requests with ids, notifications by method."""

    def __init__(self):
        self.proc = subprocess.Popen([sys.executable, "-m", "moonlens", "lsp"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.DEVNULL)
        self.answers = {}
        self.notes = queue.Queue()
        self.cond = threading.Condition()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            length = None
            while True:
                line = out.readline()
                if not line:
                    return
                if line.lower().startswith(b"content-length:"):
                    length = int(line.split(b":")[1])
                if line in (b"\r\n", b"\n"):
                    break
            msg = json.loads(out.read(length))
            now = time.perf_counter()
            if "method" in msg and "id" in msg:
                result = [{}, {}] if msg["method"] == "workspace/configuration" else None
                self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})
            elif "id" in msg:
                with self.cond:
                    self.answers[msg["id"]] = (now, msg)
                    self.cond.notify_all()
            else:
                self.notes.put((now, msg))

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params, timeout=300):
        """(seconds until the answer, the answer's result)."""
        self.next_id += 1
        ident = self.next_id
        start = time.perf_counter()
        self.send({"jsonrpc": "2.0", "id": ident, "method": method, "params": params})
        with self.cond:
            if not self.cond.wait_for(lambda: ident in self.answers, timeout):
                raise TimeoutError(method)
            when, msg = self.answers.pop(ident)
        return when - start, msg.get("result")

    def wait_diagnostics(self, uri, since, timeout=300):
        """Seconds from `since` to the next publishDiagnostics for uri."""
        deadline = time.time() + timeout
        while True:
            when, msg = self.notes.get(timeout=max(0.1, deadline - time.time()))
            if msg.get("method") == "textDocument/publishDiagnostics" and \
                    msg["params"]["uri"] == uri and when >= since:
                return when - since, msg["params"]["diagnostics"]

    def start(self, root=None):
        params = {"processId": os.getpid(), "capabilities": {}}
        if root:
            params["rootUri"] = pathlib.Path(root).as_uri()
        self.request("initialize", params)
        self.notify("initialized", {})

    def stop(self):
        try:
            self.request("shutdown", None, timeout=30)
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()


def percentiles(times):
    times = sorted(times)
    pick = lambda q: times[min(len(times) - 1, int(q * len(times)))]  # noqa: E731
    return {"p50_ms": round(pick(0.5) * 1000, 1), "p95_ms": round(pick(0.95) * 1000, 1),
            "max_ms": round(times[-1] * 1000, 1), "n": len(times)}


def position_of(text, offset):
    line = text.count("\n", 0, offset)
    return {"line": line, "character": offset - (text.rfind("\n", 0, offset) + 1)}


def bench_big_file(lines, requests, seed=1):
    text = generate(lines, seed).decode()
    client = Client()
    client.start()
    uri = "file:///bench/big.lua"
    sent = time.perf_counter()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "lua", "version": 1, "text": text}})
    open_s, diags = client.wait_diagnostics(uri, sent)
    result = {"lines": text.count("\n"), "open_to_diagnostics_s": round(open_s, 3),
              "diagnostics": len(diags)}
    # The first publish also pays one-time costs (cattrs builds its converters for
    # each message type on first use); a second file of the same size shows the rest.
    other = generate(lines, seed + 1).decode()
    sent = time.perf_counter()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri + ".2", "languageId": "lua", "version": 1, "text": other}})
    result["second_open_to_diagnostics_s"] = round(
        client.wait_diagnostics(uri + ".2", sent)[0], 3)
    client.notify("textDocument/didClose", {"textDocument": {"uri": uri + ".2"}})
    rnd = random.Random(seed)
    names = [m.end() for m in re.finditer(r"[A-Za-z_]\w*", text)]
    dots = [m.end() for m in re.finditer(r"\w[.:]", text)]
    doc = {"uri": uri}
    hover = [client.request("textDocument/hover", {
        "textDocument": doc, "position": position_of(text, rnd.choice(names) - 1)})[0]
        for _ in range(requests)]
    completion = [client.request("textDocument/completion", {
        "textDocument": doc, "position": position_of(text, rnd.choice(dots + names))})[0]
        for _ in range(requests)]
    result["hover"] = percentiles(hover)
    result["completion"] = percentiles(completion)
    sent = time.perf_counter()
    client.notify("textDocument/didChange", {
        "textDocument": {"uri": uri, "version": 2},
        "contentChanges": [{"range": {"start": {"line": 5, "character": 0},
                                      "end": {"line": 5, "character": 0}}, "text": " "}]})
    result["edit_to_diagnostics_s"] = round(client.wait_diagnostics(uri, sent)[0], 3)
    result["completion_after_an_edit"] = percentiles(
        edit_then_complete(client, uri, text, rnd, min(requests, 50)))
    client.stop()
    return result


def edit_then_complete(client, uri, text, rnd, count):
    """Type one character, then ask for completion there: the request pays for the
    re-analysis of the whole file (no incremental parse yet)."""
    lines = text.split("\n")
    times = []
    for version in range(3, 3 + count):
        line = rnd.randrange(len(lines))
        pos = {"line": line, "character": len(lines[line])}
        client.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version},
            "contentChanges": [{"range": {"start": pos, "end": pos}, "text": " "}]})
        lines[line] += " "
        pos = {"line": line, "character": len(lines[line])}
        times.append(client.request("textDocument/completion", {
            "textDocument": {"uri": uri}, "position": pos})[0])
    return times


def bench_workspace(files, lines_per_file=150):
    with tempfile.TemporaryDirectory() as root:
        total_lines = 0
        for i in range(files):
            folder = pathlib.Path(root, "pkg%d" % (i % 20))
            folder.mkdir(exist_ok=True)
            text = generate(lines_per_file, i + 1)
            total_lines += text.count(b"\n")
            (folder / ("mod%d.lua" % i)).write_bytes(text)
        from moonlens.server.workspace import WorkspaceIndex     # noqa: PLC0415
        start = time.perf_counter()
        count = WorkspaceIndex([root]).scan()
        scan_s = time.perf_counter() - start
        client = Client()
        start = time.perf_counter()
        client.start(root)
        symbols_s, found = client.request("workspace/symbol", {"query": "new"})
        e2e = time.perf_counter() - start
        names = bench_names(client, root)
        client.stop()
    return {"files": count, "lines": total_lines, "scan_in_process_s": round(scan_s, 2),
            "initialize_to_first_workspace_symbol_s": round(e2e, 2),
            "symbols_found": len(found or []), **names}


def bench_names(client, root, runs=20):
    """References of a library field used in every file, and rename of a field of
    a module, across the whole workspace (after the first scan)."""
    text = ('local mods = require "pkg0.mod0"\n'
            'print(mods.inventory, math.floor(1.5))\n')
    uri = pathlib.Path(root, "user.lua").as_uri()
    client.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "lua", "version": 1, "text": text}})
    doc = {"uri": uri}
    floor = position_of(text, text.index("floor") + 1)
    field = position_of(text, text.index("inventory") + 1)
    refs = [client.request("textDocument/references", {
        "textDocument": doc, "position": floor,
        "context": {"includeDeclaration": True}}) for _ in range(runs)]
    renames = [client.request("textDocument/rename", {
        "textDocument": doc, "position": field, "newName": "stock"}) for _ in range(runs)]
    edit = renames[-1][1] or {}
    return {"references_math_floor": percentiles([t for t, _ in refs]),
            "references_found": len(refs[-1][1] or []),
            "rename_module_field": percentiles([t for t, _ in renames]),
            "rename_edits": sum(len(e) for e in edit.get("changes", {}).values())}


def bench_stages(lines, seed=1, runs=3):
    """Seconds per stage of the server's analysis of one file (best of `runs`)."""
    from moonlens.server import config, diagnostics      # noqa: PLC0415
    from moonlens.server.analysis import Analysis, gc_paused    # noqa: PLC0415
    from moonlens.vm.lexer import lex                   # noqa: PLC0415
    from moonlens.vm.parser import parse                # noqa: PLC0415
    from moonlens.vm.scopes import resolve              # noqa: PLC0415
    text = generate(lines, seed)
    settings = config.build({}, {}, {}, {})
    stages = {"lex": lambda: lex(text), "parse": lambda: parse(text, "=big"),
              "scopes": lambda sf: resolve(sf), "analysis": lambda: Analysis(text, "=big"),
              "diagnostics": lambda a: diagnostics.compute(a, settings)}
    best = {}
    for _ in range(runs):
        for name, fn in stages.items():
            if name == "scopes":
                arg = (parse(text, "=big"),)
            elif name == "diagnostics":
                arg = (Analysis(text, "=big"),)
            else:
                arg = ()
            with gc_paused:             # as the server's Analysis runs them
                start = time.perf_counter()
                fn(*arg)
                took = time.perf_counter() - start
            best[name] = min(best.get(name, took), took)
    return {name + "_s": round(t, 3) for name, t in best.items()}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10000)
    parser.add_argument("--files", type=int, default=500)
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--json")
    args = parser.parse_args()
    report = {"big_file": bench_big_file(args.lines, args.requests),
              "workspace": bench_workspace(args.files),
              "stages": bench_stages(args.lines)}
    text = json.dumps(report, indent=1)
    print(text)
    if args.json:
        pathlib.Path(args.json).write_text(text + "\n")


if __name__ == "__main__":
    main()
