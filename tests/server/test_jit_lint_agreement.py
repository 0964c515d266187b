"""The static JIT-lint against real LuaJIT: on every program of the -jv fidelity corpus
(tests/jit/jv_corpus, expected output from LuaJIT 2.1), no claim the lint makes is
contradicted by what LuaJIT did, and the lint makes a claim on at least half of the
loops whose root trace LuaJIT aborted or stitched.

A claim is about one loop (the header line H) and one cause (line C):
- jit-nyi (a closure created, an upvalue closed, varargs passed on per iteration):
  confirmed by an abort with that "NYI: bytecode N" reported at C or for the loop's
  root trace at H; contradicted if LuaJIT compiled the loop at H ("loop" link).
- jit-stitch (a builtin LuaJIT does not compile): confirmed by a trace at H that
  stitches at that builtin (or returns, when the results are passed on);
  contradicted if LuaJIT compiled the loop at H.
"""

import pathlib
import re

from moonlens.server.config import Settings
from moonlens.server.diagnostics import compute
from moonlens.server.positions import LineIndex
from moonlens.vm.lib.ffid import FFNAMES
from tests.server.helpers import analysis

CORPUS = pathlib.Path(__file__).resolve().parents[1] / "jit" / "jv_corpus"
PROGRAMS = sorted(CORPUS.glob("*.lua"))
# [TRACE   3 (1/2) name.lua:12 stitch string.gsub]  /  [TRACE --- name.lua:4 -- msg at name.lua:5]
_TRACE = re.compile(r"^\[TRACE +(\d+|---) (\(\S+\) )?\S+:(\d+) (.*)\]$")
_AT = re.compile(r" at \S+:(\d+)$")


def jv_lines(path):
    text = path.with_suffix(".jv").read_text()
    return text.split("## jv\n", 1)[1].splitlines() if "## jv\n" in text else []


def luajit_loops(path):
    """Per root-trace start line: the set of outcomes LuaJIT printed there, as
    ("loop"|"stitch NAME"|"return"|"abort", cause line or None, message)."""
    out = {}
    for line in jv_lines(path):
        m = _TRACE.match(line)
        if not m or m.group(2):         # side traces are not about the loop's root
            continue
        start, rest = int(m.group(3)), m.group(4)
        if m.group(1) == "---":
            at = _AT.search(rest)
            out.setdefault(start, set()).add(("abort", int(at.group(1)) if at else start,
                                              rest.split(" at ")[0].lstrip("- ")))
        else:
            out.setdefault(start, set()).add((rest.split(" -> ")[0].strip(), None, None))
    return out


def lint_claims(path):
    a, _ = analysis(path.read_text())
    line = LineIndex(a.source)
    for d in compute(a, Settings()):
        if d.source != "moonlens-jit":
            continue
        cause = line.position(d.start)[0] + 1
        header = line.position(d.related[0][0])[0] + 1
        name = a.source[d.start:d.end].decode()
        yield d.code, header, cause, name, d.message


def judge(code, header, cause, name, message, loops):
    """"confirmed", "contradicted" or "undecided" for one claim."""
    seen = loops.get(header, set())
    if ("loop", None, None) in seen:
        return "contradicted"
    if code == "jit-nyi":
        nyi = re.search(r"NYI: bytecode \d+", message).group(0)
        hits = [o for o in seen if o[0] == "abort" and o[2] == nyi] + \
            [o for outcomes in loops.values() for o in outcomes
             if o[0] == "abort" and o[1] == cause and o[2] == nyi]
        return "confirmed" if hits else "undecided"
    builtin = next((f for f in FFNAMES if f == name or f.endswith("." + name)), name)
    kinds = {o[0] for o in seen}
    if "stitch " + builtin in kinds or ("return" in kinds and "return" in message):
        return "confirmed"
    return "undecided"


def agreement():
    verdicts, aborting, claimed = {}, 0, 0
    for path in PROGRAMS:
        loops = luajit_loops(path)
        claims = list(lint_claims(path))
        for claim in claims:
            verdicts.setdefault(judge(*claim, loops), []).append((path.name,) + claim[:4])
        for start, outcomes in loops.items():
            if any(o[0] == "abort" or o[0].startswith("stitch") for o in outcomes):
                aborting += 1
                claimed += any(c[1] == start for c in claims)
    return verdicts, aborting, claimed


def test_no_claim_is_contradicted_and_half_the_aborting_loops_are_claimed():
    verdicts, aborting, claimed = agreement()
    assert verdicts.get("contradicted", []) == []
    assert len(verdicts.get("confirmed", [])) > 0
    assert aborting > 0 and claimed * 2 >= aborting, (claimed, aborting)


if __name__ == "__main__":
    v, ab, cl = agreement()
    for k, items in sorted(v.items()):
        print(k, len(items))
        for item in items:
            print("   ", item)
    print("aborting or stitched loops: %d, with a lint claim: %d" % (ab, cl))
