from moonlens.server.hover import hover
from tests.server.helpers import analysis, text_of


def md(src, marker=""):
    a, m = analysis(src)
    h = hover(a, m[marker])
    return None if h is None else h.markdown


def test_local_with_constant_value():
    text = md("local limit = 10\nprint(lim$$it)")
    assert "```lua\nlocal limit = 10\n```" in text and "Declared on line 1." in text
    assert "local s = \"a\\\\b\\\"c\"" in md('local s = "a\\\\b\\"c"\nprint(s$$)')


def test_reassigned_local_shows_no_value():
    assert "local n\n" in md("local n = 1\nn = 2\nprint(n$$)")


def test_upvalue_parameter_loop_variable_and_self():
    assert "upvalue u = true" in md("local u = true\nlocal function f() return u$$ end")
    assert "(parameter) p" in md("local function f(p) return p$$ end")
    assert "(loop variable) k" in md("for k$$ in pairs({}) do end")
    assert "(self) self" in md("local t = {}\nfunction t:m() return sel$$f end")


def test_local_function_with_luadoc():
    src = ("---Adds two numbers.\n---@param a number the first\n---@param b? number\n"
           "---@return number\nlocal function add(a, b) return a + (b or 0) end\n"
           "print(ad$$d(1))")
    text = md(src)
    assert "local function add(a: number, b?: number): number" in text
    assert "Adds two numbers." in text
    assert "@param `a` number — the first" in text and "@param `b?` number" in text
    assert "@return `number`" in text


def test_parameter_shows_its_luadoc_line():
    src = "---@param count integer how many\nlocal function f(count) return cou$$nt end"
    assert "`integer` — how many" in md(src)


def test_standard_library():
    text = md("print(string.for$$mat)")
    assert "function string.format(formatstring, ...)" in text and "printf" in text
    assert "function print(...)" in md("pri$$nt()")
    assert "library string" in md("print(str$$ing.len)")
    assert "math.pi: number" in md("print(math.p$$i)")
    assert "jit.opt.start(...)" in md("jit.opt.st$$art('hotloop=1')")


def test_globals_of_the_file():
    text = md("---Makes a thing.\nfunction make(kind) end\nma$$ke()")
    assert "function make(kind)" in text and "Makes a thing." in text
    assert "Defined on line 2." in text
    assert "Not defined in this file." in md("unkno$$wn()")


def test_fields_of_local_tables():
    src = "local M = {size = 3}\nfunction M:grow(n) end\nprint(M.si$a$ze, M:gr$b$ow(1))"
    assert "(field) M.size = 3" in md(src, "a")
    assert "function M:grow(n)" in md(src, "b")


def test_range_is_the_token():
    a, m = analysis("local value = 1\nprint(val$$ue)")
    h = hover(a, m[""])
    assert text_of(a, (h.start, h.end)) == "value"


def test_nothing_on_keywords_and_literals():
    assert md("lo$$cal x = 1") is None
    assert md("local x = 1$$23") is None


CLASS_SRC = """---@class Point: Base
---@field x number the x coordinate
---@field y number
local Point = {}
---@param p Point the point
local function len(p$p$) return p end
print(Poi$c$nt, Point.x$f$, len)
"""


def test_luadoc_class_and_fields_in_hover():
    text = md(CLASS_SRC.replace("$c$", "$$"))
    assert "(class) Point : Base" in text
    assert "- `x`: number — the x coordinate" in text and "- `y`: number" in text


def test_luadoc_field_and_class_typed_parameter():
    field = md(CLASS_SRC.replace("$f$", "$$"))
    assert "(field) Point.x" in field and "`number` — the x coordinate" in field
    param = md(CLASS_SRC.replace("$p$", "$$"))
    assert "`Point` — the point" in param and "(class) Point : Base" in param
