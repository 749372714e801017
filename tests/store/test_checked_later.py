"""Opening a diary with ``check_later_before``: the days' older records are checked when a read
first reaches them, before the first save, or on ``finish_opening``, and every read answers
as it would have had every record been checked as the diary opened."""

from __future__ import annotations

import errno
import json
import os
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from sciatica_tui.domain import record_kinds as kinds
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.store import set_aside as set_aside_module
from sciatica_tui.store.diary_file import SetAside
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.errors import StoreWriteError
from sciatica_tui.store.schema import SCHEMA_VERSION
from sciatica_tui.store.tables import RecordTable

# At a new year: an ISO week date written in the old year (2020-W53-7) is a day in the new.
CUTOFF = date(2021, 1, 2)
DAYS = [CUTOFF + timedelta(days=offset) for offset in (-40, -3, -1, 0, 1, 5)]

# Ways a stored day or start may be written: the app's own, others a valid record may hold,
# and some no record may hold. Each names a day before or after the cutoff.
DAY_FORMS = st.sampled_from(
    [
        lambda day: day.isoformat(),
        lambda day: day.strftime("%Y%m%d"),  # no dashes: not a valid day
        lambda day: " " + day.isoformat(),
        lambda day: day.isoformat().replace("-", "/"),
    ]
)
START_FORMS = st.sampled_from(
    [
        lambda day: f"{day.isoformat()}T09:30:00",
        lambda day: f"{day.isoformat()} 21:05",
        lambda day: f"{day.isoformat()}T23:30:00+05:00",
        lambda day: f"{day.strftime('%Y%m%d')}T09:30:00",  # read by Python 3.11 as a time too
        lambda day: "{}-W{:02d}-{}T12:00:00".format(*day.isocalendar()),  # and this
        lambda day: f"{day.isoformat()}T25:00:00",
    ]
)


@st.composite
def log_docs(draw: st.DrawFn) -> dict[str, Any]:
    day = draw(st.sampled_from(DAYS))
    doc: dict[str, Any] = {
        "date": draw(DAY_FORMS)(day),
        "leg_pain": draw(st.sampled_from([0, 4, 10, 11, "5"])),
        "back_pain": draw(st.integers(0, 10)),
    }
    if draw(st.booleans()):
        del doc["date"]
    return doc


def _session(started_at: str) -> dict[str, Any]:
    return {
        "started_at": started_at,
        **dict.fromkeys(("inhale", "hold_in", "exhale", "hold_out"), 4),
        "planned_seconds": 60,
        "elapsed_seconds": 60,
        "cycles_completed": 3,
        "completed": True,
    }


@st.composite
def session_docs(draw: st.DrawFn) -> dict[str, Any]:
    day = draw(st.sampled_from(DAYS))
    return _session(draw(START_FORMS)(day)) | {"elapsed_seconds": draw(st.sampled_from([60, -1]))}


