"""The front-end differential corpus: what real LuaJIT 2.1 compiles and rejects.

    python tests/tools/gen_bytecode_corpus.py [--luajit luajit] [NAME ...]
        regenerate the expected files (every corpus file by default)
    python tests/tools/gen_bytecode_corpus.py --check [NAME ...]
        compare MoonLens (in-process) with the expected files and print the differences

Three directories under tests/corpus:

* bytecode/NAME.lua -> NAME.bl: what `luajit -bl NAME.lua` prints, run from that
  directory (so the chunk name is "@NAME.lua").
* syntax_errors/NAME.lua -> NAME.err: the message of
  `loadstring(source, "=NAME.lua")` (LuaJIT's error for the first problem).
* ffi_literals/NAME.lua -> NAME.bl: `luajit -bl` of programs with FFI number
  literals (12LL, 0x10ULL, 3i). Debian's LuaJIT has the FFI and compiles them to
  KCDATA constants; MoonLens has no FFI and rejects them on purpose
  (docs/ARCHITECTURE.md 2.1), so these are the documented difference, kept apart
  from the equality corpora.

Every expected file starts with one line naming the engine that produced it,
"-- engine: LuaJIT 2.1.0-beta3 (debian ...)"; the tests strip it. An .err file
holds the message and a newline.
"""

import argparse
import pathlib
import subprocess
import sys

try:
    from tests.tools.gen_interp_cases import engine_version
except ImportError:                     # run as a script from tests/tools
    from gen_interp_cases import engine_version

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
CORPUS = ROOT / "tests" / "corpus"
BYTECODE = CORPUS / "bytecode"
SYNTAX = CORPUS / "syntax_errors"
FFI = CORPUS / "ffi_literals"
ENGINE_PREFIX = b"-- engine: "

# Reads the chunk from stdin and prints loadstring's message (or OK when it compiles).
# The chunk name is substituted in: "=NAME.lua".
_DRIVER = ("local src = io.stdin:read('*a') "
           "local f, msg = loadstring(src, %s) "
           "io.stdout:write(f and 'OK' or msg)")


# -- Shared by the generator and the tests ----------------------------------------------

def names(directory):
    return sorted(p.stem for p in directory.glob("*.lua"))


def lua_path(directory, name):
    return directory / (name + ".lua")


def expected_path(directory, name):
    return directory / (name + (".err" if directory == SYNTAX else ".bl"))


def error_chunkname(name):
    """The chunk name a syntax-error file is loaded with, in both engines."""
    return "=" + name + ".lua"


def listing_chunkname(name):
    """The chunk name of `luajit -bl NAME.lua` run from the file's directory."""
    return "@" + name + ".lua"


def read_expected(directory, name):
    """(engine line, expected bytes without the engine line)."""
    data = expected_path(directory, name).read_bytes()
    first, _, rest = data.partition(b"\n")
    if not first.startswith(ENGINE_PREFIX):
        raise ValueError("%s: the first line does not name the engine" % name)
    engine = first[len(ENGINE_PREFIX):].decode()
    if directory == SYNTAX:
        if not rest.endswith(b"\n"):
            raise ValueError("%s.err does not end with a newline" % name)
        rest = rest[:-1]
    return engine, rest


def moonlens_listing(name, directory=BYTECODE):
    """What `moonlens run -bl NAME.lua` prints (Engine.list_bytecode's load + listing)."""
    from moonlens.vm.bclist import listing
    from moonlens.vm.loader import load

    source = lua_path(directory, name).read_bytes()
    return listing(load(source, listing_chunkname(name)))


def moonlens_error(name, directory=SYNTAX):
    """The message of MoonLens's loadstring for the file, or b"OK" when it compiles."""
    from moonlens.vm.loader import LuaSyntaxError, load

    source = lua_path(directory, name).read_bytes()
    try:
        load(source, error_chunkname(name))
    except LuaSyntaxError as e:
        return e.message.encode("utf-8", "surrogateescape")
    return b"OK"


