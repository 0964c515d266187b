"""Navigation: definition, references, highlights, rename, symbols, folding,
selection ranges. Pure functions of an Analysis and byte offsets."""

import re

from ..vm import ast as A
from ..vm.tokens import KEYWORDS, TK_string

_IDENT = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class RenameError(Exception):
    """A rename that cannot be done; the message is for the user."""


# -- The thing under the cursor ----------------------------------------------------------

def field_at(a, offset):
    """(table expression, field name, key node) when the cursor is on `t.name` or
    `t:name`."""
    tok = a.token_at(offset)
    if tok < 0:
        return None
    for node in a.nodes(A.Index):
        if isinstance(node.key, A.String) and node.dot and node.key.first == tok:
            return node.obj, _text(node.key), node.key
    for node in a.nodes(A.Method):
        if node.name.first == tok:
            return node.obj, _text(node.name), node.name
    return None


def _text(string_node):
    return string_node.value.decode("utf-8", "replace")


def goto_at(a, offset):
    """The Goto whose label name is under the cursor."""
    tok = a.token_at(offset)
    for node in a.nodes(A.Goto):
        if node.last == tok:
            return node
    return None


# -- Definition, references, highlights -----------------------------------------------

def definition(a, offset):
    """Byte ranges where the name under the cursor is defined."""
    occ = a.occurrence_at(offset)
    if occ is not None:
        if occ.var is not None:
            return [a.span(occ.var.decl)]
        return [a.span(n) for n in a.global_defs.get(occ.name, ())]
    field = field_at(a, offset)
    if field is not None and isinstance(field[0], A.Name):
        obj, name, _ = field
        known = a.known_fields(obj).get(name)
        return [a.span(known.key)] if known is not None else []
    goto = goto_at(a, offset)
    if goto is not None and goto.target is not None:
        return [a.token_span(goto.target.first + 1)]
    return []


def references(a, offset, include_declaration=True):
    occ = a.occurrence_at(offset)
    if occ is None:
        return []
    return [a.token_span(o.tok) for o in a.uses_of(occ)
            if include_declaration or not o.decl]


def highlights(a, offset):
    """(start, end, is_write) for every occurrence of the name under the cursor."""
    occ = a.occurrence_at(offset)
    if occ is None:
        return []
    return [a.token_span(o.tok) + (o.write,) for o in a.uses_of(occ)]


# -- Rename -----------------------------------------------------------------------------
# Locals only: globals and fields reach across files (server/names.py).

def prepare_rename(a, offset):
    """(start, end, current name) of a renameable local under the cursor, or None."""
    occ = a.occurrence_at(offset)
    if occ is None or occ.var is None or occ.var.kind == "self":
        return None
    start, end = a.token_span(occ.tok)
    return start, end, occ.name


def rename(a, offset, new_name):
    """Byte ranges to replace with new_name; raises RenameError when it would be wrong."""
    occ = a.occurrence_at(offset)
    if occ is None or occ.var is None:
        raise RenameError("There is no local variable to rename here.")
    if occ.var.kind == "self":
        raise RenameError("`self` is implicit in a method and cannot be renamed.")
    check_name(new_name)
    if new_name == occ.name:
        return []
    conflict = _local_conflict(a, occ.var, new_name)
    if conflict is not None:
        raise RenameError(conflict)
    return [a.token_span(o.tok) for o in a.uses_of(occ)]


def check_name(new_name):
    if not _IDENT.match(new_name) or new_name.encode() in KEYWORDS:
        raise RenameError("`%s` is not a valid Lua name." % new_name)


def _local_conflict(a, var, new_name):
    """Why renaming `var` to new_name would change what some name means, or None."""
    for ref in var.refs:
        other = a.scopes.var_at(new_name, ref.first)
        if other is not None and other.start > var.start:
            return ("`%s` is already a local where `%s` is used (line %d)."
                    % (new_name, var.name, a.line(a.tokens.start[ref.first])))
    for node in a.nodes(A.Name):
        if node.name != new_name or not var.start <= node.first <= var.end:
            continue
        if node.var is None or node.var.start < var.start:
            return ("`%s` is used inside the scope of `%s` (line %d) and would be captured."
                    % (new_name, var.name, a.line(a.tokens.start[node.first])))
    return None


# -- Document symbols -----------------------------------------------------------------------

class Symbol:
    """kind: function, method, variable, constant, field, object, module."""
    __slots__ = ("name", "kind", "start", "end", "sel_start", "sel_end", "children", "detail")

    def __init__(self, name, kind, span, sel, children=(), detail=None):
        self.name = name
        self.kind = kind
        self.start, self.end = min(span[0], sel[0]), max(span[1], sel[1])
        self.sel_start, self.sel_end = sel
        self.children = list(children)
        self.detail = detail

    def __repr__(self):
        return "Symbol(%s %r %r)" % (self.kind, self.name, self.children)


