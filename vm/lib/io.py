"""The io library (lib_io.c): files as userdata over a small emulation of C stdio.

A file is a userdata of type UDTYPE_IO_FILE whose payload is a CFile. All
files share one metatable (registry["FILE*"], its own __index) holding the
methods, __gc and __tostring; the io.* functions have that metatable as their
environment and give it to the files they create, as LuaJIT does.

CFile reproduces what LuaJIT's results depend on in glibc's stdio: buffered
writes (4096 bytes, or line/no buffering after setvbuf) that other handles do
not see until flushed; fgets/fread/getc/ungetc reads; fscanf("%lf") for "*n",
which consumes what could still be a number and fails on a partial one; the
error indicator and errno behind the nil, "message", errno results. The
standard files wrap vm.stdin/vm.stdout/vm.stderr, the binary streams that print
also writes to, so io.write and print interleave as in LuaJIT.
"""

import atexit
import errno as _errno
import io as _pyio
import os
import re
import subprocess
import tempfile
import weakref

from ..errmsg import ERRMSG
from ..errors import ArgError, RuntimeErr
from ..layout import (
    NIL, NUM_LIMIT, PAYLOAD, TAG_BITS, TAG_STR, TAG_UDATA, TRUE, UDTYPE_IO_FILE,
)
from ..numbers import fmt_number
from ..table import tv_num
from .aux import builtin, check_str, loaded_table, num2int, opt_int, opt_str, type_error

TYPE_FILE, TYPE_PIPE, TYPE_STDF = 0, 1, 2
FLAG_CLOSE = 4
BUFSIZ = 4096                   # glibc's buffer for files and pipes (st_blksize)
LUAL_BUFFERSIZE = 8192          # the chunk of io_file_readline's fgets loop
LJ_MAX_UPVAL = 60

_EOF = -1
_PLAIN_NUM = re.compile(rb"[ \t\n\v\f\r]*([+-]?[0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)"
                        rb"(?=[ \t\n\v\f\r])")
_SPACE = frozenset(b" \t\n\v\f\r")
_DIGITS = frozenset(b"0123456789")
_XDIGITS = frozenset(b"0123456789abcdefABCDEF")

# Files with buffered output: flushed at exit, as C's exit() flushes every FILE.
_open_files = weakref.WeakSet()


@atexit.register
def _flush_all_at_exit():
    for f in list(_open_files):
        try:
            f.flush()
        except Exception:       # noqa: BLE001 -- nothing can be reported at exit
            pass


def _oserrno(e):
    if isinstance(e, _pyio.UnsupportedOperation):
        return None
    return getattr(e, "errno", None) or _errno.EIO


# -- Backends: where a CFile's bytes come from and go to ----------------------------------

class _FdBackend:
    """A file descriptor (regular files, tmpfile, pipes)."""
    __slots__ = ("fd",)

    def __init__(self, fd):
        self.fd = fd

    def read(self, n):
        return os.read(self.fd, n)

    def write(self, b):
        mv = memoryview(b)
        while mv:
            n = os.write(self.fd, mv)
            mv = mv[n:]

    def seek(self, off, whence):
        return os.lseek(self.fd, off, whence)

    def flush(self):
        pass

    def close(self):
        os.close(self.fd)
        return True


class _PipeBackend(_FdBackend):
    """One end of a pipe to a child process (io.popen); closing waits for it."""
    __slots__ = ("proc", "pyfile")

    def __init__(self, proc, pyfile):
        super().__init__(pyfile.fileno())
        self.proc = proc
        self.pyfile = pyfile

    def seek(self, off, whence):
        raise OSError(_errno.ESPIPE, os.strerror(_errno.ESPIPE))

    def close(self):
        try:
            self.pyfile.close()
        except OSError:
            pass
        self.proc.wait()
        return True


class _StreamBackend:
    """A Python binary stream (the standard files: vm.stdin, vm.stdout, vm.stderr)."""
    __slots__ = ("stream", "unbuffered")

    def __init__(self, stream, unbuffered=False):
        self.stream = stream
        self.unbuffered = unbuffered

    def read(self, n):
        s = self.stream
        r1 = getattr(s, "read1", None)
        data = r1(n) if r1 is not None else s.read(n)
        return data or b""

    def write(self, b):
        self.stream.write(bytes(b))
        if self.unbuffered:
            self.stream.flush()

    def seek(self, off, whence):
        s = self.stream
        try:
            if not s.seekable():
                raise OSError(_errno.ESPIPE, os.strerror(_errno.ESPIPE))
            return s.seek(off, whence)
        except (_pyio.UnsupportedOperation, AttributeError):
            raise OSError(_errno.ESPIPE, os.strerror(_errno.ESPIPE)) from None

    def flush(self):
        self.stream.flush()

    def close(self):
        return False


