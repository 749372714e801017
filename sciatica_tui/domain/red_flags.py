"""The red-flag check's rules: which answers give which verdict, and how answers are shown.

Pure Python (no Textual, no TinyDB), so the rule that decides "go to the emergency
department now" can be tested on every combination of answers.

The rule: a yes to any emergency question gives ``emergency`` at once, whatever the other
answers are and whether or not they are given yet. Otherwise a yes to an urgent question
gives ``urgent``, and ``clear`` needs every question answered no.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import RedFlagQuestion
from sciatica_tui.domain.records import RedFlagCheck, Verdict


@dataclass(frozen=True)
class RetiredQuestion:
    """A question the check asked before, kept so that checks saved with it still read."""

    short: str
    verdict: Verdict


# The six questions of the first version of the check (before December 2026). Saved checks
# and exports may hold these ids; they are never asked again, only named.
RETIRED_QUESTIONS: dict[str, RetiredQuestion] = {
    "bladder_bowel": RetiredQuestion("bladder or bowel change", Verdict.EMERGENCY),
    "saddle_numbness": RetiredQuestion("saddle numbness", Verdict.EMERGENCY),
    "leg_weakness": RetiredQuestion("leg weakness", Verdict.EMERGENCY),
    "severe_pain": RetiredQuestion("severe new pain", Verdict.URGENT),
    "trauma": RetiredQuestion("after a big injury", Verdict.URGENT),
    "fever_weight_loss": RetiredQuestion("fever or weight loss", Verdict.URGENT),
}

# The verdict in words and symbols, so it never depends on colour.
VERDICT_BADGES: dict[Verdict, str] = {
    Verdict.EMERGENCY: "!! EMERGENCY",
    Verdict.URGENT: "! URGENT",
    Verdict.CLEAR: "✔ CLEAR",
}

YES = "✔ Yes"
NO = "✘ No"
NOT_ANSWERED = "? Not answered"


class CheckNotFinished(ValueError):
    """A verdict other than emergency was asked for before every question had an answer."""

    def __init__(self, unanswered: Sequence[str]) -> None:
        """``unanswered`` holds the ids of the questions still without an answer."""
        self.unanswered = tuple(unanswered)
        names = ", ".join(short_name(qid) for qid in self.unanswered)
        super().__init__(f"Every question needs an answer first. Still to answer: {names}.")


def questions() -> tuple[RedFlagQuestion, ...]:
    """The questions, in the order they are asked (emergency ones first)."""
    return content.red_flags().questions


def _current() -> dict[str, RedFlagQuestion]:
    return {q.id: q for q in questions()}


def short_name(question_id: str) -> str:
    """A few words naming a question, asked now or retired ("saddle numbness")."""
    current = _current().get(question_id)
    if current is not None:
        return current.short
    retired = RETIRED_QUESTIONS.get(question_id)
    return retired.short if retired else question_id.replace("_", " ")


def verdict_of_yes(question_id: str) -> Verdict | None:
    """What a yes to this question gives (None for an id no version of the check asked)."""
    current = _current().get(question_id)
    if current is not None:
        return current.verdict
    retired = RETIRED_QUESTIONS.get(question_id)
    return retired.verdict if retired else None


def answer_words(answer: bool | None) -> str:
    """An answer in words with a symbol: "✔ Yes", "✘ No" or "? Not answered"."""
    if answer is None:
        return NOT_ANSWERED
    return YES if answer else NO


def verdict_badge(verdict: Verdict | str) -> str:
    """The verdict as words and symbols, e.g. "!! EMERGENCY"."""
    return VERDICT_BADGES[Verdict(verdict)]


def unanswered(
    answers: Mapping[str, bool], asked: Sequence[RedFlagQuestion] | None = None
) -> tuple[str, ...]:
    """The ids of the questions not answered yet, in the order they are asked."""
    return tuple(q.id for q in asked or questions() if q.id not in answers)


def yes_questions(
    answers: Mapping[str, bool], asked: Sequence[RedFlagQuestion] | None = None
) -> tuple[RedFlagQuestion, ...]:
    """The questions answered yes, in the order they are asked."""
    return tuple(q for q in asked or questions() if answers.get(q.id) is True)


def is_emergency_yes(answers: Mapping[str, bool], question_id: str) -> bool:
    """True when ``question_id`` is answered yes and a yes to it is an emergency."""
    return answers.get(question_id) is True and verdict_of_yes(question_id) is Verdict.EMERGENCY


def verdict_so_far(
    answers: Mapping[str, bool], asked: Sequence[RedFlagQuestion] | None = None
) -> Verdict | None:
    """The verdict the answers given so far already decide, or None while they decide none.

    Any emergency yes gives ``emergency``, however many questions are still open. Otherwise
    an urgent yes gives ``urgent`` (an emergency yes given later would still raise it), and
    ``clear`` needs every question answered no.
    """
    asked = asked or questions()
    said_yes = {q.verdict for q in yes_questions(answers, asked)}
    if Verdict.EMERGENCY in said_yes:
        return Verdict.EMERGENCY
    if Verdict.URGENT in said_yes:
        return Verdict.URGENT
    return None if unanswered(answers, asked) else Verdict.CLEAR


def red_flag_verdict(
    answers: Mapping[str, bool], asked: Sequence[RedFlagQuestion] | None = None
) -> Verdict:
    """The verdict of a check as it is saved.

    ``emergency`` as soon as any emergency question is answered yes (the other answers may
    still be missing); else, once every question is answered, ``urgent`` if any urgent one
    is yes, else ``clear``. Raises ``CheckNotFinished`` while a question is unanswered and
    no emergency yes decides it (an urgent result must not hide an emergency sign not yet
    asked about), and ``ValueError`` for an answer to a question the check does not ask.
    """
    asked = asked or questions()
    unknown = sorted(set(answers) - {q.id for q in asked})
    if unknown:
        raise ValueError(f"Not a question of the red-flag check: {', '.join(unknown)}")
    verdict = verdict_so_far(answers, asked)
    missing = unanswered(answers, asked)
    if verdict is not Verdict.EMERGENCY and missing:
        raise CheckNotFinished(missing)
    return verdict or Verdict.CLEAR


def newest_first(checks: Iterable[RedFlagCheck]) -> list[RedFlagCheck]:
    """Checks sorted with the most recent first."""
    return sorted(checks, key=lambda check: check.at, reverse=True)


def ids_said_yes(answers: Mapping[str, bool]) -> list[str]:
    """The ids answered yes: the questions asked now in their order, then retired ones in
    theirs, then any other id (from a foreign file)."""
    order = [q.id for q in questions()] + list(RETIRED_QUESTIONS)
    said_yes = [qid for qid in order if answers.get(qid) is True]
    return said_yes + sorted(qid for qid, yes in answers.items() if yes and qid not in said_yes)


def signs_said_yes(answers: Mapping[str, bool]) -> list[str]:
    """The short names of the questions answered yes, in the order of ``ids_said_yes``."""
    return [short_name(qid) for qid in ids_said_yes(answers)]


def signs_in_words(answers: Mapping[str, bool], *, at_most: int | None = None) -> str:
    """The signs answered yes, joined: "bladder trouble, saddle numbness" ("" for none).

    ``at_most`` names only that many and counts the rest ("… and 2 more").
    """
    names = signs_said_yes(answers)
    if at_most is not None and len(names) > at_most:
        return ", ".join(names[:at_most]) + f" and {len(names) - at_most} more"
    return ", ".join(names)


def not_answered_count(check: RedFlagCheck) -> int:
    """How many questions of the check asked now were left unanswered (0 for a check saved
    with the retired questions, which were always answered in full)."""
    if any(qid in RETIRED_QUESTIONS for qid in check.answers):
        return 0
    return len(unanswered(check.answers))


def yes_summary(check: RedFlagCheck) -> str:
    """Which answers were yes, in a few words ("Yes to: bladder trouble (9 not answered)",
    "No to all questions")."""
    names = signs_in_words(check.answers)
    missing = not_answered_count(check)
    if not names:
        return "No to all questions" if not missing else f"No to {len(check.answers)} questions"
    return f"Yes to: {names}" + (f" ({missing} not answered)" if missing else "")


def verdict_and_signs(check: RedFlagCheck) -> str:
    """The verdict and the signs that gave it: "emergency, yes to bladder trouble" (the
    verdict alone when no answer was yes)."""
    signs = signs_in_words(check.answers)
    return f"{check.verdict.value}, yes to {signs}" if signs else check.verdict.value


# --- the check in progress, in words ------------------------------------------------------------


def numbers_of(question_ids: Iterable[str], asked: Sequence[RedFlagQuestion] | None = None) -> str:
    """The questions' numbers as shown on screen (from 1), runs joined: "3, 5–12"."""
    wanted = set(question_ids)
    numbers = [n for n, q in enumerate(asked or questions(), start=1) if q.id in wanted]
    runs: list[list[int]] = []
    for number in numbers:
        if runs and number == runs[-1][-1] + 1:
            runs[-1].append(number)
        else:
            runs.append([number])
    return ", ".join(str(run[0]) if len(run) == 1 else f"{run[0]}–{run[-1]}" for run in runs)


