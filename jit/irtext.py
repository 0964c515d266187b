"""IR as text: LuaJIT's -jdump line format, printed and parsed.

format_ir() prints instructions as `luajit -jdump=i` does:
    0001 >  int SLOAD  #1    T
    0002    num ADD    0001  +1.5
    0003 }  tab TNEW   #3    #0        ("}": sunk by SINK, in place of the guard mark)
parse_ir() reads the same format into an IR buffer (without folding), so optimiser
tests are written as text IR in and text IR out. Constants are written inline where
they are used, as the dump shows them; with exact=True, number constants always
carry a '.', an exponent or inf/nan, so they are distinguishable from ints ("+3"
is a KINT, "+3.0" a KNUM); strings are "..." and other GC constants {name}.
"""

import math
import re

from .ir import (
    IR, IRFIELDS, IRFPM, IRM_OPMODE, IRMODE, IRNAMES, IRSLOAD, IRT, IRT_DUMPNAME, IRT_GUARD,
    IRT_ISPHI, IRT_TYPE, REF_BIAS, irm_op1, irm_op2,
)
from .irbuf import IRTYPE, TREF_FALSE, TREF_NIL, TREF_TRUE

M_REF, M_LIT, M_NONE = IRM_OPMODE["ref"], IRM_OPMODE["lit"], IRM_OPMODE["___"]
IR_KPRI, IR_KINT, IR_KNUM, IR_KGC = IR["KPRI"], IR["KINT"], IR["KNUM"], IR["KGC"]

XLOAD_NAMES = ("", "R", "V", "RV", "U", "RU", "VU", "RVU")
TMPREF_NAMES = ("", "IN", "OUT", "INOUT", "", "", "OUT2", "INOUT2")
BUFHDR_NAMES = ("RESET", "APPEND", "WRITE")
TOSTR_NAMES = ("INT", "NUM", "CHAR")


def sload_name(mode):
    return "".join(letter for _, bit, letter in IRSLOAD if mode & bit)


def conv_name(mode):
    s = "%s.%s" % (IRT_DUMPNAME[(mode >> 5) & 31].strip(), IRT_DUMPNAME[mode & 31].strip())
    if mode & 0x800:
        s += " sext"
    c = mode >> 12
    return s + {1: " none", 2: " index", 3: " check"}.get(c, "")


def lit_name(opname, op2):
    """The name -jdump prints for a literal op2, or None for "#n"."""
    if opname == "SLOAD":
        return sload_name(op2)
    if opname == "XLOAD":
        return XLOAD_NAMES[op2] if op2 < 8 else None
    if opname == "CONV":
        return conv_name(op2)
    if opname in ("FLOAD", "FREF"):
        return IRFIELDS[op2] if op2 < len(IRFIELDS) else None
    if opname == "FPMATH":
        return IRFPM[op2] if op2 < len(IRFPM) else None
    if opname == "TMPREF":
        return TMPREF_NAMES[op2] if op2 < 8 else None
    if opname == "BUFHDR":
        return BUFHDR_NAMES[op2] if op2 < 3 else None
    if opname == "TOSTR":
        return TOSTR_NAMES[op2] if op2 < 3 else None
    return None


TOBIT_BIAS = 2.0 ** 52 + 2.0 ** 51


def format_number(x, exact=False):
    """formatk for numbers: %+.14g (and a '.0' in exact mode); TOBIT's constant is
    "bias", a tiny positive denormal is printed in hex (%+a)."""
    if x == TOBIT_BIAS:
        return "bias"
    if 0 < x < 2.0 ** -1026:
        return _hexfloat(x)
    if x != x:
        return "nan"
    if x in (math.inf, -math.inf):
        return "+inf" if x > 0 else "-inf"
    s = "%+.14g" % x
    if exact and not re.search(r"[.e]", s):
        s += ".0"
    return s


def _hexfloat(x):
    """C's %+a (glibc) for a positive denormal: normalised, +0x1.8p-1070."""
    m, e = math.frexp(x)
    digits = (m * 2).hex()[2:].split("p")[0].rstrip("0").rstrip(".")
    return "+0x%sp%d" % (digits, e - 1)


