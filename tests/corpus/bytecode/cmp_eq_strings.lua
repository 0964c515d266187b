local a = ...
if a == "x" then print(1) end
if a ~= "y" then print(2) end
if "z" == a then print(3) end
if "w" ~= a then print(4) end
