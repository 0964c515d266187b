"""Expected IR for the LOOP, ABC and narrowing tests, from a real LuaJIT.

    python tests/tools/gen_opt_cases.py [--luajit luajit] [NAME ...]

For every tests/jit/opt_cases/NAME.lua (a first line "-- opt: -abc -loop" gives -O
settings), runs `luajit -O-sink <settings> -jdump=is NAME.lua` in that directory and
writes NAME.txt: a header naming the engine and the command ("# " lines), then the
output (the IR of every trace with its snapshots interleaved). SINK is off so the IR is
what DCE, LOOP and the recorder's FOLD/narrowing/ABC made of it. Each program runs
twice; one whose output differs between runs is refused. Addresses and HREFK hash
slots are normalised as in gen_jdump_corpus.py.
Read by tests/jit/test_ir_loop.py, test_ir_abc.py and test_ir_narrow.py.
"""

import argparse
import pathlib
import sys

HERE = pathlib.Path(__file__).resolve().parent
CASES = HERE.parent / "jit" / "opt_cases"
sys.path.insert(0, str(HERE.parent.parent))

from tests.tools.gen_interp_cases import engine_version  # noqa: E402
from tests.tools.gen_jdump_corpus import run_normalised  # noqa: E402

HEADER = "# engine: %s\n# command: %s\n"


def opt_settings(path):
    """The -O settings of a case ("-- opt: -loop" gives ["-O-loop"])."""
    first = path.read_text().splitlines()[0]
    return ["-O" + w for w in first.split()[2:]] if first.startswith("-- opt:") else []


def command(path, luajit="luajit"):
    return [luajit, "-O-sink"] + opt_settings(path) + ["-jdump=is", path.name]


def run_luajit(luajit, path):
    return run_normalised(command(path, luajit), CASES)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--luajit", default="luajit")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    version = engine_version(args.luajit)
    paths = [CASES / (n if n.endswith(".lua") else n + ".lua") for n in args.names] or \
        sorted(CASES.glob("*.lua"))
    for path in paths:
        first, second = run_luajit(args.luajit, path), run_luajit(args.luajit, path)
        if first != second:
            print("refused (output differs between runs): %s" % path.name)
            continue
        path.with_suffix(".txt").write_text(
            HEADER % (version, " ".join(command(path))) + first)
    print("%d programs, %s" % (len(paths), version))


if __name__ == "__main__":
    main()
