"""SourceFile: one parsed chunk -- source bytes, tokens, tree, diagnostics -- and
the mapping from token indices to editor positions.

Lines are 1-based and counted as LuaJIT counts them; columns are 0-based byte
offsets into the line (UTF-8), convertible to UTF-16 code units for LSP.
"""

import bisect
import re

from .diagnostics import first_error

_NEWLINE = re.compile(rb"\r\n|\n\r|\r|\n")


class Span:
    __slots__ = ("start", "end", "line", "col", "end_line", "end_col")

    def __init__(self, start, end, line, col, end_line, end_col):
        self.start = start
        self.end = end
        self.line = line
        self.col = col
        self.end_line = end_line
        self.end_col = end_col

    def __repr__(self):
        return "Span(%d:%d-%d:%d @%d-%d)" % (self.line, self.col, self.end_line,
                                            self.end_col, self.start, self.end)

    def __eq__(self, other):
        return isinstance(other, Span) and (self.start, self.end) == (other.start, other.end)

    def __hash__(self):
        return hash((self.start, self.end))


class SourceFile:
    def __init__(self, source: bytes, chunkname, tokens):
        self.source = source
        self.chunkname = chunkname
        self.tokens = tokens
        self.chunk = None
        self.diagnostics = []
        self._line_starts = None

    # -- Positions ---------------------------------------------------------------

    @property
    def line_starts(self):
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in _NEWLINE.finditer(self.source)]
        return self._line_starts

    def position(self, offset):
        """(line, byte column) of a byte offset."""
        starts = self.line_starts
        i = bisect.bisect_right(starts, offset) - 1
        return i + 1, offset - starts[i]

    def offset(self, line, col):
        """Byte offset of (line, byte column); clamped to the source."""
        starts = self.line_starts
        if line < 1:
            return 0
        if line > len(starts):
            return len(self.source)
        return min(starts[line - 1] + col, len(self.source))

    def line_text(self, line) -> bytes:
        starts = self.line_starts
        if not 1 <= line <= len(starts):
            return b""
        end = starts[line] if line < len(starts) else len(self.source)
        return self.source[starts[line - 1]:end].rstrip(b"\r\n")

    def utf16_col(self, line, col) -> int:
        """Byte column -> UTF-16 code units (what LSP counts by default)."""
        prefix = self.line_text(line)[:col].decode("utf-8", "replace")
        return len(prefix.encode("utf-16-le")) // 2

    def byte_col(self, line, utf16_col) -> int:
        """UTF-16 column -> byte column."""
        text = self.line_text(line).decode("utf-8", "replace")
        units = 0
        for i, ch in enumerate(text):
            if units >= utf16_col:
                return len(text[:i].encode("utf-8"))
            units += 2 if ord(ch) > 0xFFFF else 1
        return len(text.encode("utf-8"))

    def byte_span(self, node):
        """(start, end) byte offsets of a node from its first and last token (empty
        nodes sit before `first`)."""
        toks = self.tokens
        first, last = node.first, node.last
        if first < 0:
            first = last = 0
        if last < first:
            start = toks.start[min(first, len(toks) - 1)]
            return start, start
        return toks.start[first], toks.end[last]

    def span(self, node) -> Span:
        """Span of a node, with its lines and columns."""
        start, end = self.byte_span(node)
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        return Span(start, end, line, col, end_line, end_col)

    def token_span(self, i) -> Span:
        toks = self.tokens
        start, end = toks.start[i], toks.end[i]
        line, col = self.position(start)
        end_line, end_col = self.position(end)
        return Span(start, end, line, col, end_line, end_col)

    # -- Errors ----------------------------------------------------------------------

    @property
    def has_errors(self) -> bool:
        return first_error(self.diagnostics) is not None

    def first_error(self):
        return first_error(self.diagnostics)

    def error_message(self):
        """LuaJIT's loadstring message for the first error, or None."""
        d = first_error(self.diagnostics)
        return None if d is None else d.format(self.chunkname)
