#!/usr/bin/env python
"""Generate a realistic Lua program of about N lines, deterministically.

    python bench/gen_lua.py [--lines 10000] [--seed 1] [-o out.lua]

The program is a set of modules as real code bases have them: each module is a
`do ... end` block with cached globals, a class table with a constructor and
methods, local helper functions, closures, loops of every kind, string
handling, tables, error handling, doc comments and blank lines. Every module
is drawn from the same templates with different names, constants and mixes,
so the output is varied but stays valid LuaJIT 2.1 (`luajit -bl` loads it).
The same seed always gives the same bytes.
"""

import argparse
import random
import sys

NOUNS = ("inventory", "account", "session", "packet", "sprite", "ledger", "route",
         "widget", "buffer", "record", "config", "token", "player", "order", "invoice",
         "channel", "texture", "matrix", "queue", "profile", "cache", "report", "event",
         "node", "layer", "signal", "parser", "job", "tile", "vector", "message", "file")
FIELDS = ("name", "size", "count", "weight", "price", "level", "score", "x", "y",
          "width", "height", "id", "kind", "tag", "offset", "limit", "total", "rate")
VERBS = ("update", "refresh", "apply", "merge", "scan", "collect", "reset", "push",
         "flush", "resolve", "emit", "sort", "split", "encode", "decode", "render",
         "clamp", "visit", "load", "store", "validate", "prune", "measure", "step")
WORDS = ("alpha", "beta", "gamma", "delta", "ready", "idle", "busy", "done", "error",
         "open", "closed", "north", "south", "east", "west", "red", "green", "blue")


class Ctx:
    def __init__(self, rnd, module):
        self.rnd = rnd
        self.module = module
        self.cls = module.capitalize()
        self.used = set()

    def pick(self, seq):
        return self.rnd.choice(seq)

    def fresh(self, base):
        name = base
        i = 2
        while name in self.used:
            name = "%s%d" % (base, i)
            i += 1
        self.used.add(name)
        return name

    def num(self, lo=1, hi=100):
        return self.rnd.randint(lo, hi)

    def word(self):
        return self.pick(WORDS)


# Each template takes a Ctx and returns (kind, name, text). `kind` is "local"
# (a local helper) or "method" (a method of the module's class).

def t_sum(c):
    f = c.pick(FIELDS)
    name = c.fresh("sum_" + f)
    return "local", name, f"""\
-- Sum the `{f}` field over an array of records.
local function {name}(list)
  local total = 0
  for i = 1, #list do
    local v = list[i].{f}
    if v then
      total = total + v
    end
  end
  return total
end
"""


def t_filter(c):
    name = c.fresh("filter_" + c.pick(FIELDS))
    return "local", name, f"""\
-- Keep the elements for which pred(v, i) is true.
local function {name}(list, pred)
  local out, n = {{}}, 0
  for i, v in ipairs(list) do
    if pred(v, i) then
      n = n + 1
      out[n] = v
    end
  end
  return out, n
end
"""


def t_map(c):
    name = c.fresh("map_" + c.pick(VERBS))
    return "local", name, f"""\
local function {name}(t, fn, ...)
  local result = {{}}
  for k, v in pairs(t) do
    result[k] = fn(v, k, ...)
  end
  return result
end
"""


def t_split(c):
    name = c.fresh("split")
    sep = c.pick((",", ";", ":", "|"))
    return "local", name, f"""\
--- Split `s` at every occurrence of `sep` (default "{sep}").
-- Empty fields are kept, so "a{sep}{sep}b" gives three fields.
local function {name}(s, sep)
  sep = sep or "{sep}"
  local fields = {{}}
  local start = 1
  while true do
    local i = find(s, sep, start, true)
    if not i then
      fields[#fields + 1] = sub(s, start)
      break
    end
    fields[#fields + 1] = sub(s, start, i - 1)
    start = i + #sep
  end
  return fields
end
"""


def t_trim(c):
    name = c.fresh("trim")
    return "local", name, f"""\
local function {name}(s)
  return (gsub(s, "^%s*(.-)%s*$", "%1"))
end
"""


