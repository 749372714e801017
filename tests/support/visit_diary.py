"""A small diary worked out by hand: four weeks of logs, checks, breathing and rehab up to
Saturday 21 Nov 2026, a visit three days later, the story drafted from it and helpers to
seed it into a store (for the clinic's domain, CLI, tab and snapshot tests)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from markdown_it import MarkdownIt

from sciatica_tui.domain.medicines import Medicine, MedicineKind
from sciatica_tui.domain.records import (
    BreathingSession,
    DailyLog,
    DiaryExcerpt,
    Profile,
    Reach,
    RedFlagCheck,
    RehabDay,
    Side,
    Verdict,
    Weakness,
)
from sciatica_tui.domain.visit.story import draft_story
from sciatica_tui.domain.visit.summary import visit_markdown
from sciatica_tui.domain.visits import ImagingReport, Visit
from sciatica_tui.store.diary_store import DiaryStore

TODAY = date(2026, 11, 21)  # a Saturday; the four weeks are 25 Oct to 21 Nov
ONSET = date(2026, 9, 20)  # 62 days before: 8 completed weeks, stage 2 "weeks 6–12"

B, T, BK, F = Reach.BUTTOCK, Reach.THIGH, Reach.BELOW_KNEE, Reach.FOOT


def log(day: date, leg: int, back: int, **more: object) -> DailyLog:
    return DailyLog(date=day, leg_pain=leg, back_pain=back, **more)  # type: ignore[arg-type]


# Week 1 (25–31 Oct): leg 8, 7, 6 -> 7.0; back 5, 5, 4 -> 4.7; 3 days.
# Week 2 (1–7 Nov): leg 6, 5 -> 5.5; back 4, 3 -> 3.5; 2 days.
# Week 3 (8–14 Nov): nothing logged.
# Week 4 (15–21 Nov): leg 4, 3, 2 -> 3.0; back 3, 2, 2 -> 2.3; 3 days.
# Before the four weeks: 20 Oct (leg 9) and 24 Oct (leg 9, pain to the foot).
FIXTURE_LOGS = [
    log(date(2026, 10, 20), 9, 6, pain_reach=BK),
    log(date(2026, 10, 24), 9, 6, pain_reach=F),
    log(
        date(2026, 10, 25),
        8,
        5,
        pain_reach=BK,
        pain_side=Side.LEFT,
        numbness=6,
        numbness_reach=F,
        weakness=Weakness.MILD,
        walking_minutes=10,
        sleep_hours=5.0,
        sleep_quality=2,
        pain_med_doses=4,
    ),
    log(
        date(2026, 10, 27),
        7,
        5,
        pain_reach=BK,
        pain_side=Side.LEFT,
        weakness=Weakness.MILD,
        walking_minutes=10,
        sleep_hours=5.5,
        pain_med_doses=4,
    ),
    log(date(2026, 10, 29), 6, 4, pain_med_doses=3),
    log(date(2026, 11, 2), 6, 4, pain_reach=T),
    log(date(2026, 11, 5), 5, 3),
    log(
        date(2026, 11, 16),
        4,
        3,
        pain_reach=T,
        pain_side=Side.LEFT,
        numbness=3,
        weakness=Weakness.NONE,
        walking_minutes=30,
        sleep_hours=7.0,
        sleep_quality=4,
        pain_med_doses=1,
    ),
    log(
        date(2026, 11, 18),
        3,
        2,
        pain_reach=B,
        pain_side=Side.BOTH,
        numbness=2,
        numbness_reach=T,
        weakness=Weakness.NONE,
        walking_minutes=40,
        sleep_hours=8.0,
        sleep_quality=4,
        pain_med_doses=1,
    ),
    log(
        date(2026, 11, 20),
        2,
        2,
        pain_reach=B,
        pain_side=Side.LEFT,
        walking_minutes=45,
        pain_med_doses=0,
    ),
]
FIXTURE_CHECKS = [
    RedFlagCheck(datetime(2026, 10, 24, 8, 0), {"severe_pain": True}, Verdict.URGENT),  # before
    RedFlagCheck(datetime(2026, 11, 3, 9, 0), {"severe_pain": True}, Verdict.URGENT),
    RedFlagCheck(datetime(2026, 11, 10, 9, 0), {"severe_pain": False}, Verdict.CLEAR),
    RedFlagCheck(datetime(2026, 11, 19, 9, 0), {"severe_pain": False}, Verdict.CLEAR),
]


def session(at: datetime, elapsed: float, completed: bool) -> BreathingSession:
    return BreathingSession(at, 4, 4, 4, 4, 180, elapsed, int(elapsed // 16), completed)


FIXTURE_SESSIONS = [
    session(datetime(2026, 10, 20, 20, 0), 600, True),  # before the four weeks
    session(datetime(2026, 11, 1, 20, 0), 180, True),
    session(datetime(2026, 11, 12, 20, 0), 100, False),
]
FIXTURE_REHAB = [
    RehabDay(date(2026, 10, 20), ("walk",)),  # before the four weeks
    RehabDay(date(2026, 11, 2), ("walk", "glide")),
    RehabDay(date(2026, 11, 9), ("walk",)),
    RehabDay(date(2026, 11, 10), ()),  # nothing ticked: not a day done
]
FIXTURE_PROFILE = Profile(onset_date=ONSET, welcomed=True)
PAIN_RELIEF = MedicineKind.PAIN_RELIEF
FIXTURE_MEDICINES = [
    Medicine(
        "ibuprofen", "Ibuprofen", "400 mg", PAIN_RELIEF, "up to 3 a day", "Oct 2026", "a little",
        "none",
    ),
    Medicine("paracetamol", "Paracetamol", kind=PAIN_RELIEF),
]  # fmt: skip
FIXTURE_DIARY = DiaryExcerpt(
    FIXTURE_PROFILE,
    FIXTURE_LOGS,
    FIXTURE_CHECKS,
    FIXTURE_SESSIONS,
    FIXTURE_REHAB,
    check_ins=[],
    flare_ups=[],
    custom_tags=[],
    medicines=FIXTURE_MEDICINES,
)

EXPECTED_STORY = """\
- Started: Sun 20 Sep 2026.
- Timeline: 8 weeks since onset · Stage 2 (weeks 6–12), building back · Rehab phase 2.
- Days logged in the last four weeks (25 Oct to 21 Nov 2026): 8 of 28.
- Leg and back pain, weekly average (0 to 10):
  - 25–31 Oct 2026: leg 7.0, back 4.7 (3 days logged)
  - 1–7 Nov 2026: leg 5.5, back 3.5 (2 days logged)
  - 8–14 Nov 2026: not logged
  - 15–21 Nov 2026: leg 3.0, back 2.3 (3 days logged)
