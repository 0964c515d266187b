-- tostring tail-calls __tostring on trace (recff_metacall), for tables and userdata,
-- mixed with numbers, nil and booleans.
local mt = {__tostring = function(o) return "obj" .. o.n end}
local out = {}
for i = 1, 100 do
  local o = setmetatable({n = i % 3}, mt)
  out[#out + 1] = tostring(o) .. tostring(i) .. tostring(nil) .. tostring(i % 2 == 0)
end
print(out[1], out[2], out[100], #out)
local u = newproxy(true)
getmetatable(u).__tostring = function() return "U" end
local s = ""
for i = 1, 60 do s = tostring(u) .. i end
print(s)
