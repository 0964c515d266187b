"""What the editor features share about one version of a document.

Analysis runs the front end (parse + scopes, which never raise), finds the
comments again, and indexes the tree the ways editors ask for it: the name
under the cursor, every use of a variable, the statement a name is declared
in, the fields statically known for a table, the function a call reaches.

Everything positional is in byte offsets into the document's UTF-8 text;
server/positions.py converts to LSP positions at the protocol edge.
"""

import bisect
import gc
import threading

from ..vm import ast as A
from ..vm.loader import analyze
from ..vm.scopes import V_SELF
from ..vm.tokens import TK_goto, TK_name, TK_string
from . import stdlib_docs
from .comments import doc_comments_above, parse_doc, scan_comments


class Occurrence:
    """A name in the source: a declaration (LocalName) or a use (Name).

    `var` is the local it means, or None for a global.
    """
    __slots__ = ("tok", "node", "name", "var", "decl", "write")

    def __init__(self, tok, node, var, decl, write):
        self.tok = tok
        self.node = node
        self.name = node.name
        self.var = var
        self.decl = decl
        self.write = write

    def __repr__(self):
        return "Occurrence(%r @%d%s)" % (self.name, self.tok, " decl" if self.decl else "")


class Field:
    """A statically known field of a table: where it is set and to what."""
    __slots__ = ("name", "key", "value", "is_method")

    def __init__(self, name, key, value, is_method=False):
        self.name = name
        self.key = key            # the String key node (its token is the name)
        self.value = value        # the value expression (a Function for methods)
        self.is_method = is_method


class Callee:
    """What a call reaches, when it is known statically."""
    __slots__ = ("name", "params", "is_vararg", "func", "doc")

    def __init__(self, name, params, is_vararg, func=None, doc=None):
        self.name = name
        self.params = params          # what the call's arguments fill, in order
        self.is_vararg = is_vararg
        self.func = func              # the Function node (None for the stdlib)
        self.doc = doc


class _GcPause:
    """Keep the cyclic garbage collector off while a tree is built.

    An analysis allocates some 10^5 objects that all survive it (a 10,000-line
    file): each young-generation collection on the way would scan them in vain,
    and the older generations' collections would rescan everything the process
    holds. One collection after the build does the same job. Nesting and
    threads (the workspace scan runs in a worker thread) share one count.
    """

    def __init__(self):
        self.lock = threading.Lock()
        self.depth = 0
        self.was_enabled = False

    def __enter__(self):
        with self.lock:
            if self.depth == 0:
                self.was_enabled = gc.isenabled()
                gc.disable()
            self.depth += 1

    def __exit__(self, *exc):
        with self.lock:
            self.depth -= 1
            if self.depth == 0 and self.was_enabled:
                gc.enable()


gc_paused = _GcPause()


