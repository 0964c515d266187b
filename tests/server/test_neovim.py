"""Neovim as a real second client: headless Neovim starts `python -m moonlens lsp`
with its built-in LSP client, opens a file with an undefined global, and writes what
vim.diagnostic.get() holds as JSON, which must include the server's diagnostic.

Skipped when `nvim` is not on PATH (Debian: `apt-get install neovim`). Works with
Neovim 0.7 (Debian 12: vim.lsp.start_client) and later (vim.lsp.start).
"""

import json
import shutil
import subprocess
import sys

import pytest

NVIM = shutil.which("nvim")

pytestmark = pytest.mark.skipif(NVIM is None, reason="nvim is not on PATH "
                                "(install Debian's neovim package to run this check)")

CONFIG = r"""
local file, out = vim.env.MOONLENS_FILE, vim.env.MOONLENS_OUT
vim.cmd("edit " .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
local config = {name = "moonlens", cmd = {vim.env.MOONLENS_PYTHON, "-m", "moonlens", "lsp"},
                root_dir = vim.fn.fnamemodify(file, ":h")}
if vim.lsp.start then
  vim.lsp.start(config)
else
  vim.lsp.buf_attach_client(buf, vim.lsp.start_client(config))
end
local found = vim.wait(8000, function() return #vim.diagnostic.get(buf) > 0 end, 50)
local items = {}
for _, d in ipairs(vim.diagnostic.get(buf)) do
  items[#items + 1] = {lnum = d.lnum, col = d.col, message = d.message,
                       code = d.code, source = d.source, severity = d.severity}
end
local f = assert(io.open(out, "w"))
f:write(vim.fn.json_encode({found = found, diagnostics = items}))
f:close()
for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
vim.wait(2000, function() return #vim.lsp.get_active_clients() == 0 end, 50)
vim.cmd("qa!")
"""


def test_neovim_shows_the_undefined_global(tmp_path):
    source = tmp_path / "main.lua"
    source.write_text("local known = 1\nprint(known, undefined_thing)\n")
    (tmp_path / "init.lua").write_text(CONFIG)
    out = tmp_path / "diagnostics.json"
    env = {"MOONLENS_FILE": str(source), "MOONLENS_OUT": str(out),
           "MOONLENS_PYTHON": sys.executable, "PATH": "/usr/bin:/bin",
           "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config"),
           "XDG_CACHE_HOME": str(tmp_path / "cache"), "XDG_STATE_HOME": str(tmp_path / "state"),
           "XDG_DATA_HOME": str(tmp_path / "data")}
    proc = subprocess.run([NVIM, "--headless", "--clean", "-i", "NONE", "-n",
                           "-c", "luafile " + str(tmp_path / "init.lua")],
                          env=env, cwd=tmp_path, capture_output=True, timeout=30)
    assert out.exists(), proc.stderr.decode(errors="replace")
    result = json.loads(out.read_text())
    assert result["found"] is True
    (d,) = [d for d in result["diagnostics"] if d["code"] == "undefined-global"]
    assert d["message"] == "Undefined global `undefined_thing`."
    assert (d["lnum"], d["col"], d["source"]) == (1, 13, "moonlens")
