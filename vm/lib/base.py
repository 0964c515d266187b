"""The base library and the coroutine library (lib_base.c)."""

from .. import debuginfo, meta
from .. import table as tab
from ..errmsg import ERRMSG
from ..errors import ArgError, LuaError, RuntimeErr
from ..layout import (
    FALSE, MM_metatable, MM_tostring, NIL, NUM_LIMIT, PAYLOAD, TAB, TAG_BITS, TAG_FUNC, TAG_STR,
    TAG_TAB, TAG_THREAD, TAG_UDATA, TRUE, typename,
)
from ..numbers import scan_number
from ..interp import keep_error, run_error_handler
from ..state import LFunc, TailCall
from .aux import (
    arg, builtin, check_any, check_func, check_int, check_str, check_tab, loaded_table,
    new_lib, opt_int, opt_str, tq, truthy, type_error,
)

LUAI_MAXCSTACK = 8000


# -- Basics ---------------------------------------------------------------------------

def b_assert(vm, base, nargs):
    v = check_any(vm, base, nargs, 1)
    if truthy(v):
        return list(vm.Q[base:base + nargs])
    if nargs == 1:
        raise RuntimeErr(ERRMSG["ASSERT"])
    m = vm.Q[base + 1]
    if m >> TAG_BITS == TAG_STR or m < NUM_LIMIT:
        raise RuntimeErr(check_str(vm, base, nargs, 2).decode("utf-8", "surrogateescape"))
    raise LuaError(m)


def b_type(vm, base, nargs):
    return vm.str(typename(check_any(vm, base, nargs, 1)).encode())


def b_next(vm, base, nargs):
    t = check_tab(vm, base, nargs, 1)
    k = arg(vm, base, nargs, 2)
    try:
        r = tab.next_(vm, tq(vm, t), k)
    except KeyError:
        raise RuntimeErr(ERRMSG["NEXTIDX"]) from None
    return NIL if r is None else [r[0], r[1]]


def _xpairs_arg(vm, base, nargs):
    """ffh_pairs: any value first ("value expected"), then it must be a table."""
    t = check_any(vm, base, nargs, 1)
    if t >> TAG_BITS != TAG_TAB:
        type_error(vm, base, nargs, 1, "table")
    return t


def b_pairs(vm, base, nargs):
    return [vm.builtins_by_ffid[4], _xpairs_arg(vm, base, nargs), NIL]


def b_ipairs_aux(vm, base, nargs):
    t = check_tab(vm, base, nargs, 1)
    i = float(check_int(vm, base, nargs, 2) + 1)
    v = tab.get_int(vm, tq(vm, t), int(i))
    return None if v == NIL else [i, v]     # no results at the end (fff_res0)


def b_ipairs(vm, base, nargs):
    return [vm.builtins_by_ffid[6], _xpairs_arg(vm, base, nargs), 0.0]


def b_getmetatable(vm, base, nargs):
    v = check_any(vm, base, nargs, 1)
    mt = vm.getmetatable(v)
    if mt == NIL:
        return NIL
    protected = tab.get_str(vm, tq(vm, mt), vm.mmname[MM_metatable])
    return mt if protected == NIL else protected


def b_setmetatable(vm, base, nargs):
    t = check_tab(vm, base, nargs, 1)
    mt = arg(vm, base, nargs, 2)
    if nargs < 2 or (mt != NIL and mt >> TAG_BITS != TAG_TAB):
        raise ArgError(2, ERRMSG["NOTABN"])     # lj_lib_checktabornil: none is not nil
    if meta.mm_lookup(vm, t, MM_metatable) != NIL:
        raise RuntimeErr(ERRMSG["PROTMT"])
    vm.setmetatable_raw(t, mt)
    return t


def _level_func(vm, base, nargs, default):
    """getfenv/setfenv's first argument: a function, or a level to find one."""
    v = arg(vm, base, nargs, 1)
    if v >> TAG_BITS == TAG_FUNC:
        return v
    lvl = opt_int(vm, base, nargs, 1, default)
    f = debuginfo.level(vm, vm.current, lvl)
    if f is None or lvl < 0:
        raise ArgError(1, ERRMSG["INVLVL"])
    return f.fn.tv


def b_getfenv(vm, base, nargs):
    v = arg(vm, base, nargs, 1)
    if v >> TAG_BITS != TAG_FUNC and v != NIL and opt_int(vm, base, nargs, 1, 1) == 0:
        return vm.current.env
    f = _level_func(vm, base, nargs, 1)
    fo = vm.funcs[f]
    if fo.__class__ is LFunc:
        return TAB | vm.Q[tq(vm, f) + 2]
    return vm.current.env


