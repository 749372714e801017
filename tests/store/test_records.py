"""Basic store behaviour, run against an in-memory twin and a real file (TinyDB's pattern)."""

from __future__ import annotations

import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciatica_tui.domain.records import (
    CustomExercise,
    DailyLog,
    Profile,
    Reach,
    RedFlagCheck,
    RehabDay,
    Settings,
    Side,
    Snapshot,
    Verdict,
    Weakness,
)
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import StoreError
from sciatica_tui.store.schema import SCHEMA_VERSION
from tests.support.store import Diary, check, fill, full_log, profile, session, visit

NOV = date(2026, 11, 1)


@pytest.fixture(params=["memory", "file"])
def diary(request: pytest.FixtureRequest, tmp_path: Path) -> Diary:
    return Diary(request.param, tmp_path / "data")


def test_a_new_diary_is_empty_and_records_its_schema_version(diary: Diary) -> None:
    store = diary.open()
    assert store.snapshot() == Snapshot()
    assert store.schema_version() == SCHEMA_VERSION
    assert diary.docs("meta") == [{"schema_version": SCHEMA_VERSION}]
    store = diary.reopen(store)
    assert store.snapshot() == Snapshot()
    assert store.skipped == []
    store.close()


# --- daily logs ---------------------------------------------------------------------------


def test_daily_log_with_every_field_survives_a_reload(diary: Diary) -> None:
    store = diary.open()
    log = full_log(NOV)
    store.save_daily_log(log)
    assert store.daily_log(NOV) == log
    store = diary.reopen(store)
    assert store.daily_log(NOV) == log
    assert diary.docs("daily_logs") == [log.to_record()]
    store.close()


def test_resaving_a_daily_log_replaces_it_and_a_cleared_field_leaves_the_disk(
    diary: Diary,
) -> None:
    store = diary.open()
    store.save_daily_log(full_log(NOV))
    cleared = DailyLog(NOV, leg_pain=2, back_pain=1, mood=5)
    store.save_daily_log(cleared)
    assert store.daily_log(NOV) == cleared

    docs = diary.docs("daily_logs")
    assert docs == [{"date": "2026-11-01", "leg_pain": 2, "back_pain": 1, "mood": 5}]
    assert "notes" not in docs[0] and "sleep_hours" not in docs[0]

    store = diary.reopen(store)
    assert store.daily_log(NOV) == cleared
    assert store.daily_log(NOV).notes is None  # type: ignore[union-attr]
    assert len(store.daily_logs()) == 1
    store.close()


def test_a_missing_field_is_never_stored_as_zero(diary: Diary) -> None:
    store = diary.open()
    store.save_daily_log(DailyLog(NOV, leg_pain=0, back_pain=0))
    assert diary.docs("daily_logs") == [{"date": "2026-11-01", "leg_pain": 0, "back_pain": 0}]
    store = diary.reopen(store)
    assert store.daily_log(NOV) == DailyLog(NOV, leg_pain=0, back_pain=0)
    store.close()


def test_delete_daily_log(diary: Diary) -> None:
    store = diary.open()
    store.save_daily_log(DailyLog(NOV, 3, 3))
    store.save_daily_log(DailyLog(NOV + timedelta(days=1), 4, 4))
    store.delete_daily_log(NOV)
    store.delete_daily_log(date(2020, 1, 1))  # nothing there: no error
    assert store.daily_log(NOV) is None
    store = diary.reopen(store)
    assert [log.date for log in store.daily_logs()] == [NOV + timedelta(days=1)]
    store.close()


def test_daily_logs_come_back_oldest_first_between_inclusive_bounds(diary: Diary) -> None:
    store = diary.open()
    offsets = [5, 1, 9, 3, 0, 7]  # saved out of order on purpose
    for offset in offsets:
        store.save_daily_log(DailyLog(NOV + timedelta(days=offset), offset, 1))

    def dates(logs: list[DailyLog]) -> list[int]:
        return [(log.date - NOV).days for log in logs]

    for current in (store, diary.reopen(store)):
        assert dates(current.daily_logs()) == [0, 1, 3, 5, 7, 9]
        assert dates(current.daily_logs(NOV + timedelta(days=1), NOV + timedelta(days=7))) == [
            1,
            3,
            5,
            7,
        ]
        assert dates(current.daily_logs(start=NOV + timedelta(days=4))) == [5, 7, 9]
        assert dates(current.daily_logs(end=NOV + timedelta(days=3))) == [0, 1, 3]
        assert dates(current.daily_logs(NOV + timedelta(days=2), NOV + timedelta(days=2))) == []
        assert current.daily_logs(NOV + timedelta(days=8), NOV + timedelta(days=2)) == []
        store = current
    store.close()


