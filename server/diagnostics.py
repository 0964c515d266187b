"""Diagnostics: the front end's syntax errors and the semantic checks.

CHECKS is the one table of checks, keyed by LuaLS's code names so that
`---@diagnostic disable...` comments and `.luarc.json` settings written for
LuaLS keep working. A check is a function of the Analysis and the Settings
yielding Finding tuples; `compute` gives them their severity and tags, and
applies the project's settings and the suppression comments.
"""

import bisect
import functools

from ..vm import ast as A
from ..vm.diagnostics import ERROR, HINT, INFO, WARNING
from ..vm.numbers import fmt_number
from ..vm.scopes import V_PARAM, V_SELF
from ..vm.tokens import TK_dots, TK_string
from . import stdlib_docs
from .comments import Suppressions, code_spans, directives


SOURCE = "moonlens"
JIT_SOURCE = "moonlens-jit"
JIT_CODES = ("jit-nyi", "jit-stitch")      # server/jit_lint.py
UNNECESSARY, DEPRECATED = "unnecessary", "deprecated"      # LSP's diagnostic tags


class Diag:
    """A diagnostic in byte offsets, ready for the protocol layer."""
    __slots__ = ("code", "message", "start", "end", "severity", "tag", "related",
                 "source")

    def __init__(self, code, message, start, end, severity, tag=None,
                 related=(), source=SOURCE):
        self.source = source
        self.code = code
        self.message = message
        self.start = start
        self.end = end
        self.severity = severity
        self.tag = tag                   # UNNECESSARY, DEPRECATED or None
        self.related = list(related)     # (start, end, message)

    def __repr__(self):
        return "Diag(%s %d-%d %r)" % (self.code, self.start, self.end, self.message)


class Finding:
    """What a check reports: a byte span, a message, related locations."""
    __slots__ = ("start", "end", "message", "related")

    def __init__(self, start, end, message, related=()):
        self.start = start
        self.end = end
        self.message = message
        self.related = related


def compute(a, settings):
    """All diagnostics of an Analysis, sorted by position."""
    if not settings.diagnostics_enable:
        return []
    found = [Diag("syntax", d.message, d.start, max(d.end, d.start), d.severity)
             for d in a.sf.diagnostics]
    quiet = Suppressions(directives(a.comments))
    for code, (severity, tag, check) in CHECKS.items():
        if code in settings.disable:
            continue
        severity = settings.severity.get(code, severity)
        for f in check(a, settings):
            if not quiet.suppressed(code, a.line(f.start), f.start):
                found.append(Diag(code, f.message, f.start, f.end, severity, tag,
                                  f.related))
    if settings.jit_lint:
        found.extend(_jit_lint(a, settings, quiet))
    found.sort(key=lambda d: (d.start, d.end))
    return found


def _jit_lint(a, settings, quiet):
    from . import jit_lint        # noqa: PLC0415 -- jit_lint builds on this module
    for code, check in jit_lint.CHECKS.items():
        if code in settings.disable:
            continue
        severity = settings.severity.get(code, INFO)
        for f in check(a, settings):
            if not quiet.suppressed(code, a.line(f.start), f.start):
                yield Diag(code, f.message, f.start, f.end, severity, related=f.related,
                           source=JIT_SOURCE)


def _shared(a, key, make):
    """make(a), computed once per Analysis when several checks need it."""
    memo = getattr(a, "memo", None)
    if memo is None:
        return make(a)
    found = memo.get(key)
    if found is None:
        found = memo[key] = make(a)
    return found


# -- Globals -------------------------------------------------------------------------

def undefined_global(a, settings):
    standard = _standard_globals(settings.runtime_version)
    for name, nodes in a.scopes.globals.items():
        if name in standard or name in settings.globals or name in a.global_defs \
                or name in settings.defined_globals:
            continue
        for node in nodes:
            start, end = a.span(node)
            yield Finding(start, end, "Undefined global `%s`." % name)


_standard_globals = functools.lru_cache(maxsize=None)(stdlib_docs.standard_globals)


