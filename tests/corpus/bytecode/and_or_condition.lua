local a, b, c, d = ...
if a and b then print(1) end
if a or b then print(2) end
if a and b or c then print(3) end
if a or b and c then print(4) end
if (a or b) and (c or d) then print(5) end
if a and (b or c) and d then print(6) end
