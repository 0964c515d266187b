"""Input generators for the front-end fuzzer.

* `programs()`: a hypothesis strategy for random, syntactically and statically
  valid Lua 5.1 / LuaJIT 2.1 programs (statements, expressions, closures,
  loops, gotos and labels, tables, strings with every escape, numbers in every
  form). A program from it must load in LuaJIT and give no diagnostics.
* `mutate(rnd, seed)`: a damaged copy of a seed program (token ranges deleted,
  duplicated or swapped, random tokens or bytes inserted, truncation, bit
  flips, unbalanced brackets / quotes / long brackets).
* `random_bytes(rnd)`: noise, sometimes biased towards bytes Lua cares about.
* `stress(rnd)`: programs at or past LuaJIT's limits (syntax levels, locals,
  upvalues, deep nesting).

Everything here is deterministic given the hypothesis seed or the Random
passed in.
"""

import re

from hypothesis import strategies as st

# -- Hypothesis-driven program generator ------------------------------------------

_INTS = {}


def _ints(n):
    s = _INTS.get(n)
    if s is None:
        s = _INTS[n] = st.integers(0, n - 1)
    return s


NAMES = ("a", "b", "c", "x", "y", "z", "i", "k", "v", "n", "t", "s", "f", "g",
         "self", "_", "goto", "_ENV", "\u00e9t\u00e9", "x1", "Long_Name_2")
GLOBAL_FUNCS = ("print", "pairs", "ipairs", "next", "select", "type", "tostring",
                "rawget", "setmetatable", "string.format", "math.floor", "table.insert")
FIELD_NAMES = ("x", "y", "n", "len", "goto", "end_", "__index", "new", "k1", "\u00fc")
BINOPS = ("+", "-", "*", "/", "%", "^", "..", "==", "~=", "<", "<=", ">", ">=",
          "and", "or")
UNOPS = ("-", "not ", "#")


class _Ctx:
    """Mutable state of one program being drawn."""

    def __init__(self, draw):
        self.draw = draw
        self.labels = 0
        self.nstats = 0

    def int(self, n):
        return self.draw(_ints(n))

    def pick(self, seq):
        return seq[self.draw(_ints(len(seq)))]

    def chance(self, k):
        """True with probability about 1/k (False when shrinking)."""
        return self.draw(_ints(k)) == k - 1

    def new_label(self, prefix):
        self.labels += 1
        return "%s%d" % (prefix, self.labels)


class _Scope:
    """What a statement may use: visible locals, vararg, loop, goto targets."""

    def __init__(self, vararg, loop=False, locals_=(), labels=(), depth=0):
        self.vararg = vararg
        self.loop = loop
        self.locals = list(locals_)
        self.labels = list(labels)
        self.depth = depth

    def inner(self, loop=None, labels=()):
        return _Scope(self.vararg, self.loop if loop is None else loop, self.locals,
                      self.labels + list(labels), self.depth + 1)

    def function(self, vararg, params):
        # Gotos and breaks do not cross function boundaries.
        return _Scope(vararg, False, self.locals + list(params), (), self.depth + 1)


# Numbers in every form LuaJIT reads (no FFI suffixes: MoonLens rejects those).
_NUMBER_FORMS = (
    lambda c: str(c.int(10)),
    lambda c: str(c.int(1000)),
    lambda c: str(c.pick((0, 1, 2, 255, 256, 32767, 32768, 65535, 65536, 2 ** 31 - 1,
                          2 ** 31, 2 ** 32, 2 ** 52, 2 ** 53, 2 ** 53 + 1, 2 ** 63, 2 ** 64))),
    lambda c: "%d.%d" % (c.int(100), c.int(1000)),
    lambda c: "%d." % c.int(100),
    lambda c: ".%d" % c.int(1000),
    lambda c: "%d%s%s%d" % (c.int(100), c.pick("eE"), c.pick(("", "+", "-")), c.int(400)),
    lambda c: "%d.%de%s%d" % (c.int(10), c.int(10), c.pick(("", "-")), c.int(20)),
    lambda c: "0%s%s" % (c.pick("xX"), c.pick(("ff", "FF", "0", "7fffffff", "80000000",
                                               "ffffffffffffffff", "1p4", "10000000000000"))),
    lambda c: "0x%s.%sp%s%d" % (c.pick(("1", "A", "0", "f")), c.pick(("8", "", "4", "c")),
                                c.pick(("", "+", "-")), c.int(60)),
    lambda c: "0x.%dP%d" % (1 + c.int(9), c.int(10)),
    lambda c: "0%s%s" % (c.pick("bB"), c.pick(("0", "1", "101", "11111111",
                                               "1" + "0" * 40))),
    lambda c: c.pick(("1e308", "1e309", "2e-308", "4.9e-324", "1e-400", "123456789012345678901",
                      "0.1", "3.14159265358979", "1e15", "1e16", "0.0", "00012", "1.5e300")),
)


