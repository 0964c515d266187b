repeat local x = f() until x
repeat until true
repeat until false
while false do f() end
while true do break end
while nil do end
for i = 1, 0 do end
for i = 10, 1, -1 do end
repeat break until f()
