#!/usr/bin/env python
"""Run the runtime benchmarks in MoonLens, lua5.1 and LuaJIT side by side.

    python bench/run_bench.py [--quick] [--only NAME]... [--engines A,B] [--jit]
                              [--repeat N] [--timeout S] [--json OUT] [--list]

Each program in bench/programs/ takes its problem size as arg[1] and prints a
small checksum. For every benchmark this script runs

    lua5.1 prog.lua N
    luajit -joff prog.lua N
    luajit prog.lua N            (JIT on)
    moonlens run prog.lua N      (MoonLens, JIT off: its default)
    moonlens run -jon prog.lua N (only with --jit: MoonLens's trace compiler)

and checks every output against bench/expected/NAME[.quick].txt, what lua5.1
printed for that size (bench/gen_bench_expected.py writes those files); without
an expected file for the size, against lua5.1's output of this run. It prints
wall times (best of --repeat runs), the ratios MoonLens/lua5.1, MoonLens/luajit
-joff, MoonLens/luajit (and MoonLens -jon/MoonLens with --jit), the peak RSS of
each process and the geometric means of the ratios.

Default sizes make MoonLens take roughly 2-10 s a program; --quick sizes take
it under a second. This is a benchmark, not a test: timings never fail it. It
exits 1 when an engine other than `moonlens-jon` fails, times out or prints
something else than expected. JIT-on problems are listed as findings only.
"""

import argparse
import json
import math
import os
import pathlib
import platform
import signal
import subprocess
import sys
import tempfile
import threading
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent
PROGRAMS = HERE / "programs"
EXPECTED = HERE / "expected"

# name: (size, quick size). `size` makes MoonLens take roughly 2-10 s (lua5.1
# 20-100 ms); `quick` makes MoonLens take about half a second, process start
# (~0.2 s) included. tests/test_bench_short.py runs the quick sizes.
SIZES = {
    "fib":          (29, 21),
    "sieve":        (40, 2),
    "queens":       (10, 7),
    "binarytrees":  (11, 7),
    "mandelbrot":   (200, 45),
    "nbody":        (3000, 200),
    "spectralnorm": (100, 25),
    "fannkuch":     (8, 6),
    "heapsort":     (40000, 2500),
    "matmul":       (85, 25),
    "richards":     (6000, 400),
    "deltablue":    (8, 1),
    "json":         (200, 10),
    "strbuild":     (25000, 1500),
    "closures":     (120, 5),
    "hashtab":      (120000, 5000),
}

LUA51 = "/usr/bin/lua5.1"
LUAJIT = "/usr/bin/luajit"
GNU_TIME = "/usr/bin/time"


def moonlens_command():
    """The `moonlens` script next to this Python, else the project's venv."""
    here = pathlib.Path(sys.executable).parent / "moonlens"
    if here.exists():
        return [str(here), "run"]
    return [str(ROOT / ".venv" / "bin" / "moonlens"), "run"]


def precompile(moonlens_cmd):
    """Byte-compile MoonLens's modules with the Python that runs it, as installing a
    package does. Otherwise, with PYTHONDONTWRITEBYTECODE set (as on this machine),
    every run compiles them from source first, some 60 ms of start-up that is not
    MoonLens's. Returns the byte-compiled folders."""
    python = pathlib.Path(moonlens_cmd[0]).parent / "python"
    folders = [str(ROOT / d) for d in ("moonlens", "vm", "jit") if (ROOT / d).is_dir()]
    if python.exists() and folders:
        subprocess.run([str(python), "-m", "compileall", "-q"] + folders,
                       stdout=subprocess.DEVNULL, check=False)
    return folders


def engines(with_jit):
    """(label, command prefix) of every engine, in column order."""
    ml = moonlens_command()
    rows = [("lua5.1", [LUA51]), ("luajit-joff", [LUAJIT, "-joff"]),
            ("luajit", [LUAJIT]), ("moonlens", ml)]
    if with_jit:
        rows.append(("moonlens-jon", ml + ["-jon"]))
    return [(label, cmd) for label, cmd in rows if os.access(cmd[0], os.X_OK)]


class Run:
    """One process: its output, wall time, peak RSS and how it ended."""

    def __init__(self, status, seconds, rss_kb, stdout, stderr):
        self.status = status          # "ok", "exit N", "signal N" or "timeout"
        self.seconds = seconds
        self.rss_kb = rss_kb
        self.stdout = stdout
        self.stderr = stderr


