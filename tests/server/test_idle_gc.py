"""The collector runs when documents are quiet, and analyses need none."""

import asyncio
import gc

from moonlens.server.analysis import Analysis
from moonlens.server.documents import DocumentStore
from moonlens.server.idle_gc import IdleCollector
from tests.conftest import ROOT

SAMPLE = (ROOT / "tests" / "frontend" / "sample_program.lua").read_text()


def cyclic_garbage(make):
    """How many objects only the cyclic collector could free after make() ran."""
    was = gc.isenabled()
    gc.collect()
    gc.disable()
    try:
        make()
        return gc.collect()
    finally:
        if was:
            gc.enable()


def test_a_released_analysis_is_freed_by_reference_counting():
    def build(release):
        a = Analysis(SAMPLE.encode(), "=x")
        if release:
            a.release()
    assert cyclic_garbage(lambda: build(False)) > 100       # nodes <-> Var, Scope, FuncInfo
    assert cyclic_garbage(lambda: build(True)) == 0


def test_an_edit_releases_the_old_analysis_unless_someone_holds_it():
    store = DocumentStore()
    doc = store.open("file:///x.lua", SAMPLE, 1)
    edit = [{"range": {"start": {"line": 0, "character": 0},
                       "end": {"line": 0, "character": 0}}, "text": " "}]

    def edit_twice():
        for version in (2, 3):
            assert doc.analysis.scopes.vars      # built, then replaced by the edit
            store.change("file:///x.lua", edit, version)
    assert cyclic_garbage(edit_twice) == 0
    held = doc.analysis                      # a request still working with it
    store.change("file:///x.lua", edit, 4)
    var = held.scopes.vars[0]
    assert var.decl is not None and var.refs is not None      # left intact


def test_idle_collector_collects_when_quiet_and_every_n_changes():
    collector = IdleCollector(idle_seconds=0.05, every=3)

    async def typing():
        collector.changed()
        collector.changed()
        assert collector.collections == 0
        await asyncio.sleep(0.15)            # quiet: the timer collects
        assert collector.collections == 1
        for _ in range(3):                   # no pause: the third change collects
            collector.changed()
        assert collector.collections == 2
        await asyncio.sleep(0.15)
        assert collector.collections == 2    # nothing changed since
    asyncio.run(typing())
    assert collector.count() is False and collector.changes == 1
