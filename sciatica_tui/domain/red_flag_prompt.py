"""When saving a day should open the red-flag check, and with which answers marked.

DESIGN.md, tab 1: a new bladder or bowel change, numbness in the saddle area, marked
weakness or weakness worse than the day before open the check at once; pain newly in both
legs prompts it too. The warning-sign boxes are not part of the daily log: they are asked
on the form only to start the check.

Each concern marks yes exactly the question that says what the person said, no more: the
bladder box marks the bladder question, not the bowel one. A marked yes to an emergency
question opens the emergency alert at once.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sciatica_tui.domain.records import DailyLog, Side, Weakness
from sciatica_tui.domain.words import weekday_day

WEAKNESS_ORDER: tuple[Weakness, ...] = (Weakness.NONE, Weakness.MILD, Weakness.MARKED)

# The warning-sign boxes on the Today form: the question each one answers yes, and why
# the check opened, in words.
WARNING_SIGN_REASONS: dict[str, str] = {
    "bladder": "You marked new trouble with your bladder.",
    "bowel": "You marked new trouble with your bowels.",
    "saddle_area": "You marked numbness in the saddle area.",
}


@dataclass(frozen=True)
class RedFlagPrompt:
    """Why the check should open (``reasons``, in words), and which answers to mark yes."""

    reasons: tuple[str, ...] = ()
    prefill: dict[str, bool] = field(default_factory=dict)

    def __bool__(self) -> bool:
        return bool(self.reasons)


def _log_concerns(
    log: DailyLog, previous: DailyLog | None, near: date
) -> dict[str, tuple[str, str]]:
    """Concerns raised by the saved fields: key -> (reason, the question it answers yes);
    days are named with their year when it is not ``near``'s."""
    concerns: dict[str, tuple[str, str]] = {}
    if log.weakness is Weakness.MARKED:
        concerns["weakness"] = ("You marked the leg weakness as marked.", "severe_weakness")
    elif (
        log.weakness is not None
        and previous is not None
        and previous.weakness is not None
        and WEAKNESS_ORDER.index(log.weakness) > WEAKNESS_ORDER.index(previous.weakness)
    ):
        # Worse than before, but mild: there, not severe (marked is the case above).
        concerns["weakness"] = (
            f"Your leg weakness is worse than on {weekday_day(previous.date, near)}.",
            "mild_weakness",
        )
    if log.pain_side is Side.BOTH and (previous is None or previous.pain_side is not Side.BOTH):
        concerns["both_legs"] = ("The pain is now in both legs.", "both_legs")
    return concerns


def warning_sign_prompt(ticked: Mapping[str, bool]) -> RedFlagPrompt:
    """What ticking the warning-sign boxes should trigger (they open the check at once).

    ``ticked`` maps each box's question id to whether it is ticked.
    """
    marked = [qid for qid in WARNING_SIGN_REASONS if ticked.get(qid)]
    return RedFlagPrompt(
        tuple(WARNING_SIGN_REASONS[qid] for qid in marked), dict.fromkeys(marked, True)
    )


def red_flag_prompt(
    log: DailyLog,
    previous: DailyLog | None,
    *,
    ticked: Mapping[str, bool] | None = None,
    saved_before: DailyLog | None = None,
    today: date | None = None,
) -> RedFlagPrompt:
    """What saving ``log`` should trigger.

    ``previous`` is the last logged day before ``log.date``; ``ticked`` the warning-sign
    boxes. ``saved_before`` is what was stored for the same day before this save: a concern
    it already raised is not raised again, so fixing a typo in the notes does not reopen the
    check. A log of a day before ``today`` still opens the check, naming its day, but
    answers nothing in it: the questions are about now.
    """
    signs = warning_sign_prompt(ticked or {})
    reasons = list(signs.reasons)
    prefill = dict(signs.prefill)
    earlier_day = today is not None and log.date < today
    near = log.date if today is None else today
    already = _log_concerns(saved_before, previous, near) if saved_before is not None else {}
    for key, (reason, question) in _log_concerns(log, previous, near).items():
        if already.get(key) == (reason, question):
            continue
        if earlier_day:
            said = weekday_day(log.date, near)
            reasons.append(f"In your log for {said}: {reason[0].lower()}{reason[1:]}")
        else:
            reasons.append(reason)
            prefill[question] = True
    return RedFlagPrompt(tuple(reasons), prefill)
