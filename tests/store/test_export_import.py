"""The JSON export format: round trips, refusal of bad files, and the files it writes."""

from __future__ import annotations

import copy
import json
import math
import os
import stat
import tempfile
from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sciatica_tui.cli import main
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
    ImportProblems,
    from_document,
    to_document,
)
from sciatica_tui.store.files import write_private_file
from tests.support.export_versions import as_exported_now

# The command line checks dates against the real today, so the tests do too.
TODAY = date.today()
# Well ahead: a run that crosses midnight must still see it as the future.
FUTURE = (TODAY + timedelta(days=30)).isoformat()


def sample_document() -> dict[str, Any]:
    """A valid export holding one or two records of every kind, every field filled in."""
    return {
        "format": "sciatica-tui",
        "version": FORMAT_VERSION,
        "profile": {
            "onset_date": "2025-09-01",
            "welcomed": True,
            "report_name": "Sam Taylor",
            "settings": {
                "theme": "nord",
                "reduced_motion": True,
                "rehab_phase": 2,
                "breathing_count": 5,
                "breathing_minutes": 4,
                "emergency_number": "999",
                "urgent_number": "111",
            },
        },
        "daily_logs": [
            {
                "date": "2025-11-03",
                "leg_pain": 6,
                "back_pain": 3,
                "pain_reach": "below_knee",
                "pain_side": "left",
                "numbness": 2,
                "numbness_reach": "foot",
                "weakness": "mild",
                "walking_minutes": 20,
                "sitting_minutes": 90,
                "sleep_hours": 6.5,
                "sleep_quality": 3,
                "mood": 3,
                "pain_med_doses": 2,
                "notes": "Walked to the shop. Ça va — 😊",
                "tags": ["driving", "garden", "heat"],
                "medicine_doses": {"paracetamol": 2, "gabapentin": 1},
            },
            {"date": "2025-11-04", "leg_pain": 5, "back_pain": 2},
        ],
        "red_flag_checks": [
            {
                "at": "2025-11-03T09:30:00",
                "answers": {"bladder": False, "saddle_numbness": False},
                "verdict": "clear",
            }
        ],
        "breathing_sessions": [
            {
                "started_at": "2025-11-03T21:00:00",
                "inhale": 4,
                "hold_in": 4,
                "exhale": 4,
                "hold_out": 4,
                "planned_seconds": 180,
                "elapsed_seconds": 180.0,
                "cycles_completed": 11,
                "completed": True,
                "stress_before": 7,
                "stress_after": 4,
            }
        ],
        # An id ticked twice: an exercise done twice that day.
        "rehab_days": [{"date": "2025-11-03", "done": ["pelvic_tilt", "walk_10", "pelvic_tilt"]}],
        "custom_exercises": [
            {
                "id": "towel_stretch",
                "phase": "all",
                "title": "Towel hamstring stretch",
                "how": "Lie on your back and loop a towel round one foot.",
            }
        ],
        "rehab_plan": [
            {"id": "bridges", "hidden": False, "dose": {"sets": 3, "reps": 12, "times_per_day": 2}},
            {"id": "heat", "hidden": False},
            {"id": "ice", "hidden": True},
            {
                "id": "towel_stretch",
                "hidden": False,
                "dose": {"hold_seconds": 30, "times_per_day": 1},
            },
        ],
        "visits": [
            {
                "id": "v2025-11-10",
                "date": "2025-11-10",
                "clinician": "Physiotherapist",
                "reason": "Review after six weeks",
                "story": "Better most days.",
                "history": "",
                "imaging": [
                    {
                        "kind": "MRI",
                        "date": "2025-10",
                        "where": "",
                        "have_copy": True,
                        "findings": "L5/S1 disc bulge touching the S1 root",
                    }
                ],
                "questions": ["When can I drive again?"],
                "goals": ["Walk 30 minutes"],
                "before_you_leave": ["next_appointment"],
                "notes_after": "",
            }
        ],
        "check_ins": [
            {
                "date": "2025-11-03",
                "activities": [
                    {"name": "sit through a film", "score": 3},
                    {"name": "put on socks", "score": 4},
                    {"name": "walk the dog 🐕", "score": 2},
                ],
                "global_change": 0,
            },
            {
                "date": "2025-11-10",
                "activities": [{"name": "put on socks", "score": 7}],
                "global_change": 2,
            },
        ],
        "custom_tags": [{"id": "garden", "label": "Gardening 🌱", "kind": "set_off"}],
        "flare_ups": [
            {
                "at": "2025-11-03T03:10:00",
                "pain": 8,
                "reach": "foot",
                "triggers": ["bad_night"],
                "helped": ["heat", "garden"],
                "minutes": 40,
                "notes": "Woke with it. Ça passe.",
            },
            {"at": "2025-11-03T18:00:00", "pain": 6},
        ],
        "medicines": [
            # In id order, as the diary keeps them.
            {"id": "gabapentin", "name": "Gabapentin", "dose": "300 mg", "kind": "nerve_pain"},
            {
                "id": "paracetamol",
                "name": "Paracetamol",
                "dose": "1 g",
                "kind": "pain_relief",
                "how_often": "up to 4 times a day",
                "since": "October",
                "helps": "a little",
            },
        ],
    }


