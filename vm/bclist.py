"""Bytecode listings in the format of LuaJIT's jit/bc.lua (`luajit -bl`).

The output is bytes-transparent: constants are bytes and pass through latin-1.
"""

from .bytecode import BC_TSETM, MODE_WORD, NAMES, Proto
from .diagnostics import chunk_loc
from .numbers import fmt_number

_BCMjump, _BCMstr, _BCMnum, _BCMfunc, _BCMuv, _BCMlits = 13, 10, 9, 12, 5, 7


def proto_loc(pt: Proto, line=None) -> str:
    """jit.util.funcinfo(f).loc: "chunk:line"."""
    name = chunk_loc(pt.chunkname)
    if line is None:
        line = pt.firstline
    if name is None:
        return "0x%08x:%d" % (id(pt) & 0xFFFFFFFFFF, line)
    return "%s:%d" % (name, line)


def _ctlsub(m: int) -> str:
    if m == 10:
        return "\\n"
    if m == 13:
        return "\\r"
    if m == 9:
        return "\\t"
    return "\\%03d" % m


def _quote(s: bytes) -> str:
    text = "".join(_ctlsub(c) if c < 32 or c == 127 else chr(c) for c in s)
    if len(s) > 40:
        return '"%s"~' % text[:40]
    return '"%s"' % text


def bcline(pt: Proto, pc: int, prefix=None) -> str:
    """One line of a listing (bc.lua's bcline)."""
    ins = pt.code[pc]
    op = ins & 0xFF
    m = MODE_WORD[op]
    ma, mb, mc = m & 7, (m >> 3) & 15, (m >> 7) & 15
    a = (ins >> 8) & 0xFF
    s = "%04d %s %-6s %3s " % (pc, prefix or "  ", NAMES[op], "" if ma == 0 else a)
    d = ins >> 16
    if mc == _BCMjump:
        return "%s=> %04d\n" % (s, pc + d - 0x7FFF)
    if mb != 0:
        d &= 0xFF
    elif mc == 0:
        return s + "\n"
    kc = None
    if mc == _BCMstr:
        kc = _quote(pt.kgc[d])
    elif mc == _BCMnum:
        n = pt.kn[d]
        if op == BC_TSETM:
            n -= 2.0 ** 52
        kc = fmt_number(n)
    elif mc == _BCMfunc:
        kc = proto_loc(pt.kgc[d])
    elif mc == _BCMuv:
        kc = _uvname(pt, d)
    if ma == _BCMuv:
        ka = _uvname(pt, a)
        kc = ka + " ; " + kc if kc else ka
    if mb != 0:
        b = ins >> 24
        if kc:
            return "%s%3d %3d  ; %s\n" % (s, b, d, kc)
        return "%s%3d %3d\n" % (s, b, d)
    if kc:
        return "%s%3d      ; %s\n" % (s, d, kc)
    if mc == _BCMlits and d > 32767:
        d -= 65536
    return "%s%3d\n" % (s, d)


def _uvname(pt, i) -> str:
    name = pt.uvnames[i] if i < len(pt.uvnames) else ""
    return name.encode("utf-8", "surrogateescape").decode("latin-1")


def targets(pt: Proto):
    found = set()
    for pc in range(1, len(pt.code)):
        ins = pt.code[pc]
        if (MODE_WORD[ins & 0xFF] >> 7) & 15 == _BCMjump:
            found.add(pc + (ins >> 16) - 0x7FFF)
    return found


def bcdump(pt: Proto, out: list, all_=True):
    """Append the listing of pt (children first when all_) to `out` (list of str)."""
    if all_:
        for k in pt.kgc:
            if isinstance(k, Proto):
                bcdump(k, out, True)
    loc = proto_loc(pt).encode("utf-8", "surrogateescape").decode("latin-1")
    out.append("-- BYTECODE -- %s-%d\n" % (loc, pt.lastline))
    tg = targets(pt)
    for pc in range(1, len(pt.code)):
        out.append(bcline(pt, pc, "=>" if pc in tg else None))
    out.append("\n")


def listing(pt: Proto) -> bytes:
    """The whole `luajit -bl` output for a main prototype."""
    out = []
    bcdump(pt, out, True)
    return "".join(out).encode("latin-1")
