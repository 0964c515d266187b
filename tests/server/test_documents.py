from moonlens.server.documents import DocumentStore, chunkname


def test_open_change_close():
    store = DocumentStore()
    doc = store.open("file:///t.lua", "local a = 1\n", 1)
    first = doc.analysis
    assert doc.analysis is first                      # cached for the version
    store.change("file:///t.lua", [{"range": {"start": {"line": 0, "character": 6},
                                              "end": {"line": 0, "character": 7}},
                                    "text": "bee"}], 2)
    assert doc.text == b"local bee = 1\n" and doc.version == 2
    assert doc.analysis is not first
    store.change("file:///t.lua", [{"text": "x = 2"}], 3)
    assert doc.text == b"x = 2"
    store.close("file:///t.lua")
    assert store.get("file:///t.lua") is None
    assert store.change("file:///t.lua", [{"text": "y"}], 4) is None


def test_changes_apply_in_order_with_the_encoding():
    store = DocumentStore()
    store.set_encoding("utf-8")
    doc = store.open("untitled:1", "é = 1")
    doc.apply([{"range": {"start": {"line": 0, "character": 2},
                          "end": {"line": 0, "character": 2}}, "text": "x"},
               {"range": {"start": {"line": 0, "character": 0},
                          "end": {"line": 0, "character": 0}}, "text": "--"}], 2)
    assert doc.text == "--éx = 1".encode()


def test_chunkname():
    assert chunkname("file:///a%20b/c.lua") == "@/a b/c.lua"
    assert chunkname("untitled:Untitled-1") == "=untitled:Untitled-1"


def test_crlf_lines_and_multiline_edits():
    store = DocumentStore()
    doc = store.open("file:///c.lua", "local a = 1\r\nlocal b = 2\r\nprint(a, b)\r\n", 1)
    doc.apply([{"range": {"start": {"line": 0, "character": 10},
                          "end": {"line": 1, "character": 11}}, "text": "3\r\nlocal c = 4"}], 2)
    assert doc.text == b"local a = 3\r\nlocal c = 4\r\nprint(a, b)\r\n"
    assert doc.lines.position(doc.text.index(b"print")) == (2, 0)
