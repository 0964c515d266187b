-- "attempt to perform arithmetic" names the operand.
local function try(f) local ok, e = pcall(f) print(e) end
local up = {}
local cfg = {n = "x"}
try(function() local a; return a + 1 end)
try(function() return 1 + glob end)
try(function() return cfg.missing * 2 end)
try(function() return up - 1 end)
try(function() return cfg.n / 2 end)
try(function() return -cfg end)
try(function() local s = "abc" return s % 2 end)
try(function() return 2 ^ true end)
try(function() local t = {} return t.a.b + 1 end)
try(function() return {} + {} end)
try(function() local a, b = 1, nil return a + b end)
try(function() local x = 1 return x + cfg.q end)
try(function() return cfg[1] - 1 end)
try(function() return print * 2 end)
