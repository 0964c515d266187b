-- string.sub(s, i, i + k) == "true"/"null"/"ab"/"xyz": FOLD turns the comparison of a
-- short new string with a constant into one unaligned load of 2 or 4 bytes.
local s = "..true,false,null,ab,xyz;true ab null xyz false"
local counts = {}
for i = 1, #s do
  local w
  if s:sub(i, i + 3) == "true" then w = "true"
  elseif s:sub(i, i + 4) == "false" then w = "false"
  elseif s:sub(i, i + 3) == "null" then w = "null"
  elseif s:sub(i, i + 1) == "ab" then w = "ab"
  elseif s:sub(i, i + 2) == "xyz" then w = "xyz"
  end
  if w then counts[#counts + 1] = w .. "@" .. i end
end
print(table.concat(counts, " "))
