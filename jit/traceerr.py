"""Trace errors: LuaJIT 2.1's ids and message texts, the one table (lj_traceerr.h).

The id is the index; it is what the "abort" trace event reports. %d/%s are filled
from the error's info (e.g. the bytecode number for NYIBC, as LuaJIT 2.1 prints it).
"""

TRACEERRDEF = (
    # Recording.
    ("RECERR", "error thrown or hook called during recording"),
    ("TRACEUV", "trace too short"),
    ("TRACEOV", "trace too long"),
    ("STACKOV", "trace too deep"),
    ("SNAPOV", "too many snapshots"),
    ("BLACKL", "blacklisted"),
    ("RETRY", "retry recording"),
    ("NYIBC", "NYI: bytecode %d"),
    # Recording loop ops.
    ("LLEAVE", "leaving loop in root trace"),
    ("LINNER", "inner loop in root trace"),
    ("LUNROLL", "loop unroll limit reached"),
    # Recording calls/returns.
    ("BADTYPE", "bad argument type"),
    ("CJITOFF", "JIT compilation disabled for function"),
    ("CUNROLL", "call unroll limit reached"),
    ("DOWNREC", "down-recursion, restarting"),
    ("NYIFFU", "NYI: unsupported variant of FastFunc %s"),
    ("NYIRETL", "NYI: return to lower frame"),
    # Recording indexed load/store.
    ("STORENN", "store with nil or NaN key"),
    ("NOMM", "missing metamethod"),
    ("IDXLOOP", "looping index lookup"),
    ("NYITMIX", "NYI: mixed sparse/dense table"),
    # Recording C data operations.
    ("NOCACHE", "symbol not in cache"),
    ("NYICONV", "NYI: unsupported C type conversion"),
    ("NYICALL", "NYI: unsupported C function type"),
    # Optimisations.
    ("GFAIL", "guard would always fail"),
    ("PHIOV", "too many PHIs"),
    ("TYPEINS", "persistent type instability"),
    # Assembler.
    ("MCODEAL", "failed to allocate mcode memory"),
    ("MCODEOV", "machine code too long"),
    ("MCODELM", "hit mcode limit (retrying)"),
    ("SPILLOV", "too many spill slots"),
    ("BADRA", "inconsistent register allocation"),
    ("NYIIR", "NYI: cannot assemble IR instruction %d"),
    ("NYIPHI", "NYI: PHI shuffling too complex"),
    ("NYICOAL", "NYI: register coalescing too complex"),
)

TRERR = {name: i for i, (name, _) in enumerate(TRACEERRDEF)}
TRACEERR_TEXT = tuple(text for _, text in TRACEERRDEF)


class TraceError(Exception):
    """Raised inside the recorder to abort the trace being recorded (lj_trace_err)."""

    def __init__(self, name, info=None):
        super().__init__(name)
        self.code = TRERR[name]
        self.info = info

    def message(self, info_text=None):
        """The text as jit/v.lua formats it: info (or info_text) fills %d/%s."""
        text = TRACEERR_TEXT[self.code]
        if "%" in text:
            return text % (info_text if info_text is not None else self.info)
        return text
