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
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from sciatica_tui.domain.content_schema import SIGNAL_IDS, SignalContent, SignalText
from sciatica_tui.domain.records import REACH_LABELS, DailyLog, Reach, RedFlagCheck, Verdict
from sciatica_tui.domain.red_flags import verdict_and_signs
from sciatica_tui.domain.review_cautions import reminders, signal_words
from sciatica_tui.domain.timeline import TimelinePosition, position
from sciatica_tui.domain.weekly import PeriodSummary, summarize
from sciatica_tui.domain.words import day_range, long_day, weekday_day

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
RED_FLAG_ADVICE = (
    "Run the red-flag check now (ctrl+r in the app) and contact a clinician. "
    "If it says emergency, go to the emergency department."
)
KEEP_GOING = "Keep going with your plan, and keep logging each day."
NO_CLEAR_CHANGE = "No clear change from last week. Keep going, and keep logging each day."
TALK_TO_CLINICIAN = "Talk to your clinician about the signs to watch above."


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
        stage = self.timeline.stage
        return {
            "as_of": self.as_of.isoformat(),
            "weeks_since_onset": self.timeline.weeks_since_onset,
            "stage": None
            if stage is None
            else {"number": stage.number, "weeks": stage.weeks, "name": stage.name},
            "phase": self.timeline.phase,
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
) -> WeeklyReview:
    """Review the 7 days ending on ``as_of`` against the 7 days before.

    ``logs`` and ``checks`` may cover any span (years of them); only the last seven weeks
    up to ``as_of`` are read, and logs after ``as_of`` are ignored.
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


# --- in words ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ComparisonRow:
    """One line of "this week against last week"."""

    label: str
    last_week: str
    this_week: str
    change: str


@dataclass(frozen=True)
class ReviewInWords:
    """The review as the person reads it: the comparison, the signs and what to do."""

    heading: str
    rows: tuple[ComparisonRow, ...]
    not_enough_data: str | None
    recovery: tuple[SignalText, ...]
    decline: tuple[SignalText, ...]
    what_to_do: tuple[str, ...]
    disclaimer: str


# (field, label, unit, decimals) for the comparison table.
_ROWS: tuple[tuple[str, str, str, int], ...] = (
    ("leg_pain", "Leg pain (0-10)", "", 1),
    ("back_pain", "Back pain (0-10)", "", 1),
    ("numbness", "Numbness (0-10)", "", 1),
    ("walking_minutes", "Walking", " min", 0),
    ("sitting_minutes", "Sitting", " min", 0),
    ("sleep_hours", "Sleep", " h", 1),
    ("sleep_quality", "Sleep quality (1-5)", "", 1),
    ("mood", "Mood (1-5)", "", 1),
    ("pain_med_doses", "Pain-relief doses", "", 1),
)


def _reach_words(rank: float | None) -> str:
    if rank is None:
        return "not logged"
    levels = list(Reach)
    low, high = levels[int(rank)], levels[min(int(rank + 0.5), len(levels) - 1)]
    if low is high:
        return REACH_LABELS[low]
    return f"{REACH_LABELS[low]} / {REACH_LABELS[high]}"


def comparison_rows(review: WeeklyReview) -> tuple[ComparisonRow, ...]:
    """Last week and this week side by side, in words and figures."""
    this, last = review.this_week, review.last_week
    rows = [
        ComparisonRow("Days logged", f"{last.days_logged} of 7", f"{this.days_logged} of 7", "")
    ]
    for name, label, unit, decimals in _ROWS:
        before, now = last.mean(name), this.mean(name)
        if before is None and now is None:
            continue
        rows.append(
            ComparisonRow(
                label,
                "not logged" if before is None else f"{before:.{decimals}f}{unit}",
                "not logged" if now is None else f"{now:.{decimals}f}{unit}",
                _change_words(before, now, decimals),
            )
        )
    for name, label in (("pain_reach", "Pain reaches"), ("numbness_reach", "Numbness reaches")):
        before, now = last.reach_median(name), this.reach_median(name)
        if before is None and now is None:
            continue
        change = ""
        if before is not None and now is not None:
            change = "same" if now == before else ("higher up" if now < before else "further down")
        rows.append(ComparisonRow(label, _reach_words(before), _reach_words(now), change))
    if this.weakness_days or last.weakness_days:
        rows.append(
            ComparisonRow(
                "Days with weakness",
                str(last.weakness_days),
                str(this.weakness_days),
                _change_words(last.weakness_days, this.weakness_days, 0),
            )
        )
    return tuple(rows)


def _change_words(before: float | None, now: float | None, decimals: int) -> str:
    if before is None or now is None:
        return ""
    step = 10.0**-decimals
    difference = round(now - before, decimals)
    if abs(difference) < step / 2:
        return "same"
    return f"up {difference:.{decimals}f}" if difference > 0 else f"down {-difference:.{decimals}f}"


def in_words(review: WeeklyReview, words: SignalContent) -> ReviewInWords:
    """The review in the person's words, from ``content/signals.toml``."""
    this, last = review.this_week, review.last_week
    this_span = day_range(this.first_day, this.last_day, review.as_of, weekdays=True)
    last_span = day_range(last.first_day, last.last_day, review.as_of, weekdays=True)
    heading = f"This week ({this_span}) against last week ({last_span})"
    missing = None
    if not review.enough_data:
        missing = (
            f"{words.not_enough_data} So far: {this.days_logged} of 7 days logged this week, "
            f"{last.days_logged} of 7 last week."
        )
    recovery, decline = signal_words(review.recovery, review.decline, words)
    decline = tuple(_said_with_checks(signal, review) for signal in decline)
    return ReviewInWords(
        heading=heading,
        rows=comparison_rows(review),
        not_enough_data=missing,
        recovery=recovery,
        decline=decline,
        what_to_do=what_to_do(review, words) + reminders(review.recovery, review.decline),
        disclaimer=words.disclaimer_short,
    )


