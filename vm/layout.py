"""LuaJIT 2.1's value tags and object layouts (GC64, x86-64), defined once.

A TValue is 64 bits. Numbers are IEEE doubles stored as themselves; every
other value has the top 17 bits set to its tag and a 47-bit payload:

    tag(v) = v >> 47      itype = tag | 0xFFFE0000 (as uint32) = ~type number

Everything here mirrors lj_obj.h; the numbers are checked against LuaJIT 2.1
(shared/reference/luajit-2.1-object-model.md) and drawn in docs/ARCHITECTURE.md.
"""

# -- Types: (name of lj_obj.h, type number k, tag = (~k) & 0x1FFFF) ------------------

TYPES = (
    ("nil", 0), ("false", 1), ("true", 2), ("lightud", 3), ("str", 4),
    ("upval", 5), ("thread", 6), ("proto", 7), ("func", 8), ("trace", 9),
    ("cdata", 10), ("tab", 11), ("udata", 12), ("numx", 13),
)

T_NIL, T_FALSE, T_TRUE, T_LIGHTUD, T_STR, T_UPVAL, T_THREAD, T_PROTO, T_FUNC, \
    T_TRACE, T_CDATA, T_TAB, T_UDATA, T_NUMX = range(14)

TAG_BITS = 47
PAYLOAD = (1 << TAG_BITS) - 1


def tag_of_type(k: int) -> int:
    """The 17-bit tag of type number k (~k truncated)."""
    return (~k) & 0x1FFFF


TAG_LIGHTUD = tag_of_type(T_LIGHTUD)   # 0x1FFFC
TAG_STR = tag_of_type(T_STR)           # 0x1FFFB
TAG_UPVAL = tag_of_type(T_UPVAL)
TAG_THREAD = tag_of_type(T_THREAD)
TAG_PROTO = tag_of_type(T_PROTO)
TAG_FUNC = tag_of_type(T_FUNC)         # 0x1FFF7
TAG_TRACE = tag_of_type(T_TRACE)
TAG_CDATA = tag_of_type(T_CDATA)
TAG_TAB = tag_of_type(T_TAB)           # 0x1FFF4
TAG_UDATA = tag_of_type(T_UDATA)       # 0x1FFF3
TAG_NUMX = tag_of_type(T_NUMX)         # 0x1FFF2: any tag below is a number

# Whole TValues of the primitives, and the tag bits of GC values (shifted into place).
NIL = 0xFFFFFFFFFFFFFFFF
FALSE = 0xFFFF7FFFFFFFFFFF
TRUE = 0xFFFEFFFFFFFFFFFF
NUM_LIMIT = TAG_NUMX << TAG_BITS       # v < NUM_LIMIT  <=>  v is a number
CANON_NAN = 0xFFF8000000000000
STR = TAG_STR << TAG_BITS
UPVAL = TAG_UPVAL << TAG_BITS
THREAD = TAG_THREAD << TAG_BITS
PROTO = TAG_PROTO << TAG_BITS
FUNC = TAG_FUNC << TAG_BITS
TAB = TAG_TAB << TAG_BITS
UDATA = TAG_UDATA << TAG_BITS
LIGHTUD = TAG_LIGHTUD << TAG_BITS
KEYINDEX_HI = 0xFFFE7FFF             # high word of an ITERN traversal index

# Names that type() returns, by tag (lj_obj.c lj_obj_typename).
TYPENAME = {
    0x1FFFF: "nil", 0x1FFFE: "boolean", 0x1FFFD: "boolean", TAG_LIGHTUD: "userdata",
    TAG_STR: "string", TAG_UPVAL: "upval", TAG_THREAD: "thread", TAG_PROTO: "proto",
    TAG_FUNC: "function", TAG_TRACE: "trace", TAG_CDATA: "cdata", TAG_TAB: "table",
    TAG_UDATA: "userdata",
}


def typename(v: int) -> str:
    return "number" if v < NUM_LIMIT else TYPENAME[v >> TAG_BITS]


def gcv(tag_bits: int, addr: int) -> int:
    """A TValue for a GC object: its tag bits (e.g. TAB) or'ed with its address."""
    return tag_bits | addr


def is_true(v: int) -> bool:
    """Lua truth: everything but nil and false."""
    return v != NIL and v != FALSE


# -- Object layouts: field -> byte offset ------------------------------------------------
# Every GC object starts with GCHeader: nextgc @0 (8), marked @8 (u8), gct @9 (u8).

GCHEADER = {"nextgc": 0, "marked": 8, "gct": 9}

