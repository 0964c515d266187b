"""Completion and signature help.

The text around the cursor is usually broken while the user types (`string.`
has no field name yet, `f(a, ` has no closing parenthesis), so the context --
after a `.` or `:`, inside which call's parentheses -- is read from the
tokens, which exist whatever the parser made of them. What a name means is
then looked up in the scopes of the last parse.
"""

from ..vm import ast as A
from ..vm.tokens import (
    KEYWORDS, TK_do, TK_else, TK_elseif, TK_end, TK_for, TK_function, TK_goto, TK_if,
    TK_local, TK_name, TK_repeat, TK_return, TK_then, TK_until, TK_while, TK_break,
)
from . import stdlib_docs
from .diagnostics import KNOWN_CODES
from .hover import constant_text, param_text, params_text
from .workspace import require_name


class Item:
    """kind: variable, function, method, field, module, keyword, snippet, constant."""
    __slots__ = ("label", "kind", "detail", "doc", "insert", "snippet", "sort")

    def __init__(self, label, kind, detail=None, doc=None, insert=None, snippet=False,
                 sort="5"):
        self.label = label
        self.kind = kind
        self.detail = detail
        self.doc = doc
        self.insert = insert
        self.snippet = snippet
        self.sort = sort

    def __repr__(self):
        return "Item(%s %r)" % (self.kind, self.label)


SNIPPETS = (
    ("function", "function ${1:name}(${2})\n\t$0\nend"),
    ("local function", "local function ${1:name}(${2})\n\t$0\nend"),
    ("if", "if ${1:condition} then\n\t$0\nend"),
    ("if else", "if ${1:condition} then\n\t$2\nelse\n\t$0\nend"),
    ("for i", "for ${1:i} = ${2:1}, ${3:n} do\n\t$0\nend"),
    ("for pairs", "for ${1:k}, ${2:v} in pairs(${3:t}) do\n\t$0\nend"),
    ("for ipairs", "for ${1:i}, ${2:v} in ipairs(${3:t}) do\n\t$0\nend"),
    ("while", "while ${1:condition} do\n\t$0\nend"),
    ("repeat", "repeat\n\t$0\nuntil ${1:condition}"),
)

DOC_TAGS = ("param", "return", "diagnostic", "class", "field", "type", "alias",
            "generic", "vararg", "overload", "deprecated", "nodiscard", "see", "meta")

_DOT, _COLON = ord("."), ord(":")


def complete(a, offset, snippets=True, modules=None, elsewhere=None):
    """Completion items at a byte offset.

    modules: module name -> {field: workspace.Export} of what the module returns
    (or None), for fields of `local m = require "name"`.
    elsewhere: a names.Elsewhere, for the globals and global tables' fields that
    other workspace files assign.
    """
    comment = _comment_at(a, offset)
    if comment is not None:
        return _comment_items(a, comment, offset)
    if a.in_comment_or_string(offset):
        return []
    prefix_tok, before = _context(a, offset)
    toks = a.tokens
    if before >= 0 and toks.kind[before] in (_DOT, _COLON):
        return _member_items(a, before, toks.kind[before] == _COLON, modules, elsewhere)
    if before >= 0 and toks.kind[before] == TK_local:
        return [Item("function", "keyword", sort="1")]
    return _name_items(a, offset, prefix_tok, snippets, elsewhere)


def _context(a, offset):
    """(token being typed or -1, the token before it or -1)."""
    i = a.token_before(offset)
    if i >= 0 and a.tokens.end[i] == offset and _is_word(a.tokens, i):
        return i, i - 1
    return -1, i


def _is_word(toks, i):
    """A name or a keyword (the user may be typing either)."""
    return toks.kind[i] in (TK_name, TK_goto) or toks.text(i) in KEYWORDS


# -- Names ---------------------------------------------------------------------------

