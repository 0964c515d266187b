-- print uses the global tostring when it has been replaced.
local orig = tostring
tostring = function(v) return "<" .. orig(v) .. ">" end
print(1, "a", nil)
tostring = orig
print(1, "a", nil)
tostring = function() return 42 end
print(pcall(print, "x"))
tostring = orig
