"""The symptom story drafted from the diary: one fact per line, for the person to edit.

Everything here is worked out from stored records and a given "as of" day, so it can be
tested without the app; the weeks are those of ``visit.weeks``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from sciatica_tui.domain.records import (
    BreathingSession,
    DailyLog,
    DiaryExcerpt,
    Profile,
    Reach,
    RedFlagCheck,
    RehabDay,
    Verdict,
    Weakness,
)
from sciatica_tui.domain.red_flags import verdict_and_signs
from sciatica_tui.domain.timeline import completed_weeks, position
from sciatica_tui.domain.timeline_words import timeline_summary, weeks_since
from sciatica_tui.domain.visit.weeks import STORY_WEEKS, recent_weeks
from sciatica_tui.domain.weekly import PeriodSummary, summarize
from sciatica_tui.domain.words import (
    date_words,
    day_range,
    day_span,
    long_day,
    one_decimal,
    plural,
)

DAYS_LOGGED_LEAD = "- Days logged in the last four weeks"


# The story is kept as text and read later, perhaps beside a visit in another year: every
# date in it carries its year ("25–31 Oct 2026", "24 Oct 2026").
def _span(first: date, last: date) -> str:
    """``25–31 Oct 2026``; ``29 Dec 2025–4 Jan 2026`` across a new year."""
    said = day_span(first, last)
    return said if first.year != last.year else f"{said} {last.year}"


def _range(first: date, last: date) -> str:
    """``25 Oct to 21 Nov 2026``; ``13 Dec 2025 to 9 Jan 2026`` across a new year."""
    said = day_range(first, last)
    return said if first.year != last.year else f"{said} {last.year}"


def _latest_reach(
    logs: Iterable[DailyLog], name: str, first: date, last: date
) -> tuple[Reach, date] | None:
    """The most recent ``name`` (a reach field) logged between ``first`` and ``last``."""
    found = [
        (log.date, getattr(log, name))
        for log in logs
        if first <= log.date <= last and getattr(log, name) is not None
    ]
    if not found:
        return None
    day, reach = max(found, key=lambda pair: pair[0])
    return reach, day


@dataclass(frozen=True)
class ReachChange:
    """How far down the pain reached on the latest day and about four weeks before."""

    now: tuple[Reach, date] | None
    before: tuple[Reach, date] | None

    @property
    def moved(self) -> int | None:
        """Levels moved down the leg (negative: moved up toward the back); None if unknown."""
        if self.now is None or self.before is None:
            return None
        return self.now[0].rank - self.before[0].rank


def reach_change(logs: Sequence[DailyLog], as_of: date) -> ReachChange:
    """The latest pain reach in the last seven days, and the latest one in the seven days
    ending four weeks before ``as_of``."""
    four_weeks_ago = as_of - timedelta(days=7 * STORY_WEEKS)
    return ReachChange(
        now=_latest_reach(logs, "pain_reach", as_of - timedelta(days=6), as_of),
        before=_latest_reach(
            logs, "pain_reach", four_weeks_ago - timedelta(days=6), four_weeks_ago
        ),
    )


def timeline_lines(profile: Profile, as_of: date) -> list[str]:
    """The onset, any surgery, and the timeline in words, one list item each."""
    where = position(profile.onset_date, profile.surgery_date, as_of)
    if profile.onset_date is None:
        lines = ["- Started: date not set in the diary."]
    else:
        lines = [f"- Started: {long_day(profile.onset_date)}."]
    surgery = profile.surgery_date
    if surgery is not None:
        since = (
            f" ({weeks_since(completed_weeks(surgery, as_of), 'surgery')})"
            if surgery <= as_of
            else ""
        )
        lines.append(f"- Surgery: {long_day(surgery)}{since}.")
    summary = timeline_summary(where)
    if summary is not None:
        lines.append(f"- Timeline: {summary}.")
    return lines


def _pain_lines(weeks: Sequence[PeriodSummary], as_of: date) -> list[str]:
    lines = ["- Leg and back pain, weekly average (0 to 10):"]
    for week in weeks:
        span = _span(week.first_day, week.last_day)
        leg, back = week.mean("leg_pain"), week.mean("back_pain")
        if leg is None or back is None:
            lines.append(f"  - {span}: not logged")
        else:
            logged = plural(week.days_logged, "day")
            lines.append(
                f"  - {span}: leg {one_decimal(leg)}, back {one_decimal(back)} ({logged} logged)"
            )
    return lines


def _reach_line(change: ReachChange, as_of: date) -> str:
    def said(found: tuple[Reach, date] | None, when: str) -> str:
        if found is None:
            return f"not logged {when}"
        return f"{found[0].label.lower()} {when} ({date_words(found[1])})"

    if change.now is None and change.before is None:
        return "- How far down the pain reaches: not logged in this period."
    text = f"- How far down the pain reaches: {said(change.now, 'now')}; "
    text += f"{said(change.before, 'four weeks ago')}."
    moved = change.moved
    if moved is not None:
        if moved < 0:
            text += " It has moved up, closer to the back."
        elif moved > 0:
            text += " It has moved further down the leg."
        else:
            text += " No change."
    return text


def _side_line(logs: Sequence[DailyLog]) -> str | None:
    sides = Counter(log.pain_side.value for log in logs if log.pain_side is not None)
    if not sides:
        return None
    parts = [f"{side} on {plural(count, 'day')}" for side, count in sides.most_common()]
    return f"- Side of the leg pain: {', '.join(parts)}."


def _numbness_lines(logs: Sequence[DailyLog], whole: PeriodSummary, as_of: date) -> list[str]:
    numbness = whole.mean("numbness")
    reach = _latest_reach(logs, "numbness_reach", as_of - timedelta(days=6), as_of)
    if numbness is None and reach is None:
        return ["- Numbness: not logged in this period."]
    parts = []
    if numbness is not None:
        days = plural(whole.days_with("numbness"), "day")
        parts.append(f"average {one_decimal(numbness)} of 10 ({days})")
    if reach is not None:
        parts.append(f"now reaches: {reach[0].label.lower()} ({date_words(reach[1])})")
    return [f"- Numbness: {'; '.join(parts)}."]


def _weakness_line(logs: Sequence[DailyLog]) -> str:
    counts = Counter(log.weakness for log in logs if log.weakness is not None)
    if not counts:
        return "- Leg weakness: not logged in this period."
    return (
        f"- Leg weakness: marked on {plural(counts[Weakness.MARKED], 'day')}, "
        f"mild on {plural(counts[Weakness.MILD], 'day')}, "
        f"none on {plural(counts[Weakness.NONE], 'day')}."
    )


def _mean_part(whole: PeriodSummary, name: str, what: str, unit: str = "day") -> str | None:
    value = whole.mean(name)
    if value is None:
        return None
    return f"{what.format(one_decimal(value))} ({plural(whole.days_with(name), unit)})"


def _daily_lines(whole: PeriodSummary, weeks: Sequence[PeriodSummary]) -> list[str]:
    lines = []
    sleep = [
        _mean_part(whole, "sleep_hours", "{} hours a night on average", "night"),
        _mean_part(whole, "sleep_quality", "quality {} of 5", "night"),
    ]
    said = [part for part in sleep if part]
    lines.append(f"- Sleep: {'; '.join(said) if said else 'not logged in this period'}.")
    walking = _mean_part(whole, "walking_minutes", "{} minutes on average")
    sitting = _mean_part(whole, "sitting_minutes", "{} minutes on average")
    lines.append(f"- Walking at a time: {walking or 'not logged in this period'}.")
    if sitting:
        lines.append(f"- Sitting at a time: {sitting}.")
    doses = _mean_part(whole, "pain_med_doses", "{} a day on average")
    if doses is None:
        lines.append("- Pain-relief doses: not logged in this period.")
    else:
        first, last = weeks[0].mean("pain_med_doses"), weeks[-1].mean("pain_med_doses")
        if first is not None and last is not None and len(weeks) > 1:
            doses += f"; {one_decimal(first)} in the first week, {one_decimal(last)} in the last"
        lines.append(f"- Pain-relief doses: {doses}.")
    return lines


def _red_flag_line(checks: Iterable[RedFlagCheck], first: date, last: date) -> str:
    done = sorted(
        (check for check in checks if first <= check.at.date() <= last), key=lambda c: c.at
    )
    if not done:
        return "- Red-flag checks: none done in this period."
    counts = Counter(check.verdict for check in done)
    parts = [
        f"{counts[verdict]} {verdict.value}" for verdict in reversed(Verdict) if counts[verdict]
    ]
    warnings = [
        f"{date_words(c.at.date())} ({verdict_and_signs(c)})"
        for c in done
        if c.verdict is not Verdict.CLEAR
    ]
    text = f"- Red-flag checks: {plural(len(done), 'check')} ({', '.join(parts)})"
    if warnings:
        text += f"; not clear on {', '.join(warnings)}"
    return text + "."


def _breathing_line(sessions: Iterable[BreathingSession], first: date, last: date) -> str:
    done = [s for s in sessions if first <= s.started_at.date() <= last]
    if not done:
        return "- Breathing exercises: none in this period."
    minutes = round(sum(s.elapsed_seconds for s in done) / 60)
    finished = sum(1 for s in done if s.completed)
    return (
        f"- Breathing exercises: {plural(len(done), 'session')}, "
        f"{plural(minutes, 'minute')} in all ({finished} finished)."
    )


def _rehab_line(rehab_days: Iterable[RehabDay], first: date, last: date) -> str:
    days = {day.date for day in rehab_days if first <= day.date <= last and day.done}
    total = (last - first).days + 1
    if not days:
        return "- Rehab exercises: none ticked in this period."
    return f"- Rehab exercises: done on {len(days)} of the {total} days."


def story_out_of_date(story: str, draft: str) -> tuple[str, str] | None:
    """(what ``story`` says, what a fresh ``draft`` says) when the story's count of days
    logged is not the diary's any more: it was drafted from an earlier diary, so its
    figures would disagree with the chart exported beside it. None when the count agrees,
    or when the person took that line out (their story, their choice).
    """

    def days_logged(text: str) -> str | None:
        lines = (line.strip() for line in text.splitlines())
        return next((line for line in lines if line.startswith(DAYS_LOGGED_LEAD)), None)

    said, now = days_logged(story), days_logged(draft)
    if said is None or now is None or _without_years(said) == _without_years(now):
        return None
    return said, now


_YEAR = re.compile(r" \d{4}\b")


def _without_years(line: str) -> str:
    """A drafted line with its years taken out: a story drafted before dates carried
    their year ("25 Oct to 21 Nov") says the same as one drafted now."""
    return _YEAR.sub("", line)


def draft_story(diary: DiaryExcerpt, as_of: date) -> str:
    """A first draft of the symptom story, from the diary up to ``as_of``.

    One fact per line, as a Markdown list, so it reads well in the app, in a text editor and
    once exported. The person edits it freely afterwards.
    """
    first = as_of - timedelta(days=7 * STORY_WEEKS - 1)
    period = [log for log in diary.daily_logs if first <= log.date <= as_of]
    whole = summarize(period, first, as_of)
    weeks = recent_weeks(period, as_of, STORY_WEEKS)
    total_days = (as_of - first).days + 1
    lines = timeline_lines(diary.profile, as_of)
    lines.append(
        f"{DAYS_LOGGED_LEAD} ({_range(first, as_of)}): {whole.days_logged} of {total_days}."
    )
    lines += _pain_lines(weeks, as_of)
    lines.append(_reach_line(reach_change(diary.daily_logs, as_of), as_of))
    side = _side_line(period)
    if side:
        lines.append(side)
    lines += _numbness_lines(period, whole, as_of)
    lines.append(_weakness_line(period))
    lines += _daily_lines(whole, weeks)
    lines.append(_red_flag_line(diary.red_flag_checks, first, as_of))
    lines.append(_breathing_line(diary.breathing_sessions, first, as_of))
    lines.append(_rehab_line(diary.rehab_days, first, as_of))
    return "\n".join(lines) + "\n"
