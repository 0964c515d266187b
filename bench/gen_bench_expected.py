#!/usr/bin/env python
"""Write bench/expected/NAME.txt and NAME.quick.txt: what lua5.1 prints for each
benchmark at its full and its quick size (bench/run_bench.py SIZES).

    python bench/gen_bench_expected.py [--check]

The first line of a file records the size and the engine:

    # size=29 mode=full engine=/usr/bin/lua5.1 version="Lua 5.1.5  Copyright ..."

the rest is lua5.1's standard output, byte for byte. Every output is also run
through luajit -joff and luajit: a difference is printed and makes the script
exit 1 (the programs are meant to print the same in all three). --check writes
nothing and reports files that are missing or out of date.
"""

import subprocess
import sys

from run_bench import EXPECTED, LUA51, LUAJIT, PROGRAMS, ROOT, SIZES, expected_path


def run(cmd):
    done = subprocess.run(cmd, capture_output=True, timeout=300, check=False)
    if done.returncode:
        raise SystemExit("%s failed: %s" % (" ".join(cmd), done.stderr.decode()))
    return done.stdout


def lua51_version():
    done = subprocess.run([LUA51, "-v"], capture_output=True, text=True, check=False)
    return (done.stdout + done.stderr).strip()


def expected_text(name, size, mode, version):
    prog = str(PROGRAMS / (name + ".lua"))
    out = run([LUA51, prog, str(size)])
    for cmd in ([LUAJIT, "-joff"], [LUAJIT]):
        if run(cmd + [prog, str(size)]) != out:
            print("DIFFERS: %s %s %d" % (" ".join(cmd), name, size))
            raise SystemExit(1)
    header = '# size=%d mode=%s engine=%s version="%s"\n' % (size, mode, LUA51, version)
    return header.encode() + out


def main(argv):
    check = "--check" in argv
    version = lua51_version()
    EXPECTED.mkdir(exist_ok=True)
    stale = 0
    for name, (size, quick) in SIZES.items():
        for n, mode in ((size, "full"), (quick, "quick")):
            path = expected_path(name, mode == "quick")
            text = expected_text(name, n, mode, version)
            if path.exists() and path.read_bytes() == text:
                continue
            stale += 1
            print("%s %s" % ("out of date:" if check else "wrote", path.relative_to(ROOT)))
            if not check:
                path.write_bytes(text)
    return 1 if check and stale else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
