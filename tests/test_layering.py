"""Imports flow one way: vm <- jit <- moonlens (engine) <- server."""

import ast
import pathlib

import pytest

ROOT = pathlib.Path(__file__).resolve().parent.parent

# package folder -> top-level parts of moonlens it must not import
FORBIDDEN = {
    "vm": {"jit", "server", "cli", "engine", "__main__"},
    "jit": {"server", "cli", "engine", "__main__"},
}


def imported_parts(path: pathlib.Path, package: str):
    """The moonlens sub-packages a module imports (absolute or relative)."""
    tree = ast.parse(path.read_text(), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                parts = alias.name.split(".")
                if parts[0] == "moonlens" and len(parts) > 1:
                    yield parts[1], node.lineno
                elif parts[0] in ("vm", "jit", "server"):
                    yield parts[0], node.lineno
        elif isinstance(node, ast.ImportFrom):
            mod = node.module or ""
            parts = mod.split(".") if mod else []
            if node.level == 0:
                if parts and parts[0] == "moonlens":
                    if len(parts) > 1:
                        yield parts[1], node.lineno
                    else:
                        for alias in node.names:
                            yield alias.name, node.lineno
                elif parts and parts[0] in ("vm", "jit", "server"):
                    yield parts[0], node.lineno
            elif node.level >= 2:
                # from ..x import y (relative to the moonlens namespace)
                if parts:
                    yield parts[0], node.lineno
                else:
                    for alias in node.names:
                        yield alias.name, node.lineno


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_imports_flow_one_way(package):
    bad = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for part, line in imported_parts(path, package):
            if part in FORBIDDEN[package]:
                bad.append("%s:%d imports %s" % (path.relative_to(ROOT), line, part))
    assert not bad, "\n".join(bad)


def test_checker_sees_a_violation(tmp_path):
    """The checker itself must catch each import form."""
    sample = tmp_path / "m.py"
    sample.write_text("import moonlens.jit\nfrom moonlens.server import x\n"
                      "from ..jit import y\nfrom .. import server\nfrom moonlens import cli\n")
    found = {p for p, _ in imported_parts(sample, "vm")}
    assert found == {"jit", "server", "cli"}
