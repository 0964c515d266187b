import json

from moonlens.server.config import build, find_luarc, parse_jsonc, read_luarc


def test_nested_dotted_and_prefixed_keys():
    s = build({"diagnostics": {"globals": ["vim"]}},
              {"Lua.diagnostics.disable": ["unused-local"]},
              {"diagnostics.severity": {"undefined-global": "Error!", "x": "Bogus"}})
    assert s.globals == {"vim"}
    assert s.disable == {"unused-local"}
    assert s.severity == {"undefined-global": 1}


def test_later_layers_win_and_bad_values_are_ignored():
    s = build({"hint": {"enable": False, "paramName": "Literal"}},
              {"hint.enable": True, "hint.paramName": "Sometimes", "diagnostics.globals": 5})
    assert s.hint_enable is True and s.hint_param_name == "Literal"
    assert s.globals == set()


def test_jsonc():
    text = '{\n // "a": 1,\n "b": "x // y", /* c */ "d": [1, 2,],\n}'
    assert parse_jsonc(text) == {"b": "x // y", "d": [1, 2]}


def test_luarc_files(tmp_path):
    assert find_luarc(str(tmp_path)) is None
    (tmp_path / ".luarc.json").write_text(json.dumps({"diagnostics.globals": ["a"]}))
    assert read_luarc(find_luarc(str(tmp_path))) == {"diagnostics.globals": ["a"]}
    (tmp_path / ".luarc.jsonc").write_text('{"diagnostics.globals": ["b"],} // c')
    assert find_luarc(str(tmp_path)).endswith(".luarc.jsonc")   # LuaLS tries it first
    assert read_luarc(find_luarc(str(tmp_path))) == {"diagnostics.globals": ["b"]}
    (tmp_path / ".luarc.jsonc").write_text("{broken")
    assert read_luarc(find_luarc(str(tmp_path))) == {}


def test_jit_run_settings():
    s = build({})
    assert (s.jit.analyze_on_save, s.jit.entry, s.jit.timeout, s.jit.allow_writes) == (
        False, None, 10.0, False)
    s = build({"jit": {"analyzeOnSave": True, "timeout": 3, "maxInstructions": 1e6,
                       "maxMemoryMB": 64, "entry": "main.lua"}},
              {"jit.allowWrites": True, "jit.timeout": "soon", "jit.codeLens": False})
    assert (s.jit.analyze_on_save, s.jit.timeout, s.jit.max_instructions) == (True, 3.0,
                                                                              1000000)
    assert (s.jit.max_memory_mb, s.jit.entry, s.jit.allow_writes, s.jit.code_lens) == (
        64, "main.lua", True, False)
    assert build({"jit.timeout": 10 ** 9, "jit.maxMemoryMB": -5}).jit.timeout == 600.0
    assert build({"jit.maxMemoryMB": -5}).jit.max_memory_mb == 1
    assert build({"jit.entry": "a.lua"}, {"jit.entry": None}).jit.entry is None


def test_workspace_library():
    assert build({}).library == []
    s = build({"Lua.workspace.library": ["../vendor", 3, ""]}, {"workspace.library": "x"})
    assert s.library == ["../vendor"]                 # a later non-list is ignored
