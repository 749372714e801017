"""The progress report in the person's words: the answer, where leg pain is heading, and a
table of what changed (the Trends tab shows it; ``sciatica progress`` prints
``progress_as_text``). Every change carries its unit, and every "better" or "worse" is said
in words, never left to a colour."""

from __future__ import annotations

from dataclasses import dataclass

from sciatica_tui.domain.check_in_words import CheckInWords, check_in_words
from sciatica_tui.domain.check_ins import activity_mean
from sciatica_tui.domain.progress.measures import REACH_PLACES, reach_level
from sciatica_tui.domain.progress.report import (
    MIN_DAYS,
    Comparison,
    Direction,
    MeasureChange,
    ProgressReport,
    Verdict,
)
from sciatica_tui.domain.progress.slope import MIN_TREND_DAYS, Trend, TrendReading
from sciatica_tui.domain.records import Reach
from sciatica_tui.domain.timeline_words import timeline_summary
from sciatica_tui.domain.units import POINTS, change_with_unit
from sciatica_tui.domain.words import day_span, long_day, one_decimal, plural, short_day

HEADLINES: dict[Verdict, str] = {
    Verdict.BETTER: "Better than at the start",
    Verdict.SAME: "About the same as at the start",
    Verdict.WORSE: "Worse than at the start",
    Verdict.NOT_ENOUGH_DATA: "Not enough data yet to compare with the start",
}
FOUR_WEEK_VERDICTS: dict[Verdict, str] = {
    Verdict.BETTER: "better than the four weeks before",
    Verdict.SAME: "about the same as the four weeks before",
    Verdict.WORSE: "worse than the four weeks before",
    Verdict.NOT_ENOUGH_DATA: "not enough data yet to compare with the four weeks before",
}
NOTICEABLE_NOTE = (
    "“better” or “worse”: a change people usually notice; "
    "“a bit”: a smaller change, which may still be real. Pain and numbness are out of 10, "
    "sleep quality and mood out of 5."
)
WEAKNESS_CAUTION = (
    "Weakness in the leg is more frequent than it was. Run the red-flag check (ctrl+r in "
    "the app) and talk to a clinician."
)
DISCLAIMER = "What your diary shows, not a diagnosis. If in doubt, ask a clinician."


@dataclass(frozen=True)
class ProgressRow:
    """One measure of one comparison, as shown: "Leg pain (0-10)" (``short_label``: "Leg
    pain"), "6.1 → 2.9", "−3.2 points", "better"."""

    label: str
    short_label: str
    from_to: str
    change: str
    meaning: str


def meaning(change: MeasureChange) -> str:
    """The change in words: "better", "worse", "a bit better", "about the same" ("" when
    there is no change at all: the change itself says so)."""
    if change.direction is Direction.SAME:
        return "about the same" if change.change else ""
    said = change.direction.value
    return said if change.noticeable else f"a bit {said}"


def change_words(change: MeasureChange) -> str:
    """The change with its unit: "−3.2 points", "+25 min at a time", "2 levels higher up"."""
    return change_with_unit(change.change, change.spec.unit, change.spec.decimals)


def rows(comparison: Comparison) -> tuple[ProgressRow, ...]:
    """One row per measure compared."""
    return tuple(
        ProgressRow(
            change.spec.label,
            change.spec.short_label,
            change.spec.from_to_words(change.before, change.after),
            change_words(change),
            meaning(change),
        )
        for change in comparison.changes
        if not (change.spec.hide_when_zero and change.before == 0 and change.after == 0)
    )


def too_few_words(comparison: Comparison) -> str | None:
    """Which measures were logged on too few days to compare ("…: sitting, mood."), or
    None."""
    if not comparison.too_few or not comparison.enough_data:
        return None
    names = ", ".join(spec.short_label.lower() for spec in comparison.too_few)
    return f"Logged on fewer than {MIN_DAYS} days in one of the two stretches: {names}."


def reach_sentence(now: Reach, before: Reach) -> str:
    """ "the pain now reaches the buttock; at the start it reached the foot"."""
    if now is before:
        if now is Reach.NONE:
            return "there is no pain down the leg, as at the start"
        return f"the pain still reaches {REACH_PLACES[now]}, as at the start"
    now_said = (
        "there is no pain down the leg now"
        if now is Reach.NONE
        else f"the pain now reaches {REACH_PLACES[now]}"
    )
    before_said = (
        "at the start there was none"
        if before is Reach.NONE
        else f"at the start it reached {REACH_PLACES[before]}"
    )
    return f"{now_said}; {before_said}"


