"""Regenerate tests/runtime/iopkgdbg_cases.json: io, package and debug library snippets
and what real LuaJIT prints for them.

Usage: python tests/tools/gen_iopkgdbg_cases.py [--luajit luajit]

Each case is run as `luajit -joff [args] case.lua` in a fresh temporary directory
holding the files the case needs (names ending in "/" are directories), with the
case's stdin on a pipe and its environment variables; stdout, stderr and the exit
status are recorded with the engine version, and so are LuaJIT's default
package.path and package.cpath (the test maps MoonLens's defaults onto them).

Case fields: name, source; optional files {name: text}, stdin, env {name: value},
args (before the script), mode ("cli": the test runs `moonlens run` in a
subprocess; default: in-process).
"""

import argparse
import json
import os
import pathlib
import subprocess
import sys
import tempfile

try:
    from tests.tools.gen_interp_cases import engine_version
except ImportError:                     # run as a script from tests/tools
    from gen_interp_cases import engine_version

HERE = pathlib.Path(__file__).resolve().parent
RUNTIME = HERE.parent / "runtime"

CASES = []


def case(name, source, **kw):
    assert name not in {c["name"] for c in CASES}, name
    c = {"name": name, "source": source.lstrip("\n")}
    c.update(kw)
    CASES.append(c)


LINES = {"l.txt": "line1\nline2\n\nlast"}
NUMS = {"n.txt": "  12 3.5e2 0x10 -7 abc 1e+x nan inf .5 5. +3"}

# -- io: writing and the standard files ------------------------------------------------

case("io_write_basic", """
io.write("a", 1, " ", 2.5, "\\n")
print(io.write("x"))
print(io.write())
io.write(1 / 3, " ", 1e100, " ", -0.0, " ", 2 ^ 53, " ", 1e15, " ", 1 / 0, "\\n")
""")
case("io_write_badarg", """
print(pcall(io.write, {}))
print(pcall(io.write, "a", nil))
print(pcall(function() io.write(1, true) end))
print(pcall(function() io.stdout:write("x", {}) end))
print(pcall(function() local r = io.write("a"):write("b") return r end))
""")
case("io_print_interleave", """
io.write("a")
print("b")
io.write("c\\n")
io.stdout:write("d", "\\n")
print(io.stdout:write("e"))
""")
case("io_stderr", """
io.stderr:write("to stderr\\n")
print(io.stderr:write("x", 1, "\\n"))
print(io.stderr:flush())
""")
case("io_type", """
print(io.type(io.stdout), io.type(io.stdin), io.type(io.stderr))
print(io.type(1), io.type({}), io.type(nil), io.type("file"), io.type(newproxy()))
print(pcall(io.type))
""")
case("io_tostring_std", """
print(io.stdout, io.stdin, io.stderr)
print(tostring(io.stdout) == tostring(io.stdout), io.stdout == io.output(), io.stdin == io.input())
""")
case("io_std_close", """
print(io.stdout:close())
print(io.stderr:close())
print(io.stdin:close())
print(io.close())
print(io.type(io.stdout))
io.write("still open\\n")
""")
case("io_std_readwrite_wrong_way", """
print(io.stdout:read())
print(io.stdin:write("x"))
print(io.stderr:read("*a"))
""")
case("io_std_seek", """
print(io.stdout:seek())
print(io.stdout:seek("set", 0))
print(io.stdin:seek("end"))
""")
case("io_std_setvbuf_flush", """
print(io.stdout:setvbuf("no"))
io.write("a\\n")
print(io.stdout:setvbuf("full", 1024))
print(io.stdout:setvbuf("line"))
print(io.stdout:flush(), io.flush())
""")
case("io_metatable", """
local mt = getmetatable(io.stdout)
print(type(mt), mt.__index == mt, mt == getmetatable(io.stdin))
print(mt.__metatable, type(mt.__gc), type(mt.__tostring))
print(type(mt.read), type(mt.write), type(mt.lines), type(mt.close), type(mt.flush))
print(type(mt.seek), type(mt.setvbuf), mt.open, mt.popen)
print(debug.getregistry()["FILE*"] == mt)
print(io.stdout.read == mt.read, io.stdout.__gc == mt.__gc)
""")
case("io_function_envs", """
local mt = getmetatable(io.stdout)
print(debug.getfenv(io.open) == mt, debug.getfenv(io.write) == mt, debug.getfenv(io.lines) == mt)
print(debug.getfenv(io.stdout.read) == _G, debug.getfenv(mt.__gc) == _G)
""")
case("io_builtin_ids", """
print(io.write, io.read, io.open, io.lines, io.type, io.close)
print(io.stdout.close, io.stdout.read, io.stdout.write, io.stdout.seek)
print(io.stdout.__gc, io.stdout.__tostring, io.popen, io.tmpfile, io.input, io.output)
""")
case("io_bad_self", """
local f = io.stdout
print(pcall(f.write, "x"))
print(pcall(f.read))
print(pcall(f.close, 1))
print(pcall(f.seek, {}))
local t = {read = f.read, write = f.write}
print(pcall(function() local r = t:read() return r end))
print(pcall(function() local r = t:write("x") return r end))
print(pcall(function() local r = io.stdout.lines() return r end))
""")
case("io_module_tables", """
print(package.loaded.io == io, type(io.stdout), io.stdout ~= io.stderr)
local n = 0
for k, v in pairs(io) do n = n + 1 end
print(n)
""")

# -- io: opening files -------------------------------------------------------------------

case("io_open_missing", """
print(io.open("nonexist"))
print(io.open("nonexist", "r"))
print(io.open("nodir/x.txt", "w"))
print(io.open(123))
""")
case("io_open_modes_invalid", """
print(io.open("x.txt", "z"))
print(io.open("x.txt", ""))
print(io.open("x.txt", "+r"))
print(pcall(io.open, "x.txt", {}))
print(pcall(io.open))
print(pcall(io.open, {}))
""")
case("io_open_modes_lenient", """
local f = io.open("m.txt", "wbx+")
print(io.type(f), f:write("abc"), f:seek("set"), f:read("*a"))
f:close()
print(io.open("m.txt", "wx"))
f = io.open("m.txt", "rw")
print(f:read("*a"), f:write("z"))
f:close()
f = io.open("m.txt", "rb")
print(f:read("*a"))
f:close()
""")
case("io_open_directory", """
print(io.open(".", "w"))
print(io.open(".", "r+"))
local d = io.open(".")
print(io.type(d))
print(d:read())
print(d:read("*a"))
print(d:read(0))
print(d:read(4))
print(d:close())
""")
case("io_write_read_roundtrip", """
local f = io.open("t.txt", "w")
print(f:write("hello\\n", 12, " ", 1.5, "\\n"))
print(f:seek())
print(f:close())
for l in io.lines("t.txt") do print("[" .. l .. "]") end
""")
case("io_write_formats_numbers", """
local f = assert(io.open("w.txt", "w"))
f:write(1 / 3, " ", 1e100, " ", -0.0, " ", 2 ^ 53, " ", 1e15, " ", 1 / 0, " ", -1 / 0, "\\n")
f:write(0.1, " ", 100, " ", -7, " ", 1e-5, " ", 123456789012345, "\\n")
f:close()
io.write(io.open("w.txt"):read("*a"))
""")
case("io_write_readonly", """
local f = io.open("ro.txt", "w") f:write("data") f:close()
f = io.open("ro.txt")
print(f:write("x"))
print(f:read("*a"))
print(f:flush())
f:close()
""")
case("io_read_writeonly", """
local f = io.open("wo.txt", "w")
print(f:read())
print(f:read("*a"))
print(f:read(0))
print(f:read("*n"))
print(f:write("ok"))
f:close()
print(io.open("wo.txt"):read("*a"))
""")
case("io_closed_file", """
local f = io.open("c.txt", "w")
print(f:close())
print(f, io.type(f))
print(pcall(f.read, f))
print(pcall(f.write, f, "x"))
print(pcall(f.close, f))
print(pcall(f.seek, f))
print(pcall(f.lines, f))
print(pcall(f.flush, f))
print(pcall(f.setvbuf, f, "no"))
print(pcall(io.close, f))
print(pcall(function() local r = f:read() return r end))
print(pcall(function() local r = f:write("x") return r end))
""")
case("io_closed_file_gc_tostring", """
local f = io.open("c.txt", "w")
f:close()
local mt = getmetatable(f)
print(mt.__gc(f), mt.__tostring(f))
print(pcall(mt.__gc, 1))
print(pcall(mt.__tostring))
""")
case("io_close_explicit", """
local f = io.open("e.txt", "w")
print(io.close(f))
print(io.type(f))
print(pcall(io.close, nil))
print(pcall(io.close, {}))
print(pcall(io.close, f))
""")

# -- io: reading -------------------------------------------------------------------------

