if true then print(1) end
if false then print(2) else print(3) end
if nil then print(4) elseif 1 then print(5) end
while false do print(6) end
repeat print(7) until true
while true do break end
