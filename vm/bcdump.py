"""LuaJIT 2.1's bytecode dump format: string.dump's writer and load's reader
(lj_bcwrite.c, lj_bcread.c, lj_bcdump.h).

    dump   = header proto+ 0U
    header = ESC 'L' 'J' versionB flagsU [namelenU nameB*]
    proto  = lengthU pdata
    pdata  = phead bcinsW* uvdataH* kgc* knum* [debugB*]
    phead  = flagsB numparamsB framesizeB numuvB numkgcU numknU numbcU
             [debuglenU [firstlineU numlineU]]

(U is ULEB128, W a little-endian 32-bit word, H 16-bit.) Prototypes are written
children first, so the reader keeps a stack and a child constant pops it.

A dump of a Proto from our compiler is byte for byte what LuaJIT's string.dump
writes for the same source, with one exception LuaJIT shares: the hash part of
a table constant is written in node order, which depends on string hashes.
The writer takes that layout from a callback (string.dump reads the template
tables the VM built); without one it writes the keys in insertion order.
"""

import struct

from .bytecode import (
    BC_FORL, BC_FUNCF, BC_FUNCV, BC_IFORL, BC_IITERL, BC_ILOOP, BC_JFORI, BC_JFORL, BC_JITERL,
    BC_JLOOP,
    PROTO_CHILD, PROTO_FFI, PROTO_VARARG, Proto, TemplateTable,
)

BCDUMP_HEAD = b"\x1bLJ"
BCDUMP_VERSION = 2
F_BE, F_STRIP, F_FFI, F_FR2 = 0x01, 0x02, 0x04, 0x08
F_KNOWN = F_FR2 * 2 - 1

# GC constant and template-table entry types.
KGC_CHILD, KGC_TAB, KGC_I64, KGC_U64, KGC_COMPLEX, KGC_STR = range(6)
KTAB_NIL, KTAB_FALSE, KTAB_TRUE, KTAB_INT, KTAB_NUM, KTAB_STR = range(6)

# The fixed names of hidden variables, by their varinfo code (lj_debug.h VARNAMEDEF).
VARNAMES = ("(for index)", "(for limit)", "(for step)", "(for generator)",
            "(for state)", "(for control)")
VARCODE = {name: i + 1 for i, name in enumerate(VARNAMES)}

ERR_BCFMT = "cannot load incompatible bytecode"
ERR_BCBAD = "cannot load malformed bytecode"

_pack_d = struct.Struct("<d").pack
_unpack_q = struct.Struct("<Q").unpack
_pack_q = struct.Struct("<Q").pack
_unpack_d = struct.Struct("<d").unpack


def _name_bytes(name) -> bytes:
    return name if isinstance(name, bytes) else name.encode("utf-8", "surrogateescape")


def _name_str(b: bytes) -> str:
    return b.decode("utf-8", "surrogateescape")


def uleb128(v: int) -> bytes:
    v &= 0xFFFFFFFF
    out = bytearray()
    while v >= 0x80:
        out.append((v & 0x7F) | 0x80)
        v >>= 7
    out.append(v)
    return bytes(out)


def num2int(x: float) -> int:
    """lj_num2int on x86-64: truncation; NaN and out of range give INT32_MIN."""
    if -2147483649.0 < x < 2147483648.0:
        return int(x)
    return -2147483648


def has_debug_info(proto: Proto) -> bool:
    """False for prototypes without line info: loaded from a stripped dump (firstline
    and numline 0) or the library's bytecode builtins (firstline -1)."""
    return not (proto.numline == 0 and proto.firstline <= 0)


# -- Writer -------------------------------------------------------------------------------

