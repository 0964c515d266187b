"""Lua 5.1 patterns, matched exactly as LuaJIT 2.1 matches them (lib_string.c).

A pattern is parsed once into a chain of nodes (cached by its bytes). Matching
follows LuaJIT's backtracking matcher step for step: the same preference order,
the same recursion (so "pattern too complex" comes at the same depth), and the
same lazy errors -- a malformed piece of a pattern is only an error when the
matcher reaches it, exactly as in C.

Patterns that cannot raise an error anywhere (well-formed, balanced captures,
back-references to closed captures, no %b, few enough nested repetitions) are
also translated to an equivalent Python regular expression, which finds the same
match with the same captures much faster: Python's `re` is a backtracking matcher
with the same preference order for * + ? and lazy *?.

Subjects are bytes; positions are 0-based indices. LuaJIT treats the pattern as
a C string, so it ends at its first NUL byte.
"""

import re

LUA_MAXCAPTURES = 32
LJ_MAX_XLEVEL = 200             # match() nesting limit: "pattern too complex"
CAP_UNFINISHED = -1
CAP_POSITION = -2

ERR_PATB = "missing '[' after '%f' in pattern"
ERR_PATC = "invalid pattern capture"
ERR_PATE = "malformed pattern (ends with '%')"
ERR_PATM = "malformed pattern (missing ']')"
ERR_PATU = "unbalanced pattern"
ERR_PATX = "pattern too complex"
ERR_CAPI = "invalid capture index"
ERR_CAPN = "too many captures"
ERR_CAPU = "unfinished capture"


class PatternError(Exception):
    """A pattern error; the library raises it as a Lua error with the caller's location."""

    def __init__(self, msg):
        super().__init__(msg)
        self.msg = msg


# -- Character classes (lj_char.c: ASCII only) ------------------------------------------

CNTRL, SPACE, PUNCT, DIGIT, XDIGIT, UPPER, LOWER = 0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40
ALPHA = LOWER | UPPER
ALNUM = ALPHA | DIGIT
GRAPH = ALNUM | PUNCT


def _char_bits(c):
    bits = 0
    if c < 32 or c == 127:
        bits |= CNTRL
    if c in b" \t\n\v\f\r":
        bits |= SPACE
    if 33 <= c <= 126 and not chr(c).isalnum():
        bits |= PUNCT
    if 48 <= c <= 57:
        bits |= DIGIT | XDIGIT
    if 65 <= c <= 70 or 97 <= c <= 102:
        bits |= XDIGIT
    if 65 <= c <= 90:
        bits |= UPPER
    if 97 <= c <= 122:
        bits |= LOWER
    return bits


CHAR_BITS = bytes(_char_bits(c) for c in range(256))

# match_class_map: the class letter's low 5 bits -> character type.
_CLASS_MAP = {1: ALPHA, 3: CNTRL, 4: DIGIT, 7: GRAPH, 12: LOWER, 16: PUNCT, 19: SPACE,
              21: UPPER, 23: ALNUM, 24: XDIGIT}


def match_class(c: int, cl: int) -> bool:
    """Does byte c belong to class %cl (a letter class, %z, or cl itself)?"""
    if cl & 0xC0 == 0x40:
        t = _CLASS_MAP.get(cl & 0x1F)
        if t:
            r = bool(CHAR_BITS[c] & t)
            return r if cl & 0x20 else not r
        if cl == 0x7A:          # 'z'
            return c == 0
        if cl == 0x5A:          # 'Z'
            return c != 0
    return cl == c


def _bracket(p: bytes, start: int, ec: int, c: int) -> bool:
    """matchbracketclass: p[start] is '[', p[ec] its closing ']'."""
    sig = True
    i = start
    if p[i + 1] == 0x5E:        # '^'
        sig = False
        i += 1
    i += 1
    while i < ec:
        ch = p[i]
        if ch == 0x25:          # '%'
            i += 1
            if match_class(c, p[i]):
                return sig
        elif p[i + 1] == 0x2D and i + 2 < ec:       # a range x-y
            i += 2
            if p[i - 2] <= c <= p[i]:
                return sig
        elif ch == c:
            return sig
        i += 1
    return not sig


def _table(pred) -> bytes:
    return bytes(1 if pred(c) else 0 for c in range(256))


_ANY = b"\x01" * 256


def class_re(table: bytes) -> bytes:
    """A regular expression matching one byte of the set (a never-matching one if empty)."""
    parts = []
    c = 0
    while c < 256:
        if table[c]:
            d = c
            while d + 1 < 256 and table[d + 1]:
                d += 1
            parts.append(b"\\x%02x" % c if c == d else b"\\x%02x-\\x%02x" % (c, d))
            c = d + 1
        else:
            c += 1
    if not parts:
        return b"[^\\x00-\\xff]"       # matches nothing, and can be repeated
    return b"[" + b"".join(parts) + b"]"


