"""The front end as one call: source -> checked tree -> bytecode.

load() is what the runtime's load/loadstring/loadfile and the CLI use; it
returns LuaJIT's message for the first error, exactly as loadstring would.
"""

from .compiler import CompileError, compile_chunk
from .parser import parse
from .scopes import resolve


class LuaSyntaxError(Exception):
    """A chunk that does not compile; str() is LuaJIT's message."""

    def __init__(self, message, diagnostic=None):
        super().__init__(message)
        self.message = message
        self.diagnostic = diagnostic


def analyze(source, chunkname="=?"):
    """Parse and resolve scopes: (SourceFile, Scopes). Never raises on bad input."""
    sf = parse(source, chunkname)
    scopes = resolve(sf)
    return sf, scopes


def load(source, chunkname="=?"):
    """Compile a chunk to its main Proto, or raise LuaSyntaxError."""
    sf, scopes = analyze(source, chunkname)
    first = sf.first_error()
    if first is not None:
        first = _compile_error_before(sf, scopes, first) or first
        raise LuaSyntaxError(first.format(sf.chunkname), first)
    try:
        return compile_chunk(sf, scopes)
    except CompileError as e:
        d = e.diagnostic
        raise LuaSyntaxError(d.format(sf.chunkname), d) from None


def _compile_error_before(sf, scopes, first):
    """A compile-time error (too many slots or constants, a jump too long) that
    LuaJIT would meet before `first`, the first syntax or scope error.

    LuaJIT generates code while it parses, so such an error wins when it comes
    earlier in the source. The tree holds everything before `first`; compiling
    it stops at the first compile error or fails where the broken part starts.
    """
    try:
        compile_chunk(sf, scopes)
    except CompileError as e:
        if e.diagnostic.order < first.order:
            return e.diagnostic
    except Exception:  # the tree is incomplete at `first`: nothing earlier failed
        pass
    return None


def read_source_file(path):
    """Read a file as luaL_loadfile does. Returns (source bytes, chunkname) or raises OSError."""
    with open(path, "rb") as f:
        return f.read(), "@" + path
