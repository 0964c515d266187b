local a, b = ...
if a then print(1) end
if not a then print(2) end
while a do a = b end
repeat b = a until b
if a.x then print(3) end
if not g then print(4) end
