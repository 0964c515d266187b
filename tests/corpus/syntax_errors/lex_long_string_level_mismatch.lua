local s = [==[abc]=]
]]
