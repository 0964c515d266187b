from moonlens.server.positions import UTF8, UTF16, UTF32, LineIndex, apply_change


def test_lsp_line_ends():
    index = LineIndex(b"a\r\nb\rc\nd\n\re")
    # "\n\r" is one line end for LuaJIT but two for LSP: d, "", e.
    assert [index.position(index.text.index(ch))[0] for ch in b"abcde"] == [0, 1, 2, 3, 5]
    assert index.line_bounds(0) == (0, 1)


def test_columns_in_each_encoding():
    text = "a😀é b".encode()
    offset = text.index(b"b")
    # a: 1 unit everywhere; 😀: 2 UTF-16 units, 4 bytes, 1 code point; é: 1, 2, 1
    assert LineIndex(text, UTF16).position(offset) == (0, 5)
    assert LineIndex(text, UTF8).position(offset) == (0, 8)
    assert LineIndex(text, UTF32).position(offset) == (0, 4)
    for enc, col in ((UTF16, 5), (UTF8, 8), (UTF32, 4)):
        assert LineIndex(text, enc).offset(0, col) == offset


def test_positions_are_clamped():
    index = LineIndex(b"ab\ncd")
    assert index.offset(0, 99) == 2            # end of line 0, not into line 1
    assert index.offset(99, 0) == 5
    assert index.offset(-1, 3) == 0
    assert index.position(99) == (1, 2)


def test_offset_inside_a_surrogate_pair_lands_after_it():
    text = "😀x".encode()
    assert LineIndex(text, UTF16).offset(0, 1) in (0, 4)


def test_apply_change_replaces_range():
    text = "local s = 'é'\nprint(s)\n".encode()
    index = LineIndex(text)
    new = apply_change(text, index, (1, 6), (1, 7), "s, s")
    assert new == "local s = 'é'\nprint(s, s)\n".encode()


def test_apply_change_accepts_reversed_and_wild_ranges():
    text = b"abc\ndef\n"
    index = LineIndex(text)
    assert apply_change(text, index, (1, 1), (0, 1), "X") == b"aXef\n"
    assert apply_change(text, index, (99, 9), (99, 9), "Z") == b"abc\ndef\nZ"
