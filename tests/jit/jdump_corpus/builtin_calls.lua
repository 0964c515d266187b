-- Builtins compiled to IR calls: argument padding, NULL results, the calls that
-- may throw (guards), a string method through the string metatable, and a loop
-- whose bounds come from variables (read-only inherited SLOADs).
local n = 100
local parts = {"a", "b", "c"}
local hits, len = 0, 0
for i = 1, n do
  local s = ("ab"):rep(3)
  len = len + #s:upper()
  if string.find("hello world", "o w", 1, true) then hits = hits + 1 end
  len = len + #table.concat(parts, ",", 1, 3)
end
print(hits, len)
