"""What every builtin uses: argument checks, results, registration (lj_lib.c).

A builtin is a Python function f(vm, base, nargs). Argument n (1-based) is the
TValue vm.Q[base + n - 1] (vm.D[...] for its float value). It returns:
  None            no results
  a float         one number
  an int          one TValue (vm.str(b"x"), NIL, TRUE, a table TValue, ...)
  a list/tuple    several results, each a float or a TValue int
Errors: raise ArgError(n, msg) for "bad argument #n to 'f' (msg)" -- the name is
filled in from the calling instruction --, RuntimeErr(msg) for a message that
gets "file:line: " in front, or LuaError(value) for an error value as is.
"""

from ..errmsg import ERRMSG
from ..errors import ArgError, LuaError, RuntimeErr
from ..layout import (
    FALSE, NIL, NUM_LIMIT, PAYLOAD, TAG_BITS, TAG_FUNC, TAG_STR, TAG_TAB, TAG_THREAD,
    TRUE, typename,
)
from ..numbers import fmt_number, scan_number
from ..table import tv_num
from .ffid import FFID

__all__ = ["ArgError", "LuaError", "RuntimeErr", "ERRMSG", "NIL", "TRUE", "FALSE"]


def arg(vm, base, nargs, n):
    """Argument n, or NIL when absent."""
    return vm.Q[base + n - 1] if n <= nargs else NIL


def type_error(vm, base, nargs, n, expected):
    """lj_err_argtype: "<expected> expected, got <type>"."""
    got = typename(vm.Q[base + n - 1]) if n <= nargs else "no value"
    raise ArgError(n, ERRMSG["BADTYPE"] % (expected, got))


def check_any(vm, base, nargs, n):
    if n > nargs:
        raise ArgError(n, ERRMSG["NOVAL"])
    return vm.Q[base + n - 1]


def check_str(vm, base, nargs, n) -> bytes:
    """lj_lib_checkstr: a string; a number is converted (and stays converted in its slot)."""
    if n <= nargs:
        v = vm.Q[base + n - 1]
        if v >> TAG_BITS == TAG_STR:
            return vm.str_by_tv[v]
        if v < NUM_LIMIT:
            s = fmt_number(tv_num(v)).encode()
            vm.Q[base + n - 1] = vm.str(s)
            return s
    type_error(vm, base, nargs, n, "string")


def opt_str(vm, base, nargs, n, default):
    if n > nargs or vm.Q[base + n - 1] == NIL:
        return default
    return check_str(vm, base, nargs, n)


def check_num(vm, base, nargs, n) -> float:
    """lj_lib_checknum: a number; a numeric string is converted."""
    if n <= nargs:
        v = vm.Q[base + n - 1]
        if v < NUM_LIMIT:
            return vm.D[base + n - 1]
        if v >> TAG_BITS == TAG_STR:
            x = scan_number(vm.str_by_tv[v], tonumber=True)
            if x is not None:
                return x
    type_error(vm, base, nargs, n, "number")


def opt_num(vm, base, nargs, n, default):
    if n > nargs or vm.Q[base + n - 1] == NIL:
        return default
    return check_num(vm, base, nargs, n)


def num2int(x: float) -> int:
    """lj_num2int on x86-64: truncation; out of range or NaN gives INT32_MIN."""
    if -2147483649.0 < x < 2147483648.0:
        return int(x)
    return -2147483648


def check_int(vm, base, nargs, n) -> int:
    return num2int(check_num(vm, base, nargs, n))


def opt_int(vm, base, nargs, n, default):
    if n > nargs or vm.Q[base + n - 1] == NIL:
        return default
    return check_int(vm, base, nargs, n)


def check_tab(vm, base, nargs, n):
    if n <= nargs:
        v = vm.Q[base + n - 1]
        if v >> TAG_BITS == TAG_TAB:
            return v
    type_error(vm, base, nargs, n, "table")


def opt_tab(vm, base, nargs, n):
    if n > nargs or vm.Q[base + n - 1] == NIL:
        return NIL
    return check_tab(vm, base, nargs, n)


def check_func(vm, base, nargs, n):
    if n <= nargs:
        v = vm.Q[base + n - 1]
        if v >> TAG_BITS == TAG_FUNC:
            return v
    type_error(vm, base, nargs, n, "function")


def check_thread(vm, base, nargs, n):
    if n <= nargs:
        v = vm.Q[base + n - 1]
        if v >> TAG_BITS == TAG_THREAD:
            return v
    type_error(vm, base, nargs, n, "thread")


def is_str(v):
    return v >> TAG_BITS == TAG_STR


def is_num(v):
    return v < NUM_LIMIT


def is_tab(v):
    return v >> TAG_BITS == TAG_TAB


def is_func(v):
    return v >> TAG_BITS == TAG_FUNC


def truthy(v):
    return v != NIL and v != FALSE


def tq(vm, v):
    """Qword index of a GC object."""
    return ((v & PAYLOAD) - vm.base) >> 3


# -- Registration ----------------------------------------------------------------------

def builtin(vm, name, f, libname=None, upvalues=()):
    """A builtin function TValue; the ffid comes from LuaJIT's table when it has one.
    upvalues: TValues of its upvalues (what LJLIB_PUSH gives LuaJIT's builtin)."""
    full = name if libname in (None, "_G") else "%s.%s" % (libname, name)
    ffid = FFID.get(full, 1)
    tv = vm.new_cfunc(f, full, ffid, len(upvalues))
    for i, v in enumerate(upvalues):
        vm.Q[vm.cfunc_upvalue(tv, i)] = v
    vm.builtins_by_ffid.setdefault(ffid, tv)
    return tv


def new_lib(vm, libname, funcs, into_globals=True):
    """A library table with builtins {name: f}; registered as a global and in package.loaded."""
    t = vm.new_table(0, len(funcs))
    for name, f in funcs.items():
        vm.rawsets(t, name.encode(), builtin(vm, name, f, libname))
    if into_globals:
        vm.rawsets(vm.globals, libname.encode(), t)
    loaded = loaded_table(vm)
    vm.rawsets(loaded, libname.encode(), t)
    return t


def loaded_table(vm):
    """package.loaded (registry._LOADED)."""
    t = vm.rawgets(vm.registry, b"_LOADED")
    if t == NIL:
        t = vm.new_table(0, 16)
        vm.rawsets(vm.registry, b"_LOADED", t)
    return t


def tostring(vm, v) -> bytes:
    """luaL_tolstring as LuaJIT's tostring does it: __tostring first."""
    from .. import meta
    from ..layout import MM_tostring
    mo = meta.mm_lookup(vm, v, MM_tostring)
    if mo != NIL:
        res = vm.call(mo, [v])
        r = res[0] if res else NIL
        if r >> TAG_BITS != TAG_STR and not r < NUM_LIMIT:
            raise RuntimeErr("'__tostring' must return a string")
        return vm.sbytes(r) if r >> TAG_BITS == TAG_STR else fmt_number(tv_num(r)).encode()
    return meta.tostring_basic(vm, v)
