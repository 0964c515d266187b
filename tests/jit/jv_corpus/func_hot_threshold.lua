-- A function called 111 times stays cold; one called more gets hot.
local function f(x) return x + 1 end
local function g(x) return x + 2 end
local s = 0
local n = 1
while n <= 111 do s = f(s); n = n + 1; if n % 2 == 0 then local u = function() end end end
n = 1
while n <= 130 do s = g(s); n = n + 1; if n % 2 == 0 then local u = function() end end end
print(s)