# -- CFile: a FILE* ----------------------------------------------------------------------------

class CFile:
    """The parts of a C stdio FILE that Lua code can observe."""

    def __init__(self, backend, kind, readable, writable, std=False):
        self.backend = backend
        self.type = kind
        self.readable = readable
        self.writable = writable
        self.std = std                  # writes go straight to a Python stream
        self.closed = False
        self.rbuf = b""
        self.rpos = 0
        self.wbuf = bytearray()
        self.bufmode = "full"
        self.bufsize = BUFSIZ
        self.eof = False
        self.err = False
        self.errno = 0
        self.addr = 0

    # -- Error indicator -------------------------------------------------------------

    def clearerr(self):
        self.eof = False
        self.err = False

    def _fail(self, e):
        self.err = True
        self.errno = e

    # -- Reading -------------------------------------------------------------------------

    def _fill(self):
        """Read more into the buffer; False at end of file or on error."""
        if self.eof or self.err:
            return False
        if not self.readable:
            self._fail(_errno.EBADF)
            return False
        if self.wbuf and not self._flush_buf():
            return False
        try:
            chunk = self.backend.read(self.bufsize if self.bufsize > 1 else 1)
        except OSError as e:
            en = _oserrno(e)
            self._fail(en if en is not None else _errno.EBADF)
            return False
        except _pyio.UnsupportedOperation:
            self._fail(_errno.EBADF)
            return False
        if not chunk:
            self.eof = True
            return False
        if self.rpos < len(self.rbuf):
            self.rbuf = self.rbuf[self.rpos:] + chunk
        else:
            self.rbuf = chunk
        self.rpos = 0
        return True

    def getc(self):
        if self.rpos >= len(self.rbuf) and not self._fill():
            return _EOF
        c = self.rbuf[self.rpos]
        self.rpos += 1
        return c

    def ungetc(self, c):
        if c != _EOF and self.rpos > 0:
            self.rpos -= 1

    def fgets(self, size):
        """Up to size-1 bytes, stopping after a newline; None when nothing was read."""
        out = []
        n = 0
        limit = size - 1
        while n < limit:
            if self.rpos >= len(self.rbuf) and not self._fill():
                break
            buf = self.rbuf
            end = buf.find(b"\n", self.rpos, self.rpos + (limit - n))
            if end >= 0:
                piece = buf[self.rpos:end + 1]
                self.rpos = end + 1
                out.append(piece)
                n += len(piece)
                break
            piece = buf[self.rpos:self.rpos + (limit - n)]
            self.rpos += len(piece)
            out.append(piece)
            n += len(piece)
        if not n:
            return None
        return b"".join(out)

    def fread(self, n):
        """glibc's fread (_IO_file_xsgetn): small requests go through the buffer; one
        of a buffer's size or more reads directly, and resets the buffer's put area,
        so that output still pending in it (a "+" mode file) is lost."""
        out = []
        want = n
        while want > 0:
            have = len(self.rbuf) - self.rpos
            if want <= have:
                out.append(self.rbuf[self.rpos:self.rpos + want])
                self.rpos += want
                break
            if have:
                out.append(self.rbuf[self.rpos:])
                want -= have
            self.rbuf = b""
            self.rpos = 0
            if want < self.bufsize:
                if not self._fill():
                    break
                continue
            if self.eof or self.err:
                break
            if not self.readable:
                self._fail(_errno.EBADF)
                break
            self.wbuf.clear()
            count = want - (want % self.bufsize if self.bufsize >= 128 else 0)
            try:
                chunk = self.backend.read(count)
            except OSError as e:
                self._fail(_oserrno(e) or _errno.EBADF)
                break
            except _pyio.UnsupportedOperation:
                self._fail(_errno.EBADF)
                break
            if not chunk:
                self.eof = True
                break
            out.append(chunk)
            want -= len(chunk)
        return b"".join(out)

    def read_line(self, chop):
        """io_file_readline: (line, ok)."""
        m = LUAL_BUFFERSIZE
        buf = b""
        ok = 0
        while True:
            chunk = self.fgets(m - len(buf))
            if chunk is None:
                break
            nul = chunk.find(b"\0")          # C's strlen stops at a NUL
            if nul >= 0:
                chunk = chunk[:nul]
            buf += chunk
            ok |= len(buf)
            if buf and buf[-1:] == b"\n":
                if chop:
                    buf = buf[:-1]
                break
            if len(buf) >= m - 64:
                m += m
        return buf, bool(ok)

    def read_all(self):
        """io_file_readall: fread into a doubling buffer until it is not filled."""
        m = LUAL_BUFFERSIZE
        n = 0
        out = []
        while True:
            got = self.fread(m - n)
            out.append(got)
            n += len(got)
            if n != m:
                return b"".join(out)
            m += m

    def read_num(self):
        """fscanf(fp, "%lf"): a float, or None."""
        if not self.readable:
            self.errno = _errno.EBADF       # vfscanf refuses without the error flag
            return None
        # Fast path: a plain decimal number followed by a space, all in the buffer.
        m = _PLAIN_NUM.match(self.rbuf, self.rpos)
        if m is not None:
            self.rpos = m.end(1)
            return float(m.group(1))
        c = self.getc()
        while c != _EOF and c in _SPACE:
            c = self.getc()
        if c == _EOF:
            return None
        buf = bytearray()
        got_sign = 0
        if c == 0x2D or c == 0x2B:           # - +
            got_sign = 1
            buf.append(c)
            c = self.getc()
            if c == _EOF:
                return None
        low = c | 0x20 if c != _EOF else c
        if low == 0x6E:                      # n: "nan"
            buf.append(c)
            for want in b"an":
                c = self.getc()
                if c == _EOF or (c | 0x20) != want:
                    return None             # the mismatch stays consumed
                buf.append(c)
            return _strtod(bytes(buf))
        if low == 0x69:                      # i: "inf" or "infinity"
            buf.append(c)
            for want in b"nf":
                c = self.getc()
                if c == _EOF or (c | 0x20) != want:
                    return None             # the mismatch stays consumed
                buf.append(c)
            c = self.getc()
            if c != _EOF and (c | 0x20) == 0x69:
                buf.append(c)
                for want in b"nity":
                    c = self.getc()
                    if c == _EOF or (c | 0x20) != want:
                        return None
                    buf.append(c)
            else:
                self.ungetc(c)
            return _strtod(bytes(buf))
        hexa = False
        got_digit = got_dot = got_e = False
        exp_char = 0x65                      # e
        if c == 0x30:                        # 0
            buf.append(c)
            c = self.getc()
            if c != _EOF and (c | 0x20) == 0x78:   # x
                buf.append(c)
                hexa = True
                exp_char = 0x70              # p
                c = self.getc()
            else:
                got_digit = True
        while True:
            if c == _EOF:
                break
            if c in _DIGITS:
                buf.append(c)
                got_digit = True
            elif not got_e and hexa and c in _XDIGITS:
                buf.append(c)
                got_digit = True
            elif got_e and buf[-1] == exp_char and (c == 0x2D or c == 0x2B):
                buf.append(c)
            elif got_digit and not got_e and (c | 0x20) == exp_char:
                buf.append(exp_char)
                got_e = got_dot = True
            elif not got_dot and c == 0x2E:   # .
                buf.append(c)
                got_dot = True
            else:
                self.ungetc(c)
                break
            c = self.getc()
        if len(buf) == got_sign or (hexa and len(buf) == 2 + got_sign):
            return None
        return _strtod(bytes(buf))

    # -- Writing ------------------------------------------------------------------------

    def _flush_buf(self):
        if not self.wbuf:
            return True
        data = bytes(self.wbuf)
        self.wbuf.clear()
        try:
            self.backend.write(data)
        except OSError as e:
            self._fail(_oserrno(e) or _errno.EBADF)
            return False
        return True

    def _drop_read_ahead(self):
        """Switching from reading to writing: the OS position goes back to where the
        reader is (glibc adjusts with lseek when it flushes)."""
        unread = len(self.rbuf) - self.rpos
        self.rbuf = b""
        self.rpos = 0
        if unread:
            try:
                self.backend.seek(-unread, os.SEEK_CUR)
            except OSError:
                pass

    def write(self, data):
        if not self.writable:
            self._fail(_errno.EBADF)
            return False
        if self.rbuf:
            self._drop_read_ahead()
        if not data:
            return True
        if self.std:
            try:
                self.backend.write(data)
                if self.bufmode == "no":
                    self.backend.flush()
            except OSError as e:
                self._fail(_oserrno(e) or _errno.EBADF)
                return False
            except _pyio.UnsupportedOperation:
                self._fail(_errno.EBADF)
                return False
            return True
        if self.bufmode == "no" or self.bufsize <= 1:
            return self._flush_buf() and self._raw_write(data)
        if self.bufmode == "line":
            self.wbuf += data
            ok = True
            nl = self.wbuf.rfind(b"\n")
            if nl >= 0:
                chunk = bytes(self.wbuf[:nl + 1])
                del self.wbuf[:nl + 1]
                ok = self._raw_write(chunk)
            if len(self.wbuf) >= self.bufsize:
                ok = self._flush_buf() and ok
            return ok
        # Full buffering as glibc's _IO_new_file_xsputn: fill the buffer; what does
        # not fit flushes it, whole blocks go straight out, the rest is buffered.
        space = self.bufsize - len(self.wbuf)
        self.wbuf += data[:space]
        rest = data[space:]
        if rest:
            if not self._flush_buf():
                return False
            bs = self.bufsize
            do_write = len(rest) - (len(rest) % bs if bs >= 128 else 0)
            if do_write and not self._raw_write(rest[:do_write]):
                return False
            self.wbuf += rest[do_write:]
        return True

    def _raw_write(self, data):
        try:
            self.backend.write(data)
        except OSError as e:
            self._fail(_oserrno(e) or _errno.EBADF)
            return False
        return True

    def flush(self):
        if self.closed:
            return True
        ok = self._flush_buf()
        if ok and self.writable:
            try:
                self.backend.flush()
            except OSError as e:
                self._fail(_oserrno(e) or _errno.EBADF)
                return False
            except (_pyio.UnsupportedOperation, ValueError):
                pass
        return ok

    # -- Positioning, buffering, closing ---------------------------------------------------

    def seek(self, whence, off):
        """fseeko + ftello: the new position, or None (errno set)."""
        if not self._flush_buf():
            return None
        unread = len(self.rbuf) - self.rpos
        if whence == os.SEEK_CUR:
            off -= unread
        try:
            if self.std:
                self.backend.flush()
            pos = self.backend.seek(off, whence)
        except OSError as e:
            self.errno = _oserrno(e) or _errno.ESPIPE
            return None
        except ValueError:
            self.errno = _errno.EINVAL
            return None
        self.rbuf = b""
        self.rpos = 0
        self.eof = False
        return pos

    def setvbuf(self, mode):
        """setvbuf(fp, NULL, mode, size): glibc ignores the size without a buffer of
        the caller's; "no" flushes and switches to a one-byte buffer, which stays
        even when the mode changes again later."""
        ok = True
        if mode == "no":
            ok = self._flush_buf()
            if self.std:
                try:
                    self.backend.flush()
                except (OSError, ValueError):
                    pass
            else:
                self.bufsize = 1
        self.bufmode = mode
        return ok

    def close(self):
        """fclose/pclose: flush and release; True when everything went well."""
        ok = self._flush_buf()
        self.closed = True
        self.rbuf = b""
        self.rpos = 0
        _open_files.discard(self)
        try:
            self.backend.close()
        except OSError as e:
            self.errno = _oserrno(e) or _errno.EIO
            ok = False
        return ok

    def __del__(self):
        try:
            if not self.closed and self.type != TYPE_STDF:
                self.close()
        except Exception:       # noqa: BLE001 -- nothing can be reported here
            pass

    def gc_close(self):
        """The userdata was swept: release the descriptor (standard files stay)."""
        if not self.closed and self.type != TYPE_STDF:
            self.close()


