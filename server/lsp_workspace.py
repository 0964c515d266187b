"""Protocol glue for the features that reach beyond one document: workspace
symbols, document links, code actions and the call hierarchy.

Like server/lsp.py, this only translates: feature logic is in workspace.py,
code_actions.py and call_hierarchy.py; positions are converted by LineIndex.
"""

import os

from lsprotocol import types as T

from . import call_hierarchy as calls
from . import code_actions, names, navigation, workspace
from .analysis import Analysis
from .lsp import (
    SYMBOL_KINDS, RequestFailed, _capability, summary_of, guarded, guarded_async, path_of,
    summary_location, to_offset, to_range, wait_indexed,
)
from .positions import LineIndex

MAX_WORKSPACE_SYMBOLS = 500
OUR_SOURCES = ("moonlens", "moonlens-jit")


def register(ls):
    _names(ls)
    _symbols_and_links(ls)
    _code_actions(ls)
    _call_hierarchy(ls)


# -- Definition, references, rename ----------------------------------------------------------

def _names(ls):
    @ls.feature(T.TEXT_DOCUMENT_DEFINITION)
    @guarded_async
    async def definition(ls, params: T.DefinitionParams):
        doc = ls.document(params.text_document.uri)
        offset = to_offset(doc, params.position)
        spans = navigation.definition(doc.analysis, offset)
        if spans:
            return [T.Location(doc.uri, to_range(doc, *s)) for s in spans]
        await wait_indexed(ls)
        return _cross_file_definition(ls, doc, offset)

    @ls.feature(T.TEXT_DOCUMENT_DECLARATION)
    @guarded_async
    async def declaration(ls, params: T.DeclarationParams):
        return await definition(ls, params)

    @ls.feature(T.TEXT_DOCUMENT_REFERENCES)
    @guarded_async
    async def references(ls, params: T.ReferenceParams):
        doc = ls.document(params.text_document.uri)
        offset = to_offset(doc, params.position)
        with_decl = params.context.include_declaration
        if _local_at(doc, offset):
            return [T.Location(doc.uri, to_range(doc, *s))
                    for s in navigation.references(doc.analysis, offset, with_decl)]
        await wait_indexed(ls)
        found = names.find(ls.index, summary_of(doc), doc.analysis, offset, _resolver(ls))
        return [summary_location(ls, summary, r.start, r.end)
                for summary, refs in found or () for r in refs if with_decl or not r.write]

    @ls.feature(T.TEXT_DOCUMENT_PREPARE_RENAME)
    @guarded()
    def prepare_rename(ls, params: T.PrepareRenameParams):
        doc = ls.document(params.text_document.uri)
        offset = to_offset(doc, params.position)
        found = _prepare_rename(ls, doc, offset)
        if found is None:
            return None
        start, end, name = found
        return T.PrepareRenamePlaceholder(range=to_range(doc, start, end), placeholder=name)

    @ls.feature(T.TEXT_DOCUMENT_RENAME)
    @guarded_async
    async def rename(ls, params: T.RenameParams):
        doc = ls.document(params.text_document.uri)
        offset = to_offset(doc, params.position)
        try:
            if _local_at(doc, offset):
                spans = navigation.rename(doc.analysis, offset, params.new_name)
                return T.WorkspaceEdit(changes={doc.uri: [
                    T.TextEdit(to_range(doc, s, e), params.new_name) for s, e in spans]})
            await wait_indexed(ls)
            found = names.rename(ls.index, summary_of(doc), doc.analysis, offset,
                                 params.new_name, _resolver(ls),
                                 lambda summary: _file(ls, summary.uri).analysis)
        except navigation.RenameError as e:
            raise RequestFailed(str(e)) from None
        return T.WorkspaceEdit(changes={summary.uri: [
            T.TextEdit(summary_location(ls, summary, r.start, r.end).range, params.new_name)
            for r in refs] for summary, refs in found})


def _local_at(doc, offset):
    """Is the name under the cursor a local variable (renamed within its file)?"""
    occ = doc.analysis.occurrence_at(offset)
    return occ is not None and occ.var is not None


def _resolver(ls):
    return names.Resolver(ls.index, ls.settings().runtime_path)


def _prepare_rename(ls, doc, offset):
    """(start, end, name) when the name under the cursor can be renamed, else None."""
    a = doc.analysis
    if _local_at(doc, offset):
        return navigation.prepare_rename(a, offset)
    hit = names.ref_at(a, offset)
    if hit is None:
        return None
    keys, ref = hit
    found = names.find_keys(ls.index, summary_of(doc), a, keys, _resolver(ls))
    if names.refusal(keys, found, ls.index, summary_of(doc), a, _resolver(ls)):
        return None
    return ref.start, ref.end, keys[0][-1]


