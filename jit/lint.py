"""Static JIT-lint: code in loops that LuaJIT 2.1's trace compiler will not compile.

lint(tree) takes a parsed chunk (vm.loader.analyze: SourceFile and Scopes, wrapped
in a Tree) and returns structured findings (JitFinding). Only what is certain from
the source is reported, and only code that runs on every iteration of a loop (its
body, and the condition of while/repeat):
- jit-nyi, "closure": a function expression (bytecode FNEW). The recorder has no
  handler for FNEW (jit/record.py: rec_nyi), so a trace reaching it aborts with
  "NYI: bytecode 51", LuaJIT 2.1's text (jit/traceerr.py).
- jit-nyi, "upvalue": a local of the loop's body (or a loop variable) captured by a
  closure; the body's scope closes it every iteration (UCLO, "NYI: bytecode 50").
- jit-nyi, "vararg": `...` passed on as a variable number of values (not to
  select); the loop's trace starts in the vararg function where the count is not
  known (rec_varg: "NYI: bytecode 71").
- jit-stitch: a call to a builtin that jit/builtins.py -- the table the recorder
  itself dispatches on -- lists as not recorded. The trace ends at the call; it
  is stitched to a new trace after it, except where LuaJIT cannot stitch: when
  the call's results are passed on as a variable number of values (the next
  bytecode is CALLM/CALLMT/RETM/TSETM). Builtins never stitched (error, ...)
  are not reported: ending the trace there costs nothing that matters.
Builtins compiled for some arguments only ("some") are not reported: whether a
call is one of them depends on runtime values.

A finding may carry a suggested rewrite (Rewrite: a title and text edits in byte
offsets of the source), offered only where it is mechanical and provably keeps
what the program does; see "Rewrites" below and docs/ARCHITECTURE.md section 8.
"""

import re
from dataclasses import dataclass

from ..vm import ast as A
from ..vm.bytecode import BC_FNEW, BC_UCLO, BC_VARG
from ..vm.lib.ffid import FFID
from ..vm.tokens import TK_name, TK_string
from .builtins import NEVER_STITCH, record_kind
from .traceerr import TraceError

LOOPS = (A.NumFor, A.GenFor, A.While, A.Repeat)
LOOP_WORDS = {A.NumFor: "for", A.GenFor: "for", A.While: "while", A.Repeat: "repeat"}
NYI_FNEW = TraceError("NYIBC", BC_FNEW).message()        # "NYI: bytecode 51"
NYI_UCLO = TraceError("NYIBC", BC_UCLO).message()        # "NYI: bytecode 50"
NYI_VARG = TraceError("NYIBC", BC_VARG).message()        # "NYI: bytecode 71"


def _nameable(ffname):
    """Can a chunk name this builtin as a global path (print, string.gsub)? Not the
    internal ones (ipairs_aux, io.method.read, ffi.meta.__index), nor ffi (a module
    that must be required)."""
    if ffname in ("Lua", "C") or ffname.startswith("ffi."):
        return False
    parts = ffname.split(".")
    return not any(p.endswith("_aux") or p.startswith("__") or p == "method" for p in parts)


LIBRARY = frozenset(name for name in FFID if _nameable(name))
LIBRARY_GLOBALS = frozenset(name.split(".")[0] for name in LIBRARY)
STITCHED = frozenset(name for name in LIBRARY
                     if record_kind(name) == "stitch" and name not in NEVER_STITCH)
"""Library functions the recorder does not compile and stitches around."""


# -- Findings ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Rewrite:
    """A suggested rewrite: edits (start, end, new text) in byte offsets of the
    source, not overlapping; apply them from the last to the first."""
    title: str
    edits: tuple

    def apply(self, source: bytes) -> bytes:
        out = source
        for start, end, text in sorted(self.edits, reverse=True):
            out = out[:start] + text.encode("utf-8") + out[end:]
        return out


