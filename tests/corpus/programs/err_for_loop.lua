-- Numeric for loops check their control values.
local function try(f) local ok, e = pcall(f) print(e) end
try(function() for i = nil, 2 do end end)
try(function() for i = 1, "x" do end end)
try(function() for i = 1, 2, {} do end end)
try(function() local start = "a" for i = start, 2 do end end)
try(function() for i = 1, nil do end end)
try(function() local t = {} for i = 1, t.n do end end)
for i = "1", "3" do io.write(i, " ") end
print()
for i = 1, "2", "0.5" do io.write(i, " ") end
print()
