"""The io, package and debug libraries against real LuaJIT.

Each case of iopkgdbg_cases.json (tests/tools/gen_iopkgdbg_cases.py) records what
`luajit -joff case.lua` printed, run in a temporary directory holding the case's
files, with its stdin and environment. Cases run in-process (a fresh VM whose
standard streams are captured, run as luajit.c runs a script) unless they are
marked "cli", which run `moonlens run` in a subprocess.

Outputs are compared after normalising what legitimately differs: addresses
(0x...), the program name in front of uncaught errors, and MoonLens's own
entries in the default package.path/cpath.
"""

import contextlib
import errno
import io
import json
import os
import pathlib
import re
import subprocess
import sys

import pytest

from moonlens.vm.lib import package as pkglib

HERE = pathlib.Path(__file__).resolve().parent
DATA = json.loads((HERE / "iopkgdbg_cases.json").read_text())
CASES = {c["name"]: c for c in DATA["cases"]}

# Where MoonLens answers differently from LuaJIT on purpose, or a part of the VM
# outside these libraries does not do what LuaJIT does yet.
KNOWN = {}      # case name: why MoonLens differs today

_ADDR = re.compile(r"0x[0-9a-f]+")


def _path_map():
    """MoonLens's default path entries -> the ones LuaJIT printed."""
    pairs = []
    ours = pkglib.LUA_PATH_DEFAULT.decode().split(";")
    theirs = DATA["package_path"].split(";")
    if len(ours) == len(theirs):
        pairs += [(a, b) for a, b in zip(ours, theirs) if a != b]
    ours = pkglib.LUA_CPATH_DEFAULT.decode().split(";")
    theirs = DATA["package_cpath"].split(";")
    if len(ours) == len(theirs):
        pairs += [(a, b) for a, b in zip(ours, theirs) if a != b]
    # The directories (the part before "?"), as they appear in "no file" lists.
    return [(a.split("?")[0], b.split("?")[0]) for a, b in pairs]


PATH_MAP = _path_map()


def normalise(text, ours=False):
    if ours:
        for a, b in PATH_MAP:
            text = text.replace(a, b)
    text = _ADDR.sub("0xADDR", text)
    return text.replace("luajit: ", "PROG: ").replace("moonlens: ", "PROG: ")


def write_files(root, files):
    for name, text in (files or {}).items():
        p = root / name
        if name.endswith("/"):
            p.mkdir(parents=True, exist_ok=True)
            continue
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(text.encode("utf-8", "surrogateescape"))


class PipeOut(io.BytesIO):
    """A captured output stream that, like a pipe, cannot seek."""

    def seekable(self):
        return False

    def seek(self, *a):
        raise OSError(errno.ESPIPE, os.strerror(errno.ESPIPE))

    def tell(self):
        raise OSError(errno.ESPIPE, os.strerror(errno.ESPIPE))


class PipeIn(PipeOut):
    pass


class _TextTo:
    """sys.stderr for the engine's reports: text appended to a byte stream."""

    def __init__(self, raw):
        self.raw = raw

    def write(self, s):
        self.raw.write(s.encode("utf-8", "surrogateescape"))

    def flush(self):
        pass


def run_inprocess(case, tmp_path):
    from moonlens.engine import Engine
    from moonlens.vm.lib import open_libs
    from moonlens.vm.runtime import new_state

    out, err = PipeOut(), PipeOut()
    inp = PipeIn(case.get("stdin", "").encode())
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        vm = new_state(libs=False)
        open_libs(vm, stdout=out, stdin=inp, stderr=err)
        eng = Engine(script_args=["case.lua"], script_index=0, progname="moonlens")
        eng._vm = vm
        eng._make_arg_table()
        with contextlib.redirect_stderr(_TextTo(err)), contextlib.redirect_stdout(io.StringIO()):
            eng.run_script("case.lua")
        vm.stdout.flush()
        status = eng.exit_status
    finally:
        os.chdir(cwd)
    return (out.getvalue().decode("utf-8", "surrogateescape"),
            err.getvalue().decode("utf-8", "surrogateescape"), status)


def run_cli(case, tmp_path):
    env = {k: v for k, v in os.environ.items()
           if k not in ("LUA_PATH", "LUA_CPATH", "LUA_INIT", "PYTHONUNBUFFERED")}
    env.update(case.get("env") or {})
    r = subprocess.run([sys.executable, "-m", "moonlens", "run"] + case.get("args", [])
                       + ["case.lua"], cwd=tmp_path, input=case.get("stdin", "").encode(),
                       capture_output=True, timeout=120, env=env)
    return (r.stdout.decode("utf-8", "surrogateescape"),
            r.stderr.decode("utf-8", "surrogateescape"), r.returncode)


def run_case(case, tmp_path):
    write_files(tmp_path, case.get("files"))
    (tmp_path / "case.lua").write_text(case["source"])
    if case.get("mode") == "cli":
        return run_cli(case, tmp_path)
    return run_inprocess(case, tmp_path)


def test_enough_cases():
    assert len(CASES) >= 200


@pytest.mark.parametrize("name", sorted(CASES))
def test_case(name, tmp_path):
    case = CASES[name]
    stdout, stderr, status = run_case(case, tmp_path)
    got = (normalise(stdout, True), normalise(stderr, True), status)
    want = (normalise(case["stdout"]), normalise(case["stderr"]), case["status"])
    if got != want and name in KNOWN:
        pytest.xfail(KNOWN[name])
    assert got[0] == want[0]
    assert got[1] == want[1]
    assert got[2] == want[2]


def test_popen_can_be_switched_off(tmp_path):
    """The language server's sandbox sets vm.allow_popen = False: io.popen then fails
    as on a LuaJIT without popen."""
    from moonlens.vm.lib import open_libs
    from moonlens.vm.runtime import load, new_state

    vm = new_state(libs=False)
    vm.allow_popen = False
    out = PipeOut()
    open_libs(vm, stdout=out, stdin=PipeIn(b""), stderr=PipeOut())
    f = load(vm, b"print(pcall(io.popen, 'echo hi'))", b"=sandbox")
    vm.call(f, [])
    assert out.getvalue() == b"false\t'popen' not supported\n"


def test_noenv_registry_flag(monkeypatch):
    """luajit -E sets registry.LUA_NOENV before luaL_openlibs: LUA_PATH is ignored then."""
    from moonlens.vm.layout import TRUE
    from moonlens.vm.lib import open_libs
    from moonlens.vm.runtime import new_state

    monkeypatch.setenv("LUA_PATH", "./x/?.lua;;")
    vm = new_state(libs=False)
    open_libs(vm, stdout=PipeOut(), stdin=PipeIn(b""), stderr=PipeOut())
    pkg = vm.rawgets(vm.globals, b"package")
    assert vm.sbytes(vm.rawgets(pkg, b"path")) == b"./x/?.lua;" + pkglib.LUA_PATH_DEFAULT + b";"
    vm = new_state(libs=False)
    vm.rawsets(vm.registry, b"LUA_NOENV", TRUE)
    open_libs(vm, stdout=PipeOut(), stdin=PipeIn(b""), stderr=PipeOut())
    pkg = vm.rawgets(vm.globals, b"package")
    assert vm.sbytes(vm.rawgets(pkg, b"path")) == pkglib.LUA_PATH_DEFAULT
