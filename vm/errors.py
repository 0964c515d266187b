"""Errors: the exceptions the VM raises, and the debug information that words them.

Inside the VM a Lua error travels as a Python exception:
  * LuaError(value)       -- a Lua value in flight (error(), or a formatted message);
  * RuntimeErr(msg)       -- raised by VM code or a builtin; the interpreter adds
                             the location of the current Lua frame ("file:line: ");
  * OpError(op, v, slot)  -- "attempt to <op> <kind> '<name>' (a <type> value)": the
                             interpreter names the operand from debug info;
  * ArgError(narg, msg)   -- "bad argument #n to 'f' (msg)": the interpreter names
                             the builtin from the instruction that called it.
The naming follows lj_debug.c: a register is a local if the varinfo says so,
otherwise the instruction that last wrote it tells global/field/method/upvalue.
"""

from .bytecode import (
    BC_GGET, BC_ITERC, BC_KNIL, BC_MOV, BC_TGETS, BC_UGET, MM, MM_NONE, MM_OF, MODE, MODE_A,
)
from .diagnostics import short_src
from .errmsg import ERRMSG
from .layout import MMNAMES


class LuaError(Exception):
    """A Lua error value (a TValue) in flight."""

    def __init__(self, value, traceback=None):
        super().__init__(value)
        self.value = value
        self.traceback = traceback


class RuntimeErr(Exception):
    """An error message that still needs "file:line: " in front."""

    def __init__(self, msg, level=1):
        super().__init__(msg)
        self.msg = msg
        self.level = level


class OpError(Exception):
    """A type error on an operand; `slot` is its register (None: not a register)."""

    def __init__(self, op, value, slot=None):
        super().__init__(op)
        self.op = op
        self.value = value
        self.slot = slot


class CompareError(Exception):
    def __init__(self, v1, v2):
        super().__init__("compare")
        self.v1 = v1
        self.v2 = v2


class ArgError(Exception):
    """A bad argument to a builtin; msg is the part in parentheses."""

    def __init__(self, narg, msg):
        super().__init__(msg)
        self.narg = narg
        self.msg = msg


class CallError(Exception):
    """Calling a value that cannot be called; slot is its register or None."""

    def __init__(self, value, slot=None):
        super().__init__("call")
        self.value = value
        self.slot = slot


class YieldError(Exception):
    """coroutine.yield outside a coroutine's own loop (across a C call)."""


MM_CALL = MM["call"]
_M_BASE = MODE["base"]
_M_DST = MODE["dst"]


def varname(proto, pc: int, slot: int):
    """debug_varname: the name of the local in `slot` at instruction pc, or None."""
    for name, startpc, endpc in proto.varinfo:
        if startpc > pc:
            break
        if pc < endpc:
            if slot == 0:
                return name
            slot -= 1
    return None


def slotname(proto, pc: int, slot: int):
    """lj_debug_slotname: (kind, name) for a register at instruction pc, or (None, None)."""
    while True:
        name = varname(proto, pc, slot)
        if name is not None:
            return "local", name
        code = proto.code
        ip = pc
        restart = False
        while ip > 1:
            ip -= 1
            ins = code[ip]
            op = ins & 0xFF
            ra = (ins >> 8) & 0xFF
            ma = MODE_A[op]
            if ma == _M_BASE:
                if slot >= ra and (op != BC_KNIL or slot <= ins >> 16):
                    return None, None
            elif ma == _M_DST and ra == slot:
                if op == BC_MOV:
                    slot = ins >> 16
                    pc = ip
                    restart = True
                    break
                if op == BC_GGET:
                    return "global", _kstr(proto, ins >> 16)
                if op == BC_TGETS:
                    name = _kstr(proto, (ins >> 16) & 0xFF)
                    if ip > 1:
                        insp = code[ip - 1]
                        if (insp & 0xFF) == BC_MOV and (insp >> 8) & 0xFF == ra + 2 and \
                                insp >> 16 == ins >> 24:
                            return "method", name
                    return "field", name
                if op == BC_UGET:
                    return "upvalue", proto.uvnames[ins >> 16]
                return None, None
        if not restart:
            return None, None


def _kstr(proto, idx):
    return proto.kgc[idx].decode("utf-8", "surrogateescape")


def funcname(proto, pc: int):
    """lj_debug_funcname for the call made by instruction pc-1: (kind, name) or (None, None)."""
    ins = proto.code[pc - 1]
    op = ins & 0xFF
    mm = MM_OF[op]
    if mm == MM_CALL:
        slot = (ins >> 8) & 0xFF
        if op == BC_ITERC:
            slot -= 3
        return slotname(proto, pc - 1, slot)
    if mm != MM_NONE:
        return "metamethod", MMNAMES[mm]
    return None, None


def location(proto, pc: int) -> str:
    """'file:line:' of instruction pc-1 of a prototype (luaL_where)."""
    line = proto.lineinfo[pc - 1] if 0 < pc <= len(proto.lineinfo) else proto.firstline
    return "%s:%d:" % (short_src(proto.chunkname, proto.firstline < 0), line)


def optype_message(opname: str, tname: str, kind=None, name=None) -> str:
    op = ERRMSG[opname]
    if kind is not None:
        return ERRMSG["BADOPRT"] % (op, kind, name, tname)
    return ERRMSG["BADOPRV"] % (op, tname)


def compare_message(t1: str, t2: str) -> str:
    return ERRMSG["BADCMPV"] % t1 if t1 == t2 else ERRMSG["BADCMPT"] % (t1, t2)
