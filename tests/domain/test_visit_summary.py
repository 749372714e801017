"""The clinic-visit summary as pure functions: the story draft, the chart, the Markdown page,
visit dates and the export file. The numbers are worked out by hand in the comments."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from sciatica_tui.cli import main
from sciatica_tui.domain import content
from sciatica_tui.domain.dates import parse_visit_date
from sciatica_tui.domain.records import (
    BreathingSession,
    DailyLog,
    ImagingReport,
    Medicine,
    Profile,
    Reach,
    RedFlagCheck,
    RehabDay,
    Side,
    Snapshot,
    Verdict,
    Visit,
    Weakness,
)
from sciatica_tui.domain.visit.summary import (
    diary_markdown,
    draft_story,
    export_stem,
    latest_visit,
    leg_pain_chart,
    new_visit_id,
    reach_change,
    story_out_of_date,
    visit_markdown,
)
from sciatica_tui.store.diary_store import DiaryStore
from sciatica_tui.store.exports import write_export

TODAY = date(2026, 11, 21)  # a Saturday; the four weeks are 25 Oct to 21 Nov
ONSET = date(2026, 9, 20)  # 62 days before: 8 completed weeks, stage "weeks 7–12"

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

EXPECTED_STORY = """\
- Started: Sun 20 Sep 2026, 8 weeks ago.
- Timeline stage: weeks 7–12, building back.
- Days logged in the last four weeks (25 Oct to 21 Nov): 8 of 28.
- Leg and back pain, weekly average (0 to 10):
  - 25–31 Oct: leg 7.0, back 4.7 (3 days logged)
  - 1–7 Nov: leg 5.5, back 3.5 (2 days logged)
  - 8–14 Nov: not logged
  - 15–21 Nov: leg 3.0, back 2.3 (3 days logged)
- How far down the pain reaches: buttock now (20 Nov); foot four weeks ago (24 Oct). \
It has moved up, closer to the back.
- Side of the leg pain: left on 4 days, both on 1 day.
- Numbness: average 3.7 of 10 (3 days); now reaches: thigh (18 Nov).
- Leg weakness: marked on 0 days, mild on 2 days, none on 2 days.
- Sleep: 6.4 hours a night on average (4 nights); quality 3.3 of 5 (3 nights).
- Walking at a time: 27.0 minutes on average (5 days).
- Pain-relief doses: 2.2 a day on average (6 days); 3.7 in the first week, 0.7 in the last.
- Red-flag checks: 3 checks (2 clear, 1 urgent); not clear on 3 Nov \
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
    medicines=(
        Medicine("Ibuprofen", "400 mg", "up to 3 a day", "Oct 2026", "a little", "none"),
        Medicine("Paracetamol"),
    ),
    imaging=(ImagingReport("MRI", "2026-10-05", "City hospital", True),),
    questions=("Is my recovery on track?", "Can I drive?", "*When* can I run?"),
    goals=("Walk the dog for 30 minutes",),
    before_you_leave=("next_steps", "er_signs"),
    notes_after="",
)


def fixture_draft(today: date = TODAY) -> str:
    return draft_story(
        FIXTURE_PROFILE, FIXTURE_LOGS, FIXTURE_CHECKS, FIXTURE_SESSIONS, FIXTURE_REHAB, today
    )


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


def fixture_markdown(visit: Visit | None = FIXTURE_VISIT) -> str:
    return visit_markdown(
        visit,
        profile=FIXTURE_PROFILE,
        logs=FIXTURE_LOGS,
        checks=FIXTURE_CHECKS,
        sessions=FIXTURE_SESSIONS,
        rehab_days=FIXTURE_REHAB,
        today=TODAY,
    )


def headings(markdown: str) -> list[str]:
    tokens = MarkdownIt().parse(markdown)
    return [
        f"{tokens[i].tag} {tokens[i + 1].content}"
        for i, token in enumerate(tokens)
        if token.type == "heading_open"
    ]


# --- the story draft ---------------------------------------------------------------------------


def test_draft_story_matches_the_hand_worked_fixture() -> None:
    assert fixture_draft() == EXPECTED_STORY


