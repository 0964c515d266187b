"""LuaJIT 2.1 bytecode: the one opcode table (lj_bc.h BCDEF), encoding, prototypes.

Classic 2.1 numbering (97 opcodes, as in Debian's LuaJIT 2.1.0-beta3 and every
2.1 build before July 2026). Everything else -- opcode constants, names in
listings, operand modes for jit.util.funcbc, metamethods -- is derived here.

Instruction words are 32 bits, least significant byte first:
  ABC format:  B:8 | C:8 | A:8 | OP:8
  AD  format:  D:16      | A:8 | OP:8
Jump targets are stored in D biased by BCBIAS_J: target = pc + 1 + D - 0x8000.
"""

# Operand modes (BCMode, in LuaJIT's order; the numbers appear in funcbc's m).
MODES = ("___", "dst", "base", "var", "rbase", "uv", "lit", "lits", "pri",
         "num", "str", "tab", "func", "jump", "cdata")
MODE = {name: i for i, name in enumerate(MODES)}

# Metamethods (MMDEF order). "___" means: the opcode has none.
METAMETHODS = ("index", "newindex", "gc", "mode", "eq", "len", "lt", "le",
               "concat", "call", "add", "sub", "mul", "div", "mod", "pow",
               "unm", "metatable", "tostring", "new", "pairs", "ipairs")
MM = {name: i for i, name in enumerate(METAMETHODS)}
MM_NONE = len(METAMETHODS)