case("io_read_formats", """
local f = io.open("l.txt")
print(f:read("*l", "*L", "*a"))
print(f:read("*a"), f:read("*l"), f:read(0), f:read(1))
f:close()
f = io.open("l.txt")
print(f:read("l", "L", "a"))
f:close()
f = io.open("l.txt")
print(f:read("*line"), f:read("*Line"), f:read("all"))
f:close()
""", files=LINES)
case("io_read_default_line", """
local f = io.open("l.txt")
print(f:read())
print(f:read())
print(f:read())
print(f:read())
print(f:read())
f:close()
""", files=LINES)
case("io_read_counts", """
local f = io.open("l.txt")
print(f:read(0), f:read(3), f:read(0), f:read(2.9), f:read(100))
print(f:read(0), f:read(1), f:read("*a"))
f:close()
f = io.open("l.txt")
print(f:read(1, 2, 3, 4))
print(f:read(100, 100))
f:close()
""", files=LINES)
case("io_read_stops_at_failure", """
local f = io.open("l.txt")
print(f:read("*l", "*l", "*l", "*l", "*l", "*l"))
f:close()
f = io.open("l.txt")
print(select("#", f:read("*a", "*l", "*l")))
print(f:read("*n", "*x"))
print(f:read("*l", "*x"))
f:close()
""", files=LINES)
case("io_read_invalid", """
local f = io.open("l.txt")
print(pcall(f.read, f, "x"))
print(pcall(f.read, f, {}))
print(pcall(f.read, f, "l", "x"))
print(pcall(f.read, f, ""))
print(pcall(f.read, f, "*"))
print(pcall(f.read, f, "5"))
print(pcall(f.read, f, true))
print(pcall(io.read, "x"))
print(pcall(io.read, nil))
local ok, e = pcall(function() local r = f:read("x") return r end)
print(e)
ok, e = pcall(function() local r = f:read(1, {}) return r end)
print(e)
ok, e = pcall(function() local r = io.read("*z") return r end)
print(e)
f:close()
""", files=LINES)
case("io_read_numbers", """
local f = io.open("n.txt")
print(f:read("*n", "*n", "*n", "*n"))
print(f:read("*n"))
print(f:read(3))
print(f:read("n"))
print(f:read(1), f:read(1))
print(f:read("*n", "*n", "*n", "*n", "*n"))
print(f:read("*n"))
f:close()
""", files=NUMS)
case("io_read_number_edges", """
local function try(s)
  local f = io.open("e.txt", "w") f:write(s) f:close()
  f = io.open("e.txt")
  local n = f:read("*n")
  local rest = f:read("*a")
  f:close()
  print("[" .. s .. "]", n, "[" .. rest .. "]")
end
try("0x1p4") try("0X1P-1") try("0x.8") try("0x") try("0xg") try("0x1.8p1z")
try("1e") try("1e+") try("5E-2x") try("1.5.5") try("..5") try(".") try("-")
try("+.") try("--1") try("-.5") try("+7") try("inf") try("-INF") try("infinity")
try("infinit") try("info") try("nan") try("NaN") try("nax") try("-nan")
try("") try("   ") try("\\n\\n 42\\n") try("12abc") try("1,5") try("0009") try("1e400")
""")
case("io_read_number_types", """
local f = io.open("e.txt", "w") f:write("3 4.25 -0 1e2") f:close()
f = io.open("e.txt")
local a, b, c, d = f:read("*n", "*n", "*n", "*n")
print(type(a), a, b, c, d, 1 / c)
f:close()
""")
case("io_read_number_then_line", """
local f = io.open("e.txt", "w") f:write("12 rest of line\\nnext\\n") f:close()
f = io.open("e.txt")
print(f:read("*n", "*l", "*l", "*l"))
f:close()
""")
case("io_read_line_nul", """
local f = io.open("z.txt", "w") f:write("a\\0b\\nc\\0\\nd\\n\\0x\\n") f:close()
f = io.open("z.txt")
print(f:read("*l"))
print(f:read("*L"))
print(f:read("*l"))
print(f:read("*l"))
f:close()
f = io.open("z.txt")
local s = f:read("*a")
print(#s)
f:close()
""")
case("io_read_long_line", """
local s = ""
for i = 1, 1000 do s = s .. "0123456789" end
local f = io.open("long.txt", "w") f:write(s, "\\n", s, s) f:close()
f = io.open("long.txt")
local a, b = f:read("*l", "*l")
print(#a, #b, a == s, b == s .. s, f:read("*l"))
f:close()
f = io.open("long.txt")
print(#f:read("*L"), #f:read(12345), #f:read("*a"))
f:close()
""")
case("io_read_empty_file", """
local f = io.open("empty.txt", "w") f:close()
f = io.open("empty.txt")
print(f:read())
print(f:read("*a"))
print(f:read(0))
print(f:read(1))
print(f:read("*n"))
print(f:read("*L"))
print(f:read("*a", "*a"))
f:close()
""")
case("io_read_crlf", """
local f = io.open("crlf.txt", "w") f:write("a\\r\\nb\\rc\\n") f:close()
for l in io.lines("crlf.txt") do print(#l) end
""")

# -- io: lines ---------------------------------------------------------------------------------

case("io_lines_basic", """
for l in io.lines("l.txt") do print("[" .. l .. "]") end
for l in io.lines("l.txt", "*L") do io.write("<" .. l .. ">") end
print()
""", files=LINES)
case("io_lines_formats", """
for a, b in io.lines("l.txt", 2, "*l") do print(a, b) end
for n in io.lines("n.txt", "*n") do print(n) end
for a in io.lines("l.txt", 4) do io.write(a, "|") end
print()
""", files=dict(LINES, **{"n.txt": "1 2 3 x 4"}))
case("io_lines_closes_at_eof", """
local it = io.lines("l.txt")
print(it(), it(), it(), it())
print(select("#", it()))
print(pcall(it))
local ok, e = pcall(function() local r = it() return r end)
print(e)
""", files=LINES)
case("io_lines_errors", """
print(pcall(io.lines, "nonexist"))
print(pcall(function() for l in io.lines("nonexist") do end end))
print(pcall(io.lines, {}))
print(pcall(function() for l in io.lines("l.txt", "x") do end end))
print(pcall(function() for l in io.lines("l.txt", {}) do end end))
""", files=LINES)
case("io_lines_too_many_formats", """
local t = {}
for i = 1, 59 do t[i] = 1 end
print(pcall(io.lines, "l.txt", unpack(t)))
t[60] = 1
print(pcall(io.lines, "l.txt", unpack(t)))
local f = io.open("l.txt")
print(pcall(f.lines, f, unpack(t)))
print(select("#", pcall(f.lines, f, 1, 2)))
""", files=LINES)
case("io_file_lines_no_close", """
local f = io.open("l.txt")
for l in f:lines() do io.write(l, ";") end
print()
print(io.type(f), f:read(), f:read("*a"))
print(f:seek("set", 2))
for a, b in f:lines(1, "*n") do print(a, b) end
f:close()
local it = f:lines()
""", files=LINES)
case("io_file_lines_closed", """
local f = io.open("l.txt")
local it = f:lines()
print(it())
f:close()
print(pcall(it))
print(pcall(function() for l in it do end end))
""", files=LINES)
case("io_lines_iterator_upvalues", """
local f = io.open("l.txt")
local it = f:lines("*l", 3)
print(debug.getupvalue(it, 1) == "", select(2, debug.getupvalue(it, 1)) == f)
print(debug.getupvalue(it, 2))
print(debug.getupvalue(it, 3))
print(debug.getupvalue(it, 4))
print(debug.getinfo(it, "u").nups, type(it))
f:close()
""", files=LINES)
case("io_lines_stdin", """
for l in io.lines() do print("[" .. l .. "]") end
print(io.read())
""", stdin="one\ntwo\n\nthree")
case("io_lines_stdin_nil", """
local n = 0
for l in io.lines(nil) do n = n + 1 end
print(n)
""", stdin="a\nb\n")

# -- io: stdin ------------------------------------------------------------------------------------

case("io_read_stdin", """
print(io.read("*l"))
print(io.read("*n"))
print(io.read(100))
print(io.read())
""", stdin="a b\n12 x\n")
case("io_read_stdin_formats", """
print(io.read("*n", "*n", "*l"))
print(io.read("*L"))
print(io.read(0))
print(io.read("*a"))
print(io.read("*a"))
print(io.read(0), io.read())
""", stdin="1 2.5 tail\nline\nrest\nmore")
case("io_read_stdin_empty", """
print(io.read())
print(io.read("*a"))
print(io.read("*n"))
print(io.read(0))
""")
case("io_stdin_methods", """
print(io.stdin:read("*l"))
print(io.input():read("*l"))
for l in io.stdin:lines() do print(l) end
print(io.type(io.stdin))
""", stdin="x\ny\nz\n")

