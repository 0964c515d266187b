"""jit.util's trace functions (traceinfo, traceir, tracek, tracesnap) read MoonLens's
traces as LuaJIT's jit/dump.lua reads LuaJIT's.

* test_ir_listing: a small listing written in Lua with these functions (as dump.lua
  does it) names the same instructions, in the same order, with the same types,
  guard/PHI/sink marks and reference operands as `-jdump=i` prints in the same run.
* test_luajit_dump_lua: LuaJIT's own jit/dump.lua, when a LuaJIT installation has it,
  run on MoonLens prints exactly what MoonLens's -jdump prints.
* tests/jit/jitlib_cases/util_trace.lua (test_jit_attach.py) compares the raw
  numbers with real LuaJIT's.
"""

import pathlib
import re

import pytest

from tests.jit.test_jit_attach import new_vm, run, run_moonlens

HERE = pathlib.Path(__file__).resolve().parent
JDUMP = HERE / "jdump_corpus"
JV = HERE / "jv_corpus"
PROGRAMS = [JDUMP / p.name for p in sorted(JDUMP.glob("*.lua"))] + [JV / n for n in (
    "builtin_string_char_rep_upper.lua", "builtin_table_concat.lua", "call_inline.lua",
    "func_with_inner_loop.lua", "recursion_down.lua", "side_trace_of_side_trace.lua",
    "table_tnew_in_loop.lua", "table_hash_get_set.lua", "vararg_select_n.lua",
    "mm_index_function.lua")]
LUAJIT_JIT = pathlib.Path("/usr/share/luajit-2.1.0-beta3")


def listing_chunk(path):
    """Lua code that writes every stopped trace's instructions to `path`: number,
    guard ('>', or '}' when sunk) and PHI marks, type, opcode, reference operands.
    Like -jdump it leaves out NOPs, CARGs (shown with their call) and RENAMEs."""
    from moonlens.jit.ir import IRNAMES, IRT_DUMPNAME
    return """
local ju, bit = require("jit.util"), require("bit")
local names, types = {%s}, {%s}
local out = assert(io.open(%r, "w"))
local function ins_line(tr, ins)
  local m, ot, op1, op2, prev = ju.traceir(tr, ins)
  local op, t = names[bit.rshift(ot, 8) + 1], bit.band(ot, 255)
  if op == "NOP" or op == "CARG" or op == "RENAME" then return end
  if op == "LOOP" then out:write(string.format("%%04d LOOP\\n", ins)) return end
  local rid = bit.band(prev, 255)
  local mark = (rid == 253 or rid == 254) and "}" or bit.band(t, 128) ~= 0 and ">" or " "
  local line = string.format("%%04d %%s%%s %%s %%s", ins, mark,
                             bit.band(t, 64) ~= 0 and "+" or " ", types[bit.band(t, 31) + 1], op)
  if not op:match("^CALL") then
    if bit.band(m, 3) == 0 and op1 >= 0 then line = line .. string.format(" %%04d", op1) end
    if bit.band(m, 12) == 0 and op2 >= 0 then line = line .. string.format(" %%04d", op2) end
  end
  out:write(line, "\\n")
end
jit.attach(function(what, tr)
  if what ~= "stop" then return end
  out:write("trace ", tr, "\\n")
  for ins = 1, ju.traceinfo(tr).nins do ins_line(tr, ins) end
  out:flush()
end, "trace")
""" % (", ".join('"%s"' % n for n in IRNAMES),
       ", ".join('"%s"' % n.strip() for n in IRT_DUMPNAME), str(path))


_IR = re.compile(r"^(\d{4}) ([ >}])([ +]) (\w+) +(\w+) *(.*)$")


def native_listing(text):
    """The same lines from -jdump=i output: reference operands are the 4-digit tokens
    (constants print as +n, "s", [0x..], literals as #n or names)."""
    out = []
    for line in text.splitlines():
        m = re.match(r"^---- TRACE (\d+) IR", line)
        if m:
            out.append("trace %s" % m.group(1))
        elif re.match(r"^\d{4} ------ LOOP", line):
            out.append("%s LOOP" % line[:4])
        elif _IR.match(line):
            ref, guard, phi, t, op, rest = _IR.match(line).groups()
            refs = "" if op.startswith("CALL") else \
                "".join(" " + tok for tok in rest.split() if re.fullmatch(r"\d{4}", tok))
            out.append("%s %s%s %s %s%s" % (ref, guard, phi, t, op, refs))
    return out


