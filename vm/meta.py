"""Metamethods and the slow paths of the interpreter (lj_meta.c).

The fast paths (numbers, plain table hits) are inline in the interpreter. These
functions handle everything else. When Lua code must run -- a metamethod that is
a function -- they do not call it: they return a tuple (function, arg1, arg2),
and the interpreter runs it in a continuation frame, as LuaJIT does, so that a
metamethod may yield and appears in tracebacks. Anything else they return is
the result (a TValue int, a float for numbers, or a bool for comparisons).
"""

from . import table as tab
from .errmsg import ERRMSG
from .errors import CompareError, OpError, RuntimeErr
from .layout import LJ_MAX_STR
from .layout import (
    FALSE, MM_FAST, MM_call, MM_concat, MM_eq, MM_index, MM_le, MM_len, MM_lt,
    MM_newindex, MM_unm, NIL, NUM_LIMIT, PAYLOAD, TAG_BITS, TAG_FUNC, TAG_STR,
    TAG_TAB, TAG_UDATA, TRUE, typename,
)
from .numbers import ARITH, fmt_number, scan_number
from .table import TableError, num_tv, tv_num

LJ_MAX_IDXCHAIN = 100
MM_ARITH_BASE = 10      # MM_add; ADD..POW follow in OPR order


def metatable_addr(vm, v: int) -> int:
    """Address of the metatable of any value (0 when none)."""
    tag = v >> TAG_BITS
    if tag == TAG_TAB or tag == TAG_UDATA:
        return vm.Q[(((v & PAYLOAD) - vm.base) >> 3) + 4]
    mt = vm.basemt.get("number" if v < NUM_LIMIT else tag)
    return mt & PAYLOAD if mt else 0


def mm_fast(vm, mt_addr: int, mm: int) -> int:
    """lj_meta_fast: metamethod mm of a metatable, using the negative cache."""
    if not mt_addr:
        return NIL
    q = (mt_addr - vm.base) >> 3
    if mm <= MM_FAST:
        nomm = vm.B[(q << 3) + 10]
        if nomm & (1 << mm):
            return NIL
        v = tab.get_str(vm, q, vm.mmname[mm])
        if v == NIL:
            vm.B[(q << 3) + 10] = nomm | (1 << mm)
        return v
    return tab.get_str(vm, q, vm.mmname[mm])


def mm_lookup(vm, v: int, mm: int) -> int:
    """lj_meta_lookup: the metamethod mm of value v, or NIL."""
    return mm_fast(vm, metatable_addr(vm, v), mm)


# -- Indexing ------------------------------------------------------------------------

def index(vm, o: int, k: int, slot=None):
    """t[k] with __index: a TValue, or (function, o, k) when a metamethod must run."""
    for _ in range(LJ_MAX_IDXCHAIN):
        if o >> TAG_BITS == TAG_TAB:
            t = ((o & PAYLOAD) - vm.base) >> 3
            v = tab.get(vm, t, k)
            if v != NIL:
                return v
            mt = vm.Q[t + 4]
            if not mt:
                return NIL
            mo = mm_fast(vm, mt, MM_index)
            if mo == NIL:
                return NIL
        else:
            mo = mm_lookup(vm, o, MM_index)
            if mo == NIL:
                raise OpError("OPINDEX", o, slot)
        if mo >> TAG_BITS == TAG_FUNC:
            return (mo, o, k)
        o = mo
        slot = None
    raise RuntimeErr("loop in gettable")


def newindex(vm, o: int, k: int, v: int, slot=None):
    """t[k] = v with __newindex: None when stored, or (function, o, k, v)."""
    for _ in range(LJ_MAX_IDXCHAIN):
        if o >> TAG_BITS == TAG_TAB:
            t = ((o & PAYLOAD) - vm.base) >> 3
            mt = vm.Q[t + 4]
            if mt:
                n = _existing_slot(vm, t, k)
                if n < 0 or vm.Q[n] == NIL:
                    mo = mm_fast(vm, mt, MM_newindex)
                    if mo != NIL:
                        if mo >> TAG_BITS == TAG_FUNC:
                            return (mo, o, k, v)
                        o = mo
                        slot = None
                        continue
                if n >= 0:
                    vm.Q[n] = v
                    vm.B[(t << 3) + 10] = 0
                    return None
            try:
                vm.Q[tab.slot(vm, t, k)] = v
            except TableError as e:
                raise RuntimeErr(str(e)) from None
            return None
        mo = mm_lookup(vm, o, MM_newindex)
        if mo == NIL:
            raise OpError("OPINDEX", o, slot)
        if mo >> TAG_BITS == TAG_FUNC:
            return (mo, o, k, v)
        o = mo
        slot = None
    raise RuntimeErr("loop in settable")


def _existing_slot(vm, t, k):
    """Qword index of an existing slot for k (array or node), or -1."""
    if k >> TAG_BITS == TAG_STR:
        return tab.find_str(vm, t, k)
    if k < NUM_LIMIT:
        ik = tab._int_key(k)
        if ik is not None:
            if 0 <= ik < tab.asize_of(vm, t):
                return tab.array_index(vm, t) + ik
            return tab.find_node(vm, t, num_tv(float(ik)))
        if k == 0xFFF8000000000000:
            return -1
    elif k == NIL:
        return -1
    return tab.find_node(vm, t, k)


# -- Arithmetic ------------------------------------------------------------------------

def tonum(vm, v: int):
    """str2num: a number, a numeric string's number, or None."""
    if v < NUM_LIMIT:
        return tv_num(v)
    if v >> TAG_BITS == TAG_STR:
        return scan_number(vm.str_by_tv[v], tonumber=True)
    return None


