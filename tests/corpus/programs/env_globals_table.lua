-- _G is the globals table; globals can be read through it.
print(_G._G == _G, _G.print == print, type(_G))
myglobal = 5
print(_G.myglobal, rawget(_G, "myglobal"))
_G.other = "via _G"
print(other)
local names = {}
for _, n in ipairs({"print", "pairs", "ipairs", "next", "type", "tostring", "tonumber",
  "select", "unpack", "pcall", "xpcall", "error", "assert", "rawget", "rawset",
  "rawequal", "setmetatable", "getmetatable", "getfenv", "setfenv", "loadstring", "load",
  "dofile", "loadfile", "collectgarbage", "newproxy", "require", "module", "gcinfo",
  "string", "table", "math", "io", "os", "coroutine", "debug", "package", "bit", "jit",
  "rawlen", "utf8", "goto"}) do
  names[#names + 1] = n .. "=" .. type(_G[n])
end
print(table.concat(names, " "))
setmetatable(_G, {__index = function(_, k) return "auto:" .. k end})
print(undefined_thing)
setmetatable(_G, nil)
print(undefined_thing)
