"""The cyclic garbage collector runs when the user pauses, not while they type.

Every edit replaces a document's Analysis: some 10^5 objects for a 10,000-line
file, three quarters of them in reference cycles (a Var and the Name nodes that
refer to it), so only the cyclic collector frees them. Left to its thresholds it
runs at random moments -- often inside the completion request that follows a
keystroke -- and a full collection over the analyses of the last few edits costs
up to 200 ms there. The server therefore switches automatic collection off and
collects here: once the documents have been quiet for IDLE_SECONDS, and at the
latest after EVERY_CHANGES changes (the young generations; every FULL_EVERY-th
time all of them), so memory stays bounded while someone types without pause.
"""

import asyncio
import gc
import logging
import time

log = logging.getLogger("moonlens.server")

IDLE_SECONDS = 1.0
EVERY_CHANGES = 25
FULL_EVERY = 8


class IdleCollector:
    def __init__(self, idle_seconds=IDLE_SECONDS, every=EVERY_CHANGES):
        self.idle_seconds = idle_seconds
        self.every = every
        self.changes = 0
        self.collections = 0
        self.forced = 0
        self.timer = None

    def start(self):
        """Take over from the automatic collector (call once, at server start)."""
        gc.disable()

    def changed(self):
        """A document was opened or changed: collect soon, when things are quiet."""
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if self.count():
            return
        try:
            loop = asyncio.get_running_loop()
        except RuntimeError:
            return
        self.timer = loop.call_later(self.idle_seconds, self.collect)

    def count(self):
        """One more analysis made and dropped (any thread): collect at EVERY_CHANGES,
        the young generations only (a full collection costs in proportion to
        everything the server holds) but a full one every FULL_EVERY times.
        True if that collected."""
        self.changes += 1
        if self.changes < self.every:
            return False
        self.forced += 1
        self.collect(2 if self.forced % FULL_EVERY == 0 else 1)
        return True

    def collect(self, generation=2):
        """Collect now; the idle timer's collections are full ones."""
        self.timer = None
        self.changes = 0
        started = time.perf_counter()
        freed = gc.collect(generation)
        self.collections += 1
        log.debug("collected %d objects (generation %d) in %.1f ms", freed, generation,
                  (time.perf_counter() - started) * 1000)
