-- __len is ignored for tables in Lua 5.1; __concat is used.
local mt = {__concat = function(a, b) return a.s .. b end}
local o = setmetatable({s = "o"}, mt)
local n = 0
for i = 1, 300 do
  n = n + #(o .. "x")
end
print(n)
