-- A side trace inherits the u8 result of string.byte from its parent (SLOAD u8 PI).
local byte = string.byte
local function f(s)
  local n = 0
  for i = 1, #s do
    local b = byte(s, i)
    if b == 34 then n = n + 1000 end
    n = n + b
  end
  return n
end
local words = {"alpha", "be\"ta", "gamma delta", "x", "", "longer \"string\" here"}
for r = 1, 3 do for _, w in ipairs(words) do io.write(f(w), " ") end end
print()
