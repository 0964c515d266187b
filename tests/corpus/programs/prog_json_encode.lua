-- A JSON encoder with sorted object keys, escapes and cycle detection.
local encode
local escapes = {['"'] = '\\"', ["\\"] = "\\\\", ["\b"] = "\\b", ["\f"] = "\\f",
  ["\n"] = "\\n", ["\r"] = "\\r", ["\t"] = "\\t"}
local function encode_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    return escapes[c] or string.format("\\u%04x", c:byte())
  end) .. '"'
end
local function is_array(t)
  local n = 0
  for k in pairs(t) do
    if type(k) ~= "number" or k <= 0 or k % 1 ~= 0 then return false end
    n = math.max(n, k)
  end
  return n == #t, n
end
local function encode_table(t, seen)
  if seen[t] then error("cycle detected", 0) end
  seen[t] = true
  local out = {}
  local arr, n = is_array(t)
  if arr and (n > 0 or next(t) == nil) then
    for i = 1, n do out[i] = encode(t[i], seen) end
    seen[t] = nil
    return "[" .. table.concat(out, ",") .. "]"
  end
  local keys = {}
  for k in pairs(t) do keys[#keys + 1] = tostring(k) end
  table.sort(keys)
  for _, k in ipairs(keys) do
    local v = t[k]
    if v == nil then v = t[tonumber(k)] end
    out[#out + 1] = encode_string(k) .. ":" .. encode(v, seen)
  end
  seen[t] = nil
  return "{" .. table.concat(out, ",") .. "}"
end
function encode(v, seen)
  seen = seen or {}
  local tv = type(v)
  if tv == "nil" then return "null"
  elseif tv == "boolean" then return tostring(v)
  elseif tv == "number" then
    if v ~= v or v == math.huge or v == -math.huge then error("cannot encode " .. tostring(v), 0) end
    if v % 1 == 0 and math.abs(v) < 1e15 then return string.format("%d", v) end
    return string.format("%.14g", v)
  elseif tv == "string" then return encode_string(v)
  elseif tv == "table" then return encode_table(v, seen)
  end
  error("cannot encode a " .. tv, 0)
end
print(encode({1, 2, 3}))
print(encode({name = "MoonLens", version = 0.1, tags = {"lua", "jit"}, nested = {a = {b = {}}}}))
print(encode("quote\" backslash\\ newline\n tab\t ctrl\1"))
print(encode({true, false, 1.5, -0.25, 1e20, 3}))
print(encode({[1] = "a", [3] = "c"}))
print(encode({}))
local cyc = {}
cyc.self = cyc
print(pcall(encode, cyc))
print(pcall(encode, {f = print}))
print(pcall(encode, {0 / 0}))
