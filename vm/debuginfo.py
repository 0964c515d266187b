"""Stack levels, getinfo and tracebacks (lua_getstack, lj_debug_getinfo, luaL_traceback).

The running state is th.fn/th.pc/th.base (saved by the interpreter whenever it
calls a builtin; th.cfunc is the builtin) plus the thread's frame records. A
level is a Frame: a Lua function at an instruction, or a C function.
"""

from .diagnostics import short_src
from .errors import funcname
from .state import CFunc

# The pc of a level whose current instruction is unknown (LuaJIT's NO_BCPOS): its
# currentline is -1.
NO_PC = 1 << 30
TRACEBACK_LEVELS1 = 12
TRACEBACK_LEVELS2 = 10


class Frame:
    """One stack level. `caller` is (proto, pc) of the Lua instruction that called it,
    or None when it was called from C (pcall, a host call, a coroutine start)."""
    __slots__ = ("fn", "pc", "base", "caller")

    def __init__(self, fn, pc, base, caller):
        self.fn = fn
        self.pc = pc
        self.base = base
        self.caller = caller

    @property
    def is_c(self):
        return self.fn.__class__ is CFunc


def frames(vm, th):
    """All levels of thread th, innermost first (level 0 first)."""
    from .interp import FR_C, FR_CONT, FR_LUA, FR_PCALL
    out = []
    replaced = []       # indices of builtins that replaced their caller by a tail call
    if th.cfunc is not None:
        out.append(Frame(th.cfunc, 0, 0, (th.fn.p.proto, th.pc) if th.fn else None))
        if th.ctail:
            replaced.append(0)
    fn, pc, base = th.fn, th.pc, th.base
    if th.cfunc is None and th.status == "dead" and th.error is not None:
        pc = NO_PC          # a coroutine that died in Lua code: no current pc saved
    # a pcall tail-called under a C boundary continues in this; it is no frame
    tramp = vm.return_trampoline
    for rec in reversed(th.frames):
        kind = rec[0]
        if fn is not None and fn is not tramp:
            if kind == FR_LUA or kind == FR_CONT:
                caller = (rec[3].p.proto, rec[2]) if rec[3] is not None else None
            else:
                caller = None
            out.append(Frame(fn, pc, base, caller))
        if kind == FR_PCALL:
            cf = rec[6]
            out.append(Frame(cf, 0, 0, (rec[3].p.proto, rec[2]) if rec[3] is not tramp else None))
        elif kind == FR_C and rec[6] is not None:
            cf = rec[6]
            if len(rec) > 8 and rec[8] and rec[3] is not None:
                replaced.append(len(out))
            out.append(Frame(cf, 0, 0, (rec[3].p.proto, rec[2]) if rec[3] else None))
        fn, pc, base = rec[3], rec[2], rec[1]
    if fn is not None and fn is not tramp and (not out or out[-1].fn is not fn or out[-1].pc != pc):
        out.append(Frame(fn, pc, base, None))
    for i in reversed(replaced):
        if i + 1 < len(out):
            # a builtin reached by a tail call replaced its caller's frame
            out[i].caller = out[i + 1].caller
            del out[i + 1]
    return out


def level(vm, th, n):
    """lua_getstack: the Frame at level n, or None."""
    fs = frames(vm, th)
    return fs[n] if 0 <= n < len(fs) else None


def currentline(frame):
    if frame.is_c:
        return -1
    proto = frame.fn.p.proto
    pc = frame.pc - 1
    if 0 < pc < len(proto.lineinfo):
        return proto.lineinfo[pc]
    return proto.firstline if pc <= 0 else -1


def where(vm, th, n) -> str:
    """luaL_where: "file:line:" of level n when it is a Lua function with a line."""
    f = level(vm, th, n)
    if f is not None and not f.is_c:
        line = currentline(f)
        if line >= 0:
            proto = f.fn.p.proto
            return "%s:%d:" % (short_src(proto.chunkname, proto.firstline < 0), line)
    return ""


def name_of(frame):
    """lj_debug_funcname: (namewhat, name) of a frame, from its caller's instruction."""
    if frame.caller is None:
        return "", None
    proto, pc = frame.caller
    kind, name = funcname(proto, pc)
    if kind is None:
        return "", None
    return kind, name


def getinfo(vm, frame, what="Snlu"):
    """lj_debug_getinfo for a Frame (or a function: frame.pc == -1 means no frame)."""
    info = {}
    fn = frame.fn
    for opt in what:
        if opt == "S":
            if fn.__class__ is CFunc:
                info.update(source="=[C]", short_src="[C]", linedefined=-1,
                            lastlinedefined=-1, what="C")
            else:
                proto = fn.p.proto
                cn = proto.chunkname
                info.update(source=cn if isinstance(cn, bytes) else cn.encode(),
                            short_src=short_src(cn, proto.firstline < 0),
                            linedefined=proto.firstline,
                            lastlinedefined=proto.firstline + proto.numline,
                            what="Lua" if (proto.firstline or not proto.numline) else "main")
        elif opt == "l":
            info["currentline"] = currentline(frame) if frame.pc >= 0 else -1
        elif opt == "u":
            if fn.__class__ is CFunc:
                info["nups"] = 0
            else:
                info["nups"] = len(fn.uvs)
        elif opt == "n":
            namewhat, name = name_of(frame) if frame.pc >= 0 else ("", None)
            info["namewhat"] = namewhat
            info["name"] = name
        elif opt in "fL":
            pass
        else:
            return None
    return info


