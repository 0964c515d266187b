-- A for loop whose bounds come from a table.
local cfg = {from = 1, to = 300, step = 3}
local s = 0
for i = cfg.from, cfg.to, cfg.step do
  s = s + i
end
print(s)
