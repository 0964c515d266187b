-- Running loaded chunks in sandbox environments.
local code = [[
  count = (count or 0) + 1
  local ok = pcall(function() return os.exit end)
  return count, type(print), ok
]]
local f = assert(loadstring(code, "=sandboxed"))
local env1 = {pcall = pcall, type = type}
local env2 = {pcall = pcall, count = 10, print = print, type = type}
setfenv(f, env1)
print(pcall(f))
print(pcall(f))
setfenv(f, env2)
print(pcall(f))
print(env1.count, env2.count, count)
local g = loadstring("return _G")
print(g() == _G)
setfenv(g, {_G = "fake"})
print(g())
local h = loadstring("undefined_call()", "=h")
setfenv(h, {})
print(pcall(h))
