"""Random loop-heavy Lua programs that always terminate, for JIT-on/JIT-off differential runs.

loop_program(rng) returns Lua source: numeric and generic for loops nested up to
three deep with constant bounds, while/repeat loops with counters, arithmetic on
a few number variables, array and hash table loads and stores, calls of local
functions (some with loops inside), branches, breaks, string concatenation and
metamethods (__index, __newindex, __add, __eq, __call, __concat). Values stay
bounded by `% 1000` wraps so programs never blow up. Every program ends by
printing its variables, and prints a little along the way.
"""

import random

NUMVARS = ("a", "b", "c", "d")
BINOPS = ("+", "-", "*", "+", "-", "*", "/", "%")

PRELUDE = """\
local a, b, c, d = %s, %s, %s, %s
local t = {1, 2, 3, 4, 5, 6, 7, 8}
local h = {x = 1, y = 2, z = 3}
local s = ""
local mt = {}
mt.__add = function(p, q) return setmetatable({v = (p.v + q) %% 1000}, mt) end
mt.__eq = function(p, q) return p.v == q.v end
mt.__index = function(o, k) return 7 end
mt.__call = function(o, x) return o.v + x end
mt.__concat = function(p, q) return "<" .. tostring(q) .. ">" end
local V = setmetatable({v = 1}, mt)
local W = setmetatable({v = 2}, mt)
local P = setmetatable({}, {__index = h, __newindex = function(o, k, v) rawset(o, k, v) end})
local function f1(x) return x + 1 end
local function f2(x, y) if x > y then return x - y else return y - x end end
local function f3(x) local r = 0 for k = 1, 3 do r = r + x * k end return r %% 1000 end
local function f4(n, ...) local r = n for k = 1, select('#', ...) do r = r + (select(k, ...)) end return r end
local function f5(x) if x < 1 then return 0 end return f5(x - 1) + 1 end
"""

EPILOGUE = """\
print(a, b, c, d, #t, t[1], t[8], h.x, h.y, h.z, #s, V.v, W.v, P.x, P.w)
"""