# -- Parsing: the chain of nodes the matcher walks ---------------------------------------

# Node kinds. A node is a tuple (kind, x, y); the next node follows it in the list.
N_END, N_OPEN, N_POS, N_CLOSE, N_EOS, N_BAL, N_FRONT, N_BREF, N_ONE, N_ERR = range(10)
# Quantifiers of a single-character item (N_ONE's y).
Q_ONE, Q_OPT, Q_STAR, Q_PLUS, Q_MIN = range(5)
_QUANT = {0x3F: Q_OPT, 0x2A: Q_STAR, 0x2B: Q_PLUS, 0x2D: Q_MIN}


class _Single:
    """A single-character item: its byte set, and a regex that measures a run of it."""
    __slots__ = ("table", "run", "rx")

    def __init__(self, table):
        self.table = table
        self.rx = class_re(table)
        self.run = re.compile(self.rx + b"*").match


def _classend(p: bytes, i: int) -> int:
    """End of the single-character class at p[i] (LuaJIT's classend); raises on errors."""
    n = len(p)
    ch = p[i]
    i += 1
    if ch == 0x25:              # '%'
        if i >= n:
            raise PatternError(ERR_PATE)
        return i + 1
    if ch == 0x5B:              # '['
        if i < n and p[i] == 0x5E:
            i += 1
        while True:             # look for a ']'
            if i >= n:
                raise PatternError(ERR_PATM)
            c = p[i]
            i += 1
            if c == 0x25 and i < n:
                i += 1          # skip escapes (e.g. '%]')
            if i < n and p[i] == 0x5D:
                return i + 1
    return i


def _single(p: bytes, i: int, ep: int) -> _Single:
    ch = p[i]
    if ch == 0x2E:              # '.'
        return _Single(_ANY)
    if ch == 0x25:
        cl = p[i + 1]
        return _Single(_table(lambda c: match_class(c, cl)))
    if ch == 0x5B:
        pz = p + b"\0\0"        # the C code may peek at the NUL terminator
        return _Single(_table(lambda c: _bracket(pz, i, ep - 1, c)))
    return _Single(_table(lambda c: c == ch))


def parse(p: bytes):
    """The node chain of pattern p (already cut at NUL, anchor removed)."""
    nodes = []
    n = len(p)
    i = 0
    while True:
        if i >= n:
            nodes.append((N_END, 0, 0))
            return nodes
        ch = p[i]
        try:
            i = _parse_item(p, i, ch, nodes)
        except PatternError as e:
            nodes.append((N_ERR, e.msg, 0))
            return nodes


def _parse_item(p, i, ch, nodes):
    """Append the node at p[i]; returns the index of the next item."""
    n = len(p)
    if ch == 0x28:              # '('
        if i + 1 < n and p[i + 1] == 0x29:
            nodes.append((N_POS, 0, 0))
            return i + 2
        nodes.append((N_OPEN, 0, 0))
        return i + 1
    if ch == 0x29:              # ')'
        nodes.append((N_CLOSE, 0, 0))
        return i + 1
    if ch == 0x24 and i + 1 == n:       # '$' at the end
        nodes.append((N_EOS, 0, 0))
        return i + 1
    if ch == 0x25 and i + 1 < n:
        nx = p[i + 1]
        if nx == 0x62:          # %b
            if i + 3 >= n:
                raise PatternError(ERR_PATU)
            nodes.append((N_BAL, p[i + 2], p[i + 3]))
            return i + 4
        if nx == 0x66:          # %f
            j = i + 2
            if j >= n or p[j] != 0x5B:
                raise PatternError(ERR_PATB)
            ep = _classend(p, j)
            nodes.append((N_FRONT, _single(p, j, ep), 0))
            return ep
        if 48 <= nx <= 57:      # %0-%9: back-reference
            nodes.append((N_BREF, nx - 49, 0))
            return i + 2
    ep = _classend(p, i)
    item = _single(p, i, ep)
    q = _QUANT.get(p[ep]) if ep < n else None
    if q is None:
        nodes.append((N_ONE, item, Q_ONE))
        return ep
    nodes.append((N_ONE, item, q))
    return ep + 1


# -- Translation to a Python regular expression ------------------------------------------

