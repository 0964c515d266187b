"""Lua tables in the arena, with LuaJIT 2.1's algorithms (lj_tab.c).

A GCtab has an array part (keys 0 .. asize-1, key 0 included) and a hash part
of 2^hbits nodes chained by `next`. A key's main position is its hash & hmask;
every live key is reachable from its main position through `next`. New keys
take the main position or a free node found by scanning down from `freetop`
(LuaJIT's variant of Brent's method); when there is none the table is rehashed:
integer keys are counted in power-of-two bins and the array part takes the
largest size 2^(b+1)+1 that stays more than 25% full. The array part only ever
grows through a rehash, so an append at index asize lands in the hash first.
Nil stores keep their key (a dead key) so nodes never move except on resize.

Functions take the VM (for the arena views) and a table's qword index `t`
(its address - base, >> 3). Keys and values are TValues (uint64 ints).
"""

import struct

from .layout import (
    CANON_NAN, FALSE, MAX_COLOSIZE, NIL, NUM_LIMIT, SIZEOF_GCTAB, SIZEOF_NODE,
    TAG_BITS, TAG_STR, TRUE, T_TAB,
)

LJ_MAX_ASIZE = (1 << 27) + 1
LJ_MAX_ABITS = 28
LJ_MAX_HBITS = 26

_pack_d = struct.Struct("<d").pack
_unpack_q = struct.Struct("<Q").unpack
_pack_q = struct.Struct("<Q").pack
_unpack_d = struct.Struct("<d").unpack

# Qword offsets of GCtab fields (see layout.GCTAB).
T_ARRAY, T_META, T_NODE, T_SIZES, T_FREETOP = 2, 4, 5, 6, 7


class TableError(Exception):
    """'table index is nil' / 'table index is NaN' / 'table overflow'."""


def num_tv(n: float) -> int:
    """The TValue bits of a number (NaNs become the canonical NaN)."""
    if n != n:
        return CANON_NAN
    return _unpack_q(_pack_d(n))[0]


def tv_num(v: int) -> float:
    return _unpack_d(_pack_q(v))[0]


def hsize2hbits(s: int) -> int:
    if s == 0:
        return 0
    return 1 if s == 1 else (s - 1).bit_length()


def _rol(x, n):
    return ((x << n) | (x >> (32 - n))) & 0xFFFFFFFF


def hashrot(lo: int, hi: int) -> int:
    """LuaJIT's x86 hashrot of two 32-bit halves."""
    lo ^= hi
    hi = _rol(hi, 14)
    lo = (lo - hi) & 0xFFFFFFFF
    hi = _rol(hi, 5)
    hi ^= lo
    hi = (hi - _rol(lo, 13)) & 0xFFFFFFFF
    return hi


def key_hash(vm, key: int) -> int:
    """The unmasked main-position hash of a (non-integer-normalised) key."""
    if key >> TAG_BITS == TAG_STR:
        return vm.I[((key & 0x7FFFFFFFFFFF) - vm.base + 12) >> 2]
    if key < NUM_LIMIT:
        return hashrot(key & 0xFFFFFFFF, (key >> 31) & 0xFFFFFFFE)
    if key == FALSE:
        return 0
    if key == TRUE:
        return 1
    return hashrot(key & 0xFFFFFFFF, key >> 32)


# -- Creation ------------------------------------------------------------------------

def new_table(vm, asize: int, hbits: int) -> int:
    """lj_tab_new: a table with array slots 0..asize-1 and 2^hbits nodes (0: none)."""
    A = vm.arena
    if 0 < asize <= MAX_COLOSIZE:
        off = A.alloc(SIZEOF_GCTAB + 8 * asize)
        t = off >> 3
        Q = vm.Q
        vm.B[off + 11] = asize            # colo
        Q[t + T_ARRAY] = A.base + off + SIZEOF_GCTAB
    else:
        off = A.alloc(SIZEOF_GCTAB)
        t = off >> 3
        Q = vm.Q
        if asize > 0:
            if asize > LJ_MAX_ASIZE:
                raise TableError("table overflow")
            Q[t + T_ARRAY] = A.base + A.alloc(8 * asize)
    B = vm.B
    B[off + 9] = T_TAB                    # gct
    B[off + 8] = vm.gc_white
    B[off + 10] = 0xFF                    # nomm: all metamethods absent
    vm.I[(off + 48) >> 2] = asize
    if asize:
        ai = (Q[t + T_ARRAY] - A.base) >> 3
        Q[ai:ai + asize] = _nils(asize)
    Q[t + T_NODE] = Q[t + T_FREETOP] = vm.nilnode
    if hbits:
        _new_hpart(vm, t, hbits)
    vm.gc_register(t, vm.gc_tab_list)
    return t