GCSTR = {"reserved": 10, "hashalg": 11, "sid": 12, "hash": 16, "len": 20, "data": 24}
SIZEOF_GCSTR = 24

GCTAB = {"nomm": 10, "colo": 11, "array": 16, "gclist": 24, "metatable": 32,
         "node": 40, "asize": 48, "hmask": 52, "freetop": 56}
SIZEOF_GCTAB = 64
NODE = {"val": 0, "key": 8, "next": 16}
SIZEOF_NODE = 24
MAX_COLOSIZE = 16

GCFUNC = {"ffid": 10, "nupvalues": 11, "env": 16, "gclist": 24, "pc": 32,
          "f": 40, "upvalue": 48, "uvptr": 40}
SIZEOF_GCFUNC_C = 48     # + 8 per upvalue TValue
SIZEOF_GCFUNC_L = 40     # + 8 per upvalue pointer
FF_LUA, FF_C = 0, 1

GCUPVAL = {"closed": 10, "immutable": 11, "tv": 16, "prev": 16, "next": 24, "v": 32,
           "dhash": 40}
SIZEOF_GCUPVAL = 48

GCPROTO = {"numparams": 10, "framesize": 11, "sizebc": 12, "gclist": 24, "k": 32,
           "uv": 40, "sizekgc": 48, "sizekn": 52, "sizept": 56, "sizeuv": 60,
           "flags": 61, "trace": 62, "chunkname": 64, "firstline": 72, "numline": 76,
           "lineinfo": 80, "uvinfo": 88, "varinfo": 96}
SIZEOF_GCPROTO = 104

LUA_STATE = {"dummy_ffid": 10, "status": 11, "glref": 16, "gclist": 24, "base": 32,
             "top": 40, "maxstack": 48, "stack": 56, "openupval": 64, "env": 72,
             "cframe": 80, "stacksize": 88}
SIZEOF_LUA_STATE = 96

GCUDATA = {"udtype": 10, "env": 16, "len": 24, "metatable": 32, "align1": 40}
SIZEOF_GCUDATA = 48
UDTYPE_USERDATA, UDTYPE_IO_FILE = 0, 1

# Frame links (FR2): [base-2] function, [base-1] link.
FRAME_LUA, FRAME_C, FRAME_CONT, FRAME_VARG, FRAME_LUAP, FRAME_CP, FRAME_PCALL, \
    FRAME_PCALLH = range(8)
FRAME_TYPE = 3
FRAME_TYPEP = 7

# Metamethods, in LuaJIT's MMDEF order (the nomm cache covers index .. len).
MMNAMES = ("__index", "__newindex", "__gc", "__mode", "__eq", "__len", "__lt", "__le",
           "__concat", "__call", "__add", "__sub", "__mul", "__div", "__mod", "__pow",
           "__unm", "__metatable", "__tostring", "__new", "__pairs", "__ipairs")
MM_index, MM_newindex, MM_gc, MM_mode, MM_eq, MM_len, MM_lt, MM_le, MM_concat, MM_call, \
    MM_add, MM_sub, MM_mul, MM_div, MM_mod, MM_pow, MM_unm, MM_metatable, MM_tostring, \
    MM_new, MM_pairs, MM_ipairs = range(len(MMNAMES))
MM_FAST = MM_len      # metamethods up to this one are cached negatively in nomm

# GC marks.
WHITE0, WHITE1, BLACK, FINALIZED, WEAKVAL_MARK, FIXED, SFIXED = 1, 2, 4, 8, 16, 32, 64
WEAKKEY = 8
WEAKVAL = 16

assert TAB == 0xFFFA000000000000 and STR == 0xFFFD800000000000
assert FUNC == 0xFFFB800000000000 and UDATA == 0xFFF9800000000000
assert NUM_LIMIT == 0xFFF9000000000000 and CANON_NAN < NUM_LIMIT
assert NIL == ((~T_NIL << 47) & 0xFFFFFFFFFFFFFFFF) | PAYLOAD
assert FALSE == ((~T_FALSE << 47) & 0xFFFFFFFFFFFFFFFF) | PAYLOAD
assert TRUE == ((~T_TRUE << 47) & 0xFFFFFFFFFFFFFFFF) | PAYLOAD
assert NIL >> 47 == 0x1FFFF and FALSE >> 47 == 0x1FFFE and TRUE >> 47 == 0x1FFFD

# lj_def.h LJ_MAX_STR: the longest string (lj_str_new raises "string length overflow").
LJ_MAX_STR = 0x7FFFFF00
