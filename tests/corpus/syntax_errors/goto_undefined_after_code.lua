local x = 1
if x then
  goto done
end
print(x)
