"""A broken or missing content file fails clearly, naming the file and the key."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from sciatica_tui.domain.content import load_all
from sciatica_tui.domain.content_loader import ContentError
from sciatica_tui.domain.teaching import load_teaching
from tests.support.content_paths import CONTENT_DIR

# (file, pattern, replacement, what the error must say). Each breaks one key of a good copy.
BROKEN = [
    ("rehab.toml", r"\Z", "\nthis is = = not toml\n", "content/rehab.toml: not valid TOML"),
    (
        "rehab.toml",
        r'(id = "bird_dog"\ntitle = "[^"]*"\n)how = "[^"]*"\n',
        r"\1",
        "content/rehab.toml: phases[1].items[3].how: missing",
    ),
    (
        "rehab.toml",
        r'id = "dead_bug"',
        'id = "bird_dog"',
        "content/rehab.toml: phases[1].items[4].id: duplicate id 'bird_dog'",
    ),
    (
        "rehab.toml",
        r'id = "flare_up_plan"',
        'id = "ice"',
        "content/rehab.toml: phases[2].items[4].id: duplicate id 'ice'",
    ),
    ("rehab.toml", r'id = "ice"', 'id = "Ice pack"', "content/rehab.toml: phases[0].items[0].id"),
    ("rehab.toml", r"caution =", "cation =", "phases[0].items[0].cation: unknown key"),
    ("rehab.toml", r"surgery_only = true", "surgery_only = 1", "surgery_only: expected true or"),
    ("rehab.toml", r"number = 3", "number = 4", "content/rehab.toml: phases[2].number"),
    (
        "rehab.toml",
        r"dose = \{ sets = 1, reps = 10, times_per_day = 2 \}",
        "dose = { reps = 10, hold_seconds = 5, times_per_day = 1 }",
        "content/rehab.toml: phases[0].items[3].dose.reps: Give reps or a hold time, not both.",
    ),
    (
        "rehab.toml",
        r"times_per_day = 2",
        "times_per_day = 9",
        "phases[0].items[3].dose.times_per_day: Times a day must be a whole number from 1 to 6.",
    ),
    ("rehab.toml", r"sets = 1,", "set = 1,", "phases[0].items[3].dose.set: unknown key"),
    ("rehab.toml", r"did \{this\}", "did {now}", "rehab.toml: review.adherence_drop.text"),
    ("rehab.toml", r"surgery_line = .*\n", "", "content/rehab.toml: surgery_line: missing"),
    (
        "stages.toml",
        r"first_week = 6",
        'first_week = "6"',
        "content/stages.toml: stages[1].first_week: expected a whole number",
    ),
    ("stages.toml", r"number = 1", "number = true", "content/stages.toml: stages[0].number"),
    ("stages.toml", r"first_week = 12", "first_week = 14", "stages[2].first_week: expected 12"),
    (
        "red_flags.toml",
        r'verdict = "emergency"',
        'verdict = "maybe"',
        "content/red_flags.toml: questions[0].verdict: 'maybe' is not one of emergency, urgent",
    ),
    (
        "red_flags.toml",
        r"\[\[questions\]\]\nid = \"strong_or_night_pain\"[^\[]*\Z",
        "",
        "content/red_flags.toml: questions: expected 12 entries, got 11",
    ),
    ("red_flags.toml", r'id = "injury"', 'id = "trauma"', "questions[7].id: expected 'injury'"),
    (
        "red_flags.toml",
        r'(id = "both_legs"[^\[]*)verdict = "emergency"',
        r'\1verdict = "urgent"',
        "questions[4].verdict: expected 'emergency' for 'both_legs'",
    ),
    (
        "red_flags.toml",
        r"call_for_help = .*\n",
        'call_for_help = "Call for an ambulance."\n',
        "content/red_flags.toml: call_for_help: must hold {number} once",
    ),
    ("red_flags.toml", r"reviewed = .*\n", 'reviewed = "soon"\n', "reviewed: expected a date"),
    ("red_flags.toml", r"\[verdicts\.clear\]", "[verdicts.fine]", "verdicts.clear: missing"),
    (
        "red_flags.toml",
        r"what_to_do = \[[^\]]*\]",
        'what_to_do = "Go now."',
        "content/red_flags.toml: verdicts.emergency.what_to_do: expected a list of text, got str",
    ),
    ("signals.toml", r"\[signals\.weakness\]", "[signals.weak]", "signals.weakness: missing"),
    (
        "signals.toml",
        r'side = "recovery"',
        'side = "up"',
        "content/signals.toml: signals.centralizing.side: 'up' is not one of recovery, decline",
    ),
    (
        "app.toml",
        r'welcome_title = "[^"]*"',
        'welcome_title = " "',
        "app.toml: welcome_title: empty",
    ),
    ("app.toml", r"centralisation = .*\n", "", "content/app.toml: centralisation: missing"),
    ("clinic.toml", r'id = "follow_up"', 'id = "next_steps"', "before_you_leave[2].id: duplicate"),
    ("clinic.toml", r'id = "goals"', 'id = "aims"', "content/clinic.toml: sections[4].id"),
    ("breathing.toml", r'phase = "exhale"', 'phase = "out"', "content/breathing.toml: steps[2]"),
    ("teaching.toml", r"\[myths\]\n", "[myth]\n", "content/teaching.toml: myths: missing"),
    (
        "teaching.toml",
        r"\[centralisation\]\n",
        '[centralisation]\nextra = "x"\n',
        "content/teaching.toml: centralisation.extra: unknown key",
    ),
    (
        "teaching.toml",
        r'title = "Fewer flare-ups"',
        'title = " "',
        "content/teaching.toml: improvement_signs.fewer_flare_ups.title: empty",
    ),
    (
        "teaching.toml",
        r"\[\[topics\.today\.parts\]\]\nheading",
        "[[topics.today.parts]]\nheadline",
        "content/teaching.toml: topics.today.parts[0].heading: missing",
    ),
    (
        "teaching.toml",
        r"\[topics\.breathe\]\ntitle = \"[^\"]*\"\n",
        "[topics.breathe]\n",
        "content/teaching.toml: topics.breathe.title: missing",
    ),
    ("teaching.toml", r"short = ", "shrt = ", "content/teaching.toml: topics.today.short: missing"),
    (
        "teaching.toml",
        r"\Z",
        "\n[topics.trends]\ntitle = 1\n",
        "content/teaching.toml: topics.trends: unknown key",
    ),
]


@pytest.mark.parametrize(("name", "pattern", "replacement", "message"), BROKEN)
def test_broken_file_names_file_and_key(
    tmp_path: Path, name: str, pattern: str, replacement: str, message: str
) -> None:
    folder = shutil.copytree(CONTENT_DIR, tmp_path / "content")
    path = folder / name
    broken, count = re.subn(pattern, replacement, path.read_text(encoding="utf-8"), count=1)
    assert count == 1, f"pattern {pattern!r} not found in {name}"
    path.write_text(broken, encoding="utf-8")
    with pytest.raises(ContentError) as caught:
        load_all(folder)
        load_teaching(folder)  # checked at start beside the others (app.run_app)
    assert message in str(caught.value)


def test_missing_file_is_named(tmp_path: Path) -> None:
    folder = shutil.copytree(CONTENT_DIR, tmp_path / "content")
    (folder / "signals.toml").unlink()
    with pytest.raises(ContentError, match=r"content/signals\.toml: file not found"):
        load_all(folder)