def window_words(comparison: Comparison) -> str:
    """ "3–9 Sep against 15–21 Nov": the two stretches compared."""
    after = comparison.after
    now = day_span(after.first_day, after.last_day, after.last_day)
    if comparison.before is None:
        return f"nothing logged before {now}"
    before = comparison.before
    then = day_span(before.first_day, before.last_day, after.last_day)
    return f"{then} against {now}"


def headline_words(report: ProgressReport) -> str:
    """The answer in a sentence, with the numbers that matter: "Better than at the start:
    leg pain −3.2 points (6.1 → 2.9); the pain now reaches the buttock; at the start it
    reached the foot."""
    since = report.since_start
    title = HEADLINES[since.verdict]
    if since.verdict is Verdict.NOT_ENOUGH_DATA:
        return f"{title}: {_missing_days(since)}"
    parts = []
    leg = since.change("leg_pain")
    if leg is not None:
        parts.append(
            f"leg pain {change_words(leg)} ({leg.spec.from_to_words(leg.before, leg.after)}), "
            f"{meaning(leg)}"
        )
    reach = since.change("pain_reach")
    if reach is not None:
        parts.append(reach_sentence(reach_level(reach.after), reach_level(reach.before)))
    return f"{title}: {'; '.join(parts)}." if parts else f"{title}."


def _missing_days(comparison: Comparison) -> str:
    """Why a comparison cannot be made yet, and what it takes."""
    before = 0 if comparison.before is None else comparison.before.days_logged
    if comparison.before is None and comparison.after.days_logged == 0:
        return "nothing is logged yet. Log a day on the Today tab to begin."
    if comparison.before is None:
        return (
            "every day logged so far is in the last 7 days. Keep logging: in a week there "
            "is a start to compare with."
        )
    if before < MIN_DAYS:
        return (
            f"{plural(before, 'day')} logged at the start (before the last 7 days); "
            f"{MIN_DAYS} are needed."
        )
    return (
        f"{plural(comparison.after.days_logged, 'day')} logged in the last 7 days; "
        f"{MIN_DAYS} are needed."
    )


def four_weeks_words(report: ProgressReport) -> str:
    """ "Last four weeks: better than the four weeks before (leg pain −1.1 points)."."""
    four = report.last_four_weeks
    said = f"Last four weeks: {FOUR_WEEK_VERDICTS[four.verdict]}"
    leg = four.change("leg_pain")
    if four.verdict is not Verdict.NOT_ENOUGH_DATA and leg is not None:
        said += f" (leg pain {change_words(leg)})"
    return said + "."


def trend_words(reading: TrendReading) -> str:
    """Where leg pain is heading, in words with the slope's unit, never a bare number."""
    if reading.trend is Trend.NOT_ENOUGH_DATA or reading.points_a_week is None:
        if reading.days_logged >= MIN_TREND_DAYS:  # enough days, too close together
            return (
                "Too soon to say whether leg pain is still changing: the "
                f"{reading.days_logged} days logged in the last four weeks all fall within "
                "two weeks; the first and last need to be two weeks apart or more."
            )
        return (
            "Too few days logged in the last four weeks to say whether leg pain is still "
            f"changing: {reading.days_logged} so far; it takes {MIN_TREND_DAYS}, spread over "
            "two weeks or more."
        )
    a_week = POINTS.amount(abs(reading.points_a_week), 1)
    level = "" if reading.typical_level is None else f", mostly around {reading.typical_level:.0f}"
    if reading.trend is Trend.IMPROVING:
        return f"Still improving: leg pain easing by about {a_week} a week lately."
    if reading.trend is Trend.WORSENING:
        return f"Getting worse: leg pain rising by about {a_week} a week lately."
    return f"Levelled off: leg pain has held about steady over the last four weeks{level}."


def _compared_with_start(answer: int, words: CheckInWords) -> str:
    """The latest global answer: "Since the start, you said: a little better."."""
    return f"Since the start, you said: {words.global_words(answer).lower()}."


def _noticed(noticeable: bool, words: CheckInWords) -> str:
    return words.noticeable if noticeable else words.not_noticeable