@dataclass(frozen=True)
class JitFinding:
    code: str               # "jit-nyi" | "jit-stitch"
    kind: str               # "closure" | "upvalue" | "vararg" | "stitch" | "return"
    loop: tuple             # (start, end) of the loop's header
    loop_word: str          # "for", "while", "repeat"
    cause: tuple            # (start, end) of what is not compiled
    reason: str             # LuaJIT's text: 'NYI: bytecode 51', 'stitch string.gsub', 'return'
    explanation: str        # plain words, naming LuaJIT's reason
    rewrite: Rewrite = None

    @property
    def loop_label(self):
        return "the `%s` loop" % self.loop_word


# -- The tree ----------------------------------------------------------------------------

class Tree:
    """A parsed chunk and what the lint asks of it: parents, nodes by class, spans,
    library names. `parent` (id(node) -> node) and `by_type` (class -> nodes in
    source order) may come from a caller that has walked the tree already."""

    def __init__(self, sf, scopes, parent=None, by_type=None):
        self.sf = sf
        self.scopes = scopes
        self.source = sf.source
        self.tokens = sf.tokens
        self.chunk = sf.chunk
        if parent is None or by_type is None:
            parent, by_type = _index(sf.chunk)
        self.parent = parent
        self.by_type = by_type
        self._global_defs = None

    def nodes(self, cls):
        return self.by_type.get(cls, [])

    def span(self, node):
        return self.sf.byte_span(node)

    def enclosing(self, node, classes):
        p = self.parent.get(id(node))
        while p is not None and not isinstance(p, classes):
            p = self.parent.get(id(p))
        return p

    @property
    def global_defs(self):
        """Globals this chunk assigns (`x = ...`, `function x() end`)."""
        if self._global_defs is None:
            found = set()
            for stat in self.nodes(A.Assign):
                found.update(t.name for t in stat.targets
                             if isinstance(t, A.Name) and t.var is None)
            for stat in self.nodes(A.FunctionStat):
                if isinstance(stat.target, A.Name) and stat.target.var is None:
                    found.add(stat.target.name)
            self._global_defs = found
        return self._global_defs

    def library_path(self, expr):
        """"string" or "string.gsub" when expr names a library table or function."""
        return A.dotted_path(expr, self._library_head)

    def _library_head(self, name_node):
        return name_node.var is None and name_node.name in LIBRARY_GLOBALS \
            and name_node.name not in self.global_defs

    def initial_value(self, var):
        """The expression a local is declared with (None when there is none)."""
        stat = self.enclosing(var.decl, (A.Stat, A.Function))
        if isinstance(stat, A.LocalFunction):
            return stat.func
        if isinstance(stat, A.Local):
            for i, name in enumerate(stat.names):
                if name is var.decl:
                    return stat.exprs[i] if i < len(stat.exprs) else None
        return None


def _index(chunk):
    parent, by_type = {}, {}
    stack = [chunk]
    while stack:
        node = stack.pop()
        by_type.setdefault(type(node), []).append(node)
        kids = node.children()
        if kids:
            for child in kids:
                parent[id(child)] = node
            stack.extend(reversed(kids))
    return parent, by_type


def parse(source: bytes, chunkname="=?"):
    """A Tree of a source text (the front end with error recovery; never raises)."""
    from ..vm.loader import analyze     # noqa: PLC0415
    sf, scopes = analyze(source, chunkname)
    return Tree(sf, scopes)


# -- Where the loop is -------------------------------------------------------------------
# These take a Tree, or anything with the same parent/span/tokens/library_path/
# initial_value (the language server's Analysis).

def loop_of(t, node):
    """The innermost loop whose every iteration evaluates `node` (same function); None
    when there is none, or when something between them runs only sometimes (a branch
    of an `if`, the right side of `and`/`or`)."""
    child = node
    parent = t.parent.get(id(node))
    while parent is not None and not isinstance(parent, (A.Function, A.Chunk)):
        if isinstance(parent, LOOPS) and _per_iteration(parent, child):
            return parent
        if _conditional(parent, child):
            return None
        child = parent
        parent = t.parent.get(id(parent))
    return None