def measured(cmd, rss_file):
    """cmd wrapped in GNU time when there is one.

    A child's ru_maxrss is at least the RSS of the process that spawned it
    (exec keeps the larger of the old and the new high-water mark), so from
    this Python it would never read below ~14 MB. GNU time is a small process:
    the peak it reports for its own child is the child's."""
    if os.access(GNU_TIME, os.X_OK):
        return [GNU_TIME, "-f", "%M", "-o", rss_file] + cmd
    return cmd


def read_rss(rss_file, usage):
    """Peak RSS in kB: GNU time's report, else the kernel's ru_maxrss."""
    try:
        with open(rss_file) as f:
            return int(f.read().split()[-1])
    except (OSError, ValueError, IndexError):
        return usage.ru_maxrss


def wait_with_timeout(proc, timeout):
    """os.wait4 the child, killing its process group after `timeout` seconds."""
    timed_out = threading.Event()

    def kill():
        timed_out.set()
        os.killpg(proc.pid, signal.SIGKILL)

    timer = threading.Timer(timeout, kill)
    timer.start()
    _, status, usage = os.wait4(proc.pid, 0)
    timer.cancel()
    proc.returncode = os.waitstatus_to_exitcode(status)
    return usage, timed_out.is_set()


def status_of(returncode, timed_out):
    if timed_out:
        return "timeout"
    if returncode > 128 and returncode - 128 < 65:      # GNU time: killed by a signal
        return "signal %d" % (returncode - 128)
    if returncode < 0:
        return "signal %d" % -returncode
    if returncode > 0:
        return "exit %d" % returncode
    return "ok"


def run_once(cmd, timeout):
    """Run cmd with its output in temporary files; time it and measure its peak RSS."""
    with tempfile.TemporaryDirectory(prefix="moonlens-bench-") as tmp:
        out_path, err_path = os.path.join(tmp, "out"), os.path.join(tmp, "err")
        rss_file = os.path.join(tmp, "rss")
        with open(out_path, "wb") as out, open(err_path, "wb") as err:
            t0 = time.perf_counter()
            proc = subprocess.Popen(measured(cmd, rss_file), stdin=subprocess.DEVNULL,
                                    stdout=out, stderr=err, start_new_session=True)
            usage, timed_out = wait_with_timeout(proc, timeout)
            seconds = time.perf_counter() - t0
        with open(out_path, "rb") as f:
            stdout = f.read()
        with open(err_path, "rb") as f:
            stderr = f.read()
        rss = read_rss(rss_file, usage)
    return Run(status_of(proc.returncode, timed_out), seconds, rss, stdout, stderr)


def run_best(cmd, repeat, timeout):
    """The fastest of `repeat` runs; stops at the first failure."""
    best = None
    for _ in range(repeat):
        r = run_once(cmd, timeout)
        if r.status != "ok":
            return r
        if best is None or r.seconds < best.seconds:
            best = r
    return best


def first_line(data):
    text = data.decode("utf-8", "replace").strip()
    return text.splitlines()[0] if text else ""


def first_difference(ours, theirs):
    """(line number, our line, their line) where two outputs first differ."""
    a = ours.decode("utf-8", "replace").splitlines()
    b = theirs.decode("utf-8", "replace").splitlines()
    for i in range(max(len(a), len(b))):
        x = a[i] if i < len(a) else "<end of output>"
        y = b[i] if i < len(b) else "<end of output>"
        if x != y:
            return i + 1, x, y
    return 0, "", ""


JIT_LABEL = "moonlens-jon"
# (column title, engine, baseline): MoonLens's time over the baseline's
RATIOS = [("ML/lua51", "moonlens", "lua5.1"), ("ML/joff", "moonlens", "luajit-joff"),
          ("ML/luajit", "moonlens", "luajit"), ("jon/ML", JIT_LABEL, "moonlens")]


def expected_path(name, quick):
    return EXPECTED / ("%s%s.txt" % (name, ".quick" if quick else ""))


def read_expected(name, size, quick):
    """(stdout bytes, header) lua5.1 printed for this size, or (None, why not)."""
    path = expected_path(name, quick)
    if not path.exists():
        return None, "no %s" % path.relative_to(ROOT)
    header, _, body = path.read_bytes().partition(b"\n")
    fields = dict(f.split("=", 1) for f in header.decode().split()[1:] if "=" in f)
    if fields.get("size") != str(size):
        return None, "%s is for size %s" % (path.name, fields.get("size"))
    return body, header.decode()


