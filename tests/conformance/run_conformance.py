"""Run the public Lua conformance suites on MoonLens and on the real engines, side by side.

Usage:
  python tests/conformance/run_conformance.py [--suite puc|luajit|all] [--root DIR]
         [--engines moonlens,luajit,lua5.1] [--timeout S] [--only NAME...] [--json FILE]
         [--runner-args '-ffi trace']

With the JIT on: --suite luajit --engines moonlens-jon,luajit-jon --runner-args
'-ffi trace' (or opt) runs LuaJIT's trace/ (opt/) tests that need no FFI.

The suites are never part of this repository. --root (or $MOONLENS_SUITES) names a
directory holding them as extracted from their repositories:
  <root>/tarantool/test/PUC-Rio-Lua-5.1-tests/   the Lua 5.1 tests adapted for LuaJIT
  <root>/test-cleanup/test/                      LuaJIT's own suite (runner test.lua)

PUC files run standalone, one process each, from their directory with
LUA_PATH="./?.lua;;"; a file passes when the process exits 0. LuaJIT's suite runs
through its own runner test.lua, which prints "[i/n] file --- name" per test and
"N passed, M failed"; a test fails when its number is listed as failing.
"""

import argparse
import json
import os
import pathlib
import re
import subprocess
import sys
import time

DEFAULT_ROOT = "/work/ref/suites"
PUC_DIR = ("tarantool", "test", "PUC-Rio-Lua-5.1-tests")
LJ_DIR = ("test-cleanup", "test")
PUC_SKIP = {"all.lua"}              # the driver that runs the others


def engine_command(name):
    """argv prefix running a Lua file with engine `name`. "moonlens-jon" runs MoonLens
    with the trace compiler on; "luajit-jon" and "luajit-joff" force LuaJIT's."""
    if name == "moonlens":
        return [sys.executable, "-m", "moonlens", "run"]
    if name == "moonlens-jon":
        return [sys.executable, "-m", "moonlens", "run", "-jon"]
    if name in ("luajit-joff", "luajit-jon"):
        return ["luajit", name[6:]]
    return [name]


