-- Base64 encoding and decoding with the bit library.
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
local function encode(s)
  local out = {}
  for i = 1, #s, 3 do
    local a, b, c = s:byte(i, i + 2)
    local n = bit.bor(bit.lshift(a, 16), bit.lshift(b or 0, 8), c or 0)
    for j = 0, 3 do
      local idx = bit.band(bit.rshift(n, 18 - 6 * j), 63)
      out[#out + 1] = alphabet:sub(idx + 1, idx + 1)
    end
    if not b then out[#out] = "=" out[#out - 1] = "=" elseif not c then out[#out] = "=" end
  end
  return table.concat(out)
end
local rev = {}
for i = 1, #alphabet do rev[alphabet:sub(i, i)] = i - 1 end
local function decode(s)
  s = s:gsub("[^%w%+/=]", "")
  local out = {}
  for i = 1, #s, 4 do
    local n, pad = 0, 0
    for j = 0, 3 do
      local ch = s:sub(i + j, i + j)
      if ch == "=" then pad = pad + 1 n = bit.lshift(n, 6)
      else n = bit.bor(bit.lshift(n, 6), rev[ch]) end
    end
    local bytes = string.char(bit.band(bit.rshift(n, 16), 255), bit.band(bit.rshift(n, 8), 255), bit.band(n, 255))
    out[#out + 1] = bytes:sub(1, 3 - pad)
  end
  return table.concat(out)
end
for _, s in ipairs({"", "f", "fo", "foo", "foob", "fooba", "foobar", "Many hands make light work.", "\0\1\2\255"}) do
  local e = encode(s)
  print(string.format("%-30q %s %s", s, e, tostring(decode(e) == s)))
end
