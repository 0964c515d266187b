"""Lexical tokens: the one table of LuaJIT 2.1's token kinds (lj_lex.h TKDEF).

A token kind is an int, numbered as LuaJIT numbers them so that error messages
come out the same:
  * 0..255   a single byte that is a token by itself ('+', '(', '@', char(1) ...);
  * 257..    the named tokens of TOKEN_TABLE, in order (TK_OFS + 1 + index).
The reserved words come first in the table; their count is RESERVED.
"""

TK_OFS = 256

# (identifier, text). Text is what error messages print for the kind.
TOKEN_TABLE = (
    ("and", "and"), ("break", "break"), ("do", "do"), ("else", "else"),
    ("elseif", "elseif"), ("end", "end"), ("false", "false"), ("for", "for"),
    ("function", "function"), ("goto", "goto"), ("if", "if"), ("in", "in"),
    ("local", "local"), ("nil", "nil"), ("not", "not"), ("or", "or"),
    ("repeat", "repeat"), ("return", "return"), ("then", "then"),
    ("true", "true"), ("until", "until"), ("while", "while"),
    ("concat", ".."), ("dots", "..."), ("eq", "=="), ("ge", ">="), ("le", "<="),
    ("ne", "~="), ("label", "::"), ("number", "<number>"), ("name", "<name>"),
    ("string", "<string>"), ("eof", "<eof>"),
)

RESERVED = TOKEN_TABLE.index(("while", "while")) + 1

# TK_and, TK_break, ... as module constants.
for _i, (_ident, _text) in enumerate(TOKEN_TABLE):
    globals()["TK_" + _ident] = TK_OFS + 1 + _i
del _i, _ident, _text

# Declared for readers and linters; the values come from the loop above.
TK_and: int
TK_break: int
TK_do: int
TK_else: int
TK_elseif: int
TK_end: int
TK_false: int
TK_for: int
TK_function: int
TK_goto: int
TK_if: int
TK_in: int
TK_local: int
TK_nil: int
TK_not: int
TK_or: int
TK_repeat: int
TK_return: int
TK_then: int
TK_true: int
TK_until: int
TK_while: int
TK_concat: int
TK_dots: int
TK_eq: int
TK_ge: int
TK_le: int
TK_ne: int
TK_label: int
TK_number: int
TK_name: int
TK_string: int
TK_eof: int

# Reserved word (as bytes) -> kind.
KEYWORDS = {TOKEN_TABLE[i][1].encode(): TK_OFS + 1 + i for i in range(RESERVED)}

# Multi-character operators (as bytes) -> kind.
OPERATORS = {TOKEN_TABLE[i][1].encode(): TK_OFS + 1 + i
             for i in range(RESERVED, len(TOKEN_TABLE))
             if not TOKEN_TABLE[i][1].endswith(">", 2)}


def token2str(kind: int) -> str:
    """What LuaJIT's lj_lex_token2str prints for a token kind."""
    if kind > TK_OFS:
        return TOKEN_TABLE[kind - TK_OFS - 1][1]
    if kind < 32 or kind == 127:
        return "char(%d)" % kind
    return chr(kind) if kind < 128 else bytes((kind,)).decode("latin-1")


assert TK_while - TK_OFS == RESERVED
assert TK_eof == TK_OFS + len(TOKEN_TABLE)
assert OPERATORS[b"..."] == TK_dots and OPERATORS[b"::"] == TK_label
assert OPERATORS[b"<="] == TK_le and b"<eof>" not in OPERATORS
