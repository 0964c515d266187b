-- JIT core (recorder, pcall of a builtin that raises): after recording
-- pcall(bit.band, "z") the recorder still takes the builtin for the current function,
-- so the next upvalue access (UGET vb) specialises on it and crashes in cse_uref
-- (trace.py upvalue_of: "'CFunc' object has no attribute 'uvs'").
-- LuaJIT test suite: lib/bit.lua "shift test vectors" (not trace/ or opt/).
--   luajit -jv x.lua         -> 100, two aborts "guard would always fail"
--   moonlens run -jon x.lua  -> internal error: AttributeError: 'CFunc' object has
--                               no attribute 'uvs'
local vb = {1, 2, 3}
local function g(f)
  local n = 0
  for i = 1, 100 do
    pcall(f, "z")
    n = n + vb[1]
  end
  return n
end
print(g(bit.band))
