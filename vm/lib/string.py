"""The string library (lib_string.c), as LuaJIT 2.1 behaves.

Patterns are in lpattern.py, string.format's conversions in strformat.py and the
bytecode dump format in ../bcdump.py. string.len is one of the library's Lua
builtins (luabuiltins.py). open_string also gives strings their metatable
({__index = string}), kept in the VM's base metatables as LuaJIT keeps it in
the global state.

Errors that LuaJIT raises with lj_err_caller (pattern errors, "invalid option",
"string slice too long", ...) are RuntimeErr: the caller's location goes in front.
"""

from .. import bcdump, meta
from .. import table as tab
from ..arena import ArenaFull
from ..bytecode import Proto, TemplateTable
from ..layout import (
    FALSE, MM_index, MM_tostring, NUM_LIMIT, PAYLOAD, TAG_BITS, TAG_FUNC, TAG_STR,
    TAG_TAB, TRUE, typename,
)
from ..numbers import fmt_number
from ..state import LFunc
from ..table import tv_num
from . import lpattern, strformat
from .aux import (
    NIL, ArgError, ERRMSG, RuntimeErr, arg, check_func, check_int, check_num, check_str,
    new_lib, opt_int, opt_str, truthy,
)
from .ffid import FFID

LUAI_MAXCSTACK = 8000
LJ_MAX_STR = 0x7FFFFF00


def _need(vm, size: int):
    """Refuse a result that cannot be allocated, before building it in Python."""
    arena = vm.arena
    if size > LJ_MAX_STR or arena.total + size > arena.limit:
        raise ArenaFull(size)


# -- Bytes and slices ----------------------------------------------------------------------

def s_byte(vm, base, nargs):
    if nargs == 2:
        # the common s:byte(i) with i inside the string: one number, no list
        v = vm.Q[base]
        if v >> TAG_BITS == TAG_STR and vm.Q[base + 1] < NUM_LIMIT:
            s = vm.str_by_tv[v]
            i = vm.D[base + 1]
            if 1.0 <= i < len(s) + 1:
                return float(s[int(i) - 1])
    s = check_str(vm, base, nargs, 1)
    n = len(s)
    start = opt_int(vm, base, nargs, 2, 1)
    stop = opt_int(vm, base, nargs, 3, start)
    if stop < 0:
        stop += n + 1
    if start < 0:
        start += n + 1
    if start <= 0:
        start = 1
    if stop > n:
        stop = n
    if start > stop:
        return None
    if stop - start + 1 > LUAI_MAXCSTACK:
        raise RuntimeErr(ERRMSG["STRSLC"])
    return [float(c) for c in s[start - 1:stop]]


def s_char(vm, base, nargs):
    out = bytearray(nargs)
    for i in range(nargs):
        k = check_int(vm, base, nargs, i + 1)
        if not 0 <= k <= 255:
            raise ArgError(i + 1, ERRMSG["BADVAL"])
        out[i] = k
    return vm.str(bytes(out))


def s_sub(vm, base, nargs):
    s = check_str(vm, base, nargs, 1)
    start = check_int(vm, base, nargs, 2)
    end = opt_int(vm, base, nargs, 3, -1)
    n = len(s)
    if end < 0:
        end += n + 1
    elif end > n:
        end = n
    if start <= 0:
        start = start + n + 1 if start < 0 else 1
        if start <= 0:
            start = 1
    if end < start:
        return vm.str(b"")
    return vm.str(s[start - 1:end])


def s_rep(vm, base, nargs):
    s = check_str(vm, base, nargs, 1)
    n = check_int(vm, base, nargs, 2)
    sep = opt_str(vm, base, nargs, 3, None)
    if n <= 0:
        return vm.str(b"")
    if sep is not None and n > 1:
        _need(vm, len(s) + (n - 1) * (len(sep) + len(s)))
        return vm.str(s + (sep + s) * (n - 1))
    _need(vm, n * len(s))
    return vm.str(s * n)


def s_reverse(vm, base, nargs):
    return vm.str(check_str(vm, base, nargs, 1)[::-1])


def s_lower(vm, base, nargs):
    return vm.str(check_str(vm, base, nargs, 1).lower())      # ASCII only, as LuaJIT


def s_upper(vm, base, nargs):
    return vm.str(check_str(vm, base, nargs, 1).upper())


# -- Patterns ---------------------------------------------------------------------------

