-- Results adjusted through returns, parentheses and method calls.
local function many(n) local t = {} for i = 1, n do t[i] = i * 10 end return unpack(t) end
local function forward(n) return many(n) end
local function trunc(n) return (many(n)) end
local function append(n) return many(n), "tail" end
print(forward(4))
print(trunc(4))
print(append(4))
print(select("#", forward(0)), select("#", trunc(0)), select("#", append(0)))
local obj = {v = 5}
function obj:get() return self.v, self.v * 2 end
print(obj:get())
print(obj:get(), obj:get())
local function cond(x) if x then return 1, 2 else return end end
print(cond(true))
print(cond(false))
print(pcall(many, 3))
print(pcall(pcall, many, 2))
local co = coroutine.wrap(function(...) local a, b = coroutine.yield(...) return a, b, "done" end)
print(co(1, 2, 3))
print(co("x", "y"))