def _name_items(a, offset, typing, snippets, elsewhere=None):
    items = {}
    for var in a.visible_vars(offset):
        func = a.function_of(var)
        if func is not None:
            items[var.name] = Item(var.name, "function", "local function %s%s"
                                   % (var.name, params_text(func)), sort="1")
        else:
            items[var.name] = Item(var.name, "variable", _local_detail(a, var), sort="1")
    for name, nodes in a.scopes.globals.items():
        if name not in items and any(n.first != typing for n in nodes):
            items[name] = Item(name, "variable", "global %s" % name, sort="2")
    for name in sorted(elsewhere.globals()) if elsewhere is not None else ():
        if name not in items and name not in stdlib_docs.GLOBALS:
            items[name] = Item(name, "variable", "global %s (another file)" % name, sort="2")
    for name in sorted(stdlib_docs.GLOBALS):
        if name not in items:
            items[name] = _library_item(name, stdlib_docs.lookup(name), sort="3")
    for word in KEYWORDS:
        text = word.decode()
        items.setdefault(text, Item(text, "keyword", sort="4"))
    result = list(items.values())
    if snippets:
        result += [Item(label, "snippet", label + " … end", insert=body, snippet=True,
                        sort="6") for label, body in SNIPPETS]
    return result


def _local_detail(a, var):
    value = constant_text(a.initial_value(var)) if not var.assigned else None
    kind = {"param": "parameter", "for": "loop variable"}.get(var.kind, "local")
    return "%s %s%s" % (kind, var.name, " = " + value if value else "")


def _library_item(name, entry, sort):
    if entry.is_function:
        return Item(name.rpartition(".")[2], "function", entry.signature, entry.doc,
                    sort=sort)
    kind = "module" if entry.type == "library" else "constant" \
        if entry.type in ("number", "string") else "field"
    return Item(name.rpartition(".")[2], kind, "%s: %s" % (name, entry.type), entry.doc,
                sort=sort)


# -- Fields ----------------------------------------------------------------------------

def _member_items(a, dot, methods_only, modules=None, elsewhere=None):
    path = _path_before(a, dot)
    if path is None:
        return []
    items = {}
    if elsewhere is not None and not methods_only and len(path[0]) == 1 \
            and _head_var(a, path) is None and not a.is_library_global(path[0][0]):
        for name, where in elsewhere.global_fields(path[0][0]).items():
            items[name] = Item(name, "field", "(field) %s.%s -- %s" % (path[0][0], name, where),
                               sort="1")
    for name, export in _module_exports(a, path, modules).items():
        if not methods_only or export.kind != "field":
            items[name] = Item(name, export.kind, export.detail, export.doc, sort="1")
    table = _library_table(a, path, dot)
    if table is not None:
        for name, entry in stdlib_docs.MEMBERS.get(table, {}).items():
            if not methods_only or entry.is_function:
                items[name] = _library_item("%s.%s" % (table, name), entry, sort="2")
    for name, field in _file_fields(a, path, dot).items():
        if methods_only and not isinstance(field.value, A.Function):
            continue
        items[name] = _field_item(field)
    return list(items.values())


def _path_before(a, dot):
    """The names of `a.b.c` before the `.`/`:` at token `dot`, or None."""
    toks = a.tokens
    i = dot - 1
    if i < 0 or toks.kind[i] not in (TK_name, TK_goto):
        return None
    names = [toks.value[i] or "goto"]
    while i >= 2 and toks.kind[i - 1] == _DOT and toks.kind[i - 2] in (TK_name, TK_goto):
        i -= 2
        names.append(toks.value[i] or "goto")
    names.reverse()
    return names, i


def _head_var(a, path):
    names, first = path
    return a.scopes.var_at(names[0], first)


def _library_table(a, path, tok):
    names, _ = path
    if _head_var(a, path) is not None or not a.is_library_global(names[0]):
        return None
    table = ".".join(names)
    return table if table in stdlib_docs.MEMBERS else None


def _file_fields(a, path, tok):
    names, _ = path
    if len(names) != 1:
        return {}
    var = _head_var(a, path)
    if var is not None:
        return {} if var.assigned else a.fields.get(var, {})
    return a.fields.get(names[0], {})


def _module_exports(a, path, modules):
    """Exports of the module a `local m = require "name"` holds ({} if unknown)."""
    names, first = path
    var = _head_var(a, path)
    if modules is None or len(names) != 1 or var is None or var.assigned:
        return {}
    value = a.initial_value(var)
    if not isinstance(value, A.Call):
        return {}
    name = require_name(a, value)
    return (modules(name) or {}) if name else {}


