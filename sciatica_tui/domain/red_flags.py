"""The red-flag check's rules: which answers give which verdict, and how answers are shown.

Pure Python (no Textual, no TinyDB), so the rule that decides "go to the emergency
department now" can be tested on every combination of answers.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence

from sciatica_tui.domain import content
from sciatica_tui.domain.content import RedFlagQuestion
from sciatica_tui.domain.records import RedFlagCheck, Verdict

# A few words per question, for the history list and summaries (the full questions are
# in content/red_flags.toml).
SHORT_NAMES: dict[str, str] = {
    "bladder_bowel": "bladder or bowel change",
    "saddle_numbness": "saddle numbness",
    "leg_weakness": "leg weakness",
    "severe_pain": "severe new pain",
    "trauma": "after a big injury",
    "fever_weight_loss": "fever or weight loss",
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
    """A verdict was asked for before every question had an answer."""

    def __init__(self, unanswered: Sequence[str]) -> None:
        """``unanswered`` holds the ids of the questions still without an answer."""
        self.unanswered = tuple(unanswered)
        names = ", ".join(short_name(qid) for qid in self.unanswered)
        super().__init__(f"Every question needs an answer first. Still to answer: {names}.")


def questions() -> tuple[RedFlagQuestion, ...]:
    """The six questions, in the order they are asked."""
    return content.red_flags().questions


def short_name(question_id: str) -> str:
    """A few words naming a question ("saddle numbness")."""
    return SHORT_NAMES.get(question_id, question_id.replace("_", " "))


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


def red_flag_verdict(
    answers: Mapping[str, bool], asked: Sequence[RedFlagQuestion] | None = None
) -> Verdict:
    """The verdict of a finished check.

    ``emergency`` if any emergency question is answered yes, else ``urgent`` if any urgent
    one is, else ``clear``. Raises ``CheckNotFinished`` while any question is unanswered
    (a person sees every answer before the verdict), and ``ValueError`` for an answer to a
    question the check does not ask.
    """
    asked = asked or questions()
    unknown = sorted(set(answers) - {q.id for q in asked})
    if unknown:
        raise ValueError(f"Not a question of the red-flag check: {', '.join(unknown)}")
    missing = unanswered(answers, asked)
    if missing:
        raise CheckNotFinished(missing)
    said_yes = {q.verdict for q in yes_questions(answers, asked)}
    for verdict in (Verdict.EMERGENCY, Verdict.URGENT):
        if verdict in said_yes:
            return verdict
    return Verdict.CLEAR


def newest_first(checks: Iterable[RedFlagCheck]) -> list[RedFlagCheck]:
    """Checks sorted with the most recent first."""
    return sorted(checks, key=lambda check: check.at, reverse=True)


def yes_summary(answers: Mapping[str, bool]) -> str:
    """Which answers were yes, in a few words ("Yes to: leg weakness" or "No to all")."""
    said_yes = [qid for qid in (q.id for q in questions()) if answers.get(qid) is True]
    said_yes += sorted(qid for qid, yes in answers.items() if yes and qid not in said_yes)
    if not said_yes:
        return "No to all questions"
    return "Yes to: " + ", ".join(short_name(qid) for qid in said_yes)