_DEC_PREFIX = re.compile(rb"[+-]?(?:[0-9]+\.?[0-9]*|\.[0-9]+)(?:[eE][+-]?[0-9]+)?")
_HEX_PREFIX = re.compile(
    rb"([+-]?)0[xX]((?:[0-9a-fA-F]+\.?[0-9a-fA-F]*|\.[0-9a-fA-F]+)(?:[pP][+-]?[0-9]+)?)")


def _strtod(b):
    """strtod on what scanf collected: the value of its longest numeric prefix, or None
    when no prefix is a number (glibc's scanf accepts "1e+" as 1)."""
    low = b.lower().lstrip(b"+-")
    if low[:1] in (b"n", b"i"):
        x = float("inf") if low[:1] == b"i" else float("nan")
        return -x if b[:1] == b"-" else x
    m = _HEX_PREFIX.match(b)
    if m:
        t = m.group(2)
        if b"p" not in t.lower():
            t += b"p0"
        x = float.fromhex(t.decode("ascii"))
        return -x if m.group(1) == b"-" else x
    m = _DEC_PREFIX.match(b)
    if m:
        return float(m.group(0))
    return None


# -- Opening files ---------------------------------------------------------------------------

def _cstr(b):
    """What C sees of a Lua string: up to its first NUL."""
    nul = b.find(b"\0")
    return b if nul < 0 else b[:nul]


