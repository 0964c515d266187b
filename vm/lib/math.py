"""The math library (lib_math.c and the fast functions of vm_x64.dasc).

Results are what LuaJIT on x86-64 computes: the functions that call the C
library (sin, exp, log, fmod, pow, ...) call the same libm through Python's math
module, with C's answers where Python raises instead (log(0) = -inf, sqrt(-1) =
nan, exp(1000) = inf). floor and ceil follow LuaJIT's SSE rounding (ceil(-0.5)
is -0, ceil(-0.7) is +0), abs clears the sign bit, min and max are minsd/maxsd
chains, ldexp is the x87 fscale (the exponent truncated toward zero).

math.random is LuaJIT 2.1's Tausworthe generator (lj_prng.c, period 2^223) with
its fixed initial seed, so math.randomseed(x) followed by math.random(...) gives
the numbers LuaJIT gives. Its state lives in a userdata upvalue of math.random
and math.randomseed, in the arena, as in LuaJIT.
"""

import math
import struct

from ..numbers import c_pow
from ..table import tv_num
from .aux import check_num, new_lib
from .ffid import FFID

INF = math.inf
NAN = math.nan
TWO52 = 4503599627370496.0
M64 = 0xFFFFFFFFFFFFFFFF


# -- Helpers ------------------------------------------------------------------------------

def _num1(vm, base, nargs):
    return check_num(vm, base, nargs, 1)


def _libm(f, x, overflow=INF, domain=NAN):
    """f(x) with C's results where Python raises: overflow -> inf, domain -> nan."""
    try:
        return f(x)
    except OverflowError:
        return overflow
    except ValueError:
        return domain


def _log_like(f, x):
    """log, log10, log2: -inf at 0, nan below."""
    if x == 0:
        return -INF
    return _libm(f, x)


def vm_floor(x):
    """lj_vm_floor (SSE): round |x| to an integer with the 2^52 trick, merge the sign
    back, step down when that went up. -0 stays -0."""
    if not abs(x) < TWO52:
        return x
    r = math.copysign((abs(x) + TWO52) - TWO52, x)
    if x < r:
        r -= 1.0
    return r


def vm_ceil(x):
    """lj_vm_ceil (SSE): like floor, stepping up by subtracting -1 (so -0.7 gives +0)."""
    if not abs(x) < TWO52:
        return x
    r = math.copysign((abs(x) + TWO52) - TWO52, x)
    if x > r:
        r -= -1.0
    return r


# -- One-argument functions ------------------------------------------------------------------

def m_abs(vm, base, nargs):
    return abs(_num1(vm, base, nargs))


def m_floor(vm, base, nargs):
    return vm_floor(_num1(vm, base, nargs))


def m_ceil(vm, base, nargs):
    return vm_ceil(_num1(vm, base, nargs))


def m_sqrt(vm, base, nargs):
    return _libm(math.sqrt, _num1(vm, base, nargs))


def m_log10(vm, base, nargs):
    return _log_like(math.log10, _num1(vm, base, nargs))


def m_exp(vm, base, nargs):
    return _libm(math.exp, _num1(vm, base, nargs))


def _unary(f):
    """A C library function of one argument: nan outside its domain (sin(inf), asin(2))."""
    def builtin(vm, base, nargs):
        return _libm(f, _num1(vm, base, nargs))
    return builtin


def _signed_overflow(f):
    """sinh: overflows to +-inf with the argument's sign."""
    def builtin(vm, base, nargs):
        x = _num1(vm, base, nargs)
        return _libm(f, x, overflow=math.copysign(INF, x))
    return builtin


def m_frexp(vm, base, nargs):
    m, e = math.frexp(_num1(vm, base, nargs))
    return [m, float(e)]


def m_modf(vm, base, nargs):
    frac, whole = math.modf(_num1(vm, base, nargs))
    return [whole, frac]


def m_log(vm, base, nargs):
    x = _num1(vm, base, nargs)
    if nargs < 2:
        return _log_like(math.log, x)
    y = check_num(vm, base, nargs, 2)
    # log2(x) * (1 / log2(y)), in this order, as LuaJIT computes it.
    lx = _log_like(math.log2, x)
    ly = _log_like(math.log2, y)
    return lx * _c_div(1.0, ly)


def _c_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return math.copysign(INF, a) * math.copysign(1.0, b)


# -- Two-argument functions ------------------------------------------------------------------

def _num2(vm, base, nargs):
    return check_num(vm, base, nargs, 1), check_num(vm, base, nargs, 2)


def m_atan2(vm, base, nargs):
    y, x = _num2(vm, base, nargs)
    return math.atan2(y, x)


def m_pow(vm, base, nargs):
    x, y = _num2(vm, base, nargs)
    return c_pow(x, y)


def m_fmod(vm, base, nargs):
    x, y = _num2(vm, base, nargs)
    return _libm(lambda a: math.fmod(a, y), x)


def m_ldexp(vm, base, nargs):
    x, e = _num2(vm, base, nargs)
    return fscale(x, e)


def fscale(x, e):
    """x87 fscale: x * 2^trunc(e); 0 * 2^inf and inf * 2^-inf are invalid (nan)."""
    if x != x or e != e:
        return NAN
    if e == INF:
        return NAN if x == 0 else math.copysign(INF, x)
    if e == -INF:
        return NAN if abs(x) == INF else math.copysign(0.0, x)
    try:
        return math.ldexp(x, int(e))
    except OverflowError:
        return math.copysign(INF, x)


