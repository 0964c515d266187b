"""Helpers for text-IR tests: parse IR, run something, print IR, verify in between."""

from moonlens.jit.fold import emitir
from moonlens.jit.ir import IR, IRT, IRT_GUARD
from moonlens.jit.irbuf import IRTYPE
from moonlens.jit.irtext import format_ir, parse_ir
from moonlens.jit.irverify import verify
from moonlens.jit.jstate import JitState


def state(text="", flags=None):
    """A JitState whose buffer holds the parsed IR (verified)."""
    J = JitState()
    if flags is not None:
        J.flags = set(flags)
    parse_ir(J, text)
    verify(J.cur)
    return J


def ins(J, spec, a, b=0):
    """Fold one instruction given as "type OP" (">" prefix for a guard)."""
    guard = spec.startswith(">")
    tname, opname = spec.lstrip(">").split()
    ot = IRTYPE(IR[opname], IRT[tname.upper()] | (IRT_GUARD if guard else 0))
    tr = emitir(J, ot, a, b)
    verify(J.cur)
    return tr


def dump(J):
    verify(J.cur)
    return format_ir(J.cur, exact=True)