def b_setfenv(vm, base, nargs):
    t = check_tab(vm, base, nargs, 2)
    v = arg(vm, base, nargs, 1)
    if v >> TAG_BITS != TAG_FUNC:
        lvl = check_int(vm, base, nargs, 1)
        if lvl == 0:
            vm.current.env = t
            return None
    f = _level_func(vm, base, nargs, 1)
    if vm.funcs[f].__class__ is not LFunc:
        raise RuntimeErr(ERRMSG["SETFENV"])
    vm.Q[tq(vm, f) + 2] = t & PAYLOAD
    return f


def b_rawget(vm, base, nargs):
    t = check_tab(vm, base, nargs, 1)
    return tab.get(vm, tq(vm, t), check_any(vm, base, nargs, 2))


def b_rawset(vm, base, nargs):
    t = check_tab(vm, base, nargs, 1)
    k = check_any(vm, base, nargs, 2)
    v = check_any(vm, base, nargs, 3)
    try:
        vm.Q[tab.slot(vm, tq(vm, t), k)] = v
    except tab.TableError as e:
        raise RuntimeErr(str(e)) from None
    return t


def b_rawequal(vm, base, nargs):
    a = check_any(vm, base, nargs, 1)
    b = check_any(vm, base, nargs, 2)
    return TRUE if meta._rawequal(a, b) else FALSE


def b_unpack(vm, base, nargs):
    t = check_tab(vm, base, nargs, 1)
    q = tq(vm, t)
    i = opt_int(vm, base, nargs, 2, 1)
    if nargs >= 3 and vm.Q[base + 2] != NIL:
        e = check_int(vm, base, nargs, 3)
    else:
        e = tab.length(vm, q)
    if i > e:
        return None
    n = e - i + 1
    if n <= 0 or n >= LUAI_MAXCSTACK:
        raise RuntimeErr(ERRMSG["UNPACK"])
    return [tab.get_int(vm, q, k) for k in range(i, e + 1)]


def b_select(vm, base, nargs):
    v = arg(vm, base, nargs, 1)
    if v >> TAG_BITS == TAG_STR and vm.sbytes(v)[:1] == b"#":
        return float(nargs - 1)
    n = check_int(vm, base, nargs, 1)
    if n < 0:
        n = nargs + n
    elif n > nargs:
        n = nargs
    if n < 1:
        raise ArgError(1, ERRMSG["IDXRNG"])
    return list(vm.Q[base + n:base + nargs])


def b_tonumber(vm, base, nargs):
    b = opt_int(vm, base, nargs, 2, 10)
    if b == 10:
        v = check_any(vm, base, nargs, 1)
        if v < NUM_LIMIT:
            return v
        if v >> TAG_BITS == TAG_STR:
            n = scan_number(vm.sbytes(v), tonumber=True)
            if n is not None:
                return n
        return NIL
    s = check_str(vm, base, nargs, 1)
    if not 2 <= b <= 36:
        raise ArgError(2, ERRMSG["BASERNG"])
    return _tonumber_base(s, b)


_SPACE = b" \t\n\v\f\r"


def _tonumber_base(s: bytes, b: int):
    """tonumber(s, base) as LuaJIT does it with strtoul."""
    s = s.lstrip(_SPACE)
    neg = False
    if s[:1] in (b"-", b"+"):
        neg = s[:1] == b"-"
        s = s[1:]
    if b == 16 and s[:2] in (b"0x", b"0X") and s[2:3].isalnum():
        s = s[2:]                   # strtoul accepts a 0x prefix in base 16
    if not s[:1].isalnum():
        return NIL
    n = 0
    i = 0
    while i < len(s):
        d = _digit(s[i])
        if d is None or d >= b:
            break
        n = n * b + d
        i += 1
    if i == 0 or s[i:].strip(_SPACE) or b"\0" in s[i:]:
        return NIL
    n = min(n, 0xFFFFFFFFFFFFFFFF)          # strtoul saturates
    x = float(n)
    return -x if neg else x


def _digit(ch):
    if 48 <= ch <= 57:
        return ch - 48
    if 97 <= ch <= 122:
        return ch - 87
    if 65 <= ch <= 90:
        return ch - 55
    return None


