"""The `jit` library (lib_jit.c) as far as it needs no trace compiler.

jit.version, version_num, os, arch; jit.on/off/flush for the engine, a trace
number or a prototype (setjitmode); jit.status(); jit.attach with LuaJIT's VM
events (the handlers live in the registry, the parser's "bc" event is sent from
here); jit.util's prototype functions. What needs the trace compiler -- its
events, jit.util's trace functions, flushing a prototype's traces -- goes to the
attached one through vm.jit and vm.jit.lib (moonlens.jit.jitlib): vm never
imports jit.
"""

import os
import platform

from ..errmsg import ERRMSG
from ..errors import LuaError, RuntimeErr
from ..layout import (
    FALSE, NIL, NUM_LIMIT, PAYLOAD, PROTO, TAG_BITS, TAG_FUNC, TAG_PROTO, TAG_STR, TAG_TAB,
    TRUE,
)
from .aux import arg, builtin, check_func, check_int, new_lib, opt_int, opt_str, type_error

VERSION = b"LuaJIT 2.1.0-beta3"
VERSION_NUM = 20100.0
PROTO_CHILD, PROTO_NOJIT = 0x01, 0x08       # vm.bytecode's GCproto flags
FLAGS_OFFSET = 61                           # GCproto.flags in the arena
FF_C = 1                                    # the ffid of a C function that is no fast one


def _jit_os():
    return {"Linux": b"Linux", "Darwin": b"OSX", "Windows": b"Windows"}.get(
        platform.system(), b"Other")


def _jit_arch():
    m = platform.machine().lower()
    return {"x86_64": b"x64", "amd64": b"x64", "aarch64": b"arm64", "arm64": b"arm64",
            "i386": b"x86", "i686": b"x86"}.get(m, m.encode())


# -- VM events (lj_vmevent.c) -------------------------------------------------------------

EVENTS = ("bc", "trace", "record", "texit")
JIT_EVENTS = ("trace", "record", "texit")     # the ones the trace compiler sends


def event_key(name: bytes) -> int:
    """jit.attach's slot for an event name in registry._VMEVENTS: LuaJIT's string
    hash shifted left by 3, as an int32. Any name gets a slot; only the four
    names LuaJIT sends are ever called (a colliding name would be too)."""
    h = len(name)
    for c in name:
        h ^= (((h << 6) | (h >> 26)) + c) & 0xFFFFFFFF
    key = (h << 3) & 0xFFFFFFFF
    return key - (1 << 32) if key & 0x80000000 else key


EVENT_KEYS = {name: event_key(name.encode()) for name in EVENTS}


