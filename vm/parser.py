"""Parser: tokens -> syntax tree, with error recovery (LuaJIT 2.1's grammar).

The functions mirror lj_parse.c's parse functions one for one, without the code
generation, so that every syntax error is raised at the same token with the
same words as LuaJIT's (the first one is what LuaJIT's loadstring returns).
After an error the parser records it and recovers:
  * an error inside a statement skips to the next token that can start a
    statement or end a block, and leaves an ErrorStat for the skipped tokens;
  * a missing closer (end, until, ')', '}', ']' of a matched pair) or a missing
    'then'/'do' is recorded and parsing goes on as if it were there.
"""

import sys

from . import ast as A
from .bytecode import LJ_MAX_XLEVEL
from .diagnostics import Diagnostic, PHASE_PARSE, with_near, first_error
from .lexer import lex, near_text
from .tokens import (
    TK_and, TK_break, TK_concat, TK_do, TK_dots, TK_else, TK_elseif, TK_end,
    TK_eof, TK_eq, TK_false, TK_for, TK_function, TK_ge, TK_goto, TK_if, TK_in,
    TK_label, TK_le, TK_local, TK_name, TK_ne, TK_nil, TK_not, TK_number, TK_or,
    TK_repeat, TK_return, TK_string, TK_then, TK_true, TK_until, TK_while,
    token2str,
)
from .source import SourceFile

_END_TOKENS = frozenset((TK_else, TK_elseif, TK_end, TK_until, TK_eof))
_SYNC_TOKENS = _END_TOKENS | frozenset((
    TK_local, TK_function, TK_if, TK_while, TK_for, TK_repeat, TK_return, TK_do,
    TK_break, TK_goto, TK_label, ord(";")))

# token kind -> (binary operator, left priority, right priority)
_BINOPS = {
    ord("+"): (A.OPR_ADD, 6, 6), ord("-"): (A.OPR_SUB, 6, 6),
    ord("*"): (A.OPR_MUL, 7, 7), ord("/"): (A.OPR_DIV, 7, 7), ord("%"): (A.OPR_MOD, 7, 7),
    ord("^"): (A.OPR_POW, 10, 9), TK_concat: (A.OPR_CONCAT, 5, 4),
    TK_ne: (A.OPR_NE, 3, 3), TK_eq: (A.OPR_EQ, 3, 3),
    ord("<"): (A.OPR_LT, 3, 3), TK_ge: (A.OPR_GE, 3, 3),
    TK_le: (A.OPR_LE, 3, 3), ord(">"): (A.OPR_GT, 3, 3),
    TK_and: (A.OPR_AND, 2, 2), TK_or: (A.OPR_OR, 1, 1),
}
_UNOPS = {TK_not: A.OPU_NOT, ord("-"): A.OPU_NEG, ord("#"): A.OPU_LEN}
UNARY_PRIORITY = 8

_LPAREN, _RPAREN, _LBRACE, _RBRACE = ord("("), ord(")"), ord("{"), ord("}")
_LBRACKET, _RBRACKET, _DOT, _COLON = ord("["), ord("]"), ord("."), ord(":")
_COMMA, _SEMI, _ASSIGN = ord(","), ord(";"), ord("=")

_RECURSION_LIMIT = 20000


class _SyntaxError(Exception):
    """Unwinds to the enclosing statement after an error was recorded."""


def parse(source, chunkname="=?") -> SourceFile:
    """Parse Lua source (bytes or str) into a SourceFile with tree and diagnostics."""
    if isinstance(source, str):
        source = source.encode("utf-8", "surrogateescape")
    toks, diags = lex(source)
    sf = SourceFile(source, chunkname, toks)
    sf.diagnostics.extend(diags)
    if sys.getrecursionlimit() < _RECURSION_LIMIT:
        sys.setrecursionlimit(_RECURSION_LIMIT)
    sf.chunk = _Parser(sf).main()
    return sf