# How many records the sample holds, all kinds together.
SAMPLE_RECORDS = sum(len(v) for v in sample_document().values() if isinstance(v, list))


def run(capsys: pytest.CaptureFixture[str], *argv: Any) -> tuple[int, str, str]:
    """Run the command in-process; return its status, stdout and stderr."""
    status = main([str(arg) for arg in argv])
    out, err = capsys.readouterr()
    return status, out, err


def write_json(path: Path, document: Any) -> Path:
    path.write_text(json.dumps(document, ensure_ascii=False), encoding="utf-8")
    return path


def folder_bytes(folder: Path) -> dict[str, bytes] | None:
    """Every file under ``folder`` with its bytes (None when the folder does not exist)."""
    if not folder.exists():
        return None
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def by_key(snapshot: Snapshot) -> dict[str, Any]:
    """The snapshot's records keyed the way the store keys them (order-free comparison)."""
    out: dict[str, Any] = {"profile": snapshot.profile}
    for kind in RECORD_KINDS:
        records = getattr(snapshot, kind.name)
        out[kind.name] = {kind.key(record): record for record in records}
        assert len(out[kind.name]) == len(records)
    return out


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


def version_4_document() -> dict[str, Any]:
    """The sample as version 4 wrote it: no tags, no flare-ups, no name on reports, no scan
    findings, and each visit with its own medicines (no id, no kind), a name given twice in
    two spellings."""
    document = sample_document()
    del document["custom_tags"], document["flare_ups"], document["medicines"]
    del document["profile"]["report_name"]
    for log in document["daily_logs"]:
        log.pop("tags", None)
        log.pop("medicine_doses", None)
    for visit in document["visits"]:
        for scan in visit["imaging"]:
            del scan["findings"]
    paracetamol = {
        "name": "Paracetamol",
        "dose": "1 g",
        "how_often": "up to 4 times a day",
        "since": "October",
        "helps": "a little",
        "side_effects": "",
    }
    visit = document["visits"][0]
    earlier = {**visit, "id": "v2025-10-01", "date": "2025-10-01", "questions": []}
    earlier["medicines"] = [
        {**paracetamol, "name": "paracetamol ", "dose": "500 mg", "helps": ""},
        {"name": "Vitamin D", "dose": "", "how_often": "", "since": "", "helps": "",
         "side_effects": ""},
    ]  # fmt: skip
    document["visits"] = [{**visit, "medicines": [paracetamol]}, earlier]
    return {**document, "version": 4}


def test_a_version_4_export_imports_unchanged_with_no_tags() -> None:
    old = from_document(version_4_document(), today=TODAY)
    assert old.custom_tags == old.flare_ups == []
    assert all(log.tags == () and log.medicine_doses == {} for log in old.daily_logs)
    assert old.profile.report_name is None
    assert [scan.findings for visit in old.visits for scan in visit.imaging] == ["", ""]
    assert to_document(old) == as_exported_now(version_4_document())


def test_a_version_4_export_shares_the_medicines_its_visits_held_once_each() -> None:
    old = from_document(version_4_document(), today=TODAY)
    # One list, one medicine per name; the later visit's words win, the earlier fills in.
    assert old.medicines == [
        Medicine(
            "paracetamol",
            "Paracetamol",
            "1 g",
            MedicineKind.PAIN_RELIEF,
            how_often="up to 4 times a day",
            since="October",
            helps="a little",
        ),
        Medicine("vitamin-d", "Vitamin D"),
    ]
    exported = to_document(old)
    assert all("medicines" not in visit for visit in exported["visits"])
    assert [visit["questions"] for visit in exported["visits"]] == [
        ["When can I drive again?"],
        [],
    ]
    # The days keep their plain count: nothing is made up from the medicines.
    assert [log.pain_med_doses for log in old.daily_logs] == [2, None]


def test_a_version_4_export_with_a_bad_medicine_names_it() -> None:
    document = version_4_document()
    document["visits"][0]["medicines"] = [{"name": "Ibuprofen", "dose": "x" * 300}]
    with pytest.raises(ImportProblems) as refused:
        from_document(document, today=TODAY)
    # Named in the one list it joins: after the earlier visit's two.
    assert refused.value.problems == ["medicines[2].dose: is 300 characters long, more than 200"]


