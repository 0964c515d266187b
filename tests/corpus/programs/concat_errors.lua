-- Concatenating values that are neither strings nor numbers.
local function try(f)
  local ok, err = pcall(f)
  print(ok, err)
end
local t, b, u = {}, true, nil
try(function() return "x" .. t end)
try(function() return b .. "x" end)
try(function() return "x" .. u end)
try(function() return "a" .. "b" .. nil end)
try(function() return 1 .. {} end)
try(function() return "x" .. print end)
local cfg = {name = "n"}
try(function() return "name: " .. cfg.missing end)
try(function() return cfg.name .. cfg.flag .. "!" end)
try(function() return undefinedglobal .. "x" end)
try(function() local a = "x" return a .. a .. t .. a end)
