"""The JIT analysis worker: runs one Lua script with the trace compiler on, under a
budget and with a sandboxed standard library, and streams what the trace compiler
decided as JSON lines. The language server never runs user code in its own process:
it starts this module as `python -m moonlens.server.jit_worker` (server/jit_run.py).

The job is one JSON object on stdin:

    {"path": "/abs/script.lua",   the script (its chunk name is "@" + path)
     "text": "...",               optional: run this text instead of the file's
     "args": [],                  the script's arguments (arg[1], ...)
     "timeout": 10.0,             seconds of wall time
     "max_instructions": 0,       bytecode instructions, interpreted or stood for by
                                  passes through compiled traces (0: no cap)
     "max_memory": 0,             bytes of Lua heap (the arena limit; 0: default)
     "allow_writes": false}       io.open for writing, os.remove, os.rename, ...

Messages go to the original standard output, one JSON object per line; fd 1 is
re-pointed at stderr first, so nothing the script prints can corrupt them:

    {"kind": "start", "trace", "chunk", "line", "parent", "exitno"}
    {"kind": "stop", "trace", "chunk", "line", "parent", "exitno", "root", "link",
     "linktype", "stitch", "end_line", "ir", "snapshots", "bytecode", "irtext"}
    {"kind": "abort", "trace", "chunk", "line", "start_chunk", "start_line", "parent",
     "exitno", "error", "text", "bytecode", "blacklisted", "aborts"}
    {"kind": "flush"}
    {"kind": "exits", "counts": [[trace, exitno, chunk, line, count], ...]}
    {"kind": "done", "status": "ok" | "error" | "exit" | "budget", "message",
     "jv", "instructions", "seconds"}

"exits" is cumulative and sent at most every EXIT_INTERVAL seconds (and before
"done"), so a worker killed by the server still leaves most of its counts behind.
"""

import io
import json
import os
import signal
import sys
import threading
import time

EXIT_INTERVAL = 0.5
TIME_MARGIN = 0.3           # stop this long before the server's deadline, to report
HOOK_STRIDE = 4096          # instructions between clock checks in the hook
MAX_TEXT = 256 * 1024       # bytecode or IR text kept per trace
MAX_EXIT_KEYS = 5000


class BudgetExceeded(BaseException):
    """The run used up its budget. A BaseException, so no `except Exception` in the
    VM or the trace compiler can swallow it."""

    def __init__(self, reason):
        super().__init__(reason)
        self.reason = reason


# -- The channel -------------------------------------------------------------------------

class Channel:
    """JSON lines on a private copy of the original stdout."""

    def __init__(self, fd):
        self.out = os.fdopen(fd, "w", encoding="utf-8", errors="replace")
        self.lock = threading.Lock()

    def send(self, **msg):
        line = json.dumps(msg, separators=(",", ":")) + "\n"
        with self.lock:
            self.out.write(line)
            self.out.flush()


def take_stdout():
    """Keep fd 1 for the protocol and point it (and so sys.stdout) at stderr."""
    sys.stdout.flush()
    fd = os.dup(1)
    os.dup2(2, 1)
    return Channel(fd)


# -- The budget ----------------------------------------------------------------------------

def make_budget_hook(max_instructions, deadline):
    """A debug hook counting interpreted instructions; it also checks the clock, so a
    run stops in time even where SIGALRM cannot interrupt it (a long builtin call)."""
    from moonlens.vm.hooks import Hook

    class BudgetHook(Hook):
        count = 0

        def instr(self, vm, th, fn, pc, op):
            self.count += 1
            if max_instructions and self.count > max_instructions:
                raise BudgetExceeded("instructions")
            if not self.count % HOOK_STRIDE and time.monotonic() > deadline:
                raise BudgetExceeded("time")

        def charge(self, n):
            """A pass through a compiled trace: the n bytecodes it was recorded from
            (Jit.budget; the hook is not called inside traces)."""
            before = self.count
            self.count += n
            if max_instructions and self.count > max_instructions:
                raise BudgetExceeded("instructions")
            if before // HOOK_STRIDE != self.count // HOOK_STRIDE \
                    and time.monotonic() > deadline:
                raise BudgetExceeded("time")

    return BudgetHook()


