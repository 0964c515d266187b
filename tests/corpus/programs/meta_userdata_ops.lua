-- Userdata from newproxy with shared metatables: __index, __eq, __lt, arithmetic.
local proto = newproxy(true)
local mt = getmetatable(proto)
local data = setmetatable({}, {__mode = "k"})
local function new(v) local u = newproxy(proto) data[u] = v return u end
mt.__index = function(u, k) if k == "value" then return data[u] end return nil end
mt.__eq = function(a, b) return data[a] == data[b] end
mt.__lt = function(a, b) return data[a] < data[b] end
mt.__le = function(a, b) return data[a] <= data[b] end
mt.__add = function(a, b) return new(data[a] + data[b]) end
mt.__concat = function(a, b)
  local function s(x) return type(x) == "userdata" and tostring(data[x]) or tostring(x) end
  return s(a) .. s(b)
end
mt.__tostring = function(u) return "U(" .. tostring(data[u]) .. ")" end
local a, b, c = new(1), new(2), new(1)
print(a.value, b.value, a == c, a == b, a < b, b <= a, (a + b).value)
print(a .. b, "x" .. a, tostring(a + c))
print(type(a), getmetatable(a) == mt, rawequal(a, c))
print(pcall(function() a.value = 5 end))
