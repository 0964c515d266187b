local function f()
  local x = 0
  do
    local y = 1
    do
      local z = 2
      return function() x = x + y + z return x end
    end
  end
end
return f
