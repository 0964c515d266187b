"""Static JIT-lint: code in loops that LuaJIT 2.1's trace compiler will not compile.

Only what is certain from the source is reported, and only code that runs on
every iteration of a loop (its body, and the condition of while/repeat):
- jit-nyi: a function expression (bytecode FNEW). The recorder has no handler
  for FNEW (jit/record.py: rec_nyi), so a trace reaching it aborts with
  "NYI: bytecode 51", LuaJIT 2.1's text (jit/traceerr.py).
- jit-stitch: a call to a builtin that jit/builtins.py -- the table the recorder
  itself dispatches on -- lists as not recorded. The trace ends at the call; it
  is stitched to a new trace after it, except where LuaJIT cannot stitch: when
  the call's results are passed on as a variable number of values (the next
  bytecode is CALLM/CALLMT/RETM/TSETM). Builtins never stitched (error, ...)
  are not reported: ending the trace there costs nothing that matters.
Builtins compiled for some arguments only ("some") are not reported: whether a
call is one of them depends on runtime values.
"""

from ..jit.builtins import NEVER_STITCH, record_kind
from ..jit.traceerr import TraceError
from ..vm import ast as A
from ..vm.bytecode import BC_FNEW, BC_UCLO, BC_VARG
from ..vm.lib.ffid import FFID
from . import stdlib_docs
from .diagnostics import Finding

LOOPS = (A.NumFor, A.GenFor, A.While, A.Repeat)
LOOP_WORDS = {A.NumFor: "for", A.GenFor: "for", A.While: "while", A.Repeat: "repeat"}
NYI_FNEW = TraceError("NYIBC", BC_FNEW).message()        # "NYI: bytecode 51"
NYI_UCLO = TraceError("NYIBC", BC_UCLO).message()        # "NYI: bytecode 50"
NYI_VARG = TraceError("NYIBC", BC_VARG).message()        # "NYI: bytecode 71"


def stitched_builtins():
    """Library functions the recorder does not compile and stitches around."""
    return frozenset(name for name in FFID
                     if record_kind(name) == "stitch" and name not in NEVER_STITCH
                     and name in stdlib_docs.FUNCTIONS)


STITCHED = stitched_builtins()


def loop_of(a, node):
    """The innermost loop whose every iteration evaluates `node` (same function); None
    when there is none, or when something between them runs only sometimes (a branch
    of an `if`, the right side of `and`/`or`)."""
    child = node
    parent = a.parent.get(id(node))
    while parent is not None and not isinstance(parent, (A.Function, A.Chunk)):
        if isinstance(parent, LOOPS) and _per_iteration(parent, child):
            return parent
        if _conditional(parent, child):
            return None
        child = parent
        parent = a.parent.get(id(parent))
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


def loop_header(a, loop):
    """Span of a loop's header: `for ... do`, `while ... do`, or `repeat`."""
    start = a.span(loop)[0]
    if isinstance(loop, A.Repeat):
        return start, start + len("repeat")
    body_first = loop.body.first
    end = a.tokens.end[body_first - 1] if body_first > 0 else a.span(loop)[1]
    return start, max(end, start)


def closures_in_loops(a, settings=None):
    for func in a.nodes(A.Function):
        loop = loop_of(a, func)
        if loop is None:
            continue
        start, end = _function_keyword(a, func)
        hs, he = loop_header(a, loop)
        yield Finding(start, end,
                      "This function is created anew on every iteration of the loop, and "
                      "LuaJIT 2.1 cannot compile creating a closure: a trace that reaches "
                      "it is aborted (LuaJIT: \"%s\", bytecode FNEW). Create the function "
                      "before the loop if it does not need the loop's variables."
                      % NYI_FNEW,
                      [(hs, he, "the `%s` loop" % LOOP_WORDS[type(loop)])])


def _function_keyword(a, func):
    """The span to mark: `function` up to the closing parenthesis of its parameters."""
    stat = a.parent.get(id(func))
    start = a.span(stat)[0] if isinstance(stat, (A.LocalFunction, A.FunctionStat)) \
        else a.span(func)[0]
    close = func.body.first - 1
    end = a.tokens.end[close] if close >= func.lparen else a.span(func)[1]
    return start, max(end, start)


