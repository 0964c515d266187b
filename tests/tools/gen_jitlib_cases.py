"""Regenerate tests/jit/jitlib_cases/*.expected: what real LuaJIT prints for each case.

Usage: python tests/tools/gen_jitlib_cases.py [--luajit luajit] [--runs 10] [name.lua ...]

Each case exercises jit.attach's events, jit.util's trace functions or
jit.on/off/flush and prints what it sees (no addresses: they differ anyway). It
runs as `luajit [ARGS] name.lua` inside tests/jit/jitlib_cases, where ARGS comes
from a first line "-- args: ..." (say -jv). tests/jit/test_jit_attach.py runs it
as `moonlens run -jon [ARGS] name.lua` and compares.

LuaJIT's hot counters and penalties are not fully deterministic, so every case
runs --runs times; the most frequent outcome is written, and a case whose most
frequent outcome is rarer than MIN_SHARE is rejected.

The .expected format (content lines never start with "##"):

    # <comment lines: case, engine, command, runs>
    ## status
    0
    ## stdout
    <standard output>
    ## stderr
    <standard error>
"""

import argparse
import collections
import pathlib
import re
import subprocess
import sys

try:
    from tests.tools.gen_interp_cases import engine_version
except ImportError:                     # run as a script from tests/tools
    from gen_interp_cases import engine_version

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE.parent / "jit" / "jitlib_cases"
MIN_SHARE = 0.75
SECTIONS = ("status", "stdout", "stderr")


def case_args(path):
    """The extra command-line options of a case: its first line "-- args: ..."."""
    first = path.read_text().split("\n", 1)[0]
    return first[len("-- args:"):].split() if first.startswith("-- args:") else []


def parse_expected(path):
    """{"status": int, "stdout": str, "stderr": str} of an .expected file."""
    sections, current = {}, None
    for line in path.read_text().splitlines(keepends=True):
        if line.startswith("## "):
            current = line[3:].strip()
            sections[current] = ""
        elif current is not None:
            sections[current] += line
    sections["status"] = int(sections["status"])
    return sections


def run_once(luajit, name):
    args = case_args(CASES / name)
    r = subprocess.run([luajit] + args + [name], cwd=CASES, capture_output=True, text=True,
                       timeout=60)
    return r.returncode, r.stdout, r.stderr


def check_outcome(name, outcome):
    problems = []
    for text, what in zip(outcome[1:], SECTIONS[1:]):
        if text and not text.endswith("\n"):
            problems.append("%s does not end with a newline" % what)
        if any(line.startswith("##") for line in text.splitlines()):
            problems.append("%s has a line starting with '##'" % what)
        if re.search(r"0x[0-9a-f]{6,}", text):
            problems.append("%s prints an address" % what)
    if problems:
        raise SystemExit("%s: %s" % (name, "; ".join(problems)))


def render(name, engine, runs, count, outcome):
    status, stdout, stderr = outcome
    args = " ".join(case_args(CASES / name))
    lines = [
        "# jit library case %s, written by tests/tools/gen_jitlib_cases.py: do not edit."
        % name,
        "# engine: %s" % engine,
        "# command: luajit %s%s   (run in tests/jit/jitlib_cases)" % (
            args + " " if args else "", name),
        "# runs: %d, this outcome in %d" % (runs, count),
        "## status",
        "%d" % status,
        "## stdout",
    ]
    return "\n".join(lines) + "\n" + stdout + "## stderr\n" + stderr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--luajit", default="luajit")
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    engine = engine_version(args.luajit)
    names = args.names or sorted(p.name for p in CASES.glob("*.lua"))
    unstable = []
    for name in names:
        counts = collections.Counter(run_once(args.luajit, name) for _ in range(args.runs))
        outcome, count = counts.most_common(1)[0]
        check_outcome(name, outcome)
        if count < MIN_SHARE * args.runs:
            unstable.append("%s: most frequent outcome in only %d of %d runs"
                            % (name, count, args.runs))
            continue
        (CASES / name).with_suffix(".expected").write_text(
            render(name, engine, args.runs, count, outcome))
        print("%-30s %d/%d" % (name, count, args.runs))
    print("%d cases, %s" % (len(names), engine))
    if unstable:
        print("unstable (not written):\n  " + "\n  ".join(unstable))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
