"""Regenerate tests/runtime/interp_cases.json: interpreter snippets and what real LuaJIT prints.

Usage: python tests/tools/gen_interp_cases.py [--luajit /usr/bin/luajit]
Each snippet in tests/runtime/interp_snippets.lua (separated by lines "-- case: name")
is run with `luajit -joff`; stdout and stderr are recorded with the engine version.
"""

import argparse
import json
import pathlib
import subprocess
import sys
import tempfile

HERE = pathlib.Path(__file__).resolve().parent
RUNTIME = HERE.parent / "runtime"


def engine_version(luajit):
    v = subprocess.run([luajit, "-v"], capture_output=True, text=True).stdout.split()
    line = " ".join(v[:2])
    try:
        deb = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "luajit"],
                             capture_output=True, text=True).stdout.strip()
        if deb:
            line += " (debian %s)" % deb
    except OSError:
        pass
    return line


def split_cases(text):
    cases = []
    for chunk in text.split("-- case: ")[1:]:
        name, _, body = chunk.partition("\n")
        cases.append((name.strip(), body))
    return cases


def main():
    ap = argparse.ArgumentParser()
    # The bare command name: luajit prints argv[0] in front of uncaught errors.
    ap.add_argument("--luajit", default="luajit")
    args = ap.parse_args()
    cases = split_cases((RUNTIME / "interp_snippets.lua").read_text())
    out = {"engine": engine_version(args.luajit), "cases": []}
    with tempfile.TemporaryDirectory() as tmp:
        for name, body in cases:
            path = pathlib.Path(tmp) / "case.lua"
            path.write_text(body)
            r = subprocess.run([args.luajit, "-joff", "case.lua"], cwd=tmp,
                               capture_output=True, text=True)
            out["cases"].append({"name": name, "source": body, "stdout": r.stdout,
                                 "stderr": r.stderr, "status": r.returncode})
    (RUNTIME / "interp_cases.json").write_text(json.dumps(out, indent=1) + "\n")
    print("%d cases, %s" % (len(cases), out["engine"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
