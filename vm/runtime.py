"""The runtime's entry points: a ready VM, loading chunks, calling functions, coroutines.

    vm = new_state()
    f = load(vm, source, "@file.lua")      # a function TValue, or LuaError
    results = vm.call(f, [args...])         # TValues; LuaError on an uncaught error

vm.call and vm.resume are the C boundaries of the interpreter: each runs its own
interpreter loop (interp.execute) until the called function returns or, for a
coroutine, yields.
"""

from . import interp
from .errors import LuaError
from .layout import FRAME_C, NIL, TRUE
from .loader import LuaSyntaxError, load as compile_source
from .state import CFunc, LJ_STACK_EXTRA, STACK_CAP, TailCall, VM


HOST = CFunc(0, None, "?", 1)     # the host program, as a C function at the stack bottom


def _push_args(vm, th, top, func, args):
    Q, D = vm.Q, vm.D
    need = top + 2 + len(args) + LJ_STACK_EXTRA
    if need >= th.stack + th.size:
        top += interp.grow(vm, th, need - (th.stack + th.size) + 1)
    Q[top] = func
    Q[top + 1] = ((top + 2 - th.stack) << 3) | FRAME_C
    for i, v in enumerate(args):
        if v.__class__ is float:
            if v == v:
                D[top + 2 + i] = v
            else:
                Q[top + 2 + i] = 0xFFF8000000000000
        else:
            Q[top + 2 + i] = v
    return top


def call(vm, func, args=(), th=None, handler=None):
    """Call a Lua value with args (TValues or floats); returns its results as TValues.

    An uncaught Lua error raises LuaError. `handler(value) -> value`, if given,
    runs at the point of the error before the stack unwinds (lua_pcall's errfunc).
    """
    if th is None:
        th = vm.current
    args = list(args)
    f = vm.funcs.get(func)
    if f is None:
        mo = vm.mm_call(func)
        f = vm.funcs.get(mo)
        if f is None:
            from .errmsg import ERRMSG
            from .layout import typename
            raise LuaError(vm.str((ERRMSG["BADCALL"] % typename(func)).encode()))
        args.insert(0, func)
        func = mo
    saved = (th.base, th.pc, th.fn, th.top, th.cfunc, th.ctail)
    th.ctail = False
    stk = th.stack
    top = _push_args(vm, th, th.top, func, args)
    try:
        cf = th.cfunc
        if cf is None and th.fn is None:
            cf = HOST          # called by the host program: a C frame at the bottom
        # saved[5]: the calling builtin was reached by a tail call (see debuginfo.frames)
        th.frames.append((interp.FR_C, th.base, th.pc, th.fn, top, -1, cf, handler, saved[5]))
        entry = len(th.frames) - 1
        if f.__class__ is CFunc:
            return _call_builtin(vm, th, f, top, len(args), entry)
        base = interp._enter_lua(vm, th, f, top, len(args))
        th.cfunc = None     # a Lua function runs now; the calling builtin is in the record
        return interp.execute(vm, th, f, base, 1, entry)
    finally:
        d = th.stack - stk          # the stack may have moved while growing
        th.base, th.pc, th.fn, th.top, th.cfunc, th.ctail = saved
        th.base += d
        th.top += d
        if th.size > STACK_CAP:     # an overflow's room for its handler is not needed now
            vm.relimit_stack(th, th.top)


def _call_builtin(vm, th, f, top, nargs, entry):
    """A builtin called from C: it has no Lua caller, so its errors carry no location
    and name it '?' (as LuaJIT's do); the boundary record frames[entry] is popped."""
    th.top = top + 2 + nargs
    th.cfunc = f
    th.fn = None
    if vm.loop_mode & 1:
        top += interp._hook_ccall(vm, th, f)   # lua_call of a C function: its call hook
    stk = th.stack
    try:
        r = f.f(vm, top + 2, nargs)
    except interp.YieldSignal:
        del th.frames[entry:]
        raise
    except Exception as e:
        err = interp.convert_error(vm, th, None, 0, e, inner=f)
        interp.run_outer_handler(vm, th, entry, err)
        del th.frames[entry:]
        raise err from None
    rec = th.frames[entry]
    del th.frames[entry:]
    top += th.stack - stk
    if r.__class__ is TailCall:
        # the function it left at top replaces it, called by the same caller
        th.base, th.pc, th.fn = rec[1], rec[2], rec[3]
        th.cfunc = None if rec[6] is HOST else rec[6]
        return call(vm, vm.Q[top], list(vm.Q[top + 2:top + 2 + r.nargs]), th, rec[7])
    n = interp._write_results(vm, th, top, r)
    return list(vm.Q[top:top + n])