def compare_listing(name):
    """A unified diff of the listings ("" when identical)."""
    _, want = read_expected(BYTECODE, name)
    try:
        got = moonlens_listing(name)
    except Exception as e:  # a crash or a refused chunk is a difference too
        got = ("moonlens failed: %s: %s\n" % (type(e).__name__, e)).encode()
    return _diff(want, got)


def compare_error(name):
    """"" when MoonLens reports LuaJIT's message, else both messages."""
    _, want = read_expected(SYNTAX, name)
    try:
        got = moonlens_error(name)
    except Exception as e:
        got = ("moonlens failed: %s: %s" % (type(e).__name__, e)).encode()
    if got == want:
        return ""
    return "expected: %r\nmoonlens: %r" % (want, got)


def _diff(want, got):
    if want == got:
        return ""
    import difflib
    a = want.decode("latin-1").splitlines()
    b = got.decode("latin-1").splitlines()
    lines = difflib.unified_diff(a, b, "luajit -bl", "moonlens -bl", lineterm="", n=2)
    return "\n".join(list(lines)[:80]) or "the listings differ in line endings"


# -- The generator ---------------------------------------------------------------------


def luajit_listing(luajit, directory, name):
    r = subprocess.run([luajit, "-bl", name + ".lua"], cwd=directory,
                       stdin=subprocess.DEVNULL, capture_output=True, timeout=60)
    if r.returncode != 0 or r.stderr:
        raise SystemExit("luajit -bl %s.lua failed: %s" % (name, r.stderr.decode("latin-1")))
    return r.stdout


def _lua_quote(s):
    return '"%s"' % "".join(c if c.isalnum() or c in "=._-" else "\\%d" % ord(c) for c in s)


def luajit_error(luajit, name):
    code = _DRIVER % _lua_quote(error_chunkname(name))
    with open(lua_path(SYNTAX, name), "rb") as src:
        r = subprocess.run([luajit, "-e", code], stdin=src, capture_output=True, timeout=60)
    if r.returncode != 0 or r.stderr:
        raise SystemExit("the driver failed on %s: %s" % (name, r.stderr.decode("latin-1")))
    if r.stdout == b"OK":
        raise SystemExit("%s.lua compiles in LuaJIT: not a syntax error" % name)
    return r.stdout


def generate(luajit, selected):
    engine = engine_version(luajit)
    if not engine.startswith("LuaJIT 2.1"):
        raise SystemExit("not a LuaJIT 2.1: %s" % engine)
    header = ENGINE_PREFIX + engine.encode() + b"\n"
    count = 0
    for directory in (BYTECODE, FFI, SYNTAX):
        for name in names(directory):
            if selected and name not in selected:
                continue
            if directory == SYNTAX:
                body = luajit_error(luajit, name) + b"\n"
            else:
                body = luajit_listing(luajit, directory, name)
            expected_path(directory, name).write_bytes(header + body)
            count += 1
    print("%d expected files written, %s" % (count, engine))
    return 0


def check(selected):
    results = {}
    for directory, compare in ((BYTECODE, compare_listing), (SYNTAX, compare_error)):
        chosen = [n for n in names(directory) if not selected or n in selected]
        same = 0
        for name in chosen:
            diff = compare(name)
            same += not diff
            if diff:
                print("DIFF %s/%s\n%s\n" % (directory.name, name, diff))
        results[directory.name] = (same, len(chosen))
    for what, (same, total) in results.items():
        print("%s: %d of %d identical" % (what, same, total))
    return 0 if all(same == total for same, total in results.values()) else 1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--luajit", default="luajit")
    ap.add_argument("--check", action="store_true", help="compare MoonLens with the files")
    ap.add_argument("names", nargs="*")
    args = ap.parse_args()
    selected = set(args.names)
    if args.check:
        sys.path.insert(0, str(ROOT))
        return check(selected)
    return generate(args.luajit, selected)


if __name__ == "__main__":
    sys.exit(main())
