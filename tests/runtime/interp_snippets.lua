-- case: arithmetic
print(1 + 2, 7 - 10, 6 * 7, 7 / 2, 7 % 3, -7 % 3, 7 % -3, 2 ^ 10, -2 ^ 2, 5.5 % 2)
print(1 / 0, -1 / 0, 0 / 0 ~= 0 / 0, 1e308 * 10, -0, 0 * -1, 3 % 0 ~= 3 % 0)
print(10 / 3, 1e15, 1e14, 2 ^ 53, 123456789012, 0.1 + 0.2, 1 / 3, -1.5e-10)
local x, y = 17, 5
print(x + y, x - y, x * y, x / y, x % y, x ^ 2, -x, x % -y, (-x) % y)
print(5 % 2.5, 5.5 % -2, -5.5 % 2, 1e300 % 7, 2 ^ 0.5, (-8) ^ (1 / 3) ~= (-8) ^ (1 / 3))
-- case: coercion
print("10" + 5, "3" * "4", "0x10" + 0, " 2 " * 3, 10 .. 20, 1.5 .. "", 2 ^ 53 .. "")
print(pcall(function() return "a" + 1 end))
print(pcall(function() return {} + 1 end))
print(pcall(function() local t = {} return 1 + t end))
print(pcall(function() return 1 .. {} end))
print(pcall(function() return nil .. "x" end))
-- case: comparisons
print(1 < 2, 2 < 1, 1 <= 1, "a" < "b", "a" < "B", "abc" < "abd", "" < "a", "a\0b" < "a\0c")
print(1 == 1.0, "1" == 1, nil == false, {} == {}, 0 == -0, 0 / 0 == 0 / 0)
local t = {}
print(t == t, t ~= t, rawequal(t, t), rawequal(t, {}))
print(pcall(function() return 1 < "2" end))
print(pcall(function() return {} < {} end))
print(pcall(function() return nil < 1 end))
print(pcall(function() return true < false end))
print(pcall(function() return "x" >= 1 end))
-- case: logic
local a, b, c = nil, false, 0
print(a and 1, b and 1, c and 1, a or 2, b or 3, c or 4, not a, not c, not not b)
print(1 and 2 or 3, nil and 2 or 3, false or nil, nil or false, 0 and "")
local function f(v) return v end
print(f(nil) or f(false) or f("x"), f(1) and f(2) and f(nil))
local z = 5
print(z > 3 and "big" or "small", z < 3 and "big" or "small")
-- case: strings_basic
local s = "hello"
print(#s, s .. " world", #"", "a" .. 1 .. 2, "x\ty\n", "\65\066\x43", "\u{263A}")
print("multi\
line", [[long
string]], [==[with ]] inside]==])
local parts = {}
for i = 1, 5 do parts[#parts + 1] = i .. "" end
print(#parts, parts[1] .. parts[5])
-- case: varargs
local function va(...) return select('#', ...), ... end
print(va())
print(va(nil))
print(va(1, nil, 3))
print(va(nil, nil))
local function pack(...) return {...}, select('#', ...) end
local t, n = pack(1, 2, nil)
print(#t >= 2, n, t[1], t[3])
local function tail(...) return ... end
print(tail(1, 2, 3))
print((tail(1, 2, 3)))
local function count(...) return select('#', ...) end
print(count(tail()), count(tail(nil, nil)), count(tail(1), tail(2)))
print(select(2, "a", "b", "c"), select(-1, "a", "b", "c"), select('#'))
print(pcall(select, 0))
local function fixed(a, b, ...) return a, b, select('#', ...) end
print(fixed(1), fixed(1, 2, 3, 4))
-- case: multiple_assignment
local a, b, c = 1, 2
print(a, b, c)
a, b = b, a
print(a, b)
local t = {1, 2}
local i = 1
i, t[i] = i + 1, 20
print(i, t[1], t[2])
local function three() return 1, 2, 3 end
local x, y, z, w = three()
print(x, y, z, w)
local p, q = three(), 10
print(p, q)
local u = {three()}
local v = {three(), three()}
print(#u, #v)
-- case: closures
local function counter()
  local n = 0
  return function() n = n + 1; return n end
end
local c1, c2 = counter(), counter()
print(c1(), c1(), c1(), c2())
local fs = {}
for i = 1, 3 do fs[i] = function() return i end end
print(fs[1](), fs[2](), fs[3]())
local gs = {}
local j = 0
while j < 3 do j = j + 1; local k = j * 10; gs[j] = function() return k end end
print(gs[1](), gs[2](), gs[3]())
local function outer()
  local x = 1
  local function mid()
    local function inner() x = x + 1; return x end
    return inner
  end
  return mid(), function() return x end
end
local inc, get = outer()
inc(); inc()
print(get())
local shared
do local v = 5; shared = {function() v = v + 1 end, function() return v end} end
shared[1](); shared[1]()
print(shared[2]())
-- case: recursion_and_tailcalls
local function fact(n) if n <= 1 then return 1 end return n * fact(n - 1) end
print(fact(10), fact(20))
local function loop(n, acc) if n == 0 then return acc end return loop(n - 1, acc + 1) end
print(loop(200000, 0))
local function even(n) if n == 0 then return true end return odd(n - 1) end
function odd(n) if n == 0 then return false end return even(n - 1) end
print(pcall(even, 10))
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
print(fib(20))
-- case: numeric_for
for i = 1, 3 do io.write(i, " ") end print()
for i = 3, 1, -1 do io.write(i, " ") end print()
for i = 1, 2, 0.5 do io.write(i, " ") end print()
for i = 1, 0 do io.write("never") end print("empty")
for i = 1.5, 3.5 do io.write(i, " ") end print()
for i = 10, 1, -3 do io.write(i, " ") end print()
for i = "1", "3" do io.write(i, " ") end print()
print(pcall(function() for i = 1, "x" do end end))
print(pcall(function() for i = {}, 2 do end end))
print(pcall(function() for i = 1, 2, nil do end end))
local n = 0
for i = 1, 10 do local i = i * 2; n = n + i end
print(n)
-- case: generic_for
local t = {10, 20, 30, nil, 50}
for i, v in ipairs(t) do io.write(i, "=", v, " ") end print()
local keys = {}
for k in pairs({a = 1, b = 2, c = 3}) do keys[#keys + 1] = k end
table.sort(keys)
print(table.concat(keys, ","))
for k, v in next, {5, 6} do io.write(k, v, " ") end print()
local function range(n)
  local i = 0
  return function() i = i + 1; if i <= n then return i end end
end
for i in range(4) do io.write(i, " ") end print()
local function iter(s, c) if c < s then return c + 1, c * c end end
for i, sq in iter, 3, 0 do io.write(i, ":", sq, " ") end print()
local mt = setmetatable({}, {__call = function(self, s, c) if c < 2 then return c + 1 end end})
for i in mt, nil, 0 do io.write(i, " ") end print()
local pairs = pairs
local cnt = 0
for k, v in pairs({1, 2, 3, x = 1}) do cnt = cnt + 1 end
print(cnt)
-- case: while_repeat_goto
local i = 0
while true do i = i + 1; if i >= 5 then break end end
print(i)
repeat local j = i; i = i - 1 until j <= 2
print(i)
for k = 1, 3 do
  for m = 1, 3 do
    if m == 2 then goto continue end
    io.write(k, m, " ")
    ::continue::
  end
end
print()
do
  local n = 0
  ::top::
  n = n + 1
  if n < 3 then goto top end
  print("n", n)
end
local r = {}
repeat
  local v = #r + 1
  r[v] = function() return v end
until #r == 3
print(r[1](), r[3]())
-- case: tables
local t = {1, 2, 3, n = "x", [10] = "ten", ["key with space"] = true}
print(#t, t.n, t[10], t["key with space"], t.missing)
t[#t + 1] = 4
print(#t, t[4])
t.n = nil
print(t.n)
local nested = {a = {b = {c = "deep"}}}
print(nested.a.b.c)
local keys = {[1.5] = "f", [true] = "t", [false] = "f2", [-1] = "neg", [0] = "zero"}
print(keys[1.5], keys[true], keys[false], keys[-1], keys[0])
print(pcall(function() local t = {} t[nil] = 1 end))
print(pcall(function() local t = {} t[0 / 0] = 1 end))
print(({})[nil], ({})[0 / 0])
local big = {}
for i = 1, 1000 do big[i] = i end
print(#big, big[1000])
local holes = {1, 2, nil, 4}
print(#holes == 4 or #holes == 2)
local s = {}
s[1] = 1; s[2] = 2; s[3] = 3
print(#s)
-- case: metatables_index
local Base = {}
Base.__index = Base
function Base.new(x) return setmetatable({x = x}, Base) end
function Base:get() return self.x end
local Derived = setmetatable({}, {__index = Base})
Derived.__index = Derived
function Derived.new(x) local o = Base.new(x); return setmetatable(o, Derived) end
function Derived:twice() return self:get() * 2 end
local d = Derived.new(21)
print(d:get(), d:twice(), d.missing)
local calls = 0
local proxy = setmetatable({}, {__index = function(t, k) calls = calls + 1; return k .. k end})
print(proxy.ab, proxy[1], calls)
local log = {}
local guarded = setmetatable({}, {__newindex = function(t, k, v) log[#log + 1] = k; rawset(t, k, v * 2) end})
guarded.a = 1; guarded.a = 5; guarded.b = 2
print(guarded.a, guarded.b, #log)
local store = {}
local fwd = setmetatable({}, {__newindex = store, __index = store})
fwd.x = 7
print(rawget(fwd, "x"), store.x, fwd.x)
print(getmetatable("x") ~= nil, getmetatable({}), getmetatable(setmetatable({}, {__metatable = "locked"})))
print(pcall(setmetatable, setmetatable({}, {__metatable = 1}), {}))
-- case: metatables_arith
local V = {}
V.__index = V
local function vec(x, y) return setmetatable({x = x, y = y}, V) end
V.__add = function(a, b) return vec(a.x + b.x, a.y + b.y) end
V.__sub = function(a, b) return vec(a.x - b.x, a.y - b.y) end
V.__mul = function(a, b) if type(b) == "number" then return vec(a.x * b, a.y * b) end return a.x * b.x + a.y * b.y end
V.__div = function(a, b) return vec(a.x / b, a.y / b) end
V.__mod = function(a, b) return vec(a.x % b, a.y % b) end
V.__pow = function(a, b) return vec(a.x ^ b, a.y ^ b) end
V.__unm = function(a) return vec(-a.x, -a.y) end
V.__concat = function(a, b) return tostring(a) .. "&" .. tostring(b) end
V.__tostring = function(a) return "(" .. a.x .. "," .. a.y .. ")" end
V.__eq = function(a, b) return a.x == b.x and a.y == b.y end
V.__lt = function(a, b) return a.x < b.x end
V.__le = function(a, b) return a.x <= b.x end
V.__call = function(a, k) return a[k] end
V.__len = function(a) return 2 end
local p, q = vec(1, 2), vec(3, 4)
print(tostring(p + q), tostring(q - p), p * q, tostring(p * 3), tostring(q / 2))
print(tostring(q % 2), tostring(p ^ 2), tostring(-p), p .. q, p .. "s", "s" .. p)
print(p == vec(1, 2), p ~= q, p < q, p <= q, p > q, p >= q, p("x"), #p)
local onlylt = setmetatable({}, {__lt = function() return true end})
print(pcall(function() return onlylt <= onlylt end))
local ud = newproxy(true)
getmetatable(ud).__len = function() return 42 end
print(#ud)
-- case: errors
print(pcall(error, "msg"))
print(pcall(error, "msg", 0))
print(pcall(error, {code = 1}))
print(pcall(error))
print(pcall(error, nil))
print(select('#', pcall(error)))
local function lvl1() error("level1", 1) end
local function lvl2() error("level2", 2) end
local function call2() lvl2() end
print(pcall(lvl1))
print(pcall(call2))
local ok, e = pcall(function() local t = nil; return t.x end)
print(ok, e)
print(pcall(function() undefinedfn() end))
print(pcall(function() local s = "x"; s.y.z = 1 end))
print(pcall(function() local t = {}; t.a.b = 1 end))
print(pcall(function() return #5 end))
print(pcall(function() local up = nil; return (function() return up.x end)() end))
print(pcall(function() return math.floor.x end))
print(xpcall(function() error("x") end, function(m) return "handled: " .. m end))
print(xpcall(function() return 1, 2 end, print))
print(pcall(xpcall))
print(pcall(pcall))
print(select('#', assert(1, 2, 3)), pcall(assert, false), pcall(assert, nil, "custom"), pcall(assert, false, 42))
-- case: error_objects
local err = setmetatable({}, {__tostring = function() return "custom error" end})
local ok, e = pcall(error, err)
print(ok, e == err, tostring(e))
local ok2, e2 = pcall(function() error(setmetatable({msg = "m"}, {})) end)
print(ok2, type(e2), e2.msg)
print(pcall(error, 42))
print(pcall(error, 42, 2))
print(pcall(error, true))
local function thrower() error("inner") end
print(pcall(function() local ok, e = pcall(thrower); error("outer: " .. e, 0) end))
-- case: coroutines
local co = coroutine.create(function(a, b)
  print("start", a, b)
  local c = coroutine.yield(a + b)
  print("got", c)
  local d, e = coroutine.yield(c * 2)
  return d + e
end)
print(coroutine.status(co))
print(coroutine.resume(co, 1, 2))
print(coroutine.status(co))
print(coroutine.resume(co, 10))
print(coroutine.resume(co, 3, 4))
print(coroutine.status(co), coroutine.resume(co))
local gen = coroutine.wrap(function() for i = 1, 3 do coroutine.yield(i) end end)
print(gen(), gen(), gen())
print(coroutine.running())
local inside = coroutine.create(function() return coroutine.running(), coroutine.status(coroutine.running()) end)
local ok, th, st = coroutine.resume(inside)
print(ok, type(th), st)
local bad = coroutine.create(function() error("in coro") end)
print(coroutine.resume(bad))
print(coroutine.status(bad), coroutine.resume(bad))
local errw = coroutine.wrap(function() error("wrapped") end)
print(pcall(errw))
print(pcall(coroutine.yield, 1))
local nest = coroutine.create(function()
  local inner = coroutine.create(function() coroutine.yield("inner") return "inner done" end)
  print(coroutine.resume(inner))
  coroutine.yield("outer")
  print(coroutine.resume(inner))
end)
print(coroutine.resume(nest))
print(coroutine.resume(nest))
local yp = coroutine.create(function() local ok, v = pcall(coroutine.yield, "from pcall") return ok, v end)
print(coroutine.resume(yp))
print(coroutine.resume(yp, "resumed"))
print(coroutine.isyieldable())
-- case: coroutine_status_errors
local co
co = coroutine.create(function() return coroutine.status(co), coroutine.resume(co) end)
print(coroutine.resume(co))
print(pcall(coroutine.resume, 1))
print(pcall(coroutine.create, 1))
print(pcall(coroutine.status, {}))
local wrapped = coroutine.wrap(function() return 1 end)
print(wrapped())
print(pcall(wrapped))
-- case: tostring_tonumber
print(tostring(1), tostring(-0), tostring(1e100), tostring(nil), tostring(true), tostring("s"))
print(tonumber("10"), tonumber("0x1F"), tonumber(" 5 "), tonumber("5e2"), tonumber("abc"), tonumber(""))
print(tonumber("10", 2), tonumber("ff", 16), tonumber("zz", 36), tonumber("8", 8), tonumber("1e", 16))
print(tonumber(12), tonumber(nil), tonumber(true), tonumber("inf"), tonumber("nan") ~= tonumber("nan"))
print(pcall(tonumber, "10", 1), pcall(tonumber, "10", 37))
print(tonumber("  -7  ", 10), tonumber("-ff", 16), tonumber("1.5", 10), tonumber("0x", 16))
-- case: select_unpack
print(unpack({1, 2, 3}))
print(unpack({1, 2, 3}, 2))
print(unpack({1, 2, 3}, 2, 3))
print(unpack({1, nil, 3}, 1, 3))
print(select('#', unpack({}, 1, 0)))
print(unpack({"a", "b"}, -1, 1))
-- case: environments
local function f() return x end
x = "global"
print(f())
setfenv(f, {x = "private"})
print(f(), x)
print(getfenv(f).x, getfenv(0) == _G, getfenv(1) == _G)
local env = setmetatable({}, {__index = _G})
local g = loadstring("y = 5; return print ~= nil")
setfenv(g, env)
print(g(), env.y, y)
print(pcall(setfenv, print, {}))
-- case: loadstring
local f = loadstring("return 1 + 1")
print(f())
print(loadstring("return ...", "chunk")(1, 2))
print(loadstring("x = = 1"))
print(loadstring("x = = 1", "=named"))
print(loadstring("error('e')", "@file.lua"))
print(pcall(loadstring("error('e')", "@file.lua")))
local pieces = {"return ", "4", "2"}
local i = 0
print(load(function() i = i + 1; return pieces[i] end)())
print(load("syntax error here"))
-- case: print_tostring_override
local oldts = tostring
tostring = function(v) return "<" .. oldts(v) .. ">" end
print(1, "a", nil)
tostring = oldts
print(1, "a", nil)
local t = setmetatable({}, {__tostring = function() return "T!" end})
print(t)
-- case: length_and_next
local t = {}
print(#t, next(t))
t[1] = "a"
print(#t, next(t))
local k, v = next({10})
print(k, v)
print(pcall(next, {}, "nokey"))
print(rawlen == nil)
-- case: stack_overflow
local function inf(n) return 1 + inf(n + 1) end
local ok, e = pcall(inf, 1)
print(ok, e)
local depth = 0
local function deep() depth = depth + 1; deep() end
print(pcall(deep))
print(depth > 10000)
-- case: uncaught_error
local function f() error("boom") end
print("before")
f()
print("after")
-- case: uncaught_error_table
print("x")
error({})
-- case: uncaught_runtime
local t = nil
print(t.field)
