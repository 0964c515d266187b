"""LuaJIT's Lua-coded builtins (table.remove, string.len, ...) are built with the very
bytecode LuaJIT ships (tests/tools/gen_luabuiltins_bc.py reads it from a real LuaJIT),
and behave like them: argument checks named by the caller, "[builtin:name]" positions."""

import json
import pathlib

import pytest

from moonlens.vm.bytecode import BCDEF
from moonlens.vm.lib import luabuiltins
from moonlens.vm import runtime
from moonlens.vm.layout import TAG_STR
from moonlens.vm.runtime import new_state
from moonlens.vm.table import tv_num

HERE = pathlib.Path(__file__).resolve().parent
EXPECTED = json.loads((HERE / "luabuiltins_bc.json").read_text())["builtins"]
OPNAMES = [d[0] for d in BCDEF]


def listing(code):
    return ["%s %08x" % (OPNAMES[ins & 0xFF], ins) for ins in code]


@pytest.mark.parametrize("lib, name, source", luabuiltins.SOURCES,
                         ids=["%s.%s" % s[:2] for s in luabuiltins.SOURCES])
def test_same_bytecode_as_luajit(lib, name, source):
    proto = luabuiltins.compile_builtin(name, source)
    want = EXPECTED["%s.%s" % (lib, name)]
    assert listing(proto.code) == listing(want["code"])
    assert (proto.framesize, proto.numparams) == (want["framesize"], want["params"])


def run(src):
    """Run a chunk named "t"; its results as Python values (strings decoded)."""
    vm = new_state()
    out = vm.call(runtime.load(vm, src.encode(), "=t"), [])
    return [vm.sbytes(v).decode() if v >> 47 == TAG_STR else tv_num(v) for v in out]


def test_argument_checks_are_named_by_the_caller():
    a, b, c, d = run("""
        local a = {pcall(table.remove, nil)}
        local b = {pcall(function() table.remove(nil) end)}
        local c = {pcall(string.len, 12.5)}
        local d = {pcall(function() local t = {f = table.foreach} t:f(1) end)}
        return a[2], b[2], c[2], d[2]""")
    assert a == "bad argument #1 to '?' (table expected, got nil)"
    assert b == "t:3: bad argument #1 to 'remove' (table expected, got nil)"
    assert c == 4.0
    assert d == "t:5: bad argument #1 to 'f' (function expected, got number)"


def test_errors_inside_a_builtin_carry_its_position():
    a, b, r, n = run("""
        local a = {pcall(math.deg, "x")}
        local b = {pcall(table.foreach, {1}, function() error("x", 2) end)}
        local t = {1, 2, 3}
        local r = table.remove(t, "1")
        return a[2], b[2], r, #t""")
    assert a == "[builtin:deg]:0: attempt to perform arithmetic on a string value"
    assert b == "[builtin:foreach]:0: x"
    assert (r, n) == (1.0, 2.0)
