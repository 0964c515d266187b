"""LuaJIT 2.1's IR: opcodes, types and named literals -- the one table of each (lj_ir.h).

Everything else (IR_* constants, modes, dump names, the fold/CSE dispatch) is derived
from these tables at import time. References follow LuaJIT: constants grow down from
REF_BIAS, instructions up from REF_FIRST; a reference below REF_BIAS is a constant.
"""

# (name, mode kind, op1 mode, op2 mode). Kind: N normal, R reference, A allocation,
# L load, S store/side effect; C = commutative, W = non-weak guard. Order matters:
# XOR 1 flips a comparison, XOR 4 switches signed/unsigned, loads and stores pair up.
IRDEF = (
    ("LT", "N", "ref", "ref"), ("GE", "N", "ref", "ref"),
    ("LE", "N", "ref", "ref"), ("GT", "N", "ref", "ref"),
    ("ULT", "N", "ref", "ref"), ("UGE", "N", "ref", "ref"),
    ("ULE", "N", "ref", "ref"), ("UGT", "N", "ref", "ref"),
    ("EQ", "C", "ref", "ref"), ("NE", "C", "ref", "ref"),
    ("ABC", "N", "ref", "ref"), ("RETF", "S", "ref", "ref"),
    # Miscellaneous.
    ("NOP", "N", "___", "___"), ("BASE", "N", "lit", "lit"), ("PVAL", "N", "lit", "___"),
    ("GCSTEP", "S", "___", "___"), ("HIOP", "S", "ref", "ref"), ("LOOP", "S", "___", "___"),
    ("USE", "S", "ref", "___"), ("PHI", "S", "ref", "ref"), ("RENAME", "S", "ref", "lit"),
    ("PROF", "S", "___", "___"),
    # Constants.
    ("KPRI", "N", "___", "___"), ("KINT", "N", "cst", "___"), ("KGC", "N", "cst", "___"),
    ("KPTR", "N", "cst", "___"), ("KKPTR", "N", "cst", "___"), ("KNULL", "N", "cst", "___"),
    ("KNUM", "N", "cst", "___"), ("KINT64", "N", "cst", "___"), ("KSLOT", "N", "ref", "lit"),
    # Bit ops.
    ("BNOT", "N", "ref", "___"), ("BSWAP", "N", "ref", "___"), ("BAND", "C", "ref", "ref"),
    ("BOR", "C", "ref", "ref"), ("BXOR", "C", "ref", "ref"), ("BSHL", "N", "ref", "ref"),
    ("BSHR", "N", "ref", "ref"), ("BSAR", "N", "ref", "ref"), ("BROL", "N", "ref", "ref"),
    ("BROR", "N", "ref", "ref"),
    # Arithmetic (ORDER ARITH).
    ("ADD", "C", "ref", "ref"), ("SUB", "N", "ref", "ref"), ("MUL", "C", "ref", "ref"),
    ("DIV", "N", "ref", "ref"), ("MOD", "N", "ref", "ref"), ("POW", "N", "ref", "ref"),
    ("NEG", "N", "ref", "ref"), ("ABS", "N", "ref", "ref"), ("LDEXP", "N", "ref", "ref"),
    ("MIN", "C", "ref", "ref"), ("MAX", "C", "ref", "ref"), ("FPMATH", "N", "ref", "lit"),
    # Overflow-checking arithmetic.
    ("ADDOV", "CW", "ref", "ref"), ("SUBOV", "NW", "ref", "ref"), ("MULOV", "CW", "ref", "ref"),
    # Memory references.
    ("AREF", "R", "ref", "ref"), ("HREFK", "R", "ref", "ref"), ("HREF", "L", "ref", "ref"),
    ("NEWREF", "S", "ref", "ref"), ("UREFO", "LW", "ref", "lit"), ("UREFC", "LW", "ref", "lit"),
    ("FREF", "R", "ref", "lit"), ("TMPREF", "S", "ref", "lit"), ("STRREF", "N", "ref", "ref"),
    ("LREF", "L", "___", "___"),
    # Loads and stores, in the same order.
    ("ALOAD", "L", "ref", "___"), ("HLOAD", "L", "ref", "___"), ("ULOAD", "L", "ref", "___"),
    ("FLOAD", "L", "ref", "lit"), ("XLOAD", "L", "ref", "lit"), ("SLOAD", "L", "lit", "lit"),
    ("VLOAD", "L", "ref", "lit"), ("ALEN", "L", "ref", "ref"),
    ("ASTORE", "S", "ref", "ref"), ("HSTORE", "S", "ref", "ref"), ("USTORE", "S", "ref", "ref"),
    ("FSTORE", "S", "ref", "ref"), ("XSTORE", "S", "ref", "ref"),
    # Allocations.
    ("SNEW", "N", "ref", "ref"), ("XSNEW", "A", "ref", "ref"), ("TNEW", "AW", "lit", "lit"),
    ("TDUP", "AW", "ref", "___"), ("CNEW", "AW", "ref", "ref"), ("CNEWI", "NW", "ref", "ref"),
    # Buffers.
    ("BUFHDR", "L", "ref", "lit"), ("BUFPUT", "LW", "ref", "ref"), ("BUFSTR", "AW", "ref", "ref"),
    # Barriers.
    ("TBAR", "S", "ref", "___"), ("OBAR", "S", "ref", "ref"), ("XBAR", "S", "___", "___"),
    # Conversions.
    ("CONV", "N", "ref", "lit"), ("TOBIT", "N", "ref", "ref"), ("TOSTR", "N", "ref", "lit"),
    ("STRTO", "N", "ref", "___"),
    # Calls.
    ("CALLN", "NW", "ref", "lit"), ("CALLA", "AW", "ref", "lit"), ("CALLL", "LW", "ref", "lit"),
    ("CALLS", "S", "ref", "lit"), ("CALLXS", "S", "ref", "ref"), ("CARG", "N", "ref", "ref"),
)

