"""The workspace index: every .lua file under the workspace folders, summarized.

A FileSummary keeps what other files ask about one file -- its symbols, what
the module returns (its exports), its `require` calls, and its call sites --
plus its text, so the protocol layer can turn byte offsets into positions.
Summaries of files on disk are rebuilt when the file's mtime or size changes;
an open document's summary (from the editor's text) overrides its file's.

`require` is resolved like package.path: each template of `runtime.path`
("?.lua", "?/init.lua" by default, as in LuaLS) with `?` replaced by the
module name (dots become slashes), relative to each workspace folder.
"""

import os
import re
from collections import Counter
from urllib.parse import quote

from ..vm import ast as A
from .analysis import Analysis, Field
from .navigation import document_symbols, field_at
from .hover import param_names, params_text

DEFAULT_PATH = ("?.lua", "?/init.lua")
SKIP_DIRS = frozenset((".git", ".hg", ".svn", "node_modules", ".venv", "venv",
                       "__pycache__", ".luarocks"))
MAX_FILES = 5000
MAX_FILE_BYTES = 1 << 20          # LuaLS skips files over preloadFileSize (500 KB) too


class Export:
    """A field of the table a module returns."""
    __slots__ = ("name", "kind", "detail", "doc", "start", "end", "params")

    def __init__(self, name, kind, detail, doc, start, end, params=None):
        self.name = name
        self.kind = kind          # "function", "method" or "field"
        self.detail = detail
        self.doc = doc
        self.start = start
        self.end = end
        self.params = params      # a function's parameter names (no implicit self)

    def __repr__(self):
        return "Export(%s %r)" % (self.kind, self.name)


class WorkspaceSymbol:
    __slots__ = ("name", "kind", "container", "start", "end")

    def __init__(self, name, kind, container, start, end):
        self.name = name
        self.kind = kind
        self.container = container
        self.start = start
        self.end = end


class Require:
    """`require "name"`: the module name and the span of the string literal."""
    __slots__ = ("name", "start", "end")

    def __init__(self, name, start, end):
        self.name = name
        self.start = start
        self.end = end


class FileSummary:
    __slots__ = ("uri", "path", "text", "symbols", "exports", "requires", "globals",
                 "calls", "names")

    def __init__(self, uri, path, text):
        self.uri = uri
        self.path = path
        self.text = text
        self.symbols = []
        self.exports = {}
        self.requires = []
        self.globals = {}         # global function name -> (start, end) of its name
        self.calls = []           # call_hierarchy.CallSite
        self.names = {}           # names.name_refs less the keys of local tables


def summarize(a, uri, path=None):
    """The FileSummary of one analysed file."""
    from . import call_hierarchy, names    # noqa: PLC0415 -- they import this module
    s = FileSummary(uri, path, a.source)
    s.symbols = _flat_symbols(document_symbols(a), None)
    s.exports = module_exports(a)
    s.requires = requires(a)
    s.globals = call_hierarchy.global_functions(a)
    s.calls = call_hierarchy.call_sites(a)
    s.names = {key: refs for key, refs in names.name_refs(a).items() if key[0] != "lfield"}
    return s


def _flat_symbols(symbols, container):
    flat = []
    for sym in symbols:
        if sym.name:
            flat.append(WorkspaceSymbol(sym.name, sym.kind, container, sym.sel_start,
                                        sym.sel_end))
        flat.extend(_flat_symbols(sym.children, sym.name))
    return flat


# -- What a module returns ---------------------------------------------------------------

def returned_table(a):
    """The Table constructor, local Var or global name the main chunk returns."""
    stats = a.chunk.body.stats
    if not stats or not isinstance(stats[-1], A.Return) or len(stats[-1].exprs) != 1:
        return None
    value = stats[-1].exprs[0]
    if isinstance(value, A.Table):
        return value
    if isinstance(value, A.Name):
        if value.var is not None:
            return None if value.var.assigned else value.var
        return value.name
    return None


def module_exports(a):
    """{field name: Export} of the table the module returns."""
    root = returned_table(a)
    if root is None:
        return {}
    if isinstance(root, A.Table):
        fields = constructor_fields(root)
    else:
        fields = a.fields.get(root, {})
    return {name: _export(a, f) for name, f in fields.items()}


