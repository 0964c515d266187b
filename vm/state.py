"""The VM: global state, objects in the arena, and the Python-side indexes over them.

The arena holds every Lua object in LuaJIT's layout; this class creates them
and keeps the Python-side caches that make the interpreter fast:
  * interned strings: bytes -> TValue and TValue -> bytes (the GCstr in the
    arena holds the same bytes, hash, sid and length);
  * functions: TValue -> LFunc / CFunc (the proto's decoded instructions, the
    upvalue objects, or the Python callable of a builtin);
  * prototypes: arena address -> PInfo.
Caches are dropped by the garbage collector together with their objects.
"""

import struct

from . import table as tab
from .arena import Arena, DEFAULT_LIMIT
from .errmsg import ERRMSG
from .tokens import KEYWORDS
from .bytecode import (
    BCBIAS_J, BC_TSETM, MODE, MODE_B, MODE_CD, PROTO_VARARG, Proto, TemplateTable,
)
from .layout import (
    FALSE, FUNC, NIL, PROTO, STR, TAB, THREAD, TRUE, UDATA, T_FUNC, T_PROTO,
    T_STR, T_THREAD, T_UDATA, T_UPVAL, WHITE0, SIZEOF_GCFUNC_C, SIZEOF_GCFUNC_L,
    SIZEOF_GCPROTO, SIZEOF_GCSTR, SIZEOF_GCUPVAL, SIZEOF_GCUDATA, SIZEOF_LUA_STATE,
    SIZEOF_NODE, FF_C, FF_LUA, PAYLOAD, TAG_BITS, MMNAMES,
)

_pack_d = struct.Struct("<d").pack
_unpack_q = struct.Struct("<Q").unpack

LJ_STACK_EXTRA = 8
HOTCOUNT_SIZE = 64
HOTLOOP = 56
HOTCOUNT_INIT = HOTLOOP * 2 - 1        # 111: a loop gets hot on its 56th iteration
HOTCOUNT_RESET = HOTLOOP * 2
LJ_STACK_START = 40
LUAI_MAXSTACK = 65500
LUA_MINSTACK = 20
STACK_CAP = LUAI_MAXSTACK + LJ_STACK_EXTRA      # the largest size in normal running
# Allocated beyond STACK_CAP: the room an overflow opens for the error handler
# (LuaJIT's 2*LUA_MINSTACK plus the slots the failed request wanted).
STACK_RESERVE = 512


class PInfo:
    """A prototype as the interpreter uses it: decoded code with resolved operands."""
    __slots__ = ("proto", "addr", "code", "kgc", "kn", "hotbase", "name", "children",
                 "loaded", "framesize", "numparams", "vararg", "retbase", "trace")

    def __init__(self, proto, addr):
        self.proto = proto
        self.addr = addr
        self.code = None
        self.kgc = None
        self.kn = proto.kn
        self.hotbase = (addr + SIZEOF_GCPROTO) >> 2
        self.children = None
        self.framesize = proto.framesize
        self.numparams = proto.numparams
        self.vararg = bool(proto.flags & PROTO_VARARG)
        self.retbase = addr + SIZEOF_GCPROTO     # + 4*pc: the arena address of an instruction
        self.trace = 0          # the first root trace started in this prototype (JIT)


class LFunc:
    """A Lua closure: its prototype, upvalue objects and own qword index (q)."""
    __slots__ = ("tv", "p", "uvs", "q")

    def __init__(self, tv, p, uvs, q=0):
        self.tv = tv
        self.p = p
        self.uvs = uvs
        self.q = q


class CFunc:
    """A builtin: a Python callable f(vm, base, nargs) with LuaJIT's ffid and name."""
    __slots__ = ("tv", "f", "name", "ffid")

    def __init__(self, tv, f, name, ffid):
        self.tv = tv
        self.f = f
        self.name = name
        self.ffid = ffid


class TailCall:
    """A builtin's answer "call the function I put at base-2 with my first nargs
    arguments in my place" (LuaJIT's FFH_TAILCALL, e.g. tostring with __tostring)."""
    __slots__ = ("nargs",)

    def __init__(self, nargs):
        self.nargs = nargs