def t_parse_kv(c):
    name = c.fresh("parse_pairs")
    return "local", name, f"""\
-- Parse "key = value" lines; '#' starts a comment.
local function {name}(text)
  local result, errors = {{}}, {{}}
  local lineno = 0
  for line in text:gmatch("[^\\n]+") do
    lineno = lineno + 1
    line = line:gsub("#.*$", "")
    if line:match("^%s*$") then
      goto continue
    end
    do
      local key, value = line:match("^%s*([%w_%.]+)%s*=%s*(.-)%s*$")
      if not key then
        errors[#errors + 1] = format("line %d: cannot parse %q", lineno, line)
      elseif value == "true" or value == "false" then
        result[key] = value == "true"
      else
        result[key] = tonumber(value) or value
      end
    end
    ::continue::
  end
  return result, errors
end
"""


def t_memoize(c):
    name = c.fresh("memoize")
    return "local", name, f"""\
-- Cache the results of a one-argument function.
local function {name}(fn)
  local cache = setmetatable({{}}, {{ __mode = "k" }})
  local hits, misses = 0, 0
  return function(arg)
    local v = cache[arg]
    if v == nil then
      misses = misses + 1
      v = fn(arg)
      cache[arg] = v
    else
      hits = hits + 1
    end
    return v
  end, function()
    return hits, misses
  end
end
"""


def t_counter(c):
    name = c.fresh("make_counter")
    step = c.num(1, 5)
    return "local", name, f"""\
local function {name}(start, step)
  local n = start or 0
  step = step or {step}
  return function()
    n = n + step
    return n
  end
end
"""


def t_bsearch(c):
    f = c.pick(FIELDS)
    name = c.fresh("find_by_" + f)
    return "local", name, f"""\
--[[ Binary search over a list sorted by `{f}`.
     Returns the index of the first element whose {f} is >= value. ]]
local function {name}(list, value)
  local lo, hi = 1, #list + 1
  while lo < hi do
    local mid = floor((lo + hi) / 2)
    if list[mid].{f} < value then
      lo = mid + 1
    else
      hi = mid
    end
  end
  return lo
end
"""


def t_isort(c):
    name = c.fresh("insertion_sort")
    return "local", name, f"""\
local function {name}(a, less)
  less = less or function(x, y) return x < y end
  for i = 2, #a do
    local v = a[i]
    local j = i - 1
    while j >= 1 and less(v, a[j]) do
      a[j + 1] = a[j]
      j = j - 1
    end
    a[j + 1] = v
  end
  return a
end
"""


def t_escape(c):
    name = c.fresh("escape")
    return "local", name, f"""\
local ESCAPES_{name.upper()} = {{
  ["\\n"] = "\\\\n", ["\\t"] = "\\\\t", ["\\r"] = "\\\\r",
  ['"'] = '\\\\"', ["\\\\"] = "\\\\\\\\",
}}

local function {name}(s)
  return '"' .. gsub(s, '[%c"\\\\]', function(ch)
    return ESCAPES_{name.upper()}[ch] or format("\\\\%03d", ch:byte())
  end) .. '"'
end
"""


def t_serialize(c):
    name = c.fresh("serialize")
    return "local", name, f"""\
-- Serialize a value as Lua source; tables are sorted by key.
local function {name}(v, indent, seen)
  indent = indent or ""
  seen = seen or {{}}
  local tv = type(v)
  if tv == "string" then
    return format("%q", v)
  elseif tv == "number" or tv == "boolean" or tv == "nil" then
    return tostring(v)
  elseif tv ~= "table" then
    error("cannot serialize a " .. tv, 2)
  end
  if seen[v] then
    error("cycle detected", 2)
  end
  seen[v] = true
  local keys = {{}}
  for k in pairs(v) do
    keys[#keys + 1] = k
  end
  table.sort(keys, function(a, b)
    return tostring(a) < tostring(b)
  end)
  local parts = {{}}
  local inner = indent .. "  "
  for _, k in ipairs(keys) do
    local ks = type(k) == "string" and k:match("^[%a_][%w_]*$") and k
      or "[" .. {name}(k, inner, seen) .. "]"
    parts[#parts + 1] = inner .. ks .. " = " .. {name}(v[k], inner, seen)
  end
  seen[v] = nil
  if #parts == 0 then
    return "{{}}"
  end
  return "{{\\n" .. concat(parts, ",\\n") .. "\\n" .. indent .. "}}"
end
"""


