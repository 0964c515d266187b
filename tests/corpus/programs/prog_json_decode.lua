-- A recursive-descent JSON decoder with error positions.
local decode
local function skip(s, i) return s:find("[^ \t\r\n]", i) or #s + 1 end
local function err(s, i, what) error(string.format("%s at position %d", what, i), 0) end
local function parse_string(s, i)
  local out, j = {}, i + 1
  while true do
    local c = s:sub(j, j)
    if c == "" then err(s, j, "unterminated string") end
    if c == '"' then return table.concat(out), j + 1 end
    if c == "\\" then
      local e = s:sub(j + 1, j + 1)
      local map = {n = "\n", t = "\t", r = "\r", b = "\b", f = "\f", ['"'] = '"', ["\\"] = "\\", ["/"] = "/"}
      if map[e] then out[#out + 1] = map[e] j = j + 2
      elseif e == "u" then
        local hex = s:sub(j + 2, j + 5)
        local code = tonumber(hex, 16) or err(s, j, "bad unicode escape")
        out[#out + 1] = code < 128 and string.char(code) or "?"
        j = j + 6
      else err(s, j, "bad escape") end
    else
      out[#out + 1] = c
      j = j + 1
    end
  end
end
local function parse_value(s, i)
  i = skip(s, i)
  local c = s:sub(i, i)
  if c == "{" then
    local obj = {}
    i = skip(s, i + 1)
    if s:sub(i, i) == "}" then return obj, i + 1 end
    while true do
      if s:sub(i, i) ~= '"' then err(s, i, "expected key") end
      local k
      k, i = parse_string(s, i)
      i = skip(s, i)
      if s:sub(i, i) ~= ":" then err(s, i, "expected ':'") end
      obj[k], i = parse_value(s, i + 1)
      i = skip(s, i)
      local d = s:sub(i, i)
      if d == "}" then return obj, i + 1 end
      if d ~= "," then err(s, i, "expected ',' or '}'") end
      i = skip(s, i + 1)
    end
  elseif c == "[" then
    local arr, n = {}, 0
    i = skip(s, i + 1)
    if s:sub(i, i) == "]" then return arr, i + 1 end
    while true do
      n = n + 1
      arr[n], i = parse_value(s, i)
      i = skip(s, i)
      local d = s:sub(i, i)
      if d == "]" then return arr, i + 1 end
      if d ~= "," then err(s, i, "expected ',' or ']'") end
      i = i + 1
    end
  elseif c == '"' then return parse_string(s, i)
  elseif s:find("^true", i) then return true, i + 4
  elseif s:find("^false", i) then return false, i + 5
  elseif s:find("^null", i) then return nil, i + 4
  else
    local num = s:match("^-?%d+%.?%d*[eE]?[-+]?%d*", i)
    if num and #num > 0 then return tonumber(num), i + #num end
    err(s, i, "unexpected character '" .. c .. "'")
  end
end
function decode(s)
  local v, i = parse_value(s, 1)
  i = skip(s, i)
  if i <= #s then err(s, i, "trailing garbage") end
  return v
end
local function show(v, indent)
  indent = indent or ""
  if type(v) ~= "table" then return tostring(v) end
  local keys = {}
  for k in pairs(v) do keys[#keys + 1] = k end
  table.sort(keys, function(a, b) return tostring(a) < tostring(b) end)
  local out = {}
  for _, k in ipairs(keys) do out[#out + 1] = indent .. "  " .. tostring(k) .. " = " .. show(v[k], indent .. "  ") end
  return "{\n" .. table.concat(out, "\n") .. "\n" .. indent .. "}"
end
print(show(decode('{"a": [1, 2.5, -3e2, true, false, null], "b": {"c": "x\\ty\\u0041"}, "d": []}')))
print(decode("  42  "), decode('"str"'), decode("[]")[1], #decode("[1,[2,[3]]]"))
for _, bad in ipairs({"{", "[1,", '{"a" 1}', "[1 2]", "tru", '"abc', "1 2", '"\\q"'}) do
  print(bad, pcall(decode, bad))
end
