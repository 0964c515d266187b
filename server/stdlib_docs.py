"""The standard library of LuaJIT 2.1 as editors show it: one line per entry.

LIBRARY is the one table: (qualified name, signature or type, one-line doc).
An entry whose second field has parentheses is a function and the field is
its signature, in the reference manual's notation (`[ ]` marks optional
parameters); otherwise the field is the value's type ("library" for the
library tables). Everything else -- the globals, the members of each library table,
the parameter lists -- is derived from it at import time.

The set is what a default LuaJIT 2.1 build opens (luaL_openlibs), without
the FFI: Lua 5.2 extensions that LuaJIT enables by default are included
(load with mode and env, xpcall arguments, string.rep with a separator,
table.move, coroutine.isyieldable), the LUAJIT_ENABLE_LUA52COMPAT-only ones
are not (rawlen, table.pack). Modules that need `require` (jit.util,
jit.profile, table.new, table.clear, string.buffer) are documented under
their module names but are not fields of any global table.
"""

import re

LIBRARY = (
    # -- base library -------------------------------------------------------------
    ("assert", "assert(v [, message])",
     "Raises an error if `v` is false or nil (message: `message` or \"assertion failed!\"); otherwise returns all its arguments."),
    ("collectgarbage", "collectgarbage([opt [, arg]])",
     "Controls the garbage collector: \"collect\" (default), \"stop\", \"restart\", \"count\", \"step\", \"setpause\", \"setstepmul\", \"isrunning\"."),
    ("dofile", "dofile([filename])",
     "Runs the file (standard input when omitted) as a Lua chunk and returns its results; errors propagate."),
    ("error", "error(message [, level])",
     "Raises an error with `message` as the error object; `level` 1 (default) adds the caller's position, 0 adds none."),
    ("gcinfo", "gcinfo()",
     "Returns the memory in use in KiB (deprecated; same as `collectgarbage(\"count\")`)."),
    ("getfenv", "getfenv([f])",
     "Returns the environment of function `f`, or of the function at stack level `f` (default 1)."),
    ("getmetatable", "getmetatable(object)",
     "Returns the metatable of `object` (its `__metatable` field if set), or nil."),
    ("ipairs", "ipairs(t)",
     "Returns an iterator for `for i, v in ipairs(t)` over `t[1]`, `t[2]`, ... up to the first nil."),
    ("load", "load(chunk [, chunkname [, mode [, env]]])",
     "Loads a chunk from a string or a reader function; returns the compiled function, or nil and an error message."),
    ("loadfile", "loadfile([filename [, mode [, env]]])",
     "Loads a file (standard input when omitted) as a chunk without running it; returns the function, or nil and an error message."),
    ("loadstring", "loadstring(string [, chunkname])",
     "Loads a chunk from a string without running it; returns the function, or nil and an error message."),
    ("module", "module(name [, ...])",
     "Creates a module table `name` (reusing package.loaded[name]) and makes it the environment of the calling chunk."),
    ("newproxy", "newproxy([proxy])",
     "Creates a zero-size userdata; `true` gives it a new metatable, another proxy shares that proxy's metatable."),
    ("next", "next(table [, index])",
     "Returns the key after `index` in `table` and its value, or nil at the end; traversal order is unspecified."),
    ("pairs", "pairs(t)",
     "Returns `next, t, nil`, so that `for k, v in pairs(t)` visits every key of `t`."),
    ("pcall", "pcall(f [, ...])",
     "Calls `f` with the arguments in protected mode; returns true and its results, or false and the error object."),
    ("print", "print(...)",
     "Writes the arguments to standard output, converted with `tostring`, separated by tabs and followed by a newline."),
    ("rawequal", "rawequal(v1, v2)",
     "Checks whether `v1` equals `v2` without invoking any metamethod."),
    ("rawget", "rawget(table, index)",
     "Gets `table[index]` without invoking any metamethod."),
    ("rawset", "rawset(table, index, value)",
     "Sets `table[index] = value` without invoking any metamethod; returns `table`."),
    ("require", "require(modname)",
     "Loads a module once: checks package.loaded, then runs the package.loaders searchers; returns the module's value."),
    ("select", "select(index, ...)",
     "Returns the arguments after argument number `index` (negative: from the end), or their count if `index` is \"#\"."),
    ("setfenv", "setfenv(f, table)",
     "Sets the environment of function `f` (or of the function at stack level `f`); returns the function."),
    ("setmetatable", "setmetatable(table, metatable)",
     "Sets (or with nil removes) the metatable of `table`; errors if the old one has `__metatable`. Returns `table`."),
    ("tonumber", "tonumber(e [, base])",
     "Converts `e` to a number (in `base` 2..36 when given); returns nil when it cannot."),
    ("tostring", "tostring(e)",
     "Converts `e` to a string in a reasonable format; uses `__tostring` if its metatable has one."),
    ("type", "type(v)",
     "Returns the type of `v` as a string: \"nil\", \"number\", \"string\", \"boolean\", \"table\", \"function\", \"thread\" or \"userdata\"."),
    ("unpack", "unpack(list [, i [, j]])",
     "Returns `list[i]`, ..., `list[j]` (defaults 1 and `#list`)."),
    ("xpcall", "xpcall(f, err [, ...])",
     "Calls `f` with the arguments in protected mode, using `err` as the message handler; returns like `pcall`."),
    ("_G", "table", "The global environment table (`_G._G == _G`)."),
    ("arg", "table",
     "The script's command-line arguments, set by the standalone interpreter: `arg[0]` is the script name."),
    ("_VERSION", "string", "The interpreter version: \"Lua 5.1\"."),

    # -- coroutine ------------------------------------------------------------------
    ("coroutine", "library", "Coroutine library: create, resume, yield, wrap, status, running, isyieldable."),
    ("coroutine.create", "coroutine.create(f)",
     "Creates a new coroutine with body `f` and returns it (a thread)."),
    ("coroutine.isyieldable", "coroutine.isyieldable()",
     "Returns true when the running coroutine can yield (not the main thread, not inside a C call)."),
    ("coroutine.resume", "coroutine.resume(co [, ...])",
     "Starts or continues coroutine `co`; returns true and the values it yields or returns, or false and an error."),
    ("coroutine.running", "coroutine.running()",
     "Returns the running coroutine and a boolean that is true when it is the main thread."),
    ("coroutine.status", "coroutine.status(co)",
     "Returns the status of `co`: \"running\", \"suspended\", \"normal\" or \"dead\"."),
    ("coroutine.wrap", "coroutine.wrap(f)",
     "Creates a coroutine with body `f` and returns a function that resumes it, raising its errors."),
    ("coroutine.yield", "coroutine.yield(...)",
     "Suspends the running coroutine; the arguments become the results of the `resume` that continued it."),

    # -- debug ----------------------------------------------------------------------
    ("debug", "library", "Debug library: introspection of functions, stack frames, locals, upvalues and hooks."),
    ("debug.debug", "debug.debug()",
     "Enters an interactive mode that runs each line typed by the user; a line with `cont` ends it."),
    ("debug.getfenv", "debug.getfenv(o)",
     "Returns the environment of object `o`."),
    ("debug.gethook", "debug.gethook([thread])",
     "Returns the current hook function, mask and count of the thread."),
    ("debug.getinfo", "debug.getinfo([thread,] f [, what])",
     "Returns a table about a function or stack level: source, currentline, linedefined, name, nups, func ... as selected by `what`."),
    ("debug.getlocal", "debug.getlocal([thread,] level, local)",
     "Returns the name and value of local number `local` of the function at stack `level`."),
    ("debug.getmetatable", "debug.getmetatable(object)",
     "Returns the metatable of `object` (ignoring `__metatable`), or nil."),
    ("debug.getregistry", "debug.getregistry()",
     "Returns the registry table."),
    ("debug.getupvalue", "debug.getupvalue(func, up)",
     "Returns the name and value of upvalue number `up` of function `func`."),
    ("debug.setfenv", "debug.setfenv(object, table)",
     "Sets the environment of `object` to `table`; returns `object`."),
    ("debug.sethook", "debug.sethook([thread,] hook, mask [, count])",
     "Sets a hook called on calls (\"c\"), returns (\"r\"), new lines (\"l\") or every `count` instructions; no arguments turn it off."),
    ("debug.setlocal", "debug.setlocal([thread,] level, local, value)",
     "Assigns `value` to local number `local` of the function at stack `level`; returns its name."),
    ("debug.setmetatable", "debug.setmetatable(object, table)",
     "Sets the metatable of `object` (of any type) to `table`."),
    ("debug.setupvalue", "debug.setupvalue(func, up, value)",
     "Assigns `value` to upvalue number `up` of `func`; returns its name."),
    ("debug.traceback", "debug.traceback([thread,] [message [, level]])",
     "Returns `message` followed by a traceback of the call stack."),
    ("debug.upvalueid", "debug.upvalueid(f, n)",
     "Returns a unique light userdata identifying upvalue `n` of function `f`."),
    ("debug.upvaluejoin", "debug.upvaluejoin(f1, n1, f2, n2)",
     "Makes upvalue `n1` of Lua closure `f1` refer to upvalue `n2` of `f2`."),

    # -- io ---------------------------------------------------------------------------
    ("io", "library", "Input/output library: files, standard streams, processes."),
    ("io.close", "io.close([file])",
     "Closes `file`, or the default output file."),
    ("io.flush", "io.flush()",
     "Flushes the default output file."),
    ("io.input", "io.input([file])",
     "Sets the default input file (a file name or handle); returns the current default input file."),
    ("io.lines", "io.lines([filename, ...])",
     "Returns an iterator over the lines (or the given formats) of a file, or of the default input file."),
    ("io.open", "io.open(filename [, mode])",
     "Opens a file in `mode` (\"r\", \"w\", \"a\", \"r+\", \"w+\", \"a+\", with optional \"b\"); returns a handle, or nil and an error."),
    ("io.output", "io.output([file])",
     "Sets the default output file (a file name or handle); returns the current default output file."),
    ("io.popen", "io.popen(prog [, mode])",
     "Starts program `prog` and returns a handle to read its output (\"r\") or write its input (\"w\")."),
    ("io.read", "io.read(...)",
     "Reads from the default input file by the formats \"*l\", \"*n\", \"*a\" or a byte count (`io.input():read(...)`)."),
    ("io.stderr", "file", "The standard error stream."),
    ("io.stdin", "file", "The standard input stream."),
    ("io.stdout", "file", "The standard output stream."),
    ("io.tmpfile", "io.tmpfile()",
     "Returns a handle to a temporary file opened in update mode, removed when the program ends."),
    ("io.type", "io.type(obj)",
     "Returns \"file\" for an open file handle, \"closed file\" for a closed one, nil otherwise."),
    ("io.write", "io.write(...)",
     "Writes strings or numbers to the default output file; returns the file."),
    ("file:close", "file:close()", "Closes the file."),
    ("file:flush", "file:flush()", "Saves any written data to the file."),
    ("file:lines", "file:lines(...)",
     "Returns an iterator over the lines (or the given formats) of the file."),
    ("file:read", "file:read(...)",
     "Reads by the formats \"*l\" (line, default), \"*n\" (number), \"*a\" (all) or a byte count."),
    ("file:seek", "file:seek([whence [, offset]])",
     "Sets and returns the file position: `whence` is \"set\", \"cur\" (default) or \"end\"."),
    ("file:setvbuf", "file:setvbuf(mode [, size])",
     "Sets the buffering mode: \"no\", \"full\" or \"line\"."),
    ("file:write", "file:write(...)",
     "Writes strings or numbers to the file; returns the file."),

    # -- math -----------------------------------------------------------------------
    ("math", "library", "Mathematical functions: trigonometry, exponentials, rounding, random numbers."),
    ("math.abs", "math.abs(x)", "Returns the absolute value of `x`."),
    ("math.acos", "math.acos(x)", "Returns the arc cosine of `x` (in radians)."),
    ("math.asin", "math.asin(x)", "Returns the arc sine of `x` (in radians)."),
    ("math.atan", "math.atan(x)", "Returns the arc tangent of `x` (in radians)."),
    ("math.atan2", "math.atan2(y, x)",
     "Returns the arc tangent of `y/x` (in radians), using the signs of both for the quadrant."),
    ("math.ceil", "math.ceil(x)", "Returns the smallest integer not less than `x`."),
    ("math.cos", "math.cos(x)", "Returns the cosine of `x` (in radians)."),
    ("math.cosh", "math.cosh(x)", "Returns the hyperbolic cosine of `x`."),
    ("math.deg", "math.deg(x)", "Converts the angle `x` from radians to degrees."),
    ("math.exp", "math.exp(x)", "Returns e raised to the power `x`."),
    ("math.floor", "math.floor(x)", "Returns the largest integer not greater than `x`."),
    ("math.fmod", "math.fmod(x, y)",
     "Returns the remainder of `x / y` rounding the quotient towards zero."),
    ("math.frexp", "math.frexp(x)",
     "Returns `m` and `e` with `x = m * 2^e`, `0.5 <= |m| < 1` (or zero)."),
    ("math.huge", "number", "The value HUGE_VAL: positive infinity."),
    ("math.ldexp", "math.ldexp(m, e)", "Returns `m * 2^e`."),
    ("math.log", "math.log(x [, base])",
     "Returns the logarithm of `x` in `base` (default e, the natural logarithm)."),
    ("math.log10", "math.log10(x)", "Returns the base-10 logarithm of `x`."),
    ("math.max", "math.max(x, ...)", "Returns the maximum of its arguments."),
    ("math.min", "math.min(x, ...)", "Returns the minimum of its arguments."),
    ("math.modf", "math.modf(x)", "Returns the integral and the fractional part of `x`."),
    ("math.pi", "number", "The value of pi."),
    ("math.pow", "math.pow(x, y)", "Returns `x^y`."),
    ("math.rad", "math.rad(x)", "Converts the angle `x` from degrees to radians."),
    ("math.random", "math.random([m [, n]])",
     "Returns a pseudo-random number: a float in [0,1), an integer in [1,m], or in [m,n] (LuaJIT's Tausworthe generator)."),
    ("math.randomseed", "math.randomseed(x)", "Seeds the pseudo-random generator with `x`."),
    ("math.sin", "math.sin(x)", "Returns the sine of `x` (in radians)."),
    ("math.sinh", "math.sinh(x)", "Returns the hyperbolic sine of `x`."),
    ("math.sqrt", "math.sqrt(x)", "Returns the square root of `x`."),
    ("math.tan", "math.tan(x)", "Returns the tangent of `x` (in radians)."),
    ("math.tanh", "math.tanh(x)", "Returns the hyperbolic tangent of `x`."),

    # -- os ---------------------------------------------------------------------------
    ("os", "library", "Operating system facilities: time, dates, environment, files, processes."),
    ("os.clock", "os.clock()", "Returns the CPU time used by the program, in seconds."),
    ("os.date", "os.date([format [, time]])",
     "Formats a time (default now) with strftime `format`; \"*t\" returns a table, a leading \"!\" means UTC."),
    ("os.difftime", "os.difftime(t2, t1)", "Returns the number of seconds from time `t1` to time `t2`."),
    ("os.execute", "os.execute([command])",
     "Runs a shell command and returns its status code; without a command, whether a shell is available."),
    ("os.exit", "os.exit([code [, close]])",
     "Ends the program with `code` (true: success, false: failure, default success)."),
    ("os.getenv", "os.getenv(varname)",
     "Returns the value of environment variable `varname`, or nil."),
    ("os.remove", "os.remove(filename)",
     "Deletes a file or empty directory; returns true, or nil and an error message."),
    ("os.rename", "os.rename(oldname, newname)",
     "Renames a file or directory; returns true, or nil and an error message."),
    ("os.setlocale", "os.setlocale(locale [, category])",
     "Sets the current locale for a category (\"all\", \"collate\", \"ctype\", \"monetary\", \"numeric\", \"time\"); returns its name."),
    ("os.time", "os.time([table])",
     "Returns the current time, or the time a date table (year, month, day, ...) describes, as a number."),
    ("os.tmpname", "os.tmpname()", "Returns a file name that can be used for a temporary file."),

    # -- package ----------------------------------------------------------------------
    ("package", "library", "Module loading: search paths, loaded modules, searchers."),
    ("package.config", "string", "Compile-time path configuration: directory separator, path separator, template mark, ..."),
    ("package.cpath", "string", "The path `require` uses to search for C loaders."),
    ("package.loaded", "table", "The modules already loaded, by name; `require` checks it first."),
    ("package.loaders", "table", "The searcher functions `require` calls in order."),
    ("package.loadlib", "package.loadlib(libname, funcname)",
     "Dynamically links the C library `libname` and returns its function `funcname` as a C function."),
    ("package.path", "string", "The path `require` uses to search for Lua loaders."),
    ("package.preload", "table", "Loaders for specific modules, checked before the paths."),
    ("package.searchpath", "package.searchpath(name, path [, sep [, rep]])",
     "Searches `name` in `path` (templates separated by \";\"); returns the first readable file, or nil and the tried names."),
    ("package.seeall", "package.seeall(module)",
     "Gives `module` a metatable whose `__index` is the global environment (for `module(name, package.seeall)`)."),

    # -- string -----------------------------------------------------------------------
    ("string", "library", "String manipulation: patterns, formatting, bytes; also the methods of string values."),
    ("string.byte", "string.byte(s [, i [, j]])",
     "Returns the numeric codes of the characters `s[i]` to `s[j]` (defaults: `i` = 1, `j` = `i`)."),
    ("string.char", "string.char(...)",
     "Returns a string made of the characters with the given numeric codes."),
    ("string.dump", "string.dump(function [, strip])",
     "Returns the bytecode of a Lua function as a binary string (`strip`: without debug info)."),
    ("string.find", "string.find(s, pattern [, init [, plain]])",
     "Finds the first match of `pattern` in `s` from `init`; returns its start and end indices and captures, or nil."),
    ("string.format", "string.format(formatstring, ...)",
     "Returns its arguments formatted by a printf-like format string (%d %s %q %x %f %g ...)."),
    ("string.gmatch", "string.gmatch(s, pattern)",
     "Returns an iterator over the matches (or captures) of `pattern` in `s`."),
    ("string.gsub", "string.gsub(s, pattern, repl [, n])",
     "Replaces (the first `n`) matches of `pattern` in `s` by a string, table or function result; returns the string and the count."),
    ("string.len", "string.len(s)", "Returns the length of `s` in bytes."),
    ("string.lower", "string.lower(s)", "Returns `s` with upper-case letters changed to lower case."),
    ("string.match", "string.match(s, pattern [, init])",
     "Returns the captures of the first match of `pattern` in `s` (the whole match without captures), or nil."),
    ("string.rep", "string.rep(s, n [, sep])",
     "Returns `n` copies of `s` joined by `sep` (default empty)."),
    ("string.reverse", "string.reverse(s)", "Returns `s` reversed."),
    ("string.sub", "string.sub(s, i [, j])",
     "Returns the substring of `s` from `i` to `j` (default -1); negative indices count from the end."),
    ("string.upper", "string.upper(s)", "Returns `s` with lower-case letters changed to upper case."),

    # -- table ------------------------------------------------------------------------
    ("table", "library", "Table manipulation: insert, remove, sort, concat, move."),
    ("table.concat", "table.concat(list [, sep [, i [, j]]])",
     "Returns `list[i] .. sep .. list[i+1] ... sep .. list[j]` (strings or numbers)."),
    ("table.foreach", "table.foreach(table, f)",
     "Calls `f(k, v)` for every pair of `table`; stops and returns the first non-nil result (deprecated)."),
    ("table.foreachi", "table.foreachi(table, f)",
     "Calls `f(i, v)` for `i` = 1 to `#table`; stops and returns the first non-nil result (deprecated)."),
    ("table.getn", "table.getn(table)", "Returns the length of `table`, like `#table` (deprecated)."),
    ("table.insert", "table.insert(table, [pos,] value)",
     "Inserts `value` at position `pos` (default: at the end), shifting up the elements after it."),
    ("table.maxn", "table.maxn(table)",
     "Returns the largest positive numeric key of `table`, or 0."),
    ("table.move", "table.move(a1, f, e, t [, a2])",
     "Copies `a1[f..e]` to `a2[t..]` (default `a2` = `a1`); returns `a2`."),
    ("table.remove", "table.remove(table [, pos])",
     "Removes and returns the element at `pos` (default: the last), shifting down the elements after it."),
    ("table.sort", "table.sort(list [, comp])",
     "Sorts `list[1..#list]` in place, with `<` or the function `comp(a, b)`; not stable."),

    # -- bit (LuaJIT's BitOp) ---------------------------------------------------------
    ("bit", "library", "Bitwise operations on 32-bit integers (LuaJIT's BitOp)."),
    ("bit.arshift", "bit.arshift(x, n)", "Returns `x` shifted right by `n` bits, copying the sign bit."),
    ("bit.band", "bit.band(x1 [, x2, ...])", "Returns the bitwise and of its arguments."),
    ("bit.bnot", "bit.bnot(x)", "Returns the bitwise not of `x`."),
    ("bit.bor", "bit.bor(x1 [, x2, ...])", "Returns the bitwise or of its arguments."),
    ("bit.bswap", "bit.bswap(x)", "Swaps the bytes of `x` (converts between little and big endian)."),
    ("bit.bxor", "bit.bxor(x1 [, x2, ...])", "Returns the bitwise xor of its arguments."),
    ("bit.lshift", "bit.lshift(x, n)", "Returns `x` shifted left by `n` bits."),
    ("bit.rol", "bit.rol(x, n)", "Returns `x` rotated left by `n` bits."),
    ("bit.ror", "bit.ror(x, n)", "Returns `x` rotated right by `n` bits."),
    ("bit.rshift", "bit.rshift(x, n)", "Returns `x` shifted right by `n` bits, filling with zeros."),
    ("bit.tobit", "bit.tobit(x)", "Normalises a number to the signed 32-bit range of the bit operations."),
    ("bit.tohex", "bit.tohex(x [, n])",
     "Returns `x` as a hex string of `n` digits (default 8; negative `n`: upper case)."),

    # -- jit --------------------------------------------------------------------------
    ("jit", "library", "Control of LuaJIT's trace compiler."),
    ("jit.arch", "string", "The target architecture: \"x86\", \"x64\", \"arm\", \"arm64\", \"ppc\", \"mips\", ..."),
    ("jit.attach", "jit.attach(f [, event])",
     "Attaches `f` to a VM event (\"bc\", \"trace\", \"record\", \"texit\"); without an event, detaches it."),
    ("jit.flush", "jit.flush([func [, recursive]])",
     "Flushes the whole trace cache, the traces of a function, or (with a number) one root trace and its side traces."),
    ("jit.off", "jit.off([func [, recursive]])",
     "Turns the JIT compiler off, for everything or for one function (and its sub-functions)."),
    ("jit.on", "jit.on([func [, recursive]])",
     "Turns the JIT compiler on, for everything or for one function (and its sub-functions)."),
    ("jit.opt", "library", "Optimisation control of the JIT compiler (`jit.opt.start`)."),
    ("jit.opt.start", "jit.opt.start(...)",
     "Sets optimisation levels (\"-O3\" style numbers), flags (\"+fold\", \"-dce\") or parameters (\"hotloop=10\"); none resets."),
    ("jit.os", "string", "The target OS: \"Windows\", \"Linux\", \"OSX\", \"BSD\", \"POSIX\" or \"Other\"."),
    ("jit.security", "jit.security(name)",
     "Returns the security mode of \"prng\", \"strhash\", \"strid\" or \"mcode\" (a LuaJIT 2.1 extension)."),
    ("jit.status", "jit.status()",
     "Returns whether the JIT compiler is on, followed by the CPU features and optimisation flags in effect."),
    ("jit.version", "string", "The LuaJIT version string, e.g. \"LuaJIT 2.1.1700008891\"."),
    ("jit.version_num", "number", "The LuaJIT version as a number, e.g. 20100."),

    # -- modules loaded with require --------------------------------------------------
    ("jit.util.funcinfo", "jit.util.funcinfo(func [, pc])",
     "Returns a table about a function prototype: linedefined, lastlinedefined, params, stackslots, bytecodes, loc ..."),
    ("jit.util.funcbc", "jit.util.funcbc(func, pc)",
     "Returns the bytecode instruction word and opcode mode at `pc` of a function."),
    ("jit.util.funck", "jit.util.funck(func, idx)",
     "Returns constant `idx` of a function (negative: GC constants, non-negative: numbers)."),
    ("jit.util.funcuvname", "jit.util.funcuvname(func, idx)",
     "Returns the name of upvalue `idx` of a function."),
    ("jit.util.traceinfo", "jit.util.traceinfo(tr)",
     "Returns a table about trace `tr`: nins, nk, link, nexit, linktype."),
    ("jit.util.traceir", "jit.util.traceir(tr, ref)",
     "Returns the IR instruction `ref` of trace `tr`: mode, ins, op1, op2, prev."),
    ("jit.util.tracek", "jit.util.tracek(tr, ref)",
     "Returns the IR constant `ref` of trace `tr`: value, type, slot."),
    ("jit.util.tracesnap", "jit.util.tracesnap(tr, sn)",
     "Returns snapshot `sn` of trace `tr` as a table of entries."),
    ("jit.util.tracemc", "jit.util.tracemc(tr)",
     "Returns the machine code of trace `tr`: code string, address, loop offset."),
    ("jit.util.traceexitstub", "jit.util.traceexitstub(exitno)",
     "Returns the address of the exit stub for exit number `exitno`."),
    ("jit.util.ircalladdr", "jit.util.ircalladdr(idx)",
     "Returns the address of IR call target `idx`."),
    ("jit.profile.start", "jit.profile.start(mode, cb)",
     "Starts the sampling profiler; `cb(thread, samples, vmstate)` is called for each sample."),
    ("jit.profile.stop", "jit.profile.stop()", "Stops the sampling profiler."),
    ("jit.profile.dumpstack", "jit.profile.dumpstack([thread,] fmt, depth)",
     "Returns a string describing the stack of `thread`, formatted by `fmt`."),
    ("table.new", "table.new(narray, nhash)",
     "Creates a table with preallocated array and hash parts (`require(\"table.new\")`)."),
    ("table.clear", "table.clear(tab)",
     "Clears all keys of a table but keeps its allocated sizes (`require(\"table.clear\")`)."),
)

