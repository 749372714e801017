"""What went with bad days: for each tag, leg pain on days with it against days without it.

The rule (issue 15, §4; DESIGN.md, "Trends"):

* Only logged days count (a day with a daily log, so with a leg pain score), from ``first``
  to ``last``.
* A day *has* a tag when its daily log holds it, or when one of that day's flare-ups holds
  it (as what set it off or what helped).
* A tag is compared only when it is on at least ``MIN_DAYS`` (3) logged days and missing
  from at least ``MIN_DAYS`` logged days of the range.
* Same day: the mean leg pain of the days with the tag minus that of the days without.
* Next day: the mean leg pain of the day after each day with the tag minus that of the day
  after each day without, counting only days whose next day is logged (and in the range).
  It too needs ``MIN_DAYS`` such days each side, or it is left out (``None``): a handful of
  pairs says nothing.
* A tag is listed only when one of the two differences is at least ``MIN_POINTS`` (1) point
  either way, worked out exactly (fractions, so 1.0 is never 0.9999).

This says which tags went with worse or better days, never what caused them. Pure: no
Textual, no store.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from fractions import Fraction
from typing import Any

from sciatica_tui.domain.flare_ups import FlareUp
from sciatica_tui.domain.records import DailyLog
from sciatica_tui.domain.tags import Tag, tag_label

# Days with a tag, and days without it, that a comparison needs (as Bearable does).
MIN_DAYS = 3
# The smallest difference in mean leg pain (0-10) worth telling.
MIN_POINTS = 1


@dataclass(frozen=True)
class Difference:
    """Mean leg pain with a tag minus without it, and how many days each mean is of."""

    points: Fraction
    days_with: int
    days_without: int

    @property
    def notable(self) -> bool:
        """True when the difference is at least ``MIN_POINTS``, up or down."""
        return abs(self.points) >= MIN_POINTS

    def rounded(self) -> float:
        """The difference to two decimals, for JSON."""
        return round(float(self.points), 2)


@dataclass(frozen=True)
class TagInsight:
    """One tag that went with a difference of at least a point on the same or next day."""

    tag: str
    label: str
    same_day: Difference
    # None when fewer than MIN_DAYS days each side have their next day logged.
    next_day: Difference | None

    @property
    def days_with(self) -> int:
        """Logged days with the tag."""
        return self.same_day.days_with

    @property
    def days_without(self) -> int:
        """Logged days without the tag."""
        return self.same_day.days_without

    @property
    def largest(self) -> Fraction:
        """The larger of the two differences, either way (for the order of the list)."""
        nxt = abs(self.next_day.points) if self.next_day is not None else Fraction(0)
        return max(abs(self.same_day.points), nxt)

    def to_dict(self) -> dict[str, Any]:
        """The JSON form (DESIGN.md, "Command line"), with the label and next-day counts."""
        return {
            "tag": self.tag,
            "label": self.label,
            "days_with": self.days_with,
            "days_without": self.days_without,
            "same_day_difference": self.same_day.rounded(),
            "next_day_difference": None if self.next_day is None else self.next_day.rounded(),
            "next_day_days_with": None if self.next_day is None else self.next_day.days_with,
            "next_day_days_without": (
                None if self.next_day is None else self.next_day.days_without
            ),
        }


@dataclass(frozen=True)
class Insights:
    """What went with bad days in one range of days."""

    first_day: date | None
    last_day: date
    days_logged: int
    # Tags on enough days with and without to be compared (listed or not).
    tags_compared: int
    # The tags listed, the largest difference first.
    listed: tuple[TagInsight, ...]

    def to_dict(self) -> dict[str, Any]:
        """The JSON form: the range, its counts, and ``insights``."""
        return {
            "from": None if self.first_day is None else self.first_day.isoformat(),
            "to": self.last_day.isoformat(),
            "days_logged": self.days_logged,
            "tags_compared": self.tags_compared,
            "min_days": MIN_DAYS,
            "min_points": MIN_POINTS,
            "insights": [insight.to_dict() for insight in self.listed],
        }


def insights(
    logs: Iterable[DailyLog],
    flare_ups: Iterable[FlareUp],
    tags: Sequence[Tag],
    *,
    first: date | None,
    last: date,
) -> Insights:
    """What went with bad days from ``first`` (the first log when None) to ``last``, both
    included; ``tags`` is the tag list, for the words (a removed tag keeps its id's words)."""
    pain: dict[date, int] = {}
    day_tags: dict[date, set[str]] = defaultdict(set)
    for log in logs:
        if log.date <= last and (first is None or log.date >= first):
            pain[log.date] = log.leg_pain
            day_tags[log.date].update(log.tags)
    for flare_up in flare_ups:
        day = flare_up.at.date()
        if day in pain:  # a flare-up on a day not logged has no leg pain to compare
            day_tags[day].update(flare_up.triggers, flare_up.helped)
    # One pass over the days: totals for all days, and for the days with each tag; the days
    # without a tag are the rest (ten years of days stay fast).
    same_all = _Tally()
    next_all = _Tally()
    same_with: dict[str, _Tally] = defaultdict(_Tally)
    next_with: dict[str, _Tally] = defaultdict(_Tally)
    for day, leg in pain.items():
        same_all.add(leg)
        following = pain.get(day + timedelta(days=1))
        if following is not None:
            next_all.add(following)
        for tag in day_tags[day]:
            same_with[tag].add(leg)
            if following is not None:
                next_with[tag].add(following)
    compared: list[tuple[Difference, Difference | None, str]] = []
    for tag in sorted(same_with):
        same_day = _difference(same_with[tag], same_all)
        if same_day is not None:
            next_day = _difference(next_with.get(tag, _Tally()), next_all)
            compared.append((same_day, next_day, tag))
    listed = [
        TagInsight(tag, tag_label(tag, tags), same_day, next_day)
        for same_day, next_day, tag in compared
        if same_day.notable or (next_day is not None and next_day.notable)
    ]
    listed.sort(key=lambda insight: (-insight.largest, insight.label))
    start = first if first is not None else min(pain, default=None)
    return Insights(start, last, len(pain), len(compared), tuple(listed))


class _Tally:
    """How many days, and their leg pain added up."""

    def __init__(self) -> None:
        self.days = 0
        self.total = 0

    def add(self, leg_pain: int) -> None:
        self.days += 1
        self.total += leg_pain


def _difference(with_tag: _Tally, every_day: _Tally) -> Difference | None:
    """Mean with minus mean without (every day but those with); None when either side has
    fewer than ``MIN_DAYS`` days."""
    without_days = every_day.days - with_tag.days
    if with_tag.days < MIN_DAYS or without_days < MIN_DAYS:
        return None
    without_total = every_day.total - with_tag.total
    points = Fraction(with_tag.total, with_tag.days) - Fraction(without_total, without_days)
    return Difference(points, with_tag.days, without_days)
