local a = ...
if a < 1 then print(1) end
if 2 <= a then print(2) end
if a > 3.5 then print(3) end
if "x" >= a then print(4) end
if 1 < 2 then print(5) end
