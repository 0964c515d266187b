#!/usr/bin/env python
"""Fuzz the front end: lex -> parse -> resolve -> compile -> listing.

    python tests/fuzz/fuzz_frontend.py --count 100000 --seed 1 --jobs 2

Inputs come in batches of BATCH; each batch is generated deterministically from
(seed, batch number), so a run does not depend on --jobs. A batch mixes:
  * gen     valid programs from the hypothesis strategy luagen.programs()
            (they must give no diagnostics and compile);
  * mut     mutations of seed programs: tests/corpus/bytecode/*.lua,
            tests/frontend/sample_program.lua, LuaJIT's own jit/*.lua when
            installed (read at run time), and the batch's generated programs;
  * rand    random bytes;
  * stress  programs at or past LuaJIT's limits.

Every input is checked against the invariants in check(). A sample is also
run through /usr/bin/luajit (one process per batch): for inputs that load,
our listing must equal `luajit -bl`'s byte for byte; for the others our first
error message must equal loadstring's.

Exit status: 0 all good, 1 invariant violations, 2 only luajit mismatches.
Failing inputs are minimised (delta debugging) and printed in the summary;
with --save DIR they are also written there.
"""

import argparse
import glob
import math
import multiprocessing
import os
import pathlib
import random
import re
import subprocess
import sys
import tempfile
import time
import traceback

ROOT = pathlib.Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from hypothesis import HealthCheck, Phase, given, seed as hseed, settings  # noqa: E402

from moonlens.vm import ast as A  # noqa: E402
from moonlens.vm.bclist import listing  # noqa: E402
from moonlens.vm.compiler import CompileError, compile_chunk  # noqa: E402
from moonlens.vm.parser import parse  # noqa: E402
from moonlens.vm.scopes import resolve  # noqa: E402
from moonlens.vm.tokens import TK_eof  # noqa: E402
from tests.fuzz import luagen  # noqa: E402

CHUNKNAME = "@fuzz.lua"
LUAJIT = "/usr/bin/luajit"
BATCH = 500
# Share of each kind in a batch (the rest is 'gen').
MIX = (("mut", 0.45), ("rand", 0.10), ("stress", 0.04))
KINDS = ("gen", "mut", "rand", "stress")
KEEP_PER_SIGNATURE = 3
SYSTEM_SEEDS = "/usr/share/luajit-2.1.0-beta3/jit/*.lua"


# -- Invariants ---------------------------------------------------------------------

class Outcome:
    """What one input did: violations (signature, detail) and our loadstring answer."""
    __slots__ = ("violations", "status", "answer")

    def __init__(self):
        self.violations = []
        self.status = None      # "diag", "proto", "limit" (CompileError)
        self.answer = None      # (b"L", listing) or (b"E", message)


def _where(exc):
    """file:function:line of the innermost frame in MoonLens code."""
    frames = traceback.extract_tb(exc.__traceback__)
    for fr in reversed(frames):
        if "/tests/" not in fr.filename:
            return "%s:%s:%d" % (os.path.basename(fr.filename), fr.name, fr.lineno)
    fr = frames[-1] if frames else None
    return "%s:%s:%d" % (os.path.basename(fr.filename), fr.name, fr.lineno) if fr else "?"


def _exc(out, stage, exc):
    out.violations.append(("exception in %s: %s at %s" % (stage, type(exc).__name__, _where(exc)),
                           "".join(traceback.format_exception(exc))[-3000:]))


def _check_diag(out, d, size, what="diagnostic"):
    msg = getattr(d, "message", None)
    if not isinstance(msg, str) or not msg:
        out.violations.append(("%s with empty message" % what, repr(d)))
    line = getattr(d, "line", None)
    if not isinstance(line, int) or line < 1:
        out.violations.append(("%s line < 1" % what, "%r line=%r" % (d, line)))
    start, end = getattr(d, "start", None), getattr(d, "end", None)
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= size):
        out.violations.append(("%s span outside the source" % what,
                               "%r start=%r end=%r size=%d" % (d, start, end, size)))


def _check_tokens(out, toks, size):
    n = len(toks.kind)
    if not n or toks.kind[-1] != TK_eof:
        out.violations.append(("token stream does not end with <eof>", "n=%d" % n))
        return
    arrays = (toks.value, toks.start, toks.end, toks.line, toks.eline)
    if any(len(a) != n for a in arrays):
        out.violations.append(("token arrays differ in length", str([len(a) for a in arrays])))
        return
    prev = 0
    for i in range(n):
        s, e = toks.start[i], toks.end[i]
        if not (prev <= s <= e <= size) or not (1 <= toks.line[i] <= toks.eline[i]):
            out.violations.append(("token out of order or outside the source",
                                   "token %d: start=%d end=%d line=%d eline=%d prev_end=%d"
                                   % (i, s, e, toks.line[i], toks.eline[i], prev)))
            return
        prev = e


