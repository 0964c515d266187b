-- os.clock (a plain C function) in a hot loop.
local ok = 0
for i = 1, 300 do
  if os.clock() >= 0 then ok = ok + 1 end
end
print(ok)
