"""Which builtins LuaJIT 2.1's recorder compiles: the one table (LJLIB_REC in lib_*.c,
handlers in lj_ffrecord.c). The recorder dispatches on it and the static JIT-lint
predicts from it, so the editor's verdicts cannot drift from the recorder's.

Each entry: ffname -> (handler, aux, coverage).
  handler   the recorder's handler name (recff_<handler>), or None: not recorded
  aux       the handler's argument (an IR op, FPMATH or call name, an index), or None
  coverage  "all"      every call is compiled
            "some"     some argument forms are compiled, the others stitch (see SOME)
A builtin that is not recorded stitches the trace (link "stitch"), except where it
cannot: see NEVER_STITCH and STITCH_BLOCKERS.
Builtins written in Lua (vm/lib/luabuiltins.py: table.remove, string.len, ...) are
not here: the recorder traces their bytecode like any Lua function.
"""

from ..vm.lib.ffid import FFID

# ffname: (handler, aux, coverage)
RECORDED = {
    "assert": ("assert", None, "all"),
    "type": ("type", None, "all"),
    "next": ("next", None, "all"),
    "pairs": ("xpairs", 0, "all"),
    "ipairs_aux": ("ipairs_aux", None, "some"),
    "ipairs": ("xpairs", 1, "all"),
    "getmetatable": ("getmetatable", None, "all"),
    "setmetatable": ("setmetatable", None, "some"),
    "getfenv": ("getfenv", None, "some"),
    "rawget": ("rawget", None, "all"),
    "rawset": ("rawset", None, "all"),
    "rawequal": ("rawequal", None, "all"),
    "select": ("select", None, "some"),
    "tonumber": ("tonumber", None, "some"),
    "tostring": ("tostring", None, "some"),
    "pcall": ("pcall", None, "all"),
    "xpcall": ("xpcall", None, "all"),
    "math.abs": ("math_abs", None, "all"),
    "math.floor": ("math_round", "floor", "all"),
    "math.ceil": ("math_round", "ceil", "all"),
    "math.sqrt": ("math_unary", "sqrt", "all"),
    "math.log10": ("math_call", "log10", "all"),
    "math.exp": ("math_call", "exp", "all"),
    "math.sin": ("math_call", "sin", "all"),
    "math.cos": ("math_call", "cos", "all"),
    "math.tan": ("math_call", "tan", "all"),
    "math.asin": ("math_call", "asin", "all"),
    "math.acos": ("math_call", "acos", "all"),
    "math.atan": ("math_call", "atan", "all"),
    "math.sinh": ("math_call", "sinh", "all"),
    "math.cosh": ("math_call", "cosh", "all"),
    "math.tanh": ("math_call", "tanh", "all"),
    "math.log": ("math_log", None, "all"),
    "math.atan2": ("math_atan2", None, "all"),
    "math.pow": ("math_pow", None, "all"),
    "math.ldexp": ("math_ldexp", None, "all"),
    "math.min": ("math_minmax", "MIN", "all"),
    "math.max": ("math_minmax", "MAX", "all"),
    "math.random": ("math_random", None, "all"),
    "bit.tobit": ("bit_tobit", None, "all"),
    "bit.bnot": ("bit_unary", "BNOT", "all"),
    "bit.bswap": ("bit_unary", "BSWAP", "all"),
    "bit.lshift": ("bit_shift", "BSHL", "all"),
    "bit.rshift": ("bit_shift", "BSHR", "all"),
    "bit.arshift": ("bit_shift", "BSAR", "all"),
    "bit.rol": ("bit_shift", "BROL", "all"),
    "bit.ror": ("bit_shift", "BROR", "all"),
    "bit.band": ("bit_nary", "BAND", "all"),
    "bit.bor": ("bit_nary", "BOR", "all"),
    "bit.bxor": ("bit_nary", "BXOR", "all"),
    "bit.tohex": ("bit_tohex", None, "all"),
    "string.byte": ("string_range", 0, "all"),
    "string.char": ("string_char", None, "all"),
    "string.sub": ("string_range", 1, "all"),
    "string.rep": ("string_rep", None, "all"),
    "string.reverse": ("string_op", "reverse", "all"),
    "string.lower": ("string_op", "lower", "all"),
    "string.upper": ("string_op", "upper", "all"),
    "string.find": ("string_find", None, "some"),
    "string.format": ("string_format", None, "some"),
    "table.insert": ("table_insert", None, "some"),
    "table.concat": ("table_concat", None, "all"),
    "table.new": ("table_new", None, "all"),
    "table.clear": ("table_clear", None, "all"),
    "io.method.write": ("io_write", 0, "all"),
    "io.method.flush": ("io_flush", 0, "all"),
    "io.write": ("io_write", "output", "all"),
    "io.flush": ("io_flush", "output", "all"),
    "debug.getmetatable": ("getmetatable", None, "all"),
}

# What the compiled forms of a "some" builtin are, in the words the editor shows.
SOME = {
    "ipairs_aux": "a numeric index",
    "setmetatable": "a table whose metatable is a table or nil",
    "getfenv": "getfenv(0) only",
    "select": "select('#', ...) and a constant index",
    "tonumber": "numbers and numeric strings with no base or base 10",
    "tostring": "strings, numbers, booleans, nil and values with __tostring",
    "string.find": "plain searches (4th argument true, or a pattern without specials)",
    "string.format": "%d %i %u %x %X %o %c %f %e %g %a %q, and %s of strings",
    "table.insert": "the two-argument append t[#t+1] = v",
}

# Never stitched across: the trace ends with link "return" at these calls.
NEVER_STITCH = frozenset(("error", "debug.sethook", "jit.flush"))

# A stitched trace cannot start after these (variable number of values): "return".
STITCH_BLOCKERS = frozenset(("CALLM", "CALLMT", "RETM", "TSETM"))

for _name in RECORDED:
    assert _name in FFID, _name
for _name in SOME:
    assert RECORDED[_name][2] == "some", _name


def record_kind(ffname: str) -> str:
    """'compiled', 'some' (compiled for some arguments) or 'stitch' for a builtin."""
    entry = RECORDED.get(ffname)
    if entry is None:
        return "stitch"
    return "compiled" if entry[2] == "all" else "some"
