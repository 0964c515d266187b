-- A formatted report with aligned columns.
local rows = {
  {"widget", 4, 3.5}, {"gadget", 12, 12.25}, {"thingamajig", 1, 1999.999}, {"nut", 1000, 0.015},
}
print(string.format("%-12s %6s %10s %12s", "item", "qty", "price", "total"))
print(string.rep("-", 43))
local sum = 0
for _, r in ipairs(rows) do
  local total = r[2] * r[3]
  sum = sum + total
  print(string.format("%-12s %6d %10.2f %12.3f", r[1], r[2], r[3], total))
end
print(string.rep("=", 43))
print(string.format("%-12s %30.2f", "sum", sum))
print(string.format("%5.1f%%", 12.345), string.format("[%8.3e]", sum), string.format("[%-8d]", 42))
