"""The `moonlens` command.

  moonlens run [options] [script [args]]   behaves like `luajit`
  moonlens lsp [--tcp HOST:PORT] [--debugpy PORT]
  moonlens dap [--tcp HOST:PORT] [--debugpy PORT]

`run` reads its command line the way luajit.c does (collectargs/runargs): options
are handled in order, `-b` hands the rest to the bytecode tool, `--` and `-`
end the options, and the script's own arguments go to the `arg` table.
"""

import os
import signal
import sys

from . import __version__, bcsave
from .engine import Engine, NotAvailable

PROGNAME = "moonlens"

RUN_USAGE = """\
usage: moonlens run [options]... [script [args]...].
Available options are:
  -e chunk  Execute string 'chunk'.
  -l name   Require library 'name'.
  -b ...    Save or list bytecode.
  -j cmd    Perform LuaJIT control command.
  -O[opt]   Control LuaJIT optimizations.
  -i        Enter interactive mode after executing 'script'.
  -v        Show version information.
  -E        Ignore environment variables.
  --        Stop handling options.
  -         Execute stdin and stop handling options.
"""

BC_USAGE = """\
Save LuaJIT bytecode: moonlens run -b[options] input output
  -l        Only list bytecode.
  -s        Strip debug info (default).
  -g        Keep debug info.
  -n name   Set module name (default: auto-detect from input name).
  -t type   Set output file type (default: auto-detect from output name).
  -a arch   Override architecture for object files (default: native).
  -o os     Override OS for object files (default: native).
  -e chunk  Use chunk string as input.
  --        Stop handling options.
  -         Use stdin as input and/or stdout as output.

File types: c h obj o raw (default)
"""

MAIN_USAGE = """\
usage: moonlens <command> [arguments]
Commands:
  run [options] [script [args]]   Run Lua like luajit (see `moonlens run -h`).
  lsp [--tcp HOST:PORT]           Start the language server (stdio by default).
  dap [--tcp HOST:PORT]           Start the debug adapter (stdio by default).
Common options of the servers:
  --debugpy PORT                  Let a Python debugger attach on PORT.
"""

VERSION = "MoonLens %s -- LuaJIT 2.1 work-alike in Python." % __version__

FLAGS_INTERACTIVE, FLAGS_VERSION, FLAGS_EXEC, FLAGS_OPTION, FLAGS_NOENV = 1, 2, 4, 8, 16


def message(msg: str):
    """l_message: "moonlens: msg" on stderr."""
    sys.stderr.write("%s: %s\n" % (PROGNAME, msg))
    sys.stderr.flush()


def main(argv=None) -> int:
    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)   # die quietly on a closed pipe, as C does
    argv = sys.argv[1:] if argv is None else list(argv)
    if not argv or argv[0] in ("-h", "--help", "help"):
        sys.stdout.write(MAIN_USAGE)
        return 0 if argv else 1
    cmd, rest = argv[0], argv[1:]
    try:
        if cmd == "run":
            return run_main(rest)
        if cmd in ("lsp", "dap"):
            return server_main(cmd, rest)
    except KeyboardInterrupt:
        message("interrupted!")
        return 1
    except Exception as e:  # the last line of defence: never a traceback for users
        if os.environ.get("MOONLENS_DEBUG"):
            raise
        message("internal error: %s: %s (set MOONLENS_DEBUG=1 for a traceback)"
                % (type(e).__name__, e))
        return 70
    sys.stderr.write("moonlens: unknown command '%s'\n%s" % (cmd, MAIN_USAGE))
    return 1


# -- moonlens run ---------------------------------------------------------------

def collectargs(args):
    """luajit.c's collectargs. Returns (index of the script or len(args), flags), or (-1, flags)."""
    flags = 0
    i = 0
    while i < len(args):
        a = args[i]
        if not a.startswith("-"):
            return i, flags
        opt = a[1:2]
        if opt == "-":
            return (i + 1, flags) if len(a) == 2 else (-1, flags)
        if opt == "":
            return i, flags
        if opt in ("i", "v"):
            if len(a) != 2:
                return -1, flags
            flags |= FLAGS_VERSION | (FLAGS_INTERACTIVE if opt == "i" else 0)
        elif opt in ("e", "j", "l"):
            flags |= FLAGS_OPTION | (FLAGS_EXEC if opt == "e" else 0)
            if len(a) == 2:
                i += 1
                if i >= len(args):
                    return -1, flags
        elif opt == "O":
            pass
        elif opt == "b":
            if flags:
                return -1, flags
            return i + 1, flags | FLAGS_EXEC
        elif opt == "E":
            flags |= FLAGS_NOENV
        else:
            return -1, flags
        i += 1
    return i, flags


