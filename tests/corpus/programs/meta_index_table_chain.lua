-- __index chains through several tables.
local base = {greet = "hello", level = "base"}
local mid = setmetatable({level = "mid", extra = 1}, {__index = base})
local top = setmetatable({level = "top"}, {__index = mid})
print(top.level, top.greet, top.extra, top.missing)
print(rawget(top, "greet"), rawget(mid, "greet"), rawget(base, "greet"))
base.added = "late"
print(top.added)
mid.greet = "shadowed"
print(top.greet, base.greet)
mid.greet = nil
print(top.greet)
local chain = {}
local cur = {depth0 = true}
for i = 1, 50 do cur = setmetatable({["depth" .. i] = i}, {__index = cur}) end
print(cur.depth0, cur.depth25, cur.depth50, cur.depth51)
top[1] = "one"
print(top[1], mid[1], top[2])
