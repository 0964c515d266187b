-- Weak values: entries whose value is collected disappear; strings never do.
local reg = setmetatable({}, {__mode = "v"})
local keep = {name = "keep"}
local function add()
  reg[1] = {name = "temp1"}
  reg[2] = keep
  reg[3] = "a string"
  reg[4] = 42
  reg[5] = function() end
  reg.x = {name = "temp2"}
end
add()
collectgarbage()
print(reg[1], reg[2] and reg[2].name, reg[3], reg[4], reg[5], reg.x)
local n = 0
for k in pairs(reg) do n = n + 1 end
print(n)
keep = nil
collectgarbage()
print(reg[2])
local kv = setmetatable({}, {__mode = "kv"})
local function fill() kv[{}] = {} kv[1] = {} kv.s = "s" end
fill()
collectgarbage()
local m = 0
for _ in pairs(kv) do m = m + 1 end
print(m, kv.s)
