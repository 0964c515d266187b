"""Runtime JIT insight without a client: worker messages -> hints, diagnostics,
hovers, code lenses and trace documents (server/jit_insight.py). The messages are
the worker's protocol (server/jit_worker.py); test_jit_worker.py checks that the
worker really sends them."""

from moonlens.server import jit_insight as J
from tests.server.helpers import analysis, text_of

PATH = "/w/loops.lua"

SRC = """local t = {}
$a$for i = 1, 300 do$ah$
  t[i] = $f$function() return i end
end
$b$while #t > 0 do$bh$
  local s = $g$string.gsub("a b", " ", "")
  t[#t] = nil$x$
end
"""


def stop(trace, line, linktype, link=None, parent=None, exitno=None, stitch=None,
         end_line=None):
    return {"kind": "stop", "trace": trace, "chunk": PATH, "line": line, "parent": parent,
            "exitno": exitno, "root": 0, "link": trace if link is None else link,
            "linktype": linktype, "stitch": stitch, "end_line": end_line or line, "ir": 12,
            "snapshots": 3, "bytecode": "---- TRACE %d start\n0001 FORL\n" % trace,
            "irtext": "---- TRACE %d IR\n0001 SLOAD\n" % trace}


def abort(line, start_line, blacklisted=False, text="NYI: bytecode 51", error="NYIBC",
          bytecode="FNEW", parent=None):
    return {"kind": "abort", "trace": 2, "chunk": PATH, "line": line, "start_chunk": PATH,
            "start_line": start_line, "parent": parent, "exitno": None, "error": error,
            "text": text, "bytecode": bytecode, "blacklisted": blacklisted}


def result(*messages):
    r = J.RunResult(7, PATH)
    for msg in messages:
        r.add(dict(msg))
    return r


RUN = [abort(3, 2), abort(3, 2),
       stop(1, 5, "stitch", link=0, stitch="string.gsub", end_line=6),
       stop(2, 6, "root", link=1, parent=1, exitno=-1),
       {"kind": "exits", "counts": [[2, 1, PATH, 7, 40], [2, 2, PATH, 7, 2]]},
       {"kind": "done", "status": "ok", "message": None}]


def test_hints_at_loop_headers_and_exit_lines():
    a, m = analysis(SRC)
    hints = J.inlay_hints(result(*RUN), a, PATH, 0, len(a.source))
    assert [(h.offset, h.label) for h in hints] == [
        (m["ah"], "not compiled: NYI: bytecode 51 (2 aborts)"),
        (m["bh"], "trace 1: stitch string.gsub, 12 IR, +1 side/stitched"),
        (m["x"], "42 trace exits")]
    assert hints[2].tooltip == "trace 2 exit #1: 40\ntrace 2 exit #2: 2"
    assert J.inlay_hints(result(*RUN), a, PATH, 0, m["ah"] - 1) == []
    assert J.inlay_hints(result(*RUN), a, "/w/other.lua", 0, len(a.source)) == []


def test_blacklisted_hint():
    a, m = analysis(SRC)
    r = result(*[abort(3, 2)] * 10, abort(3, 2, blacklisted=True))
    (hint,) = J.inlay_hints(r, a, PATH, 0, len(a.source))
    assert hint.label == "blacklisted after 11 aborts: NYI: bytecode 51"


def test_abort_diagnostic_with_the_loop_header_as_related_information():
    a, m = analysis(SRC)
    r = result(*[abort(3, 2)] * 10, abort(3, 2, blacklisted=True))
    (d,) = J.diagnostics(r, a, PATH)
    assert (d.source, d.code, d.severity) == ("moonlens-jit-run", "jit-abort", 2)
    assert text_of(a, (d.start, d.end)) == "function()"
    assert d.message == (
        'A trace was aborted here: creating a closure (a function expression) is not '
        'compiled (NYI: bytecode FNEW; LuaJIT: "NYI: bytecode 51"). 11 aborts. LuaJIT gave '
        'up: the loop is blacklisted and stays interpreted.')
    ((s, e, msg),) = d.related
    assert text_of(a, (s, e)) == "for i = 1, 300 do" and msg == "the trace started here (line 2)"


