#!/usr/bin/env python
"""Trace compile time of MoonLens's JIT: how long recording and optimising a trace takes.

    python bench/jit_compile_bench.py [--max-ins 100] [--timeout 20] [--json OUT] [FILE.lua ...]

Runs every tests/jit/jv_corpus/*.lua (from its folder, no arguments) and every
bench/programs/*.lua (at its --quick size) as `moonlens run -jon`, each in its
own worker process, and measures every trace that completes.

The recorder works one bytecode at a time: the interpreter calls Jit.ins for
each instruction while a trace records, and the call that ends recording also
optimises (FOLD/CSE run as instructions are emitted; opt_dce, opt_loop,
opt_sink at the end) and "assembles" the trace (exec.freeze). jit/ has no
timing hook, so the worker wraps Jit.ins from here (jit/ is not changed) and
sums the time spent inside it from a trace's `start` event to its `stop`
event: CPU time of the thread (time.thread_time, so other processes on a
shared machine do not inflate it), and wall-clock time on one row. Aborted traces are counted but not timed. The worker imports all of
moonlens.jit first, so the first trace is not charged for lazy imports. Interpreting between the
recorded instructions is not included.

Reports the median (and quartiles, 90th percentile) of that time for traces
under --max-ins IR instructions (instructions after BASE, as -jdump numbers
them; constants not counted), per source and overall, and the same for the
larger traces. Worker failures and timeouts are listed; their completed
traces still count.
"""

import argparse
import json
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
CORPUS = ROOT / "tests" / "jit" / "jv_corpus"
PROGRAMS = HERE / "programs"


# -- The worker: one program, in-process ------------------------------------------------

class TraceTimer:
    """Wraps Jit.ins; writes one JSON line per completed trace to `out`."""

    def __init__(self, out):
        self.out = out
        self.acc = 0.0          # CPU seconds inside Jit.ins since the current trace started
        self.wall = 0.0         # the same in wall-clock seconds
        self.calls = 0          # Jit.ins calls since then (about the bytecodes recorded)
        self.depth = 0
        self.pending = []       # events sent during the current Jit.ins call
        self.attached = set()
        self.aborts = 0

    def install(self, jit_class):
        original = jit_class.ins
        timer = self

        def ins(jit, *args, **kwargs):
            timer.attach(jit)
            timer.depth += 1
            t0, w0 = time.thread_time(), time.perf_counter()
            try:
                return original(jit, *args, **kwargs)
            finally:
                timer.depth -= 1
                if timer.depth == 0:
                    timer.account(jit, time.thread_time() - t0, time.perf_counter() - w0)

        jit_class.ins = ins

    def attach(self, jit):
        if id(jit) not in self.attached:
            self.attached.add(id(jit))
            jit.events.attach(self.pending.append)

    def account(self, jit, seconds, wall):
        self.acc += seconds
        self.wall += wall
        self.calls += 1
        for ev in self.pending:
            if ev.kind == "start":
                self.acc, self.wall, self.calls = seconds, wall, 1
            elif ev.kind == "stop":
                self.write(jit, ev)
            elif ev.kind in ("abort", "flush"):
                self.aborts += ev.kind == "abort"
                self.reset()
        self.pending.clear()

    def reset(self):
        self.acc, self.wall, self.calls = 0.0, 0.0, 0

    def write(self, jit, ev):
        from moonlens.jit.ir import REF_FIRST
        T = jit.traces.get(ev.traceno)
        nins = T.nins - REF_FIRST if T is not None else -1
        row = {"trace": ev.traceno, "side": bool(T and T.parent), "nins": nins,
               "seconds": self.acc, "wall": self.wall, "calls": self.calls}
        self.out.write(json.dumps(row) + "\n")
        self.out.flush()
        self.reset()


def import_jit():
    """Import every module of moonlens.jit now: the JIT imports some on first use,
    which would be charged to the first trace."""
    import importlib
    import pkgutil

    import moonlens.jit
    for info in pkgutil.iter_modules(moonlens.jit.__path__):
        importlib.import_module("moonlens.jit." + info.name)


def worker(out_path, script, args):
    from moonlens import cli
    from moonlens.jit import trace
    import_jit()
    with open(out_path, "w") as out:
        timer = TraceTimer(out)
        timer.install(trace.Jit)
        status = cli.main(["run", "-jon", script] + args)
        out.write(json.dumps({"aborts": timer.aborts, "status": status}) + "\n")
    return 0


# -- The driver ---------------------------------------------------------------------------

def programs(files):
    """(source, path, args) of every program to run."""
    if files:
        return [("given", pathlib.Path(f).resolve(), []) for f in files]
    sys.path.insert(0, str(HERE))
    from run_bench import SIZES
    out = [("jv_corpus", p, []) for p in sorted(CORPUS.glob("*.lua"))]
    out += [("bench", PROGRAMS / (name + ".lua"), [str(sizes[1])])
            for name, sizes in SIZES.items()]
    return out


