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