# -- io: seek, setvbuf, flush ------------------------------------------------------------------

case("io_seek", """
local f = io.open("l.txt")
print(f:seek("set", 2), f:read(3), f:seek("cur"), f:seek("end"), f:seek("cur", -4), f:read("*a"))
print(f:seek("set"), f:read(0), f:read(100), f:read(0))
print(f:seek(), f:seek("cur", 0), f:seek("set", 100), f:read(1), f:seek())
print(f:seek("set", 2.9), f:seek("cur", -1.5), f:seek("end", -1), f:read())
print(f:seek("cur", nil), f:seek(nil, 1))
f:close()
""", files=LINES)
case("io_seek_errors", """
local f = io.open("l.txt")
print(pcall(f.seek, f, "bad"))
print(pcall(f.seek, f, "set", "x"))
print(pcall(f.seek, f, "set", "10"))
print(pcall(f.seek, f, 1))
print(pcall(f.seek, f, {}))
print(f:seek("set", -1))
print(f:seek("cur", -1000))
print(f:seek())
local ok, e = pcall(function() local r = f:seek("start") return r end)
print(e)
f:close()
""", files=LINES)
case("io_setvbuf", """
local f = io.open("v.txt", "w")
print(f:setvbuf("no"), f:setvbuf("full", 1024), f:setvbuf("line"), f:setvbuf("full"))
print(pcall(f.setvbuf, f, "xx"))
print(pcall(f.setvbuf, f))
print(pcall(f.setvbuf, f, "no", "x"))
print(pcall(f.setvbuf, f, 1))
f:close()
""")
case("io_buffering_visibility", """
local w = io.open("b.txt", "w")
w:write("abc")
local r = io.open("b.txt")
print("[" .. r:read("*a") .. "]")
print(w:flush())
print("[" .. r:read("*a") .. "]")
w:setvbuf("no")
w:write("def")
print("[" .. r:read("*a") .. "]")
w:setvbuf("line")
w:write("gh")
print("[" .. r:read("*a") .. "]")
w:write("i\\nj")
print("[" .. r:read("*a") .. "]")
w:close()
print("[" .. r:read("*a") .. "]")
r:close()
""")
case("io_buffer_fills", """
local w = io.open("big.txt", "w")
local s = "0123456789abcdef"
for i = 1, 300 do w:write(s) end
local r = io.open("big.txt")
print(#r:read("*a"))
w:close()
print(#r:read("*a"))
r:close()
""")
case("io_flush_results", """
local f = io.open("fl.txt", "w")
print(f:flush(), io.flush())
f:write("x")
print(f:flush())
local g = io.open("fl.txt")
print(g:flush(), g:read("*a"))
g:close() f:close()
print(pcall(io.flush, 1))
""")

# -- io: modes ------------------------------------------------------------------------------------

case("io_mode_append", """
local f = io.open("a.txt", "w") f:write("one\\n") f:close()
f = io.open("a.txt", "a")
print(f:write("two\\n"))
print(f:seek("set", 0))
f:write("three\\n")
f:close()
io.write(io.open("a.txt"):read("*a"))
f = io.open("a.txt", "a+")
print(f:read("*l"))
f:write("four\\n")
f:seek("set")
io.write(f:read("*a"))
f:close()
""")
case("io_mode_rplus", """
local f = io.open("rp.txt", "w") f:write("0123456789") f:close()
f = io.open("rp.txt", "r+")
print(f:read(3))
print(f:write("XY"))
print(f:seek("cur"))
print(f:read(2))
f:seek("set")
print(f:read("*a"))
f:seek("end")
f:write("END")
f:seek("set", 8)
print(f:read("*a"))
f:close()
print(io.open("rp.txt"):read("*a"))
""")
case("io_mode_wplus", """
local f = io.open("wp.txt", "w+")
print(f:write("hello world"))
print(f:read("*a"))
print(f:seek("set", 6))
print(f:read("*a"))
f:seek("set", 0)
f:write("HELLO")
f:seek("set", 0)
print(f:read("*l"))
f:close()
""")
case("io_truncate_on_w", """
local f = io.open("tr.txt", "w") f:write("long content") f:close()
f = io.open("tr.txt", "w") f:write("ab") f:close()
print(io.open("tr.txt"):read("*a"))
""")
case("io_tmpfile", """
local t = io.tmpfile()
print(io.type(t), t:write("abc", 1), t:seek("set"), t:read("*a"))
print(t:seek("end"), t:seek("cur", -2), t:read(1))
print(t:close(), io.type(t))
""")

# -- io: default input and output ----------------------------------------------------------------

case("io_output_file", """
local old = io.output()
print(old == io.stdout)
local f = io.output("out.txt")
print(io.type(f), f == io.output(), f ~= io.stdout)
io.write("line1\\n", 2, "\\n")
print(io.close())
print(pcall(io.write, "x"))
print(pcall(io.flush))
io.output(io.stdout)
io.write(io.open("out.txt"):read("*a"))
""")
case("io_output_closed_default", """
local f = io.output("o2.txt")
f:close()
print(pcall(io.write, "x"))
print(pcall(io.close))
local ok, e = pcall(function() io.write("y") end)
print(e)
io.output(io.stdout)
print(pcall(io.output, f))
print(io.output() == io.stdout)
""")
case("io_input_file", """
print(io.input() == io.stdin)
local f = io.input("l.txt")
print(io.type(f), f == io.input())
print(io.read(), io.read("*L"))
for l in io.lines() do print("<" .. l .. ">") end
print(io.read())
io.input():close()
print(pcall(io.read))
print(pcall(io.lines))
local ok, e = pcall(function() local r = io.read() return r end)
print(e)
io.input(io.stdin)
print(io.read())
""", files=LINES, stdin="from stdin\n")
case("io_input_output_errors", """
print(pcall(io.input, "nonexist"))
print(pcall(io.input, {}))
print(pcall(io.output, "nodir/x"))
print(pcall(io.input, newproxy()))
local f = io.open("l.txt") f:close()
print(pcall(io.input, f))
print(pcall(io.output, f))
print(io.input(nil) == io.stdin, io.output(nil) == io.stdout)
local ok, e = pcall(function() io.input("nonexist") end)
print(e)
""", files=LINES)
case("io_output_number_name", """
local f = io.output(42)
io.write("forty-two")
io.close()
io.output(io.stdout)
print(io.open("42"):read("*a"))
""")

# -- io: popen ----------------------------------------------------------------------------------

case("io_popen_read", """
local p = io.popen("echo hi; echo there")
print(io.type(p))
print(p:read("*a"))
print(p:close())
print(io.type(p))
""")
case("io_popen_lines_numbers", """
local p = io.popen("echo 1 2 3")
print(p:read("*n", "*n", "*n", "*n"))
p:close()
for l in io.popen("printf 'a\\\\nb\\\\nc'"):lines() do print(l) end
""")
case("io_popen_exit_status", """
print(io.popen("exit 3"):close())
print(io.popen("false", "r"):close())
print(io.popen("true"):read("*a"))
""")
case("io_popen_modes", """
print(io.popen("true", "x"))
print(io.popen("true", "rw"))
print(io.popen("true", ""))
print(io.popen("true", "rb"))
local p = io.popen("true", "re") print(io.type(p)) p:close()
p = io.popen("true", "rr") print(io.type(p)) p:close()
print(pcall(io.popen))
print(pcall(io.popen, "true", {}))
""")
case("io_popen_write", """
print("before")
io.stdout:flush()
local w = io.popen("cat", "w")
print(w:write("to cat\\n"))
print(w:read())
print(w:close())
print("after")
""", mode="cli")
case("io_popen_seek_read_wrong_way", """
local p = io.popen("echo x")
print(p:seek())
print(p:write("y"))
print(p:read())
p:close()
""")
case("io_popen_stderr_passthrough", """
local p = io.popen("echo err 1>&2; echo out")
print(p:read("*l"))
p:close()
""", mode="cli")

# -- io: garbage collection --------------------------------------------------------------------

case("io_gc_closes_and_flushes", """
local f = io.open("g.txt", "w")
f:write("data")
f = nil
collectgarbage()
collectgarbage()
print(io.open("g.txt"):read("*a"))
""")
case("io_unclosed_flushed_at_exit", """
local f = io.open("u.txt", "w")
f:write("written at exit")
keep = f
print("done")
""", mode="cli")

# -- package: require ------------------------------------------------------------------

