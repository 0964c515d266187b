"""Regenerate tests/runtime/luabuiltins_bc.json: the bytecode of LuaJIT's Lua-coded builtins.

Usage: python tests/tools/gen_luabuiltins_bc.py [--luajit luajit]
Reads each builtin's instructions with jit.util.funcbc from a real LuaJIT 2.1, so
the test can check that vm/lib/luabuiltins.py builds the very same bytecode.
"""

import argparse
import json
import pathlib
import subprocess

from gen_interp_cases import engine_version

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "runtime" / "luabuiltins_bc.json"
NAMES = ("table.foreachi", "table.foreach", "table.getn", "table.remove", "table.move",
         "string.len", "math.deg", "math.rad")

DUMP = r"""
local jutil = require("jit.util")
for name in string.gmatch(..., "%S+") do
  local f = loadstring("return " .. name)()
  local info = jutil.funcinfo(f)
  local words = {}
  for pc = 0, info.bytecodes - 1 do
    words[#words + 1] = bit.tohex((jutil.funcbc(f, pc)))
  end
  print(name, info.stackslots, info.params, table.concat(words, ","))
end
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--luajit", default="luajit")
    args = ap.parse_args()
    out = subprocess.run([args.luajit, "-", " ".join(NAMES)], input=DUMP, capture_output=True,
                         text=True, check=True).stdout
    builtins = {}
    for line in out.splitlines():
        name, slots, params, words = line.split("\t")
        builtins[name] = {"framesize": int(slots), "params": int(params),
                          "code": [int(w, 16) for w in words.split(",")]}
    data = {"engine": engine_version(args.luajit), "builtins": builtins}
    OUT.write_text(json.dumps(data, indent=1) + "\n")


if __name__ == "__main__":
    main()
