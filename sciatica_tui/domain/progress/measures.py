"""What the progress report measures: one table of ``MeasureSpec`` rows.

Each row says where its values come from, how a window of them is summed up (mean, median),
its unit, which way is better and the smallest change people usually notice. Adding a measure
is adding a row to ``MEASURES`` (and, for a new kind of record, a field to ``ProgressSources``).

The thresholds (README, "Progress"):

* 0–10 pain and numbness: 2 points, or 30% of the starting level (IMMPACT), the 30% counting
  only when it is at least 1 point, so 0.3 → 0.5 is not called a change anyone notices;
* walking and sitting time: 30% and 5 minutes, both (from 0 minutes, 5 minutes is enough);
* how far down the pain reaches: one level (median of the days, half-way counted as the
  level further down);
* sleep: one hour a night; sleep quality and mood (1–5): one step;
* pain-relief doses: one dose a day;
* leg weakness: one day a week more or fewer with weakness (mild or marked).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from statistics import mean, median

from sciatica_tui.domain.records import CheckIn, DailyLog, Reach, Weakness
from sciatica_tui.domain.units import (
    DAYS_A_WEEK,
    DOSES_A_DAY,
    HOURS_A_NIGHT,
    LEVELS,
    MINUTES_AT_A_TIME,
    POINTS,
    Unit,
)

# Float means such as 5.1 - 3.1 may land a hair under a threshold they meet.
EPSILON = 1e-9


class Better(StrEnum):
    """Which way a measure gets better."""

    LOWER = "lower"
    HIGHER = "higher"


@dataclass(frozen=True)
class Noticeable:
    """The smallest change people usually notice.

    ``points``: a change of at least this much (in the measure's unit) counts.
    ``percent``: a change of at least this share of the starting value counts, when it is
    also at least ``percent_floor``. ``both``: a change needs ``points`` AND ``percent``
    (walking: 30% and 5 minutes); from a start of 0 the percent cannot be had, so ``points``
    alone decides.
    """

    points: float | None = None
    percent: float | None = None
    percent_floor: float = 0.0
    both: bool = False

    def met_by(self, before: float, change: float) -> bool:
        """True when going from ``before`` by ``change`` is a change people notice."""
        size = abs(change)
        if size < EPSILON:
            return False
        by_points = self.points is not None and size >= self.points - EPSILON
        share = None if before == 0 else 100 * size / abs(before)
        by_percent = (
            self.percent is not None
            and share is not None
            and share >= self.percent - EPSILON
            and size >= self.percent_floor - EPSILON
        )
        if self.both:
            return by_points and (by_percent or share is None)
        return by_points or by_percent

    def too_small(self, change: float) -> bool:
        """True for a change under half the ``points`` step: said as "about the same"."""
        step = self.points or 0.0
        return abs(change) < step / 2 - EPSILON or abs(change) < EPSILON


@dataclass(frozen=True)
class ProgressSources:
    """The records the measures read (a new record kind becomes a new field here)."""

    daily_logs: Sequence[DailyLog] = ()
    # Weekly, so they are not a measure of the 7-day windows: the report compares the first
    # check-in with the latest (``progress/check_in.py``).
    check_ins: Sequence[CheckIn] = ()


Readings = Callable[[ProgressSources], Iterable[tuple[date, float]]]


@dataclass(frozen=True)
class MeasureSpec:
    """One measure of the progress report."""

    id: str
    label: str
    unit: Unit
    decimals: int
    better: Better
    noticeable: Noticeable
    readings: Readings
    summary: Callable[[Sequence[float]], float] = mean
    # What a value is followed by in a table ("45 min"); reach is said in words instead.
    value_suffix: str = ""
    has_percent: bool = True
    is_reach: bool = False
    # Left out of the tables when nothing was logged on either side (no weakness at all).
    hide_when_zero: bool = False
    # Values each window needs (DESIGN: 3); a weekly record such as a check-in has one a
    # week, so its row would ask for 1.
    min_values: int = 3

    @property
    def short_label(self) -> str:
        """The label without its scale, for a narrow table: "Leg pain"."""
        return self.label.split(" (")[0]

    def number_words(self, value: float) -> str:
        """One summed-up value without its suffix: "4.5", "45", "buttock"."""
        return reach_short(value) if self.is_reach else f"{value:.{self.decimals}f}"

    def from_to_words(self, before: float, after: float) -> str:
        """ "6.7 → 2.7", "11 → 39 min", "foot → buttock": the suffix said once."""
        said = f"{self.number_words(before)} → {self.number_words(after)}"
        return said + ("" if self.is_reach else self.value_suffix)


def from_logs(read: Callable[[DailyLog], float | None]) -> Readings:
    """Readings of one daily-log field: (date, value) for each day it was filled in."""

    def readings(sources: ProgressSources) -> Iterable[tuple[date, float]]:
        for log in sources.daily_logs:
            value = read(log)
            if value is not None:
                yield log.date, float(value)

    return readings


def logged(name: str) -> Readings:
    """Readings of the daily-log field ``name`` (a number)."""
    return from_logs(lambda log: getattr(log, name))


def _reach_rank(log: DailyLog) -> float | None:
    return None if log.pain_reach is None else float(log.pain_reach.rank)


def _weak_day(log: DailyLog) -> float | None:
    if log.weakness is None:
        return None
    return 0.0 if log.weakness is Weakness.NONE else 1.0


def _days_a_week(values: Sequence[float]) -> float:
    """The share of logged days with weakness, as days in a week of seven."""
    return 7 * mean(values)


def _median_level(values: Sequence[float]) -> float:
    """The median reach rank as a whole level: half-way is the level further down the leg
    (the cautious reading, as the Trends table has it), so changes come in whole levels."""
    return float(reach_level(median(values)).rank)


PAIN_SCALE = Noticeable(points=2, percent=30, percent_floor=1)
TIME_AT_A_TIME = Noticeable(points=5, percent=30, both=True)
ONE_STEP = Noticeable(points=1)

MEASURES: tuple[MeasureSpec, ...] = (
    MeasureSpec(
        "leg_pain", "Leg pain (0-10)", POINTS, 1, Better.LOWER, PAIN_SCALE, logged("leg_pain")
    ),
    MeasureSpec(
        "back_pain", "Back pain (0-10)", POINTS, 1, Better.LOWER, PAIN_SCALE, logged("back_pain")
    ),
    MeasureSpec(
        "pain_reach",
        "Pain reaches",
        LEVELS,
        0,
        Better.LOWER,
        ONE_STEP,
        from_logs(_reach_rank),
        summary=_median_level,
        has_percent=False,
        is_reach=True,
    ),
    MeasureSpec(
        "numbness", "Numbness (0-10)", POINTS, 1, Better.LOWER, PAIN_SCALE, logged("numbness")
    ),
    MeasureSpec(
        "weakness",
        "Days with weakness",
        DAYS_A_WEEK,
        1,
        Better.LOWER,
        ONE_STEP,
        from_logs(_weak_day),
        summary=_days_a_week,
        value_suffix=" a week",
        hide_when_zero=True,
    ),
    MeasureSpec(
        "walking_minutes",
        "Walking",
        MINUTES_AT_A_TIME,
        0,
        Better.HIGHER,
        TIME_AT_A_TIME,
        logged("walking_minutes"),
        value_suffix=" min",
    ),
    MeasureSpec(
        "sitting_minutes",
        "Sitting",
        MINUTES_AT_A_TIME,
        0,
        Better.HIGHER,
        TIME_AT_A_TIME,
        logged("sitting_minutes"),
        value_suffix=" min",
    ),
    MeasureSpec(
        "sleep_hours",
        "Sleep",
        HOURS_A_NIGHT,
        1,
        Better.HIGHER,
        ONE_STEP,
        logged("sleep_hours"),
        value_suffix=" h",
    ),
    MeasureSpec(
        "sleep_quality",
        "Sleep quality (1-5)",
        POINTS,
        1,
        Better.HIGHER,
        ONE_STEP,
        logged("sleep_quality"),
    ),
    MeasureSpec("mood", "Mood (1-5)", POINTS, 1, Better.HIGHER, ONE_STEP, logged("mood")),
    MeasureSpec(
        "pain_med_doses",
        "Pain-relief doses",
        DOSES_A_DAY,
        1,
        Better.LOWER,
        ONE_STEP,
        logged("pain_med_doses"),
        value_suffix=" a day",
    ),
)

MEASURE_IDS: tuple[str, ...] = tuple(spec.id for spec in MEASURES)

# Where the pain reaches, short for a table cell and whole for a sentence.
_REACH_SHORT: dict[Reach, str] = {
    Reach.NONE: "none",
    Reach.LOWER_BACK: "low back",
    Reach.BUTTOCK: "buttock",
    Reach.THIGH: "thigh",
    Reach.BELOW_KNEE: "below knee",
    Reach.FOOT: "foot",
}
REACH_PLACES: dict[Reach, str] = {
    Reach.NONE: "nowhere down the leg",
    Reach.LOWER_BACK: "the lower back",
    Reach.BUTTOCK: "the buttock",
    Reach.THIGH: "the thigh",
    Reach.BELOW_KNEE: "below the knee",
    Reach.FOOT: "the foot",
}


def reach_level(rank: float) -> Reach:
    """The level of a median rank; a median between two levels is the lower on the body
    (the Trends table does the same)."""
    levels = list(Reach)
    return levels[max(0, min(int(rank + 0.5), len(levels) - 1))]


def reach_short(rank: float) -> str:
    """A median reach rank, short: "buttock", "below knee"."""
    return _REACH_SHORT[reach_level(rank)]