case("pkg_preload", """
package.preload.x = function(...) print("loading", ..., select("#", ...)) return {v = 42} end
local m = require("x")
print(m.v, package.loaded.x == m, require("x") == m)
""")
case("pkg_preload_returns_nil", """
package.preload.x = function(...) print("loading", type(package.loaded.x)) return nil end
print(require("x"), package.loaded.x)
package.preload.y = function(name) package.loaded[name] = "set by module" end
print(require("y"))
package.preload.z = function() return false end
print(require("z"), package.loaded.z)
""")
case("pkg_sentinel_value", """
package.preload.x = function() print(package.loaded.x) end
require("x")
""")
case("pkg_loop", """
package.preload.y = function() require("y") end
print(pcall(require, "y"))
print(pcall(require, "y"))
print(package.loaded.y == package.loaded.y, type(package.loaded.y))
""")
case("pkg_previous_error", """
package.preload.e = function() error("boom") end
print(pcall(require, "e"))
print(pcall(require, "e"))
local ok, err = pcall(function() require("e") end)
print(err)
""")
case("pkg_file_module", """
local m = require("mod")
print(m.name, m.answer, package.loaded.mod == m)
print(require("mod") == m)
""", files={"mod.lua": "print('loading mod', ...)\nreturn {name = ..., answer = 42}\n"})
case("pkg_file_module_dotted", """
package.path = "./?.lua;./?/init.lua"
print(require("a.b").name)
print(require("pkgdir").name)
print(package.loaded["a.b"].name)
""", files={"a/b.lua": "return {name = ...}", "pkgdir/init.lua": "return {name = 'init:' .. ...}"})
case("pkg_file_module_shebang", """
print(require("sb"))
""", files={"sb.lua": "#!/usr/bin/env luajit\nreturn 'shebang ok'\n"})
case("pkg_file_module_syntax_error", """
print(pcall(require, "bad"))
print(package.loaded.bad)
""", files={"bad.lua": "return {\n"})
case("pkg_file_module_runtime_error", """
print(pcall(require, "rt"))
print(pcall(require, "rt"))
""", files={"rt.lua": "local x = nil\nreturn x.field\n"})
case("pkg_file_module_uncaught", """
require("rt")
""", files={"rt.lua": "error('module failed')\n"})
case("pkg_directory_as_module", """
print(pcall(require, "dd"))
""", files={"dd.lua/": ""})
case("pkg_not_found_custom_path", """
package.path = "./?.lua;./lib/?.lua;./?/init.lua"
package.cpath = "./?.so;./lib/?.so"
print(pcall(require, "nope"))
print(pcall(require, "nope.sub.mod"))
""")
case("pkg_not_found_default_path", """
print(pcall(require, "nope.sub"))
""")
case("pkg_not_found_uncaught", """
package.path = "./?.lua"
package.cpath = "./?.so"
require("missing")
""")
case("pkg_loaded_manipulation", """
package.loaded.x = "cached"
print(require("x"))
package.loaded.y = false
package.preload.y = function() return "reloaded" end
print(require("y"))
package.loaded.w = 0
print(require("w"))
""")
case("pkg_require_args", """
print(pcall(require))
print(pcall(require, {}))
package.preload["12"] = function(n) return "twelve:" .. n end
print(require(12))
local ok, e = pcall(function() require() end)
print(e)
""")
case("pkg_require_one_result", """
package.preload.m = function() return 1, 2, 3 end
print(require("m"))
print(select("#", require("m")))
""")
case("pkg_loaders", """
print(#package.loaders, type(package.loaders[1]), type(package.loaders[4]))
print(package.loaders[1]("nothing"))
print(package.loaders[4]("nodot"))
print(select("#", package.loaders[4]("nodot")))
package.path = "./?.x"
package.cpath = "./?.y"
print(package.loaders[2]("a.b"))
print(package.loaders[3]("a.b"))
print(package.loaders[4]("a.b"))
""")
case("pkg_custom_loader", """
table_insert = function(t, v) t[#t + 1] = v end
table_insert(package.loaders, function(name)
  if name == "virtual" then return function(n) return "virtual module " .. n end end
  return "\\n\\tno virtual module '" .. name .. "'"
end)
print(require("virtual"))
package.path = "./?.lua"
package.cpath = "./?.so"
print(pcall(require, "other"))
package.loaders[5] = function() return 42 end
print(pcall(require, "other2"))
package.loaders[5] = function() return {} end
print(pcall(require, "other3"))
""")
case("pkg_loaders_replaced", """
package.loaders = {function(name) return function() return "only:" .. name end end}
print(require("anything"))
package.loaders = nil
print(pcall(require, "more"))
package.loaders = {}
print(pcall(require, "more"))
""")
case("pkg_bad_path_fields", """
package.path = nil
print(pcall(require, "p1"))
package.path = 42
package.cpath = "./?.so"
print(pcall(require, "p2"))
package.path = "./?.lua"
package.cpath = {}
print(pcall(require, "p3"))
package.preload = nil
print(pcall(require, "p4"))
""")
case("pkg_env_is_package", """
print(debug.getfenv(require) == package, debug.getfenv(module) == package)
print(debug.getfenv(package.loaders[1]) == package, debug.getfenv(package.seeall) == package)
local p = package
package = nil
p.preload.q = function() return "still works" end
print(require("q"))
package = p
""")
case("pkg_tables", """
print(package.loaded == debug.getregistry()._LOADED)
print(package.preload == debug.getregistry()._PRELOAD)
print(package.loaded._G == _G, package.loaded.package == package, package.loaded.io == io)
print(package.loaded.debug == debug, package.loaded.coroutine == coroutine)
print(type(package.loaded.table))
print(type(debug.getregistry()._LOADLIB))
""")
case("pkg_config", """
io.write(package.config)
print(type(package.path), type(package.cpath))
""")
case("pkg_default_paths", """
print(package.path)
print(package.cpath)
""")
case("pkg_lua_path_env", """
print(package.path)
print(package.cpath)
""", env={"LUA_PATH": "./?.lua;;/x/?.lua", "LUA_CPATH": ";;./?.so"}, mode="cli")
case("pkg_lua_path_env_plain", """
print(package.path)
print(pcall(require, "zz"))
""", env={"LUA_PATH": "./lib/?.lua", "LUA_CPATH": "./c/?.so"}, mode="cli")
case("pkg_lua_path_env_multi", """
print(package.path)
""", env={"LUA_PATH": ";;;"}, mode="cli")
case("pkg_searchpath", """
print(package.searchpath("a.b", "./?.lua;./?/x.lua"))
print(package.searchpath("a.b", "", "", ""))
print(package.searchpath("f", "./?.txt"))
print(package.searchpath("f_b", "./?.txt", "_", "."))
print(package.searchpath("f.txt", "./?", ""))
print(package.searchpath("x", ";;./?.lua;;"))
print(pcall(package.searchpath))
print(pcall(package.searchpath, "x"))
print(pcall(package.searchpath, "x", {}))
""", files={"f.txt": "", "f.b.txt": ""})
case("pkg_loadlib", """
local f, msg, where = package.loadlib("nonexist.so", "luaopen_x")
print(f, type(msg), where == "open" or where == "absent")
print(pcall(package.loadlib))
print(pcall(package.loadlib, "x"))
""")
case("pkg_c_module_found", """
local ok, e = pcall(require, "cmod")
print(ok, type(e))
""", files={"cmod.so": "not a library"})
case("pkg_seeall", """
local t = {}
print(package.seeall(t))
print(t.print == print, getmetatable(t).__index == _G)
local u = setmetatable({}, {__index = 1, other = 2})
package.seeall(u)
print(getmetatable(u).__index == _G, getmetatable(u).other)
print(pcall(package.seeall))
print(pcall(package.seeall, 1))
""")
case("pkg_module_basic", """
local m = require("mymod")
print(m._NAME, m._PACKAGE == "", m._M == m, mymod == m, m.f())
print(package.loaded.mymod == m)
""", files={"mymod.lua": "module(..., package.seeall)\nfunction f() return 'f in ' .. _NAME end\n"})
case("pkg_module_nested", """
local m = require("a.b.c")
print(m._NAME, m._PACKAGE, a.b.c == m, type(a), type(a.b))
print(package.loaded["a.b.c"] == m, m.x)
""", files={"a/b/c.lua": "module(...)\nx = 'in c'\n"})
case("pkg_module_inline", """
local env = getfenv(1)
module("inl")
x = 1
env.print(inl.x, _NAME, _M == inl, env.package.loaded.inl == inl)
""")
case("pkg_module_options", """
local function opt(m) m.touched = true end
local function opt2(m) m.touched2 = m._NAME end
local env = getfenv(1)
module("withopts", opt, opt2)
env.print(touched, touched2)
""")
case("pkg_module_errors", """
x = 1
print(pcall(function() module("x") end))
y = {z = 1}
print(pcall(function() module("y.z.w") end))
print(pcall(module, "m"))
print(pcall(module))
print(pcall(function() module({}) end))
""")
case("pkg_module_existing", """
package.loaded.ex = {pre = "existing"}
local env = getfenv(1)
module("ex")
env.print(pre, _NAME)
""")
case("pkg_module_reinit_keeps_name", """
local env = getfenv(1)
local t = {_NAME = "custom"}
env.package.loaded.re = t
module("re")
env.print(_NAME, _M, _PACKAGE)
""")
case("pkg_require_l_option", """
print(package.loaded.lmod ~= nil, lmod_loaded)
""", files={"lmod.lua": "lmod_loaded = 'yes'\nprint('lmod', ...)\nreturn true\n"},
     args=["-l", "lmod"], mode="cli")