IRNAMES = tuple(d[0] for d in IRDEF)
IR = {name: i for i, name in enumerate(IRNAMES)}

# The mode byte as lj_ir_mode holds it (jit.util.traceir returns it).
IRM_OPMODE = {"ref": 0, "lit": 1, "cst": 2, "___": 3}
IRM_C, IRM_A, IRM_L, IRM_S, IRM_W = 0x10, 0x20, 0x40, 0x60, 0x80
IRM_KIND = {"N": 0, "R": 0, "A": IRM_A, "L": IRM_L, "S": IRM_S, "C": IRM_C}


def _mode(kind, m1, m2):
    m = IRM_OPMODE[m1] | (IRM_OPMODE[m2] << 2)
    for ch in kind:
        if ch != "W":
            m |= IRM_KIND[ch]
    # W is stored inverted: the bit set means "weak guard".
    return m | (0 if "W" in kind else IRM_W)


IRMODE = tuple(_mode(k, m1, m2) for _, k, m1, m2 in IRDEF)


def irm_op1(op):
    return IRMODE[op] & 3


def irm_op2(op):
    return (IRMODE[op] >> 2) & 3


def irm_kind(op):
    return IRMODE[op] & IRM_S


def ir_commutative(op):
    return bool(IRMODE[op] & IRM_C)


def ir_weakguard(op):
    return bool(IRMODE[op] & IRM_W)


IRDELTA_L2S = IR["ASTORE"] - IR["ALOAD"]

# The order relations the optimisers rely on (LJ_STATIC_ASSERT in lj_ir.h).
assert IR["EQ"] ^ 1 == IR["NE"] and IR["LT"] ^ 1 == IR["GE"] and IR["LE"] ^ 1 == IR["GT"]
assert IR["LT"] ^ 3 == IR["GT"] and IR["LT"] ^ 4 == IR["ULT"]
for _l, _s in (("HLOAD", "HSTORE"), ("ULOAD", "USTORE"), ("FLOAD", "FSTORE"),
               ("XLOAD", "XSTORE")):
    assert IR[_l] + IRDELTA_L2S == IR[_s]
assert len(IRDEF) == 101

# -- IR types (IRT): number, name, 3-letter dump name. Primitive types are ~itype. --------

