-- Method call syntax, self, and calls with table and string arguments.
local obj = {name = "obj"}
function obj:hello(greeting) return (greeting or "hi") .. " from " .. self.name end
function obj.static(x) return "static " .. tostring(x) end
print(obj:hello(), obj:hello("hey"), obj.hello(obj, "plain"), obj.hello({name = "other"}))
print(obj.static "str", obj.static {1}, obj.static [[long]])
local function f(t) return t[1], t.k end
print(f {10, k = "v"})
print(("%s-%s"):format("a", "b"), ("x"):rep(3), #("abc"):upper())
local chain = {v = 0}
function chain:add(n) self.v = self.v + n return self end
print(chain:add(1):add(2):add(3).v)
local s = "text"
print(s:len(), s:upper():lower(), s:sub(2):upper())
print(type(obj.hello), obj["hello"](obj))
