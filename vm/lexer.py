"""Lexer: Lua 5.1 source bytes -> token arrays, with LuaJIT 2.1's rules (lj_lex.c).

One master regular expression finds the next token; Python code handles only
what a regex cannot (long brackets, escapes, number conversion). The lexer
never raises: on bad input it records a Diagnostic with LuaJIT's message and
goes on with a best-effort token.

Line numbers follow LuaJIT: "\\n", "\\r", "\\r\\n" and "\\n\\r" each end one
line, and a token's `eline` is the line the lexer is on after it (LuaJIT's
ls->linenumber), which differs from `line` only for tokens spanning lines.
"""

import re

from .diagnostics import Diagnostic, PHASE_LEX, with_near
from .numbers import scan_number, is_ffi_literal
from .tokens import KEYWORDS, OPERATORS, TK_eof, TK_name, TK_number, TK_string

# Numbers take what lj_lex.c's lex_number takes: identifier bytes, '.', and a sign
# after the exponent letter, which is 'p' when the first digit is "0x" (even after
# a leading '.', as in ".0x1p-2", a malformed number) and 'e' otherwise.
_TOKEN = re.compile(rb"""
[ \t\v\f]*(?:
  (\r\n|\n\r|\r|\n)                                               # 1 newline
| ([A-Za-z_\x80-\xff][A-Za-z0-9_\x80-\xff]*)                      # 2 name
| (\.?0[xX](?:[A-Za-z0-9_\x80-\xff.]|(?<=[pP])[+-])*
   |(?:[0-9]|\.[0-9])(?:[A-Za-z0-9_\x80-\xff.]|(?<=[eE])[+-])*)   # 3 number
| ("[^"\\\r\n]*"|'[^'\\\r\n]*')                                   # 4 plain string
| (--)                                                            # 5 comment
| (\[=*\[|\[=+)                                                   # 6 long bracket
| (\.\.\.|\.\.|==|>=|<=|~=|::)                                    # 7 operator
| (["'])                                                          # 8 string with escapes
| ([^ \t\v\f])                                                   # 9 any other byte
)""", re.X | re.S)

_NEWLINE = re.compile(rb"\r\n|\n\r|\r|\n")
_LONG_OPEN = re.compile(rb"\[(=*)\[")
_COMMENT_REST = re.compile(rb"[^\r\n]*")
_ESCAPES = {ord("a"): 7, ord("b"): 8, ord("f"): 12, ord("n"): 10, ord("r"): 13,
            ord("t"): 9, ord("v"): 11, ord("\\"): 92, ord('"'): 34, ord("'"): 39}
_SPACE = b" \t\n\v\f\r"
_HEX = b"0123456789abcdefABCDEF"


class Tokens:
    """Parallel arrays, one entry per token; the last token is <eof>."""
    __slots__ = ("kind", "value", "start", "end", "line", "eline", "source")

    def __init__(self, source):
        self.source = source
        self.kind = []
        self.value = []
        self.start = []
        self.end = []
        self.line = []
        self.eline = []

    def __len__(self):
        return len(self.kind)

    def text(self, i) -> bytes:
        return self.source[self.start[i]:self.end[i]]


def count_lines(text: bytes) -> int:
    """Number of line ends in `text`, paired as LuaJIT pairs them."""
    if b"\n" not in text and b"\r" not in text:
        return 0
    return len(_NEWLINE.findall(text))


def lex(source: bytes):
    """Return (Tokens, diagnostics) for `source`."""
    return _Lexer(source).run()


