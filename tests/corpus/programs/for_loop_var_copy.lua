-- Assigning to the loop variable does not change the iteration.
for i = 1, 3 do
  local orig = i
  i = i * 10
  io.write(orig, "->", i, " ")
end
print()
local t = {"a", "b", "c"}
for k, v in ipairs(t) do
  k = k + 100
  v = v:upper()
  io.write(k, v, " ")
end
print()
local n = 3
for i = 1, n do n = n + 1 io.write(i, " ") end
print(n)
local step = 1
for i = 1, 5, step do step = 2 io.write(i, " ") end
print()
