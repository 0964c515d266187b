-- A loop body that records more IR than maxrecord allows: trace too long.
local src = {"local a, b = 1.5, 0 for i = 1, 300 do"}
for k = 1, 1500 do
  src[#src + 1] = "b = b + a * " .. k .. " - i"
end
src[#src + 1] = "end return b"
local f = loadstring(table.concat(src, "\n"), "=long")
print(f())
