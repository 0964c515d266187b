"""The protocol layer's own logic, without a client: conversions and the guard."""

from lsprotocol import types as T

from moonlens.server import lsp, navigation
from moonlens.server.documents import Document


class FakeServer:
    def __init__(self):
        self.failures = []

    def log_failure(self, what):
        self.failures.append(what)


def test_guard_turns_failures_into_empty_answers():
    ls = FakeServer()

    @lsp.guarded(list)
    def broken(ls, params):
        raise ValueError("boom")

    @lsp.guarded()
    def not_open(ls, params):
        raise lsp.NotOpen("file:///x.lua")

    assert broken(ls, None) == [] and ls.failures == ["broken"]
    assert not_open(ls, None) is None and ls.failures == ["broken"]   # only a warning


def test_guard_lets_intended_errors_through():
    @lsp.guarded()
    def refuse(ls, params):
        raise lsp.RequestFailed("no")

    try:
        refuse(FakeServer(), None)
    except lsp.RequestFailed as e:
        assert e.code == -32803
    else:
        raise AssertionError("RequestFailed was swallowed")


def test_ranges_use_the_document_encoding():
    doc = Document("file:///t.lua", "x = '😀' .. y".encode(), 1, "utf-16")
    start = doc.text.index(b"y")
    assert lsp.to_range(doc, start, start + 1) == T.Range(T.Position(0, 12),
                                                          T.Position(0, 13))
    doc.encoding = "utf-8"
    doc._index = None
    assert lsp.to_position(doc, start) == T.Position(0, 14)
    assert lsp.to_offset(doc, T.Position(0, 14)) == start


def test_flat_symbols_for_clients_without_hierarchy():
    doc = Document("file:///t.lua", b"local M = {a = 1}\nfunction M.f() end\n")
    flat = lsp._flat_symbols(doc, navigation.document_symbols(doc.analysis), None)
    assert [(s.name, s.container_name) for s in flat] == [
        ("M", None), ("a", "M"), ("M.f", None)]


def test_path_of_uri():
    assert lsp.path_of("file:///home/a%20b") == "/home/a b"
    assert lsp.path_of("untitled:1") is None and lsp.path_of(None) is None
