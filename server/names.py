"""Names that reach beyond one scope: globals and the fields of tables, across files.

A Ref is one place such a name is written in the source. `name_refs(a)` finds them
in one analysis, keyed by what they mean:

    ("global", name)             a global variable
    ("gfield", table, field)     a field of the global table `table`
    ("require", module, field)   a field of what `local m = require "module"` holds
    ("export", field)            a field of the table this file returns
    ("lfield", var, field)       a field of a local table never reassigned (this file only)

A file's workspace summary keeps every key but "lfield". Across files, "require"
and "export" keys meet as ("module", path, field) once the module name is resolved
to the path of the file `require` would load (`target`). Dynamic keys (`t[k]`),
fields reached through other expressions (`a.b.c`, `self.x`) and tables passed
around under other names are not followed: a rename leaves them as they are.
"""

import os

from ..vm import ast as A
from . import stdlib_docs
from .navigation import RenameError, check_name


class Ref:
    """Where a name is written: byte offsets, and whether it is assigned there."""
    __slots__ = ("start", "end", "write")

    def __init__(self, start, end, write):
        self.start = start
        self.end = end
        self.write = write

    def __repr__(self):
        return "Ref(%d, %d%s)" % (self.start, self.end, ", write" if self.write else "")


# -- One file -----------------------------------------------------------------------------

def name_refs(a):
    """{key: [Ref in source order]} of one analysis (computed once)."""
    found = a.memo.get("name_refs")
    if found is None:
        found = a.memo["name_refs"] = _Collector(a).run()
    return found


def ref_at(a, offset):
    """([key], Ref) of the global or field name under the cursor, or None. A field of
    a global table the file returns has two keys ("gfield" and "export")."""
    at = a.memo.get("name_refs_at")
    if at is None:
        at = a.memo["name_refs_at"] = {}
        for key, refs in name_refs(a).items():
            for r in refs:
                at.setdefault(r.start, ([], r))[0].append(key)
    tok = a.token_at(offset)
    if tok < 0:
        return None
    start = a.token_span(tok)[0]
    return at.get(start) or at.get(start + 1)          # +1: inside a quoted key


class _Collector:
    def __init__(self, a):
        from .workspace import returned_table     # noqa: PLC0415 -- it imports this module
        self.a = a
        self.root = returned_table(a)
        self.refs = {}
        self.owners = {}                          # Var -> its owner keys

    def run(self):
        a = self.a
        for name, nodes in a.scopes.globals.items():
            for node in nodes:
                occ = a.occurrences.get(node.first)
                self.add(("global", name), a.token_span(node.first),
                         occ is not None and occ.write)
        written = _written_indexes(a)
        for node in a.nodes(A.Index):
            if isinstance(node.obj, A.Name) and isinstance(node.key, A.String):
                self.field(node.obj, node.key, node.dot, id(node) in written)
        for node in a.nodes(A.Method):
            if isinstance(node.obj, A.Name):
                self.field(node.obj, node.name, True, False)
        self.constructors()
        for refs in self.refs.values():
            refs.sort(key=lambda r: r.start)
        return self.refs

    def add(self, key, span, write):
        self.refs.setdefault(key, []).append(Ref(span[0], span[1], write))

    def field(self, obj, key, bare, write):
        name = _key_text(self.a, key, bare)
        if name is None:
            return
        span = _key_span(self.a, key, bare)
        for owner in self.owner_keys(obj):
            self.add(owner + (name,), span, write)

    def owner_keys(self, obj):
        """The keys (less the field name) of the table a Name (or LocalName) holds."""
        var = obj.var
        if var is None:
            owners = [("gfield", obj.name)]
            if self.root == obj.name:
                owners.append(("export",))
            return owners
        if var.assigned:
            return []
        owners = self.owners.get(var)
        if owners is None:
            from .workspace import required_module      # noqa: PLC0415
            module = required_module(self.a, obj)
            owners = self.owners[var] = (
                [("require", module)] if module else
                [("export",)] if var is self.root else
                [("lfield", var)] if isinstance(self.a.initial_value(var), A.Table) else [])
        return owners

    def constructors(self):
        """`name = value` keys of the constructors a local, a global or `return` holds."""
        a = self.a
        for stat in a.nodes(A.Local):
            for name, value in zip(stat.names, stat.exprs):
                if isinstance(value, A.Table) and name.var is not None:
                    self.table(value, self.owner_keys(name))
        for stat in a.nodes(A.Assign):
            for target, value in zip(stat.targets, stat.exprs):
                if isinstance(value, A.Table) and isinstance(target, A.Name) \
                        and target.var is None:
                    self.table(value, self.owner_keys(target))
        if isinstance(self.root, A.Table):
            self.table(self.root, [("export",)])

    def table(self, table, owners):
        for item in table.items:
            if item.kind == A.ITEM_POS or not isinstance(item.key, A.String):
                continue
            bare = item.kind == A.ITEM_NAMED
            name = _key_text(self.a, item.key, bare)
            if name is not None:
                for owner in owners:
                    self.add(owner + (name,), _key_span(self.a, item.key, bare), True)


