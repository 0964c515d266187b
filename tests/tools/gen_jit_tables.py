"""Regenerate tests/jit/luajit_tables.json: LuaJIT 2.1's own names for what jit/ tables hold.

Usage: python tests/tools/gen_jit_tables.py [--luajit luajit]
Reads jit.vmdef (IR names, fields, FPMATH names, trace error texts), the default
flags of jit.status(), and the IR mode bytes of the instructions of a few traces.
"""

import argparse
import json
import pathlib
import subprocess

from gen_interp_cases import engine_version

HERE = pathlib.Path(__file__).resolve().parent
OUT = HERE.parent / "jit" / "luajit_tables.json"

DUMP = r"""
local u, v = require("jit.util"), require("jit.vmdef")
local function names(s) local t = {} for i = 0, #s / 6 - 1 do
  t[#t + 1] = (s:sub(i * 6 + 1, i * 6 + 6):gsub(" ", "")) end return t end
print("irnames\t" .. table.concat(names(v.irnames), " "))
print("irfield\t" .. table.concat(v.irfield, " ", 0))
print("irfpm\t" .. table.concat(v.irfpm, " ", 0))
print("ircall\t" .. table.concat(v.ircall, " ", 0))
for i = 0, #v.traceerr do print("traceerr\t" .. v.traceerr[i]) end
print("status\t" .. table.concat({select(2, jit.status())}, " "))
-- A few traces with loads, stores, arithmetic, conversions and a loop.
local t, s = {}, {x = 1}
for i = 1, 300 do t[i] = (t[i - 1] or 0) + i * 2 % 7; s.x = s.x + math.floor(i / 3) end
local irn = names(v.irnames)
for tr = 1, 20 do
  local info = u.traceinfo(tr)
  if not info then break end
  for ins = 1, info.nins do
    local m, ot = u.traceir(tr, ins)
    print("mode\t" .. irn[math.floor(ot / 256) + 1] .. " " .. m)
  end
end
"""


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--luajit", default="luajit")
    args = ap.parse_args()
    out = subprocess.run([args.luajit, "-"], input=DUMP, capture_output=True, text=True,
                         check=True).stdout
    data = {"engine": engine_version(args.luajit), "traceerr": [], "modes": {}}
    for line in out.splitlines():
        key, value = line.split("\t")
        if key == "traceerr":
            data["traceerr"].append(value)
        elif key == "mode":
            name, m = value.split()
            data["modes"][name] = int(m)
        else:
            data[key] = value.split()
    OUT.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    main()
