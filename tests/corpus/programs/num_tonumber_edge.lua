-- tonumber without a base: accepted and rejected spellings.
local inputs = {"10", "  10", "10  ", "\t10\n", "1e5", "1E-5", ".5", "5.", "0x1A", "0X1a",
  "-0x10", "- 1", "1 1", "", " ", "abc", "1e", "inf", "nan", "0x", "1..2", "+1", "++1",
  "1e1000", "-1e1000", "0x1p-2", "00012", "1_000", "\v7\f", "0b101", "12ll"}
for i, s in ipairs(inputs) do
  print(i, string.format("%q", s), tonumber(s))
end
print(tonumber(nil), tonumber(true), tonumber({}), tonumber(print), tonumber(42))
print(pcall(tonumber))
