-- A tokenizer for a small expression language.
local function tokenize(src)
  local tokens, i = {}, 1
  local keywords = {["let"] = true, ["in"] = true, ["if"] = true, ["then"] = true, ["else"] = true}
  while i <= #src do
    local c = src:sub(i, i)
    if c:match("%s") then i = i + 1
    elseif c:match("%d") then
      local num = src:match("^%d+%.?%d*", i)
      tokens[#tokens + 1] = {"num", tonumber(num)}
      i = i + #num
    elseif c:match("[%a_]") then
      local id = src:match("^[%w_]+", i)
      tokens[#tokens + 1] = {keywords[id] and "kw" or "id", id}
      i = i + #id
    elseif c == '"' then
      local j = src:find('"', i + 1, true)
      if not j then error("unterminated string at " .. i, 0) end
      tokens[#tokens + 1] = {"str", src:sub(i + 1, j - 1)}
      i = j + 1
    else
      local two = src:sub(i, i + 1)
      if two == "==" or two == "<=" or two == ">=" or two == "->" then
        tokens[#tokens + 1] = {"op", two}
        i = i + 2
      elseif c:match("[%+%-%*/%(%)<>=,]") then
        tokens[#tokens + 1] = {"op", c}
        i = i + 1
      else
        error(string.format("unexpected %q at %d", c, i), 0)
      end
    end
  end
  return tokens
end
local function show(tokens)
  local out = {}
  for _, t in ipairs(tokens) do out[#out + 1] = t[1] .. "(" .. tostring(t[2]) .. ")" end
  return table.concat(out, " ")
end
print(show(tokenize('let x = 3.5 in if x >= 2 then "big" else f(x, 10) * 2')))
print(show(tokenize("a->b==c<=d")))
print(pcall(tokenize, 'x = "open'))
print(pcall(tokenize, "x = 1 # 2"))
print(#tokenize(("a + "):rep(100) .. "a"))
