"""The JSON export format round trip: any valid diary comes back the same, in documented keys."""

from __future__ import annotations

import json
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciatica_tui.domain.doses import MAX_TIMES_PER_DAY, Dose
from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.plan_items import PlanItem
from sciatica_tui.domain.record_kinds import RECORD_KINDS
from sciatica_tui.domain.records import (
    EVERY_PHASE,
    ActivityScore,
    BreathingSession,
    CheckIn,
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
from sciatica_tui.domain.tags import CustomTag, TagKind
from sciatica_tui.domain.visits import IMAGING_KINDS, ImagingReport, Visit
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.export_format import (
    FORMAT_VERSION,
    from_document,
    to_document,
)
from tests.support.export_samples import (
    SAMPLE_RECORDS,
    TODAY,
    by_key,
    run,
    sample_document,
    write_json,
)

# --- strategies for valid snapshots ----------------------------------------------------------

# What new text may hold: no control character but tab and newline, no bidi control, and
# line breaks already plain (CR and U+2028/U+2029 become a newline: see validation.characters).
SAFE_CHARACTERS = st.characters(
    exclude_categories=["Cs", "Cc", "Zl", "Zp"],
    include_characters="\n\t",
    exclude_characters="\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069",
)
ids = st.from_regex(r"[a-z0-9_\-]{1,20}", fullmatch=True)
question_ids = st.from_regex(r"[a-z0-9_]{1,40}", fullmatch=True)
past_dates = st.dates(min_value=date(1900, 1, 1), max_value=TODAY)
offsets = st.integers(-(23 * 60 + 59), 23 * 60 + 59).map(
    lambda minutes: timezone(timedelta(minutes=minutes))
)
times = st.datetimes(
    min_value=datetime(1900, 1, 2),
    max_value=datetime(2100, 12, 31),
    timezones=st.one_of(st.none(), offsets),
)


def text(max_size: int) -> st.SearchStrategy[str]:
    """Any saveable text, short or (now and then) exactly at the limit."""
    return st.text(SAFE_CHARACTERS, max_size=min(max_size, 40)) | st.just("é" * max_size)


def trimmed(max_size: int) -> st.SearchStrategy[str]:
    return st.text(SAFE_CHARACTERS, min_size=1, max_size=min(max_size, 40)).filter(
        lambda s: s == s.strip() and s != ""
    )


def one_line(max_size: int) -> st.SearchStrategy[str]:
    """Saveable text on one line (no newline or tab), short or exactly at the limit."""
    return st.text(SAFE_CHARACTERS, max_size=min(max_size, 40)).filter(
        lambda s: "\n" not in s and "\t" not in s
    ) | st.just("é" * max_size)


def maybe(strategy: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.none() | strategy


daily_logs = st.builds(
    DailyLog,
    date=past_dates,
    leg_pain=st.integers(0, 10),
    back_pain=st.integers(0, 10),
    pain_reach=maybe(st.sampled_from(Reach)),
    pain_side=maybe(st.sampled_from(Side)),
    numbness=maybe(st.integers(0, 10)),
    numbness_reach=maybe(st.sampled_from(Reach)),
    weakness=maybe(st.sampled_from(Weakness)),
    walking_minutes=maybe(st.integers(0, 600)),
    sitting_minutes=maybe(st.integers(0, 600)),
    sleep_hours=maybe(st.floats(0, 24)),
    sleep_quality=maybe(st.integers(1, 5)),
    mood=maybe(st.integers(1, 5)),
    pain_med_doses=maybe(st.integers(0, 50)),
    notes=maybe(text(2000)),
    tags=st.lists(ids, unique=True, max_size=4).map(tuple),
    medicine_doses=st.dictionaries(ids, st.integers(0, 50), max_size=3),
)
red_flag_checks = st.builds(
    RedFlagCheck,
    at=times,
    answers=st.dictionaries(question_ids, st.booleans(), min_size=1, max_size=5),
    verdict=st.sampled_from(Verdict),
)
rating = maybe(st.integers(0, 10))
breathing_sessions = st.builds(
    BreathingSession,
    started_at=times,
    inhale=st.integers(3, 6),
    hold_in=st.integers(3, 6),
    exhale=st.integers(3, 6),
    hold_out=st.integers(3, 6),
    planned_seconds=st.integers(1, 3600),
    elapsed_seconds=st.floats(0, 86400),
    cycles_completed=st.integers(0, 10000),
    completed=st.booleans(),
    stress_before=rating,
    stress_after=rating,
    pain_before=rating,
    pain_after=rating,
)
# Ids may repeat (rounds of an exercise done more than once a day): at most 5 of 6 allowed.
rehab_days = st.builds(RehabDay, date=past_dates, done=st.lists(ids, max_size=5).map(tuple))
custom_exercises = st.builds(
    CustomExercise,
    id=ids,
    phase=st.one_of(st.integers(1, 3), st.just(EVERY_PHASE)),
    title=trimmed(200),
    how=text(2000),
)
times_a_day = st.integers(1, MAX_TIMES_PER_DAY)
doses = st.one_of(
    st.builds(
        Dose, sets=maybe(st.integers(1, 10)), reps=st.integers(1, 50), times_per_day=times_a_day
    ),
    st.builds(
        Dose,
        sets=maybe(st.integers(1, 10)),
        hold_seconds=st.integers(1, 600),
        times_per_day=times_a_day,
    ),
    st.builds(Dose, sets=maybe(st.integers(1, 10)), times_per_day=times_a_day),
)
plan_items = st.builds(PlanItem, id=ids, hidden=st.booleans(), dose=maybe(doses))
medicines = st.builds(
    Medicine,
    id=ids,
    name=st.text(SAFE_CHARACTERS, min_size=1, max_size=30).filter(str.strip),
    dose=text(200),
    kind=st.sampled_from(MedicineKind),
    how_often=text(200),
    since=text(200),
    helps=text(200),
    side_effects=text(200),
)
imaging_reports = st.builds(
    ImagingReport,
    kind=st.sampled_from(IMAGING_KINDS),
    date=text(200),
    where=text(200),
    have_copy=st.booleans(),
    findings=st.one_of(st.just(""), one_line(400)),
)
visits = st.builds(
    Visit,
    id=ids,
    date=st.dates(min_value=date(1900, 1, 1)),
    clinician=text(200),
    reason=text(400),
    story=text(5000),
    history=text(5000),
    imaging=st.lists(imaging_reports, max_size=3).map(tuple),
    questions=st.lists(text(400), max_size=5).map(tuple),
    goals=st.lists(text(400), max_size=4).map(tuple),
    before_you_leave=st.lists(ids, unique=True, max_size=4).map(tuple),
    notes_after=text(5000),
)
phone_numbers = st.from_regex(r"\+?[0-9]{2,4}(?:[ .\-][0-9]{1,4}){0,2}", fullmatch=True)
# An urgent-advice number only ever comes with an emergency number.
number_pairs = st.one_of(
    st.just((None, None)), st.tuples(phone_numbers, st.one_of(st.none(), phone_numbers))
)
profiles = st.builds(
    Profile,
    onset_date=maybe(past_dates),
    surgery_date=maybe(past_dates),
    welcomed=st.booleans(),
    report_name=maybe(one_line(60).filter(lambda s: s == s.strip() != "")),
    settings=number_pairs.flatmap(
        lambda numbers: st.builds(
            Settings,
            theme=st.from_regex(r"[a-z0-9\-_]{1,60}", fullmatch=True),
            reduced_motion=st.booleans(),
            rehab_phase=maybe(st.integers(1, 3)),
            breathing_count=st.integers(3, 6),
            breathing_minutes=st.integers(1, 10),
            emergency_number=st.just(numbers[0]),
            urgent_number=st.just(numbers[1]),
            check_in_skipped=maybe(past_dates),
        )
    ),
)
activity_scores = st.builds(
    ActivityScore,
    # A name is one line: no newline or tab inside it.
    name=st.text(SAFE_CHARACTERS, min_size=1, max_size=60).filter(
        lambda s: s == s.strip() != "" and "\n" not in s and "\t" not in s
    ),
    score=st.integers(0, 10),
)
check_ins = st.builds(
    CheckIn,
    date=past_dates,
    global_change=st.integers(-3, 3),
    activities=st.lists(activity_scores, unique_by=lambda a: a.name.casefold(), max_size=3).map(
        tuple
    ),
)
custom_tags = st.builds(
    CustomTag,
    id=ids,
    label=trimmed(40).filter(lambda s: "\n" not in s and "\t" not in s),
    kind=st.sampled_from(TagKind),
)
flare_ups = st.builds(
    FlareUp,
    at=st.datetimes(min_value=datetime(1900, 1, 2), max_value=datetime.combine(TODAY, time.max)),
    pain=st.integers(0, 10),
    reach=maybe(st.sampled_from(Reach)),
    triggers=st.lists(ids, unique=True, max_size=3).map(tuple),
    helped=st.lists(ids, unique=True, max_size=3).map(tuple),
    minutes=maybe(st.integers(0, 24 * 60)),
    notes=maybe(text(2000)),
)
snapshots = st.builds(
    Snapshot,
    profile=profiles,
    daily_logs=st.lists(daily_logs, unique_by=lambda log: log.date, max_size=6),
    red_flag_checks=st.lists(red_flag_checks, unique_by=lambda c: c.at.isoformat(), max_size=3),
    breathing_sessions=st.lists(
        breathing_sessions, unique_by=lambda s: s.started_at.isoformat(), max_size=3
    ),
    rehab_days=st.lists(rehab_days, unique_by=lambda day: day.date, max_size=4),
    custom_exercises=st.lists(custom_exercises, unique_by=lambda e: e.id, max_size=3),
    rehab_plan=st.lists(plan_items, unique_by=lambda item: item.id, max_size=3),
    visits=st.lists(visits, unique_by=lambda v: v.id, max_size=2),
    check_ins=st.lists(check_ins, unique_by=lambda c: c.date, max_size=3),
    custom_tags=st.lists(custom_tags, unique_by=lambda t: t.id, max_size=3),
    flare_ups=st.lists(flare_ups, unique_by=lambda f: f.at.isoformat(), max_size=3),
    medicines=st.lists(medicines, unique_by=lambda m: m.id, max_size=3),
)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(snapshot=snapshots)
def test_export_then_import_into_an_empty_folder_gives_back_the_same_records(
    snapshot: Snapshot,
) -> None:
    text = json.dumps(to_document(snapshot), ensure_ascii=False, allow_nan=False)
    incoming = from_document(json.loads(text), today=TODAY)
    assert by_key(incoming) == by_key(snapshot)

    with tempfile.TemporaryDirectory() as folder:
        with DiaryStore.open(Path(folder)) as store:
            report = store.import_snapshot(incoming, overwrite=False)
        total = sum(len(getattr(snapshot, kind.name)) for kind in RECORD_KINDS)
        assert (report.added, report.replaced, report.kept) == (total, 0, [])
        with DiaryStore.open(Path(folder), read_only=True) as reopened:
            assert reopened.skipped == []
            assert by_key(reopened.snapshot()) == by_key(snapshot)


def test_the_document_has_exactly_the_documented_keys() -> None:
    document = to_document(Snapshot())
    assert document == {
        "format": "sciatica-tui",
        "version": FORMAT_VERSION,
        "profile": Profile().to_record(),
        "daily_logs": [],
        "red_flag_checks": [],
        "breathing_sessions": [],
        "rehab_days": [],
        "custom_exercises": [],
        "rehab_plan": [],
        "visits": [],
        "check_ins": [],
        "custom_tags": [],
        "flare_ups": [],
        "medicines": [],
    }


def test_export_and_import_through_the_command_give_identical_exports(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    sample = write_json(tmp_path / "sample.json", sample_document())
    assert run(capsys, "--data-dir", a, "import", sample)[0] == 0

    first, second = tmp_path / "first.json", tmp_path / "second.json"
    assert run(capsys, "--data-dir", a, "export", "--format", "json", "--out", first)[0] == 0
    status, out, _ = run(capsys, "--data-dir", b, "import", first)
    assert status == 0
    assert f"{SAMPLE_RECORDS} added, 0 replaced" in out
    assert run(capsys, "--data-dir", b, "export", "--format", "json", "--out", second)[0] == 0

    assert first.read_bytes() == second.read_bytes()
    assert json.loads(first.read_text(encoding="utf-8")) == sample_document()
