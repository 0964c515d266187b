local function f(a, b) return a + b end
function g(a) return a end
local h = function() end
function t1.method(x) return x end
function t1.a.b.c(y) return y end
function t1:m(z) return self, z end
function t1.a:n() return self end