def _check_tree(out, sf):
    chunk = sf.chunk
    if not isinstance(chunk, A.Chunk):
        out.violations.append(("no Chunk", repr(chunk)))
        return
    ntok = len(sf.tokens)
    size = len(sf.source)
    stack = [(chunk, None)]
    while stack:
        node, parent = stack.pop()
        name = type(node).__name__
        try:
            first, last = node.first, node.last
        except AttributeError:
            out.violations.append(("%s without first/last" % name, repr(node)[:300]))
            continue
        if not (isinstance(first, int) and isinstance(last, int)) or first > last + 1:
            out.violations.append(("%s has first > last + 1" % name,
                                   "first=%r last=%r" % (first, last)))
            continue
        if last >= first:
            if first < 0 or last >= ntok:
                out.violations.append(("%s token range outside the tokens" % name,
                                       "first=%d last=%d ntok=%d" % (first, last, ntok)))
            elif parent is not None and not (parent.first <= first and last <= parent.last):
                out.violations.append(("%s outside its parent %s" % (name, type(parent).__name__),
                                       "node %d..%d parent %d..%d"
                                       % (first, last, parent.first, parent.last)))
        try:
            sp = sf.span(node)
            if not 0 <= sp.start <= sp.end <= size:
                out.violations.append(("span of %s outside the source" % name, repr(sp)))
        except Exception as e:  # noqa: BLE001
            _exc(out, "span(%s)" % name, e)
        try:
            kids = list(node.children())
        except Exception as e:  # noqa: BLE001
            _exc(out, "children(%s)" % name, e)
            continue
        for k in kids:
            if not isinstance(k, A.Node):
                out.violations.append(("%s has a child that is not a node" % name, repr(k)[:300]))
            else:
                stack.append((k, node))


def check(src, expect_valid=False, want_answer=False):
    """Run one input through the whole front end and check the invariants."""
    out = Outcome()
    size = len(src)
    try:
        sf = parse(src, CHUNKNAME)
    except Exception as e:  # noqa: BLE001
        _exc(out, "parse", e)
        return out
    scopes = None
    try:
        scopes = resolve(sf)
    except Exception as e:  # noqa: BLE001
        _exc(out, "resolve", e)
    _check_tokens(out, sf.tokens, size)
    for d in sf.diagnostics:
        _check_diag(out, d, size)
    _check_tree(out, sf)
    if sf.diagnostics:
        out.status = "diag"
        try:
            msg = sf.error_message()
            if not isinstance(msg, str) or not msg.startswith("fuzz.lua:"):
                out.violations.append(("bad error_message()", repr(msg)))
            out.answer = (b"E", msg.encode("utf-8", "surrogateescape"))
        except Exception as e:  # noqa: BLE001
            _exc(out, "error_message", e)
        if expect_valid:
            out.violations.append(("valid program gives diagnostics",
                                   "; ".join(d.format(CHUNKNAME) for d in sf.diagnostics[:5])))
        return out
    if scopes is None:
        return out
    try:
        proto = compile_chunk(sf, scopes)
    except CompileError as e:
        out.status = "limit"
        _check_diag(out, e.diagnostic, size, "compile error")
        out.answer = (b"E", e.diagnostic.format(CHUNKNAME).encode("utf-8", "surrogateescape"))
        if expect_valid:
            out.violations.append(("valid program does not compile", str(e)))
        return out
    except Exception as e:  # noqa: BLE001
        _exc(out, "compile_chunk", e)
        return out
    out.status = "proto"
    try:
        text = listing(proto)
        if not isinstance(text, bytes) or not text.startswith(b"-- BYTECODE -- "):
            out.violations.append(("bad listing", repr(text)[:300]))
        out.answer = (b"L", text)
    except Exception as e:  # noqa: BLE001
        _exc(out, "listing", e)
    return out


# -- luajit as the reference --------------------------------------------------------

