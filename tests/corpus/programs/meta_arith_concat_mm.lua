-- Arithmetic and concatenation metamethods, with operand order.
local V = {}
V.__index = V
local function v(x) return setmetatable({x = x}, V) end
V.__add = function(a, b) return v((type(a) == "table" and a.x or a) + (type(b) == "table" and b.x or b)) end
V.__sub = function(a, b) return "sub(" .. tostring(type(a)) .. "," .. tostring(type(b)) .. ")" end
V.__mul = function(a, b) return "mul" end
V.__div = function(a, b) return "div" end
V.__mod = function(a, b) return "mod" end
V.__pow = function(a, b) return "pow" end
V.__unm = function(a) return "unm" end
V.__concat = function(a, b) return "cat(" .. type(a) .. "," .. type(b) .. ")" end
V.__len = function(a) return 99 end
print((v(1) + v(2)).x, (v(1) + 5).x, (5 + v(1)).x)
print(v(1) - 1, 1 - v(1), v(1) * 2, v(1) / 2, v(1) % 2, v(1) ^ 2, -v(1))
print(v(1) .. "s", "s" .. v(1), 1 .. v(1), v(1) .. v(2))
print("a" .. "b" .. v(1) .. "c")
print(#v(1))
