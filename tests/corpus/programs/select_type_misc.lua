-- type, select and unpack on assorted values.
local values = {nil, true, 0, "", {}, print, coroutine.create(print), newproxy()}
for i = 1, 8 do io.write(type(values[i]), " ") end
print()
print(pcall(type))
print(select("#"), select("#", nil), select(1, nil, 2))
print(unpack({}), unpack({nil}), (unpack({1, 2})))
print(type(type), type(type(nil)))
print(rawequal(type(1), "number"), type(1) == "number")
