"""What went with bad days, in words: ``content/insights.toml``, checked on load, and the
sentences the Trends tab and ``sciatica insights`` print.

Each sentence in the file holds exactly its own ``{slots}``: a missing or unknown one is a
``ContentError`` naming the file and the key, like every content file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from string import Formatter

from sciatica_tui.domain.content_loader import ContentTable, default_content_dir, load_file
from sciatica_tui.domain.insights import MIN_DAYS, MIN_POINTS, Difference, Insights, TagInsight
from sciatica_tui.domain.words import one_decimal, plural

INSIGHTS_FILE = "insights.toml"

# Each text of the file and the slots it must hold (and no others).
SLOTS: dict[str, frozenset[str]] = {
    "title": frozenset(),
    "about": frozenset(),
    "too_few": frozenset({"min_days"}),
    "no_difference": frozenset({"min_points", "compared"}),
    "shell_hint": frozenset(),
    "went_with": frozenset({"tag", "differences"}),
    "same_day": frozenset({"points", "direction", "days_with", "days_without"}),
    "next_day": frozenset({"points", "direction", "days_with", "days_without"}),
    "and": frozenset(),
    "higher": frozenset(),
    "lower": frozenset(),
}


@dataclass(frozen=True)
class InsightWords:
    """Everything in ``insights.toml``."""

    title: str
    about: str
    too_few: str
    no_difference: str
    shell_hint: str
    went_with: str
    same_day: str
    next_day: str
    and_: str
    higher: str
    lower: str


def _slots(text: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in Formatter().parse(text) if name is not None)


def _insight_words(t: ContentTable) -> InsightWords:
    texts: dict[str, str] = {}
    for key, slots in SLOTS.items():
        try:
            text = t.text(key)
            found = _slots(text)
        except ValueError as error:  # a lone brace
            raise t.error(key, f"not a sentence with {{slots}}: {error}") from None
        if found != slots:
            wanted = ", ".join(f"{{{name}}}" for name in sorted(slots)) or "no {slots}"
            raise t.error(key, f"must hold {wanted}")
        texts["and_" if key == "and" else key] = text
    t.done()
    return InsightWords(**texts)


def load_insight_words(content_dir: Path) -> InsightWords:
    """Load and check ``insights.toml`` from ``content_dir`` (tests use a broken copy)."""
    return load_file(INSIGHTS_FILE, content_dir, _insight_words)


@cache
def insight_words() -> InsightWords:
    """The words from the app's own ``content/insights.toml``."""
    return load_insight_words(default_content_dir())


def insight_sentence(insight: TagInsight, words: InsightWords) -> str:
    """ "Driving went with leg pain 1.4 points higher the next day (5 days with, 18
    without)." Only the differences of at least a point are told."""
    parts = []
    for template, difference in (
        (words.same_day, insight.same_day),
        (words.next_day, insight.next_day),
    ):
        if difference is not None and difference.notable:
            parts.append(_difference(template, difference, words))
    return words.went_with.format(tag=insight.label, differences=f" {words.and_} ".join(parts))


def _difference(template: str, difference: Difference, words: InsightWords) -> str:
    return template.format(
        points=one_decimal(abs(float(difference.points))),
        direction=words.higher if difference.points > 0 else words.lower,
        days_with=difference.days_with,
        days_without=difference.days_without,
    )


def quiet_line(found: Insights, words: InsightWords) -> str | None:
    """Why nothing is listed (too few days, or no difference of a point); None when
    something is."""
    if found.listed:
        return None
    if not found.tags_compared:
        return words.too_few.format(min_days=MIN_DAYS)
    return words.no_difference.format(
        min_points=MIN_POINTS, compared=plural(found.tags_compared, "tag")
    )


def insights_as_text(found: Insights, words: InsightWords) -> list[str]:
    """The sentences to show: one per listed tag, or the one line saying why there are none."""
    quiet = quiet_line(found, words)
    if quiet is not None:
        return [quiet]
    return [insight_sentence(insight, words) for insight in found.listed]
