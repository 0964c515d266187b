-- Table constructor forms: positional, named, computed keys, separators.
local t = {1, 2, 3; "four", [10] = "ten", x = "x", ["y z"] = "yz", [1 + 1] = "overridden?"}
print(t[1], t[2], t[3], t[4], t[10], t.x, t["y z"])
local u = {[1] = "a", "b"}
print(u[1])
local v = {"b", [1] = "a"}
print(v[1])
local w = {[2] = "x", "p", "q"}
print(w[1], w[2])
local function f() return 1, 2, 3 end
local m = {f(), f(), x = f()}
print(#m, m.x, m[4])
local nested = {a = {b = {c = {"deep"}}}}
print(nested.a.b.c[1])
local e = {}
print(next(e), #e)
local trailing = {1, 2, 3,}
print(#trailing)
local keys = {[true] = "t", [false] = "f", [1.5] = "f15", [-1] = "neg"}
print(keys[true], keys[false], keys[1.5], keys[-1])