def stitched_calls(a, settings=None):
    for call in a.nodes(A.Call):
        name = builtin_called(a, call.func)
        if name not in STITCHED:
            continue
        loop = loop_of(a, call)
        if loop is None:
            continue
        start, end = a.span(call.func)
        hs, he = loop_header(a, loop)
        yield Finding(start, end, _stitch_message(name, passes_on_results(a, call)),
                      [(hs, he, "the `%s` loop" % LOOP_WORDS[type(loop)])])


def _stitch_message(name, multres):
    if multres:
        return ("LuaJIT 2.1 does not compile `%s`: a trace in this loop ends at this call "
                "and returns to the interpreter. It cannot be stitched here because the "
                "call's results are passed on as a variable number of values (LuaJIT: "
                "trace link \"return\")." % name)
    return ("LuaJIT 2.1 does not compile `%s`: a trace in this loop ends at this call, the "
            "interpreter runs it, and a new trace starts after it (LuaJIT: trace link "
            "\"stitch %s\")." % (name, name))


def builtin_called(a, expr):
    """"string.gsub" when expr is that library function (directly or through a
    local bound once to it), else None."""
    path = a.library_path(expr)
    if path is not None:
        return path
    if isinstance(expr, A.Name) and expr.var is not None and not expr.var.assigned:
        value = a.initial_value(expr.var)
        return a.library_path(value) if value is not None else None
    return None


def passes_on_results(a, call):
    """Are the call's results passed on as a variable number of values (the last
    argument of a call, the last item of a constructor, the last returned value)?"""
    parent = a.parent.get(id(call))
    if isinstance(parent, (A.Call, A.Method)):
        return bool(parent.args) and parent.args[-1] is call
    if isinstance(parent, A.Return):
        return parent.exprs[-1] is call
    if isinstance(parent, A.Item) and parent.kind == A.ITEM_POS:
        table = a.parent.get(id(parent))
        return isinstance(table, A.Table) and table.items[-1] is parent
    return False


# code: check. Severity Information, source "moonlens-jit" (server/diagnostics.py).
def nyi_in_loops(a, settings=None):
    """jit-nyi: closures created, upvalues closed, varargs passed on, per iteration."""
    yield from closures_in_loops(a, settings)
    yield from closed_upvalues(a, settings)
    yield from varargs_passed_on(a, settings)


def closed_upvalues(a, settings=None):
    """A local of the loop's body (or a loop variable) captured by a closure: the body's
    scope closes it at the end of every iteration (bytecode UCLO, fscope_end)."""
    for loop in (node for cls in LOOPS for node in a.nodes(cls)):
        scope = loop.body.scope
        if scope is None:
            continue
        candidates = list(scope.vars)
        if isinstance(loop, (A.NumFor, A.GenFor)) and scope.parent is not None:
            candidates += scope.parent.vars        # the loop variables' own scope
        var = next((v for v in candidates if v.captured), None)
        if var is None:
            continue
        start, end = a.span(var.decl)
        hs, he = loop_header(a, loop)
        yield Finding(start, end,
                      "`%s` is captured by a closure, so the loop closes it at the end of "
                      "every iteration, which LuaJIT 2.1 cannot compile: the loop's trace "
                      "is aborted (LuaJIT: \"%s\", bytecode UCLO). Declare the variable "
                      "outside the loop, or create the closure elsewhere."
                      % (var.name, NYI_UCLO),
                      [(hs, he, "the `%s` loop" % LOOP_WORDS[type(loop)])])


def varargs_passed_on(a, settings=None):
    """`...` passed on as a variable number of values (not to select) in a loop: the
    loop's trace starts in the vararg function, where the count is unknown (rec_varg)."""
    for node in a.nodes(A.Vararg):
        loop = loop_of(a, node)
        if loop is None or not passes_on_results(a, node):
            continue
        parent = a.parent.get(id(node))
        if isinstance(parent, A.Call) and builtin_called(a, parent.func) == "select":
            continue
        start, end = a.span(node)
        hs, he = loop_header(a, loop)
        yield Finding(start, end,
                      "All of `...` passed on in a loop: LuaJIT 2.1 compiles varargs only "
                      "in a fixed number or through select(), so the loop's trace is "
                      "aborted (LuaJIT: \"%s\", bytecode VARG). Copy them once before the "
                      "loop (`local args = {...}`)." % NYI_VARG,
                      [(hs, he, "the `%s` loop" % LOOP_WORDS[type(loop)])])


CHECKS = {
    "jit-nyi": nyi_in_loops,
    "jit-stitch": stitched_calls,
}
