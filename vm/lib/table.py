"""The table library (lib_table.c): concat, insert, maxn, sort; table.new and
table.clear as require-able modules.

table.remove, move, foreach, foreachi and getn are Lua functions in LuaJIT; they
come from luabuiltins.py and are added to the table this opener creates.

table.sort is the quicksort of Lua 5.1's lib_table.c (median of three, the
smaller half recursively), step for step, so that a comparator sees the same
calls in the same order as under LuaJIT, inconsistent comparators leave the
same order behind, and "invalid order function for sorting" happens at the same
point.
"""

from .. import meta
from .. import table as tab
from ..errmsg import ERRMSG
from ..errors import CompareError, LuaError, RuntimeErr, compare_message
from ..layout import NIL, NUM_LIMIT, TAG_BITS, TAG_STR, typename
from ..numbers import fmt_number
from ..table import LJ_MAX_ASIZE, LJ_MAX_HBITS, hsize2hbits, tv_num
from .aux import (
    arg, builtin, check_func, check_int, check_tab, new_lib, opt_int, opt_str, tq, truthy,
)


# -- concat, insert, maxn ---------------------------------------------------------------

def t_concat(vm, base, nargs):
    t = check_tab(vm, base, nargs, 1)
    sep = opt_str(vm, base, nargs, 2, b"")
    i = opt_int(vm, base, nargs, 3, 1)
    q = tq(vm, t)
    if nargs >= 4 and vm.Q[base + 3] != NIL:
        e = check_int(vm, base, nargs, 4)
    else:
        e = _int32(tab.length(vm, q))
    parts = []
    while i <= e:
        parts.append(_concat_piece(vm, q, i))
        i += 1
    return vm.str(sep.join(parts))


def _concat_piece(vm, q, i):
    """lj_buf_puttab's element: a string or a number (as %.14g), else the error."""
    v = tab.get_int(vm, q, i)
    if v >> TAG_BITS == TAG_STR:
        return vm.str_by_tv[v]
    if v < NUM_LIMIT:
        return fmt_number(tv_num(v)).encode()
    raise RuntimeErr(ERRMSG["TABCAT"] % (typename(v), i))


def _int32(n):
    """A C cast to int32_t (wrapping)."""
    n &= 0xFFFFFFFF
    return n - (1 << 32) if n & 0x80000000 else n


def t_insert(vm, base, nargs):
    t = check_tab(vm, base, nargs, 1)
    q = tq(vm, t)
    i = _int32(tab.length(vm, q) + 1)
    if nargs != 2:
        if nargs != 3:
            raise RuntimeErr(ERRMSG["TABINS"])
        n = check_int(vm, base, nargs, 2)
        while i > n:
            # The store may rehash the table, so find the slot before reading.
            dst = tab.slot_int(vm, q, i)
            vm.Q[dst] = tab.get_int(vm, q, i - 1)
            i -= 1
        i = n
    vm.Q[tab.slot_int(vm, q, i)] = vm.Q[base + nargs - 1]
    vm.barrier_table(q)
    return None


def t_maxn(vm, base, nargs):
    t = check_tab(vm, base, nargs, 1)
    q = tq(vm, t)
    Q = vm.Q
    m = 0.0
    ai = tab.array_index(vm, q)
    for i in range(tab.asize_of(vm, q) - 1, -1, -1):
        if Q[ai + i] != NIL:
            m = float(i)
            break
    n0 = tab.node_index(vm, q)
    for i in range(tab.hmask_of(vm, q), -1, -1):
        node = n0 + 3 * i
        if Q[node] != NIL and Q[node + 1] < NUM_LIMIT:
            k = vm.D[node + 1]
            if k > m:
                m = k
    return m


# -- sort -------------------------------------------------------------------------------

