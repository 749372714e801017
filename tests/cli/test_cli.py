"""The ``sciatica`` command line: options, commands, exit statuses and plain-language errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from sciatica_tui import __version__
from sciatica_tui.cli import SUBCOMMANDS
from sciatica_tui.cli.export import EXPORT_FORMATS, EXPORTERS
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.cli import run

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(autouse=True)
def no_real_data_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Never touch the person's real diary, whatever a test forgets to pass."""
    monkeypatch.setenv("SCIATICA_TUI_DATA", str(tmp_path / "env-diary"))


SMALL_EXPORT = {
    "format": "sciatica-tui",
    "version": 1,
    "profile": {},
    "daily_logs": [{"date": "2025-11-03", "leg_pain": 6, "back_pain": 3}],
    "red_flag_checks": [],
    "breathing_sessions": [],
    "rehab_days": [],
    "custom_exercises": [],
    "visits": [],
}


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "--version") == (0, f"sciatica {__version__}\n", "")
    assert __version__ == "0.1.0"


def test_help_lists_every_command_and_the_data_folder_option(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status, out, _ = run(capsys, "--help")
    assert status == 0
    for word in ("export", "import", "--data-dir", "--version", "SCIATICA_TUI_DATA"):
        assert word in out


def test_export_help_lists_every_format(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", "--help")
    assert status == 0
    assert "{json,csv,md,pdf}" in out
    assert "--out" in out


def test_an_unknown_command_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, err = run(capsys, "frobnicate")
    assert (status, out) == (2, "")
    assert "invalid choice: 'frobnicate'" in err


def test_an_unknown_option_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    status, _, err = run(capsys, "export", "--format", "docx")
    assert status == 2
    assert "invalid choice: 'docx'" in err


def test_every_format_offered_has_an_exporter(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "export", "--help")
    assert status == 0
    assert "{json,csv,md,pdf}" in out
    assert tuple(EXPORTERS) == ("json", "csv", "md")
    assert EXPORT_FORMATS == (*EXPORTERS, "pdf")  # the PDF report is bytes: written apart


def test_python_dash_m_runs_the_command() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "sciatica_tui", "--version"],
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert (done.returncode, done.stdout) == (0, f"sciatica {__version__}\n")


def test_the_command_line_starts_without_textual_or_tinydb() -> None:
    code = (
        "import sys, sciatica_tui.cli, sciatica_tui.store.export_format; "
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'tinydb')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "[]"


def test_opening_the_app_imports_no_command(tmp_path: Path) -> None:
    """The commands' modules (export, check, import...) were a tenth of the first frame."""
    code = (
        "import sys, sciatica_tui.cli as cli\n"
        "cli._open_app = lambda args, folder: 0\n"
        f"assert cli.main(['--data-dir', {str(tmp_path)!r}]) == 0\n"
        "assert cli.main([]) == 0\n"
        "print(' '.join(m for m in sys.modules if m.startswith('sciatica_tui.cli.')))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, check=True
    )
    commands = {f"sciatica_tui.cli.{module}" for module, _add in SUBCOMMANDS}
    assert commands & set(done.stdout.split()) == set()


# --- the data folder -----------------------------------------------------------------------------


@pytest.fixture
def fake_app(monkeypatch: pytest.MonkeyPatch) -> list[Path]:
    """Stand in for the app and record the folder it was asked to open."""
    opened: list[Path] = []

    def run_app(folder: Path, *, breathe: tuple[int, int] | None = None) -> int:
        opened.append(folder)
        return 0

    monkeypatch.setattr("sciatica_tui.cli.open_app.run_app", run_app)
    return opened


def test_no_command_opens_the_app_on_the_data_dir(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_app: list[Path]
) -> None:
    assert run(capsys, "--data-dir", tmp_path / "mine")[0] == 0
    assert fake_app == [tmp_path / "mine"]


def test_without_data_dir_the_environment_variable_is_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fake_app: list[Path]
) -> None:
    assert run(capsys)[0] == 0
    assert fake_app == [tmp_path / "env-diary"]


@pytest.mark.parametrize("before", [True, False], ids=["before-command", "after-command"])
def test_data_dir_works_before_or_after_the_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], before: bool
) -> None:
    source = tmp_path / "export.json"
    source.write_text(json.dumps(SMALL_EXPORT), encoding="utf-8")
    folder = tmp_path / "chosen"
    args: list[Any] = ["import", source]
    args = ["--data-dir", folder, *args] if before else [*args, "--data-dir", folder]
    assert run(capsys, *args)[0] == 0
    assert (folder / "diary.json").exists()
    assert not (tmp_path / "env-diary").exists()


