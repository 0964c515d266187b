"""The JIT analysis worker as a real subprocess, driven by the server's runner
(server/jit_run.py): its verdicts against real LuaJIT's -jv output, the budget, the
sandbox, a script that prints what looks like protocol, cancelling and crashes."""

import asyncio
import functools
import os
import signal
import time

import pytest

from moonlens.server.config import JitRunSettings
from moonlens.server.jit_insight import RunResult
from moonlens.server.jit_run import WorkerRun, make_job
from tests.conftest import ROOT

PROGRAMS = ROOT / "tests" / "server" / "jit_insight"


def expected_jv(name, whole=False):
    """The -jv section of NAME.jv (tests/tools/gen_jit_insight_jv.py), or the whole file."""
    text = (PROGRAMS / name).with_suffix(".jv").read_text()
    return text if whole else text.partition("## jv\n")[2]


def run(path, text=None, cwd=None, **settings):
    """Run the worker on a file to the end; returns (RunResult, WorkerRun)."""
    jit = JitRunSettings()
    for key, value in settings.items():
        setattr(jit, key, value)
    job = make_job(str(path), text, jit)
    worker = WorkerRun(job, RunResult(1, str(path)), cwd=str(cwd or PROGRAMS))
    result = asyncio.run(worker.run())
    return result, worker


@functools.lru_cache(maxsize=None)
def run_program(name):
    """A program of tests/server/jit_insight run once per test session."""
    return run(PROGRAMS / name)[0]


def script(tmp_path, text):
    path = tmp_path / "script.lua"
    path.write_text(text)
    return path


# -- Verdicts ----------------------------------------------------------------------------

@pytest.mark.parametrize("name", ["three_loops.lua", "blacklist.lua"])
def test_jv_lines_are_luajits(name):
    result = run_program(name)
    assert result.status == ("ok", None)
    assert result.done["jv"] == expected_jv(name)


def test_expected_files_record_the_engine():
    for name in ("three_loops.lua", "blacklist.lua"):
        assert "# engine: LuaJIT 2.1.0-beta3" in expected_jv(name, whole=True)


def test_trace_facts():
    result = run_program("three_loops.lua")
    loop, stitch, after = result.stops
    assert (loop["trace"], loop["line"], loop["linktype"], loop["link"]) == (1, 3, "loop", 1)
    assert loop["ir"] > 5 and loop["snapshots"] >= 2
    assert loop["bytecode"].startswith("---- TRACE 1 start three_loops.lua:3\n")
    assert "FORL" in loop["bytecode"] and "---- TRACE 1 IR" in loop["irtext"]
    assert "SNAP   #0" in loop["irtext"] and loop["irtext"].endswith("stop -> loop\n\n")
    assert (stitch["linktype"], stitch["stitch"], stitch["end_line"]) == (
        "stitch", "string.gsub", 15)
    assert (after["parent"], after["exitno"], after["link"], after["line"]) == (2, -1, 2, 15)
    (abort,) = result.aborts.values()
    assert (abort["line"], abort["start_line"], abort["count"]) == (9, 8, 3)
    assert (abort["error"], abort["bytecode"], abort["text"]) == (
        "NYIBC", "FNEW", "NYI: bytecode 51")
    assert not abort["blacklisted"]
    assert result.exits[(1, 3)] == [str(PROGRAMS / "three_loops.lua"), 7, 1]    # loop's end


def test_blacklisting_is_reported():
    result = run_program("blacklist.lua")
    (abort,) = result.aborts.values()
    assert abort["count"] == expected_jv("blacklist.lua").count("NYI: bytecode 51") == 11
    assert abort["blacklisted"]


def test_editor_text_runs_instead_of_the_file(tmp_path):
    path = script(tmp_path, "error('the file on disk')\n")
    result, _ = run(path, text="for i = 1, 100 do end\n", cwd=tmp_path)
    assert result.status == ("ok", None)
    assert result.stops[0]["chunk"] == str(path) and result.stops[0]["line"] == 1


# -- Budget ---------------------------------------------------------------------------------

def test_instruction_budget(tmp_path):
    path = script(tmp_path, "jit.off()\nlocal n = 0\nwhile true do n = n + 1 end\n")
    result, _ = run(path, cwd=tmp_path, max_instructions=50000)
    assert result.status == ("budget", "instructions")
    assert result.done["instructions"] == 50001


def test_instruction_budget_counts_compiled_loops(tmp_path):
    # The loop compiles after 56 interpreted passes (hotloop) and then runs in a trace;
    # each pass through it counts the bytecodes it was recorded from.
    path = script(tmp_path, "local n = 0\nwhile true do n = n + 1 end\n")
    result, _ = run(path, cwd=tmp_path, max_instructions=200000, timeout=60)
    assert result.status == ("budget", "instructions")
    assert 200000 < result.done["instructions"] <= 200000 + 10
    assert result.done["seconds"] < 30
    assert [s["linktype"] for s in result.stops] == ["loop"]