def _number(c):
    return _NUMBER_FORMS[c.int(len(_NUMBER_FORMS))](c)


_PLAIN = "abcxyz ABC019_-+.,;:!?()[]{}<>=~#%&*/|@$^`"
_ESCAPES = ("\\a", "\\b", "\\f", "\\n", "\\r", "\\t", "\\v", "\\\\", "\\\"", "\\'")


def _string_piece(c, quote):
    k = c.int(12)
    if k <= 3:
        return "".join(c.pick(_PLAIN) for _ in range(1 + c.int(6)))
    if k == 4:
        return c.pick(_ESCAPES)
    if k == 5:
        return "\\%03d" % c.int(256)
    if k == 6:
        return "\\%d" % c.int(256)          # short form: padded later if a digit follows
    if k == 7:
        return "\\x%s%s" % (c.pick("0123456789abcdefABCDEF"), c.pick("0123456789abcdefABCDEF"))
    if k == 8:
        cp = c.pick((0x41, 0x7F, 0x80, 0x7FF, 0x800, 0xD7FF, 0xE000, 0xFFFF, 0x10000,
                     0x10FFFF, 0x263A, 0))
        return "\\u{%s%X}" % (c.pick(("", "0", "000")), cp)
    if k == 9:
        return "\\z" + c.pick((" ", "  \t", "\n   ", "", "\r\n  "))
    if k == 10:
        return "\\" + c.pick(("\n", "\r\n", "\r"))   # an escaped line end
    # raw bytes: UTF-8 text, control characters, the other quote
    return c.pick(("\u00e9", "\u263a", "\x01", "\x7f", "\t", "'" if quote == '"' else '"',
                   "\x00", "\x1b"))


def _quoted(c):
    quote = c.pick(('"', "'"))
    pieces = [_string_piece(c, quote) for _ in range(c.int(5))]
    out = []
    for i, p in enumerate(pieces):
        if re.fullmatch(r"\\\d{1,2}", p) and i + 1 < len(pieces) and pieces[i + 1][:1].isdigit():
            p = "\\%03d" % int(p[1:])
        out.append(p)
    return quote + "".join(out) + quote


def _long_string(c):
    eq = "=" * c.int(4)
    body = c.pick(("", "\n", "text", "]]", "a]=]b", "\nline1\nline2", "\r\nx\r\n", "[[",
                   "\\n not an escape", "--[[", "\"'", "\n\n"))
    if "]" + eq + "]" in body:
        body = body.replace("]", ")")
    return "[%s[%s]%s]" % (eq, body, eq)


def _string(c):
    return _long_string(c) if c.chance(5) else _quoted(c)


def _name(c, scope):
    if scope.locals and c.int(3) != 0:
        return c.pick(scope.locals)
    return c.pick(NAMES)


def _atom(c, scope):
    k = c.int(8)
    if k == 0:
        return _name(c, scope)
    if k == 1:
        return _number(c)
    if k == 2:
        return _string(c)
    if k == 3:
        return c.pick(("nil", "true", "false"))
    if k == 4 and scope.vararg:
        return "..."
    if k == 5:
        return "{}"
    return _name(c, scope)


def _prefix(c, scope, depth):
    """A prefix expression: name or parenthesised expression, with suffixes."""
    if depth > 0 and c.chance(6):
        base = "(" + _expr(c, scope, depth - 1) + ")"
    else:
        base = _name(c, scope)
    for _ in range(c.int(3)):
        base += _suffix(c, scope, depth - 1)
    return base


def _suffix(c, scope, depth):
    k = c.int(6)
    if k == 0:
        return "." + c.pick(FIELD_NAMES)
    if k == 1:
        return _bracket(c, scope, depth)
    if k == 2:
        return ":" + c.pick(FIELD_NAMES) + _args(c, scope, depth)
    return _args(c, scope, depth)


