"""Semantic tokens: what each name is, as far as the tree and scopes know.

The TextMate grammar already colours keywords, strings and numbers; what it
cannot know is whether a name is a parameter, a local function, a field or a
standard-library global, and where a variable is declared. That is what
these tokens carry.
"""

from ..vm import ast as A
from ..vm.scopes import V_PARAM, V_SELF
from . import stdlib_docs

TOKEN_TYPES = ("namespace", "function", "method", "parameter", "variable", "property")
TOKEN_MODIFIERS = ("declaration", "readonly", "defaultLibrary", "global")

_TYPE = {name: i for i, name in enumerate(TOKEN_TYPES)}
_MOD = {name: 1 << i for i, name in enumerate(TOKEN_MODIFIERS)}


class Token:
    __slots__ = ("start", "end", "type", "modifiers")

    def __init__(self, start, end, type_, modifiers=()):
        self.start = start
        self.end = end
        self.type = type_
        self.modifiers = tuple(modifiers)

    def __repr__(self):
        return "Token(%d-%d %s %s)" % (self.start, self.end, self.type, self.modifiers)


def semantic_tokens(a):
    """Tokens sorted by position, one per name token at most."""
    found = {}
    for occ in a.occurrences.values():
        found[occ.tok] = _name_token(a, occ)
    for tok, token in _field_tokens(a):
        found.setdefault(tok, token)
    return [found[t] for t in sorted(found)]


def _name_token(a, occ):
    start, end = a.token_span(occ.tok)
    mods = ["declaration"] if occ.decl else []
    var = occ.var
    if var is not None:
        if var.kind in (V_PARAM, V_SELF):
            return Token(start, end, "parameter", mods)
        if a.function_of(var) is not None:
            return Token(start, end, "function", mods)
        if not var.assigned and _is_literal(a.initial_value(var)):
            mods.append("readonly")
        return Token(start, end, "variable", mods)
    mods.append("global")
    if a.is_library_global(occ.name):
        entry = stdlib_docs.lookup(occ.name)
        kind = {"library": "namespace", "function": "function"}.get(entry.type, "variable")
        return Token(start, end, kind, mods + ["defaultLibrary"])
    callee = a.callee(occ.node) if isinstance(occ.node, A.Name) else None
    kind = "function" if callee is not None and callee.func is not None else "variable"
    return Token(start, end, kind, mods)


def _field_tokens(a):
    for node in a.nodes(A.FunctionStat):
        if isinstance(node.target, A.Index) and isinstance(node.target.key, A.String):
            key = node.target.key
            kind = "method" if node.is_method else "function"
            yield key.first, Token(*a.span(key), kind, ["declaration"])
    for node in a.nodes(A.Method):
        yield node.name.first, Token(*a.span(node.name), "method")
    for node in a.nodes(A.Index):
        if node.dot and isinstance(node.key, A.String):
            yield node.key.first, _index_token(a, node)
    for item in a.nodes(A.Item):
        if item.kind == A.ITEM_NAMED:
            kind = "method" if isinstance(item.value, A.Function) else "property"
            yield item.key.first, Token(*a.span(item.key), kind, ["declaration"])


def _index_token(a, node):
    span = a.span(node.key)
    path = a.library_path(node)
    if path is not None and stdlib_docs.lookup(path) is not None:
        entry = stdlib_docs.lookup(path)
        kind = {"library": "namespace", "function": "function"}.get(entry.type, "property")
        return Token(*span, kind, ["defaultLibrary"])
    if isinstance(node.obj, A.Name):
        field = a.known_fields(node.obj).get(node.key.value.decode("utf-8", "replace"))
        if field is not None and isinstance(field.value, A.Function):
            return Token(*span, "method" if field.is_method else "function")
    return Token(*span, "property")


def _is_literal(value):
    return isinstance(value, (A.Number, A.String, A.TrueLit, A.FalseLit))


# -- Encoding (LSP's relative integer form) ----------------------------------------------

def encode(tokens, lines):
    """The LSP data array: 5 integers per token, positions relative to the previous.

    `lines` is the document's LineIndex (which knows the position encoding).
    """
    data = []
    prev_line = prev_char = 0
    for t in tokens:
        line, char = lines.position(t.start)
        end_line, end_char = lines.position(t.end)
        if end_line != line or end_char <= char:
            continue                      # a token must sit on one line
        mods = 0
        for m in t.modifiers:
            mods |= _MOD[m]
        delta_line = line - prev_line
        delta_char = char - prev_char if delta_line == 0 else char
        data += [delta_line, delta_char, end_char - char, _TYPE[t.type], mods]
        prev_line, prev_char = line, char
    return data


def delta(old, new):
    """One edit (start, delete count, inserted data) turning `old` into `new`, or None."""
    if old == new:
        return None
    n = min(len(old), len(new))
    head = 0
    while head < n and old[head] == new[head]:
        head += 1
    head -= head % 5                      # edits replace whole tokens
    tail = 0
    while tail < n - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    tail -= tail % 5
    return head, len(old) - head - tail, new[head:len(new) - tail]