def version_3_document() -> dict[str, Any]:
    """The sample as version 3 wrote it: no plan, and each own exercise in one phase."""
    document = version_4_document()
    del document["rehab_plan"]
    document["custom_exercises"] = [{**e, "phase": 2} for e in document["custom_exercises"]]
    return {**document, "version": 3}


def version_2_document() -> dict[str, Any]:
    """The sample as version 2 wrote it: no check-ins (and no plan)."""
    document = version_3_document()
    del document["check_ins"]
    return {**document, "version": 2}


def test_a_version_3_export_imports_unchanged_with_an_empty_plan() -> None:
    old = from_document(version_3_document(), today=TODAY)
    assert old.rehab_plan == []
    assert [e.phase for e in old.custom_exercises] == [2]
    assert to_document(old) == as_exported_now(version_3_document())


def test_a_version_3_export_with_a_plan_is_checked_like_any_record() -> None:
    document = {**version_3_document(), "rehab_plan": [{"id": "ice", "hidden": "yes"}]}
    with pytest.raises(ImportProblems) as refused:
        from_document(document, today=TODAY)
    assert any(line.startswith("rehab_plan[0].hidden:") for line in refused.value.problems)


def test_the_plan_survives_an_export_and_import_through_the_app_folder(tmp_path: Path) -> None:
    incoming = from_document(sample_document(), today=TODAY)
    plan = [
        PlanItem("bridges", dose=Dose(sets=3, reps=12, times_per_day=2)),
        PlanItem("heat"),
        PlanItem("ice", hidden=True),
        PlanItem("towel_stretch", dose=Dose(hold_seconds=30)),
    ]
    assert incoming.rehab_plan == plan
    assert incoming.rehab_days[0].done == ("pelvic_tilt", "walk_10", "pelvic_tilt")
    with DiaryStore.open(tmp_path / "diary") as store:
        store.import_snapshot(incoming, overwrite=False)
    with DiaryStore.open(tmp_path / "diary") as reopened:
        assert reopened.rehab_plan() == plan
        assert reopened.rehab_days()[0].done == ("pelvic_tilt", "walk_10", "pelvic_tilt")
        assert reopened.custom_exercises()[0].phase == EVERY_PHASE
        exported = to_document(reopened.snapshot())
    assert exported["rehab_plan"] == sample_document()["rehab_plan"]


def test_a_version_2_export_imports_unchanged_with_no_check_ins() -> None:
    old = from_document(version_2_document(), today=TODAY)
    assert old.check_ins == []
    current = from_document({**version_3_document(), "check_ins": []}, today=TODAY)
    assert by_key(old) == by_key(current)
    assert to_document(old) == as_exported_now({**version_3_document(), "check_ins": []})


def test_a_version_2_export_with_check_ins_is_refused_as_made_up() -> None:
    """Version 2 had no check-ins: one that names them was not written by this app, but the
    migration keeps them to be checked like any other record, never silently dropped."""
    document = {**version_2_document(), "check_ins": [{"date": FUTURE}]}
    with pytest.raises(ImportProblems) as refused:
        from_document(document, today=TODAY)
    assert any(line.startswith("check_ins[0].date:") for line in refused.value.problems)


def test_check_ins_survive_an_export_and_import_through_the_app_folder(tmp_path: Path) -> None:
    incoming = from_document(sample_document(), today=TODAY)
    assert [len(c.activities) for c in incoming.check_ins] == [3, 1]
    with DiaryStore.open(tmp_path / "diary") as store:
        store.import_snapshot(incoming, overwrite=False)
        assert store.check_ins() == incoming.check_ins
        assert to_document(store.snapshot())["check_ins"] == sample_document()["check_ins"]


