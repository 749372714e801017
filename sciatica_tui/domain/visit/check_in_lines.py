"""The visit summary's part on the weekly check-in: the latest against the first, each
activity from → to with its change in points, the mean, and the global answer in words."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from sciatica_tui.domain.check_in_words import CheckInWords
from sciatica_tui.domain.check_ins import check_in_change, points
from sciatica_tui.domain.records import CheckIn
from sciatica_tui.domain.visit.markdown import inline
from sciatica_tui.domain.words import long_day, one_decimal

SECTION_TITLE = "What I can do: weekly check-in (0 = cannot do it, 10 = as before)"


def _noticed(noticeable: bool, words: CheckInWords) -> str:
    return words.noticeable if noticeable else words.not_noticeable


def check_in_lines(check_ins: Sequence[CheckIn], as_of: date, words: CheckInWords) -> str | None:
    """The lines of the check-in part, as Markdown (None when there is no check-in up to
    ``as_of``). Activity names are the person's words, written as typed."""
    kept = sorted((c for c in check_ins if c.date <= as_of), key=lambda c: c.date)
    if not kept:
        return None
    latest = kept[-1]
    answer = f"- Since the sciatica started, it is now: {words.global_words(latest.global_change)}."
    change = check_in_change(kept)
    if change is None:
        scores = [f"- {inline(a.name)}: {a.score} of 10." for a in latest.activities]
        return "\n".join([f"One check-in so far, on {long_day(latest.date)}.", *scores, answer])
    lines = [f"First check-in {long_day(change.first.date)}; latest {long_day(latest.date)}."]
    compared = {a.name.casefold(): a for a in change.activities}
    for activity in latest.activities:
        moved = compared.get(activity.name.casefold())
        if moved is None:
            lines.append(
                f"- {inline(activity.name)}: {activity.score} of 10 "
                "(not scored at the first check-in)."
            )
            continue
        lines.append(
            f"- {inline(activity.name)}: {moved.first} → {moved.latest} of 10 "
            f"({points(moved.change)}, {_noticed(moved.noticeable, words)})."
        )
    if change.mean_change is not None and change.mean_first is not None:
        assert change.mean_latest is not None
        lines.append(
            f"- Mean of these: {one_decimal(change.mean_first)} → "
            f"{one_decimal(change.mean_latest)} ({points(change.mean_change)}, "
            f"{_noticed(change.mean_noticeable, words)})."
        )
    lines.append(answer)
    return "\n".join(lines)
