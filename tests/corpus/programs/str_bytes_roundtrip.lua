-- Every byte value survives char/byte, sub, rep, upper/lower (C locale) and patterns.
local ok = true
for b = 0, 255 do
  local c = string.char(b)
  if c:byte() ~= b or #c ~= 1 or c:rep(3):byte(3) ~= b then ok = false end
end
print(ok)
local changed = {}
for b = 0, 255 do
  local c = string.char(b)
  if c:upper() ~= c then changed[#changed + 1] = b end
end
print(#changed, changed[1], changed[#changed])
local hi = string.char(200, 201, 255)
print(hi:upper() == hi, hi:lower() == hi, #hi:gsub(".", "%0%0"), hi:find("\201", 1, true))
print(("%q"):format(string.char(0, 10, 13, 34, 92, 200)):byte(1, -1))
