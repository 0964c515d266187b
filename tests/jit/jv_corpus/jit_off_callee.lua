-- A hot loop calling a function under jit.off: the trace aborts at the call.
local function f(x) return x + 1 end
jit.off(f)
local s = 0
for i = 1, 300 do
  s = f(s)
end
print(s)
