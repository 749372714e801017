"""The weekly check-in's part of the progress report.

A check-in comes once a week, so it does not fit the report's 7-day windows: the part compares
the first check-in with the latest one up to the as-of day (``check_in_change``: the mean and
each activity named both times, and the latest "compared with the start" answer). With one
check-in there is nothing to compare yet; with none the part is absent (JSON ``null``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from sciatica_tui.domain.check_in_words import CheckInWords
from sciatica_tui.domain.check_ins import CheckInChange, activity_mean, check_in_change
from sciatica_tui.domain.records import CheckIn
from sciatica_tui.domain.units import POINTS

DECIMALS = 1


@dataclass(frozen=True)
class CheckInProgress:
    """Every check-in up to the as-of day (at least one, oldest first) and the change from
    the first to the latest (None with a single check-in)."""

    check_ins: tuple[CheckIn, ...]
    change: CheckInChange | None

    @property
    def first(self) -> CheckIn:
        """The first check-in: the start the others are compared with."""
        return self.check_ins[0]

    @property
    def latest(self) -> CheckIn:
        """The latest check-in up to the as-of day."""
        return self.check_ins[-1]

    def to_dict(self, words: CheckInWords) -> dict[str, Any]:
        """The ``"check_in"`` part of ``sciatica progress --json`` (README, "progress")."""
        change = self.change
        return {
            "count": len(self.check_ins),
            "first": self.first.date.isoformat(),
            "latest": self.latest.date.isoformat(),
            "mean": self._mean(),
            "activities": self._activities(),
            "noticeable": change is not None and change.noticeable,
            "global_change": {
                "value": self.latest.global_change,
                "words": words.global_words(self.latest.global_change),
            },
        }

    def _mean(self) -> dict[str, Any] | None:
        change = self.change
        if change is None:
            mean = activity_mean(self.latest)
            if mean is None:
                return None
            shown = round(mean, DECIMALS)
            return _scored(shown, shown, None, noticeable=False)
        if change.mean_first is None or change.mean_latest is None:
            return None
        return _scored(
            round(change.mean_first, DECIMALS),
            round(change.mean_latest, DECIMALS),
            None if change.mean_change is None else round(change.mean_change, DECIMALS),
            noticeable=change.mean_noticeable,
        )

    def _activities(self) -> list[dict[str, Any]]:
        compared = {}
        if self.change is not None:
            compared = {a.name.casefold(): a for a in self.change.activities}
        found = []
        for activity in self.latest.activities:
            moved = compared.get(activity.name.casefold())
            if moved is not None:
                item = _scored(moved.first, moved.latest, moved.change, noticeable=moved.noticeable)
            elif self.change is None:  # the only check-in: its scores are the start
                item = _scored(activity.score, activity.score, None, noticeable=False)
            else:  # named since the first check-in: nothing to compare with
                item = _scored(None, activity.score, None, noticeable=False)
            found.append({"name": activity.name, **item})
        return found


def _scored(
    before: float | None, after: float, change: float | None, *, noticeable: bool
) -> dict[str, Any]:
    return {
        "from": before,
        "to": after,
        "change": change,
        "unit": POINTS.id,
        "noticeable": noticeable,
    }


def check_in_progress(check_ins: Sequence[CheckIn], as_of: date) -> CheckInProgress | None:
    """The check-in part of the report up to ``as_of`` (None when there is no check-in)."""
    kept = tuple(sorted((c for c in check_ins if c.date <= as_of), key=lambda c: c.date))
    if not kept:
        return None
    return CheckInProgress(kept, check_in_change(kept))