def _cross_file_definition(ls, doc, offset):
    """The module file of a `require "name"` string; where a global or a field of a
    module or global table is assigned, in any file."""
    req = workspace.require_at(doc.analysis, offset)
    if req is not None:
        target = ls.module_summary(req.name)
        return [T.Location(target.uri, T.Range(T.Position(0, 0), T.Position(0, 0)))] \
            if target is not None else []
    found = names.definitions(ls.index, summary_of(doc), doc.analysis, offset,
                              _resolver(ls))
    return [summary_location(ls, summary, r.start, r.end) for summary, r in found]


# -- Workspace symbols, document links ----------------------------------------------------

def _symbols_and_links(ls):
    @ls.feature(T.WORKSPACE_SYMBOL)
    @guarded_async
    async def workspace_symbol(ls, params: T.WorkspaceSymbolParams):
        await wait_indexed(ls)
        found = ls.index.symbols(params.query)[:MAX_WORKSPACE_SYMBOLS]
        return [T.SymbolInformation(
            name=sym.name, kind=SYMBOL_KINDS[sym.kind], container_name=sym.container,
            location=summary_location(ls, summary, sym.start, sym.end))
            for summary, sym in found]

    @ls.feature(T.TEXT_DOCUMENT_DOCUMENT_LINK, T.DocumentLinkOptions(resolve_provider=False))
    @guarded(list)
    def document_link(ls, params: T.DocumentLinkParams):
        doc = ls.document(params.text_document.uri)
        tooltips = _capability(ls, "text_document", "document_link", "tooltip_support")
        links = []
        for req in summary_of(doc).requires:
            target = ls.module_summary(req.name)
            if target is not None:
                links.append(T.DocumentLink(range=to_range(doc, req.start + 1, req.end - 1),
                                            target=target.uri,
                                            tooltip=target.path if tooltips else None))
        return links


# -- Code actions ---------------------------------------------------------------------

class _Diag:
    """An LSP diagnostic in byte offsets, for code_actions."""
    __slots__ = ("code", "start", "end", "lsp")

    def __init__(self, doc, d):
        self.code = d.code
        self.start = to_offset(doc, d.range.start)
        self.end = to_offset(doc, d.range.end)
        self.lsp = d


def _code_actions(ls):
    @ls.feature(T.TEXT_DOCUMENT_CODE_ACTION,
                T.CodeActionOptions(code_action_kinds=[T.CodeActionKind.QuickFix]))
    @guarded(list)
    def code_action(ls, params: T.CodeActionParams):
        only = params.context.only
        if only and not any(T.CodeActionKind.QuickFix.value.startswith(k) for k in only):
            return []
        doc = ls.document(params.text_document.uri)
        diags = [_Diag(doc, d) for d in params.context.diagnostics
                 if d.source in OUR_SOURCES]
        return [T.CodeAction(
            title=act.title, kind=T.CodeActionKind.QuickFix, diagnostics=[act.diagnostic.lsp],
            is_preferred=act.preferred or None,
            edit=T.WorkspaceEdit(changes={doc.uri: [
                T.TextEdit(to_range(doc, s, e), text) for s, e, text in act.edits]}))
            for act in code_actions.code_actions(doc.analysis, diags)]


# -- Call hierarchy --------------------------------------------------------------------

class _File:
    """A file's analysis, uri and text, open or on disk."""
    __slots__ = ("uri", "path", "analysis")

    def __init__(self, uri, path, analysis):
        self.uri = uri
        self.path = path
        self.analysis = analysis


def _file(ls, uri):
    doc = ls.store.get(uri)
    if doc is not None:
        return _File(uri, path_of(uri), doc.analysis)
    path = path_of(uri)
    with open(path, "rb") as f:
        return _File(uri, path, Analysis(f.read(), "@" + path))


def _chunk_name(uri):
    return os.path.basename(path_of(uri) or uri)


def _item(ls, uri, text, fdef):
    lines = LineIndex(text, ls.store.encoding)
    rng = T.Range(T.Position(*lines.position(fdef.start)), T.Position(*lines.position(fdef.end)))
    sel = T.Range(T.Position(*lines.position(fdef.sel_start)),
                  T.Position(*lines.position(fdef.sel_end)))
    kind = {"file": T.SymbolKind.File, "method": T.SymbolKind.Method}.get(
        fdef.kind, T.SymbolKind.Function)
    return T.CallHierarchyItem(name=fdef.name, kind=kind, uri=uri, range=rng,
                               selection_range=sel,
                               data={"uri": uri, "offset": fdef.sel_start,
                                     "file": fdef.kind == "file"})


