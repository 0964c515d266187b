-- Multi-level inheritance through __index metatables.
local Animal = {}
Animal.__index = Animal
function Animal.new(name, sound)
  return setmetatable({name = name, sound = sound}, Animal)
end
function Animal:speak() return self.name .. " says " .. self.sound end
function Animal:kind() return "animal" end
local Dog = setmetatable({}, {__index = Animal})
Dog.__index = Dog
function Dog.new(name)
  local d = Animal.new(name, "woof")
  return setmetatable(d, Dog)
end
function Dog:kind() return "dog" end
function Dog:fetch() return self.name .. " fetches" end
local Puppy = setmetatable({}, {__index = Dog})
Puppy.__index = Puppy
function Puppy.new(name)
  return setmetatable(Dog.new(name), Puppy)
end
function Puppy:speak() return Dog.speak(self) .. " (squeaky)" end
local a, d, p = Animal.new("cat", "meow"), Dog.new("rex"), Puppy.new("bit")
for _, o in ipairs({a, d, p}) do
  print(o:speak(), o:kind(), o.fetch and o:fetch() or "-")
end
print(getmetatable(p) == Puppy, rawget(Puppy, "kind"), Puppy.kind == Dog.kind)