class VmEvents:
    """The VM's event handlers: one per event, in registry._VMEVENTS (a table any
    Lua code can see, as in LuaJIT). send() calls the handler with every event off
    while it runs, so a handler never runs inside itself."""

    def __init__(self, vm):
        self.vm = vm
        self.keys = {name: vm.num(float(key)) for name, key in EVENT_KEYS.items()}
        self.busy = False
        self.thread = None

    def table(self, create=False):
        """registry._VMEVENTS, made on demand (luaL_findtable), or NIL."""
        vm = self.vm
        if not create and b"_VMEVENTS" not in vm.str_by_bytes:
            # never interned before jit.attach, as in LuaJIT (the vmevmask test): a
            # string made here would shift later strings' sids, and so the order
            # pairs() visits their keys in
            return NIL
        t = vm.rawgets(vm.registry, b"_VMEVENTS")
        if t >> TAG_BITS != TAG_TAB and create:
            t = vm.new_table(0, 4)
            vm.rawsets(vm.registry, b"_VMEVENTS", t)
        return t if t >> TAG_BITS == TAG_TAB else NIL

    def handler(self, name):
        """The function attached to event `name`, or None (also while one runs)."""
        t = self.table()
        if self.busy or t == NIL:
            return None
        f = self.vm.rawget(t, self.keys[name])
        return f if f >> TAG_BITS == TAG_FUNC else None

    def has_jit_handlers(self):
        t = self.table()
        return t != NIL and any(self.vm.rawget(t, self.keys[n]) >> TAG_BITS == TAG_FUNC
                                for n in JIT_EVENTS)

    def send(self, name, args):
        """Call the handler of `name` with args (TValues or floats). None: no handler;
        True: it ran; False: it raised an error (reported as LuaJIT does)."""
        f = self.handler(name)
        if f is None:
            return None
        return self._call(f, args)

    def _call(self, f, args):
        """lj_vmevent_call on a thread of its own (as LuaJIT 2.1's newer vmthread), so
        the interrupted thread's stack never moves under the interpreter or recorder.
        Meanwhile: no events, no debug hooks, no new traces (in_hook), and when a
        trace is being recorded neither recording nor hot counting."""
        from ..interp import YieldSignal
        vm = self.vm
        th = self._thread()
        prev, mode = vm.current, vm.loop_mode
        saved = (prev.top, prev.status)
        # the collector keeps every slot of the interrupted thread: its top is stale
        prev.top, prev.status = prev.stack + prev.size, "normal"
        vm.current, th.status = th, "running"
        if mode & 4:
            vm.loop_mode = mode & 1
        self.busy = True
        try:
            vm.call(f, args, th=th)
            return True
        except LuaError as e:
            self._report(e.value)
        except YieldSignal:
            self._report(vm.str(ERRMSG["CYIELD"].encode()))
            self._drop_thread()         # its frames stay suspended: start afresh
        finally:
            self.busy = False
            th.status = "dead"          # nobody may resume it
            vm.current = prev
            prev.top, prev.status = saved
            vm.set_recording(vm.recording)      # the loop mode, as the handler left things
        return False

    def _thread(self):
        if self.thread is None:
            th = self.thread = self.vm.new_thread()
            th.in_hook = True
            self.vm.pinned[th.tv] = self.vm.pinned.get(th.tv, 0) + 1
        return self.thread

    def _drop_thread(self):
        th, self.thread = self.thread, None
        self.vm.pinned.pop(th.tv, None)

    def _report(self, value):
        """LuaJIT complains on stderr (the message when it is a string) and goes on."""
        msg = self.vm.sbytes(value) if value >> TAG_BITS == TAG_STR else b"?"
        out = self.vm.stderr
        out.write(b"VM handler failed: " + msg + b"\n")
        out.flush()

    def parsed(self, p):
        """The parser's "bc" event for a loaded chunk: one per prototype, in the order
        LuaJIT's fs_finish runs (nested prototypes first, in source order)."""
        if self.handler("bc") is None:
            return
        for q in _postorder(self.vm, p):
            self.send("bc", [PROTO | q.addr])

    def changed(self):
        """Handlers were attached or detached: the trace compiler listens or stops."""
        jit = self.vm.jit
        if jit is not None:
            jit.lib.sync_events()


def _postorder(vm, p):
    for k in p.kgc:
        if k >> TAG_BITS == TAG_PROTO:
            yield from _postorder(vm, vm.protos[k & PAYLOAD])
    yield p


def vmevents(vm) -> VmEvents:
    ev = getattr(vm, "vmevents", None)
    if ev is None:
        ev = vm.vmevents = VmEvents(vm)
    return ev


def j_attach(vm, base, nargs):
    """jit.attach(f, event) sets the handler of event; jit.attach(f) detaches f from
    every event. One handler per event: attaching another replaces it."""
    f = check_func(vm, base, nargs, 1)
    name = opt_str(vm, base, nargs, 2, None)
    ev = vmevents(vm)
    t = ev.table(create=True)
    if name is not None:
        vm.rawset(t, float(event_key(name)), f)
    else:
        from ..table import next_from
        keys, r = [], next_from(vm, vm.tq(t), 0)
        while r is not None:
            if r[1] == f:
                keys.append(r[0])
            r = next_from(vm, vm.tq(t), r[2])
        for k in keys:
            vm.rawset(t, k, NIL)
    ev.changed()
    return None


