"""Regenerate tests/jit/jv_corpus/*.jv: what real LuaJIT prints for each corpus program.

Usage: python tests/tools/gen_jv_corpus.py [--luajit luajit] [--runs 20] [name.lua ...]

Each program in tests/jit/jv_corpus is run as `luajit -jv name.lua` from inside
that directory (so chunk names are the bare file names), with LuaJIT's default
optimisation level (-O3) and default parameters. The -jv lines go to stderr,
the program's output to stdout.

LuaJIT itself is not fully deterministic: its hot counters are shared by
hashing bytecode addresses (which move with address-space randomisation) and
its trace-abort penalties add random bits. So every program is run --runs
times and the most frequent outcome is recorded, with how often it occurred. A
program whose most frequent outcome is rarer than MIN_SHARE is rejected: it
must be rewritten until LuaJIT's behaviour is stable.

The .jv file format (sections start with a line "## name"; content lines never
do; every section's content ends with a newline or is empty):

    # <comment lines: program, engine, jit.status, command, runs>
    ## status
    0
    ## stdout
    <the program's standard output>
    ## jv
    <the -jv lines: luajit's standard error>
"""

import argparse
import collections
import pathlib
import subprocess
import sys

try:
    from tests.tools.gen_interp_cases import engine_version
except ImportError:                     # run as a script from tests/tools
    from gen_interp_cases import engine_version

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parent / "jit" / "jv_corpus"

MIN_SHARE = 0.75


def jit_status(luajit):
    r = subprocess.run([luajit, "-e", "io.write(table.concat({tostring(select(1, jit.status())),"
                        " select(2, jit.status())}, ' '))"], capture_output=True, text=True)
    return r.stdout.strip()


def run_once(luajit, name, folder=CORPUS):
    r = subprocess.run([luajit, "-jv", name], cwd=folder, capture_output=True, text=True,
                       timeout=60)
    return r.returncode, r.stdout, r.stderr


def check_outcome(name, outcome):
    status, stdout, jv = outcome
    problems = []
    if status != 0:
        problems.append("exit status %d" % status)
    for line in jv.splitlines():
        if not line.startswith("[TRACE "):
            problems.append("stderr line that is not a -jv line: %r" % line)
    for text, what in ((stdout, "stdout"), (jv, "jv")):
        if text and not text.endswith("\n"):
            problems.append("%s does not end with a newline" % what)
        if any(line.startswith("##") for line in text.splitlines()):
            problems.append("%s has a line starting with '##'" % what)
    if problems:
        raise SystemExit("%s: %s" % (name, "; ".join(problems)))


def render(name, header, runs, count, outcome, folder=CORPUS, script="gen_jv_corpus.py"):
    status, stdout, jv = outcome
    where = folder.relative_to(HERE.parent.parent)
    lines = [
        "# -jv corpus expectation for %s, written by tests/tools/%s: do not edit."
        % (name, script),
        "# engine: %s" % header["engine"],
        "# jit.status: %s" % header["status"],
        "# command: luajit -jv %s   (run in %s; default -O3, default params)" % (name, where),
        "# runs: %d, this outcome in %d" % (runs, count),
        "## status",
        "%d" % status,
        "## stdout",
    ]
    return "\n".join(lines) + "\n" + stdout + "## jv\n" + jv


def main(argv=None, folder=CORPUS, script="gen_jv_corpus.py"):
    """Write folder/NAME.jv for every folder/NAME.lua (or the names given)."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--luajit", default="luajit")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("names", nargs="*")
    args = ap.parse_args(argv)
    header = {"engine": engine_version(args.luajit), "status": jit_status(args.luajit)}
    names = args.names or sorted(p.name for p in folder.glob("*.lua"))
    unstable = []
    for name in names:
        counts = collections.Counter(run_once(args.luajit, name, folder)
                                     for _ in range(args.runs))
        outcome, count = counts.most_common(1)[0]
        check_outcome(name, outcome)
        if count < MIN_SHARE * args.runs:
            unstable.append("%s: most frequent outcome in only %d of %d runs"
                            % (name, count, args.runs))
            continue
        text = render(name, header, args.runs, count, outcome, folder, script)
        (folder / name).with_suffix(".jv").write_text(text)
        print("%-45s %d/%d %d -jv lines" % (name, count, args.runs,
                                           len(outcome[2].splitlines())))
    print("%d programs, %s" % (len(names), header["engine"]))
    if unstable:
        print("unstable (not written):\n  " + "\n  ".join(unstable))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