def _resolve_item(ls, item):
    """(_File, FuncDef) of a CallHierarchyItem this server made."""
    data = item.data if isinstance(item.data, dict) else {}
    f = _file(ls, data.get("uri", item.uri))
    if data.get("file"):
        return f, calls.main_chunk(f.analysis, _chunk_name(f.uri))
    fdef = calls.def_at(f.analysis, int(data.get("offset", 0)))
    return f, fdef


def _external(ls, key):
    """The CallHierarchyItem a cross-file key names, or None."""
    if key[0] == "global":
        for summary in ls.index.summaries():
            if key[1] in summary.globals:
                return _item_at(ls, summary.uri, summary.globals[key[1]][0])
        return None
    summary = ls.module_summary(key[1])
    export = summary.exports.get(key[2]) if summary is not None else None
    if export is None:
        return None
    return _item_at(ls, summary.uri, export.start)


def _item_at(ls, uri, offset):
    f = _file(ls, uri)
    fdef = calls.def_at(f.analysis, offset)
    return _item(ls, uri, f.analysis.source, fdef) if fdef is not None else None


def _incoming_elsewhere(ls, f, fdef):
    """{(uri, caller offset): (CallHierarchyItem, [Range])} from other files."""
    exported = _exported_field(ls, f, fdef)
    found = {}
    for summary in ls.index.summaries():
        if summary.uri == f.uri:
            continue
        lines = None
        for site in summary.calls:
            if not _calls_it(ls, site.key, fdef, exported, f.path):
                continue
            lines = lines or LineIndex(summary.text, ls.store.encoding)
            key = (summary.uri, site.caller.sel_start, site.caller.kind)
            if key not in found:
                found[key] = (_item(ls, summary.uri, summary.text, site.caller), [])
            found[key][1].append(T.Range(T.Position(*lines.position(site.start)),
                                         T.Position(*lines.position(site.end))))
    return found


def _exported_field(ls, f, fdef):
    """The field name when fdef is a field of the table its module returns."""
    if fdef.key is None or fdef.key[0] != "field":
        return None
    summary = ls.index.summary(os.path.abspath(f.path)) if f.path else None
    export = summary.exports.get(fdef.key[1]) if summary is not None else None
    return fdef.key[1] if export is not None and export.start == fdef.sel_start else None


def _calls_it(ls, key, fdef, exported, path):
    if key[0] == "global":
        return fdef.key == key
    if exported is None or key[2] != exported:
        return False
    target = ls.index.resolve(key[1], ls.settings().runtime_path)
    return target is not None and path is not None and \
        os.path.abspath(target) == os.path.abspath(path)


def _call_hierarchy(ls):
    @ls.feature(T.TEXT_DOCUMENT_PREPARE_CALL_HIERARCHY)
    @guarded()
    def prepare(ls, params: T.CallHierarchyPrepareParams):
        doc = ls.document(params.text_document.uri)
        target = calls.prepare(doc.analysis, to_offset(doc, params.position))
        if target is None:
            return None
        if isinstance(target, calls.FuncDef):
            item = _item(ls, doc.uri, doc.analysis.source, target)
        else:
            item = _external(ls, target)
        return [item] if item is not None else None

    @ls.feature(T.CALL_HIERARCHY_INCOMING_CALLS)
    @guarded_async
    async def incoming(ls, params: T.CallHierarchyIncomingCallsParams):
        await wait_indexed(ls)
        f, fdef = _resolve_item(ls, params.item)
        if fdef is None:
            return []
        lines = LineIndex(f.analysis.source, ls.store.encoding)
        result = [T.CallHierarchyIncomingCall(
            from_=_item(ls, f.uri, f.analysis.source, caller),
            from_ranges=[_range(lines, s) for s in spans])
            for caller, spans in calls.incoming(f.analysis, fdef, _chunk_name(f.uri))]
        result += [T.CallHierarchyIncomingCall(from_=item, from_ranges=ranges)
                   for item, ranges in _incoming_elsewhere(ls, f, fdef).values()]
        return result

    @ls.feature(T.CALL_HIERARCHY_OUTGOING_CALLS)
    @guarded_async
    async def outgoing(ls, params: T.CallHierarchyOutgoingCallsParams):
        await wait_indexed(ls)
        f, fdef = _resolve_item(ls, params.item)
        if fdef is None:
            return []
        lines = LineIndex(f.analysis.source, ls.store.encoding)
        result = []
        for target, spans in calls.outgoing(f.analysis, fdef):
            if isinstance(target, calls.FuncDef):
                item = _item(ls, f.uri, f.analysis.source, target)
            else:
                item = _external(ls, target)
            if item is not None:
                result.append(T.CallHierarchyOutgoingCall(
                    to=item, from_ranges=[_range(lines, s) for s in spans]))
        return result


def _range(lines, span):
    return T.Range(T.Position(*lines.position(span[0])), T.Position(*lines.position(span[1])))
