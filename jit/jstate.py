"""The JIT compiler's state: LuaJIT's jit_State, the part the recorder and the
optimisers share (lj_jit.h). One JitState per VM.
"""

from .irbuf import IRBuf
from .params import OPT_DEFAULT, PARAM_DEFAULTS

# Trace compiler states (TraceState).
TRACE_IDLE = 0
TRACE_ACTIVE = 0x10
TRACE_RECORD = 0x11
TRACE_RECORD_1ST = 0x12
TRACE_START = 0x13
TRACE_END = 0x14
TRACE_ASM = 0x15
TRACE_ERR = 0x16

# Post-processing after the interpreter ran an instruction (PostProc).
POST_NONE, POST_FIXCOMP, POST_FIXGUARD, POST_FIXGUARDSNAP, POST_FIXBOOL, POST_FIXCONST, \
    POST_FFRETRY = range(7)

LJ_MAX_JSLOTS = 250
LJ_STACK_EXTRA = 5 + 2          # GC64: LUA_MINSTACK-ish slack above the recorded slots


class Ins:
    """One IR instruction as a value: the fold engine's fins, fleft and fright."""

    __slots__ = ("o", "t", "op1", "op2", "i", "k")

    def __init__(self, o=0, t=0, op1=0, op2=0):
        self.o = o
        self.t = t
        self.op1 = op1
        self.op2 = op2
        self.i = 0          # KINTFOLD result
        self.k = None       # value of a constant operand (number, int, TValue ...)

    def set(self, ot, a, b):
        """lj_ir_set: the instruction to fold next."""
        self.o = ot >> 8
        self.t = ot & 0xFF
        self.op1 = a
        self.op2 = b

    @property
    def ot(self):
        return (self.o << 8) | self.t


class JitState:
    """jit_State: the current trace's IR and the recorder's frame and loop state."""

    def __init__(self):
        self.cur = IRBuf()
        self.fins = Ins()
        self.fleft = Ins()
        self.fright = Ins()
        self.flags = set(OPT_DEFAULT)     # optimisation flags that are on
        self.param = dict(PARAM_DEFAULTS)
        self.state = TRACE_IDLE
        self.on = True
        # Recording state, set up per trace by the recorder.
        self.slot = [0] * (LJ_MAX_JSLOTS + LJ_STACK_EXTRA)
        self.baseslot = 0
        self.maxslot = 0
        self.framedepth = 0
        self.retdepth = 0
        self.loopref = 0
        self.mergesnap = 0
        self.needsnap = 0
        self.bcskip = 0
        self.postproc = POST_NONE
        self.instunroll = 0
        self.loopunroll = 0
        self.tailcalled = 0
        self.parent = 0
        self.exitno = 0
        self.errinfo = None
        self.bpropcache = []            # (key, val, mode) of narrowing back-propagation
        self.scev = None                # scalar evolution of the current FORL (ScEvEntry)

    def opt(self, flag: str) -> bool:
        return flag in self.flags
