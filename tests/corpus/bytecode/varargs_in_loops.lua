local function f(...)
  for i = 1, select("#", ...) do
    local v = select(i, ...)
    print(v)
  end
  for k, v in pairs({...}) do print(k, v) end
end
return f
