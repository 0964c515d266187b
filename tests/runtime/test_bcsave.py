"""`moonlens run -b` against `luajit -b` (tests/runtime/bcsave_cases.json, written
by tests/tools/gen_bcsave_cases.py): the same bytes in every file written, the same
messages, and the saved files run as LuaJIT runs them."""

import json
import pathlib
import re

import pytest

from tests.inprocess import run_cli

DATA = json.loads((pathlib.Path(__file__).parent / "bcsave_cases.json").read_text())
_ADDR = re.compile(r"0x[0-9a-f]+")


def _ours(text):
    """MoonLens's words in LuaJIT's: the program name in messages and the usage."""
    text = re.sub(r"^moonlens:", "luajit:", text, flags=re.M)
    return _ADDR.sub("ADDR", text.replace("moonlens run -b", "luajit -b"))


@pytest.mark.parametrize("case", DATA["cases"], ids=lambda c: c["name"])
def test_case(case, tmp_path):
    for name, text in DATA["files"].items():
        (tmp_path / name).write_text(text)
    status, out, err = run_cli(["run", "-b"] + case["args"], tmp_path)
    out = out.encode("utf-8", "surrogateescape").hex()     # run_cli decoded the bytes so
    assert (status, out, _ours(err)) == (case["status"], case["stdout"], case["stderr"])
    written = {p.name: p.read_bytes().hex() for p in sorted(tmp_path.iterdir())
               if p.name not in DATA["files"]}
    assert written == case["files"]
    if "run" in case:
        got = list(run_cli(["run", case["run"]], tmp_path))
        want = case["run_result"]
        assert [got[0], got[1], _ours(got[2])] == [want[0], want[1], _ADDR.sub("ADDR", want[2])]
