"""Regenerate tests/runtime/string_cases.json: string library snippets and what real
LuaJIT prints for them.

Usage: .venv/bin/python tests/tools/gen_string_cases.py [--luajit luajit]

Each snippet of tests/runtime/string_snippets.lua (separated by lines "-- case: name")
is run as `luajit -joff case.lua` in a temporary directory; stdout, stderr and the
exit status are recorded with the engine version. Outputs may hold any bytes: they
are stored as text decoded with surrogateescape.

Each snippet is also compiled by LuaJIT and dumped with string.dump (plain and
stripped); the SHA-256 of the dump's canonical form (bcdump.canonical: hash parts of
table constants sorted, as LuaJIT's node order depends on string hashes) is
recorded, so string.dump is checked on every snippet without storing the dumps.
"""

import argparse
import hashlib
import json
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

# Prints the hex dumps (plain, stripped) of each file named on the command line.
DUMPER = r"""
local function hex(s) return (s:gsub(".", function(c) return string.format("%02x", c:byte()) end)) end
for i = 1, #arg do
  local f = assert(io.open(arg[i], "rb"))
  local fn = assert(loadstring(f:read("*a"), "=case"))
  f:close()
  io.write(hex(string.dump(fn)), " ", hex(string.dump(fn, true)), "\n")
end
"""


def split_cases(text):
    cases = []
    for chunk in text.split("\n-- case: ")[1:]:
        name, _, body = chunk.partition("\n")
        cases.append((name.strip(), body))
    names = [n for n, _ in cases]
    assert len(names) == len(set(names)), "duplicate case names"
    return cases


def run(luajit, body):
    with tempfile.TemporaryDirectory() as tmp:
        pathlib.Path(tmp, "case.lua").write_bytes(body.encode("utf-8", "surrogateescape"))
        r = subprocess.run([luajit, "-joff", "case.lua"], cwd=tmp, capture_output=True,
                           timeout=60)
    return (r.stdout.decode("utf-8", "surrogateescape"),
            r.stderr.decode("utf-8", "surrogateescape"), r.returncode)


def dump_hashes(luajit, bodies):
    """[(sha of the canonical plain dump, of the stripped one)] for each source."""
    from moonlens.vm.bcdump import canonical
    with tempfile.TemporaryDirectory() as tmp:
        names = []
        for i, body in enumerate(bodies):
            name = "s%d.lua" % i
            pathlib.Path(tmp, name).write_bytes(body.encode("utf-8", "surrogateescape"))
            names.append(name)
        pathlib.Path(tmp, "dumper.lua").write_text(DUMPER)
        r = subprocess.run([luajit, "-joff", "dumper.lua"] + names, cwd=tmp,
                           capture_output=True, text=True, timeout=300, check=True)
    out = []
    for line in r.stdout.splitlines():
        plain, stripped = line.split()
        out.append(tuple(hashlib.sha256(canonical(bytes.fromhex(h))).hexdigest()
                         for h in (plain, stripped)))
    assert len(out) == len(bodies)
    return out


def main():
    ap = argparse.ArgumentParser()
    # The bare command name: luajit prints argv[0] in front of uncaught errors.
    ap.add_argument("--luajit", default="luajit")
    args = ap.parse_args()
    text = (RUNTIME / "string_snippets.lua").read_bytes().decode("utf-8", "surrogateescape")
    out = {"engine": engine_version(args.luajit), "cases": []}
    cases = split_cases(text)
    hashes = dump_hashes(args.luajit, [body for _, body in cases])
    for (name, body), (dump, dump_stripped) in zip(cases, hashes):
        stdout, stderr, status = run(args.luajit, body)
        out["cases"].append({"name": name, "source": body, "stdout": stdout,
                             "stderr": stderr, "status": status, "dump": dump,
                             "dump_stripped": dump_stripped})
    (RUNTIME / "string_cases.json").write_text(json.dumps(out, indent=1) + "\n")
    print("%d cases, %s" % (len(out["cases"]), out["engine"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
