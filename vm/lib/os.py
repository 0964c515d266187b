"""The os library (lib_os.c).

Times are C's time_t: a number argument is truncated toward zero as a C cast
does on x86-64 (NaN and values out of range become INT64_MIN, which no calendar
function accepts). Calendar work is the C library's, reached through Python's
time module: gmtime_r/localtime_r for os.date, strftime (glibc's, with its
flags, widths and the text it copies for unknown conversions) for formats,
mktime for os.time, so the local time zone is the process's (TZ).

The locale is the VM's own: LuaJIT starts in the "C" locale for every category
(it never calls setlocale), while Python has set LC_CTYPE from the environment.
os.setlocale keeps one name per category, checks a new name with the real
setlocale (and puts the process's locale back), and os.date formats in the
VM's LC_TIME.
"""

import errno as _errno
import locale
import os
import random
import time

from ..errmsg import ERRMSG
from ..errors import ArgError, RuntimeErr
from ..layout import FALSE, NIL, NUM_LIMIT, TAG_BITS, TAG_STR, TRUE
from ..numbers import scan_number
from ..table import tv_num
from .aux import (
    arg, check_num, check_str, check_tab, new_lib, opt_int, opt_num, opt_str, truthy,
)

INT64_MIN = -(1 << 63)


# -- Helpers ------------------------------------------------------------------------------------

def cstr(b: bytes) -> bytes:
    """What C sees of a Lua string: up to the first NUL."""
    i = b.find(b"\0")
    return b if i < 0 else b[:i]


def time_t(x: float) -> int:
    """(time_t)x on x86-64: truncation; NaN and out of range give INT64_MIN."""
    if -9223372036854775808.0 <= x < 9223372036854775808.0:
        return int(x)
    return INT64_MIN


def int32(n: int) -> int:
    n &= 0xFFFFFFFF
    return n - (1 << 32) if n & 0x80000000 else n


def fileresult(vm, err, fname):
    """luaL_fileresult for a failure: nil, "fname: message", errno."""
    en = err.errno or _errno.EIO
    return [NIL, vm.str(fname + b": " + os.strerror(en).encode()), float(en)]


# -- Processes and files --------------------------------------------------------------------------

def o_execute(vm, base, nargs):
    cmd = opt_str(vm, base, nargs, 1, None)
    if not getattr(vm, "allow_popen", True):
        return -1.0                     # LuaJIT built without system()
    if cmd is None:
        return 1.0 if os.path.exists("/bin/sh") else 0.0
    return float(os.system(cstr(cmd)))


def o_remove(vm, base, nargs):
    name = cstr(check_str(vm, base, nargs, 1))
    try:
        try:
            os.unlink(name)
        except IsADirectoryError:
            os.rmdir(name)              # C's remove(): rmdir when unlink says EISDIR
    except OSError as e:
        return fileresult(vm, e, name)
    return TRUE


def o_rename(vm, base, nargs):
    old = cstr(check_str(vm, base, nargs, 1))
    new = cstr(check_str(vm, base, nargs, 2))
    try:
        os.rename(old, new)
    except OSError as e:
        return fileresult(vm, e, old)
    return TRUE


_TMPCHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"


def o_tmpname(vm, base, nargs):
    """mkstemp("/tmp/lua_XXXXXX"): the file is created (empty) and closed."""
    for _ in range(100):
        name = "/tmp/lua_" + "".join(random.choice(_TMPCHARS) for _ in range(6))
        try:
            fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        except OSError:
            break
        os.close(fd)
        return vm.str(name.encode())
    raise RuntimeErr(ERRMSG["OSUNIQF"])


def o_getenv(vm, base, nargs):
    v = os.environb.get(cstr(check_str(vm, base, nargs, 1)))
    return NIL if v is None else vm.str(v)


def o_exit(vm, base, nargs):
    v = arg(vm, base, nargs, 1)
    if v == TRUE or v == FALSE:
        status = 0 if v == TRUE else 1
    else:
        status = opt_int(vm, base, nargs, 1, 0)
    if nargs >= 2 and truthy(vm.Q[base + 1]):
        _close_state(vm)
    _flush_all(vm)
    raise SystemExit(status)


def _close_state(vm):
    """lua_close: every userdata with a __gc not run yet is finalised, newest first."""
    vm.gc.finalize_all()


def _flush_all(vm):
    """exit() flushes every C stream: the io library's files and the standard ones."""
    from . import io as iolib
    flush = getattr(iolib, "_flush_everything", None)
    if flush is not None:
        flush(vm)
    at_exit = getattr(iolib, "_flush_all_at_exit", None)
    if at_exit is not None:
        at_exit()
    for s in (vm.stdout, vm.stderr):
        try:
            s.flush()
        except (OSError, ValueError, AttributeError):
            pass


