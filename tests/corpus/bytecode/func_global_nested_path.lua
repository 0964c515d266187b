a = {b = {c = {}}}
function a.b.c.d() return 1 end
function a.b.c:e() return self end
function a.f() end