def _field_item(field):
    value = field.value
    if isinstance(value, A.Function):
        kind = "method" if field.is_method else "function"
        return Item(field.name, kind, "function %s%s" % (field.name, params_text(value)),
                    sort="1")
    text = constant_text(value)
    return Item(field.name, "field", "(field) %s%s" % (field.name, " = " + text if text else ""),
                sort="1")


# -- Comments ------------------------------------------------------------------------------

def _comment_at(a, offset):
    for c in a.comments:
        if c.start < offset <= c.end and c.is_doc:
            return c
        if c.start >= offset:
            break
    return None


def _comment_items(a, comment, offset):
    text = a.source[comment.start:offset].decode("utf-8", "replace")
    if text.startswith("---@diagnostic") and ":" in text:
        return [Item(code, "constant", sort="1") for code in sorted(KNOWN_CODES)]
    if text.rstrip().endswith("---@diagnostic"):
        return [Item(w, "keyword", sort="1") for w in
                ("disable-next-line", "disable-line", "disable", "enable")]
    stripped = text.rstrip("abcdefghijklmnopqrstuvwxyz")
    if stripped.endswith("@") and stripped[:-1].strip("-") == "":
        return [Item(tag, "keyword", sort="1") for tag in DOC_TAGS]
    return []


# -- Signature help ------------------------------------------------------------------------

class Signature:
    __slots__ = ("label", "params", "active", "doc", "param_docs")

    def __init__(self, label, params, active, doc=None, param_docs=None):
        self.label = label
        self.params = params        # parameter labels (substrings of label)
        self.active = active
        self.doc = doc
        self.param_docs = param_docs or [None] * len(params)   # LuaDoc descriptions


# Statement keywords: reaching one at the outer level means the cursor is not in a call.
_STATEMENT_WORDS = frozenset((TK_local, TK_return, TK_until, TK_repeat, TK_while, TK_for,
                              TK_then, TK_else, TK_elseif, TK_break, TK_goto))
_OPENERS = {ord("("): ord(")"), ord("{"): ord("}"), ord("["): ord("]")}
_CLOSERS = {v: k for k, v in _OPENERS.items()}
_SCAN_LIMIT = 4000


def signature_help(a, offset, modules=None, elsewhere=None):
    """The signature of the call around offset; `modules` and `elsewhere` as for
    complete()."""
    found = _open_call(a, offset)
    if found is None:
        return None
    paren, commas = found
    path = _callee_path(a, paren)
    if path is None:
        return None
    return (_signature(a, path, paren, commas) or _module_signature(a, path, commas, modules)
            or _elsewhere_signature(a, path, commas, elsewhere))


def _elsewhere_signature(a, path, commas, elsewhere):
    """`f(` where f is a global function another workspace file defines."""
    names, is_method, first = path
    if elsewhere is None or len(names) != 1 or a.scopes.var_at(names[0], first) \
            or names[0] in a.global_defs or a.is_library_global(names[0]):
        return None
    other = elsewhere.analysis_assigning(names[0])
    return _signature(other, (names, False, -1), None, commas) if other else None


def _module_signature(a, path, commas, modules):
    """`m.f(` / `m:f(` where `local m = require "name"` and the module exports f."""
    names, is_method, first = path
    if len(names) != 2:
        return None
    export = _module_exports(a, ([names[0]], first), modules).get(names[1])
    if export is None or export.params is None:
        return None
    params = list(export.params)
    if is_method and export.kind == "function":
        params = params[1:]               # `:` passes the table as the first parameter
    elif not is_method and export.kind == "method":
        params = ["self"] + params
    label = "%s%s%s(%s)" % (names[0], ":" if is_method else ".", names[1], ", ".join(params))
    return Signature(label, params, _active(params, commas), export.doc)


def _open_call(a, offset):
    """(index of the unclosed '(' of the call around offset, commas before the cursor)."""
    toks = a.tokens
    i = a.token_before(offset)
    depth = blocks = commas = 0
    stop = max(-1, i - _SCAN_LIMIT)
    while i > stop:
        k = toks.kind[i]
        if k in _CLOSERS:
            depth += 1
        elif k in _OPENERS:
            if depth == 0:
                return (i, commas) if k == ord("(") and blocks == 0 else None
            depth -= 1
        elif k == TK_end:
            blocks += 1
        elif k in (TK_function, TK_do, TK_if):
            if blocks == 0:
                return None
            blocks -= 1
        elif depth == 0 and blocks == 0:
            if k == ord(","):
                commas += 1
            elif k in _STATEMENT_WORDS:
                return None
        i -= 1
    return None


