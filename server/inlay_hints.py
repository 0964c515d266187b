"""Inlay hints: parameter names at the arguments of calls to known functions."""

from ..vm import ast as A


class Hint:
    __slots__ = ("offset", "label", "target")

    def __init__(self, offset, label, target=None):
        self.offset = offset
        self.label = label
        self.target = target          # (start, end) of the parameter's declaration

    def __repr__(self):
        return "Hint(%d %r)" % (self.offset, self.label)


_LITERALS = (A.Number, A.String, A.Nil, A.TrueLit, A.FalseLit, A.Table, A.Function,
             A.UnOp)


def inlay_hints(a, start, end, mode="All"):
    """Hints for calls overlapping [start, end). mode: All, Literal or Disable."""
    if mode == "Disable":
        return []
    hints = []
    for call, callee in a.known_calls():
        if callee.func is None:
            continue                  # only functions defined in this file
        cstart, cend = a.span(call)
        if cend < start or cstart > end:
            continue
        hints.extend(_call_hints(a, call, callee, mode))
    hints.sort(key=lambda h: h.offset)
    return hints


def _call_hints(a, call, callee, mode):
    decls = {p.name: p for p in callee.func.params}
    for arg, name in zip(call.args, callee.params):
        if _skip(arg, name, mode):
            continue
        decl = decls.get(name)
        yield Hint(a.span(arg)[0], name + ":", a.span(decl) if decl is not None else None)


def _skip(arg, name, mode):
    if name in ("...", "self") or arg.last < arg.first:
        return True
    if isinstance(arg, A.Name) and arg.name == name:
        return True                   # f(x) for parameter x says it already
    return mode == "Literal" and not isinstance(arg, _LITERALS)
