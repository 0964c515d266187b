"""Static JIT-lint for the language server: jit/lint.py's findings as diagnostics.

The lint itself (what LuaJIT 2.1 will not compile in a loop, and the rewrites it
suggests) lives in the JIT core, moonlens.jit.lint, and reads the recorder's own
tables. This module only adapts: each JitFinding becomes a Finding (severity
Information and source "moonlens-jit" are set by server/diagnostics.py) with the
loop's header as related information; code_actions.py offers the rewrites.
The lint runs once per Analysis, on the tree the Analysis has walked already.
"""

from ..jit import lint as L
# Re-exported for jit_insight.py: they take an Analysis as well as a jit Tree.
from ..jit.lint import (  # noqa: F401
    LOOP_WORDS, LOOPS, STITCHED, builtin_called, loop_header, loop_of, passes_on_results)
from ..jit.lint import function_keyword as _function_keyword  # noqa: F401
from .diagnostics import Finding

_MEMO_KEY = "jit-lint"


def jit_findings(a):
    """The jit/lint.py findings of an Analysis (computed once per Analysis)."""
    memo = getattr(a, "memo", None)
    if memo is not None and _MEMO_KEY in memo:
        return memo[_MEMO_KEY]
    found = L.lint(L.Tree(a.sf, a.scopes, parent=a.parent, by_type=a.by_type))
    if memo is not None:
        memo[_MEMO_KEY] = found
    return found


def to_finding(f):
    return Finding(f.cause[0], f.cause[1], f.explanation,
                   [(f.loop[0], f.loop[1], f.loop_label)])


def _check(code):
    def check(a, settings=None):
        for f in jit_findings(a):
            if f.code == code:
                yield to_finding(f)
    check.__name__ = code.replace("-", "_")
    return check


# code: check. Severity Information, source "moonlens-jit" (server/diagnostics.py).
CHECKS = {
    "jit-nyi": _check("jit-nyi"),
    "jit-stitch": _check("jit-stitch"),
}