case("pkg_require_l_missing", """
print("not reached")
""", args=["-l", "missing_mod"], mode="cli")
case("pkg_require_global_name", """
print(require, module)
print(type(require), type(module))
""")

# -- debug: getinfo ---------------------------------------------------------------------------

case("dbg_getinfo_main", """
local i = debug.getinfo(1)
print(i.source, i.short_src, i.what, i.linedefined, i.lastlinedefined)
print(i.currentline, i.nups, i.nparams, i.isvararg, i.name, i.namewhat)
print(i.func ~= nil, i.activelines)
""")
case("dbg_getinfo_function", """
local up = 1
local function f(a, b, ...)
  return up
end
local i = debug.getinfo(f)
print(i.source, i.short_src, i.what, i.linedefined, i.lastlinedefined)
print(i.currentline, i.nups, i.nparams, i.isvararg, i.name, i.namewhat, i.func == f)
i = debug.getinfo(function() end, "S")
print(i.linedefined, i.lastlinedefined, i.what)
""")
case("dbg_getinfo_cfunction", """
local i = debug.getinfo(rawequal)
print(i.source, i.short_src, i.what, i.linedefined, i.lastlinedefined)
print(i.currentline, i.nups, i.nparams, i.isvararg, i.name, i.namewhat, i.func == rawequal)
i = debug.getinfo(coroutine.wrap(function() end), "u")
print(i.nups, i.nparams, i.isvararg)
print(debug.getinfo(print, "L").activelines)
""")
case("dbg_getinfo_levels", """
local function g()
  local i0 = debug.getinfo(0, "nSl")
  local i1 = debug.getinfo(1, "nSl")
  local i2 = debug.getinfo(2, "nSl")
  print(i0.name, i0.namewhat, i0.what, i0.currentline)
  print(i1.name, i1.namewhat, i1.what, i1.currentline, i1.linedefined)
  print(i2.name, i2.namewhat, i2.what, i2.currentline)
  print(debug.getinfo(3, "S").what, debug.getinfo(4), debug.getinfo(100))
end
local function f() g() end
f()
""")
case("dbg_getinfo_options", """
print(pcall(debug.getinfo, 1, "x"))
print(pcall(debug.getinfo, 1, ">S"))
print(pcall(debug.getinfo, print, "Sz"))
print(debug.getinfo(100, "x"))
print(pcall(debug.getinfo))
print(pcall(debug.getinfo, {}))
print(pcall(debug.getinfo, "x"))
print(pcall(debug.getinfo, nil))
print(debug.getinfo("1", "l").currentline)
print(debug.getinfo(1.9, "l").currentline)
local i = debug.getinfo(1, "")
print(type(i), next(i))
local ok, e = pcall(function() local r = debug.getinfo(1, "?") return r end)
print(e)
""")
case("dbg_getinfo_fields_by_option", """
local function has(t, ...)
  local out = {}
  for _, k in ipairs({...}) do out[#out + 1] = k .. "=" .. tostring(t[k] ~= nil) end
  return unpack(out)
end
local keys = {"source", "short_src", "linedefined", "lastlinedefined", "what", "currentline",
  "nups", "nparams", "isvararg", "name", "namewhat", "func", "activelines"}
for _, o in ipairs({"S", "l", "u", "n", "f", "L", "flnSu"}) do
  print(o, has(debug.getinfo(1, o), unpack(keys)))
end
""")
case("dbg_getinfo_names", """
local function show(lvl)
  local i = debug.getinfo(lvl or 2, "n")
  print(i.name, i.namewhat)
end
function gfunc() show() end
local function lfunc() show() end
local t = {fld = function() show() end}
function t:meth() show() end
local up = function() show() end
local function useup() up() end
gfunc() lfunc() t.fld() t:meth() useup()
local mt = setmetatable({}, {__index = function() show() return 1 end,
  __add = function() show() return 1 end, __call = function() show() end})
local _ = mt.x
_ = mt + 1
mt()
pcall(show, 2)
for _ in function() show() end do break end
local co = coroutine.wrap(function() show() end)
co()
""")
case("dbg_getinfo_chunknames", """
local f = loadstring("local i = debug.getinfo(1, 'S') return i")
local i = f()
print(i.source, i.short_src, i.what)
i = loadstring("local i = debug.getinfo(1, 'S') return i", "=custom name")()
print(i.source, i.short_src)
i = loadstring("local i = debug.getinfo(1, 'S') return i", "@some/file.lua")()
print(i.source, i.short_src)
i = loadstring("\\n\\nlocal i = debug.getinfo(1, 'S') return i -- a long line that goes on and on")()
print(i.short_src)
i = loadstring("local i = debug.getinfo(1, 'S') return i -- a long first line that goes on and on and on")()
print(i.short_src)
i = loadstring("local function f() end return debug.getinfo(f, 'S')")()
print(i.source, i.short_src, i.what, i.linedefined)
""")
case("dbg_getinfo_activelines", """
local function f(x)
  local y = x + 1

  return y
end
local t = debug.getinfo(f, "L").activelines
for i = 1, 10 do if t[i] then io.write(i, " ") end end
print()
t = debug.getinfo(1, "L").activelines
local n = 0
for k, v in pairs(t) do n = n + 1 end
print(n, t[1], t[12], t[13])
""")
case("dbg_getinfo_currentline", """
local function f()
  return debug.getinfo(2, "l").currentline,
         debug.getinfo(1, "l").currentline
end
print(f())
local a, b = f(
)
print(a, b)
""")
case("dbg_getinfo_thread", """
local co = coroutine.create(function(x)
  coroutine.yield(x)
end)
print(debug.getinfo(co, 0))
coroutine.resume(co, 1)
local i = debug.getinfo(co, 0, "Sln")
print(i.what, i.currentline, i.name, i.namewhat)
i = debug.getinfo(co, 1, "Sln")
print(i.what, i.currentline, i.name, i.namewhat, i.linedefined)
print(debug.getinfo(co, 2))
print(pcall(debug.getinfo, co))
print(pcall(debug.getinfo, co, "x"))
print(debug.getinfo(co, print, "S").what)
""")
case("dbg_getinfo_in_coroutine", """
local co = coroutine.create(function()
  local i = debug.getinfo(1, "Sl")
  print(i.what, i.currentline)
  print(debug.getinfo(2))
end)
coroutine.resume(co)
""")
case("dbg_getinfo_func_option", """
local function f() return debug.getinfo(1, "f").func end
print(f() == f)
print(debug.getinfo(1, "f").func ~= nil, debug.getinfo(print, "f").func == print)
print(debug.getinfo(0, "f").func == debug.getinfo)
""")

# -- debug: locals ---------------------------------------------------------------------------

