from moonlens.server.positions import UTF8, LineIndex
from moonlens.server.semantic_tokens import (
    TOKEN_MODIFIERS, TOKEN_TYPES, delta, encode, semantic_tokens,
)
from tests.server.helpers import analysis, text_of


def tokens(src):
    a, _ = analysis(src)
    return [(text_of(a, (t.start, t.end)), t.type, set(t.modifiers))
            for t in semantic_tokens(a)]


def test_locals_parameters_and_functions():
    assert tokens("local function f(a, b) local c = a; c = b; return c end\nf(1)") == [
        ("f", "function", {"declaration"}), ("a", "parameter", {"declaration"}),
        ("b", "parameter", {"declaration"}), ("c", "variable", {"declaration"}),
        ("a", "parameter", set()), ("c", "variable", set()), ("b", "parameter", set()),
        ("c", "variable", set()), ("f", "function", set())]


def test_constants_are_readonly():
    got = tokens("local K = 5\nlocal v = 5\nv = 6\nprint(K, v)")
    assert got[0] == ("K", "variable", {"declaration", "readonly"})
    assert got[1] == ("v", "variable", {"declaration"})


def test_globals_and_the_standard_library():
    got = tokens("print(string.format('x'), math.pi, myglobal)\nfunction gf() end\ngf()")
    assert got == [
        ("print", "function", {"global", "defaultLibrary"}),
        ("string", "namespace", {"global", "defaultLibrary"}),
        ("format", "function", {"defaultLibrary"}),
        ("math", "namespace", {"global", "defaultLibrary"}),
        ("pi", "property", {"defaultLibrary"}),
        ("myglobal", "variable", {"global"}),
        ("gf", "function", {"global"}),
        ("gf", "function", {"global"})]


def test_fields_methods_and_self():
    got = tokens("local t = {size = 1, go = function() end}\n"
                 "function t:run() return self.size end\nt:run()\nprint(t.go, t.other)")
    assert ("size", "property", {"declaration"}) in got
    assert ("go", "method", {"declaration"}) in got
    assert ("run", "method", {"declaration"}) in got
    assert ("self", "parameter", set()) in got
    assert got.count(("run", "method", set())) == 1
    assert ("go", "function", set()) in got and ("other", "property", set()) in got


def test_encoding_is_relative_and_uses_the_position_encoding():
    a, _ = analysis('local s = "é"; print(s)\nlocal t')
    data = encode(semantic_tokens(a), LineIndex(a.source))
    variable, decl = TOKEN_TYPES.index("variable"), 1 << TOKEN_MODIFIERS.index("declaration")
    glob = 1 << TOKEN_MODIFIERS.index("global")
    lib = 1 << TOKEN_MODIFIERS.index("defaultLibrary")
    readonly = 1 << TOKEN_MODIFIERS.index("readonly")
    assert data == [0, 6, 1, variable, decl | readonly,
                    0, 9, 5, TOKEN_TYPES.index("function"), glob | lib,
                    0, 6, 1, variable, readonly,
                    1, 6, 1, variable, decl]
    data8 = encode(semantic_tokens(a), LineIndex(a.source, UTF8))
    assert data8[5:7] == [0, 10]                 # é is two bytes


def test_delta_replaces_whole_tokens():
    old = [0, 1, 2, 3, 0, 1, 0, 2, 3, 0]
    for new in ([0, 1, 2, 3, 0, 0, 5, 1, 4, 0, 1, 0, 2, 3, 0],   # a token inserted
                [0, 1, 2, 3, 0, 1, 0, 2, 4, 0],                  # a type changed
                [0, 1, 2, 3, 0]):                                # a token removed
        start, count, data = delta(old, new)
        assert start % 5 == 0 and count % 5 == 0
        assert old[:start] + data + old[start + count:] == new
    assert delta(old, old) is None
