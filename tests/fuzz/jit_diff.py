"""JIT differential run: every program must print the same with the JIT off and on.

    python tests/fuzz/jit_diff.py [--count 1000] [--seed 1] [--keep DIR] [FILE.lua ...]

Programs come from tests/fuzz/loopgen.py (or the files given). The JIT run uses
hotloop=1 and hotexit=1, so every loop is recorded at once and every guard that
fails once starts a side trace; traces run in the reference executor. Output and
the error message (if any) are compared; a Python exception inside MoonLens shows
up as an "internal error" message and therefore as a difference.
"""

import argparse
import io
import pathlib
import random
import signal
import sys

try:
    from tests.fuzz.loopgen import loop_program
except ImportError:                                   # run as a script
    sys.path.insert(0, __file__.rsplit("/tests/", 1)[0])
    from tests.fuzz.loopgen import loop_program

from moonlens.engine import _make_jit
from moonlens.vm.errors import LuaError
from moonlens.vm.lib import open_libs
from moonlens.vm.lib.aux import tostring
from moonlens.vm.runtime import load, new_state

JIT_PARAMS = {"hotloop": 1, "hotexit": 1}


def run(source: str, chunkname: bytes, jit: bool, on_event=None, gc_stress=False) -> str:
    """Everything the program prints, then its error message if it failed.
    on_event(event) sees the JIT's events; gc_stress: a collection at every safepoint."""
    vm = new_state(libs=False)
    out = io.BytesIO()
    open_libs(vm, stdout=out, stderr=out)
    # as under `moonlens run`: the jit library can attach the trace compiler when asked
    vm.jit_factory = _make_jit
    if jit:
        from moonlens.jit.trace import Jit
        j = Jit(vm)
        j.on = True
        j.param.update(JIT_PARAMS)
        vm.set_hotloop(JIT_PARAMS["hotloop"])
        if on_event is not None:
            j.events.attach(on_event)
    vm.set_gc_stress(gc_stress)
    try:
        f = load(vm, source.encode(), chunkname)
        vm.call(f, [])
        err = ""
    except LuaError as e:
        err = "error: " + tostring(vm, e.value).decode("utf-8", "replace")
    except RecursionError:
        err = "error: RecursionError"
    return out.getvalue().decode("utf-8", "replace") + err


class Timeout(BaseException):
    """A run took too long (a BaseException: the interpreter must not catch it)."""


def _alarm(signum, frame):
    raise Timeout()


def run_limited(source: str, chunkname: bytes, jit: bool, seconds: int):
    """run() with a time limit: a JIT that loops forever shows up as "TIMEOUT"."""
    old = signal.signal(signal.SIGALRM, _alarm)
    signal.alarm(seconds)
    try:
        return run(source, chunkname, jit)
    except Timeout:
        return "TIMEOUT"
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, old)


def differs(source: str, name: str, seconds: int = 60):
    """None when JIT off and on agree, else (off, on)."""
    off = run_limited(source, ("=" + name).encode(), False, seconds)
    on = run_limited(source, ("=" + name).encode(), True, seconds)
    return None if off == on else (off, on)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--keep", default="/tmp/jit_diff")
    ap.add_argument("files", nargs="*")
    args = ap.parse_args(argv)
    if args.files:
        cases = [(p, pathlib.Path(p).read_text()) for p in args.files]
    else:
        cases = ((str(s), loop_program(random.Random(s)))
                 for s in range(args.seed, args.seed + args.count))
    keep = pathlib.Path(args.keep)
    bad = total = 0
    for name, src in cases:
        total += 1
        d = differs(src, name)
        if d is None:
            continue
        bad += 1
        keep.mkdir(parents=True, exist_ok=True)
        (keep / ("%s.lua" % pathlib.Path(name).stem)).write_text(src)
        first = next((i for i, (x, y) in enumerate(zip(d[0].splitlines(), d[1].splitlines()))
                      if x != y), 0)
        print("DIFF %s: off=%r on=%r" % (name, d[0].splitlines()[first:first + 1],
                                         d[1].splitlines()[first:first + 1]), flush=True)
    print("%d programs, %d differences" % (total, bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