class Result:
    """All engines on one benchmark."""

    def __init__(self, name, size, expected):
        self.name = name
        self.size = size
        self.expected = expected      # bytes lua5.1 printed (bench/expected), or None
        self.runs = {}                # label -> Run
        self.mismatch = []            # labels whose output differs from the reference
        self.reference = None         # "expected" or the label of the reference run

    def check(self):
        ok = [(label, r) for label, r in self.runs.items() if r.status == "ok"]
        ref = self.expected
        self.reference = "expected"
        if ref is None and ok:
            labels = [label for label, _ in ok]
            self.reference = "lua5.1" if "lua5.1" in labels else labels[0]
            ref = self.runs[self.reference].stdout
        self.mismatch = [label for label, r in ok if ref is not None and r.stdout != ref]

    def reference_output(self):
        if self.reference == "expected":
            return self.expected
        return self.runs[self.reference].stdout

    def good(self, label):
        r = self.runs.get(label)
        return r is not None and r.status == "ok" and label not in self.mismatch

    def ratio(self, label, base):
        if self.good(label) and self.good(base):
            return self.runs[label].seconds / max(self.runs[base].seconds, 1e-9)
        return None

    def problems(self, jit):
        """What went wrong: of the JIT-on run when jit, else of the other engines."""
        out = []
        for label, r in self.runs.items():
            if (label == JIT_LABEL) == jit and r.status != "ok":
                out.append("%s %s: %s" % (label, r.status.upper(), first_line(r.stderr)))
        for label in self.mismatch:
            if (label == JIT_LABEL) == jit:
                line, ours, theirs = first_difference(self.runs[label].stdout,
                                                      self.reference_output())
                out.append("%s MISMATCH at line %d: printed %r, %s is %r"
                           % (label, line, ours, self.reference, theirs))
        return out

    def verdict(self):
        if self.problems(False):
            return "PROBLEM"
        if self.problems(True):
            return "ok, JIT-on differs"
        return "ok" if self.reference == "expected" else "ok (no expected file)"


def bench_one(name, size, quick, table, args):
    prog = str(PROGRAMS / (name + ".lua"))
    res = Result(name, size, read_expected(name, size, quick)[0])
    for label, cmd in table:
        timeout = args.jit_timeout if label == JIT_LABEL else args.timeout
        res.runs[label] = run_best(cmd + [prog, str(size)], args.repeat, timeout)
    res.check()
    return res


def fmt_time(run):
    if run is None:
        return "-"
    if run.status != "ok":
        return run.status.upper()
    return "%.3f" % run.seconds


def fmt_ratio(x):
    return "-" if x is None else "%.1fx" % x


def fmt_mb(run):
    if run is None or run.status != "ok":
        return "-"
    return "%.1f" % (run.rss_kb / 1024)


def ratio_columns(labels):
    return [(title, a, b) for title, a, b in RATIOS if a in labels and b in labels]


def time_header(labels):
    cols = ["%-13s" % "benchmark", "%7s" % "size"]
    cols += ["%12s" % label for label in labels]
    cols += ["%9s" % title for title, _, _ in ratio_columns(labels)]
    return " ".join(cols + ["  check"])


def time_row(res, labels):
    cols = ["%-13s" % res.name, "%7d" % res.size]
    cols += ["%12s" % fmt_time(res.runs.get(label)) for label in labels]
    cols += ["%9s" % fmt_ratio(res.ratio(a, b)) for _, a, b in ratio_columns(labels)]
    return " ".join(cols + ["  " + res.verdict()])


def rss_ratio(res):
    ml, base = res.runs.get("moonlens"), res.runs.get("lua5.1")
    if res.good("moonlens") and res.good("lua5.1") and base.rss_kb:
        return ml.rss_kb / base.rss_kb
    return None


def memory_table(results, labels):
    lines = ["peak RSS (MB)", " ".join(["%-13s" % "benchmark"] + ["%12s" % x for x in labels]
                                       + ["%9s" % "ML/lua51"])]
    for res in results:
        cols = ["%-13s" % res.name]
        cols += ["%12s" % fmt_mb(res.runs.get(label)) for label in labels]
        cols.append("%9s" % fmt_ratio(rss_ratio(res)))
        lines.append(" ".join(cols))
    return "\n".join(lines)


def geomean(values):
    values = [v for v in values if v]
    if not values:
        return None
    return math.exp(sum(math.log(v) for v in values) / len(values))


def geomeans(results):
    """{column title: (geometric mean, how many benchmarks)} of every ratio column."""
    out = {}
    for title, a, b in RATIOS:
        values = [r.ratio(a, b) for r in results]
        values = [v for v in values if v]
        if values:
            out[title] = (geomean(values), len(values))
    return out


def summary(results):
    lines = []
    for title, (g, n) in geomeans(results).items():
        lines.append("geometric mean %-10s %7.1fx  (%d of %d benchmarks)"
                     % (title + ":", g, n, len(results)))
    return "\n".join(lines)


