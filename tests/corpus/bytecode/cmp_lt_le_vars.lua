local a, b = ...
if a < b then print(1) end
if a <= b then print(2) end
if a > b then print(3) end
if a >= b then print(4) end
