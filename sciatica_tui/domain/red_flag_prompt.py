"""When saving a day should open the red-flag check, and with which answers marked.

DESIGN.md, tab 1: a new bladder or bowel change, numbness in the saddle area, marked
weakness or weakness worse than the day before open the check at once; pain newly in both
legs prompts it too. The two warning-sign boxes are not part of the daily log: they are
asked on the form only to start the check.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sciatica_tui.domain.records import DailyLog, Side, Weakness

WEAKNESS_ORDER: tuple[Weakness, ...] = (Weakness.NONE, Weakness.MILD, Weakness.MARKED)


@dataclass(frozen=True)
class RedFlagPrompt:
    """Why the check should open (``reasons``, in words), which answers to mark yes, and
    the reasons none of the six questions asks about (``unasked``: the check's result must
    not seem to clear them)."""

    reasons: tuple[str, ...] = ()
    prefill: dict[str, bool] = field(default_factory=dict)
    unasked: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.reasons)


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b}"


def _log_concerns(log: DailyLog, previous: DailyLog | None) -> dict[str, tuple[str, str | None]]:
    """Concerns raised by the saved fields: key -> (reason, red-flag question id or None)."""
    concerns: dict[str, tuple[str, str | None]] = {}
    if log.weakness is Weakness.MARKED:
        concerns["weakness"] = ("You marked the leg weakness as marked.", "leg_weakness")
    elif (
        log.weakness is not None
        and previous is not None
        and previous.weakness is not None
        and WEAKNESS_ORDER.index(log.weakness) > WEAKNESS_ORDER.index(previous.weakness)
    ):
        concerns["weakness"] = (
            f"Your leg weakness is worse than on {_day(previous.date)}.",
            "leg_weakness",
        )
    if log.pain_side is Side.BOTH and (previous is None or previous.pain_side is not Side.BOTH):
        concerns["both_legs"] = ("The pain is now in both legs.", None)
    return concerns


def warning_sign_prompt(*, bladder_bowel: bool, saddle_numbness: bool) -> RedFlagPrompt:
    """What ticking the warning-sign boxes should trigger (they open the check at once)."""
    reasons: list[str] = []
    prefill: dict[str, bool] = {}
    if bladder_bowel:
        reasons.append("You marked a new bladder or bowel change.")
        prefill["bladder_bowel"] = True
    if saddle_numbness:
        reasons.append("You marked numbness in the saddle area.")
        prefill["saddle_numbness"] = True
    return RedFlagPrompt(tuple(reasons), prefill)


def red_flag_prompt(
    log: DailyLog,
    previous: DailyLog | None,
    *,
    bladder_bowel: bool = False,
    saddle_numbness: bool = False,
    saved_before: DailyLog | None = None,
    today: date | None = None,
) -> RedFlagPrompt:
    """What saving ``log`` should trigger.

    ``previous`` is the last logged day before ``log.date``. ``saved_before`` is what was
    stored for the same day before this save: a concern it already raised is not raised
    again, so fixing a typo in the notes does not reopen the check. A log of a day before
    ``today`` still opens the check, naming its day, but answers nothing in it: the
    questions are about now.
    """
    signs = warning_sign_prompt(bladder_bowel=bladder_bowel, saddle_numbness=saddle_numbness)
    reasons = list(signs.reasons)
    prefill = dict(signs.prefill)
    unasked: list[str] = []
    earlier_day = today is not None and log.date < today
    already = _log_concerns(saved_before, previous) if saved_before is not None else {}
    for key, (reason, question) in _log_concerns(log, previous).items():
        if already.get(key) == (reason, question):
            continue
        said = (
            f"In your log for {_day(log.date)}: {reason[0].lower()}{reason[1:]}"
            if earlier_day
            else reason
        )
        reasons.append(said)
        if question is None:
            unasked.append(said)
        elif not earlier_day:
            prefill[question] = True
    return RedFlagPrompt(tuple(reasons), prefill, tuple(unasked))