def test_draft_story_accepts_one_pass_iterables() -> None:
    story = draft_story(
        FIXTURE_PROFILE,
        iter(FIXTURE_LOGS),
        iter(FIXTURE_CHECKS),
        iter(FIXTURE_SESSIONS),
        iter(FIXTURE_REHAB),
        TODAY,
    )
    assert story == EXPECTED_STORY


def test_draft_story_for_an_empty_diary_says_what_is_missing() -> None:
    story = draft_story(Profile(), [], [], [], [], TODAY)
    assert story.splitlines()[0] == "- Started: date not set in the diary."
    assert "Timeline stage" not in story
    assert "(25 Oct to 21 Nov): 0 of 28." in story
    assert "  - 15–21 Nov: not logged" in story
    assert "- How far down the pain reaches: not logged in this period." in story
    assert "- Red-flag checks: none done in this period." in story
    assert "- Breathing exercises: none in this period." in story
    assert "- Rehab exercises: none ticked in this period." in story


def test_draft_story_mentions_surgery() -> None:
    profile = Profile(onset_date=ONSET, surgery_date=date(2026, 10, 1))
    story = draft_story(profile, [], [], [], [], TODAY)
    assert "- Surgery: Thu 1 Oct 2026, 7 weeks ago." in story  # 51 days


@pytest.mark.parametrize(
    ("now", "before", "said"),
    [
        (B, F, "It has moved up, closer to the back."),
        (F, B, "It has moved further down the leg."),
        (T, T, "No change."),
    ],
)
def test_reach_change_in_words(now: Reach, before: Reach, said: str) -> None:
    logs = [
        log(date(2026, 10, 23), 5, 5, pain_reach=before),
        log(date(2026, 11, 19), 5, 5, pain_reach=now),
    ]
    change = reach_change(logs, TODAY)
    assert change.now == (now, date(2026, 11, 19))
    assert change.before == (before, date(2026, 10, 23))
    assert said in draft_story(Profile(), logs, [], [], [], TODAY)


def test_reach_four_weeks_ago_looks_only_at_that_week() -> None:
    # 17 Oct is more than a week before "four weeks ago" (24 Oct): not used.
    logs = [log(date(2026, 10, 17), 5, 5, pain_reach=F), log(TODAY, 5, 5, pain_reach=T)]
    story = draft_story(Profile(), logs, [], [], [], TODAY)
    assert "thigh now (21 Nov); not logged four weeks ago." in story


def test_emergency_checks_are_named_with_their_dates_and_signs() -> None:
    checks = [
        RedFlagCheck(datetime(2026, 11, 20, 7, 0), {"bladder_bowel": True}, Verdict.EMERGENCY),
        RedFlagCheck(
            datetime(2026, 11, 21, 7, 0),
            {"bladder": False, "bowel": True, "both_legs": True},
            Verdict.EMERGENCY,
        ),
    ]
    story = draft_story(Profile(), [], checks, [], [], TODAY)
    assert (
        "- Red-flag checks: 2 checks (2 emergency); not clear on 20 Nov (emergency, yes to "
        "bladder or bowel change), 21 Nov (emergency, yes to bowel trouble, pain or numbness "
        "in both legs)."
    ) in story


# --- the chart ----------------------------------------------------------------------------------


def test_leg_pain_chart_matches_the_fixture() -> None:
    # Eight weeks to 21 Nov; the three empty weeks before 18 Oct are left out.
    assert leg_pain_chart(FIXTURE_LOGS, TODAY).splitlines() == [
        "Week       0         5        10",
        "18–24 Oct |##################  |  9.0  (2 days)",
        "25–31 Oct |##############      |  7.0  (3 days)",
        "1–7 Nov   |###########         |  5.5  (2 days)",
        "8–14 Nov  |                    |  --  not logged",
        "15–21 Nov |######              |  3.0  (3 days)",
    ]


def test_chart_keeps_four_weeks_even_when_empty() -> None:
    assert len(leg_pain_chart([], TODAY).splitlines()) == 1 + 4


# --- the Markdown page ----------------------------------------------------------------------------