def test_export_to_stdout_is_the_document(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(
        capsys,
        "--data-dir",
        tmp_path,
        "import",
        write_json(tmp_path / "in.json", sample_document()),
    )
    status, out, err = run(capsys, "--data-dir", tmp_path, "export", "--format", "json")
    assert (status, err) == (0, "")
    assert json.loads(out) == sample_document()


def test_export_with_no_diary_prints_an_empty_document_and_creates_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "never-used"
    status, out, err = run(capsys, "--data-dir", folder, "export", "--format", "json")
    assert (status, err) == (0, "")
    assert json.loads(out) == to_document(Snapshot())
    assert not folder.exists()


def test_export_works_while_the_app_holds_the_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(
        capsys,
        "--data-dir",
        tmp_path,
        "import",
        write_json(tmp_path / "in.json", sample_document()),
    )
    with DiaryStore.open(tmp_path):
        status, out, _ = run(capsys, "--data-dir", tmp_path, "export")
    assert status == 0
    assert json.loads(out) == sample_document()


# --- bad records: refused, named, nothing changed ----------------------------------------------

MISSING = object()
DUPLICATE = object()
NAN = float("nan")
HUGE = 10**100
LONG = "x" * 3000

# (list, index-or-None, field ("" = the whole entry, dots go into objects), value, expected)
BAD_RECORDS: list[tuple[str, str, str, Any, str]] = [
    # daily logs
    ("out-of-range", "daily_logs", "leg_pain", 11, "daily_logs[0].leg_pain: 11 is above 10"),
    ("wrong-type", "daily_logs", "back_pain", "five", "daily_logs[0].back_pain:"),
    ("missing", "daily_logs", "leg_pain", MISSING, "daily_logs[0].leg_pain: is missing"),
    ("unknown-field", "daily_logs", "colour", "red", "daily_logs[0].colour:"),
    ("future-date", "daily_logs", "date", FUTURE, "daily_logs[0].date:"),
    ("duplicate", "daily_logs", "date", DUPLICATE, "daily_logs[2].date:"),
    ("bad-enum", "daily_logs", "pain_reach", "knee", "daily_logs[0].pain_reach:"),
    ("nan", "daily_logs", "sleep_hours", NAN, "daily_logs[0].sleep_hours:"),
    ("huge", "daily_logs", "walking_minutes", HUGE, "daily_logs[0].walking_minutes:"),
    ("long-text", "daily_logs", "notes", LONG, "daily_logs[0].notes:"),
    ("not-a-dict", "daily_logs", "", "tired", "daily_logs[0]:"),
    # red-flag checks
    ("out-of-range", "red_flag_checks", "answers", {}, "red_flag_checks[0].answers:"),
    ("wrong-type", "red_flag_checks", "at", 12345, "red_flag_checks[0].at:"),
    ("missing", "red_flag_checks", "verdict", MISSING, "red_flag_checks[0].verdict:"),
    ("unknown-field", "red_flag_checks", "mood", 3, "red_flag_checks[0].mood:"),
    ("duplicate", "red_flag_checks", "at", DUPLICATE, "red_flag_checks[1].at:"),
    ("bad-enum", "red_flag_checks", "verdict", "fine", "red_flag_checks[0].verdict:"),
    ("nan", "red_flag_checks", "answers", {"bladder": NAN}, "red_flag_checks[0].answers:"),
    ("huge", "red_flag_checks", "at", HUGE, "red_flag_checks[0].at:"),
    ("long-text", "red_flag_checks", "answers", {LONG: True}, "red_flag_checks[0].answers:"),
    ("not-a-dict", "red_flag_checks", "", [], "red_flag_checks[0]:"),
    # breathing sessions
    ("out-of-range", "breathing_sessions", "inhale", 9, "breathing_sessions[0].inhale:"),
    ("wrong-type", "breathing_sessions", "completed", "yes", "breathing_sessions[0].completed:"),
    ("missing", "breathing_sessions", "planned_seconds", MISSING, "[0].planned_seconds:"),
    ("unknown-field", "breathing_sessions", "song", "calm", "breathing_sessions[0].song:"),
    ("duplicate", "breathing_sessions", "started_at", DUPLICATE, "sessions[1].started_at:"),
    ("nan", "breathing_sessions", "elapsed_seconds", NAN, "[0].elapsed_seconds:"),
    ("huge", "breathing_sessions", "cycles_completed", HUGE, "[0].cycles_completed:"),
    ("not-a-dict", "breathing_sessions", "", None, "breathing_sessions[0]:"),
    # rehab days
    ("future-date", "rehab_days", "date", FUTURE, "rehab_days[0].date:"),
    ("duplicate", "rehab_days", "date", DUPLICATE, "rehab_days[1].date:"),
    ("wrong-type", "rehab_days", "done", "a,b", "rehab_days[0].done:"),
    ("missing", "rehab_days", "done", MISSING, "rehab_days[0].done: is missing"),
    ("unknown-field", "rehab_days", "extra", True, "rehab_days[0].extra:"),
    ("bad-enum", "rehab_days", "done", ["Not An Id"], "rehab_days[0].done:"),
    ("nan", "rehab_days", "date", NAN, "rehab_days[0].date:"),
    ("huge", "rehab_days", "date", HUGE, "rehab_days[0].date:"),
    ("long-text", "rehab_days", "done", [LONG], "rehab_days[0].done:"),
    ("not-a-dict", "rehab_days", "", 5, "rehab_days[0]:"),
    ("too-many-rounds", "rehab_days", "done", ["bridges"] * 7, "rehab_days[0].done:"),
    # the person's plan, and the doses in it
    ("wrong-type", "rehab_plan", "hidden", "yes", "rehab_plan[0].hidden:"),
    (
        "reps-and-hold",
        "rehab_plan",
        "dose",
        {"reps": 10, "hold_seconds": 30, "times_per_day": 1},
        "rehab_plan[0].dose: reps: and a hold time are both given",
    ),
    (
        "out-of-range",
        "rehab_plan",
        "dose",
        {"sets": 11, "times_per_day": 1},
        "rehab_plan[0].dose: sets: 11 is above 10",
    ),
    ("missing", "rehab_plan", "dose", {"sets": 2}, "rehab_plan[0].dose: times_per_day: is missing"),
    (
        "too-often",
        "rehab_plan",
        "dose",
        {"times_per_day": 7},
        "rehab_plan[0].dose: times_per_day: 7 is above 6",
    ),
    (
        "unknown-field",
        "rehab_plan",
        "dose",
        {"minutes": 5, "times_per_day": 1},
        "rehab_plan[0].dose: minutes:",
    ),
    ("not-a-dict", "rehab_plan", "dose", [2, 10], "rehab_plan[0].dose:"),
    # custom exercises
    ("out-of-range", "custom_exercises", "phase", 4, "custom_exercises[0].phase: 4 is above 3"),
    ("wrong-type", "custom_exercises", "title", 5, "custom_exercises[0].title:"),
    ("missing", "custom_exercises", "title", MISSING, "custom_exercises[0].title: is missing"),
    ("unknown-field", "custom_exercises", "reps", 10, "custom_exercises[0].reps:"),
    ("duplicate", "custom_exercises", "id", DUPLICATE, "custom_exercises[1].id:"),
    ("bad-enum", "custom_exercises", "id", "Has Spaces", "custom_exercises[0].id:"),
    ("nan", "custom_exercises", "phase", NAN, "custom_exercises[0].phase:"),
    ("huge", "custom_exercises", "phase", HUGE, "custom_exercises[0].phase:"),
    ("long-text", "custom_exercises", "how", LONG, "custom_exercises[0].how:"),
    ("not-a-dict", "custom_exercises", "", True, "custom_exercises[0]:"),
    # visits
    ("out-of-range", "visits", "questions", ["q"] * 6, "visits[0].questions:"),
    ("wrong-type", "visits", "questions", "why?", "visits[0].questions:"),
    ("missing", "visits", "id", MISSING, "visits[0].id: is missing"),
    ("unknown-field", "visits", "price", 40, "visits[0].price:"),
    ("bad-date", "visits", "date", "03/11/2025", "visits[0].date:"),
    ("duplicate", "visits", "id", DUPLICATE, "visits[1].id:"),
    ("bad-enum", "visits", "imaging", [{"kind": "PET"}], "visits[0].imaging:"),
    ("nan", "visits", "date", NAN, "visits[0].date:"),
    ("huge", "visits", "date", HUGE, "visits[0].date:"),
    ("long-text", "visits", "reason", LONG, "visits[0].reason:"),
    ("not-a-dict", "visits", "", "visit", "visits[0]:"),
    ("own-medicines", "visits", "medicines", [{"name": "Ibuprofen"}], "visits[0].medicines:"),
    # medicines, and their doses on a day
    ("missing", "medicines", "name", MISSING, "medicines[0].name: is missing"),
    ("bad-enum", "medicines", "kind", "painkiller", "medicines[0].kind:"),
    ("duplicate", "medicines", "id", DUPLICATE, "medicines[2].id:"),
    ("long-text", "medicines", "side_effects", LONG, "medicines[0].side_effects:"),
    ("not-a-dict", "medicines", "", "ibuprofen", "medicines[0]:"),
    ("out-of-range", "daily_logs", "medicine_doses", {"paracetamol": 51}, ": paracetamol: 51 is"),
    ("bad-enum", "daily_logs", "medicine_doses", {"Not An Id": 1}, "[0].medicine_doses: 'Not"),
    ("wrong-type", "daily_logs", "medicine_doses", [2], "daily_logs[0].medicine_doses: [2] is"),
    # profile (not a list: no index)
    ("future-date", "profile", "onset_date", FUTURE, "profile.onset_date:"),
    ("wrong-type", "profile", "welcomed", "yes", "profile.welcomed:"),
    ("unknown-field", "profile", "name", "Sam", "profile.name:"),
    ("bad-enum", "profile", "settings.theme", "Bad Theme!", "profile.settings:"),
    ("out-of-range", "profile", "settings.breathing_count", 9, "profile.settings:"),
    ("nan", "profile", "settings.breathing_minutes", NAN, "profile.settings:"),
    ("huge", "profile", "settings.rehab_phase", HUGE, "profile.settings:"),
    ("long-text", "profile", "settings.theme", LONG, "profile.settings:"),
    ("not-a-dict", "profile", "", "me", "profile:"),
]


def spoil(document: dict[str, Any], where: str, field: str, value: Any) -> None:
    """Put ``value`` at ``field`` of the first entry of ``where`` (or of the profile)."""
    if where == "profile":
        if not field:
            document["profile"] = value
            return
        entry = document["profile"]
    else:
        entries = document[where]
        if value is DUPLICATE:
            entries.append(copy.deepcopy(entries[0]))
            return
        if not field:
            entries[0] = value
            return
        entry = entries[0]
    *parents, name = field.split(".")
    for parent in parents:
        entry = entry[parent]
    if value is MISSING:
        del entry[name]
    else:
        entry[name] = value


@pytest.mark.parametrize("diary", ["existing", "absent"])
@pytest.mark.parametrize(
    ("where", "field", "value", "expected"),
    [pytest.param(*case[1:], id=f"{case[1]}-{case[0]}") for case in BAD_RECORDS],
)
def test_a_bad_record_is_refused_by_place_and_nothing_changes(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    diary: str,
    where: str,
    field: str,
    value: Any,
    expected: str,
) -> None:
    folder = tmp_path / "diary"
    if diary == "existing":
        run(
            capsys,
            "--data-dir",
            folder,
            "import",
            write_json(tmp_path / "ok.json", sample_document()),
        )
    before = folder_bytes(folder)

    document = sample_document()
    spoil(document, where, field, value)
    bad = tmp_path / "bad.json"
    bad.write_text(json.dumps(document), encoding="utf-8")  # NaN is written as NaN
    status, out, err = run(capsys, "--data-dir", folder, "import", bad)

    assert status == 2
    assert out == ""
    lines = err.splitlines()
    assert lines[0].startswith("Import refused: 1 problem; nothing was changed.")
    assert any(expected in line for line in lines[1:]), err
    assert "Traceback" not in err
    assert folder_bytes(folder) == before


BAD_FILES: list[tuple[str, bytes, str]] = [
    ("wrong-format", b'{"format": "other-app", "version": 1}', "format: 'other-app' is not"),
    (
        "newer-version",
        b'{"format": "sciatica-tui", "version": %d}' % (FORMAT_VERSION + 1),
        f"version: {FORMAT_VERSION + 1} is newer",
    ),
    ("version-zero", b'{"format": "sciatica-tui", "version": 0}', "version: 0 is not a version"),
    ("version-as-text", b'{"format": "sciatica-tui", "version": "1"}', "version: '1' is not"),
    ("no-version", b'{"format": "sciatica-tui"}', "version: is missing"),
    ("a-list", b"[1, 2, 3]", "the file holds a list"),
    ("null", b"null", "the file holds null"),
    ("text", b'"sciatica"', "the file holds text"),
    ("bad-json", b'{"format": "sciatica-tui",,}', "is not valid JSON (line 1"),
    ("empty", b"", "is not valid JSON"),
    ("not-utf8", b'{"notes": "\xff\xfe"}', "is not UTF-8 text"),
    ("deep", b"[" * 100_000 + b"]" * 100_000, "is not a JSON file this app can read"),
    ("giant-number", b'{"version": ' + b"9" * 5000 + b"}", "is not a JSON file this app"),
]


@pytest.mark.parametrize(
    ("payload", "expected"), [pytest.param(*case[1:], id=case[0]) for case in BAD_FILES]
)
def test_a_file_that_is_not_an_export_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], payload: bytes, expected: str
) -> None:
    bad = tmp_path / "bad.json"
    bad.write_bytes(payload)
    status, out, err = run(capsys, "--data-dir", tmp_path / "diary", "import", bad)
    assert (status, out) == (2, "")
    assert expected in err
    assert "nothing was changed" in err
    assert "Traceback" not in err
    assert not (tmp_path / "diary").exists()


