"""The arena limit: running out of Lua heap is Lua's "not enough memory" error, never a
Python exception, and the memory is usable again once the garbage is collected."""

import io

from moonlens.engine import Engine
from moonlens.vm.lib import open_libs
from moonlens.vm.runtime import load, new_state

LIMIT = 24 << 20


def run(source):
    vm = new_state(memory_limit=LIMIT, libs=False)
    out = io.BytesIO()
    open_libs(vm, stdout=out, stderr=out)
    vm.call(load(vm, source.encode(), b"=t"), [])
    return out.getvalue().decode()


def test_pcall_catches_not_enough_memory_and_the_heap_recovers():
    out = run("""
        local function fill()
          local t = {}
          for i = 1, 1e9 do t[i] = {i} end
        end
        local ok, err = pcall(fill)
        print(ok, err)
        collectgarbage()
        local t = {}
        for i = 1, 1000 do t[i] = {i} end
        print(#t)
        print(pcall(string.rep, "x", 64 * 1024 * 1024))
    """)
    assert out == "false\tnot enough memory\n1000\nfalse\tnot enough memory\n"


def test_uncaught_out_of_memory_is_reported_like_luajit(tmp_path, capsys):
    script = tmp_path / "oom.lua"
    script.write_text("local t = {} for i = 1, 1e9 do t[i] = {i} end\n")
    engine = Engine(memory_limit=LIMIT, progname="moonlens")
    engine.run_script(str(script))
    assert engine.exit_status == 1
    assert capsys.readouterr().err.strip() == "moonlens: not enough memory"
