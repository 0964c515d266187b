"""Globals and table fields across files: references, definitions, rename."""

import os

import pytest

from moonlens.server import names as N
from moonlens.server import workspace as W
from moonlens.server.analysis import Analysis
from moonlens.server.navigation import RenameError
from tests.server.helpers import analysis, marked

UTIL = """local M = {version = 3, ["tag"] = "u"}
function M.add(a, b) return a + b end
function M:twice(a) return self.add(a, a) end
M.total = M.add(1, 2)
return M
"""
APP = """local util = require("lib.util")
local u2 = require "lib.util"
function greet() return util.add(1, util.version), u2:twice(2), util["tag"] end
"""
OTHER = """config = {debug = false}
local function greet2() end
print(greet(), config.debug, greet2)
"""


class Workspace:
    """Files on disk, their index, and a marked cursor in one of them."""

    def __init__(self, root, files):
        self.root = root
        for name, text in files.items():
            path = root / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(marked(text)[0])
        self.index = W.WorkspaceIndex([str(root)])
        self.index.scan()
        self.resolve = N.Resolver(self.index)

    def at(self, name, text):
        """(summary, analysis, cursor offset) with `name` open with a marked text."""
        source, marks = marked(text)
        path = os.path.join(str(self.root), name)
        a = Analysis(source, "@" + path)
        summary = W.summarize(a, W.path_to_uri(path), path)
        self.index.set_open(path, lambda: summary)
        return summary, a, marks.get("")

    def texts(self, found):
        """{file name: [referenced text, ...]} of a find/rename result."""
        return {os.path.relpath(s.path, str(self.root)):
                [s.text[r.start:r.end].decode() for r in refs] for s, refs in found}

    def lines(self, found):
        return {os.path.relpath(s.path, str(self.root)):
                [s.text.count(b"\n", 0, r.start) + 1 for r in refs] for s, refs in found}

    def find(self, name, text):
        here, a, offset = self.at(name, text)
        return N.find(self.index, here, a, offset, self.resolve)

    def rename(self, name, text, new_name):
        here, a, offset = self.at(name, text)
        analyses = {here.uri: a}

        def analysis_of(summary):
            return analyses.get(summary.uri) or Analysis(summary.text, "@" + summary.path)
        return N.rename(self.index, here, a, offset, new_name, self.resolve, analysis_of)


@pytest.fixture
def ws(tmp_path):
    return Workspace(tmp_path, {"lib/util.lua": UTIL, "app.lua": APP, "other.lua": OTHER})


# -- One file ------------------------------------------------------------------------------

def test_name_refs_of_a_module():
    a, _ = analysis(UTIL)
    refs = N.name_refs(a)
    text = {k: [(a.source[r.start:r.end].decode(), r.write) for r in v]
            for k, v in refs.items()}
    assert text[("export", "add")] == [("add", True), ("add", False)]
    assert text[("export", "version")] == [("version", True)]
    assert text[("export", "tag")] == [("tag", True)]          # inside the quotes
    assert text[("export", "twice")] == [("twice", True)]
    assert text[("export", "total")] == [("total", True)]
    # self.add is not followed: self is whatever table the method is called on
    assert not any(k[0] == "lfield" for k in refs)


def test_name_refs_of_requires_globals_and_local_tables():
    a, _ = analysis(APP + 'local t = {a = 1}\nt.a = t.a + 1\nlocal p = f()\np.z = 1\n')
    refs = N.name_refs(a)
    assert [r.write for r in refs[("global", "greet")]] == [True]
    assert len(refs[("require", "lib.util", "add")]) == 1
    assert len(refs[("require", "lib.util", "twice")]) == 1     # u2:twice
    assert len(refs[("require", "lib.util", "tag")]) == 1       # util["tag"]
    lfield = [k for k in refs if k[0] == "lfield"]
    assert [(k[1].name, k[2]) for k in lfield] == [("t", "a")]  # not p: unknown table
    assert [r.write for r in refs[lfield[0]]] == [True, True, False]


