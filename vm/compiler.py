"""Compiler: syntax tree -> LuaJIT 2.1 bytecode prototypes.

LuaJIT generates code while it parses; this module walks the tree in the same
order and replays the same decisions, so the output is LuaJIT's to the bit:
expression descriptors (ExpDesc) that delay materialising a value, jump lists
threaded through the jump instructions themselves, the register allocator,
constant folding, KNIL merging, the return fixup, the goto/label machinery.
The functions keep lj_parse.c's names so the two can be read side by side.

Line numbers: LuaJIT stamps an instruction with ls->lastline, the line where
the last consumed token ended. `self.tk` is the index of that token; the code
sets it wherever lj_parse.c consumes a token before emitting something.
"""

import math

from . import ast as A
from .bytecode import (
    BC_ADDNV, BC_ADDVN, BC_ADDVV, BC_CALL, BC_CALLM, BC_CALLMT, BC_CALLT, BC_CAT,
    BC_FNEW, BC_FORI, BC_FORL, BC_FUNCF, BC_FUNCV, BC_GGET, BC_GSET, BC_ISEQP,
    BC_ISEQV, BC_ISF, BC_ISFC, BC_ISLT, BC_ISNEV, BC_IST, BC_ISTC, BC_ISNEXT,
    BC_ITERC, BC_ITERL, BC_ITERN, BC_JMP, BC_KNIL, BC_KNUM, BC_KPRI, BC_KSHORT,
    BC_KSTR, BC_LEN, BC_LOOP, BC_MOV, BC_NOT, BC_POW, BC_RET, BC_RET0, BC_RET1,
    BC_RETM, BC_TDUP, BC_TGETB, BC_TGETS, BC_TGETV, BC_TNEW, BC_TSETB, BC_TSETM,
    BC_TSETS, BC_TSETV, BC_UCLO, BC_UGET, BC_UNM, BC_USETN, BC_USETP, BC_USETS,
    BC_USETV, BC_VARG, BCBIAS_J, BCMAX_B, BCMAX_C, BCMAX_D, LJ_MAX_SLOTS, NO_REG,
    PROTO_CHILD, PROTO_FIXUP_RETURN, PROTO_HAS_RETURN, PROTO_UV_IMMUTABLE,
    PROTO_UV_LOCAL, PROTO_VARARG, Proto, TemplateTable,
)
from .diagnostics import Diagnostic, PHASE_COMPILE, with_near
from .lexer import near_text
from .numbers import ARITH
from .tokens import TK_goto, TK_name

_NAME_TOKENS = (TK_name, TK_goto)

# Expression kinds (ExpKind). Constants first and in this order.
VKNIL, VKFALSE, VKTRUE, VKSTR, VKNUM = range(5)
VKLAST = VKNUM
VLOCAL, VUPVAL, VGLOBAL, VINDEXED, VJMP, VRELOCABLE, VNONRELOC, VCALL, VVOID = range(6, 15)

NO_JMP = -1
BCMAX_C1 = BCMAX_C + 1

# Scope flags (FSCOPE_*).
FSCOPE_LOOP, FSCOPE_BREAK, FSCOPE_GOLA, FSCOPE_UPVAL, FSCOPE_NOCLOSE = 1, 2, 4, 8, 16
# Variable stack entry flags (VSTACK_*).
VSTACK_VAR_RW, VSTACK_GOTO, VSTACK_LABEL = 1, 2, 4
LJ_MAX_VSTACK = 65536 - 60
NAME_BREAK = object()

HIDDEN_FOR_NUM = ("(for index)", "(for limit)", "(for step)")
HIDDEN_FOR_GEN = ("(for generator)", "(for state)", "(for control)")


class CompileError(Exception):
    def __init__(self, diagnostic):
        super().__init__(diagnostic.message)
        self.diagnostic = diagnostic


class ExpDesc:
    """Expression descriptor: a value not yet (or only partly) put anywhere."""
    __slots__ = ("k", "info", "aux", "val", "t", "f")

    def __init__(self, k=VVOID, info=0):
        self.k = k
        self.info = info
        self.aux = 0
        self.val = None     # number (VKNUM) or bytes (VKSTR, VGLOBAL)
        self.t = NO_JMP
        self.f = NO_JMP

    def init(self, k, info):
        self.k = k
        self.info = info
        self.t = self.f = NO_JMP

    def copy_from(self, o):
        self.k, self.info, self.aux, self.val, self.t, self.f = o.k, o.info, o.aux, o.val, o.t, o.f

    def hasjump(self):
        return self.t != self.f

    def isk(self):
        return self.k <= VKLAST

    def isk_nojump(self):
        return self.k <= VKLAST and self.t == self.f

    def isnumk(self):
        return self.k == VKNUM

    def isnumk_nojump(self):
        return self.k == VKNUM and self.t == self.f


class VarInfo:
    """An entry of LuaJIT's variable stack: a local, a pending goto or a label."""
    __slots__ = ("name", "startpc", "endpc", "slot", "info")

    def __init__(self, name):
        self.name = name
        self.startpc = self.endpc = 0
        self.slot = 0
        self.info = 0


class FuncScope:
    __slots__ = ("prev", "vstart", "nactvar", "flags")


class FuncState:
    def __init__(self, prev, info):
        self.prev = prev
        self.info = info            # scopes.FuncInfo
        self.bc = []
        self.lines = []
        self.pc = 0
        self.lasttarget = 0
        self.jpc = NO_JMP
        self.freereg = 0
        self.nactvar = 0
        self.knum = {}
        self.kgc = []
        self.kstr = {}
        self.linedefined = 0
        self.flags = 0
        self.numparams = 0
        self.framesize = 1
        self.varmap = []
        self.uvmap = []
        self.uvtmp = []
        self.bl = None
        self.vbase = 0


def hsize2hbits(s):
    if s == 0:
        return 0
    return 1 if s == 1 else (s - 1).bit_length()


def _num2int(n):
    """lj_num2int as far as the parser cares: exact int or None."""
    if n != n or n in (float("inf"), float("-inf")):
        return None
    k = int(n)
    return k if k == n else None


def _fold_ok(n):
    """foldarith refuses NaN and -0 results."""
    return n == n and not (n == 0 and math.copysign(1.0, n) < 0)


def compile_chunk(sf, scopes=None) -> Proto:
    """Compile a parsed, resolved SourceFile (no errors) into the main Proto."""
    if scopes is None:
        from .scopes import resolve
        scopes = resolve(sf)
    return _Compiler(sf).main()