def _fopen(path, mode):
    """glibc's fopen: (CFile, 0) or (None, errno)."""
    if not mode or mode[0:1] not in (b"r", b"w", b"a"):
        return None, _errno.EINVAL
    first = mode[0:1]
    plus = excl = False
    for ch in mode[1:7]:
        if ch == 0:
            break
        if ch == 0x2B:
            plus = True
        elif ch == 0x78:
            excl = True
    if first == b"r":
        flags = os.O_RDWR if plus else os.O_RDONLY
        readable, writable = True, plus
    elif first == b"w":
        flags = (os.O_RDWR if plus else os.O_WRONLY) | os.O_CREAT | os.O_TRUNC
        readable, writable = plus, True
    else:
        flags = (os.O_RDWR if plus else os.O_WRONLY) | os.O_CREAT | os.O_APPEND
        readable, writable = plus, True
    if excl:
        flags |= os.O_EXCL
    try:
        fd = os.open(path, flags | getattr(os, "O_CLOEXEC", 0), 0o666)
    except OSError as e:
        return None, e.errno or _errno.EIO
    cf = CFile(_FdBackend(fd), TYPE_FILE, readable, writable)
    _open_files.add(cf)
    return cf, 0


def _popen(vm, cmd, mode):
    do_read = do_write = False
    for ch in mode:
        if ch == 0x72:
            do_read = True
        elif ch == 0x77:
            do_write = True
        elif ch == 0x65:
            pass
        else:
            return None, _errno.EINVAL
    if do_read == do_write:
        return None, _errno.EINVAL
    _flush_everything(vm)            # LuaJIT's fflush(NULL) before popen
    try:
        proc = subprocess.Popen(cmd, shell=True, bufsize=0,
                                stdout=subprocess.PIPE if do_read else None,
                                stdin=subprocess.PIPE if do_write else None)
    except OSError as e:
        return None, e.errno or _errno.EIO
    if do_read:
        cf = CFile(_PipeBackend(proc, proc.stdout), TYPE_PIPE, True, False)
    else:
        cf = CFile(_PipeBackend(proc, proc.stdin), TYPE_PIPE, False, True)
    _open_files.add(cf)
    return cf, 0