- How far down the pain reaches: buttock now (20 Nov 2026); foot four weeks ago (24 Oct 2026). \
It has moved up, closer to the back.
- Side of the leg pain: left on 4 days, both on 1 day.
- Numbness: average 3.7 of 10 (3 days); now reaches: thigh (18 Nov 2026).
- Leg weakness: marked on 0 days, mild on 2 days, none on 2 days.
- Sleep: 6.4 hours a night on average (4 nights); quality 3.3 of 5 (3 nights).
- Walking at a time: 27.0 minutes on average (5 days).
- Pain-relief doses: 2.2 a day on average (6 days); 3.7 in the first week, 0.7 in the last.
- Red-flag checks: 3 checks (2 clear, 1 urgent); not clear on 3 Nov 2026 \
(urgent, yes to severe new pain).
- Breathing exercises: 2 sessions, 5 minutes in all (1 finished).
- Rehab exercises: done on 2 of the 28 days.
"""
# Sleep 5.0+5.5+7.0+8.0 = 25.5 / 4 = 6.375; quality 2+4+4 = 10 / 3; numbness 6+3+2 = 11 / 3;
# walking 10+10+30+40+45 = 135 / 5; doses 4+4+3+1+1+0 = 13 / 6 = 2.17, first week 11 / 3,
# last week 2 / 3; breathing 180 + 100 s = 4.7 min.

FIXTURE_VISIT = Visit(
    id="visit-20261115-100000",
    date=date(2026, 11, 24),
    clinician="Dr Rowan, spine clinic",
    reason="Follow-up after six weeks of physio",
    story=EXPECTED_STORY + "Worse after sitting in the car.\n",
    history="Back trouble in 2019.\n# not a heading\n===",
    imaging=(ImagingReport("MRI", "2026-10-05", "City hospital", True),),
    questions=("Is my recovery on track?", "Can I drive?", "*When* can I run?"),
    goals=("Walk the dog for 30 minutes",),
    before_you_leave=("next_steps", "er_signs"),
    notes_after="",
)


def fixture_draft(today: date = TODAY) -> str:
    return draft_story(FIXTURE_DIARY, today)


def seed_fixture(store: DiaryStore) -> None:
    """The whole fixture in a diary (a seed for ``build_app``)."""
    store.save_profile(FIXTURE_PROFILE)
    for daily in FIXTURE_LOGS:
        store.save_daily_log(daily)
    for check in FIXTURE_CHECKS:
        store.save_red_flag_check(check)
    for one in FIXTURE_SESSIONS:
        store.add_breathing_session(one)
    for rehab_day in FIXTURE_REHAB:
        store.save_rehab_day(rehab_day)
    store.save_medicine_list(FIXTURE_MEDICINES)


def fixture_folder(tmp_path: Path, *visits: Visit) -> Path:
    """A diary folder in ``tmp_path`` holding the fixture and ``visits``."""
    folder = tmp_path / "diary"
    with DiaryStore.open(folder) as store:
        seed_fixture(store)
        for visit in visits:
            store.save_visit(visit)
    return folder


def fixture_markdown(visit: Visit | None = FIXTURE_VISIT) -> str:
    return visit_markdown(visit, FIXTURE_DIARY, TODAY)


def headings(markdown: str) -> list[str]:
    tokens = MarkdownIt().parse(markdown)
    return [
        f"{tokens[i].tag} {tokens[i + 1].content}"
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]
