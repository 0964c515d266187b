-- jit.util.traceinfo/traceir/tracek/tracesnap read a trace as jit/dump.lua does:
-- instruction words, constants and snapshot entries (the register column of
-- traceir's fifth result is left out: there is no register allocation here).
local ju = require("jit.util")
local bit = require("bit")
local function kstr(tr, ref)
  local k, t, slot = ju.tracek(tr, ref)
  local s = type(k) == "number" and (t < 12 and "ptr" or string.format("%.14g", k))
            or type(k) == "string" and string.format("%q", k)
            or type(k)
  return s .. "/" .. t .. (slot and "@" .. slot or "")
end
local function dump(tr)
  local info = ju.traceinfo(tr)
  print("trace", tr, info.nins, info.nk, info.link, info.nexit, info.linktype)
  for ins = 0, info.nins + 1 do
    local m, ot, op1, op2 = ju.traceir(tr, ins)
    if not m then print(ins, "-") break end
    local a = bit.band(m, 3) == 0 and op1 < 0 and kstr(tr, op1) or op1
    local b = bit.band(m, 12) == 0 and op2 < 0 and kstr(tr, op2) or op2
    print(ins, m, bit.rshift(ot, 8), bit.band(ot, 255), a, b)
  end
  for sn = 0, info.nexit do
    local snap = ju.tracesnap(tr, sn)
    if not snap then break end
    print("snap", sn, unpack(snap, 0, #snap))
  end
  print("k", -info.nk - 1, ju.tracek(tr, -info.nk - 1))
end
jit.attach(function(what, tr) if what == "stop" then dump(tr) end end, "trace")
local s, t = 0, {1, 2, 3}
local name = "abc"
for i = 1, 100 do
  s = s + t[(i % 3) + 1] * 0.5
  if #name == 3 then s = s + 1 end
end
for i = 1, 100 do s = s + (i > 50 and 1.25 or -1) end
jit.attach(function() end)
print(s, ju.traceinfo(1).nins, select("#", ju.traceinfo(99)))
