-- String comparison is bytewise.
local words = {"banana", "Apple", "apple", "cherry", "", "a", "aa", "ab", "B", "_x", "0", "10", "9"}
table.sort(words)
for i, w in ipairs(words) do io.write(i, "=", w, " ") end
print()
print("a\0" > "a", "a\0a" < "a\0b", "\255" > "\127", "abc" < "abcd")
local function cmp(a, b)
  return (a < b and -1) or (a > b and 1) or 0
end
print(cmp("x", "y"), cmp("y", "x"), cmp("same", "same"), cmp("", ""))
