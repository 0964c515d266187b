local p = {x = 0, y = 0}
for i = 1, 300 do p.x = p.x + i; p.y = p.y - 1 end
print(p.x, p.y)