class _Sorter:
    """auxsort of lib_table.c over table q, with comparator `comp` (NIL: Lua's <)."""

    def __init__(self, vm, q, comp):
        self.vm = vm
        self.q = q
        self.comp = comp

    def get(self, i):
        return tab.get_int(self.vm, self.q, i)

    def set(self, i, v):
        vm = self.vm
        vm.Q[tab.slot_int(vm, self.q, i)] = v
        vm.barrier_table(self.q)

    def set2(self, i, vi, j, vj):
        """set2 of lib_table.c: t[i] = vi, then t[j] = vj."""
        self.set(i, vi)
        self.set(j, vj)

    def lt(self, a, b):
        """sort_comp: comp(a, b) as a boolean, or a < b (lua_lessthan)."""
        vm = self.vm
        if self.comp != NIL:
            res = _pinned_call(vm, self.comp, a, b)
            return bool(res) and truthy(res[0])
        if a < NUM_LIMIT and b < NUM_LIMIT:
            return tv_num(a) < tv_num(b)
        try:
            r = meta.less(vm, a, b, False)
        except CompareError as e:
            # lj_err_comp raised inside a C function: no location in front.
            msg = compare_message(typename(e.v1), typename(e.v2))
            raise LuaError(vm.str(msg.encode())) from None
        if r.__class__ is tuple:
            res = _pinned_call(vm, r[0], r[1], r[2])
            return bool(res) and truthy(res[0])
        return r

    def sort(self, lo, up):
        while lo < up:
            lo, up, sub = self.partition(lo, up)
            if sub is None:
                return
            self.sort(*sub)         # the smaller part; loop on the larger one

    def partition(self, lo, up):
        """One round of the loop in auxsort: (lo, up, smaller part) or (.., None) to stop."""
        a_lo, a_up = self.get(lo), self.get(up)
        if self.lt(a_up, a_lo):
            self.set2(lo, a_up, up, a_lo)
        if up - lo == 1:
            return lo, up, None
        i = (lo + up) // 2
        a_i, a_lo = self.get(i), self.get(lo)
        if self.lt(a_i, a_lo):
            self.set2(i, a_lo, lo, a_i)
        else:
            a_up = self.get(up)
            if self.lt(a_up, a_i):
                self.set2(i, a_up, up, a_i)
        if up - lo == 2:
            return lo, up, None
        pivot = self.get(i)
        self.set2(i, self.get(up - 1), up - 1, pivot)
        _pin(self.vm, pivot, 1)
        try:
            i = self.split(lo, up, pivot)
        finally:
            _pin(self.vm, pivot, -1)
        self.set2(up - 1, self.get(i), i, self.get(up - 1))
        if i - lo < up - i:
            return i + 1, up, (lo, i - 1)
        return lo, i - 1, (i + 1, up)

    def split(self, lo, up, pivot):
        """The partition loop: invariant a[lo..i] <= P <= a[j..up]; returns i."""
        i, j = lo, up - 1
        while True:
            i += 1
            a_i = self.get(i)
            while self.lt(a_i, pivot):
                if i >= up:
                    raise RuntimeErr(ERRMSG["TABSORT"])
                i += 1
                a_i = self.get(i)
            _pin(self.vm, a_i, 1)
            try:
                j -= 1
                a_j = self.get(j)
                while self.lt(pivot, a_j):
                    if j <= lo:
                        raise RuntimeErr(ERRMSG["TABSORT"])
                    j -= 1
                    a_j = self.get(j)
            finally:
                _pin(self.vm, a_i, -1)
            if j < i:
                return i
            self.set2(i, a_j, j, a_i)


def _pin(vm, v, delta):
    """Values held here while Lua code runs are roots for the collector (LuaJIT keeps
    them on the C function's stack)."""
    if v < NUM_LIMIT or v == NIL:
        return
    n = vm.pinned.get(v, 0) + delta
    if n > 0:
        vm.pinned[v] = n
    else:
        vm.pinned.pop(v, None)


def _pinned_call(vm, f, a, b):
    _pin(vm, a, 1)
    _pin(vm, b, 1)
    try:
        return vm.call(f, [a, b])
    finally:
        _pin(vm, a, -1)
        _pin(vm, b, -1)


