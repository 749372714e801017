"""``sciatica breathe [--minutes N] [--count S]``: what it asks the app for, and usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from sciatica_tui.cli import main


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[tuple[Path, tuple[int, int] | None]]:
    """Stand in for the app and record what it was asked to open."""
    calls: list[tuple[Path, tuple[int, int] | None]] = []

    def run_app(folder: Path, *, breathe: tuple[int, int] | None = None) -> int:
        calls.append((folder, breathe))
        return 0

    monkeypatch.setattr("sciatica_tui.cli.open_app.run_app", run_app)
    return calls


@pytest.mark.parametrize(
    ("argv", "session"),
    [
        ([], (3, 4)),  # the defaults: 3 minutes at a count of 4
        (["--minutes", "1"], (1, 4)),
        (["--count", "6"], (3, 6)),
        (["--minutes", "10", "--count", "3"], (10, 3)),
    ],
)
def test_breathe_opens_the_app_with_a_session(
    tmp_path: Path,
    opened: list[tuple[Path, tuple[int, int] | None]],
    argv: list[str],
    session: tuple[int, int],
) -> None:
    assert main(["breathe", *argv, "--data-dir", str(tmp_path)]) == 0
    assert opened == [(tmp_path, session)]


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["--minutes", "2"], "--minutes: invalid choice: 2 (choose from 1, 3, 5, 10)"),
        (["--minutes", "ten"], "--minutes: invalid int value: 'ten'"),
        (["--count", "7"], "--count: invalid choice: 7 (choose from 3, 4, 5, 6)"),
        (["--count"], "--count: expected one argument"),
        (["--seconds", "4"], "unrecognized arguments: --seconds 4"),
    ],
)
def test_bad_arguments_get_a_usage_error_and_open_nothing(
    capsys: pytest.CaptureFixture[str],
    opened: list[tuple[Path, tuple[int, int] | None]],
    argv: list[str],
    said: str,
) -> None:
    assert main(["breathe", *argv]) == 2
    err = capsys.readouterr().err
    assert "usage: sciatica" in err and said in err
    assert "Traceback" not in err
    assert opened == []


def test_help_explains_the_choices(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["breathe", "--help"]) == 0
    out = capsys.readouterr().out
    assert "1, 3, 5 or 10 minutes" in out and "3 to 6" in out