class Thread:
    """A coroutine (or the main thread): its lua_State and stack in the arena."""
    __slots__ = ("tv", "q", "stack", "size", "frames", "status", "open_uv", "top",
                 "resume_state", "env", "base", "pc", "fn", "cfunc", "multres",
                 "tail_src", "ctail", "yield_to", "start_func", "error", "hook", "in_hook",
                 "switch", "hook_oldpc", "hook_fn", "in_errfunc", "mm_enter", "hook_skip",
                 "capacity")

    def __init__(self, tv, q, stack, size):
        self.tv = tv
        self.q = q              # qword index of the lua_State
        self.stack = stack      # qword index of stack slot 0
        self.size = size        # slots in use (LuaJIT's stacksize)
        self.capacity = size    # slots allocated: more than size at the stack limit
        self.frames = []        # Python-side frame records (see interp.py)
        self.status = "suspended"
        self.open_uv = {}       # stack slot qword index -> upvalue qword index
        self.top = stack + 2    # first free slot while a builtin runs
        self.resume_state = None
        self.env = None
        # The running Lua frame, saved whenever a builtin is called from it.
        self.base = stack + 2
        self.pc = 0
        self.fn = None
        self.cfunc = None
        self.multres = 0
        self.tail_src = 0
        self.ctail = False
        self.yield_to = None
        self.start_func = None
        self.error = None
        self.hook = None
        self.in_hook = False
        self.switch = None
        self.hook_oldpc = -1
        self.hook_fn = None
        self.in_errfunc = False     # an error function is running (LUA_ERRERR status)
        self.mm_enter = None        # the Lua metamethod _mmcall just entered (JIT on)
        self.hook_skip = 0          # the next instruction's hooks already ran (re-dispatch)