def test_latest_log_before(diary: Diary) -> None:
    store = diary.open()
    assert store.latest_log_before(NOV) is None
    store.save_daily_log(DailyLog(NOV + timedelta(days=4), 4, 4))
    store.save_daily_log(DailyLog(NOV, 0, 0))
    store.save_daily_log(DailyLog(NOV + timedelta(days=2), 2, 2))
    for current in (store, diary.reopen(store)):
        assert current.latest_log_before(NOV) is None  # strictly before
        assert current.latest_log_before(NOV + timedelta(days=1)).leg_pain == 0  # type: ignore[union-attr]
        assert current.latest_log_before(NOV + timedelta(days=2)).leg_pain == 0  # type: ignore[union-attr]
        assert current.latest_log_before(NOV + timedelta(days=4)).leg_pain == 2  # type: ignore[union-attr]
        assert current.latest_log_before(NOV + timedelta(days=30)).leg_pain == 4  # type: ignore[union-attr]
        store = current
    store.close()


# --- the other records ------------------------------------------------------------------------


def test_red_flag_checks_oldest_first_and_replaced_by_time(diary: Diary) -> None:
    store = diary.open()
    later = check(datetime(2026, 11, 3, 9, 0), Verdict.URGENT)
    earlier = check(datetime(2026, 11, 1, 9, 0))
    store.save_red_flag_check(later)
    store.save_red_flag_check(earlier)
    same_time = check(datetime(2026, 11, 3, 9, 0), Verdict.EMERGENCY)
    store.save_red_flag_check(same_time)
    assert store.red_flag_checks() == [earlier, same_time]
    store = diary.reopen(store)
    assert store.red_flag_checks() == [earlier, same_time]
    assert len(diary.docs("red_flag_checks")) == 2
    store.close()


def test_a_check_saved_at_the_alert_is_updated_in_place(diary: Diary) -> None:
    """The emergency yes saves the check; the answers given after the alert update that
    same check (found by its time), and no second one is made."""
    store = diary.open()
    at = datetime(2026, 11, 3, 9, 0, 12, 345678)
    other = check(datetime(2026, 11, 1, 9, 0))
    store.save_red_flag_check(other)
    at_the_alert = RedFlagCheck(at, {"bladder": False, "bowel": True}, Verdict.EMERGENCY)
    store.save_red_flag_check(at_the_alert)
    later = RedFlagCheck(at, at_the_alert.answers | {"saddle_area": False}, Verdict.EMERGENCY)
    store.save_red_flag_check(later)
    assert store.red_flag_check(at) == later
    assert store.red_flag_checks() == [other, later]
    store = diary.reopen(store)
    assert store.red_flag_checks() == [other, later]
    assert len(diary.docs("red_flag_checks")) == 2
    store.close()


def test_breathing_sessions_with_and_without_ratings(diary: Diary) -> None:
    store = diary.open()
    rated = session(datetime(2026, 11, 1, 21, 0))
    stopped = session(
        datetime(2026, 11, 2, 7, 30),
        completed=False,
        elapsed_seconds=42.25,
        cycles_completed=2,
        stress_before=None,
        stress_after=None,
        pain_before=None,
        pain_after=None,
    )
    store.add_breathing_session(stopped)
    store.add_breathing_session(rated)
    store = diary.reopen(store)
    assert store.breathing_sessions() == [rated, stopped]
    assert "stress_before" not in diary.docs("breathing_sessions")[0]
    store.close()


def test_rehab_days_save_replace_and_range(diary: Diary) -> None:
    store = diary.open()
    assert store.rehab_day(NOV) == RehabDay(NOV)
    store.save_rehab_day(RehabDay(NOV + timedelta(days=1), ("walk",)))
    store.save_rehab_day(RehabDay(NOV, ("nerve_glide", "walk")))
    store.save_rehab_day(RehabDay(NOV + timedelta(days=1), ("walk", "bridge")))
    store = diary.reopen(store)
    assert store.rehab_day(NOV).done == ("nerve_glide", "walk")
    assert store.rehab_days() == [
        RehabDay(NOV, ("nerve_glide", "walk")),
        RehabDay(NOV + timedelta(days=1), ("walk", "bridge")),
    ]
    assert store.rehab_days(start=NOV + timedelta(days=1)) == [
        RehabDay(NOV + timedelta(days=1), ("walk", "bridge"))
    ]
    assert len(diary.docs("rehab_days")) == 2
    store.close()


