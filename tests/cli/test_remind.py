"""``sciatica remind``: before and after the hour, logged and not; setting the time."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from sciatica_tui.cli import main
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.reminder import REMINDER_LINE, parse_reminder_time, reminder_due
from sciatica_tui.store.diary_store import DiaryStore

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def no_real_folder(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SCIATICA_TUI_DATA", str(tmp_path / "env-diary"))


def remind(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    folder: Path,
    at: datetime,
    *argv: str,
) -> tuple[int, str, str]:
    monkeypatch.setattr("sciatica_tui.cli.base.now", lambda: at)
    code = main(["remind", "--data-dir", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize(
    ("hour", "minute", "logged", "reminded"),
    [
        (18, 59, False, False),
        (19, 0, False, True),
        (23, 30, False, True),
        (19, 0, True, False),
        (22, 0, True, False),
        (8, 0, False, False),
    ],
)
def test_reminds_only_after_the_hour_when_today_is_not_logged(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    hour: int,
    minute: int,
    logged: bool,
    reminded: bool,
) -> None:
    with DiaryStore.open(tmp_path) as store:
        store.save_daily_log(DailyLog(date(2026, 11, 20), 5, 2))
        if logged:
            store.save_daily_log(DailyLog(TODAY, 5, 2))
    at = datetime(2026, 11, 21, hour, minute)
    expected = REMINDER_LINE + "\n" if reminded else ""
    assert remind(capsys, monkeypatch, tmp_path, at) == (0, expected, "")


def test_the_chosen_time_is_kept_and_used(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    evening = datetime(2026, 11, 21, 20, 0)
    code, out, _ = remind(capsys, monkeypatch, tmp_path, evening, "--at", "21:30")
    assert code == 0 and "from 21:30" in out
    with DiaryStore.open(tmp_path, read_only=True) as store:
        assert store.profile().settings.reminder_time == "21:30"
    assert remind(capsys, monkeypatch, tmp_path, evening) == (0, "", "")
    late = datetime(2026, 11, 21, 21, 30)
    assert remind(capsys, monkeypatch, tmp_path, late)[1] == REMINDER_LINE + "\n"
    remind(capsys, monkeypatch, tmp_path, evening, "--at", "off")
    assert remind(capsys, monkeypatch, tmp_path, late) == (0, "", "")


def test_a_bad_time_is_refused_and_changes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, out, err = remind(capsys, monkeypatch, tmp_path, datetime(2026, 11, 21), "--at", "25:00")
    assert (code, out) == (2, "")
    assert "--at: '25:00' is not a time of day" in err
    assert not (tmp_path / "diary.json").exists()


def test_works_from_the_last_saved_state_while_the_app_is_open(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with DiaryStore.open(tmp_path) as store:
        store.save_daily_log(DailyLog(date(2026, 11, 20), 5, 2))
        late = datetime(2026, 11, 21, 20, 0)
        assert remind(capsys, monkeypatch, tmp_path, late) == (0, REMINDER_LINE + "\n", "")
        store.save_daily_log(DailyLog(TODAY, 5, 2))
        assert remind(capsys, monkeypatch, tmp_path, late) == (0, "", "")
        # Setting the time is a save: refused while the app holds the diary.
        code, _, err = remind(capsys, monkeypatch, tmp_path, late, "--at", "20:00")
        assert code == 1 and "the time was not changed: the sciatica app has" in err
        assert "Set the daily reminder time" in err


def test_silent_with_a_broken_file_and_reminds_with_no_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    late = datetime(2026, 11, 21, 20, 0)
    assert remind(capsys, monkeypatch, tmp_path / "none", late)[1] == REMINDER_LINE + "\n"
    (tmp_path / "diary.json").write_bytes(b"{broken")
    assert remind(capsys, monkeypatch, tmp_path, late) == (0, "", "")


@pytest.mark.parametrize(
    ("typed", "kept"),
    [("19:00", "19:00"), ("7:30", "07:30"), ("21", "21:00"), (" OFF ", "off"), ("0:00", "00:00")],
)
def test_times_as_typed(typed: str, kept: str) -> None:
    assert parse_reminder_time(typed) == kept


@pytest.mark.parametrize("typed", ["24:00", "19:60", "7:5", "seven", "", "19:00:00", "１９"])
def test_times_refused(typed: str) -> None:
    with pytest.raises(ValueError, match="HH:MM"):
        parse_reminder_time(typed)


def test_the_default_is_19_00() -> None:
    assert not reminder_due(datetime(2026, 1, 1, 18, 59), logged_today=False, kept=None)
    assert reminder_due(datetime(2026, 1, 1, 19, 0), logged_today=False, kept=None)
