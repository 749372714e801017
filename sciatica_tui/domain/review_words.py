"""The weekly review in the person's words: the two weeks side by side, the signs found and
what to do next (the Trends tab shows it; ``sciatica review`` prints ``review_as_text``)."""

from __future__ import annotations

from dataclasses import dataclass, replace

from sciatica_tui.domain.content_schema import SignalContent, SignalText
from sciatica_tui.domain.records import REACH_LABELS, Reach
from sciatica_tui.domain.red_flags import verdict_and_signs
from sciatica_tui.domain.rehab_review import adherence_drop_words
from sciatica_tui.domain.review import WeeklyReview
from sciatica_tui.domain.review_cautions import reminders, signal_words
from sciatica_tui.domain.timeline_words import timeline_summary
from sciatica_tui.domain.units import (
    DAYS,
    DOSES_A_DAY,
    HOURS_A_NIGHT,
    LEVELS,
    MINUTES_AT_A_TIME,
    POINTS,
    Unit,
    change_with_unit,
)
from sciatica_tui.domain.words import day_range, long_day, weekday_day

RED_FLAG_ADVICE = (
    "Run the red-flag check now (ctrl+r in the app) and contact a clinician. "
    "If it says emergency, go to the emergency department."
)
KEEP_GOING = "Keep going with your plan, and keep logging each day."
NO_CLEAR_CHANGE = "No clear change from last week. Keep going, and keep logging each day."
TALK_TO_CLINICIAN = "Talk to your clinician about the signs to watch above."


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
    timeline: str | None = None  # weeks, stage and phase, as ``timeline_summary`` says them


# (field, label, value suffix, decimals, unit of a change) for the comparison table.
_ROWS: tuple[tuple[str, str, str, int, Unit], ...] = (
    ("leg_pain", "Leg pain (0-10)", "", 1, POINTS),
    ("back_pain", "Back pain (0-10)", "", 1, POINTS),
    ("numbness", "Numbness (0-10)", "", 1, POINTS),
    ("walking_minutes", "Walking", " min", 0, MINUTES_AT_A_TIME),
    ("sitting_minutes", "Sitting", " min", 0, MINUTES_AT_A_TIME),
    ("sleep_hours", "Sleep", " h", 1, HOURS_A_NIGHT),
    ("sleep_quality", "Sleep quality (1-5)", "", 1, POINTS),
    ("mood", "Mood (1-5)", "", 1, POINTS),
    ("pain_med_doses", "Pain-relief doses", "", 1, DOSES_A_DAY),
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
    for name, label, suffix, decimals, unit in _ROWS:
        before, now = last.mean(name), this.mean(name)
        if before is None and now is None:
            continue
        rows.append(
            ComparisonRow(
                label,
                "not logged" if before is None else f"{before:.{decimals}f}{suffix}",
                "not logged" if now is None else f"{now:.{decimals}f}{suffix}",
                _change_words(before, now, decimals, unit),
            )
        )
    for name, label in (("pain_reach", "Pain reaches"), ("numbness_reach", "Numbness reaches")):
        before, now = last.reach_median(name), this.reach_median(name)
        if before is None and now is None:
            continue
        change = _change_words(before, now, 1, LEVELS)
        rows.append(ComparisonRow(label, _reach_words(before), _reach_words(now), change))
    if this.weakness_days or last.weakness_days:
        rows.append(
            ComparisonRow(
                "Days with weakness",
                str(last.weakness_days),
                str(this.weakness_days),
                _change_words(last.weakness_days, this.weakness_days, 0, DAYS),
            )
        )
    return tuple(rows)


def _change_words(before: float | None, now: float | None, decimals: int, unit: Unit) -> str:
    """The change with its unit ("+6 min at a time", "1 level higher up"); "" when one side
    was not logged. The means are rounded as shown first, so the change matches them."""
    if before is None or now is None:
        return ""
    return change_with_unit(round(now, decimals) - round(before, decimals), unit, decimals)


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
    if (fewer_exercises := adherence_drop_words(review.rehab)) is not None:
        decline = (*decline, fewer_exercises)  # said, though not a sign of the nerve's
    return ReviewInWords(
        heading=heading,
        rows=comparison_rows(review),
        not_enough_data=missing,
        recovery=recovery,
        decline=decline,
        what_to_do=what_to_do(review, words) + reminders(review.recovery, review.decline),
        disclaimer=words.disclaimer_short,
        timeline=timeline_summary(review.timeline),
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
    if told.timeline is not None:
        lines.append(told.timeline)
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
