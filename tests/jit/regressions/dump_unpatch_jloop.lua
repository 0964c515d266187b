-- vm/bcdump.py (string.dump) with the JIT on: a loop compiled into a trace is dumped
-- as its JFORL (JLOOP, JITERL) instead of the original FORL: LuaJIT's lj_bcwrite puts
-- back the trace's start instruction. Not the JIT core itself: the writer needs
-- vm.jit.traces[d].startins.
-- LuaJIT test suite: lib/string/dump.lua "Must unpatch modified bytecode with
-- ILOOP/JLOOP etc." (not trace/ or opt/).
--   luajit x.lua             -> true
--   moonlens run -jon x.lua  -> false
local function foo()
  local t = {}
  for i = 1, 100 do t[i] = i end
end
local d1 = string.dump(foo)
foo()
print(string.dump(foo) == d1)
