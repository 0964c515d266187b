"""The debug library (lib_debug.c, the lua_* debug API of lj_debug.c and lj_api.c).

Stack levels come from debuginfo.frames (level 0 is the running builtin);
locals from the prototypes' varinfo as lj_debug.c reads it: named locals,
"(*temporary)" for other live registers of a frame, "(*vararg)" for negative
indices into a vararg function's extra arguments.

Hooks: debug.sethook stores the hook function, mask and count as LuaJIT does
(globally: vm.hooks, and on the thread it names); the function is kept alive
while set. gethook reports them back.
"""

from .. import debuginfo
from ..bytecode import PROTO_VARARG
from ..errmsg import ERRMSG
from ..errors import ArgError, LuaError, RuntimeErr
from ..hooks import LuaHook
from ..layout import (
    FALSE, LIGHTUD, NIL, NUM_LIMIT, PAYLOAD, TAB, TAG_BITS, TAG_FUNC, TAG_STR,
    TAG_TAB, TAG_THREAD, TAG_UDATA, TRUE,
)
from ..numbers import fmt_number, scan_number
from ..state import CFunc, LFunc
from ..table import tv_num
from .aux import (
    arg, check_any, check_func, check_int, check_str, check_tab, new_lib, num2int, opt_int,
    opt_str, type_error,
)

_BOOL_TAGS = (TRUE >> TAG_BITS, FALSE >> TAG_BITS)


