"""Library functions that LuaJIT implements in Lua bytecode (LJLIB_LUA in lib_*.c).

LuaJIT ships a few builtins as stripped Lua functions: table.remove, table.move,
table.foreach, table.foreachi, table.getn, string.len, math.deg and math.rad. They
are ordinary Lua closures (type "function", what "Lua", source "[builtin:remove]",
line 0) and the trace recorder inlines them like user code, so MoonLens builds them
the same way: the source below is compiled by our own compiler, then the argument
checks are patched in.

The source uses two markers, as LuaJIT's build does:
  CHECK_<type>(var)   an argument check: compiled as KSHORT var, <marker>, then patched
                      into ISTYPE var, <itype> (ISNUM for numbers)
  PAIRS(t)            a pairs() loop over a raw table: "nil, t, 0" and ITERC -> ITERN
A table checked with CHECK_tab is accessed raw: its TGETV/TSETV become TGETR/TSETR.
"""

import re

from ..bytecode import BC_ISNUM, BC_ISTYPE, BC_ITERC, BC_ITERN, BC_KSHORT, BC_TGETR, BC_TGETV
from ..bytecode import BC_TSETR, BC_TSETV, Proto
from ..loader import load

# ISTYPE operands: the type check's D operand (LuaJIT's ~itype + 1 numbering).
CHECK_ITYPE = {"str": 5, "func": 9, "tab": 12}
CHECK_NUMBER = ("int", "num")       # both are ISNUM without dual-number mode

FIRST_MARKER = -30000

# (library, name, source) in the order each library registers them.
SOURCES = (
    ("table", "foreachi", """
function(t, f)
  CHECK_tab(t)
  CHECK_func(f)
  for i=1,#t do
    local r = f(i, t[i])
    if r ~= nil then return r end
  end
end"""),
    ("table", "foreach", """
function(t, f)
  CHECK_tab(t)
  CHECK_func(f)
  for k, v in PAIRS(t) do
    local r = f(k, v)
    if r ~= nil then return r end
  end
end"""),
    ("table", "getn", """
function(t)
  CHECK_tab(t)
  return #t
end"""),
    ("table", "remove", """
function(t, pos)
  CHECK_tab(t)
  local len = #t
  if pos == nil then
    if len ~= 0 then
      local old = t[len]
      t[len] = nil
      return old
    end
  else
    CHECK_int(pos)
    if pos >= 1 and pos <= len then
      local old = t[pos]
      for i=pos+1,len do
        t[i-1] = t[i]
      end
      t[len] = nil
      return old
    end
  end
end"""),
    ("table", "move", """
function(a1, f, e, t, a2)
  CHECK_tab(a1)
  CHECK_int(f)
  CHECK_int(e)
  CHECK_int(t)
  if a2 == nil then a2 = a1 end
  CHECK_tab(a2)
  if e >= f then
    local d = t - f
    if t > e or t <= f or a2 ~= a1 then
      for i=f,e do a2[i+d] = a1[i] end
    else
      for i=e,f,-1 do a2[i+d] = a1[i] end
    end
  end
  return a2
end"""),
    ("string", "len", """
function(s)
  CHECK_str(s)
  return #s
end"""),
    ("math", "deg", "function(x) return x * 57.29577951308232 end"),
    ("math", "rad", "function(x) return x * 0.017453292519943295 end"),
)

LIBRARIES = tuple(dict.fromkeys(lib for lib, _, _ in SOURCES))

_CHECK = re.compile(r"CHECK_(\w*)\(([^)]*)\)")
_PAIRS = re.compile(r"PAIRS\(([^)]*)\)")


def transform(source):
    """Replace the markers: (Lua source, {marker number: check type}, uses PAIRS)."""
    checks = {}

    def check(m):
        n = FIRST_MARKER + len(checks) + 1
        checks[n] = m.group(1)
        return "%s=%d" % (m.group(2), n)

    source = _CHECK.sub(check, source)
    source, npairs = _PAIRS.subn(lambda m: "nil, %s, 0" % m.group(1), source)
    return "return " + source, checks, npairs > 0


def compile_builtin(name, source) -> Proto:
    """The stripped, patched prototype of one builtin."""
    code, checks, pairs = transform(source)
    main = load(code.encode(), "=" + name)
    proto = next(k for k in main.kgc if isinstance(k, Proto))
    _patch(proto, checks, pairs)
    _strip(proto, name)
    return proto


def _patch(proto, checks, pairs):
    raw = set()
    for pc, ins in enumerate(proto.code):
        op = ins & 0xFF
        a = (ins >> 8) & 0xFF
        if op == BC_KSHORT:
            d = ins >> 16
            d = d - 0x10000 if d >= 0x8000 else d
            tp = checks.get(d)
            if tp is None:
                continue
            if tp == "tab":
                raw.add(a)
            if tp in CHECK_NUMBER:
                proto.code[pc] = BC_ISNUM | (a << 8) | (15 << 16)
            else:
                proto.code[pc] = BC_ISTYPE | (a << 8) | (CHECK_ITYPE[tp] << 16)
        elif op == BC_TGETV and (ins >> 24) in raw:
            proto.code[pc] = (ins & ~0xFF) | BC_TGETR
        elif op == BC_TSETV and (ins >> 24) in raw:
            proto.code[pc] = (ins & ~0xFF) | BC_TSETR
        elif op == BC_ITERC and pairs:
            proto.code[pc] = (ins & ~0xFF) | BC_ITERN


def _strip(proto, name):
    """As a stripped dump loads: no line or variable info; firstline ~0 marks a builtin."""
    proto.chunkname = name.encode()
    proto.firstline = -1
    proto.numline = 0
    proto.lineinfo = [0] * len(proto.code)
    proto.varinfo = []
    proto.uvnames = []


def install(vm, libname, libtable):
    """Store the Lua builtins of one library into its table (replacing any entry)."""
    for lib, name, source in SOURCES:
        if lib != libname:
            continue
        proto = compile_builtin(name, source)
        fn = vm.new_lfunc(vm.load_proto(proto), [], vm.globals)
        vm.rawsets(libtable, name.encode(), fn)