def t_sort(vm, base, nargs):
    t = check_tab(vm, base, nargs, 1)
    q = tq(vm, t)
    n = _int32(tab.length(vm, q))
    comp = arg(vm, base, nargs, 2)
    if comp != NIL:
        check_func(vm, base, nargs, 2)
    elif _sort_plain(vm, q, n):
        return None
    _Sorter(vm, q, comp).sort(1, n)
    return None


def _sort_plain(vm, q, n):
    """Without a comparator, values that are all strings, or all numbers without NaN
    and without both 0 and -0, are totally ordered: every correct sort leaves them as
    auxsort does, and nothing calls back. Sort them at once; False when not so."""
    if n < 2:
        return False
    values = [tab.get_int(vm, q, i) for i in range(1, n + 1)]
    if all(v < NUM_LIMIT for v in values):
        nums = [tv_num(v) for v in values]
        if any(x != x for x in nums):
            return False
        zero_signs = {v >> 63 for v, x in zip(values, nums) if x == 0}
        if len(zero_signs) > 1:
            return False
        order = sorted(range(n), key=nums.__getitem__)
    elif all(v >> TAG_BITS == TAG_STR for v in values):
        strs = [vm.str_by_tv[v] for v in values]
        order = sorted(range(n), key=strs.__getitem__)
    else:
        return False
    for i, j in enumerate(order, 1):
        vm.Q[tab.slot_int(vm, q, i)] = values[j]
    vm.barrier_table(q)
    return True


# -- table.new, table.clear (require "table.new", require "table.clear") ------------------

def t_new(vm, base, nargs):
    a = check_int(vm, base, nargs, 1)
    h = check_int(vm, base, nargs, 2)
    asize = (a + 1) & 0xFFFFFFFF if a > 0 else 0
    hbits = hsize2hbits(h & 0xFFFFFFFF)
    if asize > LJ_MAX_ASIZE or hbits > LJ_MAX_HBITS:
        # lj_err_msg from inside a C function: no location in front.
        raise LuaError(vm.str(ERRMSG["TABOV"].encode()))
    return vm.new_table(asize - 1 if asize else 0, h if hbits else 0)


def t_clear(vm, base, nargs):
    """lj_tab_clear: every slot and node empty; the sizes stay."""
    q = tq(vm, check_tab(vm, base, nargs, 1))
    Q = vm.Q
    ai = tab.array_index(vm, q)
    for i in range(tab.asize_of(vm, q)):
        Q[ai + i] = NIL
    hmask = tab.hmask_of(vm, q)
    if hmask:
        n0 = tab.node_index(vm, q)
        Q[q + tab.T_FREETOP] = Q[q + tab.T_NODE] + 24 * (hmask + 1)
        for i in range(hmask + 1):
            node = n0 + 3 * i
            Q[node] = NIL
            Q[node + 1] = NIL
            Q[node + 2] = 0
    return None


def _preload(vm, lib, name, f):
    """lj_lib_prereg: a loader in package.preload whose environment is the table
    library; lj_lib_postreg: when run, it creates the builtin, stores it into its
    environment and returns it."""
    me = []

    def loader(vm, base, nargs):
        fn = builtin(vm, name, f, "table")
        vm.rawsets(vm.func_env(me[0]), name.encode(), fn)
        return fn
    me.append(vm.new_cfunc(loader, "table." + name, env=lib))
    return me[0]


PRELOAD = {"new": t_new, "clear": t_clear}

FUNCTIONS = {"maxn": t_maxn, "insert": t_insert, "concat": t_concat, "sort": t_sort}


def open_table(vm):
    t = new_lib(vm, "table", FUNCTIONS)
    preload = vm.rawgets(vm.registry, b"_PRELOAD")
    if preload == NIL:
        preload = vm.new_table(0, 4)
        vm.rawsets(vm.registry, b"_PRELOAD", preload)
    for name, f in PRELOAD.items():
        vm.rawsets(preload, b"table." + name.encode(), _preload(vm, t, name, f))
    return t
