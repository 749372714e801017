"""Words of the weekly review that depend on the other signs found the same week.

Pure. The signals themselves (which ids, which side) follow DESIGN.md and never change here;
only how they are said does:

* pain moving up (``centralizing``) is a good sign only while weakness and numbness are not
  getting worse, so beside ``weakness`` or ``numbness_spreading`` it is said as a sign to
  watch, with the advice to get checked, never as a cheer;
* a week with signs of recovery and none to watch adds that less pain is not yet healed.
"""

from __future__ import annotations

from collections.abc import Iterable

from sciatica_tui.domain.content_schema import SignalContent, SignalText
from sciatica_tui.domain.teaching import Teaching, teaching

# The signs that take the good news out of pain moving up.
WORSE_NERVE_SIGNS = frozenset({"weakness", "numbness_spreading"})


def centralizing_needs_a_check(recovery: Iterable[str], decline: Iterable[str]) -> bool:
    """True when pain moved up while weakness or numbness got worse."""
    return "centralizing" in set(recovery) and bool(WORSE_NERVE_SIGNS & set(decline))


def signal_words(
    recovery: tuple[str, ...],
    decline: tuple[str, ...],
    words: SignalContent,
    taught: Teaching | None = None,
) -> tuple[tuple[SignalText, ...], tuple[SignalText, ...]]:
    """The words of the recovery signs and of the signs to watch, each in the order given.

    Pain moving up beside worse weakness or numbness leaves the recovery words and comes
    first among the signs to watch, said with the centralisation rule of ``teaching.toml``.
    """
    if not centralizing_needs_a_check(recovery, decline):
        return (
            tuple(words.signals[s] for s in recovery),
            tuple(words.signals[s] for s in decline),
        )
    moved_up = words.signals["centralizing"]
    rule = (taught or teaching()).centralisation
    caution = SignalText(moved_up.id, "decline", rule.title, moved_up.text, rule.advice)
    return (
        tuple(words.signals[s] for s in recovery if s != "centralizing"),
        (caution, *(words.signals[s] for s in decline)),
    )


def reminders(
    recovery: tuple[str, ...], decline: tuple[str, ...], taught: Teaching | None = None
) -> tuple[str, ...]:
    """What to add to the steps: when every sign found is good, that less pain is not
    always fully healed."""
    return ((taught or teaching()).myths.no_pain,) if recovery and not decline else ()
