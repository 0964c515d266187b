"""Debug hooks: what the interpreter reports when a hook is installed.

The interpreter runs a hooked variant of its loop only while vm.hook is set,
so hooks cost nothing otherwise. A Hook receives every instruction and every
Lua function entry; LuaHook turns them into Lua 5.1's debug.sethook events
(call, return, line, count), and the debugger installs its own Hook.
"""

from .bytecode import BC_RET, BC_RET0, BC_RET1, BC_RETM

_RETURNS = frozenset((BC_RET, BC_RET0, BC_RET1, BC_RETM))


class Hook:
    """Base class: override what you need."""

    def instr(self, vm, th, fn, pc, op):
        """Before instruction pc (0-based index into fn's code) of Lua function fn."""

    def call(self, vm, th, fn):
        """A Lua function was entered."""

    def ccall(self, vm, th, f):
        """A builtin (CFunc) is about to run; it is th.cfunc."""


class LuaHook(Hook):
    """debug.sethook(f, mask, count): calls f("call"|"return"|"line"|"count"[, line])."""

    def __init__(self, func, mask: str, count: int):
        self.func = func
        self.on_call = "c" in mask
        self.on_return = "r" in mask
        self.on_line = "l" in mask
        self.count = count
        self.counter = count
        self.mask = mask

    def fire(self, vm, th, event, line=None):
        args = [vm.str(event.encode())]
        if line is not None:
            args.append(float(line))
        th.in_hook = True
        try:
            vm.call(self.func, args)
        finally:
            th.in_hook = False

    def instr(self, vm, th, fn, pc, op):
        if self.count:
            self.counter -= 1
            if self.counter <= 0:
                self.counter = self.count
                self.fire(vm, th, "count")
        if self.on_line:
            proto = fn.p.proto
            line = proto.lineinfo[pc] if pc < len(proto.lineinfo) else proto.firstline
            old = th.hook_oldpc
            if (th.hook_fn is not fn or pc <= old or old < 0 or
                    old >= len(proto.lineinfo) or line != proto.lineinfo[old]):
                th.hook_fn = fn
                th.hook_oldpc = pc
                self.fire(vm, th, "line", line)
            th.hook_fn = fn
            th.hook_oldpc = pc
        # lj_dispatch_ins: only RET* fire "return"; a tail call fires no event
        # (its callee's entry fires "call"), so LuaJIT never says "tail return"
        if self.on_return and op in _RETURNS:
            self.fire(vm, th, "return")

    def call(self, vm, th, fn):
        th.hook_fn = fn
        th.hook_oldpc = -1
        if self.on_call:
            self.fire(vm, th, "call")

    def ccall(self, vm, th, f):
        if self.on_call:
            self.fire(vm, th, "call")