def _bracket(c, scope, depth):
    """[expr]; a long string key needs a blank after '[' ('[[' opens a long string)."""
    e = _expr(c, scope, depth)
    return ("[ " if e.startswith("[") else "[") + e + "]"


def _args(c, scope, depth):
    k = c.int(6)
    if k == 0:
        return _string(c)
    if k == 1:
        return _table(c, scope, depth)
    return "(" + _exprlist(c, scope, depth, 0) + ")"


def _exprlist(c, scope, depth, minimum=1):
    n = minimum + c.int(4)
    return ", ".join(_expr(c, scope, depth) for _ in range(n))


def _table(c, scope, depth):
    items = []
    for _ in range(c.int(6)):
        k = c.int(5)
        if k == 0:
            items.append(c.pick(FIELD_NAMES) + " = " + _expr(c, scope, depth - 1))
        elif k == 1:
            items.append(_bracket(c, scope, depth - 1) + " = " + _expr(c, scope, depth - 1))
        elif k == 2 and c.chance(4):
            # LuaJIT has looked ahead past the name: no "ambiguous syntax" here.
            items.append(_name(c, scope) + "\n(" + _exprlist(c, scope, depth - 1, 0) + ")")
        else:
            items.append(_expr(c, scope, depth - 1))
    seps = [c.pick((", ", "; ", ",\n  ")) for _ in items]
    text = "".join(i + s for i, s in zip(items, seps))
    if items and c.int(2) == 0:
        text = text[:-len(seps[-1])]        # no trailing separator
    return "{" + text + "}"


def _function(c, scope, depth, name=None):
    params = [c.pick(NAMES[:14]) for _ in range(c.int(4))]
    vararg = c.chance(3)
    plist = ", ".join(params + (["..."] if vararg else []))
    inner = scope.function(vararg, params)
    body = _block(c, inner, depth - 1, in_function=True)
    head = "function" if name is None else "function " + name
    return head + "(" + plist + ")\n" + _indent(body) + "end"


def _expr(c, scope, depth):
    if depth <= 0:
        return _atom(c, scope)
    k = c.int(12)
    if k <= 2:
        return _atom(c, scope)
    if k <= 5:
        left = _expr(c, scope, depth - 1)
        right = _expr(c, scope, depth - 1)
        text = left + " " + c.pick(BINOPS) + " " + right
        return "(" + text + ")" if c.chance(3) else text
    if k == 6:
        op = c.pick(UNOPS)
        operand = _expr(c, scope, depth - 1)
        if op == "-" and operand.startswith("-"):
            op = "- "
        return op + operand
    if k <= 8:
        return _prefix(c, scope, depth)
    if k == 9:
        return _table(c, scope, depth)
    if k == 10:
        return _function(c, scope, depth)
    return "(" + _expr(c, scope, depth - 1) + ")"


def _target(c, scope, depth):
    if c.int(3) == 0:
        base = _prefix(c, scope, depth - 1)
        if c.int(2) == 0:
            return base + "." + c.pick(FIELD_NAMES)
        return base + _bracket(c, scope, depth - 1)
    return _name(c, scope)


def _call(c, scope, depth):
    base = _prefix(c, scope, depth - 1)
    if c.int(3) == 0:
        return base + ":" + c.pick(FIELD_NAMES) + _args(c, scope, depth - 1)
    return base + _args(c, scope, depth - 1)


def _indent(text):
    return "".join("  " + line + "\n" if line else "\n" for line in text.split("\n")[:-1])


