"""The string library against real LuaJIT.

Each case of string_cases.json (tests/tools/gen_string_cases.py) records what
`luajit -joff case.lua` printed for one snippet of string_snippets.lua. The cases
run in-process: a fresh VM whose standard streams are captured runs case.lua as
luajit.c runs a script. Addresses (0x...) and the program name in front of
uncaught errors are normalised.

The pattern matcher has two engines (a port of LuaJIT's backtracking matcher and a
translation to Python's `re` for patterns that cannot raise); the property tests at
the end check that they agree with each other on generated patterns.
"""

import contextlib
import hashlib
import io
import json
import os
import pathlib
import random
import re

import pytest

from moonlens.vm.lib import lpattern, strformat

HERE = pathlib.Path(__file__).resolve().parent
DATA = json.loads((HERE / "string_cases.json").read_text())
CASES = {c["name"]: c for c in DATA["cases"]}

# Cases that fail because of code outside the string library.
KNOWN = {}

_ADDR = re.compile(r"0x[0-9a-f]+")


def normalise(text):
    text = _ADDR.sub("0xADDR", text)
    return text.replace("luajit: ", "PROG: ").replace("moonlens: ", "PROG: ")


class _TextTo:
    """sys.stderr for the engine's reports: text appended to a byte stream."""

    def __init__(self, raw):
        self.raw = raw

    def write(self, s):
        self.raw.write(s.encode("utf-8", "surrogateescape"))

    def flush(self):
        pass


def run_inprocess(source, tmp_path):
    from moonlens.engine import Engine
    from moonlens.vm.lib import open_libs
    from moonlens.vm.runtime import new_state

    (tmp_path / "case.lua").write_bytes(source.encode("utf-8", "surrogateescape"))
    out, err = io.BytesIO(), io.BytesIO()
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        vm = new_state(libs=False)
        open_libs(vm, stdout=out, stdin=io.BytesIO(b""), stderr=err)
        eng = Engine(script_args=["case.lua"], script_index=0, progname="moonlens")
        eng._vm = vm
        eng._make_arg_table()
        with contextlib.redirect_stderr(_TextTo(err)), contextlib.redirect_stdout(io.StringIO()):
            eng.run_script("case.lua")
        vm.stdout.flush()
        status = eng.exit_status
        vm.close()
    finally:
        os.chdir(cwd)
    return (out.getvalue().decode("utf-8", "surrogateescape"),
            err.getvalue().decode("utf-8", "surrogateescape"), status)


def test_enough_cases():
    assert len(CASES) >= 250
    assert DATA["engine"].startswith("LuaJIT 2.1")


def _params():
    for name in sorted(CASES):
        marks = ()
        if name in KNOWN:
            marks = pytest.mark.xfail(strict=True, reason=KNOWN[name])
        yield pytest.param(name, marks=marks, id=name)


@pytest.mark.parametrize("name", list(_params()))
def test_case(name, tmp_path):
    case = CASES[name]
    stdout, stderr, status = run_inprocess(case["source"], tmp_path)
    assert normalise(stdout) == normalise(case["stdout"])
    assert normalise(stderr) == normalise(case["stderr"])
    assert status == case["status"]


# -- string.dump on every snippet ----------------------------------------------------------

_DUMPER = b"""
local src, strip = ...
return string.dump(assert(loadstring(src, "=case")), strip)
"""


@pytest.fixture(scope="module")
def dump_vm():
    from moonlens.vm.runtime import load, new_state
    vm = new_state()
    yield vm, load(vm, _DUMPER, "=dumper")
    vm.close()


@pytest.mark.parametrize("name", sorted(CASES))
def test_dump_matches_luajit(name, dump_vm):
    """string.dump of the snippet's main function, plain and stripped, is LuaJIT's up
    to the order of hash entries in table constants (bcdump.canonical)."""
    from moonlens.vm import bcdump
    from moonlens.vm.layout import FALSE, TRUE
    vm, dumper = dump_vm
    case = CASES[name]
    src = vm.str(case["source"].encode("utf-8", "surrogateescape"))
    for strip, want in ((FALSE, case["dump"]), (TRUE, case["dump_stripped"])):
        data = vm.sbytes(vm.call(dumper, [src, strip])[0])
        assert bcdump.dump(bcdump.undump(data, b"=x"), strip == TRUE) == data
        assert hashlib.sha256(bcdump.canonical(data)).hexdigest() == want


# -- The two pattern engines agree -----------------------------------------------------------

_ATOMS = [b"a", b"b", b".", b"%a", b"%d", b"%s", b"%w", b"[ab]", b"[^a]", b"[a-c]", b"%%",
          b"(", b")", b"()", b"%1", b"%2", b"%f[%w]", b"%f[%W]", b"%f[%z]", b"$", b"^",
          b"*", b"+", b"-", b"?", b"[%a-]", b"x", b"%z", b"[]]", b"%]", b"%x", b"%p"]
_SUBJECT = b"ab() xyz 12 aab((a)b) ba\0c]-%"


def _run(fn, s, start, anchor):
    try:
        m = fn(s, start, anchor)
    except lpattern.PatternError as e:
        return e.msg
    if m is None:
        return None
    b, e, caps = m
    return b, e, caps


def test_regex_translation_agrees_with_matcher():
    rnd = random.Random(1234)
    translated = 0
    for _ in range(6000):
        p = b"".join(rnd.choice(_ATOMS) for _ in range(rnd.randint(1, 6)))
        pat = lpattern.Pattern(p)
        if pat.regex is None:
            continue
        translated += 1
        s = bytes(rnd.choice(_SUBJECT) for _ in range(rnd.randint(0, 14)))
        start = rnd.randint(0, len(s))
        for anchor in (False, True):
            want = _run(pat.search_native, s, start, anchor)
            assert _run(pat.search, s, start, anchor) == want, (p, s, start, anchor)
    assert translated > 1000


def test_untranslatable_patterns():
    """Patterns that can raise, or use %b, are left to the matcher."""
    for p in (b"(a", b"a)", b"%b()", b"[a", b"a%", b"%1", b"(a%1)", b"()%1", b"%fx",
              b"(" * 33 + b")" * 33, b"a?" * 200):
        assert lpattern.Pattern(p).regex is None, p
    for p in (b"(a)%1", b"a?" * 199, b"%f[%a]x$", b"[%]]"):
        assert lpattern.Pattern(p).regex is not None, p


def test_format_ties_round_half_up():
    spec = strformat.parse(b"%.2f")[0]
    assert strformat.fmt_float(spec, 0.125) == b"0.13"
    assert strformat.fmt_float(spec, 0.375) == b"0.38"
    spec = strformat.parse(b"%.0e")[0]
    assert strformat.fmt_float(spec, 2.5) == b"3e+00"
    assert strformat.fmt_float(spec, 25.0) == b"3e+01"
