"""Call hierarchy: named functions, who calls them, and what they call.

Within a file, a call's target is what Analysis.callee finds (locals bound once,
globals assigned once, fields of local tables). Across files a call is known by
a key the workspace index can match: ("global", name) for a global function,
("module", module name, field) for `m.f()` where `local m = require "..."`.
A call belongs to the nearest enclosing named function; top-level calls
belong to the file's main chunk.
"""

from ..vm import ast as A
from .navigation import field_at
from .workspace import required_module


class FuncDef:
    """A named function (or the main chunk, kind "file")."""
    __slots__ = ("name", "kind", "func", "start", "end", "sel_start", "sel_end", "key")

    def __init__(self, name, kind, func, span, sel, key=None):
        self.name = name
        self.kind = kind
        self.func = func
        self.start, self.end = span
        self.sel_start, self.sel_end = sel
        self.key = key                # ("global", name) / ("field", field) / None

    def __repr__(self):
        return "FuncDef(%r)" % self.name


class CallSite:
    """A call to something another file may define (for the workspace index)."""
    __slots__ = ("key", "start", "end", "caller")

    def __init__(self, key, start, end, caller):
        self.key = key
        self.start = start
        self.end = end
        self.caller = caller          # a FuncDef without its nodes

    def __repr__(self):
        return "CallSite(%r in %r)" % (self.key, self.caller.name)


# -- Named functions ----------------------------------------------------------------------

def named_functions(a):
    """{id(Function node): FuncDef} for every function bound to a name."""
    cached = getattr(a, "_named_functions", None)
    if cached is None:
        cached = {}
        for stat in a.nodes(A.LocalFunction):
            _add(cached, FuncDef(stat.name.name, "function", stat.func, a.span(stat),
                                 a.span(stat.name)))
        for stat in a.nodes(A.FunctionStat):
            _add(cached, _target_def(a, stat.target, stat.func, stat, stat.is_method))
        for stat in a.nodes(A.Local):
            for name, value in zip(stat.names, stat.exprs):
                if isinstance(value, A.Function):
                    _add(cached, FuncDef(name.name, "function", value, a.span(stat),
                                         a.span(name)))
        for stat in a.nodes(A.Assign):
            for target, value in zip(stat.targets, stat.exprs):
                if isinstance(value, A.Function):
                    _add(cached, _target_def(a, target, value, stat, False))
        a._named_functions = cached
    return cached


def _add(table, fdef):
    if fdef is not None:
        table.setdefault(id(fdef.func), fdef)


def _target_def(a, target, func, stat, is_method):
    text = a.source[slice(*a.span(target))].decode("utf-8", "replace")
    if is_method:
        text = text[::-1].replace(".", ":", 1)[::-1]
    if isinstance(target, A.Name):
        key = ("global", target.name) if target.var is None else None
        return FuncDef(text, "function", func, a.span(stat), a.span(target), key)
    if isinstance(target, A.Index) and isinstance(target.key, A.String):
        field = target.key.value.decode("utf-8", "replace")
        kind = "method" if is_method else "function"
        return FuncDef(text, kind, func, a.span(stat), a.span(target.key), ("field", field))
    return None


def main_chunk(a, name):
    return FuncDef(name, "file", a.chunk, (0, len(a.source)), (0, 0))


def global_functions(a):
    """{name: (start, end)} of functions this file assigns to globals."""
    found = {}
    for fdef in named_functions(a).values():
        if fdef.key is not None and fdef.key[0] == "global":
            found.setdefault(fdef.key[1], (fdef.sel_start, fdef.sel_end))
    return found


def caller_of(a, node, chunk_name):
    """The FuncDef a node's code belongs to: its nearest named function, or the chunk."""
    defs = named_functions(a)
    func = a.enclosing(node, A.Function)
    while func is not None:
        if id(func) in defs:
            return defs[id(func)]
        func = a.enclosing(func, A.Function)
    return main_chunk(a, chunk_name)


def def_at(a, offset):
    """The FuncDef whose name is under the cursor, else the innermost one around it."""
    best = None
    for fdef in named_functions(a).values():
        if fdef.sel_start <= offset <= fdef.sel_end:
            return fdef
        if fdef.start <= offset <= fdef.end and (best is None or fdef.start >= best.start):
            best = fdef
    return best


