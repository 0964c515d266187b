-- __concat in a loop: the continuation frame over the operands, partial results and
-- a metamethod returning a non-string, recorded and replayed by traces.
local mt = {}
mt.__concat = function(a, b)
  local x = type(a) == "table" and a.v or a
  local y = type(b) == "table" and b.v or b
  if x == "t" or y == "t" then return setmetatable({v = "T"}, mt) end
  return x .. y
end
local o = setmetatable({v = "o"}, mt)
local t = setmetatable({v = "t"}, mt)
local n, s = 0, ""
for i = 1, 60 do
  s = "a" .. o .. "b" .. i
  local r = i % 3 == 0 and (t .. "x" .. o) or (o .. i .. o)
  n = n + #s + (type(r) == "table" and 100 or #r)
end
print(s, n)
