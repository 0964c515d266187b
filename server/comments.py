"""Comments, LuaDoc annotations and `---@diagnostic` directives.

The front end drops comments, but they are easy to find again: the lexer's
tokens cover everything except blanks and comments (and the `#!` first line),
so every comment lies in a gap between two tokens. Scanning only the gaps
means a `--` inside a string can never be mistaken for a comment.
"""

import bisect
import re

_LONG_OPEN = re.compile(rb"\[(=*)\[")
_EOL = re.compile(rb"[\r\n]")
_DIAG = re.compile(r"^-\s*@diagnostic\s+(disable-next-line|disable-line|disable|enable)\b"
                   r"\s*(?::\s*(.*))?$")


class Comment:
    """One comment: byte span, body text (after `--`, without long brackets)."""
    __slots__ = ("start", "end", "body", "is_long", "line", "end_line")

    def __init__(self, start, end, body, is_long, line, end_line):
        self.start = start
        self.end = end
        self.body = body
        self.is_long = is_long
        self.line = line
        self.end_line = end_line

    @property
    def is_doc(self):
        """A `---` line: LuaDoc."""
        return not self.is_long and self.body.startswith("-")

    def __repr__(self):
        return "Comment(%d-%d %r)" % (self.start, self.end, self.body)


def scan_comments(sf):
    """All comments of a SourceFile, in order (lines as the front end counts them)."""
    source, tokens = sf.source, sf.tokens
    starts, ends = tokens.start, tokens.end
    found = []
    header = _header_end(source)
    # Jump from one `--` to the next rather than visit every gap: tokens do not
    # overlap, so the gap holding offset i is [end of the token before, start of
    # the token after), found by bisection.
    pos = header
    find = source.find
    while True:
        i = find(b"--", pos)
        if i < 0:
            break
        k = bisect.bisect_right(starts, i)
        if k >= len(starts):
            break                       # past <eof>: nothing left to scan
        gap_start = max(header, ends[k - 1]) if k > 0 else header
        gap_end = starts[k]
        if i < gap_start:               # inside a token (a string, say)
            pos = gap_start
            continue
        if i + 2 > gap_end:             # the second '-' begins the next token
            pos = i + 1
            continue
        stop = _scan_gap(source, i, gap_end, found)
        pos = min(stop, gap_end)
    for c in found:
        c.line = sf.position(c.start)[0]
        c.end_line = sf.position(c.end)[0]
    return found


def _header_end(source):
    """Skip a UTF-8 BOM and a `#` first line, as the lexer does."""
    pos = 3 if source.startswith(b"\xef\xbb\xbf") else 0
    if source[pos:pos + 1] == b"#":
        nl = _EOL.search(source, pos)
        pos = nl.start() if nl else len(source)
    return pos


def _scan_gap(source, i, end, found):
    """The comment whose `--` is at i, in a gap ending at `end`: append it and
    return the offset after it."""
    m = _LONG_OPEN.match(source, i + 2)
    if m is not None:
        close = b"]" + m.group(1) + b"]"
        j = source.find(close, m.end())
        stop = len(source) if j < 0 else j + len(close)
        body = source[m.end():j if j >= 0 else len(source)]
        is_long = True
    else:
        nl = _EOL.search(source, i)
        stop = nl.start() if nl and nl.start() < end else end
        body = source[i + 2:stop]
        is_long = False
    found.append(Comment(i, stop, body.decode("utf-8", "replace"), is_long, 0, 0))
    return stop


# -- LuaDoc ---------------------------------------------------------------------

class Doc:
    """The LuaDoc block above a statement."""
    __slots__ = ("description", "params", "returns", "tags", "cls", "fields")

    def __init__(self):
        self.description = []     # plain lines
        self.params = {}          # name -> (type, description, optional)
        self.returns = []         # (type, name, description)
        self.tags = []            # other @tag lines, as written
        self.cls = None           # (name, parent or "") of `---@class Name: Parent`
        self.fields = []          # (name, type, description) of `---@field`

    def __bool__(self):
        return bool(self.description or self.params or self.returns or self.tags
                    or self.cls or self.fields)


_PARAM = re.compile(r"^@param\s+([A-Za-z_][A-Za-z0-9_]*|\.\.\.)(\?)?\s*(\S*)\s*(.*)$")
_CLASS = re.compile(r"^@class\s+(?:\(\w+\)\s*)?([A-Za-z_][\w.]*)\s*(?::\s*([\w., ]+?))?\s*$")
_FIELD = re.compile(r"^@field\s+(?:(?:public|private|protected|package)\s+)?"
                    r"([A-Za-z_]\w*\??)\s+(\S+)\s*(.*)$")
