"""Interpreter semantics against real LuaJIT: each snippet's stdout/stderr and exit
status as `luajit -joff` produced them (tests/tools/gen_interp_cases.py)."""

import json
import pathlib
import re
import subprocess
import sys

import pytest

HERE = pathlib.Path(__file__).resolve().parent
DATA = json.loads((HERE / "interp_cases.json").read_text())
CASES = {c["name"]: c for c in DATA["cases"]}

_ADDR = re.compile(r"0x[0-9a-f]+")


def normalise(text):
    """Addresses differ between engines; so does the program name in messages."""
    text = _ADDR.sub("0xADDR", text)
    return text.replace("luajit: ", "PROG: ").replace("moonlens: ", "PROG: ")


@pytest.mark.parametrize("name", sorted(CASES))
def test_snippet(name, tmp_path):
    case = CASES[name]
    (tmp_path / "case.lua").write_text(case["source"])
    r = subprocess.run([sys.executable, "-m", "moonlens", "run", "case.lua"], cwd=tmp_path,
                       capture_output=True, text=True, timeout=120)
    assert normalise(r.stdout) == normalise(case["stdout"])
    assert normalise(r.stderr) == normalise(case["stderr"])
    assert r.returncode == case["status"]