def run_json(r):
    return {"status": r.status, "seconds": r.seconds, "rss_kb": r.rss_kb,
            "stdout": r.stdout.decode("utf-8", "replace"),
            "stderr": r.stderr.decode("utf-8", "replace")[-2000:]}


def result_json(res):
    return {"size": res.size, "reference": res.reference, "mismatch": res.mismatch,
            "verdict": res.verdict(), "problems": res.problems(False),
            "jit_findings": res.problems(True),
            "ratios": {title: res.ratio(a, b) for title, a, b in RATIOS},
            "runs": {label: run_json(r) for label, r in res.runs.items()}}


def to_json(results, args, table):
    return {"python": platform.python_version(), "machine": platform.machine(),
            "quick": args.quick, "repeat": args.repeat,
            "engines": {label: cmd for label, cmd in table},
            "benchmarks": {res.name: result_json(res) for res in results},
            "geomeans": {title: g for title, (g, _) in geomeans(results).items()}}


def parse_args(argv):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes: under 1 s in MoonLens")
    ap.add_argument("--only", action="append", metavar="NAME",
                    help="run only this benchmark (repeatable, or comma-separated)")
    ap.add_argument("--size", type=int, help="override the problem size")
    ap.add_argument("--repeat", type=int, default=1, help="best of N runs (default 1)")
    ap.add_argument("--timeout", type=float, default=120.0,
                    help="seconds before a run is killed (default 120)")
    ap.add_argument("--jit-timeout", type=float, default=60.0,
                    help="the same for moonlens-jon runs (default 60)")
    ap.add_argument("--engines", help="comma-separated subset of: lua5.1, luajit-joff, "
                    "luajit, moonlens, moonlens-jon")
    ap.add_argument("--jit", action="store_true", help="also run MoonLens with -jon")
    ap.add_argument("--json", metavar="OUT", help="also write the results as JSON")
    ap.add_argument("--list", action="store_true", help="list benchmarks and sizes")
    return ap.parse_args(argv)


def selected(args):
    if not args.only:
        return list(SIZES)
    names = [n for item in args.only for n in item.split(",") if n]
    unknown = [n for n in names if n not in SIZES]
    if unknown:
        raise SystemExit("unknown benchmark(s): %s (have: %s)"
                         % (", ".join(unknown), ", ".join(SIZES)))
    return names


def engine_table(args):
    table = engines(args.jit or bool(args.engines and JIT_LABEL in args.engines))
    if args.engines:
        wanted = args.engines.split(",")
        unknown = set(wanted) - {label for label, _ in engines(True)}
        if unknown:
            raise SystemExit("unknown or missing engine(s): %s" % ", ".join(sorted(unknown)))
        table = [(label, cmd) for label, cmd in table if label in wanted]
    return table


def list_sizes():
    print("%-13s %8s %8s" % ("benchmark", "size", "quick"))
    for name, sizes in SIZES.items():
        print("%-13s %8d %8d" % ((name,) + sizes))
    return 0


def print_findings(results, jit):
    title = "JIT-on findings (moonlens -jon; not failures of this benchmark)" if jit \
        else "PROBLEMS"
    found = [(r.name, p) for r in results for p in r.problems(jit)]
    if found:
        print("\n%s:" % title)
        for name, p in found:
            print("  %-13s %s" % (name, p))


def main(argv=None):
    args = parse_args(argv)
    if args.list:
        return list_sizes()
    table = engine_table(args)
    labels = [label for label, _ in table]
    print("MoonLens runtime benchmarks: best of %d, timeout %ds, %s"
          % (args.repeat, args.timeout, "quick sizes" if args.quick else "full sizes"))
    for label, cmd in table:
        print("  %-12s %s" % (label, " ".join(cmd)))
    ml = [cmd for label, cmd in table if label.startswith("moonlens")]
    if ml:
        print("  (byte-compiled first: %s)" % ", ".join(
            os.path.relpath(f, ROOT) for f in precompile(ml[0])))
    print()
    print(time_header(labels), flush=True)
    results = []
    for name in selected(args):
        size = args.size or SIZES[name][1 if args.quick else 0]
        res = bench_one(name, size, args.quick, table, args)
        results.append(res)
        print(time_row(res, labels), flush=True)
    print()
    print(memory_table(results, labels))
    print()
    print(summary(results))
    print_findings(results, True)
    print_findings(results, False)
    if args.json:
        with open(args.json, "w") as f:
            json.dump(to_json(results, args, table), f, indent=2)
    return 1 if any(r.problems(False) for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