class _Lexer:
    def __init__(self, source):
        self.src = source
        self.toks = Tokens(source)
        self.diags = []
        self.line = 1
        self.names = {}

    # -- Errors --------------------------------------------------------------

    def error(self, message, near, start, end, line=None):
        if line is None:
            line = self.line
        tok = len(self.toks.kind)
        self.diags.append(Diagnostic("syntax", with_near(message, near), line,
                                     start, end, tok, PHASE_LEX))

    # -- Main loop -----------------------------------------------------------

    def run(self):
        src = self.src
        pos = self.skip_header()
        toks = self.toks
        # The per-token work: bound appends, the line in a local (written back
        # to self.line around the helpers that count lines themselves).
        kind, value, start, end = (toks.kind.append, toks.value.append,
                                   toks.start.append, toks.end.append)
        line_, eline = toks.line.append, toks.eline.append
        names = self.names
        keywords = KEYWORDS
        operators = OPERATORS
        match = _TOKEN.match
        size = len(src)
        line = self.line
        while True:
            m = match(src, pos)
            if m is None:
                break
            pos = m.end()
            g = m.lastindex
            if g == 1:
                line += 1
                continue
            if g == 2:
                text = m.group(2)
                k = keywords.get(text)
                if k is None:
                    k = TK_name
                    v = names.get(text)
                    if v is None:
                        v = names[text] = text.decode("utf-8", "surrogateescape")
                else:
                    v = None
            elif g == 9:
                k = src[pos - 1]
                v = None
            elif g == 7:
                k = operators[m.group(7)]
                v = None
            elif g == 3:
                self.line = line
                k, v = TK_number, self.number(m.group(3), m.start(3), pos)
            elif g == 4:
                k, v = TK_string, m.group(4)[1:-1]
            elif g == 5:
                self.line = line
                pos = self.comment(pos)
                line = self.line
                continue
            elif g == 6:
                s = m.start(6)
                self.line = line
                k, v, pos = self.long_bracket(m.group(6), s, pos)
                line = self.line
                if k is None:
                    continue
                self.push(k, v, s, pos)
                continue
            else:
                s = m.start(8)
                self.line = line
                v, pos = self.string(s)
                line = self.line
                self.push(TK_string, v, s, pos)
                continue
            kind(k)
            value(v)
            start(m.start(g))
            end(pos)
            line_(line)
            eline(line)
        self.line = line
        if pos < size:  # only trailing blanks can be left
            pos = size
        self.push(TK_eof, None, size, size)
        return toks, self.diags

    def push(self, k, v, s, e):
        """Append a token that may span lines (self.line is already past it)."""
        toks = self.toks
        toks.kind.append(k)
        toks.value.append(v)
        toks.start.append(s)
        toks.end.append(e)
        toks.line.append(self.line - count_lines(self.src[s:e]))
        toks.eline.append(self.line)

    def skip_header(self) -> int:
        """Skip a UTF-8 BOM and a '#' first line, as lj_lex_setup does."""
        src = self.src
        pos = 3 if src.startswith(b"\xef\xbb\xbf") else 0
        if src[pos:pos + 1] == b"#":
            m = _COMMENT_REST.match(src, pos)
            pos = m.end()
        return pos

    # -- Numbers ---------------------------------------------------------------

    def number(self, text, s, e):
        n = scan_number(text)
        if n is None:
            if is_ffi_literal(text):
                self.error("FFI number literals are not supported", _near(text), s, e)
            else:
                self.error("malformed number", _near(text), s, e)
            return 0.0
        return n

    # -- Comments and long brackets ------------------------------------------------

    def comment(self, pos):
        """Skip a comment whose '--' ends at pos; return the position after it."""
        src = self.src
        m = _LONG_OPEN.match(src, pos)
        if m is not None:
            end = self.long_close(m.group(1), m.end())
            if end is None:
                self.line += count_lines(src[pos:])
                self.error("unfinished long comment", "<eof>", pos - 2, len(src))
                return len(src)
            self.line += count_lines(src[pos:end])
            return end
        return _COMMENT_REST.match(src, pos).end()

    def long_close(self, eqs, pos):
        """Position after the ']=*]' closing a long bracket opened with `eqs`, or None."""
        close = b"]" + eqs + b"]"
        i = self.src.find(close, pos)
        return None if i < 0 else i + len(close)

    def long_bracket(self, opener, s, pos):
        """A long string (or an invalid delimiter) starting at s. Returns (kind, value, pos)."""
        src = self.src
        if not opener.endswith(b"[", 1):
            self.error("invalid long string delimiter", _near(opener), s, pos)
            return None, None, pos
        eqs = opener[1:-1]
        end = self.long_close(eqs, pos)
        if end is None:
            self.line += count_lines(src[pos:])
            self.error("unfinished long string", "<eof>", s, len(src))
            return TK_string, _long_value(src[pos:]), len(src)
        self.line += count_lines(src[pos:end])
        return TK_string, _long_value(src[pos:end - len(eqs) - 2]), end

    # -- Strings with escapes ----------------------------------------------------

    def string(self, s):
        """Scan a quoted string starting at s, processing escapes like lex_string.

        Returns (value, position after the string).
        """
        src = self.src
        size = len(src)
        delim = src[s]
        buf = bytearray()
        pos = s + 1
        plain = re.compile(b"[^" + re.escape(bytes((delim,))) + rb"\\\r\n]*")
        while True:
            m = plain.match(src, pos)
            buf += m.group()
            pos = m.end()
            if pos >= size:
                self.error("unfinished string", "<eof>", s, size)
                return bytes(buf), size
            c = src[pos]
            if c == delim:
                return bytes(buf), pos + 1
            if c in (10, 13):
                near = _near(bytes((delim,)) + bytes(buf))
                self.error("unfinished string", near, s, pos)
                return bytes(buf), pos
            pos = self.escape(s, pos + 1, buf, delim)

    def escape(self, s, pos, buf, delim):
        """Process the escape after a backslash at pos-1; return the next position."""
        src = self.src
        if pos >= len(src):
            return pos
        c = src[pos]
        e = _ESCAPES.get(c)
        if e is not None:
            buf.append(e)
            return pos + 1
        if c in (10, 13):
            buf.append(10)
            return self.newline(pos)
        if c == 0x78:  # \xXX
            h = src[pos + 1:pos + 3]
            if len(h) == 2 and h[0] in _HEX and h[1] in _HEX:
                buf.append(int(h, 16))
                return pos + 3
            return self.bad_escape(s, pos, buf, delim)
        if c == 0x75:  # \u{XXX}
            return self.unicode_escape(s, pos, buf, delim)
        if c == 0x7A:  # \z
            pos += 1
            while pos < len(src) and src[pos] in _SPACE:
                if src[pos] in (10, 13):
                    pos = self.newline(pos)
                else:
                    pos += 1
            return pos
        if 0x30 <= c <= 0x39:
            digits = src[pos:pos + 3]
            n = 0
            i = 0
            while i < len(digits) and 0x30 <= digits[i] <= 0x39:
                n = n * 10 + digits[i] - 0x30
                i += 1
            if n > 255:
                return self.bad_escape(s, pos, buf, delim)
            buf.append(n)
            return pos + i
        return self.bad_escape(s, pos, buf, delim)

    def unicode_escape(self, s, pos, buf, delim):
        src = self.src
        m = re.compile(rb"u\{([0-9a-fA-F]+)\}").match(src, pos)
        if m is None:
            return self.bad_escape(s, pos, buf, delim)
        c = int(m.group(1), 16)
        if c >= 0x110000 or 0xD800 <= c < 0xE000:
            return self.bad_escape(s, pos, buf, delim)
        buf += chr(c).encode("utf-8", "surrogatepass")
        return m.end()

    def bad_escape(self, s, pos, buf, delim):
        near = _near(bytes((delim,)) + bytes(buf))
        self.error("invalid escape sequence", near, s, pos + 1)
        return pos + 1

    def newline(self, pos):
        """Skip one line end at pos (counting it); return the position after it."""
        self.line += 1
        m = _NEWLINE.match(self.src, pos)
        return m.end()


def _long_value(body: bytes) -> bytes:
    """Content of a long bracket: drop a first line end, normalise line ends to \\n."""
    if body[:1] in (b"\n", b"\r"):
        body = body[_NEWLINE.match(body).end():]
    if b"\r" in body:
        body = _NEWLINE.sub(b"\n", body)
    return body


def _near(text: bytes) -> str:
    # LuaJIT formats the near text as a C string: it ends at the first NUL.
    return text.split(b"\0", 1)[0].decode("utf-8", "surrogateescape")


def near_text(toks: Tokens, i: int) -> str:
    """What LuaJIT prints after "near" when token i is current (lj_lex_error).

    None for a NUL byte: LuaJIT's token 0 gets no "near" part at all.
    """
    from .tokens import token2str
    k = toks.kind[i]
    if k == 0:
        return None
    if k == TK_name or k == TK_number:
        return _near(toks.text(i))
    if k == TK_string:
        raw = toks.text(i)
        if raw[:1] == b"[":
            level = raw.index(b"[", 1) + 1
            opener, closer = raw[:level], b"]" + raw[1:level - 1] + b"]"
            return _near(opener + toks.value[i] + closer)
        return _near(raw[:1] + toks.value[i] + raw[:1])
    return token2str(k)