def resume(vm, co, args):
    """Run coroutine `co` (a Thread) until it yields, returns or fails.

    Returns (True, values) or (False, error value). The caller checks the status.
    """
    prev = vm.current
    co.status = "running"
    if prev is not co:
        prev.status = "normal"
    vm.current = co
    try:
        if co.resume_state is None:
            func = co.start_func
            f = vm.funcs[func]
            top = _push_args(vm, co, co.stack + 2, func, args)
            co.frames.append((interp.FR_C, 0, 0, None, top, -1, None))
            if f.__class__ is CFunc:
                co.top = top + 2 + len(args)
                r = f.f(vm, top + 2, len(args))
                if r.__class__ is TailCall:
                    r = interp.resolve_tailcall(vm, co, top, r)
                n = interp._write_results(vm, co, top, r)
                results = list(vm.Q[top:top + n])
                co.frames.clear()
            else:
                base = interp._enter_lua(vm, co, f, top, len(args))
                co.resume_state = "started"
                results = interp.execute(vm, co, f, base, 1, 0)
        else:
            fn, rel_base, pc = co.resume_state
            results = interp.execute(vm, co, fn, co.stack + rel_base, pc, 0,
                                     resume=(list(args), co.yield_to))
        co.status = "dead"
        return True, results
    except interp.YieldSignal as y:
        co.status = "suspended"
        co.yield_to = y.to
        return True, y.values
    except LuaError as e:
        co.status = "dead"
        co.error = e
        return False, [e.value]
    finally:
        vm.current = prev
        prev.status = "running"


def load(vm, source, chunkname, env=None):
    """Compile a chunk into a function TValue; raises LuaError with LuaJIT's message."""
    if source[:1] == b"\x1b":
        # lj_load: a chunk starting with ESC is a binary (string.dump) chunk
        from .bcdump import load as load_binary
        return load_binary(vm, source, chunkname, env)
    try:
        proto = compile_source(source, chunkname)
    except LuaSyntaxError as e:
        raise LuaError(vm.str(e.message.encode("utf-8", "surrogateescape"))) from None
    p = vm.load_proto(proto)
    events = getattr(vm, "vmevents", None)
    if events is not None:
        events.parsed(p)        # jit.attach's "bc" event (lj_parse.c fs_finish)
    if env is None:
        # lua_load: a new chunk gets the running thread's environment (setfenv(0, t))
        env = vm.current.env if vm.current.env not in (None, NIL) else vm.globals
    return vm.new_lfunc(p, [], env)


def new_state(memory_limit=None, libs=True, noenv=False):
    """A VM with the standard library open. noenv (luajit -E) sets the registry's
    LUA_NOENV first, so package.path and cpath ignore LUA_PATH and LUA_CPATH."""
    vm = VM() if memory_limit is None else VM(memory_limit)
    if noenv:
        vm.rawsets(vm.registry, b"LUA_NOENV", TRUE)
    if libs:
        from .lib import open_libs
        open_libs(vm)
    return vm


def _mm_call(vm, v):
    from . import meta
    return meta.call_mm(vm, v)


VM.call = call
VM.resume = resume
VM.mm_call = _mm_call


def gettable(vm, o, k):
    """o[k] with metamethods, from Python."""
    from . import meta
    r = meta.index(vm, o, k)
    if r.__class__ is tuple:
        res = vm.call(r[0], [r[1], r[2]])
        r = res[0] if res else 0xFFFFFFFFFFFFFFFF
    return r


def settable(vm, o, k, v):
    """o[k] = v with metamethods, from Python."""
    from . import meta
    r = meta.newindex(vm, o, k, v)
    if r is not None:
        vm.call(r[0], [r[1], r[2], r[3]])


VM.gettable = gettable
VM.settable = settable