def o_clock(vm, base, nargs):
    """clock(): processor time in whole microseconds, times 1/CLOCKS_PER_SEC."""
    return float(time.process_time_ns() // 1000) * (1.0 / 1000000.0)


# -- Dates and times ----------------------------------------------------------------------------------

def broken_down(t: int, utc: bool):
    """gmtime_r / localtime_r: a struct_time, or None where C returns NULL."""
    try:
        if utc:
            st = time.gmtime(t)
            # glibc's gmtime names the zone "GMT"; Python's says "UTC".
            return time.struct_time(tuple(st)[:9] + ("GMT", 0))
        return time.localtime(t)
    except (OverflowError, OSError, ValueError):
        return None


def o_date(vm, base, nargs):
    s = opt_str(vm, base, nargs, 1, b"%c")
    if nargs >= 2 and vm.Q[base + 1] != NIL:
        t = time_t(check_num(vm, base, nargs, 2))
    else:
        t = int(time.time())
    s = cstr(s)
    utc = s[:1] == b"!"
    if utc:
        s = s[1:]
    st = broken_down(t, utc)
    if st is None:
        return NIL
    if s == b"*t":
        return date_table(vm, st)
    if not s:
        return vm.str(b"")
    out = strftime(vm, s, st)
    if out is None:
        # Every buffer was too small: LuaJIT returns what is on top of its stack.
        return vm.Q[base + nargs - 1]
    return vm.str(out)


DATE_FIELDS = ("sec", "min", "hour", "day", "month", "year", "wday", "yday")


def date_table(vm, st):
    t = vm.new_table(0, 9)
    # Python's struct_time counts months and days of the year from 1 already, and
    # weekdays from Monday = 0; Lua's wday is 1 on Sunday.
    values = (st.tm_sec, st.tm_min, st.tm_hour, st.tm_mday, st.tm_mon, st.tm_year,
              (st.tm_wday + 1) % 7 + 1, st.tm_yday)
    for name, v in zip(DATE_FIELDS, values):
        vm.rawsets(t, name.encode(), float(v))
    if st.tm_isdst >= 0:
        vm.rawsets(t, b"isdst", TRUE if st.tm_isdst else FALSE)
    return t


LJ_MIN_SBUF = 32


def strftime(vm, fmt: bytes, st):
    """C strftime into LuaJIT's growing buffer: None when four sizes were too small."""
    try:
        out = _c_strftime(vm, fmt, st)
    except (ValueError, OverflowError, locale.Error):
        return None
    sz = sum(30 if c == 0x25 else 1 for c in fmt)
    cap = LJ_MIN_SBUF
    for _ in range(4):
        while cap < sz:
            cap += cap
        if 0 < len(out) < cap:          # strftime needs room for the NUL too
            return out
        sz = (sz + (sz | 1)) & 0xFFFFFFFF
    return None


def _c_strftime(vm, fmt: bytes, st) -> bytes:
    text = fmt.decode("utf-8", "surrogateescape")
    with _lc_time(vm):
        out = time.strftime(text, st)
    return out.encode("utf-8", "surrogateescape")


class _lc_time:
    """The VM's LC_TIME in force in the process while strftime runs."""

    def __init__(self, vm):
        self.want = _locales(vm)[LC_TIME]

    def __enter__(self):
        self.old = locale.setlocale(locale.LC_TIME)
        if self.want != self.old:
            locale.setlocale(locale.LC_TIME, self.want)

    def __exit__(self, *exc):
        if self.want != self.old:
            locale.setlocale(locale.LC_TIME, self.old)


def o_time(vm, base, nargs):
    if nargs == 0 or vm.Q[base] == NIL:
        return float(int(time.time()))
    t = check_tab(vm, base, nargs, 1)
    # In lib_os.c's order: the fields are read (and __index runs) in this order.
    sec = _field(vm, t, "sec", 0)
    minute = _field(vm, t, "min", 0)
    hour = _field(vm, t, "hour", 12)
    day = _field(vm, t, "day", -1)
    month = _field(vm, t, "month", -1) - 1
    year = _field(vm, t, "year", -1) - 1900
    isdst = _boolfield(vm, t, "isdst")
    r = mktime((year, month, day, hour, minute, sec, isdst))
    return NIL if r is None or r == -1 else float(r)


def _field(vm, t, key, default):
    """getfield of lib_os.c: an int from a number field, the default, or the error."""
    v = vm.gettable(t, vm.str(key.encode()))
    n = None
    if v < NUM_LIMIT:
        n = tv_num(v)
    elif v >> TAG_BITS == TAG_STR:
        n = scan_number(vm.sbytes(v), tonumber=True)
    if n is None:
        if default < 0:
            raise RuntimeErr(ERRMSG["OSDATEF"] % key)
        return default
    return int32(time_t(n))             # (int)lua_tointeger()


def _boolfield(vm, t, key):
    v = vm.gettable(t, vm.str(key.encode()))
    if v == NIL:
        return -1
    return 1 if truthy(v) else 0


def mktime(tm):
    """C mktime on (tm_year, tm_mon, tm_mday, tm_hour, tm_min, tm_sec, tm_isdst), the
    fields as C ints; None when it fails."""
    year, mon, mday, hour, minute, sec, isdst = tm
    year, mon = int32(year), int32(mon)
    try:
        return int(time.mktime((year + 1900, mon + 1, mday, hour, minute, sec, 0, 1, isdst)))
    except (OverflowError, OSError, ValueError):
        return None


def o_difftime(vm, base, nargs):
    t1 = time_t(check_num(vm, base, nargs, 1))
    t2 = time_t(opt_num(vm, base, nargs, 2, 0.0))
    return float(t1 - t2)


# -- Locales -------------------------------------------------------------------------------------

# glibc's category numbers; os.setlocale's options map onto the first five and LC_ALL.
LC_CTYPE, LC_NUMERIC, LC_TIME, LC_COLLATE, LC_MONETARY, LC_MESSAGES, LC_ALL = range(7)
CATEGORY_NAMES = ("LC_CTYPE", "LC_NUMERIC", "LC_TIME", "LC_COLLATE", "LC_MONETARY",
                  "LC_MESSAGES", None, "LC_PAPER", "LC_NAME", "LC_ADDRESS", "LC_TELEPHONE",
                  "LC_MEASUREMENT", "LC_IDENTIFICATION")
CATEGORIES = tuple(i for i, n in enumerate(CATEGORY_NAMES) if n)
# lj_lib_checkopt's list: ctype numeric time collate monetary "\377" all. The
# one-byte option "\377" is option 5, passed on unmapped: LC_MESSAGES.
SETLOCALE_OPTS = (b"ctype", b"numeric", b"time", b"collate", b"monetary", b"\xff", b"all")


def _locales(vm):
    loc = getattr(vm, "os_locale", None)
    if loc is None:
        loc = vm.os_locale = {c: "C" for c in CATEGORIES}
    return loc


def o_setlocale(vm, base, nargs):
    name = opt_str(vm, base, nargs, 1, None)
    opt = _checkopt(vm, base, nargs)
    loc = _locales(vm)
    if name is not None:
        new = _probe(opt, cstr(name))
        if new is None:
            return NIL
        _assign(loc, opt, new)
    return vm.str(_query(loc, opt).encode())


def _checkopt(vm, base, nargs):
    s = opt_str(vm, base, nargs, 2, None)
    if s is None:
        return LC_ALL
    if s in SETLOCALE_OPTS:
        return SETLOCALE_OPTS.index(s)
    raise ArgError(2, ERRMSG["INVOPTM"] % cstr(s).decode("utf-8", "surrogateescape"))


def _probe(cat, name: bytes):
    """What setlocale(cat, name) answers, found with the process's setlocale (whose
    previous state is put back); None when the locale does not exist."""
    try:
        text = name.decode("utf-8")
    except UnicodeDecodeError:
        return None
    old = locale.setlocale(cat)
    try:
        new = locale.setlocale(cat, text)
    except (locale.Error, ValueError):
        return None
    finally:
        locale.setlocale(cat, old)
    return new


def _assign(loc, cat, new):
    if cat != LC_ALL:
        loc[cat] = new
    elif "=" in new:
        for part in new.split(";"):
            k, _, v = part.partition("=")
            if k in CATEGORY_NAMES:
                loc[CATEGORY_NAMES.index(k)] = v
    else:
        for c in loc:
            loc[c] = new


def _query(loc, cat):
    """setlocale(cat, NULL): a name, or glibc's composite name for a mixed LC_ALL."""
    if cat != LC_ALL:
        return loc[cat]
    names = set(loc.values())
    if len(names) == 1:
        return names.pop()
    return ";".join("%s=%s" % (CATEGORY_NAMES[c], loc[c]) for c in CATEGORIES)


FUNCTIONS = {
    "execute": o_execute, "remove": o_remove, "rename": o_rename, "tmpname": o_tmpname,
    "getenv": o_getenv, "exit": o_exit, "clock": o_clock, "date": o_date, "time": o_time,
    "difftime": o_difftime, "setlocale": o_setlocale,
}


def open_os(vm):
    _locales(vm)
    return new_lib(vm, "os", FUNCTIONS)
