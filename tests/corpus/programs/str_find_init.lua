-- Init positions beyond either end of the string.
local s = "abcabc"
for _, init in ipairs({-10, -6, -3, -1, 0, 1, 3, 6, 7, 8, 100}) do
  print(init, s:find("b", init), s:find("", init), s:match("()", init), s:find("c", init, true))
end
print(("")
  :find(""), (""):find("", 2), (""):match(".*"), (""):gsub("", "x"))
