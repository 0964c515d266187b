-- Errors crossing several pcall levels, with rethrow and wrapping.
local function lvl3() error({depth = 3}) end
local function lvl2()
  local ok, e = pcall(lvl3)
  if not ok then e.depth = e.depth - 1 error(e) end
end
local function lvl1()
  local ok, e = pcall(lvl2)
  return ok, e.depth
end
print(lvl1())
local function wrap(f)
  return function(...)
    local res = {pcall(f, ...)}
    if not res[1] then error("wrapped: " .. tostring(res[2]), 2) end
    return unpack(res, 2)
  end
end
local safe_div = wrap(function(a, b) if b == 0 then error("division by zero") end return a / b end)
print(pcall(safe_div, 1, 2))
print(pcall(safe_div, 1, 0))
local function rethrow() local ok, e = pcall(error, "original", 0) error(e, 0) end
print(pcall(rethrow))
