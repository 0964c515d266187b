-- int + int constant that fits: overflow-checked ADDOV/SUBOV; used as a number: CONV.
local s = 0
for i = 1, 100 do local j = i + 3; local k = i - 7; s = s + j * k end
print(s)
