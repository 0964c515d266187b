-- "attempt to index" names the local, global, field, upvalue or method.
local function try(f) local ok, e = pcall(f) print(e) end
local up = nil
local cfg = {sub = {}}
try(function() local l = nil; return l.x end)
try(function() return glob.x end)
try(function() return cfg.missing.x end)
try(function() return cfg.sub.deeper.x end)
try(function() return up.x end)
try(function() return cfg["str key"].x end)
try(function() local k = "dyn" return cfg[k].x end)
try(function() return (nil).x end)
try(function() local n = 5 return n.x end)
try(function() local b = true return b[1] end)
try(function() return print.x end)
try(function() return cfg.sub:method() end)
try(function() local s = "str" return s.x.y end)
try(function() return ({})[1][2] end)
try(function() local t = {} t.a.b = 1 end)
try(function() up.x = 1 end)
try(function() glob2[1] = 1 end)
