"""Regenerate tests/runtime/tabmathbitos_cases.json: snippets for the table, math, bit
and os libraries and what real LuaJIT prints for them.

Usage: python tests/tools/gen_tabmathbitos_cases.py [--luajit luajit]

Each snippet of tests/runtime/tabmathbitos_snippets.lua starts with a line
"-- case: name"; lines "-- env: NAME=value" right after it set environment
variables for that case. Every case runs as `luajit -joff case.lua` in a fresh
temporary directory with a fixed environment (BASE_ENV plus the case's own), so
dates, time zones and locales are reproducible; stdout, stderr and the exit
status are recorded with the engine version and the environment.
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
except ImportError:                     # run as a script from tests/tools
    from gen_interp_cases import engine_version

HERE = pathlib.Path(__file__).resolve().parent
RUNTIME = HERE.parent / "runtime"
SNIPPETS = RUNTIME / "tabmathbitos_snippets.lua"
OUTPUT = RUNTIME / "tabmathbitos_cases.json"

# The environment every case starts from (the test sets the same one).
BASE_ENV = {"TZ": "UTC", "LANG": "C.UTF-8"}
# Variables that would change what a case prints; they are removed.
DROP_ENV = ("LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY",
            "LC_MESSAGES", "LANGUAGE", "LUA_PATH", "LUA_CPATH", "LUA_INIT")


def split_cases(text):
    """[(name, env, body)]: body is everything after the "-- case:" line."""
    cases = []
    for chunk in text.split("-- case: ")[1:]:
        name, _, body = chunk.partition("\n")
        env = {}
        for line in body.splitlines():
            if not line.startswith("-- env: "):
                break
            k, _, v = line[len("-- env: "):].partition("=")
            env[k] = v
        cases.append((name.strip(), env, body))
    names = [c[0] for c in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    return cases


def case_env(env):
    full = {k: v for k, v in os.environ.items() if k not in DROP_ENV}
    full.update(BASE_ENV)
    full.update(env)
    return full


def main():
    ap = argparse.ArgumentParser()
    # The bare command name: luajit prints argv[0] in front of uncaught errors.
    ap.add_argument("--luajit", default="luajit")
    args = ap.parse_args()
    cases = split_cases(SNIPPETS.read_text())
    out = {"engine": engine_version(args.luajit), "base_env": BASE_ENV, "cases": []}
    for name, env, body in cases:
        with tempfile.TemporaryDirectory() as tmp:
            (pathlib.Path(tmp) / "case.lua").write_text(body)
            r = subprocess.run([args.luajit, "-joff", "case.lua"], cwd=tmp,
                               capture_output=True, env=case_env(env), timeout=60)
        out["cases"].append({
            "name": name, "env": env, "source": body,
            "stdout": r.stdout.decode("utf-8", "surrogateescape"),
            "stderr": r.stderr.decode("utf-8", "surrogateescape"),
            "status": r.returncode})
    OUTPUT.write_text(json.dumps(out, indent=1) + "\n")
    print("%d cases, %s" % (len(cases), out["engine"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
