-- Concatenation errors name the offending operand.
local function try(f) local ok, e = pcall(f) print(e) end
local up = {}
local t = {name = "n", list = {}}
try(function() local l; return "a" .. l end)
try(function() return "a" .. glob end)
try(function() return t.missing .. "a" end)
try(function() return "a" .. up end)
try(function() return t.name .. t.list .. "x" end)
try(function() return "a" .. "b" .. {} end)
try(function() return 1 .. true end)
try(function() local x, y = "ok", nil return x .. y .. x end)
try(function() return t[1] .. "" end)