class Gen:
    def __init__(self, rng):
        self.rng = rng
        self.depth = 0
        self.loopvars = []
        self.counter = 0
        self.budget = 1          # product of enclosing loop trip counts

    def fresh(self, prefix):
        self.counter += 1
        return "%s%d" % (prefix, self.counter)

    # -- Expressions ---------------------------------------------------------------------

    def atom(self):
        r = self.rng
        choices = list(NUMVARS) + self.loopvars * 2
        k = r.random()
        if k < 0.55:
            return r.choice(choices)
        if k < 0.7:
            return r.choice(("1", "2", "3", "0.5", "-1", "10", "7", "0", "2.25"))
        if k < 0.8:
            return "(t[%s %% 8 + 1] or 0)" % r.choice(choices)
        if k < 0.87:
            return "h.%s" % r.choice("xyz")
        if k < 0.92:
            return "#t"
        if k < 0.96:
            return "V.v"
        return "P.%s" % r.choice("xyz")

    def expr(self, level=0):
        r = self.rng
        if level > 2 or r.random() < 0.35:
            return self.atom()
        k = r.random()
        if k < 0.6:
            return "(%s %s %s)" % (self.expr(level + 1), r.choice(BINOPS), self.expr(level + 1))
        if k < 0.68:
            return "-%s" % self.atom()
        if k < 0.76:
            return "f1(%s)" % self.expr(level + 1)
        if k < 0.82:
            return "f2(%s, %s)" % (self.atom(), self.atom())
        if k < 0.86:
            return "f3(%s)" % self.atom()
        if k < 0.9:
            return "f4(%s, %s, %s)" % (self.atom(), self.atom(), self.atom())
        if k < 0.94:
            return "(%s %% 3) ^ 2" % self.atom()
        if k < 0.97:
            return "V(%s)" % self.atom()
        return "f5(%s %% 4)" % self.atom()

    def cond(self):
        r = self.rng
        op = r.choice(("<", "<=", ">", ">=", "==", "~="))
        c = "%s %s %s" % (self.atom(), op, self.atom())
        if r.random() < 0.2:
            c = "%s %s %s %s %s" % (c, r.choice(("and", "or")), self.atom(),
                                     r.choice(("<", ">")), self.atom())
        if r.random() < 0.1:
            c = "V == W"
        return c

    # -- Statements ---------------------------------------------------------------------

    def assign(self):
        r = self.rng
        v = r.choice(NUMVARS)
        k = r.random()
        if k < 0.55:
            return ["%s = (%s) %% 1000" % (v, self.expr())]
        if k < 0.7:
            idx = r.choice(list(NUMVARS) + self.loopvars)
            return ["t[%s %% 8 + 1] = (%s) %% 1000" % (idx, self.expr())]
        if k < 0.78:
            return ["h.%s = (%s) %% 1000" % (r.choice("xyz"), self.expr())]
        if k < 0.84:
            return ["if #s < 60 then s = s .. %s end" % self.atom()]
        if k < 0.88:
            return ["V = V + %s" % self.atom()]
        if k < 0.92:
            return ["P.%s = %s" % (r.choice("wxyz"), self.atom())]
        if k < 0.96:
            return ["s = s .. V" if r.random() < 0.1 else "%s = #s" % v]
        return ["t[#t + 1] = %s" % self.atom(), "t[#t] = nil"]

    def stmt(self):
        r = self.rng
        k = r.random()
        if self.depth < 3 and k < 0.22 and self.budget < 200:
            return self.loop()
        if k < 0.35:
            return self.branch()
        if k < 0.38 and self.loopvars:
            return ["if %s then break end" % self.cond()]
        if k < 0.40 and self.depth == 1:
            return ["if %s %% 7 == 0 then print(%s, %s) end" % (
                self.loopvars[-1], self.atom(), self.atom())]
        return self.assign()

    def block(self, n):
        out = []
        for _ in range(n):
            out += self.stmt()
        return out

    def branch(self):
        body = ["if %s then" % self.cond()] + indent(self.block(self.rng.randint(1, 2)))
        if self.rng.random() < 0.5:
            body += ["else"] + indent(self.block(self.rng.randint(1, 2)))
        return body + ["end"]

    def loop(self):
        r = self.rng
        kind = r.random()
        var = self.fresh("i")
        if kind < 0.6:
            start = r.randint(-3, 3)
            trips = r.randint(2, 40 if self.depth == 0 else 8)
            step = r.choice((1, 1, 1, 2, -1, 0.5))
            stop = start + (trips - 1) * step
            head = "for %s = %s, %s%s do" % (var, start, stop, "" if step == 1 else ", %s" % step)
        elif kind < 0.75:
            trips = 8
            head = "for %s, %s in ipairs(t) do" % (self.fresh("k"), var)
        elif kind < 0.85:
            trips = 3
            head = "for %s, %s in pairs(h) do" % (self.fresh("k"), var)
        else:
            return self.while_loop(var)
        return self.nest(head, var, trips)

    def nest(self, head, var, trips, pre=(), tail=()):
        self.depth += 1
        self.loopvars.append(var)
        saved = self.budget
        self.budget *= trips
        body = self.block(self.rng.randint(1, 4))
        self.budget = saved
        self.loopvars.pop()
        self.depth -= 1
        return list(pre) + [head] + indent(list(tail) + body) + ["end"]

    def while_loop(self, var):
        trips = self.rng.randint(2, 12)
        if self.rng.random() < 0.5:
            pre = ["local %s = 0" % var]
            return self.nest("while %s < %d do" % (var, trips), var, trips, pre,
                             ["%s = %s + 1" % (var, var)])
        pre = ["local %s = 0" % var]
        out = self.nest("repeat", var, trips, pre, ["%s = %s + 1" % (var, var)])
        out[-1] = "until %s >= %d" % (var, trips)
        return out


def indent(lines):
    return ["  " + x for x in lines]


def loop_program(rng):
    g = Gen(rng)
    inits = [rng.choice(("0", "1", "2", "3.5", "-4", "100")) for _ in NUMVARS]
    body = []
    for _ in range(rng.randint(1, 3)):
        body += g.loop()
    body += g.block(rng.randint(0, 2))
    return PRELUDE % tuple(inits) + "\n".join(body) + "\n" + EPILOGUE


if __name__ == "__main__":
    import sys
    print(loop_program(random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 1)))