# Modules whose members come from `require`, not from a global table.
REQUIRED_MODULES = ("jit.util", "jit.profile", "table.new", "table.clear")


class Entry:
    __slots__ = ("name", "signature", "doc", "params", "type")

    def __init__(self, name, signature, doc):
        self.name = name
        self.doc = doc
        if "(" in signature:
            self.signature = signature
            self.params = parse_params(signature)
            self.type = "function"
        else:
            self.signature = None
            self.params = []
            self.type = signature

    @property
    def is_function(self):
        return self.type == "function"

    def __repr__(self):
        return "Entry(%r)" % self.name


_PARAM_TOKEN = re.compile(r"\.\.\.|[A-Za-z_][A-Za-z0-9_]*|[\[\]]")


def parse_params(signature):
    """[(name, optional)] from "f(a [, b [, c]])"; "..." stands for a vararg."""
    inner = signature[signature.index("(") + 1:signature.rindex(")")]
    params = []
    depth = 0
    for tok in _PARAM_TOKEN.findall(inner):
        if tok == "[":
            depth += 1
        elif tok == "]":
            depth -= 1
        else:
            params.append((tok, depth > 0))
    return params


ENTRIES = {name: Entry(name, sig, doc) for name, sig, doc in LIBRARY}
FUNCTIONS = {name: e for name, e in ENTRIES.items() if e.is_function}
TABLES = {name for name, e in ENTRIES.items() if e.type == "library"}
GLOBALS = {name for name in ENTRIES if "." not in name and ":" not in name}


