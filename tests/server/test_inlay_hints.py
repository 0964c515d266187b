from moonlens.server.inlay_hints import inlay_hints
from tests.server.helpers import analysis

SRC = ("local function area(width, height) return width * height end\n"
       "local t = {}\nfunction t:scale(factor) end\n"
       "local width = 2\n"
       "print(area($a$3, $b$4), area(width, $c$1 + 1), t:scale($d$2), print(1))\n")


def hints(src, mode="All", start=0, end=None):
    a, m = analysis(src)
    found = inlay_hints(a, start, len(a.source) if end is None else end, mode)
    names = {v: k for k, v in m.items()}
    return [(names.get(h.offset, h.offset), h.label) for h in found]


def test_parameter_names_at_calls_of_known_functions():
    assert hints(SRC) == [("a", "width:"), ("b", "height:"), ("c", "height:"),
                          ("d", "factor:")]


def test_literal_mode_and_disable():
    assert hints(SRC, "Literal") == [("a", "width:"), ("b", "height:"), ("d", "factor:")]
    assert hints("local function f(x) end\nlocal y = 1\nf(y)", "Literal") == []
    assert hints(SRC, "Disable") == []


def test_only_calls_in_the_range():
    assert hints(SRC, start=0, end=10) == []


def test_hint_targets_the_parameter_declaration():
    a, _ = analysis("local function f(alpha) end\nf(1)")
    (h,) = inlay_hints(a, 0, len(a.source))
    assert a.source[h.target[0]:h.target[1]] == b"alpha"