def dump(proto: Proto, strip=False, ktab=None, startins=None) -> bytes:
    """The dump of a main prototype (what string.dump returns).

    ktab(template) -> (array values, [(key, value)] in node order from the last node
    down), for TDUP constants; values are None/False/True/float/bytes.
    startins(traceno) -> the instruction a trace's JFORL/JITERL/JLOOP replaced (from
    the attached trace compiler), so compiled loops are written as they were.
    """
    out = bytearray(BCDUMP_HEAD)
    out.append(BCDUMP_VERSION)
    out.append((F_STRIP if strip else 0) | (F_FFI if proto.flags & PROTO_FFI else 0) | F_FR2)
    if not strip:
        name = _name_bytes(proto.chunkname)
        out += uleb128(len(name)) + name
    _write_proto(out, proto, strip, ktab or _ktab_replay, startins)
    out.append(0)
    return bytes(out)


def _write_proto(out, proto, strip, ktab, startins):
    if proto.flags & PROTO_CHILD:
        for k in proto.kgc:
            if isinstance(k, Proto):
                _write_proto(out, k, strip, ktab, startins)
    body = bytearray()
    body.append(proto.flags & (PROTO_CHILD | PROTO_VARARG | PROTO_FFI))
    body.append(proto.numparams)
    body.append(proto.framesize)
    body.append(len(proto.uv))
    body += uleb128(len(proto.kgc)) + uleb128(len(proto.kn)) + uleb128(len(proto.code) - 1)
    dbg = b""
    if not strip:
        dbg = _debug_info(proto) if has_debug_info(proto) else b""
        body += uleb128(len(dbg))
        if dbg:
            body += uleb128(proto.firstline) + uleb128(proto.numline)
    body += struct.pack("<%dI" % (len(proto.code) - 1),
                        *(_unpatch(ins, startins) for ins in proto.code[1:]))
    body += struct.pack("<%dH" % len(proto.uv), *proto.uv)
    for k in reversed(proto.kgc):
        _write_kgc(body, k, ktab)
    for x in proto.kn:
        _write_knum(body, x)
    body += dbg
    out += uleb128(len(body)) + body


def _unpatch(ins: int, startins) -> int:
    """Loop instructions are written as the plain ones (lj_bcwrite): the I-variants and
    JFORI by opcode, JFORL/JITERL/JLOOP with the jump of the trace's start instruction."""
    op = ins & 0xFF
    if op in (BC_IFORL, BC_IITERL, BC_ILOOP, BC_JFORI):
        return (ins & ~0xFF) | (op - BC_IFORL + BC_FORL)
    if op in (BC_JFORL, BC_JITERL, BC_JLOOP) and startins is not None:
        return (ins & 0xFF00) | (op - BC_JFORL + BC_FORL) | (startins(ins >> 16) & ~0xFFFF)
    return ins


def _write_kgc(body, k, ktab):
    if isinstance(k, bytes):
        body += uleb128(KGC_STR + len(k)) + k
    elif isinstance(k, Proto):
        body += uleb128(KGC_CHILD)
    else:
        body += uleb128(KGC_TAB)
        array, pairs = ktab(k)
        body += uleb128(len(array)) + uleb128(len(pairs))
        for v in array:
            _write_ktabk(body, v, True)
        for key, v in pairs:
            _write_ktabk(body, key, False)
            _write_ktabk(body, v, True)


def _write_ktabk(body, v, narrow):
    if isinstance(v, bytes):
        body += uleb128(KTAB_STR + len(v)) + v
    elif v is None:
        body.append(KTAB_NIL)
    elif v is False:
        body.append(KTAB_FALSE)
    elif v is True:
        body.append(KTAB_TRUE)
    else:
        x = float(v)
        k = num2int(x)
        if narrow and x == k:
            body.append(KTAB_INT)
            body += uleb128(k)
            return
        bits = _unpack_q(_pack_d(x))[0]
        body.append(KTAB_NUM)
        body += uleb128(bits & 0xFFFFFFFF) + uleb128(bits >> 32)


