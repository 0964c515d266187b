"""jit.attach's VM events and jit.on/off/flush per function, against real LuaJIT.

Each tests/jit/jitlib_cases/NAME.lua prints what it observes: "trace", "record",
"texit" and "bc" events with their arguments, handler errors and nesting, the
jit.util trace functions, argument errors, and (with -jv) which loops LuaJIT
compiles under jit.off(f, true), jit.on(f, true), jit.flush(f) and jit.flush(n).
NAME.expected is what `luajit [ARGS] NAME.lua` printed
(tests/tools/gen_jitlib_cases.py, engine version in the file); here the case runs
in-process as `moonlens run -jon [ARGS] NAME.lua` from the same directory, and
status, stdout and stderr must be the same. KNOWN differences are strict xfails.
The rest checks the pieces directly.
"""

import difflib
import io

import pytest

from tests.inprocess import run_cli

from tests.tools.gen_jitlib_cases import CASES, case_args, parse_expected

NAMES = sorted(p.name for p in CASES.glob("*.lua"))
KNOWN = {
    "attach_bc_syntax_error.lua": "the compiler makes a chunk's prototypes only when all "
                                  "of it parses: no \"bc\" event for the functions "
                                  "finished before a syntax error",
    "flush_trace_again.lua": "LuaJIT 2.1.0-beta3 unpatches the start instruction of a root "
                             "trace flushed twice even when a newer trace owns it; MoonLens "
                             "does as later LuaJIT 2.1 (only a trace still in the "
                             "prototype's chain is unpatched)",
}


def run_moonlens(argv, cwd):
    """`moonlens run ...` in-process: (status, stdout, stderr) as text."""
    return run_cli(["run"] + argv, cwd)


def render(status, stdout, stderr):
    return "## status\n%d\n## stdout\n%s## stderr\n%s" % (status, stdout, stderr)


@pytest.mark.parametrize("name", [
    pytest.param(n, id=n, marks=[pytest.mark.xfail(reason=KNOWN[n], strict=True)]
                 if n in KNOWN else []) for n in NAMES])
def test_case(name):
    exp = parse_expected(CASES / name.replace(".lua", ".expected"))
    want = render(exp["status"], exp["stdout"], exp["stderr"])
    got = render(*run_moonlens(["-jon"] + case_args(CASES / name) + [name], CASES))
    assert got == want, "".join(difflib.unified_diff(
        want.splitlines(True), got.splitlines(True), "luajit", "moonlens"))


def test_cases_are_complete():
    assert len(NAMES) >= 10
    for name in NAMES:
        path = CASES / name.replace(".lua", ".expected")
        assert path.exists(), name
        assert "# engine: LuaJIT " in path.read_text(), name
    assert set(KNOWN) <= set(NAMES)


# -- The pieces ------------------------------------------------------------------------

def new_vm(jit=True):
    from moonlens.jit.trace import Jit
    from moonlens.vm.runtime import new_state
    vm = new_state()
    vm.stderr = io.BytesIO()
    if jit:
        Jit(vm)
    return vm


def run(vm, src):
    from moonlens.vm.runtime import load
    return vm.call(load(vm, src.encode(), "=test"))


def test_event_keys_are_luajits_hashes():
    """lj_vmevent.h: VMEVENT_DEF(BC, 0x00003883), TRACE 0xb2d91467, RECORD 0x9284bf4f,
    TEXIT 0xb29df2b0, each shifted left by 3 as an int32 table key."""
    from moonlens.vm.lib.jit import EVENT_KEYS

    def key(h):
        k = (h << 3) & 0xFFFFFFFF
        return k - (1 << 32) if k & 0x80000000 else k
    assert EVENT_KEYS == {"bc": key(0x3883), "trace": key(0xb2d91467),
                          "record": key(0x9284bf4f), "texit": key(0xb29df2b0)}


def test_handlers_live_in_the_registry():
    vm = new_vm()
    run(vm, """
        local f = function() end
        jit.attach(f, "trace"); jit.attach(f, "bc"); jit.attach(print, "texit")
        local n = 0
        for k, v in pairs(debug.getregistry()._VMEVENTS) do n = n + 1 end
        assert(n == 3)
        jit.attach(f)
        for k, v in pairs(debug.getregistry()._VMEVENTS) do assert(v == print) end
    """)


