-- __call makes tables callable; extra arguments and results pass through.
local callable = setmetatable({name = "obj"}, {__call = function(self, a, b, ...)
  return self.name, a, b, select("#", ...)
end})
print(callable(1, 2, 3, 4, nil))
print(callable())
local function multi() return 1, 2, 3 end
print(callable(multi()))
print(pcall(callable, "p"))
local counter = setmetatable({n = 0}, {__call = function(self) self.n = self.n + 1 return self.n end})
counter() counter()
print(counter(), counter.n)
local t = {f = callable}
print(t.f("method-ish"))
print(select("#", callable()))
local wrapped = coroutine.wrap(function(...) return callable(...) end)
print(wrapped("co"))