def test_other_abort_reasons_in_plain_words():
    a, m = analysis(SRC)
    r = result(abort(6, 5, text="leaving loop in root trace", error="LLEAVE", bytecode=None),
               abort(6, 5, text="something new", error="NEWERR", bytecode=None, parent=1))
    first, second = J.diagnostics(r, a, PATH)
    assert first.message.startswith("A trace was aborted here: the loop ended (or a break")
    assert first.message.endswith('(LuaJIT: "leaving loop in root trace").')
    assert text_of(a, (first.start, first.end)) == 'local s = string.gsub("a b", " ", "")'
    assert second.message == 'A side trace was aborted here: LuaJIT: "something new".'


def test_stitch_diagnostic_on_the_call():
    a, m = analysis(SRC)
    (d,) = J.diagnostics(result(*RUN[2:]), a, PATH)
    assert (d.code, d.severity, d.start) == ("jit-stitch", 3, m["g"])
    assert text_of(a, (d.start, d.end)) == "string.gsub"
    assert 'LuaJIT: "stitch string.gsub"' in d.message
    assert text_of(a, d.related[0][:2]) == "while #t > 0 do"


def test_hover_lists_a_loops_traces():
    a, m = analysis(SRC)
    md = J.hover(result(*RUN), a, PATH, m["b"] + 2)
    assert md.splitlines() == [
        "**JIT analysis** (run 7: ok)", "",
        "| trace | kind | start | link | IR | snapshots | exits |",
        "|---|---|---|---|---|---|---|",
        "| 1 | root | line 5 | stitch string.gsub | 12 | 3 | - |",
        "| 2 | stitched after 1 | line 6 | -> 1 | 12 | 3 | #1: 40, #2: 2 |"]
    assert "Aborted 2× at line 3" in J.hover(result(*RUN), a, PATH, m["a"])
    assert J.hover(result(*RUN), a, PATH, 0) is None


def test_flushed_traces_are_not_shown():
    a, m = analysis(SRC)
    r = result(stop(1, 5, "loop"), {"kind": "flush"})
    assert J.inlay_hints(r, a, PATH, 0, len(a.source)) == []
    assert r.stop(0)["trace"] == 1           # its documents stay readable


def test_link_texts():
    assert J.link_text(stop(3, 1, "loop")) == "loop"
    assert J.link_text(stop(3, 1, "root", link=1)) == "-> 1"
    assert J.link_text(stop(3, 1, "tail-recursion", link=2)) == "-> 2 tail-recursion"
    assert J.link_text(stop(3, 1, "interpreter", link=0)) == "-> interpreter"
    assert J.link_text(stop(3, 1, "return", link=0)) == "return"


def test_code_lenses():
    a, m = analysis("local function f()\n  for i = 1, 2 do end\nend\nfunction g() end\n"
                    "local h = function() end\n")
    lenses = J.run_lenses(a, "file:///w/x.lua")
    assert [(a.line(x.offset), x.title, x.command, x.arguments) for x in lenses] == [
        (n, "Run with JIT analysis", "moonlens.runJitAnalysis", ["file:///w/x.lua"])
        for n in (1, 2, 4)]
    a, m = analysis(SRC)
    lenses = J.trace_lenses(result(*RUN), a, PATH, "file:///w/loops.lua")
    assert [(x.offset, x.title, x.arguments[1:]) for x in lenses] == [
        (m["b"], "trace 1 bytecode", [7, 0, "bytecode"]), (m["b"], "trace 1 IR", [7, 0, "ir"]),
        (m["b"], "trace 2 bytecode", [7, 1, "bytecode"]), (m["b"], "trace 2 IR", [7, 1, "ir"])]


def test_trace_documents():
    r = result(*RUN)
    uri = J.trace_uri(7, 1, 2, "ir")
    assert uri == "moonlens-trace:/run7/1/trace2.ir"
    assert J.parse_trace_uri(uri) == (7, 1, "ir")
    assert J.parse_trace_uri("moonlens-trace:/run7/x/trace2.ir") is None
    assert J.parse_trace_uri("file:///a.lua") is None
    assert J.trace_document(r, 1, "ir") == (
        "-- trace 2 of loops.lua (run 7), IR\n---- TRACE 2 IR\n0001 SLOAD\n")
    assert J.trace_document(r, 0, "bytecode").endswith("0001 FORL\n")
    assert "no machine code yet" in J.trace_document(r, 0, "mcode")
    assert J.trace_document(r, 5, "ir") is None and J.trace_document(r, 0, "x") is None
