-- Snippets for the table, math, bit and os libraries. Each "-- case:" line starts a
-- script; "-- env: NAME=value" lines right after it set its environment.
-- tests/tools/gen_tabmathbitos_cases.py records what LuaJIT prints for each one.

-- case: tab_concat_basic
print(table.concat({1, 2, 3}))
print(table.concat({1, 2, 3}, ", "))
print(table.concat({"a", "b", "c"}, "-", 2))
print(table.concat({"a", "b", "c"}, "-", 1, 2))
print(table.concat({"a", "b", "c"}, "-", 3, 3))
print("[" .. table.concat({"a", "b", "c"}, "-", 3, 2) .. "]")
print("[" .. table.concat({}) .. "]", "[" .. table.concat({}, "x") .. "]")
print(table.concat({"x"}, nil), table.concat({"x", "y"}, nil, nil, nil))
-- case: tab_concat_numbers
print(table.concat({1, 2.5, -0, 1e100, 1 / 3, 2 ^ 53, 1e15, 123456789012345}, " "))
print(table.concat({0 / 0, 1 / 0, -1 / 0, -1.5e-10, 0x7fffffff}, " "))
print(table.concat({1, 2, 3}, 4), table.concat({1, 2, 3}, 0.5))
-- case: tab_concat_ranges
local t = {[-1] = "m", [0] = "z", "a", "b"}
print(table.concat(t, ",", -1, 2))
print(table.concat(t, ",", 0))
print(table.concat(t, ",", "1", "2"), table.concat(t, ",", 1.9, 2.9))
print(table.concat({[2147483647] = "big"}, ",", 2147483647))
-- case: tab_concat_errors
print(pcall(table.concat, {1, {}, 3}))
print(pcall(table.concat, {1, 2, 3}, ",", 1, 5))
print(pcall(table.concat, {true}))
print(pcall(table.concat, {print}))
print(pcall(table.concat, {coroutine.create(print)}))
print(pcall(table.concat, {newproxy()}))
print(pcall(table.concat, {1, 2}, ",", 0))
print(pcall(table.concat, {1, 2}, ",", -5, -4))
-- case: tab_concat_badargs
print(pcall(table.concat))
print(pcall(table.concat, "abc"))
print(pcall(table.concat, {}, {}))
print(pcall(table.concat, {}, ",", "x"))
print(pcall(table.concat, {}, ",", 1, true))
print(pcall(table.concat, {}, ",", 1, {}))
print(pcall(table.concat, {}, false))
-- case: tab_concat_located_errors
print(pcall(function() return table.concat({1, {}}) .. "" end))
print(pcall(function() local x = table.concat({nil, 2}, ",", 1, 2) return x end))
print(pcall(function() local s = table.concat(nil) return s end))
local concat = table.concat
print(pcall(function() local s = concat({}, {}) return s end))
-- case: tab_concat_borders
local t = {1, 2, nil, 4}
print(#t, pcall(table.concat, t, ","))
local u = {}
u[1] = "a" u[2] = "b" u[4] = "d"
print(table.concat(u, ","))
local v = {}
for i = 1, 20 do v[i] = i end
v[21] = nil
print(table.concat(v, " "))
-- case: tab_concat_raw
local t = setmetatable({}, {__index = function(_, k) return "m" .. k end,
                             __len = function() return 3 end})
print("[" .. table.concat(t, ",") .. "]")
print(pcall(table.concat, t, ",", 1, 2))
-- case: tab_concat_large
local t = {}
for i = 1, 2000 do t[i] = i % 10 end
local s = table.concat(t)
print(#s, s:sub(1, 20), s:sub(-20))
local parts = {}
for i = 1, 300 do parts[i] = string.rep("x", i % 7) end
print(#table.concat(parts, "\0"))
-- case: tab_insert_basic
local t = {1, 2, 3}
table.insert(t, 4)
print(table.concat(t, ","))
table.insert(t, 1, 0)
print(table.concat(t, ","))
table.insert(t, 3, "m")
print(table.concat(t, ","))
table.insert(t, #t + 1, "end")
print(table.concat(t, ","), #t)
-- case: tab_insert_positions
local t = {1, 2, 3, 4}
table.insert(t, 10, 9)
print(table.concat(t, ","), t[10], #t)
table.insert(t, 0, "zero")
print(t[0], t[1], #t)
table.insert(t, -1, "x")
print(t[-1], t[0], t[1], t[2], #t)
local u = {}
table.insert(u, 5, "five")
print(u[5], #u)
table.insert(u, 2147483647, "max")
print(u[2147483647])
-- case: tab_insert_coercion
local t = {"a", "b", "c"}
table.insert(t, 2.9, "x")
print(table.concat(t, ","))
table.insert(t, "1", "y")
print(table.concat(t, ","))
table.insert(t, " 3 ", "z")
print(table.concat(t, ","))
table.insert(t, -0.5, "w")
print(t[0], table.concat(t, ","))
-- case: tab_insert_nil
local u = {}
table.insert(u, nil)
print(#u, next(u))
table.insert(u, 1, nil)
print(#u)
local t = {1, 2, 3}
table.insert(t, 2, nil)
print(#t, t[1], t[2], t[3], t[4])
table.insert(t, nil)
print(#t)
-- case: tab_insert_errors
print(pcall(table.insert))
print(pcall(table.insert, nil, 1))
print(pcall(table.insert, {}))
print(pcall(table.insert, {}, 1, 2, 3))
print(pcall(table.insert, {}, "a", 2))
print(pcall(table.insert, {}, {}, 2))
print(pcall(table.insert, {}, nil, 2))
print(pcall(table.insert, "s", 1))
-- case: tab_insert_located_errors
print(pcall(function() table.insert({}) end))
print(pcall(function() table.insert({}, 1, 2, 3) end))
print(pcall(function() table.insert({}, "x", 1) end))
local ins = table.insert
print(pcall(function() ins(1, 2) end))
-- case: tab_insert_growth
local t = {}
for i = 1, 100 do table.insert(t, i) end
print(#t, t[1], t[50], t[100])
for i = 1, 10 do table.insert(t, 1, -i) end
print(#t, t[1], t[10], t[11], t[110])
local s = 0
for i = 1, #t do s = s + t[i] end
print(s)
-- case: tab_insert_metatable_ignored
local log = {}
local t = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k rawset(t, k, v) end,
                            __index = function() return "idx" end})
table.insert(t, "a")
table.insert(t, 1, "b")
print(#log, rawget(t, 1), rawget(t, 2))
-- case: tab_maxn
print(table.maxn({}), table.maxn({1, 2, 3}), table.maxn({1, 2, nil, 4}))
print(table.maxn({[10] = 1, [1.5] = 2, x = 3, [-5] = 1}))
print(table.maxn({[-3] = 1}), table.maxn({[1e300] = 1}), table.maxn({[2 ^ 53] = 1}))
print(table.maxn({[0] = 1}), table.maxn({[0.5] = 1}), table.maxn({x = 1, y = 2}))
local t = {1, 2, 3}
t[100] = 1
t[100] = nil
print(table.maxn(t))
t[3] = nil
print(table.maxn(t))
local u = {}
for i = 1, 8 do u[i] = i end
for i = 8, 2, -1 do u[i] = nil end
print(table.maxn(u))
print(pcall(table.maxn), pcall(table.maxn, 1))
-- case: tab_sort_numbers
local t = {5, 3, 8, 1, 9, 2, 7, 4, 6, 0}
table.sort(t)
print(table.concat(t, " "))
local u = {3.5, -1, 1e10, -1e10, 0, -0, 2.25, 1 / 0, -1 / 0}
table.sort(u)
print(table.concat(u, " "))
local e = {}
table.sort(e)
print(#e)
local one = {42}
table.sort(one)
print(one[1])
print(select('#', table.sort({3, 2, 1})))
-- case: tab_sort_strings
local t = {"pear", "apple", "Banana", "cherry", "", "a\0b", "a", "\255", "Z"}
table.sort(t)
for i = 1, #t do io.write(string.format("%q ", t[i])) end
print()
table.sort(t, function(a, b) return #a < #b or (#a == #b and a > b) end)
for i = 1, #t do io.write(string.format("%q ", t[i])) end
print()
-- case: tab_sort_comparator
local t = {5, 3, 8, 1, 9, 2}
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, " "))
local recs = {{n = "b", v = 2}, {n = "a", v = 2}, {n = "c", v = 1}, {n = "d", v = 3}}
table.sort(recs, function(x, y) return x.v < y.v end)
for _, r in ipairs(recs) do io.write(r.n, r.v, " ") end
print()
table.sort(t, function(a, b) return nil end)
print(table.concat(t, " "))
table.sort(t, function(a, b) if a < b then return 1 end return false end)
print(table.concat(t, " "))
-- case: tab_sort_call_order
local function trace(arr)
  local calls = {}
  table.sort(arr, function(a, b) calls[#calls + 1] = a .. "<" .. b return a < b end)
  print(table.concat(arr, ","), #calls, table.concat(calls, " "))
end
trace({5, 1, 4, 2, 3})
trace({1, 2, 3, 4, 5, 6, 7})
trace({7, 6, 5, 4, 3, 2, 1})
trace({2, 2, 2, 2})
trace({3, 1})
trace({2, 3, 1})
trace({9, 4, 7, 1, 8, 2, 6, 3, 5, 0, 11, 10})
-- case: tab_sort_call_order_default_lt
local mt = {}
local calls = {}
mt.__lt = function(a, b) calls[#calls + 1] = a.v .. "<" .. b.v return a.v < b.v end
local t = {}
for i, v in ipairs({4, 1, 3, 5, 2, 6}) do t[i] = setmetatable({v = v}, mt) end
table.sort(t)
for i = 1, #t do io.write(t[i].v, " ") end
print(#calls)
print(table.concat(calls, " "))
-- case: tab_sort_permutations
local function perms(n)
  local out, a = {}, {}
  for i = 1, n do a[i] = i end
  local function rec(k)
    if k > n then out[#out + 1] = {unpack(a)} return end
    for i = k, n do
      a[k], a[i] = a[i], a[k]
      rec(k + 1)
      a[k], a[i] = a[i], a[k]
    end
  end
  rec(1)
  return out
end
local total = {}
for _, p in ipairs(perms(5)) do
  local n = 0
  table.sort(p, function(a, b) n = n + 1 return a < b end)
  assert(table.concat(p) == "12345")
  total[#total + 1] = n
end
print(table.concat(total, " "))
-- case: tab_sort_inconsistent_true
for n = 1, 12 do
  local t = {}
  for i = 1, n do t[i] = i end
  local ok, err = pcall(table.sort, t, function() return true end)
  print(n, ok, err, table.concat(t, ","))
end
-- case: tab_sort_inconsistent_random
local seed = 12345
local function rnd()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed
end
for round = 1, 8 do
  local t = {}
  for i = 1, 15 do t[i] = i end
  local ok, err = pcall(table.sort, t, function() return rnd() % 3 == 0 end)
  print(round, ok, err, table.concat(t, ","))
end
-- case: tab_sort_inconsistent_le
for _, n in ipairs({5, 10, 17, 40}) do
  local t = {}
  for i = 1, n do t[i] = (i * 7) % 5 end
  local ok, err = pcall(table.sort, t, function(a, b) return a <= b end)
  print(n, ok, err, table.concat(t, ","))
end
-- case: tab_sort_invalid_order_located
local t = {}
for i = 1, 10 do t[i] = i end
print(pcall(function() table.sort(t, function() return true end) end))
print(table.concat(t, ","))
-- case: tab_sort_uncaught_invalid_order
local t = {}
for i = 1, 10 do t[i] = i end
table.sort(t, function() return true end)
-- case: tab_sort_compare_errors
print(pcall(table.sort, {3, "x", 1}))
print(pcall(table.sort, {{}, {}}))
print(pcall(table.sort, {1, 2, {}}))
print(pcall(table.sort, {true, false}))
print(pcall(table.sort, {print, print}))
print(pcall(function() table.sort({"a", 1}) end))
print(pcall(table.sort, {1, nil, 3}))
-- case: tab_sort_uncaught_compare
table.sort({1, "x"})
-- case: tab_sort_badargs
print(pcall(table.sort))
print(pcall(table.sort, "x"))
print(pcall(table.sort, {1, 2, 3}, 5))
print(pcall(table.sort, {1, 2, 3}, "f"))
print(pcall(table.sort, {1, 2, 3}, false))
print(pcall(table.sort, {1, 2, 3}, {}))
local t = {3, 1, 2}
table.sort(t, nil)
print(table.concat(t, ","))
print(pcall(function() table.sort(nil) end))
-- case: tab_sort_comparator_errors
print(pcall(table.sort, {3, 2, 1}, function(a, b) error("boom") end))
print(pcall(table.sort, {3, 2, 1}, function(a, b) error({code = 1}) end))
print(pcall(table.sort, {3, 2, 1}, function(a, b) return a.x < b end))
local n = 0
print(pcall(table.sort, {5, 4, 3, 2, 1}, function(a, b)
  n = n + 1
  if n == 4 then error("at call " .. n, 0) end
  return a < b
end))
-- case: tab_sort_lt_metamethod
local mt = {__lt = function(a, b) return a.k < b.k end}
local t = {}
for i, k in ipairs({"d", "b", "a", "e", "c"}) do t[i] = setmetatable({k = k}, mt) end
table.sort(t)
for i = 1, #t do io.write(t[i].k) end
print()
local other = setmetatable({k = "z"}, {__lt = function() return true end})
print(pcall(table.sort, {t[1], other}))
print(pcall(table.sort, {t[1], 5}))
local ud1 = newproxy(true)
local ud2 = newproxy(ud1)
getmetatable(ud1).__lt = function() return false end
print(pcall(table.sort, {ud1, ud2}))
-- case: tab_sort_nan
local t = {3, 0 / 0, 1, 0 / 0, 2, 5, 4}
local ok, err = pcall(table.sort, t)
print(ok, err)
for i = 1, #t do io.write(tostring(t[i]), " ") end
print()
-- case: tab_sort_big
local seed = 42
local function rnd(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end
local t = {}
for i = 1, 2000 do t[i] = rnd(1000) end
local calls = 0
table.sort(t, function(a, b) calls = calls + 1 return a < b end)
local ok = true
for i = 2, #t do if t[i - 1] > t[i] then ok = false end end
print(ok, calls, t[1], t[1000], t[2000])
local s = {}
for i = 1, 500 do s[i] = tostring(rnd(100000)) end
table.sort(s)
print(s[1], s[250], s[500])
-- case: tab_sort_modifying_comparator
local t = {5, 4, 3, 2, 1, 6, 7}
local ok, err = pcall(table.sort, t, function(a, b)
  if a == 3 then t[7] = 0 end
  return a < b
end)
print(ok, err, table.concat(t, ","))
-- case: tab_sort_hash_part
local t = {}
t[3] = "c" t[1] = "a" t[2] = "b" t[4] = "d"
table.sort(t, function(a, b) return a > b end)
print(table.concat(t, ","), #t)
-- case: tab_new_clear
local tn = require("table.new")
local tc = require("table.clear")
print(type(tn), type(tc), tn == table.new, tc == table.clear)
print(package.loaded["table.new"] == tn, package.loaded["table.clear"] == tc)
print(type(package.preload["table.new"]), type(package.preload["table.clear"]))
local t = tn(10, 5)
print(type(t), #t, next(t))
for i = 1, 10 do t[i] = i end
t.x, t.y = 1, 2
print(#t, t.x)
tc(t)
print(#t, next(t), t.x, t[1])
t[1] = "again"
t.z = 3
print(#t, t[1], t.z)
print(tc(t), select('#', tc(t)))
-- case: tab_new_sizes
local tn = require("table.new")
print(type(tn(0, 0)), type(tn(-1, -0)), type(tn(1.5, 2.5)), type(tn("3", "4")))
local t = tn(100, 0)
for i = 1, 100 do t[i] = i end
print(#t, t[100])
print(pcall(tn, -1, 0), pcall(tn, 0, 2 ^ 26))
print(pcall(tn, 1, -1))
print(pcall(tn, 2 ^ 31 - 1, 0))
print(pcall(tn, 0, 2 ^ 26 + 1))
print(pcall(function() local x = tn(1, -1) return x end))
-- case: tab_new_clear_errors
local tn = require("table.new")
local tc = require("table.clear")
print(pcall(tn))
print(pcall(tn, 1))
print(pcall(tn, {}, 1))
print(pcall(tc))
print(pcall(tc, "x"))
print(pcall(function() tn(nil, 1) end))
print(pcall(function() table.clear(5) end))
-- case: tab_new_before_require
print(table.new, table.clear)
print(rawget(table, "new"))
local tn = require "table.new"
print(table.new == tn, table.clear)
package.loaded["table.new"] = nil
local tn2 = require "table.new"
print(tn2 == tn, table.new == tn2, tostring(tn2) == tostring(tn))
-- case: tab_library_contents
local names = {}
for k in pairs(table) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
print(table.concat, table.insert, table.maxn, table.sort)
print(type(table.remove), type(table.foreach), type(table.getn))
print(package.loaded.table == table)
-- case: tab_luabuiltins_into_table
local t = {1, 2, 3, 4}
print(table.remove(t), table.remove(t, 1), table.concat(t, ","), table.getn(t))
print(table.concat(table.move({1, 2, 3}, 1, 3, 2), ","))
table.foreachi({"a", "b"}, print)
print(table.foreach({10}, function(k, v) return k + v end))
-- case: tab_sort_stable_keys
local t = {}
for i = 1, 30 do t[i] = {k = i % 4, i = i} end
table.sort(t, function(a, b) return a.k < b.k end)
local out = {}
for i = 1, #t do out[i] = t[i].k .. ":" .. t[i].i end
print(table.concat(out, " "))
-- case: tab_sort_gc_stress
collectgarbage("setpause", 1)
local t = {}
for i = 1, 200 do t[i] = {v = (i * 37) % 101} end
table.sort(t, function(a, b)
  local junk = {}
  for j = 1, 5 do junk[j] = {j} end
  return a.v < b.v
end)
local ok = true
for i = 2, #t do if t[i - 1].v > t[i].v then ok = false end end
print(ok, t[1].v, t[200].v)
-- case: math_floor_ceil
local vals = {0, -0, 0.5, -0.5, 0.7, -0.7, 1.5, -1.5, 2.5, -2.5, 3.7, -3.7, 1e300, -1e300,
              2 ^ 52 + 0.5, -(2 ^ 52) - 0.5, 2 ^ 53, 4503599627370495.5, 1 / 0, -1 / 0, 0 / 0,
              2 ^ 31 + 0.5, -2 ^ 31 - 0.5, 1e15 + 0.5, 5e-324, -5e-324}
for _, v in ipairs(vals) do
  print(v, math.floor(v), math.ceil(v), 1 / math.floor(v), 1 / math.ceil(v))
end
-- case: math_floor_ceil_strings
print(math.floor("3.7"), math.ceil("3.2"), math.floor(" 0x10 "), math.floor("-1e2"), math.ceil("inf"))
print(math.floor("1e400"), math.floor("nan"), math.ceil("0b101"))
print(pcall(math.floor, "abc"), pcall(math.ceil, ""))
-- case: math_round_errors
print(pcall(math.floor))
print(pcall(math.floor, nil))
print(pcall(math.ceil, {}))
print(pcall(math.floor, true))
print(pcall(function() return math.floor() + 1 end))
print(pcall(function() local x = math.ceil("x") return x end))
local fl = math.floor
print(pcall(function() local x = fl() return x end))
-- case: math_abs
for _, v in ipairs({0, -0, 1, -1, -1.5, 1 / 0, -1 / 0, 0 / 0, -2 ^ 63, 5e-324, -5e-324}) do
  io.write(tostring(math.abs(v)), " ")
end
print()
print(math.abs("-3"), math.abs(" -0x10"), 1 / math.abs(-0))
print(pcall(math.abs), pcall(math.abs, "x"), pcall(math.abs, {}))
-- case: math_sqrt
for _, v in ipairs({0, -0, 1, 2, 4, 1e300, -1, -1 / 0, 1 / 0, 0 / 0, 5e-324, 0.25}) do
  io.write(tostring(math.sqrt(v)), " ")
end
print()
print(1 / math.sqrt(-0), math.sqrt("16"), pcall(math.sqrt))
-- case: math_trig
local vals = {0, -0, 0.5, 1, -1, math.pi, -math.pi, math.pi / 2, 1e22, 1e300, 1 / 0, -1 / 0, 0 / 0, 2}
for _, v in ipairs(vals) do
  print(v, math.sin(v), math.cos(v), math.tan(v))
end
-- case: math_inverse_trig
local vals = {0, -0, 0.5, -0.5, 1, -1, 1.0000001, -2, 2, 1 / 0, -1 / 0, 0 / 0, 1e300}
for _, v in ipairs(vals) do
  print(v, math.asin(v), math.acos(v), math.atan(v))
end
-- case: math_hyperbolic
local vals = {0, -0, 0.5, -0.5, 1, 10, 20, 100, 710, 711, -711, 1e300, -1e300, 1 / 0, -1 / 0, 0 / 0}
for _, v in ipairs(vals) do
  print(v, math.sinh(v), math.cosh(v), math.tanh(v))
end
-- case: math_exp_log
local vals = {0, -0, 1, -1, 0.5, 2, 10, 100, 709, 710, -745, -746, 1e300, -1e300, 1 / 0, -1 / 0,
              0 / 0, math.exp(1), 5e-324}
for _, v in ipairs(vals) do
  print(v, math.exp(v), math.log(v), math.log10(v))
end
-- case: math_log_base
local pairs_ = {{8, 2}, {100, 10}, {1000, 10}, {2, 8}, {1, 1}, {0, 10}, {10, 0}, {2, 0},
                {-1, 2}, {2, -1}, {1 / 0, 2}, {2, 1 / 0}, {0 / 0, 2}, {27, 3}, {1e300, 1e-300},
                {0.5, 0.5}, {1, 2}, {125, 5}, {2 ^ 60, 2}, {10, 1}}
for _, p in ipairs(pairs_) do
  print(p[1], p[2], math.log(p[1], p[2]))
end
print(math.log(8, "2"), math.log("100", 10))
print(pcall(math.log, 8, nil))
print(pcall(math.log, 8, {}))
print(pcall(math.log))
print(pcall(math.log10, "x"))
print(pcall(math.exp))
-- case: math_pow
local pairs_ = {{2, 10}, {2, 0.5}, {2, -1}, {0, -1}, {-0, -1}, {0, -2}, {-0, -3}, {0, 0},
                {-8, 1 / 3}, {-2, 0.5}, {-2, 3}, {-2, 2}, {2, 1024}, {-10, 309}, {-10, 310},
                {0 / 0, 0}, {1, 0 / 0}, {-1, 1 / 0}, {-1, -1 / 0}, {0.5, 1 / 0}, {0.5, -1 / 0},
                {1 / 0, -1}, {-1 / 0, 3}, {-1 / 0, -3}, {-1 / 0, 2}, {10, -400}, {1e10, 40}}
for _, p in ipairs(pairs_) do
  print(p[1], p[2], math.pow(p[1], p[2]), p[1] ^ p[2])
end
print(math.pow("2", "3"), pcall(math.pow, 2), pcall(math.pow))
-- case: math_fmod
local pairs_ = {{7, 3}, {-7, 3}, {7, -3}, {-7, -3}, {7, 0}, {-7, 0}, {0, 0}, {1 / 0, 1},
                {1, 1 / 0}, {-1, 1 / 0}, {-0, 1}, {0 / 0, 1}, {1, 0 / 0}, {5.5, 2}, {-5.5, 2},
                {1e300, 3}, {3, 1e300}, {2 ^ 53, 3}, {0.3, 0.1}}
for _, p in ipairs(pairs_) do
  local r = math.fmod(p[1], p[2])
  print(p[1], p[2], r, 1 / r)
end
print(math.fmod("7", "3"), pcall(math.fmod, 1), pcall(math.fmod, 1, {}))
-- case: math_modf
local vals = {3.7, -3.7, 0.5, -0.5, 0, -0, 5, -5, 1 / 0, -1 / 0, 0 / 0, 2 ^ 53 + 2, 1e300,
              -1e-300, 4503599627370495.5}
for _, v in ipairs(vals) do
  local i, f = math.modf(v)
  print(v, i, f, 1 / i, 1 / f)
end
print(math.modf("2.25"), pcall(math.modf))
-- case: math_frexp
local vals = {0, -0, 1, -1, 8, -3, 0.1, 1e300, 1e-310, 5e-324, -5e-324, 1 / 0, -1 / 0, 0 / 0,
              2 ^ 1023, 0.5, 3.5}
for _, v in ipairs(vals) do
  local m, e = math.frexp(v)
  print(v, m, e, 1 / m)
end
print(math.frexp("12"), pcall(math.frexp, {}))
-- case: math_ldexp
local pairs_ = {{1, 0}, {1, 10}, {3, -1}, {1, 2.7}, {1, -2.7}, {1, 1023}, {1, 1024}, {1, -1074},
                {1, -1075}, {1, -1076}, {0.75, -1074}, {3, 1e10}, {3, -1e10}, {-3, 1 / 0},
                {-3, -1 / 0}, {0, 1 / 0}, {-0, -1 / 0}, {1 / 0, -1 / 0}, {1 / 0, 5},
                {1, 0 / 0}, {0 / 0, 1}, {-0, 5}, {1.5, 0.999}, {1, -0.5}, {2 ^ 1023, 1},
                {5e-324, 1}, {5e-324, -1}, {1, 2 ^ 31}, {1, -2 ^ 31 - 1}}
for _, p in ipairs(pairs_) do
  print(p[1], p[2], math.ldexp(p[1], p[2]))
end
print(math.ldexp("3", "2"), pcall(math.ldexp, 1), pcall(math.ldexp, nil, 1))
-- case: math_atan2
local pairs_ = {{1, 0}, {-1, 0}, {0, 1}, {0, -1}, {-0, -1}, {0, 0}, {-0, 0}, {0, -0}, {-0, -0},
                {1, 1}, {-1, -1}, {1 / 0, 1 / 0}, {-1 / 0, 1 / 0}, {1 / 0, -1 / 0},
                {-1 / 0, -1 / 0}, {1, 1 / 0}, {1, -1 / 0}, {-1, -1 / 0}, {0 / 0, 1}, {1, 0 / 0}}
for _, p in ipairs(pairs_) do
  print(p[1], p[2], math.atan2(p[1], p[2]))
end
print(math.atan2("1", "1"), pcall(math.atan2, 1), pcall(math.atan2))
-- case: math_min_max
print(math.min(1), math.max(1), math.min(3, 1, 2), math.max(3, 1, 2))
print(math.min(0, -0), math.min(-0, 0), math.max(0, -0), math.max(-0, 0))
print(1 / math.min(0, -0), 1 / math.min(-0, 0), 1 / math.max(0, -0), 1 / math.max(-0, 0))
print(math.min(0 / 0, 1), math.min(1, 0 / 0), math.max(0 / 0, 1), math.max(1, 0 / 0))
print(math.min(1, 0 / 0, 2), math.max(0 / 0, 2, 1), math.min(1 / 0, -1 / 0), math.max(-1 / 0))
print(math.min("10", 9), math.max("10", 9), math.min("5"), type(math.max("5")))
local t = {}
for i = 1, 50 do t[i] = (i * 7919) % 101 end
print(math.min(unpack(t)), math.max(unpack(t)))
-- case: math_min_max_errors
print(pcall(math.min))
print(pcall(math.max))
print(pcall(math.min, 1, nil))
print(pcall(math.max, 1, 2, "x"))
print(pcall(math.min, {}, 1))
print(pcall(function() return math.max(1, 2, {}) end))
print(pcall(function() local m = math.min(1, false) return m end))
-- case: math_constants
print(math.pi, math.huge, -math.huge, math.huge == 1 / 0, math.pi == 3.141592653589793)
print(string.format("%.17g", math.pi), math.huge > 1e308)
print(math.deg(math.pi), math.rad(180), math.deg(1), math.rad(1))
-- case: math_library_contents
local names = {}
for k in pairs(math) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
print(math.abs, math.floor, math.ceil, math.sqrt, math.log10, math.exp, math.sin)
print(math.cos, math.tan, math.asin, math.acos, math.atan, math.sinh, math.cosh, math.tanh)
print(math.frexp, math.modf, math.log, math.atan2, math.pow, math.fmod, math.ldexp)
print(math.min, math.max, math.random, math.randomseed)
print(type(math.deg), type(math.rad), package.loaded.math == math)
-- case: math_random_default_sequence
for i = 1, 10 do io.write(string.format("%.17g ", math.random())) end
print()
for i = 1, 10 do io.write(math.random(100), " ") end
print()
for i = 1, 10 do io.write(math.random(-5, 5), " ") end
print()
-- case: math_random_seeds
for _, s in ipairs({0, 1, 2, 42, -1, 1.5, 123456789, 2 ^ 53, 1e300, -1e300, 1e-300, 3.14}) do
  math.randomseed(s)
  local a = math.random()
  local b = math.random(1000)
  local c = math.random(10, 20)
  print(s, string.format("%.17g", a), b, c)
end
-- case: math_random_special_seeds
for _, s in ipairs({1 / 0, -1 / 0, 0 / 0, -0, 5e-324, "7", " 0x10 "}) do
  math.randomseed(s)
  print(tostring(s), string.format("%.17g", math.random()), math.random(6))
end
-- case: math_random_repeat
math.randomseed(99)
local a = {}
for i = 1, 20 do a[i] = math.random(1000) end
math.randomseed(99)
local same = true
for i = 1, 20 do if math.random(1000) ~= a[i] then same = false end end
print(same, table.concat(a, " "))
-- case: math_random_ranges
math.randomseed(7)
print(math.random(0), math.random(-5), math.random(3.5), math.random(2, 1), math.random(1, 1.5))
print(math.random(1 / 0), math.random(0 / 0), math.random(-1 / 0), math.random(5, 5))
print(math.random(1, 2, 3), math.random(2 ^ 40), math.random(-2 ^ 40, 2 ^ 40))
print(math.random("10"), math.random("1", "3"), math.random(0.5, 0.75))
print(math.random(1e300), math.random(-1e300, 1e300))
-- case: math_random_distribution
math.randomseed(2024)
local counts = {0, 0, 0, 0, 0, 0}
local sum = 0
for i = 1, 6000 do
  local r = math.random(6)
  counts[r] = counts[r] + 1
  sum = sum + math.random()
end
print(table.concat(counts, " "), string.format("%.10f", sum))
local lo, hi = 1, 0
for i = 1, 1000 do
  local r = math.random()
  if r < lo then lo = r end
  if r > hi then hi = r end
end
print(lo >= 0, hi < 1, string.format("%.17g %.17g", lo, hi))
-- case: math_random_errors
math.randomseed(5)
print(pcall(math.random, nil))
print(pcall(math.random, "x"))
print(pcall(math.random, 1, {}))
print(pcall(math.random, {}))
print(pcall(math.randomseed))
print(pcall(math.randomseed, "abc"))
print(pcall(math.randomseed, nil))
print(math.random(100))
print(pcall(function() return math.random(1, nil) + 0 end))
-- case: math_random_upvalue
local name, v = debug.getupvalue(math.random, 1)
print(name, type(v), debug.getupvalue(math.random, 2))
local n2, v2 = debug.getupvalue(math.randomseed, 1)
print(n2, v2 == v, type(v2))
print(debug.getupvalue(math.floor, 1))
-- case: math_random_checksum
math.randomseed(31337)
local s = 0
for i = 1, 5000 do s = s + math.random(1000000) end
print(s)
local x = 0
for i = 1, 2000 do x = (x + math.random() * 1e6) % 1e6 end
print(string.format("%.6f", x))
-- case: math_integral_printing
print(math.floor(2 ^ 31 + 0.5), math.floor(-2 ^ 31 - 0.5), math.floor(1e15 + 0.5), math.floor(1e16))
print(math.ceil(1e14 - 0.5), math.floor(-1e14 + 0.5), math.floor(123456789012.9))
print(math.floor(-0.0) == 0, tostring(math.floor(-0.0)), tostring(math.ceil(-0.2)))
-- case: math_named_errors
local m = math
print(pcall(function() m.sqrt() end))
print(pcall(function() local sq = math.sqrt; sq("x") end))
print(pcall(function() return (math.sin()) end))
print(pcall(function() local t = {f = math.cos}; t.f({}) end))
print(pcall(function() local t = {f = math.cos}; t:f() end))
-- case: math_uncaught_error
local x = math.floor({})
-- case: bit_tobit
local vals = {0, 1, -1, 2 ^ 31, 2 ^ 31 - 1, -2 ^ 31, -2 ^ 31 - 1, 2 ^ 32, 2 ^ 32 + 5, -2 ^ 32 - 5,
              1.5, 2.5, -1.5, -2.5, 0.5, -0.5, 0.49999999999999994, 2 ^ 52, 2 ^ 52 + 1, 2 ^ 53,
              2 ^ 53 + 2, 2 ^ 63, -2 ^ 63, 1e300, -1e300, 1 / 0, -1 / 0, 0 / 0, -0, 5e-324,
              4294967295.5, 4294967296.5, 6755399441055744}
for _, v in ipairs(vals) do
  print(v, bit.tobit(v))
end
print(bit.tobit("0x7fffffff"), bit.tobit("  12  "), bit.tobit("1e3"), bit.tobit("0xffffffff"))
-- case: bit_tohex
for _, n in ipairs({0, 1, 2, 7, 8, 9, 15, 16, 17, 20, 254, 255, 256, 257, -1, -8, -9, -16,
                    -20, -2 ^ 31, 2 ^ 31, 2 ^ 32 + 3, 1.5, -2.5}) do
  print(n, bit.tohex(-1, n), bit.tohex(0x1234abcd, n), "[" .. bit.tohex(0, n) .. "]")
end
print(bit.tohex(1), bit.tohex(-1), bit.tohex(2 ^ 32 + 255), bit.tohex(0x7fffffff), bit.tohex(-2 ^ 31))
print(bit.tohex("255", "2"), bit.tohex(255, "-2"), bit.tohex(1 / 0), bit.tohex(0 / 0, 3))
-- case: bit_tohex_errors
print(pcall(bit.tohex))
print(pcall(bit.tohex, 1, nil))
print(pcall(bit.tohex, "x"))
print(pcall(bit.tohex, 1, {}))
print(pcall(function() return bit.tohex(1, false) .. "" end))
-- case: bit_bnot_bswap
for _, v in ipairs({0, 1, -1, 2 ^ 31, 0x12345678, 0xff, -2, 1.5, 2 ^ 32 + 1, 0 / 0}) do
  print(v, bit.bnot(v), bit.bswap(v), bit.tohex(bit.bswap(v)))
end
print(bit.bnot("5"), bit.bswap("0x01020304"))
print(pcall(bit.bnot), pcall(bit.bswap, {}))
-- case: bit_shifts
local xs = {1, -1, 0x80000000, 0x12345678, 0x7fffffff, -0x12345678}
local ns = {0, 1, 4, 31, 32, 33, -1, -31, 63, 2 ^ 32 + 1, 1.5, 2.5}
for _, x in ipairs(xs) do
  for _, n in ipairs(ns) do
    print(x, n, bit.lshift(x, n), bit.rshift(x, n), bit.arshift(x, n), bit.rol(x, n), bit.ror(x, n))
  end
end
-- case: bit_shift_errors
print(pcall(bit.lshift))
print(pcall(bit.lshift, 1))
print(pcall(bit.rshift, 1, nil))
print(pcall(bit.arshift, "x", 1))
print(pcall(bit.rol, 1, {}))
print(pcall(bit.ror, true, 1))
print(bit.lshift("1", "4"), bit.rshift(" 256 ", "0x4"))
-- case: bit_logic
print(bit.band(0xff, 0x0f), bit.bor(0xf0, 0x0f), bit.bxor(0xff, 0x0f))
print(bit.band(-1), bit.bor(5), bit.bxor(7), bit.band(2 ^ 32 + 3))
print(bit.band(0xff, 0xf0, 0x30), bit.bor(1, 2, 4, 8, 16), bit.bxor(1, 3, 7, 15, 31))
print(bit.band(-1, -2, -4), bit.bor(-2 ^ 31, 1), bit.bxor(-1, 2 ^ 31))
print(bit.band(1.5, 3), bit.bor("3", "0x10"), bit.bxor(0 / 0, 5), bit.band(1 / 0, -1))
local t = {}
for i = 1, 40 do t[i] = 2 ^ (i % 32) end
print(bit.bor(unpack(t)), bit.bxor(unpack(t)), bit.band(unpack(t)))
-- case: bit_logic_errors
print(pcall(bit.band))
print(pcall(bit.bor, 1, nil))
print(pcall(bit.bxor, 1, 2, {}))
print(pcall(bit.band, "x"))
print(pcall(function() return bit.band(1, 2, {}) end))
print(pcall(function() local r = bit.bor(1, 2, {}) return r end))
print(pcall(function() local r = bit.bxor(1, true) return r end))
-- case: bit_fuzz
local seed = 1
local function rnd()
  seed = (seed * 1103515245 + 12345) % 2147483648
  return seed
end
local lines = {}
for i = 1, 60 do
  local a = rnd() * 4 - 2 ^ 32 + rnd() / 7
  local b = rnd() % 64 - 16
  lines[#lines + 1] = table.concat({bit.tobit(a), bit.bnot(a), bit.band(a, b), bit.bor(a, b),
    bit.bxor(a, b), bit.lshift(a, b), bit.rshift(a, b), bit.arshift(a, b), bit.rol(a, b),
    bit.ror(a, b), bit.bswap(a), bit.tohex(a), bit.tohex(a, b % 10 - 5)}, " ")
end
print(table.concat(lines, "\n"))
-- case: bit_library_contents
local names = {}
for k in pairs(bit) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
print(bit.tobit, bit.bnot, bit.bswap, bit.lshift, bit.rshift, bit.arshift)
print(bit.rol, bit.ror, bit.band, bit.bor, bit.bxor, bit.tohex)
print(package.loaded.bit == bit, require("bit") == bit)
-- case: bit_named_errors
local b = bit
print(pcall(function() b.band(1, {}) end))
print(pcall(function() local sh = bit.lshift; sh(1) end))
print(pcall(function() local t = {tohex = bit.tohex}; t:tohex(nil) end))
-- case: os_date_utc_formats
local t = 1700000000
for _, f in ipairs({"%a", "%A", "%b", "%B", "%c", "%C", "%d", "%D", "%e", "%F", "%g", "%G",
                    "%h", "%H", "%I", "%j", "%k", "%l", "%m", "%M", "%n", "%p", "%P", "%r", "%R",
                    "%s", "%S", "%t", "%T", "%u", "%U", "%V", "%w", "%W", "%x", "%X", "%y", "%Y",
                    "%z", "%Z", "%%"}) do
  print(f, string.format("%q", os.date("!" .. f, t)))
end
-- case: os_date_utc_other_times
for _, t in ipairs({0, 1, 86399, 86400, 951782400, 978307199, 1234567890, 2147483647,
                    2147483648, 4102444800, -1, -86400, -2208988800, 253402300799, 1e10}) do
  print(t, os.date("!%Y-%m-%d %H:%M:%S %a %j %U %W %V %G %u %w", t))
end
-- case: os_date_flags_widths
local t = 1700000000
for _, f in ipairs({"%10A|", "%_5d|", "%-d|", "%-j|", "%05e|", "%0e|", "%^a|", "%^B|", "%#Z|",
                    "%#p|", "%#a|", "%#b|", "%_H|", "%-H|", "%3Y|", "%12Y|", "%-m|", "%_m|",
                    "%_10B|", "%-10B|", "%010d|", "%^_10a|", "%Ey|", "%EY|", "%Ec|", "%Ex|",
                    "%EX|", "%EC|", "%Od|", "%Oe|", "%OH|", "%OI|", "%Om|", "%OM|", "%OS|",
                    "%Ou|", "%OU|", "%OV|", "%Ow|", "%OW|", "%Oy|", "%Ez|", "%Oz|", "%Ea|"}) do
  print(f, string.format("%q", os.date("!" .. f, t)))
end
-- case: os_date_invalid_specifiers
local t = 1700000000
for _, f in ipairs({"%Q", "%", "abc%", "%5", "%-", "%E", "%O", "%+4Y", "%+Y", "%i", "%J",
                    "%K", "%L", "%N", "%o", "%q", "%v", "%1", "%_", "%^", "%#", "%EQ", "%OQ",
                    "a%%b", "%%%", "x\0y", "100%"}) do
  local r = os.date("!" .. f, t)
  print(string.format("%q", f), r and string.format("%q", r), r and #r)
end
-- case: os_date_buffer_limit
local t = 1700000000
print(#os.date("!%100Y", t), #os.date("!%300Y", t), #os.date("!%500Y", t))
print(os.date("!%1000Y", t), os.date("!%2000d", 12345))
print(os.date("!%1000Y"), type(os.date("%5000Y")))
print(#os.date("!" .. string.rep("%c", 40), t))
-- case: os_date_table_utc
local function show(tt)
  print(tt.year, tt.month, tt.day, tt.hour, tt.min, tt.sec, tt.wday, tt.yday, tt.isdst)
end
for _, t in ipairs({0, 1700000000, 951782400, 978307199, -1, 1e10, 86400 * 365.25 * 100}) do
  show(os.date("!*t", t))
end
local n = 0
for k in pairs(os.date("!*t", 0)) do n = n + 1 end
print(n)
-- case: os_date_table_local
-- env: TZ=America/New_York
local function show(tt)
  print(tt.year, tt.month, tt.day, tt.hour, tt.min, tt.sec, tt.wday, tt.yday, tt.isdst)
end
for _, t in ipairs({0, 1700000000, 1690000000, 1710054000, 1710053999, 1699164000}) do
  show(os.date("*t", t))
  print(os.date("%Y-%m-%d %H:%M:%S %Z %z", t))
end
-- case: os_date_posix_tz
-- env: TZ=EST5EDT,M3.2.0,M11.1.0
for _, t in ipairs({0, 1700000000, 1690000000}) do
  print(os.date("%c %Z %z", t), os.date("*t", t).isdst)
end
print(os.date("!%c %Z %z", 1690000000))
-- case: os_date_fractional_and_strings
print(os.date("!%H:%M:%S", 3661.9), os.date("!%H:%M:%S", -0.5), os.date("!%c", -1.5))
print(os.date("!%Y", "12345"), os.date("!%Y", " 1e9 "), os.date(12, 3), os.date("!", 5))
print(os.date("", 0), "[" .. os.date("") .. "]", os.date("!*t\0junk", 0).year)
-- case: os_date_out_of_range
print(os.date("!%c", 2 ^ 60), os.date("!%c", -1e18), os.date("!%Y", 2 ^ 55))
print(os.date("!%Y", 1 / 0), os.date("!%Y", 0 / 0), os.date("!*t", 2 ^ 63), os.date("", 1 / 0))
print(os.date("!%Y", 67767976233532799 - 86400 * 366 * 2000))
print(os.date("!%Y-%m-%d", -62167219200), os.date("!%Y", -67768040609740800))
-- case: os_date_defaults
local d = os.date()
print(type(d), #d > 10, d:match("^%a%a%a %a%a%a [ %d]%d %d%d:%d%d:%d%d %d%d%d%d$") ~= nil)
print(os.date("!%Y") == os.date("!%Y", os.time()), type(os.date("*t").isdst))
print(os.date("!%c", nil) == os.date("!%c"))
-- case: os_date_errors
print(pcall(os.date, {}))
print(pcall(os.date, "%Y", "x"))
print(pcall(os.date, "%Y", {}))
print(pcall(os.date, true))
print(pcall(function() return os.date("%c", {}) .. "" end))
-- case: os_date_locale
print(os.setlocale("C.UTF-8", "time"), os.date("!%c %a %B %p", 1700000000))
print(os.setlocale("C", "time"), os.date("!%x %X", 1700000000))
print(os.setlocale("POSIX"), os.date("!%r", 1700000000))
-- case: os_time_tables
print(os.time{year = 2000, month = 1, day = 1}, os.time{year = 2000, month = 1, day = 1, hour = 0})
print(os.time{year = 2000, month = 13, day = 32, hour = 25, min = 61, sec = 61})
print(os.time{year = 2000, month = 1, day = 1, isdst = true}, os.time{year = 2000, month = 7, day = 1, isdst = false})
print(os.time{year = "2000", month = "3", day = "4.7"}, os.time{year = 2000.9, month = -1, day = 0})
print(os.time{year = 2024, month = 2, day = 29, hour = 23, min = 59, sec = 59})
print(os.time{year = 2023, month = 2, day = 29}, os.time{year = 2024, month = 0, day = 0})
print(os.time{year = 1970, month = 1, day = 1, hour = 0}, os.time{year = 1970, month = 1, day = 1, hour = 0, sec = -1})
print(os.time{year = 2000, month = 1, day = 1, sec = 2 ^ 40}, os.time{year = 2000, month = 1, day = 1, min = -1e6})
print(os.time{year = 2000, month = 1, day = 1, hour = "x"}, os.time{year = 2000, month = 1, day = 1, sec = {}})
-- case: os_time_extremes
print(os.time{year = 1e10, month = 1, day = 1}, os.time{year = -1e10, month = 1, day = 1})
print(os.time{year = 2 ^ 31 + 1900, month = 1, day = 1})
print(os.time{year = 0 / 0, month = 1, day = 1}, os.time{year = 1 / 0, month = 1, day = 1})
print(os.time{year = 1900, month = 1, day = 1}, os.time{year = 1, month = 1, day = 1})
print(os.time{year = -100, month = 1, day = 1}, os.time{year = 292277026596, month = 1, day = 1})
print(os.time{year = 2000, month = 2 ^ 32 + 1, day = 1}, os.time{year = 2000, month = 1, day = 2 ^ 31})
-- case: os_time_minus_one
print(os.time{year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 59})
print(os.time{year = 1969, month = 12, day = 31, hour = 23, min = 59, sec = 58})
-- case: os_time_errors
print(pcall(os.time, {year = 2000, month = 1}))
print(pcall(os.time, {year = 2000, day = 1}))
print(pcall(os.time, {month = 1, day = 1}))
print(pcall(os.time, {year = 2000, month = 1, day = "x"}))
print(pcall(os.time, {year = 2000, month = {}, day = 1}))
print(pcall(os.time, 5))
print(pcall(os.time, "x"))
print(pcall(os.time, true))
print(pcall(function() return os.time({}) end))
print(pcall(function() local t = os.time({year = 1}) return t end))
-- case: os_time_uncaught
local t = os.time({year = 2000})
-- case: os_time_index_metamethod
local log = {}
local t = setmetatable({}, {__index = function(t, k)
  log[#log + 1] = k
  return ({year = 2001, month = 2, day = 3})[k]
end})
print(os.time(t), table.concat(log, " "))
local d = setmetatable({}, {__index = {year = 1999, month = 12, day = 31, hour = 0}})
print(os.time(d))
-- case: os_time_roundtrip_local
-- env: TZ=America/New_York
for _, t in ipairs({0, 1700000000, 1690000000, 1710054000, 1699164000}) do
  local d = os.date("*t", t)
  print(t, os.time(d), d.isdst)
end
print(os.time{year = 2024, month = 3, day = 10, hour = 2, min = 30})
print(os.time{year = 2024, month = 11, day = 3, hour = 1, min = 30})
print(os.time{year = 2024, month = 11, day = 3, hour = 1, min = 30, isdst = true})
print(os.time{year = 2024, month = 11, day = 3, hour = 1, min = 30, isdst = false})
print(os.time{year = 2000, month = 1, day = 1}, os.time{year = 2000, month = 7, day = 1})
-- case: os_time_now
local a = os.time()
local b = os.time(nil)
print(type(a), a == math.floor(a), b - a >= 0, b - a < 5)
print(math.abs(os.time(os.date("*t", a)) - a) < 2)
-- case: os_difftime
print(os.difftime(10, 3), os.difftime(10), os.difftime(2.9, 1.1), os.difftime(-1.5))
print(os.difftime("10", "3"), os.difftime(1e300, 0 / 0), os.difftime(0, 1e300), os.difftime(2 ^ 62, -2 ^ 62))
print(os.difftime(1, nil), os.difftime(-0.9, 0.9))
print(pcall(os.difftime))
print(pcall(os.difftime, 1, {}))
print(pcall(os.difftime, "x"))
-- case: os_clock
local c1 = os.clock()
local x = 0
for i = 1, 300000 do x = x + i % 7 end
local c2 = os.clock()
print(type(c1), c1 >= 0, c2 >= c1, c1 < 1000, select('#', os.clock(1, 2)))
-- case: os_getenv
-- env: MOONLENS_TEST_VAR=hello world
-- env: MOONLENS_EMPTY=
print(os.getenv("MOONLENS_TEST_VAR"), "[" .. os.getenv("MOONLENS_EMPTY") .. "]")
print(os.getenv("MOONLENS_SURELY_UNSET_VARIABLE"), type(os.getenv("PATH")), os.getenv("TZ"))
print(os.getenv("MOONLENS_TEST_VAR\0junk"), os.getenv(""), os.getenv("MOONLENS_TEST_VAR="))
print(os.getenv(123))
print(pcall(os.getenv))
print(pcall(os.getenv, {}))
-- case: os_remove_rename
local f = io.open("a.txt", "w")
f:write("data")
f:close()
print(os.rename("a.txt", "b.txt"))
print(io.open("a.txt"), io.open("b.txt") ~= nil)
print(os.rename("a.txt", "c.txt"))
print(os.remove("b.txt"))
print(os.remove("b.txt"))
print(os.remove(""))
print(os.rename("", "x"))
print(os.remove("nodir/x.txt"))
print(os.remove("b.txt\0junk"))
-- case: os_remove_directory
print(os.execute("mkdir d1 && mkdir d2 && touch d2/f"))
print(os.remove("d1"))
print(os.remove("d2"))
print(os.remove("d2/f"), os.remove("d2"))
print(os.rename("missing_dir", "x"))
-- case: os_remove_rename_errors
print(pcall(os.remove))
print(pcall(os.remove, {}))
print(pcall(os.rename, "a"))
print(pcall(os.rename, nil, "b"))
print(pcall(function() return os.rename("a", {}) end))
print(os.remove(12345))
-- case: os_tmpname
local n = os.tmpname()
print(type(n), n:match("^/tmp/lua_%w%w%w%w%w%w$") ~= nil)
local f = io.open(n)
print(f ~= nil, f and f:read("*a"))
if f then f:close() end
print(os.remove(n))
local m = os.tmpname()
print(m ~= n)
os.remove(m)
-- case: os_execute
print(os.execute())
print(os.execute("exit 3"))
print(os.execute("true"))
print(os.execute("exit 255"), os.execute("false"))
print(pcall(os.execute, {}))
-- case: os_exit_plain
print("before")
io.write("no newline")
os.exit()
print("after")
-- case: os_exit_code
io.write("x\n")
os.exit(3)
-- case: os_exit_true
os.exit(true)
-- case: os_exit_false
print("f")
os.exit(false)
-- case: os_exit_wraps
os.exit(256 + 7)
-- case: os_exit_negative
os.exit(-1)
-- case: os_exit_string
os.exit("5")
-- case: os_exit_float
os.exit(2.9)
-- case: os_exit_huge
os.exit(2 ^ 40)
-- case: os_exit_nil
os.exit(nil, false)
-- case: os_exit_badarg
print(pcall(os.exit, {}))
print(pcall(os.exit, "x"))
os.exit({})
-- case: os_exit_in_pcall
print(pcall(os.exit, 4))
print("not reached")
-- case: os_exit_in_coroutine
local co = coroutine.wrap(function() print("in co") os.exit(6) end)
co()
print("not reached")
-- case: os_exit_close_runs_gc
local p = newproxy(true)
getmetatable(p).__gc = function() print("gc ran") end
print("exiting")
os.exit(0, true)
-- case: os_exit_no_close_no_gc
local p = newproxy(true)
getmetatable(p).__gc = function() print("gc ran") end
print("exiting")
os.exit(0)
-- case: os_exit_close_order
local keep = {}
for i = 1, 3 do
  local p = newproxy(true)
  getmetatable(p).__gc = function() print("gc", i) end
  keep[i] = p
end
os.exit(9, 1)
-- case: os_exit_flushes_files
local f = io.open("out.txt", "w")
f:write("buffered")
io.write("stdout buffered")
os.exit(0)
-- case: os_setlocale
print(os.setlocale(), os.setlocale(nil), os.setlocale(nil, "time"))
print(os.setlocale("C"), os.setlocale("POSIX"), os.setlocale("C.UTF-8"), os.setlocale())
print(os.setlocale("xx_YY"), os.setlocale("C", "numeric"), os.setlocale())
print(os.setlocale(nil, "ctype"), os.setlocale(nil, "numeric"), os.setlocale(nil, "collate"))
print(os.setlocale(nil, "monetary"), os.setlocale(nil, "all"), os.setlocale(nil, "\255"))
print(os.setlocale("C"), os.setlocale())
print(os.setlocale(5), os.setlocale("C\0junk"))
-- case: os_setlocale_env
-- env: LANG=C.UTF-8
-- env: LC_TIME=POSIX
print(os.setlocale(""), os.setlocale(nil, "time"), os.setlocale(nil, "ctype"))
print(os.setlocale("", "numeric"), os.setlocale())
-- case: os_setlocale_errors
print(pcall(os.setlocale, nil, "bad"))
print(pcall(os.setlocale, "C", "ALL"))
print(pcall(os.setlocale, {}))
print(pcall(os.setlocale, "C", {}))
print(pcall(function() return os.setlocale("C", "tim") end))
print(pcall(function() local r = os.setlocale(nil, "x\0y") return r end))
-- case: os_library_contents
local names = {}
for k in pairs(os) do names[#names + 1] = k end
table.sort(names)
print(table.concat(names, " "))
print(os.execute, os.remove, os.rename, os.tmpname, os.getenv, os.exit)
print(os.clock, os.date, os.time, os.difftime, os.setlocale)
print(package.loaded.os == os)
-- case: os_named_errors
local o = os
print(pcall(function() o.time(1) end))
print(pcall(function() local d = os.date; d({}) end))
print(pcall(function() local t = {g = os.getenv}; t:g() end))
print(pcall(function() return os.difftime() end))
-- case: math_abs_args
local f = math.abs
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.abs(print) return r end))
print(pcall(function() local abs = math.abs; local r = abs() return r end))
-- case: math_floor_args
local f = math.floor
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.floor(print) return r end))
print(pcall(function() local floor = math.floor; local r = floor() return r end))
-- case: math_ceil_args
local f = math.ceil
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.ceil(print) return r end))
print(pcall(function() local ceil = math.ceil; local r = ceil() return r end))
-- case: math_sqrt_args
local f = math.sqrt
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.sqrt(print) return r end))
print(pcall(function() local sqrt = math.sqrt; local r = sqrt() return r end))
-- case: math_log10_args
local f = math.log10
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.log10(print) return r end))
print(pcall(function() local log10 = math.log10; local r = log10() return r end))
-- case: math_exp_args
local f = math.exp
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.exp(print) return r end))
print(pcall(function() local exp = math.exp; local r = exp() return r end))
-- case: math_sin_args
local f = math.sin
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.sin(print) return r end))
print(pcall(function() local sin = math.sin; local r = sin() return r end))
-- case: math_cos_args
local f = math.cos
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.cos(print) return r end))
print(pcall(function() local cos = math.cos; local r = cos() return r end))
-- case: math_tan_args
local f = math.tan
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.tan(print) return r end))
print(pcall(function() local tan = math.tan; local r = tan() return r end))
-- case: math_asin_args
local f = math.asin
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.asin(print) return r end))
print(pcall(function() local asin = math.asin; local r = asin() return r end))
-- case: math_acos_args
local f = math.acos
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.acos(print) return r end))
print(pcall(function() local acos = math.acos; local r = acos() return r end))
-- case: math_atan_args
local f = math.atan
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.atan(print) return r end))
print(pcall(function() local atan = math.atan; local r = atan() return r end))
-- case: math_sinh_args
local f = math.sinh
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.sinh(print) return r end))
print(pcall(function() local sinh = math.sinh; local r = sinh() return r end))
-- case: math_cosh_args
local f = math.cosh
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.cosh(print) return r end))
print(pcall(function() local cosh = math.cosh; local r = cosh() return r end))
-- case: math_tanh_args
local f = math.tanh
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.tanh(print) return r end))
print(pcall(function() local tanh = math.tanh; local r = tanh() return r end))
-- case: math_frexp_args
local f = math.frexp
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.frexp(print) return r end))
print(pcall(function() local frexp = math.frexp; local r = frexp() return r end))
-- case: math_modf_args
local f = math.modf
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.modf(print) return r end))
print(pcall(function() local modf = math.modf; local r = modf() return r end))
-- case: math_log_args
local f = math.log
print(f(0.25), f("0.25"), f(" 0x1p-2 "), f(2, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "0.25x"))
print(pcall(f, {}))
print(pcall(f, false))
print(pcall(function() local r = math.log(print) return r end))
print(pcall(function() local log = math.log; local r = log() return r end))
-- case: math_atan2_args
local f = math.atan2
print(f(0.5, 2), f("0.5", "2"), f(0.5, 2, "ignored"))
print(pcall(f))
print(pcall(f, 1))
print(pcall(f, 1, nil))
print(pcall(f, nil, 1))
print(pcall(f, 1, "two"))
print(pcall(f, {}, {}))
print(pcall(function() local r = math.atan2(1, {}) return r end))
-- case: math_pow_args
local f = math.pow
print(f(0.5, 2), f("0.5", "2"), f(0.5, 2, "ignored"))
print(pcall(f))
print(pcall(f, 1))
print(pcall(f, 1, nil))
print(pcall(f, nil, 1))
print(pcall(f, 1, "two"))
print(pcall(f, {}, {}))
print(pcall(function() local r = math.pow(1, {}) return r end))
-- case: math_fmod_args
local f = math.fmod
print(f(0.5, 2), f("0.5", "2"), f(0.5, 2, "ignored"))
print(pcall(f))
print(pcall(f, 1))
print(pcall(f, 1, nil))
print(pcall(f, nil, 1))
print(pcall(f, 1, "two"))
print(pcall(f, {}, {}))
print(pcall(function() local r = math.fmod(1, {}) return r end))
-- case: math_ldexp_args
local f = math.ldexp
print(f(0.5, 2), f("0.5", "2"), f(0.5, 2, "ignored"))
print(pcall(f))
print(pcall(f, 1))
print(pcall(f, 1, nil))
print(pcall(f, nil, 1))
print(pcall(f, 1, "two"))
print(pcall(f, {}, {}))
print(pcall(function() local r = math.ldexp(1, {}) return r end))
-- case: bit_tobit_args
local f = bit.tobit
print(f(0x12345678), f("0x12345678"), f(" 305419896 "), f(305419896.4), f(1, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "1x"))
print(pcall(f, {}))
print(pcall(function() local r = bit.tobit(true) return r end))
-- case: bit_bnot_args
local f = bit.bnot
print(f(0x12345678), f("0x12345678"), f(" 305419896 "), f(305419896.4), f(1, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "1x"))
print(pcall(f, {}))
print(pcall(function() local r = bit.bnot(true) return r end))
-- case: bit_bswap_args
local f = bit.bswap
print(f(0x12345678), f("0x12345678"), f(" 305419896 "), f(305419896.4), f(1, "ignored"))
print(pcall(f))
print(pcall(f, nil))
print(pcall(f, "1x"))
print(pcall(f, {}))
print(pcall(function() local r = bit.bswap(true) return r end))
-- case: bit_lshift_args
local f = bit.lshift
print(f(0x12345678, 4), f("0x12345678", "4"), f(-8, 1.5), f(1, 36), f(-1, -1))
print(pcall(f))
print(pcall(f, 1))
print(pcall(f, 1, nil))
print(pcall(f, "x", 1))
print(pcall(f, 1, {}))
print(pcall(function() local r = bit.lshift(1) return r end))
-- case: bit_rshift_args
local f = bit.rshift
print(f(0x12345678, 4), f("0x12345678", "4"), f(-8, 1.5), f(1, 36), f(-1, -1))
print(pcall(f))
print(pcall(f, 1))
print(pcall(f, 1, nil))
print(pcall(f, "x", 1))
print(pcall(f, 1, {}))
print(pcall(function() local r = bit.rshift(1) return r end))
-- case: bit_arshift_args
local f = bit.arshift
print(f(0x12345678, 4), f("0x12345678", "4"), f(-8, 1.5), f(1, 36), f(-1, -1))
print(pcall(f))
print(pcall(f, 1))
print(pcall(f, 1, nil))
print(pcall(f, "x", 1))
print(pcall(f, 1, {}))
print(pcall(function() local r = bit.arshift(1) return r end))
-- case: bit_rol_args
local f = bit.rol
print(f(0x12345678, 4), f("0x12345678", "4"), f(-8, 1.5), f(1, 36), f(-1, -1))
print(pcall(f))
print(pcall(f, 1))
print(pcall(f, 1, nil))
print(pcall(f, "x", 1))
print(pcall(f, 1, {}))
print(pcall(function() local r = bit.rol(1) return r end))
-- case: bit_ror_args
local f = bit.ror
print(f(0x12345678, 4), f("0x12345678", "4"), f(-8, 1.5), f(1, 36), f(-1, -1))
print(pcall(f))
print(pcall(f, 1))
print(pcall(f, 1, nil))
print(pcall(f, "x", 1))
print(pcall(f, 1, {}))
print(pcall(function() local r = bit.ror(1) return r end))
-- case: bit_band_args
local f = bit.band
print(f(12), f(12, 10), f("12", "0xa", 6.5), f(-1, 0x80000000, 2^32 + 7))
print(pcall(f))
print(pcall(f, 1, nil))
print(pcall(f, 1, 2, 3, "z"))
print(pcall(f, {}))
print(pcall(function() local r = bit.band(1, 2, false) return r end))
-- case: bit_bor_args
local f = bit.bor
print(f(12), f(12, 10), f("12", "0xa", 6.5), f(-1, 0x80000000, 2^32 + 7))
print(pcall(f))
print(pcall(f, 1, nil))
print(pcall(f, 1, 2, 3, "z"))
print(pcall(f, {}))
print(pcall(function() local r = bit.bor(1, 2, false) return r end))
-- case: bit_bxor_args
local f = bit.bxor
print(f(12), f(12, 10), f("12", "0xa", 6.5), f(-1, 0x80000000, 2^32 + 7))
print(pcall(f))
print(pcall(f, 1, nil))
print(pcall(f, 1, 2, 3, "z"))
print(pcall(f, {}))
print(pcall(function() local r = bit.bxor(1, 2, false) return r end))
-- case: tab_concat_index_edges
print(pcall(table.concat, {}, ",", 0 / 0))
print(pcall(table.concat, {}, ",", 2 ^ 40, 2 ^ 40 + 1))
print(pcall(table.concat, {"a"}, ",", 1, 1 / 0))
print(table.concat({"a", "b"}, ",", -1 / 0, -2 ^ 40))
print(table.concat({[-2147483648] = "lo"}, ",", -2147483648, -2147483648))
-- case: tab_concat_numeric_strings
print(table.concat({"1", 2, "3.50", 4.5, " 6 "}, "+"))
print(table.concat({1, 2}, ""), table.concat({1, 2}, "", 2), table.concat({"x"}, "abc", 1, 1))
-- case: tab_concat_sep_number
print(table.concat({"a", "b", "c"}, 1.5), table.concat({"a", "b"}, -0), table.concat({"a", "b"}, 1e100))
print(table.concat({"a", "b"}, 0 / 0), table.concat({"a", "b"}, 1 / 0))
-- case: tab_concat_after_removal
local t = {}
for i = 1, 10 do t[i] = "v" .. i end
for i = 10, 6, -1 do t[i] = nil end
print(#t, table.concat(t, " "))
t[8] = "late"
print(#t, table.concat(t, " "))
-- case: tab_insert_shift_holes
local t = {1, nil, 3}
print(#t)
table.insert(t, 1, "a")
print(#t, t[1], t[2], t[3], t[4])
local u = {[1] = "x", [3] = "z"}
table.insert(u, 1, "w")
print(u[1], u[2], u[3], u[4])
-- case: tab_insert_returns_nothing
print(select('#', table.insert({}, 1)), select('#', table.insert({}, 1, 2)))
-- case: tab_insert_method_call
local t = setmetatable({}, {__index = table})
t:insert("a")
t:insert(1, "b")
print(t:concat(","), #t)
print(pcall(function() t:insert() end))
print(pcall(function() t:insert(1, 2, 3) end))
-- case: tab_maxn_mixed
local t = {1, 2, 3}
t[2.5] = 1
t[-1] = 1
t[1e9] = nil
t[5] = true
print(table.maxn(t))
t[1e15] = false
print(table.maxn(t))
print(table.maxn({[1 / 0] = 1}), table.maxn({[-1 / 0] = 1, [3] = 1}))
-- case: tab_sort_all_perms_4
local function perms(a, k, out)
  k = k or 1
  out = out or {}
  if k > #a then out[#out + 1] = {unpack(a)} return out end
  for i = k, #a do
    a[k], a[i] = a[i], a[k]
    perms(a, k + 1, out)
    a[k], a[i] = a[i], a[k]
  end
  return out
end
for _, p in ipairs(perms({1, 2, 3, 4})) do
  local before = table.concat(p)
  local calls = {}
  table.sort(p, function(a, b) calls[#calls + 1] = a .. b return a < b end)
  print(before, table.concat(p), table.concat(calls, " "))
end
-- case: tab_sort_perms_6_counts
local function perms(a, k, out)
  k = k or 1
  out = out or {}
  if k > #a then out[#out + 1] = {unpack(a)} return out end
  for i = k, #a do
    a[k], a[i] = a[i], a[k]
    perms(a, k + 1, out)
    a[k], a[i] = a[i], a[k]
  end
  return out
end
local counts = {}
for _, p in ipairs(perms({1, 2, 3, 4, 5, 6})) do
  local n = 0
  table.sort(p, function(a, b) n = n + 1 return a < b end)
  counts[n] = (counts[n] or 0) + 1
end
for n = 1, 40 do if counts[n] then io.write(n, ":", counts[n], " ") end end
print()
-- case: tab_sort_truthy_results
local t = {4, 2, 5, 1, 3}
table.sort(t, function(a, b) if a < b then return 0 end return nil end)
print(table.concat(t, ","))
table.sort(t, function(a, b) if a > b then return "yes" end return false end)
print(table.concat(t, ","))
table.sort(t, function(a, b) return a < b, "extra" end)
print(table.concat(t, ","))
-- case: tab_sort_mixed_ints_floats
local t = {3, 1.5, -2, 2 ^ 40, -0.25, 7, 1e-9, 100}
table.sort(t)
print(table.concat(t, " "))
-- case: tab_sort_strings_numbers_as_strings
local t = {"10", "9", "100", "1", "-1", "a", "A", "_"}
table.sort(t)
print(table.concat(t, " "))
-- case: tab_sort_yield_in_comparator
local co = coroutine.create(function()
  table.sort({3, 2, 1}, function(a, b) coroutine.yield("y") return a < b end)
end)
print(coroutine.resume(co))
-- case: tab_sort_reverse_sorted_calls
for _, n in ipairs({8, 16, 33, 100}) do
  local t = {}
  for i = 1, n do t[i] = n - i end
  local c = 0
  table.sort(t, function(a, b) c = c + 1 return a < b end)
  print(n, c, t[1], t[n])
end
-- case: tab_sort_sorted_and_equal_calls
for _, n in ipairs({8, 16, 33, 100}) do
  local t, e = {}, {}
  for i = 1, n do t[i] = i e[i] = 5 end
  local c1, c2 = 0, 0
  table.sort(t, function(a, b) c1 = c1 + 1 return a < b end)
  local ok, err = pcall(table.sort, e, function(a, b) c2 = c2 + 1 return a < b end)
  print(n, c1, c2, ok, err)
end
-- case: tab_sort_organ_pipe
local t = {}
for i = 1, 25 do t[i] = i <= 13 and i or 26 - i end
local c = 0
table.sort(t, function(a, b) c = c + 1 return a > b end)
print(c, table.concat(t, " "))
-- case: tab_clear_reuse
local tc = require("table.clear")
local t = {1, 2, 3, x = 1, y = 2}
tc(t)
print(#t, next(t))
for i = 1, 5 do t[i] = i * i end
t.k = "v"
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(#t, n, t[5], t.k)
local e = {}
tc(e)
print(next(e))
local mt = setmetatable({1}, {__index = function() return "mi" end})
tc(mt)
print(mt[1], rawget(mt, 1))
-- case: tab_new_usable
local tn = require("table.new")
local t = tn(5, 3)
t[1], t[2], t[3] = "a", "b", "c"
t.x = 10
print(#t, t.x, table.concat(t, ","))
local big = tn(1000, 0)
for i = 1, 1000 do big[i] = i end
print(#big, big[1000])
local h = tn(0, 100)
for i = 1, 100 do h["k" .. i] = i end
local s = 0
for k, v in pairs(h) do s = s + v end
print(s)
-- case: tab_errors_uncaught_traceback
table.concat({{}})
-- case: tab_insert_uncaught_traceback
table.insert({}, 1, 2, 3)
-- case: math_random_args_matrix
for seed = 0, 9 do
  math.randomseed(seed)
  io.write(seed, ": ")
  for _, a in ipairs({1, 2, 6, 100, 2 ^ 31}) do io.write(math.random(a), " ") end
  io.write(math.random(-10, 10), " ", math.random(1000, 2000), " ", string.format("%.15g", math.random()))
  print()
end
-- case: math_random_float_bounds
math.randomseed(11)
for i = 1, 6 do
  io.write(math.random(2.5, 7.9), " ", math.random(-2.5), " ", math.random(0.1), " ")
end
print()
-- case: math_randomseed_returns
print(select('#', math.randomseed(1)), math.randomseed(2))
-- case: math_random_state_after_error
math.randomseed(3)
local a = math.random()
math.randomseed(3)
pcall(math.random, {})
local b = math.random()
math.randomseed(3)
math.random()
local c = math.random()
print(a == b, b == c)
-- case: math_huge_arith
print(math.huge - math.huge, math.huge * 0, -math.huge + 1, math.huge / math.huge)
print(math.floor(math.huge), math.ceil(-math.huge), math.abs(-math.huge), math.sqrt(math.huge))
print(math.fmod(math.huge, 2), math.fmod(2, math.huge), math.modf(math.huge))
-- case: math_negative_zero_printing
print(-0, 0 * -1, math.abs(-0), math.floor(-0), math.ceil(-0.1), math.sqrt(-0))
print(math.min(-0), math.max(-0), math.fmod(-0, 5), math.modf(-0), math.ldexp(-0, 3))
print(math.sin(-0), math.tan(-0), math.asin(-0), math.atan(-0), math.sinh(-0), math.tanh(-0))
print(math.pow(-0, 3), math.pow(-0, 2), math.atan2(-0, 1), math.frexp(-0))
-- case: math_precision_values
for _, x in ipairs({0.1, 1 / 3, 2 / 3, 1e-5, 123.456, 1e21, 2 ^ 0.5}) do
  print(string.format("%.17g %.17g %.17g %.17g %.17g", math.sin(x), math.exp(x), math.log(x),
    math.sqrt(x), math.atan2(x, 1 - x)))
end
-- case: math_tostring_of_results
print(math.floor(3.9999999999999996), math.floor(1e14 + 0.9), math.ceil(99999999999999.5))
print(math.floor(-123456789012345.7), math.ceil(0.1) .. "", math.floor(7) .. "|" .. math.abs(-7.25))
-- case: bit_tohex_table_upper
for n = -10, 10 do
  io.write(string.format("%d=%s ", n, bit.tohex(0xdeadbeef, n)))
end
print()
-- case: bit_arith_identities
local seed = 7
local function rnd()
  seed = (seed * 69069 + 1) % 4294967296
  return seed - 2147483648
end
local ok = true
for i = 1, 500 do
  local a, b = rnd(), rnd()
  if bit.bxor(a, b) ~= bit.band(bit.bor(a, b), bit.bnot(bit.band(a, b))) then ok = false end
  if bit.rol(a, i) ~= bit.ror(a, 32 - i % 32) then ok = false end
  if bit.bswap(bit.bswap(a)) ~= a then ok = false end
  if bit.tobit(a + 2 ^ 32) ~= a then ok = false end
end
print(ok)
-- case: bit_large_doubles
for _, v in ipairs({2 ^ 51, 2 ^ 51 + 0.5, 2 ^ 51 + 1.5, 2 ^ 52 - 0.5, 2 ^ 54, 2 ^ 60 + 2 ^ 33,
                    -2 ^ 51 - 0.5, 1e15 + 0.3, 1e16, 1e17 + 1e3, 3.999999999, -3.999999999}) do
  print(string.format("%.17g", v), bit.tobit(v), bit.tohex(v))
end
-- case: bit_uncaught_error
print(bit.band(1, "x"))
-- case: os_date_local_utc_zone
print(os.date("%Y-%m-%d %H:%M:%S %Z %z", 1700000000), os.date("*t", 1700000000).isdst)
print(os.date("%c", 0), os.date("%x %X %p", 43200))
-- case: os_date_half_hour_zone
-- env: TZ=IST-5:30
for _, t in ipairs({0, 1700000000, 1719792000}) do
  print(os.date("%Y-%m-%d %H:%M:%S %Z %z", t), os.date("*t", t).hour, os.date("*t", t).min)
end
print(os.time{year = 2024, month = 1, day = 1, hour = 0}, os.time{year = 1970, month = 1, day = 1, hour = 5, min = 30})
-- case: os_date_london_dst
-- env: TZ=GMT0BST,M3.5.0/1,M10.5.0
for _, t in ipairs({1711846799, 1711846800, 1729990799, 1729990800, 1729994400}) do
  local d = os.date("*t", t)
  print(t, os.date("%Y-%m-%d %H:%M:%S %Z %z", t), d.isdst, d.yday, d.wday)
end
print(os.time{year = 2024, month = 3, day = 31, hour = 1, min = 30})
print(os.time{year = 2024, month = 10, day = 27, hour = 1, min = 30, isdst = true})
print(os.time{year = 2024, month = 10, day = 27, hour = 1, min = 30, isdst = false})
-- case: os_date_southern_dst
-- env: TZ=<+1030>-10:30<+11>-11,M10.1.0,M4.1.0
for _, t in ipairs({1700000000, 1720000000, 1712412000, 1728144000}) do
  print(os.date("%Y-%m-%d %H:%M:%S %Z %z", t), os.date("*t", t).isdst)
end
-- case: os_date_week_numbers
for _, t in ipairs({1703980800, 1704067200, 1704153600, 1735603200, 1735689600, 1609459200,
                    1609545600, 1262304000, 1230768000}) do
  print(os.date("!%Y-%m-%d %a | %U %W %V %G %g %u %w %j", t))
end
-- case: os_date_twelve_hour
for _, h in ipairs({0, 1, 11, 12, 13, 23}) do
  local t = h * 3600 + 5 * 60
  print(os.date("!%H %I %l %k %p %P %r", t))
end
-- case: os_date_century_years
for _, t in ipairs({-62135596800, -30610224000, -2208988800, 946684800, 4102444800,
                    32503680000, 253402300800}) do
  print(os.date("!%Y %C %y %G %g %D %F", t))
end
-- case: os_date_non_ascii_format
local r = os.date("!\xe9t\xe9 %Y \xff\xfe", 1700000000)
print(#r, r:byte(1, -1))
print(os.date("!日付 %Y年%m月", 1700000000))
-- case: os_date_long_literal
local s = string.rep("abc", 100)
print(#os.date("!" .. s, 0), #os.date("!" .. s .. "%Y", 0))
print(#os.date("!" .. string.rep("x", 5000), 0))
-- case: os_date_table_fields_types
local d = os.date("!*t", 1234567890)
print(type(d.year), type(d.isdst), math.type, d.sec + 0.5)
local keys = {}
for k in pairs(d) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, " "))
-- case: os_time_normalisation_matrix
local base = {year = 2023, month = 6, day = 15, hour = 12, min = 0, sec = 0}
for _, f in ipairs({"sec", "min", "hour", "day", "month"}) do
  for _, d in ipairs({-1000, -61, -1, 0, 59, 60, 1000}) do
    local t = {}
    for k, v in pairs(base) do t[k] = v end
    t[f] = t[f] + d
    io.write(os.time(t), " ")
  end
  print()
end
-- case: os_time_string_and_float_fields
print(os.time{year = "2020", month = "0x2", day = " 29 ", hour = "1e1", min = "2.9", sec = "-3.9"})
print(os.time{year = 2020.99, month = 2.99, day = 28.99, hour = -0.99, min = 0, sec = 0})
print(os.time{year = 2020, month = 2, day = 29, hour = true}, os.time{year = 2020, month = 2, day = 29, min = "x"})
-- case: os_time_isdst_values
print(os.time{year = 2000, month = 1, day = 1, isdst = 0}, os.time{year = 2000, month = 1, day = 1, isdst = "no"})
print(os.time{year = 2000, month = 1, day = 1, isdst = false}, os.time{year = 2000, month = 1, day = 1, isdst = nil})
-- case: os_time_isdst_new_york
-- env: TZ=America/New_York
print(os.time{year = 2000, month = 1, day = 1, isdst = 0}, os.time{year = 2000, month = 1, day = 1, isdst = true})
print(os.time{year = 2000, month = 7, day = 1, isdst = false}, os.time{year = 2000, month = 7, day = 1})
-- case: os_difftime_exact
print(os.difftime(2 ^ 53 + 1, 0), os.difftime(-2 ^ 63, 2 ^ 63 - 1024), os.difftime(2 ^ 63 - 1024, -2 ^ 63))
print(string.format("%.17g", os.difftime(9007199254740993, 1)), os.difftime(5, 5), 1 / os.difftime(5, 5))
-- case: os_getenv_locale_vars
-- env: LC_ALL=C
print(os.getenv("LC_ALL"), os.getenv("LANG"), os.setlocale(""), os.setlocale())
-- case: os_setlocale_categories
print(os.setlocale("C.UTF-8", "ctype"), os.setlocale())
print(os.setlocale("C.UTF-8", "collate"), os.setlocale("C.UTF-8", "monetary"), os.setlocale())
print(os.setlocale("C.UTF-8", "numeric"), os.setlocale("C.UTF-8", "time"), os.setlocale())
print(os.setlocale(nil, "\255"), os.setlocale("C", "\255"), os.setlocale())
print(os.setlocale("C.UTF-8"), os.setlocale())
-- case: os_setlocale_composite_roundtrip
os.setlocale("C.UTF-8", "time")
local c = os.setlocale()
print(c)
os.setlocale("C")
print(os.setlocale(c), os.setlocale(nil, "time"), os.setlocale(nil, "numeric"))
print(os.setlocale("LC_CTYPE=C;LC_NUMERIC=C"), os.setlocale())
-- case: os_rename_overwrite
local function write(name, s) local f = io.open(name, "w") f:write(s) f:close() end
write("x1", "one")
write("x2", "two")
print(os.rename("x1", "x2"))
local f = io.open("x2")
print(f:read("*a"))
f:close()
print(io.open("x1"))
print(os.remove("x2"), os.remove("x1"))
-- case: os_execute_status_codes
for _, c in ipairs({"exit 0", "exit 1", "exit 2", "exit 127", "kill -9 $$", "kill -15 $$"}) do
  print(c, os.execute(c))
end
print(os.execute("nonexistent_command_xyz 2>/dev/null"))
-- case: os_exit_zero_close_false
os.exit(0, false)
-- case: os_exit_status_from_string_float
os.exit(" 0x10 ")
-- case: os_exit_after_error_in_pcall
print(pcall(error, "e"))
os.exit(12)
-- case: os_uncaught_time_error
os.time({year = 2000, month = 1, day = {}})
-- case: os_date_spec_a
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%a", t)))
end
print()
print(os.date("%a", 1700000000) == os.date("!%a", 1700000000))
-- case: os_date_spec_a_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%A", t)))
end
print()
print(os.date("%A", 1700000000) == os.date("!%A", 1700000000))
-- case: os_date_spec_b
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%b", t)))
end
print()
print(os.date("%b", 1700000000) == os.date("!%b", 1700000000))
-- case: os_date_spec_b_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%B", t)))
end
print()
print(os.date("%B", 1700000000) == os.date("!%B", 1700000000))
-- case: os_date_spec_c
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%c", t)))
end
print()
print(os.date("%c", 1700000000) == os.date("!%c", 1700000000))
-- case: os_date_spec_c_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%C", t)))
end
print()
print(os.date("%C", 1700000000) == os.date("!%C", 1700000000))
-- case: os_date_spec_d
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%d", t)))
end
print()
print(os.date("%d", 1700000000) == os.date("!%d", 1700000000))
-- case: os_date_spec_d_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%D", t)))
end
print()
print(os.date("%D", 1700000000) == os.date("!%D", 1700000000))
-- case: os_date_spec_e
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%e", t)))
end
print()
print(os.date("%e", 1700000000) == os.date("!%e", 1700000000))
-- case: os_date_spec_f_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%F", t)))
end
print()
print(os.date("%F", 1700000000) == os.date("!%F", 1700000000))
-- case: os_date_spec_g
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%g", t)))
end
print()
print(os.date("%g", 1700000000) == os.date("!%g", 1700000000))
-- case: os_date_spec_g_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%G", t)))
end
print()
print(os.date("%G", 1700000000) == os.date("!%G", 1700000000))
-- case: os_date_spec_h
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%h", t)))
end
print()
print(os.date("%h", 1700000000) == os.date("!%h", 1700000000))
-- case: os_date_spec_h_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%H", t)))
end
print()
print(os.date("%H", 1700000000) == os.date("!%H", 1700000000))
-- case: os_date_spec_i_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%I", t)))
end
print()
print(os.date("%I", 1700000000) == os.date("!%I", 1700000000))
-- case: os_date_spec_j
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%j", t)))
end
print()
print(os.date("%j", 1700000000) == os.date("!%j", 1700000000))
-- case: os_date_spec_k
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%k", t)))
end
print()
print(os.date("%k", 1700000000) == os.date("!%k", 1700000000))
-- case: os_date_spec_l
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%l", t)))
end
print()
print(os.date("%l", 1700000000) == os.date("!%l", 1700000000))
-- case: os_date_spec_m
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%m", t)))
end
print()
print(os.date("%m", 1700000000) == os.date("!%m", 1700000000))
-- case: os_date_spec_m_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%M", t)))
end
print()
print(os.date("%M", 1700000000) == os.date("!%M", 1700000000))
-- case: os_date_spec_n
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%n", t)))
end
print()
print(os.date("%n", 1700000000) == os.date("!%n", 1700000000))
-- case: os_date_spec_p
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%p", t)))
end
print()
print(os.date("%p", 1700000000) == os.date("!%p", 1700000000))
-- case: os_date_spec_p_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%P", t)))
end
print()
print(os.date("%P", 1700000000) == os.date("!%P", 1700000000))
-- case: os_date_spec_r
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%r", t)))
end
print()
print(os.date("%r", 1700000000) == os.date("!%r", 1700000000))
-- case: os_date_spec_r_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%R", t)))
end
print()
print(os.date("%R", 1700000000) == os.date("!%R", 1700000000))
-- case: os_date_spec_s
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%s", t)))
end
print()
print(os.date("%s", 1700000000) == os.date("!%s", 1700000000))
-- case: os_date_spec_s_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%S", t)))
end
print()
print(os.date("%S", 1700000000) == os.date("!%S", 1700000000))
-- case: os_date_spec_t
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%t", t)))
end
print()
print(os.date("%t", 1700000000) == os.date("!%t", 1700000000))
-- case: os_date_spec_t_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%T", t)))
end
print()
print(os.date("%T", 1700000000) == os.date("!%T", 1700000000))
-- case: os_date_spec_u
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%u", t)))
end
print()
print(os.date("%u", 1700000000) == os.date("!%u", 1700000000))
-- case: os_date_spec_u_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%U", t)))
end
print()
print(os.date("%U", 1700000000) == os.date("!%U", 1700000000))
-- case: os_date_spec_v_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%V", t)))
end
print()
print(os.date("%V", 1700000000) == os.date("!%V", 1700000000))
-- case: os_date_spec_w
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%w", t)))
end
print()
print(os.date("%w", 1700000000) == os.date("!%w", 1700000000))
-- case: os_date_spec_w_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%W", t)))
end
print()
print(os.date("%W", 1700000000) == os.date("!%W", 1700000000))
-- case: os_date_spec_x
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%x", t)))
end
print()
print(os.date("%x", 1700000000) == os.date("!%x", 1700000000))
-- case: os_date_spec_x_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%X", t)))
end
print()
print(os.date("%X", 1700000000) == os.date("!%X", 1700000000))
-- case: os_date_spec_y
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%y", t)))
end
print()
print(os.date("%y", 1700000000) == os.date("!%y", 1700000000))
-- case: os_date_spec_y_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%Y", t)))
end
print()
print(os.date("%Y", 1700000000) == os.date("!%Y", 1700000000))
-- case: os_date_spec_z
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%z", t)))
end
print()
print(os.date("%z", 1700000000) == os.date("!%z", 1700000000))
-- case: os_date_spec_z_upper
for _, t in ipairs({0, -1, 43200, 951782400, 1230768000, 1262304000, 1700000000, 1703980800,
                    1704067200, 1735603200, -2208988800, 253402300799}) do
  io.write(string.format("%q ", os.date("!%Z", t)))
end
print()
print(os.date("%Z", 1700000000) == os.date("!%Z", 1700000000))
-- case: tab_sort_plain_large
local seed = 9
local function rnd(n)
  seed = (seed * 16807) % 2147483647
  return seed % n
end
local t = {}
for i = 1, 3000 do t[i] = rnd(500) - 250 + (i % 3 == 0 and 0.5 or 0) end
table.sort(t)
local sum = 0
for i = 1, #t do sum = sum + t[i] * i end
print(t[1], t[1500], t[3000], sum)
local z = {}
for i = 1, 40 do z[i] = (i % 3 == 0) and -0 or (i % 3 == 1 and 0 or (i % 5) - 2) end
table.sort(z)
for i = 1, #z do io.write(tostring(z[i]), " ") end
print()
local s = {}
for i = 1, 1000 do s[i] = string.format("%x", rnd(100000)) end
table.sort(s)
print(s[1], s[500], s[1000])
local d = {5, 3, 5, 1, 3, 5, 1}
table.sort(d)
print(table.concat(d, " "))
-- case: math_random_from_coroutine
math.randomseed(8)
print(coroutine.wrap(math.random)(100), coroutine.wrap(math.random)(), coroutine.wrap(math.randomseed)(8))
print(math.random(100))
print(coroutine.wrap(package.preload["table.new"])() == table.new, type(table.new))
