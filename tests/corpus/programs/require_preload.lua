-- require with package.preload, package.loaded and a failing module search.
package.preload["mymod"] = function(name, ...)
  return {name = name, nargs = select("#", ...), value = 42}
end
local m = require("mymod")
print(m.name, m.value, m.nargs, package.loaded.mymod == m, require("mymod") == m)
package.preload["nothing"] = function() end
print(require("nothing"), package.loaded.nothing)
package.preload["falsy"] = function() return false end
print(require("falsy"), package.loaded.falsy)
package.loaded["fake"] = "already"
print(require("fake"))
package.preload["erroring"] = function() error("module init failed") end
print(pcall(require, "erroring"))
print(package.loaded.string == string, package.loaded._G == _G)
local ok, err = pcall(require, "definitely_not_a_module_xyz")
print(ok, (err:match("^module 'definitely_not_a_module_xyz' not found:")))
