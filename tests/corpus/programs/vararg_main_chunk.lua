-- The main chunk is a vararg function; its arguments come from the command line.
print(select("#", ...))
local a, b = ...
print(a, b)
print(type(arg), arg[0], arg[1], #arg)
local function f(...) return ... end
print(f(...))
local t = {...}
print(#t)
