"""The engine facade: the one door through which the CLI and the servers use vm and jit.

What exists today is the front end (lexer, parser, scopes, compiler, listings);
running code arrives with the runtime. Operations that need a missing part raise
NotAvailable with a sentence a user can act on.
"""

import os
import sys

from moonlens.vm.bclist import listing
from moonlens.vm.loader import LuaSyntaxError, load, read_source_file


class NotAvailable(Exception):
    """A feature whose engine does not exist yet."""


class Engine:
    def __init__(self, script_args=(), script_index=0):
        self.script_args = list(script_args)
        self.script_index = script_index
        self.exit_status = 0

    # -- Loading ---------------------------------------------------------------------

    def report(self, msg: str):
        sys.stderr.write("moonlens: %s\n" % msg)
        sys.stderr.flush()

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
        try:
            return load(source, chunkname)
        except LuaSyntaxError as e:
            self.report(e.message)
            return None

    # -- Running -------------------------------------------------------------------------

    def run_string(self, chunk, chunkname) -> bool:
        if self.load_string(chunk.encode("utf-8", "surrogateescape"), chunkname) is None:
            return False
        raise NotAvailable("running Lua code is not available yet (the interpreter "
                           "arrives with the runtime); `moonlens run -bl file.lua` lists bytecode")

    def run_script(self, path):
        if self.load_file(path) is None:
            self.exit_status = 1
            return
        raise NotAvailable("running Lua code is not available yet (the interpreter "
                           "arrives with the runtime); `moonlens run -bl %s` lists its bytecode"
                           % (path or "-"))

    def run_interactive_or_stdin(self, interactive):
        raise NotAvailable("the interactive prompt is not available yet")

    def require(self, name) -> bool:
        raise NotAvailable("-l %s: loading libraries is not available yet" % name)

    # -- The JIT ----------------------------------------------------------------------------

    def jit_command(self, cmd) -> bool:
        name = cmd.split("=", 1)[0]
        if name in ("on", "off", "flush"):
            return True  # there is no trace compiler yet: nothing to switch or flush
        raise NotAvailable("-j%s is not available yet (the trace compiler arrives with "
                           "the JIT)" % name)

    def jit_opt(self, opt) -> bool:
        raise NotAvailable("-O%s is not available yet (the trace compiler arrives with "
                           "the JIT)" % opt)

    # -- Bytecode -----------------------------------------------------------------------------

    def list_bytecode(self, source, output) -> bool:
        """`-bl input [output]`: input is a path, "-" (stdin) or ("chunk", text)."""
        if isinstance(source, tuple):
            pt = self.load_string(source[1].encode("utf-8", "surrogateescape"), source[1])
        else:
            pt = self.load_file(None if source == "-" else source)
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
