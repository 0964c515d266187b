local a = 1
local b = "two"
local c = 3.5
local d = nil
local e = true
local f = false
