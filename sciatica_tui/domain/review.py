"""The weekly review: the 7 days ending on a date against the 7 days before.

Pure: it takes records and returns a ``WeeklyReview``; the Trends tab and ``sciatica review``
only show it. The rules are DESIGN.md's "Weekly review" table:

* a comparison needs at least ``MIN_DAYS`` logged days in each window, and each signal is
  only computed where both windows have its field on at least ``MIN_DAYS`` days;
* red flags are never hidden for lack of data: ``red_flag`` looks at this window's checks
  alone, and the "marked weakness this window" half of ``weakness`` looks at this window alone
  (its "more days with weakness" half is a comparison and follows the rule above);
* ``no_lasting_progress`` looks at seven rolling weeks: the six ending on the "as of" day and
  the week six weeks before them.

Signals are listed in the order of ``content.SIGNAL_IDS``.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from sciatica_tui.domain.content_schema import SIGNAL_IDS
from sciatica_tui.domain.records import DailyLog, RedFlagCheck, Verdict
from sciatica_tui.domain.timeline import TimelinePosition, position
from sciatica_tui.domain.timeline_words import timeline_json
from sciatica_tui.domain.weekly import PeriodSummary, summarize

if TYPE_CHECKING:
    from sciatica_tui.domain.rehab_review import ReviewAdherence

MIN_DAYS = 3
WINDOW_DAYS = 7
# Weeks of high leg pain without easing before "no lasting progress" is said.
STALLED_WEEKS = 6
STALLED_PAIN = 5.0
STALLED_EASING = 1.0
# Float means such as 5.1 - 4.1 may land a hair under a threshold they meet.
_EPSILON = 1e-9

# What each week of the JSON output holds: the means and medians the rules use.
WEEK_MEANS: tuple[str, ...] = (
    "leg_pain",
    "numbness",
    "walking_minutes",
    "pain_med_doses",
    "sleep_hours",
    "sleep_quality",
    "mood",
)
WEEK_MEDIANS: tuple[str, ...] = ("pain_reach", "numbness_reach")

RED_FLAG_SIGNALS = frozenset({"red_flag", "weakness"})


@dataclass(frozen=True)
class WeeklyReview:
    """This week against last week, and the recovery and decline signs found."""

    as_of: date
    this_week: PeriodSummary
    last_week: PeriodSummary
    enough_data: bool
    recovery: tuple[str, ...]
    decline: tuple[str, ...]
    timeline: TimelinePosition
    # The checks of this week that found a warning sign (what ``red_flag`` is about).
    warning_checks: tuple[RedFlagCheck, ...] = ()
    # The share of the rehab plan done in the two windows (None: no plan given).
    rehab: ReviewAdherence | None = None

    @property
    def signals(self) -> tuple[str, ...]:
        """Every signal found, in ``SIGNAL_IDS`` order."""
        found = set(self.recovery) | set(self.decline)
        return tuple(signal for signal in SIGNAL_IDS if signal in found)

    @property
    def needs_red_flag_check(self) -> bool:
        """True when a signal calls for the red-flag check and a clinician."""
        return bool(RED_FLAG_SIGNALS & set(self.decline))

    def to_dict(self) -> dict[str, Any]:
        """The shape ``sciatica review --json`` prints (DESIGN.md, "Command line")."""
        return {
            "as_of": self.as_of.isoformat(),
            **timeline_json(self.timeline),
            "this_week": week_dict(self.this_week),
            "last_week": week_dict(self.last_week),
            "recovery": list(self.recovery),
            "decline": list(self.decline),
            "enough_data": self.enough_data,
        }


def week_dict(week: PeriodSummary) -> dict[str, Any]:
    """One window for the JSON output, as DESIGN.md has it: ``days_logged`` and the means,
    medians and weakness counts the rules use (``None`` where the field was never logged).
    Its days follow from ``as_of``, so they are not repeated."""
    out: dict[str, Any] = {"days_logged": week.days_logged}
    for name in WEEK_MEANS:
        value = week.mean(name)
        out[f"{name}_mean"] = None if value is None else round(float(value), 2)
    for name in WEEK_MEDIANS:
        out[f"{name}_median"] = week.reach_median(name)
    out["weakness_days"] = week.weakness_days
    out["marked_weakness_days"] = week.marked_weakness_days
    return out


def window_ending(logs: Iterable[DailyLog], last_day: date) -> PeriodSummary:
    """The 7 days ending on ``last_day``."""
    return summarize(logs, last_day - timedelta(days=WINDOW_DAYS - 1), last_day)


def weekly_review(
    logs: Iterable[DailyLog],
    checks: Iterable[RedFlagCheck],
    as_of: date,
    *,
    onset: date | None = None,
    surgery: date | None = None,
    rehab: ReviewAdherence | None = None,
) -> WeeklyReview:
    """Review the 7 days ending on ``as_of`` against the 7 days before.

    ``logs`` and ``checks`` may cover any span (years of them); only the last seven weeks
    up to ``as_of`` are read, and logs after ``as_of`` are ignored. ``rehab`` is the share
    of the exercise plan done in the same windows (``rehab_review.review_adherence``).
    """
    earliest = as_of - timedelta(days=WINDOW_DAYS * (STALLED_WEEKS + 1) - 1)
    recent = [log for log in logs if earliest <= log.date <= as_of]
    weeks = [
        window_ending(recent, as_of - timedelta(days=WINDOW_DAYS * back))
        for back in range(STALLED_WEEKS + 1)
    ]
    this, last = weeks[0], weeks[1]
    enough = this.days_logged >= MIN_DAYS and last.days_logged >= MIN_DAYS

    found: set[str] = set()
    if enough:
        found |= _compared_signals(this, last)
        if _no_lasting_progress(weeks):
            found.add("no_lasting_progress")
    if this.marked_weakness_days > 0:
        found.add("weakness")
    warning_checks = _warning_checks(checks, this.first_day, this.last_day)
    if warning_checks:
        found.add("red_flag")

    recovery, decline = split_by_side(found)
    return WeeklyReview(
        as_of=as_of,
        this_week=this,
        last_week=last,
        enough_data=enough,
        recovery=recovery,
        decline=decline,
        timeline=position(onset, surgery, as_of),
        warning_checks=warning_checks,
        rehab=rehab,
    )


# Which side each signal is on (content/signals.toml says the same; a test checks).
RECOVERY_SIGNALS = frozenset(
    {
        "centralizing",
        "pain_easing",
        "numbness_fading",
        "more_mobile",
        "fewer_meds",
        "sleeping_better",
        "mood_lifting",
    }
)


def split_by_side(found: Iterable[str]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(recovery ids, decline ids), each in ``SIGNAL_IDS`` order."""
    chosen = set(found)
    ordered = [signal for signal in SIGNAL_IDS if signal in chosen]
    recovery = tuple(s for s in ordered if s in RECOVERY_SIGNALS)
    decline = tuple(s for s in ordered if s not in RECOVERY_SIGNALS)
    return recovery, decline


