"""Diagnostics of the front end, and LuaJIT's way of naming chunks in messages.

A Diagnostic carries the message body as LuaJIT words it ("'=' expected near
'x'"), the line LuaJIT reports, a byte span for editors, and an order key: the
index of the token that was current when LuaJIT would have raised it, plus a
phase (lexer 0, parser 1, scope checks 2). LuaJIT stops at its first error;
sorting by the key tells which of ours that is.
"""

LUA_IDSIZE = 60

PHASE_LEX, PHASE_PARSE, PHASE_SCOPE, PHASE_COMPILE = range(4)

ERROR, WARNING, INFO, HINT = 1, 2, 3, 4


class Diagnostic:
    __slots__ = ("code", "message", "line", "start", "end", "tok", "phase", "severity")

    def __init__(self, code, message, line, start, end, tok, phase, severity=ERROR):
        self.code = code
        self.message = message
        self.line = line
        self.start = start
        self.end = end
        self.tok = tok
        self.phase = phase
        self.severity = severity

    @property
    def order(self):
        return (self.tok, self.phase)

    def format(self, chunkname) -> str:
        """The message exactly as LuaJIT's loadstring returns it."""
        return "%s:%d: %s" % (short_src(chunkname), self.line, self.message)

    def __repr__(self):
        return "Diagnostic(%r, line %d: %r)" % (self.code, self.line, self.message)


def with_near(message: str, near) -> str:
    """LuaJIT's LJ_ERR_XNEAR: "%s near '%s'" (near may be None: no suffix)."""
    if near is None:
        return message
    return "%s near '%s'" % (message, near)


def short_src(chunkname, builtin=False) -> str:
    """lj_debug_shortname: how a chunk name appears in messages.

    builtin: the chunk is a bytecode builtin (firstline ~0), shown as "[builtin:name]".
    """
    if isinstance(chunkname, bytes):
        chunkname = chunkname.decode("utf-8", "surrogateescape")
    if builtin:
        return "[builtin:%s]" % chunkname
    if chunkname.startswith("="):
        return chunkname[1:LUA_IDSIZE]
    if chunkname.startswith("@"):
        src = chunkname[1:]
        if len(src.encode("utf-8", "surrogateescape")) >= LUA_IDSIZE:
            return "..." + src[len(src) - (LUA_IDSIZE - 4):]
        return src
    n = 0
    while n < len(chunkname) and n < LUA_IDSIZE - 12 and chunkname[n] >= " ":
        n += 1
    if n < len(chunkname) and chunkname[n] != "\0":  # C string: NUL ends it
        return '[string "%s..."]' % chunkname[:min(n, LUA_IDSIZE - 15)]
    return '[string "%s"]' % chunkname[:n]


def chunk_loc(chunkname) -> str:
    """The chunk part of jit.util.funcinfo().loc (lj_debug_pushloc): basename for '@'."""
    if isinstance(chunkname, bytes):
        chunkname = chunkname.decode("utf-8", "surrogateescape")
    if chunkname.startswith("@"):
        name = chunkname[1:]
        cut = max(name.rfind("/"), name.rfind("\\"))
        return name[cut + 1:] if cut > 0 else name
    if len(chunkname.encode("utf-8", "surrogateescape")) > 40:
        return None
    if chunkname.startswith("="):
        return chunkname[1:]
    return '"%s"' % chunkname


def first_error(diagnostics):
    """The error LuaJIT would report: the earliest by order key."""
    errors = [d for d in diagnostics if d.severity == ERROR]
    return min(errors, key=lambda d: d.order) if errors else None