def translate(nodes):
    """(regex, position-capture flags) for a pattern that can never raise, else None."""
    out = []
    open_caps = []              # indices of unfinished captures
    closed = set()
    poscaps = []
    depth = 1
    for kind, x, y in nodes:
        if kind == N_END:
            break
        if kind in (N_ERR, N_BAL):
            return None
        if kind == N_OPEN or kind == N_POS:
            if len(poscaps) >= LUA_MAXCAPTURES:
                return None
            depth += 1
            if kind == N_POS:
                closed.add(len(poscaps))
                poscaps.append(True)
                out.append(b"()")
            else:
                open_caps.append(len(poscaps))
                poscaps.append(False)
                out.append(b"(")
        elif kind == N_CLOSE:
            if not open_caps:
                return None
            depth += 1
            closed.add(open_caps.pop())
            out.append(b")")
        elif kind == N_EOS:
            out.append(b"\\Z")
        elif kind == N_FRONT:
            out.append(_frontier_re(x.table))
        elif kind == N_BREF:
            if x not in closed or poscaps[x]:
                return None
            out.append(b"(?:\\%d)" % (x + 1))
        else:
            out.append(x.rx + (b"", b"?", b"*", b"+", b"*?")[y])
            if y != Q_ONE:
                depth += 1
    if open_caps or depth > LJ_MAX_XLEVEL:
        return None
    return re.compile(b"".join(out)), tuple(poscaps)


def _frontier_re(table: bytes) -> bytes:
    """%f[set]: the previous byte (NUL at the start) is not in the set, the current
    byte (NUL at the end) is."""
    inset = class_re(table)
    outset = class_re(bytes(1 - b for b in table))
    prev = b"(?<=" + outset + b")" if table[0] else b"(?<!" + inset + b")"
    cur = b"(?:(?=" + inset + b")|\\Z)" if table[0] else b"(?=" + inset + b")"
    return prev + cur


# -- The compiled pattern ------------------------------------------------------------------

class Pattern:
    """A parsed pattern. search() finds the first match at or after a position."""
    __slots__ = ("nodes", "regex", "poscaps", "first")

    def __init__(self, p: bytes):
        self.nodes = parse(p)
        tr = translate(self.nodes)
        self.regex, self.poscaps = tr if tr is not None else (None, ())
        self.first = _first_byte_re(self.nodes)

    def search(self, s: bytes, start: int, anchored: bool):
        """The first match starting at start (only there if anchored), or None.

        A match is (begin, end, captures); captures is a list of (init, len) with
        len CAP_POSITION for a position capture and CAP_UNFINISHED for a capture
        the pattern never closed.
        """
        rx = self.regex
        if rx is not None:
            m = rx.match(s, start) if anchored else rx.search(s, start)
            if m is None:
                return None
            regs = m.regs
            caps = [(b, CAP_POSITION if pos else e - b)
                    for (b, e), pos in zip(regs[1:], self.poscaps)]
            return regs[0][0], regs[0][1], caps
        return self.search_native(s, start, anchored)

    def search_native(self, s: bytes, start: int, anchored: bool):
        """search() without the regex translation (for testing the translation)."""
        if not anchored and self.first is not None:
            m = self.first.search(s, start)
            if m is None:
                return None
            start = m.start()
        return _Matcher(self.nodes, s, self.first).search(start, anchored)


def _first_byte_re(nodes):
    """A regex finding the next position where a match can start, when the pattern
    must begin with a byte of a known set (skipping the other positions is exact:
    at them the matcher fails on its first node without any error)."""
    kind, x, y = nodes[0]
    if kind == N_ONE and y in (Q_ONE, Q_PLUS):
        return re.compile(x.rx)
    if kind == N_BAL:
        return re.compile(re.escape(bytes((x,))))
    return None


_CACHE = {}
_CACHE_MAX = 512


def compile_pattern(p: bytes) -> Pattern:
    """The Pattern for p (cut at its first NUL byte), cached."""
    pat = _CACHE.get(p)
    if pat is None:
        z = p.find(b"\0")
        pat = Pattern(p if z < 0 else p[:z])
        if len(_CACHE) >= _CACHE_MAX:
            _CACHE.clear()
        _CACHE[p] = pat
    return pat


# -- The backtracking matcher (LuaJIT's match() and helpers) -------------------------------

