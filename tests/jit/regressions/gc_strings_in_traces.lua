-- Strings that live only in a running trace (and trace constants) must survive a
-- collection: the traces' GC values are roots.
local sub, fmt = string.sub, string.format
local grown, out = "", {}
for i = 1, 300 do
  local l = fmt("%06d|%s", i, i % 2 == 0 and "even" or "odd")
  grown = grown .. sub(l, 1, 2)
  if #grown > 40 then out[#out + 1] = grown; grown = "" end
  if i % 50 == 0 then collectgarbage() end
end
print(#out, out[1], out[#out], grown)