def b_tostring(vm, base, nargs):
    v = check_any(vm, base, nargs, 1)
    mo = meta.mm_lookup(vm, v, MM_tostring)
    if mo != NIL:
        # LuaJIT's tostring tail-calls __tostring (FFH_TAILCALL) with one argument and
        # returns whatever it returns
        vm.Q[base - 2] = mo
        return TailCall(1)
    return vm.str(meta.tostring_basic(vm, v))


def b_error(vm, base, nargs):
    lvl = opt_int(vm, base, nargs, 2, 1)
    v = arg(vm, base, nargs, 1)
    if (v >> TAG_BITS == TAG_STR or v < NUM_LIMIT) and lvl > 0 and nargs >= 1:
        where = debuginfo.where(vm, vm.current, lvl).encode()
        s = check_str(vm, base, nargs, 1)
        raise LuaError(vm.str(where + (b" " if where else b"") + s if where else s))
    raise LuaError(v)


def b_pcall(vm, base, nargs):
    """pcall called from Python (the interpreter runs pcall itself when Lua calls it)."""
    check_any(vm, base, nargs, 1)
    args = list(vm.Q[base + 1:base + nargs])
    try:
        # lua_pcall without an error function: no outer handler runs for its errors
        return [TRUE] + vm.call(vm.Q[base], args, handler=keep_error)
    except LuaError as e:
        return [FALSE, e.value]


def b_xpcall(vm, base, nargs):
    check_any(vm, base, nargs, 1)
    handler = check_func(vm, base, nargs, 2)
    got = []

    def run_handler(value):          # at the point of the error, before unwinding
        got[:] = run_error_handler(vm, handler, value)
        return value

    args = list(vm.Q[base + 2:base + nargs])     # LuaJIT's xpcall passes extra arguments
    try:
        return [TRUE] + vm.call(vm.Q[base], args, handler=run_handler)
    except LuaError as e:
        return [FALSE] + (got or [e.value])


def _print_tostring(vm):
    """The tostring print calls: looked up in the running thread's environment (raw,
    then with metamethods), as LuaJIT's print does with L->env."""
    env = vm.current.env
    env = vm.globals if env is None else env
    key = vm.str(b"tostring")
    ts = tab.get_str(vm, tq(vm, env), key)
    if ts == NIL:
        from ..runtime import gettable
        ts = gettable(vm, env, key)
    return ts


def b_print(vm, base, nargs):
    out = vm.stdout
    ts = _print_tostring(vm)
    builtin_ts = vm.funcs.get(ts)
    shortcut = builtin_ts is not None and getattr(builtin_ts, "ffid", 0) == 18
    parts = []
    for i in range(nargs):
        v = vm.Q[base + i]
        if shortcut and (v >> TAG_BITS == TAG_STR or v < NUM_LIMIT):
            parts.append(meta.tostring_basic(vm, v))
            continue
        res = vm.call(ts, [v])
        r = res[0] if res else NIL
        if r >> TAG_BITS == TAG_STR:
            parts.append(vm.sbytes(r))
        elif r < NUM_LIMIT:
            parts.append(meta.tostring_basic(vm, r))
        else:
            raise RuntimeErr(ERRMSG["PRTOSTR"])
    out.write(b"\t".join(parts) + b"\n")
    return None


# -- Loading code ---------------------------------------------------------------------------

def _load(vm, source, chunkname, env=NIL):
    from ..runtime import load
    try:
        f = load(vm, source, chunkname)
    except LuaError as e:
        return [NIL, e.value]
    if env != NIL and env >> TAG_BITS == TAG_TAB:
        vm.Q[tq(vm, f) + 2] = env & PAYLOAD
    return f


def b_loadstring(vm, base, nargs):
    s = check_str(vm, base, nargs, 1)
    name = opt_str(vm, base, nargs, 2, s)
    return _load(vm, s, name)


def b_load(vm, base, nargs):
    name = opt_str(vm, base, nargs, 2, None)
    v = arg(vm, base, nargs, 1)
    env = arg(vm, base, nargs, 4)
    if v >> TAG_BITS == TAG_STR or v < NUM_LIMIT:
        s = check_str(vm, base, nargs, 1)
        return _load(vm, s, s if name is None else name, env)
    if v >> TAG_BITS != TAG_FUNC:
        type_error(vm, base, nargs, 1, "function")
    pieces = []
    size = next_check = 0
    while True:
        try:
            res = vm.call(v, [])
        except LuaError as e:      # lua_load catches the reader's error (as LUA_ERRRUN)
            return [NIL, e.value]
        r = res[0] if res else NIL
        if r == NIL:
            break
        if r >> TAG_BITS != TAG_STR:
            return [NIL, vm.str(ERRMSG["RDRSTR"].encode())]
        chunk = vm.sbytes(r)
        if not chunk:
            break
        pieces.append(chunk)
        size += len(chunk)
        if size >= next_check:
            if _syntax_error_read(b"".join(pieces)):
                break
            next_check = size if len(pieces) < 512 else 2 * size
    return _load(vm, b"".join(pieces), b"=(load)" if name is None else name, env)


