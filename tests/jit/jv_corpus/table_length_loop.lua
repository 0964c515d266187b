-- The length operator as a while-loop condition.
local t = {}
while #t < 300 do
  t[#t + 1] = #t
end
print(#t, t[300])
