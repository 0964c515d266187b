"""An IR verifier: the invariants every pass must keep (run after each pass in tests).

- constants lie in [nk, REF_BIAS), instructions in (REF_BASE, nins);
- a ref operand points below its instruction (or is a constant; PHI and the loop
  part may refer forward only as LuaJIT allows: PHI operands precede the PHI);
- literal operands are below REF_BIAS; unused operands are 0 (LuaJIT leaves them so);
- the per-opcode chains link every instruction of that opcode, newest first;
- the type is a valid IRT and guard/phi flags sit only where allowed.
"""

from .ir import IRM_OPMODE, IRNAMES, IRT_TYPE, IRTDEF, REF_BASE, REF_BIAS, irm_op1, irm_op2

M_REF, M_LIT, M_CST, M_NONE = (IRM_OPMODE[m] for m in ("ref", "lit", "cst", "___"))
NO_REF = 0xFFFF     # "no argument" in CALL chains (REF_DROP-like sentinel)


class IRError(AssertionError):
    pass


def verify(cur):
    """Raise IRError at the first broken invariant of the buffer."""
    if not cur.nk <= REF_BIAS <= REF_BASE < cur.nins:
        raise IRError("bad extents nk=%x nins=%x" % (cur.nk, cur.nins))
    for ref in range(REF_BASE + 1, cur.nins):
        _check_ins(cur, ref)
    _check_chains(cur)


def _check_ins(cur, ref):
    o = cur.o[ref]
    name = IRNAMES[o] if o < len(IRNAMES) else None
    if name is None:
        raise IRError("%04d: bad opcode %d" % (ref - REF_BIAS, o))
    if cur.t[ref] & IRT_TYPE >= len(IRTDEF):
        raise IRError("%04d: bad type %d" % (ref - REF_BIAS, cur.t[ref]))
    for operand, mode in ((cur.op1[ref], irm_op1(o)), (cur.op2[ref], irm_op2(o))):
        if mode == M_REF:
            _check_ref(cur, ref, name, operand)
        elif mode == M_LIT and operand >= REF_BIAS and name not in ("CALLN", "CALLA", "CALLL",
                                                                    "CALLS"):
            raise IRError("%04d %s: literal %d out of range" % (ref - REF_BIAS, name, operand))


def _check_ref(cur, ref, name, operand):
    if operand == NO_REF and name in ("CARG", "CALLN", "CALLA", "CALLL", "CALLS", "CALLXS"):
        return
    if operand < REF_BIAS:
        if operand == 0 and name in ("ALEN", "NEWREF", "HIOP", "RETF", "NEG", "ABS",
                                     "TOBIT", "CARG"):
            return
        if not cur.nk <= operand:
            raise IRError("%04d %s: constant ref %x below nk" % (ref - REF_BIAS, name, operand))
        return
    if operand >= ref and name != "PHI":
        raise IRError("%04d %s: forward ref %04d" % (ref - REF_BIAS, name, operand - REF_BIAS))
    if operand >= cur.nins:
        raise IRError("%04d %s: ref beyond the end" % (ref - REF_BIAS, name))


def _check_chains(cur):
    seen = set()
    for o, head in enumerate(cur.chain):
        ref = head
        last = None
        while ref:
            if cur.o[ref] != o:
                raise IRError("chain of %s holds %s at %x" % (IRNAMES[o], IRNAMES[cur.o[ref]], ref))
            if last is not None and ref >= last and ref >= REF_BIAS:
                raise IRError("chain of %s is not descending at %x" % (IRNAMES[o], ref))
            seen.add(ref)
            last = ref
            ref = cur.prev[ref]
    for ref in range(REF_BASE, cur.nins):
        if ref not in seen and IRNAMES[cur.o[ref]] != "NOP":
            raise IRError("%04d %s is on no chain" % (ref - REF_BIAS, IRNAMES[cur.o[ref]]))