def run_main(args) -> int:
    argn, flags = collectargs(args)
    if argn < 0:
        sys.stderr.write(RUN_USAGE)
        return 1
    engine = Engine(script_args=args, script_index=argn if argn < len(args) else len(args),
                    noenv=bool(flags & FLAGS_NOENV))
    try:
        if not engine.run_luainit():
            return 1
        if flags & FLAGS_VERSION:
            sys.stdout.write(VERSION + "\n")
        status = runargs(engine, args, argn)
        if status is not None:
            return status
        if argn < len(args):
            script = args[argn]
            if script == "-" and (argn == 0 or args[argn - 1] != "--"):
                script = None
            engine.run_script(script)
        elif flags & FLAGS_INTERACTIVE or not flags & (FLAGS_EXEC | FLAGS_VERSION):
            engine.run_interactive_or_stdin(flags & FLAGS_INTERACTIVE)
    except NotAvailable as e:
        message(str(e))
        return 1
    engine.close()          # not reached through os.exit, which leaves without lua_close
    return engine.exit_status


def _option_value(args, i):
    """The value of -e/-l/-j: attached ("-eX") or the next argument."""
    a = args[i]
    if len(a) > 2:
        return a[2:], i
    return args[i + 1], i + 1


def runargs(engine, args, argn):
    """Run the options in order. Returns an exit status to stop with, or None."""
    i = 0
    while i < argn:
        a = args[i]
        opt = a[1:2]
        if opt == "e":
            chunk, i = _option_value(args, i)
            if not engine.run_string(chunk, "=(command line)"):
                return 1
        elif opt == "l":
            name, i = _option_value(args, i)
            if not engine.require(name):
                return 1
        elif opt == "j":
            cmd, i = _option_value(args, i)
            if not engine.jit_command(cmd):
                return 1
        elif opt == "O":
            if not engine.jit_opt(a[2:]):
                return 1
        elif opt == "b":
            bc_args = ([("-" + a[2:])] if len(a) > 2 else []) + args[i + 1:]
            return bytecode_main(engine, bc_args)
        i += 1
    return None


def bytecode_main(engine, args) -> int:
    """jit/bcsave.lua's docmd: -l lists, otherwise saves (moonlens/bcsave.py)."""
    try:
        cmd = bcsave.parse(args)
        if cmd.listing:
            if not 1 <= len(cmd.inputs) <= 2:
                raise bcsave.Usage()
            output = cmd.inputs[1] if len(cmd.inputs) == 2 else "-"
            return 0 if engine.list_bytecode(cmd.inputs[0], output) else 1
        if len(cmd.inputs) != 2:
            raise bcsave.Usage()
        return 0 if bcsave.save(engine, cmd) else 1
    except bcsave.Usage:
        sys.stderr.write(BC_USAGE)
        return 1
    except bcsave.Failed as e:
        message(str(e))
        return 1


# -- moonlens lsp / dap ----------------------------------------------------------

def server_main(kind, args) -> int:
    tcp = None
    i = 0
    while i < len(args):
        a = args[i]
        if a in ("--tcp", "--debugpy") and i + 1 < len(args):
            if a == "--tcp":
                tcp = args[i + 1]
            else:
                start_debugpy(args[i + 1])
            i += 2
        elif a == "--stdio":
            i += 1
        else:
            sys.stderr.write("moonlens %s: unknown argument '%s'\n%s" % (kind, a, MAIN_USAGE))
            return 1
    if kind == "lsp":
        from .server.lsp import serve   # imported here: `run` must not pay for pygls
        return serve(tcp)
    del tcp
    what = "language server" if kind == "lsp" else "debug adapter"
    message("the %s is not available yet" % what)
    return 1


def start_debugpy(port):
    """--debugpy PORT: let maintainers attach a Python debugger to the server."""
    import debugpy
    debugpy.listen(("127.0.0.1", int(port)))
