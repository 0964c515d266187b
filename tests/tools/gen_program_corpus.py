"""The runtime differential corpus: Lua programs and what real LuaJIT 2.1 prints for them.

    python tests/tools/gen_program_corpus.py [--luajit luajit] [NAME ...]
        regenerate tests/corpus/programs/NAME.expected (all programs by default)
    python tests/tools/gen_program_corpus.py --check [NAME ...]
        run the programs in MoonLens (in-process) and compare with the expected files
    python tests/tools/gen_program_corpus.py --check-stress [NAME ...]
        the same with the collector in stress mode (a collection at every safepoint)

Every program runs as `luajit NAME.lua` with tests/corpus/programs as the working
directory, so chunk names in messages are "NAME.lua:LINE:". It runs twice, and once
more with `-joff`: a program whose output differs between these runs depends on the
JIT, on addresses or on the per-process string hash seed, and is refused. A program
whose first line is "-- luajit-options: -joff" runs with those options instead (for
behaviour the trace compiler changes, such as where a stack overflow is detected;
MoonLens runs with the JIT off by default). Outputs are normalised (normalise_*)
before they are written: addresses become ADDR and the program name in front of
uncaught errors becomes PROG.

An expected file is binary-safe: the engine, the command, the exit status, then
stdout and stderr, each as a "stdout: N bytes" line, the N bytes and a newline.

    engine: LuaJIT 2.1.0-beta3 (debian ...)
    command: luajit NAME.lua
    status: 1
    stdout: 6 bytes
    hello
    <newline>
    stderr: 0 bytes
    <newline>
"""

import argparse
import contextlib
import io
import json
import os
import pathlib
import re
import subprocess
import sys

try:
    from tests.tools.gen_interp_cases import engine_version
except ImportError:                     # run as a script from tests/tools
    from gen_interp_cases import engine_version

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
PROGRAMS = ROOT / "tests" / "corpus" / "programs"
KNOWN_FAILURES = PROGRAMS / "known_failures.json"
STRESS_PREFIX = "gc-stress:"

# Variables that would change what a program prints; they are removed.
DROP_ENV = ("LC_ALL", "LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY",
            "LC_MESSAGES", "LANGUAGE", "LUA_PATH", "LUA_CPATH", "LUA_INIT", "LUA_INIT_5_1")
BASE_ENV = {"TZ": "UTC", "LANG": "C"}

_ADDRESS = re.compile(rb"\b(table|function|thread|userdata|cdata|proto|trace): 0x[0-9a-f]+")
_C_ADDRESS = re.compile(rb"(\[C\]|\[builtin#\d+\]): at 0x[0-9a-f]+")
_FILE_ADDRESS = re.compile(rb"\bfile \(0x[0-9a-f]+\)")
_PROGNAME = re.compile(rb"^(luajit|moonlens): ", re.M)


# -- Shared by the generator and the test ------------------------------------------------

def normalise_stdout(data: bytes) -> bytes:
    data = _ADDRESS.sub(rb"\1: ADDR", data)
    data = _C_ADDRESS.sub(rb"\1: at ADDR", data)
    return _FILE_ADDRESS.sub(b"file (ADDR)", data)


def normalise_stderr(data: bytes) -> bytes:
    return _PROGNAME.sub(b"PROG: ", normalise_stdout(data))


def program_names():
    return sorted(p.stem for p in PROGRAMS.glob("*.lua"))


def expected_path(name):
    return PROGRAMS / (name + ".expected")


def luajit_options(name):
    """The options a program asks for in its first line ("-- luajit-options: -joff")."""
    with open(PROGRAMS / (name + ".lua"), "rb") as f:
        first = f.readline().decode("utf-8", "replace").strip()
    if first.startswith("-- luajit-options:"):
        return first.split(":", 1)[1].split()
    return []


def write_expected(name, engine, command, status, out, err):
    parts = [b"engine: %s\n" % engine.encode(), b"command: %s\n" % command.encode(),
             b"status: %d\n" % status,
             b"stdout: %d bytes\n" % len(out), out, b"\n",
             b"stderr: %d bytes\n" % len(err), err, b"\n"]
    expected_path(name).write_bytes(b"".join(parts))


def _header(data, pos, key):
    end = data.index(b"\n", pos)
    line = data[pos:end].decode()
    if not line.startswith(key + ": "):
        raise ValueError("expected %r at byte %d, got %r" % (key, pos, line))
    return line[len(key) + 2:], end + 1


def _block(data, pos, key):
    size, pos = _header(data, pos, key)
    n = int(size.split()[0])
    if data[pos + n:pos + n + 1] != b"\n":
        raise ValueError("%s block of %d bytes is not followed by a newline" % (key, n))
    return data[pos:pos + n], pos + n + 1


def read_expected(name):
    """{"engine", "status", "stdout", "stderr"} from NAME.expected."""
    data = expected_path(name).read_bytes()
    engine, pos = _header(data, 0, "engine")
    command, pos = _header(data, pos, "command")
    status, pos = _header(data, pos, "status")
    out, pos = _block(data, pos, "stdout")
    err, pos = _block(data, pos, "stderr")
    if pos != len(data):
        raise ValueError("trailing bytes in %s.expected" % name)
    return {"engine": engine, "command": command, "status": int(status), "stdout": out,
            "stderr": err}


