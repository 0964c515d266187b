"""The -jdump corpus: simple numeric loops and what real LuaJIT 2.1's -jdump prints.

    python tests/tools/gen_jdump_corpus.py [--luajit luajit] [NAME ...]

For every tests/jit/jdump_corpus/NAME.lua, runs `luajit -jdump=tbis NAME.lua` in that
directory (trace events, recorded bytecode, IR with interleaved snapshots; no
machine code) and writes NAME.jdump: a header naming the engine and the command,
then the output. Each program runs twice; one whose output differs between runs is
refused. Table and userdata constants print as addresses, which say nothing
about the trace; they are normalised to {ADDR} (prototypes: proto: ADDR). This LuaJIT seeds its string hash
per process, so the hash slot of an HREFK ("x" @3) changes from run to run; it is
normalised to @N.
"""

import argparse
import pathlib
import re
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE.parent / "jit" / "jdump_corpus"
sys.path.insert(0, str(HERE.parent.parent))

from tests.tools.gen_jv_corpus import engine_version  # noqa: E402

MODE = "tbis"
HEADER = "-- engine: %s\n-- command: luajit -jdump=%s %s\n"
_ADDR = re.compile(r"(\{|userdata:|proto: |\[)0x[0-9a-f]+")


_SLOT = re.compile(r"(HREFK .*) @\d+")


def normalise(text):
    text = _ADDR.sub(lambda m: m.group(1) + "ADDR", text)
    return _SLOT.sub(lambda m: m.group(1) + " @N", text)


def parse_expected(path):
    """The recorded output of a .jdump file (its header lines dropped)."""
    lines = path.read_text().splitlines(keepends=True)
    return "".join(line for line in lines if not line.startswith("-- "))


def run_normalised(argv, cwd):
    """The normalised output of a LuaJIT command run in cwd (a failure ends the script)."""
    r = subprocess.run(argv, cwd=cwd, capture_output=True, text=True, timeout=60)
    if r.returncode != 0:
        raise SystemExit("%s failed: %s" % (argv[-1], r.stderr))
    return normalise(r.stdout)


def run_luajit(luajit, name):
    return run_normalised([luajit, "-jdump=" + MODE, name], CORPUS)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--luajit", default="luajit")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    version = engine_version(args.luajit)
    names = args.names or sorted(p.name for p in CORPUS.glob("*.lua"))
    for name in names:
        first, second = run_luajit(args.luajit, name), run_luajit(args.luajit, name)
        if first != second:
            print("refused (output differs between runs): %s" % name)
            continue
        out = CORPUS / (pathlib.Path(name).stem + ".jdump")
        out.write_text(HEADER % (version, MODE, name) + first)
    print("%d programs, %s" % (len(names), version))


if __name__ == "__main__":
    main()