def _stat(c, scope, depth):
    """One statement (text) that is never required to be last."""
    c.nstats += 1
    k = c.int(20) if depth > 0 else c.int(6)
    if k == 0:
        names = [c.pick(NAMES[:14]) for _ in range(1 + c.int(3))]
        text = "local " + ", ".join(names)
        if c.int(4) != 0:
            text += " = " + _exprlist(c, scope, depth)
        scope.locals.extend(names)
        return text
    if k == 1:
        return ", ".join(_target(c, scope, depth) for _ in range(1 + c.int(3))) + \
            " = " + _exprlist(c, scope, depth)
    if k == 2:
        return _call(c, scope, depth)
    if k == 3:
        if c.chance(8):
            return "goto\n(" + _exprlist(c, scope, depth, 0) + ")"   # `goto` as a name
        return c.pick(GLOBAL_FUNCS) + "(" + _exprlist(c, scope, depth, 0) + ")"
    if k == 4 and scope.labels:
        return "goto " + c.pick(scope.labels)
    if k == 5:
        return _target(c, scope, 1) + " = " + _expr(c, scope, depth)
    if k == 6:
        name = c.pick(NAMES[:14])
        scope.locals.append(name)
        return "local " + _function(c, scope, depth, name)
    if k == 7:
        name = c.pick(NAMES[:14]) + "".join("." + c.pick(FIELD_NAMES) for _ in range(c.int(3)))
        if c.int(2) == 0:
            name += ":" + c.pick(FIELD_NAMES)
            return _function(c, scope, depth, name)
        return _function(c, scope, depth, name)
    if k == 8:
        return "do\n" + _indent(_block(c, scope.inner(), depth - 1)) + "end"
    if k == 9:
        return "while " + _expr(c, scope, depth - 1) + " do\n" + \
            _indent(_loop_body(c, scope, depth - 1)) + "end"
    if k == 10:
        inner = scope.inner(loop=True)
        body = _block(c, inner, depth - 1, trailing_label=False)
        return "repeat\n" + _indent(body) + "until " + _expr(c, inner, depth - 1)
    if k == 11:
        text = "if " + _expr(c, scope, depth - 1) + " then\n" + \
            _indent(_block(c, scope.inner(), depth - 1))
        for _ in range(c.int(3)):
            text += "elseif " + _expr(c, scope, depth - 1) + " then\n" + \
                _indent(_block(c, scope.inner(), depth - 1))
        if c.int(2) == 0:
            text += "else\n" + _indent(_block(c, scope.inner(), depth - 1))
        return text + "end"
    if k == 12:
        var = c.pick(NAMES[:14])
        text = "for %s = %s, %s" % (var, _expr(c, scope, depth - 1), _expr(c, scope, depth - 1))
        if c.int(2) == 0:
            text += ", " + _expr(c, scope, depth - 1)
        return text + " do\n" + _indent(_loop_body(c, scope, depth - 1, [var])) + "end"
    if k == 13:
        names = [c.pick(NAMES[:14]) for _ in range(1 + c.int(3))]
        k2 = c.int(4)
        if k2 == 0:
            explist = "pairs(" + _expr(c, scope, depth - 1) + ")"
        elif k2 == 1:
            explist = "next, " + _expr(c, scope, depth - 1)
        elif k2 == 2:
            explist = "ipairs(" + _expr(c, scope, depth - 1) + ")"
        else:
            explist = _exprlist(c, scope, depth - 1)
        return "for " + ", ".join(names) + " in " + explist + " do\n" + \
            _indent(_loop_body(c, scope, depth - 1, names)) + "end"
    if k == 14:
        return "do return " + _exprlist(c, scope, depth - 1, 0) + " end"
    if k == 15 and scope.loop:
        return "do break end"
    if k == 16:
        inner = _stat(c, scope, depth)
        if inner.startswith("("):
            return inner
        return c.pick(("-- a comment", "--[[ long\ncomment ]]", "--[==[ ]] ]==]", "--",
                       "---[[ not long")) + "\n" + inner
    return _call(c, scope, depth)


def _loop_body(c, scope, depth, loopvars=()):
    inner = scope.inner(loop=True)
    inner.locals.extend(loopvars)
    label = c.new_label("continue") if c.chance(3) else None
    return _block(c, inner, depth, end_label=label)


def _block(c, scope, depth, in_function=False, trailing_label=True, end_label=None):
    """Statements, a possible `return`/`break` last, or labels at the end."""
    scope = _Scope(scope.vararg, scope.loop, scope.locals, scope.labels, scope.depth)
    stats = []
    back = None
    if depth > 0 and c.chance(8):
        back = c.new_label("top")
        stats.append("::" + back + "::")
        scope.labels.append(back)
    fwd = end_label
    if fwd is None and trailing_label and depth > 0 and c.chance(8):
        fwd = c.new_label("done")
    if fwd is not None:
        scope.labels.append(fwd)
    for _ in range(c.int(5) if depth > 0 else c.int(3)):
        stats.append(_stat(c, scope, depth))
        if c.nstats > 120:
            break
    if fwd is not None:
        stats.append("::" + fwd + "::")
    else:
        k = c.int(6)
        if k == 0 or (in_function and k == 1):
            stats.append(("return " + _exprlist(c, scope, depth - 1, 0)).rstrip())
        elif k == 2 and scope.loop:
            stats.append("break")
    out = []
    for s in stats:
        # `a = b (f)()` is ambiguous: end the previous statement with ';'.
        if s.startswith("(") and out:
            out[-1] += ";"
        elif out and c.chance(10):
            out[-1] += ";"
        out.append(s)
    return "".join(s + "\n" for s in out)


