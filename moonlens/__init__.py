"""MoonLens: a Lua language server and debugger with a LuaJIT 2.1-faithful tracing JIT."""

__version__ = "0.1.0"
