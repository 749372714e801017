"""A wheel built from the repo installs into a fresh environment outside it and runs."""

from __future__ import annotations

import subprocess
import sys
import sysconfig
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]

OPEN_THE_APP = textwrap.dedent(
    """
    import asyncio, sys, tempfile
    from pathlib import Path
    import sciatica_tui
    from sciatica_tui.domain import content
    from sciatica_tui.domain.content_loader import default_content_dir
    from sciatica_tui.app import SciaticaApp
    from sciatica_tui.store.diary_store import DiaryStore

    assert sciatica_tui.__file__.startswith(sys.prefix), sciatica_tui.__file__
    folder = default_content_dir()
    assert str(folder).startswith(sys.prefix), folder
    content.load_all()
    from sciatica_tui.domain.teaching import teaching
    assert teaching().topics

    async def main():
        app = SciaticaApp(DiaryStore.open(Path(tempfile.mkdtemp()) / "data"))
        async with app.run_test(size=(100, 32)) as pilot:
            await pilot.pause()
            assert app.query_one("#tabs") is not None
        print("opened", folder)

    asyncio.run(main())
    """
)


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh virtual environment, outside the repo, with only the built wheel installed.

    Its dependencies come from this test environment (a .pth file), so no network is used.
    """
    work = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work)],
        cwd=ROOT,
        check=True,
        capture_output=True,
    )
    wheel = next(work.glob("sciatica_tui-*.whl"))
    env = work / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(env)], check=True)
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(env / "bin" / "python"),
            "install",
            "--no-deps",
            "--no-index",
            "--quiet",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    # Only now: had the test environment been visible during the install, pip would have
    # seen sciatica-tui already installed there and skipped the wheel.
    site = next((env / "lib").glob("python3*/site-packages"))
    (site / "test_dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    return env


def test_wheel_holds_content_and_the_tab_stylesheets(installed: Path) -> None:
    site = next((installed / "lib").glob("python3*/site-packages"))
    names = {p.name for p in (site / "sciatica_tui" / "content").glob("*.toml")}
    assert {
        "red_flags.toml",
        "stages.toml",
        "rehab.toml",
        "signals.toml",
        "clinic.toml",
        "breathing.toml",
        "teaching.toml",
    } <= names
    assert (site / "sciatica_tui" / "app.tcss").exists()
    assert (site / "sciatica_tui" / "screens" / "today" / "today.tcss").exists()
    # One import package: nothing with a generic name at the top of site-packages.
    assert not (site / "screens").exists() and not (site / "content").exists()


def test_installed_command_answers_version_and_help(installed: Path, tmp_path: Path) -> None:
    sciatica = installed / "bin" / "sciatica"
    version = subprocess.run(
        [sciatica, "--version"], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert version.stdout.strip().startswith("sciatica ")
    usage = subprocess.run(
        [sciatica, "--help"], cwd=tmp_path, capture_output=True, text=True, check=True
    )
    assert "export" in usage.stdout and "import" in usage.stdout


def test_installed_app_opens_with_its_content(installed: Path, tmp_path: Path) -> None:
    result = subprocess.run(
        [installed / "bin" / "python", "-c", OPEN_THE_APP],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "opened" in result.stdout