def constructor_fields(table):
    """{name: Field} of the `name = value` items of a table constructor."""
    fields = {}
    for item in table.items:
        if item.kind != A.ITEM_POS and isinstance(item.key, A.String):
            try:
                name = item.key.value.decode("utf-8")
            except UnicodeDecodeError:
                continue
            fields.setdefault(name, Field(name, item.key, item.value))
    return fields


def _export(a, field):
    start, end = a.span(field.key)
    stat = a.enclosing(field.key, A.Stat)
    doc = a.doc_above(stat) if stat is not None else None
    text = "\n".join(doc.description) if doc else None
    if isinstance(field.value, A.Function):
        kind = "method" if field.is_method else "function"
        return Export(field.name, kind, "function %s%s" % (field.name,
                                                           params_text(field.value)),
                      text or None, start, end, param_names(field.value))
    return Export(field.name, "field", "(field) %s" % field.name, text or None, start, end)


def requires(a):
    """Every `require "name"` / `require("name")` with a literal name."""
    found = []
    for call in a.nodes(A.Call):
        name = require_name(a, call)
        if name is not None:
            start, end = a.span(call.args[0])
            found.append(Require(name, start, end))
    return found


def require_name(a, call):
    """The module name of a `require` call with a literal string, or None."""
    func = call.func
    if not (isinstance(func, A.Name) and func.name == "require" and func.var is None):
        return None
    if len(call.args) != 1 or not isinstance(call.args[0], A.String):
        return None
    try:
        return call.args[0].value.decode("utf-8")
    except UnicodeDecodeError:
        return None


def required_module(a, name_node):
    """The module name a local was initialised with (`local m = require "m"`)."""
    var = getattr(name_node, "var", None)
    if var is None or var.assigned:
        return None
    value = a.initial_value(var)
    if isinstance(value, A.Call):
        return require_name(a, value)
    return None


def require_at(a, offset):
    """The Require whose string literal is under the cursor, or None."""
    for req in requires(a):
        if req.start <= offset <= req.end:
            return req
    return None


def module_field_at(a, offset):
    """(module name, field) when the cursor is on `m.field` or `m:field` and
    `local m = require "module"`; else None."""
    found = field_at(a, offset)
    if found is None or not isinstance(found[0], A.Name):
        return None
    module = required_module(a, found[0])
    return (module, found[1]) if module else None


def export_hover(export, module):
    """Markdown for a field of a required module."""
    parts = ["```lua\n%s\n```" % export.detail]
    if export.doc:
        parts += ["---", export.doc]
    parts.append("From module `%s`." % module)
    return "\n\n".join(parts)


# -- The index -------------------------------------------------------------------------

def path_to_uri(path):
    return "file://" + quote(os.path.abspath(path))