_NIL_BLOCKS = {}


def _nils(n: int):
    """n nil TValues, as a buffer for slice assignment to the Q view."""
    blk = _NIL_BLOCKS.get(n)
    if blk is None:
        blk = memoryview(b"\xff" * (8 * n)).cast("Q")
        if n <= 4096:
            _NIL_BLOCKS[n] = blk
    return blk


def _new_hpart(vm, t: int, hbits: int):
    if hbits > LJ_MAX_HBITS:
        raise TableError("table overflow")
    A = vm.arena
    hsize = 1 << hbits
    off = A.alloc(SIZEOF_NODE * hsize)
    n0 = off >> 3
    Q = vm.Q
    Q[t + T_NODE] = A.base + off
    Q[t + T_FREETOP] = A.base + off + SIZEOF_NODE * hsize
    vm.I[((t << 3) + 52) >> 2] = hsize - 1
    # val = nil, key = nil, next = NULL
    block = _NODE_BLOCKS.get(hsize)
    if block is None:
        block = memoryview((b"\xff" * 16 + b"\x00" * 8) * hsize).cast("Q")
        if hsize <= 4096:
            _NODE_BLOCKS[hsize] = block
    Q[n0:n0 + 3 * hsize] = block


_NODE_BLOCKS = {}


def asize_of(vm, t: int) -> int:
    return vm.I[(t << 1) + 12]


def hmask_of(vm, t: int) -> int:
    return vm.I[(t << 1) + 13]


def node_index(vm, t: int) -> int:
    """Qword index of node 0."""
    return (vm.Q[t + T_NODE] - vm.base) >> 3


def array_index(vm, t: int) -> int:
    return (vm.Q[t + T_ARRAY] - vm.base) >> 3


# -- Lookup ----------------------------------------------------------------------------

def _int_key(key: int):
    """A number key that is an exact int32 -> that int, else None (NaN included)."""
    n = _unpack_d(_pack_q(key))[0]
    if -2147483649.0 < n < 2147483648.0:
        k = int(n)
        if k == n:
            return k
    return None


def find_node(vm, t: int, key: int) -> int:
    """Qword index of the node holding `key` (already normalised), or -1."""
    Q = vm.Q
    base = vm.base
    hmask = vm.I[(t << 1) + 13]
    n = ((Q[t + T_NODE] - base) >> 3) + 3 * (key_hash(vm, key) & hmask)
    if key < NUM_LIMIT:
        f = _unpack_d(_pack_q(key))[0]
        D = vm.D
        while True:
            k = Q[n + 1]
            if k < NUM_LIMIT and D[n + 1] == f:
                return n
            nxt = Q[n + 2]
            if not nxt:
                return -1
            n = (nxt - base) >> 3
    while True:
        if Q[n + 1] == key:
            return n
        nxt = Q[n + 2]
        if not nxt:
            return -1
        n = (nxt - base) >> 3


def get(vm, t: int, key: int) -> int:
    """lj_tab_get: the value at key (NIL when absent). No metamethods."""
    if key >> TAG_BITS == TAG_STR:
        n = find_str(vm, t, key)
        return vm.Q[n] if n >= 0 else NIL
    if key < NUM_LIMIT:
        k = _int_key(key)
        if k is not None:
            return get_int(vm, t, k)
    elif key == NIL:
        return NIL
    n = find_node(vm, t, key)
    return vm.Q[n] if n >= 0 else NIL


def get_int(vm, t: int, k: int) -> int:
    if 0 <= k < vm.I[(t << 1) + 12]:
        return vm.Q[((vm.Q[t + T_ARRAY] - vm.base) >> 3) + k]
    n = find_node(vm, t, num_tv(float(k)))
    return vm.Q[n] if n >= 0 else NIL


def find_str(vm, t: int, key: int) -> int:
    """Node qword index of a string key, or -1."""
    Q = vm.Q
    base = vm.base
    n = ((Q[t + T_NODE] - base) >> 3) + 3 * (
        vm.I[((key & 0x7FFFFFFFFFFF) - base + 12) >> 2] & vm.I[(t << 1) + 13])
    while True:
        if Q[n + 1] == key:
            return n
        nxt = Q[n + 2]
        if not nxt:
            return -1
        n = (nxt - base) >> 3