def _flush_everything(vm):
    for s in (vm.stdout, vm.stderr):
        try:
            s.flush()
        except (OSError, ValueError, AttributeError):
            pass
    for f in list(_open_files):
        if not f.closed:
            f.flush()


# -- Userdata helpers ------------------------------------------------------------------------

def _new_file(vm, cf, mt=None):
    """io_file_new: a userdata for cf with the creating function's environment as metatable."""
    if mt is None:
        cur = vm.current.cfunc
        mt = vm.func_env(cur.tv) if cur is not None else vm.rawgets(vm.registry, b"FILE*")
    ud = vm.new_udata(cf, 16, UDTYPE_IO_FILE, mt)
    cf.addr = (ud & PAYLOAD) + 48
    return ud


def _is_file(vm, v):
    """A userdata of type UDTYPE_IO_FILE (only this module makes CFile payloads)."""
    return vm.udata.get(v).__class__ is CFile


def _tofilep(vm, base, nargs):
    """io_tofilep: the CFile of argument 1 (closed or not)."""
    if nargs >= 1:
        cf = vm.udata.get(vm.Q[base])
        if cf.__class__ is CFile:
            return cf
    type_error(vm, base, nargs, 1, "FILE*")


def _tofile(vm, base, nargs):
    cf = _tofilep(vm, base, nargs)
    if cf.closed:
        raise RuntimeErr(ERRMSG["IOCLFL"])
    return cf


def _std_ud(vm, which):
    return vm.io_std[which]


def _stdfile(vm, which):
    cf = vm.udata[vm.io_std[which]]
    if cf.closed:
        raise RuntimeErr(ERRMSG["IOSTDCL"])
    return cf


