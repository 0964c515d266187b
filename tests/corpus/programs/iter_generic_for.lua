-- Generic for with custom stateless and stateful iterators.
local function iter(t, i)
  i = i + 1
  if t[i] then return i, t[i] end
end
local function my_ipairs(t) return iter, t, 0 end
for i, v in my_ipairs({"a", "b", "c"}) do io.write(i, v, " ") end
print()
local function chars(s)
  local i = 0
  return function() i = i + 1 if i <= #s then return s:sub(i, i), i end end
end
for c, i in chars("hey") do io.write(c, i, " ") end
print()
for k, v in next, {10, 20} do io.write(k, "=", v, " ") end
print()
local function rev(t)
  return function(t, i) i = i - 1 if i > 0 then return i, t[i] end end, t, #t + 1
end
for i, v in rev({"x", "y", "z"}) do io.write(i, v, " ") end
print()
local calls = 0
for a, b, c, d in function(_, x) calls = calls + 1 if calls <= 2 then return calls, nil, "c", nil end end do
  print(a, b, c, d)
end
print(pcall(function() for x in 5 do end end))
print(pcall(function() for x in nil do end end))
