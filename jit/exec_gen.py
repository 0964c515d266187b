"""A trace as one Python function: the reference executor's fast form.

Executor.run interprets a trace's IR an instruction at a time through the EXEC
table. A trace that keeps running is turned into a Python function whose body is
its instructions in order, so the per-instruction dispatch disappears: the common
instructions (typed stack loads, number and integer arithmetic, comparisons,
conversions to number) are written out inline with exactly EXEC's semantics, and
every other one is a call of its EXEC function with the same arguments. A guard
that fails returns the exit's snapshot number, known when the code is made; an
EXEC function's TraceExit is caught around the body and mapped the same way.

Only traces whose loop has a LOOP section (or that do not loop) are made into
functions; a trace that re-runs without one (Executor.reset_values) stays
interpreted. tests/jit/test_exec_gen.py runs the corpus both ways.
"""

from ..vm.layout import CANON_NAN, NUM_LIMIT, PAYLOAD, TAG_BITS
from .ir import IR, IRT, IRT_GUARD, IRT_TYPE, REF_BIAS, REF_FIRST
from .irbuf import num2int


IR_LOOP, IR_PHI, IR_SLOAD, IR_CONV = IR["LOOP"], IR["PHI"], IR["SLOAD"], IR["CONV"]
IR_ABC, IR_AREF, IR_FLOAD, IR_HREFK = IR["ABC"], IR["AREF"], IR["FLOAD"], IR["HREFK"]
LOADS = frozenset(IR[n] for n in ("ALOAD", "HLOAD", "ULOAD"))
STORES = frozenset(IR[n] for n in ("ASTORE", "HSTORE", "USTORE"))
IRT_NUM, IRT_INT = IRT["NUM"], IRT["INT"]
ARITH = {IR["ADD"]: "+", IR["SUB"]: "-", IR["MUL"]: "*"}
OVERFLOW = {IR["ADDOV"]: "+", IR["SUBOV"]: "-", IR["MULOV"]: "*"}
# the comparison that fails the guard (EXEC's _cmp: numbers, and signed integers)
FAILS_IF = {IR["LT"]: "not (%s < %s)", IR["GE"]: "not (%s >= %s)",
            IR["LE"]: "not (%s <= %s)", IR["GT"]: "not (%s > %s)",
            IR["EQ"]: "not (%s == %s)", IR["NE"]: "%s == %s"}
# unordered comparisons of numbers: ULT is "not x >= y", so it fails when x >= y
FAILS_IF_UNORDERED = {IR["ULT"]: "%s >= %s", IR["UGE"]: "%s < %s",
                      IR["ULE"]: "%s > %s", IR["UGT"]: "%s <= %s"}
NOTHING = frozenset(IR[n] for n in ("NOP", "PHI", "USE", "PROF"))
SLOAD_SPECIAL = 0x02 | 0x40         # FRAME and KEYINDEX loads stay EXEC's


def can_generate(T):
    return not T.loops() or IR_LOOP in T.ir.xo


def generate(T, ex, exec_table):
    """The function run(ex, v, budget) -> exit snapshot number for trace T, made
    with the executor ex of its current run (its exit_for, constants and VM)."""
    lines, funcs = _body(T, ex, exec_table)
    src = "\n".join(lines)
    vm = ex.vm
    names = {"NUM_LIMIT": NUM_LIMIT, "num2int": num2int, "F": funcs,
             "TraceExit": _trace_exit(), "Q": vm.Q, "D": vm.D, "I": vm.I}
    exec(compile(src, "<trace %d>" % T.traceno, "exec"), names)
    run = names["run"]
    run.source = src                # for tests and debugging
    run.calls = funcs               # instruction index -> the EXEC function it calls
    return run


def _trace_exit():
    from .exec import TraceExit
    return TraceExit


