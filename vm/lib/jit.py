"""The `jit` library as far as it exists without a trace compiler.

jit.version, version_num, os, arch; jit.on/off/flush (switch or flush the
attached trace compiler, if any); jit.status() (false while none is attached).
The trace compiler (moonlens.jit) extends this table when it attaches itself.
"""

import platform

from ..layout import FALSE, TRUE, TAG_BITS, TAG_FUNC
from .aux import arg, new_lib

VERSION = b"LuaJIT 2.1.0-beta3"
VERSION_NUM = 20100.0


def _jit_os():
    return {"Linux": b"Linux", "Darwin": b"OSX", "Windows": b"Windows"}.get(
        platform.system(), b"Other")


def _jit_arch():
    m = platform.machine().lower()
    return {"x86_64": b"x64", "amd64": b"x64", "aarch64": b"arm64", "arm64": b"arm64",
            "i386": b"x86", "i686": b"x86"}.get(m, m.encode())


def _switch(on):
    def f(vm, base, nargs):
        target = arg(vm, base, nargs, 1)
        jit = vm.jit
        if jit is not None:
            jit.switch(on, None if target >> TAG_BITS != TAG_FUNC else target)
        return None
    return f


def j_flush(vm, base, nargs):
    if vm.jit is not None:
        vm.jit.flush(arg(vm, base, nargs, 1))
    return None


def j_status(vm, base, nargs):
    if vm.jit is None:
        return FALSE
    return [TRUE] + [vm.str(s.encode()) for s in vm.jit.status_flags()]


def open_jit(vm):
    t = new_lib(vm, "jit", {"on": _switch(True), "off": _switch(False),
                            "flush": j_flush, "status": j_status})
    vm.rawsets(t, b"version", vm.str(VERSION))
    vm.rawsets(t, b"version_num", VERSION_NUM)
    vm.rawsets(t, b"os", vm.str(_jit_os()))
    vm.rawsets(t, b"arch", vm.str(_jit_arch()))