def deprecated(a, settings):
    """Standard names the configured runtime.version removed (LuaLS: deprecated)."""
    version = settings.runtime_version
    if version not in stdlib_docs.VERSIONS[2:]:
        return
    for name, nodes in a.scopes.globals.items():
        since = stdlib_docs.removed_in(name, version)
        if since and name not in a.global_defs and name not in settings.defined_globals:
            for node in nodes:
                yield _removed(a, node, name, since, version)
    for node in a.nodes(A.Index):
        path = a.library_path(node) if isinstance(node.key, A.String) else None
        since = stdlib_docs.removed_in(path, version) if path else None
        if since:
            yield _removed(a, node.key, path, since, version)


def _removed(a, node, name, since, version):
    start, end = a.span(node)
    return Finding(start, end, "Deprecated: `%s` was removed in %s (runtime.version is %s)."
                   % (name, since, version))


def lowercase_global(a, settings):
    for name, defs in a.global_defs.items():
        if not name[:1].islower() or name in settings.globals \
                or name in stdlib_docs.GLOBALS:
            continue
        for node in defs:
            start, end = a.span(node)
            yield Finding(start, end, "Global variable in lowercase initial, did you miss "
                                      "`local` or misspell it?")


def undefined_field(a, settings):
    for node in a.nodes(A.Index):
        if not isinstance(node.key, A.String):
            continue
        table = a.library_path(node.obj)
        if table is None or table not in stdlib_docs.MEMBERS:
            continue
        name = node.key.value.decode("utf-8", "replace")
        if name in stdlib_docs.MEMBERS[table] or name in a.fields.get(table, {}):
            continue
        if _is_assign_target(a, node):
            continue
        start, end = a.span(node.key)
        yield Finding(start, end, "Undefined field `%s`." % name)


def _is_assign_target(a, node):
    parent = a.parent.get(id(node))
    if isinstance(parent, A.Assign):
        return any(t is node for t in parent.targets)
    return isinstance(parent, A.FunctionStat) and parent.target is node


# -- Unused things -----------------------------------------------------------------------

def unused_local(a, settings):
    for var, value in _shared(a, "unused", _unused):
        if not isinstance(value, A.Function):
            start, end = a.span(var.decl)
            yield Finding(start, end, "Unused local `%s`." % var.name)


def unused_function(a, settings):
    for var, value in _shared(a, "unused", _unused):
        if isinstance(value, A.Function):
            start, end = a.span(var.decl)
            yield Finding(start, end, "Unused function `%s`." % var.name)


def _unused(a):
    """[(Var, initial value)] for locals that are never read."""
    found = []
    for var in a.scopes.vars:
        if var.kind in (V_PARAM, V_SELF) or var.name.startswith("_") or var.start < 0:
            continue
        value = a.initial_value(var)
        inside = a.span(value) if isinstance(value, A.Function) else (-1, -1)
        if not any(_is_read(a, ref, inside) for ref in var.refs):
            found.append((var, value))
    return found


def _is_read(a, ref, inside):
    """A use that reads the variable (not counting a function's calls to itself)."""
    occ = a.occurrences.get(ref.first)
    if occ is not None and occ.write:
        return False
    start = a.tokens.start[ref.first]
    return not inside[0] <= start < inside[1]


def unused_vararg(a, settings):
    for func in a.nodes(A.Function):
        if func.is_vararg and not _uses_vararg(func.body):
            dots = _dots_token(a, func)
            if dots >= 0:
                start, end = a.token_span(dots)
                yield Finding(start, end, "Unused variable length arguments.")


def _uses_vararg(body):
    stack = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, A.Vararg):
            return True
        for child in node.children():
            if not isinstance(child, A.Function):   # an inner function has its own '...'
                stack.append(child)
    return False


def _dots_token(a, func):
    for i in range(func.lparen, max(func.body.first, func.lparen)):
        if a.tokens.kind[i] == TK_dots:
            return i
    return -1


# -- Shadowing -----------------------------------------------------------------------

def redefined_local(a, settings):
    by_name = {}
    for var in a.scopes.vars:
        if var.kind != V_SELF and var.start >= 0:
            by_name.setdefault(var.name, []).append(var)
    for name, vars_ in by_name.items():
        if name.startswith("_") or len(vars_) < 2:
            continue
        reach = _Reach(vars_)
        for var in vars_:
            outer = _visible_other(vars_, var) if reach.may_see(var) else None
            if outer is not None:
                start, end = a.span(var.decl)
                ostart, oend = a.span(outer.decl)
                yield Finding(start, end, "Redefined local `%s`." % name,
                              [(ostart, oend, "`%s` is first declared here." % name)])


