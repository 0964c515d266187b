local function rec(n)
  if n > 0 then return rec(n - 1) end
  return n
end
local t = {}
function t.f() return t end
local obj
obj = {get = function() return obj end}
return rec, t, obj
