"""The one event stream: every JIT decision as an event with its source position.

Kinds (LuaJIT's trace vmevent and more): start, stop, abort, flush, exit, blacklist,
record. Consumers -- the -jv and -jdump printers, jit.attach (not yet), the
language server's worker, the debug adapter -- subscribe with EventStream.attach.
"""


class Event:
    """kind, trace number, function (LFunc/CFunc or None), bytecode position and extras
    (parent/exitno for side and stitched traces, error/info for aborts, ...)."""

    __slots__ = ("kind", "traceno", "fn", "pc", "info")

    def __init__(self, kind, traceno, fn, pc, info):
        self.kind = kind
        self.traceno = traceno
        self.fn = fn
        self.pc = pc
        self.info = info

    def line(self):
        """The source line of the event's bytecode position (0 when unknown)."""
        p = getattr(self.fn, "p", None)
        if p is None:
            return 0
        lines = p.proto.lineinfo
        return lines[self.pc] if 0 <= self.pc < len(lines) else p.proto.firstline

    def __repr__(self):
        return "Event(%s, %d, pc=%d, %r)" % (self.kind, self.traceno, self.pc, self.info)


def guard_exit(T, exitno):
    """Whether an "exit" event of trace T is a guard exit, as LuaJIT's texit event and
    -jdump's exit lines count them. Leaving at the last snapshot of a trace that does
    not loop is its end (a link to the interpreter, a return, a stitch): LuaJIT jumps
    to the interpreter there without an exit."""
    if T is None:
        return False
    return exitno != len(T.snap) - 1 or T.loops()


class EventStream:
    def __init__(self):
        self.listeners = []

    def attach(self, listener, first=False):
        """listener(event) is called for every event, in order; `first` puts it before
        the listeners attached so far. A listener may raise (a TraceError aborts the
        trace being recorded); the listeners after it do not see that event."""
        if first:
            self.listeners.insert(0, listener)
        else:
            self.listeners.append(listener)

    def detach(self, listener):
        if listener in self.listeners:
            self.listeners.remove(listener)

    def send(self, event):
        for listener in list(self.listeners):
            listener(event)
