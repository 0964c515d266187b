local t = ...
if t.x < t.y then print(1) end
if g1 == g2 then print(2) end
if t[1] ~= "a" then print(3) end
if t.n >= 10 then print(4) end
if #t == 0 then print(5) end