def traceback(vm, th, msg=None, lvl=1, offset=0) -> str:
    """luaL_traceback of thread th starting at level lvl.

    offset: levels that luaL_traceback would count below level 0 -- 1 for an error
    function written in Python that stands where luajit.c's traceback() C function
    is (LuaJIT's level 0), so that the "..." cut falls where LuaJIT's does."""
    out = []
    if msg is not None:
        out.append(msg + "\n")
    out.append("stack traceback:")
    fs = frames(vm, th)
    n = len(fs)
    i = lvl
    lim = TRACEBACK_LEVELS1
    lim -= offset
    while 0 <= i < n:
        if i + 1 > lim:
            if i + 1 + TRACEBACK_LEVELS2 >= n:
                lim = 1 << 31
            else:
                out.append("\n\t...")
                i = n - TRACEBACK_LEVELS2
                lim = 1 << 31
                continue
        f = fs[i]
        i += 1
        info = getinfo(vm, f, "Snl")
        fn = f.fn
        if f.is_c and fn.ffid > 1 and not info["namewhat"]:
            out.append("\n\t[builtin#%d]:" % fn.ffid)
        else:
            out.append("\n\t%s:" % info["short_src"])
        if info["currentline"] > 0:
            out.append("%d:" % info["currentline"])
        if info["namewhat"]:
            out.append(" in function '%s'" % info["name"])
        elif info["what"] == "main":
            out.append(" in main chunk")
        elif info["what"] == "C":
            out.append(" at 0x%08x" % (id(fn) & 0xFFFFFFFFFFFF))
        else:
            out.append(" in function <%s:%d>" % (info["short_src"], info["linedefined"]))
    return "".join(out)


# -- Locals and upvalues (lua_getlocal, lua_setlocal, lua_getupvalue) ----------------------

def frame_limit(vm, frame):
    """The first stack slot (qword index) beyond a Lua frame's own registers: where
    the function it is calling sits (the CALL/ITERC operand A), or, for a metamethod,
    its function slot above the continuation (base + framesize + 2, FR2). Slots
    below it are "(*temporary)"."""
    from .bytecode import BC_CALL, BC_CALLM, BC_ITERC
    p = frame.fn.p
    pc = frame.pc - 1
    if 0 <= pc < len(p.code):
        op, a = p.code[pc][0], p.code[pc][1]
        if op == BC_CALL or op == BC_CALLM or op == BC_ITERC:
            return frame.base + a
    return frame.base + p.framesize + 2


def localslot(vm, frame, n, cbase=None, cnargs=0):
    """debug_localname: (name, slot qword index) of local n of a stack level, or None.

    n > 0: the n-th active local by the varinfo, else "(*temporary)" while below the
    frame's limit; n < 0: the -n-th vararg of a vararg function ("(*vararg)").
    A C level has only temporaries, and only when its arguments are known:
    cbase/cnargs give them for the builtin that is running.
    """
    from .bytecode import PROTO_VARARG
    from .errors import varname
    from .layout import FRAME_VARG
    if frame.is_c:
        if cbase is not None and 0 < n <= cnargs:
            return "(*temporary)", cbase + n - 1
        return None
    proto = frame.fn.p.proto
    base = frame.base
    if n < 0:
        if not proto.flags & PROTO_VARARG:
            return None
        link = vm.Q[base - 1]
        if link & 7 != FRAME_VARG:
            return None
        delta = link >> 3
        nvar = delta - 2 - proto.numparams
        if -n > nvar:
            return None
        return "(*vararg)", base - delta + proto.numparams - n - 1
    if n == 0:
        return None
    name = varname(proto, frame.pc - 1, n - 1)
    if name is not None:
        return name, base + n - 1
    if base + n - 1 < frame_limit(vm, frame):
        return "(*temporary)", base + n - 1
    return None


def paramname(fn, n):
    """lua_getlocal(L, NULL, n): the name of parameter n of a function (LFunc/CFunc)."""
    from .errors import varname
    if fn.__class__ is CFunc or n < 1:
        return None
    return varname(fn.p.proto, 0, n - 1)


def upvalslot(vm, fn, n):
    """lj_debug_uvnamev: (name, slot qword index) of upvalue n (1-based) of a function
    (LFunc/CFunc), or None. Builtins' upvalues have the name ""."""
    i = n - 1
    if fn.__class__ is CFunc:
        if 0 <= i < vm.B[(vm.tq(fn.tv) << 3) + 11]:
            return "", vm.cfunc_upvalue(fn.tv, i)
        return None
    proto = fn.p.proto
    if 0 <= i < len(proto.uv) and i < len(fn.uvs):
        u = fn.uvs[i]
        name = proto.uvnames[i] if i < len(proto.uvnames) else ""
        return name, (vm.Q[u + 4] - vm.base) >> 3
    return None


def activelines(proto):
    """The lines of a prototype's instructions (getinfo's 'L'), header excluded.
    A bytecode builtin is stripped: it has no line information."""
    if proto.firstline < 0:
        return []
    return [proto.lineinfo[i] for i in range(1, len(proto.code)) if i < len(proto.lineinfo)]
