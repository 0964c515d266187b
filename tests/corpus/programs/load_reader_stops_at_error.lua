-- load() with a reader function reads pieces only as the lexer needs them: after a
-- syntax error it reads no further (the reader's side effects show it).
local calls = 0
local function reader(s)
  local i = 0
  return function()
    calls = calls + 1
    i = i + 1
    return s:sub(i, i)
  end
end
print(load(reader("*a = 123")))
print(calls)
calls = 0
print(load(reader("x = = 1 and more text after the error")))
print(calls)
calls = 0
local f = load(reader("return 1 + 2"))
print(f(), calls)
calls = 0
print(load(reader("return (1")))
print(calls)
