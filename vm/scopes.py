"""Scope resolution, shared by the compiler and the language server.

resolve(sf) walks the tree in the order LuaJIT's parser sees it and binds every
name: each LocalName and Name gets `.var` (a Var, or None for a global). It
also records what editors need -- every local with its live range, references,
whether it is assigned or captured; upvalues per function in LuaJIT's order;
globals; gotos and their labels -- and reports the errors LuaJIT's parser finds
through its variable stack: goto/label errors and the local/upvalue limits.

The goto rules mirror lj_parse.c (gola_*): a goto resolves to a label of the
same block or an enclosing one; a backward goto within one block is a loop; a
forward goto may not jump into the scope of a local, except to a label at the
end of a block.
"""

from . import ast as A
from .bytecode import LJ_MAX_LOCVAR, LJ_MAX_UPVAL
from .diagnostics import Diagnostic, PHASE_SCOPE, PHASE_LEX
from .tokens import TK_label

# Kinds of variables.
V_LOCAL, V_PARAM, V_SELF, V_FOR, V_LOCALFUNC = "local", "param", "self", "for", "localfunc"


class Var:
    """A local variable (or parameter). `start`/`end`: token range where it is visible."""
    __slots__ = ("name", "decl", "kind", "func", "scope", "refs", "assigned",
                 "captured", "start", "end", "slot")

    def __init__(self, name, decl, kind, func, scope):
        self.name = name
        self.decl = decl
        self.kind = kind
        self.func = func
        self.scope = scope
        self.refs = []
        self.assigned = False
        self.captured = False
        self.start = self.end = -1
        self.slot = -1

    def __repr__(self):
        return "Var(%s %r @%d)" % (self.kind, self.name, self.decl.first)


class Scope:
    """A block scope (LuaJIT's FuncScope)."""
    __slots__ = ("parent", "func", "node", "vars", "first", "last", "loop",
                 "nactvar", "gstart", "has_break", "has_gola")

    def __init__(self, parent, func, node, loop=False):
        self.parent = parent
        self.func = func
        self.node = node
        self.vars = []
        self.loop = loop
        self.first = node.first if node is not None else 0
        self.last = node.last if node is not None else 0
        self.nactvar = len(func.active)
        self.gstart = len(func.gola)
        self.has_break = False
        self.has_gola = False


class FuncInfo:
    """A function (or the main chunk) with its upvalues in LuaJIT's order."""
    __slots__ = ("node", "parent", "upvalues", "uvindex", "vars", "active",
                 "gola", "linedefined", "is_vararg", "scope")

    def __init__(self, node, parent, linedefined, is_vararg):
        self.node = node
        self.parent = parent
        self.upvalues = []
        self.uvindex = {}
        self.vars = []
        self.active = []
        self.gola = []
        self.linedefined = linedefined
        self.is_vararg = is_vararg
        self.scope = None


class _Gola:
    """A pending goto/break or a label (an entry of LuaJIT's vstack)."""
    __slots__ = ("node", "name", "is_label", "slot", "line", "valid")

    def __init__(self, node, name, is_label, slot, line):
        self.node = node
        self.name = name
        self.is_label = is_label
        self.slot = slot
        self.line = line
        self.valid = True


_BREAK = object()  # the name of break entries


class Scopes:
    """What resolve() found."""

    def __init__(self):
        self.vars = []
        self.funcs = []
        self.globals = {}     # name -> [Name nodes]
        self.scopes = []

    def var_at(self, name, tok):
        """The local `name` visible at token index `tok`, or None."""
        best = None
        for var in self.vars:
            if var.name == name and var.start <= tok <= var.end:
                if best is None or var.start > best.start:
                    best = var
        return best


def resolve(sf) -> Scopes:
    r = _Resolver(sf)
    r.run()
    return r.result


class _ScopeError(Exception):
    pass


