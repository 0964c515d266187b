-- Every arithmetic metamethod, with the operand order.
local V = {}
V.__index = V
local function v(x) return setmetatable({x = x}, V) end
local function val(a) return type(a) == "table" and a.x or a end
for _, op in ipairs({"add", "sub", "mul", "div", "mod", "pow"}) do
  V["__" .. op] = function(a, b)
    return op .. "(" .. tostring(val(a)) .. "," .. tostring(val(b)) .. ")"
  end
end
V.__unm = function(a) return "unm(" .. a.x .. ")" end
local a, b = v(3), v(4)
print(a + b, a - b, a * b, a / b, a % b, a ^ b, -a)
print(a + 1, 1 + a, "2" * a, a / "x", 10 % b, 2 ^ a)
local c = 5
print(c + a, a - c)