def get_str(vm, t: int, key: int) -> int:
    n = find_str(vm, t, key)
    return vm.Q[n] if n >= 0 else NIL


# -- Store -------------------------------------------------------------------------------

def slot(vm, t: int, key: int) -> int:
    """lj_tab_set: qword index of the slot for key, creating it if needed.

    The caller stores the value (and applies the GC barrier). Raises TableError
    for nil and NaN keys.
    """
    vm.B[(t << 3) + 10] = 0            # invalidate the negative metamethod cache
    if key >> TAG_BITS == TAG_STR:
        n = find_str(vm, t, key)
        return n if n >= 0 else newkey(vm, t, key)
    if key < NUM_LIMIT:
        k = _int_key(key)
        if k is not None:
            return slot_int(vm, t, k)
        if key == CANON_NAN:    # every NaN in the VM is canonical
            raise TableError("table index is NaN")
    elif key == NIL:
        raise TableError("table index is nil")
    n = find_node(vm, t, key)
    return n if n >= 0 else newkey(vm, t, key)


def slot_int(vm, t: int, k: int) -> int:
    if 0 <= k < vm.I[(t << 1) + 12]:
        return ((vm.Q[t + T_ARRAY] - vm.base) >> 3) + k
    key = num_tv(float(k))
    n = find_node(vm, t, key)
    return n if n >= 0 else newkey(vm, t, key)


def set(vm, t: int, key: int, value: int):
    """Raw store of a TValue (lj_tab_set + copy + barrier)."""
    vm.Q[slot(vm, t, key)] = value
    vm.barrier_table(t)


def newkey(vm, t: int, key: int) -> int:
    """lj_tab_newkey: insert a key not present; returns the value slot's qword index."""
    Q = vm.Q
    base = vm.base
    hmask = vm.I[(t << 1) + 13]
    nodebase = (Q[t + T_NODE] - base) >> 3
    n = nodebase + 3 * (key_hash(vm, key) & hmask)
    if Q[n] != NIL or hmask == 0:
        free = (Q[t + T_FREETOP] - base) >> 3
        while True:
            if free == nodebase:
                rehash(vm, t, key)
                return slot(vm, t, key)
            free -= 3
            if Q[free + 1] == NIL:
                break
        Q[t + T_FREETOP] = base + (free << 3)
        collide = nodebase + 3 * (key_hash(vm, Q[n + 1]) & hmask)
        if collide != n:
            n_addr = base + (n << 3)
            while Q[collide + 2] != n_addr:
                collide = (Q[collide + 2] - base) >> 3
            Q[collide + 2] = base + (free << 3)
            Q[free] = Q[n]
            Q[free + 1] = Q[n + 1]
            Q[free + 2] = Q[n + 2]
            Q[n + 2] = 0
            Q[n] = NIL
            _rechain(vm, nodebase, hmask, n, free)
        else:
            Q[free + 2] = Q[n + 2]
            Q[n + 2] = base + (free << 3)
            n = free
    Q[n + 1] = 0 if key == 0x8000000000000000 else key
    vm.barrier_table(t)
    return n


def _rechain(vm, nodebase, hmask, n, free):
    """Rechain pseudo-resurrected keys after moving a colliding node (see lj_tab_newkey)."""
    Q = vm.Q
    base = vm.base
    while Q[free + 2]:
        nn = (Q[free + 2] - base) >> 3
        if Q[nn] != NIL and nodebase + 3 * (key_hash(vm, Q[nn + 1]) & hmask) == n:
            Q[free + 2] = Q[nn + 2]
            Q[nn + 2] = Q[n + 2]
            Q[n + 2] = base + (nn << 3)
            while Q[free + 2]:
                nn = (Q[free + 2] - base) >> 3
                if Q[nn] != NIL:
                    mn = nodebase + 3 * (key_hash(vm, Q[nn + 1]) & hmask)
                    if mn != free and mn != nn:
                        Q[free + 2] = Q[nn + 2]
                        Q[nn + 2] = Q[mn + 2]
                        Q[mn + 2] = base + (nn << 3)
                    else:
                        free = nn
                else:
                    free = nn
            return
        free = nn


# -- Resizing ---------------------------------------------------------------------------