def document_symbols(a):
    return _block_symbols(a, a.chunk.body, top=True)


def _block_symbols(a, block, top):
    found = []
    for stat in block.stats:
        found.extend(_stat_symbols(a, stat, top))
    return found


def _stat_symbols(a, stat, top):
    t = type(stat)
    if t is A.Local:
        return _local_symbols(a, stat, top)
    if t is A.LocalFunction:
        return [_function_symbol(a, stat.name.name, "function", stat, stat.name, stat.func)]
    if t is A.FunctionStat:
        name = a.source[slice(*a.span(stat.target))].decode("utf-8", "replace")
        kind = "method" if stat.is_method else "function"
        return [_function_symbol(a, name, kind, stat, stat.target, stat.func)]
    if t is A.Assign:
        return _assign_symbols(a, stat, top)
    found = []
    for child in stat.children():
        if isinstance(child, A.Block):
            found.extend(_block_symbols(a, child, False))
    return found


def _local_symbols(a, stat, top):
    found = []
    for i, name in enumerate(stat.names):
        value = stat.exprs[i] if i < len(stat.exprs) else None
        if top or isinstance(value, A.Function):
            found.append(_value_symbol(a, name.name, name, value, "variable"))
    return found


def _assign_symbols(a, stat, top):
    found = []
    for i, target in enumerate(stat.targets):
        value = stat.exprs[i] if i < len(stat.exprs) else None
        if isinstance(target, A.Name) and target.var is None:
            kind = "variable"
        elif isinstance(target, A.Index) and isinstance(target.key, A.String):
            kind = "field"
        else:
            continue
        if top or isinstance(value, A.Function):
            text = a.source[slice(*a.span(target))].decode("utf-8", "replace")
            found.append(_value_symbol(a, text, target, value, kind))
    return found


def _value_symbol(a, name, name_node, value, kind):
    sel = a.span(name_node)
    if isinstance(value, A.Function):
        return _function_symbol(a, name, "function", name_node, name_node, value)
    if isinstance(value, A.Table):
        return Symbol(name, "object", _join(a.span(name_node), a.span(value)), sel,
                      _table_symbols(a, value))
    span = _join(sel, a.span(value)) if value is not None else sel
    if kind == "variable" and _is_literal(value) and not _reassigned(name_node):
        kind = "constant"
    return Symbol(name, kind, span, sel, detail=_literal_text(a, value))


def _function_symbol(a, name, kind, whole, name_node, func):
    detail = "function(%s)" % ", ".join(
        [p.name for p in func.params if p.var is None or p.var.kind != "self"]
        + (["..."] if func.is_vararg else []))
    return Symbol(name, kind, _join(a.span(whole), a.span(func)), a.span(name_node),
                  _block_symbols(a, func.body, False), detail)


def _table_symbols(a, table):
    found = []
    for item in table.items:
        if item.kind == A.ITEM_POS or not isinstance(item.key, A.String):
            continue
        name = _text(item.key)
        value = item.value
        if isinstance(value, A.Function):
            found.append(_function_symbol(a, name, "method", item, item.key, value))
        elif isinstance(value, A.Table):
            found.append(Symbol(name, "field", a.span(item), a.span(item.key),
                                _table_symbols(a, value)))
        else:
            found.append(Symbol(name, "field", a.span(item), a.span(item.key),
                                detail=_literal_text(a, value)))
    return found


def _join(x, y):
    return min(x[0], y[0]), max(x[1], y[1])


def _is_literal(value):
    return isinstance(value, (A.Number, A.String, A.TrueLit, A.FalseLit, A.Nil))


def _reassigned(name_node):
    var = getattr(name_node, "var", None)
    return var is None or var.assigned


def _literal_text(a, value):
    if _is_literal(value):
        text = a.source[slice(*a.span(value))].decode("utf-8", "replace")
        return text if len(text) <= 40 else text[:37] + "..."
    return None


# -- Folding ---------------------------------------------------------------------------

class Fold:
    """kind: None (code), "comment" or "region"; lines are 0-based (LSP lines)."""
    __slots__ = ("start_line", "end_line", "kind")

    def __init__(self, start_line, end_line, kind=None):
        self.start_line = start_line
        self.end_line = end_line
        self.kind = kind

    def __repr__(self):
        return "Fold(%d-%d %s)" % (self.start_line, self.end_line, self.kind)


