"""MoonLens VM: LuaJIT 2.1's front end, bytecode, object model and interpreter.

This package never imports moonlens.jit, moonlens.server or the CLI: the JIT
and the debugger plug in through hooks.
"""