class _Resolver:
    def __init__(self, sf):
        self.sf = sf
        self.toks = sf.tokens
        self.result = Scopes()
        self.env = {}           # name -> stack of visible Vars
        self.func = None
        self.scope = None

    # -- Errors ------------------------------------------------------------------

    def error(self, message, line, tok, node_tok, phase=PHASE_SCOPE):
        toks = self.toks
        t = max(0, min(node_tok, len(toks) - 1))
        self.sf.diagnostics.append(Diagnostic(
            "syntax", message, line, toks.start[t], toks.end[t], tok, phase))

    def limit_error(self, func, limit, what, tok):
        if func.linedefined == 0:
            msg = "main function has more than %d %s" % (limit, what)
        else:
            msg = "function at line %d has more than %d %s" % (func.linedefined, limit, what)
        t = min(tok + 1, len(self.toks) - 1)
        self.error(msg, self.toks.eline[t], t, tok, PHASE_LEX)

    # -- Functions, scopes, variables ------------------------------------------------

    def run(self):
        chunk = self.sf.chunk
        f = self.begin_func(chunk, 0, True)
        self.block_stats(chunk.body.stats)
        self.end_func(f, len(self.toks) - 1)

    def begin_func(self, node, linedefined, is_vararg):
        f = FuncInfo(node, self.func, linedefined, is_vararg)
        self.result.funcs.append(f)
        self.func = f
        self.scope = f.scope = self.begin_scope(node)
        node.scope = f
        return f

    def end_func(self, f, end_tok, err_tok=None):
        self.end_scope(end_tok, err_tok)
        self.func = f.parent

    def begin_scope(self, node, loop=False):
        s = Scope(self.scope, self.func, node, loop)
        self.result.scopes.append(s)
        self.scope = s
        return s

    def end_scope(self, end_tok, err_tok=None):
        """fscope_end: deactivate the scope's variables, settle its gotos.

        Errors are keyed at `err_tok` (default end_tok): the token that is current
        when LuaJIT's fscope_end runs.
        """
        if err_tok is None:
            err_tok = end_tok
        s = self.scope
        f = self.func
        for var in reversed(f.active[s.nactvar:]):
            if var is not _HIDDEN:
                var.end = end_tok
                self.env[var.name].pop()
        del f.active[s.nactvar:]
        self.scope = s.parent
        if s.has_break:
            if s.loop:
                self.resolve_gotos(s, _Gola(None, _BREAK, True, s.nactvar, 0))
            else:
                self.fixup(s, err_tok)
                return
        if s.has_gola:
            self.fixup(s, err_tok)

    def declare(self, decl, kind, n=0):
        """var_new: a new variable, not yet visible (see activate)."""
        f = self.func
        if len(f.active) + n >= LJ_MAX_LOCVAR:
            self.limit_error(f, LJ_MAX_LOCVAR, "local variables", max(decl.first, 0))
        var = Var(decl.name, decl, kind, f, self.scope)
        decl.var = var
        self.result.vars.append(var)
        f.vars.append(var)
        return var

    def declare_hidden(self, n, at_tok):
        """The hidden control variables of a for loop only count toward the limit."""
        f = self.func
        for i in range(n):
            if len(f.active) + i >= LJ_MAX_LOCVAR:
                self.limit_error(f, LJ_MAX_LOCVAR, "local variables", at_tok)
                return

    def activate(self, var, start_tok):
        """var_add: the variable becomes visible from token start_tok."""
        f = self.func
        var.slot = len(f.active)
        var.start = start_tok
        var.scope = self.scope
        f.active.append(var)
        self.scope.vars.append(var)
        self.env.setdefault(var.name, []).append(var)

    def lookup(self, node):
        """Bind a Name node to its Var (recording upvalues) or to a global."""
        stack = self.env.get(node.name)
        if stack:
            var = stack[-1]
            node.var = var
            var.refs.append(node)
            if var.func is not self.func:
                var.captured = True
                self.add_upvalue(self.func, var, node.first)
            return var
        node.var = None
        self.result.globals.setdefault(node.name, []).append(node)
        return None

    def add_upvalue(self, f, var, tok):
        """var_lookup_uv in every function between var's and f, outermost first."""
        if var in f.uvindex:
            return
        if f.parent is not var.func:
            self.add_upvalue(f.parent, var, tok)
        if len(f.upvalues) >= LJ_MAX_UPVAL:
            self.limit_error(f, LJ_MAX_UPVAL, "upvalues", tok)
        f.uvindex[var] = len(f.upvalues)
        f.upvalues.append(var)

    # -- gotos and labels (gola_* in lj_parse.c) -----------------------------------

    def find_label(self, name):
        f = self.func
        for g in f.gola[self.scope.gstart:]:
            if g.valid and g.is_label and g.name == name:
                return g
        return None

    def resolve_gotos(self, s, label):
        """gola_resolve: pending gotos of scope s that this label satisfies."""
        f = self.func
        for g in f.gola[s.gstart:]:
            if g is label:
                break
            if g.valid and not g.is_label and g.name == label.name:
                if g.slot < label.slot:
                    local = f.active[g.slot].name if g.slot < len(f.active) else "?"
                    tok, complete = self.after_label_run(label.node)
                    # Complete: after a lexer error at that token, before a parse error
                    # there. Else LuaJIT stopped at the missing '::' before resolving.
                    self.error("<goto %s> jumps into the scope of local '%s'"
                               % (g.name, local), g.line, tok, label.node.last,
                               PHASE_LEX if complete else PHASE_SCOPE)
                g.valid = False
                if label.node is not None and isinstance(g.node, A.Goto):
                    g.node.target = label.node

    def after_label_run(self, label):
        """The token current when LuaJIT resolves gotos to `label` (parse_label
        first parses the closing '::' and the labels that follow), and whether
        those labels are complete (else LuaJIT stopped at a missing '::')."""
        K = self.toks.kind
        last = len(K) - 1
        t = label.first + 2                 # where this label's closing '::' is
        while t < last and K[t] == TK_label:
            t += 1
            if K[t] != TK_label:            # the run of labels ends here
                return t, True
            t += 2                          # '::' name: then the next closing '::'
        return min(t, last), False

    def fixup(self, s, end_tok):
        """gola_fixup: at a scope's end, close its labels and pass its gotos outward."""
        f = self.func
        entries = f.gola[s.gstart:]
        for i, g in enumerate(entries):
            if not g.valid:
                continue
            if g.is_label:
                g.valid = False
                for vg in entries[i + 1:]:
                    if vg.valid and not vg.is_label and vg.name == g.name:
                        vg.valid = False
                        if isinstance(vg.node, A.Goto):
                            vg.node.target = g.node
            elif s.parent is not None and s.parent.func is f:
                if g.name is _BREAK:
                    s.parent.has_break = True
                else:
                    s.parent.has_gola = True
                g.slot = s.nactvar
            else:
                if g.name is _BREAK:
                    self.error("no loop to break", g.line, end_tok, g.node.first)
                else:
                    self.error("undefined label '%s'" % g.name, g.line, end_tok, g.node.first)

    def goto_line(self, node):
        return self.toks.eline[node.last]

    # -- Statements -----------------------------------------------------------------

    def block(self, block, loop=False):
        """parse_block: a scope around the block's statements."""
        self.begin_scope(block, loop)
        block.scope = self.scope
        self.block_stats(block.stats)
        self.end_scope(block.last)

    def block_stats(self, stats):
        handlers = self.handlers
        run = []        # labels in a row: LuaJIT resolves them after the row, last first
        for i, stat in enumerate(stats):
            if type(stat) is A.Label:
                run.append(self.s_Label(stat))
                nxt = stats[i + 1] if i + 1 < len(stats) else None
                if type(nxt) is not A.Label or nxt.first != stat.last + 1:
                    for label in reversed(run):
                        self.resolve_gotos(self.scope, label)
                    run.clear()
            else:
                handlers[type(stat)](self, stat)

    def s_Local(self, node):
        vars_ = [self.declare(n, V_LOCAL, i) for i, n in enumerate(node.names)]
        self.exprs(node.exprs)
        for var in vars_:
            self.activate(var, node.last + 1)

    def s_LocalFunction(self, node):
        var = self.declare(node.name, V_LOCALFUNC)
        self.activate(var, node.name.last + 1)
        self.function(node.func, self.toks.eline[node.func.lparen])

    def s_FunctionStat(self, node):
        self.assign_target(node.target)
        self.function(node.func, self.toks.eline[node.first])

    def s_Assign(self, node):
        for t in node.targets:
            self.assign_target(t)
        self.exprs(node.exprs)

    def assign_target(self, t):
        if isinstance(t, A.Name):
            var = self.lookup(t)
            if var is not None:
                var.assigned = True
        else:
            self.expr(t)

    def s_CallStat(self, node):
        self.expr(node.call)

    def s_Do(self, node):
        self.block(node.body)

    def s_While(self, node):
        self.expr(node.cond)
        self.begin_scope(node, loop=True)
        self.block(node.body)
        self.end_scope(node.last)

    def s_Repeat(self, node):
        self.begin_scope(node, loop=True)
        self.begin_scope(node.body)
        node.body.scope = self.scope
        self.block_stats(node.body.stats)
        self.expr(node.cond)
        self.end_scope(node.cond.last)
        self.end_scope(node.last)

    def s_If(self, node):
        for test, block in zip(node.tests, node.blocks):
            self.expr(test)
            self.block(block)
        if node.orelse is not None:
            self.block(node.orelse)

    def s_NumFor(self, node):
        self.begin_scope(node, loop=True)
        self.declare_hidden(3, node.var.first)
        var = self.declare(node.var, V_FOR, 3)
        for e in (node.start, node.stop, node.step):
            if e is not None:
                self.expr(e)
        self.activate_hidden(3)
        self.begin_scope(node.body)
        self.activate(var, node.body.first)
        self.block(node.body)
        self.end_scope(node.body.last)
        self.end_scope(node.last)

    def s_GenFor(self, node):
        self.begin_scope(node, loop=True)
        self.declare_hidden(3, node.names[0].first)
        vars_ = [self.declare(n, V_FOR, 3 + i) for i, n in enumerate(node.names)]
        self.exprs(node.exprs)
        self.activate_hidden(3)
        self.begin_scope(node.body)
        for var in vars_:
            self.activate(var, node.body.first)
        self.block(node.body)
        self.end_scope(node.body.last)
        self.end_scope(node.last)

    def activate_hidden(self, n):
        """Hidden for-loop variables occupy slots but have no names to find."""
        f = self.func
        for _ in range(n):
            f.active.append(_HIDDEN)

    def s_Return(self, node):
        self.exprs(node.exprs)

    def s_Break(self, node):
        self.scope.has_break = True
        f = self.func
        f.gola.append(_Gola(node, _BREAK, False, len(f.active), self.toks.eline[node.last]))

    def s_Goto(self, node):
        self.scope.has_gola = True
        f = self.func
        f.gola.append(_Gola(node, node.label, False, len(f.active), self.goto_line(node)))

    def s_Label(self, node):
        s = self.scope
        s.has_gola = True
        if self.find_label(node.name) is not None:
            # Raised with the token after the name current (where '::' should be):
            # after a lexer error there, before a parse error there.
            t = min(node.first + 2, len(self.toks) - 1)
            self.error("duplicate label '%s'" % node.name, self.toks.eline[t], t,
                       node.first, PHASE_LEX)
        f = self.func
        slot = s.nactvar if node.at_end else len(f.active)
        label = _Gola(node, node.name, True, slot, self.toks.eline[node.last])
        f.gola.append(label)
        return label            # block_stats resolves the gotos

    def s_ErrorStat(self, node):
        pass

    # -- Expressions ----------------------------------------------------------------------

    def exprs(self, exprs):
        for e in exprs:
            self.expr(e)

    def expr(self, node):
        # An explicit stack, same order as recursion: chains like a.b.c... or
        # a + b + c ... nest without limit.
        t = type(node)
        if t is A.Name:                 # most expressions are a name or a leaf
            self.lookup(node)
            return
        if t in _LEAVES:
            return
        stack = [node]
        pop = stack.pop
        push = stack.extend
        Name, Function, leaves = A.Name, A.Function, _LEAVES
        while stack:
            node = pop()
            t = type(node)
            if t is Name:
                self.lookup(node)
            elif t is Function:
                self.function(node, self.toks.eline[node.lparen])
            elif t not in leaves:
                kids = node.children()
                kids.reverse()
                push(kids)

    def function(self, node, linedefined):
        f = self.begin_func(node, linedefined, node.is_vararg)
        for i, p in enumerate(node.params):
            kind = V_SELF if i == 0 and p.first < node.lparen else V_PARAM
            self.activate(self.declare(p, kind, i), node.lparen)
        node.body.scope = f.scope
        self.block_stats(node.body.stats)
        # fs_finish settles the function's gotos and breaks with its 'end' current;
        # without an 'end', LuaJIT has already stopped at the token after the body.
        closed = node.last == node.body.last + 1
        self.end_func(f, node.last, node.last if closed else node.last + 1)


class _Hidden:
    name = "(for state)"


_HIDDEN = _Hidden()
_LEAVES = frozenset((A.Nil, A.TrueLit, A.FalseLit, A.Vararg, A.Number, A.String,
                     A.ErrorExpr))


_Resolver.handlers = {cls: getattr(_Resolver, "s_" + cls.__name__)
                      for cls in (A.Local, A.LocalFunction, A.FunctionStat, A.Assign,
                                  A.CallStat, A.Do, A.While, A.Repeat, A.If, A.NumFor,
                                  A.GenFor, A.Return, A.Break, A.Goto, A.Label, A.ErrorStat)}
assert set(_Resolver.handlers) == {c for c in vars(A).values()
                                   if isinstance(c, type) and issubclass(c, A.Stat)
                                   and c is not A.Stat}