def folding_ranges(a, line_of):
    """Foldable regions; line_of maps a byte offset to a 0-based editor line."""
    found = []
    toks = a.tokens
    for opener, closer in _block_pairs(a):
        start = line_of(toks.start[opener])
        end = line_of(toks.start[closer]) - 1      # keep the closing line visible
        if end > start:
            found.append(Fold(start, end))
    found.extend(_comment_folds(a, line_of))
    found.extend(_long_string_folds(a, line_of))
    found.sort(key=lambda f: (f.start_line, -f.end_line))
    return _dedupe(found)


def _block_pairs(a):
    """(opening token, closing token) of each construct with a body."""
    last = len(a.tokens) - 1
    for func in a.nodes(A.Function):
        yield func.first, min(func.last, last)
    for stat in a.nodes(A.Do) + a.nodes(A.While) + a.nodes(A.NumFor) + a.nodes(A.GenFor):
        yield stat.first, min(stat.last, last)
    for stat in a.nodes(A.Repeat):
        yield stat.first, min(stat.body.last + 1, last)
    for stat in a.nodes(A.If):
        yield from _if_pairs(stat, last)
    for table in a.nodes(A.Table):
        yield table.first, min(table.last, last)
    for call in a.nodes(A.Call) + a.nodes(A.Method):
        if a.tokens.kind[call.args_first] == ord("("):
            yield call.args_first, min(call.last, last)


def _if_pairs(stat, last):
    opener = stat.first
    blocks = stat.blocks + ([stat.orelse] if stat.orelse is not None else [])
    for block in blocks:
        closer = min(block.last + 1, last)           # elseif / else / end
        yield opener, closer
        opener = closer


def _comment_folds(a, line_of):
    found = []
    run = []
    for c in a.comments:
        if c.is_long:
            start, end = line_of(c.start), line_of(c.end)
            if end > start:
                found.append(Fold(start, end, "comment"))
            continue
        line = line_of(c.start)
        if run and line == line_of(run[-1].start) + 1 and _alone_on_line(a, c):
            run.append(c)
        else:
            _close_run(run, line_of, found)
            run = [c] if _alone_on_line(a, c) else []
    _close_run(run, line_of, found)
    found.extend(_region_folds(a, line_of))
    return found


def _close_run(run, line_of, found):
    if len(run) >= 2:
        found.append(Fold(line_of(run[0].start), line_of(run[-1].start), "comment"))


def _alone_on_line(a, c):
    i = c.start
    while i > 0 and a.source[i - 1] in b" \t":
        i -= 1
    return i == 0 or a.source[i - 1] in b"\r\n"


_REGION = re.compile(r"^-?\s*#?(end)?region\b")


def _region_folds(a, line_of):
    """`--#region name` ... `--#endregion` (also `-- region` / `-- endregion`)."""
    found, stack = [], []
    for c in a.comments:
        m = None if c.is_long else _REGION.match(c.body)
        if m is None:
            continue
        if m.group(1) is None:
            stack.append(line_of(c.start))
        elif stack:
            start = stack.pop()
            end = line_of(c.start)
            if end > start:
                found.append(Fold(start, end, "region"))
    return found


def _long_string_folds(a, line_of):
    toks = a.tokens
    found = []
    for i, kind in enumerate(toks.kind):
        if kind == TK_string and a.source[toks.start[i]:toks.start[i] + 1] == b"[":
            start, end = line_of(toks.start[i]), line_of(toks.end[i])
            if end > start:
                found.append(Fold(start, end, "region"))
    return found


def _dedupe(folds):
    seen = set()
    kept = []
    for f in folds:
        if (f.start_line, f.end_line) not in seen:
            seen.add((f.start_line, f.end_line))
            kept.append(f)
    return kept


# -- Selection ranges ----------------------------------------------------------------------

def selection_range(a, offset):
    """Byte ranges around `offset`, innermost first, each inside the next."""
    chain = [(0, len(a.source))]
    node = a.chunk
    while True:
        inner = _child_at(a, node, offset)
        if inner is None:
            break
        node = inner
        span = a.span(node)
        if span != chain[-1] and _inside(span, chain[-1]):
            chain.append(span)
    tok = a.token_at(offset, names_first=False)
    if tok >= 0:
        span = a.token_span(tok)
        if span != chain[-1] and _inside(span, chain[-1]):
            chain.append(span)
    chain.reverse()
    return chain


def _inside(inner, outer):
    return outer[0] <= inner[0] and inner[1] <= outer[1]


def _child_at(a, node, offset):
    for child in node.children():
        if child.last < child.first:
            continue                     # an empty node has no extent to select
        start, end = a.span(child)
        if start <= offset <= end:
            return child
    return None