_RETURN = re.compile(r"^@return\s+(\S+)\s*([A-Za-z_][A-Za-z0-9_]*)?\s*(?:#\s*)?(.*)$")


def doc_comments_above(comments, line):
    """The run of `---` comments ending on the line just above `line`."""
    run = []
    want = line - 1
    for c in reversed(comments):
        if c.end_line > want:
            continue
        if c.end_line < want or not c.is_doc:
            break
        run.append(c)
        want = c.line - 1
    run.reverse()
    return run


def parse_doc(comments) -> Doc:
    doc = Doc()
    for c in comments:
        text = c.body[1:].strip()          # after the third dash
        if text.startswith("@param"):
            _add_param(doc, text)
        elif text.startswith("@return"):
            m = _RETURN.match(text)
            if m:
                doc.returns.append((m.group(1), m.group(2) or "", m.group(3).strip()))
        elif text.startswith("@class") and _CLASS.match(text):
            m = _CLASS.match(text)
            doc.cls = (m.group(1), (m.group(2) or "").strip())
        elif text.startswith("@field") and _FIELD.match(text):
            name, typ, desc = _FIELD.match(text).groups()
            doc.fields.append((name, typ, desc.lstrip("# ").strip()))
        elif text.startswith("@"):
            if not text.startswith("@diagnostic"):
                doc.tags.append(text)
        else:
            doc.description.append(text)
    return doc


def doc_classes(comments):
    """{class name: Doc} of every `---@class` block in a file."""
    classes = {}
    run = []
    for c in comments + [None]:
        if c is not None and c.is_doc and (not run or c.line == run[-1].end_line + 1):
            run.append(c)
            continue
        doc = parse_doc(run) if run else None
        if doc is not None and doc.cls is not None:
            classes.setdefault(doc.cls[0], doc)
        run = [c] if c is not None and c.is_doc else []
    return classes


def _add_param(doc, text):
    m = _PARAM.match(text)
    if m is None:
        return
    name, optional, typ, desc = m.groups()
    optional = bool(optional) or _type_allows_nil(typ)
    doc.params[name] = (typ, desc.lstrip("# ").strip(), optional)


def _type_allows_nil(typ):
    return typ.endswith("?") or "nil" in typ.split("|")


# -- ---@diagnostic directives -------------------------------------------------------

class Directive:
    """`---@diagnostic <action>: codes` (codes empty: every code)."""
    __slots__ = ("action", "codes", "line", "start", "end")

    def __init__(self, action, codes, line, start, end):
        self.action = action
        self.codes = codes
        self.line = line
        self.start = start
        self.end = end


def directives(comments):
    found = []
    for c in comments:
        if not c.is_doc:
            continue
        m = _DIAG.match(c.body.strip())
        if m is None:
            continue
        codes = [s.strip() for s in (m.group(2) or "").split(",") if s.strip()]
        found.append(Directive(m.group(1), codes, c.line, c.start, c.end))
    return found


def code_spans(directive, source):
    """(code, start, end) for each code named in a directive (for unknown-diag-code)."""
    spans = []
    text = source[directive.start:directive.end]
    colon = text.find(b":")
    if colon < 0:
        return spans
    pos = colon + 1
    for part in text[colon + 1:].split(b","):
        stripped = part.strip()
        if stripped:
            s = directive.start + pos + part.find(stripped)
            spans.append((stripped.decode("utf-8", "replace"), s, s + len(stripped)))
        pos += len(part) + 1
    return spans


class Suppressions:
    """Which diagnostics the directives of a document switch off."""

    def __init__(self, directives_):
        self.next_line = {}      # line -> set of codes (None: all)
        self.same_line = {}
        self.ranges = []         # (offset, action, codes) for disable/enable, in order
        for d in directives_:
            codes = set(d.codes) if d.codes else None
            if d.action == "disable-next-line":
                _merge(self.next_line, d.line + 1, codes)
            elif d.action == "disable-line":
                _merge(self.same_line, d.line, codes)
            else:
                self.ranges.append((d.start, d.action, codes))

    def suppressed(self, code, line, offset):
        for table in (self.next_line, self.same_line):
            if line in table and (table[line] is None or code in table[line]):
                return True
        off = False
        for at, action, codes in self.ranges:
            if at > offset:
                break
            if codes is None or code in codes:
                off = action == "disable"
        return off


def _merge(table, line, codes):
    if line in table and (table[line] is None or codes is None):
        table[line] = None
    elif line in table:
        table[line] |= codes
    else:
        table[line] = codes
