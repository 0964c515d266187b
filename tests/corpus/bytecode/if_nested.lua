local a, b, c = ...
if a then
  if b then
    if c then print(1) else print(2) end
  elseif c then
    print(3)
  end
else
  if b then print(4) end
end
