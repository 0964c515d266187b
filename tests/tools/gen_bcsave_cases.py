"""`luajit -b` cases: what LuaJIT 2.1 writes when it saves bytecode, and what it
prints running a saved file. tests/runtime/test_bcsave.py checks MoonLens against
tests/runtime/bcsave_cases.json, which this script writes:

    python tests/tools/gen_bcsave_cases.py [--luajit luajit]

Each case runs `luajit -b ARGS` in a fresh folder holding the case's files and
records its status, stdout, stderr and the bytes of every file it wrote (hex);
a case with "run" then runs `luajit FILE` on the written file.
"""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

try:
    from tests.tools.gen_interp_cases import engine_version
except ImportError:                                   # run as a script
    sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    from gen_interp_cases import engine_version

OUT = pathlib.Path(__file__).resolve().parents[1] / "runtime" / "bcsave_cases.json"

SOURCE = """local up = 10
local function f(a, ...)
  local t = {a, ..., n = select('#', ...)}
  return #t + up, t.n, "str\\0ing", 1.5, -0.0, 2^40
end
print(f(1, 2, 3))
return {1, 2, x = {y = true}}
"""
ERRORS = "local x = 1\nerror('at line two: ' .. x)\n"
FILES = {"prog.lua": SOURCE, "err.lua": ERRORS, "bad.lua": "x = = 1\n",
         "my-mod.v2.lua": "return 1\n"}

CASES = [
    {"name": "raw_stripped", "args": ["prog.lua", "out.bc"], "run": "out.bc"},
    {"name": "raw_debug", "args": ["-g", "prog.lua", "out.bc"], "run": "out.bc"},
    {"name": "raw_s_after_g", "args": ["-gs", "prog.lua", "out.raw"]},
    {"name": "c_file", "args": ["prog.lua", "out.c"]},
    {"name": "h_file", "args": ["-g", "prog.lua", "out.h"]},
    {"name": "type_option", "args": ["-t", "h", "prog.lua", "out.txt"]},
    {"name": "module_name", "args": ["-n", "a.b-c", "prog.lua", "out.h"]},
    {"name": "module_name_detected", "args": ["my-mod.v2.lua", "out.c"]},
    {"name": "chunk_option", "args": ["-e", "print('from -e')", "out.bc"], "run": "out.bc"},
    {"name": "chunk_needs_name", "args": ["-e", "print(1)", "out.c"]},
    {"name": "stdout", "args": ["-g", "prog.lua", "-"]},
    {"name": "error_lines_stripped", "args": ["err.lua", "err.bc"], "run": "err.bc"},
    {"name": "error_lines_debug", "args": ["-g", "err.lua", "err.bc"], "run": "err.bc"},
    {"name": "syntax_error", "args": ["bad.lua", "out.bc"]},
    {"name": "missing_input", "args": ["nowhere.lua", "out.bc"]},
    {"name": "unknown_type", "args": ["-t", "zip", "prog.lua", "out"]},
    {"name": "bad_module_name", "args": ["-n", "a/b", "prog.lua", "out.h"]},
    {"name": "unwritable", "args": ["prog.lua", "no/such/dir/out.bc"]},
    {"name": "usage", "args": ["prog.lua"]},
]


def run_case(luajit, case):
    with tempfile.TemporaryDirectory() as tmp:
        for name, text in FILES.items():
            pathlib.Path(tmp, name).write_text(text)
        r = subprocess.run([luajit, "-b"] + case["args"], cwd=tmp, capture_output=True,
                           timeout=60)
        rec = dict(case, status=r.returncode, stdout=r.stdout.hex(),
                   stderr=r.stderr.decode("utf-8", "surrogateescape"), files={})
        for p in sorted(pathlib.Path(tmp).iterdir()):
            if p.name not in FILES:
                rec["files"][p.name] = p.read_bytes().hex()
        if "run" in case:
            r = subprocess.run([luajit, case["run"]], cwd=tmp, capture_output=True, timeout=60)
            rec["run_result"] = [r.returncode, r.stdout.decode("utf-8", "surrogateescape"),
                                 r.stderr.decode("utf-8", "surrogateescape")]
    return rec


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--luajit", default="luajit")
    args = ap.parse_args()
    out = {"engine": engine_version(args.luajit), "files": FILES,
           "cases": [run_case(args.luajit, c) for c in CASES]}
    OUT.write_text(json.dumps(out, indent=1) + "\n")
    print("%d cases, %s" % (len(CASES), out["engine"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
