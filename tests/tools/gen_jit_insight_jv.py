"""Regenerate tests/server/jit_insight/*.jv: what real LuaJIT prints with -jv for the
programs the JIT-insight tests run (tests/server/test_jit_insight_e2e.py,
test_jit_worker.py), so that they compare MoonLens's verdicts with LuaJIT's
without needing LuaJIT installed.

Usage: python tests/tools/gen_jit_insight_jv.py [--luajit luajit] [--runs 20] [name.lua ...]

The format and the method are gen_jv_corpus.py's (the most frequent of --runs
outcomes, with the engine version in the header); each program is run as
`luajit -jv name.lua` from inside tests/server/jit_insight.
"""

import pathlib
import sys

try:
    from tests.tools import gen_jv_corpus
except ImportError:                     # run as a script from tests/tools
    import gen_jv_corpus

PROGRAMS = pathlib.Path(__file__).resolve().parent.parent / "server" / "jit_insight"


def main(argv=None):
    return gen_jv_corpus.main(argv, PROGRAMS, "gen_jit_insight_jv.py")


if __name__ == "__main__":
    sys.exit(main())
