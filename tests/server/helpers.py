"""Test helpers: sources with cursor markers, and analyses of them."""

import re

from moonlens.server.analysis import Analysis
from moonlens.server.positions import LineIndex

_MARK = re.compile(r"\$([a-z]*)\$")


def marked(text):
    """Source text with markers -> (bytes without markers, {name: offset}).

    A marker is `$name$` (`$a$`, `$use$`); `$$` is the marker "" (the cursor).
    """
    out = bytearray()
    marks = {}
    pos = 0
    for m in _MARK.finditer(text):
        out += text[pos:m.start()].encode()
        marks[m.group(1)] = len(out)
        pos = m.end()
    out += text[pos:].encode()
    return bytes(out), marks


def analysis(text):
    """(Analysis, markers) of a marked source."""
    source, marks = marked(text)
    return Analysis(source, "=test"), marks


def text_of(a, span):
    return a.source[span[0]:span[1]].decode()


def line_of(a):
    """0-based editor line of an offset (for folding tests)."""
    index = LineIndex(a.source)
    return lambda offset: index.position(offset)[0]
