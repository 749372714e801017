"""The weekly check-in: when it is due, and how much the person's activities changed.

Pure: the store's check-ins and daily-log dates in, answers out.

- ``check_in_due``: Today offers the check-in when the diary has at least
  ``HISTORY_DAYS`` logged days, no check-in is dated in the last ``WEEK_DAYS`` days (today
  included), and the person did not skip it in those days either.
- ``check_in_change``: the first check-in against the latest (the activities named in both,
  matched by name without regard to capitals), with the change people usually notice on a
  0–10 activity score: ``NOTICEABLE_MEAN`` points on the mean of the shared activities, or
  ``NOTICEABLE_ONE`` on a single one (DESIGN.md, "Progress").
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import fmean

from sciatica_tui.domain.check_in_words import CheckInWords
from sciatica_tui.domain.records import CheckIn
from sciatica_tui.domain.words import plural

WEEK_DAYS = 7
HISTORY_DAYS = 3
NOTICEABLE_MEAN = 2.0
NOTICEABLE_ONE = 3


def check_in_due(
    today: date,
    check_ins: Sequence[CheckIn],
    days_logged: int,
    skipped_on: date | None,
) -> bool:
    """True when Today should offer the weekly check-in (the rule is in the module's doc)."""
    if days_logged < HISTORY_DAYS:
        return False
    week_start = today - timedelta(days=WEEK_DAYS - 1)
    if skipped_on is not None and week_start <= skipped_on <= today:
        return False
    return not any(week_start <= check_in.date <= today for check_in in check_ins)


def latest_names(check_ins: Sequence[CheckIn]) -> tuple[str, ...]:
    """The activities of the latest check-in, to offer again (none before the first)."""
    if not check_ins:
        return ()
    latest = max(check_ins, key=lambda check_in: check_in.date)
    return tuple(activity.name for activity in latest.activities)


def activity_mean(check_in: CheckIn) -> float | None:
    """The mean score of the check-in's activities (None when it names none)."""
    scores = [activity.score for activity in check_in.activities]
    return fmean(scores) if scores else None


@dataclass(frozen=True)
class ActivityChange:
    """One activity scored at the first check-in and the latest one."""

    name: str
    first: int
    latest: int

    @property
    def change(self) -> int:
        """Points up (better) or down (worse)."""
        return self.latest - self.first

    @property
    def noticeable(self) -> bool:
        """A change of ``NOTICEABLE_ONE`` points or more, either way."""
        return abs(self.change) >= NOTICEABLE_ONE


@dataclass(frozen=True)
class CheckInChange:
    """The first check-in against the latest: each activity named in both, their means,
    and the latest global answer (-3 … +3)."""

    first: CheckIn
    latest: CheckIn
    activities: tuple[ActivityChange, ...]

    @property
    def global_change(self) -> int:
        """The latest answer to "since it started, how is it now?"."""
        return self.latest.global_change

    @property
    def mean_first(self) -> float | None:
        """The mean score of the shared activities at the first check-in."""
        return fmean(a.first for a in self.activities) if self.activities else None

    @property
    def mean_latest(self) -> float | None:
        """The mean score of the shared activities at the latest check-in."""
        return fmean(a.latest for a in self.activities) if self.activities else None

    @property
    def mean_change(self) -> float | None:
        """Points the mean moved (None when no activity was scored both times)."""
        # The mean of the changes, not a difference of two means: 6 points over 3 activities
        # is exactly 2.0, never 1.9999999999999996.
        return fmean(a.change for a in self.activities) if self.activities else None

    @property
    def mean_noticeable(self) -> bool:
        """The mean moved by ``NOTICEABLE_MEAN`` points or more, either way."""
        change = self.mean_change
        return change is not None and abs(change) >= NOTICEABLE_MEAN

    @property
    def noticeable(self) -> bool:
        """The mean, or any one activity, moved by a change people usually notice."""
        return self.mean_noticeable or any(a.noticeable for a in self.activities)


def check_in_change(check_ins: Sequence[CheckIn]) -> CheckInChange | None:
    """The first check-in against the latest, or None with fewer than two check-ins."""
    if len(check_ins) < 2:
        return None
    ordered = sorted(check_ins, key=lambda check_in: check_in.date)
    first, latest = ordered[0], ordered[-1]
    at_first = {activity.name.casefold(): activity.score for activity in first.activities}
    shared = tuple(
        ActivityChange(activity.name, at_first[activity.name.casefold()], activity.score)
        for activity in latest.activities
        if activity.name.casefold() in at_first
    )
    return CheckInChange(first, latest, shared)


def points(change: float) -> str:
    """A change of score with its unit: "up 2.3 points", "down 1 point", "no change"."""
    size = round(abs(change), 1)
    if size == 0:
        return "no change"
    amount = f"{size:g} point" if size == 1 else f"{size:g} points"
    return f"{'up' if change > 0 else 'down'} {amount}"


def change_in_words(change: CheckInChange, words: CheckInWords) -> str:
    """The change since the first check-in, without the activities' names: "mean up 2.3
    points since your first check-in, a change people usually notice; 1 activity changed by
    3 points or more". Names stay out: this is for titles that are not the person's text."""
    if change.mean_change is None:
        return "no activity was scored both at the first check-in and the latest"
    said = words.noticeable if change.mean_noticeable else words.not_noticeable
    text = f"mean {points(change.mean_change)} since your first check-in, {said}"
    moved = sum(1 for activity in change.activities if activity.noticeable)
    if moved:
        activities = plural(moved, "activity", "activities")
        text += f"; {activities} changed by {NOTICEABLE_ONE} points or more"
    return text
