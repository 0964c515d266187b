"""The syntax tree.

Every node records the index of its first and last token (`first`, `last`) in
the token arrays of its SourceFile. Spans -- byte offsets, lines, UTF-8 and
UTF-16 columns -- are derived from the tokens (SourceFile.span), so a node
costs two ints for its position. An empty node (a missing expression, an empty
block) has last == first - 1 and sits before token `first`.

The compiler needs more than spans: LuaJIT stamps each instruction with the
line of the token the parser consumed last, and checks some lines against
others. Token indices give all of that: the operator of a BinOp is token
`left.last + 1`, the comma after an argument is `arg.last + 1`, and so on.

`_fields` lists the child attributes in source order (for generic walks).
Names are str (UTF-8, undecodable bytes kept as surrogates); string literals
are bytes, numbers are float.
"""

# Binary operators: LuaJIT's OPR order (lj_parse.c BinOpr).
OPR_ADD, OPR_SUB, OPR_MUL, OPR_DIV, OPR_MOD, OPR_POW, OPR_CONCAT, \
    OPR_NE, OPR_EQ, OPR_LT, OPR_GE, OPR_LE, OPR_GT, OPR_AND, OPR_OR = range(15)
BINOP_TEXT = ("+", "-", "*", "/", "%", "^", "..", "~=", "==", "<", ">=", "<=", ">",
              "and", "or")
# Unary operators.
OPU_NOT, OPU_NEG, OPU_LEN = range(3)
UNOP_TEXT = ("not", "-", "#")

# Kinds of table constructor items.
ITEM_POS, ITEM_NAMED, ITEM_KEYED = range(3)


def _fast_children(cls):
    """Node.children specialised to the fields of cls: no generator, no getattr.
    (The language server's walks and scopes.resolve call it once per node.)"""
    if not cls._fields:
        return lambda self: []
    lines = ["def children(self):", "    out = []"]
    for name in cls._fields:
        lines += ["    v = self.%s" % name,
                  "    if v is not None:",
                  "        if isinstance(v, list):",
                  "            if None in v:",
                  "                out.extend([x for x in v if x is not None])",
                  "            else:",
                  "                out += v",
                  "        else:",
                  "            out.append(v)"]
    lines.append("    return out")
    scope = {}
    exec("\n".join(lines), scope)     # fixed text made from the field names
    return scope["children"]


