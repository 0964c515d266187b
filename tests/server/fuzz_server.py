#!/usr/bin/env python
"""Fuzz the real language server: random and mutated Lua documents, random edits
(including positions past the end and odd Unicode), and requests at random
positions, through a `moonlens lsp` subprocess over stdio.

    python tests/server/fuzz_server.py --docs 10000 [--seed 1] [--log fuzz.log]

Counts: server crashes (the process exits), requests answered with an error,
requests never answered, and unhandled exceptions in the server's stderr
(tracebacks and "... failed" lines of the guarded handlers). Exit status 1 if
any of these is not zero.
"""

import argparse
import json
import os
import pathlib
import queue
import random
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "tests" / "corpus").rglob("*.lua"))[:60] + \
    [ROOT / "tests" / "frontend" / "sample_program.lua"]
FRAGMENTS = ("local ", "function ", "end", " = ", "(", ")", "{", "}", "[[", "]]", "--",
             "---@param x number\n", "---@diagnostic disable-next-line: unused-local\n",
             "require('m')", ".", ":", ",", "\n", "\r\n", "é", "😀", "\x00", "'", '"',
             "for i = 1, 10 do ", "while true do ", "repeat ", "until ", "goto x ",
             "::x:: ", "return ", "...", "string.gsub(s, 'a', 'b')", "function() end",
             "if x then ", "else ", "elseif ", "\t", "0x1p4", "1e309", "--[==[", "]==]")
POSITION_REQUESTS = ("textDocument/hover", "textDocument/completion",
                     "textDocument/definition", "textDocument/signatureHelp",
                     "textDocument/documentHighlight", "textDocument/prepareCallHierarchy",
                     "textDocument/references", "textDocument/prepareRename",
                     "textDocument/rename", "textDocument/declaration")
NEW_NAMES = ("renamed", "x", "end", "2bad", "print", "", "é", "a b")
DOC_REQUESTS = ("textDocument/documentSymbol", "textDocument/semanticTokens/full",
                "textDocument/foldingRange", "textDocument/documentLink",
                "textDocument/inlayHint", "textDocument/codeAction")
ANSWER_TIMEOUT = 30


class Server:
    """A `moonlens lsp` process and a thread reading its messages."""

    def __init__(self, log_path):
        self.log = open(log_path, "wb")
        self.proc = subprocess.Popen([sys.executable, "-m", "moonlens", "lsp"], cwd=ROOT,
                                     stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=self.log, env=dict(os.environ,
                                                               MOONLENS_LOG="WARNING"))
        self.answers = queue.Queue()
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
            if "method" in msg and "id" in msg:       # a request from the server
                self._answer_server(msg)
            elif "id" in msg:
                self.answers.put(msg)

    def _answer_server(self, msg):
        result = [{}, {}] if msg["method"] == "workspace/configuration" else None
        self.send({"jsonrpc": "2.0", "id": msg["id"], "result": result})

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params):
        self.next_id += 1
        self.send({"jsonrpc": "2.0", "id": self.next_id, "method": method, "params": params})
        return self.next_id

    def wait(self, ids, stats):
        """Collect the answers to ids; count errors and missing answers."""
        pending = set(ids)
        deadline = time.time() + ANSWER_TIMEOUT
        while pending and time.time() < deadline:
            try:
                msg = self.answers.get(timeout=max(0.01, deadline - time.time()))
            except queue.Empty:
                break
            pending.discard(msg.get("id"))
            if "error" in msg and msg["error"].get("code") != -32803:   # RequestFailed
                stats["error answers"] += 1
                stats.setdefault("examples", []).append(msg["error"].get("message"))
        stats["unanswered"] += len(pending)

    def stop(self):
        try:
            self.wait([self.request("shutdown", None)], {"error answers": 0, "unanswered": 0})
            self.notify("exit", None)
            self.proc.wait(timeout=10)
        except Exception:
            self.proc.kill()
            self.proc.wait()
        self.log.close()


# -- Documents and edits ------------------------------------------------------------------

def seed_texts():
    texts = []
    for path in SEEDS:
        try:
            texts.append(path.read_text(encoding="utf-8", errors="replace"))
        except OSError:
            pass
    return texts or ["local x = 1\nprint(x)\n"]


def random_document(rnd, texts):
    """A slice of a real Lua file, mutated; or a string of random fragments."""
    if rnd.random() < 0.2:
        return "".join(rnd.choice(FRAGMENTS) for _ in range(rnd.randint(0, 80)))
    lines = rnd.choice(texts).splitlines(keepends=True)
    start = rnd.randrange(len(lines)) if lines else 0
    text = "".join(lines[start:start + rnd.randint(1, 80)])
    for _ in range(rnd.randint(0, 6)):
        text = mutate(rnd, text)
    return text


def mutate(rnd, text):
    i = rnd.randint(0, len(text))
    j = min(len(text), i + rnd.randint(0, 12))
    choice = rnd.random()
    if choice < 0.4:
        return text[:i] + rnd.choice(FRAGMENTS) + text[i:]
    if choice < 0.7:
        return text[:i] + text[j:]
    return text[:i] + text[j:] + text[i:j]                 # move a piece to the end