def _set_std(vm, which, ud):
    old = vm.io_std.get(which)
    if old == ud:
        return
    if old is not None:
        n = vm.pinned.get(old, 1) - 1
        if n:
            vm.pinned[old] = n
        else:
            vm.pinned.pop(old, None)
    vm.io_std[which] = ud
    vm.pinned[ud] = vm.pinned.get(ud, 0) + 1


def _fileresult(vm, ok, cf=None, fname=None, en=None):
    """luaL_fileresult: true, or nil, "[fname: ]message", errno."""
    if ok:
        return TRUE
    if en is None:
        en = cf.errno if cf is not None else 0
    msg = os.strerror(en).encode()
    if fname is not None:
        msg = fname + b": " + msg
    return [NIL, vm.str(msg), float(en)]


# -- Reading and writing -----------------------------------------------------------------

def _file_read(vm, cf, fmts, argoff):
    """io_file_read: read by the formats `fmts` (TValues; argument numbers argoff+1..)."""
    cf.clearerr()
    out = []
    if not fmts:
        line, ok = cf.read_line(True)
        out.append(vm.str(line))
    else:
        ok = True
        for i, v in enumerate(fmts):
            if not ok:
                break
            if v >> TAG_BITS == TAG_STR:
                p = vm.sbytes(v)
                if p[:1] == b"*":
                    p = p[1:]
                c = p[:1]
                if c == b"n":
                    x = cf.read_num()
                    if x is None:
                        out.append(NIL)
                        ok = False
                    else:
                        out.append(x)
                elif c == b"l" or c == b"L":
                    line, ok = cf.read_line(c == b"l")
                    out.append(vm.str(line))
                elif c == b"a":
                    out.append(vm.str(cf.read_all()))
                else:
                    raise ArgError(argoff + i + 1, ERRMSG["INVFMT"])
            elif v < NUM_LIMIT:
                cnt = num2int(tv_num(v)) & 0xFFFFFFFF
                if cnt:
                    data = cf.fread(cnt)
                    out.append(vm.str(data))
                    ok = len(data) > 0
                else:
                    c = cf.getc()
                    cf.ungetc(c)
                    out.append(vm.str(b""))
                    ok = c != _EOF
            else:
                raise ArgError(argoff + i + 1, ERRMSG["INVOPT"])
    if cf.err:
        return _fileresult(vm, False, cf)
    if not ok:
        out[-1] = NIL
    return out


def _tostr_arg(vm, v):
    if v >> TAG_BITS == TAG_STR:
        return vm.sbytes(v)
    if v < NUM_LIMIT:
        return fmt_number(tv_num(v)).encode()
    return None


def _file_write(vm, cf, base, nargs, start):
    status = True
    for i in range(start, nargs):
        data = _tostr_arg(vm, vm.Q[base + i])
        if data is None:
            type_error(vm, base, nargs, i + 1, "string")
        status = cf.write(data) and status
    return _fileresult(vm, status, cf)


def _file_close(vm, cf):
    if cf.type & 3 == TYPE_STDF:
        return [NIL, vm.str(b"cannot close standard file")]
    ok = cf.close()
    return _fileresult(vm, ok, cf)


def _lines_iter(vm, base, nargs):
    """io_file_iter: the iterator of file:lines()/io.lines() (upvalues: file, formats)."""
    fn = vm.current.cfunc.tv
    q = vm.tq(fn)
    nup = vm.B[q * 8 + 11]
    ud = vm.Q[q + 6]
    cf = vm.udata[ud]
    if cf.closed:
        raise RuntimeErr(ERRMSG["IOCLFL"])
    fmts = [vm.Q[q + 7 + i] for i in range(nup - 1)]
    r = _file_read(vm, cf, fmts, 0)
    if cf.err:
        raise RuntimeErr(vm.sbytes(r[1]).decode("utf-8", "surrogateescape"))
    first = r[0] if r.__class__ is list else r
    if first == NIL and cf.type & FLAG_CLOSE:
        _file_close(vm, cf)
        return None
    return r


def _file_lines(vm, base, nargs):
    """io_file_lines: an iterator closure over the file (argument 1) and the formats."""
    if nargs > LJ_MAX_UPVAL:
        raise RuntimeErr(ERRMSG["UNPACK"])
    f = vm.new_cfunc(_lines_iter, "io.lines_iter", 1, nupvalues=nargs)
    for i in range(nargs):
        vm.Q[vm.cfunc_upvalue(f, i)] = vm.Q[base + i]
    return f


