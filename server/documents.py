"""Open documents: their text, version, and the analysis of that version.

The store is the one copy of each open document's text. It applies the
editor's incremental changes itself (by LSP's line rules, clamping bad
positions) rather than relying on pygls's workspace, and parses lazily: the
first feature that needs the tree after a change runs the front end, and the
result is kept until the next change.
"""

import sys
from urllib.parse import unquote, urlparse

from .analysis import Analysis
from .positions import UTF16, LineIndex, apply_change, encode


class Document:
    def __init__(self, uri, text: bytes, version=None, encoding=UTF16):
        self.uri = uri
        self.text = text
        self.version = version
        self.encoding = encoding
        self._index = None
        self._analysis = None

    @property
    def lines(self) -> LineIndex:
        if self._index is None:
            self._index = LineIndex(self.text, self.encoding)
        return self._index

    @property
    def analysis(self) -> Analysis:
        """The tree, scopes and indexes of the current text (computed once per version)."""
        if self._analysis is None:
            self._analysis = Analysis(self.text, chunkname(self.uri))
        return self._analysis

    def replace(self, text: bytes, version):
        self.text = text
        self.version = version
        self._index = None
        old, self._analysis = self._analysis, None
        # Held only here (and by getrefcount's argument): no request is using it.
        if old is not None and sys.getrefcount(old) <= 2:
            old.release()

    def apply(self, changes, version):
        """Apply content changes: dicts or objects with `text` and maybe `range`."""
        text = self.text
        index = self._index         # the current text's, if a request built it
        for change in changes:
            new_text = _get(change, "text") or ""
            rng = _get(change, "range")
            if rng is None:
                text = encode(new_text)
            else:
                if index is None or index.text is not text:
                    index = LineIndex(text, self.encoding)
                text = apply_change(text, index, _pos(_get(rng, "start")),
                                    _pos(_get(rng, "end")), new_text)
        self.replace(text, version)


def _get(obj, name):
    if isinstance(obj, dict):
        return obj.get(name)
    return getattr(obj, name, None)


def _pos(p):
    return int(_get(p, "line") or 0), int(_get(p, "character") or 0)


def chunkname(uri):
    """The chunk name errors would carry for this document: "@path" or "=uri"."""
    parsed = urlparse(uri)
    if parsed.scheme == "file":
        return "@" + unquote(parsed.path)
    return "=" + uri


class DocumentStore:
    def __init__(self):
        self.docs = {}
        self.encoding = UTF16

    def open(self, uri, text: str, version=None) -> Document:
        doc = Document(uri, encode(text), version, self.encoding)
        self.docs[uri] = doc
        return doc

    def change(self, uri, changes, version):
        """Apply changes; returns the Document, or None if it is not open."""
        doc = self.docs.get(uri)
        if doc is not None:
            doc.apply(changes, version)
        return doc

    def close(self, uri):
        self.docs.pop(uri, None)

    def get(self, uri):
        return self.docs.get(uri)

    def set_encoding(self, encoding):
        self.encoding = encoding
        for doc in self.docs.values():
            doc.encoding = encoding
            doc._index = None
