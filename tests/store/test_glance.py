"""The quick look at the diary file for the prompt line, held to what the app writes and
to how the app counts."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path

import orjson
from hypothesis import given
from hypothesis import strategies as st

from sciatica_tui.domain.records import DailyLog, Profile, RehabDay, Settings, Verdict
from sciatica_tui.domain.status_line import DiaryGlance
from sciatica_tui.domain.timeline import position
from sciatica_tui.store import glance, opening
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.glance import glance_at_diary
from tests.support.store import check, full_log, session

DAY = date(2026, 11, 21)


def test_each_record_starts_as_the_glance_looks_for_it() -> None:
    """The glance finds records by their first field: to_record must keep that order."""
    day = DAY.isoformat()
    assert orjson.dumps(full_log(DAY).to_record()).startswith(f'{{"date":"{day}",'.encode())
    assert orjson.dumps(DailyLog(DAY, 1, 2).to_record()).startswith(b'{"date":"2026-11-21",')
    assert orjson.dumps(RehabDay(DAY, ("a",)).to_record()).startswith(f'{{"date":"{day}",'.encode())
    started = orjson.dumps(session(datetime(2026, 11, 21, 8, 0)).to_record())
    assert started.startswith(f'{{"started_at":"{day}T'.encode())
    assert orjson.dumps(check(datetime(2026, 11, 21, 8)).to_record()).startswith(b'{"at":"')


def test_a_note_that_looks_like_a_record_is_not_one(tmp_path: Path) -> None:
    sneaky = '{"date":"2026-11-21","leg_pain":1,"back_pain":1} {"at":"2099-01-01T00:00:00"'
    with DiaryStore.open(tmp_path) as store:
        store.save_daily_log(DailyLog(DAY - timedelta(days=1), 5, 2, notes=sneaky))
        store.save_red_flag_check(check(datetime(2026, 11, 2, 9), Verdict.URGENT))
    glance = glance_at_diary(tmp_path, DAY)
    assert glance.state == "ok"
    assert not glance.logged_today
    assert glance.last_check_at == datetime(2026, 11, 2, 9)


def test_the_profile_and_settings_are_read(tmp_path: Path) -> None:
    with DiaryStore.open(tmp_path) as store:
        settings = Settings(reminder_time="21:15", emergency_number="999")
        store.save_profile(Profile(onset_date=date(2026, 1, 1), settings=settings))
    glance = glance_at_diary(tmp_path, DAY)
    assert (glance.onset, glance.reminder_time) == (date(2026, 1, 1), "21:15")


def test_a_link_that_leads_nowhere_is_unreadable(tmp_path: Path) -> None:
    (tmp_path / "diary.json").symlink_to(tmp_path / "gone.json")
    assert glance_at_diary(tmp_path, DAY).state == "unreadable"
    assert glance_at_diary(tmp_path / "none", DAY).state == "no_diary"


@given(st.dates(date(2000, 1, 1), date(2030, 1, 1)), st.dates(date(2000, 1, 1), date(2030, 1, 1)))
def test_weeks_since_onset_as_the_timeline_counts_them(onset: date, day: date) -> None:
    glance = DiaryGlance(day)
    glance.onset = onset
    assert glance.weeks_since_onset == position(onset, None, day).weeks_since_onset


def test_the_glance_reads_the_file_the_store_writes() -> None:
    assert glance.DIARY_FILE == opening.DIARY_FILE


def test_a_record_longer_than_the_first_piece_is_read_whole() -> None:
    note = "é" * (glance.RECORD_WINDOW // 2 + 7)  # two bytes each: past the first piece
    payload = orjson.dumps({"daily_logs": {"1": {"date": "2026-11-21", "notes": note}}})
    start = payload.index(b'{"date"')
    assert glance._value_at(payload, start) == {"date": "2026-11-21", "notes": note}
