"""MoonLens JIT: LuaJIT 2.1's trace policy, recorder, IR, optimisations and backends.

Not built yet; see docs/ARCHITECTURE.md. Imports vm, never server.
"""
