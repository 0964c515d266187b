-- Each iteration of a for loop gets a fresh local; while loops share outer locals.
local fs = {}
for i = 1, 5 do fs[#fs + 1] = function() return i end end
local out = {}
for _, f in ipairs(fs) do out[#out + 1] = f() end
print(table.concat(out, " "))
local gs = {}
for k, v in ipairs({"a", "b", "c"}) do gs[k] = function() return k .. v end end
print(gs[1](), gs[2](), gs[3]())
local hs = {}
local j = 0
while j < 3 do
  j = j + 1
  hs[j] = function() return j end
end
print(hs[1](), hs[2](), hs[3]())
local ks = {}
local m = 0
while m < 3 do
  m = m + 1
  local copy = m
  ks[m] = function() return copy end
end
print(ks[1](), ks[2](), ks[3]())
local rs = {}
local r = 0
repeat
  local here = r
  rs[#rs + 1] = function() here = here + 10 return here end
  r = r + 1
until here >= 2
print(rs[1](), rs[1](), rs[2](), rs[3]())