def _syntax_error_read(source):
    """Whether LuaJIT's lexer, fed these pieces, would already have met a syntax error:
    it reads a piece only when it needs the next character, so it stops reading at the
    character after the token it fails on. (Checked after every piece for the first
    512, then whenever the source has doubled: a reader's side effects are seen as in
    LuaJIT for all but long chunks with an error late.)"""
    if source[:1] == b"\x1b":
        return False
    from ..loader import LuaSyntaxError, load
    try:
        load(source, "=(load)")
    except LuaSyntaxError as e:
        d = e.diagnostic
        return d is not None and d.end < len(source)
    return False


def _read_file(vm, fname):
    if fname is None:
        return vm.stdin.read(), "=stdin", None
    try:
        with open(fname, "rb") as f:
            return f.read(), "@" + fname.decode("utf-8", "surrogateescape"), None
    except OSError as e:
        msg = "cannot open %s: %s" % (fname.decode("utf-8", "surrogateescape"),
                                       e.strerror or e)
        return None, None, msg


def b_loadfile(vm, base, nargs):
    fname = opt_str(vm, base, nargs, 1, None)
    src, chunkname, err = _read_file(vm, fname)
    if err is not None:
        return [NIL, vm.str(err.encode())]
    return _load(vm, src, chunkname, arg(vm, base, nargs, 3))


def b_dofile(vm, base, nargs):
    fname = opt_str(vm, base, nargs, 1, None)
    src, chunkname, err = _read_file(vm, fname)
    if err is not None:
        raise LuaError(vm.str(err.encode()))
    from ..runtime import load
    f = load(vm, src, chunkname)
    return vm.call(f, [])


# -- GC ----------------------------------------------------------------------------------------

_GCOPTS = {b"stop": 0, b"restart": 1, b"collect": 2, b"count": 3, b"step": 5,
           b"setpause": 6, b"setstepmul": 7, b"isrunning": 9}


def b_collectgarbage(vm, base, nargs):
    optname = opt_str(vm, base, nargs, 1, b"collect")
    opt = _GCOPTS.get(optname)
    if opt is None:
        raise ArgError(1, ERRMSG["INVOPTM"] % optname.decode("utf-8", "replace"))
    data = opt_int(vm, base, nargs, 2, 0)
    return vm.gc_control(opt, data)


def b_gcinfo(vm, base, nargs):
    return float(vm.arena.total >> 10)


def b_newproxy(vm, base, nargs):
    v = arg(vm, base, nargs, 1)
    weak = vm.proxy_metatables
    if not truthy(v):
        return vm.new_udata(None)
    if v == TRUE:
        mt = vm.new_table()
        weak.add(mt)
        return vm.new_udata(None, mt=mt)
    mt = vm.getmetatable(v) if v >> TAG_BITS == TAG_UDATA else NIL
    if mt == NIL or mt not in weak:
        raise ArgError(1, ERRMSG["NOPROXY"])
    return vm.new_udata(None, mt=mt)


# -- Coroutines ---------------------------------------------------------------------------------

def co_create(vm, base, nargs):
    f = arg(vm, base, nargs, 1)
    if f >> TAG_BITS != TAG_FUNC:
        type_error(vm, base, nargs, 1, "function")
    th = vm.new_thread()
    th.start_func = f
    th.env = vm.current.env
    return th.tv


def _co_status(vm, co):
    if co is vm.current:
        return "running"
    return co.status


def co_status(vm, base, nargs):
    v = arg(vm, base, nargs, 1)
    if v >> TAG_BITS != TAG_THREAD:
        raise ArgError(1, ERRMSG["NOCORO"])
    return vm.str(_co_status(vm, vm.threads[v]).encode())


def co_running(vm, base, nargs):
    th = vm.current
    return NIL if th is vm.main else th.tv


def co_isyieldable(vm, base, nargs):
    return TRUE if vm.current is not vm.main else FALSE


def co_yield(vm, base, nargs):
    from ..interp import YieldSignal
    if vm.current is vm.main:
        raise RuntimeErr(ERRMSG["CYIELD"])
    raise YieldSignal(list(vm.Q[base:base + nargs]))