def _write_knum(body, x):
    """A 33-bit ULEB128: an int32 (lsb 0) or the low word of a double (lsb 1)."""
    x = float(x)
    k = num2int(x)
    if x == k:
        u = k & 0xFFFFFFFF
        enc = bytearray(uleb128((2 * u) | (u & 0x80000000)))
        if k < 0:
            enc[-1] = (enc[-1] & 7) | ((k >> 27) & 0x18)
        body += enc
        return
    bits = _unpack_q(_pack_d(x))[0]
    lo, hi = bits & 0xFFFFFFFF, bits >> 32
    enc = bytearray(uleb128(1 + ((2 * lo) | (lo & 0x80000000))))
    if lo >= 0x80000000:
        enc[-1] = (enc[-1] & 7) | ((lo >> 27) & 0x18)
    body += enc + uleb128(hi)


def _debug_info(proto) -> bytes:
    """lineinfo (1, 2 or 4 bytes per instruction), upvalue names, variable info."""
    first = proto.firstline
    numline = proto.numline
    deltas = [proto.lineinfo[pc] - first for pc in range(1, len(proto.code))]
    fmt = "B" if numline < 256 else "H" if numline < 65536 else "I"
    out = bytearray(struct.pack("<%d%s" % (len(deltas), fmt), *deltas))
    for name in proto.uvnames:
        out += _name_bytes(name) + b"\0"
    lastpc = 0
    for name, startpc, endpc in proto.varinfo:
        code = VARCODE.get(name)
        out += bytes((code,)) if code else _name_bytes(name) + b"\0"
        out += uleb128(startpc - lastpc) + uleb128(endpc - startpc)
        lastpc = startpc
    out.append(0)
    return bytes(out)


def _ktab_replay(tt: TemplateTable):
    """A template's layout without a VM: array part and keys in insertion order."""
    array = []
    pairs = []
    for key, value in tt.sets:
        value = None if value is TemplateTable.DUMMY else value
        if isinstance(key, float) and key.is_integer() and 0 <= key < tt.asize:
            while len(array) <= int(key):
                array.append(None)
            array[int(key)] = value
        elif value is not None:
            pairs.append((key, value))
    while array and array[-1] is None:
        array.pop()
    return array, pairs


def canonical(data: bytes) -> bytes:
    """A dump rewritten with the hash part of every table constant in sorted order.

    LuaJIT writes hash entries in node order, which depends on string hashes (and
    varies between runs of LuaJIT itself); dumps that differ only there have equal
    canonical forms.
    """
    proto = undump(data, b"?")

    def ktab(tt):
        array, pairs = _ktab_replay(tt)
        return array, sorted(pairs, key=lambda kv: (type(kv[0]).__name__, repr(kv[0])))
    return dump(proto, bool(data[4] & F_STRIP), ktab)


# -- Reader -------------------------------------------------------------------------------

class BCError(Exception):
    """A dump that cannot be loaded; str() is LuaJIT's message."""


class _Reader:
    def __init__(self, data: bytes):
        self.data = data
        self.p = 0
        self.endian = "<"       # byte order of instructions, upvalues and line info

    def need(self, n):
        if self.p + n > len(self.data):
            raise IndexError("short")

    def byte(self) -> int:
        b = self.data[self.p]
        self.p += 1
        return b

    def mem(self, n) -> bytes:
        self.need(n)
        b = self.data[self.p:self.p + n]
        self.p += n
        return b

    def uleb(self) -> int:
        v = self.byte()
        if v >= 0x80:
            v &= 0x7F
            sh = 0
            while True:
                sh += 7
                b = self.byte()
                v |= (b & 0x7F) << sh
                if b < 0x80:
                    break
        return v & 0xFFFFFFFF

    def uleb33(self) -> int:
        """The top 32 bits of a 33-bit ULEB128 (bcread_uleb128_33)."""
        v = self.byte() >> 1
        if v >= 0x40:
            v &= 0x3F
            sh = -1
            while True:
                sh += 7
                b = self.byte()
                v |= (b & 0x7F) << sh
                if b < 0x80:
                    break
        return v & 0xFFFFFFFF


