"""A diary file that holds control characters (written by an older version, or edited by
hand) still opens: every record readable, none set aside, nothing changed (issue 19 item 4).
The rule for new text is stricter than the rule for reading."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.hostile_text import HOSTILE, write_hostile_diary

TODAY = date(2026, 11, 21)


def test_records_holding_control_characters_open_unchanged_and_none_is_set_aside(
    tmp_path: Path,
) -> None:
    folder = tmp_path / "data"
    write_hostile_diary(folder, TODAY)
    before = (folder / "diary.json").read_bytes()
    with DiaryStore.open(folder) as store:
        assert store.skipped == [] and store.notice() is None
        assert all(log.notes and HOSTILE in log.notes for log in store.daily_logs())
        (visit,) = store.visits()
        assert visit.reason == f"reason {HOSTILE}" and visit.questions == (f"question {HOSTILE}",)
        assert store.custom_exercises()[0].title == f"title {HOSTILE}"
    assert (folder / "diary.json").read_bytes() == before
    assert not list(folder.glob("diary-set-aside-*"))


def test_a_save_of_another_day_keeps_them_as_they_were(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    write_hostile_diary(folder, TODAY)
    with DiaryStore.open(folder) as store:
        kept = store.snapshot()
        store.save_daily_log(DailyLog(date(2026, 10, 1), leg_pain=2, back_pain=1))
    with DiaryStore.open(folder) as store:
        assert store.visits() == kept.visits
        assert [log for log in store.daily_logs() if log.date != date(2026, 10, 1)] == list(
            kept.daily_logs
        )