class _Reach:
    """Locals of one name sorted by where they become visible, with the furthest
    end so far: rules out most `_visible_other` scans in O(log n)."""

    def __init__(self, vars_):
        ordered = sorted(vars_, key=lambda v: v.start)
        self.starts = [v.start for v in ordered]
        self.prefix = []          # (largest end, its var, largest end of the others)
        best, holder, second = -1, None, -1
        for v in ordered:
            if v.end > best:
                best, holder, second = v.end, v, best
            elif v.end > second:
                second = v.end
            self.prefix.append((best, holder, second))

    def may_see(self, var):
        """False when no other local of the name is visible at var's declaration."""
        tok = var.decl.first
        p = bisect.bisect_right(self.starts, tok)
        if p == 0:
            return False
        best, holder, second = self.prefix[p - 1]
        return (second if holder is var else best) >= tok


def _visible_other(vars_, var):
    tok = var.decl.first
    for other in vars_:
        if other is not var and other.start <= tok <= other.end:
            return other
    return None


# -- Control flow ----------------------------------------------------------------------

def unreachable_code(a, settings):
    yield from _dead_code(a, lambda kind: kind != "break",
                          "Unreachable code.")


def code_after_break(a, settings):
    yield from _dead_code(a, lambda kind: kind == "break",
                          "Code after `break` is never run.")


def _dead_code(a, wanted, message):
    for first, last, kind in _shared(a, "dead_runs", _all_dead_runs):
        if wanted(kind):
            start = a.span(first)[0]
            end = a.span(last)[1]
            yield Finding(start, end, message)


def _all_dead_runs(a):
    return [run for block in _blocks(a) for run in _dead_runs(a, block.stats)]


def _blocks(a):
    return a.nodes(A.Block)          # the main chunk's body is one of them


def _dead_runs(a, stats):
    """(first, last, exit kind) for each run of statements that cannot be reached."""
    exit_kind = None
    run = []
    for stat in stats:
        if isinstance(stat, A.Label):
            if run:
                yield run[0], run[-1], exit_kind
            exit_kind, run = None, []
        elif exit_kind is not None:
            run.append(stat)
        else:
            exit_kind = _exit_kind(a, stat)
    if run:
        yield run[0], run[-1], exit_kind


def _exit_kind(a, stat):
    """How a statement leaves for good: "return", "break", "goto", "error", "loop",
    "mixed", or None when control can continue after it."""
    t = type(stat)
    if t is A.Return:
        return "return"
    if t is A.Break:
        return "break"
    if t is A.Goto:
        return "goto"
    if t is A.Do:
        return _block_exit(a, stat.body)
    if t is A.If:
        return _if_exit(a, stat)
    if t is A.While and _always_true(stat.cond) and not _may_leave(stat.body):
        return "loop"
    if t is A.Repeat and _always_false(stat.cond) and not _may_leave(stat.body):
        return "loop"
    if t is A.CallStat and _is_no_return_call(a, stat.call):
        return "error"
    return None


def _block_exit(a, block):
    kind = None
    for stat in block.stats:
        if isinstance(stat, A.Label):
            kind = None
        elif kind is None:
            kind = _exit_kind(a, stat)
    return kind


def _if_exit(a, stat):
    if stat.orelse is None:
        return None
    kinds = {_block_exit(a, b) for b in stat.blocks + [stat.orelse]}
    if None in kinds:
        return None
    return kinds.pop() if len(kinds) == 1 else "mixed"


def _always_true(expr):
    return isinstance(expr, (A.TrueLit, A.Number, A.String, A.Table, A.Function))


def _always_false(expr):
    return isinstance(expr, (A.FalseLit, A.Nil))


def _may_leave(body):
    """Does a loop body contain a break or goto of its own (not of an inner loop)?"""
    stack = [body]
    while stack:
        node = stack.pop()
        if isinstance(node, (A.Break, A.Goto)):
            return True
        for child in node.children():
            if not isinstance(child, (A.Function, A.While, A.Repeat, A.NumFor, A.GenFor)):
                stack.append(child)
            elif not isinstance(child, A.Function) and _has_goto(child):
                return True
    return False


def _has_goto(node):
    return any(isinstance(n, A.Goto) for n in node.walk())