def _written_indexes(a):
    """ids of the Index nodes assigned to (`t.f = v`, `function t.f()`)."""
    written = {id(t) for stat in a.nodes(A.Assign) for t in stat.targets}
    written.update(id(stat.target) for stat in a.nodes(A.FunctionStat))
    return written


def _key_text(a, key, bare):
    """The field name of a String key: `t.f`, `f = v`, or `t["f"]` written plainly."""
    try:
        name = key.value.decode("utf-8")
    except UnicodeDecodeError:
        return None
    if bare:
        return name
    start, end = a.span(key)
    text = a.source[start:end]
    plain = len(text) == len(key.value) + 2 and text[:1] in (b'"', b"'") \
        and text[1:-1] == key.value
    return name if plain else None


def _key_span(a, key, bare):
    start, end = a.span(key)
    return (start, end) if bare else (start + 1, end - 1)


# -- Across files -----------------------------------------------------------------------------

class Resolver:
    """Module name -> absolute path of the file `require` loads (memoised)."""

    def __init__(self, index, search_path=None):
        self.index = index
        self.search_path = search_path
        self.paths = {}

    def __call__(self, module):
        if module not in self.paths:
            path = self.index.resolve(module, self.search_path)
            self.paths[module] = os.path.abspath(path) if path else None
        return self.paths[module]


def target(key, path, resolve):
    """What a key means across files; None when it means something in one file only."""
    kind = key[0]
    if kind in ("global", "gfield"):
        return key
    if kind == "require":
        found = resolve(key[1])
        return ("module", found, key[2]) if found else None
    if kind == "export" and path:
        return ("module", os.path.abspath(path), key[1])
    return None


def refs_in(summary, meaning, resolve):
    """The Refs in one summarized file that mean `meaning` (a target)."""
    if meaning[0] != "module":
        return summary.names.get(meaning, [])
    _, path, field = meaning
    found = []
    if summary.path and os.path.abspath(summary.path) == path:
        found += summary.names.get(("export", field), [])
    for module in {req.name for req in summary.requires}:
        if resolve(module) == path:
            found += summary.names.get(("require", module, field), [])
    return sorted(found, key=lambda r: r.start)


def find(index, here, a, offset, resolve):
    """[(FileSummary, [Ref])] of the name under the cursor, the current file first;
    `here` is the current file's summary, `a` its analysis. None: no such name."""
    hit = ref_at(a, offset)
    return None if hit is None else find_keys(index, here, a, hit[0], resolve)


def find_keys(index, here, a, keys, resolve):
    """[(FileSummary, [Ref])] of what any of the keys means, the current file first."""
    files = {}
    for key in keys:
        meaning = target(key, here.path, resolve)
        if meaning is None:
            _merge(files, here, name_refs(a).get(key, []))
            continue
        for summary in [here, *index.summaries()]:
            _merge(files, summary, refs_in(summary, meaning, resolve))
    return [(summary, sorted(refs.values(), key=lambda r: r.start))
            for summary, refs in files.values() if refs]


def _merge(files, summary, refs):
    if refs:
        entry = files.setdefault(summary.uri, (summary, {}))
        for r in refs:
            entry[1].setdefault(r.start, r)


def definitions(index, here, a, offset, resolve):
    """[(FileSummary, Ref)] where the global or field under the cursor is assigned."""
    found = find(index, here, a, offset, resolve) or []
    return [(s, r) for s, refs in found for r in refs if r.write]


