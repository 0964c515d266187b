-- A class system with constructors, inheritance, super calls and tostring.
local function class(parent)
  local c = {}
  c.__index = c
  if parent then setmetatable(c, {__index = parent}) end
  c.super = parent
  c.new = function(...)
    local o = setmetatable({}, c)
    if o.init then o:init(...) end
    return o
  end
  c.__tostring = function(o) return (o.describe and o:describe()) or "object" end
  return c
end
local Shape = class()
function Shape:init(name) self.name = name end
function Shape:area() return 0 end
function Shape:describe() return string.format("%s with area %.2f", self.name, self:area()) end
local Rect = class(Shape)
function Rect:init(w, h) Shape.init(self, "rect") self.w, self.h = w, h end
function Rect:area() return self.w * self.h end
local Square = class(Rect)
function Square:init(s) Rect.init(self, s, s) self.name = "square" end
local Circle = class(Shape)
function Circle:init(r) self.super.init(self, "circle") self.r = r end
function Circle:area() return math.pi * self.r ^ 2 end
local shapes = {Rect.new(2, 3), Square.new(4), Circle.new(1), Shape.new("blob")}
for _, s in ipairs(shapes) do print(s) end
table.sort(shapes, function(a, b) return a:area() < b:area() end)
for _, s in ipairs(shapes) do io.write(s.name, " ") end
print()
print(Square.super == Rect, Rect.super == Shape, getmetatable(Square.new(1)) == Square)
local function isinstance(o, c)
  local m = getmetatable(o)
  while m do if m == c then return true end m = m.super end
  return false
end
print(isinstance(Square.new(1), Shape), isinstance(Circle.new(1), Rect))