case("dbg_getlocal_main", """
local a = 1
print(debug.getlocal(1, 1))
print(debug.getlocal(1, 2))
print((debug.getlocal(1, 3)))
print(debug.getlocal(1, 4))
print(debug.getlocal(0, 1))
print(debug.getlocal(0, 2))
print(debug.getlocal(0, 3))
""")
case("dbg_getlocal_function", """
local function f(x, y)
  local z = x + y
  do local inner = 1 end
  print(debug.getlocal(1, 1))
  print(debug.getlocal(1, 2))
  print(debug.getlocal(1, 3))
  print(debug.getlocal(1, 4))
  print(debug.getlocal(2, 1))
end
local outer = "o"
f(1, 2)
""")
case("dbg_getlocal_varargs", """
local function v(x, ...)
  local y = 5
  print(debug.getlocal(1, -1))
  print(debug.getlocal(1, -2))
  print(debug.getlocal(1, -3))
  print(debug.getlocal(1, 1), debug.getlocal(1, 2))
  print(debug.getlocal(1, 3))
end
v(10, "va1", "va2")
v()
local function nv(p, q) print(debug.getlocal(1, -1)) end
nv(1, 2)
print(debug.getlocal(1, -1))
""")
case("dbg_getlocal_funcarg", """
local function v(x, ...) local y end
local function f(a, b, c) local d end
print(debug.getlocal(v, 1), debug.getlocal(v, 2))
print(debug.getlocal(f, 1), debug.getlocal(f, 3), debug.getlocal(f, 4), debug.getlocal(f, 0))
print(debug.getlocal(print, 1), debug.getlocal(f, -1))
print(select("#", debug.getlocal(f, 1)))
""")
case("dbg_getlocal_errors", """
print(pcall(debug.getlocal, 100))
print(pcall(debug.getlocal, 100, 1))
print(pcall(debug.getlocal, {}, 1))
print(pcall(debug.getlocal, 1, "x"))
print(pcall(debug.getlocal, -1, 1))
local ok, e = pcall(function() local r = debug.getlocal(50, 1) return r end)
print(e)
""")
case("dbg_getlocal_for_loops", """
for i = 1, 1 do
  for j = 1, 2 do
    local k = 0
    for n = 1, 20 do
      local name, val = debug.getlocal(1, n)
      if not name then break end
      io.write(name, "=", tostring(val), " ")
    end
    print()
  end
end
for k, v in pairs({a = 1}) do
  for n = 1, 20 do
    local name = debug.getlocal(1, n)
    if not name then break end
    io.write(name, " ")
  end
  print()
end
""")
case("dbg_getlocal_thread", """
local co = coroutine.create(function(x)
  local z = 3
  coroutine.yield(x)
end)
coroutine.resume(co, 7)
print(debug.getlocal(co, 1, 1))
print(debug.getlocal(co, 1, 2))
print(debug.getlocal(co, 1, 3))
print(debug.getlocal(co, 0, 1))
print(pcall(debug.getlocal, co, 5, 1))
print(debug.setlocal(co, 1, 2, 30))
print(debug.getlocal(co, 1, 2))
""")
case("dbg_setlocal", """
local function f()
  local a, b = 1, 2
  local function g()
    print(debug.setlocal(2, 1, "changed"))
    print(debug.setlocal(2, 2, nil))
    print(debug.setlocal(2, 10, 1))
  end
  g()
  print(a, b)
end
f()
local x = 1
print(debug.setlocal(1, 1, 99), x)
print(pcall(debug.setlocal, 100, 1, 1))
print(pcall(debug.setlocal, 1, 1))
print(pcall(debug.setlocal, 1))
""")
case("dbg_setlocal_vararg", """
local function v(...)
  print(debug.setlocal(1, -1, "new"))
  print(debug.setlocal(1, -5, "x"))
  print(...)
end
v("old", "two")
""")
case("dbg_getlocal_temporaries", """
local function f(...)
  local a = 1
  print(debug.getlocal(1, 2))
  local t = {debug.getlocal(1, 2)}
  print(t[1], t[2])
end
f(1, 2)
local x, y = 1, 2
print(x, debug.getlocal(1, 3))
""")

# -- debug: upvalues ---------------------------------------------------------------------------

case("dbg_upvalues", """
local a, b = 1, "two"
local function f() return a, b end
print(debug.getupvalue(f, 1))
print(debug.getupvalue(f, 2))
print(select("#", debug.getupvalue(f, 3)))
print(select("#", debug.getupvalue(f, 0)))
print(debug.setupvalue(f, 1, 10))
print(select("#", debug.setupvalue(f, 3, 10)))
print(a, f())
print(debug.getupvalue(rawequal, 1))
""")
case("dbg_upvalue_errors", """
print(pcall(debug.getupvalue))
print(pcall(debug.getupvalue, {}))
print(pcall(debug.getupvalue, {}, 1))
print(pcall(debug.getupvalue, print, "x"))
print(pcall(debug.setupvalue, print, 1))
print(pcall(debug.setupvalue, {}, 1, 1))
""")
case("dbg_upvalue_cfunction", """
local w = coroutine.wrap(function() end)
local name, v = debug.getupvalue(w, 1)
print(name == "", type(v))
print(debug.getupvalue(w, 2))
print(debug.setupvalue(w, 1, "x") == "")
print(select(2, debug.getupvalue(w, 1)))
""")
case("dbg_upvalue_open_and_closed", """
local function counter()
  local n = 0
  local function inc() n = n + 1 return n end
  local function get() return n end
  print(debug.getupvalue(inc, 1))
  inc()
  print(debug.getupvalue(get, 1))
  debug.setupvalue(get, 1, 100)
  print(n)
  return inc, get
end
local inc, get = counter()
print(inc(), get(), debug.getupvalue(inc, 1))
debug.setupvalue(inc, 1, 5)
print(get())
""")
case("dbg_upvalueid", """
local a, b = 1, 2
local function f() return a, b end
local function g() return a end
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
print(debug.upvalueid(f, 2) == debug.upvalueid(g, 1))
print(type(debug.upvalueid(f, 1)))
local w = coroutine.wrap(function() end)
print(type(debug.upvalueid(w, 1)))
print(pcall(debug.upvalueid, f, 3))
print(pcall(debug.upvalueid, f, 0))
print(pcall(debug.upvalueid, rawequal, 1))
print(pcall(debug.upvalueid, {}, 1))
print(pcall(debug.upvalueid, f))
""")
case("dbg_upvaluejoin", """
local a, b = "a", "b"
local function f() return a end
local function g() return b end
print(debug.upvaluejoin(f, 1, g, 1))
print(f(), g())
print(debug.upvalueid(f, 1) == debug.upvalueid(g, 1))
b = "changed"
print(f())
print(pcall(debug.upvaluejoin, f, 1, print, 1))
print(pcall(debug.upvaluejoin, print, 1, f, 1))
print(pcall(debug.upvaluejoin, f, 2, g, 1))
print(pcall(debug.upvaluejoin, f, 1, g, 5))
print(pcall(debug.upvaluejoin, f, 1, g))
print(pcall(debug.upvaluejoin, f))
""")

# -- debug: hooks ---------------------------------------------------------------------------

case("dbg_gethook_default", """
print(debug.gethook())
print(select("#", debug.gethook()))
""")
case("dbg_sethook_store", """
local function h() end
debug.sethook(h, "", 0)
print(debug.gethook() == h, select(2, debug.gethook()), select(3, debug.gethook()))
debug.sethook()
print(debug.gethook())
debug.sethook(nil)
print(debug.gethook())
""")
case("dbg_sethook_mask_text", """
local function h() end
local co = coroutine.create(function() end)
debug.sethook(co, h, "", 5)
print(select(2, debug.gethook()), select(3, debug.gethook()))
debug.sethook(co)
print(debug.gethook())
debug.sethook(h, "", -1)
print(debug.gethook() == h, select(2, debug.gethook()), select(3, debug.gethook()))
debug.sethook()
""")
case("dbg_sethook_errors", """
print(pcall(debug.sethook, 1, "c"))
print(pcall(debug.sethook, print))
print(pcall(debug.sethook, print, {}))
print(pcall(debug.sethook, print, "c", "x"))
print(pcall(debug.sethook, {}, 1))
print(debug.gethook())
""")
case("dbg_sethook_line_events", """
local lines = {}
debug.sethook(function(ev, line) lines[#lines + 1] = ev .. ":" .. tostring(line) end, "l")
local x = 1
x = x + 1
debug.sethook()
print(#lines > 0, lines[1], lines[2])
print(debug.gethook())
""")
case("dbg_sethook_call_events", """
local n = 0
local function f() end
debug.sethook(function(ev) if ev == "call" then n = n + 1 end end, "c")
f() f() f()
debug.sethook()
print(n)
""")
case("dbg_sethook_count", """
local n = 0
debug.sethook(function(ev) n = n + 1 end, "", 1)
for i = 1, 100 do end
debug.sethook()
print(n > 50, debug.gethook())
""")

# -- debug: metatables, environments, registry ------------------------------------------------