_SPECIALS = frozenset(b"^$*+?.([%-")


def _has_pattern(p: bytes) -> bool:
    """lj_str_haspattern: does p contain a pattern-matching character?"""
    return not _SPECIALS.isdisjoint(p)


def _cap_value(vm, v):
    """A capture as a Lua value: a string, or a number for a position capture."""
    return float(v) if v.__class__ is int else vm.str(v)


def _find_aux(vm, base, nargs, find):
    s = check_str(vm, base, nargs, 1)
    p = check_str(vm, base, nargs, 2)
    init = opt_int(vm, base, nargs, 3, 1)
    n = len(s)
    start = init + n if init < 0 else init - 1
    if start < 0:
        start = 0
    elif start > n:
        start = n
    if find and ((nargs >= 4 and truthy(vm.Q[base + 3])) or not _has_pattern(p)):
        q = s.find(p, start)
        return NIL if q < 0 else [float(q + 1), float(q + len(p))]
    anchor = p[:1] == b"^"
    try:
        pat = lpattern.compile_pattern(p[1:] if anchor else p)
        m = pat.search(s, start, anchor)
        if m is None:
            return NIL
        b, e, caps = m
        vals = lpattern.captures(s, caps, b, e, not find)
    except lpattern.PatternError as err:
        raise RuntimeErr(err.msg) from None
    res = [_cap_value(vm, v) for v in vals]
    if find:
        return [float(b + 1), float(e)] + res
    return res


def s_find(vm, base, nargs):
    return _find_aux(vm, base, nargs, True)


def s_match(vm, base, nargs):
    return _find_aux(vm, base, nargs, False)


def s_gmatch(vm, base, nargs):
    check_str(vm, base, nargs, 1)
    check_str(vm, base, nargs, 2)
    f = vm.new_cfunc(_gmatch_aux, "string.gmatch_aux", FFID["string.gmatch_aux"],
                     nupvalues=3)
    Q = vm.Q
    q = vm.cfunc_upvalue(f, 0)
    Q[q] = Q[base]
    Q[q + 1] = Q[base + 1]
    Q[q + 2] = 0                # the position, a raw 32-bit word (reads as 0.0)
    return f


def _gmatch_aux(vm, base, nargs):
    """The iterator: like LuaJIT's, one function for all gmatch closures, reading the
    string, the pattern and the position from the running closure's upvalues."""
    q = vm.cfunc_upvalue(vm.current.cfunc.tv, 0)
    Q = vm.Q
    s = vm.str_by_tv.get(Q[q])
    p = vm.str_by_tv.get(Q[q + 1])
    src = Q[q + 2] & 0xFFFFFFFF
    if s is None or p is None or src > len(s):
        return None             # exhausted (or upvalues replaced by debug.setupvalue)
    try:
        m = lpattern.compile_pattern(p).search(s, src, False)
        if m is None:
            return None
        b, e, caps = m
        Q[q + 2] = (Q[q + 2] & ~0xFFFFFFFF) | (e + 1 if e == b else e)
        vals = lpattern.captures(s, caps, b, e, True)
    except lpattern.PatternError as err:
        raise RuntimeErr(err.msg) from None
    return [_cap_value(vm, v) for v in vals]


def _lua_optint(vm, base, nargs, n, default):
    """luaL_optint: (int) of the number truncated to 64 bits."""
    if n > nargs or vm.Q[base + n - 1] == NIL:
        return default
    k = strformat.int_bits(check_num(vm, base, nargs, n)) & 0xFFFFFFFF
    return k - (1 << 32) if k >= 0x80000000 else k


def _repl_parts(r: bytes):
    """A gsub replacement string as literal bytes and capture numbers (-1: %0).

    "%" before a non-digit stands for that byte; a "%" at the end stands for the
    NUL byte behind the C string.
    """
    parts = []
    lit = bytearray()
    i = 0
    n = len(r)
    while i < n:
        c = r[i]
        if c != 0x25:
            lit.append(c)
            i += 1
            continue
        d = r[i + 1] if i + 1 < n else 0
        i += 2
        if not 48 <= d <= 57:
            lit.append(d)
            continue
        if lit:
            parts.append(bytes(lit))
            lit = bytearray()
        parts.append(d - 49)            # '0' -> -1, '1' -> 0, ...
    if lit:
        parts.append(bytes(lit))
    return parts


