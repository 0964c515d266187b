-- A callable table used as an iterator function in a generic for.
local counter = setmetatable({limit = 4}, {__call = function(self, state, prev)
  prev = prev + 1
  if prev <= self.limit then return prev, prev * prev end
end})
for i, sq in counter, nil, 0 do io.write(i, "=", sq, " ") end
print()
local obj = setmetatable({}, {__call = function(self, ...) return select("#", ...), ... end})
print(obj(), obj(nil), obj(1, 2, 3))