case("dbg_getmetatable", """
local mt = {__metatable = "protected"}
local t = setmetatable({}, mt)
print(getmetatable(t), debug.getmetatable(t) == mt)
print(debug.getmetatable(1), debug.getmetatable(nil), debug.getmetatable(print))
print(debug.getmetatable(io.stdout) == getmetatable(io.stdout))
print(pcall(debug.getmetatable))
""")
case("dbg_setmetatable_table", """
local t = {}
print(debug.setmetatable(t, {__index = {x = 1}}), t.x)
local p = setmetatable({}, {__metatable = false})
print(debug.setmetatable(p, {__index = {y = 2}}), p.y, getmetatable(p))
print(debug.setmetatable(t, nil), getmetatable(t))
print(pcall(debug.setmetatable, t))
print(pcall(debug.setmetatable, t, 1))
print(pcall(debug.setmetatable, 1, "x"))
""")
case("dbg_setmetatable_number", """
debug.setmetatable(0, {__index = function(n, k) return k .. n end,
  __call = function(n, a) return n * a end})
print((5).foo, (2)(21), getmetatable(1).__call ~= nil)
debug.setmetatable(1, nil)
print(getmetatable(5), pcall(function() return (5).foo end))
""")
case("dbg_setmetatable_boolean_nil_function", """
debug.setmetatable(true, {__index = function(b, k) return tostring(b) .. k end})
print((true).x, (false).y, getmetatable(false) == getmetatable(true))
debug.setmetatable(false, nil)
print(getmetatable(true))
debug.setmetatable(nil, {__index = function(_, k) return "nil." .. k end})
local n = nil
print(n.field)
debug.setmetatable(nil, nil)
print(pcall(function() return n.field end))
debug.setmetatable(print, {__index = {kind = "function"}, __concat = function(a, b) return "cat" end})
print(print.kind, (function() end).kind, print .. 1)
debug.setmetatable(print, nil)
""")
case("dbg_setmetatable_thread_userdata", """
local co = coroutine.create(function() end)
debug.setmetatable(co, {__index = {tag = "thread"}})
print(co.tag, coroutine.running() == nil)
debug.setmetatable(co, nil)
local u = newproxy()
print(debug.setmetatable(u, {__tostring = function() return "udata!" end}))
print(tostring(u))
print(debug.getmetatable(u) ~= nil)
""")
case("dbg_getfenv", """
local function f() end
print(debug.getfenv(f) == _G, debug.getfenv(print) == _G)
print(debug.getfenv(1), debug.getfenv(nil), debug.getfenv("x"), debug.getfenv({}))
print(debug.getfenv(coroutine.create(f)) == _G, debug.getfenv(newproxy()) == _G)
print(pcall(debug.getfenv))
""")
case("dbg_setfenv", """
local function f() return x end
local env = {x = "from env"}
print(debug.setfenv(f, env) == f, f(), debug.getfenv(f) == env)
local c = coroutine.wrap(function() end)
print(debug.setfenv(c, env) == c, debug.getfenv(c) == env)
local u = newproxy()
print(debug.setfenv(u, env) == u, debug.getfenv(u) == env)
local co = coroutine.create(function() return x end)
print(debug.setfenv(co, env) == co, debug.getfenv(co) == env)
print(pcall(debug.setfenv, 1, {}))
print(pcall(debug.setfenv, f, 1))
print(pcall(debug.setfenv, f))
local ok, e = pcall(function() local r = debug.setfenv("s", {}) return r end)
print(e)
""")
case("dbg_setfenv_thread_new_functions", """
local co = coroutine.create(function()
  local g = loadstring("return y")
  return g()
end)
debug.setfenv(co, {y = "thread env", loadstring = loadstring})
print(coroutine.resume(co))
""")
case("dbg_getregistry", """
local r = debug.getregistry()
print(type(r), r == debug.getregistry(), r._LOADED == package.loaded)
print(type(r._PRELOAD), type(r["FILE*"]), r._G)
""")

# -- debug: traceback -----------------------------------------------------------------------

case("dbg_traceback_basic", """
print(debug.traceback("hello"))
print(debug.traceback("hello", 2))
print(debug.traceback())
print(debug.traceback("lvl0", 0))
""")
case("dbg_traceback_nonstring", """
print(debug.traceback(12))
print(debug.traceback(nil))
print(debug.traceback({}) ~= nil, type(debug.traceback({})))
print(debug.traceback(true))
print(select("#", debug.traceback(nil)))
print(debug.traceback(nil, 1))
""")
case("dbg_traceback_nested", """
local function c() print(debug.traceback("in c")) end
local function b() c() end
function a() b() end
a()
local t = {m = function() print(debug.traceback("method", 1)) end}
t.m()
""")
case("dbg_traceback_xpcall", """
local function f() local x = nil; return x.y end
print(xpcall(f, debug.traceback))
print(xpcall(function() error("msg") end, debug.traceback))
print(xpcall(function() error({}) end, debug.traceback))
""")
case("dbg_traceback_deep", """
local function r(n) if n == 0 then print(debug.traceback("deep")) else r(n - 1) end end
r(30)
""")
case("dbg_traceback_deep_tail", """
local function r(n) if n == 0 then print(debug.traceback("deep")) else r(n - 1) return end end
r(18)
""")
case("dbg_traceback_thread", """
local co = coroutine.create(function(x)
  local z = 3
  coroutine.yield(x)
end)
print(debug.traceback(co))
coroutine.resume(co, 7)
print(debug.traceback(co))
print(debug.traceback(co, "msg"))
print(debug.traceback(co, "msg", 1))
print(debug.traceback(co, nil))
print(debug.traceback(co, "x", 5))
coroutine.resume(co)
print(debug.traceback(co, "dead"))
""")
case("dbg_traceback_in_coroutine", """
local co = coroutine.create(function() print(debug.traceback("inside")) end)
coroutine.resume(co)
local w = coroutine.wrap(function() print(debug.traceback()) end)
w()
""")
case("dbg_traceback_pcall_frames", """
print(pcall(function() print(debug.traceback("in pcall")) end))
print(pcall(debug.traceback, "direct"))
""")
case("dbg_traceback_metamethod", """
local t = setmetatable({}, {__index = function(t, k) print(debug.traceback(k)) return 1 end})
local _ = t.key
""")

# -- debug: debug.debug --------------------------------------------------------------------

case("dbg_debug_repl", """
debug.debug()
print("after")
""", stdin="print('in debug', 1 + 1)\nx = 5\nerror('oops')\nerror({})\nprint(x)\ncont\nprint('not run')\n")
case("dbg_debug_eof", """
debug.debug()
print("eof")
""", stdin="print(1)\n")
case("dbg_debug_syntax", """
debug.debug()
""", stdin="this is not lua\n")

# -- debug: misc ----------------------------------------------------------------------------

case("dbg_library_contents", """
local names = {"getregistry", "getmetatable", "setmetatable", "getfenv", "setfenv",
  "getinfo", "getlocal", "setlocal", "getupvalue", "setupvalue", "upvalueid",
  "upvaluejoin", "sethook", "gethook", "debug", "traceback"}
local n = 0
for _, k in ipairs(names) do if type(debug[k]) == "function" then n = n + 1 end end
local total = 0
for k in pairs(debug) do total = total + 1 end
print(n, total)
print(debug.getinfo, debug.traceback, debug.getlocal, debug.sethook)
""")
case("dbg_uncaught_error_traceback", """
local function f() error("uncaught") end
f()
""")
case("dbg_uncaught_error_table", """
error(setmetatable({}, {__tostring = function() return "custom error" end}))
""")


# -- more cases ------------------------------------------------------------------------------

case("io_tostring_files", """
local f = io.open("ts.txt", "w")
print(f)
print(tostring(f) == tostring(f), io.type(f))
f:close()
print(f)
local t = io.tmpfile()
print(t, io.type(t))
t:close()
print(t)
""")
case("io_rplus_small_read_flushes", """
local f = io.open("rs.txt", "w+")
f:write("abcdef")
print(f:read(3))
f:seek("set")
print(f:read("*a"))
f:close()
""")
case("io_wplus_big_read_discards", """
local f = io.open("rb.txt", "w+")
f:write("pending")
print("[" .. f:read("*a") .. "]")
f:seek("set")
print("[" .. f:read("*a") .. "]")
f:write("kept")
f:flush()
f:seek("set")
print("[" .. f:read("*a") .. "]")
f:close()
""")
case("io_big_write_blocks", """
local s = ""
for i = 1, 1000 do s = s .. "0123456789" end
local w = io.open("bw.txt", "w")
w:write(s)
local r = io.open("bw.txt")
print(#r:read("*a"))
w:write("x")
print(#r:read("*a"))
w:close()
print(#r:read("*a"))
r:close()
""")
case("io_seek_beyond_end_write", """
local f = io.open("sb.txt", "w")
print(f:seek("set", 10))
f:write("end")
f:close()
local r = io.open("sb.txt")
local s = r:read("*a")
print(#s)
r:close()
""")
case("io_read_hex_negative", """
local f = io.open("h.txt", "w") f:write("-0x10 +0x1P2 0x 7") f:close()
f = io.open("h.txt")
print(f:read("*n", "*n"))
print(f:read("*n"))
print(f:read("*a"))
f:close()
""")
case("io_read_zero_then_line", """
local f = io.open("z0.txt", "w") f:write("\\nx") f:close()
f = io.open("z0.txt")
print(f:read(0), f:read("*l"), f:read(0), f:read("*l"), f:read(0))
f:close()
""")
case("io_lines_numbers_stop", """
local f = io.open("ln.txt", "w") f:write("1 2 x 3") f:close()
for a in io.lines("ln.txt", "*n") do print(a) end
local n = 0
for a, b in io.lines("ln.txt", "*n", "*n") do n = n + 1 print(a, b) end
print(n)
""")
case("io_popen_lines_iterate", """
for l in io.popen("printf 'x\\\\ny\\\\n'"):lines() do print("<" .. l .. ">") end
local p = io.popen("printf 'a b'")
for w in p:lines(1) do io.write(w, ".") end
print()
print(p:close())
""")
case("io_write_many_values", """
local f = io.open("mv.txt", "w")
print(f:write())
print(f:write("a", "b", 1, 2, 3.5, "c"))
f:close()
print(io.open("mv.txt"):read("*a"))
""")
case("io_std_close_twice", """
print(io.stdout:close())
print(io.stdout:close())
print(io.type(io.stdout), io.type(io.stderr))
""")
case("pkg_loaded_metatable", """
setmetatable(package.loaded, {__index = function(t, k) print("lookup", k) end})
package.preload.mm = function() return "mm module" end
print(require("mm"))
print(require("mm"))
""")
case("pkg_loader_raises", """
package.preload.bad = function() error("in loader body") end
print(pcall(require, "bad"))
package.loaders[1] = function(name) error("loader failed for " .. name) end
print(pcall(require, "x"))
""")
case("pkg_module_globals_access", """
local m = require("gmod")
print(m.get(), gmod_global)
""", files={"gmod.lua": "local print = print\nmodule(..., package.seeall)\ngmod_global = 'in module'\nfunction get() return type(print), gmod_global end\n"})
case("pkg_require_returns_cached_false_path", """
package.preload.f = function() return false end
print(require("f"))
print(package.loaded.f)
print(require("f"))
""")
case("pkg_require_inside_module", """
print(require("outer"))
""", files={"outer.lua": "local inner = require('inner')\nreturn 'outer+' .. inner\n",
            "inner.lua": "return 'inner:' .. ...\n"})