def test_visit_markdown_has_every_section_as_a_heading() -> None:
    titles = [section.title for section in content.clinic().sections]
    assert headings(fixture_markdown()) == [
        "h1 Clinic visit: Tue 24 Nov 2026",
        f"h2 1. {titles[0]}",
        "h3 Leg pain, weekly average (0 to 10), weeks to Sat 21 Nov 2026",
        f"h2 2. {titles[1]}",
        f"h2 3. {titles[2]}",
        f"h2 4. {titles[3]}",
        f"h2 5. {titles[4]}",
        "h2 Before you leave",
        "h2 Notes after the visit",
    ]


def test_visit_markdown_numbers_match_the_fixture() -> None:
    page = fixture_markdown()
    tokens = MarkdownIt().parse(page)
    fences = [t.content for t in tokens if t.type == "fence"]
    assert fences == [leg_pain_chart(FIXTURE_LOGS, TODAY) + "\n"]
    text = " ".join(t.content for t in tokens if t.type == "inline")
    for number in ("leg 7.0, back 4.7", "leg 5.5, back 3.5", "leg 3.0, back 2.3", "8 of 28"):
        assert number in text
    assert "2.2 a day on average (6 days)" in text
    # A future visit draws on the diary up to today.
    assert "weeks to Sat 21 Nov 2026" in page


def test_visit_markdown_lists_and_ticks() -> None:
    page = fixture_markdown()
    assert "- Clinician or clinic: Dr Rowan, spine clinic" in page
    assert (
        "- **Ibuprofen**: 400 mg, up to 3 a day, since Oct 2026. Helps: a little. "
        "Side effects: none." in page
    )
    assert "- **Paracetamol**." in page
    assert "- **MRI**, 2026-10-05, City hospital; copy: yes, I have it." in page
    assert "1. Is my recovery on track?\n2. Can I drive?\n3. \\*When\\* can I run?" in page
    assert "- Walk the dog for 30 minutes" in page
    assert "- [x] I know the next steps." in page
    assert "- [ ] I know my exercise plan." in page
    assert page.rstrip().endswith(content.app_text().disclaimer)


def test_user_text_never_adds_headings() -> None:
    # The history holds "# not a heading" and "===": both stay plain text.
    page = fixture_markdown()
    assert "\\# not a heading" in page
    assert len(headings(page)) == 9
    html = MarkdownIt().render(page)
    assert "<em>When</em>" not in html  # the asterisks were typed, not meant as emphasis


def test_empty_visit_says_nothing_written() -> None:
    page = fixture_markdown(Visit(id="v", date=date(2026, 11, 1)))
    assert page.count("Nothing written yet.") == 3  # story, history, notes
    assert "No medicines listed." in page
    assert "No scans or reports listed." in page
    assert "No questions written yet." in page
    assert "No goals written yet." in page
    # A past visit draws on the diary up to its own day.
    assert "weeks to Sun 1 Nov 2026" in page


def test_summary_without_a_visit() -> None:
    page = fixture_markdown(None)
    assert headings(page) == [
        "h1 Sciatica summary: the four weeks to Sat 21 Nov 2026",
        f"h2 {content.clinic().sections[0].title}",
        "h3 Leg pain, weekly average (0 to 10), weeks to Sat 21 Nov 2026",
    ]
    assert "leg 7.0, back 4.7" in page
    assert content.app_text().disclaimer in page


def test_diary_markdown_uses_the_latest_visit() -> None:
    older = Visit(id="a", date=date(2026, 10, 1), reason="first look")
    snapshot = Snapshot(
        profile=FIXTURE_PROFILE,
        daily_logs=FIXTURE_LOGS,
        visits=[FIXTURE_VISIT, older],
    )
    assert latest_visit(snapshot.visits) == FIXTURE_VISIT
    assert diary_markdown(snapshot, TODAY) == fixture_markdown(FIXTURE_VISIT)
    assert latest_visit([]) is None


