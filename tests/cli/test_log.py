"""``sciatica log``: every field, merging into a day, each bad value, and the app's lock."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sciatica_tui.cli import main
from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.records import DailyLog, Reach, Side, Weakness
from sciatica_tui.domain.validation.characters import with_plain_line_breaks
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.store import files_in

TODAY = date(2026, 11, 21)


@pytest.fixture(autouse=True)
def frozen_today(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr("sciatica_tui.cli.base.today", lambda: TODAY)
    monkeypatch.setenv("SCIATICA_TUI_DATA", str(tmp_path / "env-diary"))


def log(capsys: pytest.CaptureFixture[str], folder: Path, *argv: str) -> tuple[int, str, str]:
    status = main(["--data-dir", str(folder), "log", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def saved(folder: Path, day: date = TODAY) -> DailyLog | None:
    with DiaryStore.open(folder, read_only=True) as store:
        return store.daily_log(day)


def test_two_numbers_log_leg_then_back_pain_for_today(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = log(capsys, tmp_path, "6", "3")
    assert (status, err) == (0, "")
    assert out == "Saved Sat 21 Nov (today): leg pain 6, back pain 3.\n"
    assert saved(tmp_path) == DailyLog(TODAY, 6, 3)


def test_every_field_is_saved(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = log(
        capsys, tmp_path,
        "--leg", "6", "--back", "3", "--reach", "thigh", "--side", "left",
        "--numbness", "2", "--numbness-reach", "buttock", "--weakness", "mild",
        "--walk", "20", "--sit", "45", "--sleep", "6.5", "--sleep-quality", "4",
        "--mood", "3", "--meds", "2", "--note", "long drive", "--date", "yesterday",
    )  # fmt: skip
    assert status == 0
    assert out.splitlines()[0].startswith("Saved Fri 20 Nov (yesterday): leg pain 6, back")
    assert saved(tmp_path, date(2026, 11, 20)) == DailyLog(
        date(2026, 11, 20), 6, 3, Reach.THIGH, Side.LEFT, 2, Reach.BUTTOCK, Weakness.MILD,
        20, 45, 6.5, 4, 3, 2, "long drive",
    )  # fmt: skip


def test_a_day_is_merged_and_a_different_saved_value_is_kept_without_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log(capsys, tmp_path, "6", "3", "--mood", "2")
    status, out, err = log(capsys, tmp_path, "6", "4", "--walk", "20")
    assert status == 0
    assert out == "Saved Sat 21 Nov (today): walking minutes 20.\n"
    assert "Kept what Sat 21 Nov (today) already holds: back pain 3 (you gave 4)" in err
    assert "--overwrite" in err
    assert saved(tmp_path) == DailyLog(TODAY, 6, 3, mood=2, walking_minutes=20)


def test_overwrite_replaces_the_saved_values_given_and_keeps_the_others(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log(capsys, tmp_path, "6", "3", "--mood", "2")
    status, out, err = log(capsys, tmp_path, "--back", "4", "--note", "a walk", "--overwrite")
    assert (status, err) == (0, "")
    assert out == "Saved Sat 21 Nov (today): back pain 4, note 'a walk'.\n"
    assert saved(tmp_path) == DailyLog(TODAY, 6, 4, mood=2, notes="a walk")


def test_meds_never_contradicts_the_doses_of_the_days_medicines(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    ibuprofen = Medicine("ibuprofen", "Ibuprofen", "400 mg", MedicineKind.PAIN_RELIEF)
    with DiaryStore.open(tmp_path) as store:
        store.save_medicine(ibuprofen)
        store.save_daily_log(
            DailyLog(TODAY, 6, 3, pain_med_doses=2, medicine_doses={"ibuprofen": 2})
        )
    status, out, err = log(capsys, tmp_path, "--meds", "5", "--overwrite")
    assert (status, out) == (2, "")
    assert "total of its medicines' doses (2)" in err and "Nothing was saved" in err
    assert saved(tmp_path) == DailyLog(
        TODAY, 6, 3, pain_med_doses=2, medicine_doses={"ibuprofen": 2}
    )
    # A day without pain-relief doses still takes a plain count.
    assert log(capsys, tmp_path, "6", "3", "--meds", "1", "--date", "yesterday")[0] == 0


def test_the_same_values_again_change_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log(capsys, tmp_path, "6", "3")
    assert log(capsys, tmp_path, "6", "3") == (
        0,
        "Nothing to change: Sat 21 Nov (today) already holds these values.\n",
        "",
    )


@pytest.mark.parametrize(
    ("argv", "named"),
    [
        (["11", "3"], "--leg (leg_pain): 11 is above 10. Leg pain must be a whole number"),
        (["6", "-1"], "--back (back_pain): -1 is below 0"),
        (["6", "3", "--reach", "knee"], "--reach (pain_reach): 'knee' is not one of"),
        (["6", "3", "--side", "up"], "--side (pain_side): 'up' is not one of"),
        (["6", "3", "--numbness", "x"], "--numbness (numbness): 'x' is not a whole number"),
        (["6", "3", "--numbness-reach", "toe"], "--numbness-reach (numbness_reach)"),
        (["6", "3", "--weakness", "bad"], "--weakness (weakness): 'bad' is not one of"),
        (["6", "3", "--walk", "601"], "--walk (walking_minutes): 601 is above 600"),
        (["6", "3", "--sit", "2.5"], "--sit (sitting_minutes): 2.5 is not a whole number"),
        (["6", "3", "--sleep", "25"], "--sleep (sleep_hours): 25.0 is above 24"),
        (["6", "3", "--sleep-quality", "0"], "--sleep-quality (sleep_quality): 0 is below 1"),
        (["6", "3", "--mood", "6"], "--mood (mood): 6 is above 5"),
        (["6", "3", "--meds", "51"], "--meds (pain_med_doses): 51 is above 50"),
        (["6", "3", "--note", "x" * 2001], "--note (notes): is 2001 characters long"),
        (["6"], "back_pain): is missing. Back pain must be a whole number"),
        (["6", "3", "--date", "tomorrow"], "--date: Tomorrow is in the future"),
        (["6", "3", "--date", "3/11"], "--date: '3/11' could be 3 Nov or 11 Mar"),
        (["6", "3", "2"], "unrecognized arguments: 2"),
        (["6", "--leg", "5"], "--leg is given twice"),
        (["--date", "yesterday"], "nothing to log"),
    ],
)
def test_a_bad_value_exits_2_names_the_field_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], argv: list[str], named: str
) -> None:
    log(capsys, tmp_path, "5", "2", "--date", "2026-11-01")  # a diary already there
    before = files_in(tmp_path, with_lock=False)
    status, out, err = log(capsys, tmp_path, *argv)
    assert (status, out) == (2, "")
    assert named in err
    assert files_in(tmp_path, with_lock=False) == before


def test_refused_while_the_app_holds_the_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log(capsys, tmp_path, "5", "2")
    before = files_in(tmp_path, with_lock=False)
    with DiaryStore.open(tmp_path):  # as the app holds it
        status, out, err = log(capsys, tmp_path, "6", "3", "--overwrite")
    assert (status, out) == (1, "")
    assert "nothing was saved: the sciatica app (or another sciatica command) has" in err
    assert "open" in err and "quit the app and run this again" in err
    assert files_in(tmp_path, with_lock=False) == before


def test_says_when_the_app_would_open_the_red_flag_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    log(capsys, tmp_path, "5", "2", "--side", "left", "--date", "yesterday")
    status, out, _ = log(capsys, tmp_path, "6", "3", "--side", "both", "--weakness", "marked")
    assert status == 0
    first, check, emergency = out.splitlines()
    assert first.startswith("Saved Sat 21 Nov (today): leg pain 6")
    assert "This entry would open the red-flag check in the app." in check
    assert "You marked the leg weakness as marked." in check
    assert "The pain is now in both legs." in check
    assert "Run sciatica and press ctrl+r" in check
    assert "get help at once: call your local emergency number." in emergency
    # Saving the same day again with a note does not raise the same concern twice.
    _, again, _ = log(capsys, tmp_path, "--note", "rested")
    assert "red-flag" not in again


def test_no_check_message_for_an_ordinary_day(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = log(capsys, tmp_path, "4", "2", "--side", "left", "--weakness", "none")
    assert len(out.splitlines()) == 1


def test_a_note_is_echoed_quoted_never_as_terminal_codes(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = log(capsys, tmp_path, "5", "3", "--note", "hi\nthere")
    assert status == 0 and out.count("\n") == 1
    assert "note 'hi\\nthere'" in out
    status, out, err = log(capsys, tmp_path, "5", "3", "--note", "hi\x1b[31m")
    assert status == 2 and "\x1b" not in out + err and "(notes): holds a hidden" in err


@settings(max_examples=25, deadline=None)
@given(note=st.text(max_size=60))
def test_any_note_is_saved_as_typed_or_refused_with_nothing_written(note: str) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        status = main(["--data-dir", str(folder), "log", "5", "3", "--note", note])
        kept = saved(folder) if (folder / "diary.json").exists() else None
        if status == 0 and note.strip():
            # Line breaks typed as CR, CR LF or U+2028 are kept as plain newlines.
            assert kept is not None and kept.notes == with_plain_line_breaks(note).strip()
        else:
            assert status == 2 and kept is None