@st.composite
def programs(draw, max_depth=4):
    """A valid Lua program as bytes."""
    c = _Ctx(draw)
    depth = 1 + c.int(max_depth)
    scope = _Scope(True)
    text = _block(c, scope, depth, in_function=True)
    k = c.int(12)
    if k == 0:
        text = "#!/usr/bin/env luajit\n" + text
    elif k == 1:
        text = "\ufeff" + text
    elif k == 2:
        text = "\ufeff#!shebang\n" + text
    data = text.encode("utf-8")
    k = c.int(10)
    if k == 0:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    elif k == 1:
        data = data.replace(b"\r\n", b"\n").replace(b"\n", b"\r")
    elif k == 2:
        data = data.rstrip(b"\n")
    return data


# -- Mutations ------------------------------------------------------------------------

# A crude tokenizer, independent of the lexer under test.
_CRUDE = re.compile(rb"""\s+|--\[=*\[|--[^\n]*|\[=*\[|\]=*\]|[A-Za-z_\x80-\xff][\w\x80-\xff]*
    |0[xX][\w.]*|\d[\w.]*(?:[eEpP][+-]?\d+)?|\.\.\.|\.\.|==|~=|<=|>=|::|"(?:\\.|[^"\\\n])*"
    |'(?:\\.|[^'\\\n])*'|.""", re.X | re.S)

TOKENS = (b"and", b"break", b"do", b"else", b"elseif", b"end", b"false", b"for",
          b"function", b"goto", b"if", b"in", b"local", b"nil", b"not", b"or", b"repeat",
          b"return", b"then", b"true", b"until", b"while", b"..", b"...", b"==", b">=",
          b"<=", b"~=", b"::", b"+", b"-", b"*", b"/", b"%", b"^", b"#", b"<", b">", b"=",
          b"(", b")", b"{", b"}", b"[", b"]", b";", b":", b",", b".", b"x", b"self",
          b"1", b"0x10", b"1e5", b".5", b"3.", b"0x1p-2", b"1e", b"0x", b"12LL", b"3i",
          b"1..2", b"'s'", b'"s"', b"[[s]]", b"\n", b" ", b"\\", b"~", b"!", b"@", b"$",
          b"`", b"?", b"&", b"|", b"--", b"\r", b"\x00", b"\xff", b"\xc3\xa9", b"::l::",
          b"goto l", b"local", b"function f() end", b"return", b"break")
UNBALANCED = (b"(", b")", b"[", b"]", b"{", b"}", b'"', b"'", b"[[", b"]]", b"[==[", b"]=]",
              b"--[[", b"--[==[", b"\\", b'"\\', b"'\\x", b'"\\u{', b'"\\z', b"[=", b"function",
              b"do", b"if x then", b"repeat", b"end", b"until")


def crude_tokens(data):
    return [m.group() for m in _CRUDE.finditer(data)]


def _window(rnd, data):
    """Large seeds: a random window of lines keeps inputs small."""
    if len(data) <= 6000 or rnd.random() < 0.05:
        return data
    lines = data.splitlines(keepends=True)
    n = rnd.randint(5, 150)
    i = rnd.randrange(max(1, len(lines) - n))
    return b"".join(lines[i:i + n])


def mutate(rnd, seed):
    data = _window(rnd, seed)
    for _ in range(rnd.choice((1, 1, 1, 2, 2, 3, 4))):
        data = _mutate_once(rnd, data)
    return data


