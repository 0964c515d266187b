local a = 1 == 1
local b = 1 == 2
local c = "a" == "b"
local d = nil == nil
local e = true ~= false
local f = 1 < 2
local g = "a" < "b"
if 1 == 1 then print(1) end
if nil then print(2) end
if false then print(3) end
if true then print(4) end
if 0 then print(5) end
if "" then print(6) end
