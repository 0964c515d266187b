-- pcall is recorded: the called function runs in a protected frame inside the trace;
-- exits inside it rebuild the pcall frame, so later errors are still caught by it.
local function f(x, y) return x + y, x * y end
local function g(x)
  if x % 7 == 0 then error("seven " .. x) end
  if x % 5 == 0 then return nil, "five" end
  return x
end
local s, t, errs, fives = 0, 0, {}, 0
for i = 1, 100 do
  local ok, a, b = pcall(f, i, 2)
  s = s + a + b
  local ok2, v, w = pcall(g, i)
  if not ok2 then errs[#errs + 1] = v elseif w then fives = fives + 1 else t = t + v end
end
print(s, t, #errs, errs[1], errs[#errs], fives)
local function nested(n)
  if n == 0 then error({code = 10}) end
  local ok, e = pcall(nested, n - 1)
  if ok then return e + n end
  return (type(e) == "table" and e.code or -1) + n
end
for i = 1, 20 do s = s + nested(i % 4 + 1) end
print(s, select("#", pcall(f, 1, 2)), pcall(error))