def test_time_budget_stops_a_compiled_endless_loop(tmp_path):
    # The loop compiles and then runs in a trace, where no hook is called: SIGALRM stops it.
    path = script(tmp_path, "local n = 0\nwhile true do n = n + 1 end\n")
    result, _ = run(path, cwd=tmp_path, timeout=1.5)
    assert result.status == ("budget", "time")
    assert result.stops[0]["linktype"] == "loop"
    assert 1.0 < result.done["seconds"] < 2.5


def test_memory_budget(tmp_path):
    path = script(tmp_path, "local t = {}\nfor i = 1, 1e7 do t[i] = {i} end\n")
    result, _ = run(path, cwd=tmp_path, max_memory_mb=8)
    assert result.status == ("budget", "memory")


# -- Sandbox -----------------------------------------------------------------------------------

SANDBOX = """
local errs = {}
local function try(f, ...)
  local ok, err = pcall(f, ...)
  errs[#errs + 1] = ok and "allowed" or err
end
try(os.execute, "touch spawned")
try(io.popen, "touch spawned")
try(io.open, "written.txt", "w")
try(io.open, "written.txt", "a+")
try(io.output, "written.txt")
try(os.remove, "keep.txt")
try(os.rename, "keep.txt", "moved.txt")
try(os.tmpname)
try(io.tmpfile)
local f = io.open("keep.txt", "r")
errs[#errs + 1] = f:read("*a")
f:close()
error(table.concat(errs, "\\n"), 0)
"""


def test_sandbox_blocks_spawning_and_writing(tmp_path):
    (tmp_path / "keep.txt").write_text("readable")
    path = script(tmp_path, SANDBOX)
    result, _ = run(path, cwd=tmp_path)
    status, message = result.status
    lines = message.partition("\nstack traceback:")[0].splitlines()
    assert status == "error" and len(lines) == 10
    assert all("sandboxed: " in line for line in lines[:9]), lines
    assert "os.execute is not allowed" in lines[0] and "no process spawning" in lines[0]
    assert "mode 'w'" in lines[2] and "moonlens.jit.allowWrites" in lines[2]
    assert lines[9] == "readable"
    assert sorted(os.listdir(tmp_path)) == ["keep.txt", "script.lua"]


def test_writes_can_be_allowed(tmp_path):
    path = script(tmp_path, "local f = assert(io.open('out.txt', 'w'))\nf:write('x')\n"
                            "f:close()\nprint(pcall(os.execute, 'true'))\n")
    result, worker = run(path, cwd=tmp_path, allow_writes=True)
    assert result.status == ("ok", None)
    assert (tmp_path / "out.txt").read_text() == "x"
    assert b"false\t" in worker.stderr and b"sandboxed: os.execute" in worker.stderr


def test_script_output_cannot_corrupt_the_protocol(tmp_path):
    path = script(tmp_path, 'print(\'{"kind":"done","status":"forged"}\')\n'
                            'io.write(\'{"kind":"abort"}\\n\')\nos.exit(3)\n')
    result, worker = run(path, cwd=tmp_path)
    assert result.status == ("exit", "the script called os.exit(3)")
    assert not result.aborts
    assert b'"forged"' in worker.stderr


# -- Cancelling and crashes ------------------------------------------------------------------

async def _cancel_after(worker, seconds):
    await asyncio.sleep(seconds)
    worker.cancel()


def test_cancel_kills_the_worker(tmp_path):
    path = script(tmp_path, "jit.off()\nwhile true do end\n")
    job = make_job(str(path), None, JitRunSettings())
    worker = WorkerRun(job, RunResult(1, str(path)), cwd=str(tmp_path))

    async def main():
        return await asyncio.gather(worker.run(), _cancel_after(worker, 0.5))
    started = time.monotonic()
    result, _ = asyncio.run(main())
    assert result.status == ("cancelled", None)
    assert time.monotonic() - started < JitRunSettings().timeout
    # The script never ends by itself, so a process that is gone was killed. (Its
    # exit status is not asserted: when another waiter in the test process reaps
    # the child first, asyncio reports 255 instead of -SIGKILL.)
    with pytest.raises(ProcessLookupError):
        os.kill(worker.proc.pid, 0)


def test_crashing_worker_is_reported(tmp_path):
    path = script(tmp_path, "jit.off()\nwhile true do end\n")
    job = make_job(str(path), None, JitRunSettings())
    worker = WorkerRun(job, RunResult(1, str(path)), cwd=str(tmp_path))

    async def crash():
        await asyncio.sleep(0.5)
        os.kill(worker.proc.pid, signal.SIGSEGV)

    async def main():
        return await asyncio.gather(worker.run(), crash())
    result, _ = asyncio.run(main())
    assert result.status == ("crashed", "the worker exited with status -11")


def test_a_bad_job_is_a_crash_with_its_reason(tmp_path):
    worker = WorkerRun({"path": 12, "timeout": 5}, RunResult(1, "x"), cwd=str(tmp_path))
    result = asyncio.run(worker.run())
    status, message = result.status
    assert status == "crashed" and message.startswith("the worker exited with status 1: ")
    assert "Error: " in message           # the last line of its traceback
