local function outer(a, b, ...)
  local n = select("#", ...)
  return function()
    return a, b, n
  end
end
return outer