def test_custom_exercises_add_rename_remove(diary: Diary) -> None:
    store = diary.open()
    store.save_custom_exercise(CustomExercise("ex2", 2, "Bridge"))
    store.save_custom_exercise(CustomExercise("ex1", 1, "Cat-cow", "Slowly"))
    store.save_custom_exercise(CustomExercise("ex2", 2, "Glute bridge", "Hold 5 s"))
    store = diary.reopen(store)
    assert store.custom_exercises() == [
        CustomExercise("ex1", 1, "Cat-cow", "Slowly"),
        CustomExercise("ex2", 2, "Glute bridge", "Hold 5 s"),
    ]
    store.remove_custom_exercise("ex1")
    store.remove_custom_exercise("never-added")
    store = diary.reopen(store)
    assert store.custom_exercises() == [CustomExercise("ex2", 2, "Glute bridge", "Hold 5 s")]
    assert diary.docs("custom_exercises") == [
        {"id": "ex2", "phase": 2, "title": "Glute bridge", "how": "Hold 5 s"}
    ]
    store.close()


def test_visits_save_update_remove_sorted_by_date(diary: Diary) -> None:
    store = diary.open()
    first = visit("b-first", date(2026, 10, 1))
    second = visit("a-second", date(2026, 12, 1), imaging=(), questions=())
    store.save_visit(second)
    store.save_visit(first)
    updated = visit("b-first", date(2026, 10, 1), notes_after="Referred to physio.")
    store.save_visit(updated)
    store = diary.reopen(store)
    assert store.visits() == [updated, second]
    store.remove_visit("a-second")
    store = diary.reopen(store)
    assert store.visits() == [updated]
    assert len(diary.docs("visits")) == 1
    store.close()


def test_profile_save_replace_and_clear_a_date(diary: Diary) -> None:
    store = diary.open()
    assert store.profile() == Profile()
    store.save_profile(profile())
    store = diary.reopen(store)
    assert store.profile() == profile()
    changed = profile(surgery_date=None, settings=Settings(theme="textual-light"))
    store.save_profile(changed)
    store = diary.reopen(store)
    assert store.profile() == changed
    docs = diary.docs("profile")
    assert len(docs) == 1 and "surgery_date" not in docs[0]
    store.close()


def test_snapshot_of_every_kind_survives_a_reload(diary: Diary) -> None:
    store = diary.open()
    fill(store)
    before = store.snapshot()
    store = diary.reopen(store)
    assert store.snapshot() == before
    assert store.skipped == []
    store.close()


def test_read_only_store_reads_but_refuses_to_write(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    with DiaryStore.open(folder) as store:
        fill(store)
        expected = store.snapshot()
    payload = (folder / "diary.json").read_bytes()
    reader = DiaryStore.open(folder, read_only=True)
    assert reader.snapshot() == expected
    with pytest.raises(StoreError, match="read-only"):
        reader.save_daily_log(DailyLog(NOV, 1, 1))
    reader.close()
    assert (folder / "diary.json").read_bytes() == payload


def test_read_only_open_of_a_missing_diary_says_so(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no diary"):
        DiaryStore.open(tmp_path / "nothing-here", read_only=True)
    assert not (tmp_path / "nothing-here").exists()


# --- open-ended: any sequence of saves and deletes -------------------------------------------

logs = st.builds(
    DailyLog,
    date=st.dates(date(2025, 1, 1), date(2025, 1, 20)),
    leg_pain=st.integers(0, 10),
    back_pain=st.integers(0, 10),
    pain_reach=st.none() | st.sampled_from(Reach),
    pain_side=st.none() | st.sampled_from(Side),
    numbness=st.none() | st.integers(0, 10),
    weakness=st.none() | st.sampled_from(Weakness),
    sleep_hours=st.none() | st.floats(0, 24).map(lambda h: round(h, 2)),
    mood=st.none() | st.integers(1, 5),
    notes=st.none() | st.text(max_size=30).filter(lambda t: "\x00" not in t),
)
operations = st.lists(
    st.one_of(logs, st.dates(date(2025, 1, 1), date(2025, 1, 20))), min_size=1, max_size=25
)


@pytest.mark.parametrize("kind", ["memory", "file"])
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps=operations)
def test_any_sequence_of_saves_and_deletes_matches_a_plain_dict(
    kind: str, steps: list[DailyLog | date]
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        diary = Diary(kind, Path(folder) / "data")
        store = diary.open()
        model: dict[date, DailyLog] = {}
        for step in steps:
            if isinstance(step, DailyLog):
                store.save_daily_log(step)
                model[step.date] = step
            else:
                store.delete_daily_log(step)
                model.pop(step, None)
        expected = [model[day] for day in sorted(model)]
        assert store.daily_logs() == expected
        store = diary.reopen(store)
        assert store.daily_logs() == expected
        assert store.skipped == []
        for day in (date(2025, 1, 1), date(2025, 1, 10), date(2025, 1, 21)):
            earlier = [d for d in sorted(model) if d < day]
            assert store.latest_log_before(day) == (model[earlier[-1]] if earlier else None)
        store.close()