# --- visit dates and ids ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("2026-12-03", date(2026, 12, 3)),
        ("Dec 3", date(2026, 12, 3)),
        ("today", TODAY),
        ("tomorrow", date(2026, 11, 22)),
        ("yesterday", date(2026, 11, 20)),
        ("in 2 weeks", date(2026, 12, 5)),
        ("in 10 days", date(2026, 12, 1)),
        ("3 days ago", date(2026, 11, 18)),
        ("Friday", date(2026, 11, 27)),
        ("next friday", date(2026, 11, 27)),
        ("next Saturday", date(2026, 11, 28)),  # today is a Saturday: the one after
        ("next week", date(2026, 11, 28)),
        ("  2027-11-21 ", date(2027, 11, 21)),
    ],
)
def test_parse_visit_date(typed: str, expected: date) -> None:
    assert parse_visit_date(typed, today=TODAY) == expected


@pytest.mark.parametrize(
    ("typed", "said"),
    [
        ("", "Type the visit date"),
        ("soon", "is not a date I can read"),
        ("2028-01-05", "more than a year ahead"),
        ("1850-01-01", "too long ago"),
        ("in 999 weeks", "more than a year ahead"),
    ],
)
def test_parse_visit_date_refuses_with_a_message(typed: str, said: str) -> None:
    with pytest.raises(ValueError, match=said):
        parse_visit_date(typed, today=TODAY)


def test_new_visit_ids_are_unique_and_valid() -> None:
    now = datetime(2026, 11, 21, 9, 30)
    assert new_visit_id(now, set()) == "visit-20261121-093000"
    taken = {"visit-20261121-093000", "visit-20261121-093000-2"}
    assert new_visit_id(now, taken) == "visit-20261121-093000-3"


# --- the export file ---------------------------------------------------------------------------


def test_write_export_is_private_and_never_replaces_a_different_file(tmp_path: Path) -> None:
    stem = export_stem(FIXTURE_VISIT, TODAY)
    assert stem == "visit-2026-11-24"
    first = write_export(tmp_path, stem, "one\n")
    assert first.path == tmp_path / "exports" / "visit-2026-11-24.md"
    assert not first.renamed and not first.unchanged
    assert stat.S_IMODE(first.path.stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "exports").stat().st_mode) == 0o700
    assert first.path.read_text(encoding="utf-8") == "one\n"
    assert "Exported to" in first.message()

    same = write_export(tmp_path, stem, "one\n")
    assert same.path == first.path and same.unchanged
    assert "already saved, unchanged" in same.message()

    second = write_export(tmp_path, stem, "two\n")
    assert second.path == tmp_path / "exports" / "visit-2026-11-24-2.md"
    assert second.renamed
    assert first.path.read_text(encoding="utf-8") == "one\n"  # kept
    assert second.path.read_text(encoding="utf-8") == "two\n"
    assert stat.S_IMODE(second.path.stat().st_mode) == 0o600
    assert "A different file was already at visit-2026-11-24.md" in second.message()
    assert "visit-2026-11-24-2.md" in second.message()

    third = write_export(tmp_path, stem, "two\n")
    assert third.path == second.path and third.unchanged
    assert sorted(p.name for p in (tmp_path / "exports").iterdir()) == [
        "visit-2026-11-24-2.md",
        "visit-2026-11-24.md",
    ]


def test_export_stem_without_a_visit() -> None:
    assert export_stem(None, TODAY) == "summary-2026-11-21"


# --- sciatica export --format md ------------------------------------------------------------


class FrozenDate(date):
    """``date`` with ``today()`` fixed on the fixture's day (the command reads the real one)."""

    @classmethod
    def today(cls) -> FrozenDate:
        return cls(TODAY.year, TODAY.month, TODAY.day)