@pytest.mark.parametrize("program", PROGRAMS, ids=[p.name for p in PROGRAMS])
def test_ir_listing(program, tmp_path):
    lua, native = tmp_path / "lua.txt", tmp_path / "native.txt"
    status, _, err = run_moonlens(["-jdump=i,%s" % native, "-e", listing_chunk(lua),
                                   program.name], program.parent)
    assert status == 0, err
    got = lua.read_text().splitlines()
    assert got == native_listing(native.read_text())
    assert len(got) > 3


@pytest.mark.skipif(not (LUAJIT_JIT / "jit" / "dump.lua").exists(),
                    reason="no LuaJIT installation with jit/dump.lua")
@pytest.mark.parametrize("program", PROGRAMS[:24], ids=[p.name for p in PROGRAMS[:24]])
def test_luajit_dump_lua(program, tmp_path):
    """LuaJIT's jit/dump.lua (it uses traceinfo, traceir, tracek, tracesnap, funcinfo,
    funcbc and the "trace", "record" and "texit" events) prints -jdump's text."""
    lua, native = tmp_path / "lua.txt", tmp_path / "native.txt"
    setup = "package.path = %r .. package.path; require('jit.dump').on('tbisx', %r)" % (
        str(LUAJIT_JIT / "?.lua") + ";", str(lua))
    status, _, err = run_moonlens(["-jdump=tbisx,%s" % native, "-e", setup, program.name],
                                  program.parent)
    assert status == 0, err
    assert lua.read_text() == native.read_text()


# -- The pieces ------------------------------------------------------------------------

def test_traceinfo_of_the_trace_being_recorded():
    """A "record" handler sees the trace growing (LuaJIT's J->cur): no link yet, the
    IR buffer's prev fields are still the per-opcode chains."""
    vm = new_vm()
    run(vm, """
        local ju = require("jit.util")
        SEEN = {}
        jit.attach(function(tr)
          local i = ju.traceinfo(tr)
          SEEN[#SEEN + 1] = i.nins .. " " .. i.linktype .. " " .. i.link
          local m, ot, op1, op2, prev = ju.traceir(tr, 0)     -- BASE
          assert(bit.rshift(ot, 8) == 13 and prev == 0)
        end, "record")
        local s = 0
        for i = 1, 100 do s = s + i end
        jit.attach(function() end)
        local i = ju.traceinfo(1)
        assert(i.linktype == "loop" and i.link == 1 and i.nexit > 0)
        assert(select("#", ju.traceir(1, i.nins)) == 5)        -- the assembler's NOP
        assert(select("#", ju.traceir(1, i.nins + 1)) == 0)
    """)
    seen = vm.rawgets(vm.globals, b"SEEN")
    first = vm.sbytes(vm.rawget(seen, vm.num(1.0)))
    assert first.endswith(b" none 0")


def test_no_machine_code():
    """tracemc, traceexitstub and ircalladdr: nothing (there is no machine code)."""
    vm = new_vm()
    run(vm, """
        local ju = require("jit.util")
        local s = 0
        for i = 1, 100 do s = s + i end
        assert(ju.traceinfo(1))
        assert(select("#", ju.tracemc(1)) == 0)
        assert(select("#", ju.traceexitstub(1)) == 0)
        assert(select("#", ju.ircalladdr(0)) == 0)
    """)


def test_sunk_instructions_are_marked_as_dump_lua_expects():
    """After SINK, prev holds RID_SINK (0xfe), a store's distance to its allocation
    above it (LuaJIT's REGSP(RID_SINK, delta)); other instructions REGSP_INIT."""
    vm = new_vm()
    run(vm, """
        local ju = require("jit.util")
        local s = 0
        for i = 1, 100 do local t = {i, i + 1}; s = s + t[1] end
        local sunk = {}
        for ins = 1, ju.traceinfo(1).nins - 1 do
          local m, ot, op1, op2, prev = ju.traceir(1, ins)
          if bit.band(prev, 255) == 254 then sunk[#sunk + 1] = ins .. "/" .. bit.rshift(prev, 8)
          else assert(prev == 255, prev) end
        end
        assert(table.concat(sunk, " ") == "2/0 6/4 10/8 16/0 20/4 24/8", table.concat(sunk, " "))
    """)
