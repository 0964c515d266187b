a = {b = {c = {d = {}}}}
function a.b.c:m(x) return self, x end
function a.b.c.d.f(...) return ... end
function a.b:n() return function() return self end end
function g() end
local t = {}
function t.x() return t end
function t.y:z() end