def test_the_stream_is_only_watched_while_a_jit_handler_is_attached():
    """Recording pays for "record" events only while someone listens."""
    vm = new_vm()
    lib = vm.jit.lib
    assert not lib.listening
    run(vm, 'jit.attach(print, "bc")')
    assert not lib.listening
    run(vm, 'jit.attach(print, "record")')
    assert lib.listening and vm.jit.events.listeners[0] == lib.on_event
    run(vm, "jit.attach(print)")
    assert not lib.listening and lib.on_event not in vm.jit.events.listeners


def test_handlers_attached_before_the_jit_exists_are_called():
    from moonlens.jit.trace import Jit
    vm = new_vm(jit=False)
    run(vm, 'N = 0; jit.attach(function() N = N + 1 end, "trace")')
    Jit(vm)
    run(vm, "local s = 0 for i = 1, 200 do s = s + i end")
    assert vm.rawgets(vm.globals, b"N") != vm.num(0.0)


def test_flush_without_a_jit_sends_the_event():
    """lj_trace_flushall sends "flush" with the compiler off too."""
    vm = new_vm(jit=False)
    run(vm, 'W = nil; jit.attach(function(what) W = what end, "trace"); jit.flush()')
    assert vm.sbytes(vm.rawgets(vm.globals, b"W")) == b"flush"


def test_jit_off_without_a_jit_marks_the_prototype():
    from moonlens.vm.bytecode import PROTO_NOJIT
    from moonlens.vm.lib.jit import proto_flags
    vm = new_vm(jit=False)
    run(vm, "function F() return function() end end; jit.off(F, true)")
    f = vm.funcs[vm.rawgets(vm.globals, b"F")]
    child = vm.protos[f.p.kgc[0] & 0xFFFFFFFFFFFF]
    assert proto_flags(vm, f.p) & PROTO_NOJIT and proto_flags(vm, child) & PROTO_NOJIT
    run(vm, "jit.on(F, false)")
    assert proto_flags(vm, f.p) & PROTO_NOJIT and not proto_flags(vm, child) & PROTO_NOJIT


def test_a_handler_runs_on_its_own_thread_without_hooks():
    """The interrupted stack is never touched (so it cannot move under the
    interpreter); debug hooks do not fire inside a handler."""
    vm = new_vm()
    run(vm, """
        local main = coroutine.running()
        INSIDE, HOOKED, SAME, CALLS = false, 0, nil, 0
        jit.attach(function()
          INSIDE, SAME, CALLS = true, coroutine.running() == main, CALLS + 1
          local s = 0
          for i = 1, 10 do s = s + i end
          INSIDE = false
        end, "trace")
        debug.sethook(function() if INSIDE then HOOKED = HOOKED + 1 end end, "", 1)
        local s = 0
        for i = 1, 200 do s = s + i end
        debug.sethook()
        assert(CALLS > 0 and HOOKED == 0 and SAME == false)
    """)
    assert vm.vmevents.thread.in_hook


def test_yield_in_a_handler_is_reported():
    vm = new_vm()
    run(vm, """
        jit.attach(function() coroutine.yield() end, "trace")
        local co = coroutine.wrap(function()
          local s = 0 for i = 1, 200 do s = s + i end return s
        end)
        assert(co() == 20100)
    """)
    assert b"VM handler failed: attempt to yield across C-call boundary" in \
        vm.stderr.getvalue()


def test_guard_exit():
    """A trace that does not loop ends at its last snapshot: that is no exit."""
    from moonlens.jit.events import guard_exit

    class T:
        def __init__(self, n, loops):
            self.snap = [None] * n
            self.loops = lambda: loops
    assert guard_exit(T(3, False), 1) and not guard_exit(T(3, False), 2)
    assert guard_exit(T(3, True), 2) and not guard_exit(None, 0)


def test_the_jit_interns_no_string_of_its_own():
    """Strings' sids hash them into tables, so a string the JIT interned before the
    program's own would change the order pairs() visits keys in with the JIT on.
    LuaJIT makes "_VMEVENTS" only once something is attached; so must MoonLens."""
    from tests.fuzz import jit_diff
    import moonlens.vm.state as state
    interned = {False: [], True: []}
    original = state.VM.str

    def spy(vm, b):
        if b not in vm.str_by_bytes:
            interned[mode].append(b)
        return original(vm, b)
    program = "local h = {x = 1, y = 2, z = 3}\nfor i = 1, 3 do for k in pairs(h) do end end\n"
    for mode in (False, True):
        state.VM.str = spy
        try:
            jit_diff.run(program, b"=order", mode)
        finally:
            state.VM.str = original
    assert interned[True] == interned[False]
    assert b"_VMEVENTS" not in interned[True]
