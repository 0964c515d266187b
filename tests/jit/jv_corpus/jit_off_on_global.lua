-- jit.off() for the whole engine, then jit.on() again.
local function loop()
  local s = 0
  for i = 1, 200 do s = s + i end
  return s
end
jit.off()
print(loop())
jit.on()
print(loop())