# -- File methods --------------------------------------------------------------------------

def m_close(vm, base, nargs):
    if nargs >= 1:
        cf = _tofile(vm, base, nargs)
    else:
        cf = vm.udata[_std_ud(vm, "output")]
        if cf.closed:
            raise RuntimeErr(ERRMSG["IOCLFL"])
    return _file_close(vm, cf)


def m_read(vm, base, nargs):
    return _file_read(vm, _tofile(vm, base, nargs), list(vm.Q[base + 1:base + nargs]), 1)


def m_write(vm, base, nargs):
    return _file_write(vm, _tofile(vm, base, nargs), base, nargs, 1)


def m_flush(vm, base, nargs):
    cf = _tofile(vm, base, nargs)
    return _fileresult(vm, cf.flush(), cf)


_SEEK_OPTS = {b"set": os.SEEK_SET, b"cur": os.SEEK_CUR, b"end": os.SEEK_END}
_VBUF_OPTS = {b"full": "full", b"line": "line", b"no": "no"}


def _checkopt(vm, base, nargs, n, default, opts):
    """lj_lib_checkopt: an option string from a fixed list."""
    s = opt_str(vm, base, nargs, n, None) if default is not None else \
        check_str(vm, base, nargs, n)
    if s is None:
        return default
    if s in opts:
        return opts[s]
    raise ArgError(n, ERRMSG["INVOPTM"] % s.decode("utf-8", "surrogateescape"))


def m_seek(vm, base, nargs):
    cf = _tofile(vm, base, nargs)
    whence = _checkopt(vm, base, nargs, 2, os.SEEK_CUR, _SEEK_OPTS)
    off = 0
    if nargs >= 3:
        o = vm.Q[base + 2]
        if o < NUM_LIMIT:
            x = vm.D[base + 2]
            off = int(x) if x == x and abs(x) < 2.0 ** 63 else -(1 << 63)
        elif o != NIL:
            type_error(vm, base, nargs, 3, "number")
    pos = cf.seek(whence, off)
    if pos is None:
        return _fileresult(vm, False, cf)
    return float(pos)


def m_setvbuf(vm, base, nargs):
    cf = _tofile(vm, base, nargs)
    mode = _checkopt(vm, base, nargs, 2, None, _VBUF_OPTS)
    opt_int(vm, base, nargs, 3, LUAL_BUFFERSIZE)
    return _fileresult(vm, cf.setvbuf(mode), cf)


def m_lines(vm, base, nargs):
    _tofile(vm, base, nargs)
    return _file_lines(vm, base, nargs)


def m_gc(vm, base, nargs):
    cf = _tofilep(vm, base, nargs)
    if not cf.closed and cf.type & 3 != TYPE_STDF:
        _file_close(vm, cf)
    return None


def m_tostring(vm, base, nargs):
    cf = _tofilep(vm, base, nargs)
    if cf.closed:
        return vm.str(b"file (closed)")
    return vm.str(b"file (0x%x)" % cf.addr)


# -- io.* ------------------------------------------------------------------------------------

def io_open(vm, base, nargs):
    fname = _cstr(check_str(vm, base, nargs, 1))
    mode = opt_str(vm, base, nargs, 2, None)
    mode = b"r" if mode is None else _cstr(mode)
    cf, en = _fopen(fname, mode)
    if cf is None:
        return _fileresult(vm, False, fname=fname, en=en)
    return _new_file(vm, cf)


def io_popen(vm, base, nargs):
    if not vm.allow_popen:
        # LuaJIT's answer where it has no popen (a sandbox switches it off).
        raise RuntimeErr("'popen' not supported")
    cmd = _cstr(check_str(vm, base, nargs, 1))
    mode = opt_str(vm, base, nargs, 2, None)
    mode = b"r" if mode is None else _cstr(mode)
    cf, en = _popen(vm, cmd, mode)
    if cf is None:
        return _fileresult(vm, False, fname=cmd, en=en)
    return _new_file(vm, cf)


def io_tmpfile(vm, base, nargs):
    try:
        fd, path = tempfile.mkstemp(prefix="tmpf")
        os.unlink(path)
    except OSError as e:
        return _fileresult(vm, False, en=e.errno or _errno.EIO)
    cf = CFile(_FdBackend(fd), TYPE_FILE, True, True)
    _open_files.add(cf)
    return _new_file(vm, cf)


