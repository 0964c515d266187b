"""The standard library, complete to LuaJIT 2.1. open_libs(vm) installs it.

Each module has a table {name: builtin} and an open_* function; see aux.py for
how a builtin reads its arguments and returns results.
"""

import importlib
import sys

from ..layout import NIL
from . import luabuiltins
from .aux import new_lib

# (module, opener) in the order LuaJIT's luaL_openlibs opens them.
LIBRARIES = (
    ("base", "open_base"),
    ("package", "open_package"),
    ("table", "open_table"),
    ("io", "open_io"),
    ("os", "open_os"),
    ("string", "open_string"),
    ("math", "open_math"),
    ("debug", "open_debug"),
    ("bit", "open_bit"),
    ("jit", "open_jit"),
)


def open_libs(vm, stdout=None, stdin=None, stderr=None):
    vm.stdout = stdout if stdout is not None else sys.stdout.buffer
    vm.stdin = stdin if stdin is not None else sys.stdin.buffer
    vm.stderr = stderr if stderr is not None else sys.stderr.buffer
    vm.proxy_metatables = set()
    for modname, opener in LIBRARIES:
        try:
            mod = importlib.import_module("." + modname, __name__)
        except ModuleNotFoundError as e:
            if e.name != __name__ + "." + modname:
                raise
            continue
        getattr(mod, opener)(vm)
    for modname in luabuiltins.LIBRARIES:
        libtable = vm.rawgets(vm.globals, modname.encode())
        if libtable == NIL:
            libtable = new_lib(vm, modname, {})
        luabuiltins.install(vm, modname, libtable)