def _mutate_once(rnd, data):
    op = rnd.randrange(10)
    toks = crude_tokens(data)
    n = len(toks)
    if op <= 2 and n:
        i = rnd.randrange(n)
        j = min(n, i + rnd.choice((1, 1, 1, 2, 3, 5, 10, 30)))
        if op == 0:                         # delete a token range
            del toks[i:j]
        elif op == 1:                       # duplicate it somewhere
            k = rnd.randrange(n + 1)
            toks[k:k] = toks[i:j]
        else:                               # swap with another range
            k = rnd.randrange(n)
            m = min(n, k + rnd.randint(1, 4))
            if m <= i or k >= j:
                a, b = sorted(((i, j), (k, m)))
                toks = toks[:a[0]] + toks[b[0]:b[1]] + toks[a[1]:b[0]] + \
                    toks[a[0]:a[1]] + toks[b[1]:]
        return b"".join(toks)
    if op == 3:                             # insert random tokens
        k = rnd.randrange(n + 1)
        toks[k:k] = [rnd.choice(TOKENS) + rnd.choice((b" ", b"")) for _ in range(rnd.randint(1, 3))]
        return b"".join(toks)
    if op == 4:                             # insert random bytes
        k = rnd.randrange(len(data) + 1)
        junk = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 4)))
        return data[:k] + junk + data[k:]
    if op == 5:                             # truncate
        return data[:rnd.randrange(len(data) + 1)]
    if op == 6 and data:                    # flip bits
        b = bytearray(data)
        for _ in range(rnd.randint(1, 3)):
            i = rnd.randrange(len(b))
            b[i] ^= 1 << rnd.randrange(8)
        return bytes(b)
    if op <= 8:                             # unbalanced brackets, quotes, long brackets
        k = rnd.randrange(n + 1)
        toks[k:k] = [rnd.choice(UNBALANCED)]
        return b"".join(toks)
    # replace a token by another
    if n:
        toks[rnd.randrange(n)] = rnd.choice(TOKENS)
    return b"".join(toks)


# -- Noise and limits -------------------------------------------------------------------

_LUAISH = b"  \n\n\t\r()[]{}=.,;:'\"\\-+*/%^#<>~abcdefxyz0123456789_[[]]--"


def random_bytes(rnd):
    n = rnd.choice((0, 1, 2, 5, 10, 30, 100, 300))
    n = rnd.randint(0, n)
    if rnd.random() < 0.5:
        return bytes(rnd.randrange(256) for _ in range(n))
    return bytes(rnd.choice(_LUAISH) for _ in range(n))


_CHAINS = (b".b", b"()", b":m()", b"[1]", b" + a", b" < a", b".b.c()")


def stress(rnd):
    """A program at or just past one of LuaJIT's limits."""
    if rnd.random() < 0.05:                     # long left-recursive chains
        n = rnd.choice((2000, 12000, 25000))
        link = rnd.choice(_CHAINS)
        if rnd.random() < 0.3:
            return b"function a" + b".b" * n + b"() end"
        return b"x = a" + link * n
    k = rnd.randrange(12)
    if k == 0:                                  # syntax levels: nested parentheses
        n = rnd.choice((150, 195, 199, 200, 201, 250))
        return b"x = " + b"(" * n + b"1" + b")" * n
    if k == 1:                                  # nested tables
        n = rnd.choice((100, 198, 199, 200, 300))
        return b"t = " + b"{" * n + b"}" * n
    if k == 2:                                  # nested blocks
        n = rnd.choice((100, 198, 199, 200, 300))
        return b"do " * n + b"end " * n
    if k == 3:                                  # locals
        n = rnd.choice((150, 199, 200, 201, 250))
        return b"".join(b"local v%d = %d\n" % (i, i) for i in range(n))
    if k == 4:                                  # local ... = list
        n = rnd.choice((199, 200, 201))
        return b"local " + b", ".join(b"v%d" % i for i in range(n)) + b"\n"
    if k == 5:                                  # upvalues
        n = rnd.choice((50, 59, 60, 61, 70))
        decl = b"".join(b"local u%d = %d\n" % (i, i) for i in range(n))
        return decl + b"return function() return " + \
            b" + ".join(b"u%d" % i for i in range(n)) + b" end\n"
    if k == 6:                                  # nested functions
        n = rnd.choice((50, 150, 199, 200, 250))
        return b"f = " + b"function() return " * n + b"1" + b" end" * n
    if k == 7:                                  # unary chains
        n = rnd.choice((100, 199, 200, 300))
        return b"x = " + b"- " * n + b"1"
    if k == 8:                                  # long right-associative chains
        n = rnd.choice((100, 199, 200, 300))
        return b"x = " + b" .. ".join([b"a"] * n) + b"\n"
    if k == 9:                                  # many assignment targets
        n = rnd.choice((100, 199, 200, 201))
        return b", ".join(b"a%d" % i for i in range(n)) + b" = 1\n"
    if k == 10:                                 # many registers
        n = rnd.choice((100, 240, 250, 260))
        return b"f(" + b", ".join(b"%d" % i for i in range(n)) + b")\n"
    n = rnd.choice((100, 200, 300))             # nested ifs
    return b"if x then " * n + b"end " * n
