-- jit.flush() throws away all traces; the loop compiles again afterwards.
local function run()
  local s = 0
  for i = 1, 200 do s = s + i end
  return s
end
print(run())
jit.flush()
print(run())
print(run())
