"""MoonLens servers: the language server and the debug adapter (protocol translation only).

Not built yet; see docs/ARCHITECTURE.md.
"""