def undump(data: bytes, chunkarg: bytes) -> Proto:
    """The main prototype of a dump (data starts with ESC); raises BCError.

    chunkarg is the chunk name load was given: a stripped dump's functions are
    named by it (up to its first NUL, as LuaJIT reads it as a C string).
    """
    chunkarg = chunkarg.split(b"\0", 1)[0]
    try:
        return _undump(_Reader(data), chunkarg)
    except BCError:
        raise
    except (IndexError, ValueError, struct.error, OverflowError):
        raise BCError(_error(chunkarg, ERR_BCBAD)) from None


def _error(chunkarg: bytes, msg: str) -> str:
    if chunkarg[:1] == b"\x1b":
        name = "(binary)"
    else:
        name = _name_str(chunkarg[1:] if chunkarg[:1] in (b"@", b"=") else chunkarg)
    return "%s: %s" % (name, msg)


def _undump(r, chunkarg):
    r.p = 1                     # after ESC
    ok = len(r.data) >= 5 and r.byte() == 0x4C and r.byte() == 0x4A
    ok = ok and r.byte() == BCDUMP_VERSION
    if ok:
        flags = r.uleb()
        ok = not flags & ~F_KNOWN and flags & F_FR2
    if not ok:
        raise BCError(_error(chunkarg, ERR_BCFMT))
    r.endian = ">" if flags & F_BE else "<"
    strip = bool(flags & F_STRIP)
    chunkname = chunkarg if strip else r.mem(r.uleb())
    stack = []
    while True:
        n = r.uleb()
        if n == 0:
            break
        start = r.p
        r.need(n)
        stack.append(_read_proto(r, strip, chunkname, stack, chunkarg))
        if r.p != start + n:
            raise BCError(_error(chunkarg, ERR_BCBAD))
    if r.p != len(r.data) or len(stack) != 1:
        raise BCError(_error(chunkarg, ERR_BCBAD))
    return stack[0]


def _read_proto(r, strip, chunkname, stack, chunkarg) -> Proto:
    pt = Proto()
    pt.chunkname = chunkname
    pt.flags = r.byte()
    pt.numparams = r.byte()
    pt.framesize = r.byte()
    sizeuv = r.byte()
    sizekgc = r.uleb()
    sizekn = r.uleb()
    sizebc = r.uleb() + 1
    sizedbg = 0
    if not strip:
        sizedbg = r.uleb()
        if sizedbg:
            pt.firstline = r.uleb()
            pt.numline = r.uleb()
    head = BC_FUNCV if pt.flags & PROTO_VARARG else BC_FUNCF
    words = struct.unpack("%s%dI" % (r.endian, sizebc - 1), r.mem(4 * (sizebc - 1)))
    pt.code = [head | (pt.framesize << 8)] + list(words)
    pt.uv = list(struct.unpack("%s%dH" % (r.endian, sizeuv), r.mem(2 * sizeuv)))
    kgc = [_read_kgc(r, stack, chunkarg) for _ in range(sizekgc)]
    kgc.reverse()
    pt.kgc = kgc
    pt.kn = [_read_knum(r) for _ in range(sizekn)]
    if sizedbg:
        _read_debug(pt, r.mem(sizedbg), sizeuv, r.endian)
    else:
        pt.lineinfo = [pt.firstline] * len(pt.code)
    return pt


def _read_kgc(r, stack, chunkarg):
    tp = r.uleb()
    if tp >= KGC_STR:
        return r.mem(tp - KGC_STR)
    if tp == KGC_TAB:
        return _read_ktab(r)
    if tp == KGC_CHILD:
        if not stack:
            raise BCError(_error(chunkarg, ERR_BCBAD))
        return stack.pop()
    raise ValueError("cdata constant")       # 64-bit/complex cdata: MoonLens has no FFI