def progress_words(
    answers: Mapping[str, bool],
    asked: Sequence[RedFlagQuestion] | None = None,
    *,
    emergency: bool = False,
    insist: bool = False,
) -> str:
    """Two lines: every answer so far ("1✘ 2✔ 3?"), then how far the check is. ``emergency``:
    the check is already saved with the emergency advice; ``insist``: the result was asked
    for too soon."""
    asked = asked or questions()
    marks = {True: "✔", False: "✘"}
    summary = " ".join(
        f"{number}{marks[answers[q.id]] if q.id in answers else '?'}"
        for number, q in enumerate(asked, start=1)
    )
    missing = unanswered(answers, asked)
    total = len(asked)
    done = f"{total - len(missing)} of {total} answered."
    if emergency:
        status = (
            f"{done} Your check is kept with the emergency advice; each answer you add is "
            "saved to it."
        )
    elif not missing:
        status = f"All {total} answered. Press Enter (or the button) to see the result."
    else:
        lead = "Please answer every question first. " if insist else ""
        status = f"{lead}{done} Still to answer: {numbers_of(missing, asked)}."
    return f"Your answers: {summary}\n{status}"


def unfinished_words(
    answers: Mapping[str, bool], asked: Sequence[RedFlagQuestion] | None = None
) -> str:
    """Why quitting now loses a check with no emergency yes (it is saved with the result),
    and what to do about each yes already given."""
    asked = asked or questions()
    count, total = len(answers), len(asked)
    message = (
        f"{count} of {total} questions {'is' if count == 1 else 'are'} answered. A check "
        f"is saved once all {total} are answered and you see the result."
    )
    said_yes = yes_questions(answers, asked)
    if said_yes:
        message += "\n\nYou answered yes to:\n" + "\n".join(
            f"• {q.short.capitalize()}: {q.next_step}" for q in said_yes
        )
    return message