class _Compiler:
    def __init__(self, sf):
        self.sf = sf
        self.toks = sf.tokens
        self.eline = sf.tokens.eline
        self.chunkname = sf.chunkname if isinstance(sf.chunkname, bytes) else \
            sf.chunkname.encode("utf-8", "surrogateescape")
        self.vstack = []
        self.vtop = 0
        self.vidx = {}          # scopes.Var -> vstack index
        self.fs = None
        self.tk = -1
        # A token LuaJIT consumed while a lookahead token was already scanned: its
        # ls->lastline is then the lookahead's line (tables' `name =` check, `goto`).
        self.look = -2

    # -- Errors ------------------------------------------------------------------

    @property
    def lastline(self):
        return self.eline[self.tk] if self.tk >= 0 else 1

    def err_syntax(self, message):
        """An error at the current token (the one after self.tk)."""
        p = min(self.tk + 1, len(self.toks) - 1)
        toks = self.toks
        raise CompileError(Diagnostic(
            "syntax", with_near(message, near_text(toks, p)), toks.eline[p],
            toks.start[p], toks.end[p], p, PHASE_COMPILE))

    def err_limit(self, limit, what):
        fs = self.fs
        p = min(self.tk + 1, len(self.toks) - 1)
        if fs.linedefined == 0:
            msg = "main function has more than %d %s" % (limit, what)
        else:
            msg = "function at line %d has more than %d %s" % (fs.linedefined, limit, what)
        toks = self.toks
        raise CompileError(Diagnostic("syntax", msg, toks.eline[p], toks.start[p],
                                      toks.end[p], p, PHASE_COMPILE))

    # -- Constants ---------------------------------------------------------------

    def const_num(self, n):
        fs = self.fs
        idx = fs.knum.get(n)
        if idx is None:
            idx = fs.knum[n] = len(fs.knum)
        return idx

    def const_str(self, s):
        fs = self.fs
        idx = fs.kstr.get(s)
        if idx is None:
            idx = fs.kstr[s] = len(fs.kgc)
            fs.kgc.append(s)
        return idx

    def const_gc(self, obj):
        fs = self.fs
        fs.kgc.append(obj)
        return len(fs.kgc) - 1

    # -- Jump lists --------------------------------------------------------------------

    def jmp_next(self, pc):
        delta = (self.fs.bc[pc] >> 16) - BCBIAS_J
        return NO_JMP if delta == -1 else pc + 1 + delta

    def jmp_novalue(self, lst):
        bc = self.fs.bc
        while lst != NO_JMP:
            p = bc[lst - 1 if lst >= 1 else lst]
            op = p & 0xFF
            if not (op == BC_ISTC or op == BC_ISFC or ((p >> 8) & 0xFF) == NO_REG):
                return True
            lst = self.jmp_next(lst)
        return False

    def jmp_patchtestreg(self, pc, reg):
        bc = self.fs.bc
        i = pc - 1 if pc >= 1 else pc
        ins = bc[i]
        op = ins & 0xFF
        if op == BC_ISTC or op == BC_ISFC:
            if reg != NO_REG and reg != (ins >> 16):
                bc[i] = (ins & ~0xFF00) | (reg << 8)
            else:
                bc[i] = (ins & ~0xFFFF) | (op + (BC_IST - BC_ISTC))
        elif ((ins >> 8) & 0xFF) == NO_REG:
            if reg == NO_REG:
                bc[i] = BC_JMP | (((bc[pc] >> 8) & 0xFF) << 8) | (BCBIAS_J << 16)
            else:
                bc[i] = (ins & ~0xFF00) | (reg << 8)
                nxt = bc[i + 1]
                if reg >= ((nxt >> 8) & 0xFF):
                    bc[i + 1] = (nxt & ~0xFF00) | ((reg + 1) << 8)
        else:
            return False
        return True

    def jmp_dropval(self, lst):
        while lst != NO_JMP:
            self.jmp_patchtestreg(lst, NO_REG)
            lst = self.jmp_next(lst)

    def jmp_patchins(self, pc, dest):
        offset = dest - (pc + 1) + BCBIAS_J
        if offset > BCMAX_D or offset < 0:
            self.err_syntax("control structure too long")
        bc = self.fs.bc
        bc[pc] = (bc[pc] & 0xFFFF) | (offset << 16)

    def jmp_append(self, l1, l2):
        """Returns the new head of list l1 with l2 appended."""
        if l2 == NO_JMP:
            return l1
        if l1 == NO_JMP:
            return l2
        lst = l1
        while True:
            nxt = self.jmp_next(lst)
            if nxt == NO_JMP:
                break
            lst = nxt
        self.jmp_patchins(lst, l2)
        return l1

    def jmp_patchval(self, lst, vtarget, reg, dtarget):
        while lst != NO_JMP:
            nxt = self.jmp_next(lst)
            if self.jmp_patchtestreg(lst, reg):
                self.jmp_patchins(lst, vtarget)
            else:
                self.jmp_patchins(lst, dtarget)
            lst = nxt

    def jmp_tohere(self, lst):
        fs = self.fs
        fs.lasttarget = fs.pc
        fs.jpc = self.jmp_append(fs.jpc, lst)

    def jmp_patch(self, lst, target):
        if target == self.fs.pc:
            self.jmp_tohere(lst)
        else:
            self.jmp_patchval(lst, target, NO_REG, target)

    # -- Registers ------------------------------------------------------------------

    def bcreg_bump(self, n):
        fs = self.fs
        sz = fs.freereg + n
        if sz > fs.framesize:
            if sz >= LJ_MAX_SLOTS:
                self.err_syntax("function or expression too complex")
            fs.framesize = sz

    def bcreg_reserve(self, n):
        self.bcreg_bump(n)
        self.fs.freereg += n

    def bcreg_free(self, reg):
        fs = self.fs
        if reg >= fs.nactvar:
            fs.freereg -= 1

    def expr_free(self, e):
        if e.k == VNONRELOC:
            self.bcreg_free(e.info)

    # -- Emitting ---------------------------------------------------------------------

    def emit(self, ins):
        """bcemit_INS."""
        fs = self.fs
        pc = fs.pc
        if fs.jpc != NO_JMP:
            self.jmp_patchval(fs.jpc, pc, NO_REG, pc)
            fs.jpc = NO_JMP
        fs.bc.append(ins)
        tk = self.tk
        fs.lines.append(self.eline[tk + 1] if tk == self.look else
                        self.eline[tk] if tk >= 0 else 1)
        fs.pc = pc + 1
        return pc

    def emit_ABC(self, op, a, b, c):
        return self.emit(op | (a << 8) | (c << 16) | (b << 24))

    def emit_AD(self, op, a, d):
        return self.emit(op | (a << 8) | (d << 16))

    def emit_AJ(self, op, a, j):
        return self.emit(op | (a << 8) | (((j + BCBIAS_J) & 0xFFFF) << 16))

    def set_a(self, pc, a):
        bc = self.fs.bc
        bc[pc] = (bc[pc] & ~0xFF00) | (a << 8)

    def set_b(self, pc, b):
        bc = self.fs.bc
        bc[pc] = (bc[pc] & 0x00FFFFFF) | (b << 24)

    def set_d(self, pc, d):
        bc = self.fs.bc
        bc[pc] = (bc[pc] & 0xFFFF) | (d << 16)

    def pop_last(self):
        """fs->pc--: drop the last instruction."""
        fs = self.fs
        fs.pc -= 1
        fs.bc.pop()
        fs.lines.pop()

    # -- Expressions to registers --------------------------------------------------------

    def expr_discharge(self, e):
        k = e.k
        if k == VUPVAL:
            ins = BC_UGET | (e.info << 16)
        elif k == VGLOBAL:
            ins = BC_GGET | (self.const_str(e.val) << 16)
        elif k == VINDEXED:
            rc = e.aux
            if rc < 0:
                ins = BC_TGETS | (e.info << 24) | ((~rc) << 16)
            elif rc > BCMAX_C:
                ins = BC_TGETB | (e.info << 24) | ((rc - BCMAX_C1) << 16)
            else:
                self.bcreg_free(rc)
                ins = BC_TGETV | (e.info << 24) | (rc << 16)
            self.bcreg_free(e.info)
        elif k == VCALL:
            e.info = e.aux
            e.k = VNONRELOC
            return
        elif k == VLOCAL:
            e.k = VNONRELOC
            return
        else:
            return
        e.info = self.emit(ins)
        e.k = VRELOCABLE

    def bcemit_nil(self, frm, n):
        fs = self.fs
        if fs.pc > fs.lasttarget:
            ip = fs.pc - 1
            ins = fs.bc[ip]
            op = ins & 0xFF
            pfrom = (ins >> 8) & 0xFF
            if op == BC_KPRI and (ins >> 16) == VKNIL:
                if frm == pfrom:
                    if n == 1:
                        return
                    fs.bc[ip] = BC_KNIL | (frm << 8) | ((frm + n - 1) << 16)
                    return
                if frm == pfrom + 1:
                    frm = pfrom
                    n += 1
                    fs.bc[ip] = BC_KNIL | (frm << 8) | ((frm + n - 1) << 16)
                    return
            elif op == BC_KNIL:
                pto = ins >> 16
                if pfrom <= frm <= pto + 1:
                    if frm + n - 1 > pto:
                        fs.bc[ip] = (ins & 0xFFFF) | ((frm + n - 1) << 16)
                    return
        if n == 1:
            self.emit(BC_KPRI | (frm << 8) | (VKNIL << 16))
        else:
            self.emit(BC_KNIL | (frm << 8) | ((frm + n - 1) << 16))

    def expr_toreg_nobranch(self, e, reg):
        self.expr_discharge(e)
        k = e.k
        if k == VKSTR:
            ins = BC_KSTR | (reg << 8) | (self.const_str(e.val) << 16)
        elif k == VKNUM:
            n = e.val
            i = _num2int(n)
            if i is not None and -32768 <= i <= 32767:
                ins = BC_KSHORT | (reg << 8) | ((i & 0xFFFF) << 16)
            else:
                ins = BC_KNUM | (reg << 8) | (self.const_num(n) << 16)
        elif k == VRELOCABLE:
            self.set_a(e.info, reg)
            e.info = reg
            e.k = VNONRELOC
            return
        elif k == VNONRELOC:
            if reg == e.info:
                e.k = VNONRELOC
                return
            ins = BC_MOV | (reg << 8) | (e.info << 16)
        elif k == VKNIL:
            self.bcemit_nil(reg, 1)
            e.info = reg
            e.k = VNONRELOC
            return
        elif k <= VKTRUE:
            ins = BC_KPRI | (reg << 8) | (k << 16)
        else:
            return
        self.emit(ins)
        e.info = reg
        e.k = VNONRELOC

    def expr_toreg(self, e, reg):
        self.expr_toreg_nobranch(e, reg)
        if e.k == VJMP:
            e.t = self.jmp_append(e.t, e.info)
        if e.hasjump():
            jfalse = jtrue = NO_JMP
            if self.jmp_novalue(e.t) or self.jmp_novalue(e.f):
                jval = NO_JMP if e.k == VJMP else self.bcemit_jmp()
                jfalse = self.emit_AD(BC_KPRI, reg, VKFALSE)
                self.emit_AJ(BC_JMP, self.fs.freereg, 1)
                jtrue = self.emit_AD(BC_KPRI, reg, VKTRUE)
                self.jmp_tohere(jval)
            jend = self.fs.pc
            self.fs.lasttarget = jend
            self.jmp_patchval(e.f, jend, reg, jfalse)
            self.jmp_patchval(e.t, jend, reg, jtrue)
        e.f = e.t = NO_JMP
        e.info = reg
        e.k = VNONRELOC

    def expr_tonextreg(self, e):
        self.expr_discharge(e)
        self.expr_free(e)
        self.bcreg_reserve(1)
        self.expr_toreg(e, self.fs.freereg - 1)

    def expr_toanyreg(self, e):
        self.expr_discharge(e)
        if e.k == VNONRELOC:
            if not e.hasjump():
                return e.info
            if e.info >= self.fs.nactvar:
                self.expr_toreg(e, e.info)
                return e.info
        self.expr_tonextreg(e)
        return e.info

    def expr_toval(self, e):
        if e.hasjump():
            self.expr_toanyreg(e)
        else:
            self.expr_discharge(e)

    def bcemit_store(self, var, e):
        k = var.k
        if k == VLOCAL:
            self.vstack[var.aux].info |= VSTACK_VAR_RW
            self.expr_free(e)
            self.expr_toreg(e, var.info)
            return
        if k == VUPVAL:
            self.vstack[var.aux].info |= VSTACK_VAR_RW
            self.expr_toval(e)
            if e.k <= VKTRUE:
                ins = BC_USETP | (var.info << 8) | (e.k << 16)
            elif e.k == VKSTR:
                ins = BC_USETS | (var.info << 8) | (self.const_str(e.val) << 16)
            elif e.k == VKNUM:
                ins = BC_USETN | (var.info << 8) | (self.const_num(e.val) << 16)
            else:
                ins = BC_USETV | (var.info << 8) | (self.expr_toanyreg(e) << 16)
        elif k == VGLOBAL:
            ra = self.expr_toanyreg(e)
            ins = BC_GSET | (ra << 8) | (self.const_str(var.val) << 16)
        else:
            ra = self.expr_toanyreg(e)
            rc = var.aux
            if rc < 0:
                ins = BC_TSETS | (ra << 8) | (var.info << 24) | ((~rc) << 16)
            elif rc > BCMAX_C:
                ins = BC_TSETB | (ra << 8) | (var.info << 24) | ((rc - BCMAX_C1) << 16)
            else:
                ins = BC_TSETV | (ra << 8) | (var.info << 24) | (rc << 16)
        self.emit(ins)
        self.expr_free(e)

    def bcemit_method(self, e, key):
        fs = self.fs
        obj = self.expr_toanyreg(e)
        self.expr_free(e)
        func = fs.freereg
        self.emit_AD(BC_MOV, func + 2, obj)
        idx = self.const_str(key)
        if idx <= BCMAX_C:
            self.bcreg_reserve(3)
            self.emit_ABC(BC_TGETS, func, obj, idx)
        else:
            self.bcreg_reserve(4)
            self.emit_AD(BC_KSTR, func + 3, idx)
            self.emit_ABC(BC_TGETV, func, obj, func + 3)
            fs.freereg -= 1
        e.info = func
        e.k = VNONRELOC

    # -- Branches ----------------------------------------------------------------------

    def bcemit_jmp(self):
        fs = self.fs
        jpc = fs.jpc
        j = fs.pc - 1
        fs.jpc = NO_JMP
        if j >= fs.lasttarget and j >= 0 and (fs.bc[j] & 0xFF) == BC_UCLO:
            fs.bc[j] = (fs.bc[j] & 0xFFFF) | ((BCBIAS_J - 1) << 16)
            fs.lasttarget = j + 1
        else:
            j = self.emit_AJ(BC_JMP, fs.freereg, NO_JMP)
        return self.jmp_append(j, jpc)

    def invertcond(self, e):
        bc = self.fs.bc
        bc[e.info - 1] ^= 1

    def bcemit_branch(self, e, cond):
        if e.k == VRELOCABLE:
            ins = self.fs.bc[e.info]
            if (ins & 0xFF) == BC_NOT:
                self.fs.bc[e.info] = (BC_ISF if cond else BC_IST) | (ins & 0xFFFF0000)
                return self.bcemit_jmp()
        if e.k != VNONRELOC:
            self.bcreg_reserve(1)
            self.expr_toreg_nobranch(e, self.fs.freereg - 1)
        self.emit_AD(BC_ISTC if cond else BC_ISFC, NO_REG, e.info)
        pc = self.bcemit_jmp()
        self.expr_free(e)
        return pc

    def bcemit_branch_t(self, e):
        self.expr_discharge(e)
        k = e.k
        if k == VKSTR or k == VKNUM or k == VKTRUE:
            pc = NO_JMP
        elif k == VJMP:
            self.invertcond(e)
            pc = e.info
        elif k == VKFALSE or k == VKNIL:
            self.expr_toreg_nobranch(e, NO_REG)
            pc = self.bcemit_jmp()
        else:
            pc = self.bcemit_branch(e, 0)
        e.f = self.jmp_append(e.f, pc)
        self.jmp_tohere(e.t)
        e.t = NO_JMP

    def bcemit_branch_f(self, e):
        self.expr_discharge(e)
        k = e.k
        if k == VKNIL or k == VKFALSE:
            pc = NO_JMP
        elif k == VJMP:
            pc = e.info
        elif k == VKSTR or k == VKNUM or k == VKTRUE:
            self.expr_toreg_nobranch(e, NO_REG)
            pc = self.bcemit_jmp()
        else:
            pc = self.bcemit_branch(e, 1)
        e.t = self.jmp_append(e.t, pc)
        self.jmp_tohere(e.f)
        e.f = NO_JMP

    # -- Operators -------------------------------------------------------------------------

    def foldarith(self, opr, e1, e2):
        if not e1.isnumk_nojump() or not e2.isnumk_nojump():
            return False
        n = ARITH[opr](e1.val, e2.val)
        if not _fold_ok(n):
            return False
        e1.val = n
        return True

    def bcemit_arith(self, opr, e1, e2):
        fs = self.fs
        if self.foldarith(opr, e1, e2):
            return
        if opr == A.OPR_POW:
            op = BC_POW
            rc = self.expr_toanyreg(e2)
            rb = self.expr_toanyreg(e1)
        else:
            op = opr - A.OPR_ADD + BC_ADDVV
            self.expr_toval(e2)
            if e2.k == VKNUM and self.const_num(e2.val) <= BCMAX_C:
                rc = self.const_num(e2.val)
                op -= BC_ADDVV - BC_ADDVN
            else:
                rc = self.expr_toanyreg(e2)
            self.expr_toval(e1)
            if e1.k == VKNUM and e2.k != VKNUM and self.const_num(e1.val) <= BCMAX_B:
                rb = rc
                rc = self.const_num(e1.val)
                op -= BC_ADDVV - BC_ADDNV
            else:
                rb = self.expr_toanyreg(e1)
        if e1.k == VNONRELOC and e1.info >= fs.nactvar:
            fs.freereg -= 1
        if e2.k == VNONRELOC and e2.info >= fs.nactvar:
            fs.freereg -= 1
        e1.info = self.emit_ABC(op, 0, rb, rc)
        e1.k = VRELOCABLE

    def bcemit_comp(self, opr, e1, e2):
        fs = self.fs
        eret = e1
        self.expr_toval(e1)
        if opr == A.OPR_EQ or opr == A.OPR_NE:
            op = BC_ISEQV if opr == A.OPR_EQ else BC_ISNEV
            if e1.isk():
                e1, e2 = e2, e1
            ra = self.expr_toanyreg(e1)
            self.expr_toval(e2)
            k = e2.k
            if k <= VKTRUE:
                ins = (op + (BC_ISEQP - BC_ISEQV)) | (ra << 8) | (k << 16)
            elif k == VKSTR:
                ins = (op + 2) | (ra << 8) | (self.const_str(e2.val) << 16)
            elif k == VKNUM:
                ins = (op + 4) | (ra << 8) | (self.const_num(e2.val) << 16)
            else:
                ins = op | (ra << 8) | (self.expr_toanyreg(e2) << 16)
        else:
            op = opr - A.OPR_LT + BC_ISLT
            if (op - BC_ISLT) & 1:
                e1, e2 = e2, e1
                op = ((op - BC_ISLT) ^ 3) + BC_ISLT
                self.expr_toval(e1)
                ra = self.expr_toanyreg(e1)
                rd = self.expr_toanyreg(e2)
            else:
                rd = self.expr_toanyreg(e2)
                ra = self.expr_toanyreg(e1)
            ins = op | (ra << 8) | (rd << 16)
        if e1.k == VNONRELOC and e1.info >= fs.nactvar:
            fs.freereg -= 1
        if e2.k == VNONRELOC and e2.info >= fs.nactvar:
            fs.freereg -= 1
        self.emit(ins)
        eret.info = self.bcemit_jmp()
        eret.k = VJMP

    def bcemit_binop_left(self, op, e):
        if op == A.OPR_AND:
            self.bcemit_branch_t(e)
        elif op == A.OPR_OR:
            self.bcemit_branch_f(e)
        elif op == A.OPR_CONCAT:
            self.expr_tonextreg(e)
        elif op == A.OPR_EQ or op == A.OPR_NE:
            if not e.isk_nojump():
                self.expr_toanyreg(e)
        else:
            if not e.isnumk_nojump():
                self.expr_toanyreg(e)

    def bcemit_binop(self, op, e1, e2):
        if op <= A.OPR_POW:
            self.bcemit_arith(op, e1, e2)
        elif op == A.OPR_AND:
            self.expr_discharge(e2)
            e2.f = self.jmp_append(e2.f, e1.f)
            e1.copy_from(e2)
        elif op == A.OPR_OR:
            self.expr_discharge(e2)
            e2.t = self.jmp_append(e2.t, e1.t)
            e1.copy_from(e2)
        elif op == A.OPR_CONCAT:
            self.expr_toval(e2)
            bc = self.fs.bc
            if e2.k == VRELOCABLE and (bc[e2.info] & 0xFF) == BC_CAT:
                self.expr_free(e1)
                self.set_b(e2.info, e1.info)
                e1.info = e2.info
            else:
                self.expr_tonextreg(e2)
                self.expr_free(e2)
                self.expr_free(e1)
                e1.info = self.emit_ABC(BC_CAT, 0, e1.info, e2.info)
            e1.k = VRELOCABLE
        else:
            self.bcemit_comp(op, e1, e2)

    def bcemit_unop(self, op, e):
        if op == BC_NOT:
            e.f, e.t = e.t, e.f
            self.jmp_dropval(e.f)
            self.jmp_dropval(e.t)
            self.expr_discharge(e)
            if e.k == VKNIL or e.k == VKFALSE:
                e.k = VKTRUE
                return
            if e.isk():
                e.k = VKFALSE
                return
            if e.k == VJMP:
                self.invertcond(e)
                return
            if e.k == VRELOCABLE:
                self.bcreg_reserve(1)
                self.set_a(e.info, self.fs.freereg - 1)
                e.info = self.fs.freereg - 1
                e.k = VNONRELOC
        else:
            if op == BC_UNM and not e.hasjump():
                if e.k == VKNUM and e.val != 0:
                    e.val = -e.val
                    return
            self.expr_toanyreg(e)
        self.expr_free(e)
        e.info = self.emit_AD(op, 0, e.info)
        e.k = VRELOCABLE

    # -- Variables ---------------------------------------------------------------------

    def var_new(self, n, name, var=None):
        fs = self.fs
        vtop = self.vtop
        info = VarInfo(name)
        if vtop < len(self.vstack):
            self.vstack[vtop] = info
        else:
            self.vstack.append(info)
        reg = fs.nactvar + n
        while len(fs.varmap) <= reg:
            fs.varmap.append(0)
        fs.varmap[reg] = vtop
        if var is not None:
            self.vidx[var] = vtop
        self.vtop = vtop + 1

    def var_add(self, nvars):
        fs = self.fs
        nactvar = fs.nactvar
        for _ in range(nvars):
            v = self.vstack[fs.varmap[nactvar]]
            v.startpc = fs.pc
            v.slot = nactvar
            v.info = 0
            nactvar += 1
        fs.nactvar = nactvar

    def var_remove(self, tolevel):
        fs = self.fs
        while fs.nactvar > tolevel:
            fs.nactvar -= 1
            self.vstack[fs.varmap[fs.nactvar]].endpc = fs.pc

    def var_lookup_uv(self, fs, vidx, e):
        for i, u in enumerate(fs.uvmap):
            if u == vidx:
                return i
        fs.uvmap.append(vidx)
        fs.uvtmp.append(vidx if e.k == VLOCAL else LJ_MAX_VSTACK + e.info)
        return len(fs.uvmap) - 1

    def var_lookup_(self, fs, var, e, first):
        """Resolve `var` (bound by scopes) as seen from fs, LuaJIT's recursion."""
        if fs.info is var.func:
            vidx = self.vidx[var]
            reg = self.vstack[vidx].slot
            e.init(VLOCAL, reg)
            if not first:
                self.fscope_uvmark(fs, reg)
            e.aux = vidx
            return vidx
        vidx = self.var_lookup_(fs.prev, var, e, False)
        e.info = self.var_lookup_uv(fs, vidx, e)
        e.k = VUPVAL
        return vidx

    def var_lookup(self, node, e):
        self.tk = node.first
        var = node.var
        if var is None:
            e.init(VGLOBAL, 0)
            e.val = node.name.encode("utf-8", "surrogateescape")
        else:
            self.var_lookup_(self.fs, var, e, True)

    # -- Scopes -------------------------------------------------------------------------

    def fscope_begin(self, flags):
        fs = self.fs
        bl = FuncScope()
        bl.nactvar = fs.nactvar
        bl.flags = flags
        bl.vstart = self.vtop
        bl.prev = fs.bl
        fs.bl = bl
        return bl

    def fscope_end(self):
        fs = self.fs
        bl = fs.bl
        fs.bl = bl.prev
        self.var_remove(bl.nactvar)
        fs.freereg = fs.nactvar
        if (bl.flags & (FSCOPE_UPVAL | FSCOPE_NOCLOSE)) == FSCOPE_UPVAL:
            self.emit_AJ(BC_UCLO, bl.nactvar, 0)
        if bl.flags & FSCOPE_BREAK:
            if bl.flags & FSCOPE_LOOP:
                idx = self.gola_new(NAME_BREAK, VSTACK_LABEL, fs.pc)
                self.vtop = idx
                self.gola_resolve(bl, idx)
            else:
                self.gola_fixup(bl)
                return
        if bl.flags & FSCOPE_GOLA:
            self.gola_fixup(bl)

    def fscope_uvmark(self, fs, level):
        bl = fs.bl
        while bl is not None and bl.nactvar > level:
            bl = bl.prev
        if bl is not None:
            bl.flags |= FSCOPE_UPVAL

    # -- Gotos and labels ----------------------------------------------------------------

    def gola_new(self, name, info, pc):
        vtop = self.vtop
        v = VarInfo(name)
        v.startpc = pc
        v.slot = self.fs.nactvar
        v.info = info
        if vtop < len(self.vstack):
            self.vstack[vtop] = v
        else:
            self.vstack.append(v)
        self.vtop = vtop + 1
        return vtop

    def gola_patch(self, vg, vl):
        pc = vg.startpc
        vg.name = None
        self.set_a(pc, vl.slot)
        self.jmp_patch(pc, vl.startpc)

    def gola_close(self, vg):
        fs = self.fs
        pc = vg.startpc
        self.set_a(pc, vg.slot)
        if (fs.bc[pc] & 0xFF) == BC_JMP:
            nxt = self.jmp_next(pc)
            if nxt != NO_JMP:
                self.jmp_patch(nxt, pc)
            fs.bc[pc] = (fs.bc[pc] & ~0xFF & 0xFFFF) | BC_UCLO | ((BCBIAS_J - 1) << 16)

    def gola_resolve(self, bl, idx):
        vl = self.vstack[idx]
        for i in range(bl.vstart, idx):
            vg = self.vstack[i]
            if vg.name is not None and vg.name == vl.name and (vg.info & VSTACK_GOTO):
                self.gola_patch(vg, vl)

    def gola_fixup(self, bl):
        for i in range(bl.vstart, self.vtop):
            v = self.vstack[i]
            name = v.name
            if name is None:
                continue
            if v.info & VSTACK_LABEL:
                v.name = None
                for j in range(i + 1, self.vtop):
                    vg = self.vstack[j]
                    if vg.name == name and (vg.info & VSTACK_GOTO):
                        if (bl.flags & FSCOPE_UPVAL) and vg.slot > v.slot:
                            self.gola_close(vg)
                        self.gola_patch(vg, v)
            elif v.info & VSTACK_GOTO:
                bl.prev.flags |= FSCOPE_BREAK if name is NAME_BREAK else FSCOPE_GOLA
                v.slot = bl.nactvar
                if bl.flags & FSCOPE_UPVAL:
                    self.gola_close(v)

    def gola_findlabel(self, name):
        for i in range(self.fs.bl.vstart, self.vtop):
            v = self.vstack[i]
            if v.name == name and (v.info & VSTACK_LABEL):
                return v
        return None

    # -- Functions -------------------------------------------------------------------------

    def fs_init(self, info, linedefined):
        fs = FuncState(self.fs, info)
        fs.vbase = self.vtop
        fs.linedefined = linedefined
        self.fs = fs
        return fs

    def fs_fixup_ret(self):
        fs = self.fs
        lastpc = fs.pc
        if lastpc <= fs.lasttarget or not _is_return(fs.bc[lastpc - 1] & 0xFF):
            if fs.bl.flags & FSCOPE_UPVAL:
                self.emit_AJ(BC_UCLO, 0, 0)
            self.emit_AD(BC_RET0, 0, 1)
        fs.bl.flags |= FSCOPE_NOCLOSE
        self.fscope_end()
        if fs.flags & PROTO_FIXUP_RETURN:
            for pc in range(1, lastpc):
                ins = fs.bc[pc]
                op = ins & 0xFF
                if _is_return(op):
                    offset = self.emit(ins)
                    fs.lines[offset] = fs.lines[pc]
                    offset = offset - (pc + 1) + BCBIAS_J
                    if offset > BCMAX_D:
                        self.err_syntax("function too long for return fixup")
                    fs.bc[pc] = BC_UCLO | (offset << 16)
                elif op == BC_FNEW:
                    break

    def fs_finish(self, line) -> Proto:
        fs = self.fs
        self.fs_fixup_ret()
        pt = Proto()
        pt.chunkname = self.chunkname
        pt.firstline = fs.linedefined
        pt.numline = line - fs.linedefined
        pt.numparams = fs.numparams
        pt.framesize = fs.framesize
        pt.flags = fs.flags & ~(PROTO_HAS_RETURN | PROTO_FIXUP_RETURN)
        fs.bc[0] = (BC_FUNCV if fs.flags & PROTO_VARARG else BC_FUNCF) | (fs.framesize << 8)
        pt.code = fs.bc
        fs.lines[0] = fs.linedefined
        pt.lineinfo = fs.lines
        if len(fs.knum) > BCMAX_D + 1 or len(fs.kgc) > BCMAX_D + 1:
            self.err_limit(BCMAX_D + 1, "constants")
        pt.kn = [0.0] * len(fs.knum)
        for n, i in fs.knum.items():
            pt.kn[i] = float(n)
        pt.kgc = fs.kgc
        for k in fs.kgc:
            if isinstance(k, Proto):
                self.fs_fixup_uv2(k)
        pt.uv = list(fs.uvtmp)
        pt.uvnames = [self.vstack[i].name for i in fs.uvmap]
        pt.varinfo = [(v.name, v.startpc, v.endpc)
                      for v in self.vstack[fs.vbase:self.vtop]
                      if not (v.info & (VSTACK_GOTO | VSTACK_LABEL))]
        self.vtop = fs.vbase
        self.fs = fs.prev
        return pt

    def fs_fixup_uv2(self, child):
        uv = child.uv
        for i, vidx in enumerate(uv):
            if vidx >= LJ_MAX_VSTACK:
                uv[i] = vidx - LJ_MAX_VSTACK
            elif self.vstack[vidx].info & VSTACK_VAR_RW:
                uv[i] = self.vstack[vidx].slot | PROTO_UV_LOCAL
            else:
                uv[i] = self.vstack[vidx].slot | PROTO_UV_LOCAL | PROTO_UV_IMMUTABLE

    def parse_body(self, node, e, needself, line):
        """A function body; FNEW in the enclosing function."""
        pfs = self.fs
        fs = self.fs_init(node.scope, line)
        self.fscope_begin(0)
        fs.numparams = self.parse_params(node, needself)
        self.emit_AD(BC_FUNCF, 0, 0)  # placeholder for the header
        self.parse_chunk(node.body)
        self.tk = node.last
        end_line = self.eline[node.last]
        pt = self.fs_finish(end_line)
        kidx = self.const_gc(pt)
        e.init(VRELOCABLE, self.emit_AD(BC_FNEW, 0, kidx))
        if not (pfs.flags & PROTO_CHILD):
            if pfs.flags & PROTO_HAS_RETURN:
                pfs.flags |= PROTO_FIXUP_RETURN
            pfs.flags |= PROTO_CHILD

    def parse_params(self, node, needself):
        fs = self.fs
        self.tk = node.lparen
        nparams = 0
        params = node.params
        for p in params:
            self.var_new(nparams, p.name, p.var)
            nparams += 1
        if node.is_vararg:
            fs.flags |= PROTO_VARARG
        self.var_add(nparams)
        self.bcreg_reserve(nparams)
        self.tk = node.body.first - 1  # ')'
        return nparams

    # -- Expression compilers -------------------------------------------------------------

    def expr(self, node, e):
        """expr(): compile an expression into e. Afterwards tk == node.last.

        The left spine of suffix and operator chains (a.b.c, f()(), a + b + c) is
        walked in a loop, as LuaJIT's parser loops over them: they nest without
        limit, so recursing on them would exhaust Python's stack.
        """
        t = type(node)
        if t in _SPINE:
            spine = []
            while t in _SPINE:
                spine.append(node)
                node = node.left if t is A.BinOp else node.func if t is A.Call else node.obj
                t = type(node)
            _EXPR[t](self, node, e)
            self.tk = node.last
            for node in reversed(spine):
                _SPINE[type(node)](self, node, e)
                self.tk = node.last
            return
        h = _EXPR[t]
        h(self, node, e)
        self.tk = node.last

    def expr_binop(self, node, e):
        self.expr(node.left, e)
        self.binop_rest(node, e)

    def binop_rest(self, node, e):
        """The rest of expr_binop once the left operand is in e."""
        op = node.op
        self.tk = node.left.last + 1
        self.bcemit_binop_left(op, e)
        e2 = ExpDesc()
        self.expr(node.right, e2)
        self.bcemit_binop(op, e, e2)

    def e_UnOp(self, node, e):
        self.tk = node.first
        self.expr(node.operand, e)
        op = node.op
        self.bcemit_unop(BC_NOT if op == A.OPU_NOT else BC_UNM if op == A.OPU_NEG else BC_LEN, e)

    def e_Number(self, node, e):
        e.init(VKNUM, 0)
        e.val = node.value

    def e_String(self, node, e):
        e.init(VKSTR, 0)
        e.val = node.value

    def e_Nil(self, node, e):
        e.init(VKNIL, 0)

    def e_TrueLit(self, node, e):
        e.init(VKTRUE, 0)

    def e_FalseLit(self, node, e):
        e.init(VKFALSE, 0)

    def e_Vararg(self, node, e):
        fs = self.fs
        self.tk = node.first - 1
        self.bcreg_reserve(1)
        base = fs.freereg - 1
        e.init(VCALL, self.emit_ABC(BC_VARG, base, 2, fs.numparams))
        e.aux = base

    def e_Function(self, node, e):
        self.tk = node.first
        self.parse_body(node, e, False, self.eline[node.lparen])

    def e_Name(self, node, e):
        self.var_lookup(node, e)

    def e_Paren(self, node, e):
        self.tk = node.first
        self.expr(node.expr, e)
        self.tk = node.last
        self.expr_discharge(e)

    def e_Index(self, node, e):
        self.expr(node.obj, e)
        self.index_rest(node, e)

    def index_rest(self, node, e):
        """The rest of e_Index once the object is in e."""
        if node.dot:
            self.expr_field(node, e)
        else:
            self.expr_toanyreg(e)
            key = ExpDesc()
            self.expr_bracket(node.key, key)
            self.tk = node.last
            self.expr_index(e, key)

    def expr_field(self, node, e):
        """e.name where e is compiled; tk is at the token before '.' or ':'."""
        self.expr_toanyreg(e)
        self.tk = node.key.first
        key = ExpDesc(VKSTR)
        key.val = node.key.value
        self.expr_index(e, key)

    def expr_bracket(self, key_node, key):
        self.tk = key_node.first - 1
        self.expr(key_node, key)
        self.expr_toval(key)
        self.tk = key_node.last + 1

    def expr_index(self, t, e):
        t.k = VINDEXED
        if e.k == VKNUM:
            n = e.val
            k = _num2int(n)
            if k is not None and 0 <= k <= 255:
                t.aux = BCMAX_C1 + k
                return
        elif e.k == VKSTR:
            idx = self.const_str(e.val)
            if idx <= BCMAX_C:
                t.aux = ~idx
                return
        t.aux = self.expr_toanyreg(e)

    def e_Call(self, node, e):
        self.expr(node.func, e)
        self.call_rest(node, e)

    def call_rest(self, node, e):
        """The rest of e_Call once the function is in e."""
        self.expr_tonextreg(e)
        self.bcreg_reserve(1)
        self.parse_args(node, e)

    def e_Method(self, node, e):
        self.expr(node.obj, e)
        self.method_rest(node, e)

    def method_rest(self, node, e):
        """The rest of e_Method once the object is in e."""
        self.tk = node.name.first
        self.bcemit_method(e, node.name.value)
        self.parse_args(node, e)

    def parse_args(self, node, e):
        fs = self.fs
        first = node.args_first
        line = self.eline[first]
        kind = self.toks.kind[first]
        args = ExpDesc()
        if kind == 40:  # '('
            self.tk = first
            if not node.args:
                args.k = VVOID
            else:
                self.expr_list(node.args, args)
                if args.k == VCALL:
                    self.set_b(args.info, 0)
            self.tk = node.last
        elif kind == 123:  # '{'
            self.expr(node.args[0], args)
        else:
            args.init(VKSTR, 0)
            args.val = node.args[0].value
            self.tk = first
        base = e.info
        if args.k == VCALL:
            ins = BC_CALLM | (base << 8) | (2 << 24) | ((args.aux - base - 2) << 16)
        else:
            if args.k != VVOID:
                self.expr_tonextreg(args)
            ins = BC_CALL | (base << 8) | (2 << 24) | ((fs.freereg - base - 1) << 16)
        e.init(VCALL, self.emit(ins))
        e.aux = base
        fs.lines[fs.pc - 1] = line
        fs.freereg = base + 1

    def expr_list(self, nodes, e):
        """Compile an expression list; the last one stays open in e. Returns the count."""
        self.expr(nodes[0], e)
        for node in nodes[1:]:
            self.tk = node.first - 1
            self.expr_tonextreg(e)
            self.expr(node, e)
        return len(nodes)

    def e_Table(self, node, e):
        fs = self.fs
        t = None
        vcall = needarr = False
        narr = 1
        nhash = 0
        freg = fs.freereg
        self.tk = node.first - 1
        pc = self.emit_AD(BC_TNEW, freg, 0)
        e.init(VNONRELOC, freg)
        self.bcreg_reserve(1)
        freg += 1
        self.tk = node.first
        for item in node.items:
            vcall = False
            key = ExpDesc()
            if item.kind == A.ITEM_KEYED:
                self.expr_bracket(item.key, key)
                if not key.isk():
                    self.expr_index(e, key)
                if key.k == VKNUM and key.val == 0:
                    needarr = True
                else:
                    nhash += 1
                self.tk = item.key.last + 2
            elif item.kind == A.ITEM_NAMED:
                key.init(VKSTR, 0)
                key.val = item.key.value
                self.tk = item.key.first + 1
                nhash += 1
            else:
                key.init(VKNUM, 0)
                key.val = float(narr)
                narr += 1
                needarr = vcall = True
            if self.toks.kind[item.first] in _NAME_TOKENS:
                self.look = item.first
            val = ExpDesc()
            self.expr(item.value, val)
            nonconst = True
            if key.isk() and key.k != VKNIL and (key.k == VKSTR or val.isk_nojump()):
                if t is None:
                    t = TemplateTable(narr if needarr else 0, hsize2hbits(nhash))
                    kidx = self.const_gc(t)
                    fs.bc[pc] = BC_TDUP | ((freg - 1) << 8) | (kidx << 16)
                vcall = False
                kv = _kvalue(key)
                if val.isk_nojump():
                    t.sets.append((kv, _kvalue(val)))
                    nonconst = False
                else:
                    t.sets.append((kv, TemplateTable.DUMMY))
            if nonconst:
                if val.k != VCALL:
                    self.expr_toanyreg(val)
                    vcall = False
                if key.isk():
                    self.expr_index(e, key)
                self.bcemit_store(e, val)
            fs.freereg = freg
            if item.last + 1 < node.last:
                self.tk = item.last + 1
        self.tk = node.last
        if vcall:
            ilp = fs.pc - 1
            en = float(2 ** 52 + narr - 1)
            if narr > 256:
                self.pop_last()
                ilp -= 1
            fs.bc[ilp] = BC_TSETM | (freg << 8) | (self.const_num(en) << 16)
            fs.bc[ilp - 1] &= 0x00FFFFFF
        if pc == fs.pc - 1:
            e.info = pc
            fs.freereg -= 1
            e.k = VRELOCABLE
        else:
            e.k = VNONRELOC
        if t is None:
            if not needarr:
                narr = 0
            elif narr < 3:
                narr = 3
            elif narr > 0x7FF:
                narr = 0x7FF
            self.set_d(pc, narr | (hsize2hbits(nhash) << 11))
        elif needarr:
            t.reasize = narr - 1

    # -- Statements -------------------------------------------------------------------------

    def parse_chunk(self, block):
        """The statements of a block; registers are freed after each one."""
        fs = self.fs
        stats = block.stats
        i = 0
        n = len(stats)
        while i < n:
            stat = stats[i]
            if type(stat) is A.Label:
                i = self.parse_label_run(stats, i)
                last = stats[i - 1]
            else:
                if self.toks.kind[stat.first] == TK_goto and type(stat) is not A.Goto:
                    self.look = stat.first
                _STAT[type(stat)](self, stat)
                i += 1
                last = stat
            if self.toks.kind[last.last + 1] == 59:  # ';'
                self.tk = last.last + 1
            fs.freereg = fs.nactvar

    def parse_block(self, block):
        self.fscope_begin(0)
        self.parse_chunk(block)
        self.tk = block.last
        self.fscope_end()

    def s_Local(self, node):
        self.tk = node.first
        names = node.names
        for i, n in enumerate(names):
            self.tk = n.first
            self.var_new(i, n.name, n.var)
        e = ExpDesc()
        if node.exprs:
            self.tk = names[-1].last + 1
            nexps = self.expr_list(node.exprs, e)
        else:
            e.k = VVOID
            nexps = 0
        self.assign_adjust(len(names), nexps, e)
        self.var_add(len(names))

    def s_LocalFunction(self, node):
        fs = self.fs
        self.tk = node.name.first
        self.var_new(0, node.name.name, node.name.var)
        v = ExpDesc(VLOCAL, fs.freereg)
        v.aux = fs.varmap[fs.freereg]
        self.bcreg_reserve(1)
        self.var_add(1)
        b = ExpDesc()
        func = node.func
        self.tk = func.first
        self.parse_body(func, b, False, self.eline[func.lparen])
        self.expr_free(b)
        self.expr_toreg(b, v.info)
        self.vstack[fs.varmap[fs.nactvar - 1]].startpc = fs.pc

    def s_FunctionStat(self, node):
        fs = self.fs
        line = self.eline[node.first]
        v = ExpDesc()
        self.primary_target(node.target, v, node.is_method)
        b = ExpDesc()
        self.parse_body(node.func, b, node.is_method, line)
        self.bcemit_store(v, b)
        fs.lines[fs.pc - 1] = line

    def primary_target(self, target, v, is_method):
        """The name of a function statement: a.b.c or a.b:c."""
        chain = []                  # a loop: a.b.c.d... may be arbitrarily long
        while type(target) is not A.Name:
            chain.append(target)
            target = target.obj
        self.var_lookup(target, v)
        for t in reversed(chain):
            self.expr_field(t, v)

    def assign_hazard(self, lhs, v):
        fs = self.fs
        reg = v.info
        tmp = fs.freereg
        hazard = False
        for lh in lhs:
            if lh.k == VINDEXED:
                if lh.info == reg:
                    hazard = True
                    lh.info = tmp
                if lh.aux == reg:
                    hazard = True
                    lh.aux = tmp
        if hazard:
            self.emit_AD(BC_MOV, tmp, reg)
            self.bcreg_reserve(1)

    def assign_adjust(self, nvars, nexps, e):
        fs = self.fs
        extra = nvars - nexps
        if e.k == VCALL:
            extra += 1
            if extra < 0:
                extra = 0
            self.set_b(e.info, extra + 1)
            if extra > 1:
                self.bcreg_reserve(extra - 1)
        else:
            if e.k != VVOID:
                self.expr_tonextreg(e)
            if extra > 0:
                reg = fs.freereg
                self.bcreg_reserve(extra)
                self.bcemit_nil(reg, extra)
        if nexps > nvars:
            fs.freereg -= nexps - nvars

    def s_Assign(self, node):
        fs = self.fs
        lhs = []
        for i, target in enumerate(node.targets):
            v = ExpDesc()
            self.expr(target, v)
            if i > 0 and v.k == VLOCAL:
                self.assign_hazard(lhs, v)
            lhs.append(v)
            if i + 1 < len(node.targets):
                self.tk = target.last + 1
        nvars = len(lhs)
        self.tk = node.targets[-1].last + 1
        e = ExpDesc()
        nexps = self.expr_list(node.exprs, e)
        if nexps == nvars:
            if e.k == VCALL:
                if (fs.bc[e.info] & 0xFF) == BC_VARG:
                    fs.freereg -= 1
                    e.k = VRELOCABLE
                else:
                    e.info = e.aux
                    e.k = VNONRELOC
            self.bcemit_store(lhs[-1], e)
            rest = lhs[:-1]
        else:
            self.assign_adjust(nvars, nexps, e)
            rest = lhs
        for v in reversed(rest):
            e = ExpDesc(VNONRELOC, fs.freereg - 1)
            self.bcemit_store(v, e)

    def s_CallStat(self, node):
        v = ExpDesc()
        self.expr(node.call, v)
        self.set_b(v.info, 1)

    def s_Do(self, node):
        self.tk = node.first
        self.parse_block(node.body)
        self.tk = node.last

    def expr_cond(self, node):
        v = ExpDesc()
        self.expr(node, v)
        if v.k == VKNIL:
            v.k = VKFALSE
        self.bcemit_branch_t(v)
        return v.f

    def s_While(self, node):
        fs = self.fs
        self.tk = node.first
        start = fs.lasttarget = fs.pc
        condexit = self.expr_cond(node.cond)
        self.fscope_begin(FSCOPE_LOOP)
        self.tk = node.cond.last + 1
        loop = self.emit_AD(BC_LOOP, fs.nactvar, 0)
        self.parse_block(node.body)
        self.jmp_patch(self.bcemit_jmp(), start)
        self.tk = node.last
        self.fscope_end()
        self.jmp_tohere(condexit)
        self.jmp_patchins(loop, fs.pc)

    def s_Repeat(self, node):
        fs = self.fs
        loop = fs.lasttarget = fs.pc
        self.fscope_begin(FSCOPE_LOOP)
        bl2 = self.fscope_begin(0)
        self.tk = node.first
        self.emit_AD(BC_LOOP, fs.nactvar, 0)
        self.parse_chunk(node.body)
        self.tk = node.cond.first - 1
        condexit = self.expr_cond(node.cond)
        if not (bl2.flags & FSCOPE_UPVAL):
            self.fscope_end()
        else:
            self.parse_break()
            self.jmp_tohere(condexit)
            self.fscope_end()
            condexit = self.bcemit_jmp()
        self.jmp_patch(condexit, loop)
        self.jmp_patchins(loop, fs.pc)
        self.fscope_end()

    def s_NumFor(self, node):
        fs = self.fs
        line = self.eline[node.first]
        self.fscope_begin(FSCOPE_LOOP)
        self.tk = node.var.first
        base = fs.freereg
        for i, name in enumerate(HIDDEN_FOR_NUM):
            self.var_new(i, name)
        self.var_new(3, node.var.name, node.var.var)
        self.tk = node.var.first + 1
        self.expr_next(node.start)
        self.tk = node.start.last + 1
        self.expr_next(node.stop)
        if node.step is not None:
            self.tk = node.stop.last + 1
            self.expr_next(node.step)
        else:
            self.emit_AD(BC_KSHORT, fs.freereg, 1)
            self.bcreg_reserve(1)
        self.var_add(3)
        self.tk = node.body.first - 1
        loop = self.emit_AJ(BC_FORI, base, NO_JMP)
        self.fscope_begin(0)
        self.var_add(1)
        self.bcreg_reserve(1)
        self.parse_block(node.body)
        self.fscope_end()
        loopend = self.emit_AJ(BC_FORL, base, NO_JMP)
        fs.lines[loopend] = line
        self.jmp_patchins(loopend, loop + 1)
        self.jmp_patchins(loop, fs.pc)
        self.tk = node.last
        self.fscope_end()

    def expr_next(self, node):
        e = ExpDesc()
        self.expr(node, e)
        self.expr_tonextreg(e)

    def predict_next(self, pc):
        fs = self.fs
        ins = fs.bc[pc]
        op = ins & 0xFF
        d = ins >> 16
        if op == BC_MOV:
            name = self.vstack[fs.varmap[d]].name
        elif op == BC_UGET:
            name = self.vstack[fs.uvmap[d]].name
        elif op == BC_GGET:
            return fs.kgc[d] in (b"pairs", b"next")
        else:
            return False
        return name in ("pairs", "next")

    def s_GenFor(self, node):
        fs = self.fs
        self.fscope_begin(FSCOPE_LOOP)
        names = node.names
        self.tk = names[0].first
        base = fs.freereg + 3
        exprpc = fs.pc
        for i, name in enumerate(HIDDEN_FOR_GEN):
            self.var_new(i, name)
        for i, n in enumerate(names):
            self.tk = n.first
            self.var_new(3 + i, n.name, n.var)
        nvars = 3 + len(names)
        exprs = node.exprs
        self.tk = exprs[0].first - 1
        line = self.eline[exprs[0].first]
        e = ExpDesc()
        self.assign_adjust(3, self.expr_list(exprs, e), e)
        self.bcreg_bump(3 + 1)
        isnext = nvars <= 5 and exprpc < fs.pc and self.predict_next(exprpc)
        self.var_add(3)
        self.tk = node.body.first - 1
        loop = self.emit_AJ(BC_ISNEXT if isnext else BC_JMP, base, NO_JMP)
        self.fscope_begin(0)
        self.var_add(nvars - 3)
        self.bcreg_reserve(nvars - 3)
        self.parse_block(node.body)
        self.fscope_end()
        self.jmp_patchins(loop, fs.pc)
        self.emit_ABC(BC_ITERN if isnext else BC_ITERC, base, nvars - 3 + 1, 3)
        loopend = self.emit_AJ(BC_ITERL, base, NO_JMP)
        fs.lines[loopend - 1] = line
        fs.lines[loopend] = line
        self.jmp_patchins(loopend, loop + 1)
        self.tk = node.last
        self.fscope_end()

    def s_If(self, node):
        escapelist = NO_JMP
        flist = self.parse_then(node.tests[0], node.blocks[0])
        for test, block in zip(node.tests[1:], node.blocks[1:]):
            escapelist = self.jmp_append(escapelist, self.bcemit_jmp())
            self.jmp_tohere(flist)
            flist = self.parse_then(test, block)
        if node.orelse is not None:
            escapelist = self.jmp_append(escapelist, self.bcemit_jmp())
            self.jmp_tohere(flist)
            self.tk = node.orelse.first - 1
            self.parse_block(node.orelse)
        else:
            escapelist = self.jmp_append(escapelist, flist)
        self.jmp_tohere(escapelist)
        self.tk = node.last

    def parse_then(self, test, block):
        self.tk = test.first - 1
        condexit = self.expr_cond(test)
        self.tk = test.last + 1
        self.parse_block(block)
        return condexit

    def s_Return(self, node):
        fs = self.fs
        self.tk = node.first
        fs.flags |= PROTO_HAS_RETURN
        if not node.exprs:
            ins = BC_RET0 | (1 << 16)
        else:
            e = ExpDesc()
            nret = self.expr_list(node.exprs, e)
            if nret == 1 and e.k == VCALL and (fs.bc[e.info] & 0xFF) != BC_VARG:
                ip = fs.bc[e.info]
                self.pop_last()
                ins = ((ip & 0xFF) - BC_CALL + BC_CALLT) | (ip & 0xFF00) | (((ip >> 16) & 0xFF) << 16)
            elif nret == 1 and e.k != VCALL:
                ins = BC_RET1 | (self.expr_toanyreg(e) << 8) | (2 << 16)
            elif e.k == VCALL:
                self.set_b(e.info, 0)
                ins = BC_RETM | (fs.nactvar << 8) | ((e.aux - fs.nactvar) << 16)
            else:
                self.expr_tonextreg(e)
                ins = BC_RET | (fs.nactvar << 8) | ((nret + 1) << 16)
        if fs.flags & PROTO_CHILD:
            self.emit_AJ(BC_UCLO, 0, 0)
        self.emit(ins)

    def parse_break(self):
        self.fs.bl.flags |= FSCOPE_BREAK
        self.gola_new(NAME_BREAK, VSTACK_GOTO, self.bcemit_jmp())

    def s_Break(self, node):
        self.tk = node.first
        self.parse_break()

    def s_Goto(self, node):
        fs = self.fs
        self.tk = node.last
        name = node.label
        vl = self.gola_findlabel(name)
        if vl is not None:
            self.emit_AJ(BC_LOOP, vl.slot, -1)
        fs.bl.flags |= FSCOPE_GOLA
        self.gola_new(name, VSTACK_GOTO, self.bcemit_jmp())

    def parse_label_run(self, stats, i):
        """parse_label with its trailing labels (recursive in LuaJIT). Returns next index."""
        fs = self.fs
        node = stats[i]
        fs.lasttarget = fs.pc
        fs.bl.flags |= FSCOPE_GOLA
        self.tk = node.last - 1
        idx = self.gola_new(node.name, VSTACK_LABEL, fs.pc)
        self.tk = node.last
        j = i + 1
        if (j < len(stats) and type(stats[j]) is A.Label
                and stats[j].first == node.last + 1):
            j = self.parse_label_run(stats, j)
        if node.at_end:
            self.vstack[idx].slot = fs.bl.nactvar
        self.gola_resolve(fs.bl, idx)
        return j

    def s_ErrorStat(self, node):
        raise AssertionError("compiling a tree with syntax errors")

    # -- Main chunk ---------------------------------------------------------------------------

    def main(self):
        chunk = self.sf.chunk
        fs = self.fs_init(chunk.scope, 0)
        fs.flags |= PROTO_VARARG
        self.fscope_begin(0)
        self.emit_AD(BC_FUNCV, 0, 0)
        self.parse_chunk(chunk.body)
        eof = len(self.toks) - 1
        self.tk = eof - 1
        return self.fs_finish(self.eline[eof])


