"""MoonLens servers (protocol translation only).

The language server is `server/lsp.py` (`moonlens lsp`); its features are pure
functions in the modules beside it, over one Analysis per document version
(`server/analysis.py`). The debug adapter is not built yet.
"""
