"""``sciatica status``: each format on no diary, a broken file, a day, and ten years;
what it imports; and that it works while the app holds the diary."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from benchmarks.ten_years import TODAY as TEN_YEARS_TODAY
from benchmarks.ten_years import ten_years
from sciatica_tui.cli import main
from sciatica_tui.domain.records import DailyLog, Profile, RehabDay, Verdict
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.store import check, session

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sciatica_tui.cli.base.today", lambda: TODAY)
    monkeypatch.setenv("SCIATICA_TUI_DATA", str(tmp_path / "env-diary"))


def status(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["status", "--data-dir", str(folder), *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def a_day(tmp_path: Path) -> Path:
    """Onset six weeks ago, today logged, two exercises, one breath, an urgent check."""
    with DiaryStore.open(tmp_path) as store:
        store.save_profile(Profile(onset_date=date(2026, 10, 8)))
        store.save_daily_log(DailyLog(TODAY, 6, 3))
        store.save_rehab_day(RehabDay(TODAY, ("pelvic_tilts", "walking")))
        store.add_breathing_session(session(datetime(2026, 11, 21, 8, 0), elapsed_seconds=170.0))
        store.add_breathing_session(session(datetime(2026, 11, 20, 8, 0)))
        store.save_red_flag_check(check(datetime(2026, 11, 18, 9, 0), Verdict.URGENT))
        store.save_red_flag_check(check(datetime(2026, 11, 1, 9, 0), Verdict.CLEAR))
    return tmp_path


EXPECTED = {
    "short": "logged · wk 6 · 2 ex · 3m breath · check 3d: urgent\n",
    "long": "Logged today · 6 weeks since onset · 2 exercises today · breathed once, 3 min · "
    "last red-flag check 3 days ago: urgent\n",
    "tmux": "logged · wk 6 · 2 ex · 3m breath · "
    "#[reverse,bold]check 3d: urgent#[noreverse,nobold]\n",
}


@pytest.mark.parametrize("form", ["short", "long", "tmux"])
def test_each_format_of_a_day(a_day: Path, capsys: pytest.CaptureFixture[str], form: str) -> None:
    assert status(capsys, a_day, "--format", form) == (0, EXPECTED[form], "")


def test_json_of_a_day(a_day: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = status(capsys, a_day, "--format", "json")
    assert code == 0
    assert json.loads(out) == {
        "state": "ok",
        "date": "2026-11-21",
        "logged_today": True,
        "weeks_since_onset": 6,
        "exercises_today": 2,
        "breathing_sessions_today": 1,
        "breathing_minutes_today": 3,
        "last_red_flag_check": {"at": "2026-11-18T09:00:00", "verdict": "urgent", "days_ago": 3},
    }


@pytest.mark.parametrize("form", ["short", "long", "json", "tmux"])
def test_an_empty_diary_says_not_logged(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str
) -> None:
    DiaryStore.open(tmp_path).close()
    code, out, _ = status(capsys, tmp_path, "--format", form)
    assert code == 0
    expected = {
        "short": "not logged · 0 ex · 0m breath · check never\n",
        "tmux": "#[bold]not logged#[nobold] · 0 ex · 0m breath · check never\n",
        "long": "Not logged today · no onset date · 0 exercises today · no breathing today · "
        "no red-flag check yet\n",
    }
    if form == "json":
        assert json.loads(out)["logged_today"] is False
    else:
        assert out == expected[form]


@pytest.mark.parametrize(("form", "word"), [("short", "no diary\n"), ("tmux", "no diary\n")])
def test_no_data_folder_prints_a_neutral_word(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], form: str, word: str
) -> None:
    folder = tmp_path / "none"
    assert status(capsys, folder, "--format", form) == (0, word, "")
    assert json.loads(status(capsys, folder, "--format", "json")[1])["state"] == "no_diary"
    assert not folder.exists()  # nothing created
    code, out, err = status(capsys, folder, "--strict")
    assert (code, out) == (1, word) and "there is no diary" in err


@pytest.mark.parametrize(
    "contents", [b"", b"{not json", b"\xff\xfe{}", b'{"daily_logs": [1, 2]', b"[1]"]
)
def test_a_broken_file_prints_a_neutral_word_and_exits_0(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], contents: bytes
) -> None:
    (tmp_path / "diary.json").write_bytes(contents)
    assert status(capsys, tmp_path) == (0, "diary unreadable\n", "")
    assert status(capsys, tmp_path, "--format", "long") == (0, "diary unreadable\n", "")
    assert json.loads(status(capsys, tmp_path, "--format", "json")[1])["state"] == "unreadable"
    code, _, err = status(capsys, tmp_path, "--strict")
    assert code == 1 and "cannot be read" in err
    assert (tmp_path / "diary.json").read_bytes() == contents  # never moved nor changed


def test_a_hand_edited_pretty_file_gives_the_same_line(
    a_day: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    diary = a_day / "diary.json"
    diary.write_text(json.dumps(json.loads(diary.read_bytes()), indent=2))
    assert status(capsys, a_day) == (0, EXPECTED["short"], "")


def test_ten_years(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    with DiaryStore.open(tmp_path) as store:
        store.import_snapshot(ten_years(), overwrite=True)
    last_day = TEN_YEARS_TODAY - timedelta(days=1)  # the last day the diary logs
    monkeypatch.setattr("sciatica_tui.cli.base.today", lambda: last_day)
    code, out, _ = status(capsys, tmp_path, "--format", "json")
    facts = json.loads(out)
    with DiaryStore.open(tmp_path, read_only=True) as store:
        rehab = store.rehab_day(last_day)
        sessions = [s for s in store.breathing_sessions() if s.started_at.date() == last_day]
        latest = store.red_flag_checks()[-1]
    assert code == 0
    assert facts["logged_today"] is True
    assert facts["weeks_since_onset"] == (last_day - date(2016, 11, 23)).days // 7
    assert facts["exercises_today"] == len(rehab.done)
    assert facts["breathing_sessions_today"] == len(sessions)
    assert facts["last_red_flag_check"]["at"] == latest.at.isoformat()
    for form in ("short", "long", "tmux"):
        assert status(capsys, tmp_path, "--format", form)[0] == 0


def test_works_while_the_app_holds_the_diary(
    a_day: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with DiaryStore.open(a_day):
        assert status(capsys, a_day) == (0, EXPECTED["short"], "")


def test_a_prompt_imports_nothing_heavy(a_day: Path) -> None:
    """No Textual, plotext, TinyDB, filelock, dateutil, content, typing, pathlib or argparse
    at a prompt."""
    code = (
        "import sys\n"
        "from sciatica_tui.cli import main\n"
        f"main(['status', '--data-dir', {str(a_day)!r}])\n"
        f"main(['remind', '--data-dir', {str(a_day)!r}])\n"
        "print(' '.join(sorted(sys.modules)))\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    loaded = set(done.stdout.splitlines()[-1].split())
    heavy = {
        "textual", "plotext", "tinydb", "filelock", "dateutil", "orjson", "typing", "shutil",
        "dataclasses", "pathlib", "argparse", "sciatica_tui.domain.content",
        "sciatica_tui.domain.records",
        "sciatica_tui.cli.export", "sciatica_tui.cli.log",
    }  # fmt: skip
    assert loaded & heavy == set()
