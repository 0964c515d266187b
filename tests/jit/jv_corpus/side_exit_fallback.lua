-- A hot side exit whose side trace always aborts falls back to the interpreter.
local f, s = nil, 0
for i = 1, 600 do
  if i % 2 == 0 then
    f = function() return 1 end
  end
  s = s + i
end
print(s, f())