def _minmax(pick):
    def builtin(vm, base, nargs):
        acc = check_num(vm, base, nargs, 1)
        for i in range(2, nargs + 1):
            acc = pick(acc, check_num(vm, base, nargs, i))
        return acc
    return builtin


# minsd a, b: a if a < b else b (so b when either is NaN, and for 0 vs -0).
def _minsd(a, b):
    return a if a < b else b


def _maxsd(a, b):
    return a if a > b else b


# -- The PRNG (lj_prng.c, lib_math.c) ---------------------------------------------------------

# (k, q, s) of the four combined generators: TW223_GEN(rs, z, r, i, k, q, s).
TW223 = ((63, 31, 18), (58, 19, 28), (55, 24, 7), (47, 21, 8))
# lj_prng_seed_fixed: the state after random_seed(0.0).
SEED_FIXED = (0xA0D277570A345B8C, 0x764A296C5D4AA64F, 0x51220704070ADEAA, 0x2A2717B5A7B7B927)
PRNG_BYTES = 32


def prng_step(u):
    """lj_prng_u64: advance the four generators in list u; the xor of their states."""
    r = 0
    for i, (k, q, s) in enumerate(TW223):
        z = u[i]
        z = ((((z << q) & M64) ^ z) >> (k - s)) ^ (((z & ((M64 << (64 - k)) & M64)) << s) & M64)
        r ^= z
        u[i] = z
    return r


def prng_double(u):
    """lj_prng_u64d minus 1: a double in [0, 1) from 52 random bits."""
    bits = (prng_step(u) & 0x000FFFFFFFFFFFFF) | 0x3FF0000000000000
    return tv_num(bits) - 1.0


def random_seed(u, d):
    """random_seed of lib_math.c: four doubles from d, each with its top k bits not all
    zero, then ten steps."""
    r = 0x11090601          # 64 - k[i] as four bytes
    for i in range(4):
        m = 1 << (r & 255)
        r >>= 8
        d = d * 3.14159265358979323846 + 2.7182818284590452354
        bits = _bits(d)
        if bits < m:
            bits += m
        u[i] = bits
    for _ in range(10):
        prng_step(u)


def _bits(d):
    """The bits of a double as the FPU left them (a NaN keeps its sign and payload)."""
    return _unpack_q(_pack_d(d))[0]


_pack_d = struct.Struct("<d").pack
_unpack_q = struct.Struct("<Q").unpack


class PRNGState:
    """The four 64-bit words of a PRNGState, in a userdata's payload in the arena."""

    def __init__(self, vm, udata):
        self.vm = vm
        self.q = vm.tq(udata) + 6           # payload at +48

    def load(self):
        return list(self.vm.Q[self.q:self.q + 4])

    def store(self, u):
        for i in range(4):
            self.vm.Q[self.q + i] = u[i]


def m_random(vm, st, base, nargs):
    u = st.load()
    d = prng_double(u)              # the state moves on even if an argument is bad
    st.store(u)
    if nargs > 0:
        r1 = check_num(vm, base, nargs, 1)
        if nargs == 1:
            d = vm_floor(d * r1) + 1.0
        else:
            r2 = check_num(vm, base, nargs, 2)
            d = vm_floor(d * (r2 - r1 + 1.0)) + r1
    return d


def m_randomseed(vm, st, base, nargs):
    u = [0, 0, 0, 0]
    random_seed(u, check_num(vm, base, nargs, 1))
    st.store(u)
    return None


# -- Registration ------------------------------------------------------------------------------

FUNCTIONS = {
    "abs": m_abs, "floor": m_floor, "ceil": m_ceil, "sqrt": m_sqrt, "log10": m_log10,
    "exp": m_exp, "sin": _unary(math.sin), "cos": _unary(math.cos), "tan": _unary(math.tan),
    "asin": _unary(math.asin), "acos": _unary(math.acos), "atan": _unary(math.atan),
    "sinh": _signed_overflow(math.sinh), "cosh": _unary(math.cosh),
    "tanh": _unary(math.tanh), "frexp": m_frexp, "modf": m_modf, "log": m_log,
    "atan2": m_atan2, "pow": m_pow, "fmod": m_fmod, "ldexp": m_ldexp,
    "min": _minmax(_minsd), "max": _minmax(_maxsd),
}
# math.huge is LuaJIT's 1e310: +inf.
CONSTANTS = {"pi": math.pi, "huge": INF}


def _prng_builtin(vm, name, f, udata, lib):
    """random and randomseed: builtins with the PRNG userdata as their upvalue (which
    is what debug.getupvalue shows; the Python side keeps its own reference)."""
    ffid = FFID["math." + name]
    st = PRNGState(vm, udata)
    fn = vm.new_cfunc(lambda vm, base, nargs: f(vm, st, base, nargs), "math." + name, ffid,
                      nupvalues=1)
    vm.Q[vm.cfunc_upvalue(fn, 0)] = udata
    vm.builtins_by_ffid.setdefault(ffid, fn)
    vm.rawsets(lib, name.encode(), fn)


def open_math(vm):
    udata = vm.new_udata(None, PRNG_BYTES)
    PRNGState(vm, udata).store(list(SEED_FIXED))
    t = new_lib(vm, "math", FUNCTIONS)
    _prng_builtin(vm, "random", m_random, udata, t)
    _prng_builtin(vm, "randomseed", m_randomseed, udata, t)
    for name, value in CONSTANTS.items():
        vm.rawsets(t, name.encode(), value)
    return t