def io_close(vm, base, nargs):
    return m_close(vm, base, nargs)


def io_read(vm, base, nargs):
    return _file_read(vm, _stdfile(vm, "input"), list(vm.Q[base:base + nargs]), 0)


def io_write(vm, base, nargs):
    return _file_write(vm, _stdfile(vm, "output"), base, nargs, 0)


def io_flush(vm, base, nargs):
    cf = _stdfile(vm, "output")
    return _fileresult(vm, cf.flush(), cf)


def _open_arg(vm, base, nargs, mode):
    """io_file_open: open argument 1 or raise "bad argument #1 (name: message)"."""
    fname = _cstr(check_str(vm, base, nargs, 1))
    cf, en = _fopen(fname, mode)
    if cf is None:
        raise ArgError(1, (fname + b": " + os.strerror(en).encode()).decode(
            "utf-8", "surrogateescape"))
    return _new_file(vm, cf)


def _std_getset(vm, base, nargs, which, mode):
    if nargs >= 1 and vm.Q[base] != NIL:
        v = vm.Q[base]
        if v >> TAG_BITS == TAG_UDATA:
            _tofile(vm, base, nargs)
            ud = v
        else:
            ud = _open_arg(vm, base, nargs, mode)
        _set_std(vm, which, ud)
        return ud
    return _std_ud(vm, which)


def io_input(vm, base, nargs):
    return _std_getset(vm, base, nargs, "input", b"r")


def io_output(vm, base, nargs):
    return _std_getset(vm, base, nargs, "output", b"w")


def io_lines(vm, base, nargs):
    if nargs == 0:
        vm.Q[base] = NIL
        nargs = 1
    if vm.Q[base] != NIL:
        ud = _open_arg(vm, base, nargs, b"r")
        vm.udata[ud].type = TYPE_FILE | FLAG_CLOSE
        vm.Q[base] = ud
    else:
        vm.Q[base] = _std_ud(vm, "input")
    return _file_lines(vm, base, nargs)


def io_type(vm, base, nargs):
    if nargs < 1:
        raise ArgError(1, ERRMSG["NOVAL"])
    v = vm.Q[base]
    if not _is_file(vm, v):
        return NIL
    return vm.str(b"closed file" if vm.udata[v].closed else b"file")


METHODS = {
    "close": m_close, "read": m_read, "write": m_write, "flush": m_flush, "seek": m_seek,
    "setvbuf": m_setvbuf, "lines": m_lines, "__gc": m_gc, "__tostring": m_tostring,
}

FUNCTIONS = {
    "open": io_open, "popen": io_popen, "tmpfile": io_tmpfile, "close": io_close,
    "read": io_read, "write": io_write, "flush": io_flush, "input": io_input,
    "output": io_output, "lines": io_lines, "type": io_type,
}


def _std_file(vm, mt, stream, readable, writable, unbuffered=False):
    cf = CFile(_StreamBackend(stream, unbuffered), TYPE_STDF, readable, writable, std=True)
    return _new_file(vm, cf, mt)


def open_io(vm):
    mt = vm.new_table(0, len(METHODS) + 1)
    for name, f in METHODS.items():
        vm.rawsets(mt, name.encode(), builtin(vm, name, f, "io.method"))
    vm.rawsets(mt, b"__index", mt)
    vm.rawsets(vm.registry, b"FILE*", mt)
    t = vm.new_table(0, len(FUNCTIONS) + 3)
    for name, f in FUNCTIONS.items():
        fv = builtin(vm, name, f, "io")
        vm.Q[vm.tq(fv) + 2] = mt & PAYLOAD          # environment: the file metatable
        vm.rawsets(t, name.encode(), fv)
    vm.io_std = {}
    if not hasattr(vm, "allow_popen"):
        vm.allow_popen = True
    stdin = _std_file(vm, mt, vm.stdin, True, False)
    stdout = _std_file(vm, mt, vm.stdout, False, True)
    stderr = _std_file(vm, mt, vm.stderr, False, True, unbuffered=True)
    vm.rawsets(t, b"stdin", stdin)
    vm.rawsets(t, b"stdout", stdout)
    vm.rawsets(t, b"stderr", stderr)
    _set_std(vm, "input", stdin)
    _set_std(vm, "output", stdout)
    vm.rawsets(vm.globals, b"io", t)
    vm.rawsets(loaded_table(vm), b"io", t)
    return t