def _is_no_return_call(a, call):
    if not isinstance(call, A.Call):
        return False
    func = call.func
    if isinstance(func, A.Name):
        return func.name == "error" and func.var is None and a.is_library_global("error")
    return a.library_path(func) == "os.exit"


def empty_block(a, settings):
    for stat in a.nodes(A.Do) + a.nodes(A.While) + a.nodes(A.Repeat) \
            + a.nodes(A.NumFor) + a.nodes(A.GenFor) + a.nodes(A.If):
        blocks = _bodies(stat)
        if all(_is_empty(a, b) for b in blocks):
            start, end = a.span(stat)
            yield Finding(start, end, "Empty block.")


def _bodies(stat):
    if isinstance(stat, A.If):
        return stat.blocks + ([stat.orelse] if stat.orelse is not None else [])
    return [stat.body]


def _is_empty(a, block):
    """No statements and no comment either (a comment says the emptiness is meant)."""
    if block.stats:
        return False
    toks = a.tokens
    before = toks.end[block.first - 1] if block.first > 0 else 0
    after = toks.start[min(block.first, len(toks) - 1)]
    return not any(before <= c.start < after for c in a.comments)


# -- Calls ---------------------------------------------------------------------------------

def _known_calls(a):
    return list(a.known_calls())


def redundant_parameter(a, settings):
    for call, callee in _shared(a, "known_calls", _known_calls):
        if callee.is_vararg:
            continue
        least, _ = _arg_count(call.args)
        if least > len(callee.params):
            extra = call.args[len(callee.params):]
            start = a.span(extra[0])[0]
            end = a.span(extra[-1])[1]
            yield Finding(start, end, "This function expects a maximum of %d argument(s) "
                          "but instead it is receiving %d." % (len(callee.params), least))


def missing_parameter(a, settings):
    for call, callee in _shared(a, "known_calls", _known_calls):
        if callee.func is None or callee.doc is None:
            continue
        required = _required_count(callee)
        least, open_ended = _arg_count(call.args)
        if not open_ended and least < required:
            start = a.tokens.start[call.args_first]
            end = a.span(call)[1]
            yield Finding(start, end, "This function requires %d argument(s) but instead "
                          "it is receiving %d." % (required, least))


def _arg_count(args):
    """(fewest values the arguments give, whether the last may give more)."""
    if args and isinstance(args[-1], (A.Call, A.Method, A.Vararg)):
        return len(args) - 1, True
    return len(args), False


def _required_count(callee):
    """Parameters up to the last one LuaDoc declares as not optional (LuaLS's rule:
    a parameter without an annotation may be left out)."""
    required = 0
    for i, name in enumerate(callee.params):
        entry = callee.doc.params.get(name)
        if entry is not None and not entry[2]:
            required = i + 1
    return required


def newline_call(a, settings):
    toks = a.tokens
    for call in a.nodes(A.Call):
        i = call.args_first
        if toks.kind[i] in (TK_string, ord("{")) and toks.line[i] > toks.eline[i - 1]:
            start, end = toks.start[i], a.span(call)[1]
            yield Finding(start, end, "This line continues the expression above as a call "
                          "argument; put `;` at the end of the line above if a new "
                          "statement was meant.")


# -- Tables and loops -----------------------------------------------------------------------

def duplicate_index(a, settings):
    for table in a.nodes(A.Table):
        seen = {}
        for item in table.items:
            key = _constant_key(item)
            if key is not None:
                seen.setdefault(key, []).append(item.key)
        for key, nodes in seen.items():
            if len(nodes) < 2:
                continue
            spans = [a.span(n) for n in nodes]
            for i, (start, end) in enumerate(spans):
                others = [(s, e, "Also set here.") for j, (s, e) in enumerate(spans) if j != i]
                yield Finding(start, end, "Duplicate index `%s`." % key[1], others)


def _constant_key(item):
    """(kind, display) of a constant key, or None."""
    key = item.key
    if item.kind == A.ITEM_POS or key is None:
        return None
    if isinstance(key, A.String):
        return ("s", key.value.decode("utf-8", "replace"))
    if isinstance(key, A.Number):
        return ("n", fmt_number(key.value))
    if isinstance(key, (A.TrueLit, A.FalseLit)):
        return ("b", "true" if isinstance(key, A.TrueLit) else "false")
    return None


