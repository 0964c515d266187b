-- JSON round trip: encode a generated document (objects with sorted keys,
-- arrays, numbers, strings with escapes), decode it again with a recursive-
-- descent parser and re-encode it. String heavy: string.byte/char/sub/format,
-- table.concat, table.sort.
-- usage: json.lua [N]   (default 200: records in the document; it makes 3 round trips)

local byte, char, sub, format = string.byte, string.char, string.sub, string.format
local concat, sort = table.concat, table.sort

-- Encoder ---------------------------------------------------------------------

local ESCAPES = { [8] = "\\b", [9] = "\\t", [10] = "\\n", [12] = "\\f", [13] = "\\r",
                  [34] = "\\\"", [92] = "\\\\" }

local function encode_string(s, out)
  out[#out + 1] = '"'
  local start = 1
  for i = 1, #s do
    local b = byte(s, i)
    if b < 32 or b == 34 or b == 92 then
      if i > start then
        out[#out + 1] = sub(s, start, i - 1)
      end
      out[#out + 1] = ESCAPES[b] or format("\\u%04x", b)
      start = i + 1
    end
  end
  if start <= #s then
    out[#out + 1] = sub(s, start)
  end
  out[#out + 1] = '"'
end

local encode_value

local function encode_array(t, out)
  out[#out + 1] = "["
  for i = 1, #t do
    if i > 1 then
      out[#out + 1] = ","
    end
    encode_value(t[i], out)
  end
  out[#out + 1] = "]"
end

local function encode_object(t, out)
  local keys = {}
  for k in pairs(t) do
    keys[#keys + 1] = k
  end
  sort(keys)
  out[#out + 1] = "{"
  for i = 1, #keys do
    if i > 1 then
      out[#out + 1] = ","
    end
    encode_string(keys[i], out)
    out[#out + 1] = ":"
    encode_value(t[keys[i]], out)
  end
  out[#out + 1] = "}"
end

function encode_value(v, out)
  local kind = type(v)
  if kind == "string" then
    encode_string(v, out)
  elseif kind == "number" then
    if v == math.floor(v) then
      out[#out + 1] = format("%d", v)
    else
      out[#out + 1] = format("%.14g", v)
    end
  elseif kind == "boolean" then
    out[#out + 1] = v and "true" or "false"
  elseif kind == "table" then
    if v[1] ~= nil or next(v) == nil then
      encode_array(v, out)
    else
      encode_object(v, out)
    end
  else
    out[#out + 1] = "null"
  end
end

local function encode(v)
  local out = {}
  encode_value(v, out)
  return concat(out)
end

-- Decoder ---------------------------------------------------------------------

local B_QUOTE, B_BACKSLASH, B_LBRACE, B_LBRACKET = 34, 92, 123, 91
local B_RBRACE, B_RBRACKET, B_COMMA, B_COLON = 125, 93, 44, 58
local UNESCAPE = { [98] = "\b", [116] = "\t", [110] = "\n", [102] = "\f", [114] = "\r",
                   [34] = "\"", [92] = "\\", [47] = "/" }

local decode_value

local function skip_space(s, i)
  local b = byte(s, i)
  while b == 32 or b == 9 or b == 10 or b == 13 do
    i = i + 1
    b = byte(s, i)
  end
  return i
end

local function decode_string(s, i)
  local parts, start = {}, i + 1
  i = start
  while true do
    local b = byte(s, i)
    if b == B_QUOTE then
      parts[#parts + 1] = sub(s, start, i - 1)
      return concat(parts), i + 1
    elseif b == B_BACKSLASH then
      parts[#parts + 1] = sub(s, start, i - 1)
      local e = byte(s, i + 1)
      if e == 117 then
        parts[#parts + 1] = char(tonumber(sub(s, i + 2, i + 5), 16))
        i = i + 6
      else
        parts[#parts + 1] = UNESCAPE[e]
        i = i + 2
      end
      start = i
    elseif b == nil then
      error("unterminated string")
    else
      i = i + 1
    end
  end
end

local function decode_number(s, i)
  local j = i
  local b = byte(s, j)
  while b and (b == 45 or b == 43 or b == 46 or b == 101 or b == 69 or (b >= 48 and b <= 57)) do
    j = j + 1
    b = byte(s, j)
  end
  return tonumber(sub(s, i, j - 1)), j
end

local function decode_array(s, i)
  local t, n = {}, 0
  i = skip_space(s, i + 1)
  if byte(s, i) == B_RBRACKET then
    return t, i + 1
  end
  while true do
    local v
    v, i = decode_value(s, i)
    n = n + 1
    t[n] = v
    i = skip_space(s, i)
    local b = byte(s, i)
    if b == B_RBRACKET then
      return t, i + 1
    elseif b ~= B_COMMA then
      error("expected ',' or ']' at " .. i)
    end
    i = skip_space(s, i + 1)
  end
end

local function decode_object(s, i)
  local t = {}
  i = skip_space(s, i + 1)
  if byte(s, i) == B_RBRACE then
    return t, i + 1
  end
  while true do
    local k, v
    k, i = decode_string(s, i)
    i = skip_space(s, i)
    if byte(s, i) ~= B_COLON then
      error("expected ':' at " .. i)
    end
    v, i = decode_value(s, skip_space(s, i + 1))
    t[k] = v
    i = skip_space(s, i)
    local b = byte(s, i)
    if b == B_RBRACE then
      return t, i + 1
    elseif b ~= B_COMMA then
      error("expected ',' or '}' at " .. i)
    end
    i = skip_space(s, i + 1)
  end
end

function decode_value(s, i)
  local b = byte(s, i)
  if b == B_LBRACE then
    return decode_object(s, i)
  elseif b == B_LBRACKET then
    return decode_array(s, i)
  elseif b == B_QUOTE then
    return decode_string(s, i)
  elseif sub(s, i, i + 3) == "true" then
    return true, i + 4
  elseif sub(s, i, i + 4) == "false" then
    return false, i + 5
  elseif sub(s, i, i + 3) == "null" then
    return nil, i + 4
  end
  return decode_number(s, i)
end

local function decode(s)
  local v, i = decode_value(s, skip_space(s, 1))
  if skip_space(s, i) <= #s then
    error("trailing text at " .. i)
  end
  return v
end

-- The document ----------------------------------------------------------------

local WORDS = { "alpha", "beta", "gamma", "delta", "tab\there", "quote\"d", "back\\slash",
                "line\nbreak", "bell\007", "caf\195\169" }

local function record(i)
  return {
    id = i,
    name = "item-" .. i,
    price = i * 1.25,
    ratio = i / 8,
    active = i % 3 == 0,
    tags = { WORDS[i % #WORDS + 1], WORDS[(i * 7) % #WORDS + 1] },
    point = { x = i * 2, y = -i, label = format("p%05d", i) },
    history = { i, i + 1, i + 2, i * i },
    note = (i % 5 == 0) and WORDS[i % #WORDS + 1] or "",
  }
end

local function document(count)
  local items = {}
  for i = 1, count do
    items[i] = record(i)
  end
  return { version = 3, title = "MoonLens \"bench\"", items = items, empty = {} }
end

local function hash(s)
  local h = 0
  for i = 1, #s do
    h = (h * 31 + byte(s, i)) % 1000000007
  end
  return h
end

local count = tonumber(arg and arg[1]) or 200
local rounds = 3
local doc = document(count)
local text = encode(doc)
local same = true
for _ = 1, rounds do
  local again = encode(decode(text))
  if again ~= text then
    same = false
  end
  text = again
end
print("json", count, "bytes", #text, "hash", hash(text), "roundtrip", same)