class VM:
    def __init__(self, memory_limit=DEFAULT_LIMIT):
        self.arena = A = Arena(memory_limit)
        self.B, self.Q, self.D, self.I, self.H = A.B, A.Q, A.D, A.I, A.H
        self.base = A.base
        self.gc_white = WHITE0
        self.gc_tab_list = set()
        self.gc_objs = {}           # qword index -> (kind, size) for non-table objects
        self.str_by_bytes = {}
        self.str_by_tv = {}
        self.next_sid = 0
        self.funcs = {}             # function TValue -> LFunc | CFunc
        self.protos = {}            # proto address -> PInfo
        self.threads = {}           # thread TValue -> Thread
        self.udata = {}             # userdata TValue -> Python payload (files ...)
        self.pinned = {}            # TValue -> count: values Python code holds
        self.gc_roots = []          # callables giving more live TValues (the trace compiler)
        self.builtins_by_ffid = {}
        self.nilnode = A.base + A.alloc(SIZEOF_NODE)
        self.Q[(self.nilnode - A.base) >> 3] = NIL
        self.Q[((self.nilnode - A.base) >> 3) + 1] = NIL
        self.basemt = {}            # type tag -> metatable TValue (strings, ...)
        self.mmname = [self.str(n.encode()) for n in MMNAMES]
        # preallocated and fixed, as LuaJIT does (lj_state.c, lj_lex_init): raising "not
        # enough memory" and tostring(nil/true/false) need no allocation
        for word in [ERRMSG["ERRMEM"].encode()] + list(KEYWORDS):
            self.pinned[self.str(word)] = 1
        self.mmsid0 = self.I[((self.mmname[0] & PAYLOAD) - self.base + 12) >> 2]   # "__index"
        self.hook = None            # a hooks.Hook: debug hooks (debug.sethook, debugger)
        self.jit = None             # a trace compiler, attached through the hot counters
        self.jit_factory = None     # makes one on demand (jit.on()); set by the host
        self.return_trampoline = None   # `return ...`, made on first use (interp.py)
        self.loop_mode = 0
        self.recording = False
        self.hotcount = [HOTCOUNT_INIT] * HOTCOUNT_SIZE
        self.hot_reset = HOTCOUNT_RESET
        self.finalized = set()
        self.gc_threshold = 1 << 62
        self.gc_stress = False
        self.registry = self.new_table(0, 2)
        self.globals = self.new_table(0, 6)
        self.main = self.new_thread(main=True)
        self.current = self.main
        from .gc import Collector
        self.gc = Collector(self)

    # -- GC bookkeeping ---------------------------------------------------------------

    def gc_register(self, q, lst):
        lst.add(q)

    def barrier_table(self, t):
        """Stop-the-world collection at safepoints needs no write barriers."""

    def gc_check(self, th, top):
        """A safepoint with allocation debt: collect (see gc.py). top: th's live extent."""
        self.gc.current_top = top
        try:
            self.gc.collect()
        finally:
            self.gc.current_top = None
        if self.gc_stress:
            self.gc_threshold = 0

    def set_gc_stress(self, on=True):
        """Collect at every safepoint (for testing the collector)."""
        self.gc_stress = on
        self.gc_threshold = 0 if on else self.arena.total

    # -- Hooks: debug hooks and hot counting ------------------------------------------------

    def set_hook(self, hook):
        """Install a debug hook object (hooks.Hook) or None. The interpreter switches to
        its hooked variant at the next builtin return or call boundary."""
        self.hook = hook
        self._update_loop_mode()

    def need_jit(self):
        """The attached trace compiler, made by jit_factory when there is none yet."""
        if self.jit is None and self.jit_factory is not None:
            self.jit_factory(self)
        return self.jit

    def attach_jit(self, jit):
        """Attach a trace compiler: hot loops and calls are reported to jit.hot_loop /
        jit.hot_call (LuaJIT's counting: 64 shared counters, start 111, -2 per loop
        iteration, -1 per call)."""
        self.jit = jit
        self.hotcount[:] = [HOTCOUNT_INIT] * HOTCOUNT_SIZE
        self._update_loop_mode()

    def set_hotloop(self, n):
        """The hotloop parameter: counters restart at 2n-1 (lj_dispatch_init_hotcount)."""
        self.hot_reset = 2 * n
        self.hotcount[:] = [max(2 * n - 1, 0)] * HOTCOUNT_SIZE

    def set_recording(self, on):
        """The trace compiler records: every instruction goes to it first (no hot
        counting meanwhile, as LuaJIT's recording dispatch)."""
        self.recording = bool(on)
        self._update_loop_mode()

    def _update_loop_mode(self):
        mode = 1 if self.hook is not None else 0
        if self.recording:
            mode |= 4
        elif self.jit is not None:
            mode |= 2
        self.loop_mode = mode

    def hot_loop(self, th, fn, base, pc):
        """A loop's counter went below zero (lj_trace_hot)."""
        self.hotcount[(fn.p.hotbase + pc) & (HOTCOUNT_SIZE - 1)] = self.hot_reset
        if self.jit is not None:
            self.jit.hot_loop(th, fn, base, pc)

    def hot_call(self, th, fn, base):
        self.hotcount[fn.p.hotbase & (HOTCOUNT_SIZE - 1)] = self.hot_reset
        if self.jit is not None:
            self.jit.hot_call(th, fn, base)

    def gc_control(self, opt, data):
        """collectgarbage(opt, data); the collector itself lives in gc.py."""
        r = self.gc.control(opt, data)
        if r is True or r is False:
            return TRUE if r else FALSE
        return r

    def patch_op(self, p, pc, op):
        """Rewrite the opcode byte of instruction pc in the arena's copy of a prototype."""
        self.B[p.addr - self.base + SIZEOF_GCPROTO + 4 * pc] = op

    def _new_gco(self, size, gct):
        off = self.arena.alloc(size)
        self.B[off + 8] = self.gc_white
        self.B[off + 9] = gct
        return off

    # -- Strings ---------------------------------------------------------------------------

    def str(self, b: bytes) -> int:
        """The interned string for `b`, as a TValue."""
        tv = self.str_by_bytes.get(b)
        if tv is not None:
            return tv
        n = len(b)
        size = SIZEOF_GCSTR + ((n + 4) & ~3)
        off = self._new_gco(size, T_STR)
        I = self.I
        i = off >> 2
        I[i + 3] = self.next_sid & 0xFFFFFFFF
        self.next_sid += 1
        I[i + 4] = hash(b) & 0xFFFFFFFF
        I[i + 5] = n
        if n:
            self.B[off + 24:off + 24 + n] = b
        tv = STR | (self.base + off)
        self.str_by_bytes[b] = tv
        self.str_by_tv[tv] = b
        self.gc_objs[off >> 3] = ("str", size)
        return tv

    def sbytes(self, tv: int) -> bytes:
        """The bytes of a string TValue."""
        return self.str_by_tv[tv]

    # -- Tables ---------------------------------------------------------------------------------

    def new_table(self, narr=0, nhash=0) -> int:
        """lua_createtable: a table TValue sized for narr array items and nhash keys."""
        t = tab.new_table(self, narr + 1 if narr else 0, tab.hsize2hbits(nhash))
        return TAB | (self.base + (t << 3))

    def tq(self, tv: int) -> int:
        """Qword index of a GC object from its TValue."""
        return ((tv & PAYLOAD) - self.base) >> 3

    def rawget(self, t_tv: int, key: int) -> int:
        return tab.get(self, self.tq(t_tv), key)

    def rawset(self, t_tv: int, key, value):
        """t[key] = value without metamethods; key and value are TValues or floats."""
        if key.__class__ is float:
            key = self.num(key)
        i = tab.slot(self, self.tq(t_tv), key)
        if value.__class__ is float:
            if value == value:
                self.D[i] = value
            else:
                self.Q[i] = 0xFFF8000000000000
        else:
            self.Q[i] = value

    def rawgets(self, t_tv: int, name: bytes) -> int:
        return tab.get_str(self, self.tq(t_tv), self.str(name))

    def rawsets(self, t_tv: int, name: bytes, value):
        self.rawset(t_tv, self.str(name), value)

    def getmetatable(self, v: int) -> int:
        """The metatable of any value, as a TValue (NIL when none)."""
        tag = v >> TAG_BITS
        if tag == 0x1FFF4 or tag == 0x1FFF3:   # table, userdata: metatable @32
            mt = self.Q[(((v & PAYLOAD) - self.base) >> 3) + 4]
            return TAB | mt if mt else NIL
        if v < 0xFFF9000000000000:
            return self.basemt.get("number", NIL)
        return self.basemt.get(tag, NIL)

    def setmetatable_raw(self, v: int, mt: int):
        q = ((v & PAYLOAD) - self.base) >> 3
        self.Q[q + 4] = 0 if mt == NIL else (mt & PAYLOAD)
        if v >> TAG_BITS == 0x1FFF4:
            self.B[(q << 3) + 10] = 0      # nomm: the cache starts over

    # -- Numbers -----------------------------------------------------------------------------------

    @staticmethod
    def num(n: float) -> int:
        """The TValue bits of a number."""
        if n != n:
            return 0xFFF8000000000000
        return _unpack_q(_pack_d(n))[0]

    @staticmethod
    def bool(b) -> int:
        return TRUE if b else FALSE

    # -- Prototypes and closures --------------------------------------------------------------------

    def load_proto(self, proto: Proto) -> PInfo:
        """Put a compiled prototype (and its children) into the arena."""
        size = SIZEOF_GCPROTO + 4 * len(proto.code)
        off = self._new_gco(size, T_PROTO)
        addr = self.base + off
        B, I = self.B, self.I
        B[off + 10] = proto.numparams
        B[off + 11] = proto.framesize
        I[(off + 12) >> 2] = len(proto.code)
        I[(off + 48) >> 2] = len(proto.kgc)
        I[(off + 52) >> 2] = len(proto.kn)
        B[off + 60] = len(proto.uv)
        B[off + 61] = proto.flags
        I[(off + 72) >> 2] = proto.firstline & 0xFFFFFFFF     # ~0 marks a bytecode builtin
        I[(off + 76) >> 2] = proto.numline
        bc = off + SIZEOF_GCPROTO
        self.B[bc:bc + 4 * len(proto.code)] = struct.pack("<%dI" % len(proto.code), *proto.code)
        self.Q[(off + 64) >> 3] = self.str(proto.chunkname) & PAYLOAD
        p = PInfo(proto, addr)
        self.protos[addr] = p
        self.gc_objs[off >> 3] = ("proto", size)
        p.kgc = [self._kgc_value(k) for k in proto.kgc]
        p.code = [decode(self, proto, pc, ins, p.kgc) for pc, ins in enumerate(proto.code)]
        return p

    def _kgc_value(self, k):
        if isinstance(k, bytes):
            return self.str(k)
        if isinstance(k, Proto):
            return PROTO | self.load_proto(k).addr
        if isinstance(k, TemplateTable):
            return self.template_table(k)
        raise TypeError(k)

    def template_table(self, tt: TemplateTable) -> int:
        """Replay how LuaJIT's parser built a TDUP template."""
        t = tab.new_table(self, tt.asize, tt.hbits)
        for key, value in tt.sets:
            kv = self.py2tv(key)
            vv = TAB | (self.base + (t << 3)) if value is TemplateTable.DUMMY else self.py2tv(value)
            self.Q[tab.slot(self, t, kv)] = vv
        if tt.reasize is not None and tab.asize_of(self, t) < tt.reasize + 1:
            tab.reasize(self, t, tt.reasize)
        me = TAB | (self.base + (t << 3))
        hmask = tab.hmask_of(self, t)
        n0 = tab.node_index(self, t)
        Q = self.Q
        for i in range(hmask + 1):
            if Q[n0 + 3 * i] == me:
                Q[n0 + 3 * i] = NIL
        return me

    def py2tv(self, v) -> int:
        """A constant from the compiler (None/bool/float/bytes) as a TValue."""
        if v is None:
            return NIL
        if v is True:
            return TRUE
        if v is False:
            return FALSE
        if isinstance(v, float):
            return self.num(v)
        if isinstance(v, int):
            return self.num(float(v))
        return self.str(v)

    def new_lfunc(self, p: PInfo, uvs, env: int) -> int:
        """A Lua closure over prototype p with upvalue objects `uvs` (qword indices)."""
        n = len(uvs)
        size = SIZEOF_GCFUNC_L + 8 * n
        off = self._new_gco(size, T_FUNC)
        B, Q = self.B, self.Q
        q = off >> 3
        B[off + 10] = FF_LUA
        B[off + 11] = n
        Q[q + 2] = env & PAYLOAD
        Q[q + 4] = p.addr + SIZEOF_GCPROTO
        # The prototype's saturating count of created closures (PROTO_CLCOUNT units in
        # its flags byte): the trace recorder specialises to the prototype when it is high.
        fo = p.addr - self.base + 61
        count = B[fo] + 0x20
        B[fo] = (count - ((count >> 3) & 0x20)) & 0xFF
        base = self.base
        for i, u in enumerate(uvs):
            Q[q + 5 + i] = base + (u << 3)
        tv = FUNC | (base + off)
        self.funcs[tv] = LFunc(tv, p, uvs, q)
        self.gc_objs[q] = ("func", size)
        return tv

    def new_cfunc(self, f, name: str, ffid=FF_C, nupvalues=0, env=None) -> int:
        size = SIZEOF_GCFUNC_C + 8 * nupvalues
        off = self._new_gco(size, T_FUNC)
        B, Q = self.B, self.Q
        q = off >> 3
        B[off + 10] = ffid
        B[off + 11] = nupvalues
        Q[q + 2] = (self.globals if env is None else env) & PAYLOAD
        for i in range(nupvalues):
            Q[q + 6 + i] = NIL
        tv = FUNC | (self.base + off)
        self.funcs[tv] = CFunc(tv, f, name, ffid)
        self.gc_objs[q] = ("func", size)
        return tv

    def cfunc_upvalue(self, func_tv: int, i: int) -> int:
        """Slot qword index of upvalue i of a builtin closure."""
        return self.tq(func_tv) + 6 + i

    def func_env(self, func_tv: int) -> int:
        return TAB | self.Q[self.tq(func_tv) + 2]

    def new_upval_open(self, th: Thread, slot: int) -> int:
        """func_finduv: the open upvalue for a stack slot (qword index), created if needed."""
        u = th.open_uv.get(slot)
        if u is not None:
            return u
        off = self._new_gco(SIZEOF_GCUPVAL, T_UPVAL)
        u = off >> 3
        self.Q[u + 4] = self.base + (slot << 3)       # v -> the stack slot
        th.open_uv[slot] = u
        self.gc_objs[u] = ("upval", SIZEOF_GCUPVAL)
        return u

    def new_upval_closed(self, value: int) -> int:
        off = self._new_gco(SIZEOF_GCUPVAL, T_UPVAL)
        u = off >> 3
        Q = self.Q
        Q[u + 2] = value
        Q[u + 4] = self.base + off + 16
        self.B[off + 10] = 1
        self.gc_objs[u] = ("upval", SIZEOF_GCUPVAL)
        return u

    def close_upvals(self, th: Thread, level: int):
        """lj_func_closeuv: close the thread's open upvalues at slots >= level."""
        open_uv = th.open_uv
        if not open_uv:
            return
        Q = self.Q
        base = self.base
        for slot in [s for s in open_uv if s >= level]:
            u = open_uv.pop(slot)
            Q[u + 2] = Q[slot]
            Q[u + 4] = base + ((u + 2) << 3)
            self.B[(u << 3) + 10] = 1

    # -- Threads ---------------------------------------------------------------------------------

    def new_thread(self, main=False) -> Thread:
        off = self._new_gco(SIZEOF_LUA_STATE, T_THREAD)
        q = off >> 3
        size = LJ_STACK_START + LJ_STACK_EXTRA
        soff = self.arena.alloc(8 * size)
        s = soff >> 3
        Q = self.Q
        tv = THREAD | (self.base + off)
        Q[s:s + size] = tab._nils(size)
        Q[s] = tv
        Q[q + 7] = self.base + soff                 # stack
        Q[q + 6] = self.base + soff + 8 * (size - LJ_STACK_EXTRA - 1)   # maxstack
        self.I[(off + 88) >> 2] = size
        th = Thread(tv, q, s, size)
        th.env = getattr(self, "globals", NIL)
        Q[q + 9] = th.env & PAYLOAD if th.env != NIL else 0
        self.threads[tv] = th
        self.gc_objs[q] = ("thread", SIZEOF_LUA_STATE)
        if main:
            th.status = "running"
        return th

    def grow_stack(self, th: Thread, need: int):
        """lj_state_growstack: reallocate the stack; everything pointing into it moves.

        Past the limit it raises StackOverflow, after opening room above the limit
        for the error handler, as LuaJIT does (a second overflow before the error is
        caught is "error in error handling"); relimit_stack takes the room back.
        That room is allocated with the stack, so an overflow never moves it.
        """
        size = th.size
        if size > STACK_CAP:
            raise StackOverflow(in_handler=True)
        n = size + need
        if n > LUAI_MAXSTACK:
            extended = n + 2 * LUA_MINSTACK + 1 + LJ_STACK_EXTRA
            if extended <= th.capacity:
                self._set_stack_size(th, extended)
            raise StackOverflow()
        newsize = max(n, min(2 * size, STACK_CAP))
        capacity = newsize + STACK_RESERVE if newsize >= STACK_CAP else newsize
        A = self.arena
        Q = self.Q
        soff = A.alloc(8 * capacity)
        s = soff >> 3
        old = th.stack
        Q[s:s + size] = Q[old:old + size]
        Q[s + size:s + capacity] = tab._nils(capacity - size)
        A.free(old << 3, 8 * th.capacity)
        delta = s - old
        th.stack = s
        th.capacity = capacity
        Q[th.q + 7] = self.base + soff
        self._set_stack_size(th, newsize)
        if th.open_uv:
            moved = {}
            for slot, u in th.open_uv.items():
                moved[slot + delta] = u
                Q[u + 4] = self.base + ((slot + delta) << 3)
            th.open_uv = moved
        return delta

    def relimit_stack(self, th: Thread, top: int):
        """lj_state_relimitstack: after a caught error, give back the room an overflow
        opened for its handler (when the live part of the stack, below slot `top`,
        fits under the limit)."""
        if th.size > STACK_CAP and top - th.stack < LUAI_MAXSTACK - 1:
            self.Q[th.stack + STACK_CAP:th.stack + th.size] = tab._nils(th.size - STACK_CAP)
            self._set_stack_size(th, STACK_CAP)

    def _set_stack_size(self, th: Thread, size: int):
        th.size = size
        self.Q[th.q + 6] = self.base + ((th.stack + size - LJ_STACK_EXTRA - 1) << 3)  # maxstack
        self.I[((th.q << 3) + 88) >> 2] = size

    # -- Userdata ----------------------------------------------------------------------------------

    def new_udata(self, payload, size=0, udtype=0, mt=NIL) -> int:
        off = self._new_gco(SIZEOF_GCUDATA + size, T_UDATA)
        q = off >> 3
        self.B[off + 10] = udtype
        self.I[(off + 24) >> 2] = size
        self.Q[q + 2] = self.globals & PAYLOAD
        self.Q[q + 4] = 0 if mt == NIL else mt & PAYLOAD
        tv = UDATA | (self.base + off)
        self.udata[tv] = payload
        self.gc_objs[q] = ("udata", SIZEOF_GCUDATA + size)
        return tv

    def close(self):
        """Release the arena (no Lua code runs; see close_state)."""
        self.arena.close()

    def close_state(self):
        """lua_close, as the standalone interpreter does at exit: the pending finalisers
        run, the standard output is flushed, then the arena is released."""
        try:
            self.gc.finalize_all()
            out = getattr(self, "stdout", None)
            if out is not None:
                out.flush()
        finally:
            self.close()