def _conditional(parent, child):
    """Does `parent` evaluate `child` only on some of its runs?"""
    if isinstance(parent, A.If):
        return child is not parent.tests[0]
    if isinstance(parent, A.BinOp) and parent.op in (A.OPR_AND, A.OPR_OR):
        return child is parent.right
    return False


def _per_iteration(loop, child):
    if child is loop.body:
        return True
    return isinstance(loop, (A.While, A.Repeat)) and child is loop.cond


def loop_header(t, loop):
    """Span of a loop's header: `for ... do`, `while ... do`, or `repeat`."""
    start = t.span(loop)[0]
    if isinstance(loop, A.Repeat):
        return start, start + len("repeat")
    body_first = loop.body.first
    end = t.tokens.end[body_first - 1] if body_first > 0 else t.span(loop)[1]
    return start, max(end, start)


def function_keyword(t, func):
    """The span to mark: `function` up to the closing parenthesis of its parameters
    (from `local` for `local function`)."""
    stat = t.parent.get(id(func))
    start = t.span(stat)[0] if isinstance(stat, (A.LocalFunction, A.FunctionStat)) \
        else t.span(func)[0]
    close = func.body.first - 1
    end = t.tokens.end[close] if close >= func.lparen else t.span(func)[1]
    return start, max(end, start)


def builtin_called(t, expr):
    """"string.gsub" when expr is that library function (directly or through a
    local bound once to it), else None."""
    path = t.library_path(expr)
    if path is not None:
        return path
    if isinstance(expr, A.Name) and expr.var is not None and not expr.var.assigned:
        value = t.initial_value(expr.var)
        return t.library_path(value) if value is not None else None
    return None


def passes_on_results(t, call):
    """Are the call's results passed on as a variable number of values (the last
    argument of a call, the last item of a constructor, the last returned value)?"""
    parent = t.parent.get(id(call))
    if isinstance(parent, (A.Call, A.Method)):
        return bool(parent.args) and parent.args[-1] is call
    if isinstance(parent, A.Return):
        return parent.exprs[-1] is call
    if isinstance(parent, A.Item) and parent.kind == A.ITEM_POS:
        table = t.parent.get(id(parent))
        return isinstance(table, A.Table) and table.items[-1] is parent
    return False


# -- The checks --------------------------------------------------------------------------

def lint(t):
    """All findings of a Tree: jit-nyi (closures, closed upvalues, varargs), then
    jit-stitch, each in source order."""
    rw = _Rewriter(t)
    found = list(closures_in_loops(t, rw))
    found += closed_upvalues(t)
    found += varargs_passed_on(t, rw)
    found += stitched_calls(t)
    return found


def _finding(t, loop, code, kind, cause, reason, explanation, rewrite=None):
    return JitFinding(code, kind, loop_header(t, loop), LOOP_WORDS[type(loop)], cause,
                      reason, explanation, rewrite)


def closures_in_loops(t, rw=None):
    for func in t.nodes(A.Function):
        loop = loop_of(t, func)
        if loop is None:
            continue
        yield _finding(
            t, loop, "jit-nyi", "closure", function_keyword(t, func), NYI_FNEW,
            "This function is created anew on every iteration of the loop, and LuaJIT 2.1 "
            "cannot compile creating a closure: a trace that reaches it is aborted "
            "(LuaJIT: \"%s\", bytecode FNEW). Create the function before the loop if it "
            "does not need the loop's variables." % NYI_FNEW,
            rw.hoist_function(func, loop) if rw is not None else None)


def closed_upvalues(t):
    """A local of the loop's body (or a loop variable) captured by a closure: the body's
    scope closes it at the end of every iteration (bytecode UCLO, fscope_end)."""
    loops = sorted((node for cls in LOOPS for node in t.nodes(cls)), key=lambda n: n.first)
    for loop in loops:
        scope = loop.body.scope
        if scope is None:
            continue
        candidates = list(scope.vars)
        if isinstance(loop, (A.NumFor, A.GenFor)) and scope.parent is not None:
            candidates += scope.parent.vars        # the loop variables' own scope
        var = next((v for v in candidates if v.captured), None)
        if var is None:
            continue
        yield _finding(
            t, loop, "jit-nyi", "upvalue", t.span(var.decl), NYI_UCLO,
            "`%s` is captured by a closure, so the loop closes it at the end of every "
            "iteration, which LuaJIT 2.1 cannot compile: the loop's trace is aborted "
            "(LuaJIT: \"%s\", bytecode UCLO). Declare the variable outside the loop, or "
            "create the closure elsewhere." % (var.name, NYI_UCLO))