def _countint(key: int, bins) -> int:
    if key < NUM_LIMIT:
        k = _int_key(key)
        if k is not None and 0 <= k < LJ_MAX_ASIZE:
            bins[(k - 1).bit_length() - 1 if k > 2 else 0] += 1
            return 1
    return 0


def rehash(vm, t: int, extra_key: int):
    """rehashtab: choose new array and hash sizes from the keys present plus extra_key."""
    bins = [0] * LJ_MAX_ABITS
    asize = _countarray(vm, t, bins)
    total = 1 + asize
    na_hash, nhash = _counthash(vm, t, bins)
    total += nhash
    asize += na_hash
    asize += _countint(extra_key, bins)
    na, asize = _bestasize(bins, asize)
    total -= na
    resize(vm, t, asize, hsize2hbits(total))


def _countarray(vm, t, bins):
    asize = vm.I[(t << 1) + 12]
    if asize == 0:
        return 0
    Q = vm.Q
    ai = (Q[t + T_ARRAY] - vm.base) >> 3
    na = i = 0
    for b in range(LJ_MAX_ABITS):
        top = 2 << b
        if top >= asize:
            top = asize - 1
            if i > top:
                break
        n = 0
        for v in Q[ai + i:ai + top + 1]:
            if v != NIL:
                n += 1
        i = top + 1
        bins[b] += n
        na += n
    return na


def _counthash(vm, t, bins):
    Q = vm.Q
    hmask = vm.I[(t << 1) + 13]
    n0 = (Q[t + T_NODE] - vm.base) >> 3
    total = na = 0
    for i in range(hmask + 1):
        n = n0 + 3 * i
        if Q[n] != NIL:
            na += _countint(Q[n + 1], bins)
            total += 1
    return na, total


def _bestasize(bins, nn):
    b = total = na = sz = 0
    while 2 * nn > (1 << b) and total != nn:
        if bins[b] > 0:
            total += bins[b]
            if 2 * total > (1 << b):
                sz = (2 << b) + 1
                na = total
        b += 1
    return na, sz


def resize(vm, t: int, asize: int, hbits: int):
    """lj_tab_resize: new array size and a fresh hash part; keys are reinserted."""
    A = vm.arena
    Q = vm.Q
    base = vm.base
    toff = t << 3
    oldnode = (Q[t + T_NODE] - base) >> 3
    oldnode_addr = Q[t + T_NODE]
    oldasize = vm.I[(t << 1) + 12]
    oldhmask = vm.I[(t << 1) + 13]
    if asize > oldasize:
        if asize > LJ_MAX_ASIZE:
            raise TableError("table overflow")
        colo = vm.B[toff + 11]
        old_ai = (Q[t + T_ARRAY] - base) >> 3
        new_off = A.alloc(8 * asize)
        ai = new_off >> 3
        if oldasize:
            Q[ai:ai + oldasize] = Q[old_ai:old_ai + oldasize]
        Q[ai + oldasize:ai + asize] = _nils(asize - oldasize)
        if 0 < colo < 0x80:
            vm.B[toff + 11] = colo | 0x80
        elif oldasize:
            A.free(old_ai << 3, 8 * oldasize)
        Q[t + T_ARRAY] = base + new_off
        vm.I[(t << 1) + 12] = asize
    if hbits:
        _new_hpart(vm, t, hbits)
    else:
        Q[t + T_NODE] = Q[t + T_FREETOP] = vm.nilnode
        vm.I[(t << 1) + 13] = 0
    if asize < oldasize:
        ai = (Q[t + T_ARRAY] - base) >> 3
        vm.I[(t << 1) + 12] = asize
        for i in range(asize, oldasize):
            v = Q[ai + i]
            if v != NIL:
                Q[slot_int(vm, t, i)] = v
        colo = vm.B[toff + 11]
        if colo == 0 or colo >= 0x80:
            new_ai = ai
            if asize:
                new_ai = A.alloc(8 * asize) >> 3
                Q[new_ai:new_ai + asize] = Q[ai:ai + asize]
            A.free(ai << 3, 8 * oldasize)
            Q[t + T_ARRAY] = (base + (new_ai << 3)) if asize else 0
    if oldhmask > 0:
        for i in range(oldhmask + 1):
            n = oldnode + 3 * i
            v = Q[n]
            if v != NIL:
                Q[slot(vm, t, Q[n + 1])] = v
        A.free(oldnode_addr - base, SIZEOF_NODE * (oldhmask + 1))