def arm_alarm(seconds):
    """SIGALRM interrupts a run wherever Python code is running, including a trace
    looping in the reference executor, where no hook is called."""
    def on_alarm(signum, frame):
        raise BudgetExceeded("time")
    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, max(seconds, 0.05))


def disarm_alarm():
    signal.setitimer(signal.ITIMER_REAL, 0)
    signal.signal(signal.SIGALRM, signal.SIG_IGN)


def watch_parent():
    """Exit when the server goes away (we are re-parented), whatever the script does."""
    parent = os.getppid()

    def watch():
        while os.getppid() == parent:
            time.sleep(0.5)
        os._exit(3)
    threading.Thread(target=watch, daemon=True).start()


# -- The sandbox ---------------------------------------------------------------------------

def sandbox(vm, allow_writes):
    """Replace the library functions that spawn processes (always) or write, rename
    or delete files (unless allowed) by builtins raising "sandboxed: ...". Each
    replacement keeps the original's fast-function id and environment, so the trace
    compiler treats a call to it exactly as a call to the original."""
    from moonlens.vm.lib import io as iolib
    from moonlens.vm.lib.aux import RuntimeErr, arg, opt_str
    from moonlens.vm.layout import NIL, TAG_BITS, TAG_STR

    def refuse(what, why):
        def f(vm, base, nargs):
            raise RuntimeErr("sandboxed: %s is not allowed in a JIT analysis run (%s)"
                             % (what, why))
        return f

    spawn = "no process spawning"
    writes = "no file writes; set moonlens.jit.allowWrites to allow them"
    replace(vm, "os", "execute", refuse("os.execute", spawn))
    replace(vm, "io", "popen", refuse("io.popen", spawn))
    replace(vm, "debug", "sethook", refuse("debug.sethook", "the run's budget uses the hook"))
    if allow_writes:
        return

    def open_(vm, base, nargs):
        mode = opt_str(vm, base, nargs, 2, b"r")
        if any(c in mode for c in b"wa+"):
            raise RuntimeErr("sandboxed: io.open with mode '%s' is not allowed in a JIT "
                             "analysis run (%s)" % (mode.decode("latin-1"), writes))
        return iolib.io_open(vm, base, nargs)

    def output(vm, base, nargs):
        v = arg(vm, base, nargs, 1)
        if v != NIL and v >> TAG_BITS == TAG_STR:
            raise RuntimeErr("sandboxed: io.output(filename) is not allowed in a JIT "
                             "analysis run (%s)" % writes)
        return iolib.io_output(vm, base, nargs)

    replace(vm, "io", "open", open_)
    replace(vm, "io", "output", output)
    for lib, name in (("io", "tmpfile"), ("os", "remove"), ("os", "rename"),
                      ("os", "tmpname")):
        replace(vm, lib, name, refuse("%s.%s" % (lib, name), writes))


def replace(vm, libname, name, f):
    from moonlens.vm.layout import NIL
    from moonlens.vm.lib.aux import builtin
    lib = vm.rawgets(vm.globals, libname.encode())
    if lib == NIL:
        return
    old = vm.rawgets(lib, name.encode())
    new = builtin(vm, name, f, libname)
    if old != NIL and old in vm.funcs:
        vm.Q[vm.tq(new) + 2] = vm.Q[vm.tq(old) + 2]     # its environment (io: FILE*)
    vm.rawsets(lib, name.encode(), new)


# -- Watching the trace compiler --------------------------------------------------------------

def chunk_of(fn):
    """The script path of a Lua function ("@path" chunk names), else None."""
    p = getattr(fn, "p", None)
    if p is None:
        return None
    name = p.proto.chunkname
    if isinstance(name, bytes):
        name = name.decode("utf-8", "surrogateescape")
    return name[1:] if name.startswith("@") else None


