"""-jv fidelity corpus: each program in jv_corpus/ behaves as `luajit -jv` does.

Every jv_corpus/NAME.lua exercises one trace-policy behaviour (hot loops, side
traces, inlining, recursion, NYI bytecodes, stitching, blacklisting, ...).
jv_corpus/NAME.jv records what real LuaJIT printed for `luajit -jv NAME.lua`
run inside jv_corpus/ (tests/tools/gen_jv_corpus.py; engine version in the
file). Here each program runs in-process as `moonlens run -jv NAME.lua` from the
same directory, so chunk names are the same, and two things are compared:

* test_output: exit status and standard output. A difference is a real bug.
* test_jv: standard error, i.e. the -jv lines (plus any error message).

known_differences.json maps a program to {"output": reason, "jv": reason} for
the comparisons that differ today; exactly those are xfail(strict=True), so a
fixed difference fails until its entry is removed. A reason reads
"<cause> -- <detail>"; the cause groups differences in the summary.

    python tests/jit/test_jv_corpus.py [NAME.lua ...]

runs the corpus outside pytest and prints every difference and the summary
line ("N programs, K with identical -jv").
"""

import collections
import difflib
import json
import pathlib
import re
import sys

import pytest

from tests.inprocess import run_cli

HERE = pathlib.Path(__file__).resolve().parent
CORPUS = HERE / "jv_corpus"
PROGRAMS = sorted(p.name for p in CORPUS.glob("*.lua"))
KNOWN = json.loads((CORPUS / "known_differences.json").read_text())
ASPECTS = ("output", "jv")


def parse_expected(name):
    """The sections of NAME.jv: {"status": int, "stdout": str, "jv": str, "comments": str}."""
    text = (CORPUS / name).with_suffix(".jv").read_text()
    sections = {"comments": ""}
    current = "comments"
    for line in text.splitlines(keepends=True):
        if line.startswith("## "):
            current = line[3:].strip()
            sections[current] = ""
        else:
            sections[current] += line
    sections["status"] = int(sections["status"])
    return sections


_results = {}


def run_moonlens(name):
    """`moonlens run -jv NAME` in-process from jv_corpus/: (status, stdout, stderr)."""
    if name not in _results:
        _results[name] = run_cli(["run", "-jv", name], CORPUS)
    return _results[name]


def actual(name, aspect):
    status, stdout, stderr = run_moonlens(name)
    if aspect == "output":
        return "## status\n%d\n## stdout\n%s" % (status, stdout)
    return stderr


def expected(name, aspect):
    exp = parse_expected(name)
    if aspect == "output":
        return "## status\n%d\n## stdout\n%s" % (exp["status"], exp["stdout"])
    return exp["jv"]


def params(aspect):
    out = []
    for name in PROGRAMS:
        reason = KNOWN.get(name, {}).get(aspect)
        marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
        out.append(pytest.param(name, marks=marks, id=name))
    return out


def diff(name, aspect):
    return "".join(difflib.unified_diff(
        expected(name, aspect).splitlines(keepends=True),
        actual(name, aspect).splitlines(keepends=True), "luajit", "moonlens"))


@pytest.mark.parametrize("name", params("output"))
def test_output(name):
    """Exit status and program output as LuaJIT's: the JIT must never change results."""
    assert actual(name, "output") == expected(name, "output"), diff(name, "output")


@pytest.mark.parametrize("name", params("jv"))
def test_jv(name):
    """The -jv lines (everything on stderr) as LuaJIT's."""
    assert actual(name, "jv") == expected(name, "jv"), diff(name, "jv")


def test_corpus_is_complete():
    """Every program has its expectation, written by the generator from real LuaJIT."""
    assert len(PROGRAMS) >= 70
    for name in PROGRAMS:
        exp = parse_expected(name)
        assert "# engine: LuaJIT " in exp["comments"], name
        assert "# command: luajit -jv %s " % name in exp["comments"], name
        assert exp["status"] == 0, name
        assert all(line.startswith("[TRACE ") for line in exp["jv"].splitlines()), name
    leftovers = {p.with_suffix(".lua").name for p in CORPUS.glob("*.jv")} - set(PROGRAMS)
    assert not leftovers, "expectations without a program: %s" % sorted(leftovers)


def test_known_differences_are_well_formed():
    for name, entry in KNOWN.items():
        assert name in PROGRAMS, "known difference for a missing program: %s" % name
        assert entry and set(entry) <= set(ASPECTS), name
        for aspect, reason in entry.items():
            assert isinstance(reason, str) and " -- " in reason, (name, aspect)


