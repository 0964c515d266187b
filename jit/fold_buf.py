"""FOLD rules for string buffers (BUFHDR/BUFPUT/BUFSTR), as lj_opt_fold.c's.

A concatenation records BUFHDR RESET, one BUFPUT per piece and a BUFSTR. The rules
keep every BUFHDR (a loop's copy must reset the buffer again), turn "reset, put the
string just built" into an APPEND to the buffer that still holds it, join constant
puts, and CSE whole chains.
"""

from .fold import cse, emit, rule
from .ir import IR, IRT, IRT_ISPHI, REF_BIAS
from .ircall import IRCALL, IRCALL_NAMES

IR_BUFHDR, IR_BUFPUT, IR_BUFSTR, IR_CALLL, IR_CALLA, IR_KGC = (
    IR[n] for n in ("BUFHDR", "BUFPUT", "BUFSTR", "CALLL", "CALLA", "KGC"))
BUFHDR_RESET, BUFHDR_APPEND, BUFHDR_WRITE = 0, 1, 2
CALL_REVERSE = IRCALL["lj_buf_putstr_reverse"]
CALL_REP = IRCALL["lj_buf_putstr_rep"]
CALL_PUTTAB = IRCALL["lj_buf_puttab"]
IRT_STR = IRT["STR"]


@rule("BUFHDR any any")
def bufhdr_merge(J):
    return cse(J) if J.fins.op2 == BUFHDR_WRITE else emit(J)


@rule("BUFPUT any BUFSTR")
def bufput_bufstr(J):
    if "fwd" in J.flags:
        cur = J.cur
        fins = J.fins
        hdr = cur.op2[fins.op2]
        ref = fins.op1
        # A new buffer, no other buffer op in between, the same buffer: append.
        if (cur.o[ref] == IR_BUFHDR and cur.op2[ref] == BUFHDR_RESET and
                cur.prev[ref] == hdr and cur.op1[ref] == cur.op1[hdr] and
                not (cur.t[fins.op2] & IRT_ISPHI and cur.prev[hdr]) and
                cur.chain[IR_CALLA] < hdr):
            cur.op2[ref] = BUFHDR_APPEND
            cur.op1[ref] = cur.op1[fins.op2]
            return ref
        replay = _replay_put(J, hdr)
        if replay is not None:
            return replay
    return emit(J)


def _replay_put(J, hdr):
    """A single string.reverse/lower/upper/rep into the temporary buffer: call it again
    on the new buffer instead of copying its result."""
    cur = J.cur
    fins = J.fins
    if cur.op2[hdr] != BUFHDR_RESET or cur.t[fins.op2] & IRT_ISPHI:
        return None
    call = cur.op1[fins.op2]
    if cur.o[call] != IR_CALLL or not CALL_REVERSE <= cur.op2[call] <= CALL_REP:
        return None
    carg1 = cur.op1[call]
    if cur.op2[call] == CALL_REP:
        carg2 = cur.op1[carg1]
        if cur.op1[carg2] == hdr:
            return J.ir_call(IRCALL_NAMES[cur.op2[call]], fins.op1, cur.op2[carg2],
                             cur.op2[carg1])
    elif cur.op1[carg1] == hdr:
        return J.ir_call(IRCALL_NAMES[cur.op2[call]], fins.op1, cur.op2[carg1])
    return None


@rule("BUFPUT any any")
def bufput_kgc(J):
    cur = J.cur
    fins = J.fins
    if "fold" in J.flags and cur.o[fins.op2] == IR_KGC:
        s2 = J.vm.str_by_tv[cur.kval[fins.op2]]
        if not s2:
            return fins.op1                     # putting an empty string
        left = fins.op1
        if (cur.o[left] == IR_BUFPUT and cur.op2[left] < REF_BIAS and
                not cur.t[left] & IRT_ISPHI):
            # two constant puts in a row: one put of both
            s1 = J.vm.str_by_tv[cur.kval[cur.op2[left]]]
            cur.op2[left] = cur.kgc(J.vm.str(s1 + s2), IRT_STR) & 0xFFFF
            return left
    return emit(J)


@rule("BUFSTR any any")
def bufstr_kfold_cse(J):
    cur = J.cur
    fins = J.fins
    left = fins.op1
    if "fold" in J.flags:
        if cur.o[left] == IR_BUFHDR:
            if cur.op2[left] == BUFHDR_RESET:
                return cur.kgc(J.vm.str(b""), IRT_STR) & 0xFFFF   # an empty buffer
            fins.op1 = cur.op1[left]
            fins.op2 = cur.prev[left]
            return cse(J)
        if cur.o[left] == IR_BUFPUT:
            hdr = cur.op1[left]
            if cur.o[hdr] == IR_BUFHDR and cur.op2[hdr] == BUFHDR_RESET:
                return cur.op2[left]            # a single put: its string
    if "cse" in J.flags:
        found = _cse_chain(cur, left)
        if found:
            return found
    return emit(J)


def _cse_chain(cur, left):
    """An earlier BUFSTR built by an identical chain of puts from a reset, or 0."""
    ref = cur.chain[IR_BUFSTR]
    while ref:
        a, b = left, cur.op1[ref]
        while cur.o[a] == cur.o[b] and cur.op2[a] == cur.op2[b]:
            if cur.o[a] == IR_BUFHDR and cur.op2[a] == BUFHDR_RESET:
                return ref
            if cur.o[a] == IR_CALLL and cur.op2[a] == CALL_PUTTAB:
                break
            a, b = cur.op1[a], cur.op1[b]
        ref = cur.prev[ref]
    return 0