def _body(T, ex, exec_table):
    ir = T.ir
    nk = ir.nk
    out = ["def run(ex, v, budget):",
           "    cur = 0",
           "    try:"]
    funcs = {}
    indent = "        "
    phis = []
    for ref in range(REF_FIRST, ir.nins):
        i = ref - nk
        op = ir.xo[i]
        if op == IR_LOOP:
            out.append(indent + "while True:")
            indent += "    "
            continue
        if op == IR_PHI:
            phis.append((ir.op1[i] - nk, ir.op2[i] - nk))
        code = _inline(ex, i, op, ex.exit_for(ref))
        if code is None:
            funcs[i] = exec_table[op]
            code = ["cur = %d" % ref,
                    "v[%d] = F[%d](ex, %d, %d, %d, %d)" % (i, i, ref, ir.t[i], ir.op1[i],
                                                        ir.op2[i])]
        out.extend(indent + c for c in code)
    out.append(indent + "if budget is not None:")
    out.append(indent + "    budget(%d)" % T.nbc)
    if not T.loops():
        out.append(indent + "return %d" % (len(T.snap) - 1))
    elif phis:
        left = ", ".join("v[%d]" % lref for lref, _ in phis)
        right = ", ".join("v[%d]" % rref for _, rref in phis)
        out.append(indent + "%s, = %s," % (left, right))
    out.append("    except TraceExit:")
    out.append("        return ex.exit_for(cur)")
    return out, funcs


def _inline(ex, i, op, snapno):
    """Statements doing instruction i as EXEC does, or None: call EXEC's function."""
    ir = ex.ir
    t = ir.t[i]
    tt = t & IRT_TYPE
    a, b = ir.op1[i] - ir.nk, ir.op2[i] - ir.nk
    fail = "return %d" % snapno
    if op in NOTHING:               # EXEC's x_nop: the value stays None
        return []
    if op == IR_SLOAD and not ir.op2[i] & SLOAD_SPECIAL:
        return _sload(i, t, tt, ir.op1[i], fail)
    if tt == IRT_NUM and op in ARITH:
        return ["v[%d] = v[%d] %s v[%d]" % (i, a, ARITH[op], b)]
    if tt == IRT_INT and op in ARITH:
        return ["x = (v[%d] %s v[%d]) & 0xFFFFFFFF" % (a, ARITH[op], b),
                "v[%d] = x - 0x100000000 if x & 0x80000000 else x" % i]
    if op in OVERFLOW:
        return ["x = v[%d] %s v[%d]" % (a, OVERFLOW[op], b),
                "if not -0x80000000 <= x <= 0x7FFFFFFF: " + fail,
                "v[%d] = x" % i]
    if op in FAILS_IF and (tt in (IRT_NUM, IRT_INT) or op in (IR["EQ"], IR["NE"])):
        return ["if %s: %s" % (FAILS_IF[op] % ("v[%d]" % a, "v[%d]" % b), fail)]
    if op in FAILS_IF_UNORDERED and tt == IRT_NUM:
        return ["if %s: %s" % (FAILS_IF_UNORDERED[op] % ("v[%d]" % a, "v[%d]" % b), fail)]
    if op == IR_CONV:
        return _conv(i, a, ir.op2[i], fail)
    if op == IR_ABC:
        return ["if not (v[%d] & 0xFFFFFFFF) < (v[%d] & 0xFFFFFFFF): %s" % (b, a, fail)]
    if op == IR_AREF:
        return ["v[%d] = v[%d] + 8 * v[%d]" % (i, a, b)]
    if op in LOADS:
        return _load(i, t, tt, "(v[%d] - %d) >> 3" % (a, ex.vm.base), fail)
    if op == IR_FLOAD and ir.op1[i]:
        return _fload(i, a, ir.op2[i], ex.vm.base)
    if op == IR_HREFK:
        return _hrefk(ex, i, a, b, fail)
    if op in STORES:
        return _store(ex, a, b)
    return None


