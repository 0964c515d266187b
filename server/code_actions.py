"""Quick fixes for diagnostics, as text edits in byte offsets.

- undefined-global: declare it, `local x` on a line before the statement using it;
- unused-local / unused-function: remove the declaration when that cannot change
  what the program does (its value has no side effects), or keep just the call
  when the value is one call;
- jit-nyi / jit-stitch: the rewrite the JIT-lint suggests for that finding
  (moonlens.jit.lint: hoisting a function or `#{...}` out of the loop), never
  preferred: it moves code the user wrote;
- any MoonLens code: `---@diagnostic disable-next-line: code` above the line, or
  `---@diagnostic disable: code` at the top of the file (LuaLS's directives).
"""

import re

from ..vm import ast as A
from .comments import directives
from .jit_lint import jit_findings

_INDENT = re.compile(rb"[ \t]*")


class Action:
    __slots__ = ("title", "edits", "diagnostic", "preferred")

    def __init__(self, title, edits, diagnostic, preferred=False):
        self.title = title
        self.edits = edits            # [(start, end, new text)]
        self.diagnostic = diagnostic
        self.preferred = preferred

    def __repr__(self):
        return "Action(%r)" % self.title


def code_actions(a, diagnostics):
    """Quick fixes for diagnostics (objects with code, start, end) of this Analysis."""
    found = []
    for d in diagnostics:
        code = str(d.code) if d.code is not None else ""
        fix = _FIXES.get(code)
        if fix is not None:
            found.extend(fix(a, d))
        if code and code != "syntax":
            found.append(disable_line(a, d, code))
            found.append(disable_file(a, d, code))
    return found


# -- Fixes --------------------------------------------------------------------------------

def declare_local(a, d):
    name = a.source[d.start:d.end].decode("utf-8", "replace")
    occ = a.occurrence_at(d.start)
    if occ is None or occ.var is not None or occ.name != name:
        return []
    stat = a.enclosing(occ.node, A.Stat)
    if stat is None:
        return []
    at = line_start(a.source, a.span(stat)[0])
    indent = _INDENT.match(a.source, at).group().decode()
    return [Action("Declare `%s` as a local" % name, [(at, at, "%slocal %s\n" % (indent, name))],
                   d, preferred=True)]


def remove_unused(a, d):
    occ = a.occurrence_at(d.start)
    if occ is None or occ.var is None or not occ.decl:
        return []
    stat = a.declaring_statement(occ.var)
    if isinstance(stat, A.LocalFunction):
        return [Action("Remove unused function `%s`" % occ.name, [_remove_stat(a, stat)], d)]
    if not isinstance(stat, A.Local) or len(stat.names) != 1 or len(stat.exprs) > 1:
        return []
    value = stat.exprs[0] if stat.exprs else None
    title = "Remove unused local `%s`" % occ.name
    if value is None or is_pure(value):
        return [Action(title, [_remove_stat(a, stat)], d)]
    if isinstance(value, (A.Call, A.Method)):
        start = a.span(stat)[0]
        return [Action(title + " (keep the call)", [(start, a.span(value)[0], "")], d)]
    return []


def is_pure(expr):
    """An expression whose evaluation has no side effects (no calls, no indexing,
    no operators that could reach a metamethod)."""
    if isinstance(expr, (A.Nil, A.TrueLit, A.FalseLit, A.Number, A.String, A.Vararg,
                         A.Name, A.Function)):
        return True
    if isinstance(expr, A.Paren):
        return is_pure(expr.expr)
    if isinstance(expr, A.Table):
        return all((item.key is None or is_pure(item.key)) and is_pure(item.value)
                   for item in expr.items)
    return False


def _remove_stat(a, stat):
    """The edit deleting a statement, with its whole line when it is alone there."""
    start, end = a.span(stat)
    src = a.source
    begin = line_start(src, start)
    stop = _line_end(src, end)
    if src[begin:start].strip() == b"" and src[end:stop].strip(b" \t;") == b"":
        return begin, _after_newline(src, stop), ""
    return start, end, ""


def jit_rewrite(a, d):
    """The JIT-lint's suggested rewrite for the finding at the diagnostic's span."""
    code = str(d.code)
    return [Action(f.rewrite.title, list(f.rewrite.edits), d, preferred=False)
            for f in jit_findings(a)
            if f.code == code and f.rewrite is not None and f.cause == (d.start, d.end)]


def disable_line(a, d, code):
    src = a.source
    at = line_start(src, d.start)
    previous = _directive_above(a, at)
    title = "Disable `%s` for this line" % code
    if previous is not None:
        return Action(title, [(previous.end, previous.end, ", " + code)], d)
    indent = _INDENT.match(src, at).group().decode()
    return Action(title, [(at, at, "%s---@diagnostic disable-next-line: %s\n" % (indent, code))],
                  d)


def _directive_above(a, at):
    """A `disable-next-line` with codes on the line right above offset `at`."""
    if at == 0:
        return None
    above = line_start(a.source, at - 1)
    for directive in directives(a.comments):
        if directive.action == "disable-next-line" and directive.codes \
                and above <= directive.start < at:
            return directive
    return None


def disable_file(a, d, code):
    at = 0
    if a.source.startswith(b"#"):            # keep a shebang line first
        at = _after_newline(a.source, _line_end(a.source, 0))
    return Action("Disable `%s` in this file" % code,
                  [(at, at, "---@diagnostic disable: %s\n" % code)], d)


# -- Text helpers ------------------------------------------------------------------------

def line_start(src, offset):
    return max(src.rfind(b"\n", 0, offset), src.rfind(b"\r", 0, offset)) + 1


def _line_end(src, offset):
    ends = [i for i in (src.find(b"\n", offset), src.find(b"\r", offset)) if i >= 0]
    return min(ends) if ends else len(src)


def _after_newline(src, offset):
    if src[offset:offset + 2] == b"\r\n":
        return offset + 2
    return min(offset + 1, len(src))


_FIXES = {
    "undefined-global": declare_local,
    "unused-local": remove_unused,
    "unused-function": remove_unused,
    "jit-nyi": jit_rewrite,
    "jit-stitch": jit_rewrite,
}
