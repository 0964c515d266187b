local a = ...
if a == nil then print(1) end
if a ~= nil then print(2) end
if a == true then print(3) end
if a ~= false then print(4) end
if nil == a then print(5) end
if true ~= a then print(6) end
