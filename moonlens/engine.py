"""The engine facade: the one door through which the CLI and the servers use vm and jit.

It owns a VM (created on first use), loads and runs chunks the way luajit.c
does (docall with a traceback handler, report, the `arg` table), and lists
bytecode. Parts whose engine does not exist yet raise NotAvailable with a
sentence a user can act on.
"""

import os
import sys

from moonlens.vm import bcdump, debuginfo
from moonlens.vm.bclist import listing
from moonlens.vm.errors import LuaError
from moonlens.vm.layout import FALSE, NIL, NUM_LIMIT, TAG_BITS, TAG_STR, TRUE
from moonlens.vm.loader import LuaSyntaxError, load, read_source_file


class NotAvailable(Exception):
    """A feature whose engine does not exist yet."""


class Engine:
    def __init__(self, script_args=(), script_index=0, progname="moonlens", memory_limit=None,
                 noenv=False):
        self.script_args = list(script_args)
        self.noenv = noenv                  # -E: ignore LUA_PATH, LUA_CPATH and LUA_INIT
        self.script_index = script_index
        self.progname = progname
        self.memory_limit = memory_limit    # bytes of Lua heap (None: the arena's default)
        self.exit_status = 0
        self._vm = None

    # -- The VM ------------------------------------------------------------------------

    @property
    def vm(self):
        if self._vm is None:
            from moonlens.vm.runtime import new_state
            self._vm = new_state(memory_limit=self.memory_limit or None, noenv=self.noenv)
            self._vm.jit_factory = _make_jit
            self._make_arg_table()
        return self._vm

    def _make_arg_table(self):
        """luajit.c createargtable: arg[0] the script, arg[1..] its arguments,
        negative indices the interpreter and its options."""
        vm = self._vm
        args = self.script_args
        n = self.script_index
        t = vm.new_table(len(args), 1)
        vm.rawset(t, vm.num(-(n + 1.0)), vm.str(self.progname.encode()))
        for i, a in enumerate(args):
            vm.rawset(t, vm.num(float(i - n)), vm.str(a.encode("utf-8", "surrogateescape")))
        vm.rawsets(vm.globals, b"arg", t)

    def report(self, msg: str):
        sys.stdout.flush()
        if self.progname:
            sys.stderr.write("%s: %s\n" % (self.progname, msg))
        else:
            sys.stderr.write("%s\n" % msg)
        sys.stderr.flush()

    def _message(self, value) -> str:
        vm = self.vm
        if value >> TAG_BITS == TAG_STR:
            return vm.sbytes(value).decode("utf-8", "surrogateescape")
        if value < NUM_LIMIT:
            from moonlens.vm.meta import tostring_basic
            return tostring_basic(vm, value).decode()
        return "(error object is not a string)"

    def _traceback_handler(self, value):
        """luajit.c's traceback(): the message plus a stack traceback. With the heap
        full there is no room for one: the message goes on as it is (LuaJIT does not
        run error handlers for memory errors)."""
        from moonlens.vm.arena import ArenaFull
        try:
            return self._traceback(value)
        except ArenaFull:
            return value

    def _traceback(self, value):
        vm = self.vm
        if value >> TAG_BITS != TAG_STR and not value < NUM_LIMIT:
            from moonlens.vm import meta
            from moonlens.vm.layout import MM_tostring
            mo = meta.mm_lookup(vm, value, MM_tostring) if value != NIL else NIL
            if mo == NIL:
                return value
            res = vm.call(mo, [value])
            # lua_isstring: a string or a number will do
            if not res or (res[0] >> TAG_BITS != TAG_STR and not res[0] < NUM_LIMIT):
                return value
            value = res[0]
        msg = self._message(value)
        # offset 1: this handler stands where luajit.c's traceback() C function is
        return vm.str(debuginfo.traceback(vm, vm.current, msg, 0, offset=1).encode(
            "utf-8", "surrogateescape"))

    def docall(self, func, args) -> bool:
        vm = self.vm
        try:
            vm.call(func, args, handler=self._traceback_handler)
        except LuaError as e:
            if e.value != NIL:          # luajit.c reports nothing for a nil error
                self.report(self._message(e.value))
            return False
        finally:
            vm.stdout.flush()
        return True

    def close(self):
        """lua_close at the end of a run: pending finalisers run (their errors are
        reported), output is flushed."""
        if self._vm is None:
            return
        vm, self._vm = self._vm, None
        try:
            vm.close_state()
        except LuaError as e:
            self.report(self._message(e.value))
            self.exit_status = 1

    # -- Loading -----------------------------------------------------------------------

    def load_file(self, path):
        """luaL_loadfile: a Proto, or None after reporting the error. path None = stdin."""
        try:
            if path is None:
                source, chunkname = sys.stdin.buffer.read(), "=stdin"
            else:
                source, chunkname = read_source_file(path)
        except OSError as e:
            self.report("cannot open %s: %s" % (path, e.strerror or e))
            return None
        return self.load_string(source, chunkname)

    def load_string(self, source, chunkname):
        """A main Proto from source text or, starting with ESC, a bytecode dump."""
        try:
            if source[:1] == b"\x1b":
                return bcdump.undump(source, chunkname.encode("utf-8", "surrogateescape"))
            return load(source, chunkname)
        except LuaSyntaxError as e:
            self.report(e.message)
        except bcdump.BCError as e:
            self.report(str(e))
        return None

    def _function(self, proto):
        vm = self.vm
        return bcdump.new_function(vm, proto, vm.globals)

    # -- Running -------------------------------------------------------------------------

    def run_string(self, chunk, chunkname) -> bool:
        proto = self.load_string(chunk.encode("utf-8", "surrogateescape"), chunkname)
        if proto is None:
            return False
        return self.docall(self._function(proto), [])

    def run_luainit(self) -> bool:
        """luajit.c handle_luainit: $LUA_INIT runs before the options, "@file" as a
        file, anything else as a chunk named "=LUA_INIT". Nothing with -E."""
        init = None if self.noenv else os.environb.get(b"LUA_INIT")
        if init is None:
            return True
        if init.startswith(b"@"):
            proto = self.load_file(os.fsdecode(init[1:]))
        else:
            proto = self.load_string(init, "=LUA_INIT")
        return proto is not None and self.docall(self._function(proto), [])

    def run_script(self, path):
        proto = self.load_file(path)
        if proto is None:
            self.exit_status = 1
            return
        vm = self.vm
        args = [vm.str(a.encode("utf-8", "surrogateescape"))
                for a in self.script_args[self.script_index + 1:]]
        if not self.docall(self._function(proto), args):
            self.exit_status = 1

    def run_interactive_or_stdin(self, interactive):
        """luajit.c: the prompt on a terminal (or with -i), otherwise stdin as a script."""
        if not interactive and not sys.stdin.isatty():
            self.run_script(None)
            return
        if not interactive:
            from moonlens.cli import VERSION
            sys.stdout.write(VERSION + "\n")
        sys.stdout.write("JIT: OFF\n")
        self.repl()

    def repl(self, stdin=None):
        """luajit.c's dotty: "> " and ">> " prompts, "=expr" prints expr, incomplete
        chunks (errors ending in '<eof>') read another line."""
        vm = self.vm
        stdin = stdin or sys.stdin
        saved, self.progname = self.progname, None
        try:
            while True:
                source = self._read_chunk(stdin)
                if source is None:
                    break
                if isinstance(source, LuaSyntaxError):
                    self.report(source.message)
                    continue
                f = self._function(source)
                try:
                    results = vm.call(f, [], handler=self._traceback_handler)
                except LuaError as e:
                    self.report(self._message(e.value))
                    continue
                finally:
                    vm.stdout.flush()
                if results:
                    pr = vm.rawgets(vm.globals, b"print")
                    try:
                        vm.call(pr, results)
                    except LuaError as e:
                        self.report("error calling 'print' (%s)" % self._message(e.value))
                    vm.stdout.flush()
        finally:
            self.progname = saved
            sys.stdout.write("\n")
            sys.stdout.flush()

    def _prompt(self, first):
        vm = self.vm
        v = vm.rawgets(vm.globals, b"_PROMPT" if first else b"_PROMPT2")
        if v >> TAG_BITS == TAG_STR:
            return vm.sbytes(v).decode("utf-8", "surrogateescape")
        return "> " if first else ">> "

    def _read_chunk(self, stdin):
        """loadline: a compiled Proto, a LuaSyntaxError, or None at the end of input."""
        sys.stdout.write(self._prompt(True))
        sys.stdout.flush()
        line = stdin.readline()
        if not line:
            return None
        text = line.rstrip("\n")
        if text.startswith("="):
            text = "return " + text[1:]
        while True:
            try:
                return load(text.encode("utf-8", "surrogateescape"), "=stdin")
            except LuaSyntaxError as e:
                if not e.message.endswith("'<eof>'"):
                    return e
            sys.stdout.write(self._prompt(False))
            sys.stdout.flush()
            more = stdin.readline()
            if not more:
                return None
            text += "\n" + more.rstrip("\n")

    def require(self, name) -> bool:
        vm = self.vm
        req = vm.rawgets(vm.globals, b"require")
        if req == NIL:
            raise NotAvailable("-l %s: require is not available yet" % name)
        # luajit.c dolibrary: require itself is the called function (one C frame)
        return self.docall(req, [vm.str(name.encode("utf-8", "surrogateescape"))])

    # -- The JIT --------------------------------------------------------------------------

    def jit(self):
        """The trace compiler, attached on first use (-j options, jit.* calls)."""
        vm = self.vm
        if vm.jit is None:
            from moonlens.jit.trace import Jit
            Jit(vm)
        return vm.jit

    def jit_command(self, cmd) -> bool:
        """-jcmd: on, off, flush, v[=file]."""
        name, _, value = cmd.partition("=")
        if name == "on":
            self.jit().on = True
        elif name == "off":
            if self.vm.jit is not None:
                self.vm.jit.on = False
        elif name == "flush":
            if self.vm.jit is not None:
                self.vm.jit.flush_all()
        elif name == "v":
            from moonlens.jit.verbose import Verbose
            out = sys.stdout if value == "-" else open(value, "w") if value else sys.stderr
            Verbose(self.jit(), out)
        elif name == "dump":
            from moonlens.jit.dump import Dump
            opt, _, path = value.partition(",")
            out = sys.stdout if path in ("", "-") else open(path, "w")
            Dump(self.jit(), out, opt)
        elif name in ("bc", "p", "zone"):       # LuaJIT's other jit.* modules
            raise NotAvailable("-j%s is not available yet" % name)
        else:
            # luajit.c dojitcmd: require("jit." .. name) failed
            self.report("unknown luaJIT command or jit.* modules not installed")
            return False
        return True

    def jit_opt(self, opt) -> bool:
        from moonlens.jit.params import OptionError, apply_opt
        jit = self.jit()
        for setting in opt.split(",") if opt else [""]:
            try:
                apply_opt(jit.flags, jit.param, setting)
            except OptionError:
                self.report("unknown or malformed optimization flag '%s'" % setting)
                return False
            if setting.startswith("hotloop="):
                self.vm.set_hotloop(jit.param["hotloop"])
        return True

    # -- Bytecode -------------------------------------------------------------------------

    def dump_main(self, source, strip) -> bytes:
        """string.dump of the main function of input (a path, "-" for stdin, or
        ("chunk", text)); None after reporting a load error."""
        proto = self._load_input(source)
        if proto is None:
            return None
        vm = self.vm
        dump = vm.rawgets(vm.rawgets(vm.globals, b"string"), b"dump")
        return vm.sbytes(vm.call(dump, [self._function(proto), TRUE if strip else FALSE])[0])

    def _load_input(self, source):
        if isinstance(source, tuple):
            return self.load_string(source[1].encode("utf-8", "surrogateescape"), source[1])
        return self.load_file(None if source == "-" else source)

    def list_bytecode(self, source, output) -> bool:
        """`-bl input [output]`: input is a path, "-" (stdin) or ("chunk", text)."""
        pt = self._load_input(source)
        if pt is None:
            return False
        data = listing(pt)
        if output == "-":
            sys.stdout.buffer.write(data)
            sys.stdout.flush()
        else:
            try:
                with open(output, "wb") as f:
                    f.write(data)
            except OSError as e:
                self.report("cannot open %s: %s" % (output, os.strerror(e.errno or 0)))
                return False
        return True


def _make_jit(vm):
    """jit.on() in a script: attach the trace compiler (vm never imports jit)."""
    from moonlens.jit.trace import Jit
    Jit(vm)
