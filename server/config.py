"""Settings: defaults, the client's settings, and the project's `.luarc.json`.

Keys are LuaLS's, without the `Lua.` prefix, so existing project files keep
working: `diagnostics.globals`, `diagnostics.disable`, `diagnostics.severity`,
`diagnostics.enable`, `hint.enable`, `hint.paramName`, `semantic.enable`,
`runtime.path` (a list of package.path templates, replacing the default),
`workspace.library` (folders indexed beside the workspace, relative to its root),
`runtime.version` ("LuaJIT" by default; "Lua 5.1" ... "Lua 5.4" change which
standard names exist for undefined-global and deprecated);
MoonLens's own: `jitLint.enable`, and for runtime JIT insight (server/lsp_jit.py)
`jit.analyzeOnSave`, `jit.entry` (a script to run instead of the file, relative to
the workspace root), `jit.timeout` (seconds), `jit.maxInstructions`,
`jit.maxMemoryMB`, `jit.allowWrites`, `jit.codeLens`.
A settings object may nest (`{"diagnostics": {"globals": [...]}}`) or use
dotted keys (`{"diagnostics.globals": [...]}`), with or without `Lua.`.

Precedence, lowest first: defaults, client settings (section `Lua`, then
section `moonlens`), then `.luarc.jsonc` / `.luarc.json` at the workspace root
(LuaLS reads `.luarc.jsonc` first; so do we).
"""

import json
import os
import re

from .stdlib_docs import VERSIONS

LUARC_NAMES = (".luarc.jsonc", ".luarc.json")

SEVERITY_NAMES = {"error": 1, "warning": 2, "information": 3, "hint": 4}


class Settings:
    def __init__(self):
        self.diagnostics_enable = True
        self.globals = set()
        self.disable = set()
        self.severity = {}            # code -> 1..4
        self.hint_enable = True
        self.hint_param_name = "All"  # All | Literal | Disable
        self.semantic_enable = True
        self.runtime_path = ["?.lua", "?/init.lua"]     # package.path templates
        self.library = []               # workspace.library: folders of library code
        self.runtime_version = "LuaJIT"
        self.jit_lint = True            # moonlens.jitLint.enable
        self.jit = JitRunSettings()
        # Not a setting: globals other workspace files assign, filled in by the
        # server before diagnostics (undefined-global does not report them).
        self.defined_globals = frozenset()

    def __repr__(self):
        return "Settings(globals=%r, disable=%r, severity=%r)" % (
            sorted(self.globals), sorted(self.disable), self.severity)


class JitRunSettings:
    """The budget and sandbox of a JIT analysis run (moonlens.jit.*)."""

    def __init__(self):
        self.analyze_on_save = False
        self.entry = None               # path of the script to run, or None: the file
        self.timeout = 10.0             # seconds of wall time
        self.max_instructions = 100_000_000     # interpreted bytecode instructions
        self.max_memory_mb = 512        # the Lua heap (the arena limit)
        self.allow_writes = False       # io.open for writing, os.remove, os.rename ...
        self.code_lens = True