def proto_line(pt, pc):
    lines = pt.proto.lineinfo
    return lines[pc] if 0 <= pc < len(lines) else pt.proto.firstline


class TraceText:
    """Where the -jdump printer writes: one buffer per trace being recorded."""

    def __init__(self):
        self.current = None

    def write(self, s):
        if self.current is not None and sum(map(len, self.current)) < 2 * MAX_TEXT:
            self.current.append(s)

    def flush(self):
        pass


class Watcher:
    """Turns the JIT's events into protocol messages."""

    def __init__(self, jit, channel):
        from moonlens.jit.dump import Dump
        from moonlens.jit.verbose import Verbose
        self.jit = jit
        self.channel = channel
        self.starts = {}            # trace number -> its start message
        self.aborts = {}            # (chunk, start line, parent) -> count
        self.exits = {}             # (trace, exitno) -> [chunk, line, count]
        self.last_exits = time.monotonic()
        self.text = TraceText()
        self.jv = io.StringIO()
        jit.events.attach(self.before, first=True)
        Dump(jit, self.text, "tbis")
        Verbose(jit, self.jv)
        jit.events.attach(self.after)

    def before(self, ev):
        if ev.kind == "start":
            self.text.current = []

    def after(self, ev):
        handler = getattr(self, "on_" + ev.kind, None)
        if handler is not None:
            handler(ev)
        if time.monotonic() - self.last_exits > EXIT_INTERVAL:
            self.send_exits()

    def on_start(self, ev):
        msg = {"kind": "start", "trace": ev.traceno, "chunk": chunk_of(ev.fn),
               "line": ev.line(), "parent": ev.info.get("parent"),
               "exitno": ev.info.get("exitno")}
        self.starts[ev.traceno] = msg
        self.channel.send(**msg)

    def on_stop(self, ev):
        from moonlens.jit.ir import REF_FIRST
        from moonlens.jit.verbose import funcloc
        T = self.jit.traces[ev.traceno]
        start = self.starts.get(ev.traceno, {})
        bytecode, irtext = split_dump(self.text.current or [], ev.traceno)
        self.text.current = None
        last = T.snap[-1] if T.snap else None
        self.channel.send(
            kind="stop", trace=ev.traceno, chunk=start.get("chunk"), line=start.get("line"),
            parent=start.get("parent"), exitno=start.get("exitno"), root=T.root,
            link=T.link, linktype=T.linktype,
            stitch=funcloc(ev.fn, ev.pc) if T.linktype == "stitch" else None,
            end_line=proto_line(last.pt, last.pc) if last and last.pt else None,
            ir=T.ir.nins - REF_FIRST if T.ir is not None else 0, snapshots=len(T.snap),
            bytecode=bytecode, irtext=irtext)

    def on_abort(self, ev):
        from moonlens.jit.traceerr import TRACEERRDEF
        from moonlens.jit.verbose import format_error
        start = self.starts.get(ev.traceno, {})
        err = ev.info["error"]
        key = (start.get("chunk"), start.get("line"), start.get("parent"))
        self.aborts[key] = self.aborts.get(key, 0) + 1
        self.text.current = None
        self.channel.send(
            kind="abort", trace=ev.traceno, chunk=chunk_of(ev.fn), line=ev.line(),
            start_chunk=start.get("chunk"), start_line=start.get("line"),
            parent=start.get("parent"), exitno=start.get("exitno"),
            error=TRACEERRDEF[err][0], text=format_error(err, ev.info.get("info")),
            bytecode=nyi_bytecode(TRACEERRDEF[err][0], ev.info.get("info")),
            blacklisted=self.blacklisted(), aborts=self.aborts[key])

    def blacklisted(self):
        """Did this abort blacklist the start bytecode? (blacklist_pc patches it to its
        I-variant; an ITERN becomes ITERC.) The trace is still J.trace here."""
        from moonlens.vm import bytecode as bc
        T = self.jit.trace
        if T is None or T.startpt is None or T.parent:
            return False
        now = T.startpt.proto.code[T.startpc] & 0xFF
        was = T.startins & 0xFF
        if was == bc.BC_ITERN:
            return now == bc.BC_ITERC
        return now in (bc.BC_IFORL, bc.BC_IITERL, bc.BC_ILOOP, bc.BC_IFUNCF)

    def on_flush(self, ev):
        self.channel.send(kind="flush")

    def on_exit(self, ev):
        from moonlens.jit.events import guard_exit
        exitno = ev.info["exitno"]
        if not guard_exit(self.jit.traces.get(ev.traceno), exitno):
            return
        entry = self.exits.get((ev.traceno, exitno))
        if entry is None:
            if len(self.exits) >= MAX_EXIT_KEYS:
                return
            entry = self.exits[(ev.traceno, exitno)] = [chunk_of(ev.fn), ev.line(), 0]
        entry[2] += 1

    def send_exits(self):
        self.last_exits = time.monotonic()
        if self.exits:
            self.channel.send(kind="exits", counts=[
                [tr, ex, chunk, line, n] for (tr, ex), (chunk, line, n) in self.exits.items()])