def varargs_passed_on(t, rw=None):
    """`...` passed on as a variable number of values (not to select) in a loop: the
    loop's trace starts in the vararg function, where the count is unknown (rec_varg)."""
    for node in t.nodes(A.Vararg):
        loop = loop_of(t, node)
        if loop is None or not passes_on_results(t, node):
            continue
        parent = t.parent.get(id(node))
        if isinstance(parent, A.Call) and builtin_called(t, parent.func) == "select":
            continue
        yield _finding(
            t, loop, "jit-nyi", "vararg", t.span(node), NYI_VARG,
            "All of `...` passed on in a loop: LuaJIT 2.1 compiles varargs only in a fixed "
            "number or through select(), so the loop's trace is aborted (LuaJIT: \"%s\", "
            "bytecode VARG). Copy them once before the loop (`local args = {...}`)."
            % NYI_VARG,
            rw.hoist_vararg_count(node, loop) if rw is not None else None)


def stitched_calls(t):
    for call in t.nodes(A.Call):
        name = builtin_called(t, call.func)
        if name not in STITCHED:
            continue
        loop = loop_of(t, call)
        if loop is None:
            continue
        if passes_on_results(t, call):
            yield _finding(
                t, loop, "jit-stitch", "return", t.span(call.func), "return",
                "LuaJIT 2.1 does not compile `%s`: a trace in this loop ends at this call "
                "and returns to the interpreter. It cannot be stitched here because the "
                "call's results are passed on as a variable number of values (LuaJIT: "
                "trace link \"return\")." % name)
        else:
            yield _finding(
                t, loop, "jit-stitch", "stitch", t.span(call.func), "stitch " + name,
                "LuaJIT 2.1 does not compile `%s`: a trace in this loop ends at this call, "
                "the interpreter runs it, and a new trace starts after it (LuaJIT: trace "
                "link \"stitch %s\")." % (name, name))


# -- Rewrites ----------------------------------------------------------------------------
# A rewrite is offered only where it keeps what the program computes and prints.
# Moving code out of a loop is safe when evaluating it has no side effects, its value
# is the same on every iteration, and nothing can tell one evaluation's result from
# another's. Both rewrites insert `local NAME = EXPR` right before the loop (NAME
# fresh: no identifier of the file is spelled so) and put NAME where EXPR was.
#
# - Hoist a function expression: creating a closure has no side effects, and a closure
#   that captures no variable declared inside the loop reads and writes the same
#   variables wherever it is created. What changes is that the iterations now share
#   one closure, so it is offered only where a closure's identity cannot be seen: the
#   function is only ever called -- immediately `(function ... end)(...)`, through a
#   local bound once and used only as `f(...)`, as a `local function` used so, or as
#   the callback of pcall/xpcall/table.sort/string.gsub, which call it and keep it
#   nowhere.
# - Hoist `#{...}`: the varargs cannot change inside their function, building a table
#   and taking its length has no side effects, and the result is a number.
#
# Not offered when the file mentions setfenv, getfenv or debug at all (a function's
# environment or upvalues could be changed or inspected), when a label follows the loop in its
# block (a forward goto would jump into the new local's scope), or when the function
# holding the loop is near LuaJIT's limit of locals. What may differ: line numbers
# reported from inside a moved function (its text moves up), and memory addresses
# and collector timing (fewer allocations).

