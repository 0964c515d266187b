from moonlens.server import stdlib_docs as S
from moonlens.vm.lib import base, debug, io, package

# LuaJIT 2.1's libraries as luaL_openlibs opens them (without FFI and 5.2 compat).
EXPECTED = {
    "string": "byte char dump find format gmatch gsub len lower match rep reverse sub upper",
    "table": "concat foreach foreachi getn insert maxn move remove sort",
    "math": "abs acos asin atan atan2 ceil cos cosh deg exp floor fmod frexp huge ldexp log "
            "log10 max min modf pi pow rad random randomseed sin sinh sqrt tan tanh",
    "os": "clock date difftime execute exit getenv remove rename setlocale time tmpname",
    "io": "close flush input lines open output popen read stderr stdin stdout tmpfile type write",
    "coroutine": "create isyieldable resume running status wrap yield",
    "bit": "arshift band bnot bor bswap bxor lshift rol ror rshift tobit tohex",
    "jit": "arch attach flush off on opt os security status version version_num",
    "jit.opt": "start",
    "package": "config cpath loaded loaders loadlib path preload searchpath seeall",
    "debug": "debug getfenv gethook getinfo getlocal getmetatable getregistry getupvalue "
             "setfenv sethook setlocal setmetatable setupvalue traceback upvalueid upvaluejoin",
}


def test_every_library_member_is_documented_and_nothing_else():
    for table, names in EXPECTED.items():
        assert set(S.MEMBERS[table]) == set(names.split()), table
    assert set(S.MEMBERS) == set(EXPECTED)


def test_the_vms_libraries_are_all_documented():
    """What the MoonLens VM installs must have docs (tracks the VM as it grows)."""
    for name in list(base.BASE) + list(package.GLOBALS):
        assert name in S.GLOBALS, name
    for table, funcs in (("coroutine", base.COROUTINE), ("debug", debug.DEBUG),
                         ("io", io.FUNCTIONS), ("package", package.LIB)):
        for name in funcs:
            assert name in S.MEMBERS[table], "%s.%s" % (table, name)
    for name in io.METHODS:
        assert name.startswith("__") or S.lookup("file:" + name) is not None, name


def test_every_entry_has_a_one_line_doc():
    for entry in S.ENTRIES.values():
        assert entry.doc and "\n" not in entry.doc, entry.name
        if entry.is_function:
            assert entry.signature.startswith(entry.name + "("), entry.name


def test_parameters_from_signatures():
    assert S.FUNCTIONS["string.find"].params == [
        ("s", False), ("pattern", False), ("init", True), ("plain", True)]
    assert S.FUNCTIONS["table.insert"].params == [
        ("table", False), ("pos", True), ("value", False)]
    assert S.FUNCTIONS["print"].params == [("...", False)]
    assert S.FUNCTIONS["coroutine.running"].params == []


def test_required_modules_are_not_fields():
    assert "new" not in S.MEMBERS["table"] and "util" not in S.MEMBERS["jit"]
    assert S.lookup("table.new").is_function and S.lookup("jit.util.funcinfo").is_function