def arith(vm, opr: int, b: int, c: int, bslot=None, cslot=None):
    """lj_meta_arith for OPR_ADD..OPR_POW: a float, or (function, b, c)."""
    nb = tonum(vm, b)
    if nb is not None:
        nc = tonum(vm, c)
        if nc is not None:
            return ARITH[opr](nb, nc)
    mm = MM_ARITH_BASE + opr
    mo = mm_lookup(vm, b, mm)
    if mo == NIL:
        mo = mm_lookup(vm, c, mm)
        if mo == NIL:
            if tonum(vm, b) is None:
                raise OpError("OPARITH", b, bslot)
            raise OpError("OPARITH", c, cslot)
    return (mo, b, c)


def unm(vm, v: int, slot=None):
    n = tonum(vm, v)
    if n is not None:
        return -n
    mo = mm_lookup(vm, v, MM_unm)
    if mo == NIL:
        raise OpError("OPARITH", v, slot)
    return (mo, v, v)


def length(vm, v: int, slot=None):
    """#v: a float, or (function, v, nil) for __len (userdata only, as in LuaJIT 2.1)."""
    tag = v >> TAG_BITS
    if tag == TAG_STR:
        return float(len(vm.str_by_tv[v]))
    if tag == TAG_TAB:
        return float(tab.length(vm, ((v & PAYLOAD) - vm.base) >> 3))
    mo = mm_lookup(vm, v, MM_len)
    if mo == NIL:
        raise OpError("OPLEN", v, slot)
    return (mo, v, NIL)


# -- Comparison ------------------------------------------------------------------------

def _rawequal(a, b):
    if a == b:
        return a != 0xFFF8000000000000       # NaN ~= NaN
    if a < NUM_LIMIT and b < NUM_LIMIT:
        return tv_num(a) == tv_num(b)       # 0 == -0
    return False


def equal(vm, a: int, b: int):
    """a == b: a bool, or (function, a, b) when __eq must run."""
    if _rawequal(a, b):
        return True
    ta = a >> TAG_BITS
    if ta != b >> TAG_BITS or (ta != TAG_TAB and ta != TAG_UDATA):
        return False
    mt1 = vm.Q[(((a & PAYLOAD) - vm.base) >> 3) + 4]
    mo = mm_fast(vm, mt1, MM_eq)
    if mo == NIL:
        return False
    mt2 = vm.Q[(((b & PAYLOAD) - vm.base) >> 3) + 4]
    if mt1 != mt2:
        mo2 = mm_fast(vm, mt2, MM_eq)
        if mo2 == NIL or not _rawequal(mo, mo2):
            return False
    return (mo, a, b)


def less(vm, a: int, b: int, le: bool):
    """a < b (le: a <= b): a bool, or (function, a, b, negate) for __lt/__le."""
    if a < NUM_LIMIT and b < NUM_LIMIT:
        x, y = tv_num(a), tv_num(b)
        return x <= y if le else x < y
    ta, tb = a >> TAG_BITS, b >> TAG_BITS
    if ta == tb == TAG_STR:
        sa, sb = vm.str_by_tv[a], vm.str_by_tv[b]
        return sa <= sb if le else sa < sb
    if ta != tb or a < NUM_LIMIT or b < NUM_LIMIT:
        if not (_isbool(a) and _isbool(b)):
            raise CompareError(a, b)
    negate = False
    while True:
        mm = MM_le if le else MM_lt
        mo = mm_lookup(vm, a, mm)
        mo2 = mm_lookup(vm, b, mm)
        if mo == NIL or not _rawequal(mo, mo2):
            if le:
                a, b = b, a
                le = False
                negate = not negate
                continue
            raise CompareError(a, b)
        return (mo, a, b, negate)


def _isbool(v):
    return v == TRUE or v == FALSE


# -- Concatenation ----------------------------------------------------------------------

def tostr_coerce(vm, v: int):
    """The bytes a string or number contributes to `..`, or None."""
    if v >> TAG_BITS == TAG_STR:
        return vm.str_by_tv[v]
    if v < NUM_LIMIT:
        return fmt_number(tv_num(v)).encode()
    return None


def concat_pair(vm, a: int, b: int, aslot=None, bslot=None):
    """a .. b: a string TValue, or (function, a, b) for __concat."""
    sa = tostr_coerce(vm, a)
    sb = tostr_coerce(vm, b)
    if sa is not None and sb is not None:
        if len(sa) + len(sb) >= LJ_MAX_STR:
            raise RuntimeErr(ERRMSG["STROV"])
        return vm.str(sa + sb)
    mo = mm_lookup(vm, a, MM_concat)
    if mo == NIL:
        mo = mm_lookup(vm, b, MM_concat)
        if mo == NIL:
            if sa is not None:
                raise OpError("OPCAT", b, bslot)
            raise OpError("OPCAT", a, aslot)
    return (mo, a, b)


# -- Calls ------------------------------------------------------------------------------

def call_mm(vm, v: int) -> int:
    """The __call metamethod of a non-function value, or NIL."""
    return mm_lookup(vm, v, MM_call)


def tostring_basic(vm, v: int) -> bytes:
    """tostring() without __tostring: numbers, primitives, "<type>: 0x..."."""
    if v < NUM_LIMIT:
        return fmt_number(tv_num(v)).encode()
    tag = v >> TAG_BITS
    if tag == TAG_STR:
        return vm.str_by_tv[v]
    if v == NIL:
        return b"nil"
    if v == TRUE:
        return b"true"
    if v == FALSE:
        return b"false"
    if tag == TAG_FUNC:
        f = vm.funcs.get(v)
        ffid = getattr(f, "ffid", 0)
        if ffid and ffid > 1:
            return b"function: builtin#%d" % ffid
    return ("%s: 0x%x" % (typename(v), v & PAYLOAD)).encode()