# -- jit.on/off/flush (setjitmode, luaJIT_setmode) ----------------------------------------

def _proto_of(vm, v):
    """The PInfo of a Lua function or prototype TValue, else None."""
    tag = v >> TAG_BITS
    if tag == TAG_FUNC:
        return getattr(vm.funcs[v], "p", None)
    if tag == TAG_PROTO:
        return vm.protos.get(v & PAYLOAD)
    return None


def _caller_proto(vm):
    """jit.on/off(true): the prototype of the Lua function that called (none from C)."""
    from .. import debuginfo
    frame = debuginfo.level(vm, vm.current, 1)
    return None if frame is None or frame.is_c else frame.fn.p


def proto_flags(vm, p):
    return vm.B[p.addr - vm.base + FLAGS_OFFSET]


def _nested(vm, p):
    """setptmode_all's order: each nested prototype (last constant first), then its
    own nested ones."""
    if not proto_flags(vm, p) & PROTO_CHILD:
        return []
    out = []
    for k in reversed(p.kgc):
        if k >> TAG_BITS == TAG_PROTO:
            child = vm.protos[k & PAYLOAD]
            out += [child] + _nested(vm, child)
    return out


def _setptmode(vm, p, on, flush):
    """setptmode: on clears PROTO_NOJIT (and undoes blacklisting), off sets it, and
    both off and flush flush the prototype's root traces. Without a trace compiler
    there is nothing to flush or undo: only the flag."""
    if vm.jit is not None:
        vm.jit.lib.set_proto_mode(p, on, flush)
        return
    off = p.addr - vm.base + FLAGS_OFFSET
    if on:
        vm.B[off] &= ~PROTO_NOJIT & 0xFF
    elif not flush:
        vm.B[off] |= PROTO_NOJIT


def _engine_mode(vm, on, flush):
    if flush:
        if vm.jit is not None:
            vm.jit.flush_all()
        else:   # lj_trace_flushall sends "flush" with the compiler off too
            vmevents(vm).send("trace", [vm.str(b"flush")])
    elif on:
        jit = vm.need_jit()
        if jit is not None:
            jit.switch(True)
    elif vm.jit is not None:
        vm.jit.switch(False)


def _setjitmode(vm, base, nargs, on, flush=False):
    """(): the engine; (f | proto | true [, all]): a prototype -- true is the calling
    function's --, with a boolean second argument also its nested prototypes (true)
    or only those (false)."""
    first = arg(vm, base, nargs, 1)
    if first == NIL:
        return _engine_mode(vm, on, flush)
    p = _caller_proto(vm) if first == TRUE else _proto_of(vm, first)
    if p is None:
        type_error(vm, base, nargs, 1, "function")
    recursive = arg(vm, base, nargs, 2)
    protos = [] if recursive == FALSE else [p]
    if recursive in (TRUE, FALSE):
        protos += _nested(vm, p)
    for q in protos:
        _setptmode(vm, q, on, flush)
    return None


def j_on(vm, base, nargs):
    return _setjitmode(vm, base, nargs, True)


def j_off(vm, base, nargs):
    return _setjitmode(vm, base, nargs, False)


def j_flush(vm, base, nargs):
    """jit.flush([f | proto | true [, all]]), or jit.flush(n): root trace n."""
    if nargs and vm.Q[base] < NUM_LIMIT:
        traceno = check_int(vm, base, nargs, 1)
        if vm.jit is not None:
            vm.jit.flush_trace(traceno)
        return None
    return _setjitmode(vm, base, nargs, False, flush=True)


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
    vmevents(vm)
    t = new_lib(vm, "jit", {"on": j_on, "off": j_off, "flush": j_flush,
                            "status": j_status, "attach": j_attach})
    vm.rawsets(t, b"version", vm.str(VERSION))
    vm.rawsets(t, b"version_num", VERSION_NUM)
    vm.rawsets(t, b"os", vm.str(_jit_os()))
    vm.rawsets(t, b"arch", vm.str(_jit_arch()))
    opt = vm.new_table(0, 1)
    vm.rawsets(opt, b"start", builtin(vm, "start", j_opt_start, "jit.opt"))
    vm.rawsets(t, b"opt", opt)
    open_jit_util(vm)
    preload = vm.rawgets(vm.rawgets(vm.globals, b"package"), b"preload")
    for kind in ("v", "dump"):
        vm.rawsets(preload, b"jit." + kind.encode(),
                   builtin(vm, "jit." + kind, _report_module(kind), "package.preload"))