# Reads length-prefixed chunks, answers "L<listing>" or "E<message>" for each.
_DRIVER = r"""
local bc = require("jit.bc")
local inp = assert(io.open(arg[1], "rb"))
local data = inp:read("*a")
inp:close()
local out = assert(io.open(arg[2], "wb"))
local pos = 1
while pos <= #data do
  local nl = string.find(data, "\n", pos, true)
  local n = tonumber(string.sub(data, pos, nl - 1))
  local src = string.sub(data, nl + 1, nl + n)
  pos = nl + n + 1
  local f, err = loadstring(src, arg[3])
  local res
  if f then
    local buf = {}
    local sink = { write = function(self, s) buf[#buf + 1] = s end,
                   flush = function(self) end, close = function(self) end }
    local ok, e = pcall(bc.dump, f, sink, true)
    res = ok and ("L" .. table.concat(buf)) or ("X" .. tostring(e))
  else
    res = "E" .. tostring(err)
  end
  out:write(#res, "\n", res)
end
out:close()
"""


def have_luajit():
    return os.access(LUAJIT, os.X_OK)


def luajit_answers(sources, timeout=300):
    """loadstring + jit.bc.dump in one luajit process: a list of (status, payload)."""
    if not sources:
        return []
    with tempfile.TemporaryDirectory(prefix="moonlens-fuzz-") as tmp:
        driver = os.path.join(tmp, "driver.lua")
        inp = os.path.join(tmp, "in.bin")
        outp = os.path.join(tmp, "out.bin")
        with open(driver, "w") as f:
            f.write(_DRIVER)
        with open(inp, "wb") as f:
            for s in sources:
                f.write(b"%d\n" % len(s))
                f.write(s)
        proc = subprocess.run([LUAJIT, driver, inp, outp, CHUNKNAME], capture_output=True,
                              timeout=timeout)
        if proc.returncode != 0:
            raise RuntimeError("luajit driver failed: %r" % proc.stderr[-500:])
        with open(outp, "rb") as f:
            data = f.read()
    answers = []
    pos = 0
    while pos < len(data):
        nl = data.index(b"\n", pos)
        n = int(data[pos:nl])
        res = data[nl + 1:nl + 1 + n]
        pos = nl + 1 + n
        answers.append((res[:1], res[1:]))
    if len(answers) != len(sources):
        raise RuntimeError("luajit driver answered %d of %d" % (len(answers), len(sources)))
    return answers


def _after_header(src):
    if src.startswith(b"\xef\xbb\xbf"):
        src = src[3:]
    if src.startswith(b"#"):
        m = re.compile(rb"[^\r\n]*(\r\n|\n\r|\r|\n)?").match(src)
        src = src[m.end():]
    return src


def comparable(src, ours):
    """False where MoonLens answers differently on purpose or LuaJIT reads bytecode."""
    if ours is None:
        return False
    if _after_header(src)[:1] == b"\x1b":
        return False     # LuaJIT would load a bytecode dump
    if ours[0] == b"E" and b"FFI number literals are not supported" in ours[1]:
        return False
    return True


_NEAR = re.compile(rb" near '.*'$", re.S)
_NUM = re.compile(rb"\d+")


def _norm(msg):
    return _NUM.sub(b"N", _NEAR.sub(b" near '...'", msg.split(b": ", 1)[-1]))


def mismatch_signature(ours, theirs):
    """None when the answers agree; else what kind of disagreement it is."""
    if ours == theirs:
        return None
    if ours[0] == b"L" and theirs[0] == b"L":
        return ("listing differs",)
    if ours[0] == b"E" and theirs[0] == b"E":
        return ("message differs", _norm(ours[1]), _norm(theirs[1]))
    def side(a):
        return a[0] if a[0] == b"L" else a[0] + b" " + _norm(a[1][:300])
    return ("one loads, the other does not", side(ours), side(theirs))


# -- Batches ----------------------------------------------------------------------------

def load_seeds(system=True):
    """Seed programs for mutation, read at run time."""
    paths = sorted(glob.glob(str(ROOT / "tests" / "corpus" / "bytecode" / "*.lua")))
    paths.append(str(ROOT / "tests" / "frontend" / "sample_program.lua"))
    if system:
        paths += sorted(glob.glob(SYSTEM_SEEDS))
    seeds = []
    for p in paths:
        try:
            with open(p, "rb") as f:
                seeds.append(f.read())
        except OSError:
            pass
    return seeds


def generate_programs(seed, n):
    """n valid programs from the hypothesis strategy, deterministic for `seed`."""
    found = []
    if n <= 0:
        return found

    @hseed(seed)
    @settings(max_examples=n, database=None, deadline=None, phases=[Phase.generate],
              suppress_health_check=list(HealthCheck), derandomize=False)
    @given(luagen.programs())
    def collect(program):
        found.append(program)

    collect()
    return found[:n]