def _read_ktabk(r):
    tp = r.uleb()
    if tp >= KTAB_STR:
        return r.mem(tp - KTAB_STR)
    if tp == KTAB_INT:
        k = r.uleb()
        return float(k - (1 << 32) if k >= 0x80000000 else k)
    if tp == KTAB_NUM:
        lo = r.uleb()
        hi = r.uleb()
        return _unpack_d(_pack_q((hi << 32) | lo))[0]
    if tp > KTAB_TRUE:
        raise ValueError("ktab type")
    return (None, False, True)[tp]


def _hsize2hbits(s):
    return 0 if s == 0 else 1 if s == 1 else (s - 1).bit_length()


def _read_ktab(r) -> TemplateTable:
    narray = r.uleb()
    nhash = r.uleb()
    tt = TemplateTable(narray, _hsize2hbits(nhash))
    for i in range(narray):
        v = _read_ktabk(r)
        if v is not None:
            tt.sets.append((float(i), v))
    for _ in range(nhash):
        key = _read_ktabk(r)
        if key is None:
            raise ValueError("nil key")
        tt.sets.append((key, _read_ktabk(r)))
    return tt


def _read_knum(r) -> float:
    isnum = r.data[r.p] & 1
    lo = r.uleb33()
    if isnum:
        hi = r.uleb()
        return _unpack_d(_pack_q((hi << 32) | lo))[0]
    return float(lo - (1 << 32) if lo >= 0x80000000 else lo)


def _read_debug(pt, dbg: bytes, sizeuv, endian):
    n = len(pt.code) - 1
    fmt, size = ("B", 1) if pt.numline < 256 else ("H", 2) if pt.numline < 65536 else ("I", 4)
    deltas = struct.unpack("%s%d%s" % (endian, n, fmt), dbg[:n * size])
    pt.lineinfo = [pt.firstline] + [pt.firstline + d for d in deltas]
    p = n * size
    for _ in range(sizeuv):
        z = dbg.index(b"\0", p)
        pt.uvnames.append(_name_str(dbg[p:z]))
        p = z + 1
    r = _Reader(dbg)
    r.p = p
    lastpc = 0
    while True:
        code = r.byte()
        if code == 0:
            break
        if code < len(VARNAMES) + 1:
            name = VARNAMES[code - 1]
        else:
            z = dbg.index(b"\0", r.p - 1)
            name = _name_str(dbg[r.p - 1:z])
            r.p = z + 1
        startpc = lastpc + r.uleb()
        endpc = startpc + r.uleb()
        pt.varinfo.append((name, startpc, endpc))
        lastpc = startpc


# -- Loading ------------------------------------------------------------------------------

def load(vm, data: bytes, chunkname, env=None) -> int:
    """runtime.load for a binary chunk: a function TValue, or LuaError with LuaJIT's
    message."""
    from .errors import LuaError
    from .layout import NIL
    if not isinstance(chunkname, bytes):
        chunkname = chunkname.encode("utf-8", "surrogateescape")
    try:
        proto = undump(data, chunkname)
    except BCError as e:
        raise LuaError(vm.str(str(e).encode("utf-8", "surrogateescape"))) from None
    if env is None:
        env = vm.current.env if vm.current.env not in (None, NIL) else vm.globals
    return new_function(vm, proto, env)


def new_function(vm, proto, env) -> int:
    """lj_func_newL_empty: a function of a loaded main prototype, its upvalues
    (a dumped function may have some) closed and nil."""
    from .layout import NIL
    p = vm.load_proto(proto)
    uvs = []
    for v in proto.uv:
        u = vm.new_upval_closed(NIL)
        vm.B[(u << 3) + 11] = (v >> 14) & 1          # immutable
        uvs.append(u)
    return vm.new_lfunc(p, uvs, env)