IRTDEF = (
    ("NIL", "nil"), ("FALSE", "fal"), ("TRUE", "tru"), ("LIGHTUD", "lud"), ("STR", "str"),
    ("P32", "p32"), ("THREAD", "thr"), ("PROTO", "pro"), ("FUNC", "fun"), ("P64", "p64"),
    ("CDATA", "cdt"), ("TAB", "tab"), ("UDATA", "udt"), ("FLOAT", "flt"), ("NUM", "num"),
    ("I8", "i8 "), ("U8", "u8 "), ("I16", "i16"), ("U16", "u16"), ("INT", "int"),
    ("U32", "u32"), ("I64", "i64"), ("U64", "u64"), ("SOFTFP", "sfp"),
)
IRT = {name: i for i, (name, _) in enumerate(IRTDEF)}
# the types whose values are collectable objects the GC must see (TValues here)
IRT_GCOBJ = frozenset(IRT[name] for name in ("STR", "THREAD", "FUNC", "TAB", "UDATA"))
IRT_DUMPNAME = tuple(d for _, d in IRTDEF)
IRT_TYPE = 0x1F         # type bits of the type byte
IRT_MARK = 0x20         # marker for the optimisers
IRT_ISPHI = 0x40        # a PHI operand (dump: "+")
IRT_GUARD = 0x80        # a guard (dump: ">")
# GC64 aliases.
IRT["PGC"] = IRT["PTR"] = IRT["P64"]
IRT["IGC"] = IRT["INTP"] = IRT["I64"]

# -- References --------------------------------------------------------------------------

REF_BIAS = 0x8000
REF_TRUE = REF_BIAS - 3
REF_FALSE = REF_BIAS - 2
REF_NIL = REF_BIAS - 1
REF_BASE = REF_BIAS             # the BASE instruction
REF_FIRST = REF_BIAS + 1        # the first instruction
REF_DROP = 0xFFFF


def irref_isk(ref):
    return ref < REF_BIAS


# Tagged references of the recorder (TRef): type << 24 | flags | ref.
TREF_REFMASK = 0x0000FFFF
TREF_FRAME = 0x00010000
TREF_CONT = 0x00020000
TREF_KEYINDEX = 0x00100000

# -- Named literals ----------------------------------------------------------------------

IRFPM = ("floor", "ceil", "trunc", "sqrt", "log", "log2", "other")

IRFIELDS = (
    "str.len", "func.env", "func.pc", "func.ffid", "thread.env",
    "tab.meta", "tab.array", "tab.node", "tab.asize", "tab.hmask", "tab.nomm",
    "udata.meta", "udata.udtype", "udata.file",
    "sbuf.w", "sbuf.e", "sbuf.b", "sbuf.l", "sbuf.ref", "sbuf.r",
    "cdata.ctypeid", "cdata.ptr", "cdata.int", "cdata.int64", "cdata.int64_4",
)
IRFL = {name.replace(".", "_").upper(): i for i, name in enumerate(IRFIELDS)}
# lj_ir_ggfload: FLOAD of a global-state field (op1 nil): the base metatables
# (g.gcroot[GCROOT_BASEMT + itypemap]), op2 GGFL_BASEMT + the value's IR type. The
# offset (>>2) is the build's; this is the reference engine's (LuaJIT 2.1.0-beta3 x64,
# as its -jdump prints it), like the sign masks' (trace.KSIMD_ABS).
GGFL_BASEMT = 178
GGFL_BASEMT_END = GGFL_BASEMT + 32

# SLOAD mode bits, in the order -jdump prints their letters.
IRSLOAD = (("PARENT", 0x01, "P"), ("FRAME", 0x02, "F"), ("TYPECHECK", 0x04, "T"),
           ("CONVERT", 0x08, "C"), ("READONLY", 0x10, "R"), ("INHERIT", 0x20, "I"),
           ("KEYINDEX", 0x40, "K"))
SLOAD = {name: bit for name, bit, _ in IRSLOAD}

IRXLOAD_READONLY, IRXLOAD_VOLATILE, IRXLOAD_UNALIGNED = 0x01, 0x02, 0x04
IRBUFHDR = ("RESET", "APPEND", "WRITE")
IRTOSTR = ("INT", "NUM", "CHAR")

# CONV's op2: source type, destination type, sign extension and the check mode.
IRCONV_SRCMASK = 0x001F
IRCONV_DSTMASK = 0x03E0
IRCONV_DSH = 5
IRCONV_SEXT = 0x0800
IRCONV_MODEMASK = 0x0FFF
IRCONV_CONVMASK = 0xF000
IRCONV_CSH = 12
IRCONV_TOBIT, IRCONV_ANY, IRCONV_INDEX, IRCONV_CHECK = (i << IRCONV_CSH for i in range(4))
IRCONV_NUM_INT = (IRT["NUM"] << IRCONV_DSH) | IRT["INT"]
IRCONV_INT_NUM = (IRT["INT"] << IRCONV_DSH) | IRT["NUM"]