def _member_tables():
    members = {}
    for name in ENTRIES:
        if ":" in name or name in REQUIRED_MODULES \
                or name.startswith(tuple(m + "." for m in REQUIRED_MODULES)):
            continue
        head, dot, field = name.rpartition(".")
        if dot:
            members.setdefault(head, {})[field] = ENTRIES[name]
    return members


MEMBERS = _member_tables()
"""Library table -> {field name: Entry} (e.g. MEMBERS["string"]["format"])."""


def lookup(qualified):
    return ENTRIES.get(qualified)


# -- runtime.version ---------------------------------------------------------------------
# MoonLens runs LuaJIT 2.1; the setting (LuaLS's values) changes which standard
# names the diagnostics know. LuaJIT counts as Lua 5.1 plus `bit` and `jit`.

VERSIONS = ("LuaJIT", "Lua 5.1", "Lua 5.2", "Lua 5.3", "Lua 5.4")
LUAJIT_ONLY = frozenset(("bit", "jit"))
ADDED = {                 # standard globals of later versions LuaJIT lacks (no docs here)
    "Lua 5.2": frozenset(("rawlen", "bit32")),
    "Lua 5.3": frozenset(("rawlen", "utf8")),
    "Lua 5.4": frozenset(("rawlen", "utf8", "warn")),
}
REMOVED = {               # LuaJIT's names that a later version no longer has
    "setfenv": "Lua 5.2", "getfenv": "Lua 5.2", "loadstring": "Lua 5.2", "unpack": "Lua 5.2",
    "module": "Lua 5.2", "gcinfo": "Lua 5.2", "newproxy": "Lua 5.2",
    "table.getn": "Lua 5.2", "table.maxn": "Lua 5.2", "table.foreach": "Lua 5.2",
    "table.foreachi": "Lua 5.2", "math.log10": "Lua 5.2",
    "math.ldexp": "Lua 5.3", "math.frexp": "Lua 5.3", "math.pow": "Lua 5.3",
    "math.cosh": "Lua 5.3", "math.sinh": "Lua 5.3", "math.tanh": "Lua 5.3",
}


def standard_globals(version):
    """The standard global names a runtime.version has (removed ones included:
    the `deprecated` check reports those)."""
    names = set(GLOBALS) | ADDED.get(version, frozenset())
    return names if version == "LuaJIT" else names - LUAJIT_ONLY


def removed_in(qualified, version):
    """The version that removed a standard name, if `version` is that or later."""
    since = REMOVED.get(qualified)
    if since is None or version not in VERSIONS[2:]:
        return None
    return since if VERSIONS.index(version) >= VERSIONS.index(since) else None


assert len(ENTRIES) == len(LIBRARY), "duplicate names in LIBRARY"
assert all(name in ENTRIES for name in REMOVED), "REMOVED names an unknown entry"
assert all(t in MEMBERS for t in TABLES), "a library table without members"
assert all(name.rpartition(".")[0] in TABLES | set(REQUIRED_MODULES)
           for name in ENTRIES if "." in name), "a member of an unknown table"
