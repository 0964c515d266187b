"""The runtime benchmarks at their quick sizes, in MoonLens only: every program
prints what lua5.1 printed (bench/expected/NAME.quick.txt, written by
bench/gen_bench_expected.py). Timings are not checked. About 10 s."""

import importlib.util
import json
import pathlib
import subprocess
import sys

import pytest

BENCH = pathlib.Path(__file__).resolve().parent.parent / "bench"


def load_run_bench():
    spec = importlib.util.spec_from_file_location("run_bench", BENCH / "run_bench.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


run_bench = load_run_bench()


def test_expected_files_match_quick_sizes():
    for name, (_, quick) in run_bench.SIZES.items():
        body, why = run_bench.read_expected(name, quick, True)
        assert body, why


@pytest.fixture(scope="module")
def quick_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "quick.json"
    done = subprocess.run(
        [sys.executable, str(BENCH / "run_bench.py"), "--quick", "--engines", "moonlens",
         "--timeout", "30", "--json", str(out)],
        capture_output=True, text=True, timeout=300, check=False)
    return done, json.loads(out.read_text()) if out.exists() else None


def test_quick_run_exits_0(quick_run):
    done, _ = quick_run
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]


@pytest.mark.parametrize("name", list(run_bench.SIZES))
def test_output_is_lua51s(quick_run, name):
    _, data = quick_run
    assert data is not None, "run_bench.py wrote no JSON"
    res = data["benchmarks"][name]
    assert res["reference"] == "expected"
    assert res["problems"] == []
    assert res["runs"]["moonlens"]["status"] == "ok"


def test_lsp_bench_at_a_small_size(tmp_path):
    """bench/lsp_bench.py end to end on 300 lines and 10 files: every figure is there,
    and the cross-file answers are the right size (timings are not checked)."""
    out = tmp_path / "lsp.json"
    subprocess.run([sys.executable, str(BENCH / "lsp_bench.py"), "--lines", "300",
                    "--files", "10", "--requests", "5", "--json", str(out)],
                   check=True, capture_output=True, timeout=300)
    report = json.loads(out.read_text())
    assert report["big_file"]["diagnostics"] >= 0 and report["big_file"]["hover"]["n"] == 5
    ws = report["workspace"]
    assert ws["files"] == 10 and ws["symbols_found"] > 0
    assert ws["references_found"] > 10           # math.floor in every file, and user.lua
    assert ws["rename_edits"] == 2               # mods.inventory and the module's key