def _tables(kind_name: str, docs: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {kind_name: {str(number + 1): doc for number, doc in enumerate(docs)}}


def _reads(table: RecordTable[Any], read: str, day: date) -> Any:
    key = day.isoformat()
    if read == "get":
        return table.get(key)
    if read == "between":
        return table.between(day, day + timedelta(days=3))
    if read == "from":
        return table.between(day, None)
    if read == "latest_before":
        return table.latest_before(key)
    if read == "count":
        return [table.count(up_to=count) for count in range(6)]
    if read == "a step":  # of the check a moment after the first frame: answers nothing
        assert table.finish(at_most=2) <= 2
        return None
    return table.all()


READS = st.sampled_from(["get", "between", "from", "latest_before", "count", "all", "a step"])
KINDS_AND_DOCS = st.sampled_from(
    [(kinds.DAILY_LOGS, log_docs()), (kinds.BREATHING_SESSIONS, session_docs())]
).flatmap(lambda pair: st.tuples(st.just(pair[0]), st.lists(pair[1], max_size=8)))


def _loaded(
    kind: kinds.RecordKind[Any], docs: list[dict[str, Any]], later_before: str = ""
) -> tuple[RecordTable[Any], list[SetAside]]:
    """A table of ``docs`` (it only reads: no TinyDB), and the list of what it sets aside."""
    table: RecordTable[Any] = RecordTable(None, kind)  # type: ignore[arg-type]
    left_out: list[SetAside] = []
    table.load(_tables(kind.name, docs), left_out, later_before=later_before)
    return table, left_out


@settings(max_examples=150, deadline=None)
@example(  # the latest checked start before the day is a day before the cutoff: look further
    (kinds.BREATHING_SESSIONS, [_session("20210101T09:30:00"), _session("2021-01-01T23:30:00")]),
    [("latest_before", CUTOFF)],
)
@given(
    KINDS_AND_DOCS,
    st.lists(st.tuples(READS, st.sampled_from(DAYS)), min_size=1, max_size=4),
)
def test_every_read_answers_as_if_every_record_had_been_checked_at_once(
    kind_and_docs: tuple[kinds.RecordKind[Any], list[dict[str, Any]]],
    reads: list[tuple[str, date]],
) -> None:
    at_once, left_out_at_once = _loaded(*kind_and_docs)
    later, left_out_later = _loaded(*kind_and_docs, later_before=CUTOFF.isoformat())

    for read, day in reads:
        assert _reads(later, read, day) == _reads(at_once, read, day), (read, day)
    later.finish()
    assert later.all() == at_once.all()
    assert left_out_later == left_out_at_once


def test_only_the_recent_days_are_checked_until_a_read_reaches_back() -> None:
    stored = _tables(
        kinds.DAILY_LOGS.name,
        [
            {"date": "2020-12-01", "leg_pain": 3, "back_pain": 1},
            {"date": "2020-12-02", "leg_pain": 99, "back_pain": 1},
            {"date": "2021-01-04", "leg_pain": 5, "back_pain": 2},
        ],
    )
    table: RecordTable[DailyLog] = RecordTable(None, kinds.DAILY_LOGS)  # type: ignore[arg-type]
    left_out: list[SetAside] = []
    table.load(stored, left_out, later_before=CUTOFF.isoformat())
    assert [log.leg_pain for log in table.between(CUTOFF, None)] == [5]
    assert table.latest_before("2021-01-20") == table.get("2021-01-04")
    assert table.count(up_to=1) == 1
    assert left_out == []  # nothing older has been looked at yet
    assert table.count(up_to=3) == 2  # more than the recent days hold: every day is checked
    assert [record.doc_id for record in left_out] == ["2"]


@settings(max_examples=60, deadline=None)
@given(
    KINDS_AND_DOCS,
    st.integers(min_value=1, max_value=4),
)
def test_checked_a_few_at_a_time_as_all_at_once(
    kind_and_docs: tuple[kinds.RecordKind[Any], list[dict[str, Any]]], at_most: int
) -> None:
    docs = kind_and_docs[1]
    at_once, left_out_at_once = _loaded(*kind_and_docs)
    in_steps, left_out_in_steps = _loaded(*kind_and_docs, later_before=CUTOFF.isoformat())
    checked_each_step = [in_steps.finish(at_most=at_most)]
    while not in_steps.checked:
        assert left_out_in_steps == []  # nothing is told halfway
        checked_each_step.append(in_steps.finish(at_most=at_most))
    assert sum(checked_each_step) == len(docs)
    assert all(0 < checked <= at_most for checked in checked_each_step) or docs == []
    assert len(checked_each_step) == max(1, -(-len(docs) // at_most))
    assert in_steps.all() == at_once.all()
    assert left_out_in_steps == left_out_at_once


def test_a_step_checks_at_least_one_record() -> None:
    table, _ = _loaded(kinds.DAILY_LOGS, [], later_before=CUTOFF.isoformat())
    with pytest.raises(ValueError, match="at least 1"):
        table.finish(at_most=0)


# --- the store -------------------------------------------------------------------------------

OLD_BAD = {"date": "2020-12-02", "leg_pain": 99, "back_pain": 1}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    tables = {
        "meta": {"1": {"schema_version": SCHEMA_VERSION}},
        "daily_logs": {
            "1": {"date": "2020-12-01", "leg_pain": 3, "back_pain": 1},
            "2": OLD_BAD,
            "3": {"date": "2021-01-04", "leg_pain": 5, "back_pain": 2},
            # An older version let a control character in: read as it is stored, later too.
            "4": {"date": "2020-11-30", "leg_pain": 1, "back_pain": 1, "notes": "a \x1b[2J"},
        },
    }
    (folder / "diary.json").write_text(json.dumps(tables), encoding="utf-8")
    return folder


def _side_records(folder: Path) -> list[dict[str, Any]]:
    sides = list(folder.glob("diary-set-aside-*.json"))
    assert len(sides) == 1
    records: list[dict[str, Any]] = json.loads(sides[0].read_text())["records"]
    return records


def test_the_notice_waits_until_the_older_days_are_checked(folder: Path) -> None:
    with DiaryStore.open(folder, check_later_before=CUTOFF) as store:
        assert not store.opened_fully and store.notice() is None
        assert not list(folder.glob("diary-set-aside-*"))
        store.finish_opening()
        assert store.opened_fully
        assert store.notice() is not None and "daily_logs record 2" in store.notice()  # type: ignore[operator]
        assert [log.notes for log in store.daily_logs()] == ["a \x1b[2J", None, None]
        store.finish_opening()  # the second time, nothing more
    assert [entry["record"] for entry in _side_records(folder)] == [OLD_BAD]


def test_checked_a_step_at_a_time_then_told(folder: Path) -> None:
    with DiaryStore.open(folder, check_later_before=CUTOFF) as store:
        steps = 1
        while not store.finish_opening(at_most=1):
            assert not store.opened_fully and store.notice() is None
            steps += 1
        assert steps == 5  # the four days of the one growing table with any, one a step
        assert store.opened_fully
        assert store.notice() is not None and "daily_logs record 2" in store.notice()  # type: ignore[operator]
        assert store.finish_opening(at_most=1)  # over: nothing more
    assert [entry["record"] for entry in _side_records(folder)] == [OLD_BAD]


def test_the_diary_is_opened_fully_only_once_its_last_table_is_checked(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    rehab_days = {str(n): {"date": f"2020-12-0{n}", "done": ["walk"]} for n in range(1, 4)}
    tables = {"meta": {"1": {"schema_version": SCHEMA_VERSION}}, "rehab_days": rehab_days}
    (folder / "diary.json").write_text(json.dumps(tables), encoding="utf-8")
    with DiaryStore.open(folder, check_later_before=CUTOFF) as store:
        results = [store.finish_opening(at_most=2) for _ in range(2)]
        assert results == [False, True] and store.opened_fully
        assert len(store.rehab_days()) == 3


def test_a_save_halfway_through_the_steps_finishes_the_check_first(folder: Path) -> None:
    with DiaryStore.open(folder, check_later_before=CUTOFF) as store:
        assert not store.finish_opening(at_most=1)
        store.save_daily_log(DailyLog(date(2021, 1, 5), 1, 1))
        assert store.opened_fully and store.finish_opening(at_most=1)
        assert [log.date.day for log in store.daily_logs()] == [30, 1, 4, 5]
    assert [entry["record"] for entry in _side_records(folder)] == [OLD_BAD]


def test_the_first_save_sets_aside_what_cannot_be_read_first(folder: Path) -> None:
    with DiaryStore.open(folder, check_later_before=CUTOFF) as store:
        store.save_daily_log(DailyLog(date(2021, 1, 5), 1, 1))
        assert store.opened_fully and store.side_file is not None
    assert [entry["record"] for entry in _side_records(folder)] == [OLD_BAD]
    saved = json.loads((folder / "diary.json").read_bytes())["daily_logs"]
    assert OLD_BAD not in saved.values() and len(saved) == 4


def test_a_reader_only_leaves_them_out(folder: Path) -> None:
    before = (folder / "diary.json").read_bytes()
    with DiaryStore.open(folder, read_only=True, check_later_before=CUTOFF) as store:
        assert store.notice() is None
        store.finish_opening()
        assert store.notice() is not None and "left out" in store.notice()  # type: ignore[operator]
    assert (folder / "diary.json").read_bytes() == before
    assert not list(folder.glob("diary-set-aside-*"))


def test_no_save_goes_through_while_they_cannot_be_set_aside(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_args: object) -> Path:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(set_aside_module, "keep_set_aside", full_disk)
    with DiaryStore.open(folder, check_later_before=CUTOFF) as store:
        with pytest.raises(StoreWriteError):
            store.finish_opening()
        with pytest.raises(StoreWriteError):
            store.save_daily_log(DailyLog(date(2021, 1, 5), 1, 1))
        monkeypatch.undo()
        store.save_daily_log(DailyLog(date(2021, 1, 5), 1, 1))  # room again: both happen
    assert [entry["record"] for entry in _side_records(folder)] == [OLD_BAD]
    saved = json.loads((folder / "diary.json").read_bytes())["daily_logs"]
    assert OLD_BAD not in saved.values() and len(saved) == 4