def _add_string(parts, s, caps, b, e):
    out = []
    for part in parts:
        if part.__class__ is bytes:
            out.append(part)
        elif part < 0:
            out.append(s[b:e])
        else:
            v = lpattern.capture(s, caps, part, b, e)
            out.append(fmt_number(float(v)).encode() if v.__class__ is int else v)
    return b"".join(out)


def _repl_value(vm, v, s, b, e) -> bytes:
    """The text a function's or table's answer puts in place of the match."""
    if v == NIL or v == FALSE:
        return s[b:e]
    if v >> TAG_BITS == TAG_STR:
        return vm.sbytes(v)
    if v < NUM_LIMIT:
        return fmt_number(tv_num(v)).encode()
    raise RuntimeErr(ERRMSG["STRGSRV"] % typename(v))


def s_gsub(vm, base, nargs):
    s = check_str(vm, base, nargs, 1)
    p = check_str(vm, base, nargs, 2)
    repl = arg(vm, base, nargs, 3)
    max_n = _lua_optint(vm, base, nargs, 4, len(s) + 1)
    rtag = repl >> TAG_BITS
    if nargs < 3 or not (repl < NUM_LIMIT or rtag in (TAG_STR, TAG_FUNC, TAG_TAB)):
        raise ArgError(3, ERRMSG["NOSFT"])
    parts = None
    if repl < NUM_LIMIT or rtag == TAG_STR:
        parts = _repl_parts(check_str(vm, base, nargs, 3))
    anchor = p[:1] == b"^"
    try:
        pat = lpattern.compile_pattern(p[1:] if anchor else p)
        out, count = _gsub_loop(vm, s, pat, anchor, max_n, parts, repl)
    except lpattern.PatternError as err:
        raise RuntimeErr(err.msg) from None
    return [vm.str(out), float(count)]


def _gsub_loop(vm, s, pat, anchor, max_n, parts, repl):
    out = []
    count = 0
    src = 0
    n = len(s)
    while count < max_n:
        m = pat.search(s, src, anchor)
        if m is None:
            break               # every later position fails: the rest is copied
        b, e, caps = m
        if b > src:
            out.append(s[src:b])
        count += 1
        if parts is not None:
            out.append(_add_string(parts, s, caps, b, e))
        else:
            out.append(_call_repl(vm, repl, s, caps, b, e))
        if e > b:
            src = e
        elif b < n:
            out.append(s[b:b + 1])
            src = b + 1
        else:
            src = b
            break
        if anchor:
            break
    out.append(s[src:])
    return b"".join(out), count


def _call_repl(vm, repl, s, caps, b, e):
    if repl >> TAG_BITS == TAG_FUNC:
        args = [_cap_value(vm, v) for v in lpattern.captures(s, caps, b, e, True)]
        res = vm.call(repl, args)
        v = res[0] if res else NIL
    else:
        key = lpattern.capture(s, caps, 0, b, e)
        key = vm.num(float(key)) if key.__class__ is int else vm.str(key)
        v = vm.gettable(repl, key)
    return _repl_value(vm, v, s, b, e)


# -- format ----------------------------------------------------------------------------

_FORMATS = {}


def _parsed_format(fmt: bytes):
    items = _FORMATS.get(fmt)
    if items is None:
        items = strformat.parse(fmt)
        if len(_FORMATS) >= 512:
            _FORMATS.clear()
        _FORMATS[fmt] = items
    return items


def s_format(vm, base, nargs):
    fmt = check_str(vm, base, nargs, 1)
    out = []
    narg = 1
    th = vm.current
    for item in _parsed_format(fmt):
        if item.__class__ is bytes:
            out.append(item)
            continue
        if item.__class__ is strformat.FormatError:
            opt = item.option.decode("utf-8", "surrogateescape")
            raise RuntimeErr(ERRMSG["STRFMT"] % opt)
        narg += 1
        if narg > nargs:
            raise ArgError(narg, ERRMSG["NOVAL"])
        stack = th.stack
        out.append(_format_one(vm, base, nargs, narg, item))
        base += th.stack - stack        # a __tostring call may have moved the stack
    return vm.str(b"".join(out))


