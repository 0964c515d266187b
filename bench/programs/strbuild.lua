-- String building: formatted lines joined with table.concat, short strings
-- grown with '..', string.rep/sub/byte/char/upper/len, then a checksum over
-- the bytes of the results. Exercises string interning and the string library.
-- usage: strbuild.lua [N]   (default 20000: lines built)

local format, rep, sub, byte, char, upper = string.format, string.rep, string.sub,
  string.byte, string.char, string.upper
local concat = table.concat

local function line(i)
  local name = char(97 + i % 26) .. char(97 + (i * 7) % 26) .. char(97 + (i * 13) % 26)
  return format("%06d|%-8s|%5.2f|%x", i, upper(name) .. rep("-", i % 4), i / 7, i)
end

local function checksum(s, h)
  for i = 1, #s, 3 do
    h = (h * 33 + byte(s, i)) % 1000000007
  end
  return h
end

local function build(n)
  local lines, h, grown = {}, 0, ""
  for i = 1, n do
    local l = line(i)
    lines[#lines + 1] = l
    grown = grown .. sub(l, 1, 2)
    if #grown > 200 then
      h = checksum(grown, h)
      grown = ""
    end
  end
  local text = concat(lines, "\n")
  return text, checksum(grown, h)
end

local n = tonumber(arg and arg[1]) or 20000
local text, h = build(n)
print("strbuild", n, "bytes", #text, "checksum", checksum(text, h))
print(sub(text, 1, 32))
