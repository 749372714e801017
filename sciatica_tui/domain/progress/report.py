"""The progress report: "am I getting better?" since the start and over the last four weeks.

Pure: it takes records and returns a ``ProgressReport``; the Trends tab and ``sciatica
progress`` only show it. The rules are DESIGN.md's "Progress":

* each comparison needs ``MIN_DAYS`` logged days in both of its windows, and a measure is
  compared only where both windows hold at least ``MIN_DAYS`` of its values;
* a measure's from and to are rounded as shown, and its change is worked out from them, so
  "−2.0 points" is always a change people notice;
* its direction is ``same`` for a change under half its ``points`` step (sleep 6.8 → 6.7
  hours is the same, not worse), else ``better`` or ``worse`` by the measure's side;
* the headline (``verdict``): ``worse`` when leg pain or reach changed noticeably for the
  worse; ``better`` when one of them changed noticeably for the better and none of leg pain,
  reach or weakness changed noticeably for the worse; ``same`` otherwise; ``not_enough_data``
  when a window has fewer than ``MIN_DAYS`` logged days. The report's headline is the one
  since the start;
* the weekly check-in has its own part, the first check-in against the latest
  (``progress/check_in.py``): it is shown beside the headline, never part of its rule.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from typing import Any

from sciatica_tui.domain.check_in_words import check_in_words
from sciatica_tui.domain.progress.check_in import CheckInProgress, check_in_progress
from sciatica_tui.domain.progress.measures import (
    MEASURES,
    Better,
    MeasureSpec,
    ProgressSources,
)
from sciatica_tui.domain.progress.slope import TrendReading, leg_pain_trend
from sciatica_tui.domain.progress.windows import (
    Window,
    baseline_window,
    four_week_windows,
    now_window,
)
from sciatica_tui.domain.timeline import TimelinePosition, position
from sciatica_tui.domain.timeline_words import timeline_json

MIN_DAYS = 3
# The measures the headline rests on, and those that keep it from saying "better".
HEADLINE_MEASURES = ("leg_pain", "pain_reach")
GUARD_MEASURES = ("leg_pain", "pain_reach", "weakness")


class Direction(StrEnum):
    """Which way a measure moved, for the person."""

    BETTER = "better"
    WORSE = "worse"
    SAME = "same"


class Verdict(StrEnum):
    """The answer in one word."""

    BETTER = "better"
    SAME = "same"
    WORSE = "worse"
    NOT_ENOUGH_DATA = "not_enough_data"


@dataclass(frozen=True)
class MeasureChange:
    """One measure in two windows: from, to, the change and what it means."""

    spec: MeasureSpec
    before: float
    after: float
    change: float
    percent: int | None
    noticeable: bool
    direction: Direction

    def to_dict(self) -> dict[str, Any]:
        """``{"from", "to", "change", "unit", "percent", "noticeable", "direction"}``."""
        return {
            "from": self.before,
            "to": self.after,
            "change": self.change,
            "unit": self.spec.unit.id,
            "percent": self.percent,
            "noticeable": self.noticeable,
            "direction": self.direction.value,
        }


def compare(
    spec: MeasureSpec, before: Sequence[float], after: Sequence[float]
) -> MeasureChange | None:
    """``spec`` from the values of one window to those of the next; None when either holds
    fewer than ``spec.min_values`` (``MIN_DAYS``) values."""
    if len(before) < spec.min_values or len(after) < spec.min_values:
        return None
    start = round(spec.summary(before), spec.decimals)
    end = round(spec.summary(after), spec.decimals)
    change = round(end - start, spec.decimals)
    percent = None
    if spec.has_percent and start != 0:
        percent = round(100 * change / abs(start))
    if spec.noticeable.too_small(change):
        direction = Direction.SAME
    elif (change < 0) == (spec.better is Better.LOWER):
        direction = Direction.BETTER
    else:
        direction = Direction.WORSE
    noticeable = spec.noticeable.met_by(start, change)
    return MeasureChange(spec, start, end, change, percent, noticeable, direction)


@dataclass(frozen=True)
class Comparison:
    """Two windows and every measure compared between them."""

    before: Window | None
    after: Window
    changes: tuple[MeasureChange, ...]
    # Measures logged in a window but on too few days to compare.
    too_few: tuple[MeasureSpec, ...]

    @property
    def enough_data(self) -> bool:
        """Both windows hold at least ``MIN_DAYS`` logged days."""
        return (
            self.before is not None
            and self.before.days_logged >= MIN_DAYS
            and self.after.days_logged >= MIN_DAYS
        )

    def change(self, measure_id: str) -> MeasureChange | None:
        """The change of one measure, when it could be compared."""
        return next((c for c in self.changes if c.spec.id == measure_id), None)

    def noticed(self, direction: Direction, measure_ids: Sequence[str]) -> bool:
        """True when one of ``measure_ids`` changed noticeably in ``direction``."""
        return any(
            change.noticeable and change.direction is direction
            for measure_id in measure_ids
            if (change := self.change(measure_id)) is not None
        )

    @property
    def verdict(self) -> Verdict:
        """Better, the same, worse, or not enough data (the rule in the module docstring)."""
        if not self.enough_data:
            return Verdict.NOT_ENOUGH_DATA
        if self.noticed(Direction.WORSE, HEADLINE_MEASURES):
            return Verdict.WORSE
        if self.noticed(Direction.BETTER, HEADLINE_MEASURES) and not self.noticed(
            Direction.WORSE, GUARD_MEASURES
        ):
            return Verdict.BETTER
        return Verdict.SAME

    def to_dict(self) -> dict[str, Any]:
        """The window for the JSON output: its days, its verdict and its measures."""
        return {
            "before": None if self.before is None else self.before.to_dict(),
            "now": self.after.to_dict(),
            "enough_data": self.enough_data,
            "verdict": self.verdict.value,
            "measures": {change.spec.id: change.to_dict() for change in self.changes},
            "too_few_values": [spec.id for spec in self.too_few],
        }


def compare_windows(
    readings: dict[str, list[tuple[date, float]]],
    before: Window | None,
    after: Window,
    measures: Sequence[MeasureSpec] = MEASURES,
) -> Comparison:
    """Every measure with enough values in both windows, in ``measures`` order."""
    changes: list[MeasureChange] = []
    too_few: list[MeasureSpec] = []
    for spec in measures:
        dated = readings.get(spec.id, [])
        then = [value for day, value in dated if before is not None and before.holds(day)]
        now = [value for day, value in dated if after.holds(day)]
        if not then and not now:
            continue
        compared = compare(spec, then, now)
        if compared is None:
            too_few.append(spec)
        else:
            changes.append(compared)
    return Comparison(before, after, tuple(changes), tuple(too_few))


@dataclass(frozen=True)
class ProgressReport:
    """Since the start, over the last four weeks, where leg pain is heading, and the weekly
    check-in (None before the first one)."""

    as_of: date
    timeline: TimelinePosition
    since_start: Comparison
    last_four_weeks: Comparison
    trend: TrendReading
    check_in: CheckInProgress | None

    @property
    def headline(self) -> Verdict:
        """The answer to "am I getting better?": the verdict since the start."""
        return self.since_start.verdict

    def to_dict(self) -> dict[str, Any]:
        """The shape ``sciatica progress --json`` prints (DESIGN.md, "Progress")."""
        return {
            "as_of": self.as_of.isoformat(),
            **timeline_json(self.timeline),
            "headline": self.headline.value,
            "trend": self.trend.trend.value,
            "since_start": self.since_start.to_dict(),
            "last_four_weeks": self.last_four_weeks.to_dict(),
            "check_in": None if self.check_in is None else self.check_in.to_dict(check_in_words()),
        }


def progress_report(
    sources: ProgressSources,
    as_of: date,
    *,
    onset: date | None = None,
    surgery: date | None = None,
    measures: Sequence[MeasureSpec] = MEASURES,
) -> ProgressReport:
    """The progress report of the diary up to ``as_of`` (later records are ignored)."""
    readings = {
        spec.id: [(day, value) for day, value in spec.readings(sources) if day <= as_of]
        for spec in measures
    }
    logged_days = [log.date for log in sources.daily_logs if log.date <= as_of]
    now = now_window(as_of, logged_days)
    start = baseline_window(logged_days, onset, now.first_day)
    previous, last = four_week_windows(as_of, logged_days)
    return ProgressReport(
        as_of=as_of,
        timeline=position(onset, surgery, as_of),
        since_start=compare_windows(readings, start, now, measures),
        last_four_weeks=compare_windows(readings, previous, last, measures),
        trend=leg_pain_trend(readings.get("leg_pain", []), as_of),
        check_in=check_in_progress(sources.check_ins, as_of),
    )
