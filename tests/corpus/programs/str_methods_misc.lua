-- String utilities built on the library: split, trim, startswith, padding.
local function split(s, sep)
  local out = {}
  for piece in (s .. sep):gmatch("(.-)" .. sep:gsub("%p", "%%%0")) do out[#out + 1] = piece end
  return out
end
local function trim(s) return (s:gsub("^%s+", ""):gsub("%s+$", "")) end
local function startswith(s, p) return s:sub(1, #p) == p end
local function pad(s, n) return s .. (" "):rep(n - #s) end
local parts = split("a,b,,c", ",")
print(#parts, table.concat(parts, "|"))
print(#split("x.y.z", "."), split("one", ";")[1])
print("[" .. trim("  \t padded \n ") .. "]")
print(startswith("prefix-rest", "prefix"), startswith("pre", "prefix"))
print("[" .. pad("ab", 5) .. "]", ("%-5s|"):format("ab"))
local csv = "name,age\nann,31\nbob,42"
for line in csv:gmatch("[^\n]+") do
  local fields = split(line, ",")
  print(fields[1]:upper(), fields[2])
end
local count = select(2, ("banana"):gsub("a", ""))
print(count)
