local a = 1
local function l1()
  local b = 2
  return function()
    local c = 3
    return function()
      return function()
        a, b, c = c, a, b
        return a + b + c
      end
    end
  end
end
return l1