def run_program(path, args, timeout):
    """Run one worker; returns (trace rows, summary or None, problem or None)."""
    with tempfile.TemporaryDirectory(prefix="moonlens-jitbench-") as tmp:
        out = os.path.join(tmp, "traces.jsonl")
        cmd = [sys.executable, str(pathlib.Path(__file__).resolve()), "--worker", out,
               path.name] + args
        problem = None
        try:
            done = subprocess.run(cmd, cwd=path.parent, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                  timeout=timeout, check=False)
            if done.returncode:
                problem = "worker exit %d: %s" % (done.returncode, last_line(done.stderr))
        except subprocess.TimeoutExpired:
            problem = "timeout after %gs" % timeout
        rows = read_rows(out)
    tail = rows.pop() if rows and "status" in rows[-1] else None
    return rows, tail, problem


def last_line(data):
    lines = data.decode("utf-8", "replace").strip().splitlines()
    return lines[-1] if lines else ""


def read_rows(path):
    if not os.path.exists(path):
        return []
    with open(path) as f:
        return [json.loads(line) for line in f if line.strip()]


def stats(seconds):
    """Median, quartiles and 90th percentile in microseconds."""
    if not seconds:
        return None
    us = sorted(s * 1e6 for s in seconds)
    q = statistics.quantiles(us, n=20, method="inclusive") if len(us) > 1 else [us[0]] * 19
    return {"count": len(us), "median_us": statistics.median(us), "p25_us": q[4],
            "p75_us": q[14], "p90_us": q[17]}


def fmt_stats(label, st):
    if st is None:
        return "%-28s %6d" % (label, 0)
    return "%-28s %6d %10.0f %10.0f %10.0f %10.0f" % (
        label, st["count"], st["median_us"], st["p25_us"], st["p75_us"], st["p90_us"])


def report(traces, max_ins):
    """{row label: stats} of CPU seconds (rows marked wall: wall-clock seconds)."""
    small = [t for t in traces if 0 <= t["nins"] < max_ins]
    under = "< %d IR" % max_ins
    table = {}
    for source in sorted({t["source"] for t in traces}):
        table["%s, %s" % (source, under)] = stats(
            [t["seconds"] for t in small if t["source"] == source])
    table["ALL, %s" % under] = stats([t["seconds"] for t in small])
    table["  first trace of a program"] = stats([t["seconds"] for t in small if t["first"]])
    table["  later traces"] = stats([t["seconds"] for t in small if not t["first"]])
    table["  wall clock"] = stats([t["wall"] for t in small])
    table["  per IR instruction"] = stats([t["seconds"] / max(t["nins"], 1) for t in small])
    table["all, >= %d IR" % max_ins] = stats(
        [t["seconds"] for t in traces if t["nins"] >= max_ins])
    return table


def print_report(table, totals, problems):
    print("%-28s %6s %10s %10s %10s %10s" % ("record+optimise, CPU us", "traces", "median",
                                             "p25", "p75", "p90"))
    for label, st in table.items():
        print(fmt_stats(label, st))
    print()
    print("programs %(programs)d, completed traces %(traces)d, aborted traces %(aborts)d"
          % totals)
    if problems:
        print("\nworker problems (completed traces still counted):")
        for name, problem in problems:
            print("  %-36s %s" % (name, problem))


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("files", nargs="*", help="programs to run instead of the default set")
    ap.add_argument("--max-ins", type=int, default=100,
                    help="size limit of the headline traces (default 100 IR instructions)")
    ap.add_argument("--timeout", type=float, default=20.0,
                    help="seconds before a worker is killed (default 20)")
    ap.add_argument("--json", metavar="OUT", help="also write every trace as JSON")
    return ap.parse_args(argv)


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--worker"]:
        return worker(argv[1], argv[2], argv[3:])
    args = parse_args(argv)
    traces, problems = [], []
    totals = {"programs": 0, "traces": 0, "aborts": 0}
    for source, path, prog_args in programs(args.files):
        rows, tail, problem = run_program(path, prog_args, args.timeout)
        for i, row in enumerate(rows):
            row.update(source=source, program=path.name, first=i == 0)
        traces += rows
        totals["programs"] += 1
        totals["traces"] += len(rows)
        totals["aborts"] += tail["aborts"] if tail else 0
        if problem:
            problems.append(("%s/%s" % (source, path.name), problem))
    table = report(traces, args.max_ins)
    print_report(table, totals, problems)
    if args.json:
        with open(args.json, "w") as f:
            json.dump({"summary": table, "totals": totals, "problems": problems,
                       "traces": traces}, f, indent=2)
    return 0


if __name__ == "__main__":
    sys.exit(main())
