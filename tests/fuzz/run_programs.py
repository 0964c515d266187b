"""Run generated Lua programs through the runtime: no Python exception may escape.

Every program either finishes or fails with a Lua error whose value the VM
holds (a Lua message). A count hook caps the instructions per program, so
generated infinite loops end with the Lua error "instruction budget exceeded".

    python tests/fuzz/run_programs.py --count 2000 --seed 1 [--gc-stress]

The test suite runs a short version (tests/runtime/test_generated_programs.py).
"""

import argparse
import io
import random
import sys
import traceback

from hypothesis import HealthCheck, given, settings, strategies as st

from moonlens.vm.errors import LuaError
from moonlens.vm.hooks import Hook
from moonlens.vm.runtime import load, new_state

try:
    from tests.fuzz.luagen import programs
except ImportError:                                   # run as a script
    sys.path.insert(0, __file__.rsplit("/tests/", 1)[0])
    from tests.fuzz.luagen import programs

BUDGET = 20000


class Budget(Hook):
    """Raises a Lua error once a program has run `budget` instructions."""

    def __init__(self, budget):
        self.left = budget

    def instr(self, vm, th, fn, pc, op):
        self.left -= 1
        if self.left < 0:
            raise LuaError(vm.str(b"instruction budget exceeded"))


def run_one(source: bytes, gc_stress=False, budget=BUDGET):
    """Run a program; returns ("ok" | "lua-error", detail). Other exceptions escape."""
    out = io.BytesIO()
    vm = new_state()
    vm.stdout = out
    if gc_stress:
        vm.set_gc_stress()
    vm.set_hook(Budget(budget))
    try:
        f = load(vm, source, "=gen")
        vm.call(f, [])
        return "ok", out.getvalue()
    except LuaError as e:
        value = e.value
        assert isinstance(value, int), "a Lua error carries a TValue"
        msg = vm.str_by_tv.get(value, b"<non-string error>")
        assert b"internal error" not in msg, msg     # a Python exception in disguise
        return "lua-error", msg
    finally:
        vm.close()


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--gc-stress", action="store_true")
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    stats = {"ok": 0, "lua-error": 0, "python": 0}
    failures = []

    @settings(max_examples=args.count, deadline=None, database=None, derandomize=True,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def one(data):
        src = data.draw(programs())
        try:
            kind, _ = run_one(src, args.gc_stress)
            stats[kind] += 1
        except Exception:
            stats["python"] += 1
            failures.append((src, traceback.format_exc()))

    del rnd
    one()
    print("programs: %d ok, %d Lua errors, %d Python exceptions"
          % (stats["ok"], stats["lua-error"], stats["python"]))
    for src, tb in failures[:5]:
        print("-" * 60)
        print(src.decode("utf-8", "replace"))
        print(tb)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
