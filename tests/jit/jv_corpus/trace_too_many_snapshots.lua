-- A loop body with many guards: more snapshots than maxsnap allows.
local src = {"local c, d = 0, 0 for i = 1, 300 do"}
for k = 1, 520 do
  src[#src + 1] = "d = d + 1 if d < c then c = c + 1 end"
end
src[#src + 1] = "c = c + i end return c + d"
local f = loadstring(table.concat(src, "\n"), "=snaps")
print(f())