# -- jit.v and jit.dump: -jv and -jdump as modules (LuaJIT's jit/v.lua, jit/dump.lua) -------

def _report_module(kind):
    """The loader of require("jit.v") / require("jit.dump"): a table with on, off and
    start. on() attaches the trace compiler (as -jv does) and vm.jit.lib writes the
    report; jit.v.on(outfile), jit.dump.on(opt, outfile)."""
    env = b"LUAJIT_VERBOSEFILE" if kind == "v" else b"LUAJIT_DUMPFILE"

    def on(vm, base, nargs):
        first = 1 if kind == "v" else 2
        opt = None if kind == "v" else opt_str(vm, base, nargs, 1, None)
        outfile = opt_str(vm, base, nargs, first, None)
        if outfile is None:
            outfile = os.environb.get(env)
        jit = vm.need_jit()
        if jit is not None:
            jit.lib.report_on(kind, opt and opt.decode("utf-8", "replace"), outfile)
        return None

    def off(vm, base, nargs):
        if vm.jit is not None:
            vm.jit.lib.report_off(kind)
        return None

    def loader(vm, base, nargs):
        t = vm.new_table(0, 3)
        f_on = builtin(vm, "on", on, "jit." + kind)
        vm.rawsets(t, b"on", f_on)
        vm.rawsets(t, b"off", builtin(vm, "off", off, "jit." + kind))
        vm.rawsets(t, b"start", f_on)       # the same function, for -j on the command line
        return t
    return loader


# -- jit.util: prototypes (lib_jit.c's funcinfo, funcbc, funck, funcuvname) ---------------

def _lua_proto(vm, base, nargs, nolua=False):
    """lj_lib_checkLproto: argument 1's prototype (a Lua function or a prototype);
    a builtin gives (its CFunc, None) when nolua, else an argument error."""
    v = arg(vm, base, nargs, 1)
    if nargs >= 1 and v >> TAG_BITS in (TAG_FUNC, TAG_PROTO):
        p = _proto_of(vm, v)
        if p is not None:
            return None, p
        if nolua:
            return vm.funcs[v], None
    type_error(vm, base, nargs, 1, "function")


def u_funcinfo(vm, base, nargs):
    fn, p = _lua_proto(vm, base, nargs, nolua=True)
    t = vm.new_table(0, 16)
    if p is None:
        if fn.ffid != FF_C:             # a fast function (not a plain C one)
            vm.rawsets(t, b"ffid", float(fn.ffid))
        off = (fn.tv & PAYLOAD) - vm.base
        # no C function pointer here: the function object's address stands for it
        vm.rawsets(t, b"addr", float(fn.tv & PAYLOAD))
        vm.rawsets(t, b"upvalues", float(vm.B[off + 11]))       # GCfuncC.nupvalues
        return t
    pt = p.proto
    pc = opt_int(vm, base, nargs, 2, 0)
    fields = {b"linedefined": pt.firstline, b"lastlinedefined": pt.lastline,
              b"stackslots": pt.framesize, b"params": pt.numparams,
              b"bytecodes": len(pt.code), b"gcconsts": len(pt.kgc),
              b"nconsts": len(pt.kn), b"upvalues": len(pt.uv)}
    for name, value in fields.items():
        vm.rawsets(t, name, float(value))
    line = _line(pt, pc)
    if 0 <= pc < len(pt.code):
        vm.rawsets(t, b"currentline", float(line))
    vm.rawsets(t, b"isvararg", TRUE if pt.is_vararg else FALSE)
    vm.rawsets(t, b"children", TRUE if pt.children() else FALSE)
    vm.rawsets(t, b"source", vm.str(pt.chunkname))
    vm.rawsets(t, b"loc", vm.str(_loc(p, line).encode("utf-8", "surrogateescape")))
    vm.rawsets(t, b"proto", PROTO | p.addr)
    return t


