"""Call hierarchy feature functions on one file."""

from moonlens.server import call_hierarchy as C
from tests.server.helpers import analysis

SRC = """local util = require "util"
local function leaf() end
local function mid() leaf(); leaf() end
function top() mid(); util.go(); other() end
local t = {}
function t:m() top() end
mid()
"""


def names(pairs):
    return [(t.name if isinstance(t, C.FuncDef) else t, len(spans)) for t, spans in pairs]


def test_named_functions_and_their_keys():
    a, _ = analysis(SRC)
    defs = sorted((d.name, d.kind, d.key) for d in C.named_functions(a).values())
    assert defs == [("leaf", "function", None), ("mid", "function", None),
                    ("t:m", "method", ("field", "m")), ("top", "function", ("global", "top"))]


def test_outgoing_groups_calls_and_keeps_cross_file_keys():
    a, _ = analysis(SRC)
    top = C.def_at(a, SRC.index("top"))
    assert names(C.outgoing(a, top)) == [("mid", 1), (("module", "util", "go"), 1),
                                         (("global", "other"), 1)]
    mid = C.def_at(a, SRC.index("mid"))
    assert names(C.outgoing(a, mid)) == [("leaf", 2)]


def test_incoming_includes_the_main_chunk():
    a, _ = analysis(SRC)
    mid = C.def_at(a, SRC.index("mid"))
    assert sorted(names(C.incoming(a, mid, "f.lua"))) == [("f.lua", 1), ("top", 1)]
    top = C.def_at(a, SRC.index("top"))
    assert names(C.incoming(a, top)) == [("t:m", 1)]


def test_prepare_on_definitions_calls_and_cross_file_names():
    a, m = analysis("local u = require 'u'\nlocal function f$d$() end\nf$c$()\nu.g$g$()\n"
                    "glob$x$()\nprint$p$()\n")
    assert C.prepare(a, m["d"]).name == "f" and C.prepare(a, m["c"]).name == "f"
    assert C.prepare(a, m["g"]) == ("module", "u", "g")
    assert C.prepare(a, m["x"]) == ("global", "glob")
    assert C.prepare(a, m["p"]) is None


def test_call_sites_for_the_index():
    a, _ = analysis(SRC)
    sites = sorted((s.key, s.caller.name) for s in C.call_sites(a, "f.lua"))
    assert sites == [(("global", "other"), "top"), (("global", "top"), "t:m"),
                     (("module", "util", "go"), "top")]
    assert C.global_functions(a) == {"top": (SRC.index("top"), SRC.index("top") + 3)}
