"""The `jit` library as far as it exists without a trace compiler.

jit.version, version_num, os, arch; jit.on/off/flush (switch or flush the
attached trace compiler, if any); jit.status() (false while none is attached).
The trace compiler (moonlens.jit) extends this table when it attaches itself.
"""

import platform

from ..layout import FALSE, NIL, PAYLOAD, TAG_BITS, TAG_FUNC, TRUE
from ..errmsg import ERRMSG
from ..errors import RuntimeErr
from .aux import arg, builtin, new_lib

VERSION = b"LuaJIT 2.1.0-beta3"
VERSION_NUM = 20100.0


def _jit_os():
    return {"Linux": b"Linux", "Darwin": b"OSX", "Windows": b"Windows"}.get(
        platform.system(), b"Other")


def _jit_arch():
    m = platform.machine().lower()
    return {"x86_64": b"x64", "amd64": b"x64", "aarch64": b"arm64", "arm64": b"arm64",
            "i386": b"x86", "i686": b"x86"}.get(m, m.encode())


def _target(vm, base, nargs):
    """setjitmode's first argument: None (the engine), a function, or true (the caller).
    (The recursive second argument is not supported yet.)"""
    first = arg(vm, base, nargs, 1)
    if first == NIL:
        return None
    if first >> TAG_BITS == TAG_FUNC:
        return first
    if first == TRUE:
        return _caller_function(vm)
    from .aux import type_error
    type_error(vm, base, nargs, 1, "function")


def _caller_function(vm):
    """jit.on(true): the function that called jit.on (level 1)."""
    from .. import debuginfo
    frame = debuginfo.level(vm, vm.current, 1)
    return frame.fn.tv if frame is not None else None


def _switch(on):
    def f(vm, base, nargs):
        target = _target(vm, base, nargs)
        jit = vm.need_jit() if on else vm.jit
        if jit is not None:
            jit.switch(on, target)
        return None
    return f


def j_flush(vm, base, nargs):
    """jit.flush([fn | trace number])."""
    if vm.jit is not None:
        vm.jit.flush(arg(vm, base, nargs, 1))
    return None


def j_status(vm, base, nargs):
    jit = vm.jit
    if jit is None:
        return FALSE
    flags = [vm.str(s.encode()) for s in jit.status_flags()]
    return [TRUE if jit.on else FALSE] + flags


def j_opt_start(vm, base, nargs):
    """jit.opt.start(...): -O levels, flags and param=value, in order; no argument
    means level 3."""
    from .aux import check_str
    jit = vm.need_jit()
    settings = [check_str(vm, base, nargs, i).decode("utf-8", "replace")
                for i in range(1, nargs + 1)] or [""]
    for setting in settings:
        if jit is not None and not jit.apply_opt(setting):
            raise RuntimeErr(ERRMSG["JITOPT"] % setting)
    return None


def open_jit(vm):
    t = new_lib(vm, "jit", {"on": _switch(True), "off": _switch(False),
                            "flush": j_flush, "status": j_status})
    vm.rawsets(t, b"version", vm.str(VERSION))
    vm.rawsets(t, b"version_num", VERSION_NUM)
    vm.rawsets(t, b"os", vm.str(_jit_os()))
    vm.rawsets(t, b"arch", vm.str(_jit_arch()))
    opt = vm.new_table(0, 1)
    vm.rawsets(opt, b"start", builtin(vm, "start", j_opt_start, "jit.opt"))
    vm.rawsets(t, b"opt", opt)
    open_jit_util(vm)


# -- jit.util: reading prototypes (lib_jit.c's funcinfo, funcbc, funck, funcuvname) -----
# The trace functions of jit.util (traceinfo, traceir, ...) need the trace compiler;
# they answer nil while none is attached, as LuaJIT does for a missing trace.

def _lua_proto(vm, base, nargs):
    """The prototype of argument 1 (a Lua function), or None for a builtin."""
    v = arg(vm, base, nargs, 1)
    if v >> TAG_BITS != TAG_FUNC:
        from .aux import type_error
        type_error(vm, base, nargs, 1, "function")
    fn = vm.funcs[v]
    return fn, (fn.p.proto if hasattr(fn, "p") else None)


def _pc(vm, base, nargs, n=2):
    v = arg(vm, base, nargs, n)
    return None if v == NIL else int(vm.D[base + n - 1])


def u_funcinfo(vm, base, nargs):
    fn, pt = _lua_proto(vm, base, nargs)
    t = vm.new_table(0, 16)
    if pt is None:
        vm.rawsets(t, b"ffid", float(fn.ffid))
        off = (fn.tv & PAYLOAD) - vm.base
        vm.rawsets(t, b"upvalues", float(vm.B[off + 11]))       # GCfuncC.nupvalues
        return t
    pc = _pc(vm, base, nargs)
    fields = {b"linedefined": pt.firstline, b"lastlinedefined": pt.lastline,
              b"stackslots": pt.framesize, b"params": pt.numparams,
              b"bytecodes": len(pt.code), b"gcconsts": len(pt.kgc),
              b"nconsts": len(pt.kn), b"upvalues": len(pt.uv)}
    for name, value in fields.items():
        vm.rawsets(t, name, float(value))
    pc = pc or 0
    line = pt.lineinfo[pc] if 0 <= pc < len(pt.code) else pt.firstline
    if 0 <= pc < len(pt.code):
        vm.rawsets(t, b"currentline", float(line))
    vm.rawsets(t, b"isvararg", TRUE if pt.is_vararg else FALSE)
    vm.rawsets(t, b"children", TRUE if pt.children() else FALSE)
    vm.rawsets(t, b"source", vm.str(pt.chunkname))
    loc = pt.chunkname[1:] if pt.chunkname[:1] in (b"@", b"=") else pt.chunkname
    vm.rawsets(t, b"loc", vm.str(b"%s:%d" % (loc, line)))
    return t


def u_funcbc(vm, base, nargs):
    """The instruction at pc and its operand modes, or nothing past the end."""
    from ..bytecode import MODE_WORD
    _, pt = _lua_proto(vm, base, nargs)
    pc = _pc(vm, base, nargs)
    if pt is None or pc is None or not 0 <= pc < len(pt.code):
        return None
    ins = pt.code[pc]
    signed = ins - (1 << 32) if ins & 0x80000000 else ins     # LuaJIT returns an int32
    return [float(signed), float(MODE_WORD[ins & 0xFF])]


def u_funck(vm, base, nargs):
    """Constant idx: numbers at idx >= 0, strings (and other GC constants) at idx < 0."""
    _, pt = _lua_proto(vm, base, nargs)
    idx = _pc(vm, base, nargs)
    if pt is None or idx is None:
        return None
    if idx >= 0:
        return float(pt.kn[idx]) if idx < len(pt.kn) else None
    k = pt.kgc[-idx - 1] if -idx - 1 < len(pt.kgc) else None
    return vm.str(k) if isinstance(k, bytes) else None


def u_funcuvname(vm, base, nargs):
    _, pt = _lua_proto(vm, base, nargs)
    idx = _pc(vm, base, nargs)
    if pt is None or idx is None or not 0 <= idx < len(pt.uvnames):
        return None
    name = pt.uvnames[idx]
    return vm.str(name if isinstance(name, bytes) else name.encode())


def open_jit_util(vm):
    """jit.util as require("jit.util") finds it (LuaJIT pre-registers it)."""
    return new_lib(vm, "jit.util", {"funcinfo": u_funcinfo, "funcbc": u_funcbc,
                                    "funck": u_funck, "funcuvname": u_funcuvname},
                   into_globals=False)
