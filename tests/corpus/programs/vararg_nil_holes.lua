-- Varargs with nil holes survive packing and unpacking with explicit counts.
local function pack(...) return {n = select("#", ...), ...} end
local p = pack(nil, 2, nil, 4, nil)
print(p.n, p[1], p[2], p[3], p[4], p[5])
print(unpack(p, 1, p.n))
print(select("#", unpack(p, 1, p.n)))
local function pass(...) return ... end
print(select("#", pass(nil, nil, nil)))
local function tostr(...)
  local out = {}
  for i = 1, select("#", ...) do out[i] = tostring((select(i, ...))) end
  return table.concat(out, ",")
end
print(tostr(1, nil, false, nil), tostr(), tostr(nil))
local t = {...}
print(#t, select("#", ...))