class StackOverflow(Exception):
    """The Lua stack cannot grow any more. in_handler: it overflowed again while the
    room opened by an overflow was in use (LuaJIT's LUA_ERRERR)."""

    def __init__(self, in_handler=False):
        super().__init__("stack overflow")
        self.in_handler = in_handler


# -- Decoding instructions for the interpreter -------------------------------------------------

_PRI = (NIL, FALSE, TRUE)
_M_JUMP, _M_STR, _M_NUM, _M_LITS, _M_PRI, _M_TAB, _M_FUNC = (
    MODE["jump"], MODE["str"], MODE["num"], MODE["lits"], MODE["pri"], MODE["tab"], MODE["func"])


def decode(vm, proto, pc, ins, kgc):
    """An instruction as (op, a, b, c, d) with its C/D operand resolved by mode.

    Jumps become absolute target pcs; string, table and function operands their
    TValue (functions: the PInfo); numbers their float (TSETM: its first index);
    KSHORT its float; primitives their TValue. AD-format instructions have b = 0.
    d is the sid of a string operand (its table hash), else 0.
    """
    op = ins & 0xFF
    a = (ins >> 8) & 0xFF
    if MODE_B[op]:
        b = ins >> 24
        c = (ins >> 16) & 0xFF
    else:
        b = 0
        c = ins >> 16
    m = MODE_CD[op]
    if m == _M_JUMP:
        c = pc + 1 + c - BCBIAS_J
    elif m == _M_STR or m == _M_TAB:
        c = kgc[c]
    elif m == _M_NUM:
        c = int(proto.kn[c] - 2.0 ** 52) if op == BC_TSETM else proto.kn[c]
    elif m == _M_LITS:
        c = float(c - 0x10000 if c >= 0x8000 else c)
    elif m == _M_PRI:
        c = _PRI[c]
    elif m == _M_FUNC:
        c = vm.protos[kgc[c] & PAYLOAD]
    d = 0
    if m == _M_STR:
        d = vm.I[((c & PAYLOAD) - vm.base + 12) >> 2]     # the string's sid (hash slot)
    return (op, a, b, c, d)