def count_down_loop(a, settings):
    for loop in a.nodes(A.NumFor):
        start, stop = _number(loop.start), _number(loop.stop)
        step = 1.0 if loop.step is None else _number(loop.step)
        if start is None or stop is None or step is None:
            continue
        if (step > 0 and start > stop) or (step < 0 and start < stop):
            s, _ = a.span(loop.start)
            e = a.span(loop.step if loop.step is not None else loop.stop)[1]
            yield Finding(s, e, _count_down_message(a, loop, step))


def _count_down_message(a, loop, step):
    text = lambda n: a.source[slice(*a.span(n))].decode("utf-8", "replace")  # noqa: E731
    start, stop = text(loop.start), text(loop.stop)
    if step > 0:
        return ("This loop never runs: it counts up from %s to %s. Did you mean `%s, %s, -1`?"
                % (start, stop, start, stop))
    return ("This loop never runs: it counts down from %s to %s. Did you mean `%s, %s, 1`?"
            % (start, stop, start, stop))


def _number(expr):
    if isinstance(expr, A.Number):
        return expr.value
    if isinstance(expr, A.UnOp) and expr.op == A.OPU_NEG:
        inner = _number(expr.operand)
        return None if inner is None else -inner
    return None


# -- Annotations -----------------------------------------------------------------------------

def unknown_diag_code(a, settings):
    for d in directives(a.comments):
        for code, start, end in code_spans(d, a.source):
            if code not in KNOWN_CODES:
                yield Finding(start, end, "Unknown diagnostic code `%s`." % code)


# code: (default severity, tagged Unnecessary, check). Severities are LuaLS's defaults.
CHECKS = {
    "undefined-global": (WARNING, None, undefined_global),
    "lowercase-global": (INFO, None, lowercase_global),
    "undefined-field": (WARNING, None, undefined_field),
    "deprecated": (WARNING, DEPRECATED, deprecated),
    "unused-local": (HINT, UNNECESSARY, unused_local),
    "unused-function": (HINT, UNNECESSARY, unused_function),
    "unused-vararg": (HINT, UNNECESSARY, unused_vararg),
    "redefined-local": (HINT, None, redefined_local),
    "unreachable-code": (HINT, UNNECESSARY, unreachable_code),
    "code-after-break": (HINT, UNNECESSARY, code_after_break),
    "empty-block": (HINT, UNNECESSARY, empty_block),
    "redundant-parameter": (WARNING, None, redundant_parameter),
    "missing-parameter": (WARNING, None, missing_parameter),
    "newline-call": (WARNING, None, newline_call),
    "duplicate-index": (WARNING, None, duplicate_index),
    "count-down-loop": (WARNING, None, count_down_loop),
    "unknown-diag-code": (WARNING, None, unknown_diag_code),
}

# Codes LuaLS knows that MoonLens does not check: accepted in comments and settings.
OTHER_LUALS_CODES = (
    "unused-label", "trailing-space", "redundant-return", "redundant-value",
    "unbalanced-assignments", "missing-return-value", "redundant-return-value",
    "missing-return", "missing-fields", "need-check-nil", "cast-local-type",
    "assign-type-mismatch", "param-type-mismatch", "cast-type-mismatch",
    "return-type-mismatch", "inject-field", "duplicate-doc-alias", "undefined-doc-class",
    "undefined-doc-name", "circle-doc-class", "undefined-doc-param", "duplicate-doc-param",
    "doc-field-no-class", "duplicate-doc-field", "unknown-cast-variable",
    "unknown-operator", "incomplete-signature-doc", "missing-global-doc",
    "missing-local-export-doc", "codestyle-check", "name-style-check", "spell-check",
    "newfield-call", "ambiguity-1", "different-requires", "await-in-sync",
    "not-yieldable", "no-unknown", "global-in-nil-env", "undefined-env-child",
    "global-element", "duplicate-set-field", "close-non-object",
    "discard-returns", "invisible",
)

KNOWN_CODES = frozenset(CHECKS) | frozenset(OTHER_LUALS_CODES) | {"syntax"} \
    | frozenset(JIT_CODES)

assert all(sev in (ERROR, WARNING, INFO, HINT) for sev, _, _ in CHECKS.values())