def _points_and_meaning(
    change: float, noticeable: bool, words: CheckInWords, decimals: int = 1
) -> str:
    """ "+2.3 points, a change people usually notice"; "no change" alone."""
    said = change_with_unit(change, POINTS, decimals)
    return said if said == "no change" else f"{said}, {_noticed(noticeable, words)}"


def check_in_sentence(report: ProgressReport, words: CheckInWords) -> str | None:
    """The weekly check-in in a sentence or two: the mean of the person's activities at the
    first check-in and now, with the change and whether people usually notice it, and their
    own answer to "compared with the start" (None before the first check-in: Today offers
    it when due). Activity names are the person's text: shown as text, never as markup."""
    part = report.check_in
    if part is None:
        return None
    answer = _compared_with_start(part.latest.global_change, words)
    change = part.change
    if change is None:
        mean = activity_mean(part.latest)
        scored = "" if mean is None else f", mean score {one_decimal(mean)} of 10"
        on = short_day(part.latest.date, report.as_of)
        return (
            f"Weekly check-in: one so far, on {on}{scored}. {answer} "
            "The change shows from the next one."
        )
    if change.mean_change is None or change.mean_first is None or change.mean_latest is None:
        return (
            "Weekly check-in: no activity was scored both at the first check-in and the "
            f"latest. {answer}"
        )
    said = _points_and_meaning(change.mean_change, change.mean_noticeable, words)
    text = (
        f"Weekly check-in: mean score {one_decimal(change.mean_first)} → "
        f"{one_decimal(change.mean_latest)} of 10 ({said}). {answer}"
    )
    if not change.mean_noticeable:
        moved = [a for a in change.activities if a.noticeable]
        for activity in moved:
            points = change_with_unit(activity.change, POINTS, 0)
            text += f" “{activity.name}”: {points}, {words.noticeable}."
    return text


def _check_in_table(report: ProgressReport, words: CheckInWords) -> list[str]:
    """Each activity of the latest check-in, from the first check-in to the latest."""
    part = report.check_in
    if part is None:
        return []
    change = part.change
    if change is None or not part.latest.activities:
        return []
    compared = {a.name.casefold(): a for a in change.activities}
    name_width = max(len(a.name) for a in part.latest.activities)
    first = short_day(part.first.date, report.as_of)
    latest = short_day(part.latest.date, report.as_of)
    lines = [f"Weekly check-in ({first} against {latest}; 0 = cannot do it, 10 = as before):"]
    for activity in part.latest.activities:
        moved = compared.get(activity.name.casefold())
        if moved is None:
            said = f"     {activity.score:>2} of 10  not scored at the first check-in"
        else:
            points = _points_and_meaning(moved.change, moved.noticeable, words, 0)
            said = f"{moved.first:>2} → {moved.latest:>2} of 10  {points}"
        lines.append(f"  {activity.name:<{name_width}}  {said}")
    return [*lines, ""]


def _table(title: str, comparison: Comparison) -> list[str]:
    found = rows(comparison)
    if not comparison.enough_data or not found:
        return []
    width = max(len(row.label) for row in found)
    span = max(len(row.from_to) for row in found)
    change = max(len(row.change) for row in found)
    lines = [f"{title} ({window_words(comparison)}):"]
    for row in found:
        lines.append(
            f"  {row.label:<{width}}  {row.from_to:<{span}}  {row.change:<{change}}  "
            f"{row.meaning}".rstrip()
        )
    extra = too_few_words(comparison)
    if extra:
        lines.append(f"  {extra}")
    return [*lines, ""]


def progress_as_text(report: ProgressReport) -> str:
    """The report as plain text (``sciatica progress``)."""
    lines = [f"Progress, as of {long_day(report.as_of)}"]
    said = timeline_summary(report.timeline)
    if said is not None:
        lines.append(said)
    lines += ["", headline_words(report), four_weeks_words(report), trend_words(report.trend)]
    words = check_in_words()
    check_in = check_in_sentence(report, words)
    if check_in is not None:
        lines.append(check_in)
    if report.since_start.noticed(Direction.WORSE, ("weakness",)):
        lines.append(WEAKNESS_CAUTION)
    lines.append("")
    lines += _table("Since the start", report.since_start)
    lines += _table("Over the last four weeks", report.last_four_weeks)
    lines += _check_in_table(report, words)
    if report.since_start.changes or report.last_four_weeks.changes:
        lines += [NOTICEABLE_NOTE, ""]
    lines.append(DISCLAIMER)
    return "\n".join(lines) + "\n"