class Elsewhere:
    """What other workspace files define, for completion: the globals they assign
    and the fields they assign in global tables (`skip`: the current file's path)."""

    def __init__(self, index, skip=None, analysis_of=None):
        self.index = index
        self.skip = os.path.abspath(skip) if skip else None
        self.analysis_of = analysis_of    # FileSummary -> its Analysis

    def analysis_assigning(self, name):
        """The Analysis of another file that assigns the global `name`, or None."""
        for summary in self.index.summaries():
            if summary.path and os.path.abspath(summary.path) == self.skip:
                continue
            if any(r.write for r in summary.names.get(("global", name), ())):
                return self.analysis_of(summary) if self.analysis_of else None
        return None

    def globals(self):
        return self.index.assigned_globals(self.skip)

    def global_fields(self, table):
        """{field: file name} of the fields other files assign in global `table`."""
        found = {}
        for summary in self.index.summaries():
            if summary.path and os.path.abspath(summary.path) == self.skip:
                continue
            for key, refs in summary.names.items():
                if key[0] == "gfield" and key[1] == table and any(r.write for r in refs):
                    found.setdefault(key[2], os.path.basename(summary.path or summary.uri))
        return found


# -- Rename -------------------------------------------------------------------------------------

def rename(index, here, a, offset, new_name, resolve, analysis_of):
    """[(FileSummary, [Ref])] to replace with new_name, or raise RenameError.

    `analysis_of(summary)` gives a file's Analysis, to check that no local named
    new_name would capture a renamed global."""
    hit = ref_at(a, offset)
    if hit is None:
        raise RenameError("There is no global or field to rename here.")
    keys = hit[0]
    found = find_keys(index, here, a, keys, resolve)
    why = refusal(keys, found, index, here, a, resolve)
    if why is not None:
        raise RenameError(why)
    check_name(new_name)
    if new_name == keys[0][-1]:
        return []
    conflict = _conflict(keys, new_name, index, here, a, resolve)
    if conflict is None and keys[0][0] == "global":
        conflict = _captured(found, new_name, analysis_of)
    if conflict is not None:
        raise RenameError(conflict)
    return found


def refusal(keys, found, index, here, a, resolve):
    """Why the name the keys mean (found where `found` says) cannot be renamed at
    all, or None."""
    key = keys[0]
    if key[0] == "global" and key[1] in stdlib_docs.GLOBALS and not _assigned(found):
        return "`%s` belongs to the standard library." % key[1]
    if key[0] == "gfield" and key[1] in stdlib_docs.GLOBALS and not _assigned(
            find_keys(index, here, a, [("global", key[1])], resolve)):
        return "`%s.%s` belongs to the standard library." % (key[1], key[2])
    for summary, _ in found:
        if summary.path and index.is_library(summary.path):
            return "`%s` is used in library code (%s), which a rename does not edit." % (
                key[-1], summary.path)
    return None


def _assigned(found):
    return any(r.write for _, refs in found for r in refs)


def _conflict(keys, new_name, index, here, a, resolve):
    """Why new_name is taken already, or None."""
    if keys[0][0] == "global" and new_name in stdlib_docs.GLOBALS:
        return "`%s` is already a global." % new_name
    taken = find_keys(index, here, a, [key[:-1] + (new_name,) for key in keys], resolve)
    if not taken:
        return None
    summary, refs = taken[0]
    where = "%s line %d" % (os.path.basename(summary.path or summary.uri),
                            _line(summary.text, refs[0].start))
    if keys[0][0] == "global":
        return "`%s` is already a global (%s)." % (new_name, where)
    return "The table already has a field `%s` (%s)." % (new_name, where)


def _captured(found, new_name, analysis_of):
    """Why a local named new_name would capture a renamed global, or None."""
    for summary, refs in found:
        a = analysis_of(summary)
        for r in refs:
            if a.scopes.var_at(new_name, a.token_at(r.start)) is not None:
                return ("A local `%s` is visible at %s line %d and would capture the global."
                        % (new_name, os.path.basename(summary.path or summary.uri),
                           _line(summary.text, r.start)))
    return None


def _line(text, offset):
    return text.count(b"\n", 0, offset) + 1