def flatten(obj, prefix=""):
    """Nested or dotted settings -> {"diagnostics.globals": value}."""
    flat = {}
    if not isinstance(obj, dict):
        return flat
    for key, value in obj.items():
        if not isinstance(key, str):
            continue
        name = prefix + key
        if name.startswith("Lua."):
            name = name[4:]
        # A severity table maps codes to levels: it is a value, not more nesting.
        if isinstance(value, dict) and not name.endswith("severity"):
            flat.update(flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


def build(*layers) -> Settings:
    """Settings from layers of raw settings objects, later layers winning."""
    settings = Settings()
    for layer in layers:
        _apply(settings, flatten(layer))
    return settings


def _apply(settings, flat):
    if isinstance(flat.get("diagnostics.enable"), bool):
        settings.diagnostics_enable = flat["diagnostics.enable"]
    if isinstance(flat.get("diagnostics.globals"), list):
        settings.globals |= {g for g in flat["diagnostics.globals"] if isinstance(g, str)}
    if isinstance(flat.get("diagnostics.disable"), list):
        settings.disable |= {c for c in flat["diagnostics.disable"] if isinstance(c, str)}
    if isinstance(flat.get("diagnostics.severity"), dict):
        for code, level in flat["diagnostics.severity"].items():
            number = severity_number(level)
            if number is not None:
                settings.severity[code] = number
    if isinstance(flat.get("hint.enable"), bool):
        settings.hint_enable = flat["hint.enable"]
    if flat.get("hint.paramName") in ("All", "Literal", "Disable"):
        settings.hint_param_name = flat["hint.paramName"]
    if isinstance(flat.get("semantic.enable"), bool):
        settings.semantic_enable = flat["semantic.enable"]
    path = flat.get("runtime.path")
    if isinstance(path, list) and all(isinstance(p, str) for p in path):
        settings.runtime_path = [p for p in path if "?" in p]
    if flat.get("runtime.version") in VERSIONS:
        settings.runtime_version = flat["runtime.version"]
    library = flat.get("workspace.library")
    if isinstance(library, list):
        settings.library = [p for p in library if isinstance(p, str) and p]
    if isinstance(flat.get("jitLint.enable"), bool):
        settings.jit_lint = flat["jitLint.enable"]
    _apply_jit(settings.jit, flat)


_JIT_BOOLS = {"jit.analyzeOnSave": "analyze_on_save", "jit.allowWrites": "allow_writes",
              "jit.codeLens": "code_lens"}
_JIT_NUMBERS = {"jit.timeout": ("timeout", 0.1, 600.0),
                "jit.maxInstructions": ("max_instructions", 0, 10 ** 12),
                "jit.maxMemoryMB": ("max_memory_mb", 1, 1 << 20)}


def _apply_jit(jit, flat):
    for key, attr in _JIT_BOOLS.items():
        if isinstance(flat.get(key), bool):
            setattr(jit, attr, flat[key])
    for key, (attr, low, high) in _JIT_NUMBERS.items():
        value = flat.get(key)
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            setattr(jit, attr, type(getattr(jit, attr))(min(max(value, low), high)))
    entry = flat.get("jit.entry")
    if isinstance(entry, str) or (entry is None and "jit.entry" in flat):
        jit.entry = entry or None


def severity_number(level):
    """LuaLS severity names ("Warning", "Hint!" ...) -> LSP severity, or None."""
    if not isinstance(level, str):
        return None
    return SEVERITY_NAMES.get(level.rstrip("!").lower())


# -- .luarc.json(c) --------------------------------------------------------------------

def find_luarc(root):
    """Path of the project file in the folder `root`, or None."""
    if not root:
        return None
    for name in LUARC_NAMES:
        path = os.path.join(root, name)
        if os.path.isfile(path):
            return path
    return None


def read_luarc(path):
    """The settings object of a `.luarc` file; {} if it cannot be read or parsed."""
    try:
        with open(path, encoding="utf-8-sig") as f:
            return parse_jsonc(f.read())
    except (OSError, ValueError):
        return {}


_COMMENTS = re.compile(r'"(?:[^"\\]|\\.)*"|//[^\n]*|/\*.*?(?:\*/|$)', re.S)
_TRAILING_COMMA = re.compile(r'"(?:[^"\\]|\\.)*"|,(?=\s*[}\]])')


def parse_jsonc(text):
    """JSON with comments and trailing commas (what `.luarc.jsonc` allows)."""
    text = _COMMENTS.sub(_strings_only, text)
    text = _TRAILING_COMMA.sub(_strings_only, text)
    value = json.loads(text)
    if not isinstance(value, dict):
        raise ValueError("a settings file must hold an object")
    return value


def _strings_only(m):
    """Keep string literals; drop the comment or comma the pattern matched."""
    tok = m.group()
    return tok if tok.startswith('"') else ""
