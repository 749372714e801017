"""The content files are written in the project's own words: nothing copied from the
reference texts, no more certain than they are, and no clinic or product named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sciatica_tui.domain import content
from tests.support.content_paths import CONTENT_DIR

REFERENCE_DIR = Path(__file__).resolve().parents[3] / "shared" / "reference"


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower().replace("\u2019", "'"))


def test_content_is_in_our_own_words() -> None:
    if not REFERENCE_DIR.is_dir():
        # The four source texts live beside the repository (../shared/reference), not in it:
        # CI has them, a fresh clone on its own does not.
        pytest.skip(
            f"needs the reference texts beside the repository ({REFERENCE_DIR}); "
            "CI has them, a clone on its own does not"
        )
    run = 9
    reference: set[tuple[str, ...]] = set()
    for path in REFERENCE_DIR.glob("*.txt"):
        words = _words(path.read_text(encoding="utf-8"))
        reference.update(tuple(words[i : i + run]) for i in range(len(words) - run + 1))
    copied = []
    for path in sorted(CONTENT_DIR.iterdir()):
        words = _words(path.read_text(encoding="utf-8"))
        for i in range(len(words) - run + 1):
            if tuple(words[i : i + run]) in reference:
                copied.append(f"{path.name}: {' '.join(words[i : i + run])}")
    assert not copied, "runs of 9 words copied from the reference texts:\n" + "\n".join(copied)


def test_words_are_no_more_certain_than_the_sources() -> None:
    """Issue 21: each claim says what the reference texts say, and no more."""
    signals = content.signals().signals
    for centralising in (signals["centralizing"].advice, content.app_text().centralisation):
        assert "often a very good sign" in centralising
        assert "weakness and numbness are not getting worse" in centralising
        assert "strongest" not in centralising
    stalled = signals["no_lasting_progress"]
    assert "5 or more" in stalled.text and "6 weeks" in stalled.text
    assert "6 to 8 weeks" in stalled.advice and "next steps" in stalled.advice
    assert "fair trial" not in stalled.advice  # the diary cannot know that therapy failed
    worse = signals["pain_worsening"].advice
    assert "even when you do less" in worse and "daily tasks" in worse and "clinician" in worse
    assert "tingling after a long day" in signals["numbness_fading"].advice
    first, second = content.stages()[:2]
    assert "clinician soon" in first.action
    assert "high" in second.pain and "up and down" in second.pain


# Exercises the sources only name: the steps are ours, so each defers to the therapist.
NAMED_ONLY = (
    "pelvic_tilts",
    "knee_to_chest",
    "hamstring_stretch",
    "piriformis_stretch",
    "bird_dog",
    "dead_bug",
    "modified_plank",
    "bridges",
    "clamshells",
    "side_leg_raises",
    "balance",
)


def test_exercise_steps_defer_to_the_therapist() -> None:
    items = {item.id: item for phase in content.rehab().phases for item in phase.items}
    for item_id in NAMED_ONLY:
        assert items[item_id].how.startswith("As your therapist shows you: "), item_id
    assert "keeping your spine in a neutral position" in items["dead_bug"].how
    assert "lower back down" not in items["dead_bug"].how


# Clinics, products, websites and branded methods the reference texts name. The app names
# none of them (DESIGN.md, "Safety rules": no adverts).
NAMED_IN_THE_SOURCES = (
    "Texas Spine",
    "Alliance Spine",
    "Zoyer",
    "Spine-health",
    "KnowYourBack",
    "North American Spine Society",
    "AAOS",
    "OrthoInfo",
    "Mayo Clinic",
    "Cleveland Clinic",
    "Reddit",
    "DASS",
    "McKenzie",
)


def test_no_clinic_or_product_is_named() -> None:
    named = [
        f"{path.name}: {name}"
        for path in sorted(CONTENT_DIR.glob("*.toml"))
        for name in NAMED_IN_THE_SOURCES
        if name.lower() in path.read_text(encoding="utf-8").lower()
    ]
    assert not named, named
    if REFERENCE_DIR.is_dir():  # the list stays honest: each name really is in a source
        sources = " ".join(p.read_text(encoding="utf-8") for p in REFERENCE_DIR.glob("*.txt"))
        assert all(name.lower() in sources.lower() for name in NAMED_IN_THE_SOURCES)
