"""Regenerate tests/server/jit_insight/*.jv: what real LuaJIT prints with -jv for the
programs the JIT-insight tests run (tests/server/test_jit_insight_e2e.py,
test_jit_worker.py), so that they compare MoonLens's verdicts with LuaJIT's
without needing LuaJIT installed.

Usage: python tests/tools/gen_jit_insight_jv.py [--luajit luajit] [--runs 20] [name.lua ...]

The format and the method are those of gen_jv_corpus.py (the most frequent of
--runs outcomes, with the engine version in the header); each program is run as
`luajit -jv name.lua` from inside tests/server/jit_insight.
"""

import argparse
import collections
import pathlib
import subprocess
import sys

try:
    from tests.tools.gen_interp_cases import engine_version
    from tests.tools.gen_jv_corpus import MIN_SHARE, check_outcome, jit_status
except ImportError:                     # run as a script from tests/tools
    from gen_interp_cases import engine_version
    from gen_jv_corpus import MIN_SHARE, check_outcome, jit_status

HERE = pathlib.Path(__file__).resolve().parent
PROGRAMS = HERE.parent / "server" / "jit_insight"


def run_once(luajit, name):
    r = subprocess.run([luajit, "-jv", name], cwd=PROGRAMS, capture_output=True, text=True,
                       timeout=60)
    return r.returncode, r.stdout, r.stderr


def render(name, header, runs, count, outcome):
    status, stdout, jv = outcome
    lines = [
        "# -jv expectation for %s, written by tests/tools/gen_jit_insight_jv.py: do not "
        "edit." % name,
        "# engine: %s" % header["engine"],
        "# jit.status: %s" % header["status"],
        "# command: luajit -jv %s   (run in tests/server/jit_insight; default -O3, default "
        "params)" % name,
        "# runs: %d, this outcome in %d" % (runs, count),
        "## status",
        "%d" % status,
        "## stdout",
    ]
    return "\n".join(lines) + "\n" + stdout + "## jv\n" + jv


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--luajit", default="luajit")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    header = {"engine": engine_version(args.luajit), "status": jit_status(args.luajit)}
    names = args.names or sorted(p.name for p in PROGRAMS.glob("*.lua"))
    for name in names:
        counts = collections.Counter(run_once(args.luajit, name) for _ in range(args.runs))
        outcome, count = counts.most_common(1)[0]
        check_outcome(name, outcome)
        if count < MIN_SHARE * args.runs:
            print("%s: most frequent outcome in only %d of %d runs: not written"
                  % (name, count, args.runs))
            return 1
        (PROGRAMS / name).with_suffix(".jv").write_text(
            render(name, header, args.runs, count, outcome))
        print("%-30s %d/%d %d -jv lines" % (name, count, args.runs, len(outcome[2].splitlines())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