# name, A mode, B mode, C/D mode, metamethod.   One line per opcode, in order.
# The comment is the opcode's semantics.
BCDEF = (
    ("ISLT", "var", "___", "var", "lt"),        # if A < D then JMP
    ("ISGE", "var", "___", "var", "lt"),        # if not (A < D) then JMP
    ("ISLE", "var", "___", "var", "le"),        # if A <= D then JMP
    ("ISGT", "var", "___", "var", "le"),        # if not (A <= D) then JMP
    ("ISEQV", "var", "___", "var", "eq"),       # if A == D then JMP
    ("ISNEV", "var", "___", "var", "eq"),       # if A ~= D then JMP
    ("ISEQS", "var", "___", "str", "eq"),       # if A == str D then JMP
    ("ISNES", "var", "___", "str", "eq"),
    ("ISEQN", "var", "___", "num", "eq"),       # if A == num D then JMP
    ("ISNEN", "var", "___", "num", "eq"),
    ("ISEQP", "var", "___", "pri", "eq"),       # if A == pri D then JMP
    ("ISNEP", "var", "___", "pri", "eq"),
    ("ISTC", "dst", "___", "var", "___"),       # if D then A = D; JMP
    ("ISFC", "dst", "___", "var", "___"),       # if not D then A = D; JMP
    ("IST", "___", "___", "var", "___"),        # if D then JMP
    ("ISF", "___", "___", "var", "___"),        # if not D then JMP
    ("ISTYPE", "var", "___", "lit", "___"),     # assert type(A) == D
    ("ISNUM", "var", "___", "lit", "___"),      # assert A is a number
    ("MOV", "dst", "___", "var", "___"),        # A = D
    ("NOT", "dst", "___", "var", "___"),        # A = not D
    ("UNM", "dst", "___", "var", "unm"),        # A = -D
    ("LEN", "dst", "___", "var", "len"),        # A = #D
    ("ADDVN", "dst", "var", "num", "add"),      # A = B + num C
    ("SUBVN", "dst", "var", "num", "sub"),
    ("MULVN", "dst", "var", "num", "mul"),
    ("DIVVN", "dst", "var", "num", "div"),
    ("MODVN", "dst", "var", "num", "mod"),
    ("ADDNV", "dst", "var", "num", "add"),      # A = num C + B
    ("SUBNV", "dst", "var", "num", "sub"),
    ("MULNV", "dst", "var", "num", "mul"),
    ("DIVNV", "dst", "var", "num", "div"),
    ("MODNV", "dst", "var", "num", "mod"),
    ("ADDVV", "dst", "var", "var", "add"),      # A = B + C
    ("SUBVV", "dst", "var", "var", "sub"),
    ("MULVV", "dst", "var", "var", "mul"),
    ("DIVVV", "dst", "var", "var", "div"),
    ("MODVV", "dst", "var", "var", "mod"),
    ("POW", "dst", "var", "var", "pow"),        # A = B ^ C
    ("CAT", "dst", "rbase", "rbase", "concat"),  # A = B .. ~ .. C
    ("KSTR", "dst", "___", "str", "___"),       # A = str D
    ("KCDATA", "dst", "___", "cdata", "___"),   # A = cdata D
    ("KSHORT", "dst", "___", "lits", "___"),    # A = signed 16-bit D
    ("KNUM", "dst", "___", "num", "___"),       # A = num D
    ("KPRI", "dst", "___", "pri", "___"),       # A = pri D (0 nil, 1 false, 2 true)
    ("KNIL", "base", "___", "base", "___"),     # A .. D = nil
    ("UGET", "dst", "___", "uv", "___"),        # A = upvalue D
    ("USETV", "uv", "___", "var", "___"),       # upvalue A = D
    ("USETS", "uv", "___", "str", "___"),
    ("USETN", "uv", "___", "num", "___"),
    ("USETP", "uv", "___", "pri", "___"),
    ("UCLO", "rbase", "___", "jump", "___"),    # close upvalues >= A; JMP
    ("FNEW", "dst", "___", "func", "gc"),       # A = closure of proto D
    ("TNEW", "dst", "___", "lit", "gc"),        # A = {} sized by D
    ("TDUP", "dst", "___", "tab", "gc"),        # A = copy of template D
    ("GGET", "dst", "___", "str", "index"),     # A = _G[str D]
    ("GSET", "var", "___", "str", "newindex"),  # _G[str D] = A
    ("TGETV", "dst", "var", "var", "index"),    # A = B[C]
    ("TGETS", "dst", "var", "str", "index"),    # A = B[str C]
    ("TGETB", "dst", "var", "lit", "index"),    # A = B[byte C]
    ("TGETR", "dst", "var", "var", "index"),    # A = rawget(B, C)
    ("TSETV", "var", "var", "var", "newindex"),  # B[C] = A
    ("TSETS", "var", "var", "str", "newindex"),
    ("TSETB", "var", "var", "lit", "newindex"),
    ("TSETM", "base", "___", "num", "newindex"),  # (A-1)[D..] = A, A+1, ... (MULTRES)
    ("TSETR", "var", "var", "var", "newindex"),
    ("CALLM", "base", "lit", "lit", "call"),    # A(A+2 ...+C+MULTRES) -> B-1 results
    ("CALL", "base", "lit", "lit", "call"),     # A(A+2 ... A+C) -> B-1 results (0 = all)
    ("CALLMT", "base", "___", "lit", "call"),   # return A(A+2 ...+D+MULTRES)
    ("CALLT", "base", "___", "lit", "call"),    # return A(A+2 ... A+D)
    ("ITERC", "base", "lit", "lit", "call"),    # A, A+1, A+2 = A-3, A-2, A-1; call
    ("ITERN", "base", "lit", "lit", "call"),    # specialised ITERC for next()
    ("VARG", "base", "lit", "lit", "___"),      # A .. A+B-2 = varargs
    ("ISNEXT", "base", "___", "jump", "___"),   # check specialisation for next()
    ("RETM", "base", "___", "lit", "___"),      # return A .. A+D+MULTRES
    ("RET", "rbase", "___", "lit", "___"),      # return A .. A+D-2
    ("RET0", "rbase", "___", "lit", "___"),     # return
    ("RET1", "rbase", "___", "lit", "___"),     # return A
    ("FORI", "base", "___", "jump", "___"),     # numeric for: init
    ("JFORI", "base", "___", "jump", "___"),
    ("FORL", "base", "___", "jump", "___"),     # numeric for: loop (hot-counted)
    ("IFORL", "base", "___", "jump", "___"),
    ("JFORL", "base", "___", "lit", "___"),
    ("ITERL", "base", "___", "jump", "___"),    # iterator for: loop (hot-counted)
    ("IITERL", "base", "___", "jump", "___"),
    ("JITERL", "base", "___", "lit", "___"),
    ("LOOP", "rbase", "___", "jump", "___"),    # generic loop (hot-counted)
    ("ILOOP", "rbase", "___", "jump", "___"),
    ("JLOOP", "rbase", "___", "lit", "___"),
    ("JMP", "rbase", "___", "jump", "___"),     # JMP
    ("FUNCF", "rbase", "___", "___", "___"),    # fixed-arg Lua function entry
    ("IFUNCF", "rbase", "___", "___", "___"),
    ("JFUNCF", "rbase", "___", "lit", "___"),
    ("FUNCV", "rbase", "___", "___", "___"),    # vararg Lua function entry
    ("IFUNCV", "rbase", "___", "___", "___"),
    ("JFUNCV", "rbase", "___", "lit", "___"),
    ("FUNCC", "rbase", "___", "___", "___"),    # C function entry
    ("FUNCCW", "rbase", "___", "___", "___"),   # C function entry (wrapped)
)

