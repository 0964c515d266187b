"""The package library (lib_package.c): require, module, package.*.

As in LuaJIT, require, module and the four searchers in package.loaders have
the package table as their environment and read path, cpath, preload and
loaders from it (so `package = nil` does not break require, while changing
package.path does affect it). While a module loads, package.loaded[name] holds
LuaJIT's sentinel (a number whose bits are 0x8000000000000073), which is how
"loop or previous error loading module" is detected.

MoonLens runs no C code: a C module found on package.cpath is an error
("error loading module ... from file ...") and package.loadlib fails with
LuaJIT's message for targets without dynamic libraries.
"""

import os
import sys
import sysconfig

from .. import debuginfo
from ..errmsg import ERRMSG
from ..errors import LuaError
from ..layout import NIL, NUM_LIMIT, PAYLOAD, TAG_BITS, TAG_FUNC, TAG_STR, TAG_TAB, TRUE
from ..numbers import fmt_number
from ..table import tv_num
from .aux import builtin, check_str, check_tab, loaded_table, opt_str, truthy

KEY_SENTINEL = 0x8000000000000073       # LuaJIT's (U64x(80000000,00000000)|'s')

LUA_PATH_CONFIG = b"/\n;\n?\n!\n-\n"
LUA_PATHSEP = b";"
LUA_PATH_MARK = b"?"
LUA_IGMARK = b"-"

# LuaJIT's default paths have the shape of Debian's luajit 2.1 (the second entry of
# package.path is where LuaJIT keeps its own Lua modules; MoonLens's lives under its
# installation prefix); the rest are the usual Lua 5.1 directories.
_MULTIARCH = sysconfig.get_config_var("MULTIARCH") or ""
LUA_JDIR = os.path.join(sys.prefix, "share", "moonlens") + "/"
LUA_PATH_DEFAULT = ("./?.lua;" + LUA_JDIR + "?.lua;"
                    "/usr/local/share/lua/5.1/?.lua;/usr/local/share/lua/5.1/?/init.lua;"
                    "/usr/share/lua/5.1/?.lua;/usr/share/lua/5.1/?/init.lua").encode()
LUA_CPATH_DEFAULT = ("./?.so;/usr/local/lib/lua/5.1/?.so;"
                     + ("/usr/lib/%s/lua/5.1/?.so;" % _MULTIARCH if _MULTIARCH
                        else "/usr/lib/lua/5.1/?.so;")
                     + "/usr/local/lib/lua/5.1/loadall.so").encode()

DLMSG = b"dynamic libraries not enabled; MoonLens cannot load C code"
PACKAGE_LIB_FAIL = b"absent"