def format_k(cur, ref, exact=False, gcname=None):
    """A constant as -jdump shows it (formatk), without padding."""
    o = cur.o[ref]
    t = cur.t[ref] & IRT_TYPE
    if o == IR_KPRI:
        return ("nil", "false", "true")[t]
    if o == IR_KNUM:
        return format_number(cur.kval[ref], exact)
    if o == IR_KINT:
        return "%+d" % cur.kval[ref]
    if o == IR_KGC:
        return gcname(cur.kval[ref], t) if gcname else "{gc}"
    if o == IR["KSLOT"]:
        return "%-4s @%d" % (format_k(cur, cur.op1[ref], exact, gcname), cur.op2[ref])
    if o == IR["KNULL"]:
        return "NULL"
    k = cur.kval.get(ref, 0)
    return "[0x%08x]" % k if k else "NULL"     # dump.lua: a zero pointer is NULL


def format_ins(cur, ref, exact=False, gcname=None, pad=False):
    """One instruction line (without the trailing newline); None for NOP/CARG/RENAME.
    pad keeps the operands' trailing padding, as -jdump prints it."""
    o = cur.o[ref]
    name = IRNAMES[o]
    t = cur.t[ref]
    n = ref - REF_BIAS
    if name == "LOOP":
        return "%04d ------ LOOP ------------" % n
    if name in ("NOP", "CARG", "RENAME"):
        return None
    flag = "}" if cur.sink[ref] else ">" if t & IRT_GUARD else " "
    out = ["%04d %s%s %s %-6s " % (n, flag, "+" if t & IRT_ISPHI else " ",
                                   IRT_DUMPNAME[t & IRT_TYPE], name)]
    m1, m2 = irm_op1(o), irm_op2(o)
    op1, op2 = cur.op1[ref], cur.op2[ref]
    if name.startswith("CALL"):
        out.append(_format_call(cur, ref, exact, gcname, pad))
    elif m1 != M_NONE:
        if m1 == M_REF and op1 < REF_BIAS:
            out.append("%-4s" % format_k(cur, op1, exact, gcname))
        else:
            out.append("%04d" % (op1 - REF_BIAS) if m1 == M_REF else "#%-3d" % op1)
        if m2 != M_NONE:
            if m2 == M_LIT:
                lit = lit_name(name, op2)
                if lit is not None:
                    out.append("  " + lit)
                elif name in ("UREFO", "UREFC"):
                    out.append("  #%-3d" % (op2 >> 8))
                else:
                    out.append("  #%-3d" % op2)
            elif op2 < REF_BIAS:
                out.append("  %-4s" % format_k(cur, op2, exact, gcname))
            else:
                out.append("  %04d" % (op2 - REF_BIAS))
    line = "".join(out)
    return line if pad else line.rstrip()


def _format_call(cur, ref, exact, gcname, pad):
    from .ircall import IRCALL_NAMES   # noqa: PLC0415 -- optional table, loaded late
    args = []
    a = cur.op1[ref]
    while a != 0xFFFF and a >= REF_BIAS and IRNAMES[cur.o[a]] == "CARG":
        args.append(_arg(cur, cur.op2[a], exact, gcname, pad))
        a = cur.op1[a]
    if a != 0xFFFF:
        args.append(_arg(cur, a, exact, gcname, pad))
    return "%-10s  (%s)" % (IRCALL_NAMES[cur.op2[ref]], " ".join(reversed(args)))


def _arg(cur, ref, exact, gcname, pad):
    """A call argument; -jdump pads a constant as formatk does (dumpcallargs)."""
    if ref >= REF_BIAS:
        return "%04d" % (ref - REF_BIAS)
    return ("%-4s" if pad else "%s") % format_k(cur, ref, exact, gcname)


def format_ir(cur, exact=False, gcname=None, start=None):
    """All instructions of the buffer, one line each."""
    lines = []
    for ref in range(start or REF_BIAS + 1, cur.nins):
        line = format_ins(cur, ref, exact, gcname)
        if line is not None:
            lines.append(line)
    return "".join(line + "\n" for line in lines)


# -- Parsing ------------------------------------------------------------------------------

_LINE = re.compile(r"^(\d{4}) ([ >}])([ +]) (\w+) +(\w+) *(.*)$")
_TYPES = {name.strip(): i for i, name in enumerate(IRT_DUMPNAME)}