def t_tokenize(c):
    name = c.fresh("tokenize")
    return "local", name, f"""\
-- A small tokenizer: numbers, names and single-character symbols.
local function {name}(src)
  local tokens = {{}}
  local i, n = 1, #src
  while i <= n do
    local ch = byte(src, i)
    if ch == 32 or ch == 9 or ch == 10 then
      i = i + 1
    elseif ch >= 48 and ch <= 57 then
      local j = i
      repeat
        j = j + 1
        ch = byte(src, j)
      until not ch or ch < 48 or ch > 57
      tokens[#tokens + 1] = {{ kind = "number", value = tonumber(sub(src, i, j - 1)) }}
      i = j
    elseif (ch >= 65 and ch <= 90) or (ch >= 97 and ch <= 122) or ch == 95 then
      local s, e = find(src, "^[%w_]+", i)
      tokens[#tokens + 1] = {{ kind = "name", value = sub(src, s, e) }}
      i = e + 1
    else
      tokens[#tokens + 1] = {{ kind = "symbol", value = char(ch) }}
      i = i + 1
    end
  end
  return tokens
end
"""


def t_deepcopy(c):
    name = c.fresh("deep_copy")
    return "local", name, f"""\
local function {name}(v, seen)
  if type(v) ~= "table" then
    return v
  end
  seen = seen or {{}}
  if seen[v] then
    return seen[v]
  end
  local copy = {{}}
  seen[v] = copy
  for k, x in next, v do
    copy[{name}(k, seen)] = {name}(x, seen)
  end
  return setmetatable(copy, getmetatable(v))
end
"""


def t_state(c):
    name = c.fresh("next_state")
    w = [c.word() for _ in range(4)]
    return "local", name, f"""\
-- The state machine of a {c.module}.
local function {name}(state, input)
  if state == "{w[0]}" then
    if input == "start" then
      return "{w[1]}"
    end
  elseif state == "{w[1]}" then
    if input == "pause" then
      return "{w[2]}"
    elseif input == "stop" then
      return "{w[3]}"
    end
  elseif state == "{w[2]}" then
    return input == "resume" and "{w[1]}" or state
  elseif state == "{w[3]}" then
    return nil, "already stopped"
  else
    error(format("unknown state %s", tostring(state)))
  end
  return state
end
"""


def t_varargs(c):
    name = c.fresh("pack")
    return "local", name, f"""\
local function {name}(...)
  local n = select("#", ...)
  local t = {{ n = n, ... }}
  for i = 1, n do
    if t[i] == nil then
      t[i] = false
    end
  end
  return t
end
"""


def t_retry(c):
    name = c.fresh("with_retries")
    tries = c.num(2, 6)
    return "local", name, f"""\
-- Call fn until it succeeds, at most {tries} times.
local function {name}(fn, ...)
  local last_err
  for attempt = 1, {tries} do
    local ok, res = pcall(fn, ...)
    if ok then
      return res, attempt
    end
    last_err = res
  end
  return nil, "gave up: " .. tostring(last_err)
end
"""


def t_stats(c):
    name = c.fresh("stats")
    return "local", name, f"""\
local function {name}(values)
  local n = #values
  if n == 0 then
    return nil
  end
  local lo, hi, sum = huge, -huge, 0
  for i = 1, n do
    local v = values[i]
    sum = sum + v
    lo = min(lo, v)
    hi = max(hi, v)
  end
  local mean = sum / n
  local var = 0
  for i = n, 1, -1 do
    local d = values[i] - mean
    var = var + d * d
  end
  return {{ min = lo, max = hi, mean = mean, sd = sqrt(var / n), n = n }}
end
"""


# -- Methods --------------------------------------------------------------------------

def m_add(c):
    f = c.pick(FIELDS)
    name = c.fresh("add")
    return "method", name, f"""\
--- Add an item; items with the same id are merged.
function {c.cls}:{name}(item, qty)
  qty = qty or 1
  assert(type(item) == "table", "item must be a table")
  local existing = self.items[item.id]
  if existing then
    existing.{f} = (existing.{f} or 0) + qty
  else
    self.items[item.id] = {{ id = item.id, {f} = qty, name = item.name or "?" }}
    self.count = self.count + 1
  end
  self:emit("{name}", item, qty)
  return self
end
"""


