-- Numeric for loops: float steps, negative steps, empty ranges, large bounds.
local function run(a, b, c)
  local out = {}
  if c then
    for i = a, b, c do out[#out + 1] = i if #out > 12 then break end end
  else
    for i = a, b do out[#out + 1] = i if #out > 12 then break end end
  end
  return table.concat(out, " ")
end
print(run(1, 3))
print(run(3, 1))
print(run(3, 1, -1))
print(run(0, 1, 0.25))
print(run(1, 0, 0.25))
print(run(0.1, 0.5, 0.1))
print(run(1, 2, 0.3))
print(run(-5, -10, -2))
print(run(1, 1))
print(run(2^53 - 2, 2^53))
print(run(1, math.huge, 2^60))
print(run(1, 0/0))
print(run(0/0, 1))
print(run(5, 5, -1))
print(run(1, 3, 0))
print(run(-1, -1.5, -0.5))
