"""What the red-flag check says once it has a verdict: the emergency alert and the result,
as plain text.

One source for the app's screens (``screens/dialogs/emergency.py``, ``screens/red_flags/
result.py``) and for ``sciatica check``, so the words cannot drift apart. Pure: the words
come from ``content/red_flags.toml`` and the numbers from the person's settings.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import RedFlagQuestion
from sciatica_tui.domain.emergency_number import call_for_help, urgent_advice_line
from sciatica_tui.domain.records import RedFlagCheck, Settings, Verdict
from sciatica_tui.domain.red_flags import (
    answer_words,
    ids_said_yes,
    short_name,
    signs_said_yes,
    verdict_badge,
    verdict_of_yes,
    yes_questions,
)
from sciatica_tui.domain.words import day_and_time

# Whether an emergency check reached the diary, as the alert says it.
SAVING = "Saving your check…"
SAVED = "Your check is saved."
NOT_SAVED = "⚠ Your check could not be saved, but this advice stands."

STEPS_HEADING = "What to do now"
TELL_HEADING = "What to tell the staff"
WHY_HEADING = "Why it cannot wait"


def saved_words(saved: bool | None) -> str:
    """Whether the check reached the diary, in words (None: the save is under way)."""
    return SAVING if saved is None else SAVED if saved else NOT_SAVED


@dataclass(frozen=True)
class EmergencyAlert:
    """The words of the emergency alert, part by part, in the order they are shown."""

    title: str
    call: str
    steps: str
    tell_staff: str
    signs: str
    why: str
    rule: str
    disclaimer: str

    def as_text(self) -> str:
        """The whole alert as plain lines, for a terminal with no screen to fill."""
        parts = [
            self.title,
            self.call,
            "",
            STEPS_HEADING,
            self.steps,
            "",
            TELL_HEADING,
            self.tell_staff,
            self.signs,
            "",
            WHY_HEADING,
            self.why,
            self.rule,
            "",
            self.disclaimer,
        ]
        return "\n".join(parts)


def emergency_alert(check: RedFlagCheck, settings: Settings) -> EmergencyAlert:
    """The alert for ``check`` (the answers so far), naming the number the person chose."""
    flags = content.red_flags()
    words = flags.verdict_text(Verdict.EMERGENCY)
    steps = [f"{n}. {line}" for n, line in enumerate(words.what_to_do, start=1)]
    return EmergencyAlert(
        title=f"{verdict_badge(Verdict.EMERGENCY)}: {words.title} !!",
        call=call_for_help(settings),
        steps="\n".join(steps),
        tell_staff=flags.tell_staff,
        signs=_marked_signs(check),
        why=flags.cauda_equina,
        rule=flags.golden_rule,
        disclaimer=content.app_text().disclaimer,
    )


def _marked_signs(check: RedFlagCheck) -> str:
    """The signs answered yes, marked "!!" (emergency) or "! " (urgent)."""
    lines = []
    for sign_id in ids_said_yes(check.answers):
        mark = "!!" if verdict_of_yes(sign_id) is Verdict.EMERGENCY else "! "
        sign = short_name(sign_id)
        lines.append(f"{mark} {sign[0].upper()}{sign[1:]}")
    return "\n".join(lines)


# --- the result ---------------------------------------------------------------------------


@dataclass(frozen=True)
class VerdictWords:
    """The result of a check: its title, what to do, and every answer."""

    title: str
    advice: str
    answers: str

    def as_text(self) -> str:
        """The whole result as plain lines."""
        return f"{self.title}\n\n{self.advice}\n\n{self.answers}"


def advice_lines(check: RedFlagCheck, settings: Settings) -> list[str]:
    """What to do about ``check``'s verdict, naming the numbers the person chose."""
    flags = content.red_flags()
    lines = [f"• {line}" for line in flags.verdict_text(check.verdict).what_to_do]
    if check.verdict is Verdict.EMERGENCY:
        lines.append(f"• {call_for_help(settings)}")
        lines += ["", f"What to tell the staff: {flags.tell_staff}"]
        lines += [f"  • {sign.capitalize()}" for sign in signs_said_yes(check.answers)]
    elif check.verdict is Verdict.URGENT and (urgent := urgent_advice_line(settings)):
        lines.append(f"• {urgent}")
    return lines


def verdict_words(
    check: RedFlagCheck, asked: Sequence[RedFlagQuestion], *, settings: Settings, saved: bool
) -> VerdictWords:
    """The result of ``check`` (its questions are ``asked``); ``saved`` says if it reached
    the diary."""
    words = content.red_flags().verdict_text(check.verdict)
    advice = advice_lines(check, settings)
    said_yes = yes_questions(check.answers, asked)
    if check.verdict is Verdict.EMERGENCY:
        # The emergency signs are listed for the staff above; only others have a step.
        said_yes = tuple(q for q in said_yes if q.verdict is not Verdict.EMERGENCY)
    if said_yes:
        advice += ["", "For what you answered yes:"]
        advice += [f"• {q.short.capitalize()}: {q.next_step}" for q in said_yes]
    said = [answer_words(check.answers.get(q.id)) for q in asked]
    width = max(len(words) for words in said)
    answers = [f"Your answers ({day_and_time(check.at)}):"]
    answers += [
        f"  {words:<{width}} {number}. {q.short}"
        for number, (words, q) in enumerate(zip(said, asked, strict=True), start=1)
    ]
    if not saved:
        answers.append("⚠ This check could not be saved.")
    return VerdictWords(
        title=f"{verdict_badge(check.verdict)}: {words.title}",
        advice="\n".join(advice),
        answers="\n".join(answers),
    )