def make_batch(seed, index, size, file_seeds):
    """The inputs of one batch: a list of (kind, source bytes)."""
    rnd = random.Random("%d/%d" % (seed, index))
    counts = {k: int(round(size * share)) for k, share in MIX}
    counts["gen"] = max(0, size - sum(counts.values()))
    programs = generate_programs(seed * 1000003 + index, counts["gen"])
    inputs = [("gen", p) for p in programs]
    pool = programs or [b""]
    for _ in range(counts["mut"]):
        base = rnd.choice(file_seeds) if (file_seeds and rnd.random() < 0.5) else rnd.choice(pool)
        inputs.append(("mut", luagen.mutate(rnd, base)))
    inputs += [("rand", luagen.random_bytes(rnd)) for _ in range(counts["rand"])]
    inputs += [("stress", luagen.stress(rnd)) for _ in range(counts["stress"])]
    while len(inputs) < size:                 # hypothesis gave fewer programs than asked
        inputs.append(("mut", luagen.mutate(rnd, rnd.choice(pool))))
    rnd.shuffle(inputs)
    return inputs


def run_batch(spec):
    """Generate and check one batch. Returns a plain dict (picklable)."""
    seed, index, size, file_seeds, diff_every, diff_every_invalid = spec
    t0 = time.perf_counter()
    inputs = make_batch(seed, index, size, file_seeds)
    t1 = time.perf_counter()
    res = {"index": index, "n": len(inputs), "bytes": sum(len(s) for _, s in inputs),
           "kinds": {}, "status": {}, "violations": {}, "compared": 0, "mismatches": {},
           "skipped": 0, "gen_time": t1 - t0, "check_time": 0.0, "luajit_time": 0.0,
           "luajit_error": None}
    rnd = random.Random("diff/%d/%d" % (seed, index))
    to_compare = []
    for kind, src in inputs:
        res["kinds"][kind] = res["kinds"].get(kind, 0) + 1
        out = check(src, expect_valid=(kind == "gen"))
        key = "%s:%s" % (kind, out.status)
        res["status"][key] = res["status"].get(key, 0) + 1
        for sig, detail in out.violations:
            lst = res["violations"].setdefault(sig, [])
            lst.append((kind, src, detail))
            lst.sort(key=lambda v: len(v[1]))
            del lst[KEEP_PER_SIGNATURE:]
        every = diff_every if kind == "gen" else diff_every_invalid
        if every and not out.violations and rnd.randrange(every) == 0:
            if comparable(src, out.answer):
                to_compare.append((kind, src, out.answer))
            else:
                res["skipped"] += 1
    t2 = time.perf_counter()
    res["check_time"] = t2 - t1
    if to_compare:
        try:
            answers = luajit_answers([s for _, s, _ in to_compare])
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
            res["luajit_error"] = str(e)
            answers = []
        for (kind, src, ours), theirs in zip(to_compare, answers):
            res["compared"] += 1
            sig = mismatch_signature(ours, theirs)
            if sig is not None:
                lst = res["mismatches"].setdefault(sig, [])
                lst.append((kind, src, ours, theirs))
                lst.sort(key=lambda v: len(v[1]))
                del lst[KEEP_PER_SIGNATURE:]
    res["luajit_time"] = time.perf_counter() - t2
    return res


def merge(results):
    total = {"n": 0, "bytes": 0, "kinds": {}, "status": {}, "violations": {}, "compared": 0,
             "mismatches": {}, "skipped": 0, "gen_time": 0.0, "check_time": 0.0,
             "luajit_time": 0.0, "luajit_errors": []}
    for r in results:
        for k in ("n", "bytes", "compared", "skipped", "gen_time", "check_time", "luajit_time"):
            total[k] += r[k]
        for k in ("kinds", "status"):
            for key, v in r[k].items():
                total[k][key] = total[k].get(key, 0) + v
        for k in ("violations", "mismatches"):
            for sig, lst in r[k].items():
                cur = total[k].setdefault(sig, [])
                cur.extend(lst)
                cur.sort(key=lambda v: len(v[1]))
                del cur[KEEP_PER_SIGNATURE:]
        if r["luajit_error"]:
            total["luajit_errors"].append((r["index"], r["luajit_error"]))
    return total


