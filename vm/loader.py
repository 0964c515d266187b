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
        raise LuaSyntaxError(first.format(sf.chunkname), first)
    try:
        return compile_chunk(sf, scopes)
    except CompileError as e:
        d = e.diagnostic
        raise LuaSyntaxError(d.format(sf.chunkname), d) from None


def read_source_file(path):
    """Read a file as luaL_loadfile does. Returns (source bytes, chunkname) or raises OSError."""
    with open(path, "rb") as f:
        return f.read(), "@" + path
