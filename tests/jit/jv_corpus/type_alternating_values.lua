-- Table values of alternating types read in a hot loop.
local vals = {1, "a", 2, "b", 3, true}
local nums, others = 0, 0
for i = 1, 300 do
  local v = vals[i % 6 + 1]
  if type(v) == "number" then nums = nums + v else others = others + 1 end
end
print(nums, others)
