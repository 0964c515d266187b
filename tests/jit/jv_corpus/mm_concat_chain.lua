-- __concat chains recorded through the continuation (lj_cont_cat): partial
-- results, two metamethods in one CAT, and a tail-called builtin (NYI: return to lower frame)
local mt = {__concat = function(a, b)
  local x = type(a) == "table" and a.v or a
  local y = type(b) == "table" and b.v or b
  return x .. y
end}
local o = setmetatable({v = "o"}, mt)
local s, n = "", 0
for i = 1, 100 do s = "a" .. o .. "b" .. i; n = n + #s end
print(s, n)
for i = 1, 100 do s = o .. o; n = n + #s end
print(s, n)
for i = 1, 100 do s = i .. o .. i .. o; n = n + #s end
print(s, n)
local p = setmetatable({v = "p"}, {__concat = function(a, b) return setmetatable({v = "q"}, getmetatable(o)) end})
for i = 1, 100 do s = "z" .. p .. "w"; n = n + 1 end
print(type(s), s.v, n)