NAMES = tuple(row[0] for row in BCDEF)
OPCODE = {name: i for i, name in enumerate(NAMES)}
BC__MAX = len(BCDEF)

for _i, _name in enumerate(NAMES):
    globals()["BC_" + _name] = _i
del _i, _name


def _mode_word(row) -> int:
    """The `m` jit.util.funcbc returns: A bits 0-2, B 3-6, C/D 7-10, mm 11+."""
    _, a, b, c, mm = row
    mmi = MM_NONE if mm == "___" else MM[mm]
    return MODE[a] | (MODE[b] << 3) | (MODE[c] << 7) | (mmi << 11)


MODE_A = tuple(MODE[row[1]] for row in BCDEF)
MODE_B = tuple(MODE[row[2]] for row in BCDEF)
MODE_CD = tuple(MODE[row[3]] for row in BCDEF)
MODE_WORD = tuple(_mode_word(row) for row in BCDEF)
MM_OF = tuple(MM_NONE if row[4] == "___" else MM[row[4]] for row in BCDEF)

BCBIAS_J = 0x8000
NO_REG = 0xFF
NO_JMP = 0xFFFFFFFF       # "no jump" marker in jump lists (~0)
BCMAX_A = BCMAX_B = BCMAX_C = 0xFF
BCMAX_D = 0xFFFF

# Prototype flags (PROTO_*), as in lj_obj.h.
PROTO_CHILD = 0x01
PROTO_VARARG = 0x02
PROTO_FFI = 0x04
PROTO_NOJIT = 0x08
PROTO_ILOOP = 0x10
PROTO_HAS_RETURN = 0x20      # parser only
PROTO_FIXUP_RETURN = 0x40    # parser only
PROTO_UV_LOCAL = 0x8000
PROTO_UV_IMMUTABLE = 0x4000

# Limits (lj_def.h) with the words of their error messages.
LJ_MAX_SLOTS = 250
LJ_MAX_LOCVAR = 200
LJ_MAX_UPVAL = 60
LJ_MAX_XLEVEL = 200
LJ_MAX_BCINS = 1 << 26


def ins_abc(op: int, a: int, b: int, c: int) -> int:
    return op | (a << 8) | (c << 16) | (b << 24)


def ins_ad(op: int, a: int, d: int) -> int:
    return op | (a << 8) | (d << 16)


def op_of(ins: int) -> int:
    return ins & 0xFF


def a_of(ins: int) -> int:
    return (ins >> 8) & 0xFF


def b_of(ins: int) -> int:
    return ins >> 24