_CALLBACKS = {          # builtin -> {argument index: name base}
    "pcall": {0: "protected"},
    "xpcall": {0: "protected", 1: "handler"},
    "table.sort": {1: "compare"},
    "string.gsub": {2: "replace"},
}
_OPAQUE = re.compile(rb"(?<![A-Za-z0-9_])(setfenv|getfenv|debug)(?![A-Za-z0-9_])")
_MAX_VARS = 100         # locals in the function holding the loop (LuaJIT: 200, 250 slots)
_KEYWORDS = frozenset((
    "and", "break", "do", "else", "elseif", "end", "false", "for", "function", "goto",
    "if", "in", "local", "nil", "not", "or", "repeat", "return", "then", "true", "until",
    "while"))


class _Rewriter:
    def __init__(self, t):
        self.t = t
        self._names = None
        self._taken = set()
        self._opaque_found = None

    # -- The two rewrites ------------------------------------------------------------

    def hoist_function(self, func, loop):
        t = self.t
        if self._opaque():
            return None
        outer = func
        while isinstance(t.parent.get(id(outer)), A.Paren):
            outer = t.parent.get(id(outer))
        parent = t.parent.get(id(outer))
        src = t.source
        fstart, fend = t.span(func)
        text = src[fstart:fend].decode("utf-8", "replace")
        if isinstance(parent, A.LocalFunction):
            if not self._only_called(parent.name.var):
                return None
            base, replace = parent.name.var.name + "_fn", t.span(parent)
            lparen = t.tokens.start[func.lparen]
            text = "function" + src[lparen:fend].decode("utf-8", "replace")
            local = parent.name.var.name
        elif isinstance(parent, A.Local):
            i = next((i for i, e in enumerate(parent.exprs) if e is outer), None)
            if i is None or i >= len(parent.names) \
                    or not self._only_called(parent.names[i].var):
                return None
            base, replace, local = parent.names[i].var.name + "_fn", t.span(outer), None
        elif isinstance(parent, A.Call) and parent.func is outer:
            base, replace, local = "fn", t.span(outer), None
        elif isinstance(parent, A.Call):
            name = builtin_called(t, parent.func)
            positions = _CALLBACKS.get(name, {})
            i = next((i for i, e in enumerate(parent.args) if e is outer), None)
            if i not in positions or self._library_changed(name):
                return None
            base, replace, local = positions[i], t.span(outer), None
        else:
            return None
        target = self._target_loop(loop, self._free_locals(func))
        if target is None:
            return None
        text = self._reindent(text, fstart, target, func)
        name = self._fresh(base)
        new = "local %s = %s" % (local, name) if local is not None else name
        return self._hoist(target, name, text, replace, new,
                           "Create the function once, before the loop (`local %s`)" % name)

    def hoist_vararg_count(self, vararg, loop):
        """`#{...}` in a loop -> `local nargs = #{...}` before it."""
        t = self.t
        item = t.parent.get(id(vararg))
        table = t.parent.get(id(item))
        if not isinstance(item, A.Item) or item.kind != A.ITEM_POS \
                or not isinstance(table, A.Table) or len(table.items) != 1:
            return None
        outer = table
        while isinstance(t.parent.get(id(outer)), A.Paren):
            outer = t.parent.get(id(outer))
        length = t.parent.get(id(outer))
        if not isinstance(length, A.UnOp) or length.op != A.OPU_LEN:
            return None
        target = self._target_loop(loop, ())
        if target is None:
            return None
        span = t.span(length)
        text = t.source[span[0]:span[1]].decode("utf-8", "replace")
        name = self._fresh("nargs")
        return self._hoist(target, name, text, span, name,
                           "Count the varargs once, before the loop (`local %s = %s`)"
                           % (name, text))

    # -- Conditions ------------------------------------------------------------------

    def _opaque(self):
        """Does the file mention setfenv, getfenv or debug anywhere (a global, a local
        `require "debug"` went into, a string key, even a comment)?"""
        if self._opaque_found is None:
            self._opaque_found = _OPAQUE.search(self.t.source) is not None
        return self._opaque_found

    def _only_called(self, var):
        """A local never assigned and only ever used as `var(...)`."""
        if var is None or var.assigned:
            return False
        for ref in var.refs:
            p = self.t.parent.get(id(ref))
            if not isinstance(p, A.Call) or p.func is not ref:
                return False
        return True

    def _library_changed(self, name):
        """Does the file assign a field named like the library function's last part
        (`table.sort = ...`, `function t.sort() end`)?"""
        last = name.rsplit(".", 1)[-1].encode()
        targets = [tg for s in self.t.nodes(A.Assign) for tg in s.targets]
        targets += [s.target for s in self.t.nodes(A.FunctionStat)]
        return any(isinstance(tg, A.Index) and isinstance(tg.key, A.String)
                   and tg.key.value == last for tg in targets) \
            or name in self.t.global_defs

    def _free_locals(self, func):
        """Locals declared outside `func` that it uses (at any depth)."""
        lo, hi = func.lparen, func.last        # `local function f`: f is outside
        found = []
        stack = [func]
        while stack:
            node = stack.pop()
            if isinstance(node, A.Name):
                var = node.var
                if var is not None and not lo <= var.decl.first <= hi:
                    found.append(var)
                continue
            stack.extend(node.children())
        return found

    def _target_loop(self, loop, free):
        """The outermost loop, from `loop` outwards in the same function, in which
        none of the `free` locals is declared; None when `loop` is not one."""
        t = self.t
        target = None
        node = loop
        while node is not None and not isinstance(node, (A.Function, A.Chunk)):
            if isinstance(node, LOOPS):
                if any(node.first <= v.decl.first <= node.last for v in free):
                    break
                target = node
            node = t.parent.get(id(node))
        if target is None:
            return None
        block = t.parent.get(id(target))
        if not isinstance(block, A.Block):
            return None
        after = block.stats[block.stats.index(target) + 1:]
        if any(isinstance(s, A.Label) for s in after):
            return None
        holder = t.enclosing(target, (A.Function, A.Chunk))
        info = getattr(holder, "scope", None)
        if info is None or len(info.vars) >= _MAX_VARS:
            return None
        return target

    # -- Text ------------------------------------------------------------------------

    def _fresh(self, base):
        if self._names is None:
            toks, src = self.t.tokens, self.t.source
            self._names = {src[toks.start[i]:toks.end[i]].decode("utf-8", "replace")
                           for i in range(len(toks)) if toks.kind[i] == TK_name}
        taken = self._names | self._taken | LIBRARY_GLOBALS | _KEYWORDS
        name, n = base, 1
        while name in taken:
            n += 1
            name = "%s%d" % (base, n)
        self._taken.add(name)
        return name

    def _line_start(self, offset):
        src = self.t.source
        return max(src.rfind(b"\n", 0, offset), src.rfind(b"\r", 0, offset)) + 1

    def _indent(self, line_start):
        src = self.t.source
        end = line_start
        while end < len(src) and src[end] in b" \t":
            end += 1
        return src[line_start:end].decode()

    def _reindent(self, text, start, target, func):
        """Lines 2.. of the moved text, from the function's indentation to the loop's;
        unchanged when a string in it spans lines (its text must not change)."""
        toks, src = self.t.tokens, self.t.source
        for i in range(func.first, func.last + 1):
            if toks.kind[i] == TK_string and (b"\n" in src[toks.start[i]:toks.end[i]]
                                              or b"\r" in src[toks.start[i]:toks.end[i]]):
                return text
        old = self._indent(self._line_start(start))
        new = self._indent(self._line_start(self.t.span(target)[0]))
        lines = text.split("\n")
        for k in range(1, len(lines)):
            if lines[k].startswith(old):
                lines[k] = new + lines[k][len(old):]
        return "\n".join(lines)

    def _hoist(self, target, name, text, replace, new, title):
        at = self.t.span(target)[0]
        begin = self._line_start(at)
        indent = self._indent(begin)
        if begin + len(indent.encode()) == at:       # the loop starts its line
            insert = (begin, begin, "%slocal %s = %s\n" % (indent, name, text))
        else:
            insert = (at, at, "local %s = %s; " % (name, text))
        return Rewrite(title, (insert, (replace[0], replace[1], new)))
