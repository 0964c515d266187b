"""Every feature function answers, without raising, at every position of broken code."""

import pytest

from moonlens.server import call_hierarchy, code_actions, completion, hover, inlay_hints
from moonlens.server import names, navigation, workspace
from moonlens.server import semantic_tokens as sem
from moonlens.server.config import Settings
from moonlens.server.diagnostics import compute
from moonlens.server.positions import LineIndex
from tests.conftest import ROOT
from tests.server.helpers import analysis

SOURCES = {
    "partial": "local t = {a = 1,\nfunction t:m(x, \n  if x then return t.\nstring.",
    "garbage": "\x00]]==[[ end end ( { ' \" \\ \ufffd 😀 local function ( :: goto 0x.p9 --[[",
    "unclosed": "local s = [==[ never closed\nprint(s)",
    "operators": "x = ... + # - not a .. b == c ~= d <= e >= f :: g :: goto g",
    "methods": "a:b:c(d)(e){f}'g'[h].i:j()",
    "labels": "::a:: ::a:: goto b do goto a end for i=1 do break break end",
    "sample": (ROOT / "tests" / "frontend" / "sample_program.lua").read_text(),
}


@pytest.mark.parametrize("name", sorted(SOURCES))
def test_every_feature_everywhere(name):
    a, _ = analysis(SOURCES[name].replace("$", ""))
    index = workspace.WorkspaceIndex()
    here = workspace.summarize(a, "file:///x.lua", "/x.lua")
    resolve = names.Resolver(index)
    size = len(a.source)
    step = max(1, size // 300)
    for offset in list(range(0, size + 1, step)) + [size]:
        hover.hover(a, offset)
        completion.complete(a, offset)
        completion.signature_help(a, offset)
        navigation.definition(a, offset)
        navigation.references(a, offset)
        navigation.highlights(a, offset)
        navigation.prepare_rename(a, offset)
        navigation.selection_range(a, offset)
        call_hierarchy.prepare(a, offset)
        workspace.module_field_at(a, offset)
        names.find(index, here, a, offset, resolve)
        names.definitions(index, here, a, offset, resolve)
        for rename, args in ((navigation.rename, (a, offset, "renamed")),
                             (names.rename, (index, here, a, offset, "renamed", resolve,
                                             lambda s: a))):
            try:
                rename(*args)
            except navigation.RenameError:
                pass
    diags = compute(a, Settings())
    code_actions.code_actions(a, diags)
    for fdef in call_hierarchy.named_functions(a).values():
        call_hierarchy.outgoing(a, fdef)
        call_hierarchy.incoming(a, fdef)
    workspace.summarize(a, "file:///x.lua")
    navigation.document_symbols(a)
    index = LineIndex(a.source)
    navigation.folding_ranges(a, lambda o: index.position(o)[0])
    sem.encode(sem.semantic_tokens(a), index)
    inlay_hints.inlay_hints(a, 0, size)