def _callee_path(a, paren):
    """(names, is_method, first token) of `a.b.c(` / `a:m(` before token `paren`."""
    toks = a.tokens
    i = paren - 1
    if i < 0 or toks.kind[i] not in (TK_name, TK_goto):
        return None
    names = [toks.value[i] or "goto"]
    is_method = False
    if i >= 2 and toks.kind[i - 1] == _COLON and toks.kind[i - 2] in (TK_name, TK_goto):
        is_method = True
        i -= 2
        names.append(toks.value[i] or "goto")
    while i >= 2 and toks.kind[i - 1] == _DOT and toks.kind[i - 2] in (TK_name, TK_goto):
        i -= 2
        names.append(toks.value[i] or "goto")
    names.reverse()
    return names, is_method, i


def _signature(a, path, paren, commas):
    names, is_method, first = path
    var = a.scopes.var_at(names[0], first)
    if var is None and a.is_library_global(names[0]) and not is_method:
        entry = stdlib_docs.FUNCTIONS.get(".".join(names))
        if entry is not None:
            labels = [p for p, _ in entry.params]
            return Signature(entry.signature, labels, _active(labels, commas), entry.doc)
    func, label, drop_self, stat = _file_function(a, names, is_method, var)
    if func is None:
        return None
    doc = a.doc_above(stat) if stat is not None else None
    typed = doc.params if doc else {}
    names = [p.name for p in func.params if p.var is None or p.var.kind != "self"]
    if drop_self:
        names = names[1:]
    if func.is_vararg:
        names.append("...")
    params = [param_text(n, typed.get(n)) for n in names]
    returns = [typ for typ, _, _ in doc.returns] if doc else []
    sig = "%s(%s)%s" % (label, ", ".join(params), ": " + ", ".join(returns) if returns else "")
    docs = [typed[n][1] if n in typed and typed[n][1] else None for n in names]
    return Signature(sig, params, _active(params, commas), _doc_text(doc) if doc else None,
                     docs)


_NOTHING = (None, None, False, None)


def _file_function(a, names, is_method, var):
    """(Function node, label, whether the first parameter is passed by ':', the
    defining statement), or _NOTHING."""
    label = ".".join(names[:-1]) + (":" if is_method else ".") + names[-1] \
        if len(names) > 1 else names[0]
    if len(names) == 1:
        if var is not None:
            func = a.function_of(var)
            return (func, label, False, a.declaring_statement(var)) if func else _NOTHING
        return _global_function(a, names[0], label)
    if len(names) != 2 or (var is not None and var.assigned):
        return _NOTHING
    field = a.fields.get(var if var is not None else names[0], {}).get(names[1])
    if field is None or not isinstance(field.value, A.Function):
        return _NOTHING
    # defined with '.' but called with ':' passes the table as the first parameter
    return (field.value, label, is_method and not field.is_method,
            a.enclosing(field.key, A.Stat))


def _global_function(a, name, label):
    defs = a.global_defs.get(name, ())
    if len(defs) != 1:
        return _NOTHING
    stat = a.enclosing(defs[0], A.Stat)
    if isinstance(stat, A.FunctionStat):
        return stat.func, label, False, stat
    if isinstance(stat, A.Assign):
        for t, v in zip(stat.targets, stat.exprs):
            if t is defs[0] and isinstance(v, A.Function):
                return v, label, False, stat
    return _NOTHING


def _active(params, commas):
    if params and params[-1] == "..." and commas >= len(params):
        return len(params) - 1
    return commas


def _doc_text(doc):
    """The description and return values (parameters have their own docs)."""
    lines = list(doc.description)
    for typ, name, desc in doc.returns:
        lines.append("@return `%s`%s%s" % (typ, " " + name if name else "",
                                           " — " + desc if desc else ""))
    return "\n\n".join(lines).strip() or None
