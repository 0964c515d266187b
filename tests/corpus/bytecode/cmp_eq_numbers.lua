local a = ...
if a == 1 then print(1) end
if a ~= 2.5 then print(2) end
if 3 == a then print(3) end
if -1 ~= a then print(4) end
if a == 1e100 then print(5) end