def test_ref_at_finds_the_name_and_ignores_locals():
    a, m = analysis('local m = require "x"\nprint(m.f$f$oo, m["b$b$ar"], gl$l$obal)\n'
                    'local global = 1')
    assert N.ref_at(a, m["f"])[0] == [("require", "x", "foo")]
    assert N.ref_at(a, m["b"])[0] == [("require", "x", "bar")]
    assert N.ref_at(a, m["l"]) is not None            # a global (local is declared after)
    a, m = analysis("local x = 1\nprint(x$$)")
    assert N.ref_at(a, m[""]) is None


# -- References across files ------------------------------------------------------------------

def test_references_of_a_module_field_from_its_definition(ws):
    found = ws.find("lib/util.lua", UTIL.replace("M.add(a, b)", "M.a$$dd(a, b)"))
    assert ws.lines(found) == {"lib/util.lua": [2, 4], "app.lua": [3]}
    assert [r.write for r in found[0][1]] == [True, False]


def test_references_of_a_module_field_from_a_use(ws):
    found = ws.find("app.lua", APP.replace("u2:twice", "u2:tw$$ice"))
    assert ws.lines(found) == {"app.lua": [3], "lib/util.lua": [3]}
    found = ws.find("app.lua", APP.replace('util["tag"]', 'util["t$$ag"]'))
    assert ws.texts(found) == {"app.lua": ["tag"], "lib/util.lua": ["tag"]}


def test_references_of_globals_and_global_table_fields(ws):
    found = ws.find("other.lua", OTHER.replace("print(greet()", "print(gr$$eet()"))
    assert ws.lines(found) == {"other.lua": [3], "app.lua": [3]}
    found = ws.find("app.lua", APP + "config.de$$bug = true\n")
    assert ws.lines(found) == {"app.lua": [4], "other.lua": [1, 3]}


def test_the_editor_text_wins_over_the_disk(ws):
    ws.at("lib/util.lua", UTIL.replace("return M", "M.add(0, 0)\nreturn M"))
    found = ws.find("app.lua", APP.replace("util.add", "util.a$$dd"))
    assert ws.lines(found) == {"app.lua": [3], "lib/util.lua": [2, 4, 5]}


def test_definitions_across_files(ws):
    here, a, offset = ws.at("other.lua", OTHER.replace("greet()", "gre$$et()"))
    found = N.definitions(ws.index, here, a, offset, ws.resolve)
    assert [(os.path.basename(s.path), s.text.count(b"\n", 0, r.start) + 1)
            for s, r in found] == [("app.lua", 3)]


def test_a_module_returning_a_global_table_joins_both_meanings(tmp_path):
    ws = Workspace(tmp_path, {"g.lua": "G = {}\nfunction G.run() end\nreturn G\n",
                              "use.lua": 'local g = require "g"\ng.run()\nG.run()\n'})
    found = ws.find("g.lua", "G = {}\nfunction G.r$$un() end\nreturn G\n")
    assert ws.lines(found) == {"g.lua": [2], "use.lua": [2, 3]}


# -- Rename ------------------------------------------------------------------------------------

def test_rename_a_module_field_everywhere(ws):
    found = ws.rename("app.lua", APP.replace("util.add", "util.a$$dd"), "plus")
    assert ws.lines(found) == {"app.lua": [3], "lib/util.lua": [2, 4]}
    assert all(t == ["add"] * len(t) for t in ws.texts(found).values())


def test_rename_a_quoted_key_inside_its_quotes(ws):
    found = ws.rename("lib/util.lua", UTIL.replace('["tag"]', '["t$$ag"]'), "label")
    assert ws.texts(found) == {"lib/util.lua": ["tag"], "app.lua": ["tag"]}


def test_rename_a_global_function_across_files(ws):
    found = ws.rename("app.lua", APP.replace("function greet", "function gr$$eet"), "hello")
    assert ws.lines(found) == {"app.lua": [3], "other.lua": [3]}


