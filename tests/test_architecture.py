"""The shape of the code: a pure core, one door to TinyDB, no network anywhere."""

from __future__ import annotations

import ast
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import NetworkUsed

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "sciatica_tui"
# The core modules allowed to know about Textual (the shell) and TinyDB (the store).
SHELL_MODULES = {
    "sciatica_tui.app",
    "sciatica_tui.__main__",
    "sciatica_tui.palette",
    "sciatica_tui.quitting",
    "sciatica_tui.writer",
}
NETWORK_MODULES = {
    "socket",
    "ssl",
    "http",
    "urllib",
    "requests",
    "httpx",
    "aiohttp",
    "ftplib",
    "smtplib",
    "telnetlib",
    "xmlrpc",
    "websockets",
}


def module_name(path: Path) -> str:
    return ".".join(path.relative_to(ROOT).with_suffix("").parts)


def imported_modules(path: Path) -> set[str]:
    """Top-level names of every module ``path`` imports (anywhere in the file)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def source_files() -> list[Path]:
    return sorted([*CORE.rglob("*.py"), *(ROOT / "screens").rglob("*.py")])


def test_only_the_store_imports_tinydb() -> None:
    users = {module_name(p) for p in source_files() if "tinydb" in imported_modules(p)}
    assert users and all(name.startswith("sciatica_tui.store") for name in users), users


def test_no_code_imports_a_network_module() -> None:
    offenders = {
        module_name(p): sorted(imported_modules(p) & NETWORK_MODULES) for p in source_files()
    }
    assert not {name: mods for name, mods in offenders.items() if mods}


def pure_core_modules() -> list[str]:
    names = [module_name(p) for p in sorted(CORE.glob("*.py"))]
    return [n for n in names if n not in SHELL_MODULES and not n.endswith("__init__")]


@pytest.mark.parametrize("module", pure_core_modules())
def test_core_module_imports_neither_textual_nor_tinydb(module: str) -> None:
    """Domain logic loads without the UI or the database (and start-up stays light)."""
    probe = (
        f"import sys, {module}; "
        "bad = [m for m in ('textual', 'tinydb', 'plotext') if m in sys.modules]; "
        "print(','.join(bad))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"{module} pulls in {result.stdout.strip()}"


def test_the_network_guard_itself_works() -> None:
    """The autouse fixture in conftest fails any test that reaches for the network."""
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 443)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as raw, pytest.raises(NetworkUsed):
        raw.connect(("127.0.0.1", 9))
