-- A small program that shows what MoonLens does with a file.
local function fib(n)
  if n < 2 then return n end
  return fib(n - 1) + fib(n - 2)
end

local squares = {}
for i = 1, 10 do
  squares[#squares + 1] = i * i
end

local words = { "lua", "jit", "moon", "lens" }
for i, w in ipairs(words) do
  words[i] = w:upper()
end

print("fib(20) = " .. fib(20))
print("squares: " .. table.concat(squares, " "))
print("words: " .. table.concat(words, ", "))
