"""The workspace index: scanning, require resolution, exports, symbols."""

import os

from moonlens.server import completion, workspace as W
from moonlens.server.analysis import Analysis
from tests.server.helpers import analysis

UTIL = """local M = {}
--- Adds two numbers.
function M.add(a, b) return a + b end
function M:name() return "util" end
M.version = 3
local function hidden() end
return M
"""


def make_tree(root):
    (root / "lib").mkdir()
    (root / "lib" / "util.lua").write_text(UTIL)
    (root / "lib" / "pkg").mkdir()
    (root / "lib" / "pkg" / "init.lua").write_text("return { answer = 42, ask = function(q) end }")
    (root / "main.lua").write_text('local util = require("lib.util")\n'
                                   'function run() return util.add(1, 2) end\n')
    (root / "node_modules").mkdir()
    (root / "node_modules" / "skip.lua").write_text("x = 1")
    (root / "notes.txt").write_text("not lua")


def test_scan_finds_lua_files_and_skips_vendor_folders(tmp_path):
    make_tree(tmp_path)
    index = W.WorkspaceIndex([str(tmp_path)])
    assert index.scan() == 3
    names = sorted(os.path.relpath(p, tmp_path) for p in index.files)
    assert names == ["lib/pkg/init.lua", "lib/util.lua", "main.lua"]


def test_rescan_reuses_unchanged_files_and_drops_deleted_ones(tmp_path):
    make_tree(tmp_path)
    index = W.WorkspaceIndex([str(tmp_path)])
    index.scan()
    before = index.files[str(tmp_path / "lib" / "util.lua")][1]
    (tmp_path / "main.lua").unlink()
    assert index.scan() == 2
    assert index.files[str(tmp_path / "lib" / "util.lua")][1] is before


def test_require_resolution_follows_the_search_path(tmp_path):
    make_tree(tmp_path)
    index = W.WorkspaceIndex([str(tmp_path)])
    assert index.resolve("lib.util") == str(tmp_path / "lib" / "util.lua")
    assert index.resolve("lib.pkg") == str(tmp_path / "lib" / "pkg" / "init.lua")
    assert index.resolve("util") is None
    assert index.resolve("util", ["lib/?.lua"]) == str(tmp_path / "lib" / "util.lua")
    assert index.resolve("lib.pkg", ["?.lua"]) is None
    assert index.resolve("..secret") is None


def test_exports_of_a_local_table_module():
    a, _ = analysis(UTIL)
    exports = W.module_exports(a)
    assert sorted(exports) == ["add", "name", "version"]
    assert exports["add"].kind == "function" and exports["add"].detail == "function add(a, b)"
    assert exports["add"].doc == "Adds two numbers."
    assert exports["name"].kind == "method" and exports["version"].kind == "field"
    start, end = exports["add"].start, exports["add"].end
    assert a.source[start:end] == b"add"


def test_exports_of_a_returned_constructor_and_of_nothing():
    a, _ = analysis("return { answer = 42, ask = function(q) end, [1] = 0 }")
    assert sorted(W.module_exports(a)) == ["answer", "ask"]
    assert W.module_exports(analysis("local M = {}\nM = nil\nreturn M")[0]) == {}
    assert W.module_exports(analysis("print(1)")[0]) == {}


def test_requires_and_their_string_spans():
    a, m = analysis('local a = require($s$"x.y")\nlocal b = require "z"\nrequire(name)\n')
    reqs = W.requires(a)
    assert [r.name for r in reqs] == ["x.y", "z"]
    assert reqs[0].start == m["s"] and a.source[reqs[0].start:reqs[0].end] == b'"x.y"'
    assert W.require_at(a, m["s"] + 2).name == "x.y"


def test_workspace_symbols_match_fuzzily_best_first(tmp_path):
    make_tree(tmp_path)
    index = W.WorkspaceIndex([str(tmp_path)])
    index.scan()
    names = [sym.name for _, sym in index.symbols("add")]
    assert names[0] == "M.add"
    assert [sym.name for _, sym in index.symbols("run")] == ["run"]
    assert "hidden" in [sym.name for _, sym in index.symbols("hdn")]


def test_open_documents_override_the_disk(tmp_path):
    make_tree(tmp_path)
    index = W.WorkspaceIndex([str(tmp_path)])
    index.scan()
    path = str(tmp_path / "lib" / "util.lua")
    text = b"return { fresh = 1 }"
    index.set_open(path, lambda: W.summarize(Analysis(text), "file://x", path))
    assert sorted(index.module("lib.util").exports) == ["fresh"]
    index.set_open(path, None)
    assert "add" in index.module("lib.util").exports


def test_completion_offers_fields_of_required_modules():
    a, m = analysis('local u = require("lib.util")\nu.$$\nlocal z = 1\nu:$m$')
    exports = W.module_exports(analysis(UTIL)[0])
    modules = {"lib.util": exports}.get
    items = {i.label: i.kind for i in completion.complete(a, m[""], modules=modules)}
    assert items == {"add": "function", "name": "method", "version": "field"}
    methods = {i.label for i in completion.complete(a, m["m"], modules=modules)}
    assert methods == {"add", "name"}
    assert completion.complete(a, m[""]) == []


def test_module_field_under_the_cursor():
    a, m = analysis('local u = require "lib.util"\nprint(u.a$$dd, u:na$m$me())\nlocal v = {}\n'
                    'print(v.x$v$)')
    assert W.module_field_at(a, m[""]) == ("lib.util", "add")
    assert W.module_field_at(a, m["m"]) == ("lib.util", "name")
    assert W.module_field_at(a, m["v"]) is None


def test_assigned_globals_across_files_open_text_winning(tmp_path):
    (tmp_path / "a.lua").write_text("function alpha() end\nshared = 1\nprint(beta)\n")
    (tmp_path / "b.lua").write_text("beta = 2\nshared = 3\n")
    index = W.WorkspaceIndex([str(tmp_path)])
    index.scan()
    a, b = str(tmp_path / "a.lua"), str(tmp_path / "b.lua")
    assert index.assigned_globals() >= {"alpha", "shared", "beta"}
    assert "print" not in index.assigned_globals()           # read, never assigned
    assert index.assigned_globals(skip=b) == {"alpha", "shared"}
    edited = W.summarize(Analysis(b"gamma = 1\n"), W.path_to_uri(b), b)
    index.set_open(b, lambda: edited)                         # the editor's text of b.lua
    assert index.assigned_globals() == {"alpha", "shared", "gamma"}
    assert index.assigned_globals(skip=a) == {"gamma"}


def test_library_folders_are_indexed_and_searched_by_require(tmp_path):
    root, vendor = tmp_path / "ws", tmp_path / "vendor"
    root.mkdir()
    (vendor / "ext").mkdir(parents=True)
    (vendor / "ext" / "json.lua").write_text("JSON_NULL = {}\nreturn {encode = tostring}\n")
    (root / "main.lua").write_text('local json = require "ext.json"\n')
    index = W.WorkspaceIndex([str(root)])
    index.scan()
    assert index.resolve("ext.json") is None and "JSON_NULL" not in index.assigned_globals()
    assert index.set_library([str(vendor)]) is True
    assert index.set_library([str(vendor)]) is False
    assert index.scan() == 2
    path = index.resolve("ext.json")
    assert path == str(vendor / "ext" / "json.lua") and index.is_library(path)
    assert not index.is_library(str(root / "main.lua"))
    assert "JSON_NULL" in index.assigned_globals()
    assert set(index.module("ext.json").exports) == {"encode"}
