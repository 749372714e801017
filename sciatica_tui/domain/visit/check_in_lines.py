"""The visit summary's part on the weekly check-in: the latest against the first, each
activity from → to with its change in points, the mean, and the global answer in words.

``check_in_part`` gives the lines as plain text (the PDF prints them); ``check_in_lines``
writes them as Markdown, the person's activity names escaped.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date

from sciatica_tui.domain.check_in_words import CheckInWords
from sciatica_tui.domain.check_ins import check_in_change, points
from sciatica_tui.domain.records import CheckIn
from sciatica_tui.domain.visit.markdown import inline
from sciatica_tui.domain.words import long_day, one_decimal

SECTION_TITLE = "What I can do: weekly check-in (0 = cannot do it, 10 = as before)"


@dataclass(frozen=True)
class CheckInPart:
    """A sentence on which check-ins are compared, then one item per line."""

    lead: str
    items: tuple[str, ...]


def _noticed(noticeable: bool, words: CheckInWords) -> str:
    return words.noticeable if noticeable else words.not_noticeable


def check_in_part(
    check_ins: Sequence[CheckIn],
    as_of: date,
    words: CheckInWords,
    say_name: Callable[[str], str] = str.strip,
) -> CheckInPart | None:
    """The check-in part up to ``as_of`` (None when there is no check-in by then). Each
    activity name, the person's words, is written through ``say_name``."""
    kept = sorted((c for c in check_ins if c.date <= as_of), key=lambda c: c.date)
    if not kept:
        return None
    latest = kept[-1]
    answer = f"Since the sciatica started, it is now: {words.global_words(latest.global_change)}."
    change = check_in_change(kept)
    if change is None:
        scores = [f"{say_name(a.name)}: {a.score} of 10." for a in latest.activities]
        return CheckInPart(f"One check-in so far, on {long_day(latest.date)}.", (*scores, answer))
    lead = f"First check-in {long_day(change.first.date)}; latest {long_day(latest.date)}."
    items = []
    compared = {a.name.casefold(): a for a in change.activities}
    for activity in latest.activities:
        moved = compared.get(activity.name.casefold())
        if moved is None:
            items.append(
                f"{say_name(activity.name)}: {activity.score} of 10 "
                "(not scored at the first check-in)."
            )
            continue
        items.append(
            f"{say_name(activity.name)}: {moved.first} → {moved.latest} of 10 "
            f"({points(moved.change)}, {_noticed(moved.noticeable, words)})."
        )
    if change.mean_change is not None and change.mean_first is not None:
        assert change.mean_latest is not None
        items.append(
            f"Mean of these: {one_decimal(change.mean_first)} → "
            f"{one_decimal(change.mean_latest)} ({points(change.mean_change)}, "
            f"{_noticed(change.mean_noticeable, words)})."
        )
    items.append(answer)
    return CheckInPart(lead, tuple(items))


def check_in_lines(check_ins: Sequence[CheckIn], as_of: date, words: CheckInWords) -> str | None:
    """The lines of the check-in part, as Markdown (None when there is no check-in up to
    ``as_of``). Activity names are the person's words, written as typed."""
    part = check_in_part(check_ins, as_of, words, inline)
    if part is None:
        return None
    return "\n".join([part.lead, *(f"- {item}" for item in part.items)])
