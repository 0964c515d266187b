"""The native arena: all Lua data lives in one anonymous mmap.

Compiled traces are real machine code, so the data they touch must be real
memory. The arena reserves address space once (pages are only backed when
touched) and hands out 16-byte aligned blocks. Python reads and writes it
through memoryview casts:

    B  bytes      Q  uint64 (TValues, pointers)     D  float64 (numbers)
    I  uint32     H  uint16

A byte offset `off` is the address `base + off`; TValues and pointers stored in
the arena are absolute addresses (below 2^47), so machine code can use them.
Python code mostly works with qword indices: `(address - base) >> 3`.

Freed blocks go to exact-size free lists and are reused; `total` counts the
bytes in use (what collectgarbage("count") reports) and `limit` caps it: going
over raises ArenaFull, which the VM turns into Lua's "not enough memory".
"""

import ctypes
import mmap

ALIGN = 16
DEFAULT_RESERVE = 8 << 30      # address space reserved up front
DEFAULT_LIMIT = 2 << 30        # bytes in use before "not enough memory"


class ArenaFull(Exception):
    """An allocation would exceed the arena's limit."""


class Arena:
    def __init__(self, limit=DEFAULT_LIMIT, reserve=None):
        if reserve is None:
            reserve = max(DEFAULT_RESERVE, limit + (64 << 20))
        flags = mmap.MAP_PRIVATE | mmap.MAP_ANONYMOUS | getattr(mmap, "MAP_NORESERVE", 0)
        self.mm = mmap.mmap(-1, reserve, flags=flags)
        self.size = reserve
        self.base = ctypes.addressof(ctypes.c_char.from_buffer(self.mm))
        assert self.base % 4096 == 0 and self.base + reserve < (1 << 47)
        mv = memoryview(self.mm)
        self.B = mv
        self.Q = mv.cast("Q")
        self.D = mv.cast("d")
        self.I = mv.cast("I")
        self.H = mv.cast("H")
        self.top = 64               # offset 0 stays unused: NULL
        self.free_lists = {}        # rounded size -> [offsets]
        self.total = 0
        self.limit = limit

    def close(self):
        for view in (self.H, self.I, self.D, self.Q, self.B):
            view.release()
        self.mm.close()

    # -- Allocation ----------------------------------------------------------------

    def alloc(self, size: int) -> int:
        """A zero-filled block of at least `size` bytes; returns its byte offset."""
        size = (size + ALIGN - 1) & ~(ALIGN - 1) or ALIGN
        if self.total + size > self.limit:
            raise ArenaFull(size)
        self.total += size
        lst = self.free_lists.get(size)
        if lst:
            off = lst.pop()
            self.B[off:off + size] = bytes(size)
            return off
        off = self.top
        if off + size > self.size:
            self.total -= size
            raise ArenaFull(size)
        self.top = off + size
        return off

    def free(self, off: int, size: int):
        size = (size + ALIGN - 1) & ~(ALIGN - 1) or ALIGN
        self.total -= size
        self.free_lists.setdefault(size, []).append(off)

    # -- Addresses ---------------------------------------------------------------------

    def addr(self, off: int) -> int:
        return self.base + off

    def off(self, addr: int) -> int:
        return addr - self.base

    def qi(self, addr: int) -> int:
        """Qword index of an absolute address."""
        return (addr - self.base) >> 3

    def read_bytes(self, off: int, n: int) -> bytes:
        return bytes(self.B[off:off + n])

    def write_bytes(self, off: int, data: bytes):
        self.B[off:off + len(data)] = data