class Analysis:
    def __init__(self, source: bytes, chunkname="=?"):
        with gc_paused:
            self.source = source
            self.sf, self.scopes = analyze(source, chunkname)
            self.tokens = self.sf.tokens
            self.chunk = self.sf.chunk
            self.comments = scan_comments(self.sf)
            self.parent = {}
            self.occurrences = {}         # token index -> Occurrence
            self.global_defs = {}         # name -> [Name nodes assigned to]
            self.fields = {}              # Var or global name -> {field name: Field}
            self.by_type = {}             # node class -> nodes of that class, in walk order
            self.memo = {}                # results checks share (server/diagnostics.py)
            self._index()

    def release(self):
        """Unlink each variable from its nodes -- the only reference cycles in an
        analysis -- so that reference counting frees it at once instead of the
        cyclic collector later (server/idle_gc.py). Only for an analysis that
        nothing uses any more."""
        scopes = self.scopes
        for var in scopes.vars:           # nodes point to their Var (.var)
            var.decl = var.refs = var.func = var.scope = None
        for info in scopes.funcs:         # a Function points to its FuncInfo (.scope)
            info.node = info.scope = info.vars = info.active = info.gola = None
        for scope in scopes.scopes:       # a Block points to its Scope (.scope)
            scope.node = scope.func = scope.vars = None

    # -- Building the indexes --------------------------------------------------------

    def _index(self):
        # One pre-order walk in source order (by_type lists and the handlers'
        # effects depend on it). The hot loop of every analysis: locals only.
        parent = self.parent
        by_type = self.by_type
        occurrences = self.occurrences
        indexers = _INDEXERS
        leaves = _LEAF_TYPES
        Name = A.Name
        stack = [self.chunk]
        pop = stack.pop
        push = stack.extend
        while stack:
            node = pop()
            t = type(node)
            nodes = by_type.get(t)
            if nodes is None:
                by_type[t] = [node]
            else:
                nodes.append(node)
            if t is Name:               # _name, inlined: a quarter of all nodes
                # An assignment marks its targets before the walk reaches them.
                tok = node.first
                if tok not in occurrences:
                    occurrences[tok] = Occurrence(tok, node, node.var, False, False)
                continue
            if t not in leaves:
                kids = node.children()
                if kids:
                    for child in kids:
                        parent[id(child)] = node
                    kids.reverse()
                    push(kids)
            handler = indexers.get(t)
            if handler is not None:
                handler(self, node)

    def _name(self, node):
        # An assignment marks its targets before the walk reaches them: keep those.
        if node.first not in self.occurrences:
            self.occurrences[node.first] = Occurrence(node.first, node, node.var, False,
                                                      False)

    def _local_name(self, node):
        var = node.var
        if var is not None and var.kind == V_SELF:
            return                    # the implicit self sits on the method's name
        self.occurrences[node.first] = Occurrence(node.first, node, var, True, True)

    def _assign(self, node):
        for target, value in zip(node.targets, _padded(node.exprs, len(node.targets))):
            self._target(target, value, False)

    def _function_stat(self, node):
        self._target(node.target, node.func, node.is_method)

    def _local(self, node):
        for name, value in zip(node.names, _padded(node.exprs, len(node.names))):
            if isinstance(value, A.Table) and name.var is not None:
                self._constructor_fields(name.var, value)

    def _target(self, target, value, is_method):
        """An assignment target: mark writes, record globals and table fields."""
        if isinstance(target, A.Name):
            self.mark_write(target)
            if target.var is None:
                self.global_defs.setdefault(target.name, []).append(target)
                if isinstance(value, A.Table):
                    self._constructor_fields(target.name, value)
        elif isinstance(target, A.Index) and isinstance(target.obj, A.Name) \
                and isinstance(target.key, A.String):
            root = self.root_of(target.obj)
            name = _text(target.key.value)
            if name is not None:
                fields = self.fields.setdefault(root, {})
                fields.setdefault(name, Field(name, target.key, value, is_method))

    def mark_write(self, name_node):
        occ = self.occurrences.get(name_node.first)
        if occ is None:
            occ = self.occurrences[name_node.first] = Occurrence(
                name_node.first, name_node, name_node.var, False, True)
        occ.write = True

    def _constructor_fields(self, root, table):
        fields = self.fields.setdefault(root, {})
        for item in table.items:
            if item.kind != A.ITEM_POS and isinstance(item.key, A.String):
                name = _text(item.key.value)
                if name is not None:
                    fields.setdefault(name, Field(name, item.key, item.value))

    def nodes(self, cls):
        """All nodes of one class, in source order."""
        return self.by_type.get(cls, [])

    # -- Positions ---------------------------------------------------------------------

    def span(self, node):
        """(start, end) byte offsets of a node (SourceFile.span without the lines)."""
        return self.sf.byte_span(node)

    def token_span(self, i):
        return self.tokens.start[i], self.tokens.end[i]

    def line(self, offset):
        """1-based line (front-end counting) of a byte offset."""
        return self.sf.position(offset)[0]

    def token_at(self, offset, names_first=True):
        """Index of the token under `offset` (or ending right at it), or -1.

        A cursor just after a name still means the name (`foo|`).
        """
        toks = self.tokens
        i = bisect.bisect_right(toks.start, offset) - 1
        hits = []
        if i >= 0 and toks.start[i] <= offset < toks.end[i]:
            hits.append(i)
        if i >= 0 and toks.end[i] == offset and offset > toks.start[i]:
            hits.append(i)
        elif i >= 1 and toks.end[i - 1] == offset:
            hits.append(i - 1)
        if not hits:
            return -1
        if names_first:
            for h in hits:
                if toks.kind[h] in (TK_name, TK_goto):
                    return h
        return hits[0]

    def token_before(self, offset):
        """Index of the last real token that ends at or before `offset` (-1 if none).

        <eof> is not a real token: it has no text to be before the cursor.
        """
        toks = self.tokens
        i = bisect.bisect_right(toks.start, offset) - 1
        while i >= 0 and (toks.end[i] > offset or toks.start[i] == toks.end[i]):
            i -= 1
        return i

    def in_comment_or_string(self, offset):
        for c in self.comments:
            if c.start < offset <= c.end or (c.start < offset and not c.is_long
                                              and offset == c.end):
                return True
            if c.start >= offset:
                break
        i = self.token_at(offset, names_first=False)
        toks = self.tokens
        return (i >= 0 and toks.kind[i] == TK_string
                and toks.start[i] < offset < toks.end[i])

    # -- Names ---------------------------------------------------------------------

    def occurrence_at(self, offset):
        i = self.token_at(offset)
        return self.occurrences.get(i) if i >= 0 else None

    def uses_of(self, occ):
        """Every occurrence meaning the same variable (or the same global), in order."""
        if occ.var is not None:
            toks = [occ.var.decl.first] if occ.var.kind != V_SELF else []
            toks += [n.first for n in occ.var.refs]
        else:
            toks = [n.first for n in self.scopes.globals.get(occ.name, ())]
        found = [self.occurrences[t] for t in sorted(set(toks)) if t in self.occurrences]
        return found

    def is_library_global(self, name):
        """A standard-library global that this file does not assign itself."""
        return name in stdlib_docs.GLOBALS and name not in self.global_defs

    def library_path(self, expr):
        """"string" or "jit.opt" when expr names a standard library table or member."""
        return A.dotted_path(expr, self._library_head)

    def _library_head(self, name_node):
        return name_node.var is None and self.is_library_global(name_node.name)

    def enclosing(self, node, classes):
        """The nearest ancestor of `node` that is an instance of `classes`."""
        p = self.parent.get(id(node))
        while p is not None and not isinstance(p, classes):
            p = self.parent.get(id(p))
        return p

    def func_info_of(self, node):
        """The scopes FuncInfo of the function containing `node`."""
        f = self.enclosing(node, (A.Function, A.Chunk))
        return f.scope if f is not None else None

    def declaring_statement(self, var):
        """The Local/LocalFunction/for statement declaring a local (a Function for
        parameters)."""
        return self.enclosing(var.decl, (A.Stat, A.Function))

    def initial_value(self, var):
        """The expression a local is declared with (None when there is none)."""
        stat = self.declaring_statement(var)
        if isinstance(stat, A.LocalFunction):
            return stat.func
        if isinstance(stat, A.Local):
            for name, value in zip(stat.names, _padded(stat.exprs, len(stat.names))):
                if name is var.decl:
                    return value
        return None

    def function_of(self, var):
        """The Function a local always holds (bound once, never reassigned), or None."""
        if var is None or var.assigned:
            return None
        value = self.initial_value(var)
        return value if isinstance(value, A.Function) else None

    def root_of(self, name_node):
        """The key under which fields of the table a Name holds are recorded."""
        return name_node.var if name_node.var is not None else name_node.name

    def known_fields(self, name_node):
        """Fields statically known for the table a Name holds."""
        var = name_node.var
        if var is not None and var.assigned:
            return {}
        return self.fields.get(self.root_of(name_node), {})

    # -- Visibility -------------------------------------------------------------------------

    def visible_vars(self, offset):
        """Locals visible at `offset`, innermost (latest declared) last, one per name."""
        seen = {}
        for var in self.scopes.vars:
            if var.start < 0 or var.name.startswith("("):
                continue
            if self.visible_from(var) < offset <= self.visible_to(var):
                prev = seen.get(var.name)
                if prev is None or var.start >= prev.start:
                    seen[var.name] = var
        return sorted(seen.values(), key=lambda v: v.start)

    def visible_from(self, var):
        toks = self.tokens
        return toks.end[var.start - 1] if var.start > 0 else 0

    def visible_to(self, var):
        """Where a local's scope ends: the start of the token closing its block."""
        toks = self.tokens
        node = var.scope.node if var.scope is not None else None
        last = len(toks) - 1
        if isinstance(node, A.Function):
            end = toks.start[min(node.last, last)]
        elif isinstance(node, A.Block):
            end = toks.start[min(node.last + 1, last)]
        else:
            end = len(self.source)
        return max(end, toks.end[min(var.end, last)] if var.end >= 0 else 0)

    # -- Documentation and calls ------------------------------------------------------------

    def doc_above(self, node):
        """The LuaDoc comment block right above the statement holding `node`."""
        stat = node if isinstance(node, A.Stat) else self.enclosing(node, A.Stat)
        if stat is None:
            return parse_doc([])
        line = self.sf.span(stat).line
        return parse_doc(doc_comments_above(self.comments, line))

    def callee(self, func_expr, method_name=None):
        """What `func_expr(...)` or `func_expr:method_name(...)` calls, if known."""
        if method_name is not None:
            return self._method_callee(func_expr, method_name)
        if isinstance(func_expr, A.Name):
            return self._name_callee(func_expr)
        if isinstance(func_expr, A.Index) and isinstance(func_expr.key, A.String) \
                and isinstance(func_expr.obj, A.Name):
            name = _text(func_expr.key.value)
            return self._field_callee(func_expr.obj, name, "." if func_expr.dot else "")
        return None

    def known_calls(self):
        """(Call or Method node, Callee) for every call whose target is known."""
        for call in self.nodes(A.Call) + self.nodes(A.Method):
            if isinstance(call, A.Method):
                callee = self.callee(call.obj, call.name.value.decode("utf-8", "replace"))
            else:
                callee = self.callee(call.func)
            if callee is not None:
                yield call, callee

    def _name_callee(self, node):
        if node.var is not None:
            func = self.function_of(node.var)
            if func is None:
                return None
            return self._callee_of(node.name, func, self.declaring_statement(node.var))
        if self.is_library_global(node.name):
            return library_callee(node.name)
        defs = self.global_defs.get(node.name, ())
        if len(defs) == 1:
            stat = self.enclosing(defs[0], A.Stat)
            func = _value_of_target(stat, defs[0])
            if isinstance(func, A.Function):
                return self._callee_of(node.name, func, stat)
        return None

    def _field_callee(self, obj, name, sep):
        if name is None:
            return None
        if obj.var is None and self.is_library_global(obj.name):
            return library_callee("%s.%s" % (obj.name, name))
        field = self.known_fields(obj).get(name)
        if field is None or not isinstance(field.value, A.Function):
            return None
        callee = self._callee_of("%s%s%s" % (obj.name, sep or ".", name), field.value,
                                 self.enclosing(field.key, A.Stat))
        if field.is_method:               # defined with ':', called with '.'
            callee.params = ["self"] + callee.params
        return callee

    def _method_callee(self, obj, name):
        if not isinstance(obj, A.Name):
            return None
        field = self.known_fields(obj).get(name)
        if field is None or not isinstance(field.value, A.Function):
            return None
        callee = self._callee_of("%s:%s" % (obj.name, name), field.value,
                                 self.enclosing(field.key, A.Stat))
        if not field.is_method:           # defined with '.', called with ':'
            callee.params = callee.params[1:]
        return callee

    def _callee_of(self, name, func, stat):
        params = [p.name for p in func.params if p.var is None or p.var.kind != V_SELF]
        doc = self.doc_above(stat) if stat is not None else None
        return Callee(name, params, func.is_vararg, func, doc)


def library_callee(qualified):
    entry = stdlib_docs.FUNCTIONS.get(qualified)
    if entry is None:
        return None
    params = [p for p, _ in entry.params if p != "..."]
    is_vararg = any(p == "..." for p, _ in entry.params)
    return Callee(qualified, params, is_vararg)


def _value_of_target(stat, target):
    if isinstance(stat, A.FunctionStat):
        return stat.func
    if isinstance(stat, A.Assign):
        for t, v in zip(stat.targets, _padded(stat.exprs, len(stat.targets))):
            if t is target:
                return v
    return None


def _padded(exprs, n):
    """exprs, cut or padded with None to n items (the values of n targets)."""
    exprs = list(exprs[:n])
    return exprs + [None] * (n - len(exprs))


def _text(value: bytes):
    """A field name as str, or None when it is not valid UTF-8."""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return None


_LEAF_TYPES = frozenset(A.LEAF_TYPES)

_INDEXERS = {
    A.Name: Analysis._name,           # inlined in _index; kept for completeness
    A.LocalName: Analysis._local_name,
    A.Assign: Analysis._assign,
    A.FunctionStat: Analysis._function_stat,
    A.Local: Analysis._local,
}
