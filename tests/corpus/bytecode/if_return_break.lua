local function f(a)
  if a then return 1 end
  if a == 2 then return 2 else return 3 end
end
for i = 1, 10 do
  if i == 5 then break end
  if i == 3 then print(i) else break end
end
return f
