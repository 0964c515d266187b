#!/usr/bin/env python
"""Benchmark the MoonLens front end on a ~10,000-line Lua program.

    python bench/frontend_bench.py [FILE.lua] [--lines 10000] [--seed 1] [--runs 5] [--json OUT]

Without FILE, bench/gen_lua.py generates the program. Reports, as the median of
--runs runs: lex; lex+parse; lex+parse+scopes (what the language server does on
every edit); the whole path to bytecode (parse, scopes, compile) and the listing;
peak and retained memory (tracemalloc) of the tree and scopes; and, when
/usr/bin/luajit exists, the time of `luajit -bl` on the same file and whether
our listing is byte for byte the same as luajit's.

This is a benchmark, not a test: it prints the numbers next to the floors
(25,000 lines/s to scopes, 15,000 lines/s to bytecode, tree under 50 MB) and
exits 0 whatever they are.
"""

import argparse
import gc
import json
import os
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
for p in (str(ROOT), str(HERE)):
    if p not in sys.path:
        sys.path.insert(0, p)

import gen_lua  # noqa: E402

from moonlens.vm.bclist import listing  # noqa: E402
from moonlens.vm.compiler import compile_chunk  # noqa: E402
from moonlens.vm.lexer import lex  # noqa: E402
from moonlens.vm.parser import parse  # noqa: E402
from moonlens.vm.scopes import resolve  # noqa: E402

LUAJIT = "/usr/bin/luajit"
FLOOR_SCOPES = 25000       # lines/s, lex+parse+scopes
FLOOR_BYTECODE = 15000     # lines/s, source to bytecode
FLOOR_TREE_MB = 50         # MB, AST + scopes


def count_lines(src: bytes) -> int:
    return src.count(b"\n") + (0 if src.endswith(b"\n") or not src else 1)


def median_time(fn, args, runs):
    times = []
    result = None
    for _ in range(runs):
        gc.collect()
        t0 = time.perf_counter()
        result = fn(*args)
        times.append(time.perf_counter() - t0)
    return statistics.median(times), min(times), result


def stage_lex(src, chunkname):
    return lex(src)


def stage_parse(src, chunkname):
    return parse(src, chunkname)


def stage_scopes(src, chunkname):
    sf = parse(src, chunkname)
    return sf, resolve(sf)


def stage_bytecode(src, chunkname):
    sf = parse(src, chunkname)
    scopes = resolve(sf)
    if sf.diagnostics:
        raise SystemExit("the input has errors: %s" % sf.error_message())
    return compile_chunk(sf, scopes)


def stage_listing(src, chunkname):
    return listing(stage_bytecode(src, chunkname))


def tree_memory(src, chunkname):
    """(peak, retained) bytes allocated while building tree + scopes."""
    gc.collect()
    tracemalloc.start()
    try:
        sf = parse(src, chunkname)
        scopes = resolve(sf)
        retained, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    del sf, scopes
    return peak, retained


def luajit_listing(path, runs):
    """(median seconds, output bytes) of `luajit -bl path`, or None."""
    if not os.access(LUAJIT, os.X_OK):
        return None
    times = []
    out = None
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run([LUAJIT, "-bl", path], capture_output=True)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            return statistics.median(times), None, proc.stderr.decode("utf-8", "replace")
        out = proc.stdout
    return statistics.median(times), out, None


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("file", nargs="?", help="Lua file (default: generate one)")
    ap.add_argument("--lines", type=int, default=10000, help="size of the generated file")
    ap.add_argument("--seed", type=int, default=1, help="seed of the generated file")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", metavar="OUT", help="also write the results as JSON")
    ap.add_argument("--keep", metavar="PATH", help="write the generated file here")
    args = ap.parse_args(argv)

    tmpdir = None
    if args.file:
        path = args.file
        with open(path, "rb") as f:
            src = f.read()
        origin = path
    else:
        src = gen_lua.generate(args.lines, args.seed)
        if args.keep:
            path = args.keep
        else:
            tmpdir = tempfile.TemporaryDirectory(prefix="moonlens-bench-")
            path = os.path.join(tmpdir.name, "bench.lua")
        with open(path, "wb") as f:
            f.write(src)
        origin = "bench/gen_lua.py --lines %d --seed %d" % (args.lines, args.seed)
    chunkname = "@" + path
    lines = count_lines(src)

    print("MoonLens front-end benchmark")
    print("  input:  %s: %d lines, %d bytes" % (origin, lines, len(src)))
    print("  python: %s %s on %s; median of %d runs"
          % (platform.python_implementation(), platform.python_version(), platform.machine(),
             args.runs))
    print()

    stages = [
        ("lex", stage_lex, None),
        ("lex+parse", stage_parse, None),
        ("lex+parse+scopes", stage_scopes, FLOOR_SCOPES),
        ("to bytecode (parse+scopes+compile)", stage_bytecode, FLOOR_BYTECODE),
        ("to bytecode + -bl listing", stage_listing, None),
    ]
    results = {"input": origin, "lines": lines, "bytes": len(src), "runs": args.runs,
               "python": platform.python_version(), "stages": {}}
    print("  %-36s %9s %9s %12s  %s" % ("stage", "median", "best", "lines/s", "floor"))
    ours = None
    for name, fn, floor in stages:
        med, best, res = median_time(fn, (src, chunkname), args.runs)
        rate = lines / med
        verdict = ""
        if floor:
            verdict = "%s (%d lines/s)" % ("ok" if rate >= floor else "BELOW", floor)
        print("  %-36s %8.3fs %8.3fs %12.0f  %s" % (name, med, best, rate, verdict))
        results["stages"][name] = {"median_s": med, "best_s": best, "lines_per_s": rate,
                                   "floor_lines_per_s": floor}
        if fn is stage_listing:
            ours = res

    peak, retained = tree_memory(src, chunkname)
    mb = 1024 * 1024
    print("  %-36s %8.1f MB peak, %.1f MB retained  %s (%d MB)"
          % ("memory of AST + scopes", peak / mb, retained / mb,
             "ok" if peak < FLOOR_TREE_MB * mb else "ABOVE", FLOOR_TREE_MB))
    results["memory"] = {"peak_bytes": peak, "retained_bytes": retained,
                         "ceiling_bytes": FLOOR_TREE_MB * mb}

    ref = luajit_listing(path, args.runs)
    if ref is None:
        print("  %-36s %s" % ("luajit -bl", "(no %s)" % LUAJIT))
    else:
        med, out, err = ref
        print("  %-36s %8.3fs %9s %12.0f  (reference, process start included)"
              % ("luajit -bl", med, "", lines / med))
        if out is None:
            same = False
            print("  luajit failed: " + err.strip())
        else:
            same = out == ours
            print("  listing identical to luajit -bl:     %s" % ("yes" if same else "NO"))
            if not same:
                a, b = ours.splitlines(), out.splitlines()
                for i, (x, y) in enumerate(zip(a, b)):
                    if x != y:
                        print("    first difference, line %d:\n      ours:   %r\n      luajit: %r"
                              % (i + 1, x, y))
                        break
                else:
                    print("    lengths differ: %d vs %d lines" % (len(a), len(b)))
        results["luajit"] = {"median_s": med, "identical": same}
    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=2)
    if tmpdir is not None:
        tmpdir.cleanup()
    return 0


if __name__ == "__main__":
    sys.exit(main())