def run(argv, cwd, timeout):
    """(status, stdout, stderr, seconds); status is the exit code or 'timeout'."""
    env = dict(os.environ, LUA_PATH="./?.lua;;")
    t0 = time.perf_counter()
    try:
        p = subprocess.run(argv, cwd=cwd, env=env, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as e:
        return "timeout", e.stdout or b"", e.stderr or b"", time.perf_counter() - t0
    return p.returncode, p.stdout, p.stderr, time.perf_counter() - t0


def first_line(data: bytes) -> str:
    """The error message of a failed run (a traceback follows it)."""
    lines = [x for x in data.decode("utf-8", "replace").splitlines() if x.strip()]
    return lines[0][:160] if lines else ""


def run_puc(root, engines, timeout, only):
    """{file: {engine: (passed, detail, seconds)}} for the PUC-Rio 5.1 files."""
    folder = root.joinpath(*PUC_DIR)
    files = sorted(p.name for p in folder.glob("*.lua") if p.name not in PUC_SKIP)
    if only:
        files = [f for f in files if f in only or f[:-4] in only]
    results = {}
    for name in files:
        row = {}
        for eng in engines:
            status, _out, err, secs = run(engine_command(eng) + [name], folder, timeout)
            detail = "timeout" if status == "timeout" else ("" if status == 0 else first_line(err))
            row[eng] = (status == 0, detail, round(secs, 2))
        results[name] = row
        print_puc_row(name, row, engines)
    return results


def print_puc_row(name, row, engines):
    cells = ["%-6s %6.1fs" % ("pass" if ok else "FAIL", secs) for ok, _d, secs in
             (row[e] for e in engines)]
    print("%-16s %s" % (name, "   ".join(cells)), flush=True)
    for eng in engines:
        ok, detail, _ = row[eng]
        if not ok:
            print("    %s: %s" % (eng, detail), flush=True)


_TEST_LINE = re.compile(r"^\[\s*(\d+)/(\d+)\] (.*)$")
_FAILING = re.compile(r"pass command line arguments: ([\d ]+)")


def parse_runner(out: bytes):
    """({number: name}, set of failing numbers, summary line) from test.lua's output."""
    names, failing, summary = {}, set(), ""
    for line in out.decode("utf-8", "replace").splitlines():
        m = _TEST_LINE.match(line)
        if m:
            names[int(m.group(1))] = m.group(3)
        elif re.match(r"^\d+ passed", line):
            summary = line
        m = _FAILING.search(line)
        if m:
            failing = {int(x) for x in m.group(1).split()}
    return names, failing, summary


def run_luajit_suite(root, engines, timeout, runner_args=()):
    """{engine: {"summary", "failing": [names], "names": [names], "status", ...}}.
    runner_args go to test.lua: tags (-ffi) and a root (trace, opt/sink, ...)."""
    folder = root.joinpath(*LJ_DIR)
    results = {}
    for eng in engines:
        status, out, err, secs = run(engine_command(eng) + ["test.lua"] + list(runner_args),
                                     folder, timeout)
        names, failing, summary = parse_runner(out)
        if not summary:
            # a catastrophic stop: the last test printed is the one that killed the run
            summary = "runner stopped (%s) after test %d: %s" % (
                status, max(names) if names else 0, first_line(err))
        results[eng] = {
            "status": status, "seconds": round(secs, 1), "summary": summary,
            "tests": len(names), "failing": sorted(names.get(n, str(n)) for n in failing),
            "names": [names[n] for n in sorted(names)],
        }
        print("%-12s %-40s %7.1fs" % (eng, summary, secs), flush=True)
    return results


def compare_luajit_suite(results):
    """Tests that lua5.1 passes and MoonLens fails: the floor of the acceptance."""
    if "moonlens" not in results or "lua5.1" not in results:
        return []
    ml, ref = results["moonlens"], results["lua5.1"]
    return sorted(set(ml["failing"]) - set(ref["failing"]))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", choices=("puc", "luajit", "all"), default="all")
    ap.add_argument("--root", default=os.environ.get("MOONLENS_SUITES", DEFAULT_ROOT))
    ap.add_argument("--engines", default="moonlens,luajit,lua5.1")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--only", nargs="*", default=[])
    ap.add_argument("--runner-args", default="",
                    help="for --suite luajit: test.lua's tags and root, e.g. '-ffi trace'")
    ap.add_argument("--json")
    args = ap.parse_args(argv)
    root = pathlib.Path(args.root)
    engines = args.engines.split(",")
    report = {}
    if args.suite in ("puc", "all"):
        print("== PUC-Rio Lua 5.1 tests (as adapted for LuaJIT): %s" % "   ".join(engines))
        report["puc"] = run_puc(root, engines, args.timeout, set(args.only))
        for eng in engines:
            n = sum(1 for row in report["puc"].values() if row[eng][0])
            print("%s: %d of %d files pass" % (eng, n, len(report["puc"])))
    if args.suite in ("luajit", "all"):
        print("== LuaJIT test suite (test.lua)")
        # plain "luajit" is compared with the interpreter: the JIT off, unless asked
        # for with luajit-jon (and moonlens-jon on our side)
        lj_engines = [e if e != "luajit" else "luajit-joff" for e in engines]
        report["luajit"] = run_luajit_suite(root, lj_engines, args.timeout,
                                            args.runner_args.split())
        for eng, r in report["luajit"].items():
            for name in r["failing"]:
                print("  %s FAIL %s" % (eng, name))
        missing = compare_luajit_suite(report["luajit"])
        if missing:
            print("passed by lua5.1, failed by MoonLens: %d" % len(missing))
    if args.json:
        pathlib.Path(args.json).write_text(json.dumps(report, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