def _change(this: PeriodSummary, last: PeriodSummary, name: str) -> float | None:
    """This window's mean minus last window's, when both logged ``name`` on enough days."""
    if this.days_with(name) < MIN_DAYS or last.days_with(name) < MIN_DAYS:
        return None
    now, before = this.mean(name), last.mean(name)
    if now is None or before is None:
        return None
    return now - before


def _reach_change(this: PeriodSummary, last: PeriodSummary, name: str) -> float | None:
    """The change in median reach rank, when both windows logged ``name`` on enough days."""
    if this.days_with(name) < MIN_DAYS or last.days_with(name) < MIN_DAYS:
        return None
    now, before = this.reach_median(name), last.reach_median(name)
    if now is None or before is None:
        return None
    return now - before


def _at_least(value: float | None, threshold: float) -> bool:
    return value is not None and value >= threshold - _EPSILON


def _compared_signals(this: PeriodSummary, last: PeriodSummary) -> set[str]:
    """The signals that compare the two windows (both have enough logged days)."""
    found: set[str] = set()

    def rising(change: float | None, threshold: float, up: str, down: str) -> None:
        if _at_least(change, threshold):
            found.add(up)
        if change is not None and _at_least(-change, threshold):
            found.add(down)

    rising(_reach_change(this, last, "pain_reach"), 1, "peripheralizing", "centralizing")
    rising(_change(this, last, "leg_pain"), 1.0, "pain_worsening", "pain_easing")
    rising(_change(this, last, "numbness"), 1.0, "numbness_spreading", "numbness_fading")
    if _at_least(_reach_change(this, last, "numbness_reach"), 1):
        found.add("numbness_spreading")
    if (
        this.days_with("weakness") >= MIN_DAYS
        and last.days_with("weakness") >= MIN_DAYS
        and this.weakness_days > last.weakness_days
    ):
        found.add("weakness")
    rising(_change(this, last, "pain_med_doses"), 0.5, "more_meds", "fewer_meds")
    for name in ("sleep_hours", "sleep_quality"):
        rising(_change(this, last, name), 0.5, "sleeping_better", "sleeping_worse")
    if _at_least(_change(this, last, "mood"), 0.5):
        found.add("mood_lifting")

    walking = _change(this, last, "walking_minutes")
    before = last.mean("walking_minutes")
    if walking is not None and before is not None:
        # A change counts when it is both 20% of last week's mean and 5 minutes.
        needed = max(0.2 * before, 5.0)
        if _at_least(walking, needed):
            found.add("more_mobile")
        if _at_least(-walking, needed):
            found.add("less_mobile")
    return found


def _no_lasting_progress(weeks: Sequence[PeriodSummary]) -> bool:
    """Leg pain has averaged 5 or more in each of the last 6 weeks and never come down by 1.0
    from the week 6 weeks before; every one of those 7 weeks needs enough logged days."""
    if len(weeks) < STALLED_WEEKS + 1 or any(w.days_logged < MIN_DAYS for w in weeks):
        return False
    means = [w.mean("leg_pain") for w in weeks]
    baseline = means[STALLED_WEEKS]
    recent = means[:STALLED_WEEKS]
    if baseline is None or any(m is None for m in recent):
        return False
    return all(
        m is not None and m >= STALLED_PAIN - _EPSILON and not _at_least(baseline - m, 1.0)
        for m in recent
    )


def _warning_checks(
    checks: Iterable[RedFlagCheck], first_day: date, last_day: date
) -> tuple[RedFlagCheck, ...]:
    return tuple(
        sorted(
            (
                check
                for check in checks
                if first_day <= check.at.date() <= last_day
                and check.verdict in (Verdict.EMERGENCY, Verdict.URGENT)
            ),
            key=lambda check: check.at,
        )
    )