def m_remove(c):
    name = c.fresh("remove")
    return "method", name, f"""\
function {c.cls}:{name}(id)
  local item = self.items[id]
  if not item then
    return false, "no such item: " .. tostring(id)
  end
  self.items[id] = nil
  self.count = self.count - 1
  self:emit("{name}", item)
  return true
end
"""


def m_each(c):
    name = c.fresh("each")
    return "method", name, f"""\
-- Iterate over the items in id order.
function {c.cls}:{name}()
  local ids = {{}}
  for id in pairs(self.items) do
    ids[#ids + 1] = id
  end
  table.sort(ids, function(a, b) return tostring(a) < tostring(b) end)
  local i = 0
  return function()
    i = i + 1
    local id = ids[i]
    if id ~= nil then
      return id, self.items[id]
    end
  end
end
"""


def m_on(c):
    return "method", "on", f"""\
function {c.cls}:on(event, handler)
  local list = self.handlers[event]
  if not list then
    list = {{}}
    self.handlers[event] = list
  end
  list[#list + 1] = handler
  return function()
    for i = #list, 1, -1 do
      if list[i] == handler then
        remove(list, i)
      end
    end
  end
end

function {c.cls}:emit(event, ...)
  local list = self.handlers[event]
  if list == nil then
    return 0
  end
  for i = 1, #list do
    list[i](self, ...)
  end
  return #list
end
"""


def m_tostring(c):
    f1, f2 = c.pick(FIELDS), c.pick(FIELDS)
    return "method", "__tostring", f"""\
function {c.cls}:__tostring()
  local parts = {{}}
  for id, item in pairs(self.items) do
    parts[#parts + 1] = format("%s=%s", tostring(id), tostring(item.{f1} or item.{f2}))
  end
  table.sort(parts)
  return "{c.module}(" .. concat(parts, ", ") .. ")"
end
"""


def m_update(c):
    v = c.pick(VERBS)
    name = c.fresh(v)
    f = c.pick(FIELDS)
    k = c.num(2, 9)
    return "method", name, f"""\
function {c.cls}:{name}(dt)
  dt = dt or 1 / 60
  local changed = 0
  for id, item in pairs(self.items) do
    local old = item.{f} or 0
    local new = old + dt * {k}
    if new > self.limit then
      new = self.limit
    elseif new < 0 then
      new = 0
    end
    if new ~= old then
      item.{f} = new
      changed = changed + 1
    end
  end
  self.version = self.version + 1
  return changed
end
"""


def m_find(c):
    f = c.pick(FIELDS)
    name = c.fresh("find_" + f)
    return "method", name, f"""\
function {c.cls}:{name}(value, limit)
  local found = {{}}
  limit = limit or math.huge
  for _, item in self:each() do
    if item.{f} == value then
      found[#found + 1] = item
      if #found >= limit then break end
    end
  end
  return found
end
"""


def m_dump(c):
    name = c.fresh("dump")
    return "method", name, f"""\
function {c.cls}:{name}(out)
  out = out or io.write
  out(format("-- %s with %d item(s), version %d\\n", "{c.module}", self.count, self.version))
  for id, item in self:each() do
    local line = {{}}
    for k, v in pairs(item) do
      line[#line + 1] = k .. "=" .. tostring(v)
    end
    table.sort(line)
    out("  ", tostring(id), ": ", concat(line, " "), "\\n")
  end
end
"""


def m_batch(c):
    name = c.fresh("batch_" + c.pick(VERBS))
    size = c.num(4, 64)
    return "method", name, f"""\
-- Process the pending work in batches of {size}.
function {c.cls}:{name}(work, fn)
  local done, failed = 0, {{}}
  local n = #work
  for first = 1, n, {size} do
    local last = min(first + {size} - 1, n)
    for i = first, last do
      local ok, err = pcall(fn, work[i], i)
      if ok then
        done = done + 1
      else
        failed[#failed + 1] = {{ index = i, err = err }}
      end
    end
  end
  return done, failed
end
"""


LOCAL_TEMPLATES = (t_sum, t_filter, t_map, t_split, t_trim, t_parse_kv, t_memoize,
                   t_counter, t_bsearch, t_isort, t_escape, t_serialize, t_tokenize,
                   t_deepcopy, t_state, t_varargs, t_retry, t_stats)
METHOD_TEMPLATES = (m_add, m_remove, m_update, m_find, m_dump, m_batch)


