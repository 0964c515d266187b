"""The IR buffer of the trace being recorded: LuaJIT's linear IR array (lj_ir.c).

Instructions live at references REF_FIRST and up, constants at REF_BIAS-1 and down;
a reference is an index into parallel lists (o, t, op1, op2, prev, sink), so the
optimisers index them directly as LuaJIT does. The buffer is allocated once per
JIT state and reused for every trace; a finished trace keeps a compact copy
(IRTrace below). 64-bit constants take two slots, as on LuaJIT's GC64 builds, so
the constant limit (maxirconst) is reached at the same point; their values are in
`kval`.

Tagged references (TRef) are ints: irt << 24 | flags | ref, as in the recorder.
"""

import struct

from .ir import (
    IR, IRNAMES, IRT, IRT_GUARD, IRT_TYPE, REF_BASE, REF_BIAS, REF_FALSE, REF_FIRST, REF_NIL,
    REF_TRUE, TREF_REFMASK,
)

SIZE = 0x10000

IR_KPRI, IR_KINT, IR_KGC, IR_KPTR, IR_KKPTR, IR_KNULL, IR_KNUM, IR_KINT64, IR_KSLOT = (
    IR[n] for n in ("KPRI", "KINT", "KGC", "KPTR", "KKPTR", "KNULL", "KNUM", "KINT64",
                    "KSLOT"))
IR_BASE = IR["BASE"]
IRT_NIL, IRT_FALSE, IRT_TRUE = IRT["NIL"], IRT["FALSE"], IRT["TRUE"]
IRT_NUM, IRT_INT, IRT_I64, IRT_P32, IRT_P64 = (
    IRT["NUM"], IRT["INT"], IRT["I64"], IRT["P32"], IRT["P64"])


# -- Typed instruction and reference helpers (lj_ir.h macros) ----------------------------

def IRTYPE(o, t):
    """The 16-bit 'ot' of an instruction: opcode << 8 | type byte."""
    return (o << 8) | t


def IRTG(o, t):
    return (o << 8) | t | IRT_GUARD


def TREF(ref, t):
    return ((t & IRT_TYPE) << 24) | ref


def tref_ref(tr):
    return tr & TREF_REFMASK


def tref_t(tr):
    return (tr >> 24) & IRT_TYPE


def tref_isk(tr):
    return (tr & TREF_REFMASK) < REF_BIAS


def tref_isk2(a, b):
    return (a & TREF_REFMASK) < REF_BIAS and (b & TREF_REFMASK) < REF_BIAS


TREF_NIL = TREF(REF_NIL, IRT_NIL)
TREF_FALSE = TREF(REF_FALSE, IRT_FALSE)
TREF_TRUE = TREF(REF_TRUE, IRT_TRUE)


def TREF_PRI(t):
    return TREF(REF_NIL - t, t)


def num_bits(x: float) -> int:
    return struct.unpack("<Q", struct.pack("<d", x))[0]


def bits_num(u: int) -> float:
    return struct.unpack("<d", struct.pack("<Q", u & 0xFFFFFFFFFFFFFFFF))[0]


def num2int(x: float) -> int:
    """lj_num2int on x64 (cvttsd2si): truncation; NaN and out of range give INT32_MIN."""
    if x != x or not -2147483649.0 < x < 2147483648.0:
        return -0x80000000
    return int(x)


def numistrueint(x: float):
    """The int32 value of x when x is one (-0 is not), else None."""
    k = num2int(x)
    if x == k and not (k == 0 and num_bits(x) >> 63):
        return k
    return None


def i32(x: int) -> int:
    """Wrap to a signed 32-bit integer."""
    x &= 0xFFFFFFFF
    return x - 0x100000000 if x & 0x80000000 else x


