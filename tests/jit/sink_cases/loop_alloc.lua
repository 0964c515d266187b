-- A table per iteration whose loads are forwarded: TNEW and both stores sink.
local s = 0
for i = 1, 100 do
  local t = {i, i + 1}
  s = s + t[1]
end
print(s)
