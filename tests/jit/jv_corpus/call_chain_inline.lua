-- A chain of Lua calls, all inlined.
local function h(x) return x + 1 end
local function g(x) return h(x) * 2 end
local function f(x) return g(x) - h(x) end
local s = 0
for i = 1, 300 do
  s = s + f(i)
end
print(s)
