"""The shape of the code: a pure core, one door to TinyDB, no network anywhere."""

from __future__ import annotations

import ast
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from tests.support.network import NetworkUsed

ROOT = Path(__file__).resolve().parents[1]
CORE = ROOT / "sciatica_tui"
# The core modules allowed to know about Textual (the shell) and TinyDB (the store).
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
    """Every module of the app (``sciatica_tui/screens`` is a link to ``screens/``)."""
    core = [p for p in CORE.rglob("*.py") if "screens" not in p.relative_to(CORE).parts[:1]]
    return sorted([*core, *(ROOT / "screens").rglob("*.py")])


def test_only_the_store_imports_tinydb() -> None:
    users = {module_name(p) for p in source_files() if "tinydb" in imported_modules(p)}
    assert users and all(name.startswith("sciatica_tui.store") for name in users), users


def test_no_code_imports_a_network_module() -> None:
    offenders = {
        module_name(p): sorted(imported_modules(p) & NETWORK_MODULES) for p in source_files()
    }
    assert not {name: mods for name, mods in offenders.items() if mods}


def domain_modules() -> list[str]:
    return sorted(module_name(p).removesuffix(".__init__") for p in (CORE / "domain").rglob("*.py"))


def test_the_domain_imports_neither_textual_tinydb_nor_plotext() -> None:
    """Domain logic loads without the UI, the database or the charts (one process imports
    every domain module; none of them may bring the others in)."""
    modules = domain_modules()
    assert "sciatica_tui.domain.records" in modules
    probe = (
        f"import sys, importlib; [importlib.import_module(m) for m in {modules!r}]; "
        "print(','.join(m for m in ('textual', 'tinydb', 'plotext') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "", f"the domain pulls in {result.stdout.strip()}"


def test_no_domain_module_imports_them_even_inside_a_function() -> None:
    """A late import would slip past the probe above until the function runs."""
    kept_out = {"textual", "tinydb", "plotext", "textual_plotext"}
    offenders = {
        module_name(p): sorted(imported_modules(p) & kept_out)
        for p in (CORE / "domain").rglob("*.py")
    }
    assert not {name: mods for name, mods in offenders.items() if mods}


def imported_names(path: Path) -> set[str]:
    """Every module ``path`` imports, in full (``sciatica_tui.app``, not ``sciatica_tui``)."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


SHELL = {"sciatica_tui.app", "sciatica_tui.palette", "sciatica_tui.quitting"}


def test_screens_never_import_the_app() -> None:
    """Screens see the app only through the DiaryHost protocol and messages."""
    offenders = {
        module_name(p): sorted(imported_names(p) & SHELL)
        for p in sorted((ROOT / "screens").rglob("*.py"))
    }
    assert not {name: mods for name, mods in offenders.items() if mods}


def test_screens_and_content_are_imported_through_the_one_package() -> None:
    """``screens/`` ships inside ``sciatica_tui``; importing it by its folder name would load
    every module twice in the repository and fail once installed."""
    offenders = [
        module_name(p)
        for p in source_files()
        if any(name.split(".")[0] in ("screens", "content") for name in imported_names(p))
    ]
    assert offenders == []


# Calls that write a file. Only the store may make them (ARCHITECTURE.md: one door to disk).
WRITING_CALLS = {
    "write_text",
    "write_bytes",
    "replace",
    "rename",
    "mkstemp",
    "copyfile",
    "mkdir",
    "unlink",
    "chmod",
}


def writes_files(path: Path) -> list[str]:
    found = []
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
        if name in WRITING_CALLS and not (name == "replace" and not _on_os(func)):
            found.append(f"{name} at line {node.lineno}")
        if name == "open" and any(
            isinstance(arg, ast.Constant)
            and isinstance(arg.value, str)
            and set(arg.value) & set("wax")
            for arg in [*node.args[1:2], *(k.value for k in node.keywords if k.arg == "mode")]
        ):
            found.append(f"open for writing at line {node.lineno}")
    return found


def _on_os(func: ast.expr) -> bool:
    """``os.replace`` (a file) rather than ``str.replace`` or ``dataclasses.replace``."""
    return isinstance(func, ast.Attribute) and getattr(func.value, "id", "") == "os"


def test_only_the_store_writes_files() -> None:
    assert writes_files(CORE / "store" / "files.py")  # the check finds the writer itself
    offenders = {
        module_name(p): writes_files(p)
        for p in source_files()
        if not module_name(p).startswith("sciatica_tui.store")
    }
    assert not {name: calls for name, calls in offenders.items() if calls}


def test_the_network_guard_itself_works() -> None:
    """The autouse fixture in conftest fails any test that reaches for the network."""
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
    with pytest.raises(NetworkUsed):
        socket.getaddrinfo("example.org", 443)
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as raw, pytest.raises(NetworkUsed):
        raw.connect(("127.0.0.1", 9))


# Issue 18: a module holds one job, in at most 400 lines; the app shell in at most 250.
MODULE_LINES = 400
APP_LINES = 250


def line_counts() -> dict[str, int]:
    """Lines of every Python module in the app, its tests and its benchmarks."""
    folders = [ROOT / "tests", ROOT / "benchmarks"]
    files = [*source_files(), *(p for folder in folders for p in folder.rglob("*.py"))]
    return {str(p.relative_to(ROOT)): len(p.read_text().splitlines()) for p in files}


def test_every_module_is_at_most_400_lines_and_the_app_250() -> None:
    counts = line_counts()
    assert counts["sciatica_tui/app.py"] <= APP_LINES
    assert len(counts) > 300  # the walk found the tree, tests included
    assert {path: n for path, n in counts.items() if n > MODULE_LINES} == {}


def test_tests_share_helpers_only_through_tests_support() -> None:
    """A test module never imports another test module or a folder's helpers: what tests
    share lives in ``tests/support`` (one place to find it, and no test run twice)."""
    offenders = {
        str(p.relative_to(ROOT)): sorted(
            name
            for name in imported_names(p)
            if name.startswith("tests.") and not name.startswith("tests.support")
        )
        for p in (ROOT / "tests").rglob("*.py")
    }
    assert len(offenders) > 200  # the walk found the tests
    assert {path: names for path, names in offenders.items() if names} == {}