def _is_return(op):
    return op in (BC_CALLMT, BC_CALLT, BC_RETM, BC_RET, BC_RET0, BC_RET1)


def _kvalue(e):
    """expr_kvalue: the Lua value of a constant expression."""
    k = e.k
    if k == VKNIL:
        return None
    if k == VKFALSE:
        return False
    if k == VKTRUE:
        return True
    return e.val


_EXPR = {cls: getattr(_Compiler, "e_" + cls.__name__) for cls in (
    A.UnOp, A.Number, A.String, A.Nil, A.TrueLit, A.FalseLit, A.Vararg, A.Function,
    A.Name, A.Paren, A.Index, A.Call, A.Method, A.Table)}
# Left-spine nodes: what expr() compiles after the left part, in a loop.
_SPINE = {A.BinOp: _Compiler.binop_rest, A.Index: _Compiler.index_rest,
          A.Call: _Compiler.call_rest, A.Method: _Compiler.method_rest}
_STAT = {cls: getattr(_Compiler, "s_" + cls.__name__) for cls in (
    A.Local, A.LocalFunction, A.FunctionStat, A.Assign, A.CallStat, A.Do, A.While,
    A.Repeat, A.If, A.NumFor, A.GenFor, A.Return, A.Break, A.Goto, A.ErrorStat)}