def parse_ir(J, text, strings=None):
    """Read -jdump IR lines into J.cur (reset first) without folding.

    Returns {line number: ref}. strings maps a "..." or {...} constant's text to its
    TValue (a string constant needs the VM; {...} is a table); NULL is a KNULL of
    the instruction's type, "key" @n a KSLOT. "}" marks a sunk instruction.
    """
    cur = J.cur
    cur.reset()
    refs = {}
    for raw in text.strip("\n").splitlines():
        if "------ LOOP" in raw:
            n = int(raw[:4])
            refs[n] = cur.emit_raw(IRTYPE(IR["LOOP"], IRT["NIL"]), 0, 0) & 0xFFFF
            continue
        m = _LINE.match(raw.rstrip())
        if not m:
            raise ValueError("bad IR line: %r" % raw)
        n, guard, phi, tname, opname, rest = m.groups()
        o = IR[opname]
        t = _TYPES[tname] | (IRT_GUARD if guard == ">" else 0) | (IRT_ISPHI if phi == "+" else 0)
        a, b = _operands(J, o, opname, rest, refs, strings, t & IRT_TYPE)
        if int(n) != cur.nins - REF_BIAS:
            raise ValueError("IR line %s out of order" % n)
        refs[int(n)] = cur.emit_raw(IRTYPE(o, t), a, b) & 0xFFFF
        cur.sink[refs[int(n)]] = int(guard == "}")
    return refs


def _operands(J, o, opname, rest, refs, strings, t):
    m1, m2 = irm_op1(o), irm_op2(o)
    tokens = _tokens(rest)
    a = b = 0
    if m1 != M_NONE:
        a = _operand(J, tokens.pop(0), m1, opname, refs, strings, t, first=True)
    if m2 != M_NONE:
        if m2 == M_LIT and tokens and not tokens[0].startswith("#"):
            b = parse_lit(opname, " ".join(tokens))
            tokens = []
        elif tokens:
            b = _operand(J, tokens.pop(0), m2, opname, refs, strings, t)
            if tokens and tokens[0].startswith("@"):       # HREFK's key and hash slot
                b = J.cur.kslot(b, int(tokens.pop(0)[1:])) & 0xFFFF
    return a, b


def _tokens(rest):
    """Split operands; a quoted string is one token."""
    return re.findall(r'"(?:[^"\\]|\\.)*"~?|\S+', rest)


def _operand(J, tok, mode, opname, refs, strings, t, first=False):
    if tok.startswith("#"):
        n = int(tok[1:])
        return n << 8 if opname in ("UREFO", "UREFC") and not first else n
    if re.fullmatch(r"\d{4}", tok):
        return refs[int(tok)]
    return parse_k(J, tok, strings, t) & 0xFFFF


def parse_k(J, tok, strings=None, t=IRT["NIL"]):
    """An inline constant: nil/true/false, +3 (int), +3.0/+1e3/+inf/nan (number), "s",
    {table} and NULL (a KNULL of type t)."""
    cur = J.cur
    if tok == "nil":
        return TREF_NIL
    if tok == "false":
        return TREF_FALSE
    if tok == "true":
        return TREF_TRUE
    if tok.startswith('"'):
        return cur.kgc(strings[tok], IRT["STR"])
    if tok.startswith("{"):
        return cur.kgc(strings[tok], IRT["TAB"])
    if tok == "NULL":
        return cur.knull(t)
    if re.fullmatch(r"[+-]\d+", tok):
        return cur.kint(int(tok))
    if tok == "bias":
        return cur.knum(TOBIT_BIAS)
    return cur.knum(float(tok))


def parse_lit(opname, text):
    """The literal op2 for its printed name (the inverse of lit_name)."""
    if opname == "SLOAD":
        return sum(bit for _, bit, letter in IRSLOAD if letter in text)
    if opname == "CONV":
        return _parse_conv(text)
    for value in range(256):
        if lit_name(opname, value) == text:
            return value
    raise ValueError("unknown %s literal %r" % (opname, text))


def _parse_conv(text):
    words = text.split()
    dst, src = words[0].split(".")
    mode = (_TYPES[dst] << 5) | _TYPES[src]
    if "sext" in words:
        mode |= 0x800
    for word, c in (("none", 1), ("index", 2), ("check", 3)):
        if word in words:
            mode |= c << 12
    return mode


assert len(IRMODE) == len(IRNAMES)
