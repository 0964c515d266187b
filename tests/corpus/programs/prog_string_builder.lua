-- A string builder with method chaining, indentation and __tostring.
local Builder = {}
Builder.__index = Builder
Builder.__tostring = function(b) return table.concat(b.parts) end
function Builder.new() return setmetatable({parts = {}, depth = 0}, Builder) end
function Builder:add(...)
  for i = 1, select("#", ...) do self.parts[#self.parts + 1] = tostring((select(i, ...))) end
  return self
end
function Builder:line(...) return self:add(("  "):rep(self.depth), ...):add("\n") end
function Builder:indent() self.depth = self.depth + 1 return self end
function Builder:dedent() self.depth = self.depth - 1 return self end
local b = Builder.new()
b:line("function f(x)"):indent():line("if x then"):indent():line("return ", 1, " + ", 2.5)
 :dedent():line("end"):dedent():line("end")
io.write(tostring(b))
local big = Builder.new()
for i = 1, 1000 do big:add(i % 10) end
local s = tostring(big)
print(#s, s:sub(1, 12), s:sub(-5))
print(#tostring(Builder.new()), tostring(Builder.new():add(nil, true, false)))
