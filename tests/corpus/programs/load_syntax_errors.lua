-- Syntax error messages returned by loadstring.
local sources = {
  "x = ", "local 1 = 2", "if x then", "f(", "return 1 2", "x = }", "a.b:c = 1",
  "for i = 1 do end", "function f( return end", "local t = {1, 2", "x = 'abc",
  "x = [[abc", "goto nowhere", "::a:: ::a::", "break", "local x <const> = 1",
  "x = 1e", "x = 0x", "x = 3..4", "return ...", "function f() return ... end",
  "a, b", "(f)", "x = #", "while true do", "repeat until", "x = \"\\q\"", "x = '\\300'",
  "--[[ unfinished", "return 1 ~= 2 ~ 3",
}
for i, src in ipairs(sources) do
  local f, err = loadstring(src, "=src" .. i)
  print(i, f and "ok" or err)
end