def test_every_missing_or_mistyped_top_level_list_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = sample_document()
    del document["daily_logs"]
    document["visits"] = {"id": "v1"}
    document["extra"] = 1
    status, _, err = run(capsys, "import", write_json(tmp_path / "bad.json", document))
    assert status == 2
    assert err.splitlines() == [
        "Import refused: 3 problems; nothing was changed.",
        "extra: is not part of the export format",
        "daily_logs: is missing",
        "visits: an object is not a list",
    ]


def test_every_problem_in_the_file_is_listed(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = sample_document()
    document["daily_logs"][0]["leg_pain"] = 11
    document["daily_logs"][1]["back_pain"] = -1
    document["visits"][0]["date"] = "soon"
    status, _, err = run(capsys, "import", write_json(tmp_path / "bad.json", document))
    assert status == 2
    assert err.splitlines()[0] == "Import refused: 3 problems; nothing was changed."
    assert "daily_logs[0].leg_pain: 11 is above 10" in err
    assert "daily_logs[1].back_pain: -1 is below 0" in err
    assert "visits[0].date: 'soon' is not a date written YYYY-MM-DD" in err


def test_a_lone_surrogate_is_refused_before_it_reaches_the_diary_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.json"
    text = json.dumps(sample_document()).replace("Walked", "\\ud800Walked")
    bad.write_text(text, encoding="utf-8")
    status, _, err = run(capsys, "--data-dir", tmp_path / "diary", "import", bad)
    assert status == 2
    assert "daily_logs[0].notes: holds a character that cannot be saved" in err
    assert not (tmp_path / "diary").exists()


def test_terminal_escapes_in_a_field_name_are_printed_harmlessly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = sample_document()
    document["daily_logs"][0]["\x1b[2J\x1b]0;pwned\x07"] = 1
    status, _, err = run(capsys, "import", write_json(tmp_path / "bad.json", document))
    assert status == 2
    assert "\x1b" not in err
    assert "daily_logs[0].\\x1b[2J" in err


# --- hostile documents never give a traceback --------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.just(HUGE)
    | st.floats()
    | st.text(max_size=20)
    | st.sampled_from(["\ud800", "a\udfff", "", "2025-11-03", "2025-11-03T09:30:00", LONG])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)