def _s(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def _error(vm, msg: str):
    """luaL_error: the message with the location of the caller (luaL_where(L, 1)).

    Raised as a finished LuaError, so that it is right also when the builtin was
    called from Python (the -l option) rather than from Lua code.
    """
    where = debuginfo.where(vm, vm.current, 1)
    text = (where + " " + msg) if where else msg
    raise LuaError(vm.str(text.encode("utf-8", "surrogateescape")))


def _env(vm):
    """The environment of the running builtin (LUA_ENVIRONINDEX): the package table."""
    cf = vm.current.cfunc
    return vm.func_env(cf.tv) if cf is not None else vm.globals


def _tostring(vm, v):
    """lua_tostring: a string's bytes, a number formatted, else None."""
    if v >> TAG_BITS == TAG_STR:
        return vm.sbytes(v)
    if v < NUM_LIMIT:
        return fmt_number(tv_num(v)).encode()
    return None


# -- Searching ---------------------------------------------------------------------------

def _readable(filename: bytes) -> bool:
    try:
        fd = os.open(filename, os.O_RDONLY)
    except (OSError, ValueError):
        return False
    os.close(fd)
    return True


def searchpath(name: bytes, path: bytes, sep=b".", dirsep=b"/"):
    """(filename, None) or (None, "\\n\\tno file '...'" for every template)."""
    if sep:
        name = name.replace(sep, dirsep)
    msg = []
    for template in path.split(LUA_PATHSEP):
        if not template:
            continue
        nul = template.find(b"\0")
        filename = template.replace(LUA_PATH_MARK, name)
        if nul < 0 and _readable(filename):
            return filename, None
        msg.append(b"\n\tno file '" + filename + b"'")
    return None, b"".join(msg)


def _findfile(vm, name, pname):
    path = _tostring(vm, vm.gettable(_env(vm), vm.str(pname)))
    if path is None:
        _error(vm, "'package.%s' must be a string" % _s(pname))
    return searchpath(name, path)


def _loaderror(vm, name, filename, msg):
    _error(vm, "error loading module '%s' from file '%s':\n\t%s"
                     % (_s(name), _s(filename), _s(msg)))


def _loadfile(vm, filename):
    """luaL_loadfile: a function TValue, or raises with the message."""
    from ..runtime import load
    try:
        with open(filename, "rb") as f:
            src = f.read()
    except IsADirectoryError as e:
        return None, b"cannot read %s: %s" % (filename, e.strerror.encode())
    except OSError as e:
        return None, b"cannot open %s: %s" % (filename, (e.strerror or str(e)).encode())
    try:
        return load(vm, src, b"@" + filename), None
    except LuaError as e:
        v = e.value
        return None, vm.sbytes(v) if v >> TAG_BITS == TAG_STR else b"?"


def loader_preload(vm, base, nargs):
    name = check_str(vm, base, nargs, 1)
    preload = vm.gettable(_env(vm), vm.str(b"preload"))
    if preload >> TAG_BITS != TAG_TAB:
        _error(vm, "'package.preload' must be a table")
    v = vm.gettable(preload, vm.str(name))
    if v == NIL:
        return vm.str(b"\n\tno field package.preload['" + name + b"']")
    return v


def loader_lua(vm, base, nargs):
    name = check_str(vm, base, nargs, 1)
    filename, msg = _findfile(vm, name, b"path")
    if filename is None:
        return vm.str(msg)
    f, err = _loadfile(vm, filename)
    if f is None:
        _loaderror(vm, name, filename, err)
    return f


def loader_c(vm, base, nargs):
    name = check_str(vm, base, nargs, 1)
    filename, msg = _findfile(vm, name, b"cpath")
    if filename is None:
        return vm.str(msg)
    _loaderror(vm, name, filename, DLMSG)


def loader_croot(vm, base, nargs):
    name = check_str(vm, base, nargs, 1)
    dot = name.find(b".")
    if dot < 0:
        return None
    filename, msg = _findfile(vm, name[:dot], b"cpath")
    if filename is None:
        return vm.str(msg)
    _loaderror(vm, name, filename, DLMSG)


# -- require and module ---------------------------------------------------------------------

def p_require(vm, base, nargs):
    name = check_str(vm, base, nargs, 1)
    key = vm.str(name)
    loaded = vm.rawgets(vm.registry, b"_LOADED")
    v = vm.gettable(loaded, key)
    if truthy(v):
        if v == KEY_SENTINEL:
            _error(vm, "loop or previous error loading module '%s'" % _s(name))
        return v
    loaders = vm.gettable(_env(vm), vm.str(b"loaders"))
    if loaders >> TAG_BITS != TAG_TAB:
        _error(vm, "'package.loaders' must be a table")
    msg = []
    i = 1
    while True:
        loader = vm.rawget(loaders, vm.num(float(i)))
        if loader == NIL:
            _error(vm, "module '%s' not found:%s" % (_s(name), _s(b"".join(msg))))
        res = vm.call(loader, [key])
        r = res[0] if res else NIL
        if r >> TAG_BITS == TAG_FUNC:
            break
        s = _tostring(vm, r)
        if s is not None:
            msg.append(s)
        i += 1
    vm.settable(loaded, key, KEY_SENTINEL)
    res = vm.call(r, [key])
    r = res[0] if res else NIL
    if r != NIL:
        vm.settable(loaded, key, r)
    v = vm.gettable(loaded, key)
    if v == KEY_SENTINEL:
        vm.settable(loaded, key, TRUE)
        v = TRUE
    return v


def _findtable(vm, t, fname: bytes, szhint):
    """luaL_findtable: walk/create t.a.b.c; None, or the part of the name that clashed."""
    parts = fname.split(b".")
    for i, part in enumerate(parts):
        k = vm.str(part)
        v = vm.rawget(t, k)
        if v == NIL:
            nt = vm.new_table(0, 1 if i < len(parts) - 1 else szhint)
            vm.settable(t, k, nt)
            v = nt
        elif v >> TAG_BITS != TAG_TAB:
            return None, b".".join(parts[i:])
        t = v
    return t, None


def pushmodule(vm, modname: bytes, sizehint):
    """luaL_pushmodule: package.loaded[modname], created (also as a global) if needed."""
    loaded = loaded_table(vm)
    key = vm.str(modname)
    mod = vm.gettable(loaded, key)
    if mod >> TAG_BITS != TAG_TAB:
        mod, _clash = _findtable(vm, vm.current.env, modname, sizehint)
        if mod is None:
            _error(vm, ERRMSG["BADMODN"] % _s(modname))
        vm.settable(loaded, key, mod)
    return mod


def p_module(vm, base, nargs):
    modname = check_str(vm, base, nargs, 1)
    options = list(vm.Q[base + 1:base + nargs])
    mod = pushmodule(vm, modname, 1)
    if vm.gettable(mod, vm.str(b"_NAME")) == NIL:
        vm.settable(mod, vm.str(b"_M"), mod)
        vm.settable(mod, vm.str(b"_NAME"), vm.str(modname))
        dot = modname.rfind(b".")
        vm.settable(mod, vm.str(b"_PACKAGE"), vm.str(modname[:dot + 1]))
    f = debuginfo.level(vm, vm.current, 1)
    if f is None or f.is_c:
        _error(vm, "'module' not called from a Lua function")
    vm.Q[vm.tq(f.fn.tv) + 2] = mod & PAYLOAD
    for opt in options:
        vm.call(opt, [mod])
    return None


def p_seeall(vm, base, nargs):
    t = check_tab(vm, base, nargs, 1)
    mt = vm.getmetatable(t)
    if mt == NIL:
        mt = vm.new_table(0, 1)
        vm.setmetatable_raw(t, mt)
    vm.settable(mt, vm.str(b"__index"), vm.current.env)
    return None


# -- package.* ---------------------------------------------------------------------------------

def p_loadlib(vm, base, nargs):
    path = check_str(vm, base, nargs, 1)
    check_str(vm, base, nargs, 2)
    msg = b"path too long" if len(path) >= 4096 else DLMSG
    return [NIL, vm.str(msg), vm.str(PACKAGE_LIB_FAIL)]


def p_searchpath(vm, base, nargs):
    # The C compiler evaluates LuaJIT's call arguments right to left: 4, 3, 2, 1.
    rep = opt_str(vm, base, nargs, 4, b"/")
    sep = opt_str(vm, base, nargs, 3, b".")
    path = check_str(vm, base, nargs, 2)
    name = check_str(vm, base, nargs, 1)
    f, msg = searchpath(_cstr(name), _cstr(path), _cstr(sep), _cstr(rep))
    if f is not None:
        return vm.str(f)
    return [NIL, vm.str(msg)]


def _cstr(b):
    nul = b.find(b"\0")
    return b if nul < 0 else b[:nul]


def p_unloadlib(vm, base, nargs):
    return None


def _setpath(vm, pkg, field, envname, default, noenv):
    path = None if noenv else os.environb.get(envname)
    if path is None:
        value = default
    else:
        value = path.replace(LUA_PATHSEP + LUA_PATHSEP, LUA_PATHSEP + b"\1" + LUA_PATHSEP)
        value = value.replace(b"\1", default)
    vm.rawsets(pkg, field, vm.str(value))


LIB = {"loadlib": p_loadlib, "searchpath": p_searchpath, "seeall": p_seeall}
GLOBALS = {"module": p_module, "require": p_require}
LOADERS = (("loader_preload", loader_preload), ("loader_lua", loader_lua),
           ("loader_c", loader_c), ("loader_croot", loader_croot))


def _cfunc(vm, name, f, env):
    tv = builtin(vm, name, f, "package")
    vm.Q[vm.tq(tv) + 2] = env & PAYLOAD
    return tv


def open_package(vm):
    loadlib_mt = vm.new_table(0, 1)
    vm.rawsets(vm.registry, b"_LOADLIB", loadlib_mt)
    pkg = vm.new_table(0, 16)
    # Registered before LuaJIT makes the package table their environment: these
    # have the globals; the loaders, require and module get the package table.
    vm.rawsets(loadlib_mt, b"__gc", _cfunc(vm, "unloadlib", p_unloadlib, vm.globals))
    for name, f in LIB.items():
        vm.rawsets(pkg, name.encode(), _cfunc(vm, name, f, vm.globals))
    loaded = loaded_table(vm)
    vm.rawsets(loaded, b"package", pkg)
    vm.rawsets(vm.globals, b"package", pkg)
    loaders = vm.new_table(len(LOADERS), 0)
    for i, (name, f) in enumerate(LOADERS):
        vm.rawset(loaders, float(i + 1), _cfunc(vm, name, f, pkg))
    vm.rawsets(pkg, b"loaders", loaders)
    noenv = truthy(vm.rawgets(vm.registry, b"LUA_NOENV"))
    _setpath(vm, pkg, b"path", b"LUA_PATH", LUA_PATH_DEFAULT, noenv)
    _setpath(vm, pkg, b"cpath", b"LUA_CPATH", LUA_CPATH_DEFAULT, noenv)
    vm.rawsets(pkg, b"config", vm.str(LUA_PATH_CONFIG))
    vm.rawsets(pkg, b"loaded", loaded)
    preload = vm.rawgets(vm.registry, b"_PRELOAD")
    if preload == NIL:
        preload = vm.new_table(0, 4)
        vm.rawsets(vm.registry, b"_PRELOAD", preload)
    vm.rawsets(pkg, b"preload", preload)
    for name, f in GLOBALS.items():
        vm.rawsets(vm.globals, name.encode(), _cfunc(vm, name, f, pkg))
    return pkg

