-- Run-length encoding and decoding.
local function encode(s)
  local out, i = {}, 1
  while i <= #s do
    local c = s:sub(i, i)
    local j = i
    while s:sub(j + 1, j + 1) == c do j = j + 1 end
    local n = j - i + 1
    out[#out + 1] = (n > 1 and n or "") .. c
    i = j + 1
  end
  return table.concat(out)
end
local function decode(s)
  return (s:gsub("(%d*)(%D)", function(n, c) return c:rep(tonumber(n) or 1) end))
end
for _, s in ipairs({"aaabccdddd", "abc", "", "zzzzzzzzzzzz", "aabbaabb", ("x"):rep(100) .. "y"}) do
  local e = encode(s)
  print(#s, e, decode(e) == s)
end
