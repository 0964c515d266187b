-- Three loops: one compiles, one creates a closure per iteration, one calls string.gsub.
local sum = 0
for i = 1, 200 do
  sum = sum + i * 2
end

local fns = {}
for i = 1, 200 do
  fns[i] = function() return i end
end

local words = 0
local text = "a b c"
for i = 1, 200 do
  local s = string.gsub(text, "%s", "")
  words = words + #s
end

print(sum, #fns, words)