def c_of(ins: int) -> int:
    return (ins >> 16) & 0xFF


def d_of(ins: int) -> int:
    return ins >> 16


def j_of(ins: int) -> int:
    return (ins >> 16) - BCBIAS_J


class TemplateTable:
    """A TDUP constant: how the parser built its template table.

    LuaJIT builds templates with its real table code (lj_tab_new, lj_tab_set,
    lj_tab_reasize), so array/hash placement follows the table rules. The
    compiler records the same operations; the runtime replays them on a real
    table. `sets` holds (key, value) pairs in insertion order, where value is
    DUMMY for a key whose value is computed at run time (it ends up nil).
    """
    __slots__ = ("asize", "hbits", "sets", "reasize")
    DUMMY = object()

    def __init__(self, asize: int, hbits: int):
        self.asize = asize
        self.hbits = hbits
        self.sets = []
        self.reasize = None

    def __repr__(self):
        return "TemplateTable(%d, %d, %r)" % (self.asize, self.hbits, self.sets)


class Proto:
    """A function prototype: what LuaJIT's GCproto holds, as Python data.

    code[0] is the FUNCF/FUNCV header; lineinfo[pc] is the absolute source line
    of code[pc] (lineinfo[0] == firstline). kgc holds bytes (strings), Proto
    (children) and TemplateTable; kgc index i is GC constant -(i+1) in LuaJIT.
    varinfo is [(name, startpc, endpc)] in declaration order; hidden for-loop
    variables are named "(for index)" etc. as lua_getlocal reports them.
    """
    __slots__ = ("code", "lineinfo", "kn", "kgc", "uv", "uvnames", "varinfo",
                 "firstline", "numline", "numparams", "framesize", "flags",
                 "chunkname", "__weakref__")

    def __init__(self):
        self.code = []
        self.lineinfo = []
        self.kn = []
        self.kgc = []
        self.uv = []
        self.uvnames = []
        self.varinfo = []
        self.firstline = 0
        self.numline = 0
        self.numparams = 0
        self.framesize = 1
        self.flags = 0
        self.chunkname = b"?"

    @property
    def lastline(self) -> int:
        return self.firstline + self.numline

    @property
    def is_vararg(self) -> bool:
        return bool(self.flags & PROTO_VARARG)

    def children(self):
        return [k for k in self.kgc if isinstance(k, Proto)]

    def walk(self):
        """This prototype and all nested ones, children first (as -bl lists them)."""
        for child in self.children():
            yield from child.walk()
        yield self


# Relations the compiler and interpreter rely on.
assert BC_ISLT ^ 1 == BC_ISGE and BC_ISLE ^ 1 == BC_ISGT and BC_ISLT ^ 3 == BC_ISGT
assert BC_ISEQV ^ 1 == BC_ISNEV and BC_ISEQS ^ 1 == BC_ISNES
assert BC_ISEQN ^ 1 == BC_ISNEN and BC_ISEQP ^ 1 == BC_ISNEP
assert BC_ISTC + 2 == BC_IST and BC_ISFC + 2 == BC_ISF
assert BC_ISEQS - BC_ISEQV == 2 and BC_ISEQN - BC_ISEQV == 4 and BC_ISEQP - BC_ISEQV == 6
assert BC_SUBVV - BC_ADDVV == 1 and BC_MODVV - BC_ADDVV == 4
assert BC_ADDVV - BC_ADDVN == 10 and BC_ADDNV - BC_ADDVN == 5
assert BC_CALLT - BC_CALL == 2 and BC_CALLMT - BC_CALLM == 2
for _op in ("FORL", "ITERL", "LOOP", "FUNCF", "FUNCV"):
    assert OPCODE["I" + _op] == OPCODE[_op] + 1 and OPCODE["J" + _op] == OPCODE[_op] + 2
del _op
assert BC_JFORI == BC_FORI + 1
assert BC__MAX == 97 and NAMES[-1] == "FUNCCW"