class _FuncState:
    __slots__ = ("vararg", "linedefined")

    def __init__(self, vararg, linedefined):
        self.vararg = vararg
        self.linedefined = linedefined


class _Parser:
    def __init__(self, sf):
        self.sf = sf
        self.toks = sf.tokens
        self.K = sf.tokens.kind
        self.V = sf.tokens.value
        self.p = 0
        self.lastp = len(self.K) - 1      # <eof>: next() stays on it
        self.level = 0
        self.fs = None
        # A name LuaJIT consumed with a lookahead token already scanned (`goto` at
        # a statement start, a table item's name): its ls->lastline is then the
        # lookahead's line, which matters for the ambiguous-call check.
        self.look = -1
        # Diagnostics recorded up to the syntax-level error (None: not hit).
        self.halted = None

    # -- Errors --------------------------------------------------------------

    def record(self, message, near=True, tok=None, line=None):
        """Record an error at token `tok` (default: the current one)."""
        p = self.p if tok is None else tok
        toks = self.toks
        text = with_near(message, near_text(toks, p) if near else None)
        if line is None:
            line = toks.eline[p]
        self.sf.diagnostics.append(Diagnostic(
            "syntax", text, line, toks.start[p], toks.end[p], p, PHASE_PARSE))

    def err_syntax(self, message):
        self.record(message)
        raise _SyntaxError

    def err_token(self, kind):
        self.err_syntax("'%s' expected" % token2str(kind))

    def err_limit(self, limit, what):
        fs = self.fs
        if fs.linedefined == 0:
            msg = "main function has more than %d %s" % (limit, what)
        else:
            msg = "function at line %d has more than %d %s" % (fs.linedefined, limit, what)
        self.record(msg, near=False)
        raise _SyntaxError

    # -- Token helpers ---------------------------------------------------------

    def next(self):
        if self.p < self.lastp:
            self.p += 1

    def lex_opt(self, kind) -> bool:
        if self.K[self.p] == kind:
            self.next()
            return True
        return False

    def lex_check(self, kind):
        if self.K[self.p] != kind:
            self.err_token(kind)
        self.next()

    def lex_check_soft(self, kind):
        """lex_check, but a missing token is recorded and assumed (recovery)."""
        if self.K[self.p] != kind:
            self.record("'%s' expected" % token2str(kind))
        else:
            self.next()

    def lex_match(self, what, who, line):
        """Consume the closer `what` of `who` opened at `line`; record if missing."""
        if self.K[self.p] == what:
            self.next()
            return
        if line == self.toks.eline[self.p]:
            self.record("'%s' expected" % token2str(what))
        else:
            self.record("'%s' expected (to close '%s' at line %d)"
                        % (token2str(what), token2str(who), line))

    def lex_str(self) -> str:
        k = self.K[self.p]
        if k != TK_name and k != TK_goto:
            self.err_token(TK_name)
        p = self.p
        self.next()
        return self.V[p] if k == TK_name else "goto"

    def name_node(self, cls):
        """lex_str as a node (inlined: one per name in the source)."""
        p = self.p
        k = self.K[p]
        if k == TK_name:
            node = cls(self.V[p])
        elif k == TK_goto:
            node = cls("goto")
        else:
            self.err_token(TK_name)
        if p < self.lastp:
            self.p = p + 1
        node.first = node.last = p
        return node

    def synlevel_begin(self) -> bool:
        """Enter a syntax level; False when LuaJIT's limit stops the parse here.

        LuaJIT raises the error at once. The parser records it and jumps to
        <eof>, so every enclosing construct closes and the tree keeps what was
        parsed before: the loader compiles it, because a compile error LuaJIT
        met earlier (too many registers) is the one it reports. What is
        recorded after the jump is dropped in main().
        """
        self.level += 1
        if self.level < LJ_MAX_XLEVEL:
            return True
        self.level -= 1
        if self.halted is None:
            self.record("chunk has too many syntax levels", near=False)
            self.halted = len(self.sf.diagnostics)
        self.p = len(self.K) - 1
        return False

    def finish(self, node, first):
        node.first = first
        node.last = self.p - 1
        return node

    # -- Expressions -------------------------------------------------------------

    def expr(self):
        return self.expr_binop(0)[0]

    def expr_binop(self, limit):
        """Binary expression with operators binding tighter than `limit`.

        Returns (node, unconsumed operator entry or None).
        """
        if self.level + 1 < LJ_MAX_XLEVEL:      # synlevel_begin, inlined
            self.level += 1
        elif not self.synlevel_begin():
            return self.finish(A.ErrorExpr(), self.p), None
        first = self.p
        k = self.K[first]
        if k == TK_name:                # most operands: skip expr_simple's tests
            v = self.expr_primary()
        else:
            op = _UNOPS.get(k)
            if op is not None:
                self.next()
                operand = self.expr_binop(UNARY_PRIORITY)[0]
                v = self.finish(A.UnOp(op, operand), first)
            else:
                v = self.expr_simple()
        entry = _BINOPS.get(self.K[self.p])
        while entry is not None and entry[1] > limit:
            self.next()
            v2, nextentry = self.expr_binop(entry[2])
            node = A.BinOp(entry[0], v, v2)
            node.first = first
            node.last = v2.last
            v = node
            entry = nextentry
        self.level -= 1
        return v, entry

    def expr_simple(self):
        k = self.K[self.p]
        p = self.p
        if k == TK_number:
            node = A.Number(self.V[p])
        elif k == TK_string:
            node = A.String(self.V[p])
        elif k == TK_nil:
            node = A.Nil()
        elif k == TK_true:
            node = A.TrueLit()
        elif k == TK_false:
            node = A.FalseLit()
        elif k == TK_dots:
            if not self.fs.vararg:
                self.err_syntax("cannot use '...' outside a vararg function")
            node = A.Vararg()
        elif k == _LBRACE:
            return self.expr_table()
        elif k == TK_function:
            self.next()
            return self.parse_body(p, False, self.toks.eline[self.p])
        else:
            return self.expr_primary()
        node.first = node.last = p
        self.next()
        return node

    def expr_primary(self):
        K = self.K
        first = self.p
        k = K[first]
        if k == _LPAREN:
            line = self.toks.eline[first]
            self.next()
            inner = self.expr()
            self.lex_match(_RPAREN, _LPAREN, line)
            v = self.finish(A.Paren(inner), first)
        elif k == TK_name or k == TK_goto:
            v = self.name_node(A.Name)
        else:
            self.err_syntax("unexpected symbol")
        while True:
            k = K[self.p]
            if k == _DOT:
                self.next()
                key = self.name_node(A.String)
                key.value = key.value.encode("utf-8", "surrogateescape")
                v = self.finish(A.Index(v, key, True), first)
            elif k == _LBRACKET:
                self.next()
                key = self.expr()
                self.lex_check(_RBRACKET)
                v = self.finish(A.Index(v, key, False), first)
            elif k == _COLON:
                self.next()
                name = self.name_node(A.String)
                name.value = name.value.encode("utf-8", "surrogateescape")
                args_first = self.p
                args = self.parse_args()
                v = self.finish(A.Method(v, name, args, args_first), first)
            elif k == _LPAREN or k == TK_string or k == _LBRACE:
                args_first = self.p
                args = self.parse_args()
                v = self.finish(A.Call(v, args, args_first), first)
            else:
                return v

    def parse_args(self):
        toks = self.toks
        k = self.K[self.p]
        line = toks.eline[self.p]
        if k == _LPAREN:
            prev = self.p - 1
            lastline = toks.eline[self.p if prev == self.look else prev]
            if line != lastline:
                self.err_syntax("ambiguous syntax (function call x new statement)")
            self.next()
            args = [] if self.K[self.p] == _RPAREN else self.expr_list()
            self.lex_match(_RPAREN, _LPAREN, line)
            return args
        if k == _LBRACE:
            return [self.expr_table()]
        if k == TK_string:
            node = A.String(self.V[self.p])
            node.first = node.last = self.p
            self.next()
            return [node]
        self.err_syntax("function arguments expected")

    def expr_list(self):
        exprs = [self.expr()]
        while self.K[self.p] == _COMMA:
            self.next()
            exprs.append(self.expr())
        return exprs

    def expr_table(self):
        K = self.K
        first = self.p
        line = self.toks.eline[first]
        self.lex_check(_LBRACE)
        items = []
        while K[self.p] != _RBRACE:
            ifirst = self.p
            k = K[ifirst]
            if k == _LBRACKET:
                self.next()
                key = self.expr()
                self.lex_check(_RBRACKET)
                self.lex_check(_ASSIGN)
                item = A.Item(A.ITEM_KEYED, key, self.expr())
            elif (k == TK_name or k == TK_goto) and K[ifirst + 1] == _ASSIGN:
                key = self.name_node(A.String)
                key.value = key.value.encode("utf-8", "surrogateescape")
                self.lex_check(_ASSIGN)
                item = A.Item(A.ITEM_NAMED, key, self.expr())
            else:
                if k == TK_name or k == TK_goto:
                    self.look = ifirst
                item = A.Item(A.ITEM_POS, None, self.expr())
            items.append(self.finish(item, ifirst))
            if not self.lex_opt(_COMMA) and not self.lex_opt(_SEMI):
                break
        self.lex_match(_RBRACE, _LBRACE, line)
        return self.finish(A.Table(items), first)

    def parse_body(self, first, needself, line, name_tok=-1):
        """Function parameters and body; `first` is the 'function' token, `line` its linedefined."""
        outer = self.fs
        self.fs = _FuncState(False, line)
        lparen = self.p
        params, vararg = self.parse_params(needself, name_tok)
        self.fs.vararg = vararg
        body = self.block()
        if self.K[self.p] != TK_end:
            self.lex_match(TK_end, TK_function, line)
        else:
            self.next()
        self.fs = outer
        return self.finish(A.Function(params, vararg, body, lparen), first)

    def parse_params(self, needself, name_tok):
        params = []
        if needself:
            node = A.LocalName("self")
            node.first = node.last = name_tok
            params.append(node)
        vararg = False
        try:
            self.lex_check(_LPAREN)
            K = self.K
            if K[self.p] != _RPAREN:
                while True:
                    k = K[self.p]
                    if k == TK_name or k == TK_goto:
                        params.append(self.name_node(A.LocalName))
                    elif k == TK_dots:
                        self.next()
                        vararg = True
                        break
                    else:
                        self.err_syntax("<name> or '...' expected")
                    if not self.lex_opt(_COMMA):
                        break
            self.lex_check(_RPAREN)
        except _SyntaxError:
            self.skip_rest_of_line(_RPAREN)
        return params, vararg

    def skip_rest_of_line(self, closer):
        """Recovery in a header: skip to `closer` (consumed) or to the end of the line."""
        toks = self.toks
        line = toks.eline[self.p]
        while self.K[self.p] != TK_eof and toks.line[self.p] == line:
            if self.K[self.p] == closer:
                self.next()
                return
            self.next()

    # -- Statements ----------------------------------------------------------------

    def block(self):
        """parse_chunk: statements up to a block end, as a Block."""
        if not self.synlevel_begin():
            return self.finish(A.Block([]), self.p)
        K = self.K
        first = self.p
        stats = []
        labels = []        # the current run of consecutive labels
        while K[self.p] not in _END_TOKENS:
            start, level, fs = self.p, self.level, self.fs
            try:
                stat, islast = self.statement()
            except _SyntaxError:
                self.level, self.fs = level, fs
                stat, islast = self.recover(start), False
            stats.append(stat)
            if isinstance(stat, A.Label):
                labels.append(stat)
                if K[self.p] != TK_label:
                    self.close_label_run(labels)
            self.lex_opt(_SEMI)
            if islast:
                break
        self.level -= 1
        return self.finish(A.Block(stats), first)

    def close_label_run(self, labels):
        """LuaJIT treats labels followed only by labels and a block end as outside the scope."""
        k = self.K[self.p]
        at_end = k in _END_TOKENS and k != TK_until
        for label in labels:
            label.at_end = at_end
        labels.clear()

    def recover(self, start):
        """Skip to a token that can start a statement or end a block."""
        K, toks = self.K, self.toks
        if self.p == start:
            self.next()
        while True:
            k = K[self.p]
            if k in _SYNC_TOKENS:
                break
            if (k == TK_name or k == _LPAREN) and toks.line[self.p] > toks.eline[self.p - 1]:
                break
            self.next()
        stat = A.ErrorStat()
        stat.first = start
        stat.last = self.p - 1
        return stat

    def statement(self):
        """parse_stmt: one statement. Returns (node, must_be_last)."""
        K = self.K
        first = self.p
        k = K[first]
        line = self.toks.eline[first]
        if k == TK_if:
            return self.parse_if(line), False
        if k == TK_while:
            return self.parse_while(line), False
        if k == TK_do:
            self.next()
            body = self.block()
            self.lex_match(TK_end, TK_do, line)
            return self.finish(A.Do(body), first), False
        if k == TK_for:
            return self.parse_for(line), False
        if k == TK_repeat:
            return self.parse_repeat(line), False
        if k == TK_function:
            return self.parse_func(line), False
        if k == TK_local:
            self.next()
            return self.parse_local(first), False
        if k == TK_return:
            return self.parse_return(), True
        if k == TK_break:
            self.next()
            return self.finish(A.Break(), first), True
        if k == TK_label:
            return self.parse_label(), False
        if k == TK_goto:
            if K[first + 1] == TK_name:
                self.next()
                node = A.Goto(self.lex_str())
                return self.finish(node, first), False
            self.look = first
        return self.parse_call_assign(), False

    def parse_if(self, line):
        first = self.p
        tests, blocks = [], []
        self.parse_then(tests, blocks)
        while self.K[self.p] == TK_elseif:
            self.parse_then(tests, blocks)
        orelse = None
        if self.K[self.p] == TK_else:
            self.next()
            orelse = self.block()
        self.lex_match(TK_end, TK_if, line)
        return self.finish(A.If(tests, blocks, orelse), first)

    def parse_then(self, tests, blocks):
        self.next()  # 'if' or 'elseif'
        tests.append(self.expr())
        self.lex_check_soft(TK_then)
        blocks.append(self.block())

    def parse_while(self, line):
        first = self.p
        self.next()
        cond = self.expr()
        self.lex_check_soft(TK_do)
        body = self.block()
        self.lex_match(TK_end, TK_while, line)
        return self.finish(A.While(cond, body), first)

    def parse_repeat(self, line):
        first = self.p
        self.next()
        body = self.block()
        self.lex_match(TK_until, TK_repeat, line)
        cond = self.expr()
        return self.finish(A.Repeat(body, cond), first)

    def parse_for(self, line):
        first = self.p
        self.next()
        name = self.name_node(A.LocalName)
        k = self.K[self.p]
        if k == _ASSIGN:
            self.next()
            start = self.expr()
            self.lex_check(_COMMA)
            stop = self.expr()
            step = self.expr() if self.lex_opt(_COMMA) else None
            self.lex_check_soft(TK_do)
            node = A.NumFor(name, start, stop, step, self.block())
        elif k == _COMMA or k == TK_in:
            names = [name]
            while self.lex_opt(_COMMA):
                names.append(self.name_node(A.LocalName))
            self.lex_check(TK_in)
            exprs = self.expr_list()
            self.lex_check_soft(TK_do)
            node = A.GenFor(names, exprs, self.block())
        else:
            self.err_syntax("'=' or 'in' expected")
        self.lex_match(TK_end, TK_for, line)
        return self.finish(node, first)

    def parse_func(self, line):
        first = self.p
        self.next()
        target = self.name_node(A.Name)
        tfirst = target.first
        while self.K[self.p] == _DOT:
            self.next()
            key = self.name_node(A.String)
            key.value = key.value.encode("utf-8", "surrogateescape")
            target = self.finish(A.Index(target, key, True), tfirst)
        is_method = False
        name_tok = -1
        if self.K[self.p] == _COLON:
            is_method = True
            self.next()
            name_tok = self.p
            key = self.name_node(A.String)
            key.value = key.value.encode("utf-8", "surrogateescape")
            target = self.finish(A.Index(target, key, True), tfirst)
        func = self.parse_body(first, is_method, line, name_tok)
        return self.finish(A.FunctionStat(target, is_method, func), first)

    def parse_local(self, first):
        if self.lex_opt(TK_function):
            name = self.name_node(A.LocalName)
            func = self.parse_body(first + 1, False, self.toks.eline[self.p])
            return self.finish(A.LocalFunction(name, func), first)
        names = [self.name_node(A.LocalName)]
        while self.lex_opt(_COMMA):
            names.append(self.name_node(A.LocalName))
        exprs = self.expr_list() if self.lex_opt(_ASSIGN) else []
        return self.finish(A.Local(names, exprs), first)

    def parse_return(self):
        first = self.p
        self.next()
        k = self.K[self.p]
        exprs = [] if (k in _END_TOKENS or k == _SEMI) else self.expr_list()
        return self.finish(A.Return(exprs), first)

    def parse_label(self):
        first = self.p
        self.next()
        node = A.Label(self.lex_str())
        node.at_end = False
        # LuaJIT checks for a duplicate label before the closing '::', so a
        # missing '::' is recorded and the label kept (scopes reports duplicates).
        self.lex_check_soft(TK_label)
        return self.finish(node, first)

    def parse_call_assign(self):
        first = self.p
        v = self.expr_primary()
        if isinstance(v, (A.Call, A.Method)):
            return self.finish(A.CallStat(v), first)
        targets = [v]
        self.check_assignable(v)
        while self.lex_opt(_COMMA):
            v = self.expr_primary()
            if self.level + len(targets) >= LJ_MAX_XLEVEL:
                self.err_limit(LJ_MAX_XLEVEL, "variable names")
            self.check_assignable(v)
            targets.append(v)
        self.lex_check(_ASSIGN)
        exprs = self.expr_list()
        return self.finish(A.Assign(targets, exprs), first)

    def check_assignable(self, v):
        if not isinstance(v, (A.Name, A.Index)):
            self.err_syntax("syntax error")

    # -- Main chunk ------------------------------------------------------------------

    def main(self):
        self.fs = _FuncState(True, 0)
        chunk = A.Chunk(None)
        stats = []
        first = 0
        while True:
            body = self.block()
            stats.extend(body.stats)
            if self.K[self.p] == TK_eof:
                break
            start = self.p
            self.record("'<eof>' expected")
            self.next()
            stats.append(self.finish(A.ErrorStat(), start))
        if self.halted is not None:
            del self.sf.diagnostics[self.halted:]
        body = A.Block(stats)
        body.first = first
        body.last = len(self.K) - 2
        chunk.body = body
        chunk.first = 0
        chunk.last = len(self.K) - 1
        return chunk


def syntax_error_message(sf):
    """LuaJIT's loadstring message for the first error in sf, or None."""
    d = first_error(sf.diagnostics)
    return None if d is None else d.format(sf.chunkname)