def _said_with_checks(signal: SignalText, review: WeeklyReview) -> SignalText:
    """The ``red_flag`` words name each check and the signs it found ("Thu 19 Nov:
    emergency, yes to bladder trouble"), not only that there was one."""
    if signal.id != "red_flag" or not review.warning_checks:
        return signal
    said = "; ".join(
        f"{weekday_day(check.at.date(), review.as_of)}: {verdict_and_signs(check)}"
        for check in review.warning_checks
    )
    return replace(signal, text=f"{signal.text} ({said}.)")


def what_to_do(review: WeeklyReview, words: SignalContent) -> tuple[str, ...]:
    """The next steps, most urgent first."""
    steps: list[str] = []
    if review.needs_red_flag_check:
        steps.append(RED_FLAG_ADVICE)
    if review.decline:
        steps.append(TALK_TO_CLINICIAN)
    elif review.recovery:
        steps.append(KEEP_GOING)
    elif review.enough_data:
        steps.append(NO_CLEAR_CHANGE)
    return tuple(steps)


def review_as_text(review: WeeklyReview, words: SignalContent) -> str:
    """The review as plain text (``sciatica review``)."""
    told = in_words(review, words)
    lines = [f"Weekly review, as of {long_day(review.as_of)}"]
    timeline = review.timeline
    if timeline.weeks_since_onset is not None and timeline.stage is not None:
        lines.append(
            f"Week {timeline.weeks_since_onset} since onset: stage {timeline.stage.number} "
            f"(weeks {timeline.stage.weeks}), {timeline.stage.name}."
            + (f" Rehab phase {timeline.phase}." if timeline.phase is not None else "")
        )
    lines += ["", told.heading, ""]
    label_width = max(len(row.label) for row in told.rows)
    value_width = max(
        10, *(len(r.last_week) for r in told.rows), *(len(r.this_week) for r in told.rows)
    )
    lines.append(
        f"{'':<{label_width}}  {'Last week':>{value_width}}  {'This week':>{value_width}}  Change"
    )
    for row in told.rows:
        lines.append(
            f"{row.label:<{label_width}}  {row.last_week:>{value_width}}  "
            f"{row.this_week:>{value_width}}  {row.change}".rstrip()
        )
    lines.append("")
    if told.not_enough_data:
        lines += [f"Not enough data to compare: {told.not_enough_data}", ""]
    for title, signals in (("Signs of recovery", told.recovery), ("Signs to watch", told.decline)):
        if not signals:
            continue
        lines.append(f"{title}:")
        for signal in signals:
            lines.append(f"  - {signal.title}. {signal.text} {signal.advice}")
        lines.append("")
    if told.what_to_do:
        lines.append("What to do:")
        lines += [f"  - {step}" for step in told.what_to_do]
        lines.append("")
    lines.append(told.disclaimer)
    return "\n".join(lines) + "\n"