def reasize(vm, t: int, nasize: int):
    hmask = vm.I[(t << 1) + 13]
    resize(vm, t, nasize + 1, hmask.bit_length() if hmask > 0 else 0)


def dup(vm, kt: int) -> int:
    """lj_tab_dup: a copy of a template table (TDUP)."""
    asize = vm.I[(kt << 1) + 12]
    hmask = vm.I[(kt << 1) + 13]
    t = new_table(vm, asize, hmask.bit_length() if hmask > 0 else 0)
    Q = vm.Q
    base = vm.base
    vm.B[(t << 3) + 10] = 0
    if asize:
        ai = (Q[t + T_ARRAY] - base) >> 3
        kai = (Q[kt + T_ARRAY] - base) >> 3
        Q[ai:ai + asize] = Q[kai:kai + asize]
    if hmask:
        node_addr = Q[t + T_NODE]
        knode_addr = Q[kt + T_NODE]
        d = node_addr - knode_addr
        Q[t + T_FREETOP] = Q[kt + T_FREETOP] + d
        n0 = (node_addr - base) >> 3
        k0 = (knode_addr - base) >> 3
        Q[n0:n0 + 3 * (hmask + 1)] = Q[k0:k0 + 3 * (hmask + 1)]
        for i in range(hmask + 1):
            nxt = Q[n0 + 3 * i + 2]
            if nxt:
                Q[n0 + 3 * i + 2] = nxt + d
    return t


# -- Length and traversal --------------------------------------------------------------

def length(vm, t: int) -> int:
    """lj_tab_len: a border of the table."""
    Q = vm.Q
    asize = vm.I[(t << 1) + 12]
    hi = asize - 1 if asize else 0
    if hi > 0:
        ai = (Q[t + T_ARRAY] - vm.base) >> 3
        if Q[ai + hi] == NIL:
            lo = 0
            while hi - lo > 1:
                mid = (lo + hi) >> 1
                if Q[ai + mid] == NIL:
                    hi = mid
                else:
                    lo = mid
            return lo
    if not vm.I[(t << 1) + 13]:
        return hi
    lo = hi
    hi += 1
    while get_int(vm, t, hi) != NIL:
        lo = hi
        hi += hi
        if hi > 0x7FFFFFFF - 2:
            lo = 1
            while get_int(vm, t, lo) != NIL:
                lo += 1
            return lo - 1
    while hi - lo > 1:
        mid = (lo + hi) >> 1
        if get_int(vm, t, mid) != NIL:
            lo = mid
        else:
            hi = mid
    return lo


def keyindex(vm, t: int, key: int) -> int:
    """lj_tab_keyindex: the traversal index after key; -1 for an invalid key."""
    asize = vm.I[(t << 1) + 12]
    if key < NUM_LIMIT:
        k = _int_key(key)
        if k is not None and 0 <= k < asize:
            return k + 1
        if k is not None:
            key = num_tv(float(k))      # also turns -0 into +0
    if key == NIL:
        return 0
    n = find_node(vm, t, key)
    if n >= 0:
        return asize + (n - ((vm.Q[t + T_NODE] - vm.base) >> 3)) // 3 + 1
    if key >> 32 == 0xFFFE7FFF:
        return key & 0xFFFFFFFF
    return -1


def next_from(vm, t: int, idx: int):
    """Entries from traversal index idx: (key, value, next index) or None at the end."""
    Q = vm.Q
    asize = vm.I[(t << 1) + 12]
    if idx < asize:
        ai = (Q[t + T_ARRAY] - vm.base) >> 3
        while idx < asize:
            v = Q[ai + idx]
            if v != NIL:
                return num_tv(float(idx)), v, idx + 1
            idx += 1
    hidx = idx - asize
    hmask = vm.I[(t << 1) + 13]
    n0 = (Q[t + T_NODE] - vm.base) >> 3
    while hidx <= hmask:
        n = n0 + 3 * hidx
        v = Q[n]
        hidx += 1
        if v != NIL:
            return Q[n + 1], v, asize + hidx
    return None


def next_(vm, t: int, key: int):
    """lj_tab_next: (key, value) after key, None at the end; raises KeyError if invalid."""
    idx = keyindex(vm, t, key)
    if idx < 0:
        raise KeyError("invalid key to 'next'")
    r = next_from(vm, t, idx)
    return None if r is None else (r[0], r[1])


def metatable(vm, t: int) -> int:
    """The metatable's address (0 when none)."""
    return vm.Q[t + T_META]