case("dbg_builtin_upvalues", """
print(debug.getinfo(print, "u").nups, debug.getinfo(type, "u").nups)
print(debug.getinfo(pairs, "u").nups, debug.getinfo(ipairs, "u").nups)
print(debug.getupvalue(print, 1))
print(debug.getupvalue(type, 1))
""")
case("dbg_tailcall_frames", """
local i = loadstring("return debug.getinfo(1, 'S')")()
print(i.source, i.what)
print(pcall(function() return error("tail") end))
print(pcall(function() return setmetatable(nil) end))
""")
case("dbg_traceback_coroutine_error", """
local co = coroutine.create(function(x)
  local y = 2
  error("boom")
end)
print(coroutine.resume(co, 1))
print(debug.traceback(co))
print(debug.getlocal(co, 1, 1))
""")
case("dbg_traceback_levels_beyond", """
print(debug.traceback("x", 50))
print(debug.traceback("x", "2"))
print(pcall(debug.traceback, "x", {}))
print(debug.traceback("x", -1))
""")
case("dbg_getinfo_nups_counts", """
local a, b, c = 1, 2, 3
local function f0() end
local function f1() return a end
local function f3() return a, b, c end
print(debug.getinfo(f0, "u").nups, debug.getinfo(f1, "u").nups, debug.getinfo(f3, "u").nups)
print(debug.getinfo(1, "u").nups, debug.getinfo(1, "u").nparams, debug.getinfo(1, "u").isvararg)
""")
case("dbg_getlocal_level2_temporaries", """
local function inner()
  for n = 1, 6 do
    local name, v = debug.getlocal(2, n)
    if not name then break end
    io.write(name, " ")
  end
  print()
end
local function outer(p)
  local q = p
  inner()
  return q
end
outer(1)
""")
case("dbg_setupvalue_shared", """
local x = 1
local function get() return x end
local function set(v) x = v end
debug.setupvalue(get, 1, 42)
print(x, get())
set(7)
print(debug.getupvalue(get, 1))
""")
case("dbg_registry_mutation", """
local r = debug.getregistry()
r.my_key = "stored"
print(debug.getregistry().my_key)
r.my_key = nil
""")
case("dbg_lightuserdata_metatable", """
local x = 1
local function f() return x end
local id = debug.upvalueid(f, 1)
print(type(id), debug.getmetatable(id))
debug.setmetatable(id, {__index = {kind = "light"}})
print(id.kind, debug.upvalueid(f, 1).kind)
debug.setmetatable(id, nil)
print(pcall(function() return id.kind end))
""")
case("dbg_getfenv_running_thread", """
local co = coroutine.create(function()
  print(debug.getfenv(coroutine.running()) == _G)
end)
coroutine.resume(co)
print(debug.getfenv(co) == _G)
""")
case("dbg_sethook_thread_arg", """
local co = coroutine.create(function() end)
local h = function() end
debug.sethook(co, h, "r")
print(debug.gethook() == h, select(2, debug.gethook()))
debug.sethook(co)
print(debug.gethook())
""")
case("dbg_getinfo_string_level", """
local function f() return debug.getinfo("2", "l").currentline end
print(f())
print(pcall(debug.getinfo, "2x"))
""")


case("dbg_getlocal_metamethod_frame", """
local t = setmetatable({}, {__index = function()
  for n = 1, 12 do
    local name = debug.getlocal(2, n)
    io.write(tostring(name), " ")
  end
  print()
  local i = debug.getinfo(1, "n")
  print(i.name, i.namewhat)
end})
local x = t.y
""")
case("io_lines_stdin_numbers", """
for a, b in io.lines(nil, "*n", "*l") do print(a, b) end
""", stdin="1 one\n2 two\n3")


case("dbg_bytecode_builtins", """
for _, f in ipairs({table.remove, table.foreach}) do
  local i = debug.getinfo(f)
  print(i.source, i.short_src, i.what, i.linedefined, i.lastlinedefined, i.currentline)
  print(i.nups, i.nparams, i.isvararg)
  local t = debug.getinfo(f, "L").activelines
  local n = 0 for k in pairs(t) do n = n + 1 end
  print(n, debug.getlocal(f, 1), debug.getupvalue(f, 1))
end
print(pcall(function() table.foreach({1}, function() print(debug.traceback("x")) end) end))
""")


case("pkg_noenv_option", """
print(package.path)
print(package.cpath)
""", env={"LUA_PATH": "./only/?.lua", "LUA_CPATH": "./only/?.so"}, args=["-E"], mode="cli")


# $LUA_INIT runs after the libraries open and before the options; -E skips it.
case("cli_luainit_chunk", """
print("main", INIT)
""", env={"LUA_INIT": "INIT = 'set by LUA_INIT'; print('init', arg[0])"}, mode="cli")


case("cli_luainit_file", """
print("main", INIT)
""", env={"LUA_INIT": "@init.lua"}, files={"init.lua": "INIT = 'from init.lua'\n"},
     args=["-e", "print('option', INIT)"], mode="cli")


case("cli_luainit_error", """
print("not reached")
""", env={"LUA_INIT": "error('bad init')"}, mode="cli")


case("cli_luainit_missing_file", """
print("not reached")
""", env={"LUA_INIT": "@nowhere.lua"}, mode="cli")


case("cli_luainit_syntax_error", """
print("not reached")
""", env={"LUA_INIT": "x ="}, mode="cli")


case("cli_unknown_jit_command", """
print("not reached")
""", args=["-jnosuchcmd"], mode="cli")


case("cli_luainit_noenv", """
print("main", INIT)
""", env={"LUA_INIT": "INIT = 1; print('init ran')"}, args=["-E"], mode="cli")


# ---------------------------------------------------------------------------------------------


def write_files(root, files):
    for name, text in (files or {}).items():
        p = pathlib.Path(root) / name
        if name.endswith("/"):
            p.mkdir(parents=True, exist_ok=True)
            continue
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text.encode("utf-8", "surrogateescape"))


def case_env(c):
    env = {k: v for k, v in os.environ.items() if k not in ("LUA_PATH", "LUA_CPATH", "LUA_INIT")}
    env.update(c.get("env") or {})
    return env


def run_luajit(luajit, c):
    with tempfile.TemporaryDirectory() as tmp:
        write_files(tmp, c.get("files"))
        pathlib.Path(tmp, "case.lua").write_text(c["source"])
        r = subprocess.run([luajit, "-joff"] + c.get("args", []) + ["case.lua"], cwd=tmp,
                           input=c.get("stdin", "").encode(), capture_output=True,
                           env=case_env(c), timeout=60)
    return (r.stdout.decode("utf-8", "surrogateescape"),
            r.stderr.decode("utf-8", "surrogateescape"), r.returncode)


def main():
    ap = argparse.ArgumentParser()
    # The bare command name: luajit prints argv[0] in front of uncaught errors.
    ap.add_argument("--luajit", default="luajit")
    args = ap.parse_args()
    paths = subprocess.run([args.luajit, "-e", "io.write(package.path, '\\n', package.cpath)"],
                           capture_output=True, text=True,
                           env=case_env({})).stdout.split("\n")
    out = {"engine": engine_version(args.luajit), "package_path": paths[0],
           "package_cpath": paths[1], "cases": []}
    for c in CASES:
        stdout, stderr, status = run_luajit(args.luajit, c)
        rec = dict(c)
        rec.update(stdout=stdout, stderr=stderr, status=status)
        out["cases"].append(rec)
    (RUNTIME / "iopkgdbg_cases.json").write_text(json.dumps(out, indent=1) + "\n")
    print("%d cases, %s" % (len(CASES), out["engine"]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