class IRBuf:
    """LuaJIT's J->cur IR plus J->chain: instructions, constants, per-op chains."""

    def __init__(self):
        self.o = [0] * SIZE
        self.t = [0] * SIZE
        self.op1 = [0] * SIZE
        self.op2 = [0] * SIZE
        self.prev = [0] * SIZE
        # 1: sunk by SINK (opt_sink.py); LuaJIT keeps RID_SINK in prev after the pass
        self.sink = [0] * SIZE
        self.kval = {}          # ref -> value of KNUM (float), KINT64 (int), KGC (TValue), KPTR
        self.kbits = {}         # ref -> bit pattern of a KNUM/KINT64 (-0 and NaNs differ)
        self.chain = [0] * len(IRNAMES)
        self.nk = REF_BIAS
        self.nins = REF_BIAS
        self.guardemit = 0      # type bits of all emitted instructions (guard bit for trace)

    def reset(self, parent=0, exitno=0):
        """Start a new trace: BASE, then the three KPRI constants (lj_record_setup)."""
        self.chain = [0] * len(IRNAMES)
        self.kval = {}
        self.kbits = {}
        self.guardemit = 0
        self.nins = REF_BASE
        self.nk = REF_BIAS
        self.emit_raw(IRTYPE(IR_BASE, IRT_P64), parent, exitno)
        for i in range(3):
            ref = REF_NIL - i
            self.o[ref] = IR_KPRI
            self.t[ref] = IRT_NIL + i
            self.op1[ref] = self.op2[ref] = self.prev[ref] = 0
        self.nk = REF_TRUE

    # -- Emitting ------------------------------------------------------------------------

    def emit_raw(self, ot, a, b):
        """lj_ir_emit: append an instruction without optimisation; returns its TRef."""
        ref = self.nins
        self.nins = ref + 1
        o = ot >> 8
        t = ot & 0xFF
        self.o[ref] = o
        self.t[ref] = t
        self.op1[ref] = a
        self.op2[ref] = b
        self.prev[ref] = self.chain[o]
        self.sink[ref] = 0
        self.chain[o] = ref
        self.guardemit |= t
        return TREF(ref, t)

    def rollback(self, ref):
        """lj_ir_rollback: drop the instructions from ref on."""
        nins = self.nins
        while nins > ref:
            nins -= 1
            self.chain[self.o[nins]] = self.prev[nins]
        self.nins = nins

    # -- Constants -----------------------------------------------------------------------

    def _newk(self, o, t, a, b, size=1):
        ref = self.nk - size
        self.nk = ref
        self.o[ref] = o
        self.t[ref] = t
        self.op1[ref] = a
        self.op2[ref] = b
        self.prev[ref] = self.chain[o]
        self.chain[o] = ref
        return ref

    def kint(self, k: int):
        """lj_ir_kint: an int32 constant (k is wrapped to 32 bits)."""
        k = i32(k)
        ref = self.chain[IR_KINT]
        while ref:
            if self.kval[ref] == k:
                return TREF(ref, IRT_INT)
            ref = self.prev[ref]
        ref = self._newk(IR_KINT, IRT_INT, 0, 0)
        self.kval[ref] = k
        return TREF(ref, IRT_INT)

    def k64(self, o, u64: int):
        """lj_ir_k64: a 64-bit constant by bit pattern (KNUM or KINT64), two slots."""
        t = IRT_NUM if o == IR_KNUM else IRT_I64
        bits = self.kbits
        ref = self.chain[o]
        while ref:
            if bits.get(ref) == u64:
                return TREF(ref, t)
            ref = self.prev[ref]
        ref = self._newk(o, t, 0, 0, 2)
        bits[ref] = u64
        self.kval[ref] = bits_num(u64) if o == IR_KNUM else u64
        return TREF(ref, t)

    def knum(self, x: float):
        return self.k64(IR_KNUM, num_bits(x))

    def knumint(self, x: float):
        """lj_ir_knumint: an int constant when x is a true int32, else a number."""
        k = numistrueint(x)
        return self.kint(k) if k is not None else self.knum(x)

    def kint64(self, u64: int):
        return self.k64(IR_KINT64, u64 & 0xFFFFFFFFFFFFFFFF)

    def kgc(self, tv: int, t: int):
        """lj_ir_kgc: a GC object constant (its TValue), two slots on GC64."""
        ref = self.chain[IR_KGC]
        while ref:
            if self.kval[ref] == tv:
                return TREF(ref, t)
            ref = self.prev[ref]
        ref = self._newk(IR_KGC, t, 0, 0, 2)
        self.kval[ref] = tv
        return TREF(ref, t)

    def kptr(self, addr: int, o=IR_KPTR):
        """lj_ir_kptr_: a pointer constant (KPTR or KKPTR), two slots on GC64."""
        ref = self.chain[o]
        while ref:
            if self.kval[ref] == addr:
                return TREF(ref, IRT_P64)
            ref = self.prev[ref]
        ref = self._newk(o, IRT_P64, 0, 0, 2)
        self.kval[ref] = addr
        return TREF(ref, IRT_P64)

    def knull(self, t: int):
        ref = self.chain[IR_KNULL]
        while ref:
            if self.t[ref] & IRT_TYPE == t:
                return TREF(ref, t)
            ref = self.prev[ref]
        ref = self._newk(IR_KNULL, t, 0, 0)
        self.kval[ref] = 0
        return TREF(ref, t)

    def kslot(self, key, slot: int):
        """lj_ir_kslot: a constant key plus a hash slot number (for HREFK)."""
        key &= TREF_REFMASK
        ref = self.chain[IR_KSLOT]
        while ref:
            if self.op1[ref] == key and self.op2[ref] == slot:
                return TREF(ref, IRT_P32)
            ref = self.prev[ref]
        ref = self._newk(IR_KSLOT, IRT_P32, key, slot)
        return TREF(ref, IRT_P32)

    def ktrace(self):
        """lj_ir_ktrace: a placeholder for the trace object itself (no interning)."""
        ref = self.nk - 2
        self.nk = ref
        self.o[ref] = IR_KNUM       # not KGC yet, but the same size
        self.t[ref] = IRT_P64
        self.op1[ref] = self.op2[ref] = self.prev[ref] = 0
        self.kval[ref] = 0
        return TREF(ref, IRT_P64)

    # -- Reading -------------------------------------------------------------------------

    def kvalue(self, ref):
        """The value of a constant: float, int, TValue, address; KPRI: its type."""
        if self.o[ref] == IR_KPRI:
            return self.t[ref] & IRT_TYPE
        return self.kval[ref]

    def nconst(self):
        """How many slots the constants use (the maxirconst measure)."""
        return REF_BIAS - self.nk

    def ninstr(self):
        """How many instructions after BASE (the maxrecord measure)."""
        return self.nins - REF_FIRST
