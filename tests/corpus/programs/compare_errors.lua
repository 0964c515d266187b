-- Ordering comparisons between incompatible types.
local function try(f) print(pcall(f)) end
local t, n, s, b = {}, 1, "s", true
try(function() return t < t end)
try(function() return n < s end)
try(function() return s <= n end)
try(function() return b > b end)
try(function() return nil < 1 end)
try(function() return {} >= {} end)
try(function() return print < print end)
try(function() return n > nil end)
try(function() return coroutine.create(print) < 1 end)
try(function() local x; return x <= "a" end)