def _resume_check(vm, co):
    """ffh_resume: the error for a coroutine that cannot be resumed, or None."""
    if co is vm.current or co.status == "running" or co.status == "normal":
        return "CORUN"
    if co.status == "dead":
        return "CODEAD"
    return None


def co_resume(vm, base, nargs):
    v = arg(vm, base, nargs, 1)
    if v >> TAG_BITS != TAG_THREAD:
        raise ArgError(1, ERRMSG["NOCORO"])
    co = vm.threads[v]
    em = _resume_check(vm, co)
    if em is not None:
        return [FALSE, vm.str(ERRMSG[em].encode())]
    ok, vals = vm.resume(co, list(vm.Q[base + 1:base + nargs]))
    return [TRUE if ok else FALSE] + list(vals)


def co_wrap_aux(vm, base, nargs):
    co = vm.threads[vm.Q[vm.cfunc_upvalue(vm.current.cfunc.tv, 0)]]
    em = _resume_check(vm, co)
    if em is not None:
        raise RuntimeErr(ERRMSG[em])
    ok, vals = vm.resume(co, list(vm.Q[base:base + nargs]))
    if not ok:
        err = vals[0]
        if err >> TAG_BITS == TAG_STR:
            # lj_ffh_coroutine_wrap_err: a string error gets the caller's location
            raise RuntimeErr(vm.sbytes(err).decode("utf-8", "surrogateescape"))
        raise LuaError(err)
    return list(vals)


def co_wrap(vm, base, nargs):
    co = co_create(vm, base, nargs)
    f = vm.new_cfunc(co_wrap_aux, "coroutine.wrap_aux", 36, nupvalues=1)
    vm.Q[vm.cfunc_upvalue(f, 0)] = co
    return f


# -- Registration ----------------------------------------------------------------------------

BASE = {
    "assert": b_assert, "type": b_type, "next": b_next, "pairs": b_pairs,
    "ipairs": b_ipairs, "getmetatable": b_getmetatable, "setmetatable": b_setmetatable,
    "getfenv": b_getfenv, "setfenv": b_setfenv, "rawget": b_rawget, "rawset": b_rawset,
    "rawequal": b_rawequal, "unpack": b_unpack, "select": b_select,
    "tonumber": b_tonumber, "tostring": b_tostring, "error": b_error, "pcall": b_pcall,
    "xpcall": b_xpcall, "loadfile": b_loadfile, "load": b_load,
    "loadstring": b_loadstring, "dofile": b_dofile, "gcinfo": b_gcinfo,
    "collectgarbage": b_collectgarbage, "newproxy": b_newproxy, "print": b_print,
}

COROUTINE = {
    "status": co_status, "running": co_running, "isyieldable": co_isyieldable,
    "create": co_create, "yield": co_yield, "resume": co_resume, "wrap": co_wrap,
}


# type's upvalues in lib_base.c: the type names it returns, by LuaJIT's type order
_TYPE_UPVALUES = (b"nil", b"boolean", b"boolean", b"userdata", b"string", b"upval",
                  b"thread", b"proto", b"function", b"trace", b"cdata", b"table",
                  b"userdata", b"number")


def _base_upvalues(vm):
    """The upvalues LuaJIT's base builtins carry (LJLIB_PUSH), seen by debug.getinfo
    and debug.getupvalue. `next` is created first, as in LuaJIT's lib order."""
    return {
        "type": [vm.str(s) for s in _TYPE_UPVALUES],
        "pairs": [vm.builtins_by_ffid.get(4) or builtin(vm, "next", b_next)],
        "ipairs": [vm.builtins_by_ffid[6]],
        "print": [vm.str(b"tostring")],
    }


def open_base(vm):
    g = vm.globals
    vm.rawsets(g, b"_G", g)
    # ipairs_aux before ipairs so that ipairs can return it.
    vm.builtins_by_ffid[6] = builtin(vm, "ipairs_aux", b_ipairs_aux)
    upvalues = _base_upvalues(vm)
    for name, f in BASE.items():
        tv = vm.builtins_by_ffid[4] if name == "next" else \
            builtin(vm, name, f, upvalues=upvalues.get(name, ()))
        vm.rawsets(g, name.encode(), tv)
    vm.rawsets(g, b"_VERSION", vm.str(b"Lua 5.1"))
    new_lib(vm, "coroutine", COROUTINE)
    loaded = loaded_table(vm)
    vm.rawsets(loaded, b"_G", g)