def random_position(rnd, text):
    lines = text.split("\n")
    line = rnd.randint(0, len(lines) + (1 if rnd.random() < 0.1 else 0))
    width = len(lines[line]) if line < len(lines) else 0
    return {"line": line, "character": rnd.randint(0, width + (3 if rnd.random() < 0.1 else 0))}


def random_change(rnd, text):
    if rnd.random() < 0.05:
        return {"text": random_document(rnd, [text or "x"])}
    a, b = random_position(rnd, text), random_position(rnd, text)
    if (b["line"], b["character"]) < (a["line"], a["character"]) and rnd.random() < 0.9:
        a, b = b, a
    new = "".join(rnd.choice(FRAGMENTS) for _ in range(rnd.randint(0, 3)))
    return {"range": {"start": a, "end": b}, "text": new}


def approximate(text, change):
    """The text after a change, roughly (positions for later requests only)."""
    if "range" not in change:
        return change["text"]
    return text + change["text"]


# -- The run ---------------------------------------------------------------------------

def fuzz_one(server, rnd, texts, n, stats, edits):
    uri = "file:///fuzz/doc%d.lua" % n
    text = random_document(rnd, texts)
    server.notify("textDocument/didOpen", {"textDocument": {
        "uri": uri, "languageId": "lua", "version": 1, "text": text}})
    ids = []
    for version in range(2, 2 + rnd.randint(0, edits)):
        change = random_change(rnd, text)
        server.notify("textDocument/didChange", {
            "textDocument": {"uri": uri, "version": version}, "contentChanges": [change]})
        text = approximate(text, change)
        ids.append(request_at_random(server, rnd, uri, text))
    ids += [request_at_random(server, rnd, uri, text) for _ in range(3)]
    server.wait(ids, stats)
    server.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    stats["documents"] += 1


def request_at_random(server, rnd, uri, text):
    doc = {"uri": uri}
    if rnd.random() < 0.6:
        method = rnd.choice(POSITION_REQUESTS)
        params = {"textDocument": doc, "position": random_position(rnd, text)}
        if method == "textDocument/references":
            params["context"] = {"includeDeclaration": True}
        elif method == "textDocument/rename":
            params["newName"] = rnd.choice(NEW_NAMES)
        return server.request(method, params)
    method = rnd.choice(DOC_REQUESTS)
    params = {"textDocument": doc}
    rng = {"start": random_position(rnd, text), "end": random_position(rnd, text)}
    if method == "textDocument/inlayHint":
        params["range"] = rng
    elif method == "textDocument/codeAction":
        params["range"] = rng
        params["context"] = {"diagnostics": [{"range": rng, "message": "m", "source": "moonlens",
                                              "code": rnd.choice(("undefined-global",
                                                                  "unused-local", "x"))}]}
    return server.request(method, params)


def exceptions_in(log_path):
    text = pathlib.Path(log_path).read_text(errors="replace")
    return sum(1 for line in text.splitlines()
               if line.startswith("Traceback") or (" ERROR " in line and "failed" in line))


def run(docs=200, seed=1, edits=6, log_path="fuzz_server.log", progress=False):
    rnd = random.Random(seed)
    texts = seed_texts()
    stats = {"documents": 0, "crashes": 0, "error answers": 0, "unanswered": 0}
    server = Server(log_path)
    started = time.time()
    server.wait([server.request("initialize", {"processId": None, "rootUri": None,
                                               "capabilities": {}})], stats)
    server.notify("initialized", {})
    for n in range(docs):
        if server.proc.poll() is not None:
            stats["crashes"] += 1
            server = Server(log_path + ".%d" % stats["crashes"])
            server.wait([server.request("initialize", {"processId": None, "capabilities": {}})],
                        stats)
            server.notify("initialized", {})
        fuzz_one(server, rnd, texts, n, stats, edits)
        if n in (min(100, docs - 1), docs - 1):
            stats.setdefault("server RSS MB (doc 100, last)", []).append(rss_mb(server.proc.pid))
        if progress and n % 500 == 0:
            print("%d documents, %.0f s" % (n, time.time() - started), file=sys.stderr)
    server.stop()
    stats["exceptions in log"] = exceptions_in(log_path)
    stats["seconds"] = round(time.time() - started, 1)
    stats["examples"] = stats.get("examples", [])[:5]
    return stats


def rss_mb(pid):
    """Resident memory of a process (Linux), or None."""
    try:
        with open("/proc/%d/status" % pid) as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except OSError:
        pass
    return None


def failed(stats):
    return bool(stats["crashes"] or stats["error answers"] or stats["unanswered"]
                or stats["exceptions in log"])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=200)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--edits", type=int, default=6)
    parser.add_argument("--log", default="fuzz_server.log")
    args = parser.parse_args()
    stats = run(args.docs, args.seed, args.edits, args.log, progress=True)
    print(json.dumps(stats, indent=1))
    return 1 if failed(stats) else 0


if __name__ == "__main__":
    sys.exit(main())
