-- 3D vectors with operators, normalisation and cross products.
local V = {}
V.__index = V
local function vec(x, y, z) return setmetatable({x, y, z}, V) end
V.__add = function(a, b) return vec(a[1] + b[1], a[2] + b[2], a[3] + b[3]) end
V.__sub = function(a, b) return vec(a[1] - b[1], a[2] - b[2], a[3] - b[3]) end
V.__mul = function(a, s) if type(a) == "number" then a, s = s, a end return vec(a[1] * s, a[2] * s, a[3] * s) end
V.__div = function(a, s) return vec(a[1] / s, a[2] / s, a[3] / s) end
V.__unm = function(a) return vec(-a[1], -a[2], -a[3]) end
V.__eq = function(a, b) return a[1] == b[1] and a[2] == b[2] and a[3] == b[3] end
V.__tostring = function(a) return string.format("(%g, %g, %g)", a[1], a[2], a[3]) end
function V:dot(b) return self[1] * b[1] + self[2] * b[2] + self[3] * b[3] end
function V:cross(b)
  return vec(self[2] * b[3] - self[3] * b[2], self[3] * b[1] - self[1] * b[3], self[1] * b[2] - self[2] * b[1])
end
function V:len() return math.sqrt(self:dot(self)) end
function V:norm() return self / self:len() end
local x, y, z = vec(1, 0, 0), vec(0, 1, 0), vec(0, 0, 1)
print(x:cross(y), y:cross(z), z:cross(x), x:cross(y) == z)
local v = vec(3, 4, 12)
print(v:len(), v:norm(), tostring(v:norm():len()))
print(2 * v, v * 0.5, -v, v - v, v / 0)
print((x + y + z):dot(vec(1, 2, 3)), x == vec(1, 0, 0), x ~= y)