# --- the diary cannot be opened: a message and status 1, never a traceback -----------------------


def assert_plain_failure(status: int, err: str, *words: str) -> None:
    assert status == 1
    assert err.startswith("sciatica: ")
    assert "Traceback" not in err
    for word in words:
        assert word in err


def test_export_from_an_unreadable_diary_explains_and_leaves_it_alone(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diary = tmp_path / "diary.json"
    diary.write_bytes(b"this is not json")
    status, out, err = run(capsys, "--data-dir", tmp_path, "export")
    assert out == ""
    assert_plain_failure(status, err, "cannot be read")
    assert diary.read_bytes() == b"this is not json"


def test_import_into_an_unreadable_diary_keeps_it_aside_and_explains(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "diary.json").write_bytes(b"{broken")
    source = tmp_path / "export.json"
    source.write_text(json.dumps(SMALL_EXPORT), encoding="utf-8")
    status, _, err = run(capsys, "--data-dir", tmp_path, "import", source)
    assert_plain_failure(status, err, "could not be read", "unreadable")
    kept_aside = list(tmp_path.glob("diary.json.unreadable-*"))
    assert [path.read_bytes() for path in kept_aside] == [b"{broken"]


def test_import_while_the_app_is_open_says_so(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "export.json"
    source.write_text(json.dumps(SMALL_EXPORT), encoding="utf-8")
    with DiaryStore.open(tmp_path / "diary"):
        status, _, err = run(capsys, "--data-dir", tmp_path / "diary", "import", source)
    assert_plain_failure(status, err, "already open")


@pytest.mark.parametrize("command", ["export", "import"])
def test_a_diary_from_a_newer_version_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    folder = tmp_path / "diary"
    folder.mkdir()
    newer = json.dumps({"meta": {"1": {"schema_version": 99}}}).encode()
    (folder / "diary.json").write_bytes(newer)
    source = tmp_path / "export.json"
    source.write_text(json.dumps(SMALL_EXPORT), encoding="utf-8")
    args = ["export"] if command == "export" else ["import", source]
    status, out, err = run(capsys, "--data-dir", folder, *args)
    assert out == ""
    assert_plain_failure(status, err, "newer version")
    assert (folder / "diary.json").read_bytes() == newer


def test_importing_a_file_that_is_not_there_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, _, err = run(capsys, "--data-dir", tmp_path, "import", tmp_path / "nope.json")
    assert status == 2
    assert "there is no file" in err
    assert "Traceback" not in err


def test_a_record_the_store_cannot_read_is_named_when_exporting(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    tables = {
        "meta": {"1": {"schema_version": 1}},
        "daily_logs": {
            "1": {"date": "2025-11-03", "leg_pain": 6, "back_pain": 3},
            "2": {"date": "2025-11-04", "leg_pain": 99, "back_pain": 3},
        },
    }
    (tmp_path / "diary.json").write_text(json.dumps(tables), encoding="utf-8")
    status, out, err = run(capsys, "--data-dir", tmp_path, "export")
    assert status == 0
    assert [log["date"] for log in json.loads(out)["daily_logs"]] == ["2025-11-03"]
    assert "daily_logs record 2" in err
    assert "is left out" in err


def test_a_data_folder_that_is_a_file_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("", encoding="utf-8")
    source = tmp_path / "export.json"
    source.write_text(json.dumps(SMALL_EXPORT), encoding="utf-8")
    status, _, err = run(capsys, "--data-dir", not_a_folder, "import", source)
    assert_plain_failure(status, err, "could not be opened", "a file is in the way")


def test_an_error_inside_the_app_gives_a_nonzero_exit_status(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Textual leaves no value after an error, only a return code of 1 (found by the
    random-key run in tmux, which saw a traceback and exit status 0)."""
    from sciatica_tui.cli.open_app import run_app

    class CrashedApp:
        return_code = 1

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            pass

        def run(self) -> None:
            return None

    monkeypatch.setattr("sciatica_tui.app.SciaticaApp", CrashedApp)
    assert run_app(tmp_path / "data") == 1