def _line(pt, pc):
    """lj_debug_line: the line of pc, the last line one past the end, else 0."""
    if 0 <= pc < len(pt.code) and pt.lineinfo:
        return pt.lineinfo[pc]
    return pt.lastline if pc == len(pt.code) and pt.lineinfo else 0


def _loc(p, line):
    """lj_debug_pushloc: "builtin:name" for a builtin written in Lua, else the chunk
    (file basename, =name, "string", or the prototype's address when long) and line."""
    from ..diagnostics import chunk_loc
    pt = p.proto
    if pt.firstline < 0:
        return "builtin:%s" % pt.chunkname.decode("utf-8", "surrogateescape")
    chunk = chunk_loc(pt.chunkname)
    return "%s:%d" % ("0x%012x" % p.addr if chunk is None else chunk, line)


def u_funcbc(vm, base, nargs):
    """The instruction at pc and its operand modes, or nothing past the end."""
    from ..bytecode import MODE_WORD
    _, p = _lua_proto(vm, base, nargs)
    pc = check_int(vm, base, nargs, 2)
    code = p.proto.code
    if not 0 <= pc < len(code):
        return None
    ins = code[pc]
    signed = ins - (1 << 32) if ins & 0x80000000 else ins     # LuaJIT returns an int32
    return [float(signed), float(MODE_WORD[ins & 0xFF])]


def u_funck(vm, base, nargs):
    """Constant idx: numbers at idx >= 0, GC constants (strings, prototypes, template
    tables) at idx < 0."""
    _, p = _lua_proto(vm, base, nargs)
    idx = check_int(vm, base, nargs, 2)
    if idx >= 0:
        return float(p.kn[idx]) if idx < len(p.kn) else None
    return p.kgc[-idx - 1] if -idx - 1 < len(p.kgc) else None


def u_funcuvname(vm, base, nargs):
    _, p = _lua_proto(vm, base, nargs)
    idx = check_int(vm, base, nargs, 2)
    names = p.proto.uvnames
    if not 0 <= idx < len(names):
        return None
    name = names[idx]
    return vm.str(name if isinstance(name, bytes) else name.encode())


# -- jit.util: traces (the attached trace compiler's JitLib answers) ----------------------

def _trace_util(name, nints):
    """A trace function: its integer arguments are checked first (lj_lib_checkint),
    then the trace compiler answers; without one there are no traces."""
    def f(vm, base, nargs):
        args = [check_int(vm, base, nargs, i) for i in range(1, nints + 1)]
        jit = vm.jit
        return getattr(jit.lib, name)(*args) if jit is not None else None
    f.__name__ = name
    return f


def u_nothing(vm, base, nargs):
    """tracemc, traceexitstub, ircalladdr: there is no machine code, so no code,
    exit stub or call address (LuaJIT returns nothing for a trace without mcode)."""
    check_int(vm, base, nargs, 1)
    return None


def open_jit_util(vm):
    """jit.util as require("jit.util") finds it (LuaJIT pre-registers it)."""
    return new_lib(vm, "jit.util", {
        "funcinfo": u_funcinfo, "funcbc": u_funcbc, "funck": u_funck,
        "funcuvname": u_funcuvname,
        "traceinfo": _trace_util("traceinfo", 1), "traceir": _trace_util("traceir", 2),
        "tracek": _trace_util("tracek", 2), "tracesnap": _trace_util("tracesnap", 2),
        "tracemc": u_nothing, "traceexitstub": u_nothing, "ircalladdr": u_nothing,
    }, into_globals=False)
