-- luajit-options: -joff
-- a hook that needs much stack (deep recursion) runs at every call, return and
-- line: the stack grows (moves) under the running code many times
local function deep(n) if n == 0 then return 0 end return 1 + deep(n - 1) end
local depth = 50
local calls = 0
debug.sethook(function(e)
  calls = calls + 1
  deep(depth)
  depth = depth + 40
end, "crl")
local a, b, c, d, e, f, g, h, i, j, k, l, m, n, o = 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15
local t = {5, 3, 8, 1}
table.sort(t, function(x, y) return x < y end)
local s = 0
for key, v in ipairs(t) do s = s + key * v end
local mt = setmetatable({}, {__index = function(_, key) return key .. "!" end,
                             __add = function(x, y) return 100 end})
local r1, r2 = mt.foo, mt + 1
local function tail(x) return select("#", x, x) end
local ok, msg = pcall(error, "caught")
local str = ("abc"):gsub(".", function(ch) return ch:upper() end)
debug.sethook()
print(a + o, s, r1, r2, tail(1), ok, msg, str, calls > 20, depth > 1000)
