"""The table, math, bit and os libraries against real LuaJIT.

Each case of tabmathbitos_cases.json (tests/tools/gen_tabmathbitos_cases.py)
records what `luajit -joff case.lua` printed, and its exit status, in a temporary
directory with a fixed environment (TZ, LANG, the case's own variables). Here
the case runs in-process in the same kind of directory and environment: a fresh
VM whose standard streams are captured, run as luajit.c runs a script; os.exit
ends it with SystemExit, whose code is the exit status.

Outputs are compared after normalising what legitimately differs: addresses
(0x...) and the program name in front of uncaught errors.
"""

import contextlib
import errno
import io
import json
import os
import pathlib
import re
import time

import pytest

HERE = pathlib.Path(__file__).resolve().parent
DATA = json.loads((HERE / "tabmathbitos_cases.json").read_text())
CASES = {c["name"]: c for c in DATA["cases"]}

# Cases that fail because of a part of MoonLens outside these libraries:
# name -> the precise cause. Each is an xfail(strict=True).
KNOWN = {}

DROP_ENV = ("LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY",
            "LC_MESSAGES", "LANGUAGE", "LUA_PATH", "LUA_CPATH", "LUA_INIT")

_ADDR = re.compile(r"0x[0-9a-f]+")


def normalise(text):
    text = _ADDR.sub("0xADDR", text)
    return text.replace("luajit: ", "PROG: ").replace("moonlens: ", "PROG: ")


class PipeOut(io.BytesIO):
    """A captured output stream that, like a pipe, cannot seek."""

    def seekable(self):
        return False

    def seek(self, *a):
        raise OSError(errno.ESPIPE, os.strerror(errno.ESPIPE))

    def tell(self):
        raise OSError(errno.ESPIPE, os.strerror(errno.ESPIPE))


class _TextTo:
    """sys.stderr for the engine's reports: text appended to a byte stream."""

    def __init__(self, raw):
        self.raw = raw

    def write(self, s):
        self.raw.write(s.encode("utf-8", "surrogateescape"))

    def flush(self):
        pass


@contextlib.contextmanager
def case_environment(monkeypatch, env):
    """The generator's environment: BASE_ENV plus the case's, without locale overrides.
    The time zone is re-read (tzset) on the way in and out."""
    for k in DROP_ENV:
        monkeypatch.delenv(k, raising=False)
    for k, v in {**DATA["base_env"], **env}.items():
        monkeypatch.setenv(k, v)
    time.tzset()
    try:
        yield
    finally:
        monkeypatch.undo()
        time.tzset()


def run_inprocess(case, tmp_path):
    from moonlens.engine import Engine
    from moonlens.vm.lib import open_libs
    from moonlens.vm.runtime import new_state

    out, err = PipeOut(), PipeOut()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    status = 0
    try:
        vm = new_state(libs=False)
        open_libs(vm, stdout=out, stdin=PipeOut(b""), stderr=err)
        eng = Engine(script_args=["case.lua"], script_index=0, progname="moonlens")
        eng._vm = vm
        eng._make_arg_table()
        with contextlib.redirect_stderr(_TextTo(err)), contextlib.redirect_stdout(io.StringIO()):
            try:
                eng.run_script("case.lua")
                status = eng.exit_status
            except SystemExit as e:             # os.exit
                status = (e.code or 0) & 0xFF
        vm.stdout.flush()
    finally:
        os.chdir(cwd)
    return (out.getvalue().decode("utf-8", "surrogateescape"),
            err.getvalue().decode("utf-8", "surrogateescape"), status)


def test_enough_cases():
    assert len(CASES) >= 250
    assert DATA["engine"].startswith("LuaJIT 2.1")


def _params():
    for name in sorted(CASES):
        marks = [pytest.mark.xfail(strict=True, reason=KNOWN[name])] if name in KNOWN else []
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_params()))
def test_case(name, tmp_path, monkeypatch):
    case = CASES[name]
    (tmp_path / "case.lua").write_text(case["source"])
    with case_environment(monkeypatch, case["env"]):
        stdout, stderr, status = run_inprocess(case, tmp_path)
    assert normalise(stdout) == normalise(case["stdout"])
    assert normalise(stderr) == normalise(case["stderr"])
    assert status == case["status"]