def _s(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def _b(s) -> bytes:
    return s if isinstance(s, bytes) else s.encode("utf-8", "surrogateescape")


def _getthread(vm, base, nargs):
    """getthread: (Thread, 1) when argument 1 is a thread, else (current, 0)."""
    if nargs >= 1 and vm.Q[base] >> TAG_BITS == TAG_THREAD:
        return vm.threads[vm.Q[base]], 1
    return vm.current, 0


def _finished(th):
    """A coroutine that returned has no stack levels left (one that failed keeps
    what the error left, as LuaJIT's stack does)."""
    return th.status == "dead" and th.error is None


def _level_frame(vm, th, lvl):
    if _finished(th):
        return None
    return debuginfo.level(vm, th, lvl)


def _cargs(vm, th, lvl, frame, base, nargs):
    """The arguments of the running builtin, when level `lvl` is it (its temporaries)."""
    if lvl == 0 and th is vm.current and frame.is_c and frame.fn is th.cfunc:
        return base, nargs
    return None, 0


def _isnumber(vm, v):
    """lua_isnumber: a number or a string convertible to one; (bool, value)."""
    if v < NUM_LIMIT:
        return True, tv_num(v)
    if v >> TAG_BITS == TAG_STR:
        x = scan_number(vm.sbytes(v), tonumber=True)
        if x is not None:
            return True, x
    return False, None


# -- Registry, metatables, environments -------------------------------------------------

def d_getregistry(vm, base, nargs):
    return vm.registry


def d_getmetatable(vm, base, nargs):
    v = check_any(vm, base, nargs, 1)
    return vm.getmetatable(v)


def d_setmetatable(vm, base, nargs):
    mt = arg(vm, base, nargs, 2)
    if nargs < 2 or (mt != NIL and mt >> TAG_BITS != TAG_TAB):
        raise ArgError(2, ERRMSG["NOTABN"])
    o = vm.Q[base]
    tag = o >> TAG_BITS
    if tag == TAG_TAB or tag == TAG_UDATA:
        vm.setmetatable_raw(o, mt)
    else:
        if vm.jit is not None and hasattr(vm.jit, "flush_all"):
            vm.jit.flush_all()          # traces specialise to base metatables
        keys = _BOOL_TAGS if tag in _BOOL_TAGS else ("number" if o < NUM_LIMIT else tag,)
        for k in keys:
            if mt == NIL:
                vm.basemt.pop(k, None)
            else:
                vm.basemt[k] = mt
    return TRUE


def d_getfenv(vm, base, nargs):
    o = check_any(vm, base, nargs, 1)
    tag = o >> TAG_BITS
    if tag == TAG_FUNC or tag == TAG_UDATA:
        return TAB | vm.Q[vm.tq(o) + 2]
    if tag == TAG_THREAD:
        env = vm.threads[o].env
        return env if env is not None else NIL
    return NIL


def d_setfenv(vm, base, nargs):
    t = check_tab(vm, base, nargs, 2)
    o = vm.Q[base]
    tag = o >> TAG_BITS
    if tag == TAG_FUNC or tag == TAG_UDATA:
        vm.Q[vm.tq(o) + 2] = t & PAYLOAD
    elif tag == TAG_THREAD:
        th = vm.threads[o]
        th.env = t
        vm.Q[th.q + 9] = t & PAYLOAD
    else:
        raise RuntimeErr(ERRMSG["SETFENV"])
    return o


# -- getinfo ------------------------------------------------------------------------------

_OPTIONS = frozenset(b"SlunfL")


def d_getinfo(vm, base, nargs):
    th, a = _getthread(vm, base, nargs)
    options = opt_str(vm, base, nargs, a + 2, b"flnSu")
    v = arg(vm, base, nargs, a + 1)
    isnum, x = _isnumber(vm, v) if a + 1 <= nargs else (False, None)
    if isnum:
        frame = _level_frame(vm, th, num2int(x))
        if frame is None:
            return NIL
        fn = frame.fn
    elif a + 1 <= nargs and v >> TAG_BITS == TAG_FUNC:
        frame = None
        fn = vm.funcs[v]
    else:
        raise ArgError(a + 1, ERRMSG["NOFUNCL"])
    if any(c not in _OPTIONS for c in options):
        raise ArgError(a + 2, ERRMSG["INVOPT"])
    t = vm.new_table(0, 16)

    def sets(name, value):
        vm.rawsets(t, name, value)

    is_c = fn.__class__ is CFunc
    opt_f = opt_L = False
    for c in options:
        if c == 0x53:                    # S
            if is_c:
                sets(b"source", vm.str(b"=[C]"))
                sets(b"short_src", vm.str(b"[C]"))
                sets(b"linedefined", -1.0)
                sets(b"lastlinedefined", -1.0)
                sets(b"what", vm.str(b"C"))
            else:
                proto = fn.p.proto
                cn = _b(proto.chunkname)
                sets(b"source", vm.str(cn))
                sets(b"short_src", vm.str(_b(debuginfo.short_src(cn, proto.firstline < 0))))
                first = proto.firstline
                if first < 0:
                    first = -1
                sets(b"linedefined", float(first))
                sets(b"lastlinedefined", float(first + proto.numline))
                sets(b"what", vm.str(b"Lua" if (proto.firstline or not proto.numline)
                                     else b"main"))
        elif c == 0x6C:                  # l
            sets(b"currentline", float(debuginfo.currentline(frame) if frame else -1))
        elif c == 0x75:                  # u
            if is_c:
                sets(b"nups", float(_nupvalues(vm, fn.tv) if fn.tv else 0))
                sets(b"nparams", 0.0)
                sets(b"isvararg", TRUE)
            else:
                proto = fn.p.proto
                sets(b"nups", float(len(fn.uvs)))
                sets(b"nparams", float(proto.numparams))
                sets(b"isvararg", TRUE if proto.flags & PROTO_VARARG else FALSE)
        elif c == 0x6E:                  # n
            namewhat, name = debuginfo.name_of(frame) if frame is not None else ("", None)
            if name is not None:
                sets(b"name", vm.str(_b(name)))
            sets(b"namewhat", vm.str(_b(namewhat or "")))
        elif c == 0x66:                  # f
            opt_f = True
        elif c == 0x4C:                  # L
            opt_L = True
    if opt_L and not is_c:
        lines = vm.new_table()
        for line in debuginfo.activelines(fn.p.proto):
            vm.rawset(lines, float(line), TRUE)
        sets(b"activelines", lines)
    if opt_f and fn.tv:
        sets(b"func", fn.tv)
    return t


# -- Locals and upvalues ---------------------------------------------------------------------

def d_getlocal(vm, base, nargs):
    th, a = _getthread(vm, base, nargs)
    n = check_int(vm, base, nargs, a + 2)
    v = arg(vm, base, nargs, a + 1)
    if v >> TAG_BITS == TAG_FUNC:
        name = debuginfo.paramname(vm.funcs[v], n)
        return NIL if name is None else vm.str(_b(name))
    lvl = check_int(vm, base, nargs, a + 1)
    frame = _level_frame(vm, th, lvl)
    if frame is None:
        raise ArgError(a + 1, ERRMSG["LVLRNG"])
    r = debuginfo.localslot(vm, frame, n, *_cargs(vm, th, lvl, frame, base, nargs))
    if r is None:
        return NIL
    name, slot = r
    return [vm.str(_b(name)), vm.Q[slot]]


def d_setlocal(vm, base, nargs):
    th, a = _getthread(vm, base, nargs)
    lvl = check_int(vm, base, nargs, a + 1)
    frame = _level_frame(vm, th, lvl)
    if frame is None:
        raise ArgError(a + 1, ERRMSG["LVLRNG"])
    value = check_any(vm, base, nargs, a + 3)
    n = check_int(vm, base, nargs, a + 2)
    r = debuginfo.localslot(vm, frame, n, *_cargs(vm, th, lvl, frame, base, nargs))
    if r is None:
        return NIL
    name, slot = r
    vm.Q[slot] = value
    return vm.str(_b(name))


def _getupvalue(vm, base, nargs, get):
    n = check_int(vm, base, nargs, 2)
    f = check_func(vm, base, nargs, 1)
    r = debuginfo.upvalslot(vm, vm.funcs[f], n)
    if r is None:
        return None
    name, slot = r
    if get:
        return [vm.str(_b(name)), vm.Q[slot]]
    vm.Q[slot] = vm.Q[base + 2]
    return vm.str(_b(name))


def d_getupvalue(vm, base, nargs):
    return _getupvalue(vm, base, nargs, True)


def d_setupvalue(vm, base, nargs):
    check_any(vm, base, nargs, 3)
    return _getupvalue(vm, base, nargs, False)


def _nupvalues(vm, f):
    return vm.B[(vm.tq(f) << 3) + 11]


def d_upvalueid(vm, base, nargs):
    f = check_func(vm, base, nargs, 1)
    n = check_int(vm, base, nargs, 2) - 1
    if not 0 <= n < _nupvalues(vm, f):
        raise ArgError(2, ERRMSG["IDXRNG"])
    fo = vm.funcs[f]
    if fo.__class__ is LFunc:
        addr = vm.base + (fo.uvs[n] << 3)
    else:
        addr = vm.base + (vm.cfunc_upvalue(f, n) << 3)
    return LIGHTUD | addr


def d_upvaluejoin(vm, base, nargs):
    refs = []
    for i in range(2):
        f = check_func(vm, base, nargs, 2 * i + 1)
        fo = vm.funcs[f]
        if fo.__class__ is not LFunc:
            raise ArgError(2 * i + 1, ERRMSG["NOLFUNC"])
        n = check_int(vm, base, nargs, 2 * i + 2) - 1
        if not 0 <= n < _nupvalues(vm, f):
            raise ArgError(2 * i + 2, ERRMSG["IDXRNG"])
        refs.append((fo, n))
    (f1, n1), (f2, n2) = refs
    u = f2.uvs[n2]
    f1.uvs[n1] = u                      # in place: running frames share the list
    vm.Q[f1.q + 5 + n1] = vm.base + (u << 3)
    return None


# -- Hooks --------------------------------------------------------------------------------

def _makemask(smask: bytes, count: int):
    mask = ""
    for ch in "crl":
        if ch.encode() in smask:
            mask += ch
    return mask, count > 0


def _pin(vm, v, delta):
    if v == NIL or v is None:
        return
    n = vm.pinned.get(v, 0) + delta
    if n > 0:
        vm.pinned[v] = n
    else:
        vm.pinned.pop(v, None)


def d_sethook(vm, base, nargs):
    th, a = _getthread(vm, base, nargs)
    f = arg(vm, base, nargs, a + 1)
    if f == NIL:
        func, mask, count, hascount = NIL, "", 0, False
    else:
        smask = check_str(vm, base, nargs, a + 2)
        if f >> TAG_BITS != TAG_FUNC:
            type_error(vm, base, nargs, a + 1, "function")
        count = opt_int(vm, base, nargs, a + 3, 0)
        func = f
        mask, hascount = _makemask(smask, count)
    old = getattr(vm, "hooks", None)
    if old is not None:
        _pin(vm, old[0], -1)
    _pin(vm, func, 1)
    active = func != NIL and (mask or hascount)
    if not active:
        mask = ""
    # lua_sethook: the registry keeps the function, the state the mask and count.
    vm.hooks = (func, mask, count, bool(active))
    th.hook = vm.hooks if active else None
    vm.set_hook(LuaHook(func, mask, count) if active else None)
    return None


def d_gethook(vm, base, nargs):
    hooks = getattr(vm, "hooks", None)
    if hooks is None:
        if vm.hook is not None:
            return [vm.str(b"external hook"), vm.str(b""), 0.0]
        return [NIL, vm.str(b""), 0.0]
    func, mask, count, _active = hooks
    return [func, vm.str(mask.encode()), float(count)]


# -- debug.debug, traceback ------------------------------------------------------------------

def d_debug(vm, base, nargs):
    from ..interp import keep_error
    from ..runtime import load
    err = vm.stderr
    inp = vm.stdin
    while True:
        err.write(b"lua_debug> ")
        err.flush()
        line = inp.readline(249)
        if not line or line == b"cont\n":
            return None
        try:
            f = load(vm, line, b"=(debug command)")
            vm.call(f, [], handler=keep_error)     # lua_pcall without an error function
        except LuaError as e:
            v = e.value
            if v >> TAG_BITS == TAG_STR:
                msg = vm.sbytes(v)
            elif v < NUM_LIMIT:
                msg = fmt_number(tv_num(v)).encode()
            else:
                msg = b"(error object is not a string)"
            err.write(msg + b"\n")
            err.flush()


def d_traceback(vm, base, nargs):
    th, a = _getthread(vm, base, nargs)
    m = arg(vm, base, nargs, a + 1)
    if m >> TAG_BITS == TAG_STR:
        msg = _s(vm.sbytes(m))
    elif m < NUM_LIMIT:
        msg = fmt_number(tv_num(m))
    else:
        msg = None
    if msg is None and nargs > a:
        return m
    lvl = opt_int(vm, base, nargs, a + 2, 1 if th is vm.current else 0)
    if _finished(th):
        lvl = 1 << 30
    return vm.str(_b(debuginfo.traceback(vm, th, msg, lvl)))


DEBUG = {
    "getregistry": d_getregistry, "getmetatable": d_getmetatable,
    "setmetatable": d_setmetatable, "getfenv": d_getfenv, "setfenv": d_setfenv,
    "getinfo": d_getinfo, "getlocal": d_getlocal, "setlocal": d_setlocal,
    "getupvalue": d_getupvalue, "setupvalue": d_setupvalue, "upvalueid": d_upvalueid,
    "upvaluejoin": d_upvaluejoin, "sethook": d_sethook, "gethook": d_gethook,
    "debug": d_debug, "traceback": d_traceback,
}


def open_debug(vm):
    vm.hooks = None
    return new_lib(vm, "debug", DEBUG)

