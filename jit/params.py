"""JIT parameters and optimisation flags with LuaJIT 2.1's defaults and -O levels
(lj_jit.h JIT_PARAMDEF / JIT_F_OPTDEF), and the parser for -O / jit.opt.start."""

# (name, default): the order is LuaJIT's.
JIT_PARAMDEF = (
    ("maxtrace", 1000),     # max. number of traces in the cache
    ("maxrecord", 4000),    # max. number of recorded IR instructions
    ("maxirconst", 500),    # max. number of IR constants of a trace
    ("maxside", 100),       # max. number of side traces of a root trace
    ("maxsnap", 500),       # max. number of snapshots for a trace
    ("minstitch", 0),       # min. number of IR ins for a stitched trace
    ("hotloop", 56),        # number of iterations to detect a hot loop or hot call
    ("hotexit", 10),        # number of taken exits to start a side trace
    ("tryside", 4),         # number of attempts to compile a side trace
    ("instunroll", 4),      # max. unroll for instable loops
    ("loopunroll", 15),     # max. unroll for loop ops in side traces
    ("callunroll", 3),      # max. unroll for recursive calls
    ("recunroll", 2),       # min. unroll for true recursion
    ("sizemcode", 64),      # size of each machine code area in KBytes
    ("maxmcode", 2048),     # max. total size of all machine code areas in KBytes
)
PARAM_DEFAULTS = dict(JIT_PARAMDEF)

# Optimisation flags in bit order, and the flags of each -O level.
OPT_FLAGS = ("fold", "cse", "dce", "fwd", "dse", "narrow", "loop", "abc", "sink", "fuse", "fma")
OPT_LEVELS = (
    frozenset(),
    frozenset(("fold", "cse", "dce")),
    frozenset(("fold", "cse", "dce", "narrow", "loop")),
    frozenset(("fold", "cse", "dce", "fwd", "dse", "narrow", "loop", "abc", "sink", "fuse")),
)
OPT_DEFAULT = OPT_LEVELS[3]


class OptionError(ValueError):
    """An unknown or malformed -O setting."""


def apply_opt(flags: set, params: dict, setting: str):
    """Apply one -O/jit.opt.start setting: a level, a flag or param=value, tried in
    that order as lib_jit.c does. Raises OptionError for anything else."""
    if not setting:
        _set_level(flags, 3)
    elif len(setting) == 1 and setting.isdigit():
        _set_level(flags, min(int(setting), 3))
    elif not _apply_flag(flags, setting) and not _apply_param(params, setting):
        raise OptionError(setting)


def _set_level(flags, level):
    flags.clear()
    flags.update(OPT_LEVELS[level])


def _apply_flag(flags, setting):
    """+flag, -flag, noflag/no-flag or a bare flag name."""
    on = True
    name = setting
    if setting[0] in "+-":
        on = setting[0] == "+"
        name = setting[1:]
    elif setting.startswith("no"):
        on = False
        name = setting[3:] if setting[2:3] == "-" else setting[2:]
    if name not in OPT_FLAGS:
        return False
    if on:
        flags.add(name)
    else:
        flags.discard(name)
    return True


def _apply_param(params, setting):
    """name=digits (an empty number is 0, as LuaJIT reads it)."""
    name, eq, value = setting.partition("=")
    if not eq or name not in PARAM_DEFAULTS or (value and not value.isdigit()):
        return False
    params[name] = int(value) if value else 0
    return True
