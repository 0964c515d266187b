-- Packing ... into a table inside a hot loop of a vararg function.
local function run(...)
  local s = 0
  for i = 1, 300 do
    local t = {...}
    s = s + #t
  end
  return s
end
print(run(1, 2, 3))
