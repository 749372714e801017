"""Answers of one day that do not fit together: said to the person, never refused.

A day with leg pain 3 whose pain goes "down to: no pain" is most likely a slip of a key, but
it may be what the person means; the form says what does not fit, beside the field to look
at, and saves the day as typed.
"""

from __future__ import annotations

from dataclasses import dataclass

from sciatica_tui.domain.records import Reach

# Reach levels that are in the leg: pain there is leg pain.
IN_THE_LEG = frozenset({Reach.THIGH, Reach.BELOW_KNEE, Reach.FOOT})


@dataclass(frozen=True)
class Contradiction:
    """Two answers that do not fit: ``field`` is the one the words are shown beside."""

    field: str
    message: str


def contradictions(
    *,
    leg_pain: int | None,
    pain_reach: Reach | None,
    numbness: int | None,
    numbness_reach: Reach | None,
) -> tuple[Contradiction, ...]:
    """What does not fit among the answers given (an answer not given fits everything)."""
    found: list[Contradiction] = []
    if leg_pain is not None and leg_pain >= 1 and pain_reach is Reach.NONE:
        found.append(
            Contradiction(
                "pain_reach",
                f'Leg pain is {leg_pain}, but the pain goes "down to: no pain". '
                "Is one of them a slip?",
            )
        )
    if leg_pain == 0 and pain_reach is not None and pain_reach in IN_THE_LEG:
        found.append(
            Contradiction(
                "pain_reach",
                f"The pain goes down to the {pain_reach.label.lower()}, but leg pain is 0. "
                "Is one of them a slip?",
            )
        )
    if numbness == 0 and numbness_reach is not None and numbness_reach is not Reach.NONE:
        found.append(
            Contradiction(
                "numbness_reach",
                f"Numbness is 0, but it goes down to the {numbness_reach.label.lower()}. "
                "Is one of them a slip?",
            )
        )
    return tuple(found)
