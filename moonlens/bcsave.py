"""`moonlens run -b`: LuaJIT's jit/bcsave.lua command -- list or save bytecode.

Saving writes what string.dump makes of the input's main function (stripped
unless -g): as is ("raw"), or as a C array (.c, .h), as bcsave.lua writes them.
Object files (.o) are not written.
"""

import re
import sys

LJBC_PREFIX = "luaJIT_BC_"
MAP_TYPE = {"raw": "raw", "c": "c", "h": "h", "o": "obj", "obj": "obj"}
MAP_ARCH = ("x86", "x64", "arm", "arm64", "arm64be", "ppc", "mips", "mipsel",
            "mips64", "mips64el", "mips64r6", "mips64r6el")
MAP_OS = ("linux", "windows", "osx", "freebsd", "netbsd", "openbsd", "dragonfly",
          "solaris")


class Usage(Exception):
    """The arguments are wrong: print the usage."""


class Failed(Exception):
    """bcsave.lua's check(): the message goes to stderr, the exit status is 1."""


class Command:
    def __init__(self):
        self.listing = False
        self.strip = True
        self.type = None
        self.modname = None
        self.inputs = []        # [input, output]; input is a path, "-" or ("chunk", text)


def parse(args) -> Command:
    """docmd's option loop."""
    cmd = Command()
    args = list(args)
    n = 0
    while n < len(args):
        a = args[n]
        if not (isinstance(a, str) and a.startswith("-") and a != "-"):
            n += 1
            continue
        del args[n]
        if a == "--":
            break
        for m, opt in enumerate(a[1:], start=2):
            if opt == "l":
                cmd.listing = True
            elif opt in "sg":
                cmd.strip = opt == "s"
            else:
                if n >= len(args) or m != len(a):
                    raise Usage()
                _option(cmd, opt, args, n)
    cmd.inputs = args
    return cmd


def _option(cmd, opt, args, n):
    if opt == "e":
        if n != 0:
            raise Usage()
        args[0] = ("chunk", args[0])
    elif opt == "n":
        cmd.modname = checkmodname(args.pop(n))
    elif opt == "t":
        cmd.type = _checkarg(args.pop(n), MAP_TYPE, "file type")
    elif opt == "a":
        _checkarg(args.pop(n), MAP_ARCH, "architecture")
    elif opt == "o":
        _checkarg(args.pop(n), MAP_OS, "OS name")
    else:
        raise Usage()


def _checkarg(s, known, what):
    s = s.lower()
    if s not in known:
        raise Failed("unknown " + what)
    return known[s] if isinstance(known, dict) else s


def checkmodname(s):
    if not re.fullmatch(r"[\w.\-]+", s, re.ASCII):
        raise Failed("bad module name")
    return re.sub(r"[.\-]", "_", s)


def detecttype(output):
    m = re.search(r"\.([A-Za-z]+)$", output)
    return MAP_TYPE.get(m.group(1).lower(), "raw") if m else "raw"


def detectmodname(input):
    """The module name from the input file's name (bcsave.lua detectmodname)."""
    if not isinstance(input, str):
        raise Failed("cannot derive module name, use -n name")
    s = re.split(r"[/\\]", input)[-1]
    m = re.match(r"^(.*)\.[^.]*$", s)
    if m:
        s = m.group(1)
    m = re.match(r"[\w.\-]+", s, re.ASCII)
    if not m:
        raise Failed("cannot derive module name, use -n name")
    return re.sub(r"[.\-]", "_", m.group(0))


def c_source(kind, modname, data: bytes) -> str:
    """bcsave_c: the bytes as a C array, lines cut before 79 columns."""
    if kind == "c":
        head = ("#ifdef __cplusplus\nextern \"C\"\n#endif\n#ifdef _WIN32\n"
                "__declspec(dllexport)\n#endif\nconst unsigned char %s%s[] = {\n"
                % (LJBC_PREFIX, modname))
    else:
        head = ("#define %s%s_SIZE %d\nstatic const unsigned char %s%s[] = {\n"
                % (LJBC_PREFIX, modname, len(data), LJBC_PREFIX, modname))
    lines, line, width = [], [], 0
    for byte in data:
        b = str(byte)
        width += len(b) + 1
        if width > 78:
            lines.append(",".join(line) + ",\n")
            line, width = [], len(b) + 1
        line.append(b)
    return head + "".join(lines) + ",".join(line) + "\n};\n"


def save(engine, cmd) -> bool:
    """bcsave: dump the input's main function and write it out."""
    input, output = cmd.inputs
    data = engine.dump_main(input, cmd.strip)
    if data is None:
        return False
    kind = cmd.type or detecttype(output)
    if kind == "obj":
        raise Failed("object files are not written by MoonLens (use -t c or -t h)")
    if kind == "raw":
        return _write(output, data)
    modname = cmd.modname or detectmodname(input)
    return _write(output, c_source(kind, modname, data).encode())


def _write(output, data: bytes) -> bool:
    if output == "-":
        sys.stdout.buffer.write(data)
        sys.stdout.flush()
        return True
    try:
        with open(output, "wb") as f:
            f.write(data)
    except OSError as e:
        # check(io.open(...)) writes io.open's message and then its errno, unspaced
        raise Failed("%s: %s%d" % (output, e.strerror or e, e.errno or 0)) from None
    return True
