"""Running the JIT analysis worker (server/jit_worker.py) from the language server.

The worker is a subprocess: the server never runs user code itself, and a worker
that crashes, hangs or is killed takes nothing else down. Everything here is
asyncio on the server's event loop, so the server keeps answering while a worker
runs. The wall-time budget is enforced here: the worker stops itself a little
before the deadline to report what it found (jit_worker.TIME_MARGIN), and is
killed if it has not ended GRACE seconds after it.
"""

import asyncio
import json
import os
import sys

from .jit_insight import RunResult

GRACE = 1.0
LINE_LIMIT = 16 << 20           # a stop message carries a trace's bytecode and IR text
STDERR_TAIL = 8192
WORKER = [sys.executable, "-P", "-m", "moonlens.server.jit_worker"]


def make_job(path, text, jit_settings):
    """The worker's job from the run settings (server/config.py JitRunSettings)."""
    return {"path": path, "text": text, "timeout": jit_settings.timeout,
            "max_instructions": jit_settings.max_instructions,
            "max_memory": jit_settings.max_memory_mb << 20,
            "allow_writes": jit_settings.allow_writes}


class WorkerRun:
    """One worker process feeding one RunResult."""

    def __init__(self, job, result: RunResult, cwd=None, on_message=None):
        self.job = job
        self.result = result
        self.cwd = cwd
        self.on_message = on_message        # called with each message (progress)
        self.proc = None
        self.cancelled = False
        self.stderr = b""

    async def run(self):
        """Run to the end; returns the RunResult (its status says how it ended)."""
        timeout = float(self.job.get("timeout") or 10.0) + GRACE
        try:
            self.proc = await asyncio.create_subprocess_exec(
                *WORKER, stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.PIPE,
                stderr=asyncio.subprocess.PIPE, cwd=self.cwd, limit=LINE_LIMIT)
        except OSError as e:
            self.result.ending = ("crashed", "cannot start the worker: %s" % e)
            return self.result
        tail = asyncio.ensure_future(self._read_stderr())
        try:
            await self._send_job()
            await asyncio.wait_for(self._read_messages(), timeout)
        except asyncio.TimeoutError:
            self.kill()
            self._end("budget", "time: killed after %g s" % timeout)
        except asyncio.CancelledError:      # the server is going away
            self.cancel()
            raise
        finally:
            self.kill_if_cancelled()
            await self._reap(tail)
        self._end_without_done()
        return self.result

    async def _send_job(self):
        try:
            self.proc.stdin.write(json.dumps(self.job).encode())
            await self.proc.stdin.drain()
            self.proc.stdin.close()
        except (BrokenPipeError, ConnectionResetError):
            pass                            # it died at once: reported by its status

    async def _read_messages(self):
        while True:
            try:
                line = await self.proc.stdout.readline()
            except ValueError:              # a line over LINE_LIMIT: not our protocol
                self.kill()
                self._end("crashed", "the worker sent a message over %d bytes" % LINE_LIMIT)
                return
            if not line:
                return
            try:
                msg = json.loads(line)
            except ValueError:
                continue
            if isinstance(msg, dict):
                self.result.add(msg)
                if self.on_message is not None:
                    self.on_message(msg)

    async def _read_stderr(self):
        """Keep the end of the worker's stderr (the script's output, tracebacks)."""
        while True:
            chunk = await self.proc.stderr.read(4096)
            if not chunk:
                return
            self.stderr = (self.stderr + chunk)[-STDERR_TAIL:]

    async def _reap(self, tail):
        try:
            await asyncio.wait_for(self.proc.wait(), GRACE)
        except asyncio.TimeoutError:
            self.kill()
            await self.proc.wait()
        try:
            await asyncio.wait_for(tail, GRACE)
        except asyncio.TimeoutError:
            tail.cancel()

    def _end(self, status, message):
        if self.result.ending is None:
            self.result.ending = (status, message)

    def _end_without_done(self):
        if self.cancelled:
            self._end("cancelled", None)
        elif self.result.done is None:
            self._end("crashed", "the worker exited with status %s%s"
                      % (self.proc.returncode, last_line(self.stderr)))

    def cancel(self):
        self.cancelled = True
        self.kill()

    def kill_if_cancelled(self):
        if self.cancelled:
            self.kill()

    def kill(self):
        if self.proc is not None and self.proc.returncode is None:
            try:
                self.proc.kill()
            except ProcessLookupError:
                pass


def last_line(data):
    lines = data.decode("utf-8", "replace").strip().splitlines()
    return ": " + lines[-1] if lines else ""


def target_of(path, entry, root):
    """The script a run executes: the configured entry (relative to the workspace
    root) or the file itself."""
    if entry:
        return os.path.normpath(os.path.join(root or os.path.dirname(path), entry))
    return path