def load_known_failures():
    """{key: reason}; a key is a program name (fails in every mode) or
    "gc-stress:NAME" (fails only with the collector in stress mode)."""
    return json.loads(KNOWN_FAILURES.read_text())


def run_moonlens(name, gc_stress=False):
    """Run NAME.lua in-process as `moonlens run NAME.lua` would, from PROGRAMS.

    Returns (status, stdout, stderr), normalised. The Lua standard streams are
    binary buffers; the engine's own reports go to sys.stderr, redirected here.
    """
    from moonlens.engine import Engine

    out, err = io.BytesIO(), io.BytesIO()
    out_text = io.TextIOWrapper(out, encoding="utf-8", errors="surrogateescape",
                                write_through=True)
    err_text = io.TextIOWrapper(err, encoding="utf-8", errors="surrogateescape",
                                write_through=True)
    script = name + ".lua"
    engine = Engine(script_args=[script], script_index=0)
    saved_cwd, saved_stdin = os.getcwd(), sys.stdin
    os.chdir(PROGRAMS)
    sys.stdin = io.TextIOWrapper(io.BytesIO(b""))
    try:
        with contextlib.redirect_stdout(out_text), contextlib.redirect_stderr(err_text):
            status = _run_engine(engine, script, gc_stress)
            out_text.flush()
            err_text.flush()
    finally:
        os.chdir(saved_cwd)
        sys.stdin = saved_stdin
        if engine._vm is not None:
            engine._vm.close()
    return status, normalise_stdout(out.getvalue()), normalise_stderr(err.getvalue())


def _run_engine(engine, script, gc_stress):
    vm = engine.vm           # the VM opens its libraries on the redirected streams
    if gc_stress:
        vm.set_gc_stress(True)
    try:
        engine.run_script(script)
    except SystemExit as e:  # os.exit: the process ends without lua_close
        code = e.code
        return code if isinstance(code, int) else (0 if code is None else 1)
    # luajit.c ends with lua_close: pending finalisers run and may still print
    engine._vm = None
    vm.close_state()
    return engine.exit_status


def compare(name, gc_stress=False):
    """A list of differences (empty when MoonLens prints what LuaJIT printed)."""
    want = read_expected(name)
    status, out, err = run_moonlens(name, gc_stress)
    diffs = []
    if out != want["stdout"]:
        diffs.append(_diff("stdout", want["stdout"], out))
    if err != want["stderr"]:
        diffs.append(_diff("stderr", want["stderr"], err))
    if status != want["status"]:
        diffs.append("status: expected %d, got %d" % (want["status"], status))
    return diffs


def _diff(what, want, got):
    import difflib
    a = want.decode("utf-8", "backslashreplace").splitlines()
    b = got.decode("utf-8", "backslashreplace").splitlines()
    lines = difflib.unified_diff(a, b, "expected " + what, "moonlens " + what, lineterm="", n=2)
    return "\n".join(list(lines)[:60])


# -- The generator ---------------------------------------------------------------------


def luajit_env():
    env = {k: v for k, v in os.environ.items() if k not in DROP_ENV}
    env.update(BASE_ENV)
    return env


def run_luajit(luajit, name, options=()):
    r = subprocess.run([luajit, *options, name + ".lua"], cwd=PROGRAMS, env=luajit_env(),
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    return r.returncode, normalise_stdout(r.stdout), normalise_stderr(r.stderr)


def generate(luajit, names):
    engine = engine_version(luajit)
    if not engine.startswith("LuaJIT 2.1"):
        raise SystemExit("not a LuaJIT 2.1: %s" % engine)
    refused = []
    for name in names:
        options = luajit_options(name)
        result = run_luajit(luajit, name, options)
        others = [run_luajit(luajit, name, options)]
        if not options:
            others.append(run_luajit(luajit, name, ["-joff"]))
        if any(r != result for r in others):
            refused.append(name)
            continue
        command = " ".join(["luajit", *options, name + ".lua"])
        write_expected(name, engine, command, *result)
    print("%d programs, %s" % (len(names) - len(refused), engine))
    for name in refused:
        print("REFUSED %s: the output is not stable (JIT on/off or run to run)" % name)
    return 1 if refused else 0


def check(names, gc_stress):
    known = load_known_failures()
    identical, bad, fixed = 0, [], []
    for name in names:
        diffs = compare(name, gc_stress)
        listed = name in known or (gc_stress and STRESS_PREFIX + name in known)
        identical += not diffs
        if diffs and not listed:
            bad.append(name)
            print("FAIL %s\n%s\n" % (name, "\n".join(diffs)))
        elif not diffs and listed:
            fixed.append(name)
            print("FIXED %s (listed in known_failures.json)" % name)
    mode = " under GC stress" if gc_stress else ""
    print("%d programs%s: %d identical; %d unlisted failures; %d listed failures now pass"
          % (len(names), mode, identical, len(bad), len(fixed)))
    return 1 if bad or fixed else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    # The bare command name: luajit prints argv[0] in front of uncaught errors.
    ap.add_argument("--luajit", default="luajit")
    ap.add_argument("--check", action="store_true", help="compare MoonLens with the files")
    ap.add_argument("--check-stress", action="store_true", help="the same under GC stress")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    names = args.names or program_names()
    if args.check or args.check_stress:
        sys.path.insert(0, str(ROOT))
        return check(names, args.check_stress)
    return generate(args.luajit, names)


if __name__ == "__main__":
    sys.exit(main())