def _sload(i, t, tt, slot, fail):
    # a number slot is read again as a double (tv_num without the struct round trip)
    code = ["s = ex.base + %d" % (slot - 2), "if Q[s] >= NUM_LIMIT: " + fail]
    if tt == IRT_NUM:
        return code + ["v[%d] = D[s]" % i]
    if tt == IRT_INT:
        code += ["n = D[s]", "k = num2int(n)"]
        if t & IRT_GUARD:
            code.append("if n != k: " + fail)
        return code + ["v[%d] = k" % i]
    if tt in (IRT_NUM, IRT_INT) or IRT["I8"] <= tt <= IRT["U32"]:
        return None
    code = ["q = Q[ex.base + %d]" % (slot - 2)]
    if t & IRT_GUARD:
        code.append("if q < NUM_LIMIT or 0x1FFFF - (q >> %d) != %d: %s" % (TAG_BITS, tt, fail))
    return code + ["v[%d] = q" % i]


def _store(ex, a, b):
    """ASTORE/HSTORE/USTORE: x_store, the TValue form of the value known by its type."""
    from .exec import PRI_TV
    ir = ex.ir
    code = ["k = (v[%d] - %d) >> 3" % (a, ex.vm.base)]
    ref = b + ir.nk
    if ref < REF_BIAS:
        return code + ["Q[k] = %d" % ex.tv_of(ref)]
    tt = ir.t[b] & IRT_TYPE
    if tt == IRT_NUM:
        return code + ["n = v[%d]" % b, "if n == n: D[k] = n",
                       "else: Q[k] = %d" % CANON_NAN]
    if 15 <= tt <= 20:              # integers are stored as numbers (exec.to_tv)
        return code + ["D[k] = float(v[%d])" % b]
    if tt in PRI_TV:
        return code + ["Q[k] = %d" % PRI_TV[tt]]
    return code + ["Q[k] = v[%d]" % b]


def _load(i, t, tt, index, fail):
    """ALOAD/HLOAD/ULOAD: Executor.read_tv of the slot's address."""
    if tt == IRT_NUM:
        return ["s = " + index, "if Q[s] >= NUM_LIMIT: " + fail, "v[%d] = D[s]" % i]
    code = ["q = Q[%s]" % index]
    if t & IRT_GUARD:       # check_type: another type than tt fails the guard
        code.append("if q < NUM_LIMIT or 0x1FFFF - (q >> %d) != %d: %s"
                    % (TAG_BITS, tt, fail))
    return code + ["v[%d] = q" % i]


def _conv(i, a, mode, fail):
    src, dst = mode & 0x1F, (mode >> 5) & 0x1F
    if dst == IRT_NUM:
        return ["v[%d] = float(v[%d])" % (i, a)]
    if dst == IRT_INT and src == IRT_NUM:
        code = ["k = num2int(v[%d])" % a]
        if mode >> 12 >= 2:         # INDEX / CHECK
            code.append("if k != v[%d]: %s" % (a, fail))
        return code + ["v[%d] = k" % i]
    return None


def _fload(i, a, field, arena_base):
    """The table fields of x_fload (by offset in GCtab)."""
    from .exec import FIELDS
    name = FIELDS[field] if field < len(FIELDS) else None
    obj = "((v[%d] & %d) - %d)" % (a, PAYLOAD, arena_base)
    if name == "tab.asize":
        return ["v[%d] = I[(%s + 48) >> 2]" % (i, obj)]
    if name == "tab.hmask":
        return ["v[%d] = I[(%s + 52) >> 2]" % (i, obj)]
    if name == "tab.array":
        return ["v[%d] = Q[(%s >> 3) + 2]" % (i, obj)]
    if name == "tab.node":
        return ["v[%d] = Q[(%s >> 3) + 5]" % (i, obj)]
    return None


def _hrefk(ex, i, a, b, fail):
    """x_hrefk: the node of a constant key at a constant slot, guarded."""
    ir = ex.ir
    kslot = b
    key, slot = ir.op1[kslot], ir.op2[kslot]
    keytv = ex.tv_of(key)
    return ["n = v[%d] + %d" % (a, 24 * slot),
            "if Q[((n - %d) >> 3) + 1] != %d: %s" % (ex.vm.base, keytv, fail),
            "v[%d] = n" % i]
