"""The content files load and hold what the app relies on, the teaching topics included."""

from __future__ import annotations

import re
import subprocess
import sys
from datetime import date

import pytest

from sciatica_tui.domain import content
from sciatica_tui.domain.content import load_all
from sciatica_tui.domain.records import Verdict
from sciatica_tui.domain.teaching import (
    IMPROVEMENT_SIGN_IDS,
    TOPIC_IDS,
    load_teaching,
    stage_part,
    teaching,
)
from sciatica_tui.domain.timeline import position
from sciatica_tui.domain.timeline_words import phase_weeks_words, stage_weeks
from tests.support.content_paths import CONTENT_DIR

# The weekly-review signals of DESIGN.md with their side.
DESIGN_SIGNALS = {
    "centralizing": "recovery",
    "peripheralizing": "decline",
    "pain_easing": "recovery",
    "pain_worsening": "decline",
    "numbness_fading": "recovery",
    "numbness_spreading": "decline",
    "weakness": "decline",
    "more_mobile": "recovery",
    "less_mobile": "decline",
    "fewer_meds": "recovery",
    "more_meds": "decline",
    "sleeping_better": "recovery",
    "sleeping_worse": "decline",
    "mood_lifting": "recovery",
    "red_flag": "decline",
    "no_lasting_progress": "decline",
}


def test_every_file_loads() -> None:
    everything = load_all()
    assert everything == load_all(CONTENT_DIR)
    assert everything.app is content.app_text()
    assert CONTENT_DIR.name == "content"
    assert {p.name for p in CONTENT_DIR.glob("*.toml")} == {
        "app.toml",
        "red_flags.toml",
        "stages.toml",
        "rehab.toml",
        "signals.toml",
        "clinic.toml",
        "breathing.toml",
        "teaching.toml",
        "check_in.toml",
        "tags.toml",
        "insights.toml",
    }
    assert load_teaching(CONTENT_DIR) == teaching()


def test_app_text_mentions_the_red_flag_key_and_local_data() -> None:
    app = content.app_text()
    assert "ctrl+r" in app.welcome
    assert "computer" in app.welcome
    assert "\n" not in app.disclaimer


def test_red_flag_questions() -> None:
    flags = content.red_flags()
    assert [(q.id, q.verdict) for q in flags.questions] == [
        ("bladder", Verdict.EMERGENCY),
        ("bowel", Verdict.EMERGENCY),
        ("saddle_area", Verdict.EMERGENCY),
        ("sexual_function", Verdict.EMERGENCY),
        ("both_legs", Verdict.EMERGENCY),
        ("severe_weakness", Verdict.EMERGENCY),
        ("mild_weakness", Verdict.URGENT),
        ("injury", Verdict.URGENT),
        ("fever_unwell", Verdict.URGENT),
        ("weight_loss_cancer", Verdict.URGENT),
        ("immune_risk", Verdict.URGENT),
        ("strong_or_night_pain", Verdict.URGENT),
    ]
    for question in flags.questions:
        assert question.text.endswith("?")
        assert question.example and question.next_step and question.short
    assert set(flags.verdicts) == {"emergency", "urgent", "clear"}
    assert flags.verdict_text(Verdict.CLEAR) is flags.verdicts["clear"]


def test_red_flag_questions_ask_each_topic_of_the_pathway() -> None:
    """DESIGN.md, "Red-flag questions": every topic is asked, each about something new."""
    asked = {q.id: f"{q.text} {q.example}".lower() for q in content.red_flags().questions}
    topics = {
        "bladder": ["bladder", "start", "weak flow", "full or empty", "leak"],
        "bowel": ["bowel", "not feeling", "constipation"],
        "saddle_area": ["numbness", "tingling", "odd feeling", "between your legs", "wip"],
        "sexual_function": ["genitals", "numb", "erection", "ejaculation", "back or leg pain"],
        "both_legs": ["both legs", "numbness"],
        "severe_weakness": ["weak", "fast", "foot that drops", "toes", "gives way"],
        "mild_weakness": ["foot or leg", "not badly", "not getting worse fast"],
        "injury": ["big injury", "over 50", "thin bones", "osteoporosis"],
        "fever_unwell": ["fever", "unwell"],
        "weight_loss_cancer": ["weight", "cancer"],
        "immune_risk": ["steroids", "immune", "inject drugs"],
        "strong_or_night_pain": ["very strong", "nothing eases", "night", "lying down"],
    }
    for question_id, words in topics.items():
        for word in words:
            assert word in asked[question_id], (question_id, word)
    emergency_texts = [asked[qid] for qid in topics][:6]
    changing = ("new", "now", "worse", "weaker")
    assert all(any(word in text for word in changing) for text in emergency_texts)


def test_red_flag_sources_and_review_date() -> None:
    flags = content.red_flags()
    assert "NICE" in flags.sources and "UK national suspected cauda equina" in flags.sources
    assert flags.reviewed >= date(2026, 12, 1)
    assert flags.call_for_help.count("{number}") == 1
    assert flags.unknown_number == (
        "your local emergency number (for example 999 in the UK, 112 in Europe, 911 in the US)"
    )


def test_emergency_verdict_says_plainly_what_to_do() -> None:
    emergency = " ".join(content.red_flags().verdict_text("emergency").what_to_do).lower()
    assert "emergency department now" in emergency
    assert "do not wait" in emergency
    assert "do not drive yourself" in emergency