def _format_one(vm, base, nargs, narg, spec):
    kind = spec.kind
    if kind == strformat.K_INT:
        x = check_num(vm, base, nargs, narg)
        if spec.plain:
            return strformat.fmt_plain_d(x)
        return strformat.fmt_int(spec, strformat.int_bits(x))
    if kind == strformat.K_UINT:
        x = check_num(vm, base, nargs, narg)
        return strformat.fmt_int(spec, strformat.uint_bits(x))
    if kind == strformat.K_NUM:
        return strformat.fmt_float(spec, check_num(vm, base, nargs, narg))
    if kind == strformat.K_CHAR:
        return strformat.fmt_char(spec, check_int(vm, base, nargs, narg))
    v = vm.Q[base + narg - 1]
    if kind == strformat.K_PTR:
        return strformat.fmt_ptr(_obj_ptr(v))
    s = _format_str_arg(vm, v)
    if kind == strformat.K_QUOTE:
        return strformat.quote(s)
    return s if spec.plain else strformat.fmt_str(spec, s)


def _format_str_arg(vm, v) -> bytes:
    """%s and %q: a string as is; anything else through __tostring once, then
    converted as LuaJIT's lj_strfmt_obj does (no check of what __tostring returned)."""
    if v >> TAG_BITS == TAG_STR:
        return vm.sbytes(v)
    mo = meta.mm_lookup(vm, v, MM_tostring)
    if mo != NIL:
        res = vm.call(mo, [v])
        v = res[0] if res else NIL
        if v >> TAG_BITS == TAG_STR:
            return vm.sbytes(v)
    return meta.tostring_basic(vm, v)


def _obj_ptr(v) -> int:
    """lj_obj_ptr: the address of a GC object or light userdata, else 0 (NULL)."""
    if v < NUM_LIMIT or v in (NIL, TRUE, FALSE):
        return 0
    return v & PAYLOAD


# -- dump --------------------------------------------------------------------------------

def s_dump(vm, base, nargs):
    f = check_func(vm, base, nargs, 1)
    strip = nargs >= 2 and truthy(vm.Q[base + 1])
    fo = vm.funcs[f]
    if fo.__class__ is not LFunc:
        raise RuntimeErr(ERRMSG["STRDUMP"])
    templates = {}
    _collect_templates(vm, fo.p, templates)
    startins = getattr(vm.jit, "start_ins", None)
    data = bcdump.dump(fo.p.proto, strip, lambda tt: _template_layout(vm, templates[id(tt)]),
                       startins)
    return vm.str(data)


def _collect_templates(vm, p, out):
    """Template table TValues of a prototype and its children, by their TemplateTable."""
    for k, tv in zip(p.proto.kgc, p.kgc):
        if isinstance(k, TemplateTable):
            out[id(k)] = tv
        elif isinstance(k, Proto):
            _collect_templates(vm, vm.protos[tv & PAYLOAD], out)


def _py_value(vm, v):
    if v == NIL:
        return None
    if v == TRUE or v == FALSE:
        return v == TRUE
    if v < NUM_LIMIT:
        return tv_num(v)
    return vm.sbytes(v)


def _template_layout(vm, t_tv):
    """bcwrite_ktab's view of a table: the array part up to its last non-nil slot,
    then the live nodes from the last one down."""
    t = vm.tq(t_tv)
    Q = vm.Q
    a0 = tab.array_index(vm, t)
    array = [Q[a0 + i] for i in range(tab.asize_of(vm, t))]
    while array and array[-1] == NIL:
        array.pop()
    pairs = []
    hmask = tab.hmask_of(vm, t)
    if hmask:
        n0 = tab.node_index(vm, t)
        for i in range(hmask, -1, -1):
            val = Q[n0 + 3 * i]
            if val != NIL:
                pairs.append((_py_value(vm, Q[n0 + 3 * i + 1]), _py_value(vm, val)))
    return [_py_value(vm, v) for v in array], pairs


# -- Registration ------------------------------------------------------------------------

FUNCS = {
    "byte": s_byte, "char": s_char, "sub": s_sub, "rep": s_rep, "reverse": s_reverse,
    "lower": s_lower, "upper": s_upper, "dump": s_dump, "find": s_find, "match": s_match,
    "gmatch": s_gmatch, "gsub": s_gsub, "format": s_format,
}


def open_string(vm):
    lib = new_lib(vm, "string", FUNCS)
    mt = vm.new_table(0, 1)
    vm.rawset(mt, vm.mmname[MM_index], lib)
    vm.B[(vm.tq(mt) << 3) + 10] = ~(1 << MM_index) & 0xFF     # nomm: only __index
    vm.basemt[TAG_STR] = mt
    return lib
