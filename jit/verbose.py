"""The -jv printer: LuaJIT 2.1's jit/v.lua output, line for line, from the event stream.

    [TRACE   1 loop.lua:3 loop]
    [TRACE --- loop.lua:5 -- NYI: bytecode 51 at loop.lua:6]
    [TRACE   2 (1/3) loop.lua:8 -> 1]
"""

from ..vm.diagnostics import chunk_loc
from ..vm.lib.ffid import FFNAMES
from .traceerr import TRACEERR_TEXT


def funcloc(fn, pc):
    """jit.util.funcinfo(fn, pc).loc, or the builtin's name (fmtfunc in v.lua)."""
    p = getattr(fn, "p", None)
    if p is None:
        return FFNAMES[fn.ffid] if fn is not None and fn.ffid > 1 else "(?)"
    proto = p.proto
    if proto.firstline < 0:
        return "builtin:%s" % proto.chunkname.decode("utf-8", "surrogateescape")
    lines = proto.lineinfo
    line = lines[pc] if 0 <= pc < len(lines) else 0
    chunk = chunk_loc(proto.chunkname)
    if chunk is None:
        return "%s:%d" % ("0x%012x" % p.addr, line)
    return "%s:%d" % (chunk, line)


def format_error(code, info):
    text = TRACEERR_TEXT[code]
    if "%" in text:
        if hasattr(info, "p") or hasattr(info, "ffid"):
            info = funcloc(info, 0)
        return text % info
    return text


class Verbose:
    """Attach to a Jit's events and write -jv lines to out (a text stream)."""

    def __init__(self, jit, out):
        self.jit = jit
        self.out = out
        self.startloc = ""
        self.startex = ""
        jit.events.attach(self.on_event)

    def on_event(self, ev):
        w = self.out.write
        if ev.kind == "start":
            self.startloc = funcloc(ev.fn, ev.pc)
            parent = ev.info.get("parent")
            if parent is not None:
                ex = ev.info["exitno"]
                self.startex = "(%d/%s) " % (parent, "stitch" if ex == -1 else ex)
            else:
                self.startex = ""
            return
        if ev.kind == "abort":
            loc = funcloc(ev.fn, ev.pc)
            err = format_error(ev.info["error"], ev.info.get("info"))
            if loc != self.startloc:
                w("[TRACE --- %s%s -- %s at %s]\n" % (self.startex, self.startloc, err, loc))
            else:
                w("[TRACE --- %s%s -- %s]\n" % (self.startex, self.startloc, err))
        elif ev.kind == "stop":
            T = self.jit.traces[ev.traceno]
            link, ltype = T.link, T.linktype
            tr = ev.traceno
            if ltype == "interpreter":
                w("[TRACE %3s %s%s -- fallback to interpreter]\n" % (tr, self.startex,
                                                                    self.startloc))
            elif ltype == "stitch":
                w("[TRACE %3s %s%s %s %s]\n" % (tr, self.startex, self.startloc, ltype,
                                               funcloc(ev.fn, ev.pc)))
            elif link == tr or link == 0:
                w("[TRACE %3s %s%s %s]\n" % (tr, self.startex, self.startloc, ltype))
            elif ltype == "root":
                w("[TRACE %3s %s%s -> %d]\n" % (tr, self.startex, self.startloc, link))
            else:
                w("[TRACE %3s %s%s -> %d %s]\n" % (tr, self.startex, self.startloc, link,
                                                  ltype))
        elif ev.kind == "flush":
            w("[TRACE flush]\n")
        else:
            return
        self.out.flush()