class Node:
    __slots__ = ("first", "last")
    _fields = ()

    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        if "children" not in vars(cls):
            cls.children = _fast_children(cls)

    def children(self):
        """The child nodes in source order, as a new list (None fields and None
        list items left out). This generic version is the definition; every
        subclass gets a generated equivalent (_fast_children)."""
        out = []
        for name in self._fields:
            value = getattr(self, name)
            if isinstance(value, list):
                out.extend(v for v in value if v is not None)
            elif value is not None:
                out.append(value)
        return out

    def walk(self):
        """This node and all its descendants, in source order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            kids = list(node.children())
            kids.reverse()
            stack.extend(kids)

    def __repr__(self):
        parts = []
        for name in self.__slots__:
            if name not in ("first", "last"):
                parts.append("%s=%r" % (name, getattr(self, name, None)))
        return "%s(%s)" % (type(self).__name__, ", ".join(parts))


class Expr(Node):
    __slots__ = ()


class Stat(Node):
    __slots__ = ()


# -- Expressions ---------------------------------------------------------------

class Nil(Expr):
    __slots__ = ()


class TrueLit(Expr):
    __slots__ = ()


class FalseLit(Expr):
    __slots__ = ()


class Vararg(Expr):
    __slots__ = ()


class Number(Expr):
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class String(Expr):
    """A string literal, or the name after '.' / ':' (then first == last)."""
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value


class Name(Expr):
    """A use of a variable. `var` is set by scopes.resolve: a Var, or None for a global."""
    __slots__ = ("name", "var")

    def __init__(self, name):
        self.name = name
        self.var = None


class Index(Expr):
    """obj.key (dot=True, key is a String) or obj[key]."""
    __slots__ = ("obj", "key", "dot")
    _fields = ("obj", "key")

    def __init__(self, obj, key, dot):
        self.obj = obj
        self.key = key
        self.dot = dot


class Call(Expr):
    """func(args). `args_first` is the token index of '(' / '{' / the string."""
    __slots__ = ("func", "args", "args_first")
    _fields = ("func", "args")

    def __init__(self, func, args, args_first):
        self.func = func
        self.args = args
        self.args_first = args_first


class Method(Expr):
    """obj:name(args)."""
    __slots__ = ("obj", "name", "args", "args_first")
    _fields = ("obj", "name", "args")

    def __init__(self, obj, name, args, args_first):
        self.obj = obj
        self.name = name
        self.args = args
        self.args_first = args_first


class Function(Expr):
    """function (params) body end. `lparen` is the token index of '('.

    For `function a.b:c()` the implicit `self` is params[0], placed on the name `c`.
    """
    __slots__ = ("params", "is_vararg", "body", "lparen", "scope")
    _fields = ("params", "body")

    def __init__(self, params, is_vararg, body, lparen):
        self.params = params
        self.is_vararg = is_vararg
        self.body = body
        self.lparen = lparen
        self.scope = None


class Table(Expr):
    __slots__ = ("items",)
    _fields = ("items",)

    def __init__(self, items):
        self.items = items


class Item(Node):
    """A table constructor item: value / name = value / [key] = value."""
    __slots__ = ("kind", "key", "value")
    _fields = ("key", "value")

    def __init__(self, kind, key, value):
        self.kind = kind
        self.key = key
        self.value = value


class BinOp(Expr):
    __slots__ = ("op", "left", "right")
    _fields = ("left", "right")

    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right


class UnOp(Expr):
    __slots__ = ("op", "operand")
    _fields = ("operand",)

    def __init__(self, op, operand):
        self.op = op
        self.operand = operand


class Paren(Expr):
    __slots__ = ("expr",)
    _fields = ("expr",)

    def __init__(self, expr):
        self.expr = expr


class ErrorExpr(Expr):
    """Stands where an expression could not be parsed."""
    __slots__ = ()


# -- Statements ----------------------------------------------------------------

class LocalName(Node):
    """A name being declared: local, parameter, loop variable, local function.

    `var` is set by scopes.resolve.
    """
    __slots__ = ("name", "var")

    def __init__(self, name):
        self.name = name
        self.var = None


class Local(Stat):
    __slots__ = ("names", "exprs")
    _fields = ("names", "exprs")

    def __init__(self, names, exprs):
        self.names = names
        self.exprs = exprs


class LocalFunction(Stat):
    __slots__ = ("name", "func")
    _fields = ("name", "func")

    def __init__(self, name, func):
        self.name = name
        self.func = func


class FunctionStat(Stat):
    """function a.b.c:m() ... end; `target` is a Name or an Index chain."""
    __slots__ = ("target", "is_method", "func")
    _fields = ("target", "func")

    def __init__(self, target, is_method, func):
        self.target = target
        self.is_method = is_method
        self.func = func


class Assign(Stat):
    __slots__ = ("targets", "exprs")
    _fields = ("targets", "exprs")

    def __init__(self, targets, exprs):
        self.targets = targets
        self.exprs = exprs


class CallStat(Stat):
    __slots__ = ("call",)
    _fields = ("call",)

    def __init__(self, call):
        self.call = call


class Do(Stat):
    __slots__ = ("body",)
    _fields = ("body",)

    def __init__(self, body):
        self.body = body


class While(Stat):
    __slots__ = ("cond", "body")
    _fields = ("cond", "body")

    def __init__(self, cond, body):
        self.cond = cond
        self.body = body


class Repeat(Stat):
    __slots__ = ("body", "cond")
    _fields = ("body", "cond")

    def __init__(self, body, cond):
        self.body = body
        self.cond = cond


class If(Stat):
    """if tests[0] then blocks[0] elseif tests[1] then blocks[1] ... else orelse end."""
    __slots__ = ("tests", "blocks", "orelse")
    _fields = ("tests", "blocks", "orelse")

    def children(self):
        out = []
        for test, block in zip(self.tests, self.blocks):
            out.append(test)
            out.append(block)
        if self.orelse is not None:
            out.append(self.orelse)
        return out

    def __init__(self, tests, blocks, orelse):
        self.tests = tests
        self.blocks = blocks
        self.orelse = orelse


class NumFor(Stat):
    __slots__ = ("var", "start", "stop", "step", "body")
    _fields = ("var", "start", "stop", "step", "body")

    def __init__(self, var, start, stop, step, body):
        self.var = var
        self.start = start
        self.stop = stop
        self.step = step
        self.body = body


class GenFor(Stat):
    __slots__ = ("names", "exprs", "body")
    _fields = ("names", "exprs", "body")

    def __init__(self, names, exprs, body):
        self.names = names
        self.exprs = exprs
        self.body = body


class Return(Stat):
    __slots__ = ("exprs",)
    _fields = ("exprs",)

    def __init__(self, exprs):
        self.exprs = exprs


class Break(Stat):
    __slots__ = ()


class Goto(Stat):
    """goto label; `target` (a Label or None) is set by scopes.resolve."""
    __slots__ = ("label", "target")

    def __init__(self, label):
        self.label = label
        self.target = None


class Label(Stat):
    """::name::. `at_end`: only labels and a block end (not 'until') follow it,
    so LuaJIT treats it as outside the scope of the block's locals."""
    __slots__ = ("name", "at_end")

    def __init__(self, name):
        self.name = name
        self.at_end = False


class ErrorStat(Stat):
    """Tokens skipped after a syntax error."""
    __slots__ = ()


class Block(Node):
    """Statements between an opening token and its closing one.

    first/last cover the statements; `scope` is set by scopes.resolve.
    """
    __slots__ = ("stats", "scope")
    _fields = ("stats",)

    def __init__(self, stats):
        self.stats = stats
        self.scope = None


class Chunk(Node):
    """The main chunk: an implicit vararg function around `body`."""
    __slots__ = ("body", "scope")
    _fields = ("body",)

    def __init__(self, body):
        self.body = body
        self.scope = None


LEAF_TYPES = (Nil, TrueLit, FalseLit, Vararg, Number, String, Name, LocalName,
              Break, Goto, Label, ErrorExpr, ErrorStat)


def dotted_path(expr, head_ok):
    """"a.b.c" for a chain of Names and string-keyed Index nodes whose head Name
    satisfies head_ok(name_node), else None (e.g. "string.gsub" for library calls)."""
    if isinstance(expr, Name):
        return expr.name if head_ok(expr) else None
    if isinstance(expr, Index) and isinstance(expr.key, String):
        head = dotted_path(expr.obj, head_ok)
        if head is not None:
            return "%s.%s" % (head, expr.key.value.decode("utf-8", "replace"))
    return None