class _Matcher:
    __slots__ = ("nodes", "s", "n", "level", "depth", "cinit", "clen", "first")

    def __init__(self, nodes, s, first=None):
        self.nodes = nodes
        self.s = s
        self.n = len(s)
        self.cinit = [0] * LUA_MAXCAPTURES
        self.clen = [0] * LUA_MAXCAPTURES
        self.first = first

    def search(self, start, anchored):
        n = self.n
        while True:
            self.level = self.depth = 0
            e = self.match(start, 0)
            if e >= 0:
                caps = [(self.cinit[i], self.clen[i]) for i in range(self.level)]
                return start, e, caps
            start += 1
            if anchored or start > n:
                return None
            if self.first is not None:
                m = self.first.search(self.s, start)
                if m is None:
                    return None
                start = m.start()

    def match(self, si, ni):
        """Match nodes[ni:] at s[si:]: the end of the match, or -1."""
        self.depth += 1
        if self.depth > LJ_MAX_XLEVEL:
            raise PatternError(ERR_PATX)
        nodes = self.nodes
        s = self.s
        n = self.n
        while True:
            kind, x, y = nodes[ni]
            if kind == N_ONE:
                m = si < n and x.table[s[si]]
                if y == Q_ONE:
                    if m:
                        si += 1
                        ni += 1
                        continue
                    si = -1
                elif y == Q_STAR:
                    si = self.max_expand(si, x, ni + 1)
                elif y == Q_PLUS:
                    si = self.max_expand(si + 1, x, ni + 1) if m else -1
                elif y == Q_MIN:
                    si = self.min_expand(si, x, ni + 1)
                else:                   # Q_OPT
                    if m:
                        r = self.match(si + 1, ni + 1)
                        if r >= 0:
                            si = r
                            break
                    ni += 1
                    continue
                break
            if kind == N_END:
                break
            if kind == N_OPEN or kind == N_POS:
                si = self.start_capture(si, ni + 1, CAP_UNFINISHED if kind == N_OPEN
                                        else CAP_POSITION)
                break
            if kind == N_CLOSE:
                si = self.end_capture(si, ni + 1)
                break
            if kind == N_EOS:
                if si != n:
                    si = -1
                break
            if kind == N_BAL:
                si = self.match_balance(si, x, y)
                if si < 0:
                    break
                ni += 1
                continue
            if kind == N_FRONT:
                t = x.table
                prev = s[si - 1] if si > 0 else 0
                cur = s[si] if si < n else 0
                if t[prev] or not t[cur]:
                    si = -1
                    break
                ni += 1
                continue
            if kind == N_BREF:
                si = self.match_capture(si, x)
                if si < 0:
                    break
                ni += 1
                continue
            raise PatternError(x)       # N_ERR
        self.depth -= 1
        return si

    def max_expand(self, si, item, ni):
        i = item.run(self.s, si).end() - si if si <= self.n else 0
        while i >= 0:
            r = self.match(si + i, ni)
            if r >= 0:
                return r
            i -= 1
        return -1

    def min_expand(self, si, item, ni):
        s = self.s
        n = self.n
        t = item.table
        while True:
            r = self.match(si, ni)
            if r >= 0:
                return r
            if si < n and t[s[si]]:
                si += 1
            else:
                return -1

    def start_capture(self, si, ni, what):
        level = self.level
        if level >= LUA_MAXCAPTURES:
            raise PatternError(ERR_CAPN)
        self.cinit[level] = si
        self.clen[level] = what
        self.level = level + 1
        r = self.match(si, ni)
        if r < 0:
            self.level -= 1
        return r

    def end_capture(self, si, ni):
        clen = self.clen
        for l in range(self.level - 1, -1, -1):
            if clen[l] == CAP_UNFINISHED:
                break
        else:
            raise PatternError(ERR_PATC)
        clen[l] = si - self.cinit[l]
        r = self.match(si, ni)
        if r < 0:
            clen[l] = CAP_UNFINISHED
        return r

    def match_capture(self, si, l):
        if l < 0 or l >= self.level or self.clen[l] == CAP_UNFINISHED:
            raise PatternError(ERR_CAPI)
        ln = self.clen[l]
        if ln < 0:              # a position capture: its length reads as huge in C
            return -1
        init = self.cinit[l]
        s = self.s
        if self.n - si >= ln and s[init:init + ln] == s[si:si + ln]:
            return si + ln
        return -1

    def match_balance(self, si, b, e):
        s = self.s
        n = self.n
        if si >= n or s[si] != b:
            return -1
        cont = 1
        si += 1
        while si < n:
            c = s[si]
            if c == e:
                cont -= 1
                if cont == 0:
                    return si + 1
            elif c == b:
                cont += 1
            si += 1
        return -1


# -- Captures as values ----------------------------------------------------------------------

def capture(s: bytes, caps, i: int, begin: int, end: int):
    """push_onecapture: capture i as bytes (or an int position), the whole match for
    capture 0 of a pattern without captures."""
    if i >= len(caps):
        if i == 0:
            return s[begin:end]
        raise PatternError(ERR_CAPI)
    init, ln = caps[i]
    if ln == CAP_UNFINISHED:
        raise PatternError(ERR_CAPU)
    if ln == CAP_POSITION:
        return init + 1
    return s[init:init + ln]


def captures(s: bytes, caps, begin: int, end: int, whole: bool):
    """push_captures: all captures, or the whole match when there are none and whole."""
    if not caps:
        return [s[begin:end]] if whole else []
    return [capture(s, caps, i, begin, end) for i in range(len(caps))]
