-- bit.band of an ADD of a number and a constant: TOBIT narrowed to int arithmetic.
local bit = require("bit")
local x = 0
local s = 0
for i = 1, 100 do x = x + 1; s = s + bit.band(x + 5, 7) end
print(s)