@pytest.fixture
def frozen_cli(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("sciatica_tui.cli.base.today", FrozenDate.today)


def fixture_folder(tmp_path: Path, *visits: Visit) -> Path:
    folder = tmp_path / "diary"
    with DiaryStore.open(folder) as store:
        seed_fixture(store)
        for visit in visits:
            store.save_visit(visit)
    return folder


@pytest.mark.usefixtures("frozen_cli")
def test_cli_md_export_writes_the_latest_visit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    older = Visit(id="visit-older", date=date(2026, 10, 1), reason="first look")
    folder = fixture_folder(tmp_path, older, FIXTURE_VISIT)
    out = tmp_path / "visit.md"
    assert main(["--data-dir", str(folder), "export", "--format", "md", "--out", str(out)]) == 0
    page = out.read_text(encoding="utf-8")
    assert page == fixture_markdown(FIXTURE_VISIT)
    assert headings(page)[0] == "h1 Clinic visit: Tue 24 Nov 2026"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    said = capsys.readouterr().out
    assert f"Wrote the md export to {out} (only you can read it)." in said
    assert "replaced" not in said


@pytest.mark.usefixtures("frozen_cli")
def test_cli_md_export_without_a_visit_summarises_four_weeks(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fixture_folder(tmp_path)
    assert main(["--data-dir", str(folder), "export", "--format", "md"]) == 0
    page = capsys.readouterr().out
    assert page == fixture_markdown(None)
    assert headings(page)[0] == "h1 Sciatica summary: the four weeks to Sat 21 Nov 2026"
    assert "leg 7.0, back 4.7" in page


@pytest.mark.usefixtures("frozen_cli")
def test_cli_md_export_says_when_it_replaces_a_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = fixture_folder(tmp_path, FIXTURE_VISIT)
    out = tmp_path / "visit.md"
    out.write_text("my own notes\n", encoding="utf-8")
    assert main(["--data-dir", str(folder), "export", "--format", "md", "--out", str(out)]) == 0
    said = capsys.readouterr().out
    assert "The file that was there before was replaced" in said
    assert out.read_text(encoding="utf-8") == fixture_markdown(FIXTURE_VISIT)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600


@pytest.mark.usefixtures("frozen_cli")
def test_cli_md_export_notes_a_story_older_than_the_diary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    old = fixture_draft().replace("8 of 28.", "2 of 28.")
    assert old != fixture_draft()
    folder = fixture_folder(tmp_path, replace(FIXTURE_VISIT, story=old))
    out = tmp_path / "visit.md"
    assert main(["--data-dir", str(folder), "export", "--format", "md", "--out", str(out)]) == 0
    said = capsys.readouterr()
    assert "2 of 28." in out.read_text(encoding="utf-8")  # exported as it is
    assert "the visit's symptom story was drafted from an earlier diary" in said.err
    assert "It says:   Days logged in the last four weeks (25 Oct to 21 Nov): 2 of 28." in said.err
    assert "Diary now: Days logged in the last four weeks (25 Oct to 21 Nov): 8 of 28." in said.err

    folder = fixture_folder(tmp_path / "fresh", FIXTURE_VISIT)
    assert main(["--data-dir", str(folder), "export", "--format", "md", "--out", str(out)]) == 0
    assert "earlier diary" not in capsys.readouterr().err


def test_text_typed_after_the_drafted_list_is_its_own_paragraph() -> None:
    tokens = MarkdownIt().parse(fixture_markdown())
    inside_list = 0
    paragraphs_outside = []
    for index, token in enumerate(tokens):
        inside_list += {"bullet_list_open": 1, "bullet_list_close": -1}.get(token.type, 0)
        if token.type == "paragraph_open" and inside_list == 0:
            paragraphs_outside.append(tokens[index + 1].content)
    assert "Worse after sitting in the car." in paragraphs_outside
    assert "- Rehab exercises: done on 2 of the 28 days.\n\nWorse after" in fixture_markdown()


def test_a_story_is_out_of_date_when_its_days_logged_are_not_the_diarys() -> None:
    draft = fixture_draft()
    line = next(line for line in draft.splitlines() if line.startswith("- Days logged"))
    older = draft.replace(line, "- Days logged in the last four weeks (1 to 28 Oct): 3 of 28.")
    assert story_out_of_date(older, draft) == (
        "- Days logged in the last four weeks (1 to 28 Oct): 3 of 28.",
        line,
    )
    assert story_out_of_date(draft, draft) is None
    assert story_out_of_date("My own words, no figures.", draft) is None  # theirs to keep
    assert story_out_of_date("Intro.\n  " + line + "  \nMore of mine.", draft) is None