# -- Calls ----------------------------------------------------------------------------

def calls(a):
    """(call node, callee name node or token span, Function it reaches or None, key)."""
    for call in a.nodes(A.Call):
        callee = a.callee(call.func)
        func = callee.func if callee is not None else None
        yield call, _callee_span(a, call.func), func, _key(a, call.func, None)
    for call in a.nodes(A.Method):
        name = call.name.value.decode("utf-8", "replace")
        callee = a.callee(call.obj, name)
        func = callee.func if callee is not None else None
        yield call, a.span(call.name), func, _key(a, call.obj, name)


def _callee_span(a, expr):
    if isinstance(expr, A.Index) and isinstance(expr.key, A.String):
        return a.span(expr.key)
    return a.span(expr)


def _key(a, expr, method):
    """The cross-file key of a call target, or None."""
    if method is not None:
        module = required_module(a, expr) if isinstance(expr, A.Name) else None
        return ("module", module, method) if module else None
    if isinstance(expr, A.Name):
        if expr.var is None and not a.is_library_global(expr.name):
            return ("global", expr.name)
        return None
    if isinstance(expr, A.Index) and isinstance(expr.key, A.String) \
            and isinstance(expr.obj, A.Name):
        module = required_module(a, expr.obj)
        if module:
            return ("module", module, expr.key.value.decode("utf-8", "replace"))
    return None


def call_sites(a, chunk_name="main chunk"):
    """CallSites of every call with a cross-file key (for the workspace index)."""
    found = []
    for call, span, _, key in calls(a):
        if key is not None:
            caller = caller_of(a, call, chunk_name)
            lite = FuncDef(caller.name, caller.kind, None, (caller.start, caller.end),
                           (caller.sel_start, caller.sel_end), caller.key)
            found.append(CallSite(key, span[0], span[1], lite))
    return found


# -- The three requests -----------------------------------------------------------------

def prepare(a, offset):
    """The FuncDef under the cursor (a definition or a call of it), or a cross-file
    key ("global"/"module", ...) the workspace must resolve, or None."""
    target = _target_at(a, offset)
    if target is not None:
        return target
    defs = named_functions(a)
    for fdef in defs.values():
        if fdef.sel_start <= offset <= fdef.sel_end:
            return fdef
    return None


def _target_at(a, offset):
    defs = named_functions(a)
    occ = a.occurrence_at(offset)
    if occ is not None:
        if occ.var is not None:
            func = a.function_of(occ.var)
            return defs.get(id(func)) if func is not None else None
        callee = a.callee(occ.node)
        if callee is not None and callee.func is not None:
            return defs.get(id(callee.func))
        return ("global", occ.name) if not a.is_library_global(occ.name) else None
    found = field_at(a, offset)
    if found is None or not isinstance(found[0], A.Name):
        return None
    obj, name, _ = found
    field = a.known_fields(obj).get(name)
    if field is not None and isinstance(field.value, A.Function):
        return defs.get(id(field.value))
    module = required_module(a, obj)
    return ("module", module, name) if module else None


def outgoing(a, fdef):
    """[(FuncDef or cross-file key, [call spans])] of the calls fdef's body makes."""
    inside = [c for c in calls(a) if caller_of(a, c[0], "").func is fdef.func]
    defs = named_functions(a)
    grouped = {}
    order = []
    for _, span, func, key in inside:
        target = defs.get(id(func)) if func is not None else key
        if target is None:
            continue
        ident = id(target) if isinstance(target, FuncDef) else target
        if ident not in grouped:
            grouped[ident] = (target, [])
            order.append(ident)
        grouped[ident][1].append(span)
    return [grouped[i] for i in order]


def incoming(a, fdef, chunk_name="main chunk"):
    """[(caller FuncDef, [call spans])] of the calls to fdef in this file."""
    grouped = {}
    order = []
    for call, span, func, _ in calls(a):
        if func is not fdef.func or func is None:
            continue
        caller = caller_of(a, call, chunk_name)
        ident = id(caller.func)
        if ident not in grouped:
            grouped[ident] = (caller, [])
            order.append(ident)
        grouped[ident][1].append(span)
    return [grouped[i] for i in order]
