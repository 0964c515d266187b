-- while and repeat loops; repeat's condition sees the body's locals.
local i, out = 0, {}
while i < 5 do i = i + 1 out[#out + 1] = i end
print(table.concat(out, ","))
local n = 0
repeat local done = n >= 3; n = n + 1 until done
print(n)
local x = 10
while true do
  x = x - 3
  if x < 0 then break end
end
print(x)
local count = 0
for a = 1, 5 do
  for b = 1, 5 do
    if b > a then break end
    count = count + 1
  end
end
print(count)
local k = 0
repeat
  k = k + 1
  if k == 2 then goto cont end
  io.write(k, " ")
  ::cont::
until k >= 4
print()
while false do print("never") end
repeat print("once") until true