def module(rnd, name):
    c = Ctx(rnd, name)
    fields = rnd.sample(FIELDS, 4)
    out = []
    p = out.append
    p("-" * 78 + "\n")
    p("-- Module %s: %s handling.\n" % (name, name))
    p("-- " + " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(6, 12))) + "\n")
    p("-" * 78 + "\n\n")
    p("do\n")
    body = []
    b = body.append
    b("local %s = {}\n%s.__index = %s\n\n" % (c.cls, c.cls, c.cls))
    b("local floor, min, max, sqrt, huge = math.floor, math.min, math.max, math.sqrt, math.huge\n")
    b("local format, sub, find, gsub, byte, char = string.format, string.sub, string.find, "
      "string.gsub, string.byte, string.char\n")
    b("local concat, remove = table.concat, table.remove\n\n")
    b("local DEFAULTS = {\n")
    for f in fields:
        value = rnd.choice(('"%s"' % rnd.choice(WORDS), str(rnd.randint(0, 1000)),
                            "%d.%d" % (rnd.randint(0, 99), rnd.randint(1, 99)), "true", "false"))
        b("  %s = %s,\n" % (f, value))
    b("  limit = %d,\n}\n\n" % rnd.randint(100, 10000))
    # local helpers
    helpers = []
    for t in rnd.sample(LOCAL_TEMPLATES, rnd.randint(6, 10)):
        kind, fname, text = t(c)
        helpers.append(fname)
        b(text + "\n")
    # class
    b("--- Create a %s.\n-- opts: a table overriding DEFAULTS.\n" % name)
    b("function %s.new(opts)\n" % c.cls)
    b("  local self = setmetatable({}, %s)\n" % c.cls)
    b("  opts = opts or {}\n")
    b("  for k, v in pairs(DEFAULTS) do\n")
    b("    if opts[k] == nil then self[k] = v else self[k] = opts[k] end\n")
    b("  end\n")
    b("  self.items, self.handlers = {}, {}\n")
    b("  self.count, self.version = 0, 0\n")
    b("  return self\n")
    b("end\n\n")
    kind, fname, text = m_on(c)
    b(text + "\n")
    for t in [m_each] + rnd.sample(METHOD_TEMPLATES, rnd.randint(3, 6)):
        kind, fname, text = t(c)
        b(text + "\n")
    if rnd.random() < 0.5:
        b(m_tostring(c)[2] + "\n")
    # exports
    b("%s.helpers = {\n" % c.cls)
    for h in helpers:
        b("  %s = %s,\n" % (h, h))
    b("}\n")
    b('modules["%s"] = %s\n' % (name, c.cls))
    for chunk in body:
        for line in chunk.splitlines(keepends=True):
            p("  " + line if line.strip() else "\n")
    p("end\n\n")
    return "".join(out)


def generate(lines=10000, seed=1):
    """The program as bytes: about `lines` lines (never fewer)."""
    rnd = random.Random(seed)
    out = ["-- Generated by bench/gen_lua.py (seed %d): a benchmark input for the\n"
           "-- MoonLens front end. Valid LuaJIT 2.1; running it defines the modules.\n\n"
           % seed,
           "local modules = {}\n\n"]
    n = sum(s.count("\n") for s in out)
    i = 0
    while n < lines - 40:
        name = NOUNS[i % len(NOUNS)] + ("" if i < len(NOUNS) else str(i // len(NOUNS)))
        text = module(rnd, name)
        out.append(text)
        n += text.count("\n")
        i += 1
    tail = ["-- Smoke test: build one object of every module.\n",
            "local built = 0\n",
            "for name, M in pairs(modules) do\n",
            "  local obj = M.new({ limit = 10 })\n",
            "  obj:on(\"add\", function() built = built + 1 end)\n",
            "  if type(name) ~= \"string\" then\n",
            "    error(\"bad module name\")\n",
            "  end\n",
            "end\n\n",
            "return modules\n"]
    out += tail
    n += len(tail)
    while n < lines:
        out.insert(-1, "\n")
        n += 1
    return "".join(out).encode("utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--lines", type=int, default=10000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-o", "--output", help="output file (default: stdout)")
    args = ap.parse_args(argv)
    data = generate(args.lines, args.seed)
    if args.output:
        with open(args.output, "wb") as f:
            f.write(data)
    else:
        sys.stdout.buffer.write(data)


if __name__ == "__main__":
    main()
