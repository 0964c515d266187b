-- error() with levels 0, 1, 2 and 3.
local function lvl(n) error("level " .. n, n) end
local function caller(n) lvl(n) end
local function outer(n) caller(n) end
for n = 0, 4 do print(pcall(outer, n)) end
print(pcall(error, "direct"))
print(pcall(error, "direct2", 2))
local function named() error("from named") end
print(pcall(named))
print(pcall(error))
print(pcall(error, nil))
print(select("#", pcall(error)))