# -- Verdicts: what happened to each loop, ignoring trace numbers -------------------------

VERDICT_MIN = 0.90      # share of loops whose verdict is LuaJIT's (the acceptance level)
_START = re.compile(r"\[TRACE +(?:\d+|---) (\((?:\d+)/(?:\d+|stitch)\) )?(\S+) (.*)\]$")


def verdicts(jv):
    """{(kind, start location): set of outcomes} from -jv text. kind is "root", "side" or
    "stitch" (the parent/exit numbers are dropped); an outcome is the link type
    ("loop", "stitch", "-> root", "-> tail-recursion" ...) or "abort: <reason>" with
    the reason's location ("at file:line") dropped: the verdict of that start."""
    out = collections.defaultdict(set)
    for line in jv.splitlines():
        m = _START.match(line)
        if m is None:
            continue
        parent, loc, rest = m.groups()
        kind = "root" if not parent else "stitch" if "stitch" in parent else "side"
        if rest.startswith("-- ") and line.startswith("[TRACE ---"):
            outcome = "abort: " + re.sub(r" at \S+$", "", rest[3:])
        elif rest.startswith("-- "):
            outcome = rest[3:]          # "fallback to interpreter"
        elif rest.startswith("->"):
            outcome = "-> " + (rest.split()[2] if len(rest.split()) > 2 else "root")
        else:
            outcome = rest.split()[0]
        out[(kind, loc)].add(outcome)
    return out


def verdict_agreement(names):
    """(agreeing loops, all loops) over the programs: a loop agrees when its set of
    outcomes is LuaJIT's."""
    agree = total = 0
    for name in names:
        exp, act = verdicts(expected(name, "jv")), verdicts(actual(name, "jv"))
        for key in set(exp) | set(act):
            total += 1
            agree += exp.get(key) == act.get(key)
    return agree, total


def test_verdict_agreement():
    """Per loop, the JIT's decision (compiled and how it links, abort reason, stitched,
    blacklisted) is LuaJIT's for at least VERDICT_MIN of the corpus's loops."""
    agree, total = verdict_agreement(PROGRAMS)
    assert total >= 60
    assert agree >= VERDICT_MIN * total, "%d of %d loops agree" % (agree, total)


def main(names):
    """Run outside pytest: print each difference, causes by frequency, the summary."""
    names = names or PROGRAMS
    same = {a: 0 for a in ASPECTS}
    stale, unexplained = [], []
    causes = collections.defaultdict(list)
    for name in names:
        for aspect in ASPECTS:
            reason = KNOWN.get(name, {}).get(aspect)
            if actual(name, aspect) == expected(name, aspect):
                same[aspect] += 1
                if reason:
                    stale.append("%s (%s)" % (name, aspect))
                continue
            print("=== %s: %s differs (%s)" % (name, aspect, reason or "NOT LISTED"))
            print(diff(name, aspect), end="")
            if reason:
                causes["%s: %s" % (aspect, reason.split(" -- ")[0])].append(name)
            else:
                unexplained.append("%s (%s)" % (name, aspect))
    print("\ncauses, by number of programs:")
    for cause, progs in sorted(causes.items(), key=lambda kv: (-len(kv[1]), kv[0])):
        print("  %3d  %s: %s" % (len(progs), cause, ", ".join(progs)))
    if stale:
        print("listed but now identical: " + ", ".join(stale))
    if unexplained:
        print("differing but not listed: " + ", ".join(unexplained))
    print("jv corpus: %d programs, %d with identical -jv, %d with identical output"
          % (len(names), same["jv"], same["output"]))
    agree, total = verdict_agreement(names)
    print("verdicts: %d of %d loops agree (%.1f%%)" % (agree, total, 100.0 * agree / total))
    for name in names:
        exp, act = verdicts(expected(name, "jv")), verdicts(actual(name, "jv"))
        for key in sorted(set(exp) | set(act)):
            if exp.get(key) != act.get(key):
                print("  verdict %s %s %s: luajit %s, moonlens %s" % (
                    name, key[0], key[1], sorted(exp.get(key, ())), sorted(act.get(key, ()))))
    return 1 if stale or unexplained else 0


if __name__ == "__main__":
    sys.path.insert(0, str(HERE.parent.parent))
    sys.exit(main(sys.argv[1:]))