def fuzz(count, seed, jobs=1, diff=True, system_seeds=True, diff_every=50,
         diff_every_invalid=10, progress=None):
    """Run `count` inputs; returns the merged result dict."""
    file_seeds = load_seeds(system_seeds)
    if diff and not have_luajit():
        diff = False
    nb = math.ceil(count / BATCH)
    specs = [(seed, i, min(BATCH, count - i * BATCH), file_seeds,
              diff_every if diff else 0, diff_every_invalid if diff else 0) for i in range(nb)]
    results = []
    if jobs <= 1:
        for spec in specs:
            results.append(run_batch(spec))
            if progress:
                progress(results)
    else:
        with multiprocessing.Pool(jobs) as pool:
            for r in pool.imap_unordered(run_batch, specs):
                results.append(r)
                if progress:
                    progress(results)
    return merge(results)


# -- Minimisation -------------------------------------------------------------------------

_LINES = re.compile(rb"[^\r\n]*(?:\r\n|\n\r|\r|\n)|[^\r\n]+")


def ddmin(data, test_many, budget=4000):
    """Delta debugging over lines, then crude tokens, then bytes.

    test_many(list of candidates) -> list of bools (True: still fails).
    """
    spent = 0
    for split in (lambda d: _LINES.findall(d), luagen.crude_tokens, lambda d: [bytes((b,)) for b in d]):
        units = split(data)
        if split is not luagen.crude_tokens and len(units) > 3000:
            continue
        n = 2
        while len(units) >= 2 and spent < budget:
            chunk = math.ceil(len(units) / n)
            parts = [(i, min(len(units), i + chunk)) for i in range(0, len(units), chunk)]
            subsets = [units[a:b] for a, b in parts]
            complements = [units[:a] + units[b:] for a, b in parts]
            cands = (subsets if n > 2 else []) + complements
            results = test_many([b"".join(c) for c in cands])
            spent += len(cands)
            picked = next((c for c, ok in zip(cands, results) if ok), None)
            if picked is not None:
                shrunk_to_subset = n > 2 and any(picked is s for s in subsets)
                units = picked
                n = 2 if shrunk_to_subset else max(n - 1, 2)
            elif n >= len(units):
                break
            else:
                n = min(len(units), 2 * n)
        data = b"".join(units)
        if split is luagen.crude_tokens:
            units = split(data)
            if len(units) <= 120:
                data = b"".join(_remove_ranges(units, test_many))
    return data


def _remove_ranges(units, test_many):
    """Try removing every contiguous range, longest first (after ddmin)."""
    length = len(units) - 1
    while length >= 1:
        cands = [units[:i] + units[i + length:] for i in range(len(units) - length + 1)]
        results = test_many([b"".join(c) for c in cands])
        picked = next((c for c, ok in zip(cands, results) if ok), None)
        if picked is not None:
            units = picked
            length = min(length, len(units) - 1)
        else:
            length -= 1
    return units


def minimize_violation(sig, src, expect_valid):
    def fails(cand):
        return any(s == sig for s, _ in check(cand, expect_valid=expect_valid).violations)
    return ddmin(src, lambda cands: [fails(c) for c in cands])


def minimize_mismatch(sig, src):
    def test_many(cands):
        ours = []
        for c in cands:
            out = check(c)
            ours.append(out.answer if (not out.violations and comparable(c, out.answer)) else None)
        idx = [i for i, o in enumerate(ours) if o is not None]
        theirs = luajit_answers([cands[i] for i in idx])
        ok = [False] * len(cands)
        for i, t in zip(idx, theirs):
            ok[i] = mismatch_signature(ours[i], t) == sig
        return ok
    return ddmin(src, test_many, budget=3000)


# -- Reporting ----------------------------------------------------------------------------

def _show(data, limit=1500):
    text = repr(data)
    return text if len(text) <= limit else text[:limit] + "...(%d bytes)" % len(data)


def _diff_lines(a, b, limit=12):
    al, bl = a.splitlines(), b.splitlines()
    out = []
    for i in range(max(len(al), len(bl))):
        x = al[i] if i < len(al) else b"<none>"
        y = bl[i] if i < len(bl) else b"<none>"
        if x != y:
            out.append("    line %d\n      ours:   %s\n      luajit: %s" % (i + 1, _show(x, 200),
                                                                         _show(y, 200)))
            if len(out) >= limit:
                break
    return "\n".join(out)