def split_dump(parts, traceno):
    """-jdump text of one trace -> (recorded bytecode, IR with snapshots)."""
    text = "".join(parts)
    mark = "---- TRACE %d IR\n" % traceno
    head, sep, tail = text.partition(mark)
    return head[:MAX_TEXT], (sep + tail)[:MAX_TEXT]


def nyi_bytecode(error, info):
    """The bytecode's name of an "NYI: bytecode N" abort."""
    if error != "NYIBC" or not isinstance(info, int):
        return None
    from moonlens.vm.bytecode import NAMES
    return NAMES[info] if 0 <= info < len(NAMES) else None


# -- Running ------------------------------------------------------------------------------

def make_engine(job, errors):
    from moonlens.engine import Engine

    class WorkerEngine(Engine):
        def report(self, msg):
            errors.append(msg)

    path = job["path"]
    return WorkerEngine(script_args=[path] + list(job.get("args") or []), script_index=0,
                        memory_limit=int(job.get("max_memory") or 0) or None)


def run(job, channel):
    from moonlens.vm.arena import ArenaFull
    started = time.monotonic()
    timeout = float(job.get("timeout") or 10.0)
    deadline = started + max(timeout - TIME_MARGIN, 0.05)
    errors = []
    engine = make_engine(job, errors)
    sandbox(engine.vm, bool(job.get("allow_writes")))
    watcher = Watcher(engine.jit(), channel)
    hook = make_budget_hook(int(job.get("max_instructions") or 0), deadline)
    engine.vm.set_hook(hook)
    engine.jit().budget = hook.charge
    status, message = "ok", None
    arm_alarm(deadline - time.monotonic())
    try:
        if job.get("text") is not None:
            engine.run_string(job["text"], "@" + job["path"])
        else:
            engine.run_script(job["path"])
        if errors:
            status, message = "error", errors[-1]
        if message == "not enough memory":
            status, message = "budget", "memory"
    except BudgetExceeded as e:
        status, message = "budget", e.reason
    except ArenaFull:       # out of memory where the engine does not expect it
        status, message = "budget", "memory"
    except SystemExit as e:
        status, message = "exit", "the script called os.exit(%s)" % (e.code,)
    finally:
        disarm_alarm()
    watcher.send_exits()
    channel.send(kind="done", status=status, message=message, jv=watcher.jv.getvalue(),
                 instructions=hook.count, seconds=round(time.monotonic() - started, 3))


def main():
    job = json.loads(sys.stdin.read())
    channel = take_stdout()
    watch_parent()
    try:
        run(job, channel)
    except BudgetExceeded as e:         # the alarm went off outside the script's run
        channel.send(kind="done", status="budget", message=e.reason, jv="",
                     instructions=0, seconds=0)
    sys.stdout.flush()
    os._exit(0)                         # skip lua_close and atexit flushing: we are done


if __name__ == "__main__":
    main()
