"""LSP positions <-> byte offsets: the one place where the server converts.

Feature functions work on byte offsets into the document's UTF-8 text. LSP
counts lines its own way (`\\n`, `\\r\\n` and `\\r` end a line; LuaJIT also
takes `\\n\\r` as one line end, so the front end's line numbers may differ
from the editor's) and columns in the negotiated encoding: UTF-16 code
units by default, bytes for "utf-8", code points for "utf-32".

Every conversion clamps: a position past the end of a line lands on the line
end, a line past the end of the document lands on the document end. Editors
may send stale or wrong positions and the server must still answer.
"""

import bisect
import re

UTF8, UTF16, UTF32 = "utf-8", "utf-16", "utf-32"

_LINE_END = re.compile(rb"\r\n|\r|\n")


class LineIndex:
    """Line starts of a text (bytes) by LSP's rules, and column conversions."""

    __slots__ = ("text", "starts", "encoding", "_ascii")

    def __init__(self, text: bytes, encoding=UTF16):
        self.text = text
        self.starts = [0] + [m.end() for m in _LINE_END.finditer(text)]
        self.encoding = encoding
        self._ascii = {}        # line -> is the line pure ASCII (columns are bytes)

    def is_ascii(self, line):
        flag = self._ascii.get(line)
        if flag is None:
            start, end = self.line_bounds(line)
            flag = self._ascii[line] = self.text[start:end].isascii()
        return flag

    @property
    def line_count(self):
        return len(self.starts)

    def line_bounds(self, line):
        """(start, end) byte offsets of a 0-based line, without its line end."""
        start = self.starts[line]
        if line + 1 < len(self.starts):
            end = self.starts[line + 1]
            while end > start and self.text[end - 1] in b"\r\n":
                end -= 1
        else:
            end = len(self.text)
        return start, end

    def position(self, offset):
        """Byte offset -> (0-based line, column in the encoding's units)."""
        offset = max(0, min(offset, len(self.text)))
        line = bisect.bisect_right(self.starts, offset) - 1
        start, end = self.line_bounds(line)
        offset = min(offset, end)
        if self.is_ascii(line):
            return line, offset - start
        return line, units(self.text[start:offset], self.encoding)

    def offset(self, line, character):
        """(0-based line, column in units) -> byte offset, clamped to the text."""
        if line < 0:
            return 0
        if line >= len(self.starts):
            return len(self.text)
        start, end = self.line_bounds(line)
        if character <= 0:
            return start
        if self.is_ascii(line):
            return min(start + character, end)
        return start + byte_length(self.text[start:end], character, self.encoding)


def units(prefix: bytes, encoding) -> int:
    """How many columns of `encoding` the UTF-8 bytes `prefix` span."""
    if encoding == UTF8:
        return len(prefix)
    text = prefix.decode("utf-8", "replace")
    if encoding == UTF32:
        return len(text)
    return len(text) + sum(1 for ch in text if ord(ch) > 0xFFFF)


def byte_length(line: bytes, count, encoding) -> int:
    """Bytes of `line` that `count` columns of `encoding` cover (at most the line)."""
    if encoding == UTF8:
        return min(count, len(line))
    text = line.decode("utf-8", "replace")
    if b"\xef\xbf\xbd" not in line and text.encode("utf-8") != line:
        return _byte_length_raw(line, count, encoding)
    n = 0
    for i, ch in enumerate(text):
        if n >= count:
            return len(text[:i].encode("utf-8"))
        n += 2 if encoding == UTF16 and ord(ch) > 0xFFFF else 1
    return len(line)


def _byte_length_raw(line: bytes, count, encoding):
    """byte_length for lines holding invalid UTF-8: walk character by character."""
    pos = n = 0
    while pos < len(line) and n < count:
        size = _char_size(line, pos)
        ch = line[pos:pos + size].decode("utf-8", "replace")
        n += 2 if encoding == UTF16 and len(ch) == 1 and ord(ch) > 0xFFFF else 1
        pos += size
    return pos


def _char_size(line, pos):
    """Length of the UTF-8 sequence at pos (1 for a stray byte)."""
    b = line[pos]
    size = 1 if b < 0xC0 else 2 if b < 0xE0 else 3 if b < 0xF0 else 4
    chunk = line[pos:pos + size]
    try:
        chunk.decode("utf-8")
    except UnicodeDecodeError:
        return 1
    return size


def apply_change(text: bytes, index: LineIndex, start, end, new_text: str) -> bytes:
    """Replace the range (start/end as (line, character)) with new_text."""
    a = index.offset(*start)
    b = index.offset(*end)
    if b < a:
        a, b = b, a
    return text[:a] + encode(new_text) + text[b:]


def encode(text: str) -> bytes:
    """Editor text -> UTF-8 bytes (a lone surrogate becomes U+FFFD)."""
    return text.encode("utf-8", "replace")