@st.composite
def hostile_documents(draw: st.DrawFn) -> Any:
    """Anything at all, or a valid export with one part replaced by anything."""
    if draw(st.booleans()):
        return draw(json_values)
    document = sample_document()
    where = draw(st.sampled_from(sorted(document)))
    if draw(st.booleans()) or not isinstance(document[where], list | dict):
        document[where] = draw(json_values)
        return document
    part = document[where]
    entry = part[0] if isinstance(part, list) else part
    if isinstance(part, list) and draw(st.booleans()):
        part.append(draw(json_values))
    else:
        name = draw(st.sampled_from(sorted(entry)) | st.text(max_size=8))
        entry[name] = draw(json_values)
    return document


@settings(max_examples=300, deadline=None)
@given(document=hostile_documents())
def test_a_hostile_document_gives_problems_or_a_saveable_snapshot(document: Any) -> None:
    try:
        snapshot = from_document(document, today=TODAY)
    except ImportProblems as refused:
        assert refused.problems
        assert all(isinstance(line, str) and line.isprintable() for line in refused.problems)
        return
    saved = json.dumps(to_document(snapshot), ensure_ascii=False, allow_nan=False)
    saved.encode("utf-8")


def test_nan_and_infinity_are_never_accepted_as_numbers() -> None:
    for bad in (math.nan, math.inf, -math.inf):
        document = sample_document()
        document["daily_logs"][0]["sleep_hours"] = bad
        with pytest.raises(ImportProblems) as refused:
            from_document(document, today=TODAY)
        assert refused.value.problems[0].startswith("daily_logs[0].sleep_hours: ")