def report(total, elapsed, args, minimize=True):
    lines = []
    p = lines.append
    p("== MoonLens front-end fuzz: %d inputs, seed %d, %d job(s)" % (total["n"], args.seed,
                                                                     args.jobs))
    p("inputs by kind: " + ", ".join("%s %d" % (k, total["kinds"].get(k, 0)) for k in KINDS))
    p("outcomes: " + ", ".join("%s %d" % kv for kv in sorted(total["status"].items())))
    p("throughput: %.0f inputs/s, %.0f KB/s wall (%.1f s; generation %.1f s, checks %.1f s, "
      "luajit %.1f s summed over workers)"
      % (total["n"] / elapsed, total["bytes"] / 1024 / elapsed, elapsed, total["gen_time"],
         total["check_time"], total["luajit_time"]))
    if total["check_time"]:
        p("front end alone: %.0f inputs/s per core" % (total["n"] / total["check_time"]))
    p("differential vs luajit: %d compared, %d skipped (bytecode header / FFI literal), "
      "%d mismatch signature(s)" % (total["compared"], total["skipped"], len(total["mismatches"])))
    for idx, err in total["luajit_errors"]:
        p("  luajit failed on batch %d: %s" % (idx, err))
    save = getattr(args, "save", None)
    if save:
        os.makedirs(save, exist_ok=True)
    nviol = sum(1 for _ in total["violations"])
    p("invariant violations: %d signature(s)" % nviol)
    for i, (sig, lst) in enumerate(sorted(total["violations"].items())):
        kind, src, detail = lst[0]
        p("-- violation %d: %s  [%s input, %d bytes]" % (i + 1, sig, kind, len(src)))
        p("   detail: " + detail.strip().replace("\n", "\n   "))
        small = minimize_violation(sig, src, kind == "gen") if minimize else src
        p("   minimal input: " + _show(small))
        if save:
            with open(os.path.join(save, "violation-%d.lua" % (i + 1)), "wb") as f:
                f.write(small)
    for i, (sig, lst) in enumerate(sorted(total["mismatches"].items())):
        kind, src, ours, theirs = lst[0]
        p("-- luajit mismatch %d: %s  [%s input, %d bytes]"
          % (i + 1, " | ".join(s.decode("latin-1") if isinstance(s, bytes) else s for s in sig),
             kind, len(src)))
        small = minimize_mismatch(sig, src) if minimize else src
        out = check(small)
        theirs_small = luajit_answers([small])[0]
        p("   minimal input: " + _show(small))
        if out.answer and out.answer[0] == b"L" and theirs_small[0] == b"L":
            p(_diff_lines(out.answer[1], theirs_small[1]))
        else:
            p("   ours:   %s" % _show(out.answer, 400))
            p("   luajit: %s" % _show(theirs_small, 400))
        if save:
            with open(os.path.join(save, "mismatch-%d.lua" % (i + 1)), "wb") as f:
                f.write(small)
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=100000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--diff-every", type=int, default=50,
                    help="compare 1 in N generated programs with luajit (0: never)")
    ap.add_argument("--diff-every-invalid", type=int, default=10,
                    help="compare 1 in N other inputs with luajit (0: never)")
    ap.add_argument("--no-luajit", action="store_true", help="skip the differential check")
    ap.add_argument("--no-system-seeds", action="store_true",
                    help="do not mutate LuaJIT's installed jit/*.lua")
    ap.add_argument("--no-minimize", action="store_true")
    ap.add_argument("--save", metavar="DIR", help="write minimal failing inputs here")
    args = ap.parse_args(argv)

    diff = not args.no_luajit and have_luajit()
    start = time.perf_counter()
    last = [start]

    def progress(results):
        now = time.perf_counter()
        if now - last[0] >= 10 or len(results) * BATCH >= args.count:
            last[0] = now
            n = sum(r["n"] for r in results)
            nv = sum(len(r["violations"]) for r in results)
            nm = sum(len(r["mismatches"]) for r in results)
            print("  %d/%d inputs, %.0f/s, %d violation sig(s), %d mismatch sig(s)"
                  % (n, args.count, n / (now - start), nv, nm), file=sys.stderr, flush=True)

    total = fuzz(args.count, args.seed, args.jobs, diff=diff,
                 system_seeds=not args.no_system_seeds, diff_every=args.diff_every,
                 diff_every_invalid=args.diff_every_invalid, progress=progress)
    elapsed = time.perf_counter() - start
    if not diff:
        print("(no differential check: %s)" % ("disabled" if args.no_luajit else
                                              LUAJIT + " not found"))
    print(report(total, elapsed, args, minimize=not args.no_minimize))
    if total["violations"]:
        return 1
    if total["mismatches"]:
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
