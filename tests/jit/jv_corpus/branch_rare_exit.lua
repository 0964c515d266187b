-- A side exit taken fewer times than hotexit never gets a side trace.
local s, r = 0, 0
for i = 1, 500 do
  if i % 97 == 0 then
    r = r + 1
  end
  s = s + i
end
print(s, r)