class WorkspaceIndex:
    def __init__(self, roots=(), library=()):
        self.roots = [os.path.abspath(r) for r in roots if r]
        self.library = [os.path.abspath(r) for r in library if r]
        self.files = {}           # path -> (stamp, FileSummary)
        self.open = {}            # path -> FileSummary of the editor's text
        self.search_path = list(DEFAULT_PATH)
        self._assigned = (None, Counter())        # (files table, {global: files assigning})

    def set_roots(self, roots):
        self.roots = [os.path.abspath(r) for r in roots if r]

    def set_library(self, folders):
        """Library folders (workspace.library): indexed and searched by `require`
        like the workspace, never edited by a rename. True if they changed."""
        folders = [os.path.abspath(f) for f in folders if f]
        changed = folders != self.library
        self.library = folders
        return changed

    def is_library(self, path):
        path = os.path.abspath(path)
        return any(path.startswith(folder + os.sep) for folder in self.library)

    def scan(self, after_file=None):
        """(Re)index every .lua file under the roots; returns how many there are.
        `after_file()` is called after each file (the server's collector counts them).

        Builds a new table and swaps it in, so readers (the server may scan in a
        worker thread) never see it half made."""
        fresh = {}
        for path in self.lua_files():
            entry = self._load(path, self.files.get(path))
            if after_file is not None:
                after_file()
            if entry is not None:
                fresh[path] = entry
        self.files = fresh
        return len(fresh)

    def lua_files(self):
        count = 0
        for root in dict.fromkeys(self.roots + self.library):
            for folder, dirs, names in os.walk(root):
                dirs[:] = sorted(d for d in dirs if d not in SKIP_DIRS)
                for name in sorted(names):
                    if name.endswith(".lua"):
                        count += 1
                        if count > MAX_FILES:
                            return
                        yield os.path.join(folder, name)

    def refresh(self, path):
        """Re-read one file (after the client says it changed); None if it is gone."""
        entry = self._load(path, self.files.get(path))
        if entry is None:
            if path in self.files:
                self.files = {p: e for p, e in self.files.items() if p != path}
            return None
        self.files = {**self.files, path: entry}     # a new table: _assigned sees it
        return entry[1]

    def _load(self, path, cached):
        """(stamp, FileSummary) of a file on disk, reusing `cached` if unchanged."""
        try:
            st = os.stat(path)
            stamp = (st.st_mtime_ns, st.st_size)
            if st.st_size > MAX_FILE_BYTES:
                return None
            if cached is not None and cached[0] == stamp:
                return cached
            with open(path, "rb") as f:
                text = f.read()
        except OSError:
            return None
        a = Analysis(text, "@" + path)
        summary = summarize(a, path_to_uri(path), path)
        a.release()               # the summary keeps plain data only
        return stamp, summary

    def set_open(self, path, summarizer):
        """An open document: `summarizer()` gives the summary of the editor's text
        (made only when asked, once per version). None: the document was closed."""
        if summarizer is None:
            self.open.pop(path, None)
        else:
            self.open[path] = summarizer

    def summary(self, path):
        """The summary of a file: the editor's text if open, else the disk's."""
        if path in self.open:
            return self.open[path]()
        cached = self.files.get(path)
        if cached is not None:
            return cached[1]
        if os.path.isfile(path):
            return self.refresh(path)
        return None

    def assigned_globals(self, skip=None):
        """Names some workspace file assigns as a global (an open file's text wins
        over its disk), leaving out the file at path `skip`."""
        files = self.files
        if self._assigned[0] is not files:
            counts = Counter()
            for _, summary in files.values():
                counts.update(_assigned_in(summary))
            self._assigned = (files, counts)
        counts = self._assigned[1].copy()
        opened = dict(self.open)
        for path in {skip, *opened}:
            if path in files:
                counts.subtract(_assigned_in(files[path][1]))
        found = {name for name, n in counts.items() if n > 0}
        for path, summarizer in opened.items():
            if path != skip:
                found.update(_assigned_in(summarizer()))
        return found

    def summaries(self):
        opened = dict(self.open)
        for summarizer in opened.values():
            yield summarizer()
        for path, (_, summary) in list(self.files.items()):
            if path not in opened:
                yield summary

    def resolve(self, module, search_path=None):
        """The path of the file `require(module)` loads, or None."""
        if not module or module.startswith(".") or ".." in module.split("."):
            return None
        name = module.replace(".", os.sep)
        for root in self.roots + self.library:
            for template in search_path or self.search_path:
                if "?" not in template:
                    continue
                path = os.path.normpath(os.path.join(root, template.replace("?", name)))
                if path in self.open or os.path.isfile(path):
                    return path
        return None

    def module(self, name, search_path=None):
        """The summary of the file a module name resolves to, or None."""
        path = self.resolve(name, search_path)
        return self.summary(path) if path is not None else None

    def symbols(self, query):
        """(FileSummary, WorkspaceSymbol) whose name matches the query, best first."""
        pattern = _fuzzy(query)
        found = []
        for summary in self.summaries():
            for sym in summary.symbols:
                if pattern.search(sym.name):
                    found.append((_rank(sym.name, query), summary, sym))
        found.sort(key=lambda t: (t[0], t[2].name, t[1].path or ""))
        return [(s, sym) for _, s, sym in found]


def _assigned_in(summary):
    return {key[1] for key, refs in summary.names.items()
            if key[0] == "global" and any(r.write for r in refs)}


def _fuzzy(query):
    """Case-insensitive subsequence match, as editors expect of symbol search."""
    return re.compile(".*?".join(re.escape(ch) for ch in query), re.I)


def _rank(name, query):
    low, q = name.lower(), query.lower()
    if low == q:
        return 0
    if low.startswith(q) or low.rpartition(".")[2].startswith(q):
        return 1
    return 2 if q in low else 3