def test_a_non_json_object_as_document_is_a_problem_not_a_crash() -> None:
    with pytest.raises(ImportProblems):
        from_document(object(), today=TODAY)
    with pytest.raises(ImportProblems):
        from_document({"format": "sciatica-tui", "version": 10**5000}, today=TODAY)
    document = sample_document()
    document["daily_logs"][0]["leg_pain"] = 10**5000
    with pytest.raises(ImportProblems) as refused:
        from_document(document, today=TODAY)
    assert refused.value.problems[0].startswith("daily_logs[0]")


# --- kept and --overwrite -------------------------------------------------------------------------


def test_importing_an_export_again_says_it_is_all_there_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by a reviewer: re-importing an export printed a "Kept ..." line per record."""
    folder = tmp_path / "diary"
    incoming = write_json(tmp_path / "ok.json", sample_document())
    run(capsys, "--data-dir", folder, "import", incoming)
    status, out, _ = run(capsys, "--data-dir", folder, "import", incoming)
    assert status == 0
    assert out.splitlines() == [
        f"Imported {incoming} into {folder}: 0 added, 0 replaced, {SAMPLE_RECORDS} already there."
    ]


def test_a_long_list_of_kept_records_is_cut_short(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "diary"
    days = [f"2025-10-{day:02d}" for day in range(1, 16)]
    first = {
        **sample_document(),
        "daily_logs": [{"date": d, "leg_pain": 5, "back_pain": 2} for d in days],
    }
    run(capsys, "--data-dir", folder, "import", write_json(tmp_path / "a.json", first))
    second = {**first, "daily_logs": [{"date": d, "leg_pain": 1, "back_pain": 1} for d in days]}
    status, out, _ = run(
        capsys, "--data-dir", folder, "import", write_json(tmp_path / "b.json", second)
    )
    assert status == 0
    lines = out.splitlines()
    assert "Kept the diary's own version of 15 records that differ from the file" in lines[1]
    assert lines[2:] == [*(f"  daily_logs {d}" for d in days[:10]), "  … and 5 more."]


def test_records_already_in_the_diary_are_kept_unless_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "diary"
    run(capsys, "--data-dir", folder, "import", write_json(tmp_path / "ok.json", sample_document()))
    changed = sample_document()
    changed["daily_logs"][0]["leg_pain"] = 2
    changed["daily_logs"].append({"date": "2025-11-05", "leg_pain": 4, "back_pain": 1})
    incoming = write_json(tmp_path / "changed.json", changed)

    status, out, _ = run(capsys, "--data-dir", folder, "import", incoming)
    assert status == 0
    assert f"1 added, 0 replaced, {SAMPLE_RECORDS - 1} already there." in out
    assert "Kept the diary's own version of 1 record that differs from the file" in out
    assert "  daily_logs 2025-11-03\n" in out
    with DiaryStore.open(folder, read_only=True) as store:
        kept_log = store.daily_log(date(2025, 11, 3))
        assert kept_log is not None and kept_log.leg_pain == 6
        assert len(store.daily_logs()) == 3

    status, out, _ = run(capsys, "--data-dir", folder, "import", incoming, "--overwrite")
    assert status == 0
    assert f"0 added, 1 replaced, {SAMPLE_RECORDS} already there." in out
    assert "Kept" not in out
    with DiaryStore.open(folder, read_only=True) as store:
        replaced_log = store.daily_log(date(2025, 11, 3))
        assert replaced_log is not None and replaced_log.leg_pain == 2


# --- the export file -----------------------------------------------------------------------


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_an_export_file_is_readable_only_by_its_owner(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "export.json"
    old_umask = os.umask(0o000)
    try:
        status, out, _ = run(capsys, "--data-dir", tmp_path / "d", "export", "--out", out_file)
    finally:
        os.umask(old_umask)
    assert status == 0
    assert mode_of(out_file) == 0o600
    assert "only you can read it" in out
    assert "replaced" not in out


def test_an_existing_export_file_is_replaced_and_made_private(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "export.json"
    out_file.write_text("old contents", encoding="utf-8")
    out_file.chmod(0o644)
    status, out, _ = run(capsys, "--data-dir", tmp_path / "d", "export", "--out", out_file)
    assert status == 0
    assert mode_of(out_file) == 0o600
    assert json.loads(out_file.read_text(encoding="utf-8"))["format"] == "sciatica-tui"
    assert "replaced once the new one was complete" in out
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []


def test_an_export_to_a_folder_that_does_not_exist_fails_cleanly(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out_file = tmp_path / "missing" / "export.json"
    status, out, err = run(capsys, "--data-dir", tmp_path / "d", "export", "--out", out_file)
    assert status == 1
    assert "could not write" in err
    assert "Traceback" not in err


def test_a_failed_write_leaves_the_old_file_and_no_temporary_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "export.json"
    target.write_text("old", encoding="utf-8")

    def refuse(*args: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", refuse)
    with pytest.raises(OSError):
        write_private_file(target, "new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["export.json"]


def test_an_export_onto_a_link_writes_the_linked_file_and_keeps_the_link(tmp_path: Path) -> None:
    synced = tmp_path / "synced"
    synced.mkdir()
    (synced / "visit.md").write_text("old", encoding="utf-8")
    link = tmp_path / "visit.md"
    link.symlink_to("synced/visit.md")
    dangling = tmp_path / "new.md"
    dangling.symlink_to(synced / "new.md")

    assert write_private_file(link, "new") is True
    assert write_private_file(dangling, "first") is False
    assert link.is_symlink() and (synced / "visit.md").read_text(encoding="utf-8") == "new"
    assert dangling.is_symlink() and (synced / "new.md").read_text(encoding="utf-8") == "first"


def test_an_export_onto_a_link_loop_is_refused_and_changes_nothing(tmp_path: Path) -> None:
    loop = tmp_path / "loop.md"
    loop.symlink_to(loop)
    with pytest.raises(OSError):
        write_private_file(loop, "new")
    assert loop.is_symlink() and [p.name for p in tmp_path.iterdir()] == ["loop.md"]