def test_stages() -> None:
    """The boundaries DESIGN.md gives: weeks 0–6, 6–12, 12–24 and week 24 on."""
    assert [(s.number, s.first_week, s.last_week) for s in content.stages()] == [
        (1, 0, 5),
        (2, 6, 11),
        (3, 12, 23),
        (4, 24, None),
    ]
    assert [stage_weeks(s) for s in content.stages()] == [
        "weeks 0–6",
        "weeks 6–12",
        "weeks 12–24",
        "week 24 on",
    ]


def test_rehab_phases() -> None:
    plan = content.rehab()
    assert [p.number for p in plan.phases] == [1, 2, 3]
    assert [phase_weeks_words(p.number) for p in plan.phases] == [
        "weeks 0–6",
        "weeks 6–12",
        "week 12 on",
    ]
    ids = [item.id for phase in plan.phases for item in phase.items]
    assert len(ids) == len(set(ids))
    for phase in plan.phases:
        assert phase.items
        for item in phase.items:
            assert re.fullmatch(r"[a-z0-9_]+", item.id)
            assert item.title.strip() and item.how.strip()
    surgery_only = [item.id for phase in plan.phases for item in phase.items if item.surgery_only]
    assert surgery_only and all(item in ids[: len(plan.phases[0].items)] for item in surgery_only)
    assert len(plan.general_cautions) == 4


def test_one_signal_text_per_design_signal() -> None:
    texts = content.signals().signals
    assert {signal_id: text.side for signal_id, text in texts.items()} == DESIGN_SIGNALS
    for signal_id in ("red_flag", "weakness"):
        advice = texts[signal_id].advice.lower()
        assert "ctrl+r" in advice and "clinician" in advice
    assert "clinician" in texts["no_lasting_progress"].advice.lower()
    assert "3" in content.signals().not_enough_data


def test_clinic_checklist() -> None:
    clinic = content.clinic()
    assert [s.id for s in clinic.sections] == ["story", "history", "imaging", "questions", "goals"]
    assert [i.id for i in clinic.before_you_leave] == [
        "understand_cause",
        "next_steps",
        "follow_up",
        "er_signs",
        "exercise_plan",
    ]
    assert 8 <= len(clinic.suggested_questions) <= 12


def test_breathing_steps() -> None:
    steps = content.breathing().steps
    assert [(s.phase, s.word) for s in steps] == [
        ("inhale", "Breathe in"),
        ("hold_in", "Hold"),
        ("exhale", "Breathe out"),
        ("hold_out", "Hold"),
    ]


def test_content_module_imports_neither_textual_nor_tinydb() -> None:
    code = (
        "import sys, sciatica_tui.domain.content as c; c.load_all(); "
        "bad = [m for m in ('textual', 'tinydb') if m in sys.modules]; "
        "sys.exit(str(bad) if bad else 0)"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_teaching_topics_and_reused_words() -> None:
    taught = teaching()
    assert list(taught.topics) == list(TOPIC_IDS)
    for topic in taught.topics.values():
        assert topic.title and topic.short and topic.parts
        assert all(part.heading and part.text for part in topic.parts)
    assert list(taught.improvement_signs) == list(IMPROVEMENT_SIGN_IDS)
    assert all(sign.side == "recovery" for sign in taught.improvement_signs.values())
    rule = taught.centralisation.advice
    assert "weakness and numbness are not getting worse" in rule and "checked" in rule
    assert "rehab" in taught.myths.no_pain and "follow-up" in taught.myths.no_pain
    rest = taught.myths.rest.lower()
    assert "bed rest" in rest and "more harm than good" in rest and "as active as the pain" in rest


def test_teaching_covers_what_the_issue_asks() -> None:
    """Issue 21 items 7 to 9: each point the sources teach is said somewhere in its topic."""
    said = {
        topic_id: " ".join(f"{p.heading} {p.text}" for p in topic.parts).lower()
        for topic_id, topic in teaching().topics.items()
    }
    for point in (
        "early",
        "only now and then can do more harm than good",
        "build up slowly",
        "posture",
        "sitting",
        "healthy weight",
        "two or three times a week",
    ):
        assert point in said["rehab"], point
    for point in ("worry", "slow breathing", "mindfulness", "cbt", "ask your doctor", "support"):
        assert point in said["breathe"], point
    assert "tingling after a long or busy day can be normal" in said["today"]
    assert "rarely the only path" in said["clinic"]


@pytest.mark.parametrize(
    ("onset", "said"),
    [
        (None, None),
        (
            date(2026, 11, 10),
            "Stage 1 (weeks 0–6), early and acute. Pain at this stage: often severe.",
        ),
        (date(2026, 9, 20), "Pain at this stage: moderate to high, and it goes up and down."),
        (date(2025, 1, 1), "Stage 4 (week 24 on), staying well."),
    ],
)
def test_stage_part_says_the_usual_picture_calmly(onset: date | None, said: str | None) -> None:
    taught = teaching()
    part = stage_part(position(onset, None, date(2026, 11, 21)), taught.stage_guide)
    if said is None:
        assert part is None
        return
    assert part is not None and part.heading == taught.stage_guide.heading
    assert said in part.text and part.text.endswith(taught.stage_guide.note)
