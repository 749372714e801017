"""What the app teaches beside its tabs, read from ``content/teaching.toml`` and checked on load.

A line or two of each topic is shown on its tab; the rest opens with one key. The file also
holds the words other screens reuse: the condition on pain moving up (centralisation), the
myths, and signs of getting better that the diary cannot show yet. A broken file raises
``ContentError`` naming the file and the key, like every other content file.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

from sciatica_tui.domain.content import read_signal_texts
from sciatica_tui.domain.content_loader import ContentTable, default_content_dir, load_file
from sciatica_tui.domain.content_schema import SignalText
from sciatica_tui.domain.timeline import TimelinePosition
from sciatica_tui.domain.timeline_words import stage_named, weeks_since

TEACHING_FILE = "teaching.toml"
# The tab each topic belongs to; the tabs look their topic up by these ids.
TOPIC_IDS = ("today", "rehab", "breathe", "clinic")
# Signs the diary cannot show yet: flare-ups per week (issue 14), the weekly check-in (15).
IMPROVEMENT_SIGN_IDS = ("fewer_flare_ups", "moving_more_freely")


@dataclass(frozen=True)
class TeachingPart:
    """One heading and its paragraph in a topic's detail."""

    heading: str
    text: str


@dataclass(frozen=True)
class Topic:
    """A tab's teaching: ``short`` is shown on the tab, ``parts`` one key away."""

    id: str
    title: str
    short: str
    parts: tuple[TeachingPart, ...]


@dataclass(frozen=True)
class CentralisationRule:
    """Said instead of the cheer when pain moves up while weakness or numbness gets worse."""

    title: str
    advice: str


@dataclass(frozen=True)
class Myths:
    """Beliefs that are not true, one short line each."""

    rest: str
    no_pain: str


@dataclass(frozen=True)
class StageGuide:
    """How to read the usual timeline: a heading and a calm note."""

    heading: str
    note: str


@dataclass(frozen=True)
class Teaching:
    """Everything in ``teaching.toml``."""

    centralisation: CentralisationRule
    myths: Myths
    stage_guide: StageGuide
    improvement_signs: dict[str, SignalText] = field(hash=False)
    topics: dict[str, Topic] = field(hash=False)


def _pairs(t: ContentTable, key: str, names: tuple[str, ...]) -> dict[str, str]:
    """The texts ``names`` of table ``key``, refusing any other key in it."""
    table = t.table(key)
    texts = {name: table.text(name) for name in names}
    table.done()
    return texts


def _topic(topic_id: str, t: ContentTable) -> Topic:
    parts = []
    for p in t.tables("parts"):
        parts.append(TeachingPart(p.text("heading"), p.text("text")))
        p.done()
    topic = Topic(topic_id, t.text("title"), t.text("short"), tuple(parts))
    t.done()
    return topic


def _teaching(t: ContentTable) -> Teaching:
    signs = read_signal_texts(t.table("improvement_signs"), IMPROVEMENT_SIGN_IDS, "recovery")
    topics_table = t.table("topics")
    topics = {topic_id: _topic(topic_id, topics_table.table(topic_id)) for topic_id in TOPIC_IDS}
    topics_table.done()
    teaching = Teaching(
        centralisation=CentralisationRule(**_pairs(t, "centralisation", ("title", "advice"))),
        myths=Myths(**_pairs(t, "myths", ("rest", "no_pain"))),
        stage_guide=StageGuide(**_pairs(t, "stage_guide", ("heading", "note"))),
        improvement_signs=signs,
        topics=topics,
    )
    t.done()
    return teaching


def load_teaching(content_dir: Path) -> Teaching:
    """Load and check ``teaching.toml`` from ``content_dir`` (tests use a broken copy)."""
    return load_file(TEACHING_FILE, content_dir, _teaching)


@cache
def teaching() -> Teaching:
    """The teaching words from the app's own ``content/teaching.toml``."""
    return load_teaching(default_content_dir())


def stage_part(where: TimelinePosition, guide: StageGuide) -> TeachingPart | None:
    """The person's stage with its usual pain and numbness, and how to read it (None
    without an onset date)."""
    stage, weeks = where.stage, where.weeks_since_onset
    if stage is None or weeks is None:
        return None
    text = (
        f"{weeks_since(weeks)} · {stage_named(stage)}. "
        f"Pain at this stage: {stage.pain.lower()}. Numbness: {stage.numbness.lower()}. "
        f"{guide.note}"
    )
    return TeachingPart(guide.heading, text)
