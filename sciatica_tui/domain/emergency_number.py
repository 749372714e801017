"""The phone numbers the red-flag advice names: the emergency number, and where there is one,
a number for urgent advice (111 in the UK).

Pure: the choices offered, the check of a number the person types, and the sentences that
name a number (the words themselves are in ``content/red_flags.toml``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sciatica_tui.domain import content
from sciatica_tui.domain.content_schema import NUMBER_SLOT
from sciatica_tui.domain.records import Settings

# A number the person types: digits, with spaces, dashes or dots between them, and a "+"
# in front for a full international number. Emergency numbers are short; 15 digits is the
# longest phone number there is.
NUMBER_SHAPE = re.compile(r"\+?[0-9]+(?:[ .\-][0-9]+)*")
MAX_DIGITS = 15
MAX_LENGTH = 20
NUMBER_HINT = "Type the number in digits, for example 999. Spaces and dashes are fine."

OTHER = "other"


@dataclass(frozen=True)
class NumberChoice:
    """One ready-made choice: its id, how it is offered, and the numbers it sets."""

    id: str
    label: str
    emergency: str
    urgent: str | None = None


NUMBER_CHOICES: tuple[NumberChoice, ...] = (
    NumberChoice("999_111", "999, and 111 for urgent advice (UK)", "999", "111"),
    NumberChoice("999", "999", "999"),
    NumberChoice("112", "112 (most of Europe)", "112"),
    NumberChoice("911", "911 (US and Canada)", "911"),
    NumberChoice("000", "000 (Australia)", "000"),
)


class BadNumber(ValueError):
    """What the person typed is not a phone number; the message says why, plainly."""


def check_phone_number(text: str) -> str:
    """The number typed, tidied (outer spaces gone), or ``BadNumber`` saying what is wrong."""
    number = " ".join(str(text).split())
    digits = sum(ch.isdigit() for ch in number)
    if not number:
        raise BadNumber(f"No number typed. {NUMBER_HINT}")
    if len(number) > MAX_LENGTH or digits > MAX_DIGITS:
        raise BadNumber(f"That is too long for a phone number. {NUMBER_HINT}")
    if not NUMBER_SHAPE.fullmatch(number):
        raise BadNumber(f"A phone number holds only digits. {NUMBER_HINT}")
    if digits < 2:
        raise BadNumber(f"That is too short for a phone number. {NUMBER_HINT}")
    return number


def choice_of(settings: Settings) -> str | None:
    """The id of the choice that matches the settings: a ready-made one, ``OTHER`` for a
    typed number, or None when no number was chosen yet."""
    if settings.emergency_number is None:
        return None
    for choice in NUMBER_CHOICES:
        if (choice.emergency, choice.urgent) == (
            settings.emergency_number,
            settings.urgent_number,
        ):
            return choice.id
    return OTHER


def number_to_call(settings: Settings) -> str:
    """The emergency number, or the words for it when none was chosen yet."""
    return settings.emergency_number or content.red_flags().unknown_number


def call_for_help(settings: Settings) -> str:
    """ "Call 999 for an ambulance if you cannot get there safely." (the chosen number, or
    "your local emergency number (for example …)" until one is chosen)."""
    return content.red_flags().call_for_help.replace(NUMBER_SLOT, number_to_call(settings))


def urgent_advice_line(settings: Settings) -> str | None:
    """The line naming the urgent-advice number (111), when the person chose one."""
    if settings.urgent_number is None:
        return None
    return content.red_flags().urgent_line.replace(NUMBER_SLOT, settings.urgent_number)


def numbers_in_words(settings: Settings) -> str:
    """The chosen numbers as a person reads them ("999, and 111 for urgent advice")."""
    if settings.emergency_number is None:
        return "not chosen yet"
    if settings.urgent_number is None:
        return settings.emergency_number
    return f"{settings.emergency_number}, and {settings.urgent_number} for urgent advice"