def test_rename_global_within_a_file(tmp_path):
    ws = Workspace(tmp_path, {})
    found = ws.rename("a.lua", "total = 0\nlocal function add(n) tot$$al = total + n end\n"
                               "return add", "sum")
    assert ws.lines(found) == {"a.lua": [1, 2, 2]}


@pytest.mark.parametrize("text, new, why", [
    ("pri$$nt(1)", "p", "standard library"),
    ("a$$ = 1\nb = 2", "b", "already a global"),
    ("a$$ = 1\nlocal b = 2\na = b", "b", "would capture"),
])
def test_rename_global_refusals_within_a_file(tmp_path, text, new, why):
    with pytest.raises(RenameError, match=why):
        Workspace(tmp_path, {}).rename("a.lua", text, new)


def test_rename_a_local_table_field_in_its_file(tmp_path):
    ws = Workspace(tmp_path, {"b.lua": "local t = {a = 1}\nreturn t.a\n"})
    found = ws.rename("a.lua", "local t = {a = 1}\nt.a = t.a$$ + 1\nprint(t['a'])\n", "b")
    assert ws.lines(found) == {"a.lua": [1, 2, 2, 3]}


@pytest.mark.parametrize("name, text, new, why", [
    ("app.lua", APP.replace("util.add", "util.a$$dd"), "end", "not a valid Lua name"),
    ("app.lua", APP.replace("util.add", "util.a$$dd"), "version", "already has a field"),
    ("lib/util.lua", UTIL.replace("M.total", "M.tot$$al"), "twice", "already has a field"),
    ("other.lua", OTHER.replace("print(", "pri$$nt("), "p", "standard library"),
    ("other.lua", OTHER + "string.for$$mat('x')", "fmt", "standard library"),
    ("app.lua", APP.replace("function greet", "function gr$$eet"), "config",
     "already a global"),
    ("app.lua", APP.replace("function greet", "function gr$$eet"), "pairs",
     "already a global"),
    ("app.lua", APP.replace("function greet", "function gr$$eet"), "greet2",
     "would capture"),
    ("other.lua", OTHER.replace("config.debug", "config.deb$$ug"), "x y",
     "not a valid Lua name"),
])
def test_rename_refuses(ws, name, text, new, why):
    with pytest.raises(RenameError, match=why):
        ws.rename(name, text, new)


def test_rename_is_allowed_for_a_library_name_the_workspace_defines(tmp_path):
    ws = Workspace(tmp_path, {"a.lua": "function print(...) end\n"})
    found = ws.rename("b.lua", "pri$$nt(1)", "show")
    assert ws.lines(found) == {"b.lua": [1], "a.lua": [1]}


def test_references_reach_library_code_but_rename_does_not_edit_it(tmp_path):
    ws = Workspace(tmp_path, {"vendor/log.lua": "function log(s) print(s) end\n"})
    ws.index.set_library([str(tmp_path / "vendor")])
    found = ws.find("a.lua", "l$$og('x')\n")
    assert ws.lines(found) == {"a.lua": [1], "vendor/log.lua": [1]}
    with pytest.raises(RenameError, match="library code"):
        ws.rename("a.lua", "l$$og('x')\n", "trace")


def test_completion_offers_what_other_files_assign(ws):
    from moonlens.server import completion
    here, a, offset = ws.at("new.lua", "config.$$")
    items = completion.complete(a, offset, elsewhere=N.Elsewhere(ws.index, here.path))
    assert [(i.label, i.detail) for i in items] == [
        ("debug", "(field) config.debug -- other.lua")]
    here, a, offset = ws.at("new.lua", "mine = 1\nx = $$")
    items = completion.complete(a, offset, elsewhere=N.Elsewhere(ws.index, here.path))
    details = {i.label: i.detail for i in items}
    assert details["greet"] == "global greet (another file)"      # app.lua
    assert details["config"] == "global config (another file)"    # other.lua
    assert details["mine"] == "global mine"                       # this file
    assert "greet2" not in details                                # a local of other.lua
