"""The part of the diary the summaries read: one call, its days kept, the same words."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from sciatica_tui.domain.records import RedFlagCheck, RehabDay, Verdict
from sciatica_tui.domain.visit.story import draft_story
from sciatica_tui.domain.visit.summary import visit_markdown
from sciatica_tui.domain.visit.weeks import days_read
from sciatica_tui.store.diary_store import DiaryStore
from tests.support.visit_diary import (
    FIXTURE_DIARY,
    FIXTURE_PROFILE,
    FIXTURE_VISIT,
    TODAY,
    fixture_draft,
    fixture_markdown,
    log,
    seed_fixture,
    session,
)


def test_an_excerpt_holds_the_profile_and_the_records_of_its_days(tmp_path: Path) -> None:
    with DiaryStore.open(tmp_path) as store:
        seed_fixture(store)
        assert store.excerpt() == store.snapshot().excerpt() == FIXTURE_DIARY
        first, last = date(2026, 11, 2), date(2026, 11, 10)  # both ends kept
        part = store.excerpt(first, last)
    assert part.profile == FIXTURE_PROFILE
    assert [log.date for log in part.daily_logs] == [date(2026, 11, 2), date(2026, 11, 5)]
    assert [check.at.date() for check in part.red_flag_checks] == [
        date(2026, 11, 3),
        date(2026, 11, 10),
    ]
    assert not part.breathing_sessions  # 1 Nov and 12 Nov are outside
    assert [day.date for day in part.rehab_days] == [
        date(2026, 11, 2),
        date(2026, 11, 9),
        date(2026, 11, 10),
    ]


def test_the_days_a_visit_reads_give_the_whole_diarys_story_and_summary(tmp_path: Path) -> None:
    june = datetime(2026, 6, 1, 9, 0)
    with DiaryStore.open(tmp_path) as store:
        seed_fixture(store)
        # A day of everything long before the chart's eight weeks: never read.
        store.save_daily_log(log(june.date(), 9, 9))
        store.save_red_flag_check(RedFlagCheck(june, {"severe_pain": True}, Verdict.URGENT))
        store.add_breathing_session(session(june, 600, True))
        store.save_rehab_day(RehabDay(june.date(), ("walk",)))
        whole = store.excerpt()
        read = store.excerpt(*days_read(FIXTURE_VISIT.date, TODAY))
    assert read == FIXTURE_DIARY  # June left out
    assert draft_story(whole, TODAY) == draft_story(read, TODAY) == fixture_draft()
    page = fixture_markdown(FIXTURE_VISIT)
    assert visit_markdown(FIXTURE_VISIT, whole, TODAY) == visit_markdown(FIXTURE_VISIT, read, TODAY)
    assert visit_markdown(FIXTURE_VISIT, read, TODAY) == page


def test_an_excerpt_holds_every_check_in_up_to_its_last_day(tmp_path: Path) -> None:
    """The visit summary measures the latest check-in by the first, however long ago."""
    from sciatica_tui.domain.records import ActivityScore, CheckIn

    days = [date(2026, 1, 5), date(2026, 11, 14), date(2026, 11, 21)]
    with DiaryStore.open(tmp_path) as store:
        for day in days:
            store.save_check_in(CheckIn(day, 0, (ActivityScore("walk", 5),)))
        excerpt = store.excerpt(date(2026, 11, 1), date(2026, 11, 20))
    assert [check_in.date for check_in in excerpt.check_ins] == days[:2]
